/* rc-coordinator-view.h
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rc-database.h"
#include "rc-survey.h"

G_BEGIN_DECLS

#define RC_TYPE_COORDINATOR_VIEW (rc_coordinator_view_get_type ())

G_DECLARE_FINAL_TYPE (RcCoordinatorView, rc_coordinator_view, RC, COORDINATOR_VIEW, AdwBin)

GtkWidget  *rc_coordinator_view_new           (RcDatabase        *database,
                                               RcSurvey          *survey);
RcSurvey   *rc_coordinator_view_get_survey    (RcCoordinatorView *self);
gboolean    rc_coordinator_view_get_unlocked  (RcCoordinatorView *self);
void        rc_coordinator_view_lock          (RcCoordinatorView *self);
const char *rc_coordinator_view_get_help_page (RcCoordinatorView *self);

G_END_DECLS
