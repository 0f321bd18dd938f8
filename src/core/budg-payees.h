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

G_END_DECLS
