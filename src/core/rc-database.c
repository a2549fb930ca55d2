/* rc-database.c
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include "rc-i18n.h"
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rc-database.h"

/* "RCZB": marks the file as ours, so we never migrate another program's
 * SQLite database that happens to sit in the data folder. */
#define RC_SQLITE_APPLICATION_ID 0x52435A42
#define BUSY_TIMEOUT_MS 5000
#define WAL_RETRY_MS 10

struct _RcDatabase
{
  GObject  parent_instance;

  char    *data_dir;
  char    *path;
  char    *device_id;
  sqlite3 *handle;
  int      schema_version;
  GHashTable *statements;      /* SQL → sqlite3_stmt, prepared once */

  /* Writes handed to threads and not yet ended. */
  GMutex   writes_lock;
  GCond    writes_ended;
  guint    n_writes;
};

G_DEFINE_FINAL_TYPE (RcDatabase, rc_database, G_TYPE_OBJECT)

G_DEFINE_QUARK (rc-database-error-quark, rc_database_error)

enum {
  PROP_0,
  PROP_DATA_DIR,
  PROP_PATH,
  PROP_SCHEMA_VERSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Each entry moves the schema from version N to N + 1. Never edit an entry
 * that has shipped: add a new one. */
static const char * const migrations[] = {
  /* 1: the identity of this installation, so that exports merged from
   * several kiosks can tell where each response came from. */
  "CREATE TABLE device ("
  "  id INTEGER PRIMARY KEY CHECK (id = 1),"
  "  device_id TEXT NOT NULL,"
  "  created_at TEXT NOT NULL"
  ");",

  /* 2: submitted responses. The answers are kept whole as JSON, and once
   * more a row per answer (a row per choice of a multiple choice) so that
   * counting the answers to a question is an index scan. The definitions
   * answered are kept so every export carries its own codebook. */
  "CREATE TABLE surveys ("
  "  id TEXT NOT NULL,"
  "  version INTEGER NOT NULL,"
  "  definition TEXT NOT NULL CHECK (json_valid (definition)),"
  "  PRIMARY KEY (id, version)"
  ");"
  "CREATE TABLE responses ("
  "  id TEXT PRIMARY KEY,"
  "  survey_id TEXT NOT NULL,"
  "  survey_version INTEGER NOT NULL,"
  "  device_id TEXT NOT NULL,"
  "  language TEXT NOT NULL,"
  "  submitted_at TEXT NOT NULL,"
  "  duration_minutes INTEGER NOT NULL CHECK (duration_minutes >= 0),"
  "  answers TEXT NOT NULL CHECK (json_valid (answers)),"
  "  FOREIGN KEY (survey_id, survey_version) REFERENCES surveys (id, version)"
  ");"
  "CREATE INDEX responses_by_survey ON responses (survey_id, survey_version, submitted_at);"
  "CREATE INDEX responses_by_time ON responses (submitted_at);"
  "CREATE TABLE answers ("
  "  response_id TEXT NOT NULL REFERENCES responses (id) ON DELETE CASCADE,"
  "  question_id TEXT NOT NULL,"
  "  value NOT NULL,"
  "  PRIMARY KEY (response_id, question_id, value)"
  ") WITHOUT ROWID;"
  "CREATE INDEX answers_by_question ON answers (question_id, value);",

  /* 3: the coordinator PIN, only as a salted slow hash, and how many wrong
   * tries in a row were made, so a restart does not lift a lockout. */
  "CREATE TABLE coordinator_pin ("
  "  id INTEGER PRIMARY KEY CHECK (id = 1),"
  "  salt BLOB NOT NULL,"
  "  hash BLOB NOT NULL,"
  "  iterations INTEGER NOT NULL CHECK (iterations > 0),"
  "  failures INTEGER NOT NULL DEFAULT 0,"
  "  locked_until INTEGER NOT NULL DEFAULT 0"
  ");",

  /* 4: the news: posts bundled with the app or fetched from the centre's
   * website, stored as blocks, with a full-text index of their words; and
   * the readers' anonymous opinions on a post's question. */
  "CREATE TABLE posts ("
  "  id TEXT PRIMARY KEY,"
  "  group_id TEXT NOT NULL,"
  "  source TEXT NOT NULL CHECK (source IN ('bundled', 'site')),"
  "  language TEXT NOT NULL,"
  "  title TEXT NOT NULL,"
  "  excerpt TEXT NOT NULL,"
  "  published_at TEXT NOT NULL,"
  "  modified_at TEXT NOT NULL,"
  "  link TEXT,"
  "  blocks TEXT NOT NULL CHECK (json_valid (blocks)),"
  "  read INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE INDEX posts_by_date ON posts (published_at DESC, id);"
  "CREATE INDEX posts_by_group ON posts (group_id, language);"
  "CREATE VIRTUAL TABLE post_words USING fts5 (title, body, tokenize = 'unicode61');"
  "CREATE TABLE opinions ("
  "  id TEXT PRIMARY KEY,"
  "  post_group TEXT NOT NULL,"
  "  language TEXT NOT NULL,"
  "  text TEXT NOT NULL CHECK (length (text) > 0),"
  "  submitted_at TEXT NOT NULL"
  ");",

  /* 5: the feed's order, with what choosing a post's language needs, in one
   * index: the feed is listed from the index alone, never from the rows
   * with their whole text. */
  "DROP INDEX posts_by_date;"
  "CREATE INDEX posts_by_date ON posts (published_at DESC, id, group_id, language);",

  /* 6: the responses counted by language, for the summary and the results'
   * filter, from an index: not by reading every row with its answers. */
  "CREATE INDEX responses_by_language ON responses (language, submitted_at);",

  /* 7: all the results' count reads of each response but her answers (her
   * survey, version, language, time and id) in one index: the responses
   * are counted from it, not from the rows with their whole answers. */
  "CREATE INDEX responses_counted ON responses (survey_id, survey_version, language, submitted_at, id);",
};

int
rc_database_get_latest_version (void)
{
  return G_N_ELEMENTS (migrations);
}

char *
rc_database_get_default_data_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), PACKAGE_NAME, NULL);
}

static void
rc_database_finalize (GObject *object)
{
  RcDatabase *self = (RcDatabase *)object;

  /* Finalized before the connection closes: it would not, with any left. */
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->handle, sqlite3_close);
  g_clear_pointer (&self->data_dir, g_free);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->device_id, g_free);
  g_mutex_clear (&self->writes_lock);
  g_cond_clear (&self->writes_ended);

  G_OBJECT_CLASS (rc_database_parent_class)->finalize (object);
}

static void
rc_database_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  RcDatabase *self = RC_DATABASE (object);

  switch (prop_id)
    {
    case PROP_DATA_DIR:
      g_value_set_string (value, self->data_dir);
      break;

    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    case PROP_SCHEMA_VERSION:
      g_value_set_int (value, self->schema_version);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rc_database_class_init (RcDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rc_database_finalize;
  object_class->get_property = rc_database_get_property;

  properties[PROP_DATA_DIR] =
    g_param_spec_string ("data-dir", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_SCHEMA_VERSION] =
    g_param_spec_int ("schema-version", NULL, NULL,
                      0, G_MAXINT, 0,
                      (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rc_database_init (RcDatabase *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify)sqlite3_finalize);
  g_mutex_init (&self->writes_lock);
  g_cond_init (&self->writes_ended);
}

/* Makes the folder when @create, and it is missing. */
static gboolean
prepare_data_dir (const char  *data_dir,
                  gboolean     create,
                  GError     **error)
{
  GStatBuf st;

  if (g_stat (data_dir, &st) == 0)
    {
      if (!S_ISDIR (st.st_mode))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY,
                       _("Cannot use “%s” as the data folder: it is a file, not a folder"),
                       data_dir);
          return FALSE;
        }

      /* Answers are kept here: nobody but this account may look in, however
       * the folder came to be. A folder on a disk without modes stays as it
       * is. */
      if ((st.st_mode & 077) != 0 && g_chmod (data_dir, 0700) != 0)
        g_debug ("Cannot close the data folder %s to others: %s", data_dir, g_strerror (errno));
    }
  else if (!create && errno == ENOENT)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("The data folder “%s” does not exist"), data_dir);
      return FALSE;
    }
  else if (!create)
    {
      /* There, but out of reach (a folder on the way that may not be
       * looked in, links that lead round in a loop): only read from,
       * it is not made. */
      int errsv = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   _("Cannot open the data folder “%s”: %s"),
                   data_dir, g_strerror (errsv));
      return FALSE;
    }
  else if (g_mkdir_with_parents (data_dir, 0700) != 0)
    {
      int errsv = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   _("Cannot create the data folder “%s”: %s"),
                   data_dir, g_strerror (errsv));
      return FALSE;
    }

  if (g_access (data_dir, W_OK | X_OK) != 0)
    {
      int errsv = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   _("Cannot write to the data folder “%s”: %s"),
                   data_dir, g_strerror (errsv));
      return FALSE;
    }

  return TRUE;
}

/* Looks at the file before SQLite does: SQLite would happily turn an empty
 * or unrelated path into a database, and we must leave foreign files alone.
 * Makes an empty one when @create, and it is missing. */
static gboolean
prepare_database_file (const char  *data_dir,
                       const char  *path,
                       gboolean     create,
                       GError     **error)
{
  static const char sqlite_magic[16] = "SQLite format 3";
  char header[sizeof sqlite_magic];
  GStatBuf st;
  gssize n_read;
  int fd;

  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW, 0);
  if (fd < 0 && errno == ENOENT && !create)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("The data folder “%s” holds no database; check that it is the right folder"), data_dir);
      return FALSE;
    }
  if (fd < 0 && errno == ENOENT)
    {
      /* Created here rather than by SQLite so that the answers are only
       * readable by the account that collected them. */
      fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
      if (fd >= 0)
        {
          g_close (fd, NULL);
          return TRUE;
        }

      /* Another process made it meanwhile: it is checked as any other. */
      if (errno == EEXIST)
        fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW, 0);
      else
        {
          int errsv = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                       _("Cannot create the database “%s”: %s"),
                       path, g_strerror (errsv));
          return FALSE;
        }
    }

  if (fd < 0)
    {
      int errsv = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   _("Cannot open the database “%s”: %s"),
                   path, g_strerror (errsv));
      return FALSE;
    }

  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      g_close (fd, NULL);
      g_set_error (error, RC_DATABASE_ERROR, RC_DATABASE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a database file; it was left as it is"),
                   path);
      return FALSE;
    }

  if (st.st_size == 0)
    {
      g_close (fd, NULL);
      return TRUE;
    }

  n_read = read (fd, header, sizeof header);
  g_close (fd, NULL);

  if (n_read != sizeof header || memcmp (header, sqlite_magic, sizeof header) != 0)
    {
      g_set_error (error, RC_DATABASE_ERROR, RC_DATABASE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a database or is damaged; it was left as it is"),
                   path);
      return FALSE;
    }

  return TRUE;
}

/**
 * rc_database_fail:
 * @self: a database
 * @rc: what SQLite returned
 * @error: a location for a #GError
 *
 * Sets @error from a failed SQLite call, naming the database file.
 *
 * Returns: %FALSE, to return it at once
 */
gboolean
rc_database_fail (RcDatabase  *self,
                  int          rc,
                  GError     **error)
{
  if (rc == SQLITE_NOTADB)
    g_set_error (error, RC_DATABASE_ERROR, RC_DATABASE_ERROR_NOT_A_DATABASE,
                 _("“%s” is not a database or is damaged; it was left as it is"),
                 self->path);
  else if (rc == SQLITE_CORRUPT)
    g_set_error (error, RC_DATABASE_ERROR, RC_DATABASE_ERROR_DAMAGED,
                 _("“%s” is damaged; it was left as it is"),
                 self->path);
  else
    g_set_error (error, RC_DATABASE_ERROR, RC_DATABASE_ERROR_FAILED,
                 _("Cannot use the database “%s”: %s"),
                 self->path,
                 self->handle ? sqlite3_errmsg (self->handle) : sqlite3_errstr (rc));
  return FALSE;
}

gboolean
rc_database_exec (RcDatabase  *self,
                  const char  *sql,
                  GError     **error)
{
  int rc = sqlite3_exec (self->handle, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return rc_database_fail (self, rc, error);

  return TRUE;
}

/**
 * rc_database_prepare_cached:
 * @self: a database
 * @sql: one statement
 * @error: a location for a #GError
 *
 * Like rc_database_prepare(), for a statement run once for every response
 * of an import: it is prepared once, and kept until the database is closed.
 *
 * Returns: (transfer none) (nullable): the statement, reset and with its
 *   values cleared, to reset after use but never to finalize; or %NULL
 *   with @error set
 */
sqlite3_stmt *
rc_database_prepare_cached (RcDatabase  *self,
                            const char  *sql,
                            GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RC_IS_DATABASE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  if ((stmt = g_hash_table_lookup (self->statements, sql)) != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      sqlite3_finalize (stmt);
      rc_database_fail (self, rc, error);
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);

  return stmt;
}

/**
 * rc_database_prepare:
 *
 * Returns: (transfer full) (nullable): the statement, to finalize, or %NULL
 *   with @error set
 */
sqlite3_stmt *
rc_database_prepare (RcDatabase  *self,
                     const char  *sql,
                     GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->handle, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      sqlite3_finalize (stmt);
      rc_database_fail (self, rc, error);
      return NULL;
    }

  return stmt;
}

/**
 * rc_database_check:
 * @self: a database
 * @error: a location for a #GError
 *
 * Reads every page of the database to find damage a crash of the disk or
 * of the computer left. Nothing is written. The app itself finds damage
 * through the check of the copy it makes at start (rc_backup_make()), off
 * the main thread; this is the same check on the database in place.
 *
 * Returns: %TRUE when the database is sound; %FALSE with
 *   %RC_DATABASE_ERROR_DAMAGED, naming the file
 */
gboolean
rc_database_check (RcDatabase  *self,
                   GError     **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *problem = NULL;
  int rc;

  g_return_val_if_fail (RC_IS_DATABASE (self), FALSE);

  if (!(stmt = rc_database_prepare (self, "PRAGMA quick_check (1)", error)))
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    problem = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  if (rc != SQLITE_ROW)
    return rc_database_fail (self, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc, error);

  /* SQLite's words for the fault mean nothing to the staff who read the
   * message; they are for whoever looks into the file. */
  if (g_strcmp0 (problem, "ok") != 0)
    {
      g_debug ("The check of %s found: %s", self->path, problem);
      return rc_database_fail (self, SQLITE_CORRUPT, error);
    }

  return TRUE;
}

/**
 * rc_database_query_int64:
 * @sql: a statement whose first row's first column is a number
 * @out_value: (out): that number
 *
 * Returns: %TRUE with @out_value set, or %FALSE with @error set
 */
gboolean
rc_database_query_int64 (RcDatabase  *self,
                         const char  *sql,
                         gint64      *out_value,
                         GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (RC_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (sql != NULL && out_value != NULL, FALSE);

  rc = sqlite3_prepare_v2 (self->handle, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);

  if (rc != SQLITE_ROW)
    {
      sqlite3_finalize (stmt);
      return rc_database_fail (self, rc, error);
    }

  *out_value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return TRUE;
}

/* @up_to_date: set to whether the schema needs no migration */
static gboolean
check_ownership (RcDatabase  *self,
                 gboolean    *up_to_date,
                 GError     **error)
{
  gint64 application_id;
  gint64 user_version;
  gint64 n_objects;
  gboolean read;

  /* In one snapshot: another process making the database could commit
   * between two reads, and half of a new database looks like another
   * program's. */
  if (!rc_database_exec (self, "BEGIN", error))
    return FALSE;
  read = rc_database_query_int64 (self, "PRAGMA application_id", &application_id, error) &&
         rc_database_query_int64 (self, "PRAGMA user_version", &user_version, error) &&
         rc_database_query_int64 (self, "SELECT count(*) FROM sqlite_master", &n_objects, error);
  sqlite3_exec (self->handle, "COMMIT", NULL, NULL, NULL);
  if (!read)
    return FALSE;

  if (application_id != RC_SQLITE_APPLICATION_ID &&
      (application_id != 0 || user_version != 0 || n_objects != 0))
    {
      g_set_error (error, RC_DATABASE_ERROR, RC_DATABASE_ERROR_FOREIGN,
                   _("“%s” belongs to another program; it was left as it is"),
                   self->path);
      return FALSE;
    }

  if (user_version > rc_database_get_latest_version ())
    {
      g_set_error (error, RC_DATABASE_ERROR, RC_DATABASE_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of Resource Centre "
                     "(data version %d; this version supports up to %d). "
                     "Update the app; the file was left as it is"),
                   self->path, (int)user_version, rc_database_get_latest_version ());
      return FALSE;
    }

  *up_to_date = application_id == RC_SQLITE_APPLICATION_ID &&
                user_version == rc_database_get_latest_version ();
  return TRUE;
}

/* Leaves device_id NULL when the database has none yet. */
static gboolean
read_device_id (RcDatabase  *self,
                GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->handle, "SELECT device_id FROM device WHERE id = 1",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    self->device_id = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return rc_database_fail (self, rc, error);

  return TRUE;
}

static gboolean
ensure_device_id (RcDatabase  *self,
                  GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *created_at = g_date_time_format_iso8601 (now);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->handle,
                           "INSERT OR IGNORE INTO device (id, device_id, created_at) "
                           "VALUES (1, ?1, ?2)",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, created_at, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    return rc_database_fail (self, rc, error);

  if (!read_device_id (self, error))
    return FALSE;
  if (self->device_id == NULL)
    return rc_database_fail (self, SQLITE_CORRUPT, error);

  return TRUE;
}

static gboolean
migrate (RcDatabase  *self,
         gboolean     up_to_date,
         GError     **error)
{
  g_autofree char *set_version = NULL;
  g_autofree char *set_application_id = NULL;
  gint64 version;

  /* Most opens find nothing to do: they then write nothing, so an export
   * or a start neither waits for a save in progress nor syncs the disk. */
  if (up_to_date)
    {
      if (!read_device_id (self, error))
        return FALSE;
      if (self->device_id != NULL)
        {
          self->schema_version = rc_database_get_latest_version ();
          return TRUE;
        }
    }

  /* IMMEDIATE takes the write lock now, so two instances starting at once
   * cannot both run the same migration. */
  if (!rc_database_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  if (!rc_database_query_int64 (self, "PRAGMA user_version", &version, error))
    goto rollback;

  for (; version < rc_database_get_latest_version (); version++)
    {
      if (!rc_database_exec (self, migrations[version], error))
        goto rollback;
    }

  set_version = g_strdup_printf ("PRAGMA user_version = %d", (int)version);
  set_application_id = g_strdup_printf ("PRAGMA application_id = %d", RC_SQLITE_APPLICATION_ID);

  if (!rc_database_exec (self, set_application_id, error) ||
      !rc_database_exec (self, set_version, error) ||
      !ensure_device_id (self, error) ||
      !rc_database_exec (self, "COMMIT", error))
    goto rollback;

  self->schema_version = (int)version;

  return TRUE;

rollback:
  sqlite3_exec (self->handle, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

/* Turning a new database to WAL needs the file to itself for a moment,
 * and SQLite does not wait for that as it waits for a lock: a second
 * process opening a new data folder would fail at once while the first
 * one turns it. Once turned it stays WAL, and this asks for nothing. */
static gboolean
use_wal (RcDatabase  *self,
         GError     **error)
{
  int rc;

  for (guint waited = 0;; waited += WAL_RETRY_MS)
    {
      rc = sqlite3_exec (self->handle, "PRAGMA journal_mode = WAL", NULL, NULL, NULL);
      if (rc != SQLITE_BUSY || waited >= BUSY_TIMEOUT_MS)
        break;
      g_usleep (WAL_RETRY_MS * 1000);
    }

  if (rc != SQLITE_OK)
    return rc_database_fail (self, rc, error);

  return TRUE;
}

/* rc_database_open(), making the folder and the file when @create. */
static RcDatabase *
open_database (const char  *data_dir,
               gboolean     create,
               GError     **error)
{
  g_autoptr(RcDatabase) self = NULL;
  gboolean up_to_date = FALSE;
  int rc;

  if (!prepare_data_dir (data_dir, create, error))
    return NULL;

  self = g_object_new (RC_TYPE_DATABASE, NULL);
  self->data_dir = g_strdup (data_dir);
  self->path = g_build_filename (data_dir, RC_DATABASE_FILE_NAME, NULL);

  if (!prepare_database_file (data_dir, self->path, create, error))
    return NULL;

  /* Every thread has a connection of its own (see above), so SQLite need
   * not lock the connection at every call: an export's reader thread
   * calls it two dozen times a row. */
  rc = sqlite3_open_v2 (self->path, &self->handle,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      rc_database_fail (self, rc, error);
      return NULL;
    }

  sqlite3_extended_result_codes (self->handle, FALSE);
  sqlite3_busy_timeout (self->handle, BUSY_TIMEOUT_MS);

  /* Nothing above this line writes to the file. */
  if (!check_ownership (self, &up_to_date, error))
    return NULL;

  /* FULL: a response acknowledged to the respondent must survive a power cut. */
  if (!use_wal (self, error) ||
      !rc_database_exec (self,
                         "PRAGMA synchronous = FULL;"
                         "PRAGMA foreign_keys = ON;",
                         error))
    return NULL;

  if (!migrate (self, up_to_date, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * rc_database_open:
 * @data_dir: the data folder, created if missing
 * @error: a location for a #GError
 *
 * Opens the database in @data_dir, creating the folder (mode 0700) and the
 * file (mode 0600) when they do not exist, and brings its schema up to date.
 * A file that is not a database, belongs to another program or was written
 * by a newer version is refused and left untouched.
 *
 * A database is used by one thread at a time: work in another thread
 * opens a database of its own.
 *
 * Returns: (transfer full): the database, or %NULL with @error set
 */
RcDatabase *
rc_database_open (const char  *data_dir,
                  GError     **error)
{
  g_return_val_if_fail (data_dir != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return open_database (data_dir, TRUE, error);
}

/**
 * rc_database_open_existing:
 * @data_dir: the data folder
 * @error: a location for a #GError
 *
 * rc_database_open() for reading what was kept: a folder that does not
 * exist, or holds no database, is %G_IO_ERROR_NOT_FOUND and left as it is;
 * one that cannot be reached is refused with the reason, and not made.
 * Exporting from a mistyped folder must not report the "0 responses" of a
 * database made there for the purpose.
 *
 * Returns: (transfer full): the database, or %NULL with @error set
 */
RcDatabase *
rc_database_open_existing (const char  *data_dir,
                           GError     **error)
{
  g_return_val_if_fail (data_dir != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Anything else, a file for a folder or another program's database,
   * is refused as by rc_database_open(). */
  return open_database (data_dir, FALSE, error);
}

const char *
rc_database_get_data_dir (RcDatabase *self)
{
  g_return_val_if_fail (RC_IS_DATABASE (self), NULL);

  return self->data_dir;
}

const char *
rc_database_get_path (RcDatabase *self)
{
  g_return_val_if_fail (RC_IS_DATABASE (self), NULL);

  return self->path;
}

int
rc_database_get_schema_version (RcDatabase *self)
{
  g_return_val_if_fail (RC_IS_DATABASE (self), 0);

  return self->schema_version;
}

const char *
rc_database_get_device_id (RcDatabase *self)
{
  g_return_val_if_fail (RC_IS_DATABASE (self), NULL);

  return self->device_id;
}

sqlite3 *
rc_database_get_handle (RcDatabase *self)
{
  g_return_val_if_fail (RC_IS_DATABASE (self), NULL);

  return self->handle;
}

typedef struct
{
  RcDatabase          *database;
  RcDatabaseWriteFunc  write;
  gpointer             data;
  GDestroyNotify       data_free;
} Write;

static void
write_free (Write *write)
{
  g_clear_object (&write->database);
  if (write->data_free != NULL)
    g_clear_pointer (&write->data, write->data_free);
  g_free (write);
}

static void
write_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  Write *write = task_data;
  RcDatabase *self = write->database;
  g_autoptr(RcDatabase) connection = NULL;
  GError *error = NULL;
  gboolean written;

  /* A connection of its own: @self's serves its own thread alone. */
  written = (connection = rc_database_open_existing (self->data_dir, &error)) != NULL &&
            write->write (connection, write->data, &error);
  g_clear_object (&connection);

  /* Ended before the caller is told: one waiting may go as soon as it is
   * written, and the process's end need not wait for the caller's loop. */
  g_mutex_lock (&self->writes_lock);
  g_assert (self->n_writes > 0);
  self->n_writes--;
  g_cond_broadcast (&self->writes_ended);
  g_mutex_unlock (&self->writes_lock);

  if (written)
    g_task_return_pointer (task, g_steal_pointer (&write->data), write->data_free);
  else
    g_task_return_error (task, error);
}

/**
 * rc_database_write_in_thread:
 * @self: the database of the caller's thread
 * @task: the caller's task, returned when the write has ended
 * @write: the write, called in another thread
 * @data: (transfer full): what @write writes
 * @data_free: (nullable): frees @data
 *
 * Runs @write in another thread, over a connection to @self's data folder
 * of its own, so that neither the disk's sync nor another program's write
 * holds up the caller's window. @task returns @data once @write has
 * succeeded (g_task_propagate_pointer()), or its error; @data must not be
 * %NULL. A write handed over is run to its end, whether or not @task's
 * cancellable is cancelled: what a person was told is being kept is kept.
 */
void
rc_database_write_in_thread (RcDatabase          *self,
                             GTask               *task,
                             RcDatabaseWriteFunc  write,
                             gpointer             data,
                             GDestroyNotify       data_free)
{
  Write *task_write;

  g_return_if_fail (RC_IS_DATABASE (self));
  g_return_if_fail (G_IS_TASK (task));
  g_return_if_fail (write != NULL);
  g_return_if_fail (data != NULL);

  task_write = g_new0 (Write, 1);
  task_write->database = g_object_ref (self);
  task_write->write = write;
  task_write->data = data;
  task_write->data_free = data_free;
  g_task_set_task_data (task, task_write, (GDestroyNotify)write_free);

  /* Counted here, not in the thread: a wait that starts now must see it. */
  g_mutex_lock (&self->writes_lock);
  self->n_writes++;
  g_mutex_unlock (&self->writes_lock);

  g_task_run_in_thread (task, write_in_thread);
}

/**
 * rc_database_wait_for_writes:
 * @self: a database
 *
 * Waits until every write that rc_database_write_in_thread() was given
 * for @self has ended, written or failed. An application calls it before
 * it ends: a transaction cut by the process's end is lost whole, and a
 * respondent who pressed Send, or a reader who sent an opinion, must not
 * lose it to a window closed a moment later.
 */
void
rc_database_wait_for_writes (RcDatabase *self)
{
  g_return_if_fail (RC_IS_DATABASE (self));

  g_mutex_lock (&self->writes_lock);
  while (self->n_writes > 0)
    g_cond_wait (&self->writes_ended, &self->writes_lock);
  g_mutex_unlock (&self->writes_lock);
}
