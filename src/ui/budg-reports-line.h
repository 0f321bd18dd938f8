/* budg-reports-line.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "budg-transaction-query.h"

G_BEGIN_DECLS

/* The columns of the Reports table. */
#define BUDG_REPORTS_N_COLUMNS 5

#define BUDG_TYPE_REPORTS_LINE (budg_reports_line_get_type ())

G_DECLARE_FINAL_TYPE (BudgReportsLine, budg_reports_line, BUDG, REPORTS_LINE, GObject)

/* One line of the Reports table: its cells formatted for people (text) and
 * for CSV (plain), and the transactions behind it. GtkColumnView shows only
 * GObjects; the fields are read by the Reports view directly. */
struct _BudgReportsLine
{
  GObject               parent_instance;

  char                 *text[BUDG_REPORTS_N_COLUMNS];
  char                 *plain[BUDG_REPORTS_N_COLUMNS];
  guint                 numeric;   /* a bit per column */
  guint                 negative;  /* a bit per column */
  char                  currency[4];
  BudgTransactionQuery *query;     /* nullable */
};


/* @query: (transfer full) (nullable) */
BudgReportsLine *budg_reports_line_new        (BudgTransactionQuery *query,
                                               const char           *currency) G_GNUC_WARN_UNUSED_RESULT;
void             budg_reports_line_set_text   (BudgReportsLine      *line,
                                               guint                 column,
                                               const char           *text);
/* A month or year: its name for people, its key ("2026-11") for scripts. */
void             budg_reports_line_set_period (BudgReportsLine      *line,
                                               guint                 column,
                                               const char           *text,
                                               const char           *key);
void             budg_reports_line_set_amount (BudgReportsLine      *line,
                                               guint                 column,
                                               gint64                amount_minor);
/* A share of a whole, for people ("12.5 %") and for CSV ("12.5"). */
void             budg_reports_line_set_share  (BudgReportsLine      *line,
                                               guint                 column,
                                               gint64                part_minor,
                                               gint64                whole_minor);

G_END_DECLS
