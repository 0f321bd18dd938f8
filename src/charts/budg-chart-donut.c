/* budg-chart-donut.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-chart-donut"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "budg-chart-donut.h"
#include "budg-chart-private.h"
#include "budg-money.h"

/* Shares of a whole: the first series' values as slices, clockwise from
 * twelve o'clock in the order of the labels, with a legend that names
 * each slice's amount and share. Values of zero or less have no slice
 * (there is no share of a refund) but keep their legend entry.
 */

typedef struct
{
  BudgChartRect    title;
  BudgChartRect    body;
  BudgChartLegend  legend;
  double           center_x;
  double           center_y;
  double           outer_radius;
  double           inner_radius;
  gint64           total;
  guint            n_slices;
  /* n_slices + 1 angles in radians clockwise from twelve o'clock: slice i
   * spans [angles[i], angles[i + 1]). */
  GArray          *angles;
} DonutLayout;

static void
donut_layout_clear (DonutLayout *layout)
{
  g_clear_pointer (&layout->angles, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DonutLayout, donut_layout_clear)

static gint64
slice_value (const BudgChartData *data,
             guint                index)
{
  gint64 value;

  budg_chart_data_get_value (data, 0, index, &value);

  return value;
}

/* The one place that decides where everything goes, for drawing and
 * hit-testing alike. Returns %FALSE when there is no slice to draw.
 */
static gboolean
donut_layout_init (DonutLayout         *layout,
                   double               width,
                   double               height,
                   const BudgChartData *data)
{
  BudgChartRect ring_area;
  BudgChartRect legend_area;
  double sum = 0;

  memset (layout, 0, sizeof *layout);
  budg_chart_frame_compute (width, height, data, &layout->title, &layout->body);

  layout->n_slices = MAX (budg_chart_data_get_n_labels (data), budg_chart_data_get_n_values (data, 0));
  for (guint i = 0; i < layout->n_slices; i++)
    if (slice_value (data, i) > 0)
      layout->total = budg_chart_saturating_add (layout->total, slice_value (data, i));

  if (layout->total <= 0 || budg_chart_rect_is_empty (&layout->body))
    return FALSE;

  /* The legend goes beside a wide chart and below a tall one. */
  if (layout->body.width >= layout->body.height * 1.3)
    {
      double legend_width = floor (MIN (layout->body.width * 0.5, 280));
      double legend_height = MIN (layout->body.height, layout->n_slices * BUDG_CHART_ROW_HEIGHT);

      legend_area = (BudgChartRect) {
        layout->body.x + layout->body.width - legend_width,
        layout->body.y + floor ((layout->body.height - legend_height) / 2),
        legend_width, legend_height,
      };
      ring_area = (BudgChartRect) {
        layout->body.x, layout->body.y,
        layout->body.width - legend_width - 12, layout->body.height,
      };
    }
  else
    {
      guint rows = budg_chart_legend_rows_for (layout->body.width, layout->n_slices);
      double legend_height = MIN (rows * BUDG_CHART_ROW_HEIGHT,
                                  floor (layout->body.height * 0.4 / BUDG_CHART_ROW_HEIGHT) * BUDG_CHART_ROW_HEIGHT);

      legend_area = (BudgChartRect) {
        layout->body.x, layout->body.y + layout->body.height - legend_height,
        layout->body.width, legend_height,
      };
      ring_area = (BudgChartRect) {
        layout->body.x, layout->body.y,
        layout->body.width, layout->body.height - legend_height - 8,
      };
    }

  budg_chart_legend_layout (&layout->legend, &legend_area, layout->n_slices);

  layout->outer_radius = floor (MIN (ring_area.width, ring_area.height) / 2) - 1;
  if (layout->outer_radius < 4)
    layout->outer_radius = 0;
  layout->inner_radius = round (layout->outer_radius * 0.58);
  layout->center_x = ring_area.x + floor (ring_area.width / 2);
  layout->center_y = ring_area.y + floor (ring_area.height / 2);

  /* Angles from running sums in double: only the geometry is approximate,
   * the amounts shown stay exact. */
  layout->angles = g_array_sized_new (FALSE, FALSE, sizeof (double), layout->n_slices + 1);
  for (guint i = 0; i <= layout->n_slices; i++)
    {
      double angle = 2 * G_PI * sum / (double) layout->total;

      g_array_append_val (layout->angles, angle);
      if (i < layout->n_slices && slice_value (data, i) > 0)
        sum += (double) slice_value (data, i);
    }

  return TRUE;
}

static double
angle_start (const DonutLayout *layout,
             guint              index)
{
  return g_array_index (layout->angles, double, index);
}

static double
angle_end (const DonutLayout *layout,
           guint              index)
{
  return g_array_index (layout->angles, double, index + 1);
}

static gboolean
slice_is_drawn (const DonutLayout *layout,
                guint              index)
{
  return layout->outer_radius > 0 && index < layout->n_slices &&
         angle_end (layout, index) > angle_start (layout, index);
}

/* Cairo measures angles from three o'clock; ours start at twelve. */
static void
slice_path (cairo_t           *cr,
            const DonutLayout *layout,
            guint              index)
{
  double from = angle_start (layout, index) - G_PI / 2;
  double to = angle_end (layout, index) - G_PI / 2;

  cairo_new_path (cr);
  cairo_arc (cr, layout->center_x, layout->center_y, layout->outer_radius, from, to);
  cairo_arc_negative (cr, layout->center_x, layout->center_y, layout->inner_radius, to, from);
  cairo_close_path (cr);
}

static void
slice_color (const BudgChartData *data,
             guint                index,
             BudgChartColor      *out_color)
{
  budg_chart_color_for (budg_chart_data_get_label_color (data, index), index, out_color);
}

static char *
slice_value_text (const BudgChartData *data,
                  const DonutLayout   *layout,
                  guint                index)
{
  g_autofree char *amount = budg_money_format (slice_value (data, index),
                                               budg_chart_data_get_currency (data));
  g_autofree char *share = budg_chart_format_share (slice_value (data, index), layout->total);

  if (slice_value (data, index) <= 0)
    return g_steal_pointer (&amount);

  /* Translators: an amount and its share of the whole, as in "€412.50 (23%)" */
  return g_strdup_printf (C_("chart legend", "%s (%s)"), amount, share);
}

static void
draw_center (cairo_t              *cr,
             PangoLayout          *text_layout,
             const BudgChartData  *data,
             const DonutLayout    *layout,
             const BudgChartStyle *style)
{
  g_autofree char *total = NULL;
  double box_width = floor (layout->inner_radius * 1.6);
  BudgChartColor dim = style->foreground;
  BudgChartRect box;

  /* Two lines of text need the hole to be at least this big. */
  if (layout->inner_radius < 36)
    return;

  total = budg_money_format (layout->total, budg_chart_data_get_currency (data));
  dim.alpha *= 0.7;
  box = (BudgChartRect) {
    layout->center_x - box_width / 2, layout->center_y - BUDG_CHART_ROW_HEIGHT,
    box_width, BUDG_CHART_ROW_HEIGHT,
  };
  budg_chart_draw_text (cr, text_layout, _("Total"), &box, PANGO_ALIGN_CENTER, &dim);
  box.y += BUDG_CHART_ROW_HEIGHT;
  budg_chart_draw_text (cr, text_layout, total, &box, PANGO_ALIGN_CENTER, &style->foreground);
}

/**
 * budg_chart_donut_draw:
 * @cr: where to draw
 * @width: the width of the chart's area, from (0, 0)
 * @height: its height
 * @data: the slices: the first series' values, named by the labels
 * @style: colours and font
 *
 * Draws a donut chart, its legend and its title inside the area, and
 * nothing outside it.
 */
void
budg_chart_donut_draw (cairo_t              *cr,
                       double                width,
                       double                height,
                       const BudgChartData  *data,
                       const BudgChartStyle *style)
{
  g_auto(DonutLayout) layout = { 0 };
  g_autoptr(PangoLayout) text_layout = NULL;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (data != NULL);
  g_return_if_fail (style != NULL);

  cairo_save (cr);
  budg_chart_begin (cr, width, height, style);
  text_layout = budg_chart_create_layout (cr, style);

  if (!donut_layout_init (&layout, width, height, data))
    {
      budg_chart_draw_title (cr, text_layout, data, &layout.title, style);
      budg_chart_draw_empty (cr, text_layout, &layout.body, style);
      cairo_restore (cr);
      return;
    }

  budg_chart_draw_title (cr, text_layout, data, &layout.title, style);

  for (guint i = 0; i < layout.n_slices; i++)
    {
      BudgChartColor color;

      if (!slice_is_drawn (&layout, i))
        continue;

      slice_color (data, i, &color);
      budg_chart_set_color (cr, &color);
      slice_path (cr, &layout, i);
      cairo_fill (cr);
    }

  draw_center (cr, text_layout, data, &layout, style);

  for (guint i = 0; i < layout.legend.n_shown; i++)
    {
      g_autofree char *value = slice_value_text (data, &layout, i);
      BudgChartColor color;
      BudgChartRect cell;

      budg_chart_legend_get_entry (&layout.legend, i, &cell);
      slice_color (data, i, &color);
      budg_chart_draw_legend_entry (cr, text_layout, &cell, BUDG_CHART_SWATCH_BOX, &color,
                                    budg_chart_data_get_label (data, i), value, style);
    }
  budg_chart_draw_legend_more (cr, text_layout, &layout.legend, style);

  cairo_restore (cr);
}

/**
 * budg_chart_donut_hit_test:
 * @width: the width the chart was drawn at
 * @height: its height
 * @data: what was drawn
 * @x: a point in the chart's area
 * @y: a point in the chart's area
 * @out_series: (out) (optional): always 0
 * @out_index: (out) (optional): the slice under the point
 *
 * Finds the slice under a point of the ring, or named by the legend entry
 * under it.
 *
 * Returns: %TRUE if the point is over a slice or its legend entry
 */
gboolean
budg_chart_donut_hit_test (double               width,
                           double               height,
                           const BudgChartData *data,
                           double               x,
                           double               y,
                           guint               *out_series,
                           guint               *out_index)
{
  g_auto(DonutLayout) layout = { 0 };
  double dx;
  double dy;
  double distance;
  double angle;
  guint entry;

  g_return_val_if_fail (data != NULL, FALSE);

  if (!donut_layout_init (&layout, width, height, data))
    return FALSE;

  if (budg_chart_legend_hit (&layout.legend, x, y, &entry))
    {
      if (out_series != NULL)
        *out_series = 0;
      if (out_index != NULL)
        *out_index = entry;
      return TRUE;
    }

  dx = x - layout.center_x;
  dy = y - layout.center_y;
  distance = sqrt (dx * dx + dy * dy);
  if (layout.outer_radius <= 0 || distance < layout.inner_radius || distance > layout.outer_radius)
    return FALSE;

  /* Clockwise from twelve o'clock, in [0, 2π). */
  angle = atan2 (dx, -dy);
  if (angle < 0)
    angle += 2 * G_PI;

  for (guint i = 0; i < layout.n_slices; i++)
    if (slice_is_drawn (&layout, i) && angle >= angle_start (&layout, i) && angle < angle_end (&layout, i))
      {
        if (out_series != NULL)
          *out_series = 0;
        if (out_index != NULL)
          *out_index = i;
        return TRUE;
      }

  return FALSE;
}

/**
 * budg_chart_donut_get_item_center:
 * @width: the width the chart is drawn at
 * @height: its height
 * @data: what is drawn
 * @series: must be 0
 * @index: a slice
 * @out_x: (out) (optional): the middle of the slice
 * @out_y: (out) (optional): the middle of the slice
 *
 * Returns: %TRUE if the slice is drawn
 */
gboolean
budg_chart_donut_get_item_center (double               width,
                                  double               height,
                                  const BudgChartData *data,
                                  guint                series,
                                  guint                index,
                                  double              *out_x,
                                  double              *out_y)
{
  g_auto(DonutLayout) layout = { 0 };
  double angle;
  double radius;

  g_return_val_if_fail (data != NULL, FALSE);

  if (series != 0 || !donut_layout_init (&layout, width, height, data) || !slice_is_drawn (&layout, index))
    return FALSE;

  angle = (angle_start (&layout, index) + angle_end (&layout, index)) / 2;
  radius = (layout.inner_radius + layout.outer_radius) / 2;
  if (out_x != NULL)
    *out_x = layout.center_x + radius * sin (angle);
  if (out_y != NULL)
    *out_y = layout.center_y - radius * cos (angle);

  return TRUE;
}

/**
 * budg_chart_donut_draw_highlight:
 * @cr: where the chart was drawn
 * @width: the width it was drawn at
 * @height: its height
 * @data: what was drawn
 * @style: the style it was drawn in
 * @series: must be 0
 * @index: the slice to outline
 *
 * Outlines a slice in the text colour, for hover and keyboard focus.
 */
void
budg_chart_donut_draw_highlight (cairo_t              *cr,
                                 double                width,
                                 double                height,
                                 const BudgChartData  *data,
                                 const BudgChartStyle *style,
                                 guint                 series,
                                 guint                 index)
{
  g_auto(DonutLayout) layout = { 0 };

  g_return_if_fail (cr != NULL);
  g_return_if_fail (data != NULL);
  g_return_if_fail (style != NULL);

  if (series != 0 || !donut_layout_init (&layout, width, height, data) || !slice_is_drawn (&layout, index))
    return;

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  slice_path (cr, &layout, index);
  budg_chart_set_color (cr, &style->foreground);
  cairo_set_line_width (cr, 2.0);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/**
 * budg_chart_donut_get_ring:
 * @width: the width the chart is drawn at
 * @height: its height
 * @data: what is drawn
 * @out_center_x: (out) (optional): the ring's centre
 * @out_center_y: (out) (optional): the ring's centre
 * @out_inner_radius: (out) (optional): the radius of the hole
 * @out_outer_radius: (out) (optional): the radius of the ring
 *
 * Returns: %TRUE if a ring is drawn at all
 */
gboolean
budg_chart_donut_get_ring (double               width,
                           double               height,
                           const BudgChartData *data,
                           double              *out_center_x,
                           double              *out_center_y,
                           double              *out_inner_radius,
                           double              *out_outer_radius)
{
  g_auto(DonutLayout) layout = { 0 };

  g_return_val_if_fail (data != NULL, FALSE);

  if (!donut_layout_init (&layout, width, height, data) || layout.outer_radius <= 0)
    return FALSE;

  if (out_center_x != NULL)
    *out_center_x = layout.center_x;
  if (out_center_y != NULL)
    *out_center_y = layout.center_y;
  if (out_inner_radius != NULL)
    *out_inner_radius = layout.inner_radius;
  if (out_outer_radius != NULL)
    *out_outer_radius = layout.outer_radius;

  return TRUE;
}
