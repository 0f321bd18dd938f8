#!/usr/bin/env bash
# screenshots.sh — renders Budg's main views on demo data under Xvfb into
# data/screenshots/, for the README and the metainfo. The app draws its own
# window into the PNG (BUDG_SCREENSHOT), so no window manager is involved.
#
#   build-aux/screenshots.sh [OUTPUT_DIR]    (default data/screenshots)
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
build="$top/_build"
out="${1:-$top/data/screenshots}"

"$top/build-aux/install-deps.sh"
if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" "$top" >/dev/null
fi
ninja -C "$build" >/dev/null
mkdir -p "$out"

work=$(mktemp -d /tmp/budg-shots-XXXXXX)
trap 'rm -rf "$work"' EXIT
export GSETTINGS_SCHEMA_DIR="$build/data" GSETTINGS_BACKEND=memory NO_AT_BRIDGE=1
export LANG=C.UTF-8 LC_ALL=C.UTF-8
unset DBUS_SESSION_BUS_ADDRESS

# A fixed end date keeps the pictures the same from one run to the next.
BUDG_DEMO_END_DATE=2026-11-20 "$build/src/cli/budg-cli" --db "$work/demo.db" \
  demo --transactions 20000 --seed 1 >/dev/null
"$build/src/cli/budg-cli" --db "$work/empty.db" init >/dev/null
# Budgets and a rate, so that the Budgets and Reports views have something to show.
cli_demo() { "$build/src/cli/budg-cli" --db "$work/demo.db" "$@" >/dev/null; }
cli_demo rate set EUR USD 1.08 --date 2026-01-01
cli_demo budget set Housing --amount 1800 --period monthly --from 2026-01
cli_demo budget set Food --amount 750 --period monthly --from 2026-01 --rollover leftover
cli_demo budget set Transport --amount 200 --period monthly --from 2026-01
cli_demo budget set Shopping --amount 150 --period monthly --from 2026-01
cli_demo budget set Utilities --amount 250 --period monthly --from 2026-01
cli_demo budget set Travel --amount 1200 --period yearly --from 2026-01

shot() {
  local name="$1" db="$2" view="$3" width="$4" height="$5" dark="${6:-0}"
  rm -f "$out/$name.png"
  BUDG_DB="$db" BUDG_SCREENSHOT="$out/$name.png" BUDG_SCREENSHOT_VIEW="$view" \
  BUDG_SCREENSHOT_WIDTH="$width" BUDG_SCREENSHOT_HEIGHT="$height" BUDG_SCREENSHOT_DARK="$dark" \
    timeout 60 xvfb-run -a -s '-screen 0 1600x1000x24' "$build/src/app/budg"
  # The app exits 0 whether or not it could write the picture; check the file.
  if [ ! -s "$out/$name.png" ]; then
    echo "screenshots.sh: $name.png was not written" >&2
    exit 1
  fi
  echo "wrote $out/$name.png"
}

shot main "$work/demo.db" bills 1200 760
shot transactions "$work/demo.db" transactions 1200 760
shot budgets "$work/demo.db" budgets 1200 760
shot reports "$work/demo.db" reports 1200 760
shot accounts "$work/demo.db" bills 1200 760 1
shot welcome "$work/empty.db" bills 1000 700
shot narrow "$work/demo.db" transactions 360 720
