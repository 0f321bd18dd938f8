/* budg-account-dialog.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-account-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "budg-account-dialog.h"
#include "budg-amount-row.h"
#include "budg-date-row.h"
#include "budg-error.h"
#include "budg-form.h"
#include "budg-money.h"

/* The form that creates an account (with its opening balance) or edits the
 * name, kind, currency and institution of an existing one; both set the
 * balance below which the bills view warns. The account and its warning
 * threshold are saved in one transaction, so a failed save leaves the dialog
 * open with the database unchanged.
 */

struct _BudgAccountDialog
{
  AdwWindow            parent_instance;

  BudgContext         *context;
  BudgAccount         *account;

  GtkButton           *save_button;
  AdwToastOverlay     *toast_overlay;
  AdwEntryRow         *name_row;
  GtkLabel            *name_error_label;
  AdwComboRow         *kind_row;
  AdwComboRow         *currency_row;
  AdwEntryRow         *institution_row;
  GtkLabel            *institution_error_label;
  AdwPreferencesGroup *opening_group;
  BudgAmountRow       *amount_row;
  BudgDateRow         *date_row;
  GtkLabel            *amount_error_label;
  BudgAmountRow       *threshold_row;
  GtkLabel            *threshold_error_label;
};

G_DEFINE_FINAL_TYPE (BudgAccountDialog, budg_account_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_ACCOUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
get_selected_currency (BudgAccountDialog *self)
{
  GtkStringObject *item = adw_combo_row_get_selected_item (self->currency_row);

  return item != NULL ? gtk_string_object_get_string (item) : NULL;
}

/* The fields are checked with the store's own rules, so that what Save
 * would refuse is explained while typing. A blank name is not reported: an
 * empty form is not a mistake.
 */
static gboolean
check_name (BudgAccountDialog  *self,
            GError            **error)
{
  g_autofree char *name = budg_form_dup_name (self->name_row, _("account"), error);

  return name != NULL;
}

static gboolean
check_institution (BudgAccountDialog  *self,
                   GError            **error)
{
  return budg_form_check_optional (self->institution_row, _("institution"), error);
}

/* An empty amount is valid and means "no opening balance". */
static gboolean
parse_opening_balance (BudgAccountDialog  *self,
                       gboolean           *out_given,
                       gint64             *out_minor,
                       GError            **error)
{
  *out_given = !budg_amount_row_is_empty (self->amount_row);
  *out_minor = 0;

  return !*out_given || budg_amount_row_parse (self->amount_row, out_minor, error);
}

/* An empty threshold is valid and means "never warn". */
static gboolean
parse_threshold (BudgAccountDialog  *self,
                 gboolean           *out_given,
                 gint64             *out_minor,
                 GError            **error)
{
  *out_given = !budg_amount_row_is_empty (self->threshold_row);
  *out_minor = 0;

  return !*out_given || budg_amount_row_parse (self->threshold_row, out_minor, error);
}

static gboolean
is_valid (BudgAccountDialog *self)
{
  gboolean given;
  gint64 minor;

  return get_selected_currency (self) != NULL &&
         check_name (self, NULL) &&
         check_institution (self, NULL) &&
         (self->account != NULL || parse_opening_balance (self, &given, &minor, NULL)) &&
         parse_threshold (self, &given, &minor, NULL);
}

static void
update_save (BudgAccountDialog *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.save", is_valid (self));
}

static void
update_opening_balance (BudgAccountDialog *self)
{
  g_autoptr(GError) error = NULL;
  gboolean given;
  gint64 minor;

  parse_opening_balance (self, &given, &minor, &error);
  budg_form_set_field_error (GTK_WIDGET (self->amount_row), self->amount_error_label, error);
}

static void
update_threshold (BudgAccountDialog *self)
{
  g_autoptr(GError) error = NULL;
  gboolean given;
  gint64 minor;

  parse_threshold (self, &given, &minor, &error);
  budg_form_set_field_error (GTK_WIDGET (self->threshold_row), self->threshold_error_label,
                             error);
}

static gboolean
has_amounts (BudgAccountDialog *self)
{
  g_autoptr(GPtrArray) balances = NULL;

  if (budg_account_store_count_transactions (budg_context_get_accounts (self->context),
                                             self->account) != 0)
    return TRUE;

  balances = budg_balance_store_list (budg_context_get_balances (self->context),
                                      budg_account_get_id (self->account), NULL);

  return balances == NULL || balances->len > 0;
}

static void
show_save_error (BudgAccountDialog *self,
                 const GError      *error)
{
  /* The form checks everything the store checks but whether the name is
   * taken; what remains is not about one field.
   */
  if (g_error_matches (error, BUDG_ERROR, BUDG_ERROR_DUPLICATE))
    {
      budg_form_set_field_error (GTK_WIDGET (self->name_row), self->name_error_label, error);
      gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
    }
  else
    {
      budg_form_add_error_toast (self->toast_overlay, error);
    }
}

static void
name_changed_cb (BudgAccountDialog *self)
{
  g_autoptr(GError) error = NULL;

  /* This also drops an error from the last save, which was about the old name. */
  check_name (self, &error);
  budg_form_set_field_error (GTK_WIDGET (self->name_row), self->name_error_label, error);
  update_save (self);
}

static void
institution_changed_cb (BudgAccountDialog *self)
{
  g_autoptr(GError) error = NULL;

  check_institution (self, &error);
  budg_form_set_field_error (GTK_WIDGET (self->institution_row), self->institution_error_label,
                             error);
  update_save (self);
}

static void
amount_changed_cb (BudgAccountDialog *self)
{
  update_opening_balance (self);
  update_save (self);
}

static void
threshold_changed_cb (BudgAccountDialog *self)
{
  update_threshold (self);
  update_save (self);
}

static void
currency_changed_cb (BudgAccountDialog *self)
{
  const char *currency = get_selected_currency (self);

  /* Both amounts are read in the currency of the account. */
  budg_amount_row_set_currency (self->amount_row, currency);
  budg_amount_row_set_currency (self->threshold_row, currency);
  update_opening_balance (self);
  update_threshold (self);
  update_save (self);
}

static void
entry_activated_cb (BudgAccountDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "dialog.save", NULL);
}

/* Creates or updates the account; called inside the transaction of the
 * save.
 */
static BudgAccount *
store_account (BudgAccountDialog  *self,
               GError            **error)
{
  BudgAccountStore *store = budg_context_get_accounts (self->context);
  g_autofree char *name = budg_form_dup_entry_text (self->name_row);
  g_autofree char *institution = budg_form_dup_entry_text (self->institution_row);
  BudgAccountKind kind = adw_combo_row_get_selected (self->kind_row);
  const char *currency = get_selected_currency (self);
  BudgAccount *account;
  gboolean given;
  gint64 minor;

  if (self->account != NULL)
    {
      if (!budg_account_store_update (store, self->account, name, kind, currency, institution,
                                      error))
        return NULL;

      return self->account;
    }

  parse_opening_balance (self, &given, &minor, NULL);
  account = budg_account_store_create (store, name, kind, currency, institution,
                                       given ? budg_date_row_get_date (self->date_row) : NULL,
                                       minor, error);
  if (account != NULL)
    g_debug ("Created account %" G_GINT64_FORMAT, budg_account_get_id (account));

  return account;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BudgAccountDialog *self = BUDG_ACCOUNT_DIALOG (widget);
  BudgDatabase *database = budg_context_get_database (self->context);
  g_autoptr(GError) error = NULL;
  BudgAccount *account;
  gboolean has_threshold;
  gint64 threshold;

  /* Enter in a field comes here even while the form is incomplete. */
  if (!is_valid (self) || adw_combo_row_get_selected (self->kind_row) >= BUDG_N_ACCOUNT_KINDS)
    return;

  parse_threshold (self, &has_threshold, &threshold, NULL);

  if (!budg_database_begin (database, &error))
    {
      show_save_error (self, error);
      return;
    }

  if (!(account = store_account (self, &error)) ||
      !budg_account_store_set_warning_threshold (budg_context_get_accounts (self->context),
                                                 account, has_threshold, threshold, &error) ||
      !budg_database_commit (database, &error))
    {
      budg_database_rollback (database);
      show_save_error (self, error);
      return;
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
budg_account_dialog_constructed (GObject *object)
{
  BudgAccountDialog *self = BUDG_ACCOUNT_DIALOG (object);
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) currencies = NULL;
  const char *currency;
  guint position = GTK_INVALID_LIST_POSITION;
  guint n_currencies;

  G_OBJECT_CLASS (budg_account_dialog_parent_class)->constructed (object);

  g_assert (BUDG_IS_CONTEXT (self->context));

  for (guint kind = 0; kind < BUDG_N_ACCOUNT_KINDS; kind++)
    gtk_string_list_append (kinds, budg_account_kind_get_label (kind));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));

  if (self->account != NULL)
    currency = budg_account_get_currency (self->account);
  else
    currency = budg_context_get_default_currency (self->context);

  currencies = gtk_string_list_new ((const char * const *) budg_currency_list_codes ());
  n_currencies = g_list_model_get_n_items (G_LIST_MODEL (currencies));
  for (guint i = 0; i < n_currencies && currency != NULL; i++)
    {
      if (g_strcmp0 (gtk_string_list_get_string (currencies, i), currency) == 0)
        {
          position = i;
          break;
        }
    }

  /* An account may use a code this build does not know; it must still be
   * shown as it is rather than silently replaced by the first one.
   */
  if (position == GTK_INVALID_LIST_POSITION && currency != NULL && currency[0] != '\0')
    {
      gtk_string_list_append (currencies, currency);
      position = n_currencies;
    }

  adw_combo_row_set_model (self->currency_row, G_LIST_MODEL (currencies));
  if (position != GTK_INVALID_LIST_POSITION)
    adw_combo_row_set_selected (self->currency_row, position);

  if (self->account != NULL)
    {
      const char *institution = budg_account_get_institution (self->account);

      gtk_window_set_title (GTK_WINDOW (self), _("Edit Account"));
      gtk_button_set_label (self->save_button, _("_Save"));

      gtk_editable_set_text (GTK_EDITABLE (self->name_row), budg_account_get_name (self->account));
      adw_combo_row_set_selected (self->kind_row, budg_account_get_kind (self->account));
      gtk_editable_set_text (GTK_EDITABLE (self->institution_row),
                             institution != NULL ? institution : "");

      if (budg_account_get_has_warning_threshold (self->account))
        {
          g_autofree char *threshold =
            budg_money_format_plain (budg_account_get_warning_threshold_minor (self->account),
                                     budg_account_get_currency (self->account));

          gtk_editable_set_text (GTK_EDITABLE (self->threshold_row), threshold);
        }

      /* Balances of an existing account are recorded as snapshots. */
      gtk_widget_set_visible (GTK_WIDGET (self->opening_group), FALSE);

      /* Amounts are counted in minor units of the account's currency, so the
       * store refuses to change it once there are any.
       */
      if (has_amounts (self))
        {
          gtk_widget_set_sensitive (GTK_WIDGET (self->currency_row), FALSE);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (self->currency_row),
                                       _("Fixed by its transactions and balances"));
        }
    }
  else
    {
      gtk_window_set_title (GTK_WINDOW (self), _("New Account"));
      gtk_button_set_label (self->save_button, _("_Add"));
    }

  currency_changed_cb (self);
}

static void
budg_account_dialog_map (GtkWidget *widget)
{
  BudgAccountDialog *self = BUDG_ACCOUNT_DIALOG (widget);

  GTK_WIDGET_CLASS (budg_account_dialog_parent_class)->map (widget);

  /* Typing starts with the name. GtkWindow:focus-widget cannot do this, since an
   * entry row only takes the focus once it is mapped.
   */
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
budg_account_dialog_dispose (GObject *object)
{
  BudgAccountDialog *self = BUDG_ACCOUNT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BUDG_TYPE_ACCOUNT_DIALOG);

  g_clear_object (&self->context);
  g_clear_object (&self->account);

  G_OBJECT_CLASS (budg_account_dialog_parent_class)->dispose (object);
}

static void
budg_account_dialog_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  BudgAccountDialog *self = BUDG_ACCOUNT_DIALOG (object);

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
budg_account_dialog_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  BudgAccountDialog *self = BUDG_ACCOUNT_DIALOG (object);

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
budg_account_dialog_class_init (BudgAccountDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (BUDG_TYPE_AMOUNT_ROW);
  g_type_ensure (BUDG_TYPE_DATE_ROW);

  object_class->constructed = budg_account_dialog_constructed;
  object_class->dispose = budg_account_dialog_dispose;
  object_class->get_property = budg_account_dialog_get_property;
  object_class->set_property = budg_account_dialog_set_property;

  widget_class->map = budg_account_dialog_map;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         BUDG_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* The account to edit, or %NULL to create one. */
  properties[PROP_ACCOUNT] =
    g_param_spec_object ("account", NULL, NULL,
                         BUDG_TYPE_ACCOUNT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/budg-account-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BudgAccountDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, BudgAccountDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BudgAccountDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, BudgAccountDialog, name_error_label);
  gtk_widget_class_bind_template_child (widget_class, BudgAccountDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, BudgAccountDialog, currency_row);
  gtk_widget_class_bind_template_child (widget_class, BudgAccountDialog, institution_row);
  gtk_widget_class_bind_template_child (widget_class, BudgAccountDialog, institution_error_label);
  gtk_widget_class_bind_template_child (widget_class, BudgAccountDialog, opening_group);
  gtk_widget_class_bind_template_child (widget_class, BudgAccountDialog, amount_row);
  gtk_widget_class_bind_template_child (widget_class, BudgAccountDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, BudgAccountDialog, amount_error_label);
  gtk_widget_class_bind_template_child (widget_class, BudgAccountDialog, threshold_row);
  gtk_widget_class_bind_template_child (widget_class, BudgAccountDialog, threshold_error_label);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, institution_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, amount_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, threshold_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, currency_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);

  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
budg_account_dialog_init (BudgAccountDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * budg_account_dialog_new:
 * @context: the context whose accounts are edited
 * @account: (nullable): the account to edit, or %NULL to create one
 *
 * Creates the form; the caller makes it transient for its window and
 * presents it. It closes itself once the account is saved.
 *
 * Returns: (transfer none): a new #BudgAccountDialog, owned by GTK like
 *   every toplevel window
 */
GtkWidget *
budg_account_dialog_new (BudgContext *context,
                         BudgAccount *account)
{
  g_return_val_if_fail (BUDG_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (account == NULL || BUDG_IS_ACCOUNT (account), NULL);

  return g_object_new (BUDG_TYPE_ACCOUNT_DIALOG,
                       "context", context,
                       "account", account,
                       NULL);
}

/**
 * budg_account_dialog_get_context:
 * @self: a #BudgAccountDialog
 *
 * Returns: (transfer none): the context of @self
 */
BudgContext *
budg_account_dialog_get_context (BudgAccountDialog *self)
{
  g_return_val_if_fail (BUDG_IS_ACCOUNT_DIALOG (self), NULL);

  return self->context;
}

/**
 * budg_account_dialog_get_account:
 * @self: a #BudgAccountDialog
 *
 * Returns: (transfer none) (nullable): the account being edited, or %NULL
 *   when @self creates one
 */
BudgAccount *
budg_account_dialog_get_account (BudgAccountDialog *self)
{
  g_return_val_if_fail (BUDG_IS_ACCOUNT_DIALOG (self), NULL);

  return self->account;
}
