/* rc-i18n.h: translations of the core's messages
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <libintl.h>
#include <string.h>

/* Plain dgettext, not g_dgettext: GLib decides once per process whether to
 * translate at all, from the locale of its first call, and the kiosk
 * switches language after that for each respondent. */
#define _(String) dgettext (GETTEXT_PACKAGE, String)
#define N_(String) (String)

/* A string whose English alone is ambiguous (as "May", a month or a verb),
 * marked with its context; rc_pgettext() translates it, in the same way. */
#define NC_(Context, String) (Context "\004" String)

static inline const char *
rc_pgettext (const char *marked)
{
  const char *translated = dgettext (GETTEXT_PACKAGE, marked);

  /* Untranslated, it comes back as it went, context and all. */
  return translated == marked ? strchr (marked, '\004') + 1 : translated;
}
