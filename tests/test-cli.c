/* test-cli.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-cli"

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <unistd.h>

#include "budg-database.h"
#include "budg-money.h"
#include "cli-test-util.h"

typedef struct
{
  char *dir;
  char *db;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("budg-cli-XXXXXX", &error);
  g_assert_no_error (error);
  f->db = g_build_filename (f->dir, "budg.db", NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  remove_tree (f->dir);
  g_clear_pointer (&f->dir, g_free);
  g_clear_pointer (&f->db, g_free);
}

static void
run_cli (Fixture    *f,
         CliResult  *result,
         ...) G_GNUC_NULL_TERMINATED;

static void
run_cli (Fixture   *f,
         CliResult *result,
         ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  const char *arg;
  va_list ap;

  va_start (ap, result);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (gpointer)arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  run_cliv (f->db, (const char * const *)args->pdata, result);
}

/* Runs a command that must succeed and print JSON; returns the parsed root. */
static JsonNode *
run_json (Fixture *f,
          ...) G_GNUC_NULL_TERMINATED;

static JsonNode *
run_json (Fixture *f,
          ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_auto(CliResult) result = { 0 };
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list ap;

  va_start (ap, f);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (gpointer)arg);
  va_end (ap);
  g_ptr_array_add (args, (gpointer)"--json");
  g_ptr_array_add (args, NULL);

  run_cliv (f->db, (const char * const *)args->pdata, &result);
  if (result.status != 0)
    g_printerr ("%s", result.err);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.err, ==, "");

  return json_from_string (result.out, &error);
}

static gint64
count_rows (const char *path,
            const char *table)
{
  g_autofree char *dump = dump_database (path);
  g_autofree char *marker = g_strdup_printf ("table %s\n", table);
  const char *start = strstr (dump, marker);
  gint64 count = 0;

  g_assert_nonnull (start);
  start += strlen (marker);
  while (*start != '\0' && !g_str_has_prefix (start, "table "))
    {
      count++;
      start = strchr (start, '\n') + 1;
    }

  return count;
}

/* Two accounts, two levels of categories, three transactions and a balance
 * snapshot: enough for every bad input to have something to break.
 */
static void
seed_database (Fixture *f)
{
  const char * const commands[][16] = {
    { "init", NULL },
    { "account", "add", "Checking", "--kind", "checking", "--currency", "USD",
      "--opening-balance", "1000.00", "--opening-date", "2020-01-01", NULL },
    { "account", "add", "Savings", "--kind", "savings", "--currency", "USD", NULL },
    { "category", "add", "Food:Groceries", NULL },
    { "category", "add", "Salary", "--income", NULL },
    { "txn", "add", "--account", "Checking", "--date", "2020-01-05", "--amount", "-12.50",
      "--payee", "Bakery", "--category", "Food:Groceries", "--memo", "bread", NULL },
    { "txn", "add", "--account", "Checking", "--date", "2020-01-15", "--amount", "2500",
      "--payee", "Employer", "--category", "Salary", "--status", "cleared", NULL },
    { "txn", "add", "--account", "Savings", "--date", "2020-02-01", "--amount", "100", NULL },
    { "balance", "set", "--account", "Savings", "--date", "2020-01-31", "--amount", "50", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(CliResult) result = { 0 };

      run_cliv (f->db, commands[i], &result);
      if (result.status != 0)
        g_printerr ("%s", result.err);
      g_assert_cmpint (result.status, ==, 0);
    }
}

static void
test_init (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(JsonNode) first = NULL;
  g_autoptr(JsonNode) second = NULL;
  g_auto(CliResult) text = { 0 };
  JsonObject *object;

  g_assert_false (g_file_test (f->db, G_FILE_TEST_EXISTS));

  first = run_json (f, "init", NULL);
  object = root_object (first);
  g_assert_cmpstr (member_string (object, "path"), ==, f->db);
  g_assert_cmpint (member_int (object, "schema_version"), ==, BUDG_DATABASE_SCHEMA_VERSION);
  g_assert_true (g_file_test (f->db, G_FILE_TEST_IS_REGULAR));

  /* Running it again on a current database is harmless. */
  second = run_json (f, "init", NULL);
  g_assert_true (json_node_equal (first, second));

  run_cli (f, &text, "init", NULL);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out, f->db));
}

static void
test_account_add_list (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(JsonNode) checking = NULL;
  g_autoptr(JsonNode) euro = NULL;
  g_autoptr(JsonNode) plain = NULL;
  g_autoptr(JsonNode) list = NULL;
  g_autoptr(JsonNode) txn = NULL;
  g_auto(CliResult) text = { 0 };
  JsonObject *object;
  JsonArray *array;

  checking = run_json (f, "account", "add", "Checking", "--kind", "checking", "--currency", "USD",
                       "--institution", "First Bank",
                       "--opening-balance", "1000", "--opening-date", "2020-01-01", NULL);
  object = root_object (checking);
  g_assert_cmpint (member_int (object, "id"), >, 0);
  g_assert_cmpstr (member_string (object, "name"), ==, "Checking");
  g_assert_cmpstr (member_string (object, "kind"), ==, "checking");
  g_assert_cmpstr (member_string (object, "currency"), ==, "USD");
  g_assert_cmpstr (member_string (object, "institution"), ==, "First Bank");
  g_assert_false (member_boolean (object, "archived"));
  g_assert_cmpint (member_int (object, "balance_minor"), ==, 100000);

  /* Codes are accepted in any case; yen have no minor units. */
  euro = run_json (f, "account", "add", "Yen", "--kind=cash", "--currency=jpy",
                   "--opening-balance=500", "--opening-date=2020-01-01", NULL);
  object = root_object (euro);
  g_assert_cmpstr (member_string (object, "currency"), ==, "JPY");
  g_assert_cmpint (member_int (object, "balance_minor"), ==, 500);
  g_assert_null (member_string (object, "institution"));

  /* Without --currency the account gets the default currency. */
  plain = run_json (f, "account", "add", "Card", "--kind", "credit-card", NULL);
  object = root_object (plain);
  g_assert_true (budg_currency_is_known (member_string (object, "currency")));
  g_assert_cmpint (member_int (object, "balance_minor"), ==, 0);

  txn = run_json (f, "txn", "add", "--account", "Checking", "--date", "2020-01-05",
                  "--amount", "-12.50", NULL);
  g_clear_pointer (&txn, json_node_unref);
  txn = run_json (f, "txn", "add", "--account", "Checking", "--date", "2020-01-06",
                  "--amount", "3", NULL);

  list = run_json (f, "account", "list", NULL);
  array = root_array (list);
  g_assert_cmpuint (json_array_get_length (array), ==, 3);

  object = find_by_string (array, "name", "Checking");
  g_assert_nonnull (object);
  g_assert_cmpint (member_int (object, "balance_minor"), ==, 100000 - 1250 + 300);
  g_assert_cmpstr (member_string (object, "kind"), ==, "checking");
  g_assert_cmpstr (member_string (object, "currency"), ==, "USD");
  g_assert_false (member_boolean (object, "archived"));

  object = find_by_string (array, "name", "Card");
  g_assert_nonnull (object);
  g_assert_cmpstr (member_string (object, "kind"), ==, "credit-card");

  /* Text output: aligned columns with locale-independent amounts. */
  run_cli (f, &text, "account", "list", NULL);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out, "Checking"));
  g_assert_nonnull (strstr (text.out, "990.50 USD"));
}

static void
test_account_lookup (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(JsonNode) list = NULL;
  g_autoptr(JsonNode) by_id = NULL;
  g_autoptr(JsonNode) by_name = NULL;
  g_autoptr(JsonNode) edited = NULL;
  g_autoptr(JsonNode) archived = NULL;
  g_autoptr(JsonNode) restored = NULL;
  g_autoptr(JsonNode) deleted = NULL;
  g_autoptr(JsonNode) txns = NULL;
  g_auto(CliResult) refused = { 0 };
  g_autofree char *savings_id = NULL;
  g_autofree char *dump = NULL;
  g_autofree char *after = NULL;
  JsonObject *savings;
  gint64 id;

  seed_database (f);

  list = run_json (f, "account", "list", NULL);
  savings = find_by_string (root_array (list), "name", "Savings");
  g_assert_nonnull (savings);
  id = member_int (savings, "id");
  savings_id = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  /* By id, and by name in another case. */
  by_id = run_json (f, "txn", "add", "--account", savings_id, "--date", "2020-03-01",
                    "--amount", "1", NULL);
  g_assert_cmpstr (member_string (root_object (by_id), "account"), ==, "Savings");
  g_assert_cmpint (member_int (root_object (by_id), "account_id"), ==, id);
  by_name = run_json (f, "txn", "add", "--account", "sAVINGS", "--date", "2020-03-02",
                      "--amount", "1", NULL);
  g_assert_cmpint (member_int (root_object (by_name), "account_id"), ==, id);

  edited = run_json (f, "account", "edit", savings_id, "--name", "Rainy Day",
                     "--institution", "Credit Union", NULL);
  g_assert_cmpstr (member_string (root_object (edited), "name"), ==, "Rainy Day");
  g_assert_cmpstr (member_string (root_object (edited), "institution"), ==, "Credit Union");
  g_assert_cmpstr (member_string (root_object (edited), "kind"), ==, "savings");

  archived = run_json (f, "account", "archive", "rainy day", NULL);
  g_assert_cmpint (member_int (root_object (archived), "id"), ==, id);
  g_assert_true (member_boolean (root_object (archived), "archived"));
  g_clear_pointer (&list, json_node_unref);
  list = run_json (f, "account", "list", NULL);
  g_assert_true (member_boolean (find_by_string (root_array (list), "name", "Rainy Day"), "archived"));

  restored = run_json (f, "account", "archive", "Rainy Day", "--undo", NULL);
  g_assert_false (member_boolean (root_object (restored), "archived"));

  /* An account with transactions is only deleted on purpose. */
  dump = dump_database (f->db);
  run_cli (f, &refused, "account", "delete", "Rainy Day", NULL);
  g_assert_cmpint (refused.status, ==, 1);
  g_assert_nonnull (strstr (refused.err, "3 transactions"));
  g_assert_nonnull (strstr (refused.err, "archive"));
  g_assert_nonnull (strstr (refused.err, "--force"));
  after = dump_database (f->db);
  g_assert_cmpstr (dump, ==, after);

  deleted = run_json (f, "account", "delete", "Rainy Day", "--force", NULL);
  g_assert_cmpint (member_int (root_object (deleted), "id"), ==, id);
  g_assert_true (member_boolean (root_object (deleted), "deleted"));

  g_clear_pointer (&list, json_node_unref);
  list = run_json (f, "account", "list", NULL);
  g_assert_cmpuint (json_array_get_length (root_array (list)), ==, 1);
  txns = run_json (f, "txn", "list", NULL);
  g_assert_cmpuint (json_array_get_length (root_array (txns)), ==, 2);
}

static void
test_category_two_levels (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(JsonNode) leaf = NULL;
  g_autoptr(JsonNode) income = NULL;
  g_autoptr(JsonNode) list = NULL;
  g_autoptr(JsonNode) edited = NULL;
  g_autoptr(JsonNode) txn = NULL;
  g_autoptr(JsonNode) deleted = NULL;
  g_autoptr(JsonNode) txns = NULL;
  JsonObject *object;
  JsonArray *array;

  json_node_unref (run_json (f, "init", NULL));
  json_node_unref (run_json (f, "account", "add", "Checking", "--kind", "checking", NULL));

  leaf = run_json (f, "category", "add", "Food:Groceries", NULL);
  object = root_object (leaf);
  g_assert_cmpint (member_int (object, "id"), >, 0);
  g_assert_cmpstr (member_string (object, "path"), ==, "Food:Groceries");
  g_assert_cmpstr (member_string (object, "name"), ==, "Groceries");
  g_assert_cmpstr (member_string (object, "parent"), ==, "Food");
  g_assert_false (member_boolean (object, "is_income"));
  g_assert_null (member_string (object, "color"));

  income = run_json (f, "category", "add", "Salary", "--income", NULL);
  g_assert_true (member_boolean (root_object (income), "is_income"));
  g_assert_null (member_string (root_object (income), "parent"));

  list = run_json (f, "category", "list", NULL);
  array = root_array (list);
  g_assert_cmpuint (json_array_get_length (array), ==, 3);
  object = find_by_string (array, "path", "Food");
  g_assert_nonnull (object);
  g_assert_null (member_string (object, "parent"));
  g_assert_nonnull (find_by_string (array, "path", "Food:Groceries"));

  edited = run_json (f, "category", "edit", "Food", "--color", "#3584e4", NULL);
  g_assert_cmpstr (member_string (root_object (edited), "color"), ==, "#3584e4");

  txn = run_json (f, "txn", "add", "--account", "Checking", "--date", "2020-01-05",
                  "--amount", "-5", "--category", "food:groceries", NULL);
  g_assert_cmpstr (member_string (root_object (txn), "category"), ==, "Food:Groceries");

  /* Deleting the parent takes the child along; its transaction moves. */
  deleted = run_json (f, "category", "delete", "Food", "--move-to", "Salary", NULL);
  g_assert_true (member_boolean (root_object (deleted), "deleted"));
  txns = run_json (f, "txn", "list", NULL);
  g_assert_cmpstr (member_string (json_array_get_object_element (root_array (txns), 0), "category"),
                   ==, "Salary");
  g_clear_pointer (&list, json_node_unref);
  list = run_json (f, "category", "list", NULL);
  g_assert_cmpuint (json_array_get_length (root_array (list)), ==, 1);
}

static GPtrArray *
list_ids (Fixture *f,
          ...) G_GNUC_NULL_TERMINATED;

/* The payees of `txn list ARGS…`, in order, to compare with expectations. */
static GPtrArray *
list_ids (Fixture *f,
          ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GPtrArray) payees = g_ptr_array_new_with_free_func (g_free);
  g_auto(CliResult) result = { 0 };
  g_autoptr(JsonNode) root = NULL;
  const char *arg;
  JsonArray *array;
  va_list ap;

  g_ptr_array_add (args, (gpointer)"txn");
  g_ptr_array_add (args, (gpointer)"list");
  va_start (ap, f);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (gpointer)arg);
  va_end (ap);
  g_ptr_array_add (args, (gpointer)"--json");
  g_ptr_array_add (args, NULL);

  run_cliv (f->db, (const char * const *)args->pdata, &result);
  g_assert_cmpint (result.status, ==, 0);
  root = json_from_string (result.out, NULL);
  array = root_array (root);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      const char *payee = member_string (json_array_get_object_element (array, i), "payee");

      g_ptr_array_add (payees, g_strdup (payee != NULL ? payee : "-"));
    }

  return g_steal_pointer (&payees);
}

static char *
joined (GPtrArray *strings)
{
  g_ptr_array_add (strings, NULL);

  return g_strjoinv (",", (char **)strings->pdata);
}

#define assert_payees(f, expected, ...) \
  G_STMT_START { \
    g_autoptr(GPtrArray) _payees = list_ids (f, __VA_ARGS__); \
    g_autofree char *_joined = joined (_payees); \
    g_assert_cmpstr (_joined, ==, expected); \
  } G_STMT_END

static void
test_txn_filters (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(JsonNode) all = NULL;
  g_autoptr(JsonNode) deleted = NULL;
  g_auto(CliResult) again = { 0 };
  g_autofree char *first_id = NULL;
  JsonObject *object;
  JsonArray *array;

  /* Seeded: Bakery (Checking, 01-05), Employer (Checking, 01-15),
   * uncategorized (Savings, 02-01). Add two on the same day to check the
   * id order within a date.
   */
  seed_database (f);
  json_node_unref (run_json (f, "txn", "add", "--account", "Savings", "--date", "2020-01-15",
                             "--amount", "-7", "--payee", "Cafe", "--memo", "Latte", NULL));
  json_node_unref (run_json (f, "txn", "add", "--account", "Checking", "--date", "2020-01-10",
                             "--amount", "-1.99", "--payee", "Kiosk", NULL));

  all = run_json (f, "txn", "list", NULL);
  array = root_array (all);
  g_assert_cmpuint (json_array_get_length (array), ==, 5);
  object = json_array_get_object_element (array, 0);
  g_assert_cmpstr (member_string (object, "payee"), ==, "Bakery");
  g_assert_cmpstr (member_string (object, "account"), ==, "Checking");
  g_assert_cmpint (member_int (object, "account_id"), >, 0);
  g_assert_cmpstr (member_string (object, "date"), ==, "2020-01-05");
  g_assert_cmpint (member_int (object, "amount_minor"), ==, -1250);
  g_assert_cmpstr (member_string (object, "currency"), ==, "USD");
  g_assert_cmpstr (member_string (object, "category"), ==, "Food:Groceries");
  g_assert_cmpstr (member_string (object, "memo"), ==, "bread");
  g_assert_cmpstr (member_string (object, "status"), ==, "pending");
  g_assert_cmpstr (member_string (json_array_get_object_element (array, 2), "status"), ==, "cleared");
  g_assert_null (member_string (json_array_get_object_element (array, 4), "payee"));
  g_assert_null (member_string (json_array_get_object_element (array, 4), "category"));

  /* Date, then id, ascending. */
  assert_payees (f, "Bakery,Kiosk,Employer,Cafe,-", NULL);
  assert_payees (f, "Bakery,Kiosk,Employer", "--account", "checking", NULL);
  assert_payees (f, "Cafe,-", "--account", "Savings", NULL);
  assert_payees (f, "Kiosk,Employer,Cafe", "--from", "2020-01-10", "--to", "2020-01-15", NULL);
  assert_payees (f, "Employer,Cafe,-", "--from", "2020-01-11", NULL);
  assert_payees (f, "Bakery", "--to", "2020-01-09", NULL);
  assert_payees (f, "", "--from", "2020-03-01", NULL);
  /* Payee, memo and category path, without regard to case. */
  assert_payees (f, "Bakery", "--search", "BAKE", NULL);
  assert_payees (f, "Cafe", "--search", "latte", NULL);
  assert_payees (f, "Bakery", "--search", "groceries", NULL);
  assert_payees (f, "Kiosk,Employer", "--limit", "2", "--offset", "1", NULL);
  assert_payees (f, "-", "--offset", "4", NULL);
  assert_payees (f, "", "--offset", "5", NULL);
  assert_payees (f, "Bakery,Kiosk,Employer,Cafe,-", "--limit", "0", NULL);
  assert_payees (f, "Employer", "--account", "Checking", "--search", "employ", "--limit", "1", NULL);

  first_id = g_strdup_printf ("%" G_GINT64_FORMAT,
                              member_int (json_array_get_object_element (array, 0), "id"));
  deleted = run_json (f, "txn", "delete", first_id, NULL);
  g_assert_true (member_boolean (root_object (deleted), "deleted"));
  assert_payees (f, "Kiosk,Employer,Cafe,-", NULL);

  run_cli (f, &again, "txn", "delete", first_id, NULL);
  g_assert_cmpint (again.status, ==, 1);
  g_assert_true (g_str_has_prefix (again.err, "budg-cli: "));
}

static void
test_balance (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(JsonNode) snapshot = NULL;
  g_autoptr(JsonNode) replaced = NULL;
  g_autoptr(JsonNode) list = NULL;
  g_autoptr(JsonNode) accounts = NULL;
  JsonObject *object;
  JsonArray *array;

  /* Seeded: Checking opens at 1000.00 on 2020-01-01, then -12.50 and +2500. */
  seed_database (f);

  accounts = run_json (f, "account", "list", NULL);
  object = find_by_string (root_array (accounts), "name", "Checking");
  g_assert_cmpint (member_int (object, "balance_minor"), ==, 100000 - 1250 + 250000);

  /* A later snapshot replaces the history before it. */
  snapshot = run_json (f, "balance", "set", "--account", "Checking", "--date", "2020-01-10",
                       "--amount", "400", "--note", "statement", NULL);
  object = root_object (snapshot);
  g_assert_cmpint (member_int (object, "id"), >, 0);
  g_assert_cmpstr (member_string (object, "account"), ==, "Checking");
  g_assert_cmpint (member_int (object, "account_id"), >, 0);
  g_assert_cmpstr (member_string (object, "date"), ==, "2020-01-10");
  g_assert_cmpint (member_int (object, "amount_minor"), ==, 40000);
  g_assert_cmpstr (member_string (object, "currency"), ==, "USD");
  g_assert_cmpstr (member_string (object, "note"), ==, "statement");

  g_clear_pointer (&accounts, json_node_unref);
  accounts = run_json (f, "account", "list", NULL);
  object = find_by_string (root_array (accounts), "name", "Checking");
  g_assert_cmpint (member_int (object, "balance_minor"), ==, 40000 + 250000);

  /* The same day again replaces the snapshot instead of adding one. */
  replaced = run_json (f, "balance", "set", "--account", "checking", "--date", "2020-01-10",
                       "--amount", "300", NULL);
  g_assert_cmpint (member_int (root_object (replaced), "amount_minor"), ==, 30000);
  g_assert_null (member_string (root_object (replaced), "note"));

  g_clear_pointer (&accounts, json_node_unref);
  accounts = run_json (f, "account", "list", NULL);
  object = find_by_string (root_array (accounts), "name", "Checking");
  g_assert_cmpint (member_int (object, "balance_minor"), ==, 30000 + 250000);

  /* Newest first: 2020-01-31 (Savings), 2020-01-10, then the opening balance. */
  list = run_json (f, "balance", "list", NULL);
  array = root_array (list);
  g_assert_cmpuint (json_array_get_length (array), ==, 3);
  g_assert_cmpstr (member_string (json_array_get_object_element (array, 0), "date"), ==, "2020-01-31");
  g_assert_cmpstr (member_string (json_array_get_object_element (array, 1), "date"), ==, "2020-01-10");
  g_assert_cmpint (member_int (json_array_get_object_element (array, 1), "amount_minor"), ==, 30000);
  g_assert_cmpstr (member_string (json_array_get_object_element (array, 2), "date"), ==, "2020-01-01");
  g_assert_cmpint (member_int (json_array_get_object_element (array, 2), "amount_minor"), ==, 100000);

  g_clear_pointer (&list, json_node_unref);
  list = run_json (f, "balance", "list", "--account", "Savings", NULL);
  g_assert_cmpuint (json_array_get_length (root_array (list)), ==, 1);
}

static char *
run_dump (Fixture    *f,
          const char *group)
{
  g_auto(CliResult) result = { 0 };

  run_cli (f, &result, group, "list", "--json", NULL);
  g_assert_cmpint (result.status, ==, 0);

  return g_steal_pointer (&result.out);
}

static void
test_backup_restore (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *backup = g_build_filename (f->dir, "backup.db", NULL);
  g_autofree char *accounts = NULL;
  g_autofree char *txns = NULL;
  g_autofree char *changed = NULL;
  g_autofree char *accounts_after = NULL;
  g_autofree char *txns_after = NULL;
  g_autoptr(JsonNode) saved = NULL;
  g_autoptr(JsonNode) restored = NULL;

  seed_database (f);
  accounts = run_dump (f, "account");
  txns = run_dump (f, "txn");

  saved = run_json (f, "backup", backup, NULL);
  g_assert_cmpstr (member_string (root_object (saved), "path"), ==, backup);
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));

  /* Change everything a restore must undo. */
  json_node_unref (run_json (f, "txn", "add", "--account", "Checking", "--date", "2020-05-01",
                             "--amount", "-1", NULL));
  json_node_unref (run_json (f, "account", "delete", "Savings", "--force", NULL));
  changed = run_dump (f, "txn");
  g_assert_cmpstr (changed, !=, txns);

  restored = run_json (f, "restore", backup, NULL);
  g_assert_cmpstr (member_string (root_object (restored), "path"), ==, backup);

  accounts_after = run_dump (f, "account");
  txns_after = run_dump (f, "txn");
  g_assert_cmpstr (accounts_after, ==, accounts);
  g_assert_cmpstr (txns_after, ==, txns);
}

static void
test_demo_deterministic (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *second_db = g_build_filename (f->dir, "second.db", NULL);
  g_autofree char *third_db = g_build_filename (f->dir, "third.db", NULL);
  g_autofree char *first = NULL;
  g_autofree char *dump = NULL;
  g_autofree char *after = NULL;
  g_autoptr(JsonNode) summary = NULL;
  g_autoptr(JsonNode) parsed = NULL;
  g_auto(CliResult) second = { 0 };
  g_auto(CliResult) third = { 0 };
  g_auto(CliResult) again = { 0 };
  const char * const second_args[] = { "demo", "--transactions", "2000", "--seed", "7", NULL };
  const char * const third_args[] = { "demo", "--transactions", "2000", "--seed", "8", NULL };
  const char * const list_args[] = { "txn", "list", "--json", NULL };
  JsonObject *object;
  JsonArray *array;

  summary = run_json (f, "demo", "--transactions", "2000", "--seed", "7", NULL);
  object = root_object (summary);
  g_assert_cmpint (member_int (object, "transactions"), ==, 2000);
  g_assert_cmpint (member_int (object, "accounts"), >, 0);
  g_assert_cmpint (member_int (object, "categories"), >, 0);
  g_assert_cmpint (member_int (object, "payees"), >, 0);
  g_assert_true (json_object_has_member (object, "seconds"));

  first = run_dump (f, "txn");
  parsed = json_from_string (first, NULL);
  array = root_array (parsed);
  g_assert_cmpuint (json_array_get_length (array), ==, 2000);
  g_assert_cmpstr (member_string (json_array_get_object_element (array, 1999), "date"), <=, DEMO_END_DATE);

  /* Same seed, same rows; another seed, other rows. */
  run_cliv (second_db, second_args, &again);
  g_assert_cmpint (again.status, ==, 0);
  run_cliv (second_db, list_args, &second);
  g_assert_cmpint (second.status, ==, 0);
  g_assert_cmpstr (second.out, ==, first);

  cli_result_clear (&again);
  run_cliv (third_db, third_args, &again);
  g_assert_cmpint (again.status, ==, 0);
  run_cliv (third_db, list_args, &third);
  g_assert_cmpint (third.status, ==, 0);
  g_assert_cmpstr (third.out, !=, first);

  /* Only into an empty database. */
  dump = dump_database (f->db);
  cli_result_clear (&again);
  run_cli (f, &again, "demo", "--transactions", "10", NULL);
  g_assert_cmpint (again.status, ==, 1);
  g_assert_nonnull (strstr (again.err, "already has accounts"));
  after = dump_database (f->db);
  g_assert_cmpstr (dump, ==, after);
}

static void
test_global_options (Fixture       *f,
                     gconstpointer  data)
{
  const char * const before[] = { "--json", "account", "list", NULL };
  const char * const between[] = { "account", "--json", "list", NULL };
  const char * const after[] = { "account", "list", "--json", NULL };
  g_auto(CliResult) a = { 0 };
  g_auto(CliResult) b = { 0 };
  g_auto(CliResult) c = { 0 };
  g_auto(CliResult) d = { 0 };
  g_auto(CliResult) version = { 0 };
  g_auto(CliResult) help = { 0 };
  g_autofree char *db_option = g_strdup_printf ("--db=%s", f->db);
  const char * const db_last[] = { "account", "list", "--json", db_option, NULL };

  seed_database (f);

  run_cliv (f->db, before, &a);
  run_cliv (f->db, between, &b);
  run_cliv (f->db, after, &c);
  run_cliv (NULL, db_last, &d);
  g_assert_cmpint (a.status, ==, 0);
  g_assert_true (g_str_has_prefix (a.out, "["));
  g_assert_cmpstr (a.out, ==, b.out);
  g_assert_cmpstr (a.out, ==, c.out);
  g_assert_cmpstr (a.out, ==, d.out);

  run_cli (f, &version, "--version", NULL);
  g_assert_cmpint (version.status, ==, 0);
  g_assert_nonnull (strstr (version.out, PACKAGE_VERSION));

  run_cli (f, &help, "txn", "add", "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "--amount"));
}

/* A file that is not a Budg database is refused and left byte for byte. */
static void
test_not_a_database (Fixture       *f,
                     gconstpointer  data)
{
  static const char garbage[] = "This is a shopping list, not a database.\n";
  const char * const commands[][4] = {
    { "init", NULL },
    { "account", "list", NULL },
    { "txn", "list", NULL },
    { "demo", "--transactions", "5", NULL },
  };
  g_autoptr(GError) error = NULL;

  g_file_set_contents (f->db, garbage, -1, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(CliResult) result = { 0 };
      g_autofree char *contents = NULL;

      run_cliv (f->db, commands[i], &result);
      g_assert_cmpint (result.status, ==, 1);
      g_assert_cmpstr (result.out, ==, "");
      g_assert_true (g_str_has_prefix (result.err, "budg-cli: "));
      g_assert_nonnull (strstr (result.err, "not a Budg database"));

      g_file_get_contents (f->db, &contents, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (contents, ==, garbage);
    }
}

static void
test_unwritable (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *file = g_build_filename (f->dir, "plain-file", NULL);
  g_autofree char *under_file = g_build_filename (file, "budg.db", NULL);
  g_autofree char *ro_dir = g_build_filename (f->dir, "read-only", NULL);
  g_autofree char *in_ro_dir = g_build_filename (ro_dir, "budg.db", NULL);
  const char * const init[] = { "init", NULL };
  g_auto(CliResult) result = { 0 };
  g_autoptr(GError) error = NULL;

  /* A path whose folder is a file can never be created, even by root. */
  g_file_set_contents (file, "", 0, &error);
  g_assert_no_error (error);
  run_cliv (under_file, init, &result);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_true (g_str_has_prefix (result.err, "budg-cli: "));
  g_assert_cmpstr (result.out, ==, "");

  g_assert_cmpint (g_mkdir (ro_dir, 0500), ==, 0);
  if (access (ro_dir, W_OK) == 0)
    {
      g_test_message ("Running with the power to write anywhere; skipping the read-only folder");
      return;
    }

  cli_result_clear (&result);
  run_cliv (in_ro_dir, init, &result);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_nonnull (strstr (result.err, "writable"));
  g_assert_false (g_file_test (in_ro_dir, G_FILE_TEST_EXISTS));
}

typedef struct
{
  const char *name;
  int         status;
  const char *args[16];
} BadCase;

/* Stands for a file of garbage written next to the database. */
#define GARBAGE_FILE "@garbage"

/* Each case runs on the seeded database and must leave it exactly as it was. */
static const BadCase bad_cases[] = {
  /* Bad input: exit 1. */
  { "amount", 1, { "txn", "add", "--account", "Checking", "--date", "2020-02-01", "--amount", "12,3x", NULL } },
  { "amount-overflow", 1, { "txn", "add", "--account", "Checking", "--date", "2020-02-01", "--amount", "999999999999999999999", NULL } },
  { "date", 1, { "txn", "add", "--account", "Checking", "--date", "2026-02-30", "--amount", "1", NULL } },
  { "date-words", 1, { "txn", "add", "--account", "Checking", "--date", "yesterday-ish", "--amount", "1", NULL } },
  { "empty-name", 1, { "account", "add", "", "--kind", "cash", NULL } },
  { "blank-name", 1, { "account", "add", "   ", "--kind", "cash", NULL } },
  { "duplicate-name", 1, { "account", "add", "CHECKING", "--kind", "cash", NULL } },
  { "rename-to-duplicate", 1, { "account", "edit", "Savings", "--name", "checking", NULL } },
  { "unknown-account", 1, { "txn", "add", "--account", "Brokerage", "--date", "2020-02-01", "--amount", "1", NULL } },
  { "unknown-account-id", 1, { "txn", "add", "--account", "999", "--date", "2020-02-01", "--amount", "1", NULL } },
  { "unknown-kind", 1, { "account", "add", "Wallet", "--kind", "mattress", NULL } },
  { "unknown-currency", 1, { "account", "add", "Wallet", "--kind", "cash", "--currency", "XYZ", NULL } },
  { "invalid-utf8-name", 1, { "account", "add", "Caf\xe9", "--kind", "cash", NULL } },
  { "invalid-utf8-payee", 1, { "txn", "add", "--account", "Checking", "--date", "2020-02-01", "--amount", "1", "--payee", "\xff\xfe", NULL } },
  { "unknown-category", 1, { "txn", "add", "--account", "Checking", "--date", "2020-02-01", "--amount", "1", "--category", "Travel", NULL } },
  { "unknown-status", 1, { "txn", "add", "--account", "Checking", "--date", "2020-02-01", "--amount", "1", "--status", "done", NULL } },
  { "opening-balance", 1, { "account", "add", "Wallet", "--kind", "cash", "--opening-balance", "x", "--opening-date", "2020-01-01", NULL } },
  { "opening-date", 1, { "account", "add", "Wallet", "--kind", "cash", "--opening-balance", "5", "--opening-date", "2020-13-01", NULL } },
  { "delete-with-transactions", 1, { "account", "delete", "Checking", NULL } },
  { "delete-unknown-txn", 1, { "txn", "delete", "999", NULL } },
  { "delete-bad-txn-id", 1, { "txn", "delete", "first", NULL } },
  { "duplicate-category", 1, { "category", "add", "food:groceries", NULL } },
  { "move-into-deleted", 1, { "category", "delete", "Food", "--move-to", "Food:Groceries", NULL } },
  { "bad-color", 1, { "category", "edit", "Food", "--color", "blue", NULL } },
  { "balance-amount", 1, { "balance", "set", "--account", "Savings", "--date", "2020-03-01", "--amount", "lots", NULL } },
  { "balance-unknown-account", 1, { "balance", "set", "--account", "Nope", "--date", "2020-03-01", "--amount", "1", NULL } },
  { "demo-not-empty", 1, { "demo", "--transactions", "10", NULL } },
  { "restore-missing", 1, { "restore", "/nonexistent/backup.db", NULL } },
  { "restore-garbage", 1, { "restore", GARBAGE_FILE, NULL } },
  /* Wrong usage: exit 2. */
  { "no-command", 2, { NULL } },
  { "unknown-command", 2, { "frobnicate", NULL } },
  { "unknown-subcommand", 2, { "account", "frobnicate", NULL } },
  { "missing-subcommand", 2, { "txn", NULL } },
  { "unknown-option", 2, { "account", "list", "--verbose", NULL } },
  { "unknown-global-option", 2, { "--verbose", "account", "list", NULL } },
  { "missing-kind", 2, { "account", "add", "Wallet", NULL } },
  { "missing-name", 2, { "account", "add", "--kind", "cash", NULL } },
  { "extra-argument", 2, { "account", "list", "extra", NULL } },
  { "opening-balance-alone", 2, { "account", "add", "Wallet", "--kind", "cash", "--opening-balance", "5", NULL } },
  { "opening-date-alone", 2, { "account", "add", "Wallet", "--kind", "cash", "--opening-date", "2020-01-01", NULL } },
  { "missing-amount", 2, { "txn", "add", "--account", "Checking", "--date", "2020-02-01", NULL } },
  { "missing-value", 2, { "txn", "list", "--account", NULL } },
  { "flag-with-value", 2, { "category", "add", "Travel", "--income=yes", NULL } },
  { "negative-limit", 2, { "txn", "list", "--limit", "-1", NULL } },
  { "bad-offset", 2, { "txn", "list", "--offset", "ten", NULL } },
  { "edit-nothing", 2, { "account", "edit", "Checking", NULL } },
  { "demo-bad-count", 2, { "demo", "--transactions", "many", NULL } },
  { "db-without-path", 2, { "account", "list", "--db", NULL } },
};

static void
test_bad_input (Fixture       *f,
                gconstpointer  data)
{
  const BadCase *bad = data;
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_auto(CliResult) result = { 0 };
  g_autofree char *garbage = g_build_filename (f->dir, "garbage.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  seed_database (f);
  before = dump_database (f->db);

  g_file_set_contents (garbage, "SQLite format 3 but not really", -1, &error);
  g_assert_no_error (error);

  /* With --json too: a failure must not print half a result. */
  for (guint i = 0; bad->args[i] != NULL; i++)
    {
      if (g_str_equal (bad->args[i], GARBAGE_FILE))
        g_ptr_array_add (args, garbage);
      else
        g_ptr_array_add (args, (gpointer)bad->args[i]);
    }
  if (bad->status == 1)
    g_ptr_array_add (args, (gpointer)"--json");
  g_ptr_array_add (args, NULL);

  run_cliv (f->db, (const char * const *)args->pdata, &result);
  g_test_message ("stderr: %s", result.err);
  g_assert_cmpint (result.status, ==, bad->status);
  g_assert_cmpstr (result.out, ==, "");
  g_assert_true (g_str_has_prefix (result.err, "budg-cli: "));
  if (bad->status == 2)
    g_assert_nonnull (strstr (result.err, "Usage: budg-cli"));

  after = dump_database (f->db);
  g_assert_cmpstr (after, ==, before);

  /* The dump sees real changes, so an equal dump means something. */
  g_assert_cmpint (count_rows (f->db, "transactions"), ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli/init", Fixture, NULL, fixture_setup, test_init, fixture_teardown);
  g_test_add ("/cli/account/add-list", Fixture, NULL, fixture_setup, test_account_add_list, fixture_teardown);
  g_test_add ("/cli/account/lookup", Fixture, NULL, fixture_setup, test_account_lookup, fixture_teardown);
  g_test_add ("/cli/category/two-levels", Fixture, NULL, fixture_setup, test_category_two_levels, fixture_teardown);
  g_test_add ("/cli/txn/filters", Fixture, NULL, fixture_setup, test_txn_filters, fixture_teardown);
  g_test_add ("/cli/balance/latest-snapshot", Fixture, NULL, fixture_setup, test_balance, fixture_teardown);
  g_test_add ("/cli/backup-restore", Fixture, NULL, fixture_setup, test_backup_restore, fixture_teardown);
  g_test_add ("/cli/demo/deterministic", Fixture, NULL, fixture_setup, test_demo_deterministic, fixture_teardown);
  g_test_add ("/cli/global-options", Fixture, NULL, fixture_setup, test_global_options, fixture_teardown);
  g_test_add ("/cli/not-a-database", Fixture, NULL, fixture_setup, test_not_a_database, fixture_teardown);
  g_test_add ("/cli/unwritable", Fixture, NULL, fixture_setup, test_unwritable, fixture_teardown);

  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/cli/bad-input/%s", bad_cases[i].name);

      g_test_add (path, Fixture, &bad_cases[i], fixture_setup, test_bad_input, fixture_teardown);
    }

  return g_test_run ();
}
