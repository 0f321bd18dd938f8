/* budg-startup-trace.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-startup-trace"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <gio/gio.h>

#include "budg-startup-trace.h"

/* Startup time is what the user waits for: from the moment the process was
 * created (not from main(), which comes after the dynamic linker, GTK's
 * constructors and so on) to the first frame that shows their accounts.
 * build-aux/bench.sh reads the line printed here, so its format is fixed.
 */

static gint64 main_time_us;
static gboolean first_frame_done;

static gint64
clock_ms (clockid_t clock_id)
{
  struct timespec ts;

  if (clock_gettime (clock_id, &ts) != 0)
    return -1;

  return (gint64) ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Field 22 of /proc/self/stat is the process start time in clock ticks
 * after boot, the same origin as CLOCK_BOOTTIME. The second field is the
 * command name in parentheses and may itself hold spaces or parentheses,
 * so fields are counted from the last ')'.
 */
static gint64
process_start_ms (void)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) fields = NULL;
  const char *after_comm;
  long ticks_per_second;
  guint64 start_ticks;
  char *end = NULL;

  if (!g_file_get_contents ("/proc/self/stat", &contents, NULL, NULL))
    return -1;

  after_comm = strrchr (contents, ')');
  if (after_comm == NULL || after_comm[1] != ' ')
    return -1;

  /* fields[0] is field 3 (the state), so field 22 is fields[19]. */
  fields = g_strsplit (after_comm + 2, " ", 21);
  if (g_strv_length (fields) < 20)
    return -1;

  start_ticks = g_ascii_strtoull (fields[19], &end, 10);
  if (end == fields[19] || *end != '\0')
    return -1;

  ticks_per_second = sysconf (_SC_CLK_TCK);
  if (ticks_per_second <= 0)
    return -1;

  return (gint64) (start_ticks * 1000 / (guint64) ticks_per_second);
}

/**
 * budg_startup_trace_init:
 *
 * Records the time main() started, the fallback origin when the process
 * start time cannot be read. Call it first thing in main().
 */
void
budg_startup_trace_init (void)
{
  if (main_time_us == 0)
    main_time_us = g_get_monotonic_time ();
}

/**
 * budg_startup_trace_is_enabled:
 *
 * Returns: whether `BUDG_TRACE` asks for startup timing.
 */
gboolean
budg_startup_trace_is_enabled (void)
{
  const char *trace = g_getenv ("BUDG_TRACE");

  return trace != NULL && strstr (trace, "startup") != NULL;
}

/**
 * budg_startup_trace_elapsed_ms:
 *
 * Returns: the milliseconds since the process started, or since
 *   budg_startup_trace_init() when the start time is unknown.
 */
gint64
budg_startup_trace_elapsed_ms (void)
{
  gint64 start_ms = process_start_ms ();
  gint64 now_ms = clock_ms (CLOCK_BOOTTIME);

  if (start_ms >= 0 && now_ms >= start_ms)
    return now_ms - start_ms;

  if (main_time_us == 0)
    return 0;

  return (g_get_monotonic_time () - main_time_us) / 1000;
}

/**
 * budg_startup_trace_first_frame:
 *
 * Reports, once per process and only when tracing is enabled, that the
 * first frame showing real data has been painted.
 */
void
budg_startup_trace_first_frame (void)
{
  if (first_frame_done)
    return;

  first_frame_done = TRUE;

  if (!budg_startup_trace_is_enabled ())
    return;

  fprintf (stderr, "budg: startup: first frame with data after %" G_GINT64_FORMAT " ms\n",
           budg_startup_trace_elapsed_ms ());
  fflush (stderr);

  /* "startup,quit" is for build-aux/bench.sh: measure, then leave cleanly so
   * that /usr/bin/time can read the peak memory of a whole run. */
  if (strstr (g_getenv ("BUDG_TRACE"), "quit") != NULL && g_application_get_default () != NULL)
    g_application_quit (g_application_get_default ());
}
