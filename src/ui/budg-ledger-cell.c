/* budg-ledger-cell.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-ledger-cell"

#include "config.h"

#include <glib/gi18n.h>

#include "budg-date.h"
#include "budg-ledger-cell.h"
#include "budg-ledger-view-private.h"
#include "budg-money.h"

/* One cell of the due-bill ledger: the child of every column's list item,
 * told by "column" what to show of its "row".
 *
 * GTK 4.8's column view has no row widget of its own to put controllers
 * on, so every cell carries the row's drop target, and the drag handle's
 * cell the drag source. The name cell,
 * which every row has, also speaks for the row as a whole: it gives the
 * row's widget (the cell's grandparent, the column view's "row" node) the
 * style classes that mark low, overdue, paid and balance rows, and the
 * accessible label a screen reader reads for the row.
 */

struct _BudgLedgerCell
{
  GtkWidget       parent_instance;

  char           *column;
  BudgLedgerRow  *row;
  gboolean        updating;
  BudgLedgerView *view;             /* while rooted in one */
  gulong          compact_handler;

  GtkWidget      *label;
  GtkWidget      *detail_label;
  GtkWidget      *icon;
  GtkWidget      *check;
  GtkWidget      *edit_button;
  GtkWidget      *menu_button;
};

G_DEFINE_FINAL_TYPE (BudgLedgerCell, budg_ledger_cell, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_COLUMN,
  PROP_ROW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The style classes the name cell puts on its row. */
static const char * const row_classes[] = {
  "ledger-snapshot",
  "ledger-low",
  "ledger-done",
  "ledger-overdue",
};

static gboolean
is_column (BudgLedgerCell *self,
           const char     *column)
{
  return g_strcmp0 (self->column, column) == 0;
}

static BudgLedgerView *
get_view (BudgLedgerCell *self)
{
  return BUDG_LEDGER_VIEW (gtk_widget_get_ancestor (GTK_WIDGET (self), BUDG_TYPE_LEDGER_VIEW));
}

/* Narrow, the date column is hidden and the name cell says the date. */
static gboolean
is_compact (BudgLedgerCell *self)
{
  return self->view != NULL && budg_ledger_view_get_compact (self->view);
}

/* The column view's widget for the whole row, if the cell is in one. */
static GtkWidget *
get_row_widget (BudgLedgerCell *self)
{
  GtkWidget *cell = gtk_widget_get_parent (GTK_WIDGET (self));

  return cell != NULL ? gtk_widget_get_parent (cell) : NULL;
}

static BudgDueBill *
get_due (BudgLedgerCell *self)
{
  return self->row != NULL ? budg_ledger_row_get_due_bill (self->row) : NULL;
}

/* Text is cut short with an ellipsis when the column is narrow; numbers
 * (@xalign 1) never are, since a cut amount says something else.
 */
static GtkWidget *
create_label (BudgLedgerCell *self,
              float           xalign)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  if (xalign == 0)
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);

  return label;
}

static void
set_class (GtkWidget  *widget,
           const char *name,
           gboolean    set)
{
  if (set)
    gtk_widget_add_css_class (widget, name);
  else
    gtk_widget_remove_css_class (widget, name);
}

static void
set_drop_position (BudgLedgerCell *self,
                   gboolean        shown,
                   gboolean        after)
{
  GtkWidget *row_widget = get_row_widget (self);

  if (row_widget == NULL)
    return;

  set_class (row_widget, "drop-above", shown && !after);
  set_class (row_widget, "drop-below", shown && after);
}

static gboolean
in_lower_half (BudgLedgerCell *self,
               double          y)
{
  return y > gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
}

/* Controllers -------------------------------------------------------------- */

static GdkContentProvider *
drag_prepare_cb (BudgLedgerCell *self,
                 double          x,
                 double          y,
                 GtkDragSource  *source)
{
  /* Balances are what the bank says; only due bills move. */
  if (get_due (self) == NULL)
    return NULL;

  return gdk_content_provider_new_typed (BUDG_TYPE_LEDGER_ROW, self->row);
}

static void
drag_begin_cb (BudgLedgerCell *self,
               GdkDrag        *drag,
               GtkDragSource  *source)
{
  GtkWidget *icon = gtk_drag_icon_get_for_drag (drag);
  GtkWidget *label = gtk_label_new (budg_due_bill_get_name (get_due (self)));

  gtk_widget_add_css_class (label, "ledger-drag-icon");
  gtk_drag_icon_set_child (GTK_DRAG_ICON (icon), label);
}

static GdkDragAction
drop_motion_cb (BudgLedgerCell *self,
                double          x,
                double          y,
                GtkDropTarget  *target)
{
  const GValue *value = gtk_drop_target_get_value (target);

  if (value != NULL && G_VALUE_HOLDS (value, BUDG_TYPE_LEDGER_ROW) &&
      g_value_get_object (value) == self->row)
    {
      set_drop_position (self, FALSE, FALSE);
      return 0;
    }

  set_drop_position (self, TRUE, in_lower_half (self, y));

  return GDK_ACTION_MOVE;
}

static void
drop_leave_cb (BudgLedgerCell *self,
               GtkDropTarget  *target)
{
  set_drop_position (self, FALSE, FALSE);
}

static gboolean
drop_cb (BudgLedgerCell *self,
         const GValue   *value,
         double          x,
         double          y,
         GtkDropTarget  *target)
{
  BudgLedgerView *view = get_view (self);
  BudgLedgerRow *dragged;

  set_drop_position (self, FALSE, FALSE);

  if (view == NULL || self->row == NULL || !G_VALUE_HOLDS (value, BUDG_TYPE_LEDGER_ROW))
    return FALSE;

  dragged = g_value_get_object (value);
  if (dragged == NULL || dragged == self->row)
    return FALSE;

  _budg_ledger_view_drop (view, dragged, self->row, in_lower_half (self, y));

  return TRUE;
}

static void
popup_at (BudgLedgerCell *self,
          GtkWidget      *widget,
          double          x,
          double          y)
{
  BudgLedgerView *view = get_view (self);

  if (view != NULL && self->row != NULL)
    _budg_ledger_view_popup_menu (view, self->row, widget, x, y);
}

static void
menu_button_clicked_cb (BudgLedgerCell *self,
                        GtkButton      *button)
{
  GtkWidget *widget = GTK_WIDGET (button);

  popup_at (self, widget, gtk_widget_get_width (widget) / 2.0, gtk_widget_get_height (widget));
}

static void
check_toggled_cb (BudgLedgerCell *self,
                  GtkCheckButton *check)
{
  BudgLedgerView *view = get_view (self);

  if (self->updating || view == NULL || get_due (self) == NULL)
    return;

  _budg_ledger_view_set_paid (view, self->row, gtk_check_button_get_active (check));
}

/* Content -------------------------------------------------------------------- */

static void
build (BudgLedgerCell *self)
{
  GtkWidget *widget = GTK_WIDGET (self);

  if (is_column (self, BUDG_LEDGER_CELL_HANDLE))
    {
      GtkDragSource *source = gtk_drag_source_new ();

      self->icon = gtk_image_new_from_icon_name ("list-drag-handle-symbolic");
      gtk_widget_add_css_class (self->icon, "dim-label");
      gtk_widget_set_tooltip_text (self->icon, _("Drag to reorder or to move to another day"));
      gtk_widget_set_parent (self->icon, widget);

      gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
      g_signal_connect_object (source, "prepare", G_CALLBACK (drag_prepare_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (source, "drag-begin", G_CALLBACK (drag_begin_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (source));
      gtk_widget_set_cursor_from_name (widget, "grab");
    }
  else if (is_column (self, BUDG_LEDGER_CELL_NAME))
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

      gtk_widget_set_hexpand (box, TRUE);
      gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
      self->label = create_label (self, 0);
      self->detail_label = create_label (self, 0);
      gtk_widget_add_css_class (self->detail_label, "caption");
      gtk_widget_add_css_class (self->detail_label, "dim-label");
      gtk_box_append (GTK_BOX (box), self->label);
      gtk_box_append (GTK_BOX (box), self->detail_label);
      gtk_widget_set_parent (box, widget);

      /* The row's own buttons, shown on hover and focus (style.css). */
      self->edit_button = gtk_button_new_from_icon_name ("document-edit-symbolic");
      gtk_widget_set_valign (self->edit_button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (self->edit_button, _("Edit Bill"));
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self->edit_button), "x",
                                        G_GINT64_CONSTANT (0));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->edit_button), "ledger.edit");
      gtk_widget_add_css_class (self->edit_button, "flat");
      gtk_widget_add_css_class (self->edit_button, "ledger-row-button");
      gtk_widget_set_parent (self->edit_button, widget);

      self->menu_button = gtk_button_new_from_icon_name ("view-more-symbolic");
      gtk_widget_set_valign (self->menu_button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (self->menu_button, _("Bill Actions"));
      gtk_widget_add_css_class (self->menu_button, "flat");
      gtk_widget_add_css_class (self->menu_button, "ledger-row-button");
      g_signal_connect_object (self->menu_button, "clicked", G_CALLBACK (menu_button_clicked_cb),
                               self, G_CONNECT_SWAPPED);
      gtk_widget_set_parent (self->menu_button, widget);
    }
  else if (is_column (self, BUDG_LEDGER_CELL_STATUS))
    {
      self->check = gtk_check_button_new ();
      gtk_widget_set_valign (self->check, GTK_ALIGN_CENTER);
      g_signal_connect_object (self->check, "toggled", G_CALLBACK (check_toggled_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_widget_set_parent (self->check, widget);

      self->icon = gtk_image_new_from_icon_name ("appointment-missed-symbolic");
      gtk_widget_set_parent (self->icon, widget);

      self->label = create_label (self, 0);
      gtk_widget_set_parent (self->label, widget);
    }
  else if (is_column (self, BUDG_LEDGER_CELL_BALANCE))
    {
      self->icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      gtk_widget_set_hexpand (self->icon, TRUE);
      gtk_widget_set_halign (self->icon, GTK_ALIGN_END);
      gtk_widget_add_css_class (self->icon, "warning");
      gtk_widget_set_parent (self->icon, widget);

      self->label = create_label (self, 1);
      gtk_widget_add_css_class (self->label, "numeric");
      gtk_widget_set_parent (self->label, widget);
    }
  else
    {
      gboolean amount = is_column (self, BUDG_LEDGER_CELL_AMOUNT);
      gboolean date = is_column (self, BUDG_LEDGER_CELL_DATE);

      self->label = create_label (self, amount ? 1 : 0);
      gtk_widget_set_hexpand (self->label, TRUE);
      if (amount || date)
        gtk_widget_add_css_class (self->label, "numeric");
      gtk_widget_set_parent (self->label, widget);
    }
}

static void
update_row_widget (BudgLedgerCell *self)
{
  GtkWidget *row_widget = get_row_widget (self);
  BudgLedgerView *view = get_view (self);
  BudgDueBill *due = get_due (self);
  g_autofree char *description = NULL;
  BudgDueStatus status;
  gboolean flags[G_N_ELEMENTS (row_classes)] = { FALSE };

  if (row_widget == NULL || self->row == NULL)
    return;

  status = due != NULL ? budg_due_bill_get_status (due) : BUDG_DUE_STATUS_UPCOMING;
  flags[0] = due == NULL;
  flags[1] = budg_ledger_row_get_is_low (self->row);
  flags[2] = status == BUDG_DUE_STATUS_PAID || status == BUDG_DUE_STATUS_SKIPPED;
  flags[3] = status == BUDG_DUE_STATUS_OVERDUE;

  for (guint i = 0; i < G_N_ELEMENTS (row_classes); i++)
    set_class (row_widget, row_classes[i], flags[i]);

  if (view != NULL && (description = _budg_ledger_view_describe_row (view, self->row)) != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (row_widget),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                    -1);
}

/* A recorded balance that differs from what the transactions since the
 * previous one add up to says by how much, so that a missing or doubled
 * transaction shows. */
static char *
describe_snapshot_gap (BudgLedgerCell      *self,
                       BudgBalanceSnapshot *snapshot)
{
  BudgLedgerView *view = get_view (self);
  g_autofree char *amount = NULL;
  gboolean comparable = FALSE;
  gint64 computed = 0;
  gint64 gap;

  if (view == NULL ||
      !budg_balance_store_get_computed (budg_context_get_balances (budg_ledger_view_get_context (view)),
                                        snapshot, &comparable, &computed, NULL) ||
      !comparable)
    return NULL;

  gap = budg_balance_snapshot_get_amount_minor (snapshot) - computed;
  if (gap == 0)
    return NULL;

  amount = budg_money_format (gap > 0 ? gap : -gap, budg_balance_snapshot_get_currency (snapshot));
  if (gap > 0)
    /* Translators: %s is an amount; the recorded balance is higher than the transactions say. */
    return g_strdup_printf (_("%s more than the transactions add up to"), amount);

  /* Translators: %s is an amount; the recorded balance is lower than the transactions say. */
  return g_strdup_printf (_("%s less than the transactions add up to"), amount);
}

static void
update_name (BudgLedgerCell *self,
             BudgDueBill    *due)
{
  g_autofree char *menu_label = NULL;
  g_autofree char *edit_label = NULL;
  g_autofree char *compact_detail = NULL;
  g_autofree char *gap_detail = NULL;
  g_autofree char *noted_detail = NULL;
  const char *detail = NULL;

  if (due != NULL)
    {
      BudgDueStatus status = budg_due_bill_get_status (due);

      gtk_label_set_text (GTK_LABEL (self->label), budg_due_bill_get_name (due));
      gtk_widget_remove_css_class (self->label, "heading");
      if (budg_due_bill_get_autopay (due))
        detail = _("Autopay");

      /* Narrow, the status column has room for its check only. */
      if (is_compact (self))
        {
          g_autofree char *date = budg_date_format_short (budg_due_bill_get_due_date (due));

          if (status == BUDG_DUE_STATUS_OVERDUE || status == BUDG_DUE_STATUS_SKIPPED)
            detail = budg_due_status_get_label (status);
          /* Translators: the second line of a bill in the narrow ledger:
           * its due date and a note such as "Autopay" or "Overdue". */
          compact_detail = detail != NULL ? g_strdup_printf (_("%1$s · %2$s"), date, detail)
                                          : g_steal_pointer (&date);
          detail = compact_detail;
        }
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self->edit_button), "x",
                                        budg_due_bill_get_id (due));

      /* Translators: the accessible name of the actions button of a bill in the ledger. */
      menu_label = g_strdup_printf (_("Actions for %s"), budg_due_bill_get_name (due));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, menu_label,
                                      -1);
      /* Translators: the accessible name of the edit button of a bill in the ledger. */
      edit_label = g_strdup_printf (_("Edit %s"), budg_due_bill_get_name (due));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->edit_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, edit_label,
                                      -1);
    }
  else
    {
      BudgBalanceSnapshot *snapshot = budg_ledger_row_get_snapshot (self->row);

      /* Translators: the name of a balance snapshot's row in the ledger. */
      gtk_label_set_text (GTK_LABEL (self->label), _("Balance"));
      gtk_widget_add_css_class (self->label, "heading");
      detail = budg_balance_snapshot_get_note (snapshot);
      if (detail != NULL && detail[0] == '\0')
        detail = NULL;
      gap_detail = describe_snapshot_gap (self, snapshot);
      if (gap_detail != NULL)
        {
          noted_detail = detail != NULL ? g_strdup_printf (_("%1$s · %2$s"), detail, gap_detail)
                                        : g_strdup (gap_detail);
          detail = noted_detail;
        }
      if (is_compact (self))
        {
          g_autofree char *date = budg_date_format_short (budg_ledger_row_get_date (self->row));

          compact_detail = detail != NULL ? g_strdup_printf (_("%1$s · %2$s"), date, detail)
                                          : g_steal_pointer (&date);
          detail = compact_detail;
        }
    }

  gtk_label_set_text (GTK_LABEL (self->detail_label), detail != NULL ? detail : "");
  gtk_widget_set_visible (self->detail_label, detail != NULL);
  /* Narrow, the name needs the room; the row's menu is a long press, a
   * right click or the Menu key away. */
  gtk_widget_set_visible (self->edit_button, due != NULL && !is_compact (self));
  gtk_widget_set_visible (self->menu_button, due != NULL && !is_compact (self));
}

static void
update_status (BudgLedgerCell *self,
               BudgDueBill    *due)
{
  BudgDueStatus status;
  g_autofree char *check_label = NULL;

  gtk_widget_set_visible (self->check, due != NULL);
  gtk_widget_set_visible (self->label, due != NULL && !is_compact (self));
  gtk_widget_set_visible (self->icon, FALSE);
  if (due == NULL)
    return;

  status = budg_due_bill_get_status (due);

  self->updating = TRUE;
  gtk_check_button_set_active (GTK_CHECK_BUTTON (self->check), status == BUDG_DUE_STATUS_PAID);
  self->updating = FALSE;

  /* A skipped bill is not paid; it is brought back first. */
  gtk_widget_set_sensitive (self->check, status != BUDG_DUE_STATUS_SKIPPED);
  gtk_widget_set_tooltip_text (self->check, status == BUDG_DUE_STATUS_PAID ? _("Undo Payment")
                                                                           : _("Mark as Paid"));
  /* Translators: the accessible name of the check that marks a bill paid; %s is its name. */
  check_label = g_strdup_printf (_("%s paid"), budg_due_bill_get_name (due));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, check_label,
                                  -1);

  /* Overdue is said in words and with an icon, not in colour alone. */
  gtk_label_set_text (GTK_LABEL (self->label), budg_due_status_get_label (status));
  gtk_widget_set_visible (self->icon, status == BUDG_DUE_STATUS_OVERDUE);
  set_class (self->label, "error", status == BUDG_DUE_STATUS_OVERDUE);
  set_class (self->icon, "error", status == BUDG_DUE_STATUS_OVERDUE);
  set_class (self->label, "dim-label",
             status == BUDG_DUE_STATUS_PAID || status == BUDG_DUE_STATUS_SKIPPED);
}

static void
update_balance (BudgLedgerCell *self,
                BudgDueBill    *due)
{
  gint64 balance = budg_ledger_row_get_balance_minor (self->row);
  g_autofree char *text = budg_money_format (balance, budg_ledger_row_get_currency (self->row));
  gboolean low = budg_ledger_row_get_is_low (self->row);

  gtk_label_set_text (GTK_LABEL (self->label), text);
  set_class (self->label, "error", balance < 0);
  set_class (self->label, "ledger-snapshot-balance", due == NULL);

  gtk_widget_set_visible (self->icon, low);
  if (low)
    {
      const char *why = balance < 0 ? _("The balance goes below zero")
                                    : _("The balance goes below the account’s warning level");

      gtk_widget_set_tooltip_text (self->icon, why);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->icon),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, why,
                                      -1);
    }
}

static void
update_amount (BudgLedgerCell *self,
               BudgDueBill    *due)
{
  g_autofree char *text = NULL;
  gint64 amount;

  if (due == NULL)
    {
      gtk_label_set_text (GTK_LABEL (self->label), "");
      return;
    }

  amount = budg_due_bill_get_amount_minor (due);
  text = budg_money_format (amount, budg_due_bill_get_currency (due));
  if (budg_due_bill_get_is_estimate (due))
    {
      g_autofree char *exact = g_steal_pointer (&text);

      /* Translators: an estimated amount in the ledger, such as "≈ −$84.00". */
      text = g_strdup_printf (_("≈ %s"), exact);
      gtk_widget_set_tooltip_text (self->label, _("Estimate"));
    }
  else
    {
      gtk_widget_set_tooltip_text (self->label, NULL);
    }

  gtk_label_set_text (GTK_LABEL (self->label), text);
  set_class (self->label, "success", amount > 0);
}

static void
update (BudgLedgerCell *self)
{
  BudgDueBill *due = get_due (self);

  if (self->row == NULL)
    return;

  if (is_column (self, BUDG_LEDGER_CELL_HANDLE))
    {
      gtk_widget_set_visible (self->icon, due != NULL);
    }
  else if (is_column (self, BUDG_LEDGER_CELL_DATE))
    {
      g_autofree char *text = budg_date_format_short (budg_ledger_row_get_date (self->row));

      gtk_label_set_text (GTK_LABEL (self->label), text);
    }
  else if (is_column (self, BUDG_LEDGER_CELL_NAME))
    {
      update_name (self, due);
      update_row_widget (self);
    }
  else if (is_column (self, BUDG_LEDGER_CELL_CATEGORY))
    {
      const char *path = due != NULL ? budg_due_bill_get_category_path (due) : NULL;

      gtk_label_set_text (GTK_LABEL (self->label), path != NULL ? path : "");
    }
  else if (is_column (self, BUDG_LEDGER_CELL_ACCOUNT))
    {
      BudgBalanceSnapshot *snapshot = budg_ledger_row_get_snapshot (self->row);
      const char *name = due != NULL ? budg_due_bill_get_account_name (due)
                                     : budg_balance_snapshot_get_account_name (snapshot);

      gtk_label_set_text (GTK_LABEL (self->label), name != NULL ? name : "");
    }
  else if (is_column (self, BUDG_LEDGER_CELL_AMOUNT))
    {
      update_amount (self, due);
    }
  else if (is_column (self, BUDG_LEDGER_CELL_STATUS))
    {
      update_status (self, due);
    }
  else if (is_column (self, BUDG_LEDGER_CELL_BALANCE))
    {
      update_balance (self, due);
    }
}

/* GtkWidget ------------------------------------------------------------------- */

static void
compact_changed_cb (BudgLedgerCell *self)
{
  update (self);
}

static void
budg_ledger_cell_root (GtkWidget *widget)
{
  BudgLedgerCell *self = BUDG_LEDGER_CELL (widget);

  GTK_WIDGET_CLASS (budg_ledger_cell_parent_class)->root (widget);

  self->view = get_view (self);
  if (self->view != NULL)
    self->compact_handler = g_signal_connect_object (self->view, "notify::compact",
                                                     G_CALLBACK (compact_changed_cb), self,
                                                     G_CONNECT_SWAPPED);
  update (self);
}

static void
budg_ledger_cell_unroot (GtkWidget *widget)
{
  BudgLedgerCell *self = BUDG_LEDGER_CELL (widget);

  if (self->view != NULL)
    g_clear_signal_handler (&self->compact_handler, self->view);
  self->view = NULL;

  GTK_WIDGET_CLASS (budg_ledger_cell_parent_class)->unroot (widget);
}

/* GObject -------------------------------------------------------------------- */

static void
budg_ledger_cell_constructed (GObject *object)
{
  BudgLedgerCell *self = BUDG_LEDGER_CELL (object);
  GtkWidget *widget = GTK_WIDGET (self);
  GtkDropTarget *drop_target;

  G_OBJECT_CLASS (budg_ledger_cell_parent_class)->constructed (object);

  build (self);

  drop_target = gtk_drop_target_new (BUDG_TYPE_LEDGER_ROW, GDK_ACTION_MOVE);
  gtk_drop_target_set_preload (drop_target, TRUE);
  g_signal_connect_object (drop_target, "motion", G_CALLBACK (drop_motion_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (drop_target, "leave", G_CALLBACK (drop_leave_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (drop_target, "drop", G_CALLBACK (drop_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (drop_target));
}

static void
budg_ledger_cell_dispose (GObject *object)
{
  BudgLedgerCell *self = BUDG_LEDGER_CELL (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->row);

  G_OBJECT_CLASS (budg_ledger_cell_parent_class)->dispose (object);
}

static void
budg_ledger_cell_finalize (GObject *object)
{
  BudgLedgerCell *self = BUDG_LEDGER_CELL (object);

  g_clear_pointer (&self->column, g_free);

  G_OBJECT_CLASS (budg_ledger_cell_parent_class)->finalize (object);
}

static void
budg_ledger_cell_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  BudgLedgerCell *self = BUDG_LEDGER_CELL (object);

  switch (prop_id)
    {
    case PROP_COLUMN:
      g_value_set_string (value, self->column);
      break;

    case PROP_ROW:
      g_value_set_object (value, self->row);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
budg_ledger_cell_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  BudgLedgerCell *self = BUDG_LEDGER_CELL (object);

  switch (prop_id)
    {
    case PROP_COLUMN:
      self->column = g_value_dup_string (value);
      break;

    case PROP_ROW:
      budg_ledger_cell_set_row (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
budg_ledger_cell_class_init (BudgLedgerCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = budg_ledger_cell_constructed;
  object_class->dispose = budg_ledger_cell_dispose;
  object_class->finalize = budg_ledger_cell_finalize;
  object_class->get_property = budg_ledger_cell_get_property;
  object_class->set_property = budg_ledger_cell_set_property;

  /* Which column the cell is in: one of the BUDG_LEDGER_CELL_* names. */
  properties[PROP_COLUMN] =
    g_param_spec_string ("column", NULL, NULL,
                         BUDG_LEDGER_CELL_NAME,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ROW] =
    g_param_spec_object ("row", NULL, NULL,
                         BUDG_TYPE_LEDGER_ROW,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  widget_class->root = budg_ledger_cell_root;
  widget_class->unroot = budg_ledger_cell_unroot;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "ledgercell");
}

static void
budg_ledger_cell_init (BudgLedgerCell *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);
}

/**
 * budg_ledger_cell_new:
 * @column: one of the BUDG_LEDGER_CELL_* column names
 *
 * Returns: (transfer floating): a new, empty #BudgLedgerCell
 */
GtkWidget *
budg_ledger_cell_new (const char *column)
{
  return g_object_new (BUDG_TYPE_LEDGER_CELL, "column", column, NULL);
}

const char *
budg_ledger_cell_get_column (BudgLedgerCell *self)
{
  g_return_val_if_fail (BUDG_IS_LEDGER_CELL (self), NULL);

  return self->column;
}

/**
 * budg_ledger_cell_get_row:
 * @self: a #BudgLedgerCell
 *
 * Returns: (transfer none) (nullable): the row @self shows
 */
BudgLedgerRow *
budg_ledger_cell_get_row (BudgLedgerCell *self)
{
  g_return_val_if_fail (BUDG_IS_LEDGER_CELL (self), NULL);

  return self->row;
}

void
budg_ledger_cell_set_row (BudgLedgerCell *self,
                          BudgLedgerRow  *row)
{
  g_return_if_fail (BUDG_IS_LEDGER_CELL (self));
  g_return_if_fail (row == NULL || BUDG_IS_LEDGER_ROW (row));

  if (!g_set_object (&self->row, row))
    return;

  update (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROW]);
}
