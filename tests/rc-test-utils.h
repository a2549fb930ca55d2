/* rc-test-utils.h
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rc-database.h"
#include "rc-survey.h"

G_BEGIN_DECLS

char       *rc_test_make_temp_dir     (void);
guint       rc_test_count_entries     (const char *folder);
gboolean    rc_test_is_temporary_of   (int         fd,
                                       const char *name);
RcSurvey   *rc_test_load_survey       (const char *fixture_name,
                                       GError    **error);
RcSurvey   *rc_test_load_all_types    (void);
RcDatabase *rc_test_open_database     (const char *data_dir);
void        rc_test_damage_database   (const char *data_dir);
guint       rc_test_get_kills         (void);
void        rc_test_die_with_parent    (gpointer            user_data);
char      **rc_test_kill_while_running (const char * const *argv,
                                       guint               min_us,
                                       guint               max_us);
char       *rc_test_integrity_check   (RcDatabase *database);
gint64      rc_test_count_responses_in (const char *path);
gint64      rc_test_query_int         (RcDatabase *database,
                                       const char *sql);
void        rc_test_run_loop_for      (guint       ms);
GThread    *rc_test_commit_later      (RcDatabase *other);
char       *rc_test_query_plan        (RcDatabase *database,
                                       const char *sql);
void        rc_test_seed_results      (const char *data_dir);
char       *rc_test_run_tool          (const char * const *argv);
void        rc_test_assert_analysts_can_read (const char *json_path,
                                              const char *csv_path);
char       *rc_test_pdf_text          (const char *path);
void        rc_test_save_response     (const char *data_dir,
                                       const char *language);

G_END_DECLS
