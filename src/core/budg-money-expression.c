/* budg-money-expression.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-money-expression"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "budg-error.h"
#include "budg-money.h"

/* Amount fields accept a little arithmetic, the way a receipt gets added
 * up: "12.50+3", "3*4.99", "(20-2.5)/2". Every operand is read by
 * budg_money_parse(), so an operand means exactly what it would mean alone
 * (locale decimal comma, currency symbol, grouping). Values are kept in
 * minor units; products and quotients are scaled back with 128-bit
 * intermediates and rounded half away from zero.
 */

typedef struct
{
  const char *text;
  const char *pos;
  const char *currency;
  gint64      scale;      /* 10^minor units */
  GError    **error;
  gboolean    failed;
} Parser;

#define OPERATORS "+-*/()"

static gboolean parse_sum (Parser *parser, __int128 *out);

static void
skip_spaces (Parser *parser)
{
  while (*parser->pos != '\0' && g_unichar_isspace (g_utf8_get_char (parser->pos)))
    parser->pos = g_utf8_next_char (parser->pos);
}

static gboolean
fail (Parser     *parser,
      const char *message)
{
  if (!parser->failed)
    g_set_error_literal (parser->error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT, message);
  parser->failed = TRUE;

  return FALSE;
}

static gboolean
check_range (Parser   *parser,
             __int128  value)
{
  if (value > G_MAXINT64 || value < -(__int128) G_MAXINT64)
    {
      if (!parser->failed)
        g_set_error_literal (parser->error, BUDG_ERROR, BUDG_ERROR_OVERFLOW,
                             _("The result is too large for an amount."));
      parser->failed = TRUE;
      return FALSE;
    }

  return TRUE;
}

static gboolean
parse_operand (Parser   *parser,
               __int128 *out)
{
  g_autofree char *token = NULL;
  const char *start;
  gint64 value;

  skip_spaces (parser);
  start = parser->pos;

  /* An operand runs to the next operator; spaces inside it (digit
   * grouping) stay, trailing ones are trimmed by the money parser. */
  while (*parser->pos != '\0' && strchr (OPERATORS, *parser->pos) == NULL)
    parser->pos++;

  token = g_strndup (start, parser->pos - start);
  g_strstrip (token);
  if (token[0] == '\0')
    return fail (parser, _("A number is missing in the calculation. Type something like 12.50+3."));

  if (!budg_money_parse (token, parser->currency, &value, parser->error))
    {
      parser->failed = TRUE;
      return FALSE;
    }

  *out = value;

  return TRUE;
}

static gboolean
parse_factor (Parser   *parser,
              __int128 *out)
{
  skip_spaces (parser);

  if (*parser->pos == '-' || *parser->pos == '+')
    {
      gboolean negate = *parser->pos == '-';

      parser->pos++;
      if (!parse_factor (parser, out))
        return FALSE;
      if (negate)
        *out = -*out;
      return TRUE;
    }

  if (*parser->pos == '(')
    {
      parser->pos++;
      if (!parse_sum (parser, out))
        return FALSE;
      skip_spaces (parser);
      if (*parser->pos != ')')
        return fail (parser, _("A closing parenthesis is missing in the calculation."));
      parser->pos++;
      return TRUE;
    }

  return parse_operand (parser, out);
}

/* Rounds numerator / denominator half away from zero. */
static __int128
divide_rounded (__int128 numerator,
                __int128 denominator)
{
  gboolean negative = (numerator < 0) != (denominator < 0);
  __int128 n = numerator < 0 ? -numerator : numerator;
  __int128 d = denominator < 0 ? -denominator : denominator;
  __int128 q = (n + d / 2) / d;

  return negative ? -q : q;
}

static gboolean
parse_product (Parser   *parser,
               __int128 *out)
{
  if (!parse_factor (parser, out))
    return FALSE;

  for (;;)
    {
      __int128 right;
      char op;

      skip_spaces (parser);
      op = *parser->pos;
      if (op != '*' && op != '/')
        return TRUE;
      parser->pos++;

      if (!parse_factor (parser, &right))
        return FALSE;

      /* Both sides are in minor units: a × b / scale and a × scale / b. */
      if (op == '*')
        {
          if (!check_range (parser, *out) || !check_range (parser, right))
            return FALSE;
          *out = divide_rounded (*out * right, parser->scale);
        }
      else
        {
          if (right == 0)
            return fail (parser, _("The calculation divides by zero."));
          *out = divide_rounded (*out * parser->scale, right);
        }

      if (!check_range (parser, *out))
        return FALSE;
    }
}

static gboolean
parse_sum (Parser   *parser,
           __int128 *out)
{
  if (!parse_product (parser, out))
    return FALSE;

  for (;;)
    {
      __int128 right;
      char op;

      skip_spaces (parser);
      op = *parser->pos;
      if (op != '+' && op != '-')
        return TRUE;
      parser->pos++;

      if (!parse_product (parser, &right))
        return FALSE;
      *out = op == '+' ? *out + right : *out - right;
      if (!check_range (parser, *out))
        return FALSE;
    }
}

/**
 * budg_money_evaluate:
 *
 * Without an operator this is budg_money_parse(), errors included.
 */
gboolean
budg_money_evaluate (const char  *text,
                     const char  *currency,
                     gint64      *out_minor,
                     GError     **error)
{
  Parser parser = { 0 };
  const char *rest;
  __int128 value = 0;
  int minor_units;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (currency != NULL, FALSE);
  g_return_val_if_fail (out_minor != NULL, FALSE);

  /* A lone leading sign is part of a plain amount, not arithmetic. */
  rest = text;
  while (g_ascii_isspace (*rest))
    rest++;
  if (*rest == '-' || *rest == '+')
    rest++;
  if (strpbrk (rest, OPERATORS) == NULL || !g_utf8_validate (text, -1, NULL))
    return budg_money_parse (text, currency, out_minor, error);

  minor_units = budg_currency_get_minor_units (currency);
  if (minor_units < 0)
    return budg_money_parse (text, currency, out_minor, error);

  parser.text = text;
  parser.pos = text;
  parser.currency = currency;
  parser.error = error;
  parser.scale = 1;
  for (int i = 0; i < minor_units; i++)
    parser.scale *= 10;

  if (!parse_sum (&parser, &value))
    return FALSE;

  skip_spaces (&parser);
  if (*parser.pos != '\0')
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                   _("The calculation cannot be read from “%s” on. Use numbers with + − × ÷ and parentheses."),
                   parser.pos);
      return FALSE;
    }

  *out_minor = (gint64) value;

  return TRUE;
}
