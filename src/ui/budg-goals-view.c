/* budg-goals-view.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-goals-view"

#include "config.h"

#include <glib/gi18n.h>

#include "budg-amount-row.h"
#include "budg-date.h"
#include "budg-error.h"
#include "budg-form.h"
#include "budg-goal-dialog.h"
#include "budg-goal-store.h"
#include "budg-goals-view.h"
#include "budg-message-dialog.h"
#include "budg-money.h"

/* The Goals view. Like the Budgets view it rebuilds its few rows from the
 * store, which computes the progress, the amount a month still needed and
 * whether the goal keeps pace; this file turns those into words. Each row
 * has an "Add Money" button whose popover records a contribution.
 */

/* Products of an amount and a percentage need more than 64 bits. */
__extension__ typedef __int128 BudgInt128;

/* The widgets of one goal's row that its actions need. */
typedef struct
{
  gint64         goal_id;
  char          *name;
  char          *currency;
  gint64         saved_minor;
  GtkPopover    *popover;
  BudgAmountRow *amount_row;
  GtkLabel      *error_label;
} GoalRow;

struct _BudgGoalsView
{
  GtkWidget        parent_instance;

  BudgContext     *context;
  BudgGoalStore   *store;
  GPtrArray       *rows;            /* GoalRow, in the order of list_box */
  gboolean         dirty;
  guint            refresh_source;

  AdwToastOverlay *toast_overlay;
  GtkLabel        *summary_label;
  GtkStack        *stack;
  AdwStatusPage   *error_status;
  GtkListBox      *list_box;
};

G_DEFINE_FINAL_TYPE (BudgGoalsView, budg_goals_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
goal_row_free (GoalRow *row)
{
  g_free (row->name);
  g_free (row->currency);
  g_free (row);
}

static void
show_toast (BudgGoalsView *self,
            const char    *text)
{
  g_autofree char *title = g_markup_escape_text (text, -1);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

static GoalRow *
find_row (BudgGoalsView *self,
          gint64         goal_id)
{
  for (guint i = 0; self->rows != NULL && i < self->rows->len; i++)
    {
      GoalRow *row = g_ptr_array_index (self->rows, i);

      if (row->goal_id == goal_id)
        return row;
    }

  return NULL;
}

/* The share saved, in whole percent, rounded down; more than 100 once the
 * target is passed. */
static int
get_percent (const BudgGoalStatus *status)
{
  BudgInt128 percent;

  if (status->goal->target_minor <= 0 || status->saved_minor <= 0)
    return 0;

  percent = (BudgInt128) status->saved_minor * 100 / status->goal->target_minor;

  return (int) MIN (percent, (BudgInt128) G_MAXINT32);
}

static GtkWidget *
create_label (const char *text,
              const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

static void
amount_activated_cb (GtkWidget *button)
{
  gtk_widget_activate (button);
}

static void
popover_map_cb (BudgAmountRow *amount_row)
{
  gtk_widget_grab_focus (GTK_WIDGET (amount_row));
}

/* The "Add Money" button and its popover. */
static GtkWidget *
create_add_money_button (GoalRow              *goal_row,
                         const BudgGoalStatus *status)
{
  g_autofree char *accessible = NULL;
  GtkWidget *menu_button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *amount_row = budg_amount_row_new ();
  GtkWidget *error_label = create_label (NULL, "error");
  GtkWidget *add_button = gtk_button_new_with_mnemonic (_("_Add Money"));

  /* Translators: the accessible name of a goal's Add Money button. */
  accessible = g_strdup_printf (_("Add money to %s"), status->goal->name);
  gtk_menu_button_set_label (GTK_MENU_BUTTON (menu_button), _("Add Money"));
  gtk_widget_set_valign (menu_button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (amount_row), _("Amount"));
  budg_amount_row_set_currency (BUDG_AMOUNT_ROW (amount_row), status->goal->currency);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list), amount_row);

  gtk_widget_add_css_class (error_label, "caption");
  gtk_label_set_max_width_chars (GTK_LABEL (error_label), 30);
  gtk_widget_set_visible (error_label, FALSE);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (add_button), "goals.contribute");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (add_button), g_variant_new_int64 (status->goal->id));
  gtk_widget_add_css_class (add_button, "suggested-action");
  gtk_widget_set_halign (add_button, GTK_ALIGN_END);
  g_signal_connect_object (amount_row, "entry-activated", G_CALLBACK (amount_activated_cb), add_button,
                           G_CONNECT_SWAPPED);

  gtk_widget_set_size_request (box, 260, -1);
  gtk_box_append (GTK_BOX (box), list);
  gtk_box_append (GTK_BOX (box), error_label);
  gtk_box_append (GTK_BOX (box), add_button);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  g_signal_connect_object (popover, "map", G_CALLBACK (popover_map_cb), amount_row, G_CONNECT_SWAPPED);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (menu_button), popover);

  goal_row->popover = GTK_POPOVER (popover);
  goal_row->amount_row = BUDG_AMOUNT_ROW (amount_row);
  goal_row->error_label = GTK_LABEL (error_label);

  return menu_button;
}

static GtkWidget *
create_more_button (const BudgGoalStatus *status)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenuItem) delete = g_menu_item_new (_("_Delete Goal…"), NULL);
  g_autofree char *accessible = NULL;
  GtkWidget *button = gtk_menu_button_new ();

  g_menu_item_set_action_and_target_value (delete, "goals.delete", g_variant_new_int64 (status->goal->id));
  g_menu_append_item (menu, delete);

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Goal Actions"));
  /* Translators: the accessible name of a goal's menu button. */
  accessible = g_strdup_printf (_("Actions for %s"), status->goal->name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);

  return button;
}

/* What the store's numbers mean, in words, with an icon to match. */
static char *
dup_state_text (const BudgGoalStatus  *status,
                const char           **out_icon,
                gboolean              *out_behind)
{
  const BudgGoal *goal = status->goal;

  *out_behind = FALSE;

  if (status->saved_minor >= goal->target_minor)
    {
      *out_icon = "starred-symbolic";
      return g_strdup (_("Target reached"));
    }

  if (!status->has_needed)
    {
      *out_icon = "emblem-ok-symbolic";
      return g_strdup (_("On track, with no date to meet"));
    }

  if (status->on_track)
    {
      *out_icon = "emblem-ok-symbolic";
      return g_strdup (_("On track"));
    }

  {
    g_autofree char *behind = budg_money_format (status->expected_minor - status->saved_minor, goal->currency);

    *out_icon = "dialog-warning-symbolic";
    *out_behind = TRUE;
    /* Translators: a goal saved less than a steady pace would have by
     * today, "Behind by €120.00". */
    return g_strdup_printf (_("Behind by %s"), behind);
  }
}

static char *
dup_plan_text (const BudgGoalStatus *status)
{
  const BudgGoal *goal = status->goal;
  g_autofree char *date = NULL;
  g_autofree char *needed = NULL;

  if (goal->by_date == NULL)
    return NULL;

  date = budg_date_format_short (goal->by_date);
  if (status->saved_minor >= goal->target_minor)
    /* Translators: %s is a date. */
    return g_strdup_printf (_("The target was for %s"), date);

  needed = budg_money_format (status->needed_per_month_minor, goal->currency);
  /* Translators: "€92.00 a month to make it by 12/31/26". */
  return g_strdup_printf (_("%s a month to make it by %s"), needed, date);
}

static char *
dup_automatic_text (const BudgGoal *goal)
{
  g_autofree char *saving = NULL;

  if (goal->auto_percent_bp > 0)
    {
      g_autofree char *percent = NULL;

      if (goal->auto_percent_bp % 100 == 0)
        percent = g_strdup_printf ("%u", goal->auto_percent_bp / 100);
      else
        percent = g_strdup_printf ("%u.%02u", goal->auto_percent_bp / 100, goal->auto_percent_bp % 100);
      /* Translators: automatic saving, "Saves 12.5 % of each income". */
      saving = g_strdup_printf (_("Saves %s %% of each income"), percent);
    }
  else if (goal->auto_amount_minor > 0)
    {
      g_autofree char *amount = budg_money_format (goal->auto_amount_minor, goal->currency);

      /* Translators: automatic saving, "Saves €50.00 of each income". */
      saving = g_strdup_printf (_("Saves %s of each income"), amount);
    }

  if (goal->account_name != NULL && saving != NULL)
    /* Translators: automatic saving and the goal's account, "Saves €50.00 of each income, into Savings". */
    return g_strdup_printf (_("%s, into %s"), saving, goal->account_name);
  if (goal->account_name != NULL)
    /* Translators: %s is an account. */
    return g_strdup_printf (_("Saved in %s"), goal->account_name);

  return g_steal_pointer (&saving);
}

static GtkWidget *
create_row (BudgGoalsView        *self,
            const BudgGoalStatus *status)
{
  const BudgGoal *goal = status->goal;
  g_autofree char *saved = budg_money_format (status->saved_minor, goal->currency);
  g_autofree char *target = budg_money_format (goal->target_minor, goal->currency);
  g_autofree char *progress_text = NULL;
  g_autofree char *percent_text = NULL;
  g_autofree char *state_text = NULL;
  g_autofree char *plan_text = dup_plan_text (status);
  g_autofree char *automatic_text = dup_automatic_text (goal);
  g_autofree char *accessible = NULL;
  g_autofree char *bar_label = NULL;
  GoalRow *goal_row = g_new0 (GoalRow, 1);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *amounts = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *state_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = create_label (goal->name, "heading");
  GtkWidget *saved_label;
  GtkWidget *percent_label;
  GtkWidget *bar = gtk_progress_bar_new ();
  GtkWidget *icon;
  GtkWidget *state_label;
  const char *icon_name;
  gboolean behind;
  int percent = get_percent (status);

  goal_row->goal_id = goal->id;
  goal_row->name = g_strdup (goal->name);
  goal_row->currency = g_strdup (goal->currency);
  goal_row->saved_minor = status->saved_minor;
  g_ptr_array_add (self->rows, goal_row);

  gtk_widget_add_css_class (row, "goal-row");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 9);
  gtk_widget_set_margin_bottom (box, 9);

  gtk_widget_set_hexpand (title, TRUE);
  gtk_box_append (GTK_BOX (header), title);
  gtk_box_append (GTK_BOX (header), create_add_money_button (goal_row, status));
  gtk_box_append (GTK_BOX (header), create_more_button (status));
  gtk_box_append (GTK_BOX (box), header);

  /* Translators: progress of a goal, "€450.00 of €1,000.00". */
  progress_text = g_strdup_printf (_("%s of %s"), saved, target);
  saved_label = create_label (progress_text, "goal-saved");
  gtk_widget_add_css_class (saved_label, "numeric");
  gtk_widget_set_hexpand (saved_label, TRUE);
  /* Translators: a share of a goal saved, "45 %". */
  percent_text = g_strdup_printf (_("%d %%"), percent);
  percent_label = create_label (percent_text, "goal-percent");
  gtk_widget_add_css_class (percent_label, "numeric");
  gtk_widget_add_css_class (percent_label, "dim-label");
  gtk_box_append (GTK_BOX (amounts), saved_label);
  gtk_box_append (GTK_BOX (amounts), percent_label);
  gtk_box_append (GTK_BOX (box), amounts);

  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (bar), CLAMP ((double) percent / 100.0, 0.0, 1.0));
  /* Translators: the accessible name of a goal's bar. */
  bar_label = g_strdup_printf (_("Saved towards %s"), goal->name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, bar_label,
                                  -1);
  gtk_box_append (GTK_BOX (box), bar);

  state_text = dup_state_text (status, &icon_name, &behind);
  icon = gtk_image_new_from_icon_name (icon_name);
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_add_css_class (icon, "goal-state-icon");
  state_label = create_label (state_text, "goal-state");
  gtk_widget_set_hexpand (state_label, TRUE);
  if (behind)
    {
      gtk_widget_add_css_class (icon, "warning");
      gtk_widget_add_css_class (state_label, "warning");
      gtk_widget_add_css_class (bar, "warning");
    }
  else
    {
      gtk_widget_add_css_class (icon, "success");
      gtk_widget_add_css_class (state_label, "success");
    }
  /* The words say it; the icon is decoration to a screen reader. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, state_text,
                                  -1);
  gtk_box_append (GTK_BOX (state_box), icon);
  gtk_box_append (GTK_BOX (state_box), state_label);
  gtk_box_append (GTK_BOX (box), state_box);

  if (plan_text != NULL)
    gtk_box_append (GTK_BOX (box), create_label (plan_text, "goal-needed"));

  if (automatic_text != NULL)
    {
      GtkWidget *automatic = create_label (automatic_text, "goal-automatic");

      gtk_widget_add_css_class (automatic, "caption");
      gtk_widget_add_css_class (automatic, "dim-label");
      gtk_box_append (GTK_BOX (box), automatic);
    }

  /* Translators: what a screen reader says for a goal: its name, the
   * progress ("€450.00 of €1,000.00"), the share, the state and the plan. */
  accessible = g_strdup_printf (_("%s: %s saved, %s. %s. %s"),
                                goal->name, progress_text, percent_text, state_text,
                                plan_text != NULL ? plan_text : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  return row;
}

static void
update_summary (BudgGoalsView *self,
                GPtrArray     *statuses)
{
  g_autofree char *text = NULL;
  const char *currency = NULL;
  gboolean one_currency = TRUE;
  gint64 saved = 0;
  gint64 target = 0;

  for (guint i = 0; i < statuses->len; i++)
    {
      const BudgGoalStatus *status = g_ptr_array_index (statuses, i);

      if (currency == NULL)
        currency = status->goal->currency;
      one_currency &= g_str_equal (currency, status->goal->currency) &&
                      budg_money_add (saved, status->saved_minor, &saved, NULL) &&
                      budg_money_add (target, status->goal->target_minor, &target, NULL);
    }

  if (statuses->len > 0 && one_currency)
    {
      g_autofree char *saved_text = budg_money_format (saved, currency);
      g_autofree char *target_text = budg_money_format (target, currency);

      /* Translators: "3 goals, €1,200.00 saved of €5,000.00". */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u goal, %s saved of %s", "%u goals, %s saved of %s",
                                           statuses->len),
                              statuses->len, saved_text, target_text);
    }
  else if (statuses->len > 0)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u goal", "%u goals", statuses->len), statuses->len);

  gtk_label_set_text (self->summary_label, text != NULL ? text : "");
}

static void
refresh (BudgGoalsView *self)
{
  g_autoptr(GPtrArray) statuses = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  self->dirty = FALSE;

  /* GTK 4.8 has no gtk_list_box_remove_all(). */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);
  g_ptr_array_set_size (self->rows, 0);

  if (!(statuses = budg_goal_store_status (self->store, NULL, &error)))
    {
      adw_status_page_set_description (self->error_status, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      gtk_label_set_text (self->summary_label, "");
      return;
    }

  for (guint i = 0; i < statuses->len; i++)
    gtk_list_box_append (self->list_box, create_row (self, g_ptr_array_index (statuses, i)));

  update_summary (self, statuses);
  gtk_stack_set_visible_child_name (self->stack, statuses->len > 0 ? "list" : "empty");
}

static gboolean
refresh_idle_cb (gpointer data)
{
  BudgGoalsView *self = data;

  self->refresh_source = 0;
  refresh (self);

  return G_SOURCE_REMOVE;
}

/* Reads again soon if on screen, or once it is shown. Reading in an idle
 * also keeps the rows (and the popover that just recorded money) alive
 * until the handler that changed the data has returned. */
static void
queue_refresh (BudgGoalsView *self)
{
  self->dirty = TRUE;

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)) || self->refresh_source != 0)
    return;

  self->refresh_source = g_idle_add (refresh_idle_cb, self);
  g_source_set_name_by_id (self->refresh_source, "[budg] refresh goals");
}

static void
database_changed_cb (BudgGoalsView *self,
                     const char    *table,
                     BudgDatabase  *database)
{
  if (g_strcmp0 (table, "*") == 0 ||
      g_strcmp0 (table, "goals") == 0 ||
      g_strcmp0 (table, "goal_contributions") == 0 ||
      g_strcmp0 (table, "accounts") == 0)
    queue_refresh (self);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  BudgGoalsView *self = BUDG_GOALS_VIEW (widget);
  GtkWidget *dialog = budg_goal_dialog_new (self->context);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
contribute_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  BudgGoalsView *self = BUDG_GOALS_VIEW (widget);
  GoalRow *row = find_row (self, g_variant_get_int64 (parameter));
  g_autoptr(BudgGoalContribution) contribution = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *amount = NULL;
  g_autofree char *text = NULL;
  gint64 minor = 0;

  if (row == NULL)
    return;

  if (!budg_amount_row_parse (row->amount_row, &minor, &error) && error == NULL)
    g_set_error_literal (&error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                         _("Enter the amount to put towards the goal."));
  if (error == NULL)
    contribution = budg_goal_store_contribute (self->store, row->goal_id, NULL, minor, NULL, &error);

  budg_form_set_field_error (GTK_WIDGET (row->amount_row), row->error_label, error);
  if (contribution == NULL)
    return;

  gtk_popover_popdown (row->popover);

  /* A negative amount takes money back out of the goal. */
  amount = budg_money_format (minor < 0 ? -minor : minor, row->currency);
  if (minor > 0)
    /* Translators: shown in a toast, "Added €50.00 to Holiday". */
    text = g_strdup_printf (_("Added %s to %s"), amount, row->name);
  else
    /* Translators: shown in a toast, "Took €50.00 out of Holiday". */
    text = g_strdup_printf (_("Took %s out of %s"), amount, row->name);
  show_toast (self, text);
}

typedef struct
{
  BudgGoalsView *view;      /* strong, for the length of the question */
  gint64         goal_id;
  char          *name;
} DeleteRequest;

static void
delete_request_free (DeleteRequest *request)
{
  g_clear_object (&request->view);
  g_free (request->name);
  g_free (request);
}

static void
delete_response_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  DeleteRequest *request = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (!budg_message_dialog_choose_finish (result, NULL))
    {
      delete_request_free (request);
      return;
    }

  if (!budg_goal_store_delete (request->view->store, request->goal_id, &error))
    show_toast (request->view, error->message);
  else
    {
      /* Translators: shown in a toast; %s is a goal. */
      text = g_strdup_printf (_("Goal %s deleted"), request->name);
      show_toast (request->view, text);
    }

  delete_request_free (request);
}

static void
delete_goal (BudgGoalsView *self,
             gint64         goal_id)
{
  GoalRow *row = find_row (self, goal_id);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autofree char *saved = NULL;
  DeleteRequest *request;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (row == NULL)
    return;

  /* The contributions go with the goal, and those allocated from income
   * cannot be told apart again afterwards: this asks first rather than
   * offering an Undo that could not restore them exactly. */
  /* Translators: %s is a goal. */
  heading = g_strdup_printf (_("Delete %s?"), row->name);
  saved = budg_money_format (row->saved_minor, row->currency);
  /* Translators: %s is an amount. */
  body = g_strdup_printf (_("The goal and the record of the %s put towards it are deleted. The money itself stays in your accounts."),
                          saved);

  request = g_new0 (DeleteRequest, 1);
  request->view = g_object_ref (self);
  request->goal_id = goal_id;
  request->name = g_strdup (row->name);

  budg_message_dialog_choose_async (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                    heading, body, _("_Cancel"), _("_Delete"), TRUE,
                                    NULL, delete_response_cb, request);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  delete_goal (BUDG_GOALS_VIEW (widget), g_variant_get_int64 (parameter));
}

static gboolean
delete_focused_cb (GtkWidget *widget,
                   GVariant  *args,
                   gpointer   user_data)
{
  BudgGoalsView *self = BUDG_GOALS_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row;
  int index;

  if (focus == NULL)
    return FALSE;

  /* Not while typing an amount in a popover. */
  if (gtk_widget_get_ancestor (focus, GTK_TYPE_POPOVER) != NULL)
    return FALSE;

  row = GTK_IS_LIST_BOX_ROW (focus) ? focus : gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW);
  if (row == NULL || gtk_widget_get_parent (row) != GTK_WIDGET (self->list_box))
    return FALSE;

  index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
  if (index < 0 || (guint) index >= self->rows->len)
    return FALSE;

  delete_goal (self, ((GoalRow *) g_ptr_array_index (self->rows, index))->goal_id);

  return TRUE;
}

static void
budg_goals_view_map (GtkWidget *widget)
{
  BudgGoalsView *self = BUDG_GOALS_VIEW (widget);

  GTK_WIDGET_CLASS (budg_goals_view_parent_class)->map (widget);

  if (self->dirty)
    refresh (self);
}

static void
budg_goals_view_constructed (GObject *object)
{
  BudgGoalsView *self = BUDG_GOALS_VIEW (object);

  G_OBJECT_CLASS (budg_goals_view_parent_class)->constructed (object);

  g_assert (BUDG_IS_CONTEXT (self->context));

  self->store = budg_goal_store_new (budg_context_get_database (self->context));
  g_signal_connect_object (budg_context_get_database (self->context), "changed",
                           G_CALLBACK (database_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
budg_goals_view_dispose (GObject *object)
{
  BudgGoalsView *self = BUDG_GOALS_VIEW (object);

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), BUDG_TYPE_GOALS_VIEW);
  g_clear_object (&self->store);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (budg_goals_view_parent_class)->dispose (object);
}

static void
budg_goals_view_finalize (GObject *object)
{
  BudgGoalsView *self = BUDG_GOALS_VIEW (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (budg_goals_view_parent_class)->finalize (object);
}

static void
budg_goals_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  BudgGoalsView *self = BUDG_GOALS_VIEW (object);

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
budg_goals_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  BudgGoalsView *self = BUDG_GOALS_VIEW (object);

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
budg_goals_view_class_init (BudgGoalsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = budg_goals_view_constructed;
  object_class->dispose = budg_goals_view_dispose;
  object_class->finalize = budg_goals_view_finalize;
  object_class->get_property = budg_goals_view_get_property;
  object_class->set_property = budg_goals_view_set_property;

  widget_class->map = budg_goals_view_map;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         BUDG_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (BUDG_TYPE_AMOUNT_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/budg-goals-view.ui");
  gtk_widget_class_bind_template_child (widget_class, BudgGoalsView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BudgGoalsView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, BudgGoalsView, stack);
  gtk_widget_class_bind_template_child (widget_class, BudgGoalsView, error_status);
  gtk_widget_class_bind_template_child (widget_class, BudgGoalsView, list_box);

  gtk_widget_class_install_action (widget_class, "goals.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "goals.contribute", "x", contribute_action);
  gtk_widget_class_install_action (widget_class, "goals.delete", "x", delete_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "goals.add", NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Delete, 0, delete_focused_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Delete, 0, delete_focused_cb, NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "goals");
}

static void
budg_goals_view_init (BudgGoalsView *self)
{
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) goal_row_free);
  self->dirty = TRUE;

  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * budg_goals_view_new:
 * @context: the context whose goals are shown
 *
 * Returns: (transfer floating): a new #BudgGoalsView
 */
GtkWidget *
budg_goals_view_new (BudgContext *context)
{
  g_return_val_if_fail (BUDG_IS_CONTEXT (context), NULL);

  return g_object_new (BUDG_TYPE_GOALS_VIEW, "context", context, NULL);
}

/**
 * budg_goals_view_get_context:
 * @self: a #BudgGoalsView
 *
 * Returns: (transfer none): the context of @self
 */
BudgContext *
budg_goals_view_get_context (BudgGoalsView *self)
{
  g_return_val_if_fail (BUDG_IS_GOALS_VIEW (self), NULL);

  return self->context;
}
