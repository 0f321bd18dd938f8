/* test-ui-export.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Export dialog under Xvfb: the count follows the format, account and
 * dates; QIF and OFX insist on one account; each format is written by the
 * dialog's worker and read back with Budg's own parsers; a folder that
 * cannot be written shows the error in the dialog and leaves no file.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <unistd.h>

#include "budg-csv-parser.h"
#include "budg-date-row.h"
#include "budg-export-dialog.h"
#include "budg-ofx-parser.h"
#include "budg-qif-parser.h"
#include "budg-window.h"
#include "ui-test-util.h"

#define WAIT_TIMEOUT_US (30 * G_USEC_PER_SEC)

typedef struct
{
  char        *dir;
  BudgContext *context;
  BudgWindow  *window;
  gint64       checking;
  gint64       savings;
} Fixture;

static void
add_transaction (Fixture    *fixture,
                 gint64      account_id,
                 const char *date,
                 gint64      amount,
                 const char *payee)
{
  g_autoptr(BudgTransaction) transaction = budg_transaction_new (account_id, date, amount);
  g_autoptr(GError) error = NULL;

  budg_transaction_set_payee (transaction, payee);
  g_assert_true (budg_transaction_store_add (budg_context_get_transactions (fixture->context), transaction, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  BudgAccountStore *accounts;

  fixture->dir = g_dir_make_tmp ("budg-test-ui-export-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "budg.sqlite", NULL);
  fixture->context = budg_context_new (path, &error);
  g_assert_no_error (error);

  accounts = budg_context_get_accounts (fixture->context);
  fixture->checking = budg_account_get_id (budg_account_store_create (accounts, "Checking", BUDG_ACCOUNT_KIND_CHECKING,
                                                                      "EUR", NULL, NULL, 0, &error));
  g_assert_no_error (error);
  fixture->savings = budg_account_get_id (budg_account_store_create (accounts, "Savings", BUDG_ACCOUNT_KIND_SAVINGS,
                                                                     "EUR", NULL, NULL, 0, &error));
  g_assert_no_error (error);

  add_transaction (fixture, fixture->checking, "2026-01-05", -320, "Café Crème");
  add_transaction (fixture, fixture->checking, "2026-02-07", 250000, "Salary");
  add_transaction (fixture, fixture->checking, "2026-03-09", -4210, "Grocer & Sons");
  add_transaction (fixture, fixture->savings, "2026-02-10", 10000, "Interest");

  fixture->window = g_object_ref_sink (budg_window_new (NULL, fixture->context));
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
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
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_chmod (path, 0700);
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        g_rmdir (path);
      else
        g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
}

static void
set_flag_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
}

static void
wait_for (gboolean *flag)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_TIMEOUT_US;

  while (!*flag && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (*flag);
}

static gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label (child, text))
      return TRUE;

  return FALSE;
}

/* The toast is the one sign, on the main window, that the worker is done. */
static void
wait_for_toast (Fixture    *fixture,
                const char *title)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_TIMEOUT_US;

  while (!has_label (GTK_WIDGET (fixture->window), title) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (has_label (GTK_WIDGET (fixture->window), title));
}

static GtkWidget *
open_dialog (Fixture  *fixture,
             gint64    account_id,
             gboolean *destroyed)
{
  GtkWidget *dialog = budg_export_dialog_new (GTK_WINDOW (fixture->window), fixture->context, account_id);

  *destroyed = FALSE;
  g_signal_connect_swapped (dialog, "destroy", G_CALLBACK (set_flag_cb), destroyed);
  gtk_window_present (GTK_WINDOW (dialog));
  iterate ();

  return dialog;
}

static gboolean
export_enabled (GtkWidget *dialog)
{
  return gtk_widget_get_sensitive (get_widget (dialog, "export_button"));
}

static GBytes *
export_through (Fixture    *fixture,
                GtkWidget  *dialog,
                gboolean   *destroyed,
                const char *name)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  budg_export_dialog_export_to (BUDG_EXPORT_DIALOG (dialog), file);
  wait_for (destroyed);
  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

static guint
n_accounts_offered (GtkWidget *dialog)
{
  return g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (get_widget (dialog, "account_row"))));
}

static const char *
account_offered (GtkWidget *dialog)
{
  return gtk_string_object_get_string (adw_combo_row_get_selected_item (ADW_COMBO_ROW (get_widget (dialog, "account_row"))));
}

static void
test_counts (Fixture       *fixture,
             gconstpointer  data)
{
  gboolean destroyed;
  GtkWidget *dialog = open_dialog (fixture, 0, &destroyed);
  AdwComboRow *format = ADW_COMBO_ROW (get_widget (dialog, "format_row"));
  AdwComboRow *account = ADW_COMBO_ROW (get_widget (dialog, "account_row"));
  GtkLabel *summary = GTK_LABEL (get_widget (dialog, "summary_label"));
  g_autofree char *csv_subtitle = NULL;

  /* All accounts as CSV: four transactions, said in the summary. */
  g_assert_cmpuint (n_accounts_offered (dialog), ==, 3);
  g_assert_cmpstr (account_offered (dialog), ==, "All Accounts");
  g_assert_cmpuint (budg_export_dialog_get_count (BUDG_EXPORT_DIALOG (dialog)), ==, 4);
  g_assert_nonnull (strstr (gtk_label_get_text (summary), "4"));
  g_assert_true (export_enabled (dialog));
  csv_subtitle = g_strdup (adw_action_row_get_subtitle (ADW_ACTION_ROW (format)));

  /* QIF holds one account: "All Accounts" goes, the first account is chosen. */
  adw_combo_row_set_selected (format, 1);
  iterate ();
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (format)), !=, csv_subtitle);
  g_assert_cmpuint (n_accounts_offered (dialog), ==, 2);
  g_assert_cmpstr (account_offered (dialog), ==, "Checking");
  g_assert_true (export_enabled (dialog));
  g_assert_cmpuint (budg_export_dialog_get_count (BUDG_EXPORT_DIALOG (dialog)), ==, 3);
  g_assert_nonnull (strstr (gtk_label_get_text (summary), "3"));

  adw_combo_row_set_selected (account, 1);
  iterate ();
  g_assert_cmpstr (account_offered (dialog), ==, "Savings");
  g_assert_cmpuint (budg_export_dialog_get_count (BUDG_EXPORT_DIALOG (dialog)), ==, 1);

  /* Back to CSV: "All Accounts" returns, Savings stays chosen. */
  adw_combo_row_set_selected (format, 0);
  iterate ();
  g_assert_cmpuint (n_accounts_offered (dialog), ==, 3);
  g_assert_cmpstr (account_offered (dialog), ==, "Savings");
  g_assert_cmpuint (budg_export_dialog_get_count (BUDG_EXPORT_DIALOG (dialog)), ==, 1);
  adw_combo_row_set_selected (account, 1);
  iterate ();
  g_assert_cmpstr (account_offered (dialog), ==, "Checking");
  g_assert_cmpuint (budg_export_dialog_get_count (BUDG_EXPORT_DIALOG (dialog)), ==, 3);

  /* February only; the switch off again means everything. */
  adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (get_widget (dialog, "range_row")), TRUE);
  budg_date_row_set_date (BUDG_DATE_ROW (get_widget (dialog, "from_row")), "2026-02-01");
  budg_date_row_set_date (BUDG_DATE_ROW (get_widget (dialog, "to_row")), "2026-02-28");
  iterate ();
  g_assert_cmpuint (budg_export_dialog_get_count (BUDG_EXPORT_DIALOG (dialog)), ==, 1);
  save_pngs (dialog, "export-range");
  adw_combo_row_set_selected (account, 0);
  iterate ();
  g_assert_cmpuint (budg_export_dialog_get_count (BUDG_EXPORT_DIALOG (dialog)), ==, 2);
  budg_date_row_set_date (BUDG_DATE_ROW (get_widget (dialog, "from_row")), "2026-02-08");
  iterate ();
  g_assert_cmpuint (budg_export_dialog_get_count (BUDG_EXPORT_DIALOG (dialog)), ==, 1);
  budg_date_row_set_date (BUDG_DATE_ROW (get_widget (dialog, "to_row")), "2026-02-09");
  iterate ();
  g_assert_cmpuint (budg_export_dialog_get_count (BUDG_EXPORT_DIALOG (dialog)), ==, 0);
  g_assert_false (export_enabled (dialog));
  adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (get_widget (dialog, "range_row")), FALSE);
  iterate ();
  g_assert_cmpuint (budg_export_dialog_get_count (BUDG_EXPORT_DIALOG (dialog)), ==, 4);
  g_assert_true (export_enabled (dialog));

  /* A range that ends before it starts. */
  adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (get_widget (dialog, "range_row")), TRUE);
  budg_date_row_set_date (BUDG_DATE_ROW (get_widget (dialog, "from_row")), "2026-03-01");
  budg_date_row_set_date (BUDG_DATE_ROW (get_widget (dialog, "to_row")), "2026-01-01");
  iterate ();
  g_assert_false (export_enabled (dialog));

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (destroyed);
}

/* The primary menu's "Export…" opens the dialog over the window. */
static void
test_window_action (Fixture       *fixture,
                    gconstpointer  data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWidget *dialog = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.export", NULL));
  iterate ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (BUDG_IS_EXPORT_DIALOG (window))
        dialog = window;
    }

  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (fixture->window));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_assert_cmpuint (budg_export_dialog_get_count (BUDG_EXPORT_DIALOG (dialog)), ==, 4);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* The sidebar's account is preselected, and kept when the format needs one. */
static void
test_preselect (Fixture       *fixture,
                gconstpointer  data)
{
  gboolean destroyed;
  GtkWidget *dialog = open_dialog (fixture, fixture->savings, &destroyed);

  g_assert_cmpstr (account_offered (dialog), ==, "Savings");
  g_assert_cmpuint (budg_export_dialog_get_count (BUDG_EXPORT_DIALOG (dialog)), ==, 1);
  adw_combo_row_set_selected (ADW_COMBO_ROW (get_widget (dialog, "format_row")), 2);
  iterate ();
  g_assert_cmpstr (account_offered (dialog), ==, "Savings");
  g_assert_cmpuint (budg_export_dialog_get_count (BUDG_EXPORT_DIALOG (dialog)), ==, 1);

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (destroyed);
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Every row of @result as "date amount payee", sorted, one a line. */
static char *
rows_text (BudgImportResult *result)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < result->statements->len; i++)
    {
      BudgImportStatement *statement = g_ptr_array_index (result->statements, i);

      for (guint j = 0; j < statement->rows->len; j++)
        {
          BudgImportRow *row = g_ptr_array_index (statement->rows, j);

          g_ptr_array_add (lines, g_strdup_printf ("%s %" G_GINT64_FORMAT " %s", row->date, row->amount_minor,
                                                   row->payee));
        }
    }
  g_ptr_array_sort (lines, compare_lines);
  g_ptr_array_add (lines, NULL);

  return g_strjoinv ("\n", (char **) lines->pdata);
}

static void
test_formats_read_back (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gboolean destroyed;

  /* CSV of all accounts. */
  {
    GtkWidget *dialog = open_dialog (fixture, 0, &destroyed);
    g_autoptr(GBytes) bytes = export_through (fixture, dialog, &destroyed, "all.csv");
    g_autoptr(BudgCsvOptions) options = budg_csv_detect (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                                         NULL, &error);
    g_autoptr(BudgImportResult) result = NULL;

    g_assert_no_error (error);
    result = budg_csv_parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), options, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (budg_import_result_get_n_rows (result), ==, 4);
    text = rows_text (result);
    g_assert_cmpstr (text, ==,
                     "2026-01-05 -320 Café Crème\n"
                     "2026-02-07 250000 Salary\n"
                     "2026-02-10 10000 Interest\n"
                     "2026-03-09 -4210 Grocer & Sons");
    g_clear_pointer (&text, g_free);
  }

  /* QIF of Checking, preselected as the sidebar's account would be. */
  {
    GtkWidget *dialog = open_dialog (fixture, fixture->checking, &destroyed);
    g_autoptr(GBytes) bytes = NULL;
    g_autoptr(BudgImportResult) result = NULL;
    BudgImportStatement *statement;
    gint64 sum = 0;

    adw_combo_row_set_selected (ADW_COMBO_ROW (get_widget (dialog, "format_row")), 1);
    iterate ();
    bytes = export_through (fixture, dialog, &destroyed, "checking.qif");
    wait_for_toast (fixture, "Exported 3 transactions to “checking.qif”");
    result = budg_qif_parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (result->statements->len, ==, 1);
    statement = g_ptr_array_index (result->statements, 0);
    for (guint i = 0; i < statement->rows->len; i++)
      sum += ((BudgImportRow *) g_ptr_array_index (statement->rows, i))->amount_minor;
    g_assert_cmpuint (statement->rows->len, ==, 3);
    g_assert_cmpint (sum, ==, 250000 - 320 - 4210);
    g_assert_cmpstr (((BudgImportRow *) g_ptr_array_index (statement->rows, 0))->payee, ==, "Café Crème");
    text = rows_text (result);
    g_assert_cmpstr (text, ==,
                     "2026-01-05 -320 Café Crème\n"
                     "2026-02-07 250000 Salary\n"
                     "2026-03-09 -4210 Grocer & Sons");
    g_clear_pointer (&text, g_free);
  }

  /* OFX of Savings. */
  {
    GtkWidget *dialog = open_dialog (fixture, fixture->savings, &destroyed);
    g_autoptr(GBytes) bytes = NULL;
    g_autoptr(BudgImportResult) result = NULL;

    adw_combo_row_set_selected (ADW_COMBO_ROW (get_widget (dialog, "format_row")), 2);
    iterate ();
    bytes = export_through (fixture, dialog, &destroyed, "savings.ofx");
    result = budg_ofx_parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (budg_import_result_get_n_rows (result), ==, 1);
    text = rows_text (result);
    g_assert_cmpstr (text, ==, "2026-02-10 10000 Interest");
    g_clear_pointer (&text, g_free);
  }

  /* CSV of Checking in February only, the dates as typed in the form. */
  {
    GtkWidget *dialog = open_dialog (fixture, fixture->checking, &destroyed);
    g_autoptr(GBytes) bytes = NULL;
    g_autoptr(BudgCsvOptions) options = NULL;
    g_autoptr(BudgImportResult) result = NULL;

    adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (get_widget (dialog, "range_row")), TRUE);
    budg_date_row_set_date (BUDG_DATE_ROW (get_widget (dialog, "from_row")), "2026-02-01");
    budg_date_row_set_date (BUDG_DATE_ROW (get_widget (dialog, "to_row")), "2026-03-09");
    iterate ();
    bytes = export_through (fixture, dialog, &destroyed, "checking-range.csv");
    options = budg_csv_detect (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL, &error);
    g_assert_no_error (error);
    result = budg_csv_parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), options, &error);
    g_assert_no_error (error);
    text = rows_text (result);
    g_assert_cmpstr (text, ==,
                     "2026-02-07 250000 Salary\n"
                     "2026-03-09 -4210 Grocer & Sons");
    g_clear_pointer (&text, g_free);
  }
}

static guint
count_files (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;

  return n;
}

static void
test_unwritable (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *locked = g_build_filename (fixture->dir, "locked", NULL);
  g_autofree char *path = g_build_filename (locked, "out.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  gboolean destroyed;
  GtkWidget *dialog;
  GtkWidget *error_label;
  gint64 deadline = g_get_monotonic_time () + WAIT_TIMEOUT_US;

  /* Root writes anywhere: there is nothing to test then. */
  if (geteuid () == 0)
    {
      g_free (locked);
      g_free (path);
      /* A path under a regular file cannot be created, even by root. */
      locked = g_build_filename (fixture->dir, "plain-file", NULL);
      g_assert_true (g_file_set_contents (locked, "x", 1, NULL));
      path = g_build_filename (locked, "out.csv", NULL);
      g_clear_object (&file);
      file = g_file_new_for_path (path);
    }
  else
    {
      g_assert_cmpint (g_mkdir (locked, 0500), ==, 0);
    }

  dialog = open_dialog (fixture, 0, &destroyed);
  error_label = get_widget (dialog, "error_label");
  budg_export_dialog_export_to (BUDG_EXPORT_DIALOG (dialog), file);
  while (!gtk_widget_get_visible (error_label) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "Choose another place"));
  g_assert_false (destroyed);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  save_pngs (dialog, "export");

  /* The dialog stays usable for another try. */
  g_assert_true (export_enabled (dialog));

  /* A name taken by a folder fails in the exporter itself, after the
   * file's contents were made: still an error in the dialog, and no
   * temporary file left next to it. */
  {
    g_autofree char *folder = g_build_filename (fixture->dir, "taken.csv", NULL);
    g_autoptr(GFile) taken = g_file_new_for_path (folder);
    guint n_before = count_files (fixture->dir);

    g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
    n_before++;
    gtk_label_set_text (GTK_LABEL (error_label), "");
    budg_export_dialog_export_to (BUDG_EXPORT_DIALOG (dialog), taken);
    g_assert_false (gtk_widget_get_visible (error_label));
    deadline = g_get_monotonic_time () + WAIT_TIMEOUT_US;
    while (!gtk_widget_get_visible (error_label) && g_get_monotonic_time () < deadline)
      g_main_context_iteration (NULL, TRUE);

    g_assert_true (gtk_widget_get_visible (error_label));
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error_label)), !=, "");
    g_assert_false (destroyed);
    g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
    g_assert_cmpuint (count_files (fixture->dir), ==, n_before);
    g_assert_true (export_enabled (dialog));
  }

  /* Closed here: the flag lives on this stack frame. */
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (destroyed);
}

/* Closing the dialog while the worker writes: the write completes (the
 * file is whole), nothing touches the disposed dialog, and it is freed. */
static void
test_closed_while_writing (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "closed.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(BudgCsvOptions) options = NULL;
  g_autoptr(BudgImportResult) result = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  gboolean destroyed;
  GtkWidget *dialog = open_dialog (fixture, 0, &destroyed);

  budg_export_dialog_export_to (BUDG_EXPORT_DIALOG (dialog), file);
  g_assert_true (gtk_spinner_get_spinning (GTK_SPINNER (get_widget (dialog, "spinner"))));
  g_assert_false (export_enabled (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (destroyed);
  wait_for_toast (fixture, "Exported 4 transactions to “closed.csv”");

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  options = budg_csv_detect ((const guint8 *) contents, length, NULL, &error);
  g_assert_no_error (error);
  result = budg_csv_parse ((const guint8 *) contents, length, options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (budg_import_result_get_n_rows (result), ==, 4);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/ui/export/counts", Fixture, NULL, fixture_set_up, test_counts, fixture_tear_down);
  g_test_add ("/ui/export/window-action", Fixture, NULL, fixture_set_up, test_window_action, fixture_tear_down);
  g_test_add ("/ui/export/preselect", Fixture, NULL, fixture_set_up, test_preselect, fixture_tear_down);
  g_test_add ("/ui/export/formats", Fixture, NULL, fixture_set_up, test_formats_read_back, fixture_tear_down);
  g_test_add ("/ui/export/unwritable", Fixture, NULL, fixture_set_up, test_unwritable, fixture_tear_down);
  g_test_add ("/ui/export/closed-while-writing", Fixture, NULL, fixture_set_up, test_closed_while_writing,
              fixture_tear_down);

  return g_test_run ();
}
