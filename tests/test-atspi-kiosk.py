#!/usr/bin/python3
# The kiosk driven through the accessibility tree, as a screen reader or an
# automation tool sees it: from the welcome to the thank-you page, in the
# language given (kk or ru) while the system speaks the other one. Every name
# and description met on the way, which is every text on the screen and
# everything a screen reader says, must be in the respondent's language.
# The app runs with every debug message on, and nothing it prints may hold
# what she typed or the PIN.
# Runs in tests/virtual-session; prints TAP.
#
# Copyright 2026 Resource Centre contributors
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'tools'))
from rc_atspi import Atspi, FocusWatch, Tap, choices, choose_first, click, find_all, press, showing, wait_for, walk  # noqa: E402

EXECUTABLE = os.environ['RC_EXECUTABLE']
PO_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'po')
SURVEY = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'data', 'surveys',
                      'womens-rights-express.json')

# The buttons by their names in each language, and the language the rest of
# the system speaks meanwhile.
NAMES = {
    'kk': {'start': 'Қазақша', 'next': 'Келесі', 'send': 'Жауаптарды жіберу',
           'restart': 'Қазір басынан бастау', 'text_size': 'Ірі мәтін', 'system': 'ru'},
    'ru': {'start': 'Русский', 'next': 'Далее', 'send': 'Отправить ответы',
           'restart': 'Начать заново сейчас', 'text_size': 'Крупный текст', 'system': 'kk'},
}

# What she types in her own words, and the coordinator PIN: neither may be
# printed anywhere. Her words may be in any language.
SECRET = 'Zhanar7731'
PIN = '2580'

# Letters Kazakh has and Russian has not.
KAZAKH_LETTERS = set('әғқңөұүһіӘҒҚҢӨҰҮҺІ')
tap = Tap()

# GTK 4.8 names containers without a label after their type.
TYPE_NAME = re.compile(r'^(Gtk|Adw|Rc)[A-Z]\w*$')


def welcome_texts():
    """The welcome speaks every language of the survey by design, and GTK
    4.8 keeps a page a stack no longer shows on the accessibility tree."""
    with open(SURVEY, encoding='utf-8') as f:
        survey = json.load(f)
    texts = {'Қазақша', 'Русский'}
    for key in ('title', 'intro', 'consent'):
        texts.update(survey[key].values())
    return texts


def russian_texts():
    """Every Russian text the app has: its translations and the survey's
    Russian labels, without the Kazakh ones that read the same."""
    def translations(language):
        po = subprocess.run(['msgcat', '--no-wrap', '--no-location', os.path.join(PO_DIR, language + '.po')],
                            capture_output=True, text=True, check=True).stdout
        found = set()
        for match in re.finditer(r'^msgstr(?:\[\d\])? "(.*)"$', po, re.MULTILINE):
            text = re.sub(r'\\(.)', lambda m: {'n': '\n', 't': '\t'}.get(m.group(1), m.group(1)),
                          match.group(1))
            found.add(text)
            # A button's mnemonic is not part of its name.
            found.add(text.replace('_', ''))
        return found

    def labels(node, language, found):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == language and isinstance(value, str):
                    found.add(value)
                else:
                    labels(value, language, found)
        elif isinstance(node, list):
            for value in node:
                labels(value, language, found)
        return found

    with open(SURVEY, encoding='utf-8') as f:
        survey = json.load(f)
    russian = translations('ru') | labels(survey, 'ru', set())
    kazakh = translations('kk') | labels(survey, 'kk', set())
    return {t.strip() for t in russian - kazakh if t.strip()}


def wrong_language(text, language, russian):
    """Why @text cannot be what a respondent who chose @language reads, or
    None. English slips in as Latin words; Kazakh shows by the letters only
    Kazakh has; Russian by being one of the app's Russian texts."""
    if re.search(r'[A-Za-z]{2,}', text):
        return 'English'
    if language == 'ru' and any(c in KAZAKH_LETTERS for c in text):
        return 'Kazakh'
    if language == 'kk' and text in russian:
        return 'Russian'
    return None


def texts_shown(app):
    """Every name and description of what is on the screen."""
    for node in walk(app):
        if not showing(node):
            continue
        for text in (node.get_name(), node.get_description()):
            if text and text.strip():
                yield text.strip()


def main():
    language = sys.argv[1] if len(sys.argv) > 1 else 'kk'
    names = NAMES[language]
    tmp = tempfile.mkdtemp(prefix='rc-atspi-')
    data_dir = os.path.join(tmp, 'data')
    env = dict(os.environ, LANGUAGE=names['system'], LANG='C.UTF-8', G_DEBUG='fatal-warnings')
    env.pop('GTK_A11Y', None)
    env.pop('NO_AT_BRIDGE', None)

    env['G_MESSAGES_DEBUG'] = 'all'
    set_pin = subprocess.run([EXECUTABLE, '--data-dir=' + data_dir, '--set-pin'], input=PIN + '\n',
                             text=True, env=env, check=True, capture_output=True)
    log_path = os.path.join(tmp, 'printed.txt')

    def steps(app):
        tap.report(True, 'the kiosk is on the accessibility bus')

        start = wait_for('the %s button' % names['start'],
                         lambda: find_all(app, Atspi.Role.PUSH_BUTTON, names['start']))
        tap.report(True, 'the welcome offers %s by name' % names['start'])
        press(start[0])

        wait_for('the first question', lambda: find_all(app, Atspi.Role.PUSH_BUTTON, names['next']))
        tap.report(True, 'after the choice, the buttons speak %s' % language)

        seen = set()
        problems = []
        welcome = welcome_texts()
        russian = russian_texts()

        # The first question must be answered. Next, pressed twice without
        # an answer, is refused twice: each time the focus goes from Next
        # back to the answers, and what her screen reader reads there says
        # why, in her language.
        watch = FocusWatch()
        told = []
        for _ in range(2):
            del watch.focused[:]
            click(find_all(app, Atspi.Role.PUSH_BUTTON, names['next'])[0])
            watch.wait()
            told += [description for name, description in watch.focused if description]
        watch.close()
        tap.report(len(told) == 2 and not any(wrong_language(t, language, russian) for t in told),
                   'each refused Next is read out where the focus lands, in %s: %r' % (language, told))

        def read_screen():
            for text in texts_shown(app):
                if TYPE_NAME.match(text) or text in welcome or SECRET in text:
                    continue
                if text not in seen:
                    seen.add(text)
                    why = wrong_language(text, language, russian)
                    if why:
                        problems.append('%s: %r' % (why, text))

        pages = 0
        answered = None
        typed = False
        while not find_all(app, Atspi.Role.PUSH_BUTTON, names['send']) and pages < 60:
            read_screen()
            # Her own words, in the field for them.
            long_texts = [t for t in find_all(app, Atspi.Role.TEXT)
                          if t.get_state_set().contains(Atspi.StateType.MULTI_LINE)]
            if long_texts and not typed:
                click(long_texts[0])
                subprocess.run(['xdotool', 'type', '--delay', '50', SECRET], check=True)
                typed = True
            found = choices(app, skip_names=(names['text_size'],))
            page = tuple(c.get_name() for c in found)
            if found and page != answered:
                choose_first(found)
                answered = page
            press(find_all(app, Atspi.Role.PUSH_BUTTON, names['next'])[0])
            pages += 1
            time.sleep(0.6)
        tap.report(bool(find_all(app, Atspi.Role.PUSH_BUTTON, names['send'])),
                   'every question answered by name and role, up to the review (%d pages)' % pages)
        read_screen()

        press(find_all(app, Atspi.Role.PUSH_BUTTON, names['send'])[0])
        restart = wait_for('the thank-you page',
                           lambda: find_all(app, Atspi.Role.PUSH_BUTTON, names['restart']))
        tap.report(bool(restart), 'the thank-you page comes after sending')
        read_screen()

        for problem in problems:
            print('# ' + problem)
        tap.report(len(seen) > 50 and not problems,
                   'all %d texts shown and spoken on the way are in %s' % (len(seen), language))

        with sqlite3.connect(os.path.join(data_dir, 'resource-center.db')) as db:
            rows = db.execute('SELECT language, survey_id FROM responses').fetchall()
            stored = db.execute('SELECT answers FROM responses').fetchone()
        tap.report(rows == [(language, 'womens_rights_express')],
                   'one response in %s is stored: %r' % (language, rows))
        tap.report(stored is not None and SECRET in stored[0], 'what she typed is in her response')

    with open(log_path, 'w') as log:
        status = tap.drive([EXECUTABLE, '--kiosk', '--data-dir=' + data_dir], env,
                           'the kiosk could be driven', steps, output=log, last=False)

    with open(log_path, errors='replace') as log:
        printed = set_pin.stdout + set_pin.stderr + log.read()
    # Printed at all, or the check below proves nothing.
    debug_lines = printed.count('-DEBUG:')
    leaks = [word for word in (SECRET, PIN) if word in printed]
    print('# %d debug messages printed' % debug_lines)
    tap.report(debug_lines > 0 and not leaks,
               'with every debug message on, nothing printed holds her words or the PIN %s' % leaks)
    print('1..%d' % len(tap.results))
    return 0 if all(tap.results) and status == 0 else 1


if __name__ == '__main__':
    sys.exit(main())
