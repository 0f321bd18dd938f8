/* budg-cli-database.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-cli-database"

#include "config.h"

#include <glib/gi18n.h>

#include "budg-cli-private.h"
#include "budg-demo.h"
#include "budg-payees.h"

/* @message: the text output, already formatted */
static int
print_path (BudgCli    *cli,
            const char *path,
            const char *message)
{
  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      budg_cli_json_add_string (builder, "path", path);
      json_builder_end_object (builder);
      budg_cli_print_json (builder);
    }
  else
    g_print ("%s\n", message);

  return BUDG_CLI_EXIT_OK;
}

int
budg_cli_init (BudgCli               *cli,
               const BudgCliCommand  *command,
               int                    argc,
               char                 **argv)
{
  g_autoptr(GError) error = NULL;
  BudgDatabase *database;
  BudgContext *context;
  int status;

  status = budg_cli_parse (cli, command, argc, argv, NULL, NULL);
  if (status != BUDG_CLI_CONTINUE)
    return status;

  /* Opening creates the file or runs the pending migrations. */
  if (!(context = budg_cli_get_context (cli, &error)))
    return budg_cli_fail (error);
  database = budg_context_get_database (context);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      budg_cli_json_add_string (builder, "path", budg_database_get_path (database));
      budg_cli_json_add_int (builder, "schema_version", budg_database_get_schema_version (database));
      json_builder_end_object (builder);
      budg_cli_print_json (builder);
    }
  else
    g_print (_("The database “%s” is ready (schema version %d).\n"),
             budg_database_get_path (database), budg_database_get_schema_version (database));

  return BUDG_CLI_EXIT_OK;
}

int
budg_cli_backup (BudgCli               *cli,
                 const BudgCliCommand  *command,
                 int                    argc,
                 char                 **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *message = NULL;
  const char *file = NULL;
  BudgContext *context;
  int status;

  status = budg_cli_parse (cli, command, argc, argv, NULL, &file);
  if (status != BUDG_CLI_CONTINUE)
    return status;

  if (!(context = budg_cli_get_context (cli, &error)))
    return budg_cli_fail (error);

  path = g_canonicalize_filename (file, NULL);
  if (!budg_database_backup (budg_context_get_database (context), path, &error))
    return budg_cli_fail (error);

  message = g_strdup_printf (_("Backed up the database to “%s”."), path);

  return print_path (cli, path, message);
}

int
budg_cli_restore (BudgCli               *cli,
                  const BudgCliCommand  *command,
                  int                    argc,
                  char                 **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *message = NULL;
  const char *file = NULL;
  BudgContext *context;
  int status;

  status = budg_cli_parse (cli, command, argc, argv, NULL, &file);
  if (status != BUDG_CLI_CONTINUE)
    return status;

  if (!(context = budg_cli_get_context (cli, &error)))
    return budg_cli_fail (error);

  path = g_canonicalize_filename (file, NULL);
  if (!budg_database_restore (budg_context_get_database (context), path, &error))
    return budg_cli_fail (error);

  message = g_strdup_printf (_("Restored the database from “%s”."), path);

  return print_path (cli, path, message);
}

int
budg_cli_demo (BudgCli               *cli,
               const BudgCliCommand  *command,
               int                    argc,
               char                 **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimer) timer = NULL;
  const char *transactions_text = NULL;
  const char *seed_text = NULL;
  const BudgCliOption options[] = {
    { "transactions", TRUE, &transactions_text },
    { "seed", TRUE, &seed_text },
    { NULL }
  };
  const BudgTransactionQuery all = { 0 };
  BudgContext *context;
  GListModel *accounts;
  guint n_transactions;
  guint seed = 1;
  gint64 n_stored;
  gint64 n_payees;
  double seconds;
  int status;

  status = budg_cli_parse (cli, command, argc, argv, options, NULL);
  if (status != BUDG_CLI_CONTINUE)
    return status;

  if (transactions_text == NULL)
    return budg_cli_usage_error (command, _("The option --transactions is required."));
  if (!budg_cli_parse_count (transactions_text, &n_transactions))
    return budg_cli_usage_error (command, _("--transactions takes a whole number, not “%s”."), transactions_text);
  if (seed_text != NULL && !budg_cli_parse_count (seed_text, &seed))
    return budg_cli_usage_error (command, _("--seed takes a whole number, not “%s”."), seed_text);

  if (!(context = budg_cli_get_context (cli, &error)))
    return budg_cli_fail (error);

  accounts = G_LIST_MODEL (budg_context_get_accounts (context));
  if (g_list_model_get_n_items (accounts) > 0)
    return budg_cli_fail_message (_("The database “%s” already has accounts, and the demo only fills an empty one. Give a new file with --db."),
                                  budg_database_get_path (budg_context_get_database (context)));

  /* Tests pin the end date so that two runs on different days agree. */
  timer = g_timer_new ();
  if (!budg_demo_generate (context, n_transactions, seed, g_getenv ("BUDG_DEMO_END_DATE"), &error))
    return budg_cli_fail (error);
  seconds = g_timer_elapsed (timer, NULL);

  n_stored = budg_transaction_store_count (budg_context_get_transactions (context), &all, &error);
  if (error != NULL)
    return budg_cli_fail (error);
  if (!budg_payees_count (budg_context_get_database (context), &n_payees, &error))
    return budg_cli_fail (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      budg_cli_json_add_int (builder, "transactions", n_stored);
      budg_cli_json_add_int (builder, "accounts", g_list_model_get_n_items (accounts));
      budg_cli_json_add_int (builder, "categories",
                             g_list_model_get_n_items (G_LIST_MODEL (budg_context_get_categories (context))));
      budg_cli_json_add_int (builder, "payees", n_payees);
      json_builder_set_member_name (builder, "seconds");
      json_builder_add_double_value (builder, seconds);
      json_builder_end_object (builder);
      budg_cli_print_json (builder);
    }
  else
    {
      g_autofree char *count = g_strdup_printf ("%" G_GINT64_FORMAT, n_stored);

      g_print (_("Added %s demo transactions in %u accounts in %.1f seconds.\n"),
               count, g_list_model_get_n_items (accounts), seconds);
    }

  return BUDG_CLI_EXIT_OK;
}
