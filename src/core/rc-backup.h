/* rc-backup.h: copies of the database kept in the data folder, and going
 * back to one
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rc-database.h"

G_BEGIN_DECLS

#define RC_BACKUP_FOLDER_NAME "backups"

/* How long the app goes between two copies while it runs. */
#define RC_BACKUP_INTERVAL_SECONDS (24 * 60 * 60)

char      *rc_backup_make         (RcDatabase  *database,
                                   guint        keep,
                                   GError     **error);
GPtrArray *rc_backup_list         (const char  *data_dir);
GDateTime *rc_backup_get_time     (const char  *path);
gboolean   rc_backup_delete_all   (const char  *data_dir,
                                   GError     **error);
char      *rc_backup_set_aside    (const char  *data_dir,
                                   GError     **error);
gboolean   rc_backup_restore      (const char  *data_dir,
                                   const char  *backup_path,
                                   char       **set_aside_path,
                                   GError     **error);

G_END_DECLS
