/* fuzz-html.c: the HTML of a post from the centre's website, made into
 * blocks and plain text
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rc-fuzz.h"
#include "rc-html-blocks.h"

RC_FUZZ_DEFINE_INITIALIZE ()

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *html = g_strndup ((const char *)data, size);
  g_autoptr(JsonArray) blocks = rc_html_to_blocks (html, "https://example.org/news/post/");
  g_autofree char *text = rc_html_to_text (html);

  g_assert (blocks != NULL);
  g_assert (text != NULL && g_utf8_validate (text, -1, NULL));
  (void)rc_text_guess_language (text);

  return 0;
}
