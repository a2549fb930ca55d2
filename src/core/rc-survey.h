/* rc-survey.h
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "rc-condition.h"
#include "rc-text.h"

G_BEGIN_DECLS

/* What a survey definition may hold; far beyond what ten minutes at a kiosk
 * can ask, and small enough that a hostile file cannot exhaust memory. */
#define RC_SURVEY_MAX_BYTES            (1024 * 1024)
#define RC_SURVEY_MAX_QUESTIONS        300
#define RC_SURVEY_MAX_OPTIONS          50
#define RC_SURVEY_MAX_TEXT_LENGTH      4000
#define RC_SURVEY_MAX_PROBLEMS_LISTED  100

#define RC_SURVEY_ERROR (rc_survey_error_quark ())

typedef enum
{
  RC_SURVEY_ERROR_INVALID,
} RcSurveyError;

/* The choice the app adds to a question marked prefer_not_to_answer. */
#define RC_PREFER_NOT_TO_ANSWER "prefer_not_to_answer"

typedef enum
{
  RC_QUESTION_SINGLE_CHOICE,
  RC_QUESTION_MULTIPLE_CHOICE,
  RC_QUESTION_SCALE,
  RC_QUESTION_YES_NO,
  RC_QUESTION_NUMBER,
  RC_QUESTION_SHORT_TEXT,
  RC_QUESTION_LONG_TEXT,
  RC_QUESTION_NOTE,
} RcQuestionType;

typedef struct
{
  char     *id;
  RcText    label;
  gboolean  exclusive;
} RcOption;

typedef struct
{
  char           *id;
  RcQuestionType  type;
  RcText          label;
  RcText          hint;
  gboolean        required;
  gboolean        prefer_not_to_answer;
  GPtrArray      *options;       /* RcOption, as written (without prefer-not) */
  gboolean        has_min;
  gboolean        has_max;
  gint64          min;
  gint64          max;
  RcText          min_label;
  RcText          max_label;
  int             min_choices;   /* 0 when not limited */
  int             max_choices;   /* 0 when not limited */
  int             max_length;    /* in characters; always set for text questions */
  RcText          constraint_message;
  RcCondition    *show_if;       /* nullable */
  guint           position;      /* in the whole survey, from 0 */
} RcQuestion;

typedef struct
{
  char      *id;
  RcText     title;
  GPtrArray *questions;          /* RcQuestion, owned by the survey */
} RcSection;

typedef struct
{
  char   *number;
  RcText  label;
  RcText  description;
} RcContact;

#define RC_TYPE_SURVEY (rc_survey_get_type ())

G_DECLARE_FINAL_TYPE (RcSurvey, rc_survey, RC, SURVEY, GObject)

GQuark              rc_survey_error_quark      (void);
RcSurvey           *rc_survey_new_from_bytes   (GBytes      *bytes,
                                                const char  *source_name,
                                                GError     **error);
RcSurvey           *rc_survey_new_from_file    (const char  *path,
                                                GError     **error);
RcSurvey           *rc_survey_new_bundled      (GError     **error);
const char         *rc_survey_get_id           (RcSurvey    *self);
gint64              rc_survey_get_version      (RcSurvey    *self);
const char * const *rc_survey_get_languages    (RcSurvey    *self);
const RcText       *rc_survey_get_title        (RcSurvey    *self);
const RcText       *rc_survey_get_intro        (RcSurvey    *self);
const RcText       *rc_survey_get_consent      (RcSurvey    *self);
const RcText       *rc_survey_get_thanks       (RcSurvey    *self);
const RcText       *rc_survey_get_helpline_title (RcSurvey  *self);
GPtrArray          *rc_survey_get_contacts     (RcSurvey    *self);
GPtrArray          *rc_survey_get_sections     (RcSurvey    *self);
GPtrArray          *rc_survey_get_questions    (RcSurvey    *self);
RcQuestion         *rc_survey_lookup_question  (RcSurvey    *self,
                                                const char  *question_id);
JsonNode           *rc_survey_get_definition   (RcSurvey    *self);

const char         *rc_question_type_to_string (RcQuestionType  type);
RcOption           *rc_question_lookup_option  (RcQuestion     *question,
                                                const char     *option_id);
gboolean            rc_question_has_answer     (RcQuestion     *question);

G_END_DECLS
