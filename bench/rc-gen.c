/* rc-gen.c: a data folder of made-up responses, the same every time
 *
 *   rc-gen DATA_DIR N_RESPONSES [SEED]
 *
 * Fills DATA_DIR with N responses to the bundled survey, answered as the
 * kiosk would take them (show-if rules, limits and refusals respected),
 * in both languages, submitted over the sixteen weeks before 2026-11-23.
 * For screenshots, and the numbers benchmarks run on.
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>

#include "rc-response-store.h"

static const char * const texts_kk[] = {
  "Ауылда заң кеңесшісі жоқ, қалаға бару қымбат.",
  "Әйелдерге арналған тегін курстар көбірек болса екен.",
  "Полиция шағымды әрдайым тіркей бермейді.",
  "Балабақшадағы орын жетіспейді.",
};

static const char * const texts_ru[] = {
  "Нужна бесплатная юридическая консультация в районе.",
  "Хотелось бы больше информации о правах на работе.",
  "В сёлах мало кризисных центров, далеко ехать.",
  "Спасибо за опрос, это важно.",
};

/* A choice that leans to the first options, as real answers do. */
static guint
pick (GRand *rand,
      guint  n)
{
  guint a = g_rand_int_range (rand, 0, n);
  guint b = g_rand_int_range (rand, 0, n);

  return MIN (a, b);
}

static void
answer (RcResponse *response,
        RcQuestion *question,
        GRand      *rand)
{
  const char *language = rc_response_get_language (response);

  if (question->prefer_not_to_answer && g_rand_int_range (rand, 0, 100) < 6)
    {
      if (question->type == RC_QUESTION_MULTIPLE_CHOICE)
        {
          const char *refusal[] = { RC_PREFER_NOT_TO_ANSWER, NULL };

          rc_response_set_choices (response, question->id, refusal, NULL);
        }
      else
        rc_response_set_choice (response, question->id, RC_PREFER_NOT_TO_ANSWER, NULL);
      return;
    }

  if (!question->required && g_rand_int_range (rand, 0, 100) < 8)
    return;

  switch (question->type)
    {
    case RC_QUESTION_SINGLE_CHOICE:
      {
        RcOption *option = g_ptr_array_index (question->options, pick (rand, question->options->len));

        rc_response_set_choice (response, question->id, option->id, NULL);
      }
      break;

    case RC_QUESTION_MULTIPLE_CHOICE:
      {
        g_autoptr(GPtrArray) chosen = g_ptr_array_new ();
        guint most = question->max_choices > 0 ? (guint)question->max_choices : 3;
        guint n = 1 + g_rand_int_range (rand, 0, MIN (most, 3));

        for (guint i = 0; i < question->options->len && chosen->len < n; i++)
          {
            RcOption *option = g_ptr_array_index (question->options, i);

            if (!option->exclusive && g_rand_int_range (rand, 0, 100) < 45)
              g_ptr_array_add (chosen, option->id);
          }
        if (chosen->len == 0)
          g_ptr_array_add (chosen, ((RcOption *)g_ptr_array_index (question->options, 0))->id);
        g_ptr_array_add (chosen, NULL);
        rc_response_set_choices (response, question->id, (const char * const *)chosen->pdata, NULL);
      }
      break;

    case RC_QUESTION_SCALE:
      rc_response_set_number (response, question->id,
                              question->max - pick (rand, question->max - question->min + 1), NULL);
      break;

    case RC_QUESTION_YES_NO:
      rc_response_set_choice (response, question->id, g_rand_boolean (rand) ? "yes" : "no", NULL);
      break;

    case RC_QUESTION_NUMBER:
      {
        gint64 low = question->has_min ? question->min : 0;
        gint64 high = question->has_max ? MIN (question->max, low + 6) : low + 6;

        rc_response_set_number (response, question->id, low + pick (rand, high - low + 1), NULL);
      }
      break;

    case RC_QUESTION_SHORT_TEXT:
    case RC_QUESTION_LONG_TEXT:
      if (g_rand_int_range (rand, 0, 100) < 30)
        {
          gboolean kazakh = g_str_equal (language, "kk");
          const char *text = kazakh ? texts_kk[g_rand_int_range (rand, 0, G_N_ELEMENTS (texts_kk))]
                                    : texts_ru[g_rand_int_range (rand, 0, G_N_ELEMENTS (texts_ru))];

          rc_response_set_text (response, question->id, text, NULL);
        }
      break;

    case RC_QUESTION_NOTE:
    default:
      break;
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RcDatabase) database = NULL;
  g_autoptr(RcResponseStore) store = NULL;
  g_autoptr(RcSurvey) survey = NULL;
  g_autoptr(GRand) rand = NULL;
  g_autoptr(GDateTime) end = g_date_time_new_utc (2026, 11, 23, 18, 0, 0);
  GPtrArray *questions;
  guint64 n;

  if (argc < 3)
    {
      g_printerr ("usage: %s DATA_DIR N_RESPONSES [SEED]\n", argv[0]);
      return EXIT_FAILURE;
    }

  n = g_ascii_strtoull (argv[2], NULL, 10);
  rand = g_rand_new_with_seed (argc > 3 ? (guint32)g_ascii_strtoull (argv[3], NULL, 10) : 1);

  if (!(database = rc_database_open (argv[1], &error)) ||
      !(survey = rc_survey_new_bundled (&error)))
    {
      g_printerr ("%s: %s\n", argv[0], error->message);
      return EXIT_FAILURE;
    }
  store = rc_response_store_new (database);
  questions = rc_survey_get_questions (survey);

  for (guint64 i = 0; i < n; i++)
    {
      g_autoptr(RcResponse) response = rc_response_new (survey, g_rand_int_range (rand, 0, 100) < 45 ? "kk" : "ru");
      g_autoptr(GDateTime) when = g_date_time_add_seconds (end, -(double)g_rand_int_range (rand, 0, 112 * 24 * 3600));
      g_autofree char *stamp = g_date_time_format_iso8601 (when);
      g_autofree char *id = NULL;
      g_autofree char *sql = NULL;

      for (guint q = 0; q < questions->len; q++)
        {
          RcQuestion *question = g_ptr_array_index (questions, q);

          if (rc_response_is_visible (response, question->id))
            answer (response, question, rand);
        }

      if (!(id = rc_response_store_save (store, response, &error)))
        {
          g_printerr ("%s: %s\n", argv[0], error->message);
          return EXIT_FAILURE;
        }
      sql = g_strdup_printf ("UPDATE responses SET submitted_at = '%s' WHERE id = '%s'", stamp, id);
      if (!rc_database_exec (database, sql, &error))
        {
          g_printerr ("%s: %s\n", argv[0], error->message);
          return EXIT_FAILURE;
        }
    }

  return EXIT_SUCCESS;
}
