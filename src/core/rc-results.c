/* rc-results.c
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <inttypes.h>

#include "rc-export.h"
#include "rc-i18n.h"
#include "rc-response-store-private.h"
#include "rc-results-private.h"
#include "rc-results.h"
#include "rc-text.h"

typedef struct
{
  RcDatabase            *database;
  const RcResultsFilter *filter;
  char                  *survey_id;
  char                  *until_next_day;
  GPtrArray             *surveys;        /* RcSurvey, the newest version first */
  RcResults             *results;
  GHashTable            *by_id;          /* question id → RcQuestionResults */
  RcProgress            *progress;       /* steps: each response read, in each pass */
  gint                   passes_done;
  GCancellable          *cancellable;
} Counting;

static void
bar_free (RcResultsBar *bar)
{
  g_free (bar->key);
  g_free (bar->label);
  g_free (bar->group_counts);
  g_free (bar);
}

static void
question_results_free (RcQuestionResults *question)
{
  g_clear_pointer (&question->bars, g_ptr_array_unref);
  g_clear_pointer (&question->texts, g_ptr_array_unref);
  g_free (question->group_shown);
  g_free (question);
}

void
rc_results_free (RcResults *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->survey);
  g_clear_pointer (&self->versions, g_array_unref);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->first, g_free);
  g_clear_pointer (&self->last, g_free);
  g_clear_pointer (&self->weeks, g_array_unref);
  g_clear_pointer (&self->questions, g_ptr_array_unref);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_free (self);
}

/**
 * rc_results_cell_is_hidden:
 * @min_cell: the smallest count shown, or 0 to show every count
 * @count: the respondents in one cell of a breakdown
 * @of: the respondents of the cell's group, or 0 when not known
 *
 * A handful of respondents could be recognised by someone who knows them,
 * so such a cell is shown as "fewer than N"; in a group that small, even
 * a count of none tells what each of them answered.
 *
 * Returns: whether the cell must not be shown exactly
 */
gboolean
rc_results_cell_is_hidden (gint64 min_cell,
                           gint64 count,
                           gint64 of)
{
  return min_cell > 0 && ((count > 0 && count < min_cell) || (of > 0 && of < min_cell));
}

/**
 * rc_results_bar_dup_label:
 * @bar: a bar of a question's results
 *
 * What the bar counts, in words: an option's label in the language the
 * results were counted in; "Yes" and "No", and a range of numbers with
 * its digits grouped, in the language of the translations in use now,
 * which a report switches to before it draws.
 *
 * Returns: (transfer full): the bar's label
 */
char *
rc_results_bar_dup_label (const RcResultsBar *bar)
{
  g_autofree char *low = NULL;
  g_autofree char *high = NULL;

  g_return_val_if_fail (bar != NULL, NULL);

  if (bar->label != NULL)
    return g_strdup (bar->label);
  if (g_str_equal (bar->key, "yes"))
    return g_strdup (_("Yes"));
  if (g_str_equal (bar->key, "no"))
    return g_strdup (_("No"));
  if (!bar->is_range)
    return g_strdup (bar->key);

  low = rc_text_format_count (bar->low);
  if (bar->high == bar->low)
    return g_steal_pointer (&low);
  high = rc_text_format_count (bar->high);

  return g_strdup_printf ("%s–%s", low, high);
}

/**
 * rc_results_lookup:
 * @self: results
 * @question_id: a question of the survey counted
 *
 * Returns: (transfer none) (nullable): the results of the question
 */
RcQuestionResults *
rc_results_lookup (RcResults  *self,
                   const char *question_id)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (question_id != NULL, NULL);

  for (guint i = 0; i < self->questions->len; i++)
    {
      RcQuestionResults *question = g_ptr_array_index (self->questions, i);

      if (g_str_equal (question->question->id, question_id))
        return question;
    }

  return NULL;
}

static sqlite3_stmt *
prepare (Counting    *counting,
         const char  *sql,
         GError     **error)
{
  sqlite3_stmt *stmt = rc_database_prepare (counting->database, sql, error);

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, counting->survey_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, counting->filter->survey_version);
  sqlite3_bind_text (stmt, 3, counting->filter->language, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, counting->filter->since, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, counting->until_next_day, -1, SQLITE_STATIC);

  return stmt;
}

static gboolean
finish (Counting      *counting,
        sqlite3_stmt  *stmt,
        int            rc,
        GError       **error)
{
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE || rc_database_fail (counting->database, rc, error);
}

static gboolean
allows_refusal (Counting   *counting,
                const char *question_id)
{
  for (guint i = 0; i < counting->surveys->len; i++)
    {
      RcQuestion *question = rc_survey_lookup_question (g_ptr_array_index (counting->surveys, i), question_id);

      if (question != NULL && question->prefer_not_to_answer)
        return TRUE;
    }

  return FALSE;
}

static RcResultsBar *
add_bar (RcQuestionResults *question,
         char              *key,
         char              *label,
         guint              n_groups)
{
  RcResultsBar *bar = g_new0 (RcResultsBar, 1);

  bar->key = key;
  bar->label = label;
  if (n_groups > 0)
    bar->group_counts = g_new0 (gint64, n_groups);
  g_ptr_array_add (question->bars, bar);

  return bar;
}

/* An answer that a newer version no longer offers keeps its older label. */
static char *
option_label (Counting   *counting,
              const char *question_id,
              const char *key)
{
  for (guint i = 0; i < counting->surveys->len; i++)
    {
      RcQuestion *question = rc_survey_lookup_question (g_ptr_array_index (counting->surveys, i), question_id);
      RcOption *option = question ? rc_question_lookup_option (question, key) : NULL;

      if (option != NULL)
        return g_strdup (rc_text_pick (&option->label, counting->results->language));
    }

  return g_strdup (key);
}

static char *
scale_label (RcQuestion *question,
             gint64      point,
             const char *language)
{
  const char *end = NULL;

  if (point == question->min)
    end = rc_text_get (&question->min_label, language);
  else if (point == question->max)
    end = rc_text_get (&question->max_label, language);

  if (end != NULL && *end != '\0')
    return g_strdup_printf ("%" G_GINT64_FORMAT " · %s", point, end);

  return g_strdup_printf ("%" G_GINT64_FORMAT, point);
}

/* The answers she could give, in the order she saw them. */
static void
add_offered_bars (Counting          *counting,
                  RcQuestionResults *results)
{
  RcQuestion *question = results->question;
  const char *language = counting->results->language;
  guint n_groups = counting->results->groups ? counting->results->groups->len : 0;

  switch (question->type)
    {
    case RC_QUESTION_SINGLE_CHOICE:
    case RC_QUESTION_MULTIPLE_CHOICE:
      for (guint i = 0; i < question->options->len; i++)
        {
          RcOption *option = g_ptr_array_index (question->options, i);

          add_bar (results, g_strdup (option->id),
                   g_strdup (rc_text_pick (&option->label, language)), n_groups);
        }
      break;

    case RC_QUESTION_YES_NO:
      /* Worded when shown, in the language of the interface then. */
      add_bar (results, g_strdup ("yes"), NULL, n_groups);
      add_bar (results, g_strdup ("no"), NULL, n_groups);
      break;

    case RC_QUESTION_SCALE:
      for (gint64 point = question->min; point <= question->max; point++)
        add_bar (results, g_strdup_printf ("%" G_GINT64_FORMAT, point),
                 scale_label (question, point, language), n_groups);
      break;

    case RC_QUESTION_NUMBER:
    case RC_QUESTION_SHORT_TEXT:
    case RC_QUESTION_LONG_TEXT:
    case RC_QUESTION_NOTE:
    default:
      break;
    }
}

static RcResultsBar *
find_bar (Counting          *counting,
          RcQuestionResults *results,
          const char        *key)
{
  guint n_groups = counting->results->groups ? counting->results->groups->len : 0;

  for (guint i = 0; i < results->bars->len; i++)
    {
      RcResultsBar *bar = g_ptr_array_index (results->bars, i);

      if (g_str_equal (bar->key, key))
        return bar;
    }

  return add_bar (results, g_strdup (key),
                  option_label (counting, results->question->id, key), n_groups);
}

static gint
find_group (Counting   *counting,
            const char *key)
{
  GPtrArray *groups = counting->results->groups;

  for (guint i = 0; key != NULL && groups != NULL && i < groups->len; i++)
    {
      RcResultsBar *group = g_ptr_array_index (groups, i);

      if (g_str_equal (group->key, key))
        return i;
    }

  return -1;
}

/* A width of the ranges of a number question that reads well: 1, 2, 5,
 * 10, 20, 50… with at most ten ranges. */
static gint64
range_width (gint64 span)
{
  gint64 width = 1;

  while (span > 10 * width)
    {
      if (span <= 20 * width)
        width *= 2;
      else if (span <= 50 * width)
        width *= 5;
      else
        width *= 10;
    }

  return width;
}

/* A number given in answer, how many gave it, and in which group. */
typedef struct
{
  gint64 value;
  gint   group;
  gint64 count;
} NumberCount;

static int
compare_number_counts (gconstpointer a,
                       gconstpointer b)
{
  const NumberCount *x = a, *y = b;

  return (x->value > y->value) - (x->value < y->value);
}

/* The ranges of a number question, its mean, median and extremes, from
 * how often each number was given. */
static void
finish_numbers (Counting          *counting,
                RcQuestionResults *results,
                GArray            *numbers)
{
  guint n_groups = counting->results->groups ? counting->results->groups->len : 0;
  gint64 n = 0, seen = 0, lowest, width;
  gboolean lower_median = FALSE;
  double sum = 0, below = 0;

  g_array_sort (numbers, compare_number_counts);
  for (guint i = 0; i < numbers->len; i++)
    {
      NumberCount *number = &g_array_index (numbers, NumberCount, i);

      if (number->group < 0)
        n += number->count;
    }
  if (n == 0)
    return;

  results->min = G_MAXINT64;
  results->max = G_MININT64;
  for (guint i = 0; i < numbers->len; i++)
    {
      NumberCount *number = &g_array_index (numbers, NumberCount, i);

      if (number->group >= 0)
        continue;

      results->min = MIN (results->min, number->value);
      results->max = MAX (results->max, number->value);
      sum += (double)number->value * number->count;

      /* The middle value, or the mean of the two middle ones. */
      if (!lower_median && seen + number->count > (n - 1) / 2)
        {
          below = number->value;
          lower_median = TRUE;
        }
      if (seen <= n / 2 && seen + number->count > n / 2)
        results->median = (below + number->value) / 2;
      seen += number->count;
    }
  results->mean = sum / n;

  width = range_width (results->max - results->min + 1);
  lowest = results->min >= 0 ? results->min - results->min % width
                             : -((-results->min + width - 1) / width) * width;

  /* The ranges' labels are written when drawn: a report is drawn in a
   * language of its own, after this count. */
  for (gint64 low = lowest; low <= results->max; low += width)
    {
      RcResultsBar *bar = add_bar (results, g_strdup_printf ("%" G_GINT64_FORMAT, low), NULL, n_groups);

      bar->is_range = TRUE;
      bar->low = low;
      bar->high = low + width - 1;
    }

  for (guint i = 0; i < numbers->len; i++)
    {
      NumberCount *number = &g_array_index (numbers, NumberCount, i);
      RcResultsBar *bar;

      /* A group's number outside the overall range cannot be: both come
       * from the same answers. */
      g_assert (number->value >= lowest && number->value <= results->max);
      bar = g_ptr_array_index (results->bars, (number->value - lowest) / width);

      if (number->group < 0)
        bar->count += number->count;
      else
        bar->group_counts[number->group] += number->count;
    }
}

/* What one pass over the answers keeps of a question as it goes. */
typedef struct
{
  RcQuestionResults *results;          /* NULL for a question only a rule tests */
  GArray            *numbers;          /* NumberCount, for a number question */
  gboolean           refusal_allowed;
  gint64             answered_by;      /* the response last counted as answering */
  gint64             refused_by;       /* the response last counted as refusing */
  guint              tested;           /* its index + 1 among those a rule tests, or 0 */
} Tally;

/* To whom each question was shown, worked out response by response in
 * the pass over the answers: her version's show-if rule, evaluated by the
 * kiosk's own rc_condition_evaluate() over the answers stored for her.
 * Answers to hidden questions are never stored, so the rule holds here
 * exactly when it held on the kiosk. (As SQL, an EXISTS per rule and
 * response, it took as long as the pass itself.) */
typedef struct
{
  Counting    *counting;
  GPtrArray   *tested_ids; /* the questions the rules test, by Tally.tested - 1 */
  GHashTable  *tallies;    /* question id → Tally, the pass's own */
  JsonNode   **answers;    /* her answer to each tested question, or NULL */
  JsonNode   **lists;      /* a list of choices for each, emptied for the next */
  gboolean    *listed;     /* [version × tested]: a list of choices there */
  RcQuestion **asked;      /* [version × results question], NULL where not asked */
  GHashTable  *texts;      /* a stored text → its JsonNode, made once */
  GHashTable  *numbers;    /* a stored number → its JsonNode, made once */
  GPtrArray   *unkept;     /* her values beyond those, until the next */
} Shown;

/* Choices take a few values; a rule may test a free text or a number,
 * whose values are as many as the respondents. */
#define SHOWN_MAX_KEPT_VALUES 1024

static void
add_tested (gpointer question_id,
            gpointer user_data)
{
  Shown *shown = user_data;

  if (!g_ptr_array_find_with_equal_func (shown->tested_ids, question_id, g_str_equal, NULL))
    g_ptr_array_add (shown->tested_ids, question_id);
}

static void
shown_init (Shown    *shown,
            Counting *counting)
{
  GPtrArray *questions = counting->results->questions;
  GPtrArray *surveys = counting->surveys;
  guint n_tested;

  shown->counting = counting;
  shown->tested_ids = g_ptr_array_new ();
  shown->asked = g_new0 (RcQuestion *, surveys->len * questions->len);
  for (guint v = 0; v < surveys->len; v++)
    {
      for (guint i = 0; i < questions->len; i++)
        {
          RcQuestionResults *results = g_ptr_array_index (questions, i);
          RcQuestion *question = rc_survey_lookup_question (g_ptr_array_index (surveys, v), results->question->id);

          shown->asked[v * questions->len + i] = question;
          if (question != NULL && question->show_if != NULL)
            rc_condition_foreach_question (question->show_if, add_tested, shown);
        }
    }

  n_tested = shown->tested_ids->len;
  shown->answers = g_new0 (JsonNode *, n_tested);
  shown->lists = g_new0 (JsonNode *, n_tested);
  shown->listed = g_new0 (gboolean, surveys->len * n_tested);
  for (guint t = 0; t < n_tested; t++)
    {
      g_autoptr(JsonArray) list = json_array_new ();

      shown->lists[t] = json_node_init_array (json_node_alloc (), list);
      for (guint v = 0; v < surveys->len; v++)
        {
          RcQuestion *tested = rc_survey_lookup_question (g_ptr_array_index (surveys, v),
                                                          g_ptr_array_index (shown->tested_ids, t));

          shown->listed[v * n_tested + t] = tested != NULL && tested->type == RC_QUESTION_MULTIPLE_CHOICE;
        }
    }

  shown->texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)json_node_unref);
  shown->numbers = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify)json_node_unref);
  shown->unkept = g_ptr_array_new_with_free_func ((GDestroyNotify)json_node_unref);
}

static void
shown_forget_answers (Shown *shown)
{
  for (guint t = 0; t < shown->tested_ids->len; t++)
    {
      JsonArray *list = json_node_get_array (shown->lists[t]);

      while (json_array_get_length (list) > 0)
        json_array_remove_element (list, json_array_get_length (list) - 1);
      shown->answers[t] = NULL;
    }
  g_ptr_array_set_size (shown->unkept, 0);
}

static void
shown_clear (Shown *shown)
{
  for (guint t = 0; t < shown->tested_ids->len; t++)
    json_node_unref (shown->lists[t]);
  g_clear_pointer (&shown->tested_ids, g_ptr_array_unref);
  g_clear_pointer (&shown->answers, g_free);
  g_clear_pointer (&shown->lists, g_free);
  g_clear_pointer (&shown->listed, g_free);
  g_clear_pointer (&shown->asked, g_free);
  g_clear_pointer (&shown->texts, g_hash_table_unref);
  g_clear_pointer (&shown->numbers, g_hash_table_unref);
  g_clear_pointer (&shown->unkept, g_ptr_array_unref);
}

/* A stored value as JSON, valid until her answers are forgotten: the few
 * values a survey's choices take are made into nodes once, not once for
 * every respondent. */
static JsonNode *
shown_value_node (Shown        *shown,
                  sqlite3_stmt *stmt,
                  int           column)
{
  JsonNode *node;

  if (sqlite3_column_type (stmt, column) == SQLITE_INTEGER)
    {
      gint64 number = sqlite3_column_int64 (stmt, column);

      if ((node = g_hash_table_lookup (shown->numbers, &number)) != NULL)
        return node;
      node = json_node_init_int (json_node_alloc (), number);
      if (g_hash_table_size (shown->numbers) < SHOWN_MAX_KEPT_VALUES)
        g_hash_table_insert (shown->numbers, g_memdup2 (&number, sizeof number), node);
      else
        g_ptr_array_add (shown->unkept, node);
    }
  else
    {
      const char *text = (const char *)sqlite3_column_text (stmt, column);

      if ((node = g_hash_table_lookup (shown->texts, text)) != NULL)
        return node;
      node = json_node_init_string (json_node_alloc (), text);
      if (g_hash_table_size (shown->texts) < SHOWN_MAX_KEPT_VALUES)
        g_hash_table_insert (shown->texts, g_strdup (text), node);
      else
        g_ptr_array_add (shown->unkept, node);
    }

  return node;
}

/* The index in counting->surveys of @version, or -1. */
static gint
find_version (Counting *counting,
              gint64    version)
{
  for (guint v = 0; v < counting->surveys->len; v++)
    {
      if (rc_survey_get_version (g_ptr_array_index (counting->surveys, v)) == version)
        return v;
    }

  return -1;
}

/* Keeps a stored answer of hers to the tested question @tested, as the
 * kiosk held it: a list for a multiple choice, one value otherwise. */
static void
shown_add_answer (Shown        *shown,
                  gint          version,
                  guint         tested,
                  sqlite3_stmt *stmt,
                  int           column)
{
  JsonNode *value;

  if (version < 0)
    return;

  value = shown_value_node (shown, stmt, column);
  if (shown->listed[version * shown->tested_ids->len + tested])
    {
      json_array_add_element (json_node_get_array (shown->lists[tested]), json_node_ref (value));
      shown->answers[tested] = shown->lists[tested];
    }
  else if (shown->answers[tested] == NULL)
    shown->answers[tested] = value;
}

static JsonNode *
lookup_answer (const char *question_id,
               gpointer    user_data)
{
  Shown *shown = user_data;
  Tally *tally = g_hash_table_lookup (shown->tallies, question_id);

  return tally != NULL && tally->tested > 0 ? shown->answers[tally->tested - 1] : NULL;
}

/* Counts the questions shown to the response whose answers were just read,
 * in all or in her @group, and forgets her answers. */
static void
shown_count_response (Shown    *shown,
                      gint      version,
                      gboolean  by_group,
                      gint      group)
{
  GPtrArray *questions = shown->counting->results->questions;

  for (guint i = 0; version >= 0 && (!by_group || group >= 0) && i < questions->len; i++)
    {
      RcQuestionResults *results = g_ptr_array_index (questions, i);
      RcQuestion *question = shown->asked[version * questions->len + i];

      if (question == NULL ||
          (question->show_if != NULL && !rc_condition_evaluate (question->show_if, lookup_answer, shown)))
        continue;

      if (by_group)
        results->group_shown[group]++;
      else
        results->shown++;
    }

  shown_forget_answers (shown);
}

/* For a progress bar: @n_read responses read in the pass under way. */
static void
tell_progress (Counting *counting,
               gint64    n_read)
{
  gint64 done = counting->passes_done * counting->results->total + n_read;

  if (counting->progress != NULL)
    g_atomic_int_set (&counting->progress->done, (gint)MIN (done, G_MAXINT));
}

/* One pass over the answers of the responses counted, every question at
 * once, counted here rather than by GROUP BY: SQLite sorted the two million
 * answers of 100,000 responses twice for that, and took four times as long.
 * Responses are the outer loop (a LEFT JOIN keeps the order, and keeps a
 * response without answers), so all the answers of one come together: she
 * counts once per question however many boxes she ticked, and what she was
 * shown is known when her last answer is read. With @by_group, the counts
 * of each group of the breakdown instead. */
static gboolean
count_answers (Counting    *counting,
               gboolean     by_group,
               GHashTable  *numbers,
               GError     **error)
{
  g_autoptr(GHashTable) tallies = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree Tally *tally_of = NULL;
  g_autofree char *sql = NULL;
  Shown shown = { 0 };
  gint64 response = -1;
  gint64 n_read = 0;
  gint version = -1;
  gint group = -1;
  gboolean reading = FALSE;
  gboolean stopped = FALSE;
  sqlite3_stmt *stmt;
  guint n_tallies;
  int rc;

  /* A tally for each question counted, and for each a rule tests, so one
   * lookup serves an answer both ways. */
  shown_init (&shown, counting);
  n_tallies = counting->results->questions->len;
  tally_of = g_new0 (Tally, n_tallies + shown.tested_ids->len);
  for (guint i = 0; i < counting->results->questions->len; i++)
    {
      Tally *tally = &tally_of[i];

      tally->results = g_ptr_array_index (counting->results->questions, i);
      tally->numbers = g_hash_table_lookup (numbers, tally->results->question->id);
      tally->refusal_allowed = allows_refusal (counting, tally->results->question->id);
      tally->answered_by = tally->refused_by = -1;
      g_hash_table_insert (tallies, tally->results->question->id, tally);
    }
  for (guint t = 0; t < shown.tested_ids->len; t++)
    {
      Tally *tally = g_hash_table_lookup (tallies, g_ptr_array_index (shown.tested_ids, t));

      if (tally == NULL)
        {
          tally = &tally_of[n_tallies++];
          g_hash_table_insert (tallies, g_ptr_array_index (shown.tested_ids, t), tally);
        }
      tally->tested = t + 1;
    }
  shown.tallies = tallies;

  sql = g_strdup_printf ("SELECT r.rowid, a.question_id, %s, a.value, r.survey_version "
                         "FROM responses r LEFT JOIN answers a ON a.response_id = r.id %s "
                         "WHERE " RC_RESULTS_FILTER,
                         by_group ? "b.value" : "NULL",
                         by_group ? "CROSS JOIN answers b ON b.response_id = r.id AND b.question_id = ?6" : "");
  stmt = prepare (counting, sql, error);
  if (stmt == NULL)
    {
      shown_clear (&shown);
      return FALSE;
    }
  if (by_group)
    sqlite3_bind_text (stmt, 6, counting->results->breakdown->id, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *question_id = (const char *)sqlite3_column_text (stmt, 1);
      const char *key = (const char *)sqlite3_column_text (stmt, 3);
      Tally *tally;
      gboolean refusal;
      RcResultsBar *bar;

      if (!reading || sqlite3_column_int64 (stmt, 0) != response)
        {
          if (reading)
            {
              shown_count_response (&shown, version, by_group, group);
              tell_progress (counting, ++n_read);
              /* Most of a count's time is here: a coordinator who changes
               * a filter meanwhile wants the new count, not this one. */
              if (g_cancellable_set_error_if_cancelled (counting->cancellable, error))
                {
                  stopped = TRUE;
                  break;
                }
            }
          reading = TRUE;
          response = sqlite3_column_int64 (stmt, 0);
          version = find_version (counting, sqlite3_column_int64 (stmt, 4));
          group = by_group ? find_group (counting, (const char *)sqlite3_column_text (stmt, 2)) : -1;
        }

      /* A response without answers. */
      if (question_id == NULL)
        continue;
      tally = g_hash_table_lookup (tallies, question_id);
      if (tally != NULL && tally->tested > 0)
        shown_add_answer (&shown, version, tally->tested - 1, stmt, 3);

      /* Answers to questions this version does not ask, or only tested,
       * and those of respondents in no group. */
      if (tally == NULL || tally->results == NULL || key == NULL || (by_group && group < 0))
        continue;

      /* Without a refusal choice, an answer spelled like one is an answer. */
      refusal = tally->refusal_allowed && g_str_equal (key, RC_PREFER_NOT_TO_ANSWER);
      if (!by_group && refusal && tally->refused_by != response)
        {
          tally->refused_by = response;
          tally->results->refused++;
        }
      else if (!by_group && !refusal && tally->answered_by != response)
        {
          tally->answered_by = response;
          tally->results->answered++;
        }

      switch (tally->results->question->type)
        {
        case RC_QUESTION_NUMBER:
          if (sqlite3_column_type (stmt, 3) == SQLITE_INTEGER)
            {
              NumberCount number = { sqlite3_column_int64 (stmt, 3), group, 1 };

              g_array_append_val (tally->numbers, number);
            }
          break;

        case RC_QUESTION_SINGLE_CHOICE:
        case RC_QUESTION_MULTIPLE_CHOICE:
        case RC_QUESTION_YES_NO:
        case RC_QUESTION_SCALE:
          if (refusal)
            break;
          bar = find_bar (counting, tally->results, key);
          if (by_group)
            bar->group_counts[group]++;
          else
            bar->count++;
          break;

        case RC_QUESTION_SHORT_TEXT:
        case RC_QUESTION_LONG_TEXT:
        case RC_QUESTION_NOTE:
        default:
          break;
        }
    }

  if (reading && rc == SQLITE_DONE)
    shown_count_response (&shown, version, by_group, group);
  shown_clear (&shown);

  if (stopped)
    {
      sqlite3_finalize (stmt);
      return FALSE;
    }
  /* The bar goes to the pass's end, though a breakdown's pass reads only
   * the responses in a group. */
  counting->passes_done++;
  tell_progress (counting, 0);

  return finish (counting, stmt, rc, error);
}

static gboolean
collect_texts (Counting           *counting,
               RcQuestionResults  *results,
               GError            **error)
{
  gboolean walk_back = results->answered * 8 >= counting->results->total;
  sqlite3_stmt *stmt;
  int rc;

  results->texts = g_ptr_array_new_with_free_func (g_free);

  /* When one respondent in eight or more answered, the newest answers are
   * found walking back from the newest response: a few thousand steps,
   * where reading every answer to the question and sorting them took
   * 150-450 ms at 100,000 responses. For a question few answered, the
   * walk could go through every response, so its answers are read by the
   * question's index and sorted. */
  if (walk_back)
    stmt = prepare (counting,
                    "SELECT a.value FROM responses r INDEXED BY responses_by_time "
                    "CROSS JOIN answers a ON a.response_id = r.id AND a.question_id = ?6 "
                    "WHERE " RC_RESULTS_FILTER " ORDER BY r.submitted_at DESC, r.id LIMIT ?7",
                    error);
  else
    stmt = prepare (counting,
                    "SELECT a.value FROM answers a JOIN responses r ON r.id = a.response_id "
                    "WHERE a.question_id = ?6 AND " RC_RESULTS_FILTER " "
                    "ORDER BY r.submitted_at DESC, r.id LIMIT ?7",
                    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 6, results->question->id, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 7, RC_RESULTS_MAX_TEXTS);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (results->texts, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));

  return finish (counting, stmt, rc, error);
}

static RcQuestionResults *
question_results_new (Counting   *counting,
                      RcQuestion *question)
{
  RcQuestionResults *results = g_new0 (RcQuestionResults, 1);

  results->question = question;
  results->bars = g_ptr_array_new_with_free_func ((GDestroyNotify)bar_free);
  add_offered_bars (counting, results);
  if (counting->results->groups != NULL)
    results->group_shown = g_new0 (gint64, counting->results->groups->len);

  return results;
}

static gboolean
count_questions (Counting  *counting,
                 GError   **error)
{
  RcResults *results = counting->results;
  GPtrArray *questions = rc_survey_get_questions (results->survey);
  g_autoptr(GHashTable) numbers = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                          (GDestroyNotify)g_array_unref);
  gboolean by_group = results->breakdown != NULL;

  for (guint i = 0; i < questions->len; i++)
    {
      RcQuestion *question = g_ptr_array_index (questions, i);
      RcQuestionResults *question_results;

      if (question->type == RC_QUESTION_NOTE)
        continue;

      question_results = question_results_new (counting, question);
      g_ptr_array_add (results->questions, question_results);
      g_hash_table_insert (counting->by_id, question->id, question_results);
      if (question->type == RC_QUESTION_NUMBER)
        g_hash_table_insert (numbers, question->id, g_array_new (FALSE, FALSE, sizeof (NumberCount)));
    }

  if (g_cancellable_set_error_if_cancelled (counting->cancellable, error) ||
      !count_answers (counting, FALSE, numbers, error) ||
      (by_group && !count_answers (counting, TRUE, numbers, error)))
    return FALSE;

  for (guint i = 0; i < results->questions->len; i++)
    {
      RcQuestionResults *question_results = g_ptr_array_index (results->questions, i);
      GArray *values = g_hash_table_lookup (numbers, question_results->question->id);

      if (values != NULL)
        finish_numbers (counting, question_results, values);

      if ((question_results->question->type == RC_QUESTION_SHORT_TEXT ||
           question_results->question->type == RC_QUESTION_LONG_TEXT) &&
          (g_cancellable_set_error_if_cancelled (counting->cancellable, error) ||
           !collect_texts (counting, question_results, error)))
        return FALSE;
    }

  return TRUE;
}

static gboolean
load_surveys (Counting  *counting,
              GError   **error)
{
  sqlite3_stmt *stmt;
  int rc;

  counting->surveys = g_ptr_array_new_with_free_func (g_object_unref);

  if (counting->filter->survey_id != NULL)
    counting->survey_id = g_strdup (counting->filter->survey_id);
  else
    {
      stmt = rc_database_prepare (counting->database,
                                  /* The latest time first, from its index: ordered
                                   * by both, SQLite sorted every response. */
                                  "SELECT survey_id FROM responses "
                                  "WHERE submitted_at = (SELECT max (submitted_at) FROM responses) "
                                  "ORDER BY survey_version DESC LIMIT 1",
                                  error);
      if (stmt == NULL)
        return FALSE;
      if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          counting->survey_id = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
          rc = sqlite3_step (stmt);
        }
      if (!finish (counting, stmt, rc, error))
        return FALSE;
      if (counting->survey_id == NULL)
        return TRUE;
    }

  stmt = rc_database_prepare (counting->database,
                              "SELECT version, definition FROM surveys "
                              "WHERE id = ?1 AND (?2 = 0 OR version = ?2) ORDER BY version DESC",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, counting->survey_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, counting->filter->survey_version);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RcSurvey *survey = rc_response_store_read_survey (counting->database, counting->survey_id,
                                                        sqlite3_column_int64 (stmt, 0),
                                                        (const char *)sqlite3_column_text (stmt, 1),
                                                        sqlite3_column_bytes (stmt, 1), error);

      if (survey == NULL)
        {
          sqlite3_finalize (stmt);
          return FALSE;
        }
      g_ptr_array_add (counting->surveys, survey);
      g_array_append_val (counting->results->versions, (gint64) { rc_survey_get_version (survey) });
    }

  return finish (counting, stmt, rc, error);
}

static gboolean
count_groups (Counting  *counting,
              GError   **error)
{
  RcResults *results = counting->results;
  RcQuestion *breakdown;
  sqlite3_stmt *stmt;
  int rc;

  breakdown = rc_survey_lookup_question (results->survey, counting->filter->breakdown);
  if (breakdown == NULL || breakdown->type != RC_QUESTION_SINGLE_CHOICE)
    {
      g_set_error (error, RC_SURVEY_ERROR, RC_SURVEY_ERROR_INVALID,
                   _("The survey has no single-choice question “%s” to break the answers down by"),
                   counting->filter->breakdown);
      return FALSE;
    }

  results->breakdown = breakdown;
  results->groups = g_ptr_array_new_with_free_func ((GDestroyNotify)bar_free);
  for (guint i = 0; i < breakdown->options->len; i++)
    {
      RcOption *option = g_ptr_array_index (breakdown->options, i);
      RcResultsBar *group = g_new0 (RcResultsBar, 1);

      group->key = g_strdup (option->id);
      group->label = g_strdup (rc_text_pick (&option->label, results->language));
      g_ptr_array_add (results->groups, group);
    }

  stmt = prepare (counting,
                  "SELECT b.value, count(*) FROM responses r "
                  "JOIN answers b ON b.response_id = r.id AND b.question_id = ?6 "
                  "WHERE " RC_RESULTS_FILTER " GROUP BY 1",
                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 6, breakdown->id, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint group = find_group (counting, (const char *)sqlite3_column_text (stmt, 0));

      if (group >= 0)
        ((RcResultsBar *)g_ptr_array_index (results->groups, group))->count = sqlite3_column_int64 (stmt, 1);
    }

  return finish (counting, stmt, rc, error);
}

static gboolean
count_weeks (Counting  *counting,
             GError   **error)
{
  RcResults *results = counting->results;
  sqlite3_stmt *stmt;
  GDate next;
  int rc;

  stmt = prepare (counting,
                  "SELECT date (substr (r.submitted_at, 1, 10), '-6 days', 'weekday 1'), count(*), "
                  "min (r.submitted_at), max (r.submitted_at) "
                  "FROM responses r WHERE " RC_RESULTS_FILTER " GROUP BY 1 ORDER BY 1",
                  error);
  if (stmt == NULL)
    return FALSE;

  g_date_clear (&next, 1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *monday = (const char *)sqlite3_column_text (stmt, 0);
      RcWeekCount week = { .count = 0 };
      GDate day;

      if (monday == NULL)
        continue;

      g_date_clear (&day, 1);
      g_date_set_parse (&day, monday);
      if (!g_date_valid (&day))
        continue;

      /* Weeks without a response are there too, as zero. */
      while (g_date_valid (&next) && g_date_compare (&next, &day) < 0)
        {
          g_date_strftime (week.week, sizeof week.week, "%Y-%m-%d", &next);
          g_array_append_val (results->weeks, week);
          g_date_add_days (&next, 7);
        }

      g_strlcpy (week.week, monday, sizeof week.week);
      week.count = sqlite3_column_int64 (stmt, 1);
      g_array_append_val (results->weeks, week);
      next = day;
      g_date_add_days (&next, 7);

      if (results->first == NULL)
        results->first = g_strndup ((const char *)sqlite3_column_text (stmt, 2), 10);
      g_free (results->last);
      results->last = g_strndup ((const char *)sqlite3_column_text (stmt, 3), 10);
      results->total += week.count;
    }

  return finish (counting, stmt, rc, error);
}

/**
 * rc_results_filter_check:
 * @filter: the responses to count
 * @error: a location for a #GError
 *
 * Whether the days of @filter are days, before any data folder is opened.
 *
 * Returns: %TRUE when they are, or %FALSE with @error naming the one
 *   that is not
 */
gboolean
rc_results_filter_check (const RcResultsFilter  *filter,
                         GError                **error)
{
  g_return_val_if_fail (filter != NULL, FALSE);

  return (filter->since == NULL || rc_export_check_date (filter->since, error)) &&
         (filter->until == NULL || rc_export_check_date (filter->until, error));
}

/**
 * rc_results_new:
 * @database: a database
 * @filter: which responses to count, and how to break them down
 * @language: "kk", "ru" or "en": the language of the labels
 * @progress: (nullable): the responses to read and those read, updated
 *   from this thread
 * @cancellable: (nullable): stops the count
 * @error: a location for a #GError
 *
 * Counts the answers to every question of a survey by SQL, in one read
 * transaction so the numbers agree with each other. A percentage of a
 * question is of the respondents it was shown to.
 *
 * Returns: (transfer full): the results, or %NULL with @error set
 */
RcResults *
rc_results_new (RcDatabase             *database,
                const RcResultsFilter  *filter,
                const char             *language,
                RcProgress             *progress,
                GCancellable           *cancellable,
                GError                **error)
{
  g_autoptr(RcResults) results = g_new0 (RcResults, 1);
  Counting counting = { 0, };
  gboolean ok = FALSE;

  g_return_val_if_fail (RC_IS_DATABASE (database), NULL);
  g_return_val_if_fail (filter != NULL, NULL);
  g_return_val_if_fail (language != NULL, NULL);

  if (!rc_results_filter_check (filter, error))
    return NULL;

  results->language = g_strdup (language);
  results->min_cell = filter->min_cell > 0 ? filter->min_cell : RC_RESULTS_DEFAULT_MIN_CELL;
  results->versions = g_array_new (FALSE, FALSE, sizeof (gint64));
  results->weeks = g_array_new (FALSE, FALSE, sizeof (RcWeekCount));
  results->questions = g_ptr_array_new_with_free_func ((GDestroyNotify)question_results_free);

  counting.database = database;
  counting.filter = filter;
  counting.results = results;
  counting.until_next_day = filter->until ? rc_export_day_after (filter->until) : NULL;
  counting.by_id = g_hash_table_new (g_str_hash, g_str_equal);
  counting.progress = progress;
  counting.cancellable = cancellable;

  if (!rc_database_exec (database, "BEGIN", error))
    goto out;

  if (!load_surveys (&counting, error))
    goto rollback;

  if (counting.surveys->len == 0)
    {
      ok = TRUE;
      goto rollback;
    }

  results->survey = g_object_ref (g_ptr_array_index (counting.surveys, 0));

  if (!count_weeks (&counting, error) ||
      (filter->breakdown != NULL && !count_groups (&counting, error)))
    goto rollback;

  if (progress != NULL)
    g_atomic_int_set (&progress->total,
                      (gint)MIN (results->total * (filter->breakdown != NULL ? 2 : 1), G_MAXINT));

  if (!count_questions (&counting, error))
    goto rollback;

  ok = TRUE;

rollback:
  /* Only read: ending it either way keeps what is stored as it was. */
  rc_database_exec (database, "ROLLBACK", NULL);

out:
  g_free (counting.survey_id);
  g_free (counting.until_next_day);
  g_clear_pointer (&counting.surveys, g_ptr_array_unref);
  g_clear_pointer (&counting.by_id, g_hash_table_unref);

  return ok ? g_steal_pointer (&results) : NULL;
}

/**
 * rc_results_format_counts:
 * @question: the results of a question
 *
 * Returns: (transfer full): to how many respondents the question was
 *   shown, how many answered it, and how many preferred not to
 */
char *
rc_results_format_counts (const RcQuestionResults *question)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *shown = NULL;
  g_autofree char *answered = NULL;

  g_return_val_if_fail (question != NULL, NULL);

  shown = rc_text_format_count (question->shown);
  answered = rc_text_format_count (question->answered);
  /* Translators: how many respondents a question was shown to and how
   * many answered it; “·” separates the figures */
  g_string_append_printf (text, _("Shown: %s · Answered: %s"), shown, answered);
  if (question->question->prefer_not_to_answer || question->refused > 0)
    {
      g_autofree char *refused = rc_text_format_count (question->refused);

      g_string_append (text, " · ");
      g_string_append_printf (text, _("Preferred not to answer: %s"), refused);
    }
  if (question->question->type == RC_QUESTION_NUMBER && question->answered > 0)
    {
      g_autofree char *mean = rc_text_format_tenths (question->mean);
      g_autofree char *median = rc_text_format_tenths (question->median);
      g_autofree char *min = rc_text_format_count (question->min);
      g_autofree char *max = rc_text_format_count (question->max);

      g_string_append (text, "\n");
      /* Translators: figures of the numbers given in answer to a question,
       * each written as your language writes numbers ("1,234.5") */
      g_string_append_printf (text, _("Mean: %s · Median: %s · From %s to %s"), mean, median, min, max);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}
