/* budg-rules-window.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "budg-context.h"
#include "budg-rule.h"

G_BEGIN_DECLS

#define BUDG_TYPE_RULES_WINDOW (budg_rules_window_get_type ())

G_DECLARE_FINAL_TYPE (BudgRulesWindow, budg_rules_window, BUDG, RULES_WINDOW, AdwWindow)

/* The categorization rules in priority order: add, edit, move up and down,
 * delete (with Undo). */
GtkWidget   *budg_rules_window_new         (BudgContext     *context) G_GNUC_WARN_UNUSED_RESULT;
BudgContext *budg_rules_window_get_context (BudgRulesWindow *self);

/* One line that says what a rule does: "Payee contains “AMZN” → Shopping,
 * rename to Amazon". */
char        *budg_rule_describe            (BudgContext     *context,
                                            const BudgRule  *rule) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
