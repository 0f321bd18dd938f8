#!/usr/bin/env bash
# run.sh — the first of the README's two commands: installs what is missing,
# builds Budg and starts it.
#
#   build-aux/run.sh            run on your own database (BUDG_DB or the default)
#   build-aux/run.sh --demo     run on a generated demo database (20,000 transactions)
#   build-aux/run.sh --demo N   … with N transactions
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
build="$top/_build"

demo=""
case "${1:-}" in
  --demo) demo="${2:-20000}" ;;
  "") ;;
  *) echo "usage: build-aux/run.sh [--demo [TRANSACTIONS]]" >&2; exit 2 ;;
esac

"$top/build-aux/install-deps.sh"

if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" "$top" --prefix="$build/install"
fi
ninja -C "$build"

# Run uninstalled: the schema is compiled into the build tree.
export GSETTINGS_SCHEMA_DIR="$build/data"

if [ -n "$demo" ]; then
  cache="${XDG_CACHE_HOME:-$HOME/.cache}/budg"
  mkdir -p "$cache"
  db="$cache/demo-$demo.db"
  if [ ! -f "$db" ]; then
    "$build/src/cli/budg-cli" --db "$db" demo --transactions "$demo"
  fi
  export BUDG_DB="$db"
fi

exec "$build/src/app/budg"
