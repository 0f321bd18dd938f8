#!/usr/bin/python3
# test-e2e.py — Budg end to end: starts the real `budg` on a fresh database,
# adds an account and records a balance through the UI as a person would
# (AT-SPI to find and press widgets, xdotool to click and type on the X display),
# quits, checks the data with `budg-cli --json`, then starts `budg` again to
# check the account is still listed, reconciles it and imports an OFX
# statement through the file chooser and the import dialog. Needs a display and a session bus of its
# own: tests/e2e/meson.build runs it in `dbus-run-session -- xvfb-run`, with
# BUDG_APP and BUDG_CLI naming the programs. Prints TAP; on a failure, the
# accessible tree and the app's output go to stderr.
#
# Copyright 2026 The Budg authors
# SPDX-License-Identifier: GPL-3.0-or-later

import ctypes
import ctypes.util
import datetime
import json
import locale
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import warnings

import gi

gi.require_version('Atspi', '2.0')
from gi.repository import Atspi, Gio, GLib  # noqa: E402

ACCOUNT_NAME = 'E2E Checking'
OPENING_TEXT = '1,234.56'
OPENING_MINOR = 123456
BALANCE_TEXT = '1,500.00'
BALANCE_MINOR = 150000

# Generous, because under AddressSanitizer the app is several times slower;
# each wait returns as soon as its condition holds.
START_TIMEOUT = 60
STEP_TIMEOUT = 30
EXIT_TIMEOUT = 60


class Failure(Exception):
    pass


class Tap:
    def __init__(self):
        self.count = 0
        self.failed = 0

    def ok(self, passed, description, detail=None):
        """detail is printed when the check fails, to show what was seen."""
        self.count += 1
        if not passed:
            self.failed += 1
        print(f"{'ok' if passed else 'not ok'} {self.count} - {description}", flush=True)
        if detail and not passed:
            self.diag(detail)
        return passed

    def check(self, passed, description, detail=None):
        """Like ok(), but the steps after a failed check cannot run."""
        if not self.ok(passed, description, detail):
            raise Failure(description)

    def diag(self, text):
        for line in str(text).splitlines():
            print(f'# {line}', flush=True)


tap = Tap()


# --- AT-SPI -----------------------------------------------------------------

def start_accessibility_bus():
    """Starts the accessibility bus launcher with its output on stderr.
    Left to D-Bus activation, it and the registry daemon it starts write to
    the session bus's stdout, which is this test's TAP stream. Returns the
    process, or None when the bus is already there or cannot be found (the
    test then still works, with a stray line in its output)."""
    bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)

    def has_owner():
        reply = bus.call_sync('org.freedesktop.DBus', '/org/freedesktop/DBus',
                              'org.freedesktop.DBus', 'NameHasOwner',
                              GLib.Variant('(s)', ('org.a11y.Bus',)),
                              GLib.VariantType('(b)'), Gio.DBusCallFlags.NONE, -1, None)
        return reply.unpack()[0]

    if has_owner():
        return None
    launcher = None
    for data_dir in GLib.get_system_data_dirs():
        service = os.path.join(data_dir, 'dbus-1', 'services', 'org.a11y.Bus.service')
        try:
            with open(service) as f:
                for line in f:
                    if line.startswith('Exec='):
                        launcher = line[len('Exec='):].split()
                        break
        except OSError:
            continue
        if launcher:
            break
    if not launcher:
        return None
    process = subprocess.Popen(launcher, stdout=sys.stderr, stdin=subprocess.DEVNULL)
    wait_for('the accessibility bus', has_owner, timeout=START_TIMEOUT)
    return process


def states(acc):
    try:
        return acc.get_state_set()
    except Exception:
        return None


def has_state(acc, state):
    s = states(acc)
    return s is not None and s.contains(state)


def children(acc):
    try:
        n = acc.get_child_count()
    except Exception:
        return
    for i in range(n):
        try:
            child = acc.get_child_at_index(i)
        except Exception:
            continue
        if child is not None:
            yield child


def walk(acc, visible_only=True):
    """Depth first; skips hidden subtrees (such as the stack pages not shown)."""
    yield acc
    for child in children(acc):
        if visible_only and not has_state(child, Atspi.StateType.VISIBLE):
            continue
        yield from walk(child, visible_only)


def name_of(acc):
    try:
        return acc.get_name() or ''
    except Exception:
        return ''


def role_of(acc):
    try:
        return acc.get_role_name() or ''
    except Exception:
        return ''


def find(root, role, name=None, contains=None):
    if root is None:
        return None
    for acc in walk(root):
        if role_of(acc) != role:
            continue
        n = name_of(acc)
        if name is not None and n != name:
            continue
        if contains is not None and contains not in n:
            continue
        return acc
    return None


def find_app(pid):
    desktop = Atspi.get_desktop(0)
    for app in children(desktop):
        try:
            if app.get_process_id() == pid:
                return app
        except Exception:
            continue
    return None


def find_window(app, title):
    for window in children(app):
        if role_of(window) == 'frame' and name_of(window) == title \
           and has_state(window, Atspi.StateType.SHOWING):
            return window
    return None


def dump(acc, out, depth=0):
    try:
        s = states(acc)
        nicks = [st.value_nick for st in s.get_states()] if s else []
        out.write(f"{'  ' * depth}{role_of(acc)} \"{name_of(acc)}\" {nicks}\n")
    except Exception as e:
        out.write(f"{'  ' * depth}<gone: {e}>\n")
        return
    for child in children(acc):
        dump(child, out, depth + 1)


def wait_for(what, predicate, timeout=STEP_TIMEOUT):
    """Polls predicate() until it returns something true; bounded."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            value = predicate()
        except Failure:
            raise
        except Exception:
            # The tree changes under the test: an object may go away
            # between finding it and asking it something.
            value = None
        if value:
            return value
        if time.monotonic() > deadline:
            raise Failure(f'timed out after {timeout} s waiting for {what}')
        time.sleep(0.2)
        # libatspi learns of new apps and changes from D-Bus signals, which
        # it only reads while the main context runs.
        context = GLib.MainContext.default()
        while context.iteration(False):
            pass


def short_date(date):
    """A date as Budg shows it: "%x" in the locale (budg_date_format_short)."""
    return date.strftime('%x')


def calendar_day(calendar, date):
    """The label of date on a GtkCalendar showing the month after date or
    date's own month. The grid lists the tail of the month before, then 1, 2…"""
    days = [acc for acc in walk(calendar)
            if role_of(acc) == 'label' and name_of(acc).isdigit()]
    first = next((i for i, acc in enumerate(days) if name_of(acc) == '1'), None)
    if first is None:
        raise Failure('the calendar shows no days')
    today = datetime.date.today()
    index = first + (date - today.replace(day=1)).days
    if not 0 <= index < len(days) or name_of(days[index]) != str(date.day):
        raise Failure(f'the calendar does not show {date.isoformat()}')
    return days[index]


def press(acc):
    """Activates a button through its accessible action, as a screen reader would."""
    for i in range(acc.get_n_actions()):
        # Its replacement, atspi_action_get_name(), is hidden in Python
        # behind Atspi.Accessible.get_name().
        with warnings.catch_warnings():
            warnings.simplefilter('ignore', DeprecationWarning)
            name = acc.get_action_name(i)
        # Buttons offer "click"; check boxes "toggle" (GTK 4.8 says so).
        if name in ('click', 'toggle'):
            return acc.do_action(i)
    raise Failure(f'“{name_of(acc)}” has no click or toggle action')


# --- X input ----------------------------------------------------------------

def xdotool(*args):
    result = subprocess.run(['xdotool', *args], capture_output=True, text=True, timeout=30)
    if result.returncode != 0:
        raise Failure(f"xdotool {' '.join(args)} failed: {result.stderr.strip()}")
    return result.stdout


def move_pointer(x, y):
    """--sync waits for the pointer to move, so it would wait in vain
    (xdotool gives up after 15 s) when the pointer is there already."""
    here = dict(line.split('=', 1) for line in xdotool('getmouselocation', '--shell').split())
    if (int(here['X']), int(here['Y'])) != (x, y):
        xdotool('mousemove', '--sync', str(x), str(y))


def x_windows(title):
    """The ids of the X windows titled title that are shown."""
    result = subprocess.run(['xdotool', 'search', '--onlyvisible', '--name', f'^{title}$'],
                            capture_output=True, text=True, timeout=30)
    return result.stdout.split()


def x_window_origin(title):
    """The top-left corner of the X window titled title, on the screen."""
    ids = x_windows(title)
    if not ids:
        raise Failure(f'no X window is titled “{title}”')
    geometry = dict(line.split('=', 1)
                    for line in xdotool('getwindowgeometry', '--shell', ids[-1]).split())
    return int(geometry['X']), int(geometry['Y'])


def click(acc, window_title):
    """Clicks the middle of acc. GTK 4 reports positions relative to the
    window only, so the window's position comes from the X server."""
    wx, wy = x_window_origin(window_title)
    e = acc.get_extents(Atspi.CoordType.WINDOW)
    x, y = wx + e.x + e.width // 2, wy + e.y + e.height // 2
    move_pointer(x, y)
    xdotool('click', '1')


def click_in_popover(acc, popover):
    """Clicks the middle of acc inside popover. A popover is an X window of
    its own, placed by GTK where it fits; GTK 4.8 reports it at its
    unadjusted place, so positions are taken relative to the popover."""
    p = popover.get_extents(Atspi.CoordType.WINDOW)
    e = acc.get_extents(Atspi.CoordType.WINDOW)
    origin = None
    for wid in xdotool('search', '--onlyvisible', '--name', '.').split():
        geometry = dict(line.split('=', 1)
                        for line in xdotool('getwindowgeometry', '--shell', wid).split())
        if int(geometry['WIDTH']) == p.width and int(geometry['HEIGHT']) == p.height:
            origin = int(geometry['X']), int(geometry['Y'])
    if origin is None:
        raise Failure(f'no X window has the size of the popover, {p.width}×{p.height}')
    x = origin[0] + e.x - p.x + e.width // 2
    y = origin[1] + e.y - p.y + e.height // 2
    move_pointer(x, y)
    xdotool('click', '1')


def hold_display():
    """Keeps a connection to the X server open. Xvfb resets when its last
    client leaves, and refuses new ones meanwhile: between the two runs of
    budg, or after the accessibility bus launcher has looked at the display,
    the next budg would fail to open the display now and then."""
    xlib = ctypes.CDLL(ctypes.util.find_library('X11') or 'libX11.so.6')
    xlib.XOpenDisplay.restype = ctypes.c_void_p
    xlib.XOpenDisplay.argtypes = [ctypes.c_char_p]
    display = xlib.XOpenDisplay(None)
    if not display:
        raise Failure(f"cannot open the X display {os.environ.get('DISPLAY')}")
    return xlib, display


def hover(window_title):
    """Without a window manager the keyboard goes to the window under the
    pointer, so keys meant for a window need the pointer on it."""
    wx, wy = x_window_origin(window_title)
    move_pointer(wx + 40, wy + 120)


def type_text(text):
    xdotool('type', '--delay', '40', text)


def key(*keys):
    xdotool('key', '--delay', '60', *keys)


# --- The app ----------------------------------------------------------------

class App:
    def __init__(self, program, env, log_path):
        self.log = open(log_path, 'w')
        self.log_path = log_path
        self.process = subprocess.Popen([program], env=env, stdout=self.log,
                                        stderr=subprocess.STDOUT)
        self.accessible = None
        self.windows = {}

    def wait_ready(self):
        """Waits for the main window, then keeps its accessible."""
        def shown():
            if self.process.poll() is not None:
                raise Failure(f'budg exited early with status {self.process.returncode}')
            return x_windows('Budg')

        wait_for('budg to show its window', shown, START_TIMEOUT)
        self.accessible = wait_for('budg on the accessibility bus',
                                   lambda: find_app(self.process.pid), START_TIMEOUT)
        return self.wait_window('Budg', START_TIMEOUT)

    def wait_window(self, title, timeout=STEP_TIMEOUT):
        """The accessible of the window titled title, once it is shown.
        GTK 4.8 crashes when asked for an app's windows while one of them
        is being shown or closed (its GtkAtSpiRoot answers GetChildAtIndex
        with a window that has no D-Bus path at that moment), so the X
        server is asked first, and the app only once the window is mapped."""
        wait_for(f'the “{title}” window to be shown', lambda: x_windows(title), timeout)
        window = wait_for(f'the “{title}” window on the accessibility bus',
                          lambda: find_window(self.accessible, title), timeout)
        self.windows[title] = window
        return window

    def wait_closed(self, title):
        """Asks the X server only, for the reason given in wait_window()."""
        wait_for(f'the “{title}” window to close', lambda: not x_windows(title))
        self.windows.pop(title, None)

    def window(self, title):
        return self.windows.get(title)

    def quit(self):
        """Quits with Ctrl+Q, as a person would; SIGTERM only if that fails.
        Returns (how, status)."""
        how = 'Ctrl+Q'
        try:
            hover('Budg')
            key('ctrl+q')
            self.process.wait(timeout=EXIT_TIMEOUT)
        except (Failure, subprocess.TimeoutExpired):
            how = 'SIGTERM'
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=EXIT_TIMEOUT)
            except subprocess.TimeoutExpired:
                how = 'SIGKILL'
                self.process.kill()
                self.process.wait()
        self.log.close()
        return how, self.process.returncode

    def kill(self):
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self.log.close()

    def output(self):
        with open(self.log_path, errors='replace') as f:
            return f.read()


def report_exit(app, how, status, description):
    """The app must quit when asked, and cleanly: under the sanitizers a
    leak or undefined behaviour on the way makes its status non-zero, and
    its output, printed then, says where."""
    tap.ok(how == 'Ctrl+Q', f'{description} quits on Ctrl+Q', f'it had to be stopped by {how}')
    tap.diag(f'budg exit status: {status}')
    tap.ok(status == 0, f'{description} exits with status 0',
           'budg output:\n' + (app.output()[-20000:] or '(none)'))


def cli(cli_program, db, *args):
    result = subprocess.run([cli_program, '--db', db, '--json', *args],
                            capture_output=True, text=True, timeout=60)
    if result.returncode != 0:
        raise Failure(f"budg-cli {' '.join(args)} failed ({result.returncode}): {result.stderr}")
    return json.loads(result.stdout)


# --- The steps --------------------------------------------------------------

def sidebar_row(app, balance):
    """The account's row in the sidebar once its accessible name, which
    reads like "E2E Checking, Savings, balance $1,500.00", shows balance."""
    row = find(app.window('Budg'), 'list item', contains=ACCOUNT_NAME)
    return row if row is not None and f'balance {balance}' in name_of(row) else None


def add_account(app, opening_date):
    button = wait_for('the welcome page’s “Add an Account” button',
                      lambda: find(app.window('Budg'), 'push button', contains='Add an Account'))
    tap.ok(True, 'the welcome page offers “Add an Account”')
    press(button)

    dialog = app.wait_window('New Account')
    tap.ok(True, '“Add an Account” opens the “New Account” window')

    save = find(dialog, 'push button', contains='Add')
    tap.check(save is not None and not has_state(save, Atspi.StateType.SENSITIVE),
              '“Add” is insensitive while the form is empty')

    name = find(dialog, 'text', name='Name')
    tap.check(name is not None, 'the form has a “Name” entry')
    click(name, 'New Account')
    type_text(ACCOUNT_NAME)
    wait_for('“Add” to become sensitive once a name is typed',
             lambda: has_state(save, Atspi.StateType.SENSITIVE))
    tap.ok(True, 'typing a name makes “Add” sensitive')

    # The kind: open the list and pick the next one, "Savings".
    kind = find(dialog, 'combo box', name='Kind')
    tap.check(kind is not None and find(kind, 'label', name='Checking') is not None,
              'the kind is “Checking” by default')
    click(kind, 'New Account')
    wait_for('the list of kinds', lambda: find(kind, 'label', name='Savings'))
    key('Down', 'Return')
    wait_for('the kind to read “Savings”',
             lambda: find(kind, 'label', name='Savings') is not None
             and find(kind, 'label', name='Checking') is None)
    tap.ok(True, 'the kind can be changed to “Savings” from the keyboard')

    currency = find(dialog, 'combo box', name='Currency')
    tap.ok(currency is not None and find(currency, 'label', name='USD') is not None,
           'the currency is USD by default')

    amount = find(dialog, 'text', name='Opening balance')
    tap.check(amount is not None, 'the form has an “Opening balance” entry')
    click(amount, 'New Account')
    type_text(OPENING_TEXT)
    hint = wait_for('the opening balance to be read back as $1,234.56',
                    lambda: find(amount, 'label', name='$1,234.56'))
    tap.ok(hint is not None, 'the opening balance is read back as “$1,234.56”')

    # The opening date: the day before today, picked on the calendar, so
    # that the balance recorded today is a second snapshot, not a correction.
    today_button = find(dialog, 'push button', name=short_date(datetime.date.today()))
    tap.check(today_button is not None, 'the opening balance is dated today by default')
    press(today_button)
    calendar = wait_for('the calendar', lambda: find(dialog, 'filler', name='GtkCalendar'))
    click_in_popover(calendar_day(calendar, opening_date),
                     find(dialog, 'filler', name='GtkPopover'))
    label = short_date(opening_date)
    wait_for(f'the opening date to read {label}', lambda: find(dialog, 'push button', name=label))
    tap.ok(True, f'the opening date can be set to the day before ({label}) on the calendar')
    wait_for('the calendar to close', lambda: find(dialog, 'filler', name='GtkCalendar') is None)

    wait_for('“Add” to be sensitive', lambda: has_state(save, Atspi.StateType.SENSITIVE))
    press(save)
    app.wait_closed('New Account')
    tap.ok(True, '“Add” closes the “New Account” window')

    row = wait_for('the sidebar to list the account with $1,234.56',
                   lambda: sidebar_row(app, '$1,234.56'))
    tap.ok(True, 'the sidebar lists the account with its opening balance')
    tap.diag(f'row: “{name_of(row)}”')


def record_balance(app):
    hover('Budg')
    key('ctrl+b')
    dialog = app.wait_window('Record Balance')
    tap.ok(True, 'Ctrl+B opens the “Record Balance” window')

    account = find(dialog, 'combo box', name='Account')
    tap.check(account is not None and find(account, 'label', name=ACCOUNT_NAME) is not None,
              f'the balance is for “{ACCOUNT_NAME}”')
    today = short_date(datetime.date.today())
    tap.ok(find(dialog, 'push button', name=today) is not None, 'the balance is dated today by default')

    save = find(dialog, 'push button', contains='Save')
    amount = find(dialog, 'text', name='Balance')
    tap.check(amount is not None and save is not None, 'the form has a “Balance” entry and “Save”')
    click(amount, 'Record Balance')
    type_text(BALANCE_TEXT)
    wait_for('the balance to be read back as $1,500.00',
             lambda: find(amount, 'label', name='$1,500.00'))
    wait_for('“Save” to become sensitive', lambda: has_state(save, Atspi.StateType.SENSITIVE))
    tap.ok(True, 'typing a balance makes “Save” sensitive')
    press(save)
    app.wait_closed('Record Balance')

    row = wait_for('the sidebar to show $1,500.00', lambda: sidebar_row(app, '$1,500.00'))
    tap.ok(True, 'the sidebar shows the recorded balance')
    tap.diag(f'row: “{name_of(row)}”')


def check_data(cli_program, db, opening_date):
    today = datetime.date.today().isoformat()
    accounts = cli(cli_program, db, 'account', 'list')
    matching = [a for a in accounts if a.get('name') == ACCOUNT_NAME]
    tap.check(len(matching) == 1, 'budg-cli lists the account', json.dumps(accounts, indent=1))
    account = matching[0]
    tap.ok(account.get('kind') == 'savings', 'its kind is “savings”', f"kind: {account.get('kind')}")
    tap.ok(account.get('currency') == 'USD', 'its currency is USD', f"currency: {account.get('currency')}")
    tap.ok(account.get('balance_minor') == BALANCE_MINOR,
           f'its balance is the latest snapshot, {BALANCE_MINOR}', f"balance_minor: {account.get('balance_minor')}")

    snapshots = [s for s in cli(cli_program, db, 'balance', 'list')
                 if s.get('account_id') == account.get('id')]
    detail = json.dumps(snapshots, indent=1)
    tap.ok(any(s.get('amount_minor') == OPENING_MINOR and s.get('date') == opening_date.isoformat()
               and s.get('currency') == 'USD' for s in snapshots),
           f'the opening balance is a snapshot of {OPENING_MINOR} on {opening_date.isoformat()}', detail)
    tap.ok(any(s.get('amount_minor') == BALANCE_MINOR and s.get('date') == today
               and s.get('currency') == 'USD' for s in snapshots),
           f'the recorded balance is a snapshot of {BALANCE_MINOR} on {today}', detail)
    tap.ok(len(snapshots) == 2, 'the account has exactly those two snapshots', detail)


def add_statement_transactions(cli_program, db):
    """Three transactions of today for the reconcile step: two the bank has
    cleared, one still pending that the statement shows too."""
    for amount, payee, status in (('-34.56', 'E2E Coffee', 'cleared'),
                                  ('100.00', 'E2E Refund', 'cleared'),
                                  ('-50.00', 'E2E Pending', 'pending')):
        cli(cli_program, db, 'txn', 'add', '--account', ACCOUNT_NAME, '--date', 'today',
            '--amount', amount, '--payee', payee, '--status', status)


def reconcile(app):
    """Opens the register on the account, reconciles it against a statement
    of $1,250.00 (opening $1,234.56 − 34.56 + 100.00 − 50.00) by ticking
    the pending row, and finishes."""
    window = app.window('Budg')
    row = wait_for('the account in the sidebar', lambda: sidebar_row(app, '$1,500.00'))
    click(row, 'Budg')
    hover('Budg')
    key('alt+2')
    coffee = wait_for('the register to show “E2E Coffee”',
                      lambda: find(app.window('Budg'), 'label', name='E2E Coffee'))
    tap.ok(coffee is not None, 'Alt+2 shows the register with the account’s transactions')

    button = wait_for('a sensitive “Reconcile” button',
                      lambda: next((b for b in [find(app.window('Budg'), 'push button', name='Reconcile')]
                                    if b is not None and has_state(b, Atspi.StateType.SENSITIVE)), None))
    press(button)
    title = f'Reconcile “{ACCOUNT_NAME}”'
    dialog = app.wait_window(title)
    tap.ok(True, '“Reconcile” opens the reconcile window for the account')

    balance = find(dialog, 'text', name='Ending balance')
    tap.check(balance is not None, 'the reconcile window asks for the ending balance')
    click(balance, title)
    type_text('1250')
    go_on = wait_for('“Continue” to become sensitive',
                     lambda: next((b for b in [find(dialog, 'push button', contains='Continue')]
                                   if b is not None and has_state(b, Atspi.StateType.SENSITIVE)), None))
    press(go_on)

    tick = wait_for('the tick of the pending transaction',
                    lambda: find(dialog, 'check box', contains='E2E Pending'))
    finish = find(dialog, 'push button', contains='Finish')
    tap.check(finish is not None and not has_state(finish, Atspi.StateType.SENSITIVE),
              '“Finish” is insensitive while the cleared balance differs from the statement')
    # GTK 4.8 gives check boxes no accessible action: click it.
    click(tick, title)
    wait_for('“Finish” to become sensitive once the difference is zero',
             lambda: has_state(finish, Atspi.StateType.SENSITIVE))
    tap.ok(True, 'ticking the pending transaction brings the difference to zero')
    press(finish)
    app.wait_closed(title)
    tap.ok(True, '“Finish” closes the reconcile window')


E2E_OFX = """OFXHEADER:100
DATA:OFXSGML
VERSION:102
SECURITY:NONE
ENCODING:USASCII
CHARSET:1252
COMPRESSION:NONE
OLDFILEUID:NONE
NEWFILEUID:NONE

<OFX><SIGNONMSGSRSV1><SONRS><STATUS><CODE>0<SEVERITY>INFO</STATUS><DTSERVER>20260301<LANGUAGE>ENG</SONRS></SIGNONMSGSRSV1>
<BANKMSGSRSV1><STMTTRNRS><TRNUID>1<STATUS><CODE>0<SEVERITY>INFO</STATUS>
<STMTRS><CURDEF>USD<BANKACCTFROM><BANKID>021000021<ACCTID>99887766<ACCTTYPE>CHECKING</BANKACCTFROM>
<BANKTRANLIST><DTSTART>20260201<DTEND>20260228
<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20260203<TRNAMT>-12.34<FITID>E2E-1<NAME>E2E Bakery</STMTTRN>
<STMTTRN><TRNTYPE>CREDIT<DTPOSTED>20260210<TRNAMT>500.00<FITID>E2E-2<NAME>E2E Employer</STMTTRN>
</BANKTRANLIST><LEDGERBAL><BALAMT>487.66<DTASOF>20260228</LEDGERBAL></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>
"""


def import_statement(app, path):
    """Imports a bank statement as a person would: Ctrl+I, the path typed
    into the file chooser, then the review's Import button."""
    hover('Budg')
    key('ctrl+i')
    # GTK 4.8 does not put the file chooser on the accessibility bus under
    # its title; the X server sees it.
    chooser = wait_for('the file chooser to be shown', lambda: x_windows('Import Statement'))
    # It reads its first folder before it takes keys.
    time.sleep(2)
    # No window manager gives it the focus here: the test does.
    xdotool('windowfocus', '--sync', chooser[0])
    tap.ok(True, 'Ctrl+I opens the file chooser')
    # The location entry of GTK's own chooser (no portal here).
    key('ctrl+l')
    time.sleep(0.5)
    type_text(path)
    time.sleep(0.5)
    key('Return')
    # The import dialog takes the same title as the chooser: wait for the
    # chooser's own X window to go.
    wait_for('the file chooser to close', lambda: chooser[0] not in x_windows('Import Statement'))
    wait_for('the import dialog to be shown', lambda: x_windows('Import Statement'))
    time.sleep(1)
    button = wait_for('the review’s “Import 2 Transactions” button',
                      lambda: find(app.accessible, 'push button', contains='Import 2 Transactions'))
    tap.ok(True, 'the import dialog reviews the statement: two new transactions')
    press(button)
    app.wait_closed('Import Statement')
    tap.ok(True, 'importing closes the dialog')


def check_imported(cli_program, db):
    accounts = cli(cli_program, db, 'account', 'list')
    imported = next((a for a in accounts if a.get('name') == 'Account …7766'), None)
    tap.ok(imported is not None, 'the statement made an account named after its number',
           json.dumps(accounts, indent=1))
    rows = cli(cli_program, db, 'txn', 'list', '--account', 'Account …7766')
    tap.ok(sorted((r.get('payee'), r.get('amount_minor')) for r in rows) ==
           [('E2E Bakery', -1234), ('E2E Employer', 50000)],
           'budg-cli lists the two imported transactions', json.dumps(rows, indent=1))


def check_reconciled(cli_program, db):
    rows = cli(cli_program, db, 'txn', 'list', '--account', ACCOUNT_NAME, '--status', 'reconciled')
    payees = sorted(r.get('payee') for r in rows)
    tap.ok(payees == ['E2E Coffee', 'E2E Pending', 'E2E Refund'],
           'budg-cli lists the three transactions as reconciled', json.dumps(rows, indent=1))


def restore_backup(app, cli_program, db):
    """Restores the day's automatic backup, which the first Budg made when it
    opened its window on the new, empty database (BUDG_BACKUP_DELAY_MS=0):
    Main Menu (F10), Backups (its mnemonic), Restore on the backup and in
    the question. Budg then opens the database again: empty, on its welcome
    page, with a copy of what the restore replaced kept beside the backups."""
    backups = os.path.join(os.path.dirname(db), 'backups')
    today = datetime.date.today().isoformat()
    tap.check(os.path.exists(os.path.join(backups, f'e2e-{today}.db')),
              'the first start made the day’s backup',
              os.listdir(backups) if os.path.isdir(backups) else 'no backups folder')
    hover('Budg')
    key('F10')
    time.sleep(1)
    key('u')
    window = app.wait_window('Backups')
    tap.ok(True, 'Main Menu → Backups opens the Backups window')
    button = wait_for('the backup’s Restore button',
                      lambda: find(window, 'push button', contains='Restore the backup of'))
    press(button)
    # The question has no title of its own; let it be shown before the app
    # is asked for its windows (see App.wait_window).
    time.sleep(2)
    question = wait_for('the question “Restore …?”',
                        lambda: find(app.accessible, 'dialog', contains='Restore'))
    # GTK 4.8 names a button after its mnemonic label and its label both.
    confirm = wait_for('the question’s “Restore” button',
                       lambda: find(question, 'push button', contains='Restore'))
    tap.ok(True, 'Restore asks first')
    press(confirm)
    time.sleep(3)
    wait_for('the window to be opened again', lambda: x_windows('Budg'))
    time.sleep(1)
    wait_for('the welcome page of the restored, empty database',
             lambda: find(app.accessible, 'push button', contains='Add an Account'))
    tap.ok(True, 'after the restore Budg shows the database again, as the backup had it')
    accounts = cli(cli_program, db, 'account', 'list')
    tap.ok(accounts == [], 'budg-cli lists no account after the restore', json.dumps(accounts))
    tap.ok(os.path.exists(os.path.join(backups, f'e2e-{today}-before-restore.db')),
           'a copy of what the restore replaced is kept', os.listdir(backups))


def main():
    program = os.environ.get('BUDG_APP')
    cli_program = os.environ.get('BUDG_CLI')
    if not program or not cli_program:
        print('Bail out! BUDG_APP and BUDG_CLI must name the budg and budg-cli programs')
        return 1
    if not os.environ.get('DISPLAY') or not shutil.which('xdotool'):
        print('Bail out! needs an X display (DISPLAY) and xdotool')
        return 1

    locale.setlocale(locale.LC_ALL, '')
    tmp = tempfile.mkdtemp(prefix='budg-e2e-')
    db = os.path.join(tmp, 'e2e.db')
    env = dict(os.environ)
    env.pop('NO_AT_BRIDGE', None)
    env['BUDG_DB'] = db
    env.setdefault('GSETTINGS_BACKEND', 'memory')
    env['GTK_A11Y'] = 'atspi'
    # The day's backup as soon as the window shows, not half a minute later.
    env['BUDG_BACKUP_DELAY_MS'] = '0'

    # Computed before the app starts, so a run across midnight fails rather
    # than checks the wrong day.
    opening_date = datetime.date.today() - datetime.timedelta(days=1)

    app = None
    a11y_bus = None
    try:
        hold_display()
        a11y_bus = start_accessibility_bus()
        app = App(program, env, os.path.join(tmp, 'budg-1.log'))
        app.wait_ready()
        tap.ok(os.path.exists(db), 'budg starts on a new database and shows its window')
        add_account(app, opening_date)
        record_balance(app)
        how, status = app.quit()
        report_exit(app, how, status, 'budg')
        app = None

        check_data(cli_program, db, opening_date)
        add_statement_transactions(cli_program, db)

        app = App(program, env, os.path.join(tmp, 'budg-2.log'))
        app.wait_ready()
        wait_for('the sidebar to list the account with $1,500.00 after a restart',
                 lambda: sidebar_row(app, '$1,500.00'))
        tap.ok(True, 'after a restart the sidebar lists the account with its balance')
        reconcile(app)
        # GTK 4.8's file chooser leaks a few strings in its own unexported
        # functions, which LeakSanitizer reports and no suppression can name
        # without hiding Budg's leaks too: under the sanitizers the import
        # step is skipped (test-ui-import covers the import dialog there).
        sanitized = 'ASAN_OPTIONS' in env
        if not sanitized:
            statement = os.path.join(tmp, 'statement.ofx')
            with open(statement, 'w', encoding='ascii') as f:
                f.write(E2E_OFX)
            import_statement(app, statement)
        how, status = app.quit()
        report_exit(app, how, status, 'budg, restarted,')
        app = None
        check_reconciled(cli_program, db)
        if sanitized:
            tap.ok(True, 'importing a statement through the file chooser # SKIP GTK’s file chooser leaks under LeakSanitizer')
        else:
            check_imported(cli_program, db)

        app = App(program, env, os.path.join(tmp, 'budg-3.log'))
        app.wait_ready()
        restore_backup(app, cli_program, db)
        how, status = app.quit()
        report_exit(app, how, status, 'budg, after a restore,')
        app = None
    except Exception as e:  # noqa: BLE001 — any error fails the test, with the evidence
        tap.ok(False, str(e) if isinstance(e, Failure) else f'{type(e).__name__}: {e}')
        if app is not None and app.accessible is not None:
            sys.stderr.write('--- accessible tree at the failure ---\n')
            dump(app.accessible, sys.stderr)
        if app is not None:
            app.kill()
            sys.stderr.write('--- budg output ---\n' + app.output() + '\n')
            app = None
    finally:
        if app is not None:
            app.kill()
        if a11y_bus is not None:
            a11y_bus.terminate()
            a11y_bus.wait()
        shutil.rmtree(tmp, ignore_errors=True)

    print(f'1..{tap.count}', flush=True)
    return 1 if tap.failed else 0


if __name__ == '__main__':
    sys.exit(main())
