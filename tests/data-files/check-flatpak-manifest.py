#!/usr/bin/env python3
# check-flatpak-manifest.py
#
# Copyright 2026 The Budg authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checks the promises the Flatpak manifest makes to users and to reviewers:
# no file system access and no plain X11 socket (Budg only reads files the user
# picks through the file chooser portal), every third-party source pinned by
# checksum, and Budg itself built last from this checkout.
#
# Usage: check-flatpak-manifest.py MANIFEST APP_ID

import json
import sys
from pathlib import Path

# The complete sandbox; anything more needs a reason written down here.
EXPECTED_FINISH_ARGS = {
    '--share=network',      # bank connections
    '--share=ipc',          # shared memory for X11 fallback
    '--socket=wayland',
    '--socket=fallback-x11',
    '--device=dri',         # GPU rendering in GTK 4
}

# Sources that are fetched from the network and so must be pinned.
REMOTE_SOURCE_TYPES = {'archive', 'file', 'extra-data'}


def load_module(entry, base, errors):
    """Modules may be given inline or as the name of a JSON file next to the
    manifest."""
    if isinstance(entry, str):
        path = base / entry
        try:
            return json.loads(path.read_text(encoding='utf-8')), path.parent
        except (OSError, ValueError) as e:
            errors.append(f'module file {entry}: {e}')
            return None, base
    return entry, base


def check_module(module, base, errors):
    name = module.get('name', '<unnamed>')
    sources = module.get('sources', [])
    if not sources:
        errors.append(f'module {name} has no sources')
    for source in sources:
        if isinstance(source, str):
            errors.append(f'module {name}: sources given as file {source}, which this check cannot follow')
            continue
        kind = source.get('type')
        if kind in REMOTE_SOURCE_TYPES:
            if not source.get('sha256'):
                errors.append(f'module {name}: {kind} source {source.get("url") or source.get("path")} has no sha256')
            elif len(source['sha256']) != 64 or any(c not in '0123456789abcdef' for c in source['sha256']):
                errors.append(f'module {name}: sha256 {source["sha256"]!r} is not a SHA-256 in lowercase hex')
        elif kind == 'git':
            if not source.get('commit'):
                errors.append(f'module {name}: git source {source.get("url")} is not pinned to a commit')
        elif kind == 'dir':
            errors.append(f'module {name}: only budg itself may be built from a local directory')
    for sub in module.get('modules', []):
        sub, sub_base = load_module(sub, base, errors)
        if sub is not None:
            check_module(sub, sub_base, errors)


def main(argv):
    if len(argv) != 3:
        print(f'usage: {argv[0]} MANIFEST APP_ID', file=sys.stderr)
        return 2

    path = Path(argv[1])
    app_id = argv[2]
    try:
        manifest = json.loads(path.read_text(encoding='utf-8'))
    except (OSError, ValueError) as e:
        print(f'{path}: {e}')
        return 1

    errors = []

    manifest_id = manifest.get('id') or manifest.get('app-id')
    if manifest_id != app_id:
        errors.append(f'the app id is {manifest_id!r}, expected {app_id!r}')
    if manifest.get('command') != 'budg':
        errors.append(f'the command is {manifest.get("command")!r}, expected \'budg\'')
    if manifest.get('runtime') != 'org.gnome.Platform' or manifest.get('sdk') != 'org.gnome.Sdk':
        errors.append('the runtime must be org.gnome.Platform with org.gnome.Sdk')

    finish_args = manifest.get('finish-args', [])
    for arg in finish_args:
        if arg.startswith('--filesystem'):
            errors.append(f'finish-args gives file system access ({arg}); files go through the portal')
        if arg == '--socket=x11':
            errors.append('finish-args asks for --socket=x11; use --socket=fallback-x11')
    unexpected = sorted(set(finish_args) - EXPECTED_FINISH_ARGS)
    if unexpected:
        errors.append(f'unexpected finish-args: {", ".join(unexpected)}')
    absent = sorted(EXPECTED_FINISH_ARGS - set(finish_args))
    if absent:
        errors.append(f'finish-args lack: {", ".join(absent)}')
    if len(finish_args) != len(set(finish_args)):
        errors.append('finish-args has duplicates')

    modules = manifest.get('modules', [])
    if not modules:
        errors.append('the manifest has no modules')
    else:
        budg = modules[-1]
        if not isinstance(budg, dict) or budg.get('name') != 'budg':
            errors.append('the last module must be budg')
        else:
            if budg.get('buildsystem') != 'meson':
                errors.append('budg must be built with meson')
            if budg.get('sources') != [{'type': 'dir', 'path': '..'}]:
                errors.append('budg must be built from this checkout: sources [{"type": "dir", "path": ".."}]')
        for entry in modules[:-1]:
            module, base = load_module(entry, path.parent, errors)
            if module is not None:
                if module.get('name') == 'budg':
                    errors.append('budg appears more than once')
                check_module(module, base, errors)

    if errors:
        print(f'{path}:')
        for e in errors:
            print(f'  {e}')
        return 1

    print(f'{path}: {len(modules)} modules, sandbox: {" ".join(finish_args)}')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
