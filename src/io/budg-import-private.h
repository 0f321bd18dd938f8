/* budg-import-private.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "budg-import-row.h"

G_BEGIN_DECLS

/* Text, date and amount reading shared by the QIF and CSV parsers (and the
 * OFX glue), kept out of the public headers: only the parsers and the fuzz
 * harness use them.
 */

char     *budg_import_decode          (const guint8      *data,
                                       gsize              length,
                                       const char        *encoding,
                                       char             **out_encoding,
                                       GError           **error);
char     *budg_import_clean_text      (const char        *text,
                                       gssize             length);
guint     budg_import_minor_units     (const char        *currency);
gboolean  budg_import_is_currency     (const char        *text);

/* A date split into its numbers before the file's day/month order is known. */
typedef enum
{
  BUDG_DATE_SHAPE_INVALID,
  BUDG_DATE_SHAPE_FIXED,        /* year first, month name, YYYYMMDD: no doubt */
  BUDG_DATE_SHAPE_YEAR_LAST,    /* n[0] and n[1] are day and month, some order */
} BudgDateShape;

typedef struct
{
  BudgDateShape shape;
  int           year;
  int           month;          /* FIXED only */
  int           day;            /* FIXED only */
  int           n[2];           /* YEAR_LAST only */
  char          separator;      /* '/', '.', '-', ' ' or 0 */
} BudgDateParts;

gboolean  budg_date_parts_scan        (const char          *text,
                                       gboolean             qif,
                                       BudgDateParts       *parts);
gboolean  budg_date_parts_fits        (const BudgDateParts *parts,
                                       BudgDateOrder        order);
char     *budg_date_parts_to_iso      (const BudgDateParts *parts,
                                       BudgDateOrder        order);

/* Collects the dates of a file to decide its day/month order. */
typedef struct
{
  guint          n_dates;
  guint          dmy_only_line;
  char          *dmy_only_text;
  guint          mdy_only_line;
  char          *mdy_only_text;
  gboolean       have_previous;
  BudgDateParts  previous;
  gint64         distance_dmy;
  gint64         distance_mdy;
  guint          n_dots;
  guint          n_separators;
} BudgDateGuess;

void      budg_date_guess_init        (BudgDateGuess       *guess);
void      budg_date_guess_add         (BudgDateGuess       *guess,
                                       const BudgDateParts *parts,
                                       guint                line,
                                       const char          *text);
gboolean  budg_date_guess_finish      (BudgDateGuess       *guess,
                                       BudgDateOrder       *out_order,
                                       GError             **error);
void      budg_date_guess_clear       (BudgDateGuess       *guess);

/* Counts the amounts of a file whose own text says which mark is decimal. */
typedef struct
{
  guint point;
  guint comma;
} BudgDecimalVote;

void             budg_decimal_vote_add    (BudgDecimalVote       *vote,
                                           const char            *text);
BudgDecimalMark  budg_decimal_vote_result (const BudgDecimalVote *vote);

gboolean  budg_import_parse_amount    (const char        *text,
                                       BudgDecimalMark    mark,
                                       BudgDecimalMark    fallback,
                                       guint              minor_units,
                                       gint64            *out_minor);

/* The OFX glue, exposed for the fuzz harness: rewrites an OFX document into
 * the one form libofx reads reliably (see budg-ofx-parser.c). */
typedef struct
{
  guint  line;
  char  *fitid;
} BudgOfxTransactionMark;

char     *budg_ofx_scrub              (const char        *text,
                                       GArray            *marks,
                                       GError           **error);
void      budg_ofx_transaction_mark_clear (gpointer       mark);

G_END_DECLS
