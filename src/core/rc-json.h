/* rc-json.h: reading JSON from outside, and what kind of value a node holds
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define RC_JSON_MAX_DEPTH 64

JsonNode *rc_json_parse (const char  *data,
                         gssize       length,
                         GError     **error);

JsonNode *rc_json_parse_part (const char  *data,
                              gsize        length,
                              const char  *document,
                              gsize        offset,
                              GError     **error);

const char *rc_json_skip_byte_order_mark (const char *data,
                                         gsize      *length);

/* A value inside a larger JSON text, not yet parsed. */
typedef struct
{
  const char *data;
  gsize       length;
} RcJsonSpan;

/* Called now and then as a scan moves on: the text before @read_up_to
 * will not be looked at again by the scan. */
typedef void (*RcJsonReadFunc) (const char *read_up_to,
                                gpointer    user_data);

GHashTable *rc_json_split_object (const char      *data,
                                  gsize            length,
                                  RcJsonReadFunc   read_func,
                                  gpointer         user_data,
                                  GError         **error);
GArray     *rc_json_split_array  (RcJsonSpan       span,
                                  RcJsonReadFunc   read_func,
                                  gpointer         user_data,
                                  GError         **error);

static inline gboolean
rc_json_is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

/* json-glib reads whole numbers as gint64 and anything with a point or an
 * exponent as double: only the former is a whole number here. */
static inline gboolean
rc_json_is_integer (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64;
}

static inline gboolean
rc_json_is_boolean (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN;
}

G_END_DECLS
