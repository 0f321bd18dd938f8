/* test-register.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The register's core: queries, paging, running balances, splits,
 * transfers, reconciliation and amount arithmetic, checked against
 * brute-force reference computations on random data.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "budg-checkpoints.h"
#include "budg-context.h"
#include "budg-error.h"
#include "budg-money.h"
#include "budg-payees.h"
#include "budg-reconcile.h"
#include "budg-register-model.h"

typedef struct
{
  char        *dir;
  BudgContext *context;
  gint64       accounts[3];   /* two in EUR, one in USD */
  GArray      *categories;    /* gint64 */
} Fixture;

/* One row as the reference sees it, read with plain SQL. */
typedef struct
{
  gint64  id;
  gint64  account_id;
  char   *date;
  gint64  amount;
  gint64  payee_id;
  char   *payee;
  gint64  category_id;
  char   *category_path;
  char   *memo;
  int     status;
  gint64  transfer_id;
  GArray *split_categories;   /* gint64 */
  GPtrArray *split_texts;     /* paths and memos of the parts */
} RefRow;

static const char * const payee_names[] = {
  "Café Élysée", "Grocer", "GROCER & Sons", "Rent Co", "Power_Utility", "100% Juice",
  "Bookshop", "Bäckerei Müller", "Gas Station", "Pharmacy", "Cinema", "Bike Shop",
};
static const char * const memo_texts[] = {
  NULL, NULL, "weekly shop", "birthday", "refund", "50% off", "Weekly Shop", "ÉTÉ sale",
};
static const char * const category_paths[] = {
  "Food", "Food:Groceries", "Food:Restaurants", "Home", "Home:Rent", "Home:Power",
  "Leisure", "Leisure:Books", "Leisure:Cinema", "Transport", "Transport:Fuel", "Health",
};

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  BudgAccountStore *accounts;

  fixture->dir = g_dir_make_tmp ("budg-test-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "budg.db", NULL);
  fixture->context = budg_context_new (path, &error);
  g_assert_no_error (error);

  accounts = budg_context_get_accounts (fixture->context);
  for (guint i = 0; i < 3; i++)
    {
      static const char * const names[] = { "Checking", "Savings", "Dollars" };
      BudgAccount *account = budg_account_store_create (accounts, names[i], BUDG_ACCOUNT_KIND_CHECKING,
                                                        i == 2 ? "USD" : "EUR", NULL, NULL, 0, &error);

      g_assert_no_error (error);
      fixture->accounts[i] = budg_account_get_id (account);
    }

  fixture->categories = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < G_N_ELEMENTS (category_paths); i++)
    {
      BudgCategory *category = budg_category_store_create_path (budg_context_get_categories (fixture->context),
                                                                category_paths[i], FALSE, &error);
      gint64 id;

      g_assert_no_error (error);
      id = budg_category_get_id (category);
      g_array_append_val (fixture->categories, id);
    }
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
  g_array_unref (fixture->categories);
}

static BudgTransactionStore *
store_of (Fixture *fixture)
{
  return budg_context_get_transactions (fixture->context);
}

static sqlite3 *
handle_of (Fixture *fixture)
{
  return budg_database_get_handle (budg_context_get_database (fixture->context));
}

static char *
random_date (GRand *rand)
{
  g_autoptr(GDate) date = g_date_new_dmy (1, G_DATE_JANUARY, 2025);

  g_date_add_days (date, g_rand_int_range (rand, 0, 500));

  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

/* Fills the database with @n random rows, some split, some transfers, and
 * a few balance snapshots. */
static void
fill_random (Fixture *fixture,
             GRand   *rand,
             guint    n)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *date = random_date (rand);
      guint kind = g_rand_int_range (rand, 0, 20);

      if (kind == 0)
        {
          /* A transfer, sometimes across currencies. */
          guint from = g_rand_int_range (rand, 0, 3);
          guint to = (from + 1 + g_rand_int_range (rand, 0, 2)) % 3;
          gint64 amount = g_rand_int_range (rand, 100, 50000);
          gint64 to_amount = (from == 2) != (to == 2) ? amount * 11 / 10 : 0;

          g_assert_true (budg_transaction_store_add_transfer (store_of (fixture), fixture->accounts[from],
                                                              fixture->accounts[to], date, amount, to_amount,
                                                              NULL, NULL, NULL, &error));
          g_assert_no_error (error);
          continue;
        }

      {
        g_autoptr(BudgTransaction) transaction = NULL;
        gint64 amount = g_rand_int_range (rand, -40000, 20000);
        guint account = g_rand_int_range (rand, 0, 3);

        transaction = budg_transaction_new (fixture->accounts[account], date, amount);
        if (g_rand_int_range (rand, 0, 8) != 0)
          budg_transaction_set_payee (transaction, payee_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (payee_names))]);
        if (g_rand_int_range (rand, 0, 5) != 0)
          budg_transaction_set_category_id (transaction,
                                            g_array_index (fixture->categories, gint64,
                                                           g_rand_int_range (rand, 0, fixture->categories->len)));
        budg_transaction_set_memo (transaction, memo_texts[g_rand_int_range (rand, 0, G_N_ELEMENTS (memo_texts))]);
        budg_transaction_set_status (transaction, g_rand_int_range (rand, 0, 3));
        g_assert_true (budg_transaction_store_add (store_of (fixture), transaction, &error));
        g_assert_no_error (error);

        if (kind == 1 && amount != 0)
          {
            g_autoptr(GPtrArray) splits = g_ptr_array_new_with_free_func ((GDestroyNotify) budg_split_free);
            gint64 first = amount / 3;

            g_ptr_array_add (splits, budg_split_new (g_array_index (fixture->categories, gint64, 1), first, "part one"));
            g_ptr_array_add (splits, budg_split_new (g_array_index (fixture->categories, gint64, 7),
                                                     amount - first, NULL));
            g_assert_true (budg_transaction_store_set_splits (store_of (fixture),
                                                              budg_transaction_get_id (transaction), splits, &error));
            g_assert_no_error (error);
          }
      }
    }

  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *date = random_date (rand);
      g_autoptr(BudgBalanceSnapshot) snapshot = NULL;

      snapshot = budg_balance_store_set (budg_context_get_balances (fixture->context),
                                         fixture->accounts[i % 2], date,
                                         g_rand_int_range (rand, -100000, 100000), NULL, &error);
      g_assert_no_error (error);
    }
}

static void
ref_row_free (RefRow *row)
{
  g_free (row->date);
  g_free (row->payee);
  g_free (row->category_path);
  g_free (row->memo);
  g_array_unref (row->split_categories);
  g_ptr_array_unref (row->split_texts);
  g_free (row);
}

static char *
dup_column (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static GPtrArray *
load_reference (Fixture *fixture)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) ref_row_free);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (handle_of (fixture),
                                       "SELECT t.id, t.account_id, t.date, t.amount_minor, ifnull(t.payee_id, 0), p.name,"
                                       " ifnull(t.category_id, 0),"
                                       " CASE WHEN pc.id IS NULL THEN c.name ELSE pc.name || ':' || c.name END,"
                                       " t.memo, t.status, ifnull(t.transfer_id, 0)"
                                       " FROM transactions t LEFT JOIN payees p ON p.id = t.payee_id"
                                       " LEFT JOIN categories c ON c.id = t.category_id"
                                       " LEFT JOIN categories pc ON pc.id = c.parent_id",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      RefRow *row = g_new0 (RefRow, 1);
      BudgTransactionStatus status = 0;

      row->id = sqlite3_column_int64 (stmt, 0);
      row->account_id = sqlite3_column_int64 (stmt, 1);
      row->date = dup_column (stmt, 2);
      row->amount = sqlite3_column_int64 (stmt, 3);
      row->payee_id = sqlite3_column_int64 (stmt, 4);
      row->payee = dup_column (stmt, 5);
      row->category_id = sqlite3_column_int64 (stmt, 6);
      row->category_path = dup_column (stmt, 7);
      row->memo = dup_column (stmt, 8);
      budg_transaction_status_from_string ((const char *) sqlite3_column_text (stmt, 9), &status);
      row->status = status;
      row->transfer_id = sqlite3_column_int64 (stmt, 10);
      row->split_categories = g_array_new (FALSE, FALSE, sizeof (gint64));
      row->split_texts = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (rows, row);
      g_hash_table_insert (by_id, &row->id, row);
    }
  sqlite3_finalize (stmt);

  g_assert_cmpint (sqlite3_prepare_v2 (handle_of (fixture),
                                       "SELECT s.transaction_id, ifnull(s.category_id, 0),"
                                       " CASE WHEN pc.id IS NULL THEN c.name ELSE pc.name || ':' || c.name END, s.memo"
                                       " FROM splits s LEFT JOIN categories c ON c.id = s.category_id"
                                       " LEFT JOIN categories pc ON pc.id = c.parent_id",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gint64 category = sqlite3_column_int64 (stmt, 1);
      RefRow *row = g_hash_table_lookup (by_id, &id);

      g_assert_nonnull (row);
      g_array_append_val (row->split_categories, category);
      if (sqlite3_column_text (stmt, 2) != NULL)
        g_ptr_array_add (row->split_texts, dup_column (stmt, 2));
      if (sqlite3_column_text (stmt, 3) != NULL)
        g_ptr_array_add (row->split_texts, dup_column (stmt, 3));
    }
  sqlite3_finalize (stmt);

  return rows;
}

/* SQLite's LIKE and NOCASE fold ASCII letters only; so does the reference. */
static gboolean
contains_ascii_nocase (const char *haystack,
                       const char *needle)
{
  g_autofree char *h = NULL;
  g_autofree char *n = NULL;

  if (haystack == NULL)
    return FALSE;
  h = g_ascii_strdown (haystack, -1);
  n = g_ascii_strdown (needle, -1);

  return strstr (h, n) != NULL;
}

static gint64
parent_of (Fixture *fixture,
           gint64   category_id)
{
  BudgCategory *category = budg_category_store_lookup (budg_context_get_categories (fixture->context), category_id);

  return category != NULL ? budg_category_get_parent_id (category) : 0;
}

static gboolean
in_category (Fixture *fixture,
             gint64   candidate,
             gint64   wanted)
{
  return candidate != 0 && (candidate == wanted || parent_of (fixture, candidate) == wanted);
}

static gboolean
ref_matches (Fixture                    *fixture,
             const RefRow               *row,
             const BudgTransactionQuery *query)
{
  gint64 magnitude = row->amount < 0 ? -row->amount : row->amount;

  if (query->account_id != 0 && row->account_id != query->account_id)
    return FALSE;
  if (query->from_date != NULL && strcmp (row->date, query->from_date) < 0)
    return FALSE;
  if (query->to_date != NULL && strcmp (row->date, query->to_date) > 0)
    return FALSE;
  if (query->search != NULL)
    {
      gboolean found = contains_ascii_nocase (row->payee, query->search) ||
                       contains_ascii_nocase (row->memo, query->search) ||
                       contains_ascii_nocase (row->category_path, query->search);

      for (guint i = 0; !found && i < row->split_texts->len; i++)
        found = contains_ascii_nocase (g_ptr_array_index (row->split_texts, i), query->search);
      if (!found)
        return FALSE;
    }
  if (query->payee != NULL && !contains_ascii_nocase (row->payee, query->payee))
    return FALSE;
  if (query->category_id != 0)
    {
      gboolean found = in_category (fixture, row->category_id, query->category_id);

      for (guint i = 0; !found && i < row->split_categories->len; i++)
        found = in_category (fixture, g_array_index (row->split_categories, gint64, i), query->category_id);
      if (!found)
        return FALSE;
    }
  if (query->uncategorized &&
      (row->category_id != 0 || row->transfer_id != 0 || row->split_categories->len > 0))
    return FALSE;
  if (query->status_mask != 0 && (query->status_mask & (1u << row->status)) == 0)
    return FALSE;
  if (query->has_min_amount && magnitude < query->min_amount_minor)
    return FALSE;
  if (query->has_max_amount && magnitude > query->max_amount_minor)
    return FALSE;

  return TRUE;
}

typedef struct
{
  Fixture                    *fixture;
  const BudgTransactionQuery *query;
} SortContext;

static char *
category_sort_key (Fixture *fixture,
                   gint64   category_id)
{
  BudgCategoryStore *store = budg_context_get_categories (fixture->context);
  BudgCategory *category = budg_category_store_lookup (store, category_id);
  BudgCategory *parent = budg_category_get_parent_id (category) != 0
                         ? budg_category_store_lookup (store, budg_category_get_parent_id (category)) : NULL;
  g_autofree char *top = g_ascii_strdown (budg_category_get_name (parent != NULL ? parent : category), -1);
  g_autofree char *child = g_ascii_strdown (parent != NULL ? budg_category_get_name (category) : "", -1);

  return g_strdup_printf ("%s\x01%d%s\x01%010" G_GINT64_FORMAT, top, parent != NULL, child, category_id);
}

static int
compare_ref (gconstpointer a_ptr,
             gconstpointer b_ptr,
             gpointer      data)
{
  const RefRow *a = *(const RefRow **) a_ptr;
  const RefRow *b = *(const RefRow **) b_ptr;
  SortContext *context = data;
  int result = 0;

  switch (context->query->sort)
    {
    case BUDG_TRANSACTION_SORT_DATE:
      result = strcmp (a->date, b->date);
      break;

    case BUDG_TRANSACTION_SORT_AMOUNT:
      result = (a->amount > b->amount) - (a->amount < b->amount);
      break;

    case BUDG_TRANSACTION_SORT_PAYEE:
      if ((a->payee == NULL) != (b->payee == NULL))
        result = a->payee == NULL ? -1 : 1;
      else if (a->payee != NULL)
        {
          g_autofree char *x = g_ascii_strdown (a->payee, -1);
          g_autofree char *y = g_ascii_strdown (b->payee, -1);

          result = strcmp (x, y);
          if (result == 0)
            result = (a->payee_id > b->payee_id) - (a->payee_id < b->payee_id);
        }
      break;

    case BUDG_TRANSACTION_SORT_CATEGORY:
      if ((a->category_id == 0) != (b->category_id == 0))
        result = a->category_id == 0 ? -1 : 1;
      else if (a->category_id != 0)
        {
          g_autofree char *x = category_sort_key (context->fixture, a->category_id);
          g_autofree char *y = category_sort_key (context->fixture, b->category_id);

          result = strcmp (x, y);
        }
      break;

    default:
      g_assert_not_reached ();
    }

  if (result == 0)
    result = (a->id > b->id) - (a->id < b->id);

  return context->query->descending ? -result : result;
}

static GArray *
reference_ids (Fixture                    *fixture,
               GPtrArray                  *rows,
               const BudgTransactionQuery *query)
{
  g_autoptr(GPtrArray) matches = g_ptr_array_new ();
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  SortContext context = { fixture, query };

  for (guint i = 0; i < rows->len; i++)
    if (ref_matches (fixture, g_ptr_array_index (rows, i), query))
      g_ptr_array_add (matches, g_ptr_array_index (rows, i));

  g_ptr_array_sort_with_data (matches, compare_ref, &context);
  for (guint i = 0; i < matches->len; i++)
    g_array_append_val (ids, ((RefRow *) g_ptr_array_index (matches, i))->id);

  return ids;
}

static void
random_query (Fixture              *fixture,
              GRand                *rand,
              BudgTransactionQuery *query,
              char                **dates)
{
  static const char * const searches[] = { "groc", "WEEKLY", "100%", "food:g", "_", "café", "books", "zzz" };

  memset (query, 0, sizeof *query);
  if (g_rand_boolean (rand))
    query->account_id = fixture->accounts[g_rand_int_range (rand, 0, 3)];
  if (g_rand_int_range (rand, 0, 3) == 0)
    query->from_date = dates[0] = random_date (rand);
  if (g_rand_int_range (rand, 0, 3) == 0)
    query->to_date = dates[1] = random_date (rand);
  if (g_rand_int_range (rand, 0, 4) == 0)
    query->search = searches[g_rand_int_range (rand, 0, G_N_ELEMENTS (searches))];
  if (g_rand_int_range (rand, 0, 6) == 0)
    query->payee = g_rand_boolean (rand) ? "grocer" : "Müller";
  if (g_rand_int_range (rand, 0, 5) == 0)
    query->category_id = g_array_index (fixture->categories, gint64, g_rand_int_range (rand, 0, fixture->categories->len));
  else if (g_rand_int_range (rand, 0, 8) == 0)
    query->uncategorized = TRUE;
  if (g_rand_int_range (rand, 0, 4) == 0)
    query->status_mask = g_rand_int_range (rand, 1, 8);
  if (g_rand_int_range (rand, 0, 5) == 0)
    {
      query->has_min_amount = TRUE;
      query->min_amount_minor = g_rand_int_range (rand, 0, 20000);
    }
  if (g_rand_int_range (rand, 0, 5) == 0)
    {
      query->has_max_amount = TRUE;
      query->max_amount_minor = g_rand_int_range (rand, 0, 30000);
    }
  query->sort = g_rand_int_range (rand, 0, 4);
  query->descending = g_rand_boolean (rand);
}

static void
assert_ids_equal (GArray *got,
                  GArray *expected)
{
  g_assert_cmpuint (got->len, ==, expected->len);
  for (guint i = 0; i < got->len; i++)
    g_assert_cmpint (g_array_index (got, gint64, i), ==, g_array_index (expected, gint64, i));
}

static void
test_query_matches_reference (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261122);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  guint nonempty = 0;

  fill_random (fixture, rand, 1500);
  rows = load_reference (fixture);

  for (guint round = 0; round < 300; round++)
    {
      BudgTransactionQuery query;
      char *dates[2] = { NULL, NULL };
      g_autoptr(GArray) expected = NULL;
      g_autoptr(GArray) got = NULL;
      g_autoptr(GPtrArray) page = NULL;
      gint64 count;

      random_query (fixture, rand, &query, dates);
      expected = reference_ids (fixture, rows, &query);
      got = budg_transaction_store_query_ids (store_of (fixture), &query, &error);
      g_assert_no_error (error);
      assert_ids_equal (got, expected);
      nonempty += expected->len > 0;

      count = budg_transaction_store_count (store_of (fixture), &query, &error);
      g_assert_no_error (error);
      g_assert_cmpint (count, ==, expected->len);

      /* Limit and offset slice the same order. */
      query.offset = expected->len / 3;
      query.limit = 7;
      page = budg_transaction_store_query (store_of (fixture), &query, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (page->len, ==, MIN (7, expected->len - query.offset));
      for (guint i = 0; i < page->len; i++)
        g_assert_cmpint (budg_transaction_get_id (g_ptr_array_index (page, i)), ==,
                         g_array_index (expected, gint64, query.offset + i));

      g_free (dates[0]);
      g_free (dates[1]);
    }

  /* The random queries must actually select something most of the time. */
  g_assert_cmpuint (nonempty, >, 150);
}

static gint64
reference_balance_after (GPtrArray    *rows,
                         GPtrArray    *snapshots_dates,
                         GArray       *snapshots_amounts,
                         gint64        account_id,
                         const RefRow *target)
{
  const char *since = "";
  gint64 balance = 0;

  for (guint i = 0; i < snapshots_dates->len; i++)
    {
      const char *date = g_ptr_array_index (snapshots_dates, i);

      if (strcmp (date, target->date) < 0 && strcmp (date, since) > 0)
        {
          since = date;
          balance = g_array_index (snapshots_amounts, gint64, i);
        }
    }

  for (guint i = 0; i < rows->len; i++)
    {
      const RefRow *row = g_ptr_array_index (rows, i);
      int order = strcmp (row->date, target->date);

      if (row->account_id == account_id && strcmp (row->date, since) > 0 &&
          (order < 0 || (order == 0 && row->id <= target->id)))
        balance += row->amount;
    }

  return balance;
}

static void
test_model_paging_and_running_balance (Fixture       *fixture,
                                       gconstpointer  data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) snapshot_dates = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) snapshot_amounts = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(BudgRegisterModel) model = NULL;
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GError) error = NULL;
  BudgTransactionQuery query = { 0 };
  sqlite3_stmt *stmt = NULL;

  fill_random (fixture, rand, 1200);
  rows = load_reference (fixture);
  for (guint i = 0; i < rows->len; i++)
    g_hash_table_insert (by_id, &((RefRow *) g_ptr_array_index (rows, i))->id, g_ptr_array_index (rows, i));

  g_assert_cmpint (sqlite3_prepare_v2 (handle_of (fixture),
                                       "SELECT date, amount_minor FROM balance_snapshots WHERE account_id = ?1",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, fixture->accounts[0]);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 amount = sqlite3_column_int64 (stmt, 1);

      g_ptr_array_add (snapshot_dates, dup_column (stmt, 0));
      g_array_append_val (snapshot_amounts, amount);
    }
  sqlite3_finalize (stmt);
  g_assert_cmpuint (snapshot_dates->len, >, 0);

  model = budg_register_model_new (store_of (fixture));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);

  for (guint sort = 0; sort < 4; sort++)
    {
      g_autoptr(GArray) expected = NULL;

      query.account_id = fixture->accounts[0];
      query.sort = sort;
      query.descending = sort == BUDG_TRANSACTION_SORT_AMOUNT;
      g_assert_true (budg_register_model_set_query (model, &query, &error));
      g_assert_no_error (error);

      expected = reference_ids (fixture, rows, &query);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, expected->len);
      g_assert_cmpuint (expected->len, >, 300);

      /* Every row, read out of order (pages load and get evicted), has the
       * right id and a running balance equal to the straight sum. */
      for (guint k = 0; k < expected->len; k++)
        {
          guint position = (k * 7919) % expected->len;
          g_autoptr(BudgTransaction) item = g_list_model_get_item (G_LIST_MODEL (model), position);
          RefRow *row = g_hash_table_lookup (by_id, &g_array_index (expected, gint64, position));

          g_assert_cmpint (budg_transaction_get_id (item), ==, row->id);
          g_assert_cmpint (budg_register_model_get_id (model, position), ==, row->id);
          g_assert_cmpint (budg_transaction_get_amount_minor (item), ==, row->amount);
          g_assert_true (budg_transaction_get_has_running_balance (item));
          g_assert_cmpint (budg_transaction_get_running_balance_minor (item), ==,
                           reference_balance_after (rows, snapshot_dates, snapshot_amounts,
                                                    fixture->accounts[0], row));
        }
      g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), expected->len));
    }

  /* All accounts: no running balance. */
  query.account_id = 0;
  query.sort = BUDG_TRANSACTION_SORT_DATE;
  g_assert_true (budg_register_model_set_query (model, &query, &error));
  {
    g_autoptr(BudgTransaction) item = g_list_model_get_item (G_LIST_MODEL (model), 0);

    g_assert_false (budg_transaction_get_has_running_balance (item));
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, rows->len);
  }
}

typedef struct
{
  guint position, removed, added, calls;
} ItemsChanged;

static void
items_changed_cb (GListModel   *model,
                  guint         position,
                  guint         removed,
                  guint         added,
                  ItemsChanged *record)
{
  record->position = position;
  record->removed = removed;
  record->added = added;
  record->calls++;
}

static void
wait_for_reload (BudgRegisterModel *model)
{
  /* The model reloads from an idle after the database's change signal. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
test_model_follows_changes (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (99);
  g_autoptr(BudgRegisterModel) model = NULL;
  g_autoptr(BudgTransaction) held = NULL;
  g_autoptr(BudgTransaction) later = NULL;
  g_autoptr(BudgDeletedTransactions) deleted = NULL;
  g_autoptr(GError) error = NULL;
  BudgTransactionQuery query = { 0 };
  ItemsChanged record = { 0 };
  gint64 held_id, balance_before;
  guint n, position;

  fill_random (fixture, rand, 400);
  model = budg_register_model_new (store_of (fixture));
  query.account_id = fixture->accounts[1];
  g_assert_true (budg_register_model_set_query (model, &query, &error));
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_assert_cmpuint (n, >, 50);
  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), &record);

  /* A widget holds row 10 and the last row. Editing row 10's amount
   * changes that object in place and the running balance of every later
   * row, without any items-changed (no row moved). */
  held = g_list_model_get_item (G_LIST_MODEL (model), 10);
  later = g_list_model_get_item (G_LIST_MODEL (model), n - 1);
  held_id = budg_transaction_get_id (held);
  balance_before = budg_transaction_get_running_balance_minor (later);
  if (budg_transaction_get_transfer_id (held) == 0 && budg_transaction_get_split_count (held) == 0)
    {
      g_autoptr(BudgTransaction) edit = budg_transaction_copy (held);

      budg_transaction_set_amount_minor (edit, budg_transaction_get_amount_minor (held) + 1234);
      g_assert_true (budg_transaction_store_update (store_of (fixture), edit, &error));
      g_assert_no_error (error);
      wait_for_reload (model);
      g_assert_cmpuint (record.calls, ==, 0);
      g_assert_cmpint (budg_transaction_get_amount_minor (held), ==, budg_transaction_get_amount_minor (edit));
      g_assert_cmpint (budg_transaction_get_running_balance_minor (later), ==, balance_before + 1234);
    }

  /* Deleting row 10 is one items-changed at 10 removing one row… */
  position = budg_register_model_find (model, held_id);
  g_assert_cmpuint (position, ==, 10);
  deleted = budg_transaction_store_delete_many (store_of (fixture), &held_id, 1, &error);
  g_assert_no_error (error);
  wait_for_reload (model);
  g_assert_cmpuint (record.calls, ==, 1);
  g_assert_cmpuint (record.position, ==, 10);
  g_assert_cmpuint (record.removed, ==, 1);
  g_assert_cmpuint (record.added, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n - 1);
  g_assert_cmpuint (budg_register_model_find (model, held_id), ==, G_MAXUINT);

  /* …and Undo puts it back at the same place. */
  g_assert_true (budg_transaction_store_restore (store_of (fixture), deleted, &error));
  g_assert_no_error (error);
  wait_for_reload (model);
  g_assert_cmpuint (record.calls, ==, 2);
  g_assert_cmpuint (record.position, ==, 10);
  g_assert_cmpuint (record.removed, ==, 0);
  g_assert_cmpuint (record.added, ==, 1);
  g_assert_cmpuint (budg_register_model_find (model, held_id), ==, 10);

  /* A new query gives the objects a widget holds the data of the rows now
   * at their positions, and announces only the change in length. */
  g_clear_object (&held);
  held = g_list_model_get_item (G_LIST_MODEL (model), 10);
  record.calls = 0;
  query.sort = BUDG_TRANSACTION_SORT_AMOUNT;
  query.search = "grocer";
  g_assert_true (budg_register_model_set_query (model, &query, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (record.calls, ==, 1);
  g_assert_cmpuint (record.position, ==, g_list_model_get_n_items (G_LIST_MODEL (model)));
  g_assert_cmpuint (record.added, ==, 0);
  g_assert_cmpint (budg_transaction_get_id (held), ==, budg_register_model_get_id (model, 10));
  {
    g_autoptr(BudgTransaction) fresh = budg_transaction_store_get (store_of (fixture), budg_transaction_get_id (held), &error);
    g_autoptr(BudgTransaction) again = g_list_model_get_item (G_LIST_MODEL (model), 10);

    g_assert_cmpint (budg_transaction_get_amount_minor (held), ==, budg_transaction_get_amount_minor (fresh));
    g_assert_cmpstr (budg_transaction_get_payee (held), ==, budg_transaction_get_payee (fresh));
    g_assert_true (again == held);
  }
}

/* A progressive model shows the first rows at once and the rest after the
 * main loop ran, announcing only the growth at the end. */
static void
test_model_progressive (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  g_autoptr(BudgRegisterModel) model = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GArray) expected = NULL;
  g_autoptr(GError) error = NULL;
  BudgTransactionQuery query = { 0 };
  ItemsChanged record = { 0 };

  fill_random (fixture, rand, 700);
  rows = load_reference (fixture);

  model = budg_register_model_new (store_of (fixture));
  budg_register_model_set_progressive (model, TRUE);

  for (guint sort = 0; sort < 4; sort++)
    {
      query.sort = sort;
      query.descending = sort % 2 == 0;
      g_clear_pointer (&expected, g_array_unref);
      expected = reference_ids (fixture, rows, &query);

      g_assert_true (budg_register_model_set_query (model, &query, &error));
      g_assert_no_error (error);
      if (sort == BUDG_TRANSACTION_SORT_DATE || sort == BUDG_TRANSACTION_SORT_AMOUNT)
        {
          g_assert_false (budg_register_model_is_complete (model));
          g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 256);
        }

      g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), &record);
      record.calls = 0;
      while (!budg_register_model_is_complete (model))
        g_main_context_iteration (NULL, TRUE);
      g_signal_handlers_disconnect_by_func (model, items_changed_cb, &record);

      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, expected->len);
      for (guint i = 0; i < expected->len; i++)
        g_assert_cmpint (budg_register_model_get_id (model, i), ==, g_array_index (expected, gint64, i));
      if (sort == BUDG_TRANSACTION_SORT_DATE || sort == BUDG_TRANSACTION_SORT_AMOUNT)
        {
          g_assert_cmpuint (record.calls, ==, 1);
          g_assert_cmpuint (record.position, ==, 256);
          g_assert_cmpuint (record.removed, ==, 0);
          g_assert_cmpuint (record.added, ==, expected->len - 256);
        }
    }
}

/* The stored checkpoints always equal a recomputation from the rows. */
static void
assert_checkpoints_consistent (Fixture *fixture)
{
  static const char *const checks[] = {
    "SELECT count(*) FROM (SELECT account_id, date AS day, sum(amount_minor) AS total FROM transactions"
    " GROUP BY 1, 2 EXCEPT SELECT account_id, day, total_minor FROM account_day_totals)",
    "SELECT count(*) FROM (SELECT account_id, day, total_minor FROM account_day_totals WHERE total_minor != 0"
    " EXCEPT SELECT account_id, date, sum(amount_minor) FROM transactions GROUP BY 1, 2)",
    "SELECT count(*) FROM (SELECT account_id, substr(date, 1, 7), sum(amount_minor) FROM transactions"
    " GROUP BY 1, 2 EXCEPT SELECT account_id, month, total_minor FROM account_month_totals)",
    "SELECT count(*) FROM (SELECT account_id, month, total_minor FROM account_month_totals WHERE total_minor != 0"
    " EXCEPT SELECT account_id, substr(date, 1, 7), sum(amount_minor) FROM transactions GROUP BY 1, 2)",
  };

  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    {
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (handle_of (fixture), checks[i], -1, &stmt, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_assert_cmpint (sqlite3_column_int64 (stmt, 0), ==, 0);
      sqlite3_finalize (stmt);
    }
}

static void
test_checkpoints (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (3);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  BudgTransactionQuery query = { 0 };

  fill_random (fixture, rand, 600);
  assert_checkpoints_consistent (fixture);

  /* Random edits moving rows across days, months and accounts, deletes
   * and bulk deletes keep them exact. */
  ids = budg_transaction_store_query_ids (store_of (fixture), &query, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 150; i++)
    {
      gint64 id = g_array_index (ids, gint64, g_rand_int_range (rand, 0, ids->len));
      g_autoptr(BudgTransaction) transaction = budg_transaction_store_get (store_of (fixture), id, NULL);
      g_autofree char *date = random_date (rand);

      if (transaction == NULL || budg_transaction_get_split_count (transaction) > 0)
        continue;
      budg_transaction_set_date (transaction, date);
      budg_transaction_set_amount_minor (transaction, g_rand_int_range (rand, -9000, 9000));
      if (budg_transaction_get_transfer_id (transaction) == 0)
        budg_transaction_set_account_id (transaction, fixture->accounts[g_rand_int_range (rand, 0, 3)]);
      g_assert_true (budg_transaction_store_update (store_of (fixture), transaction, &error));
      g_assert_no_error (error);
    }
  assert_checkpoints_consistent (fixture);

  {
    g_autoptr(BudgDeletedTransactions) deleted =
      budg_transaction_store_delete_many (store_of (fixture), (const gint64 *) ids->data, 100, &error);

    g_assert_no_error (error);
    assert_checkpoints_consistent (fixture);
    g_assert_true (budg_transaction_store_restore (store_of (fixture), deleted, &error));
    g_assert_no_error (error);
    assert_checkpoints_consistent (fixture);
  }

  g_assert_true (budg_checkpoints_rebuild (budg_context_get_database (fixture->context), &error));
  g_assert_no_error (error);
  assert_checkpoints_consistent (fixture);
}

static GPtrArray *
make_splits (gint64 category_a,
             gint64 amount_a,
             gint64 category_b,
             gint64 amount_b)
{
  GPtrArray *splits = g_ptr_array_new_with_free_func ((GDestroyNotify) budg_split_free);

  g_ptr_array_add (splits, budg_split_new (category_a, amount_a, "first"));
  g_ptr_array_add (splits, budg_split_new (category_b, amount_b, NULL));

  return splits;
}

static void
test_splits (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(BudgTransaction) transaction = budg_transaction_new (fixture->accounts[0], "2026-03-04", -5000);
  g_autoptr(BudgTransaction) read = NULL;
  g_autoptr(GPtrArray) short_parts = NULL;
  g_autoptr(GPtrArray) over_parts = NULL;
  g_autoptr(GPtrArray) good_parts = NULL;
  g_autoptr(GPtrArray) new_parts = NULL;
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GError) error = NULL;
  gint64 food = g_array_index (fixture->categories, gint64, 1);
  gint64 books = g_array_index (fixture->categories, gint64, 7);
  gint64 id;

  budg_transaction_set_category_id (transaction, food);
  g_assert_true (budg_transaction_store_add (store_of (fixture), transaction, &error));
  id = budg_transaction_get_id (transaction);

  /* Parts that don't add up are refused, saying by how much. */
  short_parts = make_splits (food, -3000, books, -1500);
  g_assert_false (budg_transaction_store_set_splits (store_of (fixture), id, short_parts, &error));
  g_assert_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "5.00 short"));
  g_clear_error (&error);
  over_parts = make_splits (food, -3000, books, -2500);
  g_assert_false (budg_transaction_store_set_splits (store_of (fixture), id, over_parts, &error));
  g_assert_nonnull (strstr (error->message, "5.00 more"));
  g_clear_error (&error);
  stored = budg_transaction_store_get_splits (store_of (fixture), id, &error);
  g_assert_cmpuint (stored->len, ==, 0);
  g_clear_pointer (&stored, g_ptr_array_unref);

  good_parts = make_splits (food, -3000, books, -2000);
  g_assert_true (budg_transaction_store_set_splits (store_of (fixture), id, good_parts, &error));
  g_assert_no_error (error);
  stored = budg_transaction_store_get_splits (store_of (fixture), id, &error);
  g_assert_cmpuint (stored->len, ==, 2);
  g_assert_cmpint (((BudgSplit *) g_ptr_array_index (stored, 0))->amount_minor, ==, -3000);
  g_assert_cmpstr (((BudgSplit *) g_ptr_array_index (stored, 0))->category_path, ==, "Food:Groceries");
  g_assert_cmpstr (((BudgSplit *) g_ptr_array_index (stored, 0))->memo, ==, "first");
  g_assert_cmpstr (((BudgSplit *) g_ptr_array_index (stored, 1))->category_path, ==, "Leisure:Books");
  g_clear_pointer (&stored, g_ptr_array_unref);

  read = budg_transaction_store_get (store_of (fixture), id, &error);
  g_assert_cmpuint (budg_transaction_get_split_count (read), ==, 2);
  g_assert_cmpint (budg_transaction_get_category_id (read), ==, 0);

  /* The amount of a split transaction only changes with its parts. */
  budg_transaction_set_amount_minor (read, -6000);
  g_assert_false (budg_transaction_store_update (store_of (fixture), read, &error));
  g_assert_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  new_parts = make_splits (food, -4000, books, -2000);
  g_assert_true (budg_transaction_store_update_with_splits (store_of (fixture), read, new_parts, &error));
  g_assert_no_error (error);
  stored = budg_transaction_store_get_splits (store_of (fixture), id, &error);
  g_assert_cmpint (((BudgSplit *) g_ptr_array_index (stored, 0))->amount_minor, ==, -4000);
  g_clear_pointer (&stored, g_ptr_array_unref);

  /* Deleting and restoring keeps the parts; a category replaces them. */
  {
    g_autoptr(BudgDeletedTransactions) deleted = budg_transaction_store_delete_many (store_of (fixture), &id, 1, &error);

    g_assert_no_error (error);
    stored = budg_transaction_store_get_splits (store_of (fixture), id, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (stored->len, ==, 0);
    g_clear_pointer (&stored, g_ptr_array_unref);
    g_assert_true (budg_transaction_store_restore (store_of (fixture), deleted, &error));
    stored = budg_transaction_store_get_splits (store_of (fixture), id, &error);
    g_assert_cmpuint (stored->len, ==, 2);
    g_clear_pointer (&stored, g_ptr_array_unref);
  }

  g_assert_true (budg_transaction_store_set_category_many (store_of (fixture), &id, 1, books, &error));
  stored = budg_transaction_store_get_splits (store_of (fixture), id, &error);
  g_assert_cmpuint (stored->len, ==, 0);
}

static void
test_transfers (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BudgTransaction) from = NULL;
  g_autoptr(BudgTransaction) to = NULL;
  g_autoptr(BudgDeletedTransactions) deleted = NULL;
  gint64 from_id = 0, to_id = 0, usd_from = 0, usd_to = 0;
  BudgTransactionQuery query = { 0 };

  /* Same currency: the amount defaults to the same. */
  g_assert_true (budg_transaction_store_add_transfer (store_of (fixture), fixture->accounts[0], fixture->accounts[1],
                                                      "2026-05-01", 25000, 0, "to savings", &from_id, &to_id, &error));
  g_assert_no_error (error);
  from = budg_transaction_store_get (store_of (fixture), from_id, &error);
  to = budg_transaction_store_get (store_of (fixture), to_id, &error);
  g_assert_cmpint (budg_transaction_get_amount_minor (from), ==, -25000);
  g_assert_cmpint (budg_transaction_get_amount_minor (to), ==, 25000);
  g_assert_cmpint (budg_transaction_get_transfer_id (from), ==, to_id);
  g_assert_cmpint (budg_transaction_get_transfer_id (to), ==, from_id);
  g_assert_cmpstr (budg_transaction_get_transfer_account_name (from), ==, "Savings");
  g_assert_cmpstr (budg_transaction_get_transfer_account_name (to), ==, "Checking");

  /* Editing one side moves the other's date and amount. */
  budg_transaction_set_date (to, "2026-05-03");
  budg_transaction_set_amount_minor (to, 30000);
  g_assert_true (budg_transaction_store_update (store_of (fixture), to, &error));
  g_assert_no_error (error);
  g_clear_object (&from);
  from = budg_transaction_store_get (store_of (fixture), from_id, &error);
  g_assert_cmpstr (budg_transaction_get_date (from), ==, "2026-05-03");
  g_assert_cmpint (budg_transaction_get_amount_minor (from), ==, -30000);

  /* A transfer can be neither split nor categorized. */
  {
    g_autoptr(GPtrArray) parts = make_splits (0, -10000, 0, -20000);

    g_assert_false (budg_transaction_store_set_splits (store_of (fixture), from_id, parts, &error));
    g_assert_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT);
    g_clear_error (&error);
  }

  /* Across currencies, the received amount is needed and kept. */
  g_assert_false (budg_transaction_store_add_transfer (store_of (fixture), fixture->accounts[0], fixture->accounts[2],
                                                       "2026-05-02", 10000, 0, NULL, NULL, NULL, &error));
  g_assert_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_true (budg_transaction_store_add_transfer (store_of (fixture), fixture->accounts[0], fixture->accounts[2],
                                                      "2026-05-02", 10000, 10823, NULL, &usd_from, &usd_to, &error));
  {
    g_autoptr(BudgTransaction) side = budg_transaction_store_get (store_of (fixture), usd_from, &error);
    g_autoptr(BudgTransaction) other = NULL;

    budg_transaction_set_amount_minor (side, -12000);
    g_assert_true (budg_transaction_store_update (store_of (fixture), side, &error));
    other = budg_transaction_store_get (store_of (fixture), usd_to, &error);
    g_assert_cmpint (budg_transaction_get_amount_minor (other), ==, 10823);
  }

  /* Same account on both sides is refused. */
  g_assert_false (budg_transaction_store_add_transfer (store_of (fixture), fixture->accounts[0], fixture->accounts[0],
                                                       "2026-05-02", 100, 0, NULL, NULL, NULL, &error));
  g_clear_error (&error);

  /* Deleting one side deletes the pair; Undo restores both, linked. */
  deleted = budg_transaction_store_delete_many (store_of (fixture), &to_id, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (budg_deleted_transactions_get_count (deleted), ==, 1);
  g_assert_cmpint (budg_transaction_store_count (store_of (fixture), &query, &error), ==, 2);
  g_assert_true (budg_transaction_store_restore (store_of (fixture), deleted, &error));
  g_assert_no_error (error);
  g_clear_object (&from);
  from = budg_transaction_store_get (store_of (fixture), from_id, &error);
  g_assert_cmpint (budg_transaction_get_transfer_id (from), ==, to_id);
  g_assert_cmpint (budg_transaction_store_count (store_of (fixture), &query, &error), ==, 4);
}

static void
test_reconcile (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BudgBalanceSnapshot) snapshot = NULL;
  BudgDatabase *database = budg_context_get_database (fixture->context);
  BudgReconcileSummary summary = { 0 };
  BudgTransactionQuery query = { 0 };
  g_autoptr(GArray) ids = NULL;
  g_autofree char *last = NULL;
  static const struct { const char *date; gint64 amount; int status; } rows[] = {
    { "2026-01-05", -1000, BUDG_TRANSACTION_STATUS_CLEARED },
    { "2026-01-10", 50000, BUDG_TRANSACTION_STATUS_CLEARED },
    { "2026-01-12", -2500, BUDG_TRANSACTION_STATUS_PENDING },
    { "2026-01-20", -700, BUDG_TRANSACTION_STATUS_CLEARED },
    { "2026-02-02", -999, BUDG_TRANSACTION_STATUS_CLEARED },   /* after the statement */
    { "2025-12-30", -123, BUDG_TRANSACTION_STATUS_CLEARED },   /* before the opening */
  };
  guint count = 0;

  snapshot = budg_balance_store_set (budg_context_get_balances (fixture->context), fixture->accounts[0],
                                     "2025-12-31", 10000, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(BudgTransaction) transaction = budg_transaction_new (fixture->accounts[0], rows[i].date, rows[i].amount);

      budg_transaction_set_status (transaction, rows[i].status);
      g_assert_true (budg_transaction_store_add (store_of (fixture), transaction, &error));
    }

  /* Opening 100.00 + cleared (−10.00 + 500.00 − 7.00) = 583.00. */
  g_assert_true (budg_reconcile_compute (database, fixture->accounts[0], "2026-01-31", 55800, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (summary.opening_date, ==, "2025-12-31");
  g_assert_cmpint (summary.opening_balance_minor, ==, 10000);
  g_assert_cmpint (summary.cleared_balance_minor, ==, 58300);
  g_assert_cmpint (summary.difference_minor, ==, 55800 - 58300);
  g_assert_cmpuint (summary.n_cleared, ==, 3);
  g_assert_cmpuint (summary.n_pending, ==, 1);
  budg_reconcile_summary_clear (&summary);

  /* Finishing with a difference changes nothing. */
  g_assert_false (budg_reconcile_finish (database, fixture->accounts[0], "2026-01-31", 55800, &count, &error));
  g_assert_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "25.00"));
  g_clear_error (&error);
  query.status_mask = 1u << BUDG_TRANSACTION_STATUS_RECONCILED;
  g_assert_cmpint (budg_transaction_store_count (store_of (fixture), &query, &error), ==, 0);

  /* Ticking the pending row makes it add up: 583.00 − 25.00 = 558.00. */
  query.status_mask = 1u << BUDG_TRANSACTION_STATUS_PENDING;
  ids = budg_transaction_store_query_ids (store_of (fixture), &query, &error);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_true (budg_transaction_store_set_status_many (store_of (fixture), (const gint64 *) ids->data, 1,
                                                         BUDG_TRANSACTION_STATUS_CLEARED, &error));
  g_assert_true (budg_reconcile_compute (database, fixture->accounts[0], "2026-01-31", 55800, &summary, &error));
  g_assert_cmpint (summary.difference_minor, ==, 0);
  budg_reconcile_summary_clear (&summary);
  g_assert_true (budg_reconcile_finish (database, fixture->accounts[0], "2026-01-31", 55800, &count, &error));
  g_assert_no_error (error);
  /* Four rows of the period plus the one before the opening snapshot, all
   * on or before the statement date and cleared. */
  g_assert_cmpuint (count, ==, 5);
  query.status_mask = 1u << BUDG_TRANSACTION_STATUS_RECONCILED;
  g_assert_cmpint (budg_transaction_store_count (store_of (fixture), &query, &error), ==, 5);
  g_assert_true (budg_reconcile_get_last (database, fixture->accounts[0], &last, NULL, &error));
  g_assert_cmpstr (last, ==, "2026-01-31");

  /* A recorded balance is compared with what the transactions since the
   * previous one add up to; the first one has nothing to compare with. */
  {
    g_autoptr(BudgBalanceSnapshot) later = NULL;
    gboolean comparable = TRUE;
    gint64 computed = 0;

    g_assert_true (budg_balance_store_get_computed (budg_context_get_balances (fixture->context), snapshot,
                                                    &comparable, &computed, &error));
    g_assert_false (comparable);

    later = budg_balance_store_set (budg_context_get_balances (fixture->context), fixture->accounts[0],
                                    "2026-01-31", 55000, NULL, &error);
    g_assert_no_error (error);
    g_assert_true (budg_balance_store_get_computed (budg_context_get_balances (fixture->context), later,
                                                    &comparable, &computed, &error));
    g_assert_true (comparable);
    /* 100.00 − 10.00 + 500.00 − 25.00 − 7.00 */
    g_assert_cmpint (computed, ==, 55800);
  }
}

static void
test_money_evaluate (void)
{
  static const struct { const char *text; const char *currency; gint64 expected; } good[] = {
    { "12.50+3", "EUR", 1550 },
    { "3*4.99", "EUR", 1497 },
    { "(20-2.5)/2", "EUR", 875 },
    { "-12.50", "EUR", -1250 },
    { "10/3", "EUR", 333 },
    { "-(5+5)", "EUR", -1000 },
    { " 1 + 2 * 3 ", "USD", 700 },
    { "1000/7", "JPY", 143 },
    { "1.5*2", "BHD", 3000 },
  };
  static const char * const bad[] = { "12+", "(3+4", "5/0", "abc+1", "1+2)", "*3" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 value = 0;

      g_assert_true (budg_money_evaluate (good[i].text, good[i].currency, &value, &error));
      g_assert_no_error (error);
      g_assert_cmpint (value, ==, good[i].expected);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 value = 42;

      g_assert_false (budg_money_evaluate (bad[i], "EUR", &value, &error));
      g_assert_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT);
      g_assert_cmpint (value, ==, 42);
    }
}

static void
test_query_text (void)
{
  BudgTransactionQuery query = { 0 };
  g_autoptr(BudgTransactionQuery) parsed = NULL;
  g_autoptr(BudgTransactionQuery) empty = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  query.account_id = 3;
  query.from_date = "2026-01-01";
  query.search = "café \"quoted\" 100%";
  query.category_id = 9;
  query.status_mask = 5;
  query.has_max_amount = TRUE;
  query.max_amount_minor = 0;
  query.sort = BUDG_TRANSACTION_SORT_PAYEE;
  query.descending = TRUE;

  text = budg_transaction_query_to_string (&query);
  parsed = budg_transaction_query_parse (text, &error);
  g_assert_no_error (error);
  g_assert_true (budg_transaction_query_equal (&query, parsed));

  empty = budg_transaction_query_parse ("@a{sv} {}", &error);
  g_assert_no_error (error);
  g_assert_false (budg_transaction_query_equal (&query, empty));

  g_assert_null (budg_transaction_query_parse ("{'sort': <'sideways'>}", &error));
  g_assert_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_null (budg_transaction_query_parse ("not a variant", &error));
  g_assert_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT);
}

static void
test_payee_completion (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = NULL;
  gint64 category = 0;
  static const char * const payees[] = { "Grocer", "Grocer", "Big Grocer", "Grocer", "Gas", "Big Grocer" };

  for (guint i = 0; i < G_N_ELEMENTS (payees); i++)
    {
      g_autoptr(BudgTransaction) transaction = budg_transaction_new (fixture->accounts[0], "2026-01-01", -100);

      budg_transaction_set_payee (transaction, payees[i]);
      budg_transaction_set_category_id (transaction, g_array_index (fixture->categories, gint64, i));
      g_assert_true (budg_transaction_store_add (store_of (fixture), transaction, &error));
    }

  names = budg_payees_complete (budg_context_get_database (fixture->context), "gro", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (names->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (names, 0), ==, "Grocer");       /* starts with it */
  g_assert_cmpstr (g_ptr_array_index (names, 1), ==, "Big Grocer");   /* only contains it */

  g_assert_true (budg_payees_last_category (budg_context_get_database (fixture->context), "grocer", &category, &error));
  g_assert_cmpint (category, ==, g_array_index (fixture->categories, gint64, 3));
  g_assert_true (budg_payees_last_category (budg_context_get_database (fixture->context), "Nobody", &category, &error));
  g_assert_cmpint (category, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/register/query/reference", test_query_matches_reference);
  ADD ("/register/model/paging-and-running-balance", test_model_paging_and_running_balance);
  ADD ("/register/model/follows-changes", test_model_follows_changes);
  ADD ("/register/model/progressive", test_model_progressive);
  ADD ("/register/checkpoints/consistent", test_checkpoints);
  ADD ("/register/splits", test_splits);
  ADD ("/register/transfers", test_transfers);
  ADD ("/register/reconcile", test_reconcile);
  ADD ("/register/payees/completion", test_payee_completion);
  g_test_add_func ("/register/money/evaluate", test_money_evaluate);
  g_test_add_func ("/register/query/text", test_query_text);

#undef ADD

  return g_test_run ();
}
