/* rc-survey-view.h
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rc-response-store.h"

G_BEGIN_DECLS

#define RC_TYPE_SURVEY_VIEW (rc_survey_view_get_type ())

G_DECLARE_FINAL_TYPE (RcSurveyView, rc_survey_view, RC, SURVEY_VIEW, AdwBin)

GtkWidget  *rc_survey_view_new          (RcSurvey        *survey,
                                         RcResponseStore *store);
void        rc_survey_view_reset        (RcSurveyView    *self);
const char *rc_survey_view_get_screen   (RcSurveyView    *self);
const char *rc_survey_view_get_language (RcSurveyView    *self);
RcResponse *rc_survey_view_get_response (RcSurveyView    *self);

G_END_DECLS
