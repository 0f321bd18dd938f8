/* budg-transaction-store.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "budg-database.h"
#include "budg-transaction.h"

G_BEGIN_DECLS

#define BUDG_TYPE_TRANSACTION_STORE (budg_transaction_store_get_type ())

G_DECLARE_FINAL_TYPE (BudgTransactionStore, budg_transaction_store, BUDG, TRANSACTION_STORE, GObject)

/* A query over transactions; every member is optional (0 or NULL). Filtering,
 * ordering (date, then id) and paging all happen in SQL, so a query never
 * touches more rows than it returns.
 */
typedef struct
{
  gint64      account_id;
  const char *from_date;   /* inclusive ISO date */
  const char *to_date;     /* inclusive ISO date */
  const char *search;      /* matches payee, memo or category path, case-insensitively */
  guint       limit;       /* 0 = no limit */
  guint       offset;
} BudgTransactionQuery;

BudgTransactionStore *budg_transaction_store_new    (BudgDatabase               *database) G_GNUC_WARN_UNUSED_RESULT;
/* Validates and stores @transaction (its account, date, amount, payee, category,
 * memo and status), creating the payee on first use, and sets its id.
 */
gboolean              budg_transaction_store_add    (BudgTransactionStore       *self,
                                                     BudgTransaction            *transaction,
                                                     GError                    **error);
/* Returns: (transfer full) */
BudgTransaction      *budg_transaction_store_get    (BudgTransactionStore       *self,
                                                     gint64                      id,
                                                     GError                    **error);
gboolean              budg_transaction_store_delete (BudgTransactionStore       *self,
                                                     gint64                      id,
                                                     GError                    **error);
/* Returns: (transfer container): an array of BudgTransaction (owning refs). */
GPtrArray            *budg_transaction_store_query  (BudgTransactionStore       *self,
                                                     const BudgTransactionQuery *query,
                                                     GError                    **error);
gint64                budg_transaction_store_count  (BudgTransactionStore       *self,
                                                     const BudgTransactionQuery *query,
                                                     GError                    **error);

G_END_DECLS
