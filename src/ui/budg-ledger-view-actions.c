/* budg-ledger-view-actions.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-ledger-view-actions"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "budg-amount-row.h"
#include "budg-bill-dialog.h"
#include "budg-date-row.h"
#include "budg-date.h"
#include "budg-due-store.h"
#include "budg-error.h"
#include "budg-ledger-cell.h"
#include "budg-ledger-view-private.h"
#include "budg-message-dialog.h"
#include "budg-money.h"

/* What can be done to the rows of the ledger: moving them (the drop, the
 * keyboard and a date picked on a calendar, each with an Undo), paying,
 * skipping, editing and deleting, and the row's menu that offers all of
 * it. Every change goes through BudgDueStore or BudgBillStore and is
 * followed by a rebuild of the view.
 */

/* Where a due bill was before a move, so that Undo can put it back: its
 * day, and its neighbours in that day's order.
 */
typedef struct
{
  GWeakRef      view;
  BudgDueStore *dues;
  gint64        due_id;
  char         *date;
  gint64        previous_id;
  gint64        next_id;
} MoveUndo;

/* A question about one due bill, asked in a dialog, or the Undo of a
 * change to one. */
typedef struct
{
  BudgLedgerView *view;
  BudgDueBill    *due;
  BudgAmountRow  *amount_row;
  BudgDateRow    *date_row;
} DueQuestion;

static void
move_undo_free (gpointer  data,
                GClosure *closure)
{
  MoveUndo *undo = data;

  g_weak_ref_clear (&undo->view);
  g_clear_object (&undo->dues);
  g_clear_pointer (&undo->date, g_free);
  g_free (undo);
}

static void
due_question_free (DueQuestion *question)
{
  g_clear_object (&question->view);
  g_clear_object (&question->due);
  g_clear_object (&question->amount_row);
  g_clear_object (&question->date_row);
  g_free (question);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DueQuestion, due_question_free)

static void
due_question_closure_notify (gpointer  data,
                             GClosure *closure)
{
  due_question_free (data);
}

static DueQuestion *
due_question_new (BudgLedgerView *view,
                  BudgDueBill    *due)
{
  DueQuestion *question = g_new0 (DueQuestion, 1);

  question->view = g_object_ref (view);
  question->due = g_object_ref (due);

  return question;
}

/* Helpers ---------------------------------------------------------------- */

static BudgDueStore *
get_dues (BudgLedgerView *self)
{
  return budg_context_get_dues (self->context);
}

static guint
n_rows (BudgLedgerView *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->rows));
}

static GtkWindow *
get_window (BudgLedgerView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static gboolean
find_position (BudgLedgerView *self,
               BudgLedgerRow  *row,
               guint          *out_position)
{
  return g_list_store_find (self->rows, row, out_position);
}

/* The due bill as the database has it now: the row may have been built
 * before a change that is still waiting for its rebuild, and the store
 * writes what it is given.
 */
static BudgDueBill *
dup_current_due (BudgLedgerView  *self,
                 BudgDueBill     *due,
                 GError         **error)
{
  return budg_due_store_get (get_dues (self), budg_due_bill_get_id (due), error);
}

/* Moving ----------------------------------------------------------------- */

static MoveUndo *
move_undo_new (BudgLedgerView  *self,
               BudgDueBill     *due,
               GError         **error)
{
  const char *date = budg_due_bill_get_due_date (due);
  g_autoptr(GPtrArray) day = NULL;
  MoveUndo *undo;

  day = budg_due_store_list (get_dues (self), date, date, 0, TRUE, error);
  if (day == NULL)
    return NULL;

  undo = g_new0 (MoveUndo, 1);
  g_weak_ref_init (&undo->view, self);
  undo->dues = g_object_ref (get_dues (self));
  undo->due_id = budg_due_bill_get_id (due);
  undo->date = g_strdup (date);

  for (guint i = 0; i < day->len; i++)
    {
      if (budg_due_bill_get_id (g_ptr_array_index (day, i)) != undo->due_id)
        continue;
      if (i > 0)
        undo->previous_id = budg_due_bill_get_id (g_ptr_array_index (day, i - 1));
      if (i + 1 < day->len)
        undo->next_id = budg_due_bill_get_id (g_ptr_array_index (day, i + 1));
      break;
    }

  return undo;
}

/* Puts the due bill back next to one of its old neighbours when that one
 * is still on the old day, or else last on that day.
 */
static gboolean
move_undo_apply (MoveUndo  *undo,
                 GError   **error)
{
  g_autoptr(BudgDueBill) due = budg_due_store_get (undo->dues, undo->due_id, error);
  const gint64 anchors[] = { undo->next_id, undo->previous_id };

  if (due == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (anchors); i++)
    {
      g_autoptr(BudgDueBill) anchor = NULL;

      if (anchors[i] == 0 || (anchor = budg_due_store_get (undo->dues, anchors[i], NULL)) == NULL ||
          g_strcmp0 (budg_due_bill_get_due_date (anchor), undo->date) != 0)
        continue;

      return budg_due_store_move (undo->dues, due, anchor, i == 1, error);
    }

  return budg_due_store_reschedule (undo->dues, due, undo->date, error);
}

static void
undo_move_clicked_cb (AdwToast *toast,
                      gpointer  user_data)
{
  MoveUndo *undo = user_data;
  g_autoptr(BudgLedgerView) self = g_weak_ref_get (&undo->view);
  g_autoptr(GError) error = NULL;

  if (!move_undo_apply (undo, &error))
    {
      if (self != NULL)
        _budg_ledger_view_show_error (self, error);
      else
        g_warning ("Could not undo a move: %s", error->message);
      return;
    }

  if (self != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      _budg_ledger_view_rebuild (self);
      _budg_ledger_view_select_due (self, undo->due_id);
      _budg_ledger_view_focus_selected (self);
    }
}

static void
add_move_toast (BudgLedgerView *self,
                const char     *title,
                MoveUndo       *undo)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_move_clicked_cb),
                         undo, move_undo_free, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* The first due bill after the snapshots of @date that follow @position,
 * if it is on the day after them; the place just after those snapshots.
 */
static BudgDueBill *
find_first_of_next_day (BudgLedgerView *self,
                        guint           position,
                        BudgDueBill    *moving,
                        const char     *next_day)
{
  guint n = n_rows (self);

  for (guint i = position + 1; i < n; i++)
    {
      BudgLedgerRow *row = _budg_ledger_view_get_row (self, i);
      BudgDueBill *due = budg_ledger_row_get_due_bill (row);

      if (due == NULL)
        {
          if (strcmp (budg_ledger_row_get_date (row), next_day) < 0)
            continue;
          return NULL;
        }
      if (budg_due_bill_get_id (due) == budg_due_bill_get_id (moving))
        continue;

      return g_strcmp0 (budg_due_bill_get_due_date (due), next_day) == 0 ? due : NULL;
    }

  return NULL;
}

/* Whether dropping @row next to @target leaves it where it is. */
static gboolean
is_in_place (BudgLedgerView *self,
             BudgLedgerRow  *row,
             BudgLedgerRow  *target,
             gboolean        after)
{
  guint row_position;
  guint target_position;

  if (budg_ledger_row_get_due_bill (target) == NULL ||
      g_strcmp0 (budg_ledger_row_get_date (row), budg_ledger_row_get_date (target)) != 0 ||
      !find_position (self, row, &row_position) || !find_position (self, target, &target_position))
    return FALSE;

  return after ? row_position == target_position + 1 : row_position + 1 == target_position;
}

/* What a drop of @row on @target does: before or after another due bill
 * (the store reschedules when that one is on another day), or on a
 * balance row, which ends its day: before it is last on that day, after it
 * first on the next.
 */
static gboolean
move_row (BudgLedgerView  *self,
          BudgLedgerRow   *row,
          BudgLedgerRow   *target,
          gboolean         after,
          GError         **error)
{
  BudgDueStore *dues = get_dues (self);
  BudgDueBill *target_due = budg_ledger_row_get_due_bill (target);
  g_autoptr(BudgDueBill) due = NULL;
  g_autoptr(BudgDueBill) anchor = NULL;
  g_autofree char *new_date = NULL;
  g_autofree char *title = NULL;
  g_autofree char *old_date = NULL;
  MoveUndo *undo;
  gboolean anchor_after = after;
  guint target_position;
  gboolean ok;

  if (budg_ledger_row_get_due_bill (row) == NULL)
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                   _("A balance stays on its day; only bills can be moved."));
      return FALSE;
    }
  if (row == target || is_in_place (self, row, target, after))
    return TRUE;

  if (!(due = dup_current_due (self, budg_ledger_row_get_due_bill (row), error)))
    return FALSE;
  old_date = g_strdup (budg_due_bill_get_due_date (due));

  if (target_due != NULL)
    {
      anchor = g_object_ref (target_due);
    }
  else if (!after)
    {
      new_date = g_strdup (budg_ledger_row_get_date (target));
    }
  else
    {
      BudgDueBill *first;

      new_date = budg_date_add_days (budg_ledger_row_get_date (target), 1);
      if (find_position (self, target, &target_position) &&
          (first = find_first_of_next_day (self, target_position, due, new_date)) != NULL)
        {
          anchor = g_object_ref (first);
          anchor_after = FALSE;
        }
    }

  if (anchor != NULL)
    {
      g_autoptr(BudgDueBill) current = dup_current_due (self, anchor, error);

      if (current == NULL)
        return FALSE;
      g_set_object (&anchor, current);
    }

  if (!(undo = move_undo_new (self, due, error)))
    return FALSE;

  if (anchor != NULL)
    ok = budg_due_store_move (dues, due, anchor, anchor_after, error);
  else
    ok = budg_due_store_reschedule (dues, due, new_date, error);

  if (!ok)
    {
      move_undo_free (undo, NULL);
      return FALSE;
    }

  _budg_ledger_view_rebuild (self);
  _budg_ledger_view_select_due (self, budg_due_bill_get_id (due));

  if (anchor == NULL || g_strcmp0 (old_date, budg_due_bill_get_due_date (due)) != 0)
    {
      g_autofree char *date = budg_date_format_short (budg_due_bill_get_due_date (due));

      /* Translators: shown in a toast after a bill was dragged to another
       * day; %1$s is its name, %2$s the new date. */
      title = g_markup_printf_escaped (_("Moved “%1$s” to %2$s"),
                                       budg_due_bill_get_name (due), date);
    }
  else if (anchor_after)
    {
      /* Translators: shown in a toast; %1$s and %2$s are bill names. */
      title = g_markup_printf_escaped (_("Moved “%1$s” after “%2$s”"),
                                       budg_due_bill_get_name (due),
                                       budg_due_bill_get_name (anchor));
    }
  else
    {
      /* Translators: shown in a toast; %1$s and %2$s are bill names. */
      title = g_markup_printf_escaped (_("Moved “%1$s” before “%2$s”"),
                                       budg_due_bill_get_name (due),
                                       budg_due_bill_get_name (anchor));
    }

  add_move_toast (self, title, undo);

  return TRUE;
}

static void
move_selected (BudgLedgerView *self,
               gboolean        down)
{
  g_autoptr(GError) error = NULL;
  guint position;
  BudgLedgerRow *row = _budg_ledger_view_lookup_due_row (self, 0, &position);

  if (row == NULL || (!down && position == 0) || (down && position + 1 >= n_rows (self)))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  if (!budg_ledger_view_move_row (self, position, down ? position + 1 : position - 1, down, &error))
    _budg_ledger_view_show_error (self, error);

  _budg_ledger_view_focus_selected (self);
}

static void
move_up_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  move_selected (BUDG_LEDGER_VIEW (widget), FALSE);
}

static void
move_down_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  move_selected (BUDG_LEDGER_VIEW (widget), TRUE);
}

/* Paying and skipping ------------------------------------------------------ */

static void
set_paid (BudgLedgerView *self,
          BudgLedgerRow  *row,
          gboolean        paid)
{
  g_autoptr(BudgDueBill) due = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;

  due = dup_current_due (self, budg_ledger_row_get_due_bill (row), &error);
  if (due != NULL && paid != (budg_due_bill_get_status (due) == BUDG_DUE_STATUS_PAID))
    {
      if (paid)
        ok = budg_due_store_pay (get_dues (self), due, NULL, FALSE, 0, &error) != 0;
      else
        ok = budg_due_store_unpay (get_dues (self), due, &error);
    }

  if (due == NULL || !ok)
    _budg_ledger_view_show_error (self, error);

  /* Also after a failure, so that the check shows what is stored. */
  _budg_ledger_view_queue_rebuild (self);
}

static void
toggle_paid_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  BudgLedgerView *self = BUDG_LEDGER_VIEW (widget);
  BudgLedgerRow *row = _budg_ledger_view_lookup_due_row (self, g_variant_get_int64 (parameter),
                                                         NULL);
  BudgDueBill *due = row != NULL ? budg_ledger_row_get_due_bill (row) : NULL;

  if (due == NULL || budg_due_bill_get_status (due) == BUDG_DUE_STATUS_SKIPPED)
    {
      gtk_widget_error_bell (widget);
      return;
    }

  set_paid (self, row, budg_due_bill_get_status (due) != BUDG_DUE_STATUS_PAID);
}

static void
undo_skip_clicked_cb (AdwToast    *toast,
                      DueQuestion *undo)
{
  BudgDueStore *dues = get_dues (undo->view);
  g_autoptr(BudgDueBill) current = NULL;
  g_autoptr(GError) error = NULL;

  if ((current = dup_current_due (undo->view, undo->due, &error)) == NULL ||
      !budg_due_store_skip (dues, current, FALSE, &error))
    _budg_ledger_view_show_error (undo->view, error);
}

static void
toggle_skipped_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  BudgLedgerView *self = BUDG_LEDGER_VIEW (widget);
  BudgLedgerRow *row = _budg_ledger_view_lookup_due_row (self, g_variant_get_int64 (parameter),
                                                         NULL);
  g_autoptr(BudgDueBill) due = NULL;
  g_autoptr(GError) error = NULL;
  gboolean skip;

  if (row == NULL)
    {
      gtk_widget_error_bell (widget);
      return;
    }

  if (!(due = dup_current_due (self, budg_ledger_row_get_due_bill (row), &error)))
    {
      _budg_ledger_view_show_error (self, error);
      return;
    }

  skip = budg_due_bill_get_status (due) != BUDG_DUE_STATUS_SKIPPED;
  if (!budg_due_store_skip (get_dues (self), due, skip, &error))
    {
      _budg_ledger_view_show_error (self, error);
      return;
    }

  _budg_ledger_view_rebuild (self);

  if (skip)
    {
      g_autofree char *date = budg_date_format_short (budg_due_bill_get_due_date (due));
      g_autofree char *title = NULL;
      AdwToast *toast;

      /* Translators: shown in a toast; %1$s is a bill's name, %2$s its date. */
      title = g_markup_printf_escaped (_("Skipped “%1$s” on %2$s"),
                                       budg_due_bill_get_name (due), date);
      toast = adw_toast_new (title);
      adw_toast_set_button_label (toast, _("_Undo"));
      g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_skip_clicked_cb),
                             due_question_new (self, due), due_question_closure_notify, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
}

/* Moving to a date ----------------------------------------------------------- */

/* Where the row at @position is on the screen, for a popover to point at:
 * the focused widget when it is in that row, else the top of the table.
 */
static void
point_popover_at_selection (BudgLedgerView *self,
                            GtkWidget      *popover)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GdkRectangle rect = { 0, 0, gtk_widget_get_width (GTK_WIDGET (self)), 1 };
  graphene_rect_t bounds;

  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->column_view)) &&
      gtk_widget_compute_bounds (focus, GTK_WIDGET (self), &bounds))
    {
      rect.x = (int) bounds.origin.x;
      rect.y = (int) bounds.origin.y;
      rect.width = MAX (1, (int) bounds.size.width);
      rect.height = MAX (1, (int) bounds.size.height);
    }
  else if (gtk_widget_compute_bounds (GTK_WIDGET (self->column_view), GTK_WIDGET (self), &bounds))
    {
      rect.y = (int) bounds.origin.y;
    }

  gtk_popover_set_pointing_to (GTK_POPOVER (popover), &rect);
}

static void
date_day_selected_cb (BudgLedgerView *self)
{
  g_autofree char *date = _budg_ledger_view_dup_calendar_day (self->date_calendar);
  BudgLedgerRow *row = _budg_ledger_view_lookup_due_row (self, self->date_popover_due_id, NULL);
  g_autoptr(BudgDueBill) due = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *shown = NULL;
  MoveUndo *undo;

  gtk_popover_popdown (GTK_POPOVER (self->date_popover));

  if (row == NULL)
    return;
  if (!(due = dup_current_due (self, budg_ledger_row_get_due_bill (row), &error)) ||
      !(undo = move_undo_new (self, due, &error)))
    {
      _budg_ledger_view_show_error (self, error);
      return;
    }

  if (g_strcmp0 (date, budg_due_bill_get_due_date (due)) == 0)
    {
      move_undo_free (undo, NULL);
      return;
    }

  if (!budg_due_store_reschedule (get_dues (self), due, date, &error))
    {
      move_undo_free (undo, NULL);
      _budg_ledger_view_show_error (self, error);
      return;
    }

  _budg_ledger_view_rebuild (self);
  _budg_ledger_view_select_due (self, budg_due_bill_get_id (due));

  shown = budg_date_format_short (date);
  /* Translators: shown in a toast after a bill was moved to another day;
   * %1$s is its name, %2$s the new date. */
  title = g_markup_printf_escaped (_("Moved “%1$s” to %2$s"),
                                   budg_due_bill_get_name (due), shown);
  add_move_toast (self, title, undo);
}

static void
move_to_date_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BudgLedgerView *self = BUDG_LEDGER_VIEW (widget);
  BudgLedgerRow *row = _budg_ledger_view_lookup_due_row (self, g_variant_get_int64 (parameter),
                                                         NULL);
  BudgDueBill *due = row != NULL ? budg_ledger_row_get_due_bill (row) : NULL;

  if (due == NULL)
    {
      gtk_widget_error_bell (widget);
      return;
    }

  self->date_popover_due_id = budg_due_bill_get_id (due);

  g_signal_handlers_block_by_func (self->date_calendar, date_day_selected_cb, self);
  _budg_ledger_view_select_calendar_day (self->date_calendar, budg_due_bill_get_due_date (due));
  g_signal_handlers_unblock_by_func (self->date_calendar, date_day_selected_cb, self);

  point_popover_at_selection (self, self->date_popover);
  gtk_popover_popup (GTK_POPOVER (self->date_popover));
}

/* Paying with another amount or date ----------------------------------------- */

static void
pay_answered_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(DueQuestion) question = user_data;
  BudgLedgerView *self = question->view;
  g_autoptr(BudgDueBill) due = NULL;
  g_autoptr(GError) error = NULL;
  gint64 size;

  if (!budg_message_dialog_choose_finish (result, &error))
    return;

  if (!budg_amount_row_parse (question->amount_row, &size, &error) ||
      !(due = dup_current_due (self, question->due, &error)))
    {
      _budg_ledger_view_show_error (self, error);
      return;
    }

  /* Typed as the size of the payment; stored with the bill's sign. */
  size = budg_due_bill_get_amount_minor (due) < 0 ? -ABS (size) : ABS (size);

  if (budg_due_store_pay (get_dues (self), due, budg_date_row_get_date (question->date_row),
                          TRUE, size, &error) == 0)
    _budg_ledger_view_show_error (self, error);

  _budg_ledger_view_queue_rebuild (self);
}

/* "Pay…": records the payment as it really happened, which may be another
 * day and another amount than the bill said. */
static void
pay_details_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  BudgLedgerView *self = BUDG_LEDGER_VIEW (widget);
  BudgLedgerRow *row = _budg_ledger_view_lookup_due_row (self, g_variant_get_int64 (parameter),
                                                         NULL);
  BudgDueBill *due = row != NULL ? budg_ledger_row_get_due_bill (row) : NULL;
  g_autofree char *heading = NULL;
  g_autofree char *amount_text = NULL;
  g_autofree char *today = budg_date_today ();
  GtkWidget *group;
  DueQuestion *question;

  if (due == NULL || budg_due_bill_get_status (due) == BUDG_DUE_STATUS_PAID ||
      budg_due_bill_get_status (due) == BUDG_DUE_STATUS_SKIPPED)
    {
      gtk_widget_error_bell (widget);
      return;
    }

  group = adw_preferences_group_new ();
  question = due_question_new (self, due);
  question->amount_row = BUDG_AMOUNT_ROW (g_object_ref_sink (budg_amount_row_new ()));
  question->date_row = BUDG_DATE_ROW (g_object_ref_sink (budg_date_row_new ()));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (question->amount_row), _("Amount paid"));
  budg_amount_row_set_currency (question->amount_row, budg_due_bill_get_currency (due));
  amount_text = budg_money_format_plain (ABS (budg_due_bill_get_amount_minor (due)),
                                         budg_due_bill_get_currency (due));
  gtk_editable_set_text (GTK_EDITABLE (question->amount_row), amount_text);

  /* A bill paid ahead is paid today; one paid late, too. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (question->date_row), _("Paid on"));
  budg_date_row_set_date (question->date_row, today);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (question->amount_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (question->date_row));

  /* Translators: %s is a bill's name. */
  heading = g_strdup_printf (_("Pay “%s”"), budg_due_bill_get_name (due));
  budg_message_dialog_choose_with_extra_child_async (get_window (self), heading,
                                                     _("The payment is recorded as a transaction of its account."),
                                                     group, _("_Cancel"), _("_Pay"), FALSE,
                                                     NULL, pay_answered_cb, question);
}

/* Editing and deleting ------------------------------------------------------- */

static void
present_transient (BudgLedgerView *self,
                   GtkWidget      *window)
{
  gtk_window_set_transient_for (GTK_WINDOW (window), get_window (self));
  gtk_window_present (GTK_WINDOW (window));
}

static void
occurrence_answered_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(DueQuestion) question = user_data;
  BudgLedgerView *self = question->view;
  BudgDueStore *dues = get_dues (self);
  g_autoptr(BudgDueBill) due = NULL;
  g_autoptr(GError) error = NULL;
  const char *date = budg_date_row_get_date (question->date_row);
  gint64 size;

  if (!budg_message_dialog_choose_finish (result, &error))
    return;

  if (!budg_amount_row_parse (question->amount_row, &size, &error) ||
      !(due = dup_current_due (self, question->due, &error)))
    {
      _budg_ledger_view_show_error (self, error);
      return;
    }

  /* The amount is entered as the bill's size; the stored one has its sign. */
  if (budg_due_bill_get_amount_minor (due) < 0)
    size = -ABS (size);
  else
    size = ABS (size);

  if ((size != budg_due_bill_get_amount_minor (due) &&
       !budg_due_store_set_amount (dues, due, size, &error)) ||
      (g_strcmp0 (date, budg_due_bill_get_due_date (due)) != 0 &&
       !budg_due_store_reschedule (dues, due, date, &error)))
    {
      _budg_ledger_view_show_error (self, error);
      return;
    }
}

/* "Only this one": the amount and the date of the one occurrence. */
static void
edit_occurrence (BudgLedgerView *self,
                 BudgDueBill    *due)
{
  g_autofree char *date = budg_date_format_short (budg_due_bill_get_due_date (due));
  g_autofree char *heading = NULL;
  g_autofree char *amount_text = NULL;
  GtkWidget *group = adw_preferences_group_new ();
  DueQuestion *question = due_question_new (self, due);

  question->amount_row = BUDG_AMOUNT_ROW (g_object_ref_sink (budg_amount_row_new ()));
  question->date_row = BUDG_DATE_ROW (g_object_ref_sink (budg_date_row_new ()));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (question->amount_row), _("Amount"));
  budg_amount_row_set_currency (question->amount_row, budg_due_bill_get_currency (due));
  amount_text = budg_money_format_plain (ABS (budg_due_bill_get_amount_minor (due)),
                                         budg_due_bill_get_currency (due));
  gtk_editable_set_text (GTK_EDITABLE (question->amount_row), amount_text);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (question->date_row), _("Due date"));
  budg_date_row_set_date (question->date_row, budg_due_bill_get_due_date (due));

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (question->amount_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (question->date_row));

  /* Translators: %1$s is a bill's name, %2$s its due date. */
  heading = g_strdup_printf (_("Change “%1$s” Due on %2$s"),
                             budg_due_bill_get_name (due), date);
  budg_message_dialog_choose_with_extra_child_async (get_window (self), heading,
                                                     _("Its other dates stay as they are."), group,
                                                     _("_Cancel"), _("_Save"), FALSE,
                                                     NULL, occurrence_answered_cb, question);
}

static void
edit_scope_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        DueQuestion      *question)
{
  BudgLedgerView *self = question->view;
  BudgBill *bill = budg_bill_store_lookup (budg_context_get_bills (self->context),
                                           budg_due_bill_get_bill_id (question->due));

  const char *from = budg_due_bill_get_occurrence_date (question->due);

  if (g_str_equal (response, "occurrence"))
    edit_occurrence (self, question->due);
  else if (g_str_equal (response, "future") && bill != NULL)
    present_transient (self, budg_bill_dialog_new (self->context, bill, from));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BudgLedgerView *self = BUDG_LEDGER_VIEW (widget);
  BudgLedgerRow *row = _budg_ledger_view_lookup_due_row (self, g_variant_get_int64 (parameter),
                                                         NULL);
  BudgDueBill *due = row != NULL ? budg_ledger_row_get_due_bill (row) : NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autofree char *date = NULL;
  AdwMessageDialog *dialog;

  if (due == NULL)
    {
      gtk_widget_error_bell (widget);
      return;
    }

  date = budg_date_format_short (budg_due_bill_get_due_date (due));
  /* Translators: %s is a bill's name. */
  heading = g_strdup_printf (_("Change “%s”?"), budg_due_bill_get_name (due));
  /* Translators: %s is the due date of the bill being changed. */
  body = g_strdup_printf (_("Change only the bill due on %s, or this one and all later ones?"),
                          date);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (get_window (self), heading, body));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "occurrence", _("_Only This One"),
                                    "future", _("_This and Later Ones"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "future", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "occurrence");
  adw_message_dialog_set_close_response (dialog, "cancel");

  g_signal_connect_data (dialog, "response", G_CALLBACK (edit_scope_response_cb),
                         due_question_new (self, due), due_question_closure_notify, 0);

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
delete_answered_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(DueQuestion) question = user_data;
  BudgBillStore *bills = budg_context_get_bills (question->view->context);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  BudgBill *bill;

  if (!budg_message_dialog_choose_finish (result, &error))
    return;

  bill = budg_bill_store_lookup (bills, budg_due_bill_get_bill_id (question->due));
  if (bill == NULL)
    return;

  /* Translators: shown in a toast; %s is a bill's name. */
  title = g_markup_printf_escaped (_("Deleted “%s”"), budg_bill_get_name (bill));

  if (!budg_bill_store_delete (bills, bill, &error))
    {
      _budg_ledger_view_show_error (question->view, error);
      return;
    }

  adw_toast_overlay_add_toast (question->view->toast_overlay, adw_toast_new (title));
}

static void
delete_bill_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  BudgLedgerView *self = BUDG_LEDGER_VIEW (widget);
  BudgLedgerRow *row = _budg_ledger_view_lookup_due_row (self, g_variant_get_int64 (parameter),
                                                         NULL);
  BudgDueBill *due = row != NULL ? budg_ledger_row_get_due_bill (row) : NULL;
  g_autofree char *heading = NULL;
  DueQuestion *question;

  if (due == NULL)
    {
      gtk_widget_error_bell (widget);
      return;
    }

  question = due_question_new (self, due);

  /* Translators: %s is a bill's name. */
  heading = g_strdup_printf (_("Delete “%s”?"), budg_due_bill_get_name (due));
  budg_message_dialog_choose_async (get_window (self), heading,
                                    _("All its dates, past and to come, go with it. This cannot "
                                      "be undone. Payments already recorded stay in the "
                                      "transactions."),
                                    _("_Cancel"), _("_Delete"), TRUE,
                                    NULL, delete_answered_cb, question);
}

static void
column_view_activate_cb (BudgLedgerView *self,
                         guint           position,
                         GtkColumnView  *column_view)
{
  BudgLedgerRow *row = position < n_rows (self) ? _budg_ledger_view_get_row (self, position) : NULL;
  BudgDueBill *due = row != NULL ? budg_ledger_row_get_due_bill (row) : NULL;

  if (due != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "ledger.edit", "x", budg_due_bill_get_id (due));
}

/* The context menu ----------------------------------------------------------- */

static GMenuModel *
create_menu_model (BudgDueBill *due)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) status_section = g_menu_new ();
  g_autoptr(GMenu) edit_section = g_menu_new ();
  g_autoptr(GMenu) delete_section = g_menu_new ();
  BudgDueStatus status = budg_due_bill_get_status (due);
  GVariant *target = g_variant_new_int64 (budg_due_bill_get_id (due));
  struct {
    GMenu      *section;
    const char *label;
    const char *action;
  } items[] = {
    { status_section, status == BUDG_DUE_STATUS_PAID ? _("_Undo Payment") : _("Mark as _Paid"),
      "ledger.toggle-paid" },
    { status_section, _("P_ay…"), "ledger.pay-details" },
    { status_section, status == BUDG_DUE_STATUS_SKIPPED ? _("Undo S_kip") : _("_Skip"),
      "ledger.toggle-skipped" },
    { edit_section, _("_Edit Bill…"), "ledger.edit" },
    { edit_section, _("_Move to Date…"), "ledger.move-to-date" },
    { delete_section, _("_Delete Bill…"), "ledger.delete-bill" },
  };

  g_variant_ref_sink (target);

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      g_autoptr(GMenuItem) item = NULL;

      /* A skipped bill is brought back before it is paid. */
      if ((status == BUDG_DUE_STATUS_SKIPPED || status == BUDG_DUE_STATUS_PAID) &&
          g_str_equal (items[i].action, "ledger.pay-details"))
        continue;
      if (status == BUDG_DUE_STATUS_SKIPPED && g_str_equal (items[i].action, "ledger.toggle-paid"))
        continue;
      if (status == BUDG_DUE_STATUS_PAID && g_str_equal (items[i].action, "ledger.toggle-skipped"))
        continue;

      item = g_menu_item_new (items[i].label, NULL);
      g_menu_item_set_action_and_target_value (item, items[i].action, target);
      g_menu_append_item (items[i].section, item);
    }

  g_variant_unref (target);

  g_menu_append_section (menu, NULL, G_MENU_MODEL (status_section));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (edit_section));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (delete_section));

  return G_MENU_MODEL (g_steal_pointer (&menu));
}

static void
popup_menu (BudgLedgerView *self,
            BudgLedgerRow  *row)
{
  g_autoptr(GMenuModel) menu = create_menu_model (budg_ledger_row_get_due_bill (row));

  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->context_menu), menu);
  gtk_popover_popup (GTK_POPOVER (self->context_menu));
}

/* The cell under a point of the column view, also in the padding around
 * the cells' children. */
static BudgLedgerCell *
pick_cell (BudgLedgerView *self,
           double          x,
           double          y)
{
  GtkWidget *column_view = GTK_WIDGET (self->column_view);
  GtkWidget *picked = gtk_widget_pick (column_view, x, y, GTK_PICK_DEFAULT);

  for (GtkWidget *widget = picked; widget != NULL && widget != column_view;
       widget = gtk_widget_get_parent (widget))
    {
      GtkWidget *child = gtk_widget_get_first_child (widget);
      GtkWidget *grandchild = child != NULL ? gtk_widget_get_first_child (child) : NULL;

      if (BUDG_IS_LEDGER_CELL (widget))
        return BUDG_LEDGER_CELL (widget);
      if (BUDG_IS_LEDGER_CELL (child))
        return BUDG_LEDGER_CELL (child);
      if (BUDG_IS_LEDGER_CELL (grandchild))
        return BUDG_LEDGER_CELL (grandchild);
    }

  return NULL;
}

static void
popup_menu_at (BudgLedgerView *self,
               double          x,
               double          y)
{
  BudgLedgerCell *cell = pick_cell (self, x, y);
  BudgLedgerRow *row = cell != NULL ? budg_ledger_cell_get_row (cell) : NULL;

  if (row != NULL)
    _budg_ledger_view_popup_menu (self, row, GTK_WIDGET (self->column_view), x, y);
}

static void
secondary_click_pressed_cb (BudgLedgerView  *self,
                            int              n_press,
                            double           x,
                            double           y,
                            GtkGestureClick *gesture)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  popup_menu_at (self, x, y);
}

static void
long_press_pressed_cb (BudgLedgerView      *self,
                       double               x,
                       double               y,
                       GtkGestureLongPress *gesture)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  popup_menu_at (self, x, y);
}

static void
popup_menu_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  BudgLedgerView *self = BUDG_LEDGER_VIEW (widget);
  BudgLedgerRow *row = _budg_ledger_view_lookup_due_row (self, 0, NULL);

  if (row == NULL)
    {
      gtk_widget_error_bell (widget);
      return;
    }

  point_popover_at_selection (self, self->context_menu);
  popup_menu (self, row);
}

/* Private API ---------------------------------------------------------------- */

void
_budg_ledger_view_drop (BudgLedgerView *self,
                        BudgLedgerRow  *dragged,
                        BudgLedgerRow  *target,
                        gboolean        after)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (BUDG_IS_LEDGER_VIEW (self));

  if (!move_row (self, dragged, target, after, &error))
    _budg_ledger_view_show_error (self, error);
}

void
_budg_ledger_view_set_paid (BudgLedgerView *self,
                            BudgLedgerRow  *row,
                            gboolean        paid)
{
  g_return_if_fail (BUDG_IS_LEDGER_VIEW (self));
  g_return_if_fail (BUDG_IS_LEDGER_ROW (row));

  if (budg_ledger_row_get_due_bill (row) != NULL)
    set_paid (self, row, paid);
}

void
_budg_ledger_view_popup_menu (BudgLedgerView *self,
                              BudgLedgerRow  *row,
                              GtkWidget      *widget,
                              double          x,
                              double          y)
{
  graphene_point_t point;
  GdkRectangle rect;
  guint position;

  g_return_if_fail (BUDG_IS_LEDGER_VIEW (self));
  g_return_if_fail (BUDG_IS_LEDGER_ROW (row));

  /* Like a file manager: the row the menu is for becomes the selected one. */
  if (find_position (self, row, &position))
    gtk_single_selection_set_selected (self->selection, position);

  if (budg_ledger_row_get_due_bill (row) == NULL)
    return;

  if (!gtk_widget_compute_point (widget, GTK_WIDGET (self),
                                 &GRAPHENE_POINT_INIT ((float) x, (float) y), &point))
    point = GRAPHENE_POINT_INIT (0, 0);

  rect = (GdkRectangle) { (int) point.x, (int) point.y, 1, 1 };
  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_menu), &rect);
  popup_menu (self, row);
}

gboolean
budg_ledger_view_move_row (BudgLedgerView  *self,
                           guint            from_position,
                           guint            to_position,
                           gboolean         after,
                           GError         **error)
{
  g_return_val_if_fail (BUDG_IS_LEDGER_VIEW (self), FALSE);
  g_return_val_if_fail (from_position < n_rows (self), FALSE);
  g_return_val_if_fail (to_position < n_rows (self), FALSE);

  return move_row (self, _budg_ledger_view_get_row (self, from_position),
                   _budg_ledger_view_get_row (self, to_position), after, error);
}

/* Setup -------------------------------------------------------------------- */

void
_budg_ledger_view_class_actions_init (BudgLedgerViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const struct {
    guint           keyval;
    GdkModifierType mods;
    const char     *action;
    gboolean        with_id;
  } keys[] = {
    { GDK_KEY_Up, GDK_ALT_MASK, "ledger.move-up", FALSE },
    { GDK_KEY_Down, GDK_ALT_MASK, "ledger.move-down", FALSE },
    { GDK_KEY_p, GDK_CONTROL_MASK, "ledger.toggle-paid", TRUE },
    { GDK_KEY_p, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "ledger.pay-details", TRUE },
    { GDK_KEY_k, GDK_CONTROL_MASK, "ledger.toggle-skipped", TRUE },
    { GDK_KEY_F2, 0, "ledger.edit", TRUE },
    { GDK_KEY_e, GDK_CONTROL_MASK, "ledger.edit", TRUE },
    { GDK_KEY_m, GDK_CONTROL_MASK, "ledger.move-to-date", TRUE },
    { GDK_KEY_Delete, 0, "ledger.delete-bill", TRUE },
    { GDK_KEY_Menu, 0, "ledger.popup-menu", FALSE },
    { GDK_KEY_F10, GDK_SHIFT_MASK, "ledger.popup-menu", FALSE },
  };

  gtk_widget_class_install_action (widget_class, "ledger.toggle-paid", "x", toggle_paid_action);
  gtk_widget_class_install_action (widget_class, "ledger.pay-details", "x", pay_details_action);
  gtk_widget_class_install_action (widget_class, "ledger.toggle-skipped", "x",
                                   toggle_skipped_action);
  gtk_widget_class_install_action (widget_class, "ledger.edit", "x", edit_action);
  gtk_widget_class_install_action (widget_class, "ledger.move-to-date", "x", move_to_date_action);
  gtk_widget_class_install_action (widget_class, "ledger.delete-bill", "x", delete_bill_action);
  gtk_widget_class_install_action (widget_class, "ledger.move-up", NULL, move_up_action);
  gtk_widget_class_install_action (widget_class, "ledger.move-down", NULL, move_down_action);
  gtk_widget_class_install_action (widget_class, "ledger.popup-menu", NULL, popup_menu_action);

  /* Keep these in step with gtk/help-overlay.ui. They act on the selected
   * row (0 is "the selected one" for the actions that take a due bill).
   */
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      if (keys[i].with_id)
        gtk_widget_class_add_binding_action (widget_class, keys[i].keyval, keys[i].mods,
                                             keys[i].action, "x", G_GINT64_CONSTANT (0));
      else
        gtk_widget_class_add_binding_action (widget_class, keys[i].keyval, keys[i].mods,
                                             keys[i].action, NULL);
    }
}

void
_budg_ledger_view_actions_init (BudgLedgerView *self)
{
  GtkGesture *click;
  GtkGesture *long_press;
  GtkWidget *calendar;

  g_signal_connect_object (self->column_view, "activate", G_CALLBACK (column_view_activate_cb),
                           self, G_CONNECT_SWAPPED);

  /* The row menu's gestures are the table's rather than each cell's: a
   * long press or right click anywhere on a row. */
  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect_object (click, "pressed", G_CALLBACK (secondary_click_pressed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), GTK_EVENT_CONTROLLER (click));

  long_press = gtk_gesture_long_press_new ();
  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (long_press), TRUE);
  g_signal_connect_object (long_press, "pressed", G_CALLBACK (long_press_pressed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), GTK_EVENT_CONTROLLER (long_press));

  self->context_menu = gtk_popover_menu_new_from_model (NULL);
  gtk_popover_set_has_arrow (GTK_POPOVER (self->context_menu), FALSE);
  gtk_widget_set_halign (self->context_menu, GTK_ALIGN_START);
  gtk_widget_set_parent (self->context_menu, GTK_WIDGET (self));

  calendar = gtk_calendar_new ();
  self->date_calendar = GTK_CALENDAR (calendar);
  g_signal_connect_object (calendar, "day-selected", G_CALLBACK (date_day_selected_cb), self,
                           G_CONNECT_SWAPPED);
  self->date_popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (self->date_popover), calendar);
  gtk_widget_set_parent (self->date_popover, GTK_WIDGET (self));
}
