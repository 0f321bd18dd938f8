/* budg-date.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-date"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "budg-date.h"
#include "budg-error.h"

/* Years outside this range are typing mistakes in a personal ledger, and
 * keeping to four digits is what lets ISO dates sort as text.
 */
#define MIN_YEAR 1900
#define MAX_YEAR 9999

static gboolean
read_digits (const char *text,
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

static gboolean
set_not_a_date (GError     **error,
                const char  *text)
{
  g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
               _("“%s” is not a valid date. Use the form YYYY-MM-DD, for example 2026-11-22."),
               text);
  return FALSE;
}

static guint32
get_julian (guint day,
            guint month,
            guint year)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);

  return g_date_get_julian (&date);
}

/**
 * budg_date_parse:
 * @text: a date in the form YYYY-MM-DD, possibly surrounded by spaces
 * @out_date: (out caller-allocates) (optional): where to store the date
 * @error: return location for a #GError
 *
 * Only the ISO form is accepted: "1/2/2026" means different days in
 * different countries, so guessing would silently book money on the wrong
 * date. Years run from 1900 to 9999.
 *
 * Returns: %TRUE if @text is a valid date, %FALSE with a
 *   %BUDG_ERROR_INVALID_INPUT error otherwise
 */
gboolean
budg_date_parse (const char  *text,
                 GDate       *out_date,
                 GError     **error)
{
  g_autofree char *stripped = NULL;
  guint year;
  guint month;
  guint day;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_autofree char *shown = g_utf8_make_valid (text, -1);

      return set_not_a_date (error, shown);
    }

  stripped = g_strstrip (g_strdup (text));

  if (stripped[0] == '\0')
    {
      g_set_error_literal (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                           _("The date is empty. Enter a date in the form YYYY-MM-DD, for example 2026-11-22."));
      return FALSE;
    }

  if (strlen (stripped) != 10 ||
      !read_digits (stripped, 4, &year) || stripped[4] != '-' ||
      !read_digits (stripped + 5, 2, &month) || stripped[7] != '-' ||
      !read_digits (stripped + 8, 2, &day))
    return set_not_a_date (error, stripped);

  if (year < MIN_YEAR)
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                   _("“%s” is too far in the past. Enter a date from the year %d on."),
                   stripped, MIN_YEAR);
      return FALSE;
    }

  if (month < 1 || month > 12)
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                   _("“%s” is not a date: there is no month %02u. Months run from 01 to 12."),
                   stripped, month);
      return FALSE;
    }

  if (!g_date_valid_dmy (day, month, year))
    {
      guint n_days = g_date_get_days_in_month (month, year);
      char month_name[128];
      GDate first;

      if (day == 0)
        return set_not_a_date (error, stripped);

      /* Naming the month and its length tells the user what went wrong,
       * typically 29 February in a year that is not a leap year.
       */
      g_date_clear (&first, 1);
      g_date_set_dmy (&first, 1, month, year);
      if (g_date_strftime (month_name, sizeof month_name, "%B %Y", &first) == 0)
        return set_not_a_date (error, stripped);

      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                   /* Translators: the second %s is a month and year, such as "February 2026". */
                   ngettext ("“%s” is not a date: %s has %u day.",
                             "“%s” is not a date: %s has %u days.",
                             n_days),
                   stripped, month_name, n_days);
      return FALSE;
    }

  if (out_date != NULL)
    {
      g_date_clear (out_date, 1);
      g_date_set_dmy (out_date, day, month, year);
    }

  return TRUE;
}

/**
 * budg_date_normalize:
 * @text: a date in the form YYYY-MM-DD, possibly surrounded by spaces
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the date in canonical ISO form, or
 *   %NULL with @error set if @text is not a valid date
 */
char *
budg_date_normalize (const char  *text,
                     GError     **error)
{
  GDate date;

  if (!budg_date_parse (text, &date, error))
    return NULL;

  return budg_date_to_iso (&date);
}

/**
 * budg_date_to_iso:
 * @date: a valid #GDate
 *
 * Returns: (transfer full): @date as "YYYY-MM-DD"
 */
char *
budg_date_to_iso (const GDate *date)
{
  g_return_val_if_fail (date != NULL, NULL);
  g_return_val_if_fail (g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u",
                          (guint) g_date_get_year (date),
                          (guint) g_date_get_month (date),
                          (guint) g_date_get_day (date));
}

/**
 * budg_date_today:
 *
 * Returns: (transfer full): today's date in the local time zone, as
 *   "YYYY-MM-DD"
 */
char *
budg_date_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/**
 * budg_date_format_short:
 * @iso: a date as "YYYY-MM-DD"
 *
 * Formats a date the way the locale writes it in tables ("11/22/26" in
 * the US, "22.11.26" in Germany).
 *
 * Returns: (transfer full): the formatted date, or a copy of @iso if it is
 *   not a valid date, so that a damaged value still shows instead of a blank
 */
char *
budg_date_format_short (const char *iso)
{
  GDate date;
  char buffer[128];

  g_return_val_if_fail (iso != NULL, NULL);

  if (!budg_date_parse (iso, &date, NULL) ||
      g_date_strftime (buffer, sizeof buffer, "%x", &date) == 0)
    return g_strdup (iso);

  return g_strdup (buffer);
}

/**
 * budg_date_add_days:
 * @iso: a date as "YYYY-MM-DD"
 * @days: how many days to move forward, or back if negative
 *
 * Returns: (transfer full) (nullable): the resulting date as "YYYY-MM-DD",
 *   or %NULL if @iso is not a valid date or the result falls outside the
 *   years 1900 to 9999
 */
char *
budg_date_add_days (const char *iso,
                    int         days)
{
  GDate date;
  gint64 julian;

  g_return_val_if_fail (iso != NULL, NULL);

  if (!budg_date_parse (iso, &date, NULL))
    return NULL;

  /* Computing in 64 bits keeps GDate from wrapping around on huge offsets. */
  julian = (gint64) g_date_get_julian (&date) + days;
  if (julian < get_julian (1, G_DATE_JANUARY, MIN_YEAR) ||
      julian > get_julian (31, G_DATE_DECEMBER, MAX_YEAR))
    return NULL;

  g_date_set_julian (&date, (guint32) julian);

  return budg_date_to_iso (&date);
}
