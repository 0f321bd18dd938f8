/* bench-reports.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Times the report figures of the budgets issue on the demo household:
 * spending by category by month over ten years, and the budget status of a
 * month with every expense category budgeted (rollover running from ten
 * years back). Prints the median of several runs. Not a test: it asserts
 * nothing about the times, it measures them.
 *
 * Usage: bench-reports [DATABASE]
 *   Without DATABASE a demo of $BUDG_BENCH_TRANSACTIONS (default 1,000,000)
 *   transactions is generated in a temporary directory. A DATABASE given is
 *   opened (and upgraded) as it is; it must hold demo-like data.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>

#include "budg-budget-store.h"
#include "budg-context.h"
#include "budg-date.h"
#include "budg-demo.h"
#include "budg-exchange-rates.h"
#include "budg-period.h"
#include "budg-report.h"

#define N_RUNS 9

static double
elapsed_ms (gint64 since)
{
  return (g_get_monotonic_time () - since) / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *times)
{
  qsort (times, N_RUNS, sizeof (double), compare_doubles);

  return times[N_RUNS / 2];
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *child = g_build_filename (dir, name, NULL);

      g_unlink (child);
    }
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *today = budg_date_today ();
  g_autofree char *ten_years_ago = NULL;
  g_autofree char *month = NULL;
  g_autofree char *first_month = NULL;
  g_autoptr(BudgContext) context = NULL;
  g_autoptr(BudgBudgetStore) budgets = NULL;
  g_autoptr(GHashTable) budgeted = g_hash_table_new (g_int64_hash, g_int64_equal);
  BudgReportQuery query = { 0 };
  BudgPeriod period;
  GListModel *categories;
  double times[N_RUNS];
  guint n_rows = 0;
  guint n_budgets = 0;
  gint64 start;
  gint64 rate;

  if (argc > 1)
    path = g_strdup (argv[1]);
  else
    {
      const char *env = g_getenv ("BUDG_BENCH_TRANSACTIONS");
      guint n = env != NULL ? (guint) g_ascii_strtoull (env, NULL, 10) : 1000000;

      dir = g_dir_make_tmp ("budg-bench-reports-XXXXXX", &error);
      g_assert_no_error (error);
      path = g_build_filename (dir, "demo.db", NULL);

      context = budg_context_new (path, &error);
      g_assert_no_error (error);
      start = g_get_monotonic_time ();
      g_assert_true (budg_demo_generate (context, n, 1, NULL, &error));
      g_assert_no_error (error);
      g_print ("reports: generated a %u-transaction demo in %.1f s\n", n, elapsed_ms (start) / 1000.0);
      g_clear_object (&context);
    }

  /* A fresh connection, as the app has when it opens a file. */
  context = budg_context_new (path, &error);
  g_assert_no_error (error);

  /* Ten years back to the first of a month, up to today. */
  {
    GDate date;

    g_assert_true (budg_date_parse (today, &date, NULL));
    g_date_subtract_years (&date, 10);
    g_date_set_day (&date, 1);
    ten_years_ago = budg_date_to_iso (&date);
    budg_period_for_date (BUDG_PERIOD_MONTH, &date, &period);
    first_month = budg_period_to_string (&period);
  }
  budg_period_for_iso (BUDG_PERIOD_MONTH, today, &period, NULL);
  month = budg_period_to_string (&period);

  query.from = ten_years_ago;
  query.to = today;
  query.group = BUDG_REPORT_GROUP_CATEGORY;
  query.by_month = TRUE;

  for (guint i = 0; i <= N_RUNS; i++)
    {
      g_autoptr(GPtrArray) rows = NULL;

      start = g_get_monotonic_time ();
      rows = budg_report_spending (budg_context_get_database (context), &query, &error);
      g_assert_no_error (error);
      /* The first run warms the page cache, as opening the Reports view would. */
      if (i > 0)
        times[i - 1] = elapsed_ms (start);
      n_rows = rows->len;
    }
  g_print ("reports: spending by category by month over ten years (%u rows): %.1f ms (target <= 100)\n",
           n_rows, median (times));

  /* Every expense category budgeted from ten years back, rollover all, so
   * that the status of this month carries 120 months of history; the euro
   * account's spending is converted. */
  g_assert_true (budg_exchange_rate_parse ("1.0823", &rate, NULL));
  g_assert_true (budg_exchange_rates_set (budg_context_get_database (context), "EUR", "USD",
                                          ten_years_ago, rate, &error));
  g_assert_no_error (error);

  budgets = budg_budget_store_new (budg_context_get_database (context));
  categories = G_LIST_MODEL (budg_context_get_categories (context));
  for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
    {
      g_autoptr(BudgCategory) category = g_list_model_get_item (categories, i);
      g_autoptr(BudgBudget) budget = NULL;

      if (budg_category_get_is_income (category))
        continue;

      budget = budg_budget_store_set (budgets, budg_category_get_id (category), BUDG_BUDGET_PERIOD_MONTHLY,
                                      50000, "USD", BUDG_ROLLOVER_ALL, first_month, &error);
      g_assert_no_error (error);
      n_budgets++;
    }

  for (guint i = 0; i <= N_RUNS; i++)
    {
      g_autoptr(GPtrArray) statuses = NULL;

      start = g_get_monotonic_time ();
      statuses = budg_budget_store_status (budgets, month, &error);
      g_assert_no_error (error);
      if (i > 0)
        times[i - 1] = elapsed_ms (start);
      g_assert_cmpuint (statuses->len, ==, n_budgets);
    }
  g_print ("reports: budget status for a month (%u budgets, rollover from %s): %.1f ms (target <= 20)\n",
           n_budgets, first_month, median (times));

  g_clear_object (&budgets);
  g_clear_object (&context);
  if (dir != NULL)
    remove_dir (dir);

  return 0;
}
