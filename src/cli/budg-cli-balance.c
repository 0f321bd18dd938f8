/* budg-cli-balance.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-cli-balance"

#include "config.h"

#include <glib/gi18n.h>

#include "budg-cli-private.h"
#include "budg-money.h"

/* In `balance list`, each snapshot also says what the transactions since
 * the previous one add up to (computed_minor) and the gap (difference_minor,
 * recorded − computed); both are null for an account's first snapshot. */
static void
add_computed (BudgBalanceStore    *store,
              BudgBalanceSnapshot *snapshot,
              JsonBuilder         *builder)
{
  gboolean comparable = FALSE;
  gint64 computed = 0;

  if (!budg_balance_store_get_computed (store, snapshot, &comparable, &computed, NULL))
    comparable = FALSE;

  json_builder_set_member_name (builder, "computed_minor");
  if (comparable)
    json_builder_add_int_value (builder, computed);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "difference_minor");
  if (comparable)
    json_builder_add_int_value (builder, budg_balance_snapshot_get_amount_minor (snapshot) - computed);
  else
    json_builder_add_null_value (builder);
}

static void
snapshot_to_json (BudgBalanceSnapshot *snapshot,
                  BudgBalanceStore    *store,
                  JsonBuilder         *builder)
{
  json_builder_begin_object (builder);
  budg_cli_json_add_int (builder, "id", budg_balance_snapshot_get_id (snapshot));
  budg_cli_json_add_string (builder, "account", budg_balance_snapshot_get_account_name (snapshot));
  budg_cli_json_add_int (builder, "account_id", budg_balance_snapshot_get_account_id (snapshot));
  budg_cli_json_add_string (builder, "date", budg_balance_snapshot_get_date (snapshot));
  budg_cli_json_add_int (builder, "amount_minor", budg_balance_snapshot_get_amount_minor (snapshot));
  budg_cli_json_add_string (builder, "currency", budg_balance_snapshot_get_currency (snapshot));
  budg_cli_json_add_string (builder, "note", budg_balance_snapshot_get_note (snapshot));
  if (store != NULL)
    add_computed (store, snapshot, builder);
  json_builder_end_object (builder);
}

int
budg_cli_balance_set (BudgCli               *cli,
                      const BudgCliCommand  *command,
                      int                    argc,
                      char                 **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BudgBalanceSnapshot) snapshot = NULL;
  g_autofree char *date = NULL;
  const char *account_text = NULL;
  const char *date_text = NULL;
  const char *amount_text = NULL;
  const char *note = NULL;
  const BudgCliOption options[] = {
    { "account", TRUE, &account_text },
    { "date", TRUE, &date_text },
    { "amount", TRUE, &amount_text },
    { "note", TRUE, &note },
    { NULL }
  };
  BudgContext *context;
  BudgAccount *account;
  gint64 amount;
  int status;

  status = budg_cli_parse (cli, command, argc, argv, options, NULL);
  if (status != BUDG_CLI_CONTINUE)
    return status;

  if (account_text == NULL)
    return budg_cli_usage_error (command, _("The option --account is required."));
  if (date_text == NULL)
    return budg_cli_usage_error (command, _("The option --date is required."));
  if (amount_text == NULL)
    return budg_cli_usage_error (command, _("The option --amount is required."));

  if (!(date = budg_cli_parse_date (date_text, &error)))
    return budg_cli_fail (error);

  if (!(context = budg_cli_get_context (cli, &error)))
    return budg_cli_fail (error);

  if (!(account = budg_account_store_find (budg_context_get_accounts (context), account_text, &error)))
    return budg_cli_fail (error);

  if (!budg_money_parse (amount_text, budg_account_get_currency (account), &amount, &error))
    return budg_cli_fail (error);

  if (note != NULL && note[0] == '\0')
    note = NULL;

  snapshot = budg_balance_store_set (budg_context_get_balances (context),
                                     budg_account_get_id (account), date, amount, note, &error);
  if (snapshot == NULL)
    return budg_cli_fail (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      snapshot_to_json (snapshot, NULL, builder);
      budg_cli_print_json (builder);
    }
  else
    {
      g_autofree char *formatted = budg_cli_format_amount (amount, budg_account_get_currency (account));

      g_print (_("The balance of “%s” at the end of %s is %s.\n"),
               budg_account_get_name (account), date, formatted);
    }

  return BUDG_CLI_EXIT_OK;
}

int
budg_cli_balance_list (BudgCli               *cli,
                       const BudgCliCommand  *command,
                       int                    argc,
                       char                 **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) snapshots = NULL;
  g_autoptr(BudgCliTable) table = NULL;
  const char *account_text = NULL;
  const BudgCliOption options[] = {
    { "account", TRUE, &account_text },
    { NULL }
  };
  BudgContext *context;
  gint64 account_id = 0;
  int status;

  status = budg_cli_parse (cli, command, argc, argv, options, NULL);
  if (status != BUDG_CLI_CONTINUE)
    return status;

  if (!(context = budg_cli_get_context (cli, &error)))
    return budg_cli_fail (error);

  if (account_text != NULL)
    {
      BudgAccount *account = budg_account_store_find (budg_context_get_accounts (context),
                                                      account_text, &error);

      if (account == NULL)
        return budg_cli_fail (error);
      account_id = budg_account_get_id (account);
    }

  snapshots = budg_balance_store_list (budg_context_get_balances (context), account_id, &error);
  if (snapshots == NULL)
    return budg_cli_fail (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < snapshots->len; i++)
        snapshot_to_json (g_ptr_array_index (snapshots, i), budg_context_get_balances (context), builder);
      json_builder_end_array (builder);
      budg_cli_print_json (builder);

      return BUDG_CLI_EXIT_OK;
    }

  if (snapshots->len == 0)
    {
      g_print ("%s\n", _("No balance snapshots. Record one with “budg-cli balance set”."));
      return BUDG_CLI_EXIT_OK;
    }

  table = budg_cli_table_new (6,
                              _("ID"), TRUE,
                              _("Date"), FALSE,
                              _("Account"), FALSE,
                              _("Balance"), TRUE,
                              _("Difference"), TRUE,
                              _("Note"), FALSE);

  for (guint i = 0; i < snapshots->len; i++)
    {
      BudgBalanceSnapshot *snapshot = g_ptr_array_index (snapshots, i);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, budg_balance_snapshot_get_id (snapshot));
      g_autofree char *amount = budg_cli_format_amount (budg_balance_snapshot_get_amount_minor (snapshot),
                                                        budg_balance_snapshot_get_currency (snapshot));
      g_autofree char *difference = NULL;
      gboolean comparable = FALSE;
      gint64 computed = 0;

      /* Recorded minus what the transactions since the previous balance add up to. */
      if (budg_balance_store_get_computed (budg_context_get_balances (context), snapshot,
                                           &comparable, &computed, NULL) && comparable)
        difference = budg_cli_format_amount (budg_balance_snapshot_get_amount_minor (snapshot) - computed,
                                             budg_balance_snapshot_get_currency (snapshot));

      budg_cli_table_add_row (table, id,
                              budg_balance_snapshot_get_date (snapshot),
                              budg_balance_snapshot_get_account_name (snapshot),
                              amount,
                              difference,
                              budg_balance_snapshot_get_note (snapshot));
    }

  budg_cli_table_print (table);

  return BUDG_CLI_EXIT_OK;
}
