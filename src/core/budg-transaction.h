/* budg-transaction.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "budg-types.h"

G_BEGIN_DECLS

#define BUDG_TYPE_TRANSACTION (budg_transaction_get_type ())

G_DECLARE_FINAL_TYPE (BudgTransaction, budg_transaction, BUDG, TRANSACTION, GObject)

/* Properties: "id", "account-id", "account-name" (read from the store, for display),
 * "currency" (the account's), "date" (ISO), "amount-minor" (negative = money out),
 * "payee" (nullable name), "category-id" (0 = uncategorized), "category-path"
 * (nullable, for display), "memo" (nullable), "status" (BudgTransactionStatus as int),
 * "external-id" and "source" (nullable, for de-duplication of imports),
 * "transfer-id" (0 unless one side of a transfer), "transfer-account-name"
 * (the other side's account, for display), "split-count" (number of split
 * parts, 0 when not split), and for the register "has-running-balance" and
 * "running-balance-minor" (the account's balance right after this row).
 */
BudgTransaction       *budg_transaction_new               (gint64            account_id,
                                                           const char       *date,
                                                           gint64            amount_minor) G_GNUC_WARN_UNUSED_RESULT;
gint64                 budg_transaction_get_id            (BudgTransaction  *self);
void                   budg_transaction_set_id            (BudgTransaction  *self,
                                                           gint64            id);
gint64                 budg_transaction_get_account_id    (BudgTransaction  *self);
void                   budg_transaction_set_account_id    (BudgTransaction  *self,
                                                           gint64            account_id);
const char            *budg_transaction_get_account_name  (BudgTransaction  *self);
void                   budg_transaction_set_account_name  (BudgTransaction  *self,
                                                           const char       *account_name);
const char            *budg_transaction_get_currency      (BudgTransaction  *self);
void                   budg_transaction_set_currency      (BudgTransaction  *self,
                                                           const char       *currency);
const char            *budg_transaction_get_date          (BudgTransaction  *self);
void                   budg_transaction_set_date          (BudgTransaction  *self,
                                                           const char       *date);
gint64                 budg_transaction_get_amount_minor  (BudgTransaction  *self);
void                   budg_transaction_set_amount_minor  (BudgTransaction  *self,
                                                           gint64            amount_minor);
const char            *budg_transaction_get_payee         (BudgTransaction  *self);
void                   budg_transaction_set_payee         (BudgTransaction  *self,
                                                           const char       *payee);
gint64                 budg_transaction_get_category_id   (BudgTransaction  *self);
void                   budg_transaction_set_category_id   (BudgTransaction  *self,
                                                           gint64            category_id);
const char            *budg_transaction_get_category_path (BudgTransaction  *self);
void                   budg_transaction_set_category_path (BudgTransaction  *self,
                                                           const char       *category_path);
const char            *budg_transaction_get_memo          (BudgTransaction  *self);
void                   budg_transaction_set_memo          (BudgTransaction  *self,
                                                           const char       *memo);
BudgTransactionStatus  budg_transaction_get_status        (BudgTransaction  *self);
void                   budg_transaction_set_status        (BudgTransaction  *self,
                                                           BudgTransactionStatus status);
const char            *budg_transaction_get_external_id   (BudgTransaction  *self);
void                   budg_transaction_set_external_id   (BudgTransaction  *self,
                                                           const char       *external_id);
const char            *budg_transaction_get_source        (BudgTransaction  *self);
void                   budg_transaction_set_source        (BudgTransaction  *self,
                                                           const char       *source);
gint64                 budg_transaction_get_transfer_id   (BudgTransaction  *self);
void                   budg_transaction_set_transfer_id   (BudgTransaction  *self,
                                                           gint64            transfer_id);

const char            *budg_transaction_get_transfer_account_name (BudgTransaction *self);
void                   budg_transaction_set_transfer_account_name (BudgTransaction *self,
                                                                   const char      *account_name);
guint                  budg_transaction_get_split_count   (BudgTransaction  *self);
void                   budg_transaction_set_split_count   (BudgTransaction  *self,
                                                           guint             split_count);
gboolean               budg_transaction_get_has_running_balance (BudgTransaction *self);
gint64                 budg_transaction_get_running_balance_minor (BudgTransaction *self);
/* Sets both running-balance properties. */
void                   budg_transaction_set_running_balance (BudgTransaction *self,
                                                             gboolean         has_balance,
                                                             gint64           balance_minor);
/* A new object with the same field values (not the same row identity rules:
 * the id is copied too). Used to edit a copy and write it back. */
BudgTransaction       *budg_transaction_copy              (BudgTransaction  *self) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
