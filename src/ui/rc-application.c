/* rc-application.c
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rc-application.h"
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
  gboolean        kiosk;
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
rc_application_activate (GApplication *app)
{
  RcApplication *self = RC_APPLICATION (app);
  GtkWindow *window;

  if (self->startup_error != NULL)
    {
      show_startup_error (self);
      return;
    }

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window == NULL)
    window = GTK_WINDOW (rc_window_new (self));

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
rc_application_finalize (GObject *object)
{
  RcApplication *self = (RcApplication *)object;

  g_clear_object (&self->response_store);
  g_clear_object (&self->news_store);
  g_clear_object (&self->survey);
  g_clear_object (&self->settings);
  g_clear_object (&self->database);
  g_clear_error (&self->startup_error);

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
