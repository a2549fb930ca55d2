/* rc-news-sync.c
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libsoup/soup.h>

#include "rc-html-blocks.h"
#include "rc-i18n.h"
#include "rc-json.h"
#include "rc-news-sync-private.h"

G_DEFINE_QUARK (rc-news-sync-error-quark, rc_news_sync_error)

#define DEFAULT_TIMEOUT_SECONDS 30
#define POSTS_PER_PAGE 50
/* Enough for years of a small centre's posts; a site that says more is
 * not answering as WordPress does. */
#define MAX_PAGES 100
#define MAX_EXCERPT_CHARS 300

void
rc_news_sync_fetched_post_free (FetchedPost *post)
{
  g_free (post->id);
  g_free (post->group_id);
  g_free (post->language);
  g_free (post->title);
  g_free (post->excerpt);
  g_free (post->published_at);
  g_free (post->modified_at);
  g_free (post->link);
  g_clear_pointer (&post->blocks, json_array_unref);
  g_free (post);
}

/* The whole answer, up to @limit bytes: a cut-off body is an error. */
static GBytes *
read_body (GInputStream  *stream,
           gsize          limit,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GByteArray) body = g_byte_array_new ();
  guint8 chunk[16384];

  for (;;)
    {
      gssize n = g_input_stream_read (stream, chunk, sizeof chunk, cancellable, error);

      if (n < 0)
        return NULL;
      if (n == 0)
        break;
      if (body->len + n > limit)
        {
          g_set_error (error, RC_NEWS_SYNC_ERROR, RC_NEWS_SYNC_ERROR_TOO_LARGE,
                       _("The website sent more than %u MB for one page of posts"),
                       (guint)MAX (limit / (1024 * 1024), 1));
          return NULL;
        }
      g_byte_array_append (body, chunk, n);
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&body));
}

static const char *
rendered (JsonObject *post,
          const char *member)
{
  JsonNode *node = json_object_get_member (post, member);
  JsonObject *object = node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  JsonNode *text = object ? json_object_get_member (object, "rendered") : NULL;

  return text && rc_json_is_string (text) ? json_node_get_string (text) : NULL;
}

static const char *
string_member (JsonObject *post,
               const char *member)
{
  JsonNode *node = json_object_get_member (post, member);

  return node && rc_json_is_string (node) ? json_node_get_string (node) : NULL;
}

static FetchedPost *
read_post (JsonNode    *node,
           const char  *site_url,
           GError     **error)
{
  JsonObject *post = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  JsonNode *id = post ? json_object_get_member (post, "id") : NULL;
  const char *title = post ? rendered (post, "title") : NULL;
  const char *content = post ? rendered (post, "content") : NULL;
  const char *excerpt = post ? rendered (post, "excerpt") : NULL;
  const char *date = post ? string_member (post, "date") : NULL;
  const char *modified = post ? string_member (post, "modified") : NULL;
  const char *link = post ? string_member (post, "link") : NULL;
  const char *site_language;
  g_autofree char *words = NULL;
  FetchedPost *fetched;

  if (id == NULL || !rc_json_is_integer (id) || title == NULL || content == NULL || date == NULL)
    {
      g_set_error_literal (error, RC_NEWS_SYNC_ERROR, RC_NEWS_SYNC_ERROR_INVALID,
                           _("The website’s answer is not a list of WordPress posts"));
      return NULL;
    }

  fetched = g_new0 (FetchedPost, 1);
  fetched->id = g_strdup_printf ("site:%" G_GINT64_FORMAT, json_node_get_int (id));
  fetched->group_id = g_strdup (fetched->id);
  fetched->title = rc_html_to_text (title);
  fetched->blocks = rc_html_to_blocks (content, link ? link : site_url);
  fetched->excerpt = rc_html_to_text (excerpt ? excerpt : content);
  if (g_utf8_strlen (fetched->excerpt, -1) > MAX_EXCERPT_CHARS)
    {
      char *cut = g_utf8_substring (fetched->excerpt, 0, MAX_EXCERPT_CHARS);

      g_free (fetched->excerpt);
      fetched->excerpt = g_strconcat (g_strchomp (cut), "…", NULL);
      g_free (cut);
    }
  /* A multilingual site (Polylang) says the language; else the letters do. */
  site_language = post ? string_member (post, "lang") : NULL;
  if (site_language != NULL &&
      (g_str_has_prefix (site_language, "kk") || g_str_has_prefix (site_language, "ru") ||
       g_str_has_prefix (site_language, "en")))
    fetched->language = g_strndup (site_language, 2);
  else
    {
      words = g_strconcat (fetched->title, " ", fetched->excerpt, NULL);
      fetched->language = g_strdup (rc_text_guess_language (words));
    }
  fetched->published_at = g_strdup (date);
  fetched->modified_at = g_strdup (modified ? modified : date);
  fetched->link = g_strdup (link);

  fetched->data = (RcPostData) {
    .id = fetched->id,
    .group_id = fetched->group_id,
    .source = "site",
    .language = fetched->language,
    .title = *fetched->title ? fetched->title : fetched->id,
    .excerpt = fetched->excerpt,
    .published_at = fetched->published_at,
    .modified_at = fetched->modified_at,
    .link = fetched->link,
    .blocks = fetched->blocks,
  };

  return fetched;
}

/**
 * rc_news_sync_read_page:
 * @body: what the website answered to /wp-json/wp/v2/posts
 * @site_url: the address of the site, for the posts' relative links
 * @posts: (element-type FetchedPost): where the posts go, in order
 * @error: a location for a #GError
 *
 * Reads one page of the WordPress REST API: the part of the sync that
 * takes what the network hands over, on its own so it can be fuzzed.
 *
 * Returns: %FALSE with %RC_NEWS_SYNC_ERROR_INVALID when it is not a list of
 *   posts; @posts may then hold the posts read before the fault
 */
gboolean
rc_news_sync_read_page (GBytes      *body,
                        const char  *site_url,
                        GPtrArray   *posts,
                        GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  JsonArray *array;

  root = rc_json_parse (g_bytes_get_data (body, NULL), g_bytes_get_size (body), NULL);
  if (root == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    {
      g_set_error_literal (error, RC_NEWS_SYNC_ERROR, RC_NEWS_SYNC_ERROR_INVALID,
                           _("The website’s answer is not a list of WordPress posts"));
      return FALSE;
    }

  array = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      FetchedPost *post = read_post (json_array_get_element (array, i), site_url, error);

      if (post == NULL)
        return FALSE;
      g_ptr_array_add (posts, post);
    }

  return TRUE;
}

/* One page of posts; @n_pages is what the site says there are. */
static gboolean
fetch_page (SoupSession              *session,
            const char               *site_url,
            const char               *modified_after,
            guint                     page,
            const RcNewsSyncOptions  *options,
            GPtrArray                *posts,
            guint                    *n_pages,
            GCancellable             *cancellable,
            GError                  **error)
{
  g_autoptr(GString) url = g_string_new (site_url);
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *total;
  guint status;

  while (url->len > 0 && url->str[url->len - 1] == '/')
    g_string_truncate (url, url->len - 1);
  g_string_append_printf (url, "/wp-json/wp/v2/posts?per_page=%d&page=%u&orderby=modified&order=asc"
                               "&_fields=id,date,modified,link,title,excerpt,content,lang",
                          POSTS_PER_PAGE, page);
  if (modified_after != NULL)
    {
      g_autofree char *escaped = g_uri_escape_string (modified_after, NULL, FALSE);

      g_string_append_printf (url, "&modified_after=%s", escaped);
    }

  message = soup_message_new (SOUP_METHOD_GET, url->str);
  if (message == NULL ||
      !(g_str_has_prefix (site_url, "https://") || g_str_has_prefix (site_url, "http://")))
    {
      g_set_error (error, RC_NEWS_SYNC_ERROR, RC_NEWS_SYNC_ERROR_ADDRESS,
                   _("“%s” is not a website address, such as https://example.org"), site_url);
      return FALSE;
    }

  stream = soup_session_send (session, message, cancellable, &local_error);
  if (stream == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, RC_NEWS_SYNC_ERROR, RC_NEWS_SYNC_ERROR_HTTP,
                     _("Cannot reach the website: %s"), local_error->message);
      return FALSE;
    }

  status = soup_message_get_status (message);
  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      g_set_error (error, RC_NEWS_SYNC_ERROR, RC_NEWS_SYNC_ERROR_HTTP,
                   _("The website answered “%u %s”"), status,
                   soup_message_get_reason_phrase (message) ? soup_message_get_reason_phrase (message) : "");
      return FALSE;
    }

  body = read_body (stream, options->max_page_bytes ? options->max_page_bytes : RC_NEWS_SYNC_MAX_PAGE_BYTES,
                    cancellable, &local_error);

  /* The connection closed before the length the site announced. */
  if (body != NULL &&
      soup_message_headers_get_encoding (soup_message_get_response_headers (message)) == SOUP_ENCODING_CONTENT_LENGTH &&
      g_bytes_get_size (body) < (gsize)soup_message_headers_get_content_length (soup_message_get_response_headers (message)))
    {
      g_set_error (error, RC_NEWS_SYNC_ERROR, RC_NEWS_SYNC_ERROR_HTTP,
                   _("The website’s answer was cut off: %s"), _("the connection closed early"));
      return FALSE;
    }

  if (body == NULL)
    {
      if (local_error->domain == RC_NEWS_SYNC_ERROR ||
          g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, RC_NEWS_SYNC_ERROR, RC_NEWS_SYNC_ERROR_HTTP,
                     _("The website’s answer was cut off: %s"), local_error->message);
      return FALSE;
    }

  if (!rc_news_sync_read_page (body, site_url, posts, error))
    return FALSE;

  total = soup_message_headers_get_one (soup_message_get_response_headers (message), "X-WP-TotalPages");
  *n_pages = total ? (guint)CLAMP (g_ascii_strtoull (total, NULL, 10), 1, MAX_PAGES) : 1;
  return TRUE;
}

/* Past this, a picture is not a post's picture. */
#define MAX_IMAGE_BYTES (10 * 1024 * 1024)

/* Fetches a post's picture once into the data folder's cache, and notes
 * where in its block; a picture that cannot be fetched is left out, not
 * an error of the sync. */
static void
cache_image (SoupSession  *session,
             const char   *cache_dir,
             JsonObject   *block,
             GCancellable *cancellable)
{
  const char *url = json_object_get_string_member_with_default (block, "url", NULL);
  g_autofree char *hash = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autofree char *images_dir = g_build_filename (cache_dir, "images", NULL);
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GBytes) body = NULL;
  const char *type;

  if (url == NULL || !(message = soup_message_new (SOUP_METHOD_GET, url)))
    return;

  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, url, -1);
  name = g_strconcat ("images/", hash, NULL);
  path = g_build_filename (cache_dir, name, NULL);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      stream = soup_session_send (session, message, cancellable, NULL);
      type = stream ? soup_message_headers_get_content_type (soup_message_get_response_headers (message), NULL) : NULL;
      if (stream == NULL || !SOUP_STATUS_IS_SUCCESSFUL (soup_message_get_status (message)) ||
          type == NULL || !g_str_has_prefix (type, "image/") ||
          !(body = read_body (stream, MAX_IMAGE_BYTES, cancellable, NULL)) ||
          g_mkdir_with_parents (images_dir, 0700) != 0 ||
          !g_file_set_contents_full (path, g_bytes_get_data (body, NULL), g_bytes_get_size (body),
                                     G_FILE_SET_CONTENTS_CONSISTENT, 0600, NULL))
        return;
    }

  json_object_set_string_member (block, "cache", name);
}

static void
cache_images (SoupSession  *session,
              const char   *cache_dir,
              JsonArray    *blocks,
              GCancellable *cancellable)
{
  for (guint i = 0; i < json_array_get_length (blocks); i++)
    {
      JsonObject *block = json_array_get_object_element (blocks, i);

      if (block != NULL &&
          g_strcmp0 (json_object_get_string_member_with_default (block, "type", NULL), "image") == 0)
        cache_image (session, cache_dir, block, cancellable);
    }
}

/**
 * rc_news_sync:
 * @store: where the posts are kept
 * @site_url: the centre's WordPress site, such as https://example.org
 * @options: (nullable): limits, for tests
 * @cancellable: (nullable): stops the sync, changing nothing
 * @n_added: (out): posts new here
 * @n_updated: (out): posts changed on the site since they were fetched
 * @error: a location for a #GError
 *
 * Fetches the posts added or changed since the last sync, every page of
 * them, and stores them all in one step: a bad answer, an HTTP error, a
 * cut-off or huge body, a redirect loop or a timeout leave the posts as
 * they were and say what happened.
 *
 * Returns: whether the posts were brought up to date
 */
gboolean
rc_news_sync (RcNewsStore              *store,
              const char               *site_url,
              const RcNewsSyncOptions  *options,
              GCancellable             *cancellable,
              guint                    *n_added,
              guint                    *n_updated,
              GError                  **error)
{
  static const RcNewsSyncOptions defaults = { 0 };
  g_autoptr(SoupSession) session = NULL;
  g_autoptr(GPtrArray) posts = g_ptr_array_new_with_free_func ((GDestroyNotify)rc_news_sync_fetched_post_free);
  g_autoptr(GPtrArray) data = g_ptr_array_new ();
  g_autofree char *modified_after = NULL;
  g_autofree char *user_agent = g_strdup_printf ("%s/%s", PACKAGE_NAME, PACKAGE_VERSION);
  guint n_pages = 1;
  guint added = 0;

  g_return_val_if_fail (RC_IS_NEWS_STORE (store), FALSE);
  g_return_val_if_fail (site_url != NULL, FALSE);
  g_return_val_if_fail (n_added != NULL && n_updated != NULL, FALSE);

  *n_added = *n_updated = 0;
  if (options == NULL)
    options = &defaults;

  session = soup_session_new_with_options ("timeout", options->timeout_seconds ? options->timeout_seconds
                                                                                : DEFAULT_TIMEOUT_SECONDS,
                                           "user-agent", user_agent,
                                           NULL);
  modified_after = rc_news_store_dup_site_modified (store);

  for (guint page = 1; page <= n_pages; page++)
    {
      if (!fetch_page (session, site_url, modified_after, page, options, posts, &n_pages, cancellable, error))
        return FALSE;
    }

  for (guint i = 0; i < posts->len; i++)
    {
      FetchedPost *post = g_ptr_array_index (posts, i);

      cache_images (session, rc_database_get_data_dir (rc_news_store_get_database (store)),
                    post->blocks, cancellable);
      g_ptr_array_add (data, &post->data);
    }

  /* A picture that was not fetched is only left out, but a stop is a stop:
   * nothing of this sync is kept. Pictures already fetched wait in the
   * cache for the next one. */
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  if (!rc_news_store_put_all (store, data, &added, error))
    return FALSE;

  *n_added = added;
  *n_updated = posts->len - added;
  return TRUE;
}
