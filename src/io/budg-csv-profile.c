/* budg-csv-profile.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-csv-profile"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "budg-csv-profile.h"
#include "budg-error.h"

/* A profile is a GKeyFile group, so that the settings stay readable (the
 * CLI prints them) and a later Budg can add keys that this one ignores.
 * Only what the user or the detection fixed is written: a missing key
 * means "detect", as in a fresh BudgCsvOptions. */

#define GROUP "csv"

static const struct
{
  char        delimiter;
  const char *name;
} delimiters[] = {
  { ',', "comma" },
  { ';', "semicolon" },
  { '\t', "tab" },
  { '|', "pipe" },
};

static const char * const date_orders[] = {
  [BUDG_DATE_ORDER_AUTO] = NULL,
  [BUDG_DATE_ORDER_YMD] = "ymd",
  [BUDG_DATE_ORDER_DMY] = "dmy",
  [BUDG_DATE_ORDER_MDY] = "mdy",
};

static const char * const decimal_marks[] = {
  [BUDG_DECIMAL_MARK_AUTO] = NULL,
  [BUDG_DECIMAL_MARK_POINT] = "point",
  [BUDG_DECIMAL_MARK_COMMA] = "comma",
};

static const char * const headers[] = {
  [BUDG_CSV_HEADER_AUTO] = NULL,
  [BUDG_CSV_HEADER_YES] = "yes",
  [BUDG_CSV_HEADER_NO] = "no",
};

/**
 * budg_csv_profile_to_settings:
 * @options: how a file is read
 *
 * Returns: (transfer full): the options as a key file, for
 *   #BudgImportProfile's settings; the header names are not kept, the
 *   profile's signature stands for them
 */
char *
budg_csv_profile_to_settings (const BudgCsvOptions *options)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();

  g_return_val_if_fail (options != NULL, NULL);

  if (options->encoding != NULL)
    g_key_file_set_string (key_file, GROUP, "encoding", options->encoding);

  for (guint i = 0; i < G_N_ELEMENTS (delimiters); i++)
    if (options->delimiter == delimiters[i].delimiter)
      g_key_file_set_string (key_file, GROUP, "delimiter", delimiters[i].name);

  if (options->skip_lines >= 0)
    g_key_file_set_integer (key_file, GROUP, "skip-lines", options->skip_lines);
  if ((guint) options->header < G_N_ELEMENTS (headers) && headers[options->header] != NULL)
    g_key_file_set_string (key_file, GROUP, "header", headers[options->header]);
  if ((guint) options->date_order < G_N_ELEMENTS (date_orders) && date_orders[options->date_order] != NULL)
    g_key_file_set_string (key_file, GROUP, "date-order", date_orders[options->date_order]);
  if ((guint) options->decimal_mark < G_N_ELEMENTS (decimal_marks) &&
      decimal_marks[options->decimal_mark] != NULL)
    g_key_file_set_string (key_file, GROUP, "decimal-mark", decimal_marks[options->decimal_mark]);
  if (options->currency != NULL)
    g_key_file_set_string (key_file, GROUP, "currency", options->currency);

  if (options->columns_set)
    {
      g_autofree char *columns = budg_csv_columns_to_string (&options->columns);

      g_key_file_set_string (key_file, GROUP, "columns", columns);
    }

  /* Options that fix nothing still make the group, so that they read back
   * as "detect everything" rather than as no profile at all. */
  g_key_file_set_integer (key_file, GROUP, "version", 1);

  return g_key_file_to_data (key_file, NULL, NULL);
}

static gboolean
read_choice (GKeyFile            *key_file,
             const char          *key,
             const char * const  *names,
             guint                n_names,
             int                 *out_value,
             GError             **error)
{
  g_autofree char *text = g_key_file_get_string (key_file, GROUP, key, NULL);

  if (text == NULL)
    return TRUE;

  g_strstrip (text);
  for (guint i = 0; i < n_names; i++)
    if (names[i] != NULL && g_ascii_strcasecmp (text, names[i]) == 0)
      {
        *out_value = i;
        return TRUE;
      }

  g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
               _("The profile’s “%s” is “%s”, which Budg does not know. Save the profile again."),
               key, text);
  return FALSE;
}

/**
 * budg_csv_profile_from_settings:
 * @settings: what budg_csv_profile_to_settings() wrote
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the options, with what the settings do not fix
 *   left to detection, or %NULL with %BUDG_ERROR_INVALID_INPUT when the
 *   settings are not a CSV profile or hold a value Budg does not know
 */
BudgCsvOptions *
budg_csv_profile_from_settings (const char  *settings,
                                GError     **error)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(BudgCsvOptions) options = budg_csv_options_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *delimiter = NULL;
  g_autofree char *columns = NULL;
  int value;

  g_return_val_if_fail (settings != NULL, NULL);

  if (!g_key_file_load_from_data (key_file, settings, -1, G_KEY_FILE_NONE, &local_error) ||
      !g_key_file_has_group (key_file, GROUP))
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                   _("The profile’s settings cannot be read (%s). Delete the profile and save it again."),
                   local_error != NULL ? local_error->message : _("no CSV settings"));
      return NULL;
    }

  options->encoding = g_key_file_get_string (key_file, GROUP, "encoding", NULL);
  options->currency = g_key_file_get_string (key_file, GROUP, "currency", NULL);

  delimiter = g_key_file_get_string (key_file, GROUP, "delimiter", NULL);
  if (delimiter != NULL)
    {
      g_strstrip (delimiter);
      for (guint i = 0; i < G_N_ELEMENTS (delimiters); i++)
        if (g_ascii_strcasecmp (delimiter, delimiters[i].name) == 0)
          options->delimiter = delimiters[i].delimiter;
      if (options->delimiter == 0)
        {
          g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                       _("The profile’s “%s” is “%s”, which Budg does not know. Save the profile again."),
                       "delimiter", delimiter);
          return NULL;
        }
    }

  if (g_key_file_has_key (key_file, GROUP, "skip-lines", NULL))
    {
      value = g_key_file_get_integer (key_file, GROUP, "skip-lines", &local_error);
      if (local_error != NULL || value < 0)
        {
          g_set_error_literal (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                               _("The profile’s “skip-lines” is not a number of lines. Save the profile again."));
          return NULL;
        }
      options->skip_lines = value;
    }

  value = options->header;
  if (!read_choice (key_file, "header", headers, G_N_ELEMENTS (headers), &value, error))
    return NULL;
  options->header = value;

  value = options->date_order;
  if (!read_choice (key_file, "date-order", date_orders, G_N_ELEMENTS (date_orders), &value, error))
    return NULL;
  options->date_order = value;

  value = options->decimal_mark;
  if (!read_choice (key_file, "decimal-mark", decimal_marks, G_N_ELEMENTS (decimal_marks), &value, error))
    return NULL;
  options->decimal_mark = value;

  columns = g_key_file_get_string (key_file, GROUP, "columns", NULL);
  if (columns != NULL)
    {
      if (!budg_csv_columns_parse (&options->columns, columns, error))
        return NULL;
      options->columns_set = TRUE;
    }

  return g_steal_pointer (&options);
}

/**
 * budg_csv_profile_signature:
 * @data: the file's bytes
 * @length: their number
 * @options: (nullable): how to read it; what is left to detection is
 *   detected
 *
 * Returns: (transfer full) (nullable): "semicolon:date|payee|amount", or
 *   %NULL when the file has no header row or cannot be read as CSV
 */
char *
budg_csv_profile_signature (const guint8         *data,
                            gsize                 length,
                            const BudgCsvOptions *options)
{
  g_autoptr(BudgCsvOptions) detected = NULL;
  const char *delimiter_name = NULL;
  GString *signature;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  detected = budg_csv_detect (data, length, options, NULL);
  if (detected == NULL || detected->header_names == NULL || detected->header_names[0] == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (delimiters); i++)
    if (detected->delimiter == delimiters[i].delimiter)
      delimiter_name = delimiters[i].name;

  signature = g_string_new (NULL);
  if (delimiter_name != NULL)
    g_string_append (signature, delimiter_name);
  else
    g_string_append_printf (signature, "0x%02x", (guchar) detected->delimiter);
  g_string_append_c (signature, ':');

  /* Case folded, so that "AMOUNT" and "Amount" are one layout; the names'
   * own blanks inside are kept, those around them are not. */
  for (guint i = 0; detected->header_names[i] != NULL; i++)
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (detected->header_names[i]));
      g_autofree char *folded = g_utf8_casefold (trimmed, -1);

      if (i > 0)
        g_string_append_c (signature, '|');
      g_string_append (signature, folded);
    }

  return g_string_free (signature, FALSE);
}
