/* test-models.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-models"

#include "config.h"

#include "budg-account.h"
#include "budg-balance-snapshot.h"
#include "budg-category.h"
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
  else if (G_IS_PARAM_SPEC_INT (pspec))
    {
      GParamSpecInt *ispec = G_PARAM_SPEC_INT (pspec);

      /* Enum-like ints have small ranges: step down from the maximum. */
      g_value_set_int (value, MAX (ispec->minimum, ispec->maximum - (int)round));
      g_assert_cmpint (g_value_get_int (value), !=, ispec->default_value);
    }
  else if (G_IS_PARAM_SPEC_BOOLEAN (pspec))
    g_value_set_boolean (value, TRUE);
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

  return g_test_run ();
}
