/* rc-test-ui.c
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rc-active-survey.h"
#include "rc-test-ui.h"

/* GTK and libadwaita as the app has them: the translations built in this
 * tree (not an installed copy) and the app's style sheet. */
void
rc_test_ui_init (void)
{
  g_autoptr(GtkCssProvider) css = NULL;

  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("RC_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  gtk_init ();
  adw_init ();

  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, RESOURCE_BASE_PATH "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

gboolean
rc_test_timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

gboolean
rc_test_poll_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

static gboolean
is_button_with_label (GtkWidget  *widget,
                      const char *label)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static GtkWidget *
find_descendant (GtkWidget  *root,
                 GType       type,
                 const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (label != NULL ? is_button_with_label (child, label)
                        : G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = find_descendant (child, type, label)))
        return found;
    }

  return NULL;
}

/* The first widget of @type below @root, depth first. */
GtkWidget *
rc_test_find_widget (GtkWidget *root,
                     GType      type)
{
  return find_descendant (root, type, NULL);
}

/* The button below @root whose label, mnemonic included, is @label. */
GtkWidget *
rc_test_find_button (GtkWidget  *root,
                     const char *label)
{
  return find_descendant (root, G_TYPE_INVALID, label);
}

/* The label below @root that reads @text, inside widgets that are all
 * visible (a stack's other pages count as visible). */
GtkLabel *
rc_test_find_label (GtkWidget  *root,
                    const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found;

      if (!gtk_widget_get_visible (child))
        continue;
      if (GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (child)), text) == 0)
        return GTK_LABEL (child);
      if ((found = rc_test_find_label (child, text)))
        return found;
    }

  return NULL;
}

/* The control below @root that activates @action_name, as "win.place". */
GtkWidget *
rc_test_find_action (GtkWidget  *root,
                     const char *action_name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_ACTIONABLE (child) &&
          g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)), action_name) == 0)
        return child;
      if ((found = rc_test_find_action (child, action_name)))
        return found;
    }

  return NULL;
}

/* The visible toplevel window of @type, if one is shown. */
GtkWindow *
rc_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

static void
on_clicked (GtkButton *button,
            gboolean  *clicked)
{
  *clicked = TRUE;
}

/* Presses a button as the keyboard does (Space or Enter): GTK shows it
 * pressed for a moment and then emits "clicked". */
void
rc_test_press_button (GtkWidget *button)
{
  gboolean clicked = FALSE;
  gulong handler;

  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_true (gtk_widget_is_sensitive (button));

  handler = g_signal_connect (button, "clicked", G_CALLBACK (on_clicked), &clicked);
  g_object_ref (button);
  gtk_widget_activate (button);
  rc_test_wait_until (clicked);
  g_signal_handler_disconnect (button, handler);
  g_object_unref (button);
}

/* Real key presses on the virtual display, as from a keyboard. */
void
rc_test_press_keys (const char *keys)
{
  g_autofree char *command = g_strdup_printf ("xdotool mousemove 20 20 key --delay 50 %s", keys);
  g_autoptr(GError) error = NULL;
  int status;

  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  /* Let GTK handle what arrived. */
  for (guint i = 0; i < 20; i++)
    {
      g_usleep (10000);
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }
}

/* Closes @window, a reference the test holds, and checks nothing else
 * keeps it alive. */
void
rc_test_destroy_window (gpointer window)
{
  g_assert_true (GTK_IS_WINDOW (window));

  gtk_window_destroy (GTK_WINDOW (window));

  /* Work still in flight, such as opening the manual, may hold the window
   * for a moment; anything else holding it is a leak. */
  rc_test_wait_until (G_OBJECT (window)->ref_count == 1);
  g_assert_finalize_object (window);
}

/**
 * rc_test_application_new:
 * @data_dir: the data folder of the installation
 *
 * An application on @data_dir, started as the desktop starts it. Each has
 * its own name on the bus, since each test has its own data folder.
 *
 * Returns: (transfer full): a registered application
 */
RcApplication *
rc_test_application_new (const char *data_dir)
{
  g_autoptr(RcDatabase) database = NULL;
  g_autoptr(RcSurvey) survey = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *app_id = NULL;
  static guint n_apps;
  RcApplication *app;

  database = rc_database_open (data_dir, &error);
  g_assert_no_error (error);
  survey = rc_active_survey_load (data_dir, &error);
  g_assert_no_error (error);

  app = rc_application_new (database, survey, FALSE);
  app_id = g_strdup_printf ("%s.Test%u", APP_ID, ++n_apps);
  g_application_set_application_id (G_APPLICATION (app), app_id);
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  return app;
}

static gboolean
count_frame (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       user_data)
{
  guint *frames = user_data;

  (*frames)++;
  return G_SOURCE_CONTINUE;
}

/* Lets @widget's window draw @n_frames: a window held up by its thread
 * draws none. */
void
rc_test_wait_for_frames (GtkWidget *widget,
                         guint      n_frames)
{
  guint frames = 0;
  guint tick = gtk_widget_add_tick_callback (widget, count_frame, &frames, NULL);

  rc_test_wait_until (frames >= n_frames);
  gtk_widget_remove_tick_callback (widget, tick);
}
