/* budg-export-dialog.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-export-dialog"

#include "config.h"

#include <glib/gi18n.h>

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
  BudgImportFormat  format;
  const char       *extension;
  const char       *mime_type;
} formats[] = {
  [FORMAT_CSV] = { BUDG_IMPORT_FORMAT_CSV, "csv", "text/csv" },
  [FORMAT_QIF] = { BUDG_IMPORT_FORMAT_QIF, "qif", "application/qif" },
  [FORMAT_OFX] = { BUDG_IMPORT_FORMAT_OFX, "ofx", "application/x-ofx" },
};

struct _BudgExportDialog
{
  AdwWindow            parent_instance;

  BudgContext         *context;
  GtkWindow           *parent;
  gint64               initial_account_id;
  GArray              *account_ids;     /* gint64 per account_row position; 0 = all */
  guint                count;
  GCancellable        *cancellable;

  AdwToastOverlay     *toast_overlay;
  GtkStack            *button_stack;
  GtkSpinner          *spinner;
  AdwComboRow         *format_row;
  AdwComboRow         *account_row;
  AdwExpanderRow      *range_row;
  BudgDateRow         *from_row;
  BudgDateRow         *to_row;
  GtkLabel            *summary_label;
  GtkLabel            *error_label;
  GtkWidget           *form_group;
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
  if (choice->format != FORMAT_CSV && choice->account_id == 0)
    return _("A QIF or OFX file holds one account: choose which.");
  if (choice->from != NULL && choice->to != NULL && strcmp (choice->from, choice->to) > 0)
    return _("The range ends before it starts.");

  return NULL;
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

  if (self->account_ids == NULL)
    return;

  read_choice (self, &choice);
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
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.export",
                                 problem == NULL && error == NULL && count > 0);
}

/* Writing ---------------------------------------------------------------------- */

typedef struct
{
  char   *database_path;
  char   *path;
  Choice  choice;
  char   *from;
  char   *to;
  guint   n_written;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_free (job->database_path);
  g_free (job->path);
  g_free (job->from);
  g_free (job->to);
  g_free (job);
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

  database = budg_database_open (job->database_path, &error);
  if (database == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  switch (job->choice.format)
    {
    case FORMAT_CSV:
      ok = budg_exporter_write_csv (database, job->choice.account_id, job->from, job->to, job->path,
                                    &job->n_written, &error);
      break;
    case FORMAT_QIF:
      ok = budg_exporter_write_qif (database, job->choice.account_id, job->from, job->to, job->path,
                                    &job->n_written, &error);
      break;
    case FORMAT_OFX:
      ok = budg_exporter_write_ofx (database, job->choice.account_id, job->from, job->to, job->path,
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
  gtk_stack_set_visible_child_name (self->button_stack, busy ? "spinner" : "button");
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_sensitive (self->form_group, !busy);
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(BudgExportDialog) self = user_data;
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *title = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      /* Nothing half-written is left behind: the exporter writes a
       * temporary file and renames it only when complete. */
      set_busy (self, FALSE);
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }

  basename = g_path_get_basename (job->path);
  /* Translators: shown once the file is written: a count and a file name. */
  title = g_strdup_printf (ngettext ("Exported %'u transaction to “%s”", "Exported %'u transactions to “%s”",
                                     job->n_written),
                           job->n_written, basename);
  if (self->parent != NULL && BUDG_IS_WINDOW (self->parent))
    budg_window_add_toast (BUDG_WINDOW (self->parent), adw_toast_new (title));

  g_signal_emit (self, signals[EXPORTED], 0, job->n_written);
  gtk_window_destroy (GTK_WINDOW (self));
}

/**
 * budg_export_dialog_export_to:
 * @self: the dialog
 * @file: where to write; a local file
 *
 * Writes the export the form describes to @file in a worker thread.
 */
void
budg_export_dialog_export_to (BudgExportDialog *self,
                              GFile            *file)
{
  g_autoptr(GTask) task = NULL;
  ExportJob *job;

  g_return_if_fail (BUDG_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  job = g_new0 (ExportJob, 1);
  read_choice (self, &job->choice);
  job->from = g_strdup (job->choice.from);
  job->to = g_strdup (job->choice.to);
  job->choice.from = job->choice.to = NULL;
  job->database_path = g_strdup (budg_database_get_path (budg_context_get_database (self->context)));
  job->path = g_file_get_path (file);

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  if (job->path == NULL)
    {
      gtk_label_set_text (self->error_label, _("Budg can only export to a file on this computer."));
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      export_job_free (job);
      return;
    }

  set_busy (self, TRUE);
  task = g_task_new (NULL, self->cancellable, export_done_cb, g_object_ref (self));
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);
}

static void
chooser_response_cb (GtkNativeDialog  *chooser,
                     int               response,
                     BudgExportDialog *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);

  if (file != NULL)
    budg_export_dialog_export_to (self, file);
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
  GtkFileChooserNative *chooser;
  Choice choice;

  read_choice (self, &choice);
  if (check_choice (&choice) != NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Export Transactions"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  name = suggested_name (self, &choice);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_file_filter_set_name (filter, gtk_string_object_get_string (adw_combo_row_get_selected_item (self->format_row)));
  gtk_file_filter_add_mime_type (filter, formats[choice.format].mime_type);
  {
    g_autofree char *pattern = g_strdup_printf ("*.%s", formats[choice.format].extension);

    gtk_file_filter_add_pattern (filter, pattern);
  }
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Set-up ----------------------------------------------------------------------- */

static void
fill_accounts (BudgExportDialog *self)
{
  GListModel *accounts = G_LIST_MODEL (budg_context_get_accounts (self->context));
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint selected = 0;
  gint64 all = 0;

  g_array_set_size (self->account_ids, 0);
  gtk_string_list_append (names, _("All Accounts"));
  g_array_append_val (self->account_ids, all);

  for (guint i = 0; i < g_list_model_get_n_items (accounts); i++)
    {
      g_autoptr(BudgAccount) account = g_list_model_get_item (accounts, i);
      gint64 id = budg_account_get_id (account);

      if (id == self->initial_account_id)
        selected = self->account_ids->len;
      gtk_string_list_append (names, budg_account_get_name (account));
      g_array_append_val (self->account_ids, id);
    }

  adw_combo_row_set_model (self->account_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->account_row, selected);
}

static void
budg_export_dialog_constructed (GObject *object)
{
  BudgExportDialog *self = BUDG_EXPORT_DIALOG (object);
  g_autofree char *today = budg_date_today ();
  g_autofree char *month_start = g_strdup_printf ("%.8s01", today);

  G_OBJECT_CLASS (budg_export_dialog_parent_class)->constructed (object);

  g_assert (BUDG_IS_CONTEXT (self->context));

  budg_date_row_set_date (self->from_row, month_start);
  budg_date_row_set_date (self->to_row, today);
  self->account_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  fill_accounts (self);
  form_changed_cb (self);
}

static void
budg_export_dialog_dispose (GObject *object)
{
  BudgExportDialog *self = BUDG_EXPORT_DIALOG (object);

  /* A write still running finishes (the file is whole or absent), but its
   * result goes nowhere. */
  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), BUDG_TYPE_EXPORT_DIALOG);
  g_clear_weak_pointer (&self->parent);
  g_clear_object (&self->context);
  g_clear_object (&self->cancellable);

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
  gtk_widget_class_bind_template_child (widget_class, BudgExportDialog, toast_overlay);
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
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * budg_export_dialog_new:
 * @parent: (nullable): the main window, which gets the toast
 * @context: the open books
 * @account_id: the account to offer first, or 0 for all
 *
 * Returns: (transfer floating): the dialog, not yet shown
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

guint
budg_export_dialog_get_count (BudgExportDialog *self)
{
  g_return_val_if_fail (BUDG_IS_EXPORT_DIALOG (self), 0);

  return self->count;
}
