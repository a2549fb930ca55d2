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

#include "rc-accessible.h"
#include "rc-active-survey.h"
#include "rc-coordinator-view.h"
#include "rc-day-row.h"
#include "rc-export.h"
#include "rc-import.h"
#include "rc-news-store.h"
#include "rc-erase.h"
#include "rc-language.h"
#include "rc-pin.h"
#include "rc-response-summary.h"
#include "rc-results-view.h"
#include "rc-text.h"

struct _RcCoordinatorView
{
  AdwBin                parent_instance;

  RcDatabase           *database;
  RcSurvey             *survey;
  RcPin                *pin;
  GtkFileChooserNative *file_chooser;   /* one at a time */
  GPtrArray            *summary_rows;
  GCancellable         *summary_cancellable;
  GCancellable         *transfer_cancellable;
  RcProgress            export_progress;
  guint                 progress_id;
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
  AdwPreferencesGroup  *responses_group;
  GtkLabel             *total_label;
  AdwActionRow         *progress_row;
  AdwActionRow         *opinions_row;
  GtkProgressBar       *progress_bar;
  RcResultsView        *results_view;
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

static GtkWidget *
count_row (const char *title,
           const char *subtitle,
           gint64      count)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *text = rc_text_format_count (count);
  GtkWidget *label = gtk_label_new (text);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);

  return row;
}

static const char *
language_name (const char *code)
{
  if (g_str_equal (code, "kk"))
    return _("In Kazakh");
  if (g_str_equal (code, "ru"))
    return _("In Russian");
  if (g_str_equal (code, "en"))
    return _("In English");
  return code;
}

static void
add_summary_row (RcCoordinatorView *self,
                 GtkWidget         *row)
{
  adw_preferences_group_add (self->responses_group, row);
  g_ptr_array_add (self->summary_rows, row);
}

static void
update_opinions_row (RcCoordinatorView *self)
{
  g_autoptr(RcNewsStore) news = rc_news_store_new (self->database);
  gint64 count = MAX (rc_news_store_count_opinions (news, NULL), 0);
  g_autofree char *figures = rc_text_format_count (count);
  g_autofree char *subtitle = NULL;

  /* Translators: %s is a number, written as your language writes large
   * numbers ("1,234"), as in every count below */
  subtitle = g_strdup_printf (ngettext ("%s opinion kept, without names",
                                        "%s opinions kept, without names", count),
                              figures);
  adw_action_row_set_subtitle (self->opinions_row, subtitle);
}

/* How many responses there are, by survey version and language, and over
 * which days. The rows counted before stay until these replace them. */
static void
show_summary (RcCoordinatorView *self,
              RcResponseSummary *summary,
              const GError      *error)
{
  g_autofree char *total = NULL;

  for (guint i = 0; i < self->summary_rows->len; i++)
    adw_preferences_group_remove (self->responses_group, g_ptr_array_index (self->summary_rows, i));
  g_ptr_array_set_size (self->summary_rows, 0);

  if (summary == NULL)
    {
      gtk_label_set_text (self->total_label, "");
      add_summary_row (self, count_row (_("The responses cannot be counted"), error->message, 0));
      return;
    }

  total = rc_text_format_count (summary->total);
  gtk_label_set_text (self->total_label, total);

  if (summary->first != NULL)
    {
      g_autofree char *first = rc_text_format_day (summary->first);
      g_autofree char *last = rc_text_format_day (summary->last);
      g_autofree char *span = NULL;
      GtkWidget *row = adw_action_row_new ();

      if (g_str_equal (summary->first, summary->last))
        /* Translators: the one day all responses were given, written in
         * figures as the results page writes it */
        span = g_strdup_printf (_("On %s"), first);
      else
        /* Translators: the days of the first and the last response, written
         * in figures as the results page writes them */
        span = g_strdup_printf (_("From %s to %s"), first, last);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Submitted"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), span);
      add_summary_row (self, row);
    }

  for (guint i = 0; i < summary->versions->len; i++)
    {
      RcVersionCount *count = g_ptr_array_index (summary->versions, i);
      g_autofree char *version = g_strdup_printf (_("Version %" PRId64), count->survey_version);

      add_summary_row (self, count_row (count->title, version, count->count));
    }

  for (guint i = 0; i < summary->languages->len; i++)
    {
      RcLanguageCount *count = g_ptr_array_index (summary->languages, i);

      add_summary_row (self, count_row (language_name (count->language), NULL, count->count));
    }
}

static void
on_summary_counted (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(RcCoordinatorView) self = user_data;
  g_autoptr(RcResponseSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  summary = rc_response_summary_new_finish (result, &error);
  /* Replaced by a newer count, or the place is gone. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  show_summary (self, summary, error);
}

static void
update_summary (RcCoordinatorView *self)
{
  update_opinions_row (self);

  g_cancellable_cancel (self->summary_cancellable);
  g_clear_object (&self->summary_cancellable);
  self->summary_cancellable = g_cancellable_new ();
  rc_response_summary_new_async (rc_database_get_data_dir (self->database), rc_language_get_interface (),
                                 self->summary_cancellable, on_summary_counted, g_object_ref (self));
}

static void
set_unlocked (RcCoordinatorView *self,
              gboolean           unlocked)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "coordinator.lock", unlocked);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "coordinator.change-pin", unlocked);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "coordinator.choose-survey", unlocked);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "coordinator.export",
                                 unlocked && self->transfer_cancellable == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "coordinator.import",
                                 unlocked && self->transfer_cancellable == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "coordinator.export-opinions",
                                 unlocked && self->transfer_cancellable == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "coordinator.delete-responses",
                                 unlocked && self->transfer_cancellable == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "coordinator.show-results", unlocked);

  /* Nothing of the answers stays on a widget of a locked place. */
  if (!unlocked)
    rc_results_view_clear (self->results_view);

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
  update_summary (self);
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

/* The coordinator's file chooser, one at a time; @json_name names a filter
 * for JSON files when given, @suggested_name the file to save. */
static GtkFileChooserNative *
open_file_chooser (RcCoordinatorView    *self,
                   const char           *title,
                   GtkFileChooserAction  action,
                   const char           *accept_label,
                   const char           *json_name,
                   const char           *suggested_name,
                   GCallback             on_response)
{
  g_assert (self->file_chooser == NULL);

  self->file_chooser = gtk_file_chooser_native_new (title,
                                                    GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                    action, accept_label, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->file_chooser), TRUE);
  if (json_name != NULL)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, json_name);
      gtk_file_filter_add_mime_type (filter, "application/json");
      gtk_file_filter_add_suffix (filter, "json");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->file_chooser), filter);
    }
  if (suggested_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->file_chooser), suggested_name);
  g_signal_connect_swapped (self->file_chooser, "response", on_response, self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->file_chooser));

  return self->file_chooser;
}

/* The file the chooser's person picked, and the chooser gone. */
static GFile *
take_chosen_file (RcCoordinatorView    *self,
                  int                   response,
                  GtkFileChooserNative *chooser)
{
  GFile *file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->file_chooser);

  return file;
}

static void
close_file_chooser (RcCoordinatorView *self)
{
  if (self->file_chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->file_chooser));
  g_clear_object (&self->file_chooser);
}

/* "12 responses exported", with a way to the folder they went to. */
static void
show_exported (RcCoordinatorView *self,
               const char        *message,
               const char        *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autofree char *folder_uri = g_file_get_uri (folder);
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_button_label (toast, _("_Open Folder"));
  adw_toast_set_action_name (toast, "coordinator.open-folder");
  adw_toast_set_action_target_value (toast, g_variant_new_string (folder_uri));
  adw_toast_set_timeout (toast, 10);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
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
  g_autoptr(GFile) file = take_chosen_file (self, response, chooser);

  if (file != NULL)
    install_survey (self, file);
}

static void
choose_survey_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RcCoordinatorView *self = RC_COORDINATOR_VIEW (widget);

  if (self->file_chooser != NULL)
    return;

  open_file_chooser (self, _("Choose a Survey Definition"), GTK_FILE_CHOOSER_ACTION_OPEN,
                     _("_Use This Survey"), _("Survey definitions (JSON)"), NULL,
                     G_CALLBACK (on_survey_chosen));
}

/* An export or an import runs in a thread of its own; one at a time. */
static void
begin_transfer (RcCoordinatorView *self)
{
  g_assert (self->transfer_cancellable == NULL);

  self->transfer_cancellable = g_cancellable_new ();
  set_unlocked (self, self->unlocked);
}

static void
end_transfer (RcCoordinatorView *self)
{
  g_clear_object (&self->transfer_cancellable);
  g_clear_handle_id (&self->progress_id, g_source_remove);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_row), FALSE);
  set_unlocked (self, self->unlocked);
}

static void
show_failure (RcCoordinatorView *self,
              const char        *heading,
              const GError      *error)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                       heading, error->message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct
{
  gboolean         opinions;          /* the opinions on the news, not the responses */
  char            *data_dir;
  char            *path;
  RcExportOptions  options;
  char            *since;
  char            *until;
  char            *labels_language;
  RcProgress      *progress;
  gint64           n_written;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_free (job->data_dir);
  g_free (job->path);
  g_free (job->since);
  g_free (job->until);
  g_free (job->labels_language);
  g_free (job);
}

static void
run_export (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  ExportJob *job = task_data;
  GError *error = NULL;
  gboolean written;

  if (job->opinions)
    written = rc_export_write_opinions (job->data_dir, job->path, cancellable, &job->n_written, &error);
  else
    written = rc_export_write (job->data_dir, job->path, &job->options, job->progress, cancellable,
                               &job->n_written, &error);
  if (written)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static gboolean
update_progress (gpointer user_data)
{
  RcCoordinatorView *self = user_data;
  int total = g_atomic_int_get (&self->export_progress.total);
  int written = g_atomic_int_get (&self->export_progress.done);

  if (total > 0)
    gtk_progress_bar_set_fraction (self->progress_bar, (double)written / total);
  else
    gtk_progress_bar_pulse (self->progress_bar);

  return G_SOURCE_CONTINUE;
}

static void
on_export_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  RcCoordinatorView *self = RC_COORDINATOR_VIEW (source);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *written = NULL;
  g_autofree char *message = NULL;

  end_transfer (self);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("The export was cancelled")));
      else if (job->opinions)
        show_failure (self, _("The Opinions Could Not Be Exported"), error);
      else
        show_failure (self, _("The Responses Could Not Be Exported"), error);
      return;
    }

  written = rc_text_format_count (job->n_written);
  if (job->opinions)
    message = g_strdup_printf (ngettext ("%s opinion exported", "%s opinions exported", job->n_written),
                               written);
  else
    message = g_strdup_printf (ngettext ("%s response exported", "%s responses exported", job->n_written),
                               written);
  show_exported (self, message, job->path);
}

static void
start_export (RcCoordinatorView *self,
              ExportJob         *job)
{
  g_autoptr(GTask) task = NULL;

  begin_transfer (self);
  job->data_dir = g_strdup (rc_database_get_data_dir (self->database));
  job->options.since = job->since;
  job->options.until = job->until;
  job->options.labels_language = job->labels_language;
  job->progress = &self->export_progress;
  self->export_progress.total = 0;
  self->export_progress.done = 0;

  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_row), TRUE);
  self->progress_id = g_timeout_add (100, update_progress, self);

  task = g_task_new (self, self->transfer_cancellable, on_export_done, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify)export_job_free);
  g_task_run_in_thread (task, run_export);
}

static void
on_export_file_chosen (RcCoordinatorView    *self,
                       int                   response,
                       GtkFileChooserNative *chooser)
{
  ExportJob *job = g_object_steal_data (G_OBJECT (chooser), "rc-export-job");
  g_autoptr(GFile) file = take_chosen_file (self, response, chooser);

  if (file == NULL || self->transfer_cancellable != NULL)
    {
      export_job_free (job);
      return;
    }

  job->path = g_file_get_path (file);
  start_export (self, job);
}

static void
choose_export_file (RcCoordinatorView *self,
                    ExportJob         *job)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  gboolean csv = job->options.format == RC_EXPORT_FORMAT_CSV;
  g_autofree char *name = NULL;

  /* Translators: the suggested name of an export file; %s is today's date */
  name = g_strdup_printf (_("responses-%s.%s"), today, csv ? "csv" : "json");

  g_object_set_data (G_OBJECT (open_file_chooser (self, _("Export the Responses"), GTK_FILE_CHOOSER_ACTION_SAVE,
                                                  _("_Export"), NULL, name,
                                                  G_CALLBACK (on_export_file_chosen))),
                     "rc-export-job", job);
}

/* A day typed as YYYY-MM-DD, or nothing; anything else marks the row. */
static void
on_export_options_changed (AdwMessageDialog *dialog)
{
  AdwEntryRow *since = g_object_get_data (G_OBJECT (dialog), "rc-since");
  AdwEntryRow *until = g_object_get_data (G_OBJECT (dialog), "rc-until");
  AdwComboRow *format = g_object_get_data (G_OBJECT (dialog), "rc-format");
  GtkWidget *labels = g_object_get_data (G_OBJECT (dialog), "rc-labels");
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  /* Both rows are marked, whichever is wrong. */
  gboolean valid = rc_day_row_get_day (since, &first, NULL) & rc_day_row_get_day (until, &last, NULL);

  gboolean csv = adw_combo_row_get_selected (format) == 1;

  adw_action_row_set_subtitle (ADW_ACTION_ROW (format),
                               csv ? _("For Excel and LibreOffice") : _("For pandas, R and Power Query"));
  gtk_widget_set_sensitive (labels, csv);
  adw_message_dialog_set_response_enabled (dialog, "choose", valid);
}

static void
on_export_options_response (AdwMessageDialog  *dialog,
                            const char        *response,
                            RcCoordinatorView *self)
{
  AdwComboRow *format = g_object_get_data (G_OBJECT (dialog), "rc-format");
  GtkSwitch *labels = g_object_get_data (G_OBJECT (dialog), "rc-labels-switch");
  ExportJob *job;

  if (!g_str_equal (response, "choose") || self->file_chooser != NULL)
    return;

  job = g_new0 (ExportJob, 1);
  job->options.format = adw_combo_row_get_selected (format) == 1 ? RC_EXPORT_FORMAT_CSV : RC_EXPORT_FORMAT_JSON;
  /* The response is only enabled for days that are right. */
  if (!rc_day_row_get_day (g_object_get_data (G_OBJECT (dialog), "rc-since"), &job->since, NULL) ||
      !rc_day_row_get_day (g_object_get_data (G_OBJECT (dialog), "rc-until"), &job->until, NULL))
    g_assert_not_reached ();
  if (job->options.format == RC_EXPORT_FORMAT_CSV && gtk_switch_get_active (labels))
    job->labels_language = g_strdup (rc_language_get_interface ());

  choose_export_file (self, job);
}

static GtkWidget *
day_row (AdwMessageDialog *dialog,
         const char       *title,
         const char       *key)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (row), 10);
  g_object_set_data (G_OBJECT (dialog), key, row);
  g_signal_connect_swapped (row, "changed", G_CALLBACK (on_export_options_changed), dialog);

  return row;
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RcCoordinatorView *self = RC_COORDINATOR_VIEW (widget);
  /* Short, so the row fits a narrow window; its subtitle says more. */
  const char *formats[] = { "JSON", "CSV", NULL };
  g_autoptr(GtkStringList) format_names = gtk_string_list_new (formats);
  AdwMessageDialog *dialog;
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *format = adw_combo_row_new ();
  GtkWidget *labels = adw_action_row_new ();
  GtkWidget *labels_switch = gtk_switch_new ();

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                                       _("Export the Responses"),
                                                       _("Choose a format and, to export only some of "
                                                         "the responses, the first and the last day, "
                                                         "written as YYYY-MM-DD.")));

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (format), _("Format"));
  adw_combo_row_set_model (ADW_COMBO_ROW (format), G_LIST_MODEL (format_names));
  g_object_set_data (G_OBJECT (dialog), "rc-format", format);
  g_signal_connect_swapped (format, "notify::selected", G_CALLBACK (on_export_options_changed), dialog);
  gtk_list_box_append (GTK_LIST_BOX (list), format);

  gtk_list_box_append (GTK_LIST_BOX (list), day_row (dialog, _("First Day"), "rc-since"));
  gtk_list_box_append (GTK_LIST_BOX (list), day_row (dialog, _("Last Day"), "rc-until"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (labels), _("Question Texts in a Second Row"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (labels), _("For reading the CSV by eye"));
  gtk_widget_set_valign (labels_switch, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (labels_switch), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Question texts in a second row"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (labels), labels_switch);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (labels), labels_switch);
  g_object_set_data (G_OBJECT (dialog), "rc-labels", labels);
  g_object_set_data (G_OBJECT (dialog), "rc-labels-switch", labels_switch);
  gtk_list_box_append (GTK_LIST_BOX (list), labels);

  adw_message_dialog_set_extra_child (dialog, list);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "choose", _("_Choose File…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "choose", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "choose");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_export_options_response), self);
  on_export_options_changed (dialog);

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_opinions_file_chosen (RcCoordinatorView    *self,
                         int                   response,
                         GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = take_chosen_file (self, response, chooser);
  ExportJob *job;

  if (file == NULL || self->transfer_cancellable != NULL)
    return;

  /* A few words each, but syncing them to a USB stick can take seconds:
   * in a thread, as the responses, while the window goes on. */
  job = g_new0 (ExportJob, 1);
  job->opinions = TRUE;
  job->path = g_file_get_path (file);
  start_export (self, job);
}

static void
export_opinions_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  RcCoordinatorView *self = RC_COORDINATOR_VIEW (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = NULL;

  if (self->file_chooser != NULL)
    return;

  /* Translators: the suggested name of an export of opinions; %s is today's date */
  name = g_strdup_printf (_("opinions-%s.json"), today);
  open_file_chooser (self, _("Export the Opinions"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                     NULL, name, G_CALLBACK (on_opinions_file_chosen));
}

static void
cancel_export_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RcCoordinatorView *self = RC_COORDINATOR_VIEW (widget);

  if (self->transfer_cancellable != NULL)
    g_cancellable_cancel (self->transfer_cancellable);
}

static void
open_folder_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  gtk_show_uri (GTK_WINDOW (gtk_widget_get_root (widget)),
                g_variant_get_string (parameter, NULL), GDK_CURRENT_TIME);
}

typedef struct
{
  char   *data_dir;
  char   *path;
  gint64  n_added;
  gint64  n_present;
} ImportJob;

static void
import_job_free (ImportJob *job)
{
  g_free (job->data_dir);
  g_free (job->path);
  g_free (job);
}

static void
run_import (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  ImportJob *job = task_data;
  GError *error = NULL;

  if (rc_import_file (job->data_dir, job->path, cancellable, &job->n_added, &job->n_present, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* The summary line of the command line, as a sentence of its own. */
static void
capitalize (char *text)
{
  gunichar first = g_utf8_get_char (text);
  char upper[6];
  int n = g_unichar_to_utf8 (g_unichar_totitle (first), upper);

  /* Only when the capital takes as many bytes, as in Cyrillic and Latin. */
  if (n == g_utf8_next_char (text) - text)
    memcpy (text, upper, n);
}

static void
on_import_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  RcCoordinatorView *self = RC_COORDINATOR_VIEW (source);
  ImportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *n_added = NULL;
  g_autofree char *n_present = NULL;
  g_autofree char *added = NULL;
  g_autofree char *present = NULL;
  g_autofree char *message = NULL;

  end_transfer (self);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      show_failure (self, _("This File Cannot Be Merged"), error);
      return;
    }

  if (self->unlocked)
    update_summary (self);

  n_added = rc_text_format_count (job->n_added);
  n_present = rc_text_format_count (job->n_present);
  added = g_strdup_printf (ngettext ("%s response added", "%s responses added", job->n_added), n_added);
  present = g_strdup_printf (ngettext ("%s already here", "%s already here", job->n_present), n_present);
  /* Translators: "12 responses added, 3 already here" */
  message = g_strdup_printf (_("%s, %s"), added, present);
  capitalize (message);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
on_import_file_chosen (RcCoordinatorView    *self,
                       int                   response,
                       GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = take_chosen_file (self, response, chooser);
  g_autoptr(GTask) task = NULL;
  ImportJob *job;

  if (file == NULL || self->transfer_cancellable != NULL)
    return;

  begin_transfer (self);
  job = g_new0 (ImportJob, 1);
  job->data_dir = g_strdup (rc_database_get_data_dir (self->database));
  job->path = g_file_get_path (file);

  task = g_task_new (self, self->transfer_cancellable, on_import_done, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify)import_job_free);
  g_task_run_in_thread (task, run_import);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RcCoordinatorView *self = RC_COORDINATOR_VIEW (widget);

  if (self->file_chooser != NULL)
    return;

  open_file_chooser (self, _("Merge Another Kiosk’s Export"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Merge"),
                     _("Exports of responses (JSON)"), NULL, G_CALLBACK (on_import_file_chosen));
}

typedef struct
{
  char   *data_dir;
  gint64  n_responses;
  gint64  n_opinions;
} EraseJob;

static void
erase_job_free (EraseJob *job)
{
  g_free (job->data_dir);
  g_free (job);
}

static void
run_erase (GTask        *task,
           gpointer      source_object,
           gpointer      task_data,
           GCancellable *cancellable)
{
  EraseJob *job = task_data;
  GError *error = NULL;

  if (rc_erase_answers (job->data_dir, &job->n_responses, &job->n_opinions, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_erase_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  RcCoordinatorView *self = RC_COORDINATOR_VIEW (source);
  EraseJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *n_responses = NULL;
  g_autofree char *n_opinions = NULL;
  g_autofree char *responses = NULL;
  g_autofree char *opinions = NULL;
  g_autofree char *message = NULL;

  end_transfer (self);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      show_failure (self, _("The Responses Could Not Be Deleted"), error);
      return;
    }

  /* The figures of the results were counted from what is gone. */
  rc_results_view_clear (self->results_view);
  if (self->unlocked)
    {
      update_summary (self);
      update_opinions_row (self);
    }

  n_responses = rc_text_format_count (job->n_responses);
  n_opinions = rc_text_format_count (job->n_opinions);
  responses = g_strdup_printf (ngettext ("%s response", "%s responses", job->n_responses), n_responses);
  opinions = g_strdup_printf (ngettext ("%s opinion", "%s opinions", job->n_opinions), n_opinions);
  /* Translators: "12 responses and 3 opinions deleted" */
  message = g_strdup_printf (_("%s and %s deleted"), responses, opinions);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
on_delete_response (AdwMessageDialog  *dialog,
                    const char        *response,
                    RcCoordinatorView *self)
{
  g_autoptr(GTask) task = NULL;
  EraseJob *job;

  if (!g_str_equal (response, "delete") || !self->unlocked || self->transfer_cancellable != NULL)
    return;

  begin_transfer (self);
  job = g_new0 (EraseJob, 1);
  job->data_dir = g_strdup (rc_database_get_data_dir (self->database));

  task = g_task_new (self, NULL, on_erase_done, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify)erase_job_free);
  g_task_run_in_thread (task, run_erase);
}

static void
delete_responses_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                                       _("Delete All Responses?"),
                                                       _("Every survey response and every opinion on the news "
                                                         "kept on this computer, and the automatic backup "
                                                         "copies that hold them, will be deleted for good. "
                                                         "Files exported before, and other kiosks, keep their "
                                                         "copies; export the responses first if you still "
                                                         "need them.")));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response), widget, 0);
  gtk_window_present (GTK_WINDOW (dialog));
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

  close_file_chooser (self);

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
/**
 * rc_coordinator_view_get_help_page:
 * @self: a coordinator view
 *
 * Returns: the page of the manual on what the view shows: the results
 *   have one of their own
 */
const char *
rc_coordinator_view_get_help_page (RcCoordinatorView *self)
{
  g_return_val_if_fail (RC_IS_COORDINATOR_VIEW (self), NULL);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "results") == 0)
    return "results";

  return "coordinators";
}

static void
show_results_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RcCoordinatorView *self = RC_COORDINATOR_VIEW (widget);

  rc_results_view_set_database (self->results_view, self->database);
  rc_results_view_refresh (self->results_view);
  gtk_stack_set_visible_child_name (self->stack, "results");
}

static void
on_results_closed (RcCoordinatorView *self)
{
  show_unlocked (self);
}

static void
on_report_exported (RcCoordinatorView *self,
                    const char        *message,
                    const char        *path)
{
  show_exported (self, message, path);
}

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
  g_clear_handle_id (&self->progress_id, g_source_remove);
  if (self->transfer_cancellable != NULL)
    g_cancellable_cancel (self->transfer_cancellable);
  g_cancellable_cancel (self->summary_cancellable);
  close_file_chooser (self);

  G_OBJECT_CLASS (rc_coordinator_view_parent_class)->dispose (object);
}

static void
rc_coordinator_view_finalize (GObject *object)
{
  RcCoordinatorView *self = (RcCoordinatorView *)object;

  g_clear_pointer (&self->summary_rows, g_ptr_array_unref);
  g_clear_object (&self->transfer_cancellable);
  g_clear_object (&self->summary_cancellable);
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
  gtk_widget_class_bind_template_child (widget_class, RcCoordinatorView, responses_group);
  gtk_widget_class_bind_template_child (widget_class, RcCoordinatorView, total_label);
  gtk_widget_class_bind_template_child (widget_class, RcCoordinatorView, progress_row);
  gtk_widget_class_bind_template_child (widget_class, RcCoordinatorView, opinions_row);
  gtk_widget_class_bind_template_child (widget_class, RcCoordinatorView, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, RcCoordinatorView, results_view);
  gtk_widget_class_bind_template_callback (widget_class, on_unlock);
  gtk_widget_class_bind_template_callback (widget_class, on_set_pin);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_pin);
  gtk_widget_class_bind_template_callback (widget_class, on_results_closed);
  gtk_widget_class_bind_template_callback (widget_class, on_report_exported);

  gtk_widget_class_install_action (widget_class, "coordinator.lock", NULL, lock_action);
  gtk_widget_class_install_action (widget_class, "coordinator.change-pin", NULL, change_pin_action);
  gtk_widget_class_install_action (widget_class, "coordinator.choose-survey", NULL, choose_survey_action);
  gtk_widget_class_install_action (widget_class, "coordinator.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "coordinator.cancel-export", NULL, cancel_export_action);
  gtk_widget_class_install_action (widget_class, "coordinator.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "coordinator.export-opinions", NULL, export_opinions_action);
  gtk_widget_class_install_action (widget_class, "coordinator.open-folder", "s", open_folder_action);
  gtk_widget_class_install_action (widget_class, "coordinator.show-results", NULL, show_results_action);
  gtk_widget_class_install_action (widget_class, "coordinator.delete-responses", NULL, delete_responses_action);

  g_type_ensure (RC_TYPE_RESULTS_VIEW);
}

static void
rc_coordinator_view_init (RcCoordinatorView *self)
{
  GtkEventController *controller;

  gtk_widget_init_template (GTK_WIDGET (self));
  rc_accessible_name_mnemonic_buttons (GTK_WIDGET (self));
  rc_accessible_name_toast_buttons (self->toast_overlay);

  self->lock_seconds = 300;
  self->summary_rows = g_ptr_array_new ();
  self->lock_watch_id = g_timeout_add_seconds (1, lock_watch_tick, self);

  controller = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (controller, "event", G_CALLBACK (on_any_event), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}
