/* budg-sidebar.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BUDG_TYPE_SIDEBAR (budg_sidebar_get_type ())

G_DECLARE_FINAL_TYPE (BudgSidebar, budg_sidebar, BUDG, SIDEBAR, AdwBin)

GtkWidget  *budg_sidebar_new                     (void) G_GNUC_WARN_UNUSED_RESULT;
GListModel *budg_sidebar_get_model               (BudgSidebar *self);
void        budg_sidebar_set_model               (BudgSidebar *self,
                                                  GListModel  *model);
gint64      budg_sidebar_get_selected_account_id (BudgSidebar *self);
void        budg_sidebar_set_selected_account_id (BudgSidebar *self,
                                                  gint64       account_id);
gboolean    budg_sidebar_get_show_archived       (BudgSidebar *self);
void        budg_sidebar_set_show_archived       (BudgSidebar *self,
                                                  gboolean     show_archived);
void        budg_sidebar_focus_selected          (BudgSidebar *self);

G_END_DECLS
