/* budg-import-item-model.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-import-item-model"

#include "config.h"

#include <glib/gi18n.h>

#include "budg-date.h"
#include "budg-import-item-model.h"
#include "budg-import-item-row.h"
#include "budg-money.h"

struct _BudgImportItemModel
{
  GObject               parent_instance;

  BudgImportPlan       *plan;
  BudgTransactionStore *transactions;
  guint                 n_items;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BudgImportItemModel, budg_import_item_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

/* What the importer decided, in words. */
static char *
describe (BudgImportItemModel  *self,
          const BudgImportItem *item)
{
  switch (item->kind)
    {
    case BUDG_IMPORT_ITEM_NEW:
      return g_strdup (_("New"));

    case BUDG_IMPORT_ITEM_DUPLICATE:
      return g_strdup (_("Duplicate"));

    case BUDG_IMPORT_ITEM_POSSIBLE_DUPLICATE:
      {
        g_autoptr(BudgTransaction) existing = NULL;
        g_autofree char *date = NULL;

        if (item->existing_id != 0)
          existing = budg_transaction_store_get (self->transactions, item->existing_id, NULL);
        if (existing == NULL)
          return g_strdup (_("Possible duplicate"));

        date = budg_date_format_short (budg_transaction_get_date (existing));
        if (budg_transaction_get_payee (existing) == NULL)
          /* Translators: %s is the date of the transaction already there. */
          return g_strdup_printf (_("Possible duplicate of %s"), date);

        /* Translators: "Possible duplicate of 12 Mar “Tesco”": the date and
         * payee of the transaction already there. */
        return g_strdup_printf (_("Possible duplicate of %s “%s”"), date,
                                budg_transaction_get_payee (existing));
      }

    case BUDG_IMPORT_ITEM_MATCH:
      return g_strdup (_("Matches a transaction entered by hand"));

    default:
      g_assert_not_reached ();
    }
}

static GType
budg_import_item_model_get_item_type (GListModel *model)
{
  return BUDG_TYPE_IMPORT_ITEM_ROW;
}

static guint
budg_import_item_model_get_n_items (GListModel *model)
{
  return BUDG_IMPORT_ITEM_MODEL (model)->n_items;
}

static gpointer
budg_import_item_model_get_item (GListModel *model,
                                 guint       position)
{
  BudgImportItemModel *self = BUDG_IMPORT_ITEM_MODEL (model);
  const BudgImportItem *item;
  const BudgImportTarget *target;
  g_autofree char *date = NULL;
  g_autofree char *amount = NULL;
  g_autofree char *note = NULL;
  BudgImportItemRow *row;

  if (position >= self->n_items)
    return NULL;

  item = budg_import_plan_get_item (self->plan, position);
  target = budg_import_plan_get_target (self->plan, item->target);
  date = budg_date_format_short (item->row->date);
  amount = budg_money_format (item->row->amount_minor, target->currency);
  note = describe (self, item);

  row = budg_import_item_row_new (position, item->row->line, date, item->payee,
                                  item->category_path, amount, item->row->amount_minor < 0, note);
  budg_import_item_row_set_tickable (row, item->kind != BUDG_IMPORT_ITEM_DUPLICATE);
  budg_import_item_row_set_included (row, item->include);

  return row;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = budg_import_item_model_get_item_type;
  iface->get_n_items = budg_import_item_model_get_n_items;
  iface->get_item = budg_import_item_model_get_item;
}

static void
budg_import_item_model_dispose (GObject *object)
{
  BudgImportItemModel *self = (BudgImportItemModel *)object;

  g_clear_pointer (&self->plan, budg_import_plan_unref);
  g_clear_object (&self->transactions);

  G_OBJECT_CLASS (budg_import_item_model_parent_class)->dispose (object);
}

static void
budg_import_item_model_class_init (BudgImportItemModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = budg_import_item_model_dispose;
}

static void
budg_import_item_model_init (BudgImportItemModel *self)
{
}

/**
 * budg_import_item_model_new:
 * @plan: the plan to show
 * @transactions: where the transactions an item duplicates are looked up
 *
 * Returns: (transfer full): a model of @plan's items
 */
BudgImportItemModel *
budg_import_item_model_new (BudgImportPlan       *plan,
                            BudgTransactionStore *transactions)
{
  BudgImportItemModel *self;

  g_return_val_if_fail (plan != NULL, NULL);
  g_return_val_if_fail (BUDG_IS_TRANSACTION_STORE (transactions), NULL);

  self = g_object_new (BUDG_TYPE_IMPORT_ITEM_MODEL, NULL);
  self->plan = budg_import_plan_ref (plan);
  self->transactions = g_object_ref (transactions);
  self->n_items = budg_import_plan_get_n_items (plan);

  return self;
}

/**
 * budg_import_item_model_get_plan:
 *
 * Returns: (transfer none): the plan
 */
BudgImportPlan *
budg_import_item_model_get_plan (BudgImportItemModel *self)
{
  g_return_val_if_fail (BUDG_IS_IMPORT_ITEM_MODEL (self), NULL);

  return self->plan;
}

/**
 * budg_import_item_model_set_included:
 * @index: the item
 * @include: whether to import it
 *
 * Ticks or unticks an item. The other side of a transfer follows, and its
 * row is made again; @index's own row is not, as the check button that
 * asked already shows the new state (and keeps the keyboard focus).
 *
 * Returns: %FALSE for an item that cannot be imported
 */
gboolean
budg_import_item_model_set_included (BudgImportItemModel *self,
                                     guint                index,
                                     gboolean             include)
{
  const BudgImportItem *item;

  g_return_val_if_fail (BUDG_IS_IMPORT_ITEM_MODEL (self), FALSE);
  g_return_val_if_fail (index < self->n_items, FALSE);

  if (!budg_import_plan_set_included (self->plan, index, include))
    return FALSE;

  item = budg_import_plan_get_item (self->plan, index);
  if (item->transfer_item != 0 && item->transfer_item - 1 < self->n_items)
    g_list_model_items_changed (G_LIST_MODEL (self), item->transfer_item - 1, 1, 1);

  return TRUE;
}

/**
 * budg_import_item_model_reload:
 *
 * Makes every row again, after the plan decided its items anew (another
 * target account).
 */
void
budg_import_item_model_reload (BudgImportItemModel *self)
{
  guint old_n;

  g_return_if_fail (BUDG_IS_IMPORT_ITEM_MODEL (self));

  old_n = self->n_items;
  self->n_items = budg_import_plan_get_n_items (self->plan);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, self->n_items);
}
