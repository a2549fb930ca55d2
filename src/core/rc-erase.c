/* rc-erase.c: deleting what respondents gave, for good
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rc-backup.h"
#include "rc-database.h"
#include "rc-erase.h"

/**
 * rc_erase_answers:
 * @data_dir: the data folder
 * @n_responses: (out): how many survey responses were deleted
 * @n_opinions: (out): how many opinions on the news were deleted
 * @error: a location for a #GError
 *
 * Deletes every survey response and every opinion in one transaction, and
 * leaves no copy of them in the database files: the freed pages are zeroed
 * and the write-ahead log is emptied. The automatic copies of the database
 * go too, since they hold the same answers. The device id, the PIN, the
 * surveys' definitions and the news stay, so the kiosk goes on as before.
 *
 * Returns: %TRUE when everything was deleted; %FALSE when nothing was, or,
 *   with an error naming it, when a copy could not be deleted
 */
gboolean
rc_erase_answers (const char  *data_dir,
                  gint64      *n_responses,
                  gint64      *n_opinions,
                  GError     **error)
{
  g_autoptr(RcDatabase) database = NULL;
  sqlite3 *db;

  g_return_val_if_fail (data_dir != NULL, FALSE);
  g_return_val_if_fail (n_responses != NULL && n_opinions != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *n_responses = *n_opinions = 0;

  if (!(database = rc_database_open (data_dir, error)))
    return FALSE;
  db = rc_database_get_handle (database);

  /* Without secure_delete, SQLite only marks the cells free, and the words
   * of an answer would stay readable in the file until the page is reused. */
  if (!rc_database_exec (database, "PRAGMA secure_delete = ON", error) ||
      !rc_database_exec (database, "BEGIN IMMEDIATE", error))
    return FALSE;

  if (!rc_database_query_int64 (database, "SELECT count(*) FROM responses", n_responses, error) ||
      !rc_database_query_int64 (database, "SELECT count(*) FROM opinions", n_opinions, error) ||
      !rc_database_exec (database,
                         "DELETE FROM answers;"
                         "DELETE FROM responses;"
                         "DELETE FROM opinions;",
                         error) ||
      !rc_database_exec (database, "COMMIT", error))
    {
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      *n_responses = *n_opinions = 0;
      return FALSE;
    }

  /* The log still holds the pages as they were before; copying the zeroed
   * pages into the database and truncating the log drops them. A reader in
   * the running app can delay this, and then the next checkpoint does it. */
  if (sqlite3_wal_checkpoint_v2 (db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL) != SQLITE_OK)
    g_debug ("The write-ahead log could not be emptied yet: %s", sqlite3_errmsg (db));

  return rc_backup_delete_all (data_dir, error);
}
