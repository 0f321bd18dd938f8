/* budg-qif-writer.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-qif-writer"

#include "config.h"

#include <string.h>

#include "budg-money.h"
#include "budg-qif-writer.h"

/* QIF has no date format and no currency, so the file is written in the
 * forms that cannot be misread: ISO dates ("D2026-01-02", which no day/month
 * guess can turn around), amounts with a point and no grouping, as many
 * decimals as the account's currency has, UTF-8. Each account gets an
 * "!Account" record naming it, so that several accounts fit in one file and
 * "[Account]" transfers can be followed on import.
 *
 * What QIF cannot hold is lost: the kinds other than bank, cash, credit card
 * and liability (savings and investment accounts are written as "Bank"),
 * line breaks in text (written as spaces, since a QIF field is one line),
 * and a "/" inside a category name, which QIF reads as the start of a class.
 */

static const char *
section_type (const BudgImportStatement *statement)
{
  if (!statement->has_account_kind)
    return "Bank";

  switch (statement->account_kind)
    {
    case BUDG_ACCOUNT_KIND_CASH:
      return "Cash";
    case BUDG_ACCOUNT_KIND_CREDIT_CARD:
      return "CCard";
    case BUDG_ACCOUNT_KIND_LOAN:
      return "Oth L";
    case BUDG_ACCOUNT_KIND_CHECKING:
    case BUDG_ACCOUNT_KIND_SAVINGS:
    case BUDG_ACCOUNT_KIND_INVESTMENT:
    default:
      return "Bank";
    }
}

/* One field: the code, then the value on the same line. */
static void
add_field (GString    *out,
           char        code,
           const char *value)
{
  g_string_append_c (out, code);
  for (const char *p = value; p != NULL && *p != '\0'; p++)
    g_string_append_c (out, *p == '\n' || *p == '\r' ? ' ' : *p);
  g_string_append_c (out, '\n');
}

static void
add_amount (GString    *out,
            char        code,
            gint64      amount_minor,
            const char *currency)
{
  g_autofree char *plain = budg_money_format_plain (amount_minor, currency);

  add_field (out, code, plain);
}

/* "Food:Groceries", "[Savings]", "Food/Class", "[Savings]/Class". */
static char *
category_field (const char *category,
                const char *transfer_account,
                const char *class_name)
{
  GString *field = g_string_new (NULL);

  if (transfer_account != NULL)
    g_string_append_printf (field, "[%s]", transfer_account);
  else if (category != NULL)
    g_string_append (field, category);

  if (class_name != NULL)
    g_string_append_printf (field, "/%s", class_name);

  return g_string_free (field, FALSE);
}

static void
write_row (GString             *out,
           const BudgImportRow *row,
           const char          *currency)
{
  add_field (out, 'D', row->date);
  add_amount (out, 'T', row->amount_minor, currency);

  if (row->status == BUDG_IMPORT_STATUS_CLEARED)
    add_field (out, 'C', "*");
  else if (row->status == BUDG_IMPORT_STATUS_RECONCILED)
    add_field (out, 'C', "X");

  if (row->check_number != NULL)
    add_field (out, 'N', row->check_number);
  if (row->payee != NULL)
    add_field (out, 'P', row->payee);
  if (row->memo != NULL)
    add_field (out, 'M', row->memo);

  /* A split transaction has its categories in the splits only. */
  if (row->splits->len == 0 &&
      (row->category != NULL || row->transfer_account != NULL || row->class_name != NULL))
    {
      g_autofree char *field = category_field (row->category, row->transfer_account, row->class_name);

      add_field (out, 'L', field);
    }

  for (guint i = 0; i < row->splits->len; i++)
    {
      const BudgImportSplit *split = g_ptr_array_index (row->splits, i);
      g_autofree char *field = category_field (split->category, split->transfer_account,
                                               split->class_name);

      add_field (out, 'S', field);
      if (split->memo != NULL)
        add_field (out, 'E', split->memo);
      add_amount (out, '$', split->amount_minor, currency);
    }

  g_string_append (out, "^\n");
}

/**
 * budg_qif_write:
 * @statements: (element-type BudgImportStatement): the accounts to write,
 *   each with its @account_name, @account_kind, @currency and rows
 * @out_length: (out) (optional): the length of the text in bytes
 *
 * Writes statements as a QIF file that budg_qif_parse() reads back to the
 * same rows: date, amount, payee, memo, category, transfer account, class,
 * check number, cleared status and splits.
 *
 * Returns: (transfer full): the file's text, UTF-8
 */
char *
budg_qif_write (GPtrArray *statements,
                gsize     *out_length)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (statements != NULL, NULL);

  for (guint i = 0; i < statements->len; i++)
    {
      const BudgImportStatement *statement = g_ptr_array_index (statements, i);
      const char *currency = statement->currency != NULL ? statement->currency : "";
      const char *type = section_type (statement);

      if (statement->account_name != NULL)
        {
          g_string_append (out, "!Account\n");
          add_field (out, 'N', statement->account_name);
          add_field (out, 'T', type);
          g_string_append (out, "^\n");
        }

      g_string_append_printf (out, "!Type:%s\n", type);
      for (guint j = 0; j < statement->rows->len; j++)
        write_row (out, g_ptr_array_index (statement->rows, j), currency);
    }

  if (out_length != NULL)
    *out_length = out->len;

  return g_string_free (out, FALSE);
}
