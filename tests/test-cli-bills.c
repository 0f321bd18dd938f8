/* test-cli-bills.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-cli-bills"

#include "config.h"

#include <json-glib/json-glib.h>
#include <libical/ical.h>
#include <string.h>

#include "budg-money.h"
#include "cli-test-util.h"

/* The bill, due and forecast commands of budg-cli, spawned on temporary
 * databases. Dates are pinned to 2030, far from today, except where a
 * default that starts today is what is being tested.
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

  f->dir = g_dir_make_tmp ("budg-cli-bills-XXXXXX", &error);
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

static JsonNode *
run_jsonv (Fixture            *f,
           const char * const *argv)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_auto(CliResult) result = { 0 };
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  for (guint i = 0; argv[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer)argv[i]);
  g_ptr_array_add (args, (gpointer)"--json");
  g_ptr_array_add (args, NULL);

  run_cliv (f->db, (const char * const *)args->pdata, &result);
  if (result.status != 0)
    g_printerr ("%s", result.err);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.err, ==, "");

  root = json_from_string (result.out, &error);
  g_assert_no_error (error);
  g_assert_nonnull (root);

  return root;
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
  const char *arg;
  va_list ap;

  va_start (ap, f);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (gpointer)arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  return run_jsonv (f, (const char * const *)args->pdata);
}

/* Runs a command that must succeed; its output is not looked at. */
static void
run_ok (Fixture *f,
        ...) G_GNUC_NULL_TERMINATED;

static void
run_ok (Fixture *f,
        ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_auto(CliResult) result = { 0 };
  const char *arg;
  va_list ap;

  va_start (ap, f);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (gpointer)arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  run_cliv (f->db, (const char * const *)args->pdata, &result);
  if (result.status != 0)
    g_printerr ("%s", result.err);
  g_assert_cmpint (result.status, ==, 0);
}

static char *
today_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static char *
iso_add_days (const char *iso,
              int         days)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_parse (&date, iso);
  g_assert_true (g_date_valid (&date));
  g_date_add_days (&date, days);

  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));
}

/* An account and the categories the bills use. */
static void
seed_accounts (Fixture *f)
{
  run_ok (f, "init", NULL);
  run_ok (f, "account", "add", "Checking", "--kind", "checking", "--currency", "USD", NULL);
  run_ok (f, "account", "add", "Savings", "--kind", "savings", "--currency", "USD", NULL);
  run_ok (f, "category", "add", "Housing:Rent", NULL);
  run_ok (f, "category", "add", "Salary", "--income", NULL);
}

/* A monthly bill of @amount on day @day of the month from January 2030. */
static void
add_monthly (Fixture    *f,
             const char *name,
             const char *amount,
             int         day)
{
  g_autofree char *rule = g_strdup_printf ("FREQ=MONTHLY;BYMONTHDAY=%d", day);
  g_autofree char *start = g_strdup_printf ("2030-01-%02d", day);

  run_ok (f, "bill", "add", name, "--amount", amount, "--account", "Checking",
          "--rrule", rule, "--start", start, NULL);
}

/* The due bills of [@from, @to] as "name@due_date" in listed order. */
static char *
due_order (Fixture    *f,
           const char *from,
           const char *to)
{
  g_autoptr(JsonNode) root = run_json (f, "due", "list", "--from", from, "--to", to, NULL);
  JsonArray *array = root_array (root);
  g_autoptr(GString) order = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *due = json_array_get_object_element (array, i);

      if (i > 0)
        g_string_append_c (order, ',');
      g_string_append_printf (order, "%s@%s", member_string (due, "name"), member_string (due, "due_date"));
    }

  return g_string_free (g_steal_pointer (&order), FALSE);
}

/* The id of the due bill @name due on @date, as a string for arguments. */
static char *
due_id (Fixture    *f,
        const char *name,
        const char *date)
{
  g_autoptr(JsonNode) root = run_json (f, "due", "list", "--from", date, "--to", date, NULL);
  JsonArray *array = root_array (root);
  JsonObject *due = find_by_string (array, "name", name);

  g_assert_nonnull (due);

  return g_strdup_printf ("%" G_GINT64_FORMAT, member_int (due, "id"));
}

static JsonObject *
due_by_id (JsonArray  *array,
           const char *id)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *due = json_array_get_object_element (array, i);
      g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, member_int (due, "id"));

      if (g_str_equal (text, id))
        return due;
    }

  return NULL;
}

static void
test_bill_add_list (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(JsonNode) rent_root = NULL;
  g_autoptr(JsonNode) pay_root = NULL;
  g_autoptr(JsonNode) list_root = NULL;
  g_auto(CliResult) text = { 0 };
  JsonObject *rent;
  JsonObject *pay;
  JsonArray *list;

  seed_accounts (f);

  rent_root = run_json (f, "bill", "add", "Rent", "--amount", "1200", "--account", "Checking",
                        "--category", "Housing:Rent", "--rrule", "FREQ=MONTHLY;BYMONTHDAY=1",
                        "--start", "2030-01-01", "--count", "12", "--payee", "Landlord",
                        "--notes", "Paid by transfer", "--autopay", NULL);
  rent = root_object (rent_root);
  g_assert_cmpint (member_int (rent, "id"), >, 0);
  g_assert_cmpstr (member_string (rent, "name"), ==, "Rent");
  g_assert_cmpstr (member_string (rent, "payee"), ==, "Landlord");
  g_assert_cmpstr (member_string (rent, "account"), ==, "Checking");
  g_assert_cmpint (member_int (rent, "account_id"), >, 0);
  g_assert_cmpstr (member_string (rent, "currency"), ==, "USD");
  g_assert_cmpstr (member_string (rent, "category"), ==, "Housing:Rent");
  /* The positive size, whatever the direction. */
  g_assert_cmpint (member_int (rent, "amount_minor"), ==, 120000);
  g_assert_true (member_is_null (rent, "amount_max_minor"));
  g_assert_false (member_boolean (rent, "income"));
  g_assert_cmpstr (member_string (rent, "rrule"), ==, "FREQ=MONTHLY;BYMONTHDAY=1");
  g_assert_nonnull (member_string (rent, "description"));
  g_assert_cmpstr (member_string (rent, "description"), !=, "");
  g_assert_cmpstr (member_string (rent, "start"), ==, "2030-01-01");
  g_assert_null (member_string (rent, "until"));
  g_assert_cmpint (member_int (rent, "count"), ==, 12);
  g_assert_cmpstr (member_string (rent, "weekend"), ==, "none");
  g_assert_true (member_boolean (rent, "autopay"));
  /* Reminders three days ahead unless told. */
  g_assert_cmpint (member_int (rent, "lead_days"), ==, 3);
  g_assert_cmpstr (member_string (rent, "notes"), ==, "Paid by transfer");
  g_assert_true (member_boolean (rent, "active"));

  pay_root = run_json (f, "bill", "add", "Salary", "--amount", "2000.50", "--account", "Checking",
                       "--category", "Salary", "--rrule", "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR",
                       "--start", "2030-01-04", "--until", "2030-12-31", "--income",
                       "--weekend", "before", "--lead-days", "0", "--estimate-max", "2500", NULL);
  pay = root_object (pay_root);
  g_assert_cmpint (member_int (pay, "id"), !=, member_int (rent, "id"));
  g_assert_cmpint (member_int (pay, "amount_minor"), ==, 200050);
  g_assert_cmpint (member_int (pay, "amount_max_minor"), ==, 250000);
  g_assert_true (member_boolean (pay, "income"));
  g_assert_cmpstr (member_string (pay, "until"), ==, "2030-12-31");
  g_assert_true (member_is_null (pay, "count"));
  g_assert_cmpstr (member_string (pay, "weekend"), ==, "before");
  g_assert_cmpint (member_int (pay, "lead_days"), ==, 0);
  g_assert_false (member_boolean (pay, "autopay"));
  g_assert_null (member_string (pay, "payee"));
  g_assert_null (member_string (pay, "notes"));

  /* The list holds what add printed, ordered by name. */
  list_root = run_json (f, "bill", "list", NULL);
  list = root_array (list_root);
  g_assert_cmpuint (json_array_get_length (list), ==, 2);
  g_assert_true (json_node_equal (json_array_get_element (list, 0), rent_root));
  g_assert_true (json_node_equal (json_array_get_element (list, 1), pay_root));

  run_cli (f, &text, "bill", "list", NULL);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out, "Rent"));
  g_assert_nonnull (strstr (text.out, "-1200.00 USD"));
  g_assert_nonnull (strstr (text.out, "2000.50 USD"));
}

static void
test_bill_edit_delete (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(JsonNode) edited = NULL;
  g_autoptr(JsonNode) inactive = NULL;
  g_autoptr(JsonNode) split = NULL;
  g_autoptr(JsonNode) list_root = NULL;
  g_autoptr(JsonNode) dues_root = NULL;
  g_autoptr(JsonNode) deleted = NULL;
  g_autoptr(JsonNode) after_delete = NULL;
  g_auto(CliResult) nothing = { 0 };
  g_auto(CliResult) unknown = { 0 };
  g_autofree char *order = NULL;
  JsonObject *object;
  JsonObject *old_phone;
  JsonObject *new_phone;
  JsonArray *list;
  JsonArray *dues;
  gint64 rent_id;
  gint64 phone_id;

  seed_accounts (f);
  add_monthly (f, "Rent", "1200", 1);
  add_monthly (f, "Phone", "50", 10);

  /* The whole series, named by name. */
  edited = run_json (f, "bill", "edit", "rent", "--amount", "1250", "--payee", "Landlord",
                     "--count", "6", NULL);
  object = root_object (edited);
  rent_id = member_int (object, "id");
  g_assert_cmpint (member_int (object, "amount_minor"), ==, 125000);
  g_assert_cmpstr (member_string (object, "payee"), ==, "Landlord");
  g_assert_cmpint (member_int (object, "count"), ==, 6);

  /* By id; an empty value removes an optional field; --until replaces --count. */
  {
    g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, rent_id);

    inactive = run_json (f, "bill", "edit", id, "--active", "false", "--payee", "",
                         "--until", "2030-06-30", NULL);
  }
  object = root_object (inactive);
  g_assert_cmpint (member_int (object, "id"), ==, rent_id);
  g_assert_false (member_boolean (object, "active"));
  g_assert_null (member_string (object, "payee"));
  g_assert_cmpstr (member_string (object, "until"), ==, "2030-06-30");
  g_assert_true (member_is_null (object, "count"));

  /* An inactive bill has nothing due. */
  order = due_order (f, "2030-03-01", "2030-03-31");
  g_assert_cmpstr (order, ==, "Phone@2030-03-10");

  /* This and all future ones: the old series ends, a new one starts. */
  list_root = run_json (f, "bill", "list", NULL);
  phone_id = member_int (find_by_string (root_array (list_root), "name", "Phone"), "id");
  split = run_json (f, "bill", "edit", "Phone", "--amount", "60", "--from-date", "2030-04-10", NULL);
  object = root_object (split);
  g_assert_cmpint (member_int (object, "id"), !=, phone_id);
  g_assert_cmpint (member_int (object, "amount_minor"), ==, 6000);
  g_assert_cmpstr (member_string (object, "start"), ==, "2030-04-10");

  g_clear_pointer (&list_root, json_node_unref);
  list_root = run_json (f, "bill", "list", NULL);
  list = root_array (list_root);
  g_assert_cmpuint (json_array_get_length (list), ==, 3);
  old_phone = NULL;
  new_phone = NULL;
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *bill = json_array_get_object_element (list, i);

      if (member_int (bill, "id") == phone_id)
        old_phone = bill;
      else if (g_str_equal (member_string (bill, "name"), "Phone"))
        new_phone = bill;
    }
  g_assert_nonnull (old_phone);
  g_assert_nonnull (new_phone);
  g_assert_cmpstr (member_string (old_phone, "until"), ==, "2030-04-09");
  g_assert_cmpint (member_int (old_phone, "amount_minor"), ==, 5000);

  dues_root = run_json (f, "due", "list", "--from", "2030-02-01", "--to", "2030-05-31", NULL);
  dues = root_array (dues_root);
  g_assert_cmpuint (json_array_get_length (dues), ==, 4);
  g_assert_cmpint (member_int (json_array_get_object_element (dues, 0), "amount_minor"), ==, -5000);
  g_assert_cmpint (member_int (json_array_get_object_element (dues, 1), "amount_minor"), ==, -5000);
  g_assert_cmpint (member_int (json_array_get_object_element (dues, 2), "amount_minor"), ==, -6000);
  g_assert_cmpint (member_int (json_array_get_object_element (dues, 3), "amount_minor"), ==, -6000);

  run_cli (f, &nothing, "bill", "edit", "Rent", NULL);
  g_assert_cmpint (nothing.status, ==, 2);

  deleted = run_json (f, "bill", "delete", "Rent", NULL);
  g_assert_cmpint (member_int (root_object (deleted), "id"), ==, rent_id);
  g_assert_true (member_boolean (root_object (deleted), "deleted"));
  after_delete = run_json (f, "bill", "list", NULL);
  g_assert_null (find_by_string (root_array (after_delete), "name", "Rent"));
  g_assert_cmpuint (json_array_get_length (root_array (after_delete)), ==, 2);

  run_cli (f, &unknown, "bill", "delete", "Rent", NULL);
  g_assert_cmpint (unknown.status, ==, 1);
  g_assert_nonnull (strstr (unknown.err, "Rent"));
}

static void
test_due_list (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(JsonNode) first = NULL;
  g_autoptr(JsonNode) again = NULL;
  g_autoptr(JsonNode) savings = NULL;
  g_auto(CliResult) text = { 0 };
  const char * const fields[] = {
    "id", "bill_id", "name", "due_date", "occurrence_date", "amount_minor", "currency",
    "account", "account_id", "status", "priority", "transaction_id", "autopay",
  };
  const char * const statuses[] = { "upcoming", "due", "overdue", "paid", "skipped" };
  JsonArray *array;

  seed_accounts (f);
  add_monthly (f, "Water", "40", 15);
  add_monthly (f, "Rent", "1200", 1);
  add_monthly (f, "Electric", "80", 1);
  run_ok (f, "bill", "add", "Salary", "--amount", "2000", "--account", "Checking", "--income",
          "--rrule", "FREQ=MONTHLY;BYMONTHDAY=1", "--start", "2030-01-01", NULL);
  run_ok (f, "bill", "add", "Transfer", "--amount", "100", "--account", "Savings",
          "--rrule", "FREQ=MONTHLY;BYMONTHDAY=20", "--start", "2030-01-20", NULL);

  first = run_json (f, "due", "list", "--from", "2030-03-01", "--to", "2030-03-31", NULL);
  array = root_array (first);
  g_assert_cmpuint (json_array_get_length (array), ==, 5);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *due = json_array_get_object_element (array, i);
      gboolean known = FALSE;

      for (guint k = 0; k < G_N_ELEMENTS (fields); k++)
        g_assert_true (json_object_has_member (due, fields[k]));

      /* Materialized: every row has an id to act on. */
      g_assert_cmpint (member_int (due, "id"), >, 0);
      g_assert_cmpint (member_int (due, "bill_id"), >, 0);
      g_assert_cmpstr (member_string (due, "currency"), ==, "USD");
      g_assert_true (member_is_null (due, "transaction_id"));
      g_assert_false (member_boolean (due, "autopay"));
      for (guint s = 0; s < G_N_ELEMENTS (statuses); s++)
        known |= g_str_equal (member_string (due, "status"), statuses[s]);
      g_assert_true (known);

      /* Date order, then priority. */
      if (i > 0)
        {
          JsonObject *prev = json_array_get_object_element (array, i - 1);
          int cmp = strcmp (member_string (prev, "due_date"), member_string (due, "due_date"));

          g_assert_cmpint (cmp, <=, 0);
          if (cmp == 0)
            g_assert_cmpint (member_int (prev, "priority"), <=, member_int (due, "priority"));
        }
    }

  /* Signed amounts: bills out, income in. */
  g_assert_cmpint (member_int (find_by_string (array, "name", "Rent"), "amount_minor"), ==, -120000);
  g_assert_cmpint (member_int (find_by_string (array, "name", "Salary"), "amount_minor"), ==, 200000);
  g_assert_cmpstr (member_string (find_by_string (array, "name", "Water"), "due_date"), ==, "2030-03-15");
  g_assert_cmpstr (member_string (find_by_string (array, "name", "Water"), "occurrence_date"), ==, "2030-03-15");
  g_assert_cmpstr (member_string (find_by_string (array, "name", "Transfer"), "account"), ==, "Savings");

  /* Listing again hands out the same ids. */
  again = run_json (f, "due", "list", "--from", "2030-03-01", "--to", "2030-03-31", NULL);
  g_assert_true (json_node_equal (first, again));

  savings = run_json (f, "due", "list", "--from", "2030-03-01", "--to", "2030-03-31",
                      "--account", "Savings", NULL);
  g_assert_cmpuint (json_array_get_length (root_array (savings)), ==, 1);
  g_assert_cmpstr (member_string (json_array_get_object_element (root_array (savings), 0), "name"), ==, "Transfer");

  run_cli (f, &text, "due", "list", "--from", "2030-03-01", "--to", "2030-03-31", NULL);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out, "2030-03-15"));
  g_assert_nonnull (strstr (text.out, "-1200.00 USD"));
}

/* `due list` and `export ics` start today when not told, `forecast` too. */
static void
test_defaults (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *today = today_iso ();
  g_autofree char *in_30 = iso_add_days (today, 30);
  g_autofree char *ics = g_build_filename (f->dir, "default.ics", NULL);
  g_autoptr(JsonNode) dues = NULL;
  g_autoptr(JsonNode) export = NULL;
  g_autoptr(JsonNode) forecast = NULL;
  JsonArray *array;

  seed_accounts (f);
  run_ok (f, "bill", "add", "Coffee", "--amount", "3", "--account", "Checking",
          "--rrule", "FREQ=DAILY", "--start", today, NULL);

  dues = run_json (f, "due", "list", NULL);
  array = root_array (dues);
  g_assert_cmpuint (json_array_get_length (array), ==, 31);
  g_assert_cmpstr (member_string (json_array_get_object_element (array, 0), "due_date"), ==, today);
  g_assert_cmpstr (member_string (json_array_get_object_element (array, 30), "due_date"), ==, in_30);

  export = run_json (f, "export", "ics", ics, NULL);
  g_assert_cmpint (member_int (root_object (export), "events"), ==, 91);

  forecast = run_json (f, "forecast", "--account", "Checking", "--to", in_30, NULL);
  array = json_object_get_array_member (root_object (forecast), "days");
  g_assert_cmpuint (json_array_get_length (array), ==, 31);
  g_assert_cmpstr (member_string (json_array_get_object_element (array, 0), "date"), ==, today);
}

static void
test_due_pay (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *rent = NULL;
  g_autofree char *salary = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *paid_id = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(JsonNode) paid = NULL;
  g_autoptr(JsonNode) txns = NULL;
  g_autoptr(JsonNode) dues = NULL;
  g_autoptr(JsonNode) income = NULL;
  g_autoptr(JsonNode) partial = NULL;
  g_autoptr(JsonNode) all_txns = NULL;
  g_auto(CliResult) twice = { 0 };
  g_auto(CliResult) negative = { 0 };
  JsonObject *txn;
  JsonObject *due;
  gint64 transaction_id;

  seed_accounts (f);
  run_ok (f, "bill", "add", "Rent", "--amount", "1200", "--account", "Checking", "--category", "Housing:Rent",
          "--payee", "Landlord", "--rrule", "FREQ=MONTHLY;BYMONTHDAY=1", "--start", "2030-01-01", NULL);
  run_ok (f, "bill", "add", "Salary", "--amount", "2000", "--account", "Checking", "--income",
          "--rrule", "FREQ=MONTHLY;BYMONTHDAY=1", "--start", "2030-01-01", NULL);
  add_monthly (f, "Phone", "50", 10);

  rent = due_id (f, "Rent", "2030-03-01");
  salary = due_id (f, "Salary", "2030-03-01");
  phone = due_id (f, "Phone", "2030-03-10");

  txns = run_json (f, "txn", "list", NULL);
  g_assert_cmpuint (json_array_get_length (root_array (txns)), ==, 0);
  g_clear_pointer (&txns, json_node_unref);

  paid = run_json (f, "due", "pay", rent, NULL);
  transaction_id = member_int (root_object (paid), "transaction_id");
  g_assert_cmpint (transaction_id, >, 0);
  g_assert_cmpstr (member_string (root_object (paid), "status"), ==, "paid");
  paid_id = g_strdup_printf ("%" G_GINT64_FORMAT, member_int (root_object (paid), "id"));
  g_assert_cmpstr (paid_id, ==, rent);

  /* Exactly one transaction, on the due date, for the bill's signed amount. */
  txns = run_json (f, "txn", "list", NULL);
  g_assert_cmpuint (json_array_get_length (root_array (txns)), ==, 1);
  txn = json_array_get_object_element (root_array (txns), 0);
  g_assert_cmpint (member_int (txn, "id"), ==, transaction_id);
  g_assert_cmpint (member_int (txn, "amount_minor"), ==, -120000);
  g_assert_cmpstr (member_string (txn, "date"), ==, "2030-03-01");
  g_assert_cmpstr (member_string (txn, "account"), ==, "Checking");
  g_assert_cmpstr (member_string (txn, "payee"), ==, "Landlord");
  g_assert_cmpstr (member_string (txn, "category"), ==, "Housing:Rent");

  /* Linked. */
  dues = run_json (f, "due", "list", "--from", "2030-03-01", "--to", "2030-03-31", NULL);
  due = due_by_id (root_array (dues), rent);
  g_assert_nonnull (due);
  g_assert_cmpstr (member_string (due, "status"), ==, "paid");
  g_assert_cmpint (member_int (due, "transaction_id"), ==, transaction_id);

  /* Paying twice fails and changes nothing. */
  before = dump_database (f->db);
  run_cli (f, &twice, "due", "pay", rent, NULL);
  g_assert_cmpint (twice.status, ==, 1);
  g_assert_cmpstr (twice.out, ==, "");
  g_assert_true (g_str_has_prefix (twice.err, "budg-cli: "));
  run_cli (f, &negative, "due", "pay", phone, "--amount", "-50", NULL);
  g_assert_cmpint (negative.status, ==, 1);
  after = dump_database (f->db);
  g_assert_cmpstr (before, ==, after);

  /* Income: the typed size becomes money in. */
  income = run_json (f, "due", "pay", salary, "--amount", "1990.10", "--date", "2030-02-28", NULL);
  /* A bill with another amount and date. */
  partial = run_json (f, "due", "pay", phone, "--amount", "48.25", "--date", "2030-03-12", NULL);

  all_txns = run_json (f, "txn", "list", NULL);
  g_assert_cmpuint (json_array_get_length (root_array (all_txns)), ==, 3);
  txn = NULL;
  for (guint i = 0; i < 3; i++)
    {
      JsonObject *t = json_array_get_object_element (root_array (all_txns), i);

      if (member_int (t, "id") == member_int (root_object (income), "transaction_id"))
        {
          g_assert_cmpint (member_int (t, "amount_minor"), ==, 199010);
          g_assert_cmpstr (member_string (t, "date"), ==, "2030-02-28");
          txn = t;
        }
      else if (member_int (t, "id") == member_int (root_object (partial), "transaction_id"))
        {
          g_assert_cmpint (member_int (t, "amount_minor"), ==, -4825);
          g_assert_cmpstr (member_string (t, "date"), ==, "2030-03-12");
        }
      else
        g_assert_cmpint (member_int (t, "id"), ==, transaction_id);
    }
  g_assert_nonnull (txn);
}

static void
test_due_skip (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *rent = NULL;
  g_autoptr(JsonNode) skipped = NULL;
  g_autoptr(JsonNode) listed = NULL;
  g_autoptr(JsonNode) undone = NULL;
  g_auto(CliResult) again = { 0 };
  g_auto(CliResult) pay_after = { 0 };

  seed_accounts (f);
  add_monthly (f, "Rent", "1200", 1);
  rent = due_id (f, "Rent", "2030-03-01");

  skipped = run_json (f, "due", "skip", rent, NULL);
  g_assert_cmpstr (member_string (root_object (skipped), "status"), ==, "skipped");
  g_assert_cmpstr (member_string (root_object (skipped), "due_date"), ==, "2030-03-01");

  /* Kept: a new process sees it skipped. */
  listed = run_json (f, "due", "list", "--from", "2030-03-01", "--to", "2030-03-01", NULL);
  g_assert_cmpuint (json_array_get_length (root_array (listed)), ==, 1);
  g_assert_cmpstr (member_string (json_array_get_object_element (root_array (listed), 0), "status"), ==, "skipped");

  undone = run_json (f, "due", "skip", rent, "--undo", NULL);
  g_assert_cmpstr (member_string (root_object (undone), "status"), !=, "skipped");
  g_assert_cmpstr (member_string (root_object (undone), "status"), !=, "paid");

  run_cli (f, &again, "due", "skip", rent, "--undo", NULL);
  g_assert_cmpint (again.status, ==, 1);

  run_cli (f, &pay_after, "due", "pay", rent, NULL);
  g_assert_cmpint (pay_after.status, ==, 0);
}

static void
test_due_autopay (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(JsonNode) listed = NULL;
  g_autoptr(JsonNode) again = NULL;
  g_autoptr(JsonNode) transactions = NULL;
  JsonArray *rows;

  seed_accounts (f);
  /* Three occurrences lie in the past (2020), so they are paid on sight. */
  run_ok (f, "bill", "add", "Streaming", "--amount", "15.99", "--account", "Checking",
          "--rrule", "FREQ=MONTHLY;BYMONTHDAY=27", "--start", "2020-01-01", "--until", "2020-03-31",
          "--autopay", NULL);

  listed = run_json (f, "due", "list", "--from", "2020-01-01", "--to", "2020-03-31", NULL);
  rows = root_array (listed);
  g_assert_cmpuint (json_array_get_length (rows), ==, 3);
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);

      g_assert_cmpstr (member_string (row, "status"), ==, "paid");
      g_assert_cmpint (json_object_get_int_member (row, "transaction_id"), >, 0);
    }

  /* Paid once: looking again records nothing more. */
  again = run_json (f, "due", "list", "--from", "2020-01-01", "--to", "2020-03-31", NULL);
  transactions = run_json (f, "txn", "list", NULL);
  g_assert_cmpuint (json_array_get_length (root_array (transactions)), ==, 3);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (root_array (transactions), 0),
                                               "amount_minor"), ==, -1599);
}

static void
test_warning_threshold (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(JsonNode) set = NULL;
  g_autoptr(JsonNode) cleared = NULL;
  g_autoptr(JsonNode) listed = NULL;
  g_auto(CliResult) bad = { 0 };

  seed_accounts (f);
  set = run_json (f, "account", "edit", "Checking", "--warning-threshold", "250.00", NULL);
  g_assert_cmpint (json_object_get_int_member (root_object (set), "warning_threshold_minor"), ==, 25000);

  listed = run_json (f, "account", "list", NULL);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (root_array (listed), 0),
                                               "warning_threshold_minor"), ==, 25000);

  run_cli (f, &bad, "account", "edit", "Checking", "--warning-threshold", "lots", NULL);
  g_assert_cmpint (bad.status, ==, 1);

  cleared = run_json (f, "account", "edit", "Checking", "--warning-threshold", "", NULL);
  g_assert_true (json_object_get_null_member (root_object (cleared), "warning_threshold_minor"));
}

static void
test_due_move (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *alpha = NULL;
  g_autofree char *beta = NULL;
  g_autofree char *gamma = NULL;
  g_autofree char *delta = NULL;
  g_autofree char *order = NULL;
  g_autoptr(JsonNode) moved = NULL;
  g_auto(CliResult) text = { 0 };

  seed_accounts (f);
  add_monthly (f, "Alpha", "10", 1);
  add_monthly (f, "Beta", "20", 1);
  add_monthly (f, "Gamma", "30", 1);
  add_monthly (f, "Delta", "40", 15);

  order = due_order (f, "2030-03-01", "2030-03-31");
  g_assert_cmpstr (order, ==, "Alpha@2030-03-01,Beta@2030-03-01,Gamma@2030-03-01,Delta@2030-03-15");
  alpha = due_id (f, "Alpha", "2030-03-01");
  beta = due_id (f, "Beta", "2030-03-01");
  gamma = due_id (f, "Gamma", "2030-03-01");
  delta = due_id (f, "Delta", "2030-03-15");

  moved = run_json (f, "due", "move", gamma, "--before", alpha, NULL);
  g_assert_cmpstr (member_string (root_object (moved), "name"), ==, "Gamma");
  g_assert_cmpstr (member_string (root_object (moved), "due_date"), ==, "2030-03-01");
  g_clear_pointer (&order, g_free);
  order = due_order (f, "2030-03-01", "2030-03-31");
  g_assert_cmpstr (order, ==, "Gamma@2030-03-01,Alpha@2030-03-01,Beta@2030-03-01,Delta@2030-03-15");

  g_clear_pointer (&moved, json_node_unref);
  moved = run_json (f, "due", "move", alpha, "--after", beta, NULL);
  g_clear_pointer (&order, g_free);
  order = due_order (f, "2030-03-01", "2030-03-31");
  g_assert_cmpstr (order, ==, "Gamma@2030-03-01,Beta@2030-03-01,Alpha@2030-03-01,Delta@2030-03-15");

  /* Dropped on another day: that day's date, at that place. */
  g_clear_pointer (&moved, json_node_unref);
  moved = run_json (f, "due", "move", delta, "--after", gamma, NULL);
  g_assert_cmpstr (member_string (root_object (moved), "due_date"), ==, "2030-03-01");
  g_assert_cmpstr (member_string (root_object (moved), "occurrence_date"), ==, "2030-03-15");
  g_clear_pointer (&order, g_free);
  order = due_order (f, "2030-03-01", "2030-03-31");
  g_assert_cmpstr (order, ==, "Gamma@2030-03-01,Delta@2030-03-01,Beta@2030-03-01,Alpha@2030-03-01");

  /* The text answer names the neighbour. */
  run_cli (f, &text, "due", "move", beta, "--before", gamma, NULL);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out, "Gamma"));
  g_clear_pointer (&order, g_free);
  order = due_order (f, "2030-03-01", "2030-03-31");
  g_assert_cmpstr (order, ==, "Beta@2030-03-01,Gamma@2030-03-01,Delta@2030-03-01,Alpha@2030-03-01");

  /* April is untouched by March's order. */
  g_clear_pointer (&order, g_free);
  order = due_order (f, "2030-04-01", "2030-04-30");
  g_assert_cmpstr (order, ==, "Alpha@2030-04-01,Beta@2030-04-01,Gamma@2030-04-01,Delta@2030-04-15");
}

static void
test_due_reschedule (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *alpha = NULL;
  g_autofree char *order = NULL;
  g_autoptr(JsonNode) moved = NULL;
  g_autoptr(JsonNode) first_day = NULL;

  seed_accounts (f);
  add_monthly (f, "Alpha", "10", 1);
  add_monthly (f, "Beta", "20", 15);
  add_monthly (f, "Gamma", "30", 15);
  alpha = due_id (f, "Alpha", "2030-03-01");

  /* Onto a busy day: last in its order. */
  moved = run_json (f, "due", "reschedule", alpha, "--date", "2030-03-15", NULL);
  g_assert_cmpstr (member_string (root_object (moved), "due_date"), ==, "2030-03-15");
  g_assert_cmpstr (member_string (root_object (moved), "occurrence_date"), ==, "2030-03-01");

  order = due_order (f, "2030-03-01", "2030-03-31");
  g_assert_cmpstr (order, ==, "Beta@2030-03-15,Gamma@2030-03-15,Alpha@2030-03-15");

  first_day = run_json (f, "due", "list", "--from", "2030-03-01", "--to", "2030-03-01", NULL);
  g_assert_cmpuint (json_array_get_length (root_array (first_day)), ==, 0);

  /* Out of the month altogether. */
  g_clear_pointer (&moved, json_node_unref);
  moved = run_json (f, "due", "reschedule", alpha, "--date", "2030-04-03", NULL);
  g_clear_pointer (&order, g_free);
  order = due_order (f, "2030-03-01", "2030-04-05");
  g_assert_cmpstr (order, ==, "Beta@2030-03-15,Gamma@2030-03-15,Alpha@2030-04-01,Alpha@2030-04-03");
}

typedef struct
{
  const char *date;
  gint64      amount_minor;
  gboolean    is_snapshot;   /* sets the end-of-day balance instead of adding */
} Event;

/* The balance at the end of each day of February 2030, worked out from a
 * hand-written list of what happens on which day. */
static void
assert_february (JsonObject  *forecast,
                 gint64       opening,
                 const Event *events,
                 guint        n_events,
                 const char  *low_date,
                 gint64       low_balance)
{
  JsonArray *days = json_object_get_array_member (forecast, "days");
  JsonObject *low = json_object_get_object_member (forecast, "low");
  gint64 balance = opening;

  g_assert_cmpstr (member_string (forecast, "account"), ==, "Checking");
  g_assert_cmpstr (member_string (forecast, "currency"), ==, "USD");
  g_assert_nonnull (days);
  g_assert_cmpuint (json_array_get_length (days), ==, 28);

  for (guint d = 0; d < 28; d++)
    {
      JsonObject *day = json_array_get_object_element (days, d);
      g_autofree char *date = g_strdup_printf ("2030-02-%02u", d + 1);

      for (guint e = 0; e < n_events; e++)
        if (g_str_equal (events[e].date, date))
          balance = events[e].is_snapshot ? events[e].amount_minor : balance + events[e].amount_minor;

      g_assert_cmpstr (member_string (day, "date"), ==, date);
      g_assert_cmpint (member_int (day, "balance_minor"), ==, balance);
    }

  g_assert_nonnull (low);
  g_assert_cmpstr (member_string (low, "date"), ==, low_date);
  g_assert_cmpint (member_int (low, "balance_minor"), ==, low_balance);
}

static void
test_forecast (Fixture       *f,
               gconstpointer  data)
{
  /* Rent 800 on the 1st; pay 1500 every other Friday from 4 January
   * (1 and 15 February); phone 60 on the 10th, a Sunday in February,
   * moved to Monday the 11th; groceries 50 recorded on the 12th; and the
   * bank says 2000.00 at the end of the 20th. */
  const Event planned[] = {
    { "2030-02-01", -80000, FALSE },
    { "2030-02-01", 150000, FALSE },
    { "2030-02-11", -6000, FALSE },
    { "2030-02-12", -5000, FALSE },
    { "2030-02-15", 150000, FALSE },
    { "2030-02-20", 200000, TRUE },
  };
  /* Rent paid on the 5th instead (counted once, on the payment's day) and
   * the phone bill skipped. */
  const Event acted[] = {
    { "2030-02-01", 150000, FALSE },
    { "2030-02-05", -80000, FALSE },
    { "2030-02-12", -5000, FALSE },
    { "2030-02-15", 150000, FALSE },
    { "2030-02-20", 200000, TRUE },
  };
  g_autoptr(JsonNode) first = NULL;
  g_autoptr(JsonNode) second = NULL;
  g_autofree char *rent = NULL;
  g_autofree char *phone = NULL;
  g_auto(CliResult) text = { 0 };

  seed_accounts (f);
  run_ok (f, "balance", "set", "--account", "Checking", "--date", "2030-01-31", "--amount", "1000", NULL);
  run_ok (f, "balance", "set", "--account", "Checking", "--date", "2030-02-20", "--amount", "2000", NULL);
  add_monthly (f, "Rent", "800", 1);
  run_ok (f, "bill", "add", "Pay", "--amount", "1500", "--account", "Checking", "--income",
          "--rrule", "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR", "--start", "2030-01-04", NULL);
  run_ok (f, "bill", "add", "Phone", "--amount", "60", "--account", "Checking", "--weekend", "after",
          "--rrule", "FREQ=MONTHLY;BYMONTHDAY=10", "--start", "2030-01-10", NULL);
  /* Another account's bill is not this account's business. */
  run_ok (f, "bill", "add", "Transfer", "--amount", "999", "--account", "Savings",
          "--rrule", "FREQ=WEEKLY", "--start", "2030-01-01", NULL);
  run_ok (f, "txn", "add", "--account", "Checking", "--date", "2030-02-12", "--amount", "-50", NULL);
  /* Before the range: in the snapshot of the 31st already, so ignored. */
  run_ok (f, "txn", "add", "--account", "Checking", "--date", "2030-01-20", "--amount", "-7", NULL);

  first = run_json (f, "forecast", "--account", "Checking", "--from", "2030-02-01", "--to", "2030-02-28", NULL);
  assert_february (root_object (first), 100000, planned, G_N_ELEMENTS (planned), "2030-02-12", 159000);

  rent = due_id (f, "Rent", "2030-02-01");
  phone = due_id (f, "Phone", "2030-02-11");
  run_ok (f, "due", "pay", rent, "--date", "2030-02-05", NULL);
  run_ok (f, "due", "skip", phone, NULL);

  second = run_json (f, "forecast", "--account", "Checking", "--from", "2030-02-01", "--to", "2030-02-28", NULL);
  assert_february (root_object (second), 100000, acted, G_N_ELEMENTS (acted), "2030-02-12", 165000);

  run_cli (f, &text, "forecast", "--account", "Checking", "--from", "2030-02-01", "--to", "2030-02-28", NULL);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out, "2030-02-28"));
  g_assert_nonnull (strstr (text.out, "1700.00 USD"));
}

static void
test_export_ics (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "bills.ics", NULL);
  g_autofree char *partial = g_strconcat (path, ".partial", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "no-such-folder", "bills.ics", NULL);
  g_autofree char *missing_partial = g_strconcat (missing, ".partial", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *expected_uid = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *old_contents = NULL;
  g_autofree char *amount = budg_money_format (-120000, "USD");
  g_autofree char *summary = g_strdup_printf ("Rent — %s", amount);
  g_autoptr(JsonNode) result = NULL;
  g_autoptr(JsonNode) bills = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(CliResult) failed = { 0 };
  icalcomponent *calendar;
  icalcomponent *event;
  gboolean found_rent = FALSE;
  guint n_events = 0;

  seed_accounts (f);
  add_monthly (f, "Rent", "1200", 1);
  add_monthly (f, "Phone", "50", 10);
  bills = run_json (f, "bill", "list", NULL);

  result = run_json (f, "export", "ics", path, "--from", "2030-03-01", "--to", "2030-04-30", NULL);
  g_assert_cmpint (member_int (root_object (result), "events"), ==, 4);
  g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  calendar = icalparser_parse_string (contents);
  g_assert_nonnull (calendar);
  g_assert_cmpint (icalcomponent_isa (calendar), ==, ICAL_VCALENDAR_COMPONENT);
  g_assert_cmpstr (icalproperty_get_prodid (icalcomponent_get_first_property (calendar, ICAL_PRODID_PROPERTY)),
                   ==, "-//Budg//Budg 0.1//EN");
  g_assert_cmpstr (icalproperty_get_version (icalcomponent_get_first_property (calendar, ICAL_VERSION_PROPERTY)),
                   ==, "2.0");

  expected_uid = g_strdup_printf ("due-%" G_GINT64_FORMAT "-2030-03-01@budg",
                                  member_int (find_by_string (root_array (bills), "name", "Rent"), "id"));

  for (event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      n_events++;

      if (g_strcmp0 (icalcomponent_get_uid (event), expected_uid) == 0)
        {
          struct icaltimetype start = icalcomponent_get_dtstart (event);

          found_rent = TRUE;
          g_assert_true (start.is_date);
          g_assert_cmpint (start.year, ==, 2030);
          g_assert_cmpint (start.month, ==, 3);
          g_assert_cmpint (start.day, ==, 1);
          g_assert_cmpstr (icalcomponent_get_summary (event), ==, summary);
          g_assert_nonnull (strstr (icalcomponent_get_description (event), "Checking"));
        }
    }
  icalcomponent_free (calendar);

  g_assert_cmpuint (n_events, ==, 4);
  g_assert_true (found_rent);
  g_assert_nonnull (strstr (contents, "DTSTART;VALUE=DATE:20300301"));

  /* A failed export leaves no partial file, the old file as it was and
   * the database unchanged. */
  before = dump_database (f->db);
  run_cli (f, &failed, "export", "ics", missing, "--from", "2030-03-01", "--to", "2030-04-30", NULL);
  g_assert_cmpint (failed.status, ==, 1);
  g_assert_true (g_str_has_prefix (failed.err, "budg-cli: "));
  g_assert_false (g_file_test (missing_partial, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  cli_result_clear (&failed);
  run_cli (f, &failed, "export", "ics", path, "--from", "2030-03-01", "--to", "2030-02-01", NULL);
  g_assert_cmpint (failed.status, ==, 1);
  g_file_get_contents (path, &old_contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (old_contents, ==, contents);
  g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));

  after = dump_database (f->db);
  g_assert_cmpstr (before, ==, after);
}

typedef struct
{
  const char *name;
  int         status;
  const char *args[20];
} BadCase;

/* Stand for the ids of an unpaid and of a paid due bill of the seed. */
#define DUE_ID  "@due"
#define PAID_ID "@paid"

static const BadCase bad_cases[] = {
  /* Bad input: exit 1. */
  { "bad-rrule", 1, { "bill", "add", "Gym", "--amount", "30", "--account", "Checking",
                      "--rrule", "FREQ=SOMETIMES", "--start", "2030-01-01", NULL } },
  { "hourly-rrule", 1, { "bill", "add", "Gym", "--amount", "30", "--account", "Checking",
                         "--rrule", "FREQ=HOURLY", "--start", "2030-01-01", NULL } },
  { "negative-amount", 1, { "bill", "add", "Gym", "--amount", "-30", "--account", "Checking",
                            "--rrule", "FREQ=MONTHLY", "--start", "2030-01-01", NULL } },
  { "zero-amount", 1, { "bill", "add", "Gym", "--amount", "0", "--account", "Checking",
                        "--rrule", "FREQ=MONTHLY", "--start", "2030-01-01", NULL } },
  { "bad-amount", 1, { "bill", "add", "Gym", "--amount", "thirty", "--account", "Checking",
                       "--rrule", "FREQ=MONTHLY", "--start", "2030-01-01", NULL } },
  { "estimate-below", 1, { "bill", "add", "Gym", "--amount", "30", "--estimate-max", "20",
                           "--account", "Checking", "--rrule", "FREQ=MONTHLY", "--start", "2030-01-01", NULL } },
  { "bad-start", 1, { "bill", "add", "Gym", "--amount", "30", "--account", "Checking",
                      "--rrule", "FREQ=MONTHLY", "--start", "2030-02-30", NULL } },
  { "until-before-start", 1, { "bill", "add", "Gym", "--amount", "30", "--account", "Checking",
                               "--rrule", "FREQ=MONTHLY", "--start", "2030-02-01", "--until", "2030-01-01", NULL } },
  { "unknown-account", 1, { "bill", "add", "Gym", "--amount", "30", "--account", "Brokerage",
                            "--rrule", "FREQ=MONTHLY", "--start", "2030-01-01", NULL } },
  { "unknown-category", 1, { "bill", "add", "Gym", "--amount", "30", "--account", "Checking", "--category", "Sport",
                             "--rrule", "FREQ=MONTHLY", "--start", "2030-01-01", NULL } },
  { "unknown-weekend", 1, { "bill", "add", "Gym", "--amount", "30", "--account", "Checking", "--weekend", "never",
                            "--rrule", "FREQ=MONTHLY", "--start", "2030-01-01", NULL } },
  { "too-many-lead-days", 1, { "bill", "add", "Gym", "--amount", "30", "--account", "Checking", "--lead-days", "999",
                               "--rrule", "FREQ=MONTHLY", "--start", "2030-01-01", NULL } },
  { "edit-unknown-bill", 1, { "bill", "edit", "Gym", "--amount", "5", NULL } },
  { "edit-negative-amount", 1, { "bill", "edit", "Rent", "--amount", "-5", NULL } },
  { "edit-bad-rrule", 1, { "bill", "edit", "Rent", "--rrule", "FREQ=SOMETIMES", "--from-date", "2030-03-01", NULL } },
  { "delete-unknown-bill", 1, { "bill", "delete", "Gym", NULL } },
  { "due-list-backwards", 1, { "due", "list", "--from", "2030-02-01", "--to", "2030-01-01", NULL } },
  { "due-list-unknown-account", 1, { "due", "list", "--account", "Brokerage", NULL } },
  { "pay-unknown-due", 1, { "due", "pay", "999999", NULL } },
  { "pay-not-an-id", 1, { "due", "pay", "first", NULL } },
  { "pay-negative", 1, { "due", "pay", DUE_ID, "--amount", "-800", NULL } },
  { "pay-zero", 1, { "due", "pay", DUE_ID, "--amount", "0", NULL } },
  { "pay-bad-date", 1, { "due", "pay", DUE_ID, "--date", "2030-02-30", NULL } },
  { "pay-twice", 1, { "due", "pay", PAID_ID, NULL } },
  { "skip-paid", 1, { "due", "skip", PAID_ID, NULL } },
  { "unskip-not-skipped", 1, { "due", "skip", DUE_ID, "--undo", NULL } },
  { "skip-unknown-due", 1, { "due", "skip", "999999", NULL } },
  { "move-unknown-anchor", 1, { "due", "move", DUE_ID, "--before", "999999", NULL } },
  { "move-before-itself", 1, { "due", "move", DUE_ID, "--after", DUE_ID, NULL } },
  { "reschedule-bad-date", 1, { "due", "reschedule", DUE_ID, "--date", "2030-13-01", NULL } },
  { "reschedule-unknown-due", 1, { "due", "reschedule", "999999", "--date", "2030-03-01", NULL } },
  { "forecast-unknown-account", 1, { "forecast", "--account", "Brokerage", "--to", "2030-03-01", NULL } },
  { "forecast-backwards", 1, { "forecast", "--account", "Checking", "--from", "2030-03-01", "--to", "2030-02-01", NULL } },
  { "export-unwritable", 1, { "export", "ics", "/nonexistent/folder/bills.ics", "--from", "2030-01-01", "--to", "2030-02-01", NULL } },
  /* Wrong usage: exit 2. */
  { "until-and-count", 2, { "bill", "add", "Gym", "--amount", "30", "--account", "Checking", "--rrule", "FREQ=MONTHLY",
                            "--start", "2030-01-01", "--until", "2030-12-31", "--count", "3", NULL } },
  { "missing-rrule", 2, { "bill", "add", "Gym", "--amount", "30", "--account", "Checking", "--start", "2030-01-01", NULL } },
  { "missing-start", 2, { "bill", "add", "Gym", "--amount", "30", "--account", "Checking", "--rrule", "FREQ=MONTHLY", NULL } },
  { "missing-amount", 2, { "bill", "add", "Gym", "--account", "Checking", "--rrule", "FREQ=MONTHLY", "--start", "2030-01-01", NULL } },
  { "missing-name", 2, { "bill", "add", "--amount", "30", "--account", "Checking", "--rrule", "FREQ=MONTHLY", "--start", "2030-01-01", NULL } },
  { "bad-count", 2, { "bill", "add", "Gym", "--amount", "30", "--account", "Checking", "--rrule", "FREQ=MONTHLY",
                      "--start", "2030-01-01", "--count", "many", NULL } },
  { "zero-count", 2, { "bill", "add", "Gym", "--amount", "30", "--account", "Checking", "--rrule", "FREQ=MONTHLY",
                       "--start", "2030-01-01", "--count", "0", NULL } },
  { "bad-lead-days", 2, { "bill", "add", "Gym", "--amount", "30", "--account", "Checking", "--rrule", "FREQ=MONTHLY",
                          "--start", "2030-01-01", "--lead-days", "-1", NULL } },
  { "edit-nothing", 2, { "bill", "edit", "Rent", NULL } },
  { "edit-bad-active", 2, { "bill", "edit", "Rent", "--active", "maybe", NULL } },
  { "edit-autopay-both", 2, { "bill", "edit", "Rent", "--autopay", "--no-autopay", NULL } },
  { "add-no-income", 2, { "bill", "add", "Gym", "--amount", "30", "--account", "Checking", "--rrule", "FREQ=MONTHLY",
                                    "--start", "2030-01-01", "--no-income", NULL } },
  { "move-no-anchor", 2, { "due", "move", DUE_ID, NULL } },
  { "move-two-anchors", 2, { "due", "move", DUE_ID, "--before", PAID_ID, "--after", PAID_ID, NULL } },
  { "reschedule-no-date", 2, { "due", "reschedule", DUE_ID, NULL } },
  { "pay-no-id", 2, { "due", "pay", NULL } },
  { "forecast-no-account", 2, { "forecast", "--to", "2030-03-01", NULL } },
  { "forecast-no-to", 2, { "forecast", "--account", "Checking", NULL } },
  { "export-no-file", 2, { "export", "ics", NULL } },
  { "unknown-due-command", 2, { "due", "frobnicate", NULL } },
};

/* Each case runs on this database and must leave it exactly as it was. */
static void
seed_bad_cases (Fixture  *f,
                char    **out_due,
                char    **out_paid)
{
  seed_accounts (f);
  add_monthly (f, "Rent", "800", 1);
  add_monthly (f, "Phone", "60", 10);
  run_ok (f, "txn", "add", "--account", "Checking", "--date", "2030-01-05", "--amount", "-12.50", NULL);

  *out_paid = due_id (f, "Rent", "2030-01-01");
  *out_due = due_id (f, "Rent", "2030-02-01");
  run_ok (f, "due", "pay", *out_paid, NULL);
  /* Every occurrence the bad cases could touch, materialized beforehand,
   * so that only a real change alters the dump. */
  run_ok (f, "due", "list", "--from", "2029-12-01", "--to", "2030-03-31", NULL);
}

static void
test_bad_input (Fixture       *f,
                gconstpointer  data)
{
  const BadCase *bad = data;
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_auto(CliResult) result = { 0 };
  g_autofree char *due = NULL;
  g_autofree char *paid = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  seed_bad_cases (f, &due, &paid);
  before = dump_database (f->db);

  for (guint i = 0; bad->args[i] != NULL; i++)
    {
      if (g_str_equal (bad->args[i], DUE_ID))
        g_ptr_array_add (args, due);
      else if (g_str_equal (bad->args[i], PAID_ID))
        g_ptr_array_add (args, paid);
      else
        g_ptr_array_add (args, (gpointer)bad->args[i]);
    }
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

  g_test_add ("/cli-bills/bill/add-list", Fixture, NULL, fixture_setup, test_bill_add_list, fixture_teardown);
  g_test_add ("/cli-bills/bill/edit-delete", Fixture, NULL, fixture_setup, test_bill_edit_delete, fixture_teardown);
  g_test_add ("/cli-bills/due/list", Fixture, NULL, fixture_setup, test_due_list, fixture_teardown);
  g_test_add ("/cli-bills/due/defaults", Fixture, NULL, fixture_setup, test_defaults, fixture_teardown);
  g_test_add ("/cli-bills/due/pay", Fixture, NULL, fixture_setup, test_due_pay, fixture_teardown);
  g_test_add ("/cli-bills/due/skip", Fixture, NULL, fixture_setup, test_due_skip, fixture_teardown);
  g_test_add ("/cli-bills/due/autopay", Fixture, NULL, fixture_setup, test_due_autopay, fixture_teardown);
  g_test_add ("/cli-bills/account/warning-threshold", Fixture, NULL, fixture_setup, test_warning_threshold, fixture_teardown);
  g_test_add ("/cli-bills/due/move", Fixture, NULL, fixture_setup, test_due_move, fixture_teardown);
  g_test_add ("/cli-bills/due/reschedule", Fixture, NULL, fixture_setup, test_due_reschedule, fixture_teardown);
  g_test_add ("/cli-bills/forecast/arithmetic", Fixture, NULL, fixture_setup, test_forecast, fixture_teardown);
  g_test_add ("/cli-bills/export/ics", Fixture, NULL, fixture_setup, test_export_ics, fixture_teardown);

  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/cli-bills/bad-input/%s", bad_cases[i].name);

      g_test_add (path, Fixture, &bad_cases[i], fixture_setup, test_bad_input, fixture_teardown);
    }

  return g_test_run ();
}
