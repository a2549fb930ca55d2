/* rc-response-store.c
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <inttypes.h>

#include "rc-i18n.h"

#include "rc-response-store.h"
#include "rc-response-store-private.h"
#include "rc-json.h"

struct _RcResponseStore
{
  GObject     parent_instance;

  RcDatabase *database;
  gboolean    keep_full_time;
};

G_DEFINE_FINAL_TYPE (RcResponseStore, rc_response_store, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_KEEP_FULL_TIME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rc_response_store_finalize (GObject *object)
{
  RcResponseStore *self = (RcResponseStore *)object;

  g_clear_object (&self->database);

  G_OBJECT_CLASS (rc_response_store_parent_class)->finalize (object);
}

static void
rc_response_store_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RcResponseStore *self = RC_RESPONSE_STORE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    case PROP_KEEP_FULL_TIME:
      g_value_set_boolean (value, self->keep_full_time);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rc_response_store_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  RcResponseStore *self = RC_RESPONSE_STORE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->database = g_value_dup_object (value);
      break;

    case PROP_KEEP_FULL_TIME:
      rc_response_store_set_keep_full_time (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rc_response_store_class_init (RcResponseStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rc_response_store_finalize;
  object_class->get_property = rc_response_store_get_property;
  object_class->set_property = rc_response_store_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         RC_TYPE_DATABASE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * RcResponseStore:keep-full-time:
   *
   * Whether to store the time of submission to the second. By default only
   * the day is kept: at a kiosk the exact time can tell who answered.
   */
  properties[PROP_KEEP_FULL_TIME] =
    g_param_spec_boolean ("keep-full-time", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rc_response_store_init (RcResponseStore *self)
{
}

RcResponseStore *
rc_response_store_new (RcDatabase *database)
{
  g_return_val_if_fail (RC_IS_DATABASE (database), NULL);

  return g_object_new (RC_TYPE_RESPONSE_STORE, "database", database, NULL);
}

gboolean
rc_response_store_get_keep_full_time (RcResponseStore *self)
{
  g_return_val_if_fail (RC_IS_RESPONSE_STORE (self), FALSE);
  return self->keep_full_time;
}

void
rc_response_store_set_keep_full_time (RcResponseStore *self,
                                      gboolean         keep_full_time)
{
  g_return_if_fail (RC_IS_RESPONSE_STORE (self));

  keep_full_time = !!keep_full_time;
  if (self->keep_full_time == keep_full_time)
    return;

  self->keep_full_time = keep_full_time;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KEEP_FULL_TIME]);
}

static void
bind_json_value (sqlite3_stmt *stmt,
                 int           column,
                 JsonNode     *value)
{
  if (json_node_get_value_type (value) == G_TYPE_INT64)
    sqlite3_bind_int64 (stmt, column, json_node_get_int (value));
  else
    sqlite3_bind_text (stmt, column, json_node_get_string (value), -1, SQLITE_TRANSIENT);
}

static gboolean
step_done (RcDatabase    *database,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    return rc_database_fail (database, rc, error);

  return TRUE;
}

/* Keeps the definition a response was given under, once per version. */
gboolean
rc_response_store_insert_survey (RcDatabase  *database,
                                 RcSurvey    *survey,
                                 GError     **error)
{
  g_autofree char *definition = json_to_string (rc_survey_get_definition (survey), FALSE);
  sqlite3_stmt *stmt;
  gboolean ok;

  stmt = rc_database_prepare (database,
                              "INSERT OR IGNORE INTO surveys (id, version, definition) "
                              "VALUES (?1, ?2, ?3)",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, rc_survey_get_id (survey), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, rc_survey_get_version (survey));
  sqlite3_bind_text (stmt, 3, definition, -1, SQLITE_STATIC);
  ok = step_done (database, stmt, error);
  sqlite3_finalize (stmt);

  return ok;
}

/* Definitions already parsed, by their text, for the life of the process.
 * A stored definition never changes, and the coordinator's page reads every
 * version again at each count: json-glib took a tenth of a count of 1,000
 * responses. Only a few versions ever exist. */
G_LOCK_DEFINE_STATIC (parsed_surveys);
static GHashTable *parsed_surveys;

static RcSurvey *
parse_survey (GBytes      *bytes,
              const char  *source_name,
              GError     **error)
{
  RcSurvey *survey = NULL;

  G_LOCK (parsed_surveys);
  if (parsed_surveys != NULL && (survey = g_hash_table_lookup (parsed_surveys, bytes)) != NULL)
    g_object_ref (survey);
  G_UNLOCK (parsed_surveys);
  if (survey != NULL)
    return survey;

  survey = rc_survey_new_from_bytes (bytes, source_name, error);
  if (survey == NULL)
    return NULL;

  G_LOCK (parsed_surveys);
  if (parsed_surveys == NULL)
    parsed_surveys = g_hash_table_new_full (g_bytes_hash, g_bytes_equal,
                                            (GDestroyNotify)g_bytes_unref, g_object_unref);
  if (!g_hash_table_contains (parsed_surveys, bytes))
    g_hash_table_insert (parsed_surveys, g_bytes_ref (bytes), g_object_ref (survey));
  G_UNLOCK (parsed_surveys);

  return survey;
}

/**
 * rc_response_store_read_survey:
 * @database: the database the definition was read from
 * @survey_id: the survey id of its row
 * @version: the version of its row
 * @definition: (array length=length): the definition as stored
 * @length: its length in bytes
 * @error: a location for a #GError
 *
 * Parses a stored definition, and makes sure it is the survey and version
 * its row says: a row that says otherwise would leave its responses
 * without their questions. A definition read before is not parsed again:
 * the survey returned is shared, also between threads, and must not be
 * changed (see rc_survey_get_definition()).
 *
 * Returns: (transfer full): the survey, or %NULL with @error
 */
RcSurvey *
rc_response_store_read_survey (RcDatabase  *database,
                               const char  *survey_id,
                               gint64       version,
                               const char  *definition,
                               gsize        length,
                               GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (definition, length);
  g_autoptr(RcSurvey) survey = NULL;
  g_autoptr(GError) unreadable = NULL;

  g_return_val_if_fail (RC_IS_DATABASE (database), NULL);
  g_return_val_if_fail (survey_id != NULL, NULL);

  survey = parse_survey (bytes, rc_database_get_path (database), &unreadable);
  if (survey == NULL)
    {
      /* The database file is no survey definition: what is wrong inside
       * the one it keeps is for whoever mends the file, not for the
       * coordinator who meets it. */
      g_debug ("%s", unreadable->message);
      g_set_error (error, RC_DATABASE_ERROR, RC_DATABASE_ERROR_DAMAGED,
                   _("The database “%s” is damaged: the definition kept for version %" PRId64
                     " of the survey “%s” is not a valid survey definition"),
                   rc_database_get_path (database), version, survey_id);
      return NULL;
    }

  if (g_strcmp0 (rc_survey_get_id (survey), survey_id) != 0 || rc_survey_get_version (survey) != version)
    {
      g_set_error (error, RC_DATABASE_ERROR, RC_DATABASE_ERROR_DAMAGED,
                   _("The database “%s” is damaged: the definition kept for version %" PRId64
                     " of the survey “%s” is another one"),
                   rc_database_get_path (database), version, survey_id);
      return NULL;
    }

  return g_steal_pointer (&survey);
}

static gboolean
insert_answers (RcDatabase  *database,
                const char  *response_id,
                JsonObject  *answers,
                GError     **error)
{
  g_autoptr(GList) members = json_object_get_members (answers);
  sqlite3_stmt *stmt;
  gboolean ok = TRUE;

  stmt = rc_database_prepare_cached (database,
                                     "INSERT INTO answers (response_id, question_id, value) "
                                     "VALUES (?1, ?2, ?3)",
                                     error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, response_id, -1, SQLITE_STATIC);

  for (const GList *l = members; ok && l != NULL; l = l->next)
    {
      const char *question_id = l->data;
      JsonNode *answer = json_object_get_member (answers, question_id);
      JsonArray *choices = JSON_NODE_HOLDS_ARRAY (answer) ? json_node_get_array (answer) : NULL;
      guint n_values = choices ? json_array_get_length (choices) : 1;

      sqlite3_bind_text (stmt, 2, question_id, -1, SQLITE_STATIC);

      /* A row per choice, so "how many chose X" is one index lookup. */
      for (guint i = 0; ok && i < n_values; i++)
        {
          bind_json_value (stmt, 3, choices ? json_array_get_element (choices, i) : answer);
          ok = step_done (database, stmt, error);
          sqlite3_reset (stmt);
        }
    }

  return ok;
}

/**
 * rc_response_store_insert:
 *
 * Inserts one response and its rows of answers, inside the caller's
 * transaction: the one step both a submit and an import take.
 */
gboolean
rc_response_store_insert (RcDatabase  *database,
                          const char  *response_id,
                          RcSurvey    *survey,
                          const char  *device_id,
                          const char  *language,
                          const char  *submitted_at,
                          gint64       duration_minutes,
                          JsonObject  *answers,
                          GError     **error)
{
  g_autoptr(JsonNode) answers_node = json_node_init_object (json_node_alloc (), answers);
  g_autofree char *answers_text = json_to_string (answers_node, FALSE);
  sqlite3_stmt *stmt;
  gboolean ok;

  stmt = rc_database_prepare_cached (database,
                                     "INSERT INTO responses (id, survey_id, survey_version, "
                                     "device_id, language, submitted_at, duration_minutes, "
                                     "answers) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                                     error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, response_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, rc_survey_get_id (survey), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, rc_survey_get_version (survey));
  sqlite3_bind_text (stmt, 4, device_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, language, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, submitted_at, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 7, duration_minutes);
  sqlite3_bind_text (stmt, 8, answers_text, -1, SQLITE_STATIC);
  ok = step_done (database, stmt, error);
  sqlite3_reset (stmt);

  return ok && insert_answers (database, response_id, answers, error);
}

static char *
format_submission_time (RcResponseStore *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (self->keep_full_time)
    return g_date_time_format_iso8601 (now);

  return g_date_time_format (now, "%Y-%m-%d");
}

/* What a save writes, taken from the response when it is handed over: the
 * response may change, or go, on its thread while another one writes. */
typedef struct
{
  RcSurvey *survey;
  char     *response_id;
  char     *language;
  char     *submitted_at;
  guint     minutes;
  JsonNode *answers;
} Submission;

static void
submission_free (Submission *submission)
{
  g_clear_object (&submission->survey);
  g_free (submission->response_id);
  g_free (submission->language);
  g_free (submission->submitted_at);
  g_clear_pointer (&submission->answers, json_node_unref);
  g_free (submission);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Submission, submission_free)

static Submission *
take_submission (RcResponseStore  *self,
                 RcResponse       *response,
                 GError          **error)
{
  Submission *submission;

  if (!rc_response_validate (response, error))
    return NULL;

  submission = g_new0 (Submission, 1);
  submission->survey = g_object_ref (rc_response_get_survey (response));
  submission->response_id = g_uuid_string_random ();
  submission->language = g_strdup (rc_response_get_language (response));
  submission->submitted_at = format_submission_time (self);
  submission->minutes = rc_response_get_elapsed_minutes (response);
  submission->answers = rc_response_dup_answers (response);

  return submission;
}

/* One transaction, durable once committed (synchronous = FULL). */
static gboolean
write_submission (RcDatabase     *database,
                  gconstpointer   data,
                  GError        **error)
{
  const Submission *submission = data;
  gboolean ok;

  if (!rc_database_exec (database, "BEGIN IMMEDIATE", error))
    return FALSE;

  ok = rc_response_store_insert_survey (database, submission->survey, error) &&
       rc_response_store_insert (database, submission->response_id, submission->survey,
                                 rc_database_get_device_id (database), submission->language,
                                 submission->submitted_at, submission->minutes,
                                 json_node_get_object (submission->answers), error);
  ok = ok && rc_database_exec (database, "COMMIT", error);

  if (!ok)
    sqlite3_exec (rc_database_get_handle (database), "ROLLBACK", NULL, NULL, NULL);

  return ok;
}

/**
 * rc_response_store_save:
 * @self: a store
 * @response: a complete response
 * @error: a location for a #GError
 *
 * Saves @response durably in one transaction: when this returns, the
 * response survives a crash or a power cut. An incomplete or invalid
 * response is refused and nothing is written.
 *
 * Returns: (transfer full): the new response's id, or %NULL with @error set
 */
char *
rc_response_store_save (RcResponseStore  *self,
                        RcResponse       *response,
                        GError          **error)
{
  g_autoptr(Submission) submission = NULL;

  g_return_val_if_fail (RC_IS_RESPONSE_STORE (self), NULL);
  g_return_val_if_fail (RC_IS_RESPONSE (response), NULL);

  if (!(submission = take_submission (self, response, error)) ||
      !write_submission (self->database, submission, error))
    return NULL;

  return g_steal_pointer (&submission->response_id);
}

/**
 * rc_response_store_save_async:
 * @self: a store
 * @response: a complete response
 * @cancellable: (nullable): tells the caller's callback that it is no
 *   longer wanted; a save already handed over goes on to the end
 * @callback: called on the caller's thread once the response is saved
 *   durably, or could not be
 * @user_data: for @callback
 *
 * rc_response_store_save() in another thread, over a connection of its
 * own: waiting for the disk, or for another program's write to finish,
 * holds nobody's window. What is saved is @response as it is now. An
 * incomplete or invalid response is refused at once.
 */
void
rc_response_store_save_async (RcResponseStore     *self,
                              RcResponse          *response,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  Submission *submission;

  g_return_if_fail (RC_IS_RESPONSE_STORE (self));
  g_return_if_fail (RC_IS_RESPONSE (response));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rc_response_store_save_async);

  if (!(submission = take_submission (self, response, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  rc_database_write_in_thread (self->database, task, write_submission, submission,
                               (GDestroyNotify)submission_free);
}

/**
 * rc_response_store_save_finish:
 * @self: a store
 * @result: the result given to the callback
 * @error: a location for a #GError
 *
 * Returns: (transfer full): the new response's id, or %NULL with @error
 *   set; %G_IO_ERROR_CANCELLED when the save's cancellable was cancelled,
 *   whether or not the response was saved
 */
char *
rc_response_store_save_finish (RcResponseStore  *self,
                               GAsyncResult     *result,
                               GError          **error)
{
  g_autoptr(Submission) saved = NULL;

  g_return_val_if_fail (RC_IS_RESPONSE_STORE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  if (!(saved = g_task_propagate_pointer (G_TASK (result), error)))
    return NULL;

  return g_steal_pointer (&saved->response_id);
}

/**
 * rc_response_store_load:
 *
 * Returns: (transfer full): the stored response as a JSON object with its
 *   id, survey_id, survey_version, device_id, language, submitted_at,
 *   duration_minutes and answers; or %NULL with @error set
 */
JsonNode *
rc_response_store_load (RcResponseStore  *self,
                        const char       *response_id,
                        GError          **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) answers = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RC_IS_RESPONSE_STORE (self), NULL);
  g_return_val_if_fail (response_id != NULL, NULL);

  stmt = rc_database_prepare (self->database,
                              "SELECT id, survey_id, survey_version, device_id, language, "
                              "submitted_at, duration_minutes, answers FROM responses WHERE id = ?1",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, response_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);

  if (rc == SQLITE_DONE)
    {
      sqlite3_finalize (stmt);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("There is no response “%s”"), response_id);
      return NULL;
    }

  if (rc != SQLITE_ROW ||
      !(answers = rc_json_parse ((const char *)sqlite3_column_text (stmt, 7), -1, error)))
    {
      if (rc != SQLITE_ROW)
        rc_database_fail (self->database, rc, error);
      sqlite3_finalize (stmt);
      return NULL;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, (const char *)sqlite3_column_text (stmt, 0));
  json_builder_set_member_name (builder, "survey_id");
  json_builder_add_string_value (builder, (const char *)sqlite3_column_text (stmt, 1));
  json_builder_set_member_name (builder, "survey_version");
  json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, 2));
  json_builder_set_member_name (builder, "device_id");
  json_builder_add_string_value (builder, (const char *)sqlite3_column_text (stmt, 3));
  json_builder_set_member_name (builder, "language");
  json_builder_add_string_value (builder, (const char *)sqlite3_column_text (stmt, 4));
  json_builder_set_member_name (builder, "submitted_at");
  json_builder_add_string_value (builder, (const char *)sqlite3_column_text (stmt, 5));
  json_builder_set_member_name (builder, "duration_minutes");
  json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, 6));
  json_builder_set_member_name (builder, "answers");
  json_builder_add_value (builder, g_steal_pointer (&answers));
  json_builder_end_object (builder);
  sqlite3_finalize (stmt);

  return json_builder_get_root (builder);
}

/**
 * rc_response_store_count:
 * @survey_id: (nullable): count only this survey's responses
 *
 * Returns: the number of responses, or -1 with @error set
 */
gint64
rc_response_store_count (RcResponseStore  *self,
                         const char       *survey_id,
                         GError          **error)
{
  sqlite3_stmt *stmt;
  gint64 count = -1;
  int rc;

  g_return_val_if_fail (RC_IS_RESPONSE_STORE (self), -1);

  stmt = rc_database_prepare (self->database,
                              "SELECT count(*) FROM responses WHERE ?1 IS NULL OR survey_id = ?1",
                              error);
  if (stmt == NULL)
    return -1;

  sqlite3_bind_text (stmt, 1, survey_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  else
    rc_database_fail (self->database, rc, error);
  sqlite3_finalize (stmt);

  return count;
}

/**
 * rc_response_store_count_answers:
 * @survey_id: the survey
 * @question_id: one of its questions
 *
 * Counts how often each answer was given, a choice of a multiple-choice
 * question counting once for each response that chose it.
 *
 * Returns: (transfer full) (element-type utf8 guint): each answer, as text,
 *   and its count; or %NULL with @error set
 */
GHashTable *
rc_response_store_count_answers (RcResponseStore  *self,
                                 const char       *survey_id,
                                 const char       *question_id,
                                 GError          **error)
{
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RC_IS_RESPONSE_STORE (self), NULL);
  g_return_val_if_fail (survey_id != NULL, NULL);
  g_return_val_if_fail (question_id != NULL, NULL);

  stmt = rc_database_prepare (self->database,
                              "SELECT a.value, count(*) FROM answers AS a "
                              "JOIN responses AS r ON r.id = a.response_id "
                              "WHERE a.question_id = ?2 AND r.survey_id = ?1 "
                              "GROUP BY a.value",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, survey_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, question_id, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (counts,
                         g_strdup ((const char *)sqlite3_column_text (stmt, 0)),
                         GUINT_TO_POINTER ((guint)sqlite3_column_int64 (stmt, 1)));

  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      rc_database_fail (self->database, rc, error);
      return NULL;
    }

  return g_steal_pointer (&counts);
}
