/* budg-budget-dialog.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-budget-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "budg-amount-row.h"
#include "budg-budget-dialog.h"
#include "budg-budget-store.h"
#include "budg-budgets-view.h"
#include "budg-date.h"
#include "budg-error.h"
#include "budg-form.h"
#include "budg-money.h"
#include "budg-period.h"

/* Adds a budget, or changes one. A budget row holds from its first period
 * until the next row of its category, so an edit is a new row from the
 * chosen period on: earlier months keep what they had, which is what makes
 * last month's figures stay true after this month's budget changes.
 */

/* How many periods before and after the first one the start list offers. */
#define START_CHOICES_BEFORE 12
#define START_CHOICES_AFTER  24

struct _BudgBudgetDialog
{
  AdwWindow        parent_instance;

  BudgContext     *context;
  BudgBudgetStore *store;
  char            *period;
  gint64           budget_id;
  BudgBudget      *budget;
  char            *currency;
  GPtrArray       *start_periods;   /* char *, parallel to the start row's items */
  BudgPeriodKind   start_kind;

  AdwToastOverlay *toast_overlay;
  AdwComboRow     *category_row;
  BudgAmountRow   *amount_row;
  GtkLabel        *amount_error_label;
  AdwComboRow     *period_row;
  AdwComboRow     *start_row;
  AdwComboRow     *rollover_row;
  GtkLabel        *rollover_label;
};

G_DEFINE_FINAL_TYPE (BudgBudgetDialog, budg_budget_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_PERIOD,
  PROP_BUDGET_ID,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
expense_filter_func (gpointer item,
                     gpointer user_data)
{
  /* Budgets are for spending; the store refuses income categories. */
  return !budg_category_get_is_income (BUDG_CATEGORY (item));
}

static BudgBudgetPeriod
get_period (BudgBudgetDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->period_row);

  return selected <= BUDG_BUDGET_PERIOD_YEARLY ? (BudgBudgetPeriod) selected : BUDG_BUDGET_PERIOD_MONTHLY;
}

static BudgPeriodKind
kind_of_period (BudgBudgetPeriod period)
{
  return period == BUDG_BUDGET_PERIOD_WEEKLY ? BUDG_PERIOD_WEEK : BUDG_PERIOD_MONTH;
}

static const char *
get_start_period (BudgBudgetDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->start_row);

  if (self->start_periods == NULL || selected >= self->start_periods->len)
    return NULL;

  return g_ptr_array_index (self->start_periods, selected);
}

/* Reads the amount; a budget is 0 or more. */
static gboolean
read_amount (BudgBudgetDialog  *self,
             gint64            *out_minor,
             GError           **error)
{
  if (!budg_amount_row_parse (self->amount_row, out_minor, error))
    return FALSE;

  if (*out_minor < 0)
    {
      g_set_error_literal (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                           _("A budget cannot be negative. Enter the amount you plan to spend, or 0."));
      return FALSE;
    }

  return TRUE;
}

static gboolean
is_valid (BudgBudgetDialog *self)
{
  gint64 minor;

  return adw_combo_row_get_selected_item (self->category_row) != NULL &&
         get_start_period (self) != NULL &&
         read_amount (self, &minor, NULL);
}

static void
update_save (BudgBudgetDialog *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.save", is_valid (self));
}

/* Offers the periods around @around, of its kind, and selects it. */
static void
fill_starts (BudgBudgetDialog *self,
             const BudgPeriod *around)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  BudgPeriod period = *around;

  g_clear_pointer (&self->start_periods, g_ptr_array_unref);
  self->start_periods = g_ptr_array_new_with_free_func (g_free);
  self->start_kind = around->kind;

  budg_period_add (&period, -START_CHOICES_BEFORE);
  for (guint i = 0; i <= START_CHOICES_BEFORE + START_CHOICES_AFTER; i++)
    {
      g_autofree char *text = budg_period_to_string (&period);
      g_autofree char *label = NULL;

      if (period.kind == BUDG_PERIOD_WEEK)
        {
          g_autofree char *first = budg_period_dup_first_iso (&period);
          g_autofree char *first_text = budg_date_format_short (first);

          /* Translators: a week by the Monday it starts on, "Week of 11/16/26". */
          label = g_strdup_printf (_("Week of %s"), first_text);
        }
      else
        label = budg_budgets_view_format_period (text);
      gtk_string_list_append (labels, label);

      g_ptr_array_add (self->start_periods, g_steal_pointer (&text));
      budg_period_add (&period, 1);
    }

  adw_combo_row_set_model (self->start_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->start_row, START_CHOICES_BEFORE);
}

static void
update_amount_title (BudgBudgetDialog *self)
{
  static const char *titles[] = {
    N_("Amount per Month"),
    N_("Amount per Week"),
    N_("Amount per Year"),
  };

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->amount_row), _(titles[get_period (self)]));
}

static void
amount_changed_cb (BudgBudgetDialog *self)
{
  g_autoptr(GError) error = NULL;
  gint64 minor;

  read_amount (self, &minor, &error);
  budg_form_set_field_error (GTK_WIDGET (self->amount_row), self->amount_error_label, error);
  update_save (self);
}

static void
field_changed_cb (BudgBudgetDialog *self)
{
  update_save (self);
}

static void
period_changed_cb (BudgBudgetDialog *self)
{
  BudgPeriodKind kind = kind_of_period (get_period (self));
  const char *start = get_start_period (self);
  BudgPeriod current;

  update_amount_title (self);

  /* Weeks and months are different lists; the new one starts near the
   * period chosen in the old one. ISO weeks belong to the month of their
   * Thursday. */
  if (start != NULL && kind != self->start_kind && budg_period_parse (start, &current, NULL))
    {
      BudgPeriod target;
      GDate day;

      budg_period_get_first_day (&current, &day);
      if (kind == BUDG_PERIOD_MONTH)
        g_date_add_days (&day, 3);
      budg_period_for_date (kind, &day, &target);
      fill_starts (self, &target);
    }

  update_save (self);
}

static void
rollover_changed_cb (BudgBudgetDialog *self)
{
  static const char *subtitles[] = {
    N_("Each period starts afresh."),
    N_("What is left at the end of a period is added to the next one."),
    N_("What is left is added to the next period, and overspending is taken from it."),
  };
  guint selected = adw_combo_row_get_selected (self->rollover_row);

  if (selected < G_N_ELEMENTS (subtitles))
    gtk_label_set_text (self->rollover_label, _(subtitles[selected]));
}

static void
entry_activated_cb (BudgBudgetDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "dialog.save", NULL);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BudgBudgetDialog *self = BUDG_BUDGET_DIALOG (widget);
  BudgCategory *category = adw_combo_row_get_selected_item (self->category_row);
  g_autoptr(BudgBudget) budget = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *from_period = NULL;
  gint64 minor;

  /* Enter in a field comes here even while the form is incomplete. */
  if (!is_valid (self) || !read_amount (self, &minor, NULL))
    return;

  from_period = g_strdup (get_start_period (self));
  budget = budg_budget_store_set (self->store, budg_category_get_id (category), get_period (self), minor,
                                  self->currency,
                                  (BudgRollover) MIN (adw_combo_row_get_selected (self->rollover_row),
                                                      BUDG_ROLLOVER_ALL),
                                  from_period, &error);
  if (budget == NULL)
    {
      budg_form_add_error_toast (self->toast_overlay, error);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, budget->from_period);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Finds the budget being edited among the stored rows. */
static void
load_budget (BudgBudgetDialog *self)
{
  g_autoptr(GPtrArray) budgets = NULL;
  g_autoptr(GError) error = NULL;

  if (!(budgets = budg_budget_store_list (self->store, &error)))
    {
      g_warning ("Could not read the budgets: %s", error->message);
      return;
    }

  for (guint i = 0; i < budgets->len; i++)
    {
      BudgBudget *budget = g_ptr_array_index (budgets, i);

      if (budget->id == self->budget_id)
        {
          self->budget = g_ptr_array_steal_index (budgets, i);
          return;
        }
    }
}

static void
select_category (BudgBudgetDialog *self,
                 gint64            category_id)
{
  GListModel *model = adw_combo_row_get_model (self->category_row);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BudgCategory) category = g_list_model_get_item (model, i);

      if (budg_category_get_id (category) == category_id)
        {
          adw_combo_row_set_selected (self->category_row, i);
          return;
        }
    }
}

static void
budg_budget_dialog_constructed (GObject *object)
{
  BudgBudgetDialog *self = BUDG_BUDGET_DIALOG (object);
  g_autoptr(GtkFilterListModel) categories = NULL;
  GListModel *store = G_LIST_MODEL (budg_context_get_categories (self->context));
  GtkCustomFilter *filter;
  BudgPeriod start;

  G_OBJECT_CLASS (budg_budget_dialog_parent_class)->constructed (object);

  g_assert (BUDG_IS_CONTEXT (self->context));

  self->store = budg_budget_store_new (budg_context_get_database (self->context));

  filter = gtk_custom_filter_new (expense_filter_func, NULL, NULL);
  categories = gtk_filter_list_model_new (g_object_ref (store), GTK_FILTER (filter));
  adw_combo_row_set_expression (self->category_row,
                                gtk_property_expression_new (BUDG_TYPE_CATEGORY, NULL, "path"));
  adw_combo_row_set_model (self->category_row, G_LIST_MODEL (categories));
  if (g_list_model_get_n_items (G_LIST_MODEL (categories)) == 0)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->category_row),
                                 _("There is no expense category yet. Add one under Categories in the main menu first."));

  if (self->budget_id != 0)
    load_budget (self);

  if (self->budget != NULL)
    {
      g_autofree char *amount = budg_money_format_plain (self->budget->amount_minor, self->budget->currency);

      gtk_window_set_title (GTK_WINDOW (self), _("Edit Budget"));
      select_category (self, self->budget->category_id);
      /* Another category would be another budget; that is Add Budget. */
      gtk_widget_set_sensitive (GTK_WIDGET (self->category_row), FALSE);
      self->currency = g_strdup (self->budget->currency);
      adw_combo_row_set_selected (self->period_row, self->budget->period);
      adw_combo_row_set_selected (self->rollover_row, self->budget->rollover);
      budg_amount_row_set_currency (self->amount_row, self->currency);
      gtk_editable_set_text (GTK_EDITABLE (self->amount_row), amount);
    }
  else
    {
      self->currency = g_strdup (budg_context_get_default_currency (self->context));
      budg_amount_row_set_currency (self->amount_row, self->currency);
      /* Leftovers carrying over is what most people expect of a budget. */
      adw_combo_row_set_selected (self->rollover_row, BUDG_ROLLOVER_LEFTOVER);
    }

  /* The list starts at the period the view shows, in the kind the budget
   * is of. */
  if (self->period == NULL || !budg_period_parse (self->period, &start, NULL))
    {
      g_autofree char *today = budg_date_today ();
      GDate day;

      budg_date_parse (today, &day, NULL);
      budg_period_for_date (BUDG_PERIOD_MONTH, &day, &start);
    }
  if (start.kind == BUDG_PERIOD_WEEK && self->budget == NULL)
    adw_combo_row_set_selected (self->period_row, BUDG_BUDGET_PERIOD_WEEKLY);
  if (start.kind != kind_of_period (get_period (self)))
    {
      GDate day;

      budg_period_get_first_day (&start, &day);
      if (start.kind == BUDG_PERIOD_WEEK)
        g_date_add_days (&day, 3);
      budg_period_for_date (kind_of_period (get_period (self)), &day, &start);
    }
  fill_starts (self, &start);

  update_amount_title (self);
  rollover_changed_cb (self);
  update_save (self);
}

static void
budg_budget_dialog_map (GtkWidget *widget)
{
  BudgBudgetDialog *self = BUDG_BUDGET_DIALOG (widget);

  GTK_WIDGET_CLASS (budg_budget_dialog_parent_class)->map (widget);

  /* An entry row only takes the focus once it is mapped. */
  gtk_widget_grab_focus (GTK_WIDGET (self->amount_row));
}

static void
budg_budget_dialog_dispose (GObject *object)
{
  BudgBudgetDialog *self = BUDG_BUDGET_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BUDG_TYPE_BUDGET_DIALOG);

  g_clear_object (&self->store);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (budg_budget_dialog_parent_class)->dispose (object);
}

static void
budg_budget_dialog_finalize (GObject *object)
{
  BudgBudgetDialog *self = BUDG_BUDGET_DIALOG (object);

  g_clear_pointer (&self->period, g_free);
  g_clear_pointer (&self->currency, g_free);
  g_clear_pointer (&self->budget, budg_budget_free);
  g_clear_pointer (&self->start_periods, g_ptr_array_unref);

  G_OBJECT_CLASS (budg_budget_dialog_parent_class)->finalize (object);
}

static void
budg_budget_dialog_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  BudgBudgetDialog *self = BUDG_BUDGET_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_PERIOD:
      g_value_set_string (value, self->period);
      break;

    case PROP_BUDGET_ID:
      g_value_set_int64 (value, self->budget_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
budg_budget_dialog_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  BudgBudgetDialog *self = BUDG_BUDGET_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    case PROP_PERIOD:
      self->period = g_value_dup_string (value);
      break;

    case PROP_BUDGET_ID:
      self->budget_id = g_value_get_int64 (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
budg_budget_dialog_class_init (BudgBudgetDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (BUDG_TYPE_AMOUNT_ROW);

  object_class->constructed = budg_budget_dialog_constructed;
  object_class->dispose = budg_budget_dialog_dispose;
  object_class->finalize = budg_budget_dialog_finalize;
  object_class->get_property = budg_budget_dialog_get_property;
  object_class->set_property = budg_budget_dialog_set_property;

  widget_class->map = budg_budget_dialog_map;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         BUDG_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* The period the budget starts in at first, "2026-11" or "2026-W47";
   * %NULL for this month. */
  properties[PROP_PERIOD] =
    g_param_spec_string ("period", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* The budget row to change, or 0 to add a budget. */
  properties[PROP_BUDGET_ID] =
    g_param_spec_int64 ("budget-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BudgBudgetDialog::saved:
   * @self: a #BudgBudgetDialog
   * @from_period: the first period of the saved budget
   *
   * Emitted once the budget is stored, just before the dialog closes.
   */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/budg-budget-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BudgBudgetDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BudgBudgetDialog, category_row);
  gtk_widget_class_bind_template_child (widget_class, BudgBudgetDialog, amount_row);
  gtk_widget_class_bind_template_child (widget_class, BudgBudgetDialog, amount_error_label);
  gtk_widget_class_bind_template_child (widget_class, BudgBudgetDialog, period_row);
  gtk_widget_class_bind_template_child (widget_class, BudgBudgetDialog, start_row);
  gtk_widget_class_bind_template_child (widget_class, BudgBudgetDialog, rollover_row);
  gtk_widget_class_bind_template_child (widget_class, BudgBudgetDialog, rollover_label);
  gtk_widget_class_bind_template_callback (widget_class, amount_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, period_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, rollover_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);

  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
budg_budget_dialog_init (BudgBudgetDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * budg_budget_dialog_new:
 * @context: the context whose budgets are changed
 * @period: (nullable): the period the budget starts in at first, usually
 *   the one on screen; %NULL for this month
 * @budget_id: the budget row to change, or 0 to add one
 *
 * Creates the form; the caller makes it transient for its window and
 * presents it. It closes itself once the budget is saved.
 *
 * Returns: (transfer none): a new #BudgBudgetDialog, owned by GTK like
 *   every toplevel window
 */
GtkWidget *
budg_budget_dialog_new (BudgContext *context,
                        const char  *period,
                        gint64       budget_id)
{
  g_return_val_if_fail (BUDG_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (budget_id >= 0, NULL);

  return g_object_new (BUDG_TYPE_BUDGET_DIALOG,
                       "context", context,
                       "period", period,
                       "budget-id", budget_id,
                       NULL);
}

/**
 * budg_budget_dialog_get_context:
 * @self: a #BudgBudgetDialog
 *
 * Returns: (transfer none): the context of @self
 */
BudgContext *
budg_budget_dialog_get_context (BudgBudgetDialog *self)
{
  g_return_val_if_fail (BUDG_IS_BUDGET_DIALOG (self), NULL);

  return self->context;
}

/**
 * budg_budget_dialog_get_budget_id:
 * @self: a #BudgBudgetDialog
 *
 * Returns: the budget row being changed, or 0 when adding one
 */
gint64
budg_budget_dialog_get_budget_id (BudgBudgetDialog *self)
{
  g_return_val_if_fail (BUDG_IS_BUDGET_DIALOG (self), 0);

  return self->budget_id;
}
