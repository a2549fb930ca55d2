/* rc-pin.h
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rc-database.h"

G_BEGIN_DECLS

#define RC_PIN_ERROR (rc_pin_error_quark ())

typedef enum
{
  RC_PIN_ERROR_INVALID,
  RC_PIN_ERROR_NOT_SET,
  RC_PIN_ERROR_WRONG,
  RC_PIN_ERROR_LOCKED,
} RcPinError;

#define RC_PIN_MIN_LENGTH 4
#define RC_PIN_MAX_LENGTH 12

/* Wrong tries allowed before the first lockout. */
#define RC_PIN_FREE_TRIES 3

/* Microseconds since the epoch, as g_get_real_time(). */
typedef gint64 (*RcClockFunc) (gpointer user_data);

#define RC_TYPE_PIN (rc_pin_get_type ())

G_DECLARE_FINAL_TYPE (RcPin, rc_pin, RC, PIN, GObject)

GQuark   rc_pin_error_quark        (void);
RcPin   *rc_pin_new                (RcDatabase   *database);
void     rc_pin_set_clock          (RcPin        *self,
                                    RcClockFunc   clock,
                                    gpointer      user_data);
gboolean rc_pin_is_set             (RcPin        *self);
gboolean rc_pin_set                (RcPin        *self,
                                    const char   *pin,
                                    GError      **error);
gboolean rc_pin_check              (RcPin        *self,
                                    const char   *pin,
                                    GError      **error);
gint64   rc_pin_get_locked_seconds (RcPin        *self);

G_END_DECLS
