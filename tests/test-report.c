/* test-report.c: the PDF report, read back as a reader's tools read it
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "rc-report.h"
#include "rc-test-utils.h"

static guint
count_pages (const char *path)
{
  const char * const argv[] = { "pdfinfo", path, NULL };
  g_autofree char *info = rc_test_run_tool (argv);
  g_auto(GStrv) lines = g_strsplit (info, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "Pages:"))
        return (guint)g_ascii_strtoull (lines[i] + strlen ("Pages:"), NULL, 10);
    }

  g_assert_not_reached ();
}

static void
test_pages_and_text (void)
{
  g_autofree char *data_dir = rc_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (data_dir, "report.pdf", NULL);
  RcResultsFilter filter = { NULL, };
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char * const fonts_argv[] = { "pdffonts", path, NULL };
  g_autofree char *fonts = NULL;
  g_auto(GStrv) font_lines = NULL;
  guint n_pages = 0;
  GStatBuf st;

  rc_test_seed_results (data_dir);
  g_assert_true (rc_report_write (data_dir, path, &filter, "en", &n_pages, &error));
  g_assert_no_error (error);

  /* What the writer says is what a reader finds. */
  g_assert_cmpuint (n_pages, >=, 2);
  g_assert_cmpuint (count_pages (path), ==, n_pages);

  text = rc_test_pdf_text (path);
  g_assert_nonnull (strstr (text, "All types"));
  g_assert_nonnull (strstr (text, "Responses: 6"));
  g_assert_nonnull (strstr (text, "Survey versions: 3, 4"));
  g_assert_nonnull (strstr (text, "Filters: all responses"));
  g_assert_nonnull (strstr (text, "Single"));
  g_assert_nonnull (strstr (text, "Shown: 6 · Answered: 5 · Preferred not to answer: 1"));
  g_assert_nonnull (strstr (text, "Shown: 3 · Answered: 2"));
  g_assert_nonnull (strstr (text, "Mean: 4.5 · Median: 4.5 · From 2 to 7"));
  g_assert_nonnull (strstr (text, "Option a"));
  g_assert_nonnull (strstr (text, "3 · 50%"));
  g_assert_nonnull (strstr (text, "Page 1 of"));
  /* A respondent's own words never go on paper. */
  g_assert_null (strstr (text, "Бір"));

  /* Every font is in the file, so it prints the same anywhere. */
  fonts = rc_test_run_tool (fonts_argv);
  font_lines = g_strsplit (fonts, "\n", -1);
  g_assert_cmpuint (g_strv_length (font_lines), >, 3);
  for (guint i = 2; font_lines[i] != NULL && font_lines[i][0] != '\0'; i++)
    {
      g_test_message ("%s", font_lines[i]);
      g_assert_nonnull (strstr (font_lines[i], " yes "));
    }

  /* Only its owner reads a file of answers. */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

static void
test_filtered (void)
{
  g_autofree char *data_dir = rc_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (data_dir, "report.pdf", NULL);
  RcResultsFilter filter = { .since = "2026-01-06", .until = "2026-01-20", .language = "ru" };
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  rc_test_seed_results (data_dir);
  g_assert_true (rc_report_write (data_dir, path, &filter, "en", NULL, &error));
  g_assert_no_error (error);

  text = rc_test_pdf_text (path);
  g_assert_nonnull (strstr (text, "Responses: 2"));
  g_assert_nonnull (strstr (text, "Filters: answered in Русский, from 2026-01-06, until 2026-01-20"));
}

static void
test_unwritable (void)
{
  g_autofree char *data_dir = rc_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (data_dir, "missing", "report.pdf", NULL);
  RcResultsFilter filter = { NULL, };
  g_autoptr(GError) error = NULL;

  rc_test_seed_results (data_dir);
  g_assert_false (rc_report_write (data_dir, path, &filter, "en", NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "missing"));
}

static void
test_empty (void)
{
  g_autofree char *data_dir = rc_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (data_dir, "report.pdf", NULL);
  RcResultsFilter filter = { NULL, };
  g_autoptr(RcDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint n_pages = 0;

  /* A kiosk's folder before its first response. */
  database = rc_test_open_database (data_dir);
  g_assert_true (rc_report_write (data_dir, path, &filter, "en", &n_pages, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_pages, ==, 1);

  text = rc_test_pdf_text (path);
  g_assert_nonnull (strstr (text, "Responses: 0"));
  g_assert_nonnull (strstr (text, "No responses match the filters."));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report/pages-and-text", test_pages_and_text);
  g_test_add_func ("/report/filtered", test_filtered);
  g_test_add_func ("/report/unwritable", test_unwritable);
  g_test_add_func ("/report/empty", test_empty);

  return g_test_run ();
}
