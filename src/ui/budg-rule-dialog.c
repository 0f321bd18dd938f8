/* budg-rule-dialog.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-rule-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "budg-amount-row.h"
#include "budg-date.h"
#include "budg-error.h"
#include "budg-form.h"
#include "budg-money.h"
#include "budg-rule-dialog.h"
#include "budg-rule-store.h"

/* The preview follows the form as it is edited (a moment after the last
 * keystroke, since it reads every transaction); applying to the existing
 * transactions is for a saved rule, so that what changes them is a rule
 * the user can find again. */

#define PREVIEW_DELAY_MS 300

#define MAX_PREVIEW_ROWS 100

struct _BudgRuleDialog
{
  AdwWindow            parent_instance;

  BudgContext         *context;
  BudgRule            *rule;             /* as stored; NULL for a new one */
  GArray              *account_ids;      /* gint64 per account_row position: 0 = any */
  GArray              *category_ids;     /* gint64 per category_row position: 0 = none */
  gboolean             loading;
  gboolean             dirty;
  guint                n_changes;
  guint                preview_id;
  GCancellable        *preview_cancellable;

  GtkWidget           *save_button;
  AdwToastOverlay     *toast_overlay;
  AdwEntryRow         *name_row;
  GtkSwitch           *enabled_switch;
  GtkSwitch           *continue_switch;
  AdwComboRow         *payee_op_row;
  AdwEntryRow         *payee_row;
  AdwComboRow         *memo_op_row;
  AdwEntryRow         *memo_row;
  GtkSwitch           *case_switch;
  BudgAmountRow       *min_row;
  BudgAmountRow       *max_row;
  AdwComboRow         *sign_row;
  AdwComboRow         *account_row;
  AdwComboRow         *category_row;
  AdwEntryRow         *set_payee_row;
  AdwEntryRow         *set_memo_row;
  AdwComboRow         *status_row;
  GtkLabel            *error_label;
  GtkLabel            *preview_label;
  GtkListBox          *preview_list;
  GtkButton           *apply_rule_button;
};

G_DEFINE_FINAL_TYPE (BudgRuleDialog, budg_rule_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_RULE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static guint
position_of (GArray *ids,
             gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return i;

  return 0;
}

static char *
dup_text (AdwEntryRow *row)
{
  return budg_form_dup_entry_text (row);
}

/* The rule the form describes, or %NULL with what is wrong. */
static BudgRule *
read_form (BudgRuleDialog  *self,
           GError         **error)
{
  g_autoptr(BudgRule) rule = self->rule != NULL ? budg_rule_copy (self->rule) : budg_rule_new ();
  guint account = adw_combo_row_get_selected (self->account_row);
  guint category = adw_combo_row_get_selected (self->category_row);
  guint status = adw_combo_row_get_selected (self->status_row);

  g_free (rule->name);
  rule->name = dup_text (self->name_row);
  if (rule->name == NULL)
    {
      g_set_error_literal (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT, _("Give the rule a name."));
      return NULL;
    }

  rule->enabled = gtk_switch_get_active (self->enabled_switch);
  rule->continue_matching = gtk_switch_get_active (self->continue_switch);
  rule->case_sensitive = gtk_switch_get_active (self->case_switch);

  rule->payee_op = (BudgRuleTextOp) adw_combo_row_get_selected (self->payee_op_row);
  g_free (rule->payee_value);
  rule->payee_value = rule->payee_op != BUDG_RULE_TEXT_NONE ? dup_text (self->payee_row) : NULL;
  rule->memo_op = (BudgRuleTextOp) adw_combo_row_get_selected (self->memo_op_row);
  g_free (rule->memo_value);
  rule->memo_value = rule->memo_op != BUDG_RULE_TEXT_NONE ? dup_text (self->memo_row) : NULL;

  rule->has_min_amount = !budg_amount_row_is_empty (self->min_row);
  if (rule->has_min_amount && !budg_amount_row_parse (self->min_row, &rule->min_amount_minor, error))
    return NULL;
  rule->has_max_amount = !budg_amount_row_is_empty (self->max_row);
  if (rule->has_max_amount && !budg_amount_row_parse (self->max_row, &rule->max_amount_minor, error))
    return NULL;
  /* The rule compares sizes: "-12.50" means the same as "12.50". */
  rule->min_amount_minor = ABS (rule->min_amount_minor);
  rule->max_amount_minor = ABS (rule->max_amount_minor);

  rule->sign = (BudgRuleSign) adw_combo_row_get_selected (self->sign_row);
  rule->account_id = account < self->account_ids->len ? g_array_index (self->account_ids, gint64, account) : 0;
  rule->set_category_id = category < self->category_ids->len ? g_array_index (self->category_ids, gint64, category) : 0;

  g_free (rule->set_payee);
  rule->set_payee = dup_text (self->set_payee_row);
  g_free (rule->set_memo);
  rule->set_memo = dup_text (self->set_memo_row);
  rule->has_set_status = status > 0;
  rule->set_status = status > 0 ? (BudgTransactionStatus) (status - 1) : BUDG_TRANSACTION_STATUS_PENDING;

  if (!budg_rule_validate (rule, error))
    return NULL;

  return g_steal_pointer (&rule);
}

static void
clear_preview (BudgRuleDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->preview_list))) != NULL)
    gtk_list_box_remove (self->preview_list, child);
  gtk_widget_set_visible (GTK_WIDGET (self->preview_list), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->apply_rule_button), FALSE);
  self->n_changes = 0;
}

static char *
describe_change (const BudgRuleChange *change)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (g_strcmp0 (change->category_path, change->new_category_path) != 0)
    g_ptr_array_add (parts, g_strdup_printf ("%s → %s",
                                             change->category_path != NULL ? change->category_path : _("Uncategorized"),
                                             change->new_category_path != NULL ? change->new_category_path : _("Uncategorized")));
  if (g_strcmp0 (change->payee, change->new_payee) != 0)
    g_ptr_array_add (parts, g_strdup_printf (_("payee “%s”"), change->new_payee != NULL ? change->new_payee : ""));
  if (g_strcmp0 (change->memo, change->new_memo) != 0)
    g_ptr_array_add (parts, g_strdup_printf (_("memo “%s”"), change->new_memo != NULL ? change->new_memo : ""));
  if (change->status != change->new_status)
    g_ptr_array_add (parts, g_strdup (budg_transaction_status_to_string (change->new_status)));
  g_ptr_array_add (parts, NULL);

  return g_strjoinv (", ", (char **) parts->pdata);
}

/* The preview reads every transaction: on a large book that takes longer
 * than a frame, so it runs in a worker with a connection of its own, and a
 * newer edit cancels the older preview. */

typedef struct
{
  char     *database_path;
  BudgRule *draft;
} PreviewJob;

static void
preview_job_free (PreviewJob *job)
{
  g_free (job->database_path);
  budg_rule_free (job->draft);
  g_free (job);
}

static void
preview_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  PreviewJob *job = task_data;
  g_autoptr(BudgDatabase) database = NULL;
  g_autoptr(BudgRuleStore) store = NULL;
  GPtrArray *changes;
  GError *error = NULL;

  database = budg_database_open (job->database_path, &error);
  if (database == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  store = budg_rule_store_new (database);
  changes = budg_rule_store_preview (store, job->draft, 0, cancellable, &error);
  if (changes == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, changes, (GDestroyNotify) g_ptr_array_unref);
}

static void show_changes (BudgRuleDialog *self,
                          GPtrArray      *changes);

static void
preview_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(BudgRuleDialog) self = user_data;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;

  changes = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->context == NULL)
    return;

  if (changes == NULL)
    {
      gtk_label_set_text (self->preview_label, error->message);
      return;
    }

  show_changes (self, changes);
}

static void
update_preview (BudgRuleDialog *self)
{
  g_autoptr(BudgRule) draft = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  PreviewJob *job;

  g_cancellable_cancel (self->preview_cancellable);
  g_clear_object (&self->preview_cancellable);
  clear_preview (self);

  draft = read_form (self, &error);
  if (draft == NULL)
    {
      gtk_label_set_text (self->preview_label, _("Once the rule is complete, the existing transactions it would change show here."));
      return;
    }

  job = g_new0 (PreviewJob, 1);
  job->database_path = g_strdup (budg_database_get_path (budg_context_get_database (self->context)));
  job->draft = g_steal_pointer (&draft);

  self->preview_cancellable = g_cancellable_new ();
  task = g_task_new (NULL, self->preview_cancellable, preview_done_cb, g_object_ref (self));
  g_task_set_task_data (task, job, (GDestroyNotify) preview_job_free);
  g_task_run_in_thread (task, preview_thread);
}

static void
show_changes (BudgRuleDialog *self,
              GPtrArray      *changes)
{
  g_autofree char *apply_label = NULL;

  self->n_changes = changes->len;
  if (changes->len == 0)
    {
      gtk_label_set_text (self->preview_label, _("The rule would change no existing transaction."));
      return;
    }

  gtk_label_set_text (self->preview_label,
                      ngettext ("This existing transaction would change:",
                                "These existing transactions would change:", changes->len));

  for (guint i = 0; i < changes->len && i < MAX_PREVIEW_ROWS; i++)
    {
      BudgRuleChange *change = g_ptr_array_index (changes, i);
      g_autofree char *date = budg_date_format_short (change->date);
      g_autofree char *amount = budg_money_format (change->amount_minor, change->currency);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = describe_change (change);
      GtkWidget *row = adw_action_row_new ();

      /* Translators: a transaction in the preview: date, payee, amount. */
      title = g_strdup_printf (_("%s · %s · %s"), date, change->payee != NULL ? change->payee : "", amount);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_append (self->preview_list, row);
    }

  if (changes->len > MAX_PREVIEW_ROWS)
    {
      g_autofree char *more = g_strdup_printf (ngettext ("…and %u more", "…and %u more", changes->len - MAX_PREVIEW_ROWS),
                                               changes->len - MAX_PREVIEW_ROWS);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), more);
      gtk_list_box_append (self->preview_list, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->preview_list), TRUE);
  if (self->rule == NULL || self->dirty)
    {
      gtk_label_set_text (self->preview_label,
                          ngettext ("This existing transaction would change (save the rule to apply it):",
                                    "These existing transactions would change (save the rule to apply it):",
                                    changes->len));
      return;
    }

  /* Translators: the button that applies the rule to what is already there. */
  apply_label = g_strdup_printf (ngettext ("_Apply to %u Existing Transaction",
                                           "_Apply to %u Existing Transactions", changes->len),
                                 changes->len);
  gtk_button_set_label (self->apply_rule_button, apply_label);
  gtk_widget_set_visible (GTK_WIDGET (self->preview_list), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->apply_rule_button), TRUE);
}

static gboolean
preview_timeout_cb (gpointer user_data)
{
  BudgRuleDialog *self = user_data;

  self->preview_id = 0;
  update_preview (self);

  return G_SOURCE_REMOVE;
}

static void
form_changed_cb (BudgRuleDialog *self)
{
  g_autoptr(BudgRule) rule = NULL;
  g_autoptr(GError) error = NULL;
  gboolean has_name;

  if (self->loading)
    return;

  /* Applying is for the rule as saved. */
  self->dirty = TRUE;
  gtk_widget_set_visible (GTK_WIDGET (self->apply_rule_button), FALSE);
  g_clear_handle_id (&self->preview_id, g_source_remove);
  self->preview_id = g_timeout_add (PREVIEW_DELAY_MS, preview_timeout_cb, self);

  rule = read_form (self, &error);
  has_name = gtk_editable_get_text (GTK_EDITABLE (self->name_row))[0] != '\0';
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.save", rule != NULL);

  /* Say what is wrong once the user has started. */
  gtk_label_set_text (self->error_label, rule == NULL && has_name ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), rule == NULL && has_name);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BudgRuleDialog *self = BUDG_RULE_DIALOG (widget);
  BudgRuleStore *store = budg_context_get_rules (self->context);
  g_autoptr(BudgRule) rule = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  rule = read_form (self, &error);
  if (rule == NULL)
    return;

  if (self->rule != NULL)
    ok = budg_rule_store_update (store, rule, &error);
  else
    ok = budg_rule_store_add (store, rule, &error);

  if (!ok)
    {
      budg_form_add_error_toast (self->toast_overlay, error);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, rule->id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
activate_cb (BudgRuleDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "dialog.save", NULL);
}

static void
apply_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(BudgRuleDialog) self = user_data;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  changes = budg_rule_store_apply_finish (BUDG_RULE_STORE (source), result, &error);
  if (self->context == NULL)
    return;

  gtk_widget_set_sensitive (GTK_WIDGET (self->apply_rule_button), TRUE);
  if (changes == NULL)
    {
      budg_form_add_error_toast (self->toast_overlay, error);
      return;
    }

  /* Translators: shown once a rule was applied to existing transactions. */
  title = g_strdup_printf (ngettext ("Changed %u transaction", "Changed %u transactions", changes->len),
                           changes->len);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
  update_preview (self);
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  BudgRuleDialog *self = BUDG_RULE_DIALOG (widget);

  if (self->rule == NULL || self->dirty)
    return;

  /* Rewriting many transactions takes a while on a large book: in a
   * worker, with the button held until it is done. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->apply_rule_button), FALSE);
  budg_rule_store_apply_async (budg_context_get_rules (self->context), self->rule->id, 0, NULL,
                               apply_done_cb, g_object_ref (self));
}

static void
fill_choices (BudgRuleDialog *self)
{
  GListModel *accounts = G_LIST_MODEL (budg_context_get_accounts (self->context));
  GListModel *categories = G_LIST_MODEL (budg_context_get_categories (self->context));
  g_autoptr(GtkStringList) account_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) category_names = gtk_string_list_new (NULL);
  gint64 zero = 0;

  gtk_string_list_append (account_names, _("Any account"));
  g_array_append_val (self->account_ids, zero);
  for (guint i = 0; i < g_list_model_get_n_items (accounts); i++)
    {
      g_autoptr(BudgAccount) account = g_list_model_get_item (accounts, i);
      gint64 id = budg_account_get_id (account);

      gtk_string_list_append (account_names, budg_account_get_name (account));
      g_array_append_val (self->account_ids, id);
    }

  gtk_string_list_append (category_names, _("Leave as it is"));
  g_array_append_val (self->category_ids, zero);
  for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
    {
      g_autoptr(BudgCategory) category = g_list_model_get_item (categories, i);
      gint64 id = budg_category_get_id (category);

      gtk_string_list_append (category_names, budg_category_get_path (category));
      g_array_append_val (self->category_ids, id);
    }

  adw_combo_row_set_model (self->account_row, G_LIST_MODEL (account_names));
  adw_combo_row_set_model (self->category_row, G_LIST_MODEL (category_names));
}

static void
set_amount (BudgAmountRow *row,
            gboolean       has,
            gint64         minor,
            const char    *currency)
{
  g_autofree char *text = has ? budg_money_format_plain (minor, currency) : NULL;

  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static void
fill_form (BudgRuleDialog *self)
{
  const BudgRule *rule = self->rule;
  const char *currency = budg_context_get_default_currency (self->context);

  budg_amount_row_set_currency (self->min_row, currency);
  budg_amount_row_set_currency (self->max_row, currency);

  if (rule == NULL)
    return;

  gtk_window_set_title (GTK_WINDOW (self), _("Edit Rule"));
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), rule->name != NULL ? rule->name : "");
  gtk_switch_set_active (self->enabled_switch, rule->enabled);
  gtk_switch_set_active (self->continue_switch, rule->continue_matching);
  gtk_switch_set_active (self->case_switch, rule->case_sensitive);
  adw_combo_row_set_selected (self->payee_op_row, rule->payee_op);
  gtk_editable_set_text (GTK_EDITABLE (self->payee_row), rule->payee_value != NULL ? rule->payee_value : "");
  adw_combo_row_set_selected (self->memo_op_row, rule->memo_op);
  gtk_editable_set_text (GTK_EDITABLE (self->memo_row), rule->memo_value != NULL ? rule->memo_value : "");
  set_amount (self->min_row, rule->has_min_amount, rule->min_amount_minor, currency);
  set_amount (self->max_row, rule->has_max_amount, rule->max_amount_minor, currency);
  adw_combo_row_set_selected (self->sign_row, rule->sign);
  adw_combo_row_set_selected (self->account_row, position_of (self->account_ids, rule->account_id));
  adw_combo_row_set_selected (self->category_row, position_of (self->category_ids, rule->set_category_id));
  gtk_editable_set_text (GTK_EDITABLE (self->set_payee_row), rule->set_payee != NULL ? rule->set_payee : "");
  gtk_editable_set_text (GTK_EDITABLE (self->set_memo_row), rule->set_memo != NULL ? rule->set_memo : "");
  adw_combo_row_set_selected (self->status_row, rule->has_set_status ? rule->set_status + 1 : 0);
}

static void
budg_rule_dialog_constructed (GObject *object)
{
  BudgRuleDialog *self = (BudgRuleDialog *)object;

  G_OBJECT_CLASS (budg_rule_dialog_parent_class)->constructed (object);

  self->loading = TRUE;
  fill_choices (self);
  fill_form (self);
  self->loading = FALSE;

  /* A stored rule can be saved as it is; a new one needs a name first. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.save", self->rule != NULL);
  update_preview (self);
}

static void
budg_rule_dialog_dispose (GObject *object)
{
  BudgRuleDialog *self = (BudgRuleDialog *)object;

  g_clear_handle_id (&self->preview_id, g_source_remove);
  g_cancellable_cancel (self->preview_cancellable);
  g_clear_object (&self->preview_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), BUDG_TYPE_RULE_DIALOG);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (budg_rule_dialog_parent_class)->dispose (object);
}

static void
budg_rule_dialog_finalize (GObject *object)
{
  BudgRuleDialog *self = (BudgRuleDialog *)object;

  g_clear_pointer (&self->rule, budg_rule_free);
  g_clear_pointer (&self->account_ids, g_array_unref);
  g_clear_pointer (&self->category_ids, g_array_unref);

  G_OBJECT_CLASS (budg_rule_dialog_parent_class)->finalize (object);
}

static void
budg_rule_dialog_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  BudgRuleDialog *self = BUDG_RULE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_RULE:
      g_value_set_pointer (value, self->rule);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
budg_rule_dialog_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  BudgRuleDialog *self = BUDG_RULE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    case PROP_RULE:
      /* Construct-only: a copy, so that the caller's rule may go away. */
      self->rule = g_value_get_pointer (value) != NULL ? budg_rule_copy (g_value_get_pointer (value)) : NULL;
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
budg_rule_dialog_class_init (BudgRuleDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = budg_rule_dialog_constructed;
  object_class->dispose = budg_rule_dialog_dispose;
  object_class->finalize = budg_rule_dialog_finalize;
  object_class->get_property = budg_rule_dialog_get_property;
  object_class->set_property = budg_rule_dialog_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         BUDG_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /* A #BudgRule to edit (copied), or %NULL for a new rule. */
  properties[PROP_RULE] =
    g_param_spec_pointer ("rule", NULL, NULL,
                          (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BudgRuleDialog::saved:
   * @self: the dialog
   * @id: the rule's id
   *
   * Emitted once the rule is stored, just before the dialog closes.
   */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (BUDG_TYPE_AMOUNT_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/budg-rule-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BudgRuleDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, BudgRuleDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BudgRuleDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, BudgRuleDialog, enabled_switch);
  gtk_widget_class_bind_template_child (widget_class, BudgRuleDialog, continue_switch);
  gtk_widget_class_bind_template_child (widget_class, BudgRuleDialog, payee_op_row);
  gtk_widget_class_bind_template_child (widget_class, BudgRuleDialog, payee_row);
  gtk_widget_class_bind_template_child (widget_class, BudgRuleDialog, memo_op_row);
  gtk_widget_class_bind_template_child (widget_class, BudgRuleDialog, memo_row);
  gtk_widget_class_bind_template_child (widget_class, BudgRuleDialog, case_switch);
  gtk_widget_class_bind_template_child (widget_class, BudgRuleDialog, min_row);
  gtk_widget_class_bind_template_child (widget_class, BudgRuleDialog, max_row);
  gtk_widget_class_bind_template_child (widget_class, BudgRuleDialog, sign_row);
  gtk_widget_class_bind_template_child (widget_class, BudgRuleDialog, account_row);
  gtk_widget_class_bind_template_child (widget_class, BudgRuleDialog, category_row);
  gtk_widget_class_bind_template_child (widget_class, BudgRuleDialog, set_payee_row);
  gtk_widget_class_bind_template_child (widget_class, BudgRuleDialog, set_memo_row);
  gtk_widget_class_bind_template_child (widget_class, BudgRuleDialog, status_row);
  gtk_widget_class_bind_template_child (widget_class, BudgRuleDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, BudgRuleDialog, preview_label);
  gtk_widget_class_bind_template_child (widget_class, BudgRuleDialog, preview_list);
  gtk_widget_class_bind_template_child (widget_class, BudgRuleDialog, apply_rule_button);
  gtk_widget_class_bind_template_callback (widget_class, form_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);

  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "dialog.apply", NULL, apply_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "dialog.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
budg_rule_dialog_init (BudgRuleDialog *self)
{
  self->account_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->category_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  /* The template's signals fire while it is built. */
  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->loading = FALSE;
}

/**
 * budg_rule_dialog_new:
 * @context: the context
 * @rule: (nullable): the rule to edit, or %NULL for a new one
 *
 * Returns: (transfer full): a new rule form; the caller makes it transient
 *   and presents it
 */
GtkWidget *
budg_rule_dialog_new (BudgContext    *context,
                      const BudgRule *rule)
{
  g_return_val_if_fail (BUDG_IS_CONTEXT (context), NULL);

  return g_object_new (BUDG_TYPE_RULE_DIALOG,
                       "context", context,
                       "rule", rule,
                       NULL);
}

gint64
budg_rule_dialog_get_rule_id (BudgRuleDialog *self)
{
  g_return_val_if_fail (BUDG_IS_RULE_DIALOG (self), 0);

  return self->rule != NULL ? self->rule->id : 0;
}

typedef struct
{
  BudgContext *context;
  BudgRule    *rule;
} SuggestionData;

static void
suggestion_data_free (gpointer  data,
                      GClosure *closure)
{
  SuggestionData *suggestion = data;

  g_clear_object (&suggestion->context);
  g_clear_pointer (&suggestion->rule, budg_rule_free);
  g_free (suggestion);
}

static void
suggested_rule_applied_cb (GObject      *source,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;

  changes = budg_rule_store_apply_finish (BUDG_RULE_STORE (source), result, &error);
  if (changes == NULL)
    g_warning ("Could not apply the new rule: %s", error->message);
}

static void
create_rule_cb (AdwToast       *toast,
                SuggestionData *suggestion)
{
  BudgRuleStore *store = budg_context_get_rules (suggestion->context);
  g_autoptr(BudgRule) rule = budg_rule_copy (suggestion->rule);
  g_autoptr(GError) error = NULL;

  if (!budg_rule_store_add (store, rule, &error))
    {
      g_warning ("Could not create the rule: %s", error->message);
      return;
    }

  budg_rule_store_apply_async (store, rule->id, 0, NULL, suggested_rule_applied_cb, NULL);
}

/**
 * budg_rule_suggestion_toast_new:
 * @context: the context
 * @transaction_id: the transaction whose category the user just changed
 *
 * Returns: (transfer full) (nullable): the toast that offers a rule, or
 *   %NULL when there is none to offer
 */
AdwToast *
budg_rule_suggestion_toast_new (BudgContext *context,
                                gint64       transaction_id)
{
  g_autoptr(BudgRule) rule = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  SuggestionData *suggestion;
  BudgCategory *category;
  AdwToast *toast;
  guint n_others = 0;

  g_return_val_if_fail (BUDG_IS_CONTEXT (context), NULL);

  rule = budg_rule_store_suggest (budg_context_get_rules (context), transaction_id, &n_others, &error);
  if (rule == NULL)
    {
      if (error != NULL)
        g_debug ("No rule to suggest: %s", error->message);
      return NULL;
    }

  category = budg_category_store_lookup (budg_context_get_categories (context), rule->set_category_id);
  if (category == NULL || rule->payee_value == NULL)
    return NULL;

  /* Translators: offered after a transaction got another category; the
   * first %s is its payee, the second the category. */
  title = g_markup_printf_escaped (_("Always put “%s” in %s?"), rule->payee_value,
                                   budg_category_get_path (category));
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("Create _Rule"));
  adw_toast_set_timeout (toast, 10);

  suggestion = g_new0 (SuggestionData, 1);
  suggestion->context = g_object_ref (context);
  suggestion->rule = g_steal_pointer (&rule);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (create_rule_cb), suggestion, suggestion_data_free, 0);

  return toast;
}
