/* budg-chart-view.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "budg-chart-data.h"

G_BEGIN_DECLS

#define BUDG_TYPE_CHART_VIEW (budg_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (BudgChartView, budg_chart_view, BUDG, CHART_VIEW, GtkWidget)

GtkWidget     *budg_chart_view_new          (void) G_GNUC_WARN_UNUSED_RESULT;
BudgChartData *budg_chart_view_get_data     (BudgChartView  *self);
void           budg_chart_view_set_data     (BudgChartView  *self,
                                             BudgChartData  *data);
gboolean       budg_chart_view_get_selected (BudgChartView  *self,
                                             guint          *out_series,
                                             guint          *out_index);
gboolean       budg_chart_view_activate_at  (BudgChartView  *self,
                                             double          x,
                                             double          y);

G_END_DECLS
