/* test-news-view.c: reading the news as a visitor does
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
#include "rc-language.h"
#include "rc-news-view.h"
#include "rc-test-site.h"
#include "rc-test-ui.h"
#include "rc-test-utils.h"
#include "rc-window.h"

static gboolean
shows_text (GtkWidget  *root,
            const char *text)
{
  return rc_test_find_label (root, text) != NULL;
}

static GtkWidget *
find_with_class (GtkWidget  *root,
                 const char *css_class)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (gtk_widget_has_css_class (child, css_class))
        return child;
      if ((found = find_with_class (child, css_class)))
        return found;
    }

  return NULL;
}

static RcPost *
shown_post (GtkWidget *window)
{
  GtkWidget *article = rc_test_find_widget (window, RC_TYPE_ARTICLE_VIEW);

  return rc_article_view_get_post (RC_ARTICLE_VIEW (article));
}

static void
search_for (GtkWidget  *view,
            const char *words)
{
  GtkWidget *entry = rc_test_find_widget (view, GTK_TYPE_SEARCH_ENTRY);

  gtk_editable_set_text (GTK_EDITABLE (entry), words);
}

static guint
n_listed (GtkWidget *view)
{
  return g_list_model_get_n_items (rc_news_view_get_posts (RC_NEWS_VIEW (view)));
}

/* The app's window, wide enough for the feed beside the article, on the
 * news. */
static GtkWidget *
open_news (RcApplication *app)
{
  GtkWidget *window = GTK_WIDGET (g_object_ref (rc_window_new (app)));

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 700);
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_activate_action (window, "win.place", "s", "news");
  rc_test_wait_until (gtk_widget_get_mapped (window));
  return window;
}

static void
test_news_view_reading (void)
{
  g_autofree char *data_dir = rc_test_make_temp_dir ();
  g_autoptr(RcApplication) app = rc_test_application_new (data_dir);
  RcNewsStore *store = NULL;
  g_autoptr(RcPost) first = NULL;
  GtkWidget *window, *view, *list, *combo, *text_view, *article, *send;
  GtkTextBuffer *buffer;

  window = open_news (app);
  store = rc_application_get_news_store (app);

  /* The four posts, the newest first, unread. */
  view = rc_test_find_widget (window, RC_TYPE_NEWS_VIEW);
  g_assert_cmpuint (n_listed (view), ==, 4);
  first = g_list_model_get_item (rc_news_view_get_posts (RC_NEWS_VIEW (view)), 0);
  g_assert_cmpstr (rc_post_get_title (first), ==, "Officials for interaction with NGOs: who they are and why they matter");
  g_assert_false (rc_post_get_read (first));

  /* Choosing it opens it, and it is read. */
  list = rc_test_find_widget (view, GTK_TYPE_GRID_VIEW);
  g_signal_emit_by_name (list, "activate", 0);
  g_assert_true (shown_post (window) == first);
  g_assert_true (rc_post_get_read (first));
  article = rc_test_find_widget (window, RC_TYPE_ARTICLE_VIEW);
  g_assert_true (shows_text (article, "Deputy director of a department"));
  /* The table's text is the article's, to copy like the rest. */
  g_assert_true (gtk_label_get_selectable (rc_test_find_label (article, "Deputy director of a department")));
  g_assert_true (gtk_label_get_selectable (rc_test_find_label (article, "Level of the state body — Minimum position")));

  /* The guide: the level of the state body gives the position to ask for. */
  combo = rc_test_find_widget (article, ADW_TYPE_COMBO_ROW);
  g_assert_true (shows_text (combo, "Central (ministry)"));
  adw_combo_row_set_selected (ADW_COMBO_ROW (combo), 3);
  g_assert_true (shows_text (article, "Deputy district akim"));

  /* An empty opinion is refused, with the box to write in; one written is
   * kept, and the box is empty for the next. */
  text_view = rc_test_find_widget (article, GTK_TYPE_TEXT_VIEW);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view));
  send = rc_test_find_button (article, "_Send Your Opinion");
  rc_test_press_button (send);
  rc_test_wait_until (shows_text (article, "Write your opinion first"));
  g_assert_true (gtk_widget_has_focus (text_view));
  g_assert_cmpint (rc_news_store_count_opinions (store, NULL), ==, 0);
  gtk_text_buffer_set_text (buffer, "Regular round tables, with minutes.", -1);
  rc_test_wait_until (gtk_widget_is_sensitive (send));
  rc_test_press_button (send);
  rc_test_wait_until (rc_news_store_count_opinions (store, NULL) == 1);
  rc_test_wait_until (gtk_widget_is_sensitive (send));
  g_assert_cmpint (gtk_text_buffer_get_char_count (buffer), ==, 0);
  g_assert_false (shows_text (article, "Write your opinion first"));
  g_assert_true (shows_text (article, "Thank you: your opinion is kept, without your name"));

  /* The same article in Russian, with the focus in the box it replaces. */
  rc_test_press_button (rc_test_find_button (article, "Русский"));
  g_assert_cmpstr (rc_post_get_language (shown_post (window)), ==, "ru");
  g_assert_true (shows_text (article, "Заместитель директора департамента"));

  /* Larger text. */
  g_assert_true (gtk_widget_activate_action (article, "article.text-larger", NULL));
  g_assert_nonnull (find_with_class (article, "rc-text-scale-1"));

  /* Search by words of the text; none found says so. */
  search_for (view, "akimat district");
  rc_test_wait_until (n_listed (view) == 1);
  search_for (view, "zzyzx");
  rc_test_wait_until (n_listed (view) == 0);
  g_assert_true (shows_text (view, "No Posts Found"));
  search_for (view, "");
  rc_test_wait_until (n_listed (view) == 4);

  /* The survey post's button opens the survey. */
  {
    g_autoptr(RcPost) survey_post = rc_news_store_get_post (store, "bundled:womens-express-survey:en", NULL);

    rc_news_view_open_post (RC_NEWS_VIEW (view), survey_post);
    rc_test_press_button (rc_test_find_button (article, "Take the survey"));
    g_assert_cmpstr (rc_window_get_place (RC_WINDOW (window)), ==, "survey");
  }

  rc_test_destroy_window (window);
}

/* A phone-sized window shows the feed or the article, with a way back. */
static void
test_news_view_narrow (void)
{
  g_autofree char *data_dir = rc_test_make_temp_dir ();
  g_autoptr(RcApplication) app = rc_test_application_new (data_dir);
  GtkWidget *window, *view, *leaflet, *back;

  window = GTK_WIDGET (g_object_ref (rc_window_new (RC_APPLICATION (app))));
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_activate_action (window, "win.place", "s", "news");
  view = rc_test_find_widget (window, RC_TYPE_NEWS_VIEW);
  leaflet = rc_test_find_widget (view, ADW_TYPE_LEAFLET);
  rc_test_wait_until (adw_leaflet_get_folded (ADW_LEAFLET (leaflet)));

  g_signal_emit_by_name (rc_test_find_widget (view, GTK_TYPE_GRID_VIEW), "activate", 1);
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (ADW_LEAFLET (leaflet)), ==, "article");

  back = rc_test_find_action (view, "news.back");
  g_assert_true (gtk_widget_get_visible (back));
  rc_test_press_button (back);
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (ADW_LEAFLET (leaflet)), ==, "feed");

  rc_test_destroy_window (window);
}

static GtkWidget *
find_link_label (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LABEL (child) && gtk_label_get_use_markup (GTK_LABEL (child)) &&
          strstr (gtk_label_get_label (GTK_LABEL (child)), "<a href=\"http") != NULL)
        return child;
      if ((found = find_link_label (child)))
        return found;
    }

  return NULL;
}

/* Every kind of block a post can hold, as the article shows it. */
static void
test_news_view_every_block (void)
{
  g_autofree char *data_dir = rc_test_make_temp_dir ();
  g_autoptr(RcApplication) app = rc_test_application_new (data_dir);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RcPost) post = NULL;
  GtkWidget *window, *view, *article, *link, *grid;
  RcPostData data = {
    .id = "site:9", .group_id = "site:9", .source = "site", .language = "en",
    .title = "Every block", .excerpt = "All of them", .published_at = "2026-11-20",
    .modified_at = "2026-11-20", .link = NULL,
  };

  json_parser_load_from_data (parser,
    "[{\"type\":\"heading\",\"text\":\"A heading\",\"level\":2},"
    " {\"type\":\"paragraph\",\"text\":\"A paragraph with a link.\","
    "  \"links\":[{\"text\":\"link\",\"url\":\"https://example.org/\"}]},"
    " {\"type\":\"list\",\"ordered\":true,\"items\":[\"First\",\"Second\"]},"
    " {\"type\":\"quote\",\"text\":\"A quote\",\"cite\":\"Someone\"},"
    " {\"type\":\"table\",\"header\":[\"A\",\"B\",\"C\"],\"rows\":[[\"1\",\"2\",\"3\"]]},"
    " {\"type\":\"link\",\"text\":\"The centre\",\"url\":\"https://example.org/centre\"},"
    " {\"type\":\"image\",\"url\":\"https://example.org/x.png\",\"alt\":\"Never fetched\"},"
    " {\"type\":\"unknown\",\"text\":\"Skipped\"}]", -1, &error);
  g_assert_no_error (error);
  data.blocks = json_node_get_array (json_parser_get_root (parser));
  g_assert_true (rc_news_store_put (rc_application_get_news_store (app), &data, &error));
  g_assert_no_error (error);

  window = GTK_WIDGET (g_object_ref (rc_window_new (RC_APPLICATION (app))));
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 700);
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_activate_action (window, "win.place", "s", "news");
  view = rc_test_find_widget (window, RC_TYPE_NEWS_VIEW);
  post = rc_news_store_get_post (rc_application_get_news_store (app), "site:9", NULL);
  rc_news_view_open_post (RC_NEWS_VIEW (view), post);
  article = rc_test_find_widget (window, RC_TYPE_ARTICLE_VIEW);

  g_assert_true (shows_text (article, "A heading"));
  g_assert_nonnull (find_link_label (article));
  g_assert_true (shows_text (article, "1.") && shows_text (article, "Second"));
  g_assert_nonnull (find_with_class (article, "rc-quote"));
  g_assert_true (shows_text (article, "Someone"));
  /* The table's header and cells in one grid. */
  g_assert_nonnull (rc_test_find_label (article, "C"));
  grid = gtk_widget_get_parent (GTK_WIDGET (rc_test_find_label (article, "C")));
  g_assert_true (GTK_IS_GRID (grid));
  g_assert_true (shows_text (grid, "A") && shows_text (grid, "3"));
  link = rc_test_find_widget (article, GTK_TYPE_LINK_BUTTON);
  g_assert_cmpstr (gtk_link_button_get_uri (GTK_LINK_BUTTON (link)), ==, "https://example.org/centre");
  /* A picture never fetched is left out; an unknown block too. */
  g_assert_null (rc_test_find_widget (article, GTK_TYPE_PICTURE));
  g_assert_false (shows_text (article, "Skipped"));

  rc_test_destroy_window (window);
}

static const char *
notice_text (GtkWidget *view)
{
  GtkRevealer *revealer = GTK_REVEALER (rc_test_find_widget (view, GTK_TYPE_REVEALER));
  GtkWidget *label = rc_test_find_widget (GTK_WIDGET (revealer), GTK_TYPE_LABEL);

  return gtk_revealer_get_reveal_child (revealer) ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
}

/* The centre's website: set it, fetch from it, and come back from an error. */
static void
test_news_view_refresh (void)
{
  g_autofree char *data_dir = rc_test_make_temp_dir ();
  g_autoptr(RcApplication) app = rc_test_application_new (data_dir);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *saved = NULL;
  RcTestSite *site = rc_test_site_start ();
  GtkWidget *window, *view, *entry;
  GtkWindow *dialog;

  g_settings_reset (settings, "news-site-url");
  window = GTK_WIDGET (g_object_ref (rc_window_new (RC_APPLICATION (app))));
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 700);
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_activate_action (window, "win.place", "s", "news");
  view = rc_test_find_widget (window, RC_TYPE_NEWS_VIEW);

  /* No website yet: the feed says what it shows, and how to change it. */
  g_assert_cmpstr (notice_text (view), ==, "Only the posts that come with the app are shown.");
  rc_test_press_button (rc_test_find_button (view, "Set the _Website…"));
  rc_test_wait_until ((dialog = rc_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG)) != NULL);
  entry = adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog));
  gtk_editable_set_text (GTK_EDITABLE (entry), "not an address");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save"));

  /* A site that fails: said, with a way to try again; the feed stays. */
  rc_test_site_set (site, RC_TEST_SITE_ERROR, 0);
  gtk_editable_set_text (GTK_EDITABLE (entry), rc_test_site_get_url (site));
  rc_test_press_button (rc_test_find_button (GTK_WIDGET (dialog), "_Save"));
  saved = g_settings_get_string (settings, "news-site-url");
  g_assert_cmpstr (saved, ==, rc_test_site_get_url (site));
  rc_test_wait_until (notice_text (view) != NULL && strstr (notice_text (view), "500") != NULL);
  g_assert_cmpuint (n_listed (view), ==, 4);

  /* Back up: its posts join the feed. */
  rc_test_site_set (site, RC_TEST_SITE_POSTS, 3);
  rc_test_press_button (rc_test_find_button (view, "_Try Again"));
  rc_test_wait_until (n_listed (view) == 7);
  g_assert_null (notice_text (view));

  /* A fetched post reads like the bundled ones, its picture from the cache. */
  {
    g_autoptr(RcPost) fetched = rc_news_store_get_post (rc_application_get_news_store (app), "site:1", NULL);
    GtkWidget *article = rc_test_find_widget (window, RC_TYPE_ARTICLE_VIEW);

    rc_news_view_open_post (RC_NEWS_VIEW (view), fetched);
    g_assert_true (shows_text (article, "Приглашаем на семинар о грантах."));
    /* Its link opens in the browser. */
    g_assert_nonnull (find_link_label (article));
    g_assert_nonnull (rc_test_find_widget (article, GTK_TYPE_PICTURE));
    g_assert_false (shows_text (article, "alert(1)"));
  }

  rc_test_destroy_window (window);
  g_settings_reset (settings, "news-site-url");
  rc_test_site_stop (site);
}

/* The feed and the article name the month in the reader's language, not
 * in the system's: a Kazakh reader on a computer set up in English. */
static void
test_news_view_days_in_reader_language (void)
{
  static const struct { const char *language, *feed_day; } readers[] = {
    { "kk", "2019 жылғы 3 маусым · Қазақша" },
    { "ru", "3 июня 2019 г. · Русский" },
    { "en", "3 June 2019 · English" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (readers); i++)
    {
      g_autofree char *data_dir = rc_test_make_temp_dir ();
      g_autoptr(RcApplication) app = NULL;
      g_autoptr(RcPost) first = NULL;
      g_autofree char *article_day = NULL;
      GtkWidget *window, *view;

      rc_language_use (readers[i].language);
      app = rc_test_application_new (data_dir);
      window = GTK_WIDGET (g_object_ref (rc_window_new (RC_APPLICATION (app))));
      gtk_window_set_default_size (GTK_WINDOW (window), 1100, 700);
      gtk_window_present (GTK_WINDOW (window));
      gtk_widget_activate_action (window, "win.place", "s", "news");
      rc_test_wait_until (gtk_widget_get_mapped (window));

      view = rc_test_find_widget (window, RC_TYPE_NEWS_VIEW);
      rc_test_wait_until (shows_text (view, readers[i].feed_day));
      first = g_list_model_get_item (rc_news_view_get_posts (RC_NEWS_VIEW (view)), 0);
      rc_news_view_open_post (RC_NEWS_VIEW (view), first);
      article_day = g_strndup (readers[i].feed_day, strstr (readers[i].feed_day, " · ") - readers[i].feed_day);
      g_assert_true (shows_text (rc_test_find_widget (window, RC_TYPE_ARTICLE_VIEW), article_day));

      rc_test_destroy_window (window);
      rc_language_use_system ();
    }
}

/* Another program writes to the database while she reads (a coordinator's
 * import of other kiosks' answers, a news refresh): opening a post and
 * sending an opinion hold the window up for none of it, and what they
 * write is kept once the database is free. */
static void
test_news_view_busy_database (void)
{
  g_autofree char *data_dir = rc_test_make_temp_dir ();
  g_autoptr(RcApplication) app = rc_test_application_new (data_dir);
  g_autoptr(RcDatabase) other = rc_test_open_database (data_dir);
  g_autoptr(RcPost) first = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first_read = NULL;
  RcDatabase *database;
  GtkWidget *window, *view, *article, *text_view, *send;
  GtkTextBuffer *buffer;

  window = open_news (app);
  database = rc_news_store_get_database (rc_application_get_news_store (app));
  view = rc_test_find_widget (window, RC_TYPE_NEWS_VIEW);
  first = g_list_model_get_item (rc_news_view_get_posts (RC_NEWS_VIEW (view)), 0);
  first_read = g_strdup_printf ("SELECT read FROM posts WHERE id = '%s'", rc_post_get_id (first));
  g_assert_true (rc_database_exec (other, "BEGIN IMMEDIATE", &error));
  g_assert_no_error (error);

  /* The post opens, and the feed shows it read at once. */
  g_signal_emit_by_name (rc_test_find_widget (view, GTK_TYPE_GRID_VIEW), "activate", 0);
  rc_test_wait_for_frames (window, 10);
  g_assert_true (shown_post (window) == first);
  g_assert_true (rc_post_get_read (first));
  g_assert_cmpint (rc_test_query_int (database, first_read), ==, 0);

  /* Her opinion waits, with nothing to press or change twice. */
  article = rc_test_find_widget (window, RC_TYPE_ARTICLE_VIEW);
  text_view = rc_test_find_widget (article, GTK_TYPE_TEXT_VIEW);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view));
  send = rc_test_find_button (article, "_Send Your Opinion");
  gtk_text_buffer_set_text (buffer, "Regular round tables, with minutes.", -1);
  rc_test_press_button (send);
  rc_test_wait_for_frames (window, 10);
  g_assert_false (gtk_widget_is_sensitive (send));
  g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (text_view)));
  g_assert_cmpint (rc_test_query_int (database, "SELECT count(*) FROM opinions"), ==, 0);

  /* Free: both are written, and she is thanked. */
  g_assert_true (rc_database_exec (other, "COMMIT", &error));
  g_assert_no_error (error);
  rc_test_wait_until (shows_text (article, "Thank you: your opinion is kept, without your name"));
  g_assert_true (gtk_widget_is_sensitive (send));
  g_assert_true (gtk_text_view_get_editable (GTK_TEXT_VIEW (text_view)));
  g_assert_cmpint (gtk_text_buffer_get_char_count (buffer), ==, 0);
  g_assert_cmpint (rc_test_query_int (database, "SELECT count(*) FROM opinions"), ==, 1);
  rc_test_wait_until (rc_test_query_int (database, first_read) == 1);

  rc_test_destroy_window (window);
}

typedef struct
{
  RcDatabase *other;
  GThread    *committer;
  GtkWidget  *window;
  gboolean    shown_while_waiting;
} Quitting;

/* While the app waits for her opinion to be written, what the screen
 * shows: the app's window must be gone, not frozen on it. Then the other
 * program's write ends. */
static gpointer
look_then_commit (gpointer data)
{
  Quitting *quitting = data;
  g_autoptr(GError) error = NULL;
  int status;

  g_usleep (300 * G_TIME_SPAN_MILLISECOND);
  g_assert_true (g_spawn_command_line_sync ("xdotool search --onlyvisible --name \"^Resource Centre$\"",
                                            NULL, NULL, &status, &error));
  g_assert_no_error (error);
  /* xdotool finds nothing: it says so with 1. */
  quitting->shown_while_waiting = g_spawn_check_wait_status (status, NULL);
  g_assert_true (rc_database_exec (quitting->other, "COMMIT", &error));
  g_assert_no_error (error);

  return NULL;
}

/* She sends her opinion while another program writes, and quits at once,
 * as a person at the keyboard does: Ctrl+Q. */
static void
send_and_quit (GApplication *app,
               Quitting     *quitting)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RcPost) first = NULL;
  GtkWidget *window, *view, *article, *text_view, *send;

  window = GTK_WIDGET (gtk_application_get_active_window (GTK_APPLICATION (app)));
  quitting->window = g_object_ref (window);
  gtk_widget_activate_action (window, "win.place", "s", "news");
  rc_test_wait_until (gtk_widget_get_mapped (window));
  view = rc_test_find_widget (window, RC_TYPE_NEWS_VIEW);
  first = g_list_model_get_item (rc_news_view_get_posts (RC_NEWS_VIEW (view)), 0);
  rc_news_view_open_post (RC_NEWS_VIEW (view), first);
  article = rc_test_find_widget (window, RC_TYPE_ARTICLE_VIEW);
  text_view = rc_test_find_widget (article, GTK_TYPE_TEXT_VIEW);
  send = rc_test_find_button (article, "_Send Your Opinion");

  g_assert_true (rc_database_exec (quitting->other, "BEGIN IMMEDIATE", &error));
  g_assert_no_error (error);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view)),
                            "Regular round tables, with minutes.", -1);
  rc_test_press_button (send);
  rc_test_wait_until (!gtk_widget_is_sensitive (send));

  rc_test_press_keys ("ctrl+q");
  /* Pressing takes a moment: the other program ends only after it. */
  quitting->committer = g_thread_new ("look-then-commit", look_then_commit, quitting);
}

/* The app ends only once her opinion is kept. */
static void
test_news_view_opinion_kept_at_quit (void)
{
  g_autofree char *data_dir = rc_test_make_temp_dir ();
  g_autoptr(RcApplication) app = rc_test_application_new (data_dir);
  g_autoptr(RcDatabase) other = rc_test_open_database (data_dir);
  Quitting quitting = { other, NULL, NULL, TRUE };

  g_signal_connect_after (app, "activate", G_CALLBACK (send_and_quit), &quitting);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 0, NULL), ==, 0);

  /* Asked before the other program's end is joined: the app's own end
   * must have waited for it. */
  g_assert_nonnull (quitting.committer);
  g_assert_cmpint (rc_test_query_int (other, "SELECT count(*) FROM opinions"), ==, 1);
  g_thread_join (quitting.committer);
  g_assert_false (quitting.shown_while_waiting);
  rc_test_destroy_window (quitting.window);
}

/* Another program writes for longer than the app waits (a long import):
 * her opinion is not kept, she is told so under the box in words she can
 * act on, and what she wrote stays, with Send ready again under her
 * keyboard. */
static void
test_news_view_opinion_not_kept (void)
{
  g_autofree char *data_dir = rc_test_make_temp_dir ();
  g_autoptr(RcApplication) app = rc_test_application_new (data_dir);
  g_autoptr(RcDatabase) other = rc_test_open_database (data_dir);
  g_autoptr(RcPost) first = NULL;
  g_autoptr(GError) error = NULL;
  RcDatabase *database;
  GtkWidget *window, *view, *article, *text_view, *send;
  GtkTextBuffer *buffer;

  window = open_news (app);
  database = rc_news_store_get_database (rc_application_get_news_store (app));
  view = rc_test_find_widget (window, RC_TYPE_NEWS_VIEW);
  first = g_list_model_get_item (rc_news_view_get_posts (RC_NEWS_VIEW (view)), 0);
  rc_news_view_open_post (RC_NEWS_VIEW (view), first);
  article = rc_test_find_widget (window, RC_TYPE_ARTICLE_VIEW);
  text_view = rc_test_find_widget (article, GTK_TYPE_TEXT_VIEW);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view));
  send = rc_test_find_button (article, "_Send Your Opinion");
  rc_test_wait_until (rc_test_query_int (database, "SELECT count(*) FROM posts WHERE read = 1") == 1);

  g_assert_true (rc_database_exec (other, "BEGIN IMMEDIATE", &error));
  g_assert_no_error (error);
  gtk_text_buffer_set_text (buffer, "Regular round tables, with minutes.", -1);
  gtk_widget_grab_focus (send);
  rc_test_press_button (send);
  rc_test_wait_until (shows_text (article, "Your opinion could not be kept. Please try again later."));
  g_assert_true (gtk_widget_is_sensitive (send));
  g_assert_true (gtk_widget_has_focus (send));
  g_assert_true (gtk_text_view_get_editable (GTK_TEXT_VIEW (text_view)));
  g_assert_cmpint (gtk_text_buffer_get_char_count (buffer), ==,
                   g_utf8_strlen ("Regular round tables, with minutes.", -1));

  /* Free again: the same words are kept with the next Send. */
  g_assert_true (rc_database_exec (other, "COMMIT", &error));
  g_assert_no_error (error);
  rc_test_press_button (send);
  rc_test_wait_until (rc_test_query_int (database, "SELECT count(*) FROM opinions "
                                         "WHERE text = 'Regular round tables, with minutes.'") == 1);
  rc_test_wait_until (!shows_text (article, "Your opinion could not be kept. Please try again later."));

  rc_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  rc_test_ui_init ();

  g_test_add_func ("/news-view/reading", test_news_view_reading);
  g_test_add_func ("/news-view/narrow", test_news_view_narrow);
  g_test_add_func ("/news-view/refresh", test_news_view_refresh);
  g_test_add_func ("/news-view/every-block", test_news_view_every_block);
  g_test_add_func ("/news-view/days-in-reader-language", test_news_view_days_in_reader_language);
  g_test_add_func ("/news-view/busy-database", test_news_view_busy_database);
  g_test_add_func ("/news-view/opinion-not-kept", test_news_view_opinion_not_kept);
  g_test_add_func ("/news-view/opinion-kept-at-quit", test_news_view_opinion_kept_at_quit);

  return g_test_run ();
}
