/* budg-rules-window.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-rules-window"

#include "config.h"

#include <glib/gi18n.h>

#include "budg-money.h"
#include "budg-rule-dialog.h"
#include "budg-rule-store.h"
#include "budg-rules-window.h"

struct _BudgRulesWindow
{
  AdwWindow        parent_instance;

  BudgContext     *context;
  GPtrArray       *rules;          /* BudgRule, in priority order, as listed */

  AdwToastOverlay *toast_overlay;
  GtkStack        *page_stack;
  GtkListBox      *rules_list;
};

G_DEFINE_FINAL_TYPE (BudgRulesWindow, budg_rules_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_error (BudgRulesWindow *self,
            const GError    *error)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
}

static const char *
text_op_words (BudgRuleTextOp op)
{
  switch (op)
    {
    case BUDG_RULE_TEXT_CONTAINS:
      return _("contains");
    case BUDG_RULE_TEXT_IS:
      return _("is");
    case BUDG_RULE_TEXT_STARTS_WITH:
      return _("starts with");
    case BUDG_RULE_TEXT_REGEX:
      return _("matches");
    case BUDG_RULE_TEXT_NONE:
    default:
      return NULL;
    }
}

static const char *
status_words (BudgTransactionStatus status)
{
  switch (status)
    {
    case BUDG_TRANSACTION_STATUS_PENDING:
      return _("pending");
    case BUDG_TRANSACTION_STATUS_CLEARED:
      return _("cleared");
    case BUDG_TRANSACTION_STATUS_RECONCILED:
      return _("reconciled");
    default:
      return "";
    }
}

/**
 * budg_rule_describe:
 * @context: where the category and account names are looked up
 * @rule: the rule
 *
 * Returns: (transfer full): what the rule does, in one line
 */
char *
budg_rule_describe (BudgContext    *context,
                    const BudgRule *rule)
{
  g_autoptr(GPtrArray) conditions = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) actions = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *when = NULL;
  g_autofree char *then = NULL;
  const char *currency = budg_context_get_default_currency (context);

  g_return_val_if_fail (BUDG_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (rule != NULL, NULL);

  if (rule->payee_op != BUDG_RULE_TEXT_NONE)
    /* Translators: a rule's condition, e.g. "Payee contains “AMZN”". */
    g_ptr_array_add (conditions, g_strdup_printf (_("Payee %s “%s”"), text_op_words (rule->payee_op),
                                                  rule->payee_value != NULL ? rule->payee_value : ""));
  if (rule->memo_op != BUDG_RULE_TEXT_NONE)
    g_ptr_array_add (conditions, g_strdup_printf (_("memo %s “%s”"), text_op_words (rule->memo_op),
                                                  rule->memo_value != NULL ? rule->memo_value : ""));
  if (rule->has_min_amount)
    {
      g_autofree char *amount = budg_money_format (rule->min_amount_minor, currency);

      g_ptr_array_add (conditions, g_strdup_printf (_("at least %s"), amount));
    }
  if (rule->has_max_amount)
    {
      g_autofree char *amount = budg_money_format (rule->max_amount_minor, currency);

      g_ptr_array_add (conditions, g_strdup_printf (_("at most %s"), amount));
    }
  if (rule->sign == BUDG_RULE_SIGN_OUT)
    g_ptr_array_add (conditions, g_strdup (_("money out")));
  else if (rule->sign == BUDG_RULE_SIGN_IN)
    g_ptr_array_add (conditions, g_strdup (_("money in")));
  if (rule->account_id != 0)
    {
      BudgAccount *account = budg_account_store_lookup (budg_context_get_accounts (context),
                                                        rule->account_id);

      if (account != NULL)
        g_ptr_array_add (conditions, g_strdup_printf (_("in “%s”"), budg_account_get_name (account)));
    }

  if (rule->set_category_id != 0)
    {
      BudgCategory *category = budg_category_store_lookup (budg_context_get_categories (context),
                                                           rule->set_category_id);

      if (category != NULL)
        g_ptr_array_add (actions, g_strdup (budg_category_get_path (category)));
    }
  if (rule->set_payee != NULL)
    /* Translators: a rule's action: rename the payee to %s. */
    g_ptr_array_add (actions, g_strdup_printf (_("rename to %s"), rule->set_payee));
  if (rule->set_memo != NULL)
    g_ptr_array_add (actions, g_strdup_printf (_("memo “%s”"), rule->set_memo));
  if (rule->has_set_status)
    g_ptr_array_add (actions, g_strdup_printf (_("mark %s"), status_words (rule->set_status)));

  if (conditions->len == 0)
    g_ptr_array_add (conditions, g_strdup (_("Any transaction")));
  if (actions->len == 0)
    g_ptr_array_add (actions, g_strdup (_("nothing")));
  g_ptr_array_add (conditions, NULL);
  g_ptr_array_add (actions, NULL);

  when = g_strjoinv (_(", "), (char **) conditions->pdata);
  then = g_strjoinv (_(", "), (char **) actions->pdata);

  /* Make the first letter a capital whatever the first condition was. */
  if (g_ascii_islower (when[0]))
    when[0] = g_ascii_toupper (when[0]);

  /* Translators: a rule, "conditions → actions". */
  return g_strdup_printf (_("%s → %s"), when, then);
}

static GtkWidget *
row_button (const char *icon_name,
            const char *tooltip,
            const char *accessible_name,
            const char *action_name,
            gint64      id)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_name, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", id);

  return button;
}

static void
reload (BudgRulesWindow *self)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *rules;
  GtkWidget *child;

  rules = budg_rule_store_list (budg_context_get_rules (self->context), &error);
  if (rules == NULL)
    {
      show_error (self, error);
      return;
    }

  g_clear_pointer (&self->rules, g_ptr_array_unref);
  self->rules = rules;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->rules_list))) != NULL)
    gtk_list_box_remove (self->rules_list, child);

  for (guint i = 0; i < rules->len; i++)
    {
      BudgRule *rule = g_ptr_array_index (rules, i);
      g_autofree char *summary = budg_rule_describe (self->context, rule);
      g_autofree char *subtitle = NULL;
      g_autofree char *up = NULL;
      g_autofree char *down = NULL;
      g_autofree char *edit = NULL;
      g_autofree char *remove = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button;

      if (rule->enabled)
        subtitle = g_markup_escape_text (summary, -1);
      else
        /* Translators: the summary of a rule that is turned off. */
        subtitle = g_markup_printf_escaped (_("Off · %s"), summary);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rule->name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

      /* Translators: accessible names of a rule row's buttons; %s is the rule's name. */
      up = g_strdup_printf (_("Move “%s” up"), rule->name);
      down = g_strdup_printf (_("Move “%s” down"), rule->name);
      edit = g_strdup_printf (_("Edit “%s”"), rule->name);
      remove = g_strdup_printf (_("Delete “%s”"), rule->name);

      button = row_button ("go-up-symbolic", _("Move Up"), up, "rules.move-up", rule->id);
      gtk_widget_set_sensitive (button, i > 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      button = row_button ("go-down-symbolic", _("Move Down"), down, "rules.move-down", rule->id);
      gtk_widget_set_sensitive (button, i + 1 < rules->len);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 row_button ("document-edit-symbolic", _("Edit"), edit, "rules.edit", rule->id));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 row_button ("user-trash-symbolic", _("Delete"), remove, "rules.delete", rule->id));

      gtk_list_box_append (self->rules_list, row);
    }

  gtk_stack_set_visible_child_name (self->page_stack, rules->len > 0 ? "rules" : "empty");
}

static int
rule_position (BudgRulesWindow *self,
               gint64           id)
{
  for (guint i = 0; self->rules != NULL && i < self->rules->len; i++)
    if (((BudgRule *) g_ptr_array_index (self->rules, i))->id == id)
      return i;

  return -1;
}

static GArray *
dup_ids (BudgRulesWindow *self)
{
  GArray *ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), self->rules->len);

  for (guint i = 0; i < self->rules->len; i++)
    g_array_append_val (ids, ((BudgRule *) g_ptr_array_index (self->rules, i))->id);

  return ids;
}

static void
move (BudgRulesWindow *self,
      gint64           id,
      int              by)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  int from = rule_position (self, id);
  int to = from + by;
  gint64 other;

  if (from < 0 || to < 0 || to >= (int) self->rules->len)
    return;

  ids = dup_ids (self);
  other = g_array_index (ids, gint64, to);
  g_array_index (ids, gint64, to) = id;
  g_array_index (ids, gint64, from) = other;

  if (!budg_rule_store_reorder (budg_context_get_rules (self->context), (gint64 *) ids->data, ids->len, &error))
    {
      show_error (self, error);
      return;
    }

  /* Keep the focus on the moved rule so that it can be moved again. */
  {
    GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->rules_list, to);

    if (row != NULL)
      gtk_widget_grab_focus (GTK_WIDGET (row));
  }
}

static void
move_up_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  move (BUDG_RULES_WINDOW (widget), g_variant_get_int64 (parameter), -1);
}

static void
move_down_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  move (BUDG_RULES_WINDOW (widget), g_variant_get_int64 (parameter), +1);
}

static void
open_dialog (BudgRulesWindow *self,
             const BudgRule  *rule)
{
  GtkWidget *dialog = budg_rule_dialog_new (self->context, rule);

  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  open_dialog (BUDG_RULES_WINDOW (widget), NULL);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BudgRulesWindow *self = BUDG_RULES_WINDOW (widget);
  int position = rule_position (self, g_variant_get_int64 (parameter));

  if (position >= 0)
    open_dialog (self, g_ptr_array_index (self->rules, position));
}

static void
row_activated_cb (BudgRulesWindow *self,
                  GtkListBoxRow   *row)
{
  int position = gtk_list_box_row_get_index (row);

  if (position >= 0 && (guint) position < self->rules->len)
    open_dialog (self, g_ptr_array_index (self->rules, position));
}

typedef struct
{
  BudgContext *context;
  BudgRule    *rule;
  GArray      *order;     /* the ids in their order before the delete */
} UndoDelete;

static void
undo_delete_free (gpointer  data,
                  GClosure *closure)
{
  UndoDelete *undo = data;

  g_clear_object (&undo->context);
  g_clear_pointer (&undo->rule, budg_rule_free);
  g_clear_pointer (&undo->order, g_array_unref);
  g_free (undo);
}

static void
undo_delete_cb (AdwToast   *toast,
                UndoDelete *undo)
{
  BudgRuleStore *store = budg_context_get_rules (undo->context);
  g_autoptr(BudgRule) rule = budg_rule_copy (undo->rule);
  g_autoptr(GError) error = NULL;
  gint64 old_id = rule->id;

  /* The rule comes back with a new id, in its old place. */
  rule->id = 0;
  if (!budg_rule_store_add (store, rule, &error))
    {
      g_warning ("Could not restore the rule: %s", error->message);
      return;
    }

  for (guint i = 0; i < undo->order->len; i++)
    if (g_array_index (undo->order, gint64, i) == old_id)
      g_array_index (undo->order, gint64, i) = rule->id;

  if (!budg_rule_store_reorder (store, (gint64 *) undo->order->data, undo->order->len, &error))
    g_warning ("Could not put the rule back in its place: %s", error->message);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BudgRulesWindow *self = BUDG_RULES_WINDOW (widget);
  gint64 id = g_variant_get_int64 (parameter);
  int position = rule_position (self, id);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  UndoDelete *undo;
  AdwToast *toast;

  if (position < 0)
    return;

  undo = g_new0 (UndoDelete, 1);
  undo->context = g_object_ref (self->context);
  undo->rule = budg_rule_copy (g_ptr_array_index (self->rules, position));
  undo->order = dup_ids (self);

  if (!budg_rule_store_delete (budg_context_get_rules (self->context), id, &error))
    {
      undo_delete_free (undo, NULL);
      show_error (self, error);
      return;
    }

  /* Translators: shown in a toast; %s is the rule's name. */
  title = g_markup_printf_escaped (_("Rule “%s” deleted"), undo->rule->name);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_delete_cb), undo, undo_delete_free, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
database_changed_cb (BudgRulesWindow *self,
                     const char      *table,
                     BudgDatabase    *database)
{
  if (g_strcmp0 (table, "rules") == 0 || g_strcmp0 (table, "categories") == 0 ||
      g_strcmp0 (table, "accounts") == 0 || g_strcmp0 (table, "*") == 0)
    reload (self);
}

static void
budg_rules_window_constructed (GObject *object)
{
  BudgRulesWindow *self = (BudgRulesWindow *)object;

  G_OBJECT_CLASS (budg_rules_window_parent_class)->constructed (object);

  g_signal_connect_object (budg_context_get_database (self->context), "changed",
                           G_CALLBACK (database_changed_cb), self, G_CONNECT_SWAPPED);
  reload (self);
}

static void
budg_rules_window_dispose (GObject *object)
{
  BudgRulesWindow *self = (BudgRulesWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), BUDG_TYPE_RULES_WINDOW);
  g_clear_pointer (&self->rules, g_ptr_array_unref);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (budg_rules_window_parent_class)->dispose (object);
}

static void
budg_rules_window_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  BudgRulesWindow *self = BUDG_RULES_WINDOW (object);

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
budg_rules_window_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  BudgRulesWindow *self = BUDG_RULES_WINDOW (object);

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
budg_rules_window_class_init (BudgRulesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = budg_rules_window_constructed;
  object_class->dispose = budg_rules_window_dispose;
  object_class->get_property = budg_rules_window_get_property;
  object_class->set_property = budg_rules_window_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         BUDG_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/budg-rules-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BudgRulesWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BudgRulesWindow, page_stack);
  gtk_widget_class_bind_template_child (widget_class, BudgRulesWindow, rules_list);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "rules.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "rules.edit", "x", edit_action);
  gtk_widget_class_install_action (widget_class, "rules.delete", "x", delete_action);
  gtk_widget_class_install_action (widget_class, "rules.move-up", "x", move_up_action);
  gtk_widget_class_install_action (widget_class, "rules.move-down", "x", move_down_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "rules.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
budg_rules_window_init (BudgRulesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * budg_rules_window_new:
 * @context: the context
 *
 * Returns: (transfer full): a new rules window
 */
GtkWidget *
budg_rules_window_new (BudgContext *context)
{
  g_return_val_if_fail (BUDG_IS_CONTEXT (context), NULL);

  return g_object_new (BUDG_TYPE_RULES_WINDOW, "context", context, NULL);
}

BudgContext *
budg_rules_window_get_context (BudgRulesWindow *self)
{
  g_return_val_if_fail (BUDG_IS_RULES_WINDOW (self), NULL);

  return self->context;
}
