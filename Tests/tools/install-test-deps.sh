#!/usr/bin/env bash
# Installs what the store tests need, each only where it is missing (quiet, idempotent):
#   - the Oxigraph server: PyPI's `oxigraph` (its `oxigraph` command), and pyoxigraph for the expected answers;
#   - Virtuoso: Debian's `virtuoso-opensource` (virtuoso-t and isql-vt).
# The tests start private instances on 127.0.0.1 only (Tests/tools/stores/).
set -euo pipefail
SUDO=""
[ "$(id -u)" = 0 ] || SUDO=sudo

scripts_dir() { python3 -c 'import sysconfig; print(sysconfig.get_path("scripts"))'; }

if ! command -v oxigraph >/dev/null 2>&1 && [ ! -x "$(scripts_dir)/oxigraph" ]; then
  echo "Installing the Oxigraph server through pip (oxigraph)"
  python3 -m pip install -q --disable-pip-version-check oxigraph 2>&1 | grep -v -i "running pip as the 'root' user" || true
  command -v pyenv >/dev/null 2>&1 && pyenv rehash >/dev/null 2>&1 || true
fi
if ! python3 -c 'import pyoxigraph' >/dev/null 2>&1; then
  echo "Installing pyoxigraph through pip"
  python3 -m pip install -q --disable-pip-version-check pyoxigraph 2>&1 | grep -v -i "running pip as the 'root' user" || true
fi
if ! command -v virtuoso-t >/dev/null 2>&1 || ! command -v isql-vt >/dev/null 2>&1; then
  echo "Installing Virtuoso through apt-get (virtuoso-opensource)"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq virtuoso-opensource >/dev/null
fi
