/* rc-html-blocks.h: a website post's HTML as the blocks the app renders
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

JsonArray  *rc_html_to_blocks     (const char *html,
                                   const char *base_url);
char       *rc_html_to_text       (const char *html);
const char *rc_text_guess_language (const char *text);

G_END_DECLS
