/* budg-window-private.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "budg-bank-sync.h"
#include "budg-budgets-view.h"
#include "budg-goals-view.h"
#include "budg-ledger-view.h"
#include "budg-register-view.h"
#include "budg-reports-view.h"
#include "budg-sidebar.h"
#include "budg-window.h"

G_BEGIN_DECLS

struct _BudgWindow
{
  AdwApplicationWindow  parent_instance;

  BudgContext          *context;
  GSettings            *settings;
  GdkFrameClock        *frame_clock;
  gulong                after_paint_handler;
  gboolean              ready;

  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar_pane;
  GtkWidget            *sidebar_separator;
  GtkWidget            *content_pane;
  BudgSidebar          *sidebar;
  AdwViewSwitcherTitle *view_switcher_title;
  AdwViewStack         *view_stack;
  AdwViewSwitcherBar   *view_switcher_bar;
  AdwBin               *bills_bin;
  BudgLedgerView       *ledger_view;
  AdwBin               *transactions_bin;
  BudgRegisterView     *register_view;
  AdwBin               *budgets_bin;
  BudgBudgetsView      *budgets_view;
  AdwBin               *goals_bin;
  BudgGoalsView        *goals_view;
  AdwBin               *reports_bin;
  BudgReportsView      *reports_view;
  BudgBankSync         *bank_sync;
};

void         _budg_window_class_actions_init (BudgWindowClass *klass);
void         _budg_window_update_actions     (BudgWindow      *self);
BudgAccount *_budg_window_dup_account        (BudgWindow      *self,
                                              gint64           account_id);
void         _budg_window_show_error         (BudgWindow      *self,
                                              const GError    *error);

G_END_DECLS
