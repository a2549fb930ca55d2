#!/usr/bin/python3
# The coordinator's results as a screen reader hears them, in Russian: each
# button is named by the words it shows, each chart is an image named after
# its question whose description holds the figures, and they follow a
# filter. Runs in tests/virtual-session; prints TAP.
#
# Copyright 2026 Resource Centre contributors
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'tools'))
from rc_atspi import Atspi, Tap, click, find_all, press, wait_for, walk  # noqa: E402

EXECUTABLE = os.environ['RC_EXECUTABLE']
GENERATOR = os.environ['RC_GEN']
SURVEY = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'data', 'surveys',
                      'womens-rights-express.json')
QUESTION = 'age_group'
tap = Tap()


def expected_description(data_dir, language=None):
    """The figures of the age question, worked out from the database."""
    with open(SURVEY, encoding='utf-8') as f:
        survey = json.load(f)
    question = next(q for s in survey['sections'] for q in s['questions'] if q['id'] == QUESTION)
    where = ' AND r.language = ?' if language else ''
    params = (language,) if language else ()
    with sqlite3.connect(os.path.join(data_dir, 'resource-center.db')) as db:
        shown = db.execute('SELECT count(*) FROM responses r WHERE 1' + where, params).fetchone()[0]
        counts = dict(db.execute('SELECT a.value, count(*) FROM answers a JOIN responses r ON r.id = a.response_id '
                                 'WHERE a.question_id = ?' + where + ' GROUP BY a.value',
                                 (QUESTION,) + params).fetchall())
    parts = []
    for option in question['options']:
        n = counts.get(option['id'], 0)
        parts.append('%s: %d · %.0f %%' % (option['label']['ru'], n, 100.0 * n / shown))
    return question['label']['ru'], '; '.join(parts) + '.'


def misnamed_buttons(app):
    """Buttons whose name a screen reader would read wrong: with the mnemonic's
    underscore, or with the shown words said twice."""
    names = [n.get_name() or '' for n in walk(app) if n.get_role() == Atspi.Role.PUSH_BUTTON]
    return [name for name in names
            if '_' in name or (name.count(' ') % 2 == 1 and
                               name[:len(name) // 2] == name[len(name) // 2 + 1:])]


def main():
    tmp = tempfile.mkdtemp(prefix='rc-atspi-')
    data_dir = os.path.join(tmp, 'data')
    env = dict(os.environ, LANGUAGE='ru', LANG='C.UTF-8', G_DEBUG='fatal-warnings')
    env.pop('GTK_A11Y', None)
    env.pop('NO_AT_BRIDGE', None)

    subprocess.run([GENERATOR, data_dir, '60', '3'], env=env, check=True)
    subprocess.run([EXECUTABLE, '--data-dir=' + data_dir, '--set-pin'], input='2580\n',
                   text=True, env=env, check=True, capture_output=True)
    title, every = expected_description(data_dir)
    _, kazakh = expected_description(data_dir, 'kk')

    def steps(app):
        press(wait_for('the coordinator tab', lambda: find_all(app, Atspi.Role.PAGE_TAB, 'Координатор'))[0])
        entry = wait_for('the PIN entry', lambda: find_all(app, Atspi.Role.PASSWORD_TEXT) or
                         find_all(app, Atspi.Role.TEXT, 'PIN-код координатора'))
        entry[0].get_editable_text_iface().set_text_contents('2580')
        tap.report(not misnamed_buttons(app),
                   'the locked place names its buttons by their words: %r' % misnamed_buttons(app))
        press(wait_for('the unlock button', lambda: find_all(app, Atspi.Role.PUSH_BUTTON, 'Разблокировать'))[0])
        show = wait_for('the results button', lambda: find_all(app, Atspi.Role.PUSH_BUTTON, 'Показать'))
        tap.report(show[0].get_description() == 'Показать результаты',
                   'the results button says what it shows: %r' % show[0].get_description())
        tap.report(not misnamed_buttons(app),
                   'the unlocked place names its buttons by their words: %r' % misnamed_buttons(app))
        press(show[0])
        chart = wait_for('the chart of the age question', lambda: find_all(app, Atspi.Role.IMAGE, title))
        tap.report(True, 'the results page shows the chart of “%s” as an image named after it' % title)

        description = chart[0].get_description()
        tap.report(description == every, 'its description reads every figure: %r' % description)

        # The Kazakh answers alone, chosen from the language filter, which
        # is folded away until the filters are opened.
        click(wait_for('the filters', lambda: find_all(app, Atspi.Role.LIST_ITEM, 'Фильтры'))[0])
        combo = wait_for('the language filter', lambda: find_all(app, Atspi.Role.COMBO_BOX, 'Язык респонденток'))
        click(combo[0])
        # GTK 4.8 does not expose the drop-down's list: the keyboard picks
        # the item after "all languages".
        subprocess.run(['xdotool', 'key', 'Down', 'Return'], check=True)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            charts = find_all(app, Atspi.Role.IMAGE, title)
            if charts and charts[0].get_description() == kazakh:
                break
            time.sleep(0.3)
        description = find_all(app, Atspi.Role.IMAGE, title)[0].get_description()
        tap.report(description == kazakh,
                   'with the Kazakh filter it reads their figures: %r' % description)

    return tap.drive([EXECUTABLE, '--data-dir=' + data_dir], env, 'the results could be read', steps)


if __name__ == '__main__':
    sys.exit(main())
