/* rc-bench-measure.c: runs a command to its end and prints its wall time
 * in seconds, its peak resident memory in KiB, and the pages of memory it
 * touched for the first time (its minor page faults).
 *
 *   rc-bench-measure [--sync-output] COMMAND [ARGS...]
 *
 * With --sync-output, the time goes on until the command's output, a file
 * it was given as stdout, is on the disk (fsync), as an export's is when
 * the app's --export ends: a baseline that writes as safely.
 *
 * Linux keeps, as a process's peak memory, the peak of the memory it had
 * before its exec too. A command started by Python shares, until its
 * exec, Python's memory (vfork), so its ru_maxrss is never below the
 * interpreter's 13 MiB. Started from this small program by fork, it
 * starts from a few hundred KiB. So no GLib here: only libc.
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double
now (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

int
main (int   argc,
      char *argv[])
{
  struct rusage usage;
  double start;
  pid_t pid;
  int status;
  int sync_output = argc > 1 && strcmp (argv[1], "--sync-output") == 0;

  if (sync_output)
    {
      argv++;
      argc--;
    }
  if (argc < 2)
    {
      fputs ("Usage: rc-bench-measure [--sync-output] COMMAND [ARGS...]\n", stderr);
      return 2;
    }

  start = now ();
  pid = fork ();
  if (pid < 0)
    {
      perror ("fork");
      return 2;
    }
  if (pid == 0)
    {
      execvp (argv[1], argv + 1);
      perror (argv[1]);
      _exit (127);
    }
  if (wait4 (pid, &status, 0, &usage) < 0)
    {
      perror ("wait4");
      return 2;
    }
  if (sync_output && fsync (STDOUT_FILENO) != 0)
    {
      perror ("fsync");
      return 2;
    }
  /* The figures go to stderr: the command's output is stdout. */
  fprintf (stderr, "rc-bench-measure: %.6f %ld %ld\n", now () - start, usage.ru_maxrss, usage.ru_minflt);

  if (WIFEXITED (status))
    return WEXITSTATUS (status);
  return 128 + WTERMSIG (status);
}
