/* test-startup-error.c: a damaged data folder, met from the desktop, and
 * the copies that save it
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "rc-application.h"
#include "rc-backup.h"
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

static AdwMessageDialog *
wait_for_dialog (const char *heading)
{
  GtkWindow *dialog = NULL;

  rc_test_wait_until ((dialog = rc_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG)) != NULL &&
                      g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), heading) == 0);
  return ADW_MESSAGE_DIALOG (dialog);
}

static void
destroy_windows (RcApplication *app)
{
  GList *windows;

  while ((windows = gtk_application_get_windows (GTK_APPLICATION (app))) != NULL)
    gtk_window_destroy (windows->data);
}

static guint
count_copies (const char *data_dir)
{
  g_autoptr(GPtrArray) copies = rc_backup_list (data_dir);

  return copies->len;
}

/* Started from the desktop, the app copies its database into the backups
 * folder, without keeping anyone waiting. */
static void
test_startup_backs_up (void)
{
  g_autofree char *data_dir = rc_test_make_temp_dir ();
  g_autoptr(RcApplication) app = NULL;
  g_autoptr(GPtrArray) copies = NULL;

  rc_test_save_response (data_dir, "kk");
  app = rc_test_application_new (data_dir);
  g_application_activate (G_APPLICATION (app));
  g_assert_nonnull (gtk_application_get_active_window (GTK_APPLICATION (app)));

  rc_test_wait_until (count_copies (data_dir) == 1);
  copies = rc_backup_list (data_dir);

  /* The copy holds the response, in a file of its own. */
  g_assert_cmpint (rc_test_count_responses_in (g_ptr_array_index (copies, 0)), ==, 1);

  destroy_windows (app);
}

/* The copy at start finds the database damaged: the coordinator is told,
 * and the database is set aside, never deleted. */
static void
test_startup_damaged_found_by_copy (void)
{
  g_autofree char *data_dir = rc_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (data_dir, RC_DATABASE_FILE_NAME, NULL);
  g_autoptr(RcApplication) app = NULL;
  g_autofree char *aside = NULL;
  AdwMessageDialog *dialog;
  const char *body;

  rc_test_seed_results (data_dir);
  rc_test_damage_database (data_dir);

  app = rc_test_application_new (data_dir);
  g_application_activate (G_APPLICATION (app));

  dialog = wait_for_dialog ("The Database Is Damaged");
  body = adw_message_dialog_get_body (dialog);
  g_assert_nonnull (strstr (body, path));
  g_assert_nonnull (strstr (body, "There is no copy of it"));
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "set-aside");
  rc_test_press_button (rc_test_find_button (GTK_WIDGET (dialog), "_Set Aside and Start Empty"));

  dialog = wait_for_dialog ("The Damaged Database Was Set Aside");
  body = adw_message_dialog_get_body (dialog);
  g_assert_nonnull (strstr (body, "resource-center-damaged-"));
  g_assert_true (rc_application_get_recovered (app));

  /* Named in the dialog, and there, as it was. */
  aside = g_strndup (strstr (body, data_dir), strstr (body, ".db”") + 3 - strstr (body, data_dir));
  g_assert_true (g_file_test (aside, G_FILE_TEST_IS_REGULAR));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  rc_test_press_button (rc_test_find_button (GTK_WIDGET (dialog), "_Continue"));
  destroy_windows (app);
}

/* So damaged it is no database any more, but the copies beside it say it
 * was ours: the newest copy takes its place. */
static void
test_startup_damaged_uses_copy (void)
{
  g_autofree char *data_dir = rc_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (data_dir, RC_DATABASE_FILE_NAME, NULL);
  g_autoptr(RcApplication) app = NULL;
  g_autoptr(RcDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;

  rc_test_save_response (data_dir, "kk");
  rc_test_save_response (data_dir, "ru");
  {
    g_autoptr(RcDatabase) sound = rc_test_open_database (data_dir);

    g_free (rc_backup_make (sound, 7, &error));
    g_assert_no_error (error);
  }
  g_assert_true (g_file_set_contents (path, "rubbish where the header was", -1, NULL));
  database = rc_database_open (data_dir, &error);
  g_assert_null (database);

  app = rc_application_new_damaged (error, data_dir);
  g_clear_error (&error);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_application_activate (G_APPLICATION (app));
  dialog = wait_for_dialog ("The Database Is Damaged");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "the copy made on"));
  rc_test_press_button (rc_test_find_button (GTK_WIDGET (dialog), "_Set Aside and Use the Copy"));
  dialog = wait_for_dialog ("The Damaged Database Was Set Aside");
  rc_test_press_button (rc_test_find_button (GTK_WIDGET (dialog), "_Continue"));
  destroy_windows (app);

  g_assert_true (rc_application_get_recovered (app));
  g_clear_error (&error);
  database = rc_database_open (data_dir, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rc_test_query_int (database, "SELECT count(*) FROM responses"), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/startup-error/dialog", test_startup_error_dialog);
  g_test_add_func ("/startup-error/backs-up", test_startup_backs_up);
  g_test_add_func ("/startup-error/damaged-found-by-copy", test_startup_damaged_found_by_copy);
  g_test_add_func ("/startup-error/damaged-uses-copy", test_startup_damaged_uses_copy);

  return g_test_run ();
}
