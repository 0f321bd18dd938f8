/* budg-bank-connections-window.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-bank-connections-window"

#include "config.h"

#include <glib/gi18n.h>

#include "budg-bank-connections-window.h"
#include "budg-bank-link-dialog.h"
#include "budg-date.h"
#include "budg-error.h"
#include "budg-plaid-store.h"
#include "budg-plaid-tasks.h"

#define RESOURCE_BASE "/io/github/budg/Budg"

struct _BudgBankConnectionsWindow
{
  AdwWindow        parent_instance;

  BudgContext     *context;
  GCancellable    *cancellable;
  gboolean         busy;

  AdwToastOverlay *toast_overlay;
  AdwComboRow     *environment_row;
  AdwEntryRow     *client_id_row;
  AdwEntryRow     *secret_row;
  GtkLabel        *keys_label;
  GtkButton       *save_button;
  GtkButton       *sync_button;
  GtkButton       *link_button;
  GtkListBox      *connections_list;
  GtkWidget       *empty_label;
};

G_DEFINE_FINAL_TYPE (BudgBankConnectionsWindow, budg_bank_connections_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
database_path (BudgBankConnectionsWindow *self)
{
  return budg_database_get_path (budg_context_get_database (self->context));
}

static BudgPlaidEnvironment
selected_environment (BudgBankConnectionsWindow *self)
{
  return adw_combo_row_get_selected (self->environment_row) == 1 ? BUDG_PLAID_PRODUCTION : BUDG_PLAID_SANDBOX;
}

static void
toast (BudgBankConnectionsWindow *self,
       const char                *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
show_keys_state (BudgBankConnectionsWindow *self,
                 const char                *message,
                 gboolean                   is_error)
{
  gtk_label_set_label (self->keys_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->keys_label), message != NULL);
  if (is_error)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->keys_label), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->keys_label), "error");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->keys_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->keys_label), "dim-label");
    }
}

static void
keys_changed_cb (BudgBankConnectionsWindow *self)
{
  const char *client_id = gtk_editable_get_text (GTK_EDITABLE (self->client_id_row));
  const char *secret = gtk_editable_get_text (GTK_EDITABLE (self->secret_row));

  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button),
                            !self->busy && client_id[0] != '\0' && secret[0] != '\0');
}

static void
keys_loaded_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(BudgBankConnectionsWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *client_id = budg_plaid_load_keys_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (client_id != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->client_id_row), client_id);
      show_keys_state (self, _("Keys saved in the keyring. Enter the secret again only to change it."), FALSE);
    }
  else if (g_error_matches (error, BUDG_ERROR, BUDG_ERROR_NOT_FOUND))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->client_id_row), "");
      show_keys_state (self, _("No keys saved for this environment yet."), FALSE);
    }
  else
    {
      show_keys_state (self, error->message, TRUE);
    }
}

static void
load_keys (BudgBankConnectionsWindow *self)
{
  budg_plaid_load_keys_async (selected_environment (self), self->cancellable, keys_loaded_cb, g_object_ref (self));
}

static void
environment_changed_cb (BudgBankConnectionsWindow *self)
{
  GSettings *settings = budg_context_get_settings (self->context);

  if (settings != NULL)
    g_settings_set_string (settings, "bank-environment",
                           budg_plaid_environment_to_string (selected_environment (self)));
  gtk_editable_set_text (GTK_EDITABLE (self->secret_row), "");
  load_keys (self);
}

static void
keys_saved_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(BudgBankConnectionsWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  self->busy = FALSE;
  if (!budg_plaid_save_keys_finish (result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_keys_state (self, error->message, TRUE);
      keys_changed_cb (self);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->secret_row), "");
  show_keys_state (self, _("Keys saved in the keyring."), FALSE);
  toast (self, _("Plaid keys saved"));
  keys_changed_cb (self);
}

static void
save_keys_cb (BudgBankConnectionsWindow *self)
{
  if (!gtk_widget_get_sensitive (GTK_WIDGET (self->save_button)))
    return;

  self->busy = TRUE;
  keys_changed_cb (self);
  show_keys_state (self, _("Saving in the keyring…"), FALSE);
  budg_plaid_save_keys_async (selected_environment (self),
                              gtk_editable_get_text (GTK_EDITABLE (self->client_id_row)),
                              gtk_editable_get_text (GTK_EDITABLE (self->secret_row)),
                              self->cancellable, keys_saved_cb, g_object_ref (self));
}

static void
present_link_dialog (BudgBankConnectionsWindow *self,
                     BudgPlaidEnvironment       environment,
                     const char                *item_id)
{
  GtkWidget *dialog = budg_bank_link_dialog_new (self->context, environment, item_id);

  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
link_clicked_cb (BudgBankConnectionsWindow *self)
{
  present_link_dialog (self, selected_environment (self), NULL);
}

static char *
summary_text (const BudgPlaidSyncSummary *summary)
{
  /* Translators: after a bank sync; the three are numbers of transactions. */
  return g_strdup_printf (_("Synced: %u added, %u changed, %u removed"), summary->added, summary->modified,
                          summary->removed);
}

static void
synced_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(BudgBankConnectionsWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  BudgPlaidSyncSummary summary = { 0 };
  gboolean ok = budg_plaid_sync_finish (result, &summary, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->busy = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->sync_button), TRUE);
  /* The sync wrote through a connection of its own. */
  budg_database_emit_changed (budg_context_get_database (self->context), "*");

  text = ok ? summary_text (&summary) : g_strdup (error->message);
  toast (self, text);
}

static void
start_sync (BudgBankConnectionsWindow *self,
            const char                *item_id)
{
  if (self->busy)
    return;

  self->busy = TRUE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->sync_button), FALSE);
  toast (self, _("Syncing…"));
  budg_plaid_sync_async (database_path (self), item_id, self->cancellable, synced_cb, g_object_ref (self));
}

static void
sync_all_cb (BudgBankConnectionsWindow *self)
{
  start_sync (self, NULL);
}

static void
sync_item_cb (GtkButton                 *button,
              BudgBankConnectionsWindow *self)
{
  start_sync (self, g_object_get_data (G_OBJECT (button), "item-id"));
}

static void
relogin_cb (GtkButton                 *button,
            BudgBankConnectionsWindow *self)
{
  present_link_dialog (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "environment")),
                       g_object_get_data (G_OBJECT (button), "item-id"));
}

static void
unlinked_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(BudgBankConnectionsWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!budg_plaid_unlink_finish (result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, error->message);
      return;
    }

  budg_database_emit_changed (budg_context_get_database (self->context), "*");
  toast (self, _("Bank unlinked; its accounts and transactions stay"));
}

static void
unlink_response_cb (AdwMessageDialog          *dialog,
                    const char                *response,
                    BudgBankConnectionsWindow *self)
{
  if (g_strcmp0 (response, "unlink") != 0)
    return;

  budg_plaid_unlink_async (database_path (self), g_object_get_data (G_OBJECT (dialog), "item-id"),
                           self->cancellable, unlinked_cb, g_object_ref (self));
}

static void
unlink_cb (GtkButton                 *button,
           BudgBankConnectionsWindow *self)
{
  const char *name = g_object_get_data (G_OBJECT (button), "name");
  g_autofree char *heading = g_strdup_printf (_("Unlink %s?"), name);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                              _("Budg stops syncing this bank and Plaid ends the connection. "
                                                "The accounts and transactions already in Budg stay."));

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "unlink", _("_Unlink"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "unlink", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "item-id",
                          g_strdup (g_object_get_data (G_OBJECT (button), "item-id")), g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (unlink_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
row_button (BudgBankConnectionsWindow *self,
            const char                *icon_name,
            const char                *label,
            const char                *tooltip,
            const char                *accessible,
            const BudgPlaidItem       *item,
            const char                *name,
            GCallback                  callback)
{
  GtkWidget *button = icon_name != NULL ? gtk_button_new_from_icon_name (icon_name)
                                        : gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  if (icon_name != NULL)
    gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_object_set_data_full (G_OBJECT (button), "item-id", g_strdup (item->item_id), g_free);
  g_object_set_data_full (G_OBJECT (button), "name", g_strdup (name), g_free);
  g_object_set_data (G_OBJECT (button), "environment", GINT_TO_POINTER (item->environment));
  g_signal_connect (button, "clicked", callback, self);

  return button;
}

/* What a connection's row says under its name. */
static char *
item_subtitle (const BudgPlaidItem *item)
{
  g_autofree char *when = NULL;

  switch (item->state)
    {
    case BUDG_PLAID_ITEM_NEEDS_LOGIN:
      return g_strdup (_("The bank asks you to log in again"));
    case BUDG_PLAID_ITEM_ERROR:
      return g_strdup_printf (_("The last sync failed: %s"), item->last_error != NULL ? item->last_error : "");
    case BUDG_PLAID_ITEM_OK:
    default:
      if (item->last_sync_at == NULL)
        return g_strdup (_("Not synced yet"));
      {
        g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (item->last_sync_at, NULL);
        g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;

        /* Translators: a date and time in the locale's format. */
        when = local != NULL ? g_date_time_format (local, _("%x %H:%M")) : g_strdup (item->last_sync_at);
      }
      /* Translators: %s is when the bank connection last synced. */
      return g_strdup_printf (_("Last synced %s"), when);
    }
}

static void
reload (BudgBankConnectionsWindow *self)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->connections_list))) != NULL)
    gtk_list_box_remove (self->connections_list, child);

  items = budg_plaid_store_list_items (budg_context_get_database (self->context), &error);
  if (items == NULL)
    {
      toast (self, error->message);
      return;
    }

  for (guint i = 0; i < items->len; i++)
    {
      BudgPlaidItem *item = g_ptr_array_index (items, i);
      const char *name = item->institution_name != NULL ? item->institution_name : item->item_id;
      g_autofree char *subtitle = item_subtitle (item);
      g_autofree char *sync_label = g_strdup_printf (_("Sync %s now"), name);
      g_autofree char *unlink_label = g_strdup_printf (_("Unlink %s"), name);
      g_autofree char *login_label = g_strdup_printf (_("Log in to %s again"), name);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (item->environment == BUDG_PLAID_SANDBOX)
        {
          GtkWidget *tag = gtk_label_new (_("Sandbox"));

          gtk_widget_add_css_class (tag, "dim-label");
          gtk_widget_add_css_class (tag, "caption");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag);
        }
      if (item->state == BUDG_PLAID_ITEM_NEEDS_LOGIN)
        adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                   row_button (self, NULL, _("Log _In Again"), _("Log in at the bank again"),
                                               login_label, item, name, G_CALLBACK (relogin_cb)));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 row_button (self, "view-refresh-symbolic", NULL, _("Sync Now"), sync_label, item,
                                             name, G_CALLBACK (sync_item_cb)));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 row_button (self, "user-trash-symbolic", NULL, _("Unlink"), unlink_label, item,
                                             name, G_CALLBACK (unlink_cb)));
      gtk_list_box_append (self->connections_list, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->connections_list), items->len > 0);
  gtk_widget_set_visible (self->empty_label, items->len == 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->sync_button), !self->busy && items->len > 0);
}

static void
database_changed_cb (BudgBankConnectionsWindow *self,
                     const char                *table)
{
  reload (self);
}

static void
budg_bank_connections_window_constructed (GObject *object)
{
  BudgBankConnectionsWindow *self = (BudgBankConnectionsWindow *) object;
  GSettings *settings;

  G_OBJECT_CLASS (budg_bank_connections_window_parent_class)->constructed (object);

  settings = budg_context_get_settings (self->context);
  if (settings != NULL)
    {
      g_autofree char *environment = g_settings_get_string (settings, "bank-environment");

      adw_combo_row_set_selected (self->environment_row, g_strcmp0 (environment, "production") == 0 ? 1 : 0);
    }
  g_signal_connect_object (self->environment_row, "notify::selected", G_CALLBACK (environment_changed_cb), self,
                           G_CONNECT_SWAPPED);

  g_signal_connect_object (budg_context_get_database (self->context), "changed",
                           G_CALLBACK (database_changed_cb), self, G_CONNECT_SWAPPED);
  reload (self);
  load_keys (self);
}

static void
budg_bank_connections_window_dispose (GObject *object)
{
  BudgBankConnectionsWindow *self = (BudgBankConnectionsWindow *) object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), BUDG_TYPE_BANK_CONNECTIONS_WINDOW);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (budg_bank_connections_window_parent_class)->dispose (object);
}

static void
budg_bank_connections_window_get_property (GObject    *object,
                                           guint       prop_id,
                                           GValue     *value,
                                           GParamSpec *pspec)
{
  BudgBankConnectionsWindow *self = BUDG_BANK_CONNECTIONS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
budg_bank_connections_window_set_property (GObject      *object,
                                           guint         prop_id,
                                           const GValue *value,
                                           GParamSpec   *pspec)
{
  BudgBankConnectionsWindow *self = BUDG_BANK_CONNECTIONS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
budg_bank_connections_window_class_init (BudgBankConnectionsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = budg_bank_connections_window_constructed;
  object_class->dispose = budg_bank_connections_window_dispose;
  object_class->get_property = budg_bank_connections_window_get_property;
  object_class->set_property = budg_bank_connections_window_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         BUDG_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/budg-bank-connections-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BudgBankConnectionsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BudgBankConnectionsWindow, environment_row);
  gtk_widget_class_bind_template_child (widget_class, BudgBankConnectionsWindow, client_id_row);
  gtk_widget_class_bind_template_child (widget_class, BudgBankConnectionsWindow, secret_row);
  gtk_widget_class_bind_template_child (widget_class, BudgBankConnectionsWindow, keys_label);
  gtk_widget_class_bind_template_child (widget_class, BudgBankConnectionsWindow, save_button);
  gtk_widget_class_bind_template_child (widget_class, BudgBankConnectionsWindow, sync_button);
  gtk_widget_class_bind_template_child (widget_class, BudgBankConnectionsWindow, link_button);
  gtk_widget_class_bind_template_child (widget_class, BudgBankConnectionsWindow, connections_list);
  gtk_widget_class_bind_template_child (widget_class, BudgBankConnectionsWindow, empty_label);
  gtk_widget_class_bind_template_callback (widget_class, keys_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_keys_cb);
  gtk_widget_class_bind_template_callback (widget_class, sync_all_cb);
  gtk_widget_class_bind_template_callback (widget_class, link_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
budg_bank_connections_window_init (BudgBankConnectionsWindow *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
budg_bank_connections_window_new (BudgContext *context)
{
  g_return_val_if_fail (BUDG_IS_CONTEXT (context), NULL);

  return g_object_new (BUDG_TYPE_BANK_CONNECTIONS_WINDOW,
                       "context", context,
                       NULL);
}
