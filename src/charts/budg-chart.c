/* budg-chart.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-chart"

#include "config.h"

#include <glib/gi18n.h>

#include "budg-chart-bars.h"
#include "budg-chart-donut.h"
#include "budg-chart-line.h"
#include "budg-chart-private.h"
#include "budg-chart.h"
#include "budg-money.h"

/* The entry points for whoever holds chart data without caring about its
 * kind: the widget, export and the CLI. Each forwards to the module of the
 * data's kind; the descriptions (tooltips, accessible text) live here
 * because they depend on the data only, not on any geometry.
 */

/**
 * budg_chart_draw:
 * @cr: where to draw
 * @width: the width of the chart's area, from (0, 0) in @cr's user space
 * @height: its height
 * @data: what to draw
 * @style: colours and font
 *
 * Draws @data as its kind says, inside [0, @width] × [0, @height] only.
 * The same call draws on screen and into PNG, PDF and SVG files.
 */
void
budg_chart_draw (cairo_t              *cr,
                 double                width,
                 double                height,
                 const BudgChartData  *data,
                 const BudgChartStyle *style)
{
  g_return_if_fail (cr != NULL);
  g_return_if_fail (data != NULL);
  g_return_if_fail (style != NULL);

  switch (budg_chart_data_get_kind (data))
    {
    case BUDG_CHART_KIND_DONUT:
      budg_chart_donut_draw (cr, width, height, data, style);
      break;

    case BUDG_CHART_KIND_BARS_GROUPED:
    case BUDG_CHART_KIND_BARS_STACKED:
      budg_chart_bars_draw (cr, width, height, data, style);
      break;

    case BUDG_CHART_KIND_LINE:
      budg_chart_line_draw (cr, width, height, data, style);
      break;

    default:
      g_assert_not_reached ();
    }
}

/**
 * budg_chart_hit_test:
 * @width: the width the chart was drawn at
 * @height: its height
 * @data: what was drawn
 * @x: a point in the chart's area
 * @y: a point in the chart's area
 * @out_series: (out) (optional): the series of the item under the point
 * @out_index: (out) (optional): the item's position
 *
 * Finds the slice, bar or point under (@x, @y), from the same geometry
 * budg_chart_draw() draws with.
 *
 * Returns: %TRUE if there is one
 */
gboolean
budg_chart_hit_test (double               width,
                     double               height,
                     const BudgChartData *data,
                     double               x,
                     double               y,
                     guint               *out_series,
                     guint               *out_index)
{
  g_return_val_if_fail (data != NULL, FALSE);

  switch (budg_chart_data_get_kind (data))
    {
    case BUDG_CHART_KIND_DONUT:
      return budg_chart_donut_hit_test (width, height, data, x, y, out_series, out_index);

    case BUDG_CHART_KIND_BARS_GROUPED:
    case BUDG_CHART_KIND_BARS_STACKED:
      return budg_chart_bars_hit_test (width, height, data, x, y, out_series, out_index);

    case BUDG_CHART_KIND_LINE:
      return budg_chart_line_hit_test (width, height, data, x, y, out_series, out_index);

    default:
      g_assert_not_reached ();
    }
}

/**
 * budg_chart_get_item_center:
 * @width: the width the chart is drawn at
 * @height: its height
 * @data: what is drawn
 * @series: the item's series
 * @index: the item's position
 * @out_x: (out) (optional): the middle of the item
 * @out_y: (out) (optional): the middle of the item
 *
 * Where a slice, bar or point is: to place a popover, or to point at it
 * in a test.
 *
 * Returns: %TRUE if the item is drawn
 */
gboolean
budg_chart_get_item_center (double               width,
                            double               height,
                            const BudgChartData *data,
                            guint                series,
                            guint                index,
                            double              *out_x,
                            double              *out_y)
{
  g_return_val_if_fail (data != NULL, FALSE);

  switch (budg_chart_data_get_kind (data))
    {
    case BUDG_CHART_KIND_DONUT:
      return budg_chart_donut_get_item_center (width, height, data, series, index, out_x, out_y);

    case BUDG_CHART_KIND_BARS_GROUPED:
    case BUDG_CHART_KIND_BARS_STACKED:
      return budg_chart_bars_get_item_center (width, height, data, series, index, out_x, out_y);

    case BUDG_CHART_KIND_LINE:
      return budg_chart_line_get_item_center (width, height, data, series, index, out_x, out_y);

    default:
      g_assert_not_reached ();
    }
}

/**
 * budg_chart_draw_highlight:
 * @cr: where the chart was drawn
 * @width: the width it was drawn at
 * @height: its height
 * @data: what was drawn
 * @style: the style it was drawn in
 * @series: the item's series
 * @index: the item's position
 *
 * Marks one item over a drawn chart, for hover and keyboard focus.
 */
void
budg_chart_draw_highlight (cairo_t              *cr,
                           double                width,
                           double                height,
                           const BudgChartData  *data,
                           const BudgChartStyle *style,
                           guint                 series,
                           guint                 index)
{
  g_return_if_fail (cr != NULL);
  g_return_if_fail (data != NULL);
  g_return_if_fail (style != NULL);

  switch (budg_chart_data_get_kind (data))
    {
    case BUDG_CHART_KIND_DONUT:
      budg_chart_donut_draw_highlight (cr, width, height, data, style, series, index);
      break;

    case BUDG_CHART_KIND_BARS_GROUPED:
    case BUDG_CHART_KIND_BARS_STACKED:
      budg_chart_bars_draw_highlight (cr, width, height, data, style, series, index);
      break;

    case BUDG_CHART_KIND_LINE:
      budg_chart_line_draw_highlight (cr, width, height, data, style, series, index);
      break;

    default:
      g_assert_not_reached ();
    }
}

/**
 * budg_chart_list_items:
 * @data: chart data
 *
 * The items the keyboard moves between, in reading order: the slices
 * that have a share, then by position the bars that have a value (series
 * by series within a position), or the points of the lines.
 *
 * Returns: (transfer full) (element-type BudgChartItem): the items
 */
GArray *
budg_chart_list_items (const BudgChartData *data)
{
  GArray *items;
  guint n_series;
  guint n_points;

  g_return_val_if_fail (data != NULL, NULL);

  items = g_array_new (FALSE, FALSE, sizeof (BudgChartItem));
  n_series = budg_chart_data_get_n_series (data);
  n_points = budg_chart_data_get_n_points (data);

  if (budg_chart_data_get_kind (data) == BUDG_CHART_KIND_DONUT)
    n_series = MIN (n_series, 1);

  for (guint i = 0; i < n_points; i++)
    for (guint s = 0; s < n_series; s++)
      {
        BudgChartItem item = { s, i };
        gint64 value;

        if (!budg_chart_data_get_value (data, s, i, &value))
          continue;

        /* Items without a slice or a bar cannot be pointed at either. */
        if (budg_chart_data_get_kind (data) == BUDG_CHART_KIND_DONUT && value <= 0)
          continue;
        if (budg_chart_data_get_kind (data) != BUDG_CHART_KIND_LINE && value == 0)
          continue;

        g_array_append_val (items, item);
      }

  return items;
}

static gint64
donut_total (const BudgChartData *data)
{
  gint64 total = 0;

  for (guint i = 0; i < budg_chart_data_get_n_values (data, 0); i++)
    {
      gint64 value;

      budg_chart_data_get_value (data, 0, i, &value);
      if (value > 0)
        total = budg_chart_saturating_add (total, value);
    }

  return total;
}

/**
 * budg_chart_describe_hit:
 * @data: chart data
 * @series: an item's series
 * @index: the item's position
 *
 * The text shown when hovering an item: "Groceries — €412.50 (23%)" for a
 * slice, "Groceries, March — €412.50" for a bar of one of several series,
 * "Checking, 12 May — €1,200.00 (projected)" for a projected point.
 *
 * Returns: (transfer full) (nullable): the text, or %NULL if @data has no
 *   value there
 */
char *
budg_chart_describe_hit (const BudgChartData *data,
                         guint                series,
                         guint                index)
{
  g_autofree char *amount = NULL;
  g_autofree char *item = NULL;
  const char *label;
  gint64 value;

  g_return_val_if_fail (data != NULL, NULL);

  if (!budg_chart_data_get_value (data, series, index, &value))
    return NULL;

  amount = budg_money_format (value, budg_chart_data_get_currency (data));
  label = budg_chart_data_get_label (data, index);

  if (budg_chart_data_get_kind (data) == BUDG_CHART_KIND_DONUT)
    {
      gint64 total = donut_total (data);
      g_autofree char *share = NULL;

      if (value <= 0 || total <= 0)
        /* Translators: a slice's name and amount, as in "Refunds — €-12.00" */
        return g_strdup_printf (C_("chart item", "%s — %s"), label, amount);

      share = budg_chart_format_share (value, total);
      /* Translators: a slice's name, amount and share, as in "Groceries — €412.50 (23%)" */
      return g_strdup_printf (C_("chart item", "%s — %s (%s)"), label, amount, share);
    }

  /* One series needs no name; several do. */
  if (budg_chart_data_get_n_series (data) > 1)
    /* Translators: a series and a position, as in "Groceries, March" */
    item = g_strdup_printf (C_("chart item", "%s, %s"),
                            budg_chart_data_get_series_name (data, series), label);
  else
    item = g_strdup (label);

  if (budg_chart_data_get_kind (data) == BUDG_CHART_KIND_LINE && budg_chart_data_is_projected (data, index))
    /* Translators: a point of the forecast, as in "Checking, 12 May — €1,200.00 (projected)" */
    return g_strdup_printf (C_("chart item", "%s — %s (projected)"), item, amount);

  /* Translators: an item and its amount, as in "March — €412.50" */
  return g_strdup_printf (C_("chart item", "%s — %s"), item, amount);
}

/**
 * budg_chart_describe:
 * @data: chart data
 *
 * Every value of the chart in words, one item a line, for the accessible
 * description and for anyone who cannot see the chart.
 *
 * Returns: (transfer full): the description; "" for a chart without values
 */
char *
budg_chart_describe (const BudgChartData *data)
{
  g_autoptr(GArray) items = NULL;
  GString *text;

  g_return_val_if_fail (data != NULL, NULL);

  items = budg_chart_list_items (data);
  text = g_string_new (NULL);

  for (guint i = 0; i < items->len; i++)
    {
      const BudgChartItem *item = &g_array_index (items, BudgChartItem, i);
      g_autofree char *line = budg_chart_describe_hit (data, item->series, item->index);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, line);
    }

  return g_string_free (text, FALSE);
}
