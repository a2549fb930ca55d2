/* rc-json.c: reading JSON that came from outside
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rc-json.h"

/* How deep arrays and objects may nest before the text is not trusted:
 * json-glib reads them by recursion, and a file of brackets alone would use
 * up the stack. Nothing of ours nests more than a dozen deep. */
static gboolean
check_depth (const char  *data,
             gsize        length,
             GError     **error)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }

      switch (c)
        {
        case '"':
          in_string = TRUE;
          break;

        case '[':
        case '{':
          if (++depth > RC_JSON_MAX_DEPTH)
            {
              g_set_error (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_PARSE,
                           _("values are nested more than %d deep"), RC_JSON_MAX_DEPTH);
              return FALSE;
            }
          break;

        case ']':
        case '}':
          if (depth > 0)
            depth--;
          break;

        default:
          break;
        }
    }

  return TRUE;
}

/**
 * rc_json_parse:
 * @parser: a parser
 * @data: JSON text from a file, the network or the database
 * @length: its length in bytes, or -1 when it ends with a NUL
 * @error: a location for a #GError
 *
 * json_parser_load_from_data(), after making sure the text does not nest
 * deeper than %RC_JSON_MAX_DEPTH. Every JSON the app did not write itself
 * goes through here.
 *
 * Returns: %TRUE when @parser holds the document
 */
gboolean
rc_json_parse (JsonParser  *parser,
               const char  *data,
               gssize       length,
               GError     **error)
{
  g_return_val_if_fail (JSON_IS_PARSER (parser), FALSE);
  g_return_val_if_fail (data != NULL || length <= 0, FALSE);

  if (length < 0)
    length = data != NULL ? strlen (data) : 0;

  if (!check_depth (data, length, error) ||
      !json_parser_load_from_data (parser, length > 0 ? data : "", length, error))
    return FALSE;

  /* Nothing but blanks parses, to no document at all. */
  if (json_parser_get_root (parser) == NULL)
    {
      g_set_error (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_PARSE, _("it is empty"));
      return FALSE;
    }

  return TRUE;
}
