/* budg-bank-link-dialog.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-bank-link-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "budg-account-store.h"
#include "budg-account.h"
#include "budg-bank-link-dialog.h"
#include "budg-plaid-tasks.h"

#define RESOURCE_BASE "/io/github/budg/Budg"

/* How often Plaid is asked while the user is in the browser; the URI
 * scheme's callback asks at once. $BUDG_PLAID_POLL_MS shortens it for
 * the tests. */
#define POLL_MS 2500

struct _BudgBankLinkDialog
{
  AdwWindow             parent_instance;

  BudgContext          *context;
  BudgPlaidEnvironment  environment;
  char                 *item_id;
  GCancellable         *cancellable;
  char                 *url;
  BudgPlaidLinked      *linked;
  GPtrArray            *rows;        /* AdwComboRow per bank account, in order */
  volatile gint         poll_now;

  GtkStack             *stack;
  GtkButton            *cancel_button;
  GtkButton            *add_button;
  GtkButton            *open_button;
  GtkWidget            *address_box;
  GtkLabel             *address_label;
  AdwPreferencesGroup  *accounts_group;
  AdwStatusPage        *done_page;
  AdwStatusPage        *error_page;
};

G_DEFINE_FINAL_TYPE (BudgBankLinkDialog, budg_bank_link_dialog, ADW_TYPE_WINDOW)

static const char *
database_path (BudgBankLinkDialog *self)
{
  return budg_database_get_path (budg_context_get_database (self->context));
}

static guint
poll_interval (void)
{
  const char *text = g_getenv ("BUDG_PLAID_POLL_MS");
  guint64 value;

  if (text != NULL && g_ascii_string_to_unsigned (text, 10, 1, 60000, &value, NULL))
    return (guint) value;

  return POLL_MS;
}

static void
show_page (BudgBankLinkDialog *self,
           const char         *name)
{
  gboolean finished = g_str_equal (name, "done") || g_str_equal (name, "error");

  gtk_stack_set_visible_child_name (self->stack, name);
  gtk_widget_set_visible (GTK_WIDGET (self->add_button), g_str_equal (name, "accounts"));
  gtk_button_set_label (self->cancel_button, finished ? _("_Close") : _("_Cancel"));
}

static void
show_error (BudgBankLinkDialog *self,
            const GError       *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  adw_status_page_set_description (self->error_page, error->message);
  show_page (self, "error");
}

static void
launched_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(BudgBankLinkDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (g_app_info_launch_default_for_uri_finish (result, &error))
    return;

  /* No browser to hand the page to: the address, to open by hand. */
  g_debug ("Could not open the bank page: %s", error->message);
  gtk_label_set_label (self->address_label, self->url);
  gtk_widget_set_visible (self->address_box, TRUE);
}

static void
open_in_browser (BudgBankLinkDialog *self)
{
  g_autoptr(GdkAppLaunchContext) context = gdk_display_get_app_launch_context (gtk_widget_get_display (GTK_WIDGET (self)));

  /* GIO goes through the OpenURI portal inside Flatpak. */
  g_app_info_launch_default_for_uri_async (self->url, G_APP_LAUNCH_CONTEXT (context), self->cancellable,
                                           launched_cb, g_object_ref (self));
}

static void
open_clicked_cb (BudgBankLinkDialog *self)
{
  if (self->url != NULL)
    open_in_browser (self);
}

static void
finished_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(BudgBankLinkDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  BudgPlaidSyncSummary summary = { 0 };
  gboolean ok = budg_plaid_link_complete_finish (result, &summary, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* The work went through connections of their own. */
  budg_database_emit_changed (budg_context_get_database (self->context), "*");

  if (!ok)
    {
      show_error (self, error);
      return;
    }

  title = self->item_id != NULL ? g_strdup (_("Logged In Again"))
                                : g_strdup (_("Bank Linked"));
  /* Translators: after linking a bank; %u is a number of transactions. */
  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u transaction added. Budg syncs again at start-up and every few hours.",
                                              "%u transactions added. Budg syncs again at start-up and every few hours.",
                                              summary.added),
                                 summary.added);
  adw_status_page_set_title (self->done_page, title);
  adw_status_page_set_description (self->done_page, description);
  show_page (self, "done");
}

static void
resynced_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(BudgBankLinkDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  BudgPlaidSyncSummary summary = { 0 };

  if (!budg_plaid_sync_finish (result, &summary, &error))
    {
      budg_database_emit_changed (budg_context_get_database (self->context), "*");
      show_error (self, error);
      return;
    }

  budg_database_emit_changed (budg_context_get_database (self->context), "*");
  adw_status_page_set_title (self->done_page, _("Logged In Again"));
  adw_status_page_set_description (self->done_page, _("The bank connection works again and is up to date."));
  show_page (self, "done");
}

static void
add_clicked_cb (BudgBankLinkDialog *self)
{
  g_autoptr(GHashTable) mapping = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GListModel *accounts = G_LIST_MODEL (budg_context_get_accounts (self->context));

  if (self->linked == NULL)
    return;

  /* Choice 0 is "New account"; choice n is the n-th account of the store. */
  for (guint i = 0; i < self->rows->len; i++)
    {
      BudgPlaidAccount *bank_account = g_ptr_array_index (self->linked->accounts, i);
      guint selected = adw_combo_row_get_selected (g_ptr_array_index (self->rows, i));
      g_autoptr(BudgAccount) account = NULL;

      if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
        continue;
      account = g_list_model_get_item (accounts, selected - 1);
      if (account != NULL)
        g_hash_table_insert (mapping, g_strdup (bank_account->account_id),
                             g_strdup_printf ("%" G_GINT64_FORMAT, budg_account_get_id (account)));
    }

  show_page (self, "working");
  budg_plaid_link_complete_async (database_path (self), g_steal_pointer (&self->linked), mapping,
                                  self->cancellable, finished_cb, g_object_ref (self));
}

static GListModel *
account_choices (BudgBankLinkDialog *self)
{
  GListModel *accounts = G_LIST_MODEL (budg_context_get_accounts (self->context));
  GtkStringList *choices = gtk_string_list_new (NULL);

  gtk_string_list_append (choices, _("New Account"));
  for (guint i = 0; i < g_list_model_get_n_items (accounts); i++)
    {
      g_autoptr(BudgAccount) account = g_list_model_get_item (accounts, i);

      gtk_string_list_append (choices, budg_account_get_name (account));
    }

  return G_LIST_MODEL (choices);
}

/* The bank's accounts, each with where its transactions go: an existing
 * account of the same name when there is one, else a new one. */
static void
show_accounts (BudgBankLinkDialog *self)
{
  g_autoptr(GListModel) choices = account_choices (self);
  g_autofree char *title = NULL;

  title = g_strdup_printf (_("Accounts at %s"), self->linked->institution_name != NULL
                                                ? self->linked->institution_name : _("the Bank"));
  adw_preferences_group_set_title (self->accounts_group, title);

  for (guint i = 0; i < self->linked->accounts->len; i++)
    {
      BudgPlaidAccount *account = g_ptr_array_index (self->linked->accounts, i);
      GtkWidget *row = adw_combo_row_new ();
      g_autofree char *subtitle = account->mask != NULL ? g_strdup_printf ("•••• %s", account->mask) : NULL;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), account->name);
      if (subtitle != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_combo_row_set_model (ADW_COMBO_ROW (row), choices);
      for (guint j = 1; j < g_list_model_get_n_items (choices); j++)
        {
          const char *name = gtk_string_list_get_string (GTK_STRING_LIST (choices), j);

          if (g_utf8_collate (name, account->name) == 0)
            adw_combo_row_set_selected (ADW_COMBO_ROW (row), j);
        }
      adw_preferences_group_add (self->accounts_group, row);
      g_ptr_array_add (self->rows, row);
    }

  show_page (self, "accounts");
}

static void
waited_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(BudgBankLinkDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  BudgPlaidLinked *linked = budg_plaid_link_wait_finish (result, &error);

  if (error != NULL)
    {
      show_error (self, error);
      return;
    }

  /* Update mode: the same item and token; a sync clears its state. */
  if (linked == NULL)
    {
      show_page (self, "working");
      budg_plaid_sync_async (database_path (self), self->item_id, self->cancellable, resynced_cb,
                             g_object_ref (self));
      return;
    }

  self->linked = linked;
  show_accounts (self);
}

static void
started_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(BudgBankLinkDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BudgPlaidLinkToken) token = budg_plaid_link_start_finish (result, &error);

  if (token == NULL)
    {
      show_error (self, error);
      return;
    }

  self->url = g_strdup (token->hosted_link_url);
  gtk_widget_set_sensitive (GTK_WIDGET (self->open_button), TRUE);
  open_in_browser (self);

  budg_plaid_link_wait_async (self->environment, token->link_token, token->expiration, self->item_id != NULL,
                              poll_interval (), &self->poll_now, self->cancellable, waited_cb, g_object_ref (self));
}

static void
cancel_clicked_cb (BudgBankLinkDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

/**
 * budg_bank_link_dialog_poll_now:
 * @self: a dialog
 */
void
budg_bank_link_dialog_poll_now (BudgBankLinkDialog *self)
{
  g_return_if_fail (BUDG_IS_BANK_LINK_DIALOG (self));

  g_atomic_int_set (&self->poll_now, TRUE);
  gtk_window_present (GTK_WINDOW (self));
}

/* The worker threads hold a reference to the dialog until they finish, so
 * closing it, not disposing it, is what stops them: polling Plaid, and a
 * bank linked but not recorded, which is then not kept (its token is
 * freed with the rest). */
static gboolean
budg_bank_link_dialog_close_request (GtkWindow *window)
{
  BudgBankLinkDialog *self = BUDG_BANK_LINK_DIALOG (window);

  g_cancellable_cancel (self->cancellable);

  return GTK_WINDOW_CLASS (budg_bank_link_dialog_parent_class)->close_request (window);
}

static void
budg_bank_link_dialog_dispose (GObject *object)
{
  BudgBankLinkDialog *self = (BudgBankLinkDialog *) object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), BUDG_TYPE_BANK_LINK_DIALOG);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (budg_bank_link_dialog_parent_class)->dispose (object);
}

static void
budg_bank_link_dialog_finalize (GObject *object)
{
  BudgBankLinkDialog *self = (BudgBankLinkDialog *) object;

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->linked, budg_plaid_linked_free);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_free (self->item_id);
  g_free (self->url);

  G_OBJECT_CLASS (budg_bank_link_dialog_parent_class)->finalize (object);
}

static void
budg_bank_link_dialog_class_init (BudgBankLinkDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = budg_bank_link_dialog_dispose;
  window_class->close_request = budg_bank_link_dialog_close_request;
  object_class->finalize = budg_bank_link_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/budg-bank-link-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BudgBankLinkDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, BudgBankLinkDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, BudgBankLinkDialog, add_button);
  gtk_widget_class_bind_template_child (widget_class, BudgBankLinkDialog, open_button);
  gtk_widget_class_bind_template_child (widget_class, BudgBankLinkDialog, address_box);
  gtk_widget_class_bind_template_child (widget_class, BudgBankLinkDialog, address_label);
  gtk_widget_class_bind_template_child (widget_class, BudgBankLinkDialog, accounts_group);
  gtk_widget_class_bind_template_child (widget_class, BudgBankLinkDialog, done_page);
  gtk_widget_class_bind_template_child (widget_class, BudgBankLinkDialog, error_page);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, open_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
budg_bank_link_dialog_init (BudgBankLinkDialog *self)
{
  self->cancellable = g_cancellable_new ();
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
budg_bank_link_dialog_new (BudgContext          *context,
                           BudgPlaidEnvironment  environment,
                           const char           *item_id)
{
  BudgBankLinkDialog *self;

  g_return_val_if_fail (BUDG_IS_CONTEXT (context), NULL);

  self = g_object_new (BUDG_TYPE_BANK_LINK_DIALOG, NULL);
  self->context = g_object_ref (context);
  self->environment = environment;
  self->item_id = g_strdup (item_id);
  if (item_id != NULL)
    gtk_window_set_title (GTK_WINDOW (self), _("Log In to the Bank Again"));

  show_page (self, "waiting");
  budg_plaid_link_start_async (database_path (self), environment, item_id, self->cancellable, started_cb,
                               g_object_ref (self));

  return GTK_WIDGET (self);
}
