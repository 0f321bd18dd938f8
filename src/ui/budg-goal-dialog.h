/* budg-goal-dialog.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "budg-context.h"

G_BEGIN_DECLS

#define BUDG_TYPE_GOAL_DIALOG (budg_goal_dialog_get_type ())

G_DECLARE_FINAL_TYPE (BudgGoalDialog, budg_goal_dialog, BUDG, GOAL_DIALOG, AdwWindow)

/* The form that adds a savings goal. */
GtkWidget   *budg_goal_dialog_new         (BudgContext    *context) G_GNUC_WARN_UNUSED_RESULT;
BudgContext *budg_goal_dialog_get_context (BudgGoalDialog *self);

G_END_DECLS
