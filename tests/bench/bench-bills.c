/* bench-bills.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Times the bill figures build-aux/bench.sh prints: 500 active bills over 10
 * accounts expanded and forecast two years ahead, and one drag-and-drop
 * reorder persisted and re-projected. Not a test: it asserts nothing about
 * the times, it measures them.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "budg-context.h"
#include "budg-date.h"
#include "budg-forecast.h"
#include "budg-ledger.h"

#define N_ACCOUNTS 10
#define N_BILLS 500

static const char * const rules[] = {
  "FREQ=MONTHLY;BYMONTHDAY=1",
  "FREQ=MONTHLY;BYMONTHDAY=15",
  "FREQ=WEEKLY;INTERVAL=2",
  "FREQ=MONTHLY;BYMONTHDAY=-1",
  "FREQ=MONTHLY;BYDAY=2TU",
  "FREQ=WEEKLY",
  "FREQ=YEARLY",
  "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1",
};

static double
elapsed_ms (gint64 since)
{
  return (g_get_monotonic_time () - since) / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("budg-bench-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "bench.db", NULL);
  g_autofree char *today = budg_date_today ();
  g_autofree char *horizon = budg_date_add_days (today, 730);
  g_autofree char *ledger_from = NULL;
  g_autofree char *ledger_to = NULL;
  g_autoptr(BudgContext) context = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  gint64 accounts[N_ACCOUNTS];
  gint64 start;
  guint n_days = 0;
  BudgDueBill *dragged = NULL;
  BudgDueBill *target = NULL;

  context = budg_context_new (path, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < N_ACCOUNTS; i++)
    {
      g_autofree char *name = g_strdup_printf ("Account %u", i + 1);
      BudgAccount *account = budg_account_store_create (budg_context_get_accounts (context), name,
                                                        BUDG_ACCOUNT_KIND_CHECKING, "USD", NULL,
                                                        today, 500000, &error);

      g_assert_no_error (error);
      accounts[i] = budg_account_get_id (account);
    }

  for (guint i = 0; i < N_BILLS; i++)
    {
      g_autofree char *name = g_strdup_printf ("Bill %03u", i + 1);
      g_autofree char *first = budg_date_add_days (today, -(int) (i % 60));
      g_autoptr(BudgBill) draft = budg_bill_new (name, accounts[i % N_ACCOUNTS], 1000 + i * 37,
                                                 rules[i % G_N_ELEMENTS (rules)], first);

      budg_bill_set_is_income (draft, i % 9 == 0);
      g_assert_nonnull (budg_bill_store_create (budg_context_get_bills (context), draft, &error));
      g_assert_no_error (error);
    }

  /* Expanding and forecasting two years ahead, every account. */
  start = g_get_monotonic_time ();
  for (guint i = 0; i < N_ACCOUNTS; i++)
    {
      g_autoptr(BudgForecast) forecast = budg_forecast_compute (budg_context_get_database (context),
                                                                budg_context_get_dues (context),
                                                                accounts[i], today, horizon, &error);

      g_assert_no_error (error);
      n_days += forecast->days->len;
    }
  g_print ("bills: %u bills over %u accounts expanded and forecast two years ahead (%u account-days): %.1f ms (target <= 50)\n",
           N_BILLS, N_ACCOUNTS, n_days, elapsed_ms (start));

  /* A reorder as the ledger does it: the store call, then the ledger rebuilt. */
  budg_ledger_default_range (budg_context_get_database (context), today, &ledger_from, &ledger_to);
  rows = budg_ledger_build (budg_context_get_database (context), budg_context_get_dues (context), 0,
                            ledger_from, ledger_to, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i + 1 < rows->len && dragged == NULL; i++)
    {
      BudgLedgerRow *a = g_ptr_array_index (rows, i);
      BudgLedgerRow *b = g_ptr_array_index (rows, i + 1);

      if (budg_ledger_row_get_due_bill (a) != NULL && budg_ledger_row_get_due_bill (b) != NULL &&
          g_strcmp0 (budg_ledger_row_get_date (a), budg_ledger_row_get_date (b)) == 0)
        {
          dragged = budg_ledger_row_get_due_bill (b);
          target = budg_ledger_row_get_due_bill (a);
        }
    }
  g_assert_nonnull (dragged);

  start = g_get_monotonic_time ();
  g_assert_true (budg_due_store_move (budg_context_get_dues (context), dragged, target, FALSE, &error));
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = budg_ledger_build (budg_context_get_database (context), budg_context_get_dues (context), 0,
                            ledger_from, ledger_to, NULL, &error);
  g_assert_no_error (error);
  g_print ("bills: one reorder persisted and the %u-row ledger re-projected: %.1f ms (target <= 30)\n",
           rows->len, elapsed_ms (start));

  g_clear_pointer (&rows, g_ptr_array_unref);
  g_clear_object (&context);
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

  return 0;
}
