/* budg-qif-parser.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-qif-parser"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "budg-error.h"
#include "budg-import-private.h"
#include "budg-money.h"
#include "budg-qif-parser.h"

/* Quicken Interchange Format: "!Type:Bank" (Cash, CCard, Oth A, Oth L)
 * headers, then records of one-letter fields, each record ended by "^".
 * "!Account" records name the account the following sections belong to;
 * between "!Option:AutoSwitch" and "!Clear:AutoSwitch" they only list
 * accounts. Category, class, memorized-transaction and security lists are
 * not transactions and are skipped; investment records are rejected one by
 * one, so that the user sees them.
 *
 * QIF has no date format: "1/2/2026" is January or February depending on
 * who wrote it. The file is read twice: first into raw records while every
 * date and amount is counted, then, once the day/month order and the
 * decimal mark of the whole file are known, into rows.
 */

typedef enum
{
  SECTION_NONE,
  SECTION_ACCOUNT,
  SECTION_TRANSACTIONS,
  SECTION_INVESTMENT,
  SECTION_SKIP,
} SectionKind;

typedef struct
{
  char *category_field;
  char *memo;
  char *amount;
  guint line;
} RawSplit;

typedef struct
{
  guint       line;
  guint       statement;
  gboolean    investment;
  gboolean    truncated;
  char       *date;
  guint       date_line;
  char       *amount;
  guint       amount_line;
  char       *payee;
  char       *memo;
  char       *cleared;
  char       *number;
  char       *category_field;
  GPtrArray  *splits;
} RawRecord;

typedef struct
{
  char       *key;
  char       *name;
  gboolean    has_kind;
  BudgAccountKind kind;
  char       *balance;
  char       *balance_date;
  guint       balance_line;
} RawStatement;

typedef struct
{
  GPtrArray     *statements;     /* RawStatement */
  GPtrArray     *records;        /* RawRecord */
  GHashTable    *accounts;       /* name → RawStatement index + 1 */
  BudgDateGuess  guess;
  BudgDecimalVote vote;

  SectionKind    section;
  char          *section_type;   /* "Bank", "CCard"… */
  gboolean       autoswitch;
  char          *current_account;
  guint          current_statement;
  gboolean       have_statement;

  /* The record being read. */
  RawRecord     *record;
  RawSplit      *split;
  char          *account_name;
  char          *account_type;
  char          *account_balance;
  char          *account_balance_date;
  guint          account_line;
} QifReader;

static void
raw_split_free (RawSplit *split)
{
  g_free (split->category_field);
  g_free (split->memo);
  g_free (split->amount);
  g_free (split);
}

static void
raw_record_free (RawRecord *record)
{
  g_free (record->date);
  g_free (record->amount);
  g_free (record->payee);
  g_free (record->memo);
  g_free (record->cleared);
  g_free (record->number);
  g_free (record->category_field);
  g_ptr_array_unref (record->splits);
  g_free (record);
}

static void
raw_statement_free (RawStatement *statement)
{
  g_free (statement->key);
  g_free (statement->name);
  g_free (statement->balance);
  g_free (statement->balance_date);
  g_free (statement);
}

static void
qif_reader_clear (QifReader *reader)
{
  g_clear_pointer (&reader->statements, g_ptr_array_unref);
  g_clear_pointer (&reader->records, g_ptr_array_unref);
  g_clear_pointer (&reader->accounts, g_hash_table_unref);
  budg_date_guess_clear (&reader->guess);
  g_clear_pointer (&reader->section_type, g_free);
  g_clear_pointer (&reader->current_account, g_free);
  g_clear_pointer (&reader->record, raw_record_free);
  g_clear_pointer (&reader->account_name, g_free);
  g_clear_pointer (&reader->account_type, g_free);
  g_clear_pointer (&reader->account_balance, g_free);
  g_clear_pointer (&reader->account_balance_date, g_free);
}

static gboolean
parse_account_kind (const char      *type,
                    BudgAccountKind *out_kind)
{
  static const struct { const char *name; BudgAccountKind kind; } kinds[] = {
    { "Bank", BUDG_ACCOUNT_KIND_CHECKING },
    { "Cash", BUDG_ACCOUNT_KIND_CASH },
    { "CCard", BUDG_ACCOUNT_KIND_CREDIT_CARD },
    { "Invst", BUDG_ACCOUNT_KIND_INVESTMENT },
    { "Port", BUDG_ACCOUNT_KIND_INVESTMENT },
    { "401(k)/403(b)", BUDG_ACCOUNT_KIND_INVESTMENT },
    { "Oth L", BUDG_ACCOUNT_KIND_LOAN },
  };

  if (type == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      if (g_ascii_strcasecmp (type, kinds[i].name) == 0)
        {
          *out_kind = kinds[i].kind;
          return TRUE;
        }
    }

  return FALSE;
}

/* The statement for an account name, or for the file's unnamed account of
 * this section type. */
static guint
find_statement (QifReader  *reader,
                const char *name,
                const char *type)
{
  g_autofree char *key = name != NULL ? g_strconcat ("N", name, NULL)
                                      : g_strconcat ("T", type ? type : "", NULL);
  RawStatement *statement;
  gpointer index;

  if (g_hash_table_lookup_extended (reader->accounts, key, NULL, &index))
    return GPOINTER_TO_UINT (index) - 1;

  statement = g_new0 (RawStatement, 1);
  statement->key = g_strdup (key);
  statement->name = g_strdup (name);
  statement->has_kind = parse_account_kind (type, &statement->kind);
  g_ptr_array_add (reader->statements, statement);
  g_hash_table_insert (reader->accounts, g_steal_pointer (&key),
                       GUINT_TO_POINTER (reader->statements->len));

  return reader->statements->len - 1;
}

static void
end_account_record (QifReader *reader)
{
  RawStatement *statement;
  guint index;

  if (reader->account_name == NULL)
    goto out;

  index = find_statement (reader, reader->account_name, reader->account_type);
  statement = g_ptr_array_index (reader->statements, index);

  if (!statement->has_kind)
    statement->has_kind = parse_account_kind (reader->account_type, &statement->kind);

  /* A balance with its date, as Quicken lists accounts. */
  if (reader->account_balance != NULL && reader->account_balance_date != NULL)
    {
      BudgDateParts parts;

      g_free (statement->balance);
      g_free (statement->balance_date);
      statement->balance = g_steal_pointer (&reader->account_balance);
      statement->balance_date = g_steal_pointer (&reader->account_balance_date);
      statement->balance_line = reader->account_line;
      budg_decimal_vote_add (&reader->vote, statement->balance);
      if (budg_date_parts_scan (statement->balance_date, TRUE, &parts))
        budg_date_guess_add (&reader->guess, &parts, reader->account_line, statement->balance_date);
    }

  /* Outside an AutoSwitch list, the account is the one the next sections
   * belong to. */
  if (!reader->autoswitch)
    {
      g_free (reader->current_account);
      reader->current_account = g_strdup (reader->account_name);
      reader->current_statement = index;
      reader->have_statement = TRUE;
    }

out:
  g_clear_pointer (&reader->account_name, g_free);
  g_clear_pointer (&reader->account_type, g_free);
  g_clear_pointer (&reader->account_balance, g_free);
  g_clear_pointer (&reader->account_balance_date, g_free);
  reader->account_line = 0;
}

static void
end_record (QifReader *reader)
{
  RawRecord *record = g_steal_pointer (&reader->record);

  reader->split = NULL;

  if (record == NULL)
    return;

  if (record->date != NULL)
    {
      BudgDateParts parts;

      if (budg_date_parts_scan (record->date, TRUE, &parts))
        budg_date_guess_add (&reader->guess, &parts, record->date_line, record->date);
    }

  if (record->amount != NULL)
    budg_decimal_vote_add (&reader->vote, record->amount);

  for (guint i = 0; i < record->splits->len; i++)
    {
      RawSplit *split = g_ptr_array_index (record->splits, i);

      if (split->amount != NULL)
        budg_decimal_vote_add (&reader->vote, split->amount);
    }

  g_ptr_array_add (reader->records, record);
}

static void
start_section (QifReader  *reader,
               const char *header)
{
  static const char * const transaction_types[] = { "Bank", "Cash", "CCard", "Oth A", "Oth L" };
  g_autofree char *name = g_strdup (header);

  g_strchomp (name);

  if (g_ascii_strncasecmp (name, "!Option:AutoSwitch", 18) == 0)
    {
      reader->autoswitch = TRUE;
      return;
    }

  if (g_ascii_strncasecmp (name, "!Clear:AutoSwitch", 17) == 0)
    {
      reader->autoswitch = FALSE;
      return;
    }

  /* Other options ("!Option:MDY", "!Clear:…") are hints we do not need. */
  if (g_ascii_strncasecmp (name, "!Option:", 8) == 0 ||
      g_ascii_strncasecmp (name, "!Clear:", 7) == 0)
    return;

  g_clear_pointer (&reader->section_type, g_free);

  if (g_ascii_strcasecmp (name, "!Account") == 0)
    {
      reader->section = SECTION_ACCOUNT;
      return;
    }

  reader->section = SECTION_SKIP;

  if (g_ascii_strncasecmp (name, "!Type:", 6) != 0)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (transaction_types); i++)
    {
      if (g_ascii_strcasecmp (name + 6, transaction_types[i]) == 0)
        {
          reader->section = SECTION_TRANSACTIONS;
          reader->section_type = g_strdup (transaction_types[i]);
        }
    }

  if (g_ascii_strcasecmp (name + 6, "Invst") == 0)
    {
      reader->section = SECTION_INVESTMENT;
      reader->section_type = g_strdup ("Invst");
    }

  /* Sections without an "!Account" before them belong to the file's one
   * unnamed account of their type. */
  if ((reader->section == SECTION_TRANSACTIONS || reader->section == SECTION_INVESTMENT) &&
      reader->current_account == NULL)
    {
      reader->current_statement = find_statement (reader, NULL, reader->section_type);
      reader->have_statement = TRUE;
    }
}

static void
replace (char       **field,
         const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

static void
read_account_field (QifReader  *reader,
                    char        code,
                    const char *value,
                    guint       line)
{
  if (reader->account_line == 0)
    reader->account_line = line;

  switch (code)
    {
    case 'N':
      replace (&reader->account_name, value);
      break;
    case 'T':
      replace (&reader->account_type, value);
      break;
    case '$':
      replace (&reader->account_balance, value);
      break;
    case '/':
      replace (&reader->account_balance_date, value);
      break;
    default:
      break;
    }
}

static void
read_transaction_field (QifReader  *reader,
                        char        code,
                        const char *value,
                        guint       line)
{
  RawRecord *record = reader->record;

  if (record == NULL)
    {
      record = reader->record = g_new0 (RawRecord, 1);
      record->line = line;
      record->statement = reader->current_statement;
      record->investment = reader->section == SECTION_INVESTMENT;
      record->splits = g_ptr_array_new_with_free_func ((GDestroyNotify) raw_split_free);
    }

  /* In an investment record "N" is the action, "T" the cash amount; only
   * what names the record in its rejection matters. */
  switch (code)
    {
    case 'D':
      /* Some writers give a split its own date; the transaction's is the
       * one before the splits. */
      if (reader->split == NULL)
        {
          replace (&record->date, value);
          record->date_line = line;
        }
      break;
    case 'T':
      replace (&record->amount, value);
      record->amount_line = line;
      break;
    case 'U':
      if (record->amount == NULL)
        {
          record->amount = g_strdup (value);
          record->amount_line = line;
        }
      break;
    case 'P':
      replace (&record->payee, value);
      break;
    case 'M':
      replace (&record->memo, value);
      break;
    case 'C':
      replace (&record->cleared, value);
      break;
    case 'N':
      replace (&record->number, value);
      break;
    case 'L':
      replace (&record->category_field, value);
      break;
    case 'S':
      reader->split = g_new0 (RawSplit, 1);
      reader->split->category_field = g_strdup (value);
      reader->split->line = line;
      g_ptr_array_add (record->splits, reader->split);
      break;
    case 'E':
    case '$':
      if (reader->split == NULL || (code == 'E' && reader->split->memo != NULL) ||
          (code == '$' && reader->split->amount != NULL))
        {
          reader->split = g_new0 (RawSplit, 1);
          reader->split->line = line;
          g_ptr_array_add (record->splits, reader->split);
        }
      if (code == 'E')
        replace (&reader->split->memo, value);
      else
        replace (&reader->split->amount, value);
      break;
    default:
      /* A (address), F (reimbursable), % (split percentage), investment
       * fields: nothing Budg keeps. */
      break;
    }
}

/* "Food:Groceries/Class", "[Savings]/Class", "--Split--". */
static void
parse_category_field (const char  *field,
                      char       **out_category,
                      char       **out_class,
                      char       **out_transfer)
{
  g_autofree char *copy = NULL;
  char *slash;

  *out_category = NULL;
  *out_class = NULL;
  *out_transfer = NULL;

  if (field == NULL)
    return;

  copy = g_strstrip (g_strdup (field));

  if (copy[0] == '[')
    {
      char *close = strchr (copy, ']');

      if (close != NULL)
        {
          *out_transfer = budg_import_clean_text (copy + 1, close - copy - 1);
          slash = strchr (close, '/');
          if (slash != NULL)
            *out_class = budg_import_clean_text (slash + 1, -1);
          return;
        }
    }

  slash = strchr (copy, '/');
  if (slash != NULL)
    {
      *out_class = budg_import_clean_text (slash + 1, -1);
      *slash = '\0';
    }

  /* Microsoft Money's marker for "see the splits". */
  if (g_str_equal (g_strstrip (copy), "--Split--"))
    return;

  *out_category = budg_import_clean_text (copy, -1);
}

static BudgImportStatus
parse_cleared (const char *field)
{
  if (field == NULL || *field == '\0')
    return BUDG_IMPORT_STATUS_UNCLEARED;

  switch (field[0])
    {
    case '*':
    case 'c':
    case 'C':
      return BUDG_IMPORT_STATUS_CLEARED;
    case 'X':
    case 'x':
    case 'R':
    case 'r':
      return BUDG_IMPORT_STATUS_RECONCILED;
    default:
      return BUDG_IMPORT_STATUS_UNCLEARED;
    }
}

typedef struct
{
  BudgDateOrder    date_order;
  BudgDecimalMark  mark;
  BudgDecimalMark  fallback;
  guint            minor_units;
} ReadRules;

static gboolean
read_amount (const ReadRules *rules,
             const char      *text,
             gint64          *out)
{
  return budg_import_parse_amount (text, rules->mark, rules->fallback, rules->minor_units, out);
}

static BudgImportRow *
convert_record (const ReadRules  *rules,
                RawRecord        *record,
                BudgImportResult *result)
{
  g_autoptr(BudgImportRow) row = budg_import_row_new ();
  BudgDateParts parts;
  gint64 splits_total = 0;

  if (record->date == NULL)
    {
      budg_import_result_reject (result, record->line, _("The transaction has no date."));
      return NULL;
    }

  if (!budg_date_parts_scan (record->date, TRUE, &parts) ||
      (row->date = budg_date_parts_to_iso (&parts, rules->date_order)) == NULL)
    {
      budg_import_result_reject (result, record->date_line,
                                 _("The date “%s” cannot be read."), record->date);
      return NULL;
    }

  for (guint i = 0; i < record->splits->len; i++)
    {
      RawSplit *raw = g_ptr_array_index (record->splits, i);
      g_autoptr(BudgImportSplit) split = budg_import_split_new ();

      if (raw->amount == NULL)
        split->amount_minor = 0;
      else if (!read_amount (rules, raw->amount, &split->amount_minor))
        {
          budg_import_result_reject (result, raw->line,
                                     _("The split amount “%s” cannot be read."), raw->amount);
          return NULL;
        }

      if (!budg_money_add (splits_total, split->amount_minor, &splits_total, NULL))
        {
          budg_import_result_reject (result, raw->line, _("The splits add up to too large an amount."));
          return NULL;
        }

      parse_category_field (raw->category_field, &split->category, &split->class_name,
                            &split->transfer_account);
      split->memo = budg_import_clean_text (raw->memo, -1);
      g_ptr_array_add (row->splits, g_steal_pointer (&split));
    }

  /* A record without an amount is worth nothing, or what its splits add up
   * to. */
  if (record->amount == NULL)
    row->amount_minor = splits_total;
  else if (!read_amount (rules, record->amount, &row->amount_minor))
    {
      budg_import_result_reject (result, record->amount_line,
                                 _("The amount “%s” cannot be read."), record->amount);
      return NULL;
    }

  if (row->splits->len > 0 && splits_total != row->amount_minor)
    {
      BudgImportSplit *rest = budg_import_split_new ();

      rest->amount_minor = row->amount_minor - splits_total;
      g_ptr_array_add (row->splits, rest);
    }

  row->line = record->line;
  row->payee = budg_import_clean_text (record->payee, -1);
  row->memo = budg_import_clean_text (record->memo, -1);
  row->check_number = budg_import_clean_text (record->number, -1);
  row->status = parse_cleared (record->cleared);
  parse_category_field (record->category_field, &row->category, &row->class_name,
                        &row->transfer_account);

  return g_steal_pointer (&row);
}

static void
add_row (BudgImportStatement *statement,
         BudgImportRow       *row)
{
  /* Quicken starts an account with "Opening Balance" transferred to the
   * account itself; the name also tells an unnamed account's name. */
  if (row->payee != NULL && g_ascii_strcasecmp (row->payee, "Opening Balance") == 0 &&
      row->transfer_account != NULL &&
      (statement->account_name == NULL ? statement->rows->len == 0
                                       : g_str_equal (statement->account_name, row->transfer_account)))
    {
      if (statement->account_name == NULL)
        statement->account_name = g_steal_pointer (&row->transfer_account);
      g_clear_pointer (&row->transfer_account, g_free);
      row->opening_balance = TRUE;
    }

  g_ptr_array_add (statement->rows, row);
}

static gboolean
read_lines (QifReader  *reader,
            char       *text,
            GError    **error)
{
  gboolean seen_header = FALSE;
  guint line_number = 0;
  char *line = text;

  /* Old Mac files end lines with CR alone. */
  if (strchr (text, '\n') == NULL)
    g_strdelimit (text, "\r", '\n');

  while (line != NULL)
    {
      char *end = strchr (line, '\n');
      gsize length;

      if (end != NULL)
        *end = '\0';
      line_number++;

      length = strlen (line);
      while (length > 0 && line[length - 1] == '\r')
        line[--length] = '\0';

      /* Blank lines mean nothing; blanks before a line's code are not rare
       * (a value's own leading blanks come after the code). */
      line += strspn (line, " \t");
      if (*line == '\0')
        goto next;

      if (line[0] == '!')
        {
          /* A record the writer forgot to close with "^" is complete all
           * the same when a new section starts. */
          end_record (reader);
          end_account_record (reader);
          start_section (reader, line);
          seen_header = TRUE;
          goto next;
        }

      if (!seen_header)
        {
          /* Comment lines before the first header are not QIF, but some
           * writers add them. */
          if (line[0] == '#')
            goto next;

          g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                       _("This is not a QIF file: line %u comes before any “!Type:” line."),
                       line_number);
          return FALSE;
        }

      if (line[0] == '^')
        {
          if (reader->section == SECTION_ACCOUNT)
            end_account_record (reader);
          else
            end_record (reader);
          goto next;
        }

      switch (reader->section)
        {
        case SECTION_ACCOUNT:
          read_account_field (reader, line[0], line + 1, line_number);
          break;
        case SECTION_TRANSACTIONS:
        case SECTION_INVESTMENT:
          read_transaction_field (reader, line[0], line + 1, line_number);
          break;
        case SECTION_NONE:
        case SECTION_SKIP:
        default:
          break;
        }

    next:
      line = end != NULL ? end + 1 : NULL;
    }

  if (!seen_header)
    {
      g_set_error_literal (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                           _("This is not a QIF file: it has no “!Type:” line."));
      return FALSE;
    }

  return TRUE;
}

/**
 * budg_qif_parse:
 * @data: the file's bytes
 * @length: their number
 * @options: (nullable): how to read the file; %NULL to work everything out
 * @error: return location for a #GError
 *
 * Reads a QIF file: one statement per account with transactions, in the
 * order the accounts first appear (an account with only rejected records
 * gives no statement). The day/month order comes from all the dates of the
 * file unless @options sets it; dates that contradict each other (one only
 * valid day first, another only month first) fail the whole file. Dates and
 * amounts that cannot be read, records without a date, investment records
 * and a last record the file cuts off are rejections.
 *
 * Returns: (transfer full): the statements, or %NULL with @error set
 */
BudgImportResult *
budg_qif_parse (const guint8          *data,
                gsize                  length,
                const BudgQifOptions  *options,
                GError               **error)
{
  static const BudgQifOptions defaults = { 0 };
  g_autoptr(BudgImportResult) result = NULL;
  g_autofree char *encoding = NULL;
  g_autofree char *text = NULL;
  QifReader reader = { 0 };
  ReadRules rules = { 0 };
  GPtrArray *statements;
  gboolean truncated;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (options == NULL)
    options = &defaults;

  if (length == 0)
    {
      g_set_error_literal (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT, _("The file is empty."));
      return NULL;
    }

  /* QIF names no character set; Quicken and Money wrote the Windows one. */
  text = budg_import_decode (data, length, options->encoding, &encoding, error);
  if (text == NULL)
    return NULL;

  if (text[strspn (text, " \t\r\n")] == '\0')
    {
      g_set_error_literal (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT, _("The file is empty."));
      return NULL;
    }

  reader.statements = g_ptr_array_new_with_free_func ((GDestroyNotify) raw_statement_free);
  reader.records = g_ptr_array_new_with_free_func ((GDestroyNotify) raw_record_free);
  reader.accounts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  budg_date_guess_init (&reader.guess);

  if (!read_lines (&reader, text, error))
    {
      qif_reader_clear (&reader);
      return NULL;
    }

  /* A record still open at the end of the file was cut off. */
  truncated = reader.record != NULL && reader.section != SECTION_SKIP;
  if (truncated)
    {
      RawRecord *last = g_steal_pointer (&reader.record);

      last->truncated = TRUE;
      g_ptr_array_add (reader.records, last);
    }
  end_account_record (&reader);

  rules.date_order = options->date_order;
  if (rules.date_order == BUDG_DATE_ORDER_AUTO &&
      !budg_date_guess_finish (&reader.guess, &rules.date_order, error))
    {
      qif_reader_clear (&reader);
      return NULL;
    }
  rules.mark = options->decimal_mark;
  rules.fallback = budg_decimal_vote_result (&reader.vote);
  rules.minor_units = budg_import_minor_units (options->currency);

  result = budg_import_result_new (BUDG_IMPORT_FORMAT_QIF);
  result->encoding = g_steal_pointer (&encoding);

  statements = g_ptr_array_new_with_free_func ((GDestroyNotify) budg_import_statement_free);
  for (guint i = 0; i < reader.statements->len; i++)
    {
      RawStatement *raw = g_ptr_array_index (reader.statements, i);
      BudgImportStatement *statement = budg_import_statement_new ();
      BudgDateParts parts;

      statement->account_name = budg_import_clean_text (raw->name, -1);
      statement->has_account_kind = raw->has_kind;
      statement->account_kind = raw->kind;

      if (raw->balance != NULL &&
          budg_date_parts_scan (raw->balance_date, TRUE, &parts) &&
          (statement->ledger_balance_date = budg_date_parts_to_iso (&parts, rules.date_order)) != NULL &&
          read_amount (&rules, raw->balance, &statement->ledger_balance_minor))
        statement->has_ledger_balance = TRUE;
      else
        g_clear_pointer (&statement->ledger_balance_date, g_free);

      g_ptr_array_add (statements, statement);
    }

  for (guint i = 0; i < reader.records->len; i++)
    {
      RawRecord *record = g_ptr_array_index (reader.records, i);
      BudgImportStatement *statement = g_ptr_array_index (statements, record->statement);
      BudgImportRow *row;

      if (record->truncated)
        {
          budg_import_result_reject (result, record->line,
                                     _("The file ends in the middle of a transaction."));
          continue;
        }

      if (record->investment)
        {
          budg_import_result_reject (result, record->line,
                                     _("Investment transactions (“%s”) cannot be imported; "
                                       "only bank, cash and credit card ones can."),
                                     record->number != NULL ? record->number : "Invst");
          continue;
        }

      row = convert_record (&rules, record, result);
      if (row != NULL)
        add_row (statement, row);
    }

  for (guint i = 0; i < statements->len; i++)
    {
      BudgImportStatement *statement = g_ptr_array_index (statements, i);

      /* An account with no importable transaction has nothing for the
       * importer: its investment records are already rejections. */
      if (statement->rows->len > 0)
        g_ptr_array_add (result->statements, g_steal_pointer (&statements->pdata[i]));
    }
  g_ptr_array_unref (statements);

  budg_import_result_sort_rejected (result);
  qif_reader_clear (&reader);

  return g_steal_pointer (&result);
}
