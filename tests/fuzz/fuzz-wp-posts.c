/* fuzz-wp-posts.c: a page of the WordPress REST API, as the website (or
 * whoever answers in its place) sends it
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rc-fuzz.h"
#include "rc-news-sync-private.h"

RC_FUZZ_DEFINE_INITIALIZE ()

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) body = g_bytes_new (data, size);
  g_autoptr(GPtrArray) posts = g_ptr_array_new_with_free_func ((GDestroyNotify)rc_news_sync_fetched_post_free);
  g_autoptr(GError) error = NULL;

  if (rc_news_sync_read_page (body, "https://example.org", posts, &error))
    {
      /* Every post is ready for the store: the fields it cannot go without. */
      for (guint i = 0; i < posts->len; i++)
        {
          FetchedPost *post = g_ptr_array_index (posts, i);

          g_assert (post->data.id != NULL && post->data.title != NULL && post->data.language != NULL);
          g_assert (post->data.blocks != NULL && post->data.published_at != NULL);
        }
    }
  else
    g_assert (error != NULL);

  return 0;
}
