/* test-charts.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-charts"

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "budg-chart-donut.h"
#include "budg-chart-export.h"
#include "budg-chart-private.h"
#include "budg-chart.h"
#include "budg-error.h"

/* Charts drawn into image surfaces and read back pixel by pixel: what the
 * geometry promises (a slice at its angle, a bar as tall as its value, a
 * dashed forecast, a zero line) must be what lands on the pixels, and the
 * hit-test must find the thing whose colour is under the pointer.
 */

#define WIDTH  400
#define HEIGHT 300

/* Channels within this of each other are the same colour: an opaque fill
 * lands exactly, but the palette's 8-bit values go through doubles. */
#define TOLERANCE 2

/* Helpers ------------------------------------------------------------------- */

static cairo_surface_t *
render (const BudgChartData  *data,
        const BudgChartStyle *style,
        int                   width,
        int                   height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  budg_chart_draw (cr, width, height, data, style);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

static guint32
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  const guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (y, <, cairo_image_surface_get_height (surface));

  return *(const guint32 *) (data + y * stride + x * 4);
}

static gboolean
pixel_is (guint32               pixel,
          const BudgChartColor *color)
{
  int alpha = (pixel >> 24) & 0xff;
  int red = (pixel >> 16) & 0xff;
  int green = (pixel >> 8) & 0xff;
  int blue = pixel & 0xff;

  return alpha == 255 &&
         ABS (red - (int) round (color->red * 255)) <= TOLERANCE &&
         ABS (green - (int) round (color->green * 255)) <= TOLERANCE &&
         ABS (blue - (int) round (color->blue * 255)) <= TOLERANCE;
}

/* 0 (black) to 255 (white), for opaque pixels. */
static int
luminance (guint32 pixel)
{
  return (((pixel >> 16) & 0xff) * 3 + ((pixel >> 8) & 0xff) * 6 + (pixel & 0xff)) / 10;
}

static BudgChartColor
palette (guint index)
{
  BudgChartColor color;

  budg_chart_palette_get_color (index, &color);

  return color;
}

static void
transparent_style (BudgChartStyle *style)
{
  budg_chart_style_init_light (style);
  style->background.alpha = 0;
}

static BudgChartData *
make_donut (const gint64 *values,
            guint         n_values)
{
  BudgChartData *data = budg_chart_data_new (BUDG_CHART_KIND_DONUT, "Spending", "EUR");

  budg_chart_data_add_series (data, "Spending", NULL);
  for (guint i = 0; i < n_values; i++)
    {
      g_autofree char *label = g_strdup_printf ("Category %u", i + 1);

      budg_chart_data_add_label (data, label, NULL);
      budg_chart_data_append_value (data, 0, values[i]);
    }

  return data;
}

static BudgChartData *
make_bars (BudgChartKind kind,
           guint         n_series,
           guint         n_points,
           const gint64 *values)
{
  static const char * const months[] = {
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
  };
  BudgChartData *data = budg_chart_data_new (kind, "Months", "EUR");

  for (guint i = 0; i < n_points; i++)
    budg_chart_data_add_label (data, months[i % G_N_ELEMENTS (months)], NULL);

  for (guint s = 0; s < n_series; s++)
    {
      g_autofree char *name = g_strdup_printf ("Series %u", s + 1);

      budg_chart_data_add_series (data, name, NULL);
      budg_chart_data_set_values (data, s, values + s * n_points, n_points);
    }

  return data;
}

/* The rows of column @x that have @color: how many, and the first and last. */
static int
count_in_column (cairo_surface_t      *surface,
                 int                   x,
                 const BudgChartColor *color,
                 int                  *out_top,
                 int                  *out_bottom)
{
  int count = 0;

  *out_top = -1;
  *out_bottom = -1;
  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    if (pixel_is (pixel_at (surface, x, y), color))
      {
        if (*out_top < 0)
          *out_top = y;
        *out_bottom = y;
        count++;
      }

  return count;
}

static void
item_center (const BudgChartData *data,
             guint                series,
             guint                index,
             int                 *out_x,
             int                 *out_y)
{
  double x;
  double y;

  g_assert_true (budg_chart_get_item_center (WIDTH, HEIGHT, data, series, index, &x, &y));
  *out_x = (int) floor (x);
  *out_y = (int) floor (y);
}

/* Donut ----------------------------------------------------------------------- */

static void
donut_point (double  center_x,
             double  center_y,
             double  radius,
             double  degrees,
             int    *out_x,
             int    *out_y)
{
  double angle = degrees * G_PI / 180;

  /* Clockwise from twelve o'clock; y grows downwards. */
  *out_x = (int) floor (center_x + radius * sin (angle));
  *out_y = (int) floor (center_y - radius * cos (angle));
}

static void
test_donut_angles (void)
{
  static const gint64 values[] = { 100, 100, 200 };
  /* Each angle and the slice that must be there: 1 + 1 + 2 puts slice 0
   * on [0°, 90°), slice 1 on [90°, 180°) and slice 2 on [180°, 360°). */
  static const struct { double degrees; guint slice; } probes[] = {
    { 10, 0 }, { 45, 0 }, { 80, 0 },
    { 100, 1 }, { 135, 1 }, { 170, 1 },
    { 190, 2 }, { 270, 2 }, { 350, 2 },
  };
  g_autoptr(BudgChartData) data = make_donut (values, G_N_ELEMENTS (values));
  BudgChartStyle style;
  cairo_surface_t *surface;
  double center_x, center_y, inner, outer;

  budg_chart_style_init_light (&style);
  surface = render (data, &style, WIDTH, HEIGHT);
  g_assert_true (budg_chart_donut_get_ring (WIDTH, HEIGHT, data, &center_x, &center_y, &inner, &outer));
  g_assert_cmpfloat (inner, >, 10);
  g_assert_cmpfloat (outer - inner, >, 10);

  for (guint i = 0; i < G_N_ELEMENTS (probes); i++)
    {
      BudgChartColor expected = palette (probes[i].slice);
      guint series = 99, index = 99;
      int x, y;

      donut_point (center_x, center_y, (inner + outer) / 2, probes[i].degrees, &x, &y);
      g_test_message ("%g° at (%d, %d): %08x", probes[i].degrees, x, y, pixel_at (surface, x, y));
      g_assert_true (pixel_is (pixel_at (surface, x, y), &expected));

      g_assert_true (budg_chart_hit_test (WIDTH, HEIGHT, data, x + 0.5, y + 0.5, &series, &index));
      g_assert_cmpuint (series, ==, 0);
      g_assert_cmpuint (index, ==, probes[i].slice);
    }

  /* The hole and the outside are not slices. */
  g_assert_false (budg_chart_hit_test (WIDTH, HEIGHT, data, center_x, center_y, NULL, NULL));
  g_assert_false (budg_chart_hit_test (WIDTH, HEIGHT, data, center_x, center_y - outer - 3, NULL, NULL));
  for (guint slice = 0; slice < 3; slice++)
    {
      BudgChartColor color = palette (slice);

      g_assert_false (pixel_is (pixel_at (surface, (int) center_x, (int) center_y), &color));
      g_assert_false (pixel_is (pixel_at (surface, (int) center_x, (int) (center_y - outer - 3)), &color));
    }

  cairo_surface_destroy (surface);
}

/* A category's own colour wins over the palette; a bad one falls back. */
static void
test_donut_colors (void)
{
  g_autoptr(BudgChartData) data = budg_chart_data_new (BUDG_CHART_KIND_DONUT, NULL, "USD");
  BudgChartColor own;
  BudgChartColor fallback = palette (1);
  BudgChartStyle style;
  cairo_surface_t *surface;
  double center_x, center_y, inner, outer;
  int x, y;

  budg_chart_data_add_series (data, "Spending", NULL);
  budg_chart_data_add_label (data, "Rent", "#123456");
  budg_chart_data_add_label (data, "Food", "#12345");
  budg_chart_data_append_value (data, 0, 500);
  budg_chart_data_append_value (data, 0, 500);
  g_assert_true (budg_chart_color_parse ("#123456", &own));
  g_assert_false (budg_chart_color_parse ("#12345", NULL));
  g_assert_false (budg_chart_color_parse ("123456", NULL));
  g_assert_false (budg_chart_color_parse ("#12345g", NULL));

  budg_chart_style_init_dark (&style);
  surface = render (data, &style, WIDTH, HEIGHT);
  g_assert_true (budg_chart_donut_get_ring (WIDTH, HEIGHT, data, &center_x, &center_y, &inner, &outer));

  donut_point (center_x, center_y, (inner + outer) / 2, 90, &x, &y);
  g_assert_true (pixel_is (pixel_at (surface, x, y), &own));
  donut_point (center_x, center_y, (inner + outer) / 2, 270, &x, &y);
  g_assert_true (pixel_is (pixel_at (surface, x, y), &fallback));

  cairo_surface_destroy (surface);
}

/* Every sampled point the hit-test puts on an item has that item's colour,
 * and every point where it finds nothing has no item colour. Points next
 * to an edge are skipped: anti-aliasing blends them.
 */
static void
check_hit_test_agrees (const BudgChartData *data,
                       double               min_x,
                       double               min_y,
                       double               max_x,
                       double               max_y)
{
  BudgChartStyle style;
  cairo_surface_t *surface;
  guint n_series = budg_chart_data_get_n_series (data);
  guint n_colors = budg_chart_data_get_kind (data) == BUDG_CHART_KIND_DONUT ?
                   budg_chart_data_get_n_points (data) : n_series;
  guint n_hits = 0;
  guint n_misses = 0;

  budg_chart_style_init_light (&style);
  surface = render (data, &style, WIDTH, HEIGHT);

  for (int y = 1; y < HEIGHT - 1; y += 3)
    for (int x = 1; x < WIDTH - 1; x += 3)
      {
        guint series, index;
        gboolean hit = budg_chart_hit_test (WIDTH, HEIGHT, data, x + 0.5, y + 0.5, &series, &index);
        gboolean uniform = TRUE;

        for (int dy = -1; dy <= 1 && uniform; dy++)
          for (int dx = -1; dx <= 1 && uniform; dx++)
            {
              guint other_series, other_index;
              gboolean other = budg_chart_hit_test (WIDTH, HEIGHT, data, x + dx + 0.5, y + dy + 0.5,
                                                    &other_series, &other_index);

              uniform = other == hit && (!hit || (other_series == series && other_index == index));
            }

        /* Legends repeat the colours (and hit-test, for donuts, though
         * their text is not coloured); the bounds keep away from them. */
        if (!uniform || x < min_x || x > max_x || y < min_y || y > max_y)
          continue;

        if (hit)
          {
            BudgChartColor expected;

            if (budg_chart_data_get_kind (data) == BUDG_CHART_KIND_DONUT)
              expected = palette (index);
            else
              expected = palette (series);
            if (!pixel_is (pixel_at (surface, x, y), &expected))
              g_test_message ("(%d, %d) hits %u/%u but is %08x", x, y, series, index,
                              pixel_at (surface, x, y));
            g_assert_true (pixel_is (pixel_at (surface, x, y), &expected));
            n_hits++;
          }
        else
          {
            for (guint c = 0; c < n_colors; c++)
              {
                BudgChartColor color = palette (c);

                g_assert_false (pixel_is (pixel_at (surface, x, y), &color));
              }
            n_misses++;
          }
      }

  g_test_message ("%u hits and %u misses agree with the pixels", n_hits, n_misses);
  g_assert_cmpuint (n_hits, >, 100);
  g_assert_cmpuint (n_misses, >, 100);

  cairo_surface_destroy (surface);
}

static void
test_hit_test_agrees (void)
{
  static const gint64 slices[] = { 300, 120, 80, 500, 0, 250 };
  static const gint64 grouped[] = {
    10000, 25000, -5000, 40000,
    20000, 5000, 15000, -12000,
    30000, 35000, 1000, 22000,
  };
  g_autoptr(BudgChartData) donut = make_donut (slices, G_N_ELEMENTS (slices));
  g_autoptr(BudgChartData) bars = make_bars (BUDG_CHART_KIND_BARS_GROUPED, 3, 4, grouped);
  g_autoptr(BudgChartData) stacked = make_bars (BUDG_CHART_KIND_BARS_STACKED, 3, 4, grouped);
  double center_x, center_y, outer;

  g_assert_true (budg_chart_donut_get_ring (WIDTH, HEIGHT, donut, &center_x, &center_y, NULL, &outer));
  check_hit_test_agrees (donut, center_x - outer - 5, center_y - outer - 5,
                         center_x + outer + 5, center_y + outer + 5);
  /* Bars keep their legend in the bottom rows. */
  check_hit_test_agrees (bars, 0, 0, WIDTH, HEIGHT * 0.6);
  check_hit_test_agrees (stacked, 0, 0, WIDTH, HEIGHT * 0.6);
}

/* Bars -------------------------------------------------------------------------- */

static int
run_up_from (cairo_surface_t      *surface,
             int                   x,
             int                   start,
             const BudgChartColor *color)
{
  int height = 0;

  for (int row = start; row >= 0 && pixel_is (pixel_at (surface, x, row), color); row--)
    height++;

  return height;
}

static void
test_bars_heights (void)
{
  static const gint64 values[] = {
    10000, 20000, 30000, 40000,
    5000, 15000, 35000, 25000,
  };
  g_autoptr(BudgChartData) data = make_bars (BUDG_CHART_KIND_BARS_GROUPED, 2, 4, values);
  BudgChartColor first = palette (0);
  BudgChartStyle style;
  cairo_surface_t *surface;
  int base_height;
  int baseline;
  int x, y;

  budg_chart_style_init_light (&style);
  surface = render (data, &style, WIDTH, HEIGHT);

  /* The baseline: the last row of the first bar, down from its middle. */
  item_center (data, 0, 0, &x, &y);
  baseline = y;
  while (pixel_is (pixel_at (surface, x, baseline + 1), &first))
    baseline++;
  base_height = run_up_from (surface, x, baseline, &first);
  g_assert_cmpint (base_height, >, 10);

  for (guint s = 0; s < 2; s++)
    for (guint i = 0; i < 4; i++)
      {
        BudgChartColor color = palette (s);
        double expected = base_height * (double) values[s * 4 + i] / values[0];
        int height;

        item_center (data, s, i, &x, &y);
        height = run_up_from (surface, x, baseline, &color);
        g_test_message ("series %u, bar %u: %d px, expected %.1f", s, i, height, expected);
        g_assert_cmpfloat (fabs (height - expected), <=, 2.0);
        /* Every bar stands on the same baseline, and the run is the whole
         * bar: nothing of its colour right above it. */
        g_assert_false (pixel_is (pixel_at (surface, x, baseline + 1), &color));
        g_assert_false (pixel_is (pixel_at (surface, x, baseline - height), &color));
      }

  cairo_surface_destroy (surface);
}

static void
test_bars_stacked (void)
{
  static const gint64 values[] = {
    /* series 1 */ 10000, 30000, 15000,
    /* series 2 */ 20000, 0, -15000,
  };
  g_autoptr(BudgChartData) data = make_bars (BUDG_CHART_KIND_BARS_STACKED, 2, 3, values);
  BudgChartColor first = palette (0);
  BudgChartColor second = palette (1);
  BudgChartStyle style;
  cairo_surface_t *surface;
  int x0, y0, x1, y1, x2, y2;
  int top, bottom;
  int first_height, second_height, total_height, single_height;
  int base_row;

  budg_chart_style_init_light (&style);
  surface = render (data, &style, WIDTH, HEIGHT);

  /* Position 0: 100 + 200 stacked, the second on top of the first. */
  item_center (data, 0, 0, &x0, &y0);
  base_row = y0;
  while (pixel_is (pixel_at (surface, x0, base_row + 1), &first))
    base_row++;
  first_height = run_up_from (surface, x0, base_row, &first);
  second_height = run_up_from (surface, x0, base_row - first_height, &second);
  total_height = first_height + second_height;
  g_assert_cmpint (first_height, >, 10);
  g_assert_cmpfloat (fabs (second_height - 2.0 * first_height), <=, 2.0);

  /* Position 1: 300 alone is as tall as 100 + 200. */
  item_center (data, 0, 1, &x1, &y1);
  single_height = run_up_from (surface, x1, base_row, &first);
  g_test_message ("stack %d + %d px, single %d px", first_height, second_height, single_height);
  g_assert_cmpint (ABS (single_height - total_height), <=, 1);
  g_assert_false (budg_chart_get_item_center (WIDTH, HEIGHT, data, 1, 1, NULL, NULL));

  /* Position 2: 150 up, -150 down from zero, as long as each other. */
  item_center (data, 1, 2, &x2, &y2);
  g_assert_cmpint (y2, >, base_row);
  g_assert_cmpint (ABS (run_up_from (surface, x2, base_row, &first) -
                        count_in_column (surface, x2, &second, &top, &bottom)), <=, 1);
  /* Below the zero line, which has a row of its own. */
  g_assert_cmpint (top, ==, base_row + 2);

  cairo_surface_destroy (surface);
}

/* A dark pixel on the zero row, between bars where nothing else is drawn,
 * exactly when some value is negative. */
static void
test_bars_zero_line (void)
{
  static const gint64 mixed[] = { 20000, -10000, 15000 };
  static const gint64 positive[] = { 20000, 10000, 15000 };
  BudgChartStyle style;

  budg_chart_style_init_light (&style);

  for (guint run = 0; run < 2; run++)
    {
      g_autoptr(BudgChartData) data = make_bars (BUDG_CHART_KIND_BARS_GROUPED, 1, 3,
                                                 run == 0 ? mixed : positive);
      BudgChartColor color = palette (0);
      cairo_surface_t *surface = render (data, &style, WIDTH, HEIGHT);
      int x0, y0, x2, y2, gap_x, zero_row;

      item_center (data, 0, 0, &x0, &y0);
      item_center (data, 0, 2, &x2, &y2);
      zero_row = y0;
      while (pixel_is (pixel_at (surface, x0, zero_row), &color))
        zero_row++;

      /* Between the slots of bar 0 and bar 1, where no bar is. */
      gap_x = x0 + (x2 - x0) / 4;
      g_assert_false (pixel_is (pixel_at (surface, gap_x, zero_row), &color));
      g_test_message ("zero row %d at x %d: luminance %d", zero_row, gap_x,
                      luminance (pixel_at (surface, gap_x, zero_row)));
      if (run == 0)
        g_assert_cmpint (luminance (pixel_at (surface, gap_x, zero_row)), <, 100);
      else
        g_assert_cmpint (luminance (pixel_at (surface, gap_x, zero_row)), >, 180);
      /* Off the line, the background. */
      g_assert_cmpint (luminance (pixel_at (surface, gap_x, zero_row - 3)), >, 180);

      cairo_surface_destroy (surface);
    }
}

/* Line ----------------------------------------------------------------------------- */

static BudgChartData *
make_line (const gint64 *values,
           guint         n_values,
           guint         projected_from)
{
  BudgChartData *data = budg_chart_data_new (BUDG_CHART_KIND_LINE, "Balance", "EUR");

  budg_chart_data_add_series (data, "Checking", NULL);
  for (guint i = 0; i < n_values; i++)
    {
      g_autofree char *label = g_strdup_printf ("Day %u", i + 1);

      budg_chart_data_add_label (data, label, NULL);
    }
  budg_chart_data_set_values (data, 0, values, n_values);
  budg_chart_data_set_projected_from (data, projected_from);

  return data;
}

/* Along the flat line from @from to @to (exclusive, away from markers):
 * how many pixels have the line's colour, and how often that changes. */
static void
scan_row (cairo_surface_t      *surface,
          int                   row,
          int                   from,
          int                   to,
          const BudgChartColor *color,
          int                  *out_on,
          int                  *out_changes)
{
  gboolean previous = pixel_is (pixel_at (surface, from, row), color);

  *out_on = 0;
  *out_changes = 0;
  for (int x = from; x < to; x++)
    {
      gboolean on = pixel_is (pixel_at (surface, x, row), color);

      *out_on += on ? 1 : 0;
      *out_changes += on != previous ? 1 : 0;
      previous = on;
    }
}

static void
test_line_dashed (void)
{
  static const gint64 values[] = { 23700, 23700, 23700, 23700, 23700, 23700 };
  g_autoptr(BudgChartData) data = make_line (values, G_N_ELEMENTS (values), 3);
  BudgChartColor color = palette (0);
  BudgChartStyle style;
  cairo_surface_t *surface;
  int x[6], y[6];
  int on, changes;

  budg_chart_style_init_light (&style);
  surface = render (data, &style, WIDTH, HEIGHT);
  for (guint i = 0; i < 6; i++)
    item_center (data, 0, i, &x[i], &y[i]);

  /* A 2-pixel line centred on a whole row covers that row and the one
   * above. Recorded: unbroken from the first point to the third. */
  scan_row (surface, y[0] - 1, x[0] + 6, x[2] - 6, &color, &on, &changes);
  g_assert_cmpint (on, ==, x[2] - x[0] - 12);
  g_assert_cmpint (changes, ==, 0);
  scan_row (surface, y[0], x[0] + 6, x[2] - 6, &color, &on, &changes);
  g_assert_cmpint (on, ==, x[2] - x[0] - 12);

  /* Projected: from the last recorded point on, dashes of 6 on and 4 off. */
  for (guint i = 2; i < 5; i++)
    {
      int length = x[i + 1] - x[i] - 12;

      scan_row (surface, y[0] - 1, x[i] + 6, x[i + 1] - 6, &color, &on, &changes);
      g_test_message ("projected %u→%u: %d of %d px drawn, %d changes", i, i + 1, on, length, changes);
      g_assert_cmpint (changes, >=, 2 * (length / 10) - 2);
      g_assert_cmpint (on, >=, length * 4 / 10);
      g_assert_cmpint (on, <=, length * 8 / 10);
    }

  g_assert_false (budg_chart_data_is_projected (data, 2));
  g_assert_true (budg_chart_data_is_projected (data, 3));

  cairo_surface_destroy (surface);
}

static void
test_line_zero_line (void)
{
  static const gint64 values[] = { 20000, -10000, 20000, 5000 };
  BudgChartStyle styles[2];

  budg_chart_style_init_light (&styles[0]);
  budg_chart_style_init_dark (&styles[1]);

  for (guint run = 0; run < G_N_ELEMENTS (styles); run++)
    {
      g_autoptr(BudgChartData) data = make_line (values, G_N_ELEMENTS (values), BUDG_CHART_NOT_PROJECTED);
      cairo_surface_t *surface = render (data, &styles[run], WIDTH, HEIGHT);
      int x0, y0, x1, y1;
      int zero_row;
      int found = -1;

      item_center (data, 0, 0, &x0, &y0);
      item_center (data, 0, 1, &x1, &y1);
      /* The zero row lies two thirds of the way from 200 down to -100. */
      zero_row = (int) round (y0 + (y1 - y0) * 2.0 / 3.0);

      /* Straight below the first point the line is far away. */
      for (int row = zero_row - 2; row <= zero_row + 2; row++)
        {
          int light = luminance (pixel_at (surface, x0, row));

          if (run == 0 ? light < 100 : light > 200)
            found = row;
        }
      g_test_message ("%s: zero line expected near row %d, found at %d",
                      run == 0 ? "light" : "dark", zero_row, found);
      g_assert_cmpint (found, >=, 0);

      /* Off the line, the background: white, or #242424 in the dark. */
      if (run == 0)
        g_assert_cmpint (luminance (pixel_at (surface, x0, found - 6)), >, 200);
      else
        g_assert_cmpint (luminance (pixel_at (surface, x0, found - 6)), <, 60);

      cairo_surface_destroy (surface);
    }
}

/* Hovering a point finds it, and the point has its line's colour. */
static void
test_line_hit_test (void)
{
  static const gint64 values[] = { 5000, 7000, -2000, 9000, 4000 };
  g_autoptr(BudgChartData) data = make_line (values, G_N_ELEMENTS (values), 4);
  BudgChartColor color = palette (0);
  BudgChartColor other = palette (1);
  BudgChartStyle style;
  cairo_surface_t *surface;
  static const gint64 second[] = { -8000, -8000, -8000, -8000 };

  budg_chart_data_add_series (data, "Savings", NULL);
  budg_chart_data_set_values (data, 1, second, G_N_ELEMENTS (second));

  budg_chart_style_init_light (&style);
  surface = render (data, &style, WIDTH, HEIGHT);

  for (guint s = 0; s < 2; s++)
    for (guint i = 0; i < budg_chart_data_get_n_values (data, s); i++)
      {
        guint series, index;
        int x, y;

        item_center (data, s, i, &x, &y);
        g_assert_true (budg_chart_hit_test (WIDTH, HEIGHT, data, x + 0.5, y + 0.5, &series, &index));
        g_assert_cmpuint (series, ==, s);
        g_assert_cmpuint (index, ==, i);
        g_assert_true (budg_chart_hit_test (WIDTH, HEIGHT, data, x + 0.5, y + 6.5, &series, &index));
        g_assert_cmpuint (series, ==, s);
        /* The filled recorded markers have the line's colour all over. */
        if (!budg_chart_data_is_projected (data, i))
          g_assert_true (pixel_is (pixel_at (surface, x, y), s == 0 ? &color : &other));
        g_assert_false (budg_chart_hit_test (WIDTH, HEIGHT, data, x + 0.5, y - 40.5, NULL, NULL));
      }

  /* The second series is shorter: nothing to hit past its end. */
  g_assert_false (budg_chart_get_item_center (WIDTH, HEIGHT, data, 1, 4, NULL, NULL));

  cairo_surface_destroy (surface);
}

/* Bounds -------------------------------------------------------------------------------- */

static BudgChartData *
make_crowded (BudgChartKind kind)
{
  BudgChartData *data = budg_chart_data_new (kind,
                                             "A very long title that does not fit in any chart, "
                                             "however wide it is drawn, because it goes on and on",
                                             "EUR");

  for (guint i = 0; i < 24; i++)
    {
      g_autofree char *label = g_strdup_printf ("A long label number %u for position %u", i, i);

      budg_chart_data_add_label (data, label, i % 3 == 0 ? "#ff00ff" : NULL);
    }

  for (guint s = 0; s < (kind == BUDG_CHART_KIND_DONUT ? 1 : 14); s++)
    {
      g_autofree char *name = g_strdup_printf ("A series with a long name, number %u", s);

      budg_chart_data_add_series (data, name, NULL);
      for (guint i = 0; i < 24; i++)
        budg_chart_data_append_value (data, s, ((gint64) (i * 79193 + s * 104729) % 2000000) - 500000);
    }
  budg_chart_data_set_projected_from (data, 18);

  return data;
}

/* Drawn translated into a bigger surface filled with a sentinel colour,
 * a chart leaves every pixel around its area alone: at any size, with or
 * without background, and with a highlighted item.
 */
static void
test_nothing_outside (void)
{
  static const int margin = 20;
  static const struct { int width; int height; } sizes[] = {
    { 400, 300 }, { 16, 16 }, { 60, 400 }, { 900, 90 }, { 1000, 700 },
  };
  static const BudgChartKind kinds[] = {
    BUDG_CHART_KIND_DONUT, BUDG_CHART_KIND_BARS_GROUPED,
    BUDG_CHART_KIND_BARS_STACKED, BUDG_CHART_KIND_LINE,
  };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    for (guint z = 0; z < G_N_ELEMENTS (sizes); z++)
      for (guint background = 0; background < 2; background++)
        {
          g_autoptr(BudgChartData) data = make_crowded (kinds[k]);
          g_autoptr(GArray) items = budg_chart_list_items (data);
          int width = sizes[z].width;
          int height = sizes[z].height;
          cairo_surface_t *surface;
          BudgChartStyle style;
          guint32 sentinel;
          cairo_t *cr;

          if (background)
            budg_chart_style_init_dark (&style);
          else
            transparent_style (&style);

          surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width + 2 * margin, height + 2 * margin);
          cr = cairo_create (surface);
          cairo_set_source_rgb (cr, 0.0, 1.0, 0.5);
          cairo_paint (cr);
          cairo_translate (cr, margin, margin);
          budg_chart_draw (cr, width, height, data, &style);
          g_assert_cmpuint (items->len, >, 0);
          for (guint i = 0; i < items->len; i += 5)
            {
              const BudgChartItem *item = &g_array_index (items, BudgChartItem, i);

              budg_chart_draw_highlight (cr, width, height, data, &style, item->series, item->index);
            }
          g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
          cairo_destroy (cr);
          cairo_surface_flush (surface);

          sentinel = pixel_at (surface, 0, 0);
          g_assert_cmphex (sentinel, ==, 0xff00ff80);
          for (int y = 0; y < height + 2 * margin; y++)
            for (int x = 0; x < width + 2 * margin; x++)
              if (x < margin || y < margin || x >= margin + width || y >= margin + height)
                {
                  if (pixel_at (surface, x, y) != sentinel)
                    g_error ("kind %u at %d×%d drew at (%d, %d) outside its area",
                             kinds[k], width, height, x - margin, y - margin);
                }

          /* And it did draw inside. */
          if (background)
            g_assert_cmphex (pixel_at (surface, margin, margin), !=, sentinel);

          cairo_surface_destroy (surface);
        }
}

/* Empty and degenerate data draw a message and hit nothing. */
static void
test_empty (void)
{
  static const BudgChartKind kinds[] = {
    BUDG_CHART_KIND_DONUT, BUDG_CHART_KIND_BARS_GROUPED,
    BUDG_CHART_KIND_BARS_STACKED, BUDG_CHART_KIND_LINE,
  };
  BudgChartStyle style;

  budg_chart_style_init_light (&style);

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr(BudgChartData) empty = budg_chart_data_new (kinds[k], "Nothing", "EUR");
      g_autoptr(BudgChartData) refunds = budg_chart_data_new (kinds[k], NULL, "EUR");
      g_autoptr(GArray) items = NULL;
      cairo_surface_t *surface;

      budg_chart_data_add_series (refunds, "Refunds", NULL);
      budg_chart_data_add_label (refunds, "Shop", NULL);
      budg_chart_data_append_value (refunds, 0, kinds[k] == BUDG_CHART_KIND_DONUT ? -500 : 0);

      surface = render (empty, &style, WIDTH, HEIGHT);
      cairo_surface_destroy (surface);
      surface = render (refunds, &style, WIDTH, HEIGHT);
      cairo_surface_destroy (surface);

      for (int y = 0; y < HEIGHT; y += 10)
        for (int x = 0; x < WIDTH; x += 10)
          g_assert_false (budg_chart_hit_test (WIDTH, HEIGHT, empty, x, y, NULL, NULL));

      items = budg_chart_list_items (empty);
      g_assert_cmpuint (items->len, ==, 0);
      g_clear_pointer (&items, g_array_unref);
      items = budg_chart_list_items (refunds);
      g_assert_cmpuint (items->len, ==, kinds[k] == BUDG_CHART_KIND_LINE ? 1 : 0);
    }
}

/* Descriptions --------------------------------------------------------------------------- */

static void
test_describe (void)
{
  static const gint64 slices[] = { 41250, 100000, 38750, 100 };
  g_autoptr(BudgChartData) donut = budg_chart_data_new (BUDG_CHART_KIND_DONUT, NULL, "EUR");
  g_autoptr(BudgChartData) bars = NULL;
  g_autoptr(BudgChartData) line = NULL;
  g_autofree char *text = NULL;
  static const gint64 months[] = { 120000, 5000, 30000, 0 };
  static const gint64 balance[] = { 150000, -2500 };

  budg_chart_data_add_series (donut, "Spending", NULL);
  budg_chart_data_add_label (donut, "Groceries", NULL);
  budg_chart_data_add_label (donut, "Rent", NULL);
  budg_chart_data_add_label (donut, "Fun", NULL);
  budg_chart_data_add_label (donut, "Stamps", NULL);
  budg_chart_data_set_values (donut, 0, slices, G_N_ELEMENTS (slices));

  /* 412.50 of 1801.00 is 22.9%. */
  text = budg_chart_describe_hit (donut, 0, 0);
  g_assert_cmpstr (text, ==, "Groceries — €412.50 (23%)");
  g_clear_pointer (&text, g_free);
  text = budg_chart_describe_hit (donut, 0, 3);
  g_assert_cmpstr (text, ==, "Stamps — €1.00 (<1%)");
  g_clear_pointer (&text, g_free);
  g_assert_null (budg_chart_describe_hit (donut, 0, 4));
  g_assert_null (budg_chart_describe_hit (donut, 1, 0));
  text = budg_chart_describe (donut);
  g_assert_cmpstr (text, ==,
                   "Groceries — €412.50 (23%)\n"
                   "Rent — €1,000.00 (56%)\n"
                   "Fun — €387.50 (22%)\n"
                   "Stamps — €1.00 (<1%)");
  g_clear_pointer (&text, g_free);

  bars = make_bars (BUDG_CHART_KIND_BARS_GROUPED, 2, 2, months);
  text = budg_chart_describe_hit (bars, 0, 0);
  g_assert_cmpstr (text, ==, "Series 1, Jan — €1,200.00");
  g_clear_pointer (&text, g_free);
  /* Zero has no bar, so it is not listed. */
  text = budg_chart_describe (bars);
  g_assert_cmpstr (text, ==,
                   "Series 1, Jan — €1,200.00\n"
                   "Series 2, Jan — €300.00\n"
                   "Series 1, Feb — €50.00");
  g_clear_pointer (&text, g_free);

  line = make_line (balance, G_N_ELEMENTS (balance), 1);
  text = budg_chart_describe (line);
  g_assert_cmpstr (text, ==, "Day 1 — €1,500.00\nDay 2 — -€25.00 (projected)");
}

static void
test_format_compact (void)
{
  static const struct { gint64 minor; const char *currency; const char *expected; } cases[] = {
    { 0, "EUR", "€0" },
    { 250, "EUR", "€2.50" },
    { 25000, "EUR", "€250" },
    { 100000, "EUR", "€1k" },
    { 150000, "EUR", "€1.5k" },
    { -2000000000, "EUR", "-€20M" },
    { 350000000000, "USD", "$3.5B" },
    { 1500, "JPY", "¥1.5k" },
    { 1500, "BHD", "1.500 BHD" },
    { 100000, "CHF", "1k CHF" },
    { 12345, "XYZ", "123.45 XYZ" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = budg_chart_format_compact (cases[i].minor, cases[i].currency);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

static void
test_data (void)
{
  g_autoptr(BudgChartData) data = budg_chart_data_new (BUDG_CHART_KIND_LINE, "Title", "USD");
  BudgChartData *extra;
  gint64 value = 42;

  g_assert_cmpuint (budg_chart_data_add_label (data, "a", NULL), ==, 0);
  g_assert_cmpuint (budg_chart_data_add_label (data, "b", "#000000"), ==, 1);
  g_assert_cmpuint (budg_chart_data_add_series (data, "s", NULL), ==, 0);
  budg_chart_data_append_value (data, 0, 7);

  g_assert_cmpstr (budg_chart_data_get_label (data, 1), ==, "b");
  g_assert_cmpstr (budg_chart_data_get_label (data, 5), ==, "");
  g_assert_cmpstr (budg_chart_data_get_label_color (data, 1), ==, "#000000");
  g_assert_null (budg_chart_data_get_label_color (data, 0));
  g_assert_true (budg_chart_data_get_value (data, 0, 0, &value));
  g_assert_cmpint (value, ==, 7);
  /* A series shorter than the labels has no value past its end. */
  g_assert_false (budg_chart_data_get_value (data, 0, 1, &value));
  g_assert_cmpint (value, ==, 0);
  g_assert_false (budg_chart_data_get_value (data, 3, 0, NULL));
  g_assert_cmpuint (budg_chart_data_get_n_points (data), ==, 2);
  g_assert_cmpuint (budg_chart_data_get_projected_from (data), ==, BUDG_CHART_NOT_PROJECTED);
  g_assert_false (budg_chart_data_is_projected (data, 1000));

  extra = budg_chart_data_ref (data);
  g_assert_true (extra == data);
  budg_chart_data_unref (extra);
  g_assert_cmpstr (budg_chart_data_get_title (data), ==, "Title");
  g_assert_true (G_TYPE_IS_BOXED (BUDG_TYPE_CHART_DATA));
}

/* Export -------------------------------------------------------------------------------- */

typedef struct
{
  gboolean saw_root;
  char    *root;
  guint    depth;
} SvgCheck;

static void
svg_start_element (GMarkupParseContext  *context,
                   const char           *name,
                   const char          **attribute_names,
                   const char          **attribute_values,
                   gpointer              user_data,
                   GError              **error)
{
  SvgCheck *check = user_data;

  if (check->depth == 0 && check->root == NULL)
    check->root = g_strdup (name);
  check->depth++;
}

static void
svg_end_element (GMarkupParseContext  *context,
                 const char           *name,
                 gpointer              user_data,
                 GError              **error)
{
  SvgCheck *check = user_data;

  check->depth--;
}

static const GMarkupParser svg_parser = {
  svg_start_element, svg_end_element, NULL, NULL, NULL,
};

static GPtrArray *
list_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));

  return names;
}

static void
remove_dir (const char *path)
{
  g_autoptr(GPtrArray) names = list_dir (path);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *child = g_build_filename (path, g_ptr_array_index (names, i), NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_dir (child);
      else
        g_assert_cmpint (g_unlink (child), ==, 0);
    }
  g_assert_cmpint (g_rmdir (path), ==, 0);
}

static void
test_export_formats (void)
{
  static const gint64 values[] = { 300, 500, 200 };
  g_autoptr(BudgChartData) data = make_donut (values, G_N_ELEMENTS (values));
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("budg-charts-XXXXXX", &error);
  g_autofree char *png = g_build_filename (dir, "chart.PNG", NULL);
  g_autofree char *pdf = g_build_filename (dir, "chart.pdf", NULL);
  g_autofree char *svg = g_build_filename (dir, "chart.Svg", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GPtrArray) names = NULL;
  SvgCheck check = { 0 };
  cairo_surface_t *image;
  gsize length;

  g_assert_no_error (error);

  /* PNG: the size asked for, on white. A second export replaces the first. */
  g_assert_true (g_file_set_contents (png, "old", -1, &error));
  g_assert_true (budg_chart_export (data, NULL, png, 320, 200, &error));
  g_assert_no_error (error);
  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 320);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 200);
  g_assert_cmphex (pixel_at (image, 0, 0), ==, 0xffffffff);
  g_assert_cmphex (pixel_at (image, 319, 199), ==, 0xffffffff);
  cairo_surface_destroy (image);

  g_assert_true (budg_chart_export (data, NULL, pdf, 320, 200, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (pdf, &contents, &length, &error));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  /* The trailer is at the end, after binary streams. */
  g_assert_cmpuint (length, >, 100);
  g_assert_nonnull (g_strstr_len (contents + length - 16, 16, "%%EOF"));
  g_clear_pointer (&contents, g_free);

  g_assert_true (budg_chart_export (data, NULL, svg, 320, 200, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (svg, &contents, &length, &error));
  g_assert_true (g_str_has_prefix (contents, "<?xml"));
  context = g_markup_parse_context_new (&svg_parser, 0, &check, NULL);
  g_assert_true (g_markup_parse_context_parse (context, contents, length, &error));
  g_assert_true (g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (check.root, ==, "svg");
  g_assert_cmpuint (check.depth, ==, 0);
  g_assert_nonnull (strstr (contents, "width=\"320"));
  g_free (check.root);

  /* Nothing but the three charts: no partial file left over. */
  names = list_dir (dir);
  g_assert_cmpuint (names->len, ==, 3);

  remove_dir (dir);
}

static void
test_export_errors (void)
{
  static const gint64 values[] = { 300, 500 };
  static const struct { int width; int height; } bad_sizes[] = {
    { 15, 100 }, { 100, 15 }, { 10001, 100 }, { 100, 10001 }, { 0, 0 }, { -20, 100 },
  };
  g_autoptr(BudgChartData) data = make_donut (values, G_N_ELEMENTS (values));
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("budg-charts-XXXXXX", &error);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "chart.png", NULL);
  g_autofree char *folder = g_build_filename (dir, "taken.svg", NULL);
  g_autoptr(GPtrArray) names = NULL;
  static const char * const bad_names[] = { "chart.jpg", "chart", "chart.png.txt", "png" };

  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (bad_names); i++)
    {
      g_autofree char *path = g_build_filename (dir, bad_names[i], NULL);

      g_assert_false (budg_chart_export (data, NULL, path, 100, 100, &error));
      g_assert_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT);
      g_assert_nonnull (strstr (error->message, ".png, .pdf or .svg"));
      g_clear_error (&error);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad_sizes); i++)
    {
      g_autofree char *path = g_build_filename (dir, "chart.png", NULL);

      g_assert_false (budg_chart_export (data, NULL, path, bad_sizes[i].width, bad_sizes[i].height, &error));
      g_assert_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT);
      g_assert_nonnull (strstr (error->message, "from 16 to 10000"));
      g_clear_error (&error);
    }

  /* The limits themselves are fine. */
  {
    g_autofree char *path = g_build_filename (dir, "tiny.png", NULL);

    g_assert_true (budg_chart_export (data, NULL, path, 16, 16, &error));
    g_assert_no_error (error);
    g_assert_cmpint (g_unlink (path), ==, 0);
  }

  g_assert_false (budg_chart_export (data, NULL, missing, 100, 100, &error));
  g_assert_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "folder exists"));
  g_clear_error (&error);

  /* A folder in the way: written aside, then the rename fails and the
   * partial file goes. */
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_false (budg_chart_export (data, NULL, folder, 100, 100, &error));
  g_assert_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));

  /* Only the folder made above is there. */
  names = list_dir (dir);
  g_assert_cmpuint (names->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (names, 0), ==, "taken.svg");

  remove_dir (dir);
}

/* Timing ---------------------------------------------------------------------------------- */

static double
median_render_ms (const BudgChartData *data,
                  int                  width,
                  int                  height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  BudgChartStyle style;
  double times[21];

  budg_chart_style_init_light (&style);
  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      cairo_t *cr = cairo_create (surface);
      gint64 start = g_get_monotonic_time ();

      budg_chart_draw (cr, width, height, data, &style);
      cairo_surface_flush (surface);
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
      cairo_destroy (cr);
    }

  cairo_surface_destroy (surface);
  for (guint i = 1; i < G_N_ELEMENTS (times); i++)
    for (guint j = i; j > 0 && times[j - 1] > times[j]; j--)
      {
        double swap = times[j];

        times[j] = times[j - 1];
        times[j - 1] = swap;
      }

  return times[G_N_ELEMENTS (times) / 2];
}

/* Only reported: the benchmark judges times, a loaded test machine
 * should not fail the suite. */
static void
test_timing (void)
{
  gint64 values[12 * 10];
  gint64 slices[20];
  g_autoptr(BudgChartData) bars = NULL;
  g_autoptr(BudgChartData) donut = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    values[i] = 1000 + (gint64) (i * 7919 % 50000);
  for (guint i = 0; i < G_N_ELEMENTS (slices); i++)
    slices[i] = 500 + i * 300;

  bars = make_bars (BUDG_CHART_KIND_BARS_GROUPED, 10, 12, values);
  donut = make_donut (slices, G_N_ELEMENTS (slices));

  g_test_message ("12 months × 10 series of bars at 800×600: %.2f ms (target <= 16)",
                  median_render_ms (bars, 800, 600));
  g_test_message ("20-slice donut at 800×600: %.2f ms (target <= 16)",
                  median_render_ms (donut, 800, 600));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/charts/data", test_data);
  g_test_add_func ("/charts/format/compact", test_format_compact);
  g_test_add_func ("/charts/describe", test_describe);
  g_test_add_func ("/charts/donut/angles", test_donut_angles);
  g_test_add_func ("/charts/donut/colors", test_donut_colors);
  g_test_add_func ("/charts/bars/heights", test_bars_heights);
  g_test_add_func ("/charts/bars/stacked", test_bars_stacked);
  g_test_add_func ("/charts/bars/zero-line", test_bars_zero_line);
  g_test_add_func ("/charts/line/dashed", test_line_dashed);
  g_test_add_func ("/charts/line/zero-line", test_line_zero_line);
  g_test_add_func ("/charts/line/hit-test", test_line_hit_test);
  g_test_add_func ("/charts/hit-test/agrees", test_hit_test_agrees);
  g_test_add_func ("/charts/bounds", test_nothing_outside);
  g_test_add_func ("/charts/empty", test_empty);
  g_test_add_func ("/charts/export/formats", test_export_formats);
  g_test_add_func ("/charts/export/errors", test_export_errors);
  g_test_add_func ("/charts/timing", test_timing);

  return g_test_run ();
}
