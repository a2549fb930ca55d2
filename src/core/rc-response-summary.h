/* rc-response-summary.h: the responses at a glance, for the coordinator
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rc-database.h"

G_BEGIN_DECLS

typedef struct
{
  char   *survey_id;
  gint64  survey_version;
  char   *title;            /* in the language asked for, or Russian */
  gint64  count;
} RcVersionCount;

typedef struct
{
  char   *language;
  gint64  count;
} RcLanguageCount;

typedef struct
{
  gint64     total;
  GPtrArray *versions;      /* RcVersionCount, the newest first */
  GPtrArray *languages;     /* RcLanguageCount, the most first */
  char      *first;         /* the day of the first submission, or NULL */
  char      *last;          /* the day of the last submission, or NULL */
} RcResponseSummary;

RcResponseSummary *rc_response_summary_new  (RcDatabase         *database,
                                             const char         *title_language,
                                             GError            **error);
void               rc_response_summary_free (RcResponseSummary  *self);

void               rc_response_summary_new_async  (const char           *data_dir,
                                                   const char           *title_language,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
RcResponseSummary *rc_response_summary_new_finish (GAsyncResult         *result,
                                                   GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RcResponseSummary, rc_response_summary_free)

G_END_DECLS
