#!/usr/bin/env bash
# Installs the Python peer of `ledger-bench --peers`: eventsourcing 9.5.6 in a virtual environment
# beside this script (.venv, ignored by git). Safe to run again.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
if [ ! -x "$here/.venv/bin/python" ]; then
    python3 -m venv "$here/.venv"
fi
"$here/.venv/bin/pip" install --quiet --disable-pip-version-check "eventsourcing==9.5.6"
"$here/.venv/bin/python" -c "import eventsourcing, sys; print('eventsourcing peer ready:', sys.version.split()[0])"
