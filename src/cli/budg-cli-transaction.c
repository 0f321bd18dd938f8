/* budg-cli-transaction.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-cli-transaction"

#include "config.h"

#include <glib/gi18n.h>

#include "budg-cli-private.h"
#include "budg-error.h"
#include "budg-money.h"

static void
transaction_to_json (BudgTransaction *transaction,
                     JsonBuilder     *builder)
{
  json_builder_begin_object (builder);
  budg_cli_json_add_int (builder, "id", budg_transaction_get_id (transaction));
  budg_cli_json_add_string (builder, "account", budg_transaction_get_account_name (transaction));
  budg_cli_json_add_int (builder, "account_id", budg_transaction_get_account_id (transaction));
  budg_cli_json_add_string (builder, "date", budg_transaction_get_date (transaction));
  budg_cli_json_add_int (builder, "amount_minor", budg_transaction_get_amount_minor (transaction));
  budg_cli_json_add_string (builder, "currency", budg_transaction_get_currency (transaction));
  budg_cli_json_add_string (builder, "payee", budg_transaction_get_payee (transaction));
  budg_cli_json_add_string (builder, "category", budg_transaction_get_category_path (transaction));
  budg_cli_json_add_string (builder, "memo", budg_transaction_get_memo (transaction));
  budg_cli_json_add_string (builder, "status",
                            budg_transaction_status_to_string (budg_transaction_get_status (transaction)));
  json_builder_end_object (builder);
}

/* Optional text options: an empty value means "none". */
static const char *
nonempty (const char *text)
{
  return text != NULL && text[0] != '\0' ? text : NULL;
}

int
budg_cli_txn_add (BudgCli               *cli,
                  const BudgCliCommand  *command,
                  int                    argc,
                  char                 **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BudgTransaction) transaction = NULL;
  g_autoptr(BudgTransaction) stored = NULL;
  g_autofree char *date = NULL;
  const char *account_text = NULL;
  const char *date_text = NULL;
  const char *amount_text = NULL;
  const char *payee = NULL;
  const char *category_text = NULL;
  const char *memo = NULL;
  const char *status_text = NULL;
  const BudgCliOption options[] = {
    { "account", TRUE, &account_text },
    { "date", TRUE, &date_text },
    { "amount", TRUE, &amount_text },
    { "payee", TRUE, &payee },
    { "category", TRUE, &category_text },
    { "memo", TRUE, &memo },
    { "status", TRUE, &status_text },
    { NULL }
  };
  BudgTransactionStatus txn_status = BUDG_TRANSACTION_STATUS_PENDING;
  BudgCategory *category = NULL;
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

  if (status_text != NULL && !budg_transaction_status_from_string (status_text, &txn_status))
    return budg_cli_fail_message (_("“%s” is not a transaction status. Use pending, cleared or reconciled."),
                                  status_text);

  if (!(date = budg_cli_parse_date (date_text, &error)))
    return budg_cli_fail (error);

  if (!(context = budg_cli_get_context (cli, &error)))
    return budg_cli_fail (error);

  if (!(account = budg_account_store_find (budg_context_get_accounts (context), account_text, &error)))
    return budg_cli_fail (error);

  if (!budg_money_parse (amount_text, budg_account_get_currency (account), &amount, &error))
    return budg_cli_fail (error);

  if (nonempty (category_text) != NULL)
    {
      category = budg_category_store_find (budg_context_get_categories (context), category_text, NULL);
      if (category == NULL)
        return budg_cli_fail_message (_("There is no category “%s”. Create it first with “budg-cli category add %s”, or leave out --category."),
                                      category_text, category_text);
    }

  transaction = budg_transaction_new (budg_account_get_id (account), date, amount);
  budg_transaction_set_payee (transaction, nonempty (payee));
  budg_transaction_set_memo (transaction, nonempty (memo));
  budg_transaction_set_status (transaction, txn_status);
  if (category != NULL)
    budg_transaction_set_category_id (transaction, budg_category_get_id (category));

  if (!budg_transaction_store_add (budg_context_get_transactions (context), transaction, &error))
    return budg_cli_fail (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      /* Read it back, so that the output shows what was stored, with the
       * account name and category path filled in.
       */
      stored = budg_transaction_store_get (budg_context_get_transactions (context),
                                           budg_transaction_get_id (transaction), &error);
      if (stored == NULL)
        return budg_cli_fail (error);

      transaction_to_json (stored, builder);
      budg_cli_print_json (builder);
    }
  else
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, budg_transaction_get_id (transaction));
      g_autofree char *formatted = budg_cli_format_amount (amount, budg_account_get_currency (account));

      g_print (_("Added transaction %s: %s on %s in “%s”.\n"),
               id, formatted, date, budg_account_get_name (account));
    }

  return BUDG_CLI_EXIT_OK;
}

int
budg_cli_txn_list (BudgCli               *cli,
                   const BudgCliCommand  *command,
                   int                    argc,
                   char                 **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) transactions = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(BudgCliTable) table = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  const char *account_text = NULL;
  const char *from_text = NULL;
  const char *to_text = NULL;
  const char *search = NULL;
  const char *limit_text = NULL;
  const char *offset_text = NULL;
  const BudgCliOption options[] = {
    { "account", TRUE, &account_text },
    { "from", TRUE, &from_text },
    { "to", TRUE, &to_text },
    { "search", TRUE, &search },
    { "limit", TRUE, &limit_text },
    { "offset", TRUE, &offset_text },
    { NULL }
  };
  BudgTransactionQuery query = { 0 };
  BudgContext *context;
  int status;

  status = budg_cli_parse (cli, command, argc, argv, options, NULL);
  if (status != BUDG_CLI_CONTINUE)
    return status;

  if (limit_text != NULL && !budg_cli_parse_count (limit_text, &query.limit))
    return budg_cli_usage_error (command, _("--limit takes a whole number of transactions, not “%s”."), limit_text);
  if (offset_text != NULL && !budg_cli_parse_count (offset_text, &query.offset))
    return budg_cli_usage_error (command, _("--offset takes a whole number of transactions, not “%s”."), offset_text);

  if (from_text != NULL && !(from = budg_cli_parse_date (from_text, &error)))
    return budg_cli_fail (error);
  if (to_text != NULL && !(to = budg_cli_parse_date (to_text, &error)))
    return budg_cli_fail (error);

  if (!(context = budg_cli_get_context (cli, &error)))
    return budg_cli_fail (error);

  if (account_text != NULL)
    {
      BudgAccount *account = budg_account_store_find (budg_context_get_accounts (context),
                                                      account_text, &error);

      if (account == NULL)
        return budg_cli_fail (error);
      query.account_id = budg_account_get_id (account);
    }

  query.from_date = from;
  query.to_date = to;
  query.search = nonempty (search);

  transactions = budg_transaction_store_query (budg_context_get_transactions (context), &query, &error);
  if (transactions == NULL)
    return budg_cli_fail (error);

  if (cli->json)
    {
      builder = json_builder_new ();
      json_builder_begin_array (builder);
      for (guint i = 0; i < transactions->len; i++)
        transaction_to_json (g_ptr_array_index (transactions, i), builder);
      json_builder_end_array (builder);
      budg_cli_print_json (builder);

      return BUDG_CLI_EXIT_OK;
    }

  if (transactions->len == 0)
    {
      g_print ("%s\n", _("No transactions."));
      return BUDG_CLI_EXIT_OK;
    }

  table = budg_cli_table_new (8,
                              _("ID"), TRUE,
                              _("Date"), FALSE,
                              _("Account"), FALSE,
                              _("Payee"), FALSE,
                              _("Category"), FALSE,
                              _("Amount"), TRUE,
                              _("Status"), FALSE,
                              _("Memo"), FALSE);

  for (guint i = 0; i < transactions->len; i++)
    {
      BudgTransaction *transaction = g_ptr_array_index (transactions, i);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, budg_transaction_get_id (transaction));
      g_autofree char *amount = budg_cli_format_amount (budg_transaction_get_amount_minor (transaction),
                                                        budg_transaction_get_currency (transaction));

      budg_cli_table_add_row (table, id,
                              budg_transaction_get_date (transaction),
                              budg_transaction_get_account_name (transaction),
                              budg_transaction_get_payee (transaction),
                              budg_transaction_get_category_path (transaction),
                              amount,
                              budg_transaction_status_to_string (budg_transaction_get_status (transaction)),
                              budg_transaction_get_memo (transaction));
    }

  budg_cli_table_print (table);

  return BUDG_CLI_EXIT_OK;
}

int
budg_cli_txn_delete (BudgCli               *cli,
                     const BudgCliCommand  *command,
                     int                    argc,
                     char                 **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  const char *id_text = NULL;
  BudgContext *context;
  gint64 id;
  int status;

  status = budg_cli_parse (cli, command, argc, argv, NULL, &id_text);
  if (status != BUDG_CLI_CONTINUE)
    return status;

  if (!g_ascii_string_to_signed (id_text, 10, 1, G_MAXINT64, &id, NULL))
    return budg_cli_fail_message (_("“%s” is not a transaction id. Use the number shown by “budg-cli txn list”."),
                                  id_text);

  if (!(context = budg_cli_get_context (cli, &error)))
    return budg_cli_fail (error);

  if (!budg_transaction_store_delete (budg_context_get_transactions (context), id, &error))
    return budg_cli_fail (error);

  message = g_strdup_printf (_("Deleted transaction %s."), id_text);

  return budg_cli_print_deleted (cli, id, message);
}
