/* rc-post.c
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rc-post-private.h"

struct _RcPost
{
  GObject   parent_instance;

  char     *id;
  char     *group_id;
  char     *language;
  char     *title;
  char     *excerpt;
  char     *published_at;
  char     *link;
  gboolean  read;
};

G_DEFINE_FINAL_TYPE (RcPost, rc_post, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_GROUP_ID,
  PROP_LANGUAGE,
  PROP_TITLE,
  PROP_EXCERPT,
  PROP_PUBLISHED_AT,
  PROP_LINK,
  PROP_READ,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rc_post_finalize (GObject *object)
{
  RcPost *self = (RcPost *)object;

  g_free (self->id);
  g_free (self->group_id);
  g_free (self->language);
  g_free (self->title);
  g_free (self->excerpt);
  g_free (self->published_at);
  g_free (self->link);

  G_OBJECT_CLASS (rc_post_parent_class)->finalize (object);
}

static char **
string_field (RcPost *self,
              guint   prop_id)
{
  switch (prop_id)
    {
    case PROP_ID: return &self->id;
    case PROP_GROUP_ID: return &self->group_id;
    case PROP_LANGUAGE: return &self->language;
    case PROP_TITLE: return &self->title;
    case PROP_EXCERPT: return &self->excerpt;
    case PROP_PUBLISHED_AT: return &self->published_at;
    case PROP_LINK: return &self->link;
    default: return NULL;
    }
}

static void
rc_post_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  RcPost *self = RC_POST (object);
  char **field = string_field (self, prop_id);

  if (field != NULL)
    g_value_set_string (value, *field);
  else if (prop_id == PROP_READ)
    g_value_set_boolean (value, self->read);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
rc_post_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  RcPost *self = RC_POST (object);
  char **field = string_field (self, prop_id);

  if (field != NULL)
    {
      g_free (*field);
      *field = g_value_dup_string (value);
    }
  else if (prop_id == PROP_READ)
    rc_post_set_read (self, g_value_get_boolean (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
rc_post_class_init (RcPostClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = rc_post_finalize;
  object_class->get_property = rc_post_get_property;
  object_class->set_property = rc_post_set_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, construct);
  /* The same post in its other languages shares it. */
  properties[PROP_GROUP_ID] = g_param_spec_string ("group-id", NULL, NULL, NULL, construct);
  properties[PROP_LANGUAGE] = g_param_spec_string ("language", NULL, NULL, NULL, construct);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, construct);
  properties[PROP_EXCERPT] = g_param_spec_string ("excerpt", NULL, NULL, NULL, construct);
  /* "YYYY-MM-DD", or with the time after a "T". */
  properties[PROP_PUBLISHED_AT] = g_param_spec_string ("published-at", NULL, NULL, NULL, construct);
  properties[PROP_LINK] = g_param_spec_string ("link", NULL, NULL, NULL, construct);
  properties[PROP_READ] =
    g_param_spec_boolean ("read", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rc_post_init (RcPost *self)
{
}

const char *
rc_post_get_id (RcPost *self)
{
  g_return_val_if_fail (RC_IS_POST (self), NULL);
  return self->id;
}

const char *
rc_post_get_group_id (RcPost *self)
{
  g_return_val_if_fail (RC_IS_POST (self), NULL);
  return self->group_id;
}

const char *
rc_post_get_language (RcPost *self)
{
  g_return_val_if_fail (RC_IS_POST (self), NULL);
  return self->language;
}

const char *
rc_post_get_title (RcPost *self)
{
  g_return_val_if_fail (RC_IS_POST (self), NULL);
  return self->title;
}

const char *
rc_post_get_excerpt (RcPost *self)
{
  g_return_val_if_fail (RC_IS_POST (self), NULL);
  return self->excerpt;
}

const char *
rc_post_get_published_at (RcPost *self)
{
  g_return_val_if_fail (RC_IS_POST (self), NULL);
  return self->published_at;
}

const char *
rc_post_get_link (RcPost *self)
{
  g_return_val_if_fail (RC_IS_POST (self), NULL);
  return self->link;
}

gboolean
rc_post_get_read (RcPost *self)
{
  g_return_val_if_fail (RC_IS_POST (self), FALSE);
  return self->read;
}

void
rc_post_set_read (RcPost   *self,
                  gboolean  read)
{
  g_return_if_fail (RC_IS_POST (self));

  read = !!read;
  if (self->read == read)
    return;

  self->read = read;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ]);
}

/**
 * rc_post_new_from_row:
 * @stmt: a statement stepped to a row of %RC_POST_COLUMNS
 *
 * Returns: (transfer full): the post of that row
 */
RcPost *
rc_post_new_from_row (sqlite3_stmt *stmt)
{
  g_return_val_if_fail (stmt != NULL, NULL);

  return g_object_new (RC_TYPE_POST,
                       "id", (const char *)sqlite3_column_text (stmt, 0),
                       "group-id", (const char *)sqlite3_column_text (stmt, 1),
                       "language", (const char *)sqlite3_column_text (stmt, 2),
                       "title", (const char *)sqlite3_column_text (stmt, 3),
                       "excerpt", (const char *)sqlite3_column_text (stmt, 4),
                       "published-at", (const char *)sqlite3_column_text (stmt, 5),
                       "link", (const char *)sqlite3_column_text (stmt, 6),
                       "read", sqlite3_column_int (stmt, 7) != 0,
                       NULL);
}
