/* budg-budgets-view.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-budgets-view"

#include "config.h"

#include <glib/gi18n.h>

#include "budg-budget-dialog.h"
#include "budg-budget-store.h"
#include "budg-budgets-view.h"
#include "budg-date.h"
#include "budg-money.h"
#include "budg-period.h"

/* The Budgets view. A household has tens of budgets, not thousands, so the
 * rows are plain widgets rebuilt from budg_budget_store_status() whenever
 * the period or the data changes; the store does the arithmetic (rollover
 * included) and this file only shows it. Each line says its state in words
 * as well as with the colour of its bar, and every figure has a caption, so
 * that the view reads the same without colour and to a screen reader.
 */

/* Products of an amount and a percentage are compared in 128 bits. */
__extension__ typedef __int128 BudgInt128;

typedef enum
{
  STATE_OK,
  STATE_NEAR,
  STATE_OVER,
} BudgetState;

struct _BudgBudgetsView
{
  GtkWidget        parent_instance;

  BudgContext     *context;
  BudgBudgetStore *store;
  BudgPeriod       period;
  char            *period_text;
  GPtrArray       *statuses;        /* BudgBudgetStatus, one per row of list_box */
  gboolean         has_weekly;
  gboolean         dirty;
  guint            refresh_source;

  AdwToastOverlay *toast_overlay;
  GtkWidget       *previous_button;
  GtkWidget       *next_button;
  GtkLabel        *period_label;
  GtkLabel        *period_dates_label;
  GtkMenuButton   *menu_button;
  GtkStack        *stack;
  AdwStatusPage   *empty_status;
  AdwStatusPage   *error_status;
  GtkLabel        *to_be_budgeted_label;
  GtkListBox      *list_box;
  GtkListBox      *totals_box;
};

G_DEFINE_FINAL_TYPE (BudgBudgetsView, budg_budgets_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_PERIOD,
  PROP_WEEKLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void refresh (BudgBudgetsView *self);

static void
get_current_period (BudgPeriodKind  kind,
                    BudgPeriod     *out_period)
{
  g_autofree char *today = budg_date_today ();
  GDate date;

  budg_date_parse (today, &date, NULL);
  budg_period_for_date (kind, &date, out_period);
}

static gboolean
is_weekly (BudgBudgetsView *self)
{
  return self->period.kind == BUDG_PERIOD_WEEK;
}

static void
show_toast (BudgBudgetsView *self,
            const char      *text)
{
  g_autofree char *title = g_markup_escape_text (text, -1);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

static BudgetState
get_state (const BudgBudgetStatus *status)
{
  gint64 limit;

  if (status->available_minor < 0)
    return STATE_OVER;

  /* Near the limit: 90 % or more of what this period has to spend (its
   * budget and the rollover that came in) is gone. */
  if (!budg_money_add (status->budgeted_minor, status->rollover_minor, &limit, NULL) || limit <= 0)
    return STATE_OK;
  if ((BudgInt128) status->spent_minor * 10 >= (BudgInt128) limit * 9)
    return STATE_NEAR;

  return STATE_OK;
}

/* The share of the limit spent, for the bar; geometry, so a double. */
static double
get_fraction (const BudgBudgetStatus *status)
{
  gint64 limit;

  if (!budg_money_add (status->budgeted_minor, status->rollover_minor, &limit, NULL))
    return 0.0;
  if (limit <= 0)
    return status->spent_minor > 0 ? 1.0 : 0.0;

  return CLAMP ((double) status->spent_minor / (double) limit, 0.0, 1.0);
}

static char *
dup_state_text (const BudgBudgetStatus *status,
                BudgetState             state)
{
  g_autofree char *amount = NULL;

  if (state == STATE_OVER)
    {
      /* The minus sign of the amount would say "over" twice. */
      amount = budg_money_format (-status->available_minor, status->currency);
      /* Translators: a budget that was overspent, "€12.00 over". */
      return g_strdup_printf (_("%s over"), amount);
    }

  amount = budg_money_format (status->available_minor, status->currency);
  if (state == STATE_NEAR)
    /* Translators: 90 % or more of a budget is spent, "Near the limit: €5.00 left". */
    return g_strdup_printf (_("Near the limit: %s left"), amount);

  /* Translators: what is left of a budget, "€15.00 left". */
  return g_strdup_printf (_("%s left"), amount);
}

static void
add_figure (GtkWidget  *box,
            const char *caption,
            const char *value,
            const char *css_class)
{
  GtkWidget *figure = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *caption_label = gtk_label_new (caption);
  GtkWidget *value_label = gtk_label_new (value);

  /* Right-aligned, so that the amounts line up from row to row. */
  gtk_label_set_xalign (GTK_LABEL (caption_label), 1.0);
  gtk_widget_add_css_class (caption_label, "caption");
  gtk_widget_add_css_class (caption_label, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (value_label), 1.0);
  gtk_label_set_ellipsize (GTK_LABEL (value_label), PANGO_ELLIPSIZE_START);
  gtk_widget_add_css_class (value_label, "numeric");
  gtk_widget_add_css_class (value_label, css_class);

  gtk_box_append (GTK_BOX (figure), caption_label);
  gtk_box_append (GTK_BOX (figure), value_label);
  gtk_box_append (GTK_BOX (box), figure);
}

/* Two pairs of figures in a flow box: four abreast when there is room,
 * two over two on a phone. */
static GtkWidget *
create_figures (const BudgBudgetStatus *status)
{
  g_autofree char *budgeted = budg_money_format (status->budgeted_minor, status->currency);
  g_autofree char *spent = budg_money_format (status->spent_minor, status->currency);
  g_autofree char *available = budg_money_format (status->available_minor, status->currency);
  g_autofree char *rollover = NULL;
  GtkWidget *flow = gtk_flow_box_new ();
  GtkWidget *pairs[2];

  if (status->rollover == BUDG_ROLLOVER_NONE && status->rollover_minor == 0)
    /* Translators: the rollover column of a budget that does not roll over. */
    rollover = g_strdup (C_("rollover", "None"));
  else if (status->rollover_minor > 0)
    {
      g_autofree char *amount = budg_money_format (status->rollover_minor, status->currency);

      /* A plus sign says it came in. */
      rollover = g_strconcat ("+", amount, NULL);
    }
  else
    rollover = budg_money_format (status->rollover_minor, status->currency);

  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      pairs[i] = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      gtk_box_set_homogeneous (GTK_BOX (pairs[i]), TRUE);
    }
  add_figure (pairs[0], _("Budgeted"), budgeted, "budget-budgeted");
  add_figure (pairs[0], _("Rollover"), rollover, "budget-rollover");
  add_figure (pairs[1], _("Spent"), spent, "budget-spent");
  add_figure (pairs[1], _("Available"), available, "budget-available");

  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (flow), TRUE);
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (flow), 1);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 2);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow), 12);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (flow), 6);
  /* The figures are read through the row's label; clicks and the focus
   * belong to the row. */
  gtk_widget_set_can_target (flow, FALSE);
  gtk_widget_set_focusable (flow, FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      gtk_flow_box_append (GTK_FLOW_BOX (flow), pairs[i]);
      gtk_widget_set_focusable (gtk_widget_get_parent (pairs[i]), FALSE);
    }

  return flow;
}

static GMenuModel *
create_row_menu (gint64 category_id)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenuItem) edit = g_menu_item_new (_("_Edit Budget…"), NULL);
  g_autoptr(GMenuItem) delete = g_menu_item_new (_("_Delete Budget"), NULL);

  g_menu_item_set_action_and_target_value (edit, "budgets.edit", g_variant_new_int64 (category_id));
  g_menu_item_set_action_and_target_value (delete, "budgets.delete", g_variant_new_int64 (category_id));
  g_menu_append_item (menu, edit);
  g_menu_append_item (menu, delete);

  return G_MENU_MODEL (menu);
}

/* One line of the view; the totals use it too, without the menu. */
static GtkWidget *
create_row (const BudgBudgetStatus *status,
            gboolean                is_total)
{
  BudgetState state = get_state (status);
  g_autofree char *state_text = dup_state_text (status, state);
  g_autofree char *budgeted = budg_money_format (status->budgeted_minor, status->currency);
  g_autofree char *rollover = budg_money_format (status->rollover_minor, status->currency);
  g_autofree char *spent = budg_money_format (status->spent_minor, status->currency);
  g_autofree char *accessible = NULL;
  g_autofree char *bar_label = NULL;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = gtk_label_new (status->category_path);
  GtkWidget *state_label = gtk_label_new (state_text);
  GtkWidget *bar = gtk_progress_bar_new ();
  const char *state_class = state == STATE_OVER ? "error" : state == STATE_NEAR ? "warning" : NULL;

  gtk_widget_add_css_class (row, is_total ? "budget-total" : "budget-row");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), !is_total);
  gtk_widget_set_focusable (row, !is_total);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 9);
  gtk_widget_set_margin_bottom (box, 9);

  gtk_label_set_xalign (GTK_LABEL (title), 0.0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (header), title);

  /* The state gets a line of its own under the bar, so that it never has
   * to squeeze in beside a long category name on a phone. */
  gtk_label_set_xalign (GTK_LABEL (state_label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (state_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (state_label), PANGO_WRAP_WORD);
  gtk_widget_add_css_class (state_label, "budget-state");
  gtk_widget_add_css_class (state_label, "numeric");

  if (!is_total)
    {
      g_autoptr(GMenuModel) menu = create_row_menu (status->category_id);
      g_autofree char *menu_label = NULL;
      GtkWidget *menu_button = gtk_menu_button_new ();

      gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "view-more-symbolic");
      gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (menu_button), menu);
      gtk_widget_set_valign (menu_button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (menu_button, "flat");
      gtk_widget_set_tooltip_text (menu_button, _("Budget Actions"));
      /* Translators: the accessible name of a budget's menu button. */
      menu_label = g_strdup_printf (_("Actions for the budget of %s"), status->category_path);
      gtk_accessible_update_property (GTK_ACCESSIBLE (menu_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, menu_label,
                                      -1);
      gtk_box_append (GTK_BOX (header), menu_button);
    }

  gtk_box_append (GTK_BOX (box), header);

  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (bar), get_fraction (status));
  if (state_class != NULL)
    {
      gtk_widget_add_css_class (bar, state_class);
      gtk_widget_add_css_class (state_label, state_class);
    }
  /* Translators: the accessible name of a budget's bar, "Spent of Groceries". */
  bar_label = g_strdup_printf (_("Spent of %s"), status->category_path);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, bar_label,
                                  -1);
  gtk_box_append (GTK_BOX (box), bar);
  gtk_box_append (GTK_BOX (box), state_label);

  gtk_box_append (GTK_BOX (box), create_figures (status));

  /* Translators: what a screen reader says for a budget line: the category,
   * its state ("€15.00 left"), then budgeted, rollover and spent. */
  accessible = g_strdup_printf (_("%s: %s. Budgeted %s, rollover %s, spent %s."),
                                status->category_path, state_text, budgeted, rollover, spent);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  return row;
}

static void
remove_rows (GtkListBox *list_box)
{
  GtkWidget *child;

  /* GTK 4.8 has no gtk_list_box_remove_all(). */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list_box))) != NULL)
    gtk_list_box_remove (list_box, child);
}

/* One total per currency, which is one total in all but unusual cases. */
static GPtrArray *
compute_totals (GPtrArray *statuses)
{
  GPtrArray *totals = g_ptr_array_new_with_free_func ((GDestroyNotify) budg_budget_status_free);

  for (guint i = 0; i < statuses->len; i++)
    {
      const BudgBudgetStatus *status = g_ptr_array_index (statuses, i);
      BudgBudgetStatus *total = NULL;

      for (guint j = 0; j < totals->len && total == NULL; j++)
        if (g_str_equal (((BudgBudgetStatus *) g_ptr_array_index (totals, j))->currency, status->currency))
          total = g_ptr_array_index (totals, j);

      if (total == NULL)
        {
          total = g_new0 (BudgBudgetStatus, 1);
          total->currency = g_strdup (status->currency);
          /* Not "none": the total's rollover column shows the sum. */
          total->rollover = BUDG_ROLLOVER_LEFTOVER;
          g_ptr_array_add (totals, total);
        }

      /* A sum too large for 64 bits would be nonsense on screen anyway;
       * it stays at the last value that fit. */
      budg_money_add (total->budgeted_minor, status->budgeted_minor, &total->budgeted_minor, NULL);
      budg_money_add (total->rollover_minor, status->rollover_minor, &total->rollover_minor, NULL);
      budg_money_add (total->spent_minor, status->spent_minor, &total->spent_minor, NULL);
      budg_money_add (total->available_minor, status->available_minor, &total->available_minor, NULL);
    }

  for (guint i = 0; i < totals->len; i++)
    {
      BudgBudgetStatus *total = g_ptr_array_index (totals, i);

      total->category_path = totals->len == 1 ? g_strdup (_("Total"))
                                                /* Translators: %s is a currency code. */
                                              : g_strdup_printf (_("Total in %s"), total->currency);
    }

  return totals;
}

/* Envelope budgeting: the month's income not yet given to a budget. */
static void
update_to_be_budgeted (BudgBudgetsView *self)
{
  const char *currency = budg_context_get_default_currency (self->context);
  g_autoptr(GError) error = NULL;
  g_autofree char *amount = NULL;
  g_autofree char *text = NULL;
  gint64 to_be_budgeted;
  gint64 income;

  gtk_widget_set_visible (GTK_WIDGET (self->to_be_budgeted_label), FALSE);

  if (is_weekly (self))
    return;

  if (!budg_budget_store_to_be_budgeted (self->store, self->period_text, currency, &to_be_budgeted, &error))
    {
      g_debug ("No “to be budgeted” for %s: %s", self->period_text, error->message);
      return;
    }

  /* The store gives income minus budgets; without income the line would
   * only repeat the budgets with a minus sign. */
  income = to_be_budgeted;
  for (guint i = 0; i < self->statuses->len; i++)
    {
      const BudgBudgetStatus *status = g_ptr_array_index (self->statuses, i);

      if (g_str_equal (status->currency, currency) &&
          !budg_money_add (income, status->budgeted_minor, &income, NULL))
        return;
    }
  if (income <= 0)
    return;

  if (to_be_budgeted >= 0)
    {
      amount = budg_money_format (to_be_budgeted, currency);
      /* Translators: envelope budgeting, the income not given to any budget yet. */
      text = g_strdup_printf (_("To be budgeted: %s"), amount);
    }
  else
    {
      amount = budg_money_format (-to_be_budgeted, currency);
      text = g_strdup_printf (_("Budgeted %s more than came in this month"), amount);
    }

  gtk_label_set_text (self->to_be_budgeted_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->to_be_budgeted_label), TRUE);
}

static void
update_menu (BudgBudgetsView *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) plan = g_menu_new ();
  g_autoptr(GMenu) show = g_menu_new ();
  g_autoptr(GMenuItem) weeks = g_menu_item_new (_("Show _Weeks"), "budgets.weekly");
  gboolean weekly = is_weekly (self);

  g_menu_append (plan, weekly ? _("_Copy Last Week's Budgets") : _("_Copy Last Month's Budgets"),
                 "budgets.copy-previous");
  g_menu_append (plan, weekly ? _("Set From _Average of Last 3 Weeks") : _("Set From _Average of Last 3 Months"),
                 "budgets.set-from-average");
  g_menu_append (show, weekly ? _("Show _This Week") : _("Show _This Month"), "budgets.current");
  /* Weeks only matter to someone with weekly budgets. */
  g_menu_item_set_attribute (weeks, "hidden-when", "s", "action-disabled");
  g_menu_append_item (show, weeks);

  g_menu_append_section (menu, NULL, G_MENU_MODEL (plan));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (show));
  gtk_menu_button_set_menu_model (self->menu_button, G_MENU_MODEL (menu));
}

static void
update_period_label (BudgBudgetsView *self)
{
  g_autofree char *title = budg_budgets_view_format_period (self->period_text);
  gboolean weekly = is_weekly (self);
  const char *previous = weekly ? _("Previous Week") : _("Previous Month");
  const char *next = weekly ? _("Next Week") : _("Next Month");

  gtk_label_set_text (self->period_label, title);

  if (weekly)
    {
      g_autofree char *first = budg_period_dup_first_iso (&self->period);
      g_autofree char *last = budg_period_dup_last_iso (&self->period);
      g_autofree char *first_text = budg_date_format_short (first);
      g_autofree char *last_text = budg_date_format_short (last);
      /* Translators: the first and last day of a week. */
      g_autofree char *dates = g_strdup_printf (_("%s – %s"), first_text, last_text);

      gtk_label_set_text (self->period_dates_label, dates);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->period_dates_label), weekly);

  gtk_widget_set_tooltip_text (self->previous_button, previous);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->previous_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, previous,
                                  -1);
  gtk_widget_set_tooltip_text (self->next_button, next);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->next_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, next,
                                  -1);
}

static void
update_actions (BudgBudgetsView *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "budgets.set-from-average",
                                 self->statuses != NULL && self->statuses->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "budgets.weekly",
                                 self->has_weekly || is_weekly (self));
}

static void
update_empty_state (BudgBudgetsView *self,
                    gboolean         any_budget)
{
  g_autofree char *title = budg_budgets_view_format_period (self->period_text);
  g_autofree char *description = NULL;

  if (!any_budget)
    description = g_strdup (_("Plan how much to spend on each category every month, and see how much of it is left as the month goes by."));
  else
    /* Translators: %s is a month ("November 2026") or a week ("Week 47 of 2026"). */
    description = g_strdup_printf (_("No budget applies to %s. Add one, or copy the budgets of the period before from the menu."),
                                   title);

  adw_status_page_set_description (self->empty_status, description);
}

static void
refresh (BudgBudgetsView *self)
{
  g_autoptr(GPtrArray) budgets = NULL;
  g_autoptr(GPtrArray) statuses = NULL;
  g_autoptr(GPtrArray) totals = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  self->dirty = FALSE;

  update_period_label (self);
  update_menu (self);

  remove_rows (self->list_box);
  remove_rows (self->totals_box);
  g_clear_pointer (&self->statuses, g_ptr_array_unref);

  if (!(budgets = budg_budget_store_list (self->store, &error)) ||
      !(statuses = budg_budget_store_status (self->store, self->period_text, &error)))
    {
      adw_status_page_set_description (self->error_status, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      update_actions (self);
      return;
    }

  self->has_weekly = FALSE;
  for (guint i = 0; i < budgets->len; i++)
    if (((BudgBudget *) g_ptr_array_index (budgets, i))->period == BUDG_BUDGET_PERIOD_WEEKLY)
      self->has_weekly = TRUE;

  self->statuses = g_steal_pointer (&statuses);
  for (guint i = 0; i < self->statuses->len; i++)
    gtk_list_box_append (self->list_box, create_row (g_ptr_array_index (self->statuses, i), FALSE));

  totals = compute_totals (self->statuses);
  for (guint i = 0; i < totals->len; i++)
    gtk_list_box_append (self->totals_box, create_row (g_ptr_array_index (totals, i), TRUE));

  update_to_be_budgeted (self);
  update_actions (self);
  update_empty_state (self, budgets->len > 0);
  gtk_stack_set_visible_child_name (self->stack, self->statuses->len > 0 ? "list" : "empty");
}

static gboolean
refresh_idle_cb (gpointer data)
{
  BudgBudgetsView *self = data;

  self->refresh_source = 0;
  refresh (self);

  return G_SOURCE_REMOVE;
}

/* Reads again soon if on screen, or once it is shown. A change often
 * comes as several tables at once (a delete touches two); one idle read
 * covers them all. */
static void
queue_refresh (BudgBudgetsView *self)
{
  self->dirty = TRUE;

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)) || self->refresh_source != 0)
    return;

  self->refresh_source = g_idle_add (refresh_idle_cb, self);
  g_source_set_name_by_id (self->refresh_source, "[budg] refresh budgets");
}

static void
database_changed_cb (BudgBudgetsView *self,
                     const char      *table,
                     BudgDatabase    *database)
{
  static const char * const tables[] = {
    "*", "budgets", "transactions", "splits", "categories", "accounts", "exchange_rates",
  };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      if (g_strcmp0 (table, tables[i]) == 0)
        {
          queue_refresh (self);
          return;
        }
    }
}

static const BudgBudgetStatus *
find_status (BudgBudgetsView *self,
             gint64           category_id)
{
  for (guint i = 0; self->statuses != NULL && i < self->statuses->len; i++)
    {
      const BudgBudgetStatus *status = g_ptr_array_index (self->statuses, i);

      if (status->category_id == category_id)
        return status;
    }

  return NULL;
}

/* The index of the budget row that has the focus or holds it, or -1. */
static int
get_focused_index (BudgBudgetsView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row;
  int index;

  if (focus == NULL)
    return -1;

  row = GTK_IS_LIST_BOX_ROW (focus) ? focus : gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW);
  if (row == NULL || gtk_widget_get_parent (row) != GTK_WIDGET (self->list_box))
    return -1;

  index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
  if (index < 0 || self->statuses == NULL || (guint) index >= self->statuses->len)
    return -1;

  return index;
}

static void
dialog_saved_cb (BudgBudgetsView *self,
                 const char      *from_period,
                 GtkWidget       *dialog)
{
  BudgPeriod from;

  if (!budg_period_parse (from_period, &from, NULL))
    return;

  /* A budget that does not show in the period on screen (a weekly one in
   * a month, or one that starts later) is shown where it starts, so that
   * saving never seems to have done nothing. */
  if (from.kind != self->period.kind || budg_period_compare (&from, &self->period) > 0)
    budg_budgets_view_set_period (self, from_period);
}

static void
present_dialog (BudgBudgetsView *self,
                gint64           budget_id)
{
  GtkWidget *dialog = budg_budget_dialog_new (self->context, self->period_text, budget_id);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (dialog_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
row_activated_cb (BudgBudgetsView *self,
                  GtkListBoxRow   *row,
                  GtkListBox      *list_box)
{
  int index = gtk_list_box_row_get_index (row);

  if (index >= 0 && self->statuses != NULL && (guint) index < self->statuses->len)
    present_dialog (self, ((BudgBudgetStatus *) g_ptr_array_index (self->statuses, index))->budget_id);
}

/* Undo of a change to many budget rows: the toast keeps the rows as they
 * were before, and puts them back. */
typedef struct
{
  BudgBudgetsView *view;        /* weak */
  GPtrArray       *snapshot;    /* BudgBudget */
  gint64           category_id; /* only this category, or 0 for all */
} UndoBudgets;

static void
undo_budgets_free (gpointer  data,
                   GClosure *closure)
{
  UndoBudgets *undo = data;

  g_clear_weak_pointer (&undo->view);
  g_clear_pointer (&undo->snapshot, g_ptr_array_unref);
  g_free (undo);
}

/* Makes the budget rows of @category_id (or all, for 0) what @snapshot
 * holds, in one transaction. The rows of a category are set oldest first:
 * setting a row replaces only the rows that start on or after it. */
static gboolean
restore_budgets (BudgBudgetStore  *store,
                 GPtrArray        *snapshot,
                 gint64            category_id,
                 GError          **error)
{
  BudgDatabase *database = budg_budget_store_get_database (store);
  g_autoptr(GPtrArray) current = NULL;

  if (!budg_database_begin (database, error))
    return FALSE;

  if (!(current = budg_budget_store_list (store, error)))
    goto failed;

  for (guint i = 0; i < current->len; i++)
    {
      const BudgBudget *budget = g_ptr_array_index (current, i);

      if ((category_id == 0 || budget->category_id == category_id) &&
          !budg_budget_store_delete (store, budget->id, error))
        goto failed;
    }

  for (guint i = 0; i < snapshot->len; i++)
    {
      const BudgBudget *budget = g_ptr_array_index (snapshot, i);
      g_autoptr(BudgBudget) restored = NULL;

      if (category_id != 0 && budget->category_id != category_id)
        continue;

      restored = budg_budget_store_set (store, budget->category_id, budget->period, budget->amount_minor,
                                        budget->currency, budget->rollover, budget->from_period, error);
      if (restored == NULL)
        goto failed;
    }

  if (!budg_database_commit (database, error))
    goto failed;

  return TRUE;

failed:
  budg_database_rollback (database);
  return FALSE;
}

static void
undo_budgets_cb (AdwToast    *toast,
                 UndoBudgets *undo)
{
  g_autoptr(GError) error = NULL;

  if (undo->view == NULL)
    return;

  if (!restore_budgets (undo->view->store, undo->snapshot, undo->category_id, &error))
    show_toast (undo->view, error->message);
}

static void
add_undo_toast (BudgBudgetsView *self,
                const char      *text,
                GPtrArray       *snapshot,
                gint64           category_id)
{
  g_autofree char *title = g_markup_escape_text (text, -1);
  AdwToast *undo_toast = adw_toast_new (title);
  UndoBudgets *undo = g_new0 (UndoBudgets, 1);

  adw_toast_set_button_label (undo_toast, _("_Undo"));
  adw_toast_set_priority (undo_toast, ADW_TOAST_PRIORITY_HIGH);

  g_set_weak_pointer (&undo->view, self);
  undo->snapshot = g_ptr_array_ref (snapshot);
  undo->category_id = category_id;
  g_signal_connect_data (undo_toast, "button-clicked", G_CALLBACK (undo_budgets_cb), undo, undo_budgets_free, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, undo_toast);
}

static void
delete_budget (BudgBudgetsView *self,
               gint64           category_id)
{
  BudgDatabase *database = budg_budget_store_get_database (self->store);
  g_autoptr(GPtrArray) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *path = NULL;

  if (!(snapshot = budg_budget_store_list (self->store, &error)) ||
      !budg_database_begin (database, &error))
    {
      show_toast (self, error->message);
      return;
    }

  /* The budget of a category is all its rows: deleting only the one in
   * force would bring back an older amount, which nobody asking to delete
   * a budget expects. */
  for (guint i = 0; i < snapshot->len; i++)
    {
      const BudgBudget *budget = g_ptr_array_index (snapshot, i);

      if (budget->category_id != category_id)
        continue;

      path = budget->category_path;
      if (!budg_budget_store_delete (self->store, budget->id, &error))
        {
          budg_database_rollback (database);
          show_toast (self, error->message);
          return;
        }
    }

  if (!budg_database_commit (database, &error))
    {
      budg_database_rollback (database);
      show_toast (self, error->message);
      return;
    }

  if (path == NULL)
    return;

  /* Translators: shown in a toast with an Undo button; %s is a category. */
  text = g_strdup_printf (_("Budget of %s deleted"), path);
  add_undo_toast (self, text, snapshot, category_id);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  BudgBudgetsView *self = BUDG_BUDGETS_VIEW (widget);
  BudgPeriod period = self->period;
  g_autofree char *text = NULL;

  budg_period_add (&period, -1);
  text = budg_period_to_string (&period);
  budg_budgets_view_set_period (self, text);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BudgBudgetsView *self = BUDG_BUDGETS_VIEW (widget);
  BudgPeriod period = self->period;
  g_autofree char *text = NULL;

  budg_period_add (&period, 1);
  text = budg_period_to_string (&period);
  budg_budgets_view_set_period (self, text);
}

static void
current_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  BudgBudgetsView *self = BUDG_BUDGETS_VIEW (widget);
  g_autofree char *text = NULL;
  BudgPeriod period;

  get_current_period (self->period.kind, &period);
  text = budg_period_to_string (&period);
  budg_budgets_view_set_period (self, text);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  present_dialog (BUDG_BUDGETS_VIEW (widget), 0);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BudgBudgetsView *self = BUDG_BUDGETS_VIEW (widget);
  const BudgBudgetStatus *status = find_status (self, g_variant_get_int64 (parameter));

  if (status != NULL)
    present_dialog (self, status->budget_id);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  delete_budget (BUDG_BUDGETS_VIEW (widget), g_variant_get_int64 (parameter));
}

static void
copy_previous_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  BudgBudgetsView *self = BUDG_BUDGETS_VIEW (widget);
  g_autoptr(GPtrArray) snapshot = NULL;
  g_autoptr(GPtrArray) previous_statuses = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *previous_text = NULL;
  g_autofree char *previous_title = NULL;
  g_autofree char *text = NULL;
  BudgPeriod previous = self->period;
  guint n_copied = 0;

  budg_period_add (&previous, -1);
  previous_text = budg_period_to_string (&previous);
  previous_title = budg_budgets_view_format_period (previous_text);

  if (!(snapshot = budg_budget_store_list (self->store, &error)) ||
      !budg_budget_store_copy_previous (self->store, self->period_text, &n_copied, &error))
    {
      show_toast (self, error->message);
      return;
    }

  if (n_copied == 0)
    {
      g_autofree char *title = budg_budgets_view_format_period (self->period_text);

      previous_statuses = budg_budget_store_status (self->store, previous_text, NULL);
      if (previous_statuses == NULL || previous_statuses->len == 0)
        /* Translators: %s is a month or a week. */
        text = g_strdup_printf (_("%s has no budgets to copy."), previous_title);
      else
        /* Translators: both are months or weeks, "November 2026 already has the budgets of October 2026." */
        text = g_strdup_printf (_("%s already has the budgets of %s."), title, previous_title);
      show_toast (self, text);
      return;
    }

  /* Translators: shown in a toast with an Undo button; %s is a month or a week. */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Copied %u budget from %s", "Copied %u budgets from %s", n_copied),
                          n_copied, previous_title);
  add_undo_toast (self, text, snapshot, 0);
}

static void
set_from_average_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  BudgBudgetsView *self = BUDG_BUDGETS_VIEW (widget);
  BudgDatabase *database = budg_budget_store_get_database (self->store);
  g_autoptr(GPtrArray) snapshot = NULL;
  g_autoptr(GPtrArray) statuses = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (!(snapshot = budg_budget_store_list (self->store, &error)) ||
      !(statuses = budg_budget_store_status (self->store, self->period_text, &error)) ||
      !budg_database_begin (database, &error))
    {
      show_toast (self, error->message);
      return;
    }

  if (statuses->len == 0)
    {
      budg_database_rollback (database);
      return;
    }

  for (guint i = 0; i < statuses->len; i++)
    {
      const BudgBudgetStatus *status = g_ptr_array_index (statuses, i);
      g_autoptr(BudgBudget) budget = NULL;

      budget = budg_budget_store_set_from_average (self->store, status->category_id, self->period_text, 3,
                                                   status->currency, status->rollover, &error);
      if (budget == NULL)
        {
          budg_database_rollback (database);
          show_toast (self, error->message);
          return;
        }
    }

  if (!budg_database_commit (database, &error))
    {
      budg_database_rollback (database);
      show_toast (self, error->message);
      return;
    }

  if (is_weekly (self))
    /* Translators: shown in a toast with an Undo button. */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Set %u budget from the average of the last 3 weeks",
                                         "Set %u budgets from the average of the last 3 weeks",
                                         statuses->len),
                            statuses->len);
  else
    /* Translators: shown in a toast with an Undo button. */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Set %u budget from the average of the last 3 months",
                                         "Set %u budgets from the average of the last 3 months",
                                         statuses->len),
                            statuses->len);
  add_undo_toast (self, text, snapshot, 0);
}

static gboolean
edit_focused_cb (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  BudgBudgetsView *self = BUDG_BUDGETS_VIEW (widget);
  int index = get_focused_index (self);

  if (index < 0)
    return FALSE;

  present_dialog (self, ((BudgBudgetStatus *) g_ptr_array_index (self->statuses, index))->budget_id);

  return TRUE;
}

static gboolean
delete_focused_cb (GtkWidget *widget,
                   GVariant  *args,
                   gpointer   user_data)
{
  BudgBudgetsView *self = BUDG_BUDGETS_VIEW (widget);
  int index = get_focused_index (self);
  GtkListBoxRow *row;

  if (index < 0)
    return FALSE;

  delete_budget (self, ((BudgBudgetStatus *) g_ptr_array_index (self->statuses, index))->category_id);

  /* The focus goes on to the row that takes the deleted one's place,
   * rather than back to the top of the window. */
  refresh (self);
  if (self->statuses != NULL && self->statuses->len > 0)
    {
      row = gtk_list_box_get_row_at_index (self->list_box, MIN ((guint) index, self->statuses->len - 1));
      if (row != NULL)
        gtk_widget_grab_focus (GTK_WIDGET (row));
    }

  return TRUE;
}

static void
budg_budgets_view_map (GtkWidget *widget)
{
  BudgBudgetsView *self = BUDG_BUDGETS_VIEW (widget);

  GTK_WIDGET_CLASS (budg_budgets_view_parent_class)->map (widget);

  if (self->dirty)
    refresh (self);
}

static void
budg_budgets_view_constructed (GObject *object)
{
  BudgBudgetsView *self = BUDG_BUDGETS_VIEW (object);

  G_OBJECT_CLASS (budg_budgets_view_parent_class)->constructed (object);

  g_assert (BUDG_IS_CONTEXT (self->context));

  self->store = budg_budget_store_new (budg_context_get_database (self->context));
  g_signal_connect_object (budg_context_get_database (self->context), "changed",
                           G_CALLBACK (database_changed_cb), self, G_CONNECT_SWAPPED);

  update_period_label (self);
  update_menu (self);
  update_actions (self);
}

static void
budg_budgets_view_dispose (GObject *object)
{
  BudgBudgetsView *self = BUDG_BUDGETS_VIEW (object);

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), BUDG_TYPE_BUDGETS_VIEW);
  g_clear_pointer (&self->statuses, g_ptr_array_unref);
  g_clear_object (&self->store);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (budg_budgets_view_parent_class)->dispose (object);
}

static void
budg_budgets_view_finalize (GObject *object)
{
  BudgBudgetsView *self = BUDG_BUDGETS_VIEW (object);

  g_clear_pointer (&self->period_text, g_free);

  G_OBJECT_CLASS (budg_budgets_view_parent_class)->finalize (object);
}

static void
budg_budgets_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  BudgBudgetsView *self = BUDG_BUDGETS_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_PERIOD:
      g_value_set_string (value, self->period_text);
      break;

    case PROP_WEEKLY:
      g_value_set_boolean (value, is_weekly (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
budg_budgets_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  BudgBudgetsView *self = BUDG_BUDGETS_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    case PROP_PERIOD:
      budg_budgets_view_set_period (self, g_value_get_string (value));
      break;

    case PROP_WEEKLY:
      budg_budgets_view_set_weekly (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
budg_budgets_view_class_init (BudgBudgetsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = budg_budgets_view_constructed;
  object_class->dispose = budg_budgets_view_dispose;
  object_class->finalize = budg_budgets_view_finalize;
  object_class->get_property = budg_budgets_view_get_property;
  object_class->set_property = budg_budgets_view_set_property;

  widget_class->map = budg_budgets_view_map;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         BUDG_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /* The period shown, "2026-11" or "2026-W47"; this month at first. */
  properties[PROP_PERIOD] =
    g_param_spec_string ("period", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Whether weeks are shown (with the weekly budgets) instead of months. */
  properties[PROP_WEEKLY] =
    g_param_spec_boolean ("weekly", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/budg-budgets-view.ui");
  gtk_widget_class_bind_template_child (widget_class, BudgBudgetsView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BudgBudgetsView, previous_button);
  gtk_widget_class_bind_template_child (widget_class, BudgBudgetsView, next_button);
  gtk_widget_class_bind_template_child (widget_class, BudgBudgetsView, period_label);
  gtk_widget_class_bind_template_child (widget_class, BudgBudgetsView, period_dates_label);
  gtk_widget_class_bind_template_child (widget_class, BudgBudgetsView, menu_button);
  gtk_widget_class_bind_template_child (widget_class, BudgBudgetsView, stack);
  gtk_widget_class_bind_template_child (widget_class, BudgBudgetsView, empty_status);
  gtk_widget_class_bind_template_child (widget_class, BudgBudgetsView, error_status);
  gtk_widget_class_bind_template_child (widget_class, BudgBudgetsView, to_be_budgeted_label);
  gtk_widget_class_bind_template_child (widget_class, BudgBudgetsView, list_box);
  gtk_widget_class_bind_template_child (widget_class, BudgBudgetsView, totals_box);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "budgets.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "budgets.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "budgets.current", NULL, current_action);
  gtk_widget_class_install_action (widget_class, "budgets.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "budgets.edit", "x", edit_action);
  gtk_widget_class_install_action (widget_class, "budgets.delete", "x", delete_action);
  gtk_widget_class_install_action (widget_class, "budgets.copy-previous", NULL, copy_previous_action);
  gtk_widget_class_install_action (widget_class, "budgets.set-from-average", NULL, set_from_average_action);
  gtk_widget_class_install_property_action (widget_class, "budgets.weekly", "weekly");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "budgets.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK, "budgets.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK, "budgets.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, GDK_CONTROL_MASK, "budgets.current", NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_F2, 0, edit_focused_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, edit_focused_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Delete, 0, delete_focused_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Delete, 0, delete_focused_cb, NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "budgets");
}

static void
budg_budgets_view_init (BudgBudgetsView *self)
{
  get_current_period (BUDG_PERIOD_MONTH, &self->period);
  self->period_text = budg_period_to_string (&self->period);
  self->dirty = TRUE;

  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * budg_budgets_view_new:
 * @context: the context whose budgets are shown
 *
 * Returns: (transfer floating): a new #BudgBudgetsView showing this month
 */
GtkWidget *
budg_budgets_view_new (BudgContext *context)
{
  g_return_val_if_fail (BUDG_IS_CONTEXT (context), NULL);

  return g_object_new (BUDG_TYPE_BUDGETS_VIEW, "context", context, NULL);
}

/**
 * budg_budgets_view_get_context:
 * @self: a #BudgBudgetsView
 *
 * Returns: (transfer none): the context of @self
 */
BudgContext *
budg_budgets_view_get_context (BudgBudgetsView *self)
{
  g_return_val_if_fail (BUDG_IS_BUDGETS_VIEW (self), NULL);

  return self->context;
}

/**
 * budg_budgets_view_get_period:
 * @self: a #BudgBudgetsView
 *
 * Returns: (transfer none): the period shown, "2026-11" or "2026-W47"
 */
const char *
budg_budgets_view_get_period (BudgBudgetsView *self)
{
  g_return_val_if_fail (BUDG_IS_BUDGETS_VIEW (self), NULL);

  return self->period_text;
}

/**
 * budg_budgets_view_set_period:
 * @self: a #BudgBudgetsView
 * @period: a month ("2026-11") or an ISO week ("2026-W47")
 *
 * Shows @period; a week switches to weeks and a month to months. Text
 * that is no period is ignored.
 */
void
budg_budgets_view_set_period (BudgBudgetsView *self,
                              const char      *period)
{
  g_autoptr(GError) error = NULL;
  gboolean was_weekly;
  BudgPeriod parsed;

  g_return_if_fail (BUDG_IS_BUDGETS_VIEW (self));

  if (period == NULL || !budg_period_parse (period, &parsed, &error))
    {
      g_debug ("Not a period: %s", error != NULL ? error->message : "(null)");
      return;
    }

  was_weekly = is_weekly (self);
  if (parsed.kind == self->period.kind && budg_period_compare (&parsed, &self->period) == 0)
    return;

  self->period = parsed;
  g_free (self->period_text);
  self->period_text = budg_period_to_string (&parsed);

  update_period_label (self);
  update_menu (self);
  queue_refresh (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERIOD]);
  if (was_weekly != is_weekly (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WEEKLY]);
}

/**
 * budg_budgets_view_get_weekly:
 * @self: a #BudgBudgetsView
 *
 * Returns: whether weeks are shown
 */
gboolean
budg_budgets_view_get_weekly (BudgBudgetsView *self)
{
  g_return_val_if_fail (BUDG_IS_BUDGETS_VIEW (self), FALSE);

  return is_weekly (self);
}

/**
 * budg_budgets_view_set_weekly:
 * @self: a #BudgBudgetsView
 * @weekly: %TRUE to show weeks, %FALSE for months
 *
 * Switches between months and weeks, staying near the period shown: this
 * week for this month, otherwise the week the month starts in, and the
 * other way round the month of the week's Thursday.
 */
void
budg_budgets_view_set_weekly (BudgBudgetsView *self,
                              gboolean         weekly)
{
  BudgPeriodKind kind = weekly ? BUDG_PERIOD_WEEK : BUDG_PERIOD_MONTH;
  g_autofree char *text = NULL;
  BudgPeriod current;
  BudgPeriod target;

  g_return_if_fail (BUDG_IS_BUDGETS_VIEW (self));

  if (self->period.kind == kind)
    return;

  get_current_period (self->period.kind, &current);
  if (budg_period_compare (&current, &self->period) == 0)
    get_current_period (kind, &target);
  else
    {
      GDate day;

      budg_period_get_first_day (&self->period, &day);
      /* ISO weeks belong to the month of their Thursday. */
      if (kind == BUDG_PERIOD_MONTH)
        g_date_add_days (&day, 3);
      budg_period_for_date (kind, &day, &target);
    }

  text = budg_period_to_string (&target);
  budg_budgets_view_set_period (self, text);
}

/**
 * budg_budgets_view_format_period:
 * @period: a month ("2026-11") or an ISO week ("2026-W47")
 *
 * Returns: (transfer full): @period for people to read, "November 2026" or
 *   "Week 47 of 2026"; a copy of @period when it is not a period
 */
char *
budg_budgets_view_format_period (const char *period)
{
  g_autoptr(GDateTime) first = NULL;
  BudgPeriod parsed;

  g_return_val_if_fail (period != NULL, NULL);

  if (!budg_period_parse (period, &parsed, NULL))
    return g_strdup (period);

  if (parsed.kind == BUDG_PERIOD_WEEK)
    /* Translators: an ISO week, "Week 47 of 2026". */
    return g_strdup_printf (_("Week %u of %u"), parsed.number, parsed.year);

  first = g_date_time_new_utc ((int) parsed.year, (int) parsed.number, 1, 0, 0, 0);
  /* Translators: a month and its year, "November 2026"; %OB is the name of
   * the month on its own (not in a date), see g_date_time_format(). */
  return g_date_time_format (first, _("%OB %Y"));
}
