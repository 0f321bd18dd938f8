/* budg-goals-view.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "budg-context.h"

G_BEGIN_DECLS

#define BUDG_TYPE_GOALS_VIEW (budg_goals_view_get_type ())

G_DECLARE_FINAL_TYPE (BudgGoalsView, budg_goals_view, BUDG, GOALS_VIEW, GtkWidget)

/* The Goals view: one line per savings goal with its progress, the amount
 * a month it needs to make its date and whether it is on track; the
 * add / add money / delete actions are "goals.*". It reads the database
 * only while it is on screen.
 */
GtkWidget   *budg_goals_view_new         (BudgContext   *context) G_GNUC_WARN_UNUSED_RESULT;
BudgContext *budg_goals_view_get_context (BudgGoalsView *self);

G_END_DECLS
