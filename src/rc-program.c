/* rc-program.c
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdlib.h>

#include "rc-program.h"

/**
 * rc_program_init:
 *
 * The user's language for every message, and the program's name as the
 * desktop and GLib's messages know it, whichever of the two programs runs.
 */
void
rc_program_init (void)
{
  setlocale (LC_ALL, "");
  /* RC_LOCALEDIR: the translations of a build tree, for running and
   * testing it uninstalled. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("RC_LOCALEDIR") ? g_getenv ("RC_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_prgname (PACKAGE_NAME);
}

/**
 * rc_program_fail:
 * @error: what went wrong
 *
 * Says it in one line on standard error.
 *
 * Returns: the exit status of a failure
 */
int
rc_program_fail (const GError *error)
{
  g_return_val_if_fail (error != NULL, EXIT_FAILURE);

  g_printerr ("%s: %s\n", PACKAGE_NAME, error->message);
  return EXIT_FAILURE;
}
