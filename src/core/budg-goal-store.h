/* budg-goal-store.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "budg-database.h"

G_BEGIN_DECLS

/**
 * BudgGoal:
 * @id: the row id
 * @name: unique without regard to case
 * @target_minor: the amount to save, more than 0
 * @currency: the ISO 4217 code of the amounts
 * @by_date: (nullable): the date to reach the target by
 * @account_id: the linked savings account, or 0
 * @account_name: (nullable): its name
 * @auto_percent_bp: the share of each income saved automatically, in basis
 *   points (1250 = 12.5 %), or 0
 * @auto_amount_minor: a fixed amount saved from each income, or 0
 * @created_on: the day the goal was set, where the linear plan starts
 *
 * A savings goal.
 */
typedef struct
{
  gint64  id;
  char   *name;
  gint64  target_minor;
  char   *currency;
  char   *by_date;
  gint64  account_id;
  char   *account_name;
  guint   auto_percent_bp;
  gint64  auto_amount_minor;
  char   *created_on;
} BudgGoal;

/**
 * BudgGoalContribution:
 * @transaction_id: the income it was allocated from, or 0 when entered by hand
 * @note: (nullable): what to do about it, or the user's note
 *
 * Money put towards a goal (negative: taken out of it).
 */
typedef struct
{
  gint64  id;
  gint64  goal_id;
  char   *date;
  gint64  amount_minor;
  gint64  transaction_id;
  char   *note;
} BudgGoalContribution;

/**
 * BudgGoalStatus:
 * @saved_minor: the sum of the contributions
 * @has_needed: whether the goal has a date, so that @needed_per_month_minor
 *   and @months_left mean something
 * @needed_per_month_minor: what is still missing divided by @months_left,
 *   rounded up
 * @months_left: calendar months from today's month to the date's, at least 1
 * @expected_minor: what a steady pace from @created_on to the date would
 *   have saved by today (the target when there is no date)
 * @on_track: whether @saved_minor reaches the steady pace (always with no date)
 *
 * Progress of one goal on a given day.
 */
typedef struct
{
  BudgGoal *goal;
  gint64    saved_minor;
  gboolean  has_needed;
  gint64    needed_per_month_minor;
  guint     months_left;
  gint64    expected_minor;
  gboolean  on_track;
} BudgGoalStatus;

void budg_goal_free              (BudgGoal             *goal);
void budg_goal_contribution_free (BudgGoalContribution *contribution);
void budg_goal_status_free       (BudgGoalStatus       *status);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BudgGoal, budg_goal_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BudgGoalContribution, budg_goal_contribution_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BudgGoalStatus, budg_goal_status_free)

#define BUDG_TYPE_GOAL_STORE (budg_goal_store_get_type ())

G_DECLARE_FINAL_TYPE (BudgGoalStore, budg_goal_store, BUDG, GOAL_STORE, GObject)

BudgGoalStore        *budg_goal_store_new                (BudgDatabase   *database) G_GNUC_WARN_UNUSED_RESULT;
BudgGoal             *budg_goal_store_add                (BudgGoalStore  *self,
                                                          const char     *name,
                                                          gint64          target_minor,
                                                          const char     *currency,
                                                          const char     *by_date,
                                                          gint64          account_id,
                                                          guint           auto_percent_bp,
                                                          gint64          auto_amount_minor,
                                                          const char     *created_on,
                                                          GError        **error);
BudgGoal             *budg_goal_store_find               (BudgGoalStore  *self,
                                                          const char     *id_or_name,
                                                          GError        **error);
GPtrArray            *budg_goal_store_list               (BudgGoalStore  *self,
                                                          GError        **error);
gboolean              budg_goal_store_delete             (BudgGoalStore  *self,
                                                          gint64          goal_id,
                                                          GError        **error);
BudgGoalContribution *budg_goal_store_contribute         (BudgGoalStore  *self,
                                                          gint64          goal_id,
                                                          const char     *date,
                                                          gint64          amount_minor,
                                                          const char     *note,
                                                          GError        **error);
GPtrArray            *budg_goal_store_list_contributions (BudgGoalStore  *self,
                                                          gint64          goal_id,
                                                          GError        **error);
GPtrArray            *budg_goal_store_status             (BudgGoalStore  *self,
                                                          const char     *today,
                                                          GError        **error);
gboolean              budg_goal_store_allocate_income    (BudgGoalStore  *self,
                                                          gint64          transaction_id,
                                                          guint          *out_n_contributions,
                                                          GError        **error);
gboolean              budg_goal_store_allocate_range     (BudgGoalStore  *self,
                                                          const char     *from,
                                                          const char     *to,
                                                          guint          *out_n_contributions,
                                                          GError        **error);

G_END_DECLS
