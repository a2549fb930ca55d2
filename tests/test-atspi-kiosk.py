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
from rc_atspi import Atspi, Tap, choices, choose_first, find_all, press, wait_for  # noqa: E402

EXECUTABLE = os.environ['RC_EXECUTABLE']
TEXT_SIZE = 'Ірі мәтін'
tap = Tap()


def main():
    tmp = tempfile.mkdtemp(prefix='rc-atspi-')
    data_dir = os.path.join(tmp, 'data')
    env = dict(os.environ, LANGUAGE='kk', LANG='C.UTF-8', G_DEBUG='fatal-warnings')
    env.pop('GTK_A11Y', None)
    env.pop('NO_AT_BRIDGE', None)

    subprocess.run([EXECUTABLE, '--data-dir=' + data_dir, '--set-pin'], input='2580\n',
                   text=True, env=env, check=True, capture_output=True)

    def steps(app):
        tap.report(True, 'the kiosk is on the accessibility bus')

        kazakh = wait_for('the Қазақша button',
                          lambda: find_all(app, Atspi.Role.PUSH_BUTTON, 'Қазақша'))
        tap.report(True, 'the welcome offers Қазақша and Русский by name')
        press(kazakh[0])

        next_name = 'Келесі'
        wait_for('the first question', lambda: find_all(app, Atspi.Role.PUSH_BUTTON, next_name))
        tap.report(True, 'after the choice, the buttons speak Kazakh')

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
        tap.report(bool(find_all(app, Atspi.Role.PUSH_BUTTON, 'Жауаптарды жіберу')),
                   'every question answered by name and role, up to the review (%d pages)' % pages)

        press(find_all(app, Atspi.Role.PUSH_BUTTON, 'Жауаптарды жіберу')[0])
        restart = wait_for('the thank-you page',
                           lambda: find_all(app, Atspi.Role.PUSH_BUTTON, 'Қазір басынан бастау'))
        tap.report(bool(restart), 'the thank-you page comes after sending')

        with sqlite3.connect(os.path.join(data_dir, 'resource-center.db')) as db:
            rows = db.execute('SELECT language, survey_id FROM responses').fetchall()
        tap.report(rows == [('kk', 'womens_rights_express')], 'one response in Kazakh is stored: %r' % rows)

    return tap.drive([EXECUTABLE, '--kiosk', '--data-dir=' + data_dir], env, 'the kiosk could be driven', steps)


if __name__ == '__main__':
    sys.exit(main())
