#!/usr/bin/env bash
# Set up a development environment and run one job in it.
#
#   bash tools/dev.sh demo   # create .venv, install cftools, run examples/demo.py (offline:
#                            # its client part talks to a local sandbox on loopback)
#   bash tools/dev.sh test   # create .venv, install test tools (+ Prism, Graphviz), run every check
#
# Everything lands in the repository (.venv, .ci/node); nothing global is touched except,
# when running as root without Graphviz, the Debian package `graphviz`.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
job=${1:-test}
py=${PYTHON:-python3}

setup_venv() {
  if [ ! -x .venv/bin/python ]; then
    "$py" -m venv .venv
  fi
  # pip runs only when something changed: the stamp holds what the last install was
  # made from (pyproject.toml's hash and this checkout's path, first line) and the
  # extras it installed (one per line). The install is editable, so source changes
  # need none; a new extra, a new dependency or a moved checkout do.
  local stamp=.venv/.cftools-installed
  local made_from
  made_from="$(.venv/bin/python -c 'import hashlib; print(hashlib.sha256(open("pyproject.toml", "rb").read()).hexdigest())') $root"
  local installed=""
  if [ -f "$stamp" ] && [ "$(head -n 1 "$stamp")" = "$made_from" ]; then
    installed=$(tail -n +2 "$stamp")
  fi
  local extra missing=""
  for extra in ${1//,/ }; do
    printf '%s\n' "$installed" | grep -qx -- "$extra" || missing=1
  done
  if [ -z "$missing" ] && .venv/bin/python -c 'import cftools' 2>/dev/null; then
    return 0
  fi
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".[$1]"
  {
    printf '%s\n' "$made_from"
    printf '%s\n' $installed ${1//,/ } | sort -u | grep -v '^$'
  } > "$stamp"
}

install_graphviz() {
  command -v dot >/dev/null 2>&1 && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "dev.sh: installing Graphviz (for SVG diagrams)" >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq graphviz) >/dev/null 2>&1 \
      || echo "dev.sh: could not install Graphviz; SVG tests will skip" >&2
  fi
}

install_prism() {
  # The contract tests drive the official spec through the Prism mock server.
  [ -x .ci/node/node_modules/.bin/prism ] && return 0
  if command -v npm >/dev/null 2>&1; then
    echo "dev.sh: installing the Prism mock server (npm)" >&2
    mkdir -p .ci/node
    (cd .ci/node && npm install --silent --no-audit --no-fund --prefix . @stoplight/prism-cli@5 >/dev/null 2>&1) \
      || echo "dev.sh: could not install Prism; contract tests will skip" >&2
  fi
}

case "$job" in
  demo)
    setup_venv "simulate,sandbox"
    exec .venv/bin/python examples/demo.py
    ;;
  test)
    setup_venv "test,bench,sandbox,progress"
    install_graphviz
    install_prism
    .venv/bin/ruff check src tests benchmarks examples tools
    .venv/bin/mypy
    exec .venv/bin/pytest -q
    ;;
  *)
    echo "usage: bash tools/dev.sh demo|test" >&2
    exit 2
    ;;
esac
