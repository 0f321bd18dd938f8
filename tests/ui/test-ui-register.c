/* test-ui-register.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-ui-register"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <adwaita.h>

#include "budg-context.h"
#include "budg-register-cell.h"
#include "budg-register-view-private.h"
#include "budg-resources.h"
#include "budg-saved-filters.h"
#include "budg-transaction-dialog.h"

/* The register on real widgets: search, filters, sorting by header,
 * selection and the bulk actions, delete with Undo, the running balance
 * column, and the shortcut that opens the transaction form. The data goes
 * in through the stores; what the widgets show is read back from them.
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
  char             *dir;
  BudgContext      *context;
  GtkWindow        *window;
  BudgRegisterView *view;
  gint64            checking_id;
  gint64            wallet_id;
  gint64            food_id;
  gint64            rent_id;
} Fixture;

static void
add (Fixture    *fixture,
     gint64      account_id,
     const char *date,
     gint64      amount,
     const char *payee,
     gint64      category_id)
{
  g_autoptr(BudgTransaction) transaction = budg_transaction_new (account_id, date, amount);
  g_autoptr(GError) error = NULL;

  budg_transaction_set_payee (transaction, payee);
  budg_transaction_set_category_id (transaction, category_id);
  g_assert_true (budg_transaction_store_add (budg_context_get_transactions (fixture->context), transaction, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  BudgAccountStore *accounts;
  BudgCategoryStore *categories;

  fixture->dir = g_dir_make_tmp ("budg-ui-register-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "budg.db", NULL);
  fixture->context = budg_context_new (path, &error);
  g_assert_no_error (error);

  accounts = budg_context_get_accounts (fixture->context);
  fixture->checking_id = budg_account_get_id (budg_account_store_create (accounts, "Everyday", BUDG_ACCOUNT_KIND_CHECKING,
                                                                         "USD", NULL, "2026-01-01", 100000, &error));
  fixture->wallet_id = budg_account_get_id (budg_account_store_create (accounts, "Wallet", BUDG_ACCOUNT_KIND_CASH,
                                                                       "USD", NULL, NULL, 0, &error));
  g_assert_no_error (error);

  categories = budg_context_get_categories (fixture->context);
  fixture->food_id = budg_category_get_id (budg_category_store_create_path (categories, "Food:Groceries", FALSE, &error));
  fixture->rent_id = budg_category_get_id (budg_category_store_create_path (categories, "Home:Rent", FALSE, &error));
  g_assert_no_error (error);

  /* 30 rows in Everyday (one a day, −1.00 … −30.00, every third a
   * grocer) and 5 in the wallet. */
  for (int i = 1; i <= 30; i++)
    {
      g_autofree char *date = g_strdup_printf ("2026-02-%02d", (i - 1) % 28 + 1);

      add (fixture, fixture->checking_id, date, -100 * i, i % 3 == 0 ? "Corner Grocer" : "Landlord",
           i % 3 == 0 ? fixture->food_id : 0);
    }
  for (int i = 1; i <= 5; i++)
    add (fixture, fixture->wallet_id, "2026-03-01", -1250, "Kiosk", 0);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  g_object_ref_sink (fixture->window);
  gtk_window_set_default_size (fixture->window, 1000, 700);
  fixture->view = BUDG_REGISTER_VIEW (budg_register_view_new (fixture->context));
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  gtk_window_present (fixture->window);
  budg_register_view_set_active (fixture->view, TRUE);
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

  dir = g_dir_open (fixture->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (fixture->dir, name, NULL);

      g_unlink (file);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

static guint
n_rows (Fixture *fixture)
{
  return g_list_model_get_n_items (G_LIST_MODEL (budg_register_view_get_model (fixture->view)));
}

static BudgTransaction *
row (Fixture *fixture,
     guint    position)
{
  return g_list_model_get_item (G_LIST_MODEL (budg_register_view_get_model (fixture->view)), position);
}

static void
spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
test_rows_and_columns (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(BudgTransaction) newest = NULL;
  g_autoptr(BudgTransaction) oldest = NULL;

  /* All accounts: every row, newest first, an account column and no
   * running balance. */
  g_assert_cmpuint (n_rows (fixture), ==, 35);
  newest = row (fixture, 0);
  g_assert_cmpstr (budg_transaction_get_payee (newest), ==, "Kiosk");
  g_assert_true (gtk_column_view_column_get_visible (fixture->view->account_column));
  g_assert_false (gtk_column_view_column_get_visible (fixture->view->balance_column));
  g_assert_false (gtk_widget_get_sensitive (fixture->view->reconcile_button));
  g_assert_cmpstr (gtk_label_get_text (fixture->view->summary_label), ==, "35 transactions");

  /* One account: its rows with the running balance; the oldest row's
   * balance is the opening balance plus that row. */
  budg_register_view_set_account_id (fixture->view, fixture->checking_id);
  g_assert_cmpuint (n_rows (fixture), ==, 30);
  g_assert_true (gtk_column_view_column_get_visible (fixture->view->balance_column));
  g_assert_false (gtk_column_view_column_get_visible (fixture->view->account_column));
  g_assert_true (gtk_widget_get_sensitive (fixture->view->reconcile_button));
  oldest = row (fixture, 29);
  g_assert_true (budg_transaction_get_has_running_balance (oldest));
  g_assert_cmpint (budg_transaction_get_running_balance_minor (oldest), ==,
                   100000 + budg_transaction_get_amount_minor (oldest));
}

static void
test_search_and_filters (Fixture       *fixture,
                         gconstpointer  user_data)
{
  budg_register_view_search (fixture->view, "grocer");
  g_assert_cmpuint (n_rows (fixture), ==, 10);
  /* With a condition, the summary gives the total too. */
  SPIN_UNTIL (strstr (gtk_label_get_text (fixture->view->summary_label), "10 transactions, together") != NULL);

  /* A search that reads as an amount finds that amount, in or out. */
  budg_register_view_search (fixture->view, "12.50");
  g_assert_cmpuint (n_rows (fixture), ==, 5);

  budg_register_view_search (fixture->view, "nothing like this");
  g_assert_cmpuint (n_rows (fixture), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->view->stack), ==, "no-match");

  budg_register_view_search (fixture->view, NULL);
  g_assert_cmpuint (n_rows (fixture), ==, 35);

  /* The filter popover: an amount range, then a category. */
  gtk_editable_set_text (GTK_EDITABLE (fixture->view->min_amount_row), "10");
  gtk_editable_set_text (GTK_EDITABLE (fixture->view->max_amount_row), "10+5");
  g_assert_cmpuint (n_rows (fixture), ==, 6 + 5);
  gtk_editable_set_text (GTK_EDITABLE (fixture->view->min_amount_row), "");
  gtk_editable_set_text (GTK_EDITABLE (fixture->view->max_amount_row), "");
  g_assert_cmpuint (n_rows (fixture), ==, 35);

  /* Choices: Any, Uncategorized, then the categories by path. */
  for (guint i = 2; i < fixture->view->category_choice_ids->len; i++)
    if (g_array_index (fixture->view->category_choice_ids, gint64, i) == fixture->food_id)
      adw_combo_row_set_selected (fixture->view->category_row, i);
  g_assert_cmpuint (n_rows (fixture), ==, 10);
  adw_combo_row_set_selected (fixture->view->category_row, 1);
  g_assert_cmpuint (n_rows (fixture), ==, 25);

  /* A date that cannot be read says so under the filters and keeps the
   * list as it was. */
  gtk_editable_set_text (GTK_EDITABLE (fixture->view->from_row), "2026-02-31");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->view->filter_error_label)));
  g_assert_cmpuint (n_rows (fixture), ==, 25);
  gtk_editable_set_text (GTK_EDITABLE (fixture->view->from_row), "2026-02-25");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture->view->filter_error_label)));
  /* Days 25 to 28 of Everyday without the groceries on day 27, and the
   * wallet's five. */
  g_assert_cmpuint (n_rows (fixture), ==, 3 + 5);

  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "register.clear-filters", NULL);
  g_assert_cmpuint (n_rows (fixture), ==, 35);
}

static void
test_sort_by_header (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(BudgTransaction) first = NULL;
  g_autoptr(BudgTransaction) last = NULL;

  budg_register_view_set_account_id (fixture->view, fixture->checking_id);

  /* What clicking the Amount header does: the view finds out through the
   * column view's sorter and asks SQLite for that order. */
  gtk_column_view_sort_by_column (fixture->view->column_view, fixture->view->amount_column, GTK_SORT_ASCENDING);
  g_assert_cmpint (fixture->view->query.sort, ==, BUDG_TRANSACTION_SORT_AMOUNT);
  g_assert_false (fixture->view->query.descending);
  first = row (fixture, 0);
  g_assert_cmpint (budg_transaction_get_amount_minor (first), ==, -3000);

  gtk_column_view_sort_by_column (fixture->view->column_view, fixture->view->amount_column, GTK_SORT_DESCENDING);
  g_assert_true (fixture->view->query.descending);
  g_clear_object (&first);
  first = row (fixture, 0);
  g_assert_cmpint (budg_transaction_get_amount_minor (first), ==, -100);

  gtk_column_view_sort_by_column (fixture->view->column_view, fixture->view->payee_column, GTK_SORT_ASCENDING);
  g_assert_cmpint (fixture->view->query.sort, ==, BUDG_TRANSACTION_SORT_PAYEE);
  g_clear_object (&first);
  first = row (fixture, 0);
  last = row (fixture, 29);
  g_assert_cmpstr (budg_transaction_get_payee (first), ==, "Corner Grocer");
  g_assert_cmpstr (budg_transaction_get_payee (last), ==, "Landlord");

  /* The running balance stays the balance in date order, whatever the
   * sort: the row with the oldest date still has opening + its amount. */
  for (guint i = 0; i < 30; i++)
    {
      g_autoptr(BudgTransaction) item = row (fixture, i);

      if (g_strcmp0 (budg_transaction_get_date (item), "2026-02-01") == 0 &&
          budg_transaction_get_amount_minor (item) == -100)
        g_assert_cmpint (budg_transaction_get_running_balance_minor (item), ==, 100000 - 100);
    }
}

static GtkWidget *
find_undo_button (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
      gtk_button_get_label (GTK_BUTTON (widget)) != NULL &&
      strstr (gtk_button_get_label (GTK_BUTTON (widget)), "Undo") != NULL)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_undo_button (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_bulk_actions_and_undo (Fixture       *fixture,
                            gconstpointer  user_data)
{
  GtkSelectionModel *selection = budg_register_view_get_selection (fixture->view);
  BudgTransactionQuery query = { 0 };
  g_autoptr(BudgTransaction) top = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *top_payee = NULL;
  GtkWidget *undo;

  budg_register_view_set_account_id (fixture->view, fixture->checking_id);

  /* Nothing selected: the bulk actions are out of sight. */
  g_assert_false (gtk_action_bar_get_revealed (fixture->view->selection_bar));

  gtk_selection_model_select_range (selection, 0, 3, TRUE);
  spin ();
  g_assert_true (gtk_action_bar_get_revealed (fixture->view->selection_bar));
  g_assert_cmpstr (gtk_label_get_text (fixture->view->selection_label), ==, "3 selected");

  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "register.set-category", "x", fixture->rent_id);
  query.category_id = fixture->rent_id;
  g_assert_cmpint (budg_transaction_store_count (budg_context_get_transactions (fixture->context), &query, &error), ==, 3);

  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "register.set-status", "s", "cleared");
  query.category_id = 0;
  query.status_mask = 1u << BUDG_TRANSACTION_STATUS_CLEARED;
  g_assert_cmpint (budg_transaction_store_count (budg_context_get_transactions (fixture->context), &query, &error), ==, 3);
  /* The rows on screen changed in place. */
  top = row (fixture, 0);
  SPIN_UNTIL (budg_transaction_get_status (top) == BUDG_TRANSACTION_STATUS_CLEARED);
  top_payee = g_strdup (budg_transaction_get_payee (top));

  /* Delete goes at once, with Undo. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "register.delete", NULL);
  SPIN_UNTIL (n_rows (fixture) == 27);
  query.status_mask = 0;
  g_assert_cmpint (budg_transaction_store_count (budg_context_get_transactions (fixture->context), &query, &error), ==, 32);

  /* Undo is the toast's button. */
  undo = find_undo_button (GTK_WIDGET (fixture->view->toast_overlay));
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  SPIN_UNTIL (n_rows (fixture) == 30);
  {
    g_autoptr(BudgTransaction) back = row (fixture, 0);

    g_assert_cmpstr (budg_transaction_get_payee (back), ==, top_payee);
    g_assert_cmpint (budg_transaction_get_category_id (back), ==, fixture->rent_id);
  }
}

static void
test_shortcut_opens_form (Fixture       *fixture,
                          gconstpointer  user_data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  gboolean found = FALSE;

  gtk_widget_grab_focus (GTK_WIDGET (fixture->view->column_view));
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "register.add", NULL);

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      found |= BUDG_IS_TRANSACTION_DIALOG (window);
    }
  g_assert_true (found);
}

static void
test_saved_filter (Fixture       *fixture,
                   gconstpointer  user_data)
{
  BudgTransactionQuery query = { 0 };
  g_autoptr(GError) error = NULL;

  query.search = "grocer";
  query.sort = BUDG_TRANSACTION_SORT_AMOUNT;
  g_assert_true (budg_saved_filters_save (budg_context_get_database (fixture->context), "Groceries", &query, &error));
  g_assert_no_error (error);
  spin ();

  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "register.apply-filter", "s", "groceries");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (fixture->view->search_entry)), ==, "grocer");
  g_assert_cmpint (fixture->view->query.sort, ==, BUDG_TRANSACTION_SORT_AMOUNT);
  g_assert_cmpuint (n_rows (fixture), ==, 10);

  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "register.delete-filter", "s", "Groceries");
  {
    g_autoptr(GPtrArray) names = budg_saved_filters_list (budg_context_get_database (fixture->context), &error);

    g_assert_cmpuint (names->len, ==, 0);
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

  ADD ("/ui/register/rows-and-columns", test_rows_and_columns);
  ADD ("/ui/register/search-and-filters", test_search_and_filters);
  ADD ("/ui/register/sort-by-header", test_sort_by_header);
  ADD ("/ui/register/bulk-actions-and-undo", test_bulk_actions_and_undo);
  ADD ("/ui/register/shortcut-opens-form", test_shortcut_opens_form);
  ADD ("/ui/register/saved-filter", test_saved_filter);

#undef ADD

  return g_test_run ();
}
