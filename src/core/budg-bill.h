/* budg-bill.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "budg-recurrence.h"
#include "budg-types.h"

G_BEGIN_DECLS

#define BUDG_TYPE_BILL (budg_bill_get_type ())

G_DECLARE_FINAL_TYPE (BudgBill, budg_bill, BUDG, BILL, GObject)

/* A recurring bill, or with is-income a recurring deposit.
 *
 * Properties: "id", "name", "payee" (nullable), "account-id", "account-name"
 * and "currency" (for display), "category-id" (0 = none), "category-path"
 * (nullable, display), "amount-minor" (the positive size of each occurrence;
 * for an estimate, the expected amount), "amount-max-minor" (0 = fixed; else
 * the top of the estimate's range), "is-income", "rrule", "start-date",
 * "end-date" (nullable ISO, inclusive), "count" (0 = no limit),
 * "weekend-shift" (BudgWeekendShift as int), "autopay", "lead-days",
 * "notes" (nullable), "active", "settled-through" (nullable ISO: occurrences
 * on or before it are history, already in the transactions, and are not
 * listed as due).
 */
BudgBill         *budg_bill_new                     (const char       *name,
                                                     gint64            account_id,
                                                     gint64            amount_minor,
                                                     const char       *rrule,
                                                     const char       *start_date) G_GNUC_WARN_UNUSED_RESULT;
BudgBill         *budg_bill_copy                    (BudgBill         *self) G_GNUC_WARN_UNUSED_RESULT;
gint64            budg_bill_get_id                  (BudgBill         *self);
void              budg_bill_set_id                  (BudgBill         *self,
                                                     gint64            id);
const char       *budg_bill_get_name                (BudgBill         *self);
void              budg_bill_set_name                (BudgBill         *self,
                                                     const char       *name);
const char       *budg_bill_get_payee               (BudgBill         *self);
void              budg_bill_set_payee               (BudgBill         *self,
                                                     const char       *payee);
gint64            budg_bill_get_account_id          (BudgBill         *self);
void              budg_bill_set_account_id          (BudgBill         *self,
                                                     gint64            account_id);
const char       *budg_bill_get_account_name        (BudgBill         *self);
void              budg_bill_set_account_name        (BudgBill         *self,
                                                     const char       *account_name);
const char       *budg_bill_get_currency            (BudgBill         *self);
void              budg_bill_set_currency            (BudgBill         *self,
                                                     const char       *currency);
gint64            budg_bill_get_category_id         (BudgBill         *self);
void              budg_bill_set_category_id         (BudgBill         *self,
                                                     gint64            category_id);
const char       *budg_bill_get_category_path       (BudgBill         *self);
void              budg_bill_set_category_path       (BudgBill         *self,
                                                     const char       *category_path);
gint64            budg_bill_get_amount_minor        (BudgBill         *self);
void              budg_bill_set_amount_minor        (BudgBill         *self,
                                                     gint64            amount_minor);
gint64            budg_bill_get_amount_max_minor    (BudgBill         *self);
void              budg_bill_set_amount_max_minor    (BudgBill         *self,
                                                     gint64            amount_max_minor);
gboolean          budg_bill_get_is_income           (BudgBill         *self);
void              budg_bill_set_is_income           (BudgBill         *self,
                                                     gboolean          is_income);
const char       *budg_bill_get_rrule               (BudgBill         *self);
void              budg_bill_set_rrule               (BudgBill         *self,
                                                     const char       *rrule);
const char       *budg_bill_get_start_date          (BudgBill         *self);
void              budg_bill_set_start_date          (BudgBill         *self,
                                                     const char       *start_date);
const char       *budg_bill_get_end_date            (BudgBill         *self);
void              budg_bill_set_end_date            (BudgBill         *self,
                                                     const char       *end_date);
guint             budg_bill_get_count               (BudgBill         *self);
void              budg_bill_set_count               (BudgBill         *self,
                                                     guint             count);
BudgWeekendShift  budg_bill_get_weekend_shift       (BudgBill         *self);
void              budg_bill_set_weekend_shift       (BudgBill         *self,
                                                     BudgWeekendShift  shift);
gboolean          budg_bill_get_autopay             (BudgBill         *self);
void              budg_bill_set_autopay             (BudgBill         *self,
                                                     gboolean          autopay);
guint             budg_bill_get_lead_days           (BudgBill         *self);
void              budg_bill_set_lead_days           (BudgBill         *self,
                                                     guint             lead_days);
const char       *budg_bill_get_notes               (BudgBill         *self);
void              budg_bill_set_notes               (BudgBill         *self,
                                                     const char       *notes);
gboolean          budg_bill_get_active              (BudgBill         *self);
void              budg_bill_set_active              (BudgBill         *self,
                                                     gboolean          active);
const char       *budg_bill_get_settled_through     (BudgBill         *self);
void              budg_bill_set_settled_through     (BudgBill         *self,
                                                     const char       *settled_through);
/* The signed amount one occurrence moves: negative for a bill, positive for income. */
gint64            budg_bill_get_signed_amount_minor (BudgBill         *self);

G_END_DECLS
