/* test-importer.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The import pipeline on real databases: accounts found or created,
 * de-duplication (exact, within the file, fuzzy), links to transactions
 * entered by hand and to paid due bills, rules, QIF transfers and splits,
 * statement balances, undo, and a cancelled or failed import leaving the
 * database exactly as it was.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "budg-context.h"
#include "budg-due-store.h"
#include "budg-error.h"
#include "budg-importer.h"
#include "budg-rule-store.h"

typedef struct
{
  char        *dir;
  BudgContext *context;
  gint64       checking;   /* EUR */
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

  account = budg_account_store_create (budg_context_get_accounts (fixture->context), "Checking",
                                       BUDG_ACCOUNT_KIND_CHECKING, "EUR", NULL, NULL, 0, &error);
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

static BudgDatabase *
database_of (Fixture *fixture)
{
  return budg_context_get_database (fixture->context);
}

static gint64
query_int (Fixture    *fixture,
           const char *sql)
{
  sqlite3 *db = budg_database_get_handle (database_of (fixture));
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

static char *
query_text (Fixture    *fixture,
            const char *sql)
{
  sqlite3 *db = budg_database_get_handle (database_of (fixture));
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  return value;
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* Every row of every table (and the schema), as text: two equal dumps are
 * the same database. With @skip_log, the audit log and the import history
 * are left out (undo writes to them by design). */
typedef enum
{
  DUMP_ALL,
  DUMP_NO_LOG,      /* without the audit log and the import history */
  DUMP_AFTER_UNDO,  /* also without the payees and categories an import
                     * made (they stay for completion) and zero totals */
} DumpKind;

static gboolean
dump_skips (DumpKind    kind,
            const char *name)
{
  if (kind == DUMP_ALL)
    return FALSE;
  if (strcmp (name, "audit_log") == 0 || strcmp (name, "import_batches") == 0 ||
      strcmp (name, "sqlite_sequence") == 0)
    return TRUE;

  return kind == DUMP_AFTER_UNDO && (strcmp (name, "payees") == 0 || strcmp (name, "categories") == 0);
}

static char *
dump (Fixture  *fixture,
      DumpKind  kind)
{
  sqlite3 *db = budg_database_get_handle (database_of (fixture));
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT type, name, ifnull(sql, '') FROM sqlite_master ORDER BY type, name",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *type = (const char *) sqlite3_column_text (stmt, 0);
      const char *name = (const char *) sqlite3_column_text (stmt, 1);

      if (dump_skips (kind, name))
        continue;
      g_string_append_printf (out, "%s %s %s\n", type, name, sqlite3_column_text (stmt, 2));
      if (strcmp (type, "table") == 0 && !g_str_has_prefix (name, "sqlite_"))
        g_ptr_array_add (tables, g_strdup (name));
    }
  sqlite3_finalize (stmt);

  /* Rows sorted as text: row order is not what makes two databases differ. */
  for (guint t = 0; t < tables->len; t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\"", (const char *) g_ptr_array_index (tables, t));
      g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          GString *line = g_string_new (g_ptr_array_index (tables, t));

          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              const char *text = (const char *) sqlite3_column_text (stmt, c);

              g_string_append_printf (line, " %s", text != NULL ? text : "∅");
            }
          if (kind == DUMP_AFTER_UNDO && g_str_has_suffix (g_ptr_array_index (tables, t), "_totals") &&
              g_str_has_suffix (line->str, " 0"))
            g_string_free (line, TRUE);
          else
            g_ptr_array_add (lines, g_string_free (line, FALSE));
        }
      sqlite3_finalize (stmt);

      g_ptr_array_sort (lines, compare_lines);
      for (guint i = 0; i < lines->len; i++)
        g_string_append_printf (out, "%s\n", (const char *) g_ptr_array_index (lines, i));
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static GBytes *
read_data_file (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_getenv ("BUDG_TEST_DATA"), "import", name, NULL);
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

/* Parses and plans @text (or @bytes), as the CLI does. */
static BudgImportPlan *
plan_bytes (Fixture           *fixture,
            GBytes            *bytes,
            BudgImportOptions *options,
            GError           **error)
{
  BudgImportResult *result;
  gsize length;
  const guint8 *data = g_bytes_get_data (bytes, &length);

  result = budg_importer_parse (data, length, options, error);
  if (result == NULL)
    return NULL;

  return budg_importer_plan (database_of (fixture), result, options, NULL, NULL, error);
}

static BudgImportPlan *
plan_text (Fixture          *fixture,
           const char       *text,
           BudgImportFormat  format,
           gint64            account_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BudgImportOptions) options = budg_import_options_new ();
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  BudgImportPlan *plan;

  options->format = format;
  options->account_id = account_id;
  options->currency = g_strdup ("EUR");
  plan = plan_bytes (fixture, bytes, options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (plan);

  return plan;
}

static BudgImportSummary
import_text (Fixture          *fixture,
             const char       *text,
             BudgImportFormat  format,
             gint64            account_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BudgImportPlan) plan = plan_text (fixture, text, format, account_id);
  BudgImportSummary summary = { 0 };

  g_assert_true (budg_importer_commit (database_of (fixture), plan, NULL, NULL, &summary, &error));
  g_assert_no_error (error);

  return summary;
}

/* ------------------------------------------------------------------ OFX */

static void
test_ofx_new_account_and_again (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = read_data_file ("ofxparse__bank_medium.ofx");
  g_autoptr(BudgImportOptions) options = budg_import_options_new ();
  g_autoptr(BudgImportPlan) plan = NULL;
  g_autoptr(BudgImportPlan) again = NULL;
  g_autofree char *name = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  BudgImportSummary summary = { 0 };
  const BudgImportTarget *target;
  gint64 account_id;

  options->filename = g_strdup ("bank_medium.ofx");
  plan = plan_bytes (fixture, bytes, options, &error);
  g_assert_no_error (error);

  /* No account with that number yet: a new one, in the statement's
   * currency, named after the number's last digits. */
  g_assert_cmpuint (budg_import_plan_get_n_targets (plan), ==, 1);
  target = budg_import_plan_get_target (plan, 0);
  g_assert_cmpint (target->account_id, ==, 0);
  g_assert_cmpstr (target->currency, ==, "CAD");
  g_assert_cmpstr (target->account_name, ==, "Account …5678");
  g_assert_cmpuint (target->n_new, ==, 3);

  g_assert_true (budg_importer_commit (database_of (fixture), plan, NULL, NULL, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.imported, ==, 3);
  g_assert_cmpuint (summary.created_accounts, ==, 1);
  g_assert_cmpint (summary.batch_id, >, 0);

  account_id = query_int (fixture, "SELECT id FROM accounts WHERE name = 'Account …5678'");
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM transactions WHERE account_id = "
                                        "(SELECT id FROM accounts WHERE currency = 'CAD')"), ==, 3);
  g_assert_cmpint (query_int (fixture, "SELECT sum(amount_minor) FROM transactions WHERE source = 'ofx'"), ==, -34527);
  name = query_text (fixture, "SELECT p.name FROM transactions t JOIN payees p ON p.id = t.payee_id"
                              " WHERE t.amount_minor = -660");
  g_assert_cmpstr (name, ==, "MCDONALD'S #112");
  /* The ledger balance became a balance snapshot. */
  g_assert_cmpint (query_int (fixture, "SELECT amount_minor FROM balance_snapshots WHERE date = '2009-05-23'"), ==, 38234);

  /* The same file again: the account is found by its number and every
   * row is a duplicate; nothing changes but the import history. */
  before = dump (fixture, DUMP_NO_LOG);
  again = plan_bytes (fixture, bytes, options, &error);
  g_assert_no_error (error);
  target = budg_import_plan_get_target (again, 0);
  g_assert_cmpint (target->account_id, ==, account_id);
  g_assert_cmpuint (budg_import_plan_count (again, BUDG_IMPORT_ITEM_DUPLICATE), ==, 3);
  g_assert_cmpuint (budg_import_plan_count_included (again), ==, 0);
  g_assert_true (budg_importer_commit (database_of (fixture), again, NULL, NULL, &summary, &error));
  g_assert_cmpuint (summary.imported, ==, 0);
  g_assert_cmpuint (summary.duplicates, ==, 3);
  after = dump (fixture, DUMP_NO_LOG);
  g_assert_cmpstr (before, ==, after);
}

static void
test_ofx_two_statements (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = read_data_file ("libofx__ofx-2.1.1-sect-16.5.3.2.ofx");
  g_autoptr(BudgImportOptions) options = budg_import_options_new ();
  g_autoptr(BudgImportPlan) plan = plan_bytes (fixture, bytes, options, &error);
  BudgImportSummary summary = { 0 };

  g_assert_no_error (error);
  g_assert_cmpuint (budg_import_plan_get_n_targets (plan), ==, 2);
  g_assert_true (budg_importer_commit (database_of (fixture), plan, NULL, NULL, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.created_accounts, ==, 2);
  g_assert_cmpuint (summary.imported, ==, 3);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM accounts WHERE kind = 'credit-card'"), ==, 1);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM transactions t JOIN accounts a ON a.id = t.account_id"
                                        " WHERE a.kind = 'credit-card'"), ==, 2);
  g_assert_cmpint (query_int (fixture, "SELECT amount_minor FROM balance_snapshots b JOIN accounts a"
                                        " ON a.id = b.account_id WHERE a.kind = 'credit-card'"), ==, -56200);
}

/* ------------------------------------------------------------------ CSV */

static const char csv_january[] =
  "Date,Description,Amount\n"
  "2026-01-05,Coffee Corner,-3.20\n"
  "2026-01-05,Coffee Corner,-3.20\n"
  "2026-01-07,Salary ACME,2500.00\n"
  "2026-01-09,Café Crème,-4.10\n";

/* January again with February after it: an overlapping statement. */
static const char csv_overlap[] =
  "Date,Description,Amount\n"
  "2026-01-05,Coffee Corner,-3.20\n"
  "2026-01-05,Coffee Corner,-3.20\n"
  "2026-01-07,Salary ACME,2500.00\n"
  "2026-01-09,Café Crème,-4.10\n"
  "2026-02-05,Coffee Corner,-3.20\n"
  "2026-02-07,Salary ACME,2500.00\n";

static void
test_csv_twice_and_overlap (Fixture       *fixture,
                            gconstpointer  data)
{
  BudgImportSummary summary;
  g_autofree char *first = NULL;

  summary = import_text (fixture, csv_january, BUDG_IMPORT_FORMAT_CSV, fixture->checking);
  /* Two identical coffees on one day are two transactions. */
  g_assert_cmpuint (summary.imported, ==, 4);
  g_assert_cmpuint (summary.duplicates, ==, 0);

  first = dump (fixture, DUMP_NO_LOG);
  summary = import_text (fixture, csv_january, BUDG_IMPORT_FORMAT_CSV, fixture->checking);
  g_assert_cmpuint (summary.imported, ==, 0);
  g_assert_cmpuint (summary.duplicates, ==, 4);
  {
    g_autofree char *second = dump (fixture, DUMP_NO_LOG);

    g_assert_cmpstr (first, ==, second);
  }

  summary = import_text (fixture, csv_overlap, BUDG_IMPORT_FORMAT_CSV, fixture->checking);
  g_assert_cmpuint (summary.imported, ==, 2);
  g_assert_cmpuint (summary.duplicates, ==, 4);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM transactions"), ==, 6);
  g_assert_cmpint (query_int (fixture, "SELECT sum(amount_minor) FROM transactions"), ==, 500000 - 640 - 410 - 320);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM transactions WHERE imported_payee = 'Café Crème'"), ==, 1);
}

/* ------------------------------------------------------------ matching */

static gint64
add_manual (Fixture    *fixture,
            const char *date,
            gint64      amount,
            const char *payee)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BudgTransaction) transaction = budg_transaction_new (fixture->checking, date, amount);

  budg_transaction_set_payee (transaction, payee);
  g_assert_true (budg_transaction_store_add (budg_context_get_transactions (fixture->context), transaction, &error));
  g_assert_no_error (error);

  return budg_transaction_get_id (transaction);
}

static void
test_match_manual_and_possible (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BudgImportPlan) plan = NULL;
  g_autofree char *status = NULL;
  g_autofree char *before = NULL;
  g_autofree char *undo_before = NULL;
  g_autofree char *after = NULL;
  BudgImportSummary summary = { 0 };
  gint64 manual;
  gint64 far;
  gint64 rows_before;

  /* Entered by hand two days before the bank booked it, under another
   * name; and one too far away to be the same. */
  manual = add_manual (fixture, "2026-03-02", -5000, "Electricity");
  far = add_manual (fixture, "2026-03-20", -1999, "Phone");

  /* Something imported earlier from another source (another export). */
  import_text (fixture, "Date,Description,Amount,Id\n2026-03-10,TESCO STORES 2231,-42.17,T1\n",
               BUDG_IMPORT_FORMAT_CSV, fixture->checking);
  rows_before = query_int (fixture, "SELECT count(*) FROM transactions");
  before = dump (fixture, DUMP_NO_LOG);
  undo_before = dump (fixture, DUMP_AFTER_UNDO);

  plan = plan_text (fixture,
                    "!Type:Bank\n"
                    "D2026-03-04\nT-50.00\nPPG&E AUTOPAY 991\n^\n"
                    "D2026-03-11\nT-42.17\nPTesco Stores\n^\n"
                    "D2026-03-12\nT-42.17\nPShell Garage\n^\n"
                    "D2026-03-12\nT-19.99\nPPhone Co\n^\n",
                    BUDG_IMPORT_FORMAT_QIF, fixture->checking);

  g_assert_cmpint (budg_import_plan_get_item (plan, 0)->kind, ==, BUDG_IMPORT_ITEM_MATCH);
  g_assert_cmpint (budg_import_plan_get_item (plan, 0)->existing_id, ==, manual);
  g_assert_true (budg_import_plan_get_item (plan, 0)->include);
  /* Same amount a day off with a similar payee: possible, unticked. */
  g_assert_cmpint (budg_import_plan_get_item (plan, 1)->kind, ==, BUDG_IMPORT_ITEM_POSSIBLE_DUPLICATE);
  g_assert_false (budg_import_plan_get_item (plan, 1)->include);
  /* Same amount, unrelated payee: new. */
  g_assert_cmpint (budg_import_plan_get_item (plan, 2)->kind, ==, BUDG_IMPORT_ITEM_NEW);
  /* Eight days from the manual row: new, the manual row stays alone. */
  g_assert_cmpint (budg_import_plan_get_item (plan, 3)->kind, ==, BUDG_IMPORT_ITEM_NEW);

  /* Nothing was written by planning. */
  after = dump (fixture, DUMP_NO_LOG);
  g_assert_cmpstr (before, ==, after);

  g_assert_true (budg_importer_commit (database_of (fixture), plan, NULL, NULL, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.linked, ==, 1);
  g_assert_cmpuint (summary.imported, ==, 2);
  g_assert_cmpuint (summary.possible_duplicates, ==, 1);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM transactions"), ==, rows_before + 2);

  /* The manual row now carries the bank's id and is cleared. */
  status = query_text (fixture, "SELECT status FROM transactions WHERE source = 'qif' AND amount_minor = -5000");
  g_assert_cmpstr (status, ==, "cleared");
  g_assert_cmpint (query_int (fixture, "SELECT id FROM transactions WHERE source = 'qif' AND amount_minor = -5000"), ==, manual);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT source IS NULL AND external_id IS NULL FROM transactions"
                                            " WHERE id = %" G_GINT64_FORMAT, far);

    g_assert_cmpint (query_int (fixture, sql), ==, 1);
  }

  /* Undo: the two new rows go, the manual one is as it was. */
  g_assert_true (budg_importer_undo (database_of (fixture), summary.batch_id, &error));
  g_assert_no_error (error);
  g_clear_pointer (&after, g_free);
  after = dump (fixture, DUMP_AFTER_UNDO);
  g_assert_cmpstr (undo_before, ==, after);

  /* Undoing twice says so. */
  g_assert_false (budg_importer_undo (database_of (fixture), summary.batch_id, &error));
  g_assert_error (error, BUDG_ERROR, BUDG_ERROR_NOT_FOUND);
}

static void
test_match_paid_due_bill (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BudgBill) bill = budg_bill_new ("Rent", fixture->checking, 90000, "FREQ=MONTHLY", "2026-04-01");
  g_autoptr(GPtrArray) dues = NULL;
  g_autoptr(BudgImportPlan) plan = NULL;
  BudgDueStore *store = budg_context_get_dues (fixture->context);
  BudgDueBill *due = NULL;
  gint64 paid;

  g_assert_nonnull (budg_bill_store_create (budg_context_get_bills (fixture->context), bill, &error));
  g_assert_no_error (error);
  dues = budg_due_store_list (store, "2026-04-01", "2026-04-30", 0, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dues->len, >=, 1);
  due = g_ptr_array_index (dues, 0);
  paid = budg_due_store_pay (store, due, "2026-04-01", FALSE, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (paid, >, 0);

  plan = plan_text (fixture, "Date,Payee,Amount\n2026-04-02,LANDLORD SEPA DD,-900.00\n",
                    BUDG_IMPORT_FORMAT_CSV, fixture->checking);
  g_assert_cmpint (budg_import_plan_get_item (plan, 0)->kind, ==, BUDG_IMPORT_ITEM_MATCH);
  g_assert_cmpint (budg_import_plan_get_item (plan, 0)->existing_id, ==, paid);
}

/* ---------------------------------------------------------------- rules */

static void
test_rules_on_import (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BudgRuleStore) rules = budg_rule_store_new (database_of (fixture));
  g_autoptr(BudgRule) rule = budg_rule_new ();
  g_autoptr(BudgImportPlan) plan = NULL;
  g_autofree char *payee = NULL;
  g_autofree char *category = NULL;
  BudgCategory *shopping;
  BudgImportSummary summary = { 0 };

  shopping = budg_category_store_create_path (budg_context_get_categories (fixture->context), "Shopping", FALSE, &error);
  g_assert_no_error (error);

  rule->name = g_strdup ("Amazon");
  rule->enabled = TRUE;
  rule->payee_op = BUDG_RULE_TEXT_STARTS_WITH;
  rule->payee_value = g_strdup ("amzn mktp");
  rule->set_payee = g_strdup ("Amazon");
  rule->set_category_id = budg_category_get_id (shopping);
  g_assert_true (budg_rule_store_add (rules, rule, &error));
  g_assert_no_error (error);

  plan = plan_text (fixture,
                    "!Type:Bank\n"
                    "D2026-05-01\nT-12.99\nPAMZN MKTP US*2K4\n^\n"
                    "D2026-05-02\nT-30.00\nPAMZN MKTP US*9ZZ\nLBooks\n^\n"
                    "D2026-05-03\nT-5.00\nPCorner Shop\n^\n",
                    BUDG_IMPORT_FORMAT_QIF, fixture->checking);
  g_assert_cmpstr (budg_import_plan_get_item (plan, 0)->payee, ==, "Amazon");
  g_assert_cmpstr (budg_import_plan_get_item (plan, 0)->category_path, ==, "Shopping");
  /* The file's own category wins over the rule's; the rename still applies. */
  g_assert_cmpstr (budg_import_plan_get_item (plan, 1)->payee, ==, "Amazon");
  g_assert_cmpstr (budg_import_plan_get_item (plan, 1)->category_path, ==, "Books");
  g_assert_cmpstr (budg_import_plan_get_item (plan, 2)->payee, ==, "Corner Shop");
  g_assert_null (budg_import_plan_get_item (plan, 2)->category_path);

  g_assert_true (budg_importer_commit (database_of (fixture), plan, NULL, NULL, &summary, &error));
  g_assert_no_error (error);

  payee = query_text (fixture, "SELECT p.name FROM transactions t JOIN payees p ON p.id = t.payee_id"
                               " WHERE t.amount_minor = -1299");
  g_assert_cmpstr (payee, ==, "Amazon");
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM transactions WHERE imported_payee = 'AMZN MKTP US*2K4'"), ==, 1);
  /* The file's category was created. */
  category = query_text (fixture, "SELECT c.name FROM transactions t JOIN categories c ON c.id = t.category_id"
                                  " WHERE t.amount_minor = -3000");
  g_assert_cmpstr (category, ==, "Books");
}

/* ----------------------------------------------------- transfers, splits */

static const char qif_two_accounts[] =
  "!Account\nNHousehold\nTBank\n^\n"
  "!Type:Bank\n"
  "D2026-06-01\nT-200.00\nPTo savings\nL[Rainy Day]\n^\n"
  "D2026-06-02\nT-80.00\nPHypermarket\nSFood:Groceries\n$-60.00\nSHome\n$-20.00\n^\n"
  "!Account\nNRainy Day\nTBank\n^\n"
  "!Type:Bank\n"
  "D2026-06-01\nT200.00\nPFrom checking\nL[Household]\n^\n";

static void
test_qif_transfer_and_splits (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(BudgImportPlan) plan = plan_text (fixture, qif_two_accounts, BUDG_IMPORT_FORMAT_QIF, 0);
  g_autoptr(GError) error = NULL;
  BudgImportSummary summary = { 0 };
  gint64 out_id;
  gint64 in_id;

  g_assert_cmpuint (budg_import_plan_get_n_targets (plan), ==, 2);
  g_assert_cmpuint (budg_import_plan_get_item (plan, 0)->transfer_item, ==, 3);
  g_assert_cmpuint (budg_import_plan_get_item (plan, 2)->transfer_item, ==, 1);

  g_assert_true (budg_importer_commit (database_of (fixture), plan, NULL, NULL, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.created_accounts, ==, 2);

  out_id = query_int (fixture, "SELECT id FROM transactions WHERE amount_minor = -20000");
  in_id = query_int (fixture, "SELECT id FROM transactions WHERE amount_minor = 20000");
  g_assert_cmpint (query_int (fixture, "SELECT transfer_id FROM transactions WHERE amount_minor = -20000"), ==, in_id);
  g_assert_cmpint (query_int (fixture, "SELECT transfer_id FROM transactions WHERE amount_minor = 20000"), ==, out_id);

  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM splits s JOIN transactions t ON t.id = s.transaction_id"
                                        " WHERE t.amount_minor = -8000"), ==, 2);
  g_assert_cmpint (query_int (fixture, "SELECT sum(s.amount_minor) FROM splits s"), ==, -8000);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM categories c JOIN categories p ON p.id = c.parent_id"
                                        " WHERE p.name = 'Food' AND c.name = 'Groceries'"), ==, 1);
  /* The running balance checkpoints follow. */
  g_assert_cmpint (query_int (fixture, "SELECT sum(total_minor) FROM account_day_totals"), ==, -8000);
}

/* A CSV as Budg's own export writes it: several accounts by name, and
 * transfers as "[Account]" categories. */
static const char csv_two_accounts[] =
  "Date,Account,Payee,Category,Memo,Amount,Currency,Id\n"
  "2026-07-01,Everyday,Landlord,Home:Rent,,-700.00,EUR,budg-1\n"
  "2026-07-02,Everyday,To savings,[Nest Egg],,-150.00,EUR,budg-2\n"
  "2026-07-02,Nest Egg,From everyday,[Everyday],,150.00,EUR,budg-3\n";

static void
test_csv_accounts_and_transfers (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(BudgImportPlan) plan = plan_text (fixture, csv_two_accounts, BUDG_IMPORT_FORMAT_CSV, 0);
  g_autoptr(BudgImportPlan) again = NULL;
  g_autoptr(GError) error = NULL;
  BudgImportSummary summary = { 0 };

  g_assert_cmpuint (budg_import_plan_get_n_targets (plan), ==, 2);
  g_assert_cmpstr (budg_import_plan_get_target (plan, 0)->account_name, ==, "Everyday");
  g_assert_cmpstr (budg_import_plan_get_target (plan, 1)->account_name, ==, "Nest Egg");
  g_assert_cmpuint (budg_import_plan_get_item (plan, 1)->transfer_item, ==, 3);
  g_assert_null (budg_import_plan_get_item (plan, 1)->category_path);

  g_assert_true (budg_importer_commit (database_of (fixture), plan, NULL, NULL, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM transactions WHERE transfer_id IS NOT NULL"), ==, 2);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM categories WHERE name LIKE '[%'"), ==, 0);

  /* The accounts are found by name the second time. */
  again = plan_text (fixture, csv_two_accounts, BUDG_IMPORT_FORMAT_CSV, 0);
  g_assert_cmpint (budg_import_plan_get_target (again, 0)->account_id, !=, 0);
  g_assert_cmpint (budg_import_plan_get_target (again, 1)->account_id, !=, 0);
  g_assert_cmpuint (budg_import_plan_count_included (again), ==, 0);
}

/* A QIF transfer to an account that is only in the database: its other
 * side is written there, or linked when the account already has it. */
static void
test_transfer_to_account_outside_file (Fixture       *fixture,
                                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BudgImportPlan) plan = NULL;
  BudgImportSummary summary = { 0 };
  BudgAccount *savings;
  gint64 existing;
  g_autofree char *sql = NULL;

  savings = budg_account_store_create (budg_context_get_accounts (fixture->context), "Savings",
                                       BUDG_ACCOUNT_KIND_SAVINGS, "EUR", NULL, NULL, 0, &error);
  g_assert_no_error (error);

  /* Savings already shows the second transfer, entered by hand. */
  {
    g_autoptr(BudgTransaction) transaction = budg_transaction_new (budg_account_get_id (savings), "2026-08-06", 2500);

    g_assert_true (budg_transaction_store_add (budg_context_get_transactions (fixture->context), transaction, &error));
    g_assert_no_error (error);
    existing = budg_transaction_get_id (transaction);
  }

  plan = plan_text (fixture,
                    "!Type:Bank\n"
                    "D2026-08-01\nT-100.00\nPMove\nL[Savings]\n^\n"
                    "D2026-08-05\nT-25.00\nPMove again\nL[Savings]\n^\n",
                    BUDG_IMPORT_FORMAT_QIF, fixture->checking);
  g_assert_cmpint (budg_import_plan_get_item (plan, 0)->transfer_account_id, ==, budg_account_get_id (savings));
  g_assert_cmpint (budg_import_plan_get_item (plan, 0)->transfer_existing_id, ==, 0);
  g_assert_cmpint (budg_import_plan_get_item (plan, 1)->transfer_existing_id, ==, existing);

  g_assert_true (budg_importer_commit (database_of (fixture), plan, NULL, NULL, &summary, &error));
  g_assert_no_error (error);

  sql = g_strdup_printf ("SELECT count(*) FROM transactions WHERE account_id = %" G_GINT64_FORMAT,
                         budg_account_get_id (savings));
  g_assert_cmpint (query_int (fixture, sql), ==, 2);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM transactions a JOIN transactions b"
                                        " ON b.id = a.transfer_id AND a.id = b.transfer_id"
                                        " WHERE a.amount_minor = -b.amount_minor"), ==, 4);

  /* Undo: the written side goes, the linked one stays, unlinked. */
  g_assert_true (budg_importer_undo (database_of (fixture), summary.batch_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (fixture, sql), ==, 1);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM transactions WHERE transfer_id IS NOT NULL"), ==, 0);
}

/* ------------------------------------------------- cancel, fail, bulk */

static GString *
big_csv (guint n_rows,
         guint seed)
{
  GString *csv = g_string_new ("Date,Description,Amount,Category\n");
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  static const char * const payees[] = { "Grocer", "Café", "Fuel Stop", "Bookshop", "Cinema" };

  for (guint i = 0; i < n_rows; i++)
    g_string_append_printf (csv, "2025-%02u-%02u,%s %u,%s%u.%02u,%s\n",
                            g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29),
                            payees[i % G_N_ELEMENTS (payees)], g_rand_int_range (rand, 1, 40),
                            i % 7 == 0 ? "" : "-", g_rand_int_range (rand, 1, 300), g_rand_int_range (rand, 0, 100),
                            i % 3 == 0 ? "Food:Groceries" : "");

  return csv;
}

static void
test_cancel_and_failure_leave_database (Fixture       *fixture,
                                        gconstpointer  data)
{
  g_autoptr(GString) csv = big_csv (6000, 7);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3 *db = budg_database_get_handle (database_of (fixture));

  add_manual (fixture, "2025-03-03", -1234, "Someone");
  before = dump (fixture, DUMP_ALL);

  /* Cancelled: nothing. */
  {
    g_autoptr(BudgImportPlan) plan = plan_text (fixture, csv->str, BUDG_IMPORT_FORMAT_CSV, fixture->checking);

    g_cancellable_cancel (cancellable);
    g_assert_false (budg_importer_commit (database_of (fixture), plan, cancellable, NULL, NULL, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_clear_error (&error);
    after = dump (fixture, DUMP_ALL);
    g_assert_cmpstr (before, ==, after);
    g_clear_pointer (&after, g_free);
    /* Its new accounts were given back their "new" state. */
    g_assert_cmpint (budg_import_plan_get_target (plan, 0)->account_id, ==, fixture->checking);
  }

  /* A failure in the middle (a full disk, say), in the bulk path and in the
   * small one: nothing either. */
  g_assert_cmpint (sqlite3_exec (db, "CREATE TEMP TRIGGER fail AFTER INSERT ON main.transactions"
                                     " WHEN (SELECT count(*) FROM main.transactions) > 3000"
                                     " BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  for (guint pass = 0; pass < 2; pass++)
    {
      g_autoptr(GString) text = pass == 0 ? big_csv (6000, 8) : big_csv (4000, 9);
      g_autoptr(BudgImportPlan) plan = NULL;

      plan = plan_text (fixture, text->str, BUDG_IMPORT_FORMAT_CSV, 0);
      g_assert_false (budg_importer_commit (database_of (fixture), plan, NULL, NULL, NULL, &error));
      g_assert_nonnull (error);
      g_clear_error (&error);
      after = dump (fixture, DUMP_ALL);
      g_assert_cmpstr (before, ==, after);
      g_clear_pointer (&after, g_free);
      g_assert_cmpint (budg_import_plan_get_target (plan, 0)->account_id, ==, 0);
    }
  g_assert_cmpint (sqlite3_exec (db, "DROP TRIGGER temp.fail", NULL, NULL, NULL), ==, SQLITE_OK);
}

static void
test_bulk_keeps_aggregates (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GString) csv = big_csv (7000, 11);
  g_autofree char *triggers_before = NULL;
  g_autofree char *triggers_after = NULL;
  BudgImportSummary summary;

  add_manual (fixture, "2025-02-02", -777, "Before");
  triggers_before = query_text (fixture, "SELECT group_concat(name) FROM (SELECT name FROM sqlite_master"
                                         " WHERE type = 'trigger' ORDER BY name)");

  summary = import_text (fixture, csv->str, BUDG_IMPORT_FORMAT_CSV, fixture->checking);
  g_assert_cmpuint (summary.imported, ==, 7000);

  /* The triggers are back, and the tables they keep agree with the rows. */
  triggers_after = query_text (fixture, "SELECT group_concat(name) FROM (SELECT name FROM sqlite_master"
                                        " WHERE type = 'trigger' ORDER BY name)");
  g_assert_cmpstr (triggers_before, ==, triggers_after);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM (SELECT account_id, date, sum(amount_minor) AS s"
                                        " FROM transactions GROUP BY 1, 2) t LEFT JOIN account_day_totals d"
                                        " ON d.account_id = t.account_id AND d.day = t.date"
                                        " WHERE d.total_minor IS NOT t.s"), ==, 0);
  g_assert_cmpint (query_int (fixture, "SELECT sum(total_minor) FROM category_month_totals"), ==,
                   query_int (fixture, "SELECT sum(amount_minor) FROM transactions"));

  /* After the bulk import the triggers work again for a single change. */
  add_manual (fixture, "2025-02-02", -1000, "After");
  g_assert_cmpint (query_int (fixture, "SELECT total_minor FROM account_day_totals WHERE day = '2025-02-02'"), ==,
                   query_int (fixture, "SELECT sum(amount_minor) FROM transactions WHERE date = '2025-02-02'"));

  /* Undone in bulk too: the two hand-entered rows stay, the totals agree,
   * and the triggers are back. */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *triggers_undone = NULL;

    g_assert_true (budg_importer_undo (database_of (fixture), summary.batch_id, &error));
    g_assert_no_error (error);
    g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM transactions"), ==, 2);
    g_assert_cmpint (query_int (fixture, "SELECT sum(total_minor) FROM account_day_totals"), ==, -1777);
    g_assert_cmpint (query_int (fixture, "SELECT sum(total_minor) FROM category_month_totals"), ==, -1777);
    triggers_undone = query_text (fixture, "SELECT group_concat(name) FROM (SELECT name FROM sqlite_master"
                                           " WHERE type = 'trigger' ORDER BY name)");
    g_assert_cmpstr (triggers_before, ==, triggers_undone);
  }
}

/* -------------------------------------------------------------- corpus */

/* Every real statement file: either an error and no change, or every row
 * imported once and nothing the second time. */
static void
test_corpus_files (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *dir_path = g_build_filename (g_getenv ("BUDG_TEST_DATA"), "import", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  guint n_imported_files = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (!g_str_has_suffix (name, ".md"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);

  for (guint i = 0; i < names->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(BudgImportOptions) options = budg_import_options_new ();
      g_autoptr(BudgImportPlan) plan = NULL;
      g_autoptr(BudgImportPlan) again = NULL;
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      BudgImportSummary summary = { 0 };
      guint n_rows;

      name = g_ptr_array_index (names, i);
      g_test_message ("importing %s", name);
      bytes = read_data_file (name);
      options->filename = g_strdup (name);
      options->currency = g_strdup ("EUR");
      before = dump (fixture, DUMP_ALL);

      plan = plan_bytes (fixture, bytes, options, &error);
      if (plan == NULL)
        {
          g_test_message ("%s: %s", name, error->message);
          g_assert_nonnull (error);
          g_assert_cmpstr (error->message, !=, "");
          after = dump (fixture, DUMP_ALL);
          g_assert_cmpstr (before, ==, after);
          continue;
        }

      n_rows = budg_import_plan_get_n_items (plan);
      g_assert_true (budg_importer_commit (database_of (fixture), plan, NULL, NULL, &summary, &error));
      g_assert_no_error (error);
      /* Every row is accounted for: written, or a duplicate within the
       * file (a bank repeating an id). */
      g_assert_cmpuint (summary.imported + summary.linked + summary.duplicates + summary.possible_duplicates, ==, n_rows);
      n_imported_files++;

      g_clear_pointer (&before, g_free);
      before = dump (fixture, DUMP_NO_LOG);
      again = plan_bytes (fixture, bytes, options, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (budg_import_plan_count_included (again), ==, 0);
      g_assert_true (budg_importer_commit (database_of (fixture), again, NULL, NULL, &summary, &error));
      g_assert_cmpuint (summary.imported, ==, 0);
      after = dump (fixture, DUMP_NO_LOG);
      g_assert_cmpstr (before, ==, after);
    }

  g_assert_cmpuint (n_imported_files, >=, 25);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/importer/ofx/new-account-and-again", test_ofx_new_account_and_again);
  ADD ("/importer/ofx/two-statements", test_ofx_two_statements);
  ADD ("/importer/csv/twice-and-overlap", test_csv_twice_and_overlap);
  ADD ("/importer/match/manual-and-possible", test_match_manual_and_possible);
  ADD ("/importer/match/paid-due-bill", test_match_paid_due_bill);
  ADD ("/importer/rules", test_rules_on_import);
  ADD ("/importer/qif/transfer-and-splits", test_qif_transfer_and_splits);
  ADD ("/importer/csv/accounts-and-transfers", test_csv_accounts_and_transfers);
  ADD ("/importer/transfer-outside-file", test_transfer_to_account_outside_file);
  ADD ("/importer/cancel-and-failure", test_cancel_and_failure_leave_database);
  ADD ("/importer/bulk-keeps-aggregates", test_bulk_keeps_aggregates);
  ADD ("/importer/corpus", test_corpus_files);
#undef ADD

  return g_test_run ();
}
