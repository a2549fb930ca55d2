/* test-database.c
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "rc-database.h"
#include "rc-test-utils.h"

static char *
query_text (RcDatabase *db,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *result;

  g_assert_cmpint (sqlite3_prepare_v2 (rc_database_get_handle (db), sql, -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  result = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  return result;
}

/* Makes an SQLite file the way another program (or a future version of
 * ours) would, bypassing RcDatabase. */
static void
write_sqlite_file (const char *path,
                   const char *sql)
{
  sqlite3 *handle = NULL;

  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);
}

static void
assert_file_unchanged (const char *path,
                       const char *contents,
                       gsize       length)
{
  g_autofree char *now = NULL;
  gsize now_length = 0;

  g_assert_true (g_file_get_contents (path, &now, &now_length, NULL));
  g_assert_cmpmem (now, now_length, contents, length);
}

static void
assert_no_sidecar_files (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);

  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
}

/* Opening must fail with @domain and @code, name @path, and leave the file
 * there exactly as it was, with no journal beside it. */
static void
assert_open_refused (const char *data_dir,
                     const char *path,
                     GQuark      domain,
                     int         code)
{
  g_autoptr(RcDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &before, &length, NULL));

  db = rc_database_open (data_dir, &error);
  g_assert_null (db);
  g_assert_error (error, domain, code);
  g_assert_nonnull (strstr (error->message, path));
  g_test_message ("%s", error->message);

  assert_file_unchanged (path, before, length);
  assert_no_sidecar_files (path);
}

static void
test_database_creates_private_folder (void)
{
  g_autofree char *tmp = rc_test_make_temp_dir ();
  g_autofree char *data_dir = g_build_filename (tmp, "nested", "resource-center", NULL);
  g_autofree char *path = g_build_filename (data_dir, RC_DATABASE_FILE_NAME, NULL);
  g_autofree char *wal_path = g_strconcat (path, "-wal", NULL);
  g_autoptr(RcDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;
  mode_t old_umask;

  /* Whatever the account's umask lets through. */
  old_umask = umask (0);
  db = rc_database_open (data_dir, &error);
  umask (old_umask);
  g_assert_no_error (error);
  g_assert_nonnull (db);

  g_assert_cmpstr (rc_database_get_path (db), ==, path);
  g_assert_cmpstr (rc_database_get_data_dir (db), ==, data_dir);

  g_assert_cmpint (g_stat (data_dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (wal_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_clear_object (&db);

  /* A folder others could read, made by hand or by something else, is
   * closed to them before anything is written in it. */
  g_assert_cmpint (g_chmod (data_dir, 0755), ==, 0);
  db = rc_database_open (data_dir, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (data_dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
}

static void
test_database_settings (void)
{
  g_autofree char *data_dir = rc_test_make_temp_dir ();
  g_autoptr(RcDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *journal_mode = NULL;
  g_autofree char *foreign_keys = NULL;
  g_autofree char *synchronous = NULL;
  g_autofree char *user_version = NULL;
  g_autofree char *expected_version = NULL;

  db = rc_database_open (data_dir, &error);
  g_assert_no_error (error);

  journal_mode = query_text (db, "PRAGMA journal_mode");
  foreign_keys = query_text (db, "PRAGMA foreign_keys");
  synchronous = query_text (db, "PRAGMA synchronous");
  user_version = query_text (db, "PRAGMA user_version");
  expected_version = g_strdup_printf ("%d", rc_database_get_latest_version ());

  g_assert_cmpstr (journal_mode, ==, "wal");
  g_assert_cmpstr (foreign_keys, ==, "1");
  g_assert_cmpstr (synchronous, ==, "2"); /* FULL */
  g_assert_cmpstr (user_version, ==, expected_version);
  g_assert_cmpint (rc_database_get_schema_version (db), ==, rc_database_get_latest_version ());
}

static void
test_database_reopen_keeps_identity (void)
{
  g_autofree char *data_dir = rc_test_make_temp_dir ();
  g_autoptr(RcDatabase) first = NULL;
  g_autoptr(RcDatabase) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *device_id = NULL;

  first = rc_database_open (data_dir, &error);
  g_assert_no_error (error);
  device_id = g_strdup (rc_database_get_device_id (first));
  g_assert_true (g_uuid_string_is_valid (device_id));
  g_clear_object (&first);

  /* A second installation has an identity of its own. */
  {
    g_autofree char *other_dir = rc_test_make_temp_dir ();
    g_autoptr(RcDatabase) other = rc_database_open (other_dir, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (rc_database_get_device_id (other), !=, device_id);
  }

  second = rc_database_open (data_dir, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rc_database_get_device_id (second), ==, device_id);
  g_assert_cmpint (rc_database_get_schema_version (second), ==, rc_database_get_latest_version ());
}

/* An export, or a coordinator's window, opens the database while the kiosk
 * may be in the middle of saving a response. */
static void
test_database_opens_while_another_writes (void)
{
  g_autofree char *data_dir = rc_test_make_temp_dir ();
  g_autoptr(RcDatabase) kiosk = NULL;
  g_autoptr(RcDatabase) reader = NULL;
  g_autoptr(GError) error = NULL;

  kiosk = rc_database_open (data_dir, &error);
  g_assert_no_error (error);
  g_assert_true (rc_database_exec (kiosk, "BEGIN IMMEDIATE", &error));
  g_assert_no_error (error);

  reader = rc_database_open (data_dir, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rc_database_get_device_id (reader), ==, rc_database_get_device_id (kiosk));
  g_assert_cmpint (rc_database_get_schema_version (reader), ==, rc_database_get_latest_version ());

  g_assert_true (rc_database_exec (kiosk, "COMMIT", &error));
  g_assert_no_error (error);
}

static void
test_database_data_dir_is_a_file (void)
{
  g_autofree char *tmp = rc_test_make_temp_dir ();
  g_autofree char *file = g_build_filename (tmp, "notes.txt", NULL);
  static const char contents[] = "not a folder";
  g_autoptr(RcDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (file, contents, -1, NULL));

  db = rc_database_open (file, &error);
  g_assert_null (db);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY);
  g_assert_nonnull (strstr (error->message, file));

  assert_file_unchanged (file, contents, strlen (contents));
}

static void
test_database_data_dir_cannot_be_created (void)
{
  g_autofree char *tmp = rc_test_make_temp_dir ();
  g_autofree char *file = g_build_filename (tmp, "notes.txt", NULL);
  g_autofree char *below_file = g_build_filename (file, "resource-center", NULL);
  g_autoptr(RcDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (file, "x", -1, NULL));

  db = rc_database_open (below_file, &error);
  g_assert_null (db);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY);
  g_assert_nonnull (strstr (error->message, below_file));
}

static void
test_database_data_dir_not_writable (void)
{
  g_autofree char *tmp = rc_test_make_temp_dir ();
  g_autofree char *data_dir = g_build_filename (tmp, "read-only", NULL);
  g_autoptr(RcDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  if (geteuid () == 0)
    {
      g_test_skip ("The superuser can write to any folder");
      return;
    }

  g_assert_cmpint (g_mkdir (data_dir, 0500), ==, 0);

  db = rc_database_open (data_dir, &error);
  g_assert_null (db);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_assert_nonnull (strstr (error->message, data_dir));

  g_chmod (data_dir, 0700);
}

static void
test_database_not_a_database (void)
{
  g_autofree char *data_dir = rc_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (data_dir, RC_DATABASE_FILE_NAME, NULL);

  g_assert_true (g_file_set_contents (path, "Respondent notes, typed by hand.\n", -1, NULL));

  assert_open_refused (data_dir, path, RC_DATABASE_ERROR, RC_DATABASE_ERROR_NOT_A_DATABASE);
}

static void
test_database_damaged (void)
{
  g_autofree char *data_dir = rc_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (data_dir, RC_DATABASE_FILE_NAME, NULL);
  g_autofree char *contents = NULL;
  gsize length;

  /* A real database whose first page was overwritten past the header, as a
   * failing disk might leave it. */
  write_sqlite_file (path, "CREATE TABLE t (x); INSERT INTO t VALUES (1);");
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 200);
  memset (contents + 100, 0xA5, length - 100);
  g_assert_true (g_file_set_contents (path, contents, length, NULL));

  /* Told apart from a file that never was a database: a damaged one can be
   * set aside for a copy. */
  assert_open_refused (data_dir, path, RC_DATABASE_ERROR, RC_DATABASE_ERROR_DAMAGED);
}

static void
test_database_too_new (void)
{
  g_autofree char *data_dir = rc_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (data_dir, RC_DATABASE_FILE_NAME, NULL);
  g_autoptr(GError) error = NULL;

  /* As a later version of the app would leave it: ours, but newer. */
  {
    g_autoptr(RcDatabase) current = rc_database_open (data_dir, &error);
    g_assert_no_error (error);
    g_assert_nonnull (current);
  }
  write_sqlite_file (path, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 999;");

  assert_open_refused (data_dir, path, RC_DATABASE_ERROR, RC_DATABASE_ERROR_TOO_NEW);
}

static void
test_database_foreign (void)
{
  g_autofree char *data_dir = rc_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (data_dir, RC_DATABASE_FILE_NAME, NULL);

  write_sqlite_file (path, "CREATE TABLE contacts (name TEXT); "
                           "INSERT INTO contacts VALUES ('someone');");

  assert_open_refused (data_dir, path, RC_DATABASE_ERROR, RC_DATABASE_ERROR_FOREIGN);
}

static void
test_database_empty_file_is_initialised (void)
{
  g_autofree char *data_dir = rc_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (data_dir, RC_DATABASE_FILE_NAME, NULL);
  g_autoptr(RcDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  /* What a power cut right after the first start can leave behind. */
  g_assert_true (g_file_set_contents (path, "", 0, NULL));

  db = rc_database_open (data_dir, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rc_database_get_schema_version (db), ==, rc_database_get_latest_version ());
}

/* Reading opens only what is there, and makes nothing. */
static void
test_database_open_existing (void)
{
  g_autofree char *tmp = rc_test_make_temp_dir ();
  g_autofree char *missing = g_build_filename (tmp, "missing", NULL);
  g_autofree char *empty = g_build_filename (tmp, "empty", NULL);
  g_autofree char *file = g_build_filename (tmp, "file", NULL);
  g_autoptr(RcDatabase) db = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_null (rc_database_open_existing (missing, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, missing));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_assert_cmpint (g_mkdir (empty, 0700), ==, 0);
  g_assert_null (rc_database_open_existing (empty, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, empty));
  dir = g_dir_open (empty, 0, NULL);
  g_assert_null (g_dir_read_name (dir));
  g_clear_error (&error);

  /* A file for a folder is refused as rc_database_open() refuses it. */
  g_assert_true (g_file_set_contents (file, "keep me", -1, NULL));
  g_assert_null (rc_database_open_existing (file, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY);
  g_clear_error (&error);

  db = rc_database_open (empty, &error);
  g_assert_no_error (error);
  g_clear_object (&db);
  db = rc_database_open_existing (empty, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rc_database_get_data_dir (db), ==, empty);
}

/* Threads of one round: they open the same new folder as soon as all
 * are ready. */
typedef struct
{
  const char *data_dir;
  GMutex      lock;
  GCond       ready;
  guint       n_waiting;
  gboolean    go;
} OpenRound;

static gpointer
open_when_all_ready (gpointer data)
{
  OpenRound *round = data;
  g_autoptr(RcDatabase) db = NULL;
  GError *error = NULL;

  g_mutex_lock (&round->lock);
  round->n_waiting++;
  g_cond_broadcast (&round->ready);
  while (!round->go)
    g_cond_wait (&round->ready, &round->lock);
  g_mutex_unlock (&round->lock);

  db = rc_database_open (round->data_dir, &error);
  return error;
}

#define N_AT_ONCE 6
#define N_ROUNDS 40

/* The kiosk starting for the first time and a coordinator's merge, or two
 * scripts, may open a new data folder at the same moment. Whichever comes
 * second uses the database the first made: it never calls it "another
 * program's", finds it "already there", nor fails as locked. SQLite locks
 * connections of one process as it locks processes. */
static void
test_database_first_open_at_once (void)
{
  for (guint r = 0; r < N_ROUNDS; r++)
    {
      g_autofree char *data_dir = rc_test_make_temp_dir ();
      OpenRound round = { data_dir };
      GThread *threads[N_AT_ONCE];

      g_mutex_init (&round.lock);
      g_cond_init (&round.ready);
      for (guint i = 0; i < N_AT_ONCE; i++)
        threads[i] = g_thread_new ("open", open_when_all_ready, &round);

      g_mutex_lock (&round.lock);
      while (round.n_waiting < N_AT_ONCE)
        g_cond_wait (&round.ready, &round.lock);
      round.go = TRUE;
      g_cond_broadcast (&round.ready);
      g_mutex_unlock (&round.lock);

      for (guint i = 0; i < N_AT_ONCE; i++)
        {
          g_autoptr(GError) error = g_thread_join (threads[i]);

          g_assert_no_error (error);
        }
      g_mutex_clear (&round.lock);
      g_cond_clear (&round.ready);
    }
}

int
main (int   argc,
      char *argv[])
{
  /* tests/virtual-session gives the test a home of its own; GLib 2.74 leaks
   * the folders of G_TEST_OPTION_ISOLATE_DIRS, which LeakSanitizer reports. */
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/database/creates-private-folder", test_database_creates_private_folder);
  g_test_add_func ("/database/settings", test_database_settings);
  g_test_add_func ("/database/reopen-keeps-identity", test_database_reopen_keeps_identity);
  g_test_add_func ("/database/opens-while-another-writes", test_database_opens_while_another_writes);
  g_test_add_func ("/database/data-dir-is-a-file", test_database_data_dir_is_a_file);
  g_test_add_func ("/database/data-dir-cannot-be-created", test_database_data_dir_cannot_be_created);
  g_test_add_func ("/database/data-dir-not-writable", test_database_data_dir_not_writable);
  g_test_add_func ("/database/not-a-database", test_database_not_a_database);
  g_test_add_func ("/database/damaged", test_database_damaged);
  g_test_add_func ("/database/too-new", test_database_too_new);
  g_test_add_func ("/database/foreign", test_database_foreign);
  g_test_add_func ("/database/empty-file-is-initialised", test_database_empty_file_is_initialised);
  g_test_add_func ("/database/first-open-at-once", test_database_first_open_at_once);
  g_test_add_func ("/database/open-existing", test_database_open_existing);

  return g_test_run ();
}
