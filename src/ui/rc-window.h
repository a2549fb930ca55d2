/* rc-window.h
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rc-application.h"

G_BEGIN_DECLS

#define RC_TYPE_WINDOW (rc_window_get_type ())

G_DECLARE_FINAL_TYPE (RcWindow, rc_window, RC, WINDOW, AdwApplicationWindow)

RcWindow   *rc_window_new       (RcApplication *application);
gboolean    rc_window_get_kiosk (RcWindow      *self);
const char *rc_window_get_place (RcWindow      *self);
void        rc_window_set_place (RcWindow      *self,
                                 const char    *place);

G_END_DECLS
