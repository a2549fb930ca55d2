/* test-response-store.c: saving responses so that none is ever lost
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rc-response-store.h"
#include "rc-response-store-private.h"
#include "rc-test-utils.h"

static RcResponse *
make_complete_response (RcSurvey   *survey,
                        const char *language)
{
  static const char * const choices[] = { "x", "z", NULL };
  RcResponse *response = rc_response_new (survey, language);

  g_assert_true (rc_response_set_choice (response, "q_single", "a", NULL));
  g_assert_true (rc_response_set_choice (response, "q_yesno", "yes", NULL));
  g_assert_true (rc_response_set_choices (response, "q_multi", choices, NULL));
  g_assert_true (rc_response_set_number (response, "q_scale", 4, NULL));
  g_assert_true (rc_response_set_text (response, "q_long", "Жақсы / Хорошо", NULL));
  g_assert_true (rc_response_set_choice (response, "c_equals", "no", NULL));

  return response;
}

static void
test_store_round_trip (void)
{
  g_autofree char *data_dir = rc_test_make_temp_dir ();
  g_autoptr(RcDatabase) database = rc_test_open_database (data_dir);
  g_autoptr(RcSurvey) survey = rc_test_load_all_types ();
  g_autoptr(RcResponseStore) store = rc_response_store_new (database);
  g_autoptr(RcResponse) response = make_complete_response (survey, "kk");
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr(JsonNode) expected = rc_response_dup_answers (response);
  g_autoptr(JsonNode) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  JsonObject *object;

  rc_response_set_started_at (response, g_get_monotonic_time () - 3 * 60 * G_USEC_PER_SEC);

  id = rc_response_store_save (store, response, &error);
  g_assert_no_error (error);
  g_assert_true (g_uuid_string_is_valid (id));

  loaded = rc_response_store_load (store, id, &error);
  g_assert_no_error (error);
  object = json_node_get_object (loaded);

  g_assert_cmpstr (json_object_get_string_member (object, "id"), ==, id);
  g_assert_cmpstr (json_object_get_string_member (object, "survey_id"), ==, "all_types");
  g_assert_cmpint (json_object_get_int_member (object, "survey_version"), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (object, "device_id"), ==,
                   rc_database_get_device_id (database));
  g_assert_cmpstr (json_object_get_string_member (object, "language"), ==, "kk");
  /* By default only the day is kept. */
  g_assert_cmpstr (json_object_get_string_member (object, "submitted_at"), ==, today);
  g_assert_cmpint (json_object_get_int_member (object, "duration_minutes"), ==, 3);
  g_assert_true (json_node_equal (json_object_get_member (object, "answers"), expected));

  g_assert_cmpint (rc_response_store_count (store, NULL, NULL), ==, 1);
  g_assert_cmpint (rc_response_store_count (store, "all_types", NULL), ==, 1);
  g_assert_cmpint (rc_response_store_count (store, "another", NULL), ==, 0);

  /* The definition answered travels with the data. */
  g_assert_cmpint (rc_test_query_int (database, "SELECT count(*) FROM surveys WHERE id = 'all_types' "
                                        "AND version = 3 AND json_extract (definition, '$.id') = 'all_types'"),
                   ==, 1);

  g_assert_null (rc_response_store_load (store, "no-such-id", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

static void
test_store_keep_full_time (void)
{
  g_autofree char *data_dir = rc_test_make_temp_dir ();
  g_autoptr(RcDatabase) database = rc_test_open_database (data_dir);
  g_autoptr(RcSurvey) survey = rc_test_load_all_types ();
  g_autoptr(RcResponseStore) store = rc_response_store_new (database);
  g_autoptr(RcResponse) response = make_complete_response (survey, "ru");
  g_autoptr(JsonNode) loaded = NULL;
  g_autoptr(GDateTime) parsed = NULL;
  g_autofree char *id = NULL;
  const char *submitted_at;

  rc_response_store_set_keep_full_time (store, TRUE);
  id = rc_response_store_save (store, response, NULL);
  g_assert_nonnull (id);

  loaded = rc_response_store_load (store, id, NULL);
  submitted_at = json_object_get_string_member (json_node_get_object (loaded), "submitted_at");
  parsed = g_date_time_new_from_iso8601 (submitted_at, NULL);
  g_assert_nonnull (parsed);
  g_assert_cmpint (ABS (g_date_time_to_unix (parsed) - (g_get_real_time () / G_USEC_PER_SEC)), <, 60);
}

static void
test_store_refuses_incomplete (void)
{
  g_autofree char *data_dir = rc_test_make_temp_dir ();
  g_autoptr(RcDatabase) database = rc_test_open_database (data_dir);
  g_autoptr(RcSurvey) survey = rc_test_load_all_types ();
  g_autoptr(RcResponseStore) store = rc_response_store_new (database);
  g_autoptr(RcResponse) incomplete = rc_response_new (survey, "kk");
  g_autoptr(RcResponse) invalid = make_complete_response (survey, "kk");
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  g_assert_true (rc_response_set_choice (incomplete, "q_single", "b", NULL));
  id = rc_response_store_save (store, incomplete, &error);
  g_assert_null (id);
  g_assert_error (error, RC_RESPONSE_ERROR, RC_RESPONSE_ERROR_INCOMPLETE);
  g_assert_nonnull (strstr (error->message, "q_yesno"));
  g_clear_error (&error);

  g_assert_true (rc_response_set_number (invalid, "q_number", 42, NULL));
  id = rc_response_store_save (store, invalid, &error);
  g_assert_null (id);
  g_assert_error (error, RC_RESPONSE_ERROR, RC_RESPONSE_ERROR_INCOMPLETE);

  /* Nothing at all was written. */
  g_assert_cmpint (rc_test_query_int (database, "SELECT count(*) FROM responses"), ==, 0);
  g_assert_cmpint (rc_test_query_int (database, "SELECT count(*) FROM answers"), ==, 0);
  g_assert_cmpint (rc_test_query_int (database, "SELECT count(*) FROM surveys"), ==, 0);
}

static void
test_store_count_answers (void)
{
  g_autofree char *data_dir = rc_test_make_temp_dir ();
  g_autoptr(RcDatabase) database = rc_test_open_database (data_dir);
  g_autoptr(RcSurvey) survey = rc_test_load_all_types ();
  g_autoptr(RcResponseStore) store = rc_response_store_new (database);
  g_autoptr(GHashTable) multi = NULL;
  g_autoptr(GHashTable) scale = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *plan = NULL;

  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(RcResponse) response = make_complete_response (survey, "kk");
      g_autofree char *id = NULL;
      const char * const only_y[] = { "y", NULL };

      if (i == 4)
        {
          g_assert_true (rc_response_set_choices (response, "q_multi", only_y, NULL));
          g_assert_true (rc_response_set_number (response, "q_scale", 2, NULL));
        }
      id = rc_response_store_save (store, response, &error);
      g_assert_no_error (error);
    }

  multi = rc_response_store_count_answers (store, "all_types", "q_multi", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (multi), ==, 3);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (multi, "x")), ==, 4);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (multi, "z")), ==, 4);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (multi, "y")), ==, 1);

  scale = rc_response_store_count_answers (store, "all_types", "q_scale", &error);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (scale, "4")), ==, 4);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (scale, "2")), ==, 1);

  /* The counts come from the index, not from reading every response. */
  plan = rc_test_query_plan (database,
                             "SELECT a.value, count(*) FROM answers AS a "
                             "JOIN responses AS r ON r.id = a.response_id "
                             "WHERE a.question_id = 'q_multi' AND r.survey_id = 'all_types' "
                             "GROUP BY a.value");
  g_assert_nonnull (strstr (plan, "answers_by_question"));
}

/* A database as version 1 of the schema left it, with its identity. */
static void
test_store_migrates_old_database (void)
{
  g_autofree char *data_dir = rc_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (data_dir, RC_DATABASE_FILE_NAME, NULL);
  g_autoptr(RcDatabase) database = NULL;
  g_autoptr(RcSurvey) survey = rc_test_load_all_types ();
  g_autoptr(RcResponseStore) store = NULL;
  g_autoptr(RcResponse) response = NULL;
  g_autofree char *id = NULL;
  sqlite3 *handle = NULL;

  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle,
                                 "PRAGMA application_id = 1380145730;"
                                 "CREATE TABLE device (id INTEGER PRIMARY KEY CHECK (id = 1),"
                                 " device_id TEXT NOT NULL, created_at TEXT NOT NULL);"
                                 "INSERT INTO device VALUES (1, 'b5a3fd54-2f2b-4c57-9d8e-0e2c0b1fd7a1',"
                                 " '2026-01-01T00:00:00Z');"
                                 "PRAGMA user_version = 1;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);

  database = rc_test_open_database (data_dir);
  g_assert_cmpint (rc_database_get_schema_version (database), ==, rc_database_get_latest_version ());
  g_assert_cmpint (rc_database_get_latest_version (), >=, 2);
  g_assert_cmpstr (rc_database_get_device_id (database), ==, "b5a3fd54-2f2b-4c57-9d8e-0e2c0b1fd7a1");

  store = rc_response_store_new (database);
  response = make_complete_response (survey, "ru");
  id = rc_response_store_save (store, response, NULL);
  g_assert_nonnull (id);
}

static void
test_store_survives_kill (void)
{
  g_autofree char *data_dir = rc_test_make_temp_dir ();
  g_autofree char *helper = g_test_build_filename (G_TEST_BUILT, "rc-submit-loop", NULL);
  g_autofree char *survey_file = g_test_build_filename (G_TEST_DIST, "fixtures", "surveys",
                                                        "all-types.json", NULL);
  const char *argv[] = { helper, data_dir, survey_file, NULL };
  guint total_reported = 0;
  guint kills = rc_test_get_kills ();

  for (guint round = 0; round < kills; round++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RcDatabase) database = NULL;
      g_autofree char *integrity = NULL;
      /* Somewhere in the middle of a save, or between two. */
      g_auto(GStrv) reported = rc_test_kill_while_running (argv, 5000, 120000);

      database = rc_test_open_database (data_dir);
      integrity = rc_test_integrity_check (database);
      g_assert_cmpstr (integrity, ==, "ok");

      /* Everything she was told was saved is there... */
      for (guint i = 0; reported[i] != NULL; i++)
        {
          g_autoptr(RcResponseStore) store = rc_response_store_new (database);
          g_autoptr(JsonNode) row = rc_response_store_load (store, reported[i], &error);

          g_assert_no_error (error);
          g_assert_nonnull (row);
        }
      total_reported += g_strv_length (reported);

      /* ...and nothing is there by halves: each response has exactly its
       * answer rows, and no answer row is without its response. */
      g_assert_cmpint (rc_test_query_int (database,
                                  "SELECT count(*) FROM responses AS r WHERE "
                                  "(SELECT count(*) FROM answers AS a WHERE a.response_id = r.id) != "
                                  "(SELECT sum (CASE type WHEN 'array' THEN json_array_length (value) "
                                  "ELSE 1 END) FROM json_each (r.answers))"),
                       ==, 0);
      g_assert_cmpint (rc_test_query_int (database,
                                  "SELECT count(*) FROM answers WHERE response_id NOT IN "
                                  "(SELECT id FROM responses)"),
                       ==, 0);
    }

  g_test_message ("%u kills, %u responses reported saved", kills, total_reported);
  g_assert_cmpuint (total_reported, >, 0);
}

typedef struct
{
  char     *id;
  GError   *error;
  gboolean  done;
} Saved;

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  Saved *saved = user_data;

  saved->id = rc_response_store_save_finish (RC_RESPONSE_STORE (source), result, &saved->error);
  saved->done = TRUE;
}

static void
wait_for_save (Saved *saved)
{
  while (!saved->done)
    g_main_context_iteration (NULL, TRUE);
}

/* While another program writes, the kiosk's save waits beside its window:
 * the caller's loop goes on, and the response is saved, whole and once,
 * as it was when handed over, as soon as the database is free. */
static void
test_store_save_async (void)
{
  g_autofree char *data_dir = rc_test_make_temp_dir ();
  g_autoptr(RcDatabase) database = rc_test_open_database (data_dir);
  g_autoptr(RcDatabase) other = rc_test_open_database (data_dir);
  g_autoptr(RcSurvey) survey = rc_test_load_all_types ();
  g_autoptr(RcResponseStore) store = rc_response_store_new (database);
  g_autoptr(RcResponse) response = make_complete_response (survey, "ru");
  g_autoptr(JsonNode) expected = rc_response_dup_answers (response);
  g_autoptr(JsonNode) loaded = NULL;
  g_autoptr(GError) error = NULL;
  Saved saved = { 0 };
  JsonObject *object;

  g_assert_true (rc_database_exec (other, "BEGIN IMMEDIATE", &error));
  g_assert_no_error (error);

  rc_response_store_save_async (store, response, NULL, on_saved, &saved);
  /* Changed after it was handed over: what was handed over is saved. */
  g_assert_true (rc_response_set_text (response, "q_long", "changed later", NULL));
  rc_test_run_loop_for (300);
  g_assert_false (saved.done);
  g_assert_cmpint (rc_response_store_count (store, NULL, NULL), ==, 0);

  g_assert_true (rc_database_exec (other, "COMMIT", &error));
  wait_for_save (&saved);
  g_assert_no_error (saved.error);
  g_assert_true (g_uuid_string_is_valid (saved.id));

  loaded = rc_response_store_load (store, saved.id, &error);
  g_assert_no_error (error);
  object = json_node_get_object (loaded);
  g_assert_cmpstr (json_object_get_string_member (object, "language"), ==, "ru");
  g_assert_cmpstr (json_object_get_string_member (object, "device_id"), ==,
                   rc_database_get_device_id (database));
  g_assert_true (json_node_equal (json_object_get_member (object, "answers"), expected));
  g_assert_cmpint (rc_response_store_count (store, NULL, NULL), ==, 1);
  g_assert_cmpint (rc_test_query_int (database,
                                      "SELECT count(*) FROM answers WHERE value = 'changed later'"),
                   ==, 0);

  g_free (saved.id);
}

/* She pressed Send and the app is ending, while another program writes:
 * the wait before its end lasts until her response is saved. */
static void
test_store_save_waited_for (void)
{
  g_autofree char *data_dir = rc_test_make_temp_dir ();
  g_autoptr(RcDatabase) database = rc_test_open_database (data_dir);
  g_autoptr(RcDatabase) other = rc_test_open_database (data_dir);
  g_autoptr(RcSurvey) survey = rc_test_load_all_types ();
  g_autoptr(RcResponseStore) store = rc_response_store_new (database);
  g_autoptr(RcResponse) response = make_complete_response (survey, "kk");
  g_autoptr(GError) error = NULL;
  GThread *committer;

  g_assert_true (rc_database_exec (other, "BEGIN IMMEDIATE", &error));
  g_assert_no_error (error);

  rc_response_store_save_async (store, response, NULL, NULL, NULL);
  committer = rc_test_commit_later (other);
  rc_database_wait_for_writes (database);
  g_assert_cmpint (rc_test_query_int (database, "SELECT count(*) FROM responses"), ==, 1);
  g_thread_join (committer);

  /* Nothing in flight: no wait at all. */
  rc_database_wait_for_writes (database);
}

/* An incomplete response is refused at once, and nothing is written. A
 * caller that no longer wants to hear is told so, but the response it
 * handed over is still saved: she pressed Send. */
static void
test_store_save_async_refuses_and_cancels (void)
{
  g_autofree char *data_dir = rc_test_make_temp_dir ();
  g_autoptr(RcDatabase) database = rc_test_open_database (data_dir);
  g_autoptr(RcSurvey) survey = rc_test_load_all_types ();
  g_autoptr(RcResponseStore) store = rc_response_store_new (database);
  g_autoptr(RcResponse) incomplete = rc_response_new (survey, "kk");
  g_autoptr(RcResponse) response = make_complete_response (survey, "kk");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Saved refused = { 0 };
  Saved cancelled = { 0 };

  rc_response_store_save_async (store, incomplete, NULL, on_saved, &refused);
  wait_for_save (&refused);
  g_assert_null (refused.id);
  g_assert_error (refused.error, RC_RESPONSE_ERROR, RC_RESPONSE_ERROR_INCOMPLETE);
  g_assert_cmpint (rc_test_query_int (database, "SELECT count(*) FROM responses"), ==, 0);
  g_assert_cmpint (rc_test_query_int (database, "SELECT count(*) FROM surveys"), ==, 0);
  g_clear_error (&refused.error);

  rc_response_store_save_async (store, response, cancellable, on_saved, &cancelled);
  g_cancellable_cancel (cancellable);
  wait_for_save (&cancelled);
  g_assert_null (cancelled.id);
  g_assert_error (cancelled.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&cancelled.error);
  g_assert_cmpint (rc_response_store_count (store, NULL, NULL), ==, 1);
}

/* A stored definition is checked against its row at every read, though it
 * is parsed only once; a broken one is refused every time. */
static void
test_store_read_survey (void)
{
  g_autofree char *data_dir = rc_test_make_temp_dir ();
  g_autoptr(RcDatabase) database = rc_test_open_database (data_dir);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "surveys", "all-types.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RcSurvey) first = NULL;
  g_autoptr(RcSurvey) again = NULL;
  g_autoptr(RcSurvey) wrong = NULL;
  g_autofree char *text = NULL;
  gsize length;

  g_file_get_contents (path, &text, &length, &error);
  g_assert_no_error (error);

  first = rc_response_store_read_survey (database, "all_types", 3, text, length, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rc_survey_get_id (first), ==, "all_types");
  g_assert_nonnull (rc_survey_lookup_question (first, "c_chain"));

  again = rc_response_store_read_survey (database, "all_types", 3, text, length, &error);
  g_assert_no_error (error);
  g_assert_true (again == first);

  /* The same text kept under another version's row. */
  wrong = rc_response_store_read_survey (database, "all_types", 4, text, length, &error);
  g_assert_error (error, RC_DATABASE_ERROR, RC_DATABASE_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, "version 4 of the survey “all_types” is another one"));
  g_assert_nonnull (strstr (error->message, rc_database_get_path (database)));
  g_assert_null (wrong);
  g_clear_error (&error);

  /* Cut short, the first time or the next, or no survey at all: the
   * database is damaged, and the message says so, not that its file is a
   * survey definition gone wrong. */
  for (int i = 0; i < 3; i++)
    {
      const char *kept = i < 2 ? text : "{}";
      gsize kept_length = i < 2 ? length / 2 : 2;

      g_assert_null (rc_response_store_read_survey (database, "all_types", 3, kept, kept_length, &error));
      g_assert_error (error, RC_DATABASE_ERROR, RC_DATABASE_ERROR_DAMAGED);
      g_assert_nonnull (strstr (error->message, "version 3 of the survey “all_types” is not a valid survey definition"));
      g_assert_nonnull (strstr (error->message, rc_database_get_path (database)));
      g_clear_error (&error);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/round-trip", test_store_round_trip);
  g_test_add_func ("/store/keep-full-time", test_store_keep_full_time);
  g_test_add_func ("/store/refuses-incomplete", test_store_refuses_incomplete);
  g_test_add_func ("/store/save-async", test_store_save_async);
  g_test_add_func ("/store/save-waited-for", test_store_save_waited_for);
  g_test_add_func ("/store/save-async-refuses-and-cancels",
                   test_store_save_async_refuses_and_cancels);
  g_test_add_func ("/store/count-answers", test_store_count_answers);
  g_test_add_func ("/store/read-survey", test_store_read_survey);
  g_test_add_func ("/store/migrates-old-database", test_store_migrates_old_database);
  g_test_add_func ("/store/survives-kill", test_store_survives_kill);

  return g_test_run ();
}
