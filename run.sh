#!/usr/bin/env bash
# The two commands of the README:
#   ./run.sh build   set everything up, then build the site from content/ into site/
#   ./run.sh test    set everything up, then run the whole test suite
set -euo pipefail
cd "$(dirname "$0")"

VENV=.venv
PY="$VENV/bin/python"

setup() {
    if [ ! -x "$PY" ]; then
        python3 -m venv "$VENV"
    fi
    local stamp="$VENV/.installed"
    local wanted
    wanted=$(cat pyproject.toml requirements-argos.txt | sha256sum | cut -d' ' -f1)
    if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$wanted" ]; then
        "$PY" -m pip install --quiet --upgrade pip
        "$PY" -m pip install --quiet -e ".[test]"
        # argostranslate's declared dependencies include stanza, spaCy and torch;
        # we only use its package manager, so it goes in without them.
        "$PY" -m pip install --quiet --no-deps -r requirements-argos.txt
        echo "$wanted" > "$stamp"
    fi
}

case "${1:-}" in
    build)
        setup
        shift
        exec "$VENV/bin/digest" build "$@"
        ;;
    test)
        setup
        shift
        exec "$PY" -m pytest "$@"
        ;;
    *)
        echo "usage: ./run.sh build|test [extra arguments]" >&2
        exit 2
        ;;
esac
