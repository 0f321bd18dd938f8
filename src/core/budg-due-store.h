/* budg-due-store.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "budg-bill-store.h"
#include "budg-database.h"
#include "budg-due-bill.h"

G_BEGIN_DECLS

#define BUDG_TYPE_DUE_STORE (budg_due_store_get_type ())

G_DECLARE_FINAL_TYPE (BudgDueStore, budg_due_store, BUDG, DUE_STORE, GObject)

/* The occurrences of the bills. An occurrence lives only in memory until it
 * is materialized (a due_bills row, so that it has an id) — for the window
 * a person looks at — or touched (paid, skipped, moved, re-priced, its
 * amount changed), after which the row is kept whatever the bill does.
 */
BudgDueStore *budg_due_store_new              (BudgDatabase   *database,
                                               BudgBillStore  *bills) G_GNUC_WARN_UNUSED_RESULT;

/* The occurrences due in [@from, @to] of active bills (of @account_id, or
 * all when 0), in date order, then priority, then id; occurrences on or
 * before a bill's settled-through date are left out. With @materialize, the
 * listed occurrences are stored first so each has an id (one transaction).
 * Returns: (transfer full): a GPtrArray of BudgDueBill */
GPtrArray    *budg_due_store_list             (BudgDueStore   *self,
                                               const char     *from,
                                               const char     *to,
                                               gint64          account_id,
                                               gboolean        materialize,
                                               GError        **error);
/* Returns: (transfer full) */
BudgDueBill  *budg_due_store_get              (BudgDueStore   *self,
                                               gint64          id,
                                               GError        **error);
/* Records the real transaction (on @date, or the due date when %NULL; for
 * @amount_minor, or the due amount when @has_amount is FALSE; a signed
 * amount like the due bill's) and links it; one database transaction.
 * Returns the new transaction's id, or 0 with @error set. */
gint64        budg_due_store_pay              (BudgDueStore   *self,
                                               BudgDueBill    *due,
                                               const char     *date,
                                               gboolean        has_amount,
                                               gint64          amount_minor,
                                               GError        **error);
/* Undoes a payment: deletes its transaction and makes the occurrence due again. */
gboolean      budg_due_store_unpay            (BudgDueStore   *self,
                                               BudgDueBill    *due,
                                               GError        **error);
gboolean      budg_due_store_skip             (BudgDueStore   *self,
                                               BudgDueBill    *due,
                                               gboolean        skipped,
                                               GError        **error);
/* The drag: puts @due right before (or after, with @after) @anchor, taking
 * @anchor's due date when it differs, and renumbers that day's priorities. */
gboolean      budg_due_store_move             (BudgDueStore   *self,
                                               BudgDueBill    *due,
                                               BudgDueBill    *anchor,
                                               gboolean        after,
                                               GError        **error);
/* Moves @due to @date, last in that day's order. */
gboolean      budg_due_store_reschedule       (BudgDueStore   *self,
                                               BudgDueBill    *due,
                                               const char     *date,
                                               GError        **error);
/* Changes the amount of this occurrence only (signed, like the due bill's). */
gboolean      budg_due_store_set_amount       (BudgDueStore   *self,
                                               BudgDueBill    *due,
                                               gint64          amount_minor,
                                               GError        **error);
/* Pays every autopay occurrence due on or before @today that is neither
 * paid nor skipped, on its due date. Returns how many it paid, or -1. */
int           budg_due_store_process_autopay  (BudgDueStore   *self,
                                               const char     *today,
                                               GError        **error);

G_END_DECLS
