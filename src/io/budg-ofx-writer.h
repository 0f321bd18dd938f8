/* budg-ofx-writer.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "budg-import-row.h"

G_BEGIN_DECLS

/* What libofx keeps of the text fields, in bytes: longer values are cut (at
 * a character boundary) when written. */
#define BUDG_OFX_NAME_MAX     96
#define BUDG_OFX_MEMO_MAX     255
#define BUDG_OFX_CHECKNUM_MAX 12
#define BUDG_OFX_ACCTID_MAX   22
#define BUDG_OFX_BANKID_MAX   9

char *budg_ofx_write (const BudgImportStatement *statement,
                      gsize                     *out_length) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
