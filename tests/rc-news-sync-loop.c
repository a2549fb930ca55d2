/* rc-news-sync-loop.c: refreshes the news from a site over and over,
 * until killed, printing how many of the site's posts it has each time
 * a refresh is stored. test-news-sync kills it at random moments.
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>

#include "rc-news-sync.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RcDatabase) database = NULL;
  g_autoptr(RcNewsStore) store = NULL;

  if (argc != 3)
    {
      g_printerr ("usage: %s DATA_DIR SITE_URL\n", argv[0]);
      return 2;
    }

  if (!(database = rc_database_open (argv[1], &error)))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  store = rc_news_store_new (database);

  for (;;)
    {
      guint added, updated;

      if (!rc_news_sync (store, argv[2], NULL, NULL, &added, &updated, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }

      /* Only now would the reader see them. */
      printf ("%u\n", added + updated);
      fflush (stdout);
    }
}
