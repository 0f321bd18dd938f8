/* budg-money.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Money is always a gint64 count of minor units (cents, yen, fils…) plus an
 * ISO 4217 code; there is no floating point anywhere in this module.
 */

gboolean  budg_currency_is_known          (const char  *code);
int       budg_currency_get_minor_units   (const char  *code);
const char *budg_currency_get_symbol      (const char  *code);
const char * const *budg_currency_list_codes (void);

gboolean  budg_money_parse                (const char  *text,
                                           const char  *currency,
                                           gint64      *out_minor,
                                           GError     **error);
char     *budg_money_format               (gint64       minor,
                                           const char  *currency);
char     *budg_money_format_plain         (gint64       minor,
                                           const char  *currency);

gboolean  budg_money_add                  (gint64       a,
                                           gint64       b,
                                           gint64      *out_sum,
                                           GError     **error);
gboolean  budg_money_subtract             (gint64       a,
                                           gint64       b,
                                           gint64      *out_difference,
                                           GError     **error);
gboolean  budg_money_multiply             (gint64       a,
                                           gint64       factor,
                                           gint64      *out_product,
                                           GError     **error);

/* Reads an amount that may be simple arithmetic, as typed in an amount
 * field: "12.50+3", "3*4.99", "(20-2.5)/2", in the locale's or the C
 * notation. Exact in minor units; a division must come out exact to the
 * currency's minor unit after rounding half away from zero. */
gboolean  budg_money_evaluate             (const char  *text,
                                           const char  *currency,
                                           gint64      *out_minor,
                                           GError     **error);

G_END_DECLS
