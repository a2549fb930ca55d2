/* rc-response-table.c
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rc-i18n.h"
#include "rc-json.h"
#include "rc-response-table.h"

/* Where one question of one survey version goes in a row. */
typedef struct
{
  guint  answer;               /* NO_COLUMN for a multiple choice or a note */
  guint  refusal;              /* NO_COLUMN when not offered */
  guint *options;              /* per option, for a multiple choice */
} QuestionPlace;

typedef struct
{
  RcSurvey      *survey;
  QuestionPlace *places;       /* by question position */
  GHashTable    *positions;    /* question id → position + 1 */
  guint          last_position; /* of the question found last, + 1 */
} SurveyLayout;

struct _RcResponseTable
{
  GPtrArray  *columns;         /* RcColumn */
  GHashTable *column_by_name;  /* name → index + 1 */
  GPtrArray  *layouts;         /* SurveyLayout, newest survey first */
  SurveyLayout *last_layout;   /* the one asked for last: rows come in runs */
};

#define NO_COLUMN G_MAXUINT

static const struct {
  const char   *name;
  RcColumnType  type;
} response_columns[RC_N_RESPONSE_COLUMNS] = {
  [RC_COLUMN_RESPONSE_ID] = { "response_id", RC_COLUMN_STRING },
  [RC_COLUMN_SURVEY_ID] = { "survey_id", RC_COLUMN_STRING },
  [RC_COLUMN_SURVEY_VERSION] = { "survey_version", RC_COLUMN_INTEGER },
  [RC_COLUMN_DEVICE_ID] = { "device_id", RC_COLUMN_STRING },
  [RC_COLUMN_LANGUAGE] = { "language", RC_COLUMN_STRING },
  [RC_COLUMN_SUBMITTED_AT] = { "submitted_at", RC_COLUMN_DATETIME },
  [RC_COLUMN_DURATION_MINUTES] = { "duration_minutes", RC_COLUMN_INTEGER },
};

static void
column_free (RcColumn *column)
{
  g_free (column->name);
  g_free (column->question_id);
  g_free (column->option_id);
  g_free (column);
}

static void
layout_free (SurveyLayout *layout)
{
  GPtrArray *questions = rc_survey_get_questions (layout->survey);

  for (guint i = 0; i < questions->len; i++)
    g_free (layout->places[i].options);
  g_free (layout->places);
  g_hash_table_unref (layout->positions);
  g_object_unref (layout->survey);
  g_free (layout);
}

/* The column called @name with this type and role, added at the end when
 * there is none; a name an older version used with another type gets the
 * version as a suffix, so a column always holds one kind of value. */
static guint
place_column (RcResponseTable *self,
              RcSurvey        *survey,
              RcQuestion      *question,
              const char      *name,
              RcColumnType     type,
              RcColumnRole     role,
              const char      *option_id)
{
  g_autofree char *versioned = NULL;
  gint64 only_version = 0;
  RcColumn *column;
  guint index;

  for (guint attempt = 0; attempt < 2; attempt++)
    {
      index = GPOINTER_TO_UINT (g_hash_table_lookup (self->column_by_name, name));
      if (index == 0)
        break;

      column = g_ptr_array_index (self->columns, index - 1);
      if (column->type == type && column->role == role)
        return index - 1;

      versioned = g_strdup_printf ("%s@v%" G_GINT64_FORMAT, name, rc_survey_get_version (survey));
      name = versioned;
      only_version = rc_survey_get_version (survey);
    }

  /* Two versions both clashing under the same suffixed name cannot happen:
   * one version has one question of an id. */
  g_assert (index == 0);

  column = g_new0 (RcColumn, 1);
  column->name = g_strdup (name);
  column->type = type;
  column->role = role;
  column->question_id = g_strdup (question->id);
  column->option_id = g_strdup (option_id);
  column->only_version = only_version;
  column->question = question;
  g_ptr_array_add (self->columns, column);
  g_hash_table_insert (self->column_by_name, column->name, GUINT_TO_POINTER (self->columns->len));

  return self->columns->len - 1;
}

static void
place_question (RcResponseTable *self,
                RcSurvey        *survey,
                RcQuestion      *question,
                QuestionPlace   *place)
{
  place->answer = NO_COLUMN;
  place->refusal = NO_COLUMN;

  switch (question->type)
    {
    case RC_QUESTION_SINGLE_CHOICE:
    case RC_QUESTION_YES_NO:
    case RC_QUESTION_SHORT_TEXT:
    case RC_QUESTION_LONG_TEXT:
      place->answer = place_column (self, survey, question, question->id,
                                    RC_COLUMN_STRING, RC_COLUMN_ANSWER, NULL);
      /* A refusal is one more code of the answer. */
      return;

    case RC_QUESTION_SCALE:
    case RC_QUESTION_NUMBER:
      place->answer = place_column (self, survey, question, question->id,
                                    RC_COLUMN_NULLABLE_INTEGER, RC_COLUMN_ANSWER, NULL);
      break;

    case RC_QUESTION_MULTIPLE_CHOICE:
      place->options = g_new (guint, question->options->len);
      for (guint i = 0; i < question->options->len; i++)
        {
          RcOption *option = g_ptr_array_index (question->options, i);
          g_autofree char *name = g_strdup_printf ("%s.%s", question->id, option->id);

          place->options[i] = place_column (self, survey, question, name,
                                            RC_COLUMN_NULLABLE_INTEGER, RC_COLUMN_OPTION, option->id);
        }
      break;

    case RC_QUESTION_NOTE:
    default:
      return;
    }

  if (question->prefer_not_to_answer)
    {
      g_autofree char *name = g_strdup_printf ("%s.%s", question->id, RC_PREFER_NOT_TO_ANSWER);

      place->refusal = place_column (self, survey, question, name,
                                     RC_COLUMN_NULLABLE_INTEGER, RC_COLUMN_REFUSAL,
                                     RC_PREFER_NOT_TO_ANSWER);
    }
}

/**
 * rc_response_table_new:
 * @surveys: (element-type RcSurvey): the survey versions whose responses
 *   the table holds, the newest first
 *
 * Lays out the columns: the response's own, then those of every question
 * of the newest version in its order, then what older versions add.
 *
 * Returns: (transfer full): a new table layout
 */
RcResponseTable *
rc_response_table_new (GPtrArray *surveys)
{
  RcResponseTable *self;

  g_return_val_if_fail (surveys != NULL, NULL);

  self = g_new0 (RcResponseTable, 1);
  self->columns = g_ptr_array_new_with_free_func ((GDestroyNotify)column_free);
  self->column_by_name = g_hash_table_new (g_str_hash, g_str_equal);
  self->layouts = g_ptr_array_new_with_free_func ((GDestroyNotify)layout_free);

  for (guint i = 0; i < RC_N_RESPONSE_COLUMNS; i++)
    {
      RcColumn *column = g_new0 (RcColumn, 1);

      column->name = g_strdup (response_columns[i].name);
      column->type = response_columns[i].type;
      column->role = i;
      g_ptr_array_add (self->columns, column);
      g_hash_table_insert (self->column_by_name, column->name, GUINT_TO_POINTER (i + 1));
    }

  for (guint i = 0; i < surveys->len; i++)
    {
      SurveyLayout *layout = g_new0 (SurveyLayout, 1);
      GPtrArray *questions;

      layout->survey = g_object_ref (g_ptr_array_index (surveys, i));
      questions = rc_survey_get_questions (layout->survey);
      layout->places = g_new0 (QuestionPlace, questions->len);
      layout->positions = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint q = 0; q < questions->len; q++)
        {
          RcQuestion *question = g_ptr_array_index (questions, q);

          place_question (self, layout->survey, question, &layout->places[q]);
          g_hash_table_insert (layout->positions, question->id, GUINT_TO_POINTER (q + 1));
        }
      g_ptr_array_add (self->layouts, layout);
    }

  return self;
}

void
rc_response_table_free (RcResponseTable *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->layouts);
  g_hash_table_unref (self->column_by_name);
  g_ptr_array_unref (self->columns);
  g_free (self);
}

guint
rc_response_table_get_n_columns (RcResponseTable *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->columns->len;
}

const RcColumn *
rc_response_table_get_column (RcResponseTable *self,
                              guint            column)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);

  return g_ptr_array_index (self->columns, column);
}

static SurveyLayout *
lookup_layout (RcResponseTable *self,
               const char      *survey_id,
               gint64           version)
{
  if (self->last_layout != NULL &&
      rc_survey_get_version (self->last_layout->survey) == version &&
      g_str_equal (rc_survey_get_id (self->last_layout->survey), survey_id))
    return self->last_layout;

  for (guint i = 0; i < self->layouts->len; i++)
    {
      SurveyLayout *layout = g_ptr_array_index (self->layouts, i);

      if (rc_survey_get_version (layout->survey) == version &&
          g_str_equal (rc_survey_get_id (layout->survey), survey_id))
        return self->last_layout = layout;
    }

  return NULL;
}

/**
 * rc_response_table_lookup_survey:
 *
 * Returns: (transfer none) (nullable): the survey version of this table
 */
RcSurvey *
rc_response_table_lookup_survey (RcResponseTable *self,
                                 const char      *survey_id,
                                 gint64           version)
{
  SurveyLayout *layout;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (survey_id != NULL, NULL);

  layout = lookup_layout (self, survey_id, version);
  return layout ? layout->survey : NULL;
}

/* The kiosk's wall-clock time, without the offset: a day alone when only
 * the day was kept. The same across kiosks, and what pandas, R and Excel
 * read as a date or a date and time. */
static const char *
exported_time (const char *stored,
               char        buffer[20])
{
  if (strlen (stored) <= 19)
    return stored;

  memcpy (buffer, stored, 19);
  buffer[19] = '\0';
  return buffer;
}

static void
set_string (RcCell     *cell,
            const char *string)
{
  cell->kind = RC_CELL_STRING;
  cell->string = string;
}

static void
set_integer (RcCell *cell,
             gint64  integer)
{
  cell->kind = RC_CELL_INTEGER;
  cell->integer = integer;
}

/**
 * rc_response_table_begin_row:
 * @survey: the survey version the response was given under
 * @cells: (array): a cell per column, set here; strings point into the
 *   arguments and @time_buffer
 * @time_buffer: room for the exported time of submission
 *
 * Starts the row of one stored response: its own columns, and every answer
 * column null until rc_response_table_fill_answer() fills it.
 */
void
rc_response_table_begin_row (RcResponseTable *self,
                             RcSurvey        *survey,
                             const char      *response_id,
                             const char      *device_id,
                             const char      *language,
                             const char      *submitted_at,
                             gint64           duration_minutes,
                             RcCell          *cells,
                             char             time_buffer[20])
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (RC_IS_SURVEY (survey));

  set_string (&cells[RC_COLUMN_RESPONSE_ID], response_id);
  set_string (&cells[RC_COLUMN_SURVEY_ID], rc_survey_get_id (survey));
  set_integer (&cells[RC_COLUMN_SURVEY_VERSION], rc_survey_get_version (survey));
  set_string (&cells[RC_COLUMN_DEVICE_ID], device_id);
  set_string (&cells[RC_COLUMN_LANGUAGE], language);
  set_string (&cells[RC_COLUMN_SUBMITTED_AT], exported_time (submitted_at, time_buffer));
  set_integer (&cells[RC_COLUMN_DURATION_MINUTES], duration_minutes);

  for (guint i = RC_N_RESPONSE_COLUMNS; i < self->columns->len; i++)
    cells[i].kind = RC_CELL_NULL;
}

static const char *
question_id_at (GPtrArray *questions,
                guint      position)
{
  return ((RcQuestion *)g_ptr_array_index (questions, position))->id;
}

/* The question @question_id of @survey that takes an answer, and where it
 * goes; %NULL for anything else. */
static RcQuestion *
lookup_question (RcResponseTable  *self,
                 RcSurvey         *survey,
                 const char       *question_id,
                 QuestionPlace   **place)
{
  SurveyLayout *layout = self->last_layout != NULL && self->last_layout->survey == survey
                         ? self->last_layout
                         : lookup_layout (self, rc_survey_get_id (survey), rc_survey_get_version (survey));
  GPtrArray *questions;
  guint position;
  RcQuestion *question;

  g_return_val_if_fail (layout != NULL, NULL);

  /* Answers are stored in the order of the questions, and a choice list
   * names its question for every option: the question asked for is most
   * often the one found last, or the next. */
  questions = rc_survey_get_questions (survey);
  position = layout->last_position;
  if (position == 0 || !g_str_equal (question_id_at (questions, position - 1), question_id))
    {
      if (position < questions->len && g_str_equal (question_id_at (questions, position), question_id))
        position++;
      else
        position = GPOINTER_TO_UINT (g_hash_table_lookup (layout->positions, question_id));
    }
  if (position == 0)
    return NULL;
  layout->last_position = position;

  question = g_ptr_array_index (questions, position - 1);
  if (!rc_question_has_answer (question))
    return NULL;

  *place = &layout->places[position - 1];
  return question;
}

/**
 * rc_response_table_fill_answer:
 * @question_id: the question answered; one the survey does not have, or
 *   that takes no answer, changes nothing
 * @kind: what the stored answer is
 * @integer: the answer, for %RC_STORED_INTEGER
 * @string: the answer, for %RC_STORED_STRING; the cell points to it
 *
 * Fills the columns of one answer of the row begun with
 * rc_response_table_begin_row(). A multiple choice's options all read 0
 * until rc_response_table_fill_choice() picks them.
 */
void
rc_response_table_fill_answer (RcResponseTable *self,
                               RcSurvey        *survey,
                               RcCell          *cells,
                               const char      *question_id,
                               RcStoredKind     kind,
                               gint64           integer,
                               const char      *string)
{
  QuestionPlace *place = NULL;
  RcQuestion *question = lookup_question (self, survey, question_id, &place);
  gboolean refused;

  if (question == NULL)
    return;

  refused = kind == RC_STORED_STRING && g_str_equal (string, RC_PREFER_NOT_TO_ANSWER);

  if (place->refusal != NO_COLUMN)
    set_integer (&cells[place->refusal], refused);

  if (question->type == RC_QUESTION_MULTIPLE_CHOICE)
    {
      for (guint i = 0; i < question->options->len; i++)
        set_integer (&cells[place->options[i]], 0);
    }
  else if (kind == RC_STORED_INTEGER && place->answer != NO_COLUMN)
    set_integer (&cells[place->answer], integer);
  else if (kind == RC_STORED_STRING && place->answer != NO_COLUMN &&
           !(refused && place->refusal != NO_COLUMN))
    set_string (&cells[place->answer], string);
}

/**
 * rc_response_table_fill_choice:
 * @question_id: a multiple choice answered with rc_response_table_fill_answer()
 * @option_id: one of the options she picked
 *
 * Marks one picked option of a multiple choice. An option the question
 * does not have picks nothing.
 */
void
rc_response_table_fill_choice (RcResponseTable *self,
                               RcSurvey        *survey,
                               RcCell          *cells,
                               const char      *question_id,
                               const char      *option_id)
{
  QuestionPlace *place = NULL;
  RcQuestion *question = lookup_question (self, survey, question_id, &place);

  if (question == NULL || question->type != RC_QUESTION_MULTIPLE_CHOICE)
    return;

  for (guint i = 0; i < question->options->len; i++)
    {
      RcOption *option = g_ptr_array_index (question->options, i);

      if (g_str_equal (option->id, option_id))
        {
          set_integer (&cells[place->options[i]], 1);
          break;
        }
    }
}

/**
 * rc_response_table_fill_answers:
 * @survey: the survey version the response was given under
 * @cells: (array): the row begun with rc_response_table_begin_row()
 * @answers: the stored answers, which the cells' strings point into
 *
 * Fills the columns of every answer in @answers. What the database holds
 * is not trusted to be what the app wrote there: anything of another
 * shape fills nothing.
 */
void
rc_response_table_fill_answers (RcResponseTable *self,
                                RcSurvey        *survey,
                                RcCell          *cells,
                                JsonObject      *answers)
{
  JsonObjectIter iter;
  const char *question_id;
  JsonNode *answer;

  g_return_if_fail (self != NULL);
  g_return_if_fail (RC_IS_SURVEY (survey));

  json_object_iter_init (&iter, answers);
  while (json_object_iter_next (&iter, &question_id, &answer))
    {
      if (rc_json_is_integer (answer))
        rc_response_table_fill_answer (self, survey, cells, question_id,
                                       RC_STORED_INTEGER, json_node_get_int (answer), NULL);
      else if (rc_json_is_string (answer))
        rc_response_table_fill_answer (self, survey, cells, question_id,
                                       RC_STORED_STRING, 0, json_node_get_string (answer));
      else
        rc_response_table_fill_answer (self, survey, cells, question_id, RC_STORED_OTHER, 0, NULL);

      if (JSON_NODE_HOLDS_ARRAY (answer))
        {
          JsonArray *chosen = json_node_get_array (answer);

          for (guint c = 0; c < json_array_get_length (chosen); c++)
            {
              JsonNode *element = json_array_get_element (chosen, c);

              if (rc_json_is_string (element))
                rc_response_table_fill_choice (self, survey, cells, question_id, json_node_get_string (element));
            }
        }
    }
}

/**
 * rc_response_table_fill_row:
 * @survey: the survey version the response was given under
 * @answers: the stored answers
 * @cells: (array): a cell per column, set here; strings point into the
 *   arguments and @time_buffer
 * @time_buffer: room for the exported time of submission
 *
 * The row of one stored response. A question not shown or not answered is
 * null in every column of it.
 */
void
rc_response_table_fill_row (RcResponseTable *self,
                            RcSurvey        *survey,
                            const char      *response_id,
                            const char      *device_id,
                            const char      *language,
                            const char      *submitted_at,
                            gint64           duration_minutes,
                            JsonObject      *answers,
                            RcCell          *cells,
                            char             time_buffer[20])
{
  rc_response_table_begin_row (self, survey, response_id, device_id, language, submitted_at,
                               duration_minutes, cells, time_buffer);
  rc_response_table_fill_answers (self, survey, cells, answers);
}

static gboolean
read_flag (JsonObject  *record,
           const char  *name,
           gboolean    *is_set,
           gboolean    *flag,
           GError     **error)
{
  JsonNode *cell = json_object_get_member (record, name);

  *is_set = FALSE;
  if (cell == NULL || JSON_NODE_HOLDS_NULL (cell))
    return TRUE;

  if (!rc_json_is_integer (cell) || (json_node_get_int (cell) != 0 && json_node_get_int (cell) != 1))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("column “%s” holds something other than 0, 1 or null"), name);
      return FALSE;
    }

  *is_set = TRUE;
  *flag = json_node_get_int (cell) == 1;
  return TRUE;
}

/**
 * rc_response_table_read_answers:
 * @survey: the survey version the record was answered under
 * @record: a row of an export, by column name
 * @error: a location for a #GError
 *
 * The inverse of rc_response_table_fill_answers(): the answers a row
 * stands for, not yet checked against the survey's rules.
 *
 * Returns: (transfer full): a JSON object of answers, or %NULL with @error
 *   naming the column at fault
 */
JsonNode *
rc_response_table_read_answers (RcResponseTable  *self,
                                RcSurvey         *survey,
                                JsonObject       *record,
                                GError          **error)
{
  g_autoptr(JsonObject) answers = json_object_new ();
  SurveyLayout *layout;
  GPtrArray *questions;
  JsonNode *node;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (RC_IS_SURVEY (survey), NULL);
  g_return_val_if_fail (record != NULL, NULL);

  layout = lookup_layout (self, rc_survey_get_id (survey), rc_survey_get_version (survey));
  g_return_val_if_fail (layout != NULL, NULL);

  questions = rc_survey_get_questions (survey);
  for (guint q = 0; q < questions->len; q++)
    {
      RcQuestion *question = g_ptr_array_index (questions, q);
      QuestionPlace *place = &layout->places[q];
      gboolean has_refusal = FALSE, refused = FALSE;
      JsonNode *answer = NULL;

      if (place->refusal != NO_COLUMN &&
          !read_flag (record, rc_response_table_get_column (self, place->refusal)->name,
                      &has_refusal, &refused, error))
        return NULL;

      if (question->type == RC_QUESTION_MULTIPLE_CHOICE)
        {
          g_autoptr(JsonArray) chosen = json_array_new ();

          for (guint i = 0; i < question->options->len; i++)
            {
              RcOption *option = g_ptr_array_index (question->options, i);
              gboolean is_set, picked = FALSE;

              if (!read_flag (record, rc_response_table_get_column (self, place->options[i])->name,
                              &is_set, &picked, error))
                return NULL;
              if (picked)
                json_array_add_string_element (chosen, option->id);
            }

          if (json_array_get_length (chosen) > 0)
            answer = json_node_init_array (json_node_alloc (), chosen);
        }
      else if (place->answer != NO_COLUMN)
        {
          const RcColumn *column = rc_response_table_get_column (self, place->answer);
          JsonNode *cell = json_object_get_member (record, column->name);
          gboolean fits;

          if (cell != NULL && !JSON_NODE_HOLDS_NULL (cell))
            {
              fits = column->type == RC_COLUMN_STRING ? rc_json_is_string (cell) : rc_json_is_integer (cell);
              if (!fits)
                {
                  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               column->type == RC_COLUMN_STRING
                               ? _("column “%s” holds something other than a text")
                               : _("column “%s” holds something other than a whole number"),
                               column->name);
                  return NULL;
                }
              answer = json_node_copy (cell);
            }
        }

      if (refused)
        {
          if (answer != NULL)
            {
              json_node_unref (answer);
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("question “%s” is both answered and declined"), question->id);
              return NULL;
            }
          answer = json_node_init_string (json_node_alloc (), RC_PREFER_NOT_TO_ANSWER);
        }

      if (answer != NULL)
        json_object_set_member (answers, question->id, answer);
    }

  node = json_node_init_object (json_node_alloc (), answers);
  return node;
}
