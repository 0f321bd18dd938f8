/* budg-budget-dialog.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "budg-context.h"

G_BEGIN_DECLS

#define BUDG_TYPE_BUDGET_DIALOG (budg_budget_dialog_get_type ())

G_DECLARE_FINAL_TYPE (BudgBudgetDialog, budg_budget_dialog, BUDG, BUDGET_DIALOG, AdwWindow)

/* The form that adds a budget, or changes one from a period on. */
GtkWidget   *budg_budget_dialog_new           (BudgContext      *context,
                                               const char       *period,
                                               gint64            budget_id) G_GNUC_WARN_UNUSED_RESULT;
BudgContext *budg_budget_dialog_get_context   (BudgBudgetDialog *self);
gint64       budg_budget_dialog_get_budget_id (BudgBudgetDialog *self);

G_END_DECLS
