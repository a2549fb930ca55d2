/* rc-pin.c: the coordinator PIN
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <inttypes.h>
#include "rc-i18n.h"
#include <string.h>
#include <sys/random.h>

#include "rc-pin.h"

#define SALT_LENGTH 16
#define HASH_LENGTH 32
/* PBKDF2-HMAC-SHA256; raising it later is safe, the count is stored. */
#define ITERATIONS 200000
#define FIRST_LOCK_SECONDS 30
#define LONGEST_LOCK_SECONDS 3600

struct _RcPin
{
  GObject      parent_instance;

  RcDatabase  *database;
  RcClockFunc  clock;
  gpointer     clock_data;
};

G_DEFINE_FINAL_TYPE (RcPin, rc_pin, G_TYPE_OBJECT)

G_DEFINE_QUARK (rc-pin-error-quark, rc_pin_error)

static gint64
real_clock (gpointer user_data)
{
  return g_get_real_time ();
}

static void
rc_pin_finalize (GObject *object)
{
  RcPin *self = (RcPin *)object;

  g_clear_object (&self->database);

  G_OBJECT_CLASS (rc_pin_parent_class)->finalize (object);
}

static void
rc_pin_class_init (RcPinClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rc_pin_finalize;
}

static void
rc_pin_init (RcPin *self)
{
  self->clock = real_clock;
}

RcPin *
rc_pin_new (RcDatabase *database)
{
  RcPin *self;

  g_return_val_if_fail (RC_IS_DATABASE (database), NULL);

  self = g_object_new (RC_TYPE_PIN, NULL);
  self->database = g_object_ref (database);

  return self;
}

/* For tests, which cannot wait for a lockout to pass. */
void
rc_pin_set_clock (RcPin       *self,
                  RcClockFunc  clock,
                  gpointer     user_data)
{
  g_return_if_fail (RC_IS_PIN (self));
  g_return_if_fail (clock != NULL);

  self->clock = clock;
  self->clock_data = user_data;
}

/* PBKDF2 (RFC 8018) with HMAC-SHA256, one block: slow on purpose, so that a
 * copy of the database does not give the PIN away at once. */
static void
derive (const char   *pin,
        const guint8 *salt,
        gsize         salt_length,
        guint         iterations,
        guint8        out[HASH_LENGTH])
{
  static const guint8 block_index[4] = { 0, 0, 0, 1 };
  g_autoptr(GHmac) keyed = g_hmac_new (G_CHECKSUM_SHA256, (const guchar *)pin, strlen (pin));
  guint8 u[HASH_LENGTH];
  gsize length = HASH_LENGTH;

  {
    g_autoptr(GHmac) hmac = g_hmac_copy (keyed);

    g_hmac_update (hmac, salt, salt_length);
    g_hmac_update (hmac, block_index, sizeof block_index);
    g_hmac_get_digest (hmac, u, &length);
  }
  memcpy (out, u, HASH_LENGTH);

  for (guint i = 1; i < iterations; i++)
    {
      g_autoptr(GHmac) hmac = g_hmac_copy (keyed);

      length = HASH_LENGTH;
      g_hmac_update (hmac, u, HASH_LENGTH);
      g_hmac_get_digest (hmac, u, &length);

      for (guint j = 0; j < HASH_LENGTH; j++)
        out[j] ^= u[j];
    }
}

/* Takes the same time whichever byte differs. */
static gboolean
equal_in_constant_time (const guint8 *a,
                        const guint8 *b,
                        gsize         length)
{
  guint8 difference = 0;

  for (gsize i = 0; i < length; i++)
    difference |= a[i] ^ b[i];

  return difference == 0;
}

static gboolean
is_valid_pin (const char *pin)
{
  gsize length = strlen (pin);

  if (length < RC_PIN_MIN_LENGTH || length > RC_PIN_MAX_LENGTH)
    return FALSE;

  for (gsize i = 0; i < length; i++)
    {
      if (!g_ascii_isdigit (pin[i]))
        return FALSE;
    }

  return TRUE;
}

gboolean
rc_pin_is_set (RcPin *self)
{
  sqlite3_stmt *stmt;
  gboolean is_set;

  g_return_val_if_fail (RC_IS_PIN (self), FALSE);

  stmt = rc_database_prepare (self->database, "SELECT 1 FROM coordinator_pin WHERE id = 1", NULL);
  is_set = stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_finalize (stmt);

  return is_set;
}

/**
 * rc_pin_set:
 * @self: a #RcPin
 * @pin: the new PIN, 4 to 12 digits
 * @error: a location for a #GError
 *
 * Sets the coordinator PIN, replacing any earlier one and lifting any
 * lockout. Only a salted slow hash of it is stored.
 *
 * Returns: whether the PIN was set
 */
gboolean
rc_pin_set (RcPin       *self,
            const char  *pin,
            GError     **error)
{
  guint8 salt[SALT_LENGTH];
  guint8 hash[HASH_LENGTH];
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RC_IS_PIN (self), FALSE);
  g_return_val_if_fail (pin != NULL, FALSE);

  if (!is_valid_pin (pin))
    {
      g_set_error (error, RC_PIN_ERROR, RC_PIN_ERROR_INVALID,
                   _("A PIN is %d to %d digits"), RC_PIN_MIN_LENGTH, RC_PIN_MAX_LENGTH);
      return FALSE;
    }

  if (getrandom (salt, sizeof salt, 0) != sizeof salt)
    {
      int errsv = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   _("Cannot make a random salt for the PIN: %s"), g_strerror (errsv));
      return FALSE;
    }

  derive (pin, salt, sizeof salt, ITERATIONS, hash);

  stmt = rc_database_prepare (self->database,
                              "INSERT OR REPLACE INTO coordinator_pin "
                              "(id, salt, hash, iterations, failures, locked_until) "
                              "VALUES (1, ?1, ?2, ?3, 0, 0)",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_blob (stmt, 1, salt, sizeof salt, SQLITE_STATIC);
  sqlite3_bind_blob (stmt, 2, hash, sizeof hash, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, ITERATIONS);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    return rc_database_fail (self->database, rc, error);

  return TRUE;
}

static gboolean
record_attempt (RcPin    *self,
                gboolean  right,
                gint64    failures,
                GError  **error)
{
  gint64 locked_until = 0;
  sqlite3_stmt *stmt;
  int rc;

  if (right)
    failures = 0;
  else
    failures++;

  /* The third wrong try in a row locks the prompt, and each wrong try
   * after a lockout locks it twice as long as the one before. */
  if (failures >= RC_PIN_FREE_TRIES)
    {
      gint64 seconds = FIRST_LOCK_SECONDS;

      for (gint64 i = RC_PIN_FREE_TRIES; i < failures && seconds < LONGEST_LOCK_SECONDS; i++)
        seconds *= 2;

      locked_until = self->clock (self->clock_data) + MIN (seconds, LONGEST_LOCK_SECONDS) * G_USEC_PER_SEC;
    }

  stmt = rc_database_prepare (self->database,
                              "UPDATE coordinator_pin SET failures = ?1, locked_until = ?2 WHERE id = 1",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, failures);
  sqlite3_bind_int64 (stmt, 2, locked_until);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    return rc_database_fail (self->database, rc, error);

  return TRUE;
}

static gint64
seconds_until (RcPin  *self,
               gint64  locked_until)
{
  gint64 now = self->clock (self->clock_data);

  if (locked_until <= now)
    return 0;

  return (locked_until - now + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC;
}

/**
 * rc_pin_check:
 * @self: a #RcPin
 * @pin: what was typed
 * @error: a location for a #GError
 *
 * Checks @pin against the coordinator PIN. While the prompt is locked after
 * wrong tries, every try is refused with %RC_PIN_ERROR_LOCKED, the right
 * PIN too, and does not count.
 *
 * Returns: whether @pin is the coordinator PIN
 */
gboolean
rc_pin_check (RcPin       *self,
              const char  *pin,
              GError     **error)
{
  guint8 salt[SALT_LENGTH];
  guint8 stored[HASH_LENGTH];
  guint8 hash[HASH_LENGTH];
  sqlite3_stmt *stmt;
  gint64 failures, locked_until, seconds;
  guint iterations;
  gboolean right;
  int rc;

  g_return_val_if_fail (RC_IS_PIN (self), FALSE);
  g_return_val_if_fail (pin != NULL, FALSE);

  stmt = rc_database_prepare (self->database,
                              "SELECT salt, hash, iterations, failures, locked_until "
                              "FROM coordinator_pin WHERE id = 1",
                              error);
  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      sqlite3_finalize (stmt);
      g_set_error (error, RC_PIN_ERROR, RC_PIN_ERROR_NOT_SET, _("No coordinator PIN has been set"));
      return FALSE;
    }
  if (rc != SQLITE_ROW ||
      sqlite3_column_bytes (stmt, 0) != SALT_LENGTH ||
      sqlite3_column_bytes (stmt, 1) != HASH_LENGTH)
    {
      sqlite3_finalize (stmt);
      return rc_database_fail (self->database, rc == SQLITE_ROW ? SQLITE_CORRUPT : rc, error);
    }

  memcpy (salt, sqlite3_column_blob (stmt, 0), SALT_LENGTH);
  memcpy (stored, sqlite3_column_blob (stmt, 1), HASH_LENGTH);
  iterations = (guint)sqlite3_column_int (stmt, 2);
  failures = sqlite3_column_int64 (stmt, 3);
  locked_until = sqlite3_column_int64 (stmt, 4);
  sqlite3_finalize (stmt);

  if ((seconds = seconds_until (self, locked_until)) > 0)
    {
      g_set_error (error, RC_PIN_ERROR, RC_PIN_ERROR_LOCKED,
                   dngettext (GETTEXT_PACKAGE,
                                "Too many wrong PINs. Try again in %" PRId64 " second",
                                "Too many wrong PINs. Try again in %" PRId64 " seconds",
                                seconds),
                   seconds);
      return FALSE;
    }

  derive (pin, salt, sizeof salt, iterations, hash);
  right = is_valid_pin (pin) && equal_in_constant_time (hash, stored, HASH_LENGTH);

  if (!record_attempt (self, right, failures, error))
    return FALSE;

  if (!right)
    {
      g_set_error_literal (error, RC_PIN_ERROR, RC_PIN_ERROR_WRONG, _("This PIN is not right"));
      return FALSE;
    }

  return TRUE;
}

/* How long the prompt stays locked, in whole seconds; 0 when it is not. */
gint64
rc_pin_get_locked_seconds (RcPin *self)
{
  sqlite3_stmt *stmt;
  gint64 seconds = 0;

  g_return_val_if_fail (RC_IS_PIN (self), 0);

  stmt = rc_database_prepare (self->database,
                              "SELECT locked_until FROM coordinator_pin WHERE id = 1", NULL);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    seconds = seconds_until (self, sqlite3_column_int64 (stmt, 0));
  sqlite3_finalize (stmt);

  return seconds;
}
