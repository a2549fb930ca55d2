/* test-kiosk.c: resource-center --kiosk, and leaving it with the PIN
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "rc-application.h"
#include "rc-article-view.h"
#include "rc-news-view.h"
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
  g_autofree char *app_id = NULL;
  static guint n_apps;
  RcApplication *app;

  database = rc_database_open (data_dir, &error);
  g_assert_no_error (error);
  pin = rc_pin_new (database);
  g_assert_true (rc_pin_set (pin, PIN, &error));
  survey = rc_survey_new_bundled (&error);
  g_assert_no_error (error);

  app = rc_application_new (database, survey, TRUE);
  /* One bus name for each test's application. */
  app_id = g_strdup_printf ("%s.Test%u", APP_ID, ++n_apps);
  g_application_set_application_id (G_APPLICATION (app), app_id);
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

/* A label whose words link somewhere, anywhere under @root. */
static GtkWidget *
find_link_label (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LABEL (child) && strstr (gtk_label_get_label (GTK_LABEL (child)), "<a href") != NULL)
        return child;
      if ((found = find_link_label (child)) != NULL)
        return found;
    }

  return NULL;
}

/* Only asked where it must not open: the label's own handler would start a
 * browser. */
static gboolean
link_opens (GtkWidget *label)
{
  gboolean handled = FALSE;

  g_signal_emit_by_name (label, "activate-link", "https://example.org/", &handled);
  return !handled;
}

static gboolean
set_site_offered (GtkWidget *news)
{
  GtkWidget *button = rc_test_find_action (news, "news.set-site");

  return button != NULL && gtk_widget_is_drawable (button) && gtk_widget_is_sensitive (button);
}

/* A quick exit shows the news, to read only: nothing there changes the
 * app's settings or opens a browser, which would leave the kiosk. */
static gboolean
overlap (GtkWidget *a,
         GtkWidget *b,
         GtkWidget *window)
{
  graphene_rect_t a_bounds, b_bounds;

  g_assert_true (gtk_widget_compute_bounds (a, window, &a_bounds));
  g_assert_true (gtk_widget_compute_bounds (b, window, &b_bounds));

  return graphene_rect_intersection (&a_bounds, &b_bounds, NULL);
}

/* The staff button sits in the bottom right corner: a finger on the
 * survey's own buttons must never land on it. */
static void
test_kiosk_staff_button_clear (void)
{
  g_autoptr(RcApplication) app = start_kiosk ();
  RcWindow *window = g_object_ref (rc_window_new (app));
  GtkWidget *staff, *view, *next, *back;

  gtk_window_present (GTK_WINDOW (window));
  rc_test_wait_until (gtk_widget_get_mapped (GTK_WIDGET (window)));
  view = rc_test_find_widget (GTK_WIDGET (window), RC_TYPE_SURVEY_VIEW);
  staff = rc_test_find_action (GTK_WIDGET (window), "win.leave-kiosk");
  g_assert_true (gtk_widget_get_mapped (staff));

  rc_test_press_button (rc_test_find_button (view, "Қазақша"));
  rc_test_wait_until (g_strcmp0 (rc_survey_view_get_screen (RC_SURVEY_VIEW (view)), "question") == 0);
  next = rc_test_find_button (view, "Келесі");
  back = rc_test_find_button (view, "Артқа");
  /* Laid out: as wide as half the window. */
  rc_test_wait_until (gtk_widget_get_width (next) > gtk_widget_get_width (GTK_WIDGET (window)) / 3);
  g_assert_false (overlap (staff, next, GTK_WIDGET (window)));
  g_assert_false (overlap (staff, back, GTK_WIDGET (window)));

  rc_test_destroy_window (window);
}

static void
test_kiosk_news_read_only (void)
{
  g_autoptr(RcApplication) app = start_kiosk ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(RcPost) post = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *news, *article, *link;
  GtkWindow *dialog;
  RcWindow *window;
  RcPostData data = {
    .id = "site:9", .group_id = "site:9", .source = "site", .language = "ru",
    .title = "Ссылки", .excerpt = "Ссылки", .published_at = "2026-11-20",
    .modified_at = "2026-11-20", .link = NULL,
  };

  json_parser_load_from_data (parser,
    "[{\"type\":\"paragraph\",\"text\":\"Текст со ссылкой.\","
    "  \"links\":[{\"text\":\"ссылкой\",\"url\":\"https://example.org/\"}]},"
    " {\"type\":\"link\",\"text\":\"Центр\",\"url\":\"https://example.org/centre\"}]", -1, &error);
  g_assert_no_error (error);
  data.blocks = json_node_get_array (json_parser_get_root (parser));
  g_assert_true (rc_news_store_put (rc_application_get_news_store (app), &data, &error));
  g_assert_no_error (error);

  window = g_object_ref (rc_window_new (app));
  gtk_window_present (GTK_WINDOW (window));
  rc_test_wait_until (gtk_widget_get_mapped (GTK_WIDGET (window)));

  rc_test_press_button (rc_test_find_button (GTK_WIDGET (window), "Русский"));
  rc_test_press_button (rc_test_find_button (GTK_WIDGET (window), "Быстрый выход"));
  g_assert_cmpstr (rc_window_get_place (window), ==, "news");
  g_assert_true (rc_window_get_kiosk (window));

  news = rc_test_find_widget (GTK_WIDGET (window), RC_TYPE_NEWS_VIEW);
  g_assert_false (set_site_offered (news));
  gtk_widget_activate_action (news, "news.set-site", NULL);
  gtk_widget_activate_action (news, "news.refresh", NULL);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_null (rc_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  post = rc_news_store_get_post (rc_application_get_news_store (app), "site:9", &error);
  g_assert_no_error (error);
  rc_news_view_open_post (RC_NEWS_VIEW (news), post);
  article = rc_test_find_widget (GTK_WIDGET (window), RC_TYPE_ARTICLE_VIEW);
  g_assert_false (link_opens (find_link_label (article)));
  link = rc_test_find_widget (article, GTK_TYPE_LINK_BUTTON);
  g_assert_false (gtk_widget_is_sensitive (link));

  /* Staff, with the PIN, have the whole news place again. */
  rc_test_press_button (rc_test_find_action (GTK_WIDGET (window), "win.leave-kiosk"));
  rc_test_wait_until ((dialog = rc_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG)) != NULL &&
                      gtk_window_is_active (dialog));
  type_pin (PIN);
  rc_test_wait_until (!rc_window_get_kiosk (window));
  g_assert_true (set_site_offered (news));
  g_assert_true (gtk_widget_is_sensitive (rc_test_find_widget (article, GTK_TYPE_LINK_BUTTON)));

  rc_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  rc_test_ui_init ();

  g_test_add_func ("/kiosk/locked-down", test_kiosk_locked_down);
  g_test_add_func ("/kiosk/news-read-only", test_kiosk_news_read_only);
  g_test_add_func ("/kiosk/staff-button-clear", test_kiosk_staff_button_clear);

  return g_test_run ();
}
