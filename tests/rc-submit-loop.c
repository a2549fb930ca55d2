/* rc-submit-loop.c: submits responses until killed, printing the id of
 * each one once saved. test-response-store kills it at random moments.
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>

#include "rc-response-store.h"

int
main (int   argc,
      char *argv[])
{
  static const char * const singles[] = { "a", "b", "c" };
  static const char * const choices[] = { "x", "y", NULL };
  g_autoptr(RcDatabase) database = NULL;
  g_autoptr(RcSurvey) survey = NULL;
  g_autoptr(RcResponseStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (argc != 3)
    {
      g_printerr ("usage: %s DATA_DIR SURVEY_FILE\n", argv[0]);
      return 2;
    }

  if (!(database = rc_database_open (argv[1], &error)) ||
      !(survey = rc_survey_new_from_file (argv[2], &error)))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  store = rc_response_store_new (database);

  for (guint i = 0; ; i++)
    {
      g_autoptr(RcResponse) response = rc_response_new (survey, i % 2 ? "kk" : "ru");
      g_autofree char *id = NULL;

      rc_response_set_choice (response, "q_single", singles[i % 3], NULL);
      rc_response_set_choice (response, "q_yesno", "no", NULL);
      rc_response_set_choices (response, "q_multi", choices, NULL);
      rc_response_set_number (response, "q_number", i % 11, NULL);
      rc_response_set_text (response, "q_long", "Сөз / слово", NULL);
      if (i % 3 == 0)
        {
          rc_response_set_choice (response, "c_equals", "yes", NULL);
          rc_response_set_text (response, "c_chain", "ok", NULL);
        }

      if (!(id = rc_response_store_save (store, response, &error)))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }

      /* Only now is she told it was saved. */
      printf ("%s\n", id);
      fflush (stdout);
    }
}
