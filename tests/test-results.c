/* test-results.c: the numbers behind the charts, worked out by hand
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rc-results-private.h"
#include "rc-results.h"
#include "rc-test-utils.h"

typedef struct
{
  char       *data_dir;
  RcDatabase *database;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->data_dir = rc_test_make_temp_dir ();
  rc_test_seed_results (fixture->data_dir);
  fixture->database = rc_test_open_database (fixture->data_dir);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->database);
  g_free (fixture->data_dir);
}

static RcResults *
count (Fixture               *fixture,
       const RcResultsFilter *filter)
{
  g_autoptr(GError) error = NULL;
  RcResults *results = rc_results_new (fixture->database, filter, "en", NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (results);
  return results;
}

/* The bars of a question as "label=count" joined by spaces. */
static char *
bars_of (RcResults  *results,
         const char *question_id)
{
  RcQuestionResults *question = rc_results_lookup (results, question_id);
  g_autoptr(GString) text = g_string_new (NULL);

  g_assert_nonnull (question);
  for (guint i = 0; i < question->bars->len; i++)
    {
      RcResultsBar *bar = g_ptr_array_index (question->bars, i);

      g_autofree char *label = rc_results_bar_dup_label (bar);

      g_string_append_printf (text, "%s%s=%" G_GINT64_FORMAT, i ? " " : "", label, bar->count);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
assert_question (RcResults  *results,
                 const char *question_id,
                 gint64      shown,
                 gint64      answered,
                 gint64      refused,
                 const char *bars)
{
  RcQuestionResults *question = rc_results_lookup (results, question_id);
  g_autofree char *actual = NULL;

  g_test_message ("question %s", question_id);
  g_assert_nonnull (question);
  g_assert_cmpint (question->shown, ==, shown);
  g_assert_cmpint (question->answered, ==, answered);
  g_assert_cmpint (question->refused, ==, refused);
  if (bars != NULL)
    {
      actual = bars_of (results, question_id);
      g_assert_cmpstr (actual, ==, bars);
    }
}

static void
test_every_response (Fixture       *fixture,
                     gconstpointer  data)
{
  RcResultsFilter filter = { NULL, };
  g_autoptr(RcResults) results = count (fixture, &filter);
  RcQuestionResults *number;

  g_assert_cmpstr (rc_survey_get_id (results->survey), ==, "all_types");
  g_assert_cmpint (rc_survey_get_version (results->survey), ==, 4);
  g_assert_cmpint (results->total, ==, 6);
  g_assert_cmpstr (results->first, ==, "2026-01-05");
  g_assert_cmpstr (results->last, ==, "2026-02-08");

  /* Version 4 added "d"; the refusal is counted apart from the bars. */
  assert_question (results, "q_single", 6, 5, 1, "Option a=3 Option b=0 Option c=1 D=1");
  /* A respondent counts once, however many boxes she ticked. */
  assert_question (results, "q_multi", 6, 3, 0, "Option x=2 Option y=1 Option z=0 Option none=1");
  assert_question (results, "q_scale", 6, 2, 1, "1 · Low=0 2=0 3=0 4=1 5 · High=1");
  assert_question (results, "q_yesno", 6, 6, 0, "Yes=4 No=2");
  /* Only version 4 asked it. */
  assert_question (results, "q_new", 2, 1, 0, "Yes=1 No=0");

  /* Shown by their conditions, answered or not. */
  assert_question (results, "c_equals", 3, 2, 0, "Yes=1 No=1");
  assert_question (results, "c_one_of", 1, 1, 0, NULL);
  assert_question (results, "c_includes", 2, 1, 0, "Yes=0 No=1");
  assert_question (results, "c_compare", 1, 1, 0, "Yes=1 No=0");
  assert_question (results, "c_all", 2, 1, 0, "Yes=1 No=0");
  assert_question (results, "c_any", 2, 1, 0, "Yes=1 No=0");
  assert_question (results, "c_not", 2, 0, 0, "Yes=0 No=0");
  assert_question (results, "c_chain", 1, 1, 0, NULL);

  number = rc_results_lookup (results, "q_number");
  assert_question (results, "q_number", 6, 2, 0, "2=1 3=0 4=0 5=0 6=0 7=1");
  g_assert_cmpint (number->min, ==, 2);
  g_assert_cmpint (number->max, ==, 7);
  g_assert_cmpfloat (number->mean, ==, 4.5);
  g_assert_cmpfloat (number->median, ==, 4.5);

  assert_question (results, "q_short", 6, 1, 0, NULL);
  g_assert_cmpuint (rc_results_lookup (results, "q_short")->texts->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (rc_results_lookup (results, "q_short")->texts, 0), ==, "Бір");

  /* A note asks nothing. */
  g_assert_null (rc_results_lookup (results, "q_note"));
}

static void
test_weeks (Fixture       *fixture,
            gconstpointer  data)
{
  RcResultsFilter filter = { NULL, };
  g_autoptr(RcResults) results = count (fixture, &filter);
  static const struct { const char *week; gint64 count; } expected[] = {
    { "2026-01-05", 2 }, { "2026-01-12", 0 }, { "2026-01-19", 1 },
    { "2026-01-26", 0 }, { "2026-02-02", 3 },
  };

  g_assert_cmpuint (results->weeks->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      RcWeekCount *week = &g_array_index (results->weeks, RcWeekCount, i);

      g_assert_cmpstr (week->week, ==, expected[i].week);
      g_assert_cmpint (week->count, ==, expected[i].count);
    }
}

static void
test_filters (Fixture       *fixture,
              gconstpointer  data)
{
  RcResultsFilter kazakh = { .language = "kk" };
  RcResultsFilter version3 = { .survey_id = "all_types", .survey_version = 3 };
  RcResultsFilter january = { .since = "2026-01-06", .until = "2026-01-20" };
  g_autoptr(RcResults) by_language = count (fixture, &kazakh);
  g_autoptr(RcResults) by_version = count (fixture, &version3);
  g_autoptr(RcResults) by_days = count (fixture, &january);

  g_assert_cmpint (by_language->total, ==, 3);
  assert_question (by_language, "q_single", 3, 3, 0, "Option a=2 Option b=0 Option c=0 D=1");

  /* The questions of version 3, which had no "d" and no q_new. */
  g_assert_cmpint (rc_survey_get_version (by_version->survey), ==, 3);
  g_assert_cmpint (by_version->total, ==, 4);
  assert_question (by_version, "q_single", 4, 3, 1, "Option a=2 Option b=0 Option c=1");
  g_assert_null (rc_results_lookup (by_version, "q_new"));

  /* Both ends are whole days. */
  g_assert_cmpint (by_days->total, ==, 2);
  g_assert_cmpstr (by_days->first, ==, "2026-01-07");
  g_assert_cmpstr (by_days->last, ==, "2026-01-20");
  assert_question (by_days, "q_yesno", 2, 2, 0, "Yes=1 No=1");
}

static void
test_breakdown (Fixture       *fixture,
                gconstpointer  data)
{
  RcResultsFilter filter = { .breakdown = "q_single" };
  g_autoptr(RcResults) results = count (fixture, &filter);
  RcQuestionResults *yesno = rc_results_lookup (results, "q_yesno");
  RcQuestionResults *equals = rc_results_lookup (results, "c_equals");
  static const gint64 group_sizes[] = { 3, 0, 1, 1 };

  g_assert_nonnull (results->breakdown);
  g_assert_cmpuint (results->groups->len, ==, 4);
  for (guint g = 0; g < results->groups->len; g++)
    g_assert_cmpint (((RcResultsBar *)g_ptr_array_index (results->groups, g))->count, ==, group_sizes[g]);

  /* Yes: a 3 (r1, r4, r6), c 1 (r3); no: d 1 (r5); r2 declined q_single
   * and belongs to no group. */
  g_assert_cmpint (((RcResultsBar *)g_ptr_array_index (yesno->bars, 0))->group_counts[0], ==, 3);
  g_assert_cmpint (((RcResultsBar *)g_ptr_array_index (yesno->bars, 0))->group_counts[2], ==, 1);
  g_assert_cmpint (((RcResultsBar *)g_ptr_array_index (yesno->bars, 1))->group_counts[3], ==, 1);
  g_assert_cmpint (((RcResultsBar *)g_ptr_array_index (yesno->bars, 1))->group_counts[0], ==, 0);
  g_assert_cmpint (((RcResultsBar *)g_ptr_array_index (yesno->bars, 0))->count, ==, 4);
  g_assert_cmpint (yesno->group_shown[0], ==, 3);
  g_assert_cmpint (yesno->group_shown[3], ==, 1);

  /* Shown only to those who chose "a". */
  g_assert_cmpint (equals->group_shown[0], ==, 3);
  g_assert_cmpint (equals->group_shown[2], ==, 0);
}

static void
test_breakdown_needs_single_choice (Fixture       *fixture,
                                    gconstpointer  data)
{
  RcResultsFilter filter = { .breakdown = "q_multi" };
  g_autoptr(GError) error = NULL;
  g_autoptr(RcResults) results = rc_results_new (fixture->database, &filter, "en", NULL, NULL, &error);

  g_assert_null (results);
  g_assert_error (error, RC_SURVEY_ERROR, RC_SURVEY_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "q_multi"));
}

static void
test_small_numbers (Fixture       *fixture,
                    gconstpointer  data)
{
  RcResultsFilter usual = { NULL, };
  RcResultsFilter strict = { .min_cell = 3 };
  g_autoptr(RcResults) results = count (fixture, &usual);
  g_autoptr(RcResults) stricter = count (fixture, &strict);

  /* Fewer than five by default; none is not a person to recognise,
   * unless the whole group is that small. */
  g_assert_cmpint (results->min_cell, ==, 5);
  g_assert_false (rc_results_cell_is_hidden (results->min_cell, 0, 0));
  g_assert_false (rc_results_cell_is_hidden (results->min_cell, 0, 20));
  g_assert_true (rc_results_cell_is_hidden (results->min_cell, 1, 20));
  g_assert_true (rc_results_cell_is_hidden (results->min_cell, 4, 20));
  g_assert_false (rc_results_cell_is_hidden (results->min_cell, 5, 20));
  g_assert_true (rc_results_cell_is_hidden (results->min_cell, 0, 4));
  g_assert_true (rc_results_cell_is_hidden (results->min_cell, 5, 4));
  g_assert_true (rc_results_cell_is_hidden (stricter->min_cell, 2, 20));
  g_assert_false (rc_results_cell_is_hidden (stricter->min_cell, 3, 20));
  /* Without a breakdown every count is shown. */
  g_assert_false (rc_results_cell_is_hidden (0, 1, 3));
}

static void
test_bad_filter (Fixture       *fixture,
                 gconstpointer  data)
{
  RcResultsFilter filter = { .since = "2026-13-01" };
  g_autoptr(GError) error = NULL;
  g_autoptr(RcResults) results = rc_results_new (fixture->database, &filter, "en", NULL, NULL, &error);

  g_assert_null (results);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "2026-13-01"));
}

static void
test_empty (void)
{
  g_autofree char *data_dir = rc_test_make_temp_dir ();
  g_autoptr(RcDatabase) database = rc_test_open_database (data_dir);
  RcResultsFilter filter = { NULL, };
  g_autoptr(GError) error = NULL;
  g_autoptr(RcResults) results = rc_results_new (database, &filter, "kk", NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_null (results->survey);
  g_assert_cmpint (results->total, ==, 0);
  g_assert_cmpuint (results->questions->len, ==, 0);
}

/* Adds to the fixture's database what no kiosk would save. */
static void
exec_sql (Fixture    *fixture,
          const char *sql)
{
  g_autoptr(GError) error = NULL;

  rc_database_exec (fixture->database, sql, &error);
  g_assert_no_error (error);
}

/* The texts shown are the newest, newest first, at most
 * RC_RESULTS_MAX_TEXTS: for a question nearly everyone answered and for
 * one few did. */
static void
test_latest_texts (Fixture       *fixture,
                   gconstpointer  data)
{
  RcResultsFilter filter = { NULL, };
  RcResultsFilter kazakh = { .language = "kk" };
  g_autoptr(RcResults) results = NULL;
  g_autoptr(RcResults) in_kazakh = NULL;
  GPtrArray *texts;

  /* 600 responses in March, newer than the six of the fixture, two at each
   * time; each answered q_long, and three of them q_short. */
  exec_sql (fixture,
            "WITH RECURSIVE n (i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 599) "
            "INSERT INTO responses (id, survey_id, survey_version, device_id, language, "
            "submitted_at, duration_minutes, answers) "
            "SELECT printf ('r%03d', i), 'all_types', 3, 'kiosk', iif (i % 2, 'ru', 'kk'), "
            "printf ('2026-03-%02dT%02d:00:00Z', 1 + i / 48, i / 2 % 24), 4, '{}' FROM n;"
            "INSERT INTO answers SELECT id, 'q_long', 'long ' || substr (id, 2) FROM responses "
            "WHERE id LIKE 'r%';"
            "INSERT INTO answers VALUES ('r010', 'q_short', 'short 10'), ('r020', 'q_short', 'short 20'), "
            "('r030', 'q_short', 'short 30');");

  results = count (fixture, &filter);
  texts = rc_results_lookup (results, "q_long")->texts;
  g_assert_cmpuint (texts->len, ==, RC_RESULTS_MAX_TEXTS);
  /* Two at the same time come in the order of their ids. */
  g_assert_cmpstr (g_ptr_array_index (texts, 0), ==, "long 598");
  g_assert_cmpstr (g_ptr_array_index (texts, 1), ==, "long 599");
  g_assert_cmpstr (g_ptr_array_index (texts, 2), ==, "long 596");
  g_assert_cmpstr (g_ptr_array_index (texts, 499), ==, "long 101");

  texts = rc_results_lookup (results, "q_short")->texts;
  g_assert_cmpuint (texts->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (texts, 0), ==, "short 30");
  g_assert_cmpstr (g_ptr_array_index (texts, 1), ==, "short 20");
  g_assert_cmpstr (g_ptr_array_index (texts, 2), ==, "short 10");
  g_assert_cmpstr (g_ptr_array_index (texts, 3), ==, "Бір");

  in_kazakh = count (fixture, &kazakh);
  texts = rc_results_lookup (in_kazakh, "q_long")->texts;
  g_assert_cmpuint (texts->len, ==, 300);
  g_assert_cmpstr (g_ptr_array_index (texts, 0), ==, "long 598");
  g_assert_cmpstr (g_ptr_array_index (texts, 1), ==, "long 596");
  g_assert_cmpstr (g_ptr_array_index (texts, 299), ==, "long 000");
}

/* A rule on a number sees every respondent's own number, however many
 * different numbers were given. */
static void
test_rule_on_many_numbers (Fixture       *fixture,
                           gconstpointer  data)
{
  RcResultsFilter filter = { NULL, };
  g_autoptr(RcResults) results = NULL;

  /* 3,000 more respondents, each with a number of her own, 0 to 2,999. */
  exec_sql (fixture,
            "WITH RECURSIVE n (i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 2999) "
            "INSERT INTO responses (id, survey_id, survey_version, device_id, language, "
            "submitted_at, duration_minutes, answers) "
            "SELECT printf ('n%04d', i), 'all_types', 3, 'kiosk', 'kk', "
            "'2026-03-01T10:00:00Z', 4, '{}' FROM n;"
            "INSERT INTO answers SELECT id, 'q_number', CAST (substr (id, 2) AS INTEGER) "
            "FROM responses WHERE id LIKE 'n%';");

  results = count (fixture, &filter);
  /* Shown "5 or more": r1 (7) of the six, and 2,995 of the new. */
  assert_question (results, "c_compare", 2996, 1, 0, NULL);
  assert_question (results, "q_number", 3006, 3002, 0, NULL);
}

/* The count, with its filter, reads what it needs of each response from
 * an index, not from the rows, each with its answers in full. */
static void
test_responses_from_index (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *plan = rc_test_query_plan (fixture->database,
                                              "SELECT r.rowid, r.id, r.survey_version "
                                              "FROM responses r WHERE " RC_RESULTS_FILTER);

  g_assert_nonnull (strstr (plan, "COVERING INDEX responses_counted"));
}

/* A response with no rows of answers, as only a damaged or hand-made
 * database holds: she still counts, and was shown what needs no answer. */
static void
test_response_without_answers (Fixture       *fixture,
                               gconstpointer  data)
{
  RcResultsFilter filter = { NULL, };
  g_autoptr(RcResults) results = NULL;

  exec_sql (fixture,
            "INSERT INTO responses (id, survey_id, survey_version, device_id, language, "
            "submitted_at, duration_minutes, answers) VALUES ('bare', 'all_types', 3, "
            "'kiosk', 'kk', '2026-01-10T10:00:00Z', 3, '{}')");

  results = count (fixture, &filter);
  g_assert_cmpint (results->total, ==, 7);
  assert_question (results, "q_single", 7, 5, 1, NULL);
  assert_question (results, "q_new", 2, 1, 0, NULL);
  /* Her unanswered q_yesno is not "yes": the rule's "not" holds. */
  assert_question (results, "c_not", 3, 0, 0, NULL);
  assert_question (results, "c_equals", 3, 2, 0, NULL);
  assert_question (results, "c_any", 2, 1, 0, NULL);
}

/* The results of a question of numbers, each given by a response of its
 * own: the kiosk allows 0 to 10, an import of an older kiosk more. */
static RcResults *
count_numbers (const char   *data_dir,
               const gint64 *numbers,
               guint         n_numbers)
{
  g_autoptr(RcDatabase) database = rc_test_open_database (data_dir);
  RcResultsFilter filter = { NULL, };
  g_autoptr(GError) error = NULL;
  RcResults *results;

  for (guint i = 0; i < n_numbers; i++)
    {
      g_autofree char *sql = NULL;

      rc_test_save_response (data_dir, "kk");
      sql = g_strdup_printf ("INSERT INTO answers SELECT id, 'q_number', %" G_GINT64_FORMAT " FROM responses "
                             "ORDER BY rowid DESC LIMIT 1",
                             numbers[i]);
      rc_database_exec (database, sql, &error);
      g_assert_no_error (error);
    }

  results = rc_results_new (database, &filter, "en", NULL, NULL, &error);
  g_assert_no_error (error);

  return results;
}

static void
test_many_ranges (void)
{
  g_autofree char *data_dir = rc_test_make_temp_dir ();
  static const gint64 numbers[] = { 95, 3, 12 };
  g_autoptr(RcResults) results = count_numbers (data_dir, numbers, G_N_ELEMENTS (numbers));
  g_autofree char *bars = bars_of (results, "q_number");

  /* Numbers 0 to 10 on the kiosk, and an imported 95: ranges of ten. */
  g_assert_cmpstr (bars, ==, "0–9=1 10–19=1 20–29=0 30–39=0 40–49=0 50–59=0 60–69=0 70–79=0 80–89=0 90–99=1");
  g_assert_cmpfloat (rc_results_lookup (results, "q_number")->median, ==, 12);
}

/* Ranges of thousands have their digits grouped, as every count of the
 * page has, and as the language the page is drawn in writes them. */
static void
test_large_ranges (void)
{
  g_autofree char *data_dir = rc_test_make_temp_dir ();
  static const gint64 numbers[] = { 12000, 3 };
  g_autoptr(RcResults) results = count_numbers (data_dir, numbers, G_N_ELEMENTS (numbers));
  g_autofree char *bars = bars_of (results, "q_number");

  g_assert_cmpstr (bars, ==, "0–1,999=1 2,000–3,999=0 4,000–5,999=0 6,000–7,999=0 8,000–9,999=0 "
                             "10,000–11,999=0 12,000–13,999=1");
}

/* What the coordinator's progress bar reads: the responses the count will
 * read, once for the figures and once more for a breakdown's groups, and
 * how many it has read; at the end, all of them. */
static void
test_progress (Fixture       *fixture,
               gconstpointer  data)
{
  RcResultsFilter filters[] = {
    { NULL, },
    { .language = "kk" },
    { .breakdown = "q_single" },
  };
  static const gint64 totals[] = { 6, 3, 12 };

  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    {
      RcProgress progress = { 0, 0 };
      g_autoptr(GError) error = NULL;
      g_autoptr(RcResults) results = rc_results_new (fixture->database, &filters[i], "en", &progress,
                                                     NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpint (results->total * (i == 2 ? 2 : 1), ==, totals[i]);
      g_assert_cmpint (progress.total, ==, totals[i]);
      g_assert_cmpint (progress.done, ==, totals[i]);
    }
}

typedef struct
{
  RcProgress   *progress;
  GCancellable *cancellable;
} Canceller;

static gpointer
cancel_once_started (gpointer data)
{
  Canceller *canceller = data;

  while (g_atomic_int_get (&canceller->progress->done) == 0)
    g_thread_yield ();
  g_cancellable_cancel (canceller->cancellable);

  return NULL;
}

/* A coordinator who changes a filter while many responses are counted
 * stops that count there, not after its last response. */
static void
test_cancelled_while_counting (Fixture       *fixture,
                               gconstpointer  data)
{
  RcResultsFilter filter = { NULL, };
  RcProgress progress = { 0, 0 };
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Canceller canceller = { &progress, cancellable };
  g_autoptr(GError) error = NULL;
  RcResults *results;
  GThread *thread;

  /* 50,000 more, each with an answer: a count of tens of milliseconds. */
  exec_sql (fixture,
            "WITH RECURSIVE n (i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 49999) "
            "INSERT INTO responses (id, survey_id, survey_version, device_id, language, "
            "submitted_at, duration_minutes, answers) "
            "SELECT printf ('m%05d', i), 'all_types', 3, 'kiosk', 'ru', "
            "'2026-03-01T10:00:00Z', 4, '{}' FROM n;"
            "INSERT INTO answers SELECT id, 'q_yesno', 'yes' FROM responses WHERE id LIKE 'm%';");

  thread = g_thread_new ("canceller", cancel_once_started, &canceller);
  results = rc_results_new (fixture->database, &filter, "en", &progress, cancellable, &error);
  g_thread_join (thread);

  g_assert_null (results);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (progress.total, ==, 50006);
  g_assert_cmpint (progress.done, <, progress.total);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/results/every-response", Fixture, NULL, fixture_set_up, test_every_response, fixture_tear_down);
  g_test_add ("/results/weeks", Fixture, NULL, fixture_set_up, test_weeks, fixture_tear_down);
  g_test_add ("/results/filters", Fixture, NULL, fixture_set_up, test_filters, fixture_tear_down);
  g_test_add ("/results/breakdown", Fixture, NULL, fixture_set_up, test_breakdown, fixture_tear_down);
  g_test_add ("/results/breakdown-needs-single-choice", Fixture, NULL, fixture_set_up,
              test_breakdown_needs_single_choice, fixture_tear_down);
  g_test_add ("/results/small-numbers", Fixture, NULL, fixture_set_up, test_small_numbers, fixture_tear_down);
  g_test_add ("/results/bad-filter", Fixture, NULL, fixture_set_up, test_bad_filter, fixture_tear_down);
  g_test_add ("/results/rule-on-many-numbers", Fixture, NULL, fixture_set_up, test_rule_on_many_numbers,
              fixture_tear_down);
  g_test_add ("/results/latest-texts", Fixture, NULL, fixture_set_up, test_latest_texts, fixture_tear_down);
  g_test_add ("/results/responses-from-index", Fixture, NULL, fixture_set_up, test_responses_from_index,
              fixture_tear_down);
  g_test_add ("/results/response-without-answers", Fixture, NULL, fixture_set_up, test_response_without_answers,
              fixture_tear_down);
  g_test_add ("/results/progress", Fixture, NULL, fixture_set_up, test_progress, fixture_tear_down);
  g_test_add ("/results/cancelled-while-counting", Fixture, NULL, fixture_set_up, test_cancelled_while_counting,
              fixture_tear_down);
  g_test_add_func ("/results/empty", test_empty);
  g_test_add_func ("/results/many-ranges", test_many_ranges);
  g_test_add_func ("/results/large-ranges", test_large_ranges);

  return g_test_run ();
}
