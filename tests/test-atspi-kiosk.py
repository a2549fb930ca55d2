#!/usr/bin/python3
# The kiosk driven through the accessibility tree, as a screen reader or an
# automation tool sees it: from the welcome to the thank-you page, in Kazakh.
# Runs in tests/virtual-session; prints TAP.
#
# Copyright 2026 Resource Centre contributors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import sqlite3
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'tools'))
from rc_atspi import (Atspi, choices, choose_first, find_all, find_app, press,  # noqa: E402
                      start_bus, wait_for)

EXECUTABLE = os.environ['RC_EXECUTABLE']
TEXT_SIZE = 'Ірі мәтін'
results = []


def report(ok, description):
    results.append(ok)
    print('%s %d - %s' % ('ok' if ok else 'not ok', len(results), description), flush=True)


def main():
    tmp = tempfile.mkdtemp(prefix='rc-atspi-')
    data_dir = os.path.join(tmp, 'data')
    env = dict(os.environ, LANGUAGE='kk', LANG='C.UTF-8', G_DEBUG='fatal-warnings')
    env.pop('GTK_A11Y', None)
    env.pop('NO_AT_BRIDGE', None)

    subprocess.run([EXECUTABLE, '--data-dir=' + data_dir, '--set-pin'], input='2580\n',
                   text=True, env=env, check=True, capture_output=True)

    bus = start_bus()
    app_process = None
    try:
        app_process = subprocess.Popen([EXECUTABLE, '--kiosk', '--data-dir=' + data_dir], env=env,
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        app = wait_for('the application', find_app)
        report(True, 'the kiosk is on the accessibility bus')

        kazakh = wait_for('the Қазақша button',
                          lambda: find_all(app, Atspi.Role.PUSH_BUTTON, 'Қазақша'))
        report(True, 'the welcome offers Қазақша and Русский by name')
        press(kazakh[0])

        next_name = 'Келесі'
        wait_for('the first question', lambda: find_all(app, Atspi.Role.PUSH_BUTTON, next_name))
        report(True, 'after the choice, the buttons speak Kazakh')

        pages = 0
        answered = None
        while not find_all(app, Atspi.Role.PUSH_BUTTON, 'Жауаптарды жіберу') and pages < 60:
            found = choices(app, skip_names=(TEXT_SIZE,))
            page = tuple(c.get_name() for c in found)
            if found and page != answered:
                choose_first(found)
                answered = page
            press(find_all(app, Atspi.Role.PUSH_BUTTON, next_name)[0])
            pages += 1
            time.sleep(0.6)
        report(bool(find_all(app, Atspi.Role.PUSH_BUTTON, 'Жауаптарды жіберу')),
               'every question answered by name and role, up to the review (%d pages)' % pages)

        press(find_all(app, Atspi.Role.PUSH_BUTTON, 'Жауаптарды жіберу')[0])
        restart = wait_for('the thank-you page',
                           lambda: find_all(app, Atspi.Role.PUSH_BUTTON, 'Қазір басынан бастау'))
        report(bool(restart), 'the thank-you page comes after sending')

        with sqlite3.connect(os.path.join(data_dir, 'resource-center.db')) as db:
            rows = db.execute('SELECT language, survey_id FROM responses').fetchall()
        report(rows == [('kk', 'womens_rights_express')], 'one response in Kazakh is stored: %r' % rows)
    except Exception as error:  # noqa: BLE001
        report(False, "the kiosk could be driven: %s" % error)
    finally:
        if app_process:
            app_process.kill()
            app_process.wait()
        bus.kill()
        bus.wait()

    print('1..%d' % len(results))
    return 0 if all(results) else 1


if __name__ == '__main__':
    sys.exit(main())
