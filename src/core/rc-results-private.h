/* rc-results-private.h: the filter every query of the results shares
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* Over the responses as r: ?1 survey, ?2 version or 0, ?3 language or
 * NULL, ?4 first day or NULL, ?5 the day after the last or NULL. A test
 * checks that an index answers it. */
#define RC_RESULTS_FILTER \
  "r.survey_id = ?1 AND (?2 = 0 OR r.survey_version = ?2) " \
  "AND (?3 IS NULL OR r.language = ?3) " \
  "AND (?4 IS NULL OR r.submitted_at >= ?4) AND (?5 IS NULL OR r.submitted_at < ?5)"
