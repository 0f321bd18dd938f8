/* budg-split.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-split"

#include "config.h"

#include "budg-split.h"

G_DEFINE_BOXED_TYPE (BudgSplit, budg_split, budg_split_copy, budg_split_free)

/**
 * budg_split_new:
 *
 * Returns: (transfer full): a part of @amount_minor in @category_id
 */
BudgSplit *
budg_split_new (gint64      category_id,
                gint64      amount_minor,
                const char *memo)
{
  BudgSplit *split = g_new0 (BudgSplit, 1);

  split->category_id = category_id;
  split->amount_minor = amount_minor;
  split->memo = g_strdup (memo);

  return split;
}

BudgSplit *
budg_split_copy (const BudgSplit *split)
{
  BudgSplit *copy;

  g_return_val_if_fail (split != NULL, NULL);

  copy = budg_split_new (split->category_id, split->amount_minor, split->memo);
  copy->category_path = g_strdup (split->category_path);

  return copy;
}

void
budg_split_free (BudgSplit *split)
{
  if (split == NULL)
    return;

  g_free (split->category_path);
  g_free (split->memo);
  g_free (split);
}
