/* rc-fuzz.h: what every fuzz target shares
 *
 * Each target defines LLVMFuzzerTestOneInput (), the entry point libFuzzer
 * calls with one input; the same file, linked with rc-fuzz-replay.c instead
 * of libFuzzer, replays the corpus in the normal test suite.
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <stdint.h>
#include <stdlib.h>

G_BEGIN_DECLS

int LLVMFuzzerInitialize   (int            *argc,
                            char         ***argv);
int LLVMFuzzerTestOneInput (const uint8_t  *data,
                            size_t          size);

/* A critical or a warning is a bug the fuzzer must report, as a crash:
 * abort() rather than GLib's breakpoint trap, which libFuzzer does not
 * catch, so the input is kept. */
static inline GLogWriterOutput
rc_fuzz_log_writer (GLogLevelFlags   level,
                    const GLogField *fields,
                    gsize            n_fields,
                    gpointer         user_data)
{
  g_log_writer_standard_streams (level, fields, n_fields, user_data);
  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    abort ();
  return G_LOG_WRITER_HANDLED;
}

static inline void
rc_fuzz_init (void)
{
  g_log_set_writer_func (rc_fuzz_log_writer, NULL, NULL);
}

/* The start of a target that needs nothing of its own. */
#define RC_FUZZ_DEFINE_INITIALIZE()           \
  int                                         \
  LLVMFuzzerInitialize (int    *argc,         \
                        char ***argv)         \
  {                                           \
    rc_fuzz_init ();                          \
    return 0;                                 \
  }

G_END_DECLS
