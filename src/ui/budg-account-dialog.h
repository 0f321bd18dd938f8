/* budg-account-dialog.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "budg-context.h"

G_BEGIN_DECLS

#define BUDG_TYPE_ACCOUNT_DIALOG (budg_account_dialog_get_type ())

G_DECLARE_FINAL_TYPE (BudgAccountDialog, budg_account_dialog, BUDG, ACCOUNT_DIALOG, AdwWindow)

GtkWidget   *budg_account_dialog_new         (BudgContext       *context,
                                              BudgAccount       *account) G_GNUC_WARN_UNUSED_RESULT;
BudgContext *budg_account_dialog_get_context (BudgAccountDialog *self);
BudgAccount *budg_account_dialog_get_account (BudgAccountDialog *self);

G_END_DECLS
