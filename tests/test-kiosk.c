/* test-kiosk.c: resource-center --kiosk, and leaving it with the PIN
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "rc-application.h"
#include "rc-pin.h"
#include "rc-survey-view.h"
#include "rc-test-ui.h"
#include "rc-test-utils.h"
#include "rc-window.h"

#define PIN "2580"

static RcApplication *
start_kiosk (void)
{
  g_autofree char *data_dir = rc_test_make_temp_dir ();
  g_autoptr(RcDatabase) database = NULL;
  g_autoptr(RcSurvey) survey = NULL;
  g_autoptr(RcPin) pin = NULL;
  g_autoptr(GError) error = NULL;
  RcApplication *app;

  database = rc_database_open (data_dir, &error);
  g_assert_no_error (error);
  pin = rc_pin_new (database);
  g_assert_true (rc_pin_set (pin, PIN, &error));
  survey = rc_survey_new_bundled (&error);
  g_assert_no_error (error);

  app = rc_application_new (database, survey, TRUE);
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  return app;
}

static void
type_pin (const char *digits)
{
  g_autofree char *keys = g_strdup_printf ("%c %c %c %c Return", digits[0], digits[1], digits[2], digits[3]);

  rc_test_press_keys (keys);
}

static void
assert_still_kiosk (RcApplication *app,
                    RcWindow      *window)
{
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (rc_window_get_kiosk (window));
  g_assert_cmpstr (rc_window_get_place (window), ==, "survey");
  g_assert_false (gtk_widget_get_visible (rc_test_find_widget (GTK_WIDGET (window), ADW_TYPE_HEADER_BAR)));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "quit"));
}

static void
test_kiosk_locked_down (void)
{
  g_autoptr(RcApplication) app = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *last_place = NULL;
  GtkWidget *view;
  GtkWindow *dialog;
  RcWindow *window;

  /* What a member of staff left on this computer. */
  g_settings_set_string (settings, "last-place", "coordinator");

  app = start_kiosk ();
  window = g_object_ref (rc_window_new (app));
  gtk_window_present (GTK_WINDOW (window));
  rc_test_wait_until (gtk_widget_get_mapped (GTK_WIDGET (window)));

  /* The survey alone, on its welcome. */
  view = rc_test_find_widget (GTK_WIDGET (window), RC_TYPE_SURVEY_VIEW);
  g_assert_cmpstr (rc_survey_view_get_screen (RC_SURVEY_VIEW (view)), ==, "welcome");
  assert_still_kiosk (app, window);

  /* None of the ways out of an ordinary window works. */
  rc_test_press_keys ("Escape F11 ctrl+w ctrl+q alt+F4 alt+1 alt+3 F1 ctrl+question F10");
  assert_still_kiosk (app, window);
  gtk_window_close (GTK_WINDOW (window));
  assert_still_kiosk (app, window);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.place", "s", "coordinator");
  assert_still_kiosk (app, window);

  /* The staff button asks for the PIN; a wrong one is refused. */
  rc_test_press_button (rc_test_find_action (GTK_WIDGET (window), "win.leave-kiosk"));
  rc_test_wait_until ((dialog = rc_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG)) != NULL);
  type_pin ("1111");
  rc_test_wait_until ((dialog = rc_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG)) != NULL &&
                      g_strcmp0 (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                                 "This PIN is not right") == 0);
  assert_still_kiosk (app, window);

  /* The right PIN gives the window back to staff. */
  type_pin (PIN);
  rc_test_wait_until (!rc_window_get_kiosk (window));
  g_assert_true (gtk_widget_get_visible (rc_test_find_widget (GTK_WIDGET (window), ADW_TYPE_HEADER_BAR)));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "quit"));

  /* Nothing of the kiosk's moves went into staff's settings. */
  last_place = g_settings_get_string (settings, "last-place");
  g_assert_cmpstr (last_place, ==, "coordinator");

  rc_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  rc_test_ui_init ();

  g_test_add_func ("/kiosk/locked-down", test_kiosk_locked_down);

  return g_test_run ();
}
