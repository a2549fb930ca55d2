/* rc-text.h
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A text of a survey definition in each language the app knows. */
typedef struct
{
  char *kk;
  char *ru;
  char *en;
} RcText;

const char *rc_text_get   (const RcText *text,
                           const char   *language);
const char *rc_text_pick  (const RcText *text,
                           const char   *language);
void        rc_text_clear (RcText       *text);
char       *rc_text_format_day (const char *date);
char       *rc_text_format_day_in_words (const char *date);
char       *rc_text_format_count (gint64 count);
char       *rc_text_format_tenths (double value);
const char *rc_text_get_endonym (const char *language);

G_END_DECLS
