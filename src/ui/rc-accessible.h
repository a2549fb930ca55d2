/* rc-accessible.h: what a screen reader is told
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void rc_accessible_name_mnemonic_buttons (GtkWidget       *root);
void rc_accessible_name_toast_buttons    (AdwToastOverlay *overlay);
void rc_accessible_name_window_buttons   (void);

G_END_DECLS
