/* rc-sink.c
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "rc-i18n.h"
#include "rc-sink.h"

gboolean
rc_sink_open (RcSink        *sink,
           const char  *path,
           GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *template = g_strdup_printf (".%s.XXXXXX", base);
  int errsv;

  sink->path = path;
  sink->written = 0;
  sink->sync_started = 0;
  sink->syncing = NULL;
  sink->sync_done = FALSE;
  sink->temp_path = g_build_filename (dir, template, NULL);
  sink->buffer = g_string_sized_new (RC_SINK_FLUSH_SIZE + 4096);
  /* Answers are sensitive: only their owner may read an export. */
  sink->fd = g_mkstemp_full (sink->temp_path, O_WRONLY | O_CLOEXEC, 0600);
  if (sink->fd < 0)
    {
      errsv = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   _("Cannot write in the folder “%s”: %s"), dir, g_strerror (errsv));
      g_clear_pointer (&sink->temp_path, g_free);
      g_string_free (g_steal_pointer (&sink->buffer), TRUE);
      return FALSE;
    }

  return TRUE;
}

/* What a failed write, sync or rename of @sink tells: the file it is for,
 * not its temporary. */
static void
set_write_error (RcSink  *sink,
                 int      errsv,
                 GError **error)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
               _("Cannot write “%s”: %s"), sink->path, g_strerror (errsv));
}

/* What is written goes to the disk beside the making of the rest, instead
 * of all of it in the fsync() at the end, which then waits only for the
 * last part: on a disk that flushes in proportion to what it holds, that
 * is most of a large export's wait. */
static gpointer
sync_in_thread (gpointer data)
{
  RcSink *sink = data;
  int errsv = fdatasync (sink->fd) == 0 ? 0 : errno;

  g_atomic_int_set (&sink->sync_done, TRUE);
  return GINT_TO_POINTER (errsv);
}

/* Linux reports a failed write to the disk once to each open file, at the
 * first sync after it: if that was this thread's, the fsync() at the end
 * would not hear of it, so it is reported here. */
static gboolean
wait_for_sync (RcSink  *sink,
               GError **error)
{
  int errsv;

  if (sink->syncing == NULL)
    return TRUE;

  errsv = GPOINTER_TO_INT (g_thread_join (g_steal_pointer (&sink->syncing)));
  if (errsv != 0)
    {
      set_write_error (sink, errsv, error);
      return FALSE;
    }

  return TRUE;
}

gboolean
rc_sink_flush (RcSink    *sink,
            GError **error)
{
  gsize done = 0;

  while (done < sink->buffer->len)
    {
      gssize n = write (sink->fd, sink->buffer->str + done, sink->buffer->len - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          set_write_error (sink, errno, error);
          return FALSE;
        }
      done += n;
    }

  sink->written += done;
  if (sink->written - sink->sync_started >= RC_SINK_SYNC_SIZE
      && (sink->syncing == NULL || g_atomic_int_get (&sink->sync_done)))
    {
      if (!wait_for_sync (sink, error))
        return FALSE;
      /* Without a thread, the fsync() at the end does it all. */
      sink->sync_done = FALSE;
      sink->syncing = g_thread_try_new ("rc-sink-sync", sync_in_thread, sink, NULL);
      sink->sync_started = sink->written;
    }

  g_string_truncate (sink->buffer, 0);
  return TRUE;
}

gboolean
rc_sink_maybe_flush (RcSink    *sink,
                  GError **error)
{
  return sink->buffer->len < RC_SINK_FLUSH_SIZE || rc_sink_flush (sink, error);
}

/* Leaves no file and no temporary behind. */
void
rc_sink_abort (RcSink *sink)
{
  if (sink->syncing != NULL)
    g_thread_join (g_steal_pointer (&sink->syncing));
  if (sink->fd >= 0)
    close (sink->fd);
  sink->fd = -1;
  if (sink->temp_path != NULL)
    g_unlink (sink->temp_path);
  g_clear_pointer (&sink->temp_path, g_free);
  if (sink->buffer != NULL)
    g_string_free (sink->buffer, TRUE);
  sink->buffer = NULL;
}

/* Only a complete file, safely on disk, takes the target's name. */
gboolean
rc_sink_commit (RcSink  *sink,
                GError **error)
{
  return rc_sink_commit_full (sink, NULL, error);
}

/* Also refuses when @cancellable was cancelled by the time the file is on
 * disk: flushing and syncing a large file takes long enough for someone to
 * press Stop, and a stopped export must not appear. On failure nothing is
 * left behind, as after rc_sink_abort(). */
gboolean
rc_sink_commit_full (RcSink        *sink,
                     GCancellable  *cancellable,
                     GError       **error)
{
  int errsv = 0;

  if (!rc_sink_flush (sink, error) || !wait_for_sync (sink, error))
    goto fail;

  if (fsync (sink->fd) != 0)
    errsv = errno;
  /* Closed whatever fsync said: the descriptor is ours to release. */
  if (close (sink->fd) != 0 && errsv == 0)
    errsv = errno;
  sink->fd = -1;
  if (errsv != 0)
    {
      set_write_error (sink, errsv, error);
      goto fail;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    goto fail;

  if (g_rename (sink->temp_path, sink->path) != 0)
    {
      set_write_error (sink, errno, error);
      goto fail;
    }

  g_clear_pointer (&sink->temp_path, g_free);
  g_string_free (sink->buffer, TRUE);
  sink->buffer = NULL;
  return TRUE;

fail:
  rc_sink_abort (sink);
  return FALSE;
}
