/* rc-coordinator-view.c
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <string.h>

#include "rc-active-survey.h"
#include "rc-coordinator-view.h"
#include "rc-language.h"
#include "rc-pin.h"

struct _RcCoordinatorView
{
  AdwBin                parent_instance;

  RcDatabase           *database;
  RcSurvey             *survey;
  RcPin                *pin;
  GtkFileChooserNative *survey_chooser;
  gboolean              unlocked;
  guint                 lock_seconds;
  gint64                last_activity;
  guint                 lock_watch_id;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  GtkEditable          *unlock_entry;
  GtkLabel             *unlock_problem;
  AdwStatusPage        *set_pin_page;
  GtkEditable          *new_pin_entry;
  GtkEditable          *repeat_pin_entry;
  GtkLabel             *set_pin_problem;
  GtkWidget            *cancel_pin_button;
  AdwActionRow         *survey_row;
};

G_DEFINE_FINAL_TYPE (RcCoordinatorView, rc_coordinator_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_SURVEY,
  PROP_UNLOCKED,
  PROP_LOCK_SECONDS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GtkWidget *
rc_coordinator_view_new (RcDatabase *database,
                         RcSurvey   *survey)
{
  g_return_val_if_fail (RC_IS_DATABASE (database), NULL);
  g_return_val_if_fail (RC_IS_SURVEY (survey), NULL);

  return g_object_new (RC_TYPE_COORDINATOR_VIEW,
                       "database", database,
                       "survey", survey,
                       NULL);
}

static void
show_problem (GtkLabel   *label,
              const char *problem)
{
  gtk_label_set_text (label, problem ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (label), problem != NULL);
}

static void
update_survey_row (RcCoordinatorView *self)
{
  g_autofree char *subtitle = NULL;

  /* Translators: a survey's title and the version of its definition */
  subtitle = g_strdup_printf (_("%s, version %" PRId64),
                              rc_language_pick_text (rc_survey_get_title (self->survey)),
                              rc_survey_get_version (self->survey));
  adw_action_row_set_subtitle (self->survey_row, subtitle);
}

static void
set_unlocked (RcCoordinatorView *self,
              gboolean           unlocked)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "coordinator.lock", unlocked);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "coordinator.change-pin", unlocked);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "coordinator.choose-survey", unlocked);

  if (self->unlocked == unlocked)
    return;

  self->unlocked = unlocked;
  self->last_activity = g_get_monotonic_time ();
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNLOCKED]);
}

static void
show_set_pin (RcCoordinatorView *self,
              gboolean           first)
{
  if (first)
    {
      adw_status_page_set_title (self->set_pin_page, _("Set a Coordinator PIN"));
      adw_status_page_set_description (self->set_pin_page,
                                       _("The PIN keeps the responses and kiosk mode for coordinators. "
                                         "Choose 4 to 12 digits and keep them where the other "
                                         "coordinators can find them."));
    }
  else
    {
      adw_status_page_set_title (self->set_pin_page, _("Change the Coordinator PIN"));
      adw_status_page_set_description (self->set_pin_page, _("Choose 4 to 12 digits."));
    }

  gtk_widget_set_visible (self->cancel_pin_button, !first);
  gtk_editable_set_text (self->new_pin_entry, "");
  gtk_editable_set_text (self->repeat_pin_entry, "");
  show_problem (self->set_pin_problem, NULL);
  gtk_stack_set_visible_child_name (self->stack, "set-pin");
  gtk_widget_grab_focus (GTK_WIDGET (self->new_pin_entry));
}

static void
show_locked (RcCoordinatorView *self)
{
  gtk_editable_set_text (self->unlock_entry, "");
  show_problem (self->unlock_problem, NULL);

  if (!rc_pin_is_set (self->pin))
    {
      show_set_pin (self, TRUE);
      return;
    }

  gtk_stack_set_visible_child_name (self->stack, "locked");
  gtk_widget_grab_focus (GTK_WIDGET (self->unlock_entry));
}

static void
show_unlocked (RcCoordinatorView *self)
{
  set_unlocked (self, TRUE);
  update_survey_row (self);
  gtk_stack_set_visible_child_name (self->stack, "unlocked");
}

static void
on_unlock (RcCoordinatorView *self)
{
  g_autoptr(GError) error = NULL;

  if (!rc_pin_check (self->pin, gtk_editable_get_text (self->unlock_entry), &error))
    {
      gtk_editable_set_text (self->unlock_entry, "");
      show_problem (self->unlock_problem, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->unlock_entry));
      return;
    }

  gtk_editable_set_text (self->unlock_entry, "");
  show_problem (self->unlock_problem, NULL);
  show_unlocked (self);
}

static void
on_set_pin (RcCoordinatorView *self)
{
  const char *pin = gtk_editable_get_text (self->new_pin_entry);
  gboolean first = !rc_pin_is_set (self->pin);
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (pin, gtk_editable_get_text (self->repeat_pin_entry)))
    {
      show_problem (self->set_pin_problem, _("The two PINs are not the same. Type them again."));
      gtk_editable_set_text (self->repeat_pin_entry, "");
      gtk_widget_grab_focus (GTK_WIDGET (self->repeat_pin_entry));
      return;
    }

  if (!rc_pin_set (self->pin, pin, &error))
    {
      show_problem (self->set_pin_problem, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->new_pin_entry));
      return;
    }

  gtk_editable_set_text (self->new_pin_entry, "");
  gtk_editable_set_text (self->repeat_pin_entry, "");
  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new (first ? _("The coordinator PIN is set")
                                                    : _("The coordinator PIN is changed")));
  show_unlocked (self);
}

static void
on_cancel_pin (RcCoordinatorView *self)
{
  show_unlocked (self);
}

static void
install_survey (RcCoordinatorView *self,
                GFile             *file)
{
  g_autoptr(RcSurvey) survey = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *installed = NULL;

  survey = rc_active_survey_install (rc_database_get_data_dir (self->database), path, &error);
  if (survey == NULL)
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      const char *problems = strchr (error->message, '\n');
      g_autofree char *summary = g_strndup (error->message,
                                            problems ? (gsize)(problems - error->message) : strlen (error->message));
      g_autofree char *body = g_strdup_printf ("%s\n\n%s", summary, _("The survey asked until now stays."));
      AdwMessageDialog *dialog;

      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (root),
                                                           _("This Survey Cannot Be Used"),
                                                           body));
      /* The validator's list of problems, one per line with where each
       * is, readable and copyable for whoever fixes the file. */
      if (problems != NULL)
        {
          g_auto(GStrv) lines = g_strsplit (problems + 1, "\n", -1);
          g_autofree char *joined = g_strjoinv ("\n• ", lines);
          g_autofree char *bulleted = g_strconcat ("• ", joined, NULL);
          GtkWidget *list = gtk_label_new (bulleted);
          GtkWidget *scrolled = gtk_scrolled_window_new ();

          gtk_label_set_xalign (GTK_LABEL (list), 0);
          gtk_label_set_wrap (GTK_LABEL (list), TRUE);
          gtk_label_set_wrap_mode (GTK_LABEL (list), PANGO_WRAP_WORD_CHAR);
          gtk_label_set_selectable (GTK_LABEL (list), TRUE);
          gtk_widget_add_css_class (list, "caption");
          gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
          gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
          gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 160);
          gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
          gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
          adw_message_dialog_set_extra_child (dialog, scrolled);
        }
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  g_set_object (&self->survey, survey);
  update_survey_row (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SURVEY]);

  /* Translators: a toast after a coordinator chose a survey file; %s is its title */
  installed = g_strdup_printf (_("Respondents now get “%s”"),
                               rc_language_pick_text (rc_survey_get_title (survey)));
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (installed));
}

static void
on_survey_chosen (RcCoordinatorView    *self,
                  int                   response,
                  GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  g_clear_object (&self->survey_chooser);

  if (file != NULL)
    install_survey (self, file);
}

static void
choose_survey_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RcCoordinatorView *self = RC_COORDINATOR_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->survey_chooser != NULL)
    return;

  gtk_file_filter_set_name (filter, _("Survey definitions (JSON)"));
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_filter_add_suffix (filter, "json");

  self->survey_chooser = gtk_file_chooser_native_new (_("Choose a Survey Definition"),
                                                      GTK_WINDOW (root),
                                                      GTK_FILE_CHOOSER_ACTION_OPEN,
                                                      _("_Use This Survey"),
                                                      _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->survey_chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->survey_chooser), filter);
  g_signal_connect_swapped (self->survey_chooser, "response", G_CALLBACK (on_survey_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->survey_chooser));
}

static void
change_pin_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  show_set_pin (RC_COORDINATOR_VIEW (widget), FALSE);
}

static void
lock_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  rc_coordinator_view_lock (RC_COORDINATOR_VIEW (widget));
}

/* Results left open on a shared computer lock themselves. */
static gboolean
lock_watch_tick (gpointer user_data)
{
  RcCoordinatorView *self = user_data;

  if (self->unlocked &&
      g_get_monotonic_time () - self->last_activity >= (gint64)self->lock_seconds * G_USEC_PER_SEC)
    rc_coordinator_view_lock (self);

  return G_SOURCE_CONTINUE;
}

static gboolean
on_any_event (RcCoordinatorView *self)
{
  self->last_activity = g_get_monotonic_time ();

  return GDK_EVENT_PROPAGATE;
}

/**
 * rc_coordinator_view_lock:
 *
 * Hides everything behind the PIN again, as the Lock button does.
 */
void
rc_coordinator_view_lock (RcCoordinatorView *self)
{
  g_return_if_fail (RC_IS_COORDINATOR_VIEW (self));

  if (self->survey_chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->survey_chooser));
  g_clear_object (&self->survey_chooser);

  set_unlocked (self, FALSE);
  show_locked (self);
}

gboolean
rc_coordinator_view_get_unlocked (RcCoordinatorView *self)
{
  g_return_val_if_fail (RC_IS_COORDINATOR_VIEW (self), FALSE);

  return self->unlocked;
}

/**
 * rc_coordinator_view_get_survey:
 *
 * Returns: (transfer none): the survey respondents get, changed when a
 *   coordinator chooses another file
 */
RcSurvey *
rc_coordinator_view_get_survey (RcCoordinatorView *self)
{
  g_return_val_if_fail (RC_IS_COORDINATOR_VIEW (self), NULL);

  return self->survey;
}

/* Whoever opens the place can type the PIN at once. */
static void
rc_coordinator_view_map (GtkWidget *widget)
{
  RcCoordinatorView *self = RC_COORDINATOR_VIEW (widget);
  const char *page = gtk_stack_get_visible_child_name (self->stack);

  GTK_WIDGET_CLASS (rc_coordinator_view_parent_class)->map (widget);

  if (g_str_equal (page, "locked"))
    gtk_widget_grab_focus (GTK_WIDGET (self->unlock_entry));
  else if (g_str_equal (page, "set-pin"))
    gtk_widget_grab_focus (GTK_WIDGET (self->new_pin_entry));
}

static void
rc_coordinator_view_constructed (GObject *object)
{
  RcCoordinatorView *self = RC_COORDINATOR_VIEW (object);

  G_OBJECT_CLASS (rc_coordinator_view_parent_class)->constructed (object);

  g_assert (self->database != NULL);
  g_assert (self->survey != NULL);

  self->pin = rc_pin_new (self->database);
  rc_coordinator_view_lock (self);
}

static void
rc_coordinator_view_dispose (GObject *object)
{
  RcCoordinatorView *self = (RcCoordinatorView *)object;

  g_clear_handle_id (&self->lock_watch_id, g_source_remove);
  if (self->survey_chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->survey_chooser));
  g_clear_object (&self->survey_chooser);

  G_OBJECT_CLASS (rc_coordinator_view_parent_class)->dispose (object);
}

static void
rc_coordinator_view_finalize (GObject *object)
{
  RcCoordinatorView *self = (RcCoordinatorView *)object;

  g_clear_object (&self->pin);
  g_clear_object (&self->survey);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (rc_coordinator_view_parent_class)->finalize (object);
}

static void
rc_coordinator_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  RcCoordinatorView *self = RC_COORDINATOR_VIEW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    case PROP_SURVEY:
      g_value_set_object (value, self->survey);
      break;

    case PROP_UNLOCKED:
      g_value_set_boolean (value, self->unlocked);
      break;

    case PROP_LOCK_SECONDS:
      g_value_set_uint (value, self->lock_seconds);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rc_coordinator_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  RcCoordinatorView *self = RC_COORDINATOR_VIEW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->database = g_value_dup_object (value);
      break;

    case PROP_SURVEY:
      self->survey = g_value_dup_object (value);
      break;

    case PROP_LOCK_SECONDS:
      self->lock_seconds = g_value_get_uint (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rc_coordinator_view_class_init (RcCoordinatorViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rc_coordinator_view_constructed;
  object_class->dispose = rc_coordinator_view_dispose;
  object_class->finalize = rc_coordinator_view_finalize;
  object_class->get_property = rc_coordinator_view_get_property;
  object_class->set_property = rc_coordinator_view_set_property;

  widget_class->map = rc_coordinator_view_map;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         RC_TYPE_DATABASE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * RcCoordinatorView:survey:
   *
   * The survey respondents get; a coordinator may install another.
   */
  properties[PROP_SURVEY] =
    g_param_spec_object ("survey", NULL, NULL,
                         RC_TYPE_SURVEY,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_UNLOCKED] =
    g_param_spec_boolean ("unlocked", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RcCoordinatorView:lock-seconds:
   *
   * How long the unlocked view may go untouched before it locks itself.
   */
  properties[PROP_LOCK_SECONDS] =
    g_param_spec_uint ("lock-seconds", NULL, NULL,
                       1, G_MAXUINT, 300,
                       (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/rc-coordinator-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RcCoordinatorView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RcCoordinatorView, stack);
  gtk_widget_class_bind_template_child (widget_class, RcCoordinatorView, unlock_entry);
  gtk_widget_class_bind_template_child (widget_class, RcCoordinatorView, unlock_problem);
  gtk_widget_class_bind_template_child (widget_class, RcCoordinatorView, set_pin_page);
  gtk_widget_class_bind_template_child (widget_class, RcCoordinatorView, new_pin_entry);
  gtk_widget_class_bind_template_child (widget_class, RcCoordinatorView, repeat_pin_entry);
  gtk_widget_class_bind_template_child (widget_class, RcCoordinatorView, set_pin_problem);
  gtk_widget_class_bind_template_child (widget_class, RcCoordinatorView, cancel_pin_button);
  gtk_widget_class_bind_template_child (widget_class, RcCoordinatorView, survey_row);
  gtk_widget_class_bind_template_callback (widget_class, on_unlock);
  gtk_widget_class_bind_template_callback (widget_class, on_set_pin);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_pin);

  gtk_widget_class_install_action (widget_class, "coordinator.lock", NULL, lock_action);
  gtk_widget_class_install_action (widget_class, "coordinator.change-pin", NULL, change_pin_action);
  gtk_widget_class_install_action (widget_class, "coordinator.choose-survey", NULL, choose_survey_action);
}

static void
rc_coordinator_view_init (RcCoordinatorView *self)
{
  GtkEventController *controller;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->lock_seconds = 300;
  self->lock_watch_id = g_timeout_add_seconds (1, lock_watch_tick, self);

  controller = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (controller, "event", G_CALLBACK (on_any_event), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}
