#!/usr/bin/python3
# test-notify.py — Budg's bill notifications against a mock notification
# daemon (python3-dbusmock's notification_daemon template) on a private
# session bus: what `budg --check-due` sends for one bill and for several,
# that a second check sends nothing again, and, with `budg --background`
# running, that the check is handed to it and that the notification's
# "Mark as Paid" and "Snooze" record exactly one payment and one snooze,
# and that it checks again after a resume from suspend (logind's
# PrepareForSleep, from a mock on a second bus standing in for the system
# bus); and a bank connection that needs a new login, notified once.
# tests/notify/meson.build runs it in `dbus-run-session -- xvfb-run` (GTK
# needs a display to start, even without a window), with BUDG_APP and
# BUDG_CLI naming the programs. Prints TAP.
#
# Copyright 2026 The Budg authors
# SPDX-License-Identifier: GPL-3.0-or-later

import datetime
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time

from gi.repository import Gio, GLib

BUDG = os.environ['BUDG_APP']
CLI = os.environ['BUDG_CLI']
NOTIFICATIONS = 'org.freedesktop.Notifications'
NOTIFICATIONS_PATH = '/org/freedesktop/Notifications'
MOCK = 'org.freedesktop.DBus.Mock'
LOGIN1 = 'org.freedesktop.login1'
# Generous, for runs under AddressSanitizer; each wait ends as soon as it can.
TIMEOUT = 60
# How long to watch for a notification that must not come.
QUIET = 2


class Failure(Exception):
    pass


count = 0
failed = 0


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


def mock_call(method, args=None, reply=None):
    return bus.call_sync(NOTIFICATIONS, NOTIFICATIONS_PATH, MOCK, method, args,
                         GLib.VariantType(reply) if reply else None,
                         Gio.DBusCallFlags.NONE, -1, None)


def calls(method):
    result = mock_call('GetCalls', None, '(a(tsav))').unpack()[0]
    return [args for (_, name, args) in result if name == method]


def notifications():
    """Every Notify so far as a dict; ids are given out from 1 in order."""
    out = []
    for args in calls('Notify'):
        app, replaces, _icon, summary, body, actions, hints, _timeout = args
        out.append({'summary': summary, 'body': body,
                    'actions': dict(zip(actions[1::2], actions[0::2])),
                    'keys': actions[0::2], 'replaces': replaces})
    next_id = 1
    for n in out:
        if n['replaces']:
            n['id'] = n['replaces']
        else:
            n['id'] = next_id
            next_id += 1
    return out


def wait_for(condition, timeout=TIMEOUT):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    return condition()


def cli(db, *args):
    result = subprocess.run([CLI, '--db', db, *args], capture_output=True, text=True)
    if result.returncode != 0:
        raise Failure(f'budg-cli {" ".join(args)}: {result.stderr}')
    return result.stdout


def add_bill(db, name, amount, start):
    cli(db, 'bill', 'add', name, '--amount', amount, '--account', 'Checking',
        '--rrule', 'FREQ=MONTHLY', '--start', start.isoformat())


def check_due(db):
    return subprocess.run([BUDG, '--check-due', '--db', db], capture_output=True, text=True,
                          timeout=TIMEOUT)


def payments(db, payee):
    return [t for t in json.loads(cli(db, '--json', 'txn', 'list'))
            if t.get('payee') == payee]


def activate(notification_id, key):
    mock_call('EmitSignal', GLib.Variant('(sssav)', (
        NOTIFICATIONS, 'ActionInvoked', 'us',
        [GLib.Variant('u', notification_id), GLib.Variant('s', key)])))


system_bus = None


def prepare_for_sleep(start):
    system_bus.call_sync(LOGIN1, '/org/freedesktop/login1', MOCK, 'EmitSignal',
                         GLib.Variant('(sssav)', ('org.freedesktop.login1.Manager',
                                                  'PrepareForSleep', 'b',
                                                  [GLib.Variant('b', start)])),
                         None, Gio.DBusCallFlags.NONE, -1, None)


def window_paths():
    xml = bus.call_sync('io.github.budg.Budg', '/io/github/budg/Budg/window',
                        'org.freedesktop.DBus.Introspectable', 'Introspect', None,
                        GLib.VariantType('(s)'), Gio.DBusCallFlags.NONE, -1, None).unpack()[0]
    return Gio.DBusNodeInfo.new_for_xml(xml).nodes


def test_turned_off(workdir):
    """budg --background ends when background reminders are turned off.
    The memory settings back end cannot be changed from outside, so this
    Budg and gsettings share a key file instead."""
    db = os.path.join(workdir, 'budg.db')
    env = dict(os.environ, GSETTINGS_BACKEND='keyfile',
               XDG_CONFIG_HOME=os.path.join(workdir, 'config'))
    gsettings = ['gsettings', 'set', 'io.github.budg.Budg', 'background-reminders']

    today = datetime.date.today()
    add_bill(db, 'Late rent', '700', today)
    # Large transactions are off by default; the key file turns them on.
    cli(db, 'txn', 'add', '--account', 'Checking', '--date', today.isoformat(),
        '--amount', '-750', '--payee', 'Acme')
    subprocess.run(['gsettings', 'set', 'io.github.budg.Budg', 'large-transaction-amount', '500'],
                   env=env, check=True)
    before = len(notifications())
    subprocess.run(gsettings + ['true'], env=env, check=True)
    background = subprocess.Popen([BUDG, '--background', '--db', db], env=env,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        # Its first check has run once its notifications are out: from then
        # on it follows the setting.
        sent = wait_for(lambda: len(notifications()) >= before + 2 and notifications()[before:])
        check(sent and background.poll() is None, 'budg --background stays running', sent)
        summaries = sorted(n['summary'] for n in sent)
        ok(summaries == ['$750.00 paid to Acme', 'Late rent is due today'],
           'a large transaction gets a notification of its own', sent)
        subprocess.run(gsettings + ['false'], env=env, check=True)
        _, errors = background.communicate(timeout=TIMEOUT)
        ok(background.returncode == 0,
           'turning background reminders off ends budg --background', errors)
    except subprocess.TimeoutExpired:
        background.kill()
        background.communicate()
        ok(False, 'turning background reminders off ends budg --background')


def run(workdir):
    db = os.path.join(workdir, 'budg.db')
    today = datetime.date.today()
    day = datetime.timedelta(days=1)

    cli(db, 'account', 'add', 'Checking', '--kind', 'checking', '--currency', 'USD')

    # One bill due today: its own notification, with both buttons.
    add_bill(db, 'Rent', '950', today)
    result = check_due(db)
    check(result.returncode == 0, 'budg --check-due succeeds', result.stderr)
    sent = wait_for(lambda: notifications())
    check(len(sent) == 1, 'one bill due today: one notification', sent)
    rent = sent[0]
    ok(rent['summary'] == 'Rent is due today', 'its title names the bill', rent['summary'])
    ok(rent['body'] == '$950.00, due today', 'its body gives the amount', rent['body'])
    ok(sorted(rent['actions']) == ['', 'Mark as Paid', 'Snooze'],
       'it has Mark as Paid, Snooze and a default action', rent['actions'])
    ok(rent['keys'][0] == 'default', 'clicking it is its default action', rent['keys'])
    ok(rent['actions'].get('Mark as Paid', '').startswith('app.mark-paid('),
       'Mark as Paid is the app.mark-paid action', rent['actions'])

    result = check_due(db)
    time.sleep(QUIET)
    ok(result.returncode == 0 and len(notifications()) == 1,
       'a second check sends nothing again', notifications())

    # Three more at once: one overdue, one due today, one due soon. Together
    # they go out as one notification listing them.
    add_bill(db, 'Power', '80', today - day)
    add_bill(db, 'Phone', '30', today)
    add_bill(db, 'Water', '45.50', today + 2 * day)
    result = check_due(db)
    check(result.returncode == 0, 'the check of several bills succeeds', result.stderr)
    sent = wait_for(lambda: notifications()[1:])
    check(len(sent) == 1, 'three bills at once: one notification', sent)
    group = sent[0]
    ok(group['summary'] == '3 bills are due', 'its title counts them', group['summary'])
    lines = group['body'].split('\n')
    ok(len(lines) == 3 and lines[0].startswith('Power: $80.00, overdue since ')
       and lines[1] == 'Phone: $30.00, due today'
       and lines[2].startswith('Water: $45.50, due '),
       'its body lists each bill with amount and date, in date order', group['body'])
    ok(sorted(group['actions']) == ['', 'Snooze'],
       'a group can be snoozed but not paid in one click', group['actions'])

    result = check_due(db)
    time.sleep(QUIET)
    ok(len(notifications()) == 2, 'none of them is sent again', notifications())

    # A budget gone over: a notification of its own, once.
    cli(db, 'category', 'add', 'Food')
    cli(db, 'budget', 'set', 'Food', '--amount', '100', '--period', 'monthly',
        '--from', today.strftime('%Y-%m'))
    cli(db, 'txn', 'add', '--account', 'Checking', '--date', today.isoformat(),
        '--amount', '-120', '--category', 'Food')
    result = check_due(db)
    sent = wait_for(lambda: notifications()[2:])
    check(len(sent) == 1, 'a budget over its limit: one notification', sent)
    ok(sent[0]['summary'] == 'Food is over budget' and sent[0]['body'] == '$120.00 spent of $100.00',
       'it says which budget and by how much', sent[0])
    ok(sent[0]['keys'] == ['default'], 'it opens the Budgets view and has no buttons', sent[0]['keys'])
    result = check_due(db)
    time.sleep(QUIET)
    ok(len(notifications()) == 3, 'the budget is not notified again', notifications())

    # Budg in the background: it checks at start, and later checks are
    # handed to it, so the notifications' actions reach a live process.
    add_bill(db, 'Internet', '60', today + day)
    background = subprocess.Popen([BUDG, '--background', '--db', db],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        sent = wait_for(lambda: notifications()[3:])
        check(len(sent) == 1, 'budg --background checks when it starts', sent)
        internet = sent[0]
        ok(internet['summary'] == 'Internet is due tomorrow', 'a bill due tomorrow says so',
           internet['summary'])

        add_bill(db, 'Gym', '25', today)
        add_bill(db, 'Club', '10', today)
        result = check_due(db)
        ok(result.returncode == 0 and background.poll() is None,
           'budg --check-due hands the check to the running Budg', result.stderr)
        sent = wait_for(lambda: len(notifications()[4:]) >= 2 and notifications()[4:])
        by_summary = {n['summary']: n for n in sent or []}
        check(len(sent) == 2 and 'Gym is due today' in by_summary and 'Club is due today' in by_summary,
              'the running Budg sends the new reminders', sent)
        gym = by_summary['Gym is due today']
        club = by_summary['Club is due today']

        activate(internet['id'], internet['actions']['Mark as Paid'])
        paid = wait_for(lambda: payments(db, 'Internet'))
        ok(len(paid) == 1 and paid[0].get('amount_minor') == -6000
           and paid[0].get('date') == (today + day).isoformat(),
           'Mark as Paid records one payment of the bill on its date', paid)
        activate(internet['id'], internet['actions']['Mark as Paid'])
        time.sleep(QUIET)
        ok(len(payments(db, 'Internet')) == 1, 'a second click pays nothing more',
           payments(db, 'Internet'))
        ok(wait_for(lambda: calls('CloseNotification')), 'the paid notification is withdrawn')

        # Suspend and resume: the resume is a check like the one at midnight.
        # Before a window is open: a window's stores do not see bills that
        # budg-cli adds behind their back.
        add_bill(db, 'Insurance', '55', today)
        prepare_for_sleep(True)
        time.sleep(QUIET)
        ok(len(notifications()) == 6, 'going to sleep checks nothing', notifications())
        prepare_for_sleep(False)
        sent = wait_for(lambda: notifications()[6:])
        ok(len(sent) == 1 and sent[0]['summary'] == 'Insurance is due today',
           'a resume from suspend checks the bills', sent)

        # Clicking the notification opens a window (GtkApplication exports
        # each window's actions on the bus under the application's path).
        # A notification acted on is gone, so this is another one.
        ok(not window_paths(), 'no window before the click')
        activate(club['id'], 'default')
        ok(wait_for(lambda: window_paths()), 'clicking a notification opens a window')

        activate(gym['id'], gym['actions']['Snooze'])

        def snoozes():
            with sqlite3.connect(db) as connection:
                return connection.execute(
                    'SELECT until FROM reminder_snoozes s JOIN bills b ON b.id = s.bill_id'
                    ' WHERE b.name = ?', ('Gym',)).fetchall()
        snoozed = wait_for(snoozes)
        ok(snoozed == [((today + day).isoformat(),)], 'Snooze holds the bill back until tomorrow',
           snoozed)
        ok(not payments(db, 'Gym'), 'Snooze pays nothing')

        result = check_due(db)
        time.sleep(QUIET)
        ok(len(notifications()) == 7, 'a snoozed bill is not sent again today', notifications())

        # A bank connection that needs a new login (bank sync marks it so
        # when Plaid answers ITEM_LOGIN_REQUIRED): one notification, once.
        with sqlite3.connect(db) as connection:
            connection.execute("INSERT INTO plaid_items (item_id, environment, institution_name, state)"
                               " VALUES ('item-1', 'sandbox', 'First Platypus Bank', 'needs-login')")
        result = check_due(db)
        sent = wait_for(lambda: notifications()[7:])
        ok(len(sent) == 1 and sent[0]['summary'] == 'First Platypus Bank needs you to log in again'
           and sent[0]['keys'] == ['default'],
           'a bank that needs a new login gets one notification, which opens Budg', sent)
        result = check_due(db)
        time.sleep(QUIET)
        ok(len(notifications()) == 8, 'the bank is not notified again', notifications())


    finally:
        # Quitting through the application's own action, as the window would.
        try:
            bus.call_sync('io.github.budg.Budg', '/io/github/budg/Budg', 'org.gtk.Actions',
                          'Activate', GLib.Variant('(sava{sv})', ('quit', [], {})), None,
                          Gio.DBusCallFlags.NONE, -1, None)
        except GLib.Error as error:
            print(f'# could not quit Budg: {error.message}', flush=True)
        try:
            _, errors = background.communicate(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            background.kill()
            _, errors = background.communicate()
    ok(background.returncode == 0, 'budg --background quits cleanly', errors)


def name_has_owner(connection, name):
    owned = connection.call_sync('org.freedesktop.DBus', '/org/freedesktop/DBus',
                                 'org.freedesktop.DBus', 'NameHasOwner', GLib.Variant('(s)', (name,)),
                                 GLib.VariantType('(b)'), Gio.DBusCallFlags.NONE, -1, None)
    return owned.unpack()[0]


def main():
    global system_bus
    # A bus of our own as the system bus, with a mock logind on it: Budg
    # must never see the real one, and there may be none.
    system_daemon = subprocess.Popen(['dbus-daemon', '--session', '--nofork', '--print-address=1'],
                                     stdout=subprocess.PIPE, text=True)
    system_address = system_daemon.stdout.readline().strip()
    os.environ['DBUS_SYSTEM_BUS_ADDRESS'] = system_address
    system_bus = Gio.DBusConnection.new_for_address_sync(
        system_address,
        Gio.DBusConnectionFlags.AUTHENTICATION_CLIENT | Gio.DBusConnectionFlags.MESSAGE_BUS_CONNECTION,
        None, None)
    logind = subprocess.Popen([sys.executable, '-m', 'dbusmock', '--system', LOGIN1,
                               '/org/freedesktop/login1', 'org.freedesktop.login1.Manager'],
                              stdout=subprocess.DEVNULL)
    # The mock owns org.freedesktop.Notifications and no org.gtk.Notifications,
    # so GLib's freedesktop back end sends to it.
    mock = subprocess.Popen([sys.executable, '-m', 'dbusmock', '--template', 'notification_daemon'],
                            stdout=subprocess.DEVNULL)
    workdir = tempfile.mkdtemp(prefix='budg-notify-')
    try:
        check(wait_for(lambda: name_has_owner(bus, NOTIFICATIONS)),
              'the mock notification daemon is on the bus')
        check(wait_for(lambda: name_has_owner(system_bus, LOGIN1)),
              'the mock logind is on the other bus')
        run(workdir)
        test_turned_off(workdir)
    except Failure:
        pass
    finally:
        for process in (mock, logind, system_daemon):
            process.terminate()
            process.wait()
        shutil.rmtree(workdir, ignore_errors=True)
    print(f'1..{count}', flush=True)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
