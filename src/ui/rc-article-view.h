/* rc-article-view.h
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rc-news-store.h"

G_BEGIN_DECLS

#define RC_TYPE_ARTICLE_VIEW (rc_article_view_get_type ())

G_DECLARE_FINAL_TYPE (RcArticleView, rc_article_view, RC, ARTICLE_VIEW, AdwBin)

GtkWidget *rc_article_view_new       (RcNewsStore   *store);
RcPost    *rc_article_view_get_post  (RcArticleView *self);
void       rc_article_view_show_post (RcArticleView *self,
                                      RcPost        *post);
void       rc_article_view_set_back_visible (RcArticleView *self,
                                             gboolean       visible);
void       rc_article_view_set_kiosk (RcArticleView *self,
                                      gboolean       kiosk);

G_END_DECLS
