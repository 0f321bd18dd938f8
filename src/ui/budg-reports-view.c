/* budg-reports-view.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-reports-view"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "budg-chart-export.h"
#include "budg-chart-view.h"
#include "budg-date-row.h"
#include "budg-date.h"
#include "budg-error.h"
#include "budg-exchange-rates.h"
#include "budg-forecast.h"
#include "budg-insights.h"
#include "budg-money.h"
#include "budg-period.h"
#include "budg-reports-line.h"
#include "budg-reports-view.h"
#include "budg-transaction-query.h"
#include "budg-util.h"

/* The Reports view. Every report is computed by src/core/budg-report.c on
 * the main thread: the monthly totals make even ten years of a million
 * transactions a matter of milliseconds (spending by payee, which reads
 * the transactions themselves, takes a tenth of a second for a year of
 * them), and the view computes only while it is on screen. Amounts are
 * converted into the default currency; without the exchange rates for that,
 * the view counts the default currency alone and says what is missing.
 * Insights read a year of transactions, so they are computed in a thread
 * and come a moment after the report.
 */

/* A donut shows the largest slices and adds up the rest, so that its
 * colours stay apart and its legend fits. */
#define MAX_SLICES 10
/* Longer ranges count by year, or the bars would be hairlines. */
#define MAX_MONTHLY_PERIODS 36
/* Up to this many rows the table is as tall as its rows; beyond, it
 * scrolls inside the page. */
#define MAX_UNSCROLLED_ROWS 20
#define DEFAULT_EXPORT_WIDTH 1200
#define DEFAULT_EXPORT_HEIGHT 800

/* libadwaita's palette: green 4, red 3, blue 3, orange 3. */
#define COLOR_INCOME "#2ec27e"
#define COLOR_EXPENSE "#e01b24"
#define COLOR_BALANCE "#3584e4"
#define COLOR_SPENT "#ff7800"

struct _BudgReportsView
{
  GtkWidget             parent_instance;

  BudgContext          *context;
  gboolean              active;
  gboolean              compact;
  gboolean              stale;
  gboolean              insights_stale;
  guint                 refresh_source;
  GCancellable         *insights_cancellable;

  BudgReportsKind       report;
  BudgReportsPeriod     period;
  char                 *from;
  char                 *to;

  /* What is shown: the report's rows, the table's lines and, for each
   * label of the chart, the transactions behind it (NULL for "Other"). */
  GPtrArray            *rows;
  GListStore           *lines;
  GPtrArray            *targets;

  GtkNativeDialog      *file_chooser;
  int                   export_width;    /* 0: the size on screen */
  int                   export_height;

  /* Template children */
  AdwToastOverlay      *toast_overlay;
  GtkDropDown          *report_dropdown;
  GtkDropDown          *period_dropdown;
  GtkRevealer          *range_revealer;
  BudgDateRow          *from_row;
  BudgDateRow          *to_row;
  GtkWidget            *notice_box;
  GtkLabel             *notice_label;
  GtkScrolledWindow    *scrolled_window;
  GtkStack             *stack;
  BudgChartView        *chart_view;
  GtkScrolledWindow    *table_window;
  GtkColumnView        *column_view;
  GtkColumnViewColumn  *columns[BUDG_REPORTS_N_COLUMNS];
  AdwStatusPage        *empty_status;
  AdwStatusPage        *error_status;
  GtkListBox           *insights_list;
};

G_DEFINE_FINAL_TYPE (BudgReportsView, budg_reports_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_ACTIVE,
  PROP_COMPACT,
  N_PROPS
};

enum {
  SHOW_TRANSACTIONS,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The names of the reports, as in the picker. */
static const char * const report_names[] = {
  N_("Spending by Category"),
  N_("Spending by Payee"),
  N_("Income and Expense"),
  N_("Net Worth"),
  N_("Budget vs Actual"),
  N_("Monthly Summary"),
};

/* Helpers -------------------------------------------------------------------- */

static BudgTransactionQuery *
make_query (const char *from,
            const char *to,
            gint64      category_id,
            gboolean    uncategorized,
            const char *payee)
{
  BudgTransactionQuery query = { 0 };

  query.from_date = from;
  query.to_date = to;
  query.category_id = category_id;
  query.uncategorized = uncategorized;
  query.payee = payee;
  query.sort = BUDG_TRANSACTION_SORT_DATE;
  query.descending = TRUE;

  return budg_transaction_query_copy (&query);
}

/* How the table names a month: in full, or short on a narrow window. */
static const char *
long_month_format (BudgReportsView *self)
{
  return self->compact ? "%b %Y" : "%B %Y";
}

static gboolean
is_month_key (const char *key)
{
  return key != NULL && strlen (key) == 7 && key[4] == '-';
}

/* "2026-11" as "November 2026" (with @format "%B %Y") or "Nov" ("%b");
 * years and anything else stay as they are. */
static char *
format_month (const char *key,
              const char *format)
{
  g_autoptr(GDateTime) start = NULL;
  BudgPeriod period;

  if (!is_month_key (key) || !budg_period_parse (key, &period, NULL))
    return g_strdup (key);

  start = g_date_time_new_utc (period.year, period.number, 1, 0, 0, 0);

  return g_date_time_format (start, format);
}

/* The days of a month ("2026-11") or year ("2026") key within the report. */
static void
key_range (BudgReportsView  *self,
           const char       *key,
           char            **out_from,
           char            **out_to)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  BudgPeriod period;

  if (is_month_key (key) && budg_period_parse (key, &period, NULL))
    {
      from = budg_period_dup_first_iso (&period);
      to = budg_period_dup_last_iso (&period);
    }
  else if (key != NULL && strlen (key) == 4)
    {
      from = g_strdup_printf ("%s-01-01", key);
      to = g_strdup_printf ("%s-12-31", key);
    }
  else
    {
      from = g_strdup (self->from);
      to = g_strdup (self->to);
    }

  *out_from = g_strdup (strcmp (from, self->from) < 0 ? self->from : from);
  *out_to = g_strdup (strcmp (to, self->to) > 0 ? self->to : to);
}

static guint
count_months (const char *from,
              const char *to)
{
  BudgPeriod first;
  BudgPeriod last;

  if (!budg_period_for_iso (BUDG_PERIOD_MONTH, from, &first, NULL) ||
      !budg_period_for_iso (BUDG_PERIOD_MONTH, to, &last, NULL))
    return 0;

  return (guint) MAX (0, budg_period_get_ordinal (&last) - budg_period_get_ordinal (&first) + 1);
}

static char *
dup_period_text (BudgReportsView *self)
{
  g_autofree char *from = budg_date_format_short (self->from);
  g_autofree char *to = budg_date_format_short (self->to);

  /* Translators: a range of dates, "1/1/26 – 1/31/26". */
  return g_strdup_printf (_("%1$s – %2$s"), from, to);
}

static BudgChartData *
chart_new (BudgReportsView *self,
           BudgChartKind    kind,
           const char      *currency)
{
  g_autofree char *period = dup_period_text (self);
  g_autofree char *title = NULL;

  /* Translators: a chart's title: the report's name, then its dates. */
  title = g_strdup_printf (C_("chart title", "%1$s, %2$s"), _(report_names[self->report]), period);

  return budg_chart_data_new (kind, title, currency);
}

static BudgReportRow *
report_row_new (const char *key,
                const char *currency)
{
  BudgReportRow *row = g_new0 (BudgReportRow, 1);

  row->key = g_strdup (key);
  row->label = g_strdup (key);
  g_strlcpy (row->currency, currency, sizeof row->currency);

  return row;
}

static void
keep_currency (GPtrArray  *rows,
               const char *currency)
{
  for (guint i = rows->len; i > 0; i--)
    {
      BudgReportRow *row = g_ptr_array_index (rows, i - 1);

      if (!g_str_equal (row->currency, currency))
        g_ptr_array_remove_index (rows, i - 1);
    }
}

typedef GPtrArray *(*ReportFunc) (BudgDatabase           *database,
                                  const BudgReportQuery  *query,
                                  GError                **error);

static char *
dup_notice (const char   *currency,
            const GError *error)
{
  /* Translators: %1$s is a currency code, %2$s says which exchange rate is missing. */
  return g_strdup_printf (_("Only amounts in %1$s are counted. %2$s"), currency, error->message);
}

/* Runs @func converted into the default currency. Without the exchange
 * rates for that, it runs again unconverted and keeps the rows in the
 * default currency; @out_notice then says what was left out and why. */
static GPtrArray *
run_converted (BudgReportsView  *self,
               ReportFunc        func,
               BudgReportQuery  *query,
               char            **out_notice,
               GError          **error)
{
  BudgDatabase *database = budg_context_get_database (self->context);
  const char *currency = budg_context_get_default_currency (self->context);
  g_autoptr(GError) local_error = NULL;
  GPtrArray *rows;

  query->currency = currency;
  rows = func (database, query, &local_error);
  if (rows != NULL)
    return rows;

  if (!g_error_matches (local_error, BUDG_ERROR, BUDG_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  *out_notice = dup_notice (currency, local_error);
  query->currency = NULL;
  rows = func (database, query, error);
  if (rows != NULL)
    keep_currency (rows, currency);

  return rows;
}

/* Table columns ------------------------------------------------------------- */

static void
set_columns (BudgReportsView *self,
             const char      *title0,
             const char      *title1,
             const char      *title2,
             const char      *title3,
             const char      *title4)
{
  const char *titles[BUDG_REPORTS_N_COLUMNS] = { title0, title1, title2, title3, title4 };

  for (guint i = 0; i < BUDG_REPORTS_N_COLUMNS; i++)
    {
      gtk_column_view_column_set_title (self->columns[i], titles[i]);
      gtk_column_view_column_set_visible (self->columns[i], titles[i] != NULL);
    }
}

static void
factory_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
factory_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  guint column = GPOINTER_TO_UINT (user_data);
  BudgReportsLine *line = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  gboolean numeric = (line->numeric & (1u << column)) != 0;

  gtk_label_set_text (GTK_LABEL (label), line->text[column] != NULL ? line->text[column] : "");
  /* Amounts keep every digit; names give way. */
  gtk_label_set_ellipsize (GTK_LABEL (label), numeric ? PANGO_ELLIPSIZE_NONE : PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1.0 : 0.0);
  /* Narrow, a name shrinks to a few letters before the table scrolls. */
  gtk_label_set_width_chars (GTK_LABEL (label), numeric ? -1 : 6);
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  else
    gtk_widget_remove_css_class (label, "numeric");
  /* Red, and a minus sign in the text for those who cannot see red. */
  if (line->negative & (1u << column))
    gtk_widget_add_css_class (label, "error");
  else
    gtk_widget_remove_css_class (label, "error");
}

static void
setup_factories (BudgReportsView *self)
{
  for (guint i = 0; i < BUDG_REPORTS_N_COLUMNS; i++)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

      g_signal_connect (factory, "setup", G_CALLBACK (factory_setup_cb), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (factory_bind_cb), GUINT_TO_POINTER (i));
      gtk_column_view_column_set_factory (self->columns[i], factory);
    }
}

/* The reports ---------------------------------------------------------------- */

typedef struct
{
  GPtrArray     *rows;
  GPtrArray     *lines;
  GPtrArray     *targets;
  BudgChartData *chart;
  char          *notice;
  gboolean       empty;
  const char    *empty_text;
} Built;

static void
built_clear (Built *built)
{
  g_clear_pointer (&built->rows, g_ptr_array_unref);
  g_clear_pointer (&built->lines, g_ptr_array_unref);
  g_clear_pointer (&built->targets, g_ptr_array_unref);
  g_clear_pointer (&built->chart, budg_chart_data_unref);
  g_clear_pointer (&built->notice, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Built, built_clear)

static const char *
category_color (BudgReportsView *self,
                gint64           category_id)
{
  BudgCategory *category;

  if (category_id == 0)
    return NULL;

  category = budg_category_store_lookup (budg_context_get_categories (self->context), category_id);

  return category != NULL ? budg_category_get_color (category) : NULL;
}

static gboolean
build_spending (BudgReportsView  *self,
                gboolean          by_payee,
                Built            *built,
                GError          **error)
{
  BudgReportQuery query = { self->from, self->to, by_payee ? BUDG_REPORT_GROUP_PAYEE : BUDG_REPORT_GROUP_PARENT };
  const char *currency = budg_context_get_default_currency (self->context);
  gint64 whole = 0;
  gint64 rest = 0;
  gboolean has_rest = FALSE;
  guint shown;

  if (!(built->rows = run_converted (self, budg_report_spending, &query, &built->notice, error)))
    return FALSE;

  set_columns (self, by_payee ? _("Payee") : _("Category"), _("Spent"), _("Share"), NULL, NULL);
  built->chart = chart_new (self, BUDG_CHART_KIND_DONUT, currency);
  budg_chart_data_add_series (built->chart, _("Spent"), NULL);

  for (guint i = 0; i < built->rows->len; i++)
    {
      BudgReportRow *row = g_ptr_array_index (built->rows, i);

      if (row->amount_minor > 0)
        whole += row->amount_minor;
    }

  shown = built->rows->len <= MAX_SLICES ? built->rows->len : MAX_SLICES - 1;
  for (guint i = 0; i < built->rows->len; i++)
    {
      BudgReportRow *row = g_ptr_array_index (built->rows, i);
      BudgTransactionQuery *target = NULL;
      BudgReportsLine *line;

      /* A payee's transactions are found by name, a category's by id. */
      if (!by_payee)
        target = make_query (self->from, self->to, row->id, row->key == NULL, NULL);
      else if (row->key != NULL)
        target = make_query (self->from, self->to, 0, FALSE, row->key);

      line = budg_reports_line_new (target, row->currency);
      budg_reports_line_set_text (line, 0, row->label);
      budg_reports_line_set_amount (line, 1, row->amount_minor);
      budg_reports_line_set_share (line, 2, row->amount_minor, whole);
      g_ptr_array_add (built->lines, line);

      if (i < shown)
        {
          budg_chart_data_add_label (built->chart, row->label, by_payee ? NULL : category_color (self, row->id));
          budg_chart_data_append_value (built->chart, 0, row->amount_minor);
          g_ptr_array_add (built->targets, target != NULL ? budg_transaction_query_copy (target) : NULL);
        }
      else if (row->amount_minor > 0)
        {
          rest += row->amount_minor;
          has_rest = TRUE;
        }
    }

  if (has_rest)
    {
      /* Translators: the donut slice that adds up the smaller ones. */
      budg_chart_data_add_label (built->chart, C_("chart slice", "Other"), NULL);
      budg_chart_data_append_value (built->chart, 0, rest);
      g_ptr_array_add (built->targets, NULL);
    }

  built->empty = built->rows->len == 0;
  built->empty_text = _("No spending in these dates. Pick another period, or record what you spent in the Transactions view.");

  return TRUE;
}

/* Income and expense, or the summary: the same months with the same bars,
 * side by side or stacked. */
static gboolean
build_by_period (BudgReportsView  *self,
                 gboolean          summary,
                 Built            *built,
                 GError          **error)
{
  guint n_months = count_months (self->from, self->to);
  BudgReportQuery query = {
    self->from, self->to, n_months > MAX_MONTHLY_PERIODS ? BUDG_REPORT_GROUP_YEAR : BUDG_REPORT_GROUP_MONTH,
  };
  const char *currency = budg_context_get_default_currency (self->context);
  gboolean several_years = strncmp (self->from, self->to, 4) != 0;
  const char *key_title = query.group == BUDG_REPORT_GROUP_YEAR ? _("Year") : _("Month");

  if (!(built->rows = run_converted (self, summary ? budg_report_summary : budg_report_income_expense,
                                     &query, &built->notice, error)))
    return FALSE;

  if (summary)
    set_columns (self, key_title, _("Income"), _("Expense"), _("Net"), _("Budgeted"));
  else
    set_columns (self, key_title, _("Income"), _("Expense"), _("Net"), NULL);

  built->chart = chart_new (self, summary ? BUDG_CHART_KIND_BARS_STACKED : BUDG_CHART_KIND_BARS_GROUPED, currency);
  budg_chart_data_add_series (built->chart, _("Income"), COLOR_INCOME);
  budg_chart_data_add_series (built->chart, _("Expense"), COLOR_EXPENSE);

  built->empty = TRUE;
  for (guint i = 0; i < built->rows->len; i++)
    {
      BudgReportRow *row = g_ptr_array_index (built->rows, i);
      g_autofree char *long_label = format_month (row->key, long_month_format (self));
      g_autofree char *short_label = format_month (row->key, several_years ? "%b %Y" : "%b");
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;
      BudgTransactionQuery *target;
      BudgReportsLine *line;

      key_range (self, row->key, &from, &to);
      target = make_query (from, to, 0, FALSE, NULL);

      line = budg_reports_line_new (target, row->currency);
      budg_reports_line_set_period (line, 0, long_label, row->key);
      budg_reports_line_set_amount (line, 1, row->income_minor);
      budg_reports_line_set_amount (line, 2, row->expense_minor);
      budg_reports_line_set_amount (line, 3, row->amount_minor);
      if (summary)
        budg_reports_line_set_amount (line, 4, row->budgeted_minor);
      g_ptr_array_add (built->lines, line);

      budg_chart_data_add_label (built->chart, short_label, NULL);
      budg_chart_data_append_value (built->chart, 0, row->income_minor);
      /* Stacked, spending hangs below the zero line. */
      budg_chart_data_append_value (built->chart, 1, summary ? -row->expense_minor : row->expense_minor);
      g_ptr_array_add (built->targets, budg_transaction_query_copy (target));

      if (row->income_minor != 0 || row->expense_minor != 0 || row->budgeted_minor != 0)
        built->empty = FALSE;
    }

  built->empty_text = _("No income or spending in these dates. Pick another period, or record transactions in the Transactions view.");

  return TRUE;
}

static int
compare_rows_by_key (gconstpointer a,
                     gconstpointer b)
{
  const BudgReportRow *row_a = *(BudgReportRow **) a;
  const BudgReportRow *row_b = *(BudgReportRow **) b;

  return g_strcmp0 (row_a->key, row_b->key);
}

/* Net worth without the exchange rates to convert: the accounts in the
 * default currency, added up per month. */
static GPtrArray *
net_worth_in (GPtrArray  *balances,
              const char *currency)
{
  g_autoptr(GHashTable) by_month = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) budg_report_row_free);

  for (guint i = 0; i < balances->len; i++)
    {
      BudgReportRow *balance = g_ptr_array_index (balances, i);
      BudgReportRow *row = g_hash_table_lookup (by_month, balance->month);

      if (row == NULL)
        {
          row = report_row_new (balance->month, currency);
          g_ptr_array_add (rows, row);
          g_hash_table_insert (by_month, row->key, row);
        }

      if (g_str_equal (balance->currency, currency))
        row->amount_minor += balance->amount_minor;
    }

  g_ptr_array_sort (rows, compare_rows_by_key);

  return rows;
}

/* Replaces the net worth of the months that end after today with the
 * forecast's: the balances as they stand plus the bills still to come.
 * Returns the index of the first projected row, or G_MAXUINT. */
static guint
project_net_worth (BudgReportsView *self,
                   GPtrArray       *rows,
                   gboolean         converted)
{
  BudgDatabase *database = budg_context_get_database (self->context);
  GListModel *accounts = G_LIST_MODEL (budg_context_get_accounts (self->context));
  const char *currency = budg_context_get_default_currency (self->context);
  g_autofree char *today = budg_date_today ();
  g_autofree char *tomorrow = budg_date_add_days (today, 1);
  g_autoptr(GPtrArray) ends = g_ptr_array_new_with_free_func (g_free);
  g_autofree gint64 *totals = NULL;
  guint first = G_MAXUINT;

  for (guint i = 0; i < rows->len; i++)
    {
      BudgReportRow *row = g_ptr_array_index (rows, i);
      g_autofree char *from = NULL;
      char *to = NULL;

      key_range (self, row->key, &from, &to);
      g_ptr_array_add (ends, to);
      if (first == G_MAXUINT && strcmp (to, today) > 0)
        first = i;
    }

  if (first == G_MAXUINT)
    return G_MAXUINT;

  totals = g_new0 (gint64, rows->len);
  for (guint a = 0; a < g_list_model_get_n_items (accounts); a++)
    {
      g_autoptr(BudgAccount) account = g_list_model_get_item (accounts, a);
      g_autoptr(BudgForecast) forecast = NULL;
      g_autoptr(GError) error = NULL;
      const char *account_currency = budg_account_get_currency (account);

      if (!converted && !g_str_equal (account_currency, currency))
        continue;

      forecast = budg_forecast_compute (database, budg_context_get_dues (self->context),
                                        budg_account_get_id (account), tomorrow,
                                        g_ptr_array_index (ends, rows->len - 1), &error);
      if (forecast == NULL)
        {
          g_debug ("No projection of the net worth: %s", error->message);
          return G_MAXUINT;
        }

      for (guint i = first; i < rows->len; i++)
        {
          const char *end = g_ptr_array_index (ends, i);
          BudgForecastDay *day = NULL;
          gint64 amount;

          for (guint d = 0; d < forecast->days->len && day == NULL; d++)
            if (g_str_equal (g_array_index (forecast->days, BudgForecastDay, d).date, end))
              day = &g_array_index (forecast->days, BudgForecastDay, d);

          if (day == NULL ||
              !budg_exchange_rates_convert (database, day->balance_minor, account_currency, currency,
                                            end, &amount, &error) ||
              !budg_money_add (totals[i], amount, &totals[i], &error))
            {
              g_debug ("No projection of the net worth: %s", error != NULL ? error->message : "no day");
              return G_MAXUINT;
            }
        }
    }

  for (guint i = first; i < rows->len; i++)
    ((BudgReportRow *) g_ptr_array_index (rows, i))->amount_minor = totals[i];

  return first;
}

static gboolean
build_net_worth (BudgReportsView  *self,
                 Built            *built,
                 GError          **error)
{
  BudgDatabase *database = budg_context_get_database (self->context);
  const char *currency = budg_context_get_default_currency (self->context);
  BudgReportQuery query = { self->from, self->to, BUDG_REPORT_GROUP_MONTH, FALSE, currency };
  gboolean several_years = strncmp (self->from, self->to, 4) != 0;
  g_autoptr(GError) local_error = NULL;
  guint projected;

  built->rows = budg_report_net_worth (database, &query, &local_error);
  if (built->rows == NULL)
    {
      g_autoptr(GPtrArray) balances = NULL;

      if (!g_error_matches (local_error, BUDG_ERROR, BUDG_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      built->notice = dup_notice (currency, local_error);
      query.currency = NULL;
      if (!(balances = budg_report_balances (database, &query, error)))
        return FALSE;
      built->rows = net_worth_in (balances, currency);
    }

  projected = project_net_worth (self, built->rows, built->notice == NULL);

  set_columns (self, _("Month"), _("Net Worth"), NULL, NULL, NULL);
  built->chart = chart_new (self, BUDG_CHART_KIND_LINE, currency);
  budg_chart_data_add_series (built->chart, _("Net Worth"), COLOR_BALANCE);
  if (projected != G_MAXUINT)
    budg_chart_data_set_projected_from (built->chart, projected);

  for (guint i = 0; i < built->rows->len; i++)
    {
      BudgReportRow *row = g_ptr_array_index (built->rows, i);
      g_autofree char *long_label = format_month (row->key, long_month_format (self));
      g_autofree char *short_label = format_month (row->key, several_years ? "%b %Y" : "%b");
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;
      BudgTransactionQuery *target;
      BudgReportsLine *line;

      key_range (self, row->key, &from, &to);
      target = make_query (from, to, 0, FALSE, NULL);

      line = budg_reports_line_new (target, row->currency);
      if (i >= projected)
        {
          g_autofree char *text = NULL;

          /* Translators: a month whose net worth is a forecast, "December 2026 (projected)". */
          text = g_strdup_printf (_("%s (projected)"), long_label);
          budg_reports_line_set_period (line, 0, text, row->key);
        }
      else
        budg_reports_line_set_period (line, 0, long_label, row->key);
      budg_reports_line_set_amount (line, 1, row->amount_minor);
      g_ptr_array_add (built->lines, line);

      budg_chart_data_add_label (built->chart, short_label, NULL);
      budg_chart_data_append_value (built->chart, 0, row->amount_minor);
      g_ptr_array_add (built->targets, budg_transaction_query_copy (target));
    }

  built->empty = built->rows->len == 0;
  built->empty_text = _("There are no accounts to add up yet.");

  return TRUE;
}

typedef struct
{
  gint64 category_id;
  char  *label;
  gint64 budgeted_minor;
  gint64 spent_minor;
} BudgetTotal;

static void
budget_total_clear (gpointer data)
{
  g_free (((BudgetTotal *) data)->label);
}

static gboolean
build_budget (BudgReportsView  *self,
              Built            *built,
              GError          **error)
{
  BudgReportQuery query = { self->from, self->to, BUDG_REPORT_GROUP_CATEGORY };
  const char *currency = budg_context_get_default_currency (self->context);
  g_autoptr(GArray) totals = g_array_new (FALSE, TRUE, sizeof (BudgetTotal));

  g_array_set_clear_func (totals, budget_total_clear);

  if (!(built->rows = run_converted (self, budg_report_budget, &query, &built->notice, error)))
    return FALSE;

  set_columns (self, _("Month"), _("Category"), _("Budgeted"), _("Spent"), _("Left"));

  for (guint i = 0; i < built->rows->len; i++)
    {
      BudgReportRow *row = g_ptr_array_index (built->rows, i);
      g_autofree char *month = format_month (row->month, long_month_format (self));
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;
      BudgReportsLine *line;
      BudgetTotal *total = NULL;

      key_range (self, row->month, &from, &to);
      line = budg_reports_line_new (make_query (from, to, row->id, row->id == 0, NULL), row->currency);
      budg_reports_line_set_period (line, 0, month, row->month);
      budg_reports_line_set_text (line, 1, row->label);
      budg_reports_line_set_amount (line, 2, row->budgeted_minor);
      budg_reports_line_set_amount (line, 3, row->amount_minor);
      budg_reports_line_set_amount (line, 4, row->budgeted_minor - row->amount_minor);
      g_ptr_array_add (built->lines, line);

      /* The chart adds each budget up over the months. */
      for (guint t = 0; t < totals->len && total == NULL; t++)
        if (g_array_index (totals, BudgetTotal, t).category_id == row->id)
          total = &g_array_index (totals, BudgetTotal, t);
      if (total == NULL)
        {
          BudgetTotal new_total = { row->id, g_strdup (row->label), 0, 0 };

          g_array_append_val (totals, new_total);
          total = &g_array_index (totals, BudgetTotal, totals->len - 1);
        }
      if (!budg_money_add (total->budgeted_minor, row->budgeted_minor, &total->budgeted_minor, error) ||
          !budg_money_add (total->spent_minor, row->amount_minor, &total->spent_minor, error))
        return FALSE;
    }

  built->chart = chart_new (self, BUDG_CHART_KIND_BARS_GROUPED, currency);
  budg_chart_data_add_series (built->chart, _("Budgeted"), COLOR_BALANCE);
  budg_chart_data_add_series (built->chart, _("Spent"), COLOR_SPENT);
  for (guint t = 0; t < totals->len; t++)
    {
      BudgetTotal *total = &g_array_index (totals, BudgetTotal, t);

      budg_chart_data_add_label (built->chart, total->label, NULL);
      budg_chart_data_append_value (built->chart, 0, total->budgeted_minor);
      budg_chart_data_append_value (built->chart, 1, total->spent_minor);
      g_ptr_array_add (built->targets, make_query (self->from, self->to, total->category_id,
                                                   total->category_id == 0, NULL));
    }

  built->empty = built->rows->len == 0;
  built->empty_text = _("No budgets cover these dates. Set budgets in the Budgets view to compare them with what was spent.");

  return TRUE;
}

/* Showing ------------------------------------------------------------------- */

static void
update_actions (BudgReportsView *self)
{
  /* Nothing to export while the page says there is nothing to report. */
  gboolean has_rows = g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "report") == 0 &&
                      g_list_model_get_n_items (G_LIST_MODEL (self->lines)) > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.export-chart",
                                 has_rows && budg_chart_view_get_data (self->chart_view) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.export-table", has_rows);
}

/* Narrow, a donut's legend goes under the ring and needs the height for
 * all its slices; bars and lines only need to stay readable. */
static void
update_chart_height (BudgReportsView *self)
{
  gboolean donut = self->report == BUDG_REPORTS_SPENDING_BY_CATEGORY ||
                   self->report == BUDG_REPORTS_SPENDING_BY_PAYEE;

  gtk_widget_set_size_request (GTK_WIDGET (self->chart_view), -1,
                               !self->compact ? 320 : donut ? 520 : 360);
}

static void
refresh (BudgReportsView *self)
{
  g_autoptr(GError) error = NULL;
  g_auto(Built) built = { 0 };
  gint64 started = g_get_monotonic_time ();
  gboolean ok;

  self->stale = FALSE;
  g_clear_handle_id (&self->refresh_source, g_source_remove);

  built.lines = g_ptr_array_new_with_free_func (g_object_unref);
  built.targets = g_ptr_array_new_with_free_func ((GDestroyNotify) budg_transaction_query_free);

  switch (self->report)
    {
    case BUDG_REPORTS_SPENDING_BY_PAYEE:
      ok = build_spending (self, TRUE, &built, &error);
      break;
    case BUDG_REPORTS_INCOME_EXPENSE:
      ok = build_by_period (self, FALSE, &built, &error);
      break;
    case BUDG_REPORTS_NET_WORTH:
      ok = build_net_worth (self, &built, &error);
      break;
    case BUDG_REPORTS_BUDGET:
      ok = build_budget (self, &built, &error);
      break;
    case BUDG_REPORTS_SUMMARY:
      ok = build_by_period (self, TRUE, &built, &error);
      break;
    case BUDG_REPORTS_SPENDING_BY_CATEGORY:
    default:
      ok = build_spending (self, FALSE, &built, &error);
      break;
    }

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->targets, g_ptr_array_unref);
  g_list_store_remove_all (self->lines);

  if (!ok)
    {
      budg_chart_view_set_data (self->chart_view, NULL);
      adw_status_page_set_description (self->error_status, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      gtk_widget_set_visible (self->notice_box, FALSE);
      update_actions (self);
      return;
    }

  self->rows = g_steal_pointer (&built.rows);
  update_chart_height (self);
  self->targets = g_steal_pointer (&built.targets);
  g_list_store_splice (self->lines, 0, 0, built.lines->pdata, built.lines->len);
  /* A scrolled window is never shorter than its scrollbar needs, which
   * would leave a gap under a table of two rows. */
  gtk_scrolled_window_set_policy (self->table_window, GTK_POLICY_AUTOMATIC,
                                  built.lines->len > MAX_UNSCROLLED_ROWS ? GTK_POLICY_AUTOMATIC : GTK_POLICY_NEVER);
  budg_chart_view_set_data (self->chart_view, built.chart);

  gtk_label_set_text (self->notice_label, built.notice != NULL ? built.notice : "");
  gtk_widget_set_visible (self->notice_box, built.notice != NULL);

  if (built.empty)
    {
      adw_status_page_set_description (self->empty_status, built.empty_text);
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
  else
    gtk_stack_set_visible_child_name (self->stack, "report");

  update_actions (self);

  g_debug ("%s from %s to %s: %u rows in %.1f ms", report_names[self->report], self->from, self->to,
           self->rows->len, (g_get_monotonic_time () - started) / 1000.0);
}

static GtkWidget *
insight_row_new (const char *icon_name,
                 const char *text)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *markup = g_markup_escape_text (text, -1);

  /* Row titles are markup; payees may have "&" in their names. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), markup);
  if (icon_name != NULL)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);

      gtk_widget_add_css_class (icon, "dim-label");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
    }

  return row;
}

static void
show_insights (BudgReportsView *self,
               GPtrArray       *insights,
               const GError    *error)
{
  static const char * const icons[] = {
    [BUDG_INSIGHT_CATEGORY_RISE] = "dialog-information-symbolic",
    [BUDG_INSIGHT_BUDGET_PACE] = "dialog-warning-symbolic",
    [BUDG_INSIGHT_LARGE_TRANSACTION] = "emblem-important-symbolic",
    [BUDG_INSIGHT_UNRECORDED_BILL] = "x-office-calendar-symbolic",
  };
  GtkWidget *child;

  /* GTK 4.8 has no gtk_list_box_remove_all(). */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->insights_list))) != NULL)
    gtk_list_box_remove (self->insights_list, child);

  if (insights == NULL)
    gtk_list_box_append (self->insights_list, insight_row_new ("dialog-error-symbolic", error->message));
  else if (insights->len == 0)
    gtk_list_box_append (self->insights_list,
                         insight_row_new (NULL, _("Nothing stands out yet. Insights appear as months of transactions come in.")));

  for (guint i = 0; insights != NULL && i < insights->len; i++)
    {
      BudgInsight *insight = g_ptr_array_index (insights, i);

      gtk_list_box_append (self->insights_list,
                           insight_row_new (insight->kind < G_N_ELEMENTS (icons) ? icons[insight->kind] : NULL,
                                            insight->text));
    }
}

typedef struct
{
  char *path;
  char *today;
} InsightsJob;

static void
insights_job_free (gpointer data)
{
  InsightsJob *job = data;

  g_free (job->path);
  g_free (job->today);
  g_free (job);
}

/* Insights read a year of transactions, a tenth of a second on a million
 * of them: too long for the main thread. A BudgDatabase belongs to one
 * thread, so the worker opens a connection of its own; WAL lets it read
 * while the main thread writes. */
static void
insights_thread_cb (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  InsightsJob *job = task_data;
  g_autoptr(BudgDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *insights;
  gint64 started = g_get_monotonic_time ();

  if (!(database = budg_database_open (job->path, &error)) ||
      !(insights = budg_insights_compute (database, job->today, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_debug ("Insights: %u in %.1f ms", insights->len, (g_get_monotonic_time () - started) / 1000.0);
  g_task_return_pointer (task, insights, (GDestroyNotify) g_ptr_array_unref);
}

static void
insights_done_cb (GObject      *source_object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  BudgReportsView *self = BUDG_REPORTS_VIEW (source_object);
  g_autoptr(GPtrArray) insights = NULL;
  g_autoptr(GError) error = NULL;

  insights = g_task_propagate_pointer (G_TASK (result), &error);

  /* Replaced by a newer computation, or the view went away. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->insights_cancellable);
  show_insights (self, insights, error);
}

static void
queue_insights (BudgReportsView *self)
{
  g_autoptr(GTask) task = NULL;
  InsightsJob *job;

  if (!self->active || !self->insights_stale)
    return;

  self->insights_stale = FALSE;
  g_cancellable_cancel (self->insights_cancellable);
  g_clear_object (&self->insights_cancellable);
  self->insights_cancellable = g_cancellable_new ();

  job = g_new0 (InsightsJob, 1);
  job->path = g_strdup (budg_database_get_path (budg_context_get_database (self->context)));
  job->today = budg_date_today ();

  task = g_task_new (self, self->insights_cancellable, insights_done_cb, NULL);
  g_task_set_source_tag (task, queue_insights);
  g_task_set_task_data (task, job, insights_job_free);
  g_task_run_in_thread (task, insights_thread_cb);
}

static gboolean
refresh_cb (gpointer user_data)
{
  BudgReportsView *self = user_data;

  self->refresh_source = 0;
  refresh (self);
  queue_insights (self);

  return G_SOURCE_REMOVE;
}

/* Recomputes now if the view is active, or when it next is. */
static void
update (BudgReportsView *self)
{
  self->stale = TRUE;
  if (self->active)
    refresh (self);
}

/* Changes that come together (an import touches several tables) make one
 * refresh. The source has the default priority rather than an idle one,
 * which the animation of a toast could starve. */
static void
queue_refresh (BudgReportsView *self)
{
  self->stale = TRUE;
  self->insights_stale = TRUE;

  if (!self->active || self->refresh_source != 0)
    return;

  self->refresh_source = g_idle_add_full (G_PRIORITY_DEFAULT, refresh_cb, self, NULL);
}

static void
set_range_rows (BudgReportsView *self)
{
  /* Showing the dates is not the user picking them. */
  g_signal_handlers_block_matched (self->from_row, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  g_signal_handlers_block_matched (self->to_row, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  budg_date_row_set_date (self->from_row, self->from);
  budg_date_row_set_date (self->to_row, self->to);
  g_signal_handlers_unblock_matched (self->from_row, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  g_signal_handlers_unblock_matched (self->to_row, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
}

static void
emit_show_transactions (BudgReportsView            *self,
                        const BudgTransactionQuery *query)
{
  if (query == NULL)
    return;

  g_signal_emit (self, signals[SHOW_TRANSACTIONS], 0, query);
}

/* Callbacks ------------------------------------------------------------------ */

static void
report_selected_cb (BudgReportsView *self,
                    GParamSpec      *pspec,
                    GtkDropDown     *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (selected <= BUDG_REPORTS_SUMMARY)
    budg_reports_view_set_report (self, selected);
}

static void
period_selected_cb (BudgReportsView *self,
                    GParamSpec      *pspec,
                    GtkDropDown     *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (selected <= BUDG_REPORTS_PERIOD_CUSTOM)
    budg_reports_view_set_period (self, selected);
}

static void
range_changed_cb (BudgReportsView *self,
                  GParamSpec      *pspec,
                  BudgDateRow     *row)
{
  const char *from = budg_date_row_get_date (self->from_row);
  const char *to = budg_date_row_get_date (self->to_row);
  gboolean changed;

  if (from == NULL || to == NULL)
    return;

  /* A first day after the last one goes through to the report, whose
   * error says to swap them. */
  changed = budg_set_str (&self->from, from);
  changed |= budg_set_str (&self->to, to);
  if (changed)
    update (self);
}

static void
chart_activated_cb (BudgReportsView *self,
                    guint            series,
                    guint            index,
                    BudgChartView   *chart_view)
{
  if (self->targets != NULL && index < self->targets->len)
    emit_show_transactions (self, g_ptr_array_index (self->targets, index));
}

static void
column_view_activate_cb (BudgReportsView *self,
                         guint            position,
                         GtkColumnView   *column_view)
{
  g_autoptr(BudgReportsLine) line = g_list_model_get_item (G_LIST_MODEL (self->lines), position);

  if (line != NULL)
    emit_show_transactions (self, line->query);
}

static void
database_changed_cb (BudgReportsView *self,
                     const char      *table,
                     BudgDatabase    *database)
{
  /* Tables no report reads. */
  static const char * const ignored[] = {
    "audit_log", "saved_filters", "reconciliations", "goals", "goal_contributions",
  };

  for (guint i = 0; i < G_N_ELEMENTS (ignored); i++)
    if (g_strcmp0 (table, ignored[i]) == 0)
      return;

  queue_refresh (self);
}

/* Totals across accounts are counted in the default currency. */
static void
default_currency_changed_cb (BudgReportsView *self,
                             const char      *key,
                             GSettings       *settings)
{
  queue_refresh (self);
}

/* Export -------------------------------------------------------------------- */

static char *
dup_file_stem (BudgReportsView *self)
{
  /* Translators: a file name: the report's name, then its first and last day. */
  g_autofree char *stem = g_strdup_printf (C_("file name", "%1$s %2$s to %3$s"),
                                           _(report_names[self->report]), self->from, self->to);

  /* File names cannot hold a slash. */
  return g_strdelimit (g_steal_pointer (&stem), G_DIR_SEPARATOR_S, '-');
}

static void
csv_append_field (GString    *csv,
                  const char *field)
{
  /* RFC 4180: quoted when it holds a comma, a quote or a line break, the
   * quotes doubled. */
  if (field != NULL && strpbrk (field, ",\"\r\n") != NULL)
    {
      g_string_append_c (csv, '"');
      for (const char *p = field; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (csv, '"');
          g_string_append_c (csv, *p);
        }
      g_string_append_c (csv, '"');
    }
  else if (field != NULL)
    g_string_append (csv, field);
}

static char *
dup_table_csv (BudgReportsView *self)
{
  GListModel *lines = G_LIST_MODEL (self->lines);
  GString *csv = g_string_new (NULL);

  for (guint c = 0; c < BUDG_REPORTS_N_COLUMNS; c++)
    {
      if (!gtk_column_view_column_get_visible (self->columns[c]))
        continue;
      csv_append_field (csv, gtk_column_view_column_get_title (self->columns[c]));
      g_string_append_c (csv, ',');
    }
  csv_append_field (csv, _("Currency"));
  g_string_append (csv, "\r\n");

  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(BudgReportsLine) line = g_list_model_get_item (lines, i);

      for (guint c = 0; c < BUDG_REPORTS_N_COLUMNS; c++)
        {
          if (!gtk_column_view_column_get_visible (self->columns[c]))
            continue;
          csv_append_field (csv, line->plain[c]);
          g_string_append_c (csv, ',');
        }
      csv_append_field (csv, line->currency);
      g_string_append (csv, "\r\n");
    }

  return g_string_free (csv, FALSE);
}

static void
toast_saved (BudgReportsView *self,
             const char      *path)
{
  g_autofree char *basename = g_filename_display_basename (path);
  g_autofree char *escaped = g_markup_escape_text (basename, -1);
  g_autofree char *title = NULL;

  /* Translators: %s is a file name. */
  title = g_strdup_printf (_("Saved “%s”"), escaped);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

static void
toast_error (BudgReportsView *self,
             const GError    *error)
{
  g_autofree char *title = g_markup_escape_text (error->message, -1);
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* The file the user chose; with no known extension, the one of the filter
 * that was picked is added (@extensions is aligned with the filters). */
static char *
dup_chosen_path (GtkFileChooser     *chooser,
                 const char * const *extensions,
                 guint               n_extensions)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (chooser);
  g_autoptr(GListModel) filters = gtk_file_chooser_get_filters (chooser);
  GtkFileFilter *filter = gtk_file_chooser_get_filter (chooser);
  g_autofree char *path = NULL;
  const char *extension = extensions[0];

  if (file == NULL || (path = g_file_get_path (file)) == NULL)
    return NULL;

  for (guint i = 0; i < n_extensions; i++)
    {
      g_autofree char *lower = g_ascii_strdown (path, -1);

      if (g_str_has_suffix (lower, extensions[i]))
        return g_steal_pointer (&path);
    }

  for (guint i = 0; filter != NULL && i < g_list_model_get_n_items (filters) && i < n_extensions; i++)
    {
      g_autoptr(GtkFileFilter) item = g_list_model_get_item (filters, i);

      if (item == filter)
        extension = extensions[i];
    }

  return g_strconcat (path, extension, NULL);
}

static const char * const chart_extensions[] = { ".png", ".pdf", ".svg" };

static void
export_chart_response_cb (BudgReportsView *self,
                          int              response,
                          GtkNativeDialog *dialog)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (path = dup_chosen_path (GTK_FILE_CHOOSER (dialog), chart_extensions, G_N_ELEMENTS (chart_extensions))) != NULL)
    {
      if (budg_reports_view_export_chart (self, path, self->export_width, self->export_height, &error))
        toast_saved (self, path);
      else
        toast_error (self, error);
    }

  g_clear_object (&self->file_chooser);
}

static void
export_table_response_cb (BudgReportsView *self,
                          int              response,
                          GtkNativeDialog *dialog)
{
  static const char * const extensions[] = { ".csv" };
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (path = dup_chosen_path (GTK_FILE_CHOOSER (dialog), extensions, G_N_ELEMENTS (extensions))) != NULL)
    {
      if (budg_reports_view_export_table (self, path, &error))
        toast_saved (self, path);
      else
        toast_error (self, error);
    }

  g_clear_object (&self->file_chooser);
}

static void
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char     *mime_type,
            const char     *pattern)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (chooser, filter);
}

static GtkFileChooser *
open_file_chooser (BudgReportsView *self,
                   const char      *title,
                   const char      *name,
                   GCallback        response_cb)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *native;

  if (self->file_chooser != NULL)
    gtk_native_dialog_destroy (self->file_chooser);
  g_clear_object (&self->file_chooser);

  native = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  g_signal_connect_object (native, "response", response_cb, self, G_CONNECT_SWAPPED);
  self->file_chooser = GTK_NATIVE_DIALOG (native);

  return GTK_FILE_CHOOSER (native);
}

static void
export_chart_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BudgReportsView *self = BUDG_REPORTS_VIEW (widget);
  g_autofree char *stem = dup_file_stem (self);
  g_autofree char *name = g_strconcat (stem, ".png", NULL);
  GtkFileChooser *chooser;
  int width = 0, height = 0;

  if (budg_chart_view_get_data (self->chart_view) == NULL)
    return;

  /* The size comes from the menu item: "0x0" is the size on screen. */
  if (sscanf (g_variant_get_string (parameter, NULL), "%dx%d", &width, &height) != 2 ||
      width < 0 || height < 0)
    width = height = 0;
  self->export_width = width;
  self->export_height = height;

  chooser = open_file_chooser (self, _("Export Chart"), name, G_CALLBACK (export_chart_response_cb));
  /* In the order of chart_extensions. */
  add_filter (chooser, _("PNG Image"), "image/png", "*.png");
  add_filter (chooser, _("PDF Document"), "application/pdf", "*.pdf");
  add_filter (chooser, _("SVG Image"), "image/svg+xml", "*.svg");
  gtk_native_dialog_show (self->file_chooser);
}

static void
export_table_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BudgReportsView *self = BUDG_REPORTS_VIEW (widget);
  g_autofree char *stem = dup_file_stem (self);
  g_autofree char *name = g_strconcat (stem, ".csv", NULL);
  GtkFileChooser *chooser;

  chooser = open_file_chooser (self, _("Export Table as CSV"), name, G_CALLBACK (export_table_response_cb));
  add_filter (chooser, _("CSV File"), "text/csv", "*.csv");
  gtk_native_dialog_show (self->file_chooser);
}

/* GObject -------------------------------------------------------------------- */

static void
budg_reports_view_constructed (GObject *object)
{
  BudgReportsView *self = (BudgReportsView *) object;
  g_autofree char *today = budg_date_today ();

  G_OBJECT_CLASS (budg_reports_view_parent_class)->constructed (object);

  g_assert (BUDG_IS_CONTEXT (self->context));

  g_signal_connect_object (budg_context_get_database (self->context), "changed",
                           G_CALLBACK (database_changed_cb), self, G_CONNECT_SWAPPED);
  if (budg_context_get_settings (self->context) != NULL)
    g_signal_connect_object (budg_context_get_settings (self->context), "changed::default-currency",
                             G_CALLBACK (default_currency_changed_cb), self, G_CONNECT_SWAPPED);

  budg_reports_period_get_range (self->period, today, &self->from, &self->to);
  set_range_rows (self);
  update_actions (self);
}

static void
budg_reports_view_dispose (GObject *object)
{
  BudgReportsView *self = (BudgReportsView *) object;

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_cancellable_cancel (self->insights_cancellable);
  g_clear_object (&self->insights_cancellable);
  if (self->file_chooser != NULL)
    gtk_native_dialog_destroy (self->file_chooser);
  g_clear_object (&self->file_chooser);
  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), BUDG_TYPE_REPORTS_VIEW);
  g_clear_object (&self->lines);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (budg_reports_view_parent_class)->dispose (object);
}

static void
budg_reports_view_finalize (GObject *object)
{
  BudgReportsView *self = (BudgReportsView *) object;

  g_clear_pointer (&self->from, g_free);
  g_clear_pointer (&self->to, g_free);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->targets, g_ptr_array_unref);

  G_OBJECT_CLASS (budg_reports_view_parent_class)->finalize (object);
}

static void
budg_reports_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  BudgReportsView *self = BUDG_REPORTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_ACTIVE:
      g_value_set_boolean (value, self->active);
      break;

    case PROP_COMPACT:
      g_value_set_boolean (value, self->compact);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
budg_reports_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  BudgReportsView *self = BUDG_REPORTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    case PROP_ACTIVE:
      budg_reports_view_set_active (self, g_value_get_boolean (value));
      break;

    case PROP_COMPACT:
      budg_reports_view_set_compact (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
budg_reports_view_class_init (BudgReportsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = budg_reports_view_constructed;
  object_class->dispose = budg_reports_view_dispose;
  object_class->finalize = budg_reports_view_finalize;
  object_class->get_property = budg_reports_view_get_property;
  object_class->set_property = budg_reports_view_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         BUDG_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_COMPACT] =
    g_param_spec_boolean ("compact", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BudgReportsView::show-transactions:
   * @self: a #BudgReportsView
   * @query: the transactions behind what was activated: its dates and,
   *   for a category or payee, that category or payee
   *
   * Emitted when the user activates a slice, bar or point of the chart,
   * or a row of the table, to see the transactions behind it.
   */
  signals[SHOW_TRANSACTIONS] =
    g_signal_new ("show-transactions",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, BUDG_TYPE_TRANSACTION_QUERY | G_SIGNAL_TYPE_STATIC_SCOPE);

  g_type_ensure (BUDG_TYPE_CHART_VIEW);
  g_type_ensure (BUDG_TYPE_DATE_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/budg-reports-view.ui");
  gtk_widget_class_bind_template_child (widget_class, BudgReportsView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BudgReportsView, report_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BudgReportsView, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BudgReportsView, range_revealer);
  gtk_widget_class_bind_template_child (widget_class, BudgReportsView, from_row);
  gtk_widget_class_bind_template_child (widget_class, BudgReportsView, to_row);
  gtk_widget_class_bind_template_child (widget_class, BudgReportsView, notice_box);
  gtk_widget_class_bind_template_child (widget_class, BudgReportsView, notice_label);
  gtk_widget_class_bind_template_child (widget_class, BudgReportsView, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, BudgReportsView, stack);
  gtk_widget_class_bind_template_child (widget_class, BudgReportsView, chart_view);
  gtk_widget_class_bind_template_child (widget_class, BudgReportsView, table_window);
  gtk_widget_class_bind_template_child (widget_class, BudgReportsView, column_view);
  gtk_widget_class_bind_template_child_full (widget_class, "column0", FALSE,
                                             G_STRUCT_OFFSET (BudgReportsView, columns[0]));
  gtk_widget_class_bind_template_child_full (widget_class, "column1", FALSE,
                                             G_STRUCT_OFFSET (BudgReportsView, columns[1]));
  gtk_widget_class_bind_template_child_full (widget_class, "column2", FALSE,
                                             G_STRUCT_OFFSET (BudgReportsView, columns[2]));
  gtk_widget_class_bind_template_child_full (widget_class, "column3", FALSE,
                                             G_STRUCT_OFFSET (BudgReportsView, columns[3]));
  gtk_widget_class_bind_template_child_full (widget_class, "column4", FALSE,
                                             G_STRUCT_OFFSET (BudgReportsView, columns[4]));
  gtk_widget_class_bind_template_child (widget_class, BudgReportsView, empty_status);
  gtk_widget_class_bind_template_child (widget_class, BudgReportsView, error_status);
  gtk_widget_class_bind_template_child (widget_class, BudgReportsView, insights_list);
  gtk_widget_class_bind_template_callback (widget_class, report_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, period_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, range_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, chart_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, column_view_activate_cb);

  gtk_widget_class_install_action (widget_class, "reports.export-chart", "s", export_chart_action);
  gtk_widget_class_install_action (widget_class, "reports.export-table", NULL, export_table_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "reports.export-chart", "s", "0x0");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "reports.export-table", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "reports");
}

static void
budg_reports_view_init (BudgReportsView *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  self->period = BUDG_REPORTS_PERIOD_THIS_MONTH;
  self->stale = TRUE;
  self->insights_stale = TRUE;
  self->lines = g_list_store_new (BUDG_TYPE_REPORTS_LINE);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Rows are read, not picked: no selection, but Enter and double-click
   * still activate a row. */
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->lines)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  setup_factories (self);
}

/* Public API ------------------------------------------------------------------ */

/**
 * budg_reports_view_new:
 * @context: the context whose data the view reports on
 *
 * Returns: (transfer full): a new #BudgReportsView, inactive
 */
GtkWidget *
budg_reports_view_new (BudgContext *context)
{
  g_return_val_if_fail (BUDG_IS_CONTEXT (context), NULL);

  return g_object_new (BUDG_TYPE_REPORTS_VIEW, "context", context, NULL);
}

/**
 * budg_reports_view_get_context:
 * @self: a #BudgReportsView
 *
 * Returns: (transfer none): the context of @self
 */
BudgContext *
budg_reports_view_get_context (BudgReportsView *self)
{
  g_return_val_if_fail (BUDG_IS_REPORTS_VIEW (self), NULL);

  return self->context;
}

gboolean
budg_reports_view_get_active (BudgReportsView *self)
{
  g_return_val_if_fail (BUDG_IS_REPORTS_VIEW (self), FALSE);

  return self->active;
}

/**
 * budg_reports_view_set_active:
 * @self: a #BudgReportsView
 * @active: whether the view is on screen
 *
 * An active view computes its report at once (if anything changed since
 * it last did) and follows changes to the data; an inactive one only notes
 * them. The window makes the view active while its page shows.
 */
void
budg_reports_view_set_active (BudgReportsView *self,
                              gboolean         active)
{
  g_return_if_fail (BUDG_IS_REPORTS_VIEW (self));

  active = !!active;
  if (self->active == active)
    return;

  self->active = active;
  if (active)
    {
      /* Before the page's first frame, so that it never shows stale rows. */
      if (self->stale)
        refresh (self);
      queue_insights (self);
    }
  else
    {
      g_clear_handle_id (&self->refresh_source, g_source_remove);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
}

gboolean
budg_reports_view_get_compact (BudgReportsView *self)
{
  g_return_val_if_fail (BUDG_IS_REPORTS_VIEW (self), FALSE);

  return self->compact;
}

void
budg_reports_view_set_compact (BudgReportsView *self,
                               gboolean         compact)
{
  g_return_if_fail (BUDG_IS_REPORTS_VIEW (self));

  compact = !!compact;
  if (self->compact == compact)
    return;

  self->compact = compact;
  update_chart_height (self);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPACT]);
}

BudgReportsKind
budg_reports_view_get_report (BudgReportsView *self)
{
  g_return_val_if_fail (BUDG_IS_REPORTS_VIEW (self), BUDG_REPORTS_SPENDING_BY_CATEGORY);

  return self->report;
}

/**
 * budg_reports_view_set_report:
 * @self: a #BudgReportsView
 * @report: the report to show
 *
 * Shows @report for the same dates, as picking it does.
 */
void
budg_reports_view_set_report (BudgReportsView *self,
                              BudgReportsKind  report)
{
  g_return_if_fail (BUDG_IS_REPORTS_VIEW (self));
  g_return_if_fail (report <= BUDG_REPORTS_SUMMARY);

  if (gtk_drop_down_get_selected (self->report_dropdown) != report)
    gtk_drop_down_set_selected (self->report_dropdown, report);

  if (self->report == report)
    return;

  self->report = report;
  update (self);
}

BudgReportsPeriod
budg_reports_view_get_period (BudgReportsView *self)
{
  g_return_val_if_fail (BUDG_IS_REPORTS_VIEW (self), BUDG_REPORTS_PERIOD_THIS_MONTH);

  return self->period;
}

/**
 * budg_reports_view_set_period:
 * @self: a #BudgReportsView
 * @period: the period to report on
 *
 * Reports on @period, counted from today, as picking it does.
 * %BUDG_REPORTS_PERIOD_CUSTOM keeps the dates shown and lets the user
 * change them.
 */
void
budg_reports_view_set_period (BudgReportsView   *self,
                              BudgReportsPeriod  period)
{
  g_autofree char *today = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  gboolean changed;

  g_return_if_fail (BUDG_IS_REPORTS_VIEW (self));
  g_return_if_fail (period <= BUDG_REPORTS_PERIOD_CUSTOM);

  if (gtk_drop_down_get_selected (self->period_dropdown) != period)
    gtk_drop_down_set_selected (self->period_dropdown, period);
  gtk_revealer_set_reveal_child (self->range_revealer, period == BUDG_REPORTS_PERIOD_CUSTOM);

  if (self->period == period)
    return;

  self->period = period;
  if (period == BUDG_REPORTS_PERIOD_CUSTOM)
    return;

  today = budg_date_today ();
  budg_reports_period_get_range (period, today, &from, &to);
  changed = budg_set_str (&self->from, from);
  changed |= budg_set_str (&self->to, to);
  set_range_rows (self);
  if (changed)
    update (self);
}

/**
 * budg_reports_view_get_from:
 * @self: a #BudgReportsView
 *
 * Returns: the first day reported on, "YYYY-MM-DD"
 */
const char *
budg_reports_view_get_from (BudgReportsView *self)
{
  g_return_val_if_fail (BUDG_IS_REPORTS_VIEW (self), NULL);

  return self->from;
}

/**
 * budg_reports_view_get_to:
 * @self: a #BudgReportsView
 *
 * Returns: the last day reported on, "YYYY-MM-DD"
 */
const char *
budg_reports_view_get_to (BudgReportsView *self)
{
  g_return_val_if_fail (BUDG_IS_REPORTS_VIEW (self), NULL);

  return self->to;
}

/**
 * budg_reports_view_set_range:
 * @self: a #BudgReportsView
 * @from: the first day
 * @to: the last day, on or after @from
 * @error: return location for a #GError
 *
 * Reports on custom dates, as picking them does.
 *
 * Returns: %TRUE, or %FALSE with @error set when a date is not valid or
 *   the range is backwards; nothing changes then
 */
gboolean
budg_reports_view_set_range (BudgReportsView  *self,
                             const char       *from,
                             const char       *to,
                             GError          **error)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  gboolean changed;

  g_return_val_if_fail (BUDG_IS_REPORTS_VIEW (self), FALSE);
  g_return_val_if_fail (from != NULL && to != NULL, FALSE);

  if (!(first = budg_date_normalize (from, error)) || !(last = budg_date_normalize (to, error)))
    return FALSE;

  if (strcmp (first, last) > 0)
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                   _("The report starts on %s, after its end on %s. Swap the dates."), first, last);
      return FALSE;
    }

  budg_reports_view_set_period (self, BUDG_REPORTS_PERIOD_CUSTOM);
  changed = budg_set_str (&self->from, first);
  changed |= budg_set_str (&self->to, last);
  set_range_rows (self);
  if (changed)
    update (self);

  return TRUE;
}

/**
 * budg_reports_view_get_rows:
 * @self: a #BudgReportsView
 *
 * The rows of the report shown, as budg_report_*() gave them, in the
 * default currency (converted, or only its own amounts when exchange rates
 * are missing), the net worth of months after today projected.
 *
 * Returns: (transfer none) (nullable) (element-type BudgReportRow): the
 *   rows, or %NULL before the view was first active or when the report
 *   failed
 */
GPtrArray *
budg_reports_view_get_rows (BudgReportsView *self)
{
  g_return_val_if_fail (BUDG_IS_REPORTS_VIEW (self), NULL);

  return self->rows;
}

/**
 * budg_reports_view_get_table:
 * @self: a #BudgReportsView
 *
 * Returns: (transfer none): the lines of the table, one per row
 */
GListModel *
budg_reports_view_get_table (BudgReportsView *self)
{
  g_return_val_if_fail (BUDG_IS_REPORTS_VIEW (self), NULL);

  return G_LIST_MODEL (self->lines);
}

/**
 * budg_reports_view_get_chart_view:
 * @self: a #BudgReportsView
 *
 * Returns: (transfer none): the chart of the report
 */
BudgChartView *
budg_reports_view_get_chart_view (BudgReportsView *self)
{
  g_return_val_if_fail (BUDG_IS_REPORTS_VIEW (self), NULL);

  return self->chart_view;
}

/**
 * budg_reports_view_export_chart:
 * @self: a #BudgReportsView
 * @path: the file to write; .png, .pdf or .svg
 * @width: the width in pixels, or 0 for the chart's size on screen
 * @height: the height in pixels, or 0 for the chart's size on screen
 * @error: return location for a #GError
 *
 * Writes the chart shown to @path in the light style, with the drawing
 * code of the screen. Off screen, the size defaults to 1200 × 800.
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
budg_reports_view_export_chart (BudgReportsView  *self,
                                const char       *path,
                                int               width,
                                int               height,
                                GError          **error)
{
  BudgChartData *data;
  int shown_width;
  int shown_height;

  g_return_val_if_fail (BUDG_IS_REPORTS_VIEW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  data = budg_chart_view_get_data (self->chart_view);
  if (data == NULL)
    {
      g_set_error_literal (error, BUDG_ERROR, BUDG_ERROR_NOT_FOUND,
                           _("There is no chart to export. Pick a report with rows first."));
      return FALSE;
    }

  shown_width = gtk_widget_get_width (GTK_WIDGET (self->chart_view));
  shown_height = gtk_widget_get_height (GTK_WIDGET (self->chart_view));
  if (width <= 0 || height <= 0)
    {
      gboolean shown = gtk_widget_get_mapped (GTK_WIDGET (self->chart_view)) &&
                       shown_width >= BUDG_CHART_EXPORT_MIN_SIZE && shown_height >= BUDG_CHART_EXPORT_MIN_SIZE;

      width = shown ? shown_width : DEFAULT_EXPORT_WIDTH;
      height = shown ? shown_height : DEFAULT_EXPORT_HEIGHT;
    }

  /* A file is read on paper or on a slide, so it gets the light style
   * whatever the screen shows. */
  return budg_chart_export (data, NULL, path, width, height, error);
}

/**
 * budg_reports_view_export_table:
 * @self: a #BudgReportsView
 * @path: the file to write
 * @error: return location for a #GError
 *
 * Writes the table as CSV (RFC 4180): a header with the column titles,
 * then one line per row, amounts as plain decimals ("-1234.56") with a
 * currency column. The file is replaced atomically: a failure leaves any
 * old file as it was.
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
budg_reports_view_export_table (BudgReportsView  *self,
                                const char       *path,
                                GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *csv = NULL;

  g_return_val_if_fail (BUDG_IS_REPORTS_VIEW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  csv = dup_table_csv (self);

  /* Written beside @path, flushed and renamed over it. */
  if (!g_file_set_contents_full (path, csv, -1,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0666, &local_error))
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                   _("Could not write “%s”: %s. Check that the folder exists and that you can write to it."),
                   display, local_error->message);
      return FALSE;
    }

  return TRUE;
}

/**
 * budg_reports_period_get_range:
 * @period: a period other than %BUDG_REPORTS_PERIOD_CUSTOM
 * @today: today, "YYYY-MM-DD"
 * @out_from: (out) (transfer full): the first day of @period
 * @out_to: (out) (transfer full): its last day
 *
 * The days of @period counted from @today, in whole calendar months.
 */
void
budg_reports_period_get_range (BudgReportsPeriod   period,
                               const char         *today,
                               char              **out_from,
                               char              **out_to)
{
  BudgPeriod first;
  BudgPeriod last;

  g_return_if_fail (today != NULL);
  g_return_if_fail (out_from != NULL && out_to != NULL);

  if (!budg_period_for_iso (BUDG_PERIOD_MONTH, today, &last, NULL))
    {
      g_critical ("“%s” is not a date", today);
      *out_from = g_strdup (today);
      *out_to = g_strdup (today);
      return;
    }
  first = last;

  switch (period)
    {
    case BUDG_REPORTS_PERIOD_LAST_MONTH:
      budg_period_add (&first, -1);
      last = first;
      break;

    case BUDG_REPORTS_PERIOD_LAST_3_MONTHS:
      budg_period_add (&first, -2);
      break;

    case BUDG_REPORTS_PERIOD_THIS_YEAR:
      first.number = 1;
      last.number = 12;
      break;

    case BUDG_REPORTS_PERIOD_LAST_YEAR:
      first.year--;
      first.number = 1;
      last.year--;
      last.number = 12;
      break;

    case BUDG_REPORTS_PERIOD_LAST_12_MONTHS:
      budg_period_add (&first, -11);
      break;

    case BUDG_REPORTS_PERIOD_THIS_MONTH:
    case BUDG_REPORTS_PERIOD_CUSTOM:
    default:
      break;
    }

  *out_from = budg_period_dup_first_iso (&first);
  *out_to = budg_period_dup_last_iso (&last);
}
