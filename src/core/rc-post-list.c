/* rc-post-list.c
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rc-i18n.h"
#include "rc-post-list.h"
#include "rc-post-private.h"

/* A list view asks for a screenful of rows at a time: reading them in pages
 * keeps the statement's cost per row low without reading what is not shown. */
#define PAGE_SIZE 32

/* The list keeps only the order of the posts, as row ids. A post is read
 * when the list view first asks for it, so a feed of ten thousand posts
 * costs at start what a feed of ten does, not ten thousand objects. */
struct _RcPostList
{
  GObject       parent_instance;

  RcDatabase   *database;
  GArray       *rowids;         /* gint64, in the order of the feed */
  GPtrArray    *posts;          /* RcPost, or NULL until read */
  sqlite3_stmt *read_post;
};

static void rc_post_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RcPostList, rc_post_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, rc_post_list_model_init))

static void
rc_post_list_finalize (GObject *object)
{
  RcPostList *self = (RcPostList *)object;

  g_clear_pointer (&self->read_post, sqlite3_finalize);
  g_clear_pointer (&self->rowids, g_array_unref);
  g_clear_pointer (&self->posts, g_ptr_array_unref);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (rc_post_list_parent_class)->finalize (object);
}

static void
rc_post_list_class_init (RcPostListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rc_post_list_finalize;
}

/* Most positions hold no post yet. */
static void
unref_post (gpointer post)
{
  if (post != NULL)
    g_object_unref (post);
}

static void
rc_post_list_init (RcPostList *self)
{
  self->rowids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->posts = g_ptr_array_new_with_free_func (unref_post);
}

/* Posts are never deleted, so a row goes missing only when the database
 * cannot be read. The list must still give an item for every position. */
static RcPost *
unreadable_post (gint64  rowid,
                 GError *error)
{
  g_warning ("Cannot read the post in row %" G_GINT64_FORMAT ": %s",
             rowid, error != NULL ? error->message : "it is gone");

  return g_object_new (RC_TYPE_POST,
                       "id", "",
                       "group-id", "",
                       "language", "",
                       "title", _("This post cannot be read"),
                       "excerpt", "",
                       "published-at", "",
                       "read", TRUE,
                       NULL);
}

static RcPost *
read_post (RcPostList *self,
           gint64      rowid)
{
  g_autoptr(GError) error = NULL;
  RcPost *post = NULL;
  int rc;

  if (self->read_post == NULL)
    self->read_post = rc_database_prepare (self->database,
                                           "SELECT " RC_POST_COLUMNS " FROM posts p WHERE p.rowid = ?1",
                                           &error);
  if (self->read_post == NULL)
    return unreadable_post (rowid, error);

  sqlite3_bind_int64 (self->read_post, 1, rowid);
  rc = sqlite3_step (self->read_post);
  if (rc == SQLITE_ROW)
    post = rc_post_new_from_row (self->read_post);
  else if (rc != SQLITE_DONE)
    rc_database_fail (self->database, rc, &error);
  sqlite3_reset (self->read_post);

  return post != NULL ? post : unreadable_post (rowid, error);
}

static GType
rc_post_list_get_item_type (GListModel *model)
{
  return RC_TYPE_POST;
}

static guint
rc_post_list_get_n_items (GListModel *model)
{
  return RC_POST_LIST (model)->rowids->len;
}

static gpointer
rc_post_list_get_item (GListModel *model,
                       guint       position)
{
  RcPostList *self = RC_POST_LIST (model);

  if (position >= self->rowids->len)
    return NULL;

  if (g_ptr_array_index (self->posts, position) == NULL)
    {
      guint first = position - position % PAGE_SIZE;
      guint last = MIN (first + PAGE_SIZE, self->rowids->len);

      for (guint i = first; i < last; i++)
        if (g_ptr_array_index (self->posts, i) == NULL)
          g_ptr_array_index (self->posts, i) = read_post (self, g_array_index (self->rowids, gint64, i));
    }

  return g_object_ref (g_ptr_array_index (self->posts, position));
}

static void
rc_post_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = rc_post_list_get_item_type;
  iface->get_n_items = rc_post_list_get_n_items;
  iface->get_item = rc_post_list_get_item;
}

/**
 * rc_post_list_new:
 * @rowids: (transfer full): a statement whose rows are the row ids of the
 *   posts to list, in their order; it is finalized
 *
 * Returns: (transfer full): the list, or %NULL with @error set
 */
RcPostList *
rc_post_list_new (RcDatabase    *database,
                  sqlite3_stmt  *rowids,
                  GError       **error)
{
  g_autoptr(RcPostList) self = NULL;
  int rc;

  g_return_val_if_fail (RC_IS_DATABASE (database), NULL);
  g_return_val_if_fail (rowids != NULL, NULL);

  self = g_object_new (RC_TYPE_POST_LIST, NULL);
  self->database = g_object_ref (database);

  while ((rc = sqlite3_step (rowids)) == SQLITE_ROW)
    {
      gint64 rowid = sqlite3_column_int64 (rowids, 0);

      g_array_append_val (self->rowids, rowid);
    }
  sqlite3_finalize (rowids);

  if (rc != SQLITE_DONE)
    {
      rc_database_fail (database, rc, error);
      return NULL;
    }

  g_ptr_array_set_size (self->posts, self->rowids->len);
  return g_steal_pointer (&self);
}
