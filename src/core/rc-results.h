/* rc-results.h: the answers to each question, counted, for charts and reports
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rc-database.h"
#include "rc-progress.h"
#include "rc-survey.h"

G_BEGIN_DECLS

/* A breakdown cell counting fewer respondents than this is not shown
 * exactly, unless the caller asks for another limit. */
#define RC_RESULTS_DEFAULT_MIN_CELL 5

/* The text answers kept for the coordinator to read; an export has them all. */
#define RC_RESULTS_MAX_TEXTS 500

/* Which responses are counted. */
typedef struct
{
  const char *survey_id;       /* NULL: the survey answered last */
  gint64      survey_version;  /* 0: every version */
  const char *language;        /* NULL: every language */
  const char *since;           /* "YYYY-MM-DD", inclusive, or NULL */
  const char *until;           /* "YYYY-MM-DD", inclusive, or NULL */
  const char *breakdown;       /* a single-choice question to split by, or NULL */
  gint64      min_cell;        /* 0: RC_RESULTS_DEFAULT_MIN_CELL */
} RcResultsFilter;

/* One answer and how many gave it: a choice, "yes" or "no", a point of a
 * scale, or a range of numbers. */
typedef struct
{
  char     *key;               /* as stored; for a range of numbers its lowest */
  char     *label;             /* an option's, in the language asked for; see rc_results_bar_dup_label() */
  gboolean  is_range;          /* a range of numbers, from low to high */
  gint64    low;
  gint64    high;
  gint64    count;
  gint64   *group_counts;      /* with a breakdown: one per group, else NULL */
} RcResultsBar;

typedef struct
{
  RcQuestion *question;        /* of the newest survey version counted */
  gint64      shown;           /* respondents the question was shown to */
  gint64      answered;        /* of them, those who gave an answer */
  gint64      refused;         /* of them, those who preferred not to answer */
  GPtrArray  *bars;            /* RcResultsBar, in the order of the definition */
  gint64     *group_shown;     /* with a breakdown: shown, per group */
  /* numbers */
  gint64      min;
  gint64      max;
  double      mean;
  double      median;
  /* text: the latest answers, newest first, at most RC_RESULTS_MAX_TEXTS */
  GPtrArray  *texts;
} RcQuestionResults;

typedef struct
{
  char   week[11];             /* its Monday, "YYYY-MM-DD" */
  gint64 count;
} RcWeekCount;

typedef struct
{
  RcSurvey   *survey;          /* the newest version counted, or NULL when none */
  GArray     *versions;        /* gint64: the versions of the survey counted, newest first */
  char       *language;        /* of the labels */
  gint64      min_cell;
  gint64      total;
  char       *first;           /* the first day of a counted submission, or NULL */
  char       *last;
  GArray     *weeks;           /* RcWeekCount, every week from the first to the last */
  GPtrArray  *questions;       /* RcQuestionResults, notes left out */
  RcQuestion *breakdown;       /* NULL without a breakdown */
  GPtrArray  *groups;          /* RcResultsBar: the breakdown's options, count = respondents */
} RcResults;

gboolean   rc_results_filter_check (const RcResultsFilter  *filter,
                                    GError                **error);
RcResults *rc_results_new          (RcDatabase             *database,
                                    const RcResultsFilter  *filter,
                                    const char             *language,
                                    RcProgress             *progress,
                                    GCancellable           *cancellable,
                                    GError                **error);
void       rc_results_free         (RcResults              *self);
gboolean   rc_results_cell_is_hidden (gint64                min_cell,
                                      gint64                count,
                                      gint64                of);
char      *rc_results_bar_dup_label (const RcResultsBar *bar);
char      *rc_results_format_counts (const RcQuestionResults *question);
RcQuestionResults *rc_results_lookup (RcResults            *self,
                                      const char           *question_id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RcResults, rc_results_free)

G_END_DECLS
