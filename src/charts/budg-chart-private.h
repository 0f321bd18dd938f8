/* budg-chart-private.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "budg-chart-data.h"
#include "budg-chart-palette.h"

G_BEGIN_DECLS

/* The layout shared by the chart kinds. Every size here is a constant in
 * pixels, never measured text: hit-testing has no cairo context and no
 * font, and it must find exactly the rectangles drawing filled. Text is
 * fitted (ellipsized) into the boxes the layout gives it instead.
 */

#define BUDG_CHART_PADDING        8.0
#define BUDG_CHART_TITLE_HEIGHT   24.0
#define BUDG_CHART_ROW_HEIGHT     20.0
#define BUDG_CHART_SWATCH_SIZE    12.0
#define BUDG_CHART_LEGEND_ENTRY   170.0
#define BUDG_CHART_Y_LABELS_WIDTH 72.0
#define BUDG_CHART_X_LABELS_HEIGHT 20.0
#define BUDG_CHART_LINE_WIDTH     2.0
#define BUDG_CHART_DASH_ON        6.0
#define BUDG_CHART_DASH_OFF       4.0

/* What a legend entry shows in front of its text: a box for slices and
 * bars, a line sample for lines, a dashed one for the projected part.
 */
typedef enum
{
  BUDG_CHART_SWATCH_BOX,
  BUDG_CHART_SWATCH_LINE,
  BUDG_CHART_SWATCH_DASHED,
} BudgChartSwatch;

typedef struct
{
  double x;
  double y;
  double width;
  double height;
} BudgChartRect;

/* Entries in a grid of columns, filled row by row. When they do not all
 * fit, the last cell says how many more there are instead.
 */
typedef struct
{
  BudgChartRect area;
  guint         n_entries;
  guint         n_shown;
  guint         n_columns;
  guint         n_rows;
  double        entry_width;
} BudgChartLegend;

/* A value axis on the left and positions (months, days) along the bottom.
 * @min, @max and @step are in minor units, @min and @max multiples of
 * @step, and 0 always lies in [@min, @max].
 */
typedef struct
{
  BudgChartRect plot;
  BudgChartRect y_labels;
  BudgChartRect x_labels;
  gint64        min;
  gint64        max;
  gint64        step;
  guint         n_slots;
  double        slot_width;
} BudgChartAxes;

gboolean     budg_chart_rect_contains     (const BudgChartRect   *rect,
                                           double                 x,
                                           double                 y);
gboolean     budg_chart_rect_is_empty     (const BudgChartRect   *rect);

void         budg_chart_frame_compute     (double                 width,
                                           double                 height,
                                           const BudgChartData   *data,
                                           BudgChartRect         *out_title,
                                           BudgChartRect         *out_body);

guint        budg_chart_legend_rows_for   (double                 width,
                                           guint                  n_entries);
void         budg_chart_legend_layout     (BudgChartLegend       *legend,
                                           const BudgChartRect   *area,
                                           guint                  n_entries);
gboolean     budg_chart_legend_get_entry  (const BudgChartLegend *legend,
                                           guint                  entry,
                                           BudgChartRect         *out_rect);
gboolean     budg_chart_legend_hit        (const BudgChartLegend *legend,
                                           double                 x,
                                           double                 y,
                                           guint                 *out_entry);

gboolean     budg_chart_axes_compute      (BudgChartAxes         *axes,
                                           const BudgChartRect   *body,
                                           double                 legend_height,
                                           gint64                 lowest,
                                           gint64                 highest,
                                           guint                  n_slots);
double       budg_chart_axes_y_for        (const BudgChartAxes   *axes,
                                           gint64                 value_minor);
double       budg_chart_axes_slot_x       (const BudgChartAxes   *axes,
                                           guint                  slot);
gboolean     budg_chart_axes_slot_at      (const BudgChartAxes   *axes,
                                           double                 x,
                                           guint                 *out_slot);

char        *budg_chart_format_compact    (gint64                 value_minor,
                                           const char            *currency);
char        *budg_chart_format_share      (gint64                 part,
                                           gint64                 whole);
gint64       budg_chart_saturating_add    (gint64                 a,
                                           gint64                 b);

/* Drawing helpers: they only draw, the geometry comes from above. */
void         budg_chart_set_color         (cairo_t               *cr,
                                           const BudgChartColor  *color);
void         budg_chart_begin             (cairo_t               *cr,
                                           double                 width,
                                           double                 height,
                                           const BudgChartStyle  *style);
PangoLayout *budg_chart_create_layout     (cairo_t               *cr,
                                           const BudgChartStyle  *style);
double       budg_chart_measure_text      (PangoLayout           *layout,
                                           const char            *text);
void         budg_chart_draw_text         (cairo_t               *cr,
                                           PangoLayout           *layout,
                                           const char            *text,
                                           const BudgChartRect   *box,
                                           PangoAlignment         alignment,
                                           const BudgChartColor  *color);
void         budg_chart_draw_title        (cairo_t               *cr,
                                           PangoLayout           *layout,
                                           const BudgChartData   *data,
                                           const BudgChartRect   *box,
                                           const BudgChartStyle  *style);
void         budg_chart_draw_empty        (cairo_t               *cr,
                                           PangoLayout           *layout,
                                           const BudgChartRect   *body,
                                           const BudgChartStyle  *style);
void         budg_chart_draw_legend_entry (cairo_t               *cr,
                                           PangoLayout           *layout,
                                           const BudgChartRect   *cell,
                                           BudgChartSwatch        swatch,
                                           const BudgChartColor  *color,
                                           const char            *name,
                                           const char            *value,
                                           const BudgChartStyle  *style);
void         budg_chart_draw_legend_more  (cairo_t               *cr,
                                           PangoLayout           *layout,
                                           const BudgChartLegend *legend,
                                           const BudgChartStyle  *style);
void         budg_chart_axes_draw_grid    (cairo_t               *cr,
                                           PangoLayout           *layout,
                                           const BudgChartAxes   *axes,
                                           const BudgChartData   *data,
                                           const BudgChartStyle  *style);
void         budg_chart_axes_draw_zero    (cairo_t               *cr,
                                           const BudgChartAxes   *axes,
                                           const BudgChartStyle  *style);

G_END_DECLS
