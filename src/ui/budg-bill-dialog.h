/* budg-bill-dialog.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "budg-bill.h"
#include "budg-context.h"

G_BEGIN_DECLS

#define BUDG_TYPE_BILL_DIALOG (budg_bill_dialog_get_type ())

G_DECLARE_FINAL_TYPE (BudgBillDialog, budg_bill_dialog, BUDG, BILL_DIALOG, AdwWindow)

GtkWidget   *budg_bill_dialog_new                      (BudgContext    *context,
                                                        BudgBill       *bill,
                                                        const char     *from_occurrence_date) G_GNUC_WARN_UNUSED_RESULT;
BudgContext *budg_bill_dialog_get_context              (BudgBillDialog *self);
BudgBill    *budg_bill_dialog_get_bill                 (BudgBillDialog *self);
const char  *budg_bill_dialog_get_from_occurrence_date (BudgBillDialog *self);
void         budg_bill_dialog_set_account_id           (BudgBillDialog *self,
                                                        gint64          account_id);
char        *budg_bill_dialog_dup_rrule                (BudgBillDialog *self) G_GNUC_WARN_UNUSED_RESULT;
GStrv        budg_bill_dialog_dup_preview              (BudgBillDialog *self) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
