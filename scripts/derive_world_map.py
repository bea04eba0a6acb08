"""Derive the book's world map from Natural Earth country shapes (public domain).

Usage (from the project root, after `make vendor`, which installs the npm package world-atlas):

    python scripts/derive_world_map.py tools/vendor/node_modules/world-atlas/countries-110m.json \
        --out data/world-110m.json

world-atlas ships Natural Earth's 1:110m Admin 0 countries as quantized TopoJSON. This script decodes
the arcs into plain longitude/latitude rings (rounded to 0.01 degree) so the book needs neither a
TopoJSON library nor any download at run time.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """Undo TopoJSON's quantization and delta encoding: every arc as absolute lon/lat points."""
    (scale_x, scale_y), (shift_x, shift_y) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((round(x * scale_x + shift_x, 2), round(y * scale_y + shift_y, 2)))
        arcs.append(points)
    return arcs


def ring(indices: list[int], arcs) -> list[list[float]]:
    """Join arcs into one ring; a negative index means the arc reversed (~i)."""
    points: list[tuple[float, float]] = []
    for index in indices:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc[1:] if points else arc)
    return [list(p) for p in points]


def countries(topology: dict) -> list[dict]:
    arcs = decode_arcs(topology)
    result = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        if geometry.get("type") == "Polygon":
            polygons = [geometry["arcs"]]
        elif geometry.get("type") == "MultiPolygon":
            polygons = geometry["arcs"]
        else:
            continue
        rings = [ring(part, arcs) for polygon in polygons for part in polygon[:1]]  # outer rings only
        result.append({"name": geometry["properties"]["name"], "id": geometry.get("id", ""), "rings": rings})
    return sorted(result, key=lambda c: c["name"])


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("topojson", type=Path)
    parser.add_argument("--out", type=Path, default=Path("data/world-110m.json"))
    args = parser.parse_args(argv)
    topology = json.loads(args.topojson.read_text(encoding="utf-8"))
    if topology.get("type") != "Topology" or "countries" not in topology.get("objects", {}):
        raise SystemExit(f"{args.topojson}: not a world-atlas countries TopoJSON")
    data = {
        "source": "Natural Earth 1:110m Admin 0 countries (public domain), via the npm package world-atlas 2.0.2",
        "countries": countries(topology),
    }
    args.out.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {args.out}: {len(data['countries'])} countries, {args.out.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
