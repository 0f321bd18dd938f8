/* budg-register-view.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "budg-context.h"
#include "budg-register-model.h"

G_BEGIN_DECLS

#define BUDG_TYPE_REGISTER_VIEW (budg_register_view_get_type ())

G_DECLARE_FINAL_TYPE (BudgRegisterView, budg_register_view, BUDG, REGISTER_VIEW, GtkWidget)

/* The Transactions view: every transaction of one account or all, paged
 * from SQLite, with search, filters, sorting by column, multi-selection
 * and the add / edit / delete / transfer / reconcile actions
 * ("register.*", see budg-register-view-actions.c).
 */
GtkWidget         *budg_register_view_new            (BudgContext      *context) G_GNUC_WARN_UNUSED_RESULT;
BudgContext       *budg_register_view_get_context    (BudgRegisterView *self);
gint64             budg_register_view_get_account_id (BudgRegisterView *self);
void               budg_register_view_set_account_id (BudgRegisterView *self,
                                                      gint64            account_id);
/* Until it is first made active, the view reads nothing: the window keeps
 * a large history from delaying its first frame when another view shows. */
/* Narrow windows show fewer columns. */
gboolean           budg_register_view_get_compact    (BudgRegisterView *self);
void               budg_register_view_set_compact    (BudgRegisterView *self,
                                                      gboolean          compact);
gboolean           budg_register_view_get_active     (BudgRegisterView *self);
void               budg_register_view_set_active     (BudgRegisterView *self,
                                                      gboolean          active);
BudgRegisterModel *budg_register_view_get_model      (BudgRegisterView *self);
GtkSelectionModel *budg_register_view_get_selection  (BudgRegisterView *self);
/* Shows the given text in the search entry and applies it now. */
void               budg_register_view_search         (BudgRegisterView *self,
                                                      const char       *text);
/* Sets the search and filters to @query (its account aside) and applies them. */
void               budg_register_view_show_query     (BudgRegisterView *self,
                                                      const BudgTransactionQuery *query);
/* Sorts as by clicking a column header. */
void               budg_register_view_sort           (BudgRegisterView *self,
                                                      BudgTransactionSort sort,
                                                      gboolean          descending);
/* Selects, scrolls to and focuses transaction @id if it is shown. */
gboolean           budg_register_view_select         (BudgRegisterView *self,
                                                      gint64            id);

G_END_DECLS
