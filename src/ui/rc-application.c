/* rc-application.c
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rc-accessible.h"
#include "rc-application.h"
#include "rc-backup.h"
#include "rc-language.h"
#include "rc-window.h"

struct _RcApplication
{
  AdwApplication  parent_instance;

  RcDatabase      *database;
  RcResponseStore *response_store;
  RcNewsStore     *news_store;
  RcSurvey        *survey;
  GSettings       *settings;
  GError          *startup_error;
  char            *damaged_data_dir;
  gboolean        recovered;
  gboolean        kiosk;
  guint           backup_source_id;
  gboolean        backing_up;
};

G_DEFINE_FINAL_TYPE (RcApplication, rc_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_SURVEY,
  PROP_KIOSK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * rc_application_new:
 * @database: the opened database of this installation
 * @survey: the survey this installation asks
 * @kiosk: whether to open straight into the survey, full screen
 *
 * Returns: (transfer full): a new #RcApplication
 */
RcApplication *
rc_application_new (RcDatabase *database,
                    RcSurvey   *survey,
                    gboolean    kiosk)
{
  g_return_val_if_fail (RC_IS_DATABASE (database), NULL);
  g_return_val_if_fail (RC_IS_SURVEY (survey), NULL);

  return g_object_new (RC_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "resource-base-path", RESOURCE_BASE_PATH,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "database", database,
                       "survey", survey,
                       "kiosk", kiosk,
                       NULL);
}

/**
 * rc_application_new_failed:
 * @error: why the app cannot start, naming the file or folder at fault
 *
 * Creates an application that only explains @error in a dialog, for a start
 * from the desktop where nobody reads standard error.
 *
 * Returns: (transfer full): a new #RcApplication
 */
RcApplication *
rc_application_new_failed (const GError *error)
{
  RcApplication *self;

  g_return_val_if_fail (error != NULL, NULL);

  self = g_object_new (RC_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "resource-base-path", RESOURCE_BASE_PATH,
                       "flags", G_APPLICATION_NON_UNIQUE,
                       NULL);
  self->startup_error = g_error_copy (error);

  return self;
}

/**
 * rc_application_new_damaged:
 * @error: how the database of @data_dir is damaged
 * @data_dir: the data folder
 *
 * Creates an application that offers to set the damaged database aside
 * and go on with the newest copy, or an empty database.
 * rc_application_get_recovered() tells, once it has run, whether the data
 * folder is ready to open again.
 *
 * Returns: (transfer full): a new #RcApplication
 */
RcApplication *
rc_application_new_damaged (const GError *error,
                            const char   *data_dir)
{
  RcApplication *self = rc_application_new_failed (error);

  g_return_val_if_fail (data_dir != NULL, self);

  self->damaged_data_dir = g_strdup (data_dir);

  return self;
}

/**
 * rc_application_get_recovered:
 *
 * Returns: whether a damaged database was set aside and the data folder is
 *   ready to be opened again, by a new application
 */
gboolean
rc_application_get_recovered (RcApplication *self)
{
  g_return_val_if_fail (RC_IS_APPLICATION (self), FALSE);

  return self->recovered;
}

static void
on_recovery_told (AdwMessageDialog *dialog,
                  const char       *response,
                  RcApplication    *self)
{
  g_application_quit (G_APPLICATION (self));
}

/* A dialog that keeps the application running while it shows, over
 * @parent or on its own. */
static AdwMessageDialog *
app_dialog (RcApplication *self,
            GtkWindow     *parent,
            const char    *heading,
            const char    *body)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, body));

  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  return dialog;
}

static void
on_recovery_chosen (AdwMessageDialog *dialog,
                    const char       *response,
                    RcApplication    *self)
{
  const char *data_dir = g_object_get_data (G_OBJECT (dialog), "rc-data-dir");
  const char *backup = g_object_get_data (G_OBJECT (dialog), "rc-backup");
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));
  g_autoptr(GError) error = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *told;

  if (!g_str_equal (response, "set-aside"))
    {
      g_application_quit (G_APPLICATION (self));
      return;
    }

  if (!rc_backup_restore (data_dir, backup, &aside, &error))
    {
      told = app_dialog (self, parent, _("The Database Could Not Be Set Aside"), error->message);
      adw_message_dialog_add_response (told, "quit", _("_Quit"));
    }
  else
    {
      self->recovered = TRUE;
      body = g_strdup_printf (backup != NULL
                              ? _("It is now “%s”, untouched. Resource Centre starts again with the copy.")
                              : _("It is now “%s”, untouched. Resource Centre starts again with an empty database."),
                              aside);
      told = app_dialog (self, parent, _("The Damaged Database Was Set Aside"), body);
      adw_message_dialog_add_response (told, "continue", _("_Continue"));
    }

  g_signal_connect_object (told, "response", G_CALLBACK (on_recovery_told), self, 0);
  gtk_window_present (GTK_WINDOW (told));
}

/* The database of @data_dir failed its check: nothing is done to it
 * without asking, and nothing is ever deleted. */
static void
offer_recovery (RcApplication *self,
                GtkWindow     *parent,
                const GError  *error,
                const char    *data_dir)
{
  g_autoptr(GPtrArray) copies = rc_backup_list (data_dir);
  const char *newest = copies->len > 0 ? g_ptr_array_index (copies, 0) : NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (newest != NULL)
    {
      g_autoptr(GDateTime) made = rc_backup_get_time (newest);
      g_autoptr(GDateTime) local = made != NULL ? g_date_time_to_local (made) : NULL;
      g_autofree char *iso_day = local != NULL ? g_date_time_format (local, "%Y-%m-%d") : NULL;
      g_autofree char *day = iso_day != NULL ? rc_text_format_day_in_words (iso_day) : g_strdup ("?");
      g_autofree char *time = local != NULL ? g_date_time_format (local, "%H:%M") : g_strdup ("?");
      g_autofree char *offer = NULL;

      /* Translators: the first %s is a day, the second a time of day */
      offer = g_strdup_printf (_("It can be set aside as it is, and Resource Centre can go on with "
                                 "the copy made on %s at %s. Responses submitted after that copy "
                                 "stay only in the file set aside."),
                               day, time);
      body = g_strdup_printf ("%s\n\n%s", error->message, offer);
    }
  else
    {
      body = g_strdup_printf ("%s\n\n%s", error->message,
                              _("There is no copy of it. It can be set aside as it is, and "
                                "Resource Centre can go on with an empty database."));
    }

  dialog = app_dialog (self, parent, _("The Database Is Damaged"), body);
  adw_message_dialog_add_responses (dialog,
                                    "quit", _("_Quit"),
                                    "set-aside", newest != NULL ? _("_Set Aside and Use the Copy")
                                                                : _("_Set Aside and Start Empty"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "set-aside", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "set-aside");
  adw_message_dialog_set_close_response (dialog, "quit");
  g_object_set_data_full (G_OBJECT (dialog), "rc-data-dir", g_strdup (data_dir), g_free);
  g_object_set_data_full (G_OBJECT (dialog), "rc-backup", g_strdup (newest), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_recovery_chosen), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_startup_error (RcApplication *self)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (NULL,
                                                       _("Resource Centre Cannot Start"),
                                                       self->startup_error->message));
  adw_message_dialog_add_response (dialog, "quit", _("_Quit"));
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
run_backup (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  RcApplication *self = source_object;
  g_autoptr(RcDatabase) database = NULL;
  GError *error = NULL;
  char *path = NULL;

  /* A connection of its own: the kiosk goes on saving meanwhile. */
  if ((database = rc_database_open (rc_database_get_data_dir (self->database), &error)))
    path = rc_backup_make (database, GPOINTER_TO_UINT (task_data), &error);

  if (path != NULL)
    g_task_return_pointer (task, path, g_free);
  else
    g_task_return_error (task, error);
}

static void
on_backup_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  RcApplication *self = RC_APPLICATION (source);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_task_propagate_pointer (G_TASK (result), &error);

  self->backing_up = FALSE;
  g_application_release (G_APPLICATION (self));

  if (path != NULL)
    g_debug ("The database was copied to %s", path);
  else if (g_error_matches (error, RC_DATABASE_ERROR, RC_DATABASE_ERROR_DAMAGED))
    offer_recovery (self, gtk_application_get_active_window (GTK_APPLICATION (self)), error,
                    rc_database_get_data_dir (self->database));
  else
    g_warning ("The database could not be copied: %s", error->message);
}

/* A copy at start and every day after, in a thread: a copy of a large
 * database takes a moment, and the app must not quit half-way through. */
static gboolean
back_up (gpointer user_data)
{
  RcApplication *self = user_data;
  g_autoptr(GTask) task = NULL;

  if (self->backing_up)
    return G_SOURCE_CONTINUE;

  self->backing_up = TRUE;
  g_application_hold (G_APPLICATION (self));
  task = g_task_new (self, NULL, on_backup_done, NULL);
  g_task_set_task_data (task, GUINT_TO_POINTER (g_settings_get_uint (self->settings, "backups-kept")), NULL);
  g_task_run_in_thread (task, run_backup);

  return G_SOURCE_CONTINUE;
}

/* The copy at start waits for the window's first frame: copying a large
 * database competes with the start for the disk and the processor, and
 * the kiosk would come up seconds later on an old computer. */
static void
on_first_frame (GdkFrameClock *clock,
                RcApplication *self)
{
  g_signal_handlers_disconnect_by_func (clock, on_first_frame, self);
  back_up (self);
}

static void
on_window_mapped (GtkWidget     *window,
                  RcApplication *self)
{
  g_signal_handlers_disconnect_by_func (window, on_window_mapped, self);
  g_signal_connect_object (gtk_widget_get_frame_clock (window), "after-paint",
                           G_CALLBACK (on_first_frame), self, 0);
}

static void
rc_application_activate (GApplication *app)
{
  RcApplication *self = RC_APPLICATION (app);
  GtkWindow *window;

  if (self->startup_error != NULL && self->damaged_data_dir != NULL)
    {
      offer_recovery (self, NULL, self->startup_error, self->damaged_data_dir);
      return;
    }

  if (self->startup_error != NULL)
    {
      show_startup_error (self);
      return;
    }

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window == NULL)
    window = GTK_WINDOW (rc_window_new (self));

  if (self->backup_source_id == 0)
    {
      self->backup_source_id = g_timeout_add_seconds (RC_BACKUP_INTERVAL_SECONDS, back_up, self);
      g_signal_connect_object (window, "map", G_CALLBACK (on_window_mapped), self, 0);
    }

  gtk_window_present (window);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  RcApplication *self = user_data;
  static const char *developers[] = {
    "Resource Centre contributors",
    NULL
  };
  static const char *content[] = {
    /* Translators: the organisation whose resource centre the app serves */
    N_("ZUBR non-profit holding, Ust-Kamenogorsk"),
    NULL
  };
  const char *translated_content[G_N_ELEMENTS (content)] = { NULL };
  g_autofree char *debug_info = NULL;
  GtkWindow *window;

  for (guint i = 0; content[i] != NULL; i++)
    translated_content[i] = _(content[i]);

  debug_info = g_strdup_printf ("Version: %s\n"
                                "Profile: %s\n"
                                "Data folder: %s\n"
                                "Data version: %d\n",
                                PACKAGE_VERSION,
                                PROFILE,
                                rc_database_get_data_dir (self->database),
                                rc_database_get_schema_version (self->database));

  window = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                         "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                         "application-icon", APP_ID,
                         "application-name", _("Resource Centre"),
                         "developer-name", _("ZUBR non-profit holding"),
                         "version", PACKAGE_VERSION,
                         "comments", _("News of the resource centre, an anonymous survey kiosk and "
                                       "its results for coordinators"),
                         "developers", developers,
                         "translator-credits", _("translator-credits"),
                         "copyright", "© 2026 Resource Centre contributors",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "debug-info", debug_info,
                         "debug-info-filename", "resource-center-debug-info.txt",
                         NULL);
  adw_about_window_add_acknowledgement_section (ADW_ABOUT_WINDOW (window),
                                                _("Content"),
                                                translated_content);

  gtk_window_present (window);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static const GActionEntry app_actions[] = {
  { "about", about_action },
  { "quit", quit_action },
};

static void
rc_application_startup (GApplication *app)
{
  RcApplication *self = RC_APPLICATION (app);
  static const char *quit_accels[] = { "<Primary>q", NULL };
  static const char *help_accels[] = { "F1", NULL };

  G_APPLICATION_CLASS (rc_application_parent_class)->startup (app);
  rc_accessible_name_window_buttons ();

  if (self->database != NULL)
    {
      g_autoptr(GError) error = NULL;

      self->settings = g_settings_new (APP_ID);
      self->response_store = rc_response_store_new (self->database);
      self->news_store = rc_news_store_new (self->database);
      if (!rc_news_store_install_bundled (self->news_store, &error))
        g_warning ("The bundled news could not be installed: %s", error->message);
      g_settings_bind (self->settings, "keep-full-submission-time",
                       self->response_store, "keep-full-time", G_SETTINGS_BIND_GET);
    }

  g_action_map_add_action_entries (G_ACTION_MAP (app),
                                   app_actions,
                                   G_N_ELEMENTS (app_actions),
                                   app);

  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.show-help", help_accels);
}

static void
rc_application_shutdown (GApplication *app)
{
  RcApplication *self = RC_APPLICATION (app);

  g_clear_handle_id (&self->backup_source_id, g_source_remove);

  /* Answers or an opinion sent just before the window was closed, or the
   * app quit, may still be being written: the process's end would lose
   * them. The windows go first: behind another program's write that can
   * take seconds, and a window left on screen would seem frozen. */
  if (self->database != NULL)
    {
      for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
        gtk_widget_set_visible (l->data, FALSE);
      if (gdk_display_get_default () != NULL)
        gdk_display_flush (gdk_display_get_default ());
      rc_database_wait_for_writes (self->database);
    }

  G_APPLICATION_CLASS (rc_application_parent_class)->shutdown (app);
}

static void
rc_application_finalize (GObject *object)
{
  RcApplication *self = (RcApplication *)object;

  g_clear_object (&self->response_store);
  g_clear_object (&self->news_store);
  g_clear_object (&self->survey);
  g_clear_object (&self->settings);
  g_clear_object (&self->database);
  g_clear_error (&self->startup_error);
  g_clear_pointer (&self->damaged_data_dir, g_free);

  G_OBJECT_CLASS (rc_application_parent_class)->finalize (object);
}

static void
rc_application_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RcApplication *self = RC_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    case PROP_SURVEY:
      g_value_set_object (value, self->survey);
      break;

    case PROP_KIOSK:
      g_value_set_boolean (value, self->kiosk);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rc_application_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  RcApplication *self = RC_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->database = g_value_dup_object (value);
      break;

    case PROP_SURVEY:
      rc_application_set_survey (self, g_value_get_object (value));
      break;

    case PROP_KIOSK:
      self->kiosk = g_value_get_boolean (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rc_application_class_init (RcApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = rc_application_finalize;
  object_class->get_property = rc_application_get_property;
  object_class->set_property = rc_application_set_property;

  app_class->activate = rc_application_activate;
  app_class->startup = rc_application_startup;
  app_class->shutdown = rc_application_shutdown;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         RC_TYPE_DATABASE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SURVEY] =
    g_param_spec_object ("survey", NULL, NULL,
                         RC_TYPE_SURVEY,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_KIOSK] =
    g_param_spec_boolean ("kiosk", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rc_application_init (RcApplication *self)
{
}

RcDatabase *
rc_application_get_database (RcApplication *self)
{
  g_return_val_if_fail (RC_IS_APPLICATION (self), NULL);

  return self->database;
}

/**
 * rc_application_get_response_store:
 *
 * Returns: (transfer none) (nullable): where submitted responses go, once
 *   the application has started
 */
RcResponseStore *
rc_application_get_response_store (RcApplication *self)
{
  g_return_val_if_fail (RC_IS_APPLICATION (self), NULL);

  return self->response_store;
}

/**
 * rc_application_get_news_store:
 *
 * Returns: (transfer none) (nullable): the news, once the application has
 *   started
 */
RcNewsStore *
rc_application_get_news_store (RcApplication *self)
{
  g_return_val_if_fail (RC_IS_APPLICATION (self), NULL);

  return self->news_store;
}

/**
 * rc_application_get_survey:
 *
 * Returns: (transfer none) (nullable): the survey this installation asks
 */
RcSurvey *
rc_application_get_survey (RcApplication *self)
{
  g_return_val_if_fail (RC_IS_APPLICATION (self), NULL);

  return self->survey;
}

/**
 * rc_application_set_survey:
 * @survey: the survey a coordinator installed
 *
 * Makes @survey the one the next respondent gets.
 */
void
rc_application_set_survey (RcApplication *self,
                           RcSurvey      *survey)
{
  g_return_if_fail (RC_IS_APPLICATION (self));
  g_return_if_fail (RC_IS_SURVEY (survey));

  if (g_set_object (&self->survey, survey))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SURVEY]);
}

gboolean
rc_application_get_kiosk (RcApplication *self)
{
  g_return_val_if_fail (RC_IS_APPLICATION (self), FALSE);

  return self->kiosk;
}
