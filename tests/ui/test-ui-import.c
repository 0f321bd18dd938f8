/* test-ui-import.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-ui-import"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "budg-context.h"
#include "budg-import-dialog.h"
#include "budg-import-item-row.h"
#include "budg-import-profiles.h"
#include "budg-money.h"
#include "budg-resources.h"
#include "budg-rule-dialog.h"
#include "budg-rule-store.h"
#include "budg-rules-window.h"
#include "budg-transaction-dialog.h"
#include "budg-window.h"
#include "ui-test-util.h"

/* The import dialog, the rules window and the rule form, driven as a
 * person would: a real bank CSV from tests/data/import, a changed column
 * mapping seen in the preview, the review's counts, Import, Cancel and the
 * toast's Undo; rules added through the form, their preview and Apply.
 * What the database holds afterwards is read back through the stores and
 * compared with what the file says, read here independently.
 *
 * With BUDG_TEST_SCREENSHOT_DIR set, the review page and the rules window
 * are also saved as PNGs, at 1000 and 360 pixels, light and dark.
 */

#define WAIT_TIMEOUT_US (30 * G_USEC_PER_SEC)
#define BANK_CSV "beangulp__csvbank__statement.csv"

typedef struct
{
  char        *dir;
  BudgContext *context;
  BudgWindow  *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("budg-test-ui-import-XXXXXX", &error);
  g_assert_no_error (error);

  path = g_build_filename (fixture->dir, "budg.sqlite", NULL);
  fixture->context = budg_context_new (path, &error);
  g_assert_no_error (error);

  fixture->window = g_object_ref_sink (budg_window_new (NULL, fixture->context));
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  GListModel *toplevels = gtk_window_get_toplevels ();
  const char *name;

  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);

      gtk_window_destroy (window);
    }
  g_clear_object (&fixture->window);

  /* Let the workers' callbacks run before the database goes. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
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

/* The preferences row of @type titled @title under @root. */
static GtkWidget *
find_row (GtkWidget  *root,
          GType       type,
          const char *title)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row (child, type, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_button_with_label (GtkWidget  *root,
                        const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_with_label (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
first_check (GtkWidget *root)
{
  if (GTK_IS_CHECK_BUTTON (root))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = first_check (child);

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

static void
wait_for_flag (gboolean *flag)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_TIMEOUT_US;

  while (!*flag && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (*flag);
}

static const char *
page (GtkWidget *dialog)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (get_widget (dialog, "page_stack")));
}

/* Waits while the dialog reads, plans or writes in its worker. */
static void
wait_for_page (GtkWidget  *dialog,
               const char *name)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_TIMEOUT_US;

  while (g_strcmp0 (page (dialog), name) != 0 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  if (g_strcmp0 (page (dialog), name) != 0)
    g_error ("The import dialog shows “%s”, not “%s”", page (dialog), name);
  iterate ();
}

static void
click (GtkWidget  *dialog,
       const char *id)
{
  GtkWidget *button = get_widget (dialog, id);

  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  iterate ();
}

static const char *
label_text (GtkWidget  *dialog,
            const char *id)
{
  return gtk_label_get_text (GTK_LABEL (get_widget (dialog, id)));
}

static guint
string_position (GListModel *model,
                 const char *text)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (gtk_string_object_get_string (item), text) == 0)
        return i;
    }

  g_error ("No “%s” in the list", text);
}

static void
choose (AdwComboRow *row,
        const char  *text)
{
  adw_combo_row_set_selected (row, string_position (adw_combo_row_get_model (row), text));
  iterate ();
}

static const char *
chosen (AdwComboRow *row)
{
  return gtk_string_object_get_string (adw_combo_row_get_selected_item (row));
}

static AdwComboRow *
role_row (GtkWidget  *dialog,
          const char *title)
{
  GtkWidget *row = find_row (get_widget (dialog, "columns_group"), ADW_TYPE_COMBO_ROW, title);

  g_assert_nonnull (row);
  return ADW_COMBO_ROW (row);
}

static GListModel *
view_items (GtkWidget  *dialog,
            const char *id)
{
  return G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (get_widget (dialog, id))));
}

static BudgImportItemRow *
view_item (GtkWidget  *dialog,
           const char *id,
           guint       position)
{
  static BudgImportItemRow *held;

  /* The review's model makes rows on demand and keeps none: the test
   * holds this one until the next call. */
  g_clear_object (&held);
  held = g_list_model_get_item (view_items (dialog, id), position);
  g_assert_nonnull (held);

  return held;
}

/* The file, read here -------------------------------------------------------- */

typedef struct
{
  char   *description;
  char   *type;
  gint64  amount_minor;
} BankLine;

static void
bank_line_clear (gpointer data)
{
  BankLine *line = data;

  g_free (line->description);
  g_free (line->type);
}

static char *
data_path (const char *name)
{
  const char *dir = g_getenv ("BUDG_TEST_DATA");

  g_assert_nonnull (dir);
  return g_build_filename (dir, "import", name, NULL);
}

/* The rows of the beangulp bank statement: its descriptions are quoted and
 * hold no comma, so a plain split is a faithful second reading. */
static GArray *
read_bank_lines (void)
{
  g_autofree char *path = data_path (BANK_CSV);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  GArray *out = g_array_new (FALSE, TRUE, sizeof (BankLine));

  g_array_set_clear_func (out, bank_line_clear);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      g_autofree char *description = NULL;
      BankLine line = { 0 };

      g_strchomp (lines[i]);
      if (lines[i][0] == '\0')
        continue;

      fields = g_strsplit (lines[i], ",", -1);
      g_assert_cmpuint (g_strv_length (fields), >=, 6);
      description = g_strndup (fields[2] + 1, strlen (fields[2]) - 2);
      line.description = g_strdup (g_strstrip (description));
      line.type = g_strdup (fields[4]);
      g_assert_true (budg_money_parse (fields[3], "USD", &line.amount_minor, NULL));
      g_array_append_val (out, line);
    }

  g_assert_cmpuint (out->len, ==, 6);
  return out;
}

static gint64
count_transactions (Fixture *fixture)
{
  BudgTransactionQuery query = { 0 };
  g_autoptr(GError) error = NULL;
  gint64 count;

  count = budg_transaction_store_count (budg_context_get_transactions (fixture->context), &query, &error);
  g_assert_no_error (error);

  return count;
}

static GPtrArray *
all_transactions (Fixture *fixture)
{
  BudgTransactionQuery query = { 0 };
  g_autoptr(GError) error = NULL;
  GPtrArray *found;

  query.sort = BUDG_TRANSACTION_SORT_DATE;
  found = budg_transaction_store_query (budg_context_get_transactions (fixture->context), &query, &error);
  g_assert_no_error (error);

  return found;
}

static guint
n_accounts (Fixture *fixture)
{
  return g_list_model_get_n_items (G_LIST_MODEL (budg_context_get_accounts (fixture->context)));
}

/* Screenshots -------------------------------------------------------------- */

/* The import dialog -------------------------------------------------------- */

static GtkWidget *
open_dialog (Fixture    *fixture,
             const char *path,
             gboolean   *destroyed)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWidget *dialog = budg_import_dialog_new (GTK_WINDOW (fixture->window), fixture->context, file);

  *destroyed = FALSE;
  g_signal_connect (dialog, "destroy", G_CALLBACK (set_flag_cb), destroyed);
  gtk_window_present (GTK_WINDOW (dialog));
  iterate ();

  return dialog;
}

static GtkWidget *
find_undo_button (Fixture *fixture)
{
  GtkWidget *button = NULL;
  gint64 deadline = g_get_monotonic_time () + WAIT_TIMEOUT_US;

  while ((button = find_button_with_label (GTK_WIDGET (fixture->window), "_Undo")) == NULL &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);

  return button;
}

static void
test_import_csv (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = data_path (BANK_CSV);
  g_autoptr(GArray) lines = read_bank_lines ();
  g_autoptr(GPtrArray) transactions = NULL;
  g_autofree char *expected_counts = NULL;
  g_autoptr(BudgImportProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  BudgImportItemRow *row;
  BudgAccount *checking;
  GtkCheckButton *check;
  GtkWidget *dialog;
  GtkWidget *undo;
  gboolean destroyed;
  gint64 sum = 0;
  gint64 file_sum = 0;

  checking = budg_account_store_create (budg_context_get_accounts (fixture->context), "Checking",
                                        BUDG_ACCOUNT_KIND_CHECKING, "USD", NULL, NULL, 0, &error);
  g_assert_no_error (error);

  dialog = open_dialog (fixture, path, &destroyed);
  wait_for_page (dialog, "columns");

  /* Detection found the header: a description column is the payee. */
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (get_widget (dialog, "header_switch"))));
  g_assert_cmpstr (chosen (role_row (dialog, "Payee")), ==, "Description");
  g_assert_cmpstr (chosen (role_row (dialog, "Date")), ==, "Posting Date");
  g_assert_cmpuint (g_list_model_get_n_items (view_items (dialog, "preview_view")), ==, lines->len);
  for (guint i = 0; i < lines->len; i++)
    {
      row = view_item (dialog, "preview_view", i);
      g_assert_cmpstr (budg_import_item_row_get_payee (row), ==, g_array_index (lines, BankLine, i).description);
      g_assert_null (budg_import_item_row_get_note (row));
    }

  /* Another payee column: the preview follows. */
  choose (role_row (dialog, "Payee"), "Type");
  for (guint i = 0; i < lines->len; i++)
    g_assert_cmpstr (budg_import_item_row_get_payee (view_item (dialog, "preview_view", i)), ==,
                     g_array_index (lines, BankLine, i).type);

  /* No amount column: nothing can be read, and Continue says so. */
  choose (role_row (dialog, "Amount"), "None");
  g_assert_cmpuint (g_list_model_get_n_items (view_items (dialog, "preview_view")), ==, 0);
  g_assert_false (gtk_widget_is_sensitive (get_widget (dialog, "next_button")));
  g_assert_true (gtk_widget_get_visible (get_widget (dialog, "columns_error_label")));
  choose (role_row (dialog, "Amount"), "Amount");
  choose (role_row (dialog, "Payee"), "Description");
  g_assert_true (gtk_widget_is_sensitive (get_widget (dialog, "next_button")));

  save_pngs (dialog, "import-columns");
  if (g_getenv ("BUDG_TEST_SCREENSHOT_DIR") != NULL)
    {
      /* The preview, at the bottom of the page. */
      GtkWidget *scrolled = gtk_widget_get_ancestor (get_widget (dialog, "columns_group"), GTK_TYPE_SCROLLED_WINDOW);
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
      save_png (dialog, "import-preview", 1000, FALSE);
      save_png (dialog, "import-preview", 360, TRUE);
    }

  /* Remember this bank's layout. */
  adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (get_widget (dialog, "save_profile_row")), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (get_widget (dialog, "profile_name_row")), "Chafe Bank");

  click (dialog, "next_button");
  wait_for_page (dialog, "review");

  expected_counts = g_strdup_printf ("%u new · 0 duplicates · 0 possible duplicates · 0 linked · 0 rejected",
                                     lines->len);
  g_assert_cmpstr (label_text (dialog, "counts_label"), ==, expected_counts);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (get_widget (dialog, "next_button"))), ==,
                   "_Import 6 Transactions");
  g_assert_cmpuint (g_list_model_get_n_items (view_items (dialog, "review_view")), ==, lines->len);
  row = view_item (dialog, "review_view", 0);
  g_assert_cmpstr (budg_import_item_row_get_note (row), ==, "New");
  g_assert_true (budg_import_item_row_get_included (row));
  g_assert_true (g_str_has_prefix (chosen (ADW_COMBO_ROW (find_row (get_widget (dialog, "targets_group"),
                                                                    ADW_TYPE_COMBO_ROW, "Account"))),
                                   "New Account"));
  g_assert_true (budg_account_get_id (checking) > 0);

  save_pngs (dialog, "import-review");

  /* Unticking a row takes it out of the count; ticking it puts it back. */
  check = GTK_CHECK_BUTTON (first_check (get_widget (dialog, "review_view")));
  gtk_check_button_set_active (check, FALSE);
  iterate ();
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (get_widget (dialog, "next_button"))), ==,
                   "_Import 5 Transactions");
  gtk_check_button_set_active (check, TRUE);
  iterate ();
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (get_widget (dialog, "next_button"))), ==,
                   "_Import 6 Transactions");

  /* Into the existing account rather than a new one. */
  choose (ADW_COMBO_ROW (find_row (get_widget (dialog, "targets_group"), ADW_TYPE_COMBO_ROW, "Account")),
          "Checking");
  g_assert_cmpstr (label_text (dialog, "counts_label"), ==, expected_counts);

  click (dialog, "next_button");
  wait_for_flag (&destroyed);

  /* Every row is there, with the file's amounts and payees. */
  g_assert_cmpint (count_transactions (fixture), ==, lines->len);
  g_assert_cmpuint (n_accounts (fixture), ==, 1);
  transactions = all_transactions (fixture);
  for (guint i = 0; i < transactions->len; i++)
    g_assert_cmpint (budg_transaction_get_account_id (g_ptr_array_index (transactions, i)), ==,
                     budg_account_get_id (checking));
  for (guint i = 0; i < transactions->len; i++)
    sum += budg_transaction_get_amount_minor (g_ptr_array_index (transactions, i));
  for (guint i = 0; i < lines->len; i++)
    {
      gboolean found = FALSE;

      file_sum += g_array_index (lines, BankLine, i).amount_minor;
      for (guint j = 0; j < transactions->len && !found; j++)
        {
          BudgTransaction *transaction = g_ptr_array_index (transactions, j);

          found = budg_transaction_get_amount_minor (transaction) == g_array_index (lines, BankLine, i).amount_minor &&
                  g_strcmp0 (budg_transaction_get_payee (transaction), g_array_index (lines, BankLine, i).description) == 0;
        }
      g_assert_true (found);
    }
  g_assert_cmpint (sum, ==, file_sum);

  /* The profile was saved under the header of this file. */
  profile = budg_import_profiles_find (budg_context_get_database (fixture->context), "Chafe Bank", &error);
  g_assert_no_error (error);
  g_assert_nonnull (profile);

  /* The same file again: everything is a duplicate, nothing to import,
   * and the profile is offered by itself. */
  dialog = open_dialog (fixture, path, &destroyed);
  wait_for_page (dialog, "columns");
  g_assert_cmpstr (chosen (ADW_COMBO_ROW (get_widget (dialog, "profile_row"))), ==, "Chafe Bank");
  click (dialog, "next_button");
  wait_for_page (dialog, "review");
  g_free (expected_counts);
  expected_counts = g_strdup_printf ("0 new · %u duplicates · 0 possible duplicates · 0 linked · 0 rejected",
                                     lines->len);
  g_assert_cmpstr (label_text (dialog, "counts_label"), ==, expected_counts);
  g_assert_cmpstr (chosen (ADW_COMBO_ROW (find_row (get_widget (dialog, "targets_group"),
                                                    ADW_TYPE_COMBO_ROW, "Account"))), ==, "Checking");
  g_assert_false (gtk_widget_is_sensitive (get_widget (dialog, "next_button")));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (get_widget (dialog, "next_button"))), ==,
                   "_Import 0 Transactions");
  row = view_item (dialog, "review_view", 0);
  g_assert_cmpstr (budg_import_item_row_get_note (row), ==, "Duplicate");
  g_assert_false (budg_import_item_row_get_tickable (row));
  gtk_window_destroy (GTK_WINDOW (dialog));
  iterate ();
  g_assert_cmpint (count_transactions (fixture), ==, lines->len);

  /* Undo on the window's toast takes the whole import back. */
  undo = find_undo_button (fixture);
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  /* Taken back in a worker. */
  {
    gint64 deadline = g_get_monotonic_time () + WAIT_TIMEOUT_US;

    while (count_transactions (fixture) != 0 && g_get_monotonic_time () < deadline)
      {
        g_main_context_iteration (NULL, FALSE);
        g_usleep (10000);
      }
  }
  g_assert_cmpint (count_transactions (fixture), ==, 0);
}

/* A file big enough that its import is still running when Cancel is
 * pressed. */
static char *
write_big_csv (Fixture *fixture,
               guint    n_rows)
{
  g_autoptr(GString) text = g_string_new ("Date,Description,Amount\n");
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fixture->dir, "big.csv", NULL);

  for (guint i = 0; i < n_rows; i++)
    g_string_append_printf (text, "2024-%02u-%02u,Shop %u,-%u.%02u\n",
                            1 + i % 12, 1 + i % 28, i, 1 + i % 97, i % 100);

  g_file_set_contents (path, text->str, text->len, &error);
  g_assert_no_error (error);

  return path;
}

static void
test_import_cancel (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = write_big_csv (fixture, 20000);
  GtkWidget *dialog;
  gboolean destroyed;

  dialog = open_dialog (fixture, path, &destroyed);
  wait_for_page (dialog, "columns");
  click (dialog, "next_button");
  wait_for_page (dialog, "review");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (get_widget (dialog, "next_button"))), ==,
                   "_Import 20000 Transactions");

  /* Cancel before the worker can have finished. */
  g_signal_emit_by_name (get_widget (dialog, "next_button"), "clicked");
  g_assert_cmpstr (page (dialog), ==, "progress");
  g_signal_emit_by_name (get_widget (dialog, "stop_button"), "clicked");
  wait_for_page (dialog, "review");

  g_assert_false (destroyed);
  g_assert_true (gtk_widget_get_visible (get_widget (dialog, "message_label")));
  g_assert_nonnull (strstr (label_text (dialog, "message_label"), "Nothing was imported"));
  g_assert_cmpint (count_transactions (fixture), ==, 0);
  g_assert_cmpuint (n_accounts (fixture), ==, 0);

  /* The same plan can still be imported afterwards. */
  click (dialog, "next_button");
  wait_for_flag (&destroyed);
  g_assert_cmpint (count_transactions (fixture), ==, 20000);
}

/* A file whose dates contradict each other: the error page names the
 * lines, and nothing is written. */
static void
test_import_bad_file (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = data_path ("qifparse-kubauk__date_format_error_02.qif");
  const char *description;
  GtkWidget *dialog;
  gboolean destroyed;

  dialog = open_dialog (fixture, path, &destroyed);
  wait_for_page (dialog, "error");
  description = adw_status_page_get_description (ADW_STATUS_PAGE (get_widget (dialog, "error_page")));
  g_assert_nonnull (strstr (description, "line 2"));
  g_assert_nonnull (strstr (description, "Nothing was imported"));
  g_assert_false (gtk_widget_get_visible (get_widget (dialog, "next_button")));
  g_assert_cmpint (count_transactions (fixture), ==, 0);
  g_assert_cmpuint (n_accounts (fixture), ==, 0);

  /* The user chooses day/month/year: the 13 January row reads, the
   * "01/14/2016" one is rejected with its line, and the import goes on. */
  g_assert_true (gtk_widget_get_visible (get_widget (dialog, "date_order_box")));
  click (dialog, "day_first_button");
  wait_for_page (dialog, "review");
  g_assert_nonnull (strstr (label_text (dialog, "counts_label"), "1 new"));
  g_assert_nonnull (strstr (label_text (dialog, "counts_label"), "1 rejected"));
  click (dialog, "next_button");
  wait_for_flag (&destroyed);
  g_assert_cmpint (count_transactions (fixture), ==, 1);
  {
    g_autoptr(GPtrArray) all = all_transactions (fixture);

    g_assert_cmpstr (budg_transaction_get_date (g_ptr_array_index (all, 0)), ==, "2016-01-13");
  }
}

/* Rules -------------------------------------------------------------------- */

static gint64
add_transaction (Fixture    *fixture,
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
  budg_transaction_store_add (budg_context_get_transactions (fixture->context), transaction, &error);
  g_assert_no_error (error);

  return budg_transaction_get_id (transaction);
}

static BudgTransaction *
get_transaction (Fixture *fixture,
                 gint64   id)
{
  g_autoptr(GError) error = NULL;
  BudgTransaction *transaction;

  transaction = budg_transaction_store_get (budg_context_get_transactions (fixture->context), id, &error);
  g_assert_no_error (error);

  return transaction;
}

/* A CSV without an account column goes to the account selected in the
 * sidebar, which the window passes on. */
static void
test_import_default_account (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *path = data_path (BANK_CSV);
  g_autoptr(GError) error = NULL;
  BudgAccount *everyday;
  GtkWidget *dialog;
  gboolean destroyed;

  budg_account_store_create (budg_context_get_accounts (fixture->context), "Savings",
                             BUDG_ACCOUNT_KIND_SAVINGS, "USD", NULL, NULL, 0, &error);
  g_assert_no_error (error);
  everyday = budg_account_store_create (budg_context_get_accounts (fixture->context), "Everyday",
                                        BUDG_ACCOUNT_KIND_CHECKING, "USD", NULL, NULL, 0, &error);
  g_assert_no_error (error);

  dialog = open_dialog (fixture, path, &destroyed);
  budg_import_dialog_set_default_account (BUDG_IMPORT_DIALOG (dialog), budg_account_get_id (everyday));
  wait_for_page (dialog, "columns");
  click (dialog, "next_button");
  wait_for_page (dialog, "review");
  g_assert_cmpstr (chosen (ADW_COMBO_ROW (find_row (get_widget (dialog, "targets_group"),
                                                    ADW_TYPE_COMBO_ROW, "Account"))), ==, "Everyday");

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (destroyed);
}

static gint64
setup_books (Fixture *fixture,
             gint64  *out_ids)
{
  g_autoptr(GError) error = NULL;
  BudgAccount *account;
  BudgCategory *shopping;
  BudgCategory *groceries;

  account = budg_account_store_create (budg_context_get_accounts (fixture->context), "Checking",
                                       BUDG_ACCOUNT_KIND_CHECKING, "USD", NULL, NULL, 0, &error);
  g_assert_no_error (error);
  shopping = budg_category_store_create_path (budg_context_get_categories (fixture->context), "Shopping", FALSE, &error);
  g_assert_no_error (error);
  groceries = budg_category_store_create_path (budg_context_get_categories (fixture->context), "Groceries", FALSE, &error);
  g_assert_no_error (error);

  out_ids[0] = add_transaction (fixture, budg_account_get_id (account), "2026-01-03", -2599, "AMZN MKTP US*2K4", 0);
  out_ids[1] = add_transaction (fixture, budg_account_get_id (account), "2026-01-09", -1250, "AMZN Mktp US*9Z1", 0);
  out_ids[2] = add_transaction (fixture, budg_account_get_id (account), "2026-01-10", -4320, "Tesco",
                                budg_category_get_id (groceries));

  return budg_category_get_id (shopping);
}

static GtkWidget *
rule_dialog_from (GtkWidget  *window,
                  const char *action,
                  GVariant   *target)
{
  gtk_widget_activate_action_variant (window, action, target);
  iterate ();
  return GTK_WIDGET (wait_for_toplevel (BUDG_TYPE_RULE_DIALOG));
}

static guint
n_list_rows (GtkWidget  *root,
             const char *id)
{
  GtkListBox *list = GTK_LIST_BOX (get_widget (root, id));
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;

  return n;
}

/* Waits for the rule form's preview (which follows the form after a
 * short delay) to list @n transactions. */
static void
wait_for_rows (GtkWidget  *dialog,
               const char *list,
               guint       n)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_TIMEOUT_US;

  while (n_list_rows (dialog, list) != n && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (n_list_rows (dialog, list), ==, n);
}

/* Waits for a worker to give transaction @id the category @category_id. */
static void
wait_for_category (Fixture *fixture,
                   gint64   id,
                   gint64   category_id)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_TIMEOUT_US;

  for (;;)
    {
      g_autoptr(BudgTransaction) transaction = get_transaction (fixture, id);

      if (budg_transaction_get_category_id (transaction) == category_id || g_get_monotonic_time () > deadline)
        {
          g_assert_cmpint (budg_transaction_get_category_id (transaction), ==, category_id);
          return;
        }
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
}

static void
test_rules (Fixture       *fixture,
            gconstpointer  data)
{
  BudgRuleStore *store = budg_context_get_rules (fixture->context);
  g_autoptr(GPtrArray) rules = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BudgTransaction) first = NULL;
  g_autoptr(BudgTransaction) second = NULL;
  g_autoptr(BudgTransaction) tesco = NULL;
  GtkWidget *window;
  GtkWidget *dialog;
  GtkWidget *row;
  GtkWidget *undo;
  gint64 ids[3];
  gint64 shopping = setup_books (fixture, ids);
  gint64 amazon_id;

  window = budg_rules_window_new (fixture->context);
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (fixture->window));
  gtk_window_present (GTK_WINDOW (window));
  iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (get_widget (window, "page_stack"))), ==, "empty");

  /* A rule through the form. */
  dialog = rule_dialog_from (window, "rules.add", NULL);
  g_assert_false (gtk_widget_is_sensitive (get_widget (dialog, "save_button")));
  gtk_editable_set_text (GTK_EDITABLE (get_widget (dialog, "name_row")), "Amazon");
  choose (ADW_COMBO_ROW (get_widget (dialog, "payee_op_row")), "Contains");
  gtk_editable_set_text (GTK_EDITABLE (get_widget (dialog, "payee_row")), "amzn mktp");
  choose (ADW_COMBO_ROW (get_widget (dialog, "category_row")), "Shopping");
  gtk_editable_set_text (GTK_EDITABLE (get_widget (dialog, "set_payee_row")), "Amazon");
  iterate ();
  g_assert_true (gtk_widget_is_sensitive (get_widget (dialog, "save_button")));

  /* The preview follows the unsaved form: the two Amazon rows; applying
   * waits for the save. */
  wait_for_rows (dialog, "preview_list", 2);
  g_assert_false (gtk_widget_get_visible (get_widget (dialog, "apply_rule_button")));
  gtk_editable_set_text (GTK_EDITABLE (get_widget (dialog, "payee_row")), "tesco");
  wait_for_rows (dialog, "preview_list", 1);
  gtk_editable_set_text (GTK_EDITABLE (get_widget (dialog, "payee_row")), "amzn mktp");
  wait_for_rows (dialog, "preview_list", 2);

  gtk_widget_activate_action (dialog, "dialog.save", NULL);
  iterate ();

  /* Listed, with what it does in words. */
  rules = budg_rule_store_list (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rules->len, ==, 1);
  amazon_id = ((BudgRule *) g_ptr_array_index (rules, 0))->id;
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (get_widget (window, "page_stack"))), ==, "rules");
  g_assert_cmpuint (n_list_rows (window, "rules_list"), ==, 1);
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (get_widget (window, "rules_list")), 0));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Amazon");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "Payee contains “amzn mktp” → Shopping, rename to Amazon");

  /* Its preview: the two Amazon rows (case-insensitively), not Tesco. */
  dialog = rule_dialog_from (window, "rules.edit", g_variant_new_int64 (amazon_id));
  wait_for_rows (dialog, "preview_list", 2);
  g_assert_true (gtk_widget_get_visible (get_widget (dialog, "apply_rule_button")));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (get_widget (dialog, "apply_rule_button"))), ==,
                   "_Apply to 2 Existing Transactions");
  first = get_transaction (fixture, ids[0]);
  g_assert_cmpint (budg_transaction_get_category_id (first), ==, 0);

  /* A change to the form keeps the preview but asks for a save before
   * applying. */
  gtk_editable_set_text (GTK_EDITABLE (get_widget (dialog, "set_memo_row")), "online");
  wait_for_rows (dialog, "preview_list", 2);
  g_assert_false (gtk_widget_get_visible (get_widget (dialog, "apply_rule_button")));
  gtk_editable_set_text (GTK_EDITABLE (get_widget (dialog, "set_memo_row")), "");
  iterate ();
  gtk_window_destroy (GTK_WINDOW (dialog));
  iterate ();

  dialog = rule_dialog_from (window, "rules.edit", g_variant_new_int64 (amazon_id));
  wait_for_rows (dialog, "preview_list", 2);
  gtk_widget_activate_action (dialog, "dialog.apply", NULL);
  /* Applied in a worker: the preview empties once it is done. */
  wait_for_category (fixture, ids[0], shopping);
  wait_for_rows (dialog, "preview_list", 0);
  g_assert_false (gtk_widget_get_visible (get_widget (dialog, "apply_rule_button")));
  gtk_window_destroy (GTK_WINDOW (dialog));
  iterate ();

  g_clear_object (&first);
  first = get_transaction (fixture, ids[0]);
  second = get_transaction (fixture, ids[1]);
  tesco = get_transaction (fixture, ids[2]);
  g_assert_cmpint (budg_transaction_get_category_id (first), ==, shopping);
  g_assert_cmpint (budg_transaction_get_category_id (second), ==, shopping);
  g_assert_cmpstr (budg_transaction_get_payee (first), ==, "Amazon");
  g_assert_cmpstr (budg_transaction_get_payee (second), ==, "Amazon");
  g_assert_cmpint (budg_transaction_get_category_id (tesco), !=, shopping);
  g_assert_cmpstr (budg_transaction_get_payee (tesco), ==, "Tesco");

  /* A second rule, moved above the first. */
  dialog = rule_dialog_from (window, "rules.add", NULL);
  gtk_editable_set_text (GTK_EDITABLE (get_widget (dialog, "name_row")), "Big spending");
  gtk_editable_set_text (GTK_EDITABLE (get_widget (dialog, "min_row")), "40");
  choose (ADW_COMBO_ROW (get_widget (dialog, "sign_row")), "Money out");
  /* A rule must do something. */
  g_assert_false (gtk_widget_is_sensitive (get_widget (dialog, "save_button")));
  g_assert_true (gtk_widget_get_visible (get_widget (dialog, "error_label")));
  choose (ADW_COMBO_ROW (get_widget (dialog, "status_row")), "Cleared");
  g_assert_true (gtk_widget_is_sensitive (get_widget (dialog, "save_button")));
  gtk_widget_activate_action (dialog, "dialog.save", NULL);
  iterate ();
  g_clear_pointer (&rules, g_ptr_array_unref);
  rules = budg_rule_store_list (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rules->len, ==, 2);
  g_assert_cmpstr (((BudgRule *) g_ptr_array_index (rules, 1))->name, ==, "Big spending");
  gtk_widget_activate_action (window, "rules.move-up", "x", ((BudgRule *) g_ptr_array_index (rules, 1))->id);
  iterate ();
  g_clear_pointer (&rules, g_ptr_array_unref);
  rules = budg_rule_store_list (store, &error);
  g_assert_cmpstr (((BudgRule *) g_ptr_array_index (rules, 0))->name, ==, "Big spending");
  g_assert_cmpstr (((BudgRule *) g_ptr_array_index (rules, 1))->name, ==, "Amazon");
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (get_widget (window, "rules_list")), 0));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Big spending");

  save_pngs (window, "rules");

  /* Delete, then Undo puts it back in its place. */
  gtk_widget_activate_action (window, "rules.delete", "x", amazon_id);
  iterate ();
  g_assert_cmpuint (n_list_rows (window, "rules_list"), ==, 1);
  undo = find_button_with_label (window, "_Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  iterate ();
  g_clear_pointer (&rules, g_ptr_array_unref);
  rules = budg_rule_store_list (store, &error);
  g_assert_cmpuint (rules->len, ==, 2);
  g_assert_cmpstr (((BudgRule *) g_ptr_array_index (rules, 1))->name, ==, "Amazon");
  g_assert_cmpstr (((BudgRule *) g_ptr_array_index (rules, 1))->payee_value, ==, "amzn mktp");
  g_assert_cmpuint (n_list_rows (window, "rules_list"), ==, 2);
}

/* "Always put “Tesco” in Groceries?" after a re-categorization. */
static void
test_rule_suggestion (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BudgTransaction) edited = NULL;
  g_autoptr(BudgTransaction) other = NULL;
  g_autoptr(AdwToast) toast = NULL;
  g_autoptr(GPtrArray) rules = NULL;
  BudgAccount *account;
  BudgCategory *groceries;
  GtkWidget *dialog;
  GtkWidget *create;
  gint64 first;
  gint64 second;

  account = budg_account_store_create (budg_context_get_accounts (fixture->context), "Checking",
                                       BUDG_ACCOUNT_KIND_CHECKING, "USD", NULL, NULL, 0, &error);
  g_assert_no_error (error);
  groceries = budg_category_store_create_path (budg_context_get_categories (fixture->context), "Groceries", FALSE, &error);
  g_assert_no_error (error);

  first = add_transaction (fixture, budg_account_get_id (account), "2026-02-01", -1000, "Tesco", 0);
  second = add_transaction (fixture, budg_account_get_id (account), "2026-02-08", -2000, "Tesco", 0);

  /* Nothing to offer for a payee seen once. */
  toast = budg_rule_suggestion_toast_new (fixture->context, first);
  g_assert_null (toast);

  /* The register's form gives the first one a category; the window then
   * offers the rule. */
  edited = get_transaction (fixture, first);
  dialog = budg_transaction_dialog_new (fixture->context, edited, 0);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (fixture->window));
  gtk_window_present (GTK_WINDOW (dialog));
  iterate ();
  choose (ADW_COMBO_ROW (get_widget (dialog, "category_row")), "Groceries");
  gtk_widget_activate_action (dialog, "dialog.save", NULL);
  iterate ();
  g_assert_null (find_toplevel (BUDG_TYPE_TRANSACTION_DIALOG));
  g_clear_object (&edited);
  edited = get_transaction (fixture, first);
  g_assert_cmpint (budg_transaction_get_category_id (edited), ==, budg_category_get_id (groceries));

  create = find_button_with_label (GTK_WIDGET (fixture->window), "Create _Rule");
  g_assert_nonnull (create);
  g_signal_emit_by_name (create, "clicked");
  wait_for_category (fixture, second, budg_category_get_id (groceries));

  toast = budg_rule_suggestion_toast_new (fixture->context, first);
  g_assert_null (toast);

  rules = budg_rule_store_list (budg_context_get_rules (fixture->context), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rules->len, ==, 1);
  other = get_transaction (fixture, second);
  g_assert_cmpint (budg_transaction_get_category_id (other), ==, budg_category_get_id (groceries));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_assert_nonnull (budg_get_resource ());

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD_TEST ("/ui/import/csv", test_import_csv);
  ADD_TEST ("/ui/import/default-account", test_import_default_account);
  ADD_TEST ("/ui/import/cancel", test_import_cancel);
  ADD_TEST ("/ui/import/bad-file", test_import_bad_file);
  ADD_TEST ("/ui/rules/window", test_rules);
  ADD_TEST ("/ui/rules/suggestion", test_rule_suggestion);

#undef ADD_TEST

  return g_test_run ();
}
