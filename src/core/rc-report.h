/* rc-report.h: the results as pages, for a PDF file or a printer
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

/* A4 in points, the unit of a PDF page. */
#define RC_REPORT_A4_WIDTH  595.276
#define RC_REPORT_A4_HEIGHT 841.890

typedef struct _RcReport RcReport;

RcReport *rc_report_new        (RcResults              *results,
                                const RcResultsFilter  *filter);
void      rc_report_free       (RcReport               *self);
guint     rc_report_paginate   (RcReport               *self,
                                PangoContext           *context,
                                double                  width,
                                double                  height);
void      rc_report_draw_page  (RcReport               *self,
                                cairo_t                *cr,
                                PangoContext           *context,
                                guint                   page);
gboolean  rc_report_write_pdf  (RcReport               *self,
                                const char             *path,
                                guint                  *n_pages,
                                GError                **error);
gboolean  rc_report_write      (const char             *data_dir,
                                const char             *path,
                                const RcResultsFilter  *filter,
                                const char             *language,
                                guint                  *n_pages,
                                GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RcReport, rc_report_free)

G_END_DECLS
