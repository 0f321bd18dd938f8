/* budg-balance-dialog.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-balance-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "budg-amount-row.h"
#include "budg-balance-dialog.h"
#include "budg-date-row.h"
#include "budg-form.h"

/* Records a balance snapshot: what the bank said an account held at the end
 * of a day. Recording a second balance for the same day replaces the first,
 * which is what someone correcting a typo expects.
 */

struct _BudgBalanceDialog
{
  AdwWindow        parent_instance;

  BudgContext     *context;
  BudgAccount     *account;

  AdwToastOverlay *toast_overlay;
  AdwComboRow     *account_row;
  BudgDateRow     *date_row;
  BudgAmountRow   *amount_row;
  GtkLabel        *amount_error_label;
  AdwEntryRow     *note_row;
  GtkLabel        *note_error_label;
};

G_DEFINE_FINAL_TYPE (BudgBalanceDialog, budg_balance_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_ACCOUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
open_account_filter_func (gpointer item,
                          gpointer user_data)
{
  BudgBalanceDialog *self = user_data;
  BudgAccount *account = item;

  /* An archived account is only offered when the caller asked for it. */
  return !budg_account_get_archived (account) ||
         (self->account != NULL &&
          budg_account_get_id (account) == budg_account_get_id (self->account));
}

static BudgAccount *
get_selected_account (BudgBalanceDialog *self)
{
  return adw_combo_row_get_selected_item (self->account_row);
}

/* The note is checked with the store's own rule, so that what Save would
 * refuse is explained while typing.
 */
static gboolean
check_note (BudgBalanceDialog  *self,
            GError            **error)
{
  return budg_form_check_optional (self->note_row, _("note"), error);
}

/* A balance must be given: unlike an opening balance, nothing is a
 * sensible default.
 */
static gboolean
is_valid (BudgBalanceDialog *self)
{
  gint64 minor;

  return budg_amount_row_parse (self->amount_row, &minor, NULL) && check_note (self, NULL);
}

static void
update_save (BudgBalanceDialog *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.save", is_valid (self));
}

static void
update_amount (BudgBalanceDialog *self)
{
  g_autoptr(GError) error = NULL;
  gint64 minor;

  budg_amount_row_parse (self->amount_row, &minor, &error);
  budg_form_set_field_error (GTK_WIDGET (self->amount_row), self->amount_error_label, error);
}

static void
account_changed_cb (BudgBalanceDialog *self)
{
  BudgAccount *account = get_selected_account (self);

  /* The amount is read in the currency of the account. */
  budg_amount_row_set_currency (self->amount_row,
                                account != NULL ? budg_account_get_currency (account) : NULL);
  update_amount (self);
  update_save (self);
}

static void
update_accounts_state (BudgBalanceDialog *self)
{
  GListModel *model = adw_combo_row_get_model (self->account_row);
  gboolean empty = g_list_model_get_n_items (model) == 0;

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->account_row),
                               empty ? _("There is no open account yet. Add one first.") : NULL);
  account_changed_cb (self);
}

static void
amount_changed_cb (BudgBalanceDialog *self)
{
  update_amount (self);
  update_save (self);
}

static void
note_changed_cb (BudgBalanceDialog *self)
{
  g_autoptr(GError) error = NULL;

  check_note (self, &error);
  budg_form_set_field_error (GTK_WIDGET (self->note_row), self->note_error_label, error);
  update_save (self);
}

static void
entry_activated_cb (BudgBalanceDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "dialog.save", NULL);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BudgBalanceDialog *self = BUDG_BALANCE_DIALOG (widget);
  BudgBalanceStore *store = budg_context_get_balances (self->context);
  BudgAccount *account = get_selected_account (self);
  g_autoptr(BudgBalanceSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *note = NULL;
  gint64 minor;

  /* Enter in a field comes here even while the form is incomplete. */
  if (!is_valid (self) || !budg_amount_row_parse (self->amount_row, &minor, NULL))
    return;

  note = budg_form_dup_entry_text (self->note_row);
  snapshot = budg_balance_store_set (store, budg_account_get_id (account),
                                     budg_date_row_get_date (self->date_row), minor, note,
                                     &error);
  if (snapshot == NULL)
    {
      /* Every field was checked already; this is about the database or an
       * account removed in the meantime.
       */
      budg_form_add_error_toast (self->toast_overlay, error);
      return;
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
budg_balance_dialog_constructed (GObject *object)
{
  BudgBalanceDialog *self = BUDG_BALANCE_DIALOG (object);
  g_autoptr(GtkFilterListModel) accounts = NULL;
  BudgAccountStore *store = budg_context_get_accounts (self->context);
  GtkCustomFilter *filter;
  guint n_accounts;

  G_OBJECT_CLASS (budg_balance_dialog_parent_class)->constructed (object);

  g_assert (BUDG_IS_CONTEXT (self->context));

  filter = gtk_custom_filter_new (open_account_filter_func, self, NULL);
  accounts = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (store)), GTK_FILTER (filter));
  g_signal_connect_object (accounts, "items-changed",
                           G_CALLBACK (update_accounts_state), self, G_CONNECT_SWAPPED);

  adw_combo_row_set_expression (self->account_row,
                                gtk_property_expression_new (BUDG_TYPE_ACCOUNT, NULL, "name"));
  adw_combo_row_set_model (self->account_row, G_LIST_MODEL (accounts));

  n_accounts = g_list_model_get_n_items (G_LIST_MODEL (accounts));
  for (guint i = 0; i < n_accounts && self->account != NULL; i++)
    {
      g_autoptr(BudgAccount) account = g_list_model_get_item (G_LIST_MODEL (accounts), i);

      if (budg_account_get_id (account) == budg_account_get_id (self->account))
        {
          adw_combo_row_set_selected (self->account_row, i);
          break;
        }
    }

  update_accounts_state (self);
}

static void
budg_balance_dialog_map (GtkWidget *widget)
{
  BudgBalanceDialog *self = BUDG_BALANCE_DIALOG (widget);

  GTK_WIDGET_CLASS (budg_balance_dialog_parent_class)->map (widget);

  /* The account and the day are usually right already; typing starts with
   * the balance. GtkWindow:focus-widget cannot do this, since an entry row
   * only takes the focus once it is mapped.
   */
  gtk_widget_grab_focus (GTK_WIDGET (self->amount_row));
}

static void
budg_balance_dialog_dispose (GObject *object)
{
  BudgBalanceDialog *self = BUDG_BALANCE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BUDG_TYPE_BALANCE_DIALOG);

  g_clear_object (&self->context);
  g_clear_object (&self->account);

  G_OBJECT_CLASS (budg_balance_dialog_parent_class)->dispose (object);
}

static void
budg_balance_dialog_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  BudgBalanceDialog *self = BUDG_BALANCE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_ACCOUNT:
      g_value_set_object (value, self->account);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
budg_balance_dialog_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  BudgBalanceDialog *self = BUDG_BALANCE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    case PROP_ACCOUNT:
      self->account = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
budg_balance_dialog_class_init (BudgBalanceDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (BUDG_TYPE_AMOUNT_ROW);
  g_type_ensure (BUDG_TYPE_DATE_ROW);

  object_class->constructed = budg_balance_dialog_constructed;
  object_class->dispose = budg_balance_dialog_dispose;
  object_class->get_property = budg_balance_dialog_get_property;
  object_class->set_property = budg_balance_dialog_set_property;

  widget_class->map = budg_balance_dialog_map;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         BUDG_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* The account selected at first, or %NULL for the first open one. */
  properties[PROP_ACCOUNT] =
    g_param_spec_object ("account", NULL, NULL,
                         BUDG_TYPE_ACCOUNT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/budg-balance-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BudgBalanceDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BudgBalanceDialog, account_row);
  gtk_widget_class_bind_template_child (widget_class, BudgBalanceDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, BudgBalanceDialog, amount_row);
  gtk_widget_class_bind_template_child (widget_class, BudgBalanceDialog, amount_error_label);
  gtk_widget_class_bind_template_child (widget_class, BudgBalanceDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, BudgBalanceDialog, note_error_label);
  gtk_widget_class_bind_template_callback (widget_class, account_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, amount_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, note_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);

  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
budg_balance_dialog_init (BudgBalanceDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * budg_balance_dialog_new:
 * @context: the context whose balances are recorded
 * @account: (nullable): the account selected at first
 *
 * Creates the form; the caller makes it transient for its window and
 * presents it. It closes itself once the balance is recorded.
 *
 * Returns: (transfer none): a new #BudgBalanceDialog, owned by GTK like
 *   every toplevel window
 */
GtkWidget *
budg_balance_dialog_new (BudgContext *context,
                         BudgAccount *account)
{
  g_return_val_if_fail (BUDG_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (account == NULL || BUDG_IS_ACCOUNT (account), NULL);

  return g_object_new (BUDG_TYPE_BALANCE_DIALOG,
                       "context", context,
                       "account", account,
                       NULL);
}

/**
 * budg_balance_dialog_get_context:
 * @self: a #BudgBalanceDialog
 *
 * Returns: (transfer none): the context of @self
 */
BudgContext *
budg_balance_dialog_get_context (BudgBalanceDialog *self)
{
  g_return_val_if_fail (BUDG_IS_BALANCE_DIALOG (self), NULL);

  return self->context;
}

/**
 * budg_balance_dialog_get_account:
 * @self: a #BudgBalanceDialog
 *
 * Returns: (transfer none) (nullable): the account selected when @self was
 *   created
 */
BudgAccount *
budg_balance_dialog_get_account (BudgBalanceDialog *self)
{
  g_return_val_if_fail (BUDG_IS_BALANCE_DIALOG (self), NULL);

  return self->account;
}
