/* budg-money.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-money"

#include "config.h"

#include <limits.h>
#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>

#include "budg-error.h"
#include "budg-money.h"

typedef struct
{
  const char *code;
  guint       minor_units;
  /* What the UI shows in front of the number; NULL shows the code after it,
   * as in "1,234.56 CHF". Dollar-like currencies other than USD carry a
   * prefix ("CA$") so that a list mixing them stays unambiguous.
   */
  const char *symbol;
  /* Another sign people type for this currency, accepted by the parser only:
   * someone with a Canadian account writes "$12", not "CA$12".
   */
  const char *narrow_symbol;
} Currency;

/* The active ISO 4217 codes, sorted by code for bsearch(). Codes without a
 * minor unit (precious metals, XDR, XTS, XXX) are left out because no account
 * holds them. BGN stays although Bulgaria adopted the euro in 2026, so that
 * older databases still load.
 */
static const Currency currencies[] = {
  { "AED", 2, NULL, NULL },
  { "AFN", 2, NULL, NULL },
  { "ALL", 2, NULL, NULL },
  { "AMD", 2, NULL, NULL },
  { "ANG", 2, NULL, NULL },
  { "AOA", 2, NULL, NULL },
  { "ARS", 2, NULL, "$" },
  { "AUD", 2, "A$", "$" },
  { "AWG", 2, NULL, NULL },
  { "AZN", 2, NULL, "₼" },
  { "BAM", 2, NULL, NULL },
  { "BBD", 2, NULL, "$" },
  { "BDT", 2, NULL, "৳" },
  { "BGN", 2, NULL, NULL },
  { "BHD", 3, NULL, NULL },
  { "BIF", 0, NULL, NULL },
  { "BMD", 2, NULL, "$" },
  { "BND", 2, NULL, "$" },
  { "BOB", 2, NULL, NULL },
  { "BOV", 2, NULL, NULL },
  { "BRL", 2, "R$", NULL },
  { "BSD", 2, NULL, "$" },
  { "BTN", 2, NULL, NULL },
  { "BWP", 2, NULL, NULL },
  { "BYN", 2, NULL, NULL },
  { "BZD", 2, NULL, "$" },
  { "CAD", 2, "CA$", "$" },
  { "CDF", 2, NULL, NULL },
  { "CHE", 2, NULL, NULL },
  { "CHF", 2, NULL, NULL },
  { "CHW", 2, NULL, NULL },
  { "CLF", 4, NULL, NULL },
  { "CLP", 0, NULL, "$" },
  { "CNY", 2, "CN¥", "¥" },
  { "COP", 2, NULL, "$" },
  { "COU", 2, NULL, NULL },
  { "CRC", 2, NULL, "₡" },
  { "CUP", 2, NULL, "$" },
  { "CVE", 2, NULL, NULL },
  { "CZK", 2, NULL, "Kč" },
  { "DJF", 0, NULL, NULL },
  { "DKK", 2, NULL, "kr" },
  { "DOP", 2, NULL, "$" },
  { "DZD", 2, NULL, NULL },
  { "EGP", 2, NULL, "E£" },
  { "ERN", 2, NULL, NULL },
  { "ETB", 2, NULL, NULL },
  { "EUR", 2, "€", NULL },
  { "FJD", 2, NULL, "$" },
  { "FKP", 2, NULL, "£" },
  { "GBP", 2, "£", NULL },
  { "GEL", 2, NULL, "₾" },
  { "GHS", 2, NULL, "GH₵" },
  { "GIP", 2, NULL, "£" },
  { "GMD", 2, NULL, NULL },
  { "GNF", 0, NULL, NULL },
  { "GTQ", 2, NULL, NULL },
  { "GYD", 2, NULL, "$" },
  { "HKD", 2, "HK$", "$" },
  { "HNL", 2, NULL, NULL },
  { "HTG", 2, NULL, NULL },
  { "HUF", 2, NULL, "Ft" },
  { "IDR", 2, NULL, "Rp" },
  { "ILS", 2, "₪", NULL },
  { "INR", 2, "₹", NULL },
  { "IQD", 3, NULL, NULL },
  { "IRR", 2, NULL, NULL },
  { "ISK", 0, NULL, "kr" },
  { "JMD", 2, NULL, "$" },
  { "JOD", 3, NULL, NULL },
  { "JPY", 0, "¥", NULL },
  { "KES", 2, NULL, NULL },
  { "KGS", 2, NULL, NULL },
  { "KHR", 2, NULL, "៛" },
  { "KMF", 0, NULL, NULL },
  { "KPW", 2, NULL, "₩" },
  { "KRW", 0, "₩", NULL },
  { "KWD", 3, NULL, NULL },
  { "KYD", 2, NULL, "$" },
  { "KZT", 2, NULL, "₸" },
  { "LAK", 2, NULL, "₭" },
  { "LBP", 2, NULL, "L£" },
  { "LKR", 2, NULL, NULL },
  { "LRD", 2, NULL, "$" },
  { "LSL", 2, NULL, NULL },
  { "LYD", 3, NULL, NULL },
  { "MAD", 2, NULL, NULL },
  { "MDL", 2, NULL, NULL },
  { "MGA", 2, NULL, NULL },
  { "MKD", 2, NULL, NULL },
  { "MMK", 2, NULL, NULL },
  { "MNT", 2, NULL, "₮" },
  { "MOP", 2, NULL, NULL },
  { "MRU", 2, NULL, NULL },
  { "MUR", 2, NULL, NULL },
  { "MVR", 2, NULL, NULL },
  { "MWK", 2, NULL, NULL },
  { "MXN", 2, "MX$", "$" },
  { "MXV", 2, NULL, NULL },
  { "MYR", 2, NULL, "RM" },
  { "MZN", 2, NULL, NULL },
  { "NAD", 2, NULL, "$" },
  { "NGN", 2, NULL, "₦" },
  { "NIO", 2, NULL, NULL },
  { "NOK", 2, NULL, "kr" },
  { "NPR", 2, NULL, NULL },
  { "NZD", 2, "NZ$", "$" },
  { "OMR", 3, NULL, NULL },
  { "PAB", 2, NULL, NULL },
  { "PEN", 2, NULL, NULL },
  { "PGK", 2, NULL, NULL },
  { "PHP", 2, "₱", NULL },
  { "PKR", 2, NULL, NULL },
  { "PLN", 2, NULL, "zł" },
  { "PYG", 0, NULL, "₲" },
  { "QAR", 2, NULL, NULL },
  { "RON", 2, NULL, "lei" },
  { "RSD", 2, NULL, NULL },
  { "RUB", 2, NULL, "₽" },
  { "RWF", 0, NULL, NULL },
  { "SAR", 2, NULL, NULL },
  { "SBD", 2, NULL, "$" },
  { "SCR", 2, NULL, NULL },
  { "SDG", 2, NULL, NULL },
  { "SEK", 2, NULL, "kr" },
  { "SGD", 2, NULL, "$" },
  { "SHP", 2, NULL, "£" },
  { "SLE", 2, NULL, NULL },
  { "SOS", 2, NULL, NULL },
  { "SRD", 2, NULL, "$" },
  { "SSP", 2, NULL, "£" },
  { "STN", 2, NULL, NULL },
  { "SVC", 2, NULL, NULL },
  { "SYP", 2, NULL, "£" },
  { "SZL", 2, NULL, NULL },
  { "THB", 2, NULL, "฿" },
  { "TJS", 2, NULL, NULL },
  { "TMT", 2, NULL, NULL },
  { "TND", 3, NULL, NULL },
  { "TOP", 2, NULL, NULL },
  { "TRY", 2, NULL, "₺" },
  { "TTD", 2, NULL, "$" },
  { "TWD", 2, "NT$", "$" },
  { "TZS", 2, NULL, NULL },
  { "UAH", 2, NULL, "₴" },
  { "UGX", 0, NULL, NULL },
  { "USD", 2, "$", NULL },
  { "USN", 2, NULL, NULL },
  { "UYI", 0, NULL, NULL },
  { "UYU", 2, NULL, "$" },
  { "UYW", 4, NULL, NULL },
  { "UZS", 2, NULL, NULL },
  { "VED", 2, NULL, NULL },
  { "VES", 2, NULL, NULL },
  { "VND", 0, "₫", NULL },
  { "VUV", 0, NULL, NULL },
  { "WST", 2, NULL, NULL },
  { "XAF", 0, NULL, NULL },
  { "XCD", 2, "EC$", "$" },
  { "XCG", 2, NULL, NULL },
  { "XOF", 0, NULL, NULL },
  { "XPF", 0, NULL, NULL },
  { "YER", 2, NULL, NULL },
  { "ZAR", 2, NULL, "R" },
  { "ZMW", 2, NULL, NULL },
  { "ZWG", 2, NULL, NULL },
};

/* No currency has more than four minor units (CLF and UYW have four). */
static const guint64 powers_of_ten[] = { 1, 10, 100, 1000, 10000 };

/* Used for currency codes that are not in the table, so that a stray value
 * in a database still shows up readably instead of disappearing.
 */
#define FALLBACK_MINOR_UNITS 2

/* The locale's conventions for amounts, as UTF-8 strings. */
typedef struct
{
  char     decimal[8];
  char     group[8];
  char     grouping[8]; /* as in struct lconv: sizes from the right */
  gboolean symbol_first;
} LocaleFormat;

typedef enum
{
  SEP_POINT,          /* '.': decimal or grouping, depending on context */
  SEP_COMMA,          /* ',': decimal or grouping, depending on context */
  SEP_SPACE,          /* any space: always grouping */
  SEP_APOSTROPHE,     /* "'" or "’" as in Swiss 1'234.50: always grouping */
  SEP_LOCALE_DECIMAL, /* the locale's decimal point, if none of the above */
  SEP_LOCALE_GROUP,   /* the locale's grouping separator, if none of the above */
} SepKind;

/* A run of digits and the separator that precedes it. */
typedef struct
{
  SepKind     sep;
  const char *digits;
  gsize       len;
} DigitRun;

typedef enum
{
  READ_OK,
  READ_NOT_AN_AMOUNT,
  READ_TWO_SIGNS,
  READ_BAD_GROUPING,
  READ_TOO_MANY_DECIMALS,
  READ_OVERFLOW,
} ReadResult;

static int
compare_code (const void *key,
              const void *element)
{
  return strcmp (key, ((const Currency *) element)->code);
}

static const Currency *
lookup_currency (const char *code)
{
  if (code == NULL)
    return NULL;

  return bsearch (code, currencies, G_N_ELEMENTS (currencies),
                  sizeof (Currency), compare_code);
}

static void
copy_locale_string (char       *dest,
                    gsize       dest_size,
                    const char *value,
                    const char *fallback)
{
  g_autofree char *utf8 = NULL;

  /* localeconv() answers in the locale's charset, which is not UTF-8 in
   * legacy locales such as fr_FR.ISO-8859-1.
   */
  if (value != NULL && value[0] != '\0')
    utf8 = g_locale_to_utf8 (value, -1, NULL, NULL, NULL);

  if (utf8 == NULL || strlen (utf8) >= dest_size)
    g_strlcpy (dest, fallback, dest_size);
  else
    g_strlcpy (dest, utf8, dest_size);
}

static void
get_locale_format (LocaleFormat *format)
{
  const struct lconv *lc = localeconv ();
  const char *decimal = lc->mon_decimal_point;
  const char *group = lc->mon_thousands_sep;
  const char *grouping = lc->mon_grouping;

  /* The C locale defines no monetary conventions at all; fall back to the
   * numeric ones, and to "1,234.56" when even those are empty.
   */
  if (decimal == NULL || decimal[0] == '\0')
    {
      decimal = lc->decimal_point;
      group = lc->thousands_sep;
      grouping = lc->grouping;
    }

  copy_locale_string (format->decimal, sizeof format->decimal, decimal, ".");
  copy_locale_string (format->group, sizeof format->group, group,
                      g_str_equal (format->decimal, ",") ? "." : ",");
  g_strlcpy (format->grouping, grouping != NULL ? grouping : "", sizeof format->grouping);

  /* CHAR_MAX means "unspecified", as in the C locale: symbol first then. */
  format->symbol_first = lc->p_cs_precedes != 0;
}

/* The size of the group at @index counting from the right, or 0 when the
 * digits further left are not grouped.
 */
static guint
get_group_size (const char *grouping,
                guint       index)
{
  gsize len = strlen (grouping);
  char size;

  if (len == 0)
    return 3;

  /* The last size repeats for all further groups. */
  size = grouping[MIN (index, len - 1)];
  if (size <= 0 || size == CHAR_MAX)
    return 0;

  return (guint) size;
}

static guint64
get_magnitude (gint64 minor)
{
  /* Unsigned negation, because -G_MININT64 does not fit in a gint64. */
  return minor < 0 ? 0 - (guint64) minor : (guint64) minor;
}

static void
append_grouped (GString            *out,
                const char         *digits,
                const LocaleFormat *format)
{
  gsize sizes[32];
  gsize remaining = strlen (digits);
  guint n_groups = 0;

  /* Groups are counted from the right but written from the left. */
  while (remaining > 0)
    {
      guint size = get_group_size (format->grouping, n_groups);

      /* A 64-bit number has at most 20 digits, so the last slot is never
       * needed; the check only keeps the array access obviously in bounds.
       */
      if (size == 0 || size >= remaining || n_groups == G_N_ELEMENTS (sizes) - 1)
        size = remaining;

      sizes[n_groups++] = size;
      remaining -= size;
    }

  for (guint i = n_groups; i > 0; i--)
    {
      g_string_append_len (out, digits, sizes[i - 1]);
      digits += sizes[i - 1];
      if (i > 1)
        g_string_append (out, format->group);
    }
}

static gboolean
ends_with_letter (const char *text,
                  gsize       len)
{
  const char *last = g_utf8_find_prev_char (text, text + len);

  return last != NULL && g_unichar_isalpha (g_utf8_get_char (last));
}

/* Matches @affix at *p; an affix that ends in a letter ("kr", "USD") must
 * not run into more letters, so that "USDX" is not read as "USD" + "X".
 */
static gboolean
match_affix (const char **p,
             const char  *affix,
             gboolean     ignore_case)
{
  gsize len;

  if (affix == NULL)
    return FALSE;

  len = strlen (affix);
  if ((ignore_case ? g_ascii_strncasecmp (*p, affix, len) : strncmp (*p, affix, len)) != 0)
    return FALSE;

  if (ends_with_letter (affix, len) && g_unichar_isalpha (g_utf8_get_char (*p + len)))
    return FALSE;

  *p += len;
  return TRUE;
}

static gboolean
match_currency (const char     **p,
                const Currency  *currency)
{
  /* Codes are matched regardless of case because people type "12 eur". */
  return match_affix (p, currency->symbol, FALSE) ||
         match_affix (p, currency->narrow_symbol, FALSE) ||
         match_affix (p, currency->code, TRUE);
}

/* Returns -1 or 1 for a sign at *p and moves past it, or 0. */
static int
match_sign (const char **p)
{
  if (**p == '+')
    {
      *p += 1;
      return 1;
    }

  if (**p == '-')
    {
      *p += 1;
      return -1;
    }

  if (g_str_has_prefix (*p, "−")) /* U+2212 MINUS SIGN */
    {
      *p += strlen ("−");
      return -1;
    }

  return 0;
}

/* The dash in "12,-" or "12,–", written for a whole amount. */
static gsize
match_dash (const char *p)
{
  if (*p == '-')
    return 1;

  if (g_str_has_prefix (p, "–")) /* U+2013 EN DASH */
    return strlen ("–");

  return 0;
}

static const char *
skip_spaces (const char *p)
{
  while (*p != '\0' && g_unichar_isspace (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);

  return p;
}

static char *
strip_spaces (const char *text)
{
  const char *start = skip_spaces (text);
  const char *end = start + strlen (start);

  while (end > start)
    {
      const char *prev = g_utf8_find_prev_char (start, end);

      if (!g_unichar_isspace (g_utf8_get_char (prev)))
        break;
      end = prev;
    }

  return g_strndup (start, end - start);
}

/* Returns the length of the separator at @p, or 0. */
static gsize
match_separator (const char         *p,
                 const LocaleFormat *format,
                 SepKind            *kind)
{
  static const struct
  {
    const char *text;
    SepKind     kind;
  } common[] = {
    { ".", SEP_POINT },
    { ",", SEP_COMMA },
    { " ", SEP_SPACE },
    { "\u00a0", SEP_SPACE }, /* no-break space */
    { "\u202f", SEP_SPACE }, /* narrow no-break space, French grouping */
    { "\u2009", SEP_SPACE }, /* thin space */
    { "'", SEP_APOSTROPHE },
    { "\u2019", SEP_APOSTROPHE }, /* right single quotation mark, Swiss grouping */
  };

  for (guint i = 0; i < G_N_ELEMENTS (common); i++)
    {
      if (g_str_has_prefix (p, common[i].text))
        {
          *kind = common[i].kind;
          return strlen (common[i].text);
        }
    }

  if (g_str_has_prefix (p, format->decimal))
    {
      *kind = SEP_LOCALE_DECIMAL;
      return strlen (format->decimal);
    }

  if (g_str_has_prefix (p, format->group))
    {
      *kind = SEP_LOCALE_GROUP;
      return strlen (format->group);
    }

  return 0;
}

static gboolean
can_be_decimal (SepKind kind)
{
  return kind == SEP_POINT || kind == SEP_COMMA || kind == SEP_LOCALE_DECIMAL;
}

/* Splits the number at *p into runs of digits and moves *p past it.
 * Returns FALSE if no number starts at *p.
 */
static gboolean
scan_number (const char         **p,
             const LocaleFormat  *format,
             GArray              *runs,
             gboolean            *dash_fraction)
{
  const char *s = *p;
  DigitRun run = { 0, };
  SepKind kind;
  gsize sep_len;
  gsize dash_len;

  *dash_fraction = FALSE;

  /* A number may start with its decimal separator, as in ".50". */
  if (!g_ascii_isdigit (*s))
    {
      sep_len = match_separator (s, format, &kind);
      if (sep_len == 0 || !can_be_decimal (kind) || !g_ascii_isdigit (s[sep_len]))
        return FALSE;

      run.digits = s;
      g_array_append_val (runs, run);
      run.sep = kind;
      s += sep_len;
    }

  for (;;)
    {
      run.digits = s;
      while (g_ascii_isdigit (*s))
        s++;
      run.len = s - run.digits;
      g_array_append_val (runs, run);

      /* A separator belongs to the number only if digits follow it, so that
       * in "12 EUR" the space ends the number.
       */
      sep_len = match_separator (s, format, &kind);
      if (sep_len == 0)
        break;

      if (g_ascii_isdigit (s[sep_len]))
        {
          run.sep = kind;
          s += sep_len;
          continue;
        }

      dash_len = match_dash (s + sep_len);
      if (can_be_decimal (kind) && dash_len > 0 && !g_ascii_isdigit (s[sep_len + dash_len]))
        {
          run.sep = kind;
          run.digits = s + sep_len;
          run.len = 0;
          g_array_append_val (runs, run);
          s += sep_len + dash_len;
          *dash_fraction = TRUE;
        }
      break;
    }

  *p = s;
  return TRUE;
}

static gboolean
is_locale_decimal (SepKind             kind,
                   const LocaleFormat *format)
{
  return (kind == SEP_POINT && g_str_equal (format->decimal, ".")) ||
         (kind == SEP_COMMA && g_str_equal (format->decimal, ",")) ||
         kind == SEP_LOCALE_DECIMAL;
}

static gboolean
is_all_zeros (const DigitRun *run)
{
  for (gsize i = 0; i < run->len; i++)
    if (run->digits[i] != '0')
      return FALSE;

  return TRUE;
}

/* Decides whether the only '.' or ',' in the number, before run @index, is
 * the decimal separator. "12.5" and "12,50" are clear; "1,234" is not, and
 * reading it the wrong way would be off by a factor of a thousand.
 */
static gboolean
single_separator_is_decimal (const DigitRun     *runs,
                             guint               index,
                             gboolean            dash_fraction,
                             const Currency     *currency,
                             const LocaleFormat *format)
{
  const DigitRun *before = &runs[index - 1];

  if (runs[index].len != 3 || before->len == 0 || dash_fraction)
    return TRUE;

  /* Nobody groups "0,123"; and with three minor units "1.234" is always
   * a valid amount of fils or baisa.
   */
  if (currency->minor_units >= 3 || (index == 1 && is_all_zeros (before)))
    return TRUE;

  return is_locale_decimal (runs[index].sep, format);
}

/* Checks the integer runs 0..@last: the same separator throughout, groups of
 * three, or of two then three as in Indian "1,23,456" (Lakh grouping, which
 * en_IN users type and which is never ambiguous).
 */
static gboolean
check_grouping (const DigitRun *runs,
                guint           last)
{
  gsize middle;

  if (last == 0)
    return TRUE;

  for (guint i = 2; i <= last; i++)
    if (runs[i].sep != runs[1].sep)
      return FALSE;

  if (runs[last].len != 3 || runs[0].len == 0)
    return FALSE;

  middle = last > 1 ? runs[1].len : 3;
  if (middle != 2 && middle != 3)
    return FALSE;

  for (guint i = 1; i < last; i++)
    if (runs[i].len != middle)
      return FALSE;

  return runs[0].len <= middle;
}

static gboolean
accumulate_digits (guint64    *value,
                   const char *digits,
                   gsize       len)
{
  for (gsize i = 0; i < len; i++)
    {
      if (__builtin_mul_overflow (*value, 10, value) ||
          __builtin_add_overflow (*value, (guint64) (digits[i] - '0'), value))
        return FALSE;
    }

  return TRUE;
}

static ReadResult
read_runs (const DigitRun     *runs,
           guint               n_runs,
           gboolean            dash_fraction,
           const Currency     *currency,
           const LocaleFormat *format,
           guint64            *out_magnitude)
{
  guint n_points = 0;
  guint n_commas = 0;
  guint n_locale_decimals = 0;
  guint last_point = 0;
  guint last_comma = 0;
  guint last_locale_decimal = 0;
  guint decimal = 0; /* index of the run after the decimal separator, 0 if none */
  guint last_integer;
  guint64 magnitude = 0;

  for (guint i = 1; i < n_runs; i++)
    {
      switch (runs[i].sep)
        {
        case SEP_POINT:
          n_points++;
          last_point = i;
          break;

        case SEP_COMMA:
          n_commas++;
          last_comma = i;
          break;

        case SEP_LOCALE_DECIMAL:
          n_locale_decimals++;
          last_locale_decimal = i;
          break;

        case SEP_SPACE:
        case SEP_APOSTROPHE:
        case SEP_LOCALE_GROUP:
        default:
          break;
        }
    }

  if (n_locale_decimals > 0)
    {
      if (n_locale_decimals > 1)
        return READ_NOT_AN_AMOUNT;
      decimal = last_locale_decimal;
    }
  else if (n_points > 0 && n_commas > 0)
    {
      /* "1,234.56" and "1.234,56": whichever comes last is the decimal
       * separator, and it can only occur once.
       */
      decimal = MAX (last_point, last_comma);
      if ((decimal == last_point ? n_points : n_commas) > 1)
        return READ_NOT_AN_AMOUNT;
    }
  else if (n_points + n_commas == 1)
    {
      guint index = MAX (last_point, last_comma);

      if (single_separator_is_decimal (runs, index, dash_fraction, currency, format))
        decimal = index;
    }

  /* Nothing may follow the decimals but the "-" of "12,-". */
  if (decimal != 0 && decimal != n_runs - 1)
    return READ_NOT_AN_AMOUNT;
  if (dash_fraction && decimal == 0)
    return READ_NOT_AN_AMOUNT;

  last_integer = decimal != 0 ? decimal - 1 : n_runs - 1;
  if (!check_grouping (runs, last_integer))
    return READ_BAD_GROUPING;

  if (decimal != 0 && runs[decimal].len > currency->minor_units)
    return READ_TOO_MANY_DECIMALS;

  for (guint i = 0; i <= last_integer; i++)
    if (!accumulate_digits (&magnitude, runs[i].digits, runs[i].len))
      return READ_OVERFLOW;

  for (guint i = 0; i < currency->minor_units; i++)
    {
      const char *digit = decimal != 0 && i < runs[decimal].len ? &runs[decimal].digits[i] : "0";

      if (!accumulate_digits (&magnitude, digit, 1))
        return READ_OVERFLOW;
    }

  *out_magnitude = magnitude;
  return READ_OK;
}

/* Finds a currency other than @expected named in @text, for a message more
 * helpful than "not an amount" when someone types "12 EUR" into a dollar
 * account. Only codes and unambiguous symbols count: "$" alone could be
 * any of a dozen currencies.
 */
static const Currency *
find_other_currency (const char     *text,
                     const Currency *expected)
{
  const Currency *found = NULL;
  gsize found_len = 0;

  for (const char *s = text; *s != '\0'; s++)
    {
      char code[4];

      if ((s > text && g_ascii_isalpha (s[-1])) ||
          !g_ascii_isalpha (s[0]) || !g_ascii_isalpha (s[1]) ||
          !g_ascii_isalpha (s[2]) || g_ascii_isalpha (s[3]))
        continue;

      for (guint i = 0; i < 3; i++)
        code[i] = g_ascii_toupper (s[i]);
      code[3] = '\0';

      found = lookup_currency (code);
      if (found != NULL && found != expected)
        return found;
    }

  found = NULL;
  for (guint i = 0; i < G_N_ELEMENTS (currencies); i++)
    {
      const char *symbol = currencies[i].symbol;

      if (&currencies[i] == expected || symbol == NULL || g_str_equal (symbol, "$"))
        continue;

      if (strstr (text, symbol) != NULL && strlen (symbol) > found_len)
        {
          found = &currencies[i];
          found_len = strlen (symbol);
        }
    }

  return found;
}

/* Reads @text, which is stripped, non-empty UTF-8, as an amount. */
static ReadResult
read_amount (const char     *text,
             const Currency *currency,
             gint64         *out_minor)
{
  LocaleFormat format;
  g_autofree char *inner = NULL;
  g_autoptr(GArray) runs = g_array_new (FALSE, FALSE, sizeof (DigitRun));
  gsize len = strlen (text);
  const char *p = text;
  gboolean have_sign = FALSE;
  gboolean have_currency = FALSE;
  gboolean negative = FALSE;
  gboolean dash_fraction;
  guint64 magnitude = 0;
  guint64 limit;
  ReadResult result;
  int sign;

  get_locale_format (&format);

  /* Accounting notation: "(12.34)" is negative, and takes no other sign. */
  if (text[0] == '(' || text[len - 1] == ')')
    {
      if (len < 2 || text[0] != '(' || text[len - 1] != ')')
        return READ_NOT_AN_AMOUNT;

      inner = g_strndup (text + 1, len - 2);
      p = inner;
      have_sign = TRUE;
      negative = TRUE;
    }

  /* Before the number: a sign and the currency, in either order. */
  for (;;)
    {
      p = skip_spaces (p);

      if ((sign = match_sign (&p)) != 0)
        {
          if (have_sign)
            return READ_TWO_SIGNS;
          have_sign = TRUE;
          negative = sign < 0;
        }
      else if (!have_currency && match_currency (&p, currency))
        have_currency = TRUE;
      else
        break;
    }

  if (!scan_number (&p, &format, runs, &dash_fraction))
    return READ_NOT_AN_AMOUNT;

  /* After it: the currency, and the trailing minus that accounting exports
   * write ("12.34-"). A trailing plus is no convention anywhere, and "12,--"
   * looks like a typo rather than a negative whole amount.
   */
  for (;;)
    {
      const char *after_sign;

      p = skip_spaces (p);
      after_sign = p;

      if (!have_currency && match_currency (&p, currency))
        have_currency = TRUE;
      else if (!dash_fraction && match_sign (&after_sign) < 0)
        {
          if (have_sign)
            return READ_TWO_SIGNS;
          have_sign = TRUE;
          negative = TRUE;
          p = after_sign;
        }
      else
        break;
    }

  if (*p != '\0')
    return READ_NOT_AN_AMOUNT;

  result = read_runs (&g_array_index (runs, DigitRun, 0), runs->len, dash_fraction,
                      currency, &format, &magnitude);
  if (result != READ_OK)
    return result;

  /* A negative amount reaches one minor unit further than a positive one. */
  limit = negative ? (guint64) G_MAXINT64 + 1 : (guint64) G_MAXINT64;
  if (magnitude > limit)
    return READ_OVERFLOW;

  if (!negative || magnitude == 0)
    *out_minor = (gint64) magnitude;
  else
    *out_minor = -(gint64) (magnitude - 1) - 1;

  return READ_OK;
}

static void
set_read_error (GError         **error,
                ReadResult       result,
                const char      *text,
                const Currency  *currency)
{
  const Currency *other;
  g_autofree char *largest = NULL;

  switch (result)
    {
    case READ_NOT_AN_AMOUNT:
      other = find_other_currency (text, currency);
      if (other != NULL)
        g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                     _("“%s” is in %s, but the amount must be in %s. Enter it in %s without a currency."),
                     text, other->code, currency->code, currency->code);
      else
        g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                     _("“%s” is not an amount. Use a form like 1234.56 or -12,50."),
                     text);
      break;

    case READ_TWO_SIGNS:
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                   _("“%s” has more than one sign. Use a single minus sign for a negative amount, as in -12.50."),
                   text);
      break;

    case READ_BAD_GROUPING:
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                   _("The digits in “%s” are not grouped by thousands. Write it like 1,234,567.89 or without separators."),
                   text);
      break;

    case READ_TOO_MANY_DECIMALS:
      if (currency->minor_units == 0)
        g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                     _("“%s” has decimals, but %s has no minor unit. Enter a whole number."),
                     text, currency->code);
      else
        g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                     ngettext ("“%s” has more decimals than %s allows (%u). Enter at most %u digit after the decimal point.",
                               "“%s” has more decimals than %s allows (%u). Enter at most %u digits after the decimal point.",
                               currency->minor_units),
                     text, currency->code, currency->minor_units, currency->minor_units);
      break;

    case READ_OVERFLOW:
      largest = budg_money_format_plain (G_MAXINT64, currency->code);
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_OVERFLOW,
                   _("“%s” is too large. The largest amount Budg can store in %s is %s."),
                   text, currency->code, largest);
      break;

    case READ_OK:
    default:
      g_assert_not_reached ();
    }
}

static gboolean
set_overflow (GError     **error,
              const char  *message)
{
  g_set_error_literal (error, BUDG_ERROR, BUDG_ERROR_OVERFLOW, message);
  return FALSE;
}

/**
 * budg_currency_is_known:
 * @code: an ISO 4217 code such as "EUR"
 *
 * The match is case-sensitive: codes are stored and exchanged in upper case.
 *
 * Returns: %TRUE if @code is a currency Budg can hold
 */
gboolean
budg_currency_is_known (const char *code)
{
  return lookup_currency (code) != NULL;
}

/**
 * budg_currency_get_minor_units:
 * @code: an ISO 4217 code
 *
 * Returns: how many digits follow the decimal point in @code (2 for USD,
 *   0 for JPY, 3 for BHD), or -1 if @code is not a known currency
 */
int
budg_currency_get_minor_units (const char *code)
{
  const Currency *currency = lookup_currency (code);

  return currency != NULL ? (int) currency->minor_units : -1;
}

/**
 * budg_currency_get_symbol:
 * @code: an ISO 4217 code
 *
 * Returns: (transfer none) (nullable): the symbol shown for @code ("$",
 *   "€", "CA$"), the code itself for currencies shown without a symbol
 *   ("CHF"), or %NULL if @code is not a known currency
 */
const char *
budg_currency_get_symbol (const char *code)
{
  const Currency *currency = lookup_currency (code);

  if (currency == NULL)
    return NULL;

  return currency->symbol != NULL ? currency->symbol : currency->code;
}

/**
 * budg_currency_list_codes:
 *
 * Returns: (transfer none) (array zero-terminated=1): all known codes,
 *   sorted
 */
const char * const *
budg_currency_list_codes (void)
{
  static const char *codes[G_N_ELEMENTS (currencies) + 1];
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      for (guint i = 0; i < G_N_ELEMENTS (currencies); i++)
        codes[i] = currencies[i].code;
      codes[G_N_ELEMENTS (currencies)] = NULL;

      g_once_init_leave (&initialized, 1);
    }

  return codes;
}

/**
 * budg_money_parse:
 * @text: what the user typed, such as "-1,234.56", "(12.50)" or "12 €"
 * @currency: the ISO 4217 code the amount is in
 * @out_minor: (out) (optional): the amount in minor units of @currency
 * @error: return location for a #GError
 *
 * Reads an amount the way people write it. Around the number there may be
 * spaces, one sign (a leading "+" or "-", a trailing "-", or parentheses)
 * and the currency's symbol or code. The number groups its digits with
 * ',', '.', spaces or apostrophes, by thousands or in the Indian way
 * ("1,23,456.78"); "12,-" means a whole amount. The locale's own decimal
 * point and grouping separator are understood too.
 *
 * When both '.' and ',' occur, the last one is the decimal separator. When
 * one of them occurs several times it is grouping. A single one followed by
 * exactly three digits is ambiguous: it is the decimal separator if it is
 * the locale's decimal point or if @currency has three or more minor units,
 * and grouping otherwise. Decimals beyond what @currency allows are an
 * error, never rounded away.
 *
 * Returns: %TRUE on success; %FALSE with a %BUDG_ERROR_INVALID_INPUT error
 *   for text that is not an amount in @currency, or a %BUDG_ERROR_OVERFLOW
 *   error for an amount that does not fit in 64 bits
 */
gboolean
budg_money_parse (const char  *text,
                  const char  *currency,
                  gint64      *out_minor,
                  GError     **error)
{
  const Currency *info;
  g_autofree char *stripped = NULL;
  ReadResult result;
  gint64 minor = 0;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (currency != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  info = lookup_currency (currency);
  if (info == NULL)
    {
      g_autofree char *shown = g_utf8_make_valid (currency, -1);

      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                   _("“%s” is not a currency Budg knows. Use an ISO 4217 code such as USD or EUR."),
                   shown);
      return FALSE;
    }

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                           _("The amount contains bytes that are not text. Type it again, in a form like 1234.56."));
      return FALSE;
    }

  stripped = strip_spaces (text);
  if (stripped[0] == '\0')
    {
      g_set_error_literal (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                           _("The amount is empty. Enter a number such as 1234.56."));
      return FALSE;
    }

  result = read_amount (stripped, info, &minor);
  if (result != READ_OK)
    {
      set_read_error (error, result, stripped, info);
      return FALSE;
    }

  if (out_minor != NULL)
    *out_minor = minor;

  return TRUE;
}

/**
 * budg_money_format:
 * @minor: an amount in minor units
 * @currency: its ISO 4217 code
 *
 * Formats an amount for people to read, with the locale's decimal point and
 * digit grouping and the currency's symbol: "$1,234.56", "-$1,234.56",
 * "1.234,56 €" in German, "1,234.56 CHF" for currencies without a symbol.
 * Negative amounts always carry a minus sign, so that they do not depend on
 * colour to be noticed. An unknown @currency is shown with two decimals.
 *
 * Returns: (transfer full): the formatted amount
 */
char *
budg_money_format (gint64      minor,
                   const char *currency)
{
  const Currency *info;
  LocaleFormat format;
  guint minor_units;
  guint64 magnitude;
  guint64 scale;
  char integer[24];
  GString *number;
  GString *out;

  g_return_val_if_fail (currency != NULL, NULL);

  info = lookup_currency (currency);
  minor_units = info != NULL ? info->minor_units : FALLBACK_MINOR_UNITS;
  scale = powers_of_ten[minor_units];
  magnitude = get_magnitude (minor);

  get_locale_format (&format);

  number = g_string_new (NULL);
  g_snprintf (integer, sizeof integer, "%" G_GUINT64_FORMAT, magnitude / scale);
  append_grouped (number, integer, &format);
  if (minor_units > 0)
    {
      g_string_append (number, format.decimal);
      g_string_append_printf (number, "%0*" G_GUINT64_FORMAT, (int) minor_units, magnitude % scale);
    }

  out = g_string_new (minor < 0 ? "-" : "");
  if (info != NULL && info->symbol != NULL && format.symbol_first)
    g_string_append_printf (out, "%s%s", info->symbol, number->str);
  else if (info != NULL && info->symbol != NULL)
    g_string_append_printf (out, "%s %s", number->str, info->symbol);
  else
    g_string_append_printf (out, "%s %s", number->str, currency);

  g_string_free (number, TRUE);

  return g_string_free (out, FALSE);
}

/**
 * budg_money_format_plain:
 * @minor: an amount in minor units
 * @currency: its ISO 4217 code
 *
 * Formats an amount for machines and scripts: an optional '-', the digits
 * without grouping, '.' and exactly as many decimals as @currency has
 * ("-1234.56", "1234" for JPY, "1.234" for BHD), whatever the locale.
 * budg_money_parse() reads the result back to the same value. An unknown
 * @currency is written with two decimals.
 *
 * Returns: (transfer full): the formatted amount
 */
char *
budg_money_format_plain (gint64      minor,
                         const char *currency)
{
  const Currency *info;
  guint minor_units;
  guint64 magnitude;
  guint64 scale;

  g_return_val_if_fail (currency != NULL, NULL);

  info = lookup_currency (currency);
  minor_units = info != NULL ? info->minor_units : FALLBACK_MINOR_UNITS;
  scale = powers_of_ten[minor_units];
  magnitude = get_magnitude (minor);

  if (minor_units == 0)
    return g_strdup_printf ("%s%" G_GUINT64_FORMAT, minor < 0 ? "-" : "", magnitude);

  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%0*" G_GUINT64_FORMAT,
                          minor < 0 ? "-" : "",
                          magnitude / scale,
                          (int) minor_units,
                          magnitude % scale);
}

/**
 * budg_money_add:
 * @a: an amount in minor units
 * @b: another amount in the same currency
 * @out_sum: (out) (optional): @a + @b
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success, %FALSE with %BUDG_ERROR_OVERFLOW if the sum
 *   does not fit in 64 bits
 */
gboolean
budg_money_add (gint64   a,
                gint64   b,
                gint64  *out_sum,
                GError **error)
{
  gint64 sum;

  if (__builtin_add_overflow (a, b, &sum))
    return set_overflow (error, _("The total is too large for Budg to store. Check the amounts for a typing mistake."));

  if (out_sum != NULL)
    *out_sum = sum;

  return TRUE;
}

/**
 * budg_money_subtract:
 * @a: an amount in minor units
 * @b: another amount in the same currency
 * @out_difference: (out) (optional): @a − @b
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success, %FALSE with %BUDG_ERROR_OVERFLOW if the
 *   difference does not fit in 64 bits
 */
gboolean
budg_money_subtract (gint64   a,
                     gint64   b,
                     gint64  *out_difference,
                     GError **error)
{
  gint64 difference;

  if (__builtin_sub_overflow (a, b, &difference))
    return set_overflow (error, _("The difference is too large for Budg to store. Check the amounts for a typing mistake."));

  if (out_difference != NULL)
    *out_difference = difference;

  return TRUE;
}

/**
 * budg_money_multiply:
 * @a: an amount in minor units
 * @factor: a whole number to multiply it by, such as a number of months
 * @out_product: (out) (optional): @a × @factor
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success, %FALSE with %BUDG_ERROR_OVERFLOW if the
 *   product does not fit in 64 bits
 */
gboolean
budg_money_multiply (gint64   a,
                     gint64   factor,
                     gint64  *out_product,
                     GError **error)
{
  gint64 product;

  if (__builtin_mul_overflow (a, factor, &product))
    return set_overflow (error, _("The result is too large for Budg to store. Check the amount and the factor for a typing mistake."));

  if (out_product != NULL)
    *out_product = product;

  return TRUE;
}
