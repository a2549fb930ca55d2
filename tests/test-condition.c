/* test-condition.c: every show-if operator
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rc-condition.h"

static JsonNode *
lookup (const char *question_id,
        gpointer    user_data)
{
  return json_object_get_member (json_node_get_object (user_data), question_id);
}

static gboolean
holds (RcCondition *condition,
       const char  *answers_json)
{
  g_autoptr(JsonNode) answers = json_from_string (answers_json, NULL);

  g_assert_nonnull (answers);
  return rc_condition_evaluate (condition, lookup, answers);
}

static RcCondition *
on (RcConditionKind  kind,
    const char      *question_id,
    const char      *values_json)
{
  RcCondition *condition = rc_condition_new (kind);
  g_autoptr(JsonNode) values = json_from_string (values_json, NULL);

  condition->question_id = g_strdup (question_id);
  for (guint i = 0; i < json_array_get_length (json_node_get_array (values)); i++)
    g_ptr_array_add (condition->values, json_node_copy (json_array_get_element (json_node_get_array (values), i)));

  return condition;
}

static RcCondition *
compare (const char        *question_id,
         RcCompareOperator  op,
         gint64             number)
{
  RcCondition *condition = rc_condition_new (RC_CONDITION_COMPARE);

  condition->question_id = g_strdup (question_id);
  condition->compare = op;
  condition->number = number;
  return condition;
}

static void
test_condition_equals (void)
{
  g_autoptr(RcCondition) is_a = on (RC_CONDITION_EQUALS, "q", "[\"a\"]");
  g_autoptr(RcCondition) is_3 = on (RC_CONDITION_EQUALS, "n", "[3]");

  g_assert_true (holds (is_a, "{\"q\": \"a\"}"));
  g_assert_false (holds (is_a, "{\"q\": \"b\"}"));
  g_assert_false (holds (is_a, "{}"));
  g_assert_true (holds (is_3, "{\"n\": 3}"));
  /* A text that looks like the number is not the number. */
  g_assert_false (holds (is_3, "{\"n\": \"3\"}"));
}

static void
test_condition_one_of (void)
{
  g_autoptr(RcCondition) b_or_c = on (RC_CONDITION_ONE_OF, "q", "[\"b\", \"c\"]");

  g_assert_true (holds (b_or_c, "{\"q\": \"b\"}"));
  g_assert_true (holds (b_or_c, "{\"q\": \"c\"}"));
  g_assert_false (holds (b_or_c, "{\"q\": \"a\"}"));
  g_assert_false (holds (b_or_c, "{}"));
}

static void
test_condition_includes (void)
{
  g_autoptr(RcCondition) has_x = on (RC_CONDITION_INCLUDES, "m", "[\"x\"]");

  g_assert_true (holds (has_x, "{\"m\": [\"y\", \"x\"]}"));
  g_assert_false (holds (has_x, "{\"m\": [\"y\"]}"));
  g_assert_false (holds (has_x, "{\"m\": \"x\"}"));
  g_assert_false (holds (has_x, "{}"));
}

static void
test_condition_compare (void)
{
  static const struct {
    RcCompareOperator op;
    gboolean at_4, at_5, at_6;
  } cases[] = {
    { RC_COMPARE_LESS, TRUE, FALSE, FALSE },
    { RC_COMPARE_LESS_OR_EQUAL, TRUE, TRUE, FALSE },
    { RC_COMPARE_GREATER, FALSE, FALSE, TRUE },
    { RC_COMPARE_GREATER_OR_EQUAL, FALSE, TRUE, TRUE },
    { RC_COMPARE_EQUAL, FALSE, TRUE, FALSE },
    { RC_COMPARE_NOT_EQUAL, TRUE, FALSE, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(RcCondition) condition = compare ("n", cases[i].op, 5);

      g_assert_cmpint (holds (condition, "{\"n\": 4}"), ==, cases[i].at_4);
      g_assert_cmpint (holds (condition, "{\"n\": 5}"), ==, cases[i].at_5);
      g_assert_cmpint (holds (condition, "{\"n\": 6}"), ==, cases[i].at_6);
      /* Unanswered, or declined, is never compared. */
      g_assert_false (holds (condition, "{}"));
      g_assert_false (holds (condition, "{\"n\": \"prefer_not_to_answer\"}"));
    }
}

static void
test_condition_combinations (void)
{
  g_autoptr(RcCondition) all = rc_condition_new (RC_CONDITION_ALL);
  g_autoptr(RcCondition) any = rc_condition_new (RC_CONDITION_ANY);
  g_autoptr(RcCondition) not = rc_condition_new (RC_CONDITION_NOT);

  g_ptr_array_add (all->children, on (RC_CONDITION_EQUALS, "q", "[\"yes\"]"));
  g_ptr_array_add (all->children, compare ("n", RC_COMPARE_GREATER, 3));
  g_assert_true (holds (all, "{\"q\": \"yes\", \"n\": 4}"));
  g_assert_false (holds (all, "{\"q\": \"yes\", \"n\": 3}"));
  g_assert_false (holds (all, "{\"q\": \"no\", \"n\": 4}"));

  g_ptr_array_add (any->children, on (RC_CONDITION_EQUALS, "q", "[\"no\"]"));
  g_ptr_array_add (any->children, compare ("n", RC_COMPARE_EQUAL, 1));
  g_assert_true (holds (any, "{\"q\": \"no\"}"));
  g_assert_true (holds (any, "{\"n\": 1}"));
  g_assert_false (holds (any, "{\"q\": \"yes\", \"n\": 2}"));

  g_ptr_array_add (not->children, on (RC_CONDITION_EQUALS, "q", "[\"yes\"]"));
  g_assert_false (holds (not, "{\"q\": \"yes\"}"));
  g_assert_true (holds (not, "{\"q\": \"no\"}"));
  g_assert_true (holds (not, "{}"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/condition/equals", test_condition_equals);
  g_test_add_func ("/condition/one-of", test_condition_one_of);
  g_test_add_func ("/condition/includes", test_condition_includes);
  g_test_add_func ("/condition/compare", test_condition_compare);
  g_test_add_func ("/condition/combinations", test_condition_combinations);

  return g_test_run ();
}
