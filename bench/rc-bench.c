/* rc-bench.c: what bench/run times inside one process, each figure beside
 * its floor, the bare SQLite work on the same database and pragmas
 *
 *   rc-bench save DATA_DIR ROUNDS     saving one response durably, the app's
 *                                     way and as bare inserts of its rows
 *   rc-bench results DATA_DIR ROUNDS  the results page's numbers, and the
 *                                     same SQL statements run alone
 *   rc-bench insert SOURCE DATA_DIR   the floor of an import: every response
 *                                     of SOURCE inserted into DATA_DIR in
 *                                     one transaction
 *   rc-bench pages ROUNDS             what this machine charges for a page
 *                                     of memory written for the first time,
 *                                     and written again
 *
 * The first two print a line "NAME APP_MS BARE_MS" of medians; pages
 * prints "pages FIRST_US AGAIN_US", medians per page.
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#include "rc-response-store.h"
#include "rc-results.h"

static double
median (GArray *times)
{
  double *values = &g_array_index (times, double, 0);

  for (guint i = 1; i < times->len; i++)
    for (guint j = i; j > 0 && values[j - 1] > values[j]; j--)
      {
        double t = values[j];

        values[j] = values[j - 1];
        values[j - 1] = t;
      }
  return times->len % 2 ? values[times->len / 2]
                        : (values[times->len / 2 - 1] + values[times->len / 2]) / 2;
}

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
die_on (GError *error)
{
  if (error != NULL)
    {
      g_printerr ("rc-bench: %s\n", error->message);
      exit (EXIT_FAILURE);
    }
}

static void
check (sqlite3 *db,
       int      rc)
{
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      g_printerr ("rc-bench: %s\n", sqlite3_errmsg (db));
      exit (EXIT_FAILURE);
    }
}

/* A respondent who answers every question she is shown, the first way. */
static RcResponse *
make_response (RcSurvey *survey)
{
  RcResponse *response = rc_response_new (survey, "kk");
  GPtrArray *questions = rc_survey_get_questions (survey);

  for (guint q = 0; q < questions->len; q++)
    {
      RcQuestion *question = g_ptr_array_index (questions, q);
      RcOption *first = question->options && question->options->len ? g_ptr_array_index (question->options, 0) : NULL;

      if (!rc_response_is_visible (response, question->id))
        continue;
      switch (question->type)
        {
        case RC_QUESTION_SINGLE_CHOICE:
          rc_response_set_choice (response, question->id, first->id, NULL);
          break;
        case RC_QUESTION_MULTIPLE_CHOICE:
          rc_response_set_choices (response, question->id, (const char *[]) { first->id, NULL }, NULL);
          break;
        case RC_QUESTION_YES_NO:
          rc_response_set_choice (response, question->id, "yes", NULL);
          break;
        case RC_QUESTION_SCALE:
        case RC_QUESTION_NUMBER:
          rc_response_set_number (response, question->id, question->has_min ? question->min : 1, NULL);
          break;
        case RC_QUESTION_SHORT_TEXT:
        case RC_QUESTION_LONG_TEXT:
          rc_response_set_text (response, question->id, "Ауылда заң кеңесшісі жоқ.", NULL);
          break;
        case RC_QUESTION_NOTE:
        default:
          break;
        }
    }
  return response;
}

/* The rows the app wrote for @id, inserted again under another id by bare
 * SQLite calls in one transaction: the floor of a durable save. */
static double
insert_copy (sqlite3    *db,
             const char *id,
             const char *copy_id)
{
  sqlite3_stmt *read, *write;
  gint64 start = g_get_monotonic_time ();

  check (db, sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL));
  check (db, sqlite3_prepare_v2 (db,
                                 "INSERT INTO responses (id, survey_id, survey_version, device_id, language, "
                                 "submitted_at, duration_minutes, answers) "
                                 "SELECT ?2, survey_id, survey_version, device_id, language, "
                                 "submitted_at, duration_minutes, answers FROM responses WHERE id = ?1",
                                 -1, &write, NULL));
  sqlite3_bind_text (write, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (write, 2, copy_id, -1, SQLITE_STATIC);
  check (db, sqlite3_step (write));
  sqlite3_finalize (write);

  check (db, sqlite3_prepare_v2 (db, "SELECT question_id, value FROM answers WHERE response_id = ?1", -1, &read, NULL));
  check (db, sqlite3_prepare_v2 (db, "INSERT INTO answers (response_id, question_id, value) VALUES (?1, ?2, ?3)",
                                 -1, &write, NULL));
  sqlite3_bind_text (read, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (write, 1, copy_id, -1, SQLITE_STATIC);
  while (sqlite3_step (read) == SQLITE_ROW)
    {
      sqlite3_bind_value (write, 2, sqlite3_column_value (read, 0));
      sqlite3_bind_value (write, 3, sqlite3_column_value (read, 1));
      check (db, sqlite3_step (write));
      sqlite3_reset (write);
    }
  sqlite3_finalize (read);
  sqlite3_finalize (write);
  check (db, sqlite3_exec (db, "COMMIT", NULL, NULL, NULL));

  return ms_since (start);
}

static sqlite3 *
open_bare (const char *path)
{
  sqlite3 *db;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    {
      g_printerr ("rc-bench: cannot open %s\n", path);
      exit (EXIT_FAILURE);
    }
  /* The pragmas of rc_database_open(). */
  check (db, sqlite3_exec (db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;",
                           NULL, NULL, NULL));
  sqlite3_busy_timeout (db, 5000);
  return db;
}

static void
bench_save (const char *data_dir,
            guint       rounds)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RcDatabase) database = rc_database_open (data_dir, &error);
  g_autoptr(RcResponseStore) store = NULL;
  g_autoptr(RcSurvey) survey = rc_survey_new_bundled (&error);
  g_autoptr(GArray) app = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) bare = g_array_new (FALSE, FALSE, sizeof (double));
  sqlite3 *db;

  die_on (error);
  store = rc_response_store_new (database);
  db = open_bare (rc_database_get_path (database));

  for (guint i = 0; i < rounds; i++)
    {
      g_autoptr(RcResponse) response = make_response (survey);
      g_autofree char *copy_id = g_strdup_printf ("bench-%u-%" G_GINT64_FORMAT, i, g_get_real_time ());
      g_autofree char *id = NULL;
      gint64 start = g_get_monotonic_time ();
      double t;

      id = rc_response_store_save (store, response, &error);
      t = ms_since (start);
      die_on (error);
      g_array_append_val (app, t);

      t = insert_copy (db, id, copy_id);
      g_array_append_val (bare, t);
    }
  sqlite3_close (db);

  printf ("save %.3f %.3f\n", median (app), median (bare));
}

static int
collect_sql (unsigned  type,
             void     *user_data,
             void     *stmt,
             void     *unused)
{
  char *sql = sqlite3_expanded_sql (stmt);

  g_ptr_array_add (user_data, g_strdup (sql));
  sqlite3_free (sql);
  return 0;
}

/* The results page's numbers for every question, as the page asks. */
static double
time_results (RcDatabase      *database,
              RcResultsFilter *filter)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  double t;

  rc_results_free (rc_results_new (database, filter, "ru", NULL, NULL, &error));
  t = ms_since (start);
  die_on (error);
  return t;
}

/* One statement the page runs, prepared and stepped to its end. */
static void
run_statement (sqlite3    *db,
               const char *sql)
{
  sqlite3_stmt *stmt;

  check (db, sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    ;
  sqlite3_finalize (stmt);
}

/* The same SQL as the page's, alone. */
static double
time_statements (sqlite3   *db,
                 GPtrArray *statements)
{
  gint64 start = g_get_monotonic_time ();

  for (guint s = 0; s < statements->len; s++)
    run_statement (db, g_ptr_array_index (statements, s));
  return ms_since (start);
}

static void
bench_results (const char *data_dir,
               guint       rounds)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RcDatabase) database = rc_database_open (data_dir, &error);
  g_autoptr(GPtrArray) statements = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) app = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) bare = g_array_new (FALSE, FALSE, sizeof (double));
  RcResultsFilter filter = { 0 };
  sqlite3 *db;

  die_on (error);

  /* Once to learn the statements the page runs, with their values. */
  sqlite3_trace_v2 (rc_database_get_handle (database), SQLITE_TRACE_STMT, collect_sql, statements);
  rc_results_free (rc_results_new (database, &filter, "ru", NULL, NULL, &error));
  die_on (error);
  sqlite3_trace_v2 (rc_database_get_handle (database), 0, NULL, NULL);

  db = open_bare (rc_database_get_path (database));
  /* In turn, the one first in a round second in the next: whichever runs
   * second finds the file in the system's cache as the first left it. */
  for (guint i = 0; i < rounds; i++)
    {
      double t;

      if (i % 2 == 0)
        {
          t = time_results (database, &filter);
          g_array_append_val (app, t);
        }
      t = time_statements (db, statements);
      g_array_append_val (bare, t);
      if (i % 2 == 1)
        {
          t = time_results (database, &filter);
          g_array_append_val (app, t);
        }
    }
  /* Which statements the time goes to, for whoever makes them faster. */
  for (guint s = 0; s < statements->len; s++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autofree char *head = g_strndup (g_ptr_array_index (statements, s), 100);

      run_statement (db, g_ptr_array_index (statements, s));
      g_strdelimit (head, "\n", ' ');
      g_printerr ("%9.1f ms  %s ...\n", ms_since (start), head);
    }
  sqlite3_close (db);

  printf ("results %.3f %.3f %u\n", median (app), median (bare), statements->len);
}

static void
copy_table (sqlite3    *from,
            sqlite3    *to,
            const char *select,
            const char *insert,
            int         n_columns)
{
  sqlite3_stmt *read, *write;

  check (from, sqlite3_prepare_v2 (from, select, -1, &read, NULL));
  check (to, sqlite3_prepare_v2 (to, insert, -1, &write, NULL));
  while (sqlite3_step (read) == SQLITE_ROW)
    {
      for (int c = 0; c < n_columns; c++)
        sqlite3_bind_value (write, c + 1, sqlite3_column_value (read, c));
      check (to, sqlite3_step (write));
      sqlite3_reset (write);
    }
  sqlite3_finalize (read);
  sqlite3_finalize (write);
}

static void
bench_insert (const char *source_dir,
              const char *data_dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *source_path = g_build_filename (source_dir, RC_DATABASE_FILE_NAME, NULL);
  /* The app's schema and pragmas; from here on, bare SQLite. */
  g_autoptr(RcDatabase) database = rc_database_open (data_dir, &error);
  sqlite3 *source, *db;

  die_on (error);
  db = rc_database_get_handle (database);
  if (sqlite3_open_v2 (source_path, &source, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      g_printerr ("rc-bench: cannot open %s\n", source_path);
      exit (EXIT_FAILURE);
    }

  check (db, sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL));
  copy_table (source, db, "SELECT id, version, definition FROM surveys",
              "INSERT OR IGNORE INTO surveys (id, version, definition) VALUES (?1, ?2, ?3)", 3);
  copy_table (source, db,
              "SELECT id, survey_id, survey_version, device_id, language, submitted_at, duration_minutes, answers "
              "FROM responses",
              "INSERT INTO responses (id, survey_id, survey_version, device_id, language, submitted_at, "
              "duration_minutes, answers) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", 8);
  copy_table (source, db, "SELECT response_id, question_id, value FROM answers",
              "INSERT INTO answers (response_id, question_id, value) VALUES (?1, ?2, ?3)", 3);
  check (db, sqlite3_exec (db, "COMMIT", NULL, NULL, NULL));
  sqlite3_close (source);
}

/* Every command here touches memory new to it: its libraries' data, the
 * heap it grows, the buffers it fills. A virtual machine can charge far
 * more for the first touch of a page than for the work done in it. */
static void
bench_pages (guint rounds)
{
  const gsize n_pages = 4096;
  gsize page_size = sysconf (_SC_PAGESIZE);
  g_autoptr(GArray) first = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) again = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint round = 0; round < rounds; round++)
    {
      volatile char *memory = mmap (NULL, n_pages * page_size, PROT_READ | PROT_WRITE,
                                    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
      gint64 start;
      double per_page;

      if (memory == MAP_FAILED)
        {
          g_printerr ("rc-bench: cannot map %" G_GSIZE_FORMAT " pages\n", n_pages);
          exit (EXIT_FAILURE);
        }

      start = g_get_monotonic_time ();
      for (gsize i = 0; i < n_pages; i++)
        memory[i * page_size] = 1;
      per_page = (double)(g_get_monotonic_time () - start) / n_pages;
      g_array_append_val (first, per_page);

      start = g_get_monotonic_time ();
      for (gsize i = 0; i < n_pages; i++)
        memory[i * page_size] = 2;
      per_page = (double)(g_get_monotonic_time () - start) / n_pages;
      g_array_append_val (again, per_page);

      munmap ((void *)memory, n_pages * page_size);
    }

  printf ("pages %.2f %.4f\n", median (first), median (again));
}

int
main (int   argc,
      char *argv[])
{
  /* Every median needs a round at least. */
  guint rounds = argc >= 3 ? (guint)g_ascii_strtoull (argv[argc - 1], NULL, 10) : 0;

  if (argc == 4 && g_str_equal (argv[1], "save") && rounds > 0)
    bench_save (argv[2], rounds);
  else if (argc == 4 && g_str_equal (argv[1], "results") && rounds > 0)
    bench_results (argv[2], rounds);
  else if (argc == 4 && g_str_equal (argv[1], "insert"))
    bench_insert (argv[2], argv[3]);
  else if (argc == 3 && g_str_equal (argv[1], "pages") && rounds > 0)
    bench_pages (rounds);
  else
    {
      g_printerr ("usage: %s save|results DATA_DIR ROUNDS\n"
                  "       %s insert SOURCE_DIR DATA_DIR\n"
                  "       %s pages ROUNDS\n"
                  "ROUNDS is 1 or more\n", argv[0], argv[0], argv[0]);
      return EXIT_FAILURE;
    }
  return EXIT_SUCCESS;
}
