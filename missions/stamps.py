"""Stamps of checks that passed, so a slow check runs again only when what it checked has changed.

A stamp is an empty file in the per-user cache, named by a hash of everything the check depends on
(the checked file's bytes, its schema, the checking library's version). A changed byte gives another
name, so the check runs again; a check that fails leaves no stamp.
"""

from __future__ import annotations

import hashlib
from importlib.metadata import version

from . import paths


def key(*parts: bytes, library: str) -> str:
    digest = hashlib.sha256(version(library).encode())
    for part in parts:
        digest.update(hashlib.sha256(part).digest())
    return digest.hexdigest()


def passed(stamp: str) -> bool:
    return (paths.cache_dir() / "validated" / stamp).exists()


def record(stamp: str) -> None:
    folder = paths.cache_dir() / "validated"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / stamp).touch()
    except OSError:  # a read-only home: the check simply runs again next time
        pass
