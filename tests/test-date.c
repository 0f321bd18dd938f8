/* test-date.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-date"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "budg-date.h"
#include "budg-error.h"

static const struct
{
  const char *text;
  guint       year;
  guint       month;
  guint       day;
} valid_cases[] = {
  { "2026-11-22", 2026, 11, 22 },
  { " 2026-11-22 ", 2026, 11, 22 },
  { "\t2026-11-22\n", 2026, 11, 22 },
  { "2026-01-01", 2026, 1, 1 },
  { "2026-12-31", 2026, 12, 31 },
  { "2026-02-28", 2026, 2, 28 },
  { "2024-02-29", 2024, 2, 29 },
  { "2000-02-29", 2000, 2, 29 },
  { "2026-04-30", 2026, 4, 30 },
  { "1900-01-01", 1900, 1, 1 },
  { "9999-12-31", 9999, 12, 31 },
};

static const char * const invalid_cases[] = {
  "",
  "   ",
  "2026-02-29",
  "2026-02-30",
  "2026-04-31",
  "1900-02-29",
  "2100-02-29",
  "2026-13-01",
  "2026-00-10",
  "2026-01-00",
  "2026-01-32",
  "26-1-1",
  "2026-1-1",
  "2026-01-1",
  "2026/01/01",
  "20261122",
  "22.11.2026",
  "11/22/2026",
  "1899-12-31",
  "0000-01-01",
  "10000-01-01",
  "2026-11-22x",
  "2026-11-22T10:00",
  "2026-11-22 2026-11-23",
  "+2026-11-22",
  "-2026-11-22",
  "2026-+1-22",
  "2026- 1-22",
  "abcd-ef-gh",
  "2026-11-2\xff",
  "\xff",
};

static void
test_parse_valid (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (valid_cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *normalized = NULL;
      g_autofree char *expected = NULL;
      GDate date;

      g_test_message ("parsing “%s”", valid_cases[i].text);

      g_assert_true (budg_date_parse (valid_cases[i].text, &date, &error));
      g_assert_no_error (error);
      g_assert_true (g_date_valid (&date));
      g_assert_cmpuint (g_date_get_year (&date), ==, valid_cases[i].year);
      g_assert_cmpuint (g_date_get_month (&date), ==, valid_cases[i].month);
      g_assert_cmpuint (g_date_get_day (&date), ==, valid_cases[i].day);

      normalized = budg_date_normalize (valid_cases[i].text, &error);
      g_assert_no_error (error);
      expected = g_strdup_printf ("%04u-%02u-%02u", valid_cases[i].year,
                                  valid_cases[i].month, valid_cases[i].day);
      g_assert_cmpstr (normalized, ==, expected);
    }
}

static void
test_parse_invalid (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (invalid_cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) normalize_error = NULL;
      g_autofree char *normalized = NULL;
      GDate date;

      g_test_message ("parsing “%s”", invalid_cases[i]);

      g_assert_false (budg_date_parse (invalid_cases[i], &date, &error));
      g_assert_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));

      normalized = budg_date_normalize (invalid_cases[i], &normalize_error);
      g_assert_null (normalized);
      g_assert_error (normalize_error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT);
    }

  g_assert_false (budg_date_parse ("2026-02-30", NULL, NULL));
}

/* A message names the date and says what is wrong with it. */
static void
test_parse_messages (void)
{
  static const struct
  {
    const char *text;
    const char *needles[3];
  } cases[] = {
    { "2026-02-30", { "2026-02-30", "February 2026", "28" } },
    { "2026-02-29", { "2026-02-29", "28", NULL } },
    { "2024-02-30", { "2024-02-30", "29", NULL } },
    { "2026-04-31", { "April 2026", "30", NULL } },
    { "2026-13-01", { "2026-13-01", "13", NULL } },
    { "26-1-1", { "26-1-1", "YYYY-MM-DD", NULL } },
    { "1899-12-31", { "1899-12-31", "1900", NULL } },
    { "", { "YYYY-MM-DD", NULL, NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (budg_date_parse (cases[i].text, NULL, &error));
      g_assert_nonnull (error);

      for (guint j = 0; j < G_N_ELEMENTS (cases[i].needles) && cases[i].needles[j] != NULL; j++)
        {
          if (strstr (error->message, cases[i].needles[j]) == NULL)
            g_error ("“%s” does not mention “%s”", error->message, cases[i].needles[j]);
        }
    }
}

static void
test_to_iso (void)
{
  static const struct
  {
    guint       day;
    GDateMonth  month;
    guint       year;
    const char *expected;
  } cases[] = {
    { 22, G_DATE_NOVEMBER, 2026, "2026-11-22" },
    { 1, G_DATE_JANUARY, 1900, "1900-01-01" },
    { 9, G_DATE_SEPTEMBER, 2009, "2009-09-09" },
    { 31, G_DATE_DECEMBER, 9999, "9999-12-31" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *iso = NULL;
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, cases[i].day, cases[i].month, cases[i].year);
      iso = budg_date_to_iso (&date);
      g_assert_cmpstr (iso, ==, cases[i].expected);
    }
}

static void
test_today (void)
{
  g_autoptr(GDateTime) before = g_date_time_new_now_local ();
  g_autofree char *today = budg_date_today ();
  g_autoptr(GDateTime) after = g_date_time_new_now_local ();
  g_autofree char *normalized = NULL;
  GDate date;

  g_assert_true (budg_date_parse (today, &date, NULL));
  normalized = budg_date_normalize (today, NULL);
  g_assert_cmpstr (normalized, ==, today);

  /* Around midnight the day may change between the calls. */
  g_assert_cmpint (g_date_get_year (&date), >=, g_date_time_get_year (before));
  g_assert_cmpint (g_date_get_year (&date), <=, g_date_time_get_year (after));
  if (g_date_time_get_day_of_year (before) == g_date_time_get_day_of_year (after))
    {
      g_assert_cmpint (g_date_get_month (&date), ==, g_date_time_get_month (before));
      g_assert_cmpint (g_date_get_day (&date), ==, g_date_time_get_day_of_month (before));
    }
}

static void
test_format_short (void)
{
  g_autofree char *formatted = budg_date_format_short ("2026-11-22");
  g_autofree char *with_spaces = budg_date_format_short (" 2026-02-03 ");
  g_autofree char *invalid = budg_date_format_short ("2026-02-30");

  /* The C locale's %x. */
  g_assert_cmpstr (formatted, ==, "11/22/26");
  g_assert_cmpstr (with_spaces, ==, "02/03/26");
  g_assert_cmpstr (invalid, ==, "2026-02-30");
}

static void
test_add_days (void)
{
  static const struct
  {
    const char *iso;
    int         days;
    const char *expected;
  } cases[] = {
    { "2026-11-22", 0, "2026-11-22" },
    { "2026-11-22", 1, "2026-11-23" },
    { "2026-01-31", 1, "2026-02-01" },
    { "2026-02-01", -1, "2026-01-31" },
    { "2026-12-31", 1, "2027-01-01" },
    { "2027-01-01", -1, "2026-12-31" },
    { "2024-02-28", 1, "2024-02-29" },
    { "2024-02-29", 1, "2024-03-01" },
    { "2024-03-01", -1, "2024-02-29" },
    { "2026-02-28", 1, "2026-03-01" },
    { "2026-03-01", -1, "2026-02-28" },
    { "2026-11-22", 365, "2027-11-22" },
    { "2024-01-01", 366, "2025-01-01" },
    { "2026-11-22", -3652, "2016-11-22" },
    { " 2026-11-22 ", 7, "2026-11-29" },
    { "9999-12-30", 1, "9999-12-31" },
    { "1900-01-02", -1, "1900-01-01" },
    { "9999-12-31", 1, NULL },
    { "1900-01-01", -1, NULL },
    { "2026-01-01", G_MAXINT, NULL },
    { "2026-01-01", G_MININT, NULL },
    { "2026-02-30", 1, NULL },
    { "not a date", 1, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *result = budg_date_add_days (cases[i].iso, cases[i].days);

      g_test_message ("%s + %d", cases[i].iso, cases[i].days);
      g_assert_cmpstr (result, ==, cases[i].expected);
    }
}

int
main (int   argc,
      char *argv[])
{
  if (setlocale (LC_ALL, "C.UTF-8") == NULL)
    setlocale (LC_ALL, "C");

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/date/parse/valid", test_parse_valid);
  g_test_add_func ("/date/parse/invalid", test_parse_invalid);
  g_test_add_func ("/date/parse/messages", test_parse_messages);
  g_test_add_func ("/date/to-iso", test_to_iso);
  g_test_add_func ("/date/today", test_today);
  g_test_add_func ("/date/format-short", test_format_short);
  g_test_add_func ("/date/add-days", test_add_days);

  return g_test_run ();
}
