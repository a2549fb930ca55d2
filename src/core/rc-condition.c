/* rc-condition.c
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "rc-condition.h"
#include "rc-json.h"

RcCondition *
rc_condition_new (RcConditionKind kind)
{
  RcCondition *self = g_new0 (RcCondition, 1);

  self->kind = kind;
  self->values = g_ptr_array_new_with_free_func ((GDestroyNotify)json_node_unref);
  self->children = g_ptr_array_new_with_free_func ((GDestroyNotify)rc_condition_free);

  return self;
}

void
rc_condition_free (RcCondition *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->question_id, g_free);
  g_clear_pointer (&self->values, g_ptr_array_unref);
  g_clear_pointer (&self->children, g_ptr_array_unref);
  g_free (self);
}

/* Strings equal strings and whole numbers equal whole numbers; nothing else
 * is ever equal, so "3" never matches 3. */
static gboolean
scalar_equal (JsonNode *a,
              JsonNode *b)
{
  if (rc_json_is_string (a) && rc_json_is_string (b))
    return g_strcmp0 (json_node_get_string (a), json_node_get_string (b)) == 0;

  if (rc_json_is_integer (a) && rc_json_is_integer (b))
    return json_node_get_int (a) == json_node_get_int (b);

  return FALSE;
}

static gboolean
compare_number (RcCondition *self,
                JsonNode    *answer)
{
  gint64 value;

  if (!rc_json_is_integer (answer))
    return FALSE;

  value = json_node_get_int (answer);

  switch (self->compare)
    {
    case RC_COMPARE_LESS:
      return value < self->number;
    case RC_COMPARE_LESS_OR_EQUAL:
      return value <= self->number;
    case RC_COMPARE_GREATER:
      return value > self->number;
    case RC_COMPARE_GREATER_OR_EQUAL:
      return value >= self->number;
    case RC_COMPARE_EQUAL:
      return value == self->number;
    case RC_COMPARE_NOT_EQUAL:
      return value != self->number;
    default:
      g_assert_not_reached ();
    }
}

static gboolean
array_includes (JsonNode *answer,
                JsonNode *value)
{
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (answer))
    return FALSE;

  array = json_node_get_array (answer);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      if (scalar_equal (json_array_get_element (array, i), value))
        return TRUE;
    }

  return FALSE;
}

/**
 * rc_condition_evaluate:
 * @self: a condition
 * @lookup: gives the answer to a question, or %NULL when unanswered
 * @user_data: for @lookup
 *
 * A condition on an unanswered question does not hold (and its "not" does).
 *
 * Returns: whether the condition holds for the answers @lookup gives
 */
gboolean
rc_condition_evaluate (RcCondition    *self,
                       RcAnswerLookup  lookup,
                       gpointer        user_data)
{
  JsonNode *answer = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (lookup != NULL, FALSE);

  if (self->question_id != NULL)
    {
      answer = lookup (self->question_id, user_data);
      if (answer == NULL)
        return FALSE;
    }

  switch (self->kind)
    {
    case RC_CONDITION_EQUALS:
      return scalar_equal (answer, g_ptr_array_index (self->values, 0));

    case RC_CONDITION_ONE_OF:
      for (guint i = 0; i < self->values->len; i++)
        {
          if (scalar_equal (answer, g_ptr_array_index (self->values, i)))
            return TRUE;
        }
      return FALSE;

    case RC_CONDITION_INCLUDES:
      return array_includes (answer, g_ptr_array_index (self->values, 0));

    case RC_CONDITION_COMPARE:
      return compare_number (self, answer);

    case RC_CONDITION_ALL:
      for (guint i = 0; i < self->children->len; i++)
        {
          if (!rc_condition_evaluate (g_ptr_array_index (self->children, i), lookup, user_data))
            return FALSE;
        }
      return TRUE;

    case RC_CONDITION_ANY:
      for (guint i = 0; i < self->children->len; i++)
        {
          if (rc_condition_evaluate (g_ptr_array_index (self->children, i), lookup, user_data))
            return TRUE;
        }
      return FALSE;

    case RC_CONDITION_NOT:
      return !rc_condition_evaluate (g_ptr_array_index (self->children, 0), lookup, user_data);

    default:
      g_assert_not_reached ();
    }
}

/* Calls @func with each question id the condition refers to. */
void
rc_condition_foreach_question (RcCondition *self,
                               GFunc        func,
                               gpointer     user_data)
{
  g_return_if_fail (self != NULL);

  if (self->question_id != NULL)
    func (self->question_id, user_data);

  for (guint i = 0; i < self->children->len; i++)
    rc_condition_foreach_question (g_ptr_array_index (self->children, i), func, user_data);
}
