/* rc-progress.h: how far a job in another thread has come, for a progress bar
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Written by the job's thread and read by the window's with
 * g_atomic_int_get() and g_atomic_int_set(). */
typedef struct
{
  gint total;   /* the steps the job will take, or 0 until they are known */
  gint done;    /* the steps taken */
} RcProgress;

G_END_DECLS
