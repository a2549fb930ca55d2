/* rc-language.c
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "rc-language.h"

/* glibc caches translations; bumping this counter makes gettext look again
 * after LANGUAGE changed (as the gettext manual describes). */
extern int _nl_msg_cat_cntr;

static char *system_language;
static gboolean system_language_saved;

static void
save_system_language (void)
{
  if (system_language_saved)
    return;

  system_language = g_strdup (g_getenv ("LANGUAGE"));
  system_language_saved = TRUE;
}

/**
 * rc_language_use:
 * @language: "kk", "ru" or "en"
 *
 * Makes every string translated from now on come in @language, whatever
 * the system locale: the respondent's choice at the kiosk. Widgets built
 * before keep their text, so the survey screens are built after the
 * choice.
 */
void
rc_language_use (const char *language)
{
  g_return_if_fail (language != NULL);

  save_system_language ();

  /* LANGUAGE is ignored in the C locale; C.UTF-8 is always there. */
  if (g_strcmp0 (setlocale (LC_MESSAGES, NULL), "C") == 0)
    setlocale (LC_MESSAGES, "C.UTF-8");

  g_setenv ("LANGUAGE", language, TRUE);
  ++_nl_msg_cat_cntr;
}

/* Back to the language of the rest of the app, for the next respondent's
 * welcome and for staff. */
void
rc_language_use_system (void)
{
  if (!system_language_saved)
    return;

  if (system_language != NULL)
    g_setenv ("LANGUAGE", system_language, TRUE);
  else
    g_unsetenv ("LANGUAGE");
  ++_nl_msg_cat_cntr;
}

/**
 * rc_language_get_interface:
 *
 * Returns: "kk", "ru" or "en": the language the app's own strings come in
 *   now, to pick the same one from a survey definition's labels
 */
const char *
rc_language_get_interface (void)
{
  const char * const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_str_has_prefix (names[i], "kk"))
        return "kk";
      if (g_str_has_prefix (names[i], "ru"))
        return "ru";
      if (g_str_has_prefix (names[i], "en") || g_str_equal (names[i], "C"))
        return "en";
    }

  return "en";
}

/**
 * rc_language_pick_text:
 * @text: a label of a survey definition
 *
 * Returns: (transfer none): @text in the interface language, or in Russian
 *   or Kazakh when the definition has no English
 */
const char *
rc_language_pick_text (const RcText *text)
{
  g_return_val_if_fail (text != NULL, NULL);

  return rc_text_pick (text, rc_language_get_interface ());
}

