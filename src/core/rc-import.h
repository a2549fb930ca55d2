/* rc-import.h: merging another kiosk's export
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define RC_IMPORT_ERROR (rc_import_error_quark ())

typedef enum
{
  RC_IMPORT_ERROR_NOT_AN_EXPORT,
  RC_IMPORT_ERROR_TOO_NEW,
  RC_IMPORT_ERROR_DAMAGED,
  RC_IMPORT_ERROR_DOES_NOT_FIT,
  RC_IMPORT_ERROR_CONFLICT,
} RcImportError;

GQuark   rc_import_error_quark (void);
gboolean rc_import_file        (const char    *data_dir,
                                const char    *path,
                                GCancellable  *cancellable,
                                gint64        *n_added,
                                gint64        *n_present,
                                GError       **error);

G_END_DECLS
