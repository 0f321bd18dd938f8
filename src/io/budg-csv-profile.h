/* budg-csv-profile.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "budg-csv-parser.h"

G_BEGIN_DECLS

/* A CSV profile's settings as text (a GKeyFile group: encoding, delimiter,
 * skip-lines, header, date-order, decimal-mark, currency, columns as
 * budg_csv_columns_to_string() writes them) and back. */
char           *budg_csv_profile_to_settings   (const BudgCsvOptions *options) G_GNUC_WARN_UNUSED_RESULT;
BudgCsvOptions *budg_csv_profile_from_settings (const char           *settings,
                                                GError              **error) G_GNUC_WARN_UNUSED_RESULT;
/* What identifies a bank's files: the header row's names, case folded and
 * trimmed, joined by "|", with the delimiter; NULL for a file without a
 * header. Two files from the same bank export give the same signature
 * whatever their rows. */
char           *budg_csv_profile_signature     (const guint8         *data,
                                                gsize                 length,
                                                const BudgCsvOptions *options) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
