/* budg-chart-line.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "budg-chart-data.h"
#include "budg-chart-palette.h"

G_BEGIN_DECLS

void     budg_chart_line_draw            (cairo_t              *cr,
                                         double                width,
                                         double                height,
                                         const BudgChartData  *data,
                                         const BudgChartStyle *style);
gboolean budg_chart_line_hit_test        (double                width,
                                         double                height,
                                         const BudgChartData  *data,
                                         double                x,
                                         double                y,
                                         guint                *out_series,
                                         guint                *out_index);
gboolean budg_chart_line_get_item_center (double                width,
                                         double                height,
                                         const BudgChartData  *data,
                                         guint                 series,
                                         guint                 index,
                                         double               *out_x,
                                         double               *out_y);
void     budg_chart_line_draw_highlight  (cairo_t              *cr,
                                         double                width,
                                         double                height,
                                         const BudgChartData  *data,
                                         const BudgChartStyle *style,
                                         guint                 series,
                                         guint                 index);

G_END_DECLS
