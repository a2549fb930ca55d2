/* rc-accessible.c: what a screen reader is told
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rc-accessible.h"

/**
 * rc_accessible_name_mnemonic_buttons:
 * @root: a widget, with the buttons below it built
 *
 * Names every button with a mnemonic, @root and those below it, by the
 * text its label shows. GTK 4.8 names such a button by its label as
 * written, underscore included, or by the label given to it, and then by
 * the shown text again: a screen reader said “_Send Your Opinion Send Your
 * Opinion”. What more a button needs said goes in its tooltip, which GTK
 * gives as its description.
 */
void
rc_accessible_name_mnemonic_buttons (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_BUTTON (root) && gtk_button_get_use_underline (GTK_BUTTON (root)))
    gtk_accessible_reset_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    rc_accessible_name_mnemonic_buttons (child);
}

/* What a followed list of widgets does with each one added to it. */
typedef void (*ForEachAdded) (GtkWidget *widget);

static void
on_widgets_added (GListModel *widgets,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gpointer    user_data)
{
  ForEachAdded for_each_added = (ForEachAdded) user_data;

  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GtkWidget) widget = g_list_model_get_item (widgets, i);

      for_each_added (widget);
    }
}

/**
 * rc_accessible_name_toast_buttons:
 * @overlay: a toast overlay
 *
 * Names the buttons of @overlay's toasts as
 * rc_accessible_name_mnemonic_buttons() does, each toast as it comes:
 * libadwaita 1.2 makes a toast's widget only when the toast is shown,
 * after the caller has handed it over, or later if another was on show.
 */
void
rc_accessible_name_toast_buttons (AdwToastOverlay *overlay)
{
  GListModel *children;

  g_return_if_fail (ADW_IS_TOAST_OVERLAY (overlay));

  /* The overlay's children are its content and the toasts on show: few,
   * so following them costs nothing noticeable. */
  children = gtk_widget_observe_children (GTK_WIDGET (overlay));
  g_signal_connect (children, "items-changed", G_CALLBACK (on_widgets_added),
                    (gpointer) rc_accessible_name_mnemonic_buttons);
  g_object_set_data_full (G_OBJECT (overlay), "rc-accessible-toasts", children, g_object_unref);
}

/* Shown, a dialog has its buttons: a message dialog makes one for each
 * response added after it was made. */
static void
name_buttons_when_shown (GtkWidget *window)
{
  g_signal_connect (window, "show", G_CALLBACK (rc_accessible_name_mnemonic_buttons), NULL);
}

/**
 * rc_accessible_name_window_buttons:
 *
 * Names the buttons of every window of the process as
 * rc_accessible_name_mnemonic_buttons() does, each time it is shown: the
 * app's dialogs, and GTK's own, such as its file chooser where there is no
 * portal. What a view makes after its window is shown, it names itself.
 */
void
rc_accessible_name_window_buttons (void)
{
  static gsize followed;

  if (g_once_init_enter (&followed))
    {
      GListModel *toplevels = gtk_window_get_toplevels ();

      g_signal_connect (toplevels, "items-changed", G_CALLBACK (on_widgets_added),
                        (gpointer) name_buttons_when_shown);
      on_widgets_added (toplevels, 0, 0, g_list_model_get_n_items (toplevels),
                        (gpointer) name_buttons_when_shown);
      g_once_init_leave (&followed, 1);
    }
}
