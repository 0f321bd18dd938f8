/* budg-chart-palette.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * BudgChartColor:
 * @red: red, 0 to 1
 * @green: green, 0 to 1
 * @blue: blue, 0 to 1
 * @alpha: opacity, 0 (transparent) to 1
 *
 * A colour for cairo. The charts layer sits below GTK, so it cannot use
 * #GdkRGBA; the layout is the same, so a widget can copy one into the other.
 */
typedef struct
{
  double red;
  double green;
  double blue;
  double alpha;
} BudgChartColor;

/**
 * BudgChartStyle:
 * @foreground: text, axes and the zero line
 * @background: what the chart is drawn on; an alpha of 0 leaves the surface
 *   as it is (a widget draws over its own background)
 * @grid: the grid lines behind bars and lines
 * @font: a Pango font description ("Cantarell 11")
 * @dark: whether @background is dark, for the few things that differ
 *
 * The colours and font a chart is drawn with: the widget fills it from its
 * CSS, export from budg_chart_style_init_light() or
 * budg_chart_style_init_dark().
 */
typedef struct
{
  BudgChartColor foreground;
  BudgChartColor background;
  BudgChartColor grid;
  char           font[64];
  gboolean       dark;
} BudgChartStyle;

guint    budg_chart_palette_get_n_colors (void);
void     budg_chart_palette_get_color    (guint                index,
                                          BudgChartColor      *out_color);
gboolean budg_chart_color_parse          (const char          *text,
                                          BudgChartColor      *out_color);
void     budg_chart_color_for            (const char          *text,
                                          guint                palette_index,
                                          BudgChartColor      *out_color);

void     budg_chart_style_init_light     (BudgChartStyle      *style);
void     budg_chart_style_init_dark      (BudgChartStyle      *style);
void     budg_chart_style_set_font       (BudgChartStyle      *style,
                                          const char          *font);

G_END_DECLS
