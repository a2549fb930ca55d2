/* test-pin.c: the coordinator PIN and its lockout
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* memmem () */
#define _GNU_SOURCE

#include "config.h"

#include <string.h>

#include "rc-pin.h"
#include "rc-test-utils.h"

static gint64
fake_clock (gpointer user_data)
{
  return *(gint64 *)user_data;
}

static void
assert_check (RcPin      *pin,
              const char *typed,
              int         expected_error)
{
  g_autoptr(GError) error = NULL;
  gboolean right = rc_pin_check (pin, typed, &error);

  if (expected_error < 0)
    {
      g_assert_no_error (error);
      g_assert_true (right);
    }
  else
    {
      g_assert_false (right);
      g_assert_error (error, RC_PIN_ERROR, expected_error);
    }
}

static void
test_pin_set_and_check (void)
{
  g_autofree char *data_dir = rc_test_make_temp_dir ();
  g_autoptr(RcDatabase) database = rc_test_open_database (data_dir);
  g_autoptr(RcPin) pin = rc_pin_new (database);
  static const char * const invalid[] = { "", "123", "12a4", "1234567890123", " 1234", NULL };
  g_autoptr(GError) error = NULL;

  g_assert_false (rc_pin_is_set (pin));
  assert_check (pin, "2580", RC_PIN_ERROR_NOT_SET);

  for (guint i = 0; invalid[i] != NULL; i++)
    {
      g_assert_false (rc_pin_set (pin, invalid[i], &error));
      g_assert_error (error, RC_PIN_ERROR, RC_PIN_ERROR_INVALID);
      g_clear_error (&error);
    }
  g_assert_false (rc_pin_is_set (pin));

  g_assert_true (rc_pin_set (pin, "2580", &error));
  g_assert_no_error (error);
  g_assert_true (rc_pin_is_set (pin));

  assert_check (pin, "2580", -1);
  assert_check (pin, "2581", RC_PIN_ERROR_WRONG);
  assert_check (pin, "25800", RC_PIN_ERROR_WRONG);
  assert_check (pin, "2580", -1);

  /* A new PIN replaces the old one. */
  g_assert_true (rc_pin_set (pin, "741963", NULL));
  assert_check (pin, "2580", RC_PIN_ERROR_WRONG);
  assert_check (pin, "741963", -1);
}

static gboolean
file_contains (const char *path,
               const char *needle)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;

  return memmem (contents, length, needle, strlen (needle)) != NULL;
}

static void
test_pin_stored_only_as_salted_hash (void)
{
  g_autofree char *first_dir = rc_test_make_temp_dir ();
  g_autofree char *second_dir = rc_test_make_temp_dir ();
  g_autoptr(RcDatabase) first = rc_test_open_database (first_dir);
  g_autoptr(RcDatabase) second = rc_test_open_database (second_dir);
  g_autoptr(RcPin) first_pin = rc_pin_new (first);
  g_autoptr(RcPin) second_pin = rc_pin_new (second);
  g_autofree char *first_hash = NULL;
  g_autofree char *second_hash = NULL;
  const char *suffixes[] = { "", "-wal", "-shm" };
  sqlite3_stmt *stmt;

  g_assert_true (rc_pin_set (first_pin, "90817263", NULL));
  g_assert_true (rc_pin_set (second_pin, "90817263", NULL));

  /* The digits are nowhere in the data folder. */
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (first_dir, "/" RC_DATABASE_FILE_NAME, suffixes[i], NULL);
      g_assert_false (file_contains (path, "90817263"));
    }

  /* The same PIN on two kiosks hashes differently: each has its salt. */
  stmt = rc_database_prepare (first, "SELECT hex (hash) FROM coordinator_pin", NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  first_hash = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  stmt = rc_database_prepare (second, "SELECT hex (hash) FROM coordinator_pin", NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  second_hash = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  g_assert_cmpuint (strlen (first_hash), ==, 64);
  g_assert_cmpstr (first_hash, !=, second_hash);
}

static void
test_pin_lockout_grows (void)
{
  g_autofree char *data_dir = rc_test_make_temp_dir ();
  g_autoptr(RcDatabase) database = rc_test_open_database (data_dir);
  g_autoptr(RcPin) pin = rc_pin_new (database);
  gint64 now = G_GINT64_CONSTANT (1800000000) * G_USEC_PER_SEC;
  g_autoptr(GError) error = NULL;

  rc_pin_set_clock (pin, fake_clock, &now);
  g_assert_true (rc_pin_set (pin, "2580", NULL));

  /* Two slips cost nothing... */
  assert_check (pin, "1111", RC_PIN_ERROR_WRONG);
  assert_check (pin, "2222", RC_PIN_ERROR_WRONG);
  g_assert_cmpint (rc_pin_get_locked_seconds (pin), ==, 0);

  /* ...the third locks the prompt for half a minute, the right PIN too. */
  assert_check (pin, "3333", RC_PIN_ERROR_WRONG);
  g_assert_cmpint (rc_pin_get_locked_seconds (pin), ==, 30);
  g_assert_false (rc_pin_check (pin, "2580", &error));
  g_assert_error (error, RC_PIN_ERROR, RC_PIN_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, "30 seconds"));
  g_clear_error (&error);

  now += 10 * G_USEC_PER_SEC;
  g_assert_cmpint (rc_pin_get_locked_seconds (pin), ==, 20);

  /* Each wrong try after a lockout locks twice as long. */
  now += 21 * G_USEC_PER_SEC;
  assert_check (pin, "4444", RC_PIN_ERROR_WRONG);
  g_assert_cmpint (rc_pin_get_locked_seconds (pin), ==, 60);
  now += 61 * G_USEC_PER_SEC;
  assert_check (pin, "5555", RC_PIN_ERROR_WRONG);
  g_assert_cmpint (rc_pin_get_locked_seconds (pin), ==, 120);

  /* A restart does not lift it. */
  {
    g_autoptr(RcDatabase) reopened = rc_test_open_database (data_dir);
    g_autoptr(RcPin) again = rc_pin_new (reopened);

    rc_pin_set_clock (again, fake_clock, &now);
    g_assert_cmpint (rc_pin_get_locked_seconds (again), ==, 120);
    assert_check (again, "2580", RC_PIN_ERROR_LOCKED);
  }

  /* The right PIN, once the lock has passed, starts the count afresh. */
  now += 121 * G_USEC_PER_SEC;
  assert_check (pin, "2580", -1);
  assert_check (pin, "1111", RC_PIN_ERROR_WRONG);
  assert_check (pin, "1111", RC_PIN_ERROR_WRONG);
  g_assert_cmpint (rc_pin_get_locked_seconds (pin), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pin/set-and-check", test_pin_set_and_check);
  g_test_add_func ("/pin/stored-only-as-salted-hash", test_pin_stored_only_as_salted_hash);
  g_test_add_func ("/pin/lockout-grows", test_pin_lockout_grows);

  return g_test_run ();
}
