/* budg-exchange-rates.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "budg-database.h"

G_BEGIN_DECLS

/* Exchange rates the user enters, dated. A rate is exact: it is read from
 * decimal text with at most ten fractional digits and stored as an integer
 * count of 10⁻¹⁰, so "1.0823" is 10823000000. Conversions round half away
 * from zero to the target currency's minor unit with integer arithmetic.
 */
#define BUDG_EXCHANGE_RATE_SCALE G_GINT64_CONSTANT (10000000000)

/**
 * BudgExchangeRate:
 * @numerator: with @denominator, how many units of the target currency one
 *   unit of the source currency is worth
 * @denominator: see @numerator; never 0
 * @date: the date the rate was entered for ("" for the same currency)
 * @inverse: %TRUE when only the opposite rate was entered and this is its
 *   inverse
 *
 * A rate found for one conversion.
 */
typedef struct
{
  gint64   numerator;
  gint64   denominator;
  char     date[11];
  gboolean inverse;
} BudgExchangeRate;

gboolean  budg_exchange_rate_parse   (const char              *text,
                                      gint64                  *out_rate_e10,
                                      GError                 **error);
char     *budg_exchange_rate_format  (gint64                   rate_e10);
gboolean  budg_exchange_rate_apply   (const BudgExchangeRate  *rate,
                                      gint64                   amount_minor,
                                      const char              *from_currency,
                                      const char              *to_currency,
                                      gint64                  *out_minor,
                                      GError                 **error);

gboolean  budg_exchange_rates_set    (BudgDatabase            *database,
                                      const char              *from_currency,
                                      const char              *to_currency,
                                      const char              *date,
                                      gint64                   rate_e10,
                                      GError                 **error);
gboolean  budg_exchange_rates_lookup (BudgDatabase            *database,
                                      const char              *from_currency,
                                      const char              *to_currency,
                                      const char              *date,
                                      BudgExchangeRate        *out_rate,
                                      GError                 **error);
gboolean  budg_exchange_rates_convert (BudgDatabase           *database,
                                       gint64                  amount_minor,
                                       const char             *from_currency,
                                       const char             *to_currency,
                                       const char             *date,
                                       gint64                 *out_minor,
                                       GError                **error);

/* One stored rate, for listing: one @from_currency is worth
 * @rate_e10 / BUDG_EXCHANGE_RATE_SCALE @to_currency from @date on. */
typedef struct
{
  gint64 id;
  char   from_currency[4];
  char   to_currency[4];
  char   date[11];
  gint64 rate_e10;
} BudgExchangeRateEntry;

/* Returns: (transfer container): BudgExchangeRateEntry owned by the array,
 *   newest first, or %NULL with @error set */
GPtrArray *budg_exchange_rates_list   (BudgDatabase *database,
                                       GError      **error);
gboolean   budg_exchange_rates_delete (BudgDatabase *database,
                                       gint64        id,
                                       GError      **error);

G_END_DECLS
