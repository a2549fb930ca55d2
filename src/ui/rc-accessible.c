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
