/* fuzz-answers.c: the answers of a response as the database gives them
 * back, read as an export reads them
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rc-fuzz.h"
#include "rc-json.h"
#include "rc-response-table.h"

static RcSurvey *survey;
static RcResponseTable *table;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GPtrArray) surveys = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  rc_fuzz_init ();
  survey = rc_survey_new_bundled (&error);
  g_assert_no_error (error);
  g_ptr_array_add (surveys, g_object_ref (survey));
  table = rc_response_table_new (surveys);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(JsonNode) answers = NULL;
  g_autofree RcCell *cells = g_new0 (RcCell, rc_response_table_get_n_columns (table));
  char time_buffer[20];

  if (!(answers = rc_json_parse ((const char *)data, size, NULL)) || !JSON_NODE_HOLDS_OBJECT (answers))
    return 0;

  rc_response_table_fill_row (table, survey, "response", "device", "kk", "2026-11-29",
                              3, json_node_get_object (answers), cells, time_buffer);

  for (guint i = 0; i < rc_response_table_get_n_columns (table); i++)
    g_assert (cells[i].kind != RC_CELL_STRING || g_utf8_validate (cells[i].string, -1, NULL));

  return 0;
}
