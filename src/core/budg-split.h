/* budg-split.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * BudgSplit:
 * @category_id: the part's category, 0 = uncategorized
 * @category_path: (nullable): "Parent:Child", filled in when read from the store
 * @amount_minor: the part's amount, with the same sign as the transaction
 * @memo: (nullable): a note for this part
 *
 * One part of a transaction divided across categories. The parts of a split
 * transaction add up to its amount exactly.
 */
typedef struct
{
  gint64  category_id;
  char   *category_path;
  gint64  amount_minor;
  char   *memo;
} BudgSplit;

#define BUDG_TYPE_SPLIT (budg_split_get_type ())

GType      budg_split_get_type (void) G_GNUC_CONST;
BudgSplit *budg_split_new      (gint64           category_id,
                                gint64           amount_minor,
                                const char      *memo) G_GNUC_WARN_UNUSED_RESULT;
BudgSplit *budg_split_copy     (const BudgSplit *split) G_GNUC_WARN_UNUSED_RESULT;
void       budg_split_free     (BudgSplit       *split);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BudgSplit, budg_split_free)

G_END_DECLS
