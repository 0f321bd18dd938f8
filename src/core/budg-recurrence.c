/* budg-recurrence.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-recurrence"

#include "config.h"

#include <glib/gi18n.h>
#include <libical/ical.h>

#include "budg-date.h"
#include "budg-error.h"
#include "budg-recurrence.h"

/* However odd the rule or wide the range, one expansion stops after this
 * many steps (days, weeks, months or libical iterations) rather than keep
 * the caller waiting.
 */
#define MAX_STEPS 100000

/* The first date libical's answer to "does this rule ever give a date?" is
 * asked from. A leap year, so that rules on 29 February pass.
 */
#define PROBE_YEAR 2000

static const char * const weekend_shifts[] = {
  [BUDG_WEEKEND_SHIFT_NONE]   = "none",
  [BUDG_WEEKEND_SHIFT_BEFORE] = "before",
  [BUDG_WEEKEND_SHIFT_AFTER]  = "after",
};

/* Indexed by GDateWeekday. */
static const char * const weekday_names[] = {
  [G_DATE_MONDAY]    = N_("Monday"),
  [G_DATE_TUESDAY]   = N_("Tuesday"),
  [G_DATE_WEDNESDAY] = N_("Wednesday"),
  [G_DATE_THURSDAY]  = N_("Thursday"),
  [G_DATE_FRIDAY]    = N_("Friday"),
  [G_DATE_SATURDAY]  = N_("Saturday"),
  [G_DATE_SUNDAY]    = N_("Sunday"),
};

/* The state of one expansion. Dates are GDate Julian day numbers, which
 * make the arithmetic plain integer arithmetic.
 */
typedef struct
{
  GArray *occurrences;
  BudgWeekendShift shift;
  guint32 start;
  guint32 until;
  guint count;
  guint n_seen;
  guint32 from;
  guint32 to;
  /* Past this occurrence date no due date can fall in [from, to]. */
  guint32 last;
  guint steps;
} Expansion;

static guint32
julian_from_dmy (guint day,
                 guint month,
                 guint year)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);

  return g_date_get_julian (&date);
}

static GDateWeekday
weekday_of_julian (guint32 julian)
{
  /* Julian day 1, 1 January of the year 1, was a Monday. */
  return (GDateWeekday) ((julian - 1) % 7 + 1);
}

static GDateWeekday
weekday_from_ical (icalrecurrencetype_weekday weekday)
{
  /* libical counts from Sunday = 1, GDate from Monday = 1. */
  g_assert (weekday >= ICAL_SUNDAY_WEEKDAY && weekday <= ICAL_SATURDAY_WEEKDAY);

  return (GDateWeekday) ((weekday + 5) % 7 + 1);
}

static void
write_digits (char  *out,
              guint  value,
              guint  n_digits)
{
  for (guint i = n_digits; i-- > 0; value /= 10)
    out[i] = (char) ('0' + value % 10);
}

/* Writes the ISO form of @julian into the 11 bytes at @out. By hand, since
 * printf was a third of the time of a whole expansion.
 */
static void
format_julian (guint32  julian,
               char    *out)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  g_assert (g_date_get_year (&date) <= 9999);

  write_digits (out, g_date_get_year (&date), 4);
  out[4] = '-';
  write_digits (out + 5, g_date_get_month (&date), 2);
  out[7] = '-';
  write_digits (out + 8, g_date_get_day (&date), 2);
  out[10] = '\0';
}

static guint
by_length (const short *values,
           guint        size)
{
  guint n = 0;

  while (n < size && values[n] != ICAL_RECURRENCE_ARRAY_MAX)
    n++;

  return n;
}

#define BY_LENGTH(array) (by_length ((array), G_N_ELEMENTS (array)))

/* Strips spaces and the optional "RRULE:" property name, so that a line
 * copied from a calendar file is accepted as it is.
 */
static char *
normalize_rule (const char *rrule)
{
  g_autofree char *text = g_strstrip (g_strdup (rrule));

  if (g_ascii_strncasecmp (text, "RRULE:", 6) == 0)
    return g_strstrip (g_strdup (text + 6));

  return g_steal_pointer (&text);
}

static void
clear_rule (struct icalrecurrencetype *recur)
{
  /* libical leaves the RSCALE name (RFC 7529) to the caller. */
  g_clear_pointer (&recur->rscale, icalmemory_free_buffer);
}

/* Parses @text (already normalized) and refuses what cannot describe the
 * days a bill falls on.
 */
static gboolean
parse_rule (const char                 *text,
            struct icalrecurrencetype  *out_recur,
            GError                    **error)
{
  struct icalrecurrencetype recur;

  if (text[0] == '\0')
    {
      g_set_error_literal (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                           _("The repeat rule is empty. Enter a rule such as FREQ=MONTHLY;BYMONTHDAY=1."));
      return FALSE;
    }

  recur = icalrecurrencetype_from_string (text);

  if (recur.freq == ICAL_NO_RECURRENCE)
    {
      clear_rule (&recur);
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                   _("“%s” is not a repeat rule Budg understands. Write it as in RFC 5545, for example FREQ=MONTHLY;BYMONTHDAY=1."),
                   text);
      return FALSE;
    }

  if (recur.freq < ICAL_DAILY_RECURRENCE)
    {
      clear_rule (&recur);
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                   _("“%s” repeats more often than once a day. Bills fall on days: use FREQ=DAILY, WEEKLY, MONTHLY or YEARLY."),
                   text);
      return FALSE;
    }

  if (BY_LENGTH (recur.by_hour) > 0 ||
      BY_LENGTH (recur.by_minute) > 0 ||
      BY_LENGTH (recur.by_second) > 0)
    {
      clear_rule (&recur);
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                   _("“%s” sets a time of day (BYHOUR, BYMINUTE or BYSECOND). Bills fall on days: remove those parts."),
                   text);
      return FALSE;
    }

  *out_recur = recur;
  return TRUE;
}

static void
set_no_dates (GError     **error,
              const char  *text)
{
  g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
               _("“%s” never gives a date, for example because it asks for 30 February. Check the days and months it names."),
               text);
}

static gboolean
parse_julian (const char  *text,
              guint32     *out_julian,
              GError     **error)
{
  GDate date;

  if (!budg_date_parse (text, &date, error))
    return FALSE;

  *out_julian = g_date_get_julian (&date);
  return TRUE;
}

/* Counts one step of work; %FALSE once there have been too many. */
static gboolean
expansion_step (Expansion *ex)
{
  return ++ex->steps <= MAX_STEPS;
}

/* Takes the next occurrence of the series, in order. Returns %FALSE when
 * the series has ended or nothing later can land in the range.
 */
static gboolean
expansion_add (Expansion *ex,
               guint32    julian)
{
  GDateWeekday weekday = weekday_of_julian (julian);
  guint32 due = julian;

  if (julian > ex->until || julian > ex->last)
    return FALSE;

  ex->n_seen++;

  if (weekday == G_DATE_SATURDAY || weekday == G_DATE_SUNDAY)
    {
      if (ex->shift == BUDG_WEEKEND_SHIFT_BEFORE)
        due = julian - (weekday == G_DATE_SATURDAY ? 1 : 2);
      else if (ex->shift == BUDG_WEEKEND_SHIFT_AFTER)
        due = julian + (weekday == G_DATE_SATURDAY ? 2 : 1);
    }

  if (due >= ex->from && due <= ex->to)
    {
      BudgOccurrence occurrence;

      format_julian (julian, occurrence.occurrence_date);
      format_julian (due, occurrence.due_date);
      g_array_append_val (ex->occurrences, occurrence);
    }

  return ex->count == 0 || ex->n_seen < ex->count;
}

/* libical is built with ICU on Debian and spends a few microseconds per
 * occurrence in it, too slow for the ledger's hundreds of bills over years.
 * The shapes bills use (the ones the bill dialog offers) are simple enough
 * to expand here with day arithmetic; tests/test-recurrence.c checks them
 * against libical date for date. Everything else goes to libical.
 */
static gboolean
is_simple_rule (const struct icalrecurrencetype *recur)
{
  guint n_by_day = BY_LENGTH (recur->by_day);
  guint n_by_month_day = BY_LENGTH (recur->by_month_day);
  guint n_by_set_pos = BY_LENGTH (recur->by_set_pos);

  if (recur->rscale != NULL ||
      BY_LENGTH (recur->by_year_day) > 0 ||
      BY_LENGTH (recur->by_week_no) > 0 ||
      BY_LENGTH (recur->by_month) > 0)
    return FALSE;

  switch (recur->freq)
    {
    case ICAL_DAILY_RECURRENCE:
      return n_by_day == 0 && n_by_month_day == 0 && n_by_set_pos == 0;

    case ICAL_WEEKLY_RECURRENCE:
      if (n_by_month_day > 0 || n_by_set_pos > 0)
        return FALSE;
      for (guint i = 0; i < n_by_day; i++)
        {
          if (icalrecurrencetype_day_position (recur->by_day[i]) != 0)
            return FALSE;
        }
      return TRUE;

    case ICAL_MONTHLY_RECURRENCE:
      if (n_by_set_pos > 0 && n_by_day == 0 && n_by_month_day == 0)
        return FALSE;
      for (guint i = 0; i < n_by_day; i++)
        {
          if (ABS (icalrecurrencetype_day_position (recur->by_day[i])) > 5)
            return FALSE;
        }
      return TRUE;

    case ICAL_YEARLY_RECURRENCE:
      return n_by_day == 0 && n_by_month_day == 0 && n_by_set_pos == 0;

    case ICAL_SECONDLY_RECURRENCE:
    case ICAL_MINUTELY_RECURRENCE:
    case ICAL_HOURLY_RECURRENCE:
    case ICAL_NO_RECURRENCE:
    default:
      return FALSE;
    }
}

static void
expand_daily (Expansion                       *ex,
              const struct icalrecurrencetype *recur)
{
  for (guint32 julian = ex->start; expansion_step (ex); julian += recur->interval)
    {
      if (!expansion_add (ex, julian))
        return;
    }
}

static void
expand_weekly (Expansion                       *ex,
               const struct icalrecurrencetype *recur)
{
  GDateWeekday week_start = G_DATE_MONDAY;
  guint n_by_day = BY_LENGTH (recur->by_day);
  guint weekdays = 0;
  guint32 week;

  if (recur->week_start != ICAL_NO_WEEKDAY)
    week_start = weekday_from_ical (recur->week_start);

  for (guint i = 0; i < n_by_day; i++)
    weekdays |= 1u << weekday_from_ical (icalrecurrencetype_day_day_of_week (recur->by_day[i]));
  if (weekdays == 0)
    weekdays = 1u << weekday_of_julian (ex->start);

  /* INTERVAL counts weeks that begin on WKST, from the one holding the start. */
  week = ex->start - (weekday_of_julian (ex->start) - week_start + 7) % 7;

  for (; expansion_step (ex); week += 7 * (guint32) recur->interval)
    {
      for (guint32 julian = week; julian < week + 7; julian++)
        {
          if (julian < ex->start || !(weekdays & (1u << weekday_of_julian (julian))))
            continue;
          if (!expansion_add (ex, julian))
            return;
        }
    }
}

/* The days of one month the rule picks, as a mask with bit d - 1 for day d. */
static guint32
month_days (const struct icalrecurrencetype *recur,
            guint                            start_day,
            guint32                          first,
            guint                            n_days)
{
  guint n_by_month_day = BY_LENGTH (recur->by_month_day);
  guint n_by_day = BY_LENGTH (recur->by_day);
  guint n_by_set_pos = BY_LENGTH (recur->by_set_pos);
  guint32 by_month_day = 0;
  guint32 by_day = 0;
  guint32 days;

  for (guint i = 0; i < n_by_month_day; i++)
    {
      int day = recur->by_month_day[i];

      if (day < 0)
        day += (int) n_days + 1;
      if (day >= 1 && day <= (int) n_days)
        by_month_day |= 1u << (day - 1);
    }

  for (guint i = 0; i < n_by_day; i++)
    {
      GDateWeekday weekday = weekday_from_ical (icalrecurrencetype_day_day_of_week (recur->by_day[i]));
      int position = icalrecurrencetype_day_position (recur->by_day[i]);
      int first_day = 1 + ((int) weekday - (int) weekday_of_julian (first) + 7) % 7;
      int last_day = first_day + 7 * (((int) n_days - first_day) / 7);
      int day;

      if (position == 0)
        {
          for (day = first_day; day <= (int) n_days; day += 7)
            by_day |= 1u << (day - 1);
          continue;
        }

      day = position > 0 ? first_day + 7 * (position - 1) : last_day + 7 * (position + 1);
      if (day >= 1 && day <= (int) n_days)
        by_day |= 1u << (day - 1);
    }

  /* With both, BYDAY narrows BYMONTHDAY ("Friday the 13th"). */
  if (n_by_month_day > 0 && n_by_day > 0)
    days = by_month_day & by_day;
  else if (n_by_month_day > 0)
    days = by_month_day;
  else if (n_by_day > 0)
    days = by_day;
  else
    days = start_day <= n_days ? 1u << (start_day - 1) : 0;

  if (n_by_set_pos > 0)
    {
      guint candidates[31];
      guint n_candidates = 0;
      guint32 picked = 0;

      for (guint day = 1; day <= n_days; day++)
        {
          if (days & (1u << (day - 1)))
            candidates[n_candidates++] = day;
        }

      for (guint i = 0; i < n_by_set_pos; i++)
        {
          int position = recur->by_set_pos[i];
          int index = position > 0 ? position - 1 : (int) n_candidates + position;

          if (index >= 0 && index < (int) n_candidates)
            picked |= 1u << (candidates[index] - 1);
        }

      days = picked;
    }

  return days;
}

static void
expand_monthly (Expansion                       *ex,
                const struct icalrecurrencetype *recur)
{
  GDate start;
  guint year;
  guint month;
  guint start_day;

  g_date_clear (&start, 1);
  g_date_set_julian (&start, ex->start);
  year = g_date_get_year (&start);
  month = g_date_get_month (&start);
  start_day = g_date_get_day (&start);

  while (expansion_step (ex))
    {
      guint32 first = julian_from_dmy (1, month, year);
      guint n_days = g_date_get_days_in_month (month, year);
      guint32 days;

      if (first > ex->last)
        return;

      days = month_days (recur, start_day, first, n_days);

      for (guint day = 1; day <= n_days; day++)
        {
          guint32 julian = first + day - 1;

          if (!(days & (1u << (day - 1))) || julian < ex->start)
            continue;
          if (!expansion_add (ex, julian))
            return;
        }

      month += recur->interval;
      year += (month - 1) / 12;
      month = (month - 1) % 12 + 1;
    }
}

static void
expand_yearly (Expansion                       *ex,
               const struct icalrecurrencetype *recur)
{
  GDate start;
  guint year;
  GDateMonth month;
  GDateDay day;

  g_date_clear (&start, 1);
  g_date_set_julian (&start, ex->start);
  year = g_date_get_year (&start);
  month = g_date_get_month (&start);
  day = g_date_get_day (&start);

  for (; expansion_step (ex); year += recur->interval)
    {
      if (julian_from_dmy (1, month, year) > ex->last)
        return;

      /* 29 February only comes in leap years. */
      if (g_date_valid_dmy (day, month, (GDateYear) year) &&
          !expansion_add (ex, julian_from_dmy (day, month, year)))
        return;
    }
}

static gboolean
expand_with_libical (Expansion                  *ex,
                     struct icalrecurrencetype  *recur,
                     const char                 *text,
                     GError                    **error)
{
  struct icaltimetype dtstart = icaltime_null_time ();
  icalrecur_iterator *iterator;
  GDate start;

  g_date_clear (&start, 1);
  g_date_set_julian (&start, ex->start);
  dtstart.year = g_date_get_year (&start);
  dtstart.month = g_date_get_month (&start);
  dtstart.day = g_date_get_day (&start);
  /* A DATE value: no time and no zone, so no DST change can move it. */
  dtstart.is_date = 1;

  iterator = icalrecur_iterator_new (*recur, dtstart);
  if (iterator == NULL)
    {
      set_no_dates (error, text);
      return FALSE;
    }

  while (expansion_step (ex))
    {
      struct icaltimetype next = icalrecur_iterator_next (iterator);

      if (icaltime_is_null_time (next) ||
          !expansion_add (ex, julian_from_dmy (next.day, next.month, next.year)))
        break;
    }

  icalrecur_iterator_free (iterator);
  return TRUE;
}

/* "Monday, Wednesday and Friday". Consumes @items. */
static char *
join_list (GPtrArray *items)
{
  g_autoptr(GPtrArray) owned = items;
  g_autofree char *head = NULL;

  g_assert (items->len > 0);

  if (items->len == 1)
    return g_strdup (g_ptr_array_index (items, 0));

  head = g_strdup (g_ptr_array_index (items, 0));
  for (guint i = 1; i + 1 < items->len; i++)
    {
      char *longer;

      /* Translators: joins the items of a list but the last, such as
       * "Monday, Wednesday" in "Monday, Wednesday and Friday". */
      longer = g_strdup_printf (_("%s, %s"), head, (const char *) g_ptr_array_index (items, i));
      g_free (head);
      head = longer;
    }

  /* Translators: joins the last item of a list to the others, such as
   * "Monday, Wednesday and Friday" or "1 and 15". */
  return g_strdup_printf (_("%s and %s"), head,
                          (const char *) g_ptr_array_index (items, items->len - 1));
}

static char *
describe_weekdays (const struct icalrecurrencetype *recur)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  guint n_by_day = BY_LENGTH (recur->by_day);
  guint weekdays = 0;

  for (guint i = 0; i < n_by_day; i++)
    weekdays |= 1u << weekday_from_ical (icalrecurrencetype_day_day_of_week (recur->by_day[i]));

  for (guint weekday = G_DATE_MONDAY; weekday <= G_DATE_SUNDAY; weekday++)
    {
      if (weekdays & (1u << weekday))
        g_ptr_array_add (names, g_strdup (_(weekday_names[weekday])));
    }

  return join_list (names);
}

static char *
describe_month_days (const struct icalrecurrencetype *recur)
{
  GPtrArray *numbers = g_ptr_array_new_with_free_func (g_free);
  guint n_by_month_day = BY_LENGTH (recur->by_month_day);
  guint32 days = 0;

  for (guint i = 0; i < n_by_month_day; i++)
    days |= 1u << (recur->by_month_day[i] - 1);

  for (guint day = 1; day <= 31; day++)
    {
      if (days & (1u << (day - 1)))
        g_ptr_array_add (numbers, g_strdup_printf ("%u", day));
    }

  return join_list (numbers);
}

static char *
describe_nth_weekday (int         position,
                      const char *weekday,
                      guint       interval)
{
  /* The interval comes last so that the singular forms, which do not show
   * it, leave no gap in the positional arguments.
   */
  switch (position)
    {
    case 1:
      /* Translators: %1$s is a weekday, %2$u the number of months. */
      return g_strdup_printf (ngettext ("Every month on the first %1$s",
                                        "Every %2$u months on the first %1$s", interval),
                              weekday, interval);
    case 2:
      /* Translators: %1$s is a weekday, %2$u the number of months. */
      return g_strdup_printf (ngettext ("Every month on the second %1$s",
                                        "Every %2$u months on the second %1$s", interval),
                              weekday, interval);
    case 3:
      /* Translators: %1$s is a weekday, %2$u the number of months. */
      return g_strdup_printf (ngettext ("Every month on the third %1$s",
                                        "Every %2$u months on the third %1$s", interval),
                              weekday, interval);
    case 4:
      /* Translators: %1$s is a weekday, %2$u the number of months. */
      return g_strdup_printf (ngettext ("Every month on the fourth %1$s",
                                        "Every %2$u months on the fourth %1$s", interval),
                              weekday, interval);
    case 5:
      /* Translators: %1$s is a weekday, %2$u the number of months. */
      return g_strdup_printf (ngettext ("Every month on the fifth %1$s",
                                        "Every %2$u months on the fifth %1$s", interval),
                              weekday, interval);
    case -1:
      /* Translators: %1$s is a weekday, %2$u the number of months. */
      return g_strdup_printf (ngettext ("Every month on the last %1$s",
                                        "Every %2$u months on the last %1$s", interval),
                              weekday, interval);
    default:
      return NULL;
    }
}

static char *
describe_weekly (const struct icalrecurrencetype *recur,
                 guint                            interval)
{
  guint n_by_day = BY_LENGTH (recur->by_day);
  g_autofree char *weekdays = NULL;

  if (BY_LENGTH (recur->by_month_day) > 0 || BY_LENGTH (recur->by_set_pos) > 0)
    return NULL;

  if (n_by_day == 0)
    return g_strdup_printf (ngettext ("Every week", "Every %u weeks", interval), interval);

  for (guint i = 0; i < n_by_day; i++)
    {
      if (icalrecurrencetype_day_position (recur->by_day[i]) != 0)
        return NULL;
    }

  weekdays = describe_weekdays (recur);
  /* Translators: %1$s is a weekday or a list of them, such as "Monday and
   * Thursday"; %2$u is the number of weeks. */
  return g_strdup_printf (ngettext ("Every week on %1$s", "Every %2$u weeks on %1$s", interval),
                          weekdays, interval);
}

/* Mondays to Fridays, each without a position: the working week. */
static gboolean
is_working_week (const struct icalrecurrencetype *recur)
{
  guint n_by_day = BY_LENGTH (recur->by_day);
  guint weekdays = 0;

  for (guint i = 0; i < n_by_day; i++)
    {
      if (icalrecurrencetype_day_position (recur->by_day[i]) != 0)
        return FALSE;
      weekdays |= 1u << weekday_from_ical (icalrecurrencetype_day_day_of_week (recur->by_day[i]));
    }

  return weekdays == ((1u << G_DATE_MONDAY) | (1u << G_DATE_TUESDAY) | (1u << G_DATE_WEDNESDAY) |
                      (1u << G_DATE_THURSDAY) | (1u << G_DATE_FRIDAY));
}

static char *
describe_monthly (const struct icalrecurrencetype *recur,
                  guint                            interval)
{
  guint n_by_day = BY_LENGTH (recur->by_day);
  guint n_by_month_day = BY_LENGTH (recur->by_month_day);
  guint n_by_set_pos = BY_LENGTH (recur->by_set_pos);

  if (n_by_day == 0 && n_by_month_day == 0 && n_by_set_pos == 0)
    return g_strdup_printf (ngettext ("Every month", "Every %u months", interval), interval);

  if (n_by_day == 0 && n_by_set_pos == 0 && n_by_month_day == 1 && recur->by_month_day[0] == -1)
    return g_strdup_printf (ngettext ("Every month on the last day",
                                      "Every %u months on the last day", interval),
                            interval);

  if (n_by_day == 0 && n_by_set_pos == 0)
    {
      g_autofree char *days = NULL;

      for (guint i = 0; i < n_by_month_day; i++)
        {
          if (recur->by_month_day[i] < 1)
            return NULL;
        }

      days = describe_month_days (recur);
      /* Translators: %1$s is one day of the month or a list of them, such
       * as "1 and 15"; %2$u is the number of months. */
      return g_strdup_printf (ngettext ("Every month on day %1$s",
                                        "Every %2$u months on day %1$s", interval),
                              days, interval);
    }

  if (n_by_month_day == 0 && n_by_set_pos == 1 && recur->by_set_pos[0] == -1 &&
      is_working_week (recur))
    return g_strdup_printf (ngettext ("Every month on the last weekday",
                                      "Every %u months on the last weekday", interval),
                            interval);

  if (n_by_month_day == 0 && n_by_set_pos == 0 && n_by_day == 1)
    {
      icalrecurrencetype_weekday weekday = icalrecurrencetype_day_day_of_week (recur->by_day[0]);

      return describe_nth_weekday (icalrecurrencetype_day_position (recur->by_day[0]),
                                   _(weekday_names[weekday_from_ical (weekday)]),
                                   interval);
    }

  return NULL;
}

static char *
describe_rule (const struct icalrecurrencetype *recur)
{
  guint interval = (guint) recur->interval;
  guint n_by_day = BY_LENGTH (recur->by_day);
  guint n_by_month_day = BY_LENGTH (recur->by_month_day);
  guint n_by_set_pos = BY_LENGTH (recur->by_set_pos);
  gboolean has_by = n_by_day > 0 || n_by_month_day > 0 || n_by_set_pos > 0;

  /* A COUNT or UNTIL in the rule, or the rarer parts, have no plain words
   * here: showing the rule itself at least hides nothing.
   */
  if (recur->count > 0 || !icaltime_is_null_time (recur->until) || recur->rscale != NULL ||
      BY_LENGTH (recur->by_year_day) > 0 ||
      BY_LENGTH (recur->by_week_no) > 0 ||
      BY_LENGTH (recur->by_month) > 0)
    return NULL;

  switch (recur->freq)
    {
    case ICAL_DAILY_RECURRENCE:
      if (has_by)
        return NULL;
      return g_strdup_printf (ngettext ("Every day", "Every %u days", interval), interval);

    case ICAL_WEEKLY_RECURRENCE:
      return describe_weekly (recur, interval);

    case ICAL_MONTHLY_RECURRENCE:
      return describe_monthly (recur, interval);

    case ICAL_YEARLY_RECURRENCE:
      if (has_by)
        return NULL;
      return g_strdup_printf (ngettext ("Every year", "Every %u years", interval), interval);

    case ICAL_SECONDLY_RECURRENCE:
    case ICAL_MINUTELY_RECURRENCE:
    case ICAL_HOURLY_RECURRENCE:
    case ICAL_NO_RECURRENCE:
    default:
      return NULL;
    }
}

/**
 * budg_weekend_shift_to_string:
 * @shift: a #BudgWeekendShift
 *
 * Returns: (transfer none): the stable nick of @shift, such as "before"
 */
const char *
budg_weekend_shift_to_string (BudgWeekendShift shift)
{
  g_return_val_if_fail ((guint) shift < G_N_ELEMENTS (weekend_shifts), NULL);

  return weekend_shifts[shift];
}

/**
 * budg_weekend_shift_from_string:
 * @text: a nick such as "after"
 * @shift: (out) (optional): where to store the shift
 *
 * Returns: %TRUE if @text names a weekend shift
 */
gboolean
budg_weekend_shift_from_string (const char       *text,
                                BudgWeekendShift *shift)
{
  if (text == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (weekend_shifts); i++)
    {
      if (g_str_equal (text, weekend_shifts[i]))
        {
          if (shift != NULL)
            *shift = (BudgWeekendShift) i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * budg_recurrence_validate:
 * @rrule: an RRULE value, with or without the "RRULE:" prefix
 * @error: return location for a #GError
 *
 * Besides the syntax, checks that the rule gives at least one date, so
 * that "every 30 February" is refused when the bill is saved rather than
 * silently never coming due.
 *
 * Returns: %TRUE if @rrule can describe a bill's days, %FALSE with a
 *   %BUDG_ERROR_INVALID_INPUT error otherwise
 */
gboolean
budg_recurrence_validate (const char  *rrule,
                          GError     **error)
{
  g_autofree char *text = NULL;
  struct icalrecurrencetype recur;
  struct icaltimetype probe = icaltime_null_time ();
  struct icaltimetype first;
  icalrecur_iterator *iterator;

  g_return_val_if_fail (rrule != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  text = normalize_rule (rrule);
  if (!parse_rule (text, &recur, error))
    return FALSE;

  probe.year = PROBE_YEAR;
  probe.month = 1;
  probe.day = 1;
  probe.is_date = 1;

  iterator = icalrecur_iterator_new (recur, probe);
  first = iterator != NULL ? icalrecur_iterator_next (iterator) : icaltime_null_time ();
  g_clear_pointer (&iterator, icalrecur_iterator_free);
  clear_rule (&recur);

  if (icaltime_is_null_time (first))
    {
      set_no_dates (error, text);
      return FALSE;
    }

  return TRUE;
}

/**
 * budg_recurrence_expand:
 * @rrule: an RRULE value, with or without the "RRULE:" prefix
 * @start_date: the ISO date the series starts from
 * @until: (nullable): the last ISO date the series may give
 * @count: how many occurrences the series has from @start_date, 0 for no limit
 * @shift: where occurrences on a weekend are due
 * @from: the first ISO due date to return
 * @to: the last ISO due date to return
 * @error: return location for a #GError
 *
 * An occurrence belongs to the range by its due date, so a Sunday
 * occurrence due the Friday before is listed when that Friday is the last
 * day of the range.
 *
 * Returns: (transfer full) (element-type BudgOccurrence): the occurrences
 *   in date order, or %NULL with a %BUDG_ERROR_INVALID_INPUT error
 */
GArray *
budg_recurrence_expand (const char        *rrule,
                        const char        *start_date,
                        const char        *until,
                        guint              count,
                        BudgWeekendShift   shift,
                        const char        *from,
                        const char        *to,
                        GError           **error)
{
  g_autoptr(GArray) occurrences = NULL;
  g_autofree char *text = NULL;
  struct icalrecurrencetype recur;
  Expansion ex = { 0 };
  gboolean ok = TRUE;

  g_return_val_if_fail (rrule != NULL, NULL);
  g_return_val_if_fail (start_date != NULL, NULL);
  g_return_val_if_fail ((guint) shift < G_N_ELEMENTS (weekend_shifts), NULL);
  g_return_val_if_fail (from != NULL, NULL);
  g_return_val_if_fail (to != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  ex.shift = shift;
  ex.count = count;
  ex.until = G_MAXUINT32;

  if (!parse_julian (start_date, &ex.start, error) ||
      (until != NULL && !parse_julian (until, &ex.until, error)) ||
      !parse_julian (from, &ex.from, error) ||
      !parse_julian (to, &ex.to, error))
    return NULL;

  text = normalize_rule (rrule);
  if (!parse_rule (text, &recur, error))
    return NULL;

  /* The rule's own end applies as well as the bill's; libical honours it
   * too, the simple expansions need it here.
   */
  if (recur.count > 0 && (ex.count == 0 || (guint) recur.count < ex.count))
    ex.count = recur.count;
  if (!icaltime_is_null_time (recur.until) &&
      g_date_valid_dmy (recur.until.day, recur.until.month, recur.until.year))
    ex.until = MIN (ex.until, julian_from_dmy (recur.until.day, recur.until.month, recur.until.year));

  /* Saturday and Sunday can be due on the Friday before. */
  ex.last = ex.to + (shift == BUDG_WEEKEND_SHIFT_BEFORE ? 2 : 0);

  occurrences = g_array_new (FALSE, FALSE, sizeof (BudgOccurrence));
  ex.occurrences = occurrences;

  if (ex.from <= ex.to && ex.start <= ex.last)
    {
      if (!is_simple_rule (&recur))
        ok = expand_with_libical (&ex, &recur, text, error);
      else if (recur.freq == ICAL_DAILY_RECURRENCE)
        expand_daily (&ex, &recur);
      else if (recur.freq == ICAL_WEEKLY_RECURRENCE)
        expand_weekly (&ex, &recur);
      else if (recur.freq == ICAL_MONTHLY_RECURRENCE)
        expand_monthly (&ex, &recur);
      else
        expand_yearly (&ex, &recur);
    }

  clear_rule (&recur);

  if (!ok)
    return NULL;

  if (ex.steps > MAX_STEPS)
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                   _("“%s” from %s gives more dates than Budg can list at once. Choose a later start date or a shorter range."),
                   text, start_date);
      return NULL;
    }

  return g_steal_pointer (&occurrences);
}

/**
 * budg_recurrence_describe:
 * @rrule: an RRULE value, with or without the "RRULE:" prefix
 *
 * Puts the shapes the bill dialog offers into words: "Every 2 weeks on
 * Friday", "Every month on day 1 and 15", "Every month on the second
 * Tuesday", "Every month on the last day", "Every month on the last
 * weekday". Any other rule, or an invalid one, is returned as written
 * (without "RRULE:").
 *
 * Returns: (transfer full): the description
 */
char *
budg_recurrence_describe (const char *rrule)
{
  g_autofree char *text = NULL;
  struct icalrecurrencetype recur;
  char *description;

  g_return_val_if_fail (rrule != NULL, NULL);

  text = normalize_rule (rrule);
  if (!parse_rule (text, &recur, NULL))
    return g_steal_pointer (&text);

  description = describe_rule (&recur);
  clear_rule (&recur);

  return description != NULL ? description : g_steal_pointer (&text);
}
