/* rc-day-row.h: a day typed by a coordinator in an entry row
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

gboolean rc_day_row_get_day (AdwEntryRow  *row,
                             char        **day,
                             GError      **error);

G_END_DECLS
