/* budg-category.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "budg-types.h"

G_BEGIN_DECLS

#define BUDG_TYPE_CATEGORY (budg_category_get_type ())

G_DECLARE_FINAL_TYPE (BudgCategory, budg_category, BUDG, CATEGORY, GObject)

/* Properties: "id", "parent-id" (0 for a top-level category), "name",
 * "path" (read-only "Parent:Child" or "Parent"), "is-income", "color" (nullable,
 * "#rrggbb"). Categories have two levels; a child shares its parent's is-income.
 */
BudgCategory *budg_category_new           (const char   *name,
                                           gint64        parent_id,
                                           const char   *parent_name,
                                           gboolean      is_income) G_GNUC_WARN_UNUSED_RESULT;
gint64        budg_category_get_id        (BudgCategory *self);
void          budg_category_set_id        (BudgCategory *self,
                                           gint64        id);
gint64        budg_category_get_parent_id (BudgCategory *self);
const char   *budg_category_get_name      (BudgCategory *self);
void          budg_category_set_name      (BudgCategory *self,
                                           const char   *name);
const char   *budg_category_get_parent_name (BudgCategory *self);
void          budg_category_set_parent_name (BudgCategory *self,
                                             const char   *parent_name);
const char   *budg_category_get_path      (BudgCategory *self);
gboolean      budg_category_get_is_income (BudgCategory *self);
void          budg_category_set_is_income (BudgCategory *self,
                                           gboolean      is_income);
const char   *budg_category_get_color     (BudgCategory *self);
void          budg_category_set_color     (BudgCategory *self,
                                           const char   *color);

G_END_DECLS
