/* budg-chart-export.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "budg-chart-data.h"
#include "budg-chart-palette.h"

G_BEGIN_DECLS

#define BUDG_CHART_EXPORT_MIN_SIZE 16
#define BUDG_CHART_EXPORT_MAX_SIZE 10000

gboolean budg_chart_export (const BudgChartData  *data,
                            const BudgChartStyle *style,
                            const char           *path,
                            int                   width,
                            int                   height,
                            GError              **error);

G_END_DECLS
