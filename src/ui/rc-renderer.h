/* rc-renderer.h: which of GTK's renderers draws the app's windows
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

char     *rc_renderer_get_gl_name     (GdkDisplay  *display,
                                       GError     **error);
gboolean  rc_renderer_is_software     (const char  *gl_name);
void      rc_renderer_choose          (GdkDisplay  *display);

G_END_DECLS
