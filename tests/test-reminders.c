/* test-reminders.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "budg-budget-store.h"
#include "budg-context.h"
#include "budg-reminders.h"

/* Everything on, no quiet hours, grouping from three. */
static const BudgReminderSettings all_on = {
  .bills_upcoming = TRUE,
  .bills_due_today = TRUE,
  .bills_overdue = TRUE,
  .quiet_hours = FALSE,
  .banks = TRUE,
  .group_threshold = 3,
};

typedef struct
{
  char          *dir;
  char          *path;
  BudgContext   *context;
  gint64         checking;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  BudgAccount *account;

  fixture->dir = g_dir_make_tmp ("budg-test-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "budg.db", NULL);
  fixture->context = budg_context_new (fixture->path, &error);
  g_assert_no_error (error);

  account = budg_account_store_create (budg_context_get_accounts (fixture->context), "Checking",
                                       BUDG_ACCOUNT_KIND_CHECKING, "USD", NULL, NULL, 0, &error);
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
  g_free (fixture->path);
}

/* A monthly bill, on the 10th from March 2026 (a Tuesday, so no weekend
 * shift), with @lead_days of warning. */
static gint64
add_bill (Fixture    *fixture,
          const char *name,
          const char *start,
          guint       lead_days)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BudgBill) draft = budg_bill_new (name, fixture->checking, 5000, "FREQ=MONTHLY", start);
  BudgBill *bill;

  budg_bill_set_lead_days (draft, lead_days);
  bill = budg_bill_store_create (budg_context_get_bills (fixture->context), draft, &error);
  g_assert_no_error (error);

  return budg_bill_get_id (bill);
}

static GPtrArray *
collect (Fixture                    *fixture,
         const BudgReminderSettings *settings,
         const char                 *today,
         guint                       hour)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *reminders = budg_reminders_collect (fixture->context, settings, today, hour, &error);

  g_assert_no_error (error);
  g_assert_nonnull (reminders);

  return reminders;
}

static void
mark_sent (Fixture   *fixture,
           GPtrArray *reminders)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (budg_reminders_mark_sent (fixture->context, reminders, &error));
  g_assert_no_error (error);
}

/* The one reminder collected on @today, checked, then recorded as sent. */
static void
assert_one (Fixture          *fixture,
            const char       *today,
            BudgReminderKind  kind,
            const char       *due_date)
{
  g_autoptr(GPtrArray) reminders = collect (fixture, &all_on, today, 12);
  BudgReminder *reminder;

  g_assert_cmpuint (reminders->len, ==, 1);
  reminder = g_ptr_array_index (reminders, 0);
  g_assert_cmpstr (budg_reminder_kind_to_string (reminder->kind), ==, budg_reminder_kind_to_string (kind));
  g_assert_cmpstr (reminder->due_date, ==, due_date);
  g_assert_cmpstr (reminder->occurrence, ==, due_date);
  g_assert_cmpstr (reminder->name, ==, "Rent");
  g_assert_cmpint (reminder->amount_minor, ==, -5000);
  g_assert_cmpstr (reminder->currency, ==, "USD");

  mark_sent (fixture, reminders);
}

static void
assert_none (Fixture    *fixture,
             const char *today)
{
  g_autoptr(GPtrArray) reminders = collect (fixture, &all_on, today, 12);

  g_assert_cmpuint (reminders->len, ==, 0);
}

static void
test_events_of_an_occurrence (Fixture       *fixture,
                              gconstpointer  data)
{
  add_bill (fixture, "Rent", "2026-03-10", 3);

  /* Four days before is outside the three lead days. */
  assert_none (fixture, "2026-03-06");
  assert_one (fixture, "2026-03-07", BUDG_REMINDER_BILL_UPCOMING, "2026-03-10");
  /* Still upcoming, already said: not again, the same day or the next. */
  assert_none (fixture, "2026-03-07");
  assert_none (fixture, "2026-03-09");
  assert_one (fixture, "2026-03-10", BUDG_REMINDER_BILL_DUE_TODAY, "2026-03-10");
  assert_none (fixture, "2026-03-10");
  assert_one (fixture, "2026-03-11", BUDG_REMINDER_BILL_OVERDUE, "2026-03-10");
  assert_none (fixture, "2026-03-12");
  assert_none (fixture, "2026-04-06");
  /* The next month's occurrence is a new one. */
  assert_one (fixture, "2026-04-07", BUDG_REMINDER_BILL_UPCOMING, "2026-04-10");
}

static void
test_sent_survives_reopening (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  add_bill (fixture, "Rent", "2026-03-10", 3);
  assert_one (fixture, "2026-03-10", BUDG_REMINDER_BILL_DUE_TODAY, "2026-03-10");

  g_clear_object (&fixture->context);
  fixture->context = budg_context_new (fixture->path, &error);
  g_assert_no_error (error);

  assert_none (fixture, "2026-03-10");
}

static void
test_lead_days_zero (Fixture       *fixture,
                     gconstpointer  data)
{
  add_bill (fixture, "Rent", "2026-03-10", 0);

  assert_none (fixture, "2026-03-09");
  assert_one (fixture, "2026-03-10", BUDG_REMINDER_BILL_DUE_TODAY, "2026-03-10");
}

static void
test_kinds_turned_off (Fixture       *fixture,
                       gconstpointer  data)
{
  BudgReminderSettings settings = all_on;
  g_autoptr(GPtrArray) upcoming = NULL;
  g_autoptr(GPtrArray) today = NULL;
  g_autoptr(GPtrArray) overdue = NULL;

  add_bill (fixture, "Rent", "2026-03-10", 3);

  settings.bills_upcoming = FALSE;
  upcoming = collect (fixture, &settings, "2026-03-08", 12);
  g_assert_cmpuint (upcoming->len, ==, 0);

  settings = all_on;
  settings.bills_due_today = FALSE;
  today = collect (fixture, &settings, "2026-03-10", 12);
  g_assert_cmpuint (today->len, ==, 0);

  settings = all_on;
  settings.bills_overdue = FALSE;
  overdue = collect (fixture, &settings, "2026-03-12", 12);
  g_assert_cmpuint (overdue->len, ==, 0);

  /* Turning a kind off records nothing: on again, it is notified. */
  assert_one (fixture, "2026-03-12", BUDG_REMINDER_BILL_OVERDUE, "2026-03-10");
}

static void
test_paid_skipped_income_autopay (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) dues = NULL;
  g_autoptr(GPtrArray) reminders = NULL;
  BudgDueStore *store = budg_context_get_dues (fixture->context);
  g_autoptr(BudgBill) income = budg_bill_new ("Salary", fixture->checking, 300000, "FREQ=MONTHLY", "2026-03-10");
  g_autoptr(BudgBill) autopay = budg_bill_new ("Phone", fixture->checking, 2000, "FREQ=MONTHLY", "2026-03-10");

  add_bill (fixture, "Rent", "2026-03-10", 3);
  add_bill (fixture, "Power", "2026-03-10", 3);
  add_bill (fixture, "Water", "2026-03-10", 3);
  budg_bill_set_is_income (income, TRUE);
  g_assert_nonnull (budg_bill_store_create (budg_context_get_bills (fixture->context), income, &error));
  g_assert_no_error (error);
  budg_bill_set_autopay (autopay, TRUE);
  g_assert_nonnull (budg_bill_store_create (budg_context_get_bills (fixture->context), autopay, &error));
  g_assert_no_error (error);

  dues = budg_due_store_list (store, "2026-03-10", "2026-03-10", 0, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dues->len, ==, 5);
  for (guint i = 0; i < dues->len; i++)
    {
      BudgDueBill *due = g_ptr_array_index (dues, i);

      if (g_str_equal (budg_due_bill_get_name (due), "Power"))
        g_assert_cmpint (budg_due_store_pay (store, due, NULL, FALSE, 0, &error), >, 0);
      else if (g_str_equal (budg_due_bill_get_name (due), "Water"))
        g_assert_true (budg_due_store_skip (store, due, TRUE, &error));
      g_assert_no_error (error);
    }

  reminders = collect (fixture, &all_on, "2026-03-10", 12);
  g_assert_cmpuint (reminders->len, ==, 1);
  g_assert_cmpstr (((BudgReminder *) g_ptr_array_index (reminders, 0))->name, ==, "Rent");
}

static void
test_snooze_until_tomorrow (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 rent = add_bill (fixture, "Rent", "2026-03-10", 3);

  assert_one (fixture, "2026-03-07", BUDG_REMINDER_BILL_UPCOMING, "2026-03-10");
  g_assert_true (budg_reminders_snooze (fixture->context, rent, "2026-03-10", "2026-03-08", &error));
  g_assert_no_error (error);

  /* Snoozed for the rest of the day, then said again: a snooze is "remind
   * me tomorrow", not "never mind". */
  assert_none (fixture, "2026-03-07");
  assert_one (fixture, "2026-03-08", BUDG_REMINDER_BILL_UPCOMING, "2026-03-10");
  assert_none (fixture, "2026-03-08");

  /* A snooze over a whole event hides it until the snooze ends. */
  g_assert_true (budg_reminders_snooze (fixture->context, rent, "2026-03-10", "2026-03-11", &error));
  g_assert_no_error (error);
  assert_none (fixture, "2026-03-10");
  assert_one (fixture, "2026-03-11", BUDG_REMINDER_BILL_OVERDUE, "2026-03-10");
  assert_none (fixture, "2026-03-11");
}

static void
test_grouping (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) reminders = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GPtrArray) separate = NULL;
  g_autoptr(GPtrArray) never = NULL;
  g_autoptr(GPtrArray) two = g_ptr_array_new ();
  g_autoptr(GPtrArray) two_groups = NULL;

  add_bill (fixture, "Rent", "2026-03-10", 3);
  add_bill (fixture, "Power", "2026-03-10", 3);
  add_bill (fixture, "Water", "2026-03-09", 3);
  add_bill (fixture, "Phone", "2026-03-11", 3);

  reminders = collect (fixture, &all_on, "2026-03-10", 12);
  g_assert_cmpuint (reminders->len, ==, 4);

  groups = budg_reminders_group (reminders, 3);
  g_assert_cmpuint (groups->len, ==, 1);
  g_assert_cmpuint (((GPtrArray *) g_ptr_array_index (groups, 0))->len, ==, 4);

  separate = budg_reminders_group (reminders, 5);
  g_assert_cmpuint (separate->len, ==, 4);
  for (guint i = 0; i < separate->len; i++)
    g_assert_cmpuint (((GPtrArray *) g_ptr_array_index (separate, i))->len, ==, 1);

  never = budg_reminders_group (reminders, 0);
  g_assert_cmpuint (never->len, ==, 4);

  g_ptr_array_add (two, g_ptr_array_index (reminders, 0));
  g_ptr_array_add (two, g_ptr_array_index (reminders, 1));
  two_groups = budg_reminders_group (two, 3);
  g_assert_cmpuint (two_groups->len, ==, 2);
}

static void
test_quiet_hours (Fixture       *fixture,
                  gconstpointer  data)
{
  BudgReminderSettings night = all_on;
  BudgReminderSettings day = all_on;
  BudgReminderSettings empty = all_on;
  g_autoptr(GPtrArray) quiet = NULL;
  g_autoptr(GPtrArray) after = NULL;

  night.quiet_hours = TRUE;
  night.quiet_start = 22;
  night.quiet_end = 7;
  g_assert_true (budg_reminders_is_quiet (&night, 22));
  g_assert_true (budg_reminders_is_quiet (&night, 23));
  g_assert_true (budg_reminders_is_quiet (&night, 0));
  g_assert_true (budg_reminders_is_quiet (&night, 6));
  g_assert_false (budg_reminders_is_quiet (&night, 7));
  g_assert_false (budg_reminders_is_quiet (&night, 21));

  day.quiet_hours = TRUE;
  day.quiet_start = 9;
  day.quiet_end = 17;
  g_assert_false (budg_reminders_is_quiet (&day, 8));
  g_assert_true (budg_reminders_is_quiet (&day, 9));
  g_assert_true (budg_reminders_is_quiet (&day, 16));
  g_assert_false (budg_reminders_is_quiet (&day, 17));

  empty.quiet_hours = TRUE;
  empty.quiet_start = 5;
  empty.quiet_end = 5;
  g_assert_false (budg_reminders_is_quiet (&empty, 5));

  /* Off, the hours do not count. */
  night.quiet_hours = FALSE;
  g_assert_false (budg_reminders_is_quiet (&night, 23));
  night.quiet_hours = TRUE;

  add_bill (fixture, "Rent", "2026-03-10", 3);

  /* Nothing in the night; the first check after it sends what waited. */
  quiet = collect (fixture, &night, "2026-03-10", 3);
  g_assert_cmpuint (quiet->len, ==, 0);
  after = collect (fixture, &night, "2026-03-10", 7);
  g_assert_cmpuint (after->len, ==, 1);
}

static gint64
spend (Fixture    *fixture,
       gint64      category_id,
       const char *date,
       gint64      amount_minor)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BudgTransaction) transaction = budg_transaction_new (fixture->checking, date, amount_minor);

  if (category_id != 0)
    budg_transaction_set_category_id (transaction, category_id);
  g_assert_true (budg_transaction_store_add (budg_context_get_transactions (fixture->context),
                                             transaction, &error));
  g_assert_no_error (error);

  return budg_transaction_get_id (transaction);
}

static BudgReminder *
collect_one_budget (Fixture                    *fixture,
                    const BudgReminderSettings *settings,
                    const char                 *today,
                    GPtrArray                 **out_reminders)
{
  *out_reminders = collect (fixture, settings, today, 12);
  g_assert_cmpuint ((*out_reminders)->len, ==, 1);

  return g_ptr_array_index (*out_reminders, 0);
}

static void
test_budgets (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BudgBudgetStore) store = budg_budget_store_new (budg_context_get_database (fixture->context));
  g_autoptr(BudgBudget) budget = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GPtrArray) warning = NULL;
  g_autoptr(GPtrArray) after_warning = NULL;
  g_autoptr(GPtrArray) limit = NULL;
  g_autoptr(GPtrArray) after_limit = NULL;
  g_autoptr(GPtrArray) off = NULL;
  g_autoptr(GPtrArray) next_month = NULL;
  BudgReminderSettings settings = all_on;
  BudgCategory *food;
  BudgReminder *reminder;
  gint64 food_id;

  settings.budgets = TRUE;
  settings.budget_warning_percent = 80;

  food = budg_category_store_create_path (budg_context_get_categories (fixture->context), "Food",
                                          FALSE, &error);
  g_assert_no_error (error);
  food_id = budg_category_get_id (food);
  budget = budg_budget_store_set (store, food_id, BUDG_BUDGET_PERIOD_MONTHLY, 40000, "USD",
                                  BUDG_ROLLOVER_NONE, "2026-03", &error);
  g_assert_no_error (error);

  /* 75 % of the month's 400.00: below the warning level. */
  spend (fixture, food_id, "2026-03-05", -30000);
  none = collect (fixture, &settings, "2026-03-15", 12);
  g_assert_cmpuint (none->len, ==, 0);

  /* 82.5 %: a warning, once. */
  spend (fixture, food_id, "2026-03-10", -3000);
  reminder = collect_one_budget (fixture, &settings, "2026-03-15", &warning);
  g_assert_cmpstr (budg_reminder_kind_to_string (reminder->kind), ==, "budget-warning");
  g_assert_false (budg_reminder_is_bill (reminder));
  g_assert_cmpint (reminder->subject_id, ==, food_id);
  g_assert_cmpstr (reminder->occurrence, ==, "2026-03");
  g_assert_cmpstr (reminder->name, ==, "Food");
  g_assert_cmpint (reminder->amount_minor, ==, 33000);
  g_assert_cmpint (reminder->limit_minor, ==, 40000);
  g_assert_cmpstr (reminder->currency, ==, "USD");
  mark_sent (fixture, warning);
  after_warning = collect (fixture, &settings, "2026-03-16", 12);
  g_assert_cmpuint (after_warning->len, ==, 0);

  /* Over the limit: its own event, once. */
  spend (fixture, food_id, "2026-03-12", -10000);
  reminder = collect_one_budget (fixture, &settings, "2026-03-16", &limit);
  g_assert_cmpstr (budg_reminder_kind_to_string (reminder->kind), ==, "budget-limit");
  g_assert_cmpint (reminder->amount_minor, ==, 43000);
  mark_sent (fixture, limit);
  after_limit = collect (fixture, &settings, "2026-03-20", 12);
  g_assert_cmpuint (after_limit->len, ==, 0);

  settings.budgets = FALSE;
  spend (fixture, food_id, "2026-04-02", -39000);
  off = collect (fixture, &settings, "2026-04-03", 12);
  g_assert_cmpuint (off->len, ==, 0);

  /* A new month is a new period: its warning is new. */
  settings.budgets = TRUE;
  reminder = collect_one_budget (fixture, &settings, "2026-04-03", &next_month);
  g_assert_cmpstr (budg_reminder_kind_to_string (reminder->kind), ==, "budget-warning");
  g_assert_cmpstr (reminder->occurrence, ==, "2026-04");
}

static void
test_budgets_not_grouped (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BudgBudgetStore) store = budg_budget_store_new (budg_context_get_database (fixture->context));
  g_autoptr(BudgBudget) budget = NULL;
  g_autoptr(GPtrArray) reminders = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  BudgReminderSettings settings = all_on;
  BudgCategory *food;

  settings.budgets = TRUE;
  settings.budget_warning_percent = 80;
  food = budg_category_store_create_path (budg_context_get_categories (fixture->context), "Food",
                                          FALSE, &error);
  g_assert_no_error (error);
  budget = budg_budget_store_set (store, budg_category_get_id (food), BUDG_BUDGET_PERIOD_MONTHLY,
                                  10000, "USD", BUDG_ROLLOVER_NONE, "2026-03", &error);
  g_assert_no_error (error);
  spend (fixture, budg_category_get_id (food), "2026-03-01", -20000);

  add_bill (fixture, "Rent", "2026-03-10", 3);
  add_bill (fixture, "Power", "2026-03-10", 3);
  add_bill (fixture, "Water", "2026-03-10", 3);

  reminders = collect (fixture, &settings, "2026-03-10", 12);
  g_assert_cmpuint (reminders->len, ==, 4);
  /* Bills first, then budgets. */
  g_assert_true (budg_reminder_is_bill (g_ptr_array_index (reminders, 2)));
  g_assert_false (budg_reminder_is_bill (g_ptr_array_index (reminders, 3)));

  groups = budg_reminders_group (reminders, 3);
  g_assert_cmpuint (groups->len, ==, 2);
  g_assert_cmpuint (((GPtrArray *) g_ptr_array_index (groups, 0))->len, ==, 3);
  g_assert_cmpuint (((GPtrArray *) g_ptr_array_index (groups, 1))->len, ==, 1);
  g_assert_false (budg_reminder_is_bill (g_ptr_array_index ((GPtrArray *) g_ptr_array_index (groups, 1), 0)));
}

static void
test_large_transactions (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) large = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GPtrArray) off = NULL;
  g_autoptr(BudgTransaction) yen = NULL;
  BudgReminderSettings settings = all_on;
  BudgAccount *wallet;
  BudgReminder *reminder;
  gint64 big;
  gint64 salary;

  settings.large_transaction = 500;

  spend (fixture, 0, "2026-03-10", -49999);
  big = spend (fixture, 0, "2026-03-10", -50000);
  salary = spend (fixture, 0, "2026-03-11", 120000);
  /* More than a week old, and in the future: neither is news today. */
  spend (fixture, 0, "2026-03-04", -90000);
  spend (fixture, 0, "2026-03-20", -90000);

  /* The threshold is in whole units of each account's currency: 600 yen
   * are large, 6 dollars (600 cents) are not. */
  wallet = budg_account_store_create (budg_context_get_accounts (fixture->context), "Yen wallet",
                                      BUDG_ACCOUNT_KIND_CASH, "JPY", NULL, NULL, 0, &error);
  g_assert_no_error (error);
  yen = budg_transaction_new (budg_account_get_id (wallet), "2026-03-12", -600);
  g_assert_true (budg_transaction_store_add (budg_context_get_transactions (fixture->context), yen, &error));
  g_assert_no_error (error);
  spend (fixture, 0, "2026-03-12", -600);

  large = collect (fixture, &settings, "2026-03-12", 12);
  g_assert_cmpuint (large->len, ==, 3);

  reminder = g_ptr_array_index (large, 0);
  g_assert_cmpstr (budg_reminder_kind_to_string (reminder->kind), ==, "transaction-large");
  g_assert_false (budg_reminder_is_bill (reminder));
  g_assert_cmpint (reminder->subject_id, ==, big);
  g_assert_cmpstr (reminder->occurrence, ==, "2026-03-10");
  g_assert_cmpint (reminder->amount_minor, ==, -50000);
  g_assert_cmpstr (reminder->currency, ==, "USD");
  /* Without a payee, the account names it. */
  g_assert_cmpstr (reminder->name, ==, "Checking");

  reminder = g_ptr_array_index (large, 1);
  g_assert_cmpint (reminder->subject_id, ==, salary);
  g_assert_cmpint (reminder->amount_minor, ==, 120000);

  reminder = g_ptr_array_index (large, 2);
  g_assert_cmpint (reminder->subject_id, ==, budg_transaction_get_id (yen));
  g_assert_cmpstr (reminder->currency, ==, "JPY");

  mark_sent (fixture, large);
  again = collect (fixture, &settings, "2026-03-13", 12);
  g_assert_cmpuint (again->len, ==, 0);

  settings.large_transaction = 0;
  spend (fixture, 0, "2026-03-13", -900000);
  off = collect (fixture, &settings, "2026-03-13", 12);
  g_assert_cmpuint (off->len, ==, 0);
}

static void
exec_sql (Fixture    *fixture,
          const char *sql)
{
  g_autoptr(GError) error = NULL;

  budg_database_exec (budg_context_get_database (fixture->context), sql, &error);
  g_assert_no_error (error);
}

static void
test_banks (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GPtrArray) next_time = NULL;
  g_autoptr(GPtrArray) off = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  BudgReminderSettings settings = all_on;
  BudgReminder *reminder;

  exec_sql (fixture,
            "INSERT INTO plaid_items (item_id, environment, institution_name, state, last_sync_at)"
            " VALUES ('item-ok', 'sandbox', 'Good Bank', 'ok', '2026-03-01T08:00:00Z'),"
            "        ('item-login', 'sandbox', 'First Platypus Bank', 'needs-login', '2026-03-02T08:00:00Z'),"
            "        ('item-error', 'sandbox', NULL, 'error', NULL)");

  first = collect (fixture, &settings, "2026-03-12", 12);
  g_assert_cmpuint (first->len, ==, 1);
  reminder = g_ptr_array_index (first, 0);
  g_assert_cmpstr (budg_reminder_kind_to_string (reminder->kind), ==, "bank-needs-login");
  g_assert_false (budg_reminder_is_bill (reminder));
  g_assert_cmpstr (reminder->name, ==, "First Platypus Bank");
  g_assert_cmpstr (reminder->occurrence, ==, "2026-03-02T08:00:00Z");

  /* Alone in its notification, even beside enough bills to group. */
  groups = budg_reminders_group (first, 1);
  g_assert_cmpuint (groups->len, ==, 1);

  mark_sent (fixture, first);
  again = collect (fixture, &settings, "2026-03-13", 12);
  g_assert_cmpuint (again->len, ==, 0);

  /* Logged in, synced, then asked again: a new event. */
  exec_sql (fixture,
            "UPDATE plaid_items SET state = 'needs-login', last_sync_at = '2026-03-20T08:00:00Z'"
            " WHERE item_id = 'item-login'");
  next_time = collect (fixture, &settings, "2026-03-21", 12);
  g_assert_cmpuint (next_time->len, ==, 1);
  g_assert_cmpstr (((BudgReminder *) g_ptr_array_index (next_time, 0))->occurrence, ==,
                   "2026-03-20T08:00:00Z");

  settings.banks = FALSE;
  off = collect (fixture, &settings, "2026-03-21", 12);
  g_assert_cmpuint (off->len, ==, 0);
}

static void
assert_next_check (const BudgReminderSettings *settings,
                   GTimeZone                  *zone,
                   int                         day,
                   int                         hour,
                   int                         expected_day,
                   int                         expected_hour)
{
  g_autoptr(GDateTime) now = g_date_time_new (zone, 2026, 3, day, hour, 30, 0);
  g_autoptr(GDateTime) next = budg_reminders_next_check (settings, now);

  g_assert_cmpint (g_date_time_get_day_of_month (next), ==, expected_day);
  g_assert_cmpint (g_date_time_get_hour (next), ==, expected_hour);
  g_assert_cmpint (g_date_time_get_minute (next), ==, 0);
}

static void
test_next_check (void)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_utc ();
  BudgReminderSettings settings = all_on;

  /* Without quiet hours: the next midnight. */
  assert_next_check (&settings, zone, 10, 9, 11, 0);
  assert_next_check (&settings, zone, 10, 23, 11, 0);

  /* Quiet from 22 to 7: at 23:30 midnight comes first, and is quiet, so
   * the check after it is at 7; in the small hours, 7 the same day. */
  settings.quiet_hours = TRUE;
  settings.quiet_start = 22;
  settings.quiet_end = 7;
  assert_next_check (&settings, zone, 10, 23, 11, 0);
  assert_next_check (&settings, zone, 11, 0, 11, 7);
  assert_next_check (&settings, zone, 11, 3, 11, 7);
  assert_next_check (&settings, zone, 11, 12, 12, 0);

  /* Quiet in the day, from 9 to 17: at 10:30, the end at 17. */
  settings.quiet_start = 9;
  settings.quiet_end = 17;
  assert_next_check (&settings, zone, 10, 10, 10, 17);
  assert_next_check (&settings, zone, 10, 18, 11, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/reminders/bills/events", test_events_of_an_occurrence);
  ADD ("/reminders/bills/persisted", test_sent_survives_reopening);
  ADD ("/reminders/bills/lead-days-zero", test_lead_days_zero);
  ADD ("/reminders/bills/kinds-off", test_kinds_turned_off);
  ADD ("/reminders/bills/left-out", test_paid_skipped_income_autopay);
  ADD ("/reminders/bills/snooze", test_snooze_until_tomorrow);
  ADD ("/reminders/budgets/levels", test_budgets);
  ADD ("/reminders/budgets/not-grouped", test_budgets_not_grouped);
  ADD ("/reminders/transactions/large", test_large_transactions);
  ADD ("/reminders/banks/needs-login", test_banks);
  ADD ("/reminders/grouping", test_grouping);
  g_test_add_func ("/reminders/next-check", test_next_check);
  ADD ("/reminders/quiet-hours", test_quiet_hours);

#undef ADD

  return g_test_run ();
}
