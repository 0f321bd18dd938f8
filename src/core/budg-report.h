/* budg-report.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "budg-database.h"

G_BEGIN_DECLS

/* What a report's rows group by. */
typedef enum
{
  BUDG_REPORT_GROUP_CATEGORY,  /* "Parent:Child" */
  BUDG_REPORT_GROUP_PARENT,    /* subcategories rolled up into their parent */
  BUDG_REPORT_GROUP_PAYEE,
  BUDG_REPORT_GROUP_MONTH,     /* "YYYY-MM" */
  BUDG_REPORT_GROUP_YEAR,      /* "YYYY" */
  BUDG_REPORT_GROUP_ACCOUNT,
} BudgReportGroup;

/**
 * BudgReportQuery:
 * @from: the first day, "YYYY-MM-DD"
 * @to: the last day
 * @group: what the rows group by (each report says which it takes)
 * @by_month: spending only: one row per month and group
 * @currency: (nullable): the currency to convert every amount into, at the
 *   rate of the end of its month (or of @to); %NULL keeps one row per
 *   currency instead. Net worth needs one.
 *
 * What a report covers.
 */
typedef struct
{
  const char      *from;
  const char      *to;
  BudgReportGroup  group;
  gboolean         by_month;
  const char      *currency;
} BudgReportQuery;

/**
 * BudgReportRow:
 * @key: (nullable): what the row groups by, as scripts see it: a category
 *   path, payee or account name, "YYYY-MM" or "YYYY"; %NULL for
 *   "uncategorized" or "no payee"
 * @label: the same for people ("Uncategorized", translated)
 * @month: (nullable): the month of a per-month row of a report grouped by
 *   something else
 * @id: the category, payee or account id, or 0
 * @amount_minor: the row's amount: spending (positive), the net of income
 *   and expense, a balance, or what was spent against a budget
 * @income_minor: income (income-expense and summary)
 * @expense_minor: spending, positive (income-expense and summary)
 * @budgeted_minor: what was budgeted (budget and summary)
 * @currency: the ISO 4217 code of the amounts
 *
 * One row of a report.
 */
typedef struct
{
  char   *key;
  char   *label;
  char   *month;
  gint64  id;
  gint64  amount_minor;
  gint64  income_minor;
  gint64  expense_minor;
  gint64  budgeted_minor;
  char    currency[4];
} BudgReportRow;

void       budg_report_row_free        (BudgReportRow          *row);

GPtrArray *budg_report_spending        (BudgDatabase           *database,
                                        const BudgReportQuery  *query,
                                        GError                **error);
GPtrArray *budg_report_income_expense  (BudgDatabase           *database,
                                        const BudgReportQuery  *query,
                                        GError                **error);
GPtrArray *budg_report_balances        (BudgDatabase           *database,
                                        const BudgReportQuery  *query,
                                        GError                **error);
GPtrArray *budg_report_net_worth       (BudgDatabase           *database,
                                        const BudgReportQuery  *query,
                                        GError                **error);
GPtrArray *budg_report_budget          (BudgDatabase           *database,
                                        const BudgReportQuery  *query,
                                        GError                **error);
GPtrArray *budg_report_summary         (BudgDatabase           *database,
                                        const BudgReportQuery  *query,
                                        GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BudgReportRow, budg_report_row_free)

G_END_DECLS
