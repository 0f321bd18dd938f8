/* budg-csv-writer.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _BudgCsvWriter BudgCsvWriter;

BudgCsvWriter *budg_csv_writer_new         (void) G_GNUC_WARN_UNUSED_RESULT;
void           budg_csv_writer_free        (BudgCsvWriter  *self);

void           budg_csv_writer_add_field   (BudgCsvWriter  *self,
                                            const char     *value);
void           budg_csv_writer_add_int     (BudgCsvWriter  *self,
                                            gint64          value);
void           budg_csv_writer_add_amount  (BudgCsvWriter  *self,
                                            gint64          amount_minor,
                                            const char     *currency);
void           budg_csv_writer_end_row     (BudgCsvWriter  *self);

guint          budg_csv_writer_get_n_rows  (BudgCsvWriter  *self);
const char    *budg_csv_writer_get_text    (BudgCsvWriter  *self,
                                            gsize          *out_length);
gboolean       budg_csv_writer_save        (BudgCsvWriter  *self,
                                            const char     *path,
                                            GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BudgCsvWriter, budg_csv_writer_free)

G_END_DECLS
