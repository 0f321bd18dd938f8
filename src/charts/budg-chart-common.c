/* budg-chart-common.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "budg-chart-private.h"
#include "budg-money.h"

/* Values beyond this are drawn as if they were this: a chart of amounts
 * near the 64-bit limit is meaningless, and the axis arithmetic below
 * (rounding to multiples of a step, adding a step) must not overflow.
 */
#define AXIS_LIMIT (G_MAXINT64 / 4)

/* Fallback when a currency is unknown, as budg_money_format() does. */
#define FALLBACK_MINOR_UNITS 2

gboolean
budg_chart_rect_contains (const BudgChartRect *rect,
                          double               x,
                          double               y)
{
  return x >= rect->x && x < rect->x + rect->width &&
         y >= rect->y && y < rect->y + rect->height;
}

gboolean
budg_chart_rect_is_empty (const BudgChartRect *rect)
{
  return rect->width <= 0 || rect->height <= 0;
}

/* The title on top, everything else in the body below it, both inside the
 * padding. A title is dropped on areas too low to afford it.
 */
void
budg_chart_frame_compute (double               width,
                          double               height,
                          const BudgChartData *data,
                          BudgChartRect       *out_title,
                          BudgChartRect       *out_body)
{
  const char *title = budg_chart_data_get_title (data);
  double inner_width = MAX (0.0, floor (width - 2 * BUDG_CHART_PADDING));
  double inner_height = MAX (0.0, floor (height - 2 * BUDG_CHART_PADDING));
  double title_height = 0.0;

  if (title != NULL && title[0] != '\0' && inner_height >= 4 * BUDG_CHART_TITLE_HEIGHT)
    title_height = BUDG_CHART_TITLE_HEIGHT;

  *out_title = (BudgChartRect) { BUDG_CHART_PADDING, BUDG_CHART_PADDING, inner_width, title_height };
  *out_body = (BudgChartRect) {
    BUDG_CHART_PADDING, BUDG_CHART_PADDING + title_height,
    inner_width, inner_height - title_height,
  };
}

static guint
legend_columns_for (double width)
{
  return MAX (1, (guint) floor (width / BUDG_CHART_LEGEND_ENTRY));
}

/* How many rows @n_entries entries take in a legend @width wide. */
guint
budg_chart_legend_rows_for (double width,
                            guint  n_entries)
{
  guint columns = legend_columns_for (width);

  return (n_entries + columns - 1) / columns;
}

void
budg_chart_legend_layout (BudgChartLegend     *legend,
                          const BudgChartRect *area,
                          guint                n_entries)
{
  guint capacity;
  guint rows;

  memset (legend, 0, sizeof *legend);
  legend->area = *area;
  legend->n_entries = n_entries;

  if (n_entries == 0 || budg_chart_rect_is_empty (area))
    return;

  legend->n_columns = MIN (legend_columns_for (area->width), n_entries);
  legend->entry_width = floor (area->width / legend->n_columns);
  if (legend->entry_width < 1)
    return;
  rows = (guint) floor (area->height / BUDG_CHART_ROW_HEIGHT);
  capacity = rows * legend->n_columns;

  if (n_entries <= capacity)
    legend->n_shown = n_entries;
  else if (capacity > 0)
    legend->n_shown = capacity - 1;

  legend->n_rows = (MIN (n_entries, capacity) + legend->n_columns - 1) / legend->n_columns;
}

static void
legend_cell (const BudgChartLegend *legend,
             guint                  cell,
             BudgChartRect         *out_rect)
{
  guint column = cell % legend->n_columns;
  guint row = cell / legend->n_columns;

  *out_rect = (BudgChartRect) {
    legend->area.x + column * legend->entry_width,
    legend->area.y + row * BUDG_CHART_ROW_HEIGHT,
    legend->entry_width,
    BUDG_CHART_ROW_HEIGHT,
  };
}

gboolean
budg_chart_legend_get_entry (const BudgChartLegend *legend,
                             guint                  entry,
                             BudgChartRect         *out_rect)
{
  if (entry >= legend->n_shown)
    return FALSE;

  legend_cell (legend, entry, out_rect);

  return TRUE;
}

gboolean
budg_chart_legend_hit (const BudgChartLegend *legend,
                       double                 x,
                       double                 y,
                       guint                 *out_entry)
{
  guint column;
  guint row;
  guint entry;

  if (legend->n_shown == 0 || x < legend->area.x || y < legend->area.y)
    return FALSE;

  column = (guint) floor ((x - legend->area.x) / legend->entry_width);
  row = (guint) floor ((y - legend->area.y) / BUDG_CHART_ROW_HEIGHT);
  if (column >= legend->n_columns || row >= legend->n_rows)
    return FALSE;

  entry = row * legend->n_columns + column;
  if (entry >= legend->n_shown)
    return FALSE;

  *out_entry = entry;

  return TRUE;
}

static gint64
floor_to_step (gint64 value,
               gint64 step)
{
  if (value >= 0)
    return value / step * step;

  return -((-value + step - 1) / step * step);
}

/* The smallest 1, 2 or 5 times a power of ten (in minor units) that is at
 * least @raw: ticks on such steps read as round amounts.
 */
static gint64
nice_step (double raw)
{
  static const gint64 multiples[] = { 1, 2, 5 };
  gint64 power = 1;

  for (;;)
    {
      for (guint i = 0; i < G_N_ELEMENTS (multiples); i++)
        if ((double) (multiples[i] * power) >= raw)
          return multiples[i] * power;

      if (power > AXIS_LIMIT / 50)
        return power * 10;
      power *= 10;
    }
}

/* Lays out a value axis for values in [@lowest, @highest] over @n_slots
 * positions in @body, above a legend @legend_height high. Returns %FALSE
 * when the body is too small to plot anything.
 */
gboolean
budg_chart_axes_compute (BudgChartAxes       *axes,
                         const BudgChartRect *body,
                         double               legend_height,
                         gint64               lowest,
                         gint64               highest,
                         guint                n_slots)
{
  double labels_width = floor (MIN (BUDG_CHART_Y_LABELS_WIDTH, body->width * 0.25));
  double x_labels_y = floor (body->y + body->height - legend_height - BUDG_CHART_X_LABELS_HEIGHT);
  guint n_ticks;
  double range;

  memset (axes, 0, sizeof *axes);

  lowest = CLAMP (MIN (lowest, 0), -AXIS_LIMIT, 0);
  highest = CLAMP (MAX (highest, 0), 0, AXIS_LIMIT);

  /* Half a row above the plot so that the top tick's label is not cut. */
  axes->plot.x = body->x + labels_width + 4;
  axes->plot.y = body->y + floor (BUDG_CHART_ROW_HEIGHT / 2);
  axes->plot.width = floor (body->x + body->width - axes->plot.x - 4);
  /* The bottom line of the plot is the row just below it. */
  axes->plot.height = floor (x_labels_y - 2 - axes->plot.y);

  if (n_slots == 0 || axes->plot.width < 8 || axes->plot.height < 8)
    return FALSE;

  axes->y_labels = (BudgChartRect) { body->x, axes->plot.y, labels_width, axes->plot.height };
  axes->x_labels = (BudgChartRect) { axes->plot.x, x_labels_y, axes->plot.width, BUDG_CHART_X_LABELS_HEIGHT };
  axes->n_slots = n_slots;
  axes->slot_width = axes->plot.width / n_slots;

  /* About one tick every 40 pixels. A chart of zeros still gets a scale
   * of whole amounts rather than of single cents. */
  n_ticks = CLAMP ((guint) (axes->plot.height / 40), 2, 8);
  range = MAX ((double) highest - (double) lowest, 100.0);
  axes->step = nice_step (range / n_ticks);
  axes->min = floor_to_step (lowest, axes->step);
  axes->max = -floor_to_step (-highest, axes->step);
  if (axes->max == axes->min)
    axes->max = axes->min + axes->step;

  return TRUE;
}

/* The pixel row of @value_minor: whole pixels, so that bars and grid lines
 * fill whole rows and adjacent stacked segments share their edge exactly.
 */
double
budg_chart_axes_y_for (const BudgChartAxes *axes,
                       gint64               value_minor)
{
  double value = CLAMP ((double) value_minor, (double) axes->min, (double) axes->max);
  double fraction = ((double) axes->max - value) / ((double) axes->max - (double) axes->min);

  return axes->plot.y + round (axes->plot.height * fraction);
}

double
budg_chart_axes_slot_x (const BudgChartAxes *axes,
                        guint                slot)
{
  return axes->plot.x + slot * axes->slot_width;
}

gboolean
budg_chart_axes_slot_at (const BudgChartAxes *axes,
                         double               x,
                         guint               *out_slot)
{
  guint slot;

  if (axes->n_slots == 0 || x < axes->plot.x || x >= axes->plot.x + axes->plot.width)
    return FALSE;

  slot = MIN ((guint) floor ((x - axes->plot.x) / axes->slot_width), axes->n_slots - 1);
  *out_slot = slot;

  return TRUE;
}

/* The parts of budg_money_format()'s output around the digits, so that
 * compact labels place the symbol as the full amounts do ("€1.5k" where
 * amounts read "€1,500.00", "1.5k CHF" where they read "1,500.00 CHF").
 */
static void
split_money_template (const char  *formatted,
                      char       **out_prefix,
                      char       **out_decimal,
                      char       **out_suffix)
{
  const char *first = NULL;
  const char *last = NULL;
  const char *decimal = NULL;
  const char *decimal_end = NULL;

  for (const char *p = formatted; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      {
        if (first == NULL)
          first = p;
        else if (decimal == NULL && last + 1 != p)
          {
            decimal = last + 1;
            decimal_end = p;
          }
        last = p;
      }

  if (first == NULL)
    {
      *out_prefix = g_strdup ("");
      *out_decimal = g_strdup (".");
      *out_suffix = g_strdup ("");
      return;
    }

  *out_prefix = g_strndup (formatted, first - formatted);
  *out_decimal = decimal != NULL ? g_strndup (decimal, decimal_end - decimal) : g_strdup (".");
  *out_suffix = g_strdup (last + 1);
}

/* @value with one decimal at most, written with @decimal. */
static char *
format_one_decimal (double      value,
                    const char *decimal)
{
  gint64 tenths = (gint64) round (value * 10);

  if (tenths % 10 == 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT, tenths / 10);

  return g_strdup_printf ("%" G_GINT64_FORMAT "%s%d", tenths / 10, decimal, (int) (tenths % 10));
}

/**
 * budg_chart_format_compact:
 * @value_minor: an amount in minor units
 * @currency: its ISO 4217 code
 *
 * An amount short enough for an axis label: "€250", "€1.5k", "€2M". The
 * symbol, its place and the decimal mark follow budg_money_format().
 *
 * Returns: (transfer full): the label
 */
char *
budg_chart_format_compact (gint64      value_minor,
                           const char *currency)
{
  g_autofree char *zero = budg_money_format (0, currency);
  g_autofree char *cent = budg_money_format (1, "USD");
  g_autofree char *prefix = NULL;
  g_autofree char *suffix = NULL;
  g_autofree char *decimal = NULL;
  g_autofree char *zero_decimal = NULL;
  g_autofree char *cent_prefix = NULL;
  g_autofree char *cent_suffix = NULL;
  g_autofree char *number = NULL;
  int minor_units = budg_currency_get_minor_units (currency);
  guint64 scale = 1;
  const char *unit = NULL;
  guint64 magnitude;
  double scaled = 0;
  double major;

  /* The currency template gives the symbol's place; a two-decimal amount
   * gives the decimal mark, which JPY's template has none of. */
  split_money_template (zero, &prefix, &zero_decimal, &suffix);
  split_money_template (cent, &cent_prefix, &decimal, &cent_suffix);

  if (minor_units < 0)
    minor_units = FALLBACK_MINOR_UNITS;
  for (int i = 0; i < minor_units; i++)
    scale *= 10;

  magnitude = value_minor < 0 ? -(guint64) value_minor : (guint64) value_minor;
  major = (double) magnitude / scale;

  if (major >= 1e9)
    {
      scaled = major / 1e9;
      /* Translators: the unit of billions in compact amounts, as in "€2.5B" */
      unit = C_("compact amount", "B");
    }
  else if (major >= 1e6)
    {
      scaled = major / 1e6;
      /* Translators: the unit of millions in compact amounts, as in "€2.5M" */
      unit = C_("compact amount", "M");
    }
  else if (major >= 1e3)
    {
      scaled = major / 1e3;
      /* Translators: the unit of thousands in compact amounts, as in "€2.5k" */
      unit = C_("compact amount", "k");
    }

  if (unit != NULL)
    {
      g_autofree char *digits = format_one_decimal (scaled, decimal);

      number = g_strconcat (digits, unit, NULL);
    }
  else if (magnitude % scale == 0)
    number = g_strdup_printf ("%" G_GUINT64_FORMAT, magnitude / scale);
  else
    number = g_strdup_printf ("%" G_GUINT64_FORMAT "%s%0*" G_GUINT64_FORMAT,
                              magnitude / scale, decimal, minor_units,
                              magnitude % scale);

  return g_strconcat (value_minor < 0 ? "-" : "", prefix, number, suffix, NULL);
}

/**
 * budg_chart_format_share:
 * @part: a part
 * @whole: the whole it is a part of
 *
 * Returns: (transfer full): @part as a whole percentage of @whole ("23%"),
 *   "<1%" for a positive part that would round to nothing, or "" when
 *   there is no positive whole
 */
char *
budg_chart_format_share (gint64 part,
                         gint64 whole)
{
  double percent;

  if (whole <= 0)
    return g_strdup ("");

  percent = 100.0 * (double) part / (double) whole;
  if (part > 0 && percent < 0.5)
    /* Translators: the share of a slice too small to round to 1% */
    return g_strdup (_("<1%"));

  /* Translators: a share of a whole, as in "23%" */
  return g_strdup_printf (_("%.0f%%"), percent);
}

/* Totals in a chart saturate instead of wrapping: a label that says "the
 * most there is" is wrong, a negative total would be absurd. */
gint64
budg_chart_saturating_add (gint64 a,
                           gint64 b)
{
  gint64 sum;

  if (!__builtin_add_overflow (a, b, &sum))
    return sum;

  return b > 0 ? G_MAXINT64 : G_MININT64;
}

void
budg_chart_set_color (cairo_t              *cr,
                      const BudgChartColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

static void
dim_color (const BudgChartColor *color,
           double                factor,
           BudgChartColor       *out_color)
{
  *out_color = *color;
  out_color->alpha *= factor;
}

/* Clips to the chart's area, which is all a chart may touch, and lays the
 * background. The caller brackets this in cairo_save()/cairo_restore().
 */
void
budg_chart_begin (cairo_t              *cr,
                  double                width,
                  double                height,
                  const BudgChartStyle *style)
{
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);

  if (style->background.alpha > 0)
    {
      budg_chart_set_color (cr, &style->background);
      cairo_paint (cr);
    }
}

PangoLayout *
budg_chart_create_layout (cairo_t              *cr,
                          const BudgChartStyle *style)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string (style->font);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  pango_font_description_free (font);

  return layout;
}

double
budg_chart_measure_text (PangoLayout *layout,
                         const char  *text)
{
  int width;

  pango_layout_set_width (layout, -1);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &width, NULL);

  return width;
}

/* Text on one line, ellipsized to the box's width and centred on its
 * height. */
void
budg_chart_draw_text (cairo_t              *cr,
                      PangoLayout          *layout,
                      const char           *text,
                      const BudgChartRect  *box,
                      PangoAlignment        alignment,
                      const BudgChartColor *color)
{
  int text_height;

  if (box->width < 1 || text == NULL || text[0] == '\0')
    return;

  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, (int) (box->width * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (layout, alignment);
  pango_layout_get_pixel_size (layout, NULL, &text_height);

  budg_chart_set_color (cr, color);
  cairo_move_to (cr, box->x, box->y + floor ((box->height - text_height) / 2));
  pango_cairo_show_layout (cr, layout);
}

void
budg_chart_draw_title (cairo_t              *cr,
                       PangoLayout          *layout,
                       const BudgChartData  *data,
                       const BudgChartRect  *box,
                       const BudgChartStyle *style)
{
  PangoAttrList *attributes;

  if (budg_chart_rect_is_empty (box))
    return;

  attributes = pango_attr_list_new ();
  pango_attr_list_insert (attributes, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_layout_set_attributes (layout, attributes);
  budg_chart_draw_text (cr, layout, budg_chart_data_get_title (data), box,
                        PANGO_ALIGN_LEFT, &style->foreground);
  pango_layout_set_attributes (layout, NULL);
  pango_attr_list_unref (attributes);
}

void
budg_chart_draw_empty (cairo_t              *cr,
                       PangoLayout          *layout,
                       const BudgChartRect  *body,
                       const BudgChartStyle *style)
{
  BudgChartColor dim;

  dim_color (&style->foreground, 0.55, &dim);
  budg_chart_draw_text (cr, layout, _("No amounts to show"), body, PANGO_ALIGN_CENTER, &dim);
}

/* A swatch, the name and, right-aligned, the value: the legend names the
 * values so that the chart reads without telling colours apart.
 */
void
budg_chart_draw_legend_entry (cairo_t              *cr,
                              PangoLayout          *layout,
                              const BudgChartRect  *cell,
                              BudgChartSwatch       swatch,
                              const BudgChartColor *color,
                              const char           *name,
                              const char           *value,
                              const BudgChartStyle *style)
{
  double middle = cell->y + floor (cell->height / 2);
  double text_x = cell->x + BUDG_CHART_SWATCH_SIZE + 6;
  double right = cell->x + cell->width - 10;
  double value_width = 0;
  BudgChartColor dim;
  BudgChartRect box;

  budg_chart_set_color (cr, color);
  switch (swatch)
    {
    case BUDG_CHART_SWATCH_BOX:
      cairo_rectangle (cr, cell->x, middle - BUDG_CHART_SWATCH_SIZE / 2,
                       BUDG_CHART_SWATCH_SIZE, BUDG_CHART_SWATCH_SIZE);
      cairo_fill (cr);
      break;

    case BUDG_CHART_SWATCH_LINE:
    case BUDG_CHART_SWATCH_DASHED:
      cairo_save (cr);
      if (swatch == BUDG_CHART_SWATCH_DASHED)
        {
          static const double dashes[] = { 3.0, 2.0 };

          cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
        }
      cairo_set_line_width (cr, BUDG_CHART_LINE_WIDTH);
      cairo_move_to (cr, cell->x, middle);
      cairo_line_to (cr, cell->x + BUDG_CHART_SWATCH_SIZE, middle);
      cairo_stroke (cr);
      cairo_restore (cr);
      break;

    default:
      g_assert_not_reached ();
    }

  if (value != NULL && value[0] != '\0')
    {
      /* The value wins over the name for room, up to 60% of the entry. */
      value_width = MIN (budg_chart_measure_text (layout, value), (right - text_x) * 0.6);
      box = (BudgChartRect) { right - value_width, cell->y, value_width, cell->height };
      dim_color (&style->foreground, 0.75, &dim);
      budg_chart_draw_text (cr, layout, value, &box, PANGO_ALIGN_RIGHT, &dim);
      value_width += 6;
    }

  box = (BudgChartRect) { text_x, cell->y, right - value_width - text_x, cell->height };
  budg_chart_draw_text (cr, layout, name, &box, PANGO_ALIGN_LEFT, &style->foreground);
}

void
budg_chart_draw_legend_more (cairo_t               *cr,
                             PangoLayout           *layout,
                             const BudgChartLegend *legend,
                             const BudgChartStyle  *style)
{
  g_autofree char *text = NULL;
  guint n_more = legend->n_entries - legend->n_shown;
  BudgChartColor dim;
  BudgChartRect cell;

  if (n_more == 0 || legend->n_columns == 0)
    return;

  legend_cell (legend, legend->n_shown, &cell);
  /* Translators: the last legend entry when the others do not fit */
  text = g_strdup_printf (ngettext ("and %u more", "and %u more", n_more), n_more);
  dim_color (&style->foreground, 0.6, &dim);
  cell.x += BUDG_CHART_SWATCH_SIZE + 6;
  cell.width -= BUDG_CHART_SWATCH_SIZE + 6;
  budg_chart_draw_text (cr, layout, text, &cell, PANGO_ALIGN_LEFT, &dim);
}

/* The horizontal grid with its amounts on the left, and the labels along
 * the bottom, thinned out so that they never overlap.
 */
void
budg_chart_axes_draw_grid (cairo_t              *cr,
                           PangoLayout          *layout,
                           const BudgChartAxes  *axes,
                           const BudgChartData  *data,
                           const BudgChartStyle *style)
{
  const char *currency = budg_chart_data_get_currency (data);
  guint n_labels = MIN (budg_chart_data_get_n_labels (data), axes->n_slots);
  guint sample_every = MAX (1, n_labels / 48);
  double widest = 0;
  guint every;
  BudgChartColor dim;

  dim_color (&style->foreground, 0.7, &dim);

  cairo_save (cr);
  cairo_set_line_width (cr, 1.0);
  budg_chart_set_color (cr, &style->grid);
  for (gint64 tick = axes->min; tick <= axes->max; tick += axes->step)
    {
      double y = budg_chart_axes_y_for (axes, tick);

      cairo_move_to (cr, axes->plot.x, y + 0.5);
      cairo_line_to (cr, axes->plot.x + axes->plot.width, y + 0.5);
    }
  cairo_stroke (cr);
  cairo_restore (cr);

  for (gint64 tick = axes->min; tick <= axes->max; tick += axes->step)
    {
      g_autofree char *text = budg_chart_format_compact (tick, currency);
      double y = budg_chart_axes_y_for (axes, tick);
      BudgChartRect box = {
        axes->y_labels.x, y - BUDG_CHART_ROW_HEIGHT / 2,
        axes->y_labels.width - 6, BUDG_CHART_ROW_HEIGHT,
      };

      budg_chart_draw_text (cr, layout, text, &box, PANGO_ALIGN_RIGHT, &dim);
    }

  /* Measuring every one of a year of daily labels costs more than the
   * rest of the chart; a sample finds the widest well enough. */
  for (guint i = 0; i < n_labels; i += sample_every)
    widest = MAX (widest, budg_chart_measure_text (layout, budg_chart_data_get_label (data, i)));

  every = MAX (1, (guint) ceil ((widest + 8) / axes->slot_width));
  for (guint i = 0; i < n_labels; i += every)
    {
      double centre = budg_chart_axes_slot_x (axes, i) + axes->slot_width / 2;
      double box_width = MAX (axes->slot_width * every, widest + 8);
      BudgChartRect box = {
        centre - box_width / 2, axes->x_labels.y,
        box_width, axes->x_labels.height,
      };

      budg_chart_draw_text (cr, layout, budg_chart_data_get_label (data, i), &box,
                            PANGO_ALIGN_CENTER, &dim);
    }
}

/* The zero line in the text colour, over the grid: it tells income from
 * spending and a positive balance from an overdraft. */
void
budg_chart_axes_draw_zero (cairo_t              *cr,
                           const BudgChartAxes  *axes,
                           const BudgChartStyle *style)
{
  double y = budg_chart_axes_y_for (axes, 0);

  cairo_save (cr);
  cairo_set_line_width (cr, 1.0);
  budg_chart_set_color (cr, &style->foreground);
  cairo_move_to (cr, axes->plot.x, y + 0.5);
  cairo_line_to (cr, axes->plot.x + axes->plot.width, y + 0.5);
  cairo_stroke (cr);
  cairo_restore (cr);
}
