#!/usr/bin/python3
# Checks a responses export: the JSON against its schema, that pandas reads
# it back with the types its schema promises, that its summary adds up and,
# when given, that the CSV export holds the same table. Prints TAP.
# (Debian's own python3, which has python3-jsonschema and python3-pandas.)
#   check-export.py SCHEMA EXPORT.json [EXPORT.csv]
#
# Copyright 2026 Resource Centre contributors
# SPDX-License-Identifier: GPL-3.0-or-later

import collections
import csv
import io
import json
import sys

import jsonschema
import pandas

PANDAS_DTYPES = {'string': 'object', 'integer': 'int64', 'datetime': 'datetime64[ns]'}
CSV_DTYPES = {'string': str, 'integer': 'int64'}


class Tap:
    def __init__(self):
        self.count = 0
        self.failed = 0

    def report(self, name, problems):
        self.count += 1
        if problems:
            self.failed += 1
            print('not ok %d - %s' % (self.count, name))
            for problem in problems[:20]:
                print('# ' + str(problem).replace('\n', '\n# '))
            if len(problems) > 20:
                print('# ... and %d more' % (len(problems) - 20))
        else:
            print('ok %d - %s' % (self.count, name))

    def check(self, name, function, *args):
        """Runs function, which returns a list of problems; an exception is one."""
        try:
            problems = function(*args)
        except Exception as e:  # pylint: disable=broad-except
            problems = ['%s: %s' % (type(e).__name__, e)]
        self.report(name, problems)


def pandas_type(field):
    return 'Int64' if field.get('extDtype') == 'Int64' else PANDAS_DTYPES.get(field['type'], '?')


def check_schema(schema, document):
    validator = jsonschema.validators.validator_for(schema)(schema)
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.path))
    return ['%s: %s' % ('.'.join(str(p) for p in e.path) or '(top level)', e.message[:200])
            for e in errors]


def check_records(fields, data):
    names = [f['name'] for f in fields]
    problems = ['field %s is listed %d times' % (n, c)
                for n, c in collections.Counter(names).items() if c > 1]
    problems += ['response_id %s is used %d times' % (i, c) for i, c in
                 collections.Counter(r.get('response_id') for r in data).items() if c > 1]
    problems += ['record %d: keys %s, not the field names in order' % (i, list(r))
                 for i, r in enumerate(data) if list(r) != names]
    return problems


def check_values(fields, data):
    problems = []
    for i, record in enumerate(data):
        for f in fields:
            value = record.get(f['name'])
            wanted = str if f['type'] in ('string', 'datetime') else int
            if value == '':
                problems.append('record %d, %s: an empty string, not null' % (i, f['name']))
            elif value is not None and type(value) is not wanted:  # nor is a bool an int
                problems.append('record %d, %s: %r is not %s' % (
                    i, f['name'], value, 'a string' if wanted is str else 'a whole number'))
    return problems


def check_frame(fields, data, frame):
    ids = [r['response_id'] for r in data]
    problems = []
    if frame.index.name != 'response_id' or list(frame.index) != ids:
        problems.append('index %r %s, not the response ids' % (frame.index.name, list(frame.index)[:5]))
    columns = [f['name'] for f in fields if f['name'] != 'response_id']
    if list(frame.columns) != columns:
        problems.append('columns %s, not %s' % (list(frame.columns), columns))
    return problems


def check_dtypes(fields, frame):
    problems = []
    for f in fields[1:]:
        if list(frame.columns).count(f['name']) != 1:
            continue  # missing or duplicated: reported by the column check
        column = frame[f['name']]
        # A text question nobody was shown has no value to type it by:
        # pandas makes it a column of NaN.
        if f['type'] == 'string' and column.isna().all():
            continue
        if str(column.dtype) != pandas_type(f):
            problems.append('%s is %s, not %s' % (f['name'], column.dtype, pandas_type(f)))
        elif 'option' in f and not column.dropna().isin([0, 1]).all():
            problems.append('%s (an option) holds %s' % (f['name'], sorted(set(column.dropna()))))
    return problems


def check_summary(export, data):
    problems = []
    if export['responses'] != len(data):
        problems.append('export.responses is %d, data has %d records' % (export['responses'], len(data)))
    listed = collections.Counter()
    for entry in export['by_survey']:
        listed[(entry['survey_id'], entry['survey_version'])] += entry['responses']
    for name, got, wanted in (
            ('by_survey', listed, collections.Counter((r['survey_id'], r['survey_version']) for r in data)),
            ('by_language', collections.Counter(export['by_language']), collections.Counter(r['language'] for r in data))):
        if sum(got.values()) != export['responses']:
            problems.append('export.%s adds up to %d, not %d' % (name, sum(got.values()), export['responses']))
        for key in sorted(set(got) | set(wanted), key=str):
            if got[key] != wanted[key]:
                problems.append('export.%s says %s: %d, the records %d' % (name, key, got[key], wanted[key]))
    return problems


def check_surveys(document):
    surveys = ([document['survey']] if document['survey'] is not None else []) + document['other_surveys']
    defined = collections.Counter((s['id'], s['version']) for s in surveys)
    used = set((r['survey_id'], r['survey_version']) for r in document['data'])
    problems = ['%s version %d is defined %d times' % (k[0], k[1], c) for k, c in defined.items() if c > 1]
    problems += ['%s version %d is answered but not defined' % k for k in sorted(used - set(defined))]
    problems += ['%s version %d is defined but not answered' % k for k in sorted(set(defined) - used)]
    if (document['survey'] is None) != (not document['data']):
        problems.append('"survey" must be null exactly when there are no responses')
    return problems


def check_csv_text(raw, fields, data):
    problems = [] if raw.startswith(b'\xef\xbb\xbf') else ['no UTF-8 byte-order mark']
    quoted = False
    for i, byte in enumerate(raw):  # a line ends outside quotes must be CRLF
        if byte == ord('"'):
            quoted = not quoted
        elif not quoted and byte == ord('\n') and raw[i - 1:i] != b'\r':
            problems.append('a bare LF at byte %d' % i)
        elif not quoted and byte == ord('\r') and raw[i + 1:i + 2] != b'\n':
            problems.append('a bare CR at byte %d' % i)
    if quoted:
        problems.append('a quoted field is not closed')
    rows = list(csv.reader(io.StringIO(raw.decode('utf-8-sig'), newline='')))
    if not rows or rows[0] != [f['name'] for f in fields]:
        problems.append('header %s, not the field names' % (rows[0] if rows else None))
    if len(rows) - 1 != len(data):
        problems.append('%d rows below the header, %d records' % (len(rows) - 1, len(data)))
    return problems


def check_csv_frame(path, fields, frame):
    dtypes = {f['name']: 'Int64' if f.get('extDtype') == 'Int64' else CSV_DTYPES[f['type']]
              for f in fields if f['type'] != 'datetime'}
    dates = [f['name'] for f in fields if f['type'] == 'datetime']
    csv_frame = pandas.read_csv(path, encoding='utf-8-sig', dtype=dtypes, parse_dates=dates,
                                keep_default_na=False, na_values=[''], index_col='response_id')
    if csv_frame.empty:  # no values: read_csv leaves the date columns as object
        csv_frame[dates] = csv_frame[dates].astype('datetime64[ns]')
    # Text columns with no value at all: NaN either way, typed differently.
    for f in fields[1:]:
        if f['type'] == 'string' and frame[f['name']].isna().all():
            csv_frame[f['name']] = frame[f['name']]
    try:
        pandas.testing.assert_frame_equal(frame, csv_frame, check_dtype=True)
    except AssertionError as e:
        return [str(e)]
    return []


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit('usage: check-export.py SCHEMA EXPORT.json [EXPORT.csv]')
    schema_path, json_path, csv_path = (sys.argv[1:] + [None])[:3]
    tap = Tap()
    with open(schema_path, encoding='utf-8') as f:
        schema = json.load(f)
    try:
        with open(json_path, encoding='utf-8') as f:
            document = json.load(f)
        errors = check_schema(schema, document)
    except (OSError, ValueError) as e:
        document, errors = None, [e]
    tap.report('%s matches the schema' % json_path, errors)
    if errors:  # the other checks rely on the document's shape
        print('1..%d' % tap.count)
        return 1

    fields, data = document['schema']['fields'], document['data']
    tap.check('records have the field names as keys, in order, and unique ids', check_records, fields, data)
    tap.check('values have their field\'s type; no floats, booleans or empty strings',
              check_values, fields, data)
    frames = []
    tap.check('pandas.read_json(orient="table") reads it',
              lambda: frames.append(pandas.read_json(json_path, orient='table')) or [])
    frame = frames[0] if frames else None
    if frame is not None:
        tap.check('the frame has a row per record, indexed by response_id, and the fields as columns',
                  check_frame, fields, data, frame)
        tap.check('the frame\'s dtypes follow the schema; option columns hold 0 or 1',
                  check_dtypes, fields, frame)
    tap.check('export.responses, by_survey and by_language count the records',
              check_summary, document['export'], data)
    tap.check('every record\'s survey version is defined, and only those',
              check_surveys, document)

    if csv_path:
        with open(csv_path, 'rb') as f:
            raw = f.read()
        tap.check('%s: BOM, CRLF line ends, the header and a row per record' % csv_path,
                  check_csv_text, raw, fields, data)
        if frame is not None:
            tap.check('pandas.read_csv gives the same frame as the JSON',
                      check_csv_frame, csv_path, fields, frame)

    print('1..%d' % tap.count)
    return 1 if tap.failed else 0


if __name__ == '__main__':
    sys.exit(main())
