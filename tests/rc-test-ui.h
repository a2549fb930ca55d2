/* rc-test-ui.h: finding and waiting for what a person sees
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rc-application.h"

G_BEGIN_DECLS

void       rc_test_ui_init        (void);
RcApplication *rc_test_application_new (const char *data_dir);
gboolean   rc_test_timeout_cb     (gpointer    user_data);
gboolean   rc_test_poll_cb        (gpointer    user_data);
GtkWidget *rc_test_find_widget    (GtkWidget  *root,
                                   GType       type);
GtkWidget *rc_test_find_button    (GtkWidget  *root,
                                   const char *label);
GtkWidget *rc_test_find_action    (GtkWidget  *root,
                                   const char *action_name);
GtkLabel  *rc_test_find_label     (GtkWidget  *root,
                                   const char *text);
GtkWindow *rc_test_find_toplevel  (GType       type);
void       rc_test_press_button   (GtkWidget  *button);
void       rc_test_press_keys     (const char *keys);
void       rc_test_destroy_window (gpointer    window);
void       rc_test_wait_for_frames (GtkWidget *widget,
                                    guint      n_frames);

/* Lets the main loop run until @condition holds, as a person waits for the
 * screen to settle; fails after half a minute, which only a slow build
 * (sanitizers, valgrind) on a busy machine comes near.  The loop is also
 * woken ten times a second: a condition set by another process, such as a
 * file a launched program writes, wakes nothing in it. */
#define rc_test_wait_until(condition)                                               \
  G_STMT_START {                                                                    \
    gboolean rc_timed_out = FALSE;                                                  \
    guint rc_timeout_id = g_timeout_add_seconds (30, rc_test_timeout_cb, &rc_timed_out); \
    guint rc_poll_id = g_timeout_add (100, rc_test_poll_cb, NULL);                  \
    while (!(condition) && !rc_timed_out)                                           \
      g_main_context_iteration (NULL, TRUE);                                        \
    g_assert_false (rc_timed_out);                                                  \
    g_source_remove (rc_poll_id);                                                   \
    g_source_remove (rc_timeout_id);                                                \
  } G_STMT_END

G_END_DECLS
