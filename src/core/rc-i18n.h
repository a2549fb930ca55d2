/* rc-i18n.h: translations of the core's messages
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <libintl.h>

/* Plain dgettext, not g_dgettext: GLib decides once per process whether to
 * translate at all, from the locale of its first call, and the kiosk
 * switches language after that for each respondent. */
#define _(String) dgettext (GETTEXT_PACKAGE, String)
#define N_(String) (String)
