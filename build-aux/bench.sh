#!/usr/bin/env bash
# bench.sh — prints the performance figures the issues name:
#   * demo generation rate for 1,000,000 transactions (target ≥ 300,000 rows/s)
#   * launch to the first frame that shows data, on an empty database and on the
#     1,000,000-transaction demo (target ≤ 0.5 s; large within 1.2× of empty)
#   * peak RSS of the app with the large database open (target ≤ 150 MB)
#   * 500 bills over 10 accounts expanded and forecast two years ahead (≤ 50 ms),
#     and one drag-and-drop reorder persisted and re-projected (≤ 30 ms)
#   * the register on 1,000,000 transactions: first frame ≤ 0.5 s, scrolling
#     in large jumps ≤ 16 ms of our work a frame, a search or filter ≤ 100 ms
#     to the updated view, sorting by amount ≤ 200 ms, peak RSS ≤ 150 MB
#   * rendering a chart ≤ 16 ms; spending by category by month over ten
#     years ≤ 100 ms; budget status for a month ≤ 20 ms; each view's first
#     frame ≤ 0.3 s
#   * a 1,000,000-row CSV imported with 100 rules ≥ 300,000 rows/s, beside
#     sqlite3's .import; a 100,000-transaction OFX within 1.5× of ofxdump
#   * a bank sync of 10,000 transactions in 20 pages from the local mock
#     Plaid ≤ 1 s, with memory flat in the number of pages
#
#   build-aux/bench.sh [TRANSACTIONS]     (default 1000000)
# Uses the optimized build in _build-bench; the app runs under Xvfb.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
build="$top/_build-bench"
n="${1:-1000000}"
runs=5

"$top/build-aux/install-deps.sh"
if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" "$top" --buildtype=release >/dev/null
fi
ninja -C "$build" >/dev/null

work=$(mktemp -d /tmp/budg-bench-XXXXXX)
trap 'rm -rf "$work"' EXIT
export GSETTINGS_SCHEMA_DIR="$build/data" GSETTINGS_BACKEND=memory NO_AT_BRIDGE=1
unset DBUS_SESSION_BUS_ADDRESS
# Xvfb has no GPU, so GTK's GL renderer would run on Mesa's software
# rasterizer, whose own start-up (~200 ms) and memory (~130 MB) say nothing
# about Budg. The figures use the cairo renderer; one line at the end shows
# the software-GL figures for reference.
export GDK_DEBUG=gl-disable GSK_RENDERER=cairo

cli="$build/src/cli/budg-cli"
app="$build/src/app/budg"

# 1. Demo generation.
start=$(date +%s.%N)
"$cli" --db "$work/large.db" demo --transactions "$n" --seed 1 >/dev/null
end=$(date +%s.%N)
gen_seconds=$(echo "$end - $start" | bc -l)
printf 'demo generation: %d transactions in %.2f s = %.0f rows/s (target >= 300000)\n' \
  "$n" "$gen_seconds" "$(echo "$n / $gen_seconds" | bc -l)"

"$cli" --db "$work/empty.db" init >/dev/null

# 2. Launch to first frame with data. The app prints the time itself
#    (BUDG_TRACE=startup), measured from the process start, and quits.
first_frame() {
  local db="$1" line
  line=$(BUDG_DB="$db" BUDG_TRACE=startup,quit xvfb-run -a -s '-screen 0 1280x800x24' "$app" 2>&1 |
         grep -m1 'first frame with data' || true)
  echo "$line" | sed -E 's/.* after ([0-9.]+) ms.*/\1/'
}

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

first_frame "$work/empty.db" >/dev/null   # warm the caches once
empty_ms=$(for _ in $(seq $runs); do first_frame "$work/empty.db"; done | median)
large_ms=$(for _ in $(seq $runs); do first_frame "$work/large.db"; done | median)
printf 'first frame with data, empty database: %s ms (median of %d; target <= 500)\n' "$empty_ms" "$runs"
printf 'first frame with data, %d transactions: %s ms (median of %d; target <= 500 and <= 1.2x empty = %.0f ms)\n' \
  "$n" "$large_ms" "$runs" "$(echo "$empty_ms * 1.2" | bc -l)"

# 3. Peak resident memory with the large database open.
rss_kb=$( { BUDG_DB="$work/large.db" BUDG_TRACE=startup,quit \
            xvfb-run -a -s '-screen 0 1280x800x24' /usr/bin/time -f 'maxrss %M' "$app" >/dev/null; } 2>&1 |
          sed -n 's/^maxrss //p')
printf 'peak RSS with %d transactions open: %.1f MB (target <= 150)\n' "$n" "$(echo "$rss_kb / 1024" | bc -l)"

# 4. Bills: 500 bills over 10 accounts forecast two years ahead, and one reorder.
"$build/tests/bench/bench-bills"

# 5. The register (Transactions view) on the large database: launch to its
#    first frame with data and the peak memory, with the app opening on that
#    view (a keyfile settings backend remembers it, as a user's would), then
#    scrolling, searching, filtering and sorting on real widgets.
mkdir -p "$work/config/glib-2.0/settings"
printf "[io/github/budg/Budg]\nlast-view='transactions'\n" > "$work/config/glib-2.0/settings/keyfile"
register_first_frame() {
  XDG_CONFIG_HOME="$work/config" GSETTINGS_BACKEND=keyfile first_frame "$work/large.db"
}
register_ms=$(for _ in $(seq $runs); do register_first_frame; done | median)
printf 'register first frame with data, %d transactions: %s ms (median of %d; target <= 500)\n' \
  "$n" "$register_ms" "$runs"
register_rss_kb=$( { XDG_CONFIG_HOME="$work/config" GSETTINGS_BACKEND=keyfile \
                     BUDG_DB="$work/large.db" BUDG_TRACE=startup,quit \
                     xvfb-run -a -s '-screen 0 1280x800x24' /usr/bin/time -f 'maxrss %M' "$app" >/dev/null; } 2>&1 |
                   sed -n 's/^maxrss //p')
printf 'register peak RSS with %d transactions: %.1f MB (target <= 150)\n' \
  "$n" "$(echo "$register_rss_kb / 1024" | bc -l)"
xvfb-run -a -s '-screen 0 1600x1000x24' "$build/tests/bench/bench-register" "$work/large.db"

# 6. Charts: one render of each kind.
"$build/tests/bench/bench-charts"

# 7. Budgets, goals and reports on the large database, with budgets on
#    every expense group running (with rollover) from ten years back, two
#    goals and the rate the euro account needs: the reports' own figures,
#    then each view's first frame after switching to it.
"$cli" --db "$work/large.db" rate set EUR USD 1.08 --date 2000-01-01 >/dev/null
for group in Food Housing Transport Shopping Personal Utilities Leisure Health; do
  "$cli" --db "$work/large.db" budget set "$group" --amount 500 --period monthly --rollover all \
    --from "$(date -d '-10 years' +%Y-%m)" >/dev/null
done
"$cli" --db "$work/large.db" goal add "Emergency fund" --target 10000 --by "$(date -d '+1 year' +%Y-%m-%d)" \
  --account "Rainy Day Savings" --auto-percent 10 >/dev/null
"$cli" --db "$work/large.db" goal add Holiday --target 3000 --by "$(date -d '+7 months' +%Y-%m-%d)" >/dev/null
"$build/tests/bench/bench-reports" "$work/large.db"
xvfb-run -a -s '-screen 0 1600x1000x24' "$build/tests/bench/bench-views" "$work/large.db"

# 7. Import: a 1,000,000-row CSV with 100 rules end to end, next to
#    sqlite3's own .import of the same file; a 100,000-transaction OFX next
#    to libofx's ofxdump.
"$build/tests/bench/bench-import" "$n"

# 8. Bank sync from the local mock Plaid: the time for 10,000 transactions
#    in 20 pages, and the sync's peak memory for 10, 20 and 40 pages.
"$build/tests/bench/bench-plaid"

# For reference: the same with GTK's GL renderer on Mesa's software rasterizer.
gl_line=$(env -u GDK_DEBUG -u GSK_RENDERER BUDG_DB="$work/large.db" BUDG_TRACE=startup,quit \
          xvfb-run -a -s '-screen 0 1280x800x24' /usr/bin/time -f 'maxrss %M' "$app" 2>&1 >/dev/null | tr '\n' ' ')
printf 'for reference, with software GL (llvmpipe): %s\n' "$gl_line"
