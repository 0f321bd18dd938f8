/* budg-qif-writer.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "budg-import-row.h"

G_BEGIN_DECLS

char *budg_qif_write (GPtrArray *statements,
                      gsize     *out_length) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
