/* test-ui-window.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-ui-window"

#include "config.h"

#include <glib/gstdio.h>
#include <adwaita.h>

#include "budg-account-dialog.h"
#include "budg-account-row.h"
#include "budg-balance-dialog.h"
#include "budg-categories-window.h"
#include "budg-context.h"
#include "budg-date.h"
#include "budg-ledger-view.h"
#include "budg-message-dialog.h"
#include "budg-money.h"
#include "budg-preferences-window.h"
#include "budg-resources.h"
#include "budg-sidebar.h"
#include "budg-window.h"

/* Every wait on the main loop is bounded, so that a broken window fails
 * the test instead of hanging the suite.
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
  char        *dir;
  char        *db_path;
  BudgContext *context;
  GSettings   *settings;
  BudgWindow  *window;
} Fixture;

typedef gboolean (*WidgetPredicate) (GtkWidget *widget,
                                     gconstpointer data);

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
is_account_row_for (GtkWidget     *widget,
                    gconstpointer  data)
{
  return BUDG_IS_ACCOUNT_ROW (widget) &&
         budg_account_row_get_account_id (BUDG_ACCOUNT_ROW (widget)) == *(const gint64 *) data;
}

static gboolean
is_label_with_text (GtkWidget     *widget,
                    gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), data) == 0;
}

static gboolean
is_status_page_titled (GtkWidget     *widget,
                       gconstpointer  data)
{
  return ADW_IS_STATUS_PAGE (widget) &&
         g_strcmp0 (adw_status_page_get_title (ADW_STATUS_PAGE (widget)), data) == 0;
}

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  data)
{
  const char *label;
  GString *plain;
  gboolean matches;

  if (!GTK_IS_BUTTON (widget) || !gtk_widget_get_mapped (widget))
    return FALSE;

  label = gtk_button_get_label (GTK_BUTTON (widget));
  if (label == NULL)
    return FALSE;

  /* Without the mnemonic underscores. */
  plain = g_string_new (label);
  g_string_replace (plain, "_", "", 0);
  matches = g_strcmp0 (plain->str, data) == 0;
  g_string_free (plain, TRUE);

  return matches;
}

static gboolean
is_type (GtkWidget     *widget,
         gconstpointer  data)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, *(const GType *) data);
}

static GtkWindow *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

static gboolean
is_combo_row_titled (GtkWidget     *widget,
                     gconstpointer  data)
{
  return ADW_IS_COMBO_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), data) == 0;
}

/* The visible window of @type transient for @parent, if any. */
static GtkWindow *
find_transient (GtkWindow *parent,
                GType      type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) &&
          gtk_widget_get_visible (GTK_WIDGET (window)) &&
          gtk_window_get_transient_for (window) == parent)
        return window;
    }

  return NULL;
}

static GtkWidget *
find_account_row (Fixture *fixture,
                  gint64   account_id)
{
  return find_widget (GTK_WIDGET (fixture->window), is_account_row_for, &account_id);
}

static GtkWidget *
find_status_page (Fixture    *fixture,
                  const char *title)
{
  return find_widget (GTK_WIDGET (fixture->window), is_status_page_titled, title);
}

static GtkWidget *
find_of_type (Fixture *fixture,
              GType    type)
{
  return find_widget (GTK_WIDGET (fixture->window), is_type, &type);
}

static gboolean
is_transactions_view (GtkWidget     *widget,
                      gconstpointer  data)
{
  /* The Bills view has a column view of its own. */
  return GTK_IS_COLUMN_VIEW (widget) && gtk_widget_get_ancestor (widget, BUDG_TYPE_LEDGER_VIEW) == NULL;
}

static GtkColumnView *
find_transactions_view (Fixture *fixture)
{
  return GTK_COLUMN_VIEW (find_widget (GTK_WIDGET (fixture->window), is_transactions_view, NULL));
}

static gboolean
widget_mapped (GtkWidget *widget)
{
  return widget != NULL && gtk_widget_get_mapped (widget);
}

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
fixture_open_window (Fixture *fixture)
{
  fixture->window = g_object_ref_sink (budg_window_new (NULL, fixture->context));
  gtk_window_present (GTK_WINDOW (fixture->window));

  SPIN_UNTIL (budg_window_get_ready (fixture->window));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("budg-ui-window-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db_path = g_build_filename (fixture->dir, "budg.db", NULL);

  fixture->context = budg_context_new (fixture->db_path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->context);

  /* The memory backend lives as long as the process, so each test starts
   * from the defaults again.
   */
  fixture->settings = budg_context_get_settings (fixture->context);
  g_assert_nonnull (fixture->settings);
  g_object_ref (fixture->settings);
  reset_settings (fixture->settings);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (fixture->window != NULL)
    {
      gtk_window_destroy (GTK_WINDOW (fixture->window));
      g_clear_object (&fixture->window);
    }

  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_clear_object (&fixture->settings);
  g_clear_object (&fixture->context);

  dir = g_dir_open (fixture->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (fixture->dir);

  g_clear_pointer (&fixture->db_path, g_free);
  g_clear_pointer (&fixture->dir, g_free);
}

static BudgAccount *
create_account (Fixture         *fixture,
                const char      *name,
                BudgAccountKind  kind,
                gint64           opening_minor)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *today = budg_date_today ();
  BudgAccount *account;

  account = budg_account_store_create (budg_context_get_accounts (fixture->context),
                                       name, kind, "USD", NULL,
                                       opening_minor != 0 ? today : NULL, opening_minor,
                                       &error);
  g_assert_no_error (error);
  g_assert_nonnull (account);

  return account;
}

static void
add_transaction (Fixture    *fixture,
                 gint64      account_id,
                 const char *date,
                 gint64      amount_minor,
                 const char *payee)
{
  g_autoptr(BudgTransaction) transaction = budg_transaction_new (account_id, date, amount_minor);
  g_autoptr(GError) error = NULL;

  budg_transaction_set_payee (transaction, payee);
  budg_transaction_store_add (budg_context_get_transactions (fixture->context), transaction, &error);
  g_assert_no_error (error);
}

static void
test_welcome (Fixture       *fixture,
              gconstpointer  user_data)
{
  GtkWidget *welcome;

  fixture_open_window (fixture);

  welcome = find_status_page (fixture, "Welcome to Budg");
  g_assert_nonnull (welcome);
  g_assert_true (gtk_widget_get_mapped (welcome));

  /* No accounts: the sidebar is not shown at all. */
  g_assert_false (widget_mapped (find_of_type (fixture, BUDG_TYPE_SIDEBAR)));
}

static void
test_sidebar_lists_new_account (Fixture       *fixture,
                                gconstpointer  user_data)
{
  g_autofree char *balance_text = NULL;
  BudgAccount *account;
  GtkWidget *row;
  gint64 id;

  fixture_open_window (fixture);

  account = create_account (fixture, "Everyday", BUDG_ACCOUNT_KIND_CHECKING, -123456);
  id = budg_account_get_id (account);

  SPIN_UNTIL (widget_mapped (find_account_row (fixture, id)));

  /* The welcome page gave way to the sidebar. */
  SPIN_UNTIL (!widget_mapped (find_status_page (fixture, "Welcome to Budg")));

  row = find_account_row (fixture, id);
  g_assert_nonnull (find_widget (row, is_label_with_text, "Everyday"));

  /* Negative, in words and not only in colour. */
  balance_text = budg_money_format (-123456, "USD");
  g_assert_true (strchr (balance_text, '-') != NULL || strstr (balance_text, "−") != NULL);
  g_assert_nonnull (find_widget (row, is_label_with_text, balance_text));

  /* The kind heads its group. */
  g_assert_nonnull (gtk_list_box_row_get_header (GTK_LIST_BOX_ROW (row)));
}

static void
test_sidebar_selection (Fixture       *fixture,
                        gconstpointer  user_data)
{
  BudgSidebar *sidebar;
  GtkWidget *row;
  gint64 first_id;
  gint64 second_id;

  first_id = budg_account_get_id (create_account (fixture, "Everyday", BUDG_ACCOUNT_KIND_CHECKING, 1000));
  second_id = budg_account_get_id (create_account (fixture, "Rainy Day", BUDG_ACCOUNT_KIND_SAVINGS, 5000));
  g_assert_cmpint (first_id, !=, second_id);

  fixture_open_window (fixture);

  sidebar = BUDG_SIDEBAR (find_of_type (fixture, BUDG_TYPE_SIDEBAR));
  g_assert_nonnull (sidebar);
  g_assert_cmpint (budg_sidebar_get_selected_account_id (sidebar), ==, 0);

  row = find_account_row (fixture, second_id);
  g_assert_nonnull (row);
  gtk_list_box_select_row (GTK_LIST_BOX (gtk_widget_get_parent (row)), GTK_LIST_BOX_ROW (row));

  g_assert_cmpint (budg_sidebar_get_selected_account_id (sidebar), ==, second_id);
  g_assert_cmpint (g_settings_get_int64 (fixture->settings, "last-account-id"), ==, second_id);

  /* The row's menu, as the Menu key opens it. */
  budg_account_row_popup_menu (BUDG_ACCOUNT_ROW (row));
  SPIN_UNTIL (widget_mapped (find_widget (row, is_type, (GType[]) { GTK_TYPE_POPOVER_MENU })));
}

static void
test_actions_open_windows (Fixture       *fixture,
                           gconstpointer  user_data)
{
  static const struct {
    const char *action;
    gboolean    with_account;
  } actions[] = {
    { "win.add-account", FALSE },
    { "win.edit-account", TRUE },
    { "win.record-balance", TRUE },
    { "win.manage-categories", FALSE },
  };
  GType types[] = {
    BUDG_TYPE_ACCOUNT_DIALOG,
    BUDG_TYPE_ACCOUNT_DIALOG,
    BUDG_TYPE_BALANCE_DIALOG,
    BUDG_TYPE_CATEGORIES_WINDOW,
  };
  gint64 id;

  id = budg_account_get_id (create_account (fixture, "Everyday", BUDG_ACCOUNT_KIND_CHECKING, 1000));
  fixture_open_window (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      GtkWindow *window;

      g_test_message ("Activating %s", actions[i].action);

      if (actions[i].with_account)
        g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window),
                                                   actions[i].action, "x", id));
      else
        g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window),
                                                   actions[i].action, NULL));

      SPIN_UNTIL ((window = find_transient (GTK_WINDOW (fixture->window), types[i])) != NULL);
      gtk_window_destroy (window);
      SPIN_UNTIL (find_transient (GTK_WINDOW (fixture->window), types[i]) == NULL);
    }
}

static void
test_toggle_sidebar (Fixture       *fixture,
                     gconstpointer  user_data)
{
  GtkWidget *sidebar;

  create_account (fixture, "Everyday", BUDG_ACCOUNT_KIND_CHECKING, 1000);
  fixture_open_window (fixture);

  sidebar = find_of_type (fixture, BUDG_TYPE_SIDEBAR);
  g_assert_true (widget_mapped (sidebar));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.toggle-sidebar", NULL));
  SPIN_UNTIL (!widget_mapped (sidebar));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.toggle-sidebar", NULL));
  SPIN_UNTIL (widget_mapped (sidebar));
}

static void
test_preferences (Fixture       *fixture,
                  gconstpointer  user_data)
{
  GtkWidget *preferences = budg_preferences_window_new (fixture->context);
  g_autofree char *first_day = NULL;
  AdwComboRow *currency_row;
  AdwComboRow *first_day_row;
  AdwComboRow *sync_row;
  GtkStringObject *item;

  gtk_window_present (GTK_WINDOW (preferences));

  currency_row = ADW_COMBO_ROW (find_widget (preferences, is_combo_row_titled, "Default _currency"));
  first_day_row = ADW_COMBO_ROW (find_widget (preferences, is_combo_row_titled, "_First day of the week"));
  g_assert_nonnull (currency_row);
  g_assert_nonnull (first_day_row);

  /* Settings to widgets… */
  g_settings_set_string (fixture->settings, "default-currency", "EUR");
  item = adw_combo_row_get_selected_item (currency_row);
  g_assert_true (g_str_has_prefix (gtk_string_object_get_string (item), "EUR"));

  /* …and widgets to settings. */
  adw_combo_row_set_selected (first_day_row, 1);
  first_day = g_settings_get_string (fixture->settings, "first-day-of-week");
  g_assert_cmpstr (first_day, ==, "monday");

  /* Minutes between bank syncs, as a few choices; a value set elsewhere
   * shows as the nearest one. */
  sync_row = ADW_COMBO_ROW (find_widget (preferences, is_combo_row_titled, "_Sync every"));
  g_assert_nonnull (sync_row);
  g_assert_cmpuint (adw_combo_row_get_selected (sync_row), ==, 2);
  g_settings_set_uint (fixture->settings, "bank-sync-interval", 700);
  g_assert_cmpuint (adw_combo_row_get_selected (sync_row), ==, 3);
  adw_combo_row_set_selected (sync_row, 0);
  g_assert_cmpuint (g_settings_get_uint (fixture->settings, "bank-sync-interval"), ==, 0);
  adw_combo_row_set_selected (sync_row, 4);
  g_assert_cmpuint (g_settings_get_uint (fixture->settings, "bank-sync-interval"), ==, 1440);

  gtk_window_destroy (GTK_WINDOW (preferences));
}

static void
test_help_overlay (void)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_BASE "/gtk/help-overlay.ui");
  GObject *overlay = gtk_builder_get_object (builder, "help_overlay");
  g_autoptr(GSList) objects = gtk_builder_get_objects (builder);
  guint n_shortcuts = 0;

  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));

  /* Every accelerator listed is one GTK understands. */
  for (GSList *l = objects; l != NULL; l = l->next)
    {
      g_autofree char *accelerators = NULL;
      g_auto(GStrv) parts = NULL;

      if (!GTK_IS_SHORTCUTS_SHORTCUT (l->data))
        continue;

      g_object_get (l->data, "accelerator", &accelerators, NULL);
      parts = g_strsplit (accelerators, " ", -1);
      for (guint i = 0; parts[i] != NULL; i++)
        {
          guint key = 0;
          GdkModifierType mods = 0;

          g_assert_true (gtk_accelerator_parse (parts[i], &key, &mods));
          g_assert_cmpuint (key, !=, 0);
        }
      n_shortcuts++;
    }

  g_assert_cmpuint (n_shortcuts, >=, 15);

  gtk_window_destroy (GTK_WINDOW (overlay));
}

static void
test_sidebar_restores_selection (Fixture       *fixture,
                                 gconstpointer  user_data)
{
  BudgSidebar *sidebar;
  gint64 id;

  create_account (fixture, "Everyday", BUDG_ACCOUNT_KIND_CHECKING, 1000);
  id = budg_account_get_id (create_account (fixture, "Visa", BUDG_ACCOUNT_KIND_CREDIT_CARD, -2000));
  g_settings_set_int64 (fixture->settings, "last-account-id", id);

  fixture_open_window (fixture);

  sidebar = BUDG_SIDEBAR (find_of_type (fixture, BUDG_TYPE_SIDEBAR));
  g_assert_cmpint (budg_sidebar_get_selected_account_id (sidebar), ==, id);
  g_assert_true (gtk_list_box_row_is_selected (GTK_LIST_BOX_ROW (find_account_row (fixture, id))));
}

static void
test_delete_and_undo (Fixture       *fixture,
                      gconstpointer  user_data)
{
  BudgAccountStore *store = budg_context_get_accounts (fixture->context);
  GtkWidget *undo;
  gint64 id;

  create_account (fixture, "Everyday", BUDG_ACCOUNT_KIND_CHECKING, 1000);
  id = budg_account_get_id (create_account (fixture, "Wallet", BUDG_ACCOUNT_KIND_CASH, 4000));

  fixture_open_window (fixture);
  g_assert_nonnull (find_account_row (fixture, id));

  /* No transactions: deleted at once, with an Undo in a toast. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window),
                                             "win.delete-account", "x", id));
  g_assert_null (budg_account_store_lookup (store, id));
  SPIN_UNTIL (find_account_row (fixture, id) == NULL);

  SPIN_UNTIL ((undo = find_widget (GTK_WIDGET (fixture->window), is_button_labelled, "Undo")) != NULL);
  g_signal_emit_by_name (undo, "clicked");

  g_assert_nonnull (budg_account_store_lookup (store, id));
  g_assert_cmpint (budg_account_get_balance_minor (budg_account_store_lookup (store, id)), ==, 4000);
  SPIN_UNTIL (widget_mapped (find_account_row (fixture, id)));
}

static void
test_delete_with_transactions_asks (Fixture       *fixture,
                                    gconstpointer  user_data)
{
  BudgAccountStore *store = budg_context_get_accounts (fixture->context);
  g_autofree char *today = budg_date_today ();
  BudgTransactionQuery query = { 0 };
  GtkWindow *dialog = NULL;
  gint64 id;

  id = budg_account_get_id (create_account (fixture, "Everyday", BUDG_ACCOUNT_KIND_CHECKING, 1000));
  add_transaction (fixture, id, today, -250, "Corner Grocery");

  fixture_open_window (fixture);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window),
                                             "win.delete-account", "x", id));

  /* Nothing is deleted before the user answers. */
  g_assert_nonnull (budg_account_store_lookup (store, id));

  SPIN_UNTIL ((dialog = find_message_dialog ()) != NULL);

  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (fixture->window));

  /* Closing the dialog is answering no. */
  gtk_window_close (dialog);
  SPIN_UNTIL (find_message_dialog () == NULL);
  for (int i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_nonnull (budg_account_store_lookup (store, id));

  /* Asked again and confirmed, the account goes with its transactions. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window),
                                             "win.delete-account", "x", id));
  SPIN_UNTIL ((dialog = find_message_dialog ()) != NULL);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), BUDG_MESSAGE_DIALOG_RESPONSE_CONFIRM);

  SPIN_UNTIL (budg_account_store_lookup (store, id) == NULL);
  query.account_id = id;
  g_assert_cmpint (budg_transaction_store_count (budg_context_get_transactions (fixture->context),
                                                 &query, NULL), ==, 0);
  SPIN_UNTIL (find_account_row (fixture, id) == NULL);
}

static void
test_archive_and_undo (Fixture       *fixture,
                       gconstpointer  user_data)
{
  BudgAccountStore *store = budg_context_get_accounts (fixture->context);
  BudgSidebar *sidebar;
  GtkWidget *undo;
  gint64 id;

  id = budg_account_get_id (create_account (fixture, "Old Savings", BUDG_ACCOUNT_KIND_SAVINGS, 0));
  create_account (fixture, "Everyday", BUDG_ACCOUNT_KIND_CHECKING, 1000);

  fixture_open_window (fixture);
  sidebar = BUDG_SIDEBAR (find_of_type (fixture, BUDG_TYPE_SIDEBAR));
  budg_sidebar_set_selected_account_id (sidebar, id);

  /* The keyboard shortcut's form: 0 is the selected account. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window),
                                             "win.archive-account", "x", G_GINT64_CONSTANT (0)));
  g_assert_true (budg_account_get_archived (budg_account_store_lookup (store, id)));

  /* Archived accounts hide behind their toggle row; the selection falls
   * back to all accounts.
   */
  SPIN_UNTIL (find_account_row (fixture, id) == NULL);
  g_assert_cmpint (budg_sidebar_get_selected_account_id (sidebar), ==, 0);
  budg_sidebar_set_show_archived (sidebar, TRUE);
  g_assert_nonnull (find_account_row (fixture, id));

  SPIN_UNTIL ((undo = find_widget (GTK_WIDGET (fixture->window), is_button_labelled, "Undo")) != NULL);
  g_signal_emit_by_name (undo, "clicked");
  g_assert_false (budg_account_get_archived (budg_account_store_lookup (store, id)));
}

static void
test_transactions_view (Fixture       *fixture,
                        gconstpointer  user_data)
{
  GtkColumnView *view;
  GtkSelectionModel *model;
  g_autofree char *last_view = NULL;
  g_autoptr(BudgTransaction) first = NULL;
  BudgSidebar *sidebar;
  gint64 id;
  gint64 other_id;

  id = budg_account_get_id (create_account (fixture, "Everyday", BUDG_ACCOUNT_KIND_CHECKING, 1000));
  other_id = budg_account_get_id (create_account (fixture, "Wallet", BUDG_ACCOUNT_KIND_CASH, 0));
  add_transaction (fixture, id, "2026-01-02", -100, "Older");
  add_transaction (fixture, id, "2026-01-05", -200, "Newer");
  add_transaction (fixture, id, "2026-01-03", 300, "Middle");

  fixture_open_window (fixture);
  sidebar = BUDG_SIDEBAR (find_of_type (fixture, BUDG_TYPE_SIDEBAR));
  budg_sidebar_set_selected_account_id (sidebar, id);

  budg_window_set_view (fixture->window, "transactions");
  last_view = g_settings_get_string (fixture->settings, "last-view");
  g_assert_cmpstr (last_view, ==, "transactions");

  view = find_transactions_view (fixture);
  g_assert_nonnull (view);
  SPIN_UNTIL (widget_mapped (GTK_WIDGET (view)) && gtk_column_view_get_model (view) != NULL);

  model = gtk_column_view_get_model (view);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 3);

  /* Newest first. */
  first = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_cmpstr (budg_transaction_get_payee (first), ==, "Newer");

  /* An account without transactions says so. */
  budg_sidebar_set_selected_account_id (sidebar, other_id);
  SPIN_UNTIL (widget_mapped (find_status_page (fixture, "No Transactions")));
}

static void
test_transactions_all_rows (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(BudgTransaction) newest = NULL;
  g_autoptr(BudgTransaction) oldest = NULL;
  GtkColumnView *view;
  GListModel *model;
  gint64 id;

  id = budg_account_get_id (create_account (fixture, "Everyday", BUDG_ACCOUNT_KIND_CHECKING, 0));

  /* 510 transactions, one a day from 2024-01-01. */
  for (int i = 0; i < 510; i++)
    {
      g_autofree char *date = budg_date_add_days ("2024-01-01", i);
      g_autofree char *payee = g_strdup_printf ("Payee %03d", i);

      add_transaction (fixture, id, date, -(i + 1), payee);
    }

  g_settings_set_string (fixture->settings, "last-view", "transactions");
  fixture_open_window (fixture);

  view = find_transactions_view (fixture);
  SPIN_UNTIL (gtk_column_view_get_model (view) != NULL);

  /* The register pages rows from the database: all of them are there,
   * newest first. */
  model = G_LIST_MODEL (gtk_column_view_get_model (view));
  SPIN_UNTIL (g_list_model_get_n_items (model) == 510);

  newest = g_list_model_get_item (model, 0);
  oldest = g_list_model_get_item (model, 509);
  g_assert_cmpstr (budg_transaction_get_payee (newest), ==, "Payee 509");
  g_assert_cmpstr (budg_transaction_get_payee (oldest), ==, "Payee 000");
}

static void
test_window_size_saved (Fixture       *fixture,
                        gconstpointer  user_data)
{
  int initial_width;

  create_account (fixture, "Everyday", BUDG_ACCOUNT_KIND_CHECKING, 1000);

  g_settings_set_int (fixture->settings, "window-width", 900);
  g_settings_set_int (fixture->settings, "window-height", 640);

  fixture_open_window (fixture);
  initial_width = gtk_widget_get_width (GTK_WIDGET (fixture->window));
  g_assert_cmpint (initial_width, >, 800);
  g_assert_cmpint (initial_width, <=, 900);

  /* What a user resizing the window does, as far as GTK is concerned. */
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 720, 610);
  SPIN_UNTIL (gtk_widget_get_width (GTK_WIDGET (fixture->window)) < initial_width);

  gtk_window_close (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->window);

  g_assert_cmpint (g_settings_get_int (fixture->settings, "window-width"), ==, 720);
  g_assert_cmpint (g_settings_get_int (fixture->settings, "window-height"), ==, 610);
  g_assert_false (g_settings_get_boolean (fixture->settings, "window-maximized"));
}

static void
test_narrow_window (Fixture       *fixture,
                    gconstpointer  user_data)
{
  AdwViewSwitcherBar *bar;
  AdwLeaflet *leaflet;

  create_account (fixture, "Everyday", BUDG_ACCOUNT_KIND_CHECKING, 1000);
  g_settings_set_int (fixture->settings, "window-width", 360);
  g_settings_set_int (fixture->settings, "window-height", 640);

  fixture_open_window (fixture);

  bar = ADW_VIEW_SWITCHER_BAR (find_of_type (fixture, ADW_TYPE_VIEW_SWITCHER_BAR));
  leaflet = ADW_LEAFLET (find_of_type (fixture, ADW_TYPE_LEAFLET));
  g_assert_nonnull (bar);
  g_assert_nonnull (leaflet);

  SPIN_UNTIL (adw_view_switcher_bar_get_reveal (bar));
  g_assert_true (adw_leaflet_get_folded (leaflet));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->window)), <=, 360);

  /* The accounts are one step back, and come back again with F9's action. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.toggle-sidebar", NULL));
  SPIN_UNTIL (widget_mapped (find_of_type (fixture, BUDG_TYPE_SIDEBAR)));

  /* Wide again: the switcher goes back to the header bar. */
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1200, 700);
  SPIN_UNTIL (!adw_view_switcher_bar_get_reveal (bar));
  g_assert_false (adw_leaflet_get_folded (leaflet));
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

  ADD ("/ui/window/welcome", test_welcome);
  ADD ("/ui/window/sidebar/lists-new-account", test_sidebar_lists_new_account);
  ADD ("/ui/window/sidebar/selection", test_sidebar_selection);
  ADD ("/ui/window/sidebar/restores-selection", test_sidebar_restores_selection);
  ADD ("/ui/window/account/delete-undo", test_delete_and_undo);
  ADD ("/ui/window/account/delete-with-transactions-asks", test_delete_with_transactions_asks);
  ADD ("/ui/window/account/archive-undo", test_archive_and_undo);
  ADD ("/ui/window/transactions/view", test_transactions_view);
  ADD ("/ui/window/transactions/all-rows", test_transactions_all_rows);
  ADD ("/ui/window/settings/size-saved", test_window_size_saved);
  ADD ("/ui/window/narrow", test_narrow_window);
  ADD ("/ui/window/toggle-sidebar", test_toggle_sidebar);
  ADD ("/ui/window/actions/open-windows", test_actions_open_windows);
  ADD ("/ui/window/preferences", test_preferences);
  g_test_add_func ("/ui/window/help-overlay", test_help_overlay);

#undef ADD

  return g_test_run ();
}
