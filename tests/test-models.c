/* test-models.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-models"

#include "config.h"

#include "budg-account.h"
#include "budg-balance-snapshot.h"
#include "budg-bill.h"
#include "budg-category.h"
#include "budg-due-bill.h"
#include "budg-ledger-row.h"
#include "budg-transaction.h"

/* Counts "notify" emissions per property name. */
typedef struct
{
  GHashTable *counts;
} NotifyLog;

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           NotifyLog  *log)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (log->counts, pspec->name));

  g_hash_table_insert (log->counts, (gpointer)pspec->name, GUINT_TO_POINTER (n + 1));
}

static void
notify_log_watch (NotifyLog *log,
                  GObject   *object)
{
  log->counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_signal_connect (object, "notify", G_CALLBACK (notify_cb), log);
}

static guint
notify_log_count (NotifyLog  *log,
                  const char *name)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (log->counts, name));
}

static guint
notify_log_total (NotifyLog *log)
{
  GHashTableIter iter;
  gpointer value;
  guint total = 0;

  g_hash_table_iter_init (&iter, log->counts);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    total += GPOINTER_TO_UINT (value);

  return total;
}

static void
notify_log_reset (NotifyLog *log)
{
  g_hash_table_remove_all (log->counts);
}

static void
notify_log_clear (NotifyLog *log,
                  GObject   *object)
{
  g_signal_handlers_disconnect_by_data (object, log);
  g_clear_pointer (&log->counts, g_hash_table_unref);
}

/* A value for @pspec that differs from its default, so that setting it must
 * notify. @round varies it so that two calls give two different values.
 */
static void
make_value (GParamSpec *pspec,
            guint       round,
            GValue     *value)
{
  g_value_init (value, pspec->value_type);

  if (G_IS_PARAM_SPEC_STRING (pspec))
    {
      g_autofree char *text = g_strdup_printf ("%s %u", pspec->name, round);

      g_value_set_string (value, text);
    }
  else if (G_IS_PARAM_SPEC_INT64 (pspec))
    g_value_set_int64 (value, 1000 + round);
  else if (G_IS_PARAM_SPEC_UINT (pspec))
    g_value_set_uint (value, 1000 + round);
  else if (G_IS_PARAM_SPEC_INT (pspec))
    {
      GParamSpecInt *ispec = G_PARAM_SPEC_INT (pspec);

      /* Enum-like ints have small ranges: step down from the maximum. */
      g_value_set_int (value, MAX (ispec->minimum, ispec->maximum - (int)round));
      g_assert_cmpint (g_value_get_int (value), !=, ispec->default_value);
    }
  else if (G_IS_PARAM_SPEC_BOOLEAN (pspec))
    g_value_set_boolean (value, !G_PARAM_SPEC_BOOLEAN (pspec)->default_value);
  else
    g_assert_not_reached ();
}

/* Every writable property: set through GObject, read back, one notify on a
 * change, none when set to the value it already has.
 */
static void
check_properties_round_trip (GObject *object)
{
  g_autofree GParamSpec **pspecs = NULL;
  NotifyLog log = { 0 };
  guint n_pspecs;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_pspecs);
  g_assert_cmpuint (n_pspecs, >, 0);
  notify_log_watch (&log, object);

  for (guint i = 0; i < n_pspecs; i++)
    {
      GParamSpec *pspec = pspecs[i];
      g_auto(GValue) value = G_VALUE_INIT;
      g_auto(GValue) read = G_VALUE_INIT;

      if (!(pspec->flags & G_PARAM_WRITABLE))
        continue;

      g_assert_true (pspec->flags & G_PARAM_EXPLICIT_NOTIFY);

      make_value (pspec, 0, &value);
      notify_log_reset (&log);
      g_object_set_property (object, pspec->name, &value);
      g_assert_cmpuint (notify_log_count (&log, pspec->name), ==, 1);

      g_value_init (&read, pspec->value_type);
      g_object_get_property (object, pspec->name, &read);
      g_assert_cmpint (g_param_values_cmp (pspec, &value, &read), ==, 0);

      notify_log_reset (&log);
      g_object_set_property (object, pspec->name, &value);
      g_assert_cmpuint (notify_log_total (&log), ==, 0);
    }

  notify_log_clear (&log, object);
}

static void
test_account_properties (void)
{
  g_autoptr(BudgAccount) account = budg_account_new ("Checking", BUDG_ACCOUNT_KIND_CHECKING, "USD");

  check_properties_round_trip (G_OBJECT (account));
}

static void
test_account_accessors (void)
{
  g_autoptr(BudgAccount) account = budg_account_new ("Checking", BUDG_ACCOUNT_KIND_SAVINGS, "USD");
  NotifyLog log = { 0 };

  g_assert_cmpint (budg_account_get_id (account), ==, 0);
  g_assert_cmpstr (budg_account_get_name (account), ==, "Checking");
  g_assert_cmpint (budg_account_get_kind (account), ==, BUDG_ACCOUNT_KIND_SAVINGS);
  g_assert_cmpstr (budg_account_get_currency (account), ==, "USD");
  g_assert_null (budg_account_get_institution (account));
  g_assert_false (budg_account_get_archived (account));
  g_assert_cmpint (budg_account_get_balance_minor (account), ==, 0);

  notify_log_watch (&log, G_OBJECT (account));

  budg_account_set_name (account, "Everyday");
  budg_account_set_name (account, "Everyday");
  g_assert_cmpstr (budg_account_get_name (account), ==, "Everyday");
  g_assert_cmpuint (notify_log_count (&log, "name"), ==, 1);

  budg_account_set_kind (account, BUDG_ACCOUNT_KIND_LOAN);
  budg_account_set_kind (account, BUDG_ACCOUNT_KIND_LOAN);
  g_assert_cmpint (budg_account_get_kind (account), ==, BUDG_ACCOUNT_KIND_LOAN);
  g_assert_cmpuint (notify_log_count (&log, "kind"), ==, 1);

  budg_account_set_institution (account, "First Bank");
  budg_account_set_institution (account, NULL);
  budg_account_set_institution (account, NULL);
  g_assert_null (budg_account_get_institution (account));
  g_assert_cmpuint (notify_log_count (&log, "institution"), ==, 2);

  budg_account_set_archived (account, TRUE);
  budg_account_set_archived (account, TRUE);
  g_assert_true (budg_account_get_archived (account));
  g_assert_cmpuint (notify_log_count (&log, "archived"), ==, 1);

  budg_account_set_balance_minor (account, -12345);
  budg_account_set_balance_minor (account, -12345);
  g_assert_cmpint (budg_account_get_balance_minor (account), ==, -12345);
  g_assert_cmpuint (notify_log_count (&log, "balance-minor"), ==, 1);

  budg_account_set_id (account, 7);
  budg_account_set_sort_order (account, 3);
  budg_account_set_currency (account, "EUR");
  g_assert_cmpint (budg_account_get_id (account), ==, 7);
  g_assert_cmpint (budg_account_get_sort_order (account), ==, 3);
  g_assert_cmpstr (budg_account_get_currency (account), ==, "EUR");

  /* Only the properties set above were notified, each as often as it changed. */
  g_assert_cmpuint (notify_log_total (&log), ==, 1 + 1 + 2 + 1 + 1 + 3);

  notify_log_clear (&log, G_OBJECT (account));
}

static void
test_account_copy (void)
{
  g_autoptr(BudgAccount) account = budg_account_new ("Visa", BUDG_ACCOUNT_KIND_CREDIT_CARD, "EUR");
  g_autoptr(BudgAccount) copy = NULL;
  g_autofree GParamSpec **pspecs = NULL;
  g_autofree char *balance_date = NULL;
  guint n_pspecs;

  budg_account_set_id (account, 42);
  budg_account_set_institution (account, "Card Co");
  budg_account_set_archived (account, TRUE);
  budg_account_set_sort_order (account, 5);
  budg_account_set_balance_minor (account, -9900);
  g_object_set (account, "balance-date", "2026-01-31", NULL);

  copy = budg_account_copy (account);
  g_assert_true (copy != account);

  /* Every property, including any added later, must come across. */
  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (account), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) a = G_VALUE_INIT;
      g_auto(GValue) b = G_VALUE_INIT;

      g_value_init (&a, pspecs[i]->value_type);
      g_value_init (&b, pspecs[i]->value_type);
      g_object_get_property (G_OBJECT (account), pspecs[i]->name, &a);
      g_object_get_property (G_OBJECT (copy), pspecs[i]->name, &b);
      g_assert_cmpint (g_param_values_cmp (pspecs[i], &a, &b), ==, 0);
    }

  /* Changing the copy leaves the original alone, strings included. */
  budg_account_set_name (copy, "Other");
  budg_account_set_institution (copy, NULL);
  budg_account_set_balance_minor (copy, 1);
  g_object_set (copy, "balance-date", NULL, NULL);
  g_assert_cmpstr (budg_account_get_name (account), ==, "Visa");
  g_assert_cmpstr (budg_account_get_institution (account), ==, "Card Co");
  g_assert_cmpint (budg_account_get_balance_minor (account), ==, -9900);
  g_object_get (account, "balance-date", &balance_date, NULL);
  g_assert_cmpstr (balance_date, ==, "2026-01-31");
}

static void
test_category_properties (void)
{
  g_autoptr(BudgCategory) category = budg_category_new ("Groceries", 0, NULL, FALSE);
  GParamSpec *path;

  check_properties_round_trip (G_OBJECT (category));

  path = g_object_class_find_property (G_OBJECT_GET_CLASS (category), "path");
  g_assert_nonnull (path);
  g_assert_true (path->flags & G_PARAM_READABLE);
  g_assert_false (path->flags & G_PARAM_WRITABLE);
}

static void
test_category_path (void)
{
  g_autoptr(BudgCategory) top = budg_category_new ("Food", 0, NULL, FALSE);
  g_autoptr(BudgCategory) child = budg_category_new ("Groceries", 3, "Food", TRUE);
  g_autofree char *path = NULL;
  NotifyLog log = { 0 };

  g_assert_cmpstr (budg_category_get_path (top), ==, "Food");
  g_assert_cmpint (budg_category_get_parent_id (top), ==, 0);
  g_assert_null (budg_category_get_parent_name (top));

  g_assert_cmpstr (budg_category_get_path (child), ==, "Food:Groceries");
  g_assert_cmpint (budg_category_get_parent_id (child), ==, 3);
  g_assert_cmpstr (budg_category_get_parent_name (child), ==, "Food");
  g_assert_true (budg_category_get_is_income (child));
  g_object_get (child, "path", &path, NULL);
  g_assert_cmpstr (path, ==, "Food:Groceries");

  notify_log_watch (&log, G_OBJECT (child));

  budg_category_set_name (child, "Supermarket");
  g_assert_cmpstr (budg_category_get_path (child), ==, "Food:Supermarket");
  g_assert_cmpuint (notify_log_count (&log, "name"), ==, 1);
  g_assert_cmpuint (notify_log_count (&log, "path"), ==, 1);

  notify_log_reset (&log);
  budg_category_set_name (child, "Supermarket");
  g_assert_cmpuint (notify_log_total (&log), ==, 0);

  budg_category_set_parent_name (child, "Household");
  g_assert_cmpstr (budg_category_get_path (child), ==, "Household:Supermarket");
  g_assert_cmpuint (notify_log_count (&log, "parent-name"), ==, 1);
  g_assert_cmpuint (notify_log_count (&log, "path"), ==, 1);

  /* Without a parent name the category reads as top-level. */
  notify_log_reset (&log);
  budg_category_set_parent_name (child, NULL);
  g_assert_cmpstr (budg_category_get_path (child), ==, "Supermarket");
  g_assert_cmpuint (notify_log_count (&log, "path"), ==, 1);

  notify_log_reset (&log);
  budg_category_set_color (child, "#3584e4");
  budg_category_set_color (child, "#3584e4");
  budg_category_set_is_income (child, FALSE);
  g_assert_cmpstr (budg_category_get_color (child), ==, "#3584e4");
  g_assert_false (budg_category_get_is_income (child));
  g_assert_cmpuint (notify_log_count (&log, "color"), ==, 1);
  g_assert_cmpuint (notify_log_count (&log, "is-income"), ==, 1);
  g_assert_cmpuint (notify_log_count (&log, "path"), ==, 0);

  notify_log_clear (&log, G_OBJECT (child));
}

static void
test_transaction_properties (void)
{
  g_autoptr(BudgTransaction) transaction = budg_transaction_new (1, "2026-03-01", -250);

  check_properties_round_trip (G_OBJECT (transaction));
}

static void
test_transaction_accessors (void)
{
  g_autoptr(BudgTransaction) transaction = budg_transaction_new (4, "2026-03-01", -250);
  NotifyLog log = { 0 };

  g_assert_cmpint (budg_transaction_get_id (transaction), ==, 0);
  g_assert_cmpint (budg_transaction_get_account_id (transaction), ==, 4);
  g_assert_cmpstr (budg_transaction_get_date (transaction), ==, "2026-03-01");
  g_assert_cmpint (budg_transaction_get_amount_minor (transaction), ==, -250);
  g_assert_cmpint (budg_transaction_get_status (transaction), ==, BUDG_TRANSACTION_STATUS_PENDING);
  g_assert_null (budg_transaction_get_payee (transaction));
  g_assert_null (budg_transaction_get_memo (transaction));
  g_assert_cmpint (budg_transaction_get_category_id (transaction), ==, 0);
  g_assert_cmpint (budg_transaction_get_transfer_id (transaction), ==, 0);

  notify_log_watch (&log, G_OBJECT (transaction));

  budg_transaction_set_payee (transaction, "Bakery");
  budg_transaction_set_payee (transaction, "Bakery");
  budg_transaction_set_amount_minor (transaction, G_MININT64);
  budg_transaction_set_amount_minor (transaction, G_MININT64);
  budg_transaction_set_status (transaction, BUDG_TRANSACTION_STATUS_RECONCILED);
  budg_transaction_set_status (transaction, BUDG_TRANSACTION_STATUS_RECONCILED);
  budg_transaction_set_category_id (transaction, 9);
  budg_transaction_set_category_path (transaction, "Food:Bakery");
  budg_transaction_set_memo (transaction, "bread");
  budg_transaction_set_external_id (transaction, "abc");
  budg_transaction_set_source (transaction, "ofx");
  budg_transaction_set_transfer_id (transaction, 11);
  budg_transaction_set_account_name (transaction, "Checking");
  budg_transaction_set_currency (transaction, "JPY");

  g_assert_cmpstr (budg_transaction_get_payee (transaction), ==, "Bakery");
  g_assert_cmpint (budg_transaction_get_amount_minor (transaction), ==, G_MININT64);
  g_assert_cmpint (budg_transaction_get_status (transaction), ==, BUDG_TRANSACTION_STATUS_RECONCILED);
  g_assert_cmpint (budg_transaction_get_category_id (transaction), ==, 9);
  g_assert_cmpstr (budg_transaction_get_category_path (transaction), ==, "Food:Bakery");
  g_assert_cmpstr (budg_transaction_get_memo (transaction), ==, "bread");
  g_assert_cmpstr (budg_transaction_get_external_id (transaction), ==, "abc");
  g_assert_cmpstr (budg_transaction_get_source (transaction), ==, "ofx");
  g_assert_cmpint (budg_transaction_get_transfer_id (transaction), ==, 11);
  g_assert_cmpstr (budg_transaction_get_account_name (transaction), ==, "Checking");
  g_assert_cmpstr (budg_transaction_get_currency (transaction), ==, "JPY");

  g_assert_cmpuint (notify_log_count (&log, "payee"), ==, 1);
  g_assert_cmpuint (notify_log_count (&log, "amount-minor"), ==, 1);
  g_assert_cmpuint (notify_log_count (&log, "status"), ==, 1);
  g_assert_cmpuint (notify_log_total (&log), ==, 11);

  notify_log_clear (&log, G_OBJECT (transaction));
}

static void
test_balance_snapshot (void)
{
  g_autoptr(BudgBalanceSnapshot) snapshot = budg_balance_snapshot_new (2, "2026-02-28", 150000);
  NotifyLog log = { 0 };

  g_assert_cmpint (budg_balance_snapshot_get_id (snapshot), ==, 0);
  g_assert_cmpint (budg_balance_snapshot_get_account_id (snapshot), ==, 2);
  g_assert_cmpstr (budg_balance_snapshot_get_date (snapshot), ==, "2026-02-28");
  g_assert_cmpint (budg_balance_snapshot_get_amount_minor (snapshot), ==, 150000);
  g_assert_null (budg_balance_snapshot_get_note (snapshot));

  notify_log_watch (&log, G_OBJECT (snapshot));
  budg_balance_snapshot_set_note (snapshot, "statement");
  budg_balance_snapshot_set_note (snapshot, "statement");
  budg_balance_snapshot_set_amount_minor (snapshot, 150000);
  budg_balance_snapshot_set_account_name (snapshot, "Savings");
  budg_balance_snapshot_set_currency (snapshot, "USD");
  budg_balance_snapshot_set_id (snapshot, 8);
  g_assert_cmpstr (budg_balance_snapshot_get_note (snapshot), ==, "statement");
  g_assert_cmpstr (budg_balance_snapshot_get_account_name (snapshot), ==, "Savings");
  g_assert_cmpstr (budg_balance_snapshot_get_currency (snapshot), ==, "USD");
  g_assert_cmpint (budg_balance_snapshot_get_id (snapshot), ==, 8);
  g_assert_cmpuint (notify_log_count (&log, "note"), ==, 1);
  g_assert_cmpuint (notify_log_count (&log, "amount-minor"), ==, 0);
  g_assert_cmpuint (notify_log_total (&log), ==, 4);
  notify_log_clear (&log, G_OBJECT (snapshot));

  check_properties_round_trip (G_OBJECT (snapshot));
}

static void
test_bill_properties (void)
{
  g_autoptr(BudgBill) bill = budg_bill_new ("Rent", 1, 120000, "FREQ=MONTHLY;BYMONTHDAY=1", "2026-01-01");

  check_properties_round_trip (G_OBJECT (bill));
}

static void
test_bill_accessors (void)
{
  g_autoptr(BudgBill) bill = budg_bill_new ("Rent", 3, 120000, "FREQ=MONTHLY;BYMONTHDAY=1", "2026-01-01");
  NotifyLog log = { 0 };

  g_assert_cmpint (budg_bill_get_id (bill), ==, 0);
  g_assert_cmpstr (budg_bill_get_name (bill), ==, "Rent");
  g_assert_cmpint (budg_bill_get_account_id (bill), ==, 3);
  g_assert_cmpint (budg_bill_get_amount_minor (bill), ==, 120000);
  g_assert_cmpstr (budg_bill_get_rrule (bill), ==, "FREQ=MONTHLY;BYMONTHDAY=1");
  g_assert_cmpstr (budg_bill_get_start_date (bill), ==, "2026-01-01");
  g_assert_true (budg_bill_get_active (bill));
  g_assert_false (budg_bill_get_is_income (bill));
  g_assert_false (budg_bill_get_autopay (bill));
  g_assert_cmpint (budg_bill_get_weekend_shift (bill), ==, BUDG_WEEKEND_SHIFT_NONE);
  g_assert_cmpuint (budg_bill_get_count (bill), ==, 0);
  /* The same default as the bills table: a reminder three days ahead. */
  g_assert_cmpuint (budg_bill_get_lead_days (bill), ==, 3);
  g_assert_cmpint (budg_bill_get_amount_max_minor (bill), ==, 0);
  g_assert_cmpint (budg_bill_get_category_id (bill), ==, 0);
  g_assert_null (budg_bill_get_payee (bill));
  g_assert_null (budg_bill_get_end_date (bill));
  g_assert_null (budg_bill_get_notes (bill));
  g_assert_null (budg_bill_get_settled_through (bill));

  /* A bill takes money out, income brings it in. */
  g_assert_cmpint (budg_bill_get_signed_amount_minor (bill), ==, -120000);

  notify_log_watch (&log, G_OBJECT (bill));

  budg_bill_set_is_income (bill, TRUE);
  budg_bill_set_is_income (bill, TRUE);
  g_assert_cmpint (budg_bill_get_signed_amount_minor (bill), ==, 120000);
  g_assert_cmpuint (notify_log_count (&log, "is-income"), ==, 1);

  budg_bill_set_weekend_shift (bill, BUDG_WEEKEND_SHIFT_BEFORE);
  budg_bill_set_weekend_shift (bill, BUDG_WEEKEND_SHIFT_BEFORE);
  g_assert_cmpint (budg_bill_get_weekend_shift (bill), ==, BUDG_WEEKEND_SHIFT_BEFORE);
  g_assert_cmpuint (notify_log_count (&log, "weekend-shift"), ==, 1);

  budg_bill_set_end_date (bill, "2026-12-31");
  budg_bill_set_end_date (bill, NULL);
  budg_bill_set_end_date (bill, NULL);
  g_assert_null (budg_bill_get_end_date (bill));
  g_assert_cmpuint (notify_log_count (&log, "end-date"), ==, 2);

  budg_bill_set_count (bill, 12);
  budg_bill_set_count (bill, 12);
  budg_bill_set_active (bill, FALSE);
  budg_bill_set_active (bill, FALSE);
  budg_bill_set_lead_days (bill, 5);
  budg_bill_set_settled_through (bill, "2026-03-01");
  budg_bill_set_amount_max_minor (bill, 150000);
  g_assert_cmpuint (budg_bill_get_count (bill), ==, 12);
  g_assert_false (budg_bill_get_active (bill));
  g_assert_cmpuint (budg_bill_get_lead_days (bill), ==, 5);
  g_assert_cmpstr (budg_bill_get_settled_through (bill), ==, "2026-03-01");
  g_assert_cmpint (budg_bill_get_amount_max_minor (bill), ==, 150000);

  /* Each property notified once per change, and nothing else. */
  g_assert_cmpuint (notify_log_total (&log), ==, 1 + 1 + 2 + 1 + 1 + 1 + 1 + 1);

  notify_log_clear (&log, G_OBJECT (bill));
}

static void
test_bill_copy (void)
{
  g_autoptr(BudgBill) bill = budg_bill_new ("Salary", 2, 300000, "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR", "2026-01-02");
  g_autoptr(BudgBill) copy = NULL;
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  /* Every property away from its default, so that a field the copy forgot
   * shows up as a difference.
   */
  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (bill), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      make_value (pspecs[i], 1, &value);
      g_object_set_property (G_OBJECT (bill), pspecs[i]->name, &value);
    }

  copy = budg_bill_copy (bill);
  g_assert_true (copy != bill);

  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) a = G_VALUE_INIT;
      g_auto(GValue) b = G_VALUE_INIT;
      g_auto(GValue) initial = G_VALUE_INIT;

      g_value_init (&a, pspecs[i]->value_type);
      g_value_init (&b, pspecs[i]->value_type);
      g_object_get_property (G_OBJECT (bill), pspecs[i]->name, &a);
      g_object_get_property (G_OBJECT (copy), pspecs[i]->name, &b);
      g_assert_cmpint (g_param_values_cmp (pspecs[i], &a, &b), ==, 0);

      g_value_init (&initial, pspecs[i]->value_type);
      g_param_value_set_default (pspecs[i], &initial);
      g_assert_cmpint (g_param_values_cmp (pspecs[i], &a, &initial), !=, 0);
    }

  /* Changing the copy leaves the original alone, strings included. */
  budg_bill_set_name (copy, "Other");
  budg_bill_set_notes (copy, NULL);
  g_assert_cmpstr (budg_bill_get_name (bill), ==, "name 1");
  g_assert_cmpstr (budg_bill_get_notes (bill), ==, "notes 1");
}

static void
test_due_bill_properties (void)
{
  g_autoptr(BudgDueBill) due = budg_due_bill_new ();

  check_properties_round_trip (G_OBJECT (due));
}

static void
test_due_bill_accessors (void)
{
  g_autoptr(BudgDueBill) due = budg_due_bill_new ();
  NotifyLog log = { 0 };

  g_assert_cmpint (budg_due_bill_get_id (due), ==, 0);
  g_assert_cmpint (budg_due_bill_get_status (due), ==, BUDG_DUE_STATUS_UPCOMING);
  g_assert_cmpint (budg_due_bill_get_priority (due), ==, 0);
  g_assert_cmpint (budg_due_bill_get_transaction_id (due), ==, 0);
  g_assert_null (budg_due_bill_get_due_date (due));
  g_assert_null (budg_due_bill_get_category_path (due));

  notify_log_watch (&log, G_OBJECT (due));

  budg_due_bill_set_amount_minor (due, -4599);
  budg_due_bill_set_amount_minor (due, -4599);
  budg_due_bill_set_status (due, BUDG_DUE_STATUS_PAID);
  budg_due_bill_set_status (due, BUDG_DUE_STATUS_PAID);
  budg_due_bill_set_priority (due, -2);
  budg_due_bill_set_priority (due, -2);
  budg_due_bill_set_due_date (due, "2026-11-02");
  budg_due_bill_set_due_date (due, "2026-11-02");
  budg_due_bill_set_occurrence_date (due, "2026-11-01");
  budg_due_bill_set_bill_id (due, 4);
  budg_due_bill_set_transaction_id (due, 77);
  budg_due_bill_set_is_estimate (due, TRUE);
  budg_due_bill_set_autopay (due, TRUE);

  g_assert_cmpint (budg_due_bill_get_amount_minor (due), ==, -4599);
  g_assert_cmpint (budg_due_bill_get_status (due), ==, BUDG_DUE_STATUS_PAID);
  g_assert_cmpint (budg_due_bill_get_priority (due), ==, -2);
  g_assert_cmpstr (budg_due_bill_get_due_date (due), ==, "2026-11-02");
  g_assert_cmpstr (budg_due_bill_get_occurrence_date (due), ==, "2026-11-01");
  g_assert_cmpint (budg_due_bill_get_bill_id (due), ==, 4);
  g_assert_cmpint (budg_due_bill_get_transaction_id (due), ==, 77);
  g_assert_true (budg_due_bill_get_is_estimate (due));
  g_assert_true (budg_due_bill_get_autopay (due));

  g_assert_cmpuint (notify_log_count (&log, "amount-minor"), ==, 1);
  g_assert_cmpuint (notify_log_count (&log, "status"), ==, 1);
  g_assert_cmpuint (notify_log_count (&log, "priority"), ==, 1);
  g_assert_cmpuint (notify_log_count (&log, "due-date"), ==, 1);
  g_assert_cmpuint (notify_log_total (&log), ==, 9);

  notify_log_clear (&log, G_OBJECT (due));
}

static void
test_due_status_strings (void)
{
  static const char * const nicks[] = { "upcoming", "due", "overdue", "paid", "skipped" };
  static const char * const labels[] = { "Upcoming", "Due", "Overdue", "Paid", "Skipped" };

  for (guint i = 0; i < G_N_ELEMENTS (nicks); i++)
    {
      BudgDueStatus status = BUDG_DUE_STATUS_SKIPPED + 1;

      g_assert_true (budg_due_status_from_string (nicks[i], &status));
      g_assert_cmpint (status, ==, (BudgDueStatus) i);
      g_assert_cmpstr (budg_due_status_to_string (status), ==, nicks[i]);
      g_assert_cmpstr (budg_due_status_get_label (status), ==, labels[i]);
    }

  g_assert_false (budg_due_status_from_string ("Paid", NULL));
  g_assert_false (budg_due_status_from_string ("", NULL));
  g_assert_false (budg_due_status_from_string (NULL, NULL));
}

static void
test_ledger_row (void)
{
  g_autoptr(BudgDueBill) due = budg_due_bill_new ();
  g_autoptr(BudgBalanceSnapshot) snapshot = budg_balance_snapshot_new (6, "2026-03-31", 50000);
  g_autoptr(BudgLedgerRow) due_row = NULL;
  g_autoptr(BudgLedgerRow) snapshot_row = NULL;
  g_autofree GParamSpec **pspecs = NULL;
  g_autofree char *date = NULL;
  guint n_pspecs;
  gint64 balance;

  budg_due_bill_set_due_date (due, "2026-04-01");
  budg_due_bill_set_account_id (due, 5);
  budg_due_bill_set_currency (due, "EUR");
  budg_balance_snapshot_set_currency (snapshot, "USD");

  due_row = budg_ledger_row_new_for_due_bill (due, -1234, TRUE);
  g_assert_cmpint (budg_ledger_row_get_kind (due_row), ==, BUDG_LEDGER_ROW_DUE_BILL);
  g_assert_true (budg_ledger_row_get_due_bill (due_row) == due);
  g_assert_null (budg_ledger_row_get_snapshot (due_row));
  g_assert_cmpstr (budg_ledger_row_get_date (due_row), ==, "2026-04-01");
  g_assert_cmpint (budg_ledger_row_get_account_id (due_row), ==, 5);
  g_assert_cmpstr (budg_ledger_row_get_currency (due_row), ==, "EUR");
  g_assert_cmpint (budg_ledger_row_get_balance_minor (due_row), ==, -1234);
  g_assert_true (budg_ledger_row_get_is_low (due_row));

  snapshot_row = budg_ledger_row_new_for_snapshot (snapshot, 50000, FALSE);
  g_assert_cmpint (budg_ledger_row_get_kind (snapshot_row), ==, BUDG_LEDGER_ROW_SNAPSHOT);
  g_assert_null (budg_ledger_row_get_due_bill (snapshot_row));
  g_assert_true (budg_ledger_row_get_snapshot (snapshot_row) == snapshot);
  g_assert_cmpstr (budg_ledger_row_get_date (snapshot_row), ==, "2026-03-31");
  g_assert_cmpint (budg_ledger_row_get_account_id (snapshot_row), ==, 6);
  g_assert_cmpstr (budg_ledger_row_get_currency (snapshot_row), ==, "USD");
  g_assert_false (budg_ledger_row_get_is_low (snapshot_row));

  g_object_get (due_row, "date", &date, "balance-minor", &balance, NULL);
  g_assert_cmpstr (date, ==, "2026-04-01");
  g_assert_cmpint (balance, ==, -1234);

  /* A row is a snapshot of the projection: nothing about it can be set. */
  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (due_row), &n_pspecs);
  g_assert_cmpuint (n_pspecs, ==, 8);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_assert_true (pspecs[i]->flags & G_PARAM_READABLE);
      g_assert_false (pspecs[i]->flags & G_PARAM_WRITABLE);
    }

  /* Nor does it follow later changes to the due bill. */
  budg_due_bill_set_due_date (due, "2026-04-03");
  g_assert_cmpstr (budg_ledger_row_get_date (due_row), ==, "2026-04-01");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/models/account/properties", test_account_properties);
  g_test_add_func ("/models/account/accessors", test_account_accessors);
  g_test_add_func ("/models/account/copy", test_account_copy);
  g_test_add_func ("/models/category/properties", test_category_properties);
  g_test_add_func ("/models/category/path", test_category_path);
  g_test_add_func ("/models/transaction/properties", test_transaction_properties);
  g_test_add_func ("/models/transaction/accessors", test_transaction_accessors);
  g_test_add_func ("/models/balance-snapshot/properties", test_balance_snapshot);
  g_test_add_func ("/models/bill/properties", test_bill_properties);
  g_test_add_func ("/models/bill/accessors", test_bill_accessors);
  g_test_add_func ("/models/bill/copy", test_bill_copy);
  g_test_add_func ("/models/due-bill/properties", test_due_bill_properties);
  g_test_add_func ("/models/due-bill/accessors", test_due_bill_accessors);
  g_test_add_func ("/models/due-bill/status-strings", test_due_status_strings);
  g_test_add_func ("/models/ledger-row", test_ledger_row);

  return g_test_run ();
}
