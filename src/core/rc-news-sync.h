/* rc-news-sync.h: fetching new and changed posts from the centre's website
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rc-news-store.h"

G_BEGIN_DECLS

#define RC_NEWS_SYNC_ERROR (rc_news_sync_error_quark ())

typedef enum
{
  RC_NEWS_SYNC_ERROR_ADDRESS,
  RC_NEWS_SYNC_ERROR_HTTP,
  RC_NEWS_SYNC_ERROR_INVALID,
  RC_NEWS_SYNC_ERROR_TOO_LARGE,
} RcNewsSyncError;

/* Past this, a page of posts is not one any more. */
#define RC_NEWS_SYNC_MAX_PAGE_BYTES (16 * 1024 * 1024)

typedef struct
{
  guint  timeout_seconds;       /* 0: the default */
  gsize  max_page_bytes;        /* 0: RC_NEWS_SYNC_MAX_PAGE_BYTES */
} RcNewsSyncOptions;

GQuark   rc_news_sync_error_quark (void);
gboolean rc_news_sync             (RcNewsStore              *store,
                                   const char               *site_url,
                                   const RcNewsSyncOptions  *options,
                                   GCancellable             *cancellable,
                                   guint                    *n_added,
                                   guint                    *n_updated,
                                   GError                  **error);

G_END_DECLS
