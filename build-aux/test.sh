#!/usr/bin/env bash
# test.sh — the second of the README's two commands: installs what is
# missing, builds Budg and runs the whole test suite headless. Ends with the
# line "N passed, N failed" taken from meson's testlog.json.
#
#   build-aux/test.sh              the suite in _build-test
#   build-aux/test.sh --sanitize   the suite under AddressSanitizer, UBSan and
#                                  LeakSanitizer, in _build-sanitize
set -uo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
build="$top/_build-test"
options=()

case "${1:-}" in
  --sanitize)
    build="$top/_build-sanitize"
    options=(-Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debug)
    # Leaks are errors; the only suppressions are for system libraries, each
    # justified in build-aux/lsan.supp.
    export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:detect_odr_violation=0"
    export LSAN_OPTIONS="suppressions=$top/build-aux/lsan.supp:print_suppressions=0"
    export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
    ;;
  "") ;;
  *) echo "usage: build-aux/test.sh [--sanitize]" >&2; exit 2 ;;
esac

"$top/build-aux/install-deps.sh" || exit 1

if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" "$top" "${options[@]}" || exit 1
fi
ninja -C "$build" || exit 1

# No stray session from the caller: the tests bring their own display and bus.
unset DISPLAY WAYLAND_DISPLAY DBUS_SESSION_BUS_ADDRESS

meson test -C "$build" --print-errorlogs --num-processes 2
status=$?

python3 - "$build/meson-logs/testlog.json" <<'PY'
import json, sys
passed = failed = skipped = 0
with open(sys.argv[1]) as log:
    for line in log:
        result = json.loads(line)["result"]
        if result in ("OK", "EXPECTEDFAIL"):
            passed += 1
        elif result == "SKIP":
            skipped += 1
        else:
            failed += 1
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status
