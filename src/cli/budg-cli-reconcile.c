/* budg-cli-reconcile.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-cli-reconcile"

#include "config.h"

#include <glib/gi18n.h>

#include "budg-cli-private.h"
#include "budg-money.h"
#include "budg-reconcile.h"

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (BudgReconcileSummary, budg_reconcile_summary_clear)

static void
print_summary_json (BudgAccount          *account,
                    const char           *date,
                    BudgReconcileSummary *summary,
                    guint                 n_reconciled)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  budg_cli_json_add_string (builder, "account", budg_account_get_name (account));
  budg_cli_json_add_int (builder, "account_id", budg_account_get_id (account));
  budg_cli_json_add_string (builder, "currency", budg_account_get_currency (account));
  budg_cli_json_add_string (builder, "statement_date", date);
  budg_cli_json_add_int (builder, "statement_balance_minor", summary->statement_balance_minor);
  budg_cli_json_add_int (builder, "cleared_balance_minor", summary->cleared_balance_minor);
  budg_cli_json_add_int (builder, "difference_minor", summary->difference_minor);
  budg_cli_json_add_int (builder, "opening_balance_minor", summary->opening_balance_minor);
  budg_cli_json_add_string (builder, "opening_date", summary->opening_date);
  budg_cli_json_add_int (builder, "cleared", summary->n_cleared);
  budg_cli_json_add_int (builder, "pending", summary->n_pending);
  budg_cli_json_add_int (builder, "reconciled", n_reconciled);
  json_builder_end_object (builder);
  budg_cli_print_json (builder);
}

static void
print_summary_text (BudgAccount          *account,
                    const char           *date,
                    BudgReconcileSummary *summary)
{
  const char *currency = budg_account_get_currency (account);
  g_autofree char *opening = budg_cli_format_amount (summary->opening_balance_minor, currency);
  g_autofree char *cleared = budg_cli_format_amount (summary->cleared_balance_minor, currency);
  g_autofree char *statement = budg_cli_format_amount (summary->statement_balance_minor, currency);
  g_autofree char *difference = budg_cli_format_amount (summary->difference_minor, currency);

  g_print (_("Reconciling “%s” with the statement of %s:\n"), budg_account_get_name (account), date);
  if (summary->opening_date != NULL)
    /* TRANSLATORS: the second %s is the date of the balance snapshot the statement starts from */
    g_print (_("  Opening balance:    %s (on %s)\n"), opening, summary->opening_date);
  else
    g_print (_("  Opening balance:    %s\n"), opening);
  g_print (_("  Cleared balance:    %s\n"), cleared);
  g_print (_("  Statement balance:  %s\n"), statement);
  g_print (_("  Difference:         %s\n"), difference);
  g_print (ngettext ("  Cleared:            %u transaction\n",
                     "  Cleared:            %u transactions\n",
                     summary->n_cleared),
           summary->n_cleared);
  g_print (ngettext ("  Pending:            %u transaction\n",
                     "  Pending:            %u transactions\n",
                     summary->n_pending),
           summary->n_pending);
}

int
budg_cli_reconcile (BudgCli               *cli,
                    const BudgCliCommand  *command,
                    int                    argc,
                    char                 **argv)
{
  g_autoptr(GError) error = NULL;
  g_auto(BudgReconcileSummary) summary = { 0 };
  g_autofree char *date = NULL;
  const char *account_text = NULL;
  const char *date_text = NULL;
  const char *balance_text = NULL;
  gboolean finish = FALSE;
  const BudgCliOption options[] = {
    { "account", TRUE, &account_text },
    { "date", TRUE, &date_text },
    { "balance", TRUE, &balance_text },
    { "finish", FALSE, &finish },
    { NULL }
  };
  BudgDatabase *database;
  BudgContext *context;
  BudgAccount *account;
  gint64 balance;
  guint n_reconciled = 0;
  int status;

  status = budg_cli_parse (cli, command, argc, argv, options, NULL);
  if (status != BUDG_CLI_CONTINUE)
    return status;

  if (account_text == NULL)
    return budg_cli_usage_error (command, _("The option --account is required."));
  if (date_text == NULL)
    return budg_cli_usage_error (command, _("The option --date is required."));
  if (balance_text == NULL)
    return budg_cli_usage_error (command, _("The option --balance is required."));

  if (!(date = budg_cli_parse_date (date_text, &error)))
    return budg_cli_fail (error);

  if (!(context = budg_cli_get_context (cli, &error)))
    return budg_cli_fail (error);

  if (!(account = budg_account_store_find (budg_context_get_accounts (context), account_text, &error)))
    return budg_cli_fail (error);

  if (!budg_money_parse (balance_text, budg_account_get_currency (account), &balance, &error))
    return budg_cli_fail (error);

  database = budg_context_get_database (context);

  /* The summary shows the state the statement was checked against, so
   * with --finish it is taken before the cleared transactions are locked.
   * finish() computes the difference again inside its own transaction and
   * changes nothing unless it is zero.
   */
  if (!budg_reconcile_compute (database, budg_account_get_id (account), date, balance, &summary, &error))
    return budg_cli_fail (error);

  if (finish &&
      !budg_reconcile_finish (database, budg_account_get_id (account), date, balance, &n_reconciled, &error))
    return budg_cli_fail (error);

  if (cli->json)
    {
      print_summary_json (account, date, &summary, n_reconciled);
      return BUDG_CLI_EXIT_OK;
    }

  print_summary_text (account, date, &summary);

  if (finish && n_reconciled == 0)
    g_print ("%s\n", _("The statement is reconciled; there were no cleared transactions to lock."));
  else if (finish)
    g_print (ngettext ("Reconciled %u transaction: it is now locked.\n",
                       "Reconciled %u transactions: they are now locked.\n",
                       n_reconciled),
             n_reconciled);
  else if (summary.difference_minor == 0)
    g_print ("%s\n", _("The difference is zero. Run the command again with --finish to lock the cleared transactions as reconciled."));
  else
    g_print ("%s\n", _("Mark the transactions the statement shows as cleared (“budg-cli txn edit ID --status cleared”) until the difference is zero."));

  return BUDG_CLI_EXIT_OK;
}
