/* rc-import-loop.c: merges the exports it is given, over and over, until
 * killed, printing each file's name once its responses are in.
 * test-export kills it at random moments.
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>

#include "rc-import.h"

int
main (int   argc,
      char *argv[])
{
  if (argc < 3)
    {
      g_printerr ("usage: %s DATA_DIR EXPORT...\n", argv[0]);
      return 2;
    }

  for (guint round = 0; ; round++)
    {
      for (int i = 2; i < argc; i++)
        {
          g_autoptr(GError) error = NULL;
          gint64 added, present;

          if (!rc_import_file (argv[1], argv[i], NULL, &added, &present, &error))
            {
              g_printerr ("%s\n", error->message);
              return 1;
            }

          /* Only now is the coordinator told it was merged. */
          printf ("%s\n", argv[i]);
          fflush (stdout);
        }
    }
}
