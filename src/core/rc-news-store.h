/* rc-news-store.h: the news posts kept in the database, and opinions on them
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "rc-database.h"
#include "rc-post.h"

G_BEGIN_DECLS

#define RC_NEWS_ERROR (rc_news_error_quark ())

typedef enum
{
  RC_NEWS_ERROR_INVALID,
  RC_NEWS_ERROR_NOT_FOUND,
} RcNewsError;

/* What a post is made of, whether bundled or fetched. */
typedef struct
{
  const char *id;
  const char *group_id;
  const char *source;           /* "bundled" or "site" */
  const char *language;
  const char *title;
  const char *excerpt;
  const char *published_at;
  const char *modified_at;
  const char *link;             /* nullable */
  JsonArray  *blocks;
} RcPostData;

#define RC_TYPE_NEWS_STORE (rc_news_store_get_type ())

G_DECLARE_FINAL_TYPE (RcNewsStore, rc_news_store, RC, NEWS_STORE, GObject)

GQuark       rc_news_error_quark              (void);
RcNewsStore *rc_news_store_new                (RcDatabase        *database);
RcDatabase  *rc_news_store_get_database       (RcNewsStore       *self);
gboolean     rc_news_store_install_bundled    (RcNewsStore       *self,
                                               GError           **error);
gboolean     rc_news_store_put                (RcNewsStore       *self,
                                               const RcPostData  *post,
                                               GError           **error);
gboolean     rc_news_store_put_all            (RcNewsStore       *self,
                                               GPtrArray         *posts,
                                               guint             *n_added,
                                               GError           **error);
char        *rc_news_store_dup_site_modified  (RcNewsStore       *self);
GListModel  *rc_news_store_list               (RcNewsStore       *self,
                                               const char        *search,
                                               const char        *language,
                                               GError           **error);
RcPost      *rc_news_store_get_post           (RcNewsStore       *self,
                                               const char        *id,
                                               GError           **error);
JsonArray   *rc_news_store_load_blocks        (RcNewsStore       *self,
                                               RcPost            *post,
                                               GError           **error);
void         rc_news_store_mark_read_async    (RcNewsStore       *self,
                                               RcPost            *post,
                                               GCancellable      *cancellable,
                                               GAsyncReadyCallback callback,
                                               gpointer           user_data);
gboolean     rc_news_store_mark_read_finish   (RcNewsStore       *self,
                                               GAsyncResult      *result,
                                               GError           **error);
GPtrArray   *rc_news_store_list_translations  (RcNewsStore       *self,
                                               RcPost            *post,
                                               GError           **error);
gboolean     rc_news_store_add_opinion        (RcNewsStore       *self,
                                               RcPost            *post,
                                               const char        *text,
                                               GError           **error);
void         rc_news_store_add_opinion_async  (RcNewsStore       *self,
                                               RcPost            *post,
                                               const char        *text,
                                               GCancellable      *cancellable,
                                               GAsyncReadyCallback callback,
                                               gpointer           user_data);
gboolean     rc_news_store_add_opinion_finish (RcNewsStore       *self,
                                               GAsyncResult      *result,
                                               GError           **error);
gint64       rc_news_store_count_opinions     (RcNewsStore       *self,
                                               GError           **error);

G_END_DECLS
