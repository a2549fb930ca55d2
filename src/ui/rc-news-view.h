/* rc-news-view.h
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rc-news-store.h"

G_BEGIN_DECLS

#define RC_TYPE_NEWS_VIEW (rc_news_view_get_type ())

G_DECLARE_FINAL_TYPE (RcNewsView, rc_news_view, RC, NEWS_VIEW, AdwBin)

GtkWidget  *rc_news_view_new       (RcNewsStore *store);
GListModel *rc_news_view_get_posts (RcNewsView  *self);
void        rc_news_view_open_post (RcNewsView  *self,
                                    RcPost      *post);
void        rc_news_view_reload    (RcNewsView  *self);
void        rc_news_view_set_kiosk (RcNewsView  *self,
                                    gboolean     kiosk);

G_END_DECLS
