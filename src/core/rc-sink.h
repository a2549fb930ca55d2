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

/* A sync of what was written starts whenever this much more was written
 * and the one before is over. Each sync has a cost of its own: at 10,000
 * responses, parts of 8 MiB took less time than parts of 1, 2 or 4. */
#define RC_SINK_SYNC_SIZE (8 * 1024 * 1024)

/* The file being written, under a temporary name beside the target until
 * it is complete. */
typedef struct
{
  const char *path;
  char       *temp_path;
  int         fd;
  GString    *buffer;
  goffset     written;         /* bytes already handed to the system */
  goffset     sync_started;    /* of those, bytes the last sync began with */
  GThread    *syncing;         /* that sync, until it is joined */
  int         sync_done;       /* set by it, atomically, when it is over */
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
