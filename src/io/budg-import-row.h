/* budg-import-row.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "budg-types.h"

G_BEGIN_DECLS

/* What the file parsers (OFX/QFX, QIF, CSV) hand to the importer: plain data,
 * no database, no GTK. The contract, for every parser:
 *
 * - A file that cannot be read as a whole (not that format, empty, dates that
 *   contradict each other, libofx gave up) is a GError and no result at all.
 * - Otherwise every transaction in the file is either a #BudgImportRow in one
 *   of the statements or a #BudgImportRejection that names its line and the
 *   problem; nothing is dropped without a word. Lists that are not
 *   transactions (QIF category, class, memorized and security lists, CSV
 *   preamble lines, blank lines) are skipped.
 * - Rows keep the file's order. Dates are ISO 8601 calendar days
 *   ("2026-01-02"); amounts are gint64 minor units with Budg's sign (negative
 *   = money out of the account), in the statement's currency or, when the
 *   statement has none, in the currency the caller passed in the options
 *   (hundredths when it passed none either).
 * - Text is UTF-8, trimmed, NULL rather than empty.
 */

/**
 * BudgImportFormat:
 * @BUDG_IMPORT_FORMAT_UNKNOWN: not a format Budg reads
 * @BUDG_IMPORT_FORMAT_CSV: comma-, semicolon- or tab-separated values
 * @BUDG_IMPORT_FORMAT_OFX: Open Financial Exchange 1.x (SGML) or 2.x (XML)
 * @BUDG_IMPORT_FORMAT_QFX: Quicken's OFX with Intuit extensions
 * @BUDG_IMPORT_FORMAT_QIF: Quicken Interchange Format
 * @BUDG_IMPORT_FORMAT_PLAID: not a file: transactions from a bank connection
 */
typedef enum
{
  BUDG_IMPORT_FORMAT_UNKNOWN,
  BUDG_IMPORT_FORMAT_CSV,
  BUDG_IMPORT_FORMAT_OFX,
  BUDG_IMPORT_FORMAT_QFX,
  BUDG_IMPORT_FORMAT_QIF,
  BUDG_IMPORT_FORMAT_PLAID,
} BudgImportFormat;

/**
 * BudgDateOrder:
 * @BUDG_DATE_ORDER_AUTO: guess from all the dates of the file
 * @BUDG_DATE_ORDER_YMD: year, month, day ("2026-01-02", "20260102")
 * @BUDG_DATE_ORDER_DMY: day, month, year ("02/01/2026", "2.1.26")
 * @BUDG_DATE_ORDER_MDY: month, day, year ("1/2/2026", "1/ 2'26")
 *
 * How to read dates made of three numbers. Dates whose form decides by
 * itself (a four-digit year first, a month name) read the same whatever the
 * order.
 */
typedef enum
{
  BUDG_DATE_ORDER_AUTO,
  BUDG_DATE_ORDER_YMD,
  BUDG_DATE_ORDER_DMY,
  BUDG_DATE_ORDER_MDY,
} BudgDateOrder;

/**
 * BudgDecimalMark:
 * @BUDG_DECIMAL_MARK_AUTO: decide per amount, and for amounts such as
 *   "1,234" that read both ways, from the other amounts of the file
 * @BUDG_DECIMAL_MARK_POINT: "1,234.56"
 * @BUDG_DECIMAL_MARK_COMMA: "1.234,56"
 */
typedef enum
{
  BUDG_DECIMAL_MARK_AUTO,
  BUDG_DECIMAL_MARK_POINT,
  BUDG_DECIMAL_MARK_COMMA,
} BudgDecimalMark;

/**
 * BudgImportStatus:
 * @BUDG_IMPORT_STATUS_UNKNOWN: the file does not say (OFX, CSV)
 * @BUDG_IMPORT_STATUS_UNCLEARED: QIF without a C field
 * @BUDG_IMPORT_STATUS_CLEARED: QIF "C*" or "Cc"
 * @BUDG_IMPORT_STATUS_RECONCILED: QIF "CX" or "CR"
 */
typedef enum
{
  BUDG_IMPORT_STATUS_UNKNOWN,
  BUDG_IMPORT_STATUS_UNCLEARED,
  BUDG_IMPORT_STATUS_CLEARED,
  BUDG_IMPORT_STATUS_RECONCILED,
} BudgImportStatus;

/**
 * BudgImportSplit:
 * @category: (nullable): "Parent:Child"
 * @class_name: (nullable): the QIF class
 * @transfer_account: (nullable): the account of a QIF "[Account]" split
 * @memo: (nullable): the split's own memo
 * @amount_minor: signed like the row
 *
 * One part of a split QIF transaction. When a row has splits they add up to
 * its amount: a remainder the file leaves unassigned becomes a last split
 * with no category.
 */
typedef struct
{
  char   *category;
  char   *class_name;
  char   *transfer_account;
  char   *memo;
  gint64  amount_minor;
} BudgImportSplit;

/**
 * BudgImportRow:
 * @line: the 1-based line of the file where the transaction starts (0 when
 *   libofx could not place it)
 * @date: the ISO date the transaction took effect (OFX DTPOSTED)
 * @amount_minor: minor units, negative = money out
 * @payee: (nullable): OFX NAME, QIF P, the CSV payee or description column
 * @memo: (nullable): OFX MEMO, QIF M, the CSV memo column
 * @category: (nullable): "Parent:Child" as the file has it (QIF L, CSV)
 * @class_name: (nullable): the QIF class ("L Category/Class")
 * @external_id: (nullable): the bank's id: OFX FITID, the CSV id column
 * @check_number: (nullable): OFX CHECKNUM, QIF N, the CSV check column
 * @transfer_account: (nullable): the other account of a QIF "L[Account]"
 * @has_balance: whether @balance_minor is known (CSV balance column)
 * @balance_minor: the account's balance after this row
 * @status: the cleared status the file gives
 * @opening_balance: QIF's convention for a starting balance: "Opening
 *   Balance" transferred to the account itself (the transfer is dropped)
 * @replaces_external_id: (nullable): OFX CORRECTFITID with CORRECTACTION
 *   REPLACE: the bank corrects the transaction with this id
 * @category_hint: (nullable): a category the source suggests (Plaid's
 *   personal finance category), used only when no rule sets one: unlike
 *   @category, which the user wrote and which wins over the rules
 * @splits: (element-type BudgImportSplit): never %NULL, empty if not split
 *
 * One transaction read from a file.
 */
typedef struct
{
  guint             line;
  char             *date;
  gint64            amount_minor;
  char             *payee;
  char             *memo;
  char             *category;
  char             *class_name;
  char             *external_id;
  char             *check_number;
  char             *transfer_account;
  gboolean          has_balance;
  gint64            balance_minor;
  BudgImportStatus  status;
  gboolean          opening_balance;
  char             *replaces_external_id;
  char             *category_hint;
  GPtrArray        *splits;
} BudgImportRow;

/**
 * BudgImportStatement:
 * @bank_id: (nullable): OFX BANKID (or BROKERID)
 * @account_number: (nullable): OFX ACCTID, the CSV account column
 * @account_name: (nullable): the QIF "!Account" name
 * @has_account_kind: whether @account_kind says something
 * @account_kind: checking, credit card… as the file declares it
 * @currency: (nullable): ISO 4217 code (OFX CURDEF, the CSV currency column)
 * @has_ledger_balance: whether @ledger_balance_minor and
 *   @ledger_balance_date are known
 * @ledger_balance_minor: the balance the bank reports (OFX LEDGERBAL), or the
 *   CSV balance column on the latest row
 * @ledger_balance_date: (nullable): ISO date of that balance
 * @start_date: (nullable): the period the bank says the statement covers
 *   (OFX DTSTART); transactions may still fall outside it
 * @end_date: (nullable): OFX DTEND
 * @rows: (element-type BudgImportRow): in file order
 * @account_id: the Budg account the statement goes to when the source
 *   already knows it (a bank connection's mapped account), or 0 to find it
 *
 * The transactions of one account, with what the file says about the
 * account, so that the importer can find it (by bank id and number, or by
 * name) or create it.
 */
typedef struct
{
  char            *bank_id;
  char            *account_number;
  char            *account_name;
  gboolean         has_account_kind;
  BudgAccountKind  account_kind;
  char            *currency;
  gboolean         has_ledger_balance;
  gint64           ledger_balance_minor;
  char            *ledger_balance_date;
  char            *start_date;
  char            *end_date;
  GPtrArray       *rows;
  gint64           account_id;
} BudgImportStatement;

/**
 * BudgImportRejection:
 * @line: the 1-based line of the file (0 when it cannot be placed)
 * @reason: a translated sentence naming the problem
 *
 * A transaction of the file that cannot be imported.
 */
typedef struct
{
  guint  line;
  char  *reason;
} BudgImportRejection;

/**
 * BudgImportResult:
 * @format: what the file was read as
 * @encoding: the character set the file was decoded from ("UTF-8",
 *   "WINDOWS-1252"…)
 * @statements: (element-type BudgImportStatement): in file order
 * @rejected: (element-type BudgImportRejection): sorted by line
 *
 * Everything a parser read from one file.
 */
typedef struct
{
  BudgImportFormat  format;
  char             *encoding;
  GPtrArray        *statements;
  GPtrArray        *rejected;
} BudgImportResult;

BudgImportSplit     *budg_import_split_new              (void) G_GNUC_WARN_UNUSED_RESULT;
void                 budg_import_split_free             (BudgImportSplit     *split);

BudgImportRow       *budg_import_row_new                (void) G_GNUC_WARN_UNUSED_RESULT;
void                 budg_import_row_free               (BudgImportRow       *row);

BudgImportStatement *budg_import_statement_new          (void) G_GNUC_WARN_UNUSED_RESULT;
void                 budg_import_statement_free         (BudgImportStatement *statement);

BudgImportResult    *budg_import_result_new             (BudgImportFormat     format) G_GNUC_WARN_UNUSED_RESULT;
void                 budg_import_result_free            (BudgImportResult    *result);
void                 budg_import_result_reject          (BudgImportResult    *result,
                                                         guint                line,
                                                         const char          *format,
                                                         ...) G_GNUC_PRINTF (3, 4);
void                 budg_import_result_sort_rejected   (BudgImportResult    *result);
guint                budg_import_result_get_n_rows      (BudgImportResult    *result);

BudgImportFormat     budg_import_detect_format          (const guint8        *data,
                                                         gsize                length,
                                                         const char          *filename);
const char          *budg_import_format_to_string       (BudgImportFormat     format);
BudgImportFormat     budg_import_format_from_string     (const char          *text);

gboolean             budg_date_order_from_string        (const char          *text,
                                                         BudgDateOrder       *out_order);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BudgImportSplit, budg_import_split_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BudgImportRow, budg_import_row_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BudgImportStatement, budg_import_statement_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BudgImportResult, budg_import_result_free)

G_END_DECLS
