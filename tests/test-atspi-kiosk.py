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

import gi
gi.require_version('Atspi', '2.0')
from gi.repository import Atspi  # noqa: E402

EXECUTABLE = os.environ['RC_EXECUTABLE']
TIMEOUT = 60
results = []


def report(ok, description):
    results.append(ok)
    print('%s %d - %s' % ('ok' if ok else 'not ok', len(results), description), flush=True)


def walk(node, depth=0):
    if node is None or depth > 60:
        return
    yield node
    for i in range(node.get_child_count()):
        yield from walk(node.get_child_at_index(i), depth + 1)


def showing(node):
    # GTK 4.8 marks widgets VISIBLE but not SHOWING, also on the pages a
    # GtkStack does not show; those have never been given a size.
    if not node.get_state_set().contains(Atspi.StateType.VISIBLE):
        return False
    component = node.get_component_iface()
    if component is None:
        return True
    extents = component.get_extents(Atspi.CoordType.WINDOW)
    return extents.width > 0 and extents.height > 0


def find_app():
    desktop = Atspi.get_desktop(0)
    for i in range(desktop.get_child_count()):
        app = desktop.get_child_at_index(i)
        if app is not None and app.get_name() == 'resource-center':
            return app
    return None


def wait_for(what, find):
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        found = find()
        if found:
            return found
        time.sleep(0.2)
    raise TimeoutError('nothing like %s appeared' % what)


def find_all(app, role, name=None):
    return [n for n in walk(app)
            if n.get_role() == role and showing(n) and (name is None or n.get_name() == name)]


def press(node):
    node.get_action_iface().do_action(0)


def press_space():
    subprocess.run(['xdotool', 'mousemove', '20', '20', 'key', 'space'], check=True)


def labels(app):
    return [n.get_name() or '' for n in walk(app) if n.get_role() == Atspi.Role.LABEL and showing(n)] + \
           [n.get_text_iface().get_text(0, -1) for n in walk(app)
            if n.get_role() == Atspi.Role.LABEL and showing(n) and n.get_text_iface()]


def main():
    tmp = tempfile.mkdtemp(prefix='rc-atspi-')
    data_dir = os.path.join(tmp, 'data')
    env = dict(os.environ, LANGUAGE='kk', LANG='C.UTF-8', G_DEBUG='fatal-warnings')
    env.pop('GTK_A11Y', None)
    env.pop('NO_AT_BRIDGE', None)

    subprocess.run([EXECUTABLE, '--data-dir=' + data_dir, '--set-pin'], input='2580\n',
                   text=True, env=env, check=True, capture_output=True)

    bus = subprocess.Popen(['/usr/libexec/at-spi-bus-launcher', '--launch-immediately'],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    app_process = None
    try:
        time.sleep(1)
        Atspi.init()
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
            choices = (find_all(app, Atspi.Role.RADIO_BUTTON) or find_all(app, Atspi.Role.CHECK_BOX)
                       or [t for t in find_all(app, Atspi.Role.TOGGLE_BUTTON)
                           if t.get_name() != 'Ірі мәтін']
                       # The points of a scale, named by their number.
                       or [b for b in find_all(app, Atspi.Role.PUSH_BUTTON)
                           if (b.get_name() or '').split(',')[0].strip().isdigit()])
            page = tuple(c.get_name() for c in choices)
            # Each question page puts the keyboard on its first choice, and
            # GTK 4.8 gives check buttons no action: Space chooses it, as it
            # does for someone at the keyboard. Once a page.
            if choices and page != answered:
                action = choices[0].get_action_iface()
                if action is not None and action.get_n_actions() > 0:
                    action.do_action(0)
                else:
                    press_space()
                answered = page
                time.sleep(0.4)
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
