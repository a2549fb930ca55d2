/* rc-accessible.h: what a screen reader is told
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void rc_accessible_name_mnemonic_buttons (GtkWidget *root);

G_END_DECLS
