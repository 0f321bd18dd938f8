/* test-demo.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "budg-demo.h"
#include "budg-error.h"

static char *
make_path (const char *dir,
           const char *name)
{
  return g_build_filename (dir, name, NULL);
}

static gint64
query_int64 (BudgContext *context,
             const char  *sql)
{
  sqlite3 *handle = budg_database_get_handle (budg_context_get_database (context));
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

/* A digest of every generated row, to compare two runs. */
static char *
digest_transactions (BudgContext *context)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  sqlite3 *handle = budg_database_get_handle (budg_context_get_database (context));
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (handle,
                                       "SELECT id, account_id, date, amount_minor, payee_id, category_id, status"
                                       " FROM transactions ORDER BY id", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    for (int i = 0; i < 7; i++)
      {
        const char *text = (const char *) sqlite3_column_text (stmt, i);

        g_checksum_update (checksum, (const guchar *) (text != NULL ? text : "-"), -1);
        g_checksum_update (checksum, (const guchar *) "|", 1);
      }
  sqlite3_finalize (stmt);

  return g_strdup (g_checksum_get_string (checksum));
}

static BudgContext *
generate (const char *dir,
          const char *name,
          guint       n,
          guint32     seed)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = make_path (dir, name);
  BudgContext *context = budg_context_new (path, &error);

  g_assert_no_error (error);
  g_assert_true (budg_demo_generate (context, n, seed, "2026-06-30", &error));
  g_assert_no_error (error);

  return context;
}

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_unlink (child);
    }
  g_rmdir (path);
}

static void
test_demo_is_deterministic_and_realistic (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("budg-demo-XXXXXX", &error);
  g_autoptr(BudgContext) first = generate (dir, "a.db", 5000, 7);
  g_autoptr(BudgContext) second = generate (dir, "b.db", 5000, 7);
  g_autoptr(BudgContext) other = generate (dir, "c.db", 5000, 8);
  g_autofree char *digest_first = digest_transactions (first);
  g_autofree char *digest_second = digest_transactions (second);
  g_autofree char *digest_other = digest_transactions (other);

  g_assert_cmpstr (digest_first, ==, digest_second);
  g_assert_cmpstr (digest_first, !=, digest_other);

  g_assert_cmpint (query_int64 (first, "SELECT count(*) FROM transactions"), ==, 5000);
  g_assert_cmpint (query_int64 (first, "SELECT count(*) FROM accounts"), ==, 5);
  g_assert_cmpint (query_int64 (first, "SELECT count(*) FROM accounts WHERE currency = 'EUR'"), ==, 1);
  g_assert_cmpint (query_int64 (first, "SELECT count(*) FROM categories WHERE parent_id IS NOT NULL"), >=, 50);
  g_assert_cmpint (query_int64 (first, "SELECT count(*) FROM categories"), <=, 70);
  g_assert_cmpint (query_int64 (first, "SELECT count(*) FROM payees"), >=, 2000);
  g_assert_cmpint (query_int64 (first, "SELECT count(*) FROM bills"), ==, 12);
  g_assert_cmpint (query_int64 (first, "SELECT max(date) = '2026-06-30' FROM transactions"), ==, 1);

  /* Biweekly salary, monthly rent, weekly groceries. */
  g_assert_cmpint (query_int64 (first,
                                "SELECT count(*) FROM (SELECT julianday(t.date) - lag(julianday(t.date))"
                                " OVER (ORDER BY t.date) AS gap FROM transactions t JOIN payees p ON p.id = t.payee_id"
                                " WHERE p.name = 'Acme Corporation Payroll' AND t.account_id = 1) WHERE gap != 14"), ==, 0);
  g_assert_cmpint (query_int64 (first,
                                "SELECT count(*) FROM transactions t JOIN payees p ON p.id = t.payee_id"
                                " WHERE p.name = 'Acme Corporation Payroll' AND t.account_id = 1"), >=, 8);
  g_assert_cmpint (query_int64 (first,
                                "SELECT count(*) FROM transactions t JOIN payees p ON p.id = t.payee_id"
                                " WHERE p.name = 'Maple Street Apartments' AND substr(t.date, 9) != '01'"), ==, 0);
  g_assert_cmpint (query_int64 (first,
                                "SELECT count(*) FROM transactions t JOIN payees p ON p.id = t.payee_id"
                                " WHERE p.name = 'FreshMart Supermarket' AND t.account_id = 1"
                                " AND strftime('%w', t.date) != '6'"), ==, 0);

  /* Every statement balance agrees with the transactions since the opening. */
  g_assert_cmpint (query_int64 (first,
                                "SELECT count(*) FROM balance_snapshots s WHERE s.amount_minor !="
                                " (SELECT o.amount_minor FROM balance_snapshots o WHERE o.account_id = s.account_id"
                                "  ORDER BY o.date LIMIT 1)"
                                " + (SELECT ifnull(sum(t.amount_minor), 0) FROM transactions t"
                                "    WHERE t.account_id = s.account_id AND t.date <= s.date)"), ==, 0);

  /* The audit log holds one summary, and auditing works afterwards. */
  g_assert_cmpint (query_int64 (first, "SELECT count(*) FROM audit_log"), ==, 1);
  g_assert_true (budg_database_exec (budg_context_get_database (first),
                                     "UPDATE accounts SET name = 'Renamed' WHERE id = 1", &error));
  g_assert_cmpint (query_int64 (first, "SELECT count(*) FROM audit_log"), ==, 2);

  /* The store saw the change: five accounts with balances. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (budg_context_get_accounts (first))), ==, 5);

  g_clear_object (&first);
  g_clear_object (&second);
  g_clear_object (&other);
  remove_dir (dir);
}

static void
test_demo_refuses_a_used_database (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("budg-demo-XXXXXX", &error);
  g_autoptr(BudgContext) context = generate (dir, "a.db", 500, 1);

  g_assert_false (budg_demo_generate (context, 500, 1, NULL, &error));
  g_assert_error (error, BUDG_ERROR, BUDG_ERROR_IN_USE);
  g_assert_cmpint (query_int64 (context, "SELECT count(*) FROM transactions"), ==, 500);

  g_clear_object (&context);
  remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/demo/deterministic-and-realistic", test_demo_is_deterministic_and_realistic);
  g_test_add_func ("/demo/refuses-a-used-database", test_demo_refuses_a_used_database);

  return g_test_run ();
}
