/* budg-reminders.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "budg-context.h"

G_BEGIN_DECLS

/* The events a reminder is about. Each occurrence of a bill is in at most
 * one of them on a given day, and each is notified once per occurrence. */
typedef enum
{
  BUDG_REMINDER_BILL_UPCOMING,
  BUDG_REMINDER_BILL_DUE_TODAY,
  BUDG_REMINDER_BILL_OVERDUE,
} BudgReminderKind;

/**
 * BudgReminderSettings:
 * @bills_upcoming: remind of bills due within their lead days
 * @bills_due_today: remind of bills due today
 * @bills_overdue: remind of unpaid bills whose date has passed
 * @quiet_hours: whether @quiet_start and @quiet_end apply
 * @quiet_start: the hour (0–23) from which nothing is sent
 * @quiet_end: the hour (0–23) from which reminders are sent again; the
 *   range wraps past midnight when it is before @quiet_start
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
  gboolean quiet_hours;
  guint    quiet_start;
  guint    quiet_end;
  guint    group_threshold;
} BudgReminderSettings;

/**
 * BudgReminder:
 * @kind: what happened
 * @bill_id: the bill
 * @occurrence_date: the occurrence (the date the rule gave), which with
 *   @bill_id names it for good
 * @due_date: the date it is due (after shifts and moves)
 * @name: the bill's name
 * @amount_minor: signed, like the due bill's
 * @currency: the ISO 4217 code of @amount_minor
 */
typedef struct
{
  BudgReminderKind  kind;
  gint64            bill_id;
  char             *occurrence_date;
  char             *due_date;
  char             *name;
  gint64            amount_minor;
  char             *currency;
} BudgReminder;

void          budg_reminder_free            (BudgReminder               *reminder);
const char   *budg_reminder_kind_to_string  (BudgReminderKind            kind);

gboolean      budg_reminders_is_quiet       (const BudgReminderSettings *settings,
                                             guint                       hour);
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
