#!/usr/bin/python3
# test-activation.py — Budg as a D-Bus activatable application with its own
# URI scheme. On a private session bus (tests/activation/meson.build) whose
# service directory holds the service file of this build, nothing runs
# Budg: calling org.freedesktop.Application.Open with Plaid's return
# address must make the bus start `budg --gapplication-service`, which then
# shows its window; a second address goes to the same process; `budg URI`
# hands the address to it too; and an address Budg does not know is refused
# with a message, without harm. The window also makes the day's backup.
# Prints TAP.
#
# Copyright 2026 The Budg authors
# SPDX-License-Identifier: GPL-3.0-or-later

import datetime
import os
import shutil
import subprocess
import tempfile
import time

from gi.repository import Gio, GLib

BUDG = os.environ['BUDG_APP']
CLI = os.environ['BUDG_CLI']
APP_ID = os.environ['BUDG_APP_ID']
APP_PATH = '/' + APP_ID.replace('.', '/')
# Generous, for runs under AddressSanitizer; each wait ends as soon as it can.
TIMEOUT = 60
LINK_COMPLETE = 'budg://plaid/link-complete'

count = 0
failed = 0


class Failure(Exception):
    pass


def ok(passed, description, detail=None):
    global count, failed
    count += 1
    if not passed:
        failed += 1
    print(f"{'ok' if passed else 'not ok'} {count} - {description}", flush=True)
    if detail is not None and not passed:
        for line in str(detail).splitlines():
            print(f'# {line}', flush=True)
    return passed


def check(passed, description, detail=None):
    if not ok(passed, description, detail):
        raise Failure(description)


bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)


def bus_call(method, args, reply):
    return bus.call_sync('org.freedesktop.DBus', '/org/freedesktop/DBus', 'org.freedesktop.DBus',
                         method, args, GLib.VariantType(reply) if reply else None,
                         Gio.DBusCallFlags.NONE, -1, None)


def has_owner():
    return bus_call('NameHasOwner', GLib.Variant('(s)', (APP_ID,)), '(b)').unpack()[0]


def owner_pid():
    owner = bus_call('GetNameOwner', GLib.Variant('(s)', (APP_ID,)), '(s)').unpack()[0]
    return bus_call('GetConnectionUnixProcessID', GLib.Variant('(s)', (owner,)), '(u)').unpack()[0]


def wait_for(condition, timeout=TIMEOUT):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    return condition()


def window_paths():
    """GtkApplication exports each of its windows under the app's path."""
    try:
        xml = bus.call_sync(APP_ID, APP_PATH + '/window', 'org.freedesktop.DBus.Introspectable',
                            'Introspect', None, GLib.VariantType('(s)'),
                            Gio.DBusCallFlags.NO_AUTO_START, -1, None).unpack()[0]
    except GLib.Error:
        return []
    return [node.path for node in Gio.DBusNodeInfo.new_for_xml(xml).nodes]


def application_call(method, args):
    # Without NO_AUTO_START: the bus starts Budg for the call, as for the desktop.
    bus.call_sync(APP_ID, APP_PATH, 'org.freedesktop.Application', method, args, None,
                  Gio.DBusCallFlags.NONE, TIMEOUT * 1000, None)


def process_cmdline(pid):
    with open(f'/proc/{pid}/cmdline', 'rb') as f:
        return [part.decode() for part in f.read().split(b'\0') if part]


def run(workdir):
    db = os.path.join(workdir, 'budg.db')
    subprocess.run([CLI, '--db', db, 'account', 'add', 'Checking', '--kind', 'checking',
                    '--currency', 'USD'], check=True, capture_output=True)
    # What the desktop session would have: the database to open.
    # BUDG_BACKUP_DELAY_MS: the day's backup at once rather than after half a minute.
    bus_call('UpdateActivationEnvironment',
             GLib.Variant('(a{ss})', ({'BUDG_DB': db, 'BUDG_BACKUP_DELAY_MS': '0'},)), None)

    check(not has_owner(), 'nothing runs Budg before the first call')

    application_call('Open', GLib.Variant('(asa{sv})', ([LINK_COMPLETE], {})))
    check(has_owner(), 'opening budg://plaid/link-complete starts Budg over D-Bus')
    pid = owner_pid()
    cmdline = process_cmdline(pid)
    ok(os.path.basename(cmdline[0]) == 'budg' and '--gapplication-service' in cmdline,
       'the bus started budg --gapplication-service from the service file', cmdline)
    ok(wait_for(window_paths), 'with no bank being linked, Budg shows its window')
    windows = window_paths()

    backup = os.path.join(workdir, 'backups', f'budg-{datetime.date.today().isoformat()}.db')
    ok(wait_for(lambda: os.path.exists(backup)), "opening the window makes the day's backup",
       os.listdir(workdir))
    ok(os.stat(backup).st_mode & 0o777 == 0o600 if os.path.exists(backup) else False,
       'the backup is private to the user')

    application_call('Open', GLib.Variant('(asa{sv})', ([LINK_COMPLETE + '?state=done'], {})))
    time.sleep(1)
    ok(has_owner() and owner_pid() == pid and window_paths() == windows,
       'a second return from the browser goes to the same Budg and its window', window_paths())

    result = subprocess.run([BUDG, LINK_COMPLETE], capture_output=True, text=True, timeout=TIMEOUT)
    ok(result.returncode == 0 and owner_pid() == pid,
       '`budg budg://plaid/link-complete` hands the address to the running Budg', result.stderr)

    result = subprocess.run([BUDG, 'https://example.com/'], capture_output=True, text=True,
                            timeout=TIMEOUT)
    ok(result.returncode != 0 and 'Budg cannot open “https://example.com/”' in result.stderr,
       'an address Budg does not know is refused with a message', result.stderr)

    application_call('Open', GLib.Variant('(asa{sv})', (['budg://elsewhere/nothing'], {})))
    time.sleep(1)
    ok(has_owner() and owner_pid() == pid, 'an unknown budg:// address over D-Bus does no harm')

    application_call('Activate', GLib.Variant('(a{sv})', ({},)))
    ok(window_paths() == windows, 'activating the running Budg opens no second window',
       window_paths())

    bus.call_sync(APP_ID, APP_PATH, 'org.gtk.Actions', 'Activate',
                  GLib.Variant('(sava{sv})', ('quit', [], {})), None,
                  Gio.DBusCallFlags.NO_AUTO_START, -1, None)
    ok(wait_for(lambda: not has_owner()), 'Budg quits and leaves the bus')


def main():
    workdir = tempfile.mkdtemp(prefix='budg-activation-')
    try:
        run(workdir)
    except Failure:
        pass
    except GLib.Error as error:
        ok(False, 'a D-Bus call failed', error.message)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    print(f'1..{count}', flush=True)
    return 1 if failed else 0


if __name__ == '__main__':
    raise SystemExit(main())
