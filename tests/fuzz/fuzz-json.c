/* fuzz-json.c: any text, read by the app's one JSON parser
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rc-fuzz.h"
#include "rc-json.h"

RC_FUZZ_DEFINE_INITIALIZE ()

/* Every string in a tree read is UTF-8: the widgets and SQLite take it as
 * it is. Returns whether the tree holds a number with a point or an
 * exponent. */
static gboolean
check_tree (JsonNode *node)
{
  gboolean has_double = FALSE;

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, &name, &member))
        {
          g_assert (g_utf8_validate (name, -1, NULL));
          has_double |= check_tree (member);
        }
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        has_double |= check_tree (json_array_get_element (array, i));
    }
  else if (rc_json_is_string (node))
    g_assert (g_utf8_validate (json_node_get_string (node), -1, NULL));
  else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_DOUBLE)
    has_double = TRUE;

  return has_double;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) read = rc_json_parse ((const char *)data, size, &error);
  g_autoptr(JsonNode) again = NULL;
  g_autofree char *written = NULL;

  g_assert ((read == NULL) == (error != NULL));
  if (read == NULL)
    return 0;

  /* What json-glib writes of it reads back the same. Not with a fraction:
   * json-glib 1.6 writes 1e20 as "1e+20.0", which is not JSON (its own
   * parser refuses it too); the app writes no such number. */
  if (check_tree (read))
    return 0;
  written = json_to_string (read, FALSE);
  again = rc_json_parse (written, -1, &error);
  g_assert (again != NULL);
  g_assert (json_node_equal (read, again));

  return 0;
}
