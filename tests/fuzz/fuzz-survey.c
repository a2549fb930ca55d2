/* fuzz-survey.c: a survey definition, as a coordinator chooses the file
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rc-fuzz.h"
#include "rc-survey.h"

RC_FUZZ_DEFINE_INITIALIZE ()

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(RcSurvey) survey = rc_survey_new_from_bytes (bytes, "fuzz.json", &error);

  g_assert ((survey == NULL) == (error != NULL));

  /* What the kiosk reads of a survey it accepted. */
  if (survey != NULL)
    {
      GPtrArray *questions = rc_survey_get_questions (survey);

      for (guint i = 0; i < questions->len; i++)
        g_assert (rc_survey_lookup_question (survey, ((RcQuestion *)g_ptr_array_index (questions, i))->id) != NULL);
      g_assert (rc_survey_get_definition (survey) != NULL);
    }

  return 0;
}
