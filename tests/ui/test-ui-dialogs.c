/* test-ui-dialogs.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-ui-dialogs"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "budg-account-dialog.h"
#include "budg-balance-dialog.h"
#include "budg-categories-window.h"
#include "budg-category-dialog.h"
#include "budg-context.h"
#include "budg-date.h"
#include "budg-error.h"
#include "budg-exchange-rates.h"
#include "budg-message-dialog.h"
#include "budg-money.h"
#include "budg-rates-window.h"
#include "budg-resources.h"

/* The forms are driven the way a person would: text goes into the entry
 * rows, choices into the combo rows, and Save is activated; the outcome is
 * then read back from the stores of a real (temporary) database. Widgets
 * inside the templates are found by their id in the .ui files.
 */

#define WAIT_TIMEOUT_US (5 * G_USEC_PER_SEC)

typedef struct
{
  char        *dir;
  BudgContext *context;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("budg-test-ui-dialogs-XXXXXX", &error);
  g_assert_no_error (error);

  path = g_build_filename (fixture->dir, "budg.sqlite", NULL);
  fixture->context = budg_context_new (path, &error);
  g_assert_no_error (error);
  g_assert_true (BUDG_IS_CONTEXT (fixture->context));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  GListModel *toplevels = gtk_window_get_toplevels ();
  const char *name;

  /* Windows a failed test left behind must not see the next database. */
  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);

      gtk_window_destroy (window);
    }

  g_clear_object (&fixture->context);

  dir = g_dir_open (fixture->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
}

static GtkWidget *
find_widget (GtkWidget  *root,
             const char *id)
{
  const char *root_id = gtk_buildable_get_buildable_id (GTK_BUILDABLE (root));

  if (g_strcmp0 (root_id, id) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, id);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
get_widget (GtkWidget  *root,
            const char *id)
{
  GtkWidget *widget = find_widget (root, id);

  if (widget == NULL)
    g_error ("No widget with the id “%s” in %s", id, G_OBJECT_TYPE_NAME (root));

  return widget;
}

/* The rows of the categories window are made in code, so they have no id. */
static GtkWidget *
find_row_titled (GtkWidget  *root,
                 const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (root) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row_titled (child, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_button_labelled (GtkWidget  *root,
                      const char *label)
{
  if (GTK_IS_BUTTON (root) &&
      g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0 &&
      gtk_widget_is_visible (root))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_labelled (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
find_label_containing (GtkWidget  *root,
                       const char *text)
{
  if (GTK_IS_LABEL (root) &&
      strstr (gtk_label_get_text (GTK_LABEL (root)), text) != NULL &&
      gtk_widget_is_visible (root))
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (find_label_containing (child, text))
        return TRUE;
    }

  return FALSE;
}

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
wait_for_flag (gboolean *flag)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_TIMEOUT_US;

  while (!*flag && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);

  g_assert_true (*flag);
}

static void
set_flag_cb (gpointer  instance,
             gboolean *flag)
{
  *flag = TRUE;
}

static GtkWidget *
present (GtkWidget *window,
         gboolean  *destroyed)
{
  g_signal_connect (window, "destroy", G_CALLBACK (set_flag_cb), destroyed);
  gtk_window_present (GTK_WINDOW (window));
  iterate ();

  return window;
}

static AdwMessageDialog *
wait_for_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  gint64 deadline = g_get_monotonic_time () + WAIT_TIMEOUT_US;

  while (g_get_monotonic_time () < deadline)
    {
      guint n = g_list_model_get_n_items (toplevels);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

          if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
            return ADW_MESSAGE_DIALOG (window);
        }

      g_main_context_iteration (NULL, FALSE);
    }

  g_error ("No message dialog appeared");
}

static gboolean
save_enabled (GtkWidget *dialog)
{
  return gtk_widget_is_sensitive (get_widget (dialog, "save_button"));
}

/* As a click would: gtk_widget_activate() on a button only clicks it after
 * a short delay that shows it pressed.
 */
static void
activate_save (GtkWidget *dialog)
{
  g_assert_true (save_enabled (dialog));
  g_signal_emit_by_name (get_widget (dialog, "save_button"), "clicked");
  iterate ();
}

static void
set_text (GtkWidget  *dialog,
          const char *id,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (get_widget (dialog, id)), text);
}

static BudgAccount *
create_account (Fixture    *fixture,
                const char *name,
                const char *currency)
{
  g_autoptr(GError) error = NULL;
  BudgAccount *account;

  account = budg_account_store_create (budg_context_get_accounts (fixture->context),
                                       name, BUDG_ACCOUNT_KIND_CHECKING, currency, NULL,
                                       NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (account);

  return g_object_ref (account);
}

static BudgCategory *
create_category (Fixture    *fixture,
                 const char *path,
                 gboolean    is_income)
{
  g_autoptr(GError) error = NULL;
  BudgCategory *category;

  category = budg_category_store_create_path (budg_context_get_categories (fixture->context),
                                              path, is_income, &error);
  g_assert_no_error (error);
  g_assert_nonnull (category);

  return g_object_ref (category);
}

static gboolean
category_exists (Fixture    *fixture,
                 const char *path)
{
  g_autoptr(GError) error = NULL;
  BudgCategory *category;

  category = budg_category_store_find (budg_context_get_categories (fixture->context),
                                       path, &error);
  if (category == NULL)
    g_assert_error (error, BUDG_ERROR, BUDG_ERROR_NOT_FOUND);

  return category != NULL;
}

static void
test_account_create (Fixture       *fixture,
                     gconstpointer  data)
{
  BudgAccountStore *store = budg_context_get_accounts (fixture->context);
  g_autoptr(GError) error = NULL;
  gboolean destroyed = FALSE;
  GtkWidget *dialog;
  BudgAccount *account;

  dialog = present (budg_account_dialog_new (fixture->context, NULL), &destroyed);

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "New Account");
  /* Typing starts with the name. */
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (dialog)),
                                         get_widget (dialog, "name_row")));
  g_assert_true (gtk_widget_get_visible (get_widget (dialog, "opening_group")));
  g_assert_false (save_enabled (dialog));

  /* Blanks alone are no name. */
  set_text (dialog, "name_row", "   ");
  g_assert_false (save_enabled (dialog));

  set_text (dialog, "name_row", "Checking");
  g_assert_true (save_enabled (dialog));

  adw_combo_row_set_selected (ADW_COMBO_ROW (get_widget (dialog, "kind_row")),
                              BUDG_ACCOUNT_KIND_SAVINGS);
  set_text (dialog, "amount_row", "1,234.50");
  g_assert_false (gtk_widget_get_visible (get_widget (dialog, "amount_error_label")));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (get_widget (dialog, "hint_label"))),
                   !=, "");

  activate_save (dialog);
  wait_for_flag (&destroyed);

  account = budg_account_store_find (store, "Checking", &error);
  g_assert_no_error (error);
  g_assert_nonnull (account);
  g_assert_cmpint (budg_account_get_kind (account), ==, BUDG_ACCOUNT_KIND_SAVINGS);
  g_assert_cmpstr (budg_account_get_currency (account), ==,
                   budg_context_get_default_currency (fixture->context));
  g_assert_null (budg_account_get_institution (account));
  g_assert_cmpint (budg_account_get_balance_minor (account), ==, 123450);
}

static void
test_account_duplicate (Fixture       *fixture,
                        gconstpointer  data)
{
  BudgAccountStore *store = budg_context_get_accounts (fixture->context);
  g_autoptr(BudgAccount) existing = create_account (fixture, "Checking", "USD");
  gboolean destroyed = FALSE;
  GtkWidget *dialog;
  GtkWidget *error_label;
  guint n_accounts = g_list_model_get_n_items (G_LIST_MODEL (store));

  dialog = present (budg_account_dialog_new (fixture->context, NULL), &destroyed);
  error_label = get_widget (dialog, "name_error_label");

  set_text (dialog, "name_row", "Checking");
  set_text (dialog, "amount_row", "10");
  activate_save (dialog);

  g_assert_false (destroyed);
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "Checking"));
  g_assert_true (gtk_widget_has_css_class (get_widget (dialog, "name_row"), "error"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, n_accounts);
  g_assert_cmpint (budg_account_get_balance_minor (budg_account_store_lookup (store, budg_account_get_id (existing))),
                   ==, 0);

  /* The error was about the name that was saved, not the one being typed. */
  set_text (dialog, "name_row", "Checking 2");
  g_assert_false (gtk_widget_get_visible (error_label));
  g_assert_false (gtk_widget_has_css_class (get_widget (dialog, "name_row"), "error"));

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_account_bad_amount (Fixture       *fixture,
                         gconstpointer  data)
{
  gboolean destroyed = FALSE;
  GtkWidget *dialog;
  GtkWidget *error_label;

  dialog = present (budg_account_dialog_new (fixture->context, NULL), &destroyed);
  error_label = get_widget (dialog, "amount_error_label");

  set_text (dialog, "name_row", "Cash");
  set_text (dialog, "amount_row", "12,3,4");
  g_assert_false (save_enabled (dialog));
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "12,3,4"));

  /* Enter in the field must not save either. */
  g_signal_emit_by_name (get_widget (dialog, "amount_row"), "entry-activated");
  iterate ();
  g_assert_false (destroyed);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (budg_context_get_accounts (fixture->context))),
                    ==, 0);

  /* No opening balance at all is fine. */
  set_text (dialog, "amount_row", "");
  g_assert_true (save_enabled (dialog));
  g_assert_false (gtk_widget_get_visible (error_label));

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_account_edit (Fixture       *fixture,
                   gconstpointer  data)
{
  BudgAccountStore *store = budg_context_get_accounts (fixture->context);
  g_autoptr(BudgAccount) account = create_account (fixture, "Checking", "USD");
  gboolean destroyed = FALSE;
  GtkWidget *dialog;
  BudgAccount *stored;

  dialog = present (budg_account_dialog_new (fixture->context, account), &destroyed);

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Edit Account");
  g_assert_false (gtk_widget_get_visible (get_widget (dialog, "opening_group")));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (get_widget (dialog, "name_row"))), ==,
                   "Checking");
  g_assert_true (save_enabled (dialog));

  set_text (dialog, "name_row", "Everyday");
  set_text (dialog, "institution_row", "First Bank");

  /* Enter in the last field saves a valid form. */
  g_signal_emit_by_name (get_widget (dialog, "institution_row"), "entry-activated");
  iterate ();
  wait_for_flag (&destroyed);

  stored = budg_account_store_lookup (store, budg_account_get_id (account));
  g_assert_nonnull (stored);
  g_assert_cmpstr (budg_account_get_name (stored), ==, "Everyday");
  g_assert_cmpstr (budg_account_get_institution (stored), ==, "First Bank");
  g_assert_cmpint (budg_account_get_kind (stored), ==, BUDG_ACCOUNT_KIND_CHECKING);
}

static void
test_account_threshold_create (Fixture       *fixture,
                               gconstpointer  data)
{
  BudgAccountStore *store = budg_context_get_accounts (fixture->context);
  g_autoptr(GError) error = NULL;
  gboolean destroyed = FALSE;
  GtkWidget *dialog;
  BudgAccount *account;
  gint64 expected;

  dialog = present (budg_account_dialog_new (fixture->context, NULL), &destroyed);
  g_assert_true (gtk_widget_get_visible (get_widget (dialog, "threshold_group")));

  set_text (dialog, "name_row", "Checking");
  set_text (dialog, "threshold_row", "250");
  g_assert_false (gtk_widget_get_visible (get_widget (dialog, "threshold_error_label")));
  activate_save (dialog);
  wait_for_flag (&destroyed);

  account = budg_account_store_find (store, "Checking", &error);
  g_assert_no_error (error);
  g_assert_nonnull (account);
  /* The amount was typed in the account's currency, whichever is the default. */
  budg_money_parse ("250", budg_account_get_currency (account), &expected, &error);
  g_assert_no_error (error);
  g_assert_true (budg_account_get_has_warning_threshold (account));
  g_assert_cmpint (budg_account_get_warning_threshold_minor (account), ==, expected);
}

static void
test_account_threshold_clear (Fixture       *fixture,
                              gconstpointer  data)
{
  BudgAccountStore *store = budg_context_get_accounts (fixture->context);
  g_autoptr(BudgAccount) account = create_account (fixture, "Checking", "USD");
  g_autoptr(GError) error = NULL;
  g_autofree char *expected_text = budg_money_format_plain (-10050, "USD");
  gboolean destroyed = FALSE;
  GtkWidget *dialog;
  BudgAccount *stored;

  budg_account_store_set_warning_threshold (store, account, TRUE, -10050, &error);
  g_assert_no_error (error);
  stored = budg_account_store_lookup (store, budg_account_get_id (account));

  dialog = present (budg_account_dialog_new (fixture->context, stored), &destroyed);
  g_assert_true (gtk_widget_get_visible (get_widget (dialog, "threshold_group")));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (get_widget (dialog, "threshold_row"))),
                   ==, expected_text);
  g_assert_true (save_enabled (dialog));

  set_text (dialog, "threshold_row", "");
  activate_save (dialog);
  wait_for_flag (&destroyed);

  stored = budg_account_store_lookup (store, budg_account_get_id (account));
  g_assert_nonnull (stored);
  g_assert_false (budg_account_get_has_warning_threshold (stored));
  g_assert_cmpstr (budg_account_get_name (stored), ==, "Checking");
}

static void
test_account_threshold_invalid (Fixture       *fixture,
                                gconstpointer  data)
{
  BudgAccountStore *store = budg_context_get_accounts (fixture->context);
  gboolean destroyed = FALSE;
  GtkWidget *dialog;
  GtkWidget *error_label;

  dialog = present (budg_account_dialog_new (fixture->context, NULL), &destroyed);
  error_label = get_widget (dialog, "threshold_error_label");

  set_text (dialog, "name_row", "Cash");
  set_text (dialog, "threshold_row", "12,3,4");
  g_assert_false (save_enabled (dialog));
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "12,3,4"));
  g_assert_true (gtk_widget_has_css_class (get_widget (dialog, "threshold_row"), "error"));

  /* Enter in the field must not save either. */
  g_signal_emit_by_name (get_widget (dialog, "threshold_row"), "entry-activated");
  iterate ();
  g_assert_false (destroyed);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 0);

  set_text (dialog, "threshold_row", "");
  g_assert_true (save_enabled (dialog));
  g_assert_false (gtk_widget_get_visible (error_label));

  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* The account and its threshold are one change: when the threshold cannot
 * be stored, the new account must not be either.
 */
static void
test_account_threshold_rollback (Fixture       *fixture,
                                 gconstpointer  data)
{
  BudgDatabase *database = budg_context_get_database (fixture->context);
  BudgAccountStore *store = budg_context_get_accounts (fixture->context);
  g_autoptr(GError) error = NULL;
  gboolean destroyed = FALSE;
  GtkWidget *dialog;
  BudgAccount *account;

  budg_database_exec (database,
                      "CREATE TEMP TRIGGER refuse_threshold"
                      " BEFORE UPDATE OF warning_threshold_minor ON accounts"
                      " BEGIN SELECT RAISE (ABORT, 'refused by the test'); END",
                      &error);
  g_assert_no_error (error);

  dialog = present (budg_account_dialog_new (fixture->context, NULL), &destroyed);
  set_text (dialog, "name_row", "Checking");
  set_text (dialog, "amount_row", "10");
  set_text (dialog, "threshold_row", "5");
  activate_save (dialog);

  g_assert_false (destroyed);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 0);
  g_assert_true (budg_account_store_reload (store, &error));
  g_assert_no_error (error);
  account = budg_account_store_find (store, "Checking", &error);
  g_assert_error (error, BUDG_ERROR, BUDG_ERROR_NOT_FOUND);
  g_assert_null (account);

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_balance_record (Fixture       *fixture,
                     gconstpointer  data)
{
  BudgAccountStore *accounts = budg_context_get_accounts (fixture->context);
  g_autoptr(BudgAccount) first = create_account (fixture, "Checking", "USD");
  g_autoptr(BudgAccount) account = create_account (fixture, "Savings", "USD");
  g_autoptr(BudgAccount) archived = create_account (fixture, "Old Card", "USD");
  g_autoptr(GPtrArray) snapshots = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = budg_date_today ();
  BudgBalanceSnapshot *snapshot;
  BudgAccount *selected;
  AdwComboRow *account_row;
  gboolean destroyed = FALSE;
  GtkWidget *dialog;

  budg_account_store_set_archived (accounts, archived, TRUE, &error);
  g_assert_no_error (error);

  dialog = present (budg_balance_dialog_new (fixture->context, account), &destroyed);
  account_row = ADW_COMBO_ROW (get_widget (dialog, "account_row"));

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Record Balance");
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (dialog)),
                                         get_widget (dialog, "amount_row")));
  /* Archived accounts take no new balances. */
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (account_row)), ==, 2);
  selected = adw_combo_row_get_selected_item (account_row);
  g_assert_cmpint (budg_account_get_id (selected), ==, budg_account_get_id (account));

  g_assert_false (save_enabled (dialog));
  set_text (dialog, "amount_row", "12,3,4");
  g_assert_false (save_enabled (dialog));
  g_assert_true (gtk_widget_get_visible (get_widget (dialog, "amount_error_label")));

  set_text (dialog, "amount_row", "2,500.75");
  g_assert_true (save_enabled (dialog));
  g_assert_false (gtk_widget_get_visible (get_widget (dialog, "amount_error_label")));
  set_text (dialog, "note_row", "Statement");

  activate_save (dialog);
  wait_for_flag (&destroyed);

  snapshots = budg_balance_store_list (budg_context_get_balances (fixture->context),
                                       budg_account_get_id (account), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (snapshots->len, ==, 1);
  snapshot = g_ptr_array_index (snapshots, 0);
  g_assert_cmpint (budg_balance_snapshot_get_amount_minor (snapshot), ==, 250075);
  g_assert_cmpstr (budg_balance_snapshot_get_date (snapshot), ==, today);
  g_assert_cmpstr (budg_balance_snapshot_get_note (snapshot), ==, "Statement");

  g_clear_pointer (&snapshots, g_ptr_array_unref);
  snapshots = budg_balance_store_list (budg_context_get_balances (fixture->context),
                                       budg_account_get_id (first), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (snapshots->len, ==, 0);
}

static void
test_category_create_child (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(BudgCategory) food = create_category (fixture, "Food", FALSE);
  g_autoptr(BudgCategory) salary = create_category (fixture, "Salary", TRUE);
  g_autoptr(GError) error = NULL;
  gboolean destroyed = FALSE;
  BudgCategory *child;
  AdwComboRow *parent_row;
  GtkWidget *dialog;
  GtkWidget *income_switch;

  dialog = present (budg_category_dialog_new (fixture->context, NULL, food), &destroyed);
  parent_row = ADW_COMBO_ROW (get_widget (dialog, "parent_row"));
  income_switch = get_widget (dialog, "income_switch");

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "New Category");
  /* "None" and the two top-level categories. */
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (parent_row)), ==, 3);
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (parent_row)),
                   ==, "Food");

  /* A child has its parent's income flag. */
  g_assert_false (gtk_widget_get_sensitive (income_switch));
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (income_switch)));

  set_text (dialog, "name_row", "Eating:Out");
  g_assert_false (save_enabled (dialog));
  g_assert_true (gtk_widget_get_visible (get_widget (dialog, "name_error_label")));

  set_text (dialog, "name_row", "Groceries");
  g_assert_true (save_enabled (dialog));
  g_assert_false (gtk_widget_get_visible (get_widget (dialog, "name_error_label")));

  activate_save (dialog);
  wait_for_flag (&destroyed);

  child = budg_category_store_find (budg_context_get_categories (fixture->context),
                                    "Food:Groceries", &error);
  g_assert_no_error (error);
  g_assert_nonnull (child);
  g_assert_cmpint (budg_category_get_parent_id (child), ==, budg_category_get_id (food));
  g_assert_false (budg_category_get_is_income (child));
}

static void
test_category_edit (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(BudgCategory) gifts = create_category (fixture, "Gifts", FALSE);
  g_autoptr(BudgCategory) other = create_category (fixture, "Presents", FALSE);
  BudgCategoryStore *store = budg_context_get_categories (fixture->context);
  gboolean destroyed = FALSE;
  BudgCategory *stored;
  GtkWidget *dialog;

  dialog = present (budg_category_dialog_new (fixture->context, gifts, NULL), &destroyed);

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Edit Category");
  g_assert_false (gtk_widget_get_sensitive (get_widget (dialog, "parent_row")));
  g_assert_true (gtk_widget_get_sensitive (get_widget (dialog, "income_switch")));

  /* Names are unique without regard to case. */
  set_text (dialog, "name_row", "presents");
  activate_save (dialog);
  g_assert_false (destroyed);
  g_assert_true (gtk_widget_get_visible (get_widget (dialog, "name_error_label")));

  set_text (dialog, "name_row", "Gift Income");
  gtk_switch_set_active (GTK_SWITCH (get_widget (dialog, "income_switch")), TRUE);
  activate_save (dialog);
  wait_for_flag (&destroyed);

  stored = budg_category_store_lookup (store, budg_category_get_id (gifts));
  g_assert_nonnull (stored);
  g_assert_cmpstr (budg_category_get_name (stored), ==, "Gift Income");
  g_assert_true (budg_category_get_is_income (stored));
}

static void
test_categories_empty (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(BudgCategory) category = NULL;
  gboolean destroyed = FALSE;
  GtkWidget *window;
  GtkStack *stack;

  window = present (budg_categories_window_new (fixture->context), &destroyed);
  stack = GTK_STACK (get_widget (window, "stack"));

  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");

  /* The window follows the store, whoever changes it. */
  category = create_category (fixture, "Rent", FALSE);
  iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");
  g_assert_nonnull (find_row_titled (get_widget (window, "expense_list"), "Rent"));
  g_assert_false (gtk_widget_get_visible (get_widget (window, "income_group")));

  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWidget *
find_button_in (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child))
        return child;
      if ((found = find_button_in (child)) != NULL)
        return found;
    }

  return NULL;
}

static gint64
count_rates (Fixture *fixture)
{
  g_autoptr(GPtrArray) rates = budg_exchange_rates_list (budg_context_get_database (fixture->context), NULL);

  return rates != NULL ? (gint64) rates->len : -1;
}

static void
test_rates_window (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) rates = NULL;
  gboolean destroyed = FALSE;
  GtkWidget *window;
  GtkWidget *rate_row;
  GtkWidget *add_button;
  GtkWidget *error_label;
  GtkWidget *list;
  GtkWidget *row;
  GtkWidget *remove = NULL;
  BudgExchangeRateEntry *entry;

  window = present (budg_rates_window_new (fixture->context), &destroyed);
  rate_row = get_widget (window, "rate_row");
  add_button = get_widget (window, "add_button");
  error_label = get_widget (window, "error_label");
  list = get_widget (window, "rates_list");
  g_assert_false (gtk_widget_get_visible (list));

  /* A rate that is not a number says so and cannot be added. */
  gtk_editable_set_text (GTK_EDITABLE (rate_row), "one point one");
  g_assert_false (gtk_widget_get_sensitive (add_button));
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_cmpint (count_rates (fixture), ==, 0);

  /* EUR into USD (the defaults with no foreign account) at 1.0823. */
  budg_rates_window_propose (BUDG_RATES_WINDOW (window), "EUR", "USD");
  gtk_editable_set_text (GTK_EDITABLE (rate_row), "1.0823");
  g_assert_true (gtk_widget_get_sensitive (add_button));
  g_assert_false (gtk_widget_get_visible (error_label));
  g_signal_emit_by_name (add_button, "clicked");
  iterate ();

  rates = budg_exchange_rates_list (budg_context_get_database (fixture->context), NULL);
  g_assert_cmpuint (rates->len, ==, 1);
  entry = g_ptr_array_index (rates, 0);
  g_assert_cmpstr (entry->from_currency, ==, "EUR");
  g_assert_cmpstr (entry->to_currency, ==, "USD");
  g_assert_cmpint (entry->rate_e10, ==, G_GINT64_CONSTANT (10823000000));
  g_assert_true (gtk_widget_get_visible (list));
  row = find_row_titled (list, "1 EUR = 1.0823 USD");
  g_assert_nonnull (row);

  /* The same currency twice is refused. */
  budg_rates_window_propose (BUDG_RATES_WINDOW (window), "USD", "USD");
  gtk_editable_set_text (GTK_EDITABLE (rate_row), "2");
  g_assert_false (gtk_widget_get_sensitive (add_button));

  /* Remove goes at once. */
  remove = find_button_in (row);
  g_assert_nonnull (remove);
  g_signal_emit_by_name (remove, "clicked");
  iterate ();
  g_assert_cmpint (count_rates (fixture), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* GTK has no public way to synthesize a key press, so the shortcut is
 * looked up on the row by its trigger and activated the way a press would.
 */
static void
press_row_shortcut (GtkWidget  *row,
                    const char *trigger)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (row);

  g_assert_nonnull (row);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *triggers = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
          g_auto(GStrv) names = g_strsplit (triggers, "|", -1);

          if (g_strv_contains ((const char * const *) names, trigger))
            {
              g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, row,
                                                           gtk_shortcut_get_arguments (shortcut)));
              return;
            }
        }
    }

  g_error ("No shortcut %s on the row", trigger);
}

static GtkWindow *
find_category_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (BUDG_IS_CATEGORY_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

static void
test_categories_edit (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(BudgCategory) salary = create_category (fixture, "Salary", TRUE);
  g_autoptr(BudgCategory) bonus = create_category (fixture, "Salary:Bonus", TRUE);
  gboolean destroyed = FALSE;
  GtkWindow *editor;
  GtkWidget *window;

  window = present (budg_categories_window_new (fixture->context), &destroyed);
  g_assert_null (find_category_dialog ());

  /* Activating a row edits its category, as a click on it would. */
  gtk_widget_activate (find_row_titled (window, "Bonus"));
  iterate ();

  editor = find_category_dialog ();
  g_assert_nonnull (editor);
  g_assert_true (gtk_window_get_transient_for (editor) == GTK_WINDOW (window));
  g_assert_cmpint (budg_category_get_id (budg_category_dialog_get_category (BUDG_CATEGORY_DIALOG (editor))),
                   ==, budg_category_get_id (bonus));
  gtk_window_destroy (editor);

  /* Ctrl+N and the header button add one. */
  gtk_widget_activate_action (window, "categories.add", NULL);
  iterate ();
  editor = find_category_dialog ();
  g_assert_nonnull (editor);
  g_assert_null (budg_category_dialog_get_category (BUDG_CATEGORY_DIALOG (editor)));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_categories_delete_unused (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(BudgCategory) hobbies = create_category (fixture, "Hobbies", FALSE);
  g_autoptr(BudgCategory) books = create_category (fixture, "Hobbies:Books", FALSE);
  g_autoptr(BudgCategory) salary = create_category (fixture, "Salary", TRUE);
  gboolean destroyed = FALSE;
  GtkWidget *window;
  GtkWidget *undo;

  window = present (budg_categories_window_new (fixture->context), &destroyed);

  g_assert_nonnull (find_row_titled (get_widget (window, "expense_list"), "Hobbies"));
  g_assert_nonnull (find_row_titled (get_widget (window, "expense_list"), "Books"));
  g_assert_nonnull (find_row_titled (get_widget (window, "income_list"), "Salary"));

  /* The Delete key on the row. */
  press_row_shortcut (find_row_titled (window, "Hobbies"), "Delete");
  iterate ();

  /* Unused, so gone at once, with its child, and no question asked. */
  g_assert_false (category_exists (fixture, "Hobbies"));
  g_assert_false (category_exists (fixture, "Hobbies:Books"));
  g_assert_null (find_row_titled (window, "Hobbies"));
  g_assert_true (find_label_containing (window, "Category “Hobbies” deleted"));

  undo = find_button_labelled (window, "_Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  iterate ();

  g_assert_true (category_exists (fixture, "Hobbies"));
  g_assert_true (category_exists (fixture, "Hobbies:Books"));
  g_assert_nonnull (find_row_titled (get_widget (window, "expense_list"), "Hobbies"));
  g_assert_true (category_exists (fixture, "Salary"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_categories_delete_used (Fixture       *fixture,
                             gconstpointer  data)
{
  BudgTransactionStore *transactions = budg_context_get_transactions (fixture->context);
  g_autoptr(BudgAccount) account = create_account (fixture, "Checking", "USD");
  g_autoptr(BudgCategory) food = create_category (fixture, "Food", FALSE);
  g_autoptr(BudgCategory) dining = create_category (fixture, "Dining", FALSE);
  g_autoptr(BudgCategory) salary = create_category (fixture, "Salary", TRUE);
  g_autoptr(BudgTransaction) transaction = NULL;
  g_autoptr(BudgTransaction) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = budg_date_today ();
  AdwMessageDialog *question;
  GtkDropDown *drop_down;
  GListModel *choices;
  guint dining_position = GTK_INVALID_LIST_POSITION;
  gboolean destroyed = FALSE;
  GtkWidget *window;

  transaction = budg_transaction_new (budg_account_get_id (account), today, -1500);
  budg_transaction_set_category_id (transaction, budg_category_get_id (food));
  budg_transaction_store_add (transactions, transaction, &error);
  g_assert_no_error (error);

  window = present (budg_categories_window_new (fixture->context), &destroyed);

  gtk_widget_activate_action (window, "categories.delete", "x", budg_category_get_id (food));
  question = wait_for_message_dialog ();

  /* Nothing is deleted before the answer. */
  g_assert_true (category_exists (fixture, "Food"));

  drop_down = GTK_DROP_DOWN (adw_message_dialog_get_extra_child (question));
  choices = gtk_drop_down_get_model (drop_down);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (choices), 0), ==,
                   "Leave uncategorized");
  /* Expense transactions are not offered income categories. */
  g_assert_cmpuint (g_list_model_get_n_items (choices), ==, 2);
  for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
    {
      if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (choices), i), "Dining") == 0)
        dining_position = i;
    }
  g_assert_cmpuint (dining_position, !=, GTK_INVALID_LIST_POSITION);
  gtk_drop_down_set_selected (drop_down, dining_position);

  adw_message_dialog_response (question, BUDG_MESSAGE_DIALOG_RESPONSE_CONFIRM);
  iterate ();

  g_assert_false (category_exists (fixture, "Food"));
  stored = budg_transaction_store_get (transactions, budg_transaction_get_id (transaction), &error);
  g_assert_no_error (error);
  g_assert_cmpint (budg_transaction_get_category_id (stored), ==, budg_category_get_id (dining));
  g_clear_object (&stored);

  gtk_widget_activate_action (window, "categories.undo", NULL);
  iterate ();

  g_assert_true (category_exists (fixture, "Food"));
  stored = budg_transaction_store_get (transactions, budg_transaction_get_id (transaction), &error);
  g_assert_no_error (error);
  g_assert_cmpint (budg_transaction_get_category_id (stored), ==, budg_category_get_id (food));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_categories_delete_cancelled (Fixture       *fixture,
                                  gconstpointer  data)
{
  BudgTransactionStore *transactions = budg_context_get_transactions (fixture->context);
  g_autoptr(BudgAccount) account = create_account (fixture, "Checking", "USD");
  g_autoptr(BudgCategory) food = create_category (fixture, "Food", FALSE);
  g_autoptr(BudgTransaction) transaction = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = budg_date_today ();
  AdwMessageDialog *question;
  gboolean destroyed = FALSE;
  GtkWidget *window;

  transaction = budg_transaction_new (budg_account_get_id (account), today, -1500);
  budg_transaction_set_category_id (transaction, budg_category_get_id (food));
  budg_transaction_store_add (transactions, transaction, &error);
  g_assert_no_error (error);

  window = present (budg_categories_window_new (fixture->context), &destroyed);

  gtk_widget_activate_action (window, "categories.delete", "x", budg_category_get_id (food));
  question = wait_for_message_dialog ();
  adw_message_dialog_response (question, BUDG_MESSAGE_DIALOG_RESPONSE_CANCEL);
  iterate ();

  g_assert_true (category_exists (fixture, "Food"));
  g_assert_null (find_button_labelled (window, "_Undo"));

  gtk_window_destroy (GTK_WINDOW (window));
}

typedef struct
{
  gboolean  done;
  gboolean  confirmed;
  GError   *error;
} Answer;

static void
answer_cb (GObject      *source_object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Answer *answer = user_data;

  answer->confirmed = budg_message_dialog_choose_finish (result, &answer->error);
  answer->done = TRUE;
}

static void
test_message_dialog (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  gboolean parent_destroyed = FALSE;
  gboolean destroyed = FALSE;
  GtkWidget *parent;
  AdwMessageDialog *dialog;
  Answer answer = { 0 };

  parent = present (gtk_window_new (), &parent_destroyed);

  /* Going ahead. */
  budg_message_dialog_choose_async (GTK_WINDOW (parent), "Delete “Food”?", "It goes away.",
                                    "_Cancel", "_Delete", TRUE, NULL, answer_cb, &answer);
  dialog = wait_for_message_dialog ();
  g_signal_connect (dialog, "destroy", G_CALLBACK (set_flag_cb), &destroyed);
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog,
                                                               BUDG_MESSAGE_DIALOG_RESPONSE_CONFIRM),
                   ==, ADW_RESPONSE_DESTRUCTIVE);
  /* Enter must not destroy anything. */
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==,
                   BUDG_MESSAGE_DIALOG_RESPONSE_CANCEL);
  g_signal_emit_by_name (find_button_labelled (GTK_WIDGET (dialog), "_Delete"), "clicked");
  wait_for_flag (&answer.done);
  g_assert_no_error (answer.error);
  g_assert_true (answer.confirmed);
  wait_for_flag (&destroyed);

  /* Closing the dialog declines. */
  answer = (Answer) { 0 };
  destroyed = FALSE;
  budg_message_dialog_choose_async (GTK_WINDOW (parent), "Import?", NULL,
                                    "_Cancel", "_Import", FALSE, NULL, answer_cb, &answer);
  dialog = wait_for_message_dialog ();
  g_signal_connect (dialog, "destroy", G_CALLBACK (set_flag_cb), &destroyed);
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog,
                                                               BUDG_MESSAGE_DIALOG_RESPONSE_CONFIRM),
                   ==, ADW_RESPONSE_SUGGESTED);
  gtk_window_close (GTK_WINDOW (dialog));
  wait_for_flag (&answer.done);
  g_assert_no_error (answer.error);
  g_assert_false (answer.confirmed);
  wait_for_flag (&destroyed);

  /* Cancelling closes the dialog and reports it. */
  answer = (Answer) { 0 };
  destroyed = FALSE;
  budg_message_dialog_choose_async (GTK_WINDOW (parent), "Import?", NULL,
                                    "_Cancel", "_Import", FALSE, cancellable, answer_cb, &answer);
  dialog = wait_for_message_dialog ();
  g_signal_connect (dialog, "destroy", G_CALLBACK (set_flag_cb), &destroyed);
  g_cancellable_cancel (cancellable);
  wait_for_flag (&answer.done);
  g_assert_error (answer.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (answer.confirmed);
  g_clear_error (&answer.error);
  wait_for_flag (&destroyed);

  /* A question goes away with its window. */
  answer = (Answer) { 0 };
  budg_message_dialog_choose_async (GTK_WINDOW (parent), "Import?", NULL,
                                    "_Cancel", "_Import", FALSE, NULL, answer_cb, &answer);
  wait_for_message_dialog ();
  gtk_window_destroy (GTK_WINDOW (parent));
  wait_for_flag (&answer.done);
  g_assert_no_error (answer.error);
  g_assert_false (answer.confirmed);
  g_assert_true (parent_destroyed);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  /* The resources live in a static library: referring to them makes the
   * linker keep them, and with them the .ui files of the templates.
   */
  g_assert_nonnull (budg_get_resource ());

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD_TEST ("/ui/dialogs/account/create", test_account_create);
  ADD_TEST ("/ui/dialogs/account/duplicate", test_account_duplicate);
  ADD_TEST ("/ui/dialogs/account/bad-amount", test_account_bad_amount);
  ADD_TEST ("/ui/dialogs/account/edit", test_account_edit);
  ADD_TEST ("/ui/dialogs/account/threshold-create", test_account_threshold_create);
  ADD_TEST ("/ui/dialogs/account/threshold-clear", test_account_threshold_clear);
  ADD_TEST ("/ui/dialogs/account/threshold-invalid", test_account_threshold_invalid);
  ADD_TEST ("/ui/dialogs/account/threshold-rollback", test_account_threshold_rollback);
  ADD_TEST ("/ui/dialogs/balance/record", test_balance_record);
  ADD_TEST ("/ui/dialogs/category/create-child", test_category_create_child);
  ADD_TEST ("/ui/dialogs/category/edit", test_category_edit);
  ADD_TEST ("/ui/dialogs/categories/empty", test_categories_empty);
  ADD_TEST ("/ui/dialogs/categories/edit", test_categories_edit);
  ADD_TEST ("/ui/dialogs/categories/delete-unused", test_categories_delete_unused);
  ADD_TEST ("/ui/dialogs/categories/delete-used", test_categories_delete_used);
  ADD_TEST ("/ui/dialogs/categories/delete-cancelled", test_categories_delete_cancelled);
  ADD_TEST ("/ui/dialogs/message/choose", test_message_dialog);
  ADD_TEST ("/ui/dialogs/rates/add-and-remove", test_rates_window);

#undef ADD_TEST

  return g_test_run ();
}
