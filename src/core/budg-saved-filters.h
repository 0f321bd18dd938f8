/* budg-saved-filters.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "budg-database.h"
#include "budg-transaction-query.h"

G_BEGIN_DECLS

/* Named register filters the user keeps ("Unreconciled groceries"). */

/* Returns: (transfer container): owned names, by name */
GPtrArray            *budg_saved_filters_list   (BudgDatabase               *database,
                                                 GError                    **error);
/* Returns: (transfer full) (nullable): the filter's query */
BudgTransactionQuery *budg_saved_filters_load   (BudgDatabase               *database,
                                                 const char                 *name,
                                                 GError                    **error);
/* Saves @query under @name, replacing a filter of that name. */
gboolean              budg_saved_filters_save   (BudgDatabase               *database,
                                                 const char                 *name,
                                                 const BudgTransactionQuery *query,
                                                 GError                    **error);
gboolean              budg_saved_filters_delete (BudgDatabase               *database,
                                                 const char                 *name,
                                                 GError                    **error);

G_END_DECLS
