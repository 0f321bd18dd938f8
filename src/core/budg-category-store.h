/* budg-category-store.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "budg-category.h"
#include "budg-database.h"

G_BEGIN_DECLS

#define BUDG_TYPE_CATEGORY_STORE (budg_category_store_get_type ())

G_DECLARE_FINAL_TYPE (BudgCategoryStore, budg_category_store, BUDG, CATEGORY_STORE, GObject)

/* A GListModel of every BudgCategory ordered by path, so each parent comes
 * right before its children. Paths are "Parent" or "Parent:Child"; names are
 * compared without regard to case.
 *
 * lookup, find and create_path return categories owned by the store
 * (transfer none). create_path returns the leaf (the child for "A:B").
 */
BudgCategoryStore *budg_category_store_new           (BudgDatabase       *database) G_GNUC_WARN_UNUSED_RESULT;
gboolean           budg_category_store_reload        (BudgCategoryStore  *self,
                                                      GError            **error);
BudgCategory      *budg_category_store_lookup        (BudgCategoryStore  *self,
                                                      gint64              id);
BudgCategory      *budg_category_store_find          (BudgCategoryStore  *self,
                                                      const char         *id_or_path,
                                                      GError            **error);
BudgCategory      *budg_category_store_create_path   (BudgCategoryStore  *self,
                                                      const char         *path,
                                                      gboolean            is_income,
                                                      GError            **error);
gboolean           budg_category_store_update        (BudgCategoryStore  *self,
                                                      BudgCategory       *category,
                                                      const char         *name,
                                                      gboolean            is_income,
                                                      const char         *color,
                                                      GError            **error);
gint64             budg_category_store_count_transactions (BudgCategoryStore *self,
                                                           BudgCategory      *category);
typedef struct
{
  gint64 transaction_id;
  gint64 category_id;   /* the category the transaction had before the delete */
} BudgCategoryMove;

/* Deletes @category and its children; their transactions move to
 * @reassign_to, or become uncategorized when it is %NULL. The deleted
 * categories (parent first) and a GArray of BudgCategoryMove are returned in
 * @out_deleted and @out_moved (both nullable) so that
 * budg_category_store_undelete() can put everything back.
 */
gboolean           budg_category_store_delete        (BudgCategoryStore  *self,
                                                      BudgCategory       *category,
                                                      BudgCategory       *reassign_to,
                                                      GPtrArray         **out_deleted,
                                                      GArray            **out_moved,
                                                      GError            **error);
gboolean           budg_category_store_undelete      (BudgCategoryStore  *self,
                                                      GPtrArray          *categories,
                                                      GArray             *moved,
                                                      GError            **error);

G_END_DECLS
