/* budg-import-item-row.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-import-item-row"

#include "config.h"

#include "budg-import-item-row.h"

struct _BudgImportItemRow
{
  GObject   parent_instance;

  guint     index;
  guint     line;
  char     *date;
  char     *payee;
  char     *category;
  char     *amount;
  char     *note;
  gboolean  negative;
  gboolean  tickable;
  gboolean  included;
};

G_DEFINE_FINAL_TYPE (BudgImportItemRow, budg_import_item_row, G_TYPE_OBJECT)

static void
budg_import_item_row_finalize (GObject *object)
{
  BudgImportItemRow *self = (BudgImportItemRow *)object;

  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->payee, g_free);
  g_clear_pointer (&self->category, g_free);
  g_clear_pointer (&self->amount, g_free);
  g_clear_pointer (&self->note, g_free);

  G_OBJECT_CLASS (budg_import_item_row_parent_class)->finalize (object);
}

static void
budg_import_item_row_class_init (BudgImportItemRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = budg_import_item_row_finalize;
}

static void
budg_import_item_row_init (BudgImportItemRow *self)
{
}

/**
 * budg_import_item_row_new:
 * @index: the item's index in its plan (or the preview row's position)
 * @line: the 1-based line of the file, 0 when unknown
 * @date: (nullable): the date, formatted
 * @payee: (nullable): the payee
 * @category: (nullable): the category path
 * @amount: (nullable): the amount, formatted
 * @negative: whether the amount is money out
 * @note: (nullable): what the importer decided, or why the row is rejected
 *
 * Returns: (transfer full): a new row, not tickable
 */
BudgImportItemRow *
budg_import_item_row_new (guint       index,
                          guint       line,
                          const char *date,
                          const char *payee,
                          const char *category,
                          const char *amount,
                          gboolean    negative,
                          const char *note)
{
  BudgImportItemRow *self = g_object_new (BUDG_TYPE_IMPORT_ITEM_ROW, NULL);

  self->index = index;
  self->line = line;
  self->date = g_strdup (date);
  self->payee = g_strdup (payee);
  self->category = g_strdup (category);
  self->amount = g_strdup (amount);
  self->negative = negative;
  self->note = g_strdup (note);

  return self;
}

guint
budg_import_item_row_get_index (BudgImportItemRow *self)
{
  g_return_val_if_fail (BUDG_IS_IMPORT_ITEM_ROW (self), 0);

  return self->index;
}

guint
budg_import_item_row_get_line (BudgImportItemRow *self)
{
  g_return_val_if_fail (BUDG_IS_IMPORT_ITEM_ROW (self), 0);

  return self->line;
}

const char *
budg_import_item_row_get_date (BudgImportItemRow *self)
{
  g_return_val_if_fail (BUDG_IS_IMPORT_ITEM_ROW (self), NULL);

  return self->date;
}

const char *
budg_import_item_row_get_payee (BudgImportItemRow *self)
{
  g_return_val_if_fail (BUDG_IS_IMPORT_ITEM_ROW (self), NULL);

  return self->payee;
}

const char *
budg_import_item_row_get_category (BudgImportItemRow *self)
{
  g_return_val_if_fail (BUDG_IS_IMPORT_ITEM_ROW (self), NULL);

  return self->category;
}

const char *
budg_import_item_row_get_amount (BudgImportItemRow *self)
{
  g_return_val_if_fail (BUDG_IS_IMPORT_ITEM_ROW (self), NULL);

  return self->amount;
}

gboolean
budg_import_item_row_get_negative (BudgImportItemRow *self)
{
  g_return_val_if_fail (BUDG_IS_IMPORT_ITEM_ROW (self), FALSE);

  return self->negative;
}

const char *
budg_import_item_row_get_note (BudgImportItemRow *self)
{
  g_return_val_if_fail (BUDG_IS_IMPORT_ITEM_ROW (self), NULL);

  return self->note;
}

gboolean
budg_import_item_row_get_tickable (BudgImportItemRow *self)
{
  g_return_val_if_fail (BUDG_IS_IMPORT_ITEM_ROW (self), FALSE);

  return self->tickable;
}

void
budg_import_item_row_set_tickable (BudgImportItemRow *self,
                                   gboolean           tickable)
{
  g_return_if_fail (BUDG_IS_IMPORT_ITEM_ROW (self));

  self->tickable = !!tickable;
}

gboolean
budg_import_item_row_get_included (BudgImportItemRow *self)
{
  g_return_val_if_fail (BUDG_IS_IMPORT_ITEM_ROW (self), FALSE);

  return self->included;
}

/* Only records the state the row was made with; ticking an item goes
 * through budg_import_item_model_set_included(). */
void
budg_import_item_row_set_included (BudgImportItemRow *self,
                                   gboolean           included)
{
  g_return_if_fail (BUDG_IS_IMPORT_ITEM_ROW (self));

  self->included = !!included;
}
