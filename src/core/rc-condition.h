/* rc-condition.h
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum
{
  RC_CONDITION_EQUALS,
  RC_CONDITION_ONE_OF,
  RC_CONDITION_INCLUDES,
  RC_CONDITION_COMPARE,
  RC_CONDITION_ALL,
  RC_CONDITION_ANY,
  RC_CONDITION_NOT,
} RcConditionKind;

typedef enum
{
  RC_COMPARE_LESS,
  RC_COMPARE_LESS_OR_EQUAL,
  RC_COMPARE_GREATER,
  RC_COMPARE_GREATER_OR_EQUAL,
  RC_COMPARE_EQUAL,
  RC_COMPARE_NOT_EQUAL,
} RcCompareOperator;

typedef struct _RcCondition RcCondition;

/* A show-if rule of a question, as written in the survey definition. */
struct _RcCondition
{
  RcConditionKind    kind;
  char              *question_id;  /* EQUALS, ONE_OF, INCLUDES, COMPARE */
  GPtrArray         *values;       /* JsonNode: EQUALS (one), ONE_OF, INCLUDES (one) */
  RcCompareOperator  compare;
  gint64             number;       /* COMPARE */
  GPtrArray         *children;     /* RcCondition: ALL, ANY, NOT (one) */
};

/* Looks up the answer to a question; %NULL when there is none. */
typedef JsonNode *(*RcAnswerLookup) (const char *question_id,
                                     gpointer    user_data);

RcCondition *rc_condition_new      (RcConditionKind  kind);
void         rc_condition_free     (RcCondition     *condition);
gboolean     rc_condition_evaluate (RcCondition     *condition,
                                    RcAnswerLookup   lookup,
                                    gpointer         user_data);
void         rc_condition_foreach_question (RcCondition *condition,
                                            GFunc        func,
                                            gpointer     user_data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RcCondition, rc_condition_free)

G_END_DECLS
