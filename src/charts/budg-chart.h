/* budg-chart.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "budg-chart-data.h"
#include "budg-chart-palette.h"

G_BEGIN_DECLS

/**
 * BudgChartItem:
 * @series: the series
 * @index: the position in the series (the slice, the month…)
 *
 * One thing the user can point at: a slice, a bar or a point.
 */
typedef struct
{
  guint series;
  guint index;
} BudgChartItem;

void      budg_chart_draw             (cairo_t              *cr,
                                       double                width,
                                       double                height,
                                       const BudgChartData  *data,
                                       const BudgChartStyle *style);
gboolean  budg_chart_hit_test         (double                width,
                                       double                height,
                                       const BudgChartData  *data,
                                       double                x,
                                       double                y,
                                       guint                *out_series,
                                       guint                *out_index);
gboolean  budg_chart_get_item_center  (double                width,
                                       double                height,
                                       const BudgChartData  *data,
                                       guint                 series,
                                       guint                 index,
                                       double               *out_x,
                                       double               *out_y);
void      budg_chart_draw_highlight   (cairo_t              *cr,
                                       double                width,
                                       double                height,
                                       const BudgChartData  *data,
                                       const BudgChartStyle *style,
                                       guint                 series,
                                       guint                 index);
GArray   *budg_chart_list_items       (const BudgChartData  *data);
char     *budg_chart_describe_hit     (const BudgChartData  *data,
                                       guint                 series,
                                       guint                 index);
char     *budg_chart_describe         (const BudgChartData  *data);

G_END_DECLS
