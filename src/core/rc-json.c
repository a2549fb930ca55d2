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

/* A document too large for one tree is read a piece at a time: the scan
 * below finds where each value begins and ends, checking only what that
 * needs (strings, brackets, nesting); each piece is then parsed alone with
 * rc_json_parse(), which checks the rest. */
typedef struct
{
  const char     *p;
  const char     *end;
  const char     *start;
  RcJsonReadFunc  read_func;
  gpointer        user_data;
  const char     *reported;
} Scan;

/* Every few megabytes, not for every value. */
static void
scan_report (Scan *scan)
{
  if (scan->read_func != NULL && scan->p - scan->reported >= 4 * 1024 * 1024)
    {
      scan->read_func (scan->p, scan->user_data);
      scan->reported = scan->p;
    }
}

static gboolean
scan_fail (Scan    *scan,
           GError **error)
{
  g_autofree char *where = g_strdup_printf ("%" G_GSIZE_FORMAT, (gsize)(scan->p - scan->start));

  if (scan->p >= scan->end)
    g_set_error (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_PARSE, _("the text ends too soon"));
  else
    /* Translators: %s is a position in a file, counted in bytes */
    g_set_error (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_PARSE, _("it is not JSON at byte %s"), where);
  return FALSE;
}

/* The same, for the functions that return what they found. */
static gpointer
scan_fail_null (Scan    *scan,
                GError **error)
{
  scan_fail (scan, error);
  return NULL;
}

static void
scan_space (Scan *scan)
{
  while (scan->p < scan->end && (*scan->p == ' ' || *scan->p == '\t' || *scan->p == '\n' || *scan->p == '\r'))
    scan->p++;
}

static gboolean
scan_string (Scan    *scan,
             GError **error)
{
  g_assert (*scan->p == '"');

  for (scan->p++; scan->p < scan->end; scan->p++)
    {
      if (*scan->p == '\\')
        scan->p++;
      else if (*scan->p == '"')
        {
          scan->p++;
          return TRUE;
        }
    }

  return scan_fail (scan, error);
}

static gboolean
scan_value (Scan    *scan,
            guint    depth,
            GError **error)
{
  char close;

  scan_space (scan);
  if (scan->p >= scan->end)
    return scan_fail (scan, error);

  if (*scan->p == '"')
    return scan_string (scan, error);

  if (*scan->p != '{' && *scan->p != '[')
    {
      const char *first = scan->p;

      while (scan->p < scan->end && strchr (",]} \t\r\n", *scan->p) == NULL)
        scan->p++;
      return scan->p > first || scan_fail (scan, error);
    }

  if (depth >= RC_JSON_MAX_DEPTH)
    {
      g_set_error (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_PARSE,
                   _("values are nested more than %d deep"), RC_JSON_MAX_DEPTH);
      return FALSE;
    }

  close = *scan->p == '{' ? '}' : ']';
  scan->p++;
  scan_space (scan);
  if (scan->p < scan->end && *scan->p == close)
    {
      scan->p++;
      return TRUE;
    }

  for (;;)
    {
      if (close == '}')
        {
          scan_space (scan);
          if (scan->p >= scan->end || *scan->p != '"')
            return scan_fail (scan, error);
          if (!scan_string (scan, error))
            return FALSE;
          scan_space (scan);
          if (scan->p >= scan->end || *scan->p != ':')
            return scan_fail (scan, error);
          scan->p++;
        }
      if (!scan_value (scan, depth + 1, error))
        return FALSE;
      scan_report (scan);
      scan_space (scan);
      if (scan->p >= scan->end)
        return scan_fail (scan, error);
      if (*scan->p == close)
        {
          scan->p++;
          return TRUE;
        }
      if (*scan->p != ',')
        return scan_fail (scan, error);
      scan->p++;
    }
}

/**
 * rc_json_split_object:
 * @data: JSON text that holds an object
 * @length: its length in bytes
 * @read_func: (nullable): told as the scan moves on
 * @user_data: for @read_func
 * @error: a location for a #GError
 *
 * Finds the members of a large object without parsing their values, so
 * that each can be read on its own, however large the whole.
 *
 * Returns: (transfer full): each member's name and the #RcJsonSpan of its
 *   value (pointing into @data); %NULL with @error set when @data is not
 *   one object, is cut off, or nests too deep. A name written with escapes
 *   is left out: no name of ours needs one.
 */
GHashTable *
rc_json_split_object (const char      *data,
                      gsize            length,
                      RcJsonReadFunc   read_func,
                      gpointer         user_data,
                      GError         **error)
{
  g_autoptr(GHashTable) members = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  Scan scan = { data, data + length, data, read_func, user_data, data };

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  scan_space (&scan);
  if (scan.p >= scan.end || *scan.p != '{')
    return scan_fail_null (&scan, error);
  scan.p++;
  scan_space (&scan);

  while (scan.p < scan.end && *scan.p != '}')
    {
      const char *name = scan.p + 1;
      RcJsonSpan *value;
      gsize name_length;

      if (*scan.p != '"')
        return scan_fail_null (&scan, error);
      if (!scan_string (&scan, error))
        return NULL;
      name_length = scan.p - 1 - name;
      scan_space (&scan);
      if (scan.p >= scan.end || *scan.p != ':')
        return scan_fail_null (&scan, error);
      scan.p++;
      scan_space (&scan);

      value = g_new (RcJsonSpan, 1);
      value->data = scan.p;
      if (!scan_value (&scan, 1, error))
        {
          g_free (value);
          return NULL;
        }
      value->length = scan.p - value->data;
      if (memchr (name, '\\', name_length) == NULL)
        g_hash_table_replace (members, g_strndup (name, name_length), value);
      else
        g_free (value);

      scan_space (&scan);
      if (scan.p < scan.end && *scan.p == ',')
        {
          scan.p++;
          scan_space (&scan);
          if (scan.p < scan.end && *scan.p == '}')
            return scan_fail_null (&scan, error);
        }
      else if (scan.p >= scan.end || *scan.p != '}')
        return scan_fail_null (&scan, error);
    }

  if (scan.p >= scan.end)
    return scan_fail_null (&scan, error);
  scan.p++;
  scan_space (&scan);
  if (scan.p < scan.end)
    return scan_fail_null (&scan, error);

  return g_steal_pointer (&members);
}

/**
 * rc_json_split_array:
 * @span: JSON text that holds an array
 * @read_func: (nullable): told as the scan moves on
 * @user_data: for @read_func
 * @error: a location for a #GError
 *
 * Finds the elements of a large array without parsing them.
 *
 * Returns: (transfer full) (element-type RcJsonSpan): each element, in
 *   order, pointing into @span; %NULL with @error set when @span is not an
 *   array, is cut off, or nests too deep
 */
GArray *
rc_json_split_array (RcJsonSpan       span,
                     RcJsonReadFunc   read_func,
                     gpointer         user_data,
                     GError         **error)
{
  g_autoptr(GArray) elements = g_array_new (FALSE, FALSE, sizeof (RcJsonSpan));
  Scan scan = { span.data, span.data + span.length, span.data, read_func, user_data, span.data };

  scan_space (&scan);
  if (scan.p >= scan.end || *scan.p != '[')
    return scan_fail_null (&scan, error);
  scan.p++;
  scan_space (&scan);
  if (scan.p < scan.end && *scan.p == ']')
    return g_steal_pointer (&elements);

  for (;;)
    {
      RcJsonSpan element;

      scan_space (&scan);
      element.data = scan.p;
      if (!scan_value (&scan, 1, error))
        return NULL;
      element.length = scan.p - element.data;
      g_array_append_val (elements, element);
      scan_report (&scan);

      scan_space (&scan);
      if (scan.p >= scan.end)
        return scan_fail_null (&scan, error);
      if (*scan.p == ']')
        break;
      if (*scan.p != ',')
        return scan_fail_null (&scan, error);
      scan.p++;
    }

  return g_steal_pointer (&elements);
}
