/* budg-exporter.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "budg-database.h"
#include "budg-import-row.h"

G_BEGIN_DECLS

/* Transactions out of the database as CSV (all accounts or one), QIF (one
 * account) and OFX (one account), each readable back by Budg's own
 * parsers. @from and @to are inclusive ISO dates, %NULL for no bound.
 * Files are written whole or not at all. */

/* element-type BudgImportStatement: one per account, in sidebar order, rows
 * by date then entry order, external_id set for every row */
GPtrArray *budg_exporter_collect    (BudgDatabase      *database,
                                     gint64             account_id,
                                     const char        *from,
                                     const char        *to,
                                     GError           **error) G_GNUC_WARN_UNUSED_RESULT;
GBytes    *budg_exporter_export     (BudgDatabase      *database,
                                     BudgImportFormat   format,
                                     gint64             account_id,
                                     const char        *from,
                                     const char        *to,
                                     guint             *out_n_transactions,
                                     GError           **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean   budg_exporter_write_csv  (BudgDatabase      *database,
                                     gint64             account_id,
                                     const char        *from,
                                     const char        *to,
                                     const char        *path,
                                     guint             *out_n_transactions,
                                     GError           **error);
gboolean   budg_exporter_write_qif  (BudgDatabase      *database,
                                     gint64             account_id,
                                     const char        *from,
                                     const char        *to,
                                     const char        *path,
                                     guint             *out_n_transactions,
                                     GError           **error);
gboolean   budg_exporter_write_ofx  (BudgDatabase      *database,
                                     gint64             account_id,
                                     const char        *from,
                                     const char        *to,
                                     const char        *path,
                                     guint             *out_n_transactions,
                                     GError           **error);

G_END_DECLS
