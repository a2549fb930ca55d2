/* rc-response-table.h: responses as one flat table, the shape of every export
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rc-survey.h"

G_BEGIN_DECLS

typedef enum
{
  RC_COLUMN_STRING,
  RC_COLUMN_INTEGER,            /* never null */
  RC_COLUMN_NULLABLE_INTEGER,
  RC_COLUMN_DATETIME,
} RcColumnType;

typedef enum
{
  RC_COLUMN_RESPONSE_ID,
  RC_COLUMN_SURVEY_ID,
  RC_COLUMN_SURVEY_VERSION,
  RC_COLUMN_DEVICE_ID,
  RC_COLUMN_LANGUAGE,
  RC_COLUMN_SUBMITTED_AT,
  RC_COLUMN_DURATION_MINUTES,
  RC_COLUMN_ANSWER,             /* the answer to a question */
  RC_COLUMN_OPTION,             /* 0 or 1: one option of a multiple choice */
  RC_COLUMN_REFUSAL,            /* 0 or 1: "I prefer not to answer" of a number */
} RcColumnRole;

/* The columns every export starts with, in this order. */
#define RC_N_RESPONSE_COLUMNS (RC_COLUMN_DURATION_MINUTES + 1)

typedef struct
{
  char         *name;
  RcColumnType  type;
  RcColumnRole  role;
  char         *question_id;    /* NULL for the response's own columns */
  char         *option_id;      /* for options and refusals */
  gint64        only_version;   /* 0, or the version whose type differs */
  RcQuestion   *question;       /* of the newest survey that has it */
} RcColumn;

typedef enum
{
  RC_CELL_NULL,
  RC_CELL_INTEGER,
  RC_CELL_STRING,
} RcCellKind;

/* One value of a row; a string points into the row's data. */
typedef struct
{
  RcCellKind  kind;
  gint64      integer;
  const char *string;
} RcCell;

/* What a stored answer is, as far as a row cares. */
typedef enum
{
  RC_STORED_INTEGER,
  RC_STORED_STRING,
  RC_STORED_OTHER,              /* a list of choices, or what the app never writes */
} RcStoredKind;

typedef struct _RcResponseTable RcResponseTable;

RcResponseTable *rc_response_table_new         (GPtrArray        *surveys);
void             rc_response_table_free        (RcResponseTable  *self);
guint            rc_response_table_get_n_columns (RcResponseTable *self);
const RcColumn  *rc_response_table_get_column  (RcResponseTable  *self,
                                                guint             column);
RcSurvey        *rc_response_table_lookup_survey (RcResponseTable *self,
                                                const char       *survey_id,
                                                gint64            version);
void             rc_response_table_begin_row   (RcResponseTable  *self,
                                                RcSurvey         *survey,
                                                const char       *response_id,
                                                const char       *device_id,
                                                const char       *language,
                                                const char       *submitted_at,
                                                gint64            duration_minutes,
                                                RcCell           *cells,
                                                char              time_buffer[20]);
void             rc_response_table_fill_answer (RcResponseTable  *self,
                                                RcSurvey         *survey,
                                                RcCell           *cells,
                                                const char       *question_id,
                                                RcStoredKind      kind,
                                                gint64            integer,
                                                const char       *string);
void             rc_response_table_fill_choice (RcResponseTable  *self,
                                                RcSurvey         *survey,
                                                RcCell           *cells,
                                                const char       *question_id,
                                                const char       *option_id);
void             rc_response_table_fill_answers (RcResponseTable *self,
                                                RcSurvey         *survey,
                                                RcCell           *cells,
                                                JsonObject       *answers);
void             rc_response_table_fill_row    (RcResponseTable  *self,
                                                RcSurvey         *survey,
                                                const char       *response_id,
                                                const char       *device_id,
                                                const char       *language,
                                                const char       *submitted_at,
                                                gint64            duration_minutes,
                                                JsonObject       *answers,
                                                RcCell           *cells,
                                                char              time_buffer[20]);
JsonNode        *rc_response_table_read_answers (RcResponseTable *self,
                                                RcSurvey         *survey,
                                                JsonObject       *record,
                                                GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RcResponseTable, rc_response_table_free)

G_END_DECLS
