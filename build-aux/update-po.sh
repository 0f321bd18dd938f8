#!/usr/bin/env bash
# update-po.sh — regenerates po/budg.pot from the sources and merges it into
# every translation in po/LINGUAS, keeping the previous msgid of each changed
# message (--previous) so translators see what changed.
#
#   build-aux/update-po.sh [BUILD_DIR]    BUILD_DIR defaults to _build
#
# Run it after changing translatable strings or po/POTFILES.in (which
# `python3 tests/data-files/check-potfiles.py --update .` keeps up to date);
# then translate the new and fuzzy messages until the check-translations test
# passes.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
build="${1:-$top/_build}"

if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" "$top"
fi
ninja -C "$build" budg-pot

while read -r line; do
  line="${line%%#*}"
  for lang in $line; do
    echo "po/$lang.po:"
    msgmerge --quiet --update --previous --backup=none "$top/po/$lang.po" "$top/po/budg.pot"
    msgfmt --check --statistics -o /dev/null "$top/po/$lang.po"
  done
done < "$top/po/LINGUAS"
