/* test-cli-budgets.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-cli-budgets"

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "cli-test-util.h"

/* The budget, goal, rate, report and insights commands of budg-cli,
 * spawned on temporary databases: the JSON members scripts rely on, the
 * numbers in them, and the exit statuses of wrong usage and bad input.
 *
 * The seed, in 2026: Checking (USD) pays groceries 100.00 at "Market" on the
 * 5th of January, February and March, dining 250.00 at "Bistro" on 10
 * February, and gets a salary of 3000.00 on 1 February; Girokonto (EUR)
 * pays groceries 50.00 on 10 March; 1 EUR is 1.0823 USD from 1 January.
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

  f->dir = g_dir_make_tmp ("budg-cli-budgets-XXXXXX", &error);
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

  return args;
}

/* Runs a command that must succeed; its output is not looked at. */
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
  g_ptr_array_add (args, NULL);

  cli_run_ok_argv (f->db, (const char * const *)args->pdata);
}

/* Runs a command that must succeed with --json; returns the parsed root. */
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
  g_ptr_array_add (args, NULL);

  return cli_run_json_argv (f->db, (const char * const *)args->pdata);
}

/* Runs a command and returns what it printed as text. */
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
  g_ptr_array_add (args, NULL);

  run_cliv (f->db, (const char * const *)args->pdata, &result);
  g_assert_cmpint (result.status, ==, 0);

  return g_steal_pointer (&result.out);
}

static void
seed (Fixture *f)
{
  run_ok (f, "init", NULL);
  run_ok (f, "account", "add", "Checking", "--kind", "checking", "--currency", "USD", NULL);
  run_ok (f, "account", "add", "Savings", "--kind", "savings", "--currency", "USD", NULL);
  run_ok (f, "account", "add", "Girokonto", "--kind", "checking", "--currency", "EUR", NULL);
  run_ok (f, "category", "add", "Food:Groceries", NULL);
  run_ok (f, "category", "add", "Food:Dining", NULL);
  run_ok (f, "category", "add", "Salary", "--income", NULL);
  for (guint m = 1; m <= 3; m++)
    {
      g_autofree char *date = g_strdup_printf ("2026-%02u-05", m);

      run_ok (f, "txn", "add", "--account", "Checking", "--date", date, "--amount", "-100",
              "--category", "Food:Groceries", "--payee", "Market", NULL);
    }
  run_ok (f, "txn", "add", "--account", "Checking", "--date", "2026-02-10", "--amount", "-250",
          "--category", "Food:Dining", "--payee", "Bistro", NULL);
  run_ok (f, "txn", "add", "--account", "Checking", "--date", "2026-02-01", "--amount", "3000",
          "--category", "Salary", "--payee", "Employer", NULL);
  run_ok (f, "txn", "add", "--account", "Girokonto", "--date", "2026-03-10", "--amount", "-50",
          "--category", "Food:Groceries", "--payee", "Markt", NULL);
  run_ok (f, "rate", "set", "EUR", "USD", "1.0823", "--date", "2026-01-01", NULL);
}

static JsonObject *
find_row (JsonArray  *array,
          const char *member,
          const char *value,
          const char *currency)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *row = json_array_get_object_element (array, i);

      if (g_strcmp0 (member_string (row, member), value) == 0 &&
          (currency == NULL || g_strcmp0 (member_string (row, "currency"), currency) == 0))
        return row;
    }

  return NULL;
}

static void
test_budget (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(JsonNode) set_root = NULL;
  g_autoptr(JsonNode) weekly_root = NULL;
  g_autoptr(JsonNode) list_root = NULL;
  g_autofree char *text = NULL;
  JsonObject *budget;
  JsonArray *list;

  seed (f);

  set_root = run_json (f, "budget", "set", "Food", "--amount", "300", "--period", "monthly",
                       "--rollover", "all", "--from", "2026-01", "--currency", "USD", NULL);
  budget = root_object (set_root);
  g_assert_cmpint (member_int (budget, "id"), >, 0);
  g_assert_cmpstr (member_string (budget, "category"), ==, "Food");
  g_assert_cmpstr (member_string (budget, "period"), ==, "monthly");
  g_assert_cmpint (member_int (budget, "amount_minor"), ==, 30000);
  g_assert_cmpstr (member_string (budget, "currency"), ==, "USD");
  g_assert_cmpstr (member_string (budget, "rollover"), ==, "all");
  g_assert_cmpstr (member_string (budget, "from"), ==, "2026-01");

  weekly_root = run_json (f, "budget", "set", "Food:Dining", "--amount", "40", "--period", "weekly",
                          "--from", "2026-W06", "--currency", "USD", NULL);
  budget = root_object (weekly_root);
  g_assert_cmpstr (member_string (budget, "period"), ==, "weekly");
  g_assert_cmpstr (member_string (budget, "rollover"), ==, "none");
  g_assert_cmpstr (member_string (budget, "from"), ==, "2026-W06");

  list_root = run_json (f, "budget", "list", NULL);
  list = root_array (list_root);
  g_assert_cmpuint (json_array_get_length (list), ==, 2);

  /* Each month: budgeted, what came in, spent (euros at 1.0823, 54.115 →
   * 54.12), what is left. */
  {
    static const struct { const char *period; gint64 spent, rollover, available; } months[] = {
      { "2026-01", 10000, 0, 20000 },
      { "2026-02", 35000, 20000, 15000 },
      { "2026-03", 15412, 15000, 29588 },
    };

    for (guint i = 0; i < G_N_ELEMENTS (months); i++)
      {
        g_autoptr(JsonNode) root = run_json (f, "budget", "status", "--period", months[i].period, NULL);
        JsonArray *rows = root_array (root);
        JsonObject *row;

        g_assert_cmpuint (json_array_get_length (rows), ==, 1);
        row = json_array_get_object_element (rows, 0);
        g_assert_cmpstr (member_string (row, "category"), ==, "Food");
        g_assert_cmpint (member_int (row, "budgeted_minor"), ==, 30000);
        g_assert_cmpint (member_int (row, "spent_minor"), ==, months[i].spent);
        g_assert_cmpint (member_int (row, "rollover_minor"), ==, months[i].rollover);
        g_assert_cmpint (member_int (row, "available_minor"), ==, months[i].available);
        g_assert_cmpstr (member_string (row, "currency"), ==, "USD");
        g_assert_cmpstr (member_string (row, "period"), ==, months[i].period);
      }
  }

  /* A week: 10 February 2026 is in week 7; dining 250.00 against 40.00. */
  {
    g_autoptr(JsonNode) root = run_json (f, "budget", "status", "--period", "2026-W07", NULL);
    JsonObject *row = find_row (root_array (root), "category", "Food:Dining", NULL);

    g_assert_nonnull (row);
    g_assert_cmpint (member_int (row, "spent_minor"), ==, 25000);
    g_assert_cmpint (member_int (row, "available_minor"), ==, 4000 - 25000);
  }

  /* Later from a later month: the months before keep 300.00. */
  run_ok (f, "budget", "set", "Food", "--amount", "500", "--period", "monthly", "--from", "2026-03",
          "--currency", "USD", NULL);
  {
    g_autoptr(JsonNode) february = run_json (f, "budget", "status", "--period", "2026-02", NULL);
    g_autoptr(JsonNode) march = run_json (f, "budget", "status", "--period", "2026-03", NULL);

    g_assert_cmpint (member_int (json_array_get_object_element (root_array (february), 0), "budgeted_minor"), ==, 30000);
    g_assert_cmpint (member_int (json_array_get_object_element (root_array (march), 0), "budgeted_minor"), ==, 50000);
    /* The new row has no rollover: March starts afresh. */
    g_assert_cmpint (member_int (json_array_get_object_element (root_array (march), 0), "rollover_minor"), ==, 0);
  }

  text = run_text (f, "budget", "status", "--period", "2026-02", NULL);
  g_assert_nonnull (strstr (text, "Food"));
  g_assert_nonnull (strstr (text, "350.00 USD"));
  g_assert_nonnull (strstr (text, "150.00 USD"));
}

static void
test_goal (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(JsonNode) add_root = NULL;
  g_autoptr(JsonNode) rainy_root = NULL;
  g_autoptr(JsonNode) give_root = NULL;
  g_autoptr(JsonNode) take_root = NULL;
  g_autoptr(JsonNode) status_root = NULL;
  g_autoptr(JsonNode) allocate_root = NULL;
  g_autoptr(JsonNode) again_root = NULL;
  g_autoptr(JsonNode) today_root = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  JsonObject *object;
  JsonObject *row;
  int months;

  seed (f);

  add_root = run_json (f, "goal", "add", "Holiday", "--target", "1200", "--by", "2030-06-30",
                       "--account", "Savings", "--auto-percent", "12.5", NULL);
  object = root_object (add_root);
  g_assert_cmpint (member_int (object, "id"), >, 0);
  g_assert_cmpstr (member_string (object, "name"), ==, "Holiday");
  g_assert_cmpint (member_int (object, "target_minor"), ==, 120000);
  g_assert_cmpstr (member_string (object, "currency"), ==, "USD");
  g_assert_cmpstr (member_string (object, "by"), ==, "2030-06-30");
  g_assert_cmpstr (member_string (object, "account"), ==, "Savings");
  g_assert_cmpint (member_int (object, "auto_percent_bp"), ==, 1250);
  g_assert_true (member_is_null (object, "auto_amount_minor"));

  rainy_root = run_json (f, "goal", "add", "Rainy day", "--target", "5000", "--auto-amount", "25",
                         "--currency", "EUR", NULL);
  object = root_object (rainy_root);
  g_assert_cmpstr (member_string (object, "currency"), ==, "EUR");
  g_assert_cmpint (member_int (object, "auto_amount_minor"), ==, 2500);
  g_assert_true (member_is_null (object, "by"));
  g_assert_true (member_is_null (object, "auto_percent_bp"));

  give_root = run_json (f, "goal", "contribute", "Holiday", "300", "--date", "2026-02-02", NULL);
  object = root_object (give_root);
  g_assert_cmpstr (member_string (object, "goal"), ==, "Holiday");
  g_assert_cmpint (member_int (object, "amount_minor"), ==, 30000);
  g_assert_cmpint (member_int (object, "saved_minor"), ==, 30000);
  g_assert_cmpstr (member_string (object, "date"), ==, "2026-02-02");

  /* A negative amount takes money out; the name is found in any case. */
  take_root = run_json (f, "goal", "contribute", "holiday", "-50", NULL);
  g_assert_cmpint (member_int (root_object (take_root), "saved_minor"), ==, 25000);

  /* 950.00 missing over 51 months (March 2026 to June 2030): 18.627… → 18.63. */
  status_root = run_json (f, "goal", "status", "--date", "2026-03-15", NULL);
  row = find_row (root_array (status_root), "name", "Holiday", NULL);
  g_assert_nonnull (row);
  g_assert_cmpint (member_int (row, "target_minor"), ==, 120000);
  g_assert_cmpint (member_int (row, "saved_minor"), ==, 25000);
  g_assert_cmpint (member_int (row, "needed_per_month_minor"), ==, 1863);
  g_assert_cmpint (member_int (row, "months_left"), ==, 51);
  g_assert_true (member_boolean (row, "on_track"));
  row = find_row (root_array (status_root), "name", "Rainy day", NULL);
  g_assert_true (member_is_null (row, "needed_per_month_minor"));
  g_assert_true (member_boolean (row, "on_track"));

  /* 12.5 % of the 3000.00 salary to Holiday; 25.00 EUR to Rainy day (the
   * fixed amount is already in the goal's currency). Once only. */
  allocate_root = run_json (f, "goal", "allocate", "--from", "2026-01-01", "--to", "2026-03-31", NULL);
  g_assert_cmpint (member_int (root_object (allocate_root), "contributions"), ==, 2);
  again_root = run_json (f, "goal", "allocate", "--from", "2026-01-01", "--to", "2026-03-31", NULL);
  g_assert_cmpint (member_int (root_object (again_root), "contributions"), ==, 0);

  /* From today, whatever day the test runs. */
  today_root = run_json (f, "goal", "status", NULL);
  row = find_row (root_array (today_root), "name", "Holiday", NULL);
  g_assert_cmpint (member_int (row, "saved_minor"), ==, 25000 + 37500);
  months = (2030 - g_date_time_get_year (now)) * 12 + (6 - g_date_time_get_month (now));
  months = MAX (months, 1);
  g_assert_cmpint (member_int (row, "needed_per_month_minor"), ==, (120000 - 62500 + months - 1) / months);
  row = find_row (root_array (today_root), "name", "Rainy day", NULL);
  g_assert_cmpint (member_int (row, "saved_minor"), ==, 2500);
}

static void
test_rate_and_reports (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(JsonNode) rate_root = NULL;
  g_autofree char *text = NULL;
  JsonObject *object;

  seed (f);

  rate_root = run_json (f, "rate", "set", "usd", "jpy", "150.25", "--date", "2026-02-01", NULL);
  object = root_object (rate_root);
  g_assert_cmpstr (member_string (object, "from"), ==, "USD");
  g_assert_cmpstr (member_string (object, "to"), ==, "JPY");
  g_assert_cmpstr (member_string (object, "date"), ==, "2026-02-01");
  g_assert_cmpstr (member_string (object, "rate"), ==, "150.25");
  g_assert_cmpint (member_int (object, "rate_e10"), ==, G_GINT64_CONSTANT (1502500000000));

  /* Spending by category, one row per currency; spending is positive. */
  {
    g_autoptr(JsonNode) root = run_json (f, "report", "spending", "--from", "2026-01-01", "--to", "2026-03-31", NULL);
    JsonArray *rows = root_array (root);

    g_assert_cmpuint (json_array_get_length (rows), ==, 3);
    g_assert_cmpint (member_int (find_row (rows, "category", "Food:Groceries", "USD"), "amount_minor"), ==, 30000);
    g_assert_cmpint (member_int (find_row (rows, "category", "Food:Groceries", "EUR"), "amount_minor"), ==, 5000);
    g_assert_cmpint (member_int (find_row (rows, "category", "Food:Dining", "USD"), "amount_minor"), ==, 25000);
  }

  /* Converted, and rolled up into the parent. */
  {
    g_autoptr(JsonNode) root = run_json (f, "report", "spending", "--from", "2026-01-01", "--to", "2026-03-31",
                                         "--by", "parent", "--currency", "USD", NULL);
    JsonArray *rows = root_array (root);

    g_assert_cmpuint (json_array_get_length (rows), ==, 1);
    g_assert_cmpstr (member_string (json_array_get_object_element (rows, 0), "parent"), ==, "Food");
    g_assert_cmpint (member_int (json_array_get_object_element (rows, 0), "amount_minor"), ==, 30000 + 25000 + 5412);
  }

  /* By month, and by category per month. */
  {
    g_autoptr(JsonNode) root = run_json (f, "report", "spending", "--from", "2026-02-01", "--to", "2026-03-31",
                                         "--by", "month", "--currency", "USD", NULL);
    g_autoptr(JsonNode) monthly = run_json (f, "report", "spending", "--from", "2026-01-01", "--to", "2026-03-31",
                                            "--monthly", NULL);
    JsonArray *rows = root_array (root);
    JsonObject *row;

    g_assert_cmpuint (json_array_get_length (rows), ==, 2);
    g_assert_cmpstr (member_string (json_array_get_object_element (rows, 0), "month"), ==, "2026-02");
    g_assert_cmpint (member_int (json_array_get_object_element (rows, 0), "amount_minor"), ==, 35000);
    g_assert_cmpint (member_int (json_array_get_object_element (rows, 1), "amount_minor"), ==, 15412);

    rows = root_array (monthly);
    g_assert_cmpuint (json_array_get_length (rows), ==, 5);
    row = json_array_get_object_element (rows, 0);
    g_assert_cmpstr (member_string (row, "month"), ==, "2026-01");
    g_assert_cmpstr (member_string (row, "category"), ==, "Food:Groceries");
    g_assert_cmpint (member_int (row, "amount_minor"), ==, 10000);
  }

  /* By payee, part of a month. */
  {
    g_autoptr(JsonNode) root = run_json (f, "report", "spending", "--from", "2026-02-02", "--to", "2026-03-07",
                                         "--by", "payee", NULL);
    JsonArray *rows = root_array (root);

    /* Largest first. */
    g_assert_cmpuint (json_array_get_length (rows), ==, 2);
    g_assert_cmpstr (member_string (json_array_get_object_element (rows, 0), "payee"), ==, "Bistro");
    g_assert_cmpint (member_int (json_array_get_object_element (rows, 0), "amount_minor"), ==, 25000);
    g_assert_cmpstr (member_string (json_array_get_object_element (rows, 1), "payee"), ==, "Market");
    g_assert_cmpint (member_int (json_array_get_object_element (rows, 1), "amount_minor"), ==, 20000);
  }

  /* Income against expense, every month of the range. */
  {
    g_autoptr(JsonNode) root = run_json (f, "report", "income-expense", "--from", "2026-01-01", "--to", "2026-04-30",
                                         "--currency", "USD", NULL);
    JsonArray *rows = root_array (root);
    static const gint64 income[] = { 0, 300000, 0, 0 };
    static const gint64 expense[] = { 10000, 35000, 15412, 0 };

    g_assert_cmpuint (json_array_get_length (rows), ==, 4);
    for (guint i = 0; i < 4; i++)
      {
        JsonObject *row = json_array_get_object_element (rows, i);
        g_autofree char *month = g_strdup_printf ("2026-%02u", i + 1);

        g_assert_cmpstr (member_string (row, "month"), ==, month);
        g_assert_cmpint (member_int (row, "income_minor"), ==, income[i]);
        g_assert_cmpint (member_int (row, "expense_minor"), ==, expense[i]);
        g_assert_cmpint (member_int (row, "amount_minor"), ==, income[i] - expense[i]);
        g_assert_cmpstr (member_string (row, "currency"), ==, "USD");
      }
  }

  /* Net worth at each month end; the euros at 1.0823. */
  {
    g_autoptr(JsonNode) root = run_json (f, "report", "net-worth", "--from", "2026-01-01", "--to", "2026-03-31",
                                         "--currency", "USD", NULL);
    g_autoptr(JsonNode) accounts = run_json (f, "report", "net-worth", "--from", "2026-03-01", "--to", "2026-03-31",
                                             "--by", "account", NULL);
    JsonArray *rows = root_array (root);
    static const gint64 worth[] = { -10000, 255000, 245000 - 5412 };

    g_assert_cmpuint (json_array_get_length (rows), ==, 3);
    for (guint i = 0; i < 3; i++)
      {
        JsonObject *row = json_array_get_object_element (rows, i);

        g_assert_cmpint (member_int (row, "amount_minor"), ==, worth[i]);
        g_assert_cmpstr (member_string (row, "currency"), ==, "USD");
      }

    rows = root_array (accounts);
    g_assert_cmpuint (json_array_get_length (rows), ==, 3);
    g_assert_cmpint (member_int (find_row (rows, "account", "Girokonto", NULL), "amount_minor"), ==, -5000);
    g_assert_cmpstr (member_string (find_row (rows, "account", "Girokonto", NULL), "currency"), ==, "EUR");
    g_assert_cmpstr (member_string (find_row (rows, "account", "Girokonto", NULL), "month"), ==, "2026-03");
  }

  /* Budget against actual. */
  run_ok (f, "budget", "set", "Food", "--amount", "300", "--period", "monthly", "--from", "2026-02",
          "--currency", "USD", NULL);
  {
    g_autoptr(JsonNode) root = run_json (f, "report", "budget", "--from", "2026-01-01", "--to", "2026-03-31", NULL);
    JsonArray *rows = root_array (root);
    JsonObject *row;

    g_assert_cmpuint (json_array_get_length (rows), ==, 2);
    row = json_array_get_object_element (rows, 0);
    g_assert_cmpstr (member_string (row, "category"), ==, "Food");
    g_assert_cmpstr (member_string (row, "month"), ==, "2026-02");
    g_assert_cmpint (member_int (row, "budgeted_minor"), ==, 30000);
    g_assert_cmpint (member_int (row, "amount_minor"), ==, 35000);
  }

  /* A yearly summary. */
  {
    g_autoptr(JsonNode) root = run_json (f, "report", "summary", "--from", "2026-01-01", "--to", "2026-03-31",
                                         "--by", "year", "--currency", "USD", NULL);
    JsonObject *row = json_array_get_object_element (root_array (root), 0);

    g_assert_cmpstr (member_string (row, "year"), ==, "2026");
    g_assert_cmpint (member_int (row, "income_minor"), ==, 300000);
    g_assert_cmpint (member_int (row, "expense_minor"), ==, 60412);
    g_assert_cmpint (member_int (row, "budgeted_minor"), ==, 60000);
  }

  text = run_text (f, "report", "spending", "--from", "2026-01-01", "--to", "2026-03-31", NULL);
  g_assert_nonnull (strstr (text, "Food:Groceries"));
  g_assert_nonnull (strstr (text, "300.00 USD"));
}

static void
test_insights (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) quiet = NULL;
  JsonObject *rise;

  seed (f);

  /* March's groceries (100.00) against December to February (66.67). */
  root = run_json (f, "insights", "--date", "2026-04-10", NULL);
  rise = find_row (root_array (root), "kind", "category-rise", "USD");
  g_assert_nonnull (rise);
  g_assert_cmpstr (member_string (rise, "subject"), ==, "Food:Groceries");
  g_assert_cmpstr (member_string (rise, "period"), ==, "2026-03");
  g_assert_cmpint (member_int (rise, "amount_minor"), ==, 10000);
  g_assert_cmpint (member_int (rise, "reference_minor"), ==, 6667);
  g_assert_cmpint (member_int (rise, "percent"), ==, 50);
  g_assert_true (member_is_null (rise, "transaction_id"));
  g_assert_nonnull (strstr (member_string (rise, "text"), "Food:Groceries"));

  /* Before any history there is nothing to say. */
  quiet = run_json (f, "insights", "--date", "2020-01-01", NULL);
  g_assert_cmpuint (json_array_get_length (root_array (quiet)), ==, 0);
}

typedef struct
{
  const char *name;
  int         status;
  const char *args[16];
} BadCase;

static const BadCase bad_cases[] = {
  /* Wrong usage: exit 2. */
  { "budget-no-amount", 2, { "budget", "set", "Food", "--period", "monthly", NULL } },
  { "budget-no-period", 2, { "budget", "set", "Food", "--amount", "10", NULL } },
  { "budget-bad-period", 2, { "budget", "set", "Food", "--amount", "10", "--period", "daily", NULL } },
  { "budget-bad-rollover", 2, { "budget", "set", "Food", "--amount", "10", "--period", "monthly", "--rollover", "some", NULL } },
  { "budget-no-category", 2, { "budget", "set", "--amount", "10", "--period", "monthly", NULL } },
  { "budget-status-argument", 2, { "budget", "status", "Food", NULL } },
  { "goal-no-target", 2, { "goal", "add", "Car", NULL } },
  { "goal-both-auto", 2, { "goal", "add", "Car", "--target", "10", "--auto-percent", "5", "--auto-amount", "5", NULL } },
  { "contribute-no-amount", 2, { "goal", "contribute", "Holiday", NULL } },
  { "contribute-nothing", 2, { "goal", "contribute", NULL } },
  { "contribute-too-many", 2, { "goal", "contribute", "Holiday", "10", "20", NULL } },
  { "allocate-no-range", 2, { "goal", "allocate", "--from", "2026-01-01", NULL } },
  { "rate-no-rate", 2, { "rate", "set", "EUR", "USD", "--date", "2026-01-01", NULL } },
  { "rate-no-date", 2, { "rate", "set", "EUR", "USD", "1.1", NULL } },
  { "report-no-from", 2, { "report", "spending", "--to", "2026-01-31", NULL } },
  { "report-bad-by", 2, { "report", "spending", "--from", "2026-01-01", "--to", "2026-01-31", "--by", "color", NULL } },
  { "report-monthly-income", 2, { "report", "income-expense", "--from", "2026-01-01", "--to", "2026-01-31", "--monthly", NULL } },
  { "report-net-worth-by-payee", 2, { "report", "net-worth", "--from", "2026-01-01", "--to", "2026-01-31", "--by", "payee", NULL } },
  { "report-unknown", 2, { "report", "pie", NULL } },
  { "insights-option", 2, { "insights", "--soon", NULL } },
  /* Bad input: exit 1. */
  { "budget-unknown-category", 1, { "budget", "set", "Toys", "--amount", "10", "--period", "monthly", NULL } },
  { "budget-bad-amount", 1, { "budget", "set", "Food", "--amount", "ten", "--period", "monthly", NULL } },
  { "budget-negative", 1, { "budget", "set", "Food", "--amount", "-10", "--period", "monthly", NULL } },
  { "budget-week-for-month", 1, { "budget", "set", "Food", "--amount", "10", "--period", "monthly", "--from", "2026-W05", NULL } },
  { "budget-income", 1, { "budget", "set", "Salary", "--amount", "10", "--period", "monthly", NULL } },
  { "budget-bad-status-period", 1, { "budget", "status", "--period", "2026-13", NULL } },
  { "goal-duplicate", 1, { "goal", "add", "HOLIDAY", "--target", "100", NULL } },
  { "goal-percent-too-high", 1, { "goal", "add", "Car", "--target", "100", "--auto-percent", "150", NULL } },
  { "goal-zero-target", 1, { "goal", "add", "Car", "--target", "0", NULL } },
  { "goal-unknown-account", 1, { "goal", "add", "Car", "--target", "100", "--account", "Vault", NULL } },
  { "contribute-unknown", 1, { "goal", "contribute", "Boat", "10", NULL } },
  { "contribute-zero", 1, { "goal", "contribute", "Holiday", "0", NULL } },
  { "allocate-not-income", 1, { "goal", "allocate", "--transaction", "1", NULL } },
  { "rate-bad", 1, { "rate", "set", "EUR", "USD", "abc", "--date", "2026-01-01", NULL } },
  { "rate-same", 1, { "rate", "set", "EUR", "EUR", "1.1", "--date", "2026-01-01", NULL } },
  { "rate-bad-date", 1, { "rate", "set", "EUR", "USD", "1.1", "--date", "2026-02-30", NULL } },
  { "rate-bad-currency", 1, { "rate", "set", "EUR", "XYZ", "1.1", "--date", "2026-01-01", NULL } },
  { "report-backwards", 1, { "report", "spending", "--from", "2026-03-01", "--to", "2026-01-01", NULL } },
  { "report-no-rate", 1, { "report", "net-worth", "--from", "2026-03-01", "--to", "2026-03-31", "--currency", "JPY", NULL } },
  { "insights-bad-date", 1, { "insights", "--date", "2026-13-01", NULL } },
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
  run_ok (f, "budget", "set", "Food", "--amount", "300", "--period", "monthly", "--from", "2026-01", NULL);
  run_ok (f, "goal", "add", "Holiday", "--target", "1200", "--auto-percent", "10", NULL);
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

  g_test_add ("/cli-budgets/budget/set-status", Fixture, NULL, fixture_setup, test_budget, fixture_teardown);
  g_test_add ("/cli-budgets/goal/add-contribute-status", Fixture, NULL, fixture_setup, test_goal, fixture_teardown);
  g_test_add ("/cli-budgets/report/rate-and-reports", Fixture, NULL, fixture_setup, test_rate_and_reports, fixture_teardown);
  g_test_add ("/cli-budgets/insights/json", Fixture, NULL, fixture_setup, test_insights, fixture_teardown);

  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/cli-budgets/bad-input/%s", bad_cases[i].name);

      g_test_add (path, Fixture, &bad_cases[i], fixture_setup, test_bad_input, fixture_teardown);
    }

  return g_test_run ();
}
