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
                              /* Apart, the first and the last are each one step
                               * down the index; together, a scan of it. */
                              "SELECT (SELECT count(*) FROM responses), "
                              "(SELECT min (submitted_at) FROM responses), "
                              "(SELECT max (submitted_at) FROM responses)",
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
                              /* Each version's responses counted along its own part
                               * of the index, its newest found from the end of it,
                               * with no grouping of every response. Every response
                               * has its version here (a foreign key). */
                              "SELECT s.id, s.version, "
                              "coalesce (json_extract (s.definition, ?1), "
                              "          json_extract (s.definition, '$.title.ru'), s.id), "
                              "(SELECT count(*) FROM responses "
                              " WHERE survey_id = s.id AND survey_version = s.version), "
                              "(SELECT max (submitted_at) FROM responses "
                              " WHERE survey_id = s.id AND survey_version = s.version) AS last "
                              "FROM surveys s WHERE last IS NOT NULL "
                              "ORDER BY last DESC, s.version DESC",
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

typedef struct
{
  char *data_dir;
  char *title_language;
} SummaryJob;

static void
summary_job_free (SummaryJob *job)
{
  g_free (job->data_dir);
  g_free (job->title_language);
  g_free (job);
}

static void
summarize_in_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  SummaryJob *job = task_data;
  g_autoptr(RcDatabase) database = NULL;
  RcResponseSummary *summary;
  GError *error = NULL;

  if ((database = rc_database_open (job->data_dir, &error)) &&
      (summary = rc_response_summary_new (database, job->title_language, &error)))
    g_task_return_pointer (task, summary, (GDestroyNotify)rc_response_summary_free);
  else
    g_task_return_error (task, error);
}

/**
 * rc_response_summary_new_async:
 * @data_dir: the data folder whose responses to summarize
 * @title_language: as for rc_response_summary_new()
 * @cancellable: (nullable): makes the result %G_IO_ERROR_CANCELLED
 * @callback: called in the thread-default main context, with the result
 * @user_data: for @callback
 *
 * rc_response_summary_new() in a thread, on a connection of its own: at a
 * hundred thousand responses, counting takes longer than a frame.
 */
void
rc_response_summary_new_async (const char          *data_dir,
                               const char          *title_language,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SummaryJob *job;

  g_return_if_fail (data_dir != NULL);
  g_return_if_fail (title_language != NULL);

  job = g_new0 (SummaryJob, 1);
  job->data_dir = g_strdup (data_dir);
  job->title_language = g_strdup (title_language);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, rc_response_summary_new_async);
  g_task_set_task_data (task, job, (GDestroyNotify)summary_job_free);
  g_task_run_in_thread (task, summarize_in_thread);
}

/**
 * rc_response_summary_new_finish:
 * @result: the result given to the callback
 * @error: a location for a #GError
 *
 * Returns: (transfer full): as rc_response_summary_new(), or %NULL with
 *   @error set, %G_IO_ERROR_CANCELLED when it was cancelled
 */
RcResponseSummary *
rc_response_summary_new_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rc_response_summary_new_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
