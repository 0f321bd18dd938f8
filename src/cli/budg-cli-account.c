/* budg-cli-account.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-cli-account"

#include "config.h"

#include <glib/gi18n.h>

#include "budg-cli-private.h"
#include "budg-error.h"
#include "budg-money.h"
#include "budg-validate.h"

static gboolean
parse_kind (const char       *text,
            BudgAccountKind  *out_kind,
            GError          **error)
{
  g_autoptr(GString) kinds = NULL;

  if (budg_account_kind_from_string (text, out_kind))
    return TRUE;

  kinds = g_string_new (NULL);
  for (guint i = 0; i < BUDG_N_ACCOUNT_KINDS; i++)
    {
      if (i > 0)
        g_string_append (kinds, ", ");
      g_string_append (kinds, budg_account_kind_to_string (i));
    }

  g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
               _("“%s” is not an account kind. Use one of: %s."), text, kinds->str);

  return FALSE;
}

/* Currency codes are upper case; accepting "eur" costs nothing. */
static char *
parse_currency (const char  *text,
                GError     **error)
{
  g_autofree char *code = g_ascii_strup (text, -1);

  if (!budg_validate_currency (code, error))
    return NULL;

  return g_steal_pointer (&code);
}

void
budg_cli_account_to_json (BudgAccount *account,
                          JsonBuilder *builder)
{
  json_builder_begin_object (builder);
  budg_cli_json_add_int (builder, "id", budg_account_get_id (account));
  budg_cli_json_add_string (builder, "name", budg_account_get_name (account));
  budg_cli_json_add_string (builder, "kind", budg_account_kind_to_string (budg_account_get_kind (account)));
  budg_cli_json_add_string (builder, "currency", budg_account_get_currency (account));
  budg_cli_json_add_string (builder, "institution", budg_account_get_institution (account));
  budg_cli_json_add_boolean (builder, "archived", budg_account_get_archived (account));
  budg_cli_json_add_int (builder, "balance_minor", budg_account_get_balance_minor (account));
  json_builder_set_member_name (builder, "warning_threshold_minor");
  if (budg_account_get_has_warning_threshold (account))
    json_builder_add_int_value (builder, budg_account_get_warning_threshold_minor (account));
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
}

static void
print_account_json (BudgAccount *account)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  budg_cli_account_to_json (account, builder);
  budg_cli_print_json (builder);
}

/* The store reloads after every change, so the object it hands back by id
 * carries the fresh balance.
 */
static BudgAccount *
lookup_fresh (BudgAccountStore *store,
              BudgAccount      *account)
{
  BudgAccount *fresh = budg_account_store_lookup (store, budg_account_get_id (account));

  return fresh != NULL ? fresh : account;
}

int
budg_cli_account_add (BudgCli               *cli,
                      const BudgCliCommand  *command,
                      int                    argc,
                      char                 **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BudgAccount) account = NULL;
  g_autofree char *currency = NULL;
  g_autofree char *opening_date = NULL;
  const char *name = NULL;
  const char *kind_text = NULL;
  const char *currency_text = NULL;
  const char *institution = NULL;
  const char *opening_balance_text = NULL;
  const char *opening_date_text = NULL;
  const BudgCliOption options[] = {
    { "kind", TRUE, &kind_text },
    { "currency", TRUE, &currency_text },
    { "institution", TRUE, &institution },
    { "opening-balance", TRUE, &opening_balance_text },
    { "opening-date", TRUE, &opening_date_text },
    { NULL }
  };
  BudgAccountStore *store;
  BudgAccount *created;
  BudgContext *context;
  BudgAccountKind kind;
  gint64 opening_balance = 0;
  int status;

  status = budg_cli_parse (cli, command, argc, argv, options, &name);
  if (status != BUDG_CLI_CONTINUE)
    return status;

  if (kind_text == NULL)
    return budg_cli_usage_error (command, _("The option --kind is required."));

  if ((opening_balance_text == NULL) != (opening_date_text == NULL))
    return budg_cli_usage_error (command, _("Give --opening-balance and --opening-date together, or neither."));

  if (!parse_kind (kind_text, &kind, &error))
    return budg_cli_fail (error);

  if (currency_text != NULL && !(currency = parse_currency (currency_text, &error)))
    return budg_cli_fail (error);

  if (opening_date_text != NULL && !(opening_date = budg_cli_parse_date (opening_date_text, &error)))
    return budg_cli_fail (error);

  if (!(context = budg_cli_get_context (cli, &error)))
    return budg_cli_fail (error);
  store = budg_context_get_accounts (context);

  if (currency == NULL)
    currency = g_strdup (budg_context_get_default_currency (context));

  if (opening_balance_text != NULL &&
      !budg_money_parse (opening_balance_text, currency, &opening_balance, &error))
    return budg_cli_fail (error);

  if (institution != NULL && institution[0] == '\0')
    institution = NULL;

  created = budg_account_store_create (store, name, kind, currency, institution,
                                       opening_date, opening_balance, &error);
  if (created == NULL)
    return budg_cli_fail (error);
  account = g_object_ref (created);

  if (cli->json)
    print_account_json (lookup_fresh (store, account));
  else
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, budg_account_get_id (account));

      g_print (_("Created account “%s” (id %s).\n"), budg_account_get_name (account), id);
    }

  return BUDG_CLI_EXIT_OK;
}

int
budg_cli_account_list (BudgCli               *cli,
                       const BudgCliCommand  *command,
                       int                    argc,
                       char                 **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(BudgCliTable) table = NULL;
  GListModel *model;
  BudgContext *context;
  guint n_items;
  int status;

  status = budg_cli_parse (cli, command, argc, argv, NULL, NULL);
  if (status != BUDG_CLI_CONTINUE)
    return status;

  if (!(context = budg_cli_get_context (cli, &error)))
    return budg_cli_fail (error);

  model = G_LIST_MODEL (budg_context_get_accounts (context));
  n_items = g_list_model_get_n_items (model);

  if (cli->json)
    {
      builder = json_builder_new ();
      json_builder_begin_array (builder);
    }
  else if (n_items == 0)
    {
      g_print ("%s\n", _("No accounts yet. Add one with “budg-cli account add NAME --kind checking”."));
      return BUDG_CLI_EXIT_OK;
    }
  else
    table = budg_cli_table_new (5,
                                _("ID"), TRUE,
                                _("Name"), FALSE,
                                _("Kind"), FALSE,
                                _("Balance"), TRUE,
                                _("Status"), FALSE);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(BudgAccount) account = g_list_model_get_item (model, i);

      if (cli->json)
        budg_cli_account_to_json (account, builder);
      else
        {
          g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, budg_account_get_id (account));
          g_autofree char *balance = budg_cli_format_amount (budg_account_get_balance_minor (account),
                                                             budg_account_get_currency (account));

          budg_cli_table_add_row (table, id,
                                  budg_account_get_name (account),
                                  budg_account_kind_to_string (budg_account_get_kind (account)),
                                  balance,
                                  budg_account_get_archived (account) ? _("archived") : NULL);
        }
    }

  if (cli->json)
    {
      json_builder_end_array (builder);
      budg_cli_print_json (builder);
    }
  else
    budg_cli_table_print (table);

  return BUDG_CLI_EXIT_OK;
}

int
budg_cli_account_edit (BudgCli               *cli,
                       const BudgCliCommand  *command,
                       int                    argc,
                       char                 **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *currency = NULL;
  g_autofree char *new_name = NULL;
  g_autofree char *new_institution = NULL;
  const char *id_or_name = NULL;
  const char *name = NULL;
  const char *kind_text = NULL;
  const char *currency_text = NULL;
  const char *institution = NULL;
  const char *threshold_text = NULL;
  const BudgCliOption options[] = {
    { "name", TRUE, &name },
    { "kind", TRUE, &kind_text },
    { "currency", TRUE, &currency_text },
    { "institution", TRUE, &institution },
    { "warning-threshold", TRUE, &threshold_text },
    { NULL }
  };
  g_autoptr(BudgAccount) account = NULL;
  BudgDatabase *database;
  gint64 threshold = 0;
  BudgAccountStore *store;
  BudgContext *context;
  BudgAccount *found;
  BudgAccountKind kind;
  int status;

  status = budg_cli_parse (cli, command, argc, argv, options, &id_or_name);
  if (status != BUDG_CLI_CONTINUE)
    return status;

  if (name == NULL && kind_text == NULL && currency_text == NULL && institution == NULL &&
      threshold_text == NULL)
    return budg_cli_usage_error (command, _("Nothing to change: give --name, --kind, --currency, --institution or --warning-threshold."));

  if (kind_text != NULL && !parse_kind (kind_text, &kind, &error))
    return budg_cli_fail (error);

  if (currency_text != NULL && !(currency = parse_currency (currency_text, &error)))
    return budg_cli_fail (error);

  if (!(context = budg_cli_get_context (cli, &error)))
    return budg_cli_fail (error);
  store = budg_context_get_accounts (context);

  if (!(found = budg_account_store_find (store, id_or_name, &error)))
    return budg_cli_fail (error);

  /* Our own reference: the change reloads the store, which drops its objects. */
  account = g_object_ref (found);

  /* What is not given stays as it is; an empty --institution clears it.
   * Copies, since the store may update @account itself.
   */
  if (kind_text == NULL)
    kind = budg_account_get_kind (account);
  if (currency == NULL)
    currency = g_strdup (budg_account_get_currency (account));
  new_name = g_strdup (name != NULL ? name : budg_account_get_name (account));
  if (institution == NULL)
    new_institution = g_strdup (budg_account_get_institution (account));
  else if (institution[0] != '\0')
    new_institution = g_strdup (institution);

  /* An empty --warning-threshold removes it; an amount is in the account's
   * currency (the new one, when that changes too). */
  if (threshold_text != NULL && threshold_text[0] != '\0' &&
      !budg_money_parse (threshold_text, currency, &threshold, &error))
    return budg_cli_fail (error);

  database = budg_context_get_database (context);
  if (!budg_database_begin (database, &error))
    return budg_cli_fail (error);
  if (!budg_account_store_update (store, account, new_name, kind, currency, new_institution, &error) ||
      (threshold_text != NULL &&
       !budg_account_store_set_warning_threshold (store, account, threshold_text[0] != '\0', threshold, &error)) ||
      !budg_database_commit (database, &error))
    {
      budg_database_rollback (database);
      return budg_cli_fail (error);
    }

  if (cli->json)
    print_account_json (lookup_fresh (store, account));
  else
    g_print (_("Updated account “%s”.\n"), budg_account_get_name (lookup_fresh (store, account)));

  return BUDG_CLI_EXIT_OK;
}

int
budg_cli_account_archive (BudgCli               *cli,
                          const BudgCliCommand  *command,
                          int                    argc,
                          char                 **argv)
{
  g_autoptr(GError) error = NULL;
  const char *id_or_name = NULL;
  gboolean undo = FALSE;
  const BudgCliOption options[] = {
    { "undo", FALSE, &undo },
    { NULL }
  };
  g_autoptr(BudgAccount) account = NULL;
  BudgAccountStore *store;
  BudgContext *context;
  BudgAccount *found;
  int status;

  status = budg_cli_parse (cli, command, argc, argv, options, &id_or_name);
  if (status != BUDG_CLI_CONTINUE)
    return status;

  if (!(context = budg_cli_get_context (cli, &error)))
    return budg_cli_fail (error);
  store = budg_context_get_accounts (context);

  if (!(found = budg_account_store_find (store, id_or_name, &error)))
    return budg_cli_fail (error);

  /* Our own reference: the change reloads the store, which drops its objects. */
  account = g_object_ref (found);

  if (!budg_account_store_set_archived (store, account, !undo, &error))
    return budg_cli_fail (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      budg_cli_json_add_int (builder, "id", budg_account_get_id (account));
      budg_cli_json_add_boolean (builder, "archived", !undo);
      json_builder_end_object (builder);
      budg_cli_print_json (builder);
    }
  else if (undo)
    g_print (_("Account “%s” is back from the archive.\n"), budg_account_get_name (account));
  else
    g_print (_("Archived account “%s”.\n"), budg_account_get_name (account));

  return BUDG_CLI_EXIT_OK;
}

int
budg_cli_account_delete (BudgCli               *cli,
                         const BudgCliCommand  *command,
                         int                    argc,
                         char                 **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BudgAccount) account = NULL;
  g_autofree char *message = NULL;
  const char *id_or_name = NULL;
  gboolean force = FALSE;
  const BudgCliOption options[] = {
    { "force", FALSE, &force },
    { NULL }
  };
  BudgAccountStore *store;
  BudgContext *context;
  BudgAccount *found;
  gint64 n_transactions;
  int status;

  status = budg_cli_parse (cli, command, argc, argv, options, &id_or_name);
  if (status != BUDG_CLI_CONTINUE)
    return status;

  if (!(context = budg_cli_get_context (cli, &error)))
    return budg_cli_fail (error);
  store = budg_context_get_accounts (context);

  if (!(found = budg_account_store_find (store, id_or_name, &error)))
    return budg_cli_fail (error);

  /* Our own reference: deleting reloads the store, which drops its objects. */
  account = g_object_ref (found);

  n_transactions = budg_account_store_count_transactions (store, account);
  if (n_transactions < 0)
    return budg_cli_fail_message (_("Budg could not count the transactions of “%s”, so it was not deleted. Check that the database is readable and try again."),
                                  budg_account_get_name (account));
  if (n_transactions > 0 && !force)
    {
      g_autofree char *count = g_strdup_printf ("%" G_GINT64_FORMAT, n_transactions);

      return budg_cli_fail_message (ngettext ("“%s” has %s transaction. Archive it with “budg-cli account archive” to keep its history, or add --force to delete it with its transaction.",
                                              "“%s” has %s transactions. Archive it with “budg-cli account archive” to keep its history, or add --force to delete it with all its transactions.",
                                              (gulong) MIN (n_transactions, G_MAXLONG)),
                                    budg_account_get_name (account), count);
    }

  if (!budg_account_store_delete (store, account, &error))
    return budg_cli_fail (error);

  message = g_strdup_printf (_("Deleted account “%s”."), budg_account_get_name (account));

  return budg_cli_print_deleted (cli, budg_account_get_id (account), message);
}
