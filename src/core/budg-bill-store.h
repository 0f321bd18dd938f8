/* budg-bill-store.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "budg-bill.h"
#include "budg-database.h"

G_BEGIN_DECLS

#define BUDG_TYPE_BILL_STORE (budg_bill_store_get_type ())

G_DECLARE_FINAL_TYPE (BudgBillStore, budg_bill_store, BUDG, BILL_STORE, GObject)

/* A GListModel of every BudgBill (inactive ones included) ordered by name,
 * reloaded when the database reports a change to bills, accounts or
 * categories. lookup, find, create and update_from return bills owned by
 * the store (transfer none).
 */
BudgBillStore *budg_bill_store_new         (BudgDatabase   *database) G_GNUC_WARN_UNUSED_RESULT;
gboolean       budg_bill_store_reload      (BudgBillStore  *self,
                                            GError        **error);
BudgBill      *budg_bill_store_lookup      (BudgBillStore  *self,
                                            gint64          id);
BudgBill      *budg_bill_store_find        (BudgBillStore  *self,
                                            const char     *id_or_name,
                                            GError        **error);
/* Validates @draft (name, account, positive amount, estimate range, rule,
 * dates, category, lead days), stores it and returns the stored bill. */
BudgBill      *budg_bill_store_create      (BudgBillStore  *self,
                                            BudgBill       *draft,
                                            GError        **error);
/* Changes the whole series of @bill to the values of @values (any id in
 * @values is ignored). Occurrences nobody touched follow the new values;
 * paid, skipped, moved or re-priced ones keep theirs. */
gboolean       budg_bill_store_update      (BudgBillStore  *self,
                                            BudgBill       *bill,
                                            BudgBill       *values,
                                            GError        **error);
/* "This and all future ones": ends @bill before @occurrence_date and starts
 * a new bill with @values from that date. Returns the new bill. */
BudgBill      *budg_bill_store_update_from (BudgBillStore  *self,
                                            BudgBill       *bill,
                                            BudgBill       *values,
                                            const char     *occurrence_date,
                                            GError        **error);
/* Deletes @bill and its due bills; transactions already paid stay. */
gboolean       budg_bill_store_delete      (BudgBillStore  *self,
                                            BudgBill       *bill,
                                            GError        **error);

G_END_DECLS
