/* budg-cli-chart.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-cli-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "budg-chart-export.h"
#include "budg-chart.h"
#include "budg-cli-private.h"
#include "budg-date.h"
#include "budg-exchange-rates.h"
#include "budg-forecast.h"
#include "budg-money.h"
#include "budg-period.h"
#include "budg-report.h"
#include "budg-validate.h"

/* `chart donut|bars|line`: the reports drawn by the charts library into a
 * PNG, PDF or SVG file, so that a script (or cron) can make the same
 * pictures the Reports view shows. Each command turns report rows into
 * BudgChartData in one currency and hands it to budg_chart_export(), which
 * writes the file atomically.
 */

#define DEFAULT_WIDTH       800
#define DEFAULT_HEIGHT      600
#define DEFAULT_DONUT_TOP   8
#define DEFAULT_STACKED_TOP 6
#define MAX_TOP             50
/* A daily line longer than this is surely a typing mistake in a date, and
 * it is the forecast's own limit. */
#define MAX_DAYS            (366 * 20)

/* Income and expense in the green and red of the chart palette; the legend
 * names them, so the colours are not the only cue. What does not fit in a
 * donut or a stack is a neutral grey, apart from every category colour. */
#define INCOME_COLOR  "#2ec27e"
#define EXPENSE_COLOR "#e01b24"
#define OTHER_COLOR   "#9a9996"

/* The options every chart command takes, as given. */
typedef struct
{
  const char *from;
  const char *to;
  const char *currency;
  const char *output;
  const char *width;
  const char *height;
} ChartOptions;

/* The same, checked. */
typedef struct
{
  char       *from;
  char       *to;
  const char *format;   /* "png", "pdf" or "svg" */
  int         width;
  int         height;
} ChartRequest;

static void
chart_request_clear (ChartRequest *request)
{
  g_clear_pointer (&request->from, g_free);
  g_clear_pointer (&request->to, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ChartRequest, chart_request_clear)

/* A group of the report on its way into a chart: a slice, or a series of a
 * stack. */
typedef struct
{
  gint64  id;
  char   *label;
  char   *color;
  gint64  total_minor;
  gint64 *values;   /* per position, stacks only */
} Group;

static void
group_free (gpointer data)
{
  Group *group = data;

  g_free (group->label);
  g_free (group->color);
  g_free (group->values);
  g_free (group);
}

/* The largest total first; equal ones by label, so that runs agree. */
static int
compare_groups (gconstpointer a,
                gconstpointer b)
{
  const Group *group_a = *(Group **) a;
  const Group *group_b = *(Group **) b;

  if (group_a->total_minor != group_b->total_minor)
    return group_a->total_minor > group_b->total_minor ? -1 : 1;

  return g_utf8_collate (group_a->label, group_b->label);
}

/* The format the file name asks for, or %NULL; budg_chart_export() decides
 * the same way, but a wrong name is wrong usage, found before any work. */
static const char *
output_format (const char *path)
{
  static const char * const formats[] = { "png", "pdf", "svg" };
  g_autofree char *basename = g_path_get_basename (path);
  const char *dot = strrchr (basename, '.');

  if (dot == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      if (g_ascii_strcasecmp (dot + 1, formats[i]) == 0)
        return formats[i];
    }

  return NULL;
}

static int
parse_size (const BudgCliCommand *command,
            const char           *option,
            const char           *text,
            int                   fallback,
            int                  *out_size)
{
  guint value;

  if (text == NULL)
    {
      *out_size = fallback;
      return BUDG_CLI_CONTINUE;
    }

  if (!budg_cli_parse_count (text, &value) ||
      value < BUDG_CHART_EXPORT_MIN_SIZE || value > BUDG_CHART_EXPORT_MAX_SIZE)
    return budg_cli_usage_error (command, _("--%s takes a whole number of pixels from %d to %d, not “%s”."),
                                 option, BUDG_CHART_EXPORT_MIN_SIZE, BUDG_CHART_EXPORT_MAX_SIZE, text);

  *out_size = (int) value;

  return BUDG_CLI_CONTINUE;
}

static int
parse_top (const BudgCliCommand *command,
           const char           *text,
           guint                 fallback,
           guint                *out_top)
{
  if (text == NULL)
    {
      *out_top = fallback;
      return BUDG_CLI_CONTINUE;
    }

  if (!budg_cli_parse_count (text, out_top) || *out_top < 1 || *out_top > MAX_TOP)
    return budg_cli_usage_error (command, _("--top takes how many groups to show, from 1 to %d, not “%s”."),
                                 MAX_TOP, text);

  return BUDG_CLI_CONTINUE;
}

/* Checks what every chart command needs; usage errors first, then the
 * dates, which are input. */
static int
check_options (const BudgCliCommand *command,
               const ChartOptions   *options,
               ChartRequest         *out_request)
{
  g_autoptr(GError) error = NULL;
  int status;

  if (options->from == NULL)
    return budg_cli_usage_error (command, _("The option --from is required."));
  if (options->to == NULL)
    return budg_cli_usage_error (command, _("The option --to is required."));
  if (options->output == NULL || options->output[0] == '\0')
    return budg_cli_usage_error (command, _("The option --output is required: the file to write, ending in .png, .pdf or .svg."));

  if ((status = parse_size (command, "width", options->width, DEFAULT_WIDTH, &out_request->width)) != BUDG_CLI_CONTINUE ||
      (status = parse_size (command, "height", options->height, DEFAULT_HEIGHT, &out_request->height)) != BUDG_CLI_CONTINUE)
    return status;

  if (!(out_request->format = output_format (options->output)))
    {
      g_autofree char *display = g_filename_display_name (options->output);

      return budg_cli_usage_error (command, _("Budg cannot tell which format to write “%s” in. End the file name in .png, .pdf or .svg."),
                                   display);
    }

  if (!(out_request->from = budg_cli_parse_date (options->from, &error)) ||
      !(out_request->to = budg_cli_parse_date (options->to, &error)))
    return budg_cli_fail (error);

  if (strcmp (out_request->from, out_request->to) > 0)
    return budg_cli_fail_message (_("The chart starts on %s, after its end on %s. Swap the dates."),
                                  out_request->from, out_request->to);

  return BUDG_CLI_CONTINUE;
}

/* Finds the value of --by among @names; the first is the default. */
static int
parse_by (const BudgCliCommand *command,
          const char           *text,
          const char * const   *names,
          guint                *out_index)
{
  g_autofree char *joined = NULL;

  *out_index = 0;
  if (text == NULL)
    return BUDG_CLI_CONTINUE;

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_str_equal (text, names[i]))
        {
          *out_index = i;
          return BUDG_CLI_CONTINUE;
        }
    }

  joined = g_strjoinv (", ", (char **) names);

  return budg_cli_usage_error (command, _("--by takes %s, not “%s”."), joined, text);
}

/* The currency a chart counts in: the one asked for, else the one every
 * account of @accounts (every account when %NULL) has, so that nothing
 * needs converting, else the default currency, converted to with the
 * exchange rates the user entered. */
static char *
chart_currency (BudgContext  *context,
                const char   *asked,
                GPtrArray    *accounts,
                GError      **error)
{
  GListModel *all = G_LIST_MODEL (budg_context_get_accounts (context));
  const char *shared = NULL;
  guint n = accounts != NULL ? accounts->len : g_list_model_get_n_items (all);

  if (asked != NULL)
    {
      g_autofree char *code = g_ascii_strup (asked, -1);

      if (!budg_validate_currency (code, error))
        return NULL;

      return g_steal_pointer (&code);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BudgAccount) account = accounts != NULL
                                       ? g_object_ref (g_ptr_array_index (accounts, i))
                                       : g_list_model_get_item (all, i);
      const char *currency = budg_account_get_currency (account);

      if (shared == NULL)
        shared = currency;
      else if (!g_str_equal (shared, currency))
        return g_strdup (budg_context_get_default_currency (context));
    }

  return g_strdup (shared != NULL ? shared : budg_context_get_default_currency (context));
}

/* The dates of a chart's title, as the locale writes them. */
typedef struct
{
  char *first;
  char *last;
} TitleDates;

static void
title_dates_clear (TitleDates *dates)
{
  g_clear_pointer (&dates->first, g_free);
  g_clear_pointer (&dates->last, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TitleDates, title_dates_clear)

static void
title_dates_init (TitleDates         *dates,
                  const ChartRequest *request)
{
  dates->first = budg_date_format_short (request->from);
  dates->last = budg_date_format_short (request->to);
}

/* The months (or years) from @from to @to, as the reports key them. */
static GPtrArray *
list_periods (const char *from,
              const char *to,
              gboolean    years)
{
  GPtrArray *periods = g_ptr_array_new_with_free_func (g_free);
  BudgPeriod period;
  BudgPeriod last;

  budg_period_for_iso (BUDG_PERIOD_MONTH, from, &period, NULL);
  budg_period_for_iso (BUDG_PERIOD_MONTH, to, &last, NULL);

  for (; budg_period_compare (&period, &last) <= 0; budg_period_add (&period, 1))
    {
      char *text = budg_period_to_string (&period);

      if (years)
        text[4] = '\0';
      if (periods->len > 0 && g_str_equal (g_ptr_array_index (periods, periods->len - 1), text))
        g_free (text);
      else
        g_ptr_array_add (periods, text);
    }

  return periods;
}

/* A category's own colour, for report rows keyed by category. */
static const char *
category_color (BudgContext *context,
                gint64       category_id)
{
  BudgCategory *category;

  if (category_id == 0)
    return NULL;

  category = budg_category_store_lookup (budg_context_get_categories (context), category_id);

  return category != NULL ? budg_category_get_color (category) : NULL;
}

static int
print_result (BudgCli             *cli,
              const BudgChartData *data,
              const char          *output,
              const ChartRequest  *request)
{
  g_autoptr(GArray) items = budg_chart_list_items (data);
  g_autofree char *display = g_filename_display_name (output);
  guint projected_from = budg_chart_data_get_projected_from (data);

  if (!cli->json)
    {
      g_print (_("Wrote the chart to “%s”, %d × %d pixels.\n"), display, request->width, request->height);
      return BUDG_CLI_EXIT_OK;
    }

  {
    g_autoptr(JsonBuilder) builder = json_builder_new ();

    json_builder_begin_object (builder);
    budg_cli_json_add_string (builder, "output", output);
    budg_cli_json_add_string (builder, "format", request->format);
    budg_cli_json_add_int (builder, "width", request->width);
    budg_cli_json_add_int (builder, "height", request->height);
    budg_cli_json_add_int (builder, "items", items->len);
    budg_cli_json_add_string (builder, "currency", budg_chart_data_get_currency (data));

    /* What was drawn, so that scripts (and tests) can read the numbers
     * behind the picture. */
    json_builder_set_member_name (builder, "labels");
    json_builder_begin_array (builder);
    for (guint i = 0; i < budg_chart_data_get_n_labels (data); i++)
      json_builder_add_string_value (builder, budg_chart_data_get_label (data, i));
    json_builder_end_array (builder);

    json_builder_set_member_name (builder, "series");
    json_builder_begin_array (builder);
    for (guint s = 0; s < budg_chart_data_get_n_series (data); s++)
      {
        json_builder_begin_object (builder);
        budg_cli_json_add_string (builder, "name", budg_chart_data_get_series_name (data, s));
        budg_cli_json_add_string (builder, "color", budg_chart_data_get_series_color (data, s));
        json_builder_set_member_name (builder, "values");
        json_builder_begin_array (builder);
        for (guint i = 0; i < budg_chart_data_get_n_values (data, s); i++)
          {
            gint64 value;

            budg_chart_data_get_value (data, s, i, &value);
            json_builder_add_int_value (builder, value);
          }
        json_builder_end_array (builder);
        json_builder_end_object (builder);
      }
    json_builder_end_array (builder);

    budg_cli_json_add_string (builder, "projected_from",
                              projected_from != BUDG_CHART_NOT_PROJECTED
                              ? budg_chart_data_get_label (data, projected_from) : NULL);
    json_builder_end_object (builder);
    budg_cli_print_json (builder);
  }

  return BUDG_CLI_EXIT_OK;
}

static int
export_chart (BudgCli             *cli,
              const BudgChartData *data,
              const char          *output,
              const ChartRequest  *request)
{
  g_autoptr(GError) error = NULL;

  if (!budg_chart_export (data, NULL, output, request->width, request->height, &error))
    return budg_cli_fail (error);

  return print_result (cli, data, output, request);
}

/* How many of @groups (sorted, largest first) to show on their own: the
 * @top largest, or all of them when only one more would be left for
 * "Other", which would hide its name for nothing. */
static guint
split_top (GPtrArray *groups,
           guint      top)
{
  return groups->len <= top + 1 ? groups->len : top;
}

int
budg_cli_chart_donut (BudgCli               *cli,
                      const BudgCliCommand  *command,
                      int                    argc,
                      char                 **argv)
{
  static const char * const by_names[] = { "category", "parent", "payee", NULL };
  static const BudgReportGroup by_groups[] = {
    BUDG_REPORT_GROUP_CATEGORY, BUDG_REPORT_GROUP_PARENT, BUDG_REPORT_GROUP_PAYEE,
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func (group_free);
  g_autoptr(BudgChartData) data = NULL;
  g_autofree char *currency = NULL;
  g_autofree char *title = NULL;
  g_auto(ChartRequest) request = { 0 };
  g_auto(TitleDates) dates = { 0 };
  ChartOptions given = { 0 };
  const char *by_text = NULL;
  const char *top_text = NULL;
  const BudgCliOption options[] = {
    { "from", TRUE, &given.from },
    { "to", TRUE, &given.to },
    { "by", TRUE, &by_text },
    { "top", TRUE, &top_text },
    { "currency", TRUE, &given.currency },
    { "output", TRUE, &given.output },
    { "width", TRUE, &given.width },
    { "height", TRUE, &given.height },
    { NULL }
  };
  BudgReportQuery query = { 0 };
  BudgContext *context;
  gint64 other = 0;
  guint series;
  guint by;
  guint top;
  guint shown;
  int status;

  if ((status = budg_cli_parse (cli, command, argc, argv, options, NULL)) != BUDG_CLI_CONTINUE ||
      (status = parse_by (command, by_text, by_names, &by)) != BUDG_CLI_CONTINUE ||
      (status = parse_top (command, top_text, DEFAULT_DONUT_TOP, &top)) != BUDG_CLI_CONTINUE ||
      (status = check_options (command, &given, &request)) != BUDG_CLI_CONTINUE)
    return status;

  if (!(context = budg_cli_get_context (cli, &error)))
    return budg_cli_fail (error);

  if (!(currency = chart_currency (context, given.currency, NULL, &error)))
    return budg_cli_fail (error);
  query.from = request.from;
  query.to = request.to;
  query.group = by_groups[by];
  query.currency = currency;

  if (!(rows = budg_report_spending (budg_context_get_database (context), &query, &error)))
    return budg_cli_fail (error);

  for (guint i = 0; i < rows->len; i++)
    {
      BudgReportRow *row = g_ptr_array_index (rows, i);
      Group *group;

      /* Refunds larger than the spending leave a group below zero: it has
       * no share to show. */
      if (row->amount_minor <= 0)
        continue;

      group = g_new0 (Group, 1);
      group->id = row->id;
      group->label = g_strdup (row->label);
      group->total_minor = row->amount_minor;
      if (query.group != BUDG_REPORT_GROUP_PAYEE)
        group->color = g_strdup (category_color (context, row->id));
      g_ptr_array_add (groups, group);
    }
  g_ptr_array_sort (groups, compare_groups);
  shown = split_top (groups, top);

  title_dates_init (&dates, &request);
  switch (query.group)
    {
    case BUDG_REPORT_GROUP_PARENT:
      title = g_strdup_printf (_("Spending by top-level category, %s to %s"), dates.first, dates.last);
      break;
    case BUDG_REPORT_GROUP_PAYEE:
      title = g_strdup_printf (_("Spending by payee, %s to %s"), dates.first, dates.last);
      break;
    case BUDG_REPORT_GROUP_CATEGORY:
    default:
      title = g_strdup_printf (_("Spending by category, %s to %s"), dates.first, dates.last);
      break;
    }
  data = budg_chart_data_new (BUDG_CHART_KIND_DONUT, title, currency);
  series = budg_chart_data_add_series (data, _("Spending"), NULL);

  for (guint i = 0; i < groups->len; i++)
    {
      Group *group = g_ptr_array_index (groups, i);

      if (i < shown)
        {
          budg_chart_data_add_label (data, group->label, group->color);
          budg_chart_data_append_value (data, series, group->total_minor);
        }
      else if (!budg_money_add (other, group->total_minor, &other, &error))
        return budg_cli_fail (error);
    }

  if (other > 0)
    {
      budg_chart_data_add_label (data, _("Other"), OTHER_COLOR);
      budg_chart_data_append_value (data, series, other);
    }

  return export_chart (cli, data, given.output, &request);
}

/* Spending per top-level category stacked per month or year: the largest
 * categories over the whole range each get a series, the rest one more. */
static BudgChartData *
build_stacked (BudgContext         *context,
               const ChartRequest  *request,
               const char          *currency,
               gboolean             years,
               guint                top,
               GError             **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) periods = list_periods (request->from, request->to, years);
  g_autoptr(GHashTable) period_index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func (group_free);
  g_autofree gint64 *other = g_new0 (gint64, periods->len);
  g_autofree char *title = NULL;
  g_autoptr(BudgChartData) data = NULL;
  g_auto(TitleDates) dates = { 0 };
  BudgReportQuery query = { 0 };
  gboolean has_other = FALSE;
  guint shown;

  query.from = request->from;
  query.to = request->to;
  query.group = BUDG_REPORT_GROUP_PARENT;
  query.by_month = TRUE;
  query.currency = currency;

  if (!(rows = budg_report_spending (budg_context_get_database (context), &query, error)))
    return NULL;

  for (guint i = 0; i < periods->len; i++)
    g_hash_table_insert (period_index, g_ptr_array_index (periods, i), GUINT_TO_POINTER (i + 1));

  for (guint i = 0; i < rows->len; i++)
    {
      BudgReportRow *row = g_ptr_array_index (rows, i);
      char key[8];
      guint index;
      Group *group;

      g_strlcpy (key, row->month, years ? 5 : sizeof key);
      index = GPOINTER_TO_UINT (g_hash_table_lookup (period_index, key));
      g_assert (index > 0);

      /* By id: "Uncategorized" (0) must not meet a category of that name. */
      if (!(group = g_hash_table_lookup (by_id, &row->id)))
        {
          group = g_new0 (Group, 1);
          group->id = row->id;
          group->label = g_strdup (row->label);
          group->color = g_strdup (category_color (context, row->id));
          group->values = g_new0 (gint64, periods->len);
          g_ptr_array_add (groups, group);
          g_hash_table_insert (by_id, &group->id, group);
        }

      if (!budg_money_add (group->values[index - 1], row->amount_minor, &group->values[index - 1], error) ||
          !budg_money_add (group->total_minor, row->amount_minor, &group->total_minor, error))
        return NULL;
    }

  g_ptr_array_sort (groups, compare_groups);
  shown = split_top (groups, top);

  title_dates_init (&dates, request);
  title = g_strdup_printf (_("Spending by top-level category, %s to %s"), dates.first, dates.last);
  data = budg_chart_data_new (BUDG_CHART_KIND_BARS_STACKED, title, currency);
  for (guint i = 0; i < periods->len; i++)
    budg_chart_data_add_label (data, g_ptr_array_index (periods, i), NULL);

  for (guint i = 0; i < groups->len; i++)
    {
      Group *group = g_ptr_array_index (groups, i);

      if (i < shown)
        {
          guint series = budg_chart_data_add_series (data, group->label, group->color);

          budg_chart_data_set_values (data, series, group->values, periods->len);
          continue;
        }

      has_other = TRUE;
      for (guint p = 0; p < periods->len; p++)
        if (!budg_money_add (other[p], group->values[p], &other[p], error))
          return NULL;
    }

  if (has_other)
    {
      guint series = budg_chart_data_add_series (data, _("Other"), OTHER_COLOR);

      budg_chart_data_set_values (data, series, other, periods->len);
    }

  return g_steal_pointer (&data);
}

/* Income against expense per month or year, side by side. */
static BudgChartData *
build_grouped (BudgContext         *context,
               const ChartRequest  *request,
               const char          *currency,
               gboolean             years,
               GError             **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(BudgChartData) data = NULL;
  g_autofree char *title = NULL;
  g_auto(TitleDates) dates = { 0 };
  BudgReportQuery query = { 0 };
  guint income;
  guint expense;

  query.from = request->from;
  query.to = request->to;
  query.group = years ? BUDG_REPORT_GROUP_YEAR : BUDG_REPORT_GROUP_MONTH;
  query.currency = currency;

  if (!(rows = budg_report_income_expense (budg_context_get_database (context), &query, error)))
    return NULL;

  title_dates_init (&dates, request);
  title = g_strdup_printf (_("Income and expense, %s to %s"), dates.first, dates.last);
  data = budg_chart_data_new (BUDG_CHART_KIND_BARS_GROUPED, title, currency);
  income = budg_chart_data_add_series (data, _("Income"), INCOME_COLOR);
  expense = budg_chart_data_add_series (data, _("Expense"), EXPENSE_COLOR);

  /* One currency was asked for, so there is one row per period. */
  for (guint i = 0; i < rows->len; i++)
    {
      BudgReportRow *row = g_ptr_array_index (rows, i);

      budg_chart_data_add_label (data, row->key, NULL);
      budg_chart_data_append_value (data, income, row->income_minor);
      budg_chart_data_append_value (data, expense, row->expense_minor);
    }

  return g_steal_pointer (&data);
}

int
budg_cli_chart_bars (BudgCli               *cli,
                     const BudgCliCommand  *command,
                     int                    argc,
                     char                 **argv)
{
  static const char * const by_names[] = { "month", "year", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(BudgChartData) data = NULL;
  g_autofree char *currency = NULL;
  g_auto(ChartRequest) request = { 0 };
  ChartOptions given = { 0 };
  const char *by_text = NULL;
  const char *top_text = NULL;
  gboolean stacked = FALSE;
  const BudgCliOption options[] = {
    { "from", TRUE, &given.from },
    { "to", TRUE, &given.to },
    { "by", TRUE, &by_text },
    { "stacked", FALSE, &stacked },
    { "top", TRUE, &top_text },
    { "currency", TRUE, &given.currency },
    { "output", TRUE, &given.output },
    { "width", TRUE, &given.width },
    { "height", TRUE, &given.height },
    { NULL }
  };
  BudgContext *context;
  guint by;
  guint top;
  int status;

  if ((status = budg_cli_parse (cli, command, argc, argv, options, NULL)) != BUDG_CLI_CONTINUE ||
      (status = parse_by (command, by_text, by_names, &by)) != BUDG_CLI_CONTINUE ||
      (status = parse_top (command, top_text, DEFAULT_STACKED_TOP, &top)) != BUDG_CLI_CONTINUE)
    return status;

  if (top_text != NULL && !stacked)
    return budg_cli_usage_error (command, _("--top is for --stacked bars; income and expense are two series."));

  if ((status = check_options (command, &given, &request)) != BUDG_CLI_CONTINUE)
    return status;

  if (!(context = budg_cli_get_context (cli, &error)))
    return budg_cli_fail (error);

  if (!(currency = chart_currency (context, given.currency, NULL, &error)))
    return budg_cli_fail (error);
  data = stacked
    ? build_stacked (context, &request, currency, by == 1, top, &error)
    : build_grouped (context, &request, currency, by == 1, &error);
  if (data == NULL)
    return budg_cli_fail (error);

  return export_chart (cli, data, given.output, &request);
}

/* The end of each month from @from to @to (@to for the last, as the
 * reports have it), or every day. */
static GPtrArray *
list_dates (const char *from,
            const char *to,
            gboolean    days)
{
  GPtrArray *dates = g_ptr_array_new_with_free_func (g_free);

  if (days)
    {
      g_autofree char *day = g_strdup (from);

      /* No day follows 9999-12-31. */
      while (day != NULL && strcmp (day, to) <= 0)
        {
          char *next = budg_date_add_days (day, 1);

          g_ptr_array_add (dates, g_steal_pointer (&day));
          day = next;
        }
    }
  else
    {
      g_autoptr(GPtrArray) months = list_periods (from, to, FALSE);

      for (guint i = 0; i < months->len; i++)
        {
          BudgPeriod period;
          char *last;

          budg_period_parse (g_ptr_array_index (months, i), &period, NULL);
          last = budg_period_dup_last_iso (&period);
          if (strcmp (last, to) > 0)
            {
              g_free (last);
              last = g_strdup (to);
            }
          g_ptr_array_add (dates, last);
        }
    }

  return dates;
}

static gboolean
convert (BudgDatabase  *database,
         gint64         amount_minor,
         const char    *from_currency,
         const char    *to_currency,
         const char    *date,
         gint64        *out_minor,
         GError       **error)
{
  /* Nothing needs no rate, and neither does the same currency. */
  if (amount_minor == 0 || g_str_equal (from_currency, to_currency))
    {
      *out_minor = amount_minor;
      return TRUE;
    }

  return budg_exchange_rates_convert (database, amount_minor, from_currency, to_currency,
                                      date, out_minor, error);
}

/* The balance of @account at the end of each of @dates, in @currency. Up
 * to @projected_from (exclusive) it is what was recorded: the balance
 * snapshot of that day, or the latest one before it plus the transactions
 * since, as the reports count it. From @projected_from on it is the
 * forecast from @today, which adds the bills still to pay. */
static gboolean
account_balances (BudgContext  *context,
                  BudgAccount  *account,
                  GPtrArray    *dates,
                  guint         projected_from,
                  const char   *today,
                  const char   *currency,
                  gint64       *out_values,
                  GError      **error)
{
  BudgDatabase *database = budg_context_get_database (context);
  gint64 id = budg_account_get_id (account);
  const char *account_currency = budg_account_get_currency (account);
  g_autoptr(GPtrArray) snapshots = NULL;
  g_autoptr(GHashTable) snapshot_days = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(BudgForecast) forecast = NULL;
  guint forecast_day = 0;

  if (!(snapshots = budg_balance_store_list (budg_context_get_balances (context), id, error)))
    return FALSE;
  /* One at most per account and day. */
  for (guint i = 0; i < snapshots->len; i++)
    {
      BudgBalanceSnapshot *snapshot = g_ptr_array_index (snapshots, i);

      g_hash_table_insert (snapshot_days, (gpointer) budg_balance_snapshot_get_date (snapshot), snapshot);
    }

  if (projected_from < dates->len)
    {
      forecast = budg_forecast_compute (database, budg_context_get_dues (context), id,
                                        today, g_ptr_array_index (dates, dates->len - 1), error);
      if (forecast == NULL)
        return FALSE;
    }

  for (guint i = 0; i < dates->len; i++)
    {
      const char *date = g_ptr_array_index (dates, i);
      BudgBalanceSnapshot *snapshot;
      gint64 balance;

      if (i >= projected_from)
        {
          while (forecast_day + 1 < forecast->days->len &&
                 strcmp (g_array_index (forecast->days, BudgForecastDay, forecast_day).date, date) < 0)
            forecast_day++;
          balance = g_array_index (forecast->days, BudgForecastDay, forecast_day).balance_minor;
        }
      else if ((snapshot = g_hash_table_lookup (snapshot_days, date)) != NULL)
        balance = budg_balance_snapshot_get_amount_minor (snapshot);
      else if (!budg_transaction_store_balance_after (budg_context_get_transactions (context),
                                                      id, date, G_MAXINT64, &balance, error))
        return FALSE;

      if (!convert (database, balance, account_currency, currency, date, &out_values[i], error))
        return FALSE;
    }

  return TRUE;
}

/* Resolves --account, each account once, in the order given. */
static GPtrArray *
find_accounts (BudgContext  *context,
               GPtrArray    *names,
               GError      **error)
{
  g_autoptr(GPtrArray) accounts = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < names->len; i++)
    {
      BudgAccount *account = budg_account_store_find (budg_context_get_accounts (context),
                                                      g_ptr_array_index (names, i), error);

      if (account == NULL)
        return NULL;
      if (!g_ptr_array_find (accounts, account, NULL))
        g_ptr_array_add (accounts, g_object_ref (account));
    }

  return g_steal_pointer (&accounts);
}

static GPtrArray *
all_accounts (BudgContext *context)
{
  GListModel *model = G_LIST_MODEL (budg_context_get_accounts (context));
  GPtrArray *accounts = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (accounts, g_list_model_get_item (model, i));

  return accounts;
}

int
budg_cli_chart_line (BudgCli               *cli,
                     const BudgCliCommand  *command,
                     int                    argc,
                     char                 **argv)
{
  static const char * const by_names[] = { "month", "day", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) account_names = NULL;
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GPtrArray) dates = NULL;
  g_autoptr(BudgChartData) data = NULL;
  g_autofree char *currency = NULL;
  g_autofree char *title = NULL;
  g_autofree char *today = budg_date_today ();
  g_auto(TitleDates) title_dates = { 0 };
  g_autofree gint64 *values = NULL;
  g_autofree gint64 *net_worth = NULL;
  g_auto(ChartRequest) request = { 0 };
  ChartOptions given = { 0 };
  const char *by_text = NULL;
  gboolean projected = FALSE;
  const BudgCliOption options[] = {
    { "from", TRUE, &given.from },
    { "to", TRUE, &given.to },
    { "account", TRUE, &account_names, TRUE },
    { "by", TRUE, &by_text },
    { "projected", FALSE, &projected },
    { "currency", TRUE, &given.currency },
    { "output", TRUE, &given.output },
    { "width", TRUE, &given.width },
    { "height", TRUE, &given.height },
    { NULL }
  };
  guint projected_from = BUDG_CHART_NOT_PROJECTED;
  BudgContext *context;
  gboolean by_day;
  guint by;
  int status;

  if ((status = budg_cli_parse (cli, command, argc, argv, options, NULL)) != BUDG_CLI_CONTINUE ||
      (status = parse_by (command, by_text, by_names, &by)) != BUDG_CLI_CONTINUE ||
      (status = check_options (command, &given, &request)) != BUDG_CLI_CONTINUE)
    return status;

  by_day = by == 1;
  if (by_day)
    {
      GDate first;
      GDate last;

      budg_date_parse (request.from, &first, NULL);
      budg_date_parse (request.to, &last, NULL);
      if (g_date_days_between (&first, &last) >= MAX_DAYS)
        return budg_cli_fail_message (_("A chart by day covers at most twenty years; %s to %s is longer. Use --by month for longer ranges."),
                                      request.from, request.to);
    }

  if (!(context = budg_cli_get_context (cli, &error)))
    return budg_cli_fail (error);

  if (account_names != NULL)
    accounts = find_accounts (context, account_names, &error);
  else
    accounts = all_accounts (context);
  if (accounts == NULL)
    return budg_cli_fail (error);

  if (!(currency = chart_currency (context, given.currency, accounts, &error)))
    return budg_cli_fail (error);
  dates = list_dates (request.from, request.to, by_day);

  /* Everything after today is what the forecast expects. */
  if (projected)
    {
      for (guint i = 0; i < dates->len && projected_from == BUDG_CHART_NOT_PROJECTED; i++)
        if (strcmp (g_ptr_array_index (dates, i), today) > 0)
          projected_from = i;
    }

  title_dates_init (&title_dates, &request);
  if (account_names == NULL)
    title = g_strdup_printf (_("Net worth, %s to %s"), title_dates.first, title_dates.last);
  else if (accounts->len == 1)
    title = g_strdup_printf (_("Balance of “%s”, %s to %s"),
                             budg_account_get_name (g_ptr_array_index (accounts, 0)),
                             title_dates.first, title_dates.last);
  else
    title = g_strdup_printf (_("Balances, %s to %s"), title_dates.first, title_dates.last);

  data = budg_chart_data_new (BUDG_CHART_KIND_LINE, title, currency);
  for (guint i = 0; i < dates->len; i++)
    {
      const char *date = g_ptr_array_index (dates, i);
      g_autofree char *month = by_day ? NULL : g_strndup (date, 7);

      budg_chart_data_add_label (data, by_day ? date : month, NULL);
    }
  budg_chart_data_set_projected_from (data, projected_from);

  values = g_new0 (gint64, dates->len);
  net_worth = g_new0 (gint64, dates->len);

  for (guint a = 0; a < accounts->len; a++)
    {
      BudgAccount *account = g_ptr_array_index (accounts, a);

      if (!account_balances (context, account, dates, projected_from, today, currency, values, &error))
        return budg_cli_fail (error);

      if (account_names != NULL)
        {
          guint series = budg_chart_data_add_series (data, budg_account_get_name (account), NULL);

          budg_chart_data_set_values (data, series, values, dates->len);
          continue;
        }

      for (guint i = 0; i < dates->len; i++)
        if (!budg_money_add (net_worth[i], values[i], &net_worth[i], &error))
          return budg_cli_fail (error);
    }

  if (account_names == NULL)
    {
      guint series = budg_chart_data_add_series (data, _("Net worth"), NULL);

      budg_chart_data_set_values (data, series, net_worth, dates->len);
    }

  return export_chart (cli, data, given.output, &request);
}
