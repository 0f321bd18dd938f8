/* test-recurrence.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-recurrence"

#include "config.h"

#include <string.h>
#include <time.h>

#include <libical/ical.h>

#include "budg-date.h"
#include "budg-error.h"
#include "budg-recurrence.h"

/* One expansion and the occurrences it must give, checked by hand against a
 * calendar. @expected lists them separated by spaces; an occurrence that is
 * due on another day reads "OCCURRENCE>DUE".
 */
typedef struct
{
  const char *what;
  const char *rrule;
  const char *start;
  const char *until;
  guint count;
  BudgWeekendShift shift;
  const char *from;
  const char *to;
  const char *expected;
} ExpandCase;

static const ExpandCase expand_cases[] = {
  /* RFC 5545: a date that does not exist in a month is skipped, not moved. */
  { "monthly on the 31st", "FREQ=MONTHLY;BYMONTHDAY=31", "2026-01-31", NULL, 0,
    BUDG_WEEKEND_SHIFT_NONE, "2026-01-01", "2026-12-31",
    "2026-01-31 2026-03-31 2026-05-31 2026-07-31 2026-08-31 2026-10-31 2026-12-31" },
  { "monthly from the 31st", "FREQ=MONTHLY", "2026-01-31", NULL, 0,
    BUDG_WEEKEND_SHIFT_NONE, "2026-01-01", "2026-06-30",
    "2026-01-31 2026-03-31 2026-05-31" },
  { "last day, leap year", "FREQ=MONTHLY;BYMONTHDAY=-1", "2024-01-01", NULL, 0,
    BUDG_WEEKEND_SHIFT_NONE, "2024-01-01", "2024-04-30",
    "2024-01-31 2024-02-29 2024-03-31 2024-04-30" },
  { "last day, common year", "FREQ=MONTHLY;BYMONTHDAY=-1", "2026-01-01", NULL, 0,
    BUDG_WEEKEND_SHIFT_NONE, "2026-01-01", "2026-04-30",
    "2026-01-31 2026-02-28 2026-03-31 2026-04-30" },
  { "yearly from 29 February", "FREQ=YEARLY", "2024-02-29", NULL, 0,
    BUDG_WEEKEND_SHIFT_NONE, "2024-01-01", "2033-12-31",
    "2024-02-29 2028-02-29 2032-02-29" },
  { "yearly on 29 February", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", "2025-01-01", NULL, 0,
    BUDG_WEEKEND_SHIFT_NONE, "2025-01-01", "2033-12-31",
    "2028-02-29 2032-02-29" },
  { "every 2 weeks on Friday", "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR", "2026-01-02", NULL, 0,
    BUDG_WEEKEND_SHIFT_NONE, "2026-01-01", "2026-03-01",
    "2026-01-02 2026-01-16 2026-01-30 2026-02-13 2026-02-27" },
  /* A start on a Wednesday: the first Friday is the one of the same week. */
  { "every 2 weeks on Friday from a Wednesday", "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR", "2026-01-07", NULL, 0,
    BUDG_WEEKEND_SHIFT_NONE, "2026-01-01", "2026-03-01",
    "2026-01-09 2026-01-23 2026-02-06 2026-02-20" },
  { "twice a month", "FREQ=MONTHLY;BYMONTHDAY=1,15", "2026-01-10", NULL, 0,
    BUDG_WEEKEND_SHIFT_NONE, "2026-01-01", "2026-03-31",
    "2026-01-15 2026-02-01 2026-02-15 2026-03-01 2026-03-15" },
  { "second Tuesday", "FREQ=MONTHLY;BYDAY=2TU", "2026-01-01", NULL, 0,
    BUDG_WEEKEND_SHIFT_NONE, "2026-01-01", "2026-06-30",
    "2026-01-13 2026-02-10 2026-03-10 2026-04-14 2026-05-12 2026-06-09" },
  { "last weekday", "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1", "2026-01-01", NULL, 0,
    BUDG_WEEKEND_SHIFT_NONE, "2026-01-01", "2026-06-30",
    "2026-01-30 2026-02-27 2026-03-31 2026-04-30 2026-05-29 2026-06-30" },
  { "RRULE: prefix", "RRULE:FREQ=MONTHLY;BYMONTHDAY=1", "2026-01-01", NULL, 0,
    BUDG_WEEKEND_SHIFT_NONE, "2026-01-01", "2026-02-28",
    "2026-01-01 2026-02-01" },

  /* 2026-11-01 is a Sunday and 2026-08-01 a Saturday. */
  { "Sunday, no shift", "FREQ=MONTHLY;BYMONTHDAY=1", "2026-01-01", NULL, 0,
    BUDG_WEEKEND_SHIFT_NONE, "2026-10-01", "2026-11-30",
    "2026-10-01 2026-11-01" },
  { "Sunday, before", "FREQ=MONTHLY;BYMONTHDAY=1", "2026-01-01", NULL, 0,
    BUDG_WEEKEND_SHIFT_BEFORE, "2026-10-01", "2026-11-30",
    "2026-10-01 2026-11-01>2026-10-30" },
  { "Sunday, after", "FREQ=MONTHLY;BYMONTHDAY=1", "2026-01-01", NULL, 0,
    BUDG_WEEKEND_SHIFT_AFTER, "2026-10-01", "2026-11-30",
    "2026-10-01 2026-11-01>2026-11-02" },
  { "Saturday, before", "FREQ=MONTHLY;BYMONTHDAY=1", "2026-01-01", NULL, 0,
    BUDG_WEEKEND_SHIFT_BEFORE, "2026-07-01", "2026-08-31",
    "2026-07-01 2026-08-01>2026-07-31" },
  { "Saturday, after", "FREQ=MONTHLY;BYMONTHDAY=1", "2026-01-01", NULL, 0,
    BUDG_WEEKEND_SHIFT_AFTER, "2026-07-01", "2026-08-31",
    "2026-07-01 2026-08-01>2026-08-03" },
  /* The range holds due dates: a shift moves occurrences in and out. */
  { "shifted before into the range", "FREQ=MONTHLY;BYMONTHDAY=1", "2026-01-01", NULL, 0,
    BUDG_WEEKEND_SHIFT_BEFORE, "2026-10-26", "2026-10-30",
    "2026-11-01>2026-10-30" },
  { "shifted before out of the range", "FREQ=MONTHLY;BYMONTHDAY=1", "2026-01-01", NULL, 0,
    BUDG_WEEKEND_SHIFT_BEFORE, "2026-11-01", "2026-11-30",
    "" },
  { "shifted after into the range", "FREQ=MONTHLY;BYMONTHDAY=1", "2026-01-01", NULL, 0,
    BUDG_WEEKEND_SHIFT_AFTER, "2026-11-02", "2026-11-05",
    "2026-11-01>2026-11-02" },
  { "shifted after out of the range", "FREQ=MONTHLY;BYMONTHDAY=1", "2026-01-01", NULL, 0,
    BUDG_WEEKEND_SHIFT_AFTER, "2026-10-02", "2026-11-01",
    "" },
  /* Friday, Saturday and Sunday are all due on Friday, in order. */
  { "daily, before", "FREQ=DAILY", "2026-01-01", NULL, 0,
    BUDG_WEEKEND_SHIFT_BEFORE, "2026-10-30", "2026-11-02",
    "2026-10-30 2026-10-31>2026-10-30 2026-11-01>2026-10-30 2026-11-02" },

  { "count from the start", "FREQ=MONTHLY;BYMONTHDAY=1", "2026-01-01", NULL, 3,
    BUDG_WEEKEND_SHIFT_NONE, "2026-02-15", "2026-12-31",
    "2026-03-01" },
  { "COUNT in the rule", "FREQ=MONTHLY;BYMONTHDAY=1;COUNT=3", "2026-01-01", NULL, 0,
    BUDG_WEEKEND_SHIFT_NONE, "2026-02-15", "2026-12-31",
    "2026-03-01" },
  { "the smaller count wins", "FREQ=MONTHLY;BYMONTHDAY=1;COUNT=5", "2026-01-01", NULL, 2,
    BUDG_WEEKEND_SHIFT_NONE, "2026-01-01", "2026-12-31",
    "2026-01-01 2026-02-01" },
  { "count, libical", "FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=30", "2020-06-30", NULL, 4,
    BUDG_WEEKEND_SHIFT_NONE, "2022-01-01", "2030-12-31",
    "2022-06-30 2023-06-30" },
  { "count ends before the range", "FREQ=MONTHLY;BYMONTHDAY=1", "2026-01-01", NULL, 3,
    BUDG_WEEKEND_SHIFT_NONE, "2026-04-01", "2026-12-31",
    "" },
  { "until, inclusive", "FREQ=MONTHLY;BYMONTHDAY=1", "2026-01-01", "2026-03-01", 0,
    BUDG_WEEKEND_SHIFT_NONE, "2026-01-01", "2026-12-31",
    "2026-01-01 2026-02-01 2026-03-01" },
  { "UNTIL in the rule", "FREQ=MONTHLY;BYMONTHDAY=1;UNTIL=20260301", "2026-01-01", NULL, 0,
    BUDG_WEEKEND_SHIFT_NONE, "2026-01-01", "2026-12-31",
    "2026-01-01 2026-02-01 2026-03-01" },
  { "the earlier until wins", "FREQ=MONTHLY;BYMONTHDAY=1;UNTIL=20260301", "2026-01-01", "2026-02-15", 0,
    BUDG_WEEKEND_SHIFT_NONE, "2026-01-01", "2026-12-31",
    "2026-01-01 2026-02-01" },
  /* Until ends the series by occurrence; the last may be due after it. */
  { "until and a shift after", "FREQ=MONTHLY;BYMONTHDAY=1", "2026-01-01", "2026-11-01", 0,
    BUDG_WEEKEND_SHIFT_AFTER, "2026-10-01", "2026-12-31",
    "2026-10-01 2026-11-01>2026-11-02" },

  { "mid-series, every 2 weeks", "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR", "2025-01-03", NULL, 0,
    BUDG_WEEKEND_SHIFT_NONE, "2026-03-01", "2026-03-31",
    "2026-03-13 2026-03-27" },
  { "mid-series, every 3 days for 20 years", "FREQ=DAILY;INTERVAL=3", "2006-01-01", NULL, 0,
    BUDG_WEEKEND_SHIFT_NONE, "2026-01-01", "2026-01-10",
    "2026-01-01 2026-01-04 2026-01-07 2026-01-10" },
  { "start after the range", "FREQ=MONTHLY", "2027-01-01", NULL, 0,
    BUDG_WEEKEND_SHIFT_NONE, "2026-01-01", "2026-12-31",
    "" },
  { "empty range", "FREQ=DAILY", "2026-01-01", NULL, 0,
    BUDG_WEEKEND_SHIFT_NONE, "2026-02-01", "2026-01-31",
    "" },
};

static char *
occurrences_to_string (GArray *occurrences)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < occurrences->len; i++)
    {
      const BudgOccurrence *occurrence = &g_array_index (occurrences, BudgOccurrence, i);

      if (i > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, occurrence->occurrence_date);
      if (!g_str_equal (occurrence->occurrence_date, occurrence->due_date))
        g_string_append_printf (text, ">%s", occurrence->due_date);
    }

  return g_string_free (text, FALSE);
}

static char *
expand_case (const ExpandCase *c)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) occurrences = NULL;

  occurrences = budg_recurrence_expand (c->rrule, c->start, c->until, c->count, c->shift,
                                        c->from, c->to, &error);
  g_assert_no_error (error);
  g_assert_nonnull (occurrences);

  return occurrences_to_string (occurrences);
}

static void
test_expand_table (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (expand_cases); i++)
    {
      const ExpandCase *c = &expand_cases[i];
      g_autofree char *got = NULL;

      g_test_message ("%s: %s from %s", c->what, c->rrule, c->start);
      got = expand_case (c);
      g_assert_cmpstr (got, ==, c->expected);
    }
}

/* The same rules give the same days whatever the local time zone and
 * whether a DST change falls in the range: 2026-03-08 in New York,
 * 2026-03-29 in Berlin.
 */
static void
test_expand_dst (void)
{
  static const ExpandCase dst_cases[] = {
    { "daily over DST", "FREQ=DAILY", "2026-03-06", NULL, 0,
      BUDG_WEEKEND_SHIFT_NONE, "2026-03-07", "2026-03-09",
      "2026-03-07 2026-03-08 2026-03-09" },
    { "weekly over DST", "FREQ=WEEKLY;BYDAY=SU", "2026-03-01", NULL, 0,
      BUDG_WEEKEND_SHIFT_AFTER, "2026-03-01", "2026-04-05",
      "2026-03-01>2026-03-02 2026-03-08>2026-03-09 2026-03-15>2026-03-16 "
      "2026-03-22>2026-03-23 2026-03-29>2026-03-30" },
    /* Through libical rather than Budg's own day arithmetic. */
    { "daily over DST, libical", "FREQ=DAILY;BYMONTH=3", "2026-03-06", NULL, 0,
      BUDG_WEEKEND_SHIFT_NONE, "2026-03-07", "2026-03-09",
      "2026-03-07 2026-03-08 2026-03-09" },
    { "daily over DST in Europe, libical", "FREQ=DAILY;BYMONTH=3", "2026-03-06", NULL, 0,
      BUDG_WEEKEND_SHIFT_NONE, "2026-03-28", "2026-03-30",
      "2026-03-28 2026-03-29 2026-03-30" },
    /* US DST starts on the second Sunday of March. */
    { "yearly on the DST day", "FREQ=YEARLY;BYMONTH=3;BYDAY=2SU", "2026-01-01", NULL, 0,
      BUDG_WEEKEND_SHIFT_NONE, "2026-01-01", "2028-12-31",
      "2026-03-08 2027-03-14 2028-03-12" },
  };
  static const char * const zones[] = { "America/New_York", "Europe/Berlin", "Pacific/Kiritimati", "UTC" };
  g_autofree char *saved_tz = g_strdup (g_getenv ("TZ"));

  for (guint z = 0; z < G_N_ELEMENTS (zones); z++)
    {
      g_setenv ("TZ", zones[z], TRUE);
      tzset ();

      for (guint i = 0; i < G_N_ELEMENTS (dst_cases); i++)
        {
          g_autofree char *got = expand_case (&dst_cases[i]);

          g_test_message ("%s in %s", dst_cases[i].what, zones[z]);
          g_assert_cmpstr (got, ==, dst_cases[i].expected);
        }
    }

  if (saved_tz != NULL)
    g_setenv ("TZ", saved_tz, TRUE);
  else
    g_unsetenv ("TZ");
  tzset ();
}

static void
test_validate_valid (void)
{
  static const char * const rules[] = {
    "FREQ=DAILY",
    "FREQ=MONTHLY;BYMONTHDAY=1",
    "RRULE:FREQ=MONTHLY;BYMONTHDAY=1",
    "  rrule:FREQ=WEEKLY;INTERVAL=2;BYDAY=FR  ",
    "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1",
    "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29",
    "FREQ=MONTHLY;COUNT=12",
  };

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", rules[i]);
      g_assert_true (budg_recurrence_validate (rules[i], &error));
      g_assert_no_error (error);
    }
}

static void
test_invalid_rules (void)
{
  static const struct
  {
    const char *rrule;
    /* A word the message must contain, beyond the rule itself. */
    const char *hint;
  } rules[] = {
    { "garbage", "FREQ=MONTHLY;BYMONTHDAY=1" },
    { "FREQ=FORTNIGHTLY", "FREQ=MONTHLY;BYMONTHDAY=1" },
    { "FREQ=DAILY;BOGUS=1", "FREQ=MONTHLY;BYMONTHDAY=1" },
    { "FREQ=MONTHLY;BYMONTHDAY=40", "FREQ=MONTHLY;BYMONTHDAY=1" },
    { "", "FREQ=MONTHLY;BYMONTHDAY=1" },
    { "   ", "FREQ=MONTHLY;BYMONTHDAY=1" },
    { "RRULE:", "FREQ=MONTHLY;BYMONTHDAY=1" },
    { "FREQ=HOURLY", "once a day" },
    { "FREQ=MINUTELY;INTERVAL=30", "once a day" },
    { "FREQ=SECONDLY", "once a day" },
    { "FREQ=DAILY;BYHOUR=9", "time of day" },
    { "FREQ=WEEKLY;BYDAY=MO;BYMINUTE=30", "time of day" },
    { "FREQ=MONTHLY;BYSECOND=1", "time of day" },
    { "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", "never" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) expand_error = NULL;
      g_autoptr(GArray) occurrences = NULL;
      g_autofree char *shown = g_strstrip (g_strdup (rules[i].rrule));

      g_test_message ("“%s”", rules[i].rrule);
      g_assert_false (budg_recurrence_validate (rules[i].rrule, &error));
      g_assert_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT);
      g_assert_nonnull (strstr (error->message, rules[i].hint));
      if (shown[0] != '\0' && !g_str_equal (shown, "RRULE:"))
        g_assert_nonnull (strstr (error->message, shown));

      occurrences = budg_recurrence_expand (rules[i].rrule, "2026-01-01", NULL, 0,
                                            BUDG_WEEKEND_SHIFT_NONE,
                                            "2026-01-01", "2026-12-31", &expand_error);
      g_assert_null (occurrences);
      g_assert_error (expand_error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT);
    }
}

static void
test_invalid_dates (void)
{
  static const char * const dates[][4] = {
    { "2026-02-30", NULL, "2026-01-01", "2026-12-31" },
    { "2026-01-01", "someday", "2026-01-01", "2026-12-31" },
    { "2026-01-01", NULL, "", "2026-12-31" },
    { "2026-01-01", NULL, "2026-01-01", "2026-13-01" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) occurrences = NULL;

      occurrences = budg_recurrence_expand ("FREQ=DAILY", dates[i][0], dates[i][1], 0,
                                            BUDG_WEEKEND_SHIFT_NONE,
                                            dates[i][2], dates[i][3], &error);
      g_assert_null (occurrences);
      g_assert_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT);
    }
}

/* A daily rule from 1900 listed in the year 9000 would take millions of
 * steps: the expansion gives up with an error instead.
 */
static void
test_runaway (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) occurrences = NULL;

  occurrences = budg_recurrence_expand ("FREQ=DAILY", "1900-01-01", NULL, 0,
                                        BUDG_WEEKEND_SHIFT_NONE,
                                        "9000-01-01", "9000-01-31", &error);
  g_assert_null (occurrences);
  g_assert_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "1900-01-01"));

  /* A century of days is still fine. */
  g_clear_error (&error);
  occurrences = budg_recurrence_expand ("FREQ=DAILY", "1926-01-01", NULL, 0,
                                        BUDG_WEEKEND_SHIFT_NONE,
                                        "2026-01-01", "2026-01-31", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (occurrences->len, ==, 31);
}

/* Rules Budg expands itself rather than through libical, each compared with
 * libical's own expansion from starts spread over every weekday and month
 * position.
 */
static void
test_expand_matches_libical (void)
{
  static const char * const rules[] = {
    "FREQ=DAILY",
    "FREQ=DAILY;INTERVAL=3",
    "FREQ=WEEKLY",
    "FREQ=WEEKLY;INTERVAL=2",
    "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR",
    "FREQ=WEEKLY;BYDAY=MO,TH",
    "FREQ=WEEKLY;INTERVAL=3;BYDAY=SU,WE;WKST=SU",
    "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,SA;WKST=WE",
    "FREQ=WEEKLY;UNTIL=20250301",
    "FREQ=MONTHLY",
    "FREQ=MONTHLY;INTERVAL=2",
    "FREQ=MONTHLY;COUNT=5",
    "FREQ=MONTHLY;BYMONTHDAY=31",
    "FREQ=MONTHLY;BYMONTHDAY=1,15",
    "FREQ=MONTHLY;BYMONTHDAY=-1",
    "FREQ=MONTHLY;BYMONTHDAY=15,-1",
    "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=30,-3",
    "FREQ=MONTHLY;BYDAY=2TU",
    "FREQ=MONTHLY;BYDAY=-1FR",
    "FREQ=MONTHLY;BYDAY=5MO",
    "FREQ=MONTHLY;BYDAY=1MO,3MO",
    "FREQ=MONTHLY;BYDAY=SA,SU",
    "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1",
    "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1,-1",
    "FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13",
    "FREQ=MONTHLY;BYMONTHDAY=1,2,3;BYSETPOS=2",
    "FREQ=YEARLY",
    "FREQ=YEARLY;INTERVAL=3",
    "FREQ=YEARLY;COUNT=4",
  };
  const guint n_wanted = 30;
  GDate first;

  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 1, G_DATE_DECEMBER, 2023);

  for (guint r = 0; r < G_N_ELEMENTS (rules); r++)
    {
      struct icalrecurrencetype recur = icalrecurrencetype_from_string (rules[r]);

      g_assert_cmpint (recur.freq, !=, ICAL_NO_RECURRENCE);

      /* Every fifth day for two years and a bit: all weekdays, all days of
       * the month, a leap February.
       */
      for (guint offset = 0; offset < 830; offset += 5)
        {
          struct icaltimetype dtstart = icaltime_null_time ();
          g_autoptr(GError) error = NULL;
          g_autoptr(GArray) occurrences = NULL;
          g_autoptr(GString) expected = g_string_new (NULL);
          g_autofree char *start = NULL;
          g_autofree char *to = NULL;
          g_autofree char *got = NULL;
          icalrecur_iterator *iterator;
          GDate date = first;

          g_date_add_days (&date, offset);
          start = budg_date_to_iso (&date);
          to = budg_date_add_days (start, 30 * 366);

          dtstart.year = g_date_get_year (&date);
          dtstart.month = g_date_get_month (&date);
          dtstart.day = g_date_get_day (&date);
          dtstart.is_date = 1;
          iterator = icalrecur_iterator_new (recur, dtstart);
          g_assert_nonnull (iterator);
          for (guint i = 0; i < n_wanted; i++)
            {
              struct icaltimetype next = icalrecur_iterator_next (iterator);
              g_autofree char *iso = NULL;

              if (icaltime_is_null_time (next))
                break;
              iso = g_strdup_printf ("%04d-%02d-%02d", next.year, next.month, next.day);
              if (strcmp (iso, to) > 0)
                break;
              g_string_append_printf (expected, "%s%s", i > 0 ? " " : "", iso);
            }
          icalrecur_iterator_free (iterator);

          occurrences = budg_recurrence_expand (rules[r], start, NULL, n_wanted,
                                                BUDG_WEEKEND_SHIFT_NONE, start, to, &error);
          g_assert_no_error (error);
          got = occurrences_to_string (occurrences);

          if (!g_str_equal (got, expected->str))
            g_test_message ("%s from %s", rules[r], start);
          g_assert_cmpstr (got, ==, expected->str);
        }
    }
}

static void
test_describe (void)
{
  static const struct
  {
    const char *rrule;
    const char *expected;
  } cases[] = {
    { "FREQ=DAILY", "Every day" },
    { "FREQ=DAILY;INTERVAL=3", "Every 3 days" },
    { "FREQ=WEEKLY", "Every week" },
    { "FREQ=WEEKLY;INTERVAL=2", "Every 2 weeks" },
    { "FREQ=WEEKLY;BYDAY=FR", "Every week on Friday" },
    { "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR", "Every 2 weeks on Friday" },
    { "FREQ=WEEKLY;BYDAY=FR,MO", "Every week on Monday and Friday" },
    { "FREQ=WEEKLY;BYDAY=SU,MO,WE,FR", "Every week on Monday, Wednesday, Friday and Sunday" },
    { "FREQ=MONTHLY", "Every month" },
    { "FREQ=MONTHLY;INTERVAL=3", "Every 3 months" },
    { "FREQ=MONTHLY;BYMONTHDAY=1", "Every month on day 1" },
    { "FREQ=MONTHLY;BYMONTHDAY=15,1", "Every month on day 1 and 15" },
    { "FREQ=MONTHLY;BYMONTHDAY=1,10,20", "Every month on day 1, 10 and 20" },
    { "FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=5", "Every 2 months on day 5" },
    { "FREQ=MONTHLY;BYMONTHDAY=-1", "Every month on the last day" },
    { "FREQ=MONTHLY;INTERVAL=6;BYMONTHDAY=-1", "Every 6 months on the last day" },
    { "FREQ=MONTHLY;BYDAY=1MO", "Every month on the first Monday" },
    { "FREQ=MONTHLY;BYDAY=2TU", "Every month on the second Tuesday" },
    { "FREQ=MONTHLY;BYDAY=3WE", "Every month on the third Wednesday" },
    { "FREQ=MONTHLY;BYDAY=4TH", "Every month on the fourth Thursday" },
    { "FREQ=MONTHLY;BYDAY=5FR", "Every month on the fifth Friday" },
    { "FREQ=MONTHLY;BYDAY=-1SA", "Every month on the last Saturday" },
    { "FREQ=MONTHLY;INTERVAL=2;BYDAY=-1SU", "Every 2 months on the last Sunday" },
    { "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1", "Every month on the last weekday" },
    { "FREQ=MONTHLY;INTERVAL=3;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1", "Every 3 months on the last weekday" },
    { "FREQ=YEARLY", "Every year" },
    { "FREQ=YEARLY;INTERVAL=2", "Every 2 years" },
    { "RRULE:FREQ=MONTHLY;BYMONTHDAY=1", "Every month on day 1" },

    /* No plain words for these: the rule itself, without "RRULE:". */
    { "FREQ=MONTHLY;BYDAY=-2FR", "FREQ=MONTHLY;BYDAY=-2FR" },
    { "FREQ=MONTHLY;BYMONTHDAY=15,-1", "FREQ=MONTHLY;BYMONTHDAY=15,-1" },
    { "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1", "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1" },
    { "FREQ=MONTHLY;COUNT=12", "FREQ=MONTHLY;COUNT=12" },
    { "FREQ=WEEKLY;UNTIL=20261231", "FREQ=WEEKLY;UNTIL=20261231" },
    { "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29" },
    { "RRULE:FREQ=DAILY;BYMONTH=1", "FREQ=DAILY;BYMONTH=1" },
    { "garbage", "garbage" },
    { "FREQ=HOURLY", "FREQ=HOURLY" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *description = budg_recurrence_describe (cases[i].rrule);

      g_assert_cmpstr (description, ==, cases[i].expected);
    }
}

static void
test_weekend_shift_strings (void)
{
  static const char * const nicks[] = { "none", "before", "after" };

  for (guint i = 0; i < G_N_ELEMENTS (nicks); i++)
    {
      BudgWeekendShift shift = BUDG_WEEKEND_SHIFT_AFTER + 1;

      g_assert_true (budg_weekend_shift_from_string (nicks[i], &shift));
      g_assert_cmpint (shift, ==, (BudgWeekendShift) i);
      g_assert_cmpstr (budg_weekend_shift_to_string (shift), ==, nicks[i]);
    }

  g_assert_false (budg_weekend_shift_from_string ("Before", NULL));
  g_assert_false (budg_weekend_shift_from_string ("", NULL));
  g_assert_false (budg_weekend_shift_from_string (NULL, NULL));
  g_assert_true (budg_weekend_shift_from_string ("after", NULL));
}

/* The budget: 500 bills expanded two years ahead, with the forecast,
 * in 50 ms. The expansion should take a fraction of that. Run with -m perf.
 */
static void
test_expand_performance (void)
{
  static const char * const rules[] = {
    "FREQ=MONTHLY;BYMONTHDAY=1",
    "FREQ=MONTHLY;BYMONTHDAY=1,15",
    "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR",
    "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1",
    "FREQ=MONTHLY;BYDAY=2TU",
    "FREQ=MONTHLY;BYMONTHDAY=-1",
    "FREQ=WEEKLY",
    "FREQ=MONTHLY;INTERVAL=3",
    "FREQ=YEARLY",
    "FREQ=MONTHLY",
  };
  gint64 best = G_MAXINT64;
  guint total = 0;

  if (!g_test_perf ())
    {
      g_test_skip ("Run with -m perf to time the expansion");
      return;
    }

  /* The best of a few rounds, so that libical's one-time setup and a busy
   * machine do not count.
   */
  for (guint round = 0; round < 5; round++)
    {
      gint64 begin = g_get_monotonic_time ();

      total = 0;
      for (guint i = 0; i < 500; i++)
        {
          g_autoptr(GArray) occurrences = NULL;
          g_autofree char *start = budg_date_add_days ("2021-01-01", (int) (i * 7 % 1500));

          occurrences = budg_recurrence_expand (rules[i % G_N_ELEMENTS (rules)], start, NULL, 0,
                                                BUDG_WEEKEND_SHIFT_BEFORE,
                                                "2026-01-01", "2027-12-31", NULL);
          g_assert_nonnull (occurrences);
          total += occurrences->len;
        }
      best = MIN (best, g_get_monotonic_time () - begin);
    }

  g_test_minimized_result (best / 1000.0, "500 bills, %u occurrences over two years: %.1f ms",
                           total, best / 1000.0);
  g_assert_cmpint (best, <, 25 * 1000);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/recurrence/expand/table", test_expand_table);
  g_test_add_func ("/recurrence/expand/dst", test_expand_dst);
  g_test_add_func ("/recurrence/expand/invalid-dates", test_invalid_dates);
  g_test_add_func ("/recurrence/expand/runaway", test_runaway);
  g_test_add_func ("/recurrence/expand/matches-libical", test_expand_matches_libical);
  g_test_add_func ("/recurrence/expand/performance", test_expand_performance);
  g_test_add_func ("/recurrence/validate/valid", test_validate_valid);
  g_test_add_func ("/recurrence/validate/invalid", test_invalid_rules);
  g_test_add_func ("/recurrence/describe", test_describe);
  g_test_add_func ("/recurrence/weekend-shift/strings", test_weekend_shift_strings);

  return g_test_run ();
}
