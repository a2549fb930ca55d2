/* rc-chart-view.h: a chart of results on screen
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rc-chart.h"

G_BEGIN_DECLS

#define RC_TYPE_CHART_VIEW (rc_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (RcChartView, rc_chart_view, RC, CHART_VIEW, GtkWidget)

GtkWidget *rc_chart_view_new         (RcChart     *chart,
                                      const char  *title);
RcChart   *rc_chart_view_get_chart   (RcChartView *self);

G_END_DECLS
