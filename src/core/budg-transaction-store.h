/* budg-transaction-store.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "budg-database.h"
#include "budg-split.h"
#include "budg-transaction-query.h"
#include "budg-transaction.h"

G_BEGIN_DECLS

#define BUDG_TYPE_TRANSACTION_STORE (budg_transaction_store_get_type ())

G_DECLARE_FINAL_TYPE (BudgTransactionStore, budg_transaction_store, BUDG, TRANSACTION_STORE, GObject)

/* What a delete took away, so that Undo can put it back exactly: the rows
 * with their ids, their split parts, the other side of transfers and the due
 * bills they paid. */
typedef struct _BudgDeletedTransactions BudgDeletedTransactions;

guint                 budg_deleted_transactions_get_count (BudgDeletedTransactions *deleted);
void                  budg_deleted_transactions_free      (BudgDeletedTransactions *deleted);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BudgDeletedTransactions, budg_deleted_transactions_free)

BudgTransactionStore *budg_transaction_store_new    (BudgDatabase               *database) G_GNUC_WARN_UNUSED_RESULT;
BudgDatabase         *budg_transaction_store_get_database (BudgTransactionStore *self);

/* Validates and stores @transaction (its account, date, amount, payee, category,
 * memo, status, external id and source), creating the payee on first use, and
 * sets its id.
 */
gboolean              budg_transaction_store_add    (BudgTransactionStore       *self,
                                                     BudgTransaction            *transaction,
                                                     GError                    **error);
/* Writes every field of @transaction (found by its id) back. One side of a
 * transfer keeps its pair consistent: the other side follows the date, and
 * the amount too (negated) when both accounts share a currency; across
 * currencies each side keeps its own amount. A split transaction whose
 * amount changes must get new parts (BUDG_ERROR_INVALID_INPUT otherwise);
 * giving a split transaction a category replaces its parts.
 */
gboolean              budg_transaction_store_update (BudgTransactionStore       *self,
                                                     BudgTransaction            *transaction,
                                                     GError                    **error);
/* The same, replacing the split parts (an array of BudgSplit; NULL or empty
 * for none) in one database transaction, so an amount and its parts change
 * together. */
gboolean              budg_transaction_store_update_with_splits (BudgTransactionStore *self,
                                                                 BudgTransaction      *transaction,
                                                                 GPtrArray            *splits,
                                                                 GError              **error);
/* Returns: (transfer full) */
BudgTransaction      *budg_transaction_store_get    (BudgTransactionStore       *self,
                                                     gint64                      id,
                                                     GError                    **error);
/* Reads the rows with the given ids in one query.
 * Returns: (transfer container): BudgTransaction refs aligned with @ids
 *   (NULL where an id no longer exists), or %NULL with @error set. */
GPtrArray            *budg_transaction_store_get_many (BudgTransactionStore     *self,
                                                       const gint64             *ids,
                                                       guint                     n_ids,
                                                       GError                  **error);
/* Deletes one transaction (and the other side of a transfer). */
gboolean              budg_transaction_store_delete (BudgTransactionStore       *self,
                                                     gint64                      id,
                                                     GError                    **error);
/* Deletes all of @ids in one database transaction (with the other sides of
 * transfers). Returns: (transfer full) (nullable): what Undo needs. */
BudgDeletedTransactions *budg_transaction_store_delete_many (BudgTransactionStore *self,
                                                             const gint64         *ids,
                                                             guint                 n_ids,
                                                             GError              **error);
/* Puts deleted rows back with their ids, splits, transfer links and due-bill
 * links. Fails, changing nothing, if their account is gone. */
gboolean              budg_transaction_store_restore (BudgTransactionStore      *self,
                                                      BudgDeletedTransactions   *deleted,
                                                      GError                   **error);
/* Bulk edits, one database transaction each. category_id 0 = uncategorized;
 * setting a category removes split parts. */
gboolean              budg_transaction_store_set_category_many (BudgTransactionStore *self,
                                                                const gint64         *ids,
                                                                guint                 n_ids,
                                                                gint64                category_id,
                                                                GError              **error);
gboolean              budg_transaction_store_set_status_many   (BudgTransactionStore *self,
                                                                const gint64         *ids,
                                                                guint                 n_ids,
                                                                BudgTransactionStatus status,
                                                                GError              **error);

/* Splits. @splits is an array of BudgSplit whose amounts must add up to the
 * transaction's amount (the error says by how much they don't); an empty or
 * %NULL array removes the parts. A split transaction has no category of its own.
 * A transfer cannot be split. */
gboolean              budg_transaction_store_set_splits (BudgTransactionStore   *self,
                                                         gint64                  id,
                                                         GPtrArray              *splits,
                                                         GError                **error);
/* Returns: (transfer container): BudgSplit owned by the array, empty when not split */
GPtrArray            *budg_transaction_store_get_splits (BudgTransactionStore   *self,
                                                         gint64                  id,
                                                         GError                **error);

/* Transfers: money out of @from_account_id (−@from_amount_minor) and into
 * @to_account_id (+@to_amount_minor) on @date, as a linked pair. Amounts are
 * positive; @to_amount_minor 0 means the same amount, which is only allowed
 * when both accounts have one currency. */
gboolean              budg_transaction_store_add_transfer (BudgTransactionStore *self,
                                                           gint64                from_account_id,
                                                           gint64                to_account_id,
                                                           const char           *date,
                                                           gint64                from_amount_minor,
                                                           gint64                to_amount_minor,
                                                           const char           *memo,
                                                           gint64               *out_from_id,
                                                           gint64               *out_to_id,
                                                           GError              **error);

/* Returns: (transfer container): BudgTransaction refs in the query's order */
GPtrArray            *budg_transaction_store_query  (BudgTransactionStore       *self,
                                                     const BudgTransactionQuery *query,
                                                     GError                    **error);
/* The ids of every match in the query's order, ignoring limit and offset:
 * what a paging model needs. Returns: (transfer full): a GArray of gint64 */
GArray               *budg_transaction_store_query_ids (BudgTransactionStore    *self,
                                                        const BudgTransactionQuery *query,
                                                        GError                 **error);
/* The sum of the matches' amounts; BUDG_ERROR_INVALID_INPUT when they are
 * in more than one currency. */
gboolean              budg_transaction_store_sum    (BudgTransactionStore       *self,
                                                     const BudgTransactionQuery *query,
                                                     gint64                     *out_total_minor,
                                                     GError                    **error);
/* The first @limit of those ids; *@out_complete says whether that is all. */
GArray               *budg_transaction_store_query_first_ids (BudgTransactionStore *self,
                                                              const BudgTransactionQuery *query,
                                                              guint                 limit,
                                                              gboolean             *out_complete,
                                                              GError              **error);
gint64                budg_transaction_store_count  (BudgTransactionStore       *self,
                                                     const BudgTransactionQuery *query,
                                                     GError                    **error);
/* The balance of @account_id right after the transaction (@date, @id) in
 * register order: the latest balance snapshot before @date plus everything
 * since, read from checkpoints. Pass G_MAXINT64 as @id for the end of @date. */
gboolean              budg_transaction_store_balance_after (BudgTransactionStore *self,
                                                            gint64                account_id,
                                                            const char           *date,
                                                            gint64                id,
                                                            gint64               *out_balance,
                                                            GError              **error);

G_END_DECLS
