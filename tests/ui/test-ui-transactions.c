/* test-ui-transactions.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-ui-transactions"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "budg-context.h"
#include "budg-date-row.h"
#include "budg-error.h"
#include "budg-message-dialog.h"
#include "budg-money.h"
#include "budg-reconcile-dialog.h"
#include "budg-reconcile.h"
#include "budg-resources.h"
#include "budg-transaction-dialog.h"

/* The transaction form and the reconcile window, driven the way a person
 * would: text into the entry rows, choices into the combo rows and
 * drop-downs, ticks into the check buttons, then Save or Finish. What the
 * database holds afterwards is read back through the stores of a real
 * (temporary) database and compared with amounts worked out here.
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

  fixture->dir = g_dir_make_tmp ("budg-test-ui-transactions-XXXXXX", &error);
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

/* Widgets ---------------------------------------------------------------- */

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

/* The @n-th (from 0) descendant of @root of @type, depth first. */
static GtkWidget *
find_nth_of_type (GtkWidget *root,
                  GType      type,
                  guint     *n)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    {
      if (*n == 0)
        return root;
      (*n)--;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_nth_of_type (child, type, n);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
get_nth_of_type (GtkWidget *root,
                 GType      type,
                 guint      n)
{
  GtkWidget *found = find_nth_of_type (root, type, &n);

  if (found == NULL)
    g_error ("No %s in %s", g_type_name (type), G_OBJECT_TYPE_NAME (root));

  return found;
}

static GtkWidget *
find_button_with_icon (GtkWidget  *root,
                       const char *icon_name)
{
  if (GTK_IS_BUTTON (root) &&
      g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (root)), icon_name) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_with_icon (child, icon_name);

      if (found != NULL)
        return found;
    }

  return NULL;
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

/* Delivers a key press to the last key controller of @widget, which for
 * the payee row is the form's own: a synthesized event cannot be sent to
 * a widget in GTK 4. Returns whether the key was used.
 */
static gboolean
press_key (GtkWidget *widget,
           guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  GtkEventController *key = NULL;
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        key = controller;
    }

  g_assert_nonnull (key);
  g_signal_emit_by_name (key, "key-pressed", keyval, 0, (GdkModifierType) 0, &handled);

  while (g_main_context_iteration (NULL, FALSE))
    ;

  return handled;
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

static GtkWindow *
wait_for_toplevel (GType type)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_TIMEOUT_US;
  GtkWindow *window;

  while ((window = find_toplevel (type)) == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);

  if (window == NULL)
    g_error ("No %s appeared", g_type_name (type));

  return window;
}

static void
set_flag_cb (gpointer  instance,
             gboolean *flag)
{
  *flag = TRUE;
}

typedef struct
{
  gboolean destroyed;
  guint    n_saved;
  gint64   saved_id;
  guint    n_finished;
  guint    finished_count;
} Outcome;

static void
saved_cb (GtkWidget *dialog,
          gint64     id,
          Outcome   *outcome)
{
  outcome->n_saved++;
  outcome->saved_id = id;
}

static void
finished_cb (GtkWidget *dialog,
             guint      count,
             Outcome   *outcome)
{
  outcome->n_finished++;
  outcome->finished_count = count;
}

static GtkWidget *
present (GtkWidget *window,
         Outcome   *outcome)
{
  g_signal_connect (window, "destroy", G_CALLBACK (set_flag_cb), &outcome->destroyed);
  if (BUDG_IS_TRANSACTION_DIALOG (window))
    g_signal_connect (window, "saved", G_CALLBACK (saved_cb), outcome);
  else
    g_signal_connect (window, "finished", G_CALLBACK (finished_cb), outcome);
  gtk_window_present (GTK_WINDOW (window));
  iterate ();

  return window;
}

static gboolean
action_enabled (GtkWidget  *dialog,
                const char *button_id)
{
  return gtk_widget_is_sensitive (get_widget (dialog, button_id));
}

static gboolean
save_enabled (GtkWidget *dialog)
{
  return action_enabled (dialog, "save_button");
}

/* As a click would: gtk_widget_activate() on a button only clicks it after
 * a short delay that shows it pressed.
 */
static void
click (GtkWidget  *dialog,
       const char *button_id)
{
  g_assert_true (action_enabled (dialog, button_id));
  g_signal_emit_by_name (get_widget (dialog, button_id), "clicked");
  iterate ();
}

static void
set_text (GtkWidget  *dialog,
          const char *id,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (get_widget (dialog, id)), text);
  iterate ();
}

static const char *
label_text (GtkWidget  *dialog,
            const char *id)
{
  return gtk_label_get_text (GTK_LABEL (get_widget (dialog, id)));
}

static gboolean
visible (GtkWidget  *dialog,
         const char *id)
{
  return gtk_widget_is_visible (get_widget (dialog, id));
}

static guint
string_position (GListModel *model,
                 const char *text)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (gtk_string_object_get_string (item), text) == 0)
        return i;
    }

  g_error ("No “%s” in the list", text);
}

static void
choose (GtkWidget  *dialog,
        const char *combo_id,
        const char *text)
{
  AdwComboRow *row = ADW_COMBO_ROW (get_widget (dialog, combo_id));

  adw_combo_row_set_selected (row, string_position (adw_combo_row_get_model (row), text));
  iterate ();
}

static const char *
chosen (GtkWidget  *dialog,
        const char *combo_id)
{
  AdwComboRow *row = ADW_COMBO_ROW (get_widget (dialog, combo_id));

  return gtk_string_object_get_string (adw_combo_row_get_selected_item (row));
}

static void
toggle (GtkWidget  *dialog,
        const char *id)
{
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (get_widget (dialog, id)), TRUE);
  iterate ();
}

static char *
expected_hint (gint64      minor,
               const char *currency)
{
  g_autofree char *formatted = budg_money_format (minor, currency);

  return g_strdup_printf ("= %s", formatted);
}

static char *
money (gint64      minor,
       const char *currency)
{
  return budg_money_format (minor, currency);
}

/* An amount within words, as the split's balance line says it:
 * "$5.00 left to assign".
 */
static char *
money_text (const char *before,
            gint64      minor,
            const char *after)
{
  g_autofree char *formatted = money (minor, "USD");

  return g_strconcat (before, formatted, after, NULL);
}


/* Parts of a split ------------------------------------------------------- */

static guint
n_parts (GtkWidget *dialog)
{
  GtkListBox *list = GTK_LIST_BOX (get_widget (dialog, "parts_list"));
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;

  return n;
}

static GtkWidget *
get_part (GtkWidget *dialog,
          guint      index)
{
  GtkListBox *list = GTK_LIST_BOX (get_widget (dialog, "parts_list"));
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, index);

  g_assert_nonnull (row);

  return GTK_WIDGET (row);
}

/* A part's row holds its category drop-down, then the amount entry and the
 * remove button on one line, then the memo entry.
 */
static void
set_part (GtkWidget  *dialog,
          guint       index,
          const char *category,
          const char *amount)
{
  GtkWidget *part = get_part (dialog, index);
  GtkDropDown *dropdown = GTK_DROP_DOWN (get_nth_of_type (part, GTK_TYPE_DROP_DOWN, 0));
  GtkWidget *amount_entry = get_nth_of_type (part, GTK_TYPE_ENTRY, 0);

  if (category != NULL)
    gtk_drop_down_set_selected (dropdown,
                                string_position (gtk_drop_down_get_model (dropdown), category));
  gtk_editable_set_text (GTK_EDITABLE (amount_entry), amount);
  iterate ();
}

static const char *
get_part_amount (GtkWidget *dialog,
                 guint      index)
{
  return gtk_editable_get_text (GTK_EDITABLE (get_nth_of_type (get_part (dialog, index),
                                                               GTK_TYPE_ENTRY, 0)));
}

/* Data ------------------------------------------------------------------- */

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

static gint64
create_category (Fixture    *fixture,
                 const char *path)
{
  g_autoptr(GError) error = NULL;
  BudgCategory *category;

  category = budg_category_store_create_path (budg_context_get_categories (fixture->context),
                                              path, FALSE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (category);

  return budg_category_get_id (category);
}

static gint64
add_transaction (Fixture               *fixture,
                 BudgAccount           *account,
                 const char            *date,
                 gint64                 amount,
                 const char            *payee,
                 gint64                 category_id,
                 BudgTransactionStatus  status)
{
  g_autoptr(BudgTransaction) transaction = NULL;
  g_autoptr(GError) error = NULL;

  transaction = budg_transaction_new (budg_account_get_id (account), date, amount);
  budg_transaction_set_payee (transaction, payee);
  budg_transaction_set_category_id (transaction, category_id);
  budg_transaction_set_status (transaction, status);
  budg_transaction_store_add (budg_context_get_transactions (fixture->context), transaction,
                              &error);
  g_assert_no_error (error);
  g_assert_cmpint (budg_transaction_get_id (transaction), >, 0);

  return budg_transaction_get_id (transaction);
}

static BudgTransaction *
get_transaction (Fixture *fixture,
                 gint64   id)
{
  g_autoptr(GError) error = NULL;
  BudgTransaction *transaction;

  transaction = budg_transaction_store_get (budg_context_get_transactions (fixture->context), id,
                                            &error);
  g_assert_no_error (error);
  g_assert_nonnull (transaction);

  return transaction;
}

/* Every transaction of @account, oldest first. */
static GPtrArray *
list_transactions (Fixture     *fixture,
                   BudgAccount *account)
{
  BudgTransactionQuery query = { 0 };
  g_autoptr(GError) error = NULL;
  GPtrArray *found;

  query.account_id = budg_account_get_id (account);
  query.sort = BUDG_TRANSACTION_SORT_DATE;
  found = budg_transaction_store_query (budg_context_get_transactions (fixture->context), &query,
                                        &error);
  g_assert_no_error (error);
  g_assert_nonnull (found);

  return found;
}

static gint64
count_all (Fixture *fixture)
{
  BudgTransactionQuery query = { 0 };
  g_autoptr(GError) error = NULL;
  gint64 count;

  count = budg_transaction_store_count (budg_context_get_transactions (fixture->context), &query,
                                        &error);
  g_assert_no_error (error);

  return count;
}

static GPtrArray *
get_splits (Fixture *fixture,
            gint64   id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *splits;

  splits = budg_transaction_store_get_splits (budg_context_get_transactions (fixture->context),
                                              id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (splits);

  return splits;
}

/* The transaction form --------------------------------------------------- */

static void
test_add (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(BudgAccount) savings = create_account (fixture, "Savings", "USD");
  g_autoptr(BudgAccount) checking = create_account (fixture, "Checking", "USD");
  gint64 groceries = create_category (fixture, "Food:Groceries");
  gint64 rent = create_category (fixture, "Rent");
  g_autoptr(BudgTransaction) stored = NULL;
  g_autofree char *hint = expected_hint (1550, "USD");
  Outcome outcome = { 0 };
  GtkWidget *dialog;
  GtkWidget *popover;
  GtkListBox *suggestions;
  gint64 before;

  /* History: the payee's last categorized transaction was groceries. */
  add_transaction (fixture, checking, "2026-01-02", -900, "Acme Market", rent,
                   BUDG_TRANSACTION_STATUS_CLEARED);
  add_transaction (fixture, checking, "2026-01-09", -500, "Acme Market", groceries,
                   BUDG_TRANSACTION_STATUS_CLEARED);
  add_transaction (fixture, checking, "2026-01-03", -700, "Bakery", 0,
                   BUDG_TRANSACTION_STATUS_CLEARED);
  before = count_all (fixture);

  dialog = present (budg_transaction_dialog_new (fixture->context, NULL,
                                                 budg_account_get_id (checking)),
                    &outcome);

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "New Transaction");
  g_assert_cmpstr (chosen (dialog, "account_row"), ==, "Checking");
  g_assert_cmpstr (chosen (dialog, "category_row"), ==, "Uncategorized");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (get_widget (dialog,
                                                                                "out_toggle"))));
  /* Typing starts with the payee. */
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (dialog)),
                                         get_widget (dialog, "payee_row")));
  g_assert_false (save_enabled (dialog));

  /* The payee completes from history, most used first. */
  set_text (dialog, "payee_row", "acm");
  popover = get_nth_of_type (get_widget (dialog, "payee_row"), GTK_TYPE_POPOVER, 0);
  g_assert_true (gtk_widget_get_visible (popover));
  suggestions = GTK_LIST_BOX (get_nth_of_type (popover, GTK_TYPE_LIST_BOX, 0));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_list_box_row_get_child (gtk_list_box_get_row_at_index (suggestions, 0)))),
                   ==, "Acme Market");
  g_assert_null (gtk_list_box_get_row_at_index (suggestions, 1));
  g_signal_emit_by_name (suggestions, "row-activated",
                         gtk_list_box_get_row_at_index (suggestions, 0));
  iterate ();
  g_assert_false (gtk_widget_get_visible (popover));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (get_widget (dialog, "payee_row"))), ==,
                   "Acme Market");
  /* The category of the payee's latest categorized transaction. */
  g_assert_cmpstr (chosen (dialog, "category_row"), ==, "Food:Groceries");

  /* Arithmetic, with its result shown at the end of the row. */
  set_text (dialog, "amount_row", "12.50+");
  g_assert_false (save_enabled (dialog));
  g_assert_true (visible (dialog, "amount_error_label"));
  g_assert_cmpstr (label_text (dialog, "amount_hint_label"), ==, "");

  set_text (dialog, "amount_row", "-5");
  g_assert_false (save_enabled (dialog));
  g_assert_nonnull (strstr (label_text (dialog, "amount_error_label"), "Money Out"));

  set_text (dialog, "amount_row", "0");
  g_assert_false (save_enabled (dialog));
  g_assert_true (visible (dialog, "amount_error_label"));

  set_text (dialog, "amount_row", "12.50+3");
  g_assert_false (visible (dialog, "amount_error_label"));
  g_assert_cmpstr (label_text (dialog, "amount_hint_label"), ==, hint);
  g_assert_true (save_enabled (dialog));

  set_text (dialog, "memo_row", "Weekly shop");
  choose (dialog, "status_row", "Cleared");

  click (dialog, "save_button");
  wait_for_flag (&outcome.destroyed);

  g_assert_cmpuint (outcome.n_saved, ==, 1);
  g_assert_cmpint (count_all (fixture), ==, before + 1);
  stored = get_transaction (fixture, outcome.saved_id);
  g_assert_cmpint (budg_transaction_get_account_id (stored), ==, budg_account_get_id (checking));
  g_assert_cmpint (budg_transaction_get_amount_minor (stored), ==, -1550);
  g_assert_cmpstr (budg_transaction_get_payee (stored), ==, "Acme Market");
  g_assert_cmpint (budg_transaction_get_category_id (stored), ==, groceries);
  g_assert_cmpstr (budg_transaction_get_memo (stored), ==, "Weekly shop");
  g_assert_cmpint (budg_transaction_get_status (stored), ==, BUDG_TRANSACTION_STATUS_CLEARED);
  g_assert_cmpint (budg_transaction_get_transfer_id (stored), ==, 0);
}

/* A category chosen by hand is not replaced by the payee's last one, and
 * money in is stored positive.
 */
static void
test_add_income_keeps_category (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(BudgAccount) checking = create_account (fixture, "Checking", "EUR");
  gint64 salary = create_category (fixture, "Salary");
  gint64 gifts = create_category (fixture, "Gifts");
  g_autoptr(BudgTransaction) stored = NULL;
  Outcome outcome = { 0 };
  GtkWidget *dialog;
  GtkWidget *popover;
  GtkListBox *suggestions;

  add_transaction (fixture, checking, "2026-01-30", 250000, "Employer", salary,
                   BUDG_TRANSACTION_STATUS_CLEARED);

  dialog = present (budg_transaction_dialog_new (fixture->context, NULL, 0), &outcome);

  choose (dialog, "category_row", "Gifts");
  set_text (dialog, "payee_row", "Empl");
  popover = get_nth_of_type (get_widget (dialog, "payee_row"), GTK_TYPE_POPOVER, 0);
  suggestions = GTK_LIST_BOX (get_nth_of_type (popover, GTK_TYPE_LIST_BOX, 0));
  g_assert_true (gtk_widget_get_visible (popover));

  /* Escape closes the suggestions, not the form. */
  g_assert_true (press_key (get_widget (dialog, "payee_row"), GDK_KEY_Escape));
  g_assert_false (gtk_widget_get_visible (popover));
  g_assert_false (outcome.destroyed);

  /* Down highlights a suggestion and Enter takes it. */
  set_text (dialog, "payee_row", "Emp");
  g_assert_true (gtk_widget_get_visible (popover));
  g_assert_true (press_key (get_widget (dialog, "payee_row"), GDK_KEY_Down));
  g_assert_nonnull (gtk_list_box_get_selected_row (suggestions));
  g_assert_true (press_key (get_widget (dialog, "payee_row"), GDK_KEY_Return));
  g_assert_false (gtk_widget_get_visible (popover));
  g_assert_false (outcome.destroyed);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (get_widget (dialog, "payee_row"))), ==,
                   "Employer");
  g_assert_cmpstr (chosen (dialog, "category_row"), ==, "Gifts");

  /* Without suggestions showing, the keys go on to the field. */
  g_assert_false (press_key (get_widget (dialog, "payee_row"), GDK_KEY_Down));

  toggle (dialog, "in_toggle");
  set_text (dialog, "amount_row", "3*4.99");

  /* Enter in the last field saves a valid form. */
  g_signal_emit_by_name (get_widget (dialog, "memo_row"), "entry-activated");
  iterate ();
  wait_for_flag (&outcome.destroyed);

  stored = get_transaction (fixture, outcome.saved_id);
  g_assert_cmpint (budg_transaction_get_amount_minor (stored), ==, 1497);
  g_assert_cmpint (budg_transaction_get_category_id (stored), ==, gifts);
  g_assert_cmpint (budg_transaction_get_status (stored), ==, BUDG_TRANSACTION_STATUS_PENDING);
}

static void
test_new_category (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(BudgAccount) checking = create_account (fixture, "Checking", "USD");
  g_autoptr(BudgTransaction) stored = NULL;
  g_autoptr(GError) error = NULL;
  Outcome outcome = { 0 };
  GtkWindow *category_dialog;
  AdwComboRow *category_row;
  BudgCategory *streaming;
  GtkWidget *dialog;
  guint n_items;

  create_category (fixture, "Rent");
  dialog = present (budg_transaction_dialog_new (fixture->context, NULL, 0), &outcome);
  category_row = ADW_COMBO_ROW (get_widget (dialog, "category_row"));
  n_items = g_list_model_get_n_items (adw_combo_row_get_model (category_row));
  g_assert_cmpuint (n_items, ==, 3);

  /* "New Category…" is last, and opens the category form. */
  adw_combo_row_set_selected (category_row, n_items - 1);
  g_assert_cmpstr (chosen (dialog, "category_row"), ==, "Uncategorized");
  category_dialog = wait_for_toplevel (g_type_from_name ("BudgCategoryDialog"));
  g_assert_true (gtk_window_get_transient_for (category_dialog) == GTK_WINDOW (dialog));

  gtk_editable_set_text (GTK_EDITABLE (get_widget (GTK_WIDGET (category_dialog), "name_row")),
                         "Streaming");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (category_dialog), "dialog.save", NULL));
  iterate ();

  /* The new category is chosen. */
  g_assert_cmpstr (chosen (dialog, "category_row"), ==, "Streaming");
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (category_row)), ==, 4);

  set_text (dialog, "amount_row", "9.99");
  click (dialog, "save_button");
  wait_for_flag (&outcome.destroyed);

  streaming = budg_category_store_find (budg_context_get_categories (fixture->context),
                                        "Streaming", &error);
  g_assert_no_error (error);
  stored = get_transaction (fixture, outcome.saved_id);
  g_assert_cmpint (budg_transaction_get_category_id (stored), ==,
                   budg_category_get_id (streaming));
  g_assert_cmpint (budg_transaction_get_amount_minor (stored), ==, -999);
  g_assert_null (budg_transaction_get_payee (stored));
}

static void
test_edit (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(BudgAccount) checking = create_account (fixture, "Checking", "USD");
  g_autoptr(BudgAccount) savings = create_account (fixture, "Savings", "USD");
  gint64 food = create_category (fixture, "Food");
  gint64 id = add_transaction (fixture, checking, "2026-02-03", -2000, "Bakery", food,
                               BUDG_TRANSACTION_STATUS_PENDING);
  g_autoptr(BudgTransaction) original = get_transaction (fixture, id);
  g_autoptr(BudgTransaction) stored = NULL;
  Outcome outcome = { 0 };
  GtkWidget *dialog;
  gint64 before = count_all (fixture);

  dialog = present (budg_transaction_dialog_new (fixture->context, original, 0), &outcome);

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Edit Transaction");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (get_widget (dialog, "payee_row"))), ==,
                   "Bakery");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (get_widget (dialog, "amount_row"))), ==,
                   "20.00");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (get_widget (dialog,
                                                                                "out_toggle"))));
  g_assert_cmpstr (chosen (dialog, "category_row"), ==, "Food");
  g_assert_cmpstr (chosen (dialog, "account_row"), ==, "Checking");
  /* Loading the form is no reason to suggest payees. */
  g_assert_false (gtk_widget_get_visible (get_nth_of_type (get_widget (dialog, "payee_row"),
                                                           GTK_TYPE_POPOVER, 0)));
  /* A transaction does not turn into a transfer. */
  g_assert_false (gtk_widget_get_sensitive (get_widget (dialog, "transfer_toggle")));
  g_assert_true (save_enabled (dialog));

  choose (dialog, "account_row", "Savings");
  toggle (dialog, "in_toggle");
  set_text (dialog, "amount_row", "25-1.5");
  choose (dialog, "category_row", "Uncategorized");
  set_text (dialog, "memo_row", "Refund");
  click (dialog, "save_button");
  wait_for_flag (&outcome.destroyed);

  g_assert_cmpint (outcome.saved_id, ==, id);
  g_assert_cmpint (count_all (fixture), ==, before);
  stored = get_transaction (fixture, id);
  g_assert_cmpint (budg_transaction_get_account_id (stored), ==, budg_account_get_id (savings));
  g_assert_cmpint (budg_transaction_get_amount_minor (stored), ==, 2350);
  g_assert_cmpint (budg_transaction_get_category_id (stored), ==, 0);
  g_assert_cmpstr (budg_transaction_get_memo (stored), ==, "Refund");
  g_assert_cmpstr (budg_transaction_get_payee (stored), ==, "Bakery");
  g_assert_cmpstr (budg_transaction_get_date (stored), ==, "2026-02-03");
}

static void
test_split (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(BudgAccount) checking = create_account (fixture, "Checking", "USD");
  gint64 groceries = create_category (fixture, "Food:Groceries");
  gint64 household = create_category (fixture, "Household");
  g_autoptr(BudgTransaction) stored = NULL;
  g_autoptr(GPtrArray) splits = NULL;
  g_autofree char *left = NULL;
  g_autofree char *too_much = NULL;
  g_autofree char *expected = NULL;
  Outcome outcome = { 0 };
  GtkWidget *dialog;
  BudgSplit *part;

  dialog = present (budg_transaction_dialog_new (fixture->context, NULL, 0), &outcome);

  set_text (dialog, "payee_row", "Corner Shop");
  choose (dialog, "category_row", "Food:Groceries");
  set_text (dialog, "amount_row", "30");
  g_assert_true (save_enabled (dialog));

  toggle (dialog, "split_toggle");
  g_assert_true (visible (dialog, "parts_list"));
  g_assert_false (visible (dialog, "category_row"));
  /* Two parts to start with, the first in the category chosen so far. */
  g_assert_cmpuint (n_parts (dialog), ==, 2);
  g_assert_cmpstr (gtk_string_object_get_string (gtk_drop_down_get_selected_item (GTK_DROP_DOWN (get_nth_of_type (get_part (dialog, 0), GTK_TYPE_DROP_DOWN, 0)))),
                   ==, "Food:Groceries");
  expected = money_text ("", 3000, " left to assign");
  g_assert_cmpstr (label_text (dialog, "split_total_label"), ==, expected);
  g_assert_false (save_enabled (dialog));

  /* The form says by how much the parts miss, both ways. */
  set_part (dialog, 0, NULL, "10");
  set_part (dialog, 1, "Household", "15");
  left = money_text ("", 500, " left to assign");
  g_assert_cmpstr (label_text (dialog, "split_total_label"), ==, left);
  g_assert_false (save_enabled (dialog));

  set_part (dialog, 1, NULL, "20+2");
  too_much = money_text ("", 200, " too much");
  g_assert_cmpstr (label_text (dialog, "split_total_label"), ==, too_much);
  g_assert_false (save_enabled (dialog));

  /* A part that is not an amount is named. */
  set_part (dialog, 1, NULL, "2,,0");
  g_assert_true (visible (dialog, "parts_error_label"));
  g_assert_nonnull (strstr (label_text (dialog, "parts_error_label"), "Part 2"));
  g_assert_false (save_enabled (dialog));

  /* A third part comes and goes; two are the least a split has. */
  g_assert_true (gtk_widget_activate_action (dialog, "dialog.add-part", NULL));
  iterate ();
  g_assert_cmpuint (n_parts (dialog), ==, 3);
  g_assert_true (gtk_widget_get_sensitive (find_button_with_icon (get_part (dialog, 0),
                                                                  "list-remove-symbolic")));
  g_signal_emit_by_name (find_button_with_icon (get_part (dialog, 2), "list-remove-symbolic"),
                         "clicked");
  iterate ();
  g_assert_cmpuint (n_parts (dialog), ==, 2);
  g_assert_false (gtk_widget_get_sensitive (find_button_with_icon (get_part (dialog, 0),
                                                                   "list-remove-symbolic")));

  set_part (dialog, 1, NULL, "20");
  g_clear_pointer (&expected, g_free);
  expected = money_text ("All of ", 3000, " is assigned");
  g_assert_cmpstr (label_text (dialog, "split_total_label"), ==, expected);
  g_assert_false (visible (dialog, "parts_error_label"));
  g_assert_true (save_enabled (dialog));

  click (dialog, "save_button");
  wait_for_flag (&outcome.destroyed);

  stored = get_transaction (fixture, outcome.saved_id);
  g_assert_cmpint (budg_transaction_get_amount_minor (stored), ==, -3000);
  g_assert_cmpint (budg_transaction_get_category_id (stored), ==, 0);
  g_assert_cmpstr (budg_transaction_get_payee (stored), ==, "Corner Shop");

  splits = get_splits (fixture, outcome.saved_id);
  g_assert_cmpuint (splits->len, ==, 2);
  part = g_ptr_array_index (splits, 0);
  g_assert_cmpint (part->category_id, ==, groceries);
  g_assert_cmpint (part->amount_minor, ==, -1000);
  part = g_ptr_array_index (splits, 1);
  g_assert_cmpint (part->category_id, ==, household);
  g_assert_cmpint (part->amount_minor, ==, -2000);
}

static void
test_split_edit (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(BudgAccount) checking = create_account (fixture, "Checking", "USD");
  gint64 groceries = create_category (fixture, "Food:Groceries");
  gint64 household = create_category (fixture, "Household");
  gint64 id = add_transaction (fixture, checking, "2026-03-01", -3000, "Corner Shop", 0,
                               BUDG_TRANSACTION_STATUS_PENDING);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func ((GDestroyNotify) budg_split_free);
  g_autoptr(BudgTransaction) original = NULL;
  g_autoptr(BudgTransaction) stored = NULL;
  g_autoptr(GPtrArray) splits = NULL;
  g_autoptr(GError) error = NULL;
  Outcome outcome = { 0 };
  GtkWidget *dialog;

  g_ptr_array_add (parts, budg_split_new (groceries, -1000, "Bread"));
  g_ptr_array_add (parts, budg_split_new (household, -2000, NULL));
  budg_transaction_store_set_splits (budg_context_get_transactions (fixture->context), id, parts,
                                     &error);
  g_assert_no_error (error);
  original = get_transaction (fixture, id);

  /* The parts come back as they were, and change with the amount. */
  dialog = present (budg_transaction_dialog_new (fixture->context, original, 0), &outcome);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (get_widget (dialog,
                                                                                "split_toggle"))));
  g_assert_cmpuint (n_parts (dialog), ==, 2);
  g_assert_cmpstr (get_part_amount (dialog, 0), ==, "10.00");
  g_assert_cmpstr (get_part_amount (dialog, 1), ==, "20.00");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (get_nth_of_type (get_part (dialog, 0),
                                                                         GTK_TYPE_ENTRY, 1))),
                   ==, "Bread");
  g_assert_true (save_enabled (dialog));

  set_text (dialog, "amount_row", "40");
  g_assert_false (save_enabled (dialog));
  set_part (dialog, 1, NULL, "30");
  g_assert_true (save_enabled (dialog));
  click (dialog, "save_button");
  wait_for_flag (&outcome.destroyed);

  stored = get_transaction (fixture, id);
  g_assert_cmpint (budg_transaction_get_amount_minor (stored), ==, -4000);
  splits = get_splits (fixture, id);
  g_assert_cmpuint (splits->len, ==, 2);
  g_assert_cmpint (((BudgSplit *) g_ptr_array_index (splits, 0))->amount_minor, ==, -1000);
  g_assert_cmpstr (((BudgSplit *) g_ptr_array_index (splits, 0))->memo, ==, "Bread");
  g_assert_cmpint (((BudgSplit *) g_ptr_array_index (splits, 1))->amount_minor, ==, -3000);
  g_assert_cmpint (((BudgSplit *) g_ptr_array_index (splits, 1))->category_id, ==, household);

  /* Back to a single category: the parts go. */
  g_clear_object (&stored);
  stored = get_transaction (fixture, id);
  outcome = (Outcome) { 0 };
  dialog = present (budg_transaction_dialog_new (fixture->context, stored, 0), &outcome);
  toggle (dialog, "single_toggle");
  choose (dialog, "category_row", "Household");
  click (dialog, "save_button");
  wait_for_flag (&outcome.destroyed);

  g_clear_object (&stored);
  stored = get_transaction (fixture, id);
  g_assert_cmpint (budg_transaction_get_category_id (stored), ==, household);
  g_assert_cmpint (budg_transaction_get_amount_minor (stored), ==, -4000);
  g_clear_pointer (&splits, g_ptr_array_unref);
  splits = get_splits (fixture, id);
  g_assert_cmpuint (splits->len, ==, 0);
}

static void
test_transfer (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(BudgAccount) checking = create_account (fixture, "Checking", "USD");
  g_autoptr(BudgAccount) savings = create_account (fixture, "Savings", "USD");
  g_autoptr(GPtrArray) from_rows = NULL;
  g_autoptr(GPtrArray) to_rows = NULL;
  BudgTransaction *from;
  BudgTransaction *to;
  Outcome outcome = { 0 };
  GtkWidget *dialog;

  dialog = present (budg_transaction_dialog_new (fixture->context, NULL,
                                                 budg_account_get_id (savings)),
                    &outcome);
  budg_transaction_dialog_set_mode (BUDG_TRANSACTION_DIALOG (dialog),
                                    BUDG_TRANSACTION_DIALOG_MODE_TRANSFER);
  iterate ();

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "New Transfer");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (get_widget (dialog,
                                                                                "transfer_toggle"))));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (get_widget (dialog, "account_row"))),
                   ==, "From");
  g_assert_false (visible (dialog, "payee_row"));
  g_assert_false (visible (dialog, "category_row"));
  g_assert_false (visible (dialog, "received_row"));
  g_assert_cmpstr (chosen (dialog, "account_row"), ==, "Savings");
  g_assert_cmpstr (chosen (dialog, "to_account_row"), ==, "Checking");

  set_text (dialog, "amount_row", "100");
  g_assert_true (save_enabled (dialog));

  /* A transfer needs two accounts. */
  choose (dialog, "to_account_row", "Savings");
  g_assert_false (save_enabled (dialog));
  g_assert_true (visible (dialog, "account_error_label"));
  choose (dialog, "to_account_row", "Checking");
  g_assert_false (visible (dialog, "account_error_label"));
  g_assert_true (save_enabled (dialog));

  set_text (dialog, "memo_row", "Rainy day fund back");
  click (dialog, "save_button");
  wait_for_flag (&outcome.destroyed);

  from_rows = list_transactions (fixture, savings);
  to_rows = list_transactions (fixture, checking);
  g_assert_cmpuint (from_rows->len, ==, 1);
  g_assert_cmpuint (to_rows->len, ==, 1);
  from = g_ptr_array_index (from_rows, 0);
  to = g_ptr_array_index (to_rows, 0);
  /* The default account is where the money came from. */
  g_assert_cmpint (outcome.saved_id, ==, budg_transaction_get_id (from));
  g_assert_cmpint (budg_transaction_get_amount_minor (from), ==, -10000);
  g_assert_cmpint (budg_transaction_get_amount_minor (to), ==, 10000);
  g_assert_cmpint (budg_transaction_get_transfer_id (from), ==, budg_transaction_get_id (to));
  g_assert_cmpint (budg_transaction_get_transfer_id (to), ==, budg_transaction_get_id (from));
  g_assert_cmpstr (budg_transaction_get_memo (to), ==, "Rainy day fund back");
  g_assert_cmpstr (budg_transaction_get_date (to), ==, budg_transaction_get_date (from));

  /* Editing the receiving side: the pair follows, and swapping the
   * accounts turns the money around.
   */
  outcome = (Outcome) { 0 };
  dialog = present (budg_transaction_dialog_new (fixture->context, to, 0), &outcome);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Edit Transfer");
  g_assert_false (gtk_widget_get_sensitive (get_widget (dialog, "single_toggle")));
  g_assert_cmpstr (chosen (dialog, "account_row"), ==, "Savings");
  g_assert_cmpstr (chosen (dialog, "to_account_row"), ==, "Checking");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (get_widget (dialog, "amount_row"))), ==,
                   "100.00");

  choose (dialog, "account_row", "Checking");
  choose (dialog, "to_account_row", "Savings");
  set_text (dialog, "amount_row", "60");
  click (dialog, "save_button");
  wait_for_flag (&outcome.destroyed);

  g_clear_pointer (&from_rows, g_ptr_array_unref);
  g_clear_pointer (&to_rows, g_ptr_array_unref);
  from_rows = list_transactions (fixture, checking);
  to_rows = list_transactions (fixture, savings);
  g_assert_cmpuint (from_rows->len, ==, 1);
  g_assert_cmpuint (to_rows->len, ==, 1);
  from = g_ptr_array_index (from_rows, 0);
  to = g_ptr_array_index (to_rows, 0);
  g_assert_cmpint (budg_transaction_get_amount_minor (from), ==, -6000);
  g_assert_cmpint (budg_transaction_get_amount_minor (to), ==, 6000);
  g_assert_cmpint (budg_transaction_get_transfer_id (from), ==, budg_transaction_get_id (to));
  g_assert_cmpint (budg_transaction_get_transfer_id (to), ==, budg_transaction_get_id (from));
}

static void
test_transfer_cross_currency (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(BudgAccount) checking = create_account (fixture, "Checking", "EUR");
  g_autoptr(BudgAccount) brokerage = create_account (fixture, "Brokerage", "USD");
  g_autoptr(GPtrArray) from_rows = NULL;
  g_autoptr(GPtrArray) to_rows = NULL;
  g_autofree char *hint = expected_hint (10823, "USD");
  BudgTransaction *from;
  BudgTransaction *to;
  Outcome outcome = { 0 };
  GtkWidget *dialog;

  dialog = present (budg_transaction_dialog_new (fixture->context, NULL,
                                                 budg_account_get_id (checking)),
                    &outcome);
  toggle (dialog, "transfer_toggle");
  choose (dialog, "to_account_row", "Brokerage");

  g_assert_true (visible (dialog, "received_row"));
  g_assert_true (visible (dialog, "rate_row"));
  set_text (dialog, "amount_row", "100");
  /* Both amounts are needed across currencies. */
  g_assert_false (save_enabled (dialog));

  set_text (dialog, "received_row", "100+8.23");
  g_assert_cmpstr (label_text (dialog, "received_hint_label"), ==, hint);
  g_assert_cmpstr (label_text (dialog, "rate_label"), ==, "1 EUR = 1.0823 USD");
  g_assert_true (save_enabled (dialog));

  click (dialog, "save_button");
  wait_for_flag (&outcome.destroyed);

  from_rows = list_transactions (fixture, checking);
  to_rows = list_transactions (fixture, brokerage);
  g_assert_cmpuint (from_rows->len, ==, 1);
  g_assert_cmpuint (to_rows->len, ==, 1);
  from = g_ptr_array_index (from_rows, 0);
  to = g_ptr_array_index (to_rows, 0);
  g_assert_cmpint (budg_transaction_get_amount_minor (from), ==, -10000);
  g_assert_cmpint (budg_transaction_get_amount_minor (to), ==, 10823);
  g_assert_cmpint (budg_transaction_get_transfer_id (from), ==, budg_transaction_get_id (to));
  g_assert_cmpint (budg_transaction_get_transfer_id (to), ==, budg_transaction_get_id (from));

  /* Each side keeps its own amount: changing what arrived leaves what left. */
  outcome = (Outcome) { 0 };
  dialog = present (budg_transaction_dialog_new (fixture->context, to, 0), &outcome);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (get_widget (dialog, "received_row"))), ==,
                   "108.23");
  set_text (dialog, "received_row", "110");
  g_assert_cmpstr (label_text (dialog, "rate_label"), ==, "1 EUR = 1.1000 USD");
  click (dialog, "save_button");
  wait_for_flag (&outcome.destroyed);

  g_assert_cmpint (outcome.saved_id, ==, budg_transaction_get_id (to));
  g_clear_pointer (&from_rows, g_ptr_array_unref);
  g_clear_pointer (&to_rows, g_ptr_array_unref);
  from_rows = list_transactions (fixture, checking);
  to_rows = list_transactions (fixture, brokerage);
  g_assert_cmpint (budg_transaction_get_amount_minor (g_ptr_array_index (from_rows, 0)), ==, -10000);
  g_assert_cmpint (budg_transaction_get_amount_minor (g_ptr_array_index (to_rows, 0)), ==, 11000);
}

static void
test_edit_reconciled (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(BudgAccount) checking = create_account (fixture, "Checking", "USD");
  gint64 id = add_transaction (fixture, checking, "2026-01-05", -4200, "Utility", 0,
                               BUDG_TRANSACTION_STATUS_RECONCILED);
  g_autoptr(BudgTransaction) original = get_transaction (fixture, id);
  g_autoptr(BudgTransaction) stored = NULL;
  AdwMessageDialog *question;
  Outcome outcome = { 0 };
  GtkWidget *dialog;

  dialog = present (budg_transaction_dialog_new (fixture->context, original, 0), &outcome);
  g_assert_cmpstr (chosen (dialog, "status_row"), ==, "Reconciled");
  set_text (dialog, "amount_row", "40");

  /* Declining changes nothing and keeps the form open. */
  click (dialog, "save_button");
  question = ADW_MESSAGE_DIALOG (wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_heading (question), ==, "Edit a Reconciled Transaction?");
  adw_message_dialog_response (question, BUDG_MESSAGE_DIALOG_RESPONSE_CANCEL);
  iterate ();
  g_assert_false (outcome.destroyed);
  g_clear_object (&stored);
  stored = get_transaction (fixture, id);
  g_assert_cmpint (budg_transaction_get_amount_minor (stored), ==, -4200);

  click (dialog, "save_button");
  question = ADW_MESSAGE_DIALOG (wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  adw_message_dialog_response (question, BUDG_MESSAGE_DIALOG_RESPONSE_CONFIRM);
  wait_for_flag (&outcome.destroyed);

  g_assert_cmpuint (outcome.n_saved, ==, 1);
  g_clear_object (&stored);
  stored = get_transaction (fixture, id);
  g_assert_cmpint (budg_transaction_get_amount_minor (stored), ==, -4000);
  g_assert_cmpint (budg_transaction_get_status (stored), ==, BUDG_TRANSACTION_STATUS_RECONCILED);
}

/* The reconcile window --------------------------------------------------- */

static GtkCheckButton *
get_tick (GtkWidget *dialog,
          guint      index)
{
  GtkListBox *list = GTK_LIST_BOX (get_widget (dialog, "transactions_list"));
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, index);

  g_assert_nonnull (row);

  return GTK_CHECK_BUTTON (get_nth_of_type (GTK_WIDGET (row), GTK_TYPE_CHECK_BUTTON, 0));
}

static guint
n_ticks (GtkWidget *dialog)
{
  GtkListBox *list = GTK_LIST_BOX (get_widget (dialog, "transactions_list"));
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;

  return n;
}

static void
set_tick (GtkWidget *dialog,
          guint      index,
          gboolean   active)
{
  gtk_check_button_set_active (get_tick (dialog, index), active);
  iterate ();
}

static BudgTransactionStatus
get_status (Fixture *fixture,
            gint64   id)
{
  g_autoptr(BudgTransaction) transaction = get_transaction (fixture, id);

  return budg_transaction_get_status (transaction);
}

/* The difference as the window should show it, worked out from the
 * statuses in the database: the statement balance minus the transactions
 * cleared or reconciled up to the date (there is no balance snapshot).
 */
static char *
reference_difference (Fixture     *fixture,
                      BudgAccount *account,
                      const char  *date,
                      gint64       statement)
{
  g_autoptr(GPtrArray) rows = list_transactions (fixture, account);
  gint64 cleared = 0;

  for (guint i = 0; i < rows->len; i++)
    {
      BudgTransaction *row = g_ptr_array_index (rows, i);

      if (strcmp (budg_transaction_get_date (row), date) <= 0 &&
          budg_transaction_get_status (row) != BUDG_TRANSACTION_STATUS_PENDING)
        cleared += budg_transaction_get_amount_minor (row);
    }

  return money (statement - cleared, budg_account_get_currency (account));
}

static void
test_reconcile (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(BudgAccount) checking = create_account (fixture, "Checking", "USD");
  g_autoptr(BudgAccount) other = create_account (fixture, "Other", "USD");
  gint64 earlier = add_transaction (fixture, checking, "2026-01-02", 5000, "Opening", 0,
                                    BUDG_TRANSACTION_STATUS_RECONCILED);
  gint64 groceries = add_transaction (fixture, checking, "2026-01-05", -2000, "Market", 0,
                                      BUDG_TRANSACTION_STATUS_PENDING);
  gint64 salary = add_transaction (fixture, checking, "2026-01-10", 10000, "Employer", 0,
                                   BUDG_TRANSACTION_STATUS_PENDING);
  gint64 cheque = add_transaction (fixture, checking, "2026-01-20", -500, "Cheque", 0,
                                   BUDG_TRANSACTION_STATUS_PENDING);
  gint64 later = add_transaction (fixture, checking, "2026-02-10", -700, "Later", 0,
                                  BUDG_TRANSACTION_STATUS_CLEARED);
  gint64 elsewhere = add_transaction (fixture, other, "2026-01-07", -300, "Elsewhere", 0,
                                      BUDG_TRANSACTION_STATUS_PENDING);
  /* On the statement: the earlier reconciled deposit, the groceries and the salary. */
  gint64 statement = 5000 - 2000 + 10000;
  g_autofree char *statement_text = money (statement, "USD");
  g_autofree char *zero = money (0, "USD");
  g_autofree char *difference = NULL;
  g_autofree char *last_date = NULL;
  g_autoptr(GError) error = NULL;
  Outcome outcome = { 0 };
  GtkWidget *dialog;
  gint64 last_balance = 0;

  dialog = present (budg_reconcile_dialog_new (fixture->context, budg_account_get_id (checking)),
                    &outcome);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Reconcile “Checking”");
  /* No snapshots, nothing to start from. */
  g_assert_false (visible (dialog, "snapshot_row"));
  g_assert_false (action_enabled (dialog, "continue_button"));

  budg_date_row_set_date (BUDG_DATE_ROW (get_widget (dialog, "date_row")), "2026-01-31");
  set_text (dialog, "balance_row", "12,,0");
  g_assert_true (visible (dialog, "balance_error_label"));
  g_assert_false (action_enabled (dialog, "continue_button"));
  set_text (dialog, "balance_row", "130");
  g_assert_false (visible (dialog, "balance_error_label"));

  click (dialog, "continue_button");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (get_widget (dialog, "stack"))), ==,
                   "transactions");
  g_assert_true (visible (dialog, "finish_button"));
  g_assert_false (visible (dialog, "continue_button"));

  /* Not yet reconciled, up to the statement date, this account only. */
  g_assert_cmpuint (n_ticks (dialog), ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_false (gtk_check_button_get_active (get_tick (dialog, i)));
  g_assert_cmpstr (label_text (dialog, "statement_label"), ==, statement_text);

  difference = reference_difference (fixture, checking, "2026-01-31", statement);
  g_assert_cmpstr (label_text (dialog, "difference_label"), ==, difference);
  g_assert_false (action_enabled (dialog, "finish_button"));

  /* Each tick is written at once and the difference follows it. */
  set_tick (dialog, 0, TRUE);
  g_assert_cmpint (get_status (fixture, groceries), ==, BUDG_TRANSACTION_STATUS_CLEARED);
  g_clear_pointer (&difference, g_free);
  difference = reference_difference (fixture, checking, "2026-01-31", statement);
  g_assert_cmpstr (label_text (dialog, "difference_label"), ==, difference);
  g_assert_false (action_enabled (dialog, "finish_button"));

  set_tick (dialog, 2, TRUE);
  set_tick (dialog, 1, TRUE);
  g_clear_pointer (&difference, g_free);
  difference = reference_difference (fixture, checking, "2026-01-31", statement);
  g_assert_cmpstr (label_text (dialog, "difference_label"), ==, difference);
  g_assert_false (action_enabled (dialog, "finish_button"));

  /* The cheque was not on the statement after all. */
  set_tick (dialog, 2, FALSE);
  g_assert_cmpint (get_status (fixture, cheque), ==, BUDG_TRANSACTION_STATUS_PENDING);
  g_clear_pointer (&difference, g_free);
  difference = reference_difference (fixture, checking, "2026-01-31", statement);
  g_assert_cmpstr (difference, ==, zero);
  g_assert_cmpstr (label_text (dialog, "difference_label"), ==, difference);
  g_assert_true (action_enabled (dialog, "finish_button"));

  click (dialog, "finish_button");
  wait_for_flag (&outcome.destroyed);

  g_assert_cmpuint (outcome.n_finished, ==, 1);
  g_assert_cmpuint (outcome.finished_count, ==, 2);
  g_assert_cmpint (get_status (fixture, earlier), ==, BUDG_TRANSACTION_STATUS_RECONCILED);
  g_assert_cmpint (get_status (fixture, groceries), ==, BUDG_TRANSACTION_STATUS_RECONCILED);
  g_assert_cmpint (get_status (fixture, salary), ==, BUDG_TRANSACTION_STATUS_RECONCILED);
  g_assert_cmpint (get_status (fixture, cheque), ==, BUDG_TRANSACTION_STATUS_PENDING);
  /* After the statement date, and in another account: untouched. */
  g_assert_cmpint (get_status (fixture, later), ==, BUDG_TRANSACTION_STATUS_CLEARED);
  g_assert_cmpint (get_status (fixture, elsewhere), ==, BUDG_TRANSACTION_STATUS_PENDING);

  g_assert_true (budg_reconcile_get_last (budg_context_get_database (fixture->context),
                                          budg_account_get_id (checking), &last_date,
                                          &last_balance, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (last_date, ==, "2026-01-31");
  g_assert_cmpint (last_balance, ==, statement);
}

static void
test_reconcile_snapshot_cancel (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(BudgAccount) checking = create_account (fixture, "Checking", "USD");
  gint64 first = add_transaction (fixture, checking, "2026-03-02", -1500, "Market", 0,
                                  BUDG_TRANSACTION_STATUS_PENDING);
  gint64 second = add_transaction (fixture, checking, "2026-03-04", -2500, "Garage", 0,
                                   BUDG_TRANSACTION_STATUS_CLEARED);
  g_autoptr(BudgBalanceSnapshot) older = NULL;
  g_autoptr(BudgBalanceSnapshot) snapshot = NULL;
  g_autofree char *last_date = NULL;
  g_autoptr(GError) error = NULL;
  Outcome outcome = { 0 };
  AdwComboRow *snapshot_row;
  GtkWidget *dialog;
  gint64 last_balance = 0;

  older = budg_balance_store_set (budg_context_get_balances (fixture->context),
                                  budg_account_get_id (checking), "2026-02-28", 10000, NULL,
                                  &error);
  g_assert_no_error (error);
  snapshot = budg_balance_store_set (budg_context_get_balances (fixture->context),
                                     budg_account_get_id (checking), "2026-03-31", 6000, NULL,
                                     &error);
  g_assert_no_error (error);

  dialog = present (budg_reconcile_dialog_new (fixture->context, budg_account_get_id (checking)),
                    &outcome);
  snapshot_row = ADW_COMBO_ROW (get_widget (dialog, "snapshot_row"));
  g_assert_true (visible (dialog, "snapshot_row"));
  /* "None", then the snapshots newest first. */
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (snapshot_row)), ==, 3);

  adw_combo_row_set_selected (snapshot_row, 1);
  iterate ();
  g_assert_cmpstr (budg_date_row_get_date (BUDG_DATE_ROW (get_widget (dialog, "date_row"))), ==,
                   "2026-03-31");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (get_widget (dialog, "balance_row"))), ==,
                   "60.00");
  click (dialog, "continue_button");

  g_assert_cmpuint (n_ticks (dialog), ==, 2);
  /* The cleared transaction shows ticked already. */
  g_assert_false (gtk_check_button_get_active (get_tick (dialog, 0)));
  g_assert_true (gtk_check_button_get_active (get_tick (dialog, 1)));

  set_tick (dialog, 0, TRUE);
  /* 100.00 before the period, less 15.00 and 25.00: it reconciles. */
  g_assert_true (action_enabled (dialog, "finish_button"));

  /* Closing keeps the ticks but reconciles nothing. */
  gtk_window_close (GTK_WINDOW (dialog));
  wait_for_flag (&outcome.destroyed);

  g_assert_cmpuint (outcome.n_finished, ==, 0);
  g_assert_cmpint (get_status (fixture, first), ==, BUDG_TRANSACTION_STATUS_CLEARED);
  g_assert_cmpint (get_status (fixture, second), ==, BUDG_TRANSACTION_STATUS_CLEARED);
  g_assert_true (budg_reconcile_get_last (budg_context_get_database (fixture->context),
                                          budg_account_get_id (checking), &last_date,
                                          &last_balance, &error));
  g_assert_no_error (error);
  g_assert_null (last_date);
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

  ADD_TEST ("/ui/transactions/add", test_add);
  ADD_TEST ("/ui/transactions/add-income-keeps-category", test_add_income_keeps_category);
  ADD_TEST ("/ui/transactions/new-category", test_new_category);
  ADD_TEST ("/ui/transactions/edit", test_edit);
  ADD_TEST ("/ui/transactions/split", test_split);
  ADD_TEST ("/ui/transactions/split-edit", test_split_edit);
  ADD_TEST ("/ui/transactions/transfer", test_transfer);
  ADD_TEST ("/ui/transactions/transfer-cross-currency", test_transfer_cross_currency);
  ADD_TEST ("/ui/transactions/edit-reconciled", test_edit_reconciled);
  ADD_TEST ("/ui/reconcile/finish", test_reconcile);
  ADD_TEST ("/ui/reconcile/snapshot-cancel", test_reconcile_snapshot_cancel);

#undef ADD_TEST

  return g_test_run ();
}
