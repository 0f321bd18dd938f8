/* budg-demo.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "budg-context.h"

G_BEGIN_DECLS

/* Fills an empty database with a deterministic, realistic history ending today:
 * about five accounts (one in EUR), about sixty two-level categories, about
 * 2,000 payees, a biweekly salary, monthly rent, weekly groceries, daily card
 * spending and a dozen bills. The same @n_transactions and @seed always give
 * the same rows, relative to the same @end_date (NULL = today).
 */
gboolean budg_demo_generate (BudgContext  *context,
                             guint         n_transactions,
                             guint32       seed,
                             const char   *end_date,
                             GError      **error);

G_END_DECLS
