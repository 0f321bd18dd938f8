/* budg-transaction-query.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  BUDG_TRANSACTION_SORT_DATE,
  BUDG_TRANSACTION_SORT_AMOUNT,
  BUDG_TRANSACTION_SORT_PAYEE,
  BUDG_TRANSACTION_SORT_CATEGORY,
} BudgTransactionSort;

/* A query over transactions; every member is optional (0, FALSE or NULL
 * means "no condition"). Filtering, ordering and paging all happen in SQL
 * over indexes. Date order is date, then id (entry order); the other orders
 * break ties by id, so every order is total and stable. Descending is the
 * exact reverse of ascending.
 */
typedef struct
{
  gint64               account_id;
  const char          *from_date;        /* inclusive ISO date */
  const char          *to_date;          /* inclusive ISO date */
  const char          *search;           /* payee, memo or category path contains, case-insensitively */
  const char          *payee;            /* payee contains */
  gint64               category_id;      /* this category, or a parent and its children; split parts count */
  gboolean             uncategorized;    /* neither a category nor split parts */
  guint                status_mask;      /* bits 1 << BudgTransactionStatus; 0 = any */
  gboolean             has_min_amount;   /* compared with the absolute amount */
  gint64               min_amount_minor;
  gboolean             has_max_amount;
  gint64               max_amount_minor;
  BudgTransactionSort  sort;
  gboolean             descending;
  guint                limit;            /* 0 = no limit */
  guint                offset;
} BudgTransactionQuery;

/* Owned copies of a query (its strings duplicated), for models and saved
 * filters. budg_transaction_query_to_string() gives a stable text form
 * (a GVariant a{sv}) that budg_transaction_query_parse() reads back.
 */
BudgTransactionQuery *budg_transaction_query_copy      (const BudgTransactionQuery *query) G_GNUC_WARN_UNUSED_RESULT;
void                  budg_transaction_query_free      (BudgTransactionQuery       *query);
gboolean              budg_transaction_query_equal     (const BudgTransactionQuery *a,
                                                        const BudgTransactionQuery *b);
char                 *budg_transaction_query_to_string (const BudgTransactionQuery *query) G_GNUC_WARN_UNUSED_RESULT;
BudgTransactionQuery *budg_transaction_query_parse     (const char                 *text,
                                                        GError                    **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean              budg_transaction_sort_from_string (const char                *text,
                                                         BudgTransactionSort       *out_sort);
const char           *budg_transaction_sort_to_string   (BudgTransactionSort        sort);

#define BUDG_TYPE_TRANSACTION_QUERY (budg_transaction_query_get_type ())

GType                 budg_transaction_query_get_type  (void) G_GNUC_CONST;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BudgTransactionQuery, budg_transaction_query_free)

G_END_DECLS
