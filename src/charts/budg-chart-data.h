/* budg-chart-data.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * BudgChartKind:
 * @BUDG_CHART_KIND_DONUT: shares of a whole: one series, one value per
 *   label (slice); values of zero or less have no slice
 * @BUDG_CHART_KIND_BARS_GROUPED: one bar per series side by side for each
 *   label (month)
 * @BUDG_CHART_KIND_BARS_STACKED: the series stacked into one bar per label,
 *   positive values upwards and negative values downwards from zero
 * @BUDG_CHART_KIND_LINE: one line per series through the labels (days,
 *   months), dashed from the first projected point on
 */
typedef enum
{
  BUDG_CHART_KIND_DONUT,
  BUDG_CHART_KIND_BARS_GROUPED,
  BUDG_CHART_KIND_BARS_STACKED,
  BUDG_CHART_KIND_LINE,
} BudgChartKind;

/* No point is projected. */
#define BUDG_CHART_NOT_PROJECTED G_MAXUINT

#define BUDG_TYPE_CHART_DATA (budg_chart_data_get_type ())

typedef struct _BudgChartData BudgChartData;

GType          budg_chart_data_get_type           (void) G_GNUC_CONST;
BudgChartData *budg_chart_data_new                (BudgChartKind        kind,
                                                   const char          *title,
                                                   const char          *currency) G_GNUC_WARN_UNUSED_RESULT;
BudgChartData *budg_chart_data_ref                (BudgChartData       *self);
void           budg_chart_data_unref              (BudgChartData       *self);

BudgChartKind  budg_chart_data_get_kind           (const BudgChartData *self);
const char    *budg_chart_data_get_title          (const BudgChartData *self);
const char    *budg_chart_data_get_currency       (const BudgChartData *self);

guint          budg_chart_data_add_label          (BudgChartData       *self,
                                                   const char          *label,
                                                   const char          *color);
guint          budg_chart_data_get_n_labels       (const BudgChartData *self);
const char    *budg_chart_data_get_label          (const BudgChartData *self,
                                                   guint                index);
const char    *budg_chart_data_get_label_color    (const BudgChartData *self,
                                                   guint                index);

guint          budg_chart_data_add_series         (BudgChartData       *self,
                                                   const char          *name,
                                                   const char          *color);
guint          budg_chart_data_get_n_series       (const BudgChartData *self);
const char    *budg_chart_data_get_series_name    (const BudgChartData *self,
                                                   guint                series);
const char    *budg_chart_data_get_series_color   (const BudgChartData *self,
                                                   guint                series);

void           budg_chart_data_append_value       (BudgChartData       *self,
                                                   guint                series,
                                                   gint64               value_minor);
void           budg_chart_data_set_values         (BudgChartData       *self,
                                                   guint                series,
                                                   const gint64        *values_minor,
                                                   guint                n_values);
guint          budg_chart_data_get_n_values       (const BudgChartData *self,
                                                   guint                series);
gboolean       budg_chart_data_get_value          (const BudgChartData *self,
                                                   guint                series,
                                                   guint                index,
                                                   gint64              *out_value_minor);
guint          budg_chart_data_get_n_points       (const BudgChartData *self);

void           budg_chart_data_set_projected_from (BudgChartData       *self,
                                                   guint                index);
guint          budg_chart_data_get_projected_from (const BudgChartData *self);
gboolean       budg_chart_data_is_projected       (const BudgChartData *self,
                                                   guint                index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BudgChartData, budg_chart_data_unref)

G_END_DECLS
