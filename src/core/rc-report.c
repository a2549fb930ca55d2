/* rc-report.c
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <inttypes.h>
#include <pango/pangocairo.h>

#include "rc-chart.h"
#include "rc-database.h"
#include "rc-i18n.h"
#include "rc-report.h"
#include "rc-sink.h"
#include "rc-text.h"

/* In points: about 2 cm around an A4 page. */
#define PDF_MARGIN    56.0
#define FOOTER        24.0
#define ITEM_GAP      22.0
#define LINE_GAP       6.0
#define NUMBER_COLUMN 90.0
#define REPORT_FONT   "Sans 10"

/* Paper is white whatever the style of the screen. */
static const RcChartColors paper_colors = {
  .foreground = { 0x24 / 255., 0x1f / 255., 0x31 / 255., 1.0 },
  .accent = { 0x1c / 255., 0x71 / 255., 0xd8 / 255., 1.0 },
};

typedef enum
{
  ITEM_TITLE,
  ITEM_WEEKS,
  ITEM_QUESTION,
} ItemKind;

typedef struct
{
  ItemKind kind;
  guint    question;      /* ITEM_QUESTION: index in results->questions */
} Item;

struct _RcReport
{
  RcResults *results;     /* owned */
  char      *filters;     /* the filters used, in words */
  char      *made_on;
  GArray    *items;       /* Item */
  GArray    *page_starts; /* guint: the first item of each page */
  double     width;
  double     height;
};

void
rc_report_free (RcReport *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->results, rc_results_free);
  g_clear_pointer (&self->filters, g_free);
  g_clear_pointer (&self->made_on, g_free);
  g_clear_pointer (&self->items, g_array_unref);
  g_clear_pointer (&self->page_starts, g_array_unref);
  g_free (self);
}

static char *
describe_filters (const RcResultsFilter *filter)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (filter->survey_version > 0)
    g_ptr_array_add (parts, g_strdup_printf (_("version %" PRId64), filter->survey_version));
  if (filter->language != NULL)
    /* Translators: a filter of the report: only respondents who answered in this language */
    g_ptr_array_add (parts, g_strdup_printf (_("answered in %s"), rc_text_get_endonym (filter->language)));
  if (filter->since != NULL)
    {
      g_autofree char *day = rc_text_format_day (filter->since);

      /* Translators: a filter of the report: the first day counted */
      g_ptr_array_add (parts, g_strdup_printf (_("from %s"), day));
    }
  if (filter->until != NULL)
    {
      g_autofree char *day = rc_text_format_day (filter->until);

      /* Translators: a filter of the report: the last day counted */
      g_ptr_array_add (parts, g_strdup_printf (_("until %s"), day));
    }

  if (parts->len == 0)
    /* Translators: the filters of the report, when there are none */
    return g_strdup (_("all responses"));

  g_ptr_array_add (parts, NULL);
  return g_strjoinv (", ", (char **)parts->pdata);
}

/**
 * rc_report_new:
 * @results: (transfer full): the results to report
 * @filter: the filter @results were counted with, to name in the report
 *
 * The report is in the language of the translations in use; question
 * texts are in the language @results were counted in.
 *
 * Returns: (transfer full): a report, to paginate before drawing
 */
RcReport *
rc_report_new (RcResults             *results,
               const RcResultsFilter *filter)
{
  RcReport *self;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  g_return_val_if_fail (results != NULL, NULL);
  g_return_val_if_fail (filter != NULL, NULL);

  self = g_new0 (RcReport, 1);
  self->results = results;
  self->filters = describe_filters (filter);
  self->made_on = rc_text_format_day (today);
  self->items = g_array_new (FALSE, FALSE, sizeof (Item));
  self->page_starts = g_array_new (FALSE, FALSE, sizeof (guint));

  g_array_append_val (self->items, ((Item) { ITEM_TITLE, 0 }));
  if (results->weeks->len > 0)
    g_array_append_val (self->items, ((Item) { ITEM_WEEKS, 0 }));
  for (guint i = 0; i < results->questions->len; i++)
    g_array_append_val (self->items, ((Item) { ITEM_QUESTION, i }));

  return self;
}

/* Lays out a paragraph; draws it too when @cr is set. */
static double
text_block (cairo_t      *cr,
            PangoContext *context,
            const char   *text,
            double        y,
            double        width,
            double        scale,
            gboolean      bold,
            double        alpha)
{
  g_autoptr(PangoLayout) layout = pango_layout_new (context);
  g_autoptr(PangoFontDescription) font = pango_font_description_copy (pango_context_get_font_description (context));
  int height;

  pango_font_description_set_size (font, (int)(pango_font_description_get_size (font) * scale));
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int)(width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, NULL, &height);

  if (cr != NULL)
    {
      const double *fg = paper_colors.foreground;

      cairo_set_source_rgba (cr, fg[0], fg[1], fg[2], alpha);
      cairo_move_to (cr, 0, y);
      pango_cairo_show_layout (cr, layout);
    }

  return height;
}

/* A cell of the table, right-aligned when it holds a figure. */
static double
table_cell (cairo_t      *cr,
            PangoContext *context,
            const char   *text,
            double        x,
            double        y,
            double        width,
            gboolean      figure,
            gboolean      bold)
{
  g_autoptr(PangoLayout) layout = pango_layout_new (context);
  int height;

  pango_layout_set_width (layout, (int)(width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, figure ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  if (bold)
    {
      g_autoptr(PangoFontDescription) font = pango_font_description_copy (pango_context_get_font_description (context));

      pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
      pango_layout_set_font_description (layout, font);
    }
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, NULL, &height);

  if (cr != NULL)
    {
      cairo_move_to (cr, x, y);
      pango_cairo_show_layout (cr, layout);
    }

  return height;
}

static double
table_row (cairo_t      *cr,
           PangoContext *context,
           const char   *cells[3],
           double        y,
           double        width,
           gboolean      header)
{
  double label_width = width - 2 * NUMBER_COLUMN;
  double height = 0;

  if (cr != NULL)
    {
      const double *fg = paper_colors.foreground;

      cairo_set_source_rgba (cr, fg[0], fg[1], fg[2], 1.0);
    }

  height = MAX (height, table_cell (cr, context, cells[0], 0, y, label_width - 8, FALSE, header));
  height = MAX (height, table_cell (cr, context, cells[1], label_width, y, NUMBER_COLUMN, TRUE, header));
  height = MAX (height, table_cell (cr, context, cells[2], label_width + NUMBER_COLUMN, y, NUMBER_COLUMN, TRUE, header));

  if (cr != NULL)
    {
      const double *fg = paper_colors.foreground;

      cairo_set_source_rgba (cr, fg[0], fg[1], fg[2], header ? 0.5 : 0.15);
      cairo_rectangle (cr, 0, y + height + 2, width, header ? 1.0 : 0.5);
      cairo_fill (cr);
    }

  return height + 5;
}

static double
answers_table (RcReport          *self,
               cairo_t           *cr,
               PangoContext      *context,
               RcQuestionResults *question,
               double             y,
               double             width)
{
  const char *header[3] = { _("Answer"), _("Respondents"), _("Share") };
  double start = y;

  y += table_row (cr, context, header, y, width, TRUE);
  for (guint i = 0; i < question->bars->len; i++)
    {
      RcResultsBar *bar = g_ptr_array_index (question->bars, i);
      g_autofree char *count = rc_text_format_count (bar->count);
      /* Translators: a share of respondents in a table, as in “40%” */
      g_autofree char *share = question->shown > 0 ? g_strdup_printf (_("%.0f%%"), 100.0 * bar->count / question->shown)
                                                   : g_strdup ("—");
      g_autofree char *label = rc_results_bar_dup_label (bar);
      const char *cells[3] = { label, count, share };

      y += table_row (cr, context, cells, y, width, FALSE);
    }

  return y - start;
}

static double
lay_out_title (RcReport     *self,
               cairo_t      *cr,
               PangoContext *context,
               double        width)
{
  RcResults *results = self->results;
  g_autoptr(GString) facts = g_string_new (NULL);
  const char *title = results->survey ? rc_text_pick (rc_survey_get_title (results->survey), results->language)
                                      : _("Survey Results");
  g_autofree char *total = rc_text_format_count (results->total);
  double y = 0;

  y += text_block (cr, context, title, y, width, 1.8, TRUE, 1.0) + LINE_GAP;
  y += text_block (cr, context, _("Results report"), y, width, 1.2, FALSE, 0.7) + 2 * LINE_GAP;

  /* Translators: %s is the number of responses, written as your language
   * writes large numbers ("1,234") */
  g_string_append_printf (facts, _("Responses: %s"), total);
  g_string_append_c (facts, '\n');
  if (results->first != NULL)
    {
      g_autofree char *first = rc_text_format_day (results->first);
      g_autofree char *last = rc_text_format_day (results->last);

      g_string_append_printf (facts, _("Submitted from %s to %s"), first, last);
      g_string_append_c (facts, '\n');
    }
  if (results->versions->len > 0)
    {
      g_autoptr(GString) versions = g_string_new (NULL);

      for (guint i = results->versions->len; i > 0; i--)
        g_string_append_printf (versions, "%s%" PRId64, versions->len ? ", " : "",
                                g_array_index (results->versions, gint64, i - 1));
      g_string_append_printf (facts, _("Survey versions: %s"), versions->str);
      g_string_append_c (facts, '\n');
    }
  g_string_append_printf (facts, _("Filters: %s"), self->filters);
  g_string_append_c (facts, '\n');
  g_string_append_printf (facts, _("Made on %s"), self->made_on);
  if (results->total == 0)
    {
      g_string_append (facts, "\n\n");
      g_string_append (facts, _("No responses match the filters."));
    }

  y += text_block (cr, context, facts->str, y, width, 1.0, FALSE, 1.0);

  return y;
}

static double
lay_out_chart (cairo_t      *cr,
               PangoContext *context,
               RcChart      *chart,
               double        y,
               double        width)
{
  if (cr != NULL)
    {
      cairo_save (cr);
      cairo_translate (cr, 0, y);
      rc_chart_draw (chart, cr, context, width, &paper_colors);
      cairo_restore (cr);
    }

  return rc_chart_measure (chart, context, width);
}

static double
lay_out_item (RcReport     *self,
              const Item   *item,
              cairo_t      *cr,
              PangoContext *context,
              double        width)
{
  RcResults *results = self->results;
  double y = 0;

  switch (item->kind)
    {
    case ITEM_TITLE:
      return lay_out_title (self, cr, context, width);

    case ITEM_WEEKS:
      {
        g_autoptr(RcChart) chart = rc_chart_new_for_weeks (results);

        y += text_block (cr, context, _("Responses per Week"), y, width, 1.2, TRUE, 1.0) + LINE_GAP;
        y += lay_out_chart (cr, context, chart, y, width);
        return y;
      }

    case ITEM_QUESTION:
      {
        RcQuestionResults *question = g_ptr_array_index (results->questions, item->question);
        g_autoptr(RcChart) chart = rc_chart_new_for_question (results, question);
        g_autofree char *heading = g_strdup_printf ("%u. %s", item->question + 1,
                                                    rc_text_pick (&question->question->label, results->language));
        g_autofree char *counts = rc_results_format_counts (question);

        y += text_block (cr, context, heading, y, width, 1.15, TRUE, 1.0) + LINE_GAP;
        y += text_block (cr, context, counts, y, width, 0.9, FALSE, 0.75) + LINE_GAP;

        if (chart == NULL)
          {
            y += text_block (cr, context,
                             _("The answers are not printed: a respondent could be recognised by her own "
                               "words. Coordinators read them in the app."),
                             y, width, 0.9, FALSE, 0.75);
            return y;
          }

        y += lay_out_chart (cr, context, chart, y, width) + 2 * LINE_GAP;
        y += answers_table (self, cr, context, question, y, width);
        return y;
      }

    default:
      g_assert_not_reached ();
    }
}

/**
 * rc_report_paginate:
 * @self: a report
 * @context: the fonts to lay out with; the report sets its font on it
 * @width: the width of the printable area
 * @height: the height of the printable area, page number included
 *
 * Returns: the number of pages
 */
guint
rc_report_paginate (RcReport     *self,
                    PangoContext *context,
                    double        width,
                    double        height)
{
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (REPORT_FONT);
  double y = 0, room = height - FOOTER;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (PANGO_IS_CONTEXT (context), 0);

  pango_context_set_font_description (context, font);
  self->width = width;
  self->height = height;
  g_array_set_size (self->page_starts, 0);
  g_array_append_val (self->page_starts, (guint) { 0 });

  /* A question keeps its heading, chart and table on one page. */
  for (guint i = 0; i < self->items->len; i++)
    {
      double item_height = lay_out_item (self, &g_array_index (self->items, Item, i), NULL, context, width);

      if (y > 0 && y + item_height > room)
        {
          g_array_append_val (self->page_starts, i);
          y = 0;
        }
      y += item_height + ITEM_GAP;
    }

  return self->page_starts->len;
}

/**
 * rc_report_draw_page:
 * @self: a paginated report
 * @cr: the page, its origin at the top left of the printable area
 * @context: the fonts it was paginated with
 * @page: the page to draw, from 0
 */
void
rc_report_draw_page (RcReport     *self,
                     cairo_t      *cr,
                     PangoContext *context,
                     guint         page)
{
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (REPORT_FONT);
  g_autoptr(PangoLayout) footer = NULL;
  g_autofree char *page_text = NULL;
  guint first, end;
  double y = 0;
  int footer_height;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < self->page_starts->len);

  pango_context_set_font_description (context, font);
  first = g_array_index (self->page_starts, guint, page);
  end = page + 1 < self->page_starts->len ? g_array_index (self->page_starts, guint, page + 1) : self->items->len;

  for (guint i = first; i < end; i++)
    {
      cairo_save (cr);
      cairo_translate (cr, 0, y);
      y += lay_out_item (self, &g_array_index (self->items, Item, i), cr, context, self->width) + ITEM_GAP;
      cairo_restore (cr);
    }

  /* Translators: the footer of each page of the report */
  page_text = g_strdup_printf (_("Page %u of %u"), page + 1, self->page_starts->len);
  footer = pango_layout_new (context);
  pango_layout_set_text (footer, page_text, -1);
  pango_layout_set_width (footer, (int)(self->width * PANGO_SCALE));
  pango_layout_set_alignment (footer, PANGO_ALIGN_CENTER);
  pango_layout_get_pixel_size (footer, NULL, &footer_height);
  cairo_set_source_rgba (cr, paper_colors.foreground[0], paper_colors.foreground[1],
                         paper_colors.foreground[2], 0.7);
  cairo_move_to (cr, 0, self->height - footer_height);
  pango_cairo_show_layout (cr, footer);
}

typedef struct
{
  RcSink  sink;
  GError *error;
} PdfStream;

static cairo_status_t
write_to_sink (void                *user_data,
               const unsigned char *data,
               unsigned int         length)
{
  PdfStream *stream = user_data;

  if (stream->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;

  g_string_append_len (stream->sink.buffer, (const char *)data, length);
  if (!rc_sink_maybe_flush (&stream->sink, &stream->error))
    return CAIRO_STATUS_WRITE_ERROR;

  return CAIRO_STATUS_SUCCESS;
}

/**
 * rc_report_write_pdf:
 * @self: a report
 * @path: the PDF file to write
 * @n_pages: (out) (optional): the number of pages written
 * @error: a location for a #GError
 *
 * Writes the report on A4 pages, with its fonts embedded, under a
 * temporary name renamed to @path only once the file is whole.
 *
 * Returns: whether the file was written
 */
gboolean
rc_report_write_pdf (RcReport    *self,
                     const char  *path,
                     guint       *n_pages,
                     GError     **error)
{
  PdfStream stream = { { 0 }, NULL };
  cairo_surface_t *surface;
  cairo_t *cr;
  PangoContext *context;
  cairo_status_t status;
  guint pages;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!rc_sink_open (&stream.sink, path, error))
    return FALSE;

  surface = cairo_pdf_surface_create_for_stream (write_to_sink, &stream,
                                                 RC_REPORT_A4_WIDTH, RC_REPORT_A4_HEIGHT);
  if (self->results->survey != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                    rc_text_pick (rc_survey_get_title (self->results->survey),
                                                  self->results->language));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, _("Resource Centre"));
  cr = cairo_create (surface);

  /* Points, the unit of the page, so a 10 pt font is 10 units high. */
  context = pango_cairo_create_context (cr);
  pango_cairo_context_set_resolution (context, 72);

  pages = rc_report_paginate (self, context,
                              RC_REPORT_A4_WIDTH - 2 * PDF_MARGIN,
                              RC_REPORT_A4_HEIGHT - 2 * PDF_MARGIN);
  for (guint page = 0; page < pages; page++)
    {
      cairo_save (cr);
      cairo_translate (cr, PDF_MARGIN, PDF_MARGIN);
      rc_report_draw_page (self, cr, context, page);
      cairo_restore (cr);
      cairo_show_page (cr);
    }

  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (stream.error == NULL && status != CAIRO_STATUS_SUCCESS)
    g_set_error (&stream.error, G_IO_ERROR, G_IO_ERROR_FAILED,
                 _("Cannot write “%s”: %s"), path, cairo_status_to_string (status));

  if (stream.error != NULL || !rc_sink_commit (&stream.sink, &stream.error))
    {
      rc_sink_abort (&stream.sink);
      g_propagate_error (error, stream.error);
      return FALSE;
    }

  if (n_pages != NULL)
    *n_pages = pages;

  return TRUE;
}

/**
 * rc_report_write:
 * @data_dir: the data folder whose responses to report
 * @path: the PDF file to write
 * @filter: which responses
 * @language: "kk", "ru" or "en": the language of the question texts; the
 *   rest follows the translations in use
 * @n_pages: (out) (optional): the number of pages written
 * @error: a location for a #GError
 *
 * Returns: whether the report was written
 */
gboolean
rc_report_write (const char             *data_dir,
                 const char             *path,
                 const RcResultsFilter  *filter,
                 const char             *language,
                 guint                  *n_pages,
                 GError                **error)
{
  g_autoptr(RcDatabase) database = NULL;
  g_autoptr(RcReport) report = NULL;
  RcResults *results;

  g_return_val_if_fail (data_dir != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (filter != NULL, FALSE);
  g_return_val_if_fail (language != NULL, FALSE);

  if (!rc_results_filter_check (filter, error) ||
      !(database = rc_database_open_existing (data_dir, error)) ||
      !(results = rc_results_new (database, filter, language, NULL, NULL, error)))
    return FALSE;

  report = rc_report_new (results, filter);
  return rc_report_write_pdf (report, path, n_pages, error);
}
