/* budg-csv-parser.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "budg-import-row.h"

G_BEGIN_DECLS

/**
 * BudgCsvColumns:
 * @date: the booking date (required)
 * @amount: a signed amount; or unsigned with @sign
 * @debit: money out, when the file splits amounts into two columns
 * @credit: money in
 * @sign: "D"/"C", "Debit"/"Credit", "Af"/"Bij", "Soll"/"Haben"… for @amount
 * @payee: the payee, or the description when there is no payee column
 * @memo: more text about the transaction
 * @category: a category name
 * @balance: the balance after the row
 * @id: the bank's transaction id
 * @account: the account, when one file holds several
 * @currency: the ISO 4217 code of the row
 * @check_number: the check number
 *
 * Which column holds what: 0-based indices, -1 for none. A mapping needs
 * @date and either @amount or at least one of @debit and @credit.
 */
typedef struct
{
  int date;
  int amount;
  int debit;
  int credit;
  int sign;
  int payee;
  int memo;
  int category;
  int balance;
  int id;
  int account;
  int currency;
  int check_number;
} BudgCsvColumns;

/**
 * BudgCsvHeader:
 * @BUDG_CSV_HEADER_AUTO: find out whether a header row names the columns
 * @BUDG_CSV_HEADER_YES: the first row after the skipped lines is a header
 * @BUDG_CSV_HEADER_NO: every row after the skipped lines is data
 */
typedef enum
{
  BUDG_CSV_HEADER_AUTO,
  BUDG_CSV_HEADER_YES,
  BUDG_CSV_HEADER_NO,
} BudgCsvHeader;

/**
 * BudgCsvOptions:
 * @encoding: (nullable): the character set; %NULL to detect
 * @delimiter: ',', ';', '\t' or '|'; 0 to detect
 * @skip_lines: lines before the header (or the first row); -1 to detect
 * @header: whether there is a header row
 * @date_order: %BUDG_DATE_ORDER_AUTO to guess from the date column
 * @decimal_mark: %BUDG_DECIMAL_MARK_AUTO to decide from the amounts
 * @currency: (nullable): the ISO 4217 code of the account the rows go to,
 *   for rows without a currency column; decides the number of decimals
 * @columns_set: %FALSE to map the columns from the header names, or from
 *   the content of the rows when there is no header
 * @columns: the mapping when @columns_set
 * @header_names: (nullable) (array zero-terminated=1): filled by
 *   budg_csv_detect() with the header row's cells; %NULL without a header
 *
 * How to read a CSV file: what budg_csv_detect() finds, and what the user
 * (the mapping dialog, the CLI's --columns, --delimiter, --date-format,
 * --decimal-comma, --skip-lines and --encoding, a saved profile) says.
 */
typedef struct
{
  char             *encoding;
  char              delimiter;
  int               skip_lines;
  BudgCsvHeader     header;
  BudgDateOrder     date_order;
  BudgDecimalMark   decimal_mark;
  char             *currency;
  gboolean          columns_set;
  BudgCsvColumns    columns;
  char            **header_names;
} BudgCsvOptions;

/**
 * BudgCsvRecord:
 * @line: the 1-based line where the record starts
 * @fields: (array zero-terminated=1): its cells, unquoted
 *
 * One row of a CSV file as text, for a preview.
 */
typedef struct
{
  guint   line;
  char  **fields;
} BudgCsvRecord;

void              budg_csv_columns_init     (BudgCsvColumns        *columns);
gboolean          budg_csv_columns_parse    (BudgCsvColumns        *columns,
                                             const char            *spec,
                                             GError               **error);
char             *budg_csv_columns_to_string (const BudgCsvColumns *columns) G_GNUC_WARN_UNUSED_RESULT;

BudgCsvOptions   *budg_csv_options_new      (void) G_GNUC_WARN_UNUSED_RESULT;
BudgCsvOptions   *budg_csv_options_copy     (const BudgCsvOptions  *options) G_GNUC_WARN_UNUSED_RESULT;
void              budg_csv_options_free     (BudgCsvOptions        *options);

void              budg_csv_record_free      (BudgCsvRecord         *record);

BudgCsvOptions   *budg_csv_detect           (const guint8          *data,
                                             gsize                  length,
                                             const BudgCsvOptions  *hints,
                                             GError               **error) G_GNUC_WARN_UNUSED_RESULT;
BudgImportResult *budg_csv_parse            (const guint8          *data,
                                             gsize                  length,
                                             const BudgCsvOptions  *options,
                                             GError               **error) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray        *budg_csv_read_records     (const guint8          *data,
                                             gsize                  length,
                                             const BudgCsvOptions  *options,
                                             guint                  max_records,
                                             GError               **error) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BudgCsvOptions, budg_csv_options_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BudgCsvRecord, budg_csv_record_free)

G_END_DECLS
