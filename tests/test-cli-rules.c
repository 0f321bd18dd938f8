/* test-cli-rules.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-cli-rules"

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "cli-test-util.h"

/* The rule commands of budg-cli, spawned on temporary databases: the JSON
 * members scripts rely on, a dry run that writes nothing and an apply that
 * writes what the dry run listed, and bad input that leaves the database as
 * it was.
 *
 * The seed: Checking (USD) with "AMZN MKTP US*2K4" -25.99 on 5 January,
 * "Café de Flore" -4.50 on 6 January with the memo "card", and the salary
 * +3000 from "Employer" on 1 February; Card (USD) with "amzn mktp de" -12.00
 * on 7 January. Categories Shopping, Food:Coffee and Salary.
 */

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

  f->dir = g_dir_make_tmp ("budg-cli-rules-XXXXXX", &error);
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

static GPtrArray *
collect_args (va_list ap)
{
  GPtrArray *args = g_ptr_array_new ();
  const char *arg;

  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (gpointer)arg);
  g_ptr_array_add (args, NULL);

  return args;
}

static void
run_ok (Fixture *f,
        ...) G_GNUC_NULL_TERMINATED;

static void
run_ok (Fixture *f,
        ...)
{
  g_autoptr(GPtrArray) args = NULL;
  va_list ap;

  va_start (ap, f);
  args = collect_args (ap);
  va_end (ap);

  cli_run_ok_argv (f->db, (const char * const *)args->pdata);
}

static JsonNode *
run_json (Fixture *f,
          ...) G_GNUC_NULL_TERMINATED;

static JsonNode *
run_json (Fixture *f,
          ...)
{
  g_autoptr(GPtrArray) args = NULL;
  va_list ap;

  va_start (ap, f);
  args = collect_args (ap);
  va_end (ap);

  return cli_run_json_argv (f->db, (const char * const *)args->pdata);
}

static char *
run_text (Fixture *f,
          ...) G_GNUC_NULL_TERMINATED;

static char *
run_text (Fixture *f,
          ...)
{
  g_autoptr(GPtrArray) args = NULL;
  g_auto(CliResult) result = { 0 };
  va_list ap;

  va_start (ap, f);
  args = collect_args (ap);
  va_end (ap);

  run_cliv (f->db, (const char * const *)args->pdata, &result);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.err, ==, "");

  return g_steal_pointer (&result.out);
}

static void
seed (Fixture *f)
{
  run_ok (f, "init", NULL);
  run_ok (f, "account", "add", "Checking", "--kind", "checking", "--currency", "USD", NULL);
  run_ok (f, "account", "add", "Card", "--kind", "credit-card", "--currency", "USD", NULL);
  run_ok (f, "category", "add", "Shopping", NULL);
  run_ok (f, "category", "add", "Food:Coffee", NULL);
  run_ok (f, "category", "add", "Salary", "--income", NULL);
  run_ok (f, "txn", "add", "--account", "Checking", "--date", "2026-01-05", "--amount", "-25.99",
          "--payee", "AMZN MKTP US*2K4", NULL);
  run_ok (f, "txn", "add", "--account", "Checking", "--date", "2026-01-06", "--amount", "-4.50",
          "--payee", "Café de Flore", "--memo", "card", NULL);
  run_ok (f, "txn", "add", "--account", "Checking", "--date", "2026-02-01", "--amount", "3000",
          "--payee", "Employer", NULL);
  run_ok (f, "txn", "add", "--account", "Card", "--date", "2026-01-07", "--amount", "-12",
          "--payee", "amzn mktp de", NULL);
}

static JsonObject *
find_by_int (JsonArray  *array,
             const char *member,
             gint64      value)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);

      if (member_int (object, member) == value)
        return object;
    }

  return NULL;
}

static void
test_add_list_delete (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(JsonNode) added = NULL;
  g_autoptr(JsonNode) second = NULL;
  g_autoptr(JsonNode) listed = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_autoptr(JsonNode) deleted = NULL;
  g_autofree char *text = NULL;
  JsonObject *rule;
  JsonArray *rules;

  seed (f);

  added = run_json (f, "rule", "add", "Amazon", "--payee-contains", "AMZN", "--set-payee", "Amazon",
                    "--category", "Shopping", "--sign", "out", "--min-amount", "1", "--max-amount", "100.50",
                    "--account", "Checking", "--set-status", "cleared", "--continue", NULL);
  rule = root_object (added);
  g_assert_cmpint (member_int (rule, "id"), ==, 1);
  g_assert_cmpstr (member_string (rule, "name"), ==, "Amazon");
  g_assert_cmpint (member_int (rule, "priority"), ==, 1);
  g_assert_true (member_boolean (rule, "enabled"));
  g_assert_true (member_boolean (rule, "continue"));
  g_assert_false (member_boolean (rule, "case_sensitive"));
  g_assert_cmpstr (member_string (rule, "payee_op"), ==, "contains");
  g_assert_cmpstr (member_string (rule, "payee_value"), ==, "AMZN");
  g_assert_true (member_is_null (rule, "memo_op"));
  g_assert_true (member_is_null (rule, "memo_value"));
  g_assert_cmpint (member_int (rule, "min_amount_minor"), ==, 100);
  g_assert_cmpint (member_int (rule, "max_amount_minor"), ==, 10050);
  g_assert_cmpstr (member_string (rule, "sign"), ==, "out");
  g_assert_cmpstr (member_string (rule, "account"), ==, "Checking");
  g_assert_cmpint (member_int (rule, "account_id"), ==, 1);
  g_assert_cmpstr (member_string (rule, "category"), ==, "Shopping");
  g_assert_cmpint (member_int (rule, "category_id"), >, 0);
  g_assert_cmpstr (member_string (rule, "set_payee"), ==, "Amazon");
  g_assert_true (member_is_null (rule, "set_memo"));
  g_assert_cmpstr (member_string (rule, "set_status"), ==, "cleared");

  second = run_json (f, "rule", "add", "Coffee", "--memo-regex", "^card$", "--case-sensitive",
                     "--set-memo", "coffee", "--priority", "1", "--disabled", NULL);
  rule = root_object (second);
  g_assert_cmpint (member_int (rule, "priority"), ==, 1);
  g_assert_false (member_boolean (rule, "enabled"));
  g_assert_true (member_boolean (rule, "case_sensitive"));
  g_assert_cmpstr (member_string (rule, "memo_op"), ==, "regex");
  g_assert_true (member_is_null (rule, "payee_op"));
  g_assert_true (member_is_null (rule, "min_amount_minor"));
  g_assert_true (member_is_null (rule, "account_id"));
  g_assert_true (member_is_null (rule, "category"));
  g_assert_true (member_is_null (rule, "category_id"));
  g_assert_cmpstr (member_string (rule, "sign"), ==, "any");
  g_assert_true (member_is_null (rule, "set_status"));

  /* Listed in the order they run: priority, then id. */
  listed = run_json (f, "rule", "list", NULL);
  rules = root_array (listed);
  g_assert_cmpuint (json_array_get_length (rules), ==, 2);
  g_assert_cmpint (member_int (json_array_get_object_element (rules, 0), "id"), ==, 1);
  g_assert_cmpint (member_int (json_array_get_object_element (rules, 1), "id"), ==, 2);
  g_assert_nonnull (find_by_string (rules, "name", "Coffee"));

  text = run_text (f, "rule", "list", NULL);
  g_assert_nonnull (strstr (text, "Amazon"));
  g_assert_nonnull (strstr (text, "payee contains “AMZN”"));
  g_assert_nonnull (strstr (text, "100.50"));

  deleted = run_json (f, "rule", "delete", "1", NULL);
  g_assert_cmpint (member_int (root_object (deleted), "id"), ==, 1);
  g_assert_true (member_boolean (root_object (deleted), "deleted"));
  after = run_json (f, "rule", "list", NULL);
  g_assert_cmpuint (json_array_get_length (root_array (after)), ==, 1);
  g_assert_null (find_by_int (root_array (after), "id", 1));
}

static void
test_apply (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(JsonNode) dry = NULL;
  g_autoptr(JsonNode) applied = NULL;
  g_autoptr(JsonNode) again = NULL;
  g_autoptr(JsonNode) one = NULL;
  g_autoptr(JsonNode) txns = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *text = NULL;
  JsonArray *changes;
  JsonArray *applied_changes;
  JsonObject *change;

  seed (f);
  run_ok (f, "rule", "add", "Amazon", "--payee-starts-with", "amzn mktp", "--set-payee", "Amazon",
          "--category", "Shopping", NULL);
  run_ok (f, "rule", "add", "Coffee", "--payee-contains", "CAFÉ", "--category", "Food:Coffee",
          "--set-status", "cleared", "--max-amount", "10", "--sign", "out", NULL);
  run_ok (f, "rule", "add", "Salary", "--payee-is", "employer", "--sign", "in", "--category", "Salary", NULL);

  /* The dry run lists everything and writes nothing. */
  before = dump_database (f->db);
  dry = run_json (f, "rule", "apply", "--dry-run", NULL);
  after = dump_database (f->db);
  g_assert_cmpstr (after, ==, before);
  g_assert_true (member_boolean (root_object (dry), "dry_run"));
  g_assert_cmpint (member_int (root_object (dry), "changed"), ==, 4);
  changes = json_object_get_array_member (root_object (dry), "changes");
  g_assert_cmpuint (json_array_get_length (changes), ==, 4);

  change = json_array_get_object_element (changes, 0);
  g_assert_cmpstr (member_string (change, "date"), ==, "2026-01-05");
  g_assert_cmpint (member_int (change, "amount_minor"), ==, -2599);
  g_assert_cmpint (member_int (change, "rule_id"), ==, 1);
  g_assert_cmpstr (member_string (change, "payee"), ==, "AMZN MKTP US*2K4");
  g_assert_cmpstr (member_string (change, "new_payee"), ==, "Amazon");
  g_assert_true (member_is_null (change, "category"));
  g_assert_cmpstr (member_string (change, "new_category"), ==, "Shopping");
  g_assert_true (member_is_null (change, "memo"));
  g_assert_true (member_is_null (change, "new_memo"));
  g_assert_cmpstr (member_string (change, "status"), ==, "pending");
  g_assert_cmpstr (member_string (change, "new_status"), ==, "pending");
  g_assert_cmpint (member_int (change, "transaction_id"), ==, 1);

  change = find_by_int (changes, "transaction_id", 2);
  g_assert_nonnull (change);
  g_assert_cmpint (member_int (change, "rule_id"), ==, 2);
  g_assert_cmpstr (member_string (change, "new_category"), ==, "Food:Coffee");
  g_assert_cmpstr (member_string (change, "new_status"), ==, "cleared");
  g_assert_cmpstr (member_string (change, "memo"), ==, "card");
  g_assert_cmpstr (member_string (change, "new_memo"), ==, "card");

  /* One account, one rule. */
  one = run_json (f, "rule", "apply", "--dry-run", "--account", "Card", NULL);
  g_assert_cmpint (member_int (root_object (one), "changed"), ==, 1);
  g_clear_pointer (&one, json_node_unref);
  one = run_json (f, "rule", "apply", "--dry-run", "--rule", "3", NULL);
  g_assert_cmpint (member_int (root_object (one), "changed"), ==, 1);

  text = run_text (f, "rule", "apply", "--dry-run", NULL);
  g_assert_nonnull (strstr (text, "AMZN MKTP US*2K4 → Amazon"));
  g_assert_nonnull (strstr (text, "4 transactions"));

  /* Applying makes exactly the listed changes. */
  applied = run_json (f, "rule", "apply", NULL);
  g_assert_false (member_boolean (root_object (applied), "dry_run"));
  applied_changes = json_object_get_array_member (root_object (applied), "changes");
  g_assert_cmpuint (json_array_get_length (applied_changes), ==, json_array_get_length (changes));
  for (guint i = 0; i < json_array_get_length (changes); i++)
    {
      JsonObject *a = json_array_get_object_element (changes, i);
      JsonObject *b = json_array_get_object_element (applied_changes, i);

      g_assert_cmpint (member_int (a, "transaction_id"), ==, member_int (b, "transaction_id"));
      g_assert_cmpstr (member_string (a, "new_payee"), ==, member_string (b, "new_payee"));
      g_assert_cmpstr (member_string (a, "new_category"), ==, member_string (b, "new_category"));
      g_assert_cmpstr (member_string (a, "new_status"), ==, member_string (b, "new_status"));
    }

  txns = run_json (f, "txn", "list", NULL);
  for (guint i = 0; i < json_array_get_length (changes); i++)
    {
      JsonObject *expected = json_array_get_object_element (changes, i);
      JsonObject *row = find_by_int (root_array (txns), "id", member_int (expected, "transaction_id"));

      g_assert_nonnull (row);
      g_assert_cmpstr (member_string (row, "payee"), ==, member_string (expected, "new_payee"));
      g_assert_cmpstr (member_string (row, "category"), ==, member_string (expected, "new_category"));
      g_assert_cmpstr (member_string (row, "status"), ==, member_string (expected, "new_status"));
    }

  again = run_json (f, "rule", "apply", NULL);
  g_assert_cmpint (member_int (root_object (again), "changed"), ==, 0);
}

typedef struct
{
  const char *name;
  int         status;
  const char *args[16];
} BadCase;

static const BadCase bad_cases[] = {
  /* Wrong usage: exit 2. */
  { "add-no-name", 2, { "rule", "add", "--payee-is", "X", "--category", "Shopping", NULL } },
  { "add-two-payee-ops", 2, { "rule", "add", "X", "--payee-is", "A", "--payee-contains", "B", "--category", "Shopping", NULL } },
  { "add-bad-sign", 2, { "rule", "add", "X", "--payee-is", "A", "--sign", "up", "--category", "Shopping", NULL } },
  { "add-bad-status", 2, { "rule", "add", "X", "--payee-is", "A", "--set-status", "done", NULL } },
  { "add-unknown-option", 2, { "rule", "add", "X", "--payee-like", "A", NULL } },
  { "delete-no-id", 2, { "rule", "delete", NULL } },
  { "list-argument", 2, { "rule", "list", "all", NULL } },
  { "apply-argument", 2, { "rule", "apply", "now", NULL } },
  /* Bad input: exit 1. */
  { "add-bad-regex", 1, { "rule", "add", "X", "--payee-regex", "AMZN(", "--category", "Shopping", NULL } },
  { "add-unknown-category", 1, { "rule", "add", "X", "--payee-is", "A", "--category", "Toys", NULL } },
  { "add-unknown-account", 1, { "rule", "add", "X", "--payee-is", "A", "--account", "Vault", "--category", "Shopping", NULL } },
  { "add-min-over-max", 1, { "rule", "add", "X", "--payee-is", "A", "--min-amount", "50", "--max-amount", "10", "--category", "Shopping", NULL } },
  { "add-negative-amount", 1, { "rule", "add", "X", "--payee-is", "A", "--min-amount", "-5", "--category", "Shopping", NULL } },
  { "add-bad-amount", 1, { "rule", "add", "X", "--payee-is", "A", "--max-amount", "lots", "--category", "Shopping", NULL } },
  { "add-no-action", 1, { "rule", "add", "X", "--payee-is", "A", NULL } },
  { "add-no-condition", 1, { "rule", "add", "X", "--category", "Shopping", NULL } },
  { "add-empty-name", 1, { "rule", "add", " ", "--payee-is", "A", "--category", "Shopping", NULL } },
  { "add-empty-value", 1, { "rule", "add", "X", "--payee-contains", "", "--category", "Shopping", NULL } },
  { "add-bad-priority", 1, { "rule", "add", "X", "--payee-is", "A", "--category", "Shopping", "--priority", "first", NULL } },
  { "delete-unknown", 1, { "rule", "delete", "42", NULL } },
  { "delete-not-a-number", 1, { "rule", "delete", "Amazon", NULL } },
  { "apply-unknown-rule", 1, { "rule", "apply", "--rule", "42", NULL } },
  { "apply-unknown-account", 1, { "rule", "apply", "--account", "Vault", NULL } },
};

static void
test_bad_input (Fixture       *f,
                gconstpointer  data)
{
  const BadCase *bad = data;
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_auto(CliResult) result = { 0 };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  seed (f);
  run_ok (f, "rule", "add", "Amazon", "--payee-contains", "amzn", "--category", "Shopping", NULL);
  before = dump_database (f->db);

  for (guint i = 0; bad->args[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer)bad->args[i]);
  /* With --json too: a failure must not print half a result. */
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
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli-rules/add-list-delete", Fixture, NULL, fixture_setup, test_add_list_delete, fixture_teardown);
  g_test_add ("/cli-rules/apply", Fixture, NULL, fixture_setup, test_apply, fixture_teardown);

  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/cli-rules/bad-input/%s", bad_cases[i].name);

      g_test_add (path, Fixture, &bad_cases[i], fixture_setup, test_bad_input, fixture_teardown);
    }

  return g_test_run ();
}
