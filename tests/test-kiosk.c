/* test-kiosk.c: resource-center --kiosk
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "rc-application.h"
#include "rc-test-utils.h"
#include "rc-window.h"

static void
on_activate (GApplication *app,
             gpointer      user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *last_place = NULL;
  int width, height;

  /* Runs after RcApplication's own activate: the window is up. */
  g_assert_true (RC_IS_WINDOW (window));
  g_assert_cmpstr (rc_window_get_place (RC_WINDOW (window)), ==, "survey");

  /* Moving around at the kiosk is not what staff chose last. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.place", "s", "news");
  gtk_window_close (window);

  last_place = g_settings_get_string (settings, "last-place");
  g_assert_cmpstr (last_place, ==, "coordinator");
  g_settings_get (settings, "window-size", "(ii)", &width, &height);
  g_assert_cmpint (width, ==, 800);
  g_assert_cmpint (height, ==, 600);
}

static void
test_kiosk_opens_on_survey (void)
{
  g_autofree char *data_dir = rc_test_make_temp_dir ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(RcDatabase) database = NULL;
  g_autoptr(RcSurvey) survey = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RcApplication) app = NULL;
  char *argv[] = { (char *)"resource-center", NULL };

  /* What a member of staff left on this computer. */
  g_settings_set_string (settings, "last-place", "coordinator");
  g_settings_set (settings, "window-size", "(ii)", 800, 600);

  database = rc_database_open (data_dir, &error);
  g_assert_no_error (error);
  survey = rc_survey_new_bundled (&error);
  g_assert_no_error (error);

  app = rc_application_new (database, survey, TRUE);
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (app, "activate", G_CALLBACK (on_activate), NULL);

  g_assert_cmpint (g_application_run (G_APPLICATION (app), 1, argv), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kiosk/opens-on-survey", test_kiosk_opens_on_survey);

  return g_test_run ();
}
