/* rc-chart.c
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <inttypes.h>
#include <pango/pangocairo.h>

#include "rc-chart.h"
#include "rc-i18n.h"
#include "rc-text.h"

/* Measures, in the units of the cairo context: pixels on screen, points
 * on paper. */
#define BAR_HEIGHT        16.0
#define GROUP_BAR_HEIGHT  11.0
#define GROUP_BAR_GAP      3.0
#define LABEL_GAP          4.0
#define ROW_GAP           12.0
#define VALUE_GAP          8.0
#define SWATCH            10.0
#define COLUMNS_HEIGHT   110.0
#define RADIUS             3.0
#define BESIDE_MIN_WIDTH 440.0

/* After the accent colour, colours of the GNOME palette that stay apart
 * from each other in the light and the dark style. */
static const double series_colors[][3] = {
  { 0xe6 / 255., 0x61 / 255., 0x00 / 255. },   /* orange 4 */
  { 0x2e / 255., 0xc2 / 255., 0x7e / 255. },   /* green 4 */
  { 0x91 / 255., 0x41 / 255., 0xac / 255. },   /* purple 3 */
  { 0xe5 / 255., 0xa5 / 255., 0x0a / 255. },   /* yellow 5 */
  { 0xc0 / 255., 0x1c / 255., 0x28 / 255. },   /* red 4 */
  { 0x98 / 255., 0x6a / 255., 0x44 / 255. },   /* brown 3 */
  { 0x77 / 255., 0x76 / 255., 0x7b / 255. },   /* light 5 */
};

static void
row_free (RcChartRow *row)
{
  g_free (row->label);
  g_free (row->counts);
  g_free (row->of);
  g_free (row);
}

void
rc_chart_free (RcChart *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->series, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_free (self);
}

static RcChart *
chart_new (RcChartKind kind)
{
  RcChart *self = g_new0 (RcChart, 1);

  self->kind = kind;
  self->series = g_ptr_array_new_with_free_func (g_free);
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify)row_free);

  return self;
}

static guint
n_series (const RcChart *self)
{
  return MAX (self->series->len, 1);
}

/**
 * rc_chart_new_for_question:
 * @results: the results @question belongs to
 * @question: a question with answers to draw as bars
 *
 * With a breakdown, each answer has a bar per group, as a share of the
 * group's respondents shown the question; small groups are hidden.
 *
 * Returns: (transfer full) (nullable): the chart, or %NULL for a text
 *   question, which has no bars
 */
RcChart *
rc_chart_new_for_question (const RcResults         *results,
                           const RcQuestionResults *question)
{
  RcChart *self;
  guint n_groups;

  g_return_val_if_fail (results != NULL, NULL);
  g_return_val_if_fail (question != NULL, NULL);

  if (question->bars->len == 0)
    return NULL;

  self = chart_new (RC_CHART_BARS);
  n_groups = results->groups ? results->groups->len : 0;

  for (guint g = 0; g < n_groups; g++)
    g_ptr_array_add (self->series, g_strdup (((RcResultsBar *)g_ptr_array_index (results->groups, g))->label));
  if (n_groups > 0)
    self->min_cell = results->min_cell;

  for (guint i = 0; i < question->bars->len; i++)
    {
      RcResultsBar *bar = g_ptr_array_index (question->bars, i);
      RcChartRow *row = g_new0 (RcChartRow, 1);

      row->label = rc_results_bar_dup_label (bar);
      row->counts = g_new0 (gint64, n_series (self));
      row->of = g_new0 (gint64, n_series (self));
      if (n_groups == 0)
        {
          row->counts[0] = bar->count;
          row->of[0] = question->shown;
        }
      for (guint g = 0; g < n_groups; g++)
        {
          row->counts[g] = bar->group_counts[g];
          row->of[g] = question->group_shown[g];
        }
      g_ptr_array_add (self->rows, row);
    }

  return self;
}

/**
 * rc_chart_new_for_weeks:
 * @results: results
 *
 * Returns: (transfer full): the responses of each week as columns
 */
RcChart *
rc_chart_new_for_weeks (const RcResults *results)
{
  RcChart *self;

  g_return_val_if_fail (results != NULL, NULL);

  self = chart_new (RC_CHART_COLUMNS);
  for (guint i = 0; i < results->weeks->len; i++)
    {
      const RcWeekCount *week = &g_array_index (results->weeks, RcWeekCount, i);
      RcChartRow *row = g_new0 (RcChartRow, 1);

      row->label = rc_text_format_day (week->week);
      row->counts = g_new (gint64, 1);
      row->counts[0] = week->count;
      g_ptr_array_add (self->rows, row);
    }

  return self;
}

static gboolean
is_hidden (const RcChart    *self,
           const RcChartRow *row,
           guint             series)
{
  return rc_results_cell_is_hidden (self->min_cell, row->counts[series], row->of ? row->of[series] : 0);
}

/**
 * rc_chart_format_value:
 * @self: a chart
 * @row: one of its rows
 * @series: a series of @row
 *
 * Returns: (transfer full): the count, with its share when it has one, or
 *   "fewer than N" for a count too small to show
 */
char *
rc_chart_format_value (const RcChart    *self,
                       const RcChartRow *row,
                       guint             series)
{
  g_autofree char *figures = NULL;
  gint64 count, of;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (row != NULL, NULL);
  g_return_val_if_fail (series < n_series (self), NULL);

  count = row->counts[series];
  of = row->of ? row->of[series] : 0;

  if (is_hidden (self, row, series))
    /* Translators: in place of a count too small to show without
     * risking that someone recognises the respondents */
    return g_strdup_printf (_("fewer than %" PRId64), self->min_cell);

  figures = rc_text_format_count (count);
  if (of > 0)
    /* Translators: a count of respondents, as written in your language
     * ("1,234"), and their share of those asked, as in “12 · 40%” */
    return g_strdup_printf (_("%s · %.0f%%"), figures, 100.0 * count / of);

  return g_steal_pointer (&figures);
}

/**
 * rc_chart_describe:
 * @self: a chart
 *
 * Returns: (transfer full): every figure of the chart as a sentence, for
 *   a screen reader
 */
char *
rc_chart_describe (const RcChart *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->rows->len; i++)
    {
      const RcChartRow *row = g_ptr_array_index (self->rows, i);

      if (text->len > 0)
        g_string_append (text, "; ");
      g_string_append_printf (text, "%s: ", row->label);

      for (guint s = 0; s < n_series (self); s++)
        {
          g_autofree char *value = rc_chart_format_value (self, row, s);

          if (s > 0)
            g_string_append (text, ", ");
          if (self->series->len > 0)
            g_string_append_printf (text, "%s %s", (const char *)g_ptr_array_index (self->series, s), value);
          else
            g_string_append (text, value);
        }
    }
  if (text->len > 0)
    g_string_append (text, ".");

  return g_string_free (g_steal_pointer (&text), FALSE);
}

void
rc_chart_get_series_color (guint                series,
                           const RcChartColors *colors,
                           double               rgba[4])
{
  g_return_if_fail (colors != NULL);

  if (series == 0)
    {
      memcpy (rgba, colors->accent, sizeof colors->accent);
      return;
    }

  series = (series - 1) % G_N_ELEMENTS (series_colors);
  rgba[0] = series_colors[series][0];
  rgba[1] = series_colors[series][1];
  rgba[2] = series_colors[series][2];
  rgba[3] = 1.0;
}

static void
set_color (cairo_t      *cr,
           const double  rgba[4],
           double        alpha)
{
  cairo_set_source_rgba (cr, rgba[0], rgba[1], rgba[2], rgba[3] * alpha);
}

static void
rounded_rectangle (cairo_t *cr,
                   double   x,
                   double   y,
                   double   width,
                   double   height)
{
  double r = MIN (RADIUS, MIN (width, height) / 2);

  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + width - r, y + height - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + height - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static PangoLayout *
make_layout (PangoContext *context,
             const char   *text,
             double        width,
             double        scale)
{
  PangoLayout *layout = pango_layout_new (context);

  pango_layout_set_text (layout, text, -1);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int)(width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  if (scale != 1.0)
    {
      const PangoFontDescription *base = pango_context_get_font_description (context);
      g_autoptr(PangoFontDescription) font = pango_font_description_copy (base);
      g_autoptr(PangoAttrList) attributes = pango_attr_list_new ();

      pango_font_description_set_size (font, (int)(pango_font_description_get_size (base) * scale));
      pango_attr_list_insert (attributes, pango_attr_font_desc_new (font));
      pango_layout_set_attributes (layout, attributes);
    }

  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  return height;
}

static double
layout_width (PangoLayout *layout)
{
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

static void
show_layout (cairo_t     *cr,
             PangoLayout *layout,
             double       x,
             double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

/* The legend of the groups, flowing onto as many lines as the width needs. */
static double
lay_out_legend (const RcChart       *self,
                cairo_t             *cr,
                PangoContext        *context,
                double               width,
                const RcChartColors *colors)
{
  double x = 0, y = 0, line_height = 0;

  for (guint s = 0; s < self->series->len; s++)
    {
      g_autoptr(PangoLayout) layout = make_layout (context, g_ptr_array_index (self->series, s), width - SWATCH - 4, 1.0);
      double item_width = SWATCH + 4 + layout_width (layout);
      double item_height = MAX (SWATCH, layout_height (layout));

      if (x > 0 && x + item_width > width)
        {
          x = 0;
          y += line_height + 4;
          line_height = 0;
        }

      if (cr != NULL)
        {
          double rgba[4];

          rc_chart_get_series_color (s, colors, rgba);
          set_color (cr, rgba, 1.0);
          rounded_rectangle (cr, x, y + (item_height - SWATCH) / 2, SWATCH, SWATCH);
          cairo_fill (cr);
          set_color (cr, colors->foreground, 1.0);
          show_layout (cr, layout, x + SWATCH + 4, y);
        }

      x += item_width + 16;
      line_height = MAX (line_height, item_height);
    }

  return self->series->len > 0 ? y + line_height + ROW_GAP : 0;
}

static double
lay_out_bars (const RcChart       *self,
              cairo_t             *cr,
              PangoContext        *context,
              double               width,
              const RcChartColors *colors)
{
  double bar_height = self->series->len > 0 ? GROUP_BAR_HEIGHT : BAR_HEIGHT;
  /* Where there is room the answers stand left of their bars, so a chart
   * takes half the height; on a narrow window, above them. */
  gboolean beside = width >= BESIDE_MIN_WIDTH;
  double label_width = beside ? width * 0.36 : width;
  double bars_x = beside ? label_width + VALUE_GAP : 0;
  double value_width = 0, track_width, y;

  /* The values need one column as wide as the widest, at most half. */
  for (guint i = 0; i < self->rows->len; i++)
    {
      const RcChartRow *row = g_ptr_array_index (self->rows, i);

      for (guint s = 0; s < n_series (self); s++)
        {
          g_autofree char *value = rc_chart_format_value (self, row, s);
          g_autoptr(PangoLayout) layout = make_layout (context, value, -1, 1.0);

          value_width = MAX (value_width, layout_width (layout));
        }
    }
  value_width = MIN (value_width + VALUE_GAP, (width - bars_x) / 2);
  track_width = MAX (width - bars_x - value_width, 1);

  y = lay_out_legend (self, cr, context, width, colors);

  for (guint i = 0; i < self->rows->len; i++)
    {
      const RcChartRow *row = g_ptr_array_index (self->rows, i);
      g_autoptr(PangoLayout) label = make_layout (context, row->label, label_width, 1.0);
      double row_top, bars_y;

      if (i > 0)
        y += beside && self->series->len == 0 ? ROW_GAP / 2 : ROW_GAP;
      row_top = y;
      if (cr != NULL)
        {
          set_color (cr, colors->foreground, 1.0);
          show_layout (cr, label, 0, y);
        }
      bars_y = beside ? y : y + layout_height (label) + LABEL_GAP;

      for (guint s = 0; s < n_series (self); s++)
        {
          g_autofree char *value_text = rc_chart_format_value (self, row, s);
          g_autoptr(PangoLayout) value = make_layout (context, value_text, value_width, 1.0);
          gint64 count = row->counts[s];
          gint64 of = row->of ? row->of[s] : 0;
          double bar_row = MAX (bar_height, layout_height (value));

          if (s > 0)
            bars_y += GROUP_BAR_GAP;

          if (cr != NULL)
            {
              double rgba[4];

              set_color (cr, colors->foreground, 0.1);
              rounded_rectangle (cr, bars_x, bars_y + (bar_row - bar_height) / 2, track_width, bar_height);
              cairo_fill (cr);

              if (of > 0 && count > 0 && !is_hidden (self, row, s))
                {
                  rc_chart_get_series_color (s, colors, rgba);
                  set_color (cr, rgba, 1.0);
                  rounded_rectangle (cr, bars_x, bars_y + (bar_row - bar_height) / 2,
                                     MAX (track_width * MIN ((double)count / of, 1.0), 2 * RADIUS),
                                     bar_height);
                  cairo_fill (cr);
                }

              set_color (cr, colors->foreground, is_hidden (self, row, s) ? 0.7 : 1.0);
              show_layout (cr, value, bars_x + track_width + VALUE_GAP,
                           bars_y + (bar_row - layout_height (value)) / 2);
            }

          bars_y += bar_row;
        }

      y = beside ? MAX (row_top + layout_height (label), bars_y) : bars_y;
    }

  return y;
}

static double
lay_out_columns (const RcChart       *self,
                 cairo_t             *cr,
                 PangoContext        *context,
                 double               width,
                 const RcChartColors *colors)
{
  g_autoptr(PangoLayout) first = NULL;
  g_autoptr(PangoLayout) last = NULL;
  g_autoptr(PangoLayout) top = NULL;
  g_autofree char *top_text = NULL;
  gint64 max = 0;
  double slot, base, labels_height;
  guint n = self->rows->len;

  if (n == 0)
    return 0;

  for (guint i = 0; i < n; i++)
    max = MAX (max, ((RcChartRow *)g_ptr_array_index (self->rows, i))->counts[0]);

  top_text = rc_text_format_count (max);
  top = make_layout (context, top_text, -1, 0.85);
  first = make_layout (context, ((RcChartRow *)g_ptr_array_index (self->rows, 0))->label, -1, 0.85);
  last = make_layout (context, ((RcChartRow *)g_ptr_array_index (self->rows, n - 1))->label, -1, 0.85);
  base = layout_height (top) + 4 + COLUMNS_HEIGHT;
  labels_height = layout_height (first) + 4;

  if (cr == NULL)
    return base + labels_height;

  /* The highest count on a faint line across, the weeks below the base. */
  set_color (cr, colors->foreground, 0.7);
  show_layout (cr, top, 0, 0);
  set_color (cr, colors->foreground, 0.15);
  cairo_rectangle (cr, 0, layout_height (top) + 2, width, 1);
  cairo_rectangle (cr, 0, base, width, 1);
  cairo_fill (cr);

  slot = width / n;
  for (guint i = 0; i < n; i++)
    {
      gint64 count = ((RcChartRow *)g_ptr_array_index (self->rows, i))->counts[0];
      double height = max > 0 ? COLUMNS_HEIGHT * count / max : 0;
      double bar_width = MAX (slot * 0.7, 1);

      if (count == 0)
        continue;

      set_color (cr, colors->accent, 1.0);
      rounded_rectangle (cr, i * slot + (slot - bar_width) / 2, base - height, bar_width, height);
      cairo_fill (cr);
    }

  set_color (cr, colors->foreground, 0.7);
  show_layout (cr, first, 0, base + 4);
  if (n > 1 && layout_width (first) + layout_width (last) + 16 < width)
    show_layout (cr, last, width - layout_width (last), base + 4);

  return base + labels_height;
}

/**
 * rc_chart_measure:
 * @self: a chart
 * @context: the fonts to draw with
 * @width: the width to draw in
 *
 * Returns: the height the chart takes at @width
 */
double
rc_chart_measure (const RcChart *self,
                  PangoContext  *context,
                  double         width)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (PANGO_IS_CONTEXT (context), 0);

  if (self->kind == RC_CHART_COLUMNS)
    return lay_out_columns (self, NULL, context, width, NULL);

  return lay_out_bars (self, NULL, context, width, NULL);
}

/**
 * rc_chart_draw:
 * @self: a chart
 * @cr: where to draw, from its current origin
 * @context: the fonts to draw with
 * @width: the width to draw in
 * @colors: the text and accent colours
 *
 * Draws the chart as rc_chart_measure() measured it.
 */
void
rc_chart_draw (const RcChart       *self,
               cairo_t             *cr,
               PangoContext        *context,
               double               width,
               const RcChartColors *colors)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (PANGO_IS_CONTEXT (context));
  g_return_if_fail (colors != NULL);

  cairo_save (cr);
  if (self->kind == RC_CHART_COLUMNS)
    lay_out_columns (self, cr, context, width, colors);
  else
    lay_out_bars (self, cr, context, width, colors);
  cairo_restore (cr);
}
