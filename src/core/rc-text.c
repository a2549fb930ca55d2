/* rc-text.c
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "rc-text.h"

/**
 * rc_text_get:
 * @text: a text
 * @language: "kk", "ru" or "en"
 *
 * Returns: (nullable): @text in @language, or %NULL if it has none
 */
const char *
rc_text_get (const RcText *text,
             const char   *language)
{
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (language != NULL, NULL);

  if (g_str_equal (language, "kk"))
    return text->kk;
  if (g_str_equal (language, "ru"))
    return text->ru;
  if (g_str_equal (language, "en"))
    return text->en;

  return NULL;
}

/**
 * rc_text_pick:
 * @text: a label of a survey definition
 * @language: "kk", "ru" or "en"
 *
 * Returns: (transfer none): @text in @language, or in Russian or Kazakh
 *   when the definition does not have it; never %NULL
 */
const char *
rc_text_pick (const RcText *text,
              const char   *language)
{
  const char *picked;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (language != NULL, NULL);

  picked = rc_text_get (text, language);
  if (picked == NULL)
    picked = text->ru;
  if (picked == NULL)
    picked = text->kk;

  return picked ? picked : "";
}

void
rc_text_clear (RcText *text)
{
  g_clear_pointer (&text->kk, g_free);
  g_clear_pointer (&text->ru, g_free);
  g_clear_pointer (&text->en, g_free);
}
