/* test-money.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-money"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "budg-error.h"
#include "budg-money.h"

typedef struct
{
  const char *text;
  const char *currency;
  gint64      expected;
} ParseCase;

typedef struct
{
  const char *text;
  const char *currency;
  BudgError   code;
} ParseErrorCase;

typedef struct
{
  gint64      minor;
  const char *currency;
  const char *expected;
} FormatCase;

/* Forms read the same whatever the locale's decimal point. */
static const ParseCase common_parse_cases[] = {
  { "0", "USD", 0 },
  { "-0", "USD", 0 },
  { "0.00", "USD", 0 },
  { "007", "USD", 700 },
  { "12", "USD", 1200 },
  { "12.3", "USD", 1230 },
  { "12.34", "USD", 1234 },
  { "  12.34\t", "USD", 1234 },
  { "\u00a012.34\u202f", "USD", 1234 },
  { "+12.34", "USD", 1234 },
  { "-12.34", "USD", -1234 },
  { "\u221212.34", "USD", -1234 },
  { "- 12.34", "USD", -1234 },
  { "12.34-", "USD", -1234 },
  { "12.34 -", "USD", -1234 },
  { "(12.34)", "USD", -1234 },
  { "( 12.34 )", "USD", -1234 },
  { "$12", "USD", 1200 },
  { "$ 12", "USD", 1200 },
  { "-$12.50", "USD", -1250 },
  { "$-12.50", "USD", -1250 },
  { "($12.50)", "USD", -1250 },
  { "12 USD", "USD", 1200 },
  { "USD 12", "USD", 1200 },
  { "usd12", "USD", 1200 },
  { "12.50 USD-", "USD", -1250 },
  { "1234.5", "USD", 123450 },
  { "-1,234.56", "USD", -123456 },
  { "1.234,56", "USD", 123456 },
  { "1 234,56", "USD", 123456 },
  { "1\u00a0234,56", "USD", 123456 },
  { "1\u202f234,56", "USD", 123456 },
  { "1'234.56", "USD", 123456 },
  { "1\u2019234.56", "USD", 123456 },
  { "1 234 567.89", "USD", 123456789 },
  { "12,-", "USD", 1200 },
  { "12.-", "USD", 1200 },
  { "12,\u2013", "USD", 1200 },
  { "-12,-", "USD", -1200 },
  { "1,234,567", "USD", 123456700 },
  { "1.234.567", "USD", 123456700 },
  { "1.234.567,89", "USD", 123456789 },
  { "1,234,567.89", "USD", 123456789 },
  { "12,5", "USD", 1250 },
  { "12,50", "USD", 1250 },
  { "0,12", "USD", 12 },
  { ".5", "USD", 50 },
  { "-.5", "USD", -50 },
  { "1,23,456.78", "USD", 12345678 },
  { "12,34,56,789.00", "USD", 12345678900 },
  { "92233720368547758.07", "USD", G_MAXINT64 },
  { "92,233,720,368,547,758.07", "USD", G_MAXINT64 },
  { "-92233720368547758.08", "USD", G_MININT64 },
  { "(92233720368547758.08)", "USD", G_MININT64 },
  { "\u20ac12", "EUR", 1200 },
  { "12 \u20ac", "EUR", 1200 },
  { "12\u20ac", "EUR", 1200 },
  { "12 EUR", "EUR", 1200 },
  { "-12,50 \u20ac", "EUR", -1250 },
  { "\u20ac -12,50", "EUR", -1250 },
  { "1.234,56 \u20ac", "EUR", 123456 },
  { "$5", "CAD", 500 },
  { "CA$5", "CAD", 500 },
  { "5 CAD", "CAD", 500 },
  { "1234", "JPY", 1234 },
  { "-\u00a55", "JPY", -5 },
  { "12,-", "JPY", 12 },
  { "9223372036854775807", "JPY", G_MAXINT64 },
  { "9,223,372,036,854,775,807 JPY", "JPY", G_MAXINT64 },
  { "-9223372036854775808", "JPY", G_MININT64 },
  { "1.234", "BHD", 1234 },
  { "1,234", "BHD", 1234 },
  { "1,234.567", "BHD", 1234567 },
  { "0.001", "BHD", 1 },
  { "1.5", "BHD", 1500 },
  { "-0.5 BHD", "BHD", -500 },
  { "12,-", "BHD", 12000 },
  { "1.2345", "CLF", 12345 },
  { "1.234", "CLF", 12340 },
  { "12 kr", "SEK", 1200 },
  { "12,50 kr", "SEK", 1250 },
  { "CHF 1'234.50", "CHF", 123450 },
  { "\u20b91,23,456.78", "INR", 12345678 },
  { "R12", "ZAR", 1200 },
};

/* Single separators followed by three digits, read by the C locale whose
 * decimal point is '.'.
 */
static const ParseCase c_locale_parse_cases[] = {
  { "1,234", "USD", 123400 },
  { "-1,234", "USD", -123400 },
  { "1,234", "JPY", 1234 },
  { "\u00a51,234", "JPY", 1234 },
};

static const ParseErrorCase c_locale_parse_error_cases[] = {
  { "", "USD", BUDG_ERROR_INVALID_INPUT },
  { "   ", "USD", BUDG_ERROR_INVALID_INPUT },
  { "abc", "USD", BUDG_ERROR_INVALID_INPUT },
  { "12abc", "USD", BUDG_ERROR_INVALID_INPUT },
  { "1e5", "USD", BUDG_ERROR_INVALID_INPUT },
  { "0x10", "USD", BUDG_ERROR_INVALID_INPUT },
  { "1_000", "USD", BUDG_ERROR_INVALID_INPUT },
  { "--12", "USD", BUDG_ERROR_INVALID_INPUT },
  { "-12-", "USD", BUDG_ERROR_INVALID_INPUT },
  { "+-12", "USD", BUDG_ERROR_INVALID_INPUT },
  { "(-12)", "USD", BUDG_ERROR_INVALID_INPUT },
  { "(12-)", "USD", BUDG_ERROR_INVALID_INPUT },
  { "-(12)", "USD", BUDG_ERROR_INVALID_INPUT },
  { "(12", "USD", BUDG_ERROR_INVALID_INPUT },
  { "12)", "USD", BUDG_ERROR_INVALID_INPUT },
  { "()", "USD", BUDG_ERROR_INVALID_INPUT },
  { "12+", "USD", BUDG_ERROR_INVALID_INPUT },
  { "12,--", "USD", BUDG_ERROR_INVALID_INPUT },
  { "12.345", "USD", BUDG_ERROR_INVALID_INPUT },
  { "0.123", "USD", BUDG_ERROR_INVALID_INPUT },
  { "1.2345", "USD", BUDG_ERROR_INVALID_INPUT },
  { "1 234.567", "USD", BUDG_ERROR_INVALID_INPUT },
  { "12.5.5", "USD", BUDG_ERROR_INVALID_INPUT },
  { "1,23,4.00", "USD", BUDG_ERROR_INVALID_INPUT },
  { "1,2345,678", "USD", BUDG_ERROR_INVALID_INPUT },
  { "123,45,678", "USD", BUDG_ERROR_INVALID_INPUT },
  { "1,234.567.89", "USD", BUDG_ERROR_INVALID_INPUT },
  { "1.234,56.78", "USD", BUDG_ERROR_INVALID_INPUT },
  { "1,234 567", "USD", BUDG_ERROR_INVALID_INPUT },
  { "12 34", "USD", BUDG_ERROR_INVALID_INPUT },
  { "1  234", "USD", BUDG_ERROR_INVALID_INPUT },
  { "12..5", "USD", BUDG_ERROR_INVALID_INPUT },
  { "12,", "USD", BUDG_ERROR_INVALID_INPUT },
  { "12.", "USD", BUDG_ERROR_INVALID_INPUT },
  { ".", "USD", BUDG_ERROR_INVALID_INPUT },
  { "-", "USD", BUDG_ERROR_INVALID_INPUT },
  { "$", "USD", BUDG_ERROR_INVALID_INPUT },
  { "$$12", "USD", BUDG_ERROR_INVALID_INPUT },
  { "12 USD USD", "USD", BUDG_ERROR_INVALID_INPUT },
  { "12 USDX", "USD", BUDG_ERROR_INVALID_INPUT },
  { "12 EUR", "USD", BUDG_ERROR_INVALID_INPUT },
  { "\u20ac12", "USD", BUDG_ERROR_INVALID_INPUT },
  { "CA$12", "USD", BUDG_ERROR_INVALID_INPUT },
  { "\xff" "12", "USD", BUDG_ERROR_INVALID_INPUT },
  { "12\xc3", "USD", BUDG_ERROR_INVALID_INPUT },
  { "12.5", "JPY", BUDG_ERROR_INVALID_INPUT },
  { "1.000", "JPY", BUDG_ERROR_INVALID_INPUT },
  { "1.2345", "BHD", BUDG_ERROR_INVALID_INPUT },
  { "1.23456", "CLF", BUDG_ERROR_INVALID_INPUT },
  { "12", "XYZ", BUDG_ERROR_INVALID_INPUT },
  { "12", "usd", BUDG_ERROR_INVALID_INPUT },
  { "12", "", BUDG_ERROR_INVALID_INPUT },
  { "92233720368547758.08", "USD", BUDG_ERROR_OVERFLOW },
  { "-92233720368547758.09", "USD", BUDG_ERROR_OVERFLOW },
  { "(92233720368547758.09)", "USD", BUDG_ERROR_OVERFLOW },
  { "100000000000000000", "USD", BUDG_ERROR_OVERFLOW },
  { "99999999999999999999999999", "USD", BUDG_ERROR_OVERFLOW },
  { "9223372036854775808", "JPY", BUDG_ERROR_OVERFLOW },
  { "-9223372036854775809", "JPY", BUDG_ERROR_OVERFLOW },
  { "9223372036854775.808", "BHD", BUDG_ERROR_OVERFLOW },
};

static const FormatCase c_locale_format_cases[] = {
  { 0, "USD", "$0.00" },
  { 5, "USD", "$0.05" },
  { -5, "USD", "-$0.05" },
  { 100, "USD", "$1.00" },
  { 99999, "USD", "$999.99" },
  { 123456, "USD", "$1,234.56" },
  { -123456, "USD", "-$1,234.56" },
  { 100000000, "USD", "$1,000,000.00" },
  { G_MAXINT64, "USD", "$92,233,720,368,547,758.07" },
  { G_MININT64, "USD", "-$92,233,720,368,547,758.08" },
  { 1234, "JPY", "\u00a51,234" },
  { -5, "JPY", "-\u00a55" },
  { G_MININT64, "JPY", "-\u00a59,223,372,036,854,775,808" },
  { 1234567, "BHD", "1,234.567 BHD" },
  { -1, "BHD", "-0.001 BHD" },
  { 123456, "EUR", "\u20ac1,234.56" },
  { 123456, "CHF", "1,234.56 CHF" },
  { 123456, "CAD", "CA$1,234.56" },
  { 12345, "CLF", "1.2345 CLF" },
  { 123456, "XYZ", "1,234.56 XYZ" },
};

static const FormatCase plain_format_cases[] = {
  { 0, "USD", "0.00" },
  { -1, "USD", "-0.01" },
  { 123456, "USD", "1234.56" },
  { -123456, "USD", "-1234.56" },
  { 100000000, "USD", "1000000.00" },
  { 1234, "JPY", "1234" },
  { -1234, "JPY", "-1234" },
  { 1234, "BHD", "1.234" },
  { -1, "BHD", "-0.001" },
  { 12345, "CLF", "1.2345" },
  { G_MAXINT64, "USD", "92233720368547758.07" },
  { G_MININT64, "USD", "-92233720368547758.08" },
  { G_MAXINT64, "JPY", "9223372036854775807" },
  { G_MININT64, "JPY", "-9223372036854775808" },
  { G_MININT64, "BHD", "-9223372036854775.808" },
  { 123456, "XYZ", "1234.56" },
};

/* Locales whose decimal point is ',' and whose grouping is '.'. */
static const char * const german_locales[] = { "de_DE.UTF-8", "de_DE.utf8", NULL };

static const ParseCase german_parse_cases[] = {
  { "1.234,56", "EUR", 123456 },
  { "1.234,56 \u20ac", "EUR", 123456 },
  { "1,5", "EUR", 150 },
  { "12,-", "EUR", 1200 },
  { "1.234", "USD", 123400 },
  { "1.234.567", "USD", 123456700 },
  { "1,234.56", "USD", 123456 },
  { "1.000", "JPY", 1000 },
  { "1,234", "BHD", 1234 },
};

static const ParseErrorCase german_parse_error_cases[] = {
  { "1,234", "USD", BUDG_ERROR_INVALID_INPUT },
  { "1,000", "JPY", BUDG_ERROR_INVALID_INPUT },
};

static const FormatCase german_format_cases[] = {
  { 123456, "EUR", "1.234,56 \u20ac" },
  { -123456, "EUR", "-1.234,56 \u20ac" },
  { -123456, "USD", "-1.234,56 $" },
  { 1234, "JPY", "1.234 \u00a5" },
  { 123456, "CHF", "1.234,56 CHF" },
};

/* Every locale the round trip is tried in, when installed. */
static const char * const round_trip_locales[] = {
  "C.UTF-8",
  "en_US.UTF-8",
  "de_DE.UTF-8",
  "de_CH.UTF-8",
  "fr_FR.UTF-8",
  "en_IN.UTF-8",
};

static void
restore_locale (void)
{
  if (setlocale (LC_ALL, "C.UTF-8") == NULL)
    setlocale (LC_ALL, "C");
}

static gboolean
set_locale_from_list (const char * const *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (setlocale (LC_ALL, names[i]) != NULL)
      return TRUE;

  return FALSE;
}

static void
check_parse_cases (const ParseCase *cases,
                   gsize            n_cases)
{
  for (gsize i = 0; i < n_cases; i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 minor = 42;
      gboolean ok;

      g_test_message ("parsing “%s” in %s", cases[i].text, cases[i].currency);
      ok = budg_money_parse (cases[i].text, cases[i].currency, &minor, &error);
      g_assert_no_error (error);
      g_assert_true (ok);
      g_assert_cmpint (minor, ==, cases[i].expected);
    }
}

static void
check_parse_error_cases (const ParseErrorCase *cases,
                         gsize                 n_cases)
{
  for (gsize i = 0; i < n_cases; i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 minor = 42;
      gboolean ok;

      g_test_message ("parsing “%s” in %s", cases[i].text, cases[i].currency);
      ok = budg_money_parse (cases[i].text, cases[i].currency, &minor, &error);
      g_assert_error (error, BUDG_ERROR, (int) cases[i].code);
      g_assert_false (ok);
      g_assert_cmpint (minor, ==, 42);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_assert_false (g_str_has_prefix (error->message, "Error"));
    }
}

static void
check_format_cases (char            *(*format) (gint64, const char *),
                    const FormatCase  *cases,
                    gsize              n_cases)
{
  for (gsize i = 0; i < n_cases; i++)
    {
      g_autofree char *text = format (cases[i].minor, cases[i].currency);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

static void
check_round_trip (gint64      minor,
                  const char *currency)
{
  g_autofree char *plain = budg_money_format_plain (minor, currency);
  g_autofree char *pretty = budg_money_format (minor, currency);
  g_autoptr(GError) error = NULL;
  gint64 parsed = 0;

  if (!budg_money_parse (plain, currency, &parsed, &error))
    g_error ("“%s” (%s) does not parse back: %s", plain, currency, error->message);
  g_assert_cmpint (parsed, ==, minor);

  parsed = 0;
  if (!budg_money_parse (pretty, currency, &parsed, &error))
    g_error ("“%s” (%s) does not parse back: %s", pretty, currency, error->message);
  g_assert_cmpint (parsed, ==, minor);
}

static void
check_round_trips (void)
{
  static const gint64 values[] = {
    0, 1, -1, 5, -5, 99, 100, -100, 999, 1000, -1000, 12345, -12345, 123456,
    1000000, -1000000, 123456789, 1000000000000,
    G_MAXINT64, G_MAXINT64 - 1, G_MININT64, G_MININT64 + 1,
    G_MAXINT64 / 10, G_MININT64 / 1000,
  };
  const char * const *codes = budg_currency_list_codes ();

  for (guint i = 0; codes[i] != NULL; i++)
    {
      for (guint j = 0; j < G_N_ELEMENTS (values); j++)
        check_round_trip (values[j], codes[i]);

      for (guint j = 0; j < 50; j++)
        {
          guint64 bits = ((guint64) g_test_rand_int () << 32) | (guint32) g_test_rand_int ();

          /* Random magnitudes of every size, not just near the top. */
          check_round_trip ((gint64) (bits >> g_test_rand_int_range (0, 63)), codes[i]);
          check_round_trip (-(gint64) (bits >> g_test_rand_int_range (1, 63)), codes[i]);
        }
    }
}

static void
test_currency_minor_units (void)
{
  static const struct
  {
    const char *code;
    int         minor_units;
  } cases[] = {
    { "USD", 2 }, { "EUR", 2 }, { "GBP", 2 }, { "CHF", 2 }, { "HUF", 2 },
    { "JPY", 0 }, { "KRW", 0 }, { "ISK", 0 }, { "CLP", 0 }, { "VND", 0 },
    { "BHD", 3 }, { "KWD", 3 }, { "OMR", 3 }, { "JOD", 3 }, { "TND", 3 },
    { "LYD", 3 }, { "IQD", 3 },
    { "CLF", 4 },
    { "XYZ", -1 }, { "usd", -1 }, { "", -1 }, { "USDX", -1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("minor units of “%s”", cases[i].code);
      g_assert_cmpint (budg_currency_get_minor_units (cases[i].code), ==, cases[i].minor_units);
      g_assert_true (budg_currency_is_known (cases[i].code) == (cases[i].minor_units >= 0));
    }
}

static void
test_currency_list (void)
{
  static const char * const required[] = {
    "USD", "EUR", "GBP", "JPY", "CHF", "CAD", "AUD", "NZD", "CNY", "INR",
    "BRL", "MXN", "SEK", "NOK", "DKK", "PLN", "CZK", "HUF", "RUB", "TRY",
    "ZAR", "KRW", "SGD", "HKD", "TWD", "THB", "IDR", "MYR", "PHP", "VND",
    "ILS", "AED", "SAR", "QAR", "KWD", "BHD", "OMR", "JOD", "TND", "LYD",
    "IQD", "EGP", "NGN", "KES", "ARS", "CLP", "COP", "PEN", "UYU", "ISK",
    "RON", "BGN", "UAH",
  };
  const char * const *codes = budg_currency_list_codes ();
  guint n_codes = 0;

  g_assert_nonnull (codes);
  g_assert_true (codes == budg_currency_list_codes ());

  for (; codes[n_codes] != NULL; n_codes++)
    {
      const char *code = codes[n_codes];

      g_assert_cmpuint (strlen (code), ==, 3);
      for (guint i = 0; i < 3; i++)
        g_assert_true (g_ascii_isupper (code[i]));
      g_assert_true (budg_currency_is_known (code));
      g_assert_cmpint (budg_currency_get_minor_units (code), >=, 0);
      g_assert_cmpint (budg_currency_get_minor_units (code), <=, 4);
      g_assert_nonnull (budg_currency_get_symbol (code));

      /* Lookups rely on the order. */
      if (n_codes > 0)
        g_assert_cmpstr (codes[n_codes - 1], <, code);
    }

  g_assert_cmpuint (n_codes, >, 150);

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    {
      g_test_message ("looking for %s", required[i]);
      g_assert_true (g_strv_contains ((const char * const *) codes, required[i]));
    }
}

static void
test_currency_symbol (void)
{
  g_assert_cmpstr (budg_currency_get_symbol ("USD"), ==, "$");
  g_assert_cmpstr (budg_currency_get_symbol ("EUR"), ==, "\u20ac");
  g_assert_cmpstr (budg_currency_get_symbol ("GBP"), ==, "\u00a3");
  g_assert_cmpstr (budg_currency_get_symbol ("JPY"), ==, "\u00a5");
  g_assert_cmpstr (budg_currency_get_symbol ("CAD"), ==, "CA$");
  g_assert_cmpstr (budg_currency_get_symbol ("CHF"), ==, "CHF");
  g_assert_null (budg_currency_get_symbol ("XYZ"));
}

static void
test_parse_valid (void)
{
  check_parse_cases (common_parse_cases, G_N_ELEMENTS (common_parse_cases));
  check_parse_cases (c_locale_parse_cases, G_N_ELEMENTS (c_locale_parse_cases));
}

static void
test_parse_invalid (void)
{
  check_parse_error_cases (c_locale_parse_error_cases, G_N_ELEMENTS (c_locale_parse_error_cases));
}

static void
test_parse_optional_out (void)
{
  g_assert_true (budg_money_parse ("12.34", "USD", NULL, NULL));
  g_assert_false (budg_money_parse ("12.345", "USD", NULL, NULL));
}

/* Messages must point at what was typed and at what to do instead. */
static void
test_parse_messages (void)
{
  static const struct
  {
    const char *text;
    const char *currency;
    const char *needles[3];
  } cases[] = {
    { "12.345", "USD", { "12.345", "USD", "2" } },
    { "12.5", "JPY", { "12.5", "JPY", "whole number" } },
    { "12abc", "USD", { "12abc", "1234.56", NULL } },
    { "  12 EUR ", "USD", { "12 EUR", "EUR", "USD" } },
    { "--12", "USD", { "--12", "-12.50", NULL } },
    { "1,23,4", "USD", { "1,23,4", "1,234,567.89", NULL } },
    { "100000000000000000", "USD", { "100000000000000000", "92233720368547758.07", NULL } },
    { "12", "XYZ", { "XYZ", "ISO 4217", NULL } },
    { "", "USD", { "1234.56", NULL, NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (budg_money_parse (cases[i].text, cases[i].currency, NULL, &error));
      g_assert_nonnull (error);

      for (guint j = 0; j < G_N_ELEMENTS (cases[i].needles) && cases[i].needles[j] != NULL; j++)
        {
          if (strstr (error->message, cases[i].needles[j]) == NULL)
            g_error ("“%s” does not mention “%s”", error->message, cases[i].needles[j]);
        }
    }
}

static void
test_format_c_locale (void)
{
  check_format_cases (budg_money_format, c_locale_format_cases, G_N_ELEMENTS (c_locale_format_cases));
}

static void
test_format_plain (void)
{
  check_format_cases (budg_money_format_plain, plain_format_cases, G_N_ELEMENTS (plain_format_cases));
}

static void
test_format_round_trip (void)
{
  check_round_trips ();
}

static void
test_arithmetic (void)
{
  enum { ADD, SUBTRACT, MULTIPLY };
  static const struct
  {
    int      op;
    gint64   a;
    gint64   b;
    gboolean overflows;
    gint64   expected;
  } cases[] = {
    { ADD, 1, 2, FALSE, 3 },
    { ADD, -5, 3, FALSE, -2 },
    { ADD, G_MAXINT64, G_MININT64, FALSE, -1 },
    { ADD, G_MAXINT64 - 1, 1, FALSE, G_MAXINT64 },
    { ADD, G_MAXINT64, 1, TRUE, 0 },
    { ADD, G_MININT64, -1, TRUE, 0 },
    { ADD, G_MAXINT64, G_MAXINT64, TRUE, 0 },
    { ADD, G_MININT64, G_MININT64, TRUE, 0 },
    { SUBTRACT, 5, 7, FALSE, -2 },
    { SUBTRACT, -1, G_MININT64, FALSE, G_MAXINT64 },
    { SUBTRACT, G_MININT64 + 1, 1, FALSE, G_MININT64 },
    { SUBTRACT, G_MININT64, 1, TRUE, 0 },
    { SUBTRACT, 0, G_MININT64, TRUE, 0 },
    { SUBTRACT, G_MAXINT64, -1, TRUE, 0 },
    { MULTIPLY, -3, 4, FALSE, -12 },
    { MULTIPLY, 0, G_MININT64, FALSE, 0 },
    { MULTIPLY, G_MININT64, 1, FALSE, G_MININT64 },
    { MULTIPLY, -(G_GINT64_CONSTANT (1) << 62), 2, FALSE, G_MININT64 },
    { MULTIPLY, G_GINT64_CONSTANT (1) << 62, 2, TRUE, 0 },
    { MULTIPLY, G_MAXINT64, 2, TRUE, 0 },
    { MULTIPLY, G_MININT64, -1, TRUE, 0 },
    { MULTIPLY, 3037000500, 3037000500, TRUE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 result = 42;
      gboolean ok = FALSE;

      g_test_message ("case %u: %" G_GINT64_FORMAT " and %" G_GINT64_FORMAT,
                      i, cases[i].a, cases[i].b);

      switch (cases[i].op)
        {
        case ADD:
          ok = budg_money_add (cases[i].a, cases[i].b, &result, &error);
          break;
        case SUBTRACT:
          ok = budg_money_subtract (cases[i].a, cases[i].b, &result, &error);
          break;
        case MULTIPLY:
          ok = budg_money_multiply (cases[i].a, cases[i].b, &result, &error);
          break;
        default:
          g_assert_not_reached ();
        }

      if (cases[i].overflows)
        {
          g_assert_error (error, BUDG_ERROR, BUDG_ERROR_OVERFLOW);
          g_assert_false (ok);
          g_assert_cmpstr (error->message, !=, "");
        }
      else
        {
          g_assert_no_error (error);
          g_assert_true (ok);
          g_assert_cmpint (result, ==, cases[i].expected);
        }
    }
}

static void
test_locale_comma_decimal (void)
{
  if (!set_locale_from_list (german_locales))
    {
      g_test_skip ("The de_DE.UTF-8 locale is not installed");
      return;
    }

  check_parse_cases (common_parse_cases, G_N_ELEMENTS (common_parse_cases));
  check_parse_cases (german_parse_cases, G_N_ELEMENTS (german_parse_cases));
  check_parse_error_cases (german_parse_error_cases, G_N_ELEMENTS (german_parse_error_cases));
  check_format_cases (budg_money_format, german_format_cases, G_N_ELEMENTS (german_format_cases));
  /* The plain form is for scripts and must not follow the locale. */
  check_format_cases (budg_money_format_plain, plain_format_cases, G_N_ELEMENTS (plain_format_cases));
  check_round_trips ();

  restore_locale ();
}

static void
test_locale_round_trips (void)
{
  guint n_tried = 0;

  for (guint i = 0; i < G_N_ELEMENTS (round_trip_locales); i++)
    {
      if (setlocale (LC_ALL, round_trip_locales[i]) == NULL)
        continue;

      g_test_message ("round trips in %s", round_trip_locales[i]);
      check_round_trips ();
      n_tried++;
    }

  restore_locale ();

  if (n_tried == 0)
    g_test_skip ("None of the locales is installed");
}

int
main (int   argc,
      char *argv[])
{
  restore_locale ();

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/money/currency/minor-units", test_currency_minor_units);
  g_test_add_func ("/money/currency/list", test_currency_list);
  g_test_add_func ("/money/currency/symbol", test_currency_symbol);
  g_test_add_func ("/money/parse/valid", test_parse_valid);
  g_test_add_func ("/money/parse/invalid", test_parse_invalid);
  g_test_add_func ("/money/parse/optional-out", test_parse_optional_out);
  g_test_add_func ("/money/parse/messages", test_parse_messages);
  g_test_add_func ("/money/format/c-locale", test_format_c_locale);
  g_test_add_func ("/money/format/plain", test_format_plain);
  g_test_add_func ("/money/format/round-trip", test_format_round_trip);
  g_test_add_func ("/money/arithmetic", test_arithmetic);
  g_test_add_func ("/money/locale/comma-decimal", test_locale_comma_decimal);
  g_test_add_func ("/money/locale/round-trips", test_locale_round_trips);

  return g_test_run ();
}
