/* budg-account.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "budg-types.h"

G_BEGIN_DECLS

#define BUDG_TYPE_ACCOUNT (budg_account_get_type ())

G_DECLARE_FINAL_TYPE (BudgAccount, budg_account, BUDG, ACCOUNT, GObject)

/* Properties: "id" (gint64, 0 until stored), "name", "kind" (BudgAccountKind as int),
 * "currency", "institution" (nullable), "archived", "sort-order", "balance-minor"
 * (current balance, filled by BudgAccountStore), "balance-date" (nullable ISO date of
 * the latest balance snapshot the balance starts from), "has-warning-threshold" and
 * "warning-threshold-minor" (the balance below which the ledger warns).
 */
BudgAccount     *budg_account_new              (const char      *name,
                                                BudgAccountKind  kind,
                                                const char      *currency) G_GNUC_WARN_UNUSED_RESULT;
BudgAccount     *budg_account_copy             (BudgAccount     *self) G_GNUC_WARN_UNUSED_RESULT;
gint64           budg_account_get_id           (BudgAccount     *self);
void             budg_account_set_id           (BudgAccount     *self,
                                                gint64           id);
const char      *budg_account_get_name         (BudgAccount     *self);
void             budg_account_set_name         (BudgAccount     *self,
                                                const char      *name);
BudgAccountKind  budg_account_get_kind         (BudgAccount     *self);
void             budg_account_set_kind         (BudgAccount     *self,
                                                BudgAccountKind  kind);
const char      *budg_account_get_currency     (BudgAccount     *self);
void             budg_account_set_currency     (BudgAccount     *self,
                                                const char      *currency);
const char      *budg_account_get_institution  (BudgAccount     *self);
void             budg_account_set_institution  (BudgAccount     *self,
                                                const char      *institution);
gboolean         budg_account_get_archived     (BudgAccount     *self);
void             budg_account_set_archived     (BudgAccount     *self,
                                                gboolean         archived);
int              budg_account_get_sort_order   (BudgAccount     *self);
void             budg_account_set_sort_order   (BudgAccount     *self,
                                                int              sort_order);
gboolean         budg_account_get_has_warning_threshold   (BudgAccount *self);
gint64           budg_account_get_warning_threshold_minor (BudgAccount *self);
void             budg_account_set_warning_threshold       (BudgAccount *self,
                                                           gboolean     has_threshold,
                                                           gint64       threshold_minor);
gint64           budg_account_get_balance_minor (BudgAccount    *self);
void             budg_account_set_balance_minor (BudgAccount    *self,
                                                 gint64          balance_minor);

G_END_DECLS
