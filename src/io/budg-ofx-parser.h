/* budg-ofx-parser.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "budg-import-row.h"

G_BEGIN_DECLS

BudgImportResult *budg_ofx_parse (const guint8  *data,
                                  gsize          length,
                                  const char    *default_currency,
                                  GError       **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
