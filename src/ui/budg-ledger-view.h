/* budg-ledger-view.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "budg-context.h"

G_BEGIN_DECLS

#define BUDG_TYPE_LEDGER_VIEW (budg_ledger_view_get_type ())

G_DECLARE_FINAL_TYPE (BudgLedgerView, budg_ledger_view, BUDG, LEDGER_VIEW, GtkWidget)

GtkWidget   *budg_ledger_view_new            (BudgContext    *context) G_GNUC_WARN_UNUSED_RESULT;
BudgContext *budg_ledger_view_get_context    (BudgLedgerView *self);
gint64       budg_ledger_view_get_account_id (BudgLedgerView *self);
void         budg_ledger_view_set_account_id (BudgLedgerView *self,
                                              gint64          account_id);
const char  *budg_ledger_view_get_from       (BudgLedgerView *self);
const char  *budg_ledger_view_get_to         (BudgLedgerView *self);
void         budg_ledger_view_set_range      (BudgLedgerView *self,
                                              const char     *from,
                                              const char     *to);
gboolean     budg_ledger_view_get_compact    (BudgLedgerView *self);
void         budg_ledger_view_set_compact    (BudgLedgerView *self,
                                              gboolean        compact);
GListModel  *budg_ledger_view_get_rows       (BudgLedgerView *self);
void         budg_ledger_view_show_occurrence (BudgLedgerView *self,
                                               gint64          bill_id,
                                               const char     *occurrence_date,
                                               const char     *due_date);

G_END_DECLS
