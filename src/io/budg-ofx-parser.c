/* budg-ofx-parser.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-ofx-parser"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <libofx/libofx.h>
#include <math.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "budg-error.h"
#include "budg-import-private.h"
#include "budg-ofx-parser.h"

/* OFX 1.x (SGML), OFX 2.x (XML) and QFX go through libofx, which validates
 * them against the OFX DTD with OpenSP. libofx reads only files, reports
 * amounts as doubles and dates as instants, trusts the declared character
 * set, and fills in bad dates with the epoch or the current time. So the
 * document is first rewritten ("scrubbed") into the one form libofx reads
 * reliably:
 *
 * - decoded to UTF-8 by us (files declaring CHARSET:1252 are often UTF-8,
 *   and the reverse), under a fresh SGML header that says UTF-8;
 * - one tag per line, comments and processing instructions dropped, CDATA
 *   escaped, XML-style end tags of leaf elements kept, a missing
 *   </BANKTRANLIST> restored before the balances;
 * - every date cut to its day, YYYYMMDD, which libofx turns into 10:59 UTC
 *   of that day (so the day survives any time zone), and an impossible date
 *   ("20120231", "") into 0001-01-01, which we reject;
 * - empty leaf elements removed, so that an empty <BALAMT> is no balance
 *   rather than a balance of zero.
 *
 * While scrubbing, the line of each <STMTTRN> / <INVTRAN> and its FITID are
 * noted, to give rows and rejections their line in the original file.
 *
 * libofx keeps global state (message switches, environment variables for
 * OpenSP), so parses are serialized.
 */

#define SENTINEL_DATE "00010101"

G_LOCK_DEFINE_STATIC (libofx);

/* ---------------------------------------------------------------- scrub */

typedef enum
{
  TOKEN_OPEN,
  TOKEN_CLOSE,
  TOKEN_TEXT,
} TokenKind;

typedef struct
{
  TokenKind  kind;
  guint      line;
  char      *text;     /* tag name in upper case, or the text */
} Token;

static void
token_clear (gpointer data)
{
  Token *token = data;

  g_free (token->text);
}

void
budg_ofx_transaction_mark_clear (gpointer data)
{
  BudgOfxTransactionMark *mark = data;

  g_clear_pointer (&mark->fitid, g_free);
}

static guint
count_lines (const char *start,
             const char *end)
{
  guint n = 0;

  for (const char *p = start; p < end; p++)
    n += *p == '\n';

  return n;
}

static const char *
find_nocase (const char *haystack,
             const char *needle)
{
  gsize length = strlen (needle);

  for (const char *p = haystack; *p != '\0'; p++)
    if (g_ascii_strncasecmp (p, needle, length) == 0)
      return p;

  return NULL;
}

static void
add_token (GArray     *tokens,
           TokenKind   kind,
           guint       line,
           char       *text)
{
  Token token = { kind, line, text };

  g_array_append_val (tokens, token);
}

/* Escapes CDATA content as SGML text. */
static char *
escape_text (const char *text,
             gsize       length)
{
  GString *out = g_string_sized_new (length);

  for (gsize i = 0; i < length; i++)
    {
      if (text[i] == '&')
        g_string_append (out, "&amp;");
      else if (text[i] == '<')
        g_string_append (out, "&lt;");
      else if (text[i] == '>')
        g_string_append (out, "&gt;");
      else
        g_string_append_c (out, text[i]);
    }

  return g_string_free (out, FALSE);
}

/* Splits the body into tags and text; FALSE if it is cut off inside a tag,
 * a comment or a CDATA section. */
static gboolean
tokenize (const char *body,
          guint       first_line,
          GArray     *tokens)
{
  const char *p = body;
  guint line = first_line;

  while (*p != '\0')
    {
      const char *end;

      if (*p != '<')
        {
          end = strchr (p, '<');
          if (end == NULL)
            end = p + strlen (p);
          add_token (tokens, TOKEN_TEXT, line, g_strndup (p, end - p));
          line += count_lines (p, end);
          p = end;
          continue;
        }

      if (strncmp (p, "<!--", 4) == 0)
        {
          end = strstr (p + 4, "-->");
          if (end == NULL)
            return FALSE;
          end += 3;
        }
      else if (g_ascii_strncasecmp (p, "<![CDATA[", 9) == 0)
        {
          end = strstr (p + 9, "]]>");
          if (end == NULL)
            return FALSE;
          add_token (tokens, TOKEN_TEXT, line, escape_text (p + 9, end - p - 9));
          end += 3;
        }
      else if (p[1] == '?' || p[1] == '!')
        {
          end = strchr (p, '>');
          if (end == NULL)
            return FALSE;
          end++;
        }
      else
        {
          gboolean closing = p[1] == '/';
          const char *name = p + 1 + closing;
          const char *name_end = name;

          end = strchr (p, '>');
          if (end == NULL)
            return FALSE;

          while (name_end < end && (g_ascii_isalnum (*name_end) || *name_end == '.' || *name_end == '_'))
            name_end++;

          /* "<TAG/>" is an empty element; "<A<B>" is garbage the DTD
           * parser will refuse, so pass the name on for it to do so. */
          if (name_end > name)
            {
              g_autofree char *tag = g_strndup (name, name_end - name);
              char *upper = g_ascii_strup (tag, -1);

              if (!closing && end > name_end && end[-1] == '/')
                {
                  add_token (tokens, TOKEN_OPEN, line, upper);
                  add_token (tokens, TOKEN_CLOSE, line, g_strdup (upper));
                }
              else
                {
                  add_token (tokens, closing ? TOKEN_CLOSE : TOKEN_OPEN, line, upper);
                }
            }
          end++;
        }

      line += count_lines (p, end);
      p = end;
    }

  return TRUE;
}

static gboolean
is_leaf_name (const char *name)
{
  static const char * const leaves[] = {
    "TRNAMT", "BALAMT", "CURDEF", "CURSYM", "CURRATE", "FITID", "NAME", "MEMO", "CHECKNUM",
    "REFNUM", "ACCTTYPE", "BRANCHID", "BANKID", "ACCTID", "ACCTKEY", "TRNTYPE", "SIC",
    "PAYEEID", "CORRECTFITID", "CORRECTACTION", "SRVRTID", "LANGUAGE", "CODE", "SEVERITY",
    "MESSAGE", "TRNUID", "BROKERID", "UNITS", "UNITPRICE", "TOTAL", "SUBACCTFUND",
  };

  if (g_str_has_prefix (name, "DT"))
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (leaves); i++)
    if (g_str_equal (name, leaves[i]))
      return TRUE;

  return FALSE;
}

/* Character references the OFX DTD does not define, which OpenSP would
 * drop ("Caf&eacute;" → "Caf") or turn into a Latin-1 byte ("&#233;"),
 * become the UTF-8 characters; the five XML ones stay escaped for OpenSP. */
static char *
decode_references (const char *value)
{
  static const struct { const char *name; gunichar c; } names[] = {
    { "nbsp", 0xa0 }, { "euro", 0x20ac }, { "pound", 0xa3 }, { "copy", 0xa9 }, { "deg", 0xb0 },
    { "Agrave", 0xc0 }, { "Aacute", 0xc1 }, { "Acirc", 0xc2 }, { "Auml", 0xc4 }, { "Ccedil", 0xc7 },
    { "Egrave", 0xc8 }, { "Eacute", 0xc9 }, { "Ecirc", 0xca }, { "Icirc", 0xce }, { "Ntilde", 0xd1 },
    { "Ocirc", 0xd4 }, { "Ouml", 0xd6 }, { "Uuml", 0xdc }, { "szlig", 0xdf }, { "agrave", 0xe0 },
    { "aacute", 0xe1 }, { "acirc", 0xe2 }, { "atilde", 0xe3 }, { "auml", 0xe4 }, { "ccedil", 0xe7 },
    { "egrave", 0xe8 }, { "eacute", 0xe9 }, { "ecirc", 0xea }, { "euml", 0xeb }, { "iacute", 0xed },
    { "icirc", 0xee }, { "iuml", 0xef }, { "ntilde", 0xf1 }, { "oacute", 0xf3 }, { "ocirc", 0xf4 },
    { "otilde", 0xf5 }, { "ouml", 0xf6 }, { "uacute", 0xfa }, { "ugrave", 0xf9 }, { "ucirc", 0xfb },
    { "uuml", 0xfc },
  };
  GString *out;

  if (strchr (value, '&') == NULL)
    return g_strdup (value);

  out = g_string_new (NULL);
  for (const char *p = value; *p != '\0';)
    {
      const char *semicolon = *p == '&' ? strchr (p, ';') : NULL;
      gunichar c = 0;

      if (semicolon != NULL && semicolon - p <= 10)
        {
          g_autofree char *name = g_strndup (p + 1, semicolon - p - 1);
          guint64 code = 0;

          if (name[0] == '#' && (name[1] == 'x' || name[1] == 'X'))
            c = g_ascii_string_to_unsigned (name + 2, 16, 1, 0x10ffff, &code, NULL) ? (gunichar) code : 0;
          else if (name[0] == '#')
            c = g_ascii_string_to_unsigned (name + 1, 10, 1, 0x10ffff, &code, NULL) ? (gunichar) code : 0;
          else
            for (guint i = 0; i < G_N_ELEMENTS (names); i++)
              if (g_str_equal (name, names[i].name))
                c = names[i].c;
        }

      /* Markup characters and controls keep their reference. */
      if (c >= 0x20 && c != '<' && c != '>' && c != '&' && c != '"' && c != '\'' &&
          g_unichar_validate (c))
        {
          g_string_append_unichar (out, c);
          p = semicolon + 1;
        }
      else
        {
          g_string_append_c (out, *p++);
        }
    }

  return g_string_free (out, FALSE);
}

/* "20090401122017.000[-5:EST]" → "20090401"; an impossible day → the
 * sentinel. */
static char *
scrub_date (const char *value)
{
  int year;
  int month;
  int day;

  for (guint i = 0; i < 8; i++)
    if (!g_ascii_isdigit (value[i]))
      return g_strdup (SENTINEL_DATE);

  year = (value[0] - '0') * 1000 + (value[1] - '0') * 100 + (value[2] - '0') * 10 + (value[3] - '0');
  month = (value[4] - '0') * 10 + (value[5] - '0');
  day = (value[6] - '0') * 10 + (value[7] - '0');

  if (year < 1800 || year > 2199 || month < 1 || month > 12 ||
      day < 1 || day > g_date_get_days_in_month (month, year))
    return g_strdup (SENTINEL_DATE);

  return g_strndup (value, 8);
}

static gboolean
closes_banktranlist (const Token *token)
{
  if (token->kind == TOKEN_OPEN)
    return g_str_equal (token->text, "LEDGERBAL") || g_str_equal (token->text, "AVAILBAL") ||
           g_str_equal (token->text, "BALLIST") || g_str_equal (token->text, "MKTGINFO");

  if (token->kind == TOKEN_CLOSE)
    return g_str_equal (token->text, "STMTRS") || g_str_equal (token->text, "CCSTMTRS") ||
           g_str_equal (token->text, "INVTRANLIST") || g_str_equal (token->text, "OFX");

  return FALSE;
}

/**
 * budg_ofx_scrub:
 * @text: an OFX or QFX document in UTF-8
 * @marks: (element-type BudgOfxTransactionMark): receives the line and FITID
 *   of each transaction, in document order
 * @error: return location for a #GError
 *
 * Rewrites an OFX document into the SGML form described at the top of this
 * file.
 *
 * Returns: (transfer full): the document for libofx, or %NULL if @text has
 *   no OFX element or ends before it does
 */
char *
budg_ofx_scrub (const char  *text,
                GArray      *marks,
                GError     **error)
{
  g_autoptr(GArray) tokens = NULL;
  GString *out;
  const char *body;
  gboolean list_open = FALSE;
  gboolean seen_end = FALSE;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (marks != NULL, NULL);

  body = find_nocase (text, "<OFX");
  while (body != NULL && g_ascii_isalnum (body[4]))
    body = find_nocase (body + 4, "<OFX");

  if (body == NULL)
    {
      g_set_error_literal (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                           _("This is not an OFX file: it has no <OFX> element."));
      return NULL;
    }

  tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  g_array_set_clear_func (tokens, token_clear);

  if (!tokenize (body, 1 + count_lines (text, body), tokens))
    {
      g_set_error_literal (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                           _("The OFX file ends in the middle of a tag; it may have been cut "
                             "off. Nothing was imported."));
      return NULL;
    }

  out = g_string_new ("OFXHEADER:100\n"
                      "DATA:OFXSGML\n"
                      "VERSION:102\n"
                      "SECURITY:NONE\n"
                      "ENCODING:UTF-8\n"
                      "CHARSET:NONE\n"
                      "COMPRESSION:NONE\n"
                      "OLDFILEUID:NONE\n"
                      "NEWFILEUID:NONE\n"
                      "\n");

  for (guint i = 0; i < tokens->len && !seen_end; i++)
    {
      Token *token = &g_array_index (tokens, Token, i);
      Token *next = i + 1 < tokens->len ? &g_array_index (tokens, Token, i + 1) : NULL;
      Token *after = i + 2 < tokens->len ? &g_array_index (tokens, Token, i + 2) : NULL;
      g_autofree char *value = NULL;

      if (list_open && closes_banktranlist (token))
        {
          g_string_append (out, "</BANKTRANLIST>\n");
          list_open = FALSE;
        }

      if (token->kind == TOKEN_TEXT)
        continue;

      if (token->kind == TOKEN_CLOSE)
        {
          if (g_str_equal (token->text, "BANKTRANLIST"))
            {
              if (!list_open)
                continue;
              list_open = FALSE;
            }
          g_string_append_printf (out, "</%s>\n", token->text);
          seen_end = g_str_equal (token->text, "OFX");
          continue;
        }

      if (next != NULL && next->kind == TOKEN_TEXT)
        {
          value = g_strstrip (g_strdup (next->text));
          if (*value == '\0')
            {
              g_clear_pointer (&value, g_free);
              next = after;
            }
        }

      if (value == NULL)
        {
          /* Nothing in it: an empty element, or an empty leaf with its end
           * tag left out. Neither says anything. */
          if (next != NULL && next->kind == TOKEN_CLOSE && g_str_equal (next->text, token->text))
            {
              i += next == after ? 2 : 1;
              continue;
            }
          if (is_leaf_name (token->text))
            continue;

          if (g_str_equal (token->text, "STMTTRN") || g_str_equal (token->text, "INVTRAN"))
            {
              BudgOfxTransactionMark mark = { token->line, NULL };

              g_array_append_val (marks, mark);
            }
          if (g_str_equal (token->text, "BANKTRANLIST"))
            list_open = TRUE;

          g_string_append_printf (out, "<%s>\n", token->text);
          continue;
        }

      if (g_str_has_prefix (token->text, "DT"))
        {
          char *date = scrub_date (value);

          g_free (value);
          value = date;
        }
      else if (strchr (value, '&') != NULL)
        {
          char *decoded = decode_references (value);

          g_free (value);
          value = decoded;
        }

      if (g_str_equal (token->text, "FITID") && marks->len > 0)
        {
          BudgOfxTransactionMark *mark = &g_array_index (marks, BudgOfxTransactionMark, marks->len - 1);

          if (mark->fitid == NULL)
            mark->fitid = g_strdup (value);
        }

      /* Line breaks inside a value would split it for libofx. */
      g_strdelimit (value, "\r\n", ' ');
      g_string_append_printf (out, "<%s>%s\n", token->text, value);
      i++;

      if (after != NULL && after->kind == TOKEN_CLOSE && g_str_equal (after->text, token->text))
        {
          g_string_append_printf (out, "</%s>\n", token->text);
          i++;
        }
    }

  if (!seen_end)
    {
      g_string_free (out, TRUE);
      g_set_error_literal (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                           _("The OFX file ends before its </OFX> end tag; it may have been cut "
                             "off. Nothing was imported."));
      return NULL;
    }

  return g_string_free (out, FALSE);
}

/* ---------------------------------------------------------------- libofx */

/* What libofx reports, kept as it comes: the callbacks only copy, into
 * arrays and a string chunk that exist before libofx runs and are freed in
 * one piece after. Nothing is allocated per field inside libofx's stack, so
 * that a leak there is libofx's own (see build-aux/lsan.supp) and every
 * leak of ours shows outside it. */
typedef struct
{
  const char      *account_id;
  const char      *bank_id;
  const char      *number;
  gboolean         has_kind;
  BudgAccountKind  kind;
  const char      *currency;
  gboolean         has_ledger;
  double           ledger;
  gboolean         has_ledger_date;
  time_t           ledger_date;
  gboolean         has_start;
  time_t           start;
  gboolean         has_end;
  time_t           end;
} OfxAccount;

typedef struct
{
  const char *account_id;
  gboolean    has_date;
  time_t      date;
  gboolean    has_amount;
  double      amount;
  const char *fitid;
  const char *name;
  const char *memo;
  const char *check_number;
  const char *currency;
  int         investment_type;    /* -1 for a bank or cash transaction */
  const char *corrects;
  gboolean    deletes;
} OfxTransaction;

typedef struct
{
  GStringChunk *strings;
  GArray       *accounts;       /* OfxAccount */
  GArray       *transactions;   /* OfxTransaction */
  const char   *bank_error;
} OfxCollector;

/* libofx's fixed-size buffers are NUL-terminated, but it costs nothing to
 * not rely on it. */
#define KEEP_FIELD(collector, field) \
  g_string_chunk_insert_len ((collector)->strings, (field), strnlen ((field), sizeof (field)))

static guint
find_account (OfxCollector *collector,
              const char   *account_id)
{
  OfxAccount account = { 0 };

  for (guint i = 0; i < collector->accounts->len; i++)
    if (g_strcmp0 (g_array_index (collector->accounts, OfxAccount, i).account_id, account_id) == 0)
      return i;

  account.account_id = account_id;
  g_array_append_val (collector->accounts, account);

  return collector->accounts->len - 1;
}

static gboolean
map_account_type (enum AccountType  type,
                  BudgAccountKind  *out_kind)
{
  switch (type)
    {
    case OFX_CHECKING:
    case OFX_CMA:
      *out_kind = BUDG_ACCOUNT_KIND_CHECKING;
      return TRUE;
    case OFX_SAVINGS:
    case OFX_MONEYMRKT:
      *out_kind = BUDG_ACCOUNT_KIND_SAVINGS;
      return TRUE;
    case OFX_CREDITLINE:
      *out_kind = BUDG_ACCOUNT_KIND_LOAN;
      return TRUE;
    case OFX_CREDITCARD:
      *out_kind = BUDG_ACCOUNT_KIND_CREDIT_CARD;
      return TRUE;
    case OFX_INVESTMENT:
    case OFX_401K:
      *out_kind = BUDG_ACCOUNT_KIND_INVESTMENT;
      return TRUE;
    default:
      return FALSE;
    }
}

static int
account_cb (const struct OfxAccountData  data,
            void                        *user_data)
{
  OfxCollector *collector = user_data;
  guint index = find_account (collector, KEEP_FIELD (collector, data.account_id));
  OfxAccount *account = &g_array_index (collector->accounts, OfxAccount, index);

  if (data.bank_id_valid)
    account->bank_id = KEEP_FIELD (collector, data.bank_id);
  else if (data.broker_id_valid)
    account->bank_id = KEEP_FIELD (collector, data.broker_id);
  if (data.account_number_valid)
    account->number = KEEP_FIELD (collector, data.account_number);
  if (data.account_type_valid)
    account->has_kind = map_account_type (data.account_type, &account->kind);
  if (data.currency_valid && account->currency == NULL)
    account->currency = KEEP_FIELD (collector, data.currency);

  return 0;
}

static int
statement_cb (const struct OfxStatementData  data,
              void                          *user_data)
{
  OfxCollector *collector = user_data;
  guint index = find_account (collector, KEEP_FIELD (collector, data.account_id));
  OfxAccount *account = &g_array_index (collector->accounts, OfxAccount, index);

  if (data.currency_valid)
    account->currency = KEEP_FIELD (collector, data.currency);

  /* Several statements of one account make one: the union of their
   * periods, and the latest balance. */
  if (data.ledger_balance_valid &&
      (!account->has_ledger || !account->has_ledger_date ||
       (data.ledger_balance_date_valid && data.ledger_balance_date >= account->ledger_date)))
    {
      account->has_ledger = TRUE;
      account->ledger = data.ledger_balance;
      account->has_ledger_date = data.ledger_balance_date_valid;
      account->ledger_date = data.ledger_balance_date;
    }
  if (data.date_start_valid && (!account->has_start || data.date_start < account->start))
    {
      account->has_start = TRUE;
      account->start = data.date_start;
    }
  if (data.date_end_valid && (!account->has_end || data.date_end > account->end))
    {
      account->has_end = TRUE;
      account->end = data.date_end;
    }

  return 0;
}

static int
transaction_cb (const struct OfxTransactionData  data,
                void                            *user_data)
{
  OfxCollector *collector = user_data;
  OfxTransaction transaction = { 0 };

  transaction.account_id = KEEP_FIELD (collector, data.account_id);
  transaction.has_date = data.date_posted_valid;
  transaction.date = data.date_posted;
  transaction.has_amount = data.amount_valid;
  transaction.amount = data.amount;
  if (data.fi_id_valid)
    transaction.fitid = KEEP_FIELD (collector, data.fi_id);
  if (data.name_valid)
    transaction.name = KEEP_FIELD (collector, data.name);
  if (data.memo_valid)
    transaction.memo = KEEP_FIELD (collector, data.memo);
  if (data.check_number_valid)
    transaction.check_number = KEEP_FIELD (collector, data.check_number);
  if (data.currency_valid)
    transaction.currency = KEEP_FIELD (collector, data.currency);

  transaction.investment_type = -1;
  if (data.invtransactiontype_valid && data.invtransactiontype != OFX_INVBANKTRAN)
    transaction.investment_type = data.invtransactiontype;

  if (data.fi_id_corrected_valid)
    {
      transaction.corrects = KEEP_FIELD (collector, data.fi_id_corrected);
      transaction.deletes = data.fi_id_correction_action_valid &&
                            data.fi_id_correction_action == DELETE;
    }

  g_array_append_val (collector->transactions, transaction);

  return 0;
}

static int
status_cb (const struct OfxStatusData  data,
           void                       *user_data)
{
  OfxCollector *collector = user_data;
  char text[512];

  if (!data.severity_valid || data.severity != ERROR || collector->bank_error != NULL)
    return 0;

  if (data.server_message_valid && data.server_message != NULL && *data.server_message != '\0')
    g_snprintf (text, sizeof text, "%s (%d)", data.server_message, data.code);
  else if (data.code_valid && data.name != NULL)
    g_snprintf (text, sizeof text, "%s (%d)", data.name, data.code);
  else
    g_snprintf (text, sizeof text, "%d", data.code);

  collector->bank_error = g_string_chunk_insert (collector->strings, text);

  return 0;
}

/* Debian installs the DTDs under a versioned directory
 * (/usr/share/libofx7/libofx/dtd), the Flatpak under /app; libofx's
 * compiled-in path is only right for the build it came with. */
static const char *
find_dtd_dir (void)
{
  static char *dtd_dir;

  if (g_once_init_enter (&dtd_dir))
    {
      g_autoptr(GPtrArray) candidates = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GDir) share = g_dir_open ("/usr/share", 0, NULL);
      char *found = g_strdup ("");

      g_ptr_array_add (candidates, g_strdup ("/app/share/libofx/dtd"));
      g_ptr_array_add (candidates, g_strdup ("/usr/share/libofx/dtd"));
      g_ptr_array_add (candidates, g_strdup ("/usr/local/share/libofx/dtd"));

      if (share != NULL)
        {
          const char *name;

          while ((name = g_dir_read_name (share)) != NULL)
            if (g_str_has_prefix (name, "libofx"))
              {
                g_ptr_array_add (candidates, g_build_filename ("/usr/share", name, "libofx", "dtd", NULL));
                g_ptr_array_add (candidates, g_build_filename ("/usr/share", name, "dtd", NULL));
              }
        }

      for (guint i = 0; i < candidates->len; i++)
        {
          g_autofree char *dtd = g_build_filename (g_ptr_array_index (candidates, i), "ofx160.dtd", NULL);

          if (g_file_test (dtd, G_FILE_TEST_IS_REGULAR))
            {
              g_free (found);
              /* libofx appends the file name to the directory as is. */
              found = g_strconcat (g_ptr_array_index (candidates, i), G_DIR_SEPARATOR_S, NULL);
              break;
            }
        }

      g_once_init_leave (&dtd_dir, found);
    }

  return dtd_dir;
}

static void
silence_libofx (void)
{
  /* Every message libofx has, which it would otherwise print on stderr. */
  ofx_PARSER_msg = 0;
  ofx_DEBUG_msg = 0;
  ofx_DEBUG1_msg = 0;
  ofx_DEBUG2_msg = 0;
  ofx_DEBUG3_msg = 0;
  ofx_DEBUG4_msg = 0;
  ofx_DEBUG5_msg = 0;
  ofx_STATUS_msg = 0;
  ofx_INFO_msg = 0;
  ofx_WARNING_msg = 0;
  ofx_ERROR_msg = 0;
  ofx_show_position = 0;
}

static gboolean
run_libofx (const char    *document,
            OfxCollector  *collector,
            GError       **error)
{
  g_autofree char *path = NULL;
  LibofxContextPtr context;
  const char *dtd_dir;
  int fd;

  fd = g_file_open_tmp ("budg-ofx-XXXXXX.ofx", &path, error);
  if (fd < 0)
    return FALSE;
  close (fd);

  if (!g_file_set_contents (path, document, -1, error))
    {
      g_unlink (path);
      return FALSE;
    }

  G_LOCK (libofx);

  silence_libofx ();
  context = libofx_get_new_context ();
  dtd_dir = find_dtd_dir ();
  if (*dtd_dir != '\0')
    libofx_set_dtd_dir (context, dtd_dir);

  ofx_set_account_cb (context, account_cb, collector);
  ofx_set_statement_cb (context, statement_cb, collector);
  ofx_set_transaction_cb (context, transaction_cb, collector);
  ofx_set_status_cb (context, status_cb, collector);

  /* The return value only says whether OpenSP complained, which it does
   * about half the real files it reads perfectly well; what libofx
   * delivered is what counts. */
  libofx_proc_file (context, path, OFX);
  libofx_free_context (context);

  G_UNLOCK (libofx);

  g_unlink (path);

  return TRUE;
}

/* ---------------------------------------------------------------- result */

/* libofx reports amounts as doubles. Fifteen significant digits give back
 * the decimal text of any amount a bank writes, which is then read exactly
 * and rounded half away from zero. */
static gboolean
double_to_minor (double  value,
                 guint   minor_units,
                 gint64 *out)
{
  char buffer[64];
  char format[16];
  double magnitude = fabs (value);
  int integer_digits = 1;

  if (!isfinite (value) || magnitude >= 1e15)
    return FALSE;

  while (magnitude >= 10 && integer_digits < 15)
    {
      magnitude /= 10;
      integer_digits++;
    }

  g_snprintf (format, sizeof format, "%%.%df", 15 - integer_digits);
  g_ascii_formatd (buffer, sizeof buffer, format, value);

  return budg_import_parse_amount (buffer, BUDG_DECIMAL_MARK_POINT, BUDG_DECIMAL_MARK_POINT,
                                   minor_units, out);
}

/* Dates were scrubbed to their day, which libofx returns at 10:59 UTC; the
 * sentinel comes back as year 1, and a date libofx did not find at all
 * as the epoch. */
static char *
time_to_iso (time_t when)
{
  struct tm tm;

  if (when == 0 || gmtime_r (&when, &tm) == NULL || tm.tm_year + 1900 < 1800)
    return NULL;

  return g_strdup_printf ("%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

/* Some banks escape their text twice ("TPAY &amp;lt;DEFTPYMT&amp;gt;"), so
 * that after OpenSP's decoding "&lt;" is still there. Nobody means that
 * literally; decode once more. */
static char *
clean_decoded (const char *raw)
{
  static const struct { const char *entity; const char *text; } entities[] = {
    { "&lt;", "<" }, { "&gt;", ">" }, { "&quot;", "\"" }, { "&apos;", "'" }, { "&amp;", "&" },
  };
  g_autoptr(GString) out = NULL;

  if (raw == NULL || strchr (raw, '&') == NULL)
    return budg_import_clean_text (raw, -1);

  out = g_string_new (NULL);
  for (const char *p = raw; *p != '\0';)
    {
      gboolean replaced = FALSE;

      if (*p == '&')
        for (guint i = 0; i < G_N_ELEMENTS (entities) && !replaced; i++)
          if (g_str_has_prefix (p, entities[i].entity))
            {
              g_string_append (out, entities[i].text);
              p += strlen (entities[i].entity);
              replaced = TRUE;
            }

      if (!replaced)
        g_string_append_c (out, *p++);
    }

  return budg_import_clean_text (out->str, out->len);
}

static const char *
investment_type_name (int type)
{
  static const char * const names[] = {
    "BUYDEBT", "BUYMF", "BUYOPT", "BUYOTHER", "BUYSTOCK", "CLOSUREOPT", "INCOME",
    "INVEXPENSE", "JRNLFUND", "JRNLSEC", "MARGININTEREST", "REINVEST", "RETOFCAP",
    "SELLDEBT", "SELLMF", "SELLOPT", "SELLOTHER", "SELLSTOCK", "SPLIT", "TRANSFER",
  };

  if (type >= 0 && (guint) type < G_N_ELEMENTS (names))
    return names[type];

  return "INVTRAN";
}

/* The line of a transaction: the next unused mark with its FITID, else the
 * next unused mark. */
static guint
place_transaction (GArray         *marks,
                   gboolean       *used,
                   guint          *next_unused,
                   OfxTransaction *transaction)
{
  if (transaction->fitid != NULL)
    {
      for (guint i = *next_unused; i < marks->len; i++)
        {
          BudgOfxTransactionMark *mark = &g_array_index (marks, BudgOfxTransactionMark, i);

          if (!used[i] && g_strcmp0 (mark->fitid, transaction->fitid) == 0)
            {
              used[i] = TRUE;
              return mark->line;
            }
        }
    }

  while (*next_unused < marks->len && used[*next_unused])
    (*next_unused)++;

  if (*next_unused < marks->len)
    {
      used[*next_unused] = TRUE;
      return g_array_index (marks, BudgOfxTransactionMark, (*next_unused)++).line;
    }

  return 0;
}

static BudgImportStatement *
make_statement (OfxAccount *account,
                const char *default_currency)
{
  BudgImportStatement *statement = budg_import_statement_new ();

  statement->bank_id = budg_import_clean_text (account->bank_id, -1);
  statement->account_number = budg_import_clean_text (account->number, -1);
  statement->has_account_kind = account->has_kind;
  statement->account_kind = account->kind;

  if (account->currency != NULL)
    {
      g_autofree char *clean = budg_import_clean_text (account->currency, -1);
      g_autofree char *upper = g_ascii_strup (clean != NULL ? clean : "", -1);

      if (budg_import_is_currency (upper))
        statement->currency = g_steal_pointer (&upper);
    }
  if (statement->currency == NULL && default_currency != NULL)
    statement->currency = g_strdup (default_currency);

  if (account->has_start)
    statement->start_date = time_to_iso (account->start);
  if (account->has_end)
    statement->end_date = time_to_iso (account->end);

  return statement;
}

static void
finish_statement (BudgImportStatement *statement,
                  OfxAccount          *account)
{
  if (account->has_ledger && account->has_ledger_date)
    {
      statement->ledger_balance_date = time_to_iso (account->ledger_date);
      statement->has_ledger_balance =
        statement->ledger_balance_date != NULL &&
        double_to_minor (account->ledger, budg_import_minor_units (statement->currency),
                         &statement->ledger_balance_minor);
      if (!statement->has_ledger_balance)
        g_clear_pointer (&statement->ledger_balance_date, g_free);
    }
}

/**
 * budg_ofx_parse:
 * @data: the file's bytes
 * @length: their number
 * @default_currency: (nullable): the currency for statements whose file
 *   names none (an empty CURDEF); %NULL leaves it unknown
 * @error: return location for a #GError
 *
 * Reads an OFX 1.x, OFX 2.x or QFX file with libofx: one statement per
 * account (bank, credit card, or the cash transactions of an investment
 * account), with its currency, ledger balance and period. The FITID is
 * each row's external id. Transactions without a valid date or amount,
 * security trades and the bank's deletions are rejections.
 *
 * Returns: (transfer full): the statements, or %NULL if the file is not OFX,
 *   is cut off, holds the bank's error instead of a statement, or libofx
 *   cannot read it
 */
BudgImportResult *
budg_ofx_parse (const guint8  *data,
                gsize          length,
                const char    *default_currency,
                GError       **error)
{
  g_autoptr(BudgImportResult) result = NULL;
  g_autoptr(GArray) marks = NULL;
  g_autofree char *encoding = NULL;
  g_autofree char *document = NULL;
  g_autofree char *text = NULL;
  g_autofree gboolean *used = NULL;
  g_autoptr(GHashTable) statements = NULL;
  OfxCollector collector = { 0 };
  guint next_unused = 0;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length == 0)
    {
      g_set_error_literal (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT, _("The file is empty."));
      return NULL;
    }

  text = budg_import_decode (data, length, NULL, &encoding, error);
  if (text == NULL)
    return NULL;

  marks = g_array_new (FALSE, FALSE, sizeof (BudgOfxTransactionMark));
  g_array_set_clear_func (marks, budg_ofx_transaction_mark_clear);

  document = budg_ofx_scrub (text, marks, error);
  if (document == NULL)
    return NULL;

  collector.strings = g_string_chunk_new (4096);
  collector.accounts = g_array_new (FALSE, TRUE, sizeof (OfxAccount));
  collector.transactions = g_array_new (FALSE, TRUE, sizeof (OfxTransaction));

  if (!run_libofx (document, &collector, error))
    goto out;

  if (collector.accounts->len == 0 && collector.transactions->len == 0)
    {
      if (collector.bank_error != NULL)
        g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                     _("The file holds no statement but an error from the bank: %s."),
                     collector.bank_error);
      else if (*find_dtd_dir () == '\0')
        g_set_error_literal (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                             _("OFX files cannot be read: the OFX definitions of libofx are "
                               "not installed."));
      else
        g_set_error_literal (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                             _("The OFX file cannot be read: it holds no account statement "
                               "that libofx understands."));
      goto out;
    }

  result = budg_import_result_new (find_nocase (text, "<INTU.") != NULL ? BUDG_IMPORT_FORMAT_QFX
                                                                      : BUDG_IMPORT_FORMAT_OFX);
  result->encoding = g_steal_pointer (&encoding);
  statements = g_hash_table_new (g_str_hash, g_str_equal);
  used = g_new0 (gboolean, marks->len + 1);

  for (guint i = 0; i < collector.transactions->len; i++)
    find_account (&collector, g_array_index (collector.transactions, OfxTransaction, i).account_id);

  for (guint i = 0; i < collector.accounts->len; i++)
    {
      OfxAccount *account = &g_array_index (collector.accounts, OfxAccount, i);
      BudgImportStatement *statement = make_statement (account, default_currency);

      finish_statement (statement, account);
      g_ptr_array_add (result->statements, statement);
      g_hash_table_insert (statements, (gpointer) account->account_id, statement);
    }

  for (guint i = 0; i < collector.transactions->len; i++)
    {
      OfxTransaction *transaction = &g_array_index (collector.transactions, OfxTransaction, i);
      BudgImportStatement *statement = g_hash_table_lookup (statements, transaction->account_id);
      guint line = place_transaction (marks, used, &next_unused, transaction);
      g_autoptr(BudgImportRow) row = NULL;
      const char *currency;

      if (transaction->investment_type >= 0)
        {
          budg_import_result_reject (result, line,
                                     _("Investment transactions (%s) cannot be imported; only "
                                       "cash ones can."),
                                     investment_type_name (transaction->investment_type));
          continue;
        }

      if (transaction->deletes)
        {
          budg_import_result_reject (result, line,
                                     _("The bank withdraws its transaction %s; delete it by hand "
                                       "if it was imported before."),
                                     transaction->corrects != NULL ? transaction->corrects : "");
          continue;
        }

      row = budg_import_row_new ();
      row->line = line;

      if (!transaction->has_date || (row->date = time_to_iso (transaction->date)) == NULL)
        {
          budg_import_result_reject (result, line, _("The transaction has no valid date."));
          continue;
        }

      /* A statement without CURDEF may still tell the currency per
       * transaction (CURRENCY/CURSYM). */
      if (statement->currency == NULL && transaction->currency != NULL)
        {
          g_autofree char *clean = budg_import_clean_text (transaction->currency, -1);
          g_autofree char *upper = g_ascii_strup (clean != NULL ? clean : "", -1);

          if (budg_import_is_currency (upper))
            statement->currency = g_steal_pointer (&upper);
        }
      currency = statement->currency;

      if (!transaction->has_amount ||
          !double_to_minor (transaction->amount, budg_import_minor_units (currency), &row->amount_minor))
        {
          budg_import_result_reject (result, line, _("The transaction has no valid amount."));
          continue;
        }

      row->payee = clean_decoded (transaction->name);
      row->memo = clean_decoded (transaction->memo);
      row->external_id = budg_import_clean_text (transaction->fitid, -1);
      row->check_number = budg_import_clean_text (transaction->check_number, -1);
      row->replaces_external_id = budg_import_clean_text (transaction->corrects, -1);
      row->status = BUDG_IMPORT_STATUS_UNKNOWN;

      g_ptr_array_add (statement->rows, g_steal_pointer (&row));
    }

  budg_import_result_sort_rejected (result);

out:
  g_array_unref (collector.accounts);
  g_array_unref (collector.transactions);
  g_string_chunk_free (collector.strings);

  return g_steal_pointer (&result);
}
