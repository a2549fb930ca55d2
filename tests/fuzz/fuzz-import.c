/* fuzz-import.c: another kiosk's export, as a coordinator merges it
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "rc-database.h"
#include "rc-fuzz.h"
#include "rc-import.h"

static char *data_dir;
static char *path;

static void
remove_folder (void)
{
  g_autofree char *command = g_strdup_printf ("rm -rf '%s'", data_dir);

  /* Nothing of a run is left in /tmp. */
  if (system (command) != 0)
    g_printerr ("Cannot remove %s\n", data_dir);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RcDatabase) database = NULL;

  rc_fuzz_init ();
  /* In memory when it can be: every merge is a transaction, synced. */
  if (g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR) && g_getenv ("TMPDIR") == NULL)
    g_setenv ("TMPDIR", "/dev/shm", TRUE);
  data_dir = g_dir_make_tmp ("rc-fuzz-import-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (data_dir, "export.json", NULL);
  database = rc_database_open (data_dir, &error);
  g_assert_no_error (error);
  atexit (remove_folder);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  gint64 added = -1;
  gint64 present = -1;
  gboolean merged;

  g_assert (g_file_set_contents (path, (const char *)data, size, NULL));
  merged = rc_import_file (data_dir, path, NULL, &added, &present, &error);

  g_assert (merged == (error == NULL));
  g_assert (merged || added == 0);
  g_assert (added >= 0 && present >= 0);

  return 0;
}
