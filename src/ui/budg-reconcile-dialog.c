/* budg-reconcile-dialog.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-reconcile-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "budg-amount-row.h"
#include "budg-date-row.h"
#include "budg-date.h"
#include "budg-form.h"
#include "budg-money.h"
#include "budg-reconcile-dialog.h"
#include "budg-reconcile.h"

/* Reconciles an account against a bank statement in two steps: first the
 * statement's date and ending balance (typed, or taken from a balance
 * snapshot), then the account's transactions up to that date that are not
 * reconciled yet, each with a tick for "cleared". A tick is written at
 * once, so closing the window half way keeps the work done, as in every
 * finance app; the balances above the list are recomputed from the
 * database after each one. Finishing, possible only when the cleared
 * balance matches the statement, locks the cleared transactions as
 * reconciled.
 */

struct _BudgReconcileDialog
{
  AdwWindow            parent_instance;

  BudgContext         *context;
  gint64               account_id;
  BudgAccount         *account;
  GPtrArray           *snapshots;          /* BudgBalanceSnapshot, after "None" in snapshot_row */
  GListStore          *transactions;       /* BudgTransaction, in date order */
  char                *statement_date;
  gint64               statement_balance;
  gboolean             loading;

  AdwToastOverlay     *toast_overlay;
  GtkButton           *cancel_button;
  GtkButton           *back_button;
  GtkButton           *continue_button;
  GtkButton           *finish_button;
  GtkStack            *stack;
  AdwPreferencesGroup *statement_group;
  BudgDateRow         *date_row;
  BudgAmountRow       *balance_row;
  GtkLabel            *balance_error_label;
  AdwPreferencesGroup *snapshot_group;
  AdwComboRow         *snapshot_row;
  GtkLabel            *statement_label;
  GtkLabel            *cleared_label;
  GtkLabel            *difference_label;
  GtkLabel            *summary_hint_label;
  GtkListBox          *transactions_list;
  GtkLabel            *empty_label;
};

G_DEFINE_FINAL_TYPE (BudgReconcileDialog, budg_reconcile_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_ACCOUNT_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
get_currency (BudgReconcileDialog *self)
{
  return self->account != NULL ? budg_account_get_currency (self->account) : NULL;
}

static void
object_closure_notify (gpointer  data,
                       GClosure *closure)
{
  g_object_unref (data);
}

/* The statement step ---------------------------------------------------- */

static gboolean
read_statement (BudgReconcileDialog  *self,
                gint64               *out_balance,
                GError              **error)
{
  return budg_amount_row_parse (self->balance_row, out_balance, error);
}

static void
update_statement (BudgReconcileDialog *self)
{
  g_autoptr(GError) error = NULL;
  gint64 balance;
  gboolean valid;

  valid = self->account != NULL && read_statement (self, &balance, &error);
  budg_form_set_field_error (GTK_WIDGET (self->balance_row), self->balance_error_label, error);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reconcile.continue", valid);
}

static void
statement_changed_cb (BudgReconcileDialog *self)
{
  if (self->loading)
    return;

  /* Typing over a snapshot's values makes them the person's own. */
  self->loading = TRUE;
  adw_combo_row_set_selected (self->snapshot_row, 0);
  self->loading = FALSE;

  update_statement (self);
}

static void
snapshot_changed_cb (BudgReconcileDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->snapshot_row);
  BudgBalanceSnapshot *snapshot;
  g_autofree char *amount = NULL;

  if (self->loading || selected == 0 || selected == GTK_INVALID_LIST_POSITION ||
      selected > self->snapshots->len)
    return;

  snapshot = g_ptr_array_index (self->snapshots, selected - 1);
  amount = budg_money_format_plain (budg_balance_snapshot_get_amount_minor (snapshot),
                                    get_currency (self));

  self->loading = TRUE;
  budg_date_row_set_date (self->date_row, budg_balance_snapshot_get_date (snapshot));
  gtk_editable_set_text (GTK_EDITABLE (self->balance_row), amount);
  self->loading = FALSE;

  update_statement (self);
}

static void
balance_activated_cb (BudgReconcileDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "reconcile.continue", NULL);
}

/* The transactions step -------------------------------------------------- */

static void
update_summary (BudgReconcileDialog *self)
{
  BudgDatabase *database = budg_context_get_database (self->context);
  const char *currency = get_currency (self);
  BudgReconcileSummary summary = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *statement = NULL;
  g_autofree char *cleared = NULL;
  g_autofree char *difference = NULL;
  g_autoptr(GString) hint = g_string_new (NULL);

  if (!budg_reconcile_compute (database, self->account_id, self->statement_date,
                               self->statement_balance, &summary, &error))
    {
      budg_reconcile_summary_clear (&summary);
      budg_form_add_error_toast (self->toast_overlay, error);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "reconcile.finish", FALSE);
      return;
    }

  statement = budg_money_format (summary.statement_balance_minor, currency);
  cleared = budg_money_format (summary.cleared_balance_minor, currency);
  difference = budg_money_format (summary.difference_minor, currency);
  gtk_label_set_text (self->statement_label, statement);
  gtk_label_set_text (self->cleared_label, cleared);
  gtk_label_set_text (self->difference_label, difference);

  if (summary.difference_minor == 0)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->difference_label), "success");
      gtk_widget_remove_css_class (GTK_WIDGET (self->difference_label), "warning");
      g_string_append (hint, _("The cleared balance matches the statement. Finish to lock the "
                               "cleared transactions as reconciled."));
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->difference_label), "warning");
      gtk_widget_remove_css_class (GTK_WIDGET (self->difference_label), "success");
      g_string_append (hint, _("Tick the transactions that appear on the statement until the "
                               "difference is zero."));
    }

  if (summary.opening_date != NULL)
    {
      g_autofree char *date = budg_date_format_short (summary.opening_date);
      g_autofree char *opening = budg_money_format (summary.opening_balance_minor, currency);

      g_string_append_c (hint, ' ');
      /* Translators: %1$s is an amount, %2$s a date. */
      g_string_append_printf (hint, _("The cleared balance starts from the balance of %1$s "
                                      "recorded on %2$s."),
                              opening, date);
    }

  gtk_label_set_text (self->summary_hint_label, hint->str);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reconcile.finish",
                                 summary.difference_minor == 0);

  budg_reconcile_summary_clear (&summary);
}

static void
check_toggled_cb (GtkCheckButton  *check,
                  BudgTransaction *transaction)
{
  BudgReconcileDialog *self;
  BudgTransactionStatus status;
  g_autoptr(GError) error = NULL;
  gint64 id = budg_transaction_get_id (transaction);

  self = BUDG_RECONCILE_DIALOG (gtk_widget_get_ancestor (GTK_WIDGET (check),
                                                         BUDG_TYPE_RECONCILE_DIALOG));
  g_assert (self != NULL);

  status = gtk_check_button_get_active (check) ? BUDG_TRANSACTION_STATUS_CLEARED
                                               : BUDG_TRANSACTION_STATUS_PENDING;

  if (!budg_transaction_store_set_status_many (budg_context_get_transactions (self->context),
                                               &id, 1, status, &error))
    {
      /* The tick shows what the database holds. */
      g_signal_handlers_block_by_func (check, check_toggled_cb, transaction);
      gtk_check_button_set_active (check, !gtk_check_button_get_active (check));
      g_signal_handlers_unblock_by_func (check, check_toggled_cb, transaction);
      budg_form_add_error_toast (self->toast_overlay, error);
      return;
    }

  budg_transaction_set_status (transaction, status);
  update_summary (self);
}

static const char *
get_transaction_title (BudgTransaction *transaction,
                       char           **out_owned)
{
  const char *payee = budg_transaction_get_payee (transaction);
  const char *other = budg_transaction_get_transfer_account_name (transaction);
  const char *memo = budg_transaction_get_memo (transaction);

  *out_owned = NULL;

  if (payee != NULL)
    return payee;
  if (budg_transaction_get_transfer_id (transaction) != 0 && other != NULL)
    {
      /* Translators: %s is the other account of a transfer. */
      *out_owned = g_strdup_printf (budg_transaction_get_amount_minor (transaction) < 0
                                    ? _("Transfer to %s") : _("Transfer from %s"),
                                    other);
      return *out_owned;
    }
  if (memo != NULL)
    return memo;

  return _("No payee");
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  BudgTransaction *transaction = item;
  const char *currency = budg_transaction_get_currency (transaction);
  const char *category = budg_transaction_get_category_path (transaction);
  guint split_count = budg_transaction_get_split_count (transaction);
  g_autofree char *owned_title = NULL;
  const char *title = get_transaction_title (transaction, &owned_title);
  g_autofree char *date = budg_date_format_short (budg_transaction_get_date (transaction));
  g_autofree char *amount = budg_money_format (budg_transaction_get_amount_minor (transaction),
                                               currency != NULL ? currency : "XXX");
  g_autofree char *detail = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *accessible = NULL;
  g_autofree char *escaped = NULL;
  GtkWidget *row;
  GtkWidget *check;
  GtkWidget *amount_label;

  if (split_count > 0)
    detail = g_strdup_printf (ngettext ("Split in %u part", "Split in %u parts", split_count),
                              split_count);
  else if (category != NULL)
    detail = g_strdup (category);

  /* Translators: the date of a transaction, then its category. */
  subtitle = detail != NULL ? g_strdup_printf (_("%1$s · %2$s"), date, detail)
                            : g_strdup (date);

  row = adw_action_row_new ();
  escaped = g_markup_escape_text (title, -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
  g_clear_pointer (&escaped, g_free);
  escaped = g_markup_escape_text (subtitle, -1);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);

  check = gtk_check_button_new ();
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                               budg_transaction_get_status (transaction) ==
                               BUDG_TRANSACTION_STATUS_CLEARED);
  /* Translators: the accessible name of the tick of a transaction in the
   * reconcile window; %1$s is its date, %2$s its payee, %3$s its amount. */
  accessible = g_strdup_printf (_("Cleared: %1$s, %2$s, %3$s"), date, title, amount);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  g_signal_connect_data (check, "toggled", G_CALLBACK (check_toggled_cb),
                         g_object_ref (transaction), object_closure_notify, 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);

  amount_label = gtk_label_new (amount);
  gtk_widget_add_css_class (amount_label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), amount_label);

  return row;
}

static gboolean
load_transactions (BudgReconcileDialog  *self,
                   GError              **error)
{
  BudgTransactionQuery query = { 0 };
  g_autoptr(GPtrArray) found = NULL;

  query.account_id = self->account_id;
  query.to_date = self->statement_date;
  query.status_mask = (1 << BUDG_TRANSACTION_STATUS_PENDING) |
                      (1 << BUDG_TRANSACTION_STATUS_CLEARED);
  query.sort = BUDG_TRANSACTION_SORT_DATE;

  found = budg_transaction_store_query (budg_context_get_transactions (self->context), &query,
                                        error);
  if (found == NULL)
    return FALSE;

  g_list_store_splice (self->transactions, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->transactions)),
                       found->pdata, found->len);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), found->len == 0);

  return TRUE;
}

static void
show_page (BudgReconcileDialog *self,
           gboolean             transactions)
{
  gtk_stack_set_visible_child_name (self->stack, transactions ? "transactions" : "statement");
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), transactions);
  gtk_widget_set_visible (GTK_WIDGET (self->continue_button), !transactions);
  gtk_widget_set_visible (GTK_WIDGET (self->finish_button), transactions);
}

/* Actions ---------------------------------------------------------------- */

static void
continue_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  BudgReconcileDialog *self = BUDG_RECONCILE_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  gint64 balance;

  /* Enter in the balance comes here even while it is not valid. */
  if (self->account == NULL || !read_statement (self, &balance, NULL))
    return;

  g_free (self->statement_date);
  self->statement_date = g_strdup (budg_date_row_get_date (self->date_row));
  self->statement_balance = balance;

  if (!load_transactions (self, &error))
    {
      budg_form_add_error_toast (self->toast_overlay, error);
      return;
    }

  update_summary (self);
  show_page (self, TRUE);

  /* The field that had the focus is gone; ticking starts at the top. */
  gtk_widget_child_focus (GTK_WIDGET (self->transactions_list), GTK_DIR_TAB_FORWARD);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BudgReconcileDialog *self = BUDG_RECONCILE_DIALOG (widget);

  show_page (self, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->balance_row));
}

static void
finish_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BudgReconcileDialog *self = BUDG_RECONCILE_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  guint count = 0;

  if (self->statement_date == NULL)
    return;

  if (!budg_reconcile_finish (budg_context_get_database (self->context), self->account_id,
                              self->statement_date, self->statement_balance, &count, &error))
    {
      budg_form_add_error_toast (self->toast_overlay, error);
      update_summary (self);
      return;
    }

  g_signal_emit (self, signals[FINISHED], 0, count);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Setup ------------------------------------------------------------------ */

static void
fill_snapshots (BudgReconcileDialog *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) snapshots = NULL;

  snapshots = budg_balance_store_list (budg_context_get_balances (self->context),
                                       self->account_id, &error);
  if (snapshots == NULL)
    {
      g_warning ("Could not list the balance snapshots of account %" G_GINT64_FORMAT ": %s",
                 self->account_id, error->message);
      snapshots = g_ptr_array_new ();
    }

  gtk_string_list_append (names, _("None"));
  for (guint i = 0; i < snapshots->len; i++)
    {
      BudgBalanceSnapshot *snapshot = g_ptr_array_index (snapshots, i);
      g_autofree char *date = budg_date_format_short (budg_balance_snapshot_get_date (snapshot));
      g_autofree char *amount = budg_money_format (budg_balance_snapshot_get_amount_minor (snapshot),
                                                   get_currency (self));
      /* Translators: a balance snapshot, "22/11/2026 — €1,234.00". */
      g_autofree char *name = g_strdup_printf (_("%1$s — %2$s"), date, amount);

      gtk_string_list_append (names, name);
      g_ptr_array_add (self->snapshots, g_object_ref (snapshot));
    }

  adw_combo_row_set_model (self->snapshot_row, G_LIST_MODEL (names));
  gtk_widget_set_visible (GTK_WIDGET (self->snapshot_group), self->snapshots->len > 0);
}

static void
describe_last_reconciliation (BudgReconcileDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *last_date = NULL;
  g_autofree char *date = NULL;
  g_autofree char *balance = NULL;
  g_autofree char *description = NULL;
  gint64 last_balance = 0;

  if (!budg_reconcile_get_last (budg_context_get_database (self->context), self->account_id,
                                &last_date, &last_balance, &error))
    {
      g_debug ("Could not read the last reconciliation: %s", error->message);
      return;
    }

  if (last_date == NULL)
    return;

  date = budg_date_format_short (last_date);
  balance = budg_money_format (last_balance, get_currency (self));
  /* Translators: %1$s is a date, %2$s an amount. */
  description = g_strdup_printf (_("The date and the ending balance printed on the bank "
                                   "statement. Last reconciled on %1$s, at %2$s."),
                                 date, balance);
  adw_preferences_group_set_description (self->statement_group, description);
}

static void
budg_reconcile_dialog_constructed (GObject *object)
{
  BudgReconcileDialog *self = BUDG_RECONCILE_DIALOG (object);
  BudgAccount *account;

  G_OBJECT_CLASS (budg_reconcile_dialog_parent_class)->constructed (object);

  g_assert (BUDG_IS_CONTEXT (self->context));

  account = budg_account_store_lookup (budg_context_get_accounts (self->context),
                                       self->account_id);
  if (account != NULL)
    {
      g_autofree char *title = NULL;

      self->account = g_object_ref (account);
      /* Translators: the title of the reconcile window; %s is an account. */
      title = g_strdup_printf (_("Reconcile “%s”"), budg_account_get_name (account));
      gtk_window_set_title (GTK_WINDOW (self), title);
      budg_amount_row_set_currency (self->balance_row, budg_account_get_currency (account));
    }
  else
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Reconcile"));
      adw_preferences_group_set_description (self->statement_group,
                                             _("This account no longer exists."));
    }

  self->loading = TRUE;
  if (self->account != NULL)
    {
      fill_snapshots (self);
      describe_last_reconciliation (self);
    }
  else
    {
      gtk_widget_set_visible (GTK_WIDGET (self->snapshot_group), FALSE);
    }
  self->loading = FALSE;

  gtk_list_box_bind_model (self->transactions_list, G_LIST_MODEL (self->transactions),
                           create_row_cb, self, NULL);

  show_page (self, FALSE);
  update_statement (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reconcile.finish", FALSE);
}

static void
budg_reconcile_dialog_map (GtkWidget *widget)
{
  BudgReconcileDialog *self = BUDG_RECONCILE_DIALOG (widget);

  GTK_WIDGET_CLASS (budg_reconcile_dialog_parent_class)->map (widget);

  /* The date is usually about right already; typing starts with the balance. */
  gtk_widget_grab_focus (GTK_WIDGET (self->balance_row));
}

static void
budg_reconcile_dialog_dispose (GObject *object)
{
  BudgReconcileDialog *self = BUDG_RECONCILE_DIALOG (object);

  if (self->transactions_list != NULL)
    gtk_list_box_bind_model (self->transactions_list, NULL, NULL, NULL, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), BUDG_TYPE_RECONCILE_DIALOG);

  g_clear_object (&self->context);
  g_clear_object (&self->account);
  g_clear_object (&self->transactions);
  g_ptr_array_set_size (self->snapshots, 0);

  G_OBJECT_CLASS (budg_reconcile_dialog_parent_class)->dispose (object);
}

static void
budg_reconcile_dialog_finalize (GObject *object)
{
  BudgReconcileDialog *self = BUDG_RECONCILE_DIALOG (object);

  g_clear_pointer (&self->snapshots, g_ptr_array_unref);
  g_clear_pointer (&self->statement_date, g_free);

  G_OBJECT_CLASS (budg_reconcile_dialog_parent_class)->finalize (object);
}

static void
budg_reconcile_dialog_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  BudgReconcileDialog *self = BUDG_RECONCILE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_ACCOUNT_ID:
      g_value_set_int64 (value, self->account_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
budg_reconcile_dialog_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  BudgReconcileDialog *self = BUDG_RECONCILE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    case PROP_ACCOUNT_ID:
      self->account_id = g_value_get_int64 (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
budg_reconcile_dialog_class_init (BudgReconcileDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (BUDG_TYPE_AMOUNT_ROW);
  g_type_ensure (BUDG_TYPE_DATE_ROW);

  object_class->constructed = budg_reconcile_dialog_constructed;
  object_class->dispose = budg_reconcile_dialog_dispose;
  object_class->finalize = budg_reconcile_dialog_finalize;
  object_class->get_property = budg_reconcile_dialog_get_property;
  object_class->set_property = budg_reconcile_dialog_set_property;

  widget_class->map = budg_reconcile_dialog_map;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         BUDG_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* The account being reconciled. */
  properties[PROP_ACCOUNT_ID] =
    g_param_spec_int64 ("account-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BudgReconcileDialog::finished:
   * @self: the dialog
   * @count: how many transactions were locked as reconciled
   *
   * Emitted once the reconciliation is recorded, right before the dialog
   * closes itself, so that the window can say so in a toast.
   */
  signals[FINISHED] =
    g_signal_new ("finished",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/budg-reconcile-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BudgReconcileDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BudgReconcileDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, BudgReconcileDialog, back_button);
  gtk_widget_class_bind_template_child (widget_class, BudgReconcileDialog, continue_button);
  gtk_widget_class_bind_template_child (widget_class, BudgReconcileDialog, finish_button);
  gtk_widget_class_bind_template_child (widget_class, BudgReconcileDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, BudgReconcileDialog, statement_group);
  gtk_widget_class_bind_template_child (widget_class, BudgReconcileDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, BudgReconcileDialog, balance_row);
  gtk_widget_class_bind_template_child (widget_class, BudgReconcileDialog, balance_error_label);
  gtk_widget_class_bind_template_child (widget_class, BudgReconcileDialog, snapshot_group);
  gtk_widget_class_bind_template_child (widget_class, BudgReconcileDialog, snapshot_row);
  gtk_widget_class_bind_template_child (widget_class, BudgReconcileDialog, statement_label);
  gtk_widget_class_bind_template_child (widget_class, BudgReconcileDialog, cleared_label);
  gtk_widget_class_bind_template_child (widget_class, BudgReconcileDialog, difference_label);
  gtk_widget_class_bind_template_child (widget_class, BudgReconcileDialog, summary_hint_label);
  gtk_widget_class_bind_template_child (widget_class, BudgReconcileDialog, transactions_list);
  gtk_widget_class_bind_template_child (widget_class, BudgReconcileDialog, empty_label);
  gtk_widget_class_bind_template_callback (widget_class, statement_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, snapshot_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, balance_activated_cb);

  gtk_widget_class_install_action (widget_class, "reconcile.continue", NULL, continue_action);
  gtk_widget_class_install_action (widget_class, "reconcile.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "reconcile.finish", NULL, finish_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
budg_reconcile_dialog_init (BudgReconcileDialog *self)
{
  self->snapshots = g_ptr_array_new_with_free_func (g_object_unref);
  self->transactions = g_list_store_new (BUDG_TYPE_TRANSACTION);

  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * budg_reconcile_dialog_new:
 * @context: the context whose account is reconciled
 * @account_id: the account to reconcile
 *
 * Creates the window; the caller makes it transient for its window and
 * presents it. It emits #BudgReconcileDialog::finished and closes itself
 * once the reconciliation is recorded.
 *
 * Returns: (transfer none): a new #BudgReconcileDialog, owned by GTK like
 *   every toplevel window
 */
GtkWidget *
budg_reconcile_dialog_new (BudgContext *context,
                           gint64       account_id)
{
  g_return_val_if_fail (BUDG_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (account_id > 0, NULL);

  return g_object_new (BUDG_TYPE_RECONCILE_DIALOG,
                       "context", context,
                       "account-id", account_id,
                       NULL);
}

/**
 * budg_reconcile_dialog_get_context:
 * @self: a #BudgReconcileDialog
 *
 * Returns: (transfer none): the context of @self
 */
BudgContext *
budg_reconcile_dialog_get_context (BudgReconcileDialog *self)
{
  g_return_val_if_fail (BUDG_IS_RECONCILE_DIALOG (self), NULL);

  return self->context;
}

/**
 * budg_reconcile_dialog_get_account_id:
 * @self: a #BudgReconcileDialog
 *
 * Returns: the id of the account being reconciled
 */
gint64
budg_reconcile_dialog_get_account_id (BudgReconcileDialog *self)
{
  g_return_val_if_fail (BUDG_IS_RECONCILE_DIALOG (self), 0);

  return self->account_id;
}
