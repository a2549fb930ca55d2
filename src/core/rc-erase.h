/* rc-erase.h: deleting what respondents gave, for good
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean rc_erase_answers (const char  *data_dir,
                           gint64      *n_responses,
                           gint64      *n_opinions,
                           GError     **error);

G_END_DECLS
