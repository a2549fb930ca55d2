# Driving Resource Centre through the accessibility tree, as a screen
# reader or automation tool does: used by tests/test-atspi-*.py and by
# tools/shoot-survey and tools/shoot-results.
#
# Copyright 2026 Resource Centre contributors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import signal
import subprocess
import time

import gi
gi.require_version('Atspi', '2.0')
from gi.repository import Atspi, Gio, GLib  # noqa: E402

TIMEOUT = 120

# A call to the app waits 0.8 s by default, and fails after it. An app
# built with AddressSanitizer, on a busy machine, can take longer to build
# a page: a slow answer is not a wrong one.
Atspi.set_timeout(15000, -1)


def start_bus():
    """An accessibility bus for the session, which tests start bare."""
    # In a process group of its own, so that stop_bus() ends the bus's
    # dbus-daemon with its launcher.
    bus = subprocess.Popen(['/usr/libexec/at-spi-bus-launcher', '--launch-immediately'],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    # An app started before the launcher owns its name finds no bus, warns
    # and stays off it: wait for the name, however slow the machine is.
    session = Gio.bus_get_sync(Gio.BusType.SESSION, None)
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        owned = session.call_sync('org.freedesktop.DBus', '/org/freedesktop/DBus',
                                  'org.freedesktop.DBus', 'NameHasOwner',
                                  GLib.Variant('(s)', ('org.a11y.Bus',)), GLib.VariantType('(b)'),
                                  Gio.DBusCallFlags.NONE, -1, None).unpack()[0]
        if owned:
            break
        time.sleep(0.1)
    else:
        raise TimeoutError('the accessibility bus did not start')
    Atspi.init()
    return bus


def stop_bus(bus):
    """Ends the accessibility bus and the daemon its launcher started."""
    try:
        os.killpg(bus.pid, signal.SIGTERM)
    except ProcessLookupError:
        pass
    bus.wait()


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


def find_app(name='resource-center'):
    desktop = Atspi.get_desktop(0)
    for i in range(desktop.get_child_count()):
        app = desktop.get_child_at_index(i)
        if app is not None and app.get_name() == name:
            return app
    return None


def wait_for(what, find, timeout=TIMEOUT):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        # A page going away takes its objects with it while the tree is
        # walked, as a screen reader finds too: look again. A window that
        # is gone for good still ends in the timeout below.
        try:
            found = find()
        except GLib.Error:
            found = None
        if found:
            return found
        time.sleep(0.2)
    raise TimeoutError('nothing like %s appeared' % what)


class FocusWatch:
    """Where the focus goes, as a screen reader follows it: each object
    focused, with the description it would read out after the name."""

    def __init__(self):
        self.focused = []
        self.listener = Atspi.EventListener.new(self._on_focused)
        self.listener.register('object:state-changed:focused')

    def _on_focused(self, event):
        try:
            if event.detail1 == 1:
                self.focused.append((event.source.get_name(), event.source.get_description()))
        except GLib.Error:
            pass

    def wait(self, seconds=2.0):
        """Lets the events of the last few moments arrive."""
        deadline = time.monotonic() + seconds
        context = GLib.MainContext.default()
        while time.monotonic() < deadline:
            while context.iteration(False):
                pass
            time.sleep(0.02)

    def close(self):
        self.listener.deregister('object:state-changed:focused')


def find_all(app, role, name=None):
    return [n for n in walk(app)
            if n.get_role() == role and showing(n) and (name is None or n.get_name() == name)]


def press(node):
    node.get_action_iface().do_action(0)


def press_space():
    subprocess.run(['xdotool', 'mousemove', '20', '20', 'key', 'space'], check=True)


def choices(app, skip_names=()):
    """The choices of the question shown, in order."""
    return (find_all(app, Atspi.Role.RADIO_BUTTON) or find_all(app, Atspi.Role.CHECK_BOX)
            or [t for t in find_all(app, Atspi.Role.TOGGLE_BUTTON) if t.get_name() not in skip_names]
            # The points of a scale, named by their number.
            or [b for b in find_all(app, Atspi.Role.PUSH_BUTTON)
                if (b.get_name() or '').split(',')[0].strip().isdigit()])


def choose_first(found):
    """Each question page puts the keyboard on its first choice, and GTK 4.8
    gives check buttons no action: Space chooses it, as at a keyboard."""
    action = found[0].get_action_iface()
    if action is not None and action.get_n_actions() > 0:
        action.do_action(0)
    else:
        press_space()
    time.sleep(0.4)


def click(node):
    """Clicks the middle of a widget, for those GTK 4.8 gives no action;
    without a window manager the window sits at the screen's corner."""
    extents = node.get_component_iface().get_extents(Atspi.CoordType.WINDOW)
    subprocess.run(['xdotool', 'mousemove', str(extents.x + extents.width // 2),
                    str(extents.y + extents.height // 2), 'click', '1'], check=True)
    time.sleep(0.5)


class Tap:
    """The results of a test that drives the app, printed as TAP."""

    def __init__(self):
        self.results = []

    def report(self, ok, description):
        self.results.append(ok)
        print('%s %d - %s' % ('ok' if ok else 'not ok', len(self.results), description), flush=True)

    def drive(self, argv, env, what, steps, output=None, last=True):
        """Starts the app on an accessibility bus of its own and runs
        steps(app); anything that goes wrong is one failed test. Returns the
        exit status of the test program. With @output, a file, everything
        the app prints goes there; unless @last, more tests follow, and the
        plan is the caller's to print."""
        bus = start_bus()
        app_process = None
        try:
            app_process = subprocess.Popen(argv, env=env,
                                           stdout=output if output else subprocess.DEVNULL,
                                           stderr=subprocess.STDOUT if output else None)
            steps(wait_for('the application', find_app))
        except Exception as error:  # noqa: BLE001
            self.report(False, '%s: %s' % (what, error))
        finally:
            if app_process:
                app_process.kill()
                app_process.wait()
            stop_bus(bus)

        if last:
            print('1..%d' % len(self.results))
        return 0 if all(self.results) else 1
