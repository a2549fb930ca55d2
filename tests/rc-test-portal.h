/* rc-test-portal.h: the file chooser of the desktop portal, answered by
 * the test as a person would answer the real one, and its inhibitor
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _RcTestPortal RcTestPortal;

RcTestPortal *rc_test_portal_start          (void);
void          rc_test_portal_stop           (RcTestPortal *portal);
guint         rc_test_portal_get_n_inhibitions (RcTestPortal *portal);
gboolean      rc_test_portal_has_request    (RcTestPortal *portal);
const char   *rc_test_portal_get_method     (RcTestPortal *portal);
char         *rc_test_portal_dup_option     (RcTestPortal *portal,
                                             const char   *name);
char         *rc_test_portal_dup_choice     (RcTestPortal *portal,
                                             const char   *id);
gboolean      rc_test_portal_offers_choice  (RcTestPortal *portal,
                                             const char   *id,
                                             const char   *option);
void          rc_test_portal_choose         (RcTestPortal *portal,
                                             GFile        *file,
                                             const char   *choice_id,
                                             const char   *choice_option);

G_END_DECLS
