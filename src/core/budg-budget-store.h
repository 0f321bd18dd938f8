/* budg-budget-store.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "budg-database.h"

G_BEGIN_DECLS

/* The nicks ("monthly", "weekly", "yearly"; "none", "leftover", "all") are
 * stored and printed by the CLI. */
typedef enum
{
  BUDG_BUDGET_PERIOD_MONTHLY,
  BUDG_BUDGET_PERIOD_WEEKLY,
  BUDG_BUDGET_PERIOD_YEARLY,
} BudgBudgetPeriod;

typedef enum
{
  BUDG_ROLLOVER_NONE,
  BUDG_ROLLOVER_LEFTOVER,
  BUDG_ROLLOVER_ALL,
} BudgRollover;

const char *budg_budget_period_to_string   (BudgBudgetPeriod  period);
gboolean    budg_budget_period_from_string (const char       *text,
                                            BudgBudgetPeriod *out_period);
const char *budg_rollover_to_string        (BudgRollover      rollover);
gboolean    budg_rollover_from_string      (const char       *text,
                                            BudgRollover     *out_rollover);

/**
 * BudgBudget:
 * @id: the row id
 * @category_id: the category; a top-level category's budget covers its
 *   children too (a category group)
 * @category_path: "Parent:Child" or "Parent"
 * @period: monthly, weekly, or a yearly amount spread over twelve months
 * @amount_minor: the amount per period (per year for a yearly budget)
 * @currency: the ISO 4217 code of @amount_minor
 * @rollover: what the end of one period carries into the next
 * @from_period: the first period it applies to: "YYYY-MM" (monthly and
 *   yearly) or "YYYY-Www" (weekly)
 *
 * One budget row. It holds from @from_period until the next row of the
 * same category.
 */
typedef struct
{
  gint64            id;
  gint64            category_id;
  char             *category_path;
  BudgBudgetPeriod  period;
  gint64            amount_minor;
  char             *currency;
  BudgRollover      rollover;
  char             *from_period;
} BudgBudget;

/**
 * BudgBudgetStatus:
 * @period: the period shown, "YYYY-MM" or "YYYY-Www"
 * @budgeted_minor: the amount budgeted for @period (a twelfth of a yearly
 *   budget, the remainder in its last month)
 * @spent_minor: what was spent in the category (and its children, for a
 *   top-level category) in @period, net of refunds, converted to @currency
 * @rollover_minor: what came in from the period before: its leftover, or
 *   also its overspending (negative), depending on the rollover
 * @available_minor: @budgeted_minor + @rollover_minor − @spent_minor
 *
 * One line of the Budgets view.
 */
typedef struct
{
  gint64            budget_id;
  gint64            category_id;
  char             *category_path;
  char             *period;
  BudgBudgetPeriod  kind;
  BudgRollover      rollover;
  char             *currency;
  gint64            budgeted_minor;
  gint64            spent_minor;
  gint64            rollover_minor;
  gint64            available_minor;
} BudgBudgetStatus;

void              budg_budget_free        (BudgBudget       *budget);
void              budg_budget_status_free (BudgBudgetStatus *status);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BudgBudget, budg_budget_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BudgBudgetStatus, budg_budget_status_free)

#define BUDG_TYPE_BUDGET_STORE (budg_budget_store_get_type ())

G_DECLARE_FINAL_TYPE (BudgBudgetStore, budg_budget_store, BUDG, BUDGET_STORE, GObject)

BudgBudgetStore *budg_budget_store_new               (BudgDatabase      *database) G_GNUC_WARN_UNUSED_RESULT;
BudgDatabase    *budg_budget_store_get_database      (BudgBudgetStore   *self);
BudgBudget      *budg_budget_store_set               (BudgBudgetStore   *self,
                                                      gint64             category_id,
                                                      BudgBudgetPeriod   period,
                                                      gint64             amount_minor,
                                                      const char        *currency,
                                                      BudgRollover       rollover,
                                                      const char        *from_period,
                                                      GError           **error);
gboolean         budg_budget_store_delete            (BudgBudgetStore   *self,
                                                      gint64             budget_id,
                                                      GError           **error);
GPtrArray       *budg_budget_store_list              (BudgBudgetStore   *self,
                                                      GError           **error);
GPtrArray       *budg_budget_store_status            (BudgBudgetStore   *self,
                                                      const char        *period,
                                                      GError           **error);
GPtrArray       *budg_budget_store_status_range      (BudgBudgetStore   *self,
                                                      const char        *first_period,
                                                      const char        *last_period,
                                                      GError           **error);
gboolean         budg_budget_store_copy_previous     (BudgBudgetStore   *self,
                                                      const char        *period,
                                                      guint             *out_n_copied,
                                                      GError           **error);
BudgBudget      *budg_budget_store_set_from_average  (BudgBudgetStore   *self,
                                                      gint64             category_id,
                                                      const char        *period,
                                                      guint              n_periods,
                                                      const char        *currency,
                                                      BudgRollover       rollover,
                                                      GError           **error);
gboolean         budg_budget_store_to_be_budgeted    (BudgBudgetStore   *self,
                                                      const char        *period,
                                                      const char        *currency,
                                                      gint64            *out_minor,
                                                      GError           **error);

G_END_DECLS
