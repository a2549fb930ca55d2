/* test-survey.c: survey definitions, the bundled one and broken ones
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rc-active-survey.h"
#include "rc-survey.h"
#include "rc-test-utils.h"

static void
test_survey_all_types (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RcSurvey) survey = rc_test_load_survey ("all-types.json", &error);
  RcQuestion *multi, *scale, *number, *text;

  g_assert_no_error (error);
  g_assert_cmpstr (rc_survey_get_id (survey), ==, "all_types");
  g_assert_cmpint (rc_survey_get_version (survey), ==, 3);
  g_assert_cmpuint (rc_survey_get_sections (survey)->len, ==, 2);
  g_assert_cmpuint (rc_survey_get_questions (survey)->len, ==, 16);
  g_assert_cmpuint (rc_survey_get_contacts (survey)->len, ==, 2);

  multi = rc_survey_lookup_question (survey, "q_multi");
  g_assert_cmpint (multi->type, ==, RC_QUESTION_MULTIPLE_CHOICE);
  g_assert_cmpint (multi->min_choices, ==, 1);
  g_assert_cmpint (multi->max_choices, ==, 2);
  g_assert_true (rc_question_lookup_option (multi, "none")->exclusive);
  g_assert_false (rc_question_lookup_option (multi, "x")->exclusive);
  g_assert_cmpstr (rc_text_get (&multi->constraint_message, "ru"), ==, "Выберите один или два");

  scale = rc_survey_lookup_question (survey, "q_scale");
  g_assert_cmpint (scale->min, ==, 1);
  g_assert_cmpint (scale->max, ==, 5);
  g_assert_true (scale->prefer_not_to_answer);

  number = rc_survey_lookup_question (survey, "q_number");
  g_assert_true (number->has_min && number->has_max);

  text = rc_survey_lookup_question (survey, "q_short");
  g_assert_cmpint (text->max_length, ==, 5);

  g_assert_nonnull (rc_survey_lookup_question (survey, "c_chain")->show_if);
  g_assert_false (rc_question_has_answer (rc_survey_lookup_question (survey, "q_note")));
  g_assert_null (rc_survey_lookup_question (survey, "nothing"));
}

/* Each broken fixture names the place of its problem. */
static const struct {
  const char *file;
  const char *expected;
} broken[] = {
  { "error-unknown-type.json", "sections[0].questions[2].type: unknown question type “slider”" },
  { "error-duplicate-id.json", "sections[0].questions[3].id: the question id “q_single” is already used" },
  { "error-duplicate-option.json", "sections[0].questions[0].options[1].id: the choice id “a” is used twice" },
  { "error-later-reference.json", "sections[0].questions[4].show_if.question: “q_long” comes later" },
  { "error-unknown-reference.json", "sections[1].questions[0].show_if.question: there is no question “q_missing”" },
  { "error-self-reference.json", "sections[1].questions[1].show_if.question: the question “c_one_of” cannot depend on itself" },
  { "error-circular-reference.json", "sections[0].questions[0].show_if.question: “q_multi” comes later" },
  { "error-missing-label.json", "sections[0].questions[3].label: the text in “kk” is missing" },
  { "error-impossible-range.json", "sections[0].questions[4]: no number can be both at least 20 and at most 10" },
  { "error-impossible-choices.json", "sections[0].questions[1]: no answer can have at least 3 and at most 2 choices" },
  { "error-empty-choices.json", "sections[0].questions[0].options: the list of choices is empty" },
  { "error-empty-scale.json", "sections[0].questions[2]: the scale is empty" },
  { "error-includes-on-single.json", "sections[1].questions[2].show_if.includes: “includes” applies only to multiple-choice" },
  { "error-impossible-answer.json", "sections[1].questions[0].show_if.equals: \"d\" is not a possible answer to “q_single”" },
  { "error-required-note.json", "sections[0].questions[7]: a note has no answer, so it cannot be required" },
  { "error-unknown-field.json", "sections[0].questions[5].maxlength: unknown field “maxlength”" },
  { "error-equals-on-multiple.json", "sections[1].questions[2].show_if.equals: a multiple-choice answer is a list" },
  { "error-not-json.json", "is not valid JSON: it is not JSON at line 2, column 14" },
};

static void
test_survey_broken (gconstpointer data)
{
  guint i = GPOINTER_TO_UINT (data);
  g_autoptr(GError) error = NULL;
  g_autoptr(RcSurvey) survey = rc_test_load_survey (broken[i].file, &error);

  g_test_message ("%s", error ? error->message : "(loaded)");
  g_assert_null (survey);
  g_assert_error (error, RC_SURVEY_ERROR, RC_SURVEY_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, broken[i].file));
  g_assert_nonnull (strstr (error->message, broken[i].expected));
}

static void
test_survey_lists_every_problem (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RcSurvey) survey = rc_test_load_survey ("error-several.json", &error);
  g_auto(GStrv) lines = NULL;

  g_assert_null (survey);
  g_assert_error (error, RC_SURVEY_ERROR, RC_SURVEY_ERROR_INVALID);

  lines = g_strsplit (error->message, "\n", -1);
  g_assert_nonnull (strstr (lines[0], "problems"));
  g_assert_true (g_strv_contains ((const char * const *)lines,
                                  "thanks: the text in “ru” is missing, and the survey is offered in it"));
  g_assert_true (g_strv_contains ((const char * const *)lines,
                                  "sections[0].questions[2].type: unknown question type “slider”"));
  g_assert_nonnull (strstr (error->message, "sections[0].questions[3].id: the question id “q_single”"));
}

/* --- The bundled survey --- */

static guint
count_words (const char *text)
{
  guint words = 0;
  gboolean in_word = FALSE;

  for (const char *p = text; p && *p; p = g_utf8_next_char (p))
    {
      gboolean letter = g_unichar_isalnum (g_utf8_get_char (p));

      if (letter && !in_word)
        words++;
      in_word = letter;
    }

  return words;
}

static void
assert_text_complete (const RcText *text,
                      const char   *what)
{
  if (text->kk == NULL || text->ru == NULL || text->en == NULL)
    g_error ("%s lacks a language", what);
}

static void
test_survey_bundled (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RcSurvey) survey = rc_survey_new_bundled (&error);
  GPtrArray *questions;
  GPtrArray *contacts;
  guint n_answerable = 0, n_conditional = 0, n_sensitive = 0;
  gboolean has_111 = FALSE, has_102 = FALSE;

  g_assert_no_error (error);
  g_assert_cmpstr (rc_survey_get_id (survey), ==, "womens_rights_express");
  g_assert_cmpstrv (rc_survey_get_languages (survey), ((const char *[]) { "kk", "ru", NULL }));

  /* Every text the kiosk or a coordinator shows exists in kk, ru and en. */
  assert_text_complete (rc_survey_get_title (survey), "title");
  assert_text_complete (rc_survey_get_intro (survey), "intro");
  assert_text_complete (rc_survey_get_consent (survey), "consent");
  assert_text_complete (rc_survey_get_thanks (survey), "thanks");

  questions = rc_survey_get_questions (survey);
  for (guint i = 0; i < questions->len; i++)
    {
      RcQuestion *question = g_ptr_array_index (questions, i);

      assert_text_complete (&question->label, question->id);
      for (guint j = 0; j < question->options->len; j++)
        assert_text_complete (&((RcOption *)g_ptr_array_index (question->options, j))->label,
                              question->id);

      n_answerable += rc_question_has_answer (question);
      n_conditional += question->show_if != NULL;
      n_sensitive += question->prefer_not_to_answer;
    }

  g_assert_cmpuint (n_answerable, >=, 15);
  g_assert_cmpuint (n_answerable, <=, 25);
  g_assert_cmpuint (n_conditional, >=, 3);
  g_assert_cmpuint (n_sensitive, >=, 3);

  contacts = rc_survey_get_contacts (survey);
  for (guint i = 0; i < contacts->len; i++)
    {
      RcContact *contact = g_ptr_array_index (contacts, i);

      has_111 |= g_str_equal (contact->number, "111");
      has_102 |= g_str_equal (contact->number, "102");
      assert_text_complete (&contact->label, contact->number);
    }
  g_assert_true (has_111 && has_102);
}

/* The survey promises under ten minutes. The model: she reads everything
 * shown at 120 words a minute (slow, for a second language or a screen
 * reader), takes 5 seconds to answer each question and a minute for each
 * text, with every follow-up shown. */
#define WORDS_PER_MINUTE 120
#define SECONDS_PER_ANSWER 5
#define SECONDS_PER_TEXT 60
#define TIME_LIMIT_SECONDS 600

static void
test_survey_bundled_under_ten_minutes (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RcSurvey) survey = rc_survey_new_bundled (&error);
  const char * const *languages;

  g_assert_no_error (error);
  languages = rc_survey_get_languages (survey);

  for (guint l = 0; languages[l] != NULL; l++)
    {
      const char *language = languages[l];
      GPtrArray *questions = rc_survey_get_questions (survey);
      guint words = 0;
      double seconds = 0;

      words += count_words (rc_text_get (rc_survey_get_intro (survey), language));
      words += count_words (rc_text_get (rc_survey_get_consent (survey), language));

      for (guint i = 0; i < questions->len; i++)
        {
          RcQuestion *question = g_ptr_array_index (questions, i);

          words += count_words (rc_text_get (&question->label, language));
          words += count_words (rc_text_get (&question->hint, language));
          words += count_words (rc_text_get (&question->min_label, language));
          words += count_words (rc_text_get (&question->max_label, language));
          for (guint j = 0; j < question->options->len; j++)
            words += count_words (rc_text_get (&((RcOption *)g_ptr_array_index (question->options, j))->label,
                                               language));

          if (question->type == RC_QUESTION_SHORT_TEXT || question->type == RC_QUESTION_LONG_TEXT)
            seconds += SECONDS_PER_TEXT;
          else if (rc_question_has_answer (question))
            seconds += SECONDS_PER_ANSWER;
        }

      seconds += words * 60.0 / WORDS_PER_MINUTE;
      g_test_message ("%s: %u words, about %.0f seconds", language, words, seconds);
      g_assert_cmpfloat (seconds, <=, TIME_LIMIT_SECONDS);
    }
}

static void
test_survey_install (void)
{
  g_autofree char *data_dir = rc_test_make_temp_dir ();
  g_autofree char *installed = g_build_filename (data_dir, RC_ACTIVE_SURVEY_FILE_NAME, NULL);
  g_autofree char *good = g_test_build_filename (G_TEST_DIST, "fixtures", "surveys",
                                                 "all-types.json", NULL);
  g_autofree char *bad = g_test_build_filename (G_TEST_DIST, "fixtures", "surveys",
                                                "error-unknown-type.json", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  RcSurvey *survey;

  /* A new installation asks the bundled survey. */
  survey = rc_active_survey_load (data_dir, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rc_survey_get_id (survey), ==, "womens_rights_express");
  g_object_unref (survey);

  /* A bad definition changes nothing. */
  g_assert_null (rc_active_survey_install (data_dir, bad, &error));
  g_assert_error (error, RC_SURVEY_ERROR, RC_SURVEY_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (g_file_test (installed, G_FILE_TEST_EXISTS));

  survey = rc_active_survey_install (data_dir, good, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rc_survey_get_id (survey), ==, "all_types");
  g_object_unref (survey);

  /* It is the survey from now on, also after a restart... */
  survey = rc_active_survey_load (data_dir, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rc_survey_get_id (survey), ==, "all_types");
  g_object_unref (survey);

  /* ...and a later bad file leaves it in place, to the byte. */
  g_assert_true (g_file_get_contents (installed, &before, NULL, NULL));
  g_assert_null (rc_active_survey_install (data_dir, bad, &error));
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (installed, &after, NULL, NULL));
  g_assert_cmpstr (before, ==, after);
}

/* The all-types fixture, changed by @change, loaded: the error, or NULL. */
static char *
load_changed (void (*change) (JsonObject *root))
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "surveys", "all-types.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RcSurvey) survey = NULL;
  g_autoptr(GBytes) bytes = NULL;
  char *text;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  change (json_node_get_object (json_parser_get_root (parser)));
  text = json_to_string (json_parser_get_root (parser), FALSE);
  bytes = g_bytes_new_take (text, strlen (text));
  survey = rc_survey_new_from_bytes (bytes, "big.json", &error);
  return survey == NULL ? g_strdup (error->message) : NULL;
}

static JsonObject *
first_question (JsonObject *root)
{
  JsonObject *section = json_array_get_object_element (json_object_get_array_member (root, "sections"), 0);

  return json_array_get_object_element (json_object_get_array_member (section, "questions"), 0);
}

/* An item with this id and a label in both languages. */
static JsonObject *
labelled (const char *id,
          const char *kk,
          const char *ru)
{
  JsonObject *item = json_object_new ();
  JsonObject *label = json_object_new ();

  json_object_set_string_member (item, "id", id);
  json_object_set_string_member (label, "kk", kk);
  json_object_set_string_member (label, "ru", ru);
  json_object_set_object_member (item, "label", label);
  return item;
}

static void
add_many_options (JsonObject *root)
{
  JsonArray *options = json_object_get_array_member (first_question (root), "options");

  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *id = g_strdup_printf ("extra_%u", i);

      json_array_add_object_element (options, labelled (id, "Тағы", "Ещё"));
    }
}

static void
lengthen_label (JsonObject *root)
{
  g_autofree char *long_text = g_strnfill (4001, 'a');

  json_object_set_string_member (json_object_get_object_member (first_question (root), "label"), "ru", long_text);
}

static void
add_many_questions (JsonObject *root)
{
  JsonArray *questions = json_object_get_array_member (
    json_array_get_object_element (json_object_get_array_member (root, "sections"), 0), "questions");

  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *id = g_strdup_printf ("extra_%u", i);
      JsonObject *question = labelled (id, "Ескерту", "Заметка");

      json_object_set_string_member (question, "type", "note");
      json_array_add_object_element (questions, question);
    }
}

static void
add_many_mistakes (JsonObject *root)
{
  for (guint i = 0; i < 500; i++)
    {
      g_autofree char *name = g_strdup_printf ("unknown_%u", i);

      json_object_set_int_member (root, name, i);
    }
}

static void
add_padding (JsonObject *root)
{
  g_autofree char *padding = g_strnfill (1100 * 1024, ' ');

  json_object_set_string_member (json_object_get_object_member (root, "title"), "en", padding);
}

/* Past each limit, the definition is refused with the limit named, before
 * anything large is built from it. */
static void
test_survey_limits (void)
{
  g_autofree char *options = load_changed (add_many_options);
  g_autofree char *label = load_changed (lengthen_label);
  g_autofree char *questions = load_changed (add_many_questions);
  g_autofree char *mistakes = load_changed (add_many_mistakes);
  g_autofree char *padded = load_changed (add_padding);

  g_assert_nonnull (strstr (options, "sections[0].questions[0].options: has more than 50 choices"));
  g_assert_nonnull (strstr (label, "sections[0].questions[0].label.ru: is longer than 4000 characters"));
  g_assert_nonnull (strstr (questions, "sections: has more than 300 questions"));
  g_assert_nonnull (strstr (mistakes, "(500 problems)"));
  g_assert_nonnull (strstr (mistakes, "…and more"));
  g_assert_null (strstr (mistakes, "unknown_499"));
  g_assert_nonnull (strstr (padded, "larger than 1024 kB"));
}

/* A file of brackets alone, as deep as it is long: a clear refusal, not a
 * stack overflow. */
static void
test_survey_deeply_nested (void)
{
  gsize depth = 200000;
  char *deep = g_malloc (2 * depth);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RcSurvey) survey = NULL;

  memset (deep, '[', depth);
  memset (deep + depth, ']', depth);
  bytes = g_bytes_new_take (deep, 2 * depth);
  survey = rc_survey_new_from_bytes (bytes, "deep.json", &error);
  g_assert_null (survey);
  g_assert_error (error, RC_SURVEY_ERROR, RC_SURVEY_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "deep.json"));
  g_assert_nonnull (strstr (error->message, "nested more than 64 deep"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/survey/all-types", test_survey_all_types);
  g_test_add_func ("/survey/lists-every-problem", test_survey_lists_every_problem);
  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_autofree char *path = g_strdup_printf ("/survey/broken/%s", broken[i].file);
      g_test_add_data_func (path, GUINT_TO_POINTER (i), test_survey_broken);
    }
  g_test_add_func ("/survey/install", test_survey_install);
  g_test_add_func ("/survey/deeply-nested", test_survey_deeply_nested);
  g_test_add_func ("/survey/limits", test_survey_limits);
  g_test_add_func ("/survey/bundled", test_survey_bundled);
  g_test_add_func ("/survey/bundled-under-ten-minutes", test_survey_bundled_under_ten_minutes);

  return g_test_run ();
}
