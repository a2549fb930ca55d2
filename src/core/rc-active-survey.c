/* rc-active-survey.c
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rc-i18n.h"

#include "rc-active-survey.h"

/**
 * rc_active_survey_load:
 * @data_dir: the installation's data folder
 * @error: a location for a #GError
 *
 * The survey a coordinator installed in @data_dir, or the bundled one when
 * there is none.
 *
 * Returns: (transfer full): the survey, or %NULL with @error set when the
 *   installed copy can no longer be read
 */
RcSurvey *
rc_active_survey_load (const char  *data_dir,
                       GError     **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (data_dir != NULL, NULL);

  path = g_build_filename (data_dir, RC_ACTIVE_SURVEY_FILE_NAME, NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return rc_survey_new_bundled (error);

  return rc_survey_new_from_file (path, error);
}

/**
 * rc_active_survey_install:
 * @data_dir: the installation's data folder
 * @path: a survey definition
 * @error: a location for a #GError
 *
 * Makes the definition in @path the survey of this installation. A
 * definition with any problem changes nothing: the survey asked so far
 * stays. The copy is replaced in one step, so a crash leaves either the
 * old survey or the new one.
 *
 * Returns: (transfer full): the new survey, or %NULL with @error set
 */
RcSurvey *
rc_active_survey_install (const char  *data_dir,
                          const char  *path,
                          GError     **error)
{
  g_autoptr(RcSurvey) survey = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *target = NULL;
  gsize length;

  g_return_val_if_fail (data_dir != NULL, NULL);
  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;

  {
    g_autoptr(GBytes) bytes = g_bytes_new_static (contents, length);

    if (!(survey = rc_survey_new_from_bytes (bytes, path, error)))
      return NULL;
  }

  target = g_build_filename (data_dir, RC_ACTIVE_SURVEY_FILE_NAME, NULL);
  if (!g_file_set_contents_full (target, contents, length,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("Cannot install the survey in “%s”: %s"), target, local_error->message);
      return NULL;
    }

  return g_steal_pointer (&survey);
}
