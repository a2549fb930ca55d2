/* rc-chart.h: a chart of results, drawn with cairo for the screen and the report
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "rc-results.h"

G_BEGIN_DECLS

typedef enum
{
  RC_CHART_BARS,      /* horizontal bars, one row per answer, grouped by series */
  RC_CHART_COLUMNS,   /* columns in time order: responses per week */
} RcChartKind;

/* The colours a chart is drawn with; the widget passes those of the
 * style in use, the report those of paper. */
typedef struct
{
  double foreground[4];
  double accent[4];
} RcChartColors;

typedef struct
{
  char   *label;
  gint64 *counts;       /* one per series */
  gint64 *of;           /* the respondents each count is a share of, or NULL */
} RcChartRow;

typedef struct
{
  RcChartKind  kind;
  GPtrArray   *series;  /* char *: the names of the groups, or empty */
  GPtrArray   *rows;    /* RcChartRow */
  gint64       min_cell;  /* counts from 1 to min_cell - 1 are not shown; 0: all are */
} RcChart;

RcChart *rc_chart_new_for_question (const RcResults         *results,
                                    const RcQuestionResults *question);
RcChart *rc_chart_new_for_weeks    (const RcResults         *results);
void     rc_chart_free             (RcChart                 *self);

char    *rc_chart_format_value     (const RcChart           *self,
                                    const RcChartRow        *row,
                                    guint                    series);
char    *rc_chart_describe         (const RcChart           *self);

double   rc_chart_measure          (const RcChart           *self,
                                    PangoContext            *context,
                                    double                   width);
void     rc_chart_draw             (const RcChart           *self,
                                    cairo_t                 *cr,
                                    PangoContext            *context,
                                    double                   width,
                                    const RcChartColors     *colors);

void     rc_chart_get_series_color (guint                    series,
                                    const RcChartColors     *colors,
                                    double                   rgba[4]);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RcChart, rc_chart_free)

G_END_DECLS
