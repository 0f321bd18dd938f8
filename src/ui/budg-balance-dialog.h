/* budg-balance-dialog.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "budg-context.h"

G_BEGIN_DECLS

#define BUDG_TYPE_BALANCE_DIALOG (budg_balance_dialog_get_type ())

G_DECLARE_FINAL_TYPE (BudgBalanceDialog, budg_balance_dialog, BUDG, BALANCE_DIALOG, AdwWindow)

GtkWidget   *budg_balance_dialog_new         (BudgContext       *context,
                                              BudgAccount       *account) G_GNUC_WARN_UNUSED_RESULT;
BudgContext *budg_balance_dialog_get_context (BudgBalanceDialog *self);
BudgAccount *budg_balance_dialog_get_account (BudgBalanceDialog *self);

G_END_DECLS
