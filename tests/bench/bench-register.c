/* bench-register.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Times the register figures build-aux/bench.sh prints, on a database the
 * script made (the 1,000,000-transaction demo): scrolling from top to
 * bottom in large jumps (the work of each frame), a search and a filter
 * change until the updated view is painted, and sorting by amount. Runs
 * real widgets, so it needs a display (Xvfb). Not a test: it measures.
 *
 *   bench-register DATABASE
 */

#include "config.h"

#include <adwaita.h>

#include "budg-context.h"
#include "budg-register-cell.h"
#include "budg-register-view-private.h"
#include "budg-resources.h"

#define JUMPS 40
#define VISIBLE_ROWS 50

typedef struct
{
  gint64 work_start;       /* our work: from the change to the end of the paint */
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

/* Iterates until the next frame has been painted; returns the time from
 * @since to the end of that paint, in ms. */
static double
until_painted (Clock  *clock,
               gint64  since)
{
  guint paints = clock->paints;

  while (clock->paints == paints)
    g_main_context_iteration (NULL, TRUE);

  return (clock->last_paint_end - since) / 1000.0;
}

/* A long list comes in two steps (see budg_register_model_set_progressive):
 * the figures time the first, updated frame; counts and scrolling need the
 * whole list. */
static guint
wait_complete (BudgRegisterView *view)
{
  BudgRegisterModel *model = budg_register_view_get_model (view);

  while (!budg_register_model_is_complete (model))
    g_main_context_iteration (NULL, TRUE);

  return g_list_model_get_n_items (G_LIST_MODEL (model));
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BudgContext) context = NULL;
  GtkWidget *window;
  BudgRegisterView *view;
  GtkAdjustment *adjustment;
  GdkFrameClock *frame_clock;
  Clock clock = { 0 };
  double jumps[JUMPS];
  double ms, search_ms, filter_ms, sort_ms, clear_ms;
  gint64 start;
  guint n;

  if (argc != 2)
    {
      g_printerr ("Usage: bench-register DATABASE\n");
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

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  view = BUDG_REGISTER_VIEW (budg_register_view_new (context));
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (view)))
    g_main_context_iteration (NULL, TRUE);

  frame_clock = gtk_widget_get_frame_clock (window);
  g_signal_connect (frame_clock, "after-paint", G_CALLBACK (after_paint_cb), &clock);

  start = g_get_monotonic_time ();
  budg_register_view_set_active (view, TRUE);
  ms = until_painted (&clock, start);
  n = wait_complete (view);
  /* A frame with the whole list, so the scrollbar spans it. */
  gtk_widget_queue_resize (GTK_WIDGET (view));
  until_painted (&clock, g_get_monotonic_time ());
  g_print ("register: %u transactions, all accounts, first frame with data after activating: %.1f ms\n", n, ms);

  adjustment = gtk_scrolled_window_get_vadjustment (view->scrolled_window);

  /* Jumps spread over the whole list, as a dragged scrollbar does, each
   * landing on rows never read before. */
  for (guint i = 0; i < JUMPS; i++)
    {
      double upper = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);

      start = g_get_monotonic_time ();
      gtk_adjustment_set_value (adjustment, upper * (i + 1) / JUMPS);
      jumps[i] = until_painted (&clock, start);
    }
  qsort (jumps, JUMPS, sizeof jumps[0], compare_doubles);
  g_print ("register scroll, %d jumps top to bottom, whole frame (GTK layout and software rendering under Xvfb included): "
           "median %.1f ms, worst %.1f ms\n",
           JUMPS, jumps[JUMPS / 2], jumps[JUMPS - 1]);

  /* Our part of such a frame: reading the rows that come into view from
   * SQLite (a fresh model, so nothing is cached) and formatting every
   * cell of them. */
  {
    g_autoptr(BudgRegisterModel) model = budg_register_model_new (budg_context_get_transactions (context));
    BudgTransactionQuery query = { 0 };
    GtkWidget *cells[8];
    static const char * const columns[] = { "date", "account", "payee", "category", "memo", "status", "amount", "balance" };
    guint total;

    query.descending = TRUE;
    budg_register_model_set_query (model, &query, &error);
    total = g_list_model_get_n_items (G_LIST_MODEL (model));
    for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
      cells[c] = g_object_ref_sink (budg_register_cell_new (columns[c]));

    for (guint i = 0; i < JUMPS; i++)
      {
        guint first = (guint) ((guint64) (total - VISIBLE_ROWS) * (i + 1) / JUMPS);

        start = g_get_monotonic_time ();
        for (guint r = 0; r < VISIBLE_ROWS; r++)
          {
            g_autoptr(BudgTransaction) item = g_list_model_get_item (G_LIST_MODEL (model), first + r);

            for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
              budg_register_cell_set_transaction (BUDG_REGISTER_CELL (cells[c]), item);
          }
        jumps[i] = (g_get_monotonic_time () - start) / 1000.0;
      }
    for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
      g_object_unref (cells[c]);

    qsort (jumps, JUMPS, sizeof jumps[0], compare_doubles);
    g_print ("register scroll, our work per jump (%d rows read and formatted): median %.1f ms, worst %.1f ms (target <= 16)\n",
             VISIBLE_ROWS, jumps[JUMPS / 2], jumps[JUMPS - 1]);
  }

  start = g_get_monotonic_time ();
  budg_register_view_search (view, "cafe");
  search_ms = until_painted (&clock, start);
  n = wait_complete (view);
  g_print ("register search \"cafe\" (%u matches) to the updated view: %.1f ms (target <= 100)\n", n, search_ms);

  start = g_get_monotonic_time ();
  budg_register_view_search (view, "12.50");
  filter_ms = until_painted (&clock, start);
  n = wait_complete (view);
  g_print ("register filter amount = 12.50 (%u matches) to the updated view: %.1f ms (target <= 100)\n", n, filter_ms);

  start = g_get_monotonic_time ();
  budg_register_view_search (view, NULL);
  clear_ms = until_painted (&clock, start);
  wait_complete (view);
  g_print ("register search cleared (all rows back) to the updated view: %.1f ms\n", clear_ms);

  start = g_get_monotonic_time ();
  budg_register_view_sort (view, BUDG_TRANSACTION_SORT_AMOUNT, FALSE);
  sort_ms = until_painted (&clock, start);
  wait_complete (view);
  g_print ("register sort by amount, all rows, to the updated view: %.1f ms (target <= 200)\n", sort_ms);

  gtk_window_destroy (GTK_WINDOW (window));

  return 0;
}
