/* test-response.c: one respondent's answers, checked as she goes
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rc-response.h"
#include "rc-test-utils.h"

static void
set_json (RcResponse *response,
          const char *question_id,
          const char *json)
{
  g_autoptr(JsonNode) value = json_from_string (json, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (rc_response_set_answer (response, question_id, value, &error));
  g_assert_no_error (error);
}

static void
assert_rejected (RcResponse *response,
                 const char *question_id,
                 const char *json,
                 int         code)
{
  g_autoptr(JsonNode) value = json_from_string (json, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) before = NULL;

  if (rc_response_get_answer (response, question_id))
    before = json_node_copy (rc_response_get_answer (response, question_id));

  g_assert_false (rc_response_set_answer (response, question_id, value, &error));
  g_assert_error (error, RC_RESPONSE_ERROR, code);

  /* A refused answer leaves the one she had. */
  if (before)
    g_assert_true (json_node_equal (before, rc_response_get_answer (response, question_id)));
  else
    g_assert_null (rc_response_get_answer (response, question_id));
}

static void
assert_check_fails (RcResponse *response,
                    const char *question_id,
                    int         code,
                    const char *message)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (rc_response_check_question (response, question_id, &error));
  g_assert_error (error, RC_RESPONSE_ERROR, code);
  if (message)
    g_assert_cmpstr (error->message, ==, message);
}

static void
test_response_answer_shapes (void)
{
  g_autoptr(RcSurvey) survey = rc_test_load_all_types ();
  g_autoptr(RcResponse) response = rc_response_new (survey, "kk");

  set_json (response, "q_single", "\"b\"");
  assert_rejected (response, "q_single", "\"d\"", RC_RESPONSE_ERROR_WRONG_TYPE);
  assert_rejected (response, "q_single", "2", RC_RESPONSE_ERROR_WRONG_TYPE);
  set_json (response, "q_single", "\"prefer_not_to_answer\"");

  set_json (response, "q_multi", "[\"x\", \"y\"]");
  assert_rejected (response, "q_multi", "\"x\"", RC_RESPONSE_ERROR_WRONG_TYPE);
  assert_rejected (response, "q_multi", "[\"x\", \"x\"]", RC_RESPONSE_ERROR_WRONG_TYPE);
  assert_rejected (response, "q_multi", "[\"w\"]", RC_RESPONSE_ERROR_WRONG_TYPE);
  /* Offered only where the definition says so. */
  assert_rejected (response, "q_multi", "[\"prefer_not_to_answer\"]", RC_RESPONSE_ERROR_WRONG_TYPE);

  set_json (response, "q_scale", "5");
  assert_rejected (response, "q_scale", "6", RC_RESPONSE_ERROR_WRONG_TYPE);
  assert_rejected (response, "q_scale", "0", RC_RESPONSE_ERROR_WRONG_TYPE);
  set_json (response, "q_scale", "\"prefer_not_to_answer\"");

  set_json (response, "q_yesno", "\"no\"");
  assert_rejected (response, "q_yesno", "true", RC_RESPONSE_ERROR_WRONG_TYPE);
  assert_rejected (response, "q_yesno", "\"prefer_not_to_answer\"", RC_RESPONSE_ERROR_WRONG_TYPE);

  set_json (response, "q_number", "7");
  assert_rejected (response, "q_number", "7.5", RC_RESPONSE_ERROR_WRONG_TYPE);
  assert_rejected (response, "q_number", "\"7\"", RC_RESPONSE_ERROR_WRONG_TYPE);

  set_json (response, "q_short", "\"Сәлем\"");
  assert_rejected (response, "q_short", "12", RC_RESPONSE_ERROR_WRONG_TYPE);

  assert_rejected (response, "q_note", "\"anything\"", RC_RESPONSE_ERROR_WRONG_TYPE);
  assert_rejected (response, "q_nothing", "\"a\"", RC_RESPONSE_ERROR_UNKNOWN_QUESTION);

  /* An empty answer is no answer. */
  set_json (response, "q_short", "\"\"");
  g_assert_null (rc_response_get_answer (response, "q_short"));
  set_json (response, "q_multi", "[]");
  g_assert_null (rc_response_get_answer (response, "q_multi"));
}

static void
test_response_constraints (void)
{
  g_autoptr(RcSurvey) survey = rc_test_load_all_types ();
  g_autoptr(RcResponse) kk = rc_response_new (survey, "kk");
  g_autoptr(RcResponse) ru = rc_response_new (survey, "ru");

  /* The definition's message, in her language. */
  set_json (ru, "q_number", "11");
  assert_check_fails (ru, "q_number", RC_RESPONSE_ERROR_CONSTRAINT, "От 0 до 10");
  set_json (ru, "q_number", "-1");
  assert_check_fails (ru, "q_number", RC_RESPONSE_ERROR_CONSTRAINT, "От 0 до 10");
  set_json (ru, "q_number", "10");
  g_assert_true (rc_response_check_question (ru, "q_number", NULL));

  /* Length counts letters, not bytes: five Kazakh letters fit. */
  set_json (kk, "q_short", "\"Әңғүө\"");
  g_assert_true (rc_response_check_question (kk, "q_short", NULL));
  set_json (kk, "q_short", "\"Әңғүөі\"");
  assert_check_fails (kk, "q_short", RC_RESPONSE_ERROR_CONSTRAINT, "Ең көбі 5 әріп");
  set_json (kk, "q_long", "\"twenty-one characters\"");
  assert_check_fails (kk, "q_long", RC_RESPONSE_ERROR_CONSTRAINT, "Ең көбі 20 әріп");

  set_json (kk, "q_multi", "[\"x\", \"y\", \"z\"]");
  assert_check_fails (kk, "q_multi", RC_RESPONSE_ERROR_CONSTRAINT, "Бір немесе екеуін таңдаңыз");
  set_json (kk, "q_multi", "[\"x\", \"none\"]");
  assert_check_fails (kk, "q_multi", RC_RESPONSE_ERROR_EXCLUSIVE, NULL);
  set_json (kk, "q_multi", "[\"none\"]");
  g_assert_true (rc_response_check_question (kk, "q_multi", NULL));

  /* Declining is always acceptable where it is offered. */
  set_json (kk, "q_scale", "\"prefer_not_to_answer\"");
  g_assert_true (rc_response_check_question (kk, "q_scale", NULL));
}

static void
test_response_required (void)
{
  g_autoptr(RcSurvey) survey = rc_test_load_all_types ();
  g_autoptr(RcResponse) response = rc_response_new (survey, "ru");
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  assert_check_fails (response, "q_single", RC_RESPONSE_ERROR_MISSING, NULL);
  /* Optional questions may stay empty, notes never need anything. */
  g_assert_true (rc_response_check_question (response, "q_scale", NULL));
  g_assert_true (rc_response_check_question (response, "q_note", NULL));

  problems = rc_response_list_problems (response);
  g_assert_cmpuint (problems->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (problems, 0), ==, "q_single");
  g_assert_cmpstr (g_ptr_array_index (problems, 1), ==, "q_yesno");

  g_assert_false (rc_response_validate (response, &error));
  g_assert_error (error, RC_RESPONSE_ERROR, RC_RESPONSE_ERROR_INCOMPLETE);
  g_assert_nonnull (strstr (error->message, "\nq_single: "));
  g_assert_nonnull (strstr (error->message, "\nq_yesno: "));
  g_clear_error (&error);

  set_json (response, "q_single", "\"c\"");
  set_json (response, "q_yesno", "\"yes\"");
  g_assert_true (rc_response_validate (response, &error));
  g_assert_no_error (error);
}

static void
test_response_visibility_drops_answers (void)
{
  g_autoptr(RcSurvey) survey = rc_test_load_all_types ();
  g_autoptr(RcResponse) response = rc_response_new (survey, "kk");
  g_autoptr(JsonNode) answers = NULL;
  g_autofree char *answers_text = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (rc_response_is_visible (response, "c_equals"));
  g_assert_false (rc_response_is_visible (response, "c_chain"));
  g_assert_true (rc_response_is_visible (response, "c_not"));

  /* A follow-up cannot be answered before it is shown. */
  assert_rejected (response, "c_equals", "\"yes\"", RC_RESPONSE_ERROR_UNKNOWN_QUESTION);

  set_json (response, "q_single", "\"a\"");
  set_json (response, "q_yesno", "\"no\"");
  g_assert_true (rc_response_is_visible (response, "c_equals"));
  g_assert_false (rc_response_is_visible (response, "c_one_of"));

  set_json (response, "c_equals", "\"yes\"");
  g_assert_true (rc_response_is_visible (response, "c_chain"));
  /* The follow-up of a follow-up is required once shown. */
  g_assert_false (rc_response_validate (response, &error));
  g_assert_nonnull (strstr (error->message, "c_chain"));
  g_clear_error (&error);
  set_json (response, "c_chain", "\"ok\"");
  set_json (response, "c_not", "\"yes\"");
  g_assert_true (rc_response_validate (response, NULL));
  g_assert_cmpuint (rc_response_get_n_answers (response), ==, 5);

  /* She goes back and changes her first answer: what it hid is forgotten,
   * down the chain. */
  set_json (response, "q_single", "\"b\"");
  g_assert_false (rc_response_is_visible (response, "c_equals"));
  g_assert_null (rc_response_get_answer (response, "c_equals"));
  g_assert_null (rc_response_get_answer (response, "c_chain"));
  g_assert_true (rc_response_is_visible (response, "c_one_of"));
  g_assert_cmpuint (rc_response_get_n_answers (response), ==, 3);

  /* ...and likewise when she changes yes_no so that c_not is hidden. */
  set_json (response, "q_yesno", "\"yes\"");
  g_assert_null (rc_response_get_answer (response, "c_not"));
  g_assert_cmpuint (rc_response_get_n_answers (response), ==, 2);

  answers = rc_response_dup_answers (response);
  answers_text = json_to_string (answers, FALSE);
  g_assert_cmpstr (answers_text, ==, "{\"q_single\":\"b\",\"q_yesno\":\"yes\"}");
}

static void
test_response_condition_operators_in_survey (void)
{
  g_autoptr(RcSurvey) survey = rc_test_load_all_types ();
  g_autoptr(RcResponse) response = rc_response_new (survey, "ru");

  set_json (response, "q_multi", "[\"y\"]");
  g_assert_false (rc_response_is_visible (response, "c_includes"));
  set_json (response, "q_multi", "[\"y\", \"x\"]");
  g_assert_true (rc_response_is_visible (response, "c_includes"));

  set_json (response, "q_number", "4");
  g_assert_false (rc_response_is_visible (response, "c_compare"));
  set_json (response, "q_number", "5");
  g_assert_true (rc_response_is_visible (response, "c_compare"));

  set_json (response, "q_yesno", "\"yes\"");
  set_json (response, "q_scale", "3");
  g_assert_false (rc_response_is_visible (response, "c_all"));
  g_assert_false (rc_response_is_visible (response, "c_any"));
  set_json (response, "q_scale", "4");
  g_assert_true (rc_response_is_visible (response, "c_all"));
  set_json (response, "q_scale", "1");
  g_assert_true (rc_response_is_visible (response, "c_any"));
}

static void
test_response_elapsed_minutes (void)
{
  g_autoptr(RcSurvey) survey = rc_test_load_all_types ();
  g_autoptr(RcResponse) response = rc_response_new (survey, "kk");

  g_assert_cmpuint (rc_response_get_elapsed_minutes (response), ==, 0);
  rc_response_set_started_at (response, g_get_monotonic_time () - 7 * 60 * G_USEC_PER_SEC - 40 * G_USEC_PER_SEC);
  g_assert_cmpuint (rc_response_get_elapsed_minutes (response), ==, 8);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/response/answer-shapes", test_response_answer_shapes);
  g_test_add_func ("/response/constraints", test_response_constraints);
  g_test_add_func ("/response/required", test_response_required);
  g_test_add_func ("/response/visibility-drops-answers", test_response_visibility_drops_answers);
  g_test_add_func ("/response/condition-operators", test_response_condition_operators_in_survey);
  g_test_add_func ("/response/elapsed-minutes", test_response_elapsed_minutes);

  return g_test_run ();
}
