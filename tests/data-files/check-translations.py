#!/usr/bin/env python3
# check-translations.py
#
# Copyright 2026 The Budg authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checks that every language in po/LINGUAS is complete against the current
# sources and that its format specifiers are valid, so a string added without
# its translations, or a translation that would crash printf, fails the suite.
#
# Usage: check-translations.py SOURCE_ROOT [XGETTEXT MSGMERGE MSGFMT MSGATTRIB]
#
# Nothing in the source tree is written: the template is made afresh with
# xgettext into a temporary directory, and each po file is merged against it
# there. A message the po file has but the sources no longer use (obsolete)
# is reported but does not fail; `build-aux/update-po.sh` tidies those.

import re
import subprocess
import sys
import tempfile
from pathlib import Path

# The arguments of meson's 'glib' gettext preset (mesonbuild/modules/i18n.py,
# PRESET_ARGS['glib']), which po/meson.build uses for `ninja budg-pot`. The
# test makes its own template because meson's writes into po/.
GLIB_PRESET_ARGS = [
    '--from-code=UTF-8',
    '--add-comments',
    '--keyword=_',
    '--keyword=N_',
    '--keyword=C_:1c,2',
    '--keyword=NC_:1c,2',
    '--keyword=g_dcgettext:2',
    '--keyword=g_dngettext:2,3',
    '--keyword=g_dpgettext2:2c,3',
    '--flag=N_:1:pass-c-format',
    '--flag=C_:2:pass-c-format',
    '--flag=NC_:2:pass-c-format',
    '--flag=g_dngettext:2:pass-c-format',
    '--flag=g_strdup_printf:1:c-format',
    '--flag=g_string_printf:2:c-format',
    '--flag=g_string_append_printf:2:c-format',
    '--flag=g_error_new:3:c-format',
    '--flag=g_set_error:4:c-format',
    '--flag=g_markup_printf_escaped:1:c-format',
    '--flag=g_log:3:c-format',
    '--flag=g_print:1:c-format',
    '--flag=g_printerr:1:c-format',
    '--flag=g_printf:1:c-format',
    '--flag=g_fprintf:2:c-format',
    '--flag=g_sprintf:2:c-format',
    '--flag=g_snprintf:3:c-format',
]

# The Plural-Forms of the languages we know, as GNOME's teams and gettext's
# own table write them (spaces and outer parentheses do not matter). A
# language not listed here is still checked by msgfmt for a well-formed
# expression whose nplurals matches its msgstr[] forms.
KNOWN_PLURAL_FORMS = {
    'cs': ('3', '(n==1)?0:(n>=2&&n<=4)?1:2'),
    'da': ('2', 'n!=1'),
    'de': ('2', 'n!=1'),
    'es': ('2', 'n!=1'),
    'fi': ('2', 'n!=1'),
    'fr': ('2', 'n>1'),
    'it': ('2', 'n!=1'),
    'ja': ('1', '0'),
    'nl': ('2', 'n!=1'),
    'pl': ('3', 'n==1?0:n%10>=2&&n%10<=4&&(n%100<10||n%100>=20)?1:2'),
    'pt': ('2', 'n!=1'),
    'pt_BR': ('2', 'n>1'),
    'sv': ('2', 'n!=1'),
}

MAX_LISTED = 40


def read_linguas(po_dir):
    langs = []
    for line in (po_dir / 'LINGUAS').read_text(encoding='utf-8').splitlines():
        line = line.split('#', 1)[0]
        langs.extend(line.split())
    return langs


def run(args, **kwargs):
    return subprocess.run(args, capture_output=True, text=True, **kwargs)


def entries_of(path, msgattrib, selector):
    """The msgids of the entries msgattrib selects, with their locations."""
    result = run([msgattrib, selector, '--no-obsolete', '--no-wrap', str(path)])
    if result.returncode != 0:
        raise RuntimeError(result.stderr)
    entries = []
    for block in result.stdout.split('\n\n'):
        msgid = re.search(r'^msgid "(.*)"$', block, re.MULTILINE)
        if msgid is None or msgid.group(1) == '':
            continue  # the header
        where = re.findall(r'^#: (.*)$', block, re.MULTILINE)
        context = re.search(r'^msgctxt "(.*)"$', block, re.MULTILINE)
        text = msgid.group(1)
        if context:
            text = f'[{context.group(1)}] {text}'
        entries.append((text, ' '.join(where)))
    return entries


# A mark's opening, then the string literals (and commas, for plurals and
# contexts) that make up its messages, then a macro that xgettext cannot
# expand: it stops the message there without a word ("id %" G_GINT64_FORMAT
# "." becomes "id %"), so the template would hold half a message.
MARK_THEN_MACRO = re.compile(
    r'(?<![\w.>])(?:N?C?_|Q_|ngettext|g_dngettext|g_dpgettext2?|dngettext)\s*\('
    r'(?:\s|,|"(?:[^"\\\n]|\\.)*")*'
    r'(G_G\w*_(?:FORMAT|MODIFIER))')


def macro_cut_messages(root, potfiles):
    found = []
    for name in potfiles:
        if not name.endswith(('.c', '.h')):
            continue
        text = (root / name).read_text(encoding='utf-8', errors='replace')
        for match in MARK_THEN_MACRO.finditer(text):
            line = text.count('\n', 0, match.start()) + 1
            found.append((match.group(0).split('\n')[0].strip(), f'{name}:{line}'))
    return found


def normalise_plural(expression):
    expression = re.sub(r'\s+', '', expression).rstrip(';')
    while expression.startswith('(') and expression.endswith(')'):
        depth = 0
        for i, c in enumerate(expression):
            depth += c == '('
            depth -= c == ')'
            if depth == 0 and i < len(expression) - 1:
                return expression
        expression = expression[1:-1]
    return expression


def check_header(lang, po_text):
    problems = []
    header = re.search(r'msgid ""\nmsgstr ""\n((?:".*"\n)*)', po_text)
    if header is None:
        return ['no header entry']
    fields = {}
    for line in re.findall(r'^"(.*)"$', header.group(1), re.MULTILINE):
        line = line.replace('\\n', '')
        if ':' in line:
            key, value = line.split(':', 1)
            fields[key.strip()] = value.strip()
    if fields.get('Language') != lang:
        problems.append(f'the header says Language: {fields.get("Language")!r}, not {lang!r}')
    if 'charset=UTF-8' not in fields.get('Content-Type', ''):
        problems.append('the header\'s Content-Type is not charset=UTF-8')
    plural = fields.get('Plural-Forms')
    if plural is None:
        problems.append('the header has no Plural-Forms')
    elif lang in KNOWN_PLURAL_FORMS:
        match = re.fullmatch(r'\s*nplurals\s*=\s*(\d+)\s*;\s*plural\s*=\s*(.*?)\s*;?\s*', plural)
        wanted_n, wanted_expr = KNOWN_PLURAL_FORMS[lang]
        if (match is None or match.group(1) != wanted_n
                or normalise_plural(match.group(2)) != normalise_plural(wanted_expr)):
            problems.append(f'Plural-Forms is {plural!r}; {lang} uses '
                            f'"nplurals={wanted_n}; plural={wanted_expr};"')
    return problems


def list_entries(title, entries):
    print(f'  {len(entries)} {title}:')
    for text, where in entries[:MAX_LISTED]:
        print(f'    "{text}"' + (f'  ({where})' if where else ''))
    if len(entries) > MAX_LISTED:
        print(f'    … and {len(entries) - MAX_LISTED} more')


def main(argv):
    if len(argv) not in (2, 6):
        print('usage: check-translations.py SOURCE_ROOT [XGETTEXT MSGMERGE MSGFMT MSGATTRIB]',
              file=sys.stderr)
        return 2
    root = Path(argv[1])
    xgettext, msgmerge, msgfmt, msgattrib = (
        argv[2:6] if len(argv) == 6 else ['xgettext', 'msgmerge', 'msgfmt', 'msgattrib'])
    po_dir = root / 'po'
    langs = read_linguas(po_dir)
    failed = False

    # A po file that LINGUAS leaves out is never built or installed.
    for po in sorted(po_dir.glob('*.po')):
        if po.stem not in langs:
            print(f'po/{po.name} is not listed in po/LINGUAS, so it is never installed')
            failed = True

    with tempfile.TemporaryDirectory(prefix='budg-check-translations-') as tmp:
        pot = Path(tmp) / 'budg.pot'
        result = run([xgettext, '--package-name=budg', '-f', str(po_dir / 'POTFILES.in'),
                      '-D', str(root), '-k_', '-o', str(pot)] + GLIB_PRESET_ARGS)
        # xgettext warns about a msgid it cannot read as a C format, such as
        # one built with G_GINT64_FORMAT; translators could not check those.
        if result.returncode != 0 or result.stderr.strip():
            print('xgettext failed or warned while making the template:')
            print(result.stderr.rstrip())
            failed = True
        if result.returncode != 0:
            return 1
        potfiles = [line.strip() for line in
                    (po_dir / 'POTFILES.in').read_text(encoding='utf-8').splitlines()
                    if line.strip() and not line.startswith('#')]
        cut = macro_cut_messages(root, potfiles)
        if cut:
            list_entries('translatable strings built with a GLib format macro, which xgettext '
                         'cuts short (write %lld and cast the value to long long)', cut)
            failed = True

        if not langs:
            print('po/LINGUAS lists no languages; only the template was checked')
        for lang in langs:
            po = po_dir / f'{lang}.po'
            if not po.exists():
                print(f'{lang}: po/LINGUAS lists it but po/{lang}.po does not exist')
                failed = True
                continue
            print(f'{lang}:')
            problems = check_header(lang, po.read_text(encoding='utf-8'))

            merged = Path(tmp) / f'{lang}.po'
            result = run([msgmerge, '--quiet', '--previous', '-o', str(merged), str(po), str(pot)])
            if result.returncode != 0:
                print(f'  msgmerge failed:\n{result.stderr.rstrip()}')
                failed = True
                continue

            # --check covers the header and the plural forms' count; with
            # --check-format every c-format message, plurals included, must
            # use the same conversions as its msgid.
            result = run([msgfmt, '--check', '--check-format', '--statistics',
                          '-o', '/dev/null', str(merged)])
            statistics = result.stderr.strip().splitlines()
            if result.returncode != 0:
                problems.append('msgfmt --check --check-format failed:\n    '
                                + '\n    '.join(statistics))

            untranslated = entries_of(merged, msgattrib, '--untranslated')
            fuzzy = entries_of(merged, msgattrib, '--only-fuzzy')
            if untranslated:
                list_entries('untranslated (new in the sources; translate them in po/' + lang + '.po)',
                             untranslated)
            if fuzzy:
                list_entries('fuzzy (changed in the sources, or marked fuzzy; review and clear the flag)',
                             fuzzy)
            obsolete = run([msgattrib, '--only-obsolete', str(merged)]).stdout.count('#~ msgid ')
            if obsolete:
                print(f'  {obsolete} obsolete messages (not a failure; '
                      'build-aux/update-po.sh removes them from view)')
            for problem in problems:
                print(f'  {problem}')
            if untranslated or fuzzy or problems:
                failed = True
            elif result.returncode == 0:
                print(f'  complete: {statistics[-1] if statistics else "ok"}')

    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
