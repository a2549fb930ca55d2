/* test-news-sync.c: fetching posts from a WordPress site, served here
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rc-news-sync.h"
#include "rc-test-site.h"
#include "rc-test-utils.h"

static RcNewsStore *
open_store (const char *data_dir)
{
  g_autoptr(RcDatabase) database = rc_test_open_database (data_dir);

  return rc_news_store_new (database);
}

static guint
count_site_posts (RcNewsStore *store)
{
  g_autoptr(GListModel) posts = rc_news_store_list (store, NULL, "ru", NULL);

  return g_list_model_get_n_items (posts);
}

/* The test site's one picture is a PNG of one pixel, 67 bytes: a cached
 * file by the name of its address must be all of it. */
static void
assert_cached_images_whole (const char *data_dir)
{
  g_autofree char *folder = g_build_filename (data_dir, "images", NULL);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autofree char *contents = NULL;
      gsize length;

      /* The name of a picture, not of a write that the kill cut short. */
      if (strlen (name) != 64)
        continue;
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_assert_cmpuint (length, ==, 67);
    }
}

/* A refresh killed at any moment, as by a power cut: the database is
 * sound, every post of a refresh that was stored is there, no post is
 * there by halves, and a picture in the cache is whole. */
static void
test_sync_survives_kill (void)
{
  g_autofree char *dir = rc_test_make_temp_dir ();
  g_autofree char *helper = g_test_build_filename (G_TEST_BUILT, "rc-news-sync-loop", NULL);
  RcTestSite *site = rc_test_site_start ();
  const char *argv[] = { helper, dir, rc_test_site_get_url (site), NULL };
  guint kills = rc_test_get_kills ();
  guint most_served = 0;
  guint n_reported = 0;

  for (guint round = 0; round < kills; round++)
    {
      g_autoptr(RcDatabase) database = NULL;
      g_autofree char *integrity = NULL;
      g_auto(GStrv) reported = NULL;
      /* The site grows between runs, so each run has more to store. */
      guint served = 1 + round % 40;

      most_served = MAX (most_served, served);
      rc_test_site_set (site, RC_TEST_SITE_POSTS, served);
      reported = rc_test_kill_while_running (argv, 1000, 80000);
      n_reported += g_strv_length (reported);

      database = rc_test_open_database (dir);
      integrity = rc_test_integrity_check (database);
      g_assert_cmpstr (integrity, ==, "ok");

      /* What a stored refresh brought is all there... */
      if (reported[0] != NULL)
        {
          g_autoptr(RcNewsStore) store = rc_news_store_new (database);
          g_autofree char *expected = g_strdup_printf ("%u", served);

          g_assert_cmpstr (reported[0], ==, expected);
          for (guint id = 1; id <= served; id++)
            {
              g_autofree char *post_id = g_strdup_printf ("site:%u", id);
              g_autoptr(RcPost) post = rc_news_store_get_post (store, post_id, NULL);

              g_assert_nonnull (post);
            }
        }

      /* ...and no post is there without its title and its text... */
      g_assert_cmpint (rc_test_query_int (database, "SELECT count(*) FROM posts WHERE source = 'site'"),
                       <=, most_served);
      g_assert_cmpint (rc_test_query_int (database,
                                          "SELECT count(*) FROM posts WHERE source = 'site' AND "
                                          "(title NOT LIKE 'Семинар для НПО №%' OR "
                                          "json_array_length (blocks) < 1)"),
                       ==, 0);

      /* ...nor a picture by halves. */
      assert_cached_images_whole (dir);
    }

  g_test_message ("%u kills, %u refreshes reported", kills, n_reported);
  g_assert_cmpuint (n_reported, >, 0);
  rc_test_site_stop (site);
}

static void
test_sync_pages_and_changes (void)
{
  g_autofree char *dir = rc_test_make_temp_dir ();
  g_autoptr(RcNewsStore) store = open_store (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(RcPost) post = NULL;
  g_autoptr(JsonArray) blocks = NULL;
  RcTestSite *site = rc_test_site_start ();
  g_autofree char *query = NULL;
  g_autofree char *link = NULL;
  guint added, updated;

  /* Five posts over three pages. */
  rc_test_site_set (site, RC_TEST_SITE_POSTS, 5);
  g_assert_true (rc_news_sync (store, rc_test_site_get_url (site), NULL, NULL, &added, &updated, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 5);
  g_assert_cmpuint (updated, ==, 0);
  g_assert_cmpuint (count_site_posts (store), ==, 5);

  post = rc_news_store_get_post (store, "site:3", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rc_post_get_title (post), ==, "Семинар для НПО №3");
  g_assert_cmpstr (rc_post_get_language (post), ==, "ru");
  link = g_strconcat (rc_test_site_get_url (site), "?p=3", NULL);
  g_assert_cmpstr (rc_post_get_link (post), ==, link);
  blocks = rc_news_store_load_blocks (store, post, &error);
  g_assert_cmpuint (json_array_get_length (blocks), ==, 1);

  /* Where the site says the language, it is believed. */
  {
    g_autoptr(RcPost) second = rc_news_store_get_post (store, "site:2", NULL);

    g_assert_cmpstr (rc_post_get_language (second), ==, "kk");
  }

  /* A post's picture is fetched once into the cache. */
  {
    g_autoptr(RcPost) first = rc_news_store_get_post (store, "site:1", NULL);
    g_autoptr(JsonArray) first_blocks = rc_news_store_load_blocks (store, first, NULL);
    JsonObject *image = json_array_get_object_element (first_blocks, 1);
    g_autofree char *cached = NULL;

    g_assert_cmpstr (json_object_get_string_member (image, "type"), ==, "image");
    g_assert_cmpstr (json_object_get_string_member (image, "alt"), ==, "Зал");
    cached = g_build_filename (dir, json_object_get_string_member (image, "cache"), NULL);
    g_assert_true (g_file_test (cached, G_FILE_TEST_IS_REGULAR));
  }

  /* The next sync asks only for what changed since the newest it has. */
  g_assert_true (rc_news_sync (store, rc_test_site_get_url (site), NULL, NULL, &added, &updated, &error));
  query = rc_test_site_get_last_query (site);
  g_assert_nonnull (strstr (query, "modified_after=2026-11-05T11"));

  rc_test_site_stop (site);
}

static void
assert_refused (RcTestSite      *site,
                RcTestSiteMode   mode,
                RcNewsSyncError  code,
                const char      *says)
{
  g_autofree char *dir = rc_test_make_temp_dir ();
  g_autoptr(RcNewsStore) store = open_store (dir);
  RcNewsSyncOptions options = { 2, 256 * 1024 };
  g_autoptr(GError) error = NULL;
  guint added = 1, updated = 1;

  rc_test_site_set (site, RC_TEST_SITE_POSTS, 3);
  g_assert_true (rc_news_sync (store, rc_test_site_get_url (site), &options, NULL, &added, &updated, &error));

  /* A bad answer leaves the cache as it was. */
  rc_test_site_set (site, mode, 0);
  g_assert_false (rc_news_sync (store, rc_test_site_get_url (site), &options, NULL, &added, &updated, &error));
  if (!g_error_matches (error, RC_NEWS_SYNC_ERROR, code) || strstr (error->message, says) == NULL)
    g_error ("expected %s, got: %s", says, error->message);
  g_assert_cmpuint (count_site_posts (store), ==, 3);
}

static void
test_sync_bad_answers (void)
{
  RcTestSite *site = rc_test_site_start ();

  assert_refused (site, RC_TEST_SITE_ERROR, RC_NEWS_SYNC_ERROR_HTTP, "500");
  assert_refused (site, RC_TEST_SITE_NOT_JSON, RC_NEWS_SYNC_ERROR_INVALID, "not a list of WordPress posts");
  assert_refused (site, RC_TEST_SITE_WRONG_SHAPE, RC_NEWS_SYNC_ERROR_INVALID, "not a list of WordPress posts");
  assert_refused (site, RC_TEST_SITE_DEEP, RC_NEWS_SYNC_ERROR_INVALID, "not a list of WordPress posts");
  assert_refused (site, RC_TEST_SITE_HUGE, RC_NEWS_SYNC_ERROR_TOO_LARGE, "MB");
  assert_refused (site, RC_TEST_SITE_REDIRECT_LOOP, RC_NEWS_SYNC_ERROR_HTTP, "Cannot reach");
  assert_refused (site, RC_TEST_SITE_SILENT, RC_NEWS_SYNC_ERROR_HTTP, "Cannot reach");

  rc_test_site_stop (site);
}

/* A server that promises a thousand bytes and hangs up after a few. */
static gpointer
answer_cut_off (gpointer user_data)
{
  static const char answer[] = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                               "Content-Length: 1000\r\nConnection: close\r\n\r\n[{\"id\":";
  g_autoptr(GSocketConnection) connection = g_socket_listener_accept (user_data, NULL, NULL, NULL);
  char request[4096];

  g_assert_nonnull (connection);
  g_input_stream_read (g_io_stream_get_input_stream (G_IO_STREAM (connection)), request, sizeof request, NULL, NULL);
  g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (connection)),
                             answer, strlen (answer), NULL, NULL, NULL);
  g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
  return NULL;
}

static void
test_sync_cut_off (void)
{
  g_autofree char *dir = rc_test_make_temp_dir ();
  g_autoptr(RcNewsStore) store = open_store (dir);
  g_autoptr(GSocketListener) listener = g_socket_listener_new ();
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  GThread *server;
  guint added, updated;

  g_socket_listener_add_address (listener, address, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                                 NULL, &bound, &error);
  g_assert_no_error (error);
  url = g_strdup_printf ("http://127.0.0.1:%u/", g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  server = g_thread_new ("cut-off", answer_cut_off, listener);

  g_assert_false (rc_news_sync (store, url, NULL, NULL, &added, &updated, &error));
  g_assert_error (error, RC_NEWS_SYNC_ERROR, RC_NEWS_SYNC_ERROR_HTTP);
  g_assert_nonnull (strstr (error->message, "cut off"));
  g_assert_cmpuint (count_site_posts (store), ==, 0);

  g_thread_join (server);
  g_socket_listener_close (listener);
}

static gboolean
cancel_soon (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_REMOVE;
}

static gpointer
cancel_in_a_moment (gpointer user_data)
{
  g_usleep (200000);
  cancel_soon (user_data);
  return NULL;
}

/* Stopped while the site keeps silent, in the way @mode says: the sync ends
 * as cancelled, and no post of it is kept. */
static void
assert_cancelled (RcTestSiteMode mode,
                  guint          n_posts)
{
  g_autofree char *dir = rc_test_make_temp_dir ();
  g_autoptr(RcNewsStore) store = open_store (dir);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  RcTestSite *site = rc_test_site_start ();
  GThread *canceller;
  guint added, updated;

  rc_test_site_set (site, mode, n_posts);
  canceller = g_thread_new ("cancel", cancel_in_a_moment, cancellable);
  g_assert_false (rc_news_sync (store, rc_test_site_get_url (site), NULL, cancellable, &added, &updated, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_thread_join (canceller);
  g_assert_cmpuint (count_site_posts (store), ==, 0);

  rc_test_site_stop (site);
}

static void
test_sync_cancelled (void)
{
  assert_cancelled (RC_TEST_SITE_SILENT, 0);
}

/* Stopped while the pictures come: the posts fetched are not kept either, as
 * a stop anywhere else leaves the news as they were. */
static void
test_sync_cancelled_during_pictures (void)
{
  assert_cancelled (RC_TEST_SITE_SILENT_PICTURES, 3);
}

static void
test_sync_bad_address (void)
{
  g_autofree char *dir = rc_test_make_temp_dir ();
  g_autoptr(RcNewsStore) store = open_store (dir);
  g_autoptr(GError) error = NULL;
  guint added, updated;

  g_assert_false (rc_news_sync (store, "zubr kz", NULL, NULL, &added, &updated, &error));
  g_assert_error (error, RC_NEWS_SYNC_ERROR, RC_NEWS_SYNC_ERROR_ADDRESS);
  g_assert_nonnull (strstr (error->message, "zubr kz"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/news-sync/pages-and-changes", test_sync_pages_and_changes);
  g_test_add_func ("/news-sync/bad-answers", test_sync_bad_answers);
  g_test_add_func ("/news-sync/cancelled", test_sync_cancelled);
  g_test_add_func ("/news-sync/cancelled-during-pictures", test_sync_cancelled_during_pictures);
  g_test_add_func ("/news-sync/cut-off", test_sync_cut_off);
  g_test_add_func ("/news-sync/bad-address", test_sync_bad_address);
  g_test_add_func ("/news-sync/survives-kill", test_sync_survives_kill);

  return g_test_run ();
}
