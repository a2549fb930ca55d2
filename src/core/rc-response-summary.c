/* rc-response-summary.c
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rc-response-summary.h"

static void
version_count_free (RcVersionCount *count)
{
  g_free (count->survey_id);
  g_free (count->title);
  g_free (count);
}

static void
language_count_free (RcLanguageCount *count)
{
  g_free (count->language);
  g_free (count);
}

void
rc_response_summary_free (RcResponseSummary *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->versions, g_ptr_array_unref);
  g_clear_pointer (&self->languages, g_ptr_array_unref);
  g_free (self->first);
  g_free (self->last);
  g_free (self);
}

static gboolean
finish (RcDatabase    *database,
        sqlite3_stmt  *stmt,
        int            rc,
        GError       **error)
{
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE || rc_database_fail (database, rc, error);
}

/* The day alone, whether the whole time was kept or not. */
static char *
day_of (sqlite3_stmt *stmt,
        int           column)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);

  return text ? g_strndup (text, 10) : NULL;
}

/**
 * rc_response_summary_new:
 * @database: a database
 * @title_language: "kk", "ru" or "en": the language of the surveys' titles
 * @error: a location for a #GError
 *
 * Returns: (transfer full): how many responses there are, by survey
 *   version and by language, and their first and last day; or %NULL with
 *   @error set
 */
RcResponseSummary *
rc_response_summary_new (RcDatabase  *database,
                         const char  *title_language,
                         GError     **error)
{
  g_autoptr(RcResponseSummary) self = g_new0 (RcResponseSummary, 1);
  g_autofree char *title_path = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RC_IS_DATABASE (database), NULL);
  g_return_val_if_fail (title_language != NULL, NULL);

  self->versions = g_ptr_array_new_with_free_func ((GDestroyNotify)version_count_free);
  self->languages = g_ptr_array_new_with_free_func ((GDestroyNotify)language_count_free);
  title_path = g_strdup_printf ("$.title.%s", title_language);

  stmt = rc_database_prepare (database,
                              "SELECT count(*), min(submitted_at), max(submitted_at) FROM responses",
                              error);
  if (stmt == NULL)
    return NULL;
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      self->total = sqlite3_column_int64 (stmt, 0);
      self->first = day_of (stmt, 1);
      self->last = day_of (stmt, 2);
      rc = sqlite3_step (stmt);
    }
  if (!finish (database, stmt, rc, error))
    return NULL;

  stmt = rc_database_prepare (database,
                              /* Titles read once a version, after the counting: in
                               * the same SELECT, SQLite read one for every response. */
                              "SELECT g.survey_id, g.survey_version, "
                              "coalesce (json_extract (s.definition, ?1), "
                              "          json_extract (s.definition, '$.title.ru'), g.survey_id), "
                              "g.n FROM (SELECT survey_id, survey_version, count(*) AS n, "
                              "                 max (submitted_at) AS last FROM responses "
                              "          GROUP BY survey_id, survey_version) g "
                              "LEFT JOIN surveys s ON s.id = g.survey_id AND s.version = g.survey_version "
                              "ORDER BY g.last DESC, g.survey_version DESC",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, title_path, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RcVersionCount *count = g_new0 (RcVersionCount, 1);

      count->survey_id = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
      count->survey_version = sqlite3_column_int64 (stmt, 1);
      count->title = g_strdup ((const char *)sqlite3_column_text (stmt, 2));
      count->count = sqlite3_column_int64 (stmt, 3);
      g_ptr_array_add (self->versions, count);
    }
  if (!finish (database, stmt, rc, error))
    return NULL;

  stmt = rc_database_prepare (database,
                              "SELECT language, count(*) FROM responses "
                              "GROUP BY language ORDER BY count(*) DESC, language",
                              error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RcLanguageCount *count = g_new0 (RcLanguageCount, 1);

      count->language = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
      count->count = sqlite3_column_int64 (stmt, 1);
      g_ptr_array_add (self->languages, count);
    }
  if (!finish (database, stmt, rc, error))
    return NULL;

  return g_steal_pointer (&self);
}
