/* budg-import-item-model.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "budg-importer.h"
#include "budg-transaction-store.h"

G_BEGIN_DECLS

#define BUDG_TYPE_IMPORT_ITEM_MODEL (budg_import_item_model_get_type ())

G_DECLARE_FINAL_TYPE (BudgImportItemModel, budg_import_item_model, BUDG, IMPORT_ITEM_MODEL, GObject)

/* A GListModel of #BudgImportItemRow over the items of an import plan: each
 * row object is made when a view asks for it, never all up front. */
BudgImportItemModel *budg_import_item_model_new          (BudgImportPlan       *plan,
                                                          BudgTransactionStore *transactions) G_GNUC_WARN_UNUSED_RESULT;
BudgImportPlan      *budg_import_item_model_get_plan     (BudgImportItemModel  *self);
gboolean             budg_import_item_model_set_included (BudgImportItemModel  *self,
                                                          guint                 index,
                                                          gboolean              include);
void                 budg_import_item_model_reload       (BudgImportItemModel  *self);

G_END_DECLS
