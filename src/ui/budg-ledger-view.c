/* budg-ledger-view.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-ledger-view"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "budg-date.h"
#include "budg-ledger-cell.h"
#include "budg-ledger-view-private.h"
#include "budg-ledger.h"
#include "budg-money.h"
#include "budg-util.h"

/* The Bills view: the due bills and balance snapshots of a range of days in
 * one table, each row with the projected balance its account is left with,
 * and above it the lowest balance each account reaches.
 *
 * The rows are rebuilt from the database as a whole (budg_ledger_build()
 * takes a few milliseconds for a range of weeks), synchronously after the
 * view's own changes so that the table and the Undo toast agree, and on an
 * idle after anyone else's. Every change goes through BudgDueStore or
 * BudgBillStore; the view holds no state of the ledger but the range and
 * the account it follows. What is done to the rows is in
 * budg-ledger-view-actions.c.
 */

G_DEFINE_FINAL_TYPE (BudgLedgerView, budg_ledger_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_ACCOUNT_ID,
  PROP_FROM,
  PROP_TO,
  PROP_COMPACT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers ---------------------------------------------------------------- */

static BudgDueStore *
get_dues (BudgLedgerView *self)
{
  return budg_context_get_dues (self->context);
}


void
_budg_ledger_view_show_error (BudgLedgerView *self,
            const GError   *error)
{
  g_autofree char *title = g_markup_escape_text (error->message, -1);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

BudgLedgerRow *
_budg_ledger_view_get_row (BudgLedgerView *self,
         guint           position)
{
  /* The store keeps the reference; the caller only borrows the row. */
  g_autoptr(BudgLedgerRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), position);

  return row;
}

static guint
n_rows (BudgLedgerView *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->rows));
}


/* The row of the due bill @due_id, or the selected row when it is 0. */
BudgLedgerRow *
_budg_ledger_view_lookup_due_row (BudgLedgerView *self,
                gint64          due_id,
                guint          *out_position)
{
  guint n = n_rows (self);

  if (due_id == 0)
    {
      guint selected = gtk_single_selection_get_selected (self->selection);
      BudgLedgerRow *row = selected < n ? _budg_ledger_view_get_row (self, selected) : NULL;

      if (row == NULL || budg_ledger_row_get_due_bill (row) == NULL)
        return NULL;
      if (out_position != NULL)
        *out_position = selected;
      return row;
    }

  for (guint i = 0; i < n; i++)
    {
      BudgLedgerRow *row = _budg_ledger_view_get_row (self, i);
      BudgDueBill *due = budg_ledger_row_get_due_bill (row);

      if (due != NULL && budg_due_bill_get_id (due) == due_id)
        {
          if (out_position != NULL)
            *out_position = i;
          return row;
        }
    }

  return NULL;
}


/* Selects the occurrence budg_ledger_view_show_occurrence() asked for, once
 * its row exists; returns whether it did. Rows built for the range asked
 * for are the last chance (@last): a bill since deleted is not waited for.
 */
static gboolean
select_pending (BudgLedgerView *self,
                gboolean        last)
{
  guint n = n_rows (self);

  if (self->pending_occurrence == NULL)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      BudgDueBill *due = budg_ledger_row_get_due_bill (_budg_ledger_view_get_row (self, i));

      if (due != NULL && budg_due_bill_get_bill_id (due) == self->pending_bill_id &&
          g_strcmp0 (budg_due_bill_get_occurrence_date (due), self->pending_occurrence) == 0)
        {
          g_clear_pointer (&self->pending_occurrence, g_free);
          gtk_single_selection_set_selected (self->selection, i);
          _budg_ledger_view_focus_selected (self);
          return TRUE;
        }
    }

  if (last)
    g_clear_pointer (&self->pending_occurrence, g_free);

  return FALSE;
}

static char *
dup_row_key (BudgLedgerRow *row)
{
  BudgDueBill *due = budg_ledger_row_get_due_bill (row);

  if (due != NULL)
    return g_strdup_printf ("d%" G_GINT64_FORMAT, budg_due_bill_get_id (due));

  return g_strdup_printf ("s%" G_GINT64_FORMAT,
                          budg_balance_snapshot_get_id (budg_ledger_row_get_snapshot (row)));
}

static gboolean
find_key (BudgLedgerView *self,
          const char     *key,
          guint          *out_position)
{
  guint n = n_rows (self);

  for (guint i = 0; key != NULL && i < n; i++)
    {
      g_autofree char *other = dup_row_key (_budg_ledger_view_get_row (self, i));

      if (g_str_equal (key, other))
        {
          *out_position = i;
          return TRUE;
        }
    }

  return FALSE;
}

void
_budg_ledger_view_select_due (BudgLedgerView *self,
            gint64          due_id)
{
  guint position;

  if (_budg_ledger_view_lookup_due_row (self, due_id, &position) != NULL)
    gtk_single_selection_set_selected (self->selection, position);
}

static GtkWidget *
get_list_view (BudgLedgerView *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_VIEW (child))
        return child;
    }

  return NULL;
}

static gboolean
has_focus_in_table (BudgLedgerView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->column_view));
}

/* Moves the keyboard focus to the selected row, so that keys keep acting on
 * the row that was just moved or rebuilt.
 */
void
_budg_ledger_view_focus_selected (BudgLedgerView *self)
{
  guint selected = gtk_single_selection_get_selected (self->selection);
  GtkWidget *list_view = get_list_view (self);

  if (selected == GTK_INVALID_LIST_POSITION || list_view == NULL)
    return;

  gtk_widget_activate_action (list_view, "list.scroll-to-item", "u", selected);
}

/* Range ------------------------------------------------------------------ */

void
_budg_ledger_view_select_calendar_day (GtkCalendar *calendar,
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

char *
_budg_ledger_view_dup_calendar_day (GtkCalendar *calendar)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (calendar);

  return g_date_time_format (day, "%Y-%m-%d");
}

static void
update_range_buttons (BudgLedgerView *self)
{
  g_autofree char *from_text = budg_date_format_short (self->from);
  g_autofree char *to_text = budg_date_format_short (self->to);
  g_autofree char *from_label = NULL;
  g_autofree char *to_label = NULL;

  gtk_menu_button_set_label (self->from_button, from_text);
  gtk_menu_button_set_label (self->to_button, to_text);

  /* Translators: the accessible name of the button with the ledger's first day. */
  from_label = g_strdup_printf (_("From %s"), from_text);
  /* Translators: the accessible name of the button with the ledger's last day. */
  to_label = g_strdup_printf (_("To %s"), to_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->from_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, from_label,
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->to_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, to_label,
                                  -1);

  g_signal_handlers_block_matched (self->from_calendar, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL,
                                   self);
  g_signal_handlers_block_matched (self->to_calendar, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  _budg_ledger_view_select_calendar_day (self->from_calendar, self->from);
  _budg_ledger_view_select_calendar_day (self->to_calendar, self->to);
  g_signal_handlers_unblock_matched (self->from_calendar, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL,
                                     self);
  g_signal_handlers_unblock_matched (self->to_calendar, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL,
                                     self);
}

/* Returns whether the range changed. */
static gboolean
apply_range (BudgLedgerView *self,
             const char     *from,
             const char     *to)
{
  gboolean from_changed = budg_set_str (&self->from, from);
  gboolean to_changed = budg_set_str (&self->to, to);

  if (!from_changed && !to_changed)
    return FALSE;

  update_range_buttons (self);

  if (from_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FROM]);
  if (to_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TO]);

  return TRUE;
}

static void
set_range (BudgLedgerView *self,
           const char     *from,
           const char     *to)
{
  if (!apply_range (self, from, to))
    return;

  /* A new range is asked for by the person looking: show it at once. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    _budg_ledger_view_rebuild (self);
  else
    self->stale = TRUE;
}

static void
set_default_range (BudgLedgerView *self)
{
  g_autofree char *today = budg_date_today ();
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  budg_ledger_default_range (budg_context_get_database (self->context), today, &from, &to);
  set_range (self, from, to);
}

static void
from_day_selected_cb (BudgLedgerView *self)
{
  g_autofree char *from = _budg_ledger_view_dup_calendar_day (self->from_calendar);

  gtk_menu_button_popdown (self->from_button);
  set_range (self, from, strcmp (from, self->to) > 0 ? from : self->to);
}

static void
to_day_selected_cb (BudgLedgerView *self)
{
  g_autofree char *to = _budg_ledger_view_dup_calendar_day (self->to_calendar);

  gtk_menu_button_popdown (self->to_button);
  set_range (self, strcmp (to, self->from) < 0 ? to : self->from, to);
}

static void
quick_range_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  BudgLedgerView *self = BUDG_LEDGER_VIEW (widget);
  const char *range = g_variant_get_string (parameter, NULL);
  g_autofree char *today = budg_date_today ();
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  GDate date;

  budg_date_parse (today, &date, NULL);

  if (g_str_equal (range, "month"))
    {
      g_date_set_day (&date, 1);
      from = budg_date_to_iso (&date);
      g_date_set_day (&date, g_date_get_days_in_month (g_date_get_month (&date),
                                                       g_date_get_year (&date)));
      to = budg_date_to_iso (&date);
    }
  else if (g_str_equal (range, "30-days"))
    {
      from = g_strdup (today);
      to = budg_date_add_days (today, 29);
    }
  else if (g_str_equal (range, "3-months"))
    {
      from = g_strdup (today);
      g_date_add_months (&date, 3);
      g_date_subtract_days (&date, 1);
      to = budg_date_to_iso (&date);
    }
  else
    {
      budg_ledger_default_range (budg_context_get_database (self->context), today, &from, &to);
    }

  set_range (self, from, to);
}

/* Building ----------------------------------------------------------------- */

static int
compare_lows (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  BudgLedgerView *self = user_data;
  GListModel *accounts = G_LIST_MODEL (budg_context_get_accounts (self->context));
  const BudgLedgerLow *la = a;
  const BudgLedgerLow *lb = b;
  guint n = g_list_model_get_n_items (accounts);
  guint pa = n;
  guint pb = n;

  /* In the order of the sidebar. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BudgAccount) account = g_list_model_get_item (accounts, i);

      if (budg_account_get_id (account) == la->account_id)
        pa = i;
      if (budg_account_get_id (account) == lb->account_id)
        pb = i;
    }

  return pa < pb ? -1 : pa > pb;
}

/* The low point of one account; @out_text receives what it says. */
static GtkWidget *
create_low (BudgLedgerView       *self,
            const BudgLedgerLow  *low,
            char                **out_text)
{
  BudgAccount *account = budg_account_store_lookup (budg_context_get_accounts (self->context),
                                                    low->account_id);
  g_autofree char *amount = budg_money_format (low->balance_minor, low->currency);
  g_autofree char *date = budg_date_format_short (low->date);
  g_autofree char *text = NULL;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label;

  if (low->is_low)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      low->balance_minor < 0 ? _("Below zero") : _("Below the warning level"),
                                      -1);
      gtk_box_append (GTK_BOX (box), icon);
    }

  /* Translators: the low point of an account in the ledger's range: account
   * name, balance and date, such as "Everyday: lowest $120.00 on 11/30/26". */
  text = g_strdup_printf (_("%1$s: lowest %2$s on %3$s"),
                          account != NULL ? budg_account_get_name (account) : "?", amount, date);
  label = gtk_label_new (text);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "numeric");
  if (low->is_low)
    gtk_widget_add_css_class (label, "error");
  gtk_box_append (GTK_BOX (box), label);

  *out_text = g_steal_pointer (&text);

  return box;
}

static void
update_lows (BudgLedgerView *self,
             GArray         *lows)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->lows_box))) != NULL)
    gtk_flow_box_remove (self->lows_box, child);

  g_array_sort_with_data (lows, compare_lows, self);

  for (guint i = 0; i < lows->len; i++)
    {
      g_autofree char *text = NULL;

      const BudgLedgerLow *low = &g_array_index (lows, BudgLedgerLow, i);

      gtk_flow_box_append (self->lows_box, create_low (self, low, &text));
      child = gtk_widget_get_last_child (GTK_WIDGET (self->lows_box));
      /* They say something, but there is nothing to do with them. */
      gtk_widget_set_focusable (child, FALSE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                      -1);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->lows_box), lows->len > 0);
}

static void
update_columns (BudgLedgerView *self)
{
  /* With one account shown, every row would name it. */
  gtk_column_view_column_set_visible (self->account_column,
                                      !self->compact && self->account_id == 0);
  /* Narrow, the column holds the paid check only. */
  gtk_column_view_column_set_title (self->status_column, self->compact ? _("Paid") : _("Status"));
}

static void
show_nothing (BudgLedgerView *self)
{
  g_autofree char *from = budg_date_format_short (self->from);
  g_autofree char *to = budg_date_format_short (self->to);
  g_autofree char *description = NULL;

  /* Translators: %1$s and %2$s are the first and last day of the ledger's range. */
  description = g_strdup_printf (_("No bills are due and no balances are recorded from %1$s "
                                   "to %2$s. Choose other days above."),
                                 from, to);
  adw_status_page_set_description (self->nothing_status, description);
  gtk_stack_set_visible_child_name (self->table_stack, "nothing");
}

void
_budg_ledger_view_rebuild (BudgLedgerView *self)
{
  GListModel *bills = G_LIST_MODEL (budg_context_get_bills (self->context));
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GArray) lows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *selected_key = NULL;
  gint64 start = g_get_monotonic_time ();
  guint selected = gtk_single_selection_get_selected (self->selection);
  gboolean had_focus = has_focus_in_table (self);
  guint position;

  g_clear_handle_id (&self->reload_source, g_source_remove);
  self->stale = FALSE;

  if (self->from == NULL || self->to == NULL)
    {
      g_autofree char *today = budg_date_today ();
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;

      budg_ledger_default_range (budg_context_get_database (self->context), today, &from, &to);
      apply_range (self, from, to);
    }

  if (g_list_model_get_n_items (bills) == 0)
    {
      g_list_store_remove_all (self->rows);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  rows = budg_ledger_build (budg_context_get_database (self->context), get_dues (self),
                            self->account_id, self->from, self->to, &lows, &error);
  if (rows == NULL)
    {
      g_list_store_remove_all (self->rows);
      adw_status_page_set_description (self->error_status, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  if (selected != GTK_INVALID_LIST_POSITION && selected < n_rows (self))
    selected_key = dup_row_key (_budg_ledger_view_get_row (self, selected));

  g_list_store_splice (self->rows, 0, n_rows (self), rows->pdata, rows->len);

  if (find_key (self, selected_key, &position))
    gtk_single_selection_set_selected (self->selection, position);
  else
    gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);

  update_lows (self, lows);
  update_columns (self);

  if (rows->len == 0)
    show_nothing (self);
  else
    gtk_stack_set_visible_child_name (self->table_stack, "table");
  gtk_stack_set_visible_child_name (self->stack, "ledger");

  if (!select_pending (self, TRUE) && had_focus)
    _budg_ledger_view_focus_selected (self);

  g_debug ("Built the ledger from %s to %s (%u rows) in %.1f ms",
           self->from, self->to, rows->len, (g_get_monotonic_time () - start) / 1000.0);
}

static gboolean
reload_cb (gpointer user_data)
{
  BudgLedgerView *self = user_data;

  self->reload_source = 0;
  _budg_ledger_view_rebuild (self);

  return G_SOURCE_REMOVE;
}

/* Rebuilds soon if the view is on screen, or when it next is. Changes that
 * come together (a payment touches two tables) make one rebuild. The
 * source has the default priority rather than an idle one, which the
 * animation of a toast could starve.
 */
void
_budg_ledger_view_queue_rebuild (BudgLedgerView *self)
{
  self->stale = TRUE;

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)) || self->reload_source != 0)
    return;

  self->reload_source = g_idle_add_full (G_PRIORITY_DEFAULT, reload_cb, self, NULL);
}

static void
database_changed_cb (BudgLedgerView *self,
                     const char     *table,
                     BudgDatabase   *database)
{
  static const char * const tables[] = {
    "due_bills", "bills", "transactions", "balance_snapshots", "accounts", "categories", "*",
  };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      if (g_strcmp0 (table, tables[i]) == 0)
        {
          _budg_ledger_view_queue_rebuild (self);
          return;
        }
    }
}

/* GObject -------------------------------------------------------------------- */

static void
budg_ledger_view_map (GtkWidget *widget)
{
  BudgLedgerView *self = BUDG_LEDGER_VIEW (widget);

  /* Before the first frame of the view, so that it never shows stale rows. */
  if (self->stale)
    _budg_ledger_view_rebuild (self);

  GTK_WIDGET_CLASS (budg_ledger_view_parent_class)->map (widget);
}

static void
budg_ledger_view_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  BudgLedgerView *self = BUDG_LEDGER_VIEW (widget);

  GTK_WIDGET_CLASS (budg_ledger_view_parent_class)->size_allocate (widget, width, height, baseline);

  /* Popovers are positioned by their parent's allocation. */
  if (gtk_widget_get_visible (self->context_menu))
    gtk_popover_present (GTK_POPOVER (self->context_menu));
  if (gtk_widget_get_visible (self->date_popover))
    gtk_popover_present (GTK_POPOVER (self->date_popover));
}

static void
budg_ledger_view_constructed (GObject *object)
{
  BudgLedgerView *self = BUDG_LEDGER_VIEW (object);

  G_OBJECT_CLASS (budg_ledger_view_parent_class)->constructed (object);

  g_assert (BUDG_IS_CONTEXT (self->context));

  g_signal_connect_object (budg_context_get_database (self->context), "changed",
                           G_CALLBACK (database_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
budg_ledger_view_dispose (GObject *object)
{
  BudgLedgerView *self = BUDG_LEDGER_VIEW (object);

  g_clear_handle_id (&self->reload_source, g_source_remove);
  g_clear_pointer (&self->context_menu, gtk_widget_unparent);
  g_clear_pointer (&self->date_popover, gtk_widget_unparent);

  gtk_widget_dispose_template (GTK_WIDGET (self), BUDG_TYPE_LEDGER_VIEW);

  g_clear_object (&self->selection);
  g_clear_object (&self->rows);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (budg_ledger_view_parent_class)->dispose (object);
}

static void
budg_ledger_view_finalize (GObject *object)
{
  BudgLedgerView *self = BUDG_LEDGER_VIEW (object);

  g_clear_pointer (&self->from, g_free);
  g_clear_pointer (&self->to, g_free);
  g_clear_pointer (&self->pending_occurrence, g_free);

  G_OBJECT_CLASS (budg_ledger_view_parent_class)->finalize (object);
}

static void
budg_ledger_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  BudgLedgerView *self = BUDG_LEDGER_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_ACCOUNT_ID:
      g_value_set_int64 (value, self->account_id);
      break;

    case PROP_FROM:
      g_value_set_string (value, self->from);
      break;

    case PROP_TO:
      g_value_set_string (value, self->to);
      break;

    case PROP_COMPACT:
      g_value_set_boolean (value, self->compact);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
budg_ledger_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  BudgLedgerView *self = BUDG_LEDGER_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    case PROP_ACCOUNT_ID:
      budg_ledger_view_set_account_id (self, g_value_get_int64 (value));
      break;

    case PROP_FROM:
      budg_ledger_view_set_range (self, g_value_get_string (value), self->to);
      break;

    case PROP_TO:
      budg_ledger_view_set_range (self, self->from, g_value_get_string (value));
      break;

    case PROP_COMPACT:
      budg_ledger_view_set_compact (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
budg_ledger_view_class_init (BudgLedgerViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  g_type_ensure (BUDG_TYPE_LEDGER_CELL);
  g_type_ensure (BUDG_TYPE_LEDGER_ROW);

  object_class->constructed = budg_ledger_view_constructed;
  object_class->dispose = budg_ledger_view_dispose;
  object_class->finalize = budg_ledger_view_finalize;
  object_class->get_property = budg_ledger_view_get_property;
  object_class->set_property = budg_ledger_view_set_property;

  widget_class->map = budg_ledger_view_map;
  widget_class->size_allocate = budg_ledger_view_size_allocate;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         BUDG_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* The account whose bills are shown, or 0 for all accounts. */
  properties[PROP_ACCOUNT_ID] =
    g_param_spec_int64 ("account-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* The first and last day shown, ISO 8601; budg_ledger_default_range()
   * until someone chooses others. */
  properties[PROP_FROM] =
    g_param_spec_string ("from", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TO] =
    g_param_spec_string ("to", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Narrow: the columns that can be done without are hidden. */
  properties[PROP_COMPACT] =
    g_param_spec_boolean ("compact", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE |
                           G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/budg-ledger-view.ui");
  gtk_widget_class_bind_template_child (widget_class, BudgLedgerView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BudgLedgerView, stack);
  gtk_widget_class_bind_template_child (widget_class, BudgLedgerView, error_status);
  gtk_widget_class_bind_template_child (widget_class, BudgLedgerView, from_button);
  gtk_widget_class_bind_template_child (widget_class, BudgLedgerView, from_calendar);
  gtk_widget_class_bind_template_child (widget_class, BudgLedgerView, to_button);
  gtk_widget_class_bind_template_child (widget_class, BudgLedgerView, to_calendar);
  gtk_widget_class_bind_template_child (widget_class, BudgLedgerView, lows_box);
  gtk_widget_class_bind_template_child (widget_class, BudgLedgerView, table_stack);
  gtk_widget_class_bind_template_child (widget_class, BudgLedgerView, nothing_status);
  gtk_widget_class_bind_template_child (widget_class, BudgLedgerView, column_view);
  gtk_widget_class_bind_template_child (widget_class, BudgLedgerView, account_column);
  gtk_widget_class_bind_template_child (widget_class, BudgLedgerView, status_column);
  gtk_widget_class_bind_template_callback (widget_class, from_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, to_day_selected_cb);

  gtk_widget_class_install_action (widget_class, "ledger.quick-range", "s", quick_range_action);

  _budg_ledger_view_class_actions_init (klass);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
budg_ledger_view_init (BudgLedgerView *self)
{
  self->stale = TRUE;
  self->rows = g_list_store_new (BUDG_TYPE_LEDGER_ROW);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  _budg_ledger_view_actions_init (self);
}

/* Private API ---------------------------------------------------------------- */




char *
_budg_ledger_view_describe_row (BudgLedgerView *self,
                                BudgLedgerRow  *row)
{
  BudgDueBill *due = budg_ledger_row_get_due_bill (row);
  g_autofree char *date = budg_date_format_short (budg_ledger_row_get_date (row));
  g_autofree char *balance = NULL;
  g_autofree char *amount = NULL;
  guint n = n_rows (self);
  guint position = 0;
  guint count = 0;

  g_return_val_if_fail (BUDG_IS_LEDGER_VIEW (self), NULL);
  g_return_val_if_fail (BUDG_IS_LEDGER_ROW (row), NULL);

  if (due == NULL)
    {
      BudgBalanceSnapshot *snapshot = budg_ledger_row_get_snapshot (row);

      balance = budg_money_format (budg_ledger_row_get_balance_minor (row),
                                   budg_ledger_row_get_currency (row));
      /* Translators: a balance row of the ledger as a screen reader says it:
       * account, date and balance. */
      return g_strdup_printf (_("Balance of %1$s at the end of %2$s, %3$s"),
                              budg_balance_snapshot_get_account_name (snapshot), date, balance);
    }

  for (guint i = 0; i < n; i++)
    {
      BudgLedgerRow *other = _budg_ledger_view_get_row (self, i);

      if (budg_ledger_row_get_due_bill (other) == NULL ||
          strcmp (budg_ledger_row_get_date (other), budg_ledger_row_get_date (row)) != 0)
        continue;
      count++;
      if (other == row)
        position = count;
    }

  amount = budg_money_format (budg_due_bill_get_amount_minor (due),
                              budg_due_bill_get_currency (due));
  /* Translators: a bill's row of the ledger as a screen reader says it:
   * name, due date, amount, status ("Overdue"), its place among the bills
   * of its day and how many there are, such as "Rent, due 11/01/26,
   * −$1,650.00, Upcoming, position 1 of 3 on that day". */
  return g_strdup_printf (_("%1$s, due %2$s, %3$s, %4$s, position %5$u of %6$u on that day"),
                          budg_due_bill_get_name (due), date, amount,
                          budg_due_status_get_label (budg_due_bill_get_status (due)),
                          position, count);
}


void
budg_ledger_view_reload (BudgLedgerView *self)
{
  g_return_if_fail (BUDG_IS_LEDGER_VIEW (self));

  _budg_ledger_view_rebuild (self);
}

/* Public API ------------------------------------------------------------------ */

/**
 * budg_ledger_view_new:
 * @context: the context whose bills are shown
 *
 * Returns: (transfer floating): a new #BudgLedgerView of all accounts
 */
GtkWidget *
budg_ledger_view_new (BudgContext *context)
{
  g_return_val_if_fail (BUDG_IS_CONTEXT (context), NULL);

  return g_object_new (BUDG_TYPE_LEDGER_VIEW, "context", context, NULL);
}

/**
 * budg_ledger_view_get_context:
 * @self: a #BudgLedgerView
 *
 * Returns: (transfer none): the context of @self
 */
BudgContext *
budg_ledger_view_get_context (BudgLedgerView *self)
{
  g_return_val_if_fail (BUDG_IS_LEDGER_VIEW (self), NULL);

  return self->context;
}

gint64
budg_ledger_view_get_account_id (BudgLedgerView *self)
{
  g_return_val_if_fail (BUDG_IS_LEDGER_VIEW (self), 0);

  return self->account_id;
}

/**
 * budg_ledger_view_set_account_id:
 * @self: a #BudgLedgerView
 * @account_id: the account whose bills to show, or 0 for all
 */
void
budg_ledger_view_set_account_id (BudgLedgerView *self,
                                 gint64          account_id)
{
  g_return_if_fail (BUDG_IS_LEDGER_VIEW (self));

  if (self->account_id == account_id)
    return;

  self->account_id = account_id;
  _budg_ledger_view_queue_rebuild (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT_ID]);
}

/**
 * budg_ledger_view_get_from:
 * @self: a #BudgLedgerView
 *
 * Returns: (nullable): the first day shown, or %NULL before the view has
 *   been shown with its default range
 */
const char *
budg_ledger_view_get_from (BudgLedgerView *self)
{
  g_return_val_if_fail (BUDG_IS_LEDGER_VIEW (self), NULL);

  return self->from;
}

/**
 * budg_ledger_view_get_to:
 * @self: a #BudgLedgerView
 *
 * Returns: (nullable): the last day shown
 */
const char *
budg_ledger_view_get_to (BudgLedgerView *self)
{
  g_return_val_if_fail (BUDG_IS_LEDGER_VIEW (self), NULL);

  return self->to;
}

/**
 * budg_ledger_view_set_range:
 * @self: a #BudgLedgerView
 * @from: (nullable): the first day to show, ISO 8601
 * @to: (nullable): the last day to show, on or after @from
 *
 * Shows the days from @from to @to; with either %NULL, the default range.
 */
void
budg_ledger_view_set_range (BudgLedgerView *self,
                            const char     *from,
                            const char     *to)
{
  g_autofree char *clean_from = NULL;
  g_autofree char *clean_to = NULL;

  g_return_if_fail (BUDG_IS_LEDGER_VIEW (self));

  if (from == NULL || to == NULL ||
      !(clean_from = budg_date_normalize (from, NULL)) ||
      !(clean_to = budg_date_normalize (to, NULL)) ||
      strcmp (clean_from, clean_to) > 0)
    {
      set_default_range (self);
      return;
    }

  set_range (self, clean_from, clean_to);
}

/**
 * budg_ledger_view_show_occurrence:
 * @self: a #BudgLedgerView
 * @bill_id: the bill
 * @occurrence_date: its occurrence
 * @due_date: the date it is due, which the range is widened to include
 *
 * Selects the row of one occurrence of a bill, now or when the rows are
 * next built: a notification opens Budg on its bill.
 */
void
budg_ledger_view_show_occurrence (BudgLedgerView *self,
                                  gint64          bill_id,
                                  const char     *occurrence_date,
                                  const char     *due_date)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  g_return_if_fail (BUDG_IS_LEDGER_VIEW (self));
  g_return_if_fail (occurrence_date != NULL);
  g_return_if_fail (due_date != NULL);

  self->pending_bill_id = bill_id;
  g_free (self->pending_occurrence);
  self->pending_occurrence = g_strdup (occurrence_date);

  if (self->from != NULL && self->to != NULL)
    {
      from = g_strdup (self->from);
      to = g_strdup (self->to);
    }
  else
    {
      g_autofree char *today = budg_date_today ();

      budg_ledger_default_range (budg_context_get_database (self->context), today, &from, &to);
    }

  if (strcmp (due_date, from) < 0)
    budg_set_str (&from, due_date);
  if (strcmp (due_date, to) > 0)
    budg_set_str (&to, due_date);

  set_range (self, from, to);
  select_pending (self, FALSE);
}

gboolean
budg_ledger_view_get_compact (BudgLedgerView *self)
{
  g_return_val_if_fail (BUDG_IS_LEDGER_VIEW (self), FALSE);

  return self->compact;
}

/**
 * budg_ledger_view_set_compact:
 * @self: a #BudgLedgerView
 * @compact: whether the view is narrow
 *
 * Hides the columns that can be done without (category, account) on a
 * narrow window, so that the amounts and balances stay in view.
 */
void
budg_ledger_view_set_compact (BudgLedgerView *self,
                              gboolean        compact)
{
  g_return_if_fail (BUDG_IS_LEDGER_VIEW (self));

  compact = !!compact;
  if (self->compact == compact)
    return;

  self->compact = compact;
  update_columns (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPACT]);
}

/**
 * budg_ledger_view_get_rows:
 * @self: a #BudgLedgerView
 *
 * Returns: (transfer none): the #BudgLedgerRow objects the table shows, in
 *   order
 */
GListModel *
budg_ledger_view_get_rows (BudgLedgerView *self)
{
  g_return_val_if_fail (BUDG_IS_LEDGER_VIEW (self), NULL);

  return G_LIST_MODEL (self->rows);
}
