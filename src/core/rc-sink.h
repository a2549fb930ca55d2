/* rc-sink.h: a file written under a temporary name, renamed into place when whole
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Written out whenever this much is buffered: memory stays flat however
 * many responses there are. */
#define RC_SINK_FLUSH_SIZE (256 * 1024)

/* The file being written, under a temporary name beside the target until
 * it is complete. */
typedef struct
{
  const char *path;
  char       *temp_path;
  int         fd;
  GString    *buffer;
} RcSink;

gboolean rc_sink_open        (RcSink        *sink,
                              const char    *path,
                              GError       **error);
gboolean rc_sink_flush       (RcSink        *sink,
                              GError       **error);
gboolean rc_sink_maybe_flush (RcSink        *sink,
                              GError       **error);
gboolean rc_sink_commit      (RcSink        *sink,
                              GError       **error);
gboolean rc_sink_commit_full (RcSink        *sink,
                              GCancellable  *cancellable,
                              GError       **error);
void     rc_sink_abort       (RcSink        *sink);

G_END_DECLS
