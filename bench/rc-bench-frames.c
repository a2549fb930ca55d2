/* rc-bench-frames.c: whether the results page keeps the window from
 * drawing. The window asks for a frame at every tick of its clock; what
 * is printed is the longest gap between two frames while the page counts
 * every response of DATA_DIR and shows the charts, beside the longest gap
 * while the same window idles for as long.
 *
 *   rc-bench-frames DATA_DIR   prints "frames IDLE COUNTING SHOWING TIME
 *                              SCROLLING RECOUNTING IDLE_PAGES PAGES
 *                              RECOUNTING_PAGES REDRAWING
 *                              REDRAWING_PAGES": the longest gaps
 *                              while idle, while counting and while the
 *                              charts come, the time to count, the
 *                              longest gap while the finished page
 *                              scrolls, and the longest while it counts
 *                              again and its charts come anew, each in
 *                              ms; then the pages of memory the window's
 *                              thread touched for the first time in the
 *                              longest idle gap, the longest while
 *                              counting or while the charts come, and
 *                              the longest while counting again; last,
 *                              the gap and the pages of the frame that
 *                              draws the finished page whole again
 *                              after its progress bar has moved alone
 *
 *   rc-bench-frames app DATA_DIR
 *                              the same page in the app's own window,
 *                              reached as a coordinator reaches it: the
 *                              coordinator area unlocked (a PIN is set
 *                              in DATA_DIR if it has none), then Show.
 *                              Prints "app IDLE IDLE_PAGES LONGEST
 *                              PAGES HELD TIME": the longest gap while
 *                              the area idles, in ms, and the pages
 *                              touched first in it; the same from Show
 *                              until the charts have come; how many
 *                              frames then were held back more than
 *                              16 ms (gaps over two frames); and the
 *                              time to count, in ms
 *
 * Scrolling draws the whole page again at every frame: what one frame of
 * the page costs to draw on this machine, whatever the page does.
 * Drawing the page whole again after frames that drew only its progress
 * bar is what the toolkit pays for such a frame, with nothing of the
 * page's own work in it: the frames of a count draw the bar, then the
 * page whole.
 * Counting again is what a coordinator who changes a filter sees: the
 * same work as the first count, in a window that has drawn the page once.
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* For RUSAGE_THREAD. */
#define _GNU_SOURCE

#include <adwaita.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "config.h"

#include "rc-active-survey.h"
#include "rc-application.h"
#include "rc-coordinator-view.h"
#include "rc-database.h"
#include "rc-pin.h"
#include "rc-results-view.h"
#include "rc-window.h"

/* Long enough for the idle window to show its usual hiccups, and for the
 * charts to be laid out and drawn once the counting is done. */
#define SETTLE_US (2 * G_USEC_PER_SEC)
/* Long enough for the progress bar to move for some frames, and for the
 * window drawn whole again to show its frame. */
#define TURN_US (G_USEC_PER_SEC / 2)

typedef enum
{
  STARTING,
  IDLING,
  COUNTING,
  SHOWING,
  TURNING,
  REDRAWING,
  SCROLLING,
  RECOUNTING,
} Phase;

/* Where a window's frames are: when its phase began, and its last frame. */
typedef struct
{
  gint64         phase_start;
  gint64         last_frame;
  long           last_faults;
} Ticks;

typedef struct
{
  RcResultsView *view;
  Phase          phase;
  Ticks          ticks;
  gint64         idle_gap;
  gint64         count_gap;
  gint64         show_gap;
  gint64         count_time;
  gint64         redraw_gap;
  gint64         scroll_gap;
  gint64         recount_gap;
  long           idle_pages;      /* touched first in the longest gap of its phase */
  long           count_pages;
  long           show_pages;
  long           redraw_pages;
  long           recount_pages;
  GtkWidget     *window;
  GtkWidget     *progress_bar;
  GtkAdjustment *scrolled;
  gboolean       done;
} Frames;

/* The pages of memory this thread has touched for the first time: its
 * minor page faults. GTK lays out and draws in this thread. */
static long
thread_faults (void)
{
  struct rusage usage;

  getrusage (RUSAGE_THREAD, &usage);
  return usage.ru_minflt;
}

/* Keeps @gap as the longest of its phase, with the pages touched first in it. */
static void
keep_longest (gint64  gap,
              long    pages,
              gint64 *longest,
              long   *longest_pages)
{
  if (gap > *longest)
    {
      *longest = gap;
      *longest_pages = pages;
    }
}

/* A frame has come at @now: the gap since the last, in µs, and the pages
 * touched first in it. */
static gint64
tick (Ticks  *ticks,
      gint64  now,
      long   *pages)
{
  gint64 gap = ticks->last_frame > 0 ? now - ticks->last_frame : 0;
  long faults = thread_faults ();

  *pages = faults - ticks->last_faults;
  ticks->last_frame = now;
  ticks->last_faults = faults;
  if (ticks->phase_start == 0)
    ticks->phase_start = now;

  return gap;
}

static gboolean
on_tick (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  Frames *frames = user_data;
  gint64 now = g_get_monotonic_time ();
  long pages;
  gint64 gap = tick (&frames->ticks, now, &pages);

  switch (frames->phase)
    {
    case STARTING:
      /* The first frames lay the whole window out, page or not. */
      if (now - frames->ticks.phase_start >= SETTLE_US)
        {
          frames->phase = IDLING;
          frames->ticks.phase_start = now;
        }
      break;

    case IDLING:
      keep_longest (gap, pages, &frames->idle_gap, &frames->idle_pages);
      if (now - frames->ticks.phase_start >= SETTLE_US)
        {
          frames->phase = COUNTING;
          frames->ticks.phase_start = now;
          rc_results_view_refresh (frames->view);
        }
      break;

    case COUNTING:
      keep_longest (gap, pages, &frames->count_gap, &frames->count_pages);
      if (!rc_results_view_is_counting (frames->view))
        {
          frames->count_time = now - frames->ticks.phase_start;
          frames->phase = SHOWING;
          frames->ticks.phase_start = now;
        }
      break;

    case SHOWING:
      keep_longest (gap, pages, &frames->show_gap, &frames->show_pages);
      if (now - frames->ticks.phase_start >= SETTLE_US)
        {
          frames->phase = TURNING;
          frames->ticks.phase_start = now;
          gtk_widget_set_visible (frames->progress_bar, TRUE);
        }
      break;

    case TURNING:
      /* Only the bar is drawn, as while the page counts; here at every
       * frame, where a count moves it ten times a second. */
      gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (frames->progress_bar),
                                     (double)(now - frames->ticks.phase_start) / TURN_US);
      if (now - frames->ticks.phase_start >= TURN_US)
        {
          gtk_widget_set_visible (frames->progress_bar, FALSE);
          /* GSK draws again only what changed: a new background is all
           * of the window. */
          gtk_widget_add_css_class (frames->window, "redrawn");
          frames->phase = REDRAWING;
          frames->ticks.phase_start = now;
        }
      break;

    case REDRAWING:
      keep_longest (gap, pages, &frames->redraw_gap, &frames->redraw_pages);
      if (now - frames->ticks.phase_start >= TURN_US)
        {
          frames->phase = SCROLLING;
          frames->ticks.phase_start = now;
        }
      break;

    case SCROLLING:
      frames->scroll_gap = MAX (frames->scroll_gap, gap);
      /* Down a little and back, over the charts at the top. */
      gtk_adjustment_set_value (frames->scrolled,
                                gtk_adjustment_get_value (frames->scrolled) == 0 ? 24 : 0);
      if (now - frames->ticks.phase_start >= SETTLE_US)
        {
          gtk_adjustment_set_value (frames->scrolled, 0);
          frames->phase = RECOUNTING;
          frames->ticks.phase_start = now;
          rc_results_view_refresh (frames->view);
        }
      break;

    case RECOUNTING:
    default:
      keep_longest (gap, pages, &frames->recount_gap, &frames->recount_pages);
      if (rc_results_view_is_counting (frames->view))
        frames->ticks.phase_start = now;
      else if (now - frames->ticks.phase_start >= SETTLE_US)
        {
          frames->done = TRUE;
          return G_SOURCE_REMOVE;
        }
    }

  return G_SOURCE_CONTINUE;
}

static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The PIN the benchmark unlocks the coordinator area with. */
#define BENCH_PIN "2580"

typedef enum
{
  APP_STARTING,
  APP_IDLING,
  APP_COUNTING,
  APP_SHOWING,
} AppPhase;

typedef struct
{
  GtkWidget     *window;
  GtkWidget     *coordinator;
  RcResultsView *view;
  AppPhase       phase;
  Ticks          ticks;
  gint64         idle_gap;
  long           idle_pages;
  gint64         gap;
  long           pages;
  guint          held;
  gint64         count_time;
  gboolean       done;
} AppFrames;

static gboolean
on_app_tick (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       user_data)
{
  AppFrames *frames = user_data;
  gint64 now = g_get_monotonic_time ();
  long pages;
  gint64 gap = tick (&frames->ticks, now, &pages);

  switch (frames->phase)
    {
    case APP_STARTING:
      /* The area comes in with its own crossfade after the PIN. */
      if (rc_coordinator_view_get_unlocked (RC_COORDINATOR_VIEW (frames->coordinator)) &&
          now - frames->ticks.phase_start >= SETTLE_US)
        {
          frames->phase = APP_IDLING;
          frames->ticks.phase_start = now;
        }
      break;

    case APP_IDLING:
      keep_longest (gap, pages, &frames->idle_gap, &frames->idle_pages);
      if (now - frames->ticks.phase_start >= SETTLE_US)
        {
          frames->phase = APP_COUNTING;
          frames->ticks.phase_start = now;
          /* The count starts in it, before the page is shown. */
          gtk_widget_activate_action (frames->coordinator, "coordinator.show-results", NULL);
        }
      break;

    case APP_COUNTING:
    case APP_SHOWING:
    default:
      keep_longest (gap, pages, &frames->gap, &frames->pages);
      /* More than two frames at 60 Hz: one held back more than 16 ms. */
      if (gap > 2 * G_USEC_PER_SEC / 60)
        frames->held++;
      if (frames->phase == APP_SHOWING)
        {
          if (now - frames->ticks.phase_start >= SETTLE_US)
            {
              frames->done = TRUE;
              return G_SOURCE_REMOVE;
            }
          break;
        }
      if (!rc_results_view_is_counting (frames->view))
        {
          frames->count_time = now - frames->ticks.phase_start;
          frames->phase = APP_SHOWING;
          frames->ticks.phase_start = now;
        }
    }

  return G_SOURCE_CONTINUE;
}

/* The results page as a coordinator meets it: in the app's window, after
 * the PIN and the coordinator area, whose pages the window has drawn. */
static int
measure_app (const char *data_dir)
{
  g_autoptr(RcDatabase) database = NULL;
  g_autoptr(RcSurvey) survey = NULL;
  g_autoptr(RcPin) pin = NULL;
  g_autoptr(RcApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  AppFrames frames = { 0 };
  GtkWidget *entry;

  if (!(database = rc_database_open (data_dir, &error)) ||
      !(survey = rc_active_survey_load (data_dir, &error)))
    {
      g_printerr ("rc-bench-frames: %s\n", error->message);
      return EXIT_FAILURE;
    }
  pin = rc_pin_new (database);
  if (!rc_pin_is_set (pin) && !rc_pin_set (pin, BENCH_PIN, &error))
    {
      g_printerr ("rc-bench-frames: %s\n", error->message);
      return EXIT_FAILURE;
    }

  app = rc_application_new (database, survey, FALSE);
  g_application_set_application_id (G_APPLICATION (app), APP_ID ".Bench");
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    {
      g_printerr ("rc-bench-frames: %s\n", error->message);
      return EXIT_FAILURE;
    }

  frames.window = GTK_WIDGET (rc_window_new (app));
  gtk_window_set_default_size (GTK_WINDOW (frames.window), 1024, 768);
  gtk_window_present (GTK_WINDOW (frames.window));
  gtk_widget_activate_action (frames.window, "win.place", "s", "coordinator");
  frames.coordinator = find_widget (frames.window, RC_TYPE_COORDINATOR_VIEW);
  frames.view = RC_RESULTS_VIEW (find_widget (frames.coordinator, RC_TYPE_RESULTS_VIEW));
  /* The locked page's entry is the area's first. */
  entry = find_widget (frames.coordinator, GTK_TYPE_ENTRY);
  if (entry == NULL)
    {
      g_printerr ("rc-bench-frames: the coordinator area asks for no PIN\n");
      return EXIT_FAILURE;
    }
  gtk_editable_set_text (GTK_EDITABLE (entry), BENCH_PIN);
  g_signal_emit_by_name (entry, "activate");
  gtk_widget_add_tick_callback (frames.window, on_app_tick, &frames, NULL);

  while (!frames.done)
    {
      g_main_context_iteration (NULL, TRUE);
      /* A PIN set before, not the benchmark's, leaves the area locked. */
      if (frames.phase == APP_STARTING && g_get_monotonic_time () - frames.ticks.phase_start > 10 * G_USEC_PER_SEC &&
          frames.ticks.phase_start > 0 && !rc_coordinator_view_get_unlocked (RC_COORDINATOR_VIEW (frames.coordinator)))
        {
          g_printerr ("rc-bench-frames: the coordinator area of %s has another PIN\n", data_dir);
          return EXIT_FAILURE;
        }
    }

  printf ("app %.1f %ld %.1f %ld %u %.1f\n", frames.idle_gap / 1000.0, frames.idle_pages, frames.gap / 1000.0,
          frames.pages, frames.held, frames.count_time / 1000.0);
  gtk_window_destroy (GTK_WINDOW (frames.window));

  return EXIT_SUCCESS;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(RcDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkCssProvider) provider = NULL;
  Frames frames = { 0 };
  GtkWidget *window;

  if (argc != 2 && !(argc == 3 && g_str_equal (argv[1], "app")))
    {
      g_printerr ("Usage: %s [app] DATA_DIR\n", argv[0]);
      return EXIT_FAILURE;
    }

  gtk_init ();
  adw_init ();
  if (argc == 3)
    return measure_app (argv[2]);

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider, "window.redrawn { background-color: #fafafb; }", -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  if (!(database = rc_database_open (argv[1], &error)))
    {
      g_printerr ("rc-bench-frames: %s\n", error->message);
      return EXIT_FAILURE;
    }

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 768);
  frames.view = g_object_new (RC_TYPE_RESULTS_VIEW, NULL);
  rc_results_view_set_database (frames.view, database);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (frames.view));
  frames.window = window;
  frames.progress_bar = find_widget (GTK_WIDGET (frames.view), GTK_TYPE_PROGRESS_BAR);
  frames.scrolled = gtk_scrolled_window_get_vadjustment (
    GTK_SCROLLED_WINDOW (find_widget (GTK_WIDGET (frames.view), GTK_TYPE_SCROLLED_WINDOW)));
  gtk_widget_add_tick_callback (window, on_tick, &frames, NULL);
  gtk_window_present (GTK_WINDOW (window));

  while (!frames.done)
    g_main_context_iteration (NULL, TRUE);

  printf ("frames %.1f %.1f %.1f %.1f %.1f %.1f %ld %ld %ld %.1f %ld\n", frames.idle_gap / 1000.0,
          frames.count_gap / 1000.0, frames.show_gap / 1000.0, frames.count_time / 1000.0,
          frames.scroll_gap / 1000.0, frames.recount_gap / 1000.0, frames.idle_pages,
          frames.count_gap >= frames.show_gap ? frames.count_pages : frames.show_pages, frames.recount_pages,
          frames.redraw_gap / 1000.0, frames.redraw_pages);
  gtk_window_destroy (GTK_WINDOW (window));

  return EXIT_SUCCESS;
}
