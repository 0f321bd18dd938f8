/* budg-reconcile-dialog.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "budg-context.h"

G_BEGIN_DECLS

#define BUDG_TYPE_RECONCILE_DIALOG (budg_reconcile_dialog_get_type ())

G_DECLARE_FINAL_TYPE (BudgReconcileDialog, budg_reconcile_dialog, BUDG, RECONCILE_DIALOG, AdwWindow)

GtkWidget   *budg_reconcile_dialog_new            (BudgContext         *context,
                                                   gint64               account_id) G_GNUC_WARN_UNUSED_RESULT;
BudgContext *budg_reconcile_dialog_get_context    (BudgReconcileDialog *self);
gint64       budg_reconcile_dialog_get_account_id (BudgReconcileDialog *self);

G_END_DECLS
