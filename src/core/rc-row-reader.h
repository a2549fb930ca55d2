/* rc-row-reader.h: a statement stepped in a thread of its own, its rows handed over in batches
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

typedef struct _RcRowReader RcRowReader;

RcRowReader *rc_row_reader_start     (sqlite3_stmt *stmt);
gboolean     rc_row_reader_next      (RcRowReader  *reader);
const char  *rc_row_reader_get_text  (RcRowReader  *reader,
                                      guint         column,
                                      gsize        *length);
gint64       rc_row_reader_get_int64 (RcRowReader  *reader,
                                      guint         column);
int          rc_row_reader_finish    (RcRowReader  *reader);

G_END_DECLS
