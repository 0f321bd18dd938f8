/* test-bills.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "budg-context.h"
#include "budg-date.h"
#include "budg-error.h"
#include "budg-forecast.h"
#include "budg-ledger.h"

typedef struct
{
  char          *dir;
  BudgContext   *context;
  BudgBillStore *bills;
  BudgDueStore  *dues;
  gint64         checking;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  BudgAccount *account;

  fixture->dir = g_dir_make_tmp ("budg-test-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "budg.db", NULL);
  fixture->context = budg_context_new (path, &error);
  g_assert_no_error (error);
  fixture->bills = budg_context_get_bills (fixture->context);
  fixture->dues = budg_context_get_dues (fixture->context);

  account = budg_account_store_create (budg_context_get_accounts (fixture->context), "Checking",
                                       BUDG_ACCOUNT_KIND_CHECKING, "USD", NULL, NULL, 0, &error);
  g_assert_no_error (error);
  fixture->checking = budg_account_get_id (account);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  g_clear_object (&fixture->context);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (fixture->dir, name, NULL);

      g_unlink (child);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

static gint64
count_rows (Fixture    *fixture,
            const char *sql)
{
  sqlite3 *handle = budg_database_get_handle (budg_context_get_database (fixture->context));
  sqlite3_stmt *stmt = NULL;
  gint64 count;

  g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  count = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return count;
}

static BudgBill *
add_bill (Fixture    *fixture,
          const char *name,
          gint64      amount_minor,
          const char *rrule,
          const char *start,
          gboolean    income)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BudgBill) draft = budg_bill_new (name, fixture->checking, amount_minor, rrule, start);
  BudgBill *bill;

  budg_bill_set_is_income (draft, income);
  bill = budg_bill_store_create (fixture->bills, draft, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bill);

  return bill;
}

static GPtrArray *
list_dues (Fixture    *fixture,
           const char *from,
           const char *to,
           gboolean    materialize)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *dues = budg_due_store_list (fixture->dues, from, to, 0, materialize, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dues);

  return dues;
}

static BudgDueBill *
due_at (GPtrArray *dues,
        guint      i)
{
  g_assert_cmpuint (i, <, dues->len);

  return g_ptr_array_index (dues, i);
}

static void
test_create_refuses_bad_bills (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const struct {
    gint64      amount;
    gint64      amount_max;
    const char *rrule;
    const char *start;
    const char *end;
    guint       count;
    gint64      account;
    gint64      category;
    guint       lead_days;
  } cases[] = {
    { 0, 0, "FREQ=MONTHLY", "2026-01-01", NULL, 0, 0, 0, 3 },
    { 500, 400, "FREQ=MONTHLY", "2026-01-01", NULL, 0, 0, 0, 3 },
    { 500, 0, "FREQ=SOMETIMES", "2026-01-01", NULL, 0, 0, 0, 3 },
    { 500, 0, "FREQ=HOURLY", "2026-01-01", NULL, 0, 0, 0, 3 },
    { 500, 0, "FREQ=MONTHLY", "2026-02-30", NULL, 0, 0, 0, 3 },
    { 500, 0, "FREQ=MONTHLY", "2026-03-01", "2026-02-01", 0, 0, 0, 3 },
    { 500, 0, "FREQ=MONTHLY", "2026-01-01", "2026-12-31", 4, 0, 0, 3 },
    { 500, 0, "FREQ=MONTHLY", "2026-01-01", NULL, 0, 999, 0, 3 },
    { 500, 0, "FREQ=MONTHLY", "2026-01-01", NULL, 0, 0, 999, 3 },
    { 500, 0, "FREQ=MONTHLY", "2026-01-01", NULL, 0, 0, 0, 400 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(BudgBill) draft = budg_bill_new ("Rent", cases[i].account != 0 ? cases[i].account : fixture->checking,
                                                 cases[i].amount, cases[i].rrule, cases[i].start);

      budg_bill_set_amount_max_minor (draft, cases[i].amount_max);
      budg_bill_set_end_date (draft, cases[i].end);
      budg_bill_set_count (draft, cases[i].count);
      budg_bill_set_category_id (draft, cases[i].category);
      budg_bill_set_lead_days (draft, cases[i].lead_days);

      g_assert_null (budg_bill_store_create (fixture->bills, draft, &error));
      g_assert_nonnull (error);
      g_assert_true (error->domain == BUDG_ERROR);
      g_clear_error (&error);
    }

  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM bills"), ==, 0);
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM payees"), ==, 0);
}

static void
test_list_expands_and_orders (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GPtrArray) dues = NULL;
  BudgBill *rent;

  rent = add_bill (fixture, "Rent", 120000, "FREQ=MONTHLY;BYMONTHDAY=1", "2099-01-01", FALSE);
  add_bill (fixture, "Phone", 4500, "FREQ=MONTHLY;BYMONTHDAY=1", "2099-01-01", FALSE);
  add_bill (fixture, "Salary", 250000, "FREQ=WEEKLY;INTERVAL=2", "2099-01-09", TRUE);

  dues = list_dues (fixture, "2099-01-01", "2099-01-31", FALSE);

  /* Same day: by priority (all 0), then name. */
  g_assert_cmpuint (dues->len, ==, 4);
  g_assert_cmpstr (budg_due_bill_get_name (due_at (dues, 0)), ==, "Phone");
  g_assert_cmpstr (budg_due_bill_get_name (due_at (dues, 1)), ==, "Rent");
  g_assert_cmpstr (budg_due_bill_get_due_date (due_at (dues, 2)), ==, "2099-01-09");
  g_assert_cmpstr (budg_due_bill_get_due_date (due_at (dues, 3)), ==, "2099-01-23");
  g_assert_cmpint (budg_due_bill_get_amount_minor (due_at (dues, 1)), ==, -120000);
  g_assert_cmpint (budg_due_bill_get_amount_minor (due_at (dues, 2)), ==, 250000);
  g_assert_cmpint (budg_due_bill_get_status (due_at (dues, 0)), ==, BUDG_DUE_STATUS_UPCOMING);
  g_assert_cmpint (budg_due_bill_get_id (due_at (dues, 0)), ==, 0);
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM due_bills"), ==, 0);
  g_clear_pointer (&dues, g_ptr_array_unref);

  /* Materializing gives ids, once. */
  dues = list_dues (fixture, "2099-01-01", "2099-01-31", TRUE);
  g_assert_cmpint (budg_due_bill_get_id (due_at (dues, 0)), >, 0);
  g_clear_pointer (&dues, g_ptr_array_unref);
  dues = list_dues (fixture, "2099-01-01", "2099-01-31", TRUE);
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM due_bills"), ==, 4);

  /* A settled past is not listed; an unsettled one is overdue. */
  {
    g_autoptr(GPtrArray) past = NULL;
    g_autoptr(BudgBill) values = budg_bill_copy (rent);
    g_autoptr(GError) error = NULL;

    budg_bill_set_start_date (values, "2020-01-01");
    g_assert_true (budg_bill_store_update (fixture->bills, rent, values, &error));
    g_assert_no_error (error);
    past = list_dues (fixture, "2020-01-01", "2020-03-31", FALSE);
    g_assert_cmpuint (past->len, ==, 3);
    g_assert_cmpint (budg_due_bill_get_status (due_at (past, 0)), ==, BUDG_DUE_STATUS_OVERDUE);
    g_clear_pointer (&past, g_ptr_array_unref);

    budg_bill_set_settled_through (values, "2020-02-15");
    g_assert_true (budg_bill_store_update (fixture->bills, rent, values, &error));
    past = list_dues (fixture, "2020-01-01", "2020-03-31", FALSE);
    g_assert_cmpuint (past->len, ==, 1);
    g_assert_cmpstr (budg_due_bill_get_due_date (due_at (past, 0)), ==, "2020-03-01");
  }
}

static void
test_status_follows_today_and_lead_days (Fixture       *fixture,
                                         gconstpointer  data)
{
  g_autofree char *today = budg_date_today ();
  g_autofree char *in_two = budg_date_add_days (today, 2);
  g_autofree char *in_ten = budg_date_add_days (today, 10);
  g_autofree char *yesterday = budg_date_add_days (today, -1);
  g_autoptr(GPtrArray) dues = NULL;

  add_bill (fixture, "Daily", 100, "FREQ=DAILY", yesterday, FALSE);
  dues = list_dues (fixture, yesterday, in_ten, FALSE);

  /* The default reminder comes three days ahead. */
  g_assert_cmpuint (dues->len, ==, 12);
  g_assert_cmpint (budg_due_bill_get_status (due_at (dues, 0)), ==, BUDG_DUE_STATUS_OVERDUE);
  g_assert_cmpint (budg_due_bill_get_status (due_at (dues, 1)), ==, BUDG_DUE_STATUS_DUE);
  g_assert_cmpstr (budg_due_bill_get_due_date (due_at (dues, 3)), ==, in_two);
  g_assert_cmpint (budg_due_bill_get_status (due_at (dues, 3)), ==, BUDG_DUE_STATUS_DUE);
  g_assert_cmpint (budg_due_bill_get_status (due_at (dues, 5)), ==, BUDG_DUE_STATUS_UPCOMING);
}

static void
test_pay_links_exactly_one_transaction (Fixture       *fixture,
                                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) dues = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(BudgTransaction) transaction = NULL;
  BudgCategory *category;
  BudgBill *bill;
  g_autoptr(BudgBill) values = NULL;
  gint64 transaction_id;

  category = budg_category_store_create_path (budg_context_get_categories (fixture->context),
                                              "Utilities:Power", FALSE, &error);
  bill = add_bill (fixture, "Power", 8400, "FREQ=MONTHLY;BYMONTHDAY=12", "2099-01-01", FALSE);
  values = budg_bill_copy (bill);
  budg_bill_set_category_id (values, budg_category_get_id (category));
  budg_bill_set_payee (values, "City Power");
  g_assert_true (budg_bill_store_update (fixture->bills, bill, values, &error));
  g_assert_no_error (error);

  dues = list_dues (fixture, "2099-02-01", "2099-02-28", FALSE);
  g_assert_cmpuint (dues->len, ==, 1);

  /* Paid a little later and a little more than expected. */
  transaction_id = budg_due_store_pay (fixture->dues, due_at (dues, 0), "2099-02-13", TRUE, -8650, &error);
  g_assert_no_error (error);
  g_assert_cmpint (transaction_id, >, 0);
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM transactions"), ==, 1);

  transaction = budg_transaction_store_get (budg_context_get_transactions (fixture->context),
                                            transaction_id, &error);
  g_assert_cmpint (budg_transaction_get_amount_minor (transaction), ==, -8650);
  g_assert_cmpstr (budg_transaction_get_date (transaction), ==, "2099-02-13");
  g_assert_cmpstr (budg_transaction_get_payee (transaction), ==, "City Power");
  g_assert_cmpstr (budg_transaction_get_category_path (transaction), ==, "Utilities:Power");

  again = list_dues (fixture, "2099-02-01", "2099-02-28", FALSE);
  g_assert_cmpint (budg_due_bill_get_status (due_at (again, 0)), ==, BUDG_DUE_STATUS_PAID);
  g_assert_cmpint (budg_due_bill_get_transaction_id (due_at (again, 0)), ==, transaction_id);

  g_assert_cmpint (budg_due_store_pay (fixture->dues, due_at (again, 0), NULL, FALSE, 0, &error), ==, 0);
  g_assert_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM transactions"), ==, 1);

  /* Undoing the payment removes the transaction and makes it due again. */
  g_assert_true (budg_due_store_unpay (fixture->dues, due_at (again, 0), &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM transactions"), ==, 0);
  g_assert_cmpint (budg_due_bill_get_status (due_at (again, 0)), ==, BUDG_DUE_STATUS_UPCOMING);

  /* A changed bill does not rewrite an occurrence someone touched. */
  g_assert_true (budg_due_store_skip (fixture->dues, due_at (again, 0), TRUE, &error));
  budg_bill_set_amount_minor (values, 9999);
  g_assert_true (budg_bill_store_update (fixture->bills, bill, values, &error));
  g_clear_pointer (&again, g_ptr_array_unref);
  again = list_dues (fixture, "2099-02-01", "2099-03-31", FALSE);
  g_assert_cmpuint (again->len, ==, 2);
  g_assert_cmpint (budg_due_bill_get_status (due_at (again, 0)), ==, BUDG_DUE_STATUS_SKIPPED);
  g_assert_cmpint (budg_due_bill_get_amount_minor (due_at (again, 0)), ==, -8400);
  g_assert_cmpint (budg_due_bill_get_amount_minor (due_at (again, 1)), ==, -9999);
}

static void
test_move_and_reschedule_persist (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) dues = NULL;
  const char *order_after_move[] = { "C", "A", "B" };

  add_bill (fixture, "A", 100, "FREQ=MONTHLY;BYMONTHDAY=5", "2099-01-01", FALSE);
  add_bill (fixture, "B", 200, "FREQ=MONTHLY;BYMONTHDAY=5", "2099-01-01", FALSE);
  add_bill (fixture, "C", 300, "FREQ=MONTHLY;BYMONTHDAY=5", "2099-01-01", FALSE);
  add_bill (fixture, "D", 400, "FREQ=MONTHLY;BYMONTHDAY=9", "2099-01-01", FALSE);

  dues = list_dues (fixture, "2099-01-01", "2099-01-31", TRUE);
  g_assert_true (budg_due_store_move (fixture->dues, due_at (dues, 2), due_at (dues, 0), FALSE, &error));
  g_assert_no_error (error);
  g_clear_pointer (&dues, g_ptr_array_unref);

  dues = list_dues (fixture, "2099-01-01", "2099-01-31", FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (order_after_move); i++)
    g_assert_cmpstr (budg_due_bill_get_name (due_at (dues, i)), ==, order_after_move[i]);

  /* Dropped after a bill of another day: it takes that day. */
  g_assert_true (budg_due_store_move (fixture->dues, due_at (dues, 1), due_at (dues, 3), TRUE, &error));
  g_assert_no_error (error);
  g_clear_pointer (&dues, g_ptr_array_unref);
  dues = list_dues (fixture, "2099-01-01", "2099-01-31", FALSE);
  g_assert_cmpstr (budg_due_bill_get_name (due_at (dues, 3)), ==, "A");
  g_assert_cmpstr (budg_due_bill_get_due_date (due_at (dues, 3)), ==, "2099-01-09");
  g_assert_cmpstr (budg_due_bill_get_name (due_at (dues, 2)), ==, "D");

  /* Rescheduled: last on the new day; the next month is untouched. */
  g_assert_true (budg_due_store_reschedule (fixture->dues, due_at (dues, 0), "2099-01-09", &error));
  g_clear_pointer (&dues, g_ptr_array_unref);
  dues = list_dues (fixture, "2099-01-01", "2099-02-28", FALSE);
  g_assert_cmpstr (budg_due_bill_get_name (due_at (dues, 0)), ==, "B");
  g_assert_cmpstr (budg_due_bill_get_name (due_at (dues, 3)), ==, "C");
  g_assert_cmpstr (budg_due_bill_get_due_date (due_at (dues, 3)), ==, "2099-01-09");
  g_assert_cmpstr (budg_due_bill_get_due_date (due_at (dues, 4)), ==, "2099-02-05");
  g_assert_cmpuint (dues->len, ==, 8);

  /* Out of the window it no longer shows there. */
  g_assert_true (budg_due_store_reschedule (fixture->dues, due_at (dues, 0), "2099-03-20", &error));
  g_clear_pointer (&dues, g_ptr_array_unref);
  dues = list_dues (fixture, "2099-01-01", "2099-01-31", FALSE);
  g_assert_cmpuint (dues->len, ==, 3);
  g_clear_pointer (&dues, g_ptr_array_unref);
  dues = list_dues (fixture, "2099-03-20", "2099-03-20", FALSE);
  g_assert_cmpuint (dues->len, ==, 1);
  g_assert_cmpstr (budg_due_bill_get_occurrence_date (due_at (dues, 0)), ==, "2099-01-05");
}

static gint64
day_balance (BudgForecast *forecast,
             const char   *date)
{
  for (guint i = 0; i < forecast->days->len; i++)
    {
      BudgForecastDay *day = &g_array_index (forecast->days, BudgForecastDay, i);

      if (strcmp (day->date, date) == 0)
        return day->balance_minor;
    }

  g_assert_not_reached ();
}

static void
test_forecast_arithmetic (Fixture       *fixture,
                          gconstpointer  data)
{
  BudgDatabase *database = budg_context_get_database (fixture->context);
  g_autoptr(GError) error = NULL;
  g_autoptr(BudgForecast) forecast = NULL;
  g_autoptr(BudgBalanceSnapshot) opening = NULL;
  g_autoptr(BudgBalanceSnapshot) expected = NULL;
  g_autoptr(BudgTransaction) coffee = budg_transaction_new (fixture->checking, "2099-04-02", -5000);
  g_autoptr(GPtrArray) dues = NULL;

  opening = budg_balance_store_set (budg_context_get_balances (fixture->context), fixture->checking,
                                    "2099-03-31", 100000, NULL, &error);
  g_assert_true (budg_transaction_store_add (budg_context_get_transactions (fixture->context), coffee, &error));
  add_bill (fixture, "Rent", 30000, "FREQ=MONTHLY;BYMONTHDAY=1", "2099-01-01", FALSE);
  add_bill (fixture, "Pay", 20000, "FREQ=WEEKLY;INTERVAL=2", "2099-04-03", TRUE);
  add_bill (fixture, "Gym", 1000, "FREQ=MONTHLY;BYMONTHDAY=20", "2099-01-01", FALSE);
  g_assert_no_error (error);

  /* Gym is paid on the 19th, for a little more: it counts once, as paid. */
  dues = list_dues (fixture, "2099-04-20", "2099-04-20", FALSE);
  g_assert_cmpint (budg_due_store_pay (fixture->dues, due_at (dues, 0), "2099-04-19", TRUE, -1200, &error), >, 0);

  forecast = budg_forecast_compute (database, fixture->dues, fixture->checking, "2099-04-01", "2099-04-30", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (forecast->days->len, ==, 30);
  g_assert_cmpstr (forecast->currency, ==, "USD");
  g_assert_cmpint (forecast->opening_balance_minor, ==, 100000);
  g_assert_cmpint (day_balance (forecast, "2099-04-01"), ==, 100000 - 30000);
  g_assert_cmpint (day_balance (forecast, "2099-04-02"), ==, 70000 - 5000);
  g_assert_cmpint (day_balance (forecast, "2099-04-03"), ==, 65000 + 20000);
  g_assert_cmpint (day_balance (forecast, "2099-04-16"), ==, 85000);
  g_assert_cmpint (day_balance (forecast, "2099-04-17"), ==, 85000 + 20000);
  g_assert_cmpint (day_balance (forecast, "2099-04-19"), ==, 105000 - 1200);
  g_assert_cmpint (day_balance (forecast, "2099-04-20"), ==, 103800);
  g_assert_cmpint (day_balance (forecast, "2099-04-30"), ==, 103800);
  g_assert_cmpstr (forecast->low.date, ==, "2099-04-02");
  g_assert_cmpint (forecast->low.balance_minor, ==, 65000);
  g_clear_pointer (&forecast, budg_forecast_free);

  /* An expected balance mid-way is where the projection continues from. */
  expected = budg_balance_store_set (budg_context_get_balances (fixture->context), fixture->checking,
                                     "2099-04-10", 12345, "expected", &error);
  forecast = budg_forecast_compute (database, fixture->dues, fixture->checking, "2099-04-01", "2099-04-30", &error);
  g_assert_cmpint (day_balance (forecast, "2099-04-10"), ==, 12345);
  g_assert_cmpint (day_balance (forecast, "2099-04-17"), ==, 12345 + 20000);
  g_assert_cmpstr (forecast->low.date, ==, "2099-04-10");

  g_assert_null (budg_forecast_compute (database, fixture->dues, fixture->checking, "2099-04-30", "2099-04-01", &error));
  g_assert_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_null (budg_forecast_compute (database, fixture->dues, 4242, "2099-04-01", "2099-04-30", &error));
  g_assert_error (error, BUDG_ERROR, BUDG_ERROR_NOT_FOUND);
}

static void
test_ledger_matches_forecast (Fixture       *fixture,
                              gconstpointer  data)
{
  BudgDatabase *database = budg_context_get_database (fixture->context);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GArray) lows = NULL;
  g_autoptr(BudgForecast) forecast = NULL;
  g_autoptr(BudgBalanceSnapshot) snapshot = NULL;

  snapshot = budg_balance_store_set (budg_context_get_balances (fixture->context), fixture->checking,
                                     "2099-05-01", 50000, NULL, &error);
  add_bill (fixture, "Rent", 60000, "FREQ=MONTHLY;BYMONTHDAY=1", "2099-01-01", FALSE);
  add_bill (fixture, "Pay", 40000, "FREQ=MONTHLY;BYMONTHDAY=15", "2099-01-01", TRUE);
  add_bill (fixture, "Phone", 3000, "FREQ=MONTHLY;BYMONTHDAY=15", "2099-01-01", FALSE);

  rows = budg_ledger_build (database, fixture->dues, 0, "2099-05-01", "2099-06-01", &lows, &error);
  g_assert_no_error (error);
  forecast = budg_forecast_compute (database, fixture->dues, fixture->checking, "2099-05-01", "2099-06-01", &error);

  /* Rent (May 1), the snapshot (end of May 1), Pay and Phone (May 15), Rent (June 1). */
  g_assert_cmpuint (rows->len, ==, 5);
  g_assert_cmpint (budg_ledger_row_get_kind (g_ptr_array_index (rows, 0)), ==, BUDG_LEDGER_ROW_DUE_BILL);
  g_assert_cmpint (budg_ledger_row_get_kind (g_ptr_array_index (rows, 1)), ==, BUDG_LEDGER_ROW_SNAPSHOT);
  g_assert_cmpint (budg_ledger_row_get_balance_minor (g_ptr_array_index (rows, 0)), ==, -60000);
  g_assert_true (budg_ledger_row_get_is_low (g_ptr_array_index (rows, 0)));
  g_assert_cmpint (budg_ledger_row_get_balance_minor (g_ptr_array_index (rows, 1)), ==, 50000);
  g_assert_false (budg_ledger_row_get_is_low (g_ptr_array_index (rows, 1)));

  /* The last row of each day agrees with the forecast's end of that day. */
  for (guint i = 0; i < rows->len; i++)
    {
      BudgLedgerRow *row = g_ptr_array_index (rows, i);

      if (i + 1 < rows->len &&
          strcmp (budg_ledger_row_get_date (g_ptr_array_index (rows, i + 1)), budg_ledger_row_get_date (row)) == 0)
        continue;
      g_assert_cmpint (budg_ledger_row_get_balance_minor (row), ==,
                       day_balance (forecast, budg_ledger_row_get_date (row)));
    }

  g_assert_cmpuint (lows->len, ==, 1);
  g_assert_cmpint (g_array_index (lows, BudgLedgerLow, 0).balance_minor, ==, forecast->low.balance_minor);
  g_assert_cmpstr (g_array_index (lows, BudgLedgerLow, 0).date, ==, "2099-06-01");

  /* Every row can be acted on. */
  g_assert_cmpint (budg_due_bill_get_id (budg_ledger_row_get_due_bill (g_ptr_array_index (rows, 0))), >, 0);
}

static void
test_ledger_low_depends_on_kind (Fixture       *fixture,
                                 gconstpointer  data)
{
  BudgDatabase *database = budg_context_get_database (fixture->context);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GArray) lows = NULL;
  g_autoptr(BudgBill) draft = NULL;
  BudgAccount *card;

  /* A card owing money is normal; a checking account below zero is not. */
  card = budg_account_store_create (budg_context_get_accounts (fixture->context), "Card",
                                    BUDG_ACCOUNT_KIND_CREDIT_CARD, "USD", NULL, NULL, 0, &error);
  g_assert_no_error (error);
  draft = budg_bill_new ("Subscription", budg_account_get_id (card), 999, "FREQ=MONTHLY;BYMONTHDAY=3", "2099-01-01");
  g_assert_nonnull (budg_bill_store_create (fixture->bills, draft, &error));
  add_bill (fixture, "Rent", 60000, "FREQ=MONTHLY;BYMONTHDAY=3", "2099-01-01", FALSE);

  rows = budg_ledger_build (database, fixture->dues, 0, "2099-05-01", "2099-05-31", &lows, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);
  for (guint i = 0; i < rows->len; i++)
    {
      BudgLedgerRow *row = g_ptr_array_index (rows, i);

      g_assert_cmpint (budg_ledger_row_get_balance_minor (row), <, 0);
      g_assert_true (budg_ledger_row_get_is_low (row) == (budg_ledger_row_get_account_id (row) == fixture->checking));
    }
  g_assert_cmpuint (lows->len, ==, 2);
  for (guint i = 0; i < lows->len; i++)
    {
      BudgLedgerLow *low = &g_array_index (lows, BudgLedgerLow, i);

      g_assert_true (low->is_low == (low->account_id == fixture->checking));
    }

  /* A warning threshold applies to every kind. */
  g_assert_true (budg_database_exec (database, "UPDATE accounts SET warning_threshold_minor = 0 WHERE kind = 'credit-card'",
                                     &error));
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = budg_ledger_build (database, fixture->dues, budg_account_get_id (card), "2099-05-01", "2099-05-31", NULL, &error);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_true (budg_ledger_row_get_is_low (g_ptr_array_index (rows, 0)));
}

static void
test_update_from_splits_the_series (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) dues = NULL;
  g_autoptr(BudgBill) values = NULL;
  BudgBill *bill;
  BudgBill *next;
  gint64 old_id;

  bill = add_bill (fixture, "Internet", 5000, "FREQ=MONTHLY;BYMONTHDAY=8", "2099-01-08", FALSE);
  old_id = budg_bill_get_id (bill);

  /* March is already skipped; it must stay so with the new series. */
  dues = list_dues (fixture, "2099-03-01", "2099-03-31", FALSE);
  g_assert_true (budg_due_store_skip (fixture->dues, due_at (dues, 0), TRUE, &error));
  g_clear_pointer (&dues, g_ptr_array_unref);

  values = budg_bill_copy (bill);
  budg_bill_set_amount_minor (values, 6500);
  next = budg_bill_store_update_from (fixture->bills, bill, values, "2099-03-08", &error);
  g_assert_no_error (error);
  g_assert_nonnull (next);
  g_assert_cmpint (budg_bill_get_id (next), !=, old_id);
  g_assert_cmpstr (budg_bill_get_end_date (budg_bill_store_lookup (fixture->bills, old_id)), ==, "2099-03-07");
  g_assert_cmpstr (budg_bill_get_start_date (next), ==, "2099-03-08");

  dues = list_dues (fixture, "2099-01-01", "2099-04-30", FALSE);
  g_assert_cmpuint (dues->len, ==, 4);
  g_assert_cmpint (budg_due_bill_get_amount_minor (due_at (dues, 1)), ==, -5000);
  g_assert_cmpint (budg_due_bill_get_status (due_at (dues, 2)), ==, BUDG_DUE_STATUS_SKIPPED);
  g_assert_cmpint (budg_due_bill_get_bill_id (due_at (dues, 2)), ==, budg_bill_get_id (next));
  g_assert_cmpint (budg_due_bill_get_amount_minor (due_at (dues, 3)), ==, -6500);
}

static void
test_autopay_pays_once (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BudgBill) draft = budg_bill_new ("Streaming", fixture->checking, 1599,
                                             "FREQ=MONTHLY;BYMONTHDAY=27", "2026-01-01");
  int paid;

  budg_bill_set_autopay (draft, TRUE);
  g_assert_nonnull (budg_bill_store_create (fixture->bills, draft, &error));

  paid = budg_due_store_process_autopay (fixture->dues, "2026-03-31", &error);
  g_assert_no_error (error);
  g_assert_cmpint (paid, ==, 3);
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM transactions WHERE amount_minor = -1599"), ==, 3);
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM due_bills WHERE status = 'paid'"
                                        " AND transaction_id IS NOT NULL"), ==, 3);

  g_assert_cmpint (budg_due_store_process_autopay (fixture->dues, "2026-03-31", &error), ==, 0);
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM transactions"), ==, 3);
}

static void
test_delete_keeps_payments (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) dues = NULL;
  BudgBill *bill = add_bill (fixture, "Water", 3900, "FREQ=MONTHLY", "2099-01-18", FALSE);

  dues = list_dues (fixture, "2099-01-01", "2099-01-31", FALSE);
  g_assert_cmpint (budg_due_store_pay (fixture->dues, due_at (dues, 0), NULL, FALSE, 0, &error), >, 0);

  g_assert_true (budg_bill_store_delete (fixture->bills, bill, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM bills"), ==, 0);
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM due_bills"), ==, 0);
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM transactions"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/bills/store/create-refuses-bad-bills", test_create_refuses_bad_bills);
  ADD ("/bills/store/update-from-splits-the-series", test_update_from_splits_the_series);
  ADD ("/bills/store/delete-keeps-payments", test_delete_keeps_payments);
  ADD ("/bills/due/list-expands-and-orders", test_list_expands_and_orders);
  ADD ("/bills/due/status-follows-today", test_status_follows_today_and_lead_days);
  ADD ("/bills/due/pay-links-one-transaction", test_pay_links_exactly_one_transaction);
  ADD ("/bills/due/move-and-reschedule", test_move_and_reschedule_persist);
  ADD ("/bills/due/autopay-pays-once", test_autopay_pays_once);
  ADD ("/bills/forecast/arithmetic", test_forecast_arithmetic);
  ADD ("/bills/ledger/matches-forecast", test_ledger_matches_forecast);
  ADD ("/bills/ledger/low-depends-on-kind", test_ledger_low_depends_on_kind);
#undef ADD

  return g_test_run ();
}
