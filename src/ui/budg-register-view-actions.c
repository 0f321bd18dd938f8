/* budg-register-view-actions.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-register-view"

#include "config.h"

#include <glib/gi18n.h>

#include "budg-message-dialog.h"
#include "budg-money.h"
#include "budg-reconcile-dialog.h"
#include "budg-register-view-private.h"
#include "budg-saved-filters.h"
#include "budg-transaction-dialog.h"

/* The register's actions ("register.*") and their shortcuts, listed in
 * gtk/help-overlay.ui. Destructive ones act at once and offer Undo in a
 * toast (DESIGN.md). */

static GtkWindow *
parent_window (BudgRegisterView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
dialog_saved_cb (BudgRegisterView *self,
                 gint64            id,
                 GtkWidget        *dialog)
{
  g_autoptr(GError) error = NULL;

  /* Show the row the user just saved, even before the idle reload. */
  if (!budg_register_model_reload (self->model, &error))
    g_warning ("Could not read the transactions again: %s", error->message);
  budg_register_view_select (self, id);
}

static void
present_transaction_dialog (BudgRegisterView          *self,
                            BudgTransaction           *transaction,
                            BudgTransactionDialogMode  mode)
{
  GtkWidget *dialog = budg_transaction_dialog_new (self->context, transaction, self->query.account_id);

  if (transaction == NULL && mode != BUDG_TRANSACTION_DIALOG_MODE_SINGLE)
    budg_transaction_dialog_set_mode (BUDG_TRANSACTION_DIALOG (dialog), mode);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), parent_window (self));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (dialog_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  present_transaction_dialog (BUDG_REGISTER_VIEW (widget), NULL, BUDG_TRANSACTION_DIALOG_MODE_SINGLE);
}

static void
add_transfer_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  present_transaction_dialog (BUDG_REGISTER_VIEW (widget), NULL, BUDG_TRANSACTION_DIALOG_MODE_TRANSFER);
}

void
_budg_register_view_edit_position (BudgRegisterView *self,
                                   guint             position)
{
  g_autoptr(BudgTransaction) item = NULL;
  g_autoptr(BudgTransaction) fresh = NULL;
  g_autoptr(GError) error = NULL;

  if (position >= g_list_model_get_n_items (G_LIST_MODEL (self->model)))
    return;

  /* The dialog edits a copy read now, so that a cancelled edit leaves the
   * row on screen untouched. */
  item = g_list_model_get_item (G_LIST_MODEL (self->model), position);
  fresh = budg_transaction_store_get (budg_context_get_transactions (self->context),
                                      budg_transaction_get_id (item), &error);
  if (fresh == NULL)
    {
      _budg_register_view_toast (self, error->message);
      return;
    }

  present_transaction_dialog (self, fresh, BUDG_TRANSACTION_DIALOG_MODE_SINGLE);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BudgRegisterView *self = BUDG_REGISTER_VIEW (widget);
  g_autoptr(GArray) ids = _budg_register_view_get_selected_ids (self);

  if (ids->len == 1)
    _budg_register_view_edit_position (self, budg_register_model_find (self->model, g_array_index (ids, gint64, 0)));
}

/* Undo of a delete: the toast owns what the delete took away. */
typedef struct
{
  BudgRegisterView        *view;     /* weak */
  BudgDeletedTransactions *deleted;
} UndoDelete;

static void
undo_delete_free (gpointer data,
                  GClosure *closure)
{
  UndoDelete *undo = data;

  g_clear_weak_pointer (&undo->view);
  budg_deleted_transactions_free (undo->deleted);
  g_free (undo);
}

static void
undo_delete_cb (AdwToast   *toast,
                UndoDelete *undo)
{
  g_autoptr(GError) error = NULL;

  if (undo->view == NULL)
    return;

  if (!budg_transaction_store_restore (budg_context_get_transactions (undo->view->context),
                                       undo->deleted, &error))
    _budg_register_view_toast (undo->view, error->message);
}

static void
delete_ids (BudgRegisterView *self,
            GArray           *ids)
{
  g_autoptr(BudgDeletedTransactions) deleted = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  UndoDelete *undo;
  AdwToast *toast;
  guint count;

  deleted = budg_transaction_store_delete_many (budg_context_get_transactions (self->context),
                                                (const gint64 *) ids->data, ids->len, &error);
  if (deleted == NULL)
    {
      _budg_register_view_toast (self, error->message);
      return;
    }

  count = budg_deleted_transactions_get_count (deleted);
  /* Translators: shown in a toast with an Undo button. */
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u transaction deleted", "%u transactions deleted", count),
                           count);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);

  undo = g_new0 (UndoDelete, 1);
  g_set_weak_pointer (&undo->view, self);
  undo->deleted = g_steal_pointer (&deleted);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_delete_cb), undo, undo_delete_free, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

typedef struct
{
  BudgRegisterView *view;   /* strong, for the length of the question */
  GArray           *ids;
} PendingDelete;

static void
confirm_delete_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  PendingDelete *pending = user_data;

  if (budg_message_dialog_choose_finish (result, NULL))
    delete_ids (pending->view, pending->ids);

  g_object_unref (pending->view);
  g_array_unref (pending->ids);
  g_free (pending);
}

static gboolean
any_reconciled (BudgRegisterView *self,
                GArray           *ids)
{
  g_autoptr(GPtrArray) rows = budg_transaction_store_get_many (budg_context_get_transactions (self->context),
                                                               (const gint64 *) ids->data, ids->len, NULL);

  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      BudgTransaction *row = g_ptr_array_index (rows, i);

      if (row != NULL && budg_transaction_get_status (row) == BUDG_TRANSACTION_STATUS_RECONCILED)
        return TRUE;
    }

  return FALSE;
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BudgRegisterView *self = BUDG_REGISTER_VIEW (widget);
  g_autoptr(GArray) ids = _budg_register_view_get_selected_ids (self);
  PendingDelete *pending;

  if (ids->len == 0)
    return;

  if (!any_reconciled (self, ids))
    {
      delete_ids (self, ids);
      return;
    }

  /* Reconciled rows are what a bank statement confirmed; say so first. */
  pending = g_new0 (PendingDelete, 1);
  pending->view = g_object_ref (self);
  pending->ids = g_array_ref (ids);
  budg_message_dialog_choose_async (parent_window (self),
                                    _("Delete Reconciled Transactions?"),
                                    _("Some of these transactions were matched against a bank statement. "
                                      "Deleting them makes that reconciliation no longer add up."),
                                    _("_Cancel"), _("_Delete"), TRUE, NULL,
                                    confirm_delete_cb, pending);
}

static void
set_category_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BudgRegisterView *self = BUDG_REGISTER_VIEW (widget);
  g_autoptr(GArray) ids = _budg_register_view_get_selected_ids (self);
  g_autoptr(GError) error = NULL;

  if (ids->len > 0 &&
      !budg_transaction_store_set_category_many (budg_context_get_transactions (self->context),
                                                 (const gint64 *) ids->data, ids->len,
                                                 g_variant_get_int64 (parameter), &error))
    _budg_register_view_toast (self, error->message);
}

static void
set_status_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  BudgRegisterView *self = BUDG_REGISTER_VIEW (widget);
  g_autoptr(GArray) ids = _budg_register_view_get_selected_ids (self);
  g_autoptr(GError) error = NULL;
  BudgTransactionStatus status;

  if (!budg_transaction_status_from_string (g_variant_get_string (parameter, NULL), &status))
    return;

  if (ids->len > 0 &&
      !budg_transaction_store_set_status_many (budg_context_get_transactions (self->context),
                                               (const gint64 *) ids->data, ids->len, status, &error))
    _budg_register_view_toast (self, error->message);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BudgRegisterView *self = BUDG_REGISTER_VIEW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  _budg_register_view_clear_filters (BUDG_REGISTER_VIEW (widget));
}

static void
reconcile_finished_cb (BudgRegisterView *self,
                       guint             count,
                       GtkWidget        *dialog)
{
  g_autofree char *title = NULL;

  /* Translators: shown in a toast after reconciling. */
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u transaction reconciled", "%u transactions reconciled",
                                        count), count);
  _budg_register_view_toast (self, title);
}

static void
reconcile_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  BudgRegisterView *self = BUDG_REGISTER_VIEW (widget);
  GtkWidget *dialog;

  if (self->query.account_id == 0)
    return;

  dialog = budg_reconcile_dialog_new (self->context, self->query.account_id);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), parent_window (self));
  g_signal_connect_object (dialog, "finished", G_CALLBACK (reconcile_finished_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
apply_filter_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BudgRegisterView *self = BUDG_REGISTER_VIEW (widget);
  g_autoptr(BudgTransactionQuery) query = NULL;
  g_autoptr(GError) error = NULL;

  query = budg_saved_filters_load (budg_context_get_database (self->context),
                                   g_variant_get_string (parameter, NULL), &error);
  if (query == NULL)
    {
      _budg_register_view_toast (self, error->message);
      return;
    }

  /* A saved filter sets the search and the filter popover, as if the
   * user had typed it; the account stays. */
  budg_register_view_show_query (self, query);
  budg_register_view_sort (self, query->sort, query->descending);
}

static void
delete_filter_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  BudgRegisterView *self = BUDG_REGISTER_VIEW (widget);
  g_autoptr(GError) error = NULL;

  if (!budg_saved_filters_delete (budg_context_get_database (self->context),
                                  g_variant_get_string (parameter, NULL), &error))
    _budg_register_view_toast (self, error->message);
}

typedef struct
{
  BudgRegisterView *view;   /* strong, for the length of the question */
  GtkEditable      *entry;
} PendingSave;

static void
save_filter_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  PendingSave *pending = user_data;
  BudgRegisterView *self = pending->view;

  if (budg_message_dialog_choose_finish (result, NULL))
    {
      g_autoptr(GError) error = NULL;
      BudgTransactionQuery query = self->query;

      /* The filter is about what to show, not where: no account. */
      query.account_id = 0;
      if (!budg_saved_filters_save (budg_context_get_database (self->context),
                                    gtk_editable_get_text (pending->entry), &query, &error))
        _budg_register_view_toast (self, error->message);
      else
        _budg_register_view_toast (self, _("Filter saved"));
    }

  g_object_unref (pending->entry);
  g_object_unref (pending->view);
  g_free (pending);
}

static void
save_filter_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  BudgRegisterView *self = BUDG_REGISTER_VIEW (widget);
  PendingSave *pending = g_new0 (PendingSave, 1);
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Filter name"), -1);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Filter name"));
  gtk_popover_popdown (self->filter_popover);

  pending->view = g_object_ref (self);
  pending->entry = GTK_EDITABLE (g_object_ref (entry));
  budg_message_dialog_choose_with_extra_child_async (parent_window (self),
                                                     _("Save Filter"),
                                                     _("The search and filters are kept under this name in the star menu."),
                                                     entry, _("_Cancel"), _("_Save"), FALSE, NULL,
                                                     save_filter_cb, pending);
}

void
_budg_register_view_update_actions (BudgRegisterView *self)
{
  g_autoptr(GtkBitset) selected = NULL;
  guint64 count = 0;

  if (self->selection != NULL)
    {
      selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
      count = gtk_bitset_get_size (selected);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "register.edit", count == 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "register.delete", count > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "register.set-category", count > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "register.set-status", count > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "register.reconcile", self->query.account_id != 0);
}

void
_budg_register_view_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "register.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "register.add-transfer", NULL, add_transfer_action);
  gtk_widget_class_install_action (widget_class, "register.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "register.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "register.set-category", "x", set_category_action);
  gtk_widget_class_install_action (widget_class, "register.set-status", "s", set_status_action);
  gtk_widget_class_install_action (widget_class, "register.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "register.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_install_action (widget_class, "register.reconcile", NULL, reconcile_action);
  gtk_widget_class_install_action (widget_class, "register.save-filter", NULL, save_filter_action);
  gtk_widget_class_install_action (widget_class, "register.apply-filter", "s", apply_filter_action);
  gtk_widget_class_install_action (widget_class, "register.delete-filter", "s", delete_filter_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "register.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK, "register.add-transfer", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "register.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "register.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "register.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "register.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "register.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "register.reconcile", NULL);
}
