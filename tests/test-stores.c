/* test-stores.c
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

typedef struct
{
  char        *dir;
  BudgContext *context;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("budg-test-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "budg.db", NULL);
  fixture->context = budg_context_new (path, &error);
  g_assert_no_error (error);
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
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  sqlite3 *handle = budg_database_get_handle (budg_context_get_database (fixture->context));
  sqlite3_stmt *stmt = NULL;
  gint64 count;

  g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  count = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return count;
}

static BudgTransaction *
add_transaction (Fixture    *fixture,
                 gint64      account_id,
                 const char *date,
                 gint64      amount_minor,
                 const char *payee,
                 gint64      category_id,
                 const char *memo)
{
  g_autoptr(GError) error = NULL;
  BudgTransaction *transaction = budg_transaction_new (account_id, date, amount_minor);

  budg_transaction_set_payee (transaction, payee);
  budg_transaction_set_category_id (transaction, category_id);
  budg_transaction_set_memo (transaction, memo);
  g_assert_true (budg_transaction_store_add (budg_context_get_transactions (fixture->context),
                                             transaction, &error));
  g_assert_no_error (error);
  g_assert_cmpint (budg_transaction_get_id (transaction), >, 0);

  return transaction;
}

static void
test_account_balance_follows_snapshots (Fixture       *fixture,
                                        gconstpointer  data)
{
  BudgAccountStore *accounts = budg_context_get_accounts (fixture->context);
  g_autoptr(GError) error = NULL;
  g_autoptr(BudgBalanceSnapshot) snapshot = NULL;
  g_autofree char *today = budg_date_today ();
  g_autofree char *yesterday = budg_date_add_days (today, -1);
  g_autofree char *last_week = budg_date_add_days (today, -7);
  g_autofree char *last_month = budg_date_add_days (today, -30);
  g_autofree char *tomorrow = budg_date_add_days (today, 1);
  g_autofree char *before_opening = budg_date_add_days (last_month, -1);
  BudgAccount *account;
  gint64 id;

  account = budg_account_store_create (accounts, "Checking", BUDG_ACCOUNT_KIND_CHECKING, "USD",
                                       "First Federal", last_month, 100000, &error);
  g_assert_no_error (error);
  g_assert_nonnull (account);
  id = budg_account_get_id (account);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (accounts)), ==, 1);
  g_assert_cmpint (budg_account_get_balance_minor (account), ==, 100000);

  /* Before the opening balance: already part of it. After: added. Future: not yet. */
  g_object_unref (add_transaction (fixture, id, before_opening, -5000, NULL, 0, NULL));
  g_object_unref (add_transaction (fixture, id, last_week, -2550, "Bakery", 0, NULL));
  g_object_unref (add_transaction (fixture, id, today, 1000, NULL, 0, NULL));
  g_object_unref (add_transaction (fixture, id, tomorrow, -99999, NULL, 0, NULL));
  g_assert_cmpint (budg_account_get_balance_minor (account), ==, 100000 - 2550 + 1000);

  /* A newer snapshot replaces the history before it. */
  snapshot = budg_balance_store_set (budg_context_get_balances (fixture->context), id, yesterday,
                                     50000, "statement", &error);
  g_assert_no_error (error);
  g_assert_cmpint (budg_balance_snapshot_get_amount_minor (snapshot), ==, 50000);
  g_assert_cmpstr (budg_balance_snapshot_get_account_name (snapshot), ==, "Checking");
  g_assert_cmpint (budg_account_get_balance_minor (account), ==, 50000 + 1000);

  /* Setting the same day again updates it rather than adding a second one. */
  g_clear_object (&snapshot);
  snapshot = budg_balance_store_set (budg_context_get_balances (fixture->context), id, yesterday,
                                     60000, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (fixture, "balance_snapshots"), ==, 2);
  g_assert_cmpint (budg_account_get_balance_minor (account), ==, 60000 + 1000);
}

static void
test_account_bad_input_changes_nothing (Fixture       *fixture,
                                        gconstpointer  data)
{
  BudgAccountStore *accounts = budg_context_get_accounts (fixture->context);
  g_autoptr(GError) error = NULL;
  BudgAccount *account;
  const struct {
    const char      *name;
    BudgAccountKind  kind;
    const char      *currency;
    const char      *date;
    int              code;
  } cases[] = {
    { "", BUDG_ACCOUNT_KIND_CASH, "USD", NULL, BUDG_ERROR_INVALID_INPUT },
    { "   ", BUDG_ACCOUNT_KIND_CASH, "USD", NULL, BUDG_ERROR_INVALID_INPUT },
    { "checking", BUDG_ACCOUNT_KIND_CASH, "USD", NULL, BUDG_ERROR_DUPLICATE },
    { " CHECKING ", BUDG_ACCOUNT_KIND_CASH, "USD", NULL, BUDG_ERROR_DUPLICATE },
    { "Other", BUDG_ACCOUNT_KIND_CASH, "XYZ", NULL, BUDG_ERROR_INVALID_INPUT },
    { "Other", BUDG_ACCOUNT_KIND_CASH, "usd", NULL, BUDG_ERROR_INVALID_INPUT },
    { "Other", (BudgAccountKind) 42, "USD", NULL, BUDG_ERROR_INVALID_INPUT },
    { "Other", BUDG_ACCOUNT_KIND_CASH, "USD", "2026-02-30", BUDG_ERROR_INVALID_INPUT },
    { "Bad \xff name", BUDG_ACCOUNT_KIND_CASH, "USD", NULL, BUDG_ERROR_INVALID_INPUT },
  };

  account = budg_account_store_create (accounts, "Checking", BUDG_ACCOUNT_KIND_CHECKING, "USD",
                                       NULL, NULL, 0, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_null (budg_account_store_create (accounts, cases[i].name, cases[i].kind,
                                                cases[i].currency, NULL, cases[i].date, 500, &error));
      g_assert_error (error, BUDG_ERROR, cases[i].code);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_clear_error (&error);
    }

  g_assert_cmpint (count_rows (fixture, "accounts"), ==, 1);
  g_assert_cmpint (count_rows (fixture, "balance_snapshots"), ==, 0);

  /* Renaming onto another account's name fails too; its own name is fine. */
  g_assert_nonnull (budg_account_store_create (accounts, "Savings", BUDG_ACCOUNT_KIND_SAVINGS, "USD",
                                               NULL, NULL, 0, &error));
  g_assert_false (budg_account_store_update (accounts, account, "savings", BUDG_ACCOUNT_KIND_CHECKING,
                                             "USD", NULL, &error));
  g_assert_error (error, BUDG_ERROR, BUDG_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_true (budg_account_store_update (accounts, account, "checking", BUDG_ACCOUNT_KIND_CHECKING,
                                            "EUR", "Bank", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (budg_account_get_name (account), ==, "checking");
  g_assert_cmpstr (budg_account_get_currency (account), ==, "EUR");

  /* Once there is money in it, the currency is fixed. */
  g_object_unref (add_transaction (fixture, budg_account_get_id (account), "2026-01-01", 100, NULL, 0, NULL));
  g_assert_false (budg_account_store_update (accounts, account, "checking", BUDG_ACCOUNT_KIND_CHECKING,
                                             "JPY", NULL, &error));
  g_assert_error (error, BUDG_ERROR, BUDG_ERROR_IN_USE);
  g_assert_cmpstr (budg_account_get_currency (account), ==, "EUR");
}

static void
test_account_find_by_name_or_id (Fixture       *fixture,
                                 gconstpointer  data)
{
  BudgAccountStore *accounts = budg_context_get_accounts (fixture->context);
  g_autoptr(GError) error = NULL;
  g_autofree char *id_text = NULL;
  BudgAccount *wallet;
  BudgAccount *numeric;

  /* Wallet gets id 1; the account named "1" gets id 2. */
  wallet = budg_account_store_create (accounts, "Wallet", BUDG_ACCOUNT_KIND_CASH, "EUR", NULL, NULL, 0, &error);
  numeric = budg_account_store_create (accounts, "1", BUDG_ACCOUNT_KIND_CASH, "EUR", NULL, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (budg_account_get_id (wallet), ==, 1);

  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, budg_account_get_id (numeric));
  g_assert_true (budg_account_store_find (accounts, "wallet", &error) == wallet);
  g_assert_true (budg_account_store_find (accounts, id_text, &error) == numeric);
  /* A name wins over an id. */
  g_assert_true (budg_account_store_find (accounts, "1", &error) == numeric);
  g_assert_no_error (error);

  g_assert_null (budg_account_store_find (accounts, "Nowhere", &error));
  g_assert_error (error, BUDG_ERROR, BUDG_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "Nowhere"));
}

static void
test_account_archive_delete_undelete (Fixture       *fixture,
                                      gconstpointer  data)
{
  BudgAccountStore *accounts = budg_context_get_accounts (fixture->context);
  g_autoptr(GError) error = NULL;
  g_autoptr(BudgAccount) kept = NULL;
  BudgAccount *account;
  gint64 id;

  account = budg_account_store_create (accounts, "Old Card", BUDG_ACCOUNT_KIND_CREDIT_CARD, "USD",
                                       "Bank", "2026-01-01", -12345, &error);
  g_assert_no_error (error);
  id = budg_account_get_id (account);

  g_assert_true (budg_account_store_set_archived (accounts, account, TRUE, &error));
  g_assert_true (budg_account_get_archived (account));
  g_assert_cmpint (budg_account_store_count_transactions (accounts, account), ==, 0);

  kept = g_object_ref (account);
  g_assert_true (budg_account_store_delete (accounts, account, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (accounts)), ==, 0);
  g_assert_cmpint (count_rows (fixture, "balance_snapshots"), ==, 0);

  g_assert_true (budg_account_store_undelete (accounts, kept, &error));
  g_assert_no_error (error);
  account = budg_account_store_lookup (accounts, id);
  g_assert_nonnull (account);
  g_assert_cmpstr (budg_account_get_institution (account), ==, "Bank");
  g_assert_true (budg_account_get_archived (account));
  g_assert_cmpint (budg_account_get_balance_minor (account), ==, -12345);
}

static void
test_account_warning_threshold (Fixture       *fixture,
                                gconstpointer  data)
{
  BudgAccountStore *accounts = budg_context_get_accounts (fixture->context);
  g_autoptr(GError) error = NULL;
  BudgAccount *account;

  account = budg_account_store_create (accounts, "Checking", BUDG_ACCOUNT_KIND_CHECKING, "USD",
                                       NULL, NULL, 0, &error);
  g_assert_false (budg_account_get_has_warning_threshold (account));

  g_assert_true (budg_account_store_set_warning_threshold (accounts, account, TRUE, 20000, &error));
  g_assert_no_error (error);
  g_assert_true (budg_account_get_has_warning_threshold (account));
  g_assert_cmpint (budg_account_get_warning_threshold_minor (account), ==, 20000);
  g_assert_cmpint (count_rows (fixture, "accounts WHERE warning_threshold_minor = 20000"), ==, 1);

  g_assert_true (budg_account_store_set_warning_threshold (accounts, account, FALSE, 0, &error));
  g_assert_false (budg_account_get_has_warning_threshold (account));
  g_assert_cmpint (count_rows (fixture, "accounts WHERE warning_threshold_minor IS NULL"), ==, 1);
}

static void
test_category_paths (Fixture       *fixture,
                     gconstpointer  data)
{
  BudgCategoryStore *categories = budg_context_get_categories (fixture->context);
  g_autoptr(GError) error = NULL;
  BudgCategory *groceries;
  BudgCategory *food;
  BudgCategory *salary;

  groceries = budg_category_store_create_path (categories, "Food:Groceries", FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (budg_category_get_path (groceries), ==, "Food:Groceries");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (categories)), ==, 2);

  food = budg_category_store_find (categories, "food", &error);
  g_assert_no_error (error);
  g_assert_cmpint (budg_category_get_parent_id (groceries), ==, budg_category_get_id (food));
  g_assert_true (budg_category_store_find (categories, " Food : groceries ", &error) == groceries);

  /* A child joins an existing parent and shares its kind. */
  g_assert_nonnull (budg_category_store_create_path (categories, "Food:Dining Out", TRUE, &error));
  g_assert_false (budg_category_get_is_income (budg_category_store_find (categories, "Food:Dining Out", &error)));
  salary = budg_category_store_create_path (categories, "Income:Salary", TRUE, &error);
  g_assert_true (budg_category_get_is_income (salary));

  /* Parents come right before their children. */
  {
    const char *expected[] = { "Food", "Food:Dining Out", "Food:Groceries", "Income", "Income:Salary" };

    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (categories)), ==, G_N_ELEMENTS (expected));
    for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
      {
        g_autoptr(BudgCategory) category = g_list_model_get_item (G_LIST_MODEL (categories), i);

        g_assert_cmpstr (budg_category_get_path (category), ==, expected[i]);
      }
  }

  g_assert_null (budg_category_store_create_path (categories, "food:GROCERIES", FALSE, &error));
  g_assert_error (error, BUDG_ERROR, BUDG_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_null (budg_category_store_create_path (categories, "A:B:C", FALSE, &error));
  g_assert_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_null (budg_category_store_create_path (categories, "Food:", FALSE, &error));
  g_assert_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_false (budg_category_store_update (categories, food, "Fo:od", FALSE, NULL, &error));
  g_assert_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_false (budg_category_store_update (categories, food, "Food", FALSE, "red", &error));
  g_assert_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (fixture, "categories"), ==, 5);

  /* Turning a parent into income turns its children too. */
  g_assert_true (budg_category_store_update (categories, food, "Food", TRUE, "#3584e4", &error));
  g_assert_no_error (error);
  g_assert_true (budg_category_get_is_income (groceries));
  g_assert_cmpstr (budg_category_get_color (food), ==, "#3584e4");
}

static void
test_category_delete_reassigns_and_undoes (Fixture       *fixture,
                                           gconstpointer  data)
{
  BudgCategoryStore *categories = budg_context_get_categories (fixture->context);
  BudgTransactionStore *transactions = budg_context_get_transactions (fixture->context);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) deleted = NULL;
  g_autoptr(GArray) moved = NULL;
  g_autoptr(BudgTransaction) in_parent = NULL;
  g_autoptr(BudgTransaction) in_child = NULL;
  g_autoptr(BudgTransaction) elsewhere = NULL;
  g_autoptr(BudgTransaction) reread = NULL;
  BudgAccount *account;
  BudgCategory *groceries;
  BudgCategory *food;
  BudgCategory *misc;
  gint64 food_id;
  gint64 groceries_id;

  account = budg_account_store_create (budg_context_get_accounts (fixture->context), "Cash",
                                       BUDG_ACCOUNT_KIND_CASH, "USD", NULL, NULL, 0, &error);
  groceries = budg_category_store_create_path (categories, "Food:Groceries", FALSE, &error);
  food = budg_category_store_find (categories, "Food", &error);
  misc = budg_category_store_create_path (categories, "Misc", FALSE, &error);
  g_assert_no_error (error);
  food_id = budg_category_get_id (food);
  groceries_id = budg_category_get_id (groceries);

  in_parent = add_transaction (fixture, budg_account_get_id (account), "2026-03-01", -100, NULL, food_id, NULL);
  in_child = add_transaction (fixture, budg_account_get_id (account), "2026-03-02", -200, NULL, groceries_id, NULL);
  elsewhere = add_transaction (fixture, budg_account_get_id (account), "2026-03-03", -300, NULL,
                               budg_category_get_id (misc), NULL);
  g_assert_cmpint (budg_category_store_count_transactions (categories, food), ==, 2);

  /* Moving into the category being deleted makes no sense. */
  g_assert_false (budg_category_store_delete (categories, food, groceries, NULL, NULL, &error));
  g_assert_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (fixture, "categories"), ==, 3);

  g_assert_true (budg_category_store_delete (categories, food, misc, &deleted, &moved, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (deleted->len, ==, 2);
  g_assert_cmpuint (moved->len, ==, 2);
  g_assert_cmpint (count_rows (fixture, "categories"), ==, 1);
  g_assert_cmpint (budg_category_store_count_transactions (categories, misc), ==, 3);

  g_assert_true (budg_category_store_undelete (categories, deleted, moved, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (fixture, "categories"), ==, 3);
  reread = budg_transaction_store_get (transactions, budg_transaction_get_id (in_child), &error);
  g_assert_cmpint (budg_transaction_get_category_id (reread), ==, groceries_id);
  g_assert_cmpstr (budg_transaction_get_category_path (reread), ==, "Food:Groceries");
  g_assert_cmpint (budg_category_store_count_transactions (categories, misc), ==, 1);
}

static void
test_transaction_queries (Fixture       *fixture,
                          gconstpointer  data)
{
  BudgTransactionStore *transactions = budg_context_get_transactions (fixture->context);
  BudgCategoryStore *categories = budg_context_get_categories (fixture->context);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  BudgAccount *a;
  BudgAccount *b;
  BudgCategory *coffee;
  gint64 total_a = 0;

  a = budg_account_store_create (budg_context_get_accounts (fixture->context), "A",
                                 BUDG_ACCOUNT_KIND_CHECKING, "USD", NULL, NULL, 0, &error);
  b = budg_account_store_create (budg_context_get_accounts (fixture->context), "B",
                                 BUDG_ACCOUNT_KIND_CHECKING, "JPY", NULL, NULL, 0, &error);
  coffee = budg_category_store_create_path (categories, "Food:Coffee", FALSE, &error);
  g_assert_no_error (error);

  /* 30 days in two accounts, inserted out of order. */
  for (int i = 29; i >= 0; i--)
    {
      g_autofree char *date = g_strdup_printf ("2026-04-%02d", i + 1);
      BudgAccount *account = i % 3 == 0 ? b : a;

      g_object_unref (add_transaction (fixture, budg_account_get_id (account), date, -(i + 1) * 100,
                                       i % 5 == 0 ? "Corner Café" : "Market",
                                       i % 4 == 0 ? budg_category_get_id (coffee) : 0,
                                       i == 7 ? "50% off_sale" : NULL));
      if (account == a)
        total_a -= (i + 1) * 100;
    }

  {
    BudgTransactionQuery query = { 0 };

    rows = budg_transaction_store_query (transactions, &query, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (rows->len, ==, 30);
    for (guint i = 1; i < rows->len; i++)
      g_assert_cmpstr (budg_transaction_get_date (g_ptr_array_index (rows, i - 1)), <,
                       budg_transaction_get_date (g_ptr_array_index (rows, i)));
    g_clear_pointer (&rows, g_ptr_array_unref);
  }

  {
    BudgTransactionQuery query = { .account_id = budg_account_get_id (a) };
    gint64 sum = 0;

    rows = budg_transaction_store_query (transactions, &query, &error);
    g_assert_cmpuint (rows->len, ==, 20);
    g_assert_cmpint (budg_transaction_store_count (transactions, &query, &error), ==, 20);
    for (guint i = 0; i < rows->len; i++)
      {
        BudgTransaction *row = g_ptr_array_index (rows, i);

        g_assert_cmpstr (budg_transaction_get_account_name (row), ==, "A");
        g_assert_cmpstr (budg_transaction_get_currency (row), ==, "USD");
        sum += budg_transaction_get_amount_minor (row);
      }
    g_assert_cmpint (sum, ==, total_a);
    g_assert_cmpint (budg_account_get_balance_minor (a), ==, total_a);
    g_clear_pointer (&rows, g_ptr_array_unref);
  }

  {
    BudgTransactionQuery query = { .from_date = "2026-04-10", .to_date = "2026-04-19", .limit = 4, .offset = 2 };

    rows = budg_transaction_store_query (transactions, &query, &error);
    g_assert_cmpuint (rows->len, ==, 4);
    g_assert_cmpstr (budg_transaction_get_date (g_ptr_array_index (rows, 0)), ==, "2026-04-12");
    g_assert_cmpstr (budg_transaction_get_date (g_ptr_array_index (rows, 3)), ==, "2026-04-15");
    g_assert_cmpint (budg_transaction_store_count (transactions, &query, &error), ==, 10);
    g_clear_pointer (&rows, g_ptr_array_unref);
  }

  {
    /* Payee, category and memo all match; LIKE wildcards are literal. */
    BudgTransactionQuery by_payee = { .search = "café" };
    BudgTransactionQuery by_category = { .search = "coffee" };
    BudgTransactionQuery by_memo = { .search = "50%" };
    BudgTransactionQuery wildcard = { .search = "_" };

    g_assert_cmpint (budg_transaction_store_count (transactions, &by_payee, &error), ==, 6);
    g_assert_cmpint (budg_transaction_store_count (transactions, &by_category, &error), ==, 8);
    g_assert_cmpint (budg_transaction_store_count (transactions, &by_memo, &error), ==, 1);
    g_assert_cmpint (budg_transaction_store_count (transactions, &wildcard, &error), ==, 1);
    rows = budg_transaction_store_query (transactions, &by_category, &error);
    g_assert_cmpstr (budg_transaction_get_category_path (g_ptr_array_index (rows, 0)), ==, "Food:Coffee");
    g_clear_pointer (&rows, g_ptr_array_unref);
  }

  {
    BudgTransactionQuery bad = { .from_date = "2026-02-30" };

    g_assert_null (budg_transaction_store_query (transactions, &bad, &error));
    g_assert_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT);
    g_clear_error (&error);
  }

  /* Payees are shared case-insensitively. */
  g_assert_cmpint (count_rows (fixture, "payees"), ==, 2);
}

static void
test_transaction_bad_input_changes_nothing (Fixture       *fixture,
                                            gconstpointer  data)
{
  BudgTransactionStore *transactions = budg_context_get_transactions (fixture->context);
  g_autoptr(GError) error = NULL;
  g_autoptr(BudgTransaction) bad_date = NULL;
  g_autoptr(BudgTransaction) bad_account = NULL;
  g_autoptr(BudgTransaction) bad_category = NULL;
  g_autoptr(BudgTransaction) bad_payee = NULL;
  BudgAccount *account;

  account = budg_account_store_create (budg_context_get_accounts (fixture->context), "A",
                                       BUDG_ACCOUNT_KIND_CHECKING, "USD", NULL, NULL, 0, &error);
  g_assert_no_error (error);

  bad_date = budg_transaction_new (budg_account_get_id (account), "2026-02-30", 100);
  g_assert_false (budg_transaction_store_add (transactions, bad_date, &error));
  g_assert_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT);
  g_clear_error (&error);

  bad_account = budg_transaction_new (999, "2026-02-01", 100);
  g_assert_false (budg_transaction_store_add (transactions, bad_account, &error));
  g_assert_error (error, BUDG_ERROR, BUDG_ERROR_NOT_FOUND);
  g_clear_error (&error);

  bad_category = budg_transaction_new (budg_account_get_id (account), "2026-02-01", 100);
  budg_transaction_set_category_id (bad_category, 77);
  budg_transaction_set_payee (bad_category, "New Payee");
  g_assert_false (budg_transaction_store_add (transactions, bad_category, &error));
  g_assert_error (error, BUDG_ERROR, BUDG_ERROR_NOT_FOUND);
  g_clear_error (&error);

  bad_payee = budg_transaction_new (budg_account_get_id (account), "2026-02-01", 100);
  budg_transaction_set_payee (bad_payee, "Bad \xc3\x28");
  g_assert_false (budg_transaction_store_add (transactions, bad_payee, &error));
  g_assert_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT);
  g_clear_error (&error);

  g_assert_cmpint (count_rows (fixture, "transactions"), ==, 0);
  g_assert_cmpint (count_rows (fixture, "payees"), ==, 0);

  g_assert_false (budg_transaction_store_delete (transactions, 12345, &error));
  g_assert_error (error, BUDG_ERROR, BUDG_ERROR_NOT_FOUND);
}

static void
count_items_changed_cb (GListModel *model,
                        guint       position,
                        guint       removed,
                        guint       added,
                        guint      *count)
{
  (*count)++;
}

static void
test_store_follows_database_changes (Fixture       *fixture,
                                     gconstpointer  data)
{
  BudgAccountStore *accounts = budg_context_get_accounts (fixture->context);
  g_autoptr(GError) error = NULL;
  BudgAccount *account;
  guint changes = 0;

  g_signal_connect (accounts, "items-changed", G_CALLBACK (count_items_changed_cb), &changes);

  account = budg_account_store_create (accounts, "A", BUDG_ACCOUNT_KIND_CHECKING, "USD", NULL, NULL, 0, &error);
  g_assert_cmpuint (changes, ==, 1);

  /* A new transaction updates the same account object's balance. */
  g_object_unref (add_transaction (fixture, budg_account_get_id (account), "2020-01-01", 4200, NULL, 0, NULL));
  g_assert_true (budg_account_store_lookup (accounts, budg_account_get_id (account)) == account);
  g_assert_cmpint (budg_account_get_balance_minor (account), ==, 4200);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/stores/account/balance-follows-snapshots", test_account_balance_follows_snapshots);
  ADD ("/stores/account/bad-input-changes-nothing", test_account_bad_input_changes_nothing);
  ADD ("/stores/account/find-by-name-or-id", test_account_find_by_name_or_id);
  ADD ("/stores/account/archive-delete-undelete", test_account_archive_delete_undelete);
  ADD ("/stores/account/warning-threshold", test_account_warning_threshold);
  ADD ("/stores/category/paths", test_category_paths);
  ADD ("/stores/category/delete-reassigns-and-undoes", test_category_delete_reassigns_and_undoes);
  ADD ("/stores/transaction/queries", test_transaction_queries);
  ADD ("/stores/transaction/bad-input-changes-nothing", test_transaction_bad_input_changes_nothing);
  ADD ("/stores/follow-database-changes", test_store_follows_database_changes);
#undef ADD

  return g_test_run ();
}
