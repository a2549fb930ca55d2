/* rc-survey-view.c: a respondent's way through the survey
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rc-accessible.h"
#include "rc-language.h"
#include "rc-question-view.h"
#include "rc-survey-view.h"

#define NO_QUESTION G_MAXUINT

struct _RcSurveyView
{
  AdwBin           parent_instance;

  RcSurvey        *survey;
  RcResponseStore *store;
  RcResponse      *response;
  GHashTable      *sections;          /* RcQuestion → RcSection */
  guint            current;           /* index in the survey's questions */
  guint            thanks_seconds;
  guint            countdown_left;
  guint            countdown_id;
  guint            idle_seconds;
  guint            still_there_seconds;
  gint64           last_activity;     /* monotonic */
  guint            idle_id;
  AdwMessageDialog *still_there;
  guint            still_there_left;
  GCancellable    *saving;            /* while her answers are being saved */

  /* Template widgets */
  GtkStack        *stack;
  GtkBox          *welcome_cards;
  GtkProgressBar  *progress;
  GtkToggleButton *text_size_button;
  GtkButton       *quick_exit_button;
  GtkScrolledWindow *question_scroller;
  GtkLabel        *section_label;
  AdwBin          *question_holder;
  GtkButton       *back_button;
  GtkButton       *next_button;
  GtkBox          *review_list;
  GtkLabel        *submit_error;
  GtkButton       *review_back_button;
  GtkButton       *submit_button;
  GtkLabel        *thanks_label;
  GtkLabel        *helpline_title;
  GtkListBox      *contacts;
  GtkLabel        *countdown_label;
  GtkButton       *restart_button;
};

G_DEFINE_FINAL_TYPE (RcSurveyView, rc_survey_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SURVEY,
  PROP_STORE,
  PROP_THANKS_SECONDS,
  PROP_IDLE_SECONDS,
  PROP_STILL_THERE_SECONDS,
  PROP_LANGUAGE,
  N_PROPS
};

enum {
  QUICK_EXIT,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void show_question (RcSurveyView *self,
                           guint         index);
static guint find_shown   (RcSurveyView *self,
                           gint64        index,
                           int           direction);

/* Each language names itself, for a woman who reads only that one. */
static const char *
language_name (const char *language)
{
  if (g_str_equal (language, "kk"))
    return "Қазақша";
  if (g_str_equal (language, "ru"))
    return "Русский";
  return "English";
}

static void
remove_children (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)))
    gtk_box_remove (GTK_BOX (box), child);
}

static GtkWidget *
wrapping_label (const char *text,
                const char *style_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (style_class)
    gtk_widget_add_css_class (label, style_class);
  return label;
}

static void
stop_countdown (RcSurveyView *self)
{
  g_clear_handle_id (&self->countdown_id, g_source_remove);
}

static void
close_still_there (RcSurveyView *self)
{
  if (self->still_there != NULL)
    {
      GtkWindow *dialog = GTK_WINDOW (self->still_there);

      self->still_there = NULL;
      gtk_window_destroy (dialog);
    }
}

static void
stop_idle_watch (RcSurveyView *self)
{
  g_clear_handle_id (&self->idle_id, g_source_remove);
  close_still_there (self);
}

static void
update_still_there (RcSurveyView *self)
{
  g_autofree char *body = g_strdup_printf (ngettext ("If nobody continues, the answers are cleared in %u second, "
                                                     "so the next person cannot see them.",
                                                     "If nobody continues, the answers are cleared in %u seconds, "
                                                     "so the next person cannot see them.",
                                                     self->still_there_left),
                                           self->still_there_left);

  adw_message_dialog_set_body (self->still_there, body);
}

static void
on_still_there_response (AdwMessageDialog *dialog,
                         const char       *response,
                         RcSurveyView     *self)
{
  /* She is still there: carry on where she was. */
  if (self->still_there == dialog)
    {
      self->still_there = NULL;
      self->last_activity = g_get_monotonic_time ();
    }
}

static void
show_still_there (RcSurveyView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  self->still_there = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                                  _("Are You Still There?"), NULL));
  adw_message_dialog_add_response (self->still_there, "continue", _("_Continue"));
  adw_message_dialog_set_response_appearance (self->still_there, "continue", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (self->still_there, "continue");
  adw_message_dialog_set_close_response (self->still_there, "continue");
  g_signal_connect (self->still_there, "response", G_CALLBACK (on_still_there_response), self);

  self->still_there_left = MAX (1, self->still_there_seconds);
  update_still_there (self);
  gtk_window_present (GTK_WINDOW (self->still_there));
}

/* In the middle of the survey, a kiosk left alone must not show what the
 * last person answered: ask, then clear. */
static gboolean
idle_tick (gpointer user_data)
{
  RcSurveyView *self = user_data;

  if (self->still_there != NULL)
    {
      if (--self->still_there_left == 0)
        {
          self->idle_id = 0;
          rc_survey_view_reset (self);
          return G_SOURCE_REMOVE;
        }

      update_still_there (self);
      return G_SOURCE_CONTINUE;
    }

  if (g_get_monotonic_time () - self->last_activity >= (gint64)self->idle_seconds * G_USEC_PER_SEC)
    show_still_there (self);

  return G_SOURCE_CONTINUE;
}

static void
start_idle_watch (RcSurveyView *self)
{
  self->last_activity = g_get_monotonic_time ();

  if (self->idle_id == 0)
    self->idle_id = g_timeout_add_seconds (1, idle_tick, self);
}

static gboolean
on_any_event (GtkEventControllerLegacy *controller,
              GdkEvent                 *event,
              RcSurveyView             *self)
{
  self->last_activity = g_get_monotonic_time ();
  return GDK_EVENT_PROPAGATE;
}

static void
clear_helplines (RcSurveyView *self)
{
  GtkWidget *row;

  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->contacts))))
    gtk_list_box_remove (self->contacts, row);
}

/* While her answers are saved, nothing on the review can change them or be
 * pressed twice. */
static void
set_review_sensitive (RcSurveyView *self,
                      gboolean      sensitive)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->review_list), sensitive);
  gtk_widget_set_sensitive (GTK_WIDGET (self->review_back_button), sensitive);
  gtk_widget_set_sensitive (GTK_WIDGET (self->submit_button), sensitive);
}

/* A save handed over goes on to the end: she pressed Send. Only its
 * outcome is no longer shown. */
static void
stop_waiting_for_save (RcSurveyView *self)
{
  if (self->saving == NULL)
    return;

  g_cancellable_cancel (self->saving);
  g_clear_object (&self->saving);
  set_review_sensitive (self, TRUE);
}

/**
 * rc_survey_view_reset:
 *
 * Forgets everything of the respondent: her answers, every widget that
 * showed them, her language; back to the welcome for the next person.
 */
void
rc_survey_view_reset (RcSurveyView *self)
{
  g_return_if_fail (RC_IS_SURVEY_VIEW (self));

  stop_countdown (self);
  stop_idle_watch (self);
  stop_waiting_for_save (self);
  adw_bin_set_child (self->question_holder, NULL);
  remove_children (GTK_WIDGET (self->review_list));
  /* Not even the helplines she was reading stay behind a quick exit. */
  clear_helplines (self);
  gtk_widget_set_visible (GTK_WIDGET (self->submit_error), FALSE);
  g_clear_object (&self->response);
  self->current = NO_QUESTION;

  gtk_toggle_button_set_active (self->text_size_button, FALSE);
  rc_language_use_system ();
  gtk_stack_set_visible_child_name (self->stack, "welcome");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);
}

/* For weaker eyes: every text of the survey a size larger, until the next
 * person's welcome. */
static void
on_text_size_toggled (RcSurveyView *self)
{
  if (gtk_toggle_button_get_active (self->text_size_button))
    gtk_widget_add_css_class (GTK_WIDGET (self), "rc-large-text");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "rc-large-text");
}

/* The bar over every page: her progress while she answers, Larger Text from
 * the welcome on, and Leave Quickly once she has begun, up to the thanks and
 * its helplines. */
static void
on_screen_changed (RcSurveyView *self)
{
  const char *screen = gtk_stack_get_visible_child_name (self->stack);
  gboolean answering = g_strcmp0 (screen, "question") == 0;

  gtk_widget_set_visible (GTK_WIDGET (self->progress), answering);
  gtk_widget_set_hexpand (GTK_WIDGET (self->text_size_button), !answering);
  gtk_widget_set_visible (GTK_WIDGET (self->quick_exit_button), g_strcmp0 (screen, "welcome") != 0);
}

static void
on_quick_exit_clicked (RcSurveyView *self)
{
  rc_survey_view_reset (self);
  g_signal_emit (self, signals[QUICK_EXIT], 0);
}

/* The buttons speak the respondent's language, chosen a moment ago. */
static void
translate_controls (RcSurveyView *self)
{
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->text_size_button), _("Larger text"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_size_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Larger text"), -1);
  gtk_button_set_label (self->quick_exit_button, _("Leave quickly"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->quick_exit_button),
                               _("Discard the answers at once and show the news"));
  gtk_button_set_label (self->back_button, _("Back"));
  gtk_button_set_label (self->next_button, _("Next"));
  gtk_button_set_label (self->review_back_button, _("Back"));
  gtk_button_set_label (self->submit_button, _("Send answers"));
  gtk_button_set_label (self->restart_button, _("Start again now"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Progress"), -1);
}

static void
on_language_clicked (GtkButton    *button,
                     RcSurveyView *self)
{
  const char *language = g_object_get_data (G_OBJECT (button), "rc-language");
  guint first;

  rc_survey_view_reset (self);
  rc_language_use (language);
  self->response = rc_response_new (self->survey, language);
  translate_controls (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);

  first = find_shown (self, 0, +1);
  g_assert (first != NO_QUESTION);
  show_question (self, first);
}

/* She has not chosen yet: each offered language speaks to her in a part of
 * its own, with the button to start in it right under its text. */
static void
build_welcome (RcSurveyView *self)
{
  const char * const *languages = rc_survey_get_languages (self->survey);

  remove_children (GTK_WIDGET (self->welcome_cards));

  for (guint i = 0; languages[i] != NULL; i++)
    {
      GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
      GtkWidget *title = wrapping_label (rc_text_get (rc_survey_get_title (self->survey), languages[i]),
                                         "title-2");
      GtkWidget *intro = wrapping_label (rc_text_get (rc_survey_get_intro (self->survey), languages[i]),
                                         NULL);
      GtkWidget *button = gtk_button_new_with_label (language_name (languages[i]));
      GtkWidget *consent;

      gtk_label_set_justify (GTK_LABEL (title), GTK_JUSTIFY_CENTER);
      gtk_label_set_xalign (GTK_LABEL (intro), 0);
      gtk_widget_set_valign (intro, GTK_ALIGN_START);
      gtk_widget_set_vexpand (intro, TRUE);
      gtk_box_append (GTK_BOX (card), title);
      gtk_box_append (GTK_BOX (card), intro);

      /* Starting is her consent, so she reads what she agrees to first. */
      consent = wrapping_label (rc_text_get (rc_survey_get_consent (self->survey), languages[i]), "dim-label");
      gtk_label_set_xalign (GTK_LABEL (consent), 0);
      gtk_box_append (GTK_BOX (card), consent);

      gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "pill");
      gtk_widget_add_css_class (button, "suggested-action");
      gtk_widget_add_css_class (button, "rc-language");
      g_object_set_data_full (G_OBJECT (button), "rc-language", g_strdup (languages[i]), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (on_language_clicked), self);
      gtk_box_append (GTK_BOX (card), button);

      gtk_box_append (self->welcome_cards, card);
    }
}

static RcQuestion *
question_at (RcSurveyView *self,
             guint         index)
{
  return g_ptr_array_index (rc_survey_get_questions (self->survey), index);
}

/* The next question shown for her answers so far, from @index on in
 * @direction (+1 or -1); NO_QUESTION when there is none. */
static guint
find_shown (RcSurveyView *self,
            gint64        index,
            int           direction)
{
  GPtrArray *questions = rc_survey_get_questions (self->survey);

  for (; index >= 0 && index < questions->len; index += direction)
    {
      if (rc_response_is_visible (self->response, question_at (self, index)->id))
        return index;
    }

  return NO_QUESTION;
}

static void
update_progress (RcSurveyView *self)
{
  GPtrArray *questions = rc_survey_get_questions (self->survey);
  guint shown = 0, before = 0;
  g_autofree char *text = NULL;

  for (guint i = 0; i < questions->len; i++)
    {
      if (!rc_response_is_visible (self->response, question_at (self, i)->id))
        continue;
      shown++;
      if (i < self->current)
        before++;
    }

  gtk_progress_bar_set_fraction (self->progress, shown ? (double)before / shown : 0);
  /* Translators: the place of the question shown, as in "Question 3 of 24" */
  text = g_strdup_printf (_("Question %u of %u"), before + 1, shown);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, text, -1);
}

static void
show_question (RcSurveyView *self,
               guint         index)
{
  RcQuestion *question = question_at (self, index);
  RcSection *section = g_hash_table_lookup (self->sections, question);
  GtkWidget *view = rc_question_view_new (self->response, question);
  GtkAdjustment *adjustment;

  self->current = index;
  gtk_label_set_text (self->section_label, rc_text_get (&section->title, rc_response_get_language (self->response)));
  adw_bin_set_child (self->question_holder, view);
  update_progress (self);

  adjustment = gtk_scrolled_window_get_vadjustment (self->question_scroller);
  gtk_adjustment_set_value (adjustment, 0);

  gtk_stack_set_visible_child_name (self->stack, "question");
  gtk_widget_grab_focus (view);
  start_idle_watch (self);
}

static char *
answer_text (RcSurveyView *self,
             RcQuestion   *question,
             JsonNode     *answer)
{
  const char *language = rc_response_get_language (self->response);

  if (answer == NULL)
    return g_strdup (_("Not answered"));

  if (JSON_NODE_HOLDS_ARRAY (answer))
    {
      JsonArray *array = json_node_get_array (answer);
      g_autoptr(GString) text = g_string_new (NULL);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autofree char *part = answer_text (self, question, json_array_get_element (array, i));

          if (i > 0)
            g_string_append (text, "; ");
          g_string_append (text, part);
        }
      return g_string_free (g_steal_pointer (&text), FALSE);
    }

  if (json_node_get_value_type (answer) == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (answer));

  if (g_str_equal (json_node_get_string (answer), RC_PREFER_NOT_TO_ANSWER))
    return g_strdup (_("I prefer not to answer"));

  if (question->type == RC_QUESTION_YES_NO)
    return g_strdup (g_str_equal (json_node_get_string (answer), "yes") ? _("Yes") : _("No"));

  if (question->type == RC_QUESTION_SINGLE_CHOICE || question->type == RC_QUESTION_MULTIPLE_CHOICE)
    {
      RcOption *option = rc_question_lookup_option (question, json_node_get_string (answer));

      if (option != NULL)
        return g_strdup (rc_text_get (&option->label, language));
    }

  return g_strdup (json_node_get_string (answer));
}

static void
on_change_clicked (GtkButton    *button,
                   RcSurveyView *self)
{
  show_question (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "rc-index")));
}

static void
show_review (RcSurveyView *self)
{
  const char *language = rc_response_get_language (self->response);
  GPtrArray *sections = rc_survey_get_sections (self->survey);
  GPtrArray *questions = rc_survey_get_questions (self->survey);

  remove_children (GTK_WIDGET (self->review_list));
  gtk_widget_set_visible (GTK_WIDGET (self->submit_error), FALSE);

  gtk_box_append (self->review_list, wrapping_label (_("Your answers"), "title-2"));
  gtk_box_append (self->review_list,
                  wrapping_label (_("Please check them. You can change any answer before you send them."),
                                  NULL));

  for (guint s = 0; s < sections->len; s++)
    {
      RcSection *section = g_ptr_array_index (sections, s);
      GtkWidget *list = NULL;

      for (guint q = 0; q < section->questions->len; q++)
        {
          RcQuestion *question = g_ptr_array_index (section->questions, q);
          g_autofree char *text = NULL;
          g_autofree char *change_name = NULL;
          GtkWidget *row, *change;
          guint index;

          if (!rc_question_has_answer (question) || !rc_response_is_visible (self->response, question->id))
            continue;

          if (list == NULL)
            {
              GtkWidget *title = wrapping_label (rc_text_get (&section->title, language), "heading");

              gtk_label_set_xalign (GTK_LABEL (title), 0);
              gtk_widget_set_margin_top (title, 12);
              gtk_box_append (self->review_list, title);

              list = gtk_list_box_new ();
              gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
              gtk_widget_add_css_class (list, "boxed-list");
              gtk_box_append (self->review_list, list);
            }

          g_ptr_array_find (questions, question, &index);
          text = answer_text (self, question, rc_response_get_answer (self->response, question->id));

          row = adw_action_row_new ();
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rc_text_get (&question->label, language));
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text);

          change = gtk_button_new_with_label (_("Change"));
          change_name = g_strdup_printf (_("Change the answer to “%s”"), rc_text_get (&question->label, language));
          gtk_accessible_update_property (GTK_ACCESSIBLE (change), GTK_ACCESSIBLE_PROPERTY_LABEL, change_name, -1);
          gtk_widget_set_valign (change, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (change, "rc-large");
          g_object_set_data (G_OBJECT (change), "rc-index", GUINT_TO_POINTER (index));
          g_signal_connect (change, "clicked", G_CALLBACK (on_change_clicked), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), change);
          gtk_list_box_append (GTK_LIST_BOX (list), row);
        }
    }

  adw_bin_set_child (self->question_holder, NULL);
  self->current = questions->len;
  gtk_stack_set_visible_child_name (self->stack, "review");
  gtk_widget_grab_focus (GTK_WIDGET (self->submit_button));
  start_idle_watch (self);
}

static void
on_next_clicked (RcSurveyView *self)
{
  RcQuestionView *view = RC_QUESTION_VIEW (adw_bin_get_child (self->question_holder));
  guint next;

  if (!rc_question_view_check (view))
    {
      gtk_widget_grab_focus (GTK_WIDGET (view));
      return;
    }

  next = find_shown (self, (gint64)self->current + 1, +1);
  if (next == NO_QUESTION)
    show_review (self);
  else
    show_question (self, next);
}

static void
on_back_clicked (RcSurveyView *self)
{
  guint previous = find_shown (self, (gint64)self->current - 1, -1);

  /* Back from the first question is back to the choice of language. */
  if (previous == NO_QUESTION)
    rc_survey_view_reset (self);
  else
    show_question (self, previous);
}

static void
on_review_back_clicked (RcSurveyView *self)
{
  guint last = find_shown (self, (gint64)rc_survey_get_questions (self->survey)->len - 1, -1);

  show_question (self, last);
}

static void
update_countdown (RcSurveyView *self)
{
  g_autofree char *text = g_strdup_printf (ngettext ("The survey starts again for the next person in %u second.",
                                                     "The survey starts again for the next person in %u seconds.",
                                                     self->countdown_left),
                                           self->countdown_left);

  gtk_label_set_text (self->countdown_label, text);
}

static gboolean
countdown_tick (gpointer user_data)
{
  RcSurveyView *self = user_data;

  if (--self->countdown_left == 0)
    {
      self->countdown_id = 0;
      rc_survey_view_reset (self);
      return G_SOURCE_REMOVE;
    }

  update_countdown (self);
  return G_SOURCE_CONTINUE;
}

static void
show_thanks (RcSurveyView *self)
{
  const char *language = rc_response_get_language (self->response);
  GPtrArray *contacts = rc_survey_get_contacts (self->survey);

  gtk_label_set_text (self->thanks_label, rc_text_get (rc_survey_get_thanks (self->survey), language));
  gtk_label_set_text (self->helpline_title, rc_text_get (rc_survey_get_helpline_title (self->survey), language));
  clear_helplines (self);

  for (guint i = 0; i < contacts->len; i++)
    {
      RcContact *contact = g_ptr_array_index (contacts, i);
      const char *description = rc_text_get (&contact->description, language);
      g_autofree char *title = g_strdup_printf ("%s — %s", contact->number,
                                                rc_text_get (&contact->label, language));
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      if (description != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), description);
      gtk_list_box_append (self->contacts, row);
    }

  /* Nothing of her answers stays behind on any widget. */
  stop_idle_watch (self);
  adw_bin_set_child (self->question_holder, NULL);
  remove_children (GTK_WIDGET (self->review_list));
  g_clear_object (&self->response);

  self->countdown_left = MAX (1, self->thanks_seconds);
  update_countdown (self);
  stop_countdown (self);
  self->countdown_id = g_timeout_add_seconds (1, countdown_tick, self);

  gtk_stack_set_visible_child_name (self->stack, "thanks");
  gtk_widget_grab_focus (GTK_WIDGET (self->restart_button));
}

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(RcSurveyView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = rc_response_store_save_finish (RC_RESPONSE_STORE (source), result, &error);

  /* She left quickly, or the kiosk closed, while it was saved. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->saving);
  set_review_sensitive (self, TRUE);
  if (id == NULL)
    {
      g_debug ("The answers were not saved: %s", error->message);
      gtk_label_set_text (self->submit_error,
                          _("Your answers could not be saved. Please ask a member of staff for help."));
      gtk_widget_set_visible (GTK_WIDGET (self->submit_error), TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->submit_button));
      return;
    }

  show_thanks (self);
}

/* Saved beside the window: a slow disk, or another program's write, must
 * not freeze the kiosk in front of her. */
static void
on_submit_clicked (RcSurveyView *self)
{
  if (self->saving != NULL)
    return;

  gtk_widget_set_visible (GTK_WIDGET (self->submit_error), FALSE);
  self->saving = g_cancellable_new ();
  set_review_sensitive (self, FALSE);
  rc_response_store_save_async (self->store, self->response, self->saving, on_saved,
                                g_object_ref (self));
}

static void
on_restart_clicked (RcSurveyView *self)
{
  rc_survey_view_reset (self);
}

GtkWidget *
rc_survey_view_new (RcSurvey        *survey,
                    RcResponseStore *store)
{
  g_return_val_if_fail (RC_IS_SURVEY (survey), NULL);
  g_return_val_if_fail (RC_IS_RESPONSE_STORE (store), NULL);

  return g_object_new (RC_TYPE_SURVEY_VIEW, "survey", survey, "store", store, NULL);
}

/* "welcome", "question", "review" or "thanks" */
const char *
rc_survey_view_get_screen (RcSurveyView *self)
{
  g_return_val_if_fail (RC_IS_SURVEY_VIEW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/**
 * rc_survey_view_get_language:
 *
 * Returns: (nullable): "kk", "ru" or "en" while a respondent answers in it,
 *   %NULL at the welcome
 */
const char *
rc_survey_view_get_language (RcSurveyView *self)
{
  g_return_val_if_fail (RC_IS_SURVEY_VIEW (self), NULL);

  return self->response != NULL ? rc_response_get_language (self->response) : NULL;
}

/**
 * rc_survey_view_get_response:
 *
 * Returns: (transfer none) (nullable): the answers being given, if a
 *   respondent is answering
 */
RcResponse *
rc_survey_view_get_response (RcSurveyView *self)
{
  g_return_val_if_fail (RC_IS_SURVEY_VIEW (self), NULL);

  return self->response;
}

static void
rc_survey_view_constructed (GObject *object)
{
  RcSurveyView *self = RC_SURVEY_VIEW (object);
  GPtrArray *sections = rc_survey_get_sections (self->survey);

  G_OBJECT_CLASS (rc_survey_view_parent_class)->constructed (object);

  for (guint s = 0; s < sections->len; s++)
    {
      RcSection *section = g_ptr_array_index (sections, s);

      for (guint q = 0; q < section->questions->len; q++)
        g_hash_table_insert (self->sections, g_ptr_array_index (section->questions, q), section);
    }

  build_welcome (self);
}

static void
rc_survey_view_dispose (GObject *object)
{
  RcSurveyView *self = (RcSurveyView *)object;

  /* AdwBin disposes of its child, the template's stack, itself. */
  stop_countdown (self);
  stop_idle_watch (self);
  stop_waiting_for_save (self);

  G_OBJECT_CLASS (rc_survey_view_parent_class)->dispose (object);
}

static void
rc_survey_view_finalize (GObject *object)
{
  RcSurveyView *self = (RcSurveyView *)object;

  g_clear_object (&self->response);
  g_clear_object (&self->store);
  g_clear_object (&self->survey);
  g_clear_pointer (&self->sections, g_hash_table_unref);

  G_OBJECT_CLASS (rc_survey_view_parent_class)->finalize (object);
}

static void
rc_survey_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RcSurveyView *self = RC_SURVEY_VIEW (object);

  switch (prop_id)
    {
    case PROP_SURVEY:
      g_value_set_object (value, self->survey);
      break;

    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_THANKS_SECONDS:
      g_value_set_uint (value, self->thanks_seconds);
      break;

    case PROP_IDLE_SECONDS:
      g_value_set_uint (value, self->idle_seconds);
      break;

    case PROP_STILL_THERE_SECONDS:
      g_value_set_uint (value, self->still_there_seconds);
      break;

    case PROP_LANGUAGE:
      g_value_set_string (value, rc_survey_view_get_language (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rc_survey_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  RcSurveyView *self = RC_SURVEY_VIEW (object);

  switch (prop_id)
    {
    case PROP_SURVEY:
      self->survey = g_value_dup_object (value);
      break;

    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_THANKS_SECONDS:
      self->thanks_seconds = g_value_get_uint (value);
      break;

    case PROP_IDLE_SECONDS:
      self->idle_seconds = g_value_get_uint (value);
      break;

    case PROP_STILL_THERE_SECONDS:
      self->still_there_seconds = g_value_get_uint (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rc_survey_view_class_init (RcSurveyViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rc_survey_view_constructed;
  object_class->dispose = rc_survey_view_dispose;
  object_class->finalize = rc_survey_view_finalize;
  object_class->get_property = rc_survey_view_get_property;
  object_class->set_property = rc_survey_view_set_property;

  properties[PROP_SURVEY] =
    g_param_spec_object ("survey", NULL, NULL,
                         RC_TYPE_SURVEY,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         RC_TYPE_RESPONSE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * RcSurveyView:thanks-seconds:
   *
   * How long the thank-you page stays before the next person's welcome.
   */
  properties[PROP_THANKS_SECONDS] =
    g_param_spec_uint ("thanks-seconds", NULL, NULL,
                       1, 3600, 20,
                       (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));

  /**
   * RcSurveyView:idle-seconds:
   *
   * How long the survey may be left untouched in the middle before the
   * kiosk asks whether she is still there.
   */
  properties[PROP_IDLE_SECONDS] =
    g_param_spec_uint ("idle-seconds", NULL, NULL,
                       1, 3600, 90,
                       (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));

  /**
   * RcSurveyView:still-there-seconds:
   *
   * How long the question waits for an answer before the survey is cleared.
   */
  properties[PROP_STILL_THERE_SECONDS] =
    g_param_spec_uint ("still-there-seconds", NULL, NULL,
                       1, 600, 30,
                       (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));

  /**
   * RcSurveyView:language:
   *
   * The language the respondent chose, or %NULL at the welcome: what the
   * kiosk around the survey speaks meanwhile.
   */
  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RcSurveyView::quick-exit:
   *
   * The respondent left at once; her answers are already gone.
   */
  signals[QUICK_EXIT] = g_signal_new ("quick-exit",
                                      G_TYPE_FROM_CLASS (klass),
                                      G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL,
                                      G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/rc-survey-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RcSurveyView, stack);
  gtk_widget_class_bind_template_child (widget_class, RcSurveyView, welcome_cards);
  gtk_widget_class_bind_template_child (widget_class, RcSurveyView, progress);
  gtk_widget_class_bind_template_child (widget_class, RcSurveyView, text_size_button);
  gtk_widget_class_bind_template_child (widget_class, RcSurveyView, quick_exit_button);
  gtk_widget_class_bind_template_child (widget_class, RcSurveyView, question_scroller);
  gtk_widget_class_bind_template_child (widget_class, RcSurveyView, section_label);
  gtk_widget_class_bind_template_child (widget_class, RcSurveyView, question_holder);
  gtk_widget_class_bind_template_child (widget_class, RcSurveyView, back_button);
  gtk_widget_class_bind_template_child (widget_class, RcSurveyView, next_button);
  gtk_widget_class_bind_template_child (widget_class, RcSurveyView, review_list);
  gtk_widget_class_bind_template_child (widget_class, RcSurveyView, submit_error);
  gtk_widget_class_bind_template_child (widget_class, RcSurveyView, review_back_button);
  gtk_widget_class_bind_template_child (widget_class, RcSurveyView, submit_button);
  gtk_widget_class_bind_template_child (widget_class, RcSurveyView, thanks_label);
  gtk_widget_class_bind_template_child (widget_class, RcSurveyView, helpline_title);
  gtk_widget_class_bind_template_child (widget_class, RcSurveyView, contacts);
  gtk_widget_class_bind_template_child (widget_class, RcSurveyView, countdown_label);
  gtk_widget_class_bind_template_child (widget_class, RcSurveyView, restart_button);
  gtk_widget_class_bind_template_callback (widget_class, on_quick_exit_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_screen_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_text_size_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_next_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_review_back_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_submit_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_restart_clicked);
}

static void
rc_survey_view_init (RcSurveyView *self)
{
  GtkEventController *controller;

  self->sections = g_hash_table_new (NULL, NULL);
  self->current = NO_QUESTION;
  self->thanks_seconds = 20;
  self->idle_seconds = 90;
  self->still_there_seconds = 30;

  gtk_widget_init_template (GTK_WIDGET (self));
  on_screen_changed (self);

  /* Any key, touch or pointer movement inside counts as her being there. */
  controller = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "event", G_CALLBACK (on_any_event), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}
