/* rc-active-survey.h: which survey an installation asks
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rc-survey.h"

G_BEGIN_DECLS

#define RC_ACTIVE_SURVEY_FILE_NAME "survey.json"

RcSurvey *rc_active_survey_load    (const char  *data_dir,
                                    GError     **error);
RcSurvey *rc_active_survey_install (const char  *data_dir,
                                    const char  *path,
                                    GError     **error);

G_END_DECLS
