/* budg-register-view-private.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "budg-register-selection.h"
#include "budg-register-view.h"

G_BEGIN_DECLS

struct _BudgRegisterView
{
  GtkWidget             parent_instance;

  BudgContext          *context;
  BudgRegisterModel    *model;
  BudgRegisterSelection *selection;
  BudgTransactionQuery  query;            /* strings owned, see query_set_text() */
  gboolean              has_filter_error;
  gboolean              active;
  gboolean              loaded;
  gboolean              compact;
  guint                 summary_source;

  /* Which column header GTK says is sorted, found out by probing the
   * column view's sorter (GTK 4.8 has no API to ask). */
  int                   probed_column;

  /* Template children */
  AdwToastOverlay      *toast_overlay;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkMenuButton        *filter_button;
  GtkMenuButton        *saved_button;
  GtkLabel             *summary_label;
  GtkWidget            *reconcile_button;
  GtkStack             *stack;
  AdwStatusPage        *empty_status;
  AdwStatusPage        *error_status;
  GtkScrolledWindow    *scrolled_window;
  GtkColumnView        *column_view;
  GtkColumnViewColumn  *date_column;
  GtkColumnViewColumn  *account_column;
  GtkColumnViewColumn  *payee_column;
  GtkColumnViewColumn  *category_column;
  GtkColumnViewColumn  *memo_column;
  GtkColumnViewColumn  *status_column;
  GtkColumnViewColumn  *amount_column;
  GtkColumnViewColumn  *balance_column;
  GtkActionBar         *selection_bar;
  GtkLabel             *selection_label;
  GtkMenuButton        *category_menu_button;
  GtkPopover           *filter_popover;
  AdwEntryRow          *from_row;
  AdwEntryRow          *to_row;
  AdwEntryRow          *payee_row;
  AdwComboRow          *category_row;
  AdwEntryRow          *min_amount_row;
  AdwEntryRow          *max_amount_row;
  GtkCheckButton       *pending_check;
  GtkCheckButton       *cleared_check;
  GtkCheckButton       *reconciled_check;
  GtkLabel             *filter_error_label;
  GtkStringList        *category_choices;
  GArray               *category_choice_ids;   /* gint64, aligned with category_choices */
};

/* budg-register-view.c */
void      _budg_register_view_apply_query         (BudgRegisterView *self);
void      _budg_register_view_clear_filters       (BudgRegisterView *self);
const char *_budg_register_view_get_currency      (BudgRegisterView *self);
GArray   *_budg_register_view_get_selected_ids    (BudgRegisterView *self);
void      _budg_register_view_toast               (BudgRegisterView *self,
                                                   const char       *title);
void      _budg_register_view_rebuild_saved_menu  (BudgRegisterView *self);

/* budg-register-view-actions.c */
void      _budg_register_view_class_actions_init  (GtkWidgetClass   *widget_class);
void      _budg_register_view_update_actions      (BudgRegisterView *self);
void      _budg_register_view_edit_position       (BudgRegisterView *self,
                                                   guint             position);

G_END_DECLS
