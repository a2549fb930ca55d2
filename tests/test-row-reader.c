/* test-row-reader.c: rows read in a thread of their own arrive whole and in order
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rc-row-reader.h"

/* Far more rows than the reader's batches hold at once, so it must wait
 * for them to come back. */
#define N_ROWS 20000

static sqlite3 *
open_memory (void)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);
  return db;
}

static sqlite3_stmt *
prepare (sqlite3    *db,
         const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  return stmt;
}

#define ROWS_SQL \
  "WITH RECURSIVE n (x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < %d) "

static void
test_row_reader_every_row_in_order (void)
{
  sqlite3 *db = open_memory ();
  g_autofree char *sql = g_strdup_printf (ROWS_SQL "SELECT x, printf ('row %%d: %%.*c', x, x %% 300 + 1, 'a'), "
                                          "NULL, 'Қазақ ' || x FROM n",
                                          N_ROWS);
  sqlite3_stmt *stmt = prepare (db, sql);
  RcRowReader *reader = rc_row_reader_start (stmt);
  gint64 expected = 0;

  while (rc_row_reader_next (reader))
    {
      g_autofree char *text = NULL;
      g_autofree char *kazakh = g_strdup_printf ("Қазақ %" G_GINT64_FORMAT, ++expected);
      char *padding = g_strnfill (expected % 300 + 1, 'a');
      gsize length = 0;

      text = g_strdup_printf ("row %" G_GINT64_FORMAT ": %s", expected, padding);
      g_free (padding);

      g_assert_cmpint (rc_row_reader_get_int64 (reader, 0), ==, expected);
      g_assert_cmpstr (rc_row_reader_get_text (reader, 1, &length), ==, text);
      g_assert_cmpuint (length, ==, strlen (text));
      g_assert_null (rc_row_reader_get_text (reader, 2, NULL));
      g_assert_cmpint (rc_row_reader_get_int64 (reader, 2), ==, 0);
      g_assert_cmpstr (rc_row_reader_get_text (reader, 3, NULL), ==, kazakh);
      /* A number is not a text. */
      g_assert_null (rc_row_reader_get_text (reader, 0, NULL));
    }

  g_assert_cmpint (expected, ==, N_ROWS);
  /* The end stays the end. */
  g_assert_false (rc_row_reader_next (reader));
  g_assert_cmpint (rc_row_reader_finish (reader), ==, SQLITE_DONE);

  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

/* Empty texts and blobs, as a damaged or hand-edited database may hold
 * them, read as empty texts; a blob keeps its bytes, nul included; and
 * the next column is still where it belongs. */
static void
test_row_reader_empty_and_blob (void)
{
  sqlite3 *db = open_memory ();
  sqlite3_stmt *stmt = prepare (db, "SELECT '', x'', x'610062', 'next' UNION ALL SELECT x'', '', 'ab', x''");
  RcRowReader *reader = rc_row_reader_start (stmt);
  const char *text;
  gsize length = 1;

  g_assert_true (rc_row_reader_next (reader));
  g_assert_cmpstr (rc_row_reader_get_text (reader, 0, &length), ==, "");
  g_assert_cmpuint (length, ==, 0);
  length = 1;
  g_assert_cmpstr (rc_row_reader_get_text (reader, 1, &length), ==, "");
  g_assert_cmpuint (length, ==, 0);
  text = rc_row_reader_get_text (reader, 2, &length);
  g_assert_cmpmem (text, length, "a\0b", 3);
  g_assert_cmpint (text[length], ==, '\0');
  g_assert_cmpstr (rc_row_reader_get_text (reader, 3, &length), ==, "next");
  g_assert_cmpuint (length, ==, 4);

  g_assert_true (rc_row_reader_next (reader));
  g_assert_cmpstr (rc_row_reader_get_text (reader, 0, NULL), ==, "");
  g_assert_cmpstr (rc_row_reader_get_text (reader, 1, NULL), ==, "");
  g_assert_cmpstr (rc_row_reader_get_text (reader, 2, &length), ==, "ab");
  g_assert_cmpuint (length, ==, 2);
  g_assert_cmpstr (rc_row_reader_get_text (reader, 3, &length), ==, "");
  g_assert_cmpuint (length, ==, 0);

  g_assert_false (rc_row_reader_next (reader));
  g_assert_cmpint (rc_row_reader_finish (reader), ==, SQLITE_DONE);

  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

/* Whoever reads may stop at any row, or before the first: the thread,
 * waiting for a batch to fill, ends, and the statement can be used again. */
static void
test_row_reader_stops_early (void)
{
  sqlite3 *db = open_memory ();
  g_autofree char *sql = g_strdup_printf (ROWS_SQL "SELECT x, printf ('%%.500c', 'b') FROM n", N_ROWS);
  sqlite3_stmt *stmt = prepare (db, sql);
  guint stops[] = { 0, 1, 3, 2000 };

  for (guint i = 0; i < G_N_ELEMENTS (stops); i++)
    {
      RcRowReader *reader = rc_row_reader_start (stmt);

      for (guint row = 0; row < stops[i]; row++)
        {
          g_assert_true (rc_row_reader_next (reader));
          g_assert_cmpint (rc_row_reader_get_int64 (reader, 0), ==, row + 1);
        }
      /* Let the thread fill every batch it has and wait for more. */
      g_usleep (G_USEC_PER_SEC / 20);
      g_assert_cmpint (rc_row_reader_finish (reader), ==, SQLITE_DONE);

      sqlite3_reset (stmt);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_assert_cmpint (sqlite3_column_int64 (stmt, 0), ==, 1);
      sqlite3_reset (stmt);
    }

  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

/* A statement that fails half-way: every row before the failure is read,
 * and the error is the statement's own. */
static void
test_row_reader_fails_half_way (void)
{
  sqlite3 *db = open_memory ();
  g_autofree char *sql = g_strdup_printf (ROWS_SQL "SELECT x, CASE WHEN x = %d THEN json ('not json') "
                                          "ELSE printf ('%%.200c', 'c') END FROM n",
                                          N_ROWS, N_ROWS / 2);
  sqlite3_stmt *stmt = prepare (db, sql);
  RcRowReader *reader = rc_row_reader_start (stmt);
  gint64 n_read = 0;

  while (rc_row_reader_next (reader))
    g_assert_cmpint (rc_row_reader_get_int64 (reader, 0), ==, ++n_read);

  g_assert_cmpint (n_read, ==, N_ROWS / 2 - 1);
  g_assert_cmpint (rc_row_reader_finish (reader), ==, SQLITE_ERROR);
  g_assert_nonnull (strstr (sqlite3_errmsg (db), "JSON"));

  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

/* A statement with no row at all. */
static void
test_row_reader_no_rows (void)
{
  sqlite3 *db = open_memory ();
  sqlite3_stmt *stmt = prepare (db, "SELECT 1 WHERE 0");
  RcRowReader *reader = rc_row_reader_start (stmt);

  g_assert_false (rc_row_reader_next (reader));
  g_assert_cmpint (rc_row_reader_finish (reader), ==, SQLITE_DONE);

  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/row-reader/every-row-in-order", test_row_reader_every_row_in_order);
  g_test_add_func ("/row-reader/empty-and-blob", test_row_reader_empty_and_blob);
  g_test_add_func ("/row-reader/stops-early", test_row_reader_stops_early);
  g_test_add_func ("/row-reader/fails-half-way", test_row_reader_fails_half_way);
  g_test_add_func ("/row-reader/no-rows", test_row_reader_no_rows);

  return g_test_run ();
}
