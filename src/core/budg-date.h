/* budg-date.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Dates are calendar days without a time zone. They travel through the core,
 * the database and the CLI as ISO 8601 strings ("2026-11-22"), which sort and
 * compare as text; GDate is used only to compute with them.
 */

gboolean  budg_date_parse        (const char  *text,
                                  GDate       *out_date,
                                  GError     **error);
char     *budg_date_normalize    (const char  *text,
                                  GError     **error);
char     *budg_date_to_iso       (const GDate *date);
char     *budg_date_today        (void);
char     *budg_date_format_short (const char  *iso);
char     *budg_date_add_days     (const char  *iso,
                                  int          days);

G_END_DECLS
