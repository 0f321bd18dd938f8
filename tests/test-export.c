/* test-export.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "budg-account-store.h"
#include "budg-account.h"
#include "budg-category-store.h"
#include "budg-category.h"
#include "budg-context.h"
#include "budg-csv-parser.h"
#include "budg-csv-profile.h"
#include "budg-error.h"
#include "budg-exporter.h"
#include "budg-import-profiles.h"
#include "budg-ofx-parser.h"
#include "budg-ofx-writer.h"
#include "budg-qif-parser.h"
#include "budg-transaction-store.h"

/* Every test builds the same database, keeping its own record of what went
 * in (Expected), then exports and reads the file back with Budg's parsers
 * and compares the rows field by field against that record. */

enum { CHECKING, SAVINGS, VISA, YEN, DINAR, N_ACCOUNTS };

static const struct
{
  const char      *name;
  BudgAccountKind  kind;
  const char      *currency;
} account_specs[N_ACCOUNTS] = {
  [CHECKING] = { "Checking", BUDG_ACCOUNT_KIND_CHECKING, "USD" },
  [SAVINGS] = { "Épargne Crédit", BUDG_ACCOUNT_KIND_SAVINGS, "EUR" },
  [VISA] = { "Visa", BUDG_ACCOUNT_KIND_CREDIT_CARD, "USD" },
  [YEN] = { "Tokyo wallet", BUDG_ACCOUNT_KIND_CASH, "JPY" },
  [DINAR] = { "Manama", BUDG_ACCOUNT_KIND_CHECKING, "BHD" },
};

#define OPENING_DATE "2025-12-31"
#define OPENING_BALANCE 100000

#define LONG_PAYEE "Société Générale de Très Longues Dénominations Commerciales et Financières Réunies SA Paris"

static const struct
{
  int                    account;
  const char            *date;
  gint64                 amount;
  const char            *payee;
  const char            *category;
  const char            *memo;
  BudgTransactionStatus  status;
  const char            *external_id;
} txn_specs[] = {
  { CHECKING, "2026-01-02", -1250, "Café Crème", "Food:Coffee", "Deux cafés, \"serrés\"", BUDG_TRANSACTION_STATUS_CLEARED, NULL },
  { CHECKING, "2026-01-05", 123456789012, "Big & <Small> Corp", "Income:Salary", NULL, BUDG_TRANSACTION_STATUS_RECONCILED, "BANK-42" },
  { CHECKING, "2026-01-05", 1, NULL, NULL, "tiny", BUDG_TRANSACTION_STATUS_PENDING, NULL },
  { CHECKING, "2026-02-10", -9999, LONG_PAYEE, "Home", "Rent; February", BUDG_TRANSACTION_STATUS_PENDING, NULL },
  { SAVINGS, "2026-01-15", 5000, "Crédit Agricole", "Income", "Intérêts", BUDG_TRANSACTION_STATUS_CLEARED, NULL },
  { SAVINGS, "2026-03-01", -1, "Frais", NULL, NULL, BUDG_TRANSACTION_STATUS_PENDING, NULL },
  { VISA, "2026-01-20", -4599, "Amazon", "Shopping", NULL, BUDG_TRANSACTION_STATUS_PENDING, "VISA-1" },
  { YEN, "2026-01-03", -1234567, "ラーメン屋", "Food:Dining", NULL, BUDG_TRANSACTION_STATUS_CLEARED, NULL },
  { YEN, "2026-01-04", 500, "Refund", NULL, NULL, BUDG_TRANSACTION_STATUS_PENDING, NULL },
  { DINAR, "2026-01-06", 12345, "Gulf Bank", "Income:Salary", NULL, BUDG_TRANSACTION_STATUS_PENDING, NULL },
  { DINAR, "2026-01-07", -1, "Fils", NULL, NULL, BUDG_TRANSACTION_STATUS_RECONCILED, NULL },
};

typedef struct
{
  char   *category;
  char   *memo;
  gint64  amount;
} ExpectedSplit;

typedef struct
{
  int                    account;
  gint64                 id;
  char                  *date;
  gint64                 amount;
  char                  *payee;
  char                  *category;
  char                  *memo;
  BudgTransactionStatus  status;
  char                  *external_id;
  char                  *transfer_account;
  GArray                *splits;
} Expected;

typedef struct
{
  char        *dir;
  BudgContext *context;
  gint64       account_ids[N_ACCOUNTS];
  GPtrArray   *expected;
} Fixture;

static void
expected_free (Expected *expected)
{
  for (guint i = 0; expected->splits != NULL && i < expected->splits->len; i++)
    {
      ExpectedSplit *split = &g_array_index (expected->splits, ExpectedSplit, i);

      g_free (split->category);
      g_free (split->memo);
    }
  g_clear_pointer (&expected->splits, g_array_unref);
  g_free (expected->date);
  g_free (expected->payee);
  g_free (expected->category);
  g_free (expected->memo);
  g_free (expected->external_id);
  g_free (expected->transfer_account);
  g_free (expected);
}

static gint64
category_id (Fixture    *fixture,
             const char *path)
{
  g_autoptr(GError) error = NULL;
  BudgCategoryStore *categories = budg_context_get_categories (fixture->context);
  BudgCategory *category;

  if (path == NULL)
    return 0;

  category = budg_category_store_find (categories, path, NULL);
  if (category == NULL)
    category = budg_category_store_create_path (categories, path, g_str_has_prefix (path, "Income"), &error);
  g_assert_no_error (error);

  return budg_category_get_id (category);
}

static Expected *
expected_new (int                    account,
              gint64                 id,
              const char            *date,
              gint64                 amount,
              const char            *payee,
              const char            *category,
              const char            *memo,
              BudgTransactionStatus  status,
              const char            *external_id)
{
  Expected *expected = g_new0 (Expected, 1);

  expected->account = account;
  expected->id = id;
  expected->date = g_strdup (date);
  expected->amount = amount;
  expected->payee = g_strdup (payee);
  expected->category = g_strdup (category);
  expected->memo = g_strdup (memo);
  expected->status = status;
  expected->external_id = external_id != NULL ? g_strdup (external_id)
                                              : g_strdup_printf ("budg-%" G_GINT64_FORMAT, id);
  expected->splits = g_array_new (FALSE, TRUE, sizeof (ExpectedSplit));

  return expected;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) splits = NULL;
  BudgTransactionStore *store;
  BudgAccountStore *accounts;
  Expected *expected;
  gint64 from_id = 0;
  gint64 to_id = 0;

  fixture->dir = g_dir_make_tmp ("budg-export-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "budg.db", NULL);
  fixture->context = budg_context_new (path, &error);
  g_assert_no_error (error);
  fixture->expected = g_ptr_array_new_with_free_func ((GDestroyNotify) expected_free);

  accounts = budg_context_get_accounts (fixture->context);
  store = budg_context_get_transactions (fixture->context);

  for (int i = 0; i < N_ACCOUNTS; i++)
    {
      BudgAccount *account = budg_account_store_create (accounts, account_specs[i].name, account_specs[i].kind,
                                                        account_specs[i].currency, NULL,
                                                        i == CHECKING ? OPENING_DATE : NULL,
                                                        i == CHECKING ? OPENING_BALANCE : 0, &error);

      g_assert_no_error (error);
      fixture->account_ids[i] = budg_account_get_id (account);
    }

  for (guint i = 0; i < G_N_ELEMENTS (txn_specs); i++)
    {
      g_autoptr(BudgTransaction) transaction = budg_transaction_new (fixture->account_ids[txn_specs[i].account],
                                                                     txn_specs[i].date, txn_specs[i].amount);

      budg_transaction_set_payee (transaction, txn_specs[i].payee);
      budg_transaction_set_category_id (transaction, category_id (fixture, txn_specs[i].category));
      budg_transaction_set_memo (transaction, txn_specs[i].memo);
      budg_transaction_set_status (transaction, txn_specs[i].status);
      if (txn_specs[i].external_id != NULL)
        {
          budg_transaction_set_external_id (transaction, txn_specs[i].external_id);
          budg_transaction_set_source (transaction, "ofx");
        }
      g_assert_true (budg_transaction_store_add (store, transaction, &error));
      g_assert_no_error (error);

      g_ptr_array_add (fixture->expected,
                       expected_new (txn_specs[i].account, budg_transaction_get_id (transaction),
                                     txn_specs[i].date, txn_specs[i].amount, txn_specs[i].payee,
                                     txn_specs[i].category, txn_specs[i].memo, txn_specs[i].status,
                                     txn_specs[i].external_id));
    }

  /* A split purchase: two categorized parts, one without a category. */
  {
    g_autoptr(BudgTransaction) transaction = budg_transaction_new (fixture->account_ids[CHECKING],
                                                                   "2026-01-10", -10000);
    ExpectedSplit parts[] = {
      { (char *) "Food:Groceries", (char *) "Légumes", -6000 },
      { (char *) "Home", NULL, -3000 },
      { NULL, (char *) "rest", -1000 },
    };

    budg_transaction_set_payee (transaction, "Supermarché");
    budg_transaction_set_memo (transaction, "weekly shop");
    g_assert_true (budg_transaction_store_add (store, transaction, &error));
    g_assert_no_error (error);

    splits = g_ptr_array_new_with_free_func ((GDestroyNotify) budg_split_free);
    for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
      g_ptr_array_add (splits, budg_split_new (category_id (fixture, parts[i].category), parts[i].amount,
                                               parts[i].memo));
    g_assert_true (budg_transaction_store_set_splits (store, budg_transaction_get_id (transaction), splits, &error));
    g_assert_no_error (error);

    expected = expected_new (CHECKING, budg_transaction_get_id (transaction), "2026-01-10", -10000,
                             "Supermarché", NULL, "weekly shop", BUDG_TRANSACTION_STATUS_PENDING, NULL);
    for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
      {
        ExpectedSplit copy = { g_strdup (parts[i].category), g_strdup (parts[i].memo), parts[i].amount };

        g_array_append_val (expected->splits, copy);
      }
    g_ptr_array_add (fixture->expected, expected);
  }

  /* A card payment from Checking: a transfer, seen from both sides. */
  g_assert_true (budg_transaction_store_add_transfer (store, fixture->account_ids[CHECKING],
                                                      fixture->account_ids[VISA], "2026-01-25",
                                                      50000, 0, "Card payment", &from_id, &to_id, &error));
  g_assert_no_error (error);
  expected = expected_new (CHECKING, from_id, "2026-01-25", -50000, NULL, NULL, "Card payment",
                           BUDG_TRANSACTION_STATUS_PENDING, NULL);
  expected->transfer_account = g_strdup ("Visa");
  g_ptr_array_add (fixture->expected, expected);
  expected = expected_new (VISA, to_id, "2026-01-25", 50000, NULL, NULL, "Card payment",
                           BUDG_TRANSACTION_STATUS_PENDING, NULL);
  expected->transfer_account = g_strdup ("Checking");
  g_ptr_array_add (fixture->expected, expected);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  g_clear_object (&fixture->context);
  g_clear_pointer (&fixture->expected, g_ptr_array_unref);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (fixture->dir, name, NULL);

      g_unlink (child);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

static int
compare_expected (gconstpointer a,
                  gconstpointer b)
{
  const Expected *x = *(const Expected * const *) a;
  const Expected *y = *(const Expected * const *) b;
  int by_date = strcmp (x->date, y->date);

  if (by_date != 0)
    return by_date;

  return x->id < y->id ? -1 : x->id > y->id;
}

/* The fixture's rows of @account within [@from, @to], in register order. */
static GPtrArray *
expected_rows (Fixture    *fixture,
               int         account,
               const char *from,
               const char *to)
{
  GPtrArray *rows = g_ptr_array_new ();

  for (guint i = 0; i < fixture->expected->len; i++)
    {
      Expected *expected = g_ptr_array_index (fixture->expected, i);

      if (expected->account == account &&
          (from == NULL || strcmp (expected->date, from) >= 0) &&
          (to == NULL || strcmp (expected->date, to) <= 0))
        g_ptr_array_add (rows, expected);
    }
  g_ptr_array_sort (rows, compare_expected);

  return rows;
}

static BudgImportStatus
import_status (BudgTransactionStatus status)
{
  switch (status)
    {
    case BUDG_TRANSACTION_STATUS_CLEARED:
      return BUDG_IMPORT_STATUS_CLEARED;
    case BUDG_TRANSACTION_STATUS_RECONCILED:
      return BUDG_IMPORT_STATUS_RECONCILED;
    case BUDG_TRANSACTION_STATUS_PENDING:
    default:
      return BUDG_IMPORT_STATUS_UNCLEARED;
    }
}

static char *
export_path (Fixture    *fixture,
             const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

static GBytes *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

static BudgDatabase *
database_of (Fixture *fixture)
{
  return budg_context_get_database (fixture->context);
}

/* ------------------------------------------------------------------ CSV */

static void
check_csv (Fixture    *fixture,
           gint64      account_filter,
           const char *from,
           const char *to)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = export_path (fixture, "out.csv");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(BudgCsvOptions) detected = NULL;
  g_autoptr(BudgImportResult) result = NULL;
  g_autoptr(GPtrArray) records = NULL;
  const guint8 *data;
  gsize length;
  guint n_written = 0;
  guint n_expected = 0;
  guint n_records = 0;

  g_assert_true (budg_exporter_write_csv (database_of (fixture), account_filter, from, to, path, &n_written, &error));
  g_assert_no_error (error);
  bytes = read_file (path);
  data = g_bytes_get_data (bytes, &length);

  /* The header maps itself: nothing but the file is given to the parser. */
  detected = budg_csv_detect (data, length, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (detected->header, ==, BUDG_CSV_HEADER_YES);
  g_assert_cmpint (detected->columns.date, ==, 0);
  g_assert_cmpint (detected->columns.account, ==, 1);
  g_assert_cmpint (detected->columns.payee, ==, 2);
  g_assert_cmpint (detected->columns.category, ==, 3);
  g_assert_cmpint (detected->columns.memo, ==, 4);
  g_assert_cmpint (detected->columns.amount, ==, 5);
  g_assert_cmpint (detected->columns.currency, ==, 6);
  g_assert_cmpint (detected->columns.id, ==, 8);

  result = budg_csv_parse (data, length, detected, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->rejected->len, ==, 0);

  records = budg_csv_read_records (data, length, detected, G_MAXUINT, &error);
  g_assert_no_error (error);

  for (int account = 0; account < N_ACCOUNTS; account++)
    {
      g_autoptr(GPtrArray) rows = NULL;
      BudgImportStatement *statement = NULL;

      if (account_filter != 0 && account_filter != fixture->account_ids[account])
        continue;

      rows = expected_rows (fixture, account, from, to);
      for (guint i = 0; i < result->statements->len; i++)
        {
          BudgImportStatement *each = g_ptr_array_index (result->statements, i);

          if (g_strcmp0 (each->account_number, account_specs[account].name) == 0)
            statement = each;
        }

      if (rows->len == 0)
        {
          g_assert_null (statement);
          continue;
        }

      g_assert_nonnull (statement);
      g_assert_cmpstr (statement->currency, ==, account_specs[account].currency);
      g_assert_cmpuint (statement->rows->len, ==, rows->len);
      n_expected += rows->len;

      for (guint i = 0; i < rows->len; i++)
        {
          Expected *expected = g_ptr_array_index (rows, i);
          BudgImportRow *row = g_ptr_array_index (statement->rows, i);
          g_autofree char *category = expected->transfer_account != NULL
                                      ? g_strdup_printf ("[%s]", expected->transfer_account)
                                      : g_strdup (expected->category);

          g_assert_cmpstr (row->date, ==, expected->date);
          g_assert_cmpint (row->amount_minor, ==, expected->amount);
          g_assert_cmpstr (row->payee, ==, expected->payee);
          g_assert_cmpstr (row->memo, ==, expected->memo);
          g_assert_cmpstr (row->category, ==, category);
          g_assert_cmpstr (row->external_id, ==, expected->external_id);
        }
    }

  g_assert_cmpuint (n_written, ==, n_expected);
  g_assert_cmpuint (result->statements->len > 0, ==, n_expected > 0);

  /* The status, which the CSV parser does not map, is in its column. */
  for (guint i = 1; i < records->len; i++)
    {
      BudgCsvRecord *record = g_ptr_array_index (records, i);

      for (guint j = 0; j < fixture->expected->len; j++)
        {
          Expected *expected = g_ptr_array_index (fixture->expected, j);
          static const char * const nicks[] = { "pending", "cleared", "reconciled" };

          if (g_str_equal (record->fields[8], expected->external_id))
            {
              g_assert_cmpstr (record->fields[7], ==, nicks[expected->status]);
              n_records++;
            }
        }
    }
  g_assert_cmpuint (n_records, ==, n_expected);
}

static void
test_csv_all (Fixture       *fixture,
              gconstpointer  data)
{
  check_csv (fixture, 0, NULL, NULL);
}

static void
test_csv_account_range (Fixture       *fixture,
                        gconstpointer  data)
{
  check_csv (fixture, fixture->account_ids[CHECKING], "2026-01-05", "2026-01-25");
  check_csv (fixture, 0, "2026-01-04", "2026-01-07");
  check_csv (fixture, fixture->account_ids[SAVINGS], "2027-01-01", NULL);
}

/* ------------------------------------------------------------------ QIF */

static void
check_qif (Fixture    *fixture,
           int         account,
           const char *from,
           const char *to)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = export_path (fixture, "out.qif");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(BudgImportResult) result = NULL;
  g_autoptr(GPtrArray) rows = expected_rows (fixture, account, from, to);
  BudgQifOptions options = { 0 };
  BudgImportStatement *statement;
  guint n_written = 0;
  gsize length;
  const guint8 *data;

  g_assert_true (budg_exporter_write_qif (database_of (fixture), fixture->account_ids[account], from, to, path,
                                          &n_written, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_written, ==, rows->len);

  bytes = read_file (path);
  data = g_bytes_get_data (bytes, &length);
  /* QIF names no currency: the importer passes the account's. */
  options.currency = account_specs[account].currency;
  result = budg_qif_parse (data, length, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->rejected->len, ==, 0);
  /* An account without rows in the range is a section without records,
   * which the parser does not report. */
  if (rows->len == 0)
    {
      g_assert_cmpuint (budg_import_result_get_n_rows (result), ==, 0);
      return;
    }
  g_assert_cmpuint (result->statements->len, ==, 1);

  statement = g_ptr_array_index (result->statements, 0);
  g_assert_cmpstr (statement->account_name, ==, account_specs[account].name);
  g_assert_true (statement->has_account_kind);
  /* QIF has no savings kind: a savings account comes back as a bank one. */
  g_assert_cmpint (statement->account_kind, ==,
                   account_specs[account].kind == BUDG_ACCOUNT_KIND_SAVINGS ? BUDG_ACCOUNT_KIND_CHECKING
                                                                             : account_specs[account].kind);
  g_assert_cmpuint (statement->rows->len, ==, rows->len);

  for (guint i = 0; i < rows->len; i++)
    {
      Expected *expected = g_ptr_array_index (rows, i);
      BudgImportRow *row = g_ptr_array_index (statement->rows, i);

      g_assert_cmpstr (row->date, ==, expected->date);
      g_assert_cmpint (row->amount_minor, ==, expected->amount);
      g_assert_cmpstr (row->payee, ==, expected->payee);
      g_assert_cmpstr (row->memo, ==, expected->memo);
      g_assert_cmpstr (row->category, ==, expected->category);
      g_assert_cmpstr (row->transfer_account, ==, expected->transfer_account);
      g_assert_cmpint (row->status, ==, import_status (expected->status));
      g_assert_false (row->opening_balance);
      g_assert_cmpuint (row->splits->len, ==, expected->splits->len);

      for (guint j = 0; j < expected->splits->len; j++)
        {
          ExpectedSplit *want = &g_array_index (expected->splits, ExpectedSplit, j);
          BudgImportSplit *split = g_ptr_array_index (row->splits, j);

          g_assert_cmpstr (split->category, ==, want->category);
          g_assert_cmpstr (split->memo, ==, want->memo);
          g_assert_cmpint (split->amount_minor, ==, want->amount);
          g_assert_null (split->transfer_account);
        }
    }
}

static void
test_qif_round_trip (Fixture       *fixture,
                     gconstpointer  data)
{
  for (int account = 0; account < N_ACCOUNTS; account++)
    check_qif (fixture, account, NULL, NULL);

  check_qif (fixture, CHECKING, "2026-01-05", "2026-01-10");
  check_qif (fixture, VISA, "2026-06-01", NULL);
}

/* ------------------------------------------------------------------ OFX */

/* What libofx keeps of a NAME: at most 96 bytes, whole characters. */
static char *
ofx_name (const char *payee)
{
  const char *end = payee;

  if (payee == NULL)
    return NULL;

  while (*end != '\0' && (gsize) (g_utf8_next_char (end) - payee) <= BUDG_OFX_NAME_MAX)
    end = g_utf8_next_char (end);

  return g_strstrip (g_strndup (payee, end - payee));
}

static gint64
brute_force_balance (Fixture    *fixture,
                     int         account,
                     const char *date)
{
  gint64 balance = account == CHECKING ? OPENING_BALANCE : 0;

  for (guint i = 0; i < fixture->expected->len; i++)
    {
      Expected *expected = g_ptr_array_index (fixture->expected, i);

      if (expected->account == account && strcmp (expected->date, date) <= 0 &&
          (account != CHECKING || strcmp (expected->date, OPENING_DATE) > 0))
        balance += expected->amount;
    }

  return balance;
}

static void
check_ofx (Fixture    *fixture,
           int         account,
           const char *from,
           const char *to)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = export_path (fixture, "out.ofx");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(BudgImportResult) result = NULL;
  g_autoptr(GPtrArray) rows = expected_rows (fixture, account, from, to);
  BudgImportStatement *statement;
  guint n_written = 0;
  gsize length;
  const guint8 *data;

  g_assert_true (budg_exporter_write_ofx (database_of (fixture), fixture->account_ids[account], from, to, path,
                                          &n_written, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_written, ==, rows->len);

  bytes = read_file (path);
  data = g_bytes_get_data (bytes, &length);
  result = budg_ofx_parse (data, length, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->rejected->len, ==, 0);
  g_assert_cmpuint (result->statements->len, ==, 1);

  statement = g_ptr_array_index (result->statements, 0);
  g_assert_cmpstr (statement->currency, ==, account_specs[account].currency);
  g_assert_cmpstr (statement->account_number, ==, account_specs[account].name);
  g_assert_true (statement->has_account_kind);
  if (account_specs[account].kind == BUDG_ACCOUNT_KIND_CASH)
    g_assert_cmpint (statement->account_kind, ==, BUDG_ACCOUNT_KIND_CHECKING);
  else
    g_assert_cmpint (statement->account_kind, ==, account_specs[account].kind);
  if (from != NULL)
    g_assert_cmpstr (statement->start_date, ==, from);
  if (to != NULL)
    {
      g_assert_cmpstr (statement->end_date, ==, to);
      g_assert_true (statement->has_ledger_balance);
      g_assert_cmpstr (statement->ledger_balance_date, ==, to);
      g_assert_cmpint (statement->ledger_balance_minor, ==, brute_force_balance (fixture, account, to));
    }

  g_assert_cmpuint (statement->rows->len, ==, rows->len);
  for (guint i = 0; i < rows->len; i++)
    {
      Expected *expected = g_ptr_array_index (rows, i);
      BudgImportRow *row = g_ptr_array_index (statement->rows, i);
      g_autofree char *name = ofx_name (expected->payee);

      g_assert_cmpstr (row->date, ==, expected->date);
      g_assert_cmpint (row->amount_minor, ==, expected->amount);
      g_assert_cmpstr (row->payee, ==, name);
      g_assert_cmpstr (row->memo, ==, expected->memo);
      g_assert_cmpstr (row->external_id, ==, expected->external_id);
    }
}

static void
test_ofx_round_trip (Fixture       *fixture,
                     gconstpointer  data)
{
  g_assert_cmpuint (strlen (LONG_PAYEE), >, BUDG_OFX_NAME_MAX);

  for (int account = 0; account < N_ACCOUNTS; account++)
    check_ofx (fixture, account, "2026-01-01", "2026-12-31");

  check_ofx (fixture, CHECKING, "2026-01-05", "2026-01-10");
  check_ofx (fixture, CHECKING, NULL, NULL);
  check_ofx (fixture, SAVINGS, "2027-01-01", "2027-01-31");
}

/* --------------------------------------------------------------- errors */

static guint
count_files (const char *dir_path)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;

  return n;
}

static void
test_errors (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *blocker = export_path (fixture, "not-a-folder");
  g_autofree char *inside = g_build_filename (blocker, "out.csv", NULL);
  g_autofree char *folder = export_path (fixture, "a-folder");
  g_autofree char *existing = export_path (fixture, "existing.qif");
  g_autofree char *contents = NULL;
  BudgDatabase *database = database_of (fixture);
  guint n_files;

  g_assert_true (g_file_set_contents (blocker, "x", -1, NULL));
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (existing, "old", -1, NULL));
  n_files = count_files (fixture->dir);

  /* A path below a file, and a path that is a folder: an error, and no
   * temporary file left next to them. */
  g_assert_false (budg_exporter_write_csv (database, 0, NULL, NULL, inside, NULL, &error));
  g_assert_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_false (budg_exporter_write_qif (database, fixture->account_ids[CHECKING], NULL, NULL, folder, NULL, &error));
  g_assert_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_cmpuint (count_files (fixture->dir), ==, n_files);
  g_assert_cmpuint (count_files (folder), ==, 0);

  /* Bad requests fail before writing: the old file stays as it was. */
  g_assert_false (budg_exporter_write_qif (database, 0, NULL, NULL, existing, NULL, &error));
  g_assert_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_false (budg_exporter_write_ofx (database, 9999, NULL, NULL, existing, NULL, &error));
  g_assert_error (error, BUDG_ERROR, BUDG_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (budg_exporter_write_csv (database, 0, "2026-02-01", "2026-01-01", existing, NULL, &error));
  g_assert_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_false (budg_exporter_write_csv (database, 0, "2026-02-30", NULL, existing, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_null (budg_exporter_export (database, BUDG_IMPORT_FORMAT_QFX, fixture->account_ids[CHECKING],
                                       NULL, NULL, NULL, &error));
  g_assert_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT);
  g_clear_error (&error);

  g_assert_true (g_file_get_contents (existing, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");
  g_assert_cmpuint (count_files (fixture->dir), ==, n_files);

  /* A good export replaces the old file whole. */
  g_assert_true (budg_exporter_write_qif (database, fixture->account_ids[YEN], NULL, NULL, existing, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (existing, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "!Account\nNTokyo wallet\nTCash\n^\n!Type:Cash\n"));
  g_assert_nonnull (strstr (contents, "T-1234567\n"));
  g_assert_cmpuint (count_files (fixture->dir), ==, n_files);
}

/* ------------------------------------------------------------- profiles */

static const char bank_a1[] =
  "Export of account 123\n"
  "Date;Description;Amount (EUR);Balance\n"
  "02/01/2026;Café;-3,50;96,50\n"
  "05/01/2026;Salaire;2000,00;2096,50\n";
static const char bank_a2[] =
  "Export of account 123\n"
  "DATE ; description;Amount (EUR);Balance\n"
  "13/03/2026;Boulangerie;-1,20;10,00\n";
static const char bank_b[] =
  "Date,Payee,Amount\n"
  "2026-01-02,Coffee,-3.50\n";

static void
test_profile_settings (void)
{
  g_autoptr(GError) error = NULL;
  BudgCsvOptions *variants[4];

  for (guint i = 0; i < G_N_ELEMENTS (variants); i++)
    variants[i] = budg_csv_options_new ();

  /* Everything set, in every value each option has. */
  variants[0]->encoding = g_strdup ("WINDOWS-1252");
  variants[0]->delimiter = ';';
  variants[0]->skip_lines = 3;
  variants[0]->header = BUDG_CSV_HEADER_YES;
  variants[0]->date_order = BUDG_DATE_ORDER_DMY;
  variants[0]->decimal_mark = BUDG_DECIMAL_MARK_COMMA;
  variants[0]->currency = g_strdup ("EUR");
  variants[0]->columns_set = TRUE;
  budg_csv_columns_init (&variants[0]->columns);
  variants[0]->columns.date = 0;
  variants[0]->columns.payee = 1;
  variants[0]->columns.debit = 2;
  variants[0]->columns.credit = 3;
  variants[0]->columns.balance = 4;
  variants[0]->columns.id = 5;
  variants[0]->columns.memo = 6;
  variants[0]->columns.category = 7;
  variants[0]->columns.account = 8;
  variants[0]->columns.currency = 9;
  variants[0]->columns.check_number = 10;

  variants[1]->delimiter = '\t';
  variants[1]->skip_lines = 0;
  variants[1]->header = BUDG_CSV_HEADER_NO;
  variants[1]->date_order = BUDG_DATE_ORDER_MDY;
  variants[1]->decimal_mark = BUDG_DECIMAL_MARK_POINT;
  variants[1]->columns_set = TRUE;
  budg_csv_columns_init (&variants[1]->columns);
  variants[1]->columns.date = 2;
  variants[1]->columns.amount = 0;
  variants[1]->columns.sign = 1;

  variants[2]->delimiter = '|';
  variants[2]->date_order = BUDG_DATE_ORDER_YMD;

  variants[3]->delimiter = ',';
  /* variants[3] otherwise detects everything */

  for (guint i = 0; i < G_N_ELEMENTS (variants); i++)
    {
      g_autofree char *settings = budg_csv_profile_to_settings (variants[i]);
      g_autoptr(BudgCsvOptions) back = budg_csv_profile_from_settings (settings, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (back->encoding, ==, variants[i]->encoding);
      g_assert_cmpint (back->delimiter, ==, variants[i]->delimiter);
      g_assert_cmpint (back->skip_lines, ==, variants[i]->skip_lines);
      g_assert_cmpint (back->header, ==, variants[i]->header);
      g_assert_cmpint (back->date_order, ==, variants[i]->date_order);
      g_assert_cmpint (back->decimal_mark, ==, variants[i]->decimal_mark);
      g_assert_cmpstr (back->currency, ==, variants[i]->currency);
      g_assert_cmpint (back->columns_set, ==, variants[i]->columns_set);
      if (variants[i]->columns_set)
        g_assert_cmpmem (&back->columns, sizeof back->columns, &variants[i]->columns, sizeof variants[i]->columns);
    }

  for (guint i = 0; i < G_N_ELEMENTS (variants); i++)
    budg_csv_options_free (variants[i]);

  /* Settings that are not a profile, or hold values Budg does not know. */
  g_assert_null (budg_csv_profile_from_settings ("not a key file", &error));
  g_assert_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_null (budg_csv_profile_from_settings ("[other]\nx=1\n", &error));
  g_assert_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_null (budg_csv_profile_from_settings ("[csv]\ndelimiter=colon\n", &error));
  g_assert_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_null (budg_csv_profile_from_settings ("[csv]\ndate-order=ydm\n", &error));
  g_assert_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_null (budg_csv_profile_from_settings ("[csv]\nskip-lines=-2\n", &error));
  g_assert_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_null (budg_csv_profile_from_settings ("[csv]\ncolumns=date=1,fee=2\n", &error));
  g_assert_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT);
  g_clear_error (&error);
}

static void
test_profile_signature (void)
{
  g_autofree char *a1 = budg_csv_profile_signature ((const guint8 *) bank_a1, strlen (bank_a1), NULL);
  g_autofree char *a2 = budg_csv_profile_signature ((const guint8 *) bank_a2, strlen (bank_a2), NULL);
  g_autofree char *b = budg_csv_profile_signature ((const guint8 *) bank_b, strlen (bank_b), NULL);
  g_autofree char *headerless = NULL;
  static const char no_header[] = "2026-01-02,Coffee,-3.50\n2026-01-03,Tea,-2.50\n";

  g_assert_nonnull (a1);
  g_assert_cmpstr (a1, ==, "semicolon:date|description|amount (eur)|balance");
  /* Other rows, other case, other blanks: the same bank's layout. */
  g_assert_cmpstr (a2, ==, a1);
  g_assert_cmpstr (b, ==, "comma:date|payee|amount");
  g_assert_cmpstr (a1, !=, b);

  headerless = budg_csv_profile_signature ((const guint8 *) no_header, strlen (no_header), NULL);
  g_assert_null (headerless);
  g_assert_null (budg_csv_profile_signature ((const guint8 *) "", 0, NULL));
}

static void
test_profile_store (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BudgImportProfile) first = budg_import_profile_new ();
  g_autoptr(BudgImportProfile) second = budg_import_profile_new ();
  g_autoptr(BudgImportProfile) found = NULL;
  g_autoptr(BudgImportProfile) invalid = budg_import_profile_new ();
  g_autoptr(GPtrArray) list = NULL;
  BudgDatabase *database = database_of (fixture);
  gint64 first_id;

  first->name = g_strdup ("My Bank");
  first->settings = g_strdup ("[csv]\ndelimiter=semicolon\n");
  first->header_signature = g_strdup ("semicolon:date|amount");
  first->last_used_at = g_strdup ("2020-01-01T00:00:00Z");
  g_assert_true (budg_import_profiles_save (database, first, &error));
  g_assert_no_error (error);
  g_assert_cmpint (first->id, >, 0);
  first_id = first->id;

  second->name = g_strdup ("Other account, same bank");
  second->settings = g_strdup ("[csv]\ndelimiter=semicolon\ncurrency=EUR\n");
  second->header_signature = g_strdup ("semicolon:date|amount");
  second->account_id = fixture->account_ids[SAVINGS];
  second->last_used_at = g_strdup ("2021-01-01T00:00:00Z");
  g_assert_true (budg_import_profiles_save (database, second, &error));
  g_assert_no_error (error);
  g_assert_cmpint (second->id, !=, first_id);

  /* By name, in any case. */
  found = budg_import_profiles_find (database, "MY BANK", &error);
  g_assert_no_error (error);
  g_assert_cmpint (found->id, ==, first_id);
  g_assert_cmpstr (found->name, ==, "My Bank");
  g_assert_cmpstr (found->settings, ==, first->settings);
  g_assert_cmpstr (found->header_signature, ==, "semicolon:date|amount");
  g_assert_cmpint (found->account_id, ==, 0);
  g_clear_pointer (&found, budg_import_profile_free);

  g_assert_null (budg_import_profiles_find (database, "Nobody", &error));
  g_assert_error (error, BUDG_ERROR, BUDG_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* By signature: the one used last. */
  found = budg_import_profiles_find_by_signature (database, "semicolon:date|amount", &error);
  g_assert_no_error (error);
  g_assert_cmpint (found->id, ==, second->id);
  g_clear_pointer (&found, budg_import_profile_free);

  g_assert_true (budg_import_profiles_touch (database, first_id, fixture->account_ids[CHECKING], &error));
  g_assert_no_error (error);
  found = budg_import_profiles_find_by_signature (database, "semicolon:date|amount", &error);
  g_assert_no_error (error);
  g_assert_cmpint (found->id, ==, first_id);
  g_assert_cmpint (found->account_id, ==, fixture->account_ids[CHECKING]);
  g_assert_cmpstr (found->last_used_at, >, "2021-01-01T00:00:00Z");
  g_clear_pointer (&found, budg_import_profile_free);

  /* 0 keeps the account. */
  g_assert_true (budg_import_profiles_touch (database, first_id, 0, &error));
  found = budg_import_profiles_find (database, "my bank", &error);
  g_assert_cmpint (found->account_id, ==, fixture->account_ids[CHECKING]);
  g_clear_pointer (&found, budg_import_profile_free);

  g_assert_false (budg_import_profiles_touch (database, 9999, 0, &error));
  g_assert_error (error, BUDG_ERROR, BUDG_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_null (budg_import_profiles_find_by_signature (database, "comma:nothing", &error));
  g_assert_no_error (error);

  /* Saving under an existing name (another case) replaces it, same id. */
  g_free (first->name);
  first->name = g_strdup ("MY BANK");
  g_free (first->settings);
  first->settings = g_strdup ("[csv]\ndelimiter=tab\n");
  first->id = 0;
  g_assert_true (budg_import_profiles_save (database, first, &error));
  g_assert_no_error (error);
  g_assert_cmpint (first->id, ==, first_id);
  list = budg_import_profiles_list (database, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (((BudgImportProfile *) g_ptr_array_index (list, 0))->name, ==, "MY BANK");
  g_assert_cmpstr (((BudgImportProfile *) g_ptr_array_index (list, 0))->settings, ==, "[csv]\ndelimiter=tab\n");
  g_assert_cmpstr (((BudgImportProfile *) g_ptr_array_index (list, 1))->name, ==, "Other account, same bank");
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Refused: no name, no settings, an unknown account; nothing changes. */
  invalid->name = g_strdup ("  ");
  invalid->settings = g_strdup ("[csv]\n");
  g_assert_false (budg_import_profiles_save (database, invalid, &error));
  g_assert_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_free (invalid->name);
  invalid->name = g_strdup ("New");
  g_clear_pointer (&invalid->settings, g_free);
  g_assert_false (budg_import_profiles_save (database, invalid, &error));
  g_assert_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  invalid->settings = g_strdup ("[csv]\n");
  invalid->account_id = 9999;
  g_assert_false (budg_import_profiles_save (database, invalid, &error));
  g_assert_error (error, BUDG_ERROR, BUDG_ERROR_NOT_FOUND);
  g_clear_error (&error);
  list = budg_import_profiles_list (database, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Delete, then it is gone. */
  g_assert_true (budg_import_profiles_delete (database, "my bank", &error));
  g_assert_no_error (error);
  g_assert_false (budg_import_profiles_delete (database, "my bank", &error));
  g_assert_error (error, BUDG_ERROR, BUDG_ERROR_NOT_FOUND);
  g_clear_error (&error);
  list = budg_import_profiles_list (database, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (((BudgImportProfile *) g_ptr_array_index (list, 0))->id, ==, second->id);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/export/csv/all", Fixture, NULL, fixture_set_up, test_csv_all, fixture_tear_down);
  g_test_add ("/export/csv/account-range", Fixture, NULL, fixture_set_up, test_csv_account_range, fixture_tear_down);
  g_test_add ("/export/qif/round-trip", Fixture, NULL, fixture_set_up, test_qif_round_trip, fixture_tear_down);
  g_test_add ("/export/ofx/round-trip", Fixture, NULL, fixture_set_up, test_ofx_round_trip, fixture_tear_down);
  g_test_add ("/export/errors", Fixture, NULL, fixture_set_up, test_errors, fixture_tear_down);
  g_test_add_func ("/export/profile/settings", test_profile_settings);
  g_test_add_func ("/export/profile/signature", test_profile_signature);
  g_test_add ("/export/profile/store", Fixture, NULL, fixture_set_up, test_profile_store, fixture_tear_down);

  return g_test_run ();
}
