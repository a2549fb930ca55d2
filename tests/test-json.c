/* test-json.c: the app's JSON parser reads what json-glib reads, and
 * names where a text stops being JSON
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rc-json.h"

/* json-glib's own reading, which the app's must match. */
static JsonNode *
parse_with_json_glib (const char *text,
                      gsize       length)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  if (!json_parser_load_from_data (parser, text, length, NULL) || json_parser_get_root (parser) == NULL)
    return NULL;
  return json_node_copy (json_parser_get_root (parser));
}

static void
assert_same_tree (JsonNode *ours,
                  JsonNode *theirs)
{
  if (!json_node_equal (ours, theirs))
    {
      g_autofree char *ours_text = json_to_string (ours, FALSE);
      g_autofree char *theirs_text = json_to_string (theirs, FALSE);

      g_assert_cmpstr (ours_text, ==, theirs_text);
      g_assert_not_reached ();
    }
}

static void
test_json_reads_documents (void)
{
  static const char *documents[] = {
    "{}",
    "[]",
    "  {\"a\": 1, \"b\": [true, false, null], \"c\": {\"d\": \"e\"}}\n",
    "{\"жауап\": \"Әйелдер құқығы\", \"ответ\": \"Права женщин\"}",
    "[\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t\", \"\\u00e9\\u04D9\", \"\\ud83d\\ude00\"]",
    "[0, -0, 12, -12, 9223372036854775807, -9223372036854775808]",
    "[1.5, -0.25, 1e3, 1E-2, 2.5e+2, 0.1]",
    "{\"a\": 1, \"a\": 2}",
    "\"alone\"",
    "42",
    "\r\n\t[ 1 , 2 ]\t\r\n",
    /* As Notepad saves UTF-8. */
    "\xEF\xBB\xBF{\"a\": [1]}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) ours = rc_json_parse (documents[i], -1, &error);
      g_autoptr(JsonNode) theirs = parse_with_json_glib (documents[i], strlen (documents[i]));

      g_test_message ("%s", documents[i]);
      g_assert_no_error (error);
      g_assert_nonnull (ours);
      g_assert_nonnull (theirs);
      assert_same_tree (ours, theirs);
    }
}

static void
test_json_kinds_of_numbers (void)
{
  g_autoptr(JsonNode) numbers = rc_json_parse ("[7, 7.0, 7e0, 99999999999999999999]", -1, NULL);
  JsonArray *array = json_node_get_array (numbers);

  /* Only a number written without a point or an exponent is whole: the
   * answers to number questions are checked by that. */
  g_assert_true (rc_json_is_integer (json_array_get_element (array, 0)));
  g_assert_cmpint (json_array_get_int_element (array, 0), ==, 7);
  g_assert_false (rc_json_is_integer (json_array_get_element (array, 1)));
  g_assert_cmpfloat (json_array_get_double_element (array, 1), ==, 7.0);
  g_assert_false (rc_json_is_integer (json_array_get_element (array, 2)));
  /* Too large for 64 bits: kept as a number, not wrapped round. */
  g_assert_false (rc_json_is_integer (json_array_get_element (array, 3)));
  g_assert_cmpfloat (json_array_get_double_element (array, 3), ==, 1e20);
}

static void
test_json_names_the_fault (void)
{
  static const struct {
    const char *text;
    const char *message;
  } broken[] = {
    { "{\"a\": 1,}", "it is not JSON at line 1, column 9" },
    { "[1 2]", "it is not JSON at line 1, column 4" },
    { "{\"a\" 1}", "it is not JSON at line 1, column 6" },
    { "{\n  \"a\": x\n}", "it is not JSON at line 2, column 8" },
    { "{\"әйел\": x}", "it is not JSON at line 1, column 10" },
    { "\xEF\xBB\xBF{x}", "it is not JSON at line 1, column 2" },
    { "{\"a\": 1, /* note */ \"b\": 2}", "it is not JSON at line 1, column 10" },
    { "['a']", "it is not JSON at line 1, column 2" },
    { "01", "it is not JSON at line 1, column 2" },
    { "1.", "the text ends too soon" },
    { "[.5]", "it is not JSON at line 1, column 2" },
    { "[-]", "it is not JSON at line 1, column 3" },
    { "+1", "it is not JSON at line 1, column 1" },
    { "tru", "it is not JSON at line 1, column 1" },
    { "[nul]", "it is not JSON at line 1, column 2" },
    { "NaN", "it is not JSON at line 1, column 1" },
    { "{\"a\": 1} x", "it is not JSON at line 1, column 10" },
    { "/* note */ 1", "it is not JSON at line 1, column 1" },
    { "\"\\x\"", "it is not JSON at line 1, column 2" },
    { "\"\\u12\"", "it is not JSON at line 1, column 2" },
    /* A NUL would end the text early, half a surrogate pair is no
     * character, and a line break belongs escaped. */
    { "\"a\\u0000b\"", "it is not JSON at line 1, column 3" },
    { "\"\\ud800\"", "it is not JSON at line 1, column 2" },
    { "\"\\udc00\"", "it is not JSON at line 1, column 2" },
    { "\"a\nb\"", "it is not JSON at line 1, column 3" },
    { "\"\t\"", "it is not JSON at line 1, column 2" },
    { "\"ok \xff\"", "it is not JSON at line 1, column 5" },
    { "\"ok \xd3\"", "it is not JSON at line 1, column 5" },
    { "{\"a\": [", "the text ends too soon" },
    { "\"open", "the text ends too soon" },
    { "", "it is empty" },
    { " \n\t ", "it is empty" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = rc_json_parse (broken[i].text, -1, &error);
      g_autofree char *shown = g_strescape (broken[i].text, NULL);

      g_test_message ("%s", shown);
      g_assert_null (node);
      g_assert_error (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_PARSE);
      g_assert_cmpstr (error->message, ==, broken[i].message);
    }
}

/* A part of a file read apart, as an import reads each response: the
 * fault is named where it is in the file. */
static void
test_json_names_the_fault_in_the_file (void)
{
  static const char document[] = "\xEF\xBB\xBF{\"data\":[\n{\"a\":1},\n{\"b\":nul},\n{\"c\":\n  x}]}";
  static const struct {
    const char *part;
    const char *message;
  } parts[] = {
    { "{\"a\":1}", NULL },
    /* On the line it starts on: its column counts on from the line's. */
    { "{\"b\":nul}", "it is not JSON at line 3, column 6" },
    { "{\"c\":\n  x}", "it is not JSON at line 5, column 3" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      const char *found = strstr (document, parts[i].part);
      g_autofree char *copy = g_strdup (parts[i].part);
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = NULL;

      g_assert_nonnull (found);
      /* Read from a copy, as from the file again, not from the document. */
      node = rc_json_parse_part (copy, strlen (copy), document, found - document, &error);
      if (parts[i].message == NULL)
        {
          g_assert_no_error (error);
          g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
        }
      else
        {
          g_assert_null (node);
          g_assert_error (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_PARSE);
          g_assert_cmpstr (error->message, ==, parts[i].message);
        }
    }
}

static void
test_json_bounds_nesting (void)
{
  g_autoptr(GString) deep = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;

  for (guint i = 0; i < RC_JSON_MAX_DEPTH; i++)
    g_string_append_c (deep, '[');
  for (guint i = 0; i < RC_JSON_MAX_DEPTH; i++)
    g_string_append_c (deep, ']');
  node = rc_json_parse (deep->str, deep->len, &error);
  g_assert_no_error (error);
  g_assert_nonnull (node);
  g_clear_pointer (&node, json_node_unref);

  /* One more, and a file of brackets alone cannot use up the stack. */
  g_string_prepend_c (deep, '[');
  g_string_append_c (deep, ']');
  node = rc_json_parse (deep->str, deep->len, &error);
  g_assert_null (node);
  g_assert_error (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "nested more than 64 deep"));
}

static JsonNode *
random_tree (GRand *rand,
             guint  depth)
{
  static const char *words[] = { "", "a", "әйел", "права", "\"quoted\"", "back\\slash", "line\nbreak",
                                 "\t\x01", "😀", "/", "ü" };
  JsonNode *node = json_node_alloc ();

  switch (g_rand_int_range (rand, 0, depth < 4 ? 7 : 5))
    {
    case 0:
      return json_node_init_null (node);
    case 1:
      return json_node_init_boolean (node, g_rand_boolean (rand));
    case 2:
      return json_node_init_int (node, (gint64)g_rand_int (rand) * (g_rand_boolean (rand) ? 1 : -1000003));
    case 3:
      return json_node_init_double (node, g_rand_double_range (rand, -1e6, 1e6));
    case 4:
      return json_node_init_string (node, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
    case 5:
      {
        g_autoptr(JsonArray) array = json_array_new ();

        for (int i = g_rand_int_range (rand, 0, 5); i > 0; i--)
          json_array_add_element (array, random_tree (rand, depth + 1));
        return json_node_init_array (node, array);
      }
    default:
      {
        g_autoptr(JsonObject) object = json_object_new ();

        for (int i = g_rand_int_range (rand, 0, 5); i > 0; i--)
          json_object_set_member (object, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))],
                                  random_tree (rand, depth + 1));
        return json_node_init_object (node, object);
      }
    }
}

/* Whatever json-glib writes, pretty or not, is read back the same. */
static void
test_json_reads_what_json_glib_writes (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261130);

  for (guint i = 0; i < 2000; i++)
    {
      g_autoptr(JsonNode) tree = random_tree (rand, 0);
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autoptr(JsonNode) read = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;

      json_generator_set_root (generator, tree);
      json_generator_set_pretty (generator, i % 2 == 0);
      text = json_generator_to_data (generator, NULL);
      read = rc_json_parse (text, -1, &error);
      g_assert_no_error (error);
      assert_same_tree (read, tree);
    }
}

/* json-glib 1.6 wraps a whole number too large for 64 bits round (it read
 * -293749607646179213827238516 as 1); the app keeps it as a double. */
static gboolean
has_long_number (const char *text)
{
  guint run = 0;

  for (const char *c = text; *c != '\0'; c++)
    {
      run = g_ascii_isdigit (*c) ? run + 1 : 0;
      if (run >= 19)
        return TRUE;
    }
  return FALSE;
}

/* Texts a byte or two away from JSON: what the app reads, json-glib reads
 * alike; what json-glib refuses, the app refuses. (json-glib also reads
 * some texts that are not JSON, comments for one, which the app refuses.) */
static void
test_json_agrees_with_json_glib_on_damaged_texts (void)
{
  static const char alphabet[] = "{}[]\":,.-+0123456789eEtrufalsn \\/u\n\t\x01\xd3\x99";
  g_autoptr(GRand) rand = g_rand_new_with_seed (1130);
  guint n_read = 0, n_refused = 0;

  for (guint i = 0; i < 20000; i++)
    {
      g_autoptr(JsonNode) tree = random_tree (rand, 0);
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(JsonNode) ours = NULL;
      g_autoptr(JsonNode) theirs = NULL;
      g_autofree char *written = json_to_string (tree, i % 2 == 0);

      g_string_assign (text, written);
      for (int n = g_rand_int_range (rand, 1, 3); n > 0; n--)
        {
          guint at = g_rand_int_range (rand, 0, text->len + 1);
          char c = alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)];

          switch (g_rand_int_range (rand, 0, 3))
            {
            case 0:
              g_string_insert_c (text, at, c);
              break;
            case 1:
              if (at < text->len)
                g_string_erase (text, at, 1);
              break;
            default:
              if (at < text->len)
                text->str[at] = c;
              break;
            }
        }

      ours = rc_json_parse (text->str, text->len, NULL);
      theirs = parse_with_json_glib (text->str, text->len);
      if (ours != NULL && !has_long_number (text->str))
        {
          g_autofree char *shown = g_strescape (text->str, NULL);

          g_test_message ("%s", shown);
          g_assert_nonnull (theirs);
          assert_same_tree (ours, theirs);
          n_read++;
        }
      else if (ours == NULL)
        n_refused++;
    }

  /* Both kinds were met, many times. */
  g_assert_cmpuint (n_read, >, 1000);
  g_assert_cmpuint (n_refused, >, 1000);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json/reads-documents", test_json_reads_documents);
  g_test_add_func ("/json/kinds-of-numbers", test_json_kinds_of_numbers);
  g_test_add_func ("/json/names-the-fault", test_json_names_the_fault);
  g_test_add_func ("/json/names-the-fault-in-the-file", test_json_names_the_fault_in_the_file);
  g_test_add_func ("/json/bounds-nesting", test_json_bounds_nesting);
  g_test_add_func ("/json/reads-what-json-glib-writes", test_json_reads_what_json_glib_writes);
  g_test_add_func ("/json/agrees-with-json-glib-on-damaged-texts",
                   test_json_agrees_with_json_glib_on_damaged_texts);

  return g_test_run ();
}
