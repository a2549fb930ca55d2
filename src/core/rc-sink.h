/* rc-sink.h: a file written under a temporary name, renamed into place when whole
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <string.h>

G_BEGIN_DECLS

/* g_string_append_len() as GLib 2.76 inlines it: an export appends a few
 * bytes at a time, hundreds of millions of times, and almost always into
 * room the buffer already has. */
static inline void
rc_string_append_len (GString    *out,
                      const char *text,
                      gsize       length)
{
  if (G_LIKELY (out->len + length < out->allocated_len))
    {
      memcpy (out->str + out->len, text, length);
      out->len += length;
      out->str[out->len] = '\0';
    }
  else
    g_string_append_len (out, text, length);
}

/* Written out whenever this much is buffered: memory stays flat however
 * many responses there are. */
#define RC_SINK_FLUSH_SIZE (256 * 1024)

/* The disk is asked to start writing whenever this much more was written. */
#define RC_SINK_WRITEBACK_SIZE (4 * 1024 * 1024)

/* The file being written, under a temporary name beside the target until
 * it is complete. */
typedef struct
{
  const char *path;
  char       *temp_path;
  int         fd;
  GString    *buffer;
  goffset     written;         /* bytes already handed to the system */
  goffset     started;         /* of those, bytes the disk was asked to write */
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
