/* budg-import-plan.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-import-plan"

#include "config.h"

#include <glib/gi18n.h>

#include "budg-import-plan-private.h"

/**
 * budg_import_item_kind_to_string:
 * @kind: a kind
 *
 * Returns: the nick the CLI prints ("new", "duplicate", …)
 */
const char *
budg_import_item_kind_to_string (BudgImportItemKind kind)
{
  switch (kind)
    {
    case BUDG_IMPORT_ITEM_NEW:
      return "new";
    case BUDG_IMPORT_ITEM_DUPLICATE:
      return "duplicate";
    case BUDG_IMPORT_ITEM_POSSIBLE_DUPLICATE:
      return "possible-duplicate";
    case BUDG_IMPORT_ITEM_MATCH:
      return "match";
    default:
      g_return_val_if_reached (NULL);
    }
}

void
budg_import_item_clear (BudgImportItem *item)
{
  g_clear_pointer (&item->external_id, g_free);
  g_clear_pointer (&item->payee, g_free);
  g_clear_pointer (&item->memo, g_free);
  g_clear_pointer (&item->category_path, g_free);
}

static void
import_target_free (BudgImportTarget *target)
{
  g_free (target->account_name);
  g_free (target->currency);
  g_free (target);
}

BudgImportTarget *
budg_import_target_new (BudgImportStatement *statement)
{
  BudgImportTarget *target = g_new0 (BudgImportTarget, 1);

  target->statement = statement;

  return target;
}

BudgImportPlan *
budg_import_plan_new (BudgImportResult *result)
{
  BudgImportPlan *plan = g_new0 (BudgImportPlan, 1);

  g_atomic_ref_count_init (&plan->ref_count);
  plan->result = result;
  plan->items = g_array_new (FALSE, TRUE, sizeof (BudgImportItem));
  g_array_set_clear_func (plan->items, (GDestroyNotify) budg_import_item_clear);
  plan->targets = g_ptr_array_new_with_free_func ((GDestroyNotify) import_target_free);

  return plan;
}

BudgImportPlan *
budg_import_plan_ref (BudgImportPlan *plan)
{
  g_return_val_if_fail (plan != NULL, NULL);

  g_atomic_ref_count_inc (&plan->ref_count);

  return plan;
}

void
budg_import_plan_unref (BudgImportPlan *plan)
{
  g_return_if_fail (plan != NULL);

  if (!g_atomic_ref_count_dec (&plan->ref_count))
    return;

  g_array_unref (plan->items);
  g_ptr_array_unref (plan->targets);
  budg_import_result_free (plan->result);
  g_free (plan->source);
  g_free (plan->filename);
  g_free (plan);
}

BudgImportFormat
budg_import_plan_get_format (BudgImportPlan *plan)
{
  g_return_val_if_fail (plan != NULL, BUDG_IMPORT_FORMAT_UNKNOWN);

  return plan->result->format;
}

const char *
budg_import_plan_get_encoding (BudgImportPlan *plan)
{
  g_return_val_if_fail (plan != NULL, NULL);

  return plan->result->encoding;
}

guint
budg_import_plan_get_n_items (BudgImportPlan *plan)
{
  g_return_val_if_fail (plan != NULL, 0);

  return plan->items->len;
}

const BudgImportItem *
budg_import_plan_get_item (BudgImportPlan *plan,
                           guint           index)
{
  g_return_val_if_fail (plan != NULL, NULL);
  g_return_val_if_fail (index < plan->items->len, NULL);

  return &g_array_index (plan->items, BudgImportItem, index);
}

/**
 * budg_import_plan_set_included:
 * @plan: a plan
 * @index: an item
 * @include: whether to write it
 *
 * Ticks or unticks an item, and the other side of its transfer with it.
 *
 * Returns: %FALSE for an exact duplicate, which cannot be imported
 */
gboolean
budg_import_plan_set_included (BudgImportPlan *plan,
                               guint           index,
                               gboolean        include)
{
  BudgImportItem *item;

  g_return_val_if_fail (plan != NULL, FALSE);
  g_return_val_if_fail (index < plan->items->len, FALSE);

  item = &g_array_index (plan->items, BudgImportItem, index);
  if (item->kind == BUDG_IMPORT_ITEM_DUPLICATE)
    return !include;

  item->include = !!include;
  if (item->transfer_item > 0)
    {
      BudgImportItem *other = &g_array_index (plan->items, BudgImportItem, item->transfer_item - 1);

      if (other->kind != BUDG_IMPORT_ITEM_DUPLICATE)
        other->include = !!include;
    }

  return TRUE;
}

guint
budg_import_plan_get_n_targets (BudgImportPlan *plan)
{
  g_return_val_if_fail (plan != NULL, 0);

  return plan->targets->len;
}

const BudgImportTarget *
budg_import_plan_get_target (BudgImportPlan *plan,
                             guint           index)
{
  g_return_val_if_fail (plan != NULL, NULL);
  g_return_val_if_fail (index < plan->targets->len, NULL);

  return g_ptr_array_index (plan->targets, index);
}

/**
 * budg_import_plan_get_rejected:
 * @plan: a plan
 *
 * Returns: (transfer none) (element-type BudgImportRejection): the rows of
 *   the file that could not be read, by line
 */
GPtrArray *
budg_import_plan_get_rejected (BudgImportPlan *plan)
{
  g_return_val_if_fail (plan != NULL, NULL);

  return plan->result->rejected;
}

guint
budg_import_plan_count (BudgImportPlan     *plan,
                        BudgImportItemKind  kind)
{
  guint n = 0;

  g_return_val_if_fail (plan != NULL, 0);

  for (guint i = 0; i < plan->items->len; i++)
    n += g_array_index (plan->items, BudgImportItem, i).kind == kind;

  return n;
}

guint
budg_import_plan_count_included (BudgImportPlan *plan)
{
  guint n = 0;

  g_return_val_if_fail (plan != NULL, 0);

  for (guint i = 0; i < plan->items->len; i++)
    n += g_array_index (plan->items, BudgImportItem, i).include;

  return n;
}

/* Per-statement counts, after the items were decided. */
void
budg_import_plan_recount (BudgImportPlan *plan)
{
  for (guint t = 0; t < plan->targets->len; t++)
    {
      BudgImportTarget *target = g_ptr_array_index (plan->targets, t);

      target->n_new = target->n_duplicates = target->n_possible_duplicates = target->n_matches = 0;
    }

  for (guint i = 0; i < plan->items->len; i++)
    {
      BudgImportItem *item = &g_array_index (plan->items, BudgImportItem, i);
      BudgImportTarget *target = g_ptr_array_index (plan->targets, item->target);

      switch (item->kind)
        {
        case BUDG_IMPORT_ITEM_NEW:
          target->n_new++;
          break;
        case BUDG_IMPORT_ITEM_DUPLICATE:
          target->n_duplicates++;
          break;
        case BUDG_IMPORT_ITEM_POSSIBLE_DUPLICATE:
          target->n_possible_duplicates++;
          break;
        case BUDG_IMPORT_ITEM_MATCH:
          target->n_matches++;
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

/**
 * budg_import_summary_from_plan:
 * @plan: a plan
 * @out_summary: (out): what committing it as it stands would do
 *
 * The counts of a dry run.
 */
void
budg_import_summary_from_plan (BudgImportPlan    *plan,
                               BudgImportSummary *out_summary)
{
  g_return_if_fail (plan != NULL);
  g_return_if_fail (out_summary != NULL);

  memset (out_summary, 0, sizeof *out_summary);
  out_summary->rejected = plan->result->rejected->len;

  for (guint i = 0; i < plan->items->len; i++)
    {
      BudgImportItem *item = &g_array_index (plan->items, BudgImportItem, i);

      switch (item->kind)
        {
        case BUDG_IMPORT_ITEM_NEW:
          out_summary->imported += item->include;
          break;
        case BUDG_IMPORT_ITEM_DUPLICATE:
          out_summary->duplicates++;
          break;
        case BUDG_IMPORT_ITEM_POSSIBLE_DUPLICATE:
          out_summary->imported += item->include;
          out_summary->possible_duplicates++;
          break;
        case BUDG_IMPORT_ITEM_MATCH:
          out_summary->linked += item->include;
          break;
        default:
          g_assert_not_reached ();
        }
    }

  for (guint t = 0; t < plan->targets->len; t++)
    {
      BudgImportTarget *target = g_ptr_array_index (plan->targets, t);

      out_summary->created_accounts += target->account_id == 0;
    }
}
