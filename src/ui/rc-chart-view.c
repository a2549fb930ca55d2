/* rc-chart-view.c
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rc-chart-view.h"

/* Drawn by the same code as the report, in the colours of the style in
 * use, and read out to screen readers as its figures. */
struct _RcChartView
{
  GtkWidget  parent_instance;

  RcChart   *chart;
};

G_DEFINE_FINAL_TYPE (RcChartView, rc_chart_view, GTK_TYPE_WIDGET)

/**
 * rc_chart_view_new:
 * @chart: (transfer full): the chart to show
 * @title: what the chart is of, its accessible name
 *
 * Returns: (transfer floating): a widget showing @chart
 */
GtkWidget *
rc_chart_view_new (RcChart    *chart,
                   const char *title)
{
  RcChartView *self;
  g_autofree char *description = NULL;

  g_return_val_if_fail (chart != NULL, NULL);
  g_return_val_if_fail (title != NULL, NULL);

  self = g_object_new (RC_TYPE_CHART_VIEW, NULL);
  self->chart = chart;
  description = rc_chart_describe (chart);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);

  return GTK_WIDGET (self);
}

RcChart *
rc_chart_view_get_chart (RcChartView *self)
{
  g_return_val_if_fail (RC_IS_CHART_VIEW (self), NULL);

  return self->chart;
}

static void
copy_rgba (const GdkRGBA *color,
           double         rgba[4])
{
  rgba[0] = color->red;
  rgba[1] = color->green;
  rgba[2] = color->blue;
  rgba[3] = color->alpha;
}

static void
get_colors (RcChartView   *self,
            RcChartColors *colors)
{
  GtkStyleContext *style = gtk_widget_get_style_context (GTK_WIDGET (self));
  GdkRGBA color;

  gtk_style_context_get_color (style, &color);
  copy_rgba (&color, colors->foreground);
  /* libadwaita's accent, lighter in the dark style. */
  if (!gtk_style_context_lookup_color (style, "accent_bg_color", &color))
    gdk_rgba_parse (&color, "#3584e4");
  copy_rgba (&color, colors->accent);
}

static GtkSizeRequestMode
rc_chart_view_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
rc_chart_view_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  RcChartView *self = RC_CHART_VIEW (widget);
  double height;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* Legible on a phone-sized window, roomier where there is room. */
      *minimum = 200;
      *natural = 480;
      return;
    }

  height = rc_chart_measure (self->chart, gtk_widget_get_pango_context (widget), for_size < 0 ? 480 : for_size);
  /* Rounded up, so the last line is never cut. */
  *minimum = *natural = (int)height + ((int)height < height);
}

static void
rc_chart_view_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  RcChartView *self = RC_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  RcChartColors colors;
  cairo_t *cr;

  get_colors (self, &colors);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  rc_chart_draw (self->chart, cr, gtk_widget_get_pango_context (widget), width, &colors);
  cairo_destroy (cr);
}

static void
rc_chart_view_css_changed (GtkWidget         *widget,
                           GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (rc_chart_view_parent_class)->css_changed (widget, change);

  /* Fonts change the size; colours only the drawing. */
  gtk_widget_queue_resize (widget);
}

static void
rc_chart_view_finalize (GObject *object)
{
  RcChartView *self = RC_CHART_VIEW (object);

  g_clear_pointer (&self->chart, rc_chart_free);

  G_OBJECT_CLASS (rc_chart_view_parent_class)->finalize (object);
}

static void
rc_chart_view_class_init (RcChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = rc_chart_view_finalize;

  widget_class->get_request_mode = rc_chart_view_get_request_mode;
  widget_class->measure = rc_chart_view_measure;
  widget_class->snapshot = rc_chart_view_snapshot;
  widget_class->css_changed = rc_chart_view_css_changed;

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
rc_chart_view_init (RcChartView *self)
{
}
