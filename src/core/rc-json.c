/* rc-json.c: reading JSON that came from outside
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "rc-json.h"

/* Where a reading of JSON text is: rc_json_parse() builds a tree as it
 * goes; the splitters below, for a document too large for one tree, only
 * find where each value begins and ends. */
typedef struct
{
  const char     *p;
  const char     *end;
  const char     *start;
  RcJsonReadFunc  read_func;
  gpointer        user_data;
  const char     *reported;
  GString        *text;
  const char     *before;       /* the file's text before start, when start is a copy of a part */
  const char     *before_end;
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

static void
count_place (const char *from,
             const char *to,
             gsize      *n_lines,
             gsize      *n_characters)
{
  for (const char *c = from; c < to; c++)
    {
      if (*c == '\n')
        {
          (*n_lines)++;
          *n_characters = 1;
        }
      else if (((guchar)*c & 0xC0) != 0x80)
        (*n_characters)++;
    }
}

/* Where a person editing the file would look: its line, and the
 * characters before it on that line (bytes that continue a character in
 * UTF-8 are not counted). */
static gboolean
scan_fail (Scan    *scan,
           GError **error)
{
  g_autofree char *line = NULL;
  g_autofree char *column = NULL;
  gsize n_lines = 1, n_characters = 1;

  if (scan->p >= scan->end)
    {
      g_set_error (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_PARSE, _("the text ends too soon"));
      return FALSE;
    }

  count_place (scan->before, scan->before_end, &n_lines, &n_characters);
  count_place (scan->start, scan->p, &n_lines, &n_characters);
  line = g_strdup_printf ("%" G_GSIZE_FORMAT, n_lines);
  column = g_strdup_printf ("%" G_GSIZE_FORMAT, n_characters);
  /* Translators: the first %s is a line of a file, the second the
   * character on it where what is written stops being JSON */
  g_set_error (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_PARSE, _("it is not JSON at line %s, column %s"),
               line, column);
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

/**
 * rc_json_skip_byte_order_mark:
 * @data: (nullable): the start of a text
 * @length: (inout): its length in bytes
 *
 * Notepad and other Windows editors start a UTF-8 file they save with a
 * byte order mark, which RFC 8259 lets a parser skip; the app's own CSV
 * starts with one for Excel.
 *
 * Returns: where the text starts after the mark, if it has one
 */
const char *
rc_json_skip_byte_order_mark (const char *data,
                              gsize      *length)
{
  if (data != NULL && *length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      *length -= 3;
      return data + 3;
    }
  return data;
}

/* Four hex digits after "\u", or -1. */
static int
read_code_unit (Scan *scan)
{
  int unit = 0;

  if (scan->end - scan->p < 4)
    return -1;
  for (int i = 0; i < 4; i++)
    {
      int digit = g_ascii_xdigit_value (scan->p[i]);

      if (digit < 0)
        return -1;
      unit = unit * 16 + digit;
    }
  scan->p += 4;
  return unit;
}

/* The app's one JSON parser. json-glib's, made for any text, spent a third
 * of an import in its scanner; this one reads only RFC 8259 JSON, builds
 * the same json-glib tree (whole numbers as gint64, others as double, the
 * last of two members alike kept), and stops at the first fault. */

/* An escape after its backslash, appended to the text as UTF-8. A code
 * point of zero would end the C string early, and half a surrogate pair
 * is no character: both are refused. A fault is placed at the backslash. */
static gboolean
read_escape (Scan    *scan,
             GError **error)
{
  const char *simple = "\"\"\\\\//b\bf\fn\nr\rt\t";
  const char *backslash = scan->p - 1;
  gunichar c;
  int unit;

  if (scan->p >= scan->end)
    return scan_fail (scan, error);

  for (const char *s = simple; *s != '\0'; s += 2)
    if (*scan->p == s[0])
      {
        g_string_append_c (scan->text, s[1]);
        scan->p++;
        return TRUE;
      }

  if (*scan->p != 'u')
    goto refuse;
  scan->p++;

  if ((unit = read_code_unit (scan)) <= 0 || (unit >= 0xDC00 && unit <= 0xDFFF))
    goto refuse;
  c = unit;
  if (unit >= 0xD800 && unit <= 0xDBFF)
    {
      int low;

      if (scan->end - scan->p < 2 || scan->p[0] != '\\' || scan->p[1] != 'u')
        goto refuse;
      scan->p += 2;
      if ((low = read_code_unit (scan)) < 0xDC00 || low > 0xDFFF)
        goto refuse;
      c = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
    }

  g_string_append_unichar (scan->text, c);
  return TRUE;

refuse:
  scan->p = backslash;
  return scan_fail (scan, error);
}

/* A string, into scan->text; the opening quote is read. */
static gboolean
read_string (Scan    *scan,
             GError **error)
{
  g_string_truncate (scan->text, 0);

  for (;;)
    {
      const char *run = scan->p;
      const char *invalid;

      while (scan->p < scan->end && *scan->p != '"' && *scan->p != '\\' &&
             (guchar)*scan->p >= 0x20)
        scan->p++;
      if (!g_utf8_validate_len (run, scan->p - run, &invalid))
        {
          scan->p = invalid;
          return scan_fail (scan, error);
        }
      g_string_append_len (scan->text, run, scan->p - run);

      if (scan->p >= scan->end || (guchar)*scan->p < 0x20)
        return scan_fail (scan, error);
      if (*scan->p++ == '"')
        return TRUE;
      if (!read_escape (scan, error))
        return FALSE;
    }
}

static gboolean
read_digits (Scan *scan)
{
  const char *first = scan->p;

  while (scan->p < scan->end && g_ascii_isdigit (*scan->p))
    scan->p++;
  return scan->p > first;
}

static JsonNode *
read_number (Scan    *scan,
             GError **error)
{
  const char *first = scan->p;
  gboolean whole = TRUE;
  gint64 integer;
  char *end;

  if (*scan->p == '-')
    scan->p++;
  if (scan->p < scan->end && *scan->p == '0')
    scan->p++;
  else if (!read_digits (scan))
    return scan_fail_null (scan, error);

  if (scan->p < scan->end && *scan->p == '.')
    {
      scan->p++;
      whole = FALSE;
      if (!read_digits (scan))
        return scan_fail_null (scan, error);
    }
  if (scan->p < scan->end && (*scan->p == 'e' || *scan->p == 'E'))
    {
      scan->p++;
      whole = FALSE;
      if (scan->p < scan->end && (*scan->p == '+' || *scan->p == '-'))
        scan->p++;
      if (!read_digits (scan))
        return scan_fail_null (scan, error);
    }

  g_string_truncate (scan->text, 0);
  g_string_append_len (scan->text, first, scan->p - first);

  /* A whole number too large for 64 bits is kept as near as a double
   * holds it; json-glib 1.6 wraps it round into a wrong one. */
  if (whole)
    {
      errno = 0;
      integer = g_ascii_strtoll (scan->text->str, &end, 10);
      if (errno == 0)
        return json_node_init_int (json_node_alloc (), integer);
    }

  return json_node_init_double (json_node_alloc (), g_ascii_strtod (scan->text->str, &end));
}

static gboolean
read_word (Scan       *scan,
           const char *word)
{
  gsize length = strlen (word);

  if ((gsize)(scan->end - scan->p) < length || memcmp (scan->p, word, length) != 0)
    return FALSE;
  scan->p += length;
  return TRUE;
}

static JsonNode *read_value (Scan    *scan,
                             guint    depth,
                             GError **error);

/* An object or an array, its bracket not yet read. */
static JsonNode *
read_container (Scan    *scan,
                guint    depth,
                GError **error)
{
  gboolean is_object = *scan->p == '{';
  char close = is_object ? '}' : ']';
  g_autoptr(JsonObject) object = is_object ? json_object_new () : NULL;
  g_autoptr(JsonArray) array = is_object ? NULL : json_array_new ();

  scan->p++;
  scan_space (scan);
  if (scan->p < scan->end && *scan->p == close)
    scan->p++;
  else
    for (;;)
      {
        g_autofree char *name = NULL;
        JsonNode *value;

        if (is_object)
          {
            if (scan->p >= scan->end || *scan->p != '"')
              return scan_fail_null (scan, error);
            scan->p++;
            if (!read_string (scan, error))
              return NULL;
            name = g_strndup (scan->text->str, scan->text->len);
            scan_space (scan);
            if (scan->p >= scan->end || *scan->p != ':')
              return scan_fail_null (scan, error);
            scan->p++;
          }

        if (!(value = read_value (scan, depth + 1, error)))
          return NULL;
        if (is_object)
          json_object_set_member (object, name, value);
        else
          json_array_add_element (array, value);

        scan_space (scan);
        if (scan->p < scan->end && *scan->p == close)
          {
            scan->p++;
            break;
          }
        if (scan->p >= scan->end || *scan->p != ',')
          return scan_fail_null (scan, error);
        scan->p++;
        scan_space (scan);
      }

  return is_object ? json_node_init_object (json_node_alloc (), object)
                   : json_node_init_array (json_node_alloc (), array);
}

/* Arrays and objects are read by recursion: a text of brackets alone would
 * use up the stack, so the depth is bounded. Nothing of ours nests more
 * than a dozen deep. */
static JsonNode *
read_value (Scan    *scan,
            guint    depth,
            GError **error)
{
  scan_space (scan);
  if (scan->p >= scan->end)
    return scan_fail_null (scan, error);

  switch (*scan->p)
    {
    case '{':
    case '[':
      if (depth >= RC_JSON_MAX_DEPTH)
        {
          g_set_error (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_PARSE,
                       _("values are nested more than %d deep"), RC_JSON_MAX_DEPTH);
          return NULL;
        }
      return read_container (scan, depth, error);

    case '"':
      scan->p++;
      if (!read_string (scan, error))
        return NULL;
      return json_node_init_string (json_node_alloc (), scan->text->str);

    case 't':
    case 'f':
      if (read_word (scan, "true"))
        return json_node_init_boolean (json_node_alloc (), TRUE);
      if (read_word (scan, "false"))
        return json_node_init_boolean (json_node_alloc (), FALSE);
      return scan_fail_null (scan, error);

    case 'n':
      if (read_word (scan, "null"))
        return json_node_init_null (json_node_alloc ());
      return scan_fail_null (scan, error);

    default:
      if (*scan->p == '-' || g_ascii_isdigit (*scan->p))
        return read_number (scan, error);
      return scan_fail_null (scan, error);
    }
}

static JsonNode *
parse (const char  *data,
       gsize        size,
       const char  *before,
       const char  *before_end,
       GError     **error)
{
  g_autoptr(GString) text = NULL;
  g_autoptr(JsonNode) root = NULL;
  Scan scan = { NULL };

  scan.p = scan.start = data;
  scan.end = data + size;
  scan.before = before;
  scan.before_end = before_end;
  scan_space (&scan);
  if (scan.p >= scan.end)
    {
      g_set_error (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_PARSE, _("it is empty"));
      return NULL;
    }

  text = g_string_sized_new (256);
  scan.text = text;
  if (!(root = read_value (&scan, 0, error)))
    return NULL;

  scan_space (&scan);
  if (scan.p < scan.end)
    return scan_fail_null (&scan, error);

  return g_steal_pointer (&root);
}

/**
 * rc_json_parse:
 * @data: JSON text from a file, the network or the database
 * @length: its length in bytes, or -1 when it ends with a NUL
 * @error: a location for a #GError
 *
 * Reads one JSON value, with blanks around it and nothing else. Every JSON
 * the app reads goes through here or rc_json_parse_part().
 *
 * Returns: (transfer full): the value's tree, not sealed; %NULL with
 *   @error naming the line and column at fault
 */
JsonNode *
rc_json_parse (const char  *data,
               gssize       length,
               GError     **error)
{
  gsize size;

  g_return_val_if_fail (data != NULL || length <= 0, NULL);

  /* No text at all comes as NULL, from an empty file's mapping. */
  if (data == NULL)
    data = "";
  size = length < 0 ? strlen (data) : (gsize)length;
  data = rc_json_skip_byte_order_mark (data, &size);

  return parse (data, size, NULL, NULL, error);
}

/**
 * rc_json_parse_part:
 * @data: one value of a larger JSON text, or a copy of it
 * @length: its length in bytes
 * @document: the whole text, as it is in its file
 * @offset: where @data begins in @document, in bytes
 * @error: a location for a #GError
 *
 * rc_json_parse() for a part of a file read apart, such as one response of
 * an export: a fault is named by its line and column in the whole file,
 * where a person editing it would look, not in the part.
 *
 * Returns: (transfer full): the value's tree, not sealed; %NULL with @error
 */
JsonNode *
rc_json_parse_part (const char  *data,
                    gsize        length,
                    const char  *document,
                    gsize        offset,
                    GError     **error)
{
  gsize before_length = offset;
  const char *before;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (document != NULL || offset == 0, NULL);

  if (data == NULL)
    data = "";
  if (document == NULL)
    document = "";
  /* An editor shows no column for a byte order mark. */
  before = rc_json_skip_byte_order_mark (document, &before_length);

  return parse (data, length, before, before + before_length, error);
}

/* A document too large for one tree is read a piece at a time: the scan
 * below checks only what finding each value's end needs (strings,
 * brackets, nesting); each piece is then parsed alone with
 * rc_json_parse(), which checks the rest. */
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
  Scan scan;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (data == NULL)
    data = "";
  data = rc_json_skip_byte_order_mark (data, &length);
  scan = (Scan) { data, data + length, data, read_func, user_data, data };

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
