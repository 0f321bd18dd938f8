/* test-ui-ledger.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-ui-ledger"

#include "config.h"

#include <glib/gstdio.h>
#include <adwaita.h>

#include "budg-bill-dialog.h"
#include "budg-context.h"
#include "budg-date-row.h"
#include "budg-date.h"
#include "budg-forecast.h"
#include "budg-ledger-cell.h"
#include "budg-ledger-view-private.h"
#include "budg-message-dialog.h"
#include "budg-money.h"
#include "budg-resources.h"
#include "budg-sidebar.h"
#include "budg-window.h"

/* The Bills view and the bill form on real widgets, on a temporary database
 * filled through the stores. Dates are far in the future, so that no bill
 * is overdue and "today" does not change what the tests see.
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

#define FROM "2040-03-01"
#define TO   "2040-03-31"

typedef struct
{
  char           *dir;
  BudgContext    *context;
  GSettings      *settings;
  GtkWindow      *window;
  BudgLedgerView *view;
  gint64          checking_id;
  gint64          savings_id;
} Fixture;

typedef gboolean (*WidgetPredicate) (GtkWidget     *widget,
                                     gconstpointer  data);

static GtkWidget *
find_widget (GtkWidget       *root,
             WidgetPredicate  predicate,
             gconstpointer    data)
{
  if (predicate (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, predicate, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
is_type (GtkWidget     *widget,
         gconstpointer  data)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, *(const GType *) data);
}

static gboolean
is_status_page_titled (GtkWidget     *widget,
                       gconstpointer  data)
{
  return ADW_IS_STATUS_PAGE (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (adw_status_page_get_title (ADW_STATUS_PAGE (widget)), data) == 0;
}

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  data)
{
  g_autoptr(GString) plain = NULL;
  const char *label;

  if (!GTK_IS_BUTTON (widget) || !gtk_widget_get_mapped (widget))
    return FALSE;

  label = gtk_button_get_label (GTK_BUTTON (widget));
  if (label == NULL)
    return FALSE;

  plain = g_string_new (label);
  g_string_replace (plain, "_", "", 0);

  return g_strcmp0 (plain->str, data) == 0;
}

static gboolean
is_label_with_text (GtkWidget     *widget,
                    gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), data) == 0;
}

static gboolean
is_row_titled (GtkWidget     *widget,
               gconstpointer  data)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), data) == 0;
}

typedef struct
{
  const char    *column;
  BudgLedgerRow *row;
} CellQuery;

static gboolean
is_cell_for (GtkWidget     *widget,
             gconstpointer  data)
{
  const CellQuery *query = data;

  return BUDG_IS_LEDGER_CELL (widget) &&
         g_strcmp0 (budg_ledger_cell_get_column (BUDG_LEDGER_CELL (widget)), query->column) == 0 &&
         budg_ledger_cell_get_row (BUDG_LEDGER_CELL (widget)) == query->row;
}

static GtkWidget *
find_row_titled (GtkWidget  *root,
                 const char *title)
{
  GtkWidget *row = find_widget (root, is_row_titled, title);

  g_assert_nonnull (row);

  return row;
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

/* Fixture -------------------------------------------------------------------- */

static void
reset_settings (GSettings *settings)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (settings, keys[i]);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  BudgAccountStore *accounts;
  BudgAccount *account;

  fixture->dir = g_dir_make_tmp ("budg-ui-ledger-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "budg.db", NULL);

  fixture->context = budg_context_new (path, &error);
  g_assert_no_error (error);

  fixture->settings = budg_context_get_settings (fixture->context);
  if (fixture->settings != NULL)
    {
      g_object_ref (fixture->settings);
      reset_settings (fixture->settings);
    }

  accounts = budg_context_get_accounts (fixture->context);
  account = budg_account_store_create (accounts, "Everyday", BUDG_ACCOUNT_KIND_CHECKING, "USD",
                                       NULL,
                                       "2040-02-20", 100000, &error);
  g_assert_no_error (error);
  fixture->checking_id = budg_account_get_id (account);

  account = budg_account_store_create (accounts, "Rainy Day", BUDG_ACCOUNT_KIND_SAVINGS, "USD",
                                       NULL,
                                       "2040-02-20", 5000, &error);
  g_assert_no_error (error);
  fixture->savings_id = budg_account_get_id (account);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  g_autoptr(GDir) dir = NULL;
  const char *name;

  /* Dialogs a test left open go first, then the window. */
  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);

      gtk_window_destroy (window);
    }
  g_clear_object (&fixture->window);
  fixture->view = NULL;

  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_clear_object (&fixture->settings);
  g_clear_object (&fixture->context);

  dir = g_dir_open (fixture->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (fixture->dir, name, NULL);

      g_unlink (file);
    }
  g_rmdir (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
}

static BudgBill *
add_bill (Fixture    *fixture,
          const char *name,
          gint64      account_id,
          gint64      amount_minor,
          const char *rrule,
          const char *start,
          gboolean    income)
{
  g_autoptr(BudgBill) draft = budg_bill_new (name, account_id, amount_minor, rrule, start);
  g_autoptr(GError) error = NULL;
  BudgBill *bill;

  budg_bill_set_is_income (draft, income);
  bill = budg_bill_store_create (budg_context_get_bills (fixture->context), draft, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bill);

  return bill;
}

static void
add_snapshot (Fixture    *fixture,
              gint64      account_id,
              const char *date,
              gint64      amount_minor)
{
  g_autoptr(BudgBalanceSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;

  snapshot = budg_balance_store_set (budg_context_get_balances (fixture->context), account_id, date,
                                     amount_minor, NULL, &error);
  g_assert_no_error (error);
}

static void
open_view (Fixture *fixture)
{
  GtkWidget *view = budg_ledger_view_new (fixture->context);

  budg_ledger_view_set_range (BUDG_LEDGER_VIEW (view), FROM, TO);

  fixture->window = g_object_ref_sink (GTK_WINDOW (gtk_window_new ()));
  gtk_window_set_default_size (fixture->window, 1100, 900);
  gtk_window_set_child (fixture->window, view);
  fixture->view = BUDG_LEDGER_VIEW (view);
  gtk_window_present (fixture->window);

  SPIN_UNTIL (gtk_widget_get_mapped (view));
}

static BudgLedgerRow *
row_at (Fixture *fixture,
        guint    position)
{
  GListModel *rows = budg_ledger_view_get_rows (fixture->view);
  g_autoptr(BudgLedgerRow) row = g_list_model_get_item (rows, position);

  g_assert_nonnull (row);

  return row;
}

static BudgDueBill *
due_at (Fixture *fixture,
        guint    position)
{
  return budg_ledger_row_get_due_bill (row_at (fixture, position));
}

static gint64
balance_at (Fixture *fixture,
            guint    position)
{
  return budg_ledger_row_get_balance_minor (row_at (fixture, position));
}

static BudgDueStatus
status_at (Fixture *fixture,
           guint    position)
{
  return budg_due_bill_get_status (due_at (fixture, position));
}

static gboolean
activate_for_due (Fixture     *fixture,
                  const char  *action,
                  BudgDueBill *due)
{
  return gtk_widget_activate_action (GTK_WIDGET (fixture->view), action, "x",
                                     budg_due_bill_get_id (due));
}

static GtkSelectionModel *
get_selection (Fixture *fixture)
{
  GtkWidget *column_view = find_widget (GTK_WIDGET (fixture->view), is_type,
                                        (GType[]) { GTK_TYPE_COLUMN_VIEW });

  return gtk_column_view_get_model (GTK_COLUMN_VIEW (column_view));
}

static guint
n_rows (Fixture *fixture)
{
  return g_list_model_get_n_items (budg_ledger_view_get_rows (fixture->view));
}

/* The position of the first row of the bill @name on @date. */
static guint
find_due_row (Fixture    *fixture,
              const char *name,
              const char *date)
{
  for (guint i = 0; i < n_rows (fixture); i++)
    {
      BudgDueBill *due = due_at (fixture, i);

      if (due != NULL && g_str_equal (budg_due_bill_get_name (due), name) &&
          (date == NULL || g_str_equal (budg_due_bill_get_due_date (due), date)))
        return i;
    }

  g_assert_not_reached ();
}

/* The names of the bills due on @date, in the store's order. */
static char *
dup_day_order (Fixture    *fixture,
               const char *date)
{
  g_autoptr(GPtrArray) day = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) order = g_string_new (NULL);
  int last_priority = G_MININT;

  day = budg_due_store_list (budg_context_get_dues (fixture->context), date, date, 0, FALSE,
                             &error);
  g_assert_no_error (error);

  for (guint i = 0; i < day->len; i++)
    {
      BudgDueBill *due = g_ptr_array_index (day, i);

      /* The order is the stored priorities', not only the list's. */
      g_assert_cmpint (budg_due_bill_get_priority (due), >=, last_priority);
      last_priority = budg_due_bill_get_priority (due);
      g_string_append_printf (order, "%s%s", i > 0 ? "," : "", budg_due_bill_get_name (due));
    }

  return g_string_free (g_steal_pointer (&order), FALSE);
}

/* Checks every row's projected balance against the forecast: the last row
 * of an account on a day leaves that day's end-of-day balance.
 */
static void
assert_balances_match_forecast (Fixture *fixture)
{
  gint64 accounts[] = { fixture->checking_id, fixture->savings_id };

  for (guint a = 0; a < G_N_ELEMENTS (accounts); a++)
    {
      g_autoptr(BudgForecast) forecast = NULL;
      g_autoptr(GError) error = NULL;
      guint checked = 0;
      guint last_rows = 0;

      forecast = budg_forecast_compute (budg_context_get_database (fixture->context),
                                        budg_context_get_dues (fixture->context),
                                        accounts[a], FROM, TO, &error);
      g_assert_no_error (error);

      for (guint i = 0; i < n_rows (fixture); i++)
        {
          BudgLedgerRow *row = row_at (fixture, i);
          gboolean last_of_day = TRUE;

          if (budg_ledger_row_get_account_id (row) != accounts[a])
            continue;

          for (guint k = i + 1; k < n_rows (fixture); k++)
            {
              BudgLedgerRow *later = row_at (fixture, k);

              if (g_strcmp0 (budg_ledger_row_get_date (later), budg_ledger_row_get_date (row)) != 0)
                break;
              if (budg_ledger_row_get_account_id (later) == accounts[a])
                last_of_day = FALSE;
            }
          if (!last_of_day)
            continue;
          last_rows++;

          for (guint d = 0; d < forecast->days->len; d++)
            {
              BudgForecastDay *day = &g_array_index (forecast->days, BudgForecastDay, d);

              if (g_str_equal (day->date, budg_ledger_row_get_date (row)))
                {
                  g_assert_cmpint (budg_ledger_row_get_balance_minor (row), ==, day->balance_minor);
                  checked++;
                }
            }

          g_assert_cmpint (budg_ledger_row_get_is_low (row), ==,
                           budg_ledger_row_get_balance_minor (row) < 0);
        }

      g_assert_cmpuint (checked, ==, last_rows);
    }
}

/* The household of most tests: on the checking account, rent on the 1st,
 * three bills on the 10th and a salary on the 15th; a savings deposit
 * and a balance recorded on the 20th. */
static void
add_household (Fixture *fixture)
{
  add_bill (fixture, "Rent", fixture->checking_id, 80000, "FREQ=MONTHLY;BYMONTHDAY=1", "2040-01-01",
            FALSE);
  add_bill (fixture, "Phone", fixture->checking_id, 4000, "FREQ=MONTHLY;BYMONTHDAY=10",
            "2040-01-10", FALSE);
  add_bill (fixture, "Power", fixture->checking_id, 9000, "FREQ=MONTHLY;BYMONTHDAY=10",
            "2040-01-10", FALSE);
  add_bill (fixture, "Water", fixture->checking_id, 3000, "FREQ=MONTHLY;BYMONTHDAY=10",
            "2040-01-10", FALSE);
  add_bill (fixture, "Salary", fixture->checking_id, 250000, "FREQ=MONTHLY;BYMONTHDAY=15",
            "2040-01-15", TRUE);
  add_bill (fixture, "Saving", fixture->savings_id, 10000, "FREQ=MONTHLY;BYMONTHDAY=20",
            "2040-01-20", TRUE);
  add_snapshot (fixture, fixture->checking_id, "2040-03-20", 150000);
}

/* The ledger -------------------------------------------------------------------- */

static void
test_ledger_rows (Fixture       *fixture,
                  gconstpointer  user_data)
{
  static const struct {
    const char *date;
    const char *name;     /* NULL for a balance */
  } expected[] = {
    { "2040-03-01", "Rent" },
    { "2040-03-10", "Phone" },
    { "2040-03-10", "Power" },
    { "2040-03-10", "Water" },
    { "2040-03-15", "Salary" },
    { "2040-03-20", "Saving" },
    { "2040-03-20", NULL },
  };
  g_autofree char *description = NULL;

  add_household (fixture);
  open_view (fixture);

  g_assert_cmpuint (n_rows (fixture), ==, G_N_ELEMENTS (expected));

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      BudgLedgerRow *row = row_at (fixture, i);
      BudgDueBill *due = budg_ledger_row_get_due_bill (row);

      g_assert_cmpstr (budg_ledger_row_get_date (row), ==, expected[i].date);
      if (expected[i].name != NULL)
        g_assert_cmpstr (budg_due_bill_get_name (due), ==, expected[i].name);
      else
        g_assert_null (due);
    }

  /* 1000.00 opening, −800 rent, −40 −90 −30, +2500 salary. */
  g_assert_cmpint (balance_at (fixture, 0), ==, 20000);
  g_assert_cmpint (balance_at (fixture, 3), ==, 4000);
  g_assert_cmpint (balance_at (fixture, 4), ==, 254000);
  /* The balance recorded on the 20th is what counts at its end. */
  g_assert_cmpint (balance_at (fixture, 6), ==, 150000);
  assert_balances_match_forecast (fixture);

  /* The lowest balance heads the table. */
  {
    g_autofree char *low_amount = budg_money_format (4000, "USD");
    g_autofree char *low_date = budg_date_format_short ("2040-03-10");
    g_autofree char *low_text = g_strdup_printf ("Everyday: lowest %s on %s", low_amount, low_date);

    g_assert_nonnull (find_widget (GTK_WIDGET (fixture->view), is_label_with_text, low_text));
  }

  /* A screen reader hears the order within the day. */
  description = _budg_ledger_view_describe_row (fixture->view, row_at (fixture, 2));
  g_assert_nonnull (strstr (description, "Power, due "));
  g_assert_nonnull (strstr (description, "Upcoming, position 2 of 3 on that day"));

  /* One account: only its rows. */
  budg_ledger_view_set_account_id (fixture->view, fixture->savings_id);
  SPIN_UNTIL (n_rows (fixture) == 1);
  g_assert_cmpstr (budg_due_bill_get_name (due_at (fixture, 0)), ==, "Saving");
}

static void
test_ledger_low_rows (Fixture       *fixture,
                      gconstpointer  user_data)
{
  guint position;

  add_bill (fixture, "Car", fixture->checking_id, 150000, "FREQ=MONTHLY;BYMONTHDAY=5", "2040-01-05",
            FALSE);
  open_view (fixture);

  position = find_due_row (fixture, "Car", "2040-03-05");
  g_assert_cmpint (balance_at (fixture, position), ==, -50000);
  g_assert_true (budg_ledger_row_get_is_low (row_at (fixture, position)));

  /* The row says so with its style and with an icon that has words. */
  {
    CellQuery query = { BUDG_LEDGER_CELL_NAME, row_at (fixture, position) };
    GtkWidget *cell = find_widget (GTK_WIDGET (fixture->view), is_cell_for, &query);
    GtkWidget *row_widget;

    g_assert_nonnull (cell);
    row_widget = gtk_widget_get_parent (gtk_widget_get_parent (cell));
    g_assert_true (gtk_widget_has_css_class (row_widget, "ledger-low"));
  }
  {
    CellQuery query = { BUDG_LEDGER_CELL_BALANCE, row_at (fixture, position) };
    GtkWidget *cell = find_widget (GTK_WIDGET (fixture->view), is_cell_for, &query);
    GtkWidget *icon = find_widget (cell, is_type, (GType[]) { GTK_TYPE_IMAGE });

    g_assert_nonnull (icon);
    g_assert_true (gtk_widget_get_visible (icon));
    g_assert_cmpstr (gtk_widget_get_tooltip_text (icon), ==, "The balance goes below zero");
  }
  assert_balances_match_forecast (fixture);
}

static void
test_ledger_empty (Fixture       *fixture,
                   gconstpointer  user_data)
{
  open_view (fixture);

  SPIN_UNTIL (find_widget (GTK_WIDGET (fixture->view), is_status_page_titled, "No Bills") != NULL);

  /* The first bill brings the table. */
  add_bill (fixture, "Rent", fixture->checking_id, 80000, "FREQ=MONTHLY;BYMONTHDAY=1", "2040-01-01",
            FALSE);
  SPIN_UNTIL (n_rows (fixture) == 1 &&
              find_widget (GTK_WIDGET (fixture->view), is_status_page_titled, "No Bills") == NULL);
}

static gint64
count_transactions (Fixture *fixture)
{
  BudgTransactionQuery query = { 0 };

  query.account_id = fixture->checking_id;

  return budg_transaction_store_count (budg_context_get_transactions (fixture->context), &query,
                                       NULL);
}

static GtkCheckButton *
find_paid_check (Fixture *fixture,
                 guint    position)
{
  CellQuery query = { BUDG_LEDGER_CELL_STATUS, row_at (fixture, position) };
  GtkWidget *cell = NULL;
  GtkWidget *check;

  SPIN_UNTIL ((cell = find_widget (GTK_WIDGET (fixture->view), is_cell_for, &query)) != NULL);
  check = find_widget (cell, is_type, (GType[]) { GTK_TYPE_CHECK_BUTTON });
  g_assert_nonnull (check);

  return GTK_CHECK_BUTTON (check);
}

static void
test_ledger_pay (Fixture       *fixture,
                 gconstpointer  user_data)
{
  gint64 before;
  guint position;
  BudgDueBill *due;

  add_household (fixture);
  open_view (fixture);

  before = count_transactions (fixture);
  position = find_due_row (fixture, "Power", NULL);
  g_assert_false (gtk_check_button_get_active (find_paid_check (fixture, position)));

  gtk_check_button_set_active (find_paid_check (fixture, position), TRUE);

  /* Exactly one transaction, linked to the due bill, and the row says paid. */
  g_assert_cmpint (count_transactions (fixture), ==, before + 1);
  SPIN_UNTIL (status_at (fixture, position) ==
              BUDG_DUE_STATUS_PAID);
  due = due_at (fixture, position);
  g_assert_cmpint (budg_due_bill_get_transaction_id (due), !=, 0);
  g_assert_true (gtk_check_button_get_active (find_paid_check (fixture, position)));

  /* Paid bills count through their transaction: the balances stay. */
  g_assert_cmpint (balance_at (fixture, find_due_row (fixture, "Water", NULL)),
                   ==, 4000);
  assert_balances_match_forecast (fixture);

  /* Unchecked, the payment is undone. */
  gtk_check_button_set_active (find_paid_check (fixture, position), FALSE);
  g_assert_cmpint (count_transactions (fixture), ==, before);
  SPIN_UNTIL (status_at (fixture, position) !=
              BUDG_DUE_STATUS_PAID);
}

static void
test_ledger_pay_details (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(BudgTransaction) transaction = NULL;
  GtkWindow *dialog = NULL;
  GtkWidget *amount_row;
  GtkWidget *date_row;
  BudgDueBill *due;
  gint64 before;
  guint position;

  add_household (fixture);
  open_view (fixture);
  before = count_transactions (fixture);

  /* Paid a day late and for a little more than the bill said. */
  position = find_due_row (fixture, "Power", NULL);
  due = due_at (fixture, position);
  g_assert_true (activate_for_due (fixture, "ledger.pay-details", due));
  SPIN_UNTIL ((dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG)) != NULL);
  amount_row = find_row_titled (GTK_WIDGET (dialog), "Amount paid");
  date_row = find_row_titled (GTK_WIDGET (dialog), "Paid on");
  gtk_editable_set_text (GTK_EDITABLE (amount_row), "93.50");
  budg_date_row_set_date (BUDG_DATE_ROW (date_row), "2040-03-13");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), BUDG_MESSAGE_DIALOG_RESPONSE_CONFIRM);

  SPIN_UNTIL (status_at (fixture, find_due_row (fixture, "Power", NULL)) == BUDG_DUE_STATUS_PAID);
  g_assert_cmpint (count_transactions (fixture), ==, before + 1);
  due = due_at (fixture, find_due_row (fixture, "Power", NULL));
  transaction = budg_transaction_store_get (budg_context_get_transactions (fixture->context),
                                            budg_due_bill_get_transaction_id (due), NULL);
  g_assert_nonnull (transaction);
  g_assert_cmpint (budg_transaction_get_amount_minor (transaction), ==, -9350);
  g_assert_cmpstr (budg_transaction_get_date (transaction), ==, "2040-03-13");
  assert_balances_match_forecast (fixture);
}

static gboolean
is_label_containing (GtkWidget     *widget,
                     gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         strstr (gtk_label_get_text (GTK_LABEL (widget)), data) != NULL;
}

/* The Undo button of the toast whose title has @title_part in it: an
 * earlier toast may still be on its way out. */
static GtkWidget *
find_undo_button (Fixture    *fixture,
                  const char *title_part)
{
  GtkWidget *label = NULL;
  GtkWidget *undo = NULL;

  SPIN_UNTIL ((label = find_widget (GTK_WIDGET (fixture->view), is_label_containing,
                                    title_part)) != NULL);

  for (GtkWidget *toast = label; toast != NULL && undo == NULL;
       toast = gtk_widget_get_parent (toast))
    undo = find_widget (toast, is_button_labelled, "Undo");
  g_assert_nonnull (undo);

  return undo;
}

static void
test_ledger_move_within_day (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autofree char *order = NULL;
  guint water;
  guint phone;

  add_household (fixture);
  open_view (fixture);

  order = dup_day_order (fixture, "2040-03-10");
  g_assert_cmpstr (order, ==, "Phone,Power,Water");
  g_clear_pointer (&order, g_free);

  /* Water dropped on the upper half of Phone: first of the day. */
  water = find_due_row (fixture, "Water", NULL);
  phone = find_due_row (fixture, "Phone", NULL);
  g_assert_true (budg_ledger_view_move_row (fixture->view, water, phone, FALSE, NULL));

  order = dup_day_order (fixture, "2040-03-10");
  g_assert_cmpstr (order, ==, "Water,Phone,Power");
  g_clear_pointer (&order, g_free);

  /* The table follows at once, and so do the balances. */
  g_assert_cmpuint (find_due_row (fixture, "Water", NULL), ==, phone);
  g_assert_cmpint (balance_at (fixture, phone), ==, 20000 - 3000);
  assert_balances_match_forecast (fixture);

  /* Undo puts it back. */
  g_signal_emit_by_name (find_undo_button (fixture, "Moved “Water” before “Phone”"), "clicked");
  order = dup_day_order (fixture, "2040-03-10");
  g_assert_cmpstr (order, ==, "Phone,Power,Water");
  SPIN_UNTIL (find_due_row (fixture, "Water", NULL) == water);
  assert_balances_match_forecast (fixture);
}

static void
test_ledger_move_to_other_day (Fixture       *fixture,
                               gconstpointer  user_data)
{
  g_autofree char *order = NULL;
  guint power;
  guint rent;
  BudgDueBill *due;

  add_household (fixture);
  open_view (fixture);

  /* Power dropped on the lower half of Rent: due on the 1st, after it. */
  power = find_due_row (fixture, "Power", NULL);
  rent = find_due_row (fixture, "Rent", NULL);
  g_assert_true (budg_ledger_view_move_row (fixture->view, power, rent, TRUE, NULL));

  order = dup_day_order (fixture, "2040-03-01");
  g_assert_cmpstr (order, ==, "Rent,Power");
  g_clear_pointer (&order, g_free);
  order = dup_day_order (fixture, "2040-03-10");
  g_assert_cmpstr (order, ==, "Phone,Water");
  g_clear_pointer (&order, g_free);

  due = due_at (fixture, rent + 1);
  g_assert_cmpstr (budg_due_bill_get_name (due), ==, "Power");
  g_assert_cmpstr (budg_due_bill_get_due_date (due), ==, "2040-03-01");
  /* The rule's date stays the occurrence's identity. */
  g_assert_cmpstr (budg_due_bill_get_occurrence_date (due), ==, "2040-03-10");
  g_assert_cmpint (balance_at (fixture, rent + 1), ==, 20000 - 9000);
  assert_balances_match_forecast (fixture);

  /* Dropped on a balance row's upper half: last bill of that day. */
  g_assert_true (budg_ledger_view_move_row (fixture->view, find_due_row (fixture, "Phone", NULL),
                                            n_rows (fixture) - 1, FALSE, NULL));
  order = dup_day_order (fixture, "2040-03-20");
  g_assert_cmpstr (order, ==, "Saving,Phone");
  g_clear_pointer (&order, g_free);

  /* Undo undoes the last move only. */
  g_signal_emit_by_name (find_undo_button (fixture, "Moved “Phone” to"), "clicked");
  order = dup_day_order (fixture, "2040-03-10");
  g_assert_cmpstr (order, ==, "Phone,Water");
  g_clear_pointer (&order, g_free);
  order = dup_day_order (fixture, "2040-03-01");
  g_assert_cmpstr (order, ==, "Rent,Power");
}

static void
test_ledger_keyboard_move (Fixture       *fixture,
                           gconstpointer  user_data)
{
  GtkSelectionModel *selection;
  g_autofree char *order = NULL;
  g_autofree char *description = NULL;
  guint power;

  add_household (fixture);
  open_view (fixture);

  selection = get_selection (fixture);
  power = find_due_row (fixture, "Power", NULL);
  gtk_selection_model_select_item (selection, power, TRUE);

  /* Alt+Up: before the row above. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "ledger.move-up", NULL));
  order = dup_day_order (fixture, "2040-03-10");
  g_assert_cmpstr (order, ==, "Power,Phone,Water");
  g_clear_pointer (&order, g_free);

  /* The moved row stays selected, so the keys go on moving it. */
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (selection)), ==,
                    power - 1);
  description = _budg_ledger_view_describe_row (fixture->view, row_at (fixture, power - 1));
  g_assert_nonnull (strstr (description, "position 1 of 3 on that day"));

  /* Again: before Rent, on the 1st. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "ledger.move-up", NULL));
  order = dup_day_order (fixture, "2040-03-01");
  g_assert_cmpstr (order, ==, "Power,Rent");
  g_clear_pointer (&order, g_free);

  /* Alt+Down twice: after Rent, then back on the 10th before Phone. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "ledger.move-down", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "ledger.move-down", NULL));
  order = dup_day_order (fixture, "2040-03-10");
  g_assert_cmpstr (order, ==, "Phone,Power,Water");
  g_clear_pointer (&order, g_free);
  order = dup_day_order (fixture, "2040-03-01");
  g_assert_cmpstr (order, ==, "Rent");
}

static void
test_ledger_skip_and_menu (Fixture       *fixture,
                           gconstpointer  user_data)
{
  guint position;
  BudgDueBill *due;
  GtkWidget *menu = NULL;

  add_household (fixture);
  open_view (fixture);

  position = find_due_row (fixture, "Phone", NULL);
  due = due_at (fixture, position);
  g_assert_true (activate_for_due (fixture, "ledger.toggle-skipped", due));

  /* Skipped bills leave the balance alone. */
  g_assert_cmpint (status_at (fixture, position), ==,
                   BUDG_DUE_STATUS_SKIPPED);
  g_assert_cmpint (balance_at (fixture, position), ==, 20000);
  assert_balances_match_forecast (fixture);

  g_signal_emit_by_name (find_undo_button (fixture, "Skipped “Phone”"), "clicked");
  SPIN_UNTIL (status_at (fixture, position) ==
              BUDG_DUE_STATUS_UPCOMING);

  /* The context menu, as the Menu key opens it, for the selected row. */
  gtk_selection_model_select_item (get_selection (fixture), position, TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "ledger.popup-menu",
                                             NULL));
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (fixture->view)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER_MENU (child))
      menu = child;
  g_assert_nonnull (menu);
  SPIN_UNTIL (gtk_widget_get_mapped (menu));
  g_assert_nonnull (find_widget (menu, is_label_with_text, "Mark as Paid"));
}

static void
test_ledger_move_to_date (Fixture       *fixture,
                          gconstpointer  user_data)
{
  BudgDueBill *due;
  GtkWidget *calendar = NULL;
  g_autoptr(GDateTime) day = g_date_time_new_local (2040, 3, 12, 0, 0, 0);
  g_autofree char *order = NULL;

  add_household (fixture);
  open_view (fixture);

  due = due_at (fixture, find_due_row (fixture, "Phone", NULL));
  g_assert_true (activate_for_due (fixture, "ledger.move-to-date", due));

  /* The calendar of the popover; the one of the range bar is not mapped. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (fixture->view)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child) && !GTK_IS_POPOVER_MENU (child))
      calendar = find_widget (child, is_type, (GType[]) { GTK_TYPE_CALENDAR });
  g_assert_nonnull (calendar);
  SPIN_UNTIL (gtk_widget_get_mapped (calendar));

  gtk_calendar_select_day (GTK_CALENDAR (calendar), day);

  order = dup_day_order (fixture, "2040-03-12");
  g_assert_cmpstr (order, ==, "Phone");
  g_assert_cmpstr (budg_due_bill_get_due_date (budg_ledger_row_get_due_bill (
                     row_at (fixture, find_due_row (fixture, "Phone", NULL)))), ==, "2040-03-12");
  assert_balances_match_forecast (fixture);
}

static void
test_ledger_edit_occurrence (Fixture       *fixture,
                             gconstpointer  user_data)
{
  GtkWindow *dialog = NULL;
  BudgDueBill *due;
  GtkWidget *amount_row;

  add_household (fixture);
  open_view (fixture);

  due = due_at (fixture, find_due_row (fixture, "Power", NULL));
  g_assert_true (activate_for_due (fixture, "ledger.edit", due));

  /* Which ones: only this. */
  SPIN_UNTIL ((dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG)) != NULL);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "occurrence");
  gtk_window_destroy (dialog);

  /* Its amount, and nothing else. */
  SPIN_UNTIL ((dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG)) != NULL);
  amount_row = find_row_titled (GTK_WIDGET (dialog), "Amount");
  gtk_editable_set_text (GTK_EDITABLE (amount_row), "120.00");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), BUDG_MESSAGE_DIALOG_RESPONSE_CONFIRM);

  SPIN_UNTIL (budg_due_bill_get_amount_minor (budg_ledger_row_get_due_bill (
                row_at (fixture, find_due_row (fixture, "Power", NULL)))) == -12000);
  assert_balances_match_forecast (fixture);

  /* The next month keeps the bill's amount. */
  budg_ledger_view_set_range (fixture->view, "2040-04-01", "2040-04-30");
  g_assert_cmpint (budg_due_bill_get_amount_minor (budg_ledger_row_get_due_bill (
                     row_at (fixture, find_due_row (fixture, "Power", NULL)))), ==, -9000);
}

/* A notification opens the ledger on its occurrence: the range grows to
 * hold it and its row is selected. */
static void
test_ledger_show_occurrence (Fixture       *fixture,
                             gconstpointer  user_data)
{
  GtkSelectionModel *selection;
  BudgBill *bill;
  BudgDueBill *due;
  guint selected;

  add_bill (fixture, "Rent", fixture->checking_id, 120000, "FREQ=MONTHLY", "2040-03-05", FALSE);
  bill = add_bill (fixture, "Insurance", fixture->checking_id, 30000, "FREQ=MONTHLY", "2040-03-20", FALSE);
  open_view (fixture);

  budg_ledger_view_show_occurrence (fixture->view, budg_bill_get_id (bill), "2040-06-20", "2040-06-20");

  g_assert_cmpstr (budg_ledger_view_get_from (fixture->view), ==, FROM);
  g_assert_cmpstr (budg_ledger_view_get_to (fixture->view), ==, "2040-06-20");
  selection = get_selection (fixture);
  SPIN_UNTIL (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (selection)) != GTK_INVALID_LIST_POSITION);
  selected = gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (selection));
  due = due_at (fixture, selected);
  g_assert_nonnull (due);
  g_assert_cmpint (budg_due_bill_get_bill_id (due), ==, budg_bill_get_id (bill));
  g_assert_cmpstr (budg_due_bill_get_occurrence_date (due), ==, "2040-06-20");

  /* One inside the range selects its row without changing the range. */
  budg_ledger_view_show_occurrence (fixture->view, budg_bill_get_id (bill), "2040-04-20", "2040-04-20");
  g_assert_cmpstr (budg_ledger_view_get_to (fixture->view), ==, "2040-06-20");
  due = due_at (fixture, gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (selection)));
  g_assert_cmpstr (budg_due_bill_get_occurrence_date (due), ==, "2040-04-20");
}

static void
test_ledger_edit_future (Fixture       *fixture,
                         gconstpointer  user_data)
{
  GtkWindow *dialog = NULL;
  BudgDueBill *due;
  GListModel *bills = G_LIST_MODEL (budg_context_get_bills (fixture->context));
  guint n_bills = g_list_model_get_n_items (bills);

  add_household (fixture);
  open_view (fixture);
  n_bills = g_list_model_get_n_items (bills);

  due = due_at (fixture, find_due_row (fixture, "Power", NULL));
  g_assert_true (activate_for_due (fixture, "ledger.edit", due));

  SPIN_UNTIL ((dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG)) != NULL);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "future");
  gtk_window_destroy (dialog);

  /* The bill form, for this one and the ones after it. */
  SPIN_UNTIL ((dialog = find_toplevel (BUDG_TYPE_BILL_DIALOG)) != NULL);
  g_assert_cmpstr (budg_bill_dialog_get_from_occurrence_date (BUDG_BILL_DIALOG (dialog)), ==,
                   "2040-03-10");
  gtk_editable_set_text (GTK_EDITABLE (find_row_titled (GTK_WIDGET (dialog), "Amount")), "95.00");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL));
  SPIN_UNTIL (find_toplevel (BUDG_TYPE_BILL_DIALOG) == NULL);

  /* A new bill carries on from March; February keeps the old amount. */
  g_assert_cmpuint (g_list_model_get_n_items (bills), ==, n_bills + 1);
  SPIN_UNTIL (budg_due_bill_get_amount_minor (budg_ledger_row_get_due_bill (
                row_at (fixture, find_due_row (fixture, "Power", NULL)))) == -9500);
  budg_ledger_view_set_range (fixture->view, "2040-02-01", "2040-02-28");
  g_assert_cmpint (budg_due_bill_get_amount_minor (budg_ledger_row_get_due_bill (
                     row_at (fixture, find_due_row (fixture, "Power", NULL)))), ==, -9000);
}

static void
test_ledger_delete_bill (Fixture       *fixture,
                         gconstpointer  user_data)
{
  GtkWindow *dialog = NULL;
  BudgDueBill *due;
  BudgBillStore *bills = budg_context_get_bills (fixture->context);
  gint64 bill_id;

  add_household (fixture);
  open_view (fixture);

  due = due_at (fixture, find_due_row (fixture, "Water", NULL));
  bill_id = budg_due_bill_get_bill_id (due);
  g_assert_true (activate_for_due (fixture, "ledger.delete-bill", due));

  /* Nothing goes before the answer. */
  SPIN_UNTIL ((dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG)) != NULL);
  g_assert_nonnull (budg_bill_store_lookup (bills, bill_id));

  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), BUDG_MESSAGE_DIALOG_RESPONSE_CONFIRM);
  SPIN_UNTIL (budg_bill_store_lookup (bills, bill_id) == NULL);
  SPIN_UNTIL (n_rows (fixture) == 6);
}

/* The window ------------------------------------------------------------------- */

static void
test_window_bills_page (Fixture       *fixture,
                        gconstpointer  user_data)
{
  BudgWindow *window;
  BudgLedgerView *view;
  BudgSidebar *sidebar;
  GtkWindow *dialog = NULL;

  add_household (fixture);

  window = g_object_ref_sink (budg_window_new (NULL, fixture->context));
  fixture->window = GTK_WINDOW (window);
  gtk_window_present (fixture->window);
  SPIN_UNTIL (budg_window_get_ready (window));

  /* Bills is the view a window opens on, with its rows in the first frame. */
  g_assert_cmpstr (budg_window_get_view (window), ==, "bills");
  view = BUDG_LEDGER_VIEW (find_widget (GTK_WIDGET (window), is_type,
                                        (GType[]) { BUDG_TYPE_LEDGER_VIEW }));
  g_assert_nonnull (view);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));
  fixture->view = view;

  /* Following the sidebar's account. */
  sidebar = BUDG_SIDEBAR (find_widget (GTK_WIDGET (window), is_type,
                                       (GType[]) { BUDG_TYPE_SIDEBAR }));
  budg_sidebar_set_selected_account_id (sidebar, fixture->savings_id);
  g_assert_cmpint (budg_ledger_view_get_account_id (view), ==, fixture->savings_id);

  /* Ctrl+Shift+B's action opens the form, on the selected account. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-bill", NULL));
  SPIN_UNTIL ((dialog = find_toplevel (BUDG_TYPE_BILL_DIALOG)) != NULL);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (window));
  {
    AdwComboRow *account_row = ADW_COMBO_ROW (find_row_titled (GTK_WIDGET (dialog), "Account"));
    GtkStringObject *item = adw_combo_row_get_selected_item (account_row);

    g_assert_cmpstr (gtk_string_object_get_string (item), ==, "Rainy Day");
  }
}

/* The bill form ----------------------------------------------------------------- */

static BudgBillDialog *
open_dialog (Fixture  *fixture,
             BudgBill *bill,
             const char *from)
{
  GtkWidget *dialog = budg_bill_dialog_new (fixture->context, bill, from);

  gtk_window_present (GTK_WINDOW (dialog));
  SPIN_UNTIL (gtk_widget_get_mapped (dialog));

  return BUDG_BILL_DIALOG (dialog);
}

static void
set_spin (BudgBillDialog *dialog,
          const char     *row_title,
          int             value)
{
  GtkWidget *row = find_row_titled (GTK_WIDGET (dialog), row_title);
  GtkWidget *spin = find_widget (row, is_type, (GType[]) { GTK_TYPE_SPIN_BUTTON });

  g_assert_nonnull (spin);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
}

static void
set_combo (BudgBillDialog *dialog,
           const char     *row_title,
           guint           position)
{
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_row_titled (GTK_WIDGET (dialog), row_title)),
                              position);
}

static gboolean
save_enabled (BudgBillDialog *dialog)
{
  GtkWidget *save = find_widget (GTK_WIDGET (dialog), is_button_labelled, "Add");

  if (save == NULL)
    save = find_widget (GTK_WIDGET (dialog), is_button_labelled, "Save");
  g_assert_nonnull (save);

  return gtk_widget_is_sensitive (save);
}

static void
test_dialog_rrules (Fixture       *fixture,
                    gconstpointer  user_data)
{
  /* Each choice of "Repeat" (its position), with its own fields set, from
   * a start on Wednesday 2040-03-14. */
  static const struct {
    guint       repeat;
    int         interval;
    int         day;          /* day of the month, or the first of two */
    int         second_day;
    int         week;         /* position in "Week of the month" */
    int         weekday;      /* position in "Weekday" */
    const char *rrule;
    const char *first_dates[3];
  } cases[] = {
    { 0, 3, 0, 0, 0, 0, "FREQ=DAILY;INTERVAL=3",
      { "2040-03-14", "2040-03-17", "2040-03-20" } },
    { 1, 1, 0, 0, 0, 0, "FREQ=WEEKLY",
      { "2040-03-14", "2040-03-21", "2040-03-28" } },
    { 1, 2, 0, 0, 0, 0, "FREQ=WEEKLY;INTERVAL=2",
      { "2040-03-14", "2040-03-28", "2040-04-11" } },
    { 2, 1, 14, 0, 0, 0, "FREQ=MONTHLY;BYMONTHDAY=14",
      { "2040-03-14", "2040-04-14", "2040-05-14" } },
    { 2, 2, 20, 0, 0, 0, "FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=20",
      { "2040-03-20", "2040-05-20", "2040-07-20" } },
    { 2, 1, 30, 0, 0, 0, "FREQ=MONTHLY;BYMONTHDAY=30,-1;BYSETPOS=1",
      { "2040-03-30", "2040-04-30", "2040-05-30" } },
    { 2, 1, 31, 0, 0, 0, "FREQ=MONTHLY;BYMONTHDAY=-1",
      { "2040-03-31", "2040-04-30", "2040-05-31" } },
    { 3, 1, 0, 0, 0, 0, "FREQ=YEARLY",
      { "2040-03-14", "2041-03-14", "2042-03-14" } },
    { 4, 1, 15, 1, 0, 0, "FREQ=MONTHLY;BYMONTHDAY=1,15",
      { "2040-03-15", "2040-04-01", "2040-04-15" } },
    { 4, 1, 31, 15, 0, 0, "FREQ=MONTHLY;BYMONTHDAY=15,-1",
      { "2040-03-15", "2040-03-31", "2040-04-15" } },
    { 5, 1, 0, 0, 1, 4, "FREQ=MONTHLY;BYDAY=2FR",
      { "2040-04-13", "2040-05-11", "2040-06-08" } },
    { 5, 1, 0, 0, 4, 0, "FREQ=MONTHLY;BYDAY=-1MO",
      { "2040-03-26", "2040-04-30", "2040-05-28" } },
    { 6, 1, 0, 0, 0, 0, "FREQ=MONTHLY;BYMONTHDAY=-1",
      { "2040-03-31", "2040-04-30", "2040-05-31" } },
    { 7, 1, 0, 0, 0, 0, "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1",
      { "2040-03-30", "2040-04-30", "2040-05-31" } },
  };
  BudgBillDialog *dialog = open_dialog (fixture, NULL, NULL);
  BudgDateRow *start_row = BUDG_DATE_ROW (find_row_titled (GTK_WIDGET (dialog), "Starts"));

  budg_date_row_set_date (start_row, "2040-03-14");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *rrule = NULL;
      g_auto(GStrv) preview = NULL;

      g_test_message ("Case %u: %s", i, cases[i].rrule);

      set_combo (dialog, "Repeat", cases[i].repeat);
      if (cases[i].repeat <= 3)
        set_spin (dialog, "Every", cases[i].interval);
      if (cases[i].repeat == 2)
        set_spin (dialog, "Day of the month", cases[i].day);
      if (cases[i].repeat == 4)
        {
          set_spin (dialog, "First day of the month", cases[i].day);
          set_spin (dialog, "Second day of the month", cases[i].second_day);
        }
      if (cases[i].repeat == 5)
        {
          set_combo (dialog, "Week of the month", cases[i].week);
          set_combo (dialog, "Weekday", cases[i].weekday);
        }

      rrule = budg_bill_dialog_dup_rrule (dialog);
      g_assert_cmpstr (rrule, ==, cases[i].rrule);

      /* The preview lists the rule's next dates, as the recurrence gives them. */
      preview = budg_bill_dialog_dup_preview (dialog);
      g_assert_cmpuint (g_strv_length (preview), ==, 5);
      for (guint d = 0; d < G_N_ELEMENTS (cases[i].first_dates); d++)
        g_assert_cmpstr (preview[d], ==, cases[i].first_dates[d]);
    }

  /* Twice a month needs two days. */
  set_combo (dialog, "Repeat", 4);
  set_spin (dialog, "First day of the month", 9);
  set_spin (dialog, "Second day of the month", 9);
  g_assert_null (budg_bill_dialog_dup_rrule (dialog));
}

static void
test_dialog_custom_rule (Fixture       *fixture,
                         gconstpointer  user_data)
{
  BudgBillDialog *dialog = open_dialog (fixture, NULL, NULL);
  GtkWidget *rule_row;
  g_auto(GStrv) preview = NULL;
  g_autofree char *rrule = NULL;

  gtk_editable_set_text (GTK_EDITABLE (find_row_titled (GTK_WIDGET (dialog), "Name")), "Gym");
  gtk_editable_set_text (GTK_EDITABLE (find_row_titled (GTK_WIDGET (dialog), "Amount")), "39.00");
  budg_date_row_set_date (BUDG_DATE_ROW (find_row_titled (GTK_WIDGET (dialog), "Starts")),
                          "2040-03-14");
  g_assert_true (save_enabled (dialog));

  /* A custom rule starts from the rule of the choice before it. */
  set_combo (dialog, "Repeat", 8);
  rule_row = find_row_titled (GTK_WIDGET (dialog), "Rule (RFC 5545 RRULE)");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rule_row)), ==,
                   "FREQ=MONTHLY;BYMONTHDAY=14");

  /* An invalid one says why under the field and cannot be saved. */
  gtk_editable_set_text (GTK_EDITABLE (rule_row), "FREQ=HOURLY");
  g_assert_null (budg_bill_dialog_dup_rrule (dialog));
  g_assert_false (save_enabled (dialog));
  g_assert_true (gtk_widget_has_css_class (rule_row, "error"));
  preview = budg_bill_dialog_dup_preview (dialog);
  g_assert_cmpuint (g_strv_length (preview), ==, 0);
  g_clear_pointer (&preview, g_strfreev);

  gtk_editable_set_text (GTK_EDITABLE (rule_row), "FREQ=MONTHLY;BYMONTHDAY=15;BYMONTH=1,7");
  rrule = budg_bill_dialog_dup_rrule (dialog);
  g_assert_cmpstr (rrule, ==, "FREQ=MONTHLY;BYMONTHDAY=15;BYMONTH=1,7");
  g_assert_false (gtk_widget_has_css_class (rule_row, "error"));
  g_assert_true (save_enabled (dialog));
  preview = budg_bill_dialog_dup_preview (dialog);
  g_assert_cmpstr (preview[0], ==, "2040-07-15");
  g_assert_cmpstr (preview[1], ==, "2041-01-15");

  /* Saved as it is. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL));
  SPIN_UNTIL (find_toplevel (BUDG_TYPE_BILL_DIALOG) == NULL);
  {
    g_autoptr(GError) error = NULL;
    BudgBill *bill = budg_bill_store_find (budg_context_get_bills (fixture->context), "Gym",
                                           &error);

    g_assert_no_error (error);
    g_assert_cmpstr (budg_bill_get_rrule (bill), ==, "FREQ=MONTHLY;BYMONTHDAY=15;BYMONTH=1,7");
    g_assert_cmpint (budg_bill_get_amount_minor (bill), ==, 3900);
    g_assert_cmpint (budg_bill_get_account_id (bill), ==, fixture->checking_id);
  }
}

static void
test_dialog_create (Fixture       *fixture,
                    gconstpointer  user_data)
{
  BudgBillDialog *dialog = open_dialog (fixture, NULL, NULL);
  g_autoptr(GError) error = NULL;
  BudgBill *bill;

  /* Nothing entered: nothing to save. */
  g_assert_false (save_enabled (dialog));

  gtk_editable_set_text (GTK_EDITABLE (find_row_titled (GTK_WIDGET (dialog), "Name")), "Salary");
  gtk_editable_set_text (GTK_EDITABLE (find_row_titled (GTK_WIDGET (dialog), "Payee (optional)")),
                         "Acme");
  gtk_editable_set_text (GTK_EDITABLE (find_row_titled (GTK_WIDGET (dialog), "Amount")), "-10");
  g_assert_false (save_enabled (dialog));
  gtk_editable_set_text (GTK_EDITABLE (find_row_titled (GTK_WIDGET (dialog), "Amount")),
                         "2,500.00");
  set_combo (dialog, "Account", 1);
  budg_date_row_set_date (BUDG_DATE_ROW (find_row_titled (GTK_WIDGET (dialog), "Starts")),
                          "2040-03-14");
  set_combo (dialog, "Repeat", 1);
  set_spin (dialog, "Every", 2);
  set_combo (dialog, "Ends", 2);
  set_spin (dialog, "Number of times", 6);
  set_combo (dialog, "On a weekend", 1);
  set_spin (dialog, "Remind", 5);
  gtk_switch_set_active (GTK_SWITCH (find_widget (find_row_titled (GTK_WIDGET (dialog), "Income"),
                                                  is_type,
                                                  (GType[]) { GTK_TYPE_SWITCH })), TRUE);

  /* An estimate needs its top. */
  gtk_switch_set_active (GTK_SWITCH (find_widget (find_row_titled (GTK_WIDGET (dialog), "Estimate"),
                                                  is_type,
                                                  (GType[]) { GTK_TYPE_SWITCH })), TRUE);
  g_assert_false (save_enabled (dialog));
  gtk_editable_set_text (GTK_EDITABLE (find_row_titled (GTK_WIDGET (dialog), "Up to")), "2,400.00");
  g_assert_false (save_enabled (dialog));
  gtk_editable_set_text (GTK_EDITABLE (find_row_titled (GTK_WIDGET (dialog), "Up to")), "2,700.00");
  g_assert_true (save_enabled (dialog));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL));
  SPIN_UNTIL (find_toplevel (BUDG_TYPE_BILL_DIALOG) == NULL);

  bill = budg_bill_store_find (budg_context_get_bills (fixture->context), "Salary", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (budg_bill_get_payee (bill), ==, "Acme");
  g_assert_cmpint (budg_bill_get_amount_minor (bill), ==, 250000);
  g_assert_cmpint (budg_bill_get_amount_max_minor (bill), ==, 270000);
  g_assert_true (budg_bill_get_is_income (bill));
  g_assert_cmpint (budg_bill_get_account_id (bill), ==, fixture->savings_id);
  g_assert_cmpstr (budg_bill_get_rrule (bill), ==, "FREQ=WEEKLY;INTERVAL=2");
  g_assert_cmpstr (budg_bill_get_start_date (bill), ==, "2040-03-14");
  g_assert_cmpuint (budg_bill_get_count (bill), ==, 6);
  g_assert_null (budg_bill_get_end_date (bill));
  g_assert_cmpint (budg_bill_get_weekend_shift (bill), ==, BUDG_WEEKEND_SHIFT_BEFORE);
  g_assert_cmpuint (budg_bill_get_lead_days (bill), ==, 5);
}

static void
test_dialog_edit (Fixture       *fixture,
                  gconstpointer  user_data)
{
  BudgBill *rent = add_bill (fixture, "Rent", fixture->checking_id, 165000,
                             "FREQ=MONTHLY;BYMONTHDAY=1",
                             "2040-02-23", FALSE);
  BudgBill *insurance = add_bill (fixture, "Insurance", fixture->checking_id, 38000,
                                  "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=15", "2040-02-23", FALSE);
  BudgBillDialog *dialog;
  g_autofree char *rrule = NULL;
  g_autoptr(GError) error = NULL;

  /* A rule the choices express comes back as those choices. */
  dialog = open_dialog (fixture, rent, NULL);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (find_row_titled (GTK_WIDGET (dialog),
                                                                                "Repeat"))),
                    ==, 2);
  rrule = budg_bill_dialog_dup_rrule (dialog);
  g_assert_cmpstr (rrule, ==, "FREQ=MONTHLY;BYMONTHDAY=1");
  g_assert_true (save_enabled (dialog));

  gtk_editable_set_text (GTK_EDITABLE (find_row_titled (GTK_WIDGET (dialog), "Name")), "Flat");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL));
  SPIN_UNTIL (find_toplevel (BUDG_TYPE_BILL_DIALOG) == NULL);
  g_assert_cmpstr (budg_bill_get_name (rent), ==, "Flat");
  g_assert_cmpstr (budg_bill_get_rrule (rent), ==, "FREQ=MONTHLY;BYMONTHDAY=1");
  g_assert_cmpstr (budg_bill_get_start_date (rent), ==, "2040-02-23");
  g_clear_pointer (&rrule, g_free);

  /* One they do not is kept as a custom rule, untouched. */
  dialog = open_dialog (fixture, insurance, NULL);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (find_row_titled (GTK_WIDGET (dialog),
                                                                                "Repeat"))),
                    ==, 8);
  rrule = budg_bill_dialog_dup_rrule (dialog);
  g_assert_cmpstr (rrule, ==, "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=15");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_dialog_new_category (Fixture       *fixture,
                          gconstpointer  user_data)
{
  BudgBillDialog *dialog = open_dialog (fixture, NULL, NULL);
  AdwComboRow *category_row = ADW_COMBO_ROW (find_row_titled (GTK_WIDGET (dialog), "Category"));
  GListModel *model = adw_combo_row_get_model (category_row);
  guint n_items = g_list_model_get_n_items (model);
  GtkWindow *category_dialog = NULL;
  GtkStringObject *item;

  /* "New Category…" is last, and opens the category form. */
  adw_combo_row_set_selected (category_row, n_items - 1);
  g_assert_cmpuint (adw_combo_row_get_selected (category_row), ==, 0);
  SPIN_UNTIL ((category_dialog = find_toplevel (g_type_from_name ("BudgCategoryDialog"))) != NULL);
  g_assert_true (gtk_window_get_transient_for (category_dialog) == GTK_WINDOW (dialog));

  gtk_editable_set_text (GTK_EDITABLE (find_row_titled (GTK_WIDGET (category_dialog), "Name")),
                         "Streaming");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (category_dialog), "dialog.save", NULL));

  /* The new category is chosen. */
  SPIN_UNTIL (adw_combo_row_get_selected (category_row) != 0);
  item = adw_combo_row_get_selected_item (category_row);
  g_assert_cmpstr (gtk_string_object_get_string (item), ==, "Streaming");
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

  ADD ("/ui/ledger/rows", test_ledger_rows);
  ADD ("/ui/ledger/low-rows", test_ledger_low_rows);
  ADD ("/ui/ledger/empty", test_ledger_empty);
  ADD ("/ui/ledger/pay", test_ledger_pay);
  ADD ("/ui/ledger/pay-details", test_ledger_pay_details);
  ADD ("/ui/ledger/move/within-day", test_ledger_move_within_day);
  ADD ("/ui/ledger/move/other-day", test_ledger_move_to_other_day);
  ADD ("/ui/ledger/move/keyboard", test_ledger_keyboard_move);
  ADD ("/ui/ledger/move/to-date", test_ledger_move_to_date);
  ADD ("/ui/ledger/skip-and-menu", test_ledger_skip_and_menu);
  ADD ("/ui/ledger/edit/occurrence", test_ledger_edit_occurrence);
  ADD ("/ui/ledger/edit/future", test_ledger_edit_future);
  ADD ("/ui/ledger/delete-bill", test_ledger_delete_bill);
  ADD ("/ui/ledger/window", test_window_bills_page);
  ADD ("/ui/ledger/show-occurrence", test_ledger_show_occurrence);
  ADD ("/ui/bill-dialog/rrules", test_dialog_rrules);
  ADD ("/ui/bill-dialog/custom-rule", test_dialog_custom_rule);
  ADD ("/ui/bill-dialog/create", test_dialog_create);
  ADD ("/ui/bill-dialog/edit", test_dialog_edit);
  ADD ("/ui/bill-dialog/new-category", test_dialog_new_category);

#undef ADD

  return g_test_run ();
}
