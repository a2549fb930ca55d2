/* rc-news-store.c
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "rc-i18n.h"
#include "rc-json.h"
#include "rc-news-store.h"
#include "rc-post-list.h"
#include "rc-post-private.h"

#define BUNDLED_NEWS_PATH RESOURCE_BASE_PATH "/news/"

/* Past this, an opinion is not a few words any more. */
#define MAX_OPINION_LENGTH 4000

struct _RcNewsStore
{
  GObject     parent_instance;

  RcDatabase *database;
};

G_DEFINE_FINAL_TYPE (RcNewsStore, rc_news_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (rc-news-error-quark, rc_news_error)

static void
rc_news_store_finalize (GObject *object)
{
  RcNewsStore *self = (RcNewsStore *)object;

  g_clear_object (&self->database);

  G_OBJECT_CLASS (rc_news_store_parent_class)->finalize (object);
}

static void
rc_news_store_class_init (RcNewsStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rc_news_store_finalize;
}

static void
rc_news_store_init (RcNewsStore *self)
{
}

RcNewsStore *
rc_news_store_new (RcDatabase *database)
{
  RcNewsStore *self;

  g_return_val_if_fail (RC_IS_DATABASE (database), NULL);

  self = g_object_new (RC_TYPE_NEWS_STORE, NULL);
  self->database = g_object_ref (database);
  return self;
}

/**
 * rc_news_store_get_database:
 *
 * Returns: (transfer none): where the posts are kept
 */
RcDatabase *
rc_news_store_get_database (RcNewsStore *self)
{
  g_return_val_if_fail (RC_IS_NEWS_STORE (self), NULL);

  return self->database;
}

static void
append_words (GString    *body,
              const char *text)
{
  if (text == NULL)
    return;
  if (body->len > 0)
    g_string_append_c (body, '\n');
  g_string_append (body, text);
}

/* Every word a reader can see in the blocks, for the search index. */
static char *
blocks_to_text (JsonArray *blocks)
{
  GString *body = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (blocks); i++)
    {
      JsonObject *block = json_array_get_object_element (blocks, i);
      static const char * const text_members[] = { "text", "caption", "question", "cite", "label" };

      if (block == NULL)
        continue;

      for (guint m = 0; m < G_N_ELEMENTS (text_members); m++)
        append_words (body, json_object_get_string_member_with_default (block, text_members[m], NULL));

      if (json_object_has_member (block, "items"))
        {
          JsonArray *items = json_object_get_array_member (block, "items");

          for (guint k = 0; k < json_array_get_length (items); k++)
            append_words (body, json_array_get_string_element (items, k));
        }

      if (json_object_has_member (block, "rows"))
        {
          JsonArray *rows = json_object_get_array_member (block, "rows");

          for (guint r = 0; r < json_array_get_length (rows); r++)
            {
              JsonArray *cells = json_array_get_array_element (rows, r);

              for (guint c = 0; c < json_array_get_length (cells); c++)
                append_words (body, json_array_get_string_element (cells, c));
            }
        }
    }

  return g_string_free (body, FALSE);
}

static gboolean
step_done (RcDatabase    *database,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE || rc_database_fail (database, rc, error);
}

/* The columns ?1 to ?10 of a post, as both its check and its write name them. */
static void
bind_post (sqlite3_stmt     *stmt,
           const RcPostData *post,
           const char       *blocks)
{
  sqlite3_bind_text (stmt, 1, post->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, post->group_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, post->source, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, post->language, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, post->title, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, post->excerpt, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, post->published_at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, post->modified_at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, post->link, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 10, blocks, -1, SQLITE_STATIC);
}

static gboolean
put_in_transaction (RcNewsStore       *self,
                    const RcPostData  *post,
                    GError           **error)
{
  g_autoptr(JsonNode) blocks_node = json_node_init_array (json_node_alloc (), post->blocks);
  g_autofree char *blocks = json_to_string (blocks_node, FALSE);
  g_autofree char *body = NULL;
  sqlite3_stmt *stmt;
  int rc;

  /* A post as it is already kept is not written again: the bundled posts
   * are offered at every start, and a sync offers what it fetched. */
  stmt = rc_database_prepare (self->database,
                              "SELECT 1 FROM posts WHERE id = ?1 AND group_id = ?2 AND source = ?3 "
                              "AND language = ?4 AND title = ?5 AND excerpt = ?6 AND published_at = ?7 "
                              "AND modified_at = ?8 AND link IS ?9 AND blocks = ?10",
                              error);
  if (stmt == NULL)
    return FALSE;
  bind_post (stmt, post, blocks);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    return rc_database_fail (self->database, rc, error);

  body = blocks_to_text (post->blocks);

  /* Whether the reader has read it stays as it was. */
  stmt = rc_database_prepare (self->database,
                              "INSERT INTO posts (id, group_id, source, language, title, excerpt, "
                              "published_at, modified_at, link, blocks) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) "
                              "ON CONFLICT (id) DO UPDATE SET group_id = excluded.group_id, "
                              "source = excluded.source, language = excluded.language, "
                              "title = excluded.title, excerpt = excluded.excerpt, "
                              "published_at = excluded.published_at, modified_at = excluded.modified_at, "
                              "link = excluded.link, blocks = excluded.blocks",
                              error);
  if (stmt == NULL)
    return FALSE;
  bind_post (stmt, post, blocks);
  if (!step_done (self->database, stmt, error))
    return FALSE;

  stmt = rc_database_prepare (self->database,
                              "DELETE FROM post_words WHERE rowid = (SELECT rowid FROM posts WHERE id = ?1)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, post->id, -1, SQLITE_STATIC);
  if (!step_done (self->database, stmt, error))
    return FALSE;

  stmt = rc_database_prepare (self->database,
                              "INSERT INTO post_words (rowid, title, body) "
                              "SELECT rowid, ?2, ?3 FROM posts WHERE id = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, post->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, post->title, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, body, -1, SQLITE_STATIC);
  return step_done (self->database, stmt, error);
}

/**
 * rc_news_store_put:
 * @post: a post, new or changed
 *
 * Stores @post and indexes its words, in one step.
 *
 * Returns: whether it was stored
 */
gboolean
rc_news_store_put (RcNewsStore       *self,
                   const RcPostData  *post,
                   GError           **error)
{
  g_return_val_if_fail (RC_IS_NEWS_STORE (self), FALSE);
  g_return_val_if_fail (post != NULL && post->id != NULL && post->blocks != NULL, FALSE);

  if (!rc_database_exec (self->database, "BEGIN IMMEDIATE", error))
    return FALSE;

  if (!put_in_transaction (self, post, error) ||
      !rc_database_exec (self->database, "COMMIT", error))
    {
      sqlite3_exec (rc_database_get_handle (self->database), "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  return TRUE;
}

/**
 * rc_news_store_put_all:
 * @posts: (element-type RcPostData): posts, new or changed
 * @n_added: (out) (optional): how many were new
 *
 * Stores every one of @posts or, on any failure, none.
 *
 * Returns: whether they were stored
 */
gboolean
rc_news_store_put_all (RcNewsStore  *self,
                       GPtrArray    *posts,
                       guint        *n_added,
                       GError      **error)
{
  guint added = 0;

  g_return_val_if_fail (RC_IS_NEWS_STORE (self), FALSE);
  g_return_val_if_fail (posts != NULL, FALSE);

  if (!rc_database_exec (self->database, "BEGIN IMMEDIATE", error))
    return FALSE;

  for (guint i = 0; i < posts->len; i++)
    {
      const RcPostData *post = g_ptr_array_index (posts, i);
      g_autoptr(RcPost) existing = rc_news_store_get_post (self, post->id, NULL);

      added += existing == NULL;
      if (!put_in_transaction (self, post, error))
        {
          sqlite3_exec (rc_database_get_handle (self->database), "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
    }

  if (!rc_database_exec (self->database, "COMMIT", error))
    {
      sqlite3_exec (rc_database_get_handle (self->database), "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  if (n_added != NULL)
    *n_added = added;
  return TRUE;
}

/**
 * rc_news_store_dup_site_modified:
 *
 * Returns: (transfer full) (nullable): when the newest change fetched from
 *   the website was made, to ask only for what changed since
 */
char *
rc_news_store_dup_site_modified (RcNewsStore *self)
{
  sqlite3_stmt *stmt;
  char *modified = NULL;

  g_return_val_if_fail (RC_IS_NEWS_STORE (self), NULL);

  stmt = rc_database_prepare (self->database, "SELECT max (modified_at) FROM posts WHERE source = 'site'", NULL);
  if (stmt == NULL)
    return NULL;
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    modified = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  return modified;
}

static const char *
required_string (JsonObject *object,
                 const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  return node != NULL && rc_json_is_string (node) && *json_node_get_string (node) != '\0'
         ? json_node_get_string (node) : NULL;
}

static gboolean
install_bundled_file (RcNewsStore  *self,
                      const char   *path,
                      GError      **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonNode) document = NULL;
  JsonObject *root, *translations;
  const char *id, *published;
  g_autofree char *group_id = NULL;

  if (!(bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error)) ||
      !(document = rc_json_parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error)))
    return FALSE;

  root = JSON_NODE_HOLDS_OBJECT (document) ? json_node_get_object (document) : NULL;
  id = required_string (root, "id");
  published = required_string (root, "published");
  translations = root && json_object_has_member (root, "translations")
                 ? json_object_get_object_member (root, "translations") : NULL;
  if (id == NULL || published == NULL || translations == NULL)
    {
      g_set_error (error, RC_NEWS_ERROR, RC_NEWS_ERROR_INVALID,
                   _("The bundled post “%s” lacks its id, date or texts"), path);
      return FALSE;
    }

  group_id = g_strconcat ("bundled:", id, NULL);

  {
    g_autoptr(GList) languages = json_object_get_members (translations);

    for (const GList *l = languages; l != NULL; l = l->next)
      {
        JsonObject *text = json_object_get_object_member (translations, l->data);
        g_autofree char *post_id = g_strdup_printf ("%s:%s", group_id, (const char *)l->data);
        RcPostData post = {
          .id = post_id,
          .group_id = group_id,
          .source = "bundled",
          .language = l->data,
          .title = required_string (text, "title"),
          .excerpt = required_string (text, "excerpt"),
          .published_at = published,
          .modified_at = published,
          .link = NULL,
          .blocks = text && json_object_has_member (text, "blocks")
                    ? json_object_get_array_member (text, "blocks") : NULL,
        };

        if (post.title == NULL || post.excerpt == NULL || post.blocks == NULL)
          {
            g_set_error (error, RC_NEWS_ERROR, RC_NEWS_ERROR_INVALID,
                         _("The bundled post “%s” lacks its id, date or texts"), path);
            return FALSE;
          }

        if (!put_in_transaction (self, &post, error))
          return FALSE;
      }
  }

  return TRUE;
}

/**
 * rc_news_store_install_bundled:
 *
 * Stores the posts that ship with the app, so the feed has something to
 * show offline from the first start; a newer app's texts replace older
 * ones, and what was read stays read.
 *
 * Returns: whether they were stored
 */
gboolean
rc_news_store_install_bundled (RcNewsStore  *self,
                               GError      **error)
{
  g_auto(GStrv) names = NULL;

  g_return_val_if_fail (RC_IS_NEWS_STORE (self), FALSE);

  names = g_resources_enumerate_children (BUNDLED_NEWS_PATH, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (names == NULL)
    return FALSE;

  if (!rc_database_exec (self->database, "BEGIN IMMEDIATE", error))
    return FALSE;

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat (BUNDLED_NEWS_PATH, names[i], NULL);

      if (!install_bundled_file (self, path, error))
        {
          sqlite3_exec (rc_database_get_handle (self->database), "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
    }

  if (!rc_database_exec (self->database, "COMMIT", error))
    {
      sqlite3_exec (rc_database_get_handle (self->database), "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  return TRUE;
}

/* What a person types, as an FTS5 query: every word must appear, as a word
 * or the start of one. */
static char *
search_query (const char *search)
{
  g_autoptr(GString) query = g_string_new (NULL);
  g_autoptr(GString) word = g_string_new (NULL);

  for (const char *p = search; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && g_unichar_isalnum (c))
        {
          g_string_append_unichar (word, c);
          continue;
        }

      if (word->len > 0)
        {
          g_string_append_printf (query, "%s\"%s\"*", query->len > 0 ? " " : "", word->str);
          g_string_truncate (word, 0);
        }

      if (c == 0)
        break;
    }

  return query->len > 0 ? g_strdup (query->str) : NULL;
}


/**
 * rc_news_store_list:
 * @search: (nullable): words the posts must contain, in their title or text
 * @language: the reader's language: a post is listed once, in this language
 *   when it has it, else in Russian, else in another
 *
 * Returns: (transfer full): a #GListModel of #RcPost, the newest first; or
 *   %NULL with @error set
 */
GListModel *
rc_news_store_list (RcNewsStore  *self,
                    const char   *search,
                    const char   *language,
                    GError      **error)
{
  g_autofree char *query = search ? search_query (search) : NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RC_IS_NEWS_STORE (self), NULL);
  g_return_val_if_fail (language != NULL, NULL);

  /* A post is listed unless its group has one that suits the reader
   * better: in her language, else in Russian, else the first language by
   * name. Both indexes cover this, so no post's text is read here. */
  stmt = rc_database_prepare (self->database,
                              "SELECT p.rowid FROM posts p "
                              "WHERE (?1 IS NULL OR p.rowid IN (SELECT rowid FROM post_words WHERE post_words MATCH ?1)) "
                              "AND NOT EXISTS (SELECT 1 FROM posts q WHERE q.group_id = p.group_id "
                              "  AND (?1 IS NULL OR q.rowid IN (SELECT rowid FROM post_words WHERE post_words MATCH ?1)) "
                              "  AND (q.language <> ?2, q.language <> 'ru', q.language, q.rowid) "
                              "    < (p.language <> ?2, p.language <> 'ru', p.language, p.rowid)) "
                              "ORDER BY p.published_at DESC, p.id",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, query, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, language, -1, SQLITE_TRANSIENT);

  return G_LIST_MODEL (rc_post_list_new (self->database, stmt, error));
}

/**
 * rc_news_store_get_post:
 *
 * Returns: (transfer full): the post, or %NULL with @error set
 */
RcPost *
rc_news_store_get_post (RcNewsStore  *self,
                        const char   *id,
                        GError      **error)
{
  sqlite3_stmt *stmt;
  RcPost *post = NULL;
  int rc;

  g_return_val_if_fail (RC_IS_NEWS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  stmt = rc_database_prepare (self->database, "SELECT " RC_POST_COLUMNS " FROM posts p WHERE p.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    post = rc_post_new_from_row (stmt);
  else if (rc == SQLITE_DONE)
    g_set_error (error, RC_NEWS_ERROR, RC_NEWS_ERROR_NOT_FOUND, _("There is no post “%s”"), id);
  else
    rc_database_fail (self->database, rc, error);
  sqlite3_finalize (stmt);

  return post;
}

/**
 * rc_news_store_load_blocks:
 *
 * Returns: (transfer full): the blocks of @post's text, or %NULL with
 *   @error set
 */
JsonArray *
rc_news_store_load_blocks (RcNewsStore  *self,
                           RcPost       *post,
                           GError      **error)
{
  g_autoptr(JsonNode) document = NULL;
  sqlite3_stmt *stmt;
  JsonArray *blocks = NULL;
  int rc;

  g_return_val_if_fail (RC_IS_NEWS_STORE (self), NULL);
  g_return_val_if_fail (RC_IS_POST (post), NULL);

  stmt = rc_database_prepare (self->database, "SELECT blocks FROM posts WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, rc_post_get_id (post), -1, SQLITE_STATIC);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW &&
      (document = rc_json_parse ((const char *)sqlite3_column_text (stmt, 0), -1, NULL)) &&
      JSON_NODE_HOLDS_ARRAY (document))
    blocks = json_array_ref (json_node_get_array (document));
  /* Only the app writes the blocks: what it cannot read back is damage. */
  else if (rc == SQLITE_ROW)
    g_set_error (error, RC_NEWS_ERROR, RC_NEWS_ERROR_INVALID,
                 _("The text of “%s” is damaged in the database and cannot be shown"),
                 rc_post_get_title (post));
  else if (rc == SQLITE_DONE)
    g_set_error (error, RC_NEWS_ERROR, RC_NEWS_ERROR_NOT_FOUND,
                 _("There is no post “%s”"), rc_post_get_id (post));
  else if (rc != SQLITE_ROW)
    rc_database_fail (self->database, rc, error);
  sqlite3_finalize (stmt);

  return blocks;
}

/**
 * rc_news_store_list_translations:
 *
 * Returns: (transfer full) (element-type RcPost): the same post in its other
 *   languages, or %NULL with @error set
 */
GPtrArray *
rc_news_store_list_translations (RcNewsStore  *self,
                                 RcPost       *post,
                                 GError      **error)
{
  g_autoptr(GPtrArray) others = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RC_IS_NEWS_STORE (self), NULL);
  g_return_val_if_fail (RC_IS_POST (post), NULL);

  stmt = rc_database_prepare (self->database,
                              "SELECT " RC_POST_COLUMNS " FROM posts p "
                              "WHERE p.group_id = ?1 AND p.id != ?2 ORDER BY p.language",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, rc_post_get_group_id (post), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, rc_post_get_id (post), -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (others, rc_post_new_from_row (stmt));
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      rc_database_fail (self->database, rc, error);
      return NULL;
    }

  return g_steal_pointer (&others);
}

/* A reader's opinion as it is kept: taken on her thread, written on any. */
typedef struct
{
  char *id;
  char *post_group;
  char *language;
  char *text;
  char *day;
} Opinion;

static void
opinion_free (Opinion *opinion)
{
  g_free (opinion->id);
  g_free (opinion->post_group);
  g_free (opinion->language);
  g_free (opinion->text);
  g_free (opinion->day);
  g_free (opinion);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Opinion, opinion_free)

static Opinion *
take_opinion (RcPost      *post,
              const char  *text,
              GError     **error)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  Opinion *opinion;

  if (*trimmed == '\0')
    {
      g_set_error_literal (error, RC_NEWS_ERROR, RC_NEWS_ERROR_INVALID, _("Write your opinion first"));
      return NULL;
    }
  if (!g_utf8_validate (trimmed, -1, NULL) || g_utf8_strlen (trimmed, -1) > MAX_OPINION_LENGTH)
    {
      g_set_error (error, RC_NEWS_ERROR, RC_NEWS_ERROR_INVALID,
                   _("An opinion can be at most %d characters long"), MAX_OPINION_LENGTH);
      return NULL;
    }

  now = g_date_time_new_now_local ();
  opinion = g_new0 (Opinion, 1);
  opinion->id = g_uuid_string_random ();
  opinion->post_group = g_strdup (rc_post_get_group_id (post));
  opinion->language = g_strdup (rc_post_get_language (post));
  opinion->text = g_steal_pointer (&trimmed);
  opinion->day = g_date_time_format (now, "%Y-%m-%d");

  return opinion;
}

static gboolean
write_opinion (RcDatabase     *database,
               gconstpointer   data,
               GError        **error)
{
  const Opinion *opinion = data;
  sqlite3_stmt *stmt;

  stmt = rc_database_prepare (database,
                              "INSERT INTO opinions (id, post_group, language, text, submitted_at) "
                              "VALUES (?1, ?2, ?3, ?4, ?5)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, opinion->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, opinion->post_group, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, opinion->language, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, opinion->text, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, opinion->day, -1, SQLITE_STATIC);

  return step_done (database, stmt, error);
}

static gboolean
write_read_mark (RcDatabase     *database,
                 gconstpointer   data,
                 GError        **error)
{
  const char *post_id = data;
  sqlite3_stmt *stmt;

  stmt = rc_database_prepare (database, "UPDATE posts SET read = 1 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, post_id, -1, SQLITE_STATIC);

  return step_done (database, stmt, error);
}

/**
 * rc_news_store_mark_read_async:
 * @self: a store
 * @post: the post opened
 * @cancellable: (nullable): tells the caller's callback that it is no
 *   longer wanted; a mark already handed over is written all the same
 * @callback: (nullable): called on the caller's thread once the mark is
 *   written, or could not be
 * @user_data: for @callback
 *
 * Marks @post read: at once on @post, for whoever shows it, and in the
 * database in another thread, over a connection of its own, so that
 * neither the disk nor another program's write holds up a reader's
 * window. A post already read is not written again.
 */
void
rc_news_store_mark_read_async (RcNewsStore         *self,
                               RcPost              *post,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (RC_IS_NEWS_STORE (self));
  g_return_if_fail (RC_IS_POST (post));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rc_news_store_mark_read_async);

  if (rc_post_get_read (post))
    {
      g_task_return_pointer (task, g_strdup (rc_post_get_id (post)), g_free);
      return;
    }

  rc_post_set_read (post, TRUE);
  rc_database_write_in_thread (self->database, task, write_read_mark,
                               g_strdup (rc_post_get_id (post)), g_free);
}

/**
 * rc_news_store_mark_read_finish:
 *
 * Returns: whether the mark is written; %FALSE with @error set otherwise,
 *   or with %G_IO_ERROR_CANCELLED once the call's cancellable was
 *   cancelled
 */
gboolean
rc_news_store_mark_read_finish (RcNewsStore   *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_autofree char *post_id = NULL;

  g_return_val_if_fail (RC_IS_NEWS_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  post_id = g_task_propagate_pointer (G_TASK (result), error);

  return post_id != NULL;
}

/**
 * rc_news_store_add_opinion:
 * @post: the post whose question it answers
 * @text: the reader's opinion
 *
 * Keeps an opinion anonymously: the post, its language, the text and the
 * day, nothing about who wrote it. An empty or too long one is refused.
 *
 * Returns: whether it was kept
 */
gboolean
rc_news_store_add_opinion (RcNewsStore  *self,
                           RcPost       *post,
                           const char   *text,
                           GError      **error)
{
  g_autoptr(Opinion) opinion = NULL;

  g_return_val_if_fail (RC_IS_NEWS_STORE (self), FALSE);
  g_return_val_if_fail (RC_IS_POST (post), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  return (opinion = take_opinion (post, text, error)) != NULL &&
         write_opinion (self->database, opinion, error);
}

/**
 * rc_news_store_add_opinion_async:
 * @self: a store
 * @post: the post whose question it answers
 * @text: the reader's opinion
 * @cancellable: (nullable): tells the caller's callback that it is no
 *   longer wanted; an opinion already handed over is kept all the same
 * @callback: called on the caller's thread once the opinion is kept, or
 *   could not be
 * @user_data: for @callback
 *
 * rc_news_store_add_opinion() in another thread, over a connection of its
 * own. An empty or too long opinion is refused at once.
 */
void
rc_news_store_add_opinion_async (RcNewsStore         *self,
                                 RcPost              *post,
                                 const char          *text,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  Opinion *opinion;

  g_return_if_fail (RC_IS_NEWS_STORE (self));
  g_return_if_fail (RC_IS_POST (post));
  g_return_if_fail (text != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rc_news_store_add_opinion_async);

  if (!(opinion = take_opinion (post, text, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  rc_database_write_in_thread (self->database, task, write_opinion, opinion,
                               (GDestroyNotify)opinion_free);
}

/**
 * rc_news_store_add_opinion_finish:
 *
 * Returns: whether the opinion was kept; %FALSE with @error set
 *   otherwise, or with %G_IO_ERROR_CANCELLED once the call's cancellable
 *   was cancelled, whether or not it was kept
 */
gboolean
rc_news_store_add_opinion_finish (RcNewsStore   *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_autoptr(Opinion) opinion = NULL;

  g_return_val_if_fail (RC_IS_NEWS_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  opinion = g_task_propagate_pointer (G_TASK (result), error);

  return opinion != NULL;
}

gint64
rc_news_store_count_opinions (RcNewsStore  *self,
                              GError      **error)
{
  sqlite3_stmt *stmt;
  gint64 count = -1;
  int rc;

  g_return_val_if_fail (RC_IS_NEWS_STORE (self), -1);

  stmt = rc_database_prepare (self->database, "SELECT count(*) FROM opinions", error);
  if (stmt == NULL)
    return -1;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  else
    rc_database_fail (self->database, rc, error);
  sqlite3_finalize (stmt);

  return count;
}
