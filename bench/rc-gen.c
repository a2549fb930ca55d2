/* rc-gen.c: a data folder of made-up responses and news, the same every time
 *
 *   rc-gen DATA_DIR N_RESPONSES [SEED] [N_POSTS]
 *
 * Fills DATA_DIR with N responses to the bundled survey, answered as the
 * kiosk would take them (show-if rules, limits and refusals respected),
 * in both languages, submitted over the sixteen weeks before 2026-11-23:
 * the first two fifths to version 1, the rest to a version 2 that adds a
 * short text question, so that every type of question is answered. Then
 * N_POSTS news posts, as if fetched from the centre's website. For
 * screenshots, and the numbers benchmarks run on.
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>

#include "rc-news-store.h"
#include "rc-response-store.h"

static const char * const texts_kk[] = {
  "Ауылда заң кеңесшісі жоқ, қалаға бару қымбат.",
  "Әйелдерге арналған тегін курстар көбірек болса екен.",
  "Полиция шағымды әрдайым тіркей бермейді.",
  "Балабақшадағы орын жетіспейді.",
};

static const char * const settlements[] = {
  "Өскемен", "Риддер", "Зайсан", "Алтай", "Шемонаиха", "Усть-Каменогорск", "Глубокое",
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
      if (g_rand_int_range (rand, 0, 100) < 70)
        rc_response_set_text (response, question->id,
                              settlements[g_rand_int_range (rand, 0, G_N_ELEMENTS (settlements))], NULL);
      break;

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

/* Version 2 of the bundled survey: a short text question at the end. */
static RcSurvey *
make_second_version (RcSurvey  *first,
                     GError   **error)
{
  /* A copy of the node would share its object with the first version. */
  g_autofree char *first_text = json_to_string (rc_survey_get_definition (first), FALSE);
  g_autoptr(JsonNode) definition = json_from_string (first_text, error);
  JsonObject *root;
  JsonArray *sections;
  JsonObject *last;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;
  gsize length;

  if (definition == NULL)
    return NULL;
  root = json_node_get_object (definition);
  sections = json_object_get_array_member (root, "sections");
  last = json_array_get_object_element (sections, json_array_get_length (sections) - 1);
  if (!json_parser_load_from_data (parser,
                                   "{\"id\": \"settlement\", \"type\": \"short_text\", \"max_length\": 100,"
                                   " \"label\": {\"kk\": \"Қай елді мекенде тұрасыз?\","
                                   " \"ru\": \"В каком населённом пункте вы живёте?\","
                                   " \"en\": \"Which town or village do you live in?\"},"
                                   " \"constraint_message\": {\"kk\": \"100 таңбадан аспасын.\","
                                   " \"ru\": \"Не больше 100 знаков.\", \"en\": \"At most 100 characters.\"}}",
                                   -1, error))
    return NULL;
  json_array_add_element (json_object_get_array_member (last, "questions"),
                          json_node_copy (json_parser_get_root (parser)));
  json_object_set_int_member (root, "version", 2);

  text = json_to_string (definition, FALSE);
  length = strlen (text);
  bytes = g_bytes_new_take (g_steal_pointer (&text), length);
  return rc_survey_new_from_bytes (bytes, "version 2", error);
}

static const char * const sentences_kk[] = {
  "Ресурстық орталық үкіметтік емес ұйымдарға арналған кезекті семинар өткізді.",
  "Қатысушылар жергілікті атқарушы органдармен өзара іс-қимыл тәжірибесімен бөлісті.",
  "Келесі кездесу айдың соңында орталықтың кеңсесінде өтеді.",
  "Тіркелу үшін орталыққа телефон арқылы хабарласыңыз.",
};

static const char * const sentences_ru[] = {
  "Ресурсный центр провёл очередной семинар для некоммерческих организаций.",
  "Участники поделились опытом взаимодействия с местными исполнительными органами.",
  "Следующая встреча пройдёт в конце месяца в офисе центра.",
  "Чтобы записаться, позвоните в центр.",
};

/* A post of a few paragraphs under a heading, as the website gives them. */
static gboolean
add_posts (RcDatabase  *database,
           guint64      n,
           GRand       *rand,
           GError     **error)
{
  g_autoptr(RcNewsStore) store = rc_news_store_new (database);
  g_autoptr(GPtrArray) posts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) arrays = g_ptr_array_new_with_free_func ((GDestroyNotify)json_array_unref);
  g_autoptr(GDateTime) end = g_date_time_new_utc (2026, 11, 23, 10, 0, 0);

  for (guint64 i = 0; i < n; i++)
    {
      gboolean kazakh = i % 2 == 0;
      const char * const *sentences = kazakh ? sentences_kk : sentences_ru;
      RcPostData *post = g_new0 (RcPostData, 1);
      g_autoptr(GDateTime) when = g_date_time_add_hours (end, -(gint)(i * 7));
      g_autoptr(GString) excerpt = g_string_new (NULL);
      JsonArray *blocks = json_array_new ();
      char *stamp = g_date_time_format (when, "%Y-%m-%dT%H:%M:%S");

      for (guint b = 0; b < 6; b++)
        {
          JsonObject *block = json_object_new ();
          g_autoptr(GString) text = g_string_new (NULL);

          for (guint k = 0; k < 3; k++)
            g_string_append_printf (text, "%s%s", k ? " " : "", sentences[g_rand_int_range (rand, 0, 4)]);
          json_object_set_string_member (block, "type", b == 2 ? "heading" : "paragraph");
          json_object_set_string_member (block, "text", b == 2 ? sentences[b % 4] : text->str);
          if (b == 2)
            json_object_set_int_member (block, "level", 2);
          if (b == 0)
            g_string_append (excerpt, text->str);
          json_array_add_object_element (blocks, block);
        }

      post->id = g_strdup_printf ("site:%" G_GUINT64_FORMAT, 100000 + i);
      post->group_id = post->id;
      post->source = "site";
      post->language = kazakh ? "kk" : "ru";
      post->title = g_strdup_printf (kazakh ? "ҮЕҰ-ға арналған семинар №%" G_GUINT64_FORMAT
                                            : "Семинар для НКО №%" G_GUINT64_FORMAT, i + 1);
      post->excerpt = g_string_free (g_steal_pointer (&excerpt), FALSE);
      post->published_at = stamp;
      post->modified_at = stamp;
      post->link = NULL;
      post->blocks = blocks;
      g_ptr_array_add (keep, (char *)post->id);
      g_ptr_array_add (keep, (char *)post->title);
      g_ptr_array_add (keep, (char *)post->excerpt);
      g_ptr_array_add (keep, stamp);
      g_ptr_array_add (arrays, blocks);
      g_ptr_array_add (posts, post);
    }

  return rc_news_store_put_all (store, posts, NULL, error);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RcDatabase) database = NULL;
  g_autoptr(RcResponseStore) store = NULL;
  g_autoptr(RcSurvey) first = NULL;
  g_autoptr(RcSurvey) second = NULL;
  g_autoptr(GRand) rand = NULL;
  g_autoptr(GDateTime) end = g_date_time_new_utc (2026, 11, 23, 18, 0, 0);
  guint64 n;

  if (argc < 3)
    {
      g_printerr ("usage: %s DATA_DIR N_RESPONSES [SEED] [N_POSTS]\n", argv[0]);
      return EXIT_FAILURE;
    }

  n = g_ascii_strtoull (argv[2], NULL, 10);
  rand = g_rand_new_with_seed (argc > 3 ? (guint32)g_ascii_strtoull (argv[3], NULL, 10) : 1);

  if (!(database = rc_database_open (argv[1], &error)) ||
      !(first = rc_survey_new_bundled (&error)) ||
      !(second = make_second_version (first, &error)) ||
      /* Made-up data need not survive a power cut: no wait for the disk. */
      !rc_database_exec (database, "PRAGMA synchronous = OFF", &error))
    {
      g_printerr ("%s: %s\n", argv[0], error->message);
      return EXIT_FAILURE;
    }
  store = rc_response_store_new (database);

  for (guint64 i = 0; i < n; i++)
    {
      /* Version 1 over the first seven weeks, version 2 over the next nine. */
      gboolean later = i >= n * 2 / 5;
      RcSurvey *survey = later ? second : first;
      GPtrArray *questions = rc_survey_get_questions (survey);
      g_autoptr(RcResponse) response = rc_response_new (survey, g_rand_int_range (rand, 0, 100) < 45 ? "kk" : "ru");
      g_autoptr(GDateTime) when = g_date_time_add_seconds (end, -(double)(later ? g_rand_int_range (rand, 0, 63 * 24 * 3600)
                                                                                : g_rand_int_range (rand, 63 * 24 * 3600,
                                                                                                    112 * 24 * 3600)));
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

  if (argc > 4 && !add_posts (database, g_ascii_strtoull (argv[4], NULL, 10), rand, &error))
    {
      g_printerr ("%s: %s\n", argv[0], error->message);
      return EXIT_FAILURE;
    }

  return EXIT_SUCCESS;
}
