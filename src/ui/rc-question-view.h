/* rc-question-view.h
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rc-response.h"

G_BEGIN_DECLS

#define RC_TYPE_QUESTION_VIEW (rc_question_view_get_type ())

G_DECLARE_FINAL_TYPE (RcQuestionView, rc_question_view, RC, QUESTION_VIEW, GtkWidget)

GtkWidget  *rc_question_view_new          (RcResponse     *response,
                                           RcQuestion     *question);
RcQuestion *rc_question_view_get_question (RcQuestionView *self);
gboolean    rc_question_view_check        (RcQuestionView *self);

G_END_DECLS
