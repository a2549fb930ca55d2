/* rc-response.c
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rc-i18n.h"

#include "rc-json.h"
#include "rc-response.h"

struct _RcResponse
{
  GObject     parent_instance;

  RcSurvey   *survey;
  char       *language;
  GHashTable *answers;       /* question id → JsonNode */
  gint64      started_at;    /* monotonic, µs */
};

G_DEFINE_FINAL_TYPE (RcResponse, rc_response, G_TYPE_OBJECT)

G_DEFINE_QUARK (rc-response-error-quark, rc_response_error)

static void
rc_response_finalize (GObject *object)
{
  RcResponse *self = (RcResponse *)object;

  g_clear_pointer (&self->answers, g_hash_table_unref);
  g_clear_pointer (&self->language, g_free);
  g_clear_object (&self->survey);

  G_OBJECT_CLASS (rc_response_parent_class)->finalize (object);
}

static void
rc_response_class_init (RcResponseClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rc_response_finalize;
}

static void
rc_response_init (RcResponse *self)
{
  self->answers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify)json_node_unref);
  self->started_at = g_get_monotonic_time ();
}

/**
 * rc_response_new:
 * @survey: the survey being answered
 * @language: the language the respondent chose
 *
 * Starts one respondent's answers; the time spent counts from now.
 *
 * Returns: (transfer full): a new #RcResponse
 */
RcResponse *
rc_response_new (RcSurvey   *survey,
                 const char *language)
{
  RcResponse *self;

  g_return_val_if_fail (RC_IS_SURVEY (survey), NULL);
  g_return_val_if_fail (language != NULL, NULL);

  self = g_object_new (RC_TYPE_RESPONSE, NULL);
  self->survey = g_object_ref (survey);
  self->language = g_strdup (language);

  return self;
}

RcSurvey *
rc_response_get_survey (RcResponse *self)
{
  g_return_val_if_fail (RC_IS_RESPONSE (self), NULL);
  return self->survey;
}

const char *
rc_response_get_language (RcResponse *self)
{
  g_return_val_if_fail (RC_IS_RESPONSE (self), NULL);
  return self->language;
}

static JsonNode *
lookup_answer (const char *question_id,
               gpointer    user_data)
{
  RcResponse *self = user_data;

  return g_hash_table_lookup (self->answers, question_id);
}

static gboolean
question_is_visible (RcResponse *self,
                     RcQuestion *question)
{
  return question->show_if == NULL ||
         rc_condition_evaluate (question->show_if, lookup_answer, self);
}

/* Answers to questions that a change to @changed hid are forgotten, as in
 * ODK: what is not shown is not asked, and is never stored. A condition
 * only looks at earlier questions, so only later ones can be hidden; going
 * in order makes a hidden question hide those that depend on it too. Only
 * the conditions of answered questions are evaluated: answers given in
 * order, as an import gives them, then evaluate none. */
static void
drop_hidden_answers (RcResponse *self,
                     RcQuestion *changed)
{
  GPtrArray *questions = rc_survey_get_questions (self->survey);

  g_assert (g_ptr_array_index (questions, changed->position) == changed);

  for (guint i = changed->position + 1; i < questions->len; i++)
    {
      RcQuestion *question = g_ptr_array_index (questions, i);

      if (question->show_if != NULL && g_hash_table_contains (self->answers, question->id) &&
          !question_is_visible (self, question))
        g_hash_table_remove (self->answers, question->id);
    }
}

static gboolean
is_refusal (RcQuestion *question,
            JsonNode   *value)
{
  return question->prefer_not_to_answer && rc_json_is_string (value) &&
         g_str_equal (json_node_get_string (value), RC_PREFER_NOT_TO_ANSWER);
}

static gboolean
is_choice (RcQuestion *question,
           JsonNode   *value)
{
  return rc_json_is_string (value) &&
         (is_refusal (question, value) ||
          rc_question_lookup_option (question, json_node_get_string (value)) != NULL);
}

/* Whether @value has the shape of an answer to @question; limits such as
 * ranges are checked later, when she moves on. */
static gboolean
has_answer_shape (RcQuestion *question,
                  JsonNode   *value)
{
  switch (question->type)
    {
    case RC_QUESTION_SINGLE_CHOICE:
      return is_choice (question, value);

    case RC_QUESTION_MULTIPLE_CHOICE:
      {
        g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
        JsonArray *array;

        if (!JSON_NODE_HOLDS_ARRAY (value))
          return FALSE;

        array = json_node_get_array (value);
        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            JsonNode *element = json_array_get_element (array, i);

            if (!is_choice (question, element) ||
                !g_hash_table_add (seen, (gpointer)json_node_get_string (element)))
              return FALSE;
          }
        return TRUE;
      }

    case RC_QUESTION_YES_NO:
      return is_refusal (question, value) ||
             (rc_json_is_string (value) && (g_str_equal (json_node_get_string (value), "yes") ||
                                    g_str_equal (json_node_get_string (value), "no")));

    case RC_QUESTION_SCALE:
      return is_refusal (question, value) ||
             (rc_json_is_integer (value) && json_node_get_int (value) >= question->min &&
              json_node_get_int (value) <= question->max);

    case RC_QUESTION_NUMBER:
      return rc_json_is_integer (value);

    case RC_QUESTION_SHORT_TEXT:
    case RC_QUESTION_LONG_TEXT:
      return rc_json_is_string (value) && g_utf8_validate (json_node_get_string (value), -1, NULL);

    case RC_QUESTION_NOTE:
    default:
      return FALSE;
    }
}

static gboolean
is_empty_answer (JsonNode *value)
{
  return (JSON_NODE_HOLDS_ARRAY (value) && json_array_get_length (json_node_get_array (value)) == 0) ||
         (rc_json_is_string (value) && *json_node_get_string (value) == '\0') ||
         JSON_NODE_HOLDS_NULL (value);
}

static RcQuestion *
lookup_question (RcResponse  *self,
                 const char  *question_id,
                 GError     **error)
{
  RcQuestion *question = rc_survey_lookup_question (self->survey, question_id);

  if (question == NULL)
    g_set_error (error, RC_RESPONSE_ERROR, RC_RESPONSE_ERROR_UNKNOWN_QUESTION,
                 "The survey “%s” has no question “%s”",
                 rc_survey_get_id (self->survey), question_id);

  return question;
}

/**
 * rc_response_set_answer:
 * @self: a response
 * @question_id: the question answered
 * @value: the answer: a choice id (single choice, yes/no: "yes" or "no"),
 *   an array of choice ids (multiple choice), a whole number (number,
 *   scale), a text, or "prefer_not_to_answer" where offered. An empty
 *   answer clears it.
 * @error: a location for a #GError
 *
 * Answers of questions this answer hides are dropped.
 *
 * Returns: whether @value is an answer @question_id can take
 */
gboolean
rc_response_set_answer (RcResponse  *self,
                        const char  *question_id,
                        JsonNode    *value,
                        GError     **error)
{
  RcQuestion *question;

  g_return_val_if_fail (RC_IS_RESPONSE (self), FALSE);
  g_return_val_if_fail (question_id != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  if (!(question = lookup_question (self, question_id, error)))
    return FALSE;

  if (!question_is_visible (self, question))
    {
      g_set_error (error, RC_RESPONSE_ERROR, RC_RESPONSE_ERROR_UNKNOWN_QUESTION,
                   "The question “%s” is not shown for the answers given so far", question_id);
      return FALSE;
    }

  if (is_empty_answer (value))
    {
      rc_response_clear_answer (self, question_id);
      return TRUE;
    }

  if (!has_answer_shape (question, value))
    {
      g_autofree char *shown = json_to_string (value, FALSE);

      g_set_error (error, RC_RESPONSE_ERROR, RC_RESPONSE_ERROR_WRONG_TYPE,
                   "%s is not an answer to the %s question “%s”",
                   shown, rc_question_type_to_string (question->type), question_id);
      return FALSE;
    }

  g_hash_table_replace (self->answers, g_strdup (question_id), json_node_copy (value));
  drop_hidden_answers (self, question);

  return TRUE;
}

gboolean
rc_response_set_choice (RcResponse  *self,
                        const char  *question_id,
                        const char  *choice,
                        GError     **error)
{
  g_autoptr(JsonNode) value = json_node_new (JSON_NODE_VALUE);

  json_node_set_string (value, choice);
  return rc_response_set_answer (self, question_id, value, error);
}

gboolean
rc_response_set_choices (RcResponse          *self,
                         const char          *question_id,
                         const char * const  *choices,
                         GError             **error)
{
  g_autoptr(JsonArray) array = json_array_new ();
  g_autoptr(JsonNode) value = json_node_new (JSON_NODE_ARRAY);

  for (guint i = 0; choices != NULL && choices[i] != NULL; i++)
    json_array_add_string_element (array, choices[i]);

  json_node_set_array (value, array);
  return rc_response_set_answer (self, question_id, value, error);
}

gboolean
rc_response_set_number (RcResponse  *self,
                        const char  *question_id,
                        gint64       number,
                        GError     **error)
{
  g_autoptr(JsonNode) value = json_node_new (JSON_NODE_VALUE);

  json_node_set_int (value, number);
  return rc_response_set_answer (self, question_id, value, error);
}

gboolean
rc_response_set_text (RcResponse  *self,
                      const char  *question_id,
                      const char  *text,
                      GError     **error)
{
  g_autoptr(JsonNode) value = json_node_new (JSON_NODE_VALUE);

  json_node_set_string (value, text);
  return rc_response_set_answer (self, question_id, value, error);
}

void
rc_response_clear_answer (RcResponse *self,
                          const char *question_id)
{
  RcQuestion *question;

  g_return_if_fail (RC_IS_RESPONSE (self));
  g_return_if_fail (question_id != NULL);

  g_hash_table_remove (self->answers, question_id);
  if ((question = rc_survey_lookup_question (self->survey, question_id)) != NULL)
    drop_hidden_answers (self, question);
}

/**
 * rc_response_get_answer:
 *
 * Returns: (transfer none) (nullable): the answer, or %NULL if there is none
 */
JsonNode *
rc_response_get_answer (RcResponse *self,
                        const char *question_id)
{
  g_return_val_if_fail (RC_IS_RESPONSE (self), NULL);
  g_return_val_if_fail (question_id != NULL, NULL);

  return g_hash_table_lookup (self->answers, question_id);
}

gboolean
rc_response_is_visible (RcResponse *self,
                        const char *question_id)
{
  RcQuestion *question;

  g_return_val_if_fail (RC_IS_RESPONSE (self), FALSE);
  g_return_val_if_fail (question_id != NULL, FALSE);

  question = rc_survey_lookup_question (self->survey, question_id);
  return question != NULL && question_is_visible (self, question);
}

static gboolean
constraint_error (RcResponse  *self,
                  RcQuestion  *question,
                  const char  *fallback,
                  GError     **error)
{
  const char *message = rc_text_get (&question->constraint_message, self->language);

  g_set_error_literal (error, RC_RESPONSE_ERROR, RC_RESPONSE_ERROR_CONSTRAINT,
                       message != NULL ? message : fallback);
  return FALSE;
}

static gboolean
check_choices (RcResponse  *self,
               RcQuestion  *question,
               JsonArray   *choices,
               GError     **error)
{
  guint n_choices = json_array_get_length (choices);
  guint n_counted = 0;

  for (guint i = 0; i < n_choices; i++)
    {
      const char *id = json_array_get_string_element (choices, i);
      RcOption *option = rc_question_lookup_option (question, id);

      if ((option != NULL && option->exclusive) || g_str_equal (id, RC_PREFER_NOT_TO_ANSWER))
        {
          if (n_choices > 1)
            {
              const char *label = option ? rc_text_get (&option->label, self->language) : NULL;

              g_set_error (error, RC_RESPONSE_ERROR, RC_RESPONSE_ERROR_EXCLUSIVE,
                           _("“%s” cannot be chosen together with other answers"),
                           label ? label : _("I prefer not to answer"));
              return FALSE;
            }
          return TRUE;
        }

      n_counted++;
    }

  if (question->min_choices > 0 && n_counted < (guint)question->min_choices)
    return constraint_error (self, question, _("Choose more answers"), error);

  if (question->max_choices > 0 && n_counted > (guint)question->max_choices)
    return constraint_error (self, question, _("Choose fewer answers"), error);

  return TRUE;
}

/**
 * rc_response_check_question:
 * @self: a response
 * @question_id: a question
 * @error: a location for a #GError
 *
 * Checks what the respondent gave for one question, as Next does: a
 * required question needs an answer, and an answer must keep to the limits
 * of its question. A hidden question or a note is always fine.
 *
 * Returns: whether the answer is acceptable; if not, @error says why in the
 *   respondent's language where the definition words it
 */
gboolean
rc_response_check_question (RcResponse  *self,
                            const char  *question_id,
                            GError     **error)
{
  RcQuestion *question;
  JsonNode *answer;

  g_return_val_if_fail (RC_IS_RESPONSE (self), FALSE);
  g_return_val_if_fail (question_id != NULL, FALSE);

  if (!(question = lookup_question (self, question_id, error)))
    return FALSE;

  if (!rc_question_has_answer (question) || !question_is_visible (self, question))
    return TRUE;

  answer = g_hash_table_lookup (self->answers, question_id);
  if (answer == NULL)
    {
      if (!question->required)
        return TRUE;

      g_set_error_literal (error, RC_RESPONSE_ERROR, RC_RESPONSE_ERROR_MISSING,
                           _("This question needs an answer"));
      return FALSE;
    }

  if (is_refusal (question, answer))
    return TRUE;

  switch (question->type)
    {
    case RC_QUESTION_MULTIPLE_CHOICE:
      return check_choices (self, question, json_node_get_array (answer), error);

    case RC_QUESTION_NUMBER:
      if ((question->has_min && json_node_get_int (answer) < question->min) ||
          (question->has_max && json_node_get_int (answer) > question->max))
        return constraint_error (self, question, _("This number is out of range"), error);
      return TRUE;

    case RC_QUESTION_SHORT_TEXT:
    case RC_QUESTION_LONG_TEXT:
      if (g_utf8_strlen (json_node_get_string (answer), -1) > question->max_length)
        return constraint_error (self, question, _("This text is too long"), error);
      return TRUE;

    case RC_QUESTION_SINGLE_CHOICE:
    case RC_QUESTION_SCALE:
    case RC_QUESTION_YES_NO:
    case RC_QUESTION_NOTE:
    default:
      return TRUE;
    }
}

/**
 * rc_response_list_problems:
 *
 * Returns: (transfer container) (element-type utf8): the ids of the shown
 *   questions whose answer is missing or not acceptable, in order
 */
GPtrArray *
rc_response_list_problems (RcResponse *self)
{
  GPtrArray *questions;
  GPtrArray *problems = g_ptr_array_new ();

  g_return_val_if_fail (RC_IS_RESPONSE (self), problems);

  questions = rc_survey_get_questions (self->survey);
  for (guint i = 0; i < questions->len; i++)
    {
      RcQuestion *question = g_ptr_array_index (questions, i);

      if (!rc_response_check_question (self, question->id, NULL))
        g_ptr_array_add (problems, question->id);
    }

  return problems;
}

/**
 * rc_response_validate:
 *
 * Returns: whether every shown question is answered acceptably; if not,
 *   @error lists each question and what is wrong with it
 */
gboolean
rc_response_validate (RcResponse  *self,
                      GError     **error)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GString) message = NULL;

  g_return_val_if_fail (RC_IS_RESPONSE (self), FALSE);

  problems = rc_response_list_problems (self);
  if (problems->len == 0)
    return TRUE;

  message = g_string_new (_("The response is not complete:"));
  for (guint i = 0; i < problems->len; i++)
    {
      g_autoptr(GError) problem = NULL;

      rc_response_check_question (self, g_ptr_array_index (problems, i), &problem);
      g_string_append_printf (message, "\n%s: %s",
                              (char *)g_ptr_array_index (problems, i), problem->message);
    }

  g_set_error_literal (error, RC_RESPONSE_ERROR, RC_RESPONSE_ERROR_INCOMPLETE, message->str);
  return FALSE;
}

/**
 * rc_response_dup_answers:
 *
 * Returns: (transfer full): a JSON object of the answers to the shown
 *   questions, in the order of the survey
 */
JsonNode *
rc_response_dup_answers (RcResponse *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  GPtrArray *questions;

  g_return_val_if_fail (RC_IS_RESPONSE (self), NULL);

  questions = rc_survey_get_questions (self->survey);
  json_builder_begin_object (builder);
  for (guint i = 0; i < questions->len; i++)
    {
      RcQuestion *question = g_ptr_array_index (questions, i);
      JsonNode *answer = g_hash_table_lookup (self->answers, question->id);

      if (answer == NULL)
        continue;

      json_builder_set_member_name (builder, question->id);
      json_builder_add_value (builder, json_node_copy (answer));
    }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * rc_response_get_n_answers:
 *
 * Returns: how many questions have an answer
 */
guint
rc_response_get_n_answers (RcResponse *self)
{
  g_return_val_if_fail (RC_IS_RESPONSE (self), 0);

  return g_hash_table_size (self->answers);
}

/* Whole minutes since the response was started, rounded. */
guint
rc_response_get_elapsed_minutes (RcResponse *self)
{
  gint64 elapsed;

  g_return_val_if_fail (RC_IS_RESPONSE (self), 0);

  elapsed = MAX (0, g_get_monotonic_time () - self->started_at);
  return (guint)((elapsed + 30 * G_USEC_PER_SEC) / (60 * G_USEC_PER_SEC));
}

/* For a screen that starts the clock at the first question rather than at
 * the welcome page. */
void
rc_response_set_started_at (RcResponse *self,
                            gint64      monotonic_time)
{
  g_return_if_fail (RC_IS_RESPONSE (self));

  self->started_at = monotonic_time;
}
