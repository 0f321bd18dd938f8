/* test-budgets.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "budg-budget-store.h"
#include "budg-category-totals.h"
#include "budg-context.h"
#include "budg-date.h"
#include "budg-error.h"
#include "budg-exchange-rates.h"
#include "budg-goal-store.h"
#include "budg-insights.h"
#include "budg-period.h"
#include "budg-report.h"
#include "budg-split.h"

/* Budgets, goals, exchange rates, reports and insights of src/core. Every
 * aggregation is checked against a brute-force sum over the raw rows, read
 * back with plain SQL and added up here, independently of the code under
 * test. */

__extension__ typedef __int128 Int128;

typedef struct
{
  char                 *dir;
  BudgContext          *context;
  BudgDatabase         *database;
  BudgTransactionStore *transactions;
  BudgBudgetStore      *budgets;
  BudgGoalStore        *goals;
  gint64                usd;
  gint64                card;
  gint64                eur;
} Fixture;

static gint64
create_account (Fixture    *fixture,
                const char *name,
                const char *currency)
{
  g_autoptr(GError) error = NULL;
  BudgAccount *account = budg_account_store_create (budg_context_get_accounts (fixture->context), name,
                                                    BUDG_ACCOUNT_KIND_CHECKING, currency, NULL, NULL, 0,
                                                    &error);

  g_assert_no_error (error);

  return budg_account_get_id (account);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("budg-test-budgets-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "budg.db", NULL);
  fixture->context = budg_context_new (path, &error);
  g_assert_no_error (error);
  fixture->database = budg_context_get_database (fixture->context);
  fixture->transactions = budg_context_get_transactions (fixture->context);
  fixture->budgets = budg_budget_store_new (fixture->database);
  fixture->goals = budg_goal_store_new (fixture->database);

  fixture->usd = create_account (fixture, "Checking", "USD");
  fixture->card = create_account (fixture, "Card", "USD");
  fixture->eur = create_account (fixture, "Girokonto", "EUR");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  g_clear_object (&fixture->budgets);
  g_clear_object (&fixture->goals);
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
category (Fixture    *fixture,
          const char *path,
          gboolean    income)
{
  g_autoptr(GError) error = NULL;
  BudgCategoryStore *store = budg_context_get_categories (fixture->context);
  BudgCategory *found = budg_category_store_find (store, path, NULL);

  if (found == NULL)
    found = budg_category_store_create_path (store, path, income, &error);
  g_assert_no_error (error);
  g_assert_nonnull (found);

  return budg_category_get_id (found);
}

static gint64
add_txn (Fixture    *fixture,
         gint64      account_id,
         const char *date,
         gint64      amount_minor,
         gint64      category_id,
         const char *payee)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BudgTransaction) transaction = budg_transaction_new (account_id, date, amount_minor);

  budg_transaction_set_category_id (transaction, category_id);
  budg_transaction_set_payee (transaction, payee);
  g_assert_true (budg_transaction_store_add (fixture->transactions, transaction, &error));
  g_assert_no_error (error);

  return budg_transaction_get_id (transaction);
}

static void
split_txn (Fixture *fixture,
           gint64   id,
           guint    n_parts,
           ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func ((GDestroyNotify) budg_split_free);
  va_list args;

  va_start (args, n_parts);
  for (guint i = 0; i < n_parts; i++)
    {
      gint64 category_id = va_arg (args, gint64);
      gint64 amount = va_arg (args, gint64);

      g_ptr_array_add (parts, budg_split_new (category_id, amount, NULL));
    }
  va_end (args);

  g_assert_true (budg_transaction_store_set_splits (fixture->transactions, id, parts, &error));
  g_assert_no_error (error);
}

static void
exec_sql (Fixture    *fixture,
          const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (budg_database_exec (fixture->database, sql, &error));
  g_assert_no_error (error);
}

static void
set_rate (Fixture    *fixture,
          const char *from,
          const char *to,
          const char *date,
          const char *rate)
{
  g_autoptr(GError) error = NULL;
  gint64 value;

  g_assert_true (budg_exchange_rate_parse (rate, &value, &error));
  g_assert_true (budg_exchange_rates_set (fixture->database, from, to, date, value, &error));
  g_assert_no_error (error);
}

/* Every row of the tables this module writes, as text: a change anywhere
 * changes the dump. */
static char *
dump (Fixture *fixture)
{
  static const char * const tables[] = {
    "budgets", "goals", "goal_contributions", "exchange_rates", "transactions", "splits",
    "category_month_totals",
  };
  sqlite3 *handle = budg_database_get_handle (fixture->database);
  GString *text = g_string_new (NULL);

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY 1, 2, 3", tables[t]);
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      g_string_append_printf (text, "[%s]\n", tables[t]);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            g_string_append_printf (text, "%s|", sqlite3_column_text (stmt, c) != NULL
                                                 ? (const char *) sqlite3_column_text (stmt, c) : "NULL");
          g_string_append_c (text, '\n');
        }
      sqlite3_finalize (stmt);
    }

  return g_string_free (text, FALSE);
}

static gint64
query_int (Fixture    *fixture,
           const char *sql)
{
  sqlite3 *handle = budg_database_get_handle (fixture->database);
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

/* Compares a string the call returned and frees it. */
static void
assert_owned_str (char       *owned,
                  const char *expected)
{
  g_assert_cmpstr (owned, ==, expected);
  g_free (owned);
}

/* The non-zero monthly totals, as text. */
static char *
dump_totals (Fixture *fixture)
{
  sqlite3 *handle = budg_database_get_handle (fixture->database);
  GString *text = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (handle,
                                       "SELECT month, category_id, account_id, total_minor"
                                       " FROM category_month_totals WHERE total_minor <> 0 ORDER BY 1, 2, 3",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (text, "%s|%s|%s|%s\n", sqlite3_column_text (stmt, 0), sqlite3_column_text (stmt, 1),
                            sqlite3_column_text (stmt, 2), sqlite3_column_text (stmt, 3));
  sqlite3_finalize (stmt);

  return g_string_free (text, FALSE);
}

/* The brute-force side. */

typedef struct
{
  char   date[11];
  gint64 key;        /* category id, 0 money out / -1 money in without one */
  gint64 account_id;
  gint64 amount;
  gint64 payee_id;
} Contribution;

typedef struct
{
  gint64   parent_id;
  gboolean is_income;
  char    *path;
} CategoryRow;

static gint64
key_of (gint64 category_id,
        gint64 amount)
{
  if (category_id != 0)
    return category_id;

  return amount > 0 ? -1 : 0;
}

/* Every non-transfer transaction as the money it moved per category: the
 * parts of a split one under their categories, the rest (nothing, when the
 * parts add up) under its own. */
static GArray *
read_contributions (Fixture *fixture)
{
  sqlite3 *handle = budg_database_get_handle (fixture->database);
  GArray *result = g_array_new (FALSE, FALSE, sizeof (Contribution));
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (handle,
                                       "SELECT id, date, account_id, amount_minor, ifnull(category_id, 0),"
                                       " ifnull(payee_id, 0) FROM transactions WHERE transfer_id IS NULL",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      sqlite3_stmt *parts = NULL;
      Contribution own = { 0 };
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gint64 rest = sqlite3_column_int64 (stmt, 3);

      g_strlcpy (own.date, (const char *) sqlite3_column_text (stmt, 1), sizeof own.date);
      own.account_id = sqlite3_column_int64 (stmt, 2);
      own.key = key_of (sqlite3_column_int64 (stmt, 4), rest);
      own.payee_id = sqlite3_column_int64 (stmt, 5);

      g_assert_cmpint (sqlite3_prepare_v2 (handle,
                                           "SELECT ifnull(category_id, 0), amount_minor FROM splits"
                                           " WHERE transaction_id = ?1",
                                           -1, &parts, NULL), ==, SQLITE_OK);
      sqlite3_bind_int64 (parts, 1, id);
      while (sqlite3_step (parts) == SQLITE_ROW)
        {
          Contribution part = own;

          part.amount = sqlite3_column_int64 (parts, 1);
          part.key = key_of (sqlite3_column_int64 (parts, 0), part.amount);
          rest -= part.amount;
          g_array_append_val (result, part);
        }
      sqlite3_finalize (parts);

      own.amount = rest;
      if (rest != 0)
        g_array_append_val (result, own);
    }
  sqlite3_finalize (stmt);

  return result;
}

static GHashTable *
read_categories (Fixture *fixture)
{
  sqlite3 *handle = budg_database_get_handle (fixture->database);
  GHashTable *categories = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (handle,
                                       "SELECT c.id, ifnull(c.parent_id, 0), c.is_income,"
                                       " ifnull(p.name || ':', '') || c.name"
                                       " FROM categories c LEFT JOIN categories p ON p.id = c.parent_id",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      CategoryRow *row = g_new0 (CategoryRow, 1);

      row->parent_id = sqlite3_column_int64 (stmt, 1);
      row->is_income = sqlite3_column_int (stmt, 2) != 0;
      row->path = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      g_hash_table_insert (categories, g_memdup2 (&id, sizeof id), row);
    }
  sqlite3_finalize (stmt);

  return categories;
}

static void
free_categories (GHashTable *categories)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, categories);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      g_free (((CategoryRow *) value)->path);
      g_free (value);
    }
  g_hash_table_unref (categories);
}

static const char *
currency_of (Fixture *fixture,
             gint64   account_id)
{
  return account_id == fixture->eur ? "EUR" : "USD";
}

static gboolean
key_is_income (GHashTable *categories,
               gint64      key)
{
  CategoryRow *row;

  if (key <= 0)
    return key == -1;
  row = g_hash_table_lookup (categories, &key);

  return row != NULL && row->is_income;
}

static void
add_to (GHashTable *map,
        const char *key,
        gint64      amount)
{
  gint64 *value = g_hash_table_lookup (map, key);

  if (value == NULL)
    {
      value = g_new0 (gint64, 1);
      g_hash_table_insert (map, g_strdup (key), value);
    }
  *value += amount;
}

static GHashTable *
new_map (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/* Asserts two maps of sums agree, zeros counting as absent. */
static void
assert_maps_equal (GHashTable *expected,
                   GHashTable *got)
{
  GHashTableIter iter;
  gpointer key;
  gpointer value;

  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gint64 *other = g_hash_table_lookup (got, key);

      if (*(gint64 *) value == 0 && other == NULL)
        continue;
      if (other == NULL)
        g_error ("missing %s = %" G_GINT64_FORMAT, (char *) key, *(gint64 *) value);
      if (*other != *(gint64 *) value)
        g_error ("%s: expected %" G_GINT64_FORMAT ", got %" G_GINT64_FORMAT,
                 (char *) key, *(gint64 *) value, *other);
    }

  g_hash_table_iter_init (&iter, got);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (*(gint64 *) value != 0 && !g_hash_table_contains (expected, key))
      g_error ("unexpected %s = %" G_GINT64_FORMAT, (char *) key, *(gint64 *) value);
}

static char *
random_date (GRand *rand)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, G_DATE_NOVEMBER, 2024);
  g_date_add_days (&date, g_rand_int_range (rand, 0, 790));

  return budg_date_to_iso (&date);
}

/* A few hundred random transactions on three accounts, some split, some
 * transfers, then edited, moved and deleted at random: the triggers see
 * every kind of change. */
static void
fill_random (Fixture *fixture,
             guint32  seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  gint64 categories[] = {
    category (fixture, "Food:Groceries", FALSE),
    category (fixture, "Food:Dining", FALSE),
    category (fixture, "Food", FALSE),
    category (fixture, "Home:Rent", FALSE),
    category (fixture, "Home:Repairs", FALSE),
    category (fixture, "Fun", FALSE),
    category (fixture, "Income:Salary", TRUE),
    category (fixture, "Income:Interest", TRUE),
    0,
  };
  const char *payees[] = { "Grocer", "Landlord", "Cinema", "Employer", NULL };
  gint64 accounts[] = { fixture->usd, fixture->card, fixture->eur };

  for (guint i = 0; i < 400; i++)
    {
      g_autofree char *date = random_date (rand);
      gint64 cat = categories[g_rand_int_range (rand, 0, G_N_ELEMENTS (categories))];
      gint64 amount = g_rand_int_range (rand, -30000, 8000);
      gint64 id;

      if (amount == 0)
        amount = -1;
      id = add_txn (fixture, accounts[g_rand_int_range (rand, 0, 3)], date, amount, cat,
                    payees[g_rand_int_range (rand, 0, G_N_ELEMENTS (payees))]);
      g_array_append_val (ids, id);

      if (g_rand_int_range (rand, 0, 8) == 0)
        {
          gint64 first = amount / 3;

          split_txn (fixture, id, 3,
                     categories[g_rand_int_range (rand, 0, G_N_ELEMENTS (categories))], first,
                     categories[g_rand_int_range (rand, 0, G_N_ELEMENTS (categories))], amount - 2 * first,
                     categories[g_rand_int_range (rand, 0, G_N_ELEMENTS (categories))], first);
        }

      if (g_rand_int_range (rand, 0, 15) == 0)
        {
          gint64 from_id;
          gint64 to_id;
          gint64 size = g_rand_int_range (rand, 100, 50000);
          gboolean to_euro = g_rand_boolean (rand);

          g_assert_true (budg_transaction_store_add_transfer (fixture->transactions, fixture->usd,
                                                              to_euro ? fixture->eur : fixture->card,
                                                              date, size, to_euro ? size * 9 / 10 : 0,
                                                              NULL, &from_id, &to_id, &error));
          g_assert_no_error (error);
        }
    }

  /* Edits: new amounts, categories and dates, and deletes. */
  for (guint i = 0; i < 120; i++)
    {
      gint64 id = g_array_index (ids, gint64, g_rand_int_range (rand, 0, ids->len));
      g_autoptr(BudgTransaction) transaction = budg_transaction_store_get (fixture->transactions, id, NULL);
      g_autofree char *date = random_date (rand);

      if (transaction == NULL)
        continue;

      if (g_rand_int_range (rand, 0, 5) == 0)
        {
          g_assert_true (budg_transaction_store_delete (fixture->transactions, id, &error));
          g_assert_no_error (error);
          continue;
        }

      budg_transaction_set_date (transaction, date);
      if (budg_transaction_get_split_count (transaction) == 0)
        {
          budg_transaction_set_amount_minor (transaction, g_rand_int_range (rand, -30000, 8000) | 1);
          budg_transaction_set_category_id (transaction,
                                            categories[g_rand_int_range (rand, 0, G_N_ELEMENTS (categories))]);
        }
      g_assert_true (budg_transaction_store_update (fixture->transactions, transaction, &error));
      g_assert_no_error (error);
    }

  /* A deleted category's money becomes uncategorized. */
  {
    BudgCategoryStore *store = budg_context_get_categories (fixture->context);
    BudgCategory *fun = budg_category_store_find (store, "Fun", &error);

    g_assert_no_error (error);
    g_assert_true (budg_category_store_delete (store, fun, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
  }

  exec_sql (fixture,
            "INSERT INTO balance_snapshots (account_id, date, amount_minor) VALUES"
            " (1, '2025-03-15', 123456), (1, '2025-09-30', -5000), (3, '2025-06-01', 99999),"
            " (2, '2024-12-31', 777)");
}

/* Sums of the brute-force contributions per "month|key|account". */
static GHashTable *
expected_totals (GArray     *contributions,
                 const char *from,
                 const char *to,
                 gboolean    by_day)
{
  GHashTable *map = new_map ();

  for (guint i = 0; i < contributions->len; i++)
    {
      const Contribution *c = &g_array_index (contributions, Contribution, i);
      g_autofree char *key = NULL;

      if (strcmp (c->date, from) < 0 || strcmp (c->date, to) > 0)
        continue;
      key = g_strdup_printf ("%.*s|%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT,
                             by_day ? 10 : 7, c->date, c->key, c->account_id);
      add_to (map, key, c->amount);
    }

  return map;
}

static GHashTable *
collected_totals (Fixture    *fixture,
                  const char *from,
                  const char *to,
                  gboolean    by_day)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) totals = budg_category_totals_collect (fixture->database, from, to, by_day, &error);
  GHashTable *map = new_map ();

  g_assert_no_error (error);
  for (guint i = 0; i < totals->len; i++)
    {
      const BudgCategoryTotal *total = &g_array_index (totals, BudgCategoryTotal, i);
      g_autofree char *key = g_strdup_printf ("%s|%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT,
                                              total->period, total->category_id, total->account_id);

      add_to (map, key, total->total_minor);
    }

  return map;
}

static void
test_totals_brute_force (Fixture       *fixture,
                         gconstpointer  data)
{
  static const char * const ranges[][2] = {
    { "2024-01-01", "2027-12-31" },
    { "2025-01-01", "2025-12-31" },
    { "2025-02-14", "2025-11-03" },
    { "2025-03-01", "2025-03-31" },
    { "2025-04-10", "2025-04-20" },
    { "2025-05-31", "2025-06-01" },
    { "2026-12-31", "2026-12-31" },
  };
  g_autoptr(GArray) contributions = NULL;
  g_autoptr(GError) error = NULL;

  fill_random (fixture, 20261122);
  contributions = read_contributions (fixture);

  for (guint r = 0; r < G_N_ELEMENTS (ranges); r++)
    {
      g_autoptr(GHashTable) expected = expected_totals (contributions, ranges[r][0], ranges[r][1], FALSE);
      g_autoptr(GHashTable) got = collected_totals (fixture, ranges[r][0], ranges[r][1], FALSE);
      g_autoptr(GHashTable) expected_days = expected_totals (contributions, ranges[r][0], ranges[r][1], TRUE);
      g_autoptr(GHashTable) got_days = collected_totals (fixture, ranges[r][0], ranges[r][1], TRUE);

      /* The longer ranges hold money, so the comparisons compare something. */
      if (r < 4)
        g_assert_cmpuint (g_hash_table_size (expected), >, 0);
      assert_maps_equal (expected, got);
      assert_maps_equal (expected_days, got_days);
    }

  /* The triggers kept exactly what a rebuild from scratch computes. */
  {
    g_autofree char *before = dump_totals (fixture);
    g_autofree char *after = NULL;

    g_assert_cmpstr (before, !=, "");
    g_assert_true (budg_category_totals_rebuild (fixture->database, &error));
    g_assert_no_error (error);
    after = dump_totals (fixture);
    g_assert_cmpstr (before, ==, after);
  }

  /* A bulk loader may suspend the triggers and have the totals rebuilt. */
  {
    g_autofree char *saved = NULL;
    g_autoptr(GArray) now = NULL;
    g_autoptr(GHashTable) expected = NULL;
    g_autoptr(GHashTable) got = NULL;
    g_autofree char *stale = NULL;
    g_autofree char *fresh = NULL;

    g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM sqlite_schema WHERE name GLOB 'category_totals_*'"), ==, 7);
    stale = dump_totals (fixture);
    saved = budg_category_totals_suspend (fixture->database, &error);
    g_assert_no_error (error);
    g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM sqlite_schema WHERE name GLOB 'category_totals_*'"), ==, 0);
    add_txn (fixture, fixture->usd, "2025-05-05", -12345, 0, NULL);
    g_assert_cmpstr ((fresh = dump_totals (fixture)), ==, stale);

    g_assert_true (budg_category_totals_resume (fixture->database, saved, &error));
    g_assert_no_error (error);
    g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM sqlite_schema WHERE name GLOB 'category_totals_*'"), ==, 7);
    now = read_contributions (fixture);
    expected = expected_totals (now, "2024-01-01", "2027-12-31", FALSE);
    got = collected_totals (fixture, "2024-01-01", "2027-12-31", FALSE);
    assert_maps_equal (expected, got);
  }
}

/* The report rows as "key|month|currency" → amount. */
static GHashTable *
report_map (GPtrArray *rows,
            gboolean   income_expense)
{
  GHashTable *map = new_map ();

  for (guint i = 0; i < rows->len; i++)
    {
      BudgReportRow *row = g_ptr_array_index (rows, i);
      g_autofree char *key = g_strdup_printf ("%s|%s|%s", row->key != NULL ? row->key : "-",
                                              row->month != NULL ? row->month : "-", row->currency);

      if (income_expense)
        {
          g_autofree char *income = g_strconcat (key, "|in", NULL);
          g_autofree char *expense = g_strconcat (key, "|out", NULL);

          add_to (map, income, row->income_minor);
          add_to (map, expense, row->expense_minor);
          g_assert_cmpint (row->amount_minor, ==, row->income_minor - row->expense_minor);
        }
      else
        add_to (map, key, row->amount_minor);
    }

  return map;
}

static void
test_reports_brute_force (Fixture       *fixture,
                          gconstpointer  data)
{
  static const char * const ranges[][2] = {
    { "2024-11-01", "2026-12-31" },
    { "2025-02-14", "2025-11-03" },
    { "2025-07-01", "2025-07-31" },
  };
  static const BudgReportGroup groups[] = {
    BUDG_REPORT_GROUP_CATEGORY, BUDG_REPORT_GROUP_PARENT, BUDG_REPORT_GROUP_MONTH,
    BUDG_REPORT_GROUP_YEAR, BUDG_REPORT_GROUP_PAYEE,
  };
  g_autoptr(GArray) contributions = NULL;
  GHashTable *categories;
  g_autoptr(GHashTable) payees = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  fill_random (fixture, 7);
  contributions = read_contributions (fixture);
  categories = read_categories (fixture);

  {
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_prepare_v2 (budg_database_get_handle (fixture->database),
                                         "SELECT id, name FROM payees", -1, &stmt, NULL), ==, SQLITE_OK);
    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        gint64 id = sqlite3_column_int64 (stmt, 0);

        g_hash_table_insert (payees, g_memdup2 (&id, sizeof id),
                             g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
      }
    sqlite3_finalize (stmt);
  }

  for (guint r = 0; r < G_N_ELEMENTS (ranges); r++)
    {
      for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
        for (guint by_month = 0; by_month < 2; by_month++)
          {
            BudgReportQuery query = { ranges[r][0], ranges[r][1], groups[g], by_month, NULL };
            g_autoptr(GError) error = NULL;
            g_autoptr(GPtrArray) rows = budg_report_spending (fixture->database, &query, &error);
            g_autoptr(GHashTable) expected = new_map ();
            g_autoptr(GHashTable) got = NULL;

            g_assert_no_error (error);
            got = report_map (rows, FALSE);

            for (guint i = 0; i < contributions->len; i++)
              {
                const Contribution *c = &g_array_index (contributions, Contribution, i);
                g_autofree char *key = NULL;
                g_autofree char *month = g_strndup (c->date, 7);
                g_autofree char *group_key = NULL;
                gboolean by_time = groups[g] == BUDG_REPORT_GROUP_MONTH || groups[g] == BUDG_REPORT_GROUP_YEAR;
                CategoryRow *row = c->key > 0 ? g_hash_table_lookup (categories, &c->key) : NULL;

                if (strcmp (c->date, ranges[r][0]) < 0 || strcmp (c->date, ranges[r][1]) > 0 ||
                    key_is_income (categories, c->key))
                  continue;

                switch (groups[g])
                  {
                  case BUDG_REPORT_GROUP_CATEGORY:
                    group_key = g_strdup (row != NULL ? row->path : "-");
                    break;
                  case BUDG_REPORT_GROUP_PARENT:
                    if (row != NULL && row->parent_id != 0)
                      row = g_hash_table_lookup (categories, &row->parent_id);
                    group_key = g_strdup (row != NULL ? row->path : "-");
                    break;
                  case BUDG_REPORT_GROUP_MONTH:
                    group_key = g_strdup (month);
                    break;
                  case BUDG_REPORT_GROUP_YEAR:
                    group_key = g_strndup (c->date, 4);
                    break;
                  case BUDG_REPORT_GROUP_PAYEE:
                  default:
                    group_key = g_strdup (c->payee_id != 0 ? g_hash_table_lookup (payees, &c->payee_id) : "-");
                    break;
                  }

                key = g_strdup_printf ("%s|%s|%s", group_key, by_month && !by_time ? month : "-",
                                       currency_of (fixture, c->account_id));
                /* Spending is reported positive. */
                add_to (expected, key, -c->amount);
              }

            g_assert_cmpuint (g_hash_table_size (expected), >, 0);
            assert_maps_equal (expected, got);

            /* Largest first, unless the rows are months or years. */
            if (!by_month && groups[g] != BUDG_REPORT_GROUP_MONTH && groups[g] != BUDG_REPORT_GROUP_YEAR)
              for (guint i = 1; i < rows->len; i++)
                g_assert_cmpint (((BudgReportRow *) rows->pdata[i - 1])->amount_minor, >=,
                                 ((BudgReportRow *) rows->pdata[i])->amount_minor);
          }

      /* Income against expense by month. */
      {
        BudgReportQuery query = { ranges[r][0], ranges[r][1], BUDG_REPORT_GROUP_MONTH, FALSE, NULL };
        g_autoptr(GError) error = NULL;
        g_autoptr(GPtrArray) rows = budg_report_income_expense (fixture->database, &query, &error);
        g_autoptr(GHashTable) expected = new_map ();
        g_autoptr(GHashTable) got = NULL;

        g_assert_no_error (error);
        got = report_map (rows, TRUE);

        for (guint i = 0; i < contributions->len; i++)
          {
            const Contribution *c = &g_array_index (contributions, Contribution, i);
            gboolean income = key_is_income (categories, c->key);
            g_autofree char *key = NULL;

            if (strcmp (c->date, ranges[r][0]) < 0 || strcmp (c->date, ranges[r][1]) > 0)
              continue;
            key = g_strdup_printf ("%.7s|-|%s|%s", c->date, currency_of (fixture, c->account_id),
                                   income ? "in" : "out");
            add_to (expected, key, income ? c->amount : -c->amount);
          }

        assert_maps_equal (expected, got);
      }
    }

  free_categories (categories);
}

/* The balance of @account_id at the end of @date, the long way: the latest
 * snapshot on or before it plus every transaction after it. */
static gint64
brute_balance (Fixture    *fixture,
               gint64      account_id,
               const char *date)
{
  g_autofree char *sql = NULL;
  g_autofree char *snapshot_date = NULL;
  sqlite3 *handle = budg_database_get_handle (fixture->database);
  sqlite3_stmt *stmt = NULL;
  gint64 balance = 0;

  sql = g_strdup_printf ("SELECT date, amount_minor FROM balance_snapshots WHERE account_id = %" G_GINT64_FORMAT
                         " AND date <= '%s' ORDER BY date DESC LIMIT 1", account_id, date);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      snapshot_date = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      balance = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_finalize (stmt);

  g_free (sql);
  sql = g_strdup_printf ("SELECT amount_minor, date FROM transactions WHERE account_id = %" G_GINT64_FORMAT,
                         account_id);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *day = (const char *) sqlite3_column_text (stmt, 1);

      if (strcmp (day, date) <= 0 && (snapshot_date == NULL || strcmp (day, snapshot_date) > 0))
        balance += sqlite3_column_int64 (stmt, 0);
    }
  sqlite3_finalize (stmt);

  return balance;
}

/* amount × rate (in 10⁻¹⁰) rounded half away from zero, for two-decimal
 * currencies. */
static gint64
brute_convert (gint64 amount,
               gint64 rate_e10)
{
  Int128 product = (Int128) amount * rate_e10;
  Int128 scale = 10000000000;
  Int128 quotient = product / scale;
  Int128 remainder = product % scale;

  if (remainder < 0)
    remainder = -remainder;
  if (2 * remainder >= scale)
    quotient += product < 0 ? -1 : 1;

  return (gint64) quotient;
}

static void
test_balances_and_net_worth (Fixture       *fixture,
                             gconstpointer  data)
{
  static const char * const ends[] = {
    "2025-01-31", "2025-02-28", "2025-03-31", "2025-04-30", "2025-05-31", "2025-06-30",
    "2025-07-31", "2025-08-31", "2025-09-30", "2025-10-20",
  };
  BudgReportQuery query = { "2025-01-05", "2025-10-20", BUDG_REPORT_GROUP_ACCOUNT, FALSE, NULL };
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) worth = NULL;
  g_autoptr(GError) error = NULL;
  gint64 accounts[3];

  fill_random (fixture, 99);
  accounts[0] = fixture->usd;
  accounts[1] = fixture->card;
  accounts[2] = fixture->eur;

  rows = budg_report_balances (fixture->database, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 3 * G_N_ELEMENTS (ends));

  for (guint i = 0; i < rows->len; i++)
    {
      BudgReportRow *row = g_ptr_array_index (rows, i);
      guint a = i / G_N_ELEMENTS (ends);
      guint m = i % G_N_ELEMENTS (ends);

      g_assert_cmpint (row->id, ==, accounts[a]);
      assert_owned_str (g_strndup (ends[m], 7), row->month);
      g_assert_cmpstr (row->currency, ==, currency_of (fixture, accounts[a]));
      g_assert_cmpint (row->amount_minor, ==, brute_balance (fixture, accounts[a], ends[m]));
    }

  /* Net worth needs a currency, and a rate for the euros at each month end. */
  query.group = BUDG_REPORT_GROUP_MONTH;
  g_assert_null (budg_report_net_worth (fixture->database, &query, &error));
  g_assert_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT);
  g_clear_error (&error);

  query.currency = "USD";
  set_rate (fixture, "EUR", "USD", "2025-02-15", "1.0823");
  g_assert_null (budg_report_net_worth (fixture->database, &query, &error));
  g_assert_error (error, BUDG_ERROR, BUDG_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* The later rate entered the other way round serves inverted. */
  set_rate (fixture, "EUR", "USD", "2025-01-01", "1.1");
  set_rate (fixture, "USD", "EUR", "2025-06-10", "0.8");

  worth = budg_report_net_worth (fixture->database, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (worth->len, ==, G_N_ELEMENTS (ends));

  for (guint m = 0; m < G_N_ELEMENTS (ends); m++)
    {
      BudgReportRow *row = g_ptr_array_index (worth, m);
      gint64 euros = brute_balance (fixture, fixture->eur, ends[m]);
      gint64 expected = brute_balance (fixture, fixture->usd, ends[m]) +
                        brute_balance (fixture, fixture->card, ends[m]);

      if (strcmp (ends[m], "2025-02-15") < 0)
        expected += brute_convert (euros, 11000000000);
      else if (strcmp (ends[m], "2025-06-10") < 0)
        expected += brute_convert (euros, 10823000000);
      else
        {
          /* 1 / 0.8 = 1.25 exactly. */
          expected += brute_convert (euros, 12500000000);
        }

      assert_owned_str (g_strndup (ends[m], 7), row->key);
      g_assert_cmpstr (row->currency, ==, "USD");
      g_assert_cmpint (row->amount_minor, ==, expected);
    }
}

/* The status of @category_id's budget in @period. */
static BudgBudgetStatus *
status_of (Fixture    *fixture,
           const char *period,
           gint64      category_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) statuses = budg_budget_store_status (fixture->budgets, period, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < statuses->len; i++)
    {
      BudgBudgetStatus *status = g_ptr_array_index (statuses, i);

      if (status->category_id == category_id)
        return g_ptr_array_steal_index (statuses, i);
    }

  return NULL;
}

static void
set_budget (Fixture          *fixture,
            gint64            category_id,
            BudgBudgetPeriod  period,
            gint64            amount,
            BudgRollover      rollover,
            const char       *from)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BudgBudget) budget = budg_budget_store_set (fixture->budgets, category_id, period, amount,
                                                        "USD", rollover, from, &error);

  g_assert_no_error (error);
  g_assert_nonnull (budget);
  g_assert_cmpint (budget->category_id, ==, category_id);
  g_assert_cmpint (budget->amount_minor, ==, amount);
  g_assert_cmpstr (budget->from_period, ==, from);
}

static void
test_rollover_modes (Fixture       *fixture,
                     gconstpointer  data)
{
  /* Spending per month from January 2026: under, over, under, far over,
   * nothing, refund larger than spending. */
  static const gint64 spent[] = { 5000, 15000, 8000, 20000, 0, -3000 };
  static const BudgRollover modes[] = { BUDG_ROLLOVER_NONE, BUDG_ROLLOVER_LEFTOVER, BUDG_ROLLOVER_ALL };
  const gint64 budget = 10000;

  for (guint m = 0; m < G_N_ELEMENTS (modes); m++)
    {
      g_autofree char *path = g_strdup_printf ("Mode %u", m);
      gint64 cat = category (fixture, path, FALSE);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) range = NULL;
      gint64 previous = 0;

      set_budget (fixture, cat, BUDG_BUDGET_PERIOD_MONTHLY, budget, modes[m], "2026-01");

      for (guint i = 0; i < G_N_ELEMENTS (spent); i++)
        {
          g_autofree char *date = g_strdup_printf ("2026-%02u-15", i + 1);

          /* Spending in two transactions, one on each account. */
          if (spent[i] != 0)
            {
              add_txn (fixture, fixture->usd, date, -spent[i] / 2, cat, NULL);
              add_txn (fixture, fixture->card, date, -(spent[i] - spent[i] / 2), cat, NULL);
            }
          /* Spending without a category is no budget's. */
          add_txn (fixture, fixture->usd, date, -99, 0, NULL);
        }
      /* Before the budget starts: not in any period. */
      add_txn (fixture, fixture->usd, "2025-12-31", -50000, cat, NULL);

      range = budg_budget_store_status_range (fixture->budgets, "2026-01", "2026-06", &error);
      g_assert_no_error (error);

      for (guint i = 0; i < G_N_ELEMENTS (spent); i++)
        {
          g_autofree char *period = g_strdup_printf ("2026-%02u", i + 1);
          g_autoptr(BudgBudgetStatus) status = status_of (fixture, period, cat);
          gint64 rollover = 0;

          if (i > 0 && modes[m] == BUDG_ROLLOVER_LEFTOVER)
            rollover = MAX (previous, 0);
          else if (i > 0 && modes[m] == BUDG_ROLLOVER_ALL)
            rollover = previous;

          g_assert_nonnull (status);
          g_assert_cmpstr (status->period, ==, period);
          g_assert_cmpint (status->budgeted_minor, ==, budget);
          g_assert_cmpint (status->spent_minor, ==, spent[i]);
          g_assert_cmpint (status->rollover_minor, ==, rollover);
          g_assert_cmpint (status->available_minor, ==, budget + rollover - spent[i]);
          g_assert_cmpint (status->rollover, ==, modes[m]);
          previous = status->available_minor;

          /* The range computes the same as one period at a time. */
          {
            gboolean found = FALSE;

            for (guint r = 0; r < range->len; r++)
              {
                BudgBudgetStatus *other = g_ptr_array_index (range, r);

                if (other->category_id == cat && g_str_equal (other->period, period))
                  {
                    g_assert_cmpint (other->available_minor, ==, status->available_minor);
                    g_assert_cmpint (other->rollover_minor, ==, status->rollover_minor);
                    found = TRUE;
                  }
              }
            g_assert_true (found);
          }
        }

      /* Hand-checked values: leftover carries +5000 into February and
       * nothing out of April's overspending; all carries April's -8000
       * (10000 + 2000 - 20000) into May. */
      if (modes[m] == BUDG_ROLLOVER_LEFTOVER)
        {
          g_autoptr(BudgBudgetStatus) february = status_of (fixture, "2026-02", cat);
          g_autoptr(BudgBudgetStatus) may = status_of (fixture, "2026-05", cat);

          g_assert_cmpint (february->rollover_minor, ==, 5000);
          g_assert_cmpint (may->rollover_minor, ==, 0);
        }
      else if (modes[m] == BUDG_ROLLOVER_ALL)
        {
          g_autoptr(BudgBudgetStatus) may = status_of (fixture, "2026-05", cat);
          g_autoptr(BudgBudgetStatus) june = status_of (fixture, "2026-06", cat);

          g_assert_cmpint (may->rollover_minor, ==, -8000);
          g_assert_cmpint (may->available_minor, ==, 2000);
          g_assert_cmpint (june->available_minor, ==, 15000);
        }

      /* No budget before its first period. */
      g_assert_null (status_of (fixture, "2025-12", cat));
    }
}

static void
test_supersede (Fixture       *fixture,
                gconstpointer  data)
{
  gint64 food = category (fixture, "Food", FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(BudgBudgetStatus) february = NULL;
  g_autoptr(BudgBudgetStatus) march = NULL;
  g_autoptr(BudgBudgetStatus) august = NULL;

  set_budget (fixture, food, BUDG_BUDGET_PERIOD_MONTHLY, 10000, BUDG_ROLLOVER_LEFTOVER, "2026-01");
  set_budget (fixture, food, BUDG_BUDGET_PERIOD_MONTHLY, 20000, BUDG_ROLLOVER_LEFTOVER, "2026-06");
  add_txn (fixture, fixture->usd, "2026-01-10", -4000, food, NULL);

  /* Earlier periods keep their amount; the leftover runs through the change. */
  february = status_of (fixture, "2026-02", food);
  g_assert_cmpint (february->budgeted_minor, ==, 10000);
  g_assert_cmpint (february->rollover_minor, ==, 6000);
  august = status_of (fixture, "2026-08", food);
  g_assert_cmpint (august->budgeted_minor, ==, 20000);
  g_assert_cmpint (august->rollover_minor, ==, 6000 + 4 * 10000 + 2 * 20000);

  /* Setting it again from March replaces the June row too. */
  set_budget (fixture, food, BUDG_BUDGET_PERIOD_MONTHLY, 15000, BUDG_ROLLOVER_NONE, "2026-03");
  list = budg_budget_store_list (fixture->budgets, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (((BudgBudget *) list->pdata[0])->from_period, ==, "2026-01");
  g_assert_cmpstr (((BudgBudget *) list->pdata[1])->from_period, ==, "2026-03");
  g_assert_cmpstr (((BudgBudget *) list->pdata[1])->category_path, ==, "Food");

  march = status_of (fixture, "2026-03", food);
  g_assert_cmpint (march->budgeted_minor, ==, 15000);
  /* "none" from March: March starts afresh. */
  g_assert_cmpint (march->rollover_minor, ==, 0);
  g_clear_pointer (&august, budg_budget_status_free);
  august = status_of (fixture, "2026-08", food);
  g_assert_cmpint (august->budgeted_minor, ==, 15000);
  g_assert_cmpint (august->available_minor, ==, 15000);

  /* Copy last period's: February's 10000 from March on. */
  {
    guint copied = 0;
    g_autoptr(BudgBudgetStatus) april = NULL;

    g_assert_true (budg_budget_store_copy_previous (fixture->budgets, "2026-03", &copied, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (copied, ==, 1);
    april = status_of (fixture, "2026-04", food);
    g_assert_cmpint (april->budgeted_minor, ==, 10000);
    g_assert_cmpint (april->rollover, ==, BUDG_ROLLOVER_LEFTOVER);

    /* Nothing changed between March and April: nothing to copy. */
    g_assert_true (budg_budget_store_copy_previous (fixture->budgets, "2026-04", &copied, &error));
    g_assert_cmpuint (copied, ==, 0);
  }

  /* Deleting a row lets the one before hold on. */
  g_clear_pointer (&list, g_ptr_array_unref);
  list = budg_budget_store_list (fixture->budgets, &error);
  g_assert_true (budg_budget_store_delete (fixture->budgets, ((BudgBudget *) list->pdata[1])->id, &error));
  g_assert_no_error (error);
  g_assert_false (budg_budget_store_delete (fixture->budgets, ((BudgBudget *) list->pdata[1])->id, &error));
  g_assert_error (error, BUDG_ERROR, BUDG_ERROR_NOT_FOUND);
}

static void
test_yearly_spread (Fixture       *fixture,
                    gconstpointer  data)
{
  gint64 travel = category (fixture, "Travel", FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) year = NULL;
  gint64 total = 0;

  /* 100 003 over a budget year from April: 8333 a month, 8340 in March. */
  set_budget (fixture, travel, BUDG_BUDGET_PERIOD_YEARLY, 100003, BUDG_ROLLOVER_NONE, "2026-04");
  year = budg_budget_store_status_range (fixture->budgets, "2026-04", "2027-05", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (year->len, ==, 14);

  for (guint i = 0; i < year->len; i++)
    {
      BudgBudgetStatus *status = g_ptr_array_index (year, i);

      g_assert_cmpint (status->kind, ==, BUDG_BUDGET_PERIOD_YEARLY);
      if (g_str_equal (status->period, "2027-03"))
        g_assert_cmpint (status->budgeted_minor, ==, 8333 + 7);
      else
        g_assert_cmpint (status->budgeted_minor, ==, 8333);
      if (i < 12)
        total += status->budgeted_minor;
    }
  g_assert_cmpint (total, ==, 100003);

  /* A yearly budget shows in months, never in weeks. */
  g_clear_pointer (&year, g_ptr_array_unref);
  year = budg_budget_store_status (fixture->budgets, "2026-W20", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (year->len, ==, 0);

  /* And a weekly one must start in a week. */
  g_assert_null (budg_budget_store_set (fixture->budgets, travel, BUDG_BUDGET_PERIOD_WEEKLY, 100,
                                        "USD", BUDG_ROLLOVER_NONE, "2026-05", &error));
  g_assert_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT);
}

static void
test_weekly (Fixture       *fixture,
             gconstpointer  data)
{
  gint64 coffee = category (fixture, "Coffee", FALSE);
  g_autoptr(BudgBudgetStatus) w52 = NULL;
  g_autoptr(BudgBudgetStatus) w53 = NULL;
  g_autoptr(BudgBudgetStatus) w01 = NULL;

  /* 2026 has 53 ISO weeks: W53 runs from Monday 28 December to Sunday
   * 3 January 2027. */
  set_budget (fixture, coffee, BUDG_BUDGET_PERIOD_WEEKLY, 2000, BUDG_ROLLOVER_ALL, "2026-W52");
  add_txn (fixture, fixture->usd, "2026-12-27", -1500, coffee, NULL);   /* Sunday of W52 */
  add_txn (fixture, fixture->usd, "2026-12-28", -1000, coffee, NULL);   /* Monday of W53 */
  add_txn (fixture, fixture->card, "2027-01-03", -1800, coffee, NULL);  /* Sunday of W53 */
  add_txn (fixture, fixture->usd, "2027-01-04", -700, coffee, NULL);    /* Monday of 2027-W01 */

  w52 = status_of (fixture, "2026-W52", coffee);
  w53 = status_of (fixture, "2026-W53", coffee);
  w01 = status_of (fixture, "2027-W01", coffee);

  g_assert_cmpint (w52->spent_minor, ==, 1500);
  g_assert_cmpint (w52->available_minor, ==, 500);
  g_assert_cmpint (w53->spent_minor, ==, 2800);
  g_assert_cmpint (w53->rollover_minor, ==, 500);
  g_assert_cmpint (w53->available_minor, ==, -300);
  g_assert_cmpint (w01->rollover_minor, ==, -300);
  g_assert_cmpint (w01->available_minor, ==, 1000);
  g_assert_cmpstr (w01->period, ==, "2027-W01");

  /* Weekly budgets do not show in months. */
  g_assert_null (status_of (fixture, "2026-12", coffee));
}

static void
test_period_arithmetic (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  BudgPeriod period;
  GDate date;

  g_assert_true (budg_period_parse ("2026-W53", &period, &error));
  g_assert_true (budg_period_parse ("2020-W53", &period, &error));
  g_assert_false (budg_period_parse ("2025-W53", &period, &error));
  g_assert_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_false (budg_period_parse ("2026-13", &period, NULL));
  g_assert_false (budg_period_parse ("2026-9", &period, NULL));
  g_assert_false (budg_period_parse ("2026-W00", &period, NULL));

  /* 1 January 2027 is a Friday, in the last week of 2026. */
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, G_DATE_JANUARY, 2027);
  budg_period_for_date (BUDG_PERIOD_WEEK, &date, &period);
  assert_owned_str (budg_period_to_string (&period), "2026-W53");
  assert_owned_str (budg_period_dup_first_iso (&period), "2026-12-28");
  assert_owned_str (budg_period_dup_last_iso (&period), "2027-01-03");
  budg_period_add (&period, 1);
  assert_owned_str (budg_period_to_string (&period), "2027-W01");
  budg_period_add (&period, -54);
  assert_owned_str (budg_period_to_string (&period), "2025-W52");

  /* 29 December 2025 is a Monday in week 1 of 2026. */
  g_assert_true (budg_period_for_iso (BUDG_PERIOD_WEEK, "2025-12-29", &period, NULL));
  assert_owned_str (budg_period_to_string (&period), "2026-W01");

  g_assert_true (budg_period_parse ("2026-11", &period, NULL));
  budg_period_add (&period, 3);
  assert_owned_str (budg_period_to_string (&period), "2027-02");
  assert_owned_str (budg_period_dup_last_iso (&period), "2027-02-28");
  budg_period_add (&period, -26);
  assert_owned_str (budg_period_to_string (&period), "2024-12");
}

static void
test_budget_scope (Fixture       *fixture,
                   gconstpointer  data)
{
  gint64 food = category (fixture, "Food", FALSE);
  gint64 groceries = category (fixture, "Food:Groceries", FALSE);
  gint64 dining = category (fixture, "Food:Dining", FALSE);
  gint64 home = category (fixture, "Home", FALSE);
  gint64 salary = category (fixture, "Salary", TRUE);
  g_autoptr(BudgBudgetStatus) group = NULL;
  g_autoptr(BudgBudgetStatus) child = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) statuses = NULL;
  gint64 id;
  gint64 from_id;
  gint64 to_id;
  gint64 left;

  set_budget (fixture, food, BUDG_BUDGET_PERIOD_MONTHLY, 50000, BUDG_ROLLOVER_NONE, "2026-03");
  set_budget (fixture, groceries, BUDG_BUDGET_PERIOD_MONTHLY, 30000, BUDG_ROLLOVER_NONE, "2026-03");

  add_txn (fixture, fixture->usd, "2026-03-02", -10000, groceries, NULL);
  add_txn (fixture, fixture->usd, "2026-03-03", -4000, dining, NULL);
  add_txn (fixture, fixture->usd, "2026-03-04", -1000, food, NULL);
  /* A refund makes the spending smaller. */
  add_txn (fixture, fixture->card, "2026-03-05", 2500, groceries, NULL);
  /* A split: 3000 groceries, 7000 home; the home part is not food. */
  id = add_txn (fixture, fixture->usd, "2026-03-06", -10000, 0, NULL);
  split_txn (fixture, id, 2, groceries, (gint64) -3000, home, (gint64) -7000);
  /* Income in the month is not spending. */
  add_txn (fixture, fixture->usd, "2026-03-07", 300000, salary, NULL);
  /* A transfer never counts. */
  g_assert_true (budg_transaction_store_add_transfer (fixture->transactions, fixture->usd, fixture->card,
                                                      "2026-03-08", 9999, 0, NULL, &from_id, &to_id, &error));
  g_assert_no_error (error);
  /* Euros count converted at the rate of the month's end: 20.00 EUR at 1.5. */
  add_txn (fixture, fixture->eur, "2026-03-09", -2000, dining, NULL);

  g_assert_null (budg_budget_store_status (fixture->budgets, "2026-03", &error));
  g_assert_error (error, BUDG_ERROR, BUDG_ERROR_NOT_FOUND);
  g_clear_error (&error);
  set_rate (fixture, "EUR", "USD", "2026-03-31", "1.5");
  set_rate (fixture, "EUR", "USD", "2026-04-01", "9");

  group = status_of (fixture, "2026-03", food);
  child = status_of (fixture, "2026-03", groceries);
  g_assert_cmpint (child->spent_minor, ==, 10000 - 2500 + 3000);
  g_assert_cmpint (group->spent_minor, ==, 10000 + 4000 + 1000 - 2500 + 3000 + 3000);
  g_assert_cmpint (group->available_minor, ==, 50000 - group->spent_minor);

  /* Envelope: the month's income less what the budgets give. */
  g_assert_true (budg_budget_store_to_be_budgeted (fixture->budgets, "2026-03", "USD", &left, &error));
  g_assert_no_error (error);
  g_assert_cmpint (left, ==, 300000 - 50000 - 30000);

  /* Budgets are for spending. */
  g_assert_null (budg_budget_store_set (fixture->budgets, salary, BUDG_BUDGET_PERIOD_MONTHLY, 100,
                                        "USD", BUDG_ROLLOVER_NONE, "2026-03", &error));
  g_assert_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT);
  g_clear_error (&error);

  /* The average of March to May: (4000 + 2000 × 1.5 + 0 + 0) / 3 = 2333.33. */
  {
    g_autoptr(BudgBudget) average = budg_budget_store_set_from_average (fixture->budgets, dining, "2026-06",
                                                                         3, "USD", BUDG_ROLLOVER_NONE, &error);

    g_assert_no_error (error);
    g_assert_cmpint (average->amount_minor, ==, 2333);
    g_clear_pointer (&average, budg_budget_free);
    average = budg_budget_store_set_from_average (fixture->budgets, dining, "2026-04", 2, "USD",
                                                  BUDG_ROLLOVER_NONE, &error);
    g_assert_no_error (error);
    /* (4000 + 2000 × 1.5) / 2, and nothing spent in February. */
    g_assert_cmpint (average->amount_minor, ==, 3500);
    g_assert_cmpint (average->period, ==, BUDG_BUDGET_PERIOD_MONTHLY);
  }

  statuses = budg_budget_store_status (fixture->budgets, "2026-03", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (statuses->len, ==, 2);
  g_assert_cmpstr (((BudgBudgetStatus *) statuses->pdata[0])->category_path, ==, "Food");
  g_assert_cmpstr (((BudgBudgetStatus *) statuses->pdata[1])->category_path, ==, "Food:Groceries");
}

static void
test_budget_errors_change_nothing (Fixture       *fixture,
                                   gconstpointer  data)
{
  gint64 food = category (fixture, "Food", FALSE);
  gint64 salary = category (fixture, "Salary", TRUE);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  set_budget (fixture, food, BUDG_BUDGET_PERIOD_MONTHLY, 100, BUDG_ROLLOVER_NONE, "2026-01");
  add_txn (fixture, fixture->usd, "2026-01-01", -100, food, NULL);
  before = dump (fixture);

#define REFUSE(call, code)                          \
  G_STMT_START {                                    \
    g_assert_false ((call) != 0);                   \
    g_assert_error (error, BUDG_ERROR, code);       \
    g_clear_error (&error);                         \
  } G_STMT_END

  REFUSE (budg_budget_store_set (fixture->budgets, food, BUDG_BUDGET_PERIOD_MONTHLY, -1, "USD",
                                 BUDG_ROLLOVER_NONE, "2026-01", &error), BUDG_ERROR_INVALID_INPUT);
  REFUSE (budg_budget_store_set (fixture->budgets, 9999, BUDG_BUDGET_PERIOD_MONTHLY, 1, "USD",
                                 BUDG_ROLLOVER_NONE, "2026-01", &error), BUDG_ERROR_NOT_FOUND);
  REFUSE (budg_budget_store_set (fixture->budgets, salary, BUDG_BUDGET_PERIOD_MONTHLY, 1, "USD",
                                 BUDG_ROLLOVER_NONE, "2026-01", &error), BUDG_ERROR_INVALID_INPUT);
  REFUSE (budg_budget_store_set (fixture->budgets, food, BUDG_BUDGET_PERIOD_MONTHLY, 1, "XYZ",
                                 BUDG_ROLLOVER_NONE, "2026-01", &error), BUDG_ERROR_INVALID_INPUT);
  REFUSE (budg_budget_store_set (fixture->budgets, food, BUDG_BUDGET_PERIOD_MONTHLY, 1, "USD",
                                 BUDG_ROLLOVER_NONE, "2026-W01", &error), BUDG_ERROR_INVALID_INPUT);
  REFUSE (budg_budget_store_set (fixture->budgets, food, BUDG_BUDGET_PERIOD_MONTHLY, 1, "USD",
                                 BUDG_ROLLOVER_NONE, "next month", &error), BUDG_ERROR_INVALID_INPUT);
  REFUSE (budg_budget_store_status (fixture->budgets, "2026-1", &error), BUDG_ERROR_INVALID_INPUT);
  REFUSE (budg_budget_store_status_range (fixture->budgets, "2026-05", "2026-01", &error), BUDG_ERROR_INVALID_INPUT);
  REFUSE (budg_goal_store_add (fixture->goals, "", 100, "USD", NULL, 0, 0, 0, NULL, &error), BUDG_ERROR_INVALID_INPUT);
  REFUSE (budg_goal_store_add (fixture->goals, "Car", 0, "USD", NULL, 0, 0, 0, NULL, &error), BUDG_ERROR_INVALID_INPUT);
  REFUSE (budg_goal_store_add (fixture->goals, "Car", 100, "USD", NULL, 0, 500, 100, NULL, &error), BUDG_ERROR_INVALID_INPUT);
  REFUSE (budg_goal_store_add (fixture->goals, "Car", 100, "USD", NULL, 0, 10001, 0, NULL, &error), BUDG_ERROR_INVALID_INPUT);
  REFUSE (budg_goal_store_add (fixture->goals, "Car", 100, "USD", NULL, 4242, 0, 0, NULL, &error), BUDG_ERROR_NOT_FOUND);
  REFUSE (budg_goal_store_add (fixture->goals, "Car", 100, "USD", "2020-01-01", 0, 0, 0, "2026-01-01", &error), BUDG_ERROR_INVALID_INPUT);
  REFUSE (budg_goal_store_contribute (fixture->goals, 4242, NULL, 100, NULL, &error), BUDG_ERROR_NOT_FOUND);
  REFUSE (budg_exchange_rates_set (fixture->database, "EUR", "EUR", "2026-01-01", 1, &error), BUDG_ERROR_INVALID_INPUT);
  REFUSE (budg_exchange_rates_set (fixture->database, "EUR", "ABC", "2026-01-01", 1, &error), BUDG_ERROR_INVALID_INPUT);
  REFUSE (budg_exchange_rates_set (fixture->database, "EUR", "USD", "2026-02-30", 1, &error), BUDG_ERROR_INVALID_INPUT);

  after = dump (fixture);
  g_assert_cmpstr (before, ==, after);

  /* A failure half way through an allocation keeps none of it: the euro
   * goal has no rate to convert the income with. */
  {
    g_autoptr(BudgGoal) first = budg_goal_store_add (fixture->goals, "A", 100000, "USD", NULL, 0, 1000, 0,
                                                     NULL, &error);
    g_autoptr(BudgGoal) second = budg_goal_store_add (fixture->goals, "B", 100000, "EUR", NULL, 0, 1000, 0,
                                                      NULL, &error);
    gint64 income = add_txn (fixture, fixture->usd, "2026-01-20", 50000, salary, NULL);

    g_assert_no_error (error);
    g_free (before);
    before = dump (fixture);
    REFUSE (budg_goal_store_allocate_income (fixture->goals, income, NULL, &error), BUDG_ERROR_NOT_FOUND);
    g_free (after);
    after = dump (fixture);
    g_assert_cmpstr (before, ==, after);
  }
#undef REFUSE
}

static BudgGoalStatus *
goal_status (Fixture    *fixture,
             const char *name,
             const char *today)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) statuses = budg_goal_store_status (fixture->goals, today, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < statuses->len; i++)
    {
      BudgGoalStatus *status = g_ptr_array_index (statuses, i);

      if (g_str_equal (status->goal->name, name))
        return g_ptr_array_steal_index (statuses, i);
    }

  g_assert_not_reached ();
}

static void
test_goal_arithmetic (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BudgGoal) holiday = NULL;
  g_autoptr(BudgGoal) rainy = NULL;
  g_autoptr(BudgGoal) found = NULL;
  g_autoptr(BudgGoalContribution) contribution = NULL;
  g_autoptr(BudgGoalStatus) status = NULL;

  /* 1200.00 from 2026-01-01 to 2026-12-31 (364 days). */
  holiday = budg_goal_store_add (fixture->goals, "Holiday", 120000, "USD", "2026-12-31", fixture->usd,
                                 0, 0, "2026-01-01", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (holiday->account_name, ==, "Checking");
  g_assert_cmpstr (holiday->created_on, ==, "2026-01-01");

  contribution = budg_goal_store_contribute (fixture->goals, holiday->id, "2026-02-01", 30001, "first", &error);
  g_assert_no_error (error);
  g_assert_cmpint (contribution->amount_minor, ==, 30001);
  g_assert_cmpstr (contribution->note, ==, "first");

  /* On 2026-04-15: 89 999 missing over 8 calendar months → 11 250 (rounded up). */
  status = goal_status (fixture, "Holiday", "2026-04-15");
  g_assert_cmpint (status->saved_minor, ==, 30001);
  g_assert_true (status->has_needed);
  g_assert_cmpuint (status->months_left, ==, 8);
  g_assert_cmpint (status->needed_per_month_minor, ==, 11250);
  /* Expected by then: 120 000 × 104 / 364 = 34 285.7…: not on track. */
  g_assert_cmpint (status->expected_minor, ==, 34285);
  g_assert_false (status->on_track);

  /* On 2026-03-31 (89 days): 29 340.6… expected, on track. */
  g_clear_pointer (&status, budg_goal_status_free);
  status = goal_status (fixture, "Holiday", "2026-03-31");
  g_assert_true (status->on_track);
  g_assert_cmpuint (status->months_left, ==, 9);
  g_assert_cmpint (status->needed_per_month_minor, ==, 10000);

  /* In the last month, and after the date: everything missing at once. */
  g_clear_pointer (&status, budg_goal_status_free);
  status = goal_status (fixture, "Holiday", "2027-03-01");
  g_assert_cmpuint (status->months_left, ==, 1);
  g_assert_cmpint (status->needed_per_month_minor, ==, 89999);
  g_assert_false (status->on_track);

  /* Taking money out counts too; a reached goal needs nothing. */
  g_clear_pointer (&contribution, budg_goal_contribution_free);
  contribution = budg_goal_store_contribute (fixture->goals, holiday->id, NULL, -1, NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&contribution, budg_goal_contribution_free);
  contribution = budg_goal_store_contribute (fixture->goals, holiday->id, NULL, 90000, NULL, &error);
  g_clear_pointer (&status, budg_goal_status_free);
  status = goal_status (fixture, "Holiday", "2026-06-01");
  g_assert_cmpint (status->saved_minor, ==, 120000);
  g_assert_cmpint (status->needed_per_month_minor, ==, 0);
  g_assert_true (status->on_track);

  /* Without a date: nothing per month, always on track. */
  rainy = budg_goal_store_add (fixture->goals, "Rainy day", 500000, "USD", NULL, 0, 0, 0, NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&status, budg_goal_status_free);
  status = goal_status (fixture, "Rainy day", NULL);
  g_assert_false (status->has_needed);
  g_assert_true (status->on_track);
  g_assert_cmpint (status->saved_minor, ==, 0);

  /* Names are unique without regard to case, and found the same way. */
  g_assert_null (budg_goal_store_add (fixture->goals, "HOLIDAY", 1, "USD", NULL, 0, 0, 0, NULL, &error));
  g_assert_error (error, BUDG_ERROR, BUDG_ERROR_DUPLICATE);
  g_clear_error (&error);
  found = budg_goal_store_find (fixture->goals, "rainy DAY", &error);
  g_assert_no_error (error);
  g_assert_cmpint (found->id, ==, rainy->id);
  g_assert_null (budg_goal_store_find (fixture->goals, "Boat", &error));
  g_assert_error (error, BUDG_ERROR, BUDG_ERROR_NOT_FOUND);
}

static gint64
saved_of (Fixture *fixture,
          gint64   goal_id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT ifnull(sum(amount_minor), 0) FROM goal_contributions"
                                          " WHERE goal_id = %" G_GINT64_FORMAT, goal_id);

  return query_int (fixture, sql);
}

static void
test_goal_allocation (Fixture       *fixture,
                      gconstpointer  data)
{
  gint64 salary = category (fixture, "Income:Salary", TRUE);
  gint64 food = category (fixture, "Food", FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(BudgGoal) percent = NULL;
  g_autoptr(BudgGoal) fixed = NULL;
  g_autoptr(BudgGoal) euro = NULL;
  g_autoptr(BudgGoal) manual = NULL;
  gint64 pay;
  gint64 split_pay;
  gint64 groceries;
  gint64 from_id;
  gint64 to_id;
  guint count = 0;

  /* 12.5 % of each income; 100.00 of each income up to 250.00; 1 % in euros. */
  percent = budg_goal_store_add (fixture->goals, "Percent", 10000000, "USD", NULL, fixture->card, 1250, 0,
                                 NULL, &error);
  fixed = budg_goal_store_add (fixture->goals, "Fixed", 25000, "USD", NULL, 0, 0, 10000, NULL, &error);
  euro = budg_goal_store_add (fixture->goals, "Euro", 10000000, "EUR", NULL, 0, 100, 0, NULL, &error);
  manual = budg_goal_store_add (fixture->goals, "Manual", 10000, "USD", NULL, 0, 0, 0, NULL, &error);
  g_assert_no_error (error);
  set_rate (fixture, "USD", "EUR", "2026-01-01", "0.9");

  /* 12.5 % of 2 345.67 is 293.20875 → 293.21; 1 % is 23.4567 → 23.46 USD → 21.11 EUR. */
  pay = add_txn (fixture, fixture->usd, "2026-01-30", 234567, salary, "Employer");
  g_assert_true (budg_goal_store_allocate_income (fixture->goals, pay, &count, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, 3);
  g_assert_cmpint (saved_of (fixture, percent->id), ==, 29321);
  g_assert_cmpint (saved_of (fixture, fixed->id), ==, 10000);
  g_assert_cmpint (saved_of (fixture, euro->id), ==, 2111);
  g_assert_cmpint (saved_of (fixture, manual->id), ==, 0);

  /* The percentage goal has its own account in the same currency: the
   * money moved there as a transfer from the account the pay came into. */
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM transactions WHERE transfer_id IS NOT NULL"
                                       " AND memo = 'Saving for “Percent”'"), ==, 2);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT amount_minor FROM transactions WHERE transfer_id IS NOT NULL"
                                            " AND account_id = %" G_GINT64_FORMAT, fixture->card);

    g_assert_cmpint (query_int (fixture, sql), ==, 29321);
  }

  /* The linked account is named in the note. */
  {
    g_autoptr(GPtrArray) list = budg_goal_store_list_contributions (fixture->goals, percent->id, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (list->len, ==, 1);
    g_assert_nonnull (strstr (((BudgGoalContribution *) list->pdata[0])->note, "Card"));
    g_assert_cmpint (((BudgGoalContribution *) list->pdata[0])->transaction_id, ==, pay);
    g_assert_cmpstr (((BudgGoalContribution *) list->pdata[0])->date, ==, "2026-01-30");
  }

  /* Once per income. */
  g_assert_true (budg_goal_store_allocate_income (fixture->goals, pay, &count, &error));
  g_assert_cmpuint (count, ==, 0);
  g_assert_cmpint (saved_of (fixture, percent->id), ==, 29321);

  /* Spending, transfers and a split's non-income part are not income. */
  groceries = add_txn (fixture, fixture->usd, "2026-02-01", -5000, food, NULL);
  g_assert_false (budg_goal_store_allocate_income (fixture->goals, groceries, &count, &error));
  g_assert_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_true (budg_transaction_store_add_transfer (fixture->transactions, fixture->usd, fixture->card,
                                                      "2026-02-02", 5000, 0, NULL, &from_id, &to_id, &error));
  g_assert_false (budg_goal_store_allocate_income (fixture->goals, to_id, &count, &error));
  g_assert_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_false (budg_goal_store_allocate_income (fixture->goals, 999999, &count, &error));
  g_assert_error (error, BUDG_ERROR, BUDG_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A deposit split 800.00 salary and 200.00 refund: 12.5 % of 800.00. */
  split_pay = add_txn (fixture, fixture->usd, "2026-02-15", 100000, 0, NULL);
  split_txn (fixture, split_pay, 2, salary, (gint64) 80000, food, (gint64) 20000);

  /* The range: the split income and a later one; the first is done. The
   * fixed goal fills up at 250.00: 100.00, then 100.00, then 50.00. */
  add_txn (fixture, fixture->usd, "2026-02-27", 200000, salary, NULL);
  g_assert_true (budg_goal_store_allocate_range (fixture->goals, "2026-01-01", "2026-02-28", &count, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, 6);
  g_assert_cmpint (saved_of (fixture, percent->id), ==, 29321 + 10000 + 25000);
  g_assert_cmpint (saved_of (fixture, fixed->id), ==, 25000);

  /* Again: nothing new. */
  g_assert_true (budg_goal_store_allocate_range (fixture->goals, "2026-01-01", "2026-02-28", &count, &error));
  g_assert_cmpuint (count, ==, 0);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM goal_contributions"), ==, 9);
}

static void
test_rate_parse_format (Fixture       *fixture,
                        gconstpointer  data)
{
  static const struct { const char *text; gint64 value; const char *formatted; } good[] = {
    { "1.0823", G_GINT64_CONSTANT (10823000000), "1.0823" },
    { "0.0000000001", 1, "0.0000000001" },
    { "  150 ", G_GINT64_CONSTANT (1500000000000), "150" },
    { ".5", G_GINT64_CONSTANT (5000000000), "0.5" },
    { "922337203.6854775807", G_MAXINT64, "922337203.6854775807" },
  };
  static const char * const bad[] = {
    "", "0", "0.0", "-1", "+1", "1e3", "1,5", "1.", "1.12345678901", "abc", "1.2.3",
    "922337203.6854775808", "1000000000",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *formatted = NULL;
      gint64 value = 0;

      g_assert_true (budg_exchange_rate_parse (good[i].text, &value, &error));
      g_assert_no_error (error);
      g_assert_cmpint (value, ==, good[i].value);
      formatted = budg_exchange_rate_format (value);
      g_assert_cmpstr (formatted, ==, good[i].formatted);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 value = 42;

      g_assert_false (budg_exchange_rate_parse (bad[i], &value, &error));
      g_assert_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT);
      g_assert_cmpint (value, ==, 42);
    }
}

static gint64
convert (Fixture    *fixture,
         gint64      amount,
         const char *from,
         const char *to,
         const char *date)
{
  g_autoptr(GError) error = NULL;
  gint64 result = 0;

  g_assert_true (budg_exchange_rates_convert (fixture->database, amount, from, to, date, &result, &error));
  g_assert_no_error (error);

  return result;
}

static void
test_rate_convert (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  BudgExchangeRate rate;
  gint64 result;

  set_rate (fixture, "EUR", "USD", "2026-01-01", "1.1");
  set_rate (fixture, "EUR", "USD", "2026-03-01", "1.2345");
  /* Entered twice on one day: the second replaces the first. */
  set_rate (fixture, "EUR", "USD", "2026-05-01", "9.99");
  set_rate (fixture, "EUR", "USD", "2026-05-01", "1.25");
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM exchange_rates"), ==, 3);

  /* Before the first rate there is none. */
  g_assert_false (budg_exchange_rates_convert (fixture->database, 100, "EUR", "USD", "2025-12-31", &result, &error));
  g_assert_error (error, BUDG_ERROR, BUDG_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* The latest rate on or before the date. */
  g_assert_cmpint (convert (fixture, 10000, "EUR", "USD", "2026-01-01"), ==, 11000);
  g_assert_cmpint (convert (fixture, 10000, "EUR", "USD", "2026-02-28"), ==, 11000);
  g_assert_cmpint (convert (fixture, 10000, "EUR", "USD", "2026-03-01"), ==, 12345);
  g_assert_cmpint (convert (fixture, 10000, "EUR", "USD", "2030-01-01"), ==, 12500);

  /* Half a cent away from zero: 0.02 × 1.25 = 0.025 → 0.03; 0.01 × 1.2345 = 0.012345 → 0.01. */
  g_assert_cmpint (convert (fixture, 2, "EUR", "USD", "2026-06-01"), ==, 3);
  g_assert_cmpint (convert (fixture, -2, "EUR", "USD", "2026-06-01"), ==, -3);
  g_assert_cmpint (convert (fixture, 1, "EUR", "USD", "2026-03-15"), ==, 1);
  g_assert_cmpint (convert (fixture, 0, "EUR", "USD", "2026-03-15"), ==, 0);

  /* Inverse: 1 USD = 1 / 1.25 EUR = 0.8. 0.01 / 1.1 = 0.00909… → 0.01. */
  g_assert_cmpint (convert (fixture, 10000, "USD", "EUR", "2026-06-01"), ==, 8000);
  g_assert_cmpint (convert (fixture, 1, "USD", "EUR", "2026-01-15"), ==, 1);
  g_assert_cmpint (convert (fixture, 11000, "USD", "EUR", "2026-01-15"), ==, 10000);
  g_assert_true (budg_exchange_rates_lookup (fixture->database, "USD", "EUR", "2026-06-01", &rate, &error));
  g_assert_true (rate.inverse);
  g_assert_cmpstr (rate.date, ==, "2026-05-01");

  /* A direct rate later than the inverse one wins. */
  set_rate (fixture, "USD", "EUR", "2026-06-01", "0.5");
  g_assert_cmpint (convert (fixture, 10000, "USD", "EUR", "2026-06-01"), ==, 5000);
  g_assert_cmpint (convert (fixture, 10000, "EUR", "USD", "2026-06-01"), ==, 20000);
  g_assert_cmpint (convert (fixture, 10000, "EUR", "USD", "2026-05-31"), ==, 12500);

  /* Minor units: yen have none, dinars three. 123.45 USD × 150.5 = 18 579.225 → 18 579 JPY. */
  set_rate (fixture, "USD", "JPY", "2026-01-01", "150.5");
  g_assert_cmpint (convert (fixture, 12345, "USD", "JPY", "2026-01-01"), ==, 18579);
  /* 1 JPY / 150.5 = 0.00664… USD → 0.01 USD; 100 JPY → 0.66445… → 0.66. */
  g_assert_cmpint (convert (fixture, 1, "JPY", "USD", "2026-01-01"), ==, 1);
  g_assert_cmpint (convert (fixture, 100, "JPY", "USD", "2026-01-01"), ==, 66);
  set_rate (fixture, "USD", "BHD", "2026-01-01", "0.376");
  g_assert_cmpint (convert (fixture, 100, "USD", "BHD", "2026-01-01"), ==, 376);
  g_assert_cmpint (convert (fixture, 1, "BHD", "USD", "2026-01-01"), ==, 0);

  /* The same currency is exact; no chaining through a third one. */
  g_assert_cmpint (convert (fixture, 123, "USD", "USD", "1999-01-01"), ==, 123);
  g_assert_false (budg_exchange_rates_convert (fixture->database, 100, "EUR", "JPY", "2026-06-01", &result, &error));
  g_assert_error (error, BUDG_ERROR, BUDG_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Too large for 64 bits. */
  g_assert_false (budg_exchange_rates_convert (fixture->database, G_MAXINT64 / 2, "USD", "BHD", "2026-01-01",
                                               &result, &error));
  g_assert_error (error, BUDG_ERROR, BUDG_ERROR_OVERFLOW);
}

static void
test_insights (Fixture       *fixture,
               gconstpointer  data)
{
  gint64 dining = category (fixture, "Food:Dining", FALSE);
  gint64 groceries = category (fixture, "Food:Groceries", FALSE);
  gint64 rent = category (fixture, "Rent", FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) insights = NULL;
  BudgInsight *rise = NULL;
  BudgInsight *pace = NULL;
  BudgInsight *large = NULL;
  BudgInsight *bill = NULL;
  BudgInsight *landlord = NULL;

  /* Dining: 100.00 a month June to August, 250.00 in September. */
  add_txn (fixture, fixture->usd, "2026-06-10", -10000, dining, "Bistro");
  add_txn (fixture, fixture->usd, "2026-07-10", -10000, dining, "Bistro");
  add_txn (fixture, fixture->usd, "2026-08-10", -10000, dining, "Bistro");
  add_txn (fixture, fixture->usd, "2026-09-10", -25000, dining, "Bistro");
  /* Rent the same every month: no rise. */
  for (guint m = 6; m <= 9; m++)
    {
      g_autofree char *date = g_strdup_printf ("2026-%02u-01", m);

      add_txn (fixture, fixture->usd, date, -90000, rent, "Landlord");
    }

  /* Groceries: 300.00 budgeted; 200.00 by 10 October is 620.00 at that pace. */
  set_budget (fixture, groceries, BUDG_BUDGET_PERIOD_MONTHLY, 30000, BUDG_ROLLOVER_NONE, "2026-10");
  add_txn (fixture, fixture->usd, "2026-10-02", -20000, groceries, "Market");

  /* A streaming service every month for five months, no bill for it. */
  add_txn (fixture, fixture->card, "2026-05-20", -1599, 0, "StreamCo");
  add_txn (fixture, fixture->card, "2026-06-19", -1599, 0, "StreamCo");
  add_txn (fixture, fixture->card, "2026-07-20", -1599, 0, "StreamCo");
  add_txn (fixture, fixture->card, "2026-08-20", -1699, 0, "StreamCo");
  add_txn (fixture, fixture->card, "2026-09-21", -1699, 0, "StreamCo");

  /* The garage takes 60.00 or so, then 310.00. */
  add_txn (fixture, fixture->usd, "2026-03-01", -6000, 0, "Garage");
  add_txn (fixture, fixture->usd, "2026-04-11", -5000, 0, "Garage");
  add_txn (fixture, fixture->usd, "2026-05-12", -7000, 0, "Garage");
  add_txn (fixture, fixture->usd, "2026-08-01", -6000, 0, "Garage");
  add_txn (fixture, fixture->usd, "2026-10-05", -31000, 0, "Garage");

  insights = budg_insights_compute (fixture->database, "2026-10-10", &error);
  g_assert_no_error (error);

  for (guint i = 0; i < insights->len; i++)
    {
      BudgInsight *insight = g_ptr_array_index (insights, i);

      g_assert_nonnull (insight->text);
      g_assert_cmpstr (insight->currency, ==, "USD");
      switch (insight->kind)
        {
        case BUDG_INSIGHT_CATEGORY_RISE:
          g_assert_null (rise);
          rise = insight;
          break;
        case BUDG_INSIGHT_BUDGET_PACE:
          g_assert_null (pace);
          pace = insight;
          break;
        case BUDG_INSIGHT_LARGE_TRANSACTION:
          g_assert_null (large);
          large = insight;
          break;
        case BUDG_INSIGHT_UNRECORDED_BILL:
        default:
          if (g_str_equal (insight->subject, "StreamCo"))
            bill = insight;
          else if (g_str_equal (insight->subject, "Landlord"))
            landlord = insight;
          else
            g_assert_not_reached ();
          break;
        }
    }

  g_assert_nonnull (rise);
  g_assert_cmpstr (rise->subject, ==, "Food:Dining");
  g_assert_cmpstr (rise->period, ==, "2026-09");
  g_assert_cmpint (rise->amount_minor, ==, 25000);
  g_assert_cmpint (rise->reference_minor, ==, 10000);
  g_assert_cmpint (rise->percent, ==, 150);
  g_assert_nonnull (strstr (rise->text, "September 2026"));
  g_assert_nonnull (strstr (rise->text, "150%"));

  g_assert_nonnull (pace);
  g_assert_cmpstr (pace->subject, ==, "Food:Groceries");
  g_assert_cmpint (pace->amount_minor, ==, 62000);
  g_assert_cmpint (pace->reference_minor, ==, 30000);

  g_assert_nonnull (large);
  g_assert_cmpstr (large->subject, ==, "Garage");
  g_assert_cmpint (large->amount_minor, ==, 31000);
  g_assert_cmpint (large->reference_minor, ==, 6000);
  g_assert_cmpint (large->percent, ==, 417);

  g_assert_nonnull (bill);
  g_assert_cmpstr (bill->subject, ==, "StreamCo");
  g_assert_cmpuint (bill->count, ==, 5);
  g_assert_cmpint (bill->amount_minor, ==, 1599);
  g_assert_cmpstr (bill->period, ==, "2026-05-20");
  /* The rent, paid four times a month apart, looks like a bill too; the
   * more regular one comes first. */
  g_assert_nonnull (landlord);
  g_assert_cmpuint (landlord->count, ==, 4);
  g_assert_true (g_ptr_array_find (insights, bill, NULL));
  {
    guint bill_index = 0;
    guint landlord_index = 0;

    g_ptr_array_find (insights, bill, &bill_index);
    g_ptr_array_find (insights, landlord, &landlord_index);
    g_assert_cmpuint (bill_index, <, landlord_index);
  }

  /* Once a bill names the payee, it is no longer unrecorded. */
  {
    g_autofree char *sql = g_strdup_printf ("INSERT INTO bills (name, payee_id, account_id, amount_minor, rrule, start_date)"
                                            " SELECT 'Streaming', id, %" G_GINT64_FORMAT ", 1599, 'FREQ=MONTHLY', '2026-05-20'"
                                            " FROM payees WHERE name = 'StreamCo'", fixture->card);

    exec_sql (fixture, sql);
  }
  g_clear_pointer (&insights, g_ptr_array_unref);
  insights = budg_insights_compute (fixture->database, "2026-10-10", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < insights->len; i++)
    {
      BudgInsight *insight = g_ptr_array_index (insights, i);

      g_assert_false (insight->kind == BUDG_INSIGHT_UNRECORDED_BILL && g_str_equal (insight->subject, "StreamCo"));
    }

  /* Spending in a currency with no exchange rate makes the budgets
   * impossible to compute; the other insights are still given. */
  {
    g_autoptr(GError) budget_error = NULL;
    g_autoptr(BudgBudgetStore) store = budg_budget_store_new (fixture->database);
    g_autoptr(GPtrArray) statuses = NULL;
    gboolean any_pace = FALSE;
    gboolean any_rise = FALSE;
    gint64 chf = 0;

    exec_sql (fixture, "INSERT INTO accounts (name, kind, currency) VALUES ('Franken', 'checking', 'CHF')");
    chf = sqlite3_last_insert_rowid (budg_database_get_handle (fixture->database));
    add_txn (fixture, chf, "2026-10-03", -5000, groceries, "Migros");

    statuses = budg_budget_store_status (store, "2026-10", &budget_error);
    g_assert_null (statuses);
    g_assert_nonnull (budget_error);
      {
        g_clear_pointer (&insights, g_ptr_array_unref);
        insights = budg_insights_compute (fixture->database, "2026-10-10", &error);
        g_assert_no_error (error);
        for (guint i = 0; i < insights->len; i++)
          {
            BudgInsight *insight = g_ptr_array_index (insights, i);

            any_pace |= insight->kind == BUDG_INSIGHT_BUDGET_PACE;
            any_rise |= insight->kind == BUDG_INSIGHT_CATEGORY_RISE;
          }
        g_assert_false (any_pace);
        g_assert_true (any_rise);
      }
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/budgets/totals/brute-force", test_totals_brute_force);
  ADD ("/budgets/reports/brute-force", test_reports_brute_force);
  ADD ("/budgets/reports/balances-net-worth", test_balances_and_net_worth);
  ADD ("/budgets/budget/rollover-modes", test_rollover_modes);
  ADD ("/budgets/budget/supersede-copy-delete", test_supersede);
  ADD ("/budgets/budget/yearly-spread", test_yearly_spread);
  ADD ("/budgets/budget/weekly", test_weekly);
  ADD ("/budgets/budget/scope-currency-average", test_budget_scope);
  ADD ("/budgets/budget/errors-change-nothing", test_budget_errors_change_nothing);
  ADD ("/budgets/period/arithmetic", test_period_arithmetic);
  ADD ("/budgets/goal/arithmetic", test_goal_arithmetic);
  ADD ("/budgets/goal/allocation", test_goal_allocation);
  ADD ("/budgets/rate/parse-format", test_rate_parse_format);
  ADD ("/budgets/rate/convert", test_rate_convert);
  ADD ("/budgets/insights/sentences", test_insights);
#undef ADD

  return g_test_run ();
}
