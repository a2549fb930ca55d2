/* rc-response-store.h
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rc-database.h"
#include "rc-response.h"

G_BEGIN_DECLS

#define RC_TYPE_RESPONSE_STORE (rc_response_store_get_type ())

G_DECLARE_FINAL_TYPE (RcResponseStore, rc_response_store, RC, RESPONSE_STORE, GObject)

RcResponseStore *rc_response_store_new                (RcDatabase       *database);
gboolean         rc_response_store_get_keep_full_time (RcResponseStore  *self);
void             rc_response_store_set_keep_full_time (RcResponseStore  *self,
                                                       gboolean          keep_full_time);
char            *rc_response_store_save               (RcResponseStore  *self,
                                                       RcResponse       *response,
                                                       GError          **error);
void             rc_response_store_save_async         (RcResponseStore     *self,
                                                       RcResponse          *response,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
char            *rc_response_store_save_finish        (RcResponseStore  *self,
                                                       GAsyncResult     *result,
                                                       GError          **error);
JsonNode        *rc_response_store_load               (RcResponseStore  *self,
                                                       const char       *response_id,
                                                       GError          **error);
gint64           rc_response_store_count              (RcResponseStore  *self,
                                                       const char       *survey_id,
                                                       GError          **error);
GHashTable      *rc_response_store_count_answers      (RcResponseStore  *self,
                                                       const char       *survey_id,
                                                       const char       *question_id,
                                                       GError          **error);

G_END_DECLS
