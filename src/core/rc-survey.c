/* rc-survey.c
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rc-i18n.h"

#include "rc-survey-private.h"
#include "rc-json.h"

#define BUNDLED_SURVEY RESOURCE_BASE_PATH "/surveys/womens-rights-express.json"

G_DEFINE_FINAL_TYPE (RcSurvey, rc_survey, G_TYPE_OBJECT)

G_DEFINE_QUARK (rc-survey-error-quark, rc_survey_error)

RcOption *
rc_option_new (void)
{
  return g_new0 (RcOption, 1);
}

void
rc_option_free (RcOption *option)
{
  g_free (option->id);
  rc_text_clear (&option->label);
  g_free (option);
}

RcQuestion *
rc_question_new (void)
{
  RcQuestion *question = g_new0 (RcQuestion, 1);

  question->options = g_ptr_array_new_with_free_func ((GDestroyNotify)rc_option_free);
  return question;
}

void
rc_question_free (RcQuestion *question)
{
  g_free (question->id);
  rc_text_clear (&question->label);
  rc_text_clear (&question->hint);
  rc_text_clear (&question->min_label);
  rc_text_clear (&question->max_label);
  rc_text_clear (&question->constraint_message);
  g_ptr_array_unref (question->options);
  g_clear_pointer (&question->show_if, rc_condition_free);
  g_free (question);
}

RcSection *
rc_section_new (void)
{
  RcSection *section = g_new0 (RcSection, 1);

  section->questions = g_ptr_array_new ();
  return section;
}

void
rc_section_free (RcSection *section)
{
  g_free (section->id);
  rc_text_clear (&section->title);
  g_ptr_array_unref (section->questions);
  g_free (section);
}

RcContact *
rc_contact_new (void)
{
  return g_new0 (RcContact, 1);
}

void
rc_contact_free (RcContact *contact)
{
  g_free (contact->number);
  rc_text_clear (&contact->label);
  rc_text_clear (&contact->description);
  g_free (contact);
}

static void
rc_survey_finalize (GObject *object)
{
  RcSurvey *self = (RcSurvey *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->languages, g_strfreev);
  rc_text_clear (&self->title);
  rc_text_clear (&self->intro);
  rc_text_clear (&self->consent);
  rc_text_clear (&self->thanks);
  rc_text_clear (&self->helpline_title);
  g_clear_pointer (&self->contacts, g_ptr_array_unref);
  g_clear_pointer (&self->sections, g_ptr_array_unref);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->questions, g_ptr_array_unref);
  g_clear_pointer (&self->definition, json_node_unref);

  G_OBJECT_CLASS (rc_survey_parent_class)->finalize (object);
}

static void
rc_survey_class_init (RcSurveyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rc_survey_finalize;
}

static void
rc_survey_init (RcSurvey *self)
{
  self->contacts = g_ptr_array_new_with_free_func ((GDestroyNotify)rc_contact_free);
  self->sections = g_ptr_array_new_with_free_func ((GDestroyNotify)rc_section_free);
  self->questions = g_ptr_array_new_with_free_func ((GDestroyNotify)rc_question_free);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
}

/**
 * rc_survey_new_from_bytes:
 * @bytes: a survey definition in JSON
 * @source_name: what to call it in messages, such as its file name
 * @error: a location for a #GError
 *
 * Loads and checks a definition. Every problem found is listed in the
 * message of @error, one a line, each with its JSON path. Nothing of a
 * definition with a problem is loaded.
 *
 * Returns: (transfer full): the survey, or %NULL with @error set
 */
RcSurvey *
rc_survey_new_from_bytes (GBytes      *bytes,
                          const char  *source_name,
                          GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(RcSurvey) self = NULL;
  g_autoptr(GError) json_error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (source_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length > RC_SURVEY_MAX_BYTES)
    {
      g_set_error (error, RC_SURVEY_ERROR, RC_SURVEY_ERROR_INVALID,
                   _("“%s” is larger than %d kB, far more than a survey definition"),
                   source_name, RC_SURVEY_MAX_BYTES / 1024);
      return NULL;
    }

  if (!(root = rc_json_parse (data, length, &json_error)))
    {
      g_set_error (error, RC_SURVEY_ERROR, RC_SURVEY_ERROR_INVALID,
                   _("“%s” is not valid JSON: %s"), source_name, json_error->message);
      return NULL;
    }

  self = g_object_new (RC_TYPE_SURVEY, NULL);

  /* A definition is shared by every thread that reads responses: sealed,
   * nothing can change it under them. */
  json_node_seal (root);
  if (!rc_survey_load (self, root, problems))
    {
      g_autoptr(GString) message = g_string_new (NULL);

      g_string_append_printf (message,
                              dngettext (GETTEXT_PACKAGE,
                                           "“%s” is not a valid survey definition (%u problem):",
                                           "“%s” is not a valid survey definition (%u problems):",
                                           problems->len),
                              source_name, problems->len);
      /* A file of a thousand mistakes makes a list nobody reads to the end. */
      for (guint i = 0; i < MIN (problems->len, RC_SURVEY_MAX_PROBLEMS_LISTED); i++)
        g_string_append_printf (message, "\n%s", (char *)g_ptr_array_index (problems, i));
      if (problems->len > RC_SURVEY_MAX_PROBLEMS_LISTED)
        g_string_append_printf (message, "\n%s", _("…and more"));

      g_set_error_literal (error, RC_SURVEY_ERROR, RC_SURVEY_ERROR_INVALID, message->str);
      return NULL;
    }

  self->definition = g_steal_pointer (&root);

  return g_steal_pointer (&self);
}

RcSurvey *
rc_survey_new_from_file (const char  *path,
                         GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) read_error = NULL;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_get_contents (path, &contents, &length, &read_error))
    {
      g_set_error_literal (error, G_FILE_ERROR, read_error->code, read_error->message);
      return NULL;
    }

  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  return rc_survey_new_from_bytes (bytes, path, error);
}

/**
 * rc_survey_new_bundled:
 *
 * Returns: (transfer full): the express survey shipped with the app
 */
RcSurvey *
rc_survey_new_bundled (GError **error)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (BUNDLED_SURVEY, 0, error);

  if (bytes == NULL)
    return NULL;

  return rc_survey_new_from_bytes (bytes, BUNDLED_SURVEY, error);
}

const char *
rc_survey_get_id (RcSurvey *self)
{
  g_return_val_if_fail (RC_IS_SURVEY (self), NULL);
  return self->id;
}

gint64
rc_survey_get_version (RcSurvey *self)
{
  g_return_val_if_fail (RC_IS_SURVEY (self), 0);
  return self->version;
}

const char * const *
rc_survey_get_languages (RcSurvey *self)
{
  g_return_val_if_fail (RC_IS_SURVEY (self), NULL);
  return (const char * const *)self->languages;
}

const RcText *
rc_survey_get_title (RcSurvey *self)
{
  g_return_val_if_fail (RC_IS_SURVEY (self), NULL);
  return &self->title;
}

const RcText *
rc_survey_get_intro (RcSurvey *self)
{
  g_return_val_if_fail (RC_IS_SURVEY (self), NULL);
  return &self->intro;
}

const RcText *
rc_survey_get_consent (RcSurvey *self)
{
  g_return_val_if_fail (RC_IS_SURVEY (self), NULL);
  return &self->consent;
}

const RcText *
rc_survey_get_thanks (RcSurvey *self)
{
  g_return_val_if_fail (RC_IS_SURVEY (self), NULL);
  return &self->thanks;
}

const RcText *
rc_survey_get_helpline_title (RcSurvey *self)
{
  g_return_val_if_fail (RC_IS_SURVEY (self), NULL);
  return &self->helpline_title;
}

/**
 * rc_survey_get_contacts:
 *
 * Returns: (transfer none) (element-type RcContact): the helpline contacts
 */
GPtrArray *
rc_survey_get_contacts (RcSurvey *self)
{
  g_return_val_if_fail (RC_IS_SURVEY (self), NULL);
  return self->contacts;
}

/**
 * rc_survey_get_sections:
 *
 * Returns: (transfer none) (element-type RcSection): the sections in order
 */
GPtrArray *
rc_survey_get_sections (RcSurvey *self)
{
  g_return_val_if_fail (RC_IS_SURVEY (self), NULL);
  return self->sections;
}

/**
 * rc_survey_get_questions:
 *
 * Returns: (transfer none) (element-type RcQuestion): every question, in order
 */
GPtrArray *
rc_survey_get_questions (RcSurvey *self)
{
  g_return_val_if_fail (RC_IS_SURVEY (self), NULL);
  return self->questions;
}

RcQuestion *
rc_survey_lookup_question (RcSurvey   *self,
                           const char *question_id)
{
  g_return_val_if_fail (RC_IS_SURVEY (self), NULL);
  g_return_val_if_fail (question_id != NULL, NULL);

  return g_hash_table_lookup (self->by_id, question_id);
}

/**
 * rc_survey_get_definition:
 *
 * A survey may be shared between threads (rc_response_store_read_survey()).
 * Copying the definition, as json_to_string() does, counts references on
 * its objects, which json-glib does without atomic operations: only one
 * thread at a time may copy or write out a shared survey's definition.
 *
 * Returns: (transfer none): the definition as loaded, the survey's codebook
 */
JsonNode *
rc_survey_get_definition (RcSurvey *self)
{
  g_return_val_if_fail (RC_IS_SURVEY (self), NULL);
  return self->definition;
}

static const char * const question_type_names[] = {
  [RC_QUESTION_SINGLE_CHOICE] = "single_choice",
  [RC_QUESTION_MULTIPLE_CHOICE] = "multiple_choice",
  [RC_QUESTION_SCALE] = "scale",
  [RC_QUESTION_YES_NO] = "yes_no",
  [RC_QUESTION_NUMBER] = "number",
  [RC_QUESTION_SHORT_TEXT] = "short_text",
  [RC_QUESTION_LONG_TEXT] = "long_text",
  [RC_QUESTION_NOTE] = "note",
};

const char *
rc_question_type_to_string (RcQuestionType type)
{
  g_return_val_if_fail (type < G_N_ELEMENTS (question_type_names), NULL);
  return question_type_names[type];
}

RcOption *
rc_question_lookup_option (RcQuestion *question,
                           const char *option_id)
{
  g_return_val_if_fail (question != NULL, NULL);
  g_return_val_if_fail (option_id != NULL, NULL);

  for (guint i = 0; i < question->options->len; i++)
    {
      RcOption *option = g_ptr_array_index (question->options, i);

      if (g_str_equal (option->id, option_id))
        return option;
    }

  return NULL;
}

/* A note only shows text: everything else takes an answer. */
gboolean
rc_question_has_answer (RcQuestion *question)
{
  g_return_val_if_fail (question != NULL, FALSE);
  return question->type != RC_QUESTION_NOTE;
}
