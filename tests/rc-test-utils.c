/* rc-test-utils.c
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "rc-response-store.h"
#include "rc-test-utils.h"

/* A fresh folder for one test's data, inside the test's own temporary
 * home, so no test sees another's files. */
char *
rc_test_make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("rc-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

/* A survey definition from tests/fixtures/surveys/. */
RcSurvey *
rc_test_load_survey (const char  *fixture_name,
                     GError     **error)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "surveys",
                                                 fixture_name, NULL);

  return rc_survey_new_from_file (path, error);
}

/* The fixture with every question type and condition; it must load. */
RcSurvey *
rc_test_load_all_types (void)
{
  g_autoptr(GError) error = NULL;
  RcSurvey *survey = rc_test_load_survey ("all-types.json", &error);

  g_assert_no_error (error);
  return survey;
}

RcDatabase *
rc_test_open_database (const char *data_dir)
{
  g_autoptr(GError) error = NULL;
  RcDatabase *database = rc_database_open (data_dir, &error);

  g_assert_no_error (error);
  return database;
}

/* One response to the all-types survey, as a kiosk saves it, with a text
 * that needs quoting in a CSV. */
void
rc_test_save_response (const char *data_dir,
                       const char *language)
{
  g_autoptr(RcDatabase) database = rc_test_open_database (data_dir);
  g_autoptr(RcResponseStore) store = rc_response_store_new (database);
  g_autoptr(RcSurvey) survey = rc_test_load_all_types ();
  g_autoptr(RcResponse) response = rc_response_new (survey, language);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  g_assert_true (rc_response_set_choice (response, "q_single", "c", NULL));
  g_assert_true (rc_response_set_choice (response, "q_yesno", "yes", NULL));
  g_assert_true (rc_response_set_text (response, "q_long", "Иә, \"иә\"", NULL));
  id = rc_response_store_save (store, response, &error);
  g_assert_no_error (error);
}
