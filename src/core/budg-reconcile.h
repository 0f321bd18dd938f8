/* budg-reconcile.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "budg-database.h"

G_BEGIN_DECLS

/**
 * BudgReconcileSummary:
 * @opening_balance_minor: the balance before the statement period: the latest
 *   balance snapshot before the statement date, or 0
 * @opening_date: (nullable): that snapshot's date, NULL when there is none
 * @cleared_balance_minor: the opening balance plus every cleared or
 *   reconciled transaction after it up to the statement date
 * @difference_minor: statement balance − cleared balance; 0 means it reconciles
 * @n_cleared: cleared (not yet reconciled) transactions up to the date
 * @n_pending: pending transactions up to the date, still to be ticked or left
 *
 * The arithmetic of reconciling an account against a bank statement.
 */
typedef struct
{
  gint64  opening_balance_minor;
  char   *opening_date;
  gint64  cleared_balance_minor;
  gint64  statement_balance_minor;
  gint64  difference_minor;
  guint   n_cleared;
  guint   n_pending;
} BudgReconcileSummary;

void     budg_reconcile_summary_clear (BudgReconcileSummary *summary);

gboolean budg_reconcile_compute (BudgDatabase          *database,
                                 gint64                 account_id,
                                 const char            *statement_date,
                                 gint64                 statement_balance_minor,
                                 BudgReconcileSummary  *out_summary,
                                 GError               **error);
/* Marks the cleared transactions up to @statement_date as reconciled and
 * records the reconciliation, in one database transaction. Refuses
 * (BUDG_ERROR_INVALID_INPUT, nothing changed) unless the difference is zero.
 * @out_count: (optional): how many transactions were locked */
gboolean budg_reconcile_finish  (BudgDatabase          *database,
                                 gint64                 account_id,
                                 const char            *statement_date,
                                 gint64                 statement_balance_minor,
                                 guint                 *out_count,
                                 GError               **error);
/* The last finished reconciliation of an account, if any.
 * @out_date: (out) (transfer full) (nullable) */
gboolean budg_reconcile_get_last (BudgDatabase         *database,
                                  gint64                account_id,
                                  char                **out_date,
                                  gint64               *out_balance_minor,
                                  GError              **error);

G_END_DECLS
