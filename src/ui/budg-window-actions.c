/* budg-window-actions.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-window-actions"

#include "config.h"

#include <glib/gi18n.h>

#include "budg-account-dialog.h"
#include "budg-application.h"
#include "budg-backups-window.h"
#include "budg-balance-dialog.h"
#include "budg-bill-dialog.h"
#include "budg-categories-window.h"
#include "budg-export-dialog.h"
#include "budg-import-dialog.h"
#include "budg-rates-window.h"
#include "budg-bank-connections-window.h"
#include "budg-rules-window.h"
#include "budg-message-dialog.h"
#include "budg-window-private.h"

/* The account actions take the id of the account to act on, so that a
 * row's menu can name its own account; 0 means the account selected in
 * the sidebar, which is what the keyboard shortcuts pass.
 */

typedef enum
{
  UNDO_DELETE,
  UNDO_ARCHIVE,
  UNDO_UNARCHIVE,
} UndoKind;

typedef struct
{
  GWeakRef     window;
  BudgContext *context;
  BudgAccount *account;
  UndoKind     kind;
} UndoData;

typedef struct
{
  BudgWindow  *window;
  BudgAccount *account;
} DeleteData;

static void
undo_data_free (gpointer  data,
                GClosure *closure)
{
  UndoData *undo = data;

  g_weak_ref_clear (&undo->window);
  g_clear_object (&undo->context);
  g_clear_object (&undo->account);
  g_free (undo);
}

static void
delete_data_free (DeleteData *data)
{
  g_clear_object (&data->window);
  g_clear_object (&data->account);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeleteData, delete_data_free)

static void
present_transient (BudgWindow *self,
                   GtkWidget  *window)
{
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (window));
}

static void
undo_clicked_cb (AdwToast *toast,
                 gpointer  user_data)
{
  UndoData *undo = user_data;
  BudgAccountStore *store = budg_context_get_accounts (undo->context);
  g_autoptr(BudgWindow) window = g_weak_ref_get (&undo->window);
  g_autoptr(GError) error = NULL;
  gboolean ok = FALSE;

  switch (undo->kind)
    {
    case UNDO_DELETE:
      ok = budg_account_store_undelete (store, undo->account, &error);
      break;

    case UNDO_ARCHIVE:
      ok = budg_account_store_set_archived (store, undo->account, FALSE, &error);
      break;

    case UNDO_UNARCHIVE:
      ok = budg_account_store_set_archived (store, undo->account, TRUE, &error);
      break;

    default:
      g_assert_not_reached ();
    }

  if (!ok && window != NULL)
    _budg_window_show_error (window, error);
}

static void
add_undo_toast (BudgWindow  *self,
                const char  *title,
                BudgAccount *account,
                UndoKind     kind)
{
  AdwToast *toast = adw_toast_new (title);
  UndoData *undo = g_new0 (UndoData, 1);

  g_weak_ref_init (&undo->window, self);
  undo->context = g_object_ref (self->context);
  undo->account = g_object_ref (account);
  undo->kind = kind;

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_data (toast, "button-clicked",
                         G_CALLBACK (undo_clicked_cb),
                         undo, undo_data_free,
                         0);

  budg_window_add_toast (self, toast);
}

static void
delete_account (BudgWindow  *self,
                BudgAccount *account,
                gboolean     undoable)
{
  BudgAccountStore *store = budg_context_get_accounts (self->context);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  if (!budg_account_store_delete (store, account, &error))
    {
      _budg_window_show_error (self, error);
      return;
    }

  /* Translators: shown in a toast; %s is the account name. */
  title = g_markup_printf_escaped (_("Account “%s” deleted"), budg_account_get_name (account));

  if (undoable)
    add_undo_toast (self, title, account, UNDO_DELETE);
  else
    budg_window_add_toast (self, adw_toast_new (title));
}

static void
delete_confirmed_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(DeleteData) data = user_data;
  g_autoptr(GError) error = NULL;

  if (!budg_message_dialog_choose_finish (result, &error))
    {
      if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not ask before deleting an account: %s", error->message);
      return;
    }

  /* Its transactions go with it and cannot be brought back: no Undo. */
  delete_account (data->window, data->account, FALSE);
}

static void
add_account_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  BudgWindow *self = BUDG_WINDOW (widget);

  present_transient (self, budg_account_dialog_new (self->context, NULL));
}

static void
edit_account_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BudgWindow *self = BUDG_WINDOW (widget);
  g_autoptr(BudgAccount) account = _budg_window_dup_account (self, g_variant_get_int64 (parameter));

  if (account == NULL)
    {
      gtk_widget_error_bell (widget);
      return;
    }

  present_transient (self, budg_account_dialog_new (self->context, account));
}

static void
record_balance_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  BudgWindow *self = BUDG_WINDOW (widget);
  g_autoptr(BudgAccount) account = _budg_window_dup_account (self, g_variant_get_int64 (parameter));

  /* Without a selected account the dialog lets one be chosen. */
  present_transient (self, budg_balance_dialog_new (self->context, account));
}

static void
archive_account_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  BudgWindow *self = BUDG_WINDOW (widget);
  BudgAccountStore *store = budg_context_get_accounts (self->context);
  g_autoptr(BudgAccount) account = _budg_window_dup_account (self, g_variant_get_int64 (parameter));
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  gboolean archived;

  if (account == NULL)
    {
      gtk_widget_error_bell (widget);
      return;
    }

  archived = budg_account_get_archived (account);

  if (!budg_account_store_set_archived (store, account, !archived, &error))
    {
      _budg_window_show_error (self, error);
      return;
    }

  if (archived)
    /* Translators: shown in a toast; %s is the account name. */
    title = g_markup_printf_escaped (_("Account “%s” unarchived"), budg_account_get_name (account));
  else
    /* Translators: shown in a toast; %s is the account name. */
    title = g_markup_printf_escaped (_("Account “%s” archived"), budg_account_get_name (account));

  add_undo_toast (self, title, account, archived ? UNDO_UNARCHIVE : UNDO_ARCHIVE);
}

static void
delete_account_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  BudgWindow *self = BUDG_WINDOW (widget);
  BudgAccountStore *store = budg_context_get_accounts (self->context);
  g_autoptr(BudgAccount) account = _budg_window_dup_account (self, g_variant_get_int64 (parameter));
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  DeleteData *data;
  gint64 n_transactions;

  if (account == NULL)
    {
      gtk_widget_error_bell (widget);
      return;
    }

  n_transactions = budg_account_store_count_transactions (store, account);

  /* An account without history is cheap to bring back, so it goes at once
   * with an Undo; one with transactions takes them along for good, so ask.
   */
  if (n_transactions == 0)
    {
      delete_account (self, account, TRUE);
      return;
    }

  /* Translators: %s is the account name. */
  heading = g_strdup_printf (_("Delete “%s”?"), budg_account_get_name (account));

  if (n_transactions > 0)
    body = g_strdup_printf (ngettext ("Its %lld transaction will be deleted with it. "
                                      "This cannot be undone.\n\nTo hide the account but keep its "
                                      "history, archive it instead.",
                                      "Its %lld transactions will be deleted with it. "
                                      "This cannot be undone.\n\nTo hide the account but keep its "
                                      "history, archive it instead.",
                                      (gulong) n_transactions),
                            (long long) n_transactions);
  else
    body = g_strdup (_("Its transactions will be deleted with it. This cannot be undone.\n\n"
                       "To hide the account but keep its history, archive it instead."));

  data = g_new0 (DeleteData, 1);
  data->window = g_object_ref (self);
  data->account = g_steal_pointer (&account);

  budg_message_dialog_choose_async (GTK_WINDOW (self), heading, body,
                                    _("_Cancel"), _("_Delete"), TRUE,
                                    NULL, delete_confirmed_cb, data);
}

static void
add_bill_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  BudgWindow *self = BUDG_WINDOW (widget);
  GtkWidget *dialog = budg_bill_dialog_new (self->context, NULL, NULL);

  /* A new bill is most likely one of the account being looked at. */
  budg_bill_dialog_set_account_id (BUDG_BILL_DIALOG (dialog),
                                   budg_sidebar_get_selected_account_id (self->sidebar));
  present_transient (self, dialog);
}

static void
manage_categories_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  BudgWindow *self = BUDG_WINDOW (widget);

  present_transient (self, budg_categories_window_new (self->context));
}

static void
manage_rates_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BudgWindow *self = BUDG_WINDOW (widget);

  present_transient (self, budg_rates_window_new (self->context));
}

static void
bank_connections_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  BudgWindow *self = BUDG_WINDOW (widget);

  present_transient (self, budg_bank_connections_window_new (self->context));
}

/* The stores of this window hold what the restore replaced: Budg opens the
 * database again, in a new window. */
static void
backups_restored_cb (BudgWindow *self,
                     const char *name,
                     GtkWindow  *backups)
{
  g_autoptr(BudgWindow) window = g_object_ref (self);
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  /* Translators: %s is the file name of a backup. */
  g_autofree char *message = g_strdup_printf (_("Restored %s"), name);

  gtk_window_destroy (backups);
  if (BUDG_IS_APPLICATION (application))
    budg_application_reopen_database (BUDG_APPLICATION (application), GTK_WINDOW (window), message);
}

static void
backups_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  BudgWindow *self = BUDG_WINDOW (widget);
  GtkWidget *backups = budg_backups_window_new (self->context);

  g_signal_connect_object (backups, "restored", G_CALLBACK (backups_restored_cb), self, G_CONNECT_SWAPPED);
  present_transient (self, backups);
}

static void
sync_banks_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  BudgWindow *self = BUDG_WINDOW (widget);

  if (budg_bank_sync_is_running (self->bank_sync))
    return;
  if (budg_bank_sync_run (self->bank_sync))
    budg_window_add_toast (self, adw_toast_new (_("Syncing the banks…")));
  else
    budg_window_add_toast (self, adw_toast_new (_("No bank is linked yet. Link one in Bank Connections.")));
}

static void
manage_rules_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BudgWindow *self = BUDG_WINDOW (widget);

  present_transient (self, budg_rules_window_new (self->context));
}

static void
import_file_chosen_cb (GtkNativeDialog *chooser,
                       int              response,
                       BudgWindow      *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);

  if (file != NULL)
    {
      GtkWidget *dialog = budg_import_dialog_new (GTK_WINDOW (self), self->context, file);

      budg_import_dialog_set_default_account (BUDG_IMPORT_DIALOG (dialog),
                                              budg_sidebar_get_selected_account_id (self->sidebar));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BudgWindow *self = BUDG_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (budg_export_dialog_new (GTK_WINDOW (self), self->context,
                                                          budg_sidebar_get_selected_account_id (self->sidebar))));
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BudgWindow *self = BUDG_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) statements = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  const char *suffixes[] = { "csv", "txt", "ofx", "qfx", "qif" };

  gtk_file_filter_set_name (statements, _("Statements (CSV, OFX, QFX, QIF)"));
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    gtk_file_filter_add_suffix (statements, suffixes[i]);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");

  chooser = gtk_file_chooser_native_new (_("Import Statement"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), statements);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  /* The chooser keeps itself alive until it answers. */
  g_signal_connect_object (chooser, "response", G_CALLBACK (import_file_chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  budg_window_set_view (BUDG_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
toggle_sidebar_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  BudgWindow *self = BUDG_WINDOW (widget);
  gboolean visible;

  if (!gtk_widget_get_visible (GTK_WIDGET (self->leaflet)) ||
      g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "accounts") != 0)
    return;

  if (adw_leaflet_get_folded (self->leaflet))
    {
      if (adw_leaflet_get_visible_child (self->leaflet) == self->sidebar_pane)
        {
          adw_leaflet_set_visible_child (self->leaflet, self->content_pane);
        }
      else
        {
          adw_leaflet_set_visible_child (self->leaflet, self->sidebar_pane);
          budg_sidebar_focus_selected (self->sidebar);
        }
      return;
    }

  visible = !gtk_widget_get_visible (self->sidebar_pane);
  gtk_widget_set_visible (self->sidebar_pane, visible);
  gtk_widget_set_visible (self->sidebar_separator, visible);

  if (visible)
    budg_sidebar_focus_selected (self->sidebar);
}

void
_budg_window_update_actions (BudgWindow *self)
{
  gboolean any = g_list_model_get_n_items (G_LIST_MODEL (budg_context_get_accounts (self->context))) > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-account", any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.record-balance", any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.archive-account", any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-account", any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-bill", any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-view", any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.toggle-sidebar", any);
}

void
_budg_window_class_actions_init (BudgWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const struct {
    guint       keyval;
    const char *view;
  } view_keys[] = {
    { GDK_KEY_1, "bills" },
    { GDK_KEY_2, "transactions" },
    { GDK_KEY_3, "budgets" },
    { GDK_KEY_4, "goals" },
    { GDK_KEY_5, "reports" },
  };

  gtk_widget_class_install_action (widget_class, "win.add-account", NULL, add_account_action);
  gtk_widget_class_install_action (widget_class, "win.edit-account", "x", edit_account_action);
  gtk_widget_class_install_action (widget_class, "win.record-balance", "x", record_balance_action);
  gtk_widget_class_install_action (widget_class, "win.archive-account", "x", archive_account_action);
  gtk_widget_class_install_action (widget_class, "win.delete-account", "x", delete_account_action);
  gtk_widget_class_install_action (widget_class, "win.add-bill", NULL, add_bill_action);
  gtk_widget_class_install_action (widget_class, "win.manage-categories", NULL, manage_categories_action);
  gtk_widget_class_install_action (widget_class, "win.manage-rates", NULL, manage_rates_action);
  gtk_widget_class_install_action (widget_class, "win.manage-rules", NULL, manage_rules_action);
  gtk_widget_class_install_action (widget_class, "win.bank-connections", NULL, bank_connections_action);
  gtk_widget_class_install_action (widget_class, "win.sync-banks", NULL, sync_banks_action);
  gtk_widget_class_install_action (widget_class, "win.backups", NULL, backups_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-sidebar", NULL, toggle_sidebar_action);

  /* Keep these in step with gtk/help-overlay.ui. Delete is bound by the
   * sidebar, so that it only deletes an account when a row has the focus.
   */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.add-account", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0,
                                       "win.edit-account", "x", G_GINT64_CONSTANT (0));
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "win.edit-account", "x", G_GINT64_CONSTANT (0));
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_b, GDK_CONTROL_MASK,
                                       "win.record-balance", "x", G_GINT64_CONSTANT (0));
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_h, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.archive-account", "x", G_GINT64_CONSTANT (0));
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_b, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.add-bill", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.manage-categories", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0,
                                       "win.toggle-sidebar", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.manage-rules", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK,
                                       "win.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.sync-banks", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (view_keys); i++)
    gtk_widget_class_add_binding_action (widget_class, view_keys[i].keyval, GDK_ALT_MASK,
                                         "win.show-view", "s", view_keys[i].view);
}
