/* rc-fuzz-replay.c: runs a fuzz target over every file of its corpus, as
 * part of the normal tests; prints TAP, one line per file
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "rc-fuzz.h"

static guint n_files;

static void
replay (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        g_ptr_array_add (names, g_build_filename (path, name, NULL));
      g_ptr_array_sort (names, (GCompareFunc)g_strcmp0);
      for (guint i = 0; i < names->len; i++)
        replay (g_ptr_array_index (names, i));
      return;
    }

  if (!g_file_get_contents (path, &contents, &length, NULL))
    g_error ("Cannot read %s", path);

  /* A crash or a critical ends the program before the line is printed,
   * and the file it was on is the last one named. */
  g_printerr ("%s\n", path);
  LLVMFuzzerTestOneInput ((const uint8_t *)contents, length);
  g_print ("ok %u - %s\n", ++n_files, path);
}

int
main (int   argc,
      char *argv[])
{
  /* Standard output is TAP only: GLib's messages go to standard error. */
  g_log_writer_default_set_use_stderr (TRUE);
  LLVMFuzzerInitialize (&argc, &argv);

  for (int i = 1; i < argc; i++)
    replay (argv[i]);

  if (n_files == 0)
    {
      g_print ("not ok 1 - a corpus to replay\n1..1\n");
      return 1;
    }

  g_print ("1..%u\n", n_files);
  return 0;
}
