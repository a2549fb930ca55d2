/* test-backup.c: copies of the database, and going back to one when the
 * database is damaged
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <sys/file.h>
#include <sys/stat.h>

#include "rc-backup.h"
#include "rc-response-store.h"
#include "rc-test-utils.h"

static char *
database_path (const char *data_dir)
{
  return g_build_filename (data_dir, RC_DATABASE_FILE_NAME, NULL);
}

static guint
mode_of (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

/* Either SQLite notices when the file is opened, or the check at start
 * does: both name the file and call it damaged. */
static void
assert_damaged (const char *data_dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RcDatabase) database = rc_database_open (data_dir, &error);
  g_autofree char *path = database_path (data_dir);

  if (database != NULL)
    g_assert_false (rc_database_check (database, &error));
  g_assert_error (error, RC_DATABASE_ERROR, RC_DATABASE_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, path));
}

static void
test_backup_make_and_keep (void)
{
  g_autofree char *data_dir = rc_test_make_temp_dir ();
  g_autofree char *folder = g_build_filename (data_dir, RC_BACKUP_FOLDER_NAME, NULL);
  g_autoptr(RcDatabase) database = NULL;
  g_autoptr(GPtrArray) made = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) kept = NULL;
  g_autoptr(GError) error = NULL;
  mode_t old_umask;

  /* The modes must not depend on how the account is set up. */
  old_umask = umask (0);

  rc_test_save_response (data_dir, "kk");
  rc_test_save_response (data_dir, "ru");
  database = rc_test_open_database (data_dir);
  g_assert_true (rc_database_check (database, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < 4; i++)
    {
      char *path = rc_backup_make (database, 3, &error);
      g_autoptr(GDateTime) made_at = NULL;

      g_assert_no_error (error);
      g_assert_nonnull (path);
      g_ptr_array_add (made, path);
      /* The copy holds what the database held then, on its own. */
      g_assert_cmpint (rc_test_count_responses_in (path), ==, 2 + i);
      g_assert_cmpuint (mode_of (path), ==, 0600);
      made_at = rc_backup_get_time (path);
      g_assert_nonnull (made_at);
      rc_test_save_response (data_dir, "kk");
    }
  umask (old_umask);

  g_assert_cmpuint (mode_of (folder), ==, 0700);

  /* The three newest stay, newest first; the first copy is gone. */
  kept = rc_backup_list (data_dir);
  g_assert_cmpuint (kept->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpstr (g_ptr_array_index (kept, i), ==, g_ptr_array_index (made, 3 - i));
  g_assert_false (g_file_test (g_ptr_array_index (made, 0), G_FILE_TEST_EXISTS));

  /* Nothing half-written is left beside them. */
  g_assert_cmpuint (rc_test_count_entries (folder), ==, 3);

  g_assert_true (rc_backup_delete_all (data_dir, &error));
  g_assert_no_error (error);
  g_clear_pointer (&kept, g_ptr_array_unref);
  kept = rc_backup_list (data_dir);
  g_assert_cmpuint (kept->len, ==, 0);
}

/* A copy cut short, by a power cut or the app killed halfway, left its
 * temporary file, as large as the database, and its journal: the next copy
 * deletes them, and any a restore left beside the database, and keeps
 * what else is in the folders. */
static void
test_backup_cut_short (void)
{
  g_autofree char *data_dir = rc_test_make_temp_dir ();
  g_autofree char *folder = g_build_filename (data_dir, RC_BACKUP_FOLDER_NAME, NULL);
  g_autofree char *part = g_build_filename (folder, ".resource-center-Q7XK2M.part", NULL);
  g_autofree char *journal = g_strconcat (part, "-journal", NULL);
  g_autofree char *other = g_build_filename (folder, "notes.txt", NULL);
  /* A restore cut short leaves its file beside the database. */
  g_autofree char *restored = g_build_filename (data_dir, ".resource-center-H4TZ0B.part", NULL);
  /* Not the app's: a browser's download in a folder given by mistake. */
  g_autofree char *download = g_build_filename (data_dir, "report.pdf.part", NULL);
  g_autoptr(RcDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  rc_test_save_response (data_dir, "kk");
  database = rc_test_open_database (data_dir);
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (part, "SQLite format 3", -1, NULL));
  g_assert_true (g_file_set_contents (journal, "", -1, NULL));
  g_assert_true (g_file_set_contents (other, "kept", -1, NULL));
  g_assert_true (g_file_set_contents (restored, "SQLite format 3", -1, NULL));
  g_assert_true (g_file_set_contents (download, "%PDF", -1, NULL));

  path = rc_backup_make (database, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rc_test_count_responses_in (path), ==, 1);
  g_assert_false (g_file_test (part, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (rc_test_count_entries (folder), ==, 2);
  g_assert_false (g_file_test (restored, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (download, G_FILE_TEST_EXISTS));

  /* The journal of a copy holds pages of it, and a restore cut short a
   * whole database: gone with the copies when the answers are deleted. */
  g_assert_true (g_file_set_contents (journal, "", -1, NULL));
  g_assert_true (g_file_set_contents (restored, "SQLite format 3", -1, NULL));
  g_assert_true (rc_backup_delete_all (data_dir, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (restored, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (download, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (rc_test_count_entries (folder), ==, 1);
}

static gpointer
make_copy (gpointer data)
{
  g_autoptr(GError) error = NULL;
  char *path = rc_backup_make (data, 3, &error);

  g_assert_no_error (error);
  return path;
}

/* Another process copying into the folder, such as a second app started on
 * the same data folder, holds it: its file is not taken for a copy cut
 * short, and this copy waits for it. */
static void
test_backup_waits_for_other_copy (void)
{
  g_autofree char *data_dir = rc_test_make_temp_dir ();
  g_autofree char *folder = g_build_filename (data_dir, RC_BACKUP_FOLDER_NAME, NULL);
  g_autofree char *part = g_build_filename (folder, ".resource-center-W2PL9A.part", NULL);
  g_autoptr(RcDatabase) database = NULL;
  g_autoptr(GPtrArray) copies = NULL;
  g_autofree char *path = NULL;
  GThread *thread;
  int fd;

  rc_test_save_response (data_dir, "ru");
  database = rc_test_open_database (data_dir);
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  fd = open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  g_assert_cmpint (flock (fd, LOCK_EX), ==, 0);
  g_assert_true (g_file_set_contents (part, "SQLite format 3", -1, NULL));

  thread = g_thread_new ("copy", make_copy, database);
  g_usleep (G_USEC_PER_SEC / 5);
  g_assert_true (g_file_test (part, G_FILE_TEST_EXISTS));
  copies = rc_backup_list (data_dir);
  g_assert_cmpuint (copies->len, ==, 0);

  /* The other process ends, whatever became of its copy. */
  g_close (fd, NULL);
  path = g_thread_join (thread);
  g_assert_cmpint (rc_test_count_responses_in (path), ==, 1);
  g_assert_false (g_file_test (part, G_FILE_TEST_EXISTS));
}

/* The database is damaged: it is set aside, with its log, and the newest
 * copy takes its place. */
static void
test_backup_restore (void)
{
  g_autofree char *data_dir = rc_test_make_temp_dir ();
  g_autofree char *path = database_path (data_dir);
  g_autofree char *damaged = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *aside_contents = NULL;
  g_autofree char *backup = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  rc_test_seed_results (data_dir);
  {
    g_autoptr(RcDatabase) database = rc_test_open_database (data_dir);

    backup = rc_backup_make (database, 7, &error);
    g_assert_no_error (error);
  }
  rc_test_save_response (data_dir, "kk");

  rc_test_damage_database (data_dir);
  assert_damaged (data_dir);

  /* A copy of a damaged database is refused, and says what is damaged. */
  {
    g_autoptr(RcDatabase) database = rc_test_open_database (data_dir);
    g_autoptr(GPtrArray) copies = NULL;

    g_assert_null (rc_backup_make (database, 7, &error));
    g_assert_error (error, RC_DATABASE_ERROR, RC_DATABASE_ERROR_DAMAGED);
    g_assert_nonnull (strstr (error->message, path));
    g_clear_error (&error);
    copies = rc_backup_list (data_dir);
    g_assert_cmpuint (copies->len, ==, 1);
  }
  g_assert_true (g_file_get_contents (path, &damaged, &length, NULL));

  g_assert_true (rc_backup_restore (data_dir, backup, &aside, &error));
  g_assert_no_error (error);

  /* The damaged file is kept, byte for byte, under a name of its own. */
  g_assert_nonnull (aside);
  g_assert_true (g_str_has_prefix (aside, data_dir));
  g_assert_true (g_file_get_contents (aside, &aside_contents, NULL, NULL));
  g_assert_true (memcmp (aside_contents, damaged, length) == 0);

  /* The copy is in its place and sound; what came after it is not. */
  {
    g_autoptr(RcDatabase) database = rc_test_open_database (data_dir);

    g_assert_true (rc_database_check (database, &error));
    g_assert_no_error (error);
    g_assert_cmpint (rc_test_query_int (database, "SELECT count(*) FROM responses"), ==, 6);
  }
  g_assert_cmpuint (mode_of (path), ==, 0600);
}

/* With no copy, the centre can still go on, with an empty database. */
static void
test_backup_restore_empty (void)
{
  g_autofree char *data_dir = rc_test_make_temp_dir ();
  g_autofree char *aside = NULL;
  g_autoptr(GError) error = NULL;

  rc_test_seed_results (data_dir);
  rc_test_damage_database (data_dir);

  g_assert_true (rc_backup_restore (data_dir, NULL, &aside, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (aside, G_FILE_TEST_IS_REGULAR));
  {
    g_autoptr(RcDatabase) database = rc_test_open_database (data_dir);

    g_assert_cmpint (rc_test_query_int (database, "SELECT count(*) FROM responses"), ==, 0);
  }
}

/* A copy that is itself damaged changes nothing at all. */
static void
test_backup_restore_bad_copy (void)
{
  g_autofree char *data_dir = rc_test_make_temp_dir ();
  g_autofree char *path = database_path (data_dir);
  g_autofree char *bad_copy = g_build_filename (data_dir, "not-a-copy.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *aside = NULL;
  g_autoptr(GError) error = NULL;

  rc_test_save_response (data_dir, "ru");
  g_assert_true (g_file_set_contents (bad_copy, "SQLite format 3\0 and then nothing", 34, NULL));
  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));

  g_assert_false (rc_backup_restore (data_dir, bad_copy, &aside, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, bad_copy));
  g_assert_null (aside);

  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);
  /* The database and the bad copy, nothing set aside or half-written. */
  g_assert_cmpuint (rc_test_count_entries (data_dir), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/backup/make-and-keep", test_backup_make_and_keep);
  g_test_add_func ("/backup/cut-short", test_backup_cut_short);
  g_test_add_func ("/backup/waits-for-other-copy", test_backup_waits_for_other_copy);
  g_test_add_func ("/backup/restore", test_backup_restore);
  g_test_add_func ("/backup/restore-empty", test_backup_restore_empty);
  g_test_add_func ("/backup/restore-bad-copy", test_backup_restore_bad_copy);

  return g_test_run ();
}
