/* test-ui-bank.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Bank connections under Xvfb, with a real GNOME Keyring on a private
 * D-Bus session and the scripted local Plaid: the keys saved from the
 * window into the keyring; Link a Bank following the session in the
 * "Connecting to your bank…" dialog (no browser here: the address shows
 * instead), mapping the bank's account to an existing Budg account, the
 * first sync; the connection listed; Cancel while waiting; Unlink after
 * the confirmation, ending the item at Plaid.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "budg-account-store.h"
#include "budg-account.h"
#include "budg-bank-banner.h"
#include "budg-bank-connections-window.h"
#include "budg-bank-link-dialog.h"
#include "budg-error.h"
#include "budg-plaid-keyring.h"
#include "budg-plaid-store.h"
#include "budg-resources.h"
#include "../plaid-mock.h"
#include "ui-test-util.h"

#define WAIT_TIMEOUT_US (30 * G_USEC_PER_SEC)
#define PLAID_ACCOUNT "d1rVJdbe1jCE9jE81wlduPlQQejKXeCJnDzyw"
#define TOKEN "access-sandbox-ui-test-0000"

typedef struct
{
  char        *dir;
  BudgContext *context;
  PlaidMock   *mock;
  GtkWidget   *window;
  gint64       amex;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("budg-test-ui-bank-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "budg.sqlite", NULL);
  fixture->context = budg_context_new (path, &error);
  g_assert_no_error (error);
  fixture->amex = budg_account_get_id (budg_account_store_create (budg_context_get_accounts (fixture->context),
                                                                  "Plaid Credit Card", BUDG_ACCOUNT_KIND_CREDIT_CARD,
                                                                  "USD", NULL, NULL, 0, &error));
  g_assert_no_error (error);

  fixture->mock = plaid_mock_new ();
  g_setenv ("BUDG_PLAID_BASE_URL", plaid_mock_get_url (fixture->mock), TRUE);

  fixture->window = g_object_ref_sink (budg_bank_connections_window_new (fixture->context));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 560, 720);
  gtk_window_present (GTK_WINDOW (fixture->window));
  iterate ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->window);
  iterate ();
  plaid_mock_free (fixture->mock);
  g_clear_object (&fixture->context);
  {
    g_autofree char *db = g_build_filename (fixture->dir, "budg.sqlite", NULL);
    g_autofree char *wal = g_strconcat (db, "-wal", NULL);
    g_autofree char *shm = g_strconcat (db, "-shm", NULL);

    g_unlink (db);
    g_unlink (wal);
    g_unlink (shm);
  }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

typedef gboolean (*Condition) (gpointer data);

static void
wait_until (Condition   condition,
            gpointer    data,
            const char *what)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_TIMEOUT_US;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out waiting for %s", what);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
  iterate ();
}

static gint64
query_int (Fixture    *fixture,
           const char *sql)
{
  sqlite3 *db = budg_database_get_handle (budg_context_get_database (fixture->context));
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

static gboolean
label_contains (gpointer data)
{
  GtkLabel *label = ((gpointer *) data)[0];
  const char *text = ((gpointer *) data)[1];

  return gtk_widget_get_visible (GTK_WIDGET (label)) && strstr (gtk_label_get_label (label), text) != NULL;
}

static void
wait_for_label (GtkWidget  *label,
                const char *text)
{
  gpointer data[] = { label, (gpointer) text };

  wait_until (label_contains, data, text);
}

static gboolean
editable_empty (gpointer data)
{
  return gtk_editable_get_text (GTK_EDITABLE (data))[0] == '\0';
}

static void
save_keys (Fixture *fixture)
{
  GtkWidget *client_id = get_widget (fixture->window, "client_id_row");
  GtkWidget *secret = get_widget (fixture->window, "secret_row");
  GtkWidget *save = get_widget (fixture->window, "save_button");

  /* "No keys saved…" at first; "Keys saved…" when an earlier test saved them. */
  wait_for_label (get_widget (fixture->window, "keys_label"), "eys saved");
  g_assert_false (gtk_widget_get_sensitive (save));
  gtk_editable_set_text (GTK_EDITABLE (client_id), "client-ui");
  gtk_editable_set_text (GTK_EDITABLE (secret), "secret-ui-0000");
  g_assert_true (gtk_widget_get_sensitive (save));
  gtk_widget_activate (save);
  /* Saved, the secret leaves the form. */
  wait_until (editable_empty, secret, "the keys to be saved");
  wait_for_label (get_widget (fixture->window, "keys_label"), "Keys saved in the keyring.");
}

static GtkWidget *
find_link_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (BUDG_IS_BANK_LINK_DIALOG (window) && gtk_widget_get_visible (window))
        return window;
    }

  return NULL;
}

static gboolean
dialog_open (gpointer data)
{
  return find_link_dialog () != NULL;
}

static gboolean
dialog_closed (gpointer data)
{
  return find_link_dialog () == NULL;
}

static gboolean
on_page (gpointer data)
{
  GtkWidget *dialog = find_link_dialog ();
  const char *page = data;

  return dialog != NULL &&
         g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (get_widget (dialog, "stack"))), page) == 0;
}

/* The session's start: the token, and "still in the browser" until
 * queue_finished() says the user is done. */
static void
queue_waiting (Fixture *fixture)
{
  plaid_mock_queue (fixture->mock, "/link/token/create", 200,
                    "{\"expiration\":\"2099-01-01T00:00:00Z\",\"hosted_link_url\":"
                    "\"https://secure.plaid.com/link/ui-test\",\"link_token\":\"link-sandbox-ui\",\"request_id\":\"r\"}");
  plaid_mock_queue (fixture->mock, "/link/token/get", 200, "{\"link_sessions\":[],\"request_id\":\"r\"}");
}

static void
queue_finished (Fixture *fixture)
{
  g_autofree char *finished = NULL;
  g_autofree char *path = g_build_filename (g_getenv ("BUDG_TEST_DATA"), "plaid",
                                            "link_token_get.hosted_link.docs.json", NULL);
  g_autofree char *accounts = plaid_mock_accounts (PLAID_ACCOUNT, "Plaid Credit Card", -410.5);
  const MockTransaction added[] = {
    { "t-ui-1", PLAID_ACCOUNT, 12.5, "2026-11-10", "UBER", "Uber", FALSE, NULL, "TRANSPORTATION", NULL },
    { "t-ui-2", PLAID_ACCOUNT, 40.0, "2026-11-12", "SPARKFUN", NULL, FALSE, NULL, NULL, NULL },
  };
  g_autofree char *page = plaid_mock_sync_page (added, 2, NULL, 0, NULL, "cursor-ui", FALSE, FALSE);
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &finished, NULL, &error);
  g_assert_no_error (error);

  plaid_mock_queue (fixture->mock, "/item/public_token/exchange", 200,
                    "{\"access_token\":\"" TOKEN "\",\"item_id\":\"item-ui\",\"request_id\":\"r\"}");
  plaid_mock_queue (fixture->mock, "/accounts/get", 200, accounts);
  plaid_mock_queue (fixture->mock, "/transactions/sync", 200, page);
  /* Last: the poll that sees it may come at once. */
  plaid_mock_queue (fixture->mock, "/link/token/get", 200, finished);
}

static gboolean
message_dialog_open (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window))
        return TRUE;
    }

  return FALSE;
}

static gboolean
has_rows (gpointer data)
{
  return gtk_widget_get_first_child (data) != NULL && gtk_widget_get_visible (data);
}

static gboolean
has_no_rows (gpointer data)
{
  return gtk_widget_get_first_child (data) == NULL;
}

static void
test_link_and_unlink (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *client_id = NULL;
  g_autofree char *secret = NULL;
  g_autofree char *token = NULL;
  GtkWidget *list = get_widget (fixture->window, "connections_list");
  GtkWidget *dialog;
  GtkWidget *row;
  AdwMessageDialog *confirm = NULL;

  save_keys (fixture);
  g_assert_true (budg_plaid_keyring_lookup_keys (BUDG_PLAID_SANDBOX, &client_id, &secret, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (client_id, ==, "client-ui");
  g_assert_cmpstr (secret, ==, "secret-ui-0000");
  g_assert_false (gtk_widget_get_visible (list));
  save_pngs (fixture->window, "bank-connections-empty");

  queue_waiting (fixture);
  gtk_widget_activate (get_widget (fixture->window, "link_button"));
  wait_until (dialog_open, NULL, "the link dialog");
  dialog = find_link_dialog ();
  g_assert_true (on_page ((gpointer) "waiting"));
  gtk_window_set_default_size (GTK_WINDOW (dialog), 480, 560);
  /* No browser under the test: the address shows, to open by hand. */
  wait_for_label (get_widget (dialog, "address_label"), "https://secure.plaid.com/link/ui-test");
  save_pngs (dialog, "bank-link-waiting");
  g_assert_true (on_page ((gpointer) "waiting"));

  queue_finished (fixture);
  wait_until (on_page, (gpointer) "accounts", "the accounts page");
  g_assert_cmpuint (plaid_mock_count (fixture->mock, "/link/token/get"), >=, 2);
  {
    /* The bank's account was proposed for the Budg account of its name. */
    GtkWidget *group = get_widget (dialog, "accounts_group");
    AdwComboRow *combo = NULL;
    GtkWidget *child;

    for (child = gtk_widget_get_first_child (group); child != NULL && combo == NULL; )
      {
        /* Walk down to the first combo row. */
        if (ADW_IS_COMBO_ROW (child))
          combo = ADW_COMBO_ROW (child);
        else if (gtk_widget_get_first_child (child) != NULL)
          child = gtk_widget_get_first_child (child);
        else
          {
            while (child != NULL && gtk_widget_get_next_sibling (child) == NULL)
              child = gtk_widget_get_parent (child);
            child = child != NULL ? gtk_widget_get_next_sibling (child) : NULL;
          }
      }
    g_assert_nonnull (combo);
    g_assert_cmpuint (adw_combo_row_get_selected (combo), ==, 1);
  }
  save_pngs (dialog, "bank-link-accounts");

  gtk_widget_activate (get_widget (dialog, "add_button"));
  wait_until (on_page, (gpointer) "done", "the first sync");
  save_pngs (dialog, "bank-link-done");

  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM plaid_items WHERE item_id = 'item-ui'"), ==, 1);
  g_assert_cmpint (query_int (fixture, "SELECT account_id FROM plaid_accounts WHERE item_id = 'item-ui'"), ==,
                   fixture->amex);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM transactions WHERE source = 'plaid'"), ==, 2);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM accounts"), ==, 1);
  token = budg_plaid_keyring_lookup_token (BUDG_PLAID_SANDBOX, "item-ui", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (token, ==, TOKEN);

  gtk_widget_activate (get_widget (dialog, "cancel_button"));
  wait_until (dialog_closed, NULL, "the dialog to close");

  /* The window lists the connection. */
  wait_until (has_rows, list, "the connection row");
  row = gtk_widget_get_first_child (list);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "American Express");
  save_pngs (fixture->window, "bank-connections");

  /* Unlink asks first, then ends the item at Plaid. */
  plaid_mock_queue (fixture->mock, "/item/remove", 200, "{\"request_id\":\"r\"}");
  {
    GtkWidget *child;
    GtkWidget *unlink = NULL;
    GListModel *toplevels;

    /* The last suffix button of the row is Unlink. */
    for (child = row; child != NULL; )
      {
        if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_widget_get_tooltip_text (child), "Unlink") == 0)
          {
            unlink = child;
            break;
          }
        if (gtk_widget_get_first_child (child) != NULL)
          child = gtk_widget_get_first_child (child);
        else
          {
            while (child != NULL && child != row && gtk_widget_get_next_sibling (child) == NULL)
              child = gtk_widget_get_parent (child);
            child = child != NULL && child != row ? gtk_widget_get_next_sibling (child) : NULL;
          }
      }
    g_assert_nonnull (unlink);
    gtk_widget_activate (unlink);
    /* A button's activation shows the press for a moment before "clicked". */
    wait_until (message_dialog_open, NULL, "the confirmation");

    toplevels = gtk_window_get_toplevels ();
    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

        if (ADW_IS_MESSAGE_DIALOG (window))
          confirm = ADW_MESSAGE_DIALOG (window);
      }
    g_assert_nonnull (confirm);
    g_assert_cmpint (adw_message_dialog_get_response_appearance (confirm, "unlink"), ==, ADW_RESPONSE_DESTRUCTIVE);
    adw_message_dialog_response (confirm, "unlink");
  }
  wait_until (has_no_rows, list, "the connection to go");
  g_assert_cmpuint (plaid_mock_count (fixture->mock, "/item/remove"), ==, 1);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM plaid_items"), ==, 0);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM transactions"), ==, 2);
  g_clear_pointer (&token, g_free);
  token = budg_plaid_keyring_lookup_token (BUDG_PLAID_SANDBOX, "item-ui", NULL, &error);
  g_assert_null (token);
  g_assert_error (error, BUDG_ERROR, BUDG_ERROR_NOT_FOUND);
}

/* Cancel while the user is in the browser: the dialog closes, nothing is
 * linked, polling stops. */
static void
test_cancel_while_waiting (Fixture       *fixture,
                           gconstpointer  data)
{
  GtkWidget *dialog;
  guint polls;

  save_keys (fixture);
  queue_waiting (fixture);

  gtk_widget_activate (get_widget (fixture->window, "link_button"));
  wait_until (dialog_open, NULL, "the link dialog");
  dialog = find_link_dialog ();
  while (plaid_mock_count (fixture->mock, "/link/token/get") < 2)
    g_main_context_iteration (NULL, FALSE);

  gtk_widget_activate (get_widget (dialog, "cancel_button"));
  wait_until (dialog_closed, NULL, "the dialog to close");
  g_usleep (300000);
  polls = plaid_mock_count (fixture->mock, "/link/token/get");
  g_usleep (300000);
  g_assert_cmpuint (plaid_mock_count (fixture->mock, "/link/token/get"), <=, polls + 1);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM plaid_items"), ==, 0);
}

static GtkWidget *
find_descendant (GtkWidget *root,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
set_state (Fixture            *fixture,
           const char         *item_id,
           BudgPlaidItemState  state)
{
  g_autoptr(GError) error = NULL;
  BudgDatabase *database = budg_context_get_database (fixture->context);

  g_assert_true (budg_plaid_store_set_state (database, item_id, state, NULL, &error));
  g_assert_no_error (error);
  budg_database_emit_changed (database, "plaid_items");
  iterate ();
}

/* The strip above the views: hidden while every bank works, naming the
 * one that needs a new login, counting several, and opening the link
 * dialog in update mode for one. */
static void
test_banner (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) no_accounts = g_ptr_array_new ();
  BudgDatabase *database = budg_context_get_database (fixture->context);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *banner = budg_bank_banner_new (fixture->context);
  GtkRevealer *revealer;
  GtkLabel *label;
  GtkWidget *dialog;

  gtk_window_set_child (GTK_WINDOW (window), banner);
  gtk_window_set_default_size (GTK_WINDOW (window), 600, 100);
  gtk_window_present (GTK_WINDOW (window));
  iterate ();
  revealer = GTK_REVEALER (find_descendant (banner, GTK_TYPE_REVEALER));
  label = GTK_LABEL (find_descendant (banner, GTK_TYPE_LABEL));
  g_assert_false (gtk_revealer_get_reveal_child (revealer));

  g_assert_true (budg_plaid_store_add_item (database, "item-a", BUDG_PLAID_SANDBOX, "First Platypus Bank",
                                            no_accounts, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (budg_plaid_store_add_item (database, "item-b", BUDG_PLAID_SANDBOX, "Tartan Bank",
                                            no_accounts, NULL, &error));
  g_assert_no_error (error);
  set_state (fixture, "item-a", BUDG_PLAID_ITEM_OK);
  g_assert_false (gtk_revealer_get_reveal_child (revealer));

  set_state (fixture, "item-a", BUDG_PLAID_ITEM_NEEDS_LOGIN);
  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  g_assert_cmpstr (gtk_label_get_label (label), ==,
                   "First Platypus Bank asks you to log in again before Budg can sync it.");

  set_state (fixture, "item-b", BUDG_PLAID_ITEM_NEEDS_LOGIN);
  g_assert_cmpstr (gtk_label_get_label (label), ==, "2 banks ask you to log in again.");

  set_state (fixture, "item-b", BUDG_PLAID_ITEM_OK);
  g_assert_nonnull (strstr (gtk_label_get_label (label), "First Platypus Bank"));
  save_png (window, "bank-banner", 600, FALSE);

  /* Log In Again: the link dialog, for that bank (update mode). */
  /* Clicked rather than activated: a button activates only once realized,
   * and the strip may still be sliding in. */
  g_signal_emit_by_name (find_descendant (banner, GTK_TYPE_BUTTON), "clicked");
  wait_until (dialog_open, NULL, "the link dialog in update mode");
  dialog = find_link_dialog ();
  gtk_window_close (GTK_WINDOW (dialog));
  wait_until (dialog_closed, NULL, "the dialog to close");

  set_state (fixture, "item-a", BUDG_PLAID_ITEM_OK);
  g_assert_false (gtk_revealer_get_reveal_child (revealer));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* Links the resources in: nothing else here refers to them. */
  g_assert_nonnull (budg_get_resource ());
  g_setenv ("BUDG_PLAID_POLL_MS", "30", TRUE);
  g_setenv ("no_proxy", "127.0.0.1,localhost", TRUE);

  g_test_add ("/ui-bank/link-and-unlink", Fixture, NULL, fixture_set_up, test_link_and_unlink, fixture_tear_down);
  g_test_add ("/ui-bank/banner", Fixture, NULL, fixture_set_up, test_banner, fixture_tear_down);
  g_test_add ("/ui-bank/cancel-while-waiting", Fixture, NULL, fixture_set_up, test_cancel_while_waiting,
              fixture_tear_down);

  return g_test_run ();
}
