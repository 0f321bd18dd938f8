/* budg-balance-snapshot.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "budg-types.h"

G_BEGIN_DECLS

#define BUDG_TYPE_BALANCE_SNAPSHOT (budg_balance_snapshot_get_type ())

G_DECLARE_FINAL_TYPE (BudgBalanceSnapshot, budg_balance_snapshot, BUDG, BALANCE_SNAPSHOT, GObject)

/* A balance known (or expected) at the end of a day for one account.
 * Properties: "id", "account-id", "account-name", "currency", "date" (ISO),
 * "amount-minor", "note" (nullable).
 */
BudgBalanceSnapshot *budg_balance_snapshot_new              (gint64               account_id,
                                                             const char          *date,
                                                             gint64               amount_minor) G_GNUC_WARN_UNUSED_RESULT;
gint64               budg_balance_snapshot_get_id           (BudgBalanceSnapshot *self);
void                 budg_balance_snapshot_set_id           (BudgBalanceSnapshot *self,
                                                             gint64               id);
gint64               budg_balance_snapshot_get_account_id   (BudgBalanceSnapshot *self);
void                 budg_balance_snapshot_set_account_id   (BudgBalanceSnapshot *self,
                                                             gint64               account_id);
const char          *budg_balance_snapshot_get_account_name (BudgBalanceSnapshot *self);
void                 budg_balance_snapshot_set_account_name (BudgBalanceSnapshot *self,
                                                             const char          *account_name);
const char          *budg_balance_snapshot_get_currency     (BudgBalanceSnapshot *self);
void                 budg_balance_snapshot_set_currency     (BudgBalanceSnapshot *self,
                                                             const char          *currency);
const char          *budg_balance_snapshot_get_date         (BudgBalanceSnapshot *self);
void                 budg_balance_snapshot_set_date         (BudgBalanceSnapshot *self,
                                                             const char          *date);
gint64               budg_balance_snapshot_get_amount_minor (BudgBalanceSnapshot *self);
void                 budg_balance_snapshot_set_amount_minor (BudgBalanceSnapshot *self,
                                                             gint64               amount_minor);
const char          *budg_balance_snapshot_get_note         (BudgBalanceSnapshot *self);
void                 budg_balance_snapshot_set_note         (BudgBalanceSnapshot *self,
                                                             const char          *note);

G_END_DECLS
