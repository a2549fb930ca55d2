/* rc-export.h: writing the responses for analysis, as JSON or CSV
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rc-progress.h"

G_BEGIN_DECLS

/* Raised whenever the document changes in a way older readers trip on. */
#define RC_EXPORT_FORMAT_VERSION 1
#define RC_EXPORT_FORMAT_NAME "resource-center-responses"

typedef enum
{
  RC_EXPORT_FORMAT_JSON,
  RC_EXPORT_FORMAT_CSV,
} RcExportFormat;

typedef struct
{
  RcExportFormat  format;
  const char     *since;            /* "YYYY-MM-DD", inclusive, or NULL */
  const char     *until;            /* "YYYY-MM-DD", inclusive, or NULL */
  const char     *labels_language;  /* CSV: a second header row of question texts, or NULL */
} RcExportOptions;

gboolean rc_export_check_date (const char              *date,
                               GError                 **error);
char    *rc_export_day_after  (const char              *date);
gboolean rc_export_format_from_string (const char       *name,
                                       RcExportFormat   *format,
                                       GError          **error);
gboolean rc_export_write      (const char              *data_dir,
                               const char              *path,
                               const RcExportOptions   *options,
                               RcProgress              *progress,
                               GCancellable            *cancellable,
                               gint64                  *n_written,
                               GError                 **error);

gboolean rc_export_write_opinions (const char           *data_dir,
                                   const char           *path,
                                   GCancellable         *cancellable,
                                   gint64               *n_written,
                                   GError              **error);

G_END_DECLS
