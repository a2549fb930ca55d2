/* rc-results-view.c
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>

#include "rc-chart-view.h"
#include "rc-day-row.h"
#include "rc-language.h"
#include "rc-report.h"
#include "rc-response-summary.h"
#include "rc-results-view.h"
#include "rc-results.h"
#include "rc-text.h"

/* The respondents' languages offered as a filter, after "all". */
static const char * const filter_languages[] = { "kk", "ru" };

struct _RcResultsView
{
  AdwBin                parent_instance;

  RcDatabase           *database;
  GSettings            *settings;
  GCancellable         *cancellable;     /* of the page's count on its way */
  GCancellable         *report_cancellable; /* of a report's */
  RcProgress           *progress;        /* of the page's count on its way, or NULL */
  RcProgress           *report_progress; /* of a report's, or NULL */
  guint                 n_counting;      /* counts on their way, of either */
  guint                 progress_id;     /* the timeout that moves the bar */
  GtkFileChooserNative *file_chooser;
  RcResults            *results;         /* shown */
  GPtrArray            *version_surveys; /* char *: the survey of each version item, NULL for all */
  GArray               *version_numbers; /* gint64, 0 for all */
  GPtrArray            *breakdown_ids;   /* char *: the question of each item, NULL for none */
  char                 *breakdown_for;   /* the survey the breakdown items are of */
  gboolean              filling;         /* while the lists are refilled */
  guint                 adding_id;       /* the tick callback adding question cards */
  guint                 next_card;       /* the question whose card comes next */

  /* Template widgets */
  GtkScrolledWindow    *scroller;
  GtkProgressBar       *progress_bar;
  AdwExpanderRow       *filters_row;
  AdwComboRow          *version_row;
  GtkStringList        *versions;
  AdwComboRow          *language_row;
  GtkStringList        *languages;
  AdwEntryRow          *since_row;
  AdwEntryRow          *until_row;
  AdwComboRow          *breakdown_row;
  GtkStringList        *breakdowns;
  GtkLabel             *problem_label;
  GtkLabel             *summary_label;
  GtkLabel             *privacy_label;
  GtkBox               *charts_box;
};

G_DEFINE_FINAL_TYPE (RcResultsView, rc_results_view, ADW_TYPE_BIN)

enum {
  CLOSED,
  REPORT_EXPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What to count, read from the filters, owning its strings. */
typedef struct
{
  char            *data_dir;
  char            *survey_id;
  gint64           survey_version;
  char            *language;
  char            *since;
  char            *until;
  char            *breakdown;
  gint64           min_cell;
  char            *labels_language;
  char            *path;            /* a report's file, or NULL */
  RcResultsFilter  filter;          /* pointing into the above */
  RcProgress      *progress;        /* shared with the view */
} CountJob;

static void
count_job_free (CountJob *job)
{
  g_free (job->data_dir);
  g_free (job->survey_id);
  g_free (job->language);
  g_free (job->since);
  g_free (job->until);
  g_free (job->breakdown);
  g_free (job->labels_language);
  g_free (job->path);
  g_clear_pointer (&job->progress, g_atomic_rc_box_release);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CountJob, count_job_free)

static void
show_problem (RcResultsView *self,
              const char    *message)
{
  gtk_label_set_text (self->problem_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), message != NULL);
}

/* Returns %NULL when a filter is not valid, with the problem shown. */
static CountJob *
read_filters (RcResultsView *self)
{
  g_autoptr(CountJob) job = g_new0 (CountJob, 1);
  g_autoptr(GError) error = NULL;
  guint version = adw_combo_row_get_selected (self->version_row);
  guint language = adw_combo_row_get_selected (self->language_row);
  guint breakdown = adw_combo_row_get_selected (self->breakdown_row);

  show_problem (self, NULL);
  if (!rc_day_row_get_day (self->since_row, &job->since, &error) ||
      !rc_day_row_get_day (self->until_row, &job->until, &error))
    {
      show_problem (self, error->message);
      return NULL;
    }

  job->data_dir = g_strdup (rc_database_get_data_dir (self->database));
  if (version != GTK_INVALID_LIST_POSITION && version < self->version_surveys->len)
    {
      job->survey_id = g_strdup (g_ptr_array_index (self->version_surveys, version));
      job->survey_version = g_array_index (self->version_numbers, gint64, version);
    }
  if (language != GTK_INVALID_LIST_POSITION && language > 0)
    job->language = g_strdup (filter_languages[language - 1]);
  if (breakdown != GTK_INVALID_LIST_POSITION && breakdown < self->breakdown_ids->len)
    job->breakdown = g_strdup (g_ptr_array_index (self->breakdown_ids, breakdown));
  job->min_cell = g_settings_get_uint (self->settings, "results-min-count");
  job->labels_language = g_strdup (rc_language_get_interface ());

  return g_steal_pointer (&job);
}

static void
job_fill_filter (CountJob *job)
{
  job->filter = (RcResultsFilter) {
    .survey_id = job->survey_id,
    .survey_version = job->survey_version,
    .language = job->language,
    .since = job->since,
    .until = job->until,
    .breakdown = job->breakdown,
    .min_cell = job->min_cell,
  };
}

/* In a thread, on a connection of its own: counting a hundred thousand
 * responses must not hold up a frame. */
static void
run_count (GTask        *task,
           gpointer      source_object,
           gpointer      task_data,
           GCancellable *cancellable)
{
  CountJob *job = task_data;
  g_autoptr(RcDatabase) database = NULL;
  GError *error = NULL;
  RcResults *results;

  job_fill_filter (job);
  if (!(database = rc_database_open (job->data_dir, &error)))
    g_task_return_error (task, error);
  else if ((results = rc_results_new (database, &job->filter, job->labels_language, job->progress, cancellable,
                                         &error)))
    g_task_return_pointer (task, results, (GDestroyNotify)rc_results_free);
  else
    g_task_return_error (task, error);
}

/* How far the counts on their way have come, on the bar. The first time
 * a tenth of a second in, so that a count too quick to wait for does not
 * flash it. */
static gboolean
update_progress (gpointer user_data)
{
  RcResultsView *self = user_data;
  RcProgress *counts[] = { self->progress, self->report_progress };
  gint64 total = 0;
  gint64 done = 0;

  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    if (counts[i] != NULL)
      {
        total += g_atomic_int_get (&counts[i]->total);
        done += g_atomic_int_get (&counts[i]->done);
      }
  gtk_progress_bar_set_fraction (self->progress_bar, total > 0 ? (double)done / total : 0);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->progress_bar)))
    {
      gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), TRUE);
      if (self->results == NULL)
        gtk_label_set_text (self->summary_label, _("Counting the responses…"));
    }

  return G_SOURCE_CONTINUE;
}

/* A new count for the page replaces the one on its way, and a report the
 * report on its way; neither stops the other. */
static void
replace_count (RcResultsView  *self,
               GCancellable  **cancellable,
               RcProgress    **progress)
{
  g_cancellable_cancel (*cancellable);
  g_clear_object (cancellable);
  *cancellable = g_cancellable_new ();
  g_clear_pointer (progress, g_atomic_rc_box_release);
  *progress = g_atomic_rc_box_new0 (RcProgress);

  if (self->n_counting++ == 0)
    self->progress_id = g_timeout_add (100, update_progress, self);
}

static void
start_count (RcResultsView        *self,
             CountJob             *job,
             GCancellable        **cancellable,
             RcProgress          **progress,
             GAsyncReadyCallback   callback)
{
  g_autoptr(GTask) task = NULL;

  replace_count (self, cancellable, progress);
  job->progress = g_atomic_rc_box_acquire (*progress);
  task = g_task_new (self, *cancellable, callback, NULL);
  g_task_set_source_tag (task, start_count);
  g_task_set_task_data (task, job, (GDestroyNotify)count_job_free);
  g_task_run_in_thread (task, run_count);
}

static void
add_dim_label (GtkBox     *box,
               const char *text,
               const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, css_class);
  gtk_box_append (box, label);
}

static GtkBox *
add_card (RcResultsView *self,
          const char    *title)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_label_new (title);

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "results-card");
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (card), heading);
  gtk_box_append (self->charts_box, card);

  return GTK_BOX (card);
}

/* The answers in her own words, only when the coordinator opens them. */
static void
on_texts_expanded (GtkExpander *expander,
                   GParamSpec  *pspec,
                   GPtrArray   *texts)
{
  GtkWidget *list;

  if (!gtk_expander_get_expanded (expander) || gtk_expander_get_child (expander) != NULL)
    return;

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_set_margin_top (list, 6);
  for (guint i = 0; i < texts->len; i++)
    {
      GtkWidget *label = gtk_label_new (g_ptr_array_index (texts, i));

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_widget_set_margin_top (label, 8);
      gtk_widget_set_margin_bottom (label, 8);
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_end (label, 12);
      gtk_list_box_append (GTK_LIST_BOX (list), label);
    }
  gtk_expander_set_child (expander, list);
}

static void
add_texts (GtkBox            *card,
           RcQuestionResults *question)
{
  g_autofree char *title = NULL;
  GtkWidget *expander;

  if (question->texts->len == 0)
    return;

  if ((gint64)question->texts->len < question->answered)
    title = g_strdup_printf (_("Read the Latest %u Answers"), question->texts->len);
  else
    title = g_strdup (_("Read the Answers"));

  expander = gtk_expander_new (title);
  gtk_expander_set_use_underline (GTK_EXPANDER (expander), FALSE);
  g_signal_connect_data (expander, "notify::expanded", G_CALLBACK (on_texts_expanded),
                         g_ptr_array_ref (question->texts), (GClosureNotify)(void (*) (void))g_ptr_array_unref, 0);
  gtk_box_append (card, expander);
}

static void
remove_charts (RcResultsView *self)
{
  GtkWidget *child;

  if (self->adding_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->adding_id);
  self->adding_id = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->charts_box))) != NULL)
    gtk_box_remove (self->charts_box, child);
}

static void
add_question_card (RcResultsView *self,
                   guint          i)
{
  RcQuestionResults *question = g_ptr_array_index (self->results->questions, i);
  const char *label = rc_language_pick_text (&question->question->label);
  g_autofree char *title = g_strdup_printf ("%u. %s", i + 1, label);
  g_autofree char *counts = rc_results_format_counts (question);
  RcChart *chart = rc_chart_new_for_question (self->results, question);
  GtkBox *card = add_card (self, title);

  add_dim_label (card, counts, "dim-label");
  if (chart != NULL)
    gtk_box_append (card, rc_chart_view_new (chart, label));
  else if (question->texts != NULL)
    add_texts (card, question);
}

/* The cards come two at a time, a frame drawn in between. Making the
 * cards of a whole survey takes about 1 ms; laying them out and drawing
 * them in one frame held the window for about 40 ms. */
#define CARDS_PER_FRAME 2

static gboolean
add_question_cards (GtkWidget     *widget,
                    GdkFrameClock *clock,
                    gpointer       user_data)
{
  RcResultsView *self = RC_RESULTS_VIEW (widget);
  guint n_questions = self->results->questions->len;

  for (guint i = 0; i < CARDS_PER_FRAME && self->next_card < n_questions; i++)
    add_question_card (self, self->next_card++);
  if (self->next_card < n_questions)
    return G_SOURCE_CONTINUE;

  self->adding_id = 0;
  return G_SOURCE_REMOVE;
}

static void
show_results (RcResultsView *self)
{
  RcResults *results = self->results;
  g_autofree char *summary = NULL;

  remove_charts (self);

  if (results->total == 0)
    summary = g_strdup (_("No responses match the filters."));
  else
    {
      g_autofree char *first = rc_text_format_day (results->first);
      g_autofree char *last = rc_text_format_day (results->last);
      g_autofree char *total = rc_text_format_count (results->total);

      /* Translators: %1$s is the number of responses, written as your
       * language writes large numbers ("1,234") */
      summary = g_strdup_printf (ngettext ("%1$s response, submitted from %2$s to %3$s",
                                           "%1$s responses, submitted from %2$s to %3$s",
                                           results->total),
                                 total, first, last);
    }
  gtk_label_set_text (self->summary_label, summary);

  if (results->breakdown != NULL)
    {
      g_autofree char *privacy =
        g_strdup_printf (_("Each group’s bars are shares of its own respondents. A count below %" PRId64
                           " is shown as “fewer than %" PRId64 "”, so that nobody can be recognised."),
                         results->min_cell, results->min_cell);

      gtk_label_set_text (self->privacy_label, privacy);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->privacy_label), results->breakdown != NULL);

  if (results->total == 0)
    return;

  {
    GtkBox *card = add_card (self, _("Responses per Week"));

    gtk_box_append (card, rc_chart_view_new (rc_chart_new_for_weeks (results), _("Responses per week")));
  }

  /* Unseen, nothing is drawn in between. */
  self->next_card = 0;
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      while (self->next_card < results->questions->len)
        add_question_card (self, self->next_card++);
    }
  else if (results->questions->len > 0)
    self->adding_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), add_question_cards, NULL, NULL);
}

static const char *
selected_string (AdwComboRow *row)
{
  GtkStringObject *item = adw_combo_row_get_selected_item (row);

  return item ? gtk_string_object_get_string (item) : "";
}

/* The filters in one line, so they can stay folded away. */
static void
update_filters_subtitle (RcResultsView *self,
                         CountJob      *job)
{
  g_autoptr(GString) subtitle = g_string_new (NULL);

  g_string_append (subtitle, selected_string (self->version_row));
  g_string_append (subtitle, " · ");
  g_string_append (subtitle, selected_string (self->language_row));
  g_string_append (subtitle, " · ");
  if (job->since != NULL || job->until != NULL)
    {
      g_autofree char *since = job->since ? rc_text_format_day (job->since) : g_strdup ("…");
      g_autofree char *until = job->until ? rc_text_format_day (job->until) : g_strdup ("…");

      g_string_append_printf (subtitle, "%s – %s", since, until);
    }
  else
    g_string_append (subtitle, _("Every Day"));
  if (job->breakdown != NULL)
    {
      g_string_append (subtitle, " · ");
      g_string_append (subtitle, selected_string (self->breakdown_row));
    }

  adw_expander_row_set_subtitle (self->filters_row, subtitle->str);
}

static void
fill_breakdowns (RcResultsView *self)
{
  RcSurvey *survey = self->results->survey;
  g_autofree char *survey_key = NULL;
  g_autofree char *selected = NULL;
  guint position = 0;
  GPtrArray *questions;

  if (survey == NULL)
    return;

  survey_key = g_strdup_printf ("%s@%" PRId64, rc_survey_get_id (survey), rc_survey_get_version (survey));
  if (g_strcmp0 (survey_key, self->breakdown_for) == 0)
    return;

  /* The same question stays chosen when another version has it too. */
  if (adw_combo_row_get_selected (self->breakdown_row) < self->breakdown_ids->len)
    selected = g_strdup (g_ptr_array_index (self->breakdown_ids, adw_combo_row_get_selected (self->breakdown_row)));

  self->filling = TRUE;
  g_ptr_array_set_size (self->breakdown_ids, 0);
  gtk_string_list_splice (self->breakdowns, 0, g_list_model_get_n_items (G_LIST_MODEL (self->breakdowns)), NULL);
  g_ptr_array_add (self->breakdown_ids, NULL);
  gtk_string_list_append (self->breakdowns, _("No Breakdown"));

  questions = rc_survey_get_questions (survey);
  for (guint i = 0; i < questions->len; i++)
    {
      RcQuestion *question = g_ptr_array_index (questions, i);

      if (question->type != RC_QUESTION_SINGLE_CHOICE)
        continue;
      if (g_strcmp0 (question->id, selected) == 0)
        position = self->breakdown_ids->len;
      g_ptr_array_add (self->breakdown_ids, g_strdup (question->id));
      gtk_string_list_append (self->breakdowns, rc_language_pick_text (&question->label));
    }
  adw_combo_row_set_selected (self->breakdown_row, position);
  self->filling = FALSE;

  g_free (self->breakdown_for);
  self->breakdown_for = g_steal_pointer (&survey_key);
}

/* What a count came to: @results, or %NULL when it was cancelled or
 * failed, with the reason shown. Takes @error. */
static gpointer
end_count (RcResultsView *self,
           gpointer       results,
           GError        *error)
{
  g_autoptr(GError) owned_error = error;

  g_assert (self->n_counting > 0);
  if (--self->n_counting == 0)
    {
      g_clear_handle_id (&self->progress_id, g_source_remove);
      gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), FALSE);
      if (self->results == NULL)
        gtk_label_set_text (self->summary_label, "");
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return NULL;

  if (results == NULL)
    show_problem (self, error->message);

  return results;
}

static gpointer
finish_count (RcResultsView *self,
              GAsyncResult  *result)
{
  CountJob *job = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;
  gpointer results = g_task_propagate_pointer (G_TASK (result), &error);

  /* Its part of the bar, unless a count has replaced it. */
  if (job->progress == self->progress)
    g_clear_pointer (&self->progress, g_atomic_rc_box_release);
  if (job->progress == self->report_progress)
    g_clear_pointer (&self->report_progress, g_atomic_rc_box_release);

  return end_count (self, results, error);
}

static void
on_counted (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  RcResultsView *self = RC_RESULTS_VIEW (source);
  RcResults *results = finish_count (self, result);

  if (results == NULL)
    return;

  g_clear_pointer (&self->results, rc_results_free);
  self->results = results;
  fill_breakdowns (self);
  show_results (self);
}

static void
count_again (RcResultsView *self)
{
  CountJob *job;

  if (self->filling || self->database == NULL)
    return;

  if ((job = read_filters (self)) != NULL)
    {
      update_filters_subtitle (self, job);
      start_count (self, job, &self->cancellable, &self->progress, on_counted);
    }
}

static void
fill_versions (RcResultsView     *self,
               RcResponseSummary *summary)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->versions));

  self->filling = TRUE;
  g_ptr_array_set_size (self->version_surveys, 0);
  g_array_set_size (self->version_numbers, 0);
  gtk_string_list_splice (self->versions, 0, n_items, NULL);

  g_ptr_array_add (self->version_surveys, NULL);
  g_array_append_val (self->version_numbers, (gint64) { 0 });
  gtk_string_list_append (self->versions, _("All Versions"));
  for (guint i = 0; i < summary->versions->len; i++)
    {
      RcVersionCount *count = g_ptr_array_index (summary->versions, i);
      /* Translators: a survey version in the filter of the results:
       * the survey's title and its version number */
      g_autofree char *name = g_strdup_printf (_("%s, version %" PRId64), count->title, count->survey_version);

      g_ptr_array_add (self->version_surveys, g_strdup (count->survey_id));
      g_array_append_val (self->version_numbers, count->survey_version);
      gtk_string_list_append (self->versions, name);
    }
  adw_combo_row_set_selected (self->version_row, 0);
  self->filling = FALSE;
}

static void
on_summarized (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(RcResultsView) self = user_data;
  GError *error = NULL;
  RcResponseSummary *counted = rc_response_summary_new_finish (result, &error);
  g_autoptr(RcResponseSummary) summary = end_count (self, counted, error);

  if (summary == NULL)
    return;

  fill_versions (self, summary);
  count_again (self);
}

/**
 * rc_results_view_refresh:
 * @self: a results view
 *
 * Counts again with the filters as they are, the versions offered brought
 * up to date with what has been submitted or merged.
 */
void
rc_results_view_refresh (RcResultsView *self)
{
  g_return_if_fail (RC_IS_RESULTS_VIEW (self));
  g_return_if_fail (self->database != NULL);

  /* The versions answered, for the filter, before the count. */
  replace_count (self, &self->cancellable, &self->progress);
  rc_response_summary_new_async (rc_database_get_data_dir (self->database), rc_language_get_interface (),
                                 self->cancellable, on_summarized, g_object_ref (self));
}

/**
 * rc_results_view_clear:
 * @self: a results view
 *
 * Forgets every figure and answer shown, for a locked coordinator area.
 */
void
rc_results_view_clear (RcResultsView *self)
{
  g_return_if_fail (RC_IS_RESULTS_VIEW (self));

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->report_cancellable);
  remove_charts (self);
  gtk_label_set_text (self->summary_label, "");
  gtk_widget_set_visible (GTK_WIDGET (self->privacy_label), FALSE);
  g_clear_pointer (&self->results, rc_results_free);
  if (self->file_chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->file_chooser));
  g_clear_object (&self->file_chooser);
}

/**
 * rc_results_view_is_counting:
 * @self: a results view
 *
 * Returns: whether a count is on its way, or its cards are still coming
 */
gboolean
rc_results_view_is_counting (RcResultsView *self)
{
  g_return_val_if_fail (RC_IS_RESULTS_VIEW (self), FALSE);

  return self->n_counting > 0 || self->adding_id != 0;
}

void
rc_results_view_set_database (RcResultsView *self,
                              RcDatabase    *database)
{
  g_return_if_fail (RC_IS_RESULTS_VIEW (self));
  g_return_if_fail (RC_IS_DATABASE (database));

  g_set_object (&self->database, database);
}

/* The report is counted afresh, in its own language, off the main thread;
 * only the drawing needs the translations switched. */
static void
on_report_counted (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  RcResultsView *self = RC_RESULTS_VIEW (source);
  CountJob *job = g_task_get_task_data (G_TASK (result));
  RcResults *results = finish_count (self, result);
  g_autoptr(GError) error = NULL;
  g_autoptr(RcReport) report = NULL;
  g_autofree char *message = NULL;
  g_autofree char *name = NULL;
  gboolean switched;
  guint n_pages = 0;
  gboolean ok;

  if (results == NULL)
    return;

  switched = !g_str_equal (job->labels_language, rc_language_get_interface ());
  if (switched)
    rc_language_use (job->labels_language);
  report = rc_report_new (results, &job->filter);
  ok = rc_report_write_pdf (report, job->path, &n_pages, &error);
  if (switched)
    rc_language_use_system ();

  if (!ok)
    {
      show_problem (self, error->message);
      return;
    }

  name = g_path_get_basename (job->path);
  message = g_strdup_printf (ngettext ("Report of %u page saved as “%s”",
                                       "Report of %u pages saved as “%s”", n_pages),
                             n_pages, name);
  g_signal_emit (self, signals[REPORT_EXPORTED], 0, message, job->path);
}

static void
on_report_file_chosen (RcResultsView        *self,
                       int                   response,
                       GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  const char *language;
  CountJob *job;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  language = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "language");
  if (file == NULL || (job = read_filters (self)) == NULL)
    {
      g_clear_object (&self->file_chooser);
      return;
    }

  /* A report is of the whole survey, not of one group. */
  g_clear_pointer (&job->breakdown, g_free);
  job->path = g_file_get_path (file);
  if (language != NULL)
    {
      g_free (job->labels_language);
      job->labels_language = g_strdup (language);
    }
  g_clear_object (&self->file_chooser);

  start_count (self, job, &self->report_cancellable, &self->report_progress, on_report_counted);
}

static void
export_report_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RcResultsView *self = RC_RESULTS_VIEW (widget);
  const char *interface = rc_language_get_interface ();
  const char *languages[4] = { interface, NULL, };
  const char *labels[G_N_ELEMENTS (languages)] = { NULL, };
  static const char * const all[] = { "kk", "ru", "en" };
  guint n = 1;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  /* Translators: the name of a new report file; %s is today's date */
  g_autofree char *name = g_strdup_printf (_("results-%s.pdf"), today);

  if (self->file_chooser != NULL)
    return;

  /* The interface's language first: GTK 4.8's own file chooser shows the
   * first choice whatever is set. */
  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    {
      if (!g_str_equal (all[i], interface))
        languages[n++] = all[i];
    }
  for (guint i = 0; languages[i] != NULL; i++)
    labels[i] = rc_text_get_endonym (languages[i]);

  self->file_chooser = gtk_file_chooser_native_new (_("Export Report"),
                                                    GTK_WINDOW (gtk_widget_get_root (widget)),
                                                    GTK_FILE_CHOOSER_ACTION_SAVE,
                                                    _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->file_chooser), TRUE);
  gtk_file_filter_set_name (filter, _("PDF Documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->file_chooser), filter);
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (self->file_chooser), "language", _("Language of the report"),
                               languages, labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (self->file_chooser), "language", interface);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->file_chooser), name);
  g_signal_connect_swapped (self->file_chooser, "response", G_CALLBACK (on_report_file_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->file_chooser));
}

typedef struct
{
  RcReport     *report;
  PangoContext *context;
} Printing;

static void
printing_free (Printing *printing)
{
  g_clear_pointer (&printing->report, rc_report_free);
  g_clear_object (&printing->context);
  g_free (printing);
}

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                Printing          *printing)
{
  guint n_pages;

  printing->context = gtk_print_context_create_pango_context (context);
  n_pages = rc_report_paginate (printing->report, printing->context,
                                gtk_print_context_get_width (context),
                                gtk_print_context_get_height (context));
  gtk_print_operation_set_n_pages (operation, n_pages);
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              Printing          *printing)
{
  rc_report_draw_page (printing->report, gtk_print_context_get_cairo_context (context),
                       printing->context, page);
}

static void
on_print_counted (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  RcResultsView *self = RC_RESULTS_VIEW (source);
  CountJob *job = g_task_get_task_data (G_TASK (result));
  RcResults *results = finish_count (self, result);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  Printing *printing;

  if (results == NULL)
    return;

  printing = g_new0 (Printing, 1);
  printing->report = rc_report_new (results, &job->filter);

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_allow_async (operation, TRUE);
  gtk_print_operation_set_job_name (operation, _("Survey Results"));
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print), printing);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), printing);
  g_object_set_data_full (G_OBJECT (operation), "rc-printing", printing, (GDestroyNotify)printing_free);

  if (job->path != NULL)
    gtk_print_operation_set_export_filename (operation, job->path);

  if (gtk_print_operation_run (operation,
                               job->path ? GTK_PRINT_OPERATION_ACTION_EXPORT
                                         : GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                               &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_problem (self, error->message);
}

/* With a file name as its parameter, the same pages go to that PDF file
 * by GTK's printing, without a dialog. */
static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  RcResultsView *self = RC_RESULTS_VIEW (widget);
  CountJob *job = read_filters (self);

  if (job == NULL)
    return;

  g_clear_pointer (&job->breakdown, g_free);
  if (parameter != NULL && *g_variant_get_string (parameter, NULL) != '\0')
    job->path = g_variant_dup_string (parameter, NULL);

  start_count (self, job, &self->report_cancellable, &self->report_progress, on_print_counted);
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  g_signal_emit (widget, signals[CLOSED], 0);
}

static void
on_filter_changed (RcResultsView *self)
{
  count_again (self);
}

static void
on_day_changed (RcResultsView *self,
                AdwEntryRow   *row)
{
  /* Emptied is as good as applied: no limit on that side. */
  if (*gtk_editable_get_text (GTK_EDITABLE (row)) == '\0')
    count_again (self);
}

static void
rc_results_view_dispose (GObject *object)
{
  RcResultsView *self = RC_RESULTS_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->report_cancellable);
  if (self->adding_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->adding_id);
  self->adding_id = 0;
  g_clear_handle_id (&self->progress_id, g_source_remove);
  if (self->file_chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->file_chooser));
  g_clear_object (&self->file_chooser);

  G_OBJECT_CLASS (rc_results_view_parent_class)->dispose (object);
}

static void
rc_results_view_finalize (GObject *object)
{
  RcResultsView *self = RC_RESULTS_VIEW (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->report_cancellable);
  g_clear_pointer (&self->progress, g_atomic_rc_box_release);
  g_clear_pointer (&self->report_progress, g_atomic_rc_box_release);
  g_clear_object (&self->database);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->results, rc_results_free);
  g_clear_pointer (&self->version_surveys, g_ptr_array_unref);
  g_clear_pointer (&self->version_numbers, g_array_unref);
  g_clear_pointer (&self->breakdown_ids, g_ptr_array_unref);
  g_clear_pointer (&self->breakdown_for, g_free);

  G_OBJECT_CLASS (rc_results_view_parent_class)->finalize (object);
}

static void
rc_results_view_class_init (RcResultsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rc_results_view_dispose;
  object_class->finalize = rc_results_view_finalize;

  /**
   * RcResultsView::closed:
   *
   * The coordinator asked to go back from the results.
   */
  signals[CLOSED] = g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * RcResultsView::report-exported:
   * @message: what was written, in words
   * @path: the report's file
   */
  signals[REPORT_EXPORTED] = g_signal_new ("report-exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                           G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/rc-results-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RcResultsView, scroller);
  gtk_widget_class_bind_template_child (widget_class, RcResultsView, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, RcResultsView, filters_row);
  gtk_widget_class_bind_template_child (widget_class, RcResultsView, version_row);
  gtk_widget_class_bind_template_child (widget_class, RcResultsView, versions);
  gtk_widget_class_bind_template_child (widget_class, RcResultsView, language_row);
  gtk_widget_class_bind_template_child (widget_class, RcResultsView, languages);
  gtk_widget_class_bind_template_child (widget_class, RcResultsView, since_row);
  gtk_widget_class_bind_template_child (widget_class, RcResultsView, until_row);
  gtk_widget_class_bind_template_child (widget_class, RcResultsView, breakdown_row);
  gtk_widget_class_bind_template_child (widget_class, RcResultsView, breakdowns);
  gtk_widget_class_bind_template_child (widget_class, RcResultsView, problem_label);
  gtk_widget_class_bind_template_child (widget_class, RcResultsView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, RcResultsView, privacy_label);
  gtk_widget_class_bind_template_child (widget_class, RcResultsView, charts_box);

  gtk_widget_class_install_action (widget_class, "results.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "results.export-report", NULL, export_report_action);
  gtk_widget_class_install_action (widget_class, "results.print", "s", print_action);
}

static void
rc_results_view_init (RcResultsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  self->version_surveys = g_ptr_array_new_with_free_func (g_free);
  self->version_numbers = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->breakdown_ids = g_ptr_array_new_with_free_func (g_free);

  self->filling = TRUE;
  gtk_string_list_append (self->languages, _("All Languages"));
  for (guint i = 0; i < G_N_ELEMENTS (filter_languages); i++)
    gtk_string_list_append (self->languages, rc_text_get_endonym (filter_languages[i]));
  g_ptr_array_add (self->breakdown_ids, NULL);
  gtk_string_list_append (self->breakdowns, _("No Breakdown"));
  self->filling = FALSE;

  g_signal_connect_swapped (self->version_row, "notify::selected", G_CALLBACK (on_filter_changed), self);
  g_signal_connect_swapped (self->language_row, "notify::selected", G_CALLBACK (on_filter_changed), self);
  g_signal_connect_swapped (self->breakdown_row, "notify::selected", G_CALLBACK (on_filter_changed), self);
  g_signal_connect_swapped (self->since_row, "apply", G_CALLBACK (on_filter_changed), self);
  g_signal_connect_swapped (self->until_row, "apply", G_CALLBACK (on_filter_changed), self);
  g_signal_connect_swapped (self->since_row, "changed", G_CALLBACK (on_day_changed), self);
  g_signal_connect_swapped (self->until_row, "changed", G_CALLBACK (on_day_changed), self);
}
