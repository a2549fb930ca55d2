/* test-survey-view.c: a respondent answers the survey through the screens
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sys/resource.h>

#include "rc-question-view.h"
#include "rc-survey-view.h"
#include "rc-test-ui.h"
#include "rc-test-utils.h"

typedef struct
{
  char            *data_dir;
  RcDatabase      *database;
  RcResponseStore *store;
  RcSurvey        *survey;
  GtkWindow       *window;
  RcSurveyView    *view;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->data_dir = rc_test_make_temp_dir ();
  fixture->database = rc_database_open (fixture->data_dir, &error);
  g_assert_no_error (error);
  fixture->store = rc_response_store_new (fixture->database);
  fixture->survey = rc_test_load_survey ("all-types.json", &error);
  g_assert_no_error (error);

  fixture->window = g_object_ref (GTK_WINDOW (gtk_window_new ()));
  gtk_window_set_default_size (fixture->window, 600, 800);
  fixture->view = RC_SURVEY_VIEW (rc_survey_view_new (fixture->survey, fixture->store));
  g_object_set (fixture->view, "thanks-seconds", 1, NULL);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  gtk_window_present (fixture->window);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  rc_test_destroy_window (fixture->window);

  g_clear_object (&fixture->survey);
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->database);
  g_clear_pointer (&fixture->data_dir, g_free);
}

static void
click (Fixture    *fixture,
       const char *label)
{
  GtkWidget *button = rc_test_find_button (GTK_WIDGET (fixture->view), label);

  if (button == NULL || !gtk_widget_is_drawable (button))
    g_error ("No button “%s” on the %s screen", label, rc_survey_view_get_screen (fixture->view));

  rc_test_press_button (button);
}

/* Presses Send and waits for what she sees next: the thanks, or the review
 * again, its buttons back, with the reason. */
static void
send_answers (Fixture    *fixture,
              const char *label)
{
  GtkWidget *send = rc_test_find_button (GTK_WIDGET (fixture->view), label);

  click (fixture, label);
  rc_test_wait_until (!g_str_equal (rc_survey_view_get_screen (fixture->view), "review") ||
                      gtk_widget_get_sensitive (send));
}

static RcQuestionView *
current_question (Fixture *fixture)
{
  GtkWidget *view = rc_test_find_widget (GTK_WIDGET (fixture->view), RC_TYPE_QUESTION_VIEW);

  g_assert_cmpstr (rc_survey_view_get_screen (fixture->view), ==, "question");
  g_assert_nonnull (view);
  return RC_QUESTION_VIEW (view);
}

static void
assert_question (Fixture    *fixture,
                 const char *question_id)
{
  g_assert_cmpstr (rc_question_view_get_question (current_question (fixture))->id, ==, question_id);
}

/* Ticks the choice with this label, as a finger or Space would. */
static void
choose (Fixture    *fixture,
        const char *label)
{
  GtkWidget *question = GTK_WIDGET (current_question (fixture));

  for (GtkWidget *w = rc_test_find_widget (question, GTK_TYPE_CHECK_BUTTON); w != NULL;
       w = gtk_widget_get_next_sibling (w))
    {
      GtkWidget *child = gtk_check_button_get_child (GTK_CHECK_BUTTON (w));

      if (GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (child)), label) == 0)
        {
          gtk_widget_activate (w);
          return;
        }
    }

  {
    GtkWidget *toggle = rc_test_find_button (question, label);

    if (toggle != NULL)
      {
        rc_test_press_button (toggle);
        return;
      }
  }

  g_error ("No choice “%s”", label);
}

static void
type_text (Fixture    *fixture,
           const char *text)
{
  GtkWidget *question = GTK_WIDGET (current_question (fixture));
  GtkWidget *entry = rc_test_find_widget (question, GTK_TYPE_ENTRY);

  if (entry != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (entry), text);
      return;
    }

  entry = rc_test_find_widget (question, GTK_TYPE_TEXT_VIEW);
  g_assert_nonnull (entry);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (entry)), text, -1);
}

static const char *
shown_error (Fixture *fixture)
{
  GtkWidget *question = GTK_WIDGET (current_question (fixture));

  for (GtkWidget *w = rc_test_find_widget (question, GTK_TYPE_LABEL); w != NULL;
       w = gtk_widget_get_next_sibling (w))
    {
      if (gtk_widget_has_css_class (w, "error"))
        return gtk_widget_get_visible (w) ? gtk_label_get_text (GTK_LABEL (w)) : NULL;
    }

  return NULL;
}

static gboolean
screen_shows_text (GtkWidget  *root,
                   const char *needle)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && strstr (gtk_label_get_text (GTK_LABEL (child)), needle))
        return TRUE;
      if (GTK_IS_EDITABLE (child) && strstr (gtk_editable_get_text (GTK_EDITABLE (child)), needle))
        return TRUE;
      if (screen_shows_text (child, needle))
        return TRUE;
    }

  return FALSE;
}

/* Phones and small kiosk screens are 360 px wide: every screen must fit. */
static void
assert_fits_narrow_screen (Fixture *fixture)
{
  int minimum = 0;

  gtk_widget_measure (GTK_WIDGET (fixture->view), GTK_ORIENTATION_HORIZONTAL, -1,
                      &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);
}

static void
test_survey_view_complete (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) counts = NULL;

  g_assert_cmpstr (rc_survey_view_get_screen (fixture->view), ==, "welcome");
  click (fixture, "Русский");

  /* Everything now speaks Russian: the definition's texts and the app's. */
  assert_question (fixture, "q_single");
  assert_fits_narrow_screen (fixture);
  g_assert_true (screen_shows_text (GTK_WIDGET (fixture->view), "ru Single"));
  g_assert_nonnull (rc_test_find_button (GTK_WIDGET (fixture->view), "Далее"));

  /* A required question is not skipped. */
  click (fixture, "Далее");
  assert_question (fixture, "q_single");
  g_assert_cmpstr (shown_error (fixture), ==, "Пожалуйста, ответьте на этот вопрос");

  choose (fixture, "ru Option a");
  g_assert_null (shown_error (fixture));
  click (fixture, "Далее");

  /* Three choices where two at most are allowed: the definition says so. */
  assert_question (fixture, "q_multi");
  choose (fixture, "ru Option x");
  choose (fixture, "ru Option y");
  choose (fixture, "ru Option z");
  click (fixture, "Далее");
  g_assert_cmpstr (shown_error (fixture), ==, "Выберите один или два");
  choose (fixture, "ru Option z");
  click (fixture, "Далее");

  assert_question (fixture, "q_scale");
  choose (fixture, "4");
  click (fixture, "Далее");

  assert_question (fixture, "q_yesno");
  choose (fixture, "Нет");
  click (fixture, "Далее");

  assert_question (fixture, "q_number");
  type_text (fixture, "abc");
  click (fixture, "Далее");
  g_assert_nonnull (shown_error (fixture));
  type_text (fixture, "12");
  click (fixture, "Далее");
  g_assert_cmpstr (shown_error (fixture), ==, "От 0 до 10");
  type_text (fixture, "7");
  click (fixture, "Далее");

  assert_question (fixture, "q_short");
  click (fixture, "Назад");
  /* Going back shows what she gave. */
  assert_question (fixture, "q_number");
  g_assert_true (screen_shows_text (GTK_WIDGET (current_question (fixture)), "7"));
  click (fixture, "Далее");
  click (fixture, "Далее");

  assert_question (fixture, "q_long");
  type_text (fixture, "Всё хорошо");
  click (fixture, "Далее");
  assert_question (fixture, "q_note");
  click (fixture, "Далее");

  /* q_single was a: its follow-up comes, c_one_of does not. */
  assert_question (fixture, "c_equals");
  choose (fixture, "Да");
  click (fixture, "Далее");
  assert_question (fixture, "c_includes");
  click (fixture, "Далее");
  assert_question (fixture, "c_compare");
  click (fixture, "Далее");
  /* c_all needs yes; q_yesno was no, which shows c_any and c_not. */
  assert_question (fixture, "c_any");
  click (fixture, "Далее");
  assert_question (fixture, "c_not");
  click (fixture, "Далее");
  /* Shown because c_equals is yes, and required. */
  assert_question (fixture, "c_chain");
  click (fixture, "Далее");
  g_assert_nonnull (shown_error (fixture));
  type_text (fixture, "ok");
  click (fixture, "Далее");

  /* The review lists her answers; she changes one. */
  g_assert_cmpstr (rc_survey_view_get_screen (fixture->view), ==, "review");
  g_assert_true (screen_shows_text (GTK_WIDGET (fixture->view), "ru Option x; ru Option y"));
  g_assert_true (screen_shows_text (GTK_WIDGET (fixture->view), "Всё хорошо"));
  {
    GtkWidget *change = NULL;

    /* The first "Изменить" belongs to the first question. */
    change = rc_test_find_button (GTK_WIDGET (fixture->view), "Изменить");
    g_assert_nonnull (change);
    rc_test_press_button (change);
  }
  assert_question (fixture, "q_single");
  choose (fixture, "ru Option b");
  for (guint i = 0; i < 8; i++)
    click (fixture, "Далее");
  /* b hides c_equals and c_chain, and shows c_one_of. */
  assert_question (fixture, "c_one_of");
  while (g_strcmp0 (rc_survey_view_get_screen (fixture->view), "question") == 0)
    click (fixture, "Далее");

  g_assert_cmpstr (rc_survey_view_get_screen (fixture->view), ==, "review");
  assert_fits_narrow_screen (fixture);
  g_assert_cmpint (rc_response_store_count (fixture->store, NULL, NULL), ==, 0);
  send_answers (fixture, "Отправить ответы");

  /* Stored, and only then thanked, with the helpline. */
  g_assert_cmpstr (rc_survey_view_get_screen (fixture->view), ==, "thanks");
  g_assert_cmpint (rc_response_store_count (fixture->store, NULL, NULL), ==, 1);
  g_assert_true (screen_shows_text (GTK_WIDGET (fixture->view), "111"));
  g_assert_true (screen_shows_text (GTK_WIDGET (fixture->view), "102"));

  counts = rc_response_store_count_answers (fixture->store, "all_types", "q_single", &error);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (counts, "b")), ==, 1);
  g_clear_pointer (&counts, g_hash_table_unref);
  counts = rc_response_store_count_answers (fixture->store, "all_types", "c_chain", &error);
  g_assert_cmpuint (g_hash_table_size (counts), ==, 0);

  /* Nothing of hers is left on screen, and the next person is welcomed. */
  g_assert_false (screen_shows_text (GTK_WIDGET (fixture->view), "Всё хорошо"));
  g_assert_null (rc_survey_view_get_response (fixture->view));
  rc_test_wait_until (g_strcmp0 (rc_survey_view_get_screen (fixture->view), "welcome") == 0);
}

static void
test_survey_view_larger_text (Fixture       *fixture,
                              gconstpointer  data)
{
  GtkWidget *toggle = NULL;

  click (fixture, "Русский");

  for (GtkWidget *w = rc_test_find_widget (GTK_WIDGET (fixture->view), GTK_TYPE_TOGGLE_BUTTON);
       w != NULL; w = gtk_widget_get_next_sibling (w))
    {
      if (g_strcmp0 (gtk_widget_get_tooltip_text (w), "Крупный текст") == 0)
        toggle = w;
    }
  g_assert_nonnull (toggle);

  /* Larger for her... */
  rc_test_press_button (toggle);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (fixture->view), "rc-large-text"));
  choose (fixture, "ru Option a");
  click (fixture, "Далее");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (fixture->view), "rc-large-text"));

  /* ...and back to normal for the next person. */
  click (fixture, "Быстрый выход");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (fixture->view), "rc-large-text"));
}

static void
on_quick_exit (gboolean *exited)
{
  *exited = TRUE;
}

static void
test_survey_view_quick_exit (Fixture       *fixture,
                             gconstpointer  data)
{
  gboolean exited = FALSE;

  g_signal_connect_swapped (fixture->view, "quick-exit", G_CALLBACK (on_quick_exit), &exited);
  click (fixture, "Қазақша");
  assert_fits_narrow_screen (fixture);
  choose (fixture, "kk Option c");
  click (fixture, "Келесі");
  choose (fixture, "kk Option x");
  g_assert_nonnull (rc_survey_view_get_response (fixture->view));

  click (fixture, "Тез шығу");

  g_assert_cmpstr (rc_survey_view_get_screen (fixture->view), ==, "welcome");
  g_assert_null (rc_survey_view_get_response (fixture->view));
  g_assert_false (screen_shows_text (GTK_WIDGET (fixture->view), "kk Option x"));
  g_assert_cmpint (rc_response_store_count (fixture->store, NULL, NULL), ==, 0);
  g_assert_true (exited);
}

/* Answers each question the least it takes, in Kazakh, up to the question
 * @question_id, or the review when it is %NULL. */
static void
walk_to (Fixture    *fixture,
         const char *question_id)
{
  click (fixture, "Қазақша");

  for (guint pages = 0; !g_str_equal (rc_survey_view_get_screen (fixture->view), "review"); pages++)
    {
      GtkWidget *question = GTK_WIDGET (current_question (fixture));
      GtkWidget *check = rc_test_find_widget (question, GTK_TYPE_CHECK_BUTTON);
      GtkWidget *entry = rc_test_find_widget (question, GTK_TYPE_ENTRY);

      g_assert_cmpuint (pages, <, 60);
      if (g_strcmp0 (rc_question_view_get_question (RC_QUESTION_VIEW (question))->id, question_id) == 0)
        return;
      if (check != NULL && !gtk_check_button_get_active (GTK_CHECK_BUTTON (check)))
        gtk_widget_activate (check);
      else if (entry != NULL && gtk_entry_get_text_length (GTK_ENTRY (entry)) == 0)
        gtk_editable_set_text (GTK_EDITABLE (entry), "7");
      click (fixture, "Келесі");
    }
}

static void
count_exit (guint *exits)
{
  (*exits)++;
}

/* She can hide what she is doing from every page past the welcome: the
 * review lists all her answers, and the thank-you page the helplines. */
static void
test_survey_view_quick_exit_everywhere (Fixture       *fixture,
                                        gconstpointer  data)
{
  guint exits = 0;

  g_signal_connect_swapped (fixture->view, "quick-exit", G_CALLBACK (count_exit), &exits);

  walk_to (fixture, NULL);
  g_assert_cmpstr (rc_survey_view_get_screen (fixture->view), ==, "review");
  g_assert_true (screen_shows_text (GTK_WIDGET (fixture->view), "7"));
  click (fixture, "Тез шығу");
  g_assert_cmpstr (rc_survey_view_get_screen (fixture->view), ==, "welcome");
  g_assert_null (rc_survey_view_get_response (fixture->view));
  g_assert_false (screen_shows_text (GTK_WIDGET (fixture->view), "7"));
  g_assert_cmpint (rc_response_store_count (fixture->store, NULL, NULL), ==, 0);
  g_assert_cmpuint (exits, ==, 1);

  walk_to (fixture, NULL);
  send_answers (fixture, "Жауаптарды жіберу");
  g_assert_cmpstr (rc_survey_view_get_screen (fixture->view), ==, "thanks");
  click (fixture, "Тез шығу");
  g_assert_cmpstr (rc_survey_view_get_screen (fixture->view), ==, "welcome");
  g_assert_false (screen_shows_text (GTK_WIDGET (fixture->view), "111"));
  g_assert_cmpuint (exits, ==, 2);
  /* What she sent stays sent. */
  g_assert_cmpint (rc_response_store_count (fixture->store, NULL, NULL), ==, 1);
}

/* Every button and choice she can touch is at least 48 px each way. */
static void
assert_large_targets (GtkWidget *root,
                      const char *screen)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_is_drawable (child))
        continue;
      if ((GTK_IS_BUTTON (child) || GTK_IS_CHECK_BUTTON (child)) &&
          (gtk_widget_get_width (child) < 48 || gtk_widget_get_height (child) < 48))
        g_error ("A %s %s on the %s screen is %d × %d px",
                 G_OBJECT_TYPE_NAME (child), gtk_widget_get_name (child), screen,
                 gtk_widget_get_width (child), gtk_widget_get_height (child));
      assert_large_targets (child, screen);
    }
}

static void
assert_screen_targets (Fixture *fixture)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (fixture->view));
  gint64 frame = gdk_frame_clock_get_frame_counter (clock);

  /* The page just shown is laid out in the next frames. */
  gtk_widget_queue_resize (GTK_WIDGET (fixture->view));
  rc_test_wait_until (gdk_frame_clock_get_frame_counter (clock) > frame + 2);
  assert_large_targets (GTK_WIDGET (fixture->view), rc_survey_view_get_screen (fixture->view));
}

static void
test_survey_view_large_targets (Fixture       *fixture,
                                gconstpointer  data)
{
  assert_screen_targets (fixture);
  click (fixture, "Қазақша");

  while (g_str_equal (rc_survey_view_get_screen (fixture->view), "question"))
    {
      GtkWidget *question = GTK_WIDGET (current_question (fixture));
      GtkWidget *check = rc_test_find_widget (question, GTK_TYPE_CHECK_BUTTON);
      GtkWidget *entry = rc_test_find_widget (question, GTK_TYPE_ENTRY);

      assert_screen_targets (fixture);
      if (check != NULL && !gtk_check_button_get_active (GTK_CHECK_BUTTON (check)))
        gtk_widget_activate (check);
      else if (entry != NULL && gtk_entry_get_text_length (GTK_ENTRY (entry)) == 0)
        gtk_editable_set_text (GTK_EDITABLE (entry), "7");
      click (fixture, "Келесі");
    }

  assert_screen_targets (fixture);
  send_answers (fixture, "Жауаптарды жіберу");
  assert_screen_targets (fixture);
}

static GtkWidget *
focused (Fixture *fixture)
{
  return gtk_window_get_focus (fixture->window);
}

/* Presses Tab until @target has the focus, as she would, watching the
 * focus ring move. */
static void
tab_to (Fixture   *fixture,
        GtkWidget *target)
{
  for (guint tabs = 0; focused (fixture) != target; tabs++)
    {
      if (tabs == 40)
        g_error ("Tab never reached “%s” on the %s screen", gtk_button_get_label (GTK_BUTTON (target)),
                 rc_survey_view_get_screen (fixture->view));
      rc_test_press_keys ("Tab");
    }
}

/* The whole survey with the keyboard alone, as a woman who cannot use a
 * pointer answers it: Tab to move, Space to choose, digits and letters
 * typed, Return on the button. */
static void
test_survey_view_keyboard_only (Fixture       *fixture,
                                gconstpointer  data)
{
  guint pages = 0;

  rc_test_wait_until (gtk_window_is_active (fixture->window));
  tab_to (fixture, rc_test_find_button (GTK_WIDGET (fixture->view), "Қазақша"));
  rc_test_press_keys ("Return");

  while (g_str_equal (rc_survey_view_get_screen (fixture->view), "question"))
    {
      GtkWidget *answer = focused (fixture);

      g_assert_cmpuint (pages++, <, 60);
      g_assert_nonnull (answer);
      /* Each page puts the focus on its first answer; a note has none. */
      if (!gtk_widget_is_ancestor (answer, GTK_WIDGET (current_question (fixture))))
        g_assert_cmpint (rc_question_view_get_question (current_question (fixture))->type, ==, RC_QUESTION_NOTE);
      else if (GTK_IS_TEXT (answer))
        rc_test_press_keys ("7");
      else if (GTK_IS_TEXT_VIEW (answer))
        rc_test_press_keys ("a b c");
      else
        rc_test_press_keys ("space");
      tab_to (fixture, rc_test_find_button (GTK_WIDGET (fixture->view), "Келесі"));
      rc_test_press_keys ("Return");
    }

  g_assert_cmpstr (rc_survey_view_get_screen (fixture->view), ==, "review");
  tab_to (fixture, rc_test_find_button (GTK_WIDGET (fixture->view), "Жауаптарды жіберу"));
  rc_test_press_keys ("Return");
  rc_test_wait_until (!g_str_equal (rc_survey_view_get_screen (fixture->view), "review"));
  g_assert_cmpstr (rc_survey_view_get_screen (fixture->view), ==, "thanks");
  g_assert_cmpint (rc_response_store_count (fixture->store, NULL, NULL), ==, 1);
}

static gint64
largest_database_file (const char *data_dir)
{
  static const char * const suffixes[] = { "", "-wal", "-shm" };
  gint64 largest = 0;

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (RC_DATABASE_FILE_NAME, suffixes[i], NULL);
      g_autofree char *path = g_build_filename (data_dir, name, NULL);
      GStatBuf st;

      if (g_stat (path, &st) == 0)
        largest = MAX (largest, st.st_size);
    }
  return largest;
}

/* The disk is full when she sends: she is told, calmly, to ask the staff;
 * nothing half-written stays; her answers wait on the review, and once
 * there is room again, sending works. */
static void
test_survey_view_disk_full (Fixture       *fixture,
                            gconstpointer  data)
{
  struct rlimit unlimited;
  struct rlimit full;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  walk_to (fixture, NULL);

  /* No file may grow: the next page SQLite writes finds the disk full. */
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &unlimited), ==, 0);
  full = unlimited;
  full.rlim_cur = largest_database_file (fixture->data_dir);
  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &full), ==, 0);

  send_answers (fixture, "Жауаптарды жіберу");
  g_assert_cmpstr (rc_survey_view_get_screen (fixture->view), ==, "review");
  /* Return sends them again, for whoever answers with the keyboard. */
  g_assert_true (focused (fixture) ==
                 rc_test_find_button (GTK_WIDGET (fixture->view), "Жауаптарды жіберу"));
  g_assert_true (screen_shows_text (GTK_WIDGET (fixture->view),
                                    _("Your answers could not be saved. Please ask a member of staff for help.")));
  g_assert_nonnull (rc_survey_view_get_response (fixture->view));
  g_assert_cmpint (rc_test_query_int (fixture->database, "SELECT count(*) FROM responses"), ==, 0);
  g_assert_cmpint (rc_test_query_int (fixture->database, "SELECT count(*) FROM answers"), ==, 0);

  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &unlimited), ==, 0);
  send_answers (fixture, "Жауаптарды жіберу");
  g_assert_cmpstr (rc_survey_view_get_screen (fixture->view), ==, "thanks");
  g_assert_cmpint (rc_test_query_int (fixture->database, "SELECT count(*) FROM responses"), ==, 1);
  g_assert_true (rc_database_check (fixture->database, NULL));
}

/* Another program writes to the database as she presses Send (an import,
 * a news refresh): the kiosk goes on drawing in front of her, and nothing
 * on the review can be changed or pressed twice while her answers wait.
 * Once the database is free they are saved, once, and she is thanked. */
static void
test_survey_view_send_while_busy (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(RcDatabase) other = rc_test_open_database (fixture->data_dir);
  g_autoptr(GError) error = NULL;
  const char *not_saved = _("Your answers could not be saved. "
                            "Please ask a member of staff for help.");
  GtkWidget *stack;
  GtkWidget *review;
  GtkWidget *send;

  walk_to (fixture, NULL);
  /* The screen she sees, the review, and its buttons. */
  stack = rc_test_find_widget (GTK_WIDGET (fixture->view), GTK_TYPE_STACK);
  review = gtk_stack_get_visible_child (GTK_STACK (stack));
  send = rc_test_find_button (review, "Жауаптарды жіберу");
  g_assert_true (rc_database_exec (other, "BEGIN IMMEDIATE", &error));
  g_assert_no_error (error);

  click (fixture, "Жауаптарды жіберу");
  rc_test_wait_for_frames (GTK_WIDGET (fixture->view), 10);

  g_assert_cmpstr (rc_survey_view_get_screen (fixture->view), ==, "review");
  g_assert_false (gtk_widget_is_sensitive (send));
  g_assert_false (gtk_widget_is_sensitive (rc_test_find_button (review, "Артқа")));
  g_assert_false (gtk_widget_is_sensitive (rc_test_find_button (review, "Өзгерту")));
  g_assert_false (screen_shows_text (GTK_WIDGET (fixture->view), not_saved));
  g_assert_cmpint (rc_test_query_int (fixture->database, "SELECT count(*) FROM responses"), ==, 0);

  g_assert_true (rc_database_exec (other, "COMMIT", &error));
  g_assert_no_error (error);
  rc_test_wait_until (!g_str_equal (rc_survey_view_get_screen (fixture->view), "review"));
  g_assert_cmpstr (rc_survey_view_get_screen (fixture->view), ==, "thanks");
  g_assert_cmpint (rc_test_query_int (fixture->database, "SELECT count(*) FROM responses"), ==, 1);
}

static gboolean
popover_shown (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    if ((GTK_IS_POPOVER (child) && gtk_widget_get_visible (child)) || popover_shown (child))
      return TRUE;
  return FALSE;
}

/* Clicks @button of the mouse on the middle of @widget: without a window
 * manager the window sits at the top left corner of the screen. */
static void
click_on (GtkWidget *widget,
          guint      button)
{
  g_autofree char *keys = NULL;
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, GTK_WIDGET (gtk_widget_get_root (widget)), &bounds));
  keys = g_strdup_printf ("xdotool mousemove %d %d click %u",
                          (int)(bounds.origin.x + bounds.size.width / 2),
                          (int)(bounds.origin.y + bounds.size.height / 2), button);
  g_assert_true (g_spawn_command_line_sync (keys, NULL, NULL, NULL, NULL));
  for (guint i = 0; i < 20; i++)
    {
      g_usleep (10000);
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }
}

/* What she types stays in the field, and nothing comes in from outside:
 * no paste, no menu, no middle-click paste, from keyboard or mouse. */
static void
test_survey_view_text_fields_sealed (Fixture       *fixture,
                                     gconstpointer  data)
{
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (fixture->view));
  GtkWidget *entry;

  walk_to (fixture, "q_short");
  entry = rc_test_find_widget (GTK_WIDGET (current_question (fixture)), GTK_TYPE_ENTRY);
  g_assert_nonnull (entry);
  gdk_clipboard_set_text (gdk_display_get_clipboard (display), "from the last person");
  gdk_clipboard_set_text (gdk_display_get_primary_clipboard (display), "selected elsewhere");

  gtk_editable_set_text (GTK_EDITABLE (entry), "Мен");
  gtk_widget_grab_focus (entry);
  gtk_editable_set_position (GTK_EDITABLE (entry), -1);
  rc_test_press_keys ("ctrl+v shift+Insert");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Мен");

  rc_test_press_keys ("shift+F10");
  g_assert_false (popover_shown (entry));
  rc_test_press_keys ("Menu");
  g_assert_false (popover_shown (entry));

  click_on (entry, 3);
  g_assert_false (popover_shown (entry));
  click_on (entry, 2);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Мен");

  /* Her own words are not put on the clipboard either. */
  gtk_editable_select_region (GTK_EDITABLE (entry), 0, -1);
  rc_test_press_keys ("ctrl+c ctrl+x");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Мен");

  /* Typing works as ever. */
  gtk_editable_set_position (GTK_EDITABLE (entry), -1);
  rc_test_press_keys ("space");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Мен ");
}

static void
test_survey_view_idle_reset (Fixture       *fixture,
                             gconstpointer  data)
{
  GtkWindow *dialog;

  g_object_set (fixture->view, "idle-seconds", 1, "still-there-seconds", 2, NULL);
  click (fixture, "Русский");
  choose (fixture, "ru Option c");
  click (fixture, "Далее");
  choose (fixture, "ru Option y");

  /* She walked away: the kiosk asks, then clears. */
  rc_test_wait_until (rc_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL);
  dialog = rc_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Вы ещё здесь?");
  g_assert_cmpstr (rc_survey_view_get_screen (fixture->view), ==, "question");

  rc_test_wait_until (g_strcmp0 (rc_survey_view_get_screen (fixture->view), "welcome") == 0);
  g_assert_null (rc_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_null (rc_survey_view_get_response (fixture->view));
  g_assert_false (screen_shows_text (GTK_WIDGET (fixture->view), "ru Option y"));
  g_assert_cmpint (rc_response_store_count (fixture->store, NULL, NULL), ==, 0);
}

static void
test_survey_view_still_there (Fixture       *fixture,
                              gconstpointer  data)
{
  GtkWindow *dialog;

  g_object_set (fixture->view, "idle-seconds", 1, "still-there-seconds", 30, NULL);
  click (fixture, "Қазақша");
  choose (fixture, "kk Option b");

  rc_test_wait_until (rc_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL);
  dialog = rc_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  rc_test_press_button (rc_test_find_button (GTK_WIDGET (dialog), "_Жалғастыру"));

  /* She is back where she was, with her answer. */
  rc_test_wait_until (rc_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == NULL);
  assert_question (fixture, "q_single");
  g_assert_nonnull (rc_response_get_answer (rc_survey_view_get_response (fixture->view), "q_single"));
}

/* Every question of the bundled survey, in each language, fits a 360 px
 * screen beside the page's margins. */
static void
test_survey_view_questions_fit_narrow_screen (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RcSurvey) survey = rc_survey_new_bundled (&error);
  const char * const *languages;
  GPtrArray *questions;

  g_assert_no_error (error);
  languages = rc_survey_get_languages (survey);
  questions = rc_survey_get_questions (survey);

  for (guint l = 0; languages[l] != NULL; l++)
    {
      g_autoptr(RcResponse) response = rc_response_new (survey, languages[l]);

      for (guint i = 0; i < questions->len; i++)
        {
          RcQuestion *question = g_ptr_array_index (questions, i);
          GtkWidget *view = g_object_ref_sink (rc_question_view_new (response, question));
          int minimum = 0;

          gtk_widget_measure (view, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
          if (minimum > 360 - 2 * 18)
            g_error ("%s in %s needs %d px", question->id, languages[l], minimum);
          g_object_unref (view);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  rc_test_ui_init ();

  g_test_add_func ("/survey-view/questions-fit-narrow-screen", test_survey_view_questions_fit_narrow_screen);
  g_test_add ("/survey-view/complete", Fixture, NULL,
              fixture_set_up, test_survey_view_complete, fixture_tear_down);
  g_test_add ("/survey-view/quick-exit", Fixture, NULL,
              fixture_set_up, test_survey_view_quick_exit, fixture_tear_down);
  g_test_add ("/survey-view/quick-exit-everywhere", Fixture, NULL,
              fixture_set_up, test_survey_view_quick_exit_everywhere, fixture_tear_down);
  g_test_add ("/survey-view/keyboard-only", Fixture, NULL,
              fixture_set_up, test_survey_view_keyboard_only, fixture_tear_down);
  g_test_add ("/survey-view/large-targets", Fixture, NULL,
              fixture_set_up, test_survey_view_large_targets, fixture_tear_down);
  g_test_add ("/survey-view/larger-text", Fixture, NULL,
              fixture_set_up, test_survey_view_larger_text, fixture_tear_down);
  g_test_add ("/survey-view/text-fields-sealed", Fixture, NULL,
              fixture_set_up, test_survey_view_text_fields_sealed, fixture_tear_down);
  g_test_add ("/survey-view/send-while-busy", Fixture, NULL,
              fixture_set_up, test_survey_view_send_while_busy, fixture_tear_down);
  g_test_add ("/survey-view/disk-full", Fixture, NULL,
              fixture_set_up, test_survey_view_disk_full, fixture_tear_down);
  g_test_add ("/survey-view/idle-reset", Fixture, NULL,
              fixture_set_up, test_survey_view_idle_reset, fixture_tear_down);
  g_test_add ("/survey-view/still-there", Fixture, NULL,
              fixture_set_up, test_survey_view_still_there, fixture_tear_down);

  return g_test_run ();
}
