/* budg-import-util.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-import-util"

#include "config.h"

#include <glib/gi18n.h>
#include <langinfo.h>
#include <string.h>

#include "budg-error.h"
#include "budg-import-private.h"
#include "budg-money.h"

/* Bank files are read with the same rules whatever the parser: the text is
 * decoded to UTF-8 first, a date is split into its numbers before the day /
 * month order of the whole file is decided, and an amount is read exactly,
 * in integers, with the decimal mark decided per amount where its text is
 * clear and per file where it is not ("1,234").
 */

/* ---------------------------------------------------------------- text */

/* UTF-16 without a byte order mark shows as a NUL in every other byte of
 * ASCII text, which no 8-bit text has. */
static const char *
guess_utf16 (const guint8 *data,
             gsize         length)
{
  gsize n = MIN (length, 1024) & ~(gsize) 1;
  guint even_zeros = 0;
  guint odd_zeros = 0;

  if (n < 4)
    return NULL;

  for (gsize i = 0; i < n; i += 2)
    {
      even_zeros += data[i] == 0;
      odd_zeros += data[i + 1] == 0;
    }

  if (odd_zeros * 10 > n / 2 * 3 && even_zeros * 20 < n / 2)
    return "UTF-16LE";

  if (even_zeros * 10 > n / 2 * 3 && odd_zeros * 20 < n / 2)
    return "UTF-16BE";

  return NULL;
}

/* Windows-1252 puts printable characters (€, „, —, ’…) at 0x80–0x9F, where
 * ISO-8859-1 has control codes that never appear in text: a byte there
 * means Windows-1252, and without one the two decode the same anyway. */
static gboolean
has_c1_bytes (const guint8 *data,
              gsize         length)
{
  for (gsize i = 0; i < length; i++)
    if (data[i] >= 0x80 && data[i] <= 0x9f)
      return TRUE;

  return FALSE;
}

/**
 * budg_import_decode:
 * @data: the file's bytes
 * @length: their number
 * @encoding: (nullable): the character set to read them as; %NULL or
 *   "auto" to detect it
 * @out_encoding: (out) (optional) (transfer full): the character set used
 * @error: return location for a #GError
 *
 * Decodes a file to UTF-8. Detection honours a byte order mark (UTF-8,
 * UTF-16 LE and BE), then recognizes UTF-16 without one, then valid UTF-8,
 * and reads anything else as Windows-1252 (or ISO-8859-1 for the five bytes
 * Windows-1252 leaves undefined). A byte order mark is never part of the
 * text.
 *
 * Returns: (transfer full): NUL-terminated UTF-8 text, or %NULL if the
 *   bytes are not text in that encoding or hold NUL characters
 */
char *
budg_import_decode (const guint8  *data,
                    gsize          length,
                    const char    *encoding,
                    char         **out_encoding,
                    GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *text = NULL;
  const char *charset = encoding;
  gboolean detected = FALSE;
  gsize written = 0;
  gsize skip = 0;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (charset == NULL || *charset == '\0' || g_ascii_strcasecmp (charset, "auto") == 0)
    {
      detected = TRUE;

      if (length >= 3 && data[0] == 0xef && data[1] == 0xbb && data[2] == 0xbf)
        charset = "UTF-8", skip = 3;
      else if (length >= 2 && data[0] == 0xff && data[1] == 0xfe)
        charset = "UTF-16LE", skip = 2;
      else if (length >= 2 && data[0] == 0xfe && data[1] == 0xff)
        charset = "UTF-16BE", skip = 2;
      else if ((charset = guess_utf16 (data, length)) != NULL)
        ;
      else if (g_utf8_validate_len ((const char *) data, length, NULL))
        charset = "UTF-8";
      else if (has_c1_bytes (data, length))
        charset = "WINDOWS-1252";
      else
        charset = "ISO-8859-1";
    }
  else if ((g_ascii_strcasecmp (charset, "UTF-8") == 0 || g_ascii_strcasecmp (charset, "UTF8") == 0) &&
           length >= 3 && data[0] == 0xef && data[1] == 0xbb && data[2] == 0xbf)
    {
      skip = 3;
    }

  if (g_ascii_strcasecmp (charset, "UTF-8") == 0 || g_ascii_strcasecmp (charset, "UTF8") == 0)
    {
      if (!g_utf8_validate_len ((const char *) data + skip, length - skip, NULL))
        {
          g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                       _("The file cannot be read as %s text. Choose another encoding."),
                       "UTF-8");
          return NULL;
        }

      text = g_strndup ((const char *) data + skip, length - skip);
      written = length - skip;
      charset = "UTF-8";
    }
  else
    {
      text = g_convert ((const char *) data + skip, length - skip, "UTF-8", charset,
                        NULL, &written, &local_error);

      if (text == NULL && detected && g_str_equal (charset, "WINDOWS-1252"))
        {
          g_clear_error (&local_error);
          charset = "ISO-8859-1";
          text = g_convert ((const char *) data + skip, length - skip, "UTF-8", charset,
                            NULL, &written, &local_error);
        }

      if (text == NULL)
        {
          g_debug ("Cannot convert from %s: %s", charset, local_error->message);
          g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                       _("The file cannot be read as %s text. Choose another encoding."),
                       charset);
          return NULL;
        }
    }

  if (memchr (text, '\0', written) != NULL)
    {
      g_set_error_literal (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                           _("The file holds binary data, not text."));
      return NULL;
    }

  if (out_encoding != NULL)
    *out_encoding = g_ascii_strup (charset, -1);

  return g_steal_pointer (&text);
}

/**
 * budg_import_clean_text:
 * @text: (nullable): text from a file
 * @length: its length in bytes, or -1 if NUL-terminated
 *
 * Makes a field fit for the database: valid UTF-8 (libofx truncates to fixed
 * buffers, possibly inside a character), control characters turned into
 * spaces, no blanks at either end.
 *
 * Returns: (transfer full) (nullable): the text, or %NULL if nothing is left
 */
char *
budg_import_clean_text (const char *text,
                        gssize      length)
{
  g_autofree char *valid = NULL;

  if (text == NULL)
    return NULL;

  valid = g_utf8_make_valid (text, length);

  for (char *p = valid; *p != '\0'; p++)
    if ((guchar) *p < 0x20 || *p == 0x7f)
      *p = ' ';

  g_strstrip (valid);

  if (*valid == '\0')
    return NULL;

  return g_steal_pointer (&valid);
}

/**
 * budg_import_minor_units:
 * @currency: (nullable): an ISO 4217 code
 *
 * Returns: the currency's number of decimals, 2 when it is unknown
 */
guint
budg_import_minor_units (const char *currency)
{
  if (currency != NULL && budg_currency_is_known (currency))
    return budg_currency_get_minor_units (currency);

  return 2;
}

/**
 * budg_import_is_currency:
 * @text: (nullable): a field
 *
 * Returns: whether @text is exactly a known ISO 4217 code, in upper case
 */
gboolean
budg_import_is_currency (const char *text)
{
  return text != NULL && strlen (text) == 3 &&
         g_ascii_isupper (text[0]) && g_ascii_isupper (text[1]) && g_ascii_isupper (text[2]) &&
         budg_currency_is_known (text);
}

/* ---------------------------------------------------------------- dates */

typedef struct
{
  const char *name;
  int         month;
} MonthName;

/* Month names and their usual abbreviations in the languages whose bank
 * headers we map (English, French, German, Spanish, Dutch), lower case. */
static const MonthName month_names[] = {
  { "jan", 1 }, { "january", 1 }, { "janv", 1 }, { "janvier", 1 }, { "januar", 1 },
  { "ene", 1 }, { "enero", 1 }, { "januari", 1 },
  { "feb", 2 }, { "february", 2 }, { "fév", 2 }, { "févr", 2 }, { "fevr", 2 },
  { "février", 2 }, { "fevrier", 2 }, { "februar", 2 }, { "febrero", 2 }, { "februari", 2 },
  { "mar", 3 }, { "march", 3 }, { "mars", 3 }, { "mär", 3 }, { "märz", 3 }, { "maerz", 3 },
  { "marzo", 3 }, { "mrt", 3 }, { "maart", 3 },
  { "apr", 4 }, { "april", 4 }, { "avr", 4 }, { "avril", 4 }, { "abr", 4 }, { "abril", 4 },
  { "may", 5 }, { "mai", 5 }, { "mayo", 5 }, { "mei", 5 },
  { "jun", 6 }, { "june", 6 }, { "juin", 6 }, { "juni", 6 }, { "junio", 6 },
  { "jul", 7 }, { "july", 7 }, { "juil", 7 }, { "juillet", 7 }, { "juli", 7 }, { "julio", 7 },
  { "aug", 8 }, { "august", 8 }, { "août", 8 }, { "aout", 8 }, { "ago", 8 }, { "agosto", 8 },
  { "augustus", 8 },
  { "sep", 9 }, { "sept", 9 }, { "september", 9 }, { "septembre", 9 }, { "septiembre", 9 },
  { "oct", 10 }, { "october", 10 }, { "octobre", 10 }, { "okt", 10 }, { "oktober", 10 },
  { "octubre", 10 },
  { "nov", 11 }, { "november", 11 }, { "novembre", 11 }, { "noviembre", 11 },
  { "dec", 12 }, { "december", 12 }, { "déc", 12 }, { "décembre", 12 }, { "decembre", 12 },
  { "dez", 12 }, { "dezember", 12 }, { "dic", 12 }, { "diciembre", 12 },
};

static int
lookup_month (const char *word,
              gsize       length)
{
  g_autofree char *lower = g_utf8_strdown (word, length);
  gsize lower_length = strlen (lower);

  if (lower_length > 0 && lower[lower_length - 1] == '.')
    lower[lower_length - 1] = '\0';

  for (guint i = 0; i < G_N_ELEMENTS (month_names); i++)
    if (g_str_equal (lower, month_names[i].name))
      return month_names[i].month;

  return 0;
}

typedef struct
{
  gboolean is_word;
  int      value;       /* the number, or the month of a word */
  guint    digits;
} DateToken;

/* Two-digit years: Quicken marks the 2000s with an apostrophe ("1/ 2'05");
 * otherwise a window puts 70–99 in the 1900s and 00–69 in the 2000s. */
static int
expand_year (int      value,
             guint    digits,
             gboolean apostrophe)
{
  if (digits > 2)
    return value;

  if (apostrophe)
    return 2000 + value;

  return value < 70 ? 2000 + value : 1900 + value;
}

static gboolean
is_valid_day (int year,
              int month,
              int day)
{
  /* Bank data is never from before the 19th century, and a year read as
   * 0099 or 2199 is a misreading, not a date. */
  return year >= 1800 && year <= 2199 &&
         month >= 1 && month <= 12 &&
         day >= 1 && day <= g_date_get_days_in_month (month, year);
}

/**
 * budg_date_parts_scan:
 * @text: a date as a file has it
 * @qif: whether an apostrophe before the year means the 2000s
 * @parts: (out): its numbers
 *
 * Splits a date into day, month and year, or into two numbers whose order the
 * whole file must decide. A time of day after the date ("2026-01-02
 * 13:45:00", "2026-01-02T13:45Z") is ignored.
 *
 * Returns: %FALSE if @text is not a date in any order
 */
gboolean
budg_date_parts_scan (const char    *text,
                      gboolean       qif,
                      BudgDateParts *parts)
{
  g_autofree char *copy = NULL;
  DateToken tokens[4];
  guint n_tokens = 0;
  guint n_words = 0;
  gboolean apostrophe = FALSE;
  char *colon;
  char *p;

  g_return_val_if_fail (parts != NULL, FALSE);

  memset (parts, 0, sizeof *parts);

  if (text == NULL)
    return FALSE;

  copy = g_strstrip (g_strdup (text));

  /* Cut a time of day: back from the first colon over the hour and the
   * space or "T" before it. */
  if ((colon = strchr (copy, ':')) != NULL)
    {
      p = colon;
      while (p > copy && g_ascii_isdigit (p[-1]))
        p--;
      if (p > copy && (p[-1] == ' ' || p[-1] == 'T'))
        p--;
      *p = '\0';
      g_strchomp (copy);
    }

  p = copy;
  while (*p != '\0')
    {
      if (g_ascii_isdigit (*p))
        {
          int value = 0;
          guint digits = 0;

          while (g_ascii_isdigit (*p))
            {
              if (digits < 9)
                value = value * 10 + (*p - '0');
              digits++;
              p++;
            }

          if (n_tokens == G_N_ELEMENTS (tokens))
            return FALSE;

          tokens[n_tokens++] = (DateToken) { FALSE, value, digits };
        }
      else if (g_unichar_isalpha (g_utf8_get_char_validated (p, -1)))
        {
          const char *start = p;
          int month;

          while (*p != '\0')
            {
              gunichar c = g_utf8_get_char_validated (p, -1);

              if (c == (gunichar) -1 || c == (gunichar) -2 || !g_unichar_isalpha (c))
                break;
              p = g_utf8_next_char (p);
            }
          if (*p == '.')
            p++;

          if (n_tokens == G_N_ELEMENTS (tokens) ||
              (month = lookup_month (start, p - start)) == 0)
            return FALSE;

          tokens[n_tokens++] = (DateToken) { TRUE, month, 0 };
          n_words++;
        }
      else if (strchr ("/.- ,'\t", *p) != NULL)
        {
          /* A run of separators counts once; the first that is not a blank
           * is the date's separator ("1/ 2'05" is a slash date). */
          while (*p != '\0' && strchr ("/.- ,'\t", *p) != NULL)
            {
              if (*p == '\'')
                apostrophe = TRUE;
              else if (*p != ' ' && *p != '\t' && *p != ',' && parts->separator == 0 &&
                       n_words == 0)
                parts->separator = *p;
              p++;
            }
        }
      else
        {
          return FALSE;
        }
    }

  if (parts->separator == 0 && n_tokens > 1 && n_words == 0)
    parts->separator = ' ';

  if (n_tokens == 1 && !tokens[0].is_word && tokens[0].digits == 8)
    {
      int value = tokens[0].value;
      int year = value / 10000;

      /* YYYYMMDD; otherwise DDMMYYYY or MMDDYYYY, to be decided. */
      if (is_valid_day (year, value / 100 % 100, value % 100))
        {
          parts->shape = BUDG_DATE_SHAPE_FIXED;
          parts->year = year;
          parts->month = value / 100 % 100;
          parts->day = value % 100;
          return TRUE;
        }

      parts->shape = BUDG_DATE_SHAPE_YEAR_LAST;
      parts->n[0] = value / 1000000;
      parts->n[1] = value / 10000 % 100;
      parts->year = value % 10000;
      return TRUE;
    }

  if (n_tokens != 3)
    return FALSE;

  if (n_words == 0)
    {
      if (tokens[0].digits == 4)
        {
          parts->shape = BUDG_DATE_SHAPE_FIXED;
          parts->year = tokens[0].value;
          parts->month = tokens[1].value;
          parts->day = tokens[2].value;
          return tokens[1].digits <= 2 && tokens[2].digits <= 2 &&
                 is_valid_day (parts->year, parts->month, parts->day);
        }

      /* A three-digit year is a Y2K bug ("099" for 1999) or garbage; either
       * way it is not read without someone checking. */
      if (tokens[0].digits > 2 || tokens[1].digits > 2 ||
          tokens[2].digits == 3 || tokens[2].digits > 4)
        return FALSE;

      parts->shape = BUDG_DATE_SHAPE_YEAR_LAST;
      parts->n[0] = tokens[0].value;
      parts->n[1] = tokens[1].value;
      parts->year = expand_year (tokens[2].value, tokens[2].digits, qif && apostrophe);
      return TRUE;
    }

  if (n_words == 1)
    {
      DateToken numbers[2];
      guint n_numbers = 0;
      guint word_index = 0;

      for (guint i = 0; i < 3; i++)
        {
          if (tokens[i].is_word)
            word_index = i;
          else
            numbers[n_numbers++] = tokens[i];
        }

      parts->shape = BUDG_DATE_SHAPE_FIXED;
      parts->month = tokens[word_index].value;

      /* "07 Nov 2013", "Nov 7, 2013", "2013-Nov-07", "7-nov-13". */
      if (numbers[0].digits == 4 && word_index != 0)
        {
          parts->year = numbers[0].value;
          parts->day = numbers[1].value;
          if (numbers[1].digits > 2)
            return FALSE;
        }
      else
        {
          if (numbers[0].digits > 2 || numbers[1].digits == 3 || numbers[1].digits > 4)
            return FALSE;
          parts->day = numbers[0].value;
          parts->year = expand_year (numbers[1].value, numbers[1].digits, qif && apostrophe);
        }

      return is_valid_day (parts->year, parts->month, parts->day);
    }

  return FALSE;
}

/**
 * budg_date_parts_fits:
 * @parts: a scanned date
 * @order: %BUDG_DATE_ORDER_DMY or %BUDG_DATE_ORDER_MDY (any order fits a
 *   fixed date)
 *
 * Returns: whether @parts reads as a real day in that order
 */
gboolean
budg_date_parts_fits (const BudgDateParts *parts,
                      BudgDateOrder        order)
{
  g_return_val_if_fail (parts != NULL, FALSE);

  switch (parts->shape)
    {
    case BUDG_DATE_SHAPE_FIXED:
      return is_valid_day (parts->year, parts->month, parts->day);

    case BUDG_DATE_SHAPE_YEAR_LAST:
      if (order == BUDG_DATE_ORDER_DMY)
        return is_valid_day (parts->year, parts->n[1], parts->n[0]);
      if (order == BUDG_DATE_ORDER_MDY)
        return is_valid_day (parts->year, parts->n[0], parts->n[1]);
      return FALSE;

    case BUDG_DATE_SHAPE_INVALID:
    default:
      return FALSE;
    }
}

/* By hand rather than with printf: a big CSV file formats a million. */
static char *
format_iso (int year,
            int month,
            int day)
{
  char *iso = g_malloc (11);

  iso[0] = '0' + year / 1000;
  iso[1] = '0' + year / 100 % 10;
  iso[2] = '0' + year / 10 % 10;
  iso[3] = '0' + year % 10;
  iso[4] = '-';
  iso[5] = '0' + month / 10;
  iso[6] = '0' + month % 10;
  iso[7] = '-';
  iso[8] = '0' + day / 10;
  iso[9] = '0' + day % 10;
  iso[10] = '\0';

  return iso;
}

/**
 * budg_date_parts_to_iso:
 * @parts: a scanned date
 * @order: the file's order
 *
 * Returns: (transfer full) (nullable): the ISO date, or %NULL if @parts is
 *   not a real day in @order
 */
char *
budg_date_parts_to_iso (const BudgDateParts *parts,
                        BudgDateOrder        order)
{
  g_return_val_if_fail (parts != NULL, NULL);

  if (!budg_date_parts_fits (parts, order))
    return NULL;

  if (parts->shape == BUDG_DATE_SHAPE_FIXED)
    return format_iso (parts->year, parts->month, parts->day);

  if (order == BUDG_DATE_ORDER_DMY)
    return format_iso (parts->year, parts->n[1], parts->n[0]);

  return format_iso (parts->year, parts->n[0], parts->n[1]);
}

static gint64
julian_day (const BudgDateParts *parts,
            BudgDateOrder        order)
{
  int day = order == BUDG_DATE_ORDER_DMY ? parts->n[0] : parts->n[1];
  int month = order == BUDG_DATE_ORDER_DMY ? parts->n[1] : parts->n[0];
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, parts->year);

  return g_date_get_julian (&date);
}

/* The order of the user's locale ("%d.%m.%Y" in German, "%m/%d/%y" in C and
 * US English), for files that never say. */
static BudgDateOrder
locale_date_order (void)
{
  const char *format = nl_langinfo (D_FMT);
  const char *day = NULL;
  const char *month = NULL;

  for (const char *p = format; p != NULL && *p != '\0' && p[1] != '\0'; p++)
    {
      if (*p != '%')
        continue;
      if ((p[1] == 'd' || p[1] == 'e') && day == NULL)
        day = p;
      else if (p[1] == 'm' && month == NULL)
        month = p;
      else if (p[1] == 'D' || p[1] == 'x')
        return BUDG_DATE_ORDER_MDY;
    }

  if (day != NULL && month != NULL && day < month)
    return BUDG_DATE_ORDER_DMY;

  return BUDG_DATE_ORDER_MDY;
}

void
budg_date_guess_init (BudgDateGuess *guess)
{
  memset (guess, 0, sizeof *guess);
}

void
budg_date_guess_clear (BudgDateGuess *guess)
{
  g_clear_pointer (&guess->dmy_only_text, g_free);
  g_clear_pointer (&guess->mdy_only_text, g_free);
}

/**
 * budg_date_guess_add:
 * @guess: a guess
 * @parts: the next date of the file, in file order
 * @line: where it is
 * @text: how it reads (for the error message)
 *
 * Counts a date towards the file's order. A date that fits only one order
 * decides; dates that fit both give their spacing: statements are in date
 * order, so the order in which consecutive dates are closer is likelier.
 */
void
budg_date_guess_add (BudgDateGuess       *guess,
                     const BudgDateParts *parts,
                     guint                line,
                     const char          *text)
{
  gboolean dmy;
  gboolean mdy;

  if (parts->shape != BUDG_DATE_SHAPE_YEAR_LAST)
    return;

  dmy = budg_date_parts_fits (parts, BUDG_DATE_ORDER_DMY);
  mdy = budg_date_parts_fits (parts, BUDG_DATE_ORDER_MDY);

  if (!dmy && !mdy)
    return;

  guess->n_dates++;
  guess->n_separators++;
  if (parts->separator == '.')
    guess->n_dots++;

  if (dmy && !mdy && guess->dmy_only_line == 0)
    {
      guess->dmy_only_line = line;
      guess->dmy_only_text = g_strdup (text);
    }
  else if (mdy && !dmy && guess->mdy_only_line == 0)
    {
      guess->mdy_only_line = line;
      guess->mdy_only_text = g_strdup (text);
    }

  if (dmy && mdy)
    {
      if (guess->have_previous)
        {
          guess->distance_dmy += ABS (julian_day (parts, BUDG_DATE_ORDER_DMY) -
                                      julian_day (&guess->previous, BUDG_DATE_ORDER_DMY));
          guess->distance_mdy += ABS (julian_day (parts, BUDG_DATE_ORDER_MDY) -
                                      julian_day (&guess->previous, BUDG_DATE_ORDER_MDY));
        }
      guess->previous = *parts;
      guess->have_previous = TRUE;
    }
}

/**
 * budg_date_guess_finish:
 * @guess: a guess with every date of the file
 * @out_order: (out): %BUDG_DATE_ORDER_DMY or %BUDG_DATE_ORDER_MDY
 * @error: return location for a #GError
 *
 * Decides the order: the one some date requires; else the one that spaces
 * the dates closer; else day first if every date uses dots ("02.01.2026"),
 * which nobody writes month first; else the locale's.
 *
 * Returns: %FALSE if one date requires day first and another month first
 */
gboolean
budg_date_guess_finish (BudgDateGuess  *guess,
                        BudgDateOrder  *out_order,
                        GError        **error)
{
  if (guess->dmy_only_line != 0 && guess->mdy_only_line != 0)
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_AMBIGUOUS_DATES,
                   _("The dates contradict each other: “%s” on line %u can only be "
                     "day/month/year and “%s” on line %u only month/day/year. "
                     "Choose the date order to import this file."),
                   guess->dmy_only_text, guess->dmy_only_line,
                   guess->mdy_only_text, guess->mdy_only_line);
      return FALSE;
    }

  if (guess->dmy_only_line != 0)
    *out_order = BUDG_DATE_ORDER_DMY;
  else if (guess->mdy_only_line != 0)
    *out_order = BUDG_DATE_ORDER_MDY;
  else if (guess->distance_dmy < guess->distance_mdy)
    *out_order = BUDG_DATE_ORDER_DMY;
  else if (guess->distance_mdy < guess->distance_dmy)
    *out_order = BUDG_DATE_ORDER_MDY;
  else if (guess->n_dots > 0 && guess->n_dots == guess->n_separators)
    *out_order = BUDG_DATE_ORDER_DMY;
  else
    *out_order = locale_date_order ();

  return TRUE;
}

/* ---------------------------------------------------------------- amounts */

typedef struct
{
  gboolean negative;
  char     digits[48];
  guint    n_digits;
  /* Each '.' or ',' with the number of digits before it. */
  char     marks[24];
  guint    mark_at[24];
  guint    n_marks;
  gboolean grouped;     /* blanks or apostrophes between digits */
} AmountText;

static gboolean
is_group_blank (gunichar c)
{
  return c == ' ' || c == 0x00a0 || c == 0x202f || c == 0x2009 || c == '\'' || c == 0x2019;
}

static gboolean
has_suffix_nocase (const char *text,
                   gsize       length,
                   const char *suffix)
{
  gsize suffix_length = strlen (suffix);

  return length >= suffix_length &&
         g_ascii_strncasecmp (text + length - suffix_length, suffix, suffix_length) == 0;
}

/* Takes an amount apart: its sign, its digits and where the '.' and ','
 * marks fall among them. Currency symbols and codes around the number,
 * blanks between digit groups, "( )" and a trailing minus or "CR"/"DR" are
 * understood; anything else makes it not an amount. */
static gboolean
scan_amount (const char *text,
             AmountText *out)
{
  g_autofree char *copy = NULL;
  gboolean seen_sign = FALSE;
  gboolean seen_digit = FALSE;
  gboolean after_number = FALSE;
  guint letters = 0;
  gsize length;
  char *p;

  memset (out, 0, sizeof *out);

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return FALSE;

  copy = g_strdup (text);
  g_strstrip (copy);

  /* Non-breaking spaces are not stripped by g_strstrip. */
  while (g_str_has_prefix (copy, "\u00a0") || g_str_has_prefix (copy, "\u202f"))
    {
      gsize skip = g_utf8_next_char (copy) - copy;

      memmove (copy, copy + skip, strlen (copy + skip) + 1);
    }
  while (g_str_has_suffix (copy, "\u00a0") || g_str_has_suffix (copy, "\u202f"))
    copy[strlen (copy) - (g_str_has_suffix (copy, "\u00a0") ? 2 : 3)] = '\0';
  g_strstrip (copy);
  length = strlen (copy);

  if (length >= 2 && copy[0] == '(' && copy[length - 1] == ')')
    {
      out->negative = TRUE;
      seen_sign = TRUE;
      copy[--length] = '\0';
      memmove (copy, copy + 1, length--);
    }

  if (has_suffix_nocase (copy, length, "DR") || has_suffix_nocase (copy, length, "CR"))
    {
      if (seen_sign)
        return FALSE;
      out->negative = g_ascii_toupper (copy[length - 2]) == 'D';
      seen_sign = TRUE;
      copy[length -= 2] = '\0';
    }

  g_strchomp (copy);
  length = strlen (copy);

  /* "12,-" is twelve with no cents, as Germans and Swiss write it. */
  if (length >= 2 && copy[length - 1] == '-' && (copy[length - 2] == ',' || copy[length - 2] == '.'))
    copy[length -= 2] = '\0';
  else if (length > 0 && copy[length - 1] == '-')
    {
      if (seen_sign)
        return FALSE;
      out->negative = TRUE;
      seen_sign = TRUE;
      copy[--length] = '\0';
    }

  for (p = copy; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x80 && g_ascii_isdigit (c))
        {
          if (after_number)
            return FALSE;
          if (out->n_digits == sizeof out->digits - 1)
            return FALSE;
          out->digits[out->n_digits++] = (char) c;
          seen_digit = TRUE;
          letters = 0;
        }
      else if ((c == '.' || c == ',') && !after_number)
        {
          if (out->n_marks == G_N_ELEMENTS (out->marks))
            return FALSE;
          /* ".50" is half a unit; "12." a whole one. */
          out->marks[out->n_marks] = (char) c;
          out->mark_at[out->n_marks++] = out->n_digits;
        }
      else if (is_group_blank (c))
        {
          if (seen_digit)
            {
              const char *next = g_utf8_next_char (p);

              /* Between two digits it groups them; anywhere else it only
               * separates the number from a symbol or code. */
              if (g_ascii_isdigit (*next) && !after_number)
                out->grouped = TRUE;
              else
                after_number = TRUE;
            }
        }
      else if ((c == '+' || c == '-' || c == 0x2212 || c == 0x2013) && !seen_digit && out->n_marks == 0)
        {
          if (seen_sign)
            return FALSE;
          seen_sign = TRUE;
          out->negative = c != '+';
        }
      else if (g_unichar_type (c) == G_UNICODE_CURRENCY_SYMBOL)
        {
          if (seen_digit)
            after_number = TRUE;
        }
      else if (c < 0x80 && g_ascii_isalpha (c) && ++letters <= 3)
        {
          /* A currency code such as "EUR 12,00" or "12.50 USD". */
          if (seen_digit)
            after_number = TRUE;
        }
      else
        {
          return FALSE;
        }
    }

  return seen_digit;
}

/* Decides which of the marks, if any, is the decimal one; -1 for none.
 * @mark is the caller's explicit choice, @fallback the file's for amounts
 * such as "1,234" that read both ways. */
static gboolean
find_decimal (const AmountText *amount,
              BudgDecimalMark   mark,
              BudgDecimalMark   fallback,
              int              *out_index)
{
  guint n_points = 0;
  guint n_commas = 0;
  char last;
  char decimal;

  *out_index = -1;

  if (amount->n_marks == 0)
    return TRUE;

  for (guint i = 0; i < amount->n_marks; i++)
    {
      if (amount->marks[i] == '.')
        n_points++;
      else
        n_commas++;
    }

  last = amount->marks[amount->n_marks - 1];

  if (n_points > 0 && n_commas > 0)
    {
      /* "1,234.56" or "1.234,56": the last mark is the decimal one, alone of
       * its kind. */
      if ((last == '.' ? n_points : n_commas) != 1)
        return FALSE;
      decimal = last;
    }
  else if (amount->n_marks > 1)
    {
      decimal = 0;
    }
  else
    {
      guint after = amount->n_digits - amount->mark_at[0];
      BudgDecimalMark rule = mark;

      if (rule == BUDG_DECIMAL_MARK_AUTO)
        rule = after == 3 ? fallback : (last == '.' ? BUDG_DECIMAL_MARK_POINT : BUDG_DECIMAL_MARK_COMMA);

      decimal = (rule == BUDG_DECIMAL_MARK_POINT) == (last == '.') ? last : 0;
    }

  if (decimal != 0 && mark != BUDG_DECIMAL_MARK_AUTO &&
      (mark == BUDG_DECIMAL_MARK_POINT) != (decimal == '.'))
    return FALSE;

  if (decimal != 0)
    *out_index = amount->n_marks - 1;

  /* Every other mark separates thousands: a first group of one to three
   * digits, then groups of three. */
  for (guint i = 0; i < amount->n_marks; i++)
    {
      guint next = i + 1 < amount->n_marks ? amount->mark_at[i + 1] : amount->n_digits;

      if ((int) i == *out_index)
        continue;

      if (amount->mark_at[i] == 0 || next - amount->mark_at[i] != 3 ||
          (i == 0 && amount->mark_at[0] > 3))
        return FALSE;
    }

  return TRUE;
}

/**
 * budg_decimal_vote_add:
 * @vote: the file's count
 * @text: one of its amounts
 *
 * Counts @text if it shows which mark is decimal: both marks ("1.234,56"),
 * or one mark not followed by exactly three digits ("12,5", "-6.60").
 */
void
budg_decimal_vote_add (BudgDecimalVote *vote,
                       const char      *text)
{
  AmountText amount;
  int index;

  if (!scan_amount (text, &amount) || amount.n_marks == 0)
    return;

  if (amount.n_marks == 1 && amount.n_digits - amount.mark_at[0] == 3)
    return;

  if (!find_decimal (&amount, BUDG_DECIMAL_MARK_AUTO, BUDG_DECIMAL_MARK_POINT, &index) || index < 0)
    return;

  if (amount.marks[index] == '.')
    vote->point++;
  else
    vote->comma++;
}

/**
 * budg_decimal_vote_result:
 * @vote: a file's count
 *
 * Returns: the mark to read ambiguous amounts with: the comma if the file's
 *   amounts use it more, else the point
 */
BudgDecimalMark
budg_decimal_vote_result (const BudgDecimalVote *vote)
{
  return vote->comma > vote->point ? BUDG_DECIMAL_MARK_COMMA : BUDG_DECIMAL_MARK_POINT;
}

/**
 * budg_import_parse_amount:
 * @text: an amount as a file has it
 * @mark: the decimal mark the user chose, or %BUDG_DECIMAL_MARK_AUTO
 * @fallback: for %BUDG_DECIMAL_MARK_AUTO, how to read "1,234" and "1.234"
 * @minor_units: the currency's decimals
 * @out_minor: (out): the amount in minor units
 *
 * Reads an amount exactly. Decimals beyond the currency's are rounded half
 * away from zero (an investment account's "115.8331" is 115.83).
 *
 * Returns: %FALSE if @text is not an amount or does not fit in 64 bits
 */
gboolean
budg_import_parse_amount (const char      *text,
                          BudgDecimalMark  mark,
                          BudgDecimalMark  fallback,
                          guint            minor_units,
                          gint64          *out_minor)
{
  AmountText amount;
  guint64 value = 0;
  guint integer_digits;
  int index;

  g_return_val_if_fail (out_minor != NULL, FALSE);
  g_return_val_if_fail (minor_units <= 6, FALSE);

  if (!scan_amount (text, &amount) || !find_decimal (&amount, mark, fallback, &index))
    return FALSE;

  integer_digits = index >= 0 ? amount.mark_at[index] : amount.n_digits;

  for (guint i = 0; i < integer_digits + minor_units; i++)
    {
      guint digit = i < amount.n_digits ? (guint) (amount.digits[i] - '0') : 0;

      if (value > ((guint64) G_MAXINT64 - digit) / 10)
        return FALSE;
      value = value * 10 + digit;
    }

  if (integer_digits + minor_units < amount.n_digits &&
      amount.digits[integer_digits + minor_units] >= '5')
    {
      if (value == (guint64) G_MAXINT64)
        return FALSE;
      value++;
    }

  *out_minor = amount.negative ? -(gint64) value : (gint64) value;

  return TRUE;
}
