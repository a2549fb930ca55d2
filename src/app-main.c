/* app-main.c: resource-center-app, the program with a window
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* resource-center starts this program in its own place (execv) for what
 * needs GTK or the network: the app itself, --report and --refresh-news.
 * It passes only the options below, already checked. The commands that
 * need neither run in resource-center, which loads 16 libraries instead
 * of 87. */

#include "config.h"

#include <glib/gi18n.h>
#include <gtk/gtk.h>

#include "rc-active-survey.h"
#include "rc-application.h"
#include "rc-backup.h"
#include "rc-database.h"
#include "rc-language.h"
#include "rc-news-sync.h"
#include "rc-pin.h"
#include "rc-program.h"
#include "rc-renderer.h"
#include "rc-report.h"

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

  /* The whole report in the language asked for, whatever the system's. */
  if (language != NULL)
    rc_language_use (language);
  ok = rc_report_write (data_dir, path, &filter, rc_language_get_interface (), &n_pages, &error);
  rc_language_use_system ();

  if (!ok)
    return rc_program_fail (error);

  g_print (ngettext ("%s: a report of %u page written\n",
                     "%s: a report of %u pages written\n", n_pages),
           path, n_pages);
  return EXIT_SUCCESS;
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
    return rc_program_fail (error);
  store = rc_news_store_new (database);
  if (!rc_news_sync (store, site_url, NULL, NULL, &added, &updated, &error))
    return rc_program_fail (error);

  /* Translators: "https://example.org: 3 posts added, 1 updated" */
  g_print (ngettext ("%s: %u post added, %u updated\n", "%s: %u posts added, %u updated\n", added),
           site_url, added, updated);
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
          status = rc_program_fail (error);

          /* Started from the desktop, nobody sees standard error: say it in
           * a dialog too, when there is a display to show it on. */
          if (gdk_display_get_default () == NULL)
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
  g_autofree char *report_file = NULL;
  g_autofree char *since = NULL;
  g_autofree char *until = NULL;
  g_autofree char *language = NULL;
  g_autofree char *site_url = NULL;
  gboolean refresh_news = FALSE;
  gboolean kiosk = FALSE;
  char *app_argv[] = { argv[0], NULL };
  /* Described in resource-center --help. */
  const GOptionEntry entries[] = {
    { "data-dir", 0, 0, G_OPTION_ARG_FILENAME, &data_dir, NULL, NULL },
    { "kiosk", 0, 0, G_OPTION_ARG_NONE, &kiosk, NULL, NULL },
    { "report", 0, 0, G_OPTION_ARG_FILENAME, &report_file, NULL, NULL },
    { "since", 0, 0, G_OPTION_ARG_STRING, &since, NULL, NULL },
    { "until", 0, 0, G_OPTION_ARG_STRING, &until, NULL, NULL },
    { "language", 0, 0, G_OPTION_ARG_STRING, &language, NULL, NULL },
    { "refresh-news", 0, 0, G_OPTION_ARG_NONE, &refresh_news, NULL, NULL },
    { "site", 0, 0, G_OPTION_ARG_STRING, &site_url, NULL, NULL },
    { NULL }
  };

  rc_program_init ();

  context = g_option_context_new (NULL);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return rc_program_fail (error);

  if (data_dir == NULL)
    data_dir = g_strdup (default_dir);

  if (report_file != NULL)
    return write_report (data_dir, report_file, since, until, language);
  if (refresh_news)
    return refresh_news_from_site (data_dir, site_url);

  /* GTK opens the display once, whether it can or not: run_app() tells
   * by the display whether there is one to show a window on. The renderer
   * is chosen before the first window. */
  if (gtk_init_check ())
    rc_renderer_choose (gdk_display_get_default ());

  return run_app (default_dir, data_dir, kiosk, app_argv);
}
