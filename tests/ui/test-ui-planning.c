/* test-ui-planning.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-ui-planning"

#include "config.h"

#include <glib/gstdio.h>
#include <adwaita.h>

#include "budg-budget-dialog.h"
#include "budg-budget-store.h"
#include "budg-budgets-view.h"
#include "budg-context.h"
#include "budg-date-row.h"
#include "budg-date.h"
#include "budg-goal-dialog.h"
#include "budg-goal-store.h"
#include "budg-goals-view.h"
#include "budg-message-dialog.h"
#include "budg-money.h"
#include "budg-resources.h"
#include "budg-window.h"

/* The Budgets and Goals views on real widgets under Xvfb. The data is made
 * through the stores; what the rows show is compared with amounts worked
 * out here by hand from that data and formatted with budg_money_format(),
 * and what the dialogs save is read back from the stores.
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

typedef struct
{
  char            *dir;
  BudgContext     *context;
  BudgBudgetStore *budgets;
  BudgGoalStore   *goals;
  const char      *currency;
  gint64           account_id;
  GtkWindow       *window;
  GtkWidget       *view;
} Fixture;

/* Widget lookups ---------------------------------------------------------- */

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

static void
collect_widgets (GtkWidget       *root,
                 WidgetPredicate  predicate,
                 gconstpointer    data,
                 GPtrArray       *out)
{
  if (predicate (root, data))
    g_ptr_array_add (out, root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_widgets (child, predicate, data, out);
}

static gboolean
has_class (GtkWidget     *widget,
           gconstpointer  data)
{
  return gtk_widget_has_css_class (widget, data);
}

static gboolean
is_label_with_text (GtkWidget     *widget,
                    gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), data) == 0;
}

static gboolean
is_mapped_label_with_prefix (GtkWidget     *widget,
                             gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), data);
}

static gboolean
is_type (GtkWidget     *widget,
         gconstpointer  data)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, *(const GType *) data);
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
is_menu_button_labelled (GtkWidget     *widget,
                         gconstpointer  data)
{
  return GTK_IS_MENU_BUTTON (widget) &&
         g_strcmp0 (gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)), data) == 0;
}

static gboolean
is_status_page_titled (GtkWidget     *widget,
                       gconstpointer  data)
{
  return ADW_IS_STATUS_PAGE (widget) &&
         g_strcmp0 (adw_status_page_get_title (ADW_STATUS_PAGE (widget)), data) == 0;
}

static gboolean
is_status_page_saying_not_available (GtkWidget     *widget,
                                     gconstpointer  data)
{
  const char *description;

  if (!ADW_IS_STATUS_PAGE (widget))
    return FALSE;

  description = adw_status_page_get_description (ADW_STATUS_PAGE (widget));

  return description != NULL && strstr (description, "not available") != NULL;
}

static gboolean
widget_mapped (GtkWidget *widget)
{
  return widget != NULL && gtk_widget_get_mapped (widget);
}

/* The text of the label of @css_class inside @root. */
static const char *
get_text (GtkWidget  *root,
          const char *css_class)
{
  GtkWidget *label = find_widget (root, has_class, css_class);

  g_assert_nonnull (label);
  g_assert_true (GTK_IS_LABEL (label));

  return gtk_label_get_text (GTK_LABEL (label));
}

static GPtrArray *
get_rows (Fixture    *fixture,
          const char *css_class)
{
  GPtrArray *rows = g_ptr_array_new ();

  collect_widgets (fixture->view, has_class, css_class, rows);

  return rows;
}

/* The row of @css_class whose heading is @title. */
static GtkWidget *
find_row (Fixture    *fixture,
          const char *css_class,
          const char *title)
{
  g_autoptr(GPtrArray) rows = get_rows (fixture, css_class);

  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);

      if (find_widget (row, is_label_with_text, title) != NULL)
        return row;
    }

  return NULL;
}

static GtkWidget *
find_progress_bar (GtkWidget *row)
{
  GType type = GTK_TYPE_PROGRESS_BAR;
  GtkWidget *bar = find_widget (row, is_type, &type);

  g_assert_nonnull (bar);

  return bar;
}

/* The visible window of @type, if any. */
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

static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static char *
money (gint64 minor)
{
  return budg_money_format (minor, "USD");
}

static void
select_combo_item (AdwComboRow *row,
                   const char  *text)
{
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      g_autofree char *item_text = NULL;

      if (GTK_IS_STRING_OBJECT (item))
        item_text = g_strdup (gtk_string_object_get_string (GTK_STRING_OBJECT (item)));
      else
        g_object_get (item, "path", &item_text, NULL);

      if (g_strcmp0 (item_text, text) == 0)
        {
          adw_combo_row_set_selected (row, i);
          return;
        }
    }

  g_assert_not_reached ();
}

static gboolean
is_combo_row_titled (GtkWidget     *widget,
                     gconstpointer  data)
{
  return ADW_IS_COMBO_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), data) == 0;
}

static gboolean
is_entry_row_titled (GtkWidget     *widget,
                     gconstpointer  data)
{
  return ADW_IS_ENTRY_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), data) == 0;
}

static GtkWidget *
find_in (GtkWindow       *window,
         WidgetPredicate  predicate,
         const char      *data)
{
  GtkWidget *widget = find_widget (GTK_WIDGET (window), predicate, data);

  if (widget == NULL)
    g_error ("No widget for “%s”", data);

  return widget;
}

/* Fixture ----------------------------------------------------------------- */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  GSettings *settings;
  BudgAccount *account;

  fixture->dir = g_dir_make_tmp ("budg-ui-planning-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "budg.db", NULL);

  fixture->context = budg_context_new (path, &error);
  g_assert_no_error (error);

  /* The memory backend outlives each test: start from the defaults. */
  settings = budg_context_get_settings (fixture->context);
  g_assert_nonnull (settings);
  g_settings_reset (settings, "default-currency");
  fixture->currency = budg_context_get_default_currency (fixture->context);
  g_assert_cmpstr (fixture->currency, ==, "USD");

  fixture->budgets = budg_budget_store_new (budg_context_get_database (fixture->context));
  fixture->goals = budg_goal_store_new (budg_context_get_database (fixture->context));

  account = budg_account_store_create (budg_context_get_accounts (fixture->context), "Checking",
                                       BUDG_ACCOUNT_KIND_CHECKING, "USD", NULL, NULL, 0, &error);
  g_assert_no_error (error);
  fixture->account_id = budg_account_get_id (account);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GDir) dir = NULL;
  GtkWindow *dialog;
  const char *name;

  /* Windows a test left open (a failed one) go first. */
  while ((dialog = find_toplevel (ADW_TYPE_WINDOW)) != NULL)
    gtk_window_destroy (dialog);
  if (fixture->window != NULL)
    gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->window);
  drain ();

  g_clear_object (&fixture->budgets);
  g_clear_object (&fixture->goals);
  g_clear_object (&fixture->context);

  dir = g_dir_open (fixture->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (fixture->dir, name, NULL);

      g_unlink (child);
    }
  g_rmdir (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
}

static void
open_view (Fixture   *fixture,
           GtkWidget *view,
           int        width)
{
  fixture->view = view;
  fixture->window = g_object_ref_sink (GTK_WINDOW (gtk_window_new ()));
  gtk_window_set_default_size (fixture->window, width, 900);
  gtk_window_set_child (fixture->window, view);
  gtk_window_present (fixture->window);

  SPIN_UNTIL (gtk_widget_get_mapped (view));
  drain ();
}

static gint64
category (Fixture    *fixture,
          const char *path,
          gboolean    income)
{
  g_autoptr(GError) error = NULL;
  BudgCategory *created = budg_category_store_create_path (budg_context_get_categories (fixture->context),
                                                           path, income, &error);

  g_assert_no_error (error);

  return budg_category_get_id (created);
}

static void
spend (Fixture    *fixture,
       const char *date,
       gint64      amount_minor,
       gint64      category_id)
{
  g_autoptr(BudgTransaction) transaction = budg_transaction_new (fixture->account_id, date, amount_minor);
  g_autoptr(GError) error = NULL;

  budg_transaction_set_category_id (transaction, category_id);
  g_assert_true (budg_transaction_store_add (budg_context_get_transactions (fixture->context), transaction, &error));
  g_assert_no_error (error);
}

static void
set_budget (Fixture          *fixture,
            gint64            category_id,
            BudgBudgetPeriod  period,
            gint64            amount_minor,
            BudgRollover      rollover,
            const char       *from)
{
  g_autoptr(BudgBudget) budget = NULL;
  g_autoptr(GError) error = NULL;

  budget = budg_budget_store_set (fixture->budgets, category_id, period, amount_minor, "USD", rollover, from, &error);
  g_assert_no_error (error);
  g_assert_nonnull (budget);
}

/* Budgets ------------------------------------------------------------------ */

typedef struct
{
  gint64 groceries;
  gint64 fun;
  gint64 rent;
  gint64 transport;
  gint64 salary;
} Categories;

/* Groceries: $100 a month, no rollover, $95 spent in March (95 %).
 * Fun: $50 a month, no rollover, $55 spent in March (110 %).
 * Rent: $1,000 a month from February with full rollover; $900 spent in
 * February, so $100 rolls into March, where $500 is spent.
 * A $2,000 salary comes in in March. */
static void
make_budget_data (Fixture    *fixture,
                  Categories *categories)
{
  categories->groceries = category (fixture, "Food:Groceries", FALSE);
  categories->fun = category (fixture, "Fun", FALSE);
  categories->rent = category (fixture, "Rent", FALSE);
  categories->transport = category (fixture, "Transport", FALSE);
  categories->salary = category (fixture, "Salary", TRUE);

  set_budget (fixture, categories->groceries, BUDG_BUDGET_PERIOD_MONTHLY, 10000, BUDG_ROLLOVER_NONE, "2026-01");
  set_budget (fixture, categories->fun, BUDG_BUDGET_PERIOD_MONTHLY, 5000, BUDG_ROLLOVER_NONE, "2026-01");
  set_budget (fixture, categories->rent, BUDG_BUDGET_PERIOD_MONTHLY, 100000, BUDG_ROLLOVER_ALL, "2026-02");

  spend (fixture, "2026-03-04", -6000, categories->groceries);
  spend (fixture, "2026-03-18", -3500, categories->groceries);
  spend (fixture, "2026-03-10", -5500, categories->fun);
  spend (fixture, "2026-02-01", -90000, categories->rent);
  spend (fixture, "2026-03-01", -50000, categories->rent);
  spend (fixture, "2026-03-25", 200000, categories->salary);
}

static BudgBudgetsView *
open_budgets (Fixture    *fixture,
              const char *period)
{
  GtkWidget *view = budg_budgets_view_new (fixture->context);

  budg_budgets_view_set_period (BUDG_BUDGETS_VIEW (view), period);
  open_view (fixture, view, 800);

  return BUDG_BUDGETS_VIEW (view);
}

static void
assert_budget_row (GtkWidget  *row,
                   gint64      budgeted,
                   const char *rollover,
                   gint64      spent,
                   gint64      available)
{
  g_autofree char *budgeted_text = money (budgeted);
  g_autofree char *spent_text = money (spent);
  g_autofree char *available_text = money (available);

  g_assert_cmpstr (get_text (row, "budget-budgeted"), ==, budgeted_text);
  g_assert_cmpstr (get_text (row, "budget-rollover"), ==, rollover);
  g_assert_cmpstr (get_text (row, "budget-spent"), ==, spent_text);
  g_assert_cmpstr (get_text (row, "budget-available"), ==, available_text);
}

static void
test_budgets_rows (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) totals = NULL;
  g_autoptr(GPtrArray) statuses = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *near = NULL;
  g_autofree char *over = NULL;
  g_autofree char *left = NULL;
  g_autofree char *rollover = NULL;
  g_autofree char *to_be_budgeted = NULL;
  g_autofree char *amount = NULL;
  Categories categories;
  GtkWidget *row;
  GtkWidget *bar;
  GtkWidget *label;

  make_budget_data (fixture, &categories);
  open_budgets (fixture, "2026-03");

  g_assert_nonnull (find_widget (fixture->view, is_label_with_text, "March 2026"));

  /* One row per budget in force, by category path, as the store has them. */
  rows = get_rows (fixture, "budget-row");
  statuses = budg_budget_store_status (fixture->budgets, "2026-03", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpuint (statuses->len, ==, 3);
  for (guint i = 0; i < rows->len; i++)
    {
      BudgBudgetStatus *status = g_ptr_array_index (statuses, i);

      g_assert_nonnull (find_widget (g_ptr_array_index (rows, i), is_label_with_text, status->category_path));
    }

  /* 95 %: near the limit, in words and in the bar's state. */
  row = find_row (fixture, "budget-row", "Food:Groceries");
  g_assert_nonnull (row);
  assert_budget_row (row, 10000, "None", 9500, 500);
  amount = money (500);
  near = g_strdup_printf ("Near the limit: %s left", amount);
  g_assert_cmpstr (get_text (row, "budget-state"), ==, near);
  bar = find_progress_bar (row);
  g_assert_true (gtk_widget_has_css_class (bar, "warning"));
  g_assert_false (gtk_widget_has_css_class (bar, "error"));
  g_assert_cmpfloat_with_epsilon (gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (bar)), 0.95, 1e-9);
  label = find_widget (row, has_class, "budget-state");
  g_assert_true (gtk_widget_has_css_class (label, "warning"));

  /* 110 %: over, with the overspent amount in words and no minus sign. */
  row = find_row (fixture, "budget-row", "Fun");
  g_assert_nonnull (row);
  assert_budget_row (row, 5000, "None", 5500, -500);
  g_clear_pointer (&amount, g_free);
  amount = money (500);
  over = g_strdup_printf ("%s over", amount);
  g_assert_cmpstr (get_text (row, "budget-state"), ==, over);
  bar = find_progress_bar (row);
  g_assert_true (gtk_widget_has_css_class (bar, "error"));
  g_assert_false (gtk_widget_has_css_class (bar, "warning"));
  g_assert_cmpfloat_with_epsilon (gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (bar)), 1.0, 1e-9);

  /* The rollover that came in from February: $1,000 − $900. */
  row = find_row (fixture, "budget-row", "Rent");
  g_assert_nonnull (row);
  g_clear_pointer (&amount, g_free);
  amount = money (10000);
  rollover = g_strconcat ("+", amount, NULL);
  assert_budget_row (row, 100000, rollover, 50000, 100000 + 10000 - 50000);
  g_clear_pointer (&amount, g_free);
  amount = money (60000);
  left = g_strdup_printf ("%s left", amount);
  g_assert_cmpstr (get_text (row, "budget-state"), ==, left);
  bar = find_progress_bar (row);
  g_assert_false (gtk_widget_has_css_class (bar, "warning"));
  g_assert_false (gtk_widget_has_css_class (bar, "error"));

  /* The totals add the rows up. */
  totals = get_rows (fixture, "budget-total");
  g_assert_cmpuint (totals->len, ==, 1);
  g_clear_pointer (&amount, g_free);
  amount = money (10000);
  g_clear_pointer (&rollover, g_free);
  rollover = g_strconcat ("+", amount, NULL);
  assert_budget_row (g_ptr_array_index (totals, 0), 10000 + 5000 + 100000, rollover,
                     9500 + 5500 + 50000, 500 - 500 + 60000);

  /* Envelope mode: income minus what was budgeted. */
  g_clear_pointer (&amount, g_free);
  amount = money (200000 - (10000 + 5000 + 100000));
  to_be_budgeted = g_strdup_printf ("To be budgeted: %s", amount);
  label = find_widget (fixture->view, is_label_with_text, to_be_budgeted);
  g_assert_true (widget_mapped (label));
}

static void
test_budgets_period_picker (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autofree char *amount = NULL;
  g_autofree char *rollover = NULL;
  BudgBudgetsView *view;
  Categories categories;
  GtkWidget *row;

  make_budget_data (fixture, &categories);
  view = open_budgets (fixture, "2026-03");

  gtk_widget_activate_action (GTK_WIDGET (view), "budgets.previous", NULL);
  g_assert_cmpstr (budg_budgets_view_get_period (view), ==, "2026-02");
  SPIN_UNTIL (find_widget (fixture->view, is_label_with_text, "February 2026") != NULL);
  drain ();

  /* February: Rent's first month, nothing rolled in; $900 of it spent. */
  row = find_row (fixture, "budget-row", "Rent");
  g_assert_nonnull (row);
  amount = money (0);
  assert_budget_row (row, 100000, amount, 90000, 10000);
  row = find_row (fixture, "budget-row", "Food:Groceries");
  assert_budget_row (row, 10000, "None", 0, 10000);
  g_assert_false (gtk_widget_has_css_class (find_progress_bar (row), "warning"));

  /* No income in February: no "to be budgeted" line. */
  g_assert_null (find_widget (fixture->view, is_mapped_label_with_prefix, "To be budgeted"));

  /* January: Rent is not budgeted yet. */
  gtk_widget_activate_action (GTK_WIDGET (view), "budgets.previous", NULL);
  SPIN_UNTIL (find_widget (fixture->view, is_label_with_text, "January 2026") != NULL);
  drain ();
  g_assert_null (find_row (fixture, "budget-row", "Rent"));
  g_assert_nonnull (find_row (fixture, "budget-row", "Fun"));

  /* Forward again to March: the leftover of February came in. */
  gtk_widget_activate_action (GTK_WIDGET (view), "budgets.next", NULL);
  gtk_widget_activate_action (GTK_WIDGET (view), "budgets.next", NULL);
  SPIN_UNTIL (find_widget (fixture->view, is_label_with_text, "March 2026") != NULL);
  drain ();
  row = find_row (fixture, "budget-row", "Rent");
  g_clear_pointer (&amount, g_free);
  amount = money (10000);
  rollover = g_strconcat ("+", amount, NULL);
  assert_budget_row (row, 100000, rollover, 50000, 60000);
}

static void
test_budgets_weekly (Fixture       *fixture,
                     gconstpointer  user_data)
{
  BudgBudgetsView *view;
  Categories categories;
  GtkWidget *row;

  make_budget_data (fixture, &categories);
  view = open_budgets (fixture, "2026-03");

  set_budget (fixture, categories.transport, BUDG_BUDGET_PERIOD_WEEKLY, 2000, BUDG_ROLLOVER_NONE, "2026-W10");
  spend (fixture, "2026-03-10", -1900, categories.transport);   /* a Tuesday of week 11 */
  drain ();

  budg_budgets_view_set_weekly (view, TRUE);
  g_assert_true (budg_budgets_view_get_weekly (view));
  budg_budgets_view_set_period (view, "2026-W11");
  SPIN_UNTIL (find_widget (fixture->view, is_label_with_text, "Week 11 of 2026") != NULL);
  drain ();

  /* Weeks show the weekly budgets only. */
  g_assert_null (find_row (fixture, "budget-row", "Fun"));
  row = find_row (fixture, "budget-row", "Transport");
  g_assert_nonnull (row);
  assert_budget_row (row, 2000, "None", 1900, 100);
  g_assert_true (gtk_widget_has_css_class (find_progress_bar (row), "warning"));

  /* And back to the month of that week. */
  budg_budgets_view_set_weekly (view, FALSE);
  g_assert_cmpstr (budg_budgets_view_get_period (view), ==, "2026-03");
}

static BudgBudgetDialog *
wait_for_budget_dialog (void)
{
  GtkWindow *dialog;

  SPIN_UNTIL ((dialog = find_toplevel (BUDG_TYPE_BUDGET_DIALOG)) != NULL && gtk_widget_get_mapped (GTK_WIDGET (dialog)));
  drain ();

  return BUDG_BUDGET_DIALOG (dialog);
}

static void
test_budgets_add_and_edit (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(GPtrArray) budgets = NULL;
  g_autoptr(GError) error = NULL;
  BudgBudgetDialog *dialog;
  Categories categories;
  GtkWidget *save;
  GtkWidget *amount_row;
  g_autofree char *zero = money (0);
  g_autofree char *new_amount = money (12000);
  GtkWidget *row;
  gboolean found = FALSE;

  make_budget_data (fixture, &categories);
  open_budgets (fixture, "2026-03");

  /* Add: Transport, $80 a month from the shown month, leftover rolling over. */
  gtk_widget_activate_action (fixture->view, "budgets.add", NULL);
  dialog = wait_for_budget_dialog ();
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == fixture->window);

  save = find_in (GTK_WINDOW (dialog), is_button_labelled, "Save");
  amount_row = find_in (GTK_WINDOW (dialog), is_entry_row_titled, "Amount per Month");
  select_combo_item (ADW_COMBO_ROW (find_in (GTK_WINDOW (dialog), is_combo_row_titled, "Category")), "Transport");
  g_assert_false (gtk_widget_is_sensitive (save));

  /* A negative budget is refused under the field. */
  gtk_editable_set_text (GTK_EDITABLE (amount_row), "-5");
  g_assert_false (gtk_widget_is_sensitive (save));
  g_assert_true (gtk_widget_has_css_class (amount_row, "error"));

  gtk_editable_set_text (GTK_EDITABLE (amount_row), "80");
  g_assert_true (gtk_widget_is_sensitive (save));
  g_signal_emit_by_name (save, "clicked");
  SPIN_UNTIL (find_toplevel (BUDG_TYPE_BUDGET_DIALOG) == NULL);

  budgets = budg_budget_store_list (fixture->budgets, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < budgets->len; i++)
    {
      BudgBudget *budget = g_ptr_array_index (budgets, i);

      if (budget->category_id != categories.transport)
        continue;
      g_assert_false (found);
      found = TRUE;
      g_assert_cmpint (budget->amount_minor, ==, 8000);
      g_assert_cmpstr (budget->from_period, ==, "2026-03");
      g_assert_cmpint (budget->period, ==, BUDG_BUDGET_PERIOD_MONTHLY);
      g_assert_cmpint (budget->rollover, ==, BUDG_ROLLOVER_LEFTOVER);
      g_assert_cmpstr (budget->currency, ==, "USD");
    }
  g_assert_true (found);

  /* The view follows the database. */
  SPIN_UNTIL (find_row (fixture, "budget-row", "Transport") != NULL);
  row = find_row (fixture, "budget-row", "Transport");
  assert_budget_row (row, 8000, zero, 0, 8000);

  /* Edit by activating a row: the change holds from March on. */
  row = find_row (fixture, "budget-row", "Food:Groceries");
  gtk_widget_activate (row);
  dialog = wait_for_budget_dialog ();
  g_assert_false (gtk_widget_get_sensitive (find_in (GTK_WINDOW (dialog), is_combo_row_titled, "Category")));
  amount_row = find_in (GTK_WINDOW (dialog), is_entry_row_titled, "Amount per Month");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (amount_row)), ==, "100.00");
  gtk_editable_set_text (GTK_EDITABLE (amount_row), "120");
  save = find_in (GTK_WINDOW (dialog), is_button_labelled, "Save");
  g_signal_emit_by_name (save, "clicked");
  SPIN_UNTIL (find_toplevel (BUDG_TYPE_BUDGET_DIALOG) == NULL);

  {
    g_autoptr(GPtrArray) march = budg_budget_store_status (fixture->budgets, "2026-03", &error);
    g_autoptr(GPtrArray) february = budg_budget_store_status (fixture->budgets, "2026-02", &error);

    g_assert_no_error (error);
    for (guint i = 0; i < march->len; i++)
      if (((BudgBudgetStatus *) g_ptr_array_index (march, i))->category_id == categories.groceries)
        g_assert_cmpint (((BudgBudgetStatus *) g_ptr_array_index (march, i))->budgeted_minor, ==, 12000);
    for (guint i = 0; i < february->len; i++)
      if (((BudgBudgetStatus *) g_ptr_array_index (february, i))->category_id == categories.groceries)
        g_assert_cmpint (((BudgBudgetStatus *) g_ptr_array_index (february, i))->budgeted_minor, ==, 10000);
  }

  /* $95 of $120 is no longer near the limit. */
  SPIN_UNTIL (g_strcmp0 (get_text (find_row (fixture, "budget-row", "Food:Groceries"), "budget-budgeted"),
                         new_amount) == 0);
  g_assert_false (gtk_widget_has_css_class (find_progress_bar (find_row (fixture, "budget-row", "Food:Groceries")),
                                            "warning"));
}

static GtkWidget *
wait_for_undo (Fixture *fixture)
{
  GtkWidget *undo = NULL;

  SPIN_UNTIL ((undo = find_widget (fixture->view, is_button_labelled, "Undo")) != NULL);

  return undo;
}

/* The budget rows with their ids left out, to compare before and after. */
static char *
dump_budgets (Fixture *fixture)
{
  g_autoptr(GPtrArray) budgets = NULL;
  g_autoptr(GError) error = NULL;
  GString *dump = g_string_new (NULL);

  budgets = budg_budget_store_list (fixture->budgets, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < budgets->len; i++)
    {
      BudgBudget *budget = g_ptr_array_index (budgets, i);

      g_string_append_printf (dump, "%s %d %" G_GINT64_FORMAT " %s %d %s\n",
                              budget->category_path, budget->period, budget->amount_minor,
                              budget->currency, budget->rollover, budget->from_period);
    }

  return g_string_free (dump, FALSE);
}

static void
test_budgets_delete_undo (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autofree char *before = NULL;
  g_autofree char *after_delete = NULL;
  g_autofree char *after_undo = NULL;
  Categories categories;

  make_budget_data (fixture, &categories);
  /* A second row for Fun, so that the whole budget goes, not one row. */
  set_budget (fixture, categories.fun, BUDG_BUDGET_PERIOD_MONTHLY, 7000, BUDG_ROLLOVER_LEFTOVER, "2026-05");
  open_budgets (fixture, "2026-03");
  before = dump_budgets (fixture);

  gtk_widget_activate_action (fixture->view, "budgets.delete", "x", categories.fun);
  after_delete = dump_budgets (fixture);
  g_assert_null (strstr (after_delete, "Fun "));
  g_assert_nonnull (strstr (after_delete, "Rent "));
  SPIN_UNTIL (find_row (fixture, "budget-row", "Fun") == NULL);
  g_assert_nonnull (find_row (fixture, "budget-row", "Rent"));

  g_signal_emit_by_name (wait_for_undo (fixture), "clicked");
  after_undo = dump_budgets (fixture);
  g_assert_cmpstr (after_undo, ==, before);
  SPIN_UNTIL (find_row (fixture, "budget-row", "Fun") != NULL);
}

static void
test_budgets_average_undo (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(GPtrArray) statuses = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after_undo = NULL;
  Categories categories;

  make_budget_data (fixture, &categories);
  open_budgets (fixture, "2026-04");
  before = dump_budgets (fixture);

  /* April already has March's budgets: copying changes nothing. */
  gtk_widget_activate_action (fixture->view, "budgets.copy-previous", NULL);
  {
    g_autofree char *after_copy = dump_budgets (fixture);

    g_assert_cmpstr (after_copy, ==, before);
  }

  gtk_widget_activate_action (fixture->view, "budgets.set-from-average", NULL);
  statuses = budg_budget_store_status (fixture->budgets, "2026-04", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < statuses->len; i++)
    {
      BudgBudgetStatus *status = g_ptr_array_index (statuses, i);
      gint64 expected;

      /* January to March, rounded half away from zero. */
      if (status->category_id == categories.groceries)
        expected = (0 + 0 + 9500 + 1) / 3;
      else if (status->category_id == categories.fun)
        expected = (0 + 0 + 5500 + 1) / 3;
      else
        expected = (0 + 90000 + 50000 + 1) / 3;
      g_assert_cmpint (status->budgeted_minor, ==, expected);
    }
  g_assert_cmpuint (statuses->len, ==, 3);

  g_signal_emit_by_name (wait_for_undo (fixture), "clicked");
  after_undo = dump_budgets (fixture);
  g_assert_cmpstr (after_undo, ==, before);
}

static void
test_budgets_empty (Fixture       *fixture,
                    gconstpointer  user_data)
{
  GtkWidget *empty;

  open_budgets (fixture, "2026-03");

  empty = find_widget (fixture->view, is_status_page_titled, "No Budgets");
  g_assert_true (widget_mapped (empty));
  g_assert_nonnull (find_widget (empty, is_button_labelled, "Add a Budget"));
  g_assert_null (find_widget (fixture->view, has_class, "budget-row"));
}

static void
test_narrow (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BudgGoal) goal = NULL;
  Categories categories;
  GtkWidget *goals_view;
  int minimum;

  make_budget_data (fixture, &categories);
  goal = budg_goal_store_add (fixture->goals, "A holiday by the sea with the whole family", 123456789, "USD",
                              "2030-01-01", fixture->account_id, 0, 5000, NULL, &error);
  g_assert_no_error (error);

  open_budgets (fixture, "2026-03");

  /* Both views fit a phone: nothing asks for more than 360 pixels. */
  gtk_widget_measure (fixture->view, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);

  goals_view = budg_goals_view_new (fixture->context);
  gtk_window_set_child (fixture->window, goals_view);
  fixture->view = goals_view;
  SPIN_UNTIL (gtk_widget_get_mapped (goals_view));
  drain ();
  g_assert_nonnull (find_row (fixture, "goal-row", "A holiday by the sea with the whole family"));
  gtk_widget_measure (goals_view, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);
}

/* Goals ------------------------------------------------------------------- */

static char *
days_from_today (int days)
{
  g_autofree char *today = budg_date_today ();

  return budg_date_add_days (today, days);
}

/* Months from this month to @date's, at least 1, as the plan counts them. */
static guint
months_until (const char *date)
{
  g_autofree char *today_text = budg_date_today ();
  GDate today;
  GDate by;
  int months;

  g_assert_true (budg_date_parse (today_text, &today, NULL));
  g_assert_true (budg_date_parse (date, &by, NULL));
  months = ((int) g_date_get_year (&by) - (int) g_date_get_year (&today)) * 12 +
           ((int) g_date_get_month (&by) - (int) g_date_get_month (&today));

  return (guint) MAX (months, 1);
}

static gint64
add_goal (Fixture    *fixture,
          const char *name,
          gint64      target,
          const char *by,
          const char *created_on,
          gint64      saved)
{
  g_autoptr(BudgGoal) goal = NULL;
  g_autoptr(GError) error = NULL;

  goal = budg_goal_store_add (fixture->goals, name, target, "USD", by, 0, 0, 0, created_on, &error);
  g_assert_no_error (error);

  if (saved != 0)
    {
      g_autoptr(BudgGoalContribution) contribution = NULL;

      contribution = budg_goal_store_contribute (fixture->goals, goal->id, created_on, saved, NULL, &error);
      g_assert_no_error (error);
    }

  return goal->id;
}

static void
test_goals_rows (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autofree char *by = days_from_today (180);
  g_autofree char *created = days_from_today (-180);
  g_autofree char *by_text = budg_date_format_short (by);
  g_autofree char *progress = NULL;
  g_autofree char *needed = NULL;
  g_autofree char *behind = NULL;
  g_autofree char *plan = NULL;
  g_autofree char *amount = NULL;
  g_autofree char *target = NULL;
  gint64 holiday_id;
  gint64 contribution_amount = 25000;
  gint64 expected_saved;
  guint months;
  GtkWidget *row;
  GtkWidget *bar;
  GtkWidget *add_money;
  GtkPopover *popover;
  GtkWidget *amount_row;

  /* $100 of $1,000 saved half way from the start to the date: a steady
   * pace would have saved $500 by now. */
  holiday_id = add_goal (fixture, "Holiday", 100000, by, created, 10000);
  add_goal (fixture, "Bike", 50000, NULL, NULL, 0);
  add_goal (fixture, "Rainy Day", 10000, NULL, NULL, 15000);

  open_view (fixture, budg_goals_view_new (fixture->context), 800);

  row = find_row (fixture, "goal-row", "Holiday");
  g_assert_nonnull (row);
  amount = money (10000);
  target = money (100000);
  progress = g_strdup_printf ("%s of %s", amount, target);
  g_assert_cmpstr (get_text (row, "goal-saved"), ==, progress);
  g_assert_cmpstr (get_text (row, "goal-percent"), ==, "10 %");
  g_assert_cmpfloat_with_epsilon (gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (find_progress_bar (row))), 0.10, 1e-9);

  /* Behind the steady pace: target × elapsed / total days − saved. */
  g_clear_pointer (&amount, g_free);
  amount = money (100000 * 180 / 360 - 10000);
  behind = g_strdup_printf ("Behind by %s", amount);
  g_assert_cmpstr (get_text (row, "goal-state"), ==, behind);
  g_assert_true (gtk_widget_has_css_class (find_widget (row, has_class, "goal-state"), "warning"));
  {
    GtkWidget *icon = find_widget (row, has_class, "goal-state-icon");

    g_assert_true (GTK_IS_IMAGE (icon));
    g_assert_cmpstr (gtk_image_get_icon_name (GTK_IMAGE (icon)), ==, "dialog-warning-symbolic");
  }

  /* What is missing over the months left, rounded up. */
  months = months_until (by);
  needed = money ((90000 + months - 1) / months);
  plan = g_strdup_printf ("%s a month to make it by %s", needed, by_text);
  g_assert_cmpstr (get_text (row, "goal-needed"), ==, plan);

  row = find_row (fixture, "goal-row", "Bike");
  g_assert_cmpstr (get_text (row, "goal-state"), ==, "On track, with no date to meet");
  g_assert_null (find_widget (row, has_class, "goal-needed"));
  g_assert_cmpstr (get_text (row, "goal-percent"), ==, "0 %");

  row = find_row (fixture, "goal-row", "Rainy Day");
  g_assert_cmpstr (get_text (row, "goal-state"), ==, "Target reached");
  g_assert_cmpstr (get_text (row, "goal-percent"), ==, "150 %");
  g_assert_cmpfloat_with_epsilon (gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (find_progress_bar (row))), 1.0, 1e-9);

  /* Add Money through the row's popover. */
  row = find_row (fixture, "goal-row", "Holiday");
  add_money = find_widget (row, is_menu_button_labelled, "Add Money");
  g_assert_nonnull (add_money);
  gtk_menu_button_popup (GTK_MENU_BUTTON (add_money));
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (add_money));
  SPIN_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (popover)));

  /* Nothing typed: told so, nothing recorded. */
  g_signal_emit_by_name (find_widget (GTK_WIDGET (popover), is_button_labelled, "Add Money"), "clicked");
  amount_row = find_widget (GTK_WIDGET (popover), is_entry_row_titled, "Amount");
  g_assert_true (gtk_widget_has_css_class (amount_row, "error"));

  gtk_editable_set_text (GTK_EDITABLE (amount_row), "250");
  g_signal_emit_by_name (find_widget (GTK_WIDGET (popover), is_button_labelled, "Add Money"), "clicked");

  {
    g_autoptr(GPtrArray) contributions = budg_goal_store_list_contributions (fixture->goals, holiday_id, NULL);

    g_assert_cmpuint (contributions->len, ==, 2);
    g_assert_cmpint (((BudgGoalContribution *) g_ptr_array_index (contributions, 1))->amount_minor, ==,
                     contribution_amount);
  }

  expected_saved = 10000 + contribution_amount;
  g_clear_pointer (&amount, g_free);
  g_clear_pointer (&progress, g_free);
  amount = money (expected_saved);
  progress = g_strdup_printf ("%s of %s", amount, target);
  SPIN_UNTIL (g_strcmp0 (get_text (find_row (fixture, "goal-row", "Holiday"), "goal-saved"), progress) == 0);
  row = find_row (fixture, "goal-row", "Holiday");
  g_assert_cmpstr (get_text (row, "goal-percent"), ==, "35 %");
  bar = find_progress_bar (row);
  g_assert_cmpfloat_with_epsilon (gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (bar)), 0.35, 1e-9);

  /* The plan shrinks with what is left. */
  g_clear_pointer (&needed, g_free);
  g_clear_pointer (&plan, g_free);
  needed = money ((100000 - expected_saved + months - 1) / months);
  plan = g_strdup_printf ("%s a month to make it by %s", needed, by_text);
  g_assert_cmpstr (get_text (row, "goal-needed"), ==, plan);
}

static void
test_goals_add_dialog (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autofree char *by = days_from_today (730);
  g_autoptr(BudgGoal) goal = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *dialog;
  GtkWidget *save;
  GtkWidget *percent_row;

  open_view (fixture, budg_goals_view_new (fixture->context), 800);
  g_assert_true (widget_mapped (find_widget (fixture->view, is_status_page_titled, "No Goals")));

  gtk_widget_activate_action (fixture->view, "goals.add", NULL);
  SPIN_UNTIL ((dialog = find_toplevel (BUDG_TYPE_GOAL_DIALOG)) != NULL && gtk_widget_get_mapped (GTK_WIDGET (dialog)));
  drain ();
  g_assert_true (gtk_window_get_transient_for (dialog) == fixture->window);

  save = find_in (dialog, is_button_labelled, "Save");
  g_assert_false (gtk_widget_is_sensitive (save));

  gtk_editable_set_text (GTK_EDITABLE (find_in (dialog, is_entry_row_titled, "Name")), "Car");
  g_assert_false (gtk_widget_is_sensitive (save));
  gtk_editable_set_text (GTK_EDITABLE (find_in (dialog, is_entry_row_titled, "Target")), "5000");
  g_assert_true (gtk_widget_is_sensitive (save));

  /* A date, and a share of each income saved automatically. */
  {
    GType type = ADW_TYPE_EXPANDER_ROW;
    GType date_type = BUDG_TYPE_DATE_ROW;

    adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (find_widget (GTK_WIDGET (dialog), is_type, &type)), TRUE);
    budg_date_row_set_date (BUDG_DATE_ROW (find_widget (GTK_WIDGET (dialog), is_type, &date_type)), by);
  }
  select_combo_item (ADW_COMBO_ROW (find_in (dialog, is_combo_row_titled, "Save")), "A Percentage of Each Income");
  percent_row = find_in (dialog, is_entry_row_titled, "Percentage of Each Income");
  g_assert_true (gtk_widget_get_visible (percent_row));
  g_assert_false (gtk_widget_is_sensitive (save));

  gtk_editable_set_text (GTK_EDITABLE (percent_row), "150");
  g_assert_false (gtk_widget_is_sensitive (save));
  g_assert_true (gtk_widget_has_css_class (percent_row, "error"));

  gtk_editable_set_text (GTK_EDITABLE (percent_row), "12,5 %");
  g_assert_true (gtk_widget_is_sensitive (save));
  g_assert_false (gtk_widget_has_css_class (percent_row, "error"));

  g_signal_emit_by_name (save, "clicked");
  SPIN_UNTIL (find_toplevel (BUDG_TYPE_GOAL_DIALOG) == NULL);

  goal = budg_goal_store_find (fixture->goals, "Car", &error);
  g_assert_no_error (error);
  g_assert_cmpint (goal->target_minor, ==, 500000);
  g_assert_cmpstr (goal->currency, ==, "USD");
  g_assert_cmpstr (goal->by_date, ==, by);
  g_assert_cmpuint (goal->auto_percent_bp, ==, 1250);
  g_assert_cmpint (goal->auto_amount_minor, ==, 0);
  g_assert_cmpint (goal->account_id, ==, 0);

  /* And the view shows it, automatic saving included. */
  SPIN_UNTIL (find_row (fixture, "goal-row", "Car") != NULL);
  g_assert_cmpstr (get_text (find_row (fixture, "goal-row", "Car"), "goal-automatic"), ==,
                   "Saves 12.50 % of each income");
}

static void
answer_message_dialog (gpointer data)
{
  GtkWindow *dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);

  g_assert_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), data);
}

static void
test_goals_delete (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GPtrArray) goals = NULL;
  gint64 id;

  id = add_goal (fixture, "Holiday", 100000, NULL, NULL, 5000);
  add_goal (fixture, "Bike", 50000, NULL, NULL, 0);
  open_view (fixture, budg_goals_view_new (fixture->context), 800);

  /* Cancelled: nothing happens. */
  gtk_widget_activate_action (fixture->view, "goals.delete", "x", id);
  SPIN_UNTIL (find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL);
  answer_message_dialog ((gpointer) BUDG_MESSAGE_DIALOG_RESPONSE_CANCEL);
  SPIN_UNTIL (find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == NULL);
  drain ();
  goals = budg_goal_store_list (fixture->goals, NULL);
  g_assert_cmpuint (goals->len, ==, 2);
  g_clear_pointer (&goals, g_ptr_array_unref);

  gtk_widget_activate_action (fixture->view, "goals.delete", "x", id);
  SPIN_UNTIL (find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL);
  answer_message_dialog ((gpointer) BUDG_MESSAGE_DIALOG_RESPONSE_CONFIRM);
  SPIN_UNTIL (find_row (fixture, "goal-row", "Holiday") == NULL);
  goals = budg_goal_store_list (fixture->goals, NULL);
  g_assert_cmpuint (goals->len, ==, 1);
  g_assert_cmpstr (((BudgGoal *) g_ptr_array_index (goals, 0))->name, ==, "Bike");
  g_assert_nonnull (find_row (fixture, "goal-row", "Bike"));
}

/* The window ---------------------------------------------------------------- */

static void
test_window_shows_views (Fixture       *fixture,
                         gconstpointer  user_data)
{
  BudgWindow *window;
  Categories categories;
  GType budgets_type = BUDG_TYPE_BUDGETS_VIEW;
  GType goals_type = BUDG_TYPE_GOALS_VIEW;
  GtkWidget *view;

  make_budget_data (fixture, &categories);
  add_goal (fixture, "Holiday", 100000, NULL, NULL, 5000);

  window = g_object_ref_sink (budg_window_new (NULL, fixture->context));
  fixture->window = GTK_WINDOW (window);
  gtk_window_present (GTK_WINDOW (window));
  SPIN_UNTIL (budg_window_get_ready (window));

  /* Neither view reads anything until it is shown. */
  g_assert_null (find_widget (GTK_WIDGET (window), has_class, "budget-row"));
  g_assert_null (find_widget (GTK_WIDGET (window), has_class, "goal-row"));

  budg_window_set_view (window, "budgets");
  view = find_widget (GTK_WIDGET (window), is_type, &budgets_type);
  SPIN_UNTIL (widget_mapped (view));
  fixture->view = view;
  budg_budgets_view_set_period (BUDG_BUDGETS_VIEW (view), "2026-03");
  SPIN_UNTIL (find_row (fixture, "budget-row", "Rent") != NULL);

  budg_window_set_view (window, "goals");
  view = find_widget (GTK_WIDGET (window), is_type, &goals_type);
  SPIN_UNTIL (widget_mapped (view));
  fixture->view = view;
  SPIN_UNTIL (find_row (fixture, "goal-row", "Holiday") != NULL);

  /* The pages that said "not available in this version" are gone. */
  {
    g_autoptr(GPtrArray) pages = g_ptr_array_new ();

    collect_widgets (GTK_WIDGET (window), is_status_page_saying_not_available, NULL, pages);
    for (guint i = 0; i < pages->len; i++)
      {
        const char *title = adw_status_page_get_title (g_ptr_array_index (pages, i));

        g_assert_cmpstr (title, !=, "Budgets");
        g_assert_cmpstr (title, !=, "Goals");
      }
  }
  g_assert_null (find_widget (GTK_WIDGET (window), is_status_page_titled, "Budgets"));
  g_assert_null (find_widget (GTK_WIDGET (window), is_status_page_titled, "Goals"));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  /* The resources sit in a static library; naming them keeps them linked. */
  g_assert_nonnull (budg_get_resource ());

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/ui/planning/budgets/rows", test_budgets_rows);
  ADD ("/ui/planning/budgets/period-picker", test_budgets_period_picker);
  ADD ("/ui/planning/budgets/weekly", test_budgets_weekly);
  ADD ("/ui/planning/budgets/add-and-edit", test_budgets_add_and_edit);
  ADD ("/ui/planning/budgets/delete-undo", test_budgets_delete_undo);
  ADD ("/ui/planning/budgets/average-undo", test_budgets_average_undo);
  ADD ("/ui/planning/budgets/empty", test_budgets_empty);
  ADD ("/ui/planning/narrow", test_narrow);
  ADD ("/ui/planning/goals/rows-and-add-money", test_goals_rows);
  ADD ("/ui/planning/goals/add-dialog", test_goals_add_dialog);
  ADD ("/ui/planning/goals/delete", test_goals_delete);
  ADD ("/ui/planning/window", test_window_shows_views);

#undef ADD

  return g_test_run ();
}
