/* rc-database.h
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

#define RC_DATABASE_ERROR (rc_database_error_quark ())

typedef enum
{
  RC_DATABASE_ERROR_NOT_A_DATABASE,
  RC_DATABASE_ERROR_FOREIGN,
  RC_DATABASE_ERROR_TOO_NEW,
  RC_DATABASE_ERROR_FAILED,
  RC_DATABASE_ERROR_DAMAGED,
} RcDatabaseError;

#define RC_DATABASE_FILE_NAME "resource-center.db"

#define RC_TYPE_DATABASE (rc_database_get_type ())

G_DECLARE_FINAL_TYPE (RcDatabase, rc_database, RC, DATABASE, GObject)

/* One write, run by rc_database_write_in_thread() over @connection. */
typedef gboolean (*RcDatabaseWriteFunc) (RcDatabase     *connection,
                                         gconstpointer   data,
                                         GError        **error);

GQuark       rc_database_error_quark          (void);
char        *rc_database_get_default_data_dir (void);
int          rc_database_get_latest_version   (void);
RcDatabase  *rc_database_open                 (const char  *data_dir,
                                               GError     **error);
RcDatabase  *rc_database_open_existing        (const char  *data_dir,
                                               GError     **error);
const char  *rc_database_get_data_dir         (RcDatabase  *self);
const char  *rc_database_get_path             (RcDatabase  *self);
int          rc_database_get_schema_version   (RcDatabase  *self);
const char  *rc_database_get_device_id        (RcDatabase  *self);
sqlite3     *rc_database_get_handle           (RcDatabase  *self);
gboolean     rc_database_exec                 (RcDatabase  *self,
                                               const char  *sql,
                                               GError     **error);
gboolean     rc_database_check                (RcDatabase  *self,
                                               GError     **error);
gboolean     rc_database_query_int64          (RcDatabase  *self,
                                               const char  *sql,
                                               gint64      *out_value,
                                               GError     **error);
sqlite3_stmt *rc_database_prepare             (RcDatabase  *self,
                                               const char  *sql,
                                               GError     **error);
sqlite3_stmt *rc_database_prepare_cached      (RcDatabase  *self,
                                               const char  *sql,
                                               GError     **error);
gboolean     rc_database_fail                 (RcDatabase  *self,
                                               int          rc,
                                               GError     **error);
void         rc_database_write_in_thread      (RcDatabase          *self,
                                               GTask               *task,
                                               RcDatabaseWriteFunc  write,
                                               gpointer             data,
                                               GDestroyNotify       data_free);
void         rc_database_wait_for_writes      (RcDatabase          *self);

G_END_DECLS
