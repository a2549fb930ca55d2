/* rc-response-store-private.h: the insert a submit and an import share
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rc-database.h"
#include "rc-survey.h"

G_BEGIN_DECLS

gboolean rc_response_store_insert_survey (RcDatabase  *database,
                                          RcSurvey    *survey,
                                          GError     **error);
RcSurvey *rc_response_store_read_survey  (RcDatabase  *database,
                                          const char  *survey_id,
                                          gint64       version,
                                          const char  *definition,
                                          gsize        length,
                                          GError     **error);
gboolean rc_response_store_insert        (RcDatabase  *database,
                                          const char  *response_id,
                                          RcSurvey    *survey,
                                          const char  *device_id,
                                          const char  *language,
                                          const char  *submitted_at,
                                          gint64       duration_minutes,
                                          JsonObject  *answers,
                                          GError     **error);

G_END_DECLS
