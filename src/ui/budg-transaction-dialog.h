/* budg-transaction-dialog.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "budg-context.h"

G_BEGIN_DECLS

/**
 * BudgTransactionDialogMode:
 * @BUDG_TRANSACTION_DIALOG_MODE_SINGLE: money in or out of one account, in
 *   one category
 * @BUDG_TRANSACTION_DIALOG_MODE_SPLIT: one transaction divided across
 *   categories
 * @BUDG_TRANSACTION_DIALOG_MODE_TRANSFER: money moved between two accounts,
 *   stored as a linked pair
 *
 * What the transaction form edits.
 */
typedef enum
{
  BUDG_TRANSACTION_DIALOG_MODE_SINGLE,
  BUDG_TRANSACTION_DIALOG_MODE_SPLIT,
  BUDG_TRANSACTION_DIALOG_MODE_TRANSFER,
} BudgTransactionDialogMode;

#define BUDG_TYPE_TRANSACTION_DIALOG (budg_transaction_dialog_get_type ())

G_DECLARE_FINAL_TYPE (BudgTransactionDialog, budg_transaction_dialog, BUDG, TRANSACTION_DIALOG, AdwWindow)

GtkWidget                 *budg_transaction_dialog_new                    (BudgContext               *context,
                                                                           BudgTransaction           *transaction,
                                                                           gint64                     default_account_id) G_GNUC_WARN_UNUSED_RESULT;
BudgContext               *budg_transaction_dialog_get_context            (BudgTransactionDialog     *self);
BudgTransaction           *budg_transaction_dialog_get_transaction        (BudgTransactionDialog     *self);
gint64                     budg_transaction_dialog_get_default_account_id (BudgTransactionDialog     *self);
BudgTransactionDialogMode  budg_transaction_dialog_get_mode               (BudgTransactionDialog     *self);
void                       budg_transaction_dialog_set_mode               (BudgTransactionDialog     *self,
                                                                           BudgTransactionDialogMode  mode);

G_END_DECLS
