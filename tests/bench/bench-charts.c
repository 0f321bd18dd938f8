/* bench-charts.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Times the chart figures build-aux/bench.sh prints: one frame of each
 * chart kind at 800×600, the median of 50 renders into an image surface as
 * the widget's snapshot would draw it. Not a test: it asserts nothing about
 * the times, it measures them.
 */

#include "config.h"

#include "budg-chart.h"

#define WIDTH 800
#define HEIGHT 600
#define N_RUNS 50

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median_ms (const BudgChartData *data)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  BudgChartStyle style;
  double times[N_RUNS];

  budg_chart_style_init_light (&style);

  /* One render first, so that font loading is not counted as a frame. */
  for (int i = -1; i < N_RUNS; i++)
    {
      cairo_t *cr = cairo_create (surface);
      gint64 start = g_get_monotonic_time ();

      budg_chart_draw (cr, WIDTH, HEIGHT, data, &style);
      cairo_surface_flush (surface);
      if (i >= 0)
        times[i] = (g_get_monotonic_time () - start) / 1000.0;
      cairo_destroy (cr);
    }

  cairo_surface_destroy (surface);
  qsort (times, N_RUNS, sizeof times[0], compare_doubles);

  return times[N_RUNS / 2];
}

int
main (int   argc,
      char *argv[])
{
  static const char * const months[] = {
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
  };
  g_autoptr(BudgChartData) donut = budg_chart_data_new (BUDG_CHART_KIND_DONUT, "Spending by category", "EUR");
  g_autoptr(BudgChartData) bars = budg_chart_data_new (BUDG_CHART_KIND_BARS_GROUPED, "Spending by month", "EUR");
  g_autoptr(BudgChartData) line = budg_chart_data_new (BUDG_CHART_KIND_LINE, "Balances", "EUR");

  budg_chart_data_add_series (donut, "Spending", NULL);
  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *name = g_strdup_printf ("Category %u", i + 1);

      budg_chart_data_add_label (donut, name, NULL);
      budg_chart_data_append_value (donut, 0, 1500 + i * 2345);
    }

  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    budg_chart_data_add_label (bars, months[i], NULL);
  for (guint s = 0; s < 10; s++)
    {
      g_autofree char *name = g_strdup_printf ("Category %u", s + 1);

      budg_chart_data_add_series (bars, name, NULL);
      for (guint i = 0; i < G_N_ELEMENTS (months); i++)
        budg_chart_data_append_value (bars, s, 2000 + (gint64) ((s * 12 + i) * 7919 % 90000));
    }

  /* A year of daily balances for three accounts, the last 90 days forecast. */
  for (guint i = 0; i < 365; i++)
    {
      g_autofree char *day = g_strdup_printf ("Day %u", i + 1);

      budg_chart_data_add_label (line, day, NULL);
    }
  for (guint s = 0; s < 3; s++)
    {
      g_autofree char *name = g_strdup_printf ("Account %u", s + 1);
      gint64 balance = 150000 * (s + 1);

      budg_chart_data_add_series (line, name, NULL);
      for (guint i = 0; i < 365; i++)
        {
          balance += (gint64) ((i * 7919 + s * 104729) % 20000) - 9800;
          budg_chart_data_append_value (line, s, balance);
        }
    }
  budg_chart_data_set_projected_from (line, 365 - 90);

  g_print ("chart render (donut 20 slices, %dx%d): %.2f ms (target <= 16)\n",
           WIDTH, HEIGHT, median_ms (donut));
  g_print ("chart render (bars 12 months x 10 series, %dx%d): %.2f ms (target <= 16)\n",
           WIDTH, HEIGHT, median_ms (bars));
  g_print ("chart render (line 3 x 365 days, %dx%d): %.2f ms (target <= 16)\n",
           WIDTH, HEIGHT, median_ms (line));

  return 0;
}
