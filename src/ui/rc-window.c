/* rc-window.c
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rc-coordinator-view.h"
#include "rc-news-view.h"
#include "rc-pin.h"
#include "rc-survey-view.h"
#include "rc-window.h"

struct _RcWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  gboolean              kiosk;
  guint                 inhibit_cookie;

  /* Template widgets */
  AdwHeaderBar         *header_bar;
  AdwViewStack         *stack;
  AdwBin               *news_holder;
  AdwBin               *survey_holder;
  AdwBin               *coordinator_holder;
  AdwViewSwitcherBar   *switcher_bar;
  GtkButton            *staff_button;
  GtkButton            *back_to_survey_button;
};

G_DEFINE_FINAL_TYPE (RcWindow, rc_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_KIOSK,
  PROP_PLACE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void apply_kiosk (RcWindow *self);

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
  adw_view_stack_set_visible_child_name (self->stack, "news");
}

/* The kiosk's own controls and the window's name, which a screen reader
 * says, speak the respondent's language while she answers: the survey view
 * has switched the translations to it. */
static void
translate_kiosk_controls (RcWindow *self)
{
  gtk_window_set_title (GTK_WINDOW (self), _("Resource Centre"));
  gtk_button_set_label (self->back_to_survey_button, _("Back to the Survey"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->staff_button), _("For staff: leave kiosk mode"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->staff_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("For staff: leave kiosk mode"), -1);
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
  g_signal_connect_object (view, "notify::language", G_CALLBACK (translate_kiosk_controls), self,
                           G_CONNECT_SWAPPED);
  adw_bin_set_child (self->survey_holder, view);
}

/* The next respondent gets the survey a coordinator has just installed. */
static void
on_survey_installed (RcWindow          *self,
                     GParamSpec        *pspec,
                     RcCoordinatorView *coordinator_view)
{
  RcApplication *app = RC_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));

  rc_application_set_survey (app, rc_coordinator_view_get_survey (coordinator_view));
  if (adw_bin_get_child (self->survey_holder) != NULL)
    add_survey_view (self);
}

static void
add_news_view (RcWindow *self)
{
  RcApplication *app = RC_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));

  adw_bin_set_child (self->news_holder, rc_news_view_new (rc_application_get_news_store (app)));
}

static void
add_coordinator_view (RcWindow *self)
{
  RcApplication *app = RC_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  GtkWidget *view;

  view = rc_coordinator_view_new (rc_application_get_database (app), rc_application_get_survey (app));
  g_settings_bind (self->settings, "coordinator-lock-seconds", view, "lock-seconds", G_SETTINGS_BIND_GET);
  g_signal_connect_swapped (view, "notify::survey", G_CALLBACK (on_survey_installed), self);
  adw_bin_set_child (self->coordinator_holder, view);
}

/* The survey and the coordinator area are made when first shown: a start
 * at the news shows neither, and the view stack lays out every page, shown
 * or not, before the first frame (bench/RESULTS.md, Stop 33). */
static void
ensure_place_view (RcWindow *self)
{
  const char *place = rc_window_get_place (self);

  if (gtk_window_get_application (GTK_WINDOW (self)) == NULL)
    return;

  if (g_strcmp0 (place, "survey") == 0 && adw_bin_get_child (self->survey_holder) == NULL)
    add_survey_view (self);
  else if (g_strcmp0 (place, "coordinator") == 0 && adw_bin_get_child (self->coordinator_holder) == NULL)
    add_coordinator_view (self);
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
  add_news_view (self);
  ensure_place_view (self);
  apply_kiosk (self);

  return self;
}

gboolean
rc_window_get_kiosk (RcWindow *self)
{
  g_return_val_if_fail (RC_IS_WINDOW (self), FALSE);

  return self->kiosk;
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

  /* The kiosk shows the survey alone (the news only after a quick exit). */
  if (self->kiosk && !g_str_equal (place, "survey"))
    return;

  adw_view_stack_set_visible_child_name (self->stack, place);
}

static void
on_visible_child_changed (RcWindow *self)
{
  /* Also called while the template is built or torn down. */
  if (self->stack == NULL || self->back_to_survey_button == NULL)
    return;

  gtk_widget_set_visible (GTK_WIDGET (self->back_to_survey_button),
                          self->kiosk && g_strcmp0 (rc_window_get_place (self), "news") == 0);
  ensure_place_view (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLACE]);
}

/* Kiosk mode: the survey alone, full screen, with nothing that leaves it
 * but the staff button and the coordinator PIN. */
static void
apply_kiosk (RcWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  GAction *quit = app ? g_action_map_lookup_action (G_ACTION_MAP (app), "quit") : NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->header_bar), !self->kiosk);
  gtk_widget_set_visible (GTK_WIDGET (self->switcher_bar), !self->kiosk);
  gtk_widget_set_visible (GTK_WIDGET (self->staff_button), self->kiosk);
  if (self->kiosk)
    gtk_widget_add_css_class (GTK_WIDGET (self), "rc-kiosk");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "rc-kiosk");
  rc_news_view_set_kiosk (RC_NEWS_VIEW (adw_bin_get_child (self->news_holder)), self->kiosk);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-help", !self->kiosk);
  if (G_IS_SIMPLE_ACTION (quit))
    g_simple_action_set_enabled (G_SIMPLE_ACTION (quit), !self->kiosk);

  if (self->kiosk)
    {
      gtk_application_window_set_help_overlay (GTK_APPLICATION_WINDOW (self), NULL);
      rc_window_set_place (self, "survey");
      gtk_window_fullscreen (GTK_WINDOW (self));
      if (app != NULL && self->inhibit_cookie == 0)
        self->inhibit_cookie = gtk_application_inhibit (app, GTK_WINDOW (self),
                                                        GTK_APPLICATION_INHIBIT_IDLE,
                                                        _("The survey kiosk is waiting for the next person"));
    }
  else
    {
      gtk_window_unfullscreen (GTK_WINDOW (self));
      if (app != NULL && self->inhibit_cookie != 0)
        gtk_application_uninhibit (app, self->inhibit_cookie);
      self->inhibit_cookie = 0;
    }

  on_visible_child_changed (self);
}

static void ask_pin_to_leave (RcWindow   *self,
                              const char *problem);

static gboolean
ask_pin_again (gpointer user_data)
{
  RcWindow *self = user_data;

  if (self->kiosk)
    ask_pin_to_leave (self, g_object_get_data (G_OBJECT (self), "rc-pin-problem"));

  return G_SOURCE_REMOVE;
}

static void
on_pin_response (AdwMessageDialog *dialog,
                 const char       *response,
                 RcWindow         *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  RcApplication *app = RC_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  g_autoptr(RcPin) pin = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "leave"))
    return;

  pin = rc_pin_new (rc_application_get_database (app));
  if (!rc_pin_check (pin, gtk_editable_get_text (entry), &error))
    {
      /* Asked again once this dialog is gone, with what was wrong. */
      g_object_set_data_full (G_OBJECT (self), "rc-pin-problem", g_strdup (error->message), g_free);
      g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, ask_pin_again, g_object_ref (self), g_object_unref);
      return;
    }

  self->kiosk = FALSE;
  apply_kiosk (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIOSK]);
}

static void
ask_pin_to_leave (RcWindow   *self,
                  const char *problem)
{
  AdwMessageDialog *dialog;
  /* A plain entry: GTK 4.8's GtkPasswordEntry leaves a caps-lock handler
   * behind when its dialog is destroyed. */
  GtkWidget *entry = gtk_entry_new ();

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Leave Kiosk Mode?"),
                                                       problem ? problem : _("Enter the coordinator PIN.")));
  gtk_entry_set_visibility (GTK_ENTRY (entry), FALSE);
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_PIN);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Coordinator PIN"), -1);
  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "leave", _("_Leave Kiosk Mode"),
                                    NULL);
  adw_message_dialog_set_default_response (dialog, "leave");
  adw_message_dialog_set_close_response (dialog, "cancel");
  adw_message_dialog_set_response_appearance (dialog, "leave", ADW_RESPONSE_SUGGESTED);
  g_signal_connect (dialog, "response", G_CALLBACK (on_pin_response), self);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
leave_kiosk_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RcWindow *self = RC_WINDOW (widget);

  if (self->kiosk)
    ask_pin_to_leave (self, NULL);
}

static void
enter_kiosk_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RcWindow *self = RC_WINDOW (widget);
  RcApplication *app = RC_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  g_autoptr(RcPin) pin = rc_pin_new (rc_application_get_database (app));

  /* Without a PIN nobody could leave it again. */
  if (self->kiosk || !rc_pin_is_set (pin))
    return;

  if (adw_bin_get_child (self->coordinator_holder) != NULL)
    rc_coordinator_view_lock (RC_COORDINATOR_VIEW (adw_bin_get_child (self->coordinator_holder)));
  self->kiosk = TRUE;
  apply_kiosk (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIOSK]);
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

  /* The coordinator's results have a page of their own. */
  if (g_strcmp0 (place, "coordinator") == 0)
    {
      RcCoordinatorView *view = RC_COORDINATOR_VIEW (adw_bin_get_child (self->coordinator_holder));

      g_free (uri);
      uri = g_strdup_printf ("help:%s/%s", PACKAGE_NAME, rc_coordinator_view_get_help_page (view));
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

  /* Neither Alt+F4 nor a window manager's close button ends the kiosk. */
  if (self->kiosk)
    return TRUE;

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

  /* Full screen, where a window manager is there to make it so. */
  if (self->kiosk)
    {
      gtk_window_set_default_size (GTK_WINDOW (self), 1024, 768);
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
      /* Asked for by the place action while the template is still built. */
      g_value_set_string (value, self->stack ? rc_window_get_place (self) : "");
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

/* Said once, for bench/run and for anyone asking why a kiosk starts slowly
 * (G_MESSAGES_DEBUG=ResourceCenter). */
static void
on_first_frame (GdkFrameClock *clock,
                RcWindow      *self)
{
  g_debug ("First frame drawn");
  g_signal_handlers_disconnect_by_func (clock, on_first_frame, self);
}

static void
rc_window_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (rc_window_parent_class)->map (widget);

  g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                           G_CALLBACK (on_first_frame), widget, 0);
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

  widget_class->map = rc_window_map;

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
  gtk_widget_class_bind_template_child (widget_class, RcWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, RcWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, RcWindow, news_holder);
  gtk_widget_class_bind_template_child (widget_class, RcWindow, survey_holder);
  gtk_widget_class_bind_template_child (widget_class, RcWindow, coordinator_holder);
  gtk_widget_class_bind_template_child (widget_class, RcWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, RcWindow, staff_button);
  gtk_widget_class_bind_template_child (widget_class, RcWindow, back_to_survey_button);
  gtk_widget_class_bind_template_callback (widget_class, on_visible_child_changed);

  gtk_widget_class_install_property_action (widget_class, "win.place", "place");
  gtk_widget_class_install_action (widget_class, "win.show-help", NULL, show_help_action);
  gtk_widget_class_install_action (widget_class, "win.leave-kiosk", NULL, leave_kiosk_action);
  gtk_widget_class_install_action (widget_class, "win.enter-kiosk", NULL, enter_kiosk_action);

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

  translate_kiosk_controls (self);

#if DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif
}
