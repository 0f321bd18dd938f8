/* budg-ofx-writer.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-ofx-writer"

#include "config.h"

#include <string.h>

#include "budg-money.h"
#include "budg-ofx-writer.h"

/* One account as an OFX 2.2 (XML) statement download: a bank statement
 * (STMTRS with BANKACCTFROM) or, for a credit card, CCSTMTRS with
 * CCACCTFROM; the statement's period; each transaction with its FITID,
 * date, amount, payee, memo and check number; the ledger balance.
 *
 * OFX says NAME holds 32 characters, but libofx (and with it GnuCash,
 * KMyMoney and Budg's own importer) keeps 96 bytes, so the payee is written
 * whole up to that and cut beyond it, at a character boundary; likewise the
 * memo at 255 bytes, the check number at 12 and the account number at 22,
 * libofx's limits. A bank statement has no categories, splits, transfers or
 * cleared status: those stay behind (QIF carries them).
 */

/* @text cut to at most @max bytes without splitting a character. */
static char *
cut_utf8 (const char *text,
          gsize       max)
{
  const char *end = text;

  while (*end != '\0')
    {
      const char *next = g_utf8_next_char (end);

      if ((gsize) (next - text) > max)
        break;
      end = next;
    }

  return g_strndup (text, end - text);
}

/* XML text: & < > escaped, and control characters (which XML 1.0 forbids
 * and a field cannot hold anyway) written as spaces. */
static void
append_escaped (GString    *out,
                const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '&':
          g_string_append (out, "&amp;");
          break;
        case '<':
          g_string_append (out, "&lt;");
          break;
        case '>':
          g_string_append (out, "&gt;");
          break;
        default:
          g_string_append_c (out, (guchar) *p < 0x20 ? ' ' : *p);
          break;
        }
    }
}

static void
add_element (GString    *out,
             int         depth,
             const char *tag,
             const char *value,
             gsize       max)
{
  g_autofree char *cut = NULL;

  if (value == NULL)
    return;

  cut = max > 0 ? cut_utf8 (value, max) : g_strdup (value);
  g_string_append_printf (out, "%*s<%s>", depth * 2, "", tag);
  append_escaped (out, cut);
  g_string_append_printf (out, "</%s>\n", tag);
}

static void
open_element (GString    *out,
              int         depth,
              const char *tag)
{
  g_string_append_printf (out, "%*s<%s>\n", depth * 2, "", tag);
}

static void
close_element (GString    *out,
               int         depth,
               const char *tag)
{
  g_string_append_printf (out, "%*s</%s>\n", depth * 2, "", tag);
}

/* "2026-01-02" → "20260102": OFX dates without a time are the whole day. */
static char *
ofx_date (const char *iso)
{
  GString *date = g_string_new (NULL);

  for (const char *p = iso; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (date, *p);

  return g_string_free (date, FALSE);
}

static void
add_date (GString    *out,
          int         depth,
          const char *tag,
          const char *iso)
{
  g_autofree char *date = NULL;

  if (iso == NULL)
    return;

  date = ofx_date (iso);
  add_element (out, depth, tag, date, 0);
}

static void
add_amount (GString    *out,
            int         depth,
            const char *tag,
            gint64      amount_minor,
            const char *currency)
{
  g_autofree char *plain = budg_money_format_plain (amount_minor, currency);

  add_element (out, depth, tag, plain, 0);
}

static const char *
bank_account_type (const BudgImportStatement *statement)
{
  if (statement->has_account_kind)
    switch (statement->account_kind)
      {
      case BUDG_ACCOUNT_KIND_SAVINGS:
        return "SAVINGS";
      case BUDG_ACCOUNT_KIND_LOAN:
        return "CREDITLINE";
      case BUDG_ACCOUNT_KIND_CHECKING:
      case BUDG_ACCOUNT_KIND_CREDIT_CARD:
      case BUDG_ACCOUNT_KIND_CASH:
      case BUDG_ACCOUNT_KIND_INVESTMENT:
      default:
        break;
      }

  return "CHECKING";
}

static void
write_transaction (GString             *out,
                   int                  depth,
                   const BudgImportRow *row,
                   guint                index,
                   const char          *currency)
{
  g_autofree char *fitid = NULL;

  /* FITID is required; a row without the bank's id gets one that is at
   * least stable for the same file. */
  fitid = row->external_id != NULL ? g_strdup (row->external_id)
                                   : g_strdup_printf ("%s-%u", row->date, index + 1);

  open_element (out, depth, "STMTTRN");
  add_element (out, depth + 1, "TRNTYPE", row->amount_minor < 0 ? "DEBIT" : "CREDIT", 0);
  add_date (out, depth + 1, "DTPOSTED", row->date);
  add_amount (out, depth + 1, "TRNAMT", row->amount_minor, currency);
  add_element (out, depth + 1, "FITID", fitid, 255);
  add_element (out, depth + 1, "CHECKNUM", row->check_number, BUDG_OFX_CHECKNUM_MAX);
  add_element (out, depth + 1, "NAME", row->payee, BUDG_OFX_NAME_MAX);
  add_element (out, depth + 1, "MEMO", row->memo, BUDG_OFX_MEMO_MAX);
  close_element (out, depth, "STMTTRN");
}

/**
 * budg_ofx_write:
 * @statement: one account's transactions, with its @currency, kind, bank id
 *   and account number, period and ledger balance
 * @out_length: (out) (optional): the length of the text in bytes
 *
 * Writes an OFX 2.2 statement that budg_ofx_parse() reads back to the same
 * rows (payees, memos and check numbers within libofx's lengths, see
 * #BUDG_OFX_NAME_MAX).
 *
 * Returns: (transfer full): the file's text, UTF-8 XML
 */
char *
budg_ofx_write (const BudgImportStatement *statement,
                gsize                     *out_length)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *server_time = g_date_time_format (now, "%Y%m%d%H%M%S");
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  const char *first_date = NULL;
  const char *last_date = NULL;
  const char *currency;
  gboolean credit_card;
  GString *out;

  g_return_val_if_fail (statement != NULL, NULL);

  currency = statement->currency != NULL ? statement->currency : "";
  credit_card = statement->has_account_kind &&
                statement->account_kind == BUDG_ACCOUNT_KIND_CREDIT_CARD;

  out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n"
                      "<?OFX OFXHEADER=\"200\" VERSION=\"220\" SECURITY=\"NONE\""
                      " OLDFILEUID=\"NONE\" NEWFILEUID=\"NONE\"?>\n");
  open_element (out, 0, "OFX");
  open_element (out, 1, "SIGNONMSGSRSV1");
  open_element (out, 2, "SONRS");
  open_element (out, 3, "STATUS");
  add_element (out, 4, "CODE", "0", 0);
  add_element (out, 4, "SEVERITY", "INFO", 0);
  close_element (out, 3, "STATUS");
  add_element (out, 3, "DTSERVER", server_time, 0);
  add_element (out, 3, "LANGUAGE", "ENG", 0);
  close_element (out, 2, "SONRS");
  close_element (out, 1, "SIGNONMSGSRSV1");

  open_element (out, 1, credit_card ? "CREDITCARDMSGSRSV1" : "BANKMSGSRSV1");
  open_element (out, 2, credit_card ? "CCSTMTTRNRS" : "STMTTRNRS");
  add_element (out, 3, "TRNUID", "1", 0);
  open_element (out, 3, "STATUS");
  add_element (out, 4, "CODE", "0", 0);
  add_element (out, 4, "SEVERITY", "INFO", 0);
  close_element (out, 3, "STATUS");
  open_element (out, 3, credit_card ? "CCSTMTRS" : "STMTRS");
  add_element (out, 4, "CURDEF", currency, 0);

  if (credit_card)
    {
      open_element (out, 4, "CCACCTFROM");
      add_element (out, 5, "ACCTID", statement->account_number, BUDG_OFX_ACCTID_MAX);
      close_element (out, 4, "CCACCTFROM");
    }
  else
    {
      open_element (out, 4, "BANKACCTFROM");
      add_element (out, 5, "BANKID", statement->bank_id != NULL ? statement->bank_id : "000000000",
                   BUDG_OFX_BANKID_MAX);
      add_element (out, 5, "ACCTID", statement->account_number, BUDG_OFX_ACCTID_MAX);
      add_element (out, 5, "ACCTTYPE", bank_account_type (statement), 0);
      close_element (out, 4, "BANKACCTFROM");
    }

  /* The period is required; without one, the rows' own dates make it. */
  for (guint i = 0; i < statement->rows->len; i++)
    {
      const BudgImportRow *row = g_ptr_array_index (statement->rows, i);

      if (first_date == NULL || strcmp (row->date, first_date) < 0)
        first_date = row->date;
      if (last_date == NULL || strcmp (row->date, last_date) > 0)
        last_date = row->date;
    }
  if (statement->start_date != NULL)
    first_date = statement->start_date;
  if (statement->end_date != NULL)
    last_date = statement->end_date;
  if (first_date == NULL)
    first_date = last_date = today;

  open_element (out, 4, "BANKTRANLIST");
  add_date (out, 5, "DTSTART", first_date);
  add_date (out, 5, "DTEND", last_date);
  for (guint i = 0; i < statement->rows->len; i++)
    write_transaction (out, 5, g_ptr_array_index (statement->rows, i), i, currency);
  close_element (out, 4, "BANKTRANLIST");

  if (statement->has_ledger_balance)
    {
      open_element (out, 4, "LEDGERBAL");
      add_amount (out, 5, "BALAMT", statement->ledger_balance_minor, currency);
      add_date (out, 5, "DTASOF", statement->ledger_balance_date);
      close_element (out, 4, "LEDGERBAL");
    }

  close_element (out, 3, credit_card ? "CCSTMTRS" : "STMTRS");
  close_element (out, 2, credit_card ? "CCSTMTTRNRS" : "STMTTRNRS");
  close_element (out, 1, credit_card ? "CREDITCARDMSGSRSV1" : "BANKMSGSRSV1");
  close_element (out, 0, "OFX");

  if (out_length != NULL)
    *out_length = out->len;

  return g_string_free (out, FALSE);
}
