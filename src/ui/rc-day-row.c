/* rc-day-row.c
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rc-day-row.h"
#include "rc-export.h"

/**
 * rc_day_row_get_day:
 * @row: a row where a day is typed as YYYY-MM-DD, or nothing
 * @day: (out) (transfer full) (nullable): the day, or %NULL when the row
 *   is empty: no limit on that side
 * @error: a location for a #GError naming what is wrong
 *
 * Marks the row as wrong, or no longer wrong, as it reads it.
 *
 * Returns: whether the row holds a day or nothing
 */
gboolean
rc_day_row_get_day (AdwEntryRow  *row,
                    char        **day,
                    GError      **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (ADW_IS_ENTRY_ROW (row), FALSE);
  g_return_val_if_fail (day != NULL, FALSE);

  *day = NULL;
  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  if (*text != '\0' && !rc_export_check_date (text, error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      return FALSE;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  if (*text != '\0')
    *day = g_steal_pointer (&text);
  return TRUE;
}
