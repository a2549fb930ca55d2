/* rc-post-list.h: the posts of the feed, read from the database as they are shown
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

#include "rc-database.h"

G_BEGIN_DECLS

#define RC_TYPE_POST_LIST (rc_post_list_get_type ())

G_DECLARE_FINAL_TYPE (RcPostList, rc_post_list, RC, POST_LIST, GObject)

RcPostList *rc_post_list_new (RcDatabase    *database,
                              sqlite3_stmt  *rowids,
                              GError       **error);

G_END_DECLS
