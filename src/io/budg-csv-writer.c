/* budg-csv-writer.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-csv-writer"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "budg-csv-writer.h"
#include "budg-error.h"
#include "budg-money.h"

/* Comma-separated values as RFC 4180 has them, because that is what
 * spreadsheets and scripts agree on: CRLF after every row, a field in double
 * quotes when it holds a comma, a quote or a line break (a quote inside
 * doubled), UTF-8 without a byte order mark. The text is built in memory
 * (reports are small) and written to the file in one go, atomically.
 */

struct _BudgCsvWriter
{
  GString *text;
  guint    n_rows;
  guint    n_columns;   /* the first row's, which every row should match */
  guint    n_fields;    /* in the row being written */
  gsize    row_start;   /* where the row being written starts in @text */
};

/**
 * budg_csv_writer_new:
 *
 * Returns: (transfer full): a writer with no rows yet
 */
BudgCsvWriter *
budg_csv_writer_new (void)
{
  BudgCsvWriter *self = g_new0 (BudgCsvWriter, 1);

  self->text = g_string_new (NULL);

  return self;
}

void
budg_csv_writer_free (BudgCsvWriter *self)
{
  if (self == NULL)
    return;

  g_string_free (self->text, TRUE);
  g_free (self);
}

static gboolean
needs_quotes (const char *value)
{
  gsize length = strlen (value);

  /* Blanks at either end are data, but some readers trim them unless the
   * field is quoted. */
  return strpbrk (value, ",\"\r\n") != NULL ||
         (length > 0 && (value[0] == ' ' || value[length - 1] == ' '));
}

/**
 * budg_csv_writer_add_field:
 * @self: a writer
 * @value: (nullable): the next field of the row, UTF-8; %NULL is an empty
 *   field
 *
 * Adds a field to the current row, quoted when it needs to be.
 */
void
budg_csv_writer_add_field (BudgCsvWriter *self,
                           const char    *value)
{
  g_return_if_fail (self != NULL);

  if (self->n_fields > 0)
    g_string_append_c (self->text, ',');
  self->n_fields++;

  if (value == NULL)
    return;

  if (!needs_quotes (value))
    {
      g_string_append (self->text, value);
      return;
    }

  g_string_append_c (self->text, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (self->text, '"');
      g_string_append_c (self->text, *p);
    }
  g_string_append_c (self->text, '"');
}

/**
 * budg_csv_writer_add_int:
 * @self: a writer
 * @value: the next field, written in decimal digits
 */
void
budg_csv_writer_add_int (BudgCsvWriter *self,
                         gint64         value)
{
  char digits[24];

  g_return_if_fail (self != NULL);

  g_snprintf (digits, sizeof digits, "%" G_GINT64_FORMAT, value);
  budg_csv_writer_add_field (self, digits);
}

/**
 * budg_csv_writer_add_amount:
 * @self: a writer
 * @amount_minor: an amount in minor units
 * @currency: its ISO 4217 code
 *
 * Adds an amount the way spreadsheets read numbers whatever their locale:
 * "-1234.56", as many decimals as @currency has, no grouping, no symbol.
 */
void
budg_csv_writer_add_amount (BudgCsvWriter *self,
                            gint64         amount_minor,
                            const char    *currency)
{
  g_autofree char *plain = NULL;

  g_return_if_fail (self != NULL);
  g_return_if_fail (currency != NULL);

  plain = budg_money_format_plain (amount_minor, currency);
  budg_csv_writer_add_field (self, plain);
}

/**
 * budg_csv_writer_end_row:
 * @self: a writer
 *
 * Ends the current row. Every row should have as many fields as the first
 * (the header).
 */
void
budg_csv_writer_end_row (BudgCsvWriter *self)
{
  g_return_if_fail (self != NULL);

  /* A row of one empty field would be an empty line, which readers skip. */
  if (self->n_fields == 1 && self->text->len == self->row_start)
    g_string_append (self->text, "\"\"");

  if (self->n_rows == 0)
    self->n_columns = self->n_fields;
  else
    g_warn_if_fail (self->n_fields == self->n_columns);

  g_string_append (self->text, "\r\n");
  self->n_rows++;
  self->n_fields = 0;
  self->row_start = self->text->len;
}

/**
 * budg_csv_writer_get_n_rows:
 * @self: a writer
 *
 * Returns: how many rows were ended, the header included
 */
guint
budg_csv_writer_get_n_rows (BudgCsvWriter *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_rows;
}

/**
 * budg_csv_writer_get_text:
 * @self: a writer
 * @out_length: (out) (optional): the length in bytes
 *
 * Returns: (transfer none): the rows ended so far, as CSV text
 */
const char *
budg_csv_writer_get_text (BudgCsvWriter *self,
                          gsize         *out_length)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (out_length != NULL)
    *out_length = self->text->len;

  return self->text->str;
}

static gboolean
write_all (int         fd,
           const char *text,
           gsize       length)
{
  while (length > 0)
    {
      gssize written = write (fd, text, length);

      if (written < 0 && errno == EINTR)
        continue;
      if (written <= 0)
        {
          if (written == 0)
            errno = ENOSPC;
          return FALSE;
        }
      text += written;
      length -= (gsize) written;
    }

  return TRUE;
}

/**
 * budg_csv_writer_save:
 * @self: a writer
 * @path: the file to write, in the GLib file name encoding
 * @error: return location for a #GError
 *
 * Writes the rows ended so far to @path, replacing any file of that name
 * only once the new one is complete: the text goes to "@path.partial",
 * which is renamed over @path, so a failure never leaves part of a file.
 *
 * Returns: %TRUE on success; %FALSE with %BUDG_ERROR_INVALID_INPUT when the
 *   file could not be written, in which case no file is left behind
 */
gboolean
budg_csv_writer_save (BudgCsvWriter  *self,
                      const char     *path,
                      GError        **error)
{
  g_autofree char *partial = NULL;
  g_autofree char *display = NULL;
  int saved_errno;
  int fd;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  partial = g_strconcat (path, ".partial", NULL);
  display = g_filename_display_name (path);

  fd = g_open (partial, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      saved_errno = errno;
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                   _("Could not create the CSV file “%s”: %s. Check that the folder exists and that you can write to it."),
                   display, g_strerror (saved_errno));
      return FALSE;
    }

  /* fsync before the rename: otherwise a crash could leave an empty file
   * where the old one was. */
  if (!write_all (fd, self->text->str, self->text->len) || fsync (fd) != 0)
    {
      saved_errno = errno;
      close (fd);
      g_unlink (partial);
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                   _("Could not write the CSV file “%s”: %s. Check that there is space on the disk. The old file, if any, is unchanged."),
                   display, g_strerror (saved_errno));
      return FALSE;
    }

  if (close (fd) != 0 || g_rename (partial, path) != 0)
    {
      saved_errno = errno;
      g_unlink (partial);
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                   _("Could not write the CSV file “%s”: %s. Check that the name is not a folder and that you can write there."),
                   display, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}
