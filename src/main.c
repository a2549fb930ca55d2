/* main.c: resource-center, the command line
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The commands a script runs (export, import, checking a survey, setting
 * the PIN) need no display and no network: this program does them linked
 * to GLib, json-glib and SQLite only, and starts in a fifth of the time
 * that loading GTK takes. Everything else, the app itself first, is
 * resource-center-app, which this program becomes (execv) with the
 * options that concern it. */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "rc-database.h"
#include "rc-export.h"
#include "rc-import.h"
#include "rc-pin.h"
#include "rc-program.h"
#include "rc-survey.h"

/* Prints what a survey editor needs: the problems, each with its place in
 * the file, or a summary of a good definition. */
static int
validate_survey (const char *path)
{
  g_autoptr(RcSurvey) survey = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *questions = NULL;
  g_autofree char *sections = NULL;
  guint n_questions, n_sections;

  survey = rc_survey_new_from_file (path, &error);
  if (survey == NULL)
    return rc_program_fail (error);

  n_questions = rc_survey_get_questions (survey)->len;
  n_sections = rc_survey_get_sections (survey)->len;
  questions = g_strdup_printf (ngettext ("%u question", "%u questions", n_questions), n_questions);
  sections = g_strdup_printf (ngettext ("%u section", "%u sections", n_sections), n_sections);

  /* Translators: the last two are "16 questions" and "2 sections" */
  g_print (_("%s: a valid survey “%s”, version %" PRId64 ", %s in %s\n"),
           path, rc_survey_get_id (survey), rc_survey_get_version (survey), questions, sections);

  return EXIT_SUCCESS;
}

/* Reads one line; at a terminal, without showing what is typed. */
static char *
read_pin (void)
{
  struct termios saved, quiet;
  gboolean at_terminal = isatty (STDIN_FILENO) && tcgetattr (STDIN_FILENO, &saved) == 0;
  char line[64] = "";

  if (at_terminal)
    {
      g_printerr ("%s", _("New coordinator PIN: "));
      quiet = saved;
      quiet.c_lflag &= ~ECHO;
      tcsetattr (STDIN_FILENO, TCSAFLUSH, &quiet);
    }

  if (fgets (line, sizeof line, stdin) == NULL)
    line[0] = '\0';

  if (at_terminal)
    {
      tcsetattr (STDIN_FILENO, TCSAFLUSH, &saved);
      g_printerr ("\n");
    }

  line[strcspn (line, "\r\n")] = '\0';
  return g_strdup (line);
}

/* For setting up kiosks by script: the PIN comes on standard input, never
 * on the command line, where other users of the computer could see it. */
static int
set_coordinator_pin (const char *data_dir)
{
  g_autoptr(RcDatabase) database = NULL;
  g_autoptr(RcPin) pin = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *typed = NULL;

  if (!(database = rc_database_open (data_dir, &error)))
    return rc_program_fail (error);

  typed = read_pin ();
  pin = rc_pin_new (database);
  if (!rc_pin_set (pin, typed, &error))
    return rc_program_fail (error);

  g_print ("%s\n", _("The coordinator PIN is set"));
  return EXIT_SUCCESS;
}

static gboolean
check_language (const char *language)
{
  if (language == NULL || g_str_equal (language, "kk") || g_str_equal (language, "ru") ||
      g_str_equal (language, "en"))
    return TRUE;

  g_printerr ("%s: %s\n", PACKAGE_NAME, _("The language is kk, ru or en"));
  return FALSE;
}

static int
export_responses (const char *data_dir,
                  const char *path,
                  const char *format_name,
                  const char *since,
                  const char *until,
                  const char *language)
{
  RcExportOptions options = { RC_EXPORT_FORMAT_JSON, since, until, NULL };
  g_autoptr(GError) error = NULL;
  gint64 n_written;

  /* Without --format, the file's name says it. */
  if (format_name == NULL && g_str_has_suffix (path, ".csv"))
    format_name = "csv";
  if (format_name != NULL && !rc_export_format_from_string (format_name, &options.format, &error))
    return rc_program_fail (error);

  if (!check_language (language))
    return EXIT_FAILURE;
  options.labels_language = language;

  if (!rc_export_write (data_dir, path, &options, NULL, NULL, &n_written, &error))
    return rc_program_fail (error);

  g_print (ngettext ("%s: %" PRId64 " response written\n",
                     "%s: %" PRId64 " responses written\n", n_written),
           path, n_written);
  return EXIT_SUCCESS;
}

static int
export_opinions (const char *data_dir,
                 const char *path)
{
  g_autoptr(GError) error = NULL;
  gint64 n_written;

  if (!rc_export_write_opinions (data_dir, path, NULL, &n_written, &error))
    return rc_program_fail (error);

  g_print (ngettext ("%s: %" PRId64 " opinion written\n",
                     "%s: %" PRId64 " opinions written\n", n_written),
           path, n_written);
  return EXIT_SUCCESS;
}

static int
import_responses (const char *data_dir,
                  const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *added = NULL;
  g_autofree char *present = NULL;
  gint64 n_added, n_present;

  if (!rc_import_file (data_dir, path, NULL, &n_added, &n_present, &error))
    return rc_program_fail (error);

  added = g_strdup_printf (ngettext ("%" PRId64 " response added", "%" PRId64 " responses added", n_added),
                           n_added);
  present = g_strdup_printf (ngettext ("%" PRId64 " already here", "%" PRId64 " already here", n_present),
                             n_present);
  /* Translators: "12 responses added, 3 already here" */
  g_print (_("%s: %s, %s\n"), path, added, present);
  return EXIT_SUCCESS;
}

static char *refresh_news_site;
static gboolean refresh_news;

static gboolean
on_refresh_news_option (const char  *option_name,
                        const char  *value,
                        gpointer     data,
                        GError     **error)
{
  refresh_news = TRUE;
  g_free (refresh_news_site);
  refresh_news_site = g_strdup (value);
  return TRUE;
}

/* What needs GTK or the network: this program becomes resource-center-app,
 * which loads them, and is given only the options that concern it.
 * RC_APP_EXECUTABLE: the one of a build tree, for testing it uninstalled. */
static int
become_app (const char *data_dir,
            gboolean    kiosk,
            const char *report_file,
            const char *since,
            const char *until,
            const char *language,
            gboolean    refresh_news_now,
            const char *site_url)
{
  const char *app = g_getenv ("RC_APP_EXECUTABLE") ? g_getenv ("RC_APP_EXECUTABLE")
                                                   : LIBEXECDIR "/resource-center-app";
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  int errsv;

  g_ptr_array_add (args, g_strdup (app));
  g_ptr_array_add (args, g_strconcat ("--data-dir=", data_dir, NULL));
  if (kiosk)
    g_ptr_array_add (args, g_strdup ("--kiosk"));
  if (report_file != NULL)
    g_ptr_array_add (args, g_strconcat ("--report=", report_file, NULL));
  if (since != NULL)
    g_ptr_array_add (args, g_strconcat ("--since=", since, NULL));
  if (until != NULL)
    g_ptr_array_add (args, g_strconcat ("--until=", until, NULL));
  if (language != NULL)
    g_ptr_array_add (args, g_strconcat ("--language=", language, NULL));
  if (refresh_news_now)
    g_ptr_array_add (args, g_strdup ("--refresh-news"));
  if (site_url != NULL)
    g_ptr_array_add (args, g_strconcat ("--site=", site_url, NULL));
  g_ptr_array_add (args, NULL);

  execv (app, (char **)args->pdata);

  errsv = errno;
  g_printerr ("%s: ", PACKAGE_NAME);
  /* Translators: the first is a program's path, the second why it failed */
  g_printerr (_("Cannot start %s: %s"), app, g_strerror (errsv));
  g_printerr ("\n");
  return EXIT_FAILURE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *default_dir = rc_database_get_default_data_dir ();
  g_autofree char *data_dir = NULL;
  g_autofree char *survey_file = NULL;
  g_autofree char *export_file = NULL;
  g_autofree char *import_file = NULL;
  g_autofree char *opinions_file = NULL;
  g_autofree char *report_file = NULL;
  g_autofree char *format = NULL;
  g_autofree char *since = NULL;
  g_autofree char *until = NULL;
  g_autofree char *language = NULL;
  gboolean set_pin = FALSE;
  gboolean kiosk = FALSE;
  gboolean version = FALSE;
  const GOptionEntry entries[] = {
    { "data-dir", 0, 0, G_OPTION_ARG_FILENAME, &data_dir,
      N_("Keep the database in DIR instead of the user’s data folder"), N_("DIR") },
    { "kiosk", 0, 0, G_OPTION_ARG_NONE, &kiosk,
      N_("Open straight into the survey, full screen"), NULL },
    { "set-pin", 0, 0, G_OPTION_ARG_NONE, &set_pin,
      N_("Read a new coordinator PIN from standard input"), NULL },
    { "export", 0, 0, G_OPTION_ARG_FILENAME, &export_file,
      N_("Write the responses to FILE for analysis, and exit"), N_("FILE") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format,
      N_("The format of the export: json (the default) or csv"), N_("FORMAT") },
    { "report", 0, 0, G_OPTION_ARG_FILENAME, &report_file,
      N_("Write a PDF report of the results to FILE, and exit"), N_("FILE") },
    { "since", 0, 0, G_OPTION_ARG_STRING, &since,
      N_("Export or report only responses submitted on or after DATE (YYYY-MM-DD)"), N_("DATE") },
    { "until", 0, 0, G_OPTION_ARG_STRING, &until,
      N_("Export or report only responses submitted on or before DATE (YYYY-MM-DD)"), N_("DATE") },
    { "language", 0, 0, G_OPTION_ARG_STRING, &language,
      N_("Write the report in LANGUAGE (kk, ru or en), or add a second header row of question "
         "texts in it to a CSV export"),
      N_("LANGUAGE") },
    { "export-opinions", 0, 0, G_OPTION_ARG_FILENAME, &opinions_file,
      N_("Write the readers’ opinions on the news to FILE, and exit"), N_("FILE") },
    { "import", 0, 0, G_OPTION_ARG_FILENAME, &import_file,
      N_("Merge the responses of another kiosk’s export FILE, and exit"), N_("FILE") },
    { "refresh-news", 0, G_OPTION_FLAG_OPTIONAL_ARG, G_OPTION_ARG_CALLBACK, on_refresh_news_option,
      N_("Fetch new and changed posts from the centre’s website (SITE_URL, or the one set), and exit"),
      N_("SITE_URL") },
    { "validate-survey", 0, 0, G_OPTION_ARG_FILENAME, &survey_file,
      N_("Check a survey definition and list every problem in it"), N_("FILE") },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version,
      N_("Print the version and exit"), NULL },
    { NULL }
  };

  rc_program_init ();

  context = g_option_context_new (NULL);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("The resource centre’s news, its anonymous survey kiosk "
                                  "and the survey results"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return rc_program_fail (error);

  if (argc > 1)
    {
      g_printerr ("%s: %s\n", PACKAGE_NAME, _("Unexpected argument; see --help"));
      return EXIT_FAILURE;
    }

  /* Refused rather than ignored: a script that got --export wrong would
   * otherwise do something else than it asked, without a word. */
  if (format != NULL && export_file == NULL)
    {
      /* Translators: --format and --export are options: keep them as they are */
      g_printerr ("%s: %s\n", PACKAGE_NAME, _("--format needs --export"));
      return EXIT_FAILURE;
    }
  if ((since != NULL || until != NULL) && export_file == NULL && report_file == NULL)
    {
      /* Translators: --since, --export and --report are options: keep them as they are */
      const char *message = _("--since needs --export or --report");

      if (since == NULL)
        /* Translators: --until, --export and --report are options: keep them as they are */
        message = _("--until needs --export or --report");
      g_printerr ("%s: %s\n", PACKAGE_NAME, message);
      return EXIT_FAILURE;
    }

  if (version)
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  if (survey_file != NULL)
    return validate_survey (survey_file);

  if (data_dir == NULL)
    data_dir = g_strdup (default_dir);

  if (set_pin)
    return set_coordinator_pin (data_dir);

  if (export_file != NULL && import_file != NULL)
    {
      g_printerr ("%s: %s\n", PACKAGE_NAME, _("Export or import, not both at once"));
      return EXIT_FAILURE;
    }

  /* Both run without a display, also while the app itself is running. */
  if (export_file != NULL)
    return export_responses (data_dir, export_file, format, since, until, language);
  if (import_file != NULL)
    return import_responses (data_dir, import_file);
  if (opinions_file != NULL)
    return export_opinions (data_dir, opinions_file);

  if (report_file != NULL && !check_language (language))
    return EXIT_FAILURE;

  return become_app (data_dir, kiosk, report_file, since, until, language,
                     refresh_news, refresh_news_site);
}
