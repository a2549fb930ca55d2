/* test-erase.c: deleting every response and opinion for good
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "rc-backup.h"
#include "rc-erase.h"
#include "rc-pin.h"
#include "rc-response-store.h"
#include "rc-test-utils.h"

/* Written in a form that appears nowhere else in the database, so finding
 * its bytes in the files means an answer was left behind. */
#define SECRET_ANSWER "Көршім-естиді-7731"
#define SECRET_OPINION "Пікір-құпия-4410"

static void
save_secret_response (RcDatabase *database)
{
  g_autoptr(RcResponseStore) store = rc_response_store_new (database);
  g_autoptr(RcSurvey) survey = rc_test_load_all_types ();
  g_autoptr(RcResponse) response = rc_response_new (survey, "kk");
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  g_assert_true (rc_response_set_choice (response, "q_single", "c", NULL));
  g_assert_true (rc_response_set_choice (response, "q_yesno", "yes", NULL));
  g_assert_true (rc_response_set_text (response, "q_long", SECRET_ANSWER, NULL));
  id = rc_response_store_save (store, response, &error);
  g_assert_no_error (error);
}

static void
save_secret_opinion (RcDatabase *database)
{
  g_autoptr(GError) error = NULL;

  rc_database_exec (database,
                    "INSERT INTO opinions (id, post_group, language, text, submitted_at) "
                    "VALUES ('o1', 'authorised-officials', 'kk', '" SECRET_OPINION "', '2026-11-20')",
                    &error);
  g_assert_no_error (error);
}

/* Whether the file at @path holds @needle, in the clear. */
static gboolean
file_contains (const char *path,
               const char *needle)
{
  g_autofree char *contents = NULL;
  gsize length;
  gsize needle_length = strlen (needle);

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;
  /* The files hold NUL bytes, so no string search will do. */
  for (gsize at = 0; at + needle_length <= length; at++)
    if (memcmp (contents + at, needle, needle_length) == 0)
      return TRUE;
  return FALSE;
}

/* Whether any file of the database holds @needle. */
static gboolean
database_files_contain (const char *data_dir,
                        const char *needle)
{
  static const char * const suffixes[] = { "", "-wal", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (RC_DATABASE_FILE_NAME, suffixes[i], NULL);
      g_autofree char *path = g_build_filename (data_dir, name, NULL);

      if (file_contains (path, needle))
        return TRUE;
    }
  return FALSE;
}

static void
test_erase_all (void)
{
  g_autofree char *data_dir = rc_test_make_temp_dir ();
  g_autoptr(GError) error = NULL;
  g_autofree char *device_id = NULL;
  g_autoptr(GPtrArray) copies = NULL;
  gint64 n_responses = -1;
  gint64 n_opinions = -1;

  rc_test_seed_results (data_dir);
  {
    g_autoptr(RcDatabase) database = rc_test_open_database (data_dir);
    g_autoptr(RcPin) pin = rc_pin_new (database);

    save_secret_response (database);
    save_secret_opinion (database);
    g_assert_true (rc_pin_set (pin, "2468", &error));
    g_assert_no_error (error);
    device_id = g_strdup (rc_database_get_device_id (database));
    g_free (rc_backup_make (database, 7, &error));
    g_assert_no_error (error);
  }
  g_assert_true (database_files_contain (data_dir, SECRET_ANSWER));
  g_assert_true (database_files_contain (data_dir, SECRET_OPINION));

  /* The running app keeps its own connection open meanwhile, so the log is
   * not removed when the eraser's connection closes. */
  {
    g_autoptr(RcDatabase) app_connection = rc_test_open_database (data_dir);

    save_secret_response (app_connection);
    g_assert_true (rc_erase_answers (data_dir, &n_responses, &n_opinions, &error));
    g_assert_no_error (error);
    g_assert_cmpint (n_responses, ==, 8);
    g_assert_cmpint (n_opinions, ==, 1);

    /* Gone from the tables and from the bytes on disk, copies too... */
    g_assert_false (database_files_contain (data_dir, SECRET_ANSWER));
    g_assert_false (database_files_contain (data_dir, SECRET_OPINION));
    copies = rc_backup_list (data_dir);
    g_assert_cmpuint (copies->len, ==, 0);
  }
  {
    g_autoptr(RcDatabase) database = rc_test_open_database (data_dir);
    g_autoptr(RcPin) pin = rc_pin_new (database);
    g_autoptr(RcResponseStore) store = rc_response_store_new (database);

    g_assert_cmpint (rc_test_query_int (database, "SELECT count(*) FROM responses"), ==, 0);
    g_assert_cmpint (rc_test_query_int (database, "SELECT count(*) FROM answers"), ==, 0);
    g_assert_cmpint (rc_test_query_int (database, "SELECT count(*) FROM opinions"), ==, 0);

    /* ...while the kiosk stays set up: the same device, its PIN, the news. */
    g_assert_cmpstr (rc_database_get_device_id (database), ==, device_id);
    g_assert_true (rc_pin_check (pin, "2468", &error));
    g_assert_no_error (error);

    /* The next respondent's answers are kept as before. */
    save_secret_response (database);
    g_assert_cmpint (rc_response_store_count (store, NULL, &error), ==, 1);
    g_assert_no_error (error);
  }

  /* A second time there is nothing left to delete. */
  g_assert_true (rc_erase_answers (data_dir, &n_responses, &n_opinions, &error));
  g_assert_no_error (error);
  g_assert_cmpint (n_responses, ==, 1);
  g_assert_true (rc_erase_answers (data_dir, &n_responses, &n_opinions, &error));
  g_assert_cmpint (n_responses, ==, 0);
  g_assert_cmpint (n_opinions, ==, 0);
}

typedef struct {
  const char *data_dir;
  gint stop;
  gint n_copies;
} BackupLoop;

/* What the app's daily backup does, as often as it can. */
static gpointer
keep_backing_up (gpointer data)
{
  BackupLoop *loop = data;
  g_autoptr(RcDatabase) database = rc_test_open_database (loop->data_dir);

  while (!g_atomic_int_get (&loop->stop))
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *path = rc_backup_make (database, 3, &error);

      g_assert_no_error (error);
      g_atomic_int_inc (&loop->n_copies);
    }
  return NULL;
}

/* A copy that was being made while the answers were deleted must not
 * outlive the deletion with the answers in it. */
static void
test_erase_while_backing_up (void)
{
  g_autofree char *data_dir = rc_test_make_temp_dir ();
  BackupLoop loop = { data_dir, FALSE, 0 };
  g_autoptr(GThread) thread = NULL;

  rc_test_seed_results (data_dir);
  thread = g_thread_new ("backups", keep_backing_up, &loop);

  /* However busy the machine, deletions go on until copies have been made
   * all through them. */
  for (guint round = 0; round < 150 || g_atomic_int_get (&loop.n_copies) < 20; round++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) copies = NULL;
      gint64 n_responses;
      gint64 n_opinions;

      {
        g_autoptr(RcDatabase) database = rc_test_open_database (data_dir);

        save_secret_response (database);
      }
      g_assert_true (rc_erase_answers (data_dir, &n_responses, &n_opinions, &error));
      g_assert_no_error (error);

      /* A copy begun after the deletion may exist; none may hold the answer. */
      copies = rc_backup_list (data_dir);
      for (guint i = 0; i < copies->len; i++)
        if (file_contains (g_ptr_array_index (copies, i), SECRET_ANSWER))
          g_error ("Round %u: the copy %s kept a deleted answer", round,
                   (const char *)g_ptr_array_index (copies, i));
    }

  g_atomic_int_set (&loop.stop, TRUE);
  g_thread_join (g_steal_pointer (&thread));
  g_test_message ("%d copies made meanwhile", loop.n_copies);
}

/* A file that is not our database is never touched, let alone emptied. */
static void
test_erase_foreign_file (void)
{
  g_autofree char *data_dir = rc_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (data_dir, RC_DATABASE_FILE_NAME, NULL);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  static const char contents[] = "these are somebody's notes, not a database\n";
  gint64 n_responses = -1;
  gint64 n_opinions = -1;

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  g_assert_false (rc_erase_answers (data_dir, &n_responses, &n_opinions, &error));
  g_assert_error (error, RC_DATABASE_ERROR, RC_DATABASE_ERROR_NOT_A_DATABASE);
  g_assert_cmpint (n_responses, ==, 0);
  g_assert_cmpint (n_opinions, ==, 0);
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, contents);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/erase/all", test_erase_all);
  g_test_add_func ("/erase/while-backing-up", test_erase_while_backing_up);
  g_test_add_func ("/erase/foreign-file", test_erase_foreign_file);

  return g_test_run ();
}
