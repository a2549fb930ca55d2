/* test-news.c: the news feed's store, search and opinions
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "rc-export.h"
#include "rc-news-store.h"
#include "rc-test-utils.h"

static RcNewsStore *
open_store (const char *data_dir)
{
  g_autoptr(RcDatabase) database = rc_test_open_database (data_dir);
  g_autoptr(GError) error = NULL;
  RcNewsStore *store = rc_news_store_new (database);

  g_assert_true (rc_news_store_install_bundled (store, &error));
  g_assert_no_error (error);
  return store;
}

static GListModel *
list_in (RcNewsStore *store,
         const char  *search,
         const char  *language)
{
  g_autoptr(GError) error = NULL;
  GListModel *posts = rc_news_store_list (store, search, language, &error);

  g_assert_no_error (error);
  return posts;
}

static GListModel *
list (RcNewsStore *store,
      const char  *search)
{
  return list_in (store, search, "ru");
}

static RcPost *
get (RcNewsStore *store,
     const char  *id)
{
  g_autoptr(GError) error = NULL;
  RcPost *post = rc_news_store_get_post (store, id, &error);

  g_assert_no_error (error);
  return post;
}

static void
test_news_bundled (void)
{
  g_autofree char *dir = rc_test_make_temp_dir ();
  g_autoptr(RcNewsStore) store = open_store (dir);
  g_autoptr(GListModel) posts = list_in (store, NULL, "kk");
  g_autoptr(GListModel) english = list_in (store, NULL, "en");
  g_autoptr(RcPost) first = NULL;
  g_autoptr(RcPost) last = NULL;
  g_autoptr(RcPost) first_english = NULL;
  const char *previous = "9999";

  /* Four posts, each once, in the reader's language, the newest first. */
  g_assert_cmpuint (g_list_model_get_n_items (posts), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(RcPost) post = g_list_model_get_item (posts, i);

      g_assert_cmpstr (rc_post_get_language (post), ==, "kk");
      g_assert_cmpstr (rc_post_get_published_at (post), <=, previous);
      previous = rc_post_get_published_at (post);
      g_assert_cmpstr (rc_post_get_title (post), !=, "");
      g_assert_cmpstr (rc_post_get_excerpt (post), !=, "");
      g_assert_false (rc_post_get_read (post));
    }

  first = g_list_model_get_item (posts, 0);
  g_assert_cmpstr (rc_post_get_group_id (first), ==, "bundled:authorised-officials");
  last = g_list_model_get_item (posts, 3);
  g_assert_cmpstr (rc_post_get_group_id (last), ==, "bundled:social-services");

  first_english = g_list_model_get_item (english, 0);
  g_assert_cmpstr (rc_post_get_language (first_english), ==, "en");
}

/* The officials article: the four levels as a table, and a guide. */
static void
test_news_officials_blocks (void)
{
  g_autofree char *dir = rc_test_make_temp_dir ();
  g_autoptr(RcNewsStore) store = open_store (dir);
  g_autoptr(RcPost) post = get (store, "bundled:authorised-officials:ru");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) blocks = rc_news_store_load_blocks (store, post, &error);
  gboolean has_table = FALSE, has_guide = FALSE, has_opinion = FALSE;

  g_assert_no_error (error);
  for (guint i = 0; i < json_array_get_length (blocks); i++)
    {
      JsonObject *block = json_array_get_object_element (blocks, i);
      const char *type = json_object_get_string_member (block, "type");

      if (g_str_equal (type, "table"))
        {
          JsonArray *rows = json_object_get_array_member (block, "rows");

          has_table = TRUE;
          g_assert_cmpuint (json_array_get_length (rows), ==, 4);
          g_assert_nonnull (strstr (json_array_get_string_element (json_array_get_array_element (rows, 0), 1),
                                    "директора департамента"));
          g_assert_nonnull (strstr (json_array_get_string_element (json_array_get_array_element (rows, 3), 1),
                                    "акима района"));
        }
      has_guide |= g_str_equal (type, "level-guide");
      has_opinion |= g_str_equal (type, "opinion");
    }

  g_assert_true (has_table && has_guide && has_opinion);
}

/* Where a write handed to another thread tells how it went. */
typedef struct
{
  gboolean  done;
  gboolean  written;
  GError   *error;
} Written;

static void
on_read_mark_written (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  Written *written = user_data;

  written->written = rc_news_store_mark_read_finish (RC_NEWS_STORE (source), result, &written->error);
  written->done = TRUE;
}

static void
on_opinion_written (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  Written *written = user_data;

  written->written = rc_news_store_add_opinion_finish (RC_NEWS_STORE (source), result, &written->error);
  written->done = TRUE;
}

static void
wait_for_write (Written *written)
{
  while (!written->done)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_news_read_stays_read (void)
{
  g_autofree char *dir = rc_test_make_temp_dir ();
  g_autoptr(RcNewsStore) store = open_store (dir);
  g_autoptr(RcPost) post = get (store, "bundled:ngo-salon-staff:kk");
  g_autoptr(RcNewsStore) again = NULL;
  g_autoptr(RcPost) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  Written marked = { 0 };

  rc_news_store_mark_read_async (store, post, NULL, on_read_mark_written, &marked);
  g_assert_true (rc_post_get_read (post));
  wait_for_write (&marked);
  g_assert_no_error (marked.error);
  g_assert_true (marked.written);

  /* The next start offers the bundled posts again: unchanged, they are
   * not written again. */
  {
    g_autoptr(RcDatabase) database = rc_test_open_database (dir);
    g_autoptr(RcNewsStore) same = rc_news_store_new (database);
    int before = sqlite3_total_changes (rc_database_get_handle (database));

    g_assert_true (rc_news_store_install_bundled (same, &error));
    g_assert_cmpint (sqlite3_total_changes (rc_database_get_handle (database)), ==, before);
  }
  again = open_store (dir);
  reloaded = get (again, "bundled:ngo-salon-staff:kk");
  g_assert_true (rc_post_get_read (reloaded));
}

/* While another program writes (an import, a news refresh), a post opened
 * shows as read at once, and the mark is written as soon as the database
 * is free, beside the reader's window. A post already read is not written
 * again: that is told at once, busy database or not. */
static void
test_news_read_mark_waits_beside (void)
{
  g_autofree char *dir = rc_test_make_temp_dir ();
  g_autoptr(RcNewsStore) store = open_store (dir);
  g_autoptr(RcDatabase) other = rc_test_open_database (dir);
  g_autoptr(RcPost) post = get (store, "bundled:authorised-officials:ru");
  g_autoptr(GError) error = NULL;
  const char *read = "SELECT read FROM posts WHERE id = 'bundled:authorised-officials:ru'";
  Written marked = { 0 };
  Written again = { 0 };

  g_assert_true (rc_database_exec (other, "BEGIN IMMEDIATE", &error));
  g_assert_no_error (error);

  rc_news_store_mark_read_async (store, post, NULL, on_read_mark_written, &marked);
  g_assert_true (rc_post_get_read (post));
  rc_test_run_loop_for (300);
  g_assert_false (marked.done);
  g_assert_cmpint (rc_test_query_int (rc_news_store_get_database (store), read), ==, 0);

  rc_news_store_mark_read_async (store, post, NULL, on_read_mark_written, &again);
  wait_for_write (&again);
  g_assert_no_error (again.error);
  g_assert_true (again.written);
  g_assert_false (marked.done);

  g_assert_true (rc_database_exec (other, "COMMIT", &error));
  g_assert_no_error (error);
  wait_for_write (&marked);
  g_assert_no_error (marked.error);
  g_assert_true (marked.written);
  g_assert_cmpint (rc_test_query_int (rc_news_store_get_database (store), read), ==, 1);
}

/* Blocks the app cannot read back are named as damaged, not passed on as
 * if there were no fault. The database takes only valid JSON there, but
 * not only lists. */
static void
test_news_damaged_blocks (void)
{
  static const char * const damaged[] = { "{\"type\": \"paragraph\"}", "\"text\"", "42" };
  g_autofree char *dir = rc_test_make_temp_dir ();
  g_autoptr(RcNewsStore) store = open_store (dir);
  g_autoptr(RcPost) post = get (store, "bundled:ngo-salon-staff:kk");
  g_autoptr(RcDatabase) database = rc_test_open_database (dir);

  for (guint i = 0; i < G_N_ELEMENTS (damaged); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonArray) blocks = NULL;
      g_autofree char *expected = NULL;
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (rc_database_get_handle (database),
                                           "UPDATE posts SET blocks = ?1 WHERE id = ?2", -1, &stmt, NULL),
                       ==, SQLITE_OK);
      sqlite3_bind_text (stmt, 1, damaged[i], -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, rc_post_get_id (post), -1, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_finalize (stmt);

      blocks = rc_news_store_load_blocks (store, post, &error);
      g_assert_null (blocks);
      g_assert_error (error, RC_NEWS_ERROR, RC_NEWS_ERROR_INVALID);
      expected = g_strdup_printf ("The text of “%s” is damaged in the database and cannot be shown",
                                  rc_post_get_title (post));
      g_assert_cmpstr (error->message, ==, expected);
    }
}

static void
test_news_translations (void)
{
  g_autofree char *dir = rc_test_make_temp_dir ();
  g_autoptr(RcNewsStore) store = open_store (dir);
  g_autoptr(RcPost) post = get (store, "bundled:authorised-officials:kk");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) others = rc_news_store_list_translations (store, post, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (others->len, ==, 2);
  g_assert_cmpstr (rc_post_get_language (g_ptr_array_index (others, 0)), ==, "en");
  g_assert_cmpstr (rc_post_get_language (g_ptr_array_index (others, 1)), ==, "ru");
}

static guint
count_found (RcNewsStore *store,
             const char  *search)
{
  g_autoptr(GListModel) found = list (store, search);

  return g_list_model_get_n_items (found);
}

static void
test_news_search (void)
{
  g_autofree char *dir = rc_test_make_temp_dir ();
  g_autoptr(RcNewsStore) store = open_store (dir);
  g_autoptr(GListModel) found = NULL;
  g_autoptr(RcPost) post = NULL;

  /* A word of the Russian text, typed as its start. */
  found = list (store, "уполномоч");
  g_assert_cmpuint (g_list_model_get_n_items (found), >=, 1);
  post = g_list_model_get_item (found, 0);
  g_assert_cmpstr (rc_post_get_id (post), ==, "bundled:authorised-officials:ru");

  /* Kazakh letters find the Kazakh text, though the reader reads Russian. */
  g_clear_object (&found);
  g_clear_object (&post);
  found = list (store, "әкімі");
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 1);
  post = g_list_model_get_item (found, 0);
  g_assert_cmpstr (rc_post_get_language (post), ==, "kk");

  /* Every word must be there. */
  g_assert_cmpuint (count_found (store, "уполномоч зелёный-слон"), ==, 0);

  /* Punctuation and FTS syntax are only words. */
  g_assert_cmpuint (count_found (store, "\"AND OR ( * :"), ==, count_found (store, "and or"));
  g_assert_cmpuint (count_found (store, "   "), ==, 4);
}

static void
test_news_site_post_searchable (void)
{
  g_autofree char *dir = rc_test_make_temp_dir ();
  g_autoptr(RcNewsStore) store = open_store (dir);
  g_autoptr(JsonArray) blocks = json_array_new ();
  g_autoptr(JsonObject) paragraph = json_object_new ();
  g_autoptr(GError) error = NULL;
  RcPostData data = {
    .id = "site:77", .group_id = "site:77", .source = "site", .language = "ru",
    .title = "Новый пост", .excerpt = "Кратко", .published_at = "2026-11-01T10:00:00",
    .modified_at = "2026-11-01T10:00:00", .link = "https://example.org/?p=77", .blocks = blocks,
  };

  json_object_set_string_member (paragraph, "type", "paragraph");
  json_object_set_string_member (paragraph, "text", "Грантовый конкурс для НПО");
  json_array_add_object_element (blocks, json_object_ref (paragraph));

  g_assert_true (rc_news_store_put (store, &data, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_found (store, "грантовый"), ==, 1);
  g_assert_cmpuint (count_found (store, NULL), ==, 5);

  /* Changed on the site: the old words are gone from the index. */
  json_object_set_string_member (paragraph, "text", "Семинар для НПО");
  g_assert_true (rc_news_store_put (store, &data, &error));
  g_assert_cmpuint (count_found (store, "грантовый"), ==, 0);
  g_assert_cmpuint (count_found (store, "семинар"), ==, 1);
  g_assert_cmpuint (count_found (store, NULL), ==, 5);
}

static void
test_news_opinions (void)
{
  g_autofree char *dir = rc_test_make_temp_dir ();
  g_autoptr(RcNewsStore) store = open_store (dir);
  g_autoptr(RcPost) post = get (store, "bundled:authorised-officials:kk");
  g_autofree char *long_text = g_strnfill (4001, 'a');
  g_autoptr(GError) error = NULL;

  g_assert_false (rc_news_store_add_opinion (store, post, "  \n ", &error));
  g_assert_error (error, RC_NEWS_ERROR, RC_NEWS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (rc_news_store_add_opinion (store, post, long_text, &error));
  g_assert_error (error, RC_NEWS_ERROR, RC_NEWS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (rc_news_store_count_opinions (store, NULL), ==, 0);

  g_assert_true (rc_news_store_add_opinion (store, post, "Ашық диалог керек.", &error));
  g_assert_no_error (error);
  g_assert_cmpint (rc_news_store_count_opinions (store, NULL), ==, 1);
}

/* A reader's opinion waits beside her window while another program
 * writes, and is kept, once and trimmed, as soon as the database is free.
 * An empty one is refused at once, busy database or not; a caller that no
 * longer wants to hear is told so, but what she sent is kept. */
static void
test_news_opinions_async (void)
{
  g_autofree char *dir = rc_test_make_temp_dir ();
  g_autoptr(RcNewsStore) store = open_store (dir);
  g_autoptr(RcDatabase) other = rc_test_open_database (dir);
  g_autoptr(RcPost) post = get (store, "bundled:authorised-officials:kk");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  RcDatabase *database = rc_news_store_get_database (store);
  Written kept = { 0 };
  Written refused = { 0 };
  Written cancelled = { 0 };

  g_assert_true (rc_database_exec (other, "BEGIN IMMEDIATE", &error));
  g_assert_no_error (error);

  rc_news_store_add_opinion_async (store, post, "  Ашық диалог керек.\n", NULL, on_opinion_written, &kept);
  rc_test_run_loop_for (300);
  g_assert_false (kept.done);
  g_assert_cmpint (rc_news_store_count_opinions (store, NULL), ==, 0);

  rc_news_store_add_opinion_async (store, post, " \n ", NULL, on_opinion_written, &refused);
  wait_for_write (&refused);
  g_assert_false (refused.written);
  g_assert_error (refused.error, RC_NEWS_ERROR, RC_NEWS_ERROR_INVALID);
  g_assert_false (kept.done);

  g_assert_true (rc_database_exec (other, "COMMIT", &error));
  g_assert_no_error (error);
  wait_for_write (&kept);
  g_assert_no_error (kept.error);
  g_assert_true (kept.written);
  g_assert_cmpint (rc_news_store_count_opinions (store, NULL), ==, 1);
  g_assert_cmpint (rc_test_query_int (database, "SELECT count(*) FROM opinions "
                                      "WHERE text = 'Ашық диалог керек.' AND language = 'kk' "
                                      "AND post_group = 'bundled:authorised-officials'"), ==, 1);

  rc_news_store_add_opinion_async (store, post, "Дөңгелек үстелдер.", cancellable, on_opinion_written,
                                   &cancelled);
  g_cancellable_cancel (cancellable);
  wait_for_write (&cancelled);
  g_assert_false (cancelled.written);
  g_assert_error (cancelled.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (rc_news_store_count_opinions (store, NULL), ==, 2);

  g_clear_error (&refused.error);
  g_clear_error (&cancelled.error);
}

/* Coordinators take the opinions away, each with the question it answers. */
static void
test_news_opinions_export (void)
{
  g_autofree char *dir = rc_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "opinions.json", NULL);
  g_autoptr(RcNewsStore) store = open_store (dir);
  g_autoptr(RcPost) kazakh = get (store, "bundled:authorised-officials:kk");
  g_autoptr(RcPost) russian = get (store, "bundled:authorised-officials:ru");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *opinions;
  JsonObject *first, *export;
  GStatBuf info;
  gint64 n_written;

  g_assert_true (rc_news_store_add_opinion (store, kazakh, "Ашық диалог, \"тұрақты\" кездесулер.", NULL));
  g_assert_true (rc_news_store_add_opinion (store, russian, "Круглые столы\nс протоколами.", NULL));

  g_assert_true (rc_export_write_opinions (dir, path, NULL, &n_written, &error));
  g_assert_no_error (error);
  g_assert_cmpint (n_written, ==, 2);
  g_assert_cmpint (g_stat (path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  opinions = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "opinions");
  g_assert_cmpuint (json_array_get_length (opinions), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      JsonObject *opinion = json_array_get_object_element (opinions, i);
      const char *language = json_object_get_string_member (opinion, "language");

      g_assert_cmpstr (json_object_get_string_member (opinion, "post"), ==, "bundled:authorised-officials");
      /* Asked in Kazakh, the question is in Kazakh. */
      if (g_str_equal (language, "kk"))
        g_assert_nonnull (strstr (json_object_get_string_member (opinion, "question"), "ҮЕҰ"));
      else
        g_assert_nonnull (strstr (json_object_get_string_member (opinion, "question"), "НПО"));
    }
  first = json_array_get_object_element (opinions, 0);
  g_assert_nonnull (json_object_get_string_member (first, "text"));
  export = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)), "export");
  g_assert_cmpint (json_object_get_int_member (export, "opinions"), ==, 2);
}

/* Stopped, the export of the opinions leaves no file, not even a part. */
static void
test_news_opinions_export_stopped (void)
{
  g_autofree char *dir = rc_test_make_temp_dir ();
  g_autofree char *out_dir = rc_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (out_dir, "opinions.json", NULL);
  g_autoptr(RcNewsStore) store = open_store (dir);
  g_autoptr(RcPost) post = get (store, "bundled:authorised-officials:kk");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  gint64 n_written;

  g_assert_true (rc_news_store_add_opinion (store, post, "Ашық диалог.", NULL));

  g_cancellable_cancel (cancellable);
  g_assert_false (rc_export_write_opinions (dir, path, cancellable, &n_written, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (n_written, ==, 0);
  g_assert_cmpuint (rc_test_count_entries (out_dir), ==, 0);
  g_assert_cmpint (rc_news_store_count_opinions (store, NULL), ==, 1);
}

/* The language a group of the many-posts test is written in: its index
 * picks one of every combination of kk, ru and en. */
static const char * const group_languages[] = { "kk", "ru", "en", "kk ru", "kk en", "ru en", "kk ru en" };

static gboolean
group_has (guint       group,
           const char *language)
{
  return strstr (group_languages[group % G_N_ELEMENTS (group_languages)], language) != NULL;
}

/* A feed of many posts, more than the list reads at a time: each group once,
 * in the reader's language, else Russian, else English; the newest first,
 * whichever post is asked for first. */
static void
test_news_many_posts (void)
{
  const guint n_groups = 300;
  g_autofree char *dir = rc_test_make_temp_dir ();
  g_autoptr(RcNewsStore) store = open_store (dir);
  g_autoptr(JsonArray) blocks = json_array_new ();
  g_autoptr(GPtrArray) data = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GListModel) posts = NULL;
  g_autoptr(RcPost) last = NULL;
  g_autoptr(RcPost) again = NULL;
  g_autoptr(GError) error = NULL;
  const char * const languages[] = { "kk", "ru", "en" };
  guint n_added = 0;

#define KEEP(s) ((const char *)(g_ptr_array_add (strings, (s)), g_ptr_array_index (strings, strings->len - 1)))
  for (guint group = 0; group < n_groups; group++)
    for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
      if (group_has (group, languages[l]))
        {
          RcPostData *post = g_new0 (RcPostData, 1);
          /* One day each from 2026-01-01 on, the groups in a shuffled order. */
          g_autoptr(GDateTime) day = g_date_time_new_utc (2026, 1, 1, 0, 0, 0);
          g_autoptr(GDateTime) published = g_date_time_add_days (day, (group * 7919) % n_groups);

          post->id = KEEP (g_strdup_printf ("site:%u:%s", group, languages[l]));
          post->group_id = KEEP (g_strdup_printf ("site:%u", group));
          post->source = "site";
          post->language = languages[l];
          post->title = KEEP (g_strdup_printf ("%s %u", languages[l], group));
          post->excerpt = "";
          post->published_at = KEEP (g_date_time_format (published, "%FT%T"));
          post->modified_at = post->published_at;
          post->blocks = blocks;
          g_ptr_array_add (data, post);
        }
#undef KEEP
  g_assert_true (rc_news_store_put_all (store, data, &n_added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_added, ==, data->len);

  posts = list_in (store, NULL, "kk");
  g_assert_cmpuint (g_list_model_get_n_items (posts), ==, n_groups + 4);
  g_assert_null (g_list_model_get_item (posts, n_groups + 4));

  /* The last first, as a reader who drags the scroll bar to the end. */
  last = g_list_model_get_item (posts, n_groups + 3);
  g_assert_cmpstr (rc_post_get_group_id (last), ==, "bundled:social-services");

  for (guint i = 0, n_site = 0; i < n_groups + 4; i++)
    {
      g_autoptr(RcPost) post = g_list_model_get_item (posts, i);
      g_autoptr(RcPost) next = i + 1 < n_groups + 4 ? g_list_model_get_item (posts, i + 1) : NULL;
      const char *expected;
      guint group;

      if (!g_str_has_prefix (rc_post_get_id (post), "site:"))
        continue;
      n_site++;
      group = g_ascii_strtoull (rc_post_get_group_id (post) + strlen ("site:"), NULL, 10);
      expected = group_has (group, "kk") ? "kk" : group_has (group, "ru") ? "ru" : "en";
      g_assert_cmpstr (rc_post_get_language (post), ==, expected);
      if (next != NULL)
        g_assert_cmpstr (rc_post_get_published_at (post), >=, rc_post_get_published_at (next));
      if (i + 1 == n_groups + 4)
        g_assert_cmpuint (n_site, ==, n_groups);
    }

  /* A post read is the one the list gives again. */
  again = g_list_model_get_item (posts, n_groups + 3);
  g_assert_true (again == last);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/news/bundled", test_news_bundled);
  g_test_add_func ("/news/officials-blocks", test_news_officials_blocks);
  g_test_add_func ("/news/read-stays-read", test_news_read_stays_read);
  g_test_add_func ("/news/read-mark-waits-beside", test_news_read_mark_waits_beside);
  g_test_add_func ("/news/damaged-blocks", test_news_damaged_blocks);
  g_test_add_func ("/news/translations", test_news_translations);
  g_test_add_func ("/news/search", test_news_search);
  g_test_add_func ("/news/site-post-searchable", test_news_site_post_searchable);
  g_test_add_func ("/news/many-posts", test_news_many_posts);
  g_test_add_func ("/news/opinions", test_news_opinions);
  g_test_add_func ("/news/opinions-async", test_news_opinions_async);
  g_test_add_func ("/news/opinions-export", test_news_opinions_export);
  g_test_add_func ("/news/opinions-export-stopped", test_news_opinions_export_stopped);

  return g_test_run ();
}
