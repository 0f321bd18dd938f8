/* test-ui-reports.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-ui-reports"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "budg-budget-store.h"
#include "budg-chart.h"
#include "budg-context.h"
#include "budg-date-row.h"
#include "budg-date.h"
#include "budg-error.h"
#include "budg-exchange-rates.h"
#include "budg-insights.h"
#include "budg-money.h"
#include "budg-reports-view.h"
#include "budg-resources.h"
#include "budg-window-private.h"

/* The Reports view on real widgets over a small database whose every
 * transaction the test knows: each report shows the rows the report core
 * gives (and the sums a brute-force pass over the transactions gives),
 * the chart holds those values, activating a slice, bar or row asks for
 * the transactions behind it, and in a full window that opens them in the
 * register. Export writes a real PNG and an RFC 4180 CSV.
 */

#define WAIT_USEC (10 * G_USEC_PER_SEC)

#define SPIN_UNTIL(condition)                                                   \
  G_STMT_START {                                                                \
    gint64 spin_end_ = g_get_monotonic_time () + WAIT_USEC;                     \
    while (!(condition))                                                        \
      {                                                                         \
        if (g_get_monotonic_time () > spin_end_)                                \
          {                                                                     \
            g_test_message ("Timed out waiting for: %s", #condition);           \
            g_assert_true (condition);                                          \
            break;                                                              \
          }                                                                     \
        if (!g_main_context_iteration (NULL, FALSE))                            \
          g_usleep (1000);                                                      \
      }                                                                         \
  } G_STMT_END

#define FROM "2026-01-01"
#define TO "2026-03-31"
#define ODD_PAYEE "Smith, \"Bob\" & Co"

typedef struct
{
  gint64  account_id;
  char   *date;
  gint64  amount_minor;
  char   *payee;
  gint64  category_id;
} Known;

typedef struct
{
  char                 *dir;
  BudgContext          *context;
  GtkWindow            *window;
  BudgReportsView      *view;
  GArray               *known;      /* Known: every transaction added */
  gint64                checking_id;
  gint64                food_id;
  gint64                groceries_id;
  gint64                dining_id;
  gint64                home_id;
  gint64                rent_id;
  gint64                repairs_id;
  gint64                salary_id;
  guint                 n_shown;
  BudgTransactionQuery *shown;
} Fixture;

static void
known_clear (gpointer data)
{
  Known *known = data;

  g_free (known->date);
  g_free (known->payee);
}

static void
add (Fixture    *fixture,
     gint64      account_id,
     const char *date,
     gint64      amount_minor,
     const char *payee,
     gint64      category_id)
{
  g_autoptr(BudgTransaction) transaction = budg_transaction_new (account_id, date, amount_minor);
  g_autoptr(GError) error = NULL;
  Known known = { account_id, g_strdup (date), amount_minor, g_strdup (payee), category_id };

  budg_transaction_set_payee (transaction, payee);
  budg_transaction_set_category_id (transaction, category_id);
  g_assert_true (budg_transaction_store_add (budg_context_get_transactions (fixture->context), transaction, &error));
  g_assert_no_error (error);
  g_array_append_val (fixture->known, known);
}

static gint64
category (Fixture    *fixture,
          const char *path,
          gboolean    is_income)
{
  g_autoptr(GError) error = NULL;
  BudgCategory *created = budg_category_store_create_path (budg_context_get_categories (fixture->context),
                                                           path, is_income, &error);

  g_assert_no_error (error);

  return budg_category_get_id (created);
}

static gint64
parent_of (Fixture *fixture,
           gint64   category_id)
{
  BudgCategory *found = budg_category_store_lookup (budg_context_get_categories (fixture->context), category_id);

  if (found == NULL)
    return 0;

  return budg_category_get_parent_id (found) != 0 ? budg_category_get_parent_id (found) : category_id;
}

static void
shown_cb (BudgReportsView            *view,
          const BudgTransactionQuery *query,
          Fixture                    *fixture)
{
  fixture->n_shown++;
  g_clear_pointer (&fixture->shown, budg_transaction_query_free);
  fixture->shown = budg_transaction_query_copy (query);
}

static void
fill (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  BudgAccountStore *accounts = budg_context_get_accounts (fixture->context);

  fixture->checking_id = budg_account_get_id (budg_account_store_create (accounts, "Everyday", BUDG_ACCOUNT_KIND_CHECKING,
                                                                         "USD", NULL, "2025-12-01", 500000, &error));
  g_assert_no_error (error);

  fixture->groceries_id = category (fixture, "Food:Groceries", FALSE);
  fixture->dining_id = category (fixture, "Food:Dining Out", FALSE);
  fixture->rent_id = category (fixture, "Home:Rent", FALSE);
  fixture->repairs_id = category (fixture, "Home:Repairs", FALSE);
  fixture->salary_id = category (fixture, "Income:Salary", TRUE);
  fixture->food_id = parent_of (fixture, fixture->groceries_id);
  fixture->home_id = parent_of (fixture, fixture->rent_id);

  /* Three months of everyday life, and a day on each side of them. */
  for (int month = 1; month <= 3; month++)
    {
      for (int day = 1; day <= 28; day += 3)
        {
          g_autofree char *date = g_strdup_printf ("2026-%02d-%02d", month, day);

          add (fixture, fixture->checking_id, date, -(1000 + 137 * day + 50 * month),
               day % 2 == 0 ? "Corner Grocer" : "Market Hall", fixture->groceries_id);
          if (day % 4 == 1)
            add (fixture, fixture->checking_id, date, -(2500 + 10 * day * month), "Bistro", fixture->dining_id);
        }
      {
        g_autofree char *first = g_strdup_printf ("2026-%02d-01", month);
        g_autofree char *payday = g_strdup_printf ("2026-%02d-25", month);
        g_autofree char *tenth = g_strdup_printf ("2026-%02d-10", month);

        add (fixture, fixture->checking_id, first, -120000, "Landlord", fixture->rent_id);
        add (fixture, fixture->checking_id, payday, 300000 + 1000 * month, "Employer", fixture->salary_id);
        add (fixture, fixture->checking_id, tenth, -777 * month, "Kiosk", 0);
      }
    }
  add (fixture, fixture->checking_id, "2026-02-14", 500, "Corner Grocer", fixture->groceries_id);
  add (fixture, fixture->checking_id, "2026-03-03", -4321, ODD_PAYEE, fixture->repairs_id);
  add (fixture, fixture->checking_id, "2025-12-31", -99999, "Corner Grocer", fixture->groceries_id);
  add (fixture, fixture->checking_id, "2026-04-01", -88888, "Corner Grocer", fixture->groceries_id);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);

  fixture->known = g_array_new (FALSE, FALSE, sizeof (Known));
  g_array_set_clear_func (fixture->known, known_clear);
  fixture->dir = g_dir_make_tmp ("budg-ui-reports-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "budg.db", NULL);
  fixture->context = budg_context_new (path, &error);
  g_assert_no_error (error);
  g_settings_reset (budg_context_get_settings (fixture->context), "default-currency");
  g_settings_reset (budg_context_get_settings (fixture->context), "last-view");

  fill (fixture);
}

static void
open_view (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  fixture->window = GTK_WINDOW (g_object_ref_sink (gtk_window_new ()));
  gtk_window_set_default_size (fixture->window, 1000, 900);
  fixture->view = BUDG_REPORTS_VIEW (budg_reports_view_new (fixture->context));
  g_signal_connect (fixture->view, "show-transactions", G_CALLBACK (shown_cb), fixture);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  gtk_window_present (fixture->window);

  g_assert_true (budg_reports_view_set_range (fixture->view, FROM, TO, &error));
  g_assert_no_error (error);
  g_assert_null (budg_reports_view_get_rows (fixture->view));
  budg_reports_view_set_active (fixture->view, TRUE);
  SPIN_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (fixture->view)));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  g_autoptr(GDir) dir = NULL;
  const char *name;

  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);

      gtk_window_destroy (window);
    }
  g_clear_object (&fixture->window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&fixture->context);
  g_clear_pointer (&fixture->shown, budg_transaction_query_free);
  g_clear_pointer (&fixture->known, g_array_unref);

  dir = g_dir_open (fixture->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (fixture->dir, name, NULL);

      g_unlink (file);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

static gboolean
in_range (const Known *known,
          const char  *from,
          const char  *to)
{
  return strcmp (known->date, from) >= 0 && strcmp (known->date, to) <= 0;
}

/* Brute force: what was spent under @parent_id between the dates. */
static gint64
spent_under (Fixture    *fixture,
             gint64      parent_id,
             const char *from,
             const char *to)
{
  gint64 total = 0;

  for (guint i = 0; i < fixture->known->len; i++)
    {
      const Known *known = &g_array_index (fixture->known, Known, i);

      if (in_range (known, from, to) && known->category_id != 0 &&
          parent_of (fixture, known->category_id) == parent_id)
        total -= known->amount_minor;
    }

  return total;
}

static guint
count_under (Fixture    *fixture,
             gint64      parent_id,
             const char *from,
             const char *to)
{
  guint count = 0;

  for (guint i = 0; i < fixture->known->len; i++)
    {
      const Known *known = &g_array_index (fixture->known, Known, i);

      if (in_range (known, from, to) && known->category_id != 0 &&
          parent_of (fixture, known->category_id) == parent_id)
        count++;
    }

  return count;
}

static const BudgReportRow *
find_row (GPtrArray  *rows,
          const char *key)
{
  for (guint i = 0; i < rows->len; i++)
    {
      const BudgReportRow *row = g_ptr_array_index (rows, i);

      if (g_strcmp0 (row->key, key) == 0)
        return row;
    }

  return NULL;
}

static void
assert_same_rows (GPtrArray *expected,
                  GPtrArray *actual)
{
  g_assert_nonnull (actual);
  g_assert_cmpuint (actual->len, ==, expected->len);

  for (guint i = 0; i < expected->len; i++)
    {
      const BudgReportRow *want = g_ptr_array_index (expected, i);
      const BudgReportRow *got = g_ptr_array_index (actual, i);

      g_assert_cmpstr (got->key, ==, want->key);
      g_assert_cmpstr (got->month, ==, want->month);
      g_assert_cmpint (got->id, ==, want->id);
      g_assert_cmpint (got->amount_minor, ==, want->amount_minor);
      g_assert_cmpint (got->income_minor, ==, want->income_minor);
      g_assert_cmpint (got->expense_minor, ==, want->expense_minor);
      g_assert_cmpint (got->budgeted_minor, ==, want->budgeted_minor);
      g_assert_cmpstr (got->currency, ==, want->currency);
    }
}

static GPtrArray *
direct (Fixture         *fixture,
        BudgReportsKind  kind)
{
  BudgDatabase *database = budg_context_get_database (fixture->context);
  BudgReportQuery query = { FROM, TO, BUDG_REPORT_GROUP_MONTH, FALSE, "USD" };
  g_autoptr(GError) error = NULL;
  GPtrArray *rows = NULL;

  switch (kind)
    {
    case BUDG_REPORTS_SPENDING_BY_CATEGORY:
      query.group = BUDG_REPORT_GROUP_PARENT;
      rows = budg_report_spending (database, &query, &error);
      break;
    case BUDG_REPORTS_SPENDING_BY_PAYEE:
      query.group = BUDG_REPORT_GROUP_PAYEE;
      rows = budg_report_spending (database, &query, &error);
      break;
    case BUDG_REPORTS_INCOME_EXPENSE:
      rows = budg_report_income_expense (database, &query, &error);
      break;
    case BUDG_REPORTS_NET_WORTH:
      rows = budg_report_net_worth (database, &query, &error);
      break;
    case BUDG_REPORTS_BUDGET:
      query.group = BUDG_REPORT_GROUP_CATEGORY;
      rows = budg_report_budget (database, &query, &error);
      break;
    case BUDG_REPORTS_SUMMARY:
    default:
      rows = budg_report_summary (database, &query, &error);
      break;
    }
  g_assert_no_error (error);
  g_assert_nonnull (rows);

  return rows;
}

static guint
find_label (BudgChartData *data,
            const char    *label)
{
  for (guint i = 0; i < budg_chart_data_get_n_labels (data); i++)
    if (g_strcmp0 (budg_chart_data_get_label (data, i), label) == 0)
      return i;

  g_assert_not_reached ();
}

static gint64
chart_value (BudgChartData *data,
             guint          series,
             guint          index)
{
  gint64 value = 0;

  g_assert_true (budg_chart_data_get_value (data, series, index, &value));

  return value;
}

static void
set_budget (Fixture *fixture)
{
  g_autoptr(BudgBudgetStore) store = budg_budget_store_new (budg_context_get_database (fixture->context));
  g_autoptr(BudgBudget) budget = NULL;
  g_autoptr(GError) error = NULL;

  budget = budg_budget_store_set (store, fixture->food_id, BUDG_BUDGET_PERIOD_MONTHLY, 40000, "USD",
                                  BUDG_ROLLOVER_NONE, "2026-01", &error);
  g_assert_no_error (error);
  g_assert_nonnull (budget);
}

static void
test_rows (Fixture       *fixture,
           gconstpointer  user_data)
{
  GPtrArray *rows;
  BudgChartData *data;
  const BudgReportRow *row;

  set_budget (fixture);
  open_view (fixture);

  /* Every report, against the report core itself. */
  for (BudgReportsKind kind = BUDG_REPORTS_SPENDING_BY_CATEGORY; kind <= BUDG_REPORTS_SUMMARY; kind++)
    {
      g_autoptr(GPtrArray) expected = direct (fixture, kind);

      budg_reports_view_set_report (fixture->view, kind);
      g_assert_cmpint (budg_reports_view_get_report (fixture->view), ==, kind);
      rows = budg_reports_view_get_rows (fixture->view);
      assert_same_rows (expected, rows);
      g_assert_cmpuint (g_list_model_get_n_items (budg_reports_view_get_table (fixture->view)), ==, rows->len);
      g_assert_nonnull (budg_chart_view_get_data (budg_reports_view_get_chart_view (fixture->view)));
    }

  /* Spending by category: one slice per top-level category, as a
   * brute-force pass adds them up; refunds count against spending, the
   * days outside the range do not. */
  budg_reports_view_set_report (fixture->view, BUDG_REPORTS_SPENDING_BY_CATEGORY);
  rows = budg_reports_view_get_rows (fixture->view);
  data = budg_chart_view_get_data (budg_reports_view_get_chart_view (fixture->view));
  g_assert_cmpint (budg_chart_data_get_kind (data), ==, BUDG_CHART_KIND_DONUT);
  g_assert_cmpuint (budg_chart_data_get_n_labels (data), ==, rows->len);
  row = find_row (rows, "Food");
  g_assert_nonnull (row);
  g_assert_cmpint (row->id, ==, fixture->food_id);
  g_assert_cmpint (row->amount_minor, ==, spent_under (fixture, fixture->food_id, FROM, TO));
  g_assert_cmpint (chart_value (data, 0, find_label (data, "Food")), ==, row->amount_minor);
  g_assert_cmpint (chart_value (data, 0, find_label (data, "Home")), ==, spent_under (fixture, fixture->home_id, FROM, TO));
  g_assert_cmpint (chart_value (data, 0, find_label (data, "Uncategorized")), ==, 777 * (1 + 2 + 3));
  g_assert_null (find_row (rows, "Income"));

  /* Income and expense: a month a bar pair. */
  budg_reports_view_set_report (fixture->view, BUDG_REPORTS_INCOME_EXPENSE);
  data = budg_chart_view_get_data (budg_reports_view_get_chart_view (fixture->view));
  g_assert_cmpint (budg_chart_data_get_kind (data), ==, BUDG_CHART_KIND_BARS_GROUPED);
  g_assert_cmpuint (budg_chart_data_get_n_labels (data), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *from = g_strdup_printf ("2026-%02u-01", i + 1);
      g_autofree char *to = g_strdup_printf ("2026-%02u-31", i + 1);
      gint64 expense = 777 * (i + 1);

      for (gint64 parent = fixture->food_id; parent != 0; parent = parent == fixture->food_id ? fixture->home_id : 0)
        expense += spent_under (fixture, parent, from, to);
      g_assert_cmpint (chart_value (data, 0, i), ==, 300000 + 1000 * (i + 1));
      g_assert_cmpint (chart_value (data, 1, i), ==, expense);
    }

  /* The summary stacks spending below zero. */
  budg_reports_view_set_report (fixture->view, BUDG_REPORTS_SUMMARY);
  data = budg_chart_view_get_data (budg_reports_view_get_chart_view (fixture->view));
  rows = budg_reports_view_get_rows (fixture->view);
  g_assert_cmpint (budg_chart_data_get_kind (data), ==, BUDG_CHART_KIND_BARS_STACKED);
  g_assert_cmpint (chart_value (data, 1, 0), ==, -((BudgReportRow *) g_ptr_array_index (rows, 0))->expense_minor);
  g_assert_cmpint (((BudgReportRow *) g_ptr_array_index (rows, 1))->budgeted_minor, ==, 40000);

  /* Net worth: the opening balance plus everything up to each month's
   * end, nothing projected in the past. */
  budg_reports_view_set_report (fixture->view, BUDG_REPORTS_NET_WORTH);
  data = budg_chart_view_get_data (budg_reports_view_get_chart_view (fixture->view));
  g_assert_cmpint (budg_chart_data_get_kind (data), ==, BUDG_CHART_KIND_LINE);
  g_assert_cmpuint (budg_chart_data_get_projected_from (data), ==, BUDG_CHART_NOT_PROJECTED);
  for (guint m = 0; m < 3; m++)
    {
      g_autofree char *end = g_strdup_printf ("2026-%02u-31", m + 1);
      gint64 balance = 500000;

      for (guint i = 0; i < fixture->known->len; i++)
        {
          const Known *known = &g_array_index (fixture->known, Known, i);

          if (strcmp (known->date, end) <= 0)
            balance += known->amount_minor;
        }
      g_assert_cmpint (chart_value (data, 0, m), ==, balance);
    }

  /* Budget vs actual: the budget per month, and what the chart adds up. */
  budg_reports_view_set_report (fixture->view, BUDG_REPORTS_BUDGET);
  rows = budg_reports_view_get_rows (fixture->view);
  data = budg_chart_view_get_data (budg_reports_view_get_chart_view (fixture->view));
  g_assert_cmpuint (rows->len, ==, 3);
  for (guint m = 0; m < 3; m++)
    {
      const BudgReportRow *budget = g_ptr_array_index (rows, m);
      g_autofree char *from = g_strdup_printf ("2026-%02u-01", m + 1);
      g_autofree char *to = g_strdup_printf ("2026-%02u-31", m + 1);

      g_assert_cmpint (budget->budgeted_minor, ==, 40000);
      g_assert_cmpint (budget->amount_minor, ==, spent_under (fixture, fixture->food_id, from, to));
    }
  g_assert_cmpuint (budg_chart_data_get_n_labels (data), ==, 1);
  g_assert_cmpint (chart_value (data, 0, 0), ==, 3 * 40000);
  g_assert_cmpint (chart_value (data, 1, 0), ==, spent_under (fixture, fixture->food_id, FROM, TO));
}

/* Every report fits a phone: the window is 360 pixels wide at the least. */
static void
test_narrow (Fixture       *fixture,
             gconstpointer  user_data)
{
  set_budget (fixture);
  open_view (fixture);
  budg_reports_view_set_compact (fixture->view, TRUE);

  for (BudgReportsKind kind = BUDG_REPORTS_SPENDING_BY_CATEGORY; kind <= BUDG_REPORTS_SUMMARY; kind++)
    {
      int minimum = 0;

      budg_reports_view_set_report (fixture->view, kind);
      gtk_widget_measure (GTK_WIDGET (fixture->view), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
      g_assert_cmpint (minimum, <=, 360);
    }
}

static void
test_periods (Fixture       *fixture,
              gconstpointer  user_data)
{
  static const struct
  {
    BudgReportsPeriod period;
    const char       *today;
    const char       *from;
    const char       *to;
  } cases[] = {
    { BUDG_REPORTS_PERIOD_THIS_MONTH, "2026-02-10", "2026-02-01", "2026-02-28" },
    { BUDG_REPORTS_PERIOD_LAST_MONTH, "2026-01-31", "2025-12-01", "2025-12-31" },
    { BUDG_REPORTS_PERIOD_LAST_3_MONTHS, "2026-02-10", "2025-12-01", "2026-02-28" },
    { BUDG_REPORTS_PERIOD_THIS_YEAR, "2024-02-29", "2024-01-01", "2024-12-31" },
    { BUDG_REPORTS_PERIOD_LAST_YEAR, "2026-01-01", "2025-01-01", "2025-12-31" },
    { BUDG_REPORTS_PERIOD_LAST_12_MONTHS, "2026-11-22", "2025-12-01", "2026-11-30" },
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *today = budg_date_today ();
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *first = NULL;
      g_autofree char *last = NULL;

      budg_reports_period_get_range (cases[i].period, cases[i].today, &first, &last);
      g_assert_cmpstr (first, ==, cases[i].from);
      g_assert_cmpstr (last, ==, cases[i].to);
    }

  /* Picking a period in the view reports on it, counted from today. */
  open_view (fixture);
  g_assert_cmpint (budg_reports_view_get_period (fixture->view), ==, BUDG_REPORTS_PERIOD_CUSTOM);
  budg_reports_view_set_period (fixture->view, BUDG_REPORTS_PERIOD_LAST_YEAR);
  budg_reports_period_get_range (BUDG_REPORTS_PERIOD_LAST_YEAR, today, &from, &to);
  g_assert_cmpstr (budg_reports_view_get_from (fixture->view), ==, from);
  g_assert_cmpstr (budg_reports_view_get_to (fixture->view), ==, to);

  /* A backwards or broken range changes nothing. */
  g_assert_false (budg_reports_view_set_range (fixture->view, "2026-03-01", "2026-02-01", &error));
  g_assert_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_false (budg_reports_view_set_range (fixture->view, "2026-02-30", "2026-03-01", &error));
  g_assert_nonnull (error);
  g_assert_cmpstr (budg_reports_view_get_from (fixture->view), ==, from);
  g_assert_cmpint (budg_reports_view_get_period (fixture->view), ==, BUDG_REPORTS_PERIOD_LAST_YEAR);
}

static void
item_center (Fixture *fixture,
             guint    index,
             double  *x,
             double  *y)
{
  GtkWidget *chart = GTK_WIDGET (budg_reports_view_get_chart_view (fixture->view));

  SPIN_UNTIL (gtk_widget_get_width (chart) > 100 && gtk_widget_get_height (chart) > 100);
  g_assert_true (budg_chart_get_item_center (gtk_widget_get_width (chart), gtk_widget_get_height (chart),
                                             budg_chart_view_get_data (BUDG_CHART_VIEW (chart)),
                                             0, index, x, y));
}

static gboolean
is_column_view (GtkWidget *widget)
{
  return GTK_IS_COLUMN_VIEW (widget);
}

static GtkWidget *
find_widget (GtkWidget *root,
             gboolean (*predicate) (GtkWidget *widget))
{
  if (predicate (root))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, predicate);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_activate (Fixture       *fixture,
               gconstpointer  user_data)
{
  BudgChartView *chart;
  BudgChartData *data;
  GtkWidget *column_view;
  double x;
  double y;

  open_view (fixture);
  chart = budg_reports_view_get_chart_view (fixture->view);

  /* A click on the Food slice asks for Food (and its subcategories) over
   * the report's dates. */
  data = budg_chart_view_get_data (chart);
  item_center (fixture, find_label (data, "Food"), &x, &y);
  g_assert_true (budg_chart_view_activate_at (chart, x, y));
  g_assert_cmpuint (fixture->n_shown, ==, 1);
  g_assert_cmpint (fixture->shown->category_id, ==, fixture->food_id);
  g_assert_false (fixture->shown->uncategorized);
  g_assert_null (fixture->shown->payee);
  g_assert_cmpstr (fixture->shown->from_date, ==, FROM);
  g_assert_cmpstr (fixture->shown->to_date, ==, TO);

  /* The uncategorized slice asks for the uncategorized transactions. */
  g_signal_emit_by_name (chart, "activated", 0, find_label (data, "Uncategorized"));
  g_assert_cmpuint (fixture->n_shown, ==, 2);
  g_assert_cmpint (fixture->shown->category_id, ==, 0);
  g_assert_true (fixture->shown->uncategorized);

  /* A payee's slice asks for the payee. */
  budg_reports_view_set_report (fixture->view, BUDG_REPORTS_SPENDING_BY_PAYEE);
  data = budg_chart_view_get_data (chart);
  g_signal_emit_by_name (chart, "activated", 0, find_label (data, "Bistro"));
  g_assert_cmpuint (fixture->n_shown, ==, 3);
  g_assert_cmpstr (fixture->shown->payee, ==, "Bistro");
  g_assert_cmpint (fixture->shown->category_id, ==, 0);

  /* A month's bar asks for that month. */
  budg_reports_view_set_report (fixture->view, BUDG_REPORTS_INCOME_EXPENSE);
  g_signal_emit_by_name (chart, "activated", 1, 1);
  g_assert_cmpuint (fixture->n_shown, ==, 4);
  g_assert_cmpstr (fixture->shown->from_date, ==, "2026-02-01");
  g_assert_cmpstr (fixture->shown->to_date, ==, "2026-02-28");
  g_assert_cmpint (fixture->shown->category_id, ==, 0);

  /* A row of the table does the same as its slice or bar. */
  column_view = find_widget (GTK_WIDGET (fixture->view), is_column_view);
  g_assert_nonnull (column_view);
  g_signal_emit_by_name (column_view, "activate", 2);
  g_assert_cmpuint (fixture->n_shown, ==, 5);
  g_assert_cmpstr (fixture->shown->from_date, ==, "2026-03-01");
  g_assert_cmpstr (fixture->shown->to_date, ==, "2026-03-31");

  /* Past the last item, nothing. */
  g_signal_emit_by_name (chart, "activated", 0, 99);
  g_assert_cmpuint (fixture->n_shown, ==, 5);
}

/* More slices than a donut shows: the smaller ones add up to "Other",
 * which opens nothing, while the table keeps every payee. */
static void
test_other_slice (Fixture       *fixture,
                  gconstpointer  user_data)
{
  BudgChartData *data;
  GPtrArray *rows;
  gint64 rest = 0;
  guint other;

  for (int i = 0; i < 12; i++)
    {
      g_autofree char *payee = g_strdup_printf ("Shop %02d", i);

      add (fixture, fixture->checking_id, "2026-03-15", -(100 + i), payee, fixture->dining_id);
    }

  open_view (fixture);
  budg_reports_view_set_report (fixture->view, BUDG_REPORTS_SPENDING_BY_PAYEE);
  rows = budg_reports_view_get_rows (fixture->view);
  data = budg_chart_view_get_data (budg_reports_view_get_chart_view (fixture->view));
  g_assert_cmpuint (rows->len, >, 10);
  g_assert_cmpuint (g_list_model_get_n_items (budg_reports_view_get_table (fixture->view)), ==, rows->len);
  g_assert_cmpuint (budg_chart_data_get_n_labels (data), ==, 10);

  for (guint i = 9; i < rows->len; i++)
    rest += ((BudgReportRow *) g_ptr_array_index (rows, i))->amount_minor;
  other = find_label (data, "Other");
  g_assert_cmpuint (other, ==, 9);
  g_assert_cmpint (chart_value (data, 0, other), ==, rest);

  g_signal_emit_by_name (budg_reports_view_get_chart_view (fixture->view), "activated", 0, other);
  g_assert_cmpuint (fixture->n_shown, ==, 0);
}

static void
test_window (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  BudgWindow *window;
  BudgReportsView *view;
  BudgChartView *chart;
  BudgChartData *data;
  GListModel *model;
  double x;
  double y;

  window = g_object_ref_sink (budg_window_new (NULL, fixture->context));
  fixture->window = GTK_WINDOW (window);
  gtk_window_set_default_size (fixture->window, 1200, 900);
  gtk_window_present (fixture->window);
  SPIN_UNTIL (budg_window_get_ready (window));

  /* Reports computes only once its page shows. */
  view = window->reports_view;
  g_assert_nonnull (view);
  g_assert_false (budg_reports_view_get_active (view));
  budg_sidebar_set_selected_account_id (window->sidebar, fixture->checking_id);
  budg_window_set_view (window, "reports");
  g_assert_true (budg_reports_view_get_active (view));
  g_assert_true (budg_reports_view_set_range (view, FROM, TO, &error));
  g_assert_no_error (error);
  SPIN_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (view)));

  /* Clicking the Food slice opens the register on every account, filtered
   * to Food over the report's dates: the transactions behind the slice. */
  fixture->view = view;
  chart = budg_reports_view_get_chart_view (view);
  data = budg_chart_view_get_data (chart);
  item_center (fixture, find_label (data, "Food"), &x, &y);
  g_assert_true (budg_chart_view_activate_at (chart, x, y));

  g_assert_cmpstr (budg_window_get_view (window), ==, "transactions");
  g_assert_false (budg_reports_view_get_active (view));
  g_assert_cmpint (budg_register_view_get_account_id (window->register_view), ==, 0);
  model = G_LIST_MODEL (budg_register_view_get_model (window->register_view));
  SPIN_UNTIL (g_list_model_get_n_items (model) == count_under (fixture, fixture->food_id, FROM, TO));
  g_assert_cmpuint (count_under (fixture, fixture->food_id, FROM, TO), >, 10);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(BudgTransaction) transaction = g_list_model_get_item (model, i);

      g_assert_cmpint (parent_of (fixture, budg_transaction_get_category_id (transaction)), ==, fixture->food_id);
      g_assert_cmpstr (budg_transaction_get_date (transaction), >=, FROM);
      g_assert_cmpstr (budg_transaction_get_date (transaction), <=, TO);
    }

  /* Back on Reports, a payee's slice replaces the category filter. */
  budg_window_set_view (window, "reports");
  budg_reports_view_set_report (view, BUDG_REPORTS_SPENDING_BY_PAYEE);
  data = budg_chart_view_get_data (chart);
  g_signal_emit_by_name (chart, "activated", 0, find_label (data, "Landlord"));
  g_assert_cmpstr (budg_window_get_view (window), ==, "transactions");
  SPIN_UNTIL (g_list_model_get_n_items (model) == 3);
}

static gboolean
file_starts_with (const char   *path,
                  const guchar *magic,
                  gsize         length)
{
  g_autofree char *contents = NULL;
  gsize size = 0;

  if (!g_file_get_contents (path, &contents, &size, NULL))
    return FALSE;

  return size >= length && memcmp (contents, magic, length) == 0;
}

static void
test_export (Fixture       *fixture,
             gconstpointer  user_data)
{
  static const guchar png_magic[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  g_autofree char *png = g_build_filename (fixture->dir, "chart.png", NULL);
  g_autofree char *shown = g_build_filename (fixture->dir, "shown.png", NULL);
  g_autofree char *pdf = g_build_filename (fixture->dir, "chart.pdf", NULL);
  g_autofree char *csv = g_build_filename (fixture->dir, "table.csv", NULL);
  g_autofree char *nowhere = g_build_filename (fixture->dir, "missing", "table.csv", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *chart;
  cairo_surface_t *surface;
  GPtrArray *rows;
  gboolean found_odd = FALSE;

  open_view (fixture);
  chart = GTK_WIDGET (budg_reports_view_get_chart_view (fixture->view));

  /* A PNG of the size asked for, that cairo reads back, not blank. */
  g_assert_true (budg_reports_view_export_chart (fixture->view, png, 640, 400, &error));
  g_assert_no_error (error);
  g_assert_true (file_starts_with (png, png_magic, sizeof png_magic));
  surface = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 640);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 400);
  cairo_surface_destroy (surface);

  /* Without a size, the chart's size on screen. */
  SPIN_UNTIL (gtk_widget_get_width (chart) > 100);
  g_assert_true (budg_reports_view_export_chart (fixture->view, shown, 0, 0, &error));
  g_assert_no_error (error);
  surface = cairo_image_surface_create_from_png (shown);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, gtk_widget_get_width (chart));
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, gtk_widget_get_height (chart));
  cairo_surface_destroy (surface);

  g_assert_true (budg_reports_view_export_chart (fixture->view, pdf, 0, 0, &error));
  g_assert_true (file_starts_with (pdf, (const guchar *) "%PDF-", 5));

  /* The payee table as CSV: a header, a line per row, the odd payee
   * quoted with its quotes doubled. */
  budg_reports_view_set_report (fixture->view, BUDG_REPORTS_SPENDING_BY_PAYEE);
  rows = budg_reports_view_get_rows (fixture->view);
  g_assert_true (budg_reports_view_export_table (fixture->view, csv, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
  g_assert_true (g_str_has_suffix (contents, "\r\n"));
  lines = g_strsplit (contents, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, rows->len + 2);
  g_assert_cmpstr (lines[0], ==, "Payee,Spent,Share,Currency");
  g_assert_cmpstr (lines[rows->len + 1], ==, "");
  for (guint i = 0; i < rows->len; i++)
    {
      const BudgReportRow *row = g_ptr_array_index (rows, i);
      g_autofree char *amount = budg_money_format_plain (row->amount_minor, "USD");

      if (g_strcmp0 (row->key, ODD_PAYEE) == 0)
        {
          g_autofree char *prefix = g_strdup_printf ("\"Smith, \"\"Bob\"\" & Co\",%s,", amount);

          g_assert_true (g_str_has_prefix (lines[i + 1], prefix));
          found_odd = TRUE;
        }
      else
        {
          g_autofree char *prefix = g_strdup_printf ("%s,%s,", row->label, amount);

          g_assert_true (g_str_has_prefix (lines[i + 1], prefix));
        }
      g_assert_true (g_str_has_suffix (lines[i + 1], ",USD"));
    }
  g_assert_true (found_odd);

  /* Months go out as their keys, amounts as plain decimals. */
  budg_reports_view_set_report (fixture->view, BUDG_REPORTS_INCOME_EXPENSE);
  rows = budg_reports_view_get_rows (fixture->view);
  g_assert_true (budg_reports_view_export_table (fixture->view, csv, &error));
  g_clear_pointer (&contents, g_free);
  g_clear_pointer (&lines, g_strfreev);
  g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3 + 2);
  g_assert_cmpstr (lines[0], ==, "Month,Income,Expense,Net,Currency");
  for (guint i = 0; i < rows->len; i++)
    {
      const BudgReportRow *row = g_ptr_array_index (rows, i);
      g_autofree char *income = budg_money_format_plain (row->income_minor, "USD");
      g_autofree char *expense = budg_money_format_plain (row->expense_minor, "USD");
      g_autofree char *net = budg_money_format_plain (row->income_minor - row->expense_minor, "USD");
      g_autofree char *line = g_strdup_printf ("2026-%02u,%s,%s,%s,USD", i + 1, income, expense, net);

      g_assert_cmpstr (lines[i + 1], ==, line);
    }

  /* A folder that does not exist: an error, and no file. */
  g_assert_false (budg_reports_view_export_table (fixture->view, nowhere, &error));
  g_assert_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT);
  g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));
}

static void
test_follows_changes (Fixture       *fixture,
                      gconstpointer  user_data)
{
  const BudgReportRow *food;
  gint64 before;

  open_view (fixture);
  food = find_row (budg_reports_view_get_rows (fixture->view), "Food");
  before = food->amount_minor;

  /* Active: a new transaction shows after the main loop turns. */
  add (fixture, fixture->checking_id, "2026-02-02", -1234, "Corner Grocer", fixture->groceries_id);
  SPIN_UNTIL (find_row (budg_reports_view_get_rows (fixture->view), "Food")->amount_minor == before + 1234);

  /* Inactive: nothing is read until the view shows again. */
  budg_reports_view_set_active (fixture->view, FALSE);
  add (fixture, fixture->checking_id, "2026-02-03", -1000, "Corner Grocer", fixture->groceries_id);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpint (find_row (budg_reports_view_get_rows (fixture->view), "Food")->amount_minor, ==, before + 1234);
  budg_reports_view_set_active (fixture->view, TRUE);
  g_assert_cmpint (find_row (budg_reports_view_get_rows (fixture->view), "Food")->amount_minor, ==, before + 2234);
  g_assert_cmpint (find_row (budg_reports_view_get_rows (fixture->view), "Food")->amount_minor, ==,
                   spent_under (fixture, fixture->food_id, FROM, TO));
}

/* Without a rate, an account in another currency is left out and the view
 * says so; with one, it is converted. */
static void
test_currencies (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  BudgAccount *euro;
  gint64 food;

  euro = budg_account_store_create (budg_context_get_accounts (fixture->context), "Giro", BUDG_ACCOUNT_KIND_CHECKING,
                                    "EUR", NULL, NULL, 0, &error);
  g_assert_no_error (error);
  add (fixture, budg_account_get_id (euro), "2026-02-20", -10000, "Supermarkt", fixture->groceries_id);

  open_view (fixture);
  food = spent_under (fixture, fixture->food_id, FROM, TO) - 10000;
  g_assert_cmpint (find_row (budg_reports_view_get_rows (fixture->view), "Food")->amount_minor, ==, food);
  for (guint i = 0; i < budg_reports_view_get_rows (fixture->view)->len; i++)
    g_assert_cmpstr (((BudgReportRow *) g_ptr_array_index (budg_reports_view_get_rows (fixture->view), i))->currency,
                     ==, "USD");

  /* Net worth too: the euro account is left out of the sum. */
  budg_reports_view_set_report (fixture->view, BUDG_REPORTS_NET_WORTH);
  g_assert_cmpuint (budg_reports_view_get_rows (fixture->view)->len, ==, 3);

  /* 1 EUR = 1.5 USD from January on: 100 EUR count as 150 USD. */
  g_assert_true (budg_exchange_rates_set (budg_context_get_database (fixture->context), "EUR", "USD", "2026-01-01",
                                          15000000000, &error));
  g_assert_no_error (error);
  budg_reports_view_set_report (fixture->view, BUDG_REPORTS_SPENDING_BY_CATEGORY);
  SPIN_UNTIL (find_row (budg_reports_view_get_rows (fixture->view), "Food")->amount_minor == food + 15000);
}

/* A month that ends after today is projected: the balance now, less the
 * bills still to come, and the line is dashed from there. */
static void
test_projection (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(BudgBill) draft = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = budg_date_today ();
  g_autofree char *from = NULL;
  g_autofree char *this_end = NULL;
  g_autofree char *next_from = NULL;
  g_autofree char *next_end = NULL;
  g_autofree char *ignored = NULL;
  g_autofree char *start = NULL;
  BudgChartData *data;
  GPtrArray *rows;
  gint64 balance = 500000;

  budg_reports_period_get_range (BUDG_REPORTS_PERIOD_THIS_MONTH, today, &from, &this_end);
  next_from = budg_date_add_days (this_end, 1);
  budg_reports_period_get_range (BUDG_REPORTS_PERIOD_THIS_MONTH, next_from, &ignored, &next_end);
  /* Due on the 15th of next month only. */
  start = g_strdup_printf ("%.8s15", next_from);
  draft = budg_bill_new ("Insurance", fixture->checking_id, 25000, "FREQ=YEARLY", start);
  budg_bill_store_create (budg_context_get_bills (fixture->context), draft, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < fixture->known->len; i++)
    balance += g_array_index (fixture->known, Known, i).amount_minor;

  open_view (fixture);
  budg_reports_view_set_report (fixture->view, BUDG_REPORTS_NET_WORTH);
  g_assert_true (budg_reports_view_set_range (fixture->view, from, next_end, &error));
  rows = budg_reports_view_get_rows (fixture->view);
  data = budg_chart_view_get_data (budg_reports_view_get_chart_view (fixture->view));
  g_assert_cmpuint (rows->len, ==, 2);

  /* On the last day of a month, that month is history. */
  if (g_str_equal (today, this_end))
    g_assert_cmpuint (budg_chart_data_get_projected_from (data), ==, 1);
  else
    g_assert_cmpuint (budg_chart_data_get_projected_from (data), ==, 0);
  g_assert_cmpint (((BudgReportRow *) g_ptr_array_index (rows, 0))->amount_minor, ==, balance);
  g_assert_cmpint (((BudgReportRow *) g_ptr_array_index (rows, 1))->amount_minor, ==, balance - 25000);
}

static gboolean
is_action_row (GtkWidget *widget)
{
  return ADW_IS_ACTION_ROW (widget);
}

static void
collect_rows (GtkWidget *root,
              GPtrArray *titles)
{
  if (is_action_row (root) && gtk_widget_get_ancestor (root, GTK_TYPE_LIST_BOX) != NULL &&
      !BUDG_IS_DATE_ROW (root))
    g_ptr_array_add (titles, (gpointer) adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)));

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_rows (child, titles);
}

static void
test_insights (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autoptr(GPtrArray) insights = NULL;
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *today = budg_date_today ();
  g_autofree char *day = NULL;

  /* A big one-off at a regular's shop, recent enough to stand out. */
  for (int i = 1; i <= 6; i++)
    {
      g_autofree char *date = budg_date_add_days (today, -10 * i - 5);

      add (fixture, fixture->checking_id, date, -2000, "Hardware & Tools", fixture->repairs_id);
    }
  day = budg_date_add_days (today, -2);
  add (fixture, fixture->checking_id, day, -90000, "Hardware & Tools", fixture->repairs_id);

  insights = budg_insights_compute (budg_context_get_database (fixture->context), today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (insights->len, >, 0);

  open_view (fixture);
  SPIN_UNTIL ((g_ptr_array_set_size (titles, 0), collect_rows (GTK_WIDGET (fixture->view), titles),
               titles->len == insights->len));
  for (guint i = 0; i < insights->len; i++)
    {
      g_autofree char *markup = g_markup_escape_text (((BudgInsight *) g_ptr_array_index (insights, i))->text, -1);

      g_assert_cmpstr (g_ptr_array_index (titles, i), ==, markup);
    }
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_assert_nonnull (budg_get_resource ());

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/ui/reports/rows", test_rows);
  ADD ("/ui/reports/narrow", test_narrow);
  ADD ("/ui/reports/periods", test_periods);
  ADD ("/ui/reports/activate", test_activate);
  ADD ("/ui/reports/other-slice", test_other_slice);
  ADD ("/ui/reports/window", test_window);
  ADD ("/ui/reports/export", test_export);
  ADD ("/ui/reports/follows-changes", test_follows_changes);
  ADD ("/ui/reports/currencies", test_currencies);
  ADD ("/ui/reports/projection", test_projection);
  ADD ("/ui/reports/insights", test_insights);

#undef ADD

  return g_test_run ();
}
