/* budg-exchange-rates.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-exchange-rates"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "budg-date.h"
#include "budg-error.h"
#include "budg-exchange-rates.h"
#include "budg-money.h"
#include "budg-validate.h"

/* A rate times an amount needs up to 127 bits before the division brings it
 * back; GCC and Clang have a 128-bit integer on every platform Budg runs on. */
__extension__ typedef __int128 BudgInt128;

#define RATE_DIGITS 10
/* Nine integer digits and ten fractional ones fit in 64 unsigned bits;
 * the value is then checked against 63. */
#define MAX_INTEGER_DIGITS 9

/**
 * budg_exchange_rate_parse:
 * @text: a positive decimal number in C notation, "1.0823", at most ten
 *   digits after the point
 * @out_rate_e10: the rate in units of 10⁻¹⁰
 *
 * Reads a rate exactly: no binary floating point is involved.
 */
gboolean
budg_exchange_rate_parse (const char  *text,
                          gint64      *out_rate_e10,
                          GError     **error)
{
  g_autofree char *stripped = NULL;
  const char *p;
  guint64 value = 0;
  guint n_integer = 0;
  guint n_fraction = 0;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out_rate_e10 != NULL, FALSE);

  if (!g_utf8_validate (text, -1, NULL))
    goto invalid;

  stripped = g_strstrip (g_strdup (text));
  p = stripped;

  for (; g_ascii_isdigit (*p); p++)
    {
      if (++n_integer > MAX_INTEGER_DIGITS)
        {
          g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                       _("The exchange rate “%s” is too large. Budg takes rates below one billion."),
                       stripped);
          return FALSE;
        }
      value = value * 10 + (*p - '0');
    }

  if (*p == '.')
    {
      for (p++; g_ascii_isdigit (*p); p++)
        {
          if (++n_fraction > RATE_DIGITS)
            {
              g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                           _("The exchange rate “%s” has more than ten digits after the decimal point. Round it to ten."),
                           stripped);
              return FALSE;
            }
          value = value * 10 + (*p - '0');
        }
      if (n_fraction == 0)
        goto invalid;
    }

  if (*p != '\0' || n_integer + n_fraction == 0)
    goto invalid;

  for (guint i = n_fraction; i < RATE_DIGITS; i++)
    value *= 10;

  if (value > G_MAXINT64)
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                   _("The exchange rate “%s” is too large. Budg takes rates below one billion."),
                   stripped);
      return FALSE;
    }

  if (value == 0)
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                   _("An exchange rate must be more than zero, not “%s”."), stripped);
      return FALSE;
    }

  *out_rate_e10 = (gint64) value;

  return TRUE;

invalid:
  g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
               _("“%s” is not an exchange rate. Write it as a positive number with a point, such as 1.0823."),
               stripped != NULL ? stripped : "?");
  return FALSE;
}

/**
 * budg_exchange_rate_format:
 *
 * Returns: (transfer full): the rate as the shortest exact decimal, "1.0823"
 */
char *
budg_exchange_rate_format (gint64 rate_e10)
{
  g_autofree char *fraction = NULL;
  gsize len;

  g_return_val_if_fail (rate_e10 > 0, NULL);

  fraction = g_strdup_printf ("%010" G_GINT64_FORMAT, rate_e10 % BUDG_EXCHANGE_RATE_SCALE);
  len = strlen (fraction);
  while (len > 0 && fraction[len - 1] == '0')
    fraction[--len] = '\0';

  if (len == 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT, rate_e10 / BUDG_EXCHANGE_RATE_SCALE);

  return g_strdup_printf ("%" G_GINT64_FORMAT ".%s", rate_e10 / BUDG_EXCHANGE_RATE_SCALE, fraction);
}

static BudgInt128
power_of_ten (int exponent)
{
  BudgInt128 value = 1;

  for (int i = 0; i < exponent; i++)
    value *= 10;

  return value;
}

/**
 * budg_exchange_rate_apply:
 * @rate: a rate from @from_currency to @to_currency
 *
 * Converts @amount_minor, in minor units of @from_currency, to minor units
 * of @to_currency, rounding half away from zero.
 */
gboolean
budg_exchange_rate_apply (const BudgExchangeRate  *rate,
                          gint64                   amount_minor,
                          const char              *from_currency,
                          const char              *to_currency,
                          gint64                  *out_minor,
                          GError                 **error)
{
  int from_units;
  int to_units;
  BudgInt128 numerator;
  BudgInt128 denominator;
  BudgInt128 quotient;
  BudgInt128 remainder;

  g_return_val_if_fail (rate != NULL && rate->denominator > 0 && rate->numerator > 0, FALSE);
  g_return_val_if_fail (out_minor != NULL, FALSE);

  from_units = budg_currency_get_minor_units (from_currency);
  to_units = budg_currency_get_minor_units (to_currency);
  if (from_units < 0 || to_units < 0)
    return budg_validate_currency (from_units < 0 ? from_currency : to_currency, error);

  /* amount × rate × 10^to_units / 10^from_units, as one fraction. Both
   * factors of the numerator are below 2⁶³, so their product fits; the
   * minor-unit scale (at most 10⁴) is checked. */
  numerator = (BudgInt128) amount_minor * rate->numerator;
  denominator = rate->denominator;
  if (to_units > from_units)
    {
      if (__builtin_mul_overflow (numerator, power_of_ten (to_units - from_units), &numerator))
        goto overflow;
    }
  else
    denominator *= power_of_ten (from_units - to_units);

  quotient = numerator / denominator;
  remainder = numerator % denominator;
  if (remainder < 0)
    remainder = -remainder;
  if (remainder * 2 >= denominator)
    quotient += numerator < 0 ? -1 : 1;

  if (quotient > G_MAXINT64 || quotient < G_MININT64)
    goto overflow;

  *out_minor = (gint64) quotient;

  return TRUE;

overflow:
  g_set_error (error, BUDG_ERROR, BUDG_ERROR_OVERFLOW,
               _("Converting the amount from %s to %s gives a number too large for Budg. Check the amount and the exchange rate."),
               from_currency, to_currency);
  return FALSE;
}

static gboolean
check_pair (const char  *from_currency,
            const char  *to_currency,
            GError     **error)
{
  return budg_validate_currency (from_currency, error) &&
         budg_validate_currency (to_currency, error);
}

/**
 * budg_exchange_rates_set:
 * @date: the day the rate holds from, "YYYY-MM-DD"
 * @rate_e10: how many @to_currency one @from_currency is worth, in 10⁻¹⁰
 *
 * Records a rate; a rate already entered for the same pair and date is
 * replaced.
 */
gboolean
budg_exchange_rates_set (BudgDatabase  *database,
                         const char    *from_currency,
                         const char    *to_currency,
                         const char    *date,
                         gint64         rate_e10,
                         GError       **error)
{
  g_autofree char *clean_date = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BUDG_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  if (!check_pair (from_currency, to_currency, error) ||
      !(clean_date = budg_date_normalize (date, error)))
    return FALSE;

  if (g_str_equal (from_currency, to_currency))
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                   _("An exchange rate converts between two different currencies, not %s to itself."),
                   from_currency);
      return FALSE;
    }

  if (rate_e10 <= 0)
    {
      g_set_error_literal (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                           _("An exchange rate must be more than zero."));
      return FALSE;
    }

  /* One statement, so the change is atomic without an explicit transaction. */
  stmt = budg_database_prepare (database,
                                "INSERT INTO exchange_rates (from_currency, to_currency, date, rate_e10)"
                                " VALUES (?1, ?2, ?3, ?4)"
                                " ON CONFLICT (from_currency, to_currency, date)"
                                " DO UPDATE SET rate_e10 = excluded.rate_e10",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, from_currency, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to_currency, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, clean_date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, rate_e10);

  if (!budg_database_step_done (database, stmt, error))
    return FALSE;

  budg_database_emit_changed (database, "exchange_rates");

  return TRUE;
}

static gboolean
latest_rate (BudgDatabase  *database,
             const char    *from_currency,
             const char    *to_currency,
             const char    *date,
             gboolean      *out_found,
             char           out_date[11],
             gint64        *out_rate_e10,
             GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = budg_database_prepare (database,
                                "SELECT date, rate_e10 FROM exchange_rates"
                                " WHERE from_currency = ?1 AND to_currency = ?2 AND date <= ?3"
                                " ORDER BY date DESC LIMIT 1",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, from_currency, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to_currency, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, date, -1, SQLITE_TRANSIENT);

  rc = sqlite3_step (stmt);
  *out_found = rc == SQLITE_ROW;
  if (rc == SQLITE_ROW)
    {
      g_strlcpy (out_date, (const char *) sqlite3_column_text (stmt, 0), 11);
      *out_rate_e10 = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      budg_database_set_error (database, error, _("reading the exchange rates"));
      return FALSE;
    }

  return TRUE;
}

/**
 * budg_exchange_rates_lookup:
 * @date: the day of the conversion
 *
 * Finds the rate that holds on @date: the latest one entered on or before
 * it. A rate entered the other way round (@to_currency to @from_currency)
 * serves inverted; when both exist, the more recent one wins, and the direct
 * one on the same date. The same currency converts at exactly 1.
 */
gboolean
budg_exchange_rates_lookup (BudgDatabase      *database,
                            const char        *from_currency,
                            const char        *to_currency,
                            const char        *date,
                            BudgExchangeRate  *out_rate,
                            GError           **error)
{
  char direct_date[11] = "";
  char inverse_date[11] = "";
  gboolean has_direct;
  gboolean has_inverse;
  gint64 direct = 0;
  gint64 inverse = 0;

  g_return_val_if_fail (BUDG_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (date != NULL, FALSE);
  g_return_val_if_fail (out_rate != NULL, FALSE);

  if (!check_pair (from_currency, to_currency, error))
    return FALSE;

  memset (out_rate, 0, sizeof *out_rate);

  if (g_str_equal (from_currency, to_currency))
    {
      out_rate->numerator = 1;
      out_rate->denominator = 1;
      return TRUE;
    }

  if (!latest_rate (database, from_currency, to_currency, date, &has_direct, direct_date, &direct, error) ||
      !latest_rate (database, to_currency, from_currency, date, &has_inverse, inverse_date, &inverse, error))
    return FALSE;

  if (has_direct && (!has_inverse || strcmp (direct_date, inverse_date) >= 0))
    {
      out_rate->numerator = direct;
      out_rate->denominator = BUDG_EXCHANGE_RATE_SCALE;
      g_strlcpy (out_rate->date, direct_date, sizeof out_rate->date);
      return TRUE;
    }

  if (has_inverse)
    {
      out_rate->numerator = BUDG_EXCHANGE_RATE_SCALE;
      out_rate->denominator = inverse;
      out_rate->inverse = TRUE;
      g_strlcpy (out_rate->date, inverse_date, sizeof out_rate->date);
      return TRUE;
    }

  g_set_error (error, BUDG_ERROR, BUDG_ERROR_NOT_FOUND,
               _("There is no exchange rate from %s to %s on or before %s. Enter one dated %s or earlier."),
               from_currency, to_currency, date, date);

  return FALSE;
}

/**
 * budg_exchange_rates_convert:
 *
 * Converts @amount_minor from @from_currency to @to_currency at the rate
 * that holds on @date (see budg_exchange_rates_lookup()).
 */
gboolean
budg_exchange_rates_convert (BudgDatabase  *database,
                             gint64         amount_minor,
                             const char    *from_currency,
                             const char    *to_currency,
                             const char    *date,
                             gint64        *out_minor,
                             GError       **error)
{
  BudgExchangeRate rate;

  if (!budg_exchange_rates_lookup (database, from_currency, to_currency, date, &rate, error))
    return FALSE;

  return budg_exchange_rate_apply (&rate, amount_minor, from_currency, to_currency, out_minor, error);
}

GPtrArray *
budg_exchange_rates_list (BudgDatabase  *database,
                          GError       **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BUDG_IS_DATABASE (database), NULL);

  stmt = budg_database_prepare (database,
                                "SELECT id, from_currency, to_currency, date, rate_e10 FROM exchange_rates"
                                " ORDER BY date DESC, from_currency, to_currency",
                                error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BudgExchangeRateEntry *entry = g_new0 (BudgExchangeRateEntry, 1);

      entry->id = sqlite3_column_int64 (stmt, 0);
      g_strlcpy (entry->from_currency, (const char *) sqlite3_column_text (stmt, 1), sizeof entry->from_currency);
      g_strlcpy (entry->to_currency, (const char *) sqlite3_column_text (stmt, 2), sizeof entry->to_currency);
      g_strlcpy (entry->date, (const char *) sqlite3_column_text (stmt, 3), sizeof entry->date);
      entry->rate_e10 = sqlite3_column_int64 (stmt, 4);
      g_ptr_array_add (entries, entry);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      budg_database_set_error (database, error, _("reading the exchange rates"));
      return NULL;
    }

  return g_steal_pointer (&entries);
}

gboolean
budg_exchange_rates_delete (BudgDatabase  *database,
                            gint64         id,
                            GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BUDG_IS_DATABASE (database), FALSE);

  stmt = budg_database_prepare (database, "DELETE FROM exchange_rates WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!budg_database_step_done (database, stmt, error))
    return FALSE;

  if (sqlite3_changes (budg_database_get_handle (database)) == 0)
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_NOT_FOUND,
                   _("There is no exchange rate with id %lld."), (long long) id);
      return FALSE;
    }
  budg_database_emit_changed (database, "exchange_rates");

  return TRUE;
}
