/* rc-window.c
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rc-survey-view.h"
#include "rc-window.h"

struct _RcWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  gboolean              kiosk;

  /* Template widgets */
  AdwViewStack         *stack;
  AdwBin               *survey_holder;
};

G_DEFINE_FINAL_TYPE (RcWindow, rc_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_KIOSK,
  PROP_PLACE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The manual page that explains each place, opened by F1. */
static const struct {
  const char *place;
  const char *help_page;
} places[] = {
  { "news", "staff" },
  { "survey", "kiosk" },
  { "coordinator", "coordinators" },
};

/* For a respondent who must hide at once what she is doing. */
static void
on_quick_exit (RcWindow *self)
{
  rc_window_set_place (self, "news");
}

static void
add_survey_view (RcWindow *self)
{
  RcApplication *app = RC_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  GtkWidget *view;

  view = rc_survey_view_new (rc_application_get_survey (app), rc_application_get_response_store (app));
  g_settings_bind (self->settings, "kiosk-thanks-seconds", view, "thanks-seconds", G_SETTINGS_BIND_GET);
  g_settings_bind (self->settings, "kiosk-idle-seconds", view, "idle-seconds", G_SETTINGS_BIND_GET);
  g_settings_bind (self->settings, "kiosk-still-there-seconds", view, "still-there-seconds",
                   G_SETTINGS_BIND_GET);
  g_signal_connect_swapped (view, "quick-exit", G_CALLBACK (on_quick_exit), self);
  adw_bin_set_child (self->survey_holder, view);
}

RcWindow *
rc_window_new (RcApplication *application)
{
  RcWindow *self;

  g_return_val_if_fail (RC_IS_APPLICATION (application), NULL);

  self = g_object_new (RC_TYPE_WINDOW,
                       "application", application,
                       "kiosk", rc_application_get_kiosk (application),
                       NULL);

  /* Needs the application, which GObject sets only after constructed(). */
  add_survey_view (self);

  return self;
}

const char *
rc_window_get_place (RcWindow *self)
{
  g_return_val_if_fail (RC_IS_WINDOW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->stack);
}

void
rc_window_set_place (RcWindow   *self,
                     const char *place)
{
  g_return_if_fail (RC_IS_WINDOW (self));
  g_return_if_fail (place != NULL);

  /* A name from an older or newer settings file is not an error worth
   * a warning: the window simply stays where it is. */
  if (adw_view_stack_get_child_by_name (self->stack, place) == NULL)
    return;

  adw_view_stack_set_visible_child_name (self->stack, place);
}

static void
on_visible_child_changed (RcWindow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLACE]);
}

static void
show_help_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RcWindow *self = RC_WINDOW (widget);
  const char *place = rc_window_get_place (self);
  g_autofree char *uri = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    {
      if (g_strcmp0 (places[i].place, place) == 0)
        uri = g_strdup_printf ("help:%s/%s", PACKAGE_NAME, places[i].help_page);
    }

  if (uri == NULL)
    uri = g_strdup ("help:" PACKAGE_NAME);

  gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
}

static gboolean
rc_window_close_request (GtkWindow *window)
{
  RcWindow *self = RC_WINDOW (window);
  int width, height;

  /* A kiosk's full screen says nothing about how staff like the window. */
  if (!self->kiosk)
    {
      gtk_window_get_default_size (window, &width, &height);
      g_settings_set (self->settings, "window-size", "(ii)", width, height);
      g_settings_set_boolean (self->settings, "window-maximized",
                              gtk_window_is_maximized (window));
    }

  return GTK_WINDOW_CLASS (rc_window_parent_class)->close_request (window);
}

static void
rc_window_constructed (GObject *object)
{
  RcWindow *self = RC_WINDOW (object);
  int width, height;

  G_OBJECT_CLASS (rc_window_parent_class)->constructed (object);

  if (self->kiosk)
    {
      rc_window_set_place (self, "survey");
      gtk_window_fullscreen (GTK_WINDOW (self));
      return;
    }

  g_settings_get (self->settings, "window-size", "(ii)", &width, &height);
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  g_settings_bind (self->settings, "last-place", self, "place", G_SETTINGS_BIND_DEFAULT);
}

static void
rc_window_dispose (GObject *object)
{
  RcWindow *self = (RcWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), RC_TYPE_WINDOW);

  G_OBJECT_CLASS (rc_window_parent_class)->dispose (object);
}

static void
rc_window_finalize (GObject *object)
{
  RcWindow *self = (RcWindow *)object;

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (rc_window_parent_class)->finalize (object);
}

static void
rc_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  RcWindow *self = RC_WINDOW (object);

  switch (prop_id)
    {
    case PROP_KIOSK:
      g_value_set_boolean (value, self->kiosk);
      break;

    case PROP_PLACE:
      g_value_set_string (value, rc_window_get_place (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rc_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  RcWindow *self = RC_WINDOW (object);

  switch (prop_id)
    {
    case PROP_KIOSK:
      self->kiosk = g_value_get_boolean (value);
      break;

    case PROP_PLACE:
      rc_window_set_place (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rc_window_class_init (RcWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = rc_window_constructed;
  object_class->dispose = rc_window_dispose;
  object_class->finalize = rc_window_finalize;
  object_class->get_property = rc_window_get_property;
  object_class->set_property = rc_window_set_property;

  window_class->close_request = rc_window_close_request;

  /**
   * RcWindow:kiosk:
   *
   * Whether the window is the kiosk's: full screen on the survey, and
   * leaving the staff's window settings alone.
   */
  properties[PROP_KIOSK] =
    g_param_spec_boolean ("kiosk", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * RcWindow:place:
   *
   * The name of the place shown: "news", "survey" or "coordinator".
   */
  properties[PROP_PLACE] =
    g_param_spec_string ("place", NULL, NULL,
                         "news",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/rc-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RcWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, RcWindow, survey_holder);
  gtk_widget_class_bind_template_callback (widget_class, on_visible_child_changed);

  gtk_widget_class_install_property_action (widget_class, "win.place", "place");
  gtk_widget_class_install_action (widget_class, "win.show-help", NULL, show_help_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK,
                                       "win.place", "s", "news");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK,
                                       "win.place", "s", "survey");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK,
                                       "win.place", "s", "coordinator");
}

static void
rc_window_init (RcWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);

#if DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif
}
