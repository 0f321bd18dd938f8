/* budg-ledger-view-private.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "budg-ledger-row.h"
#include "budg-ledger-view.h"

G_BEGIN_DECLS

/* Shared by budg-ledger-view.c (the range and the rows) and
 * budg-ledger-view-actions.c (what is done to the rows). */
struct _BudgLedgerView
{
  GtkWidget            parent_instance;

  BudgContext         *context;
  gint64               account_id;
  char                *from;
  char                *to;
  gboolean             compact;
  gboolean             stale;
  guint                reload_source;
  GListStore          *rows;
  GtkSingleSelection  *selection;
  GtkWidget           *context_menu;
  GtkWidget           *date_popover;
  GtkCalendar         *date_calendar;
  gint64               date_popover_due_id;
  /* The occurrence to select once the rows are built (from a notification). */
  gint64               pending_bill_id;
  char                *pending_occurrence;

  AdwToastOverlay     *toast_overlay;
  GtkStack            *stack;
  AdwStatusPage       *error_status;
  GtkMenuButton       *from_button;
  GtkCalendar         *from_calendar;
  GtkMenuButton       *to_button;
  GtkCalendar         *to_calendar;
  GtkFlowBox          *lows_box;
  GtkStack            *table_stack;
  AdwStatusPage       *nothing_status;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *account_column;
  GtkColumnViewColumn *status_column;
};

void           _budg_ledger_view_class_actions_init  (BudgLedgerViewClass *klass);
void           _budg_ledger_view_actions_init        (BudgLedgerView      *self);
void           _budg_ledger_view_rebuild             (BudgLedgerView      *self);
void           _budg_ledger_view_queue_rebuild       (BudgLedgerView      *self);
BudgLedgerRow *_budg_ledger_view_get_row             (BudgLedgerView      *self,
                                                      guint                position);
BudgLedgerRow *_budg_ledger_view_lookup_due_row      (BudgLedgerView      *self,
                                                      gint64               due_id,
                                                      guint               *out_position);
void           _budg_ledger_view_select_due          (BudgLedgerView      *self,
                                                      gint64               due_id);
void           _budg_ledger_view_focus_selected      (BudgLedgerView      *self);
void           _budg_ledger_view_show_error          (BudgLedgerView      *self,
                                                      const GError        *error);
void           _budg_ledger_view_select_calendar_day (GtkCalendar         *calendar,
                                                      const char          *iso);
char          *_budg_ledger_view_dup_calendar_day    (GtkCalendar         *calendar);

/* What the cells of the ledger ask of the view they are in. */
void      _budg_ledger_view_drop         (BudgLedgerView *self,
                                          BudgLedgerRow  *dragged,
                                          BudgLedgerRow  *target,
                                          gboolean        after);
void      _budg_ledger_view_set_paid     (BudgLedgerView *self,
                                          BudgLedgerRow  *row,
                                          gboolean        paid);
void      _budg_ledger_view_popup_menu   (BudgLedgerView *self,
                                          BudgLedgerRow  *row,
                                          GtkWidget      *widget,
                                          double          x,
                                          double          y);
char     *_budg_ledger_view_describe_row (BudgLedgerView *self,
                                          BudgLedgerRow  *row);

/* The operations behind the pointer and the keyboard, for tests: what a
 * drop of row @from_position on the row at @to_position does (in its
 * lower half with @after), and a rebuild that happens now rather than
 * when the main loop is idle.
 */
gboolean  budg_ledger_view_move_row      (BudgLedgerView *self,
                                          guint           from_position,
                                          guint           to_position,
                                          gboolean        after,
                                          GError        **error);
void      budg_ledger_view_reload        (BudgLedgerView *self);

G_END_DECLS
