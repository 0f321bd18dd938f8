/* bench-views.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Times what build-aux/bench.sh prints for the views: from switching to a
 * view (Bills, Transactions, Budgets, Goals, Reports) to the end of the
 * paint of its first frame, in a real window on the given database (the
 * 1,000,000-transaction demo). Needs a display (Xvfb). Not a test: it
 * measures.
 *
 *   bench-views DATABASE
 */

#include "config.h"

#include <adwaita.h>

#include "budg-context.h"
#include "budg-resources.h"
#include "budg-window.h"

typedef struct
{
  gint64 last_paint_end;
  guint  paints;
} Clock;

static void
after_paint_cb (GdkFrameClock *frame_clock,
                Clock         *clock)
{
  clock->last_paint_end = g_get_monotonic_time ();
  clock->paints++;
}

static double
until_painted (Clock  *clock,
               gint64  since)
{
  guint paints = clock->paints;

  while (clock->paints == paints)
    g_main_context_iteration (NULL, TRUE);

  return (clock->last_paint_end - since) / 1000.0;
}

/* Runs the main loop for @ms milliseconds, painting or not. */
static void
settle (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

int
main (int   argc,
      char *argv[])
{
  static const char * const views[] = { "transactions", "budgets", "goals", "reports", "bills" };
  g_autoptr(GError) error = NULL;
  g_autoptr(BudgContext) context = NULL;
  BudgWindow *window;
  Clock clock = { 0 };

  if (argc != 2)
    {
      g_printerr ("Usage: bench-views DATABASE\n");
      return 2;
    }

  gtk_init ();
  adw_init ();
  g_assert_nonnull (budg_get_resource ());

  context = budg_context_new (argv[1], &error);
  if (context == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  window = budg_window_new (NULL, context);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  while (!budg_window_get_ready (window))
    g_main_context_iteration (NULL, TRUE);

  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (after_paint_cb), &clock);

  /* Each view is shown for the first time: what it reads, it reads now. */
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      gint64 start = g_get_monotonic_time ();
      double ms;

      budg_window_set_view (window, views[i]);
      ms = until_painted (&clock, start);
      g_print ("view %s, first frame after switching to it: %.1f ms (target <= 300)\n", views[i], ms);

      /* Let idle work (the rest of a long list, insights) finish before
       * the next view, so that each figure is its own. */
      settle (500);
    }

  gtk_window_destroy (GTK_WINDOW (window));

  return 0;
}
