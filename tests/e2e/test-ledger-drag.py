#!/usr/bin/python3
# test-ledger-drag.py — drags a bill in the Bills view of the real `budg` with
# the pointer and checks the order budg-cli reads back. Three one-off bills
# due on the same day are prepared with budg-cli; the rows are found through
# the accessibility tree (each row's accessible name says its bill and its
# place in the day), and xdotool drags the last one by its handle onto the
# upper half of the first. Runs like test-e2e.py, whose AT-SPI and X helpers
# it uses: in `dbus-run-session -- xvfb-run`, with BUDG_APP and BUDG_CLI
# naming the programs. Prints TAP.
#
# Copyright 2026 The Budg authors
# SPDX-License-Identifier: GPL-3.0-or-later

import datetime
import importlib.util
import json
import locale
import os
import shutil
import subprocess
import sys
import tempfile
import time

_spec = importlib.util.spec_from_file_location(
    'e2e', os.path.join(os.path.dirname(os.path.abspath(__file__)), 'test-e2e.py'))
e2e = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(e2e)

from gi.repository import Atspi  # noqa: E402

ACCOUNT = 'Drag Checking'
BILLS = ['Alpha', 'Bravo', 'Charlie']

tap = e2e.tap
Failure = e2e.Failure


def budg_cli(cli_program, db, *args):
    result = subprocess.run([cli_program, '--db', db, '--json', *args],
                            capture_output=True, text=True, timeout=60)
    if result.returncode != 0:
        raise Failure(f"budg-cli {' '.join(args)} failed ({result.returncode}): {result.stderr}")
    return json.loads(result.stdout) if result.stdout.strip() else None


def prepare(cli_program, db, day):
    budg_cli(cli_program, db, 'init')
    budg_cli(cli_program, db, 'account', 'add', ACCOUNT, '--kind', 'checking', '--currency', 'USD')
    # One occurrence each, all on the same day, in the order they are added.
    for name in BILLS:
        budg_cli(cli_program, db, 'bill', 'add', name, '--amount', '10', '--account', ACCOUNT,
                 '--rrule', 'FREQ=DAILY', '--start', day, '--count', '1')


def day_order(cli_program, db, day):
    dues = budg_cli(cli_program, db, 'due', 'list', '--from', day, '--to', day)
    return [d.get('name') for d in dues]


def bill_row(app, name):
    """The table row of the bill, whose accessible name reads like
    "Alpha, due 11/29/26, -$10.00, Upcoming, position 1 of 3 on that day"."""
    return e2e.find(app.window('Budg'), 'table row', contains=f'{name}, due ')


def position_of(app, name):
    row = bill_row(app, name)
    if row is None:
        return None
    text = e2e.name_of(row)
    marker = 'position '
    if marker not in text:
        return None
    return int(text.split(marker, 1)[1].split(' ', 1)[0])


def handle_point(row, origin):
    """The middle of the row's first cell, which holds the drag handle."""
    cell = next(e2e.children(row), None)
    if cell is None:
        raise Failure(f'the row “{e2e.name_of(row)}” has no cells')
    e = cell.get_extents(Atspi.CoordType.WINDOW)
    return origin[0] + e.x + e.width // 2, origin[1] + e.y + e.height // 2


def drag(start, end, steps=12):
    """Presses at start and moves to end in small steps, pausing between
    them, so that GTK sees the pointer pass its drag threshold and then
    follow the drop targets on the way; releases at end."""
    e2e.move_pointer(*start)
    e2e.xdotool('mousedown', '1')
    time.sleep(0.3)
    for i in range(1, steps + 1):
        x = start[0] + (end[0] - start[0]) * i // steps
        y = start[1] + (end[1] - start[1]) * i // steps
        e2e.xdotool('mousemove', str(x), str(y))
        time.sleep(0.08)
    time.sleep(0.4)
    e2e.xdotool('mouseup', '1')


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
    tmp = tempfile.mkdtemp(prefix='budg-e2e-drag-')
    db = os.path.join(tmp, 'drag.db')
    env = dict(os.environ)
    env.pop('NO_AT_BRIDGE', None)
    env['BUDG_DB'] = db
    env.setdefault('GSETTINGS_BACKEND', 'memory')
    env['GTK_A11Y'] = 'atspi'

    # A week ahead is inside the range the Bills view opens on.
    day = (datetime.date.today() + datetime.timedelta(days=7)).isoformat()

    app = None
    a11y_bus = None
    try:
        prepare(cli_program, db, day)
        order = day_order(cli_program, db, day)
        tap.check(order == BILLS, f'budg-cli lists the bills of {day} in the order they were added',
                  f'order: {order}')

        e2e.hold_display()
        a11y_bus = e2e.start_accessibility_bus()
        app = e2e.App(program, env, os.path.join(tmp, 'budg.log'))
        app.wait_ready()

        e2e.wait_for('the Bills view to list the three bills',
                     lambda: all(bill_row(app, name) is not None for name in BILLS))
        tap.ok([position_of(app, name) for name in BILLS] == [1, 2, 3],
               'the rows are in the stored order, and their names say so')

        origin = e2e.x_window_origin('Budg')
        first = bill_row(app, 'Alpha').get_extents(Atspi.CoordType.WINDOW)
        start = handle_point(bill_row(app, 'Charlie'), origin)
        # The upper half of Alpha's row: before it.
        end = (start[0], origin[1] + first.y + first.height // 4)
        tap.diag(f'dragging from {start} to {end}')
        drag(start, end)

        # The toast lasts a few seconds; under the sanitizers the table can
        # take longer than that to read back, so both are watched together
        # and the toast counts if it was seen at any moment.
        seen = {'toast': False}

        def moved_and_told():
            if not seen['toast']:
                seen['toast'] = e2e.find(app.window('Budg'), 'label',
                                         contains='Moved “Charlie” before “Alpha”') is not None
            return (seen['toast'] and position_of(app, 'Charlie') == 1
                    and position_of(app, 'Alpha') == 2)

        try:
            e2e.wait_for('Charlie to be first of its day, and the Undo toast', moved_and_told)
        except Failure:
            pass
        tap.ok(position_of(app, 'Charlie') == 1 and position_of(app, 'Alpha') == 2,
               'dropping Charlie on the upper half of Alpha puts it first in the table',
               f'positions: Charlie {position_of(app, "Charlie")}, Alpha {position_of(app, "Alpha")}')
        tap.ok(seen['toast'], 'a toast says what moved and offers Undo')

        how, status = app.quit()
        tap.ok(how == 'Ctrl+Q' and status == 0, 'budg quits on Ctrl+Q with status 0',
               f'how: {how}, status: {status}\n' + app.output()[-20000:])
        app = None

        order = day_order(cli_program, db, day)
        tap.ok(order == ['Charlie', 'Alpha', 'Bravo'], 'budg-cli reads back the order of the drag',
               f'order: {order}')
    except Exception as e:  # noqa: BLE001 — any error fails the test, with the evidence
        tap.ok(False, str(e) if isinstance(e, Failure) else f'{type(e).__name__}: {e}')
        if app is not None and app.accessible is not None:
            sys.stderr.write('--- accessible tree at the failure ---\n')
            e2e.dump(app.accessible, sys.stderr)
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
