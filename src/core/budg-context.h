/* budg-context.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "budg-account-store.h"
#include "budg-balance-store.h"
#include "budg-bill-store.h"
#include "budg-category-store.h"
#include "budg-database.h"
#include "budg-due-store.h"
#include "budg-rule-store.h"
#include "budg-transaction-store.h"

G_BEGIN_DECLS

#define BUDG_TYPE_CONTEXT (budg_context_get_type ())

G_DECLARE_FINAL_TYPE (BudgContext, budg_context, BUDG, CONTEXT, GObject)

/* The one object every layer is handed: it owns the database, the stores on
 * top of it and the settings. There are no globals besides it.
 *
 * @path: the database file, or %NULL for $BUDG_DB or the default location.
 */
BudgContext          *budg_context_new                  (const char  *path,
                                                         GError     **error) G_GNUC_WARN_UNUSED_RESULT;
BudgDatabase         *budg_context_get_database         (BudgContext *self);
BudgAccountStore     *budg_context_get_accounts         (BudgContext *self);
BudgCategoryStore    *budg_context_get_categories       (BudgContext *self);
BudgTransactionStore *budg_context_get_transactions     (BudgContext *self);
BudgBalanceStore     *budg_context_get_balances         (BudgContext *self);
BudgBillStore        *budg_context_get_bills            (BudgContext *self);
BudgDueStore         *budg_context_get_dues             (BudgContext *self);
BudgRuleStore        *budg_context_get_rules            (BudgContext *self);
/* %NULL when the schema is not installed (an uninstalled CLI, say). */
GSettings            *budg_context_get_settings         (BudgContext *self);
const char           *budg_context_get_default_currency (BudgContext *self);

G_END_DECLS
