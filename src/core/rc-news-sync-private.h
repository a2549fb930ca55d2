/* rc-news-sync-private.h: the posts of one page, for the sync and its fuzzer
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rc-news-sync.h"
#include "rc-news-store.h"

G_BEGIN_DECLS

/* A post as the website gave it, ready for the store. */
typedef struct
{
  char      *id;
  char      *group_id;
  char      *language;
  char      *title;
  char      *excerpt;
  char      *published_at;
  char      *modified_at;
  char      *link;
  JsonArray *blocks;
  RcPostData data;
} FetchedPost;

void     rc_news_sync_fetched_post_free (FetchedPost  *post);
gboolean rc_news_sync_read_page         (GBytes       *body,
                                         const char   *site_url,
                                         GPtrArray    *posts,
                                         GError      **error);

G_END_DECLS
