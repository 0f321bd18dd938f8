/* budg-chart-line.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-chart-line"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "budg-chart-line.h"
#include "budg-chart-private.h"
#include "budg-money.h"

/* Balances over time: one line per series through the positions (days,
 * months), always with the zero line, and dashed from the last recorded
 * point into the projected ones, so that the forecast never reads as what
 * happened. Projected points are hollow for the same reason, and the
 * legend has an entry for the dashes.
 */

/* How far from a point, vertically, the pointer still hits it. */
#define HIT_DISTANCE 8.0
#define MARKER_RADIUS 3.0

typedef struct
{
  BudgChartRect   title;
  BudgChartRect   body;
  BudgChartAxes   axes;
  BudgChartLegend legend;
  guint           n_series;
  guint           n_points;
  gboolean        has_projection;
  gboolean        markers;
} LineLayout;

static gboolean
line_layout_init (LineLayout          *layout,
                  double               width,
                  double               height,
                  const BudgChartData *data)
{
  gint64 lowest = 0;
  gint64 highest = 0;
  double legend_height;
  BudgChartRect legend_area;
  guint n_entries;
  guint rows;

  memset (layout, 0, sizeof *layout);
  budg_chart_frame_compute (width, height, data, &layout->title, &layout->body);
  layout->n_series = budg_chart_data_get_n_series (data);
  layout->n_points = budg_chart_data_get_n_points (data);
  layout->has_projection = budg_chart_data_get_projected_from (data) < layout->n_points;

  if (layout->n_series == 0 || layout->n_points == 0 || budg_chart_rect_is_empty (&layout->body))
    return FALSE;

  for (guint s = 0; s < layout->n_series; s++)
    for (guint i = 0; i < budg_chart_data_get_n_values (data, s); i++)
      {
        gint64 value;

        budg_chart_data_get_value (data, s, i, &value);
        lowest = MIN (lowest, value);
        highest = MAX (highest, value);
      }

  n_entries = layout->n_series + (layout->has_projection ? 1 : 0);
  rows = budg_chart_legend_rows_for (layout->body.width, n_entries);
  legend_height = MIN (rows * BUDG_CHART_ROW_HEIGHT,
                       floor (layout->body.height * 0.35 / BUDG_CHART_ROW_HEIGHT) * BUDG_CHART_ROW_HEIGHT);
  legend_area = (BudgChartRect) {
    layout->body.x, layout->body.y + layout->body.height - legend_height,
    layout->body.width, legend_height,
  };
  budg_chart_legend_layout (&layout->legend, &legend_area, n_entries);

  if (!budg_chart_axes_compute (&layout->axes, &layout->body,
                                legend_height > 0 ? legend_height + 6 : 0,
                                lowest, highest, layout->n_points))
    return FALSE;

  /* Markers help on a few months, and clutter a year of days. */
  layout->markers = layout->axes.slot_width >= 14;

  return TRUE;
}

static gboolean
point_at (const LineLayout    *layout,
          const BudgChartData *data,
          guint                series,
          guint                index,
          double              *out_x,
          double              *out_y)
{
  gint64 value;

  if (series >= layout->n_series || index >= layout->n_points ||
      !budg_chart_data_get_value (data, series, index, &value))
    return FALSE;

  *out_x = round (budg_chart_axes_slot_x (&layout->axes, index) + layout->axes.slot_width / 2);
  *out_y = budg_chart_axes_y_for (&layout->axes, value);

  return TRUE;
}

static void
series_color (const BudgChartData *data,
              guint                series,
              BudgChartColor      *out_color)
{
  budg_chart_color_for (budg_chart_data_get_series_color (data, series), series, out_color);
}

/* Adds one series' segments to the path: the recorded ones when
 * @projected is %FALSE, the projected ones (each ending on a projected
 * point) when it is %TRUE. Gaps in the values break the line.
 */
static void
series_path (cairo_t             *cr,
             const LineLayout    *layout,
             const BudgChartData *data,
             guint                series,
             gboolean             projected)
{
  gboolean have_previous = FALSE;
  gboolean drawing = FALSE;
  double previous_x = 0;
  double previous_y = 0;

  for (guint i = 0; i < layout->n_points; i++)
    {
      double x;
      double y;

      if (!point_at (layout, data, series, i, &x, &y))
        {
          have_previous = FALSE;
          drawing = FALSE;
          continue;
        }

      if (have_previous && budg_chart_data_is_projected (data, i) == projected)
        {
          if (!drawing)
            cairo_move_to (cr, previous_x, previous_y);
          cairo_line_to (cr, x, y);
          drawing = TRUE;
        }
      else
        drawing = FALSE;

      have_previous = TRUE;
      previous_x = x;
      previous_y = y;
    }
}

static void
draw_series (cairo_t              *cr,
             const LineLayout     *layout,
             const BudgChartData  *data,
             const BudgChartStyle *style,
             guint                 series)
{
  static const double dashes[] = { BUDG_CHART_DASH_ON, BUDG_CHART_DASH_OFF };
  BudgChartColor color;

  series_color (data, series, &color);

  cairo_save (cr);
  budg_chart_set_color (cr, &color);
  cairo_set_line_width (cr, BUDG_CHART_LINE_WIDTH);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  cairo_new_path (cr);
  series_path (cr, layout, data, series, FALSE);
  cairo_stroke (cr);

  cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  series_path (cr, layout, data, series, TRUE);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  if (layout->markers)
    for (guint i = 0; i < layout->n_points; i++)
      {
        double x;
        double y;

        if (!point_at (layout, data, series, i, &x, &y))
          continue;

        cairo_new_sub_path (cr);
        if (budg_chart_data_is_projected (data, i))
          {
            /* Hollow: the background shows through, or, on a transparent
             * background, the widget's own. */
            cairo_arc (cr, x, y, MARKER_RADIUS, 0, 2 * G_PI);
            cairo_save (cr);
            cairo_set_operator (cr, style->background.alpha > 0 ? CAIRO_OPERATOR_OVER : CAIRO_OPERATOR_CLEAR);
            budg_chart_set_color (cr, &style->background);
            cairo_fill_preserve (cr);
            cairo_restore (cr);
            cairo_set_line_width (cr, 1.5);
            cairo_stroke (cr);
          }
        else
          {
            cairo_arc (cr, x, y, MARKER_RADIUS, 0, 2 * G_PI);
            cairo_fill (cr);
          }
      }

  cairo_restore (cr);
}

static char *
last_value_text (const BudgChartData *data,
                 guint                series)
{
  guint n_values = budg_chart_data_get_n_values (data, series);
  gint64 value;

  if (n_values == 0)
    return NULL;

  budg_chart_data_get_value (data, series, n_values - 1, &value);

  return budg_money_format (value, budg_chart_data_get_currency (data));
}

/**
 * budg_chart_line_draw:
 * @cr: where to draw
 * @width: the width of the chart's area, from (0, 0)
 * @height: its height
 * @data: one line per series, one value per label (day, month); the
 *   projected positions are drawn dashed
 * @style: colours and font
 *
 * Draws a line chart with its zero line, value axis, labels, legend and
 * title inside the area, and nothing outside it.
 */
void
budg_chart_line_draw (cairo_t              *cr,
                      double                width,
                      double                height,
                      const BudgChartData  *data,
                      const BudgChartStyle *style)
{
  g_autoptr(PangoLayout) text_layout = NULL;
  LineLayout layout;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (data != NULL);
  g_return_if_fail (style != NULL);

  cairo_save (cr);
  budg_chart_begin (cr, width, height, style);
  text_layout = budg_chart_create_layout (cr, style);

  if (!line_layout_init (&layout, width, height, data))
    {
      budg_chart_draw_title (cr, text_layout, data, &layout.title, style);
      budg_chart_draw_empty (cr, text_layout, &layout.body, style);
      cairo_restore (cr);
      return;
    }

  budg_chart_draw_title (cr, text_layout, data, &layout.title, style);
  budg_chart_axes_draw_grid (cr, text_layout, &layout.axes, data, style);
  budg_chart_axes_draw_zero (cr, &layout.axes, style);

  for (guint s = 0; s < layout.n_series; s++)
    draw_series (cr, &layout, data, style, s);

  for (guint e = 0; e < layout.legend.n_shown; e++)
    {
      BudgChartRect cell;

      budg_chart_legend_get_entry (&layout.legend, e, &cell);
      if (e < layout.n_series)
        {
          g_autofree char *last = last_value_text (data, e);
          BudgChartColor color;

          series_color (data, e, &color);
          budg_chart_draw_legend_entry (cr, text_layout, &cell, BUDG_CHART_SWATCH_LINE, &color,
                                        budg_chart_data_get_series_name (data, e), last, style);
        }
      else
        budg_chart_draw_legend_entry (cr, text_layout, &cell, BUDG_CHART_SWATCH_DASHED,
                                      &style->foreground, _("Projected"), NULL, style);
    }
  budg_chart_draw_legend_more (cr, text_layout, &layout.legend, style);

  cairo_restore (cr);
}

/**
 * budg_chart_line_hit_test:
 * @width: the width the chart was drawn at
 * @height: its height
 * @data: what was drawn
 * @x: a point in the chart's area
 * @y: a point in the chart's area
 * @out_series: (out) (optional): the series of the point hit
 * @out_index: (out) (optional): its position
 *
 * Finds the point nearest to (@x, @y) in the position under @x, if it is
 * close enough vertically.
 *
 * Returns: %TRUE if a point was hit
 */
gboolean
budg_chart_line_hit_test (double               width,
                          double               height,
                          const BudgChartData *data,
                          double               x,
                          double               y,
                          guint               *out_series,
                          guint               *out_index)
{
  LineLayout layout;
  double best = HIT_DISTANCE;
  gboolean found = FALSE;
  guint index;

  g_return_val_if_fail (data != NULL, FALSE);

  if (!line_layout_init (&layout, width, height, data) ||
      !budg_chart_axes_slot_at (&layout.axes, x, &index) ||
      y < layout.axes.plot.y - HIT_DISTANCE || y > layout.axes.plot.y + layout.axes.plot.height + HIT_DISTANCE)
    return FALSE;

  for (guint s = 0; s < layout.n_series; s++)
    {
      double point_x;
      double point_y;

      if (point_at (&layout, data, s, index, &point_x, &point_y) && fabs (point_y - y) <= best)
        {
          best = fabs (point_y - y);
          found = TRUE;
          if (out_series != NULL)
            *out_series = s;
          if (out_index != NULL)
            *out_index = index;
        }
    }

  return found;
}

/**
 * budg_chart_line_get_item_center:
 * @width: the width the chart is drawn at
 * @height: its height
 * @data: what is drawn
 * @series: a series
 * @index: a position
 * @out_x: (out) (optional): the point
 * @out_y: (out) (optional): the point
 *
 * Returns: %TRUE if the series has a point at @index
 */
gboolean
budg_chart_line_get_item_center (double               width,
                                 double               height,
                                 const BudgChartData *data,
                                 guint                series,
                                 guint                index,
                                 double              *out_x,
                                 double              *out_y)
{
  LineLayout layout;
  double x;
  double y;

  g_return_val_if_fail (data != NULL, FALSE);

  if (!line_layout_init (&layout, width, height, data) ||
      !point_at (&layout, data, series, index, &x, &y))
    return FALSE;

  if (out_x != NULL)
    *out_x = x;
  if (out_y != NULL)
    *out_y = y;

  return TRUE;
}

/**
 * budg_chart_line_draw_highlight:
 * @cr: where the chart was drawn
 * @width: the width it was drawn at
 * @height: its height
 * @data: what was drawn
 * @style: the style it was drawn in
 * @series: the point's series
 * @index: the point's position
 *
 * Rings a point in the text colour, for hover and keyboard focus.
 */
void
budg_chart_line_draw_highlight (cairo_t              *cr,
                                double                width,
                                double                height,
                                const BudgChartData  *data,
                                const BudgChartStyle *style,
                                guint                 series,
                                guint                 index)
{
  LineLayout layout;
  double x;
  double y;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (data != NULL);
  g_return_if_fail (style != NULL);

  if (!line_layout_init (&layout, width, height, data) ||
      !point_at (&layout, data, series, index, &x, &y))
    return;

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  cairo_new_path (cr);
  cairo_arc (cr, x, y, MARKER_RADIUS + 3, 0, 2 * G_PI);
  budg_chart_set_color (cr, &style->foreground);
  cairo_set_line_width (cr, 2.0);
  cairo_stroke (cr);
  cairo_restore (cr);
}
