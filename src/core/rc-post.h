/* rc-post.h: one post of the news feed, in one language
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define RC_TYPE_POST (rc_post_get_type ())

G_DECLARE_FINAL_TYPE (RcPost, rc_post, RC, POST, GObject)

const char *rc_post_get_id           (RcPost   *self);
const char *rc_post_get_group_id     (RcPost   *self);
const char *rc_post_get_language     (RcPost   *self);
const char *rc_post_get_title        (RcPost   *self);
const char *rc_post_get_excerpt      (RcPost   *self);
const char *rc_post_get_published_at (RcPost   *self);
const char *rc_post_get_link         (RcPost   *self);
gboolean    rc_post_get_read         (RcPost   *self);
void        rc_post_set_read         (RcPost   *self,
                                      gboolean  read);

G_END_DECLS
