/* budg-payees.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "budg-database.h"

G_BEGIN_DECLS

gboolean budg_payees_ensure (BudgDatabase  *database,
                             const char    *name,
                             gint64        *out_id,
                             GError       **error);

gboolean budg_payees_count  (BudgDatabase  *database,
                             gint64        *out_count,
                             GError       **error);

/* Payee names starting with (then containing) @text, most used first, for
 * completion. Returns: (transfer container): owned strings */
GPtrArray *budg_payees_complete      (BudgDatabase  *database,
                                      const char    *text,
                                      guint          limit,
                                      GError       **error);
/* The category of the payee's latest categorized transaction, or 0. */
gboolean   budg_payees_last_category (BudgDatabase  *database,
                                      const char    *name,
                                      gint64        *out_category_id,
                                      GError       **error);

G_END_DECLS
