/* rc-application.h
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rc-database.h"
#include "rc-news-store.h"
#include "rc-response-store.h"

G_BEGIN_DECLS

#define RC_TYPE_APPLICATION (rc_application_get_type ())

G_DECLARE_FINAL_TYPE (RcApplication, rc_application, RC, APPLICATION, AdwApplication)

RcApplication *rc_application_new          (RcDatabase    *database,
                                            RcSurvey      *survey,
                                            gboolean       kiosk);
RcApplication *rc_application_new_failed   (const GError  *error);
RcApplication *rc_application_new_damaged  (const GError  *error,
                                            const char    *data_dir);
gboolean       rc_application_get_recovered (RcApplication *self);
RcDatabase      *rc_application_get_database       (RcApplication *self);
RcResponseStore *rc_application_get_response_store (RcApplication *self);
RcNewsStore     *rc_application_get_news_store     (RcApplication *self);
RcSurvey        *rc_application_get_survey         (RcApplication *self);
void             rc_application_set_survey         (RcApplication *self,
                                                    RcSurvey      *survey);
gboolean       rc_application_get_kiosk    (RcApplication *self);

G_END_DECLS
