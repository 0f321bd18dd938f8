/* budg-context.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-context"

#include "config.h"

#include <locale.h>

#include "budg-context.h"
#include "budg-money.h"

struct _BudgContext
{
  GObject               parent_instance;

  BudgDatabase         *database;
  BudgAccountStore     *accounts;
  BudgCategoryStore    *categories;
  BudgTransactionStore *transactions;
  BudgBalanceStore     *balances;
  BudgBillStore        *bills;
  BudgDueStore         *dues;
  BudgRuleStore        *rules;
  GSettings            *settings;

};

G_DEFINE_FINAL_TYPE (BudgContext, budg_context, G_TYPE_OBJECT)

static void
budg_context_dispose (GObject *object)
{
  BudgContext *self = (BudgContext *)object;

  g_clear_object (&self->accounts);
  g_clear_object (&self->categories);
  g_clear_object (&self->transactions);
  g_clear_object (&self->balances);
  g_clear_object (&self->dues);
  g_clear_object (&self->bills);
  g_clear_object (&self->rules);
  g_clear_object (&self->settings);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (budg_context_parent_class)->dispose (object);
}

static void
budg_context_class_init (BudgContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = budg_context_dispose;
}

static void
budg_context_init (BudgContext *self)
{
}

/* The settings are optional: an uninstalled budg-cli runs without the schema,
 * and must not abort the way g_settings_new() does for a missing schema. */
static GSettings *
load_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source == NULL)
    return NULL;

  schema = g_settings_schema_source_lookup (source, SCHEMA_ID, TRUE);
  if (schema == NULL)
    return NULL;

  return g_settings_new_full (schema, NULL, NULL);
}

/**
 * budg_context_new:
 * @path: (nullable): the database file, or %NULL for $BUDG_DB or the default
 *
 * Returns: (transfer full) (nullable): the context, or %NULL with @error set
 *   when the database cannot be opened
 */
BudgContext *
budg_context_new (const char  *path,
                  GError     **error)
{
  g_autoptr(BudgContext) self = g_object_new (BUDG_TYPE_CONTEXT, NULL);

  self->database = budg_database_open (path, error);
  if (self->database == NULL)
    return NULL;

  self->accounts = budg_account_store_new (self->database);
  self->categories = budg_category_store_new (self->database);
  self->transactions = budg_transaction_store_new (self->database);
  self->balances = budg_balance_store_new (self->database);
  self->bills = budg_bill_store_new (self->database);
  self->dues = budg_due_store_new (self->database, self->bills);
  self->rules = budg_rule_store_new (self->database);
  self->settings = load_settings ();

  if (!budg_account_store_reload (self->accounts, error) ||
      !budg_category_store_reload (self->categories, error) ||
      !budg_bill_store_reload (self->bills, error))
    return NULL;

  return g_steal_pointer (&self);
}

BudgDatabase *
budg_context_get_database (BudgContext *self)
{
  g_return_val_if_fail (BUDG_IS_CONTEXT (self), NULL);

  return self->database;
}

BudgAccountStore *
budg_context_get_accounts (BudgContext *self)
{
  g_return_val_if_fail (BUDG_IS_CONTEXT (self), NULL);

  return self->accounts;
}

BudgCategoryStore *
budg_context_get_categories (BudgContext *self)
{
  g_return_val_if_fail (BUDG_IS_CONTEXT (self), NULL);

  return self->categories;
}

BudgTransactionStore *
budg_context_get_transactions (BudgContext *self)
{
  g_return_val_if_fail (BUDG_IS_CONTEXT (self), NULL);

  return self->transactions;
}

BudgBalanceStore *
budg_context_get_balances (BudgContext *self)
{
  g_return_val_if_fail (BUDG_IS_CONTEXT (self), NULL);

  return self->balances;
}

BudgBillStore *
budg_context_get_bills (BudgContext *self)
{
  g_return_val_if_fail (BUDG_IS_CONTEXT (self), NULL);

  return self->bills;
}

BudgDueStore *
budg_context_get_dues (BudgContext *self)
{
  g_return_val_if_fail (BUDG_IS_CONTEXT (self), NULL);

  return self->dues;
}

BudgRuleStore *
budg_context_get_rules (BudgContext *self)
{
  g_return_val_if_fail (BUDG_IS_CONTEXT (self), NULL);

  return self->rules;
}

GSettings *
budg_context_get_settings (BudgContext *self)
{
  g_return_val_if_fail (BUDG_IS_CONTEXT (self), NULL);

  return self->settings;
}

/**
 * budg_context_get_default_currency:
 *
 * Returns: the currency new accounts get: the preference when the settings
 *   are available, otherwise the locale's currency, otherwise USD
 */
const char *
budg_context_get_default_currency (BudgContext *self)
{
  g_autofree char *code = NULL;

  g_return_val_if_fail (BUDG_IS_CONTEXT (self), NULL);

  if (self->settings != NULL)
    code = g_settings_get_string (self->settings, "default-currency");

  if (code == NULL || !budg_currency_is_known (code))
    {
      /* INT_CURR_SYMBOL is "USD " with a trailing separator. */
      g_clear_pointer (&code, g_free);
      code = g_strndup (localeconv ()->int_curr_symbol, 3);
      if (!budg_currency_is_known (code))
        {
          g_free (code);
          code = g_strdup ("USD");
        }
    }

  /* Interned, so a caller may keep the string however often the preference
   * changes: there are a few hundred currency codes at most. */
  return g_intern_string (code);
}
