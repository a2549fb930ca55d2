/* rc-test-site.c
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libsoup/soup.h>
#include <stdlib.h>
#include <string.h>

#include "rc-test-site.h"

/* A WordPress site on 127.0.0.1, in a thread of its own so the sync can
 * wait for it. */
struct _RcTestSite
{
  GThread      *thread;
  GMainContext *context;
  GMainLoop    *loop;
  SoupServer   *server;
  char         *url;
  GMutex        lock;
  GCond         ready;
  RcTestSiteMode      mode;
  char         *last_query;
  guint         n_posts;
};

/* A post as WordPress gives it, its link on this site. */
static char *
post_json (const char *site_url,
           guint       id,
           guint       day)
{
  return g_strdup_printf ("{%s\"id\":%u,\"date\":\"2026-11-%02uT10:00:00\",\"modified\":\"2026-11-%02uT11:00:00\","
                          "\"link\":\"%s?p=%u\","
                          "\"title\":{\"rendered\":\"Семинар для НПО &#8470;%u\"},"
                          "\"excerpt\":{\"rendered\":\"<p>Приглашаем на семинар.</p>\"},"
                          "\"content\":{\"rendered\":\"<p>Приглашаем на семинар о <a href=\\\"/grants\\\">грантах</a>.</p>"
                          "<script>alert(1)</script>%s\"}}",
                          /* The site says the language of one post only. */
                          id == 2 ? "\"lang\":\"kk\"," : "",
                          id, day, day, site_url, id, id,
                          id == 1 ? "<figure><img src=\\\"/image.png\\\" alt=\\\"Зал\\\"></figure>" : "");
}

static void
serve_posts (RcTestSite        *site,
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
      g_autofree char *post = post_json (site->url, id, id);

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
  RcTestSite *site = user_data;
  g_autofree char *huge = NULL;
  RcTestSiteMode mode;

  g_mutex_lock (&site->lock);
  mode = site->mode;
  g_free (site->last_query);
  site->last_query = g_strdup (g_uri_get_query (soup_server_message_get_uri (message)));
  g_mutex_unlock (&site->lock);

  switch (mode)
    {
    case RC_TEST_SITE_POSTS:
    case RC_TEST_SITE_SILENT_PICTURES:
      serve_posts (site, message, query);
      break;
    case RC_TEST_SITE_ERROR:
      soup_server_message_set_status (message, SOUP_STATUS_INTERNAL_SERVER_ERROR, NULL);
      break;
    case RC_TEST_SITE_NOT_JSON:
      soup_server_message_set_response (message, "text/html", SOUP_MEMORY_STATIC, "<html>Maintenance</html>", 24);
      soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
      break;
    case RC_TEST_SITE_WRONG_SHAPE:
      soup_server_message_set_response (message, "application/json", SOUP_MEMORY_STATIC, "[{\"id\":\"x\"}]", 12);
      soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
      break;
    case RC_TEST_SITE_DEEP:
      {
        /* A page of brackets alone, as deep as it is long. */
        gsize depth = 20000;
        char *deep = g_malloc (2 * depth);

        memset (deep, '[', depth);
        memset (deep + depth, ']', depth);
        soup_server_message_set_response (message, "application/json", SOUP_MEMORY_TAKE, deep, 2 * depth);
        soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
      }
      break;
    case RC_TEST_SITE_HUGE:
      huge = g_strnfill (300 * 1024, ' ');
      soup_server_message_set_response (message, "application/json", SOUP_MEMORY_COPY, huge, strlen (huge));
      soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
      break;
    case RC_TEST_SITE_REDIRECT_LOOP:
      soup_server_message_set_redirect (message, SOUP_STATUS_FOUND, "/wp-json/wp/v2/posts");
      break;
    case RC_TEST_SITE_SILENT:
    default:
      /* Never answers: the client's timeout or cancel must end it. */
      soup_server_message_pause (message);
      break;
    }
}

/* The smallest PNG: one transparent pixel. */
static const guint8 pixel_png[] = {
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
  0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4,
  0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0x00, 0x01, 0x00, 0x00,
  0x05, 0x00, 0x01, 0x0d, 0x0a, 0x2d, 0xb4, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae,
  0x42, 0x60, 0x82,
};

static void
handle_image (SoupServer        *server,
              SoupServerMessage *message,
              const char        *path,
              GHashTable        *query,
              gpointer           user_data)
{
  RcTestSite *site = user_data;
  RcTestSiteMode mode;

  g_mutex_lock (&site->lock);
  mode = site->mode;
  g_mutex_unlock (&site->lock);
  if (mode == RC_TEST_SITE_SILENT_PICTURES)
    {
      soup_server_message_pause (message);
      return;
    }

  soup_server_message_set_response (message, "image/png", SOUP_MEMORY_STATIC,
                                    (const char *)pixel_png, sizeof pixel_png);
  soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
}

static gpointer
run_site (gpointer user_data)
{
  RcTestSite *site = user_data;
  g_autoptr(GError) error = NULL;
  GSList *uris;

  g_main_context_push_thread_default (site->context);
  site->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (site->server, "/wp-json/wp/v2/posts", handle, site, NULL);
  soup_server_add_handler (site->server, "/image.png", handle_image, site, NULL);
  soup_server_listen_local (site->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (site->server);

  g_mutex_lock (&site->lock);
  site->url = g_uri_to_string (uris->data);
  g_cond_signal (&site->ready);
  g_mutex_unlock (&site->lock);
  g_slist_free_full (uris, (GDestroyNotify)g_uri_unref);

  g_main_loop_run (site->loop);
  soup_server_disconnect (site->server);
  g_clear_object (&site->server);
  g_main_context_pop_thread_default (site->context);
  return NULL;
}

RcTestSite *
rc_test_site_start (void)
{
  RcTestSite *site = g_new0 (RcTestSite, 1);

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

void
rc_test_site_set (RcTestSite     *site,
                  RcTestSiteMode  mode,
                  guint           n_posts)
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

void
rc_test_site_stop (RcTestSite *site)
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


const char *
rc_test_site_get_url (RcTestSite *site)
{
  return site->url;
}

/* The query of the last request, as the site saw it. */
char *
rc_test_site_get_last_query (RcTestSite *site)
{
  char *query;

  g_mutex_lock (&site->lock);
  query = g_strdup (site->last_query);
  g_mutex_unlock (&site->lock);

  return query;
}
