/* budg-period.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-period"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "budg-date.h"
#include "budg-error.h"
#include "budg-period.h"

/* The same range budg_date_parse() accepts. */
#define MIN_YEAR 1900
#define MAX_YEAR 9999

static gboolean
read_number (const char *text,
             guint       count,
             guint      *out_value)
{
  guint value = 0;

  for (guint i = 0; i < count; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      value = value * 10 + (guint) (text[i] - '0');
    }

  *out_value = value;

  return TRUE;
}

static void
week_monday (guint  iso_year,
             guint  week,
             GDate *out_date)
{
  GDate jan4;

  /* January 4th is always in week 1 (ISO 8601). */
  g_date_clear (&jan4, 1);
  g_date_set_dmy (&jan4, 4, G_DATE_JANUARY, iso_year);
  *out_date = jan4;
  g_date_subtract_days (out_date, g_date_get_weekday (&jan4) - G_DATE_MONDAY);
  g_date_add_days (out_date, 7 * (week - 1));
}

/**
 * budg_period_parse:
 * @text: "YYYY-MM" for a month or "YYYY-Www" for an ISO week
 *
 * Returns: %TRUE and the period in @out_period, or %FALSE with @error set
 */
gboolean
budg_period_parse (const char  *text,
                   BudgPeriod  *out_period,
                   GError     **error)
{
  BudgPeriod period = { 0 };
  gsize len;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out_period != NULL, FALSE);

  len = strlen (text);

  if (len == 7 && text[4] == '-' &&
      read_number (text, 4, &period.year) && read_number (text + 5, 2, &period.number) &&
      period.number >= 1 && period.number <= 12 &&
      period.year >= MIN_YEAR && period.year <= MAX_YEAR)
    {
      period.kind = BUDG_PERIOD_MONTH;
      *out_period = period;
      return TRUE;
    }

  if (len == 8 && text[4] == '-' && (text[5] == 'W' || text[5] == 'w') &&
      read_number (text, 4, &period.year) && read_number (text + 6, 2, &period.number) &&
      period.number >= 1 && period.number <= 53 &&
      period.year > MIN_YEAR && period.year < MAX_YEAR)
    {
      BudgPeriod check;
      GDate monday;

      /* Week 53 exists only in some years: it must map back to itself. */
      week_monday (period.year, period.number, &monday);
      budg_period_for_date (BUDG_PERIOD_WEEK, &monday, &check);
      if (check.year == period.year && check.number == period.number)
        {
          period.kind = BUDG_PERIOD_WEEK;
          *out_period = period;
          return TRUE;
        }
    }

  g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
               _("“%s” is not a budget period. Use YYYY-MM for a month (2026-09) or YYYY-Www for an ISO week (2026-W36)."),
               text);

  return FALSE;
}

/**
 * budg_period_for_date:
 * @date: a valid date
 *
 * Sets @out_period to the month or ISO week that holds @date.
 */
void
budg_period_for_date (BudgPeriodKind  kind,
                      const GDate    *date,
                      BudgPeriod     *out_period)
{
  g_return_if_fail (date != NULL && g_date_valid (date));
  g_return_if_fail (out_period != NULL);

  out_period->kind = kind;

  if (kind == BUDG_PERIOD_MONTH)
    {
      out_period->year = g_date_get_year (date);
      out_period->number = g_date_get_month (date);
    }
  else
    {
      GDate thursday = *date;
      int shift = G_DATE_THURSDAY - (int) g_date_get_weekday (date);

      /* The week belongs to the year of its Thursday. */
      if (shift > 0)
        g_date_add_days (&thursday, shift);
      else if (shift < 0)
        g_date_subtract_days (&thursday, -shift);

      out_period->year = g_date_get_year (&thursday);
      out_period->number = g_date_get_iso8601_week_of_year (date);
    }
}

/**
 * budg_period_for_iso:
 * @iso: a date as "YYYY-MM-DD"
 *
 * Like budg_period_for_date() for a date given as text.
 */
gboolean
budg_period_for_iso (BudgPeriodKind   kind,
                     const char      *iso,
                     BudgPeriod      *out_period,
                     GError         **error)
{
  GDate date;

  if (!budg_date_parse (iso, &date, error))
    return FALSE;

  budg_period_for_date (kind, &date, out_period);

  return TRUE;
}

/**
 * budg_period_to_string:
 *
 * Returns: (transfer full): "YYYY-MM" or "YYYY-Www"
 */
char *
budg_period_to_string (const BudgPeriod *period)
{
  g_return_val_if_fail (period != NULL, NULL);

  if (period->kind == BUDG_PERIOD_MONTH)
    return g_strdup_printf ("%04u-%02u", period->year, period->number);

  return g_strdup_printf ("%04u-W%02u", period->year, period->number);
}

void
budg_period_get_first_day (const BudgPeriod *period,
                           GDate            *out_date)
{
  g_return_if_fail (period != NULL);
  g_return_if_fail (out_date != NULL);

  if (period->kind == BUDG_PERIOD_MONTH)
    {
      g_date_clear (out_date, 1);
      g_date_set_dmy (out_date, 1, period->number, period->year);
    }
  else
    week_monday (period->year, period->number, out_date);
}

void
budg_period_get_last_day (const BudgPeriod *period,
                          GDate            *out_date)
{
  g_return_if_fail (period != NULL);
  g_return_if_fail (out_date != NULL);

  budg_period_get_first_day (period, out_date);

  if (period->kind == BUDG_PERIOD_MONTH)
    g_date_set_day (out_date, g_date_get_days_in_month (period->number, period->year));
  else
    g_date_add_days (out_date, 6);
}

/**
 * budg_period_dup_first_iso:
 *
 * Returns: (transfer full): the first day of @period as "YYYY-MM-DD"
 */
char *
budg_period_dup_first_iso (const BudgPeriod *period)
{
  GDate date;

  budg_period_get_first_day (period, &date);

  return budg_date_to_iso (&date);
}

/**
 * budg_period_dup_last_iso:
 *
 * Returns: (transfer full): the last day of @period as "YYYY-MM-DD"
 */
char *
budg_period_dup_last_iso (const BudgPeriod *period)
{
  GDate date;

  budg_period_get_last_day (period, &date);

  return budg_date_to_iso (&date);
}

/**
 * budg_period_get_ordinal:
 *
 * Returns: a number that grows by one from each period to the next of the
 *   same kind, so that the difference of two ordinals counts periods
 */
gint64
budg_period_get_ordinal (const BudgPeriod *period)
{
  GDate monday;

  g_return_val_if_fail (period != NULL, 0);

  if (period->kind == BUDG_PERIOD_MONTH)
    return (gint64) period->year * 12 + (period->number - 1);

  /* Julian day 1 (1 January of year 1) was a Monday. */
  week_monday (period->year, period->number, &monday);

  return (gint64) (g_date_get_julian (&monday) - 1) / 7;
}

/**
 * budg_period_add:
 * @n: how many periods to move forward, or back if negative
 */
void
budg_period_add (BudgPeriod *period,
                 int         n)
{
  g_return_if_fail (period != NULL);

  if (period->kind == BUDG_PERIOD_MONTH)
    {
      gint64 ordinal = budg_period_get_ordinal (period) + n;

      period->year = (guint) (ordinal / 12);
      period->number = (guint) (ordinal % 12) + 1;
    }
  else
    {
      GDate monday;

      week_monday (period->year, period->number, &monday);
      if (n > 0)
        g_date_add_days (&monday, 7 * n);
      else if (n < 0)
        g_date_subtract_days (&monday, 7 * -n);
      budg_period_for_date (BUDG_PERIOD_WEEK, &monday, period);
    }
}

/**
 * budg_period_compare:
 *
 * Orders two periods of the same kind in time.
 */
int
budg_period_compare (const BudgPeriod *a,
                     const BudgPeriod *b)
{
  gint64 ordinal_a;
  gint64 ordinal_b;

  g_return_val_if_fail (a != NULL && b != NULL, 0);
  g_return_val_if_fail (a->kind == b->kind, 0);

  ordinal_a = budg_period_get_ordinal (a);
  ordinal_b = budg_period_get_ordinal (b);

  return ordinal_a < ordinal_b ? -1 : ordinal_a > ordinal_b ? 1 : 0;
}
