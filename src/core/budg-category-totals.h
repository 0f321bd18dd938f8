/* budg-category-totals.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "budg-database.h"

G_BEGIN_DECLS

/* What budgets, reports and insights add up: the money that moved per
 * category, account and month (or day), transfers left out, split
 * transactions counted by their parts.
 *
 * Whole months come from the category_month_totals table, which triggers on
 * transactions and splits keep current (migration 5), so that ten years of
 * a million transactions are read as a few thousand rows; the days at the
 * edges of a range that does not start or end on a month boundary are
 * summed from the transactions themselves.
 *
 * Money without a category is counted under two pseudo categories, by its
 * direction: BUDG_CATEGORY_TOTALS_UNCATEGORIZED_OUT (spending) and
 * BUDG_CATEGORY_TOTALS_UNCATEGORIZED_IN (income).
 */
#define BUDG_CATEGORY_TOTALS_UNCATEGORIZED_OUT G_GINT64_CONSTANT (0)
#define BUDG_CATEGORY_TOTALS_UNCATEGORIZED_IN  G_GINT64_CONSTANT (-1)

/**
 * BudgCategoryTotal:
 * @period: "YYYY-MM", or "YYYY-MM-DD" when collected by day
 * @category_id: a category id or one of the uncategorized pseudo ids
 * @account_id: the account the money moved on (its currency is the amount's)
 * @total_minor: the signed sum: negative is money out
 *
 * One total. A collected array may hold the same (period, category,
 * account) more than once; add them up.
 */
typedef struct
{
  char   period[11];
  gint64 category_id;
  gint64 account_id;
  gint64 total_minor;
} BudgCategoryTotal;

/**
 * BudgCategoryInfo:
 * @id: the category id
 * @parent_id: the parent's id, or 0 for a top-level category
 * @is_income: whether it is an income category
 * @path: "Parent:Child" or "Parent"
 *
 * What the aggregations need to know of a category.
 */
typedef struct
{
  gint64    id;
  gint64    parent_id;
  gboolean  is_income;
  char     *path;
} BudgCategoryInfo;

/**
 * BudgAccountInfo:
 * @id: the account id
 * @name: its name
 * @currency: its ISO 4217 code
 */
typedef struct
{
  gint64  id;
  char   *name;
  char    currency[4];
} BudgAccountInfo;

GArray     *budg_category_totals_collect         (BudgDatabase  *database,
                                                  const char    *from,
                                                  const char    *to,
                                                  gboolean       by_day,
                                                  GError       **error);
gboolean    budg_category_totals_rebuild         (BudgDatabase  *database,
                                                  GError       **error);
char       *budg_category_totals_suspend         (BudgDatabase  *database,
                                                  GError       **error);
gboolean    budg_category_totals_resume          (BudgDatabase  *database,
                                                  const char    *saved,
                                                  GError       **error);
GHashTable *budg_category_totals_read_categories (BudgDatabase  *database,
                                                  GError       **error);
GHashTable *budg_category_totals_read_accounts   (BudgDatabase  *database,
                                                  GError       **error);
gboolean    budg_category_totals_is_income       (GHashTable    *categories,
                                                  gint64         category_id);

G_END_DECLS
