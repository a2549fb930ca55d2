/* test-export.c: exports a coordinator can analyse, and merging kiosks
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "rc-export.h"
#include "rc-import.h"
#include "rc-response-store.h"
#include "rc-response-summary.h"
#include "rc-sink.h"
#include "rc-test-utils.h"

/* What answers carry into a spreadsheet: separators, quotes, line breaks
 * and both alphabets. */
#define TRICKY_TEXT "Қ, \"ә\"\nі; ы"

/* A later version of the all-types survey: q_number became a text, the
 * condition on it went, and a question came in. */
static RcSurvey *
make_next_version (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "surveys", "all-types.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GBytes) bytes = NULL;
  JsonObject *root;
  JsonArray *sections;
  RcSurvey *survey;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  json_object_set_int_member (root, "version", 4);
  sections = json_object_get_array_member (root, "sections");

  for (guint s = 0; s < json_array_get_length (sections); s++)
    {
      JsonArray *questions = json_object_get_array_member (json_array_get_object_element (sections, s), "questions");

      for (guint q = 0; q < json_array_get_length (questions); q++)
        {
          JsonObject *question = json_array_get_object_element (questions, q);
          const char *id = json_object_get_string_member (question, "id");

          if (g_str_equal (id, "q_number"))
            {
              json_object_set_string_member (question, "type", "short_text");
              json_object_remove_member (question, "min");
              json_object_remove_member (question, "max");
              json_object_set_int_member (question, "max_length", 10);
            }
          else if (g_str_equal (id, "c_compare"))
            {
              json_array_remove_element (questions, q);
              q--;
            }
        }
    }

  text = json_to_string (json_parser_get_root (parser), FALSE);
  bytes = g_bytes_new (text, strlen (text));
  survey = rc_survey_new_from_bytes (bytes, "all-types version 4", &error);
  g_assert_no_error (error);
  return survey;
}

static void
save (RcResponseStore *store,
      RcResponse      *response)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = rc_response_store_save (store, response, &error);

  g_assert_no_error (error);
  g_assert_nonnull (id);
}

/* Responses of every question type, both languages, two versions. */
static void
seed (const char *data_dir)
{
  g_autoptr(RcDatabase) database = rc_test_open_database (data_dir);
  g_autoptr(RcResponseStore) store = rc_response_store_new (database);
  g_autoptr(RcSurvey) v3 = rc_test_load_all_types ();
  g_autoptr(RcSurvey) v4 = make_next_version ();
  static const char * const two[] = { "x", "y", NULL };
  static const char * const one[] = { "none", NULL };
  g_autoptr(RcResponse) full = rc_response_new (v3, "kk");
  g_autoptr(RcResponse) declined = rc_response_new (v3, "ru");
  g_autoptr(RcResponse) sparse = rc_response_new (v3, "ru");
  g_autoptr(RcResponse) later = rc_response_new (v4, "kk");

  g_assert_true (rc_response_set_choice (full, "q_single", "a", NULL));
  g_assert_true (rc_response_set_choices (full, "q_multi", two, NULL));
  g_assert_true (rc_response_set_number (full, "q_scale", 4, NULL));
  g_assert_true (rc_response_set_choice (full, "q_yesno", "yes", NULL));
  g_assert_true (rc_response_set_number (full, "q_number", 7, NULL));
  g_assert_true (rc_response_set_text (full, "q_short", "a,b", NULL));
  g_assert_true (rc_response_set_text (full, "q_long", TRICKY_TEXT, NULL));
  g_assert_true (rc_response_set_choice (full, "c_equals", "yes", NULL));
  g_assert_true (rc_response_set_text (full, "c_chain", "\"ok\"", NULL));
  g_assert_true (rc_response_set_choice (full, "c_includes", "no", NULL));
  g_assert_true (rc_response_set_choice (full, "c_compare", "yes", NULL));
  g_assert_true (rc_response_set_choice (full, "c_all", "yes", NULL));
  save (store, full);

  g_assert_true (rc_response_set_choice (declined, "q_single", RC_PREFER_NOT_TO_ANSWER, NULL));
  g_assert_true (rc_response_set_choices (declined, "q_multi", one, NULL));
  g_assert_true (rc_response_set_choice (declined, "q_scale", RC_PREFER_NOT_TO_ANSWER, NULL));
  g_assert_true (rc_response_set_choice (declined, "q_yesno", "no", NULL));
  save (store, declined);

  g_assert_true (rc_response_set_choice (sparse, "q_single", "c", NULL));
  g_assert_true (rc_response_set_choice (sparse, "q_yesno", "yes", NULL));
  g_assert_true (rc_response_set_text (sparse, "c_one_of", "Ы", NULL));
  save (store, sparse);

  g_assert_true (rc_response_set_choice (later, "q_single", "b", NULL));
  g_assert_true (rc_response_set_choice (later, "q_yesno", "no", NULL));
  g_assert_true (rc_response_set_text (later, "q_number", "около 7", NULL));
  save (store, later);
}

static void
export_to (const char     *data_dir,
           const char     *path,
           RcExportFormat  format,
           gint64          expected)
{
  RcExportOptions options = { format, NULL, NULL, NULL };
  g_autoptr(GError) error = NULL;
  gint64 n_written = -1;

  g_assert_true (rc_export_write (data_dir, path, &options, NULL, NULL, &n_written, &error));
  g_assert_no_error (error);
  g_assert_cmpint (n_written, ==, expected);
}

static JsonNode *
load_json (const char *path)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  return json_node_ref (json_parser_get_root (parser));
}

static JsonNode *
member (JsonNode   *root,
        const char *name)
{
  return json_object_get_member (json_node_get_object (root), name);
}

static void
test_export_round_trip (void)
{
  g_autofree char *kiosk = rc_test_make_temp_dir ();
  g_autofree char *office = rc_test_make_temp_dir ();
  g_autofree char *json_path = g_build_filename (kiosk, "responses.json", NULL);
  g_autofree char *csv_path = g_build_filename (kiosk, "responses.csv", NULL);
  g_autofree char *again_path = g_build_filename (office, "again.json", NULL);
  g_autoptr(JsonNode) first = NULL;
  g_autoptr(JsonNode) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *schema = NULL;
  GStatBuf info;
  gint64 added, present;

  seed (kiosk);
  export_to (kiosk, json_path, RC_EXPORT_FORMAT_JSON, 4);
  export_to (kiosk, csv_path, RC_EXPORT_FORMAT_CSV, 4);
  rc_test_assert_analysts_can_read (json_path, csv_path);

  /* Only their owner may read them. */
  g_assert_cmpint (g_stat (json_path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);

  first = load_json (json_path);
  g_assert_cmpint (json_array_get_length (json_node_get_array (member (first, "data"))), ==, 4);
  /* The older version's q_number was a number: its own column. */
  schema = json_to_string (member (first, "schema"), FALSE);
  g_assert_nonnull (strstr (schema, "\"q_number@v3\""));

  /* Into an empty data folder, and out again: the same, field for field. */
  g_assert_true (rc_import_file (office, json_path, NULL, &added, &present, &error));
  g_assert_no_error (error);
  g_assert_cmpint (added, ==, 4);
  g_assert_cmpint (present, ==, 0);

  export_to (office, again_path, RC_EXPORT_FORMAT_JSON, 4);
  second = load_json (again_path);
  g_assert_true (json_node_equal (member (first, "schema"), member (second, "schema")));
  g_assert_true (json_node_equal (member (first, "data"), member (second, "data")));
  g_assert_true (json_node_equal (member (first, "survey"), member (second, "survey")));
  g_assert_true (json_node_equal (member (first, "other_surveys"), member (second, "other_surveys")));

  /* Merging the same file twice, or into the kiosk it came from, adds
   * nothing. */
  g_assert_true (rc_import_file (office, json_path, NULL, &added, &present, &error));
  g_assert_cmpint (added, ==, 0);
  g_assert_cmpint (present, ==, 4);
  g_assert_true (rc_import_file (kiosk, json_path, NULL, &added, &present, &error));
  g_assert_cmpint (added, ==, 0);
  g_assert_cmpint (present, ==, 4);
}

/* The data row of one response in an export. */
static JsonObject *
row_of (JsonNode   *export,
        const char *response_id)
{
  JsonArray *data = json_node_get_array (member (export, "data"));

  for (guint i = 0; i < json_array_get_length (data); i++)
    {
      JsonObject *row = json_array_get_object_element (data, i);

      if (g_str_equal (json_object_get_string_member (row, "response_id"), response_id))
        return row;
    }
  g_assert_not_reached ();
}

/* Answers are read two ways: the shape the app writes (whole numbers,
 * strings and lists of strings) by a reader of its own, anything else by
 * json-glib. A row reads the same either way, escapes and all. */
static void
test_export_reads_answers_alike (void)
{
  g_autofree char *dir = rc_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "out.json", NULL);
  g_autoptr(RcSurvey) survey = rc_test_load_all_types ();
  g_autoptr(JsonNode) export = NULL;
  g_auto(GStrv) ids = g_new0 (char *, 6);
  static const char * const two[] = { "x", "y", NULL };
  JsonObject *plain, *escaped, *written, *other_shape, *read_twice;

  {
    g_autoptr(RcDatabase) database = rc_test_open_database (dir);
    g_autoptr(RcResponseStore) store = rc_response_store_new (database);
    g_autoptr(GError) error = NULL;

    for (guint i = 0; i < 5; i++)
      {
        g_autoptr(RcResponse) response = rc_response_new (survey, "kk");

        g_assert_true (rc_response_set_choice (response, "q_single", "a", NULL));
        g_assert_true (rc_response_set_choices (response, "q_multi", two, NULL));
        g_assert_true (rc_response_set_number (response, "q_scale", 4, NULL));
        g_assert_true (rc_response_set_choice (response, "q_yesno", "yes", NULL));
        g_assert_true (rc_response_set_number (response, "q_number", 7, NULL));
        g_assert_true (rc_response_set_text (response, "q_short", "a,b", NULL));
        g_assert_true (rc_response_set_text (response, "q_long", i == 1 ? TRICKY_TEXT : "Қала", NULL));
        ids[i] = rc_response_store_save (store, response, &error);
        g_assert_no_error (error);
      }

    /* As another program could have written it: spaces everywhere, a
     * negative number, letters written as escapes. */
    {
      g_autofree char *sql = g_strdup_printf ("UPDATE responses SET answers = "
                                              "' { \"q_number\" : -3 ,\n \"q_multi\" : [ \"y\" ] ,"
                                              "\"q_single\":\"b\", \"q_short\": \"\\u049a\\u0430 \\ud83d\\ude00\\/\" } ' "
                                              "WHERE id = '%s'", ids[2]);

      rc_database_exec (database, sql, &error);
      g_assert_no_error (error);
    }
    /* One answer the app never writes, to a question the survey lacks. */
    {
      g_autofree char *sql = g_strdup_printf ("UPDATE responses SET answers = "
                                              "json_set (answers, '$.x_flag', json ('true')) "
                                              "WHERE id = '%s'", ids[3]);

      rc_database_exec (database, sql, &error);
      g_assert_no_error (error);
    }
    /* Read as the app writes answers up to the value it never writes, and
     * then again whole: only what the whole reading gives is exported
     * (of a name given twice, the last). */
    {
      g_autofree char *sql = g_strdup_printf ("UPDATE responses SET answers = "
                                              "'{\"q_multi\":[\"x\"],\"q_number\":5,\"q_multi\":[\"y\"],"
                                              "\"q_scale\":3,\"q_scale\":2.5}' WHERE id = '%s'", ids[4]);

      rc_database_exec (database, sql, &error);
      g_assert_no_error (error);
    }
  }

  export_to (dir, path, RC_EXPORT_FORMAT_JSON, 5);
  export = load_json (path);
  plain = row_of (export, ids[0]);
  escaped = row_of (export, ids[1]);
  written = row_of (export, ids[2]);
  other_shape = row_of (export, ids[3]);
  read_twice = row_of (export, ids[4]);

  g_assert_cmpstr (json_object_get_string_member (plain, "q_long"), ==, "Қала");
  g_assert_cmpstr (json_object_get_string_member (escaped, "q_long"), ==, TRICKY_TEXT);
  g_assert_cmpstr (json_object_get_string_member (other_shape, "q_long"), ==, "Қала");
  for (guint i = 0; i < 3; i++)
    {
      JsonObject *row = i == 0 ? plain : i == 1 ? escaped : other_shape;

      g_assert_cmpstr (json_object_get_string_member (row, "q_single"), ==, "a");
      g_assert_cmpint (json_object_get_int_member (row, "q_multi.x"), ==, 1);
      g_assert_cmpint (json_object_get_int_member (row, "q_multi.y"), ==, 1);
      g_assert_cmpint (json_object_get_int_member (row, "q_scale"), ==, 4);
      g_assert_cmpstr (json_object_get_string_member (row, "q_yesno"), ==, "yes");
      g_assert_cmpint (json_object_get_int_member (row, "q_number"), ==, 7);
      g_assert_cmpstr (json_object_get_string_member (row, "q_short"), ==, "a,b");
    }

  g_assert_cmpint (json_object_get_int_member (written, "q_number"), ==, -3);
  g_assert_cmpstr (json_object_get_string_member (written, "q_single"), ==, "b");
  g_assert_cmpint (json_object_get_int_member (written, "q_multi.x"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (written, "q_multi.y"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (written, "q_short"), ==, "Қа 😀/");
  g_assert_true (json_object_get_null_member (written, "q_scale"));
  g_assert_true (json_object_get_null_member (written, "q_long"));

  g_assert_cmpint (json_object_get_int_member (read_twice, "q_multi.x"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (read_twice, "q_multi.y"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (read_twice, "q_number"), ==, 5);
  g_assert_true (json_object_get_null_member (read_twice, "q_scale"));
  g_assert_true (json_object_get_null_member (read_twice, "q_single"));
}

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static void
test_export_csv_labels (void)
{
  g_autofree char *dir = rc_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "labels.csv", NULL);
  g_autoptr(RcSurvey) survey = rc_test_load_all_types ();
  RcExportOptions options = { RC_EXPORT_FORMAT_CSV, NULL, NULL, "kk" };
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  gint64 n_written;

  seed (dir);
  g_assert_true (rc_export_write (dir, path, &options, NULL, NULL, &n_written, &error));
  g_assert_no_error (error);

  contents = read_text (path);
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF" "response_id,survey_id,"));
  lines = g_strsplit (contents, "\r\n", 3);
  /* The second row gives each question's text in Kazakh. */
  g_assert_nonnull (strstr (lines[1], rc_survey_lookup_question (survey, "q_single")->label.kk));
  g_assert_nonnull (strstr (lines[1], "response_id,survey_id,"));
}

/* A text typed at the kiosk that a spreadsheet would run as a formula. */
static void
test_export_csv_formula (void)
{
  g_autofree char *dir = rc_test_make_temp_dir ();
  g_autofree char *csv_path = g_build_filename (dir, "formula.csv", NULL);
  g_autofree char *json_path = g_build_filename (dir, "formula.json", NULL);
  g_autoptr(RcDatabase) database = rc_test_open_database (dir);
  g_autoptr(RcResponseStore) store = rc_response_store_new (database);
  g_autoptr(RcSurvey) survey = rc_test_load_all_types ();
  g_autoptr(RcResponse) response = rc_response_new (survey, "ru");
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *contents = NULL;
  JsonObject *record;

  g_assert_true (rc_response_set_choice (response, "q_single", "a", NULL));
  g_assert_true (rc_response_set_choice (response, "q_yesno", "no", NULL));
  g_assert_true (rc_response_set_text (response, "q_long", "=HYPERLINK(\"x\")", NULL));
  save (store, response);

  export_to (dir, csv_path, RC_EXPORT_FORMAT_CSV, 1);
  contents = read_text (csv_path);
  g_assert_nonnull (strstr (contents, ",\"'=HYPERLINK(\"\"x\"\")\","));

  export_to (dir, json_path, RC_EXPORT_FORMAT_JSON, 1);
  root = load_json (json_path);
  record = json_array_get_object_element (json_node_get_array (member (root, "data")), 0);
  g_assert_cmpstr (json_object_get_string_member (record, "q_long"), ==, "=HYPERLINK(\"x\")");
}

static gint64
count_responses (const char *data_dir)
{
  g_autoptr(RcDatabase) database = rc_test_open_database (data_dir);
  g_autoptr(RcResponseStore) store = rc_response_store_new (database);
  g_autoptr(GError) error = NULL;
  gint64 count = rc_response_store_count (store, NULL, &error);

  g_assert_no_error (error);
  return count;
}

static void
set_submission_days (const char *data_dir)
{
  g_autoptr(RcDatabase) database = rc_test_open_database (data_dir);
  g_autoptr(GError) error = NULL;

  /* Each response its own day, one kept to the second. */
  rc_database_exec (database,
                    "UPDATE responses SET submitted_at = CASE rowid "
                    "WHEN 1 THEN '2026-01-31' WHEN 2 THEN '2026-02-01T09:30:00.5+05:00' "
                    "WHEN 3 THEN '2026-02-28' ELSE '2026-03-01' END",
                    &error);
  g_assert_no_error (error);
}

static void
test_export_date_range (void)
{
  g_autofree char *dir = rc_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "february.json", NULL);
  RcExportOptions options = { RC_EXPORT_FORMAT_JSON, "2026-02-01", "2026-02-28", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *data;
  JsonObject *export;
  gint64 n_written;

  seed (dir);
  set_submission_days (dir);

  g_assert_true (rc_export_write (dir, path, &options, NULL, NULL, &n_written, &error));
  g_assert_no_error (error);
  g_assert_cmpint (n_written, ==, 2);
  rc_test_assert_analysts_can_read (path, NULL);

  root = load_json (path);
  data = json_node_get_array (member (root, "data"));
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (data, 0), "submitted_at"),
                   ==, "2026-02-01T09:30:00");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (data, 1), "submitted_at"),
                   ==, "2026-02-28");
  export = json_node_get_object (member (root, "export"));
  g_assert_cmpstr (json_object_get_string_member (export, "since"), ==, "2026-02-01");
  g_assert_cmpstr (json_object_get_string_member (export, "until"), ==, "2026-02-28");

  options.since = "2026-02-30";
  g_assert_false (rc_export_write (dir, path, &options, NULL, NULL, &n_written, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "2026-02-30"));
}

/* What the coordinator's progress bar reads: how many responses the export
 * will write, known before the first, and how many it wrote. */
static void
test_export_progress (void)
{
  g_autofree char *dir = rc_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "progress.csv", NULL);
  RcExportOptions options = { RC_EXPORT_FORMAT_CSV, NULL, NULL, NULL };
  RcProgress progress = { 0, 0 };
  g_autoptr(GError) error = NULL;
  gint64 n_written;

  seed (dir);
  set_submission_days (dir);

  g_assert_true (rc_export_write (dir, path, &options, &progress, NULL, &n_written, &error));
  g_assert_no_error (error);
  g_assert_cmpint (n_written, ==, 4);
  g_assert_cmpint (progress.total, ==, 4);
  g_assert_cmpint (progress.done, ==, 4);

  options.since = "2026-02-01";
  options.until = "2026-02-28";
  progress = (RcProgress) { 0, 0 };
  g_assert_true (rc_export_write (dir, path, &options, &progress, NULL, &n_written, &error));
  g_assert_no_error (error);
  g_assert_cmpint (n_written, ==, 2);
  g_assert_cmpint (progress.total, ==, 2);
  g_assert_cmpint (progress.done, ==, 2);
}

/* The summary of seed() after set_submission_days(), titled in @title. */
static void
assert_seed_summary (const RcResponseSummary *summary,
                     const char              *title)
{
  RcVersionCount *version;
  RcLanguageCount *language;

  g_assert_cmpint (summary->total, ==, 4);
  g_assert_cmpstr (summary->first, ==, "2026-01-31");
  g_assert_cmpstr (summary->last, ==, "2026-03-01");

  g_assert_cmpuint (summary->versions->len, ==, 2);
  version = g_ptr_array_index (summary->versions, 0);
  g_assert_cmpint (version->survey_version, ==, 4);
  g_assert_cmpint (version->count, ==, 1);
  g_assert_cmpstr (version->title, ==, title);
  version = g_ptr_array_index (summary->versions, 1);
  g_assert_cmpint (version->survey_version, ==, 3);
  g_assert_cmpint (version->count, ==, 3);

  /* As many in each: the one first in the alphabet first. */
  g_assert_cmpuint (summary->languages->len, ==, 2);
  language = g_ptr_array_index (summary->languages, 0);
  g_assert_cmpstr (language->language, ==, "kk");
  g_assert_cmpint (language->count, ==, 2);
  language = g_ptr_array_index (summary->languages, 1);
  g_assert_cmpstr (language->language, ==, "ru");
  g_assert_cmpint (language->count, ==, 2);
}

/* What the coordinator place shows at a glance. */
static void
test_export_summary (void)
{
  g_autofree char *dir = rc_test_make_temp_dir ();
  g_autoptr(RcDatabase) database = NULL;
  g_autoptr(RcResponseSummary) summary = NULL;
  g_autoptr(RcSurvey) survey = rc_test_load_all_types ();
  g_autoptr(GError) error = NULL;

  database = rc_test_open_database (dir);
  summary = rc_response_summary_new (database, "ru", &error);
  g_assert_no_error (error);
  g_assert_cmpint (summary->total, ==, 0);
  g_assert_null (summary->first);
  g_clear_pointer (&summary, rc_response_summary_free);

  seed (dir);
  set_submission_days (dir);
  summary = rc_response_summary_new (database, "ru", &error);
  g_assert_no_error (error);
  assert_seed_summary (summary, rc_survey_get_title (survey)->ru);
}

static void
on_summarized (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static RcResponseSummary *
summarize_in_thread (const char    *data_dir,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  rc_response_summary_new_async (data_dir, "kk", cancellable, on_summarized, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return rc_response_summary_new_finish (result, error);
}

/* The coordinator's glance, counted in a thread: the same figures, and
 * what went wrong when there are none. */
static void
test_export_summary_async (void)
{
  g_autofree char *dir = rc_test_make_temp_dir ();
  g_autofree char *not_dir = g_build_filename (dir, RC_DATABASE_FILE_NAME, NULL);
  g_autoptr(RcSurvey) survey = rc_test_load_all_types ();
  g_autoptr(RcResponseSummary) summary = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  seed (dir);
  set_submission_days (dir);
  summary = summarize_in_thread (dir, NULL, &error);
  g_assert_no_error (error);
  assert_seed_summary (summary, rc_survey_get_title (survey)->kk);

  /* A count no longer wanted says so, whatever it found. */
  g_cancellable_cancel (cancellable);
  g_assert_null (summarize_in_thread (dir, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  /* A data folder that cannot be opened is named. */
  g_assert_null (summarize_in_thread (not_dir, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, not_dir));
}

/* Only the target and the database: no half-written file, no temporary. */
static void
assert_folder_holds_only (const char *dir,
                          const char *expected)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (listing)) != NULL)
    {
      if (g_str_has_prefix (name, RC_DATABASE_FILE_NAME))
        continue;
      if (g_strcmp0 (name, expected) != 0)
        g_error ("“%s” was left in %s", name, dir);
    }
}

/* A first day after the last holds no response: not an empty file, which
 * would pass for "nobody answered then", but a refusal naming both. */
static void
test_export_reversed_range (void)
{
  g_autofree char *dir = rc_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "reversed.json", NULL);
  RcExportOptions options = { RC_EXPORT_FORMAT_JSON, "2026-03-01", "2026-02-01", NULL };
  g_autoptr(GError) error = NULL;
  gint64 n_written = -1;

  seed (dir);
  set_submission_days (dir);

  g_assert_false (rc_export_write (dir, path, &options, NULL, NULL, &n_written, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "2026-03-01"));
  g_assert_nonnull (strstr (error->message, "2026-02-01"));
  g_assert_null (strchr (error->message, '\n'));
  g_assert_cmpint (n_written, ==, 0);
  assert_folder_holds_only (dir, NULL);
  g_clear_error (&error);

  /* One day is a range. */
  options.since = options.until = "2026-02-28";
  g_assert_true (rc_export_write (dir, path, &options, NULL, NULL, &n_written, &error));
  g_assert_no_error (error);
  g_assert_cmpint (n_written, ==, 1);
}

/* A kiosk nobody has answered at yet: a table with its columns and no
 * rows, and no survey, that the analysts' tools still read. */
static void
test_export_empty (void)
{
  g_autofree char *dir = rc_test_make_temp_dir ();
  g_autofree char *json_path = g_build_filename (dir, "empty.json", NULL);
  g_autofree char *csv_path = g_build_filename (dir, "empty.csv", NULL);
  g_autoptr(RcDatabase) database = rc_test_open_database (dir);
  g_autoptr(JsonNode) root = NULL;

  export_to (dir, json_path, RC_EXPORT_FORMAT_JSON, 0);
  export_to (dir, csv_path, RC_EXPORT_FORMAT_CSV, 0);
  rc_test_assert_analysts_can_read (json_path, csv_path);

  root = load_json (json_path);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (member (root, "data"))), ==, 0);
  g_assert_true (JSON_NODE_HOLDS_NULL (member (root, "survey")));
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (member (root, "export")), "responses"),
                   ==, 0);
}

/* What a disk that fails at the last moment, or a coordinator who presses
 * Stop while the file is synced, does to an export: this program's fsync()
 * and fdatasync() stand in for the C library's, also for the export code
 * linked into it. Only the temporary of an export named TRAPPED is caught. */
#define TRAPPED "trapped.json"

static struct
{
  int           fail_errno;       /* fsync fails with it, or 0 */
  GCancellable *cancel;           /* cancelled as the file is synced, or NULL */
  int           fd;               /* the last descriptor caught */
  int           part_fail_errno;  /* fdatasync of a part fails with it, or 0 */
  GCancellable *part_cancel;      /* cancelled as a part is synced, or NULL */
  int           parts;            /* parts synced before the end */
} sync_trap = { 0, NULL, -1, 0, NULL, 0 };

/* What a caught sync does: Stop pressed, or the disk failing, or both. */
static int
spring_trap (int            fd,
             long           number,
             GCancellable  *cancel,
             int            fail_errno)
{
  if (cancel != NULL)
    g_cancellable_cancel (cancel);
  if (fail_errno != 0)
    {
      errno = fail_errno;
      return -1;
    }

  return syscall (number, fd);
}

int
fsync (int fd)
{
  if (!rc_test_is_temporary_of (fd, TRAPPED))
    return syscall (SYS_fsync, fd);

  sync_trap.fd = fd;
  return spring_trap (fd, SYS_fsync, sync_trap.cancel, sync_trap.fail_errno);
}

/* Called in a thread of the export's own while it writes the next part. */
int
fdatasync (int fd)
{
  if (!rc_test_is_temporary_of (fd, TRAPPED))
    return syscall (SYS_fdatasync, fd);

  g_atomic_int_inc (&sync_trap.parts);
  return spring_trap (fd, SYS_fdatasync, sync_trap.part_cancel, sync_trap.part_fail_errno);
}

static void
test_export_sync_fails (void)
{
  g_autofree char *dir = rc_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, TRAPPED, NULL);
  RcExportOptions options = { RC_EXPORT_FORMAT_JSON, NULL, NULL, NULL };
  g_autoptr(GError) error = NULL;
  gint64 n_written = -1;
  gboolean ok;

  seed (dir);

  sync_trap.fd = -1;
  sync_trap.fail_errno = EIO;
  ok = rc_export_write (dir, path, &options, NULL, NULL, &n_written, &error);
  sync_trap.fail_errno = 0;

  g_assert_false (ok);
  g_assert_cmpint (sync_trap.fd, >=, 0);
  g_assert_nonnull (error);
  if (strstr (error->message, path) == NULL)
    g_error ("“%s” does not name the file", error->message);
  g_assert_cmpint (n_written, ==, 0);
  /* The descriptor is closed, and with it the temporary gone. */
  g_assert_false (rc_test_is_temporary_of (sync_trap.fd, TRAPPED));
  assert_folder_holds_only (dir, NULL);
}

/* A cancel that comes too late for the rows, even when there are none. */
static void
test_export_cancelled_at_the_end (void)
{
  g_autofree char *dir = rc_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, TRAPPED, NULL);
  g_autoptr(RcDatabase) database = rc_test_open_database (dir);
  RcExportFormat formats[] = { RC_EXPORT_FORMAT_JSON, RC_EXPORT_FORMAT_CSV };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      RcExportOptions options = { formats[i], NULL, NULL, NULL };
      g_autoptr(GError) error = NULL;
      gint64 n_written = -1;

      /* An empty database: no row to notice the cancel at. */
      g_cancellable_cancel (cancellable);
      g_assert_false (rc_export_write (dir, path, &options, NULL, cancellable, &n_written, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      assert_folder_holds_only (dir, NULL);
    }

  /* Stop pressed while the rows are synced, after the last row. */
  seed (dir);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      RcExportOptions options = { formats[i], NULL, NULL, NULL };
      g_autoptr(GError) error = NULL;
      gint64 n_written = -1;
      gboolean ok;

      sync_trap.fd = -1;
      sync_trap.cancel = cancellable;
      ok = rc_export_write (dir, path, &options, NULL, cancellable, &n_written, &error);
      sync_trap.cancel = NULL;

      g_assert_false (ok);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_assert_cmpint (sync_trap.fd, >=, 0);
      g_assert_false (rc_test_is_temporary_of (sync_trap.fd, TRAPPED));
      assert_folder_holds_only (dir, NULL);
    }
}

static void
test_export_leaves_nothing_on_failure (void)
{
  g_autofree char *dir = rc_test_make_temp_dir ();
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "out.json", NULL);
  g_autofree char *path = g_build_filename (dir, "out.json", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  RcExportOptions options = { RC_EXPORT_FORMAT_JSON, NULL, NULL, NULL };
  g_autoptr(GError) error = NULL;
  gint64 n_written;

  seed (dir);

  g_assert_false (rc_export_write (dir, missing, &options, NULL, NULL, &n_written, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "no-such-folder"));
  g_clear_error (&error);

  g_cancellable_cancel (cancellable);
  g_assert_false (rc_export_write (dir, path, &options, NULL, cancellable, &n_written, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  assert_folder_holds_only (dir, NULL);

  /* A full disk, as a file size limit makes it. */
  if (g_test_subprocess ())
    {
      /* Room for SQLite's shared memory file, not for the export. */
      struct rlimit limit = { 65536, 65536 };

      for (guint i = 0; i < 30; i++)
        seed (dir);
      g_clear_error (&error);
      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
      g_assert_false (rc_export_write (dir, path, &options, NULL, NULL, &n_written, &error));
      g_assert_nonnull (error);
      if (strstr (error->message, "out.json") == NULL)
        g_error ("%s", error->message);
      assert_folder_holds_only (dir, NULL);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* Each file that must be refused, and how, with nothing changed. */
static void
assert_refused (const char    *data_dir,
                const char    *path,
                RcImportError  code,
                const char    *reason)
{
  g_autoptr(GError) error = NULL;
  gint64 before = count_responses (data_dir);
  gint64 added = -1, present = -1;

  if (rc_import_file (data_dir, path, NULL, &added, &present, &error))
    g_error ("“%s” was merged: %" G_GINT64_FORMAT " added, %" G_GINT64_FORMAT " already there",
             path, added, present);
  g_assert_error (error, RC_IMPORT_ERROR, code);
  if (strstr (error->message, reason) == NULL)
    g_error ("“%s” does not say “%s”", error->message, reason);
  g_assert_nonnull (strstr (error->message, path));
  /* One line, as the command line prints it. */
  if (strchr (error->message, '\n') != NULL)
    g_error ("“%s” is more than one line", error->message);
  g_assert_cmpint (added, ==, 0);
  g_assert_cmpint (count_responses (data_dir), ==, before);
}

static char *
write_variant (const char *dir,
               const char *name,
               JsonNode   *root)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autofree char *text = json_to_string (root, TRUE);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  return path;
}

/* The record of the seeded response whose @question was answered @answer. */
static JsonObject *
find_record (JsonNode   *root,
             const char *question,
             const char *answer)
{
  JsonArray *data = json_node_get_array (member (root, "data"));

  for (guint i = 0; i < json_array_get_length (data); i++)
    {
      JsonObject *record = json_array_get_object_element (data, i);

      if (g_strcmp0 (json_object_get_string_member_with_default (record, question, NULL), answer) == 0)
        return record;
    }

  g_assert_not_reached ();
}

static void
test_import_refusals (void)
{
  g_autofree char *kiosk = rc_test_make_temp_dir ();
  g_autofree char *office = rc_test_make_temp_dir ();
  g_autofree char *json_path = g_build_filename (kiosk, "responses.json", NULL);
  g_autofree char *csv_path = g_build_filename (kiosk, "responses.csv", NULL);
  g_autofree char *truncated = g_build_filename (kiosk, "truncated.json", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *path = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *record;
  gint64 added, present;

  seed (kiosk);
  export_to (kiosk, json_path, RC_EXPORT_FORMAT_JSON, 4);
  export_to (kiosk, csv_path, RC_EXPORT_FORMAT_CSV, 4);

  /* The office already has one kiosk's responses. */
  seed (office);
  g_assert_cmpint (count_responses (office), ==, 4);

  contents = read_text (json_path);
  g_file_set_contents (truncated, contents, strlen (contents) / 2, &error);
  g_assert_no_error (error);
  assert_refused (office, truncated, RC_IMPORT_ERROR_DAMAGED, "truncated");

  assert_refused (office, csv_path, RC_IMPORT_ERROR_NOT_AN_EXPORT, "CSV");

  /* Brackets alone, as deep as the file is long. */
  {
    g_autofree char *deep_path = g_build_filename (kiosk, "deep.json", NULL);
    g_autoptr(GString) deep = g_string_new ("{\"data\":");

    for (guint i = 0; i < 200000; i++)
      g_string_append_c (deep, '[');
    for (guint i = 0; i < 200000; i++)
      g_string_append_c (deep, ']');
    g_string_append_c (deep, '}');
    g_assert_true (g_file_set_contents (deep_path, deep->str, deep->len, NULL));
    assert_refused (office, deep_path, RC_IMPORT_ERROR_DAMAGED, "nested more than 64 deep");
  }

  root = json_from_string ("{\"data\": []}", NULL);
  g_clear_pointer (&path, g_free);
  path = write_variant (kiosk, "other.json", root);
  assert_refused (office, path, RC_IMPORT_ERROR_NOT_AN_EXPORT, "not an export");
  g_clear_pointer (&root, json_node_unref);

  root = load_json (json_path);
  json_object_set_int_member (json_node_get_object (member (root, "export")), "format_version", 2);
  g_clear_pointer (&path, g_free);
  path = write_variant (kiosk, "newer.json", root);
  assert_refused (office, path, RC_IMPORT_ERROR_TOO_NEW, "newer version");
  g_clear_pointer (&root, json_node_unref);

  /* A survey with several problems: the first says enough. */
  root = load_json (json_path);
  {
    JsonObject *survey = json_node_get_object (member (root, "survey"));
    JsonArray *sections = json_object_get_array_member (survey, "sections");
    JsonArray *questions = json_object_get_array_member (json_array_get_object_element (sections, 0),
                                                         "questions");

    json_object_set_string_member (json_array_get_object_element (questions, 0), "type", "slider");
    json_object_set_string_member (survey, "colour", "red");
  }
  g_clear_pointer (&path, g_free);
  path = write_variant (kiosk, "bad-survey.json", root);
  assert_refused (office, path, RC_IMPORT_ERROR_DOES_NOT_FIT, "unknown field “colour”");
  g_clear_pointer (&root, json_node_unref);

  /* One response whose answer its survey would not take: nothing of the
   * file goes in, not even the good ones. */
  root = load_json (json_path);
  record = find_record (root, "q_single", "c");
  json_object_set_string_member (record, "response_id", "4b0e1c2e-0000-4000-8000-000000000001");
  record = find_record (root, "q_single", "a");
  json_object_set_int_member (record, "q_scale", 9);
  json_object_set_int_member (record, "q_scale.prefer_not_to_answer", 0);
  g_clear_pointer (&path, g_free);
  path = write_variant (kiosk, "misfit.json", root);
  assert_refused (office, path, RC_IMPORT_ERROR_DOES_NOT_FIT, "q_scale");
  g_clear_pointer (&root, json_node_unref);

  /* The same id with other answers. */
  root = load_json (json_path);
  record = find_record (root, "q_single", "a");
  json_object_set_string_member (record, "q_single", "b");
  json_object_set_null_member (record, "c_equals");
  json_object_set_null_member (record, "c_chain");
  g_clear_pointer (&path, g_free);
  path = write_variant (kiosk, "changed.json", root);
  g_assert_true (rc_import_file (office, json_path, NULL, &added, &present, &error));
  g_assert_no_error (error);
  assert_refused (office, path, RC_IMPORT_ERROR_CONFLICT, "different answers");
  g_clear_pointer (&root, json_node_unref);

  /* Records cut out, the count left as it was. */
  root = load_json (json_path);
  json_array_remove_element (json_node_get_array (member (root, "data")), 3);
  g_clear_pointer (&path, g_free);
  path = write_variant (kiosk, "short.json", root);
  assert_refused (office, path, RC_IMPORT_ERROR_DAMAGED, "number of responses");
}

/* The ids of the responses an export holds. */
static GStrv
ids_in_export (const char *path)
{
  g_autoptr(JsonNode) root = load_json (path);
  JsonArray *data = json_node_get_array (member (root, "data"));
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();

  for (guint i = 0; i < json_array_get_length (data); i++)
    g_strv_builder_add (ids, json_object_get_string_member (json_array_get_object_element (data, i),
                                                            "response_id"));
  return g_strv_builder_end (ids);
}

/* The line of @text that @at is on, numbered as an editor numbers them. */
static guint
line_of (const char *text,
         const char *at)
{
  guint line = 1;

  for (const char *c = text; c < at; c++)
    line += *c == '\n';
  return line;
}

/* The file is read a response at a time, not as one tree: whatever order
 * its parts come in, it merges; text after its end, or a response that is
 * not JSON, is refused with nothing changed. */
static void
test_import_read_in_parts (void)
{
  g_autofree char *kiosk = rc_test_make_temp_dir ();
  g_autofree char *office = rc_test_make_temp_dir ();
  g_autofree char *json_path = g_build_filename (kiosk, "responses.json", NULL);
  g_autofree char *reordered_path = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *broken = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonObject) reordered = json_object_new ();
  g_autoptr(GError) error = NULL;
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;
  char *record;
  gint64 added, present;

  seed (kiosk);
  export_to (kiosk, json_path, RC_EXPORT_FORMAT_JSON, 4);

  /* The responses first, what they are after. */
  root = load_json (json_path);
  json_object_set_member (reordered, "data", json_node_copy (member (root, "data")));
  json_object_iter_init (&iter, json_node_get_object (root));
  while (json_object_iter_next (&iter, &name, &value))
    if (!g_str_equal (name, "data"))
      json_object_set_member (reordered, name, json_node_copy (value));
  g_clear_pointer (&root, json_node_unref);
  root = json_node_init_object (json_node_alloc (), reordered);
  reordered_path = write_variant (kiosk, "reordered.json", root);
  g_assert_true (rc_import_file (office, reordered_path, NULL, &added, &present, &error));
  g_assert_no_error (error);
  g_assert_cmpint (added, ==, 4);
  g_assert_cmpint (count_responses (office), ==, 4);

  contents = read_text (json_path);

  /* Saved again by an editor that starts UTF-8 with a byte order mark. */
  {
    g_autofree char *elsewhere = rc_test_make_temp_dir ();
    g_autofree char *marked = g_strconcat ("\xEF\xBB\xBF", contents, NULL);
    g_autofree char *marked_path = g_build_filename (kiosk, "marked.json", NULL);

    g_assert_true (g_file_set_contents (marked_path, marked, -1, NULL));
    g_assert_true (rc_import_file (elsewhere, marked_path, NULL, &added, &present, &error));
    g_assert_no_error (error);
    g_assert_cmpint (added, ==, 4);
  }

  broken = g_strconcat (contents, "\n{}", NULL);
  g_assert_true (g_file_set_contents (json_path, broken, -1, NULL));
  {
    /* Named where a person would look: the line of the "{" after the end. */
    g_autofree char *expected = g_strdup_printf ("not JSON at line %u, column 1",
                                                 line_of (broken, broken + strlen (broken)));

    assert_refused (office, json_path, RC_IMPORT_ERROR_DAMAGED, expected);
  }
  g_clear_pointer (&broken, g_free);

  /* The third response's first value, made something JSON has not. */
  broken = g_strdup (contents);
  record = strstr (broken, "\"data\"");
  for (guint i = 0; i < 3 && record != NULL; i++)
    record = strstr (record + 1, "{\"response_id\":");
  g_assert_nonnull (record);
  record = strchr (record, ':') + 1;
  memcpy (record, "nul", 3);
  g_assert_true (g_file_set_contents (json_path, broken, -1, NULL));
  {
    /* Named where it is in the file, not in the response. */
    const char *line_start = g_strrstr_len (broken, record - broken, "\n") + 1;
    g_autofree char *expected = NULL;

    expected = g_strdup_printf ("truncated or damaged (it is not JSON at line %u, column %ld)",
                                line_of (broken, record), g_utf8_strlen (line_start, record - line_start) + 1);
    assert_refused (office, json_path, RC_IMPORT_ERROR_DAMAGED, expected);
  }
  g_assert_cmpint (count_responses (office), ==, 4);
}

/* A text left empty in an edited export is no answer, as at the kiosk:
 * the response is stored without it, and its other answers as they are. */
static void
test_import_empty_text (void)
{
  g_autofree char *kiosk = rc_test_make_temp_dir ();
  g_autofree char *office = rc_test_make_temp_dir ();
  g_autofree char *json_path = g_build_filename (kiosk, "responses.json", NULL);
  g_autofree char *edited_path = NULL;
  g_autofree char *answers_text = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) stored = NULL;
  g_autoptr(RcDatabase) database = NULL;
  g_autoptr(RcResponseStore) store = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *record;
  gint64 added, present;

  seed (kiosk);
  export_to (kiosk, json_path, RC_EXPORT_FORMAT_JSON, 4);
  root = load_json (json_path);
  record = find_record (root, "c_one_of", "Ы");
  json_object_set_string_member (record, "q_short", "");
  edited_path = write_variant (kiosk, "edited.json", root);

  g_assert_true (rc_import_file (office, edited_path, NULL, &added, &present, &error));
  g_assert_no_error (error);
  g_assert_cmpint (added, ==, 4);

  database = rc_test_open_database (office);
  store = rc_response_store_new (database);
  stored = rc_response_store_load (store, json_object_get_string_member (record, "response_id"), &error);
  g_assert_no_error (error);
  answers_text = json_to_string (json_object_get_member (json_node_get_object (stored), "answers"), FALSE);
  g_assert_cmpstr (answers_text, ==, "{\"q_single\":\"c\",\"q_yesno\":\"yes\",\"c_one_of\":\"Ы\"}");
}

/* Each response of @data_dir @times more, seven minutes apart, under ids
 * of their own. */
static void
multiply_responses (const char *data_dir,
                    guint       times)
{
  g_autoptr(RcDatabase) database = rc_test_open_database (data_dir);
  g_autoptr(GError) error = NULL;
  g_autofree char *sql =
    g_strdup_printf ("WITH RECURSIVE n (k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < %u) "
                     "INSERT INTO responses (id, survey_id, survey_version, device_id, language, "
                     "                       submitted_at, duration_minutes, answers) "
                     "SELECT printf ('%%s-%%04d', r.id, n.k), r.survey_id, r.survey_version, r.device_id, "
                     "       r.language, strftime ('%%Y-%%m-%%dT%%H:%%M:%%SZ', '2026-01-01', "
                     "                             printf ('+%%d minutes', n.k * 7 + r.rowid)), "
                     "       r.duration_minutes, r.answers "
                     "FROM responses r, n",
                     times);

  rc_database_exec (database, sql, &error);
  g_assert_no_error (error);
}

/* A file of many megabytes goes to the disk part by part as it is written.
 * A disk that fails on an early part fails the export, though the sync at
 * the end, after it, hears nothing of it; Stop pressed then stops it. */
static void
test_export_synced_in_parts (void)
{
  g_autofree char *dir = rc_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, TRAPPED, NULL);
  RcExportOptions options = { RC_EXPORT_FORMAT_JSON, NULL, NULL, NULL };
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gsize length, n_rows = 0;
  GStatBuf info;
  gint64 n_written = -1;
  gboolean ok;

  seed (dir);
  multiply_responses (dir, 4000);

  sync_trap.parts = 0;
  export_to (dir, path, RC_EXPORT_FORMAT_JSON, 16004);
  g_assert_cmpint (g_stat (path, &info), ==, 0);
  g_assert_cmpint (info.st_size, >, RC_SINK_SYNC_SIZE);
  g_assert_cmpint (sync_trap.parts, >=, 1);
  /* Whole: every row, then the summary that ends the file. */
  g_assert_true (g_file_get_contents (path, &text, &length, NULL));
  for (const char *row = strstr (text, "{\"response_id\":"); row != NULL; row = strstr (row + 1, "{\"response_id\":"))
    n_rows++;
  g_assert_cmpuint (n_rows, ==, 16004);
  g_assert_true (g_str_has_suffix (text, "}}}\n"));
  g_assert_nonnull (g_strrstr (text, "\"responses\":16004,"));
  g_assert_cmpint (g_unlink (path), ==, 0);

  sync_trap.part_fail_errno = EIO;
  ok = rc_export_write (dir, path, &options, NULL, NULL, &n_written, &error);
  sync_trap.part_fail_errno = 0;

  /* The sync at the end would succeed: only the part's failure tells. */
  g_assert_false (ok);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  if (strstr (error->message, path) == NULL)
    g_error ("“%s” does not name the file", error->message);
  g_assert_cmpint (n_written, ==, 0);
  assert_folder_holds_only (dir, NULL);
  g_clear_error (&error);

  sync_trap.part_cancel = cancellable;
  ok = rc_export_write (dir, path, &options, NULL, cancellable, &n_written, &error);
  sync_trap.part_cancel = NULL;

  g_assert_false (ok);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  assert_folder_holds_only (dir, NULL);
}

/* A merge of hundreds of responses, and one stopped at its start, which
 * leaves nothing. */
static void
test_import_many_or_cancelled (void)
{
  g_autofree char *kiosk = rc_test_make_temp_dir ();
  g_autofree char *office = rc_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (kiosk, "responses.json", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  gint64 added = -1, present = -1;

  seed (kiosk);
  multiply_responses (kiosk, 100);
  export_to (kiosk, path, RC_EXPORT_FORMAT_JSON, 404);

  g_cancellable_cancel (cancellable);
  g_assert_false (rc_import_file (office, path, cancellable, &added, &present, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (added, ==, 0);
  g_assert_cmpint (count_responses (office), ==, 0);
  g_clear_error (&error);

  g_assert_true (rc_import_file (office, path, NULL, &added, &present, &error));
  g_assert_no_error (error);
  g_assert_cmpint (added, ==, 404);
  g_assert_cmpint (present, ==, 0);
  g_assert_cmpint (count_responses (office), ==, 404);
}

/* A merge killed at any moment, as by a power cut: the database is sound,
 * every export the coordinator was told was merged is there whole, and no
 * export is there by halves. */
static void
test_import_survives_kill (void)
{
  g_autofree char *office = rc_test_make_temp_dir ();
  g_autofree char *helper = g_test_build_filename (G_TEST_BUILT, "rc-import-loop", NULL);
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) exported_ids = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  guint kills = rc_test_get_kills ();
  guint n_reported = 0;

  g_ptr_array_add (argv, g_strdup (helper));
  g_ptr_array_add (argv, g_strdup (office));

  /* Thirty kiosks, each with responses of its own. */
  for (guint k = 0; k < 30; k++)
    {
      g_autofree char *kiosk = rc_test_make_temp_dir ();
      char *path = g_strdup_printf ("%s/kiosk-%02u.json", office, k);

      for (guint r = 0; r < 4; r++)
        rc_test_save_response (kiosk, r % 2 ? "kk" : "ru");
      export_to (kiosk, path, RC_EXPORT_FORMAT_JSON, 4);
      g_ptr_array_add (exported_ids, ids_in_export (path));
      g_ptr_array_add (argv, path);
    }
  g_ptr_array_add (argv, NULL);

  for (guint round = 0; round < kills; round++)
    {
      g_autoptr(RcDatabase) database = NULL;
      g_autofree char *integrity = NULL;
      /* After its first merge, in the middle of one or between two. */
      g_auto(GStrv) reported = rc_test_kill_while_running ((const char * const *)argv->pdata, 1000, 60000);

      n_reported += g_strv_length (reported);
      database = rc_test_open_database (office);
      integrity = rc_test_integrity_check (database);
      g_assert_cmpstr (integrity, ==, "ok");

      for (guint k = 0; k < exported_ids->len; k++)
        {
          GStrv ids = g_ptr_array_index (exported_ids, k);
          const char *path = g_ptr_array_index (argv, k + 2);
          guint present = 0;

          for (guint i = 0; ids[i] != NULL; i++)
            {
              g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM responses WHERE id = '%s'", ids[i]);

              present += rc_test_query_int (database, sql);
            }

          /* Whole or not at all; whole if it was said to be merged. */
          g_assert_true (present == 0 || present == g_strv_length (ids));
          if (g_strv_contains ((const char * const *)reported, path))
            g_assert_cmpuint (present, ==, g_strv_length (ids));
        }
      g_assert_cmpint (rc_test_query_int (database,
                                          "SELECT count(*) FROM answers WHERE response_id NOT IN "
                                          "(SELECT id FROM responses)"),
                       ==, 0);
    }

  g_test_message ("%u kills, %u merges reported", kills, n_reported);
  g_assert_cmpuint (n_reported, >, 0);
}

/* A kiosk goes on saving while its responses are exported: each export is
 * one consistent snapshot. */
static void
test_export_while_saving (void)
{
  g_autofree char *dir = rc_test_make_temp_dir ();
  g_autofree char *helper = g_test_build_filename (G_TEST_BUILT, "rc-submit-loop", NULL);
  g_autofree char *survey_file = g_test_build_filename (G_TEST_DIST, "fixtures", "surveys", "all-types.json", NULL);
  const char *argv[] = { helper, dir, survey_file, NULL };
  /* The kiosk's folder, as its first start left it. */
  g_autoptr(RcDatabase) kiosk = rc_test_open_database (dir);
  g_autoptr(GError) error = NULL;
  GPid pid;

  g_spawn_async (NULL, (char **)argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL,
                 rc_test_die_with_parent, NULL, &pid, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *name = g_strdup_printf ("snapshot-%u.json", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      RcExportOptions options = { RC_EXPORT_FORMAT_JSON, NULL, NULL, NULL };
      gint64 n_written;
      gboolean written;

      g_usleep (50000);
      written = rc_export_write (dir, path, &options, NULL, NULL, &n_written, &error);
      g_assert_no_error (error);
      g_assert_true (written);
      rc_test_assert_analysts_can_read (path, NULL);
    }

  kill (pid, SIGKILL);
  waitpid (pid, NULL, 0);
  g_spawn_close_pid (pid);
}

/* Far more responses than are read ahead at once: every one is written,
 * whole and in the order of submission; a damaged one near the end still
 * stops the export, by name, with nothing left behind. */
static void
test_export_many_rows (void)
{
  g_autofree char *dir = rc_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "out.json", NULL);
  RcExportOptions options = { RC_EXPORT_FORMAT_JSON, NULL, NULL, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) export = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *data;
  const char *previous_time = "";
  gint64 n_written = -1;

  seed (dir);
  multiply_responses (dir, 1000);

  export_to (dir, path, RC_EXPORT_FORMAT_JSON, 4004);
  export = load_json (path);
  data = json_node_get_array (member (export, "data"));
  g_assert_cmpuint (json_array_get_length (data), ==, 4004);

  for (guint i = 0; i < json_array_get_length (data); i++)
    {
      JsonObject *row = json_array_get_object_element (data, i);
      const char *id = json_object_get_string_member (row, "response_id");
      const char *time = json_object_get_string_member (row, "submitted_at");

      g_assert_false (g_hash_table_contains (seen, id));
      g_hash_table_add (seen, (gpointer)id);
      g_assert_cmpstr (previous_time, <=, time);
      previous_time = time;

      /* A copy has its original's answers, column by column. */
      if (strlen (id) > 5 && id[strlen (id) - 5] == '-')
        {
          g_autofree char *original_id = g_strndup (id, strlen (id) - 5);
          JsonObject *original = row_of (export, original_id);
          g_autoptr(GList) names = json_object_get_members (original);

          for (GList *l = names; l != NULL; l = l->next)
            {
              if (g_str_equal (l->data, "response_id") || g_str_equal (l->data, "submitted_at"))
                continue;
              g_assert_true (json_node_equal (json_object_get_member (original, l->data),
                                              json_object_get_member (row, l->data)));
            }
        }
    }

  {
    g_autoptr(RcDatabase) database = rc_test_open_database (dir);

    rc_database_exec (database,
                      "UPDATE responses SET answers = '[1, 2]' WHERE id = "
                      "(SELECT id FROM responses WHERE id LIKE '%-0990' ORDER BY id LIMIT 1)",
                      &error);
    g_assert_no_error (error);
  }
  g_assert_false (rc_export_write (dir, path, &options, NULL, NULL, &n_written, &error));
  g_assert_error (error, RC_DATABASE_ERROR, RC_DATABASE_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, "-0990"));
  g_assert_cmpint (n_written, ==, 0);
  /* The good export from before is still there, untouched. */
  g_clear_pointer (&export, json_node_unref);
  export = load_json (path);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (member (export, "data"))), ==, 4004);
  assert_folder_holds_only (dir, "out.json");
}

/* Answers in the database that are not what the app writes, as a failing
 * disk or an edit by hand leaves them: the export says which response, and
 * does not crash. */
static void
test_export_damaged_answers (void)
{
  static const char * const damaged[] = { "[1, 2]", "\"text\"", "{\"q_single\": {\"deep\": [[[[1]]]]}}" };

  for (guint i = 0; i < G_N_ELEMENTS (damaged); i++)
    {
      g_autofree char *dir = rc_test_make_temp_dir ();
      g_autofree char *path = g_build_filename (dir, "out.json", NULL);
      g_autofree char *sql = NULL;
      RcExportOptions options = { RC_EXPORT_FORMAT_JSON, NULL, NULL, NULL };
      g_autoptr(GError) error = NULL;
      gint64 n_written = -1;

      seed (dir);
      {
        g_autoptr(RcDatabase) database = rc_test_open_database (dir);

        sql = g_strdup_printf ("UPDATE responses SET answers = '%s' "
                               "WHERE id = (SELECT min (id) FROM responses)", damaged[i]);
        rc_database_exec (database, sql, &error);
        g_assert_no_error (error);
      }

      if (rc_export_write (dir, path, &options, NULL, NULL, &n_written, &error))
        {
          /* Answers of the wrong shape for their questions are left empty. */
          g_assert_cmpint (n_written, ==, 4);
          continue;
        }
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, "damaged"));
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    }
}

/* A definition in the database that is not the survey and version of its
 * row, or no survey at all: the export says the database is damaged, names
 * the version, and writes nothing. Every version is checked, the older
 * ones beside the newest; the newest's fault is told first when both have
 * one. */
static void
test_export_damaged_definition (void)
{
  static const struct
  {
    RcExportFormat  format;
    const char     *update;
    const char     *named;
  } cases[] = {
    { RC_EXPORT_FORMAT_CSV, "UPDATE surveys SET definition = json_set (definition, '$.version', version + 7)",
      "version 4 " },
    { RC_EXPORT_FORMAT_JSON, "UPDATE surveys SET definition = json_set (definition, '$.version', 9) WHERE version = 3",
      "version 3 " },
    { RC_EXPORT_FORMAT_JSON, "UPDATE surveys SET definition = '{}' WHERE version = 3", "version 3 " },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *dir = rc_test_make_temp_dir ();
      g_autofree char *path = g_build_filename (dir, "out", NULL);
      RcExportOptions options = { cases[i].format, NULL, NULL, NULL };
      g_autoptr(GError) error = NULL;
      gint64 n_written = -1;

      seed (dir);
      {
        g_autoptr(RcDatabase) database = rc_test_open_database (dir);

        rc_database_exec (database, cases[i].update, &error);
        g_assert_no_error (error);
      }

      g_assert_false (rc_export_write (dir, path, &options, NULL, NULL, &n_written, &error));
      g_assert_error (error, RC_DATABASE_ERROR, RC_DATABASE_ERROR_DAMAGED);
      g_assert_nonnull (strstr (error->message, "damaged"));
      g_assert_nonnull (strstr (error->message, cases[i].named));
      g_assert_cmpint (n_written, ==, 0);
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/round-trip", test_export_round_trip);
  g_test_add_func ("/export/reads-answers-alike", test_export_reads_answers_alike);
  g_test_add_func ("/export/csv-labels", test_export_csv_labels);
  g_test_add_func ("/export/csv-formula", test_export_csv_formula);
  g_test_add_func ("/export/date-range", test_export_date_range);
  g_test_add_func ("/export/progress", test_export_progress);
  g_test_add_func ("/export/reversed-range", test_export_reversed_range);
  g_test_add_func ("/export/empty", test_export_empty);
  g_test_add_func ("/export/summary", test_export_summary);
  g_test_add_func ("/export/summary-async", test_export_summary_async);
  g_test_add_func ("/export/leaves-nothing-on-failure", test_export_leaves_nothing_on_failure);
  g_test_add_func ("/export/sync-fails", test_export_sync_fails);
  g_test_add_func ("/export/cancelled-at-the-end", test_export_cancelled_at_the_end);
  g_test_add_func ("/export/synced-in-parts", test_export_synced_in_parts);
  g_test_add_func ("/export/while-saving", test_export_while_saving);
  g_test_add_func ("/import/refusals", test_import_refusals);
  g_test_add_func ("/import/read-in-parts", test_import_read_in_parts);
  g_test_add_func ("/import/empty-text", test_import_empty_text);
  g_test_add_func ("/import/many-or-cancelled", test_import_many_or_cancelled);
  g_test_add_func ("/import/survives-kill", test_import_survives_kill);
  g_test_add_func ("/export/damaged-answers", test_export_damaged_answers);
  g_test_add_func ("/export/many-rows", test_export_many_rows);
  g_test_add_func ("/export/damaged-definition", test_export_damaged_definition);

  return g_test_run ();
}
