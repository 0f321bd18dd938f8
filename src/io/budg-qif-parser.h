/* budg-qif-parser.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "budg-import-row.h"

G_BEGIN_DECLS

/**
 * BudgQifOptions:
 * @date_order: %BUDG_DATE_ORDER_AUTO to guess from the file's dates
 * @decimal_mark: %BUDG_DECIMAL_MARK_AUTO to decide from the file's amounts
 * @encoding: (nullable): the character set; %NULL to detect UTF-8 or else
 *   read Windows-1252
 * @currency: (nullable): the ISO 4217 code of the account the file goes to,
 *   which decides the number of decimals (QIF files name no currency)
 *
 * How to read a QIF file. All zeros (or a %NULL pointer) means "work it out".
 */
typedef struct
{
  BudgDateOrder    date_order;
  BudgDecimalMark  decimal_mark;
  const char      *encoding;
  const char      *currency;
} BudgQifOptions;

BudgImportResult *budg_qif_parse (const guint8          *data,
                                  gsize                  length,
                                  const BudgQifOptions  *options,
                                  GError               **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
