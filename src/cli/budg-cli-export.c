/* budg-cli-export.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-cli-export"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "budg-account-store.h"
#include "budg-account.h"
#include "budg-cli-private.h"
#include "budg-exporter.h"

/* export csv|qif|ofx FILE [--account A] [--from DATE] [--to DATE]: the
 * three differ only in the format and in whether --account is required. */
static int
export_command (BudgCli               *cli,
                const BudgCliCommand  *command,
                int                    argc,
                char                 **argv,
                BudgImportFormat       format)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  const char *path = NULL;
  const char *account_text = NULL;
  const char *from_text = NULL;
  const char *to_text = NULL;
  const BudgCliOption options[] = {
    { "account", TRUE, &account_text },
    { "from", TRUE, &from_text },
    { "to", TRUE, &to_text },
    { NULL }
  };
  const char *format_name = budg_import_format_to_string (format);
  BudgContext *context;
  BudgDatabase *database;
  gint64 account_id = 0;
  guint n_transactions = 0;
  gboolean to_stdout;
  int status;

  status = budg_cli_parse (cli, command, argc, argv, options, &path);
  if (status != BUDG_CLI_CONTINUE)
    return status;

  if (path == NULL || path[0] == '\0')
    return budg_cli_usage_error (command, _("Give the file to write, or “-” for the standard output."));
  if (format != BUDG_IMPORT_FORMAT_CSV && account_text == NULL)
    return budg_cli_usage_error (command, _("The option --account is required: a %s file holds one account."),
                                 format == BUDG_IMPORT_FORMAT_QIF ? "QIF" : "OFX");

  to_stdout = g_str_equal (path, "-");
  if (to_stdout && cli->json)
    return budg_cli_usage_error (command, _("“-” prints the file, so it cannot be combined with --json."));

  if (from_text != NULL && !(from = budg_cli_parse_date (from_text, &error)))
    return budg_cli_fail (error);
  if (to_text != NULL && !(to = budg_cli_parse_date (to_text, &error)))
    return budg_cli_fail (error);

  if (!(context = budg_cli_get_context (cli, &error)))
    return budg_cli_fail (error);
  database = budg_context_get_database (context);

  if (account_text != NULL)
    {
      BudgAccount *account = budg_account_store_find (budg_context_get_accounts (context),
                                                      account_text, &error);

      if (account == NULL)
        return budg_cli_fail (error);
      account_id = budg_account_get_id (account);
    }

  if (to_stdout)
    {
      const char *data;
      gsize length;

      bytes = budg_exporter_export (database, format, account_id, from, to, &n_transactions, &error);
      if (bytes == NULL)
        return budg_cli_fail (error);

      data = g_bytes_get_data (bytes, &length);
      if (fwrite (data, 1, length, stdout) != length || fflush (stdout) != 0)
        return budg_cli_fail_message (_("Could not write to the standard output."));

      return BUDG_CLI_EXIT_OK;
    }

  switch (format)
    {
    case BUDG_IMPORT_FORMAT_CSV:
      if (!budg_exporter_write_csv (database, account_id, from, to, path, &n_transactions, &error))
        return budg_cli_fail (error);
      break;
    case BUDG_IMPORT_FORMAT_QIF:
      if (!budg_exporter_write_qif (database, account_id, from, to, path, &n_transactions, &error))
        return budg_cli_fail (error);
      break;
    case BUDG_IMPORT_FORMAT_OFX:
      if (!budg_exporter_write_ofx (database, account_id, from, to, path, &n_transactions, &error))
        return budg_cli_fail (error);
      break;
    case BUDG_IMPORT_FORMAT_UNKNOWN:
    case BUDG_IMPORT_FORMAT_QFX:
    default:
      g_assert_not_reached ();
    }

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      budg_cli_json_add_string (builder, "file", path);
      budg_cli_json_add_string (builder, "format", format_name);
      budg_cli_json_add_int (builder, "transactions", n_transactions);
      json_builder_end_object (builder);
      budg_cli_print_json (builder);
    }
  else
    {
      g_autofree char *display = g_filename_display_name (path);
      g_autofree char *upper = g_ascii_strup (format_name, -1);

      /* TRANSLATORS: "Wrote 12 transactions to “out.qif” (QIF)." */
      g_print (ngettext ("Wrote %u transaction to “%s” (%s).\n",
                         "Wrote %u transactions to “%s” (%s).\n", n_transactions),
               n_transactions, display, upper);
    }

  return BUDG_CLI_EXIT_OK;
}

int
budg_cli_export_csv (BudgCli              *cli,
                     const BudgCliCommand *command,
                     int                   argc,
                     char                **argv)
{
  return export_command (cli, command, argc, argv, BUDG_IMPORT_FORMAT_CSV);
}

int
budg_cli_export_qif (BudgCli              *cli,
                     const BudgCliCommand *command,
                     int                   argc,
                     char                **argv)
{
  return export_command (cli, command, argc, argv, BUDG_IMPORT_FORMAT_QIF);
}

int
budg_cli_export_ofx (BudgCli              *cli,
                     const BudgCliCommand *command,
                     int                   argc,
                     char                **argv)
{
  return export_command (cli, command, argc, argv, BUDG_IMPORT_FORMAT_OFX);
}
