/* rc-test-site.h: a WordPress site on 127.0.0.1 for the news tests
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  RC_TEST_SITE_POSTS,
  RC_TEST_SITE_ERROR,
  RC_TEST_SITE_NOT_JSON,
  RC_TEST_SITE_WRONG_SHAPE,
  RC_TEST_SITE_DEEP,
  RC_TEST_SITE_HUGE,
  RC_TEST_SITE_REDIRECT_LOOP,
  RC_TEST_SITE_SILENT,
  /* The posts as in RC_TEST_SITE_POSTS, and pictures that never come. */
  RC_TEST_SITE_SILENT_PICTURES,
} RcTestSiteMode;

typedef struct _RcTestSite RcTestSite;

RcTestSite *rc_test_site_start          (void);
void        rc_test_site_set            (RcTestSite     *site,
                                         RcTestSiteMode  mode,
                                         guint           n_posts);
const char *rc_test_site_get_url        (RcTestSite     *site);
char       *rc_test_site_get_last_query (RcTestSite     *site);
void        rc_test_site_stop           (RcTestSite     *site);

G_END_DECLS
