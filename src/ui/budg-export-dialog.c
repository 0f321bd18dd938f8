/* budg-export-dialog.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-export-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "budg-date-row.h"
#include "budg-date.h"
#include "budg-export-dialog.h"
#include "budg-exporter.h"
#include "budg-window.h"

/* The form's choices, counted as the user changes them (an indexed count,
 * instant on a million rows), and written by a worker thread with a
 * connection of its own so that a large export never freezes the window. */

typedef enum
{
  FORMAT_CSV,
  FORMAT_QIF,
  FORMAT_OFX,
} Format;

static const struct
{
  const char *extension;
  const char *description;
} formats[] = {
  [FORMAT_CSV] = { "csv", N_("All the columns of the register, for spreadsheets") },
  [FORMAT_QIF] = { "qif", N_("For other finance apps, with splits and categories") },
  [FORMAT_OFX] = { "ofx", N_("A bank statement for one account") },
};

struct _BudgExportDialog
{
  AdwWindow             parent_instance;

  BudgContext          *context;
  GtkWindow            *parent;
  gint64                initial_account_id;
  GArray               *account_ids;    /* gint64 per account_row position; 0 = all */
  guint                 count;
  GtkFileChooserNative *chooser;

  GtkWidget            *export_button;
  GtkStack             *button_stack;
  GtkSpinner           *spinner;
  AdwComboRow          *format_row;
  AdwComboRow          *account_row;
  AdwExpanderRow       *range_row;
  BudgDateRow          *from_row;
  BudgDateRow          *to_row;
  GtkLabel             *summary_label;
  GtkLabel             *error_label;
  GtkWidget            *form_group;

  guint                 busy : 1;
  guint                 closed : 1;
  guint                 filling : 1;
};

G_DEFINE_FINAL_TYPE (BudgExportDialog, budg_export_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_ACCOUNT_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  EXPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The form, read --------------------------------------------------------------- */

typedef struct
{
  Format      format;
  gint64      account_id;
  const char *from;
  const char *to;
} Choice;

static void
read_choice (BudgExportDialog *self,
             Choice           *choice)
{
  guint account = adw_combo_row_get_selected (self->account_row);

  choice->format = MIN (adw_combo_row_get_selected (self->format_row), FORMAT_OFX);
  choice->account_id = account < self->account_ids->len ? g_array_index (self->account_ids, gint64, account) : 0;
  choice->from = NULL;
  choice->to = NULL;
  if (adw_expander_row_get_enable_expansion (self->range_row))
    {
      choice->from = budg_date_row_get_date (self->from_row);
      choice->to = budg_date_row_get_date (self->to_row);
    }
}

/* Why the form cannot be exported as it stands, or NULL. */
static const char *
check_choice (const Choice *choice)
{
  /* "All Accounts" is only offered for CSV, so this means there is none. */
  if (choice->format != FORMAT_CSV && choice->account_id == 0)
    return _("A QIF or OFX file holds one account. Add an account first.");
  if (choice->from != NULL && choice->to != NULL && strcmp (choice->from, choice->to) > 0)
    return _("The range ends before it starts.");

  return NULL;
}

/* "All Accounts" first for CSV only, since a QIF or OFX file holds one
 * account. The account chosen stays chosen across formats; leaving "All
 * Accounts" for QIF or OFX picks the sidebar's account, else the first. */
static void
fill_accounts (BudgExportDialog *self,
               gboolean          offer_all)
{
  GListModel *accounts = G_LIST_MODEL (budg_context_get_accounts (self->context));
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint position = adw_combo_row_get_selected (self->account_row);
  gint64 wanted = self->initial_account_id;
  guint selected = 0;
  gint64 all = 0;

  if (position < self->account_ids->len && g_array_index (self->account_ids, gint64, position) != 0)
    wanted = g_array_index (self->account_ids, gint64, position);
  else if (position < self->account_ids->len && offer_all)
    wanted = 0;

  g_array_set_size (self->account_ids, 0);
  if (offer_all)
    {
      gtk_string_list_append (names, _("All Accounts"));
      g_array_append_val (self->account_ids, all);
    }

  for (guint i = 0; i < g_list_model_get_n_items (accounts); i++)
    {
      g_autoptr(BudgAccount) account = g_list_model_get_item (accounts, i);
      gint64 id = budg_account_get_id (account);

      if (id == wanted)
        selected = self->account_ids->len;
      gtk_string_list_append (names, budg_account_get_name (account));
      g_array_append_val (self->account_ids, id);
    }

  self->filling = TRUE;
  adw_combo_row_set_model (self->account_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->account_row, self->account_ids->len > 0 ? selected : GTK_INVALID_LIST_POSITION);
  self->filling = FALSE;
}

static void
form_changed_cb (BudgExportDialog *self)
{
  BudgTransactionQuery query = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  const char *problem;
  Choice choice;
  gint64 count;

  if (self->account_ids == NULL || self->filling)
    return;

  read_choice (self, &choice);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->format_row), _(formats[choice.format].description));
  if ((choice.format == FORMAT_CSV) != (self->account_ids->len > 0 && g_array_index (self->account_ids, gint64, 0) == 0))
    {
      fill_accounts (self, choice.format == FORMAT_CSV);
      read_choice (self, &choice);
    }
  problem = check_choice (&choice);

  query.account_id = choice.account_id;
  query.from_date = choice.from;
  query.to_date = choice.to;
  count = budg_transaction_store_count (budg_context_get_transactions (self->context), &query, &error);
  self->count = MAX (count, 0);

  if (problem != NULL)
    summary = g_strdup (problem);
  else if (error != NULL)
    summary = g_strdup (error->message);
  else if (count == 0)
    summary = g_strdup (_("There are no transactions to export with these choices."));
  else
    summary = g_strdup_printf (ngettext ("%'u transaction will be written.",
                                         "%'u transactions will be written.", self->count),
                               self->count);

  gtk_label_set_text (self->summary_label, summary);
  /* Read out with the button, where a screen reader's user is about to act. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->export_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary,
                                  -1);
  /* An error from the last try is about choices that may have changed. */
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.export",
                                 !self->busy && problem == NULL && error == NULL && count > 0);
}

/* Writing ---------------------------------------------------------------------- */

typedef struct
{
  char     *database_path;
  char     *path;
  Format    format;
  gint64    account_id;
  char     *from;
  char     *to;
  guint     n_written;
  GWeakRef  dialog;     /* weak, so that closing the dialog frees it */
  GWeakRef  window;     /* the main window, for the toast */
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_free (job->database_path);
  g_free (job->path);
  g_free (job->from);
  g_free (job->to);
  g_weak_ref_clear (&job->dialog);
  g_weak_ref_clear (&job->window);
  g_free (job);
}

/* The common failures, said plainly: the exporter's own message for them
 * names the temporary file it tried to create next to @path. */
static gboolean
check_folder (const char  *path,
              GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *display = g_filename_display_name (folder);

  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("There is no folder “%s”. Choose another place to save the file."), display);
      return FALSE;
    }
  if (g_access (folder, W_OK) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                   _("The folder “%s” is read-only. Choose another place to save the file."), display);
      return FALSE;
    }

  return TRUE;
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(BudgDatabase) database = NULL;
  GError *error = NULL;
  gboolean ok = FALSE;

  if (!check_folder (job->path, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  /* SQLite connections are not shared across threads: this one is ours. */
  database = budg_database_open (job->database_path, &error);
  if (database == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  switch (job->format)
    {
    case FORMAT_CSV:
      ok = budg_exporter_write_csv (database, job->account_id, job->from, job->to, job->path,
                                    &job->n_written, &error);
      break;
    case FORMAT_QIF:
      ok = budg_exporter_write_qif (database, job->account_id, job->from, job->to, job->path,
                                    &job->n_written, &error);
      break;
    case FORMAT_OFX:
      ok = budg_exporter_write_ofx (database, job->account_id, job->from, job->to, job->path,
                                    &job->n_written, &error);
      break;
    default:
      g_assert_not_reached ();
    }

  if (!ok)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
set_busy (BudgExportDialog *self,
          gboolean          busy)
{
  self->busy = !!busy;
  gtk_stack_set_visible_child_name (self->button_stack, busy ? "spinner" : "button");
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_sensitive (self->form_group, !busy);
  form_changed_cb (self);
}

static void
open_file_cb (AdwToast   *toast,
              const char *uri)
{
  /* Fire and forget: a missing handler for the type is the desktop's to
   * report, and there is nothing Budg could do about it. */
  g_app_info_launch_default_for_uri_async (uri, NULL, NULL, NULL, NULL);
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(BudgExportDialog) self = g_weak_ref_get (&job->dialog);
  g_autoptr(GtkWindow) window = g_weak_ref_get (&job->window);
  gboolean closed = self == NULL || self->closed;
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GFile) file = NULL;
  AdwToast *toast;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      /* Nothing half-written is left behind: the exporter writes a
       * temporary file and renames it only when complete. */
      if (!closed)
        {
          set_busy (self, FALSE);
          gtk_label_set_text (self->error_label, error->message);
          gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
        }
      else if (window != NULL && BUDG_IS_WINDOW (window))
        {
          g_autofree char *message = g_markup_escape_text (error->message, -1);

          budg_window_add_toast (BUDG_WINDOW (window), adw_toast_new (message));
        }
      return;
    }

  /* The file is there even when the dialog was closed while it was being
   * written, so the toast says so either way. */
  basename = g_filename_display_basename (job->path);
  {
    g_autofree char *escaped = g_markup_escape_text (basename, -1);

    /* Translators: shown once the file is written: a count and a file name. */
    title = g_strdup_printf (ngettext ("Exported %'u transaction to “%s”", "Exported %'u transactions to “%s”",
                                       job->n_written),
                             job->n_written, escaped);
  }
  if (window != NULL && BUDG_IS_WINDOW (window))
    {
      file = g_file_new_for_path (job->path);
      toast = adw_toast_new (title);
      adw_toast_set_button_label (toast, _("_Open"));
      g_signal_connect_data (toast, "button-clicked", G_CALLBACK (open_file_cb),
                             g_file_get_uri (file), (GClosureNotify) (void (*) (void)) g_free, 0);
      budg_window_add_toast (BUDG_WINDOW (window), toast);
    }

  if (!closed)
    {
      g_signal_emit (self, signals[EXPORTED], 0, job->n_written);
      gtk_window_destroy (GTK_WINDOW (self));
    }
}

static void
export_to (BudgExportDialog *self,
           GFile            *file)
{
  g_autoptr(GTask) task = NULL;
  ExportJob *job;
  Choice choice;

  if (self->busy)
    return;

  read_choice (self, &choice);
  if (check_choice (&choice) != NULL)
    return;

  job = g_new0 (ExportJob, 1);
  job->format = choice.format;
  job->account_id = choice.account_id;
  job->from = g_strdup (choice.from);
  job->to = g_strdup (choice.to);
  job->database_path = g_strdup (budg_database_get_path (budg_context_get_database (self->context)));
  job->path = g_file_get_path (file);
  g_weak_ref_init (&job->dialog, self);
  g_weak_ref_init (&job->window, self->parent);

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  if (job->path == NULL)
    {
      gtk_label_set_text (self->error_label, _("Budg can only export to a file on this computer. Choose a local folder."));
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      export_job_free (job);
      return;
    }

  set_busy (self, TRUE);
  task = g_task_new (NULL, NULL, export_done_cb, NULL);
  g_task_set_source_tag (task, budg_export_dialog_export_to);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);
}

static void
chooser_response_cb (BudgExportDialog *self,
                     int               response)
{
  g_autoptr(GtkFileChooserNative) chooser = g_steal_pointer (&self->chooser);
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));

  if (file != NULL)
    export_to (self, file);
}

/* "Budg Everyday Checking 2026-11-22.qif" */
static char *
suggested_name (BudgExportDialog *self,
                const Choice     *choice)
{
  g_autofree char *today = budg_date_today ();
  BudgAccount *account = NULL;
  g_autofree char *name = NULL;

  if (choice->account_id != 0)
    account = budg_account_store_lookup (budg_context_get_accounts (self->context), choice->account_id);

  /* Translators: the start of an exported file's name, "Budg" and an
   * account name or "All Accounts". */
  name = g_strdup_printf (_("Budg %s %s.%s"),
                          account != NULL ? budg_account_get_name (account) : _("All Accounts"),
                          today, formats[choice->format].extension);

  /* A name that names no folder. */
  g_strdelimit (name, "/\\:", '-');

  return g_steal_pointer (&name);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BudgExportDialog *self = BUDG_EXPORT_DIALOG (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  Choice choice;

  read_choice (self, &choice);
  if (self->busy || self->chooser != NULL || check_choice (&choice) != NULL)
    return;

  /* GtkFileDialog is GTK 4.10; the native chooser also goes through the
   * portal inside Flatpak. */
  self->chooser = gtk_file_chooser_native_new (_("Export Transactions"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  name = suggested_name (self, &choice);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  /* By suffix: shared-mime-info has no OFX type and gives *.qif to QuickTime too. */
  gtk_file_filter_set_name (filter, gtk_string_object_get_string (adw_combo_row_get_selected_item (self->format_row)));
  gtk_file_filter_add_suffix (filter, formats[choice.format].extension);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);

  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Set-up ----------------------------------------------------------------------- */

/* AdwExpanderRow 1.2 leaves its switch without a name of its own; a screen
 * reader would announce a bare "switch". */
static void
label_enable_switch (GtkWidget  *widget,
                     const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_SWITCH (child))
        {
          gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
          return;
        }
      label_enable_switch (child, label);
    }
}

static void
budg_export_dialog_constructed (GObject *object)
{
  BudgExportDialog *self = BUDG_EXPORT_DIALOG (object);
  g_autofree char *today = budg_date_today ();
  g_autofree char *month_start = g_strdup_printf ("%.8s01", today);

  G_OBJECT_CLASS (budg_export_dialog_parent_class)->constructed (object);

  g_assert (BUDG_IS_CONTEXT (self->context));

  /* Switching the range on starts from this month, the most common ask. */
  budg_date_row_set_date (self->from_row, month_start);
  budg_date_row_set_date (self->to_row, today);
  label_enable_switch (GTK_WIDGET (self->range_row), _("Only a range of dates"));
  self->account_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  fill_accounts (self, TRUE);
  form_changed_cb (self);
}

static void
budg_export_dialog_dispose (GObject *object)
{
  BudgExportDialog *self = BUDG_EXPORT_DIALOG (object);

  /* A write still running finishes (the exporter cannot stop half-way and
   * the file is whole or absent); its toast then goes to the main window. */
  self->closed = TRUE;
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), BUDG_TYPE_EXPORT_DIALOG);
  g_clear_weak_pointer (&self->parent);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (budg_export_dialog_parent_class)->dispose (object);
}

static void
budg_export_dialog_finalize (GObject *object)
{
  BudgExportDialog *self = BUDG_EXPORT_DIALOG (object);

  g_clear_pointer (&self->account_ids, g_array_unref);

  G_OBJECT_CLASS (budg_export_dialog_parent_class)->finalize (object);
}

static void
budg_export_dialog_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  BudgExportDialog *self = BUDG_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_ACCOUNT_ID:
      g_value_set_int64 (value, self->initial_account_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
budg_export_dialog_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  BudgExportDialog *self = BUDG_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    case PROP_ACCOUNT_ID:
      self->initial_account_id = g_value_get_int64 (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
budg_export_dialog_class_init (BudgExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = budg_export_dialog_constructed;
  object_class->dispose = budg_export_dialog_dispose;
  object_class->finalize = budg_export_dialog_finalize;
  object_class->get_property = budg_export_dialog_get_property;
  object_class->set_property = budg_export_dialog_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         BUDG_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ACCOUNT_ID] =
    g_param_spec_int64 ("account-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BudgExportDialog::exported:
   * @n_transactions: how many transactions were written
   *
   * The file is written, just before the dialog closes.
   */
  signals[EXPORTED] =
    g_signal_new ("exported",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  g_type_ensure (BUDG_TYPE_DATE_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/budg-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BudgExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, BudgExportDialog, button_stack);
  gtk_widget_class_bind_template_child (widget_class, BudgExportDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, BudgExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, BudgExportDialog, account_row);
  gtk_widget_class_bind_template_child (widget_class, BudgExportDialog, range_row);
  gtk_widget_class_bind_template_child (widget_class, BudgExportDialog, from_row);
  gtk_widget_class_bind_template_child (widget_class, BudgExportDialog, to_row);
  gtk_widget_class_bind_template_child (widget_class, BudgExportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, BudgExportDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, BudgExportDialog, form_group);
  gtk_widget_class_bind_template_callback (widget_class, form_changed_cb);

  gtk_widget_class_install_action (widget_class, "dialog.export", NULL, export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
budg_export_dialog_init (BudgExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * budg_export_dialog_new:
 * @parent: (nullable): the main window, which gets the toast
 * @context: the open books
 * @account_id: the account to offer first, or 0 for all
 *
 * Returns: (transfer none): a new #BudgExportDialog, owned by GTK like
 *   every toplevel, not yet shown
 */
GtkWidget *
budg_export_dialog_new (GtkWindow   *parent,
                        BudgContext *context,
                        gint64       account_id)
{
  BudgExportDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (BUDG_IS_CONTEXT (context), NULL);

  self = g_object_new (BUDG_TYPE_EXPORT_DIALOG,
                       "context", context,
                       "account-id", account_id,
                       "transient-for", parent,
                       NULL);
  g_set_weak_pointer (&self->parent, parent);

  return GTK_WIDGET (self);
}

/**
 * budg_export_dialog_get_count:
 * @self: the dialog
 *
 * Returns: how many transactions the form's choices would write
 */
guint
budg_export_dialog_get_count (BudgExportDialog *self)
{
  g_return_val_if_fail (BUDG_IS_EXPORT_DIALOG (self), 0);

  return self->count;
}

/**
 * budg_export_dialog_export_to:
 * @self: the dialog
 * @file: where to write; a local file
 *
 * Writes the export the form describes to @file in a worker thread, as
 * choosing @file in the dialog's file chooser does. On success the dialog
 * emits #BudgExportDialog::exported and closes; on failure it shows why
 * and stays open.
 */
void
budg_export_dialog_export_to (BudgExportDialog *self,
                              GFile            *file)
{
  g_return_if_fail (BUDG_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  export_to (self, file);
}
