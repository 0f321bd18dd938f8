/* test-import-parsers.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-import-parsers"

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "budg-csv-parser.h"
#include "budg-error.h"
#include "budg-import-private.h"
#include "budg-import-row.h"
#include "budg-ofx-parser.h"
#include "budg-qif-parser.h"

/* The parsers against the real bank files of tests/data/import (see
 * SOURCES.md there; the expected facts come from the shared corpus's
 * MANIFEST.md, which cites the source projects' own tests), plus
 * brute-force checks of the date and amount readers: random values written
 * the ways banks write them must read back exactly.
 */

static const char *private_tmpdir;

static gint64
pow10_int (guint n)
{
  gint64 value = 1;

  while (n-- > 0)
    value *= 10;

  return value;
}

/* ---------------------------------------------------------------- helpers */

static GBytes *
load (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("BUDG_TEST_DATA"), "import", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

static const guint8 *
bytes_data (GBytes *bytes,
            gsize  *length)
{
  return g_bytes_get_data (bytes, length);
}

static BudgImportResult *
parse_qif (const char           *name,
           const BudgQifOptions *options)
{
  g_autoptr(GBytes) bytes = load (name);
  g_autoptr(GError) error = NULL;
  BudgImportResult *result;
  gsize length;
  const guint8 *data = bytes_data (bytes, &length);

  result = budg_qif_parse (data, length, options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  g_assert_cmpint (result->format, ==, BUDG_IMPORT_FORMAT_QIF);

  return result;
}

static BudgImportResult *
parse_csv (const char           *name,
           const BudgCsvOptions *options)
{
  g_autoptr(GBytes) bytes = load (name);
  g_autoptr(GError) error = NULL;
  BudgImportResult *result;
  gsize length;
  const guint8 *data = bytes_data (bytes, &length);

  result = budg_csv_parse (data, length, options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  g_assert_cmpint (result->format, ==, BUDG_IMPORT_FORMAT_CSV);

  return result;
}

static BudgImportResult *
parse_ofx (const char *name,
           const char *default_currency)
{
  g_autoptr(GBytes) bytes = load (name);
  g_autoptr(GError) error = NULL;
  BudgImportResult *result;
  gsize length;
  const guint8 *data = bytes_data (bytes, &length);

  result = budg_ofx_parse (data, length, default_currency, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);

  return result;
}

static BudgImportStatement *
statement_at (BudgImportResult *result,
              guint             index)
{
  g_assert_cmpuint (index, <, result->statements->len);

  return g_ptr_array_index (result->statements, index);
}

static BudgImportRow *
row_at (BudgImportStatement *statement,
        guint                index)
{
  g_assert_cmpuint (index, <, statement->rows->len);

  return g_ptr_array_index (statement->rows, index);
}

static BudgImportSplit *
split_at (BudgImportRow *row,
          guint          index)
{
  g_assert_cmpuint (index, <, row->splits->len);

  return g_ptr_array_index (row->splits, index);
}

static BudgImportRejection *
rejection_at (BudgImportResult *result,
              guint             index)
{
  g_assert_cmpuint (index, <, result->rejected->len);

  return g_ptr_array_index (result->rejected, index);
}

static gint64
sum_rows (BudgImportStatement *statement)
{
  gint64 sum = 0;

  for (guint i = 0; i < statement->rows->len; i++)
    sum += row_at (statement, i)->amount_minor;

  return sum;
}

static void
assert_amounts (BudgImportStatement *statement,
                const gint64        *expected,
                guint                n_expected)
{
  g_assert_cmpuint (statement->rows->len, ==, n_expected);

  for (guint i = 0; i < n_expected; i++)
    g_assert_cmpint (row_at (statement, i)->amount_minor, ==, expected[i]);
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* The rows' amounts and @expected hold the same values, in any order. */
static void
assert_amounts_unordered (BudgImportStatement *statement,
                          const gint64        *expected,
                          guint                n_expected)
{
  g_autofree gint64 *actual = g_new (gint64, n_expected);
  g_autofree gint64 *wanted = g_memdup2 (expected, sizeof (gint64) * n_expected);

  g_assert_cmpuint (statement->rows->len, ==, n_expected);

  for (guint i = 0; i < n_expected; i++)
    actual[i] = row_at (statement, i)->amount_minor;

  qsort (actual, n_expected, sizeof (gint64), compare_gint64);
  qsort (wanted, n_expected, sizeof (gint64), compare_gint64);

  for (guint i = 0; i < n_expected; i++)
    g_assert_cmpint (actual[i], ==, wanted[i]);
}

/* The 1-based lines on which @needle occurs in the file, by brute force. */
static GArray *
lines_with (GBytes     *bytes,
            const char *needle)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (guint));
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  gsize needle_length = strlen (needle);
  guint line = 1;

  for (gsize i = 0; i < length; i++)
    {
      if (data[i] == '\n')
        line++;
      else if (i + needle_length <= length && g_ascii_strncasecmp (data + i, needle, needle_length) == 0)
        g_array_append_val (lines, line);
    }

  return lines;
}

/* ---------------------------------------------------------------- dates and amounts */

static void
test_date_forms (void)
{
  static const struct { const char *text; BudgDateOrder order; const char *iso; } cases[] = {
    { "1/2/2026", BUDG_DATE_ORDER_MDY, "2026-01-02" },
    { "1/2/2026", BUDG_DATE_ORDER_DMY, "2026-02-01" },
    { "02/01/2026", BUDG_DATE_ORDER_DMY, "2026-01-02" },
    { "2026-01-02", BUDG_DATE_ORDER_DMY, "2026-01-02" },
    { "2026-01-02", BUDG_DATE_ORDER_MDY, "2026-01-02" },
    { "2012/3/22", BUDG_DATE_ORDER_MDY, "2012-03-22" },
    { "01.02.2026", BUDG_DATE_ORDER_DMY, "2026-02-01" },
    { "16-11-2012", BUDG_DATE_ORDER_DMY, "2012-11-16" },
    { "20260102", BUDG_DATE_ORDER_MDY, "2026-01-02" },
    { "07 Nov 2013", BUDG_DATE_ORDER_MDY, "2013-11-07" },
    { "Nov 7, 2013", BUDG_DATE_ORDER_DMY, "2013-11-07" },
    { "7-nov-13", BUDG_DATE_ORDER_DMY, "2013-11-07" },
    { "3 mars 2020", BUDG_DATE_ORDER_DMY, "2020-03-03" },
    { "1. Dezember 2021", BUDG_DATE_ORDER_MDY, "2021-12-01" },
    { "01/01/95", BUDG_DATE_ORDER_MDY, "1995-01-01" },
    { "2016-01-02 13:45:00", BUDG_DATE_ORDER_MDY, "2016-01-02" },
    { "2016-01-02T13:45Z", BUDG_DATE_ORDER_MDY, "2016-01-02" },
    { "12/27/2019 19:33", BUDG_DATE_ORDER_MDY, "2019-12-27" },
  };
  static const char * const invalid[] = {
    "", "03/25/099", "03/25/099Share Withdrawal", "13/13/2020", "2026-02-30", "31/04/2020",
    "hello", "12", "1/2", "2026-1-2-3", "99/99/99", "0099-01-01",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *iso = NULL;
      BudgDateParts parts;

      g_assert_true (budg_date_parts_scan (cases[i].text, FALSE, &parts));
      iso = budg_date_parts_to_iso (&parts, cases[i].order);
      g_assert_cmpstr (iso, ==, cases[i].iso);
    }

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      BudgDateParts parts;

      if (budg_date_parts_scan (invalid[i], FALSE, &parts))
        {
          g_assert_false (budg_date_parts_fits (&parts, BUDG_DATE_ORDER_DMY));
          g_assert_false (budg_date_parts_fits (&parts, BUDG_DATE_ORDER_MDY));
        }
    }
}

/* Quicken's apostrophe means the 2000s, a slash with two digits uses the
 * 70/30 window. */
static void
test_date_qif_years (void)
{
  static const struct { const char *text; const char *iso; } cases[] = {
    { "1/ 2'05", "2005-01-02" },
    { "1/ 1'00", "2000-01-01" },
    { "2/10'2020", "2020-02-10" },
    { "12/31/99", "1999-12-31" },
    { "12/31'99", "2099-12-31" },
    { "1/2/05", "2005-01-02" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *iso = NULL;
      BudgDateParts parts;

      g_assert_true (budg_date_parts_scan (cases[i].text, TRUE, &parts));
      iso = budg_date_parts_to_iso (&parts, BUDG_DATE_ORDER_MDY);
      g_assert_cmpstr (iso, ==, cases[i].iso);
    }
}

static void
test_date_order_strings (void)
{
  static const struct { const char *text; BudgDateOrder order; } cases[] = {
    { "auto", BUDG_DATE_ORDER_AUTO }, { "ymd", BUDG_DATE_ORDER_YMD }, { "DMY", BUDG_DATE_ORDER_DMY },
    { "mdy", BUDG_DATE_ORDER_MDY }, { "DD.MM.YYYY", BUDG_DATE_ORDER_DMY },
    { "%m/%d/%Y", BUDG_DATE_ORDER_MDY }, { "yyyy-mm-dd", BUDG_DATE_ORDER_YMD },
    { "%Y%m%d", BUDG_DATE_ORDER_YMD }, { "%e.%m.%y", BUDG_DATE_ORDER_DMY },
  };
  static const char * const invalid[] = { "", "dm", "hello", "%H:%M", "ddmm" };
  BudgDateOrder order;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_true (budg_date_order_from_string (cases[i].text, &order));
      g_assert_cmpint (order, ==, cases[i].order);
    }

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    g_assert_false (budg_date_order_from_string (invalid[i], &order));
}

static void
test_amount_forms (void)
{
  static const struct
  {
    const char      *text;
    BudgDecimalMark  mark;
    BudgDecimalMark  fallback;
    guint            minor_units;
    gint64           expected;
  } cases[] = {
    { "12.34", BUDG_DECIMAL_MARK_AUTO, BUDG_DECIMAL_MARK_POINT, 2, 1234 },
    { "-6.60", BUDG_DECIMAL_MARK_AUTO, BUDG_DECIMAL_MARK_POINT, 2, -660 },
    { "+120,00", BUDG_DECIMAL_MARK_AUTO, BUDG_DECIMAL_MARK_POINT, 2, 12000 },
    { "-1.234,56", BUDG_DECIMAL_MARK_AUTO, BUDG_DECIMAL_MARK_POINT, 2, -123456 },
    { "5,762.36", BUDG_DECIMAL_MARK_AUTO, BUDG_DECIMAL_MARK_POINT, 2, 576236 },
    { "11,351.24", BUDG_DECIMAL_MARK_AUTO, BUDG_DECIMAL_MARK_COMMA, 2, 1135124 },
    { "1,234", BUDG_DECIMAL_MARK_AUTO, BUDG_DECIMAL_MARK_POINT, 2, 123400 },
    { "1,234", BUDG_DECIMAL_MARK_AUTO, BUDG_DECIMAL_MARK_COMMA, 3, 1234 },
    { "1.234", BUDG_DECIMAL_MARK_AUTO, BUDG_DECIMAL_MARK_COMMA, 2, 123400 },
    { "1 234 567,89", BUDG_DECIMAL_MARK_AUTO, BUDG_DECIMAL_MARK_POINT, 2, 123456789 },
    { "1\u00a0234,5", BUDG_DECIMAL_MARK_AUTO, BUDG_DECIMAL_MARK_POINT, 2, 123450 },
    { "£500.00", BUDG_DECIMAL_MARK_AUTO, BUDG_DECIMAL_MARK_POINT, 2, 50000 },
    { "-$12.50", BUDG_DECIMAL_MARK_AUTO, BUDG_DECIMAL_MARK_POINT, 2, -1250 },
    { "$-12.50", BUDG_DECIMAL_MARK_AUTO, BUDG_DECIMAL_MARK_POINT, 2, -1250 },
    { "(12.50)", BUDG_DECIMAL_MARK_AUTO, BUDG_DECIMAL_MARK_POINT, 2, -1250 },
    { "12.50-", BUDG_DECIMAL_MARK_AUTO, BUDG_DECIMAL_MARK_POINT, 2, -1250 },
    { "12,-", BUDG_DECIMAL_MARK_AUTO, BUDG_DECIMAL_MARK_POINT, 2, 1200 },
    { "EUR 12,00", BUDG_DECIMAL_MARK_AUTO, BUDG_DECIMAL_MARK_POINT, 2, 1200 },
    { "12.00 €", BUDG_DECIMAL_MARK_AUTO, BUDG_DECIMAL_MARK_POINT, 2, 1200 },
    { "45.10 DR", BUDG_DECIMAL_MARK_AUTO, BUDG_DECIMAL_MARK_POINT, 2, -4510 },
    { "45.10CR", BUDG_DECIMAL_MARK_AUTO, BUDG_DECIMAL_MARK_POINT, 2, 4510 },
    { "\u221212.34", BUDG_DECIMAL_MARK_AUTO, BUDG_DECIMAL_MARK_POINT, 2, -1234 },
    { "-00000000001500.0000", BUDG_DECIMAL_MARK_AUTO, BUDG_DECIMAL_MARK_POINT, 2, -150000 },
    { "115.8331", BUDG_DECIMAL_MARK_AUTO, BUDG_DECIMAL_MARK_POINT, 2, 11583 },
    { "0.285", BUDG_DECIMAL_MARK_AUTO, BUDG_DECIMAL_MARK_POINT, 2, 29 },
    { "-0.285", BUDG_DECIMAL_MARK_AUTO, BUDG_DECIMAL_MARK_POINT, 2, -29 },
    { "-0.284", BUDG_DECIMAL_MARK_AUTO, BUDG_DECIMAL_MARK_POINT, 2, -28 },
    { "1234", BUDG_DECIMAL_MARK_AUTO, BUDG_DECIMAL_MARK_POINT, 0, 1234 },
    { ".50", BUDG_DECIMAL_MARK_AUTO, BUDG_DECIMAL_MARK_POINT, 2, 50 },
    { "1.234,56", BUDG_DECIMAL_MARK_COMMA, BUDG_DECIMAL_MARK_COMMA, 2, 123456 },
    { "1,234.56", BUDG_DECIMAL_MARK_POINT, BUDG_DECIMAL_MARK_POINT, 2, 123456 },
    { "12.5", BUDG_DECIMAL_MARK_POINT, BUDG_DECIMAL_MARK_POINT, 2, 1250 },
    { "92233720368547758.07", BUDG_DECIMAL_MARK_AUTO, BUDG_DECIMAL_MARK_POINT, 2, G_MAXINT64 },
  };
  static const struct { const char *text; BudgDecimalMark mark; } invalid[] = {
    { "", BUDG_DECIMAL_MARK_AUTO }, { "abc", BUDG_DECIMAL_MARK_AUTO },
    { "12.34.56,7", BUDG_DECIMAL_MARK_AUTO }, { "1,23,4.5", BUDG_DECIMAL_MARK_AUTO },
    { "--12", BUDG_DECIMAL_MARK_AUTO }, { "(12", BUDG_DECIMAL_MARK_AUTO },
    { "2016-01-02", BUDG_DECIMAL_MARK_AUTO }, { "12 34 USD 5", BUDG_DECIMAL_MARK_AUTO },
    { "1.234,56", BUDG_DECIMAL_MARK_POINT }, { "1,234.56", BUDG_DECIMAL_MARK_COMMA },
    { "12.5", BUDG_DECIMAL_MARK_COMMA }, { "Visa kob DKK 995,00", BUDG_DECIMAL_MARK_AUTO },
    { "92233720368547758.08", BUDG_DECIMAL_MARK_AUTO }, { "-(12)", BUDG_DECIMAL_MARK_AUTO },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gint64 minor = 0;

      g_test_message ("%s", cases[i].text);
      g_assert_true (budg_import_parse_amount (cases[i].text, cases[i].mark, cases[i].fallback,
                                               cases[i].minor_units, &minor));
      g_assert_cmpint (minor, ==, cases[i].expected);
    }

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      gint64 minor = 42;

      g_test_message ("%s", invalid[i].text);
      g_assert_false (budg_import_parse_amount (invalid[i].text, invalid[i].mark, BUDG_DECIMAL_MARK_POINT,
                                                2, &minor));
      g_assert_cmpint (minor, ==, 42);
    }
}

/* Writes @minor (2 decimals) the way a bank might: with or without
 * thousands separators, with the point or the comma, the sign in front, in
 * parentheses or behind, with or without a currency. */
static char *
format_amount (gint64           minor,
               BudgDecimalMark  mark,
               gboolean         grouped,
               int              sign_style,
               int              symbol,
               gboolean         cents)
{
  guint64 magnitude = minor < 0 ? -(guint64) minor : (guint64) minor;
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT, magnitude / 100);
  char decimal = mark == BUDG_DECIMAL_MARK_COMMA ? ',' : '.';
  char group = mark == BUDG_DECIMAL_MARK_COMMA ? '.' : ',';
  GString *text = g_string_new (NULL);
  gsize n = strlen (digits);

  if (symbol == 1)
    g_string_append (text, "$");
  for (gsize i = 0; i < n; i++)
    {
      g_string_append_c (text, digits[i]);
      if (grouped && (n - 1 - i) % 3 == 0 && i + 1 < n)
        g_string_append_c (text, group);
    }
  if (cents)
    g_string_append_printf (text, "%c%02u", decimal, (guint) (magnitude % 100));
  if (symbol == 2)
    g_string_append (text, " EUR");

  if (minor < 0)
    {
      if (sign_style == 0)
        g_string_prepend_c (text, '-');
      else if (sign_style == 1)
        {
          g_string_prepend_c (text, '(');
          g_string_append_c (text, ')');
        }
      else
        g_string_append_c (text, '-');
    }

  return g_string_free (text, FALSE);
}

static void
test_amount_brute_force (void)
{
  GRand *rand = g_rand_new_with_seed (20260102);

  for (guint i = 0; i < 20000; i++)
    {
      BudgDecimalMark mark = g_rand_boolean (rand) ? BUDG_DECIMAL_MARK_COMMA : BUDG_DECIMAL_MARK_POINT;
      gboolean cents = g_rand_int_range (rand, 0, 4) != 0;
      guint scale = g_rand_int_range (rand, 0, 13);
      gint64 minor = (gint64) (g_rand_double (rand) * 1e12) / (gint64) pow10_int (scale);
      g_autofree char *text = NULL;
      gint64 parsed = 0;

      if (!cents)
        minor -= minor % 100;
      if (g_rand_boolean (rand))
        minor = -minor;

      text = format_amount (minor, mark, g_rand_boolean (rand), g_rand_int_range (rand, 0, 3),
                            g_rand_int_range (rand, 0, 3), cents);

      /* Under AUTO with the file's mark as fallback, and under the mark
       * itself, the text reads back exactly. */
      g_assert_true (budg_import_parse_amount (text, BUDG_DECIMAL_MARK_AUTO, mark, 2, &parsed));
      if (parsed != minor)
        g_error ("“%s” read as %" G_GINT64_FORMAT ", not %" G_GINT64_FORMAT, text, parsed, minor);
      g_assert_true (budg_import_parse_amount (text, mark, mark, 2, &parsed));
      g_assert_cmpint (parsed, ==, minor);
    }

  g_rand_free (rand);
}

/* ---------------------------------------------------------------- format detection */

static void
test_detect_format (void)
{
  static const struct { const char *name; BudgImportFormat format; } cases[] = {
    { "ofxparse__bank_medium.ofx", BUDG_IMPORT_FORMAT_QFX },
    { "ofxparse__suncorp.ofx", BUDG_IMPORT_FORMAT_OFX },
    { "ofxparse__fail_nice__date_missing.ofx", BUDG_IMPORT_FORMAT_OFX },
    { "libofx__ofx_spec160_stmtrs_example.sgml", BUDG_IMPORT_FORMAT_OFX },
    { "libofx__ofx-2.1.1-sect-16.5.3.2.ofx", BUDG_IMPORT_FORMAT_OFX },
    { "ofxgo__busted_responses__wellsfargo.qfx", BUDG_IMPORT_FORMAT_QFX },
    { "actual__html-vals.qfx", BUDG_IMPORT_FORMAT_QFX },
    { "quiffen__test.qif", BUDG_IMPORT_FORMAT_QIF },
    { "qifparse-kubauk__file2.qif", BUDG_IMPORT_FORMAT_QIF },
    { "gnucash__doc_examples__Money95bank_fr.qif", BUDG_IMPORT_FORMAT_QIF },
    { "quiffen__empty.qif", BUDG_IMPORT_FORMAT_UNKNOWN },
    { "beangulp__csvbank__statement.csv", BUDG_IMPORT_FORMAT_CSV },
    { "reckon__tab_delimited_file__input.csv", BUDG_IMPORT_FORMAT_CSV },
    { "hledger__sample.fr.cp1252.csv", BUDG_IMPORT_FORMAT_CSV },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = load (cases[i].name);
      gsize length;
      const guint8 *data = bytes_data (bytes, &length);

      g_test_message ("%s", cases[i].name);
      g_assert_cmpint (budg_import_detect_format (data, length, cases[i].name), ==, cases[i].format);
    }

  /* Without a name, CSV is told by its delimiters, and QFX falls to OFX
   * unless Intuit's tags show. */
  {
    g_autoptr(GBytes) bytes = load ("reckon__ing__input.csv");
    gsize length;
    const guint8 *data = bytes_data (bytes, &length);

    g_assert_cmpint (budg_import_detect_format (data, length, NULL), ==, BUDG_IMPORT_FORMAT_CSV);
  }
  {
    g_autoptr(GBytes) bytes = load ("ofxparse__suncorp.ofx");
    gsize length;
    const guint8 *data = bytes_data (bytes, &length);

    g_assert_cmpint (budg_import_detect_format (data, length, NULL), ==, BUDG_IMPORT_FORMAT_OFX);
    g_assert_cmpint (budg_import_detect_format (data, length, "x.QFX"), ==, BUDG_IMPORT_FORMAT_QFX);
  }

  g_assert_cmpint (budg_import_detect_format ((const guint8 *) "\x89PNG\r\n\x1a\n\0\0", 10, "x.png"), ==,
                   BUDG_IMPORT_FORMAT_UNKNOWN);

  for (BudgImportFormat f = BUDG_IMPORT_FORMAT_CSV; f <= BUDG_IMPORT_FORMAT_QIF; f++)
    g_assert_cmpint (budg_import_format_from_string (budg_import_format_to_string (f)), ==, f);
  g_assert_cmpint (budg_import_format_from_string ("auto"), ==, BUDG_IMPORT_FORMAT_UNKNOWN);
  g_assert_cmpint (budg_import_format_from_string ("QIF"), ==, BUDG_IMPORT_FORMAT_QIF);
}

/* ---------------------------------------------------------------- QIF */

static void
test_qif_quiffen (void)
{
  g_autoptr(BudgImportResult) result = parse_qif ("quiffen__test.qif", NULL);
  static const gint64 amounts[] = { 0, 6750, 3200, -1000, -2500, -10000 };
  static const char * const dates[] = {
    "2020-02-10", "2020-02-14", "2020-02-14", "2020-02-12", "2020-02-11", "2020-02-10",
  };
  static const gint64 amazon[] = { -5000, -2500, -1000, -1500 };
  BudgImportStatement *statement;
  BudgImportRow *row;

  /* 6 bank transactions in the one implicit account, whose name the
   * opening balance gives; the investment record is rejected. */
  g_assert_cmpuint (result->statements->len, ==, 1);
  statement = statement_at (result, 0);
  g_assert_cmpstr (statement->account_name, ==, "TestExport");
  g_assert_true (statement->has_account_kind);
  g_assert_cmpint (statement->account_kind, ==, BUDG_ACCOUNT_KIND_CHECKING);
  assert_amounts (statement, amounts, G_N_ELEMENTS (amounts));
  g_assert_cmpint (sum_rows (statement), ==, -3550);

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    g_assert_cmpstr (row_at (statement, i)->date, ==, dates[i]);

  row = row_at (statement, 0);
  g_assert_true (row->opening_balance);
  g_assert_null (row->transfer_account);
  g_assert_cmpint (row->status, ==, BUDG_IMPORT_STATUS_RECONCILED);

  row = row_at (statement, 1);
  g_assert_cmpstr (row->payee, ==, "T-Mobile");
  g_assert_cmpstr (row->category, ==, "Bills:Cell Phone");
  g_assert_cmpstr (row->class_name, ==, "Test class");
  g_assert_cmpuint (row->splits->len, ==, 2);
  g_assert_cmpint (split_at (row, 0)->amount_minor, ==, -1500);
  g_assert_cmpstr (split_at (row, 0)->memo, ==, "sign up credit");
  g_assert_cmpint (split_at (row, 1)->amount_minor, ==, 8250);
  g_assert_cmpstr (split_at (row, 1)->class_name, ==, "Test class");
  g_assert_cmpint (row->status, ==, BUDG_IMPORT_STATUS_UNCLEARED);

  row = row_at (statement, 2);
  g_assert_cmpstr (row->memo, ==, "money back for damaged parcel");
  g_assert_cmpstr (row->category, ==, "Miscellaneous");

  row = row_at (statement, 4);
  g_assert_cmpstr (row->payee, ==, "Walmart");
  g_assert_cmpstr (row->check_number, ==, "123");

  /* The split line with its own D does not move the transaction's date. */
  row = row_at (statement, 5);
  g_assert_cmpstr (row->payee, ==, "Amazon.com");
  g_assert_cmpint (row->status, ==, BUDG_IMPORT_STATUS_CLEARED);
  g_assert_cmpuint (row->splits->len, ==, G_N_ELEMENTS (amazon));
  for (guint i = 0; i < G_N_ELEMENTS (amazon); i++)
    g_assert_cmpint (split_at (row, i)->amount_minor, ==, amazon[i]);
  g_assert_cmpstr (split_at (row, 1)->category, ==, "Transportation:Automobile");
  g_assert_cmpstr (split_at (row, 3)->memo, ==, "15%");

  g_assert_cmpuint (result->rejected->len, ==, 1);
  g_assert_cmpuint (rejection_at (result, 0)->line, ==, 93);
  g_assert_nonnull (strstr (rejection_at (result, 0)->reason, "Buy"));
}

static void
test_qif_split_y2k (void)
{
  g_autoptr(BudgImportResult) result = parse_qif ("quiffen__test_split.qif", NULL);
  BudgImportStatement *statement = statement_at (result, 0);
  BudgImportRow *row = row_at (statement, 0);

  g_assert_cmpuint (statement->rows->len, ==, 1);
  g_assert_cmpstr (row->date, ==, "2000-01-01");
  g_assert_cmpint (row->amount_minor, ==, -1000);
  g_assert_cmpstr (row->payee, ==, "A Payee");
  g_assert_null (row->category);
  g_assert_cmpuint (row->splits->len, ==, 2);
  g_assert_cmpstr (split_at (row, 0)->transfer_account, ==, "An Account");
  g_assert_null (split_at (row, 0)->category);
  g_assert_cmpint (split_at (row, 0)->amount_minor, ==, -900);
  g_assert_cmpstr (split_at (row, 1)->category, ==, "A Category");
  g_assert_cmpint (split_at (row, 1)->amount_minor, ==, -100);
  g_assert_cmpuint (result->rejected->len, ==, 0);
}

static void
assert_qif_error (const char *text,
                  gssize      length,
                  const char *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BudgImportResult) result = NULL;

  result = budg_qif_parse ((const guint8 *) text, length < 0 ? strlen (text) : (gsize) length, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT);
  if (fragment != NULL)
    g_assert_nonnull (strstr (error->message, fragment));
}

static void
test_qif_not_qif (void)
{
  g_autoptr(GBytes) bytes = load ("quiffen__empty.qif");

  g_assert_cmpuint (g_bytes_get_size (bytes), ==, 0);
  assert_qif_error ("", 0, "empty");
  assert_qif_error (" \r\n\n", -1, "empty");
  assert_qif_error ("Date,Amount\n2020-01-01,12.00\n", -1, "line 1");
  assert_qif_error ("# a comment\n", -1, "!Type:");
  assert_qif_error ("PNG\0\0\0!Type:Bank", 16, NULL);
}

static void
test_qif_two_accounts (void)
{
  g_autoptr(BudgImportResult) result = parse_qif ("qifparse-kubauk__file2.qif", NULL);
  static const gint64 amounts[] = { -650, 3100, -4800 };
  BudgImportStatement *statement;
  BudgImportRow *row;

  /* "My Cc" holds only investment records: rejected, no statement. The
   * memorized transactions (-50.00, -25.00) are templates, not imported. */
  g_assert_cmpuint (result->statements->len, ==, 1);
  statement = statement_at (result, 0);
  g_assert_cmpstr (statement->account_name, ==, "My Cash");
  g_assert_true (statement->has_account_kind);
  g_assert_cmpint (statement->account_kind, ==, BUDG_ACCOUNT_KIND_CASH);
  assert_amounts (statement, amounts, G_N_ELEMENTS (amounts));

  row = row_at (statement, 0);
  g_assert_cmpstr (row->date, ==, "2013-10-23");
  g_assert_cmpstr (row->category, ==, "food:lunch");
  g_assert_cmpuint (row->line, ==, 13);

  row = row_at (statement, 1);
  g_assert_cmpstr (row->date, ==, "2013-10-11");
  g_assert_cmpstr (row->transfer_account, ==, "My Cc");
  g_assert_false (row->opening_balance);

  row = row_at (statement, 2);
  g_assert_cmpuint (row->splits->len, ==, 2);
  g_assert_cmpstr (split_at (row, 0)->transfer_account, ==, "My Cc");
  g_assert_cmpint (split_at (row, 0)->amount_minor, ==, -3100);
  g_assert_cmpstr (split_at (row, 1)->category, ==, "food:lunch");
  g_assert_cmpint (split_at (row, 1)->amount_minor, ==, -1700);

  g_assert_cmpuint (result->rejected->len, ==, 2);
  g_assert_cmpuint (rejection_at (result, 0)->line, ==, 36);
  g_assert_cmpuint (rejection_at (result, 1)->line, ==, 45);
}

static void
test_qif_date_guess (void)
{
  g_autoptr(BudgImportResult) result = parse_qif ("qifparse-kubauk__date_format_05.qif", NULL);
  BudgImportStatement *statement = statement_at (result, 0);

  /* "2/1'16" alone could be February; "13/12'15" later in the file says
   * day first. Neither record has an amount: they are worth nothing. */
  g_assert_cmpuint (statement->rows->len, ==, 2);
  g_assert_cmpstr (row_at (statement, 0)->date, ==, "2016-01-02");
  g_assert_cmpstr (row_at (statement, 1)->date, ==, "2015-12-13");
  g_assert_cmpint (row_at (statement, 0)->amount_minor, ==, 0);
  g_assert_cmpstr (row_at (statement, 0)->memo, ==, "test");
}

static void
test_qif_date_contradiction (void)
{
  g_autoptr(GBytes) bytes = load ("qifparse-kubauk__date_format_error_02.qif");
  g_autoptr(GError) error = NULL;
  g_autoptr(BudgImportResult) refused = NULL;
  g_autoptr(BudgImportResult) dmy = NULL;
  g_autoptr(BudgImportResult) mdy = NULL;
  BudgQifOptions options = { 0 };
  gsize length;
  const guint8 *data = bytes_data (bytes, &length);

  /* Refused as a whole, naming both dates and lines. */
  refused = budg_qif_parse (data, length, NULL, &error);
  g_assert_null (refused);
  g_assert_error (error, BUDG_ERROR, BUDG_ERROR_AMBIGUOUS_DATES);
  g_assert_nonnull (strstr (error->message, "“13/01/2016” on line 2"));
  g_assert_nonnull (strstr (error->message, "“01/14/2016” on line 6"));

  /* The user's choice reads one and rejects the other. */
  options.date_order = BUDG_DATE_ORDER_DMY;
  dmy = budg_qif_parse (data, length, &options, NULL);
  g_assert_nonnull (dmy);
  g_assert_cmpuint (statement_at (dmy, 0)->rows->len, ==, 1);
  g_assert_cmpstr (row_at (statement_at (dmy, 0), 0)->date, ==, "2016-01-13");
  g_assert_cmpuint (dmy->rejected->len, ==, 1);
  g_assert_cmpuint (rejection_at (dmy, 0)->line, ==, 6);

  options.date_order = BUDG_DATE_ORDER_MDY;
  mdy = budg_qif_parse (data, length, &options, NULL);
  g_assert_nonnull (mdy);
  g_assert_cmpstr (row_at (statement_at (mdy, 0), 0)->date, ==, "2016-01-14");
  g_assert_cmpuint (mdy->rejected->len, ==, 1);
  g_assert_cmpuint (rejection_at (mdy, 0)->line, ==, 2);
}

static void
test_qif_number_format (void)
{
  BudgQifOptions options = { .date_order = BUDG_DATE_ORDER_DMY };
  g_autoptr(BudgImportResult) result = parse_qif ("qifparse-kubauk__number_format_03.qif", &options);
  g_autoptr(BudgImportResult) three = NULL;
  BudgImportRow *row = row_at (statement_at (result, 0), 0);

  g_assert_cmpstr (row->date, ==, "2016-01-02");
  g_assert_cmpint (row->amount_minor, ==, -123456);

  /* The caller's currency decides the decimals. */
  options.currency = "BHD";
  three = parse_qif ("qifparse-kubauk__number_format_03.qif", &options);
  g_assert_cmpint (row_at (statement_at (three, 0), 0)->amount_minor, ==, -1234560);
}

static void
check_money95 (BudgImportResult *result)
{
  BudgImportStatement *statement;
  BudgImportRow *first;
  BudgImportRow *last;
  guint inflows = 0;
  guint outflows = 0;
  guint split_rows = 0;
  guint split_lines = 0;
  guint transfers = 0;

  g_assert_cmpuint (result->statements->len, ==, 1);
  statement = statement_at (result, 0);
  g_assert_cmpuint (statement->rows->len, ==, 143);
  g_assert_cmpuint (result->rejected->len, ==, 0);

  first = row_at (statement, 0);
  g_assert_true (first->opening_balance);
  g_assert_cmpint (first->amount_minor, ==, 576236);
  g_assert_cmpstr (statement->account_name, ==, "Compte courant");
  g_assert_cmpstr (first->date, ==, "1995-01-01");

  last = row_at (statement, statement->rows->len - 1);
  g_assert_cmpint (last->amount_minor, ==, -9763);
  g_assert_cmpstr (last->date, ==, "1995-12-31");
  g_assert_cmpstr (last->payee, ==, "Crédit Mutuel");

  g_assert_cmpint (sum_rows (statement), ==, 882240);
  g_assert_cmpint (sum_rows (statement) - first->amount_minor, ==, 306004);

  for (guint i = 0; i < statement->rows->len; i++)
    {
      BudgImportRow *row = row_at (statement, i);

      if (row->amount_minor > 0)
        inflows++;
      else
        outflows++;

      /* MM/DD/YY, ascending through 1995, all reconciled. */
      g_assert_true (g_str_has_prefix (row->date, "1995-"));
      if (i > 0)
        g_assert_cmpstr (row_at (statement, i - 1)->date, <=, row->date);
      g_assert_cmpint (row->status, ==, BUDG_IMPORT_STATUS_RECONCILED);

      if (g_strcmp0 (row->transfer_account, "Livret bleu") == 0)
        transfers++;

      if (row->splits->len > 0)
        {
          gint64 total = 0;

          split_rows++;
          split_lines += row->splits->len;
          for (guint j = 0; j < row->splits->len; j++)
            {
              total += split_at (row, j)->amount_minor;
              /* Every split here names its category: no remainder was
               * needed. */
              g_assert_nonnull (split_at (row, j)->category);
            }
          g_assert_cmpint (total, ==, row->amount_minor);
        }
    }

  g_assert_cmpuint (inflows, ==, 15);
  g_assert_cmpuint (outflows, ==, 128);
  g_assert_cmpuint (split_rows, ==, 27);
  g_assert_cmpuint (split_lines, ==, 63);
  g_assert_cmpuint (transfers, >, 0);
}

static void
test_qif_money95 (void)
{
  g_autoptr(BudgImportResult) result = parse_qif ("gnucash__doc_examples__Money95bank_fr.qif", NULL);

  check_money95 (result);
  g_assert_cmpstr (result->encoding, ==, "UTF-8");
}

/* The same file in the Windows character set Money wrote reads the same. */
static void
test_qif_windows_1252 (void)
{
  g_autoptr(GBytes) bytes = load ("gnucash__doc_examples__Money95bank_fr.qif");
  g_autoptr(GError) error = NULL;
  g_autoptr(BudgImportResult) result = NULL;
  g_autofree char *windows = NULL;
  gsize length;
  gsize written;
  const guint8 *data = bytes_data (bytes, &length);

  windows = g_convert ((const char *) data, length, "WINDOWS-1252", "UTF-8", NULL, &written, &error);
  g_assert_no_error (error);
  g_assert_false (g_utf8_validate (windows, written, NULL));

  result = budg_qif_parse ((const guint8 *) windows, written, NULL, &error);
  g_assert_no_error (error);
  check_money95 (result);
  g_assert_cmpstr (result->encoding, !=, "UTF-8");
}

static void
test_qif_garbage_dates (void)
{
  g_autoptr(BudgImportResult) result = parse_qif ("gnucash__doc_examples__web.qif", NULL);

  /* "03/25/099Share Withdrawal": never read as the year 99 or 2099. */
  g_assert_cmpuint (result->statements->len, ==, 0);
  g_assert_cmpuint (result->rejected->len, ==, 7);

  for (guint i = 0; i < 7; i++)
    {
      BudgImportRejection *rejection = rejection_at (result, i);

      g_assert_cmpuint (rejection->line, ==, 2 + 6 * i);
      g_assert_nonnull (strstr (rejection->reason, "/099"));
    }
}

static void
test_qif_autoswitch (void)
{
  static const char text[] =
    "!Option:AutoSwitch\n"
    "!Account\n"
    "NChecking\n"
    "TBank\n"
    "$1,000.00\n"
    "/12/31/2025\n"
    "^\n"
    "NVisa\n"
    "TCCard\n"
    "^\n"
    "!Clear:AutoSwitch\n"
    "!Account\n"
    "NChecking\n"
    "TBank\n"
    "^\n"
    "!Type:Bank \n"
    "D01/05/2026\n"
    "T-12.00\n"
    "PBakery\n"
    "LFood:Bread/Home\n"
    "^\n"
    "D01/20/2026\n"
    "T-100.00\n"
    "L[Visa]\n"
    "MPay card\n"
    "^\n"
    "!Account\n"
    "NVisa\n"
    "TCCard\n"
    "^\n"
    "!Type:CCard\n"
    "D01/20/2026\n"
    "T100.00\n"
    "L[Checking]\n"
    "^\n"
    "D01/22/2026\n"
    "T-7.50\n"
    "S\n"
    "$-5.00\n"
    "SFood\n"
    "EFood part\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(BudgImportResult) result = NULL;
  BudgImportStatement *checking;
  BudgImportStatement *visa;
  BudgImportRow *row;

  result = budg_qif_parse ((const guint8 *) text, strlen (text), NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (result->statements->len, ==, 2);
  checking = statement_at (result, 0);
  visa = statement_at (result, 1);

  g_assert_cmpstr (checking->account_name, ==, "Checking");
  g_assert_cmpint (checking->account_kind, ==, BUDG_ACCOUNT_KIND_CHECKING);
  g_assert_true (checking->has_ledger_balance);
  g_assert_cmpint (checking->ledger_balance_minor, ==, 100000);
  g_assert_cmpstr (checking->ledger_balance_date, ==, "2025-12-31");
  g_assert_cmpuint (checking->rows->len, ==, 2);
  g_assert_cmpstr (row_at (checking, 0)->category, ==, "Food:Bread");
  g_assert_cmpstr (row_at (checking, 0)->class_name, ==, "Home");
  g_assert_cmpstr (row_at (checking, 1)->transfer_account, ==, "Visa");
  g_assert_cmpstr (row_at (checking, 1)->date, ==, "2026-01-20");

  g_assert_cmpstr (visa->account_name, ==, "Visa");
  g_assert_cmpint (visa->account_kind, ==, BUDG_ACCOUNT_KIND_CREDIT_CARD);
  g_assert_false (visa->has_ledger_balance);
  g_assert_cmpuint (visa->rows->len, ==, 1);
  g_assert_cmpstr (row_at (visa, 0)->transfer_account, ==, "Checking");

  /* The last record has no "^": the file was cut, the record is rejected,
   * and the rest stays. */
  g_assert_cmpuint (result->rejected->len, ==, 1);
  g_assert_cmpuint (rejection_at (result, 0)->line, ==, 36);
  g_assert_nonnull (strstr (rejection_at (result, 0)->reason, "ends in the middle"));

  /* The same record closed: its splits miss 2.50, which becomes an
   * uncategorized remainder. */
  {
    g_autofree char *closed = g_strconcat (text, "^\n", NULL);
    g_autoptr(BudgImportResult) complete = NULL;

    complete = budg_qif_parse ((const guint8 *) closed, strlen (closed), NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (complete->rejected->len, ==, 0);
    row = row_at (statement_at (complete, 1), 1);
    g_assert_cmpint (row->amount_minor, ==, -750);
    g_assert_cmpuint (row->splits->len, ==, 3);
    g_assert_null (split_at (row, 0)->category);
    g_assert_cmpint (split_at (row, 0)->amount_minor, ==, -500);
    g_assert_cmpstr (split_at (row, 1)->category, ==, "Food");
    g_assert_cmpstr (split_at (row, 1)->memo, ==, "Food part");
    g_assert_cmpint (split_at (row, 1)->amount_minor, ==, 0);
    g_assert_null (split_at (row, 2)->category);
    g_assert_cmpint (split_at (row, 2)->amount_minor, ==, -250);
  }
}

static void
test_qif_bad_records (void)
{
  static const char text[] =
    "!Type:Bank\r\n"
    "D2026-01-05\r\n"
    "T12.00\r\n"
    "^\r\n"
    "T3.00\r\n"
    "PNo date\r\n"
    "^\r\n"
    "D2026-01-06\r\n"
    "Tabc\r\n"
    "^\r\n"
    "D2026-01-07\r\n"
    "T-1.00\r\n"
    "S\r\n"
    "$x\r\n"
    "^\r\n"
    "D2026-01-08\r\n"
    "U-4.00\r\n"
    "^\r\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(BudgImportResult) result = NULL;
  BudgImportStatement *statement;

  result = budg_qif_parse ((const guint8 *) text, strlen (text), NULL, &error);
  g_assert_no_error (error);

  statement = statement_at (result, 0);
  g_assert_cmpuint (statement->rows->len, ==, 2);
  g_assert_cmpint (row_at (statement, 0)->amount_minor, ==, 1200);
  g_assert_cmpint (row_at (statement, 1)->amount_minor, ==, -400);
  g_assert_cmpuint (row_at (statement, 1)->line, ==, 16);

  g_assert_cmpuint (result->rejected->len, ==, 3);
  g_assert_cmpuint (rejection_at (result, 0)->line, ==, 5);
  g_assert_nonnull (strstr (rejection_at (result, 0)->reason, "no date"));
  g_assert_cmpuint (rejection_at (result, 1)->line, ==, 9);
  g_assert_nonnull (strstr (rejection_at (result, 1)->reason, "“abc”"));
  g_assert_cmpuint (rejection_at (result, 2)->line, ==, 13);
}

/* Random statements written in one day/month order come back exactly, and
 * the order is found whenever some day is past the 12th. */
static void
test_qif_date_brute_force (void)
{
  GRand *rand = g_rand_new_with_seed (4242);

  for (guint round = 0; round < 300; round++)
    {
      gboolean dmy = g_rand_boolean (rand);
      const char separators[] = "/.-";
      char separator = separators[g_rand_int_range (rand, 0, 3)];
      guint n = g_rand_int_range (rand, 1, 25);
      GDate date;
      g_autoptr(GString) text = g_string_new ("!Type:Bank\n");
      g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(BudgImportResult) guessed = NULL;
      g_autoptr(BudgImportResult) told = NULL;
      BudgQifOptions options = { 0 };
      gboolean decisive = FALSE;

      g_date_clear (&date, 1);
      g_date_set_julian (&date, g_rand_int_range (rand, 730000, 745000));

      for (guint i = 0; i < n; i++)
        {
          int day;
          int month;

          g_date_add_days (&date, g_rand_int_range (rand, 0, 9));
          day = g_date_get_day (&date);
          month = g_date_get_month (&date);
          decisive |= day > 12;

          g_string_append_printf (text, "D%02d%c%02d%c%d\nT-%u.%02u\n^\n",
                                  dmy ? day : month, separator, dmy ? month : day, separator,
                                  g_date_get_year (&date), i + 1, i);
          g_ptr_array_add (expected, g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date), month, day));
        }

      options.date_order = dmy ? BUDG_DATE_ORDER_DMY : BUDG_DATE_ORDER_MDY;
      told = budg_qif_parse ((const guint8 *) text->str, text->len, &options, NULL);
      g_assert_nonnull (told);
      g_assert_cmpuint (statement_at (told, 0)->rows->len, ==, n);
      for (guint i = 0; i < n; i++)
        g_assert_cmpstr (row_at (statement_at (told, 0), i)->date, ==, g_ptr_array_index (expected, i));

      guessed = budg_qif_parse ((const guint8 *) text->str, text->len, NULL, NULL);
      g_assert_nonnull (guessed);
      if (decisive)
        for (guint i = 0; i < n; i++)
          g_assert_cmpstr (row_at (statement_at (guessed, 0), i)->date, ==, g_ptr_array_index (expected, i));
    }

  g_rand_free (rand);
}

/* ---------------------------------------------------------------- CSV */

static void
test_csv_beangulp (void)
{
  g_autoptr(GBytes) bytes = load ("beangulp__csvbank__statement.csv");
  g_autoptr(BudgImportResult) result = parse_csv ("beangulp__csvbank__statement.csv", NULL);
  g_autoptr(BudgCsvOptions) detected = NULL;
  static const gint64 amounts[] = { -268089, 259073, -15000, -6000, 11000, -130000 };
  static const gint64 sorted[] = { -130000, 11000, -6000, -15000, 259073, -268089 };
  BudgImportStatement *statement;
  gsize length;
  const guint8 *data = bytes_data (bytes, &length);

  detected = budg_csv_detect (data, length, NULL, NULL);
  g_assert_nonnull (detected);
  g_assert_cmpint (detected->delimiter, ==, ',');
  g_assert_cmpint (detected->skip_lines, ==, 0);
  g_assert_cmpint (detected->header, ==, BUDG_CSV_HEADER_YES);
  g_assert_cmpint (detected->date_order, ==, BUDG_DATE_ORDER_MDY);
  g_assert_cmpint (detected->decimal_mark, ==, BUDG_DECIMAL_MARK_POINT);
  g_assert_cmpint (detected->columns.date, ==, 1);
  g_assert_cmpint (detected->columns.payee, ==, 2);
  g_assert_cmpint (detected->columns.amount, ==, 3);
  g_assert_cmpint (detected->columns.balance, ==, 5);
  g_assert_cmpint (detected->columns.check_number, ==, 6);
  g_assert_cmpstr (detected->header_names[1], ==, "Posting Date");

  g_assert_cmpuint (result->statements->len, ==, 1);
  statement = statement_at (result, 0);
  assert_amounts (statement, amounts, G_N_ELEMENTS (amounts));
  g_assert_cmpstr (row_at (statement, 0)->date, ==, "2016-03-18");
  g_assert_cmpstr (row_at (statement, 5)->date, ==, "2016-03-04");
  g_assert_cmpuint (row_at (statement, 0)->line, ==, 2);

  /* The golden output, sorted by date, is the file reversed. */
  for (guint i = 0; i < G_N_ELEMENTS (sorted); i++)
    g_assert_cmpint (row_at (statement, statement->rows->len - 1 - i)->amount_minor, ==, sorted[i]);

  /* Newest first: each balance is the next one plus this row. */
  for (guint i = 0; i + 1 < statement->rows->len; i++)
    {
      BudgImportRow *row = row_at (statement, i);
      BudgImportRow *older = row_at (statement, i + 1);

      g_assert_true (row->has_balance);
      g_assert_cmpint (older->balance_minor + row->amount_minor, ==, row->balance_minor);
    }

  g_assert_true (statement->has_ledger_balance);
  g_assert_cmpint (statement->ledger_balance_minor, ==, 340986);
  g_assert_cmpstr (statement->ledger_balance_date, ==, "2016-03-18");
  g_assert_cmpint (sum_rows (statement), ==, -149016);
  g_assert_cmpint (statement->ledger_balance_minor - sum_rows (statement), ==, 490002);
  g_assert_cmpuint (result->rejected->len, ==, 0);
}

static void
test_csv_windows_1252 (void)
{
  g_autoptr(BudgImportResult) result = parse_csv ("hledger__sample.fr.cp1252.csv", NULL);
  g_autoptr(BudgImportResult) latin1 = NULL;
  g_autoptr(BudgCsvOptions) options = budg_csv_options_new ();
  static const char * const payees[] = { "DÉPÔT", "VIREMENT VERS ÉPARGNE", "CAFÉ — €20 REÇU" };
  static const gint64 amounts[] = { 5000, -1000, -2000 };
  BudgImportStatement *statement = statement_at (result, 0);

  g_assert_cmpstr (result->encoding, ==, "WINDOWS-1252");
  assert_amounts (statement, amounts, G_N_ELEMENTS (amounts));
  for (guint i = 0; i < G_N_ELEMENTS (payees); i++)
    g_assert_cmpstr (row_at (statement, i)->payee, ==, payees[i]);
  g_assert_cmpstr (row_at (statement, 0)->date, ==, "2012-03-22");
  g_assert_cmpint (sum_rows (statement), ==, 2000);

  /* Read as Latin-1, the same bytes are C1 controls, not "—" and "€". */
  options->encoding = g_strdup ("ISO-8859-1");
  latin1 = parse_csv ("hledger__sample.fr.cp1252.csv", options);
  g_assert_cmpstr (row_at (statement_at (latin1, 0), 2)->payee, !=, payees[2]);
  g_assert_cmpstr (row_at (statement_at (latin1, 0), 0)->payee, ==, payees[0]);
}

static void
test_csv_austrian (void)
{
  g_autoptr(GBytes) bytes = load ("reckon__austrian_example__input.csv");
  g_autoptr(BudgImportResult) result = parse_csv ("reckon__austrian_example__input.csv", NULL);
  g_autoptr(BudgCsvOptions) detected = NULL;
  static const gint64 golden[] = {
    6190, -1740, -3171, -3245, -3900, -10469, -1715, -4642, -3760, 12000, 2200, -905, -1800,
  };
  BudgImportStatement *statement = statement_at (result, 0);
  gsize length;
  const guint8 *data = bytes_data (bytes, &length);

  detected = budg_csv_detect (data, length, NULL, NULL);
  g_assert_cmpint (detected->delimiter, ==, ';');
  g_assert_cmpint (detected->header, ==, BUDG_CSV_HEADER_NO);
  g_assert_cmpint (detected->date_order, ==, BUDG_DATE_ORDER_DMY);
  g_assert_cmpint (detected->decimal_mark, ==, BUDG_DECIMAL_MARK_COMMA);
  /* The booking date, not the value date after it. */
  g_assert_cmpint (detected->columns.date, ==, 2);
  g_assert_cmpint (detected->columns.amount, ==, 4);
  g_assert_cmpint (detected->columns.currency, ==, 5);
  g_assert_null (detected->header_names);

  g_assert_cmpstr (statement->currency, ==, "EUR");
  assert_amounts_unordered (statement, golden, G_N_ELEMENTS (golden));
  g_assert_cmpint (sum_rows (statement), ==, -14957);
  g_assert_cmpstr (row_at (statement, 0)->date, ==, "2014-01-22");
  g_assert_cmpint (row_at (statement, 0)->amount_minor, ==, -1800);
  g_assert_cmpstr (row_at (statement, 12)->date, ==, "2014-01-02");
  g_assert_cmpint (row_at (statement, 12)->amount_minor, ==, -3900);
  g_assert_nonnull (strstr (row_at (statement, 0)->payee, "Thematische Universität Stadt"));
}

static void
test_csv_danish (void)
{
  g_autoptr(BudgImportResult) result = parse_csv ("reckon__danish_kroner_nordea_example__input.csv", NULL);
  static const gint64 golden[] = { -65500, -345290, -99500, 49790, -7900, -4800 };
  BudgImportStatement *statement = statement_at (result, 0);

  assert_amounts_unordered (statement, golden, G_N_ELEMENTS (golden));
  g_assert_cmpint (sum_rows (statement), ==, -473200);
  g_assert_cmpstr (row_at (statement, 3)->payee, ==, "Visa kob DKK     995,00            WWW.ASOS.COM   00000");
  g_assert_cmpstr (row_at (statement, 0)->date, ==, "2012-11-16");
  /* Its balance column does not follow the amounts: not taken for one. */
  g_assert_false (statement->has_ledger_balance);
  g_assert_cmpuint (result->rejected->len, ==, 0);
}

static void
test_csv_ing_sign_column (void)
{
  g_autoptr(GBytes) bytes = load ("reckon__ing__input.csv");
  g_autoptr(BudgImportResult) result = parse_csv ("reckon__ing__input.csv", NULL);
  g_autoptr(BudgCsvOptions) detected = NULL;
  static const gint64 amounts[] = { -13613, 37500, -25750 };
  static const char * const dates[] = { "2012-11-15", "2012-11-12", "2009-11-17" };
  BudgImportStatement *statement = statement_at (result, 0);
  gsize length;
  const guint8 *data = bytes_data (bytes, &length);

  detected = budg_csv_detect (data, length, NULL, NULL);
  g_assert_cmpint (detected->columns.sign, ==, 5);
  g_assert_cmpint (detected->columns.amount, ==, 6);

  assert_amounts (statement, amounts, G_N_ELEMENTS (amounts));
  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    g_assert_cmpstr (row_at (statement, i)->date, ==, dates[i]);
  g_assert_cmpint (sum_rows (statement), ==, -1863);
}

static void
check_nationwide (BudgImportResult *result)
{
  static const gint64 amounts[] = { 50000, -2000, -1977, -10000 };
  static const char * const dates[] = { "2013-11-07", "2013-10-09", "2013-12-09", "2013-12-10" };
  BudgImportStatement *statement = statement_at (result, 0);
  gint64 balance = 0;

  assert_amounts (statement, amounts, G_N_ELEMENTS (amounts));
  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    g_assert_cmpstr (row_at (statement, i)->date, ==, dates[i]);

  /* The balances chain in file order although the dates do not. */
  for (guint i = 0; i < statement->rows->len; i++)
    {
      balance += row_at (statement, i)->amount_minor;
      g_assert_true (row_at (statement, i)->has_balance);
      g_assert_cmpint (row_at (statement, i)->balance_minor, ==, balance);
    }

  g_assert_true (statement->has_ledger_balance);
  g_assert_cmpint (statement->ledger_balance_minor, ==, 36023);
  g_assert_cmpstr (statement->ledger_balance_date, ==, "2013-12-10");
  g_assert_cmpint (sum_rows (statement), ==, 36023);
  g_assert_cmpstr (row_at (statement, 2)->payee, ==, "Visa");
  g_assert_cmpstr (row_at (statement, 2)->memo, ==, "Supermarket");
}

static void
test_csv_nationwide (void)
{
  g_autoptr(BudgImportResult) automatic = parse_csv ("reckon__nationwide__input.csv", NULL);
  g_autoptr(BudgImportResult) explicit = NULL;
  g_autoptr(BudgCsvOptions) options = budg_csv_options_new ();
  g_autoptr(GError) error = NULL;

  check_nationwide (automatic);

  /* The same file read as the CLI's flags would have it. */
  g_assert_true (budg_csv_columns_parse (&options->columns,
                                         "date=1,payee=2,memo=3,debit=4,credit=5,balance=6", &error));
  g_assert_no_error (error);
  options->columns_set = TRUE;
  options->delimiter = ',';
  options->skip_lines = 0;
  options->header = BUDG_CSV_HEADER_NO;
  options->decimal_mark = BUDG_DECIMAL_MARK_POINT;
  explicit = parse_csv ("reckon__nationwide__input.csv", options);
  check_nationwide (explicit);
}

static void
test_csv_bom (void)
{
  g_autoptr(GBytes) bytes = load ("reckon__bom_utf8_file__input.csv");
  g_autoptr(BudgImportResult) result = parse_csv ("reckon__bom_utf8_file__input.csv", NULL);
  g_autoptr(BudgCsvOptions) detected = NULL;
  BudgImportStatement *statement = statement_at (result, 0);
  BudgImportRow *row = row_at (statement, 0);
  gsize length;
  const guint8 *data = bytes_data (bytes, &length);

  detected = budg_csv_detect (data, length, NULL, NULL);
  g_assert_cmpstr (detected->header_names[0], ==, "Date");
  g_assert_cmpuint (g_strv_length (detected->header_names), ==, 41);

  g_assert_cmpuint (statement->rows->len, ==, 1);
  g_assert_cmpstr (row->date, ==, "2019-12-27");
  g_assert_cmpint (row->amount_minor, ==, -749);
  g_assert_cmpstr (row->payee, ==, "Humble Bundle, Inc.");
  g_assert_cmpstr (statement->currency, ==, "USD");
  g_assert_true (row->has_balance);
  g_assert_cmpint (row->balance_minor, ==, 70537);
  g_assert_cmpuint (result->rejected->len, ==, 0);
}

static void
check_preamble (BudgImportResult *result)
{
  BudgImportStatement *statement = statement_at (result, 0);

  g_assert_cmpuint (statement->rows->len, ==, 2);
  g_assert_cmpstr (statement->currency, ==, "EUR");
  g_assert_cmpstr (row_at (statement, 0)->date, ==, "2016-02-19");
  g_assert_cmpint (row_at (statement, 0)->amount_minor, ==, 5000);
  g_assert_cmpstr (row_at (statement, 0)->payee, ==, "VIR RECU 508160");
  g_assert_cmpuint (row_at (statement, 0)->line, ==, 5);
  g_assert_cmpstr (row_at (statement, 1)->date, ==, "2016-02-18");
  g_assert_cmpint (row_at (statement, 1)->amount_minor, ==, -810);
  g_assert_cmpstr (row_at (statement, 1)->payee, ==, "COTISATION JAZZ");
  g_assert_cmpint (sum_rows (statement), ==, 4190);
  g_assert_cmpuint (result->rejected->len, ==, 0);
}

static void
test_csv_preamble (void)
{
  g_autoptr(GBytes) bytes = load ("reckon__invalid_header_example__input.csv");
  g_autoptr(BudgImportResult) automatic = parse_csv ("reckon__invalid_header_example__input.csv", NULL);
  g_autoptr(BudgImportResult) told = NULL;
  g_autoptr(BudgCsvOptions) detected = NULL;
  g_autoptr(BudgCsvOptions) options = budg_csv_options_new ();
  g_autoptr(GPtrArray) preview = NULL;
  gsize length;
  const guint8 *data = bytes_data (bytes, &length);

  detected = budg_csv_detect (data, length, NULL, NULL);
  g_assert_cmpint (detected->skip_lines, ==, 3);
  g_assert_cmpint (detected->delimiter, ==, ';');
  g_assert_cmpint (detected->date_order, ==, BUDG_DATE_ORDER_DMY);
  g_assert_cmpstr (detected->header_names[1], ==, "Libellé");
  g_assert_cmpint (detected->columns.payee, ==, 1);
  g_assert_cmpint (detected->columns.memo, ==, 2);
  g_assert_cmpint (detected->columns.amount, ==, 3);
  g_assert_cmpint (detected->columns.currency, ==, 4);

  check_preamble (automatic);

  options->skip_lines = 3;
  options->date_order = BUDG_DATE_ORDER_DMY;
  options->decimal_mark = BUDG_DECIMAL_MARK_COMMA;
  told = parse_csv ("reckon__invalid_header_example__input.csv", options);
  check_preamble (told);

  /* The preview starts at the header. */
  preview = budg_csv_read_records (data, length, NULL, 10, NULL);
  g_assert_cmpuint (preview->len, ==, 3);
  g_assert_cmpuint (((BudgCsvRecord *) g_ptr_array_index (preview, 0))->line, ==, 4);
  g_assert_cmpstr (((BudgCsvRecord *) g_ptr_array_index (preview, 0))->fields[0], ==, "Date de l'opération");
  g_assert_cmpstr (((BudgCsvRecord *) g_ptr_array_index (preview, 2))->fields[1], ==, "COTISATION JAZZ");
}

static void
test_csv_tab (void)
{
  g_autoptr(GBytes) bytes = load ("reckon__tab_delimited_file__input.csv");
  g_autoptr(BudgImportResult) result = parse_csv ("reckon__tab_delimited_file__input.csv", NULL);
  g_autoptr(BudgCsvOptions) detected = NULL;
  BudgImportStatement *statement = statement_at (result, 0);
  gsize length;
  const guint8 *data = bytes_data (bytes, &length);

  detected = budg_csv_detect (data, length, NULL, NULL);
  g_assert_cmpint (detected->delimiter, ==, '\t');

  /* Same date, same description: both rows stay. */
  g_assert_cmpuint (statement->rows->len, ==, 2);
  g_assert_cmpstr (row_at (statement, 0)->date, ==, "2016-01-02");
  g_assert_cmpstr (row_at (statement, 1)->date, ==, "2016-01-02");
  g_assert_cmpint (row_at (statement, 0)->amount_minor, ==, -500);
  g_assert_cmpint (row_at (statement, 1)->amount_minor, ==, -1000);
  g_assert_cmpstr (row_at (statement, 0)->payee, ==, "DESCRIPTION");
  g_assert_cmpstr (row_at (statement, 1)->payee, ==, "DESCRIPTION");
}

static void
test_csv_header_languages (void)
{
  static const struct { const char *text; const char *columns; } cases[] = {
    { "Buchungstag;Verwendungszweck;Betrag\n14.02.2026;Miete;-850,00\n",
      "date=1,payee=2,amount=3" },
    { "Buchungstag;Wertstellung;Beguenstigter/Zahlungspflichtiger;Verwendungszweck;Soll;Haben;Waehrung\n"
      "14.02.2026;15.02.2026;Vermieter;Miete;850,00;;EUR\n",
      "date=1,payee=3,memo=4,debit=5,credit=6,currency=7" },
    { "Fecha,Concepto,Importe,Saldo\n14/02/2026,Alquiler,-850.00,1000.00\n",
      "date=1,payee=2,amount=3,balance=4" },
    { "Fecha operación;Beneficiario;Cargo;Abono\n14/02/2026;Casero;850,00;\n",
      "date=1,payee=2,debit=3,credit=4" },
    { "\"Datum\",\"Naam / Omschrijving\",\"Rekening\",\"Tegenrekening\",\"Code\",\"Af Bij\",\"Bedrag (EUR)\","
      "\"MutatieSoort\",\"Mededelingen\"\n"
      "\"20260214\",\"Huur\",\"NL01\",\"NL02\",\"GT\",\"Af\",\"850,00\",\"Online\",\"Feb\"\n",
      "date=1,payee=2,account=3,sign=6,amount=7,memo=9" },
    { "Date;Libellé;Débit;Crédit;Catégorie\n14/02/2026;Loyer;850,00;;Logement\n",
      "date=1,payee=2,debit=3,credit=4,category=5" },
    { "Transaction Date,Payee,Memo,Amount,Transaction ID,Account Number\n"
      "02/14/2026,Landlord,Rent,-850.00,T1,12345\n",
      "date=1,payee=2,memo=3,amount=4,id=5,account=6" },
    { "Datum,Empfänger,Betrag (EUR),Kategorie\n14.02.2026,Vermieter,\"-850,00\",Wohnen\n",
      "date=1,payee=2,amount=3,category=4" },
    { "Date,Description,Paid out,Paid in,Balance\n14 Feb 2026,Rent,£850.00,,£150.00\n",
      "date=1,payee=2,debit=3,credit=4,balance=5" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BudgCsvOptions) detected = NULL;
      g_autoptr(BudgImportResult) result = NULL;
      BudgCsvColumns expected;

      g_test_message ("%s", cases[i].text);
      g_assert_true (budg_csv_columns_parse (&expected, cases[i].columns, NULL));

      detected = budg_csv_detect ((const guint8 *) cases[i].text, strlen (cases[i].text), NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpint (detected->header, ==, BUDG_CSV_HEADER_YES);
      g_assert_cmpmem (&detected->columns, sizeof expected, &expected, sizeof expected);

      result = budg_csv_parse ((const guint8 *) cases[i].text, strlen (cases[i].text), NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpint (row_at (statement_at (result, 0), 0)->amount_minor, ==, -85000);
      g_assert_cmpstr (row_at (statement_at (result, 0), 0)->date, ==, "2026-02-14");
      g_assert_cmpuint (result->rejected->len, ==, 0);
    }
}

static void
test_csv_quoting (void)
{
  static const char text[] =
    "Date,Description,Amount,Id\r\n"
    "2026-01-05,\"Line one\r\nline two, with \"\"quotes\"\"\",-12.50,A1\r\n"
    "\r\n"
    "2026-01-06, \"Spaced\" ,\"1,234.00\",A2\r\n"
    "2026-01-07,Tail,7.00,A3";
  g_autoptr(GError) error = NULL;
  g_autoptr(BudgImportResult) result = NULL;
  BudgImportStatement *statement;

  result = budg_csv_parse ((const guint8 *) text, strlen (text), NULL, &error);
  g_assert_no_error (error);
  statement = statement_at (result, 0);
  g_assert_cmpuint (statement->rows->len, ==, 3);

  /* Fields are single lines: the quoted line break becomes a space. */
  g_assert_cmpstr (row_at (statement, 0)->payee, ==, "Line one line two, with \"quotes\"");
  g_assert_cmpstr (row_at (statement, 0)->external_id, ==, "A1");
  g_assert_cmpint (row_at (statement, 0)->amount_minor, ==, -1250);
  g_assert_cmpuint (row_at (statement, 0)->line, ==, 2);
  /* The quoted line break counts; the blank line is skipped. */
  g_assert_cmpuint (row_at (statement, 1)->line, ==, 5);
  g_assert_cmpstr (row_at (statement, 1)->payee, ==, "Spaced");
  g_assert_cmpint (row_at (statement, 1)->amount_minor, ==, 123400);
  g_assert_cmpuint (row_at (statement, 2)->line, ==, 6);
  g_assert_cmpint (row_at (statement, 2)->amount_minor, ==, 700);
}

static void
test_csv_utf16 (void)
{
  static const char text[] = "Datum;Omschrijving;Bedrag\n02-01-2026;Bakker Één;-3,50\n15-01-2026;Salaris;2.500,00\n";
  static const char * const charsets[] = { "UTF-16LE", "UTF-16BE" };

  for (guint i = 0; i < G_N_ELEMENTS (charsets); i++)
    {
      for (guint bom = 0; bom < 2; bom++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(BudgImportResult) result = NULL;
          g_autofree char *converted = NULL;
          g_autofree char *input = NULL;
          gsize written;
          gsize length;
          BudgImportStatement *statement;

          /* g_convert writes no byte order mark for an explicit order. */
          converted = g_convert (text, -1, charsets[i], "UTF-8", NULL, &written, &error);
          g_assert_no_error (error);
          length = written + (bom ? 2 : 0);
          input = g_malloc (length);
          if (bom)
            {
              input[0] = i == 0 ? '\xff' : '\xfe';
              input[1] = i == 0 ? '\xfe' : '\xff';
            }
          memcpy (input + (bom ? 2 : 0), converted, written);

          result = budg_csv_parse ((const guint8 *) input, length, NULL, &error);
          g_assert_no_error (error);
          g_assert_cmpstr (result->encoding, ==, charsets[i]);
          statement = statement_at (result, 0);
          g_assert_cmpuint (statement->rows->len, ==, 2);
          g_assert_cmpstr (row_at (statement, 0)->payee, ==, "Bakker Één");
          g_assert_cmpstr (row_at (statement, 0)->date, ==, "2026-01-02");
          g_assert_cmpint (row_at (statement, 0)->amount_minor, ==, -350);
          g_assert_cmpint (row_at (statement, 1)->amount_minor, ==, 250000);
        }
    }
}

static void
test_csv_rejects (void)
{
  static const char text[] =
    "Date,Payee,Amount\n"
    "2026-01-05,Good,-1.00\n"
    "2026-13-45,Bad date,-2.00\n"
    "2026-01-06,Bad amount,twelve\n"
    "2026-01-07,No amount,\n"
    "2026-01-08\n"
    ",No date,-3.00\n"
    "2026-01-09,Good too,4.00\n"
    "2026-01-10,\"Never closed,5.00\n"
    "2026-01-11,Swallowed,6.00\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(BudgImportResult) result = NULL;
  BudgImportStatement *statement;
  static const guint lines[] = { 3, 4, 5, 6, 7, 9 };

  result = budg_csv_parse ((const guint8 *) text, strlen (text), NULL, &error);
  g_assert_no_error (error);
  statement = statement_at (result, 0);
  g_assert_cmpuint (statement->rows->len, ==, 2);
  g_assert_cmpstr (row_at (statement, 0)->payee, ==, "Good");
  g_assert_cmpstr (row_at (statement, 1)->payee, ==, "Good too");

  /* Nothing silently dropped: one rejection per bad row, with its line. */
  g_assert_cmpuint (result->rejected->len, ==, G_N_ELEMENTS (lines));
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    g_assert_cmpuint (rejection_at (result, i)->line, ==, lines[i]);
  g_assert_nonnull (strstr (rejection_at (result, 0)->reason, "2026-13-45"));
  g_assert_nonnull (strstr (rejection_at (result, 1)->reason, "twelve"));
  g_assert_nonnull (strstr (rejection_at (result, 2)->reason, "no amount"));
  g_assert_nonnull (strstr (rejection_at (result, 3)->reason, "1 field"));
  g_assert_nonnull (strstr (rejection_at (result, 4)->reason, "no date"));
  g_assert_nonnull (strstr (rejection_at (result, 5)->reason, "never ends"));
}

static void
test_csv_not_csv (void)
{
  /* A length of -1 means the whole string. */
  static const struct { const char *text; gssize length; const char *fragment; } cases[] = {
    { "", 0, "empty" },
    { "\n\n  \n", -1, "empty" },
    { "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16, "binary" },
    { "Dear customer,\nyour statement is attached.\nRegards\n", -1, NULL },
    { "just one line without anything\n", -1, "not a CSV" },
    { "Name,Town\nAlice,Paris\nBob,Berlin\n", -1, "date" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BudgImportResult) result = NULL;

      result = budg_csv_parse ((const guint8 *) cases[i].text,
                               cases[i].length < 0 ? strlen (cases[i].text) : (gsize) cases[i].length,
                               NULL, &error);
      g_assert_null (result);
      g_assert_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT);
      if (cases[i].fragment != NULL)
        g_assert_nonnull (strstr (error->message, cases[i].fragment));
    }
}

static void
test_csv_date_contradiction (void)
{
  static const char text[] = "Date,Amount\n13/01/2016,1.00\n01/14/2016,2.00\n05/06/2016,3.00\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(BudgImportResult) refused = NULL;
  g_autoptr(BudgImportResult) told = NULL;
  g_autoptr(BudgCsvOptions) options = budg_csv_options_new ();

  refused = budg_csv_parse ((const guint8 *) text, strlen (text), NULL, &error);
  g_assert_null (refused);
  g_assert_error (error, BUDG_ERROR, BUDG_ERROR_AMBIGUOUS_DATES);
  g_assert_nonnull (strstr (error->message, "line 2"));
  g_assert_nonnull (strstr (error->message, "line 3"));
  g_clear_error (&error);

  g_assert_true (budg_date_order_from_string ("DD/MM/YYYY", &options->date_order));
  told = budg_csv_parse ((const guint8 *) text, strlen (text), options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (statement_at (told, 0)->rows->len, ==, 2);
  g_assert_cmpstr (row_at (statement_at (told, 0), 1)->date, ==, "2016-06-05");
  g_assert_cmpuint (told->rejected->len, ==, 1);
  g_assert_cmpuint (rejection_at (told, 0)->line, ==, 3);
}

static void
test_csv_accounts_and_currencies (void)
{
  static const char text[] =
    "Date,Account,Currency,Amount,Balance\n"
    "2026-01-01,Main,EUR,\"1.000,50\",\"1.000,50\"\n"
    "2026-01-02,Savings,EUR,\"200,00\",\"200,00\"\n"
    "2026-01-03,Main,JPY,\"1.500\",\"1.500\"\n"
    "2026-01-04,Main,EUR,\"-0,50\",\"1.000,00\"\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(BudgImportResult) result = NULL;
  BudgImportStatement *main_eur;
  BudgImportStatement *savings;
  BudgImportStatement *main_jpy;

  result = budg_csv_parse ((const guint8 *) text, strlen (text), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->statements->len, ==, 3);

  main_eur = statement_at (result, 0);
  savings = statement_at (result, 1);
  main_jpy = statement_at (result, 2);

  g_assert_cmpstr (main_eur->account_number, ==, "Main");
  g_assert_cmpstr (main_eur->currency, ==, "EUR");
  g_assert_cmpuint (main_eur->rows->len, ==, 2);
  g_assert_cmpint (row_at (main_eur, 0)->amount_minor, ==, 100050);
  g_assert_cmpint (main_eur->ledger_balance_minor, ==, 100000);
  g_assert_cmpstr (main_eur->ledger_balance_date, ==, "2026-01-04");

  g_assert_cmpstr (savings->account_number, ==, "Savings");
  g_assert_cmpint (row_at (savings, 0)->amount_minor, ==, 20000);

  /* Yen have no minor unit: "1.500" is fifteen hundred yen. */
  g_assert_cmpstr (main_jpy->currency, ==, "JPY");
  g_assert_cmpint (row_at (main_jpy, 0)->amount_minor, ==, 1500);
}

static void
test_csv_columns_spec (void)
{
  BudgCsvColumns columns;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  static const char * const invalid[] = {
    "date=1", "amount=2", "date=0,amount=1", "date=1,amount=x", "date=1,date=2,amount=3",
    "date=1,colour=2,amount=3", "date,nothing,amount", "date=1,amount",
  };

  g_assert_true (budg_csv_columns_parse (&columns, "date=1, payee=3 ,amount=5,balance=6", &error));
  g_assert_no_error (error);
  g_assert_cmpint (columns.date, ==, 0);
  g_assert_cmpint (columns.payee, ==, 2);
  g_assert_cmpint (columns.amount, ==, 4);
  g_assert_cmpint (columns.balance, ==, 5);
  g_assert_cmpint (columns.memo, ==, -1);

  text = budg_csv_columns_to_string (&columns);
  g_assert_cmpstr (text, ==, "date=1,amount=5,payee=3,balance=6");

  g_assert_true (budg_csv_columns_parse (&columns, "date,payee,-,,debit,credit,check", &error));
  g_assert_no_error (error);
  g_assert_cmpint (columns.date, ==, 0);
  g_assert_cmpint (columns.payee, ==, 1);
  g_assert_cmpint (columns.debit, ==, 4);
  g_assert_cmpint (columns.credit, ==, 5);
  g_assert_cmpint (columns.check_number, ==, 6);
  g_assert_cmpint (columns.amount, ==, -1);

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      BudgCsvColumns untouched = columns;

      g_test_message ("%s", invalid[i]);
      g_assert_false (budg_csv_columns_parse (&columns, invalid[i], &error));
      g_assert_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT);
      g_clear_error (&error);
      g_assert_cmpmem (&columns, sizeof columns, &untouched, sizeof untouched);
    }
}

/* ---------------------------------------------------------------- OFX */

static void
assert_ofx_error (const char *text,
                  gssize      length,
                  const char *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BudgImportResult) result = NULL;

  result = budg_ofx_parse ((const guint8 *) text, length < 0 ? strlen (text) : (gsize) length, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT);
  if (fragment != NULL)
    g_assert_nonnull (strstr (error->message, fragment));
}

static void
test_ofx_bank_medium (void)
{
  g_autoptr(GBytes) bytes = load ("ofxparse__bank_medium.ofx");
  g_autoptr(BudgImportResult) result = parse_ofx ("ofxparse__bank_medium.ofx", NULL);
  g_autoptr(GArray) lines = lines_with (bytes, "<STMTTRN>");
  static const gint64 amounts[] = { -660, -31667, -2200 };
  BudgImportStatement *statement;
  BudgImportRow *row;

  g_assert_cmpuint (result->statements->len, ==, 1);
  statement = statement_at (result, 0);
  g_assert_cmpstr (statement->bank_id, ==, "160000100");
  g_assert_cmpstr (statement->account_number, ==, "12300 000012345678");
  g_assert_true (statement->has_account_kind);
  g_assert_cmpint (statement->account_kind, ==, BUDG_ACCOUNT_KIND_CHECKING);
  g_assert_cmpstr (statement->currency, ==, "CAD");
  g_assert_true (statement->has_ledger_balance);
  g_assert_cmpint (statement->ledger_balance_minor, ==, 38234);
  g_assert_cmpstr (statement->ledger_balance_date, ==, "2009-05-23");
  g_assert_cmpstr (statement->start_date, ==, "2009-04-01");
  g_assert_cmpstr (statement->end_date, ==, "2009-05-23");

  assert_amounts (statement, amounts, G_N_ELEMENTS (amounts));
  g_assert_cmpint (sum_rows (statement), ==, -34527);

  row = row_at (statement, 0);
  g_assert_cmpstr (row->payee, ==, "MCDONALD'S #112");
  g_assert_cmpstr (row->memo, ==, "POS MERCHANDISE;MCDONALD'S #112");
  g_assert_cmpstr (row->external_id, ==, "0000123456782009040100001");
  g_assert_cmpstr (row->date, ==, "2009-04-01");
  g_assert_cmpstr (row_at (statement, 1)->check_number, ==, "0");
  g_assert_cmpstr (row_at (statement, 2)->date, ==, "2009-04-03");

  /* Each row's line is where its <STMTTRN> is. */
  g_assert_cmpuint (lines->len, ==, 3);
  for (guint i = 0; i < lines->len; i++)
    g_assert_cmpuint (row_at (statement, i)->line, ==, g_array_index (lines, guint, i));
}

static void
test_ofx_investment_cash (void)
{
  g_autoptr(BudgImportResult) fidelity = parse_ofx ("ofxparse__fidelity-savings.ofx", NULL);
  g_autoptr(BudgImportResult) vanguard = parse_ofx ("ofxparse__vanguard.ofx", NULL);
  /* 115.8331, -197.1063 and -197.1220 rounded half away from zero. */
  static const gint64 amounts[] = { -150000, 11583, -19711, -19712 };
  BudgImportStatement *statement = statement_at (fidelity, 0);

  g_assert_cmpint (statement->account_kind, ==, BUDG_ACCOUNT_KIND_INVESTMENT);
  g_assert_cmpstr (statement->currency, ==, "USD");
  g_assert_cmpstr (statement->account_number, ==, "X0000001");
  g_assert_false (statement->has_ledger_balance);
  assert_amounts (statement, amounts, G_N_ELEMENTS (amounts));
  g_assert_cmpstr (row_at (statement, 0)->external_id, ==, "X0000000000000000000001");
  g_assert_cmpstr (row_at (statement, 0)->payee, ==, "Check Paid #0000001001");
  g_assert_cmpstr (row_at (statement, 0)->date, ==, "2012-07-20");
  g_assert_cmpstr (row_at (statement, 1)->payee, ==, "TRANSFERRED FROM     VS X10-08144");
  g_assert_true (g_str_has_suffix (row_at (statement, 1)->memo, "-1"));
  g_assert_cmpuint (fidelity->rejected->len, ==, 0);

  /* A pure investment statement: no cash rows, the trade rejected by name. */
  g_assert_cmpuint (vanguard->statements->len, ==, 1);
  g_assert_cmpuint (statement_at (vanguard, 0)->rows->len, ==, 0);
  g_assert_cmpuint (vanguard->rejected->len, ==, 1);
  g_assert_nonnull (strstr (rejection_at (vanguard, 0)->reason, "SELLMF"));
}

static void
test_ofx_empty_tags (void)
{
  g_autoptr(BudgImportResult) result = parse_ofx ("ofxparse__ofx-v102-empty-tags.ofx", NULL);
  g_autoptr(BudgImportResult) aud = parse_ofx ("ofxparse__ofx-v102-empty-tags.ofx", "AUD");
  BudgImportStatement *statement = statement_at (result, 0);
  BudgImportRow *row = row_at (statement, 0);

  g_assert_cmpstr (statement->account_number, ==, "12345678");
  g_assert_cmpstr (statement->bank_id, ==, "NPBS");
  g_assert_null (statement->currency);
  g_assert_false (statement->has_account_kind);
  /* An empty BALAMT is no balance, not a zero one. */
  g_assert_false (statement->has_ledger_balance);
  g_assert_cmpuint (statement->rows->len, ==, 1);
  g_assert_cmpstr (row->date, ==, "2018-05-07");
  g_assert_cmpint (row->amount_minor, ==, 1234);
  g_assert_cmpstr (row->memo, ==, "CBA:Transfer");
  g_assert_null (row->external_id);
  g_assert_null (row->payee);

  g_assert_cmpstr (statement_at (aud, 0)->currency, ==, "AUD");
}

static void
test_ofx_bad_dates (void)
{
  g_autoptr(GBytes) bytes = load ("ofxparse__fail_nice__date_missing.ofx");
  g_autoptr(BudgImportResult) result = parse_ofx ("ofxparse__fail_nice__date_missing.ofx", NULL);
  g_autoptr(GArray) lines = lines_with (bytes, "<STMTTRN>");

  /* No DTPOSTED, an empty one, February 31st: none becomes 1970 or
   * today. */
  g_assert_cmpuint (statement_at (result, 0)->rows->len, ==, 0);
  g_assert_cmpuint (result->rejected->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpuint (rejection_at (result, i)->line, ==, g_array_index (lines, guint, i));
}

static void
test_ofx_nubank (void)
{
  g_autoptr(BudgImportResult) result = parse_ofx ("ofxtools__br_nubank_cc.ofx", NULL);
  static const gint64 amounts[] = { -1300, -16290, -3346, -902, -10353, -95900 };
  BudgImportStatement *statement = statement_at (result, 0);

  g_assert_cmpstr (statement->currency, ==, "BRL");
  g_assert_cmpint (statement->account_kind, ==, BUDG_ACCOUNT_KIND_CREDIT_CARD);
  assert_amounts (statement, amounts, G_N_ELEMENTS (amounts));
  g_assert_cmpstr (row_at (statement, 0)->date, ==, "2024-03-23");
  g_assert_cmpstr (row_at (statement, 5)->date, ==, "2024-03-22");
  g_assert_cmpstr (row_at (statement, 0)->memo, ==, "-memo-message-");

  /* The balance after the unclosed BANKTRANLIST is still found, and the
   * transactions add up to it. */
  g_assert_true (statement->has_ledger_balance);
  g_assert_cmpint (statement->ledger_balance_minor, ==, -128091);
  g_assert_cmpint (sum_rows (statement), ==, statement->ledger_balance_minor);
  g_assert_cmpstr (statement->ledger_balance_date, ==, "2024-03-25");
}

static void
test_ofx_headerless_comments (void)
{
  g_autoptr(BudgImportResult) result = parse_ofx ("libofx__ofx_spec160_stmtrs_example.sgml", NULL);
  static const gint64 amounts[] = { -20000, -30000 };
  BudgImportStatement *statement = statement_at (result, 0);

  g_assert_cmpstr (statement->bank_id, ==, "121099999");
  g_assert_cmpstr (statement->account_number, ==, "999988");
  assert_amounts (statement, amounts, G_N_ELEMENTS (amounts));
  g_assert_cmpstr (row_at (statement, 0)->check_number, ==, "1000");
  g_assert_cmpstr (row_at (statement, 0)->date, ==, "1996-10-04");
  g_assert_cmpstr (row_at (statement, 1)->date, ==, "1996-10-20");
  g_assert_cmpint (statement->ledger_balance_minor, ==, 20029);
  g_assert_cmpstr (statement->ledger_balance_date, ==, "1996-10-29");
}

static void
test_ofx_latin1_two_statements (void)
{
  g_autoptr(BudgImportResult) result = parse_ofx ("asgrim-ofxparser__ofxdata-bb-two-stmtrs.ofx", NULL);
  static const gint64 debits[] = { -9216, -4127237, -3700000, -6800 };
  BudgImportStatement *empty;
  BudgImportStatement *full;
  guint credits = 0;
  guint n_debits = 0;

  g_assert_cmpuint (result->statements->len, ==, 2);
  empty = statement_at (result, 0);
  full = statement_at (result, 1);

  g_assert_cmpstr (empty->account_number, ==, "455000-5");
  g_assert_cmpstr (empty->bank_id, ==, "001");
  g_assert_cmpstr (empty->currency, ==, "BRL");
  g_assert_cmpuint (empty->rows->len, ==, 0);
  g_assert_true (empty->has_ledger_balance);
  g_assert_cmpint (empty->ledger_balance_minor, ==, 0);
  g_assert_cmpstr (empty->ledger_balance_date, ==, "2017-03-29");

  g_assert_cmpstr (full->account_number, ==, "655000-2");
  g_assert_cmpuint (full->rows->len, ==, 36);
  g_assert_cmpint (row_at (full, 0)->amount_minor, ==, 1331836);
  g_assert_cmpstr (row_at (full, 0)->memo, ==, "TED-CRÉDITO EM CONTA");
  g_assert_cmpint (row_at (full, 35)->amount_minor, ==, -6800);
  g_assert_cmpstr (row_at (full, 35)->memo, ==, "TARIFA PACOTE DE SERVIÇOS");
  g_assert_cmpint (sum_rows (full), ==, -364866);
  g_assert_cmpint (full->ledger_balance_minor, ==, 455528);

  for (guint i = 0; i < full->rows->len; i++)
    {
      BudgImportRow *row = row_at (full, i);

      g_assert_cmpstr (row->date, >=, "2017-03-01");
      g_assert_cmpstr (row->date, <=, "2017-03-27");
      if (i > 0)
        g_assert_cmpstr (row_at (full, i - 1)->date, <=, row->date);

      if (row->amount_minor > 0)
        credits++;
      else
        g_assert_cmpint (row->amount_minor, ==, debits[n_debits++]);
    }
  g_assert_cmpuint (credits, ==, 32);
  g_assert_cmpuint (n_debits, ==, 4);
}

static void
test_ofx_encodings (void)
{
  g_autoptr(BudgImportResult) utf8 = parse_ofx ("asgrim-ofxparser__ofxdata-bb.ofx", NULL);
  g_autoptr(BudgImportResult) latin1 = parse_ofx ("ledger-autosync__accented_characters_latin1.ofx", NULL);
  BudgImportStatement *statement;
  BudgImportRow *row;

  /* Declared CHARSET:1252, written in UTF-8: no "CRÃ‰DITO". */
  statement = statement_at (utf8, 0);
  row = row_at (statement, 0);
  g_assert_cmpstr (row->memo, ==, "DOC CRÉDITO EM CONTA");
  g_assert_cmpint (row->amount_minor, ==, 23955);
  g_assert_cmpstr (row->date, ==, "2015-11-03");
  g_assert_cmpint (statement->ledger_balance_minor, ==, 23935);
  g_assert_cmpstr (statement->start_date, ==, "2015-10-30");

  /* One Latin-1 byte, 0xE0. */
  statement = statement_at (latin1, 0);
  g_assert_cmpuint (statement->rows->len, ==, 1);
  row = row_at (statement, 0);
  g_assert_cmpstr (row->payee, ==, "Virement Interac à: Jean");
  g_assert_cmpint (row->amount_minor, ==, -5873);
  g_assert_cmpstr (row->date, ==, "2014-09-20");
  /* A correction (CORRECTACTION REPLACE) of itself. */
  g_assert_cmpstr (row->replaces_external_id, ==, row->external_id);
  g_assert_cmpstr (statement->account_number, ==, "1452687~7");
  g_assert_cmpint (statement->ledger_balance_minor, ==, 10099);
}

static void
test_ofx_amex (void)
{
  g_autoptr(BudgImportResult) result = parse_ofx ("beangulp__ofxdownload.ofx", NULL);
  static const gint64 amounts[] = {
    -999, -6171, -1775, -4240, -3438, -1350, -2196, -1447, -5643, -1300, -6023, -700,
  };
  BudgImportStatement *statement = statement_at (result, 0);

  g_assert_cmpstr (statement->currency, ==, "USD");
  g_assert_cmpstr (statement->account_number, ==, "379700001111222");
  g_assert_cmpint (statement->account_kind, ==, BUDG_ACCOUNT_KIND_CREDIT_CARD);
  assert_amounts (statement, amounts, G_N_ELEMENTS (amounts));
  g_assert_cmpint (sum_rows (statement), ==, -35282);
  g_assert_cmpint (statement->ledger_balance_minor, ==, -235638);
  g_assert_cmpstr (statement->ledger_balance_date, ==, "2013-12-18");
  g_assert_cmpstr (row_at (statement, 0)->date, ==, "2013-12-01");
  g_assert_cmpstr (row_at (statement, 11)->date, ==, "2013-12-16");

  /* The declared period (2014-01-12) holds none of them: kept anyway. */
  g_assert_cmpstr (statement->start_date, ==, "2014-01-12");
  g_assert_cmpuint (result->rejected->len, ==, 0);
}

static void
test_ofx_precision (void)
{
  g_autoptr(BudgImportResult) result = parse_ofx ("ofxgo__moneymrkt1_v103.ofx", NULL);
  static const gint64 amounts[] = { -99542, 78854, 307013 };
  BudgImportStatement *statement = statement_at (result, 0);

  g_assert_cmpint (statement->account_kind, ==, BUDG_ACCOUNT_KIND_SAVINGS);
  assert_amounts (statement, amounts, G_N_ELEMENTS (amounts));
  g_assert_cmpint (statement->ledger_balance_minor, ==, 260717);
  g_assert_cmpstr (row_at (statement, 0)->payee, ==, "Dividend Earned");
}

static void
test_ofx_xml (void)
{
  g_autoptr(BudgImportResult) anz = parse_ofx ("ofxparse__anzcc.ofx", NULL);
  g_autoptr(BudgImportResult) multiple = parse_ofx ("ofxparse__multiple_accounts2.ofx", NULL);
  g_autoptr(BudgImportResult) suncorp = parse_ofx ("ofxparse__suncorp.ofx", NULL);
  g_autoptr(BudgImportResult) euro = parse_ofx ("ofxtools__stmtrs_euro.ofx", NULL);
  g_autoptr(BudgImportResult) both = parse_ofx ("libofx__ofx-2.1.1-sect-16.5.3.2.ofx", NULL);
  static const gint64 euro_amounts[] = { -20000, -30000 };
  static const gint64 card_amounts[] = { -2300, 35000 };
  BudgImportStatement *statement;
  BudgImportRow *row;

  /* XML header, SGML body. */
  statement = statement_at (anz, 0);
  g_assert_cmpstr (statement->account_number, ==, "1234123412341234");
  g_assert_cmpstr (statement->currency, ==, "AUD");
  g_assert_cmpint (row_at (statement, 0)->amount_minor, ==, -550);
  g_assert_cmpstr (row_at (statement, 0)->date, ==, "2017-05-08");
  g_assert_cmpint (statement->ledger_balance_minor, ==, -12345);

  g_assert_cmpuint (multiple->statements->len, ==, 2);
  g_assert_cmpstr (statement_at (multiple, 0)->account_number, ==, "9100");
  g_assert_cmpint (statement_at (multiple, 0)->account_kind, ==, BUDG_ACCOUNT_KIND_CHECKING);
  g_assert_cmpint (statement_at (multiple, 0)->ledger_balance_minor, ==, 11100);
  g_assert_cmpstr (statement_at (multiple, 1)->account_number, ==, "9200");
  g_assert_cmpint (statement_at (multiple, 1)->account_kind, ==, BUDG_ACCOUNT_KIND_SAVINGS);
  g_assert_cmpint (statement_at (multiple, 1)->ledger_balance_minor, ==, 22200);
  g_assert_cmpstr (statement_at (multiple, 1)->bank_id, ==, "123");
  g_assert_cmpuint (statement_at (multiple, 0)->rows->len + statement_at (multiple, 1)->rows->len, ==, 0);

  /* CDATA, trailing blanks trimmed, inner runs kept. */
  statement = statement_at (suncorp, 0);
  row = row_at (statement, 0);
  g_assert_cmpstr (row->payee, ==, "EFTPOS WDL HANDYWAY ALDI STORE");
  g_assert_cmpstr (row->memo, ==, "EFTPOS WDL HANDYWAY ALDI STORE   GEELONG WEST VICAU");
  g_assert_cmpint (row->amount_minor, ==, -1685);
  g_assert_cmpstr (statement->bank_id, ==, "SUNCORP");
  g_assert_cmpint (statement->ledger_balance_minor, ==, 123412);

  /* Decimal commas. */
  statement = statement_at (euro, 0);
  assert_amounts (statement, euro_amounts, G_N_ELEMENTS (euro_amounts));
  g_assert_cmpint (statement->ledger_balance_minor, ==, 20029);

  /* A bank and a card statement in one file. */
  g_assert_cmpuint (both->statements->len, ==, 2);
  statement = statement_at (both, 0);
  g_assert_cmpint (statement->account_kind, ==, BUDG_ACCOUNT_KIND_CHECKING);
  g_assert_cmpuint (statement->rows->len, ==, 1);
  g_assert_cmpint (row_at (statement, 0)->amount_minor, ==, -8000);
  g_assert_cmpstr (row_at (statement, 0)->payee, ==, "FrogKick Scuba Gear");
  g_assert_cmpint (statement->ledger_balance_minor, ==, 215656);
  statement = statement_at (both, 1);
  g_assert_cmpint (statement->account_kind, ==, BUDG_ACCOUNT_KIND_CREDIT_CARD);
  assert_amounts (statement, card_amounts, G_N_ELEMENTS (card_amounts));
  g_assert_cmpstr (row_at (statement, 0)->payee, ==, "Interest Charge");
  g_assert_cmpint (statement->ledger_balance_minor, ==, -56200);
}

static void
test_ofx_qfx (void)
{
  g_autoptr(BudgImportResult) wells = parse_ofx ("ofxgo__busted_responses__wellsfargo.qfx", NULL);
  g_autoptr(BudgImportResult) bmo = parse_ofx ("ofxgo__busted_responses__bmo_v102__no_header_newline.qfx", NULL);
  g_autoptr(BudgImportResult) html = parse_ofx ("actual__html-vals.qfx", NULL);
  BudgImportStatement *statement;

  /* No line break anywhere. */
  statement = statement_at (wells, 0);
  g_assert_cmpuint (statement->rows->len, ==, 1);
  g_assert_cmpint (row_at (statement, 0)->amount_minor, ==, -1234);
  g_assert_cmpstr (row_at (statement, 0)->date, ==, "2020-12-01");
  g_assert_cmpstr (row_at (statement, 0)->payee, ==, "AE Visa Card AE EPAY");
  g_assert_cmpstr (row_at (statement, 0)->memo, ==, "XXXXX1234");
  g_assert_cmpint (statement->ledger_balance_minor, ==, 12345);
  g_assert_cmpstr (statement->ledger_balance_date, ==, "2020-12-31");

  statement = statement_at (bmo, 0);
  g_assert_cmpstr (statement->currency, ==, "CAD");
  g_assert_cmpint (row_at (statement, 0)->amount_minor, ==, 204224);
  g_assert_cmpstr (row_at (statement, 0)->date, ==, "2018-10-30");
  g_assert_cmpint (statement->ledger_balance_minor, ==, -55263);

  /* Our policy for text the bank escaped twice: decode it fully. */
  statement = statement_at (html, 0);
  g_assert_cmpuint (statement->rows->len, ==, 2);
  g_assert_cmpstr (row_at (statement, 1)->payee, ==, "TPAY <DEFTPYMT>");
  g_assert_cmpstr (row_at (statement, 0)->memo, ==,
                   "PREAUTHORIZED DEBIT;B.C. HYDRO & POWER AUTHORITY;Electronic Funds Transfer");
  g_assert_cmpint (row_at (statement, 0)->amount_minor, ==, -100);
  g_assert_cmpint (statement->ledger_balance_minor, ==, 111111);
  g_assert_cmpint (html->format, ==, BUDG_IMPORT_FORMAT_QFX);
}

static void
test_ofx_refused (void)
{
  g_autoptr(GBytes) crasher = load ("libofx__use-after-free.ofx");
  g_autoptr(GBytes) bank_error = load ("ofxparse__error_message.ofx");
  g_autoptr(GBytes) medium = load ("ofxparse__bank_medium.ofx");
  g_autoptr(GString) cut = NULL;
  gsize length;
  const char *data;

  data = g_bytes_get_data (crasher, &length);
  assert_ofx_error (data, length, NULL);

  data = g_bytes_get_data (bank_error, &length);
  assert_ofx_error (data, length, "General Server Error");

  assert_ofx_error ("", 0, "empty");
  assert_ofx_error ("Date,Amount\n2020-01-01,1.00\n", -1, "<OFX>");
  assert_ofx_error ("OFXHEADER:100\n\n<OFX><SIGNONMSGSRSV1></SIGNONMSGSRSV1></OFX>\n", -1, "no account");

  /* A download cut anywhere gives nothing, not the part before the cut. */
  data = g_bytes_get_data (medium, &length);
  for (gsize at = length / 4; at < length - 8; at += length / 4)
    assert_ofx_error (data, at, "cut off");
  cut = g_string_new_len (data, length);
  g_string_truncate (cut, strstr (cut->str, "</OFX>") - cut->str);
  assert_ofx_error (cut->str, cut->len, "cut off");
}

/* Two statements of one account (as a fuzzed file once had) make one,
 * and character references the OFX DTD lacks still read. */
static void
test_ofx_one_account_twice (void)
{
  static const char text[] =
    "OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\nSECURITY:NONE\nENCODING:USASCII\n"
    "CHARSET:1252\nCOMPRESSION:NONE\nOLDFILEUID:NONE\nNEWFILEUID:NONE\n\n"
    "<OFX>\n"
    "<SIGNONMSGSRSV1><SONRS><STATUS><CODE>0<SEVERITY>INFO</STATUS><DTSERVER>20260131"
    "<LANGUAGE>ENG</SONRS></SIGNONMSGSRSV1>\n"
    "<BANKMSGSRSV1>\n"
    "<STMTTRNRS><TRNUID>1<STATUS><CODE>0<SEVERITY>INFO</STATUS>\n"
    "<STMTRS><CURDEF>EUR<BANKACCTFROM><BANKID>1234<ACCTID>42<ACCTTYPE>SAVINGS</BANKACCTFROM>\n"
    "<BANKTRANLIST><DTSTART>20260101<DTEND>20260115\n"
    "<STMTTRN><TRNTYPE>CREDIT<DTPOSTED>20260105<TRNAMT>10,50<FITID>A<NAME>Caf&eacute;</STMTTRN>\n"
    "</BANKTRANLIST>\n"
    "<LEDGERBAL><BALAMT>100.00<DTASOF>20260115</LEDGERBAL>\n"
    "</STMTRS></STMTTRNRS>\n"
    "<STMTTRNRS><TRNUID>2<STATUS><CODE>0<SEVERITY>INFO</STATUS>\n"
    "<STMTRS><CURDEF>EUR<BANKACCTFROM><BANKID>1234<ACCTID>42<ACCTTYPE>SAVINGS</BANKACCTFROM>\n"
    "<BANKTRANLIST><DTSTART>20260116<DTEND>20260131\n"
    "<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20260120<TRNAMT>-1.25<FITID>B"
    "<NAME>Bakery &amp; Co &#233;&#xE8; &lt;x&gt;</STMTTRN>\n"
    "</BANKTRANLIST>\n"
    "<LEDGERBAL><BALAMT>99.00<DTASOF>20260131</LEDGERBAL>\n"
    "</STMTRS></STMTTRNRS>\n"
    "</BANKMSGSRSV1>\n"
    "</OFX>\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(BudgImportResult) result = NULL;
  BudgImportStatement *statement;

  result = budg_ofx_parse ((const guint8 *) text, strlen (text), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->statements->len, ==, 1);

  statement = statement_at (result, 0);
  g_assert_cmpstr (statement->account_number, ==, "42");
  g_assert_cmpstr (statement->currency, ==, "EUR");
  g_assert_cmpint (statement->account_kind, ==, BUDG_ACCOUNT_KIND_SAVINGS);
  g_assert_cmpstr (statement->start_date, ==, "2026-01-01");
  g_assert_cmpstr (statement->end_date, ==, "2026-01-31");
  g_assert_cmpint (statement->ledger_balance_minor, ==, 9900);
  g_assert_cmpstr (statement->ledger_balance_date, ==, "2026-01-31");

  g_assert_cmpuint (statement->rows->len, ==, 2);
  g_assert_cmpint (row_at (statement, 0)->amount_minor, ==, 1050);
  g_assert_cmpstr (row_at (statement, 0)->payee, ==, "Café");
  g_assert_cmpuint (row_at (statement, 0)->line, ==, 17);
  g_assert_cmpint (row_at (statement, 1)->amount_minor, ==, -125);
  g_assert_cmpstr (row_at (statement, 1)->payee, ==, "Bakery & Co éè <x>");
  g_assert_cmpuint (row_at (statement, 1)->line, ==, 24);
}

static guint
count_files (const char *directory)
{
  g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;

  return n;
}

/* libofx writes to stderr and to temporary files: neither may show. */
static void
test_ofx_quiet_and_clean (void)
{
  static const char * const names[] = {
    "ofxtools__br_nubank_cc.ofx", "libofx__use-after-free.ofx", "ofxparse__ofx-v102-empty-tags.ofx",
    "ofxparse__fail_nice__date_missing.ofx", "ofxparse__error_message.ofx",
  };

  if (g_test_subprocess ())
    {
      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        {
          g_autoptr(GBytes) bytes = load (names[i]);
          g_autoptr(BudgImportResult) result = NULL;
          gsize length;
          const guint8 *data = bytes_data (bytes, &length);

          result = budg_ofx_parse (data, length, NULL, NULL);
        }
      return;
    }

  /* Under LeakSanitizer, the child would report the suppressions it used
   * (libofx's own leak) on stderr at exit; that report is not libofx
   * talking. */
  if (g_getenv ("LSAN_OPTIONS") != NULL)
    {
      g_autofree char *options = g_strconcat (g_getenv ("LSAN_OPTIONS"), ":print_suppressions=0", NULL);

      g_setenv ("LSAN_OPTIONS", options, TRUE);
    }

  g_assert_cmpuint (count_files (private_tmpdir), ==, 0);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr_unmatched ("?*");
  g_test_trap_assert_stdout_unmatched ("?*");
  g_assert_cmpuint (count_files (private_tmpdir), ==, 0);
}

/* ---------------------------------------------------------------- main */

int
main (int   argc,
      char *argv[])
{
  g_autofree char *tmpdir = NULL;
  int status;

  /* The suite runs under C.UTF-8; ambiguous dates then read month first. */
  setlocale (LC_ALL, "");

  /* A private temporary directory, set before GLib caches one, to see that
   * the OFX parser leaves nothing behind. A subprocess of the test uses its
   * parent's. */
  if (g_getenv ("BUDG_TEST_IMPORT_TMPDIR") == NULL)
    {
      tmpdir = g_build_filename (g_getenv ("TMPDIR") ? g_getenv ("TMPDIR") : "/tmp",
                                 "test-import-XXXXXX", NULL);
      g_assert_nonnull (g_mkdtemp (tmpdir));
      g_setenv ("TMPDIR", tmpdir, TRUE);
      g_setenv ("BUDG_TEST_IMPORT_TMPDIR", tmpdir, TRUE);
    }
  private_tmpdir = g_getenv ("BUDG_TEST_IMPORT_TMPDIR");

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/io/date/forms", test_date_forms);
  g_test_add_func ("/io/date/qif-years", test_date_qif_years);
  g_test_add_func ("/io/date/order-strings", test_date_order_strings);
  g_test_add_func ("/io/amount/forms", test_amount_forms);
  g_test_add_func ("/io/amount/brute-force", test_amount_brute_force);
  g_test_add_func ("/io/detect/format", test_detect_format);

  g_test_add_func ("/io/qif/quiffen", test_qif_quiffen);
  g_test_add_func ("/io/qif/split-y2k", test_qif_split_y2k);
  g_test_add_func ("/io/qif/not-qif", test_qif_not_qif);
  g_test_add_func ("/io/qif/two-accounts", test_qif_two_accounts);
  g_test_add_func ("/io/qif/date-guess", test_qif_date_guess);
  g_test_add_func ("/io/qif/date-contradiction", test_qif_date_contradiction);
  g_test_add_func ("/io/qif/number-format", test_qif_number_format);
  g_test_add_func ("/io/qif/money95", test_qif_money95);
  g_test_add_func ("/io/qif/windows-1252", test_qif_windows_1252);
  g_test_add_func ("/io/qif/garbage-dates", test_qif_garbage_dates);
  g_test_add_func ("/io/qif/autoswitch", test_qif_autoswitch);
  g_test_add_func ("/io/qif/bad-records", test_qif_bad_records);
  g_test_add_func ("/io/qif/date-brute-force", test_qif_date_brute_force);

  g_test_add_func ("/io/csv/beangulp", test_csv_beangulp);
  g_test_add_func ("/io/csv/windows-1252", test_csv_windows_1252);
  g_test_add_func ("/io/csv/austrian", test_csv_austrian);
  g_test_add_func ("/io/csv/danish", test_csv_danish);
  g_test_add_func ("/io/csv/ing-sign-column", test_csv_ing_sign_column);
  g_test_add_func ("/io/csv/nationwide", test_csv_nationwide);
  g_test_add_func ("/io/csv/bom", test_csv_bom);
  g_test_add_func ("/io/csv/preamble", test_csv_preamble);
  g_test_add_func ("/io/csv/tab", test_csv_tab);
  g_test_add_func ("/io/csv/header-languages", test_csv_header_languages);
  g_test_add_func ("/io/csv/quoting", test_csv_quoting);
  g_test_add_func ("/io/csv/utf16", test_csv_utf16);
  g_test_add_func ("/io/csv/rejects", test_csv_rejects);
  g_test_add_func ("/io/csv/not-csv", test_csv_not_csv);
  g_test_add_func ("/io/csv/date-contradiction", test_csv_date_contradiction);
  g_test_add_func ("/io/csv/accounts-and-currencies", test_csv_accounts_and_currencies);
  g_test_add_func ("/io/csv/columns-spec", test_csv_columns_spec);

  g_test_add_func ("/io/ofx/bank-medium", test_ofx_bank_medium);
  g_test_add_func ("/io/ofx/investment-cash", test_ofx_investment_cash);
  g_test_add_func ("/io/ofx/empty-tags", test_ofx_empty_tags);
  g_test_add_func ("/io/ofx/bad-dates", test_ofx_bad_dates);
  g_test_add_func ("/io/ofx/nubank", test_ofx_nubank);
  g_test_add_func ("/io/ofx/headerless-comments", test_ofx_headerless_comments);
  g_test_add_func ("/io/ofx/latin1-two-statements", test_ofx_latin1_two_statements);
  g_test_add_func ("/io/ofx/encodings", test_ofx_encodings);
  g_test_add_func ("/io/ofx/amex", test_ofx_amex);
  g_test_add_func ("/io/ofx/precision", test_ofx_precision);
  g_test_add_func ("/io/ofx/xml", test_ofx_xml);
  g_test_add_func ("/io/ofx/qfx", test_ofx_qfx);
  g_test_add_func ("/io/ofx/one-account-twice", test_ofx_one_account_twice);
  g_test_add_func ("/io/ofx/refused", test_ofx_refused);
  g_test_add_func ("/io/ofx/quiet-and-clean", test_ofx_quiet_and_clean);

  status = g_test_run ();

  if (tmpdir != NULL)
    g_rmdir (tmpdir);

  return status;
}
