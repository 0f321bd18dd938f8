#!/usr/bin/env python3
# check-potfiles.py
#
# Copyright 2026 The Budg authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checks that po/POTFILES.in names every file with translatable strings, only
# files that exist, once each and sorted: a file left out never reaches
# translators, and a file that no longer exists breaks `ninja budg-pot`.
#
# Usage: check-potfiles.py [--update] SOURCE_ROOT
#
# With --update, rewrites po/POTFILES.in to the files that need to be listed,
# keeping its leading comment, instead of checking it.

import re
import sys
from pathlib import Path

# Marks in C sources: _(), N_(), C_(), NC_(), Q_() and the plural forms.
# GNU style puts a space before the parenthesis, so allow one.
C_MARKS = re.compile(
    r'(?<![\w.>])(?:N?C?_|Q_|g_dngettext|g_dpgettext2?|ngettext|dngettext|'
    r'g_dcgettext|gettext|dgettext)\s*\(')
UI_MARKS = re.compile(r'translatable\s*=\s*"(?:yes|true|1)"', re.IGNORECASE)
DESKTOP_KEYS = re.compile(r'^(?:Name|GenericName|Comment|Keywords)\s*=', re.MULTILINE)
METAINFO_ELEMENTS = re.compile(r'<(?:name|summary|caption|p|li|keyword)(?:\s[^>]*)?>')
GSCHEMA_MARKS = re.compile(r'gettext-domain\s*=')
GSCHEMA_TEXT = re.compile(r'<(?:summary|description)\b')


def strip_c_comments_and_strings(text):
    """Blanks out comments and the insides of string and character literals,
    so that a comment such as "wrap it in _()" does not count as a string."""
    out = []
    i = 0
    n = len(text)
    while i < n:
        c = text[i]
        if text.startswith('/*', i):
            end = text.find('*/', i + 2)
            i = n if end < 0 else end + 2
            out.append(' ')
        elif text.startswith('//', i):
            end = text.find('\n', i)
            i = n if end < 0 else end
        elif c in '"\'':
            quote = c
            out.append(quote)
            i += 1
            while i < n and text[i] != quote:
                if text[i] == '\\':
                    i += 1
                elif text[i] == '\n':
                    break
                i += 1
            out.append(quote)
            i += 1
        else:
            out.append(c)
            i += 1
    return ''.join(out)


def strip_xml_comments(text):
    return re.sub(r'<!--.*?-->', '', text, flags=re.DOTALL)


def has_translatable_strings(path):
    text = path.read_text(encoding='utf-8', errors='replace')
    name = path.name
    if name.endswith(('.c', '.h')):
        return C_MARKS.search(strip_c_comments_and_strings(text)) is not None
    if name.endswith('.ui'):
        return UI_MARKS.search(strip_xml_comments(text)) is not None
    if name.endswith('.desktop.in'):
        return DESKTOP_KEYS.search(text) is not None
    if name.endswith(('.metainfo.xml.in', '.appdata.xml.in')):
        text = strip_xml_comments(text)
        # Elements marked translate="no" are left out of the template.
        text = re.sub(r'<(\w+)\s[^>]*translate="no"[^>]*>.*?</\1>', '', text, flags=re.DOTALL)
        return METAINFO_ELEMENTS.search(text) is not None
    if name.endswith('.gschema.xml'):
        text = strip_xml_comments(text)
        return GSCHEMA_MARKS.search(text) is not None and GSCHEMA_TEXT.search(text) is not None
    return False


def candidate_files(root):
    """Every file that could carry user-visible strings, relative to root."""
    found = set()
    src = root / 'src'
    if src.is_dir():
        for pattern in ('*.c', '*.h', '*.ui'):
            found.update(src.rglob(pattern))
    data = root / 'data'
    if data.is_dir():
        for pattern in ('*.in', '*.gschema.xml'):
            found.update(data.glob(pattern))
    return sorted(p.relative_to(root).as_posix() for p in found if p.is_file())


def read_potfiles(potfiles):
    """Returns the entries of POTFILES.in in file order, without comments and
    without the optional [type: …] prefix."""
    entries = []
    for line in potfiles.read_text(encoding='utf-8').splitlines():
        line = line.strip()
        if not line or line.startswith('#'):
            continue
        line = re.sub(r'^\[[^]]*\]\s*', '', line)
        entries.append(line)
    return entries


def update_potfiles(potfiles, needed):
    header = []
    if potfiles.is_file():
        for line in potfiles.read_text(encoding='utf-8').splitlines():
            if not line.startswith('#'):
                break
            header.append(line)
    potfiles.write_text('\n'.join(header + needed) + '\n', encoding='utf-8')
    print(f'wrote {len(needed)} files to {potfiles}')


def main(argv):
    args = argv[1:]
    update = '--update' in args
    if update:
        args.remove('--update')
    if len(args) != 1:
        print(f'usage: {argv[0]} [--update] SOURCE_ROOT', file=sys.stderr)
        return 2

    root = Path(args[0]).resolve()
    potfiles = root / 'po' / 'POTFILES.in'
    needed = [f for f in candidate_files(root) if has_translatable_strings(root / f)]

    if update:
        update_potfiles(potfiles, needed)
        return 0

    if not potfiles.is_file():
        print(f'{potfiles} does not exist', file=sys.stderr)
        return 1

    listed = read_potfiles(potfiles)
    listed_set = set(listed)
    failed = False

    missing = [f for f in needed if f not in listed_set]
    if missing:
        failed = True
        print(f'These files have translatable strings but are not in po/POTFILES.in ({len(missing)}):')
        for f in missing:
            print(f'  {f}')

    stale = [f for f in listed if not (root / f).is_file()]
    if stale:
        failed = True
        print(f'These files are in po/POTFILES.in but do not exist ({len(stale)}):')
        for f in stale:
            print(f'  {f}')

    duplicated = sorted({f for f in listed if listed.count(f) > 1})
    if duplicated:
        failed = True
        print('These files are in po/POTFILES.in more than once:')
        for f in duplicated:
            print(f'  {f}')

    if listed != sorted(listed):
        failed = True
        print('po/POTFILES.in is not sorted; the expected order is:')
        for f in sorted(listed_set):
            print(f'  {f}')

    # Harmless to xgettext, so only reported: the file may gain strings again.
    unused = [f for f in listed if (root / f).is_file() and f not in needed]
    for f in unused:
        print(f'note: {f} is in po/POTFILES.in but has no translatable strings')

    if failed:
        print('\nThe files with translatable strings, for po/POTFILES.in')
        print('(tests/data-files/check-potfiles.py --update SOURCE_ROOT writes them):')
        for f in needed:
            print(f'  {f}')
        return 1

    print(f'po/POTFILES.in lists all {len(needed)} files with translatable strings')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
