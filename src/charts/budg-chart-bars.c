/* budg-chart-bars.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-chart-bars"

#include "config.h"

#include <math.h>
#include <string.h>

#include "budg-chart-bars.h"
#include "budg-chart-private.h"
#include "budg-money.h"

/* Amounts per position (month): grouped, one bar per series side by side,
 * or stacked into one bar, positive values upwards from zero and negative
 * ones downwards. Each series has a legend entry with its total over the
 * chart, so that the amounts read without telling the colours apart.
 *
 * Bars are whole pixels: a bar from zero up to v covers the rows
 * [y(v), y(0)), one from zero down to -v the rows [y(0) + 1, y(-v) + 1),
 * leaving row y(0) to the zero line. Stacked segments share their edges.
 */

typedef struct
{
  BudgChartRect   title;
  BudgChartRect   body;
  BudgChartAxes   axes;
  BudgChartLegend legend;
  guint           n_series;
  gboolean        stacked;
} BarsLayout;

static gboolean
bars_layout_init (BarsLayout          *layout,
                  double               width,
                  double               height,
                  const BudgChartData *data)
{
  guint n_points = budg_chart_data_get_n_points (data);
  gint64 lowest = 0;
  gint64 highest = 0;
  double legend_height;
  BudgChartRect legend_area;
  guint rows;

  memset (layout, 0, sizeof *layout);
  budg_chart_frame_compute (width, height, data, &layout->title, &layout->body);
  layout->n_series = budg_chart_data_get_n_series (data);
  layout->stacked = budg_chart_data_get_kind (data) == BUDG_CHART_KIND_BARS_STACKED;

  if (layout->n_series == 0 || n_points == 0 || budg_chart_rect_is_empty (&layout->body))
    return FALSE;

  for (guint i = 0; i < n_points; i++)
    {
      gint64 above = 0;
      gint64 below = 0;

      for (guint s = 0; s < layout->n_series; s++)
        {
          gint64 value;

          if (!budg_chart_data_get_value (data, s, i, &value))
            continue;

          if (layout->stacked && value > 0)
            above = budg_chart_saturating_add (above, value);
          else if (layout->stacked)
            below = budg_chart_saturating_add (below, value);
          else
            {
              above = MAX (above, value);
              below = MIN (below, value);
            }
        }

      highest = MAX (highest, above);
      lowest = MIN (lowest, below);
    }

  rows = budg_chart_legend_rows_for (layout->body.width, layout->n_series);
  legend_height = MIN (rows * BUDG_CHART_ROW_HEIGHT,
                       floor (layout->body.height * 0.35 / BUDG_CHART_ROW_HEIGHT) * BUDG_CHART_ROW_HEIGHT);
  legend_area = (BudgChartRect) {
    layout->body.x, layout->body.y + layout->body.height - legend_height,
    layout->body.width, legend_height,
  };
  budg_chart_legend_layout (&layout->legend, &legend_area, layout->n_series);

  return budg_chart_axes_compute (&layout->axes, &layout->body,
                                  legend_height > 0 ? legend_height + 6 : 0,
                                  lowest, highest, n_points);
}

/* The rectangle of one bar (or stacked segment); %FALSE for a missing or
 * zero value, which has no bar.
 */
static gboolean
bar_rect (const BarsLayout    *layout,
          const BudgChartData *data,
          guint                series,
          guint                index,
          BudgChartRect       *out_rect)
{
  double slot_x = budg_chart_axes_slot_x (&layout->axes, index);
  double slot_width = layout->axes.slot_width;
  gint64 value;
  gint64 from = 0;
  double x0;
  double x1;
  double y_from;
  double y_to;
  double top;
  double bottom;

  if (series >= layout->n_series || index >= layout->axes.n_slots ||
      !budg_chart_data_get_value (data, series, index, &value) || value == 0)
    return FALSE;

  if (layout->stacked)
    {
      /* Each segment starts where the earlier series of the same sign end. */
      for (guint s = 0; s < series; s++)
        {
          gint64 earlier;

          if (budg_chart_data_get_value (data, s, index, &earlier) && (earlier > 0) == (value > 0))
            from = budg_chart_saturating_add (from, earlier);
        }

      x0 = round (slot_x + slot_width * 0.2);
      x1 = round (slot_x + slot_width * 0.8);
    }
  else
    {
      double bar_width = slot_width * 0.8 / layout->n_series;

      x0 = round (slot_x + slot_width * 0.1 + series * bar_width);
      x1 = round (slot_x + slot_width * 0.1 + (series + 1) * bar_width);
      /* A pixel between neighbours, when they are wide enough to spare it. */
      if (x1 - x0 >= 4)
        x1 -= 1;
    }

  if (x1 <= x0)
    x1 = x0 + 1;

  y_from = budg_chart_axes_y_for (&layout->axes, from);
  y_to = budg_chart_axes_y_for (&layout->axes, budg_chart_saturating_add (from, value));

  if (value > 0)
    {
      top = y_to;
      bottom = y_from;
      /* Whatever the scale, a value is never invisible. */
      if (bottom - top < 1)
        top = bottom - 1;
    }
  else
    {
      top = y_from + 1;
      bottom = y_to + 1;
      if (bottom - top < 1)
        bottom = top + 1;
    }

  *out_rect = (BudgChartRect) { x0, top, x1 - x0, bottom - top };

  return TRUE;
}

static void
series_color (const BudgChartData *data,
              guint                series,
              BudgChartColor      *out_color)
{
  budg_chart_color_for (budg_chart_data_get_series_color (data, series), series, out_color);
}

static char *
series_total_text (const BudgChartData *data,
                   guint                series)
{
  gint64 total = 0;

  for (guint i = 0; i < budg_chart_data_get_n_values (data, series); i++)
    {
      gint64 value;

      budg_chart_data_get_value (data, series, i, &value);
      total = budg_chart_saturating_add (total, value);
    }

  return budg_money_format (total, budg_chart_data_get_currency (data));
}

/**
 * budg_chart_bars_draw:
 * @cr: where to draw
 * @width: the width of the chart's area, from (0, 0)
 * @height: its height
 * @data: one series per colour, one value per label (month)
 * @style: colours and font
 *
 * Draws a grouped or stacked bar chart (after the data's kind) with its
 * value axis, labels, legend and title inside the area, and nothing
 * outside it. The zero line is drawn when some value is negative.
 */
void
budg_chart_bars_draw (cairo_t              *cr,
                      double                width,
                      double                height,
                      const BudgChartData  *data,
                      const BudgChartStyle *style)
{
  g_autoptr(PangoLayout) text_layout = NULL;
  BarsLayout layout;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (data != NULL);
  g_return_if_fail (style != NULL);

  cairo_save (cr);
  budg_chart_begin (cr, width, height, style);
  text_layout = budg_chart_create_layout (cr, style);

  if (!bars_layout_init (&layout, width, height, data))
    {
      budg_chart_draw_title (cr, text_layout, data, &layout.title, style);
      budg_chart_draw_empty (cr, text_layout, &layout.body, style);
      cairo_restore (cr);
      return;
    }

  budg_chart_draw_title (cr, text_layout, data, &layout.title, style);
  budg_chart_axes_draw_grid (cr, text_layout, &layout.axes, data, style);

  for (guint s = 0; s < layout.n_series; s++)
    {
      BudgChartColor color;

      series_color (data, s, &color);
      budg_chart_set_color (cr, &color);
      for (guint i = 0; i < layout.axes.n_slots; i++)
        {
          BudgChartRect rect;

          if (bar_rect (&layout, data, s, i, &rect))
            cairo_rectangle (cr, rect.x, rect.y, rect.width, rect.height);
        }
      cairo_fill (cr);
    }

  if (layout.axes.min < 0)
    budg_chart_axes_draw_zero (cr, &layout.axes, style);

  for (guint s = 0; s < layout.legend.n_shown; s++)
    {
      g_autofree char *total = series_total_text (data, s);
      BudgChartColor color;
      BudgChartRect cell;

      budg_chart_legend_get_entry (&layout.legend, s, &cell);
      series_color (data, s, &color);
      budg_chart_draw_legend_entry (cr, text_layout, &cell, BUDG_CHART_SWATCH_BOX, &color,
                                    budg_chart_data_get_series_name (data, s), total, style);
    }
  budg_chart_draw_legend_more (cr, text_layout, &layout.legend, style);

  cairo_restore (cr);
}

/**
 * budg_chart_bars_hit_test:
 * @width: the width the chart was drawn at
 * @height: its height
 * @data: what was drawn
 * @x: a point in the chart's area
 * @y: a point in the chart's area
 * @out_series: (out) (optional): the series of the bar under the point
 * @out_index: (out) (optional): its position
 *
 * Returns: %TRUE if the point is over a bar (or stacked segment)
 */
gboolean
budg_chart_bars_hit_test (double               width,
                          double               height,
                          const BudgChartData *data,
                          double               x,
                          double               y,
                          guint               *out_series,
                          guint               *out_index)
{
  BarsLayout layout;
  guint index;

  g_return_val_if_fail (data != NULL, FALSE);

  if (!bars_layout_init (&layout, width, height, data) ||
      !budg_chart_axes_slot_at (&layout.axes, x, &index))
    return FALSE;

  for (guint s = 0; s < layout.n_series; s++)
    {
      BudgChartRect rect;

      if (bar_rect (&layout, data, s, index, &rect) && budg_chart_rect_contains (&rect, x, y))
        {
          if (out_series != NULL)
            *out_series = s;
          if (out_index != NULL)
            *out_index = index;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * budg_chart_bars_get_item_center:
 * @width: the width the chart is drawn at
 * @height: its height
 * @data: what is drawn
 * @series: a series
 * @index: a position
 * @out_x: (out) (optional): the middle of the bar
 * @out_y: (out) (optional): the middle of the bar
 *
 * Returns: %TRUE if the bar is drawn
 */
gboolean
budg_chart_bars_get_item_center (double               width,
                                 double               height,
                                 const BudgChartData *data,
                                 guint                series,
                                 guint                index,
                                 double              *out_x,
                                 double              *out_y)
{
  BarsLayout layout;
  BudgChartRect rect;

  g_return_val_if_fail (data != NULL, FALSE);

  if (!bars_layout_init (&layout, width, height, data) ||
      !bar_rect (&layout, data, series, index, &rect))
    return FALSE;

  if (out_x != NULL)
    *out_x = rect.x + rect.width / 2;
  if (out_y != NULL)
    *out_y = rect.y + rect.height / 2;

  return TRUE;
}

/**
 * budg_chart_bars_draw_highlight:
 * @cr: where the chart was drawn
 * @width: the width it was drawn at
 * @height: its height
 * @data: what was drawn
 * @style: the style it was drawn in
 * @series: the bar's series
 * @index: the bar's position
 *
 * Outlines a bar in the text colour, for hover and keyboard focus.
 */
void
budg_chart_bars_draw_highlight (cairo_t              *cr,
                                double                width,
                                double                height,
                                const BudgChartData  *data,
                                const BudgChartStyle *style,
                                guint                 series,
                                guint                 index)
{
  BarsLayout layout;
  BudgChartRect rect;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (data != NULL);
  g_return_if_fail (style != NULL);

  if (!bars_layout_init (&layout, width, height, data) ||
      !bar_rect (&layout, data, series, index, &rect))
    return;

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  /* Around the bar rather than on it, so that a thin bar stays visible. */
  cairo_rectangle (cr, rect.x - 1, rect.y - 1, rect.width + 2, rect.height + 2);
  budg_chart_set_color (cr, &style->foreground);
  cairo_set_line_width (cr, 2.0);
  cairo_stroke (cr);
  cairo_restore (cr);
}
