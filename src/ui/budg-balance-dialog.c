/* budg-balance-dialog.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-balance-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "budg-balance-dialog.h"
#include "budg-date.h"
#include "budg-money.h"
#include "budg-validate.h"

/* Records a balance snapshot: what the bank said an account held at the end
 * of a day. Recording a second balance for the same day replaces the first,
 * which is what someone correcting a typo expects.
 */

struct _BudgBalanceDialog
{
  AdwWindow        parent_instance;

  BudgContext     *context;
  BudgAccount     *account;
  char            *date;

  AdwToastOverlay *toast_overlay;
  AdwComboRow     *account_row;
  GtkMenuButton   *date_button;
  GtkCalendar     *date_calendar;
  AdwEntryRow     *amount_row;
  GtkLabel        *amount_hint_label;
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

static void
show_field_error (GtkLabel   *label,
                  GtkWidget  *row,
                  const char *message)
{
  gtk_label_set_text (label, message);
  gtk_widget_set_visible (GTK_WIDGET (label), TRUE);
  gtk_widget_add_css_class (row, "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (row),
                               GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                               -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, label, NULL,
                                  -1);
}

static void
clear_field_error (GtkLabel  *label,
                   GtkWidget *row)
{
  gtk_widget_set_visible (GTK_WIDGET (label), FALSE);
  gtk_widget_remove_css_class (row, "error");
  gtk_accessible_reset_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY);
}

static char *
dup_entry_text (AdwEntryRow *row)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  return text[0] != '\0' ? g_steal_pointer (&text) : NULL;
}

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

/* A balance must be given: unlike an opening balance, nothing is a
 * sensible default.
 */
static gboolean
parse_amount (BudgBalanceDialog  *self,
              gint64             *out_minor,
              GError            **error)
{
  g_autofree char *text = dup_entry_text (self->amount_row);
  BudgAccount *account = get_selected_account (self);

  if (text == NULL || account == NULL)
    return FALSE;

  return budg_money_parse (text, budg_account_get_currency (account), out_minor, error);
}

/* The note is checked with the store's own rule, so that what Save would
 * refuse is explained while typing.
 */
static gboolean
check_note (BudgBalanceDialog  *self,
            GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *note = NULL;

  note = budg_validate_optional (gtk_editable_get_text (GTK_EDITABLE (self->note_row)),
                                 _("note"), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

static gboolean
is_valid (BudgBalanceDialog *self)
{
  gint64 minor;

  return parse_amount (self, &minor, NULL) && check_note (self, NULL);
}

static void
update_save (BudgBalanceDialog *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.save", is_valid (self));
}

static void
show_check (GtkLabel     *label,
            AdwEntryRow  *row,
            const GError *error)
{
  if (error != NULL)
    show_field_error (label, GTK_WIDGET (row), error->message);
  else
    clear_field_error (label, GTK_WIDGET (row));
}

static void
update_amount (BudgBalanceDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *formatted = NULL;
  BudgAccount *account = get_selected_account (self);
  const char *currency = account != NULL ? budg_account_get_currency (account) : NULL;
  gint64 minor;

  if (parse_amount (self, &minor, &error))
    formatted = budg_money_format (minor, currency);

  show_check (self->amount_error_label, self->amount_row, error);

  /* The parser takes either decimal mark, so the hint shows how the text
   * was read, in the currency of the account.
   */
  if (formatted != NULL)
    gtk_label_set_text (self->amount_hint_label, formatted);
  else
    gtk_label_set_text (self->amount_hint_label, error == NULL && currency != NULL ? currency : "");
}

static void
update_accounts_state (BudgBalanceDialog *self)
{
  GListModel *model = adw_combo_row_get_model (self->account_row);
  gboolean empty = g_list_model_get_n_items (model) == 0;

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->account_row),
                               empty ? _("There is no open account yet. Add one first.") : NULL);
  update_amount (self);
  update_save (self);
}

static void
set_date (BudgBalanceDialog *self,
          const char        *iso)
{
  g_autofree char *label = NULL;

  if (g_strcmp0 (self->date, iso) == 0)
    return;

  g_free (self->date);
  self->date = g_strdup (iso);

  label = budg_date_format_short (iso);
  gtk_menu_button_set_label (self->date_button, label);
}

static void
select_calendar_day (GtkCalendar *calendar,
                     const char  *iso)
{
  g_autoptr(GDateTime) day = NULL;
  GDate date;

  if (!budg_date_parse (iso, &date, NULL))
    return;

  day = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                               g_date_get_day (&date), 0, 0, 0);
  gtk_calendar_select_day (calendar, day);
}

static void
account_changed_cb (BudgBalanceDialog *self)
{
  /* The amount is read in the currency of the account. */
  update_amount (self);
  update_save (self);
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
  show_check (self->note_error_label, self->note_row, error);
  update_save (self);
}

static void
entry_activated_cb (BudgBalanceDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "dialog.save", NULL);
}

static void
date_selected_cb (BudgBalanceDialog *self)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (self->date_calendar);
  g_autofree char *iso = g_date_time_format (day, "%Y-%m-%d");

  set_date (self, iso);
  gtk_menu_button_popdown (self->date_button);
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
  if (!is_valid (self) || !parse_amount (self, &minor, NULL))
    return;

  note = dup_entry_text (self->note_row);
  snapshot = budg_balance_store_set (store, budg_account_get_id (account), self->date, minor, note,
                                     &error);
  if (snapshot == NULL)
    {
      /* Every field was checked already; this is about the database or an
       * account removed in the meantime.
       */
      g_autofree char *markup = g_markup_escape_text (error->message, -1);

      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (markup));
      return;
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
budg_balance_dialog_constructed (GObject *object)
{
  BudgBalanceDialog *self = BUDG_BALANCE_DIALOG (object);
  g_autoptr(GtkFilterListModel) accounts = NULL;
  g_autofree char *today = budg_date_today ();
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

  set_date (self, today);
  select_calendar_day (self->date_calendar, today);

  update_accounts_state (self);
}

static void
budg_balance_dialog_map (GtkWidget *widget)
{
  BudgBalanceDialog *self = BUDG_BALANCE_DIALOG (widget);

  GTK_WIDGET_CLASS (budg_balance_dialog_parent_class)->map (widget);

  /* The account and the day are usually right already; typing starts with the balance. GtkWindow:focus-widget cannot do this, since an
   * entry row only takes the focus once it is mapped.
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
budg_balance_dialog_finalize (GObject *object)
{
  BudgBalanceDialog *self = BUDG_BALANCE_DIALOG (object);

  g_clear_pointer (&self->date, g_free);

  G_OBJECT_CLASS (budg_balance_dialog_parent_class)->finalize (object);
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

  object_class->constructed = budg_balance_dialog_constructed;
  object_class->dispose = budg_balance_dialog_dispose;
  object_class->finalize = budg_balance_dialog_finalize;
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
  gtk_widget_class_bind_template_child (widget_class, BudgBalanceDialog, date_button);
  gtk_widget_class_bind_template_child (widget_class, BudgBalanceDialog, date_calendar);
  gtk_widget_class_bind_template_child (widget_class, BudgBalanceDialog, amount_row);
  gtk_widget_class_bind_template_child (widget_class, BudgBalanceDialog, amount_hint_label);
  gtk_widget_class_bind_template_child (widget_class, BudgBalanceDialog, amount_error_label);
  gtk_widget_class_bind_template_child (widget_class, BudgBalanceDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, BudgBalanceDialog, note_error_label);
  gtk_widget_class_bind_template_callback (widget_class, account_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, amount_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, note_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, date_selected_cb);

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
