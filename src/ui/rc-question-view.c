/* rc-question-view.c: one question, as the respondent answers it
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rc-question-view.h"

struct _RcQuestionView
{
  GtkWidget      parent_instance;

  RcResponse    *response;
  RcQuestion    *question;
  GPtrArray     *choices;         /* GtkToggleButton or GtkCheckButton */
  GtkEditable   *entry;
  GtkTextBuffer *buffer;
  gboolean       syncing;
  gboolean       number_invalid;

  /* Template widgets; the box is bound so gtk_widget_dispose_template()
   * unparents it. */
  GtkBox        *box;
  GtkLabel      *title;
  GtkLabel      *hint;
  GtkBox        *inputs;
  GtkLabel      *error;
};

G_DEFINE_FINAL_TYPE (RcQuestionView, rc_question_view, GTK_TYPE_WIDGET)

#define ANSWER_KEY "rc-answer"
#define EXCLUSIVE_KEY "rc-exclusive"

static const char *
language_of (RcQuestionView *self)
{
  return rc_response_get_language (self->response);
}

/* A screen reader reads the description of what takes the focus, and after
 * a refused Next the focus lands on an answer: each one that can take it
 * says what is wrong, not only the box around them. GTK 4.8 has no other
 * way to announce a message. */
static void
mark_invalid (GtkWidget  *widget,
              const char *message)
{
  if (widget == NULL)
    return;

  if (message != NULL)
    {
      gtk_accessible_update_state (GTK_ACCESSIBLE (widget),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                      -1);
    }
  else
    {
      gtk_accessible_reset_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

static void
mark_inputs_invalid (GtkWidget  *widget,
                     const char *message)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      if (gtk_widget_get_focusable (child))
        mark_invalid (child, message);
      mark_inputs_invalid (child, message);
    }
}

static void
hide_error (RcQuestionView *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->error), FALSE);
  mark_invalid (GTK_WIDGET (self->inputs), NULL);
  mark_inputs_invalid (GTK_WIDGET (self->inputs), NULL);
}

static void
show_error (RcQuestionView *self,
            const char     *message)
{
  gtk_label_set_text (self->error, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error), TRUE);

  /* Read out with the question, and marked as what needs fixing. */
  mark_invalid (GTK_WIDGET (self->inputs), message);
  mark_inputs_invalid (GTK_WIDGET (self->inputs), message);
}

static void
set_answer (RcQuestionView *self,
            JsonNode       *value)
{
  g_autoptr(GError) error = NULL;

  hide_error (self);

  /* Only widgets made for this question call this, so a refusal is a bug;
   * the log names the question, never the answer. */
  if (!rc_response_set_answer (self->response, self->question->id, value, &error))
    g_critical ("An answer to “%s” was refused", self->question->id);
}

static JsonNode *
string_node (const char *text)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  json_node_set_string (node, text);
  return node;
}

static JsonNode *
int_node (gint64 value)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  json_node_set_int (node, value);
  return node;
}

static void
collect_multiple (RcQuestionView *self)
{
  g_autoptr(JsonArray) array = json_array_new ();
  g_autoptr(JsonNode) value = json_node_new (JSON_NODE_ARRAY);

  for (guint i = 0; i < self->choices->len; i++)
    {
      GtkCheckButton *button = g_ptr_array_index (self->choices, i);

      if (gtk_check_button_get_active (button))
        json_array_add_element (array, json_node_copy (g_object_get_data (G_OBJECT (button), ANSWER_KEY)));
    }

  json_node_set_array (value, array);
  set_answer (self, value);
}

/* "None of these" and "I prefer not to answer" stand alone: choosing one
 * clears the others, choosing another clears it. */
static void
keep_exclusive (RcQuestionView *self,
                GtkCheckButton *chosen)
{
  gboolean chosen_exclusive = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chosen), EXCLUSIVE_KEY));

  self->syncing = TRUE;
  for (guint i = 0; i < self->choices->len; i++)
    {
      GtkCheckButton *button = g_ptr_array_index (self->choices, i);
      gboolean exclusive = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), EXCLUSIVE_KEY));

      if (button != chosen && (chosen_exclusive || exclusive))
        gtk_check_button_set_active (button, FALSE);
    }
  self->syncing = FALSE;
}

static void
on_check_toggled (GtkCheckButton *button,
                  RcQuestionView *self)
{
  if (self->syncing)
    return;

  if (self->question->type == RC_QUESTION_MULTIPLE_CHOICE)
    {
      if (gtk_check_button_get_active (button))
        keep_exclusive (self, button);
      collect_multiple (self);
    }
  else if (gtk_check_button_get_active (button))
    {
      set_answer (self, g_object_get_data (G_OBJECT (button), ANSWER_KEY));
    }
}

static void
on_toggle_toggled (GtkToggleButton *button,
                   RcQuestionView  *self)
{
  if (!self->syncing && gtk_toggle_button_get_active (button))
    set_answer (self, g_object_get_data (G_OBJECT (button), ANSWER_KEY));
}

static GtkWidget *
wrapping_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  return label;
}

static void
add_check (RcQuestionView *self,
           const char     *text,
           JsonNode       *answer,
           gboolean        exclusive)
{
  GtkWidget *button = gtk_check_button_new ();
  GtkCheckButton *group = NULL;
  GtkWidget *label;

  label = wrapping_label (text);
  /* The whole width is hers to tap, and long labels wrap at its end. */
  gtk_widget_set_hexpand (label, TRUE);
  gtk_check_button_set_child (GTK_CHECK_BUTTON (button), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  gtk_widget_add_css_class (button, "rc-choice");
  g_object_set_data_full (G_OBJECT (button), ANSWER_KEY, answer, (GDestroyNotify)json_node_unref);
  g_object_set_data (G_OBJECT (button), EXCLUSIVE_KEY, GINT_TO_POINTER (exclusive));

  /* One answer only: the buttons are a radio group. */
  if (self->question->type != RC_QUESTION_MULTIPLE_CHOICE && self->choices->len > 0)
    group = g_ptr_array_index (self->choices, 0);
  gtk_check_button_set_group (GTK_CHECK_BUTTON (button), group);

  g_signal_connect (button, "toggled", G_CALLBACK (on_check_toggled), self);
  g_ptr_array_add (self->choices, button);
  gtk_box_append (self->inputs, button);
}

static void
build_choices (RcQuestionView *self)
{
  const char *language = language_of (self);

  if (self->question->type == RC_QUESTION_YES_NO)
    {
      add_check (self, _("Yes"), string_node ("yes"), FALSE);
      add_check (self, _("No"), string_node ("no"), FALSE);
    }

  for (guint i = 0; i < self->question->options->len; i++)
    {
      RcOption *option = g_ptr_array_index (self->question->options, i);

      add_check (self, rc_text_get (&option->label, language), string_node (option->id),
                 option->exclusive);
    }

  if (self->question->prefer_not_to_answer)
    add_check (self, _("I prefer not to answer"), string_node (RC_PREFER_NOT_TO_ANSWER), TRUE);
}

static void
build_scale (RcQuestionView *self)
{
  const char *language = language_of (self);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  const char *min_label = rc_text_get (&self->question->min_label, language);
  const char *max_label = rc_text_get (&self->question->max_label, language);
  GtkToggleButton *group = NULL;

  gtk_box_set_homogeneous (GTK_BOX (row), TRUE);
  gtk_box_append (self->inputs, row);

  for (gint64 point = self->question->min; point <= self->question->max; point++)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, point);
      g_autofree char *name = NULL;
      GtkWidget *button = gtk_toggle_button_new_with_label (number);

      /* The ends say what the numbers mean, for those who cannot see the
       * labels under them. */
      if (point == self->question->min && min_label)
        name = g_strdup_printf ("%s, %s", number, min_label);
      else if (point == self->question->max && max_label)
        name = g_strdup_printf ("%s, %s", number, max_label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      name ? name : number, -1);

      gtk_widget_add_css_class (button, "rc-scale-point");
      g_object_set_data_full (G_OBJECT (button), ANSWER_KEY, int_node (point),
                              (GDestroyNotify)json_node_unref);
      gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), group);
      if (group == NULL)
        group = GTK_TOGGLE_BUTTON (button);
      g_signal_connect (button, "toggled", G_CALLBACK (on_toggle_toggled), self);
      g_ptr_array_add (self->choices, button);
      gtk_box_append (GTK_BOX (row), button);
    }

  if (min_label || max_label)
    {
      /* A grid, for the reason the news view's rows have one; its two
       * halves keep each end's words under its end of the scale. */
      GtkWidget *ends = gtk_grid_new ();
      GtkWidget *left = wrapping_label (min_label ? min_label : "");
      GtkWidget *right = wrapping_label (max_label ? max_label : "");

      gtk_label_set_xalign (GTK_LABEL (right), 1);
      gtk_widget_set_hexpand (left, TRUE);
      gtk_widget_set_hexpand (right, TRUE);
      gtk_widget_add_css_class (left, "dim-label");
      gtk_widget_add_css_class (right, "dim-label");
      gtk_grid_set_column_spacing (GTK_GRID (ends), 12);
      gtk_grid_set_column_homogeneous (GTK_GRID (ends), TRUE);
      gtk_grid_attach (GTK_GRID (ends), left, 0, 0, 1, 1);
      gtk_grid_attach (GTK_GRID (ends), right, 1, 0, 1, 1);
      gtk_box_append (self->inputs, ends);
    }

  if (self->question->prefer_not_to_answer)
    {
      GtkWidget *button = gtk_toggle_button_new_with_label (_("I prefer not to answer"));

      gtk_widget_add_css_class (button, "rc-scale-point");
      g_object_set_data_full (G_OBJECT (button), ANSWER_KEY, string_node (RC_PREFER_NOT_TO_ANSWER),
                              (GDestroyNotify)json_node_unref);
      gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), group);
      g_signal_connect (button, "toggled", G_CALLBACK (on_toggle_toggled), self);
      g_ptr_array_add (self->choices, button);
      gtk_box_append (self->inputs, button);
    }
}

static void
on_entry_changed (GtkEditable    *entry,
                  RcQuestionView *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  g_autoptr(JsonNode) value = NULL;
  gint64 number;

  if (self->syncing)
    return;

  self->number_invalid = FALSE;

  if (self->question->type != RC_QUESTION_NUMBER)
    value = string_node (text);
  else if (*text == '\0')
    value = string_node ("");
  else if (g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, &number, NULL))
    value = int_node (number);
  else
    {
      /* Not a number yet: nothing is kept, and Next says why. */
      self->number_invalid = TRUE;
      value = string_node ("");
    }

  set_answer (self, value);
}

static void
on_buffer_changed (GtkTextBuffer  *buffer,
                   RcQuestionView *self)
{
  g_autofree char *text = NULL;
  g_autoptr(JsonNode) value = NULL;
  GtkTextIter start, end;

  if (self->syncing)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  value = string_node (text);
  set_answer (self, value);
}

/* Her words stay in the field: no clipboard to carry them to the next
 * person or bring in somebody else's, no menu, nothing dropped in. */
static void
on_pointer_pressed (GtkGestureClick *gesture)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));

  /* The middle button pastes the last selection; the right one opens the
   * menu with Paste in it. */
  if (button == GDK_BUTTON_MIDDLE || button == GDK_BUTTON_SECONDARY)
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
on_long_pressed (GtkGestureLongPress *gesture)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
stop_clipboard (GtkWidget  *text,
                const char *signal_name)
{
  g_signal_stop_emission_by_name (text, signal_name);
}

static void
seal_text_field (GtkWidget *text)
{
  static const char * const actions[] = {
    "clipboard.cut", "clipboard.copy", "clipboard.paste", "menu.popup",
  };
  static const char * const clipboard_signals[] = {
    "cut-clipboard", "copy-clipboard", "paste-clipboard",
  };
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (text);
  g_autoptr(GPtrArray) drop_targets = g_ptr_array_new_with_free_func (g_object_unref);
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *long_press = gtk_gesture_long_press_new ();

  /* The menu goes through the actions, the keys through the signals. */
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_action_set_enabled (text, actions[i], FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (clipboard_signals); i++)
    g_signal_connect_data (text, clipboard_signals[i], G_CALLBACK (stop_clipboard),
                           (gpointer)clipboard_signals[i], NULL, G_CONNECT_DEFAULT);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        g_ptr_array_add (drop_targets, g_steal_pointer (&controller));
    }
  for (guint i = 0; i < drop_targets->len; i++)
    gtk_widget_remove_controller (text, g_ptr_array_index (drop_targets, i));

  /* Ahead of the field's own handling, which opens the menu without
   * asking the action. */
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect (click, "pressed", G_CALLBACK (on_pointer_pressed), NULL);
  gtk_widget_add_controller (text, GTK_EVENT_CONTROLLER (click));

  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (long_press), GTK_PHASE_CAPTURE);
  g_signal_connect (long_press, "pressed", G_CALLBACK (on_long_pressed), NULL);
  gtk_widget_add_controller (text, GTK_EVENT_CONTROLLER (long_press));
}

static void
build_entry (RcQuestionView *self)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  rc_text_get (&self->question->label, language_of (self)), -1);
  gtk_widget_add_css_class (entry, "rc-entry");

  if (self->question->type == RC_QUESTION_NUMBER)
    {
      gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_NUMBER);
      gtk_editable_set_width_chars (GTK_EDITABLE (entry), 8);
      gtk_widget_set_halign (entry, GTK_ALIGN_START);
    }
  else
    {
      gtk_entry_set_max_length (GTK_ENTRY (entry), self->question->max_length);
    }

  /* Nothing typed here is offered again to the next person. */
  gtk_entry_set_input_hints (GTK_ENTRY (entry), GTK_INPUT_HINT_NO_EMOJI | GTK_INPUT_HINT_PRIVATE);
  seal_text_field (GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (entry))));

  self->entry = GTK_EDITABLE (entry);
  g_signal_connect (entry, "changed", G_CALLBACK (on_entry_changed), self);
  gtk_box_append (self->inputs, entry);
}

static void
build_text_view (RcQuestionView *self)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *view = gtk_text_view_new ();

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_input_hints (GTK_TEXT_VIEW (view), GTK_INPUT_HINT_PRIVATE);
  seal_text_field (view);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  rc_text_get (&self->question->label, language_of (self)), -1);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 160);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_widget_add_css_class (scroller, "card");

  self->buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  g_signal_connect (self->buffer, "changed", G_CALLBACK (on_buffer_changed), self);
  gtk_box_append (self->inputs, scroller);
}

/* Shows what she answered before, when she comes back to the question. */
static void
show_answer (RcQuestionView *self)
{
  JsonNode *answer = rc_response_get_answer (self->response, self->question->id);

  if (answer == NULL)
    return;

  self->syncing = TRUE;

  for (guint i = 0; i < self->choices->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (self->choices, i);
      JsonNode *value = g_object_get_data (G_OBJECT (button), ANSWER_KEY);
      gboolean chosen = json_node_equal (value, answer);

      if (JSON_NODE_HOLDS_ARRAY (answer))
        {
          JsonArray *array = json_node_get_array (answer);

          for (guint j = 0; j < json_array_get_length (array) && !chosen; j++)
            chosen = json_node_equal (value, json_array_get_element (array, j));
        }

      if (GTK_IS_CHECK_BUTTON (button))
        gtk_check_button_set_active (GTK_CHECK_BUTTON (button), chosen);
      else
        gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), chosen);
    }

  if (self->entry != NULL)
    {
      g_autofree char *text = JSON_NODE_HOLDS_VALUE (answer) && json_node_get_value_type (answer) == G_TYPE_INT64
                              ? g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (answer))
                              : g_strdup (json_node_get_string (answer));

      gtk_editable_set_text (self->entry, text);
    }

  if (self->buffer != NULL)
    gtk_text_buffer_set_text (self->buffer, json_node_get_string (answer), -1);

  self->syncing = FALSE;
}

/**
 * rc_question_view_new:
 * @response: the answers so far; the view writes hers into it as she goes
 * @question: the question to show
 *
 * Returns: (transfer floating): a new #RcQuestionView
 */
GtkWidget *
rc_question_view_new (RcResponse *response,
                      RcQuestion *question)
{
  RcQuestionView *self;
  const char *language;
  const char *hint;

  g_return_val_if_fail (RC_IS_RESPONSE (response), NULL);
  g_return_val_if_fail (question != NULL, NULL);

  self = g_object_new (RC_TYPE_QUESTION_VIEW, NULL);
  self->response = g_object_ref (response);
  self->question = question;
  language = language_of (self);

  gtk_label_set_text (self->title, rc_text_get (&question->label, language));
  hint = rc_text_get (&question->hint, language);
  gtk_label_set_text (self->hint, hint ? hint : "");
  gtk_widget_set_visible (GTK_WIDGET (self->hint), hint != NULL);

  switch (question->type)
    {
    case RC_QUESTION_SINGLE_CHOICE:
    case RC_QUESTION_MULTIPLE_CHOICE:
    case RC_QUESTION_YES_NO:
      build_choices (self);
      break;

    case RC_QUESTION_SCALE:
      build_scale (self);
      break;

    case RC_QUESTION_NUMBER:
    case RC_QUESTION_SHORT_TEXT:
      build_entry (self);
      break;

    case RC_QUESTION_LONG_TEXT:
      build_text_view (self);
      break;

    case RC_QUESTION_NOTE:
    default:
      gtk_widget_remove_css_class (GTK_WIDGET (self->title), "title-2");
      gtk_widget_add_css_class (GTK_WIDGET (self->title), "title-4");
      break;
    }

  show_answer (self);

  return GTK_WIDGET (self);
}

RcQuestion *
rc_question_view_get_question (RcQuestionView *self)
{
  g_return_val_if_fail (RC_IS_QUESTION_VIEW (self), NULL);

  return self->question;
}

/**
 * rc_question_view_check:
 *
 * What Next does first: shows beside the question why her answer cannot be
 * taken, if it cannot.
 *
 * Returns: whether she may move on
 */
gboolean
rc_question_view_check (RcQuestionView *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (RC_IS_QUESTION_VIEW (self), FALSE);

  if (self->number_invalid)
    {
      show_error (self, _("Please enter a whole number, using digits"));
      return FALSE;
    }

  if (!rc_response_check_question (self->response, self->question->id, &error))
    {
      show_error (self, error->message);
      return FALSE;
    }

  hide_error (self);
  return TRUE;
}

static gboolean
rc_question_view_grab_focus (GtkWidget *widget)
{
  RcQuestionView *self = RC_QUESTION_VIEW (widget);

  if (self->choices->len > 0)
    return gtk_widget_grab_focus (g_ptr_array_index (self->choices, 0));

  return gtk_widget_child_focus (GTK_WIDGET (self->inputs), GTK_DIR_TAB_FORWARD);
}

static void
rc_question_view_dispose (GObject *object)
{
  RcQuestionView *self = (RcQuestionView *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), RC_TYPE_QUESTION_VIEW);

  G_OBJECT_CLASS (rc_question_view_parent_class)->dispose (object);
}

static void
rc_question_view_finalize (GObject *object)
{
  RcQuestionView *self = (RcQuestionView *)object;

  g_clear_pointer (&self->choices, g_ptr_array_unref);
  g_clear_object (&self->response);

  G_OBJECT_CLASS (rc_question_view_parent_class)->finalize (object);
}

static void
rc_question_view_class_init (RcQuestionViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rc_question_view_dispose;
  object_class->finalize = rc_question_view_finalize;
  widget_class->grab_focus = rc_question_view_grab_focus;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/rc-question-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RcQuestionView, box);
  gtk_widget_class_bind_template_child (widget_class, RcQuestionView, title);
  gtk_widget_class_bind_template_child (widget_class, RcQuestionView, hint);
  gtk_widget_class_bind_template_child (widget_class, RcQuestionView, inputs);
  gtk_widget_class_bind_template_child (widget_class, RcQuestionView, error);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
rc_question_view_init (RcQuestionView *self)
{
  self->choices = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}
