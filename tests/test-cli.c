/* test-cli.c: the command line, as a script or a person at a terminal uses it
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <inttypes.h>
#include <libintl.h>
#include <locale.h>

#include "rc-database.h"
#include "rc-pin.h"
#include "rc-response-store.h"
#include "rc-test-utils.h"

typedef struct
{
  int   status;
  char *out;
  char *err;
} RunResult;

static void
run_result_clear (RunResult *result)
{
  g_clear_pointer (&result->out, g_free);
  g_clear_pointer (&result->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RunResult, run_result_clear)

/* The program with the window that run() is given; the build's own when
 * %NULL. */
static const char *app_executable;

/* No display, as for a provisioning script, and messages in English. */
static char **
script_environ (void)
{
  char **envp = g_get_environ ();

  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  envp = g_environ_setenv (envp, "LANGUAGE", "en", TRUE);
  if (app_executable != NULL)
    envp = g_environ_setenv (envp, "RC_APP_EXECUTABLE", app_executable, TRUE);

  return envp;
}

/* Runs the real executable as a provisioning script would. */
static void
run (RunResult  *result,
     const char *first_arg,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = script_environ ();
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (gpointer)g_getenv ("RC_EXECUTABLE"));
  va_start (args, first_arg);
  for (arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **)argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &result->out, &result->err, &result->status, &error);
  g_assert_no_error (error);
}

static void
assert_one_line_failure (RunResult  *result,
                         const char *must_contain)
{
  g_autoptr(GError) error = NULL;
  const char *newline;

  g_test_message ("stderr: %s", result->err);

  g_assert_false (g_spawn_check_wait_status (result->status, &error));
  g_assert_cmpstr (result->out, ==, "");

  newline = strchr (result->err, '\n');
  g_assert_nonnull (newline);
  g_assert_cmpstr (newline + 1, ==, "");
  g_assert_true (g_str_has_prefix (result->err, "resource-center: "));
  g_assert_nonnull (strstr (result->err, must_contain));
}

static void
test_cli_version (void)
{
  g_auto(RunResult) result = { 0 };
  g_autoptr(GError) error = NULL;

  run (&result, "--version", NULL);

  g_assert_true (g_spawn_check_wait_status (result.status, &error));
  g_assert_cmpstr (result.out, ==, PACKAGE_NAME " " PACKAGE_VERSION "\n");
  g_assert_cmpstr (result.err, ==, "");
}

static void
test_cli_unknown_option (void)
{
  g_auto(RunResult) result = { 0 };

  run (&result, "--no-such-option", NULL);

  assert_one_line_failure (&result, "--no-such-option");
}

static void
test_cli_data_dir_is_a_file (void)
{
  g_autofree char *tmp = rc_test_make_temp_dir ();
  g_autofree char *file = g_build_filename (tmp, "answers.txt", NULL);
  g_autofree char *option = g_strconcat ("--data-dir=", file, NULL);
  g_autofree char *after = NULL;
  g_auto(RunResult) result = { 0 };

  g_assert_true (g_file_set_contents (file, "keep me", -1, NULL));

  run (&result, option, NULL);

  assert_one_line_failure (&result, file);
  g_assert_nonnull (strstr (result.err, "not a folder"));
  g_assert_true (g_file_get_contents (file, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, "keep me");
}

static void
test_cli_data_dir_not_writable (void)
{
  g_autofree char *tmp = rc_test_make_temp_dir ();
  g_autofree char *data_dir = g_build_filename (tmp, "locked", NULL);
  g_autofree char *option = g_strconcat ("--data-dir=", data_dir, NULL);
  g_auto(RunResult) result = { 0 };

  if (geteuid () == 0)
    {
      g_test_skip ("The superuser can write to any folder");
      return;
    }

  g_assert_cmpint (g_mkdir (data_dir, 0500), ==, 0);

  run (&result, option, NULL);

  assert_one_line_failure (&result, data_dir);
  g_chmod (data_dir, 0700);
}

static void
test_cli_corrupt_database (void)
{
  g_autofree char *data_dir = rc_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (data_dir, RC_DATABASE_FILE_NAME, NULL);
  g_autofree char *option = g_strconcat ("--data-dir=", data_dir, NULL);
  g_autofree char *after = NULL;
  static const char garbage[] = "\x01\x02 this is not a database \xff\xfe";
  gsize length;
  GStatBuf before_st, after_st;
  g_auto(RunResult) result = { 0 };

  g_assert_true (g_file_set_contents (path, garbage, sizeof garbage, NULL));
  g_assert_cmpint (g_stat (path, &before_st), ==, 0);

  run (&result, option, NULL);

  assert_one_line_failure (&result, path);
  g_assert_true (g_file_get_contents (path, &after, &length, NULL));
  g_assert_cmpmem (after, length, garbage, sizeof garbage);
  g_assert_cmpint (g_stat (path, &after_st), ==, 0);
  g_assert_cmpint (after_st.st_mtime, ==, before_st.st_mtime);
}

static void
test_cli_validate_survey_good (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "surveys",
                                                 "all-types.json", NULL);
  g_autofree char *option = g_strconcat ("--validate-survey=", path, NULL);
  g_autofree char *expected = g_strdup_printf ("%s: a valid survey “all_types”, version 3, "
                                               "16 questions in 2 sections\n", path);
  g_auto(RunResult) result = { 0 };
  g_autoptr(GError) error = NULL;

  run (&result, option, NULL);

  g_assert_true (g_spawn_check_wait_status (result.status, &error));
  g_assert_cmpstr (result.out, ==, expected);
}

static void
test_cli_validate_survey_bad (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "surveys",
                                                 "error-several.json", NULL);
  g_autofree char *option = g_strconcat ("--validate-survey=", path, NULL);
  g_auto(RunResult) result = { 0 };
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;

  run (&result, option, NULL);

  /* Every problem on a line of its own, each with its place in the file. */
  g_assert_false (g_spawn_check_wait_status (result.status, &error));
  lines = g_strsplit (result.err, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), >=, 4);
  g_assert_true (g_str_has_prefix (lines[0], "resource-center: "));
  g_assert_nonnull (strstr (lines[0], path));
  g_assert_true (g_strv_contains ((const char * const *)lines,
                                  "sections[0].questions[2].type: unknown question type “slider”"));
  g_assert_true (g_strv_contains ((const char * const *)lines,
                                  "thanks: the text in “ru” is missing, and the survey is offered in it"));
}

static void
test_cli_kiosk_needs_pin (void)
{
  g_autofree char *data_dir = rc_test_make_temp_dir ();
  g_autofree char *option = g_strconcat ("--data-dir=", data_dir, NULL);
  g_auto(RunResult) result = { 0 };

  run (&result, "--kiosk", option, NULL);

  assert_one_line_failure (&result, "--set-pin");
}

/* As a provisioning script pipes it in. */
static void
test_cli_set_pin (void)
{
  g_autofree char *data_dir = rc_test_make_temp_dir ();
  g_autofree char *option = g_strconcat ("--data-dir=", data_dir, NULL);
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                                                        G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) good = NULL;
  g_autoptr(GSubprocess) bad = NULL;
  g_autoptr(RcDatabase) database = NULL;
  g_autoptr(RcPin) pin = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *bad_out = NULL;
  g_autofree char *bad_err = NULL;

  g_subprocess_launcher_setenv (launcher, "LANGUAGE", "en", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");

  good = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("RC_EXECUTABLE"), option,
                                      "--set-pin", NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (good, "4826\n", NULL, &out, &err, &error));
  g_assert_true (g_subprocess_get_successful (good));
  g_assert_cmpstr (out, ==, "The coordinator PIN is set\n");

  database = rc_database_open (data_dir, &error);
  g_assert_no_error (error);
  pin = rc_pin_new (database);
  g_assert_true (rc_pin_check (pin, "4826", &error));
  g_assert_no_error (error);

  /* A PIN that is too short is refused and the old one stays. */
  bad = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("RC_EXECUTABLE"), option,
                                     "--set-pin", NULL);
  g_assert_true (g_subprocess_communicate_utf8 (bad, "12\n", NULL, &bad_out, &bad_err, &error));
  g_assert_false (g_subprocess_get_successful (bad));
  g_assert_cmpstr (bad_err, ==, "resource-center: A PIN is 4 to 12 digits\n");
  g_assert_true (rc_pin_check (pin, "4826", NULL));
}

/* A coordinator's script: export a kiosk, merge it into the office's
 * folder, with a one-line summary each and no display. */
static void
test_cli_export_and_import (void)
{
  g_autofree char *kiosk = rc_test_make_temp_dir ();
  g_autofree char *office = rc_test_make_temp_dir ();
  g_autofree char *kiosk_option = g_strconcat ("--data-dir=", kiosk, NULL);
  g_autofree char *office_option = g_strconcat ("--data-dir=", office, NULL);
  g_autofree char *json = g_build_filename (kiosk, "kiosk.json", NULL);
  g_autofree char *csv = g_build_filename (kiosk, "kiosk.csv", NULL);
  g_autofree char *export_json = g_strconcat ("--export=", json, NULL);
  g_autofree char *export_csv = g_strconcat ("--export=", csv, NULL);
  g_autofree char *import_json = g_strconcat ("--import=", json, NULL);
  g_autofree char *import_csv = g_strconcat ("--import=", csv, NULL);
  g_autofree char *expected = NULL;
  g_autofree char *contents = NULL;

  rc_test_save_response (kiosk, "kk");
  rc_test_save_response (kiosk, "ru");

  {
    g_auto(RunResult) result = { 0 };

    run (&result, kiosk_option, export_json, NULL);
    g_assert_cmpint (result.status, ==, 0);
    expected = g_strdup_printf ("%s: 2 responses written\n", json);
    g_assert_cmpstr (result.out, ==, expected);
    g_clear_pointer (&expected, g_free);
  }

  /* The file's name says CSV. */
  {
    g_auto(RunResult) result = { 0 };

    run (&result, kiosk_option, export_csv, "--since=2020-01-01", NULL);
    g_assert_cmpint (result.status, ==, 0);
    g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
    g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF" "response_id,"));
  }

  rc_test_assert_analysts_can_read (json, csv);

  {
    g_auto(RunResult) result = { 0 };

    run (&result, office_option, import_json, NULL);
    g_assert_cmpint (result.status, ==, 0);
    expected = g_strdup_printf ("%s: 2 responses added, 0 already here\n", json);
    g_assert_cmpstr (result.out, ==, expected);
    g_clear_pointer (&expected, g_free);
  }

  {
    g_auto(RunResult) result = { 0 };

    run (&result, office_option, import_json, NULL);
    expected = g_strdup_printf ("%s: 0 responses added, 2 already here\n", json);
    g_assert_cmpstr (result.out, ==, expected);
  }

  {
    g_auto(RunResult) result = { 0 };

    run (&result, office_option, import_csv, NULL);
    assert_one_line_failure (&result, "only JSON exports can be merged");
  }
}

static void
test_cli_export_opinions (void)
{
  g_autofree char *data_dir = rc_test_make_temp_dir ();
  g_autofree char *option = g_strconcat ("--data-dir=", data_dir, NULL);
  g_autofree char *path = g_build_filename (data_dir, "opinions.json", NULL);
  g_autofree char *export = g_strconcat ("--export-opinions=", path, NULL);
  g_autofree char *expected = g_strdup_printf ("%s: 0 opinions written\n", path);
  g_autoptr(RcDatabase) database = rc_test_open_database (data_dir);
  g_auto(RunResult) result = { 0 };

  run (&result, option, export, NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.out, ==, expected);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* What is read out of a data folder comes from its database: a folder
 * that is not there, holds none or cannot be reached is named, never made
 * into an empty one whose "0 responses" would pass for the truth. */
static void
test_cli_reading_needs_database (void)
{
  g_autofree char *tmp = rc_test_make_temp_dir ();
  g_autofree char *missing = g_build_filename (tmp, "kisok-2", NULL);
  g_autofree char *empty = g_build_filename (tmp, "kiosk-2", NULL);
  /* A link to a folder that is gone, like an unplugged stick's. */
  g_autofree char *dangling = g_build_filename (tmp, "kiosk-3", NULL);
  g_autofree char *gone = g_build_filename (tmp, "kiosk-3-gone", NULL);
  /* A link that leads to itself: there, but never to a folder. */
  g_autofree char *loop = g_build_filename (tmp, "kiosk-4", NULL);
  const char *folders[] = { missing, empty, dangling, loop };
  const char *commands[][2] = {
    { "--export=", "out.json" },
    { "--export-opinions=", "opinions.json" },
    { "--report=", "report.pdf" },
  };

  g_assert_cmpint (g_mkdir (empty, 0700), ==, 0);
  g_assert_cmpint (symlink (gone, dangling), ==, 0);
  g_assert_cmpint (symlink (loop, loop), ==, 0);

  for (guint f = 0; f < G_N_ELEMENTS (folders); f++)
    for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
      {
        g_autofree char *option = g_strconcat ("--data-dir=", folders[f], NULL);
        g_autofree char *target = g_build_filename (tmp, commands[c][1], NULL);
        g_autofree char *command = g_strconcat (commands[c][0], target, NULL);
        g_autoptr(GDir) dir = NULL;
        g_auto(RunResult) result = { 0 };

        run (&result, option, command, NULL);
        assert_one_line_failure (&result, folders[f]);
        g_assert_nonnull (strstr (result.err, folders[f] == empty  ? "holds no database"
                                              : folders[f] == loop ? "Cannot open the data folder"
                                                                   : "does not exist"));

        /* Nothing made: neither the folder, nor a database, nor the file. */
        g_assert_cmpint (g_file_test (missing, G_FILE_TEST_EXISTS), ==, FALSE);
        g_assert_cmpint (g_file_test (gone, G_FILE_TEST_EXISTS), ==, FALSE);
        dir = g_dir_open (empty, 0, NULL);
        g_assert_null (g_dir_read_name (dir));
        g_clear_pointer (&dir, g_dir_close);
        g_assert_cmpuint (rc_test_count_entries (tmp), ==, 3);
      }
}

static void
test_cli_refresh_news_needs_site (void)
{
  g_autofree char *data_dir = rc_test_make_temp_dir ();
  g_autofree char *option = g_strconcat ("--data-dir=", data_dir, NULL);
  g_auto(RunResult) result = { 0 };
  g_auto(RunResult) unreachable = { 0 };

  run (&result, option, "--refresh-news", NULL);
  assert_one_line_failure (&result, "--refresh-news=https://");

  /* Nothing listens on port 9 of this machine. */
  run (&unreachable, option, "--refresh-news=http://127.0.0.1:9", NULL);
  assert_one_line_failure (&unreachable, "Cannot reach the website");
}

/* A script's commands are done by the command line alone, which loads
 * neither GTK nor the network: they work even with the program that does
 * load them gone. Whatever needs that program says so when it is gone. */
static void
test_cli_commands_without_app (void)
{
  g_autofree char *data_dir = rc_test_make_temp_dir ();
  g_autofree char *option = g_strconcat ("--data-dir=", data_dir, NULL);
  g_autofree char *path = g_build_filename (data_dir, "out.csv", NULL);
  g_autofree char *export = g_strconcat ("--export=", path, NULL);
  g_autofree char *missing = g_build_filename (data_dir, "no-such-app", NULL);
  g_autofree char *expected = g_strdup_printf ("%s: 1 response written\n", path);
  g_auto(RunResult) exported = { 0 };
  g_auto(RunResult) app = { 0 };
  g_auto(RunResult) report = { 0 };

  rc_test_save_response (data_dir, "kk");
  app_executable = missing;

  run (&exported, option, export, NULL);
  g_assert_cmpint (exported.status, ==, 0);
  g_assert_cmpstr (exported.out, ==, expected);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  run (&app, option, "--kiosk", NULL);
  assert_one_line_failure (&app, missing);
  run (&report, option, "--report=report.pdf", NULL);
  assert_one_line_failure (&report, "Cannot start");

  app_executable = NULL;
}

static void
test_cli_export_bad_options (void)
{
  g_autofree char *data_dir = rc_test_make_temp_dir ();
  g_autofree char *option = g_strconcat ("--data-dir=", data_dir, NULL);
  g_autofree char *path = g_build_filename (data_dir, "out.json", NULL);
  g_autofree char *export = g_strconcat ("--export=", path, NULL);
  struct {
    const char *option;
    const char *message;
  } cases[] = {
    { "--format=xlsx", "“xlsx” is not an export format" },
    { "--since=31.01.2026", "“31.01.2026” is not a date" },
    { "--until=2026-13-01", "“2026-13-01” is not a date" },
    { "--language=de", "kk, ru or en" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(RunResult) result = { 0 };

      run (&result, option, export, cases[i].option, NULL);
      assert_one_line_failure (&result, cases[i].message);
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    }
}

/* A first day after the last: refused, not an empty file. */
static void
test_cli_export_reversed_range (void)
{
  g_autofree char *data_dir = rc_test_make_temp_dir ();
  g_autofree char *option = g_strconcat ("--data-dir=", data_dir, NULL);
  g_autofree char *path = g_build_filename (data_dir, "out.json", NULL);
  g_autofree char *export = g_strconcat ("--export=", path, NULL);
  g_auto(RunResult) result = { 0 };

  rc_test_save_response (data_dir, "kk");

  run (&result, option, export, "--since=2026-03-01", "--until=2026-02-01", NULL);
  assert_one_line_failure (&result, "2026-03-01");
  g_assert_nonnull (strstr (result.err, "2026-02-01"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* Options that qualify --export or --report, given without them, would
 * otherwise be ignored without a word. */
static void
test_cli_option_needs_export (void)
{
  g_autofree char *data_dir = rc_test_make_temp_dir ();
  g_autofree char *option = g_strconcat ("--data-dir=", data_dir, NULL);
  g_autofree char *path = g_build_filename (data_dir, "out.json", NULL);
  g_autofree char *import = g_strconcat ("--import=", path, NULL);
  g_autofree char *opinions = g_strconcat ("--export-opinions=", path, NULL);
  struct {
    const char *first;
    const char *second;
    const char *message;
  } cases[] = {
    { "--format=csv", NULL, "--format needs --export" },
    { "--since=2026-01-01", NULL, "--since needs --export or --report" },
    { "--until=2026-01-31", NULL, "--until needs --export or --report" },
    { import, "--since=2026-01-01", "--since needs --export or --report" },
    { opinions, "--format=csv", "--format needs --export" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(RunResult) result = { 0 };

      run (&result, option, cases[i].first, cases[i].second, NULL);
      assert_one_line_failure (&result, cases[i].message);
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    }
}

/* An export whose survey definition has several problems: the refusal is
 * still one line, and names the file. */
static void
test_cli_import_bad_survey (void)
{
  g_autofree char *kiosk = rc_test_make_temp_dir ();
  g_autofree char *office = rc_test_make_temp_dir ();
  g_autofree char *kiosk_option = g_strconcat ("--data-dir=", kiosk, NULL);
  g_autofree char *office_option = g_strconcat ("--data-dir=", office, NULL);
  g_autofree char *path = g_build_filename (kiosk, "kiosk.json", NULL);
  g_autofree char *export = g_strconcat ("--export=", path, NULL);
  g_autofree char *import = g_strconcat ("--import=", path, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_auto(RunResult) exported = { 0 };
  g_auto(RunResult) result = { 0 };
  JsonObject *survey;

  rc_test_save_response (kiosk, "kk");
  run (&exported, kiosk_option, export, NULL);
  g_assert_cmpint (exported.status, ==, 0);
  rc_test_assert_analysts_can_read (path, NULL);

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  survey = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)), "survey");
  json_object_set_string_member (survey, "colour", "red");
  json_object_set_string_member (survey, "shade", "dark");
  json_object_set_int_member (survey, "languages", 7);
  text = json_to_string (json_parser_get_root (parser), TRUE);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));

  run (&result, office_option, import, NULL);
  assert_one_line_failure (&result, path);
  g_assert_nonnull (strstr (result.err, "not a valid survey definition"));
}

extern int _nl_msg_cat_cntr;

/* A message of the app in @language, from the translations of the build. */
static char *
translate (const char *language,
           const char *message)
{
  g_autofree char *saved = g_strdup (g_getenv ("LANGUAGE"));
  char *translated;

  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("RC_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  setlocale (LC_MESSAGES, "C.UTF-8");
  g_setenv ("LANGUAGE", language, TRUE);
  /* GNU gettext forgets what it looked up in the language before. */
  ++_nl_msg_cat_cntr;
  translated = g_strdup (dgettext (GETTEXT_PACKAGE, message));
  if (saved != NULL)
    g_setenv ("LANGUAGE", saved, TRUE);
  else
    g_unsetenv ("LANGUAGE");

  /* Without it the report could not be told from an English one. */
  g_assert_cmpstr (translated, !=, message);
  return translated;
}

static void
test_cli_report (gconstpointer data)
{
  const char *language = data;
  g_autofree char *data_dir = rc_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (data_dir, "отчёт.pdf", NULL);
  g_autofree char *data_dir_option = g_strdup_printf ("--data-dir=%s", data_dir);
  g_autofree char *report_option = g_strdup_printf ("--report=%s", path);
  g_autofree char *language_option = g_strdup_printf ("--language=%s", language);
  g_autofree char *text = NULL;
  g_autofree char *subtitle = translate (language, "Results report");
  g_autofree char *responses_format = translate (language, "Responses: %s");
  g_autoptr(GString) responses = g_string_new (responses_format);
  g_autofree char *title = g_strdup_printf ("%s All types", language);
  g_auto(RunResult) result = { 0 };
  g_autoptr(GError) error = NULL;

  g_string_replace (responses, "%s", "6", 1);
  rc_test_seed_results (data_dir);
  run (&result, data_dir_option, report_option, language_option, NULL);
  g_test_message ("stderr: %s", result.err);
  g_assert_true (g_spawn_check_wait_status (result.status, &error));
  /* The summary is in the language of the system, here English. */
  g_assert_true (g_str_has_prefix (result.out, path));
  g_assert_nonnull (strstr (result.out, "pages written"));

  text = rc_test_pdf_text (path);

  /* The questions and every word around them in the language asked for,
   * with the letters of that language intact. */
  g_assert_nonnull (strstr (text, title));
  g_assert_nonnull (strstr (text, subtitle));
  g_assert_nonnull (strstr (text, responses->str));
  g_assert_nonnull (strstr (text, g_str_equal (language, "kk") ? "kk Single" : "ru Single"));
}

static void
test_cli_report_bad_options (void)
{
  g_autofree char *data_dir = rc_test_make_temp_dir ();
  g_autofree char *data_dir_option = g_strdup_printf ("--data-dir=%s", data_dir);
  g_autofree char *path = g_build_filename (data_dir, "report.pdf", NULL);
  g_autofree char *report_option = g_strdup_printf ("--report=%s", path);
  g_auto(RunResult) language = { 0 };
  g_auto(RunResult) day = { 0 };

  run (&language, data_dir_option, report_option, "--language=de", NULL);
  assert_one_line_failure (&language, "kk, ru or en");

  run (&day, data_dir_option, report_option, "--since=31.01.2026", NULL);
  assert_one_line_failure (&day, "31.01.2026");

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  /* tests/virtual-session gives the test a home of its own; GLib 2.74 leaks
   * the folders of G_TEST_OPTION_ISOLATE_DIRS, which LeakSanitizer reports. */
  g_test_init (&argc, &argv, NULL);

  g_assert_nonnull (g_getenv ("RC_EXECUTABLE"));

  g_test_add_func ("/cli/version", test_cli_version);
  g_test_add_func ("/cli/export-and-import", test_cli_export_and_import);
  g_test_add_func ("/cli/export-bad-options", test_cli_export_bad_options);
  g_test_add_func ("/cli/export-reversed-range", test_cli_export_reversed_range);
  g_test_add_func ("/cli/option-needs-export", test_cli_option_needs_export);
  g_test_add_func ("/cli/import-bad-survey", test_cli_import_bad_survey);
  g_test_add_func ("/cli/export-opinions", test_cli_export_opinions);
  g_test_add_func ("/cli/reading-needs-database", test_cli_reading_needs_database);
  g_test_add_data_func ("/cli/report/kk", "kk", test_cli_report);
  g_test_add_data_func ("/cli/report/ru", "ru", test_cli_report);
  g_test_add_func ("/cli/report-bad-options", test_cli_report_bad_options);
  g_test_add_func ("/cli/refresh-news-needs-site", test_cli_refresh_news_needs_site);
  g_test_add_func ("/cli/unknown-option", test_cli_unknown_option);
  g_test_add_func ("/cli/commands-without-app", test_cli_commands_without_app);
  g_test_add_func ("/cli/data-dir-is-a-file", test_cli_data_dir_is_a_file);
  g_test_add_func ("/cli/data-dir-not-writable", test_cli_data_dir_not_writable);
  g_test_add_func ("/cli/corrupt-database", test_cli_corrupt_database);
  g_test_add_func ("/cli/validate-survey-good", test_cli_validate_survey_good);
  g_test_add_func ("/cli/validate-survey-bad", test_cli_validate_survey_bad);
  g_test_add_func ("/cli/set-pin", test_cli_set_pin);
  g_test_add_func ("/cli/kiosk-needs-pin", test_cli_kiosk_needs_pin);

  return g_test_run ();
}
