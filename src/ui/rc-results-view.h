/* rc-results-view.h: the results as charts, with filters, for the coordinator
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rc-database.h"

G_BEGIN_DECLS

#define RC_TYPE_RESULTS_VIEW (rc_results_view_get_type ())

G_DECLARE_FINAL_TYPE (RcResultsView, rc_results_view, RC, RESULTS_VIEW, AdwBin)

void     rc_results_view_set_database (RcResultsView *self,
                                       RcDatabase    *database);
void     rc_results_view_refresh      (RcResultsView *self);
void     rc_results_view_clear        (RcResultsView *self);
gboolean rc_results_view_is_counting  (RcResultsView *self);

G_END_DECLS
