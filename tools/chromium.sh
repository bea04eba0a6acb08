#!/usr/bin/env bash
# Debian's Chromium prints the PDFs and runs the browser tests. Exit 0 when it is there, after
# installing it where this machine allows (apt-get, as root or with sudo that needs no password);
# exit 1 when it is missing and cannot be installed here.
set -uo pipefail
for candidate in /usr/bin/chromium /usr/bin/chromium-browser; do [ -x "$candidate" ] && exit 0; done
command -v chromium >/dev/null 2>&1 && exit 0
command -v apt-get >/dev/null 2>&1 || exit 1
if [ "$(id -u)" = 0 ]; then sudo=""; elif sudo -n true 2>/dev/null; then sudo="sudo -n"; else exit 1; fi
echo "Installing Debian's chromium (for the PDFs and the browser tests)"
$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
