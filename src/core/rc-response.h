/* rc-response.h
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rc-survey.h"

G_BEGIN_DECLS

#define RC_RESPONSE_ERROR (rc_response_error_quark ())

/* Why an answer is not accepted; the UI words each in the respondent's
 * language, or shows the definition's constraint message. */
typedef enum
{
  RC_RESPONSE_ERROR_UNKNOWN_QUESTION,
  RC_RESPONSE_ERROR_WRONG_TYPE,
  RC_RESPONSE_ERROR_MISSING,
  RC_RESPONSE_ERROR_CONSTRAINT,
  RC_RESPONSE_ERROR_EXCLUSIVE,
  RC_RESPONSE_ERROR_INCOMPLETE,
} RcResponseError;

#define RC_TYPE_RESPONSE (rc_response_get_type ())

G_DECLARE_FINAL_TYPE (RcResponse, rc_response, RC, RESPONSE, GObject)

GQuark      rc_response_error_quark         (void);
RcResponse *rc_response_new                 (RcSurvey    *survey,
                                             const char  *language);
RcSurvey   *rc_response_get_survey          (RcResponse  *self);
const char *rc_response_get_language        (RcResponse  *self);
gboolean    rc_response_set_answer          (RcResponse  *self,
                                             const char  *question_id,
                                             JsonNode    *value,
                                             GError     **error);
gboolean    rc_response_set_choice          (RcResponse  *self,
                                             const char  *question_id,
                                             const char  *choice,
                                             GError     **error);
gboolean    rc_response_set_choices         (RcResponse  *self,
                                             const char  *question_id,
                                             const char * const *choices,
                                             GError     **error);
gboolean    rc_response_set_number          (RcResponse  *self,
                                             const char  *question_id,
                                             gint64       number,
                                             GError     **error);
gboolean    rc_response_set_text            (RcResponse  *self,
                                             const char  *question_id,
                                             const char  *text,
                                             GError     **error);
void        rc_response_clear_answer        (RcResponse  *self,
                                             const char  *question_id);
JsonNode   *rc_response_get_answer          (RcResponse  *self,
                                             const char  *question_id);
gboolean    rc_response_is_visible          (RcResponse  *self,
                                             const char  *question_id);
gboolean    rc_response_check_question      (RcResponse  *self,
                                             const char  *question_id,
                                             GError     **error);
gboolean    rc_response_validate            (RcResponse  *self,
                                             GError     **error);
GPtrArray  *rc_response_list_problems       (RcResponse  *self);
JsonNode   *rc_response_dup_answers         (RcResponse  *self);
guint       rc_response_get_n_answers       (RcResponse  *self);
guint       rc_response_get_elapsed_minutes (RcResponse  *self);
void        rc_response_set_started_at      (RcResponse  *self,
                                             gint64       monotonic_time);

G_END_DECLS
