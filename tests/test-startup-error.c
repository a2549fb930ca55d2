/* test-startup-error.c: a damaged data folder, met from the desktop
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "rc-application.h"
#include "rc-test-ui.h"
#include "rc-test-utils.h"

static void
on_activate (GApplication *app,
             GtkWindow   **dialog)
{
  GtkWidget *quit;

  /* Runs after RcApplication's own activate handler. */
  *dialog = rc_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (*dialog);

  /* What the person reads... */
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (*dialog)), ==,
                   "Resource Centre Cannot Start");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (*dialog)),
                            g_object_get_data (G_OBJECT (app), "path")));

  /* ...and the one thing they can do. */
  quit = rc_test_find_button (GTK_WIDGET (*dialog), "_Quit");
  g_assert_nonnull (quit);
  g_object_add_weak_pointer (G_OBJECT (*dialog), (gpointer *)dialog);
  gtk_widget_activate (quit);
}

static void
test_startup_error_dialog (void)
{
  g_autofree char *data_dir = rc_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (data_dir, RC_DATABASE_FILE_NAME, NULL);
  g_autoptr(RcDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RcApplication) app = NULL;
  GtkWindow *dialog = NULL;
  char *argv[] = { (char *)"resource-center", NULL };

  g_assert_true (g_file_set_contents (path, "not a database", -1, NULL));
  database = rc_database_open (data_dir, &error);
  g_assert_null (database);
  g_assert_nonnull (error);

  app = rc_application_new_failed (error);
  g_object_set_data_full (G_OBJECT (app), "path", g_strdup (path), g_free);
  g_signal_connect_after (app, "activate", G_CALLBACK (on_activate), &dialog);

  /* Returns once the dialog is answered: nothing else keeps the app. */
  g_application_run (G_APPLICATION (app), 1, argv);

  g_assert_null (dialog);
  g_assert_null (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_null (rc_application_get_database (app));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/startup-error/dialog", test_startup_error_dialog);

  return g_test_run ();
}
