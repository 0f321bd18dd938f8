/* budg-reminders.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "budg-context.h"

G_BEGIN_DECLS

/* The events a reminder is about. Each occurrence of a bill is in at most
 * one of the bill kinds on a given day, each budget in each period in at
 * most one of the budget kinds, and each event is notified once. */
typedef enum
{
  BUDG_REMINDER_BILL_UPCOMING,
  BUDG_REMINDER_BILL_DUE_TODAY,
  BUDG_REMINDER_BILL_OVERDUE,
  BUDG_REMINDER_BUDGET_WARNING,
  BUDG_REMINDER_BUDGET_LIMIT,
  BUDG_REMINDER_LARGE_TRANSACTION,
  BUDG_REMINDER_BANK_NEEDS_LOGIN,
} BudgReminderKind;

/**
 * BudgReminderSettings:
 * @bills_upcoming: remind of bills due within their lead days
 * @bills_due_today: remind of bills due today
 * @bills_overdue: remind of unpaid bills whose date has passed
 * @budgets: remind of budgets reaching @budget_warning_percent of what
 *   they allow in the current period, and of budgets going over it
 * @budget_warning_percent: the warning level of budgets, 1–100
 * @large_transaction: remind of each transaction of the last week whose
 *   size is at least this many whole units of its account's currency; 0
 *   turns it off
 * @quiet_hours: whether @quiet_start and @quiet_end apply
 * @quiet_start: the hour (0–23) from which nothing is sent
 * @quiet_end: the hour (0–23) from which reminders are sent again; the
 *   range wraps past midnight when it is before @quiet_start
 * @banks: remind of bank connections that need the user to log in again
 * @group_threshold: from this many reminders at once, they go out as one
 *
 * The user's choices, read from GSettings by the caller: the core does not
 * know about GSettings, so tests can give any values.
 */
typedef struct
{
  gboolean bills_upcoming;
  gboolean bills_due_today;
  gboolean bills_overdue;
  gboolean budgets;
  guint    budget_warning_percent;
  guint    large_transaction;
  gboolean quiet_hours;
  guint    quiet_start;
  guint    quiet_end;
  gboolean banks;
  guint    group_threshold;
} BudgReminderSettings;

/**
 * BudgReminder:
 * @kind: what happened
 * @subject_id: the bill, the category of the budget, the transaction, or
 *   the bank connection (its row in plaid_items)
 * @occurrence: the bill's occurrence (the date the rule gave), the
 *   budget's period ("YYYY-MM" or "YYYY-Www"), the transaction's date, or
 *   the time of the bank's last good sync; with @kind and @subject_id it
 *   names the event for good
 * @due_date: the date the bill is due (after shifts and moves); %NULL for
 *   the other kinds
 * @name: the bill's name, the budget's category path, the
 *   transaction's payee (its account's name when it has none), or the
 *   bank's name
 * @amount_minor: the bill's amount, signed like the due bill's; what was
 *   spent against the budget; or the transaction's signed amount
 * @limit_minor: what the budget allows in the period (budgeted and rolled
 *   over); 0 for a bill
 * @currency: the ISO 4217 code of the amounts
 */
typedef struct
{
  BudgReminderKind  kind;
  gint64            subject_id;
  char             *occurrence;
  char             *due_date;
  char             *name;
  gint64            amount_minor;
  gint64            limit_minor;
  char             *currency;
} BudgReminder;

void          budg_reminder_free            (BudgReminder               *reminder);
gboolean      budg_reminder_is_bill         (const BudgReminder         *reminder);
const char   *budg_reminder_kind_to_string  (BudgReminderKind            kind);

gboolean      budg_reminders_is_quiet       (const BudgReminderSettings *settings,
                                             guint                       hour);
GDateTime    *budg_reminders_next_check     (const BudgReminderSettings *settings,
                                             GDateTime                  *now) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray    *budg_reminders_collect        (BudgContext                *context,
                                             const BudgReminderSettings *settings,
                                             const char                 *today,
                                             guint                       hour,
                                             GError                    **error);
gboolean      budg_reminders_mark_sent      (BudgContext                *context,
                                             GPtrArray                  *reminders,
                                             GError                    **error);
gboolean      budg_reminders_snooze         (BudgContext                *context,
                                             gint64                      bill_id,
                                             const char                 *occurrence_date,
                                             const char                 *until,
                                             GError                    **error);
GPtrArray    *budg_reminders_group          (GPtrArray                  *reminders,
                                             guint                       threshold);
BudgDueBill  *budg_reminders_find_due       (BudgContext                *context,
                                             gint64                      bill_id,
                                             const char                 *occurrence_date,
                                             const char                 *due_date,
                                             GError                    **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BudgReminder, budg_reminder_free)

G_END_DECLS
