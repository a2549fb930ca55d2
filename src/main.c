/* main.c
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include <gtk/gtk.h>

#include "rc-active-survey.h"
#include "rc-backup.h"
#include "rc-application.h"
#include "rc-database.h"
#include "rc-export.h"
#include "rc-import.h"
#include "rc-language.h"
#include "rc-news-sync.h"
#include "rc-pin.h"
#include "rc-report.h"
#include "rc-survey.h"

static int
fail (const GError *error)
{
  g_printerr ("%s: %s\n", PACKAGE_NAME, error->message);
  return EXIT_FAILURE;
}

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
    return fail (error);

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
    return fail (error);

  typed = read_pin ();
  pin = rc_pin_new (database);
  if (!rc_pin_set (pin, typed, &error))
    return fail (error);

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
    return fail (error);

  if (!check_language (language))
    return EXIT_FAILURE;
  options.labels_language = language;

  if (!rc_export_write (data_dir, path, &options, NULL, NULL, &n_written, &error))
    return fail (error);

  g_print (ngettext ("%s: %" PRId64 " response written\n",
                     "%s: %" PRId64 " responses written\n", n_written),
           path, n_written);
  return EXIT_SUCCESS;
}

static int
write_report (const char *data_dir,
              const char *path,
              const char *since,
              const char *until,
              const char *language)
{
  RcResultsFilter filter = { .since = since, .until = until };
  g_autoptr(GError) error = NULL;
  guint n_pages = 0;
  gboolean ok;

  if (!check_language (language))
    return EXIT_FAILURE;

  /* The whole report in the language asked for, whatever the system's. */
  if (language != NULL)
    rc_language_use (language);
  ok = rc_report_write (data_dir, path, &filter, rc_language_get_interface (), &n_pages, &error);
  rc_language_use_system ();

  if (!ok)
    return fail (error);

  g_print (ngettext ("%s: a report of %u page written\n",
                     "%s: a report of %u pages written\n", n_pages),
           path, n_pages);
  return EXIT_SUCCESS;
}

static int
export_opinions (const char *data_dir,
                 const char *path)
{
  g_autoptr(GError) error = NULL;
  gint64 n_written;

  if (!rc_export_write_opinions (data_dir, path, &n_written, &error))
    return fail (error);

  g_print (ngettext ("%s: %" PRId64 " opinion written\n",
                     "%s: %" PRId64 " opinions written\n", n_written),
           path, n_written);
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

/* For a timer or the first set-up: the website's new and changed posts. */
static int
refresh_news_from_site (const char *data_dir,
                        const char *site_url)
{
  g_autoptr(RcDatabase) database = NULL;
  g_autoptr(RcNewsStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *from_settings = NULL;
  guint added, updated;

  if (site_url == NULL)
    {
      g_autoptr(GSettings) settings = g_settings_new (APP_ID);

      from_settings = g_settings_get_string (settings, "news-site-url");
      site_url = *from_settings ? from_settings : NULL;
    }
  if (site_url == NULL)
    {
      g_printerr ("%s: %s\n", PACKAGE_NAME,
                  _("No website address is set: give one, as --refresh-news=https://example.org"));
      return EXIT_FAILURE;
    }

  if (!(database = rc_database_open (data_dir, &error)))
    return fail (error);
  store = rc_news_store_new (database);
  if (!rc_news_sync (store, site_url, NULL, NULL, &added, &updated, &error))
    return fail (error);

  /* Translators: "https://example.org: 3 posts added, 1 updated" */
  g_print (ngettext ("%s: %u post added, %u updated\n", "%s: %u posts added, %u updated\n", added),
           site_url, added, updated);
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
    return fail (error);

  added = g_strdup_printf (ngettext ("%" PRId64 " response added", "%" PRId64 " responses added", n_added),
                           n_added);
  present = g_strdup_printf (ngettext ("%" PRId64 " already here", "%" PRId64 " already here", n_present),
                             n_present);
  /* Translators: "12 responses added, 3 already here" */
  g_print (_("%s: %s, %s\n"), path, added, present);
  return EXIT_SUCCESS;
}

/* A damaged database may be set aside from the dialog that says so; the
 * data folder is then opened again, by an application of its own. */
static gboolean
can_be_set_aside (const GError *error,
                  const char   *data_dir)
{
  g_autoptr(GPtrArray) copies = NULL;

  if (g_error_matches (error, RC_DATABASE_ERROR, RC_DATABASE_ERROR_DAMAGED))
    return TRUE;

  /* Not even a database any more: the copies beside it say it was ours,
   * and not somebody else's file in a folder given by mistake. */
  if (!g_error_matches (error, RC_DATABASE_ERROR, RC_DATABASE_ERROR_NOT_A_DATABASE))
    return FALSE;
  copies = rc_backup_list (data_dir);
  return copies->len > 0;
}

static int
run_app (const char  *default_dir,
         const char  *data_dir,
         gboolean     kiosk,
         char       **app_argv)
{
  for (;;)
    {
      g_autoptr(RcApplication) app = NULL;
      g_autoptr(RcDatabase) database = NULL;
      g_autoptr(RcSurvey) survey = NULL;
      g_autoptr(GError) error = NULL;
      int status;

      /* Opened before any window so that a bad data folder is reported in
       * one line, with no display needed, and nothing is touched. */
      database = rc_database_open (data_dir, &error);
      if (database != NULL)
        survey = rc_active_survey_load (data_dir, &error);

      /* Only the PIN leaves kiosk mode, so there must be one first. */
      if (survey != NULL && kiosk)
        {
          g_autoptr(RcPin) pin = rc_pin_new (database);

          if (!rc_pin_is_set (pin))
            {
              g_set_error (&error, RC_PIN_ERROR, RC_PIN_ERROR_NOT_SET,
                           _("Kiosk mode needs a coordinator PIN to leave it: "
                             "set one first with “resource-center --set-pin”"));
              g_clear_object (&survey);
            }
        }

      if (database == NULL || survey == NULL)
        {
          status = fail (error);

          /* Started from the desktop, nobody sees standard error: say it in
           * a dialog too, when there is a display to show it on. */
          if (!gtk_init_check ())
            return status;

          app = can_be_set_aside (error, data_dir) ? rc_application_new_damaged (error, data_dir)
                                                   : rc_application_new_failed (error);
          g_application_run (G_APPLICATION (app), 1, app_argv);
          if (!rc_application_get_recovered (app))
            return status;
          continue;
        }

      app = rc_application_new (database, survey, kiosk);

      /* Another data folder is another installation: it must not be handed
       * to an instance that is already running on the default one. */
      if (g_strcmp0 (default_dir, data_dir) != 0)
        g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);

      status = g_application_run (G_APPLICATION (app), 1, app_argv);

      /* The copy made at start found the database damaged, and it was set
       * aside: the same window comes back on the copy. */
      if (!rc_application_get_recovered (app))
        return status;
    }
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
  char *app_argv[] = { argv[0], NULL };
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

  setlocale (LC_ALL, "");
  /* RC_LOCALEDIR: the translations of a build tree, for running and
   * testing it uninstalled. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("RC_LOCALEDIR") ? g_getenv ("RC_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_prgname (PACKAGE_NAME);

  context = g_option_context_new (NULL);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("The resource centre’s news, its anonymous survey kiosk "
                                  "and the survey results"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return fail (error);

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
  if (report_file != NULL)
    return write_report (data_dir, report_file, since, until, language);
  if (opinions_file != NULL)
    return export_opinions (data_dir, opinions_file);
  if (refresh_news)
    {
      int status = refresh_news_from_site (data_dir, refresh_news_site);

      g_clear_pointer (&refresh_news_site, g_free);
      return status;
    }

  return run_app (default_dir, data_dir, kiosk, app_argv);
}
