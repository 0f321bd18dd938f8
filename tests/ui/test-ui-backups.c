/* test-ui-backups.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Backups window under Xvfb: it lists the daily backups newest first,
 * Restore asks first and, once confirmed, replaces the database, keeps a
 * copy of what was there and says so with "restored"; Cancel and a file
 * that is no backup change nothing. Screenshots with
 * BUDG_TEST_SCREENSHOT_DIR, at 1000 and 360 pixels, light and dark.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "budg-account-store.h"
#include "budg-backups.h"
#include "budg-backups-window.h"
#include "budg-date.h"
#include "budg-message-dialog.h"
#include "budg-resources.h"
#include "ui-test-util.h"

typedef struct
{
  char        *dir;
  char        *path;
  BudgContext *context;
  GtkWidget   *window;
  char        *restored;
} Fixture;

static void
add_account (Fixture    *fixture,
             const char *name)
{
  g_autoptr(GError) error = NULL;

  budg_account_store_create (budg_context_get_accounts (fixture->context), name,
                             BUDG_ACCOUNT_KIND_CHECKING, "USD", NULL, NULL, 0, &error);
  g_assert_no_error (error);
}

static void
backup_on (Fixture    *fixture,
           const char *day)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (budg_backups_make_daily (budg_context_get_database (fixture->context), day, 7, NULL, &error));
  g_assert_no_error (error);
}

static void
restored_cb (GtkWidget  *window,
             const char *name,
             Fixture    *fixture)
{
  g_free (fixture->restored);
  fixture->restored = g_strdup (name);
}

static void
open_window (Fixture *fixture)
{
  fixture->window = g_object_ref_sink (budg_backups_window_new (fixture->context));
  g_signal_connect (fixture->window, "restored", G_CALLBACK (restored_cb), fixture);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 520, 600);
  gtk_window_present (GTK_WINDOW (fixture->window));
  iterate ();
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("budg-test-ui-backups-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "budg.db", NULL);
  fixture->context = budg_context_new (fixture->path, &error);
  g_assert_no_error (error);

  add_account (fixture, "Old");
  backup_on (fixture, "2026-11-20");
  add_account (fixture, "Older than today");
  backup_on (fixture, "2026-11-21");
  add_account (fixture, "New");
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->window);
  iterate ();
  g_clear_object (&fixture->context);
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->restored);
}

/* The accounts in the database file, as another program would read it. */
static char *
accounts_on_disk (Fixture *fixture)
{
  g_autoptr(GString) names = g_string_new (NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM accounts ORDER BY id", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      if (names->len > 0)
        g_string_append_c (names, ',');
      g_string_append (names, (const char *) sqlite3_column_text (stmt, 0));
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return g_string_free (g_steal_pointer (&names), FALSE);
}

static GPtrArray *
rows (Fixture *fixture)
{
  GtkWidget *list = get_widget (fixture->window, "backups_list");
  GPtrArray *out = g_ptr_array_new ();

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_ACTION_ROW (row))
      g_ptr_array_add (out, row);

  return out;
}

static GtkWidget *
find_button (GtkWidget *root)
{
  if (GTK_IS_BUTTON (root))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static AdwMessageDialog *
find_message_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;

  return NULL;
}

/* Clicks Restore on row @index and returns the question it asks. */
static AdwMessageDialog *
click_restore (Fixture *fixture,
               guint    index)
{
  g_autoptr(GPtrArray) listed = rows (fixture);
  GtkWidget *button;
  AdwMessageDialog *dialog;
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  g_assert_cmpuint (index, <, listed->len);
  button = find_button (g_ptr_array_index (listed, index));
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_activate (button));

  /* A button's activation clicks after a short press animation. */
  while ((dialog = find_message_dialog ()) == NULL && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
  g_assert_nonnull (dialog);

  return dialog;
}

static void
test_list_and_restore (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autofree char *before = NULL;
  g_autofree char *cancelled = NULL;
  g_autofree char *restored = NULL;
  g_autofree char *expected_title = budg_date_format_short ("2026-11-21");
  g_autofree char *today = budg_date_today ();
  g_autofree char *copy_name = g_strconcat ("budg-", today, "-before-restore.db", NULL);
  AdwMessageDialog *dialog;

  open_window (fixture);
  g_assert_true (gtk_widget_get_visible (get_widget (fixture->window, "backups_list")));
  g_assert_false (gtk_widget_get_visible (get_widget (fixture->window, "empty_label")));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (get_widget (fixture->window, "keep_spin"))),
                   ==, 7);

  listed = rows (fixture);
  g_assert_cmpuint (listed->len, ==, 2);
  g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (listed, 0)), ==, expected_title);
  save_pngs (fixture->window, "backups");

  before = accounts_on_disk (fixture);
  g_assert_cmpstr (before, ==, "Old,Older than today,New");

  /* Cancel: nothing happens. */
  dialog = click_restore (fixture, 0);
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), expected_title));
  adw_message_dialog_response (dialog, BUDG_MESSAGE_DIALOG_RESPONSE_CANCEL);
  iterate ();
  cancelled = accounts_on_disk (fixture);
  g_assert_cmpstr (cancelled, ==, before);
  g_assert_null (fixture->restored);

  /* Restore the newest: the database is that day's, and says so. */
  dialog = click_restore (fixture, 0);
  adw_message_dialog_response (dialog, BUDG_MESSAGE_DIALOG_RESPONSE_CONFIRM);
  iterate ();
  g_assert_cmpstr (fixture->restored, ==, "budg-2026-11-21.db");
  restored = accounts_on_disk (fixture);
  g_assert_cmpstr (restored, ==, "Old,Older than today");

  /* The copy of what was there is listed first, in a window opened again. */
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->window);
  open_window (fixture);
  after = rows (fixture);
  g_assert_cmpuint (after->len, ==, 3);
  g_assert_nonnull (strstr (adw_preferences_row_get_title (g_ptr_array_index (after, 0)), "before a restore"));
  {
    g_autofree char *copy = g_build_filename (fixture->dir, "backups", copy_name, NULL);

    g_assert_true (g_file_test (copy, G_FILE_TEST_IS_REGULAR));
  }
}

static void
test_bad_file (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *garbage = g_build_filename (fixture->dir, "notes.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_file_set_contents (garbage, "Some notes, not a database at all.", -1, &error);
  g_assert_no_error (error);

  open_window (fixture);
  before = accounts_on_disk (fixture);
  g_assert_false (budg_backups_window_restore (BUDG_BACKUPS_WINDOW (fixture->window), garbage, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "notes.db"));
  g_assert_null (fixture->restored);
  after = accounts_on_disk (fixture);
  g_assert_cmpstr (after, ==, before);
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *backups = g_build_filename (fixture->dir, "backups", NULL);

  remove_tree (backups);
  open_window (fixture);
  g_assert_false (gtk_widget_get_visible (get_widget (fixture->window, "backups_list")));
  g_assert_true (gtk_widget_get_visible (get_widget (fixture->window, "empty_label")));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* Links the resources in: nothing else here refers to them. */
  g_assert_nonnull (budg_get_resource ());

  g_test_add ("/ui-backups/list-and-restore", Fixture, NULL, fixture_set_up, test_list_and_restore,
              fixture_tear_down);
  g_test_add ("/ui-backups/bad-file", Fixture, NULL, fixture_set_up, test_bad_file, fixture_tear_down);
  g_test_add ("/ui-backups/empty", Fixture, NULL, fixture_set_up, test_empty, fixture_tear_down);

  return g_test_run ();
}
