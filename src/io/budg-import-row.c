/* budg-import-row.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-import-row"

#include "config.h"

#include <string.h>

#include "budg-import-row.h"

/**
 * budg_import_split_new:
 *
 * Returns: (transfer full): an empty split
 */
BudgImportSplit *
budg_import_split_new (void)
{
  return g_new0 (BudgImportSplit, 1);
}

void
budg_import_split_free (BudgImportSplit *split)
{
  if (split == NULL)
    return;

  g_free (split->category);
  g_free (split->class_name);
  g_free (split->transfer_account);
  g_free (split->memo);
  g_free (split);
}

/**
 * budg_import_row_new:
 *
 * Returns: (transfer full): an empty row with an empty split list
 */
BudgImportRow *
budg_import_row_new (void)
{
  BudgImportRow *row = g_new0 (BudgImportRow, 1);

  row->splits = g_ptr_array_new_with_free_func ((GDestroyNotify) budg_import_split_free);

  return row;
}

void
budg_import_row_free (BudgImportRow *row)
{
  if (row == NULL)
    return;

  g_free (row->date);
  g_free (row->payee);
  g_free (row->memo);
  g_free (row->category);
  g_free (row->class_name);
  g_free (row->external_id);
  g_free (row->check_number);
  g_free (row->transfer_account);
  g_free (row->replaces_external_id);
  g_free (row->category_hint);
  g_ptr_array_unref (row->splits);
  g_free (row);
}

/**
 * budg_import_statement_new:
 *
 * Returns: (transfer full): a statement with no account details and no rows
 */
BudgImportStatement *
budg_import_statement_new (void)
{
  BudgImportStatement *statement = g_new0 (BudgImportStatement, 1);

  statement->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) budg_import_row_free);

  return statement;
}

void
budg_import_statement_free (BudgImportStatement *statement)
{
  if (statement == NULL)
    return;

  g_free (statement->bank_id);
  g_free (statement->account_number);
  g_free (statement->account_name);
  g_free (statement->currency);
  g_free (statement->ledger_balance_date);
  g_free (statement->start_date);
  g_free (statement->end_date);
  g_ptr_array_unref (statement->rows);
  g_free (statement);
}

static void
rejection_free (BudgImportRejection *rejection)
{
  g_free (rejection->reason);
  g_free (rejection);
}

/**
 * budg_import_result_new:
 * @format: what the file is read as
 *
 * Returns: (transfer full): a result with no statements and no rejections
 */
BudgImportResult *
budg_import_result_new (BudgImportFormat format)
{
  BudgImportResult *result = g_new0 (BudgImportResult, 1);

  result->format = format;
  result->statements = g_ptr_array_new_with_free_func ((GDestroyNotify) budg_import_statement_free);
  result->rejected = g_ptr_array_new_with_free_func ((GDestroyNotify) rejection_free);

  return result;
}

void
budg_import_result_free (BudgImportResult *result)
{
  if (result == NULL)
    return;

  g_free (result->encoding);
  g_ptr_array_unref (result->statements);
  g_ptr_array_unref (result->rejected);
  g_free (result);
}

/**
 * budg_import_result_reject:
 * @result: a result
 * @line: the line of the file, 1-based, or 0
 * @format: a translated printf format for the reason
 *
 * Records that the transaction at @line cannot be imported, and why.
 */
void
budg_import_result_reject (BudgImportResult *result,
                           guint             line,
                           const char       *format,
                           ...)
{
  BudgImportRejection *rejection;
  va_list args;

  g_return_if_fail (result != NULL);
  g_return_if_fail (format != NULL);

  rejection = g_new0 (BudgImportRejection, 1);
  rejection->line = line;
  va_start (args, format);
  rejection->reason = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (result->rejected, rejection);
}

static int
compare_rejections (gconstpointer a,
                    gconstpointer b)
{
  const BudgImportRejection *ra = *(const BudgImportRejection * const *) a;
  const BudgImportRejection *rb = *(const BudgImportRejection * const *) b;

  return (ra->line > rb->line) - (ra->line < rb->line);
}

/**
 * budg_import_result_sort_rejected:
 * @result: a result
 *
 * Puts the rejections in line order, keeping the order of those on the same
 * line (g_ptr_array_sort is a stable merge sort).
 */
void
budg_import_result_sort_rejected (BudgImportResult *result)
{
  g_return_if_fail (result != NULL);

  g_ptr_array_sort (result->rejected, compare_rejections);
}

/**
 * budg_import_result_get_n_rows:
 * @result: a result
 *
 * Returns: the number of rows over all statements
 */
guint
budg_import_result_get_n_rows (BudgImportResult *result)
{
  guint n = 0;

  g_return_val_if_fail (result != NULL, 0);

  for (guint i = 0; i < result->statements->len; i++)
    {
      BudgImportStatement *statement = g_ptr_array_index (result->statements, i);

      n += statement->rows->len;
    }

  return n;
}

static gboolean
has_suffix_nocase (const char *filename,
                   const char *suffix)
{
  gsize length;
  gsize suffix_length = strlen (suffix);

  if (filename == NULL)
    return FALSE;

  length = strlen (filename);

  return length >= suffix_length &&
         g_ascii_strcasecmp (filename + length - suffix_length, suffix) == 0;
}

/* Finds @needle in the first @length bytes of @data, ignoring ASCII case. */
static gboolean
contains_nocase (const guint8 *data,
                 gsize         length,
                 const char   *needle)
{
  gsize needle_length = strlen (needle);

  if (needle_length > length)
    return FALSE;

  for (gsize i = 0; i + needle_length <= length; i++)
    if (g_ascii_strncasecmp ((const char *) data + i, needle, needle_length) == 0)
      return TRUE;

  return FALSE;
}

static gboolean
looks_like_qif (const guint8 *data,
                gsize         length)
{
  gsize i = 0;

  /* Blank lines and "#" comments (which some writers put first) may come
   * before the first header line. */
  while (i < length)
    {
      gsize end = i;

      while (end < length && data[end] != '\n' && data[end] != '\r')
        end++;

      while (i < end && (data[i] == ' ' || data[i] == '\t'))
        i++;

      if (i < end && data[i] == '!')
        {
          const char *line = (const char *) data + i;
          gsize line_length = end - i;

          return (line_length >= 6 && g_ascii_strncasecmp (line, "!Type:", 6) == 0) ||
                 (line_length >= 8 && g_ascii_strncasecmp (line, "!Account", 8) == 0) ||
                 (line_length >= 7 && g_ascii_strncasecmp (line, "!Option", 7) == 0) ||
                 (line_length >= 6 && g_ascii_strncasecmp (line, "!Clear", 6) == 0);
        }

      if (i < end && data[i] != '#')
        return FALSE;

      i = end + 1;
    }

  return FALSE;
}

/**
 * budg_import_detect_format:
 * @data: the file's bytes
 * @length: their number
 * @filename: (nullable): the file's name, which decides between OFX and QFX
 *   and serves as a last hint
 *
 * Tells what a file is from its content: an OFX header or element makes
 * OFX (QFX when the name ends in .qfx or the content has Intuit's tags), a
 * "!Type:" or "!Account" line makes QIF; text with delimiters, or a name
 * ending in .csv, .tsv or .txt, is CSV.
 *
 * Returns: the format, or %BUDG_IMPORT_FORMAT_UNKNOWN
 */
BudgImportFormat
budg_import_detect_format (const guint8 *data,
                           gsize         length,
                           const char   *filename)
{
  gsize head = MIN (length, 4096);

  g_return_val_if_fail (data != NULL || length == 0, BUDG_IMPORT_FORMAT_UNKNOWN);

  if (length == 0)
    return BUDG_IMPORT_FORMAT_UNKNOWN;

  if (contains_nocase (data, head, "OFXHEADER") ||
      contains_nocase (data, head, "<OFX>"))
    {
      if (has_suffix_nocase (filename, ".qfx") ||
          contains_nocase (data, MIN (length, 65536), "<INTU."))
        return BUDG_IMPORT_FORMAT_QFX;

      return BUDG_IMPORT_FORMAT_OFX;
    }

  if (looks_like_qif (data, head))
    return BUDG_IMPORT_FORMAT_QIF;

  if (has_suffix_nocase (filename, ".csv") ||
      has_suffix_nocase (filename, ".tsv") ||
      has_suffix_nocase (filename, ".txt"))
    return BUDG_IMPORT_FORMAT_CSV;

  /* Without a telling name, text with a delimiter on its first line and no
   * NUL byte (unless it is UTF-16, where every other byte is one) will be
   * tried as CSV; the CSV parser refuses it if it is not. */
  if (memchr (data, '\0', head) == NULL || (length >= 2 &&
      ((data[0] == 0xff && data[1] == 0xfe) || (data[0] == 0xfe && data[1] == 0xff))))
    {
      for (gsize i = 0; i < head && data[i] != '\n'; i++)
        if (data[i] == ',' || data[i] == ';' || data[i] == '\t')
          return BUDG_IMPORT_FORMAT_CSV;
    }

  return BUDG_IMPORT_FORMAT_UNKNOWN;
}

/**
 * budg_import_format_to_string:
 * @format: a format
 *
 * Returns: the format's name as the CLI's --format takes it ("csv", "ofx",
 *   "qfx", "qif"; "unknown")
 */
const char *
budg_import_format_to_string (BudgImportFormat format)
{
  switch (format)
    {
    case BUDG_IMPORT_FORMAT_CSV:
      return "csv";
    case BUDG_IMPORT_FORMAT_OFX:
      return "ofx";
    case BUDG_IMPORT_FORMAT_QFX:
      return "qfx";
    case BUDG_IMPORT_FORMAT_QIF:
      return "qif";
    case BUDG_IMPORT_FORMAT_PLAID:
      return "plaid";
    case BUDG_IMPORT_FORMAT_UNKNOWN:
    default:
      return "unknown";
    }
}

/**
 * budg_import_format_from_string:
 * @text: "csv", "ofx", "qfx" or "qif", in any case
 *
 * Returns: the format, or %BUDG_IMPORT_FORMAT_UNKNOWN for anything else
 *   (including "auto")
 */
BudgImportFormat
budg_import_format_from_string (const char *text)
{
  static const BudgImportFormat formats[] = {
    BUDG_IMPORT_FORMAT_CSV, BUDG_IMPORT_FORMAT_OFX,
    BUDG_IMPORT_FORMAT_QFX, BUDG_IMPORT_FORMAT_QIF,
  };

  if (text == NULL)
    return BUDG_IMPORT_FORMAT_UNKNOWN;

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_ascii_strcasecmp (text, budg_import_format_to_string (formats[i])) == 0)
      return formats[i];

  return BUDG_IMPORT_FORMAT_UNKNOWN;
}

/**
 * budg_date_order_from_string:
 * @text: "auto", "ymd", "dmy", "mdy", or a pattern such as "DD.MM.YYYY",
 *   "%m/%d/%Y" or "yyyy-mm-dd"
 * @out_order: (out): the order
 *
 * Reads the date order as the CLI's --date-format gives it: only the order
 * of day, month and year matters, the separators do not.
 *
 * Returns: %FALSE if @text names no order
 */
gboolean
budg_date_order_from_string (const char    *text,
                             BudgDateOrder *out_order)
{
  const char *d = NULL;
  const char *m = NULL;
  const char *y = NULL;

  g_return_val_if_fail (out_order != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  if (g_ascii_strcasecmp (text, "auto") == 0)
    {
      *out_order = BUDG_DATE_ORDER_AUTO;
      return TRUE;
    }

  /* The first d, m and y, in either case, as in "dd/mm/yyyy", "%d.%m.%Y"
   * or "ymd"; "%e" is strftime's space-padded day. */
  for (const char *p = text; *p != '\0'; p++)
    {
      char c = g_ascii_tolower (*p);

      if ((c == 'd' || (c == 'e' && p > text && p[-1] == '%')) && d == NULL)
        d = p;
      else if (c == 'm' && m == NULL)
        m = p;
      else if (c == 'y' && y == NULL)
        y = p;
      else if (c != 'd' && c != 'm' && c != 'y' && g_ascii_isalpha (c))
        return FALSE;
    }

  if (d == NULL || m == NULL || y == NULL)
    return FALSE;

  if (y < m && m < d)
    *out_order = BUDG_DATE_ORDER_YMD;
  else if (d < m && m < y)
    *out_order = BUDG_DATE_ORDER_DMY;
  else if (m < d && d < y)
    *out_order = BUDG_DATE_ORDER_MDY;
  else
    return FALSE;

  return TRUE;
}
