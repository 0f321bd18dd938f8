/* budg-due-bill.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "budg-types.h"

G_BEGIN_DECLS

#define BUDG_TYPE_DUE_BILL (budg_due_bill_get_type ())

G_DECLARE_FINAL_TYPE (BudgDueBill, budg_due_bill, BUDG, DUE_BILL, GObject)

/* One occurrence of a bill, as listed by BudgDueStore.
 *
 * Properties: "id" (the due_bills row), "bill-id", "name" (the bill's),
 * "occurrence-date" (the date the rule gave), "due-date" (after weekend
 * shift, moves and reschedules), "amount-minor" (SIGNED: negative for a
 * bill, positive for income), "currency", "account-id", "account-name",
 * "category-path" (nullable), "status" (BudgDueStatus as int, computed for
 * today: paid and skipped are stored, the others follow from the date and
 * the bill's lead days), "priority" (order within a day, lower first),
 * "transaction-id" (0 until paid), "autopay", "is-estimate".
 */
BudgDueBill   *budg_due_bill_new                  (void) G_GNUC_WARN_UNUSED_RESULT;
gint64         budg_due_bill_get_id               (BudgDueBill   *self);
void           budg_due_bill_set_id               (BudgDueBill   *self,
                                                   gint64         id);
gint64         budg_due_bill_get_bill_id          (BudgDueBill   *self);
void           budg_due_bill_set_bill_id          (BudgDueBill   *self,
                                                   gint64         bill_id);
const char    *budg_due_bill_get_name             (BudgDueBill   *self);
void           budg_due_bill_set_name             (BudgDueBill   *self,
                                                   const char    *name);
const char    *budg_due_bill_get_occurrence_date  (BudgDueBill   *self);
void           budg_due_bill_set_occurrence_date  (BudgDueBill   *self,
                                                   const char    *occurrence_date);
const char    *budg_due_bill_get_due_date         (BudgDueBill   *self);
void           budg_due_bill_set_due_date         (BudgDueBill   *self,
                                                   const char    *due_date);
gint64         budg_due_bill_get_amount_minor     (BudgDueBill   *self);
void           budg_due_bill_set_amount_minor     (BudgDueBill   *self,
                                                   gint64         amount_minor);
const char    *budg_due_bill_get_currency         (BudgDueBill   *self);
void           budg_due_bill_set_currency         (BudgDueBill   *self,
                                                   const char    *currency);
gint64         budg_due_bill_get_account_id       (BudgDueBill   *self);
void           budg_due_bill_set_account_id       (BudgDueBill   *self,
                                                   gint64         account_id);
const char    *budg_due_bill_get_account_name     (BudgDueBill   *self);
void           budg_due_bill_set_account_name     (BudgDueBill   *self,
                                                   const char    *account_name);
const char    *budg_due_bill_get_category_path    (BudgDueBill   *self);
void           budg_due_bill_set_category_path    (BudgDueBill   *self,
                                                   const char    *category_path);
BudgDueStatus  budg_due_bill_get_status           (BudgDueBill   *self);
void           budg_due_bill_set_status           (BudgDueBill   *self,
                                                   BudgDueStatus  status);
int            budg_due_bill_get_priority         (BudgDueBill   *self);
void           budg_due_bill_set_priority         (BudgDueBill   *self,
                                                   int            priority);
gint64         budg_due_bill_get_transaction_id   (BudgDueBill   *self);
void           budg_due_bill_set_transaction_id   (BudgDueBill   *self,
                                                   gint64         transaction_id);
gboolean       budg_due_bill_get_autopay          (BudgDueBill   *self);
void           budg_due_bill_set_autopay          (BudgDueBill   *self,
                                                   gboolean       autopay);
gboolean       budg_due_bill_get_is_estimate      (BudgDueBill   *self);
void           budg_due_bill_set_is_estimate      (BudgDueBill   *self,
                                                   gboolean       is_estimate);

G_END_DECLS
