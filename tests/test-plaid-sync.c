/* test-plaid-sync.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The bank sync against a scripted local Plaid (tests/plaid-mock.c):
 * pages, the restart on a mutation during pagination from the cursor the
 * sync began with, modified and removed rows, pending → posted,
 * de-duplication and rules as for a file, balances; every documented
 * error at its status with its retry or no-retry reaction; malformed and
 * truncated answers, a timeout, a dropped connection — each leaving the
 * database as it was; fields and values Plaid may add one day; and the
 * link flow (waiting → finished → exchange).
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "budg-account-store.h"
#include "budg-account.h"
#include "budg-context.h"
#include "budg-error.h"
#include "budg-plaid-link.h"
#include "budg-plaid-store.h"
#include "budg-plaid-sync.h"
#include "budg-rule-store.h"
#include "plaid-mock.h"

#define ITEM "item-1"
#define ACCOUNT "acc-checking"
#define TOKEN "access-sandbox-0f0f0f0f-never-stored"
#define SECRET "s3cr3t-never-stored-0123456789"

typedef struct
{
  char            *dir;
  BudgContext     *context;
  PlaidMock       *mock;
  BudgPlaidClient *client;
  gint64           checking;
} Fixture;

static BudgDatabase *
database_of (Fixture *fixture)
{
  return budg_context_get_database (fixture->context);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) accounts = g_ptr_array_new_with_free_func ((GDestroyNotify) budg_plaid_account_free);
  g_autoptr(GHashTable) mapping = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  BudgPlaidAccount *account = g_new0 (BudgPlaidAccount, 1);
  BudgAccount *checking;

  fixture->dir = g_dir_make_tmp ("budg-test-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "budg.db", NULL);
  fixture->context = budg_context_new (path, &error);
  g_assert_no_error (error);

  checking = budg_account_store_create (budg_context_get_accounts (fixture->context), "Checking",
                                        BUDG_ACCOUNT_KIND_CHECKING, "USD", NULL, NULL, 0, &error);
  g_assert_no_error (error);
  fixture->checking = budg_account_get_id (checking);

  account->account_id = g_strdup (ACCOUNT);
  account->name = g_strdup ("Plaid Checking");
  account->mask = g_strdup ("0000");
  account->type = g_strdup ("depository");
  g_ptr_array_add (accounts, account);
  g_hash_table_insert (mapping, (gpointer) ACCOUNT, g_strdup_printf ("%" G_GINT64_FORMAT, fixture->checking));
  budg_plaid_store_add_item (database_of (fixture), ITEM, BUDG_PLAID_SANDBOX, "Plaid Bank", accounts, mapping,
                             &error);
  g_assert_no_error (error);

  fixture->mock = plaid_mock_new ();
  g_setenv ("BUDG_PLAID_BASE_URL", plaid_mock_get_url (fixture->mock), TRUE);
  fixture->client = budg_plaid_client_new (BUDG_PLAID_SANDBOX, "client-1234", SECRET);
  budg_plaid_client_set_timeout (fixture->client, 2);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  g_clear_object (&fixture->client);
  plaid_mock_free (fixture->mock);
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

/* Every row of every table but the connection's own state (which a failed
 * sync updates on purpose), as sorted text. */
static char *
dump (Fixture *fixture)
{
  sqlite3 *db = budg_database_get_handle (database_of (fixture));
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_master WHERE type = 'table'"
                                       " AND name NOT LIKE 'sqlite_%' AND name <> 'plaid_items' ORDER BY name",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);

  for (guint t = 0; t < tables->len; t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY 1",
                                              (const char *) g_ptr_array_index (tables, t));

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          g_string_append (out, g_ptr_array_index (tables, t));
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              const char *text = (const char *) sqlite3_column_text (stmt, c);

              g_string_append_printf (out, " %s", text != NULL ? text : "∅");
            }
          g_string_append_c (out, '\n');
        }
      sqlite3_finalize (stmt);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
cursor_of (Fixture *fixture)
{
  return query_text (fixture, "SELECT cursor FROM plaid_items WHERE item_id = 'item-1'");
}

static char *
state_of (Fixture *fixture)
{
  return query_text (fixture, "SELECT state FROM plaid_items WHERE item_id = 'item-1'");
}

static gboolean
sync_now (Fixture               *fixture,
          BudgPlaidSyncSummary  *summary,
          GError               **error)
{
  BudgPlaidSyncOptions options;

  budg_plaid_sync_options_init (&options);
  options.retry_delay_ms = 1;
  options.max_attempts = 3;
  options.max_restarts = 2;

  return budg_plaid_sync_item (database_of (fixture), fixture->client, ITEM, TOKEN, &options, NULL, summary, error);
}

static void
queue_page (Fixture               *fixture,
            const MockTransaction *added,
            guint                  n_added,
            const MockTransaction *modified,
            guint                  n_modified,
            const char * const    *removed,
            const char            *cursor,
            gboolean               has_more)
{
  g_autofree char *page = plaid_mock_sync_page (added, n_added, modified, n_modified, removed, cursor, has_more,
                                                FALSE);

  plaid_mock_queue (fixture->mock, "/transactions/sync", 200, page);
}

static void
queue_balance (Fixture *fixture,
               double   current)
{
  g_autofree char *accounts = plaid_mock_accounts (ACCOUNT, "Plaid Checking", current);

  plaid_mock_queue (fixture->mock, "/accounts/get", 200, accounts);
}

/* The cursor a request carried, "" when none. */
static char *
request_cursor (Fixture *fixture,
                guint    index)
{
  g_autofree char *body = plaid_mock_request (fixture->mock, "/transactions/sync", index);
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;

  g_assert_nonnull (body);
  root = json_from_string (body, NULL);
  g_assert_nonnull (root);
  object = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (object, "access_token"), ==, TOKEN);
  g_assert_cmpint (json_object_get_int_member (object, "count"), <=, 500);

  return g_strdup (json_object_has_member (object, "cursor")
                   ? json_object_get_string_member (object, "cursor") : "");
}

static const MockTransaction coffee = {
  "t-coffee", ACCOUNT, 4.5, "2026-11-02", "STARBUCKS #123 SEATTLE", "Starbucks", FALSE, NULL, "FOOD_AND_DRINK",
  "2026-11-01"
};
static const MockTransaction salary = {
  "t-salary", ACCOUNT, -2500.0, "2026-11-01", "ACME PAYROLL", NULL, FALSE, NULL, "INCOME", NULL
};
static const MockTransaction rent = {
  "t-rent", ACCOUNT, 1200.0, "2026-11-03", "RENT NOV", NULL, FALSE, NULL, "RENT_AND_UTILITIES", NULL
};

/* Three pages: added on the first two, a modification and a removal on
 * the last; all written at once, the cursor of the last page kept. */
static void
test_three_pages (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;
  g_autofree char *cursor = NULL;
  g_autofree char *payee = NULL;
  g_autofree char *category = NULL;
  g_autofree char *authorized = NULL;
  BudgPlaidSyncSummary summary = { 0 };
  MockTransaction coffee_more = coffee;
  const MockTransaction page1[] = { coffee, salary };
  const MockTransaction page2[] = { rent };
  const char * const removed[] = { "t-rent", NULL };

  coffee_more.amount = 5.25;
  queue_page (fixture, page1, 2, NULL, 0, NULL, "c1", TRUE);
  queue_page (fixture, page2, 1, NULL, 0, NULL, "c2", TRUE);
  queue_page (fixture, NULL, 0, &coffee_more, 1, removed, "c3", FALSE);
  queue_balance (fixture, 1295.75);

  g_assert_true (sync_now (fixture, &summary, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (summary.pages, ==, 3);
  g_assert_cmpuint (summary.added, ==, 3);
  g_assert_cmpuint (summary.modified, ==, 1);
  g_assert_cmpuint (summary.removed, ==, 1);
  g_assert_cmpuint (summary.restarts, ==, 0);

  first = request_cursor (fixture, 0);
  second = request_cursor (fixture, 1);
  third = request_cursor (fixture, 2);
  g_assert_cmpstr (first, ==, "");
  g_assert_cmpstr (second, ==, "c1");
  g_assert_cmpstr (third, ==, "c2");
  cursor = cursor_of (fixture);
  g_assert_cmpstr (cursor, ==, "c3");

  /* Plaid's sign flipped; merchant_name before name; the bank's text kept. */
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM transactions"), ==, 2);
  g_assert_cmpint (query_int (fixture, "SELECT amount_minor FROM transactions WHERE external_id = 't-coffee'"),
                   ==, -525);
  g_assert_cmpint (query_int (fixture, "SELECT amount_minor FROM transactions WHERE external_id = 't-salary'"),
                   ==, 250000);
  payee = query_text (fixture, "SELECT p.name FROM transactions t JOIN payees p ON p.id = t.payee_id"
                               " WHERE external_id = 't-coffee'");
  g_assert_cmpstr (payee, ==, "Starbucks");
  authorized = query_text (fixture, "SELECT authorized_date FROM transactions WHERE external_id = 't-coffee'");
  g_assert_cmpstr (authorized, ==, "2026-11-01");
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM transactions WHERE source = 'plaid'"), ==, 2);

  /* personal_finance_category gives the category when no rule does. */
  category = query_text (fixture, "SELECT c.name FROM transactions t JOIN categories c ON c.id = t.category_id"
                                  " WHERE external_id = 't-coffee'");
  g_assert_cmpstr (category, ==, "Food & Drink");

  /* The balance became today's snapshot. */
  g_assert_cmpint (query_int (fixture, "SELECT amount_minor FROM balance_snapshots"
                                       " WHERE date = date('now', 'localtime')"), ==, 129575);
  g_assert_cmpuint (summary.balances, ==, 1);
}

/* TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION on page two: the loop starts
 * over from the cursor it began with, and nothing of the failed loop is
 * written (the first loop's page one had a transaction the second one
 * does not). */
static void
test_mutation_restart (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *mutation = NULL;
  g_autofree char *path = g_build_filename (g_getenv ("BUDG_TEST_DATA"), "plaid", "errors",
                                            "TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION.400.json", NULL);
  BudgPlaidSyncSummary summary = { 0 };
  MockTransaction ghost = coffee;
  const MockTransaction first_loop[] = { ghost };
  const MockTransaction page1[] = { coffee };
  const MockTransaction page2[] = { salary };
  const MockTransaction page3[] = { rent };

  /* Start from a stored cursor, as a later sync would. */
  g_assert_true (budg_database_exec (database_of (fixture),
                                     "UPDATE plaid_items SET cursor = 'c0'", &error));
  g_file_get_contents (path, &mutation, NULL, &error);
  g_assert_no_error (error);

  ghost.id = "t-ghost";
  ghost.amount = 99.0;
  ghost.date = "2026-10-15";
  ghost.merchant = "Ghost";
  queue_page (fixture, first_loop, 1, NULL, 0, NULL, "c1-old", TRUE);
  plaid_mock_queue (fixture->mock, "/transactions/sync", 400, mutation);
  queue_page (fixture, page1, 1, NULL, 0, NULL, "c1", TRUE);
  queue_page (fixture, page2, 1, NULL, 0, NULL, "c2", TRUE);
  queue_page (fixture, page3, 1, NULL, 0, NULL, "c3", FALSE);
  queue_balance (fixture, 10.0);

  g_assert_true (sync_now (fixture, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.restarts, ==, 1);
  g_assert_cmpuint (summary.pages, ==, 3);
  g_assert_cmpuint (summary.added, ==, 3);

  g_assert_cmpuint (plaid_mock_count (fixture->mock, "/transactions/sync"), ==, 5);
  {
    const char *expected[] = { "c0", "c1-old", "c0", "c1", "c2" };

    for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
      {
        g_autofree char *cursor = request_cursor (fixture, i);

        g_assert_cmpstr (cursor, ==, expected[i]);
      }
  }

  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM transactions WHERE external_id = 't-ghost'"), ==, 0);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM transactions"), ==, 3);
}

/* The second sync: modified rows change in place and keep what the user
 * gave them; removed rows go; a pending row is replaced by its posted
 * version; a page with nothing new adds nothing. */
static void
test_modified_removed_pending (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *category = NULL;
  g_autofree char *status = NULL;
  g_autofree char *external = NULL;
  BudgPlaidSyncSummary summary = { 0 };
  MockTransaction pending = { "t-pending", ACCOUNT, 30.0, "2026-11-05", "GAS STATION 77", "Shell", TRUE, NULL,
                              "TRANSPORTATION", NULL };
  MockTransaction posted = { "t-posted", ACCOUNT, 32.10, "2026-11-06", "GAS STATION 77", "Shell", FALSE,
                             "t-pending", "TRANSPORTATION", NULL };
  MockTransaction salary_fixed = salary;
  const MockTransaction first[] = { pending, salary, rent };
  const char * const removed[] = { "t-rent", "t-pending", NULL };
  gint64 pending_row;

  queue_page (fixture, first, 3, NULL, 0, NULL, "c1", FALSE);
  queue_balance (fixture, 1.0);
  g_assert_true (sync_now (fixture, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.added, ==, 3);
  status = query_text (fixture, "SELECT status FROM transactions WHERE external_id = 't-pending'");
  g_assert_cmpstr (status, ==, "pending");
  g_clear_pointer (&status, g_free);
  pending_row = query_int (fixture, "SELECT id FROM transactions WHERE external_id = 't-pending'");

  /* The user files the pending row and the salary under categories of
   * their own. */
  g_assert_true (budg_database_exec (database_of (fixture),
                                     "INSERT INTO categories (name) VALUES ('Car');"
                                     "UPDATE transactions SET category_id = (SELECT id FROM categories"
                                     " WHERE name = 'Car') WHERE external_id IN ('t-pending', 't-salary')",
                                     &error));
  g_assert_no_error (error);

  plaid_mock_reset (fixture->mock);
  salary_fixed.amount = -2600.0;
  queue_page (fixture, &posted, 1, &salary_fixed, 1, removed, "c2", FALSE);
  queue_balance (fixture, 2.0);
  g_assert_true (sync_now (fixture, &summary, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (summary.added, ==, 0);
  g_assert_cmpuint (summary.modified, ==, 2);
  g_assert_cmpuint (summary.removed, ==, 1);

  /* The pending row became the posted one, in place, with the user's category. */
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM transactions"), ==, 2);
  external = query_text (fixture, "SELECT external_id FROM transactions WHERE id = (SELECT max(id) FROM"
                                  " transactions WHERE amount_minor = -3210)");
  g_assert_cmpstr (external, ==, "t-posted");
  g_assert_cmpint (query_int (fixture, "SELECT id FROM transactions WHERE external_id = 't-posted'"), ==,
                   pending_row);
  status = query_text (fixture, "SELECT status FROM transactions WHERE external_id = 't-posted'");
  g_assert_cmpstr (status, ==, "cleared");
  category = query_text (fixture, "SELECT c.name FROM transactions t JOIN categories c ON c.id = t.category_id"
                                  " WHERE external_id = 't-posted'");
  g_assert_cmpstr (category, ==, "Car");
  g_clear_pointer (&category, g_free);

  /* The salary changed amount and kept its category. */
  g_assert_cmpint (query_int (fixture, "SELECT amount_minor FROM transactions WHERE external_id = 't-salary'"),
                   ==, 260000);
  category = query_text (fixture, "SELECT c.name FROM transactions t JOIN categories c ON c.id = t.category_id"
                                  " WHERE external_id = 't-salary'");
  g_assert_cmpstr (category, ==, "Car");
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM transactions WHERE external_id = 't-rent'"), ==, 0);

  /* The first page again (as after a cursor reset at Plaid) adds nothing
   * twice: the salary is there; the pending row and the rent, which Budg
   * no longer has under those ids, come back. */
  plaid_mock_reset (fixture->mock);
  queue_page (fixture, first, 3, NULL, 0, NULL, "c3", FALSE);
  queue_balance (fixture, 2.0);
  g_assert_true (sync_now (fixture, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.added, ==, 2);
  g_assert_cmpuint (summary.duplicates, ==, 1);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM transactions WHERE external_id = 't-salary'"), ==, 1);
}

/* A row matching one the user entered by hand links to it; rules apply
 * before Plaid's category. */
static void
test_link_and_rules (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BudgRuleStore) rules = budg_rule_store_new (database_of (fixture));
  g_autoptr(BudgRule) rule = budg_rule_new ();
  g_autofree char *payee = NULL;
  g_autofree char *category = NULL;
  BudgPlaidSyncSummary summary = { 0 };
  const MockTransaction page[] = { coffee, rent };
  gint64 manual;

  g_assert_true (budg_database_exec (database_of (fixture),
                                     "INSERT INTO categories (name) VALUES ('Housing');"
                                     "INSERT INTO transactions (account_id, date, amount_minor, status)"
                                     " SELECT id, '2026-11-02', -450, 'pending' FROM accounts WHERE name = 'Checking'",
                                     &error));
  g_assert_no_error (error);
  manual = query_int (fixture, "SELECT max(id) FROM transactions");

  rule->name = g_strdup ("Rent");
  rule->payee_op = BUDG_RULE_TEXT_CONTAINS;
  rule->payee_value = g_strdup ("rent");
  rule->set_payee = g_strdup ("Landlord");
  rule->set_category_id = query_int (fixture, "SELECT id FROM categories WHERE name = 'Housing'");
  g_assert_true (budg_rule_store_add (rules, rule, &error));
  g_assert_no_error (error);

  queue_page (fixture, page, 2, NULL, 0, NULL, "c1", FALSE);
  queue_balance (fixture, 1.0);
  g_assert_true (sync_now (fixture, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.added, ==, 2);

  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM transactions"), ==, 2);
  g_assert_cmpint (query_int (fixture, "SELECT id FROM transactions WHERE external_id = 't-coffee'"), ==, manual);

  payee = query_text (fixture, "SELECT p.name FROM transactions t JOIN payees p ON p.id = t.payee_id"
                               " WHERE external_id = 't-rent'");
  g_assert_cmpstr (payee, ==, "Landlord");
  category = query_text (fixture, "SELECT c.name FROM transactions t JOIN categories c ON c.id = t.category_id"
                                  " WHERE external_id = 't-rent'");
  g_assert_cmpstr (category, ==, "Housing");
}

/* More rows than the importer takes at once: every one written, once,
 * across the chunks, and the same pages again add nothing. */
static void
test_many_pages (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  BudgPlaidSyncSummary summary = { 0 };
  MockTransaction *page = g_new0 (MockTransaction, 500);
  const guint n_pages = 5;

  for (guint p = 0; p < n_pages; p++)
    {
      g_autofree char *body = NULL;
      g_autofree char *cursor = g_strdup_printf ("c%u", p + 1);

      for (guint i = 0; i < 500; i++)
        {
          guint n = p * 500 + i;
          char *id = g_strdup_printf ("t-%05u", n);
          char *date = g_strdup_printf ("2026-%02u-%02u", 1 + n % 12, 1 + n % 28);

          g_ptr_array_add (strings, id);
          g_ptr_array_add (strings, date);
          page[i] = (MockTransaction) { id, ACCOUNT, 1.0 + n / 100.0, date, "Shop", NULL, FALSE, NULL, NULL, NULL };
        }
      body = plaid_mock_sync_page (page, 500, NULL, 0, NULL, cursor, p + 1 < n_pages, FALSE);
      plaid_mock_queue (fixture->mock, "/transactions/sync", 200, body);
    }
  queue_balance (fixture, 1.0);

  g_assert_true (sync_now (fixture, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.added, ==, 2500);
  g_assert_cmpint (query_int (fixture, "SELECT count(DISTINCT external_id) FROM transactions"), ==, 2500);
  g_assert_cmpint (query_int (fixture, "SELECT sum(amount_minor) FROM transactions"), ==,
                   -(2500 * 100 + 2499 * 2500 / 2));

  g_free (page);
}

/* Members and enum values Plaid may add are ignored. */
static void
test_unknown_fields (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *page = NULL;
  BudgPlaidSyncSummary summary = { 0 };
  MockTransaction odd = coffee;

  odd.category = "SPACE_TRAVEL";
  page = plaid_mock_sync_page (&odd, 1, NULL, 0, NULL, "c1", FALSE, TRUE);
  plaid_mock_queue (fixture->mock, "/transactions/sync", 200, page);
  queue_balance (fixture, 1.0);

  g_assert_true (sync_now (fixture, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.added, ==, 1);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM transactions WHERE category_id IS NULL"), ==, 1);
}

typedef struct
{
  const char        *file;
  guint              status;
  BudgPlaidReaction  reaction;
} ErrorCase;

/* Every error body of examples/errors at its status: retried (with
 * backoff, up to the limit), restarted, or stopped at once and marked;
 * the database as it was in every case. */
static void
test_errors (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *dir_path = g_build_filename (g_getenv ("BUDG_TEST_DATA"), "plaid", "errors", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_autofree char *before = dump (fixture);
  const char *name;
  guint n_files = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autofree char *body = NULL;
      g_autofree char *after = NULL;
      g_autofree char *state = NULL;
      g_autofree char *cursor = NULL;
      g_autoptr(BudgPlaidError) parsed = NULL;
      g_auto(GStrv) parts = g_strsplit (name, ".", -1);
      BudgPlaidSyncSummary summary = { 0 };
      BudgPlaidReaction reaction;
      guint status;
      guint requests;

      if (!g_str_has_suffix (name, ".json"))
        continue;
      n_files++;
      g_file_get_contents (path, &body, NULL, &error);
      g_assert_no_error (error);
      status = (guint) g_ascii_strtoull (parts[1], NULL, 10);
      parsed = budg_plaid_error_parse (status, body, -1);
      reaction = budg_plaid_error_get_reaction (parsed);

      plaid_mock_reset (fixture->mock);
      plaid_mock_queue (fixture->mock, "/transactions/sync", status, body);
      queue_balance (fixture, 1.0);
      g_assert_true (budg_database_exec (database_of (fixture),
                                         "UPDATE plaid_items SET state = 'ok', last_error = NULL", NULL));

      g_test_message ("%s → reaction %d", name, reaction);
      g_assert_false (sync_now (fixture, &summary, &error));
      g_assert_nonnull (error);
      g_assert_null (strstr (error->message, SECRET));
      g_assert_null (strstr (error->message, TOKEN));

      requests = plaid_mock_count (fixture->mock, "/transactions/sync");
      state = state_of (fixture);
      switch (reaction)
        {
        case BUDG_PLAID_REACTION_RETRY:
          g_assert_cmpuint (requests, ==, 3);  /* max_attempts */
          g_assert_cmpstr (state, ==, "error");
          break;
        case BUDG_PLAID_REACTION_RESTART_SYNC:
          g_assert_cmpuint (requests, ==, 3);  /* the first loop and max_restarts more */
          g_assert_cmpstr (state, ==, "error");
          break;
        case BUDG_PLAID_REACTION_NEEDS_LOGIN:
          g_assert_cmpuint (requests, ==, 1);
          g_assert_cmpstr (state, ==, "needs-login");
          break;
        case BUDG_PLAID_REACTION_FAIL:
        default:
          g_assert_cmpuint (requests, ==, 1);
          g_assert_cmpstr (state, ==, "error");
          break;
        }
      if (g_str_has_prefix (name, "ITEM_LOGIN_REQUIRED"))
        g_assert_cmpint (reaction, ==, BUDG_PLAID_REACTION_NEEDS_LOGIN);
      if (g_str_has_prefix (name, "INVALID_"))
        g_assert_cmpint (reaction, !=, BUDG_PLAID_REACTION_RETRY);
      if (status == 429 || status >= 500 || g_str_has_prefix (name, "INSTITUTION_DOWN"))
        g_assert_cmpint (reaction, ==, BUDG_PLAID_REACTION_RETRY);

      cursor = cursor_of (fixture);
      g_assert_cmpstr (cursor, ==, "");
      after = dump (fixture);
      g_assert_cmpstr (after, ==, before);
    }

  g_assert_cmpuint (n_files, >=, 20);
}

typedef enum
{
  BROKEN_MALFORMED,
  BROKEN_TRUNCATED,
  BROKEN_TIMEOUT,
  BROKEN_DROPPED,
  BROKEN_LATE_PAGE,
} Broken;

/* Answers that cannot be used: the sync fails with a clear message and
 * the database stays as it was, also when the bad answer comes on a
 * later page. */
static void
test_broken (Fixture       *fixture,
             gconstpointer  data)
{
  Broken broken = GPOINTER_TO_INT (data);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump (fixture);
  g_autofree char *after = NULL;
  g_autofree char *good = plaid_mock_sync_page (&coffee, 1, NULL, 0, NULL, "c1", TRUE, FALSE);
  BudgPlaidSyncSummary summary = { 0 };

  switch (broken)
    {
    case BROKEN_MALFORMED:
      plaid_mock_queue (fixture->mock, "/transactions/sync", 200, "{\"added\": [ }");
      break;
    case BROKEN_TRUNCATED:
      {
        g_autofree char *cut = g_strndup (good, strlen (good) / 2);

        plaid_mock_queue (fixture->mock, "/transactions/sync", 200, cut);
      }
      break;
    case BROKEN_TIMEOUT:
      budg_plaid_client_set_timeout (fixture->client, 1);
      plaid_mock_queue_kind (fixture->mock, "/transactions/sync", PLAID_MOCK_STALL);
      break;
    case BROKEN_DROPPED:
      plaid_mock_queue_kind (fixture->mock, "/transactions/sync", PLAID_MOCK_DROP);
      break;
    case BROKEN_LATE_PAGE:
      plaid_mock_queue (fixture->mock, "/transactions/sync", 200, good);
      plaid_mock_queue (fixture->mock, "/transactions/sync", 200, "{\"added\": [], \"has_more\": false}");
      break;
    default:
      g_assert_not_reached ();
    }
  queue_balance (fixture, 1.0);

  g_assert_false (sync_now (fixture, &summary, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_cmpuint (strlen (error->message), >, 10);
  g_assert_null (strstr (error->message, SECRET));

  /* Unreadable answers are not tried again; a lost connection is. */
  if (broken == BROKEN_MALFORMED || broken == BROKEN_TRUNCATED)
    g_assert_cmpuint (plaid_mock_count (fixture->mock, "/transactions/sync"), ==, 1);
  if (broken == BROKEN_DROPPED)
    g_assert_cmpuint (plaid_mock_count (fixture->mock, "/transactions/sync"), ==, 3);

  after = dump (fixture);
  g_assert_cmpstr (after, ==, before);
  {
    g_autofree char *state = state_of (fixture);

    g_assert_cmpstr (state, ==, "error");
  }
}

/* Hosted Link: the token, then /link/token/get polled while the user is
 * in the browser (no session yet → finished), the exchange, the accounts. */
static void
test_link_flow (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BudgPlaidLinkToken) token = NULL;
  g_autoptr(BudgPlaidLinkStatus) waiting = NULL;
  g_autoptr(BudgPlaidLinkStatus) finished = NULL;
  g_autoptr(GPtrArray) accounts = NULL;
  g_autofree char *finished_body = NULL;
  g_autofree char *path = g_build_filename (g_getenv ("BUDG_TEST_DATA"), "plaid",
                                            "link_token_get.hosted_link.docs.json", NULL);
  g_autofree char *request = NULL;
  g_autofree char *item_id = NULL;
  g_autofree char *access_token = NULL;
  g_autofree char *accounts_body = plaid_mock_accounts ("acc-new", "Plaid Saving", 210.0);
  BudgPlaidLinkResult *result;

  g_file_get_contents (path, &finished_body, NULL, &error);
  g_assert_no_error (error);

  plaid_mock_queue (fixture->mock, "/link/token/create", 200,
                    "{\"expiration\":\"2030-01-01T00:00:00Z\",\"hosted_link_url\":"
                    "\"https://secure.plaid.com/link/abc\",\"link_token\":\"link-sandbox-1\",\"request_id\":\"r\"}");
  plaid_mock_queue (fixture->mock, "/link/token/get", 200,
                    "{\"created_at\":\"2030-01-01T00:00:00Z\",\"link_sessions\":[],\"link_token\":"
                    "\"link-sandbox-1\",\"request_id\":\"r\"}");
  plaid_mock_queue (fixture->mock, "/link/token/get", 200, finished_body);
  plaid_mock_queue (fixture->mock, "/item/public_token/exchange", 200,
                    "{\"access_token\":\"access-sandbox-new\",\"item_id\":\"item-new\",\"request_id\":\"r\"}");
  plaid_mock_queue (fixture->mock, "/accounts/get", 200, accounts_body);

  token = budg_plaid_link_create_token (fixture->client, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (token->hosted_link_url, ==, "https://secure.plaid.com/link/abc");
  request = plaid_mock_request (fixture->mock, "/link/token/create", 0);
  g_assert_nonnull (strstr (request, "\"hosted_link\""));
  g_assert_nonnull (strstr (request, BUDG_PLAID_COMPLETION_URI));
  g_assert_nonnull (strstr (request, "\"transactions\""));
  g_assert_null (strstr (request, "webhook"));

  waiting = budg_plaid_link_get_status (fixture->client, token->link_token, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (waiting->state, ==, BUDG_PLAID_LINK_WAITING);

  finished = budg_plaid_link_get_status (fixture->client, token->link_token, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (finished->state, ==, BUDG_PLAID_LINK_FINISHED);
  g_assert_cmpuint (finished->results->len, ==, 1);
  result = g_ptr_array_index (finished->results, 0);
  g_assert_cmpstr (result->public_token, ==, "public-sandbox-d1e64436-f033-4302-a469-b90656edf8c7");
  g_assert_cmpstr (result->institution_name, ==, "American Express");
  g_assert_cmpuint (result->accounts->len, ==, 1);

  g_assert_true (budg_plaid_link_exchange (fixture->client, result->public_token, &item_id, &access_token,
                                           NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (item_id, ==, "item-new");
  g_assert_cmpstr (access_token, ==, "access-sandbox-new");

  accounts = budg_plaid_fetch_accounts (fixture->client, access_token, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (accounts->len, ==, 1);

  /* Unmapped, the account becomes a new Budg account. */
  g_assert_true (budg_plaid_store_add_item (database_of (fixture), item_id, BUDG_PLAID_SANDBOX,
                                            result->institution_name, accounts, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM accounts WHERE name = 'Plaid Saving'"
                                       " AND currency = 'USD' AND kind = 'checking'"), ==, 1);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM plaid_accounts WHERE item_id = 'item-new'"
                                       " AND account_id = (SELECT id FROM accounts WHERE name = 'Plaid Saving')"),
                   ==, 1);
}

/* A session the user left without linking a bank. */
static void
test_link_exited (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BudgPlaidLinkStatus) status = NULL;

  plaid_mock_queue (fixture->mock, "/link/token/get", 200,
                    "{\"link_sessions\":[{\"finished_at\":\"2030-01-01T00:00:00Z\",\"exit\":{\"error\":"
                    "{\"display_message\":\"The bank is not available right now.\"}}}],\"request_id\":\"r\"}");
  status = budg_plaid_link_get_status (fixture->client, "link-sandbox-1", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (status->state, ==, BUDG_PLAID_LINK_EXITED);
  g_assert_cmpstr (status->exit_message, ==, "The bank is not available right now.");
}

static void
test_completion_uri (void)
{
  g_assert_true (budg_plaid_link_is_completion_uri (BUDG_PLAID_COMPLETION_URI));
  g_assert_true (budg_plaid_link_is_completion_uri ("budg://plaid/link-complete?state=abc"));
  g_assert_true (budg_plaid_link_is_completion_uri ("BUDG://PLAID/link-complete"));
  g_assert_false (budg_plaid_link_is_completion_uri ("budg://plaid/link-completed"));
  g_assert_false (budg_plaid_link_is_completion_uri ("budg://other/link-complete"));
  g_assert_false (budg_plaid_link_is_completion_uri ("https://plaid/link-complete"));
  g_assert_false (budg_plaid_link_is_completion_uri ("budg:plaid/link-complete"));
  g_assert_false (budg_plaid_link_is_completion_uri ("not a uri at all"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("no_proxy", "127.0.0.1,localhost", TRUE);

  g_test_add ("/plaid-sync/three-pages", Fixture, NULL, fixture_set_up, test_three_pages, fixture_tear_down);
  g_test_add ("/plaid-sync/mutation-restart", Fixture, NULL, fixture_set_up, test_mutation_restart,
              fixture_tear_down);
  g_test_add ("/plaid-sync/modified-removed-pending", Fixture, NULL, fixture_set_up,
              test_modified_removed_pending, fixture_tear_down);
  g_test_add ("/plaid-sync/link-and-rules", Fixture, NULL, fixture_set_up, test_link_and_rules,
              fixture_tear_down);
  g_test_add ("/plaid-sync/many-pages", Fixture, NULL, fixture_set_up, test_many_pages, fixture_tear_down);
  g_test_add ("/plaid-sync/unknown-fields", Fixture, NULL, fixture_set_up, test_unknown_fields,
              fixture_tear_down);
  g_test_add ("/plaid-sync/errors", Fixture, NULL, fixture_set_up, test_errors, fixture_tear_down);
  g_test_add ("/plaid-sync/broken/malformed", Fixture, GINT_TO_POINTER (BROKEN_MALFORMED), fixture_set_up,
              test_broken, fixture_tear_down);
  g_test_add ("/plaid-sync/broken/truncated", Fixture, GINT_TO_POINTER (BROKEN_TRUNCATED), fixture_set_up,
              test_broken, fixture_tear_down);
  g_test_add ("/plaid-sync/broken/timeout", Fixture, GINT_TO_POINTER (BROKEN_TIMEOUT), fixture_set_up,
              test_broken, fixture_tear_down);
  g_test_add ("/plaid-sync/broken/dropped", Fixture, GINT_TO_POINTER (BROKEN_DROPPED), fixture_set_up,
              test_broken, fixture_tear_down);
  g_test_add ("/plaid-sync/broken/late-page", Fixture, GINT_TO_POINTER (BROKEN_LATE_PAGE), fixture_set_up,
              test_broken, fixture_tear_down);
  g_test_add_func ("/plaid-sync/completion-uri", test_completion_uri);
  g_test_add ("/plaid-sync/link-flow", Fixture, NULL, fixture_set_up, test_link_flow, fixture_tear_down);
  g_test_add ("/plaid-sync/link-exited", Fixture, NULL, fixture_set_up, test_link_exited, fixture_tear_down);

  return g_test_run ();
}
