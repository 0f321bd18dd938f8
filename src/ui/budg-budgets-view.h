/* budg-budgets-view.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "budg-context.h"

G_BEGIN_DECLS

#define BUDG_TYPE_BUDGETS_VIEW (budg_budgets_view_get_type ())

G_DECLARE_FINAL_TYPE (BudgBudgetsView, budg_budgets_view, BUDG, BUDGETS_VIEW, GtkWidget)

/* The Budgets view: one line per budget in force in the shown month (or
 * week), with what was budgeted, the rollover that came in, what was spent
 * and what is left; the add / edit / delete / copy / average actions are
 * "budgets.*". It reads the database only while it is on screen.
 */
GtkWidget   *budg_budgets_view_new             (BudgContext     *context) G_GNUC_WARN_UNUSED_RESULT;
BudgContext *budg_budgets_view_get_context     (BudgBudgetsView *self);
const char  *budg_budgets_view_get_period      (BudgBudgetsView *self);
void         budg_budgets_view_set_period      (BudgBudgetsView *self,
                                                const char      *period);
gboolean     budg_budgets_view_get_weekly      (BudgBudgetsView *self);
void         budg_budgets_view_set_weekly      (BudgBudgetsView *self,
                                                gboolean         weekly);

char        *budg_budgets_view_format_period   (const char      *period) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
