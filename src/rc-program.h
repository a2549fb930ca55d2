/* rc-program.h: what both programs, resource-center and resource-center-app, do first and on failure
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void rc_program_init (void);
int  rc_program_fail (const GError *error);

G_END_DECLS
