/* budg-reports-line.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-reports-line"

#include "config.h"

#include <glib/gi18n.h>

#include "budg-money.h"
#include "budg-reports-line.h"

G_DEFINE_FINAL_TYPE (BudgReportsLine, budg_reports_line, G_TYPE_OBJECT)

static void
budg_reports_line_finalize (GObject *object)
{
  BudgReportsLine *self = BUDG_REPORTS_LINE (object);

  for (guint i = 0; i < BUDG_REPORTS_N_COLUMNS; i++)
    {
      g_free (self->text[i]);
      g_free (self->plain[i]);
    }
  g_clear_pointer (&self->query, budg_transaction_query_free);

  G_OBJECT_CLASS (budg_reports_line_parent_class)->finalize (object);
}

static void
budg_reports_line_class_init (BudgReportsLineClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = budg_reports_line_finalize;
}

static void
budg_reports_line_init (BudgReportsLine *self)
{
}

BudgReportsLine *
budg_reports_line_new (BudgTransactionQuery *query,
                       const char           *currency)
{
  BudgReportsLine *line = g_object_new (BUDG_TYPE_REPORTS_LINE, NULL);

  line->query = query;
  g_strlcpy (line->currency, currency, sizeof line->currency);

  return line;
}

void
budg_reports_line_set_text (BudgReportsLine *line,
                            guint            column,
                            const char      *text)
{
  g_assert (column < BUDG_REPORTS_N_COLUMNS);

  g_free (line->text[column]);
  g_free (line->plain[column]);
  line->text[column] = g_strdup (text);
  line->plain[column] = g_strdup (text);
}

/* A month or year: its name for people, its key ("2026-11") for scripts. */
void
budg_reports_line_set_period (BudgReportsLine *line,
                              guint            column,
                              const char      *text,
                              const char      *key)
{
  budg_reports_line_set_text (line, column, text);
  g_free (line->plain[column]);
  line->plain[column] = g_strdup (key);
}

void
budg_reports_line_set_amount (BudgReportsLine *line,
                              guint            column,
                              gint64           amount_minor)
{
  g_assert (column < BUDG_REPORTS_N_COLUMNS);

  g_free (line->text[column]);
  g_free (line->plain[column]);
  line->text[column] = budg_money_format (amount_minor, line->currency);
  line->plain[column] = budg_money_format_plain (amount_minor, line->currency);
  line->numeric |= 1u << column;
  if (amount_minor < 0)
    line->negative |= 1u << column;
}

/* A share of a whole, for people ("12.5 %") and for CSV ("12.5"). Shares
 * are for reading only, so a double is fine here. */
void
budg_reports_line_set_share (BudgReportsLine *line,
                             guint            column,
                             gint64           part_minor,
                             gint64           whole_minor)
{
  double percent;

  g_assert (column < BUDG_REPORTS_N_COLUMNS);

  line->numeric |= 1u << column;
  if (part_minor <= 0 || whole_minor <= 0)
    {
      budg_reports_line_set_text (line, column, "—");
      g_free (line->plain[column]);
      line->plain[column] = g_strdup ("");
      return;
    }

  percent = 100.0 * (double) part_minor / (double) whole_minor;
  g_free (line->text[column]);
  g_free (line->plain[column]);
  /* Translators: a share of the total, like "12.5%". */
  line->text[column] = g_strdup_printf (_("%.1f%%"), percent);
  line->plain[column] = g_strdup_printf ("%.1f", percent);
  /* The CSV always uses a dot, whatever the locale. */
  g_strdelimit (line->plain[column], ",", '.');
}
