/* budg-csv-parser.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-csv-parser"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "budg-csv-parser.h"
#include "budg-error.h"
#include "budg-import-private.h"
#include "budg-money.h"

/* Every bank writes its own CSV. Reading one takes, in order: the character
 * set (budg_import_decode), the delimiter (the one that splits the first
 * records into the most rows of the same width), the header row (the first
 * of the first lines whose cells are known column names in English,
 * French, German, Spanish or Dutch; lines before it are a preamble), the
 * columns (from the names, else from what the cells hold), then, over the
 * whole file, the day/month order of the date column and the decimal mark
 * of the amounts. Each step can be fixed by the caller instead.
 *
 * The file is streamed twice: once to collect dates and amounts for the
 * guesses, once to make rows; only the first records are kept for the
 * detection, so a file of a million rows costs its rows, not its records.
 */

#define N_SNIFF_RECORDS 200
#define N_HEADER_SEARCH 30

typedef struct
{
  guint    line;
  guint    n_fields;
  char   **fields;
  gboolean unterminated;
} Record;

typedef struct
{
  const char *p;
  char        delimiter;
  guint       line;
} RecordReader;

static void
record_free (Record *record)
{
  g_strfreev (record->fields);
  g_free (record);
}

static void
record_reader_init (RecordReader *reader,
                    const char   *text,
                    char          delimiter,
                    guint         first_line)
{
  reader->p = text;
  reader->delimiter = delimiter;
  reader->line = first_line;
}

/* RFC 4180, leniently: a field in double quotes may hold delimiters, line
 * breaks and doubled quotes; blanks before the opening quote are allowed;
 * text after the closing quote is kept; a quote inside an unquoted field
 * is an ordinary character. Line ends are "\n" (CR was removed before). */
static Record *
record_reader_next (RecordReader *reader)
{
  const char *p = reader->p;
  const char delimiter = reader->delimiter;
  g_autoptr(GPtrArray) fields = NULL;
  GString *field;
  Record *record;

  if (*p == '\0')
    return NULL;

  fields = g_ptr_array_new_with_free_func (g_free);
  field = g_string_new (NULL);
  record = g_new0 (Record, 1);
  record->line = reader->line;

  for (;;)
    {
      const char *start = p;

      while (*start == ' ')
        start++;

      /* Most fields are unquoted: copy them in one go. */
      if (*start != '"')
        {
          const char *end = p;

          while (*end != '\0' && *end != delimiter && *end != '\n')
            end++;
          g_ptr_array_add (fields, g_strndup (p, end - p));
          p = end;
        }
      else
        {
          p = start + 1;
          for (;;)
            {
              if (*p == '\0')
                {
                  record->unterminated = TRUE;
                  break;
                }
              if (*p == '"')
                {
                  if (p[1] == '"')
                    {
                      g_string_append_c (field, '"');
                      p += 2;
                      continue;
                    }
                  p++;
                  break;
                }
              if (*p == '\n')
                reader->line++;
              g_string_append_c (field, *p);
              p++;
            }

          while (*p != '\0' && *p != delimiter && *p != '\n')
            g_string_append_c (field, *p++);

          g_ptr_array_add (fields, g_strndup (field->str, field->len));
          g_string_truncate (field, 0);
        }

      if (*p == delimiter)
        {
          p++;
          continue;
        }

      if (*p == '\n')
        {
          p++;
          reader->line++;
        }
      break;
    }

  g_string_free (field, TRUE);

  record->n_fields = fields->len;
  g_ptr_array_add (fields, NULL);
  record->fields = (char **) g_ptr_array_free (g_steal_pointer (&fields), FALSE);
  reader->p = p;

  return record;
}

static const char *
record_get (const Record *record,
            int           column)
{
  if (column < 0 || (guint) column >= record->n_fields)
    return NULL;

  return record->fields[column];
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;

  return TRUE;
}

static gboolean
record_is_blank (const Record *record)
{
  for (guint i = 0; i < record->n_fields; i++)
    if (!is_blank (record->fields[i]))
      return FALSE;

  return TRUE;
}

/* "\r\n", "\r\r\n" and a lone "\r" all end a line. */
static char *
normalize_newlines (char *text)
{
  char *in = text;
  char *out = text;

  while (*in != '\0')
    {
      if (*in == '\r')
        {
          while (*in == '\r')
            in++;
          *out++ = '\n';
          if (*in == '\n')
            in++;
        }
      else
        {
          *out++ = *in++;
        }
    }
  *out = '\0';

  return text;
}

/* ---------------------------------------------------------------- options */

/**
 * budg_csv_columns_init:
 * @columns: a mapping
 *
 * Maps nothing: every column -1.
 */
void
budg_csv_columns_init (BudgCsvColumns *columns)
{
  g_return_if_fail (columns != NULL);

  columns->date = columns->amount = columns->debit = columns->credit = -1;
  columns->sign = columns->payee = columns->memo = columns->category = -1;
  columns->balance = columns->id = columns->account = columns->currency = -1;
  columns->check_number = -1;
}

typedef struct
{
  const char *name;
  gsize       offset;
} ColumnRole;

static const ColumnRole column_roles[] = {
  { "date", G_STRUCT_OFFSET (BudgCsvColumns, date) },
  { "amount", G_STRUCT_OFFSET (BudgCsvColumns, amount) },
  { "debit", G_STRUCT_OFFSET (BudgCsvColumns, debit) },
  { "credit", G_STRUCT_OFFSET (BudgCsvColumns, credit) },
  { "sign", G_STRUCT_OFFSET (BudgCsvColumns, sign) },
  { "payee", G_STRUCT_OFFSET (BudgCsvColumns, payee) },
  { "memo", G_STRUCT_OFFSET (BudgCsvColumns, memo) },
  { "category", G_STRUCT_OFFSET (BudgCsvColumns, category) },
  { "balance", G_STRUCT_OFFSET (BudgCsvColumns, balance) },
  { "id", G_STRUCT_OFFSET (BudgCsvColumns, id) },
  { "account", G_STRUCT_OFFSET (BudgCsvColumns, account) },
  { "currency", G_STRUCT_OFFSET (BudgCsvColumns, currency) },
  { "check", G_STRUCT_OFFSET (BudgCsvColumns, check_number) },
};

#define COLUMN(columns, role) (G_STRUCT_MEMBER (int, (columns), column_roles[(role)].offset))

static gboolean
columns_are_usable (const BudgCsvColumns *columns)
{
  return columns->date >= 0 &&
         (columns->amount >= 0 || columns->debit >= 0 || columns->credit >= 0);
}

/**
 * budg_csv_columns_parse:
 * @columns: (out): the mapping
 * @spec: "date=1,payee=3,amount=5" (1-based column numbers) or the roles in
 *   column order, "-" or nothing for a column to ignore:
 *   "date,payee,-,amount"
 * @error: return location for a #GError
 *
 * Reads a mapping as the CLI's --columns gives it. The roles are date,
 * amount, debit, credit, sign, payee, memo, category, balance, id, account,
 * currency and check.
 *
 * Returns: %FALSE if @spec names an unknown role, a role twice, a column
 *   that is not a positive number, or lacks a date or an amount
 */
gboolean
budg_csv_columns_parse (BudgCsvColumns  *columns,
                        const char      *spec,
                        GError         **error)
{
  g_auto(GStrv) items = NULL;
  BudgCsvColumns parsed;
  gboolean named;

  g_return_val_if_fail (columns != NULL, FALSE);
  g_return_val_if_fail (spec != NULL, FALSE);

  budg_csv_columns_init (&parsed);
  items = g_strsplit (spec, ",", -1);
  named = strchr (spec, '=') != NULL;

  for (guint i = 0; items[i] != NULL; i++)
    {
      g_autofree char *role_name = NULL;
      guint64 column = i;
      guint role;

      g_strstrip (items[i]);

      if (named)
        {
          char *equals = strchr (items[i], '=');

          if (equals == NULL ||
              !g_ascii_string_to_unsigned (g_strstrip (equals + 1), 10, 1, G_MAXINT, &column, NULL))
            {
              g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                           _("“%s” is not a column: write role=number, as in “amount=4”."),
                           items[i]);
              return FALSE;
            }
          *equals = '\0';
          column--;
        }
      else if (*items[i] == '\0' || g_str_equal (items[i], "-"))
        {
          continue;
        }

      role_name = g_ascii_strdown (g_strstrip (items[i]), -1);

      for (role = 0; role < G_N_ELEMENTS (column_roles); role++)
        if (g_str_equal (role_name, column_roles[role].name))
          break;

      if (role == G_N_ELEMENTS (column_roles))
        {
          g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                       _("“%s” is not a column role. The roles are date, amount, debit, "
                         "credit, sign, payee, memo, category, balance, id, account, "
                         "currency and check."),
                       items[i]);
          return FALSE;
        }

      if (COLUMN (&parsed, role) >= 0)
        {
          g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                       _("The column role “%s” is given twice."), role_name);
          return FALSE;
        }

      COLUMN (&parsed, role) = (int) column;
    }

  if (!columns_are_usable (&parsed))
    {
      g_set_error_literal (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                           _("The columns must include a date and an amount (or debit and credit)."));
      return FALSE;
    }

  *columns = parsed;

  return TRUE;
}

/**
 * budg_csv_columns_to_string:
 * @columns: a mapping
 *
 * Returns: (transfer full): the mapping as budg_csv_columns_parse() reads
 *   it, "date=1,amount=4,payee=2", for a saved profile
 */
char *
budg_csv_columns_to_string (const BudgCsvColumns *columns)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (columns != NULL, NULL);

  for (guint role = 0; role < G_N_ELEMENTS (column_roles); role++)
    {
      int column = COLUMN (columns, role);

      if (column < 0)
        continue;
      if (text->len > 0)
        g_string_append_c (text, ',');
      g_string_append_printf (text, "%s=%d", column_roles[role].name, column + 1);
    }

  return g_string_free (text, FALSE);
}

/**
 * budg_csv_options_new:
 *
 * Returns: (transfer full): options that detect everything
 */
BudgCsvOptions *
budg_csv_options_new (void)
{
  BudgCsvOptions *options = g_new0 (BudgCsvOptions, 1);

  options->skip_lines = -1;
  budg_csv_columns_init (&options->columns);

  return options;
}

/**
 * budg_csv_options_copy:
 * @options: options
 *
 * Returns: (transfer full): a copy
 */
BudgCsvOptions *
budg_csv_options_copy (const BudgCsvOptions *options)
{
  BudgCsvOptions *copy;

  g_return_val_if_fail (options != NULL, NULL);

  copy = g_memdup2 (options, sizeof *options);
  copy->encoding = g_strdup (options->encoding);
  copy->currency = g_strdup (options->currency);
  copy->header_names = g_strdupv (options->header_names);

  return copy;
}

void
budg_csv_options_free (BudgCsvOptions *options)
{
  if (options == NULL)
    return;

  g_free (options->encoding);
  g_free (options->currency);
  g_strfreev (options->header_names);
  g_free (options);
}

void
budg_csv_record_free (BudgCsvRecord *record)
{
  if (record == NULL)
    return;

  g_strfreev (record->fields);
  g_free (record);
}

/* ---------------------------------------------------------------- names */

typedef enum
{
  ROLE_DATE,
  ROLE_VALUE_DATE,
  ROLE_AMOUNT,
  ROLE_DEBIT,
  ROLE_CREDIT,
  ROLE_SIGN,
  ROLE_PAYEE,
  ROLE_DESCRIPTION,
  ROLE_MEMO,
  ROLE_CATEGORY,
  ROLE_BALANCE,
  ROLE_ID,
  ROLE_ACCOUNT,
  ROLE_CURRENCY,
  ROLE_CHECK,
  N_ROLES
} HeaderRole;

/* Header names as banks write them, lower case and without accents, each
 * role's names best first. A payee column wins over a description column
 * for the payee, and the description then becomes the memo. */
static const char * const role_names[N_ROLES][40] = {
  [ROLE_DATE] = {
    "date", "posting date", "transaction date", "booking date", "trans date", "post date",
    "completed date", "started date", "date operation", "date de l operation",
    "date de operation", "date comptable", "datum", "buchungstag", "buchungsdatum",
    "transaktionsdatum", "fecha", "fecha operacion", "fecha de operacion", "fecha contable",
    "transactiedatum", "boekdatum", "boekingsdatum", NULL },
  [ROLE_VALUE_DATE] = {
    "value date", "valuta", "valutadatum", "wertstellung", "wertstellungsdatum",
    "date de valeur", "date valeur", "fecha valor", "rentedatum", NULL },
  [ROLE_AMOUNT] = {
    "amount", "transaction amount", "montant", "montant de l operation", "betrag", "umsatz",
    "importe", "bedrag", "net", "net amount", "gross", "value", NULL },
  [ROLE_DEBIT] = {
    "debit", "debits", "debit amount", "paid out", "money out", "withdrawal", "withdrawals",
    "withdrawal amount", "out", "soll", "ausgang", "belastung", "cargo", "cargos", "debe",
    "af", "debet", "uitgaven", NULL },
  [ROLE_CREDIT] = {
    "credit", "credits", "credit amount", "paid in", "money in", "deposit", "deposits", "in",
    "haben", "eingang", "gutschrift", "abono", "abonos", "haber", "bij", "inkomsten", NULL },
  [ROLE_SIGN] = {
    "debit credit", "credit debit", "debit or credit", "credit or debit", "af bij", "bij af",
    "dr cr", "cr dr", "d c", "c d", "soll haben", "s h", "sign", "balance impact",
    "cargo abono", "direction", "credit debit indicator", "debit credit indicator", NULL },
  [ROLE_PAYEE] = {
    "payee", "name", "payee name", "merchant", "merchant name", "counterparty", "beneficiary",
    "recipient", "empfanger", "empfaenger", "zahlungsempfanger", "auftraggeber",
    "beguenstigter zahlungspflichtiger", "beguenstigter", "auftraggeber empfanger",
    "name zahlungsbeteiligter", "beneficiaire", "tiers", "beneficiario", "ordenante",
    "tegenrekening naam", "naam tegenrekening", "naam", "naam omschrijving", "tegenpartij",
    NULL },
  [ROLE_DESCRIPTION] = {
    "description", "transaction description", "narrative", "particulars", "libelle",
    "libelle operation", "libelle de l operation", "intitule", "verwendungszweck",
    "buchungstext", "beschreibung", "concepto", "descripcion", "omschrijving", NULL },
  [ROLE_MEMO] = {
    "memo", "notes", "note", "comment", "comments", "remarque", "remarques", "commentaire",
    "detail", "detail de l ecriture", "details de l operation", "notiz", "bemerkung",
    "observaciones", "mededelingen", "opmerking", "opmerkingen", "subject", "information",
    "additional information", NULL },
  [ROLE_CATEGORY] = {
    "category", "categorie", "kategorie", "categoria", "rubrique", NULL },
  [ROLE_BALANCE] = {
    "balance", "running balance", "balance after", "new balance", "solde", "saldo",
    "kontostand", "saldo nach buchung", NULL },
  [ROLE_ID] = {
    "id", "transaction id", "fitid", "unique id", "transaktions id", "transaktionsnummer",
    "identifiant", "numero de transaction", "id transaccion", "transactie id", NULL },
  [ROLE_ACCOUNT] = {
    "account", "account number", "account name", "compte", "numero de compte", "konto",
    "kontonummer", "auftragskonto", "iban", "cuenta", "numero de cuenta", "rekening",
    "rekeningnummer", NULL },
  [ROLE_CURRENCY] = {
    "currency", "devise", "monnaie", "wahrung", "waehrung", "moneda", "divisa", "munt", NULL },
  [ROLE_CHECK] = {
    "check", "check number", "check or slip", "check no", "cheque", "cheque number",
    "numero de cheque", "scheck", "schecknummer", "chequenummer", NULL },
};

/* "Montant (EUR)" → "montant", "Date de l'opération" → "date de l operation". */
static char *
normalize_name (const char *name)
{
  g_autofree char *ascii = g_str_to_ascii (name, "C");
  GString *out = g_string_new (NULL);
  int depth = 0;

  for (const char *p = ascii; *p != '\0'; p++)
    {
      if (*p == '(' || *p == '[')
        depth++;
      else if ((*p == ')' || *p == ']') && depth > 0)
        depth--;
      else if (depth > 0)
        continue;
      else if (g_ascii_isalnum (*p))
        g_string_append_c (out, g_ascii_tolower (*p));
      else if (out->len > 0 && out->str[out->len - 1] != ' ')
        g_string_append_c (out, ' ');
    }

  while (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);

  return g_string_free (out, FALSE);
}

/* How well a header cell names a role: lower is better, G_MAXINT is not at
 * all. An exact name beats a name followed by more words ("Amount EUR"). */
static int
name_rank (const char *normalized,
           HeaderRole  role)
{
  gsize length = strlen (normalized);

  for (guint i = 0; role_names[role][i] != NULL; i++)
    if (g_str_equal (normalized, role_names[role][i]))
      return i;

  for (guint i = 0; role_names[role][i] != NULL; i++)
    {
      gsize name_length = strlen (role_names[role][i]);

      if (name_length < length && normalized[name_length] == ' ' &&
          strncmp (normalized, role_names[role][i], name_length) == 0)
        return 1000 + i;
    }

  return G_MAXINT;
}

/* Maps the cells of a header row; returns how many cells name a role. */
static guint
map_header (const Record *record,
            int           roles[N_ROLES])
{
  int best_rank[N_ROLES];
  guint n_named = 0;

  for (guint role = 0; role < N_ROLES; role++)
    {
      roles[role] = -1;
      best_rank[role] = G_MAXINT;
    }

  for (guint column = 0; column < record->n_fields; column++)
    {
      g_autofree char *normalized = normalize_name (record->fields[column]);
      int column_rank = G_MAXINT;
      int column_role = -1;

      if (*normalized == '\0')
        continue;

      /* A column takes its best role: "Balance Impact" is a sign, not a
       * balance. Exact names count before partial ones over all roles. */
      for (guint role = 0; role < N_ROLES; role++)
        {
          int rank = name_rank (normalized, role);

          if (rank < column_rank)
            {
              column_rank = rank;
              column_role = role;
            }
        }

      if (column_role < 0)
        continue;

      n_named++;
      if (column_rank < best_rank[column_role])
        {
          best_rank[column_role] = column_rank;
          roles[column_role] = column;
        }
    }

  return n_named;
}

static gboolean
is_header (const Record *record)
{
  int roles[N_ROLES];

  return map_header (record, roles) >= 2 &&
         (roles[ROLE_DATE] >= 0 || roles[ROLE_VALUE_DATE] >= 0 || roles[ROLE_AMOUNT] >= 0 ||
          roles[ROLE_DEBIT] >= 0 || roles[ROLE_CREDIT] >= 0);
}

static void
columns_from_header (const Record   *record,
                     BudgCsvColumns *columns)
{
  int roles[N_ROLES];

  map_header (record, roles);

  columns->date = roles[ROLE_DATE] >= 0 ? roles[ROLE_DATE] : roles[ROLE_VALUE_DATE];
  columns->amount = roles[ROLE_AMOUNT];
  columns->debit = roles[ROLE_DEBIT];
  columns->credit = roles[ROLE_CREDIT];
  columns->sign = roles[ROLE_SIGN];
  columns->category = roles[ROLE_CATEGORY];
  columns->balance = roles[ROLE_BALANCE];
  columns->id = roles[ROLE_ID];
  columns->account = roles[ROLE_ACCOUNT];
  columns->currency = roles[ROLE_CURRENCY];
  columns->check_number = roles[ROLE_CHECK];

  /* The text the user reads as the payee: a payee column, else the
   * description, else the only text there is. */
  if (roles[ROLE_PAYEE] >= 0)
    {
      columns->payee = roles[ROLE_PAYEE];
      columns->memo = roles[ROLE_MEMO] >= 0 ? roles[ROLE_MEMO] : roles[ROLE_DESCRIPTION];
    }
  else if (roles[ROLE_DESCRIPTION] >= 0)
    {
      columns->payee = roles[ROLE_DESCRIPTION];
      columns->memo = roles[ROLE_MEMO];
    }
  else
    {
      columns->payee = roles[ROLE_MEMO];
      columns->memo = -1;
    }
}

/* ---------------------------------------------------------------- content */

/* Values of a sign column, lower case without accents. */
static const char * const debit_words[] = {
  "d", "dr", "db", "deb", "debit", "debet", "af", "s", "soll", "cargo", "out", "withdrawal", "-",
};
static const char * const credit_words[] = {
  "c", "cr", "credit", "krediet", "bij", "h", "haben", "abono", "in", "deposit", "+",
};

/* Returns -1 for a debit word, 1 for a credit word, 0 for anything else. */
static int
sign_of_word (const char *text)
{
  g_autofree char *normalized = NULL;

  if (is_blank (text))
    return 0;

  normalized = normalize_name (text);
  if (*normalized == '\0')
    {
      g_autofree char *stripped = g_strstrip (g_strdup (text));

      if (g_str_equal (stripped, "-"))
        return -1;
      if (g_str_equal (stripped, "+"))
        return 1;
      return 0;
    }

  for (guint i = 0; i < G_N_ELEMENTS (debit_words); i++)
    if (g_str_equal (normalized, debit_words[i]))
      return -1;

  for (guint i = 0; i < G_N_ELEMENTS (credit_words); i++)
    if (g_str_equal (normalized, credit_words[i]))
      return 1;

  return 0;
}

static gboolean
is_date_like (const char *text)
{
  BudgDateParts parts;

  return budg_date_parts_scan (text, FALSE, &parts) &&
         (budg_date_parts_fits (&parts, BUDG_DATE_ORDER_DMY) ||
          budg_date_parts_fits (&parts, BUDG_DATE_ORDER_MDY));
}

static gboolean
is_amount_like (const char *text)
{
  gint64 minor;

  return !is_blank (text) &&
         budg_import_parse_amount (text, BUDG_DECIMAL_MARK_AUTO, BUDG_DECIMAL_MARK_POINT, 2, &minor);
}

/* Whether an amount has cents ("12.50", "-8,10"): identifiers and account
 * numbers read as amounts too, but never have them. */
static gboolean
has_decimals (const char *text)
{
  const char *mark = NULL;
  guint digits = 0;

  for (const char *p = text; *p != '\0'; p++)
    if (*p == '.' || *p == ',')
      mark = p;

  if (mark == NULL)
    return FALSE;

  while (g_ascii_isdigit (mark[1 + digits]))
    digits++;

  return digits >= 1 && digits <= 2 && !g_ascii_isdigit (mark[1 + digits]);
}

static gboolean
has_letters (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalpha (g_utf8_get_char (p)))
      return TRUE;

  return FALSE;
}

typedef struct
{
  guint  nonempty;
  guint  dates;
  guint  amounts;
  guint  decimals;
  guint  negatives;
  guint  sign_words;
  guint  letters;
  guint  currencies;
  gboolean varied;
  char  *first;
} ColumnStats;

static int
find_date_column (const ColumnStats *stats,
                  guint              n_columns,
                  guint              n_rows)
{
  for (guint i = 0; i < n_columns; i++)
    if (stats[i].dates > 0 && stats[i].dates * 10 >= n_rows * 8)
      return i;

  return -1;
}

/* Amounts of the sniffed rows under a mapping, for the balance check. */
static gboolean
row_amount (const Record         *record,
            const BudgCsvColumns *columns,
            gint64               *out)
{
  const char *amount = record_get (record, columns->amount);
  const char *debit = record_get (record, columns->debit);
  const char *credit = record_get (record, columns->credit);
  gint64 value = 0;
  gint64 part;

  if (columns->amount >= 0)
    return budg_import_parse_amount (amount, BUDG_DECIMAL_MARK_AUTO, BUDG_DECIMAL_MARK_POINT, 2, out);

  if (!is_blank (debit))
    {
      if (!budg_import_parse_amount (debit, BUDG_DECIMAL_MARK_AUTO, BUDG_DECIMAL_MARK_POINT, 2, &part))
        return FALSE;
      value -= ABS (part);
    }
  if (!is_blank (credit))
    {
      if (!budg_import_parse_amount (credit, BUDG_DECIMAL_MARK_AUTO, BUDG_DECIMAL_MARK_POINT, 2, &part))
        return FALSE;
      value += ABS (part);
    }

  *out = value;
  return TRUE;
}

/* A balance column follows the amounts: each balance is the one before
 * plus the row's amount (oldest first) or the one after minus it (newest
 * first). */
static gboolean
is_balance_column (GPtrArray            *records,
                   guint                 first,
                   int                   column,
                   const BudgCsvColumns *columns)
{
  guint forward = 0;
  guint backward = 0;
  guint pairs = 0;
  gint64 previous_balance = 0;
  gint64 previous_amount = 0;
  gboolean have_previous = FALSE;

  for (guint i = first; i < records->len; i++)
    {
      const Record *record = g_ptr_array_index (records, i);
      gint64 balance;
      gint64 amount;

      if (record_is_blank (record))
        continue;

      if (!budg_import_parse_amount (record_get (record, column), BUDG_DECIMAL_MARK_AUTO,
                                     BUDG_DECIMAL_MARK_POINT, 2, &balance) ||
          !row_amount (record, columns, &amount))
        {
          have_previous = FALSE;
          continue;
        }

      if (have_previous)
        {
          pairs++;
          forward += balance == previous_balance + amount;
          backward += previous_balance == balance + previous_amount;
        }

      previous_balance = balance;
      previous_amount = amount;
      have_previous = TRUE;
    }

  return pairs > 0 && (forward == pairs || backward == pairs);
}

/* Maps columns from what the cells hold, for files without a header (and
 * for roles a header does not name): dates, amounts with cents (a signed
 * one, or two half-empty ones for debit and credit), a column of
 * debit/credit words, a constant currency code, a balance that follows the
 * amounts, and text for the payee and memo. */
static void
columns_from_content (GPtrArray      *records,
                      guint           first,
                      BudgCsvColumns *columns)
{
  g_autofree ColumnStats *stats = NULL;
  g_autofree gboolean *taken = NULL;
  guint n_columns = 0;
  guint n_rows = 0;
  int full[8];
  guint n_full = 0;
  int partial[8];
  guint n_partial = 0;

  for (guint i = first; i < records->len; i++)
    {
      const Record *record = g_ptr_array_index (records, i);

      if (!record_is_blank (record))
        {
          n_columns = MAX (n_columns, record->n_fields);
          n_rows++;
        }
    }

  if (n_rows == 0 || n_columns == 0)
    return;

  stats = g_new0 (ColumnStats, n_columns);
  taken = g_new0 (gboolean, n_columns);

  for (guint i = first; i < records->len; i++)
    {
      const Record *record = g_ptr_array_index (records, i);

      if (record_is_blank (record))
        continue;

      for (guint c = 0; c < record->n_fields; c++)
        {
          g_autofree char *value = g_strstrip (g_strdup (record->fields[c]));
          ColumnStats *s = &stats[c];

          if (*value == '\0')
            continue;

          s->nonempty++;
          if (s->first == NULL)
            s->first = g_strdup (value);
          else if (!g_str_equal (s->first, value))
            s->varied = TRUE;

          if (is_date_like (value))
            s->dates++;
          if (is_amount_like (value))
            {
              s->amounts++;
              s->decimals += has_decimals (value);
              s->negatives += strchr (value, '-') != NULL || value[0] == '(';
            }
          if (sign_of_word (value) != 0)
            s->sign_words++;
          if (has_letters (value))
            s->letters++;
          if (budg_import_is_currency (value))
            s->currencies++;
        }
    }

  for (guint c = 0; c < n_columns; c++)
    {
      int *roles[] = { &columns->date, &columns->amount, &columns->debit, &columns->credit,
                       &columns->sign, &columns->payee, &columns->memo, &columns->category,
                       &columns->balance, &columns->id, &columns->account, &columns->currency,
                       &columns->check_number };

      for (guint r = 0; r < G_N_ELEMENTS (roles); r++)
        if (*roles[r] == (int) c)
          taken[c] = TRUE;
    }

  if (columns->date < 0)
    {
      columns->date = find_date_column (stats, n_columns, n_rows);
      if (columns->date >= 0)
        taken[columns->date] = TRUE;
    }

  for (guint c = 0; c < n_columns; c++)
    {
      ColumnStats *s = &stats[c];

      if (taken[c] || s->nonempty == 0 || s->amounts != s->nonempty || s->decimals == 0)
        continue;

      if (s->nonempty * 10 >= n_rows * 9)
        {
          if (n_full < G_N_ELEMENTS (full))
            full[n_full++] = c;
        }
      else if (n_partial < G_N_ELEMENTS (partial))
        {
          partial[n_partial++] = c;
        }
    }

  if (columns->amount < 0 && columns->debit < 0 && columns->credit < 0)
    {
      /* Two half-filled columns where each row fills exactly one: money
       * out, then money in, as banks order them. */
      for (guint a = 0; a + 1 < n_partial && columns->debit < 0; a++)
        {
          for (guint b = a + 1; b < n_partial && columns->debit < 0; b++)
            {
              gboolean exclusive = TRUE;

              for (guint i = first; i < records->len && exclusive; i++)
                {
                  const Record *record = g_ptr_array_index (records, i);

                  if (record_is_blank (record))
                    continue;
                  exclusive = is_blank (record_get (record, partial[a])) !=
                              is_blank (record_get (record, partial[b]));
                }

              if (exclusive)
                {
                  columns->debit = partial[a];
                  columns->credit = partial[b];
                  taken[partial[a]] = taken[partial[b]] = TRUE;
                }
            }
        }

      /* Otherwise the full column with negative amounts (a balance rarely
       * has them), else the first full one. */
      for (guint i = 0; i < n_full && columns->debit < 0 && columns->amount < 0; i++)
        if (stats[full[i]].negatives > 0)
          columns->amount = full[i];
      if (columns->debit < 0 && columns->amount < 0 && n_full > 0)
        columns->amount = full[0];
      if (columns->amount >= 0)
        taken[columns->amount] = TRUE;
    }

  /* Unsigned amounts take their direction from a column of words. (A
   * header may name more columns than the rows have.) */
  if (columns->sign < 0 && columns->amount >= 0 && (guint) columns->amount < n_columns &&
      stats[columns->amount].negatives == 0)
    {
      for (guint c = 0; c < n_columns && columns->sign < 0; c++)
        {
          if (!taken[c] && stats[c].nonempty * 10 >= n_rows * 9 &&
              stats[c].sign_words == stats[c].nonempty && stats[c].letters > 0)
            {
              columns->sign = c;
              taken[c] = TRUE;
            }
        }
    }

  if (columns->balance < 0 && columns_are_usable (columns))
    {
      for (guint i = 0; i < n_full && columns->balance < 0; i++)
        {
          if (!taken[full[i]] && is_balance_column (records, first, full[i], columns))
            {
              columns->balance = full[i];
              taken[full[i]] = TRUE;
            }
        }
    }

  if (columns->currency < 0)
    {
      for (guint c = 0; c < n_columns && columns->currency < 0; c++)
        {
          if (!taken[c] && stats[c].nonempty > 0 && !stats[c].varied &&
              stats[c].currencies == stats[c].nonempty)
            {
              columns->currency = c;
              taken[c] = TRUE;
            }
        }
    }

  /* Text for the payee, then the memo: first columns whose text varies
   * from row to row, then (a file of identical descriptions) any text. */
  for (guint pass = 0; pass < 2; pass++)
    {
      for (guint c = 0; c < n_columns && (columns->payee < 0 || columns->memo < 0); c++)
        {
          ColumnStats *s = &stats[c];

          if (taken[c] || s->nonempty * 2 < n_rows || s->letters * 2 < s->nonempty ||
              s->amounts == s->nonempty || (pass == 0 && n_rows > 1 && !s->varied))
            continue;

          if (columns->payee < 0)
            columns->payee = c;
          else
            columns->memo = c;
          taken[c] = TRUE;
        }
    }

  for (guint c = 0; c < n_columns; c++)
    g_free (stats[c].first);
}

/* ---------------------------------------------------------------- layout */

typedef struct
{
  BudgCsvOptions  *options;    /* every choice resolved */
  char            *text;       /* the decoded text after the skipped lines */
  guint            first_line; /* the line number of text's first line */
  int              header;     /* index of the header record, or -1 */
  guint            data_start; /* index of the first data record */
  BudgDecimalMark  fallback;
} CsvLayout;

static void
csv_layout_clear (CsvLayout *layout)
{
  g_clear_pointer (&layout->options, budg_csv_options_free);
  g_clear_pointer (&layout->text, g_free);
}

static GPtrArray *
read_some (const char *text,
           char        delimiter,
           guint       first_line,
           guint       max_records)
{
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) record_free);
  RecordReader reader;
  Record *record;

  record_reader_init (&reader, text, delimiter, first_line);
  while (records->len < max_records && (record = record_reader_next (&reader)) != NULL)
    g_ptr_array_add (records, record);

  return records;
}

/* The delimiter that cuts the most of the first records into the same
 * number (two or more) of fields; a tie goes to the more fields, then to
 * the more usual delimiter. A preamble only costs a few records. */
static char
detect_delimiter (const char *text)
{
  static const char candidates[] = { ',', ';', '\t', '|' };
  char best = 0;
  guint best_score = 0;
  guint best_width = 0;

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      g_autoptr(GPtrArray) records = read_some (text, candidates[i], 1, N_SNIFF_RECORDS);
      g_autoptr(GHashTable) widths = g_hash_table_new (NULL, NULL);
      GHashTableIter iter;
      gpointer key;
      gpointer value;
      guint score = 0;
      guint width = 0;

      for (guint r = 0; r < records->len; r++)
        {
          const Record *record = g_ptr_array_index (records, r);
          guint count;

          if (record->n_fields < 2 || record_is_blank (record))
            continue;

          count = GPOINTER_TO_UINT (g_hash_table_lookup (widths, GUINT_TO_POINTER (record->n_fields)));
          g_hash_table_insert (widths, GUINT_TO_POINTER (record->n_fields), GUINT_TO_POINTER (count + 1));
        }

      g_hash_table_iter_init (&iter, widths);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          guint count = GPOINTER_TO_UINT (value);
          guint n_fields = GPOINTER_TO_UINT (key);

          if (count > score || (count == score && n_fields > width))
            {
              score = count;
              width = n_fields;
            }
        }

      if (score > best_score || (score == best_score && score > 0 && width > best_width))
        {
          best = candidates[i];
          best_score = score;
          best_width = width;
        }
    }

  return best;
}

/* A row of data: a date and an amount in two different cells. */
static gboolean
is_data_record (const Record *record)
{
  int date = -1;

  if (record->n_fields < 2)
    return FALSE;

  for (guint i = 0; i < record->n_fields && date < 0; i++)
    if (is_date_like (record->fields[i]))
      date = i;

  if (date < 0)
    return FALSE;

  for (guint i = 0; i < record->n_fields; i++)
    if ((int) i != date && is_amount_like (record->fields[i]) && has_decimals (record->fields[i]))
      return TRUE;

  /* Whole amounts ("50") count when nothing else in the row could be one. */
  for (guint i = 0; i < record->n_fields; i++)
    if ((int) i != date && is_amount_like (record->fields[i]) && !is_date_like (record->fields[i]))
      return TRUE;

  return FALSE;
}

static gboolean
has_date_cell (const Record *record)
{
  for (guint i = 0; i < record->n_fields; i++)
    if (is_date_like (record->fields[i]))
      return TRUE;

  return FALSE;
}

static char **
header_names (const Record *record)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  char **names;

  for (guint i = 0; i < record->n_fields; i++)
    {
      g_autofree char *name = budg_import_clean_text (record->fields[i], -1);

      g_strv_builder_add (builder, name != NULL ? name : "");
    }

  names = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);

  return names;
}

static const char *
skip_lines (const char *text,
            guint       n)
{
  for (guint i = 0; i < n && *text != '\0'; i++)
    {
      const char *end = strchr (text, '\n');

      text = end != NULL ? end + 1 : text + strlen (text);
    }

  return text;
}

static gboolean
resolve_layout (const guint8          *data,
                gsize                  length,
                const BudgCsvOptions  *hints,
                CsvLayout             *layout,
                GError               **error)
{
  g_autoptr(BudgCsvOptions) options = budg_csv_options_copy (hints);
  g_autoptr(GPtrArray) records = NULL;
  g_autofree char *encoding = NULL;
  g_autofree char *decoded = NULL;
  BudgDecimalVote vote = { 0 };
  BudgDateGuess guess;
  RecordReader reader;
  Record *record;
  const char *text;
  int header = -1;
  int start = -1;

  if (length == 0)
    {
      g_set_error_literal (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT, _("The file is empty."));
      return FALSE;
    }

  decoded = budg_import_decode (data, length, hints->encoding, &encoding, error);
  if (decoded == NULL)
    return FALSE;
  normalize_newlines (decoded);

  if (decoded[strspn (decoded, " \t\n")] == '\0')
    {
      g_set_error_literal (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT, _("The file is empty."));
      return FALSE;
    }

  g_free (options->encoding);
  options->encoding = g_steal_pointer (&encoding);

  if (options->delimiter == 0)
    options->delimiter = detect_delimiter (decoded);
  if (options->delimiter == 0)
    {
      g_set_error_literal (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                           _("This is not a CSV file: no line has fields separated by "
                             "commas, semicolons or tabs."));
      return FALSE;
    }

  text = skip_lines (decoded, MAX (options->skip_lines, 0));
  records = read_some (text, options->delimiter, MAX (options->skip_lines, 0) + 1, N_SNIFF_RECORDS);

  if (options->skip_lines >= 0)
    {
      /* The user says where the table starts; blank lines do not count. */
      for (guint i = 0; i < records->len && start < 0; i++)
        if (!record_is_blank (g_ptr_array_index (records, i)))
          start = i;

      if (start < 0)
        {
          g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                       _("Nothing is left after skipping %d lines."), options->skip_lines);
          return FALSE;
        }

      if (options->header == BUDG_CSV_HEADER_YES ||
          (options->header == BUDG_CSV_HEADER_AUTO &&
           (is_header (g_ptr_array_index (records, start)) ||
            (!has_date_cell (g_ptr_array_index (records, start)) &&
             (guint) start + 1 < records->len &&
             is_data_record (g_ptr_array_index (records, start + 1))))))
        {
          header = start;
          start++;
        }
    }
  else
    {
      guint search = MIN (records->len, N_HEADER_SEARCH);

      if (options->header != BUDG_CSV_HEADER_NO)
        for (guint i = 0; i < search && header < 0; i++)
          if (is_header (g_ptr_array_index (records, i)))
            header = i;

      if (header >= 0)
        {
          start = header + 1;
        }
      else
        {
          for (guint i = 0; i < search && start < 0; i++)
            if (is_data_record (g_ptr_array_index (records, i)))
              start = i;

          if (start < 0)
            {
              g_set_error_literal (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                                   _("No row with a date and an amount was found at the start "
                                     "of the file. Choose the columns and the lines to skip."));
              return FALSE;
            }

          /* A header of unknown names: a row as wide as the data, without
           * dates, just before it. */
          if (start > 0 && options->header != BUDG_CSV_HEADER_NO)
            {
              const Record *before = g_ptr_array_index (records, start - 1);
              const Record *first = g_ptr_array_index (records, start);

              if (!record_is_blank (before) && before->n_fields == first->n_fields &&
                  !has_date_cell (before))
                header = start - 1;
            }
        }

      /* From now on the table starts at the header, or the first row. */
      {
        int table = header >= 0 ? header : start;
        const Record *first = g_ptr_array_index (records, table);

        options->skip_lines = first->line - 1;
        text = skip_lines (decoded, options->skip_lines);
        g_clear_pointer (&records, g_ptr_array_unref);
        records = read_some (text, options->delimiter, options->skip_lines + 1, N_SNIFF_RECORDS);
        start -= table;
        header = header >= 0 ? 0 : -1;
      }
    }

  options->header = header >= 0 ? BUDG_CSV_HEADER_YES : BUDG_CSV_HEADER_NO;
  g_clear_pointer (&options->header_names, g_strfreev);
  if (header >= 0)
    options->header_names = header_names (g_ptr_array_index (records, header));

  if (!options->columns_set)
    {
      budg_csv_columns_init (&options->columns);
      if (header >= 0)
        columns_from_header (g_ptr_array_index (records, header), &options->columns);
      if (options->columns.date < 0 || !columns_are_usable (&options->columns))
        columns_from_content (records, start, &options->columns);
      options->columns_set = TRUE;
    }

  if (options->columns.date < 0)
    {
      g_set_error_literal (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                           _("No column of dates was found. Choose the columns."));
      return FALSE;
    }
  if (!columns_are_usable (&options->columns))
    {
      g_set_error_literal (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                           _("No column of amounts was found. Choose the columns."));
      return FALSE;
    }

  /* Day/month order and decimal mark, over the whole file. */
  budg_date_guess_init (&guess);
  record_reader_init (&reader, text, options->delimiter, options->skip_lines + 1);
  for (int index = 0; (record = record_reader_next (&reader)) != NULL; index++)
    {
      const char *date = record_get (record, options->columns.date);
      BudgDateParts parts;
      const int amount_columns[] = {
        options->columns.amount, options->columns.debit,
        options->columns.credit, options->columns.balance,
      };

      if (index >= start && !record_is_blank (record))
        {
          if (options->date_order == BUDG_DATE_ORDER_AUTO && budg_date_parts_scan (date, FALSE, &parts))
            budg_date_guess_add (&guess, &parts, record->line, date);

          if (options->decimal_mark == BUDG_DECIMAL_MARK_AUTO)
            for (guint i = 0; i < G_N_ELEMENTS (amount_columns); i++)
              budg_decimal_vote_add (&vote, record_get (record, amount_columns[i]));
        }

      record_free (record);
    }

  if (options->date_order == BUDG_DATE_ORDER_AUTO &&
      !budg_date_guess_finish (&guess, &options->date_order, error))
    {
      budg_date_guess_clear (&guess);
      return FALSE;
    }
  budg_date_guess_clear (&guess);

  layout->fallback = options->decimal_mark != BUDG_DECIMAL_MARK_AUTO
                     ? options->decimal_mark : budg_decimal_vote_result (&vote);
  layout->first_line = options->skip_lines + 1;
  layout->header = header;
  layout->data_start = start;
  layout->text = g_strdup (text);
  layout->options = g_steal_pointer (&options);

  return TRUE;
}

/* ---------------------------------------------------------------- rows */

typedef struct
{
  const BudgCsvOptions *options;
  BudgDecimalMark       fallback;
  BudgImportResult     *result;
  GHashTable           *statements;   /* "account\x1fcurrency" → statement */
  /* The previous row's, which the next row nearly always shares. */
  BudgImportStatement  *last_statement;
  char                 *last_account;
  char                 *last_currency;
} RowContext;

static gboolean
read_amount (RowContext *context,
             const char *text,
             guint       minor_units,
             gint64     *out)
{
  return budg_import_parse_amount (text, context->options->decimal_mark, context->fallback,
                                   minor_units, out);
}

static BudgImportStatement *
statement_for (RowContext *context,
               const char *account,
               const char *currency)
{
  g_autofree char *key = NULL;
  BudgImportStatement *statement;

  if (context->last_statement != NULL &&
      g_strcmp0 (account, context->last_account) == 0 &&
      g_strcmp0 (currency, context->last_currency) == 0)
    return context->last_statement;

  key = g_strconcat (account ? account : "", "\x1f", currency ? currency : "", NULL);
  statement = g_hash_table_lookup (context->statements, key);

  if (statement == NULL)
    {
      statement = budg_import_statement_new ();
      statement->account_number = g_strdup (account);
      statement->currency = g_strdup (currency);
      g_ptr_array_add (context->result->statements, statement);
      g_hash_table_insert (context->statements, g_steal_pointer (&key), statement);
    }

  context->last_statement = statement;
  g_free (context->last_account);
  context->last_account = g_strdup (account);
  g_free (context->last_currency);
  context->last_currency = g_strdup (currency);

  return statement;
}

static void
convert_record (RowContext   *context,
                const Record *record)
{
  const BudgCsvColumns *columns = &context->options->columns;
  BudgImportResult *result = context->result;
  g_autoptr(BudgImportRow) row = NULL;
  g_autofree char *currency = NULL;
  g_autofree char *account = NULL;
  const char *date_text;
  const char *amount_text;
  const char *debit_text;
  const char *credit_text;
  const char *sign_text;
  BudgDateParts parts;
  guint minor_units;

  if (record->unterminated)
    {
      budg_import_result_reject (result, record->line,
                                 _("A quoted field starts on this line and never ends."));
      return;
    }

  date_text = record_get (record, columns->date);
  amount_text = record_get (record, columns->amount);
  debit_text = record_get (record, columns->debit);
  credit_text = record_get (record, columns->credit);
  sign_text = record_get (record, columns->sign);

  if (date_text == NULL ||
      (columns->amount >= 0 && amount_text == NULL) ||
      (columns->amount < 0 && debit_text == NULL && credit_text == NULL))
    {
      budg_import_result_reject (result, record->line,
                                 ngettext ("The row has only %u field.",
                                           "The row has only %u fields.", record->n_fields),
                                 record->n_fields);
      return;
    }

  row = budg_import_row_new ();
  row->line = record->line;

  if (is_blank (date_text))
    {
      budg_import_result_reject (result, record->line, _("The row has no date."));
      return;
    }

  if (!budg_date_parts_scan (date_text, FALSE, &parts) ||
      (row->date = budg_date_parts_to_iso (&parts, context->options->date_order)) == NULL)
    {
      g_autofree char *shown = budg_import_clean_text (date_text, -1);

      budg_import_result_reject (result, record->line, _("The date “%s” cannot be read."), shown);
      return;
    }

  currency = budg_import_clean_text (record_get (record, columns->currency), -1);
  if (currency != NULL)
    {
      char *upper = g_ascii_strup (currency, -1);

      g_free (currency);
      currency = upper;
      if (!budg_import_is_currency (currency))
        g_clear_pointer (&currency, g_free);
    }
  minor_units = budg_import_minor_units (currency != NULL ? currency : context->options->currency);

  if (columns->amount >= 0)
    {
      if (is_blank (amount_text))
        {
          budg_import_result_reject (result, record->line, _("The row has no amount."));
          return;
        }
      if (!read_amount (context, amount_text, minor_units, &row->amount_minor))
        {
          g_autofree char *shown = budg_import_clean_text (amount_text, -1);

          budg_import_result_reject (result, record->line, _("The amount “%s” cannot be read."), shown);
          return;
        }

      if (columns->sign >= 0 && !is_blank (sign_text))
        {
          int sign = sign_of_word (sign_text);

          if (sign == 0)
            {
              g_autofree char *shown = budg_import_clean_text (sign_text, -1);

              budg_import_result_reject (result, record->line,
                                         _("“%s” says neither debit nor credit."), shown);
              return;
            }
          row->amount_minor = sign * ABS (row->amount_minor);
        }
    }
  else
    {
      gint64 part;

      if (is_blank (debit_text) && is_blank (credit_text))
        {
          budg_import_result_reject (result, record->line, _("The row has no amount."));
          return;
        }

      if (!is_blank (debit_text))
        {
          if (!read_amount (context, debit_text, minor_units, &part))
            {
              g_autofree char *shown = budg_import_clean_text (debit_text, -1);

              budg_import_result_reject (result, record->line, _("The amount “%s” cannot be read."), shown);
              return;
            }
          row->amount_minor -= ABS (part);
        }

      if (!is_blank (credit_text))
        {
          if (!read_amount (context, credit_text, minor_units, &part) ||
              !budg_money_add (row->amount_minor, ABS (part), &row->amount_minor, NULL))
            {
              g_autofree char *shown = budg_import_clean_text (credit_text, -1);

              budg_import_result_reject (result, record->line, _("The amount “%s” cannot be read."), shown);
              return;
            }
        }
    }

  /* A balance that cannot be read is only a lost check, not a lost row. */
  if (!is_blank (record_get (record, columns->balance)))
    row->has_balance = read_amount (context, record_get (record, columns->balance), minor_units,
                                    &row->balance_minor);

  row->payee = budg_import_clean_text (record_get (record, columns->payee), -1);
  row->memo = budg_import_clean_text (record_get (record, columns->memo), -1);
  row->category = budg_import_clean_text (record_get (record, columns->category), -1);
  row->external_id = budg_import_clean_text (record_get (record, columns->id), -1);
  row->check_number = budg_import_clean_text (record_get (record, columns->check_number), -1);
  account = budg_import_clean_text (record_get (record, columns->account), -1);

  g_ptr_array_add (statement_for (context, account, currency)->rows, g_steal_pointer (&row));
}

/* The closing balance: the balance column on the latest row, the first of a
 * newest-first file or the last of an oldest-first one. */
static void
set_ledger_balance (BudgImportStatement *statement)
{
  BudgImportRow *first;
  BudgImportRow *last;
  gboolean newest_first;

  if (statement->rows->len == 0)
    return;

  first = g_ptr_array_index (statement->rows, 0);
  last = g_ptr_array_index (statement->rows, statement->rows->len - 1);
  newest_first = strcmp (first->date, last->date) > 0;

  for (guint i = 0; i < statement->rows->len; i++)
    {
      guint index = newest_first ? i : statement->rows->len - 1 - i;
      BudgImportRow *row = g_ptr_array_index (statement->rows, index);

      if (row->has_balance)
        {
          statement->has_ledger_balance = TRUE;
          statement->ledger_balance_minor = row->balance_minor;
          statement->ledger_balance_date = g_strdup (row->date);
          return;
        }
    }
}

static const BudgCsvOptions *
default_options (void)
{
  static BudgCsvOptions *defaults;

  if (g_once_init_enter (&defaults))
    g_once_init_leave (&defaults, budg_csv_options_new ());

  return defaults;
}

/**
 * budg_csv_detect:
 * @data: the file's bytes
 * @length: their number
 * @hints: (nullable): what the user already chose; %NULL to detect all
 * @error: return location for a #GError
 *
 * Works out how to read a CSV file: everything @hints leaves to detection
 * (encoding, delimiter, lines to skip, header, columns, date order, decimal
 * mark) is filled in, and the header row's cells are in @header_names, for
 * the mapping dialog to show and a profile to save.
 *
 * Returns: (transfer full): the resolved options, or %NULL if the file is
 *   not CSV, has no date or amount column, or its dates contradict each
 *   other
 */
BudgCsvOptions *
budg_csv_detect (const guint8          *data,
                 gsize                  length,
                 const BudgCsvOptions  *hints,
                 GError               **error)
{
  CsvLayout layout = { 0 };
  BudgCsvOptions *options;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!resolve_layout (data, length, hints != NULL ? hints : default_options (), &layout, error))
    {
      csv_layout_clear (&layout);
      return NULL;
    }

  options = g_steal_pointer (&layout.options);
  if (options->decimal_mark == BUDG_DECIMAL_MARK_AUTO)
    options->decimal_mark = layout.fallback;
  csv_layout_clear (&layout);

  return options;
}

/**
 * budg_csv_parse:
 * @data: the file's bytes
 * @length: their number
 * @options: (nullable): how to read it; what is left to detection is
 *   detected as budg_csv_detect() does
 * @error: return location for a #GError
 *
 * Reads a CSV file into one statement per account and currency column
 * value (one statement when there are no such columns). Rows that cannot
 * be read (no date, an unreadable amount, too few fields, an unclosed
 * quote) are rejections with their line; blank lines are skipped. The
 * statement's ledger balance is the balance column's latest value.
 *
 * Returns: (transfer full): the statements, or %NULL with @error set
 */
BudgImportResult *
budg_csv_parse (const guint8          *data,
                gsize                  length,
                const BudgCsvOptions  *options,
                GError               **error)
{
  g_autoptr(BudgImportResult) result = NULL;
  g_autoptr(GHashTable) statements = NULL;
  CsvLayout layout = { 0 };
  RowContext context;
  RecordReader reader;
  Record *record;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!resolve_layout (data, length, options != NULL ? options : default_options (), &layout, error))
    {
      csv_layout_clear (&layout);
      return NULL;
    }

  result = budg_import_result_new (BUDG_IMPORT_FORMAT_CSV);
  result->encoding = g_strdup (layout.options->encoding);
  statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  context = (RowContext) {
    .options = layout.options,
    .fallback = layout.fallback,
    .result = result,
    .statements = statements,
  };

  record_reader_init (&reader, layout.text, layout.options->delimiter, layout.first_line);
  for (guint index = 0; (record = record_reader_next (&reader)) != NULL; index++)
    {
      if (index >= layout.data_start && !record_is_blank (record))
        convert_record (&context, record);
      record_free (record);
    }

  for (guint i = 0; i < result->statements->len; i++)
    set_ledger_balance (g_ptr_array_index (result->statements, i));

  g_free (context.last_account);
  g_free (context.last_currency);
  csv_layout_clear (&layout);

  return g_steal_pointer (&result);
}

/**
 * budg_csv_read_records:
 * @data: the file's bytes
 * @length: their number
 * @options: (nullable): how to read it (only the encoding, the delimiter and
 *   the lines to skip matter; what is left to detection is detected)
 * @max_records: how many records to return at most
 * @error: return location for a #GError
 *
 * Reads the first records of the table as text, starting with the header
 * row if there is one, for the mapping dialog's preview.
 *
 * Returns: (transfer full) (element-type BudgCsvRecord): the records
 */
GPtrArray *
budg_csv_read_records (const guint8          *data,
                       gsize                  length,
                       const BudgCsvOptions  *options,
                       guint                  max_records,
                       GError               **error)
{
  g_autoptr(GPtrArray) records = NULL;
  GPtrArray *out;
  CsvLayout layout = { 0 };

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!resolve_layout (data, length, options != NULL ? options : default_options (), &layout, error))
    {
      csv_layout_clear (&layout);
      return NULL;
    }

  records = read_some (layout.text, layout.options->delimiter, layout.first_line, G_MAXUINT);
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) budg_csv_record_free);

  for (guint i = layout.header >= 0 ? (guint) layout.header : layout.data_start;
       i < records->len && out->len < max_records; i++)
    {
      Record *record = g_ptr_array_index (records, i);
      BudgCsvRecord *copy;

      if (record_is_blank (record))
        continue;

      copy = g_new0 (BudgCsvRecord, 1);
      copy->line = record->line;
      copy->fields = g_steal_pointer (&record->fields);
      record->fields = g_new0 (char *, 1);
      g_ptr_array_add (out, copy);
    }

  csv_layout_clear (&layout);

  return out;
}
