/* test-window.c: the main window, driven through its actions
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "rc-application.h"
#include "rc-coordinator-view.h"
#include "rc-news-view.h"
#include "rc-pin.h"
#include "rc-test-ui.h"
#include "rc-test-utils.h"
#include "rc-survey-view.h"
#include "rc-window.h"

/* One application for the whole run, as in a real session; each test
 * starts from the settings of a first start. */
static RcApplication *the_app;

static RcApplication *
make_application (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (settings, keys[i]);

  return g_object_ref (the_app);
}

static RcApplication *
start_application (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = rc_test_make_temp_dir ();
  g_autoptr(RcDatabase) database = NULL;
  g_autoptr(RcSurvey) survey = NULL;
  RcApplication *app;

  database = rc_database_open (data_dir, &error);
  g_assert_no_error (error);
  survey = rc_survey_new_bundled (&error);
  g_assert_no_error (error);

  app = rc_application_new (database, survey, FALSE);
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  return app;
}

static GtkWidget *
visible_place (RcWindow *window)
{
  AdwViewStack *stack = ADW_VIEW_STACK (rc_test_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));

  return adw_view_stack_get_visible_child (stack);
}

static GtkWidget *
find_shown_status_page (GtkWidget *widget)
{
  if (ADW_IS_STATUS_PAGE (widget) && gtk_widget_get_child_visible (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (gtk_widget_get_child_visible (child) && (found = find_shown_status_page (child)))
        return found;
    }

  return NULL;
}

/* The title of the status page a person sees in the current place. */
static const char *
visible_status_title (RcWindow *window)
{
  GtkWidget *page = find_shown_status_page (visible_place (window));

  g_assert_nonnull (page);
  return adw_status_page_get_title (ADW_STATUS_PAGE (page));
}

/* The news place lists the centre's posts. */
static void
assert_news_feed (RcWindow *window)
{
  GtkWidget *view = rc_test_find_widget (visible_place (window), RC_TYPE_NEWS_VIEW);

  g_assert_nonnull (view);
  g_assert_cmpuint (g_list_model_get_n_items (rc_news_view_get_posts (RC_NEWS_VIEW (view))), ==, 4);
}

/* The survey place opens on the welcome, with a button per language. */
static void
assert_survey_welcome (RcWindow *window)
{
  GtkWidget *view = rc_test_find_widget (visible_place (window), RC_TYPE_SURVEY_VIEW);

  g_assert_nonnull (view);
  g_assert_cmpstr (rc_survey_view_get_screen (RC_SURVEY_VIEW (view)), ==, "welcome");
  g_assert_nonnull (rc_test_find_button (view, "Қазақша"));
  g_assert_nonnull (rc_test_find_button (view, "Русский"));
}

static void
test_window_places (void)
{
  g_autoptr(RcApplication) app = make_application ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *last_place = NULL;
  RcWindow *window;

  window = g_object_ref (rc_window_new (app));
  gtk_window_present (GTK_WINDOW (window));

  /* A first start opens on the news. */
  g_assert_cmpstr (rc_window_get_place (window), ==, "news");
  assert_news_feed (window);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.place", "s", "survey"));
  g_assert_cmpstr (rc_window_get_place (window), ==, "survey");
  assert_survey_welcome (window);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.place", "s", "coordinator"));
  g_assert_cmpstr (rc_window_get_place (window), ==, "coordinator");
  /* A first start asks for a PIN before anything else. */
  g_assert_cmpstr (visible_status_title (window), ==, "Set a Coordinator PIN");

  /* A name that is not a place leaves the window where it is. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.place", "s", "elsewhere");
  g_assert_cmpstr (rc_window_get_place (window), ==, "coordinator");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.place", "s", "news"));
  assert_news_feed (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.place", "s", "survey"));

  last_place = g_settings_get_string (settings, "last-place");
  g_assert_cmpstr (last_place, ==, "survey");

  rc_test_destroy_window (window);
}

static void
test_window_remembers_place_and_size (void)
{
  g_autoptr(RcApplication) app = make_application ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  RcWindow *window;
  int width, height;

  window = g_object_ref (rc_window_new (app));
  gtk_window_set_default_size (GTK_WINDOW (window), 700, 500);
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.place", "s", "coordinator");
  rc_test_wait_until (gtk_widget_get_mapped (GTK_WIDGET (window)));
  gtk_window_close (GTK_WINDOW (window));
  g_assert_finalize_object (window);

  g_settings_get (settings, "window-size", "(ii)", &width, &height);
  g_assert_cmpint (width, ==, 700);
  g_assert_cmpint (height, ==, 500);

  /* The next start comes back to the same place, at the same size. */
  window = g_object_ref (rc_window_new (app));
  g_assert_cmpstr (rc_window_get_place (window), ==, "coordinator");
  g_assert_cmpstr (visible_status_title (window), ==, "Set a Coordinator PIN");
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 700);
  g_assert_cmpint (height, ==, 500);

  rc_test_destroy_window (window);
}

/* Phones and small kiosk screens are 360 px wide: the window must fit. */
static void
assert_fits_narrow_screen (RcWindow *window)
{
  int minimum = 0;

  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1,
                      &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);
}

static void
test_window_adapts_to_narrow_width (void)
{
  g_autoptr(RcApplication) app = make_application ();
  AdwViewSwitcherBar *bar;
  RcWindow *window;

  window = g_object_ref (rc_window_new (app));
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  gtk_window_present (GTK_WINDOW (window));

  /* On a phone-sized window the places move to a bar at the bottom. */
  bar = ADW_VIEW_SWITCHER_BAR (rc_test_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_BAR));
  rc_test_wait_until (adw_view_switcher_bar_get_reveal (bar));
  assert_fits_narrow_screen (window);

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  rc_test_wait_until (!adw_view_switcher_bar_get_reveal (bar));

  rc_test_destroy_window (window);
}

/* The picture GTK draws an icon from must be the drawing of its SVG: the
 * same shape, pixel for pixel, at the same size. */
static void
assert_drawn_from_svg (const char *picture_uri,
                       const char *svg_path,
                       int         pixels)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) picture = NULL;
  g_autoptr(GdkPixbuf) drawing = NULL;
  const guchar *picture_pixels, *drawing_pixels;
  int picture_stride, drawing_stride;
  guint shape = 0;

  picture = gdk_pixbuf_new_from_resource (picture_uri + strlen ("resource://"), &error);
  g_assert_no_error (error);
  drawing = gdk_pixbuf_new_from_resource_at_scale (svg_path, pixels, pixels, FALSE, &error);
  g_assert_no_error (error);

  g_assert_cmpint (gdk_pixbuf_get_width (picture), ==, pixels);
  g_assert_cmpint (gdk_pixbuf_get_height (picture), ==, pixels);
  g_assert_true (gdk_pixbuf_get_has_alpha (picture));
  picture_pixels = gdk_pixbuf_read_pixels (picture);
  picture_stride = gdk_pixbuf_get_rowstride (picture);
  drawing_pixels = gdk_pixbuf_read_pixels (drawing);
  drawing_stride = gdk_pixbuf_get_rowstride (drawing);
  for (int y = 0; y < pixels; y++)
    for (int x = 0; x < pixels; x++)
      {
        int alpha = picture_pixels[y * picture_stride + x * 4 + 3];

        g_assert_cmpint (ABS (alpha - drawing_pixels[y * drawing_stride + x * 4 + 3]), <=, 8);
        shape += alpha > 128;
      }
  /* Not an empty picture: at least a tenth of it is the icon. */
  g_assert_cmpuint (shape, >, pixels * pixels / 10);
}

/* The places' icons come as pictures at the sizes the window shows them,
 * drawn from their SVGs when the app is built, so that GTK need not load
 * an SVG renderer to start; other sizes are drawn from the SVGs. */
static void
test_window_place_icons (void)
{
  static const char * const names[] = {
    "rc-news-symbolic", "rc-survey-symbolic", "rc-coordinator-symbolic"
  };
  /* The view switcher's 16 px and the news' empty page's 128 px, at scale 1 and 2. */
  static const struct { int size, scale; } shown[] = {
    { 16, 1 }, { 16, 2 }, { 128, 1 }, { 128, 2 }
  };
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *svg_path = NULL;
      g_autofree char *svg_uri = NULL;
      g_autoptr(GtkIconPaintable) between = NULL;
      g_autoptr(GFile) between_file = NULL;
      g_autofree char *between_uri = NULL;

      svg_path = g_strdup_printf ("/kz/zubr/ResourceCenter/icons/scalable/actions/%s.svg",
                                  names[i]);
      svg_uri = g_strconcat ("resource://", svg_path, NULL);
      for (guint j = 0; j < G_N_ELEMENTS (shown); j++)
        {
          int pixels = shown[j].size * shown[j].scale;
          g_autoptr(GtkIconPaintable) icon = NULL;
          g_autoptr(GFile) file = NULL;
          g_autofree char *uri = NULL;
          g_autofree char *expected = NULL;

          icon = gtk_icon_theme_lookup_icon (theme, names[i], NULL, shown[j].size, shown[j].scale,
                                             GTK_TEXT_DIR_LTR, 0);
          file = gtk_icon_paintable_get_file (icon);
          uri = g_file_get_uri (file);
          expected = g_strdup_printf ("resource:///kz/zubr/ResourceCenter/icons/%dx%d/actions/"
                                      "%s.symbolic.png", pixels, pixels, names[i]);
          g_assert_cmpstr (uri, ==, expected);
          assert_drawn_from_svg (uri, svg_path, pixels);
        }

      between = gtk_icon_theme_lookup_icon (theme, names[i], NULL, 24, 1, GTK_TEXT_DIR_LTR, 0);
      between_file = gtk_icon_paintable_get_file (between);
      between_uri = g_file_get_uri (between_file);
      g_assert_cmpstr (between_uri, ==, svg_uri);
    }
}

static void
test_window_about (void)
{
  g_autoptr(RcApplication) app = make_application ();
  RcWindow *window;
  GtkWindow *about;

  window = g_object_ref (rc_window_new (app));
  gtk_window_present (GTK_WINDOW (window));

  g_assert_null (rc_test_find_toplevel (ADW_TYPE_ABOUT_WINDOW));
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);

  about = rc_test_find_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (about);
  g_assert_true (gtk_window_get_transient_for (about) == GTK_WINDOW (window));
  g_assert_cmpstr (adw_about_window_get_application_name (ADW_ABOUT_WINDOW (about)), ==,
                   "Resource Centre");
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  g_assert_cmpstr (adw_about_window_get_application_icon (ADW_ABOUT_WINDOW (about)), ==, APP_ID);
  g_assert_nonnull (strstr (adw_about_window_get_debug_info (ADW_ABOUT_WINDOW (about)),
                            rc_database_get_data_dir (rc_application_get_database (app))));

  gtk_window_destroy (about);
  rc_test_destroy_window (window);
}

static void
test_window_shortcuts (void)
{
  g_autoptr(RcApplication) app = make_application ();
  g_auto(GStrv) quit = NULL;
  g_auto(GStrv) help = NULL;
  g_auto(GStrv) overlay = NULL;
  RcWindow *window;
  GtkWindow *shortcuts;

  quit = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.quit");
  help = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.show-help");
  g_assert_true (g_strv_contains ((const char * const *)quit, "<Control>q"));
  g_assert_true (g_strv_contains ((const char * const *)help, "F1"));

  window = g_object_ref (rc_window_new (app));
  gtk_window_present (GTK_WINDOW (window));

  /* GtkApplication gives Ctrl+? to the shortcuts window it found in our
   * resources. */
  overlay = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                   "win.show-help-overlay");
  g_assert_true (g_strv_contains ((const char * const *)overlay, "<Control>question"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  shortcuts = rc_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (shortcuts);
  gtk_window_close (shortcuts);

  rc_test_destroy_window (window);
}

/* Installs a handler for help: addresses that writes the address it was
 * given to a file, standing in for Yelp.  Like Yelp it takes a moment to
 * start, so the test has to notice the file without being woken for it. */
static char *
install_help_handler (void)
{
  g_autofree char *dir = rc_test_make_temp_dir ();
  g_autofree char *script = g_build_filename (dir, "fake-yelp", NULL);
  g_autofree char *script_text = NULL;
  g_autofree char *desktop = NULL;
  g_autofree char *desktop_text = NULL;
  g_autofree char *applications = g_build_filename (g_get_user_data_dir (), "applications", NULL);
  g_autofree char *mimeapps = g_build_filename (g_get_user_config_dir (), "mimeapps.list", NULL);
  char *opened = g_build_filename (dir, "opened", NULL);

  script_text = g_strdup_printf ("#!/bin/sh\nsleep 0.5; printf %%s \"$1\" > '%s.part' && mv '%s.part' '%s'\n",
                                 opened, opened, opened);
  g_assert_true (g_file_set_contents (script, script_text, -1, NULL));
  g_assert_cmpint (g_chmod (script, 0755), ==, 0);

  g_assert_cmpint (g_mkdir_with_parents (applications, 0700), ==, 0);
  desktop = g_build_filename (applications, "rc-test-help.desktop", NULL);
  desktop_text = g_strdup_printf ("[Desktop Entry]\nType=Application\nName=Help\n"
                                  "Exec=%s %%u\nMimeType=x-scheme-handler/help;\n", script);
  g_assert_true (g_file_set_contents (desktop, desktop_text, -1, NULL));
  g_assert_true (g_file_set_contents (mimeapps,
                                      "[Default Applications]\n"
                                      "x-scheme-handler/help=rc-test-help.desktop\n",
                                      -1, NULL));

  return opened;
}

static void
test_window_help_opens_page_of_place (void)
{
  g_autoptr(RcApplication) app = make_application ();
  g_autofree char *opened = install_help_handler ();
  static const struct {
    const char *place;
    const char *uri;
  } expected[] = {
    { "news", "help:resource-center/staff" },
    { "survey", "help:resource-center/kiosk" },
    { "coordinator", "help:resource-center/coordinators" },
  };
  RcWindow *window;

  window = g_object_ref (rc_window_new (app));
  gtk_window_present (GTK_WINDOW (window));

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *uri = NULL;

      gtk_widget_activate_action (GTK_WIDGET (window), "win.place", "s", expected[i].place);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help", NULL));

      rc_test_wait_until (g_file_test (opened, G_FILE_TEST_EXISTS));
      g_assert_true (g_file_get_contents (opened, &uri, NULL, NULL));
      g_assert_cmpstr (uri, ==, expected[i].uri);
      g_assert_cmpint (g_unlink (opened), ==, 0);

      /* ...and the manual has that page. */
      {
        g_autofree char *page_file = g_strconcat (strchr (uri, '/') + 1, ".page", NULL);
        g_autofree char *page = g_test_build_filename (G_TEST_DIST, "..", "help", "C",
                                                       page_file, NULL);

        g_assert_true (g_file_test (page, G_FILE_TEST_IS_REGULAR));
      }
    }

  rc_test_destroy_window (window);
}

static gboolean
has_cyrillic (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0x0400 && c <= 0x04FF)
        return TRUE;
    }

  return FALSE;
}

/* Numbers and dates are words of no language. */
static gboolean
has_letters (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      if (g_unichar_isalpha (g_utf8_get_char (p)))
        return TRUE;
    }

  return FALSE;
}

/* Every piece of text a person can see in @root is in Kazakh or Russian. */
static void
assert_all_text_translated (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_get_child_visible (child) || !gtk_widget_get_visible (child))
        continue;

      /* Key names such as Ctrl+? are the same in every language. */
      if (GTK_IS_LABEL (child) && g_strcmp0 (gtk_widget_get_css_name (child), "accelerator") != 0)
        {
          const char *text = gtk_label_get_text (GTK_LABEL (child));

          if (has_letters (text) && !has_cyrillic (text))
            g_error ("“%s” is not translated into %s", text, g_getenv ("LANGUAGE"));
        }

      assert_all_text_translated (child);
    }
}

static void
test_window_translated (void)
{
  g_autoptr(RcApplication) app = make_application ();
  const char *places[] = { "news", "survey", "coordinator" };
  GtkMenuButton *menu_button;
  GtkPopover *popover;
  RcWindow *window;

  window = g_object_ref (rc_window_new (app));
  gtk_window_set_default_size (GTK_WINDOW (window), 960, 680);
  gtk_window_present (GTK_WINDOW (window));

  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    {
      gtk_widget_activate_action (GTK_WIDGET (window), "win.place", "s", places[i]);
      rc_test_wait_until (gtk_widget_get_mapped (GTK_WIDGET (window)));
      assert_all_text_translated (GTK_WIDGET (window));
      assert_fits_narrow_screen (window);
    }

  g_assert_true (has_cyrillic (gtk_window_get_title (GTK_WINDOW (window))));

  menu_button = GTK_MENU_BUTTON (rc_test_find_widget (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON));
  gtk_menu_button_popup (menu_button);
  popover = gtk_menu_button_get_popover (menu_button);
  rc_test_wait_until (gtk_widget_get_mapped (GTK_WIDGET (popover)));
  assert_all_text_translated (GTK_WIDGET (popover));
  gtk_menu_button_popdown (menu_button);

  rc_test_destroy_window (window);
}

/* Sets the shared database's PIN: run it after every test that expects a
 * first start. */
static void
test_window_translated_coordinator (void)
{
  g_autoptr(RcApplication) app = make_application ();
  g_autoptr(RcPin) pin = rc_pin_new (rc_application_get_database (app));
  g_autoptr(GError) error = NULL;
  GtkWidget *view;
  RcWindow *window;

  g_assert_true (rc_pin_set (pin, "2580", &error));

  window = g_object_ref (rc_window_new (app));
  gtk_window_set_default_size (GTK_WINDOW (window), 960, 680);
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.place", "s", "coordinator");
  rc_test_wait_until (gtk_widget_get_mapped (GTK_WIDGET (window)));
  view = rc_test_find_widget (GTK_WIDGET (window), RC_TYPE_COORDINATOR_VIEW);

  gtk_editable_set_text (GTK_EDITABLE (rc_test_find_widget (view, GTK_TYPE_ENTRY)), "2580");
  rc_test_press_button (rc_test_find_button (view, _("_Unlock")));
  g_assert_true (rc_coordinator_view_get_unlocked (RC_COORDINATOR_VIEW (view)));
  assert_all_text_translated (GTK_WIDGET (window));
  assert_fits_narrow_screen (window);

  rc_test_press_button (rc_test_find_button (view, _("C_hange…")));
  assert_all_text_translated (GTK_WIDGET (window));
  assert_fits_narrow_screen (window);

  rc_test_destroy_window (window);
}

static void
test_window_submission_time_setting (void)
{
  g_autoptr(RcApplication) app = make_application ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  RcResponseStore *store = rc_application_get_response_store (app);

  g_assert_cmpstr (rc_survey_get_id (rc_application_get_survey (app)), ==, "womens_rights_express");

  /* Only the day, unless the centre chooses otherwise. */
  g_assert_false (rc_response_store_get_keep_full_time (store));
  g_settings_set_boolean (settings, "keep-full-submission-time", TRUE);
  g_assert_true (rc_response_store_get_keep_full_time (store));
  g_settings_reset (settings, "keep-full-submission-time");
  g_assert_false (rc_response_store_get_keep_full_time (store));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Not G_TEST_OPTION_ISOLATE_DIRS: it hides the shared MIME database that
   * GTK needs to load icons. tests/virtual-session gives the test a home
   * of its own instead. */
  g_test_init (&argc, &argv, NULL);

  rc_test_ui_init ();
  the_app = start_application ();

  g_test_add_func ("/window/places", test_window_places);
  g_test_add_func ("/window/remembers-place-and-size", test_window_remembers_place_and_size);
  g_test_add_func ("/window/adapts-to-narrow-width", test_window_adapts_to_narrow_width);
  g_test_add_func ("/window/place-icons", test_window_place_icons);
  g_test_add_func ("/window/about", test_window_about);
  g_test_add_func ("/window/shortcuts", test_window_shortcuts);
  g_test_add_func ("/window/help-opens-page-of-place", test_window_help_opens_page_of_place);
  g_test_add_func ("/window/submission-time-setting", test_window_submission_time_setting);

  /* Run by meson once per language, with LANGUAGE set. */
  if (g_strcmp0 (g_getenv ("LANGUAGE"), "kk") == 0 || g_strcmp0 (g_getenv ("LANGUAGE"), "ru") == 0)
    {
      g_test_add_func ("/window/translated/places", test_window_translated);
      g_test_add_func ("/window/translated/coordinator", test_window_translated_coordinator);
    }

  status = g_test_run ();
  g_clear_object (&the_app);

  return status;
}
