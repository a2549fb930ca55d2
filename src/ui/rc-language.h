/* rc-language.h: the language of the kiosk, chosen by the respondent
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "rc-text.h"

G_BEGIN_DECLS

void rc_language_use          (const char *language);
void rc_language_use_system   (void);

const char *rc_language_get_interface (void);
const char *rc_language_pick_text     (const RcText *text);

G_END_DECLS
