/* rc-survey-private.h: shared by the survey and its loader
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rc-survey.h"

G_BEGIN_DECLS

struct _RcSurvey
{
  GObject     parent_instance;

  char       *id;
  gint64      version;
  GStrv       languages;
  RcText      title;
  RcText      intro;
  RcText      consent;
  RcText      thanks;
  RcText      helpline_title;
  GPtrArray  *contacts;      /* RcContact */
  GPtrArray  *sections;      /* RcSection */
  GPtrArray  *questions;     /* RcQuestion, in order; owns them */
  GHashTable *by_id;         /* id → RcQuestion */
  JsonNode   *definition;
};

RcQuestion *rc_question_new     (void);
void        rc_question_free    (RcQuestion *question);
RcOption   *rc_option_new       (void);
void        rc_option_free      (RcOption   *option);
RcSection  *rc_section_new      (void);
void        rc_section_free     (RcSection  *section);
RcContact  *rc_contact_new      (void);
void        rc_contact_free     (RcContact  *contact);

gboolean    rc_survey_load      (RcSurvey   *self,
                                 JsonNode   *root,
                                 GPtrArray  *problems);

G_END_DECLS
