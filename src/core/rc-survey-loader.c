/* rc-survey-loader.c: reads a survey definition and lists what is wrong
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rc-i18n.h"
#include <inttypes.h>

#include "rc-json.h"
#include "rc-survey-private.h"

#define FORMAT_VERSION 1
#define MAX_SCALE_POINTS 11
#define SHORT_TEXT_MAX_LENGTH 200
#define LONG_TEXT_MAX_LENGTH 2000

typedef struct
{
  RcSurvey   *survey;
  GPtrArray  *problems;
  GHashTable *positions;   /* question id → position + 1, from a first pass */
} Loader;

static const char * const known_languages[] = { "kk", "ru", "en", NULL };

G_GNUC_PRINTF (3, 4)
static void
problem (Loader     *loader,
         const char *path,
         const char *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (loader->problems, g_strdup_printf ("%s: %s", *path ? path : _("(top level)"), message));
}

static char *
member_path (const char *path,
             const char *member)
{
  return *path ? g_strdup_printf ("%s.%s", path, member) : g_strdup (member);
}

static char *
element_path (const char *path,
              const char *member,
              guint       index)
{
  return *path ? g_strdup_printf ("%s.%s[%u]", path, member, index)
               : g_strdup_printf ("%s[%u]", member, index);
}

static void
check_members (Loader             *loader,
               JsonObject         *object,
               const char         *path,
               const char * const *allowed)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (const GList *l = members; l != NULL; l = l->next)
    {
      if (!g_strv_contains (allowed, l->data))
        {
          g_autofree char *where = member_path (path, l->data);
          problem (loader, where, _("unknown field “%s”"), (const char *)l->data);
        }
    }
}

static JsonNode *
get_member (Loader     *loader,
            JsonObject *object,
            const char *path,
            const char *member,
            gboolean    required)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL && required)
    problem (loader, path, _("“%s” is missing"), member);

  return node;
}

static gboolean
is_valid_id (const char *id)
{
  gsize length = strlen (id);

  if (length == 0 || length > 64 || !g_ascii_islower (id[0]))
    return FALSE;

  for (gsize i = 1; i < length; i++)
    {
      if (!g_ascii_islower (id[i]) && !g_ascii_isdigit (id[i]) && id[i] != '_')
        return FALSE;
    }

  return TRUE;
}

static char *
read_id (Loader     *loader,
         JsonObject *object,
         const char *path)
{
  JsonNode *node = get_member (loader, object, path, "id", TRUE);
  g_autofree char *where = member_path (path, "id");

  if (node == NULL)
    return NULL;

  if (!rc_json_is_string (node) || !is_valid_id (json_node_get_string (node)))
    {
      problem (loader, where,
               _("an id is made of small Latin letters, digits and “_”, and starts with a letter"));
      return NULL;
    }

  return g_strdup (json_node_get_string (node));
}

static gboolean
read_bool (Loader     *loader,
           JsonObject *object,
           const char *path,
           const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL)
    return FALSE;

  if (!rc_json_is_boolean (node))
    {
      g_autofree char *where = member_path (path, member);
      problem (loader, where, _("must be true or false"));
      return FALSE;
    }

  return json_node_get_boolean (node);
}

static gboolean
read_int (Loader     *loader,
          JsonObject *object,
          const char *path,
          const char *member,
          gint64     *out_value)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL)
    return FALSE;

  if (!rc_json_is_integer (node))
    {
      g_autofree char *where = member_path (path, member);
      problem (loader, where, _("must be a whole number"));
      return FALSE;
    }

  *out_value = json_node_get_int (node);
  return TRUE;
}

/* Reads a text; each language the kiosk offers must have it. */
static void
read_text (Loader     *loader,
           JsonObject *object,
           const char *path,
           const char *member,
           gboolean    required,
           RcText     *text)
{
  static const char * const allowed[] = { "kk", "ru", "en", NULL };
  JsonNode *node = get_member (loader, object, path, member, required);
  g_autofree char *where = member_path (path, member);
  JsonObject *texts;

  if (node == NULL)
    return;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      problem (loader, where, _("must be an object with a text for each language"));
      return;
    }

  texts = json_node_get_object (node);
  check_members (loader, texts, where, allowed);

  for (guint i = 0; known_languages[i] != NULL; i++)
    {
      const char *language = known_languages[i];
      JsonNode *value = json_object_get_member (texts, language);
      gboolean offered = loader->survey->languages != NULL &&
                         g_strv_contains ((const char * const *)loader->survey->languages, language);
      char **slot = g_str_equal (language, "kk") ? &text->kk
                    : g_str_equal (language, "ru") ? &text->ru : &text->en;

      if (value != NULL && (!rc_json_is_string (value) || *json_node_get_string (value) == '\0'))
        {
          g_autofree char *language_path = member_path (where, language);
          problem (loader, language_path, _("must be a text that is not empty"));
        }
      else if (value != NULL && g_utf8_strlen (json_node_get_string (value), -1) > RC_SURVEY_MAX_TEXT_LENGTH)
        {
          g_autofree char *language_path = member_path (where, language);
          problem (loader, language_path, _("is longer than %d characters"), RC_SURVEY_MAX_TEXT_LENGTH);
        }
      else if (value != NULL)
        {
          *slot = g_strdup (json_node_get_string (value));
        }
      else if (offered)
        {
          problem (loader, where, _("the text in “%s” is missing, and the survey is offered in it"),
                   language);
        }
    }
}

static void
read_languages (Loader     *loader,
                JsonObject *root)
{
  JsonNode *node = get_member (loader, root, "", "languages", TRUE);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();
  JsonArray *array;

  if (node == NULL)
    return;

  if (!JSON_NODE_HOLDS_ARRAY (node) || json_array_get_length (json_node_get_array (node)) == 0)
    {
      problem (loader, "languages", _("must list at least one of “kk”, “ru” and “en”"));
      return;
    }

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *where = element_path ("", "languages", i);
      const char *language;

      if (!rc_json_is_string (element) || !g_strv_contains (known_languages, json_node_get_string (element)))
        {
          problem (loader, where, _("must be “kk”, “ru” or “en”"));
          continue;
        }

      language = json_node_get_string (element);
      if (g_ptr_array_find_with_equal_func (seen, language, g_str_equal, NULL))
        {
          problem (loader, where, _("“%s” is listed twice"), language);
          continue;
        }

      g_ptr_array_add (seen, (gpointer)language);
      g_strv_builder_add (builder, language);
    }

  loader->survey->languages = g_strv_builder_end (builder);
}

static void
read_helpline (Loader     *loader,
               JsonObject *root)
{
  static const char * const allowed[] = { "title", "contacts", NULL };
  static const char * const contact_allowed[] = { "number", "label", "description", NULL };
  JsonNode *node = get_member (loader, root, "", "helpline", TRUE);
  JsonObject *helpline;
  JsonNode *contacts;
  JsonArray *array;

  if (node == NULL)
    return;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      problem (loader, "helpline", _("must be an object"));
      return;
    }

  helpline = json_node_get_object (node);
  check_members (loader, helpline, "helpline", allowed);
  read_text (loader, helpline, "helpline", "title", TRUE, &loader->survey->helpline_title);

  contacts = get_member (loader, helpline, "helpline", "contacts", TRUE);
  if (contacts == NULL)
    return;

  if (!JSON_NODE_HOLDS_ARRAY (contacts) || json_array_get_length (json_node_get_array (contacts)) == 0)
    {
      problem (loader, "helpline.contacts", _("must list at least one contact"));
      return;
    }

  array = json_node_get_array (contacts);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *where = element_path ("helpline", "contacts", i);
      RcContact *contact;
      JsonObject *object;
      JsonNode *number;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          problem (loader, where, _("must be an object"));
          continue;
        }

      object = json_node_get_object (element);
      check_members (loader, object, where, contact_allowed);

      contact = rc_contact_new ();
      g_ptr_array_add (loader->survey->contacts, contact);

      number = get_member (loader, object, where, "number", TRUE);
      if (number != NULL && (!rc_json_is_string (number) || *json_node_get_string (number) == '\0'))
        {
          g_autofree char *number_path = member_path (where, "number");
          problem (loader, number_path, _("must be the telephone number as text"));
        }
      else if (number != NULL)
        {
          contact->number = g_strdup (json_node_get_string (number));
        }

      read_text (loader, object, where, "label", TRUE, &contact->label);
      read_text (loader, object, where, "description", FALSE, &contact->description);
    }
}

/* Whether @value could be the answer of @question, for equals and one_of. */
static gboolean
is_possible_answer (RcQuestion *question,
                    JsonNode   *value)
{
  if (rc_json_is_string (value) && question->prefer_not_to_answer &&
      g_str_equal (json_node_get_string (value), RC_PREFER_NOT_TO_ANSWER))
    return TRUE;

  switch (question->type)
    {
    case RC_QUESTION_SINGLE_CHOICE:
    case RC_QUESTION_MULTIPLE_CHOICE:
      return rc_json_is_string (value) && rc_question_lookup_option (question, json_node_get_string (value));

    case RC_QUESTION_YES_NO:
      return rc_json_is_string (value) &&
             (g_str_equal (json_node_get_string (value), "yes") ||
              g_str_equal (json_node_get_string (value), "no"));

    case RC_QUESTION_SCALE:
      return rc_json_is_integer (value) &&
             json_node_get_int (value) >= question->min && json_node_get_int (value) <= question->max;

    case RC_QUESTION_NUMBER:
      return rc_json_is_integer (value);

    case RC_QUESTION_SHORT_TEXT:
    case RC_QUESTION_LONG_TEXT:
      return rc_json_is_string (value);

    case RC_QUESTION_NOTE:
    default:
      return FALSE;
    }
}

static RcCondition *read_condition (Loader     *loader,
                                    JsonNode   *node,
                                    const char *path,
                                    RcQuestion *owner);

/* Finds the question a condition refers to; it must come earlier. */
static RcQuestion *
resolve_reference (Loader     *loader,
                   JsonObject *object,
                   const char *path,
                   RcQuestion *owner)
{
  g_autofree char *where = member_path (path, "question");
  JsonNode *node = get_member (loader, object, path, "question", TRUE);
  gpointer position_plus_one;
  const char *id;
  RcQuestion *question;

  if (node == NULL)
    return NULL;

  if (!rc_json_is_string (node))
    {
      problem (loader, where, _("must be the id of an earlier question"));
      return NULL;
    }

  id = json_node_get_string (node);

  if (owner->id != NULL && g_str_equal (id, owner->id))
    {
      problem (loader, where, _("the question “%s” cannot depend on itself"), id);
      return NULL;
    }

  if (!g_hash_table_lookup_extended (loader->positions, id, NULL, &position_plus_one))
    {
      problem (loader, where, _("there is no question “%s” in this survey"), id);
      return NULL;
    }

  if (GPOINTER_TO_UINT (position_plus_one) - 1 > owner->position)
    {
      problem (loader, where,
               _("“%s” comes later; a question can only depend on earlier ones"), id);
      return NULL;
    }

  question = g_hash_table_lookup (loader->survey->by_id, id);
  if (question != NULL && !rc_question_has_answer (question))
    {
      problem (loader, where, _("“%s” is a note and has no answer to depend on"), id);
      return NULL;
    }

  return question;
}

static const char * const compare_operators[] = {
  [RC_COMPARE_LESS] = "<",
  [RC_COMPARE_LESS_OR_EQUAL] = "<=",
  [RC_COMPARE_GREATER] = ">",
  [RC_COMPARE_GREATER_OR_EQUAL] = ">=",
  [RC_COMPARE_EQUAL] = "==",
  [RC_COMPARE_NOT_EQUAL] = "!=",
};

static RcCondition *
read_comparison (Loader     *loader,
                 JsonObject *object,
                 const char *path,
                 RcQuestion *owner)
{
  static const char * const allowed[] = { "question", "compare", "value", NULL };
  g_autoptr(RcCondition) condition = rc_condition_new (RC_CONDITION_COMPARE);
  RcQuestion *question;
  JsonNode *op, *value;
  gboolean ok = TRUE;

  check_members (loader, object, path, allowed);
  question = resolve_reference (loader, object, path, owner);

  op = get_member (loader, object, path, "compare", TRUE);
  value = get_member (loader, object, path, "value", TRUE);

  if (op != NULL)
    {
      guint i;

      for (i = 0; i < G_N_ELEMENTS (compare_operators); i++)
        {
          if (rc_json_is_string (op) && g_str_equal (json_node_get_string (op), compare_operators[i]))
            break;
        }

      if (i == G_N_ELEMENTS (compare_operators))
        {
          g_autofree char *where = member_path (path, "compare");
          problem (loader, where, _("must be one of <, <=, >, >=, == and !="));
          ok = FALSE;
        }
      condition->compare = i;
    }

  if (value != NULL && !rc_json_is_integer (value))
    {
      g_autofree char *where = member_path (path, "value");
      problem (loader, where, _("must be a whole number"));
      ok = FALSE;
    }
  else if (value != NULL)
    {
      condition->number = json_node_get_int (value);
    }

  if (question != NULL && question->type != RC_QUESTION_NUMBER && question->type != RC_QUESTION_SCALE)
    {
      problem (loader, path, _("only number and scale answers can be compared"));
      ok = FALSE;
    }

  if (question == NULL || op == NULL || value == NULL || !ok)
    return NULL;

  condition->question_id = g_strdup (question->id);
  return g_steal_pointer (&condition);
}

static RcCondition *
read_answer_test (Loader          *loader,
                  JsonObject      *object,
                  const char      *path,
                  RcQuestion      *owner,
                  RcConditionKind  kind,
                  const char      *member)
{
  const char *allowed[] = { "question", member, NULL };
  g_autoptr(RcCondition) condition = rc_condition_new (kind);
  g_autofree char *where = member_path (path, member);
  RcQuestion *question;
  JsonNode *node = json_object_get_member (object, member);
  gboolean ok = TRUE;

  check_members (loader, object, path, allowed);
  question = resolve_reference (loader, object, path, owner);

  if (kind == RC_CONDITION_ONE_OF)
    {
      JsonArray *array;

      if (!JSON_NODE_HOLDS_ARRAY (node) || json_array_get_length (json_node_get_array (node)) == 0)
        {
          problem (loader, where, _("must list at least one answer"));
          return NULL;
        }

      array = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (array); i++)
        g_ptr_array_add (condition->values, json_node_copy (json_array_get_element (array, i)));
    }
  else
    {
      g_ptr_array_add (condition->values, json_node_copy (node));
    }

  if (kind == RC_CONDITION_INCLUDES && question != NULL &&
      question->type != RC_QUESTION_MULTIPLE_CHOICE)
    {
      problem (loader, where, _("“includes” applies only to multiple-choice questions"));
      ok = FALSE;
    }
  else if (kind != RC_CONDITION_INCLUDES && question != NULL &&
           question->type == RC_QUESTION_MULTIPLE_CHOICE)
    {
      problem (loader, where,
               _("a multiple-choice answer is a list: test it with “includes”"));
      ok = FALSE;
    }

  for (guint i = 0; question != NULL && ok && i < condition->values->len; i++)
    {
      JsonNode *value = g_ptr_array_index (condition->values, i);

      if (!is_possible_answer (question, value))
        {
          g_autofree char *shown = json_to_string (value, FALSE);
          problem (loader, where, _("%s is not a possible answer to “%s”"), shown, question->id);
          ok = FALSE;
        }
    }

  if (question == NULL || !ok)
    return NULL;

  condition->question_id = g_strdup (question->id);
  return g_steal_pointer (&condition);
}

static RcCondition *
read_combination (Loader          *loader,
                  JsonObject      *object,
                  const char      *path,
                  RcQuestion      *owner,
                  RcConditionKind  kind,
                  const char      *member)
{
  const char *allowed[] = { member, NULL };
  g_autoptr(RcCondition) condition = rc_condition_new (kind);
  g_autofree char *where = member_path (path, member);
  JsonNode *node = json_object_get_member (object, member);
  gboolean ok = TRUE;

  check_members (loader, object, path, allowed);

  if (kind == RC_CONDITION_NOT)
    {
      RcCondition *child = read_condition (loader, node, where, owner);

      if (child == NULL)
        return NULL;

      g_ptr_array_add (condition->children, child);
      return g_steal_pointer (&condition);
    }

  if (!JSON_NODE_HOLDS_ARRAY (node) || json_array_get_length (json_node_get_array (node)) == 0)
    {
      problem (loader, where, _("must list at least one condition"));
      return NULL;
    }

  for (guint i = 0; i < json_array_get_length (json_node_get_array (node)); i++)
    {
      JsonNode *element = json_array_get_element (json_node_get_array (node), i);
      g_autofree char *element_where = element_path (path, member, i);
      RcCondition *child = read_condition (loader, element, element_where, owner);

      if (child == NULL)
        ok = FALSE;
      else
        g_ptr_array_add (condition->children, child);
    }

  return ok ? g_steal_pointer (&condition) : NULL;
}

static RcCondition *
read_condition (Loader     *loader,
                JsonNode   *node,
                const char *path,
                RcQuestion *owner)
{
  JsonObject *object;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      problem (loader, path, _("must be a condition object"));
      return NULL;
    }

  object = json_node_get_object (node);

  if (json_object_has_member (object, "all"))
    return read_combination (loader, object, path, owner, RC_CONDITION_ALL, "all");
  if (json_object_has_member (object, "any"))
    return read_combination (loader, object, path, owner, RC_CONDITION_ANY, "any");
  if (json_object_has_member (object, "not"))
    return read_combination (loader, object, path, owner, RC_CONDITION_NOT, "not");
  if (json_object_has_member (object, "equals"))
    return read_answer_test (loader, object, path, owner, RC_CONDITION_EQUALS, "equals");
  if (json_object_has_member (object, "one_of"))
    return read_answer_test (loader, object, path, owner, RC_CONDITION_ONE_OF, "one_of");
  if (json_object_has_member (object, "includes"))
    return read_answer_test (loader, object, path, owner, RC_CONDITION_INCLUDES, "includes");
  if (json_object_has_member (object, "compare"))
    return read_comparison (loader, object, path, owner);

  problem (loader, path,
           _("a condition needs one of “equals”, “one_of”, “includes”, “compare”, "
             "“all”, “any” and “not”"));
  return NULL;
}

static void
read_options (Loader     *loader,
              JsonObject *object,
              const char *path,
              RcQuestion *question)
{
  static const char * const allowed[] = { "id", "label", "exclusive", NULL };
  JsonNode *node = json_object_get_member (object, "options");
  g_autofree char *where = member_path (path, "options");
  gboolean is_choice = question->type == RC_QUESTION_SINGLE_CHOICE ||
                       question->type == RC_QUESTION_MULTIPLE_CHOICE;
  JsonArray *array;

  if (!is_choice)
    {
      if (node != NULL)
        problem (loader, where, _("only choice questions have options"));
      return;
    }

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node) ||
      json_array_get_length (json_node_get_array (node)) == 0)
    {
      problem (loader, where, _("the list of choices is empty"));
      return;
    }

  array = json_node_get_array (node);
  if (json_array_get_length (array) < 2)
    problem (loader, where, _("a choice question needs at least two choices"));
  if (json_array_get_length (array) > RC_SURVEY_MAX_OPTIONS)
    {
      problem (loader, where, _("has more than %d choices"), RC_SURVEY_MAX_OPTIONS);
      return;
    }

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *option_path = element_path (path, "options", i);
      g_autofree char *id = NULL;
      RcOption *option;
      JsonObject *option_object;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          problem (loader, option_path, _("must be an object"));
          continue;
        }

      option_object = json_node_get_object (element);
      check_members (loader, option_object, option_path, allowed);
      id = read_id (loader, option_object, option_path);

      if (id != NULL && g_str_equal (id, RC_PREFER_NOT_TO_ANSWER))
        {
          g_autofree char *id_path = member_path (option_path, "id");
          problem (loader, id_path,
                   _("“%s” is reserved: set “prefer_not_to_answer” on the question instead"), id);
          continue;
        }

      if (id != NULL && rc_question_lookup_option (question, id) != NULL)
        {
          g_autofree char *id_path = member_path (option_path, "id");
          problem (loader, id_path, _("the choice id “%s” is used twice"), id);
          continue;
        }

      option = rc_option_new ();
      option->id = g_steal_pointer (&id);
      read_text (loader, option_object, option_path, "label", TRUE, &option->label);
      option->exclusive = read_bool (loader, option_object, option_path, "exclusive");

      if (option->exclusive && question->type != RC_QUESTION_MULTIPLE_CHOICE)
        {
          g_autofree char *exclusive_path = member_path (option_path, "exclusive");
          problem (loader, exclusive_path, _("only multiple-choice questions have exclusive choices"));
        }

      if (option->id != NULL)
        g_ptr_array_add (question->options, option);
      else
        rc_option_free (option);
    }
}

/* Checks the limits a question sets on its answer, and that an answer can
 * meet them. */
static void
read_limits (Loader     *loader,
             JsonObject *object,
             const char *path,
             RcQuestion *question)
{
  gint64 min_choices = 0, max_choices = 0, max_length = 0;
  gboolean has_min_choices, has_max_choices, has_max_length;
  gboolean limited;

  question->has_min = read_int (loader, object, path, "min", &question->min);
  question->has_max = read_int (loader, object, path, "max", &question->max);
  has_min_choices = read_int (loader, object, path, "min_choices", &min_choices);
  has_max_choices = read_int (loader, object, path, "max_choices", &max_choices);
  has_max_length = read_int (loader, object, path, "max_length", &max_length);

  read_text (loader, object, path, "min_label", FALSE, &question->min_label);
  read_text (loader, object, path, "max_label", FALSE, &question->max_label);

  if ((question->has_min || question->has_max) &&
      question->type != RC_QUESTION_NUMBER && question->type != RC_QUESTION_SCALE)
    problem (loader, path, _("only number and scale questions have “min” and “max”"));

  if ((question->min_label.en || question->min_label.kk || question->min_label.ru ||
       question->max_label.en || question->max_label.kk || question->max_label.ru) &&
      question->type != RC_QUESTION_SCALE)
    problem (loader, path, _("only scale questions have “min_label” and “max_label”"));

  if ((has_min_choices || has_max_choices) && question->type != RC_QUESTION_MULTIPLE_CHOICE)
    problem (loader, path, _("only multiple-choice questions have “min_choices” and “max_choices”"));

  if (has_max_length && question->type != RC_QUESTION_SHORT_TEXT &&
      question->type != RC_QUESTION_LONG_TEXT)
    problem (loader, path, _("only text questions have “max_length”"));

  if (question->type == RC_QUESTION_SCALE)
    {
      if (!question->has_min || !question->has_max)
        problem (loader, path, _("a scale needs “min” and “max”"));
      else if (question->min >= question->max)
        problem (loader, path, _("the scale is empty: “min” must be smaller than “max”"));
      else if (question->max - question->min + 1 > MAX_SCALE_POINTS)
        problem (loader, path, _("a scale has at most %d points"), MAX_SCALE_POINTS);
    }

  if (question->type == RC_QUESTION_NUMBER && question->has_min && question->has_max &&
      question->min > question->max)
    problem (loader, path, _("no number can be both at least %" PRId64
                             " and at most %" PRId64), question->min, question->max);

  if (question->type == RC_QUESTION_MULTIPLE_CHOICE)
    {
      guint n_options = question->options->len;

      if (has_min_choices && min_choices < 0)
        problem (loader, path, _("“min_choices” cannot be negative"));
      if (has_max_choices && max_choices < 1)
        problem (loader, path, _("“max_choices” must be at least 1"));
      if (has_min_choices && has_max_choices && min_choices > max_choices)
        problem (loader, path, _("no answer can have at least %" PRId64
                                 " and at most %" PRId64 " choices"),
                 min_choices, max_choices);
      if (has_min_choices && n_options > 0 && min_choices > (gint64)n_options)
        problem (loader, path, _("“min_choices” asks for more choices than there are"));

      question->min_choices = (int)CLAMP (min_choices, 0, G_MAXINT);
      question->max_choices = (int)CLAMP (max_choices, 0, G_MAXINT);
    }

  if (question->type == RC_QUESTION_SHORT_TEXT || question->type == RC_QUESTION_LONG_TEXT)
    {
      if (has_max_length && max_length < 1)
        problem (loader, path, _("“max_length” must be at least 1"));

      if (!has_max_length)
        max_length = question->type == RC_QUESTION_SHORT_TEXT ? SHORT_TEXT_MAX_LENGTH
                                                              : LONG_TEXT_MAX_LENGTH;
      question->max_length = (int)CLAMP (max_length, 0, G_MAXINT);
    }

  limited = has_min_choices || has_max_choices || has_max_length ||
            (question->type == RC_QUESTION_NUMBER && (question->has_min || question->has_max));

  read_text (loader, object, path, "constraint_message", FALSE, &question->constraint_message);
  if (limited && question->constraint_message.en == NULL &&
      question->constraint_message.kk == NULL && question->constraint_message.ru == NULL)
    problem (loader, path, _("a question with a limit needs a “constraint_message”"));
}

static RcQuestionType
read_type (Loader     *loader,
           JsonObject *object,
           const char *path,
           gboolean   *ok)
{
  JsonNode *node = get_member (loader, object, path, "type", TRUE);
  g_autofree char *where = member_path (path, "type");

  *ok = FALSE;
  if (node == NULL)
    return RC_QUESTION_NOTE;

  for (guint i = RC_QUESTION_SINGLE_CHOICE; i <= RC_QUESTION_NOTE; i++)
    {
      if (rc_json_is_string (node) && g_str_equal (json_node_get_string (node), rc_question_type_to_string (i)))
        {
          *ok = TRUE;
          return i;
        }
    }

  if (rc_json_is_string (node))
    problem (loader, where, _("unknown question type “%s”"), json_node_get_string (node));
  else
    problem (loader, where, _("must be a question type"));

  return RC_QUESTION_NOTE;
}

static RcQuestion *
read_question (Loader     *loader,
               JsonNode   *node,
               const char *path,
               guint       position)
{
  static const char * const allowed[] = {
    "id", "type", "label", "hint", "required", "prefer_not_to_answer", "options", "min", "max",
    "min_label", "max_label", "min_choices", "max_choices", "max_length", "constraint_message",
    "show_if", NULL
  };
  g_autoptr(GPtrArray) holder = g_ptr_array_new_with_free_func ((GDestroyNotify)rc_question_free);
  RcQuestion *question;
  JsonObject *object;
  JsonNode *show_if;
  gboolean type_ok;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      problem (loader, path, _("must be an object"));
      return NULL;
    }

  object = json_node_get_object (node);
  question = rc_question_new ();
  g_ptr_array_add (holder, question);
  question->position = position;

  check_members (loader, object, path, allowed);
  question->id = read_id (loader, object, path);
  question->type = read_type (loader, object, path, &type_ok);
  read_text (loader, object, path, "label", TRUE, &question->label);
  read_text (loader, object, path, "hint", FALSE, &question->hint);
  question->required = read_bool (loader, object, path, "required");
  question->prefer_not_to_answer = read_bool (loader, object, path, "prefer_not_to_answer");

  if (type_ok)
    {
      read_options (loader, object, path, question);
      read_limits (loader, object, path, question);

      if (question->type == RC_QUESTION_NOTE && question->required)
        problem (loader, path, _("a note has no answer, so it cannot be required"));

      if (question->prefer_not_to_answer &&
          question->type != RC_QUESTION_SINGLE_CHOICE &&
          question->type != RC_QUESTION_MULTIPLE_CHOICE &&
          question->type != RC_QUESTION_SCALE &&
          question->type != RC_QUESTION_YES_NO)
        problem (loader, path,
                 _("only choice, scale and yes/no questions offer “prefer_not_to_answer”"));
    }

  show_if = json_object_get_member (object, "show_if");
  if (show_if != NULL)
    {
      g_autofree char *where = member_path (path, "show_if");
      question->show_if = read_condition (loader, show_if, where, question);
    }

  if (question->id == NULL || !type_ok)
    return NULL;

  return g_ptr_array_steal_index (holder, 0);
}

/* A first pass gives every question its position, so a condition can tell
 * a later question from one that does not exist; returns how many there
 * are. */
static guint
collect_positions (Loader    *loader,
                   JsonArray *sections)
{
  guint position = 0;

  for (guint i = 0; i < json_array_get_length (sections); i++)
    {
      JsonNode *section = json_array_get_element (sections, i);
      JsonNode *questions;

      if (!JSON_NODE_HOLDS_OBJECT (section))
        continue;

      questions = json_object_get_member (json_node_get_object (section), "questions");
      if (questions == NULL || !JSON_NODE_HOLDS_ARRAY (questions))
        continue;

      for (guint j = 0; j < json_array_get_length (json_node_get_array (questions)); j++)
        {
          JsonNode *question = json_array_get_element (json_node_get_array (questions), j);
          JsonNode *id;

          position++;
          if (!JSON_NODE_HOLDS_OBJECT (question))
            continue;

          id = json_object_get_member (json_node_get_object (question), "id");
          if (id != NULL && rc_json_is_string (id) &&
              !g_hash_table_contains (loader->positions, json_node_get_string (id)))
            g_hash_table_insert (loader->positions, (gpointer)json_node_get_string (id),
                                 GUINT_TO_POINTER (position));
        }
    }

  return position;
}

static void
read_sections (Loader     *loader,
               JsonObject *root)
{
  static const char * const allowed[] = { "id", "title", "questions", NULL };
  JsonNode *node = get_member (loader, root, "", "sections", TRUE);
  g_autoptr(GHashTable) section_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) question_paths = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  JsonArray *sections;
  guint position = 0;

  if (node == NULL)
    return;

  if (!JSON_NODE_HOLDS_ARRAY (node) || json_array_get_length (json_node_get_array (node)) == 0)
    {
      problem (loader, "sections", _("must list at least one section"));
      return;
    }

  sections = json_node_get_array (node);
  if (collect_positions (loader, sections) > RC_SURVEY_MAX_QUESTIONS)
    {
      problem (loader, "sections", _("has more than %d questions"), RC_SURVEY_MAX_QUESTIONS);
      return;
    }

  for (guint i = 0; i < json_array_get_length (sections); i++)
    {
      JsonNode *element = json_array_get_element (sections, i);
      g_autofree char *path = element_path ("", "sections", i);
      RcSection *section;
      JsonObject *object;
      JsonNode *questions;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          problem (loader, path, _("must be an object"));
          continue;
        }

      object = json_node_get_object (element);
      check_members (loader, object, path, allowed);

      section = rc_section_new ();
      g_ptr_array_add (loader->survey->sections, section);
      section->id = read_id (loader, object, path);
      read_text (loader, object, path, "title", TRUE, &section->title);

      if (section->id != NULL && !g_hash_table_add (section_ids, section->id))
        {
          g_autofree char *id_path = member_path (path, "id");
          problem (loader, id_path, _("the section id “%s” is used twice"), section->id);
        }

      questions = get_member (loader, object, path, "questions", TRUE);
      if (questions == NULL)
        continue;

      if (!JSON_NODE_HOLDS_ARRAY (questions) || json_array_get_length (json_node_get_array (questions)) == 0)
        {
          g_autofree char *questions_path = member_path (path, "questions");
          problem (loader, questions_path, _("must list at least one question"));
          continue;
        }

      for (guint j = 0; j < json_array_get_length (json_node_get_array (questions)); j++)
        {
          JsonNode *question_node = json_array_get_element (json_node_get_array (questions), j);
          g_autofree char *question_path = element_path (path, "questions", j);
          RcQuestion *question = read_question (loader, question_node, question_path, position++);
          const char *first_path;

          if (question == NULL)
            continue;

          first_path = g_hash_table_lookup (question_paths, question->id);
          if (first_path != NULL)
            {
              g_autofree char *id_path = member_path (question_path, "id");
              problem (loader, id_path, _("the question id “%s” is already used at %s"),
                       question->id, first_path);
              rc_question_free (question);
              continue;
            }

          g_hash_table_insert (question_paths, question->id, g_strdup (question_path));
          g_ptr_array_add (loader->survey->questions, question);
          g_ptr_array_add (section->questions, question);
          g_hash_table_insert (loader->survey->by_id, question->id, question);
        }
    }
}

/* Fills @self from @root, adding a line to @problems for everything wrong.
 * Returns whether there was nothing wrong. */
gboolean
rc_survey_load (RcSurvey  *self,
                JsonNode  *root,
                GPtrArray *problems)
{
  static const char * const allowed[] = {
    "format", "id", "version", "languages", "title", "intro", "consent", "thanks", "helpline",
    "sections", NULL
  };
  g_autoptr(GHashTable) positions = g_hash_table_new (g_str_hash, g_str_equal);
  Loader loader = { self, problems, positions };
  JsonObject *object;
  gint64 format = 0;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      problem (&loader, "", _("a survey definition is a JSON object"));
      return FALSE;
    }

  object = json_node_get_object (root);
  check_members (&loader, object, "", allowed);

  if (get_member (&loader, object, "", "format", TRUE) &&
      read_int (&loader, object, "", "format", &format) &&
      format != FORMAT_VERSION)
    problem (&loader, "format", _("this version of the app reads format %d, not %" PRId64),
             FORMAT_VERSION, format);

  self->id = read_id (&loader, object, "");

  if (get_member (&loader, object, "", "version", TRUE) &&
      read_int (&loader, object, "", "version", &self->version) &&
      self->version < 1)
    problem (&loader, "version", _("must be 1 or more"));

  /* First: every text is checked against the languages offered. */
  read_languages (&loader, object);
  read_text (&loader, object, "", "title", TRUE, &self->title);
  read_text (&loader, object, "", "intro", TRUE, &self->intro);
  read_text (&loader, object, "", "consent", TRUE, &self->consent);
  read_text (&loader, object, "", "thanks", TRUE, &self->thanks);
  read_helpline (&loader, object);
  read_sections (&loader, object);

  return problems->len == 0;
}
