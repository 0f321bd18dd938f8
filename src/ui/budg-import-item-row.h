/* budg-import-item-row.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define BUDG_TYPE_IMPORT_ITEM_ROW (budg_import_item_row_get_type ())

G_DECLARE_FINAL_TYPE (BudgImportItemRow, budg_import_item_row, BUDG, IMPORT_ITEM_ROW, GObject)

/* One line of the import dialog's tables, as text: a row of the column
 * preview or an item of the review. Made on demand by the models and
 * dropped when it scrolls away, so that a million-row file costs no
 * million objects.
 */
BudgImportItemRow *budg_import_item_row_new          (guint              index,
                                                      guint              line,
                                                      const char        *date,
                                                      const char        *payee,
                                                      const char        *category,
                                                      const char        *amount,
                                                      gboolean           negative,
                                                      const char        *note) G_GNUC_WARN_UNUSED_RESULT;
guint              budg_import_item_row_get_index    (BudgImportItemRow *self);
guint              budg_import_item_row_get_line     (BudgImportItemRow *self);
const char        *budg_import_item_row_get_date     (BudgImportItemRow *self);
const char        *budg_import_item_row_get_payee    (BudgImportItemRow *self);
const char        *budg_import_item_row_get_category (BudgImportItemRow *self);
const char        *budg_import_item_row_get_amount   (BudgImportItemRow *self);
gboolean           budg_import_item_row_get_negative (BudgImportItemRow *self);
const char        *budg_import_item_row_get_note     (BudgImportItemRow *self);
gboolean           budg_import_item_row_get_tickable (BudgImportItemRow *self);
void               budg_import_item_row_set_tickable (BudgImportItemRow *self,
                                                      gboolean           tickable);
gboolean           budg_import_item_row_get_included (BudgImportItemRow *self);
void               budg_import_item_row_set_included (BudgImportItemRow *self,
                                                      gboolean           included);

G_END_DECLS
