/* rc-backup.c: copies of the database kept in the data folder, and going
 * back to one
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/file.h>

#include "rc-backup.h"

#define BACKUP_PREFIX "resource-center-"
#define BACKUP_SUFFIX ".db"
#define SET_ASIDE_PREFIX "resource-center-damaged-"
#define TEMPORARY_PREFIX ".resource-center-"
#define TEMPORARY_SUFFIX ".part"

static char *
backup_folder (const char *data_dir)
{
  return g_build_filename (data_dir, RC_BACKUP_FOLDER_NAME, NULL);
}

/* "20261129-085500": sorts as it happened, whatever the locale. */
static char *
time_stamp (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y%m%d-%H%M%S");
}

/* @folder/@prefix@stamp@suffix, or with -2, -3… when that is taken: a
 * copy is never written over another. */
static char *
free_name (const char *folder,
           const char *prefix,
           const char *suffix)
{
  g_autofree char *stamp = time_stamp ();

  for (guint n = 1;; n++)
    {
      g_autofree char *name = n == 1 ? g_strconcat (prefix, stamp, suffix, NULL)
                                     : g_strdup_printf ("%s%s-%u%s", prefix, stamp, n, suffix);
      char *path = g_build_filename (folder, name, NULL);

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        return path;
      g_free (path);
    }
}

/* Names the database that was being copied and where to, never the
 * temporary file, which is gone by the time anyone reads the message. A
 * database SQLite finds malformed is damaged, whichever side it was on. */
static gboolean
copy_failed (const char  *source_name,
             const char  *folder,
             int          rc,
             const char  *detail,
             GError     **error)
{
  if (rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB)
    g_set_error (error, RC_DATABASE_ERROR, RC_DATABASE_ERROR_DAMAGED,
                 _("“%s” is damaged; it was left as it is"), source_name);
  else
    g_set_error (error, RC_DATABASE_ERROR, RC_DATABASE_ERROR_FAILED,
                 _("Cannot copy “%s” into “%s”: %s"), source_name, folder,
                 detail != NULL ? detail : sqlite3_errstr (rc));
  return FALSE;
}

/* Copies @source, the database @source_name, page by page into a new file
 * in @folder, checks the copy and returns the temporary name it has until
 * the caller renames it. */
static char *
copy_database (sqlite3     *source,
               const char  *source_name,
               const char  *folder,
               GError     **error)
{
  g_autofree char *temp_path = g_build_filename (folder, TEMPORARY_PREFIX "XXXXXX" TEMPORARY_SUFFIX, NULL);
  sqlite3_backup *backup;
  sqlite3_stmt *stmt = NULL;
  sqlite3 *copy = NULL;
  gboolean ok = FALSE;
  int fd;
  int rc;

  fd = g_mkstemp_full (temp_path, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int errsv = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   _("Cannot write a copy of the database in “%s”: %s"),
                   folder, g_strerror (errsv));
      return NULL;
    }
  g_close (fd, NULL);

  rc = sqlite3_open_v2 (temp_path, &copy, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL);
  if (rc != SQLITE_OK)
    {
      copy_failed (source_name, folder, rc, NULL, error);
      goto out;
    }

  /* The whole file in one step: a reader in WAL mode sees one snapshot,
   * whatever the kiosk saves meanwhile. */
  backup = sqlite3_backup_init (copy, "main", source, "main");
  if (backup == NULL)
    {
      copy_failed (source_name, folder, sqlite3_errcode (copy), sqlite3_errmsg (copy), error);
      goto out;
    }
  rc = sqlite3_backup_step (backup, -1);
  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    {
      copy_failed (source_name, folder, rc, sqlite3_errmsg (copy), error);
      goto out;
    }

  /* A copy is one file, readable on its own. */
  rc = sqlite3_exec (copy, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (copy, "PRAGMA integrity_check (1)", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      copy_failed (source_name, folder, rc, sqlite3_errmsg (copy), error);
      goto out;
    }
  /* The pages are copied as they are: a copy that fails its check is a
   * copy of a damaged database. */
  if (g_strcmp0 ((const char *)sqlite3_column_text (stmt, 0), "ok") != 0)
    {
      g_debug ("The check of a copy of %s found: %s", source_name,
               (const char *)sqlite3_column_text (stmt, 0));
      copy_failed (source_name, folder, SQLITE_CORRUPT, NULL, error);
      goto out;
    }

  ok = TRUE;

out:
  sqlite3_finalize (stmt);
  if (sqlite3_close (copy) != SQLITE_OK && ok)
    ok = copy_failed (source_name, folder, SQLITE_IOERR, sqlite3_errmsg (copy), error);
  if (!ok)
    {
      g_unlink (temp_path);
      return NULL;
    }
  return g_steal_pointer (&temp_path);
}

static gboolean
rename_into_place (const char  *from,
                   const char  *to,
                   GError     **error)
{
  if (g_rename (from, to) != 0)
    {
      int errsv = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   _("Cannot rename “%s” to “%s”: %s"), from, to, g_strerror (errsv));
      g_unlink (from);
      return FALSE;
    }
  return TRUE;
}

static gboolean
is_backup_name (const char *name)
{
  return g_str_has_prefix (name, BACKUP_PREFIX) &&
         g_str_has_suffix (name, BACKUP_SUFFIX) &&
         !g_str_has_prefix (name, SET_ASIDE_PREFIX);
}

/* A copy's name while it is written, or its journal's: only the app's
 * own, never another's file in a folder given by mistake. */
static gboolean
is_temporary_name (const char *name)
{
  gsize length = strlen (TEMPORARY_PREFIX "XXXXXX" TEMPORARY_SUFFIX);

  return g_str_has_prefix (name, TEMPORARY_PREFIX) &&
         ((strlen (name) == length && g_str_has_suffix (name, TEMPORARY_SUFFIX)) ||
          (strlen (name) == length + strlen ("-journal") && g_str_has_suffix (name, TEMPORARY_SUFFIX "-journal")));
}

/* "20261129-085500" and the -N of a second copy in the same second, so
 * that copies sort in the order they were made. */
static void
order_of (const char *path,
          guint64    *stamp,
          guint      *n)
{
  g_autofree char *name = g_path_get_basename (path);
  guint date = 0, time = 0;

  *n = 1;
  if (sscanf (name, BACKUP_PREFIX "%8u-%6u-%u", &date, &time, n) < 2)
    date = time = 0;
  *stamp = (guint64)date * 1000000 + time;
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  guint64 stamp_a, stamp_b;
  guint n_a, n_b;

  order_of (*(const char * const *)a, &stamp_a, &n_a);
  order_of (*(const char * const *)b, &stamp_b, &n_b);
  if (stamp_a != stamp_b)
    return stamp_a < stamp_b ? 1 : -1;
  return n_a == n_b ? 0 : n_a < n_b ? 1 : -1;
}

/**
 * rc_backup_list:
 * @data_dir: the data folder
 *
 * Returns: (transfer full) (element-type filename): the paths of the
 *   copies in the data folder's backups folder, the newest first
 */
GPtrArray *
rc_backup_list (const char *data_dir)
{
  g_autofree char *folder = NULL;
  g_autoptr(GDir) dir = NULL;
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_return_val_if_fail (data_dir != NULL, paths);

  folder = backup_folder (data_dir);
  if (!(dir = g_dir_open (folder, 0, NULL)))
    return paths;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (is_backup_name (name))
      g_ptr_array_add (paths, g_build_filename (folder, name, NULL));

  g_ptr_array_sort (paths, compare_newest_first);
  return paths;
}

/**
 * rc_backup_get_time:
 * @path: a copy from rc_backup_list()
 *
 * Returns: (transfer full) (nullable): when the copy was made, in UTC
 */
GDateTime *
rc_backup_get_time (const char *path)
{
  g_autofree char *name = g_path_get_basename (path);
  int year, month, day, hour, minute, second;

  if (sscanf (name, BACKUP_PREFIX "%4d%2d%2d-%2d%2d%2d", &year, &month, &day,
              &hour, &minute, &second) != 6)
    return NULL;

  return g_date_time_new_utc (year, month, day, hour, minute, second);
}

/* Held on the backups folder while a copy is made and while all copies
 * are deleted, by whichever thread or process does it (each opens the
 * folder anew, and flock() keeps each open apart): a copy begun before the
 * answers were deleted must not be renamed into place after its folder was
 * emptied, nor lose its file halfway. The system lets go of it when the
 * process ends, however it ends. Returns the folder's descriptor to close,
 * or -1 with @error set. */
static int
lock_folder (const char  *folder,
             GError     **error)
{
  int fd = open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  int errsv;

  if (fd >= 0)
    {
      while (flock (fd, LOCK_EX) != 0)
        if (errno != EINTR)
          goto failed;
      return fd;
    }

failed:
  errsv = errno;
  if (fd >= 0)
    g_close (fd, NULL);
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
               _("Cannot lock the folder “%s”: %s"), folder, g_strerror (errsv));
  return -1;
}

/* Deletes what copies cut short left in @folder, and with @copies the
 * copies too. With the folder locked, a temporary file in it is what a
 * copy cut short left, by a power cut or the app killed halfway: as large
 * as the database, and never of use. */
static gboolean
delete_in_folder (const char  *folder,
                  gboolean     copies,
                  GError     **error)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;

      if (!(copies && is_backup_name (name)) && !is_temporary_name (name))
        continue;

      path = g_build_filename (folder, name, NULL);
      if (g_unlink (path) != 0)
        {
          int errsv = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                       _("Cannot delete the copy “%s”: %s"), path, g_strerror (errsv));
          return FALSE;
        }
    }

  return TRUE;
}

/* delete_in_folder() with @folder locked meanwhile. */
static gboolean
delete_locked (const char  *folder,
               gboolean     copies,
               GError     **error)
{
  int folder_fd = lock_folder (folder, error);
  gboolean deleted;

  if (folder_fd < 0)
    return FALSE;
  deleted = delete_in_folder (folder, copies, error);
  g_close (folder_fd, NULL);

  return deleted;
}

/**
 * rc_backup_make:
 * @database: the database to copy, through a connection of its own
 * @keep: how many copies to keep, this one included
 * @error: a location for a #GError
 *
 * Copies the database with SQLite's online backup, while the kiosk may go
 * on saving, into the backups folder of the data folder (mode 0700; the
 * copy 0600), checks the copy with integrity_check, and deletes the oldest
 * copies beyond @keep. A copy that fails is never kept, and what a copy or
 * a restore cut short left is deleted first.
 *
 * Returns: (transfer full): the path of the new copy, or %NULL with @error
 */
char *
rc_backup_make (RcDatabase  *database,
                guint        keep,
                GError     **error)
{
  g_autofree char *folder = NULL;
  g_autofree char *temp_path = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) copies = NULL;
  g_autoptr(GError) cleanup_error = NULL;
  int folder_fd;

  g_return_val_if_fail (RC_IS_DATABASE (database), NULL);
  g_return_val_if_fail (keep > 0, NULL);

  folder = backup_folder (rc_database_get_data_dir (database));
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int errsv = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   _("Cannot create the backups folder “%s”: %s"),
                   folder, g_strerror (errsv));
      return NULL;
    }

  if ((folder_fd = lock_folder (folder, error)) < 0)
    return NULL;
  /* And what a restore cut short left beside the database: a restore
   * locks the data folder as it writes there. */
  if (!delete_in_folder (folder, FALSE, &cleanup_error) ||
      !delete_locked (rc_database_get_data_dir (database), FALSE, &cleanup_error))
    g_debug ("%s", cleanup_error->message);

  if ((temp_path = copy_database (rc_database_get_handle (database), rc_database_get_path (database),
                                  folder, error)))
    {
      path = free_name (folder, BACKUP_PREFIX, BACKUP_SUFFIX);
      if (!rename_into_place (temp_path, path, error))
        g_clear_pointer (&path, g_free);
    }

  if (path != NULL)
    {
      copies = rc_backup_list (rc_database_get_data_dir (database));
      for (guint i = keep; i < copies->len; i++)
        if (g_unlink (g_ptr_array_index (copies, i)) != 0)
          g_debug ("Cannot delete the old copy “%s”: %s",
                   (const char *)g_ptr_array_index (copies, i), g_strerror (errno));
    }

  g_close (folder_fd, NULL);
  return g_steal_pointer (&path);
}

/**
 * rc_backup_delete_all:
 * @data_dir: the data folder
 * @error: a location for a #GError
 *
 * Waits for a copy being made, by this process or another, to finish, then
 * deletes every copy and what an interrupted copy or restore left, so that
 * deleted answers do not live on in them.
 *
 * Returns: %TRUE when no copy is left
 */
gboolean
rc_backup_delete_all (const char  *data_dir,
                      GError     **error)
{
  g_autofree char *folder = backup_folder (data_dir);

  return (!g_file_test (folder, G_FILE_TEST_IS_DIR) || delete_locked (folder, TRUE, error)) &&
         delete_locked (data_dir, FALSE, error);
}

/* Renames a database with its log: the log may hold the last responses. */
static gboolean
move_database (const char  *from,
               const char  *to,
               GError     **error)
{
  static const char * const companions[] = { "-wal", "-shm" };

  if (g_rename (from, to) != 0)
    {
      int errsv = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   _("Cannot rename “%s” to “%s”: %s"), from, to, g_strerror (errsv));
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (companions); i++)
    {
      g_autofree char *from_companion = g_strconcat (from, companions[i], NULL);
      g_autofree char *to_companion = g_strconcat (to, companions[i], NULL);

      if (g_rename (from_companion, to_companion) != 0 && errno != ENOENT)
        g_debug ("Cannot rename “%s”: %s", from_companion, g_strerror (errno));
    }

  return TRUE;
}

/**
 * rc_backup_set_aside:
 * @data_dir: the data folder
 * @error: a location for a #GError
 *
 * Renames the database, with its write-ahead log, to a name of its own in
 * the data folder ("resource-center-damaged-20261129-085500.db"), where it
 * stays for whoever can still rescue something from it.
 *
 * Returns: (transfer full): the new name of the database, or %NULL with
 *   @error
 */
char *
rc_backup_set_aside (const char  *data_dir,
                     GError     **error)
{
  g_autofree char *path = g_build_filename (data_dir, RC_DATABASE_FILE_NAME, NULL);
  g_autofree char *aside = free_name (data_dir, SET_ASIDE_PREFIX, BACKUP_SUFFIX);

  if (!move_database (path, aside, error))
    return NULL;

  return g_steal_pointer (&aside);
}

static gboolean
restore_locked (const char  *data_dir,
                const char  *backup_path,
                char       **set_aside_path,
                GError     **error)
{
  g_autofree char *path = g_build_filename (data_dir, RC_DATABASE_FILE_NAME, NULL);
  g_autofree char *temp_path = NULL;
  g_autofree char *aside = NULL;

  if (backup_path != NULL)
    {
      sqlite3 *source = NULL;
      int rc = sqlite3_open_v2 (backup_path, &source, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOFOLLOW, NULL);

      if (rc == SQLITE_OK)
        temp_path = copy_database (source, backup_path, data_dir, error);
      else
        copy_failed (backup_path, data_dir, rc, NULL, error);
      sqlite3_close (source);
      if (temp_path == NULL)
        return FALSE;
    }

  if (g_file_test (path, G_FILE_TEST_EXISTS) && !(aside = rc_backup_set_aside (data_dir, error)))
    {
      if (temp_path != NULL)
        g_unlink (temp_path);
      return FALSE;
    }

  /* The copy could not take its place: the database goes back to its own,
   * so that the folder is as it was. */
  if (temp_path != NULL && !rename_into_place (temp_path, path, error))
    {
      if (aside != NULL && !move_database (aside, path, NULL))
        g_debug ("Cannot put %s back", aside);
      return FALSE;
    }

  if (set_aside_path != NULL)
    *set_aside_path = g_steal_pointer (&aside);
  return TRUE;
}

/**
 * rc_backup_restore:
 * @data_dir: the data folder
 * @backup_path: (nullable): the copy to go on with, or %NULL for an empty
 *   database
 * @set_aside_path: (out) (optional) (transfer full): where the database that
 *   was there went
 * @error: a location for a #GError
 *
 * Sets the database aside with rc_backup_set_aside() and puts a checked
 * copy of @backup_path in its place. Nothing is deleted: when anything
 * fails, the data folder is as it was.
 *
 * Returns: %TRUE when the data folder is ready to open
 */
gboolean
rc_backup_restore (const char  *data_dir,
                   const char  *backup_path,
                   char       **set_aside_path,
                   GError     **error)
{
  gboolean restored;
  int data_dir_fd;

  g_return_val_if_fail (data_dir != NULL, FALSE);

  /* The copy is written beside the database under a temporary name, which
   * a copy made meanwhile must not take for one cut short. */
  if ((data_dir_fd = lock_folder (data_dir, error)) < 0)
    return FALSE;
  restored = restore_locked (data_dir, backup_path, set_aside_path, error);
  g_close (data_dir_fd, NULL);

  return restored;
}
