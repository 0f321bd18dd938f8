/* budg-chart-data.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-chart-data"

#include "config.h"

#include "budg-chart-data.h"

/* What a chart shows, apart from how: plain data built by the caller (a
 * report, the CLI, a test) and then shared read-only by the widget, the
 * tooltip and export. Reference counted rather than a GObject because nothing
 * observes it: whoever wants another chart builds new data and hands it over.
 */

typedef struct
{
  char   *name;
  char   *color;
  GArray *values;  /* gint64 minor units */
} Series;

typedef struct
{
  char *text;
  char *color;
} Label;

struct _BudgChartData
{
  gatomicrefcount  ref_count;

  BudgChartKind    kind;
  char            *title;
  char            *currency;
  GArray          *labels;  /* Label */
  GPtrArray       *series;  /* Series */
  guint            projected_from;
};

G_DEFINE_BOXED_TYPE (BudgChartData, budg_chart_data, budg_chart_data_ref, budg_chart_data_unref)

static void
series_free (gpointer data)
{
  Series *series = data;

  g_free (series->name);
  g_free (series->color);
  g_array_unref (series->values);
  g_free (series);
}

static void
label_clear (gpointer data)
{
  Label *label = data;

  g_free (label->text);
  g_free (label->color);
}

/**
 * budg_chart_data_new:
 * @kind: the kind of chart
 * @title: (nullable): a title drawn above the chart
 * @currency: the ISO 4217 code of every value, for formatting them
 *
 * Returns: (transfer full): new, empty chart data
 */
BudgChartData *
budg_chart_data_new (BudgChartKind  kind,
                     const char    *title,
                     const char    *currency)
{
  BudgChartData *self;

  g_return_val_if_fail (kind <= BUDG_CHART_KIND_LINE, NULL);
  g_return_val_if_fail (currency != NULL, NULL);

  self = g_new0 (BudgChartData, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->kind = kind;
  self->title = g_strdup (title);
  self->currency = g_strdup (currency);
  self->labels = g_array_new (FALSE, TRUE, sizeof (Label));
  g_array_set_clear_func (self->labels, label_clear);
  self->series = g_ptr_array_new_with_free_func (series_free);
  self->projected_from = BUDG_CHART_NOT_PROJECTED;

  return self;
}

/**
 * budg_chart_data_ref:
 * @self: chart data
 *
 * Returns: (transfer full): @self
 */
BudgChartData *
budg_chart_data_ref (BudgChartData *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

/**
 * budg_chart_data_unref:
 * @self: (transfer full): chart data
 */
void
budg_chart_data_unref (BudgChartData *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->title);
  g_free (self->currency);
  g_array_unref (self->labels);
  g_ptr_array_unref (self->series);
  g_free (self);
}

BudgChartKind
budg_chart_data_get_kind (const BudgChartData *self)
{
  g_return_val_if_fail (self != NULL, BUDG_CHART_KIND_DONUT);

  return self->kind;
}

/**
 * budg_chart_data_get_title:
 * @self: chart data
 *
 * Returns: (nullable): the title
 */
const char *
budg_chart_data_get_title (const BudgChartData *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->title;
}

const char *
budg_chart_data_get_currency (const BudgChartData *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->currency;
}

/**
 * budg_chart_data_add_label:
 * @self: chart data
 * @label: what the position is called: a month on the x axis, or a
 *   slice's name in a donut
 * @color: (nullable): the slice's own colour as "#rrggbb" (a category
 *   colour), or %NULL for the palette; only donuts use it
 *
 * Returns: the label's index
 */
guint
budg_chart_data_add_label (BudgChartData *self,
                           const char    *label,
                           const char    *color)
{
  Label entry;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (label != NULL, 0);

  entry.text = g_strdup (label);
  entry.color = g_strdup (color);
  g_array_append_val (self->labels, entry);

  return self->labels->len - 1;
}

guint
budg_chart_data_get_n_labels (const BudgChartData *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->labels->len;
}

/**
 * budg_chart_data_get_label:
 * @self: chart data
 * @index: a position
 *
 * Returns: the label at @index, or "" past the last label
 */
const char *
budg_chart_data_get_label (const BudgChartData *self,
                           guint                index)
{
  g_return_val_if_fail (self != NULL, "");

  if (index >= self->labels->len)
    return "";

  return g_array_index (self->labels, Label, index).text;
}

/**
 * budg_chart_data_get_label_color:
 * @self: chart data
 * @index: a position
 *
 * Returns: (nullable): the colour given with the label, if any
 */
const char *
budg_chart_data_get_label_color (const BudgChartData *self,
                                 guint                index)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (index >= self->labels->len)
    return NULL;

  return g_array_index (self->labels, Label, index).color;
}

/**
 * budg_chart_data_add_series:
 * @self: chart data
 * @name: the series' name, shown in the legend (a category, an account)
 * @color: (nullable): the series' own colour as "#rrggbb", or %NULL for
 *   the palette
 *
 * Returns: the series' index
 */
guint
budg_chart_data_add_series (BudgChartData *self,
                            const char    *name,
                            const char    *color)
{
  Series *series;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (name != NULL, 0);

  series = g_new0 (Series, 1);
  series->name = g_strdup (name);
  series->color = g_strdup (color);
  series->values = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_ptr_array_add (self->series, series);

  return self->series->len - 1;
}

guint
budg_chart_data_get_n_series (const BudgChartData *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->series->len;
}

const char *
budg_chart_data_get_series_name (const BudgChartData *self,
                                 guint                series)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (series < self->series->len, NULL);

  return ((Series *) g_ptr_array_index (self->series, series))->name;
}

/**
 * budg_chart_data_get_series_color:
 * @self: chart data
 * @series: a series index
 *
 * Returns: (nullable): the colour given with the series, if any
 */
const char *
budg_chart_data_get_series_color (const BudgChartData *self,
                                  guint                series)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (series < self->series->len, NULL);

  return ((Series *) g_ptr_array_index (self->series, series))->color;
}

/**
 * budg_chart_data_append_value:
 * @self: chart data
 * @series: a series index
 * @value_minor: the next value, in minor units of the chart's currency
 */
void
budg_chart_data_append_value (BudgChartData *self,
                              guint          series,
                              gint64         value_minor)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (series < self->series->len);

  g_array_append_val (((Series *) g_ptr_array_index (self->series, series))->values, value_minor);
}

/**
 * budg_chart_data_set_values:
 * @self: chart data
 * @series: a series index
 * @values_minor: (array length=n_values): the values, in minor units
 * @n_values: how many
 *
 * Replaces the values of @series.
 */
void
budg_chart_data_set_values (BudgChartData *self,
                            guint          series,
                            const gint64  *values_minor,
                            guint          n_values)
{
  GArray *values;

  g_return_if_fail (self != NULL);
  g_return_if_fail (series < self->series->len);
  g_return_if_fail (values_minor != NULL || n_values == 0);

  values = ((Series *) g_ptr_array_index (self->series, series))->values;
  g_array_set_size (values, 0);
  g_array_append_vals (values, values_minor, n_values);
}

guint
budg_chart_data_get_n_values (const BudgChartData *self,
                              guint                series)
{
  g_return_val_if_fail (self != NULL, 0);

  if (series >= self->series->len)
    return 0;

  return ((Series *) g_ptr_array_index (self->series, series))->values->len;
}

/**
 * budg_chart_data_get_value:
 * @self: chart data
 * @series: a series index
 * @index: a position
 * @out_value_minor: (out) (optional): the value, or 0 if there is none
 *
 * A series may be shorter than the labels (a balance that starts late);
 * the missing positions have no value and nothing is drawn there.
 *
 * Returns: %TRUE if the series has a value at @index
 */
gboolean
budg_chart_data_get_value (const BudgChartData *self,
                           guint                series,
                           guint                index,
                           gint64              *out_value_minor)
{
  GArray *values;

  if (out_value_minor != NULL)
    *out_value_minor = 0;

  g_return_val_if_fail (self != NULL, FALSE);

  if (series >= self->series->len)
    return FALSE;

  values = ((Series *) g_ptr_array_index (self->series, series))->values;
  if (index >= values->len)
    return FALSE;

  if (out_value_minor != NULL)
    *out_value_minor = g_array_index (values, gint64, index);

  return TRUE;
}

/**
 * budg_chart_data_get_n_points:
 * @self: chart data
 *
 * Returns: how many positions the chart has: slices of a donut, groups of
 *   bars, points of a line; the most of the labels and of any series'
 *   values
 */
guint
budg_chart_data_get_n_points (const BudgChartData *self)
{
  guint n;

  g_return_val_if_fail (self != NULL, 0);

  n = self->labels->len;
  for (guint i = 0; i < self->series->len; i++)
    n = MAX (n, ((Series *) g_ptr_array_index (self->series, i))->values->len);

  return n;
}

/**
 * budg_chart_data_set_projected_from:
 * @self: chart data
 * @index: the first projected position (from the forecast), or
 *   %BUDG_CHART_NOT_PROJECTED
 *
 * Line charts draw the line dashed from the last recorded point on, so
 * that what is expected does not read as what happened.
 */
void
budg_chart_data_set_projected_from (BudgChartData *self,
                                    guint          index)
{
  g_return_if_fail (self != NULL);

  self->projected_from = index;
}

guint
budg_chart_data_get_projected_from (const BudgChartData *self)
{
  g_return_val_if_fail (self != NULL, BUDG_CHART_NOT_PROJECTED);

  return self->projected_from;
}

gboolean
budg_chart_data_is_projected (const BudgChartData *self,
                              guint                index)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return index >= self->projected_from;
}
