/* budg-reports-view.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "budg-chart-view.h"
#include "budg-context.h"
#include "budg-report.h"

G_BEGIN_DECLS

/**
 * BudgReportsKind:
 * @BUDG_REPORTS_SPENDING_BY_CATEGORY: spending per top-level category, a donut
 * @BUDG_REPORTS_SPENDING_BY_PAYEE: spending per payee, a donut
 * @BUDG_REPORTS_INCOME_EXPENSE: income and spending per month, grouped bars
 * @BUDG_REPORTS_NET_WORTH: every account added up at the end of each month,
 *   a line, dashed where it is projected
 * @BUDG_REPORTS_BUDGET: budgeted against spent per budget, grouped bars
 * @BUDG_REPORTS_SUMMARY: income, spending and budgets per month, stacked bars
 *
 * The reports the Reports view offers, in the order of its picker.
 */
typedef enum
{
  BUDG_REPORTS_SPENDING_BY_CATEGORY,
  BUDG_REPORTS_SPENDING_BY_PAYEE,
  BUDG_REPORTS_INCOME_EXPENSE,
  BUDG_REPORTS_NET_WORTH,
  BUDG_REPORTS_BUDGET,
  BUDG_REPORTS_SUMMARY,
} BudgReportsKind;

/**
 * BudgReportsPeriod:
 * @BUDG_REPORTS_PERIOD_THIS_MONTH: the calendar month of today
 * @BUDG_REPORTS_PERIOD_LAST_MONTH: the calendar month before
 * @BUDG_REPORTS_PERIOD_LAST_3_MONTHS: this month and the two before it
 * @BUDG_REPORTS_PERIOD_THIS_YEAR: the calendar year of today
 * @BUDG_REPORTS_PERIOD_LAST_YEAR: the calendar year before
 * @BUDG_REPORTS_PERIOD_LAST_12_MONTHS: this month and the eleven before it
 * @BUDG_REPORTS_PERIOD_CUSTOM: dates the user picks
 *
 * The periods of the period picker, in its order. Months are whole
 * calendar months, so that a month's bar always covers the same days.
 */
typedef enum
{
  BUDG_REPORTS_PERIOD_THIS_MONTH,
  BUDG_REPORTS_PERIOD_LAST_MONTH,
  BUDG_REPORTS_PERIOD_LAST_3_MONTHS,
  BUDG_REPORTS_PERIOD_THIS_YEAR,
  BUDG_REPORTS_PERIOD_LAST_YEAR,
  BUDG_REPORTS_PERIOD_LAST_12_MONTHS,
  BUDG_REPORTS_PERIOD_CUSTOM,
} BudgReportsPeriod;

#define BUDG_TYPE_REPORTS_VIEW (budg_reports_view_get_type ())

G_DECLARE_FINAL_TYPE (BudgReportsView, budg_reports_view, BUDG, REPORTS_VIEW, GtkWidget)

/* The Reports view: a report and a period picked at the top, the report's
 * chart, its rows in a table and plain-language insights below. Activating
 * a slice, bar, point or row emits "show-transactions" with the query of
 * the transactions behind it.
 */
GtkWidget         *budg_reports_view_new            (BudgContext        *context) G_GNUC_WARN_UNUSED_RESULT;
BudgContext       *budg_reports_view_get_context    (BudgReportsView    *self);
/* Until it is made active, the view reads nothing; changes to the data
 * while it is inactive are read when it next is. */
gboolean           budg_reports_view_get_active     (BudgReportsView    *self);
void               budg_reports_view_set_active     (BudgReportsView    *self,
                                                     gboolean            active);
/* Narrow windows get a taller chart, with the legend under it. */
gboolean           budg_reports_view_get_compact    (BudgReportsView    *self);
void               budg_reports_view_set_compact    (BudgReportsView    *self,
                                                     gboolean            compact);
BudgReportsKind    budg_reports_view_get_report     (BudgReportsView    *self);
void               budg_reports_view_set_report     (BudgReportsView    *self,
                                                     BudgReportsKind     report);
BudgReportsPeriod  budg_reports_view_get_period     (BudgReportsView    *self);
void               budg_reports_view_set_period     (BudgReportsView    *self,
                                                     BudgReportsPeriod   period);
const char        *budg_reports_view_get_from       (BudgReportsView    *self);
const char        *budg_reports_view_get_to         (BudgReportsView    *self);
gboolean           budg_reports_view_set_range      (BudgReportsView    *self,
                                                     const char         *from,
                                                     const char         *to,
                                                     GError            **error);
GPtrArray         *budg_reports_view_get_rows       (BudgReportsView    *self);
GListModel        *budg_reports_view_get_table      (BudgReportsView    *self);
BudgChartView     *budg_reports_view_get_chart_view (BudgReportsView    *self);
gboolean           budg_reports_view_export_chart   (BudgReportsView    *self,
                                                     const char         *path,
                                                     int                 width,
                                                     int                 height,
                                                     GError            **error);
gboolean           budg_reports_view_export_table   (BudgReportsView    *self,
                                                     const char         *path,
                                                     GError            **error);

void               budg_reports_period_get_range    (BudgReportsPeriod   period,
                                                     const char         *today,
                                                     char              **out_from,
                                                     char              **out_to);

G_END_DECLS
