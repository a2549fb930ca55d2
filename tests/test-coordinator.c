/* test-coordinator.c: the coordinator place, from the first PIN to kiosk mode
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* For RTLD_NEXT. */
#define _GNU_SOURCE

#include "config.h"

#include <adwaita.h>
#include <dlfcn.h>
#include <glib/gi18n.h>
#include <sqlite3.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "rc-active-survey.h"
#include "rc-export.h"
#include "rc-application.h"
#include "rc-coordinator-view.h"
#include "rc-language.h"
#include "rc-pin.h"
#include "rc-response-store.h"
#include "rc-survey-view.h"
#include "rc-chart-view.h"
#include "rc-results-view.h"
#include "rc-test-portal.h"
#include "rc-test-ui.h"
#include "rc-test-utils.h"
#include "rc-window.h"

#define PIN "2580"

static RcWindow *
open_coordinator_place (RcApplication *app)
{
  RcWindow *window = g_object_ref (rc_window_new (app));

  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.place", "s", "coordinator"));
  rc_test_wait_until (gtk_widget_get_mapped (GTK_WIDGET (window)));

  return window;
}

/* The coordinator place of an installation whose PIN is already set. */
static RcWindow *
open_with_pin (RcApplication *app)
{
  g_autoptr(RcPin) pin = rc_pin_new (rc_application_get_database (app));
  g_autoptr(GError) error = NULL;

  g_assert_true (rc_pin_set (pin, PIN, &error));
  g_assert_no_error (error);

  return open_coordinator_place (app);
}

static RcCoordinatorView *
coordinator_view (RcWindow *window)
{
  return RC_COORDINATOR_VIEW (rc_test_find_widget (GTK_WIDGET (window), RC_TYPE_COORDINATOR_VIEW));
}

/* The page of the coordinator place a person sees: "locked", "set-pin" or
 * "unlocked". */
static const char *
shown_page (RcWindow *window)
{
  GtkStack *stack = GTK_STACK (rc_test_find_widget (GTK_WIDGET (coordinator_view (window)), GTK_TYPE_STACK));

  return gtk_stack_get_visible_child_name (stack);
}

static GtkWidget *
shown_page_widget (RcWindow *window)
{
  GtkStack *stack = GTK_STACK (rc_test_find_widget (GTK_WIDGET (coordinator_view (window)), GTK_TYPE_STACK));

  return gtk_stack_get_visible_child (stack);
}

/* The entry below @root with the placeholder a person reads in it. */
static GtkEditable *
find_entry (GtkWidget  *root,
            const char *placeholder)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkEditable *found;

      if (GTK_IS_ENTRY (child) &&
          g_strcmp0 (gtk_entry_get_placeholder_text (GTK_ENTRY (child)), placeholder) == 0)
        return GTK_EDITABLE (child);
      if ((found = find_entry (child, placeholder)))
        return found;
    }

  return NULL;
}

/* The widget after @child below @root, depth first; NULL at the end. */
static GtkWidget *
next_in_tree (GtkWidget *child,
              GtkWidget *root)
{
  if (gtk_widget_get_first_child (child) != NULL)
    return gtk_widget_get_first_child (child);

  while (child != root && gtk_widget_get_next_sibling (child) == NULL)
    child = gtk_widget_get_parent (child);

  return child == root ? NULL : gtk_widget_get_next_sibling (child);
}

/* The error message shown on the current page, or NULL. */
static const char *
shown_problem (RcWindow *window)
{
  GtkWidget *page = shown_page_widget (window);

  for (GtkWidget *child = gtk_widget_get_first_child (page); child != NULL;)
    {
      if (GTK_IS_LABEL (child) && gtk_widget_has_css_class (child, "error"))
        return gtk_widget_get_visible (child) ? gtk_label_get_text (GTK_LABEL (child)) : NULL;

      child = next_in_tree (child, page);
    }

  return NULL;
}

static void
set_pin (RcWindow   *window,
         const char *pin,
         const char *repeated)
{
  GtkWidget *page = shown_page_widget (window);

  gtk_editable_set_text (find_entry (page, _("New PIN")), pin);
  gtk_editable_set_text (find_entry (page, _("Repeat the PIN")), repeated);
  rc_test_press_button (rc_test_find_button (page, _("_Set PIN")));
}

static void
unlock (RcWindow   *window,
        const char *pin)
{
  GtkWidget *page = shown_page_widget (window);

  gtk_editable_set_text (find_entry (page, _("PIN")), pin);
  rc_test_press_button (rc_test_find_button (page, _("_Unlock")));
}

static void
test_coordinator_first_pin_and_lock (void)
{
  g_autofree char *data_dir = rc_test_make_temp_dir ();
  g_autoptr(RcApplication) app = rc_test_application_new (data_dir);
  g_autoptr(RcPin) pin = rc_pin_new (rc_application_get_database (app));
  RcWindow *window = open_coordinator_place (app);

  /* A first start asks for a PIN, and nothing else is there to see. */
  g_assert_cmpstr (shown_page (window), ==, "set-pin");
  g_assert_false (rc_coordinator_view_get_unlocked (coordinator_view (window)));
  g_assert_false (gtk_widget_get_visible (rc_test_find_button (shown_page_widget (window), "_Cancel")));

  set_pin (window, "2580", "2850");
  g_assert_cmpstr (shown_problem (window), ==, "The two PINs are not the same. Type them again.");
  g_assert_false (rc_pin_is_set (pin));

  set_pin (window, "25", "25");
  g_assert_nonnull (shown_problem (window));
  g_assert_nonnull (strstr (shown_problem (window), "4"));
  g_assert_false (rc_pin_is_set (pin));

  set_pin (window, PIN, PIN);
  g_assert_true (rc_pin_is_set (pin));
  g_assert_cmpstr (shown_page (window), ==, "unlocked");
  g_assert_true (rc_coordinator_view_get_unlocked (coordinator_view (window)));

  /* Lock: the PIN is asked for again, a wrong one refused with why. */
  rc_test_press_button (rc_test_find_button (GTK_WIDGET (window), "_Lock"));
  g_assert_cmpstr (shown_page (window), ==, "locked");
  unlock (window, "1111");
  g_assert_cmpstr (shown_problem (window), ==, "This PIN is not right");
  g_assert_cmpstr (shown_page (window), ==, "locked");

  /* Typed on the keyboard alone: the entry has the focus, Return unlocks. */
  rc_test_press_keys ("2 5 8 0 Return");
  rc_test_wait_until (g_strcmp0 (shown_page (window), "unlocked") == 0);
  g_assert_null (shown_problem (window));

  /* Left alone, it locks itself. */
  g_object_set (coordinator_view (window), "lock-seconds", 1, NULL);
  rc_test_wait_until (g_strcmp0 (shown_page (window), "locked") == 0);
  g_assert_false (rc_coordinator_view_get_unlocked (coordinator_view (window)));

  rc_test_destroy_window (window);
}

static void
test_coordinator_lockout (void)
{
  g_autofree char *data_dir = rc_test_make_temp_dir ();
  g_autoptr(RcApplication) app = rc_test_application_new (data_dir);
  RcWindow *window = open_with_pin (app);

  g_assert_cmpstr (shown_page (window), ==, "locked");

  for (guint i = 0; i < RC_PIN_FREE_TRIES; i++)
    unlock (window, "0000");

  /* Now even the right PIN waits. */
  unlock (window, PIN);
  g_assert_cmpstr (shown_page (window), ==, "locked");
  g_assert_nonnull (strstr (shown_problem (window), "seconds"));

  rc_test_destroy_window (window);
}

static void
test_coordinator_change_pin (void)
{
  g_autofree char *data_dir = rc_test_make_temp_dir ();
  g_autoptr(RcApplication) app = rc_test_application_new (data_dir);
  RcWindow *window = open_with_pin (app);

  unlock (window, PIN);
  g_assert_cmpstr (shown_page (window), ==, "unlocked");

  /* Changing can be given up. */
  rc_test_press_button (rc_test_find_button (GTK_WIDGET (window), "C_hange…"));
  g_assert_cmpstr (shown_page (window), ==, "set-pin");
  rc_test_press_button (rc_test_find_button (shown_page_widget (window), "_Cancel"));
  g_assert_cmpstr (shown_page (window), ==, "unlocked");

  rc_test_press_button (rc_test_find_button (GTK_WIDGET (window), "C_hange…"));
  set_pin (window, "13579", "13579");
  g_assert_cmpstr (shown_page (window), ==, "unlocked");

  rc_test_press_button (rc_test_find_button (GTK_WIDGET (window), "_Lock"));
  unlock (window, PIN);
  g_assert_cmpstr (shown_page (window), ==, "locked");
  unlock (window, "13579");
  g_assert_cmpstr (shown_page (window), ==, "unlocked");

  rc_test_destroy_window (window);
}

/* The desktop portal's file chooser, which a person answers. */
static RcTestPortal *portal;

/* Waits until the app asks for a file to open ("OpenFile") or a name to
 * save under ("SaveFile"). */
static void
wait_for_file_request (const char *method)
{
  rc_test_wait_until (rc_test_portal_has_request (portal));
  g_assert_cmpstr (rc_test_portal_get_method (portal), ==, method);
}

/* Picks @path in the file chooser the button opened, as a person would. */
static void
choose_file (RcWindow   *window,
             const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  rc_test_press_button (rc_test_find_button (GTK_WIDGET (window), "_Choose File…"));
  wait_for_file_request ("OpenFile");
  rc_test_portal_choose (portal, file, NULL, NULL);
}

/* The last label below @widget: the number at the end of a row. */
static GtkLabel *
last_label (GtkWidget *widget)
{
  GtkLabel *found = GTK_IS_LABEL (widget) ? GTK_LABEL (widget) : NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *label = last_label (child);

      if (label != NULL)
        found = label;
    }

  return found;
}

static GtkWidget *
find_row (GtkWidget  *root,
          const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (root) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = find_row (child, title);

      if (row != NULL)
        return row;
    }

  return NULL;
}

static const char *
survey_row_subtitle (RcWindow *window)
{
  GtkWidget *row = find_row (shown_page_widget (window), "Survey");

  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
}

/* The survey place, as the next respondent finds it: its welcome, with the
 * title of @survey in Kazakh. */
static void
assert_survey_place_welcomes (RcWindow *window,
                              RcSurvey *survey)
{
  GtkWidget *survey_view;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.place", "s", "survey"));
  survey_view = rc_test_find_widget (GTK_WIDGET (window), RC_TYPE_SURVEY_VIEW);
  g_assert_cmpstr (rc_survey_view_get_screen (RC_SURVEY_VIEW (survey_view)), ==, "welcome");
  g_assert_nonnull (rc_test_find_label (survey_view, rc_survey_get_title (survey)->kk));
}

static void
test_coordinator_chooses_survey (void)
{
  g_autofree char *data_dir = rc_test_make_temp_dir ();
  g_autoptr(RcApplication) app = rc_test_application_new (data_dir);
  g_autofree char *bad = g_test_build_filename (G_TEST_DIST, "fixtures", "surveys", "error-several.json", NULL);
  g_autofree char *good = g_test_build_filename (G_TEST_DIST, "fixtures", "surveys", "all-types.json", NULL);
  g_autofree char *bundled_file = g_test_build_filename (G_TEST_DIST, "..", "data", "surveys",
                                                        "womens-rights-express.json", NULL);
  g_autofree char *installed = g_build_filename (data_dir, RC_ACTIVE_SURVEY_FILE_NAME, NULL);
  g_autoptr(RcSurvey) expected = NULL;
  g_autoptr(GError) error = NULL;
  RcSurvey *bundled = rc_application_get_survey (app);
  g_autofree char *bundled_subtitle = NULL;
  AdwMessageDialog *dialog;
  GtkLabel *problems;
  RcWindow *window;

  window = open_with_pin (app);
  unlock (window, PIN);
  bundled_subtitle = g_strdup (survey_row_subtitle (window));
  g_assert_nonnull (strstr (bundled_subtitle, rc_survey_get_title (bundled)->en));

  /* A broken definition is refused with its errors; nothing changes. */
  choose_file (window, bad);
  rc_test_wait_until (rc_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL);
  dialog = ADW_MESSAGE_DIALOG (rc_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "This Survey Cannot Be Used");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "error-several.json"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "The survey asked until now stays."));
  problems = GTK_LABEL (rc_test_find_widget (adw_message_dialog_get_extra_child (dialog), GTK_TYPE_LABEL));
  g_assert_nonnull (strstr (gtk_label_get_text (problems), "sections[0].questions[2].type: unknown question type"));
  rc_test_press_button (rc_test_find_button (GTK_WIDGET (dialog), "_Close"));
  rc_test_wait_until (rc_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == NULL);
  g_assert_true (rc_application_get_survey (app) == bundled);
  g_assert_cmpstr (survey_row_subtitle (window), ==, bundled_subtitle);
  g_assert_false (g_file_test (installed, G_FILE_TEST_EXISTS));

  /* A good one is what the next respondent gets, also after a restart. */
  expected = rc_survey_new_from_file (good, &error);
  g_assert_no_error (error);
  choose_file (window, good);
  rc_test_wait_until (rc_application_get_survey (app) != bundled);
  g_assert_cmpstr (rc_survey_get_id (rc_application_get_survey (app)), ==, rc_survey_get_id (expected));
  g_assert_nonnull (strstr (survey_row_subtitle (window), rc_survey_get_title (expected)->en));
  g_assert_true (g_file_test (installed, G_FILE_TEST_EXISTS));

  {
    g_autoptr(RcSurvey) reloaded = rc_active_survey_load (data_dir, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (rc_survey_get_id (reloaded), ==, rc_survey_get_id (expected));
  }
  /* The survey place had not been shown yet. */
  assert_survey_place_welcomes (window, expected);

  /* Once it has, a survey chosen after replaces the one it shows. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.place", "s", "coordinator"));
  g_assert_cmpstr (shown_page (window), ==, "unlocked");
  g_clear_object (&expected);
  expected = rc_survey_new_from_file (bundled_file, &error);
  g_assert_no_error (error);
  choose_file (window, bundled_file);
  rc_test_wait_until (g_strcmp0 (rc_survey_get_id (rc_application_get_survey (app)), rc_survey_get_id (expected)) == 0);
  assert_survey_place_welcomes (window, expected);

  rc_test_destroy_window (window);
}

static void
test_coordinator_starts_kiosk (void)
{
  g_autofree char *data_dir = rc_test_make_temp_dir ();
  g_autoptr(RcApplication) app = rc_test_application_new (data_dir);
  RcWindow *window = open_coordinator_place (app);
  GtkWindow *dialog;

  /* From the keyboard alone: the first entry has the focus when the place
   * opens, Tab goes to the second, Return sets the PIN. */
  rc_test_wait_until (gtk_window_is_active (GTK_WINDOW (window)));
  rc_test_press_keys ("2 5 8 0 Tab 2 5 8 0 Return");
  rc_test_wait_until (g_strcmp0 (shown_page (window), "unlocked") == 0);

  rc_test_press_button (rc_test_find_button (GTK_WIDGET (window), "_Start"));

  g_assert_true (rc_window_get_kiosk (window));
  g_assert_cmpstr (rc_window_get_place (window), ==, "survey");
  g_assert_false (gtk_widget_get_visible (rc_test_find_widget (GTK_WIDGET (window), ADW_TYPE_HEADER_BAR)));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "quit"));
  /* Whoever leaves the kiosk finds the results locked. */
  g_assert_false (rc_coordinator_view_get_unlocked (coordinator_view (window)));
  /* The screen does not blank while the kiosk waits for the next person. */
  g_assert_cmpuint (rc_test_portal_get_n_inhibitions (portal), ==, 1);

  /* The PIN leaves it, as for --kiosk. */
  rc_test_press_button (rc_test_find_action (GTK_WIDGET (window), "win.leave-kiosk"));
  rc_test_wait_until ((dialog = rc_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG)) != NULL &&
                      gtk_window_is_active (dialog));
  rc_test_press_keys ("2 5 8 0 Return");
  rc_test_wait_until (!rc_window_get_kiosk (window));
  g_assert_true (gtk_widget_get_visible (rc_test_find_widget (GTK_WIDGET (window), ADW_TYPE_HEADER_BAR)));
  rc_test_wait_until (rc_test_portal_get_n_inhibitions (portal) == 0);

  rc_test_destroy_window (window);
}

/* The number the summary shows beside @title, as a person reads it. */
static const char *
count_beside (RcWindow   *window,
              const char *title)
{
  GtkWidget *row = find_row (shown_page_widget (window), title);

  return row != NULL ? gtk_label_get_text (last_label (row)) : NULL;
}

static AdwMessageDialog *
wait_for_message_dialog (void)
{
  GtkWindow *dialog;

  rc_test_wait_until ((dialog = rc_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG)) != NULL);
  return ADW_MESSAGE_DIALOG (dialog);
}

/* The toast on show. */
static GtkWidget *
find_shown_toast (RcWindow *window)
{
  GtkWidget *toast = NULL;

  /* libadwaita 1.2 has no API to list the toasts; its widget for one is
   * private, but a type like any other. */
  rc_test_wait_until ((toast = rc_test_find_widget (GTK_WIDGET (window), g_type_from_name ("AdwToastWidget"))) != NULL);
  return toast;
}

/* The title of the toast on show, as a person reads it. */
static const char *
shown_toast_title (RcWindow *window)
{
  return gtk_label_get_text (GTK_LABEL (rc_test_find_widget (find_shown_toast (window), GTK_TYPE_LABEL)));
}

static void
test_coordinator_exports_and_merges (void)
{
  g_autofree char *data_dir = rc_test_make_temp_dir ();
  g_autofree char *other_dir = rc_test_make_temp_dir ();
  g_autofree char *csv_path = g_build_filename (data_dir, "answers.csv", NULL);
  g_autofree char *other_path = g_build_filename (other_dir, "other.json", NULL);
  g_autoptr(GFile) other_file = g_file_new_for_path (other_path);
  g_autoptr(GFile) csv_file = g_file_new_for_path (csv_path);
  g_autoptr(RcApplication) app = NULL;
  RcExportOptions json = { RC_EXPORT_FORMAT_JSON, NULL, NULL, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  g_auto(GStrv) lines = NULL;
  AdwMessageDialog *dialog;
  GtkEditable *first_day;
  GtkWidget *open_folder;
  gint64 n_written;
  RcWindow *window;

  rc_test_save_response (data_dir, "kk");
  rc_test_save_response (data_dir, "ru");
  rc_test_save_response (other_dir, "kk");
  g_assert_true (rc_export_write (other_dir, other_path, &json, NULL, NULL, &n_written, &error));
  g_assert_no_error (error);

  app = rc_test_application_new (data_dir);
  window = open_with_pin (app);
  unlock (window, PIN);

  /* At a glance: how many, in which language, counted without holding
   * up the window. */
  rc_test_wait_until (g_strcmp0 (count_beside (window, "All Responses"), "2") == 0);
  g_assert_cmpstr (count_beside (window, "In Kazakh"), ==, "1");
  g_assert_cmpstr (count_beside (window, "In Russian"), ==, "1");

  /* Export as CSV; a day that is not a date cannot be taken. */
  rc_test_press_button (rc_test_find_button (GTK_WIDGET (window), "_Export…"));
  dialog = wait_for_message_dialog ();
  adw_combo_row_set_selected (ADW_COMBO_ROW (rc_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW)), 1);
  first_day = GTK_EDITABLE (rc_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW));
  gtk_editable_set_text (first_day, "2026-13-01");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "choose"));
  gtk_editable_set_text (first_day, "2020-01-01");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "choose"));
  /* A dialog's buttons are heard by their words once, as the window's. */
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (rc_test_find_button (GTK_WIDGET (dialog),
                                                                                         "_Choose File…")),
                                                    GTK_ACCESSIBLE_PROPERTY_LABEL));
  rc_test_press_button (rc_test_find_button (GTK_WIDGET (dialog), "_Choose File…"));

  /* A name is suggested; another folder and name are chosen. */
  wait_for_file_request ("SaveFile");
  name = rc_test_portal_dup_option (portal, "current_name");
  g_assert_true (g_str_has_prefix (name, "responses-") && g_str_has_suffix (name, ".csv"));
  rc_test_portal_choose (portal, csv_file, NULL, NULL);

  rc_test_wait_until (g_file_test (csv_path, G_FILE_TEST_EXISTS) || rc_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  /* A failed export says why in a dialog. */
  if (rc_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG))
    g_error ("The export failed: %s",
             adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (rc_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG))));
  g_assert_true (g_file_get_contents (csv_path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF" "response_id,"));
  lines = g_strsplit (contents, "\r\n", -1);
  /* The header, a row per response, and the end of the last line. */
  g_assert_cmpuint (g_strv_length (lines), ==, 4);

  /* A toast tells where it went, with a way there: a screen reader hears
   * the button's words once, without GTK 4.8's label as written first. */
  open_folder = rc_test_find_button (find_shown_toast (window), "_Open Folder");
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (open_folder),
                                                    GTK_ACCESSIBLE_PROPERTY_LABEL));

  /* Merge another kiosk's export, once the export has finished. */
  rc_test_wait_until (gtk_widget_is_sensitive (rc_test_find_button (GTK_WIDGET (window), "_Import…")));
  rc_test_press_button (rc_test_find_button (GTK_WIDGET (window), "_Import…"));
  wait_for_file_request ("OpenFile");
  rc_test_portal_choose (portal, other_file, NULL, NULL);
  rc_test_wait_until (g_strcmp0 (count_beside (window, "All Responses"), "3") == 0);
  g_assert_cmpstr (count_beside (window, "In Kazakh"), ==, "2");

  /* A CSV cannot be merged: it says so, and nothing changes. */
  rc_test_press_button (rc_test_find_button (GTK_WIDGET (window), "_Import…"));
  wait_for_file_request ("OpenFile");
  rc_test_portal_choose (portal, csv_file, NULL, NULL);
  dialog = wait_for_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "This File Cannot Be Merged");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "only JSON exports can be merged"));
  rc_test_press_button (rc_test_find_button (GTK_WIDGET (dialog), "_Close"));
  g_assert_cmpstr (count_beside (window, "All Responses"), ==, "3");

  rc_test_destroy_window (window);
}


/* Where a thread of the app waits until the test lets it go. */
typedef struct
{
  GMutex   lock;
  GCond    released_cond;
  gboolean waiting;
  gboolean released;
} Gate;

static void
gate_pass (Gate *gate)
{
  g_mutex_lock (&gate->lock);
  gate->waiting = TRUE;
  while (!gate->released)
    g_cond_wait (&gate->released_cond, &gate->lock);
  gate->waiting = FALSE;
  g_mutex_unlock (&gate->lock);
}

static gboolean
gate_is_waiting (Gate *gate)
{
  gboolean waiting;

  g_mutex_lock (&gate->lock);
  waiting = gate->waiting;
  g_mutex_unlock (&gate->lock);
  return waiting;
}

static void
gate_release (Gate *gate)
{
  g_mutex_lock (&gate->lock);
  gate->released = TRUE;
  g_cond_broadcast (&gate->released_cond);
  g_mutex_unlock (&gate->lock);
}

/* The window's own thread never waits at a gate: nothing could let it go
 * there, and the test would never see it waiting. */
static GThread *window_thread;

/* A USB stick that takes its time: the sync of an export to a file named
 * SLOW_NAME waits until the test lets it go. This program's fsync() stands
 * in for the C library's, also for the app's code. */
#define SLOW_NAME "slow-opinions.json"

static Gate slow_disk;

int
fsync (int fd)
{
  if (g_thread_self () != window_thread && rc_test_is_temporary_of (fd, SLOW_NAME))
    gate_pass (&slow_disk);

  return syscall (SYS_fsync, fd);
}

/* A count that takes its time: after slow_count_stop_at(), a count of the
 * results stops at the first answer of that response until the test lets
 * it go. This program's sqlite3_step() stands in for SQLite's, also for
 * the app's code. */
#define SLOW_COUNT_SQL "SELECT r.rowid, a.question_id"

static struct
{
  Gate   gate;        /* its lock also guards the rest */
  guint  at;          /* the response to stop at, from 1; 0: none */
  guint  reached;     /* responses the count has come to */
  gint64 last_rowid;
} slow_count;

int
sqlite3_step (sqlite3_stmt *stmt)
{
  static gsize sqlite_step = 0;
  gboolean stop = FALSE;
  const char *sql;
  int rc;

  if (g_once_init_enter (&sqlite_step))
    g_once_init_leave (&sqlite_step, (gsize)dlsym (RTLD_NEXT, "sqlite3_step"));
  rc = ((int (*) (sqlite3_stmt *))sqlite_step) (stmt);

  sql = sqlite3_sql (stmt);
  if (rc == SQLITE_ROW && g_thread_self () != window_thread &&
      sql != NULL && g_str_has_prefix (sql, SLOW_COUNT_SQL))
    {
      g_mutex_lock (&slow_count.gate.lock);
      if (slow_count.at > 0 && sqlite3_column_int64 (stmt, 0) != slow_count.last_rowid)
        {
          slow_count.last_rowid = sqlite3_column_int64 (stmt, 0);
          stop = ++slow_count.reached == slow_count.at;
        }
      g_mutex_unlock (&slow_count.gate.lock);
    }
  if (stop)
    gate_pass (&slow_count.gate);

  return rc;
}

static void
slow_count_stop_at (guint response)
{
  g_mutex_lock (&slow_count.gate.lock);
  slow_count.at = response;
  slow_count.reached = 0;
  slow_count.last_rowid = -1;
  slow_count.gate.released = FALSE;
  g_mutex_unlock (&slow_count.gate.lock);
}

/* The readers' opinions on the news go out as their own file; the window
 * does not wait for a slow disk, and Stop leaves no file. */
static void
test_coordinator_exports_opinions (void)
{
  g_autofree char *data_dir = rc_test_make_temp_dir ();
  g_autofree char *out_dir = rc_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (data_dir, "opinions.json", NULL);
  g_autofree char *slow_path = g_build_filename (out_dir, SLOW_NAME, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) slow_file = g_file_new_for_path (slow_path);
  g_autoptr(RcApplication) app = rc_test_application_new (data_dir);
  g_autoptr(RcPost) post = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  GtkWidget *progress_row;
  RcWindow *window;

  post = rc_news_store_get_post (rc_application_get_news_store (app), "bundled:authorised-officials:ru", NULL);
  g_assert_true (rc_news_store_add_opinion (rc_application_get_news_store (app), post, "Диалог.", NULL));

  window = open_with_pin (app);
  unlock (window, PIN);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (find_row (shown_page_widget (window),
                                                                           "Opinions on the News"))),
                   ==, "1 opinion kept, without names");

  /* To a USB stick that is slow to sync: the window goes on meanwhile,
   * showing the export under way and its Stop button. */
  rc_test_press_button (rc_test_find_button (GTK_WIDGET (window), "E_xport…"));
  wait_for_file_request ("SaveFile");
  name = rc_test_portal_dup_option (portal, "current_name");
  g_assert_true (g_str_has_prefix (name, "opinions-"));
  rc_test_portal_choose (portal, slow_file, NULL, NULL);
  rc_test_wait_until (gate_is_waiting (&slow_disk));
  progress_row = find_row (shown_page_widget (window), "Exporting…");
  rc_test_wait_until (gtk_widget_get_mapped (progress_row));
  /* One transfer at a time. */
  g_assert_false (gtk_widget_is_sensitive (rc_test_find_button (GTK_WIDGET (window), "E_xport…")));
  g_assert_false (gtk_widget_is_sensitive (rc_test_find_button (GTK_WIDGET (window), "_Export…")));

  rc_test_press_button (rc_test_find_action (progress_row, "coordinator.cancel-export"));
  gate_release (&slow_disk);
  g_assert_cmpstr (shown_toast_title (window), ==, "The export was cancelled");
  g_assert_false (gtk_widget_get_visible (progress_row));
  g_assert_cmpuint (rc_test_count_entries (out_dir), ==, 0);

  rc_test_wait_until (gtk_widget_is_sensitive (rc_test_find_button (GTK_WIDGET (window), "E_xport…")));
  rc_test_press_button (rc_test_find_button (GTK_WIDGET (window), "E_xport…"));
  wait_for_file_request ("SaveFile");
  rc_test_portal_choose (portal, file, NULL, NULL);

  rc_test_wait_until (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "\"text\":\"Диалог.\""));

  rc_test_destroy_window (window);
}

/* When a survey ends, a coordinator clears the computer of every response
 * and opinion; a slip of the mouse deletes nothing. */
static void
test_coordinator_deletes_responses (void)
{
  g_autofree char *data_dir = rc_test_make_temp_dir ();
  g_autoptr(RcApplication) app = rc_test_application_new (data_dir);
  g_autoptr(RcPost) post = NULL;
  g_autoptr(RcResponseStore) store = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *delete_button;
  RcWindow *window;

  rc_test_save_response (data_dir, "kk");
  rc_test_save_response (data_dir, "ru");
  post = rc_news_store_get_post (rc_application_get_news_store (app), "bundled:authorised-officials:kk", NULL);
  g_assert_true (rc_news_store_add_opinion (rc_application_get_news_store (app), post, "Пікір.", NULL));

  window = open_with_pin (app);
  unlock (window, PIN);
  rc_test_wait_until (g_strcmp0 (count_beside (window, "All Responses"), "2") == 0);

  /* Cancelled: everything stays. */
  delete_button = rc_test_find_button (GTK_WIDGET (window), "_Delete…");
  rc_test_press_button (delete_button);
  dialog = wait_for_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Delete All Responses?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "deleted for good"));
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "delete"), ==, ADW_RESPONSE_DESTRUCTIVE);
  rc_test_press_keys ("Escape");
  rc_test_wait_until (rc_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == NULL);
  g_assert_cmpstr (count_beside (window, "All Responses"), ==, "2");

  /* Confirmed: the figures drop to nothing, and a toast says what went. */
  rc_test_press_button (delete_button);
  dialog = wait_for_message_dialog ();
  rc_test_press_button (rc_test_find_button (GTK_WIDGET (dialog), "_Delete"));
  rc_test_wait_until (g_strcmp0 (count_beside (window, "All Responses"), "0") == 0);
  g_assert_null (find_row (shown_page_widget (window), "In Kazakh"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (find_row (shown_page_widget (window),
                                                                           "Opinions on the News"))),
                   ==, "0 opinions kept, without names");
  g_assert_cmpstr (shown_toast_title (window), ==, "2 responses and 1 opinion deleted");

  store = rc_response_store_new (rc_application_get_database (app));
  g_assert_cmpint (rc_response_store_count (store, NULL, &error), ==, 0);
  g_assert_no_error (error);
  g_assert_cmpint (rc_news_store_count_opinions (rc_application_get_news_store (app), NULL), ==, 0);

  rc_test_destroy_window (window);
}

/* The results page the coordinator sees, once it has finished counting. */
static RcResultsView *
wait_for_results (RcWindow *window)
{
  RcResultsView *view = RC_RESULTS_VIEW (rc_test_find_widget (GTK_WIDGET (window), RC_TYPE_RESULTS_VIEW));

  rc_test_wait_until (g_strcmp0 (shown_page (window), "results") == 0 && !rc_results_view_is_counting (view));
  return view;
}

/* What a screen reader says of the chart on the card headed @heading. */
static char *
describe_chart (RcResultsView *view,
                const char    *heading)
{
  GtkWidget *root = GTK_WIDGET (view);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;)
    {
      if (GTK_IS_LABEL (child) && gtk_widget_has_css_class (child, "heading") &&
          g_str_equal (gtk_label_get_text (GTK_LABEL (child)), heading))
        {
          GtkWidget *chart = rc_test_find_widget (gtk_widget_get_parent (child), RC_TYPE_CHART_VIEW);

          g_assert_nonnull (chart);
          return rc_chart_describe (rc_chart_view_get_chart (RC_CHART_VIEW (chart)));
        }

      child = next_in_tree (child, root);
    }

  return NULL;
}

static void
apply_day (AdwEntryRow *row,
           const char  *day)
{
  gtk_editable_set_text (GTK_EDITABLE (row), day);
  /* The row's own apply button, as a person clicks it. */
  g_signal_emit_by_name (row, "apply");
}

static GtkLabel *
find_label_with_class (GtkWidget  *root,
                       const char *css_class)
{
  if (GTK_IS_LABEL (root) && gtk_widget_has_css_class (root, css_class))
    return GTK_LABEL (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *label = find_label_with_class (child, css_class);

      if (label != NULL)
        return label;
    }

  return NULL;
}

/* The line above the charts: how many responses, from when to when. */
static const char *
summary_of (RcResultsView *view)
{
  return gtk_label_get_text (find_label_with_class (GTK_WIDGET (view), "title-4"));
}

static void
test_coordinator_shows_results (void)
{
  g_autofree char *data_dir = rc_test_make_temp_dir ();
  g_autoptr(RcApplication) app = NULL;
  g_autofree char *single = NULL;
  g_autofree char *kazakh = NULL;
  g_autofree char *grouped = NULL;
  g_autofree char *february = NULL;
  RcResultsView *view;
  AdwEntryRow *since;
  RcWindow *window;

  rc_test_seed_results (data_dir);
  app = rc_test_application_new (data_dir);
  window = open_with_pin (app);
  unlock (window, PIN);

  g_assert_cmpstr (rc_coordinator_view_get_help_page (coordinator_view (window)), ==, "coordinators");
  rc_test_press_button (rc_test_find_button (GTK_WIDGET (window), "_Show"));
  view = wait_for_results (window);
  /* F1 opens the manual's page on the results. */
  g_assert_cmpstr (rc_coordinator_view_get_help_page (coordinator_view (window)), ==, "results");

  g_assert_cmpstr (summary_of (view), ==, "6 responses, submitted from 2026-01-05 to 2026-02-08");
  single = describe_chart (view, "1. Single");
  g_assert_cmpstr (single, ==, "Option a: 3 · 50%; Option b: 0 · 0%; Option c: 1 · 17%; D: 1 · 17%.");

  /* The Kazakh answers alone. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (GTK_WIDGET (view), "Respondents’ Language")), 1);
  view = wait_for_results (window);
  kazakh = describe_chart (view, "1. Single");
  g_assert_cmpstr (kazakh, ==, "Option a: 2 · 67%; Option b: 0 · 0%; Option c: 0 · 0%; D: 1 · 33%.");
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (GTK_WIDGET (view), "Respondents’ Language")), 0);
  view = wait_for_results (window);

  /* From a day on; a day that does not exist is named, and the charts
   * shown stay as they were. */
  since = ADW_ENTRY_ROW (find_row (GTK_WIDGET (view), "First Day (YYYY-MM-DD)"));
  apply_day (since, "2026-02-30");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (since), "error"));
  g_assert_nonnull (strstr (shown_problem (window), "2026-02-30"));
  apply_day (since, "2026-02-01");
  view = wait_for_results (window);
  g_assert_null (shown_problem (window));
  g_assert_cmpstr (summary_of (view), ==, "3 responses, submitted from 2026-02-02 to 2026-02-08");
  february = describe_chart (view, "4. Yes or no");
  g_assert_cmpstr (february, ==, "Yes: 2 · 67%; No: 1 · 33%.");
  apply_day (since, "");
  view = wait_for_results (window);

  /* Broken down by the single choice: every group is under five people,
   * so not even a count of none is shown for it. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (GTK_WIDGET (view), "Break Down By")), 1);
  view = wait_for_results (window);
  grouped = describe_chart (view, "4. Yes or no");
  g_assert_cmpstr (grouped, ==,
                   "Yes: Option a fewer than 5, Option b 0, Option c fewer than 5, D fewer than 5; "
                   "No: Option a fewer than 5, Option b 0, Option c fewer than 5, D fewer than 5.");

  /* Locked, nothing of the answers is left on the page. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "coordinator.lock", NULL));
  g_assert_cmpstr (shown_page (window), ==, "locked");
  g_assert_null (rc_test_find_widget (GTK_WIDGET (view), RC_TYPE_CHART_VIEW));

  rc_test_destroy_window (window);
}

/* A region's responses run to thousands: their counts have their digits
 * grouped, on the coordinator area and on the results page alike. */
static void
test_coordinator_large_counts (void)
{
  g_autofree char *data_dir = rc_test_make_temp_dir ();
  g_autoptr(RcApplication) app = NULL;
  g_autofree char *yes_no = NULL;
  g_autofree char *numbers = NULL;
  RcResultsView *view;
  RcWindow *window;

  rc_test_seed_results (data_dir);
  {
    g_autoptr(RcDatabase) database = rc_test_open_database (data_dir);

    /* 1,234 more, in Russian, each answering yes: beside the four yes and
     * two no of the six. Their numbers, imported from a kiosk whose survey
     * allowed them, go from 0 to 12,330 by tens. */
    g_assert_cmpint (sqlite3_exec (rc_database_get_handle (database),
                                   "WITH RECURSIVE n (i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 1233) "
                                   "INSERT INTO responses (id, survey_id, survey_version, device_id, language, "
                                   "submitted_at, duration_minutes, answers) "
                                   "SELECT printf ('m%05d', i), 'all_types', 3, 'kiosk', 'ru', "
                                   "'2026-03-01T10:00:00Z', 4, "
                                   "printf ('{\"q_yesno\":\"yes\",\"q_number\":%d}', i * 10) FROM n;"
                                   "INSERT INTO answers SELECT id, 'q_yesno', 'yes' FROM responses "
                                   "WHERE id LIKE 'm%';"
                                   "INSERT INTO answers SELECT id, 'q_number', CAST (substr (id, 2) AS INTEGER) * 10 "
                                   "FROM responses WHERE id LIKE 'm%';",
                                   NULL, NULL, NULL), ==, SQLITE_OK);
  }
  app = rc_test_application_new (data_dir);
  window = open_with_pin (app);
  unlock (window, PIN);

  rc_test_wait_until (g_strcmp0 (count_beside (window, "All Responses"), "") != 0);
  g_assert_cmpstr (count_beside (window, "All Responses"), ==, "1,240");
  g_assert_cmpstr (count_beside (window, "In Russian"), ==, "1,237");

  rc_test_press_button (rc_test_find_button (GTK_WIDGET (window), "_Show"));
  view = wait_for_results (window);
  g_assert_cmpstr (summary_of (view), ==, "1,240 responses, submitted from 2026-01-05 to 2026-03-01");
  yes_no = describe_chart (view, "4. Yes or no");
  g_assert_cmpstr (yes_no, ==, "Yes: 1,238 · 100%; No: 2 · 0%.");
  numbers = describe_chart (view, "5. Number");
  g_assert_cmpstr (numbers, ==,
                   "0–1,999: 202 · 16%; 2,000–3,999: 200 · 16%; 4,000–5,999: 200 · 16%; "
                   "6,000–7,999: 200 · 16%; 8,000–9,999: 200 · 16%; 10,000–11,999: 200 · 16%; "
                   "12,000–13,999: 34 · 3%.");

  rc_test_destroy_window (window);
}

/* The days of the responses on the coordinator area are written as the
 * results page writes them, in the language of the app. */
static void
test_coordinator_summary_days_in_language (void)
{
  g_autofree char *data_dir = rc_test_make_temp_dir ();
  g_autoptr(RcApplication) app = NULL;
  GtkWidget *unlock_button;
  GtkWidget *submitted;
  GtkWidget *page;
  RcWindow *window;

  rc_test_seed_results (data_dir);
  app = rc_test_application_new (data_dir);
  window = open_with_pin (app);

  /* The summary is made when the area is unlocked, after the language
   * changed; the widgets made before keep their English. */
  page = shown_page_widget (window);
  gtk_editable_set_text (find_entry (page, "PIN"), PIN);
  unlock_button = rc_test_find_button (page, "_Unlock");
  rc_language_use ("ru");
  rc_test_press_button (unlock_button);
  rc_test_wait_until ((submitted = find_row (shown_page_widget (window), "Даты отправки")) != NULL);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (submitted)), ==, "С 05.01.2026 по 08.02.2026");
  rc_language_use_system ();

  rc_test_destroy_window (window);
}

/* A long count shows how far it has come, as a bar across the top of the
 * page, and says what it does while no figures are shown yet. Locked
 * meanwhile, the page says nothing of it. */
static void
test_coordinator_counting_progress (void)
{
  g_autofree char *data_dir = rc_test_make_temp_dir ();
  g_autoptr(RcApplication) app = NULL;
  RcResultsView *view;
  GtkWidget *bar;
  RcWindow *window;

  rc_test_seed_results (data_dir);
  app = rc_test_application_new (data_dir);
  window = open_with_pin (app);
  unlock (window, PIN);

  /* Stopped at the fourth of the six responses: the first two counted,
   * the third once the count knows it has all of its answers. */
  slow_count_stop_at (4);
  rc_test_press_button (rc_test_find_button (GTK_WIDGET (window), "_Show"));
  rc_test_wait_until (gate_is_waiting (&slow_count.gate));
  view = RC_RESULTS_VIEW (rc_test_find_widget (GTK_WIDGET (window), RC_TYPE_RESULTS_VIEW));
  bar = rc_test_find_widget (GTK_WIDGET (view), GTK_TYPE_PROGRESS_BAR);
  rc_test_wait_until (gtk_widget_get_mapped (bar) &&
                      gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (bar)) > 0);
  g_assert_cmpfloat_with_epsilon (gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (bar)), 2.0 / 6, 1e-9);
  g_assert_cmpstr (summary_of (view), ==, "Counting the responses…");

  gate_release (&slow_count.gate);
  view = wait_for_results (window);
  g_assert_false (gtk_widget_get_visible (bar));
  g_assert_cmpstr (summary_of (view), ==, "6 responses, submitted from 2026-01-05 to 2026-02-08");

  /* The Kazakh answers, counted over the figures shown, until the lock. */
  slow_count_stop_at (2);
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (GTK_WIDGET (view), "Respondents’ Language")), 1);
  rc_test_wait_until (gate_is_waiting (&slow_count.gate) && gtk_widget_get_mapped (bar));
  g_assert_cmpstr (summary_of (view), ==, "6 responses, submitted from 2026-01-05 to 2026-02-08");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "coordinator.lock", NULL));
  g_assert_cmpstr (shown_page (window), ==, "locked");
  g_assert_cmpstr (summary_of (view), ==, "");
  gate_release (&slow_count.gate);
  rc_test_wait_until (!rc_results_view_is_counting (view));
  g_assert_false (gtk_widget_get_visible (bar));
  g_assert_cmpstr (summary_of (view), ==, "");
  g_assert_null (rc_test_find_widget (GTK_WIDGET (view), RC_TYPE_CHART_VIEW));

  rc_test_destroy_window (window);
}

static void
test_coordinator_report (void)
{
  g_autofree char *data_dir = rc_test_make_temp_dir ();
  g_autofree char *report_path = g_build_filename (data_dir, "report.pdf", NULL);
  g_autoptr(GFile) report_file = g_file_new_for_path (report_path);
  g_autofree char *choice = NULL;
  g_autofree char *printed_path = g_build_filename (data_dir, "printed.pdf", NULL);
  g_autoptr(RcApplication) app = NULL;
  g_autofree char *report = NULL;
  g_autofree char *printed = NULL;
  g_autofree char *name = NULL;
  RcResultsView *view;
  RcWindow *window;

  rc_test_seed_results (data_dir);
  app = rc_test_application_new (data_dir);
  window = open_with_pin (app);
  unlock (window, PIN);
  rc_test_press_button (rc_test_find_button (GTK_WIDGET (window), "_Show"));
  view = wait_for_results (window);

  /* Printing draws the same pages; here GTK prints them to a file. Asked
   * for while the page still counts the Kazakh answers, which it goes on
   * to show. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (GTK_WIDGET (view), "Respondents’ Language")), 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "results.print", "s", printed_path));
  rc_test_wait_until (g_file_test (printed_path, G_FILE_TEST_EXISTS) && !rc_results_view_is_counting (view));
  rc_test_wait_until ((printed = rc_test_pdf_text (printed_path)) != NULL && strstr (printed, "Page 1 of") != NULL);
  g_assert_nonnull (strstr (printed, "All types"));
  g_assert_nonnull (strstr (printed, "Filters: answered in Қазақша"));
  g_assert_nonnull (strstr (printed, "Shown: 3 · Answered: 3 · Preferred not to answer: 0"));
  g_assert_cmpstr (summary_of (view), ==, "3 responses, submitted from 2026-01-05 to 2026-02-03");

  /* In Russian, whatever the language of the app. */
  rc_test_press_button (rc_test_find_action (GTK_WIDGET (view), "results.export-report"));
  wait_for_file_request ("SaveFile");
  name = rc_test_portal_dup_option (portal, "current_name");
  g_assert_true (g_str_has_prefix (name, "results-") && g_str_has_suffix (name, ".pdf"));
  /* The app's language is offered first; Русский is picked. */
  choice = rc_test_portal_dup_choice (portal, "language");
  g_assert_cmpstr (choice, ==, "en");
  g_assert_true (rc_test_portal_offers_choice (portal, "language", "Русский"));
  rc_test_portal_choose (portal, report_file, "language", "ru");
  rc_test_wait_until (g_file_test (report_path, G_FILE_TEST_EXISTS) || shown_problem (window) != NULL);
  g_assert_null (shown_problem (window));
  report = rc_test_pdf_text (report_path);
  g_assert_nonnull (strstr (report, "ru All types"));
  g_assert_nonnull (strstr (report, "ru Single"));
  g_assert_nonnull (strstr (report, "Анкет: 3"));
  /* The app itself stays in its language. */
  g_assert_nonnull (rc_test_find_button (GTK_WIDGET (window), "_Lock"));

  rc_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  window_thread = g_thread_self ();
  /* Files are chosen through the desktop portal, as in the Flatpak. */
  g_setenv ("GDK_DEBUG", "portals", TRUE);
  /* What the widgets tell a screen reader is kept, to be checked; no bus. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  rc_test_ui_init ();
  portal = rc_test_portal_start ();

  g_test_add_func ("/coordinator/first-pin-and-lock", test_coordinator_first_pin_and_lock);
  g_test_add_func ("/coordinator/locks-out-after-wrong-pins", test_coordinator_lockout);
  g_test_add_func ("/coordinator/change-pin", test_coordinator_change_pin);
  g_test_add_func ("/coordinator/chooses-survey", test_coordinator_chooses_survey);
  g_test_add_func ("/coordinator/starts-kiosk", test_coordinator_starts_kiosk);
  g_test_add_func ("/coordinator/exports-and-merges", test_coordinator_exports_and_merges);
  g_test_add_func ("/coordinator/shows-results", test_coordinator_shows_results);
  g_test_add_func ("/coordinator/large-counts", test_coordinator_large_counts);
  g_test_add_func ("/coordinator/summary-days-in-language", test_coordinator_summary_days_in_language);
  g_test_add_func ("/coordinator/counting-progress", test_coordinator_counting_progress);
  g_test_add_func ("/coordinator/report", test_coordinator_report);
  g_test_add_func ("/coordinator/exports-opinions", test_coordinator_exports_opinions);
  g_test_add_func ("/coordinator/deletes-responses", test_coordinator_deletes_responses);

  status = g_test_run ();
  rc_test_portal_stop (portal);
  return status;
}
