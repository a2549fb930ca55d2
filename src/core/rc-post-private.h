/* rc-post-private.h: a post as a row of the posts table
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "rc-post.h"

G_BEGIN_DECLS

/* What rc_post_new_from_row() reads, in its order, from "posts p". */
#define RC_POST_COLUMNS "p.id, p.group_id, p.language, p.title, p.excerpt, p.published_at, p.link, p.read"

RcPost *rc_post_new_from_row (sqlite3_stmt *stmt);

G_END_DECLS
