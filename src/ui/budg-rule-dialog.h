/* budg-rule-dialog.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "budg-context.h"
#include "budg-rule.h"

G_BEGIN_DECLS

#define BUDG_TYPE_RULE_DIALOG (budg_rule_dialog_get_type ())

G_DECLARE_FINAL_TYPE (BudgRuleDialog, budg_rule_dialog, BUDG, RULE_DIALOG, AdwWindow)

/* The form of one rule: conditions, actions, and a preview of the existing
 * transactions the stored rule would change, with a button to change
 * them. */
GtkWidget *budg_rule_dialog_new            (BudgContext    *context,
                                            const BudgRule *rule) G_GNUC_WARN_UNUSED_RESULT;
gint64     budg_rule_dialog_get_rule_id    (BudgRuleDialog *self);

/* After the user gave transaction @transaction_id another category: the
 * "Always put “PAYEE” in CATEGORY?" toast whose Create Rule button stores
 * the rule and applies it, or %NULL when there is nothing to offer. */
AdwToast  *budg_rule_suggestion_toast_new  (BudgContext    *context,
                                            gint64          transaction_id) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
