/* test-news-sync.c: fetching posts from a WordPress site, served here
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libsoup/soup.h>

#include "rc-news-sync.h"
#include "rc-test-utils.h"

typedef enum
{
  SITE_POSTS,
  SITE_ERROR,
  SITE_NOT_JSON,
  SITE_WRONG_SHAPE,
  SITE_HUGE,
  SITE_REDIRECT_LOOP,
  SITE_SILENT,
} SiteMode;

/* A WordPress site on 127.0.0.1, in a thread of its own so the sync can
 * wait for it. */
typedef struct
{
  GThread      *thread;
  GMainContext *context;
  GMainLoop    *loop;
  SoupServer   *server;
  char         *url;
  GMutex        lock;
  GCond         ready;
  SiteMode      mode;
  char         *last_query;
  guint         n_posts;
} Site;

static char *
post_json (guint id,
           guint day)
{
  return g_strdup_printf ("{\"id\":%u,\"date\":\"2026-11-%02uT10:00:00\",\"modified\":\"2026-11-%02uT11:00:00\","
                          "\"link\":\"https://zubr.kz/?p=%u\","
                          "\"title\":{\"rendered\":\"Семинар для НПО &#8470;%u\"},"
                          "\"excerpt\":{\"rendered\":\"<p>Приглашаем на семинар.</p>\"},"
                          "\"content\":{\"rendered\":\"<p>Приглашаем на семинар о грантах.</p>"
                          "<script>alert(1)</script>\"}}",
                          id, day, day, id, id);
}

static void
serve_posts (Site              *site,
             SoupServerMessage *message,
             GHashTable        *query)
{
  guint page = query && g_hash_table_lookup (query, "page") ? atoi (g_hash_table_lookup (query, "page")) : 1;
  guint per_page = 2;
  guint n_pages = (site->n_posts + per_page - 1) / per_page;
  g_autoptr(GString) body = g_string_new ("[");
  g_autofree char *total = g_strdup_printf ("%u", MAX (n_pages, 1));

  for (guint id = (page - 1) * per_page + 1; id <= MIN (page * per_page, site->n_posts); id++)
    {
      g_autofree char *post = post_json (id, id);

      g_string_append_printf (body, "%s%s", body->len > 1 ? "," : "", post);
    }
  g_string_append (body, "]");

  soup_message_headers_replace (soup_server_message_get_response_headers (message), "X-WP-TotalPages", total);
  soup_server_message_set_response (message, "application/json", SOUP_MEMORY_COPY, body->str, body->len);
  soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
}

static void
handle (SoupServer        *server,
        SoupServerMessage *message,
        const char        *path,
        GHashTable        *query,
        gpointer           user_data)
{
  Site *site = user_data;
  g_autofree char *huge = NULL;
  SiteMode mode;

  g_mutex_lock (&site->lock);
  mode = site->mode;
  g_free (site->last_query);
  site->last_query = g_strdup (g_uri_get_query (soup_server_message_get_uri (message)));
  g_mutex_unlock (&site->lock);

  switch (mode)
    {
    case SITE_POSTS:
      serve_posts (site, message, query);
      break;
    case SITE_ERROR:
      soup_server_message_set_status (message, SOUP_STATUS_INTERNAL_SERVER_ERROR, NULL);
      break;
    case SITE_NOT_JSON:
      soup_server_message_set_response (message, "text/html", SOUP_MEMORY_STATIC, "<html>Maintenance</html>", 24);
      soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
      break;
    case SITE_WRONG_SHAPE:
      soup_server_message_set_response (message, "application/json", SOUP_MEMORY_STATIC, "[{\"id\":\"x\"}]", 12);
      soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
      break;
    case SITE_HUGE:
      huge = g_strnfill (300 * 1024, ' ');
      soup_server_message_set_response (message, "application/json", SOUP_MEMORY_COPY, huge, strlen (huge));
      soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
      break;
    case SITE_REDIRECT_LOOP:
      soup_server_message_set_redirect (message, SOUP_STATUS_FOUND, "/wp-json/wp/v2/posts");
      break;
    case SITE_SILENT:
    default:
      /* Never answers: the client's timeout or cancel must end it. */
      soup_server_message_pause (message);
      break;
    }
}

static gpointer
run_site (gpointer user_data)
{
  Site *site = user_data;
  g_autoptr(GError) error = NULL;
  GSList *uris;

  g_main_context_push_thread_default (site->context);
  site->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (site->server, "/wp-json/wp/v2/posts", handle, site, NULL);
  soup_server_listen_local (site->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (site->server);

  g_mutex_lock (&site->lock);
  site->url = g_uri_to_string (uris->data);
  g_cond_signal (&site->ready);
  g_mutex_unlock (&site->lock);
  g_slist_free_full (uris, (GDestroyNotify)g_uri_unref);

  g_main_loop_run (site->loop);
  g_clear_object (&site->server);
  g_main_context_pop_thread_default (site->context);
  return NULL;
}

static Site *
site_start (void)
{
  Site *site = g_new0 (Site, 1);

  g_mutex_init (&site->lock);
  g_cond_init (&site->ready);
  site->context = g_main_context_new ();
  site->loop = g_main_loop_new (site->context, FALSE);

  g_mutex_lock (&site->lock);
  site->thread = g_thread_new ("site", run_site, site);
  while (site->url == NULL)
    g_cond_wait (&site->ready, &site->lock);
  g_mutex_unlock (&site->lock);

  return site;
}

static void
site_set (Site     *site,
          SiteMode  mode,
          guint     n_posts)
{
  g_mutex_lock (&site->lock);
  site->mode = mode;
  site->n_posts = n_posts;
  g_mutex_unlock (&site->lock);
}

static gboolean
quit_loop (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

static void
site_stop (Site *site)
{
  g_main_context_invoke (site->context, quit_loop, site->loop);
  g_thread_join (site->thread);
  g_main_loop_unref (site->loop);
  g_main_context_unref (site->context);
  g_free (site->url);
  g_free (site->last_query);
  g_mutex_clear (&site->lock);
  g_cond_clear (&site->ready);
  g_free (site);
}

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

static void
test_sync_pages_and_changes (void)
{
  g_autofree char *dir = rc_test_make_temp_dir ();
  g_autoptr(RcNewsStore) store = open_store (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(RcPost) post = NULL;
  g_autoptr(JsonArray) blocks = NULL;
  Site *site = site_start ();
  guint added, updated;

  /* Five posts over three pages. */
  site_set (site, SITE_POSTS, 5);
  g_assert_true (rc_news_sync (store, site->url, NULL, NULL, &added, &updated, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 5);
  g_assert_cmpuint (updated, ==, 0);
  g_assert_cmpuint (count_site_posts (store), ==, 5);

  post = rc_news_store_get_post (store, "site:3", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rc_post_get_title (post), ==, "Семинар для НПО №3");
  g_assert_cmpstr (rc_post_get_language (post), ==, "ru");
  g_assert_cmpstr (rc_post_get_link (post), ==, "https://zubr.kz/?p=3");
  blocks = rc_news_store_load_blocks (store, post, &error);
  g_assert_cmpuint (json_array_get_length (blocks), ==, 1);

  /* The next sync asks only for what changed since the newest it has. */
  g_assert_true (rc_news_sync (store, site->url, NULL, NULL, &added, &updated, &error));
  g_assert_nonnull (strstr (site->last_query, "modified_after=2026-11-05T11"));

  site_stop (site);
}

static void
assert_refused (Site            *site,
                SiteMode         mode,
                RcNewsSyncError  code,
                const char      *says)
{
  g_autofree char *dir = rc_test_make_temp_dir ();
  g_autoptr(RcNewsStore) store = open_store (dir);
  RcNewsSyncOptions options = { 2, 256 * 1024 };
  g_autoptr(GError) error = NULL;
  guint added = 1, updated = 1;

  site_set (site, SITE_POSTS, 3);
  g_assert_true (rc_news_sync (store, site->url, &options, NULL, &added, &updated, &error));

  /* A bad answer leaves the cache as it was. */
  site_set (site, mode, 0);
  g_assert_false (rc_news_sync (store, site->url, &options, NULL, &added, &updated, &error));
  if (!g_error_matches (error, RC_NEWS_SYNC_ERROR, code) || strstr (error->message, says) == NULL)
    g_error ("expected %s, got: %s", says, error->message);
  g_assert_cmpuint (count_site_posts (store), ==, 3);
}

static void
test_sync_bad_answers (void)
{
  Site *site = site_start ();

  assert_refused (site, SITE_ERROR, RC_NEWS_SYNC_ERROR_HTTP, "500");
  assert_refused (site, SITE_NOT_JSON, RC_NEWS_SYNC_ERROR_INVALID, "not a list of WordPress posts");
  assert_refused (site, SITE_WRONG_SHAPE, RC_NEWS_SYNC_ERROR_INVALID, "not a list of WordPress posts");
  assert_refused (site, SITE_HUGE, RC_NEWS_SYNC_ERROR_TOO_LARGE, "MB");
  assert_refused (site, SITE_REDIRECT_LOOP, RC_NEWS_SYNC_ERROR_HTTP, "Cannot reach");
  assert_refused (site, SITE_SILENT, RC_NEWS_SYNC_ERROR_HTTP, "Cannot reach");

  site_stop (site);
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

static void
test_sync_cancelled (void)
{
  g_autofree char *dir = rc_test_make_temp_dir ();
  g_autoptr(RcNewsStore) store = open_store (dir);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  Site *site = site_start ();
  GThread *canceller;
  guint added, updated;

  site_set (site, SITE_SILENT, 0);
  canceller = g_thread_new ("cancel", cancel_in_a_moment, cancellable);
  g_assert_false (rc_news_sync (store, site->url, NULL, cancellable, &added, &updated, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_thread_join (canceller);

  site_stop (site);
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
  g_test_add_func ("/news-sync/bad-address", test_sync_bad_address);

  return g_test_run ();
}
