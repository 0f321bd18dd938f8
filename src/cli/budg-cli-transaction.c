/* budg-cli-transaction.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-cli-transaction"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "budg-cli-private.h"
#include "budg-error.h"
#include "budg-money.h"
#include "budg-split.h"
#include "budg-transaction-store.h"

/* The members of a transaction's JSON object, so that commands can add
 * their own (the parts of a split) to the same object.
 */
static void
transaction_members_to_json (BudgTransaction *transaction,
                             JsonBuilder     *builder)
{
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
  budg_cli_json_add_string (builder, "transfer_account",
                            budg_transaction_get_transfer_id (transaction) != 0
                              ? budg_transaction_get_transfer_account_name (transaction)
                              : NULL);
  budg_cli_json_add_int (builder, "split_count", budg_transaction_get_split_count (transaction));
}

static void
transaction_to_json (BudgTransaction *transaction,
                     JsonBuilder     *builder)
{
  json_builder_begin_object (builder);
  transaction_members_to_json (transaction, builder);
  json_builder_end_object (builder);
}

static void
print_transaction_json (BudgTransaction *transaction)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  transaction_to_json (transaction, builder);
  budg_cli_print_json (builder);
}

/* Optional text options: an empty value means "none". */
static const char *
nonempty (const char *text)
{
  return text != NULL && text[0] != '\0' ? text : NULL;
}

/* Ids are what `txn list` shows; anything else is bad input, not usage. */
static gboolean
parse_transaction_id (const char *text,
                      gint64     *out_id)
{
  if (g_ascii_string_to_signed (text, 10, 1, G_MAXINT64, out_id, NULL))
    return TRUE;

  budg_cli_fail_message (_("“%s” is not a transaction id. Use the number shown by “budg-cli txn list”."), text);

  return FALSE;
}

/* Where a category name came from, for the advice when it does not exist. */
typedef enum
{
  CATEGORY_FOR_FIELD,    /* --category of a transaction: it may be left out */
  CATEGORY_FOR_PART,     /* a --part of a split: it must exist */
  CATEGORY_FOR_FILTER,   /* --category of txn list: nothing to create */
} CategoryUse;

/* The category at @path (never empty). Returns %NULL after printing a
 * message that says what to do.
 */
static BudgCategory *
lookup_category (BudgContext *context,
                 const char  *path,
                 CategoryUse  use)
{
  BudgCategory *category = budg_category_store_find (budg_context_get_categories (context), path, NULL);

  if (category != NULL)
    return category;

  switch (use)
    {
    case CATEGORY_FOR_FIELD:
      budg_cli_fail_message (_("There is no category “%s”. Create it first with “budg-cli category add %s”, or leave out --category."),
                             path, path);
      break;
    case CATEGORY_FOR_PART:
      budg_cli_fail_message (_("There is no category “%s”. Create it first with “budg-cli category add %s”."),
                             path, path);
      break;
    case CATEGORY_FOR_FILTER:
    default:
      budg_cli_fail_message (_("There is no category “%s”. Run “budg-cli category list” to see the categories."),
                             path);
      break;
    }

  return NULL;
}

/* What the category column of the text output shows: transfers and split
 * transactions have no category of their own.
 */
static char *
describe_category (BudgTransaction *transaction)
{
  guint n_parts = budg_transaction_get_split_count (transaction);

  if (budg_transaction_get_transfer_id (transaction) != 0)
    /* TRANSLATORS: the category column of a transfer; %s is the other account */
    return g_strdup_printf (_("Transfer: %s"), budg_transaction_get_transfer_account_name (transaction));

  if (n_parts > 0)
    return g_strdup_printf (ngettext ("Split in %u part", "Split in %u parts", n_parts), n_parts);

  return g_strdup (budg_transaction_get_category_path (transaction));
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

  if (nonempty (category_text) != NULL && !(category = lookup_category (context, category_text, CATEGORY_FOR_FIELD)))
    return BUDG_CLI_EXIT_FAILURE;

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
      /* Read it back, so that the output shows what was stored, with the
       * account name and category path filled in.
       */
      stored = budg_transaction_store_get (budg_context_get_transactions (context),
                                           budg_transaction_get_id (transaction), &error);
      if (stored == NULL)
        return budg_cli_fail (error);

      print_transaction_json (stored);
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

/* "pending,cleared" → the bits of BudgTransactionQuery.status_mask. */
static gboolean
parse_status_mask (const char *text,
                   guint      *out_mask)
{
  g_auto(GStrv) words = g_strsplit (text, ",", -1);
  guint mask = 0;

  for (guint i = 0; words[i] != NULL; i++)
    {
      BudgTransactionStatus status;

      if (!budg_transaction_status_from_string (g_strstrip (words[i]), &status))
        return FALSE;
      mask |= 1u << status;
    }

  *out_mask = mask;

  return mask != 0;
}

/* An amount limit of txn list, a size in @currency. */
static gboolean
parse_amount_limit (const char  *text,
                    const char  *currency,
                    gboolean    *out_has_limit,
                    gint64      *out_minor,
                    GError     **error)
{
  if (text == NULL)
    return TRUE;

  if (!budg_money_parse (text, currency, out_minor, error))
    return FALSE;
  *out_has_limit = TRUE;

  return TRUE;
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
  const char *payee = NULL;
  const char *category_text = NULL;
  const char *status_text = NULL;
  const char *min_text = NULL;
  const char *max_text = NULL;
  const char *sort_text = NULL;
  const char *limit_text = NULL;
  const char *offset_text = NULL;
  gboolean uncategorized = FALSE;
  gboolean descending = FALSE;
  const BudgCliOption options[] = {
    { "account", TRUE, &account_text },
    { "from", TRUE, &from_text },
    { "to", TRUE, &to_text },
    { "search", TRUE, &search },
    { "payee", TRUE, &payee },
    { "category", TRUE, &category_text },
    { "uncategorized", FALSE, &uncategorized },
    { "status", TRUE, &status_text },
    { "min-amount", TRUE, &min_text },
    { "max-amount", TRUE, &max_text },
    { "sort", TRUE, &sort_text },
    { "desc", FALSE, &descending },
    { "limit", TRUE, &limit_text },
    { "offset", TRUE, &offset_text },
    { NULL }
  };
  BudgTransactionQuery query = { 0 };
  BudgContext *context;
  const char *currency;
  int status;

  status = budg_cli_parse (cli, command, argc, argv, options, NULL);
  if (status != BUDG_CLI_CONTINUE)
    return status;

  if (limit_text != NULL && !budg_cli_parse_count (limit_text, &query.limit))
    return budg_cli_usage_error (command, _("--limit takes a whole number of transactions, not “%s”."), limit_text);
  if (offset_text != NULL && !budg_cli_parse_count (offset_text, &query.offset))
    return budg_cli_usage_error (command, _("--offset takes a whole number of transactions, not “%s”."), offset_text);
  if (sort_text != NULL && !budg_transaction_sort_from_string (sort_text, &query.sort))
    return budg_cli_usage_error (command, _("--sort takes date, amount, payee or category, not “%s”."), sort_text);
  if (status_text != NULL && !parse_status_mask (status_text, &query.status_mask))
    return budg_cli_usage_error (command, _("--status takes pending, cleared or reconciled, or several of them separated by commas, not “%s”."),
                                 status_text);
  if (uncategorized && nonempty (category_text) != NULL)
    return budg_cli_usage_error (command, _("Give --category or --uncategorized, not both."));

  if (from_text != NULL && !(from = budg_cli_parse_date (from_text, &error)))
    return budg_cli_fail (error);
  if (to_text != NULL && !(to = budg_cli_parse_date (to_text, &error)))
    return budg_cli_fail (error);

  if (!(context = budg_cli_get_context (cli, &error)))
    return budg_cli_fail (error);

  currency = budg_context_get_default_currency (context);

  if (account_text != NULL)
    {
      BudgAccount *account = budg_account_store_find (budg_context_get_accounts (context),
                                                      account_text, &error);

      if (account == NULL)
        return budg_cli_fail (error);
      query.account_id = budg_account_get_id (account);
      currency = budg_account_get_currency (account);
    }

  if (nonempty (category_text) != NULL)
    {
      BudgCategory *category = lookup_category (context, category_text, CATEGORY_FOR_FILTER);

      if (category == NULL)
        return BUDG_CLI_EXIT_FAILURE;
      query.category_id = budg_category_get_id (category);
    }

  if (!parse_amount_limit (min_text, currency, &query.has_min_amount, &query.min_amount_minor, &error) ||
      !parse_amount_limit (max_text, currency, &query.has_max_amount, &query.max_amount_minor, &error))
    return budg_cli_fail (error);

  query.from_date = from;
  query.to_date = to;
  query.search = nonempty (search);
  query.payee = nonempty (payee);
  query.uncategorized = uncategorized;
  query.descending = descending;

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
      g_autofree char *category = describe_category (transaction);

      budg_cli_table_add_row (table, id,
                              budg_transaction_get_date (transaction),
                              budg_transaction_get_account_name (transaction),
                              budg_transaction_get_payee (transaction),
                              category,
                              amount,
                              budg_transaction_status_to_string (budg_transaction_get_status (transaction)),
                              budg_transaction_get_memo (transaction));
    }

  budg_cli_table_print (table);

  return BUDG_CLI_EXIT_OK;
}

int
budg_cli_txn_edit (BudgCli               *cli,
                   const BudgCliCommand  *command,
                   int                    argc,
                   char                 **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BudgTransaction) current = NULL;
  g_autoptr(BudgTransaction) edited = NULL;
  g_autoptr(BudgTransaction) stored = NULL;
  g_autofree char *date = NULL;
  const char *id_text = NULL;
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
  BudgTransactionStore *store;
  BudgContext *context;
  const char *currency;
  gint64 id;
  int status;

  status = budg_cli_parse (cli, command, argc, argv, options, &id_text);
  if (status != BUDG_CLI_CONTINUE)
    return status;

  if (account_text == NULL && date_text == NULL && amount_text == NULL && payee == NULL &&
      category_text == NULL && memo == NULL && status_text == NULL)
    return budg_cli_usage_error (command, _("Nothing to change. Give at least one option, such as --amount or --payee."));

  if (!parse_transaction_id (id_text, &id))
    return BUDG_CLI_EXIT_FAILURE;

  if (status_text != NULL && !budg_transaction_status_from_string (status_text, &txn_status))
    return budg_cli_fail_message (_("“%s” is not a transaction status. Use pending, cleared or reconciled."),
                                  status_text);

  if (date_text != NULL && !(date = budg_cli_parse_date (date_text, &error)))
    return budg_cli_fail (error);

  if (!(context = budg_cli_get_context (cli, &error)))
    return budg_cli_fail (error);

  store = budg_context_get_transactions (context);
  if (!(current = budg_transaction_store_get (store, id, &error)))
    return budg_cli_fail (error);

  edited = budg_transaction_copy (current);
  currency = budg_transaction_get_currency (current);

  if (account_text != NULL)
    {
      BudgAccount *account = budg_account_store_find (budg_context_get_accounts (context),
                                                      account_text, &error);

      if (account == NULL)
        return budg_cli_fail (error);

      /* Minor units mean something else in another currency: moving the
       * row without restating its amount would silently change its value.
       */
      if (g_strcmp0 (budg_account_get_currency (account), currency) != 0 && amount_text == NULL)
        return budg_cli_fail_message (_("“%s” is in %s, not %s. Give the amount in %s with --amount too."),
                                      budg_account_get_name (account), budg_account_get_currency (account),
                                      currency, budg_account_get_currency (account));

      budg_transaction_set_account_id (edited, budg_account_get_id (account));
      currency = budg_account_get_currency (account);
    }

  if (amount_text != NULL)
    {
      gint64 amount;

      if (!budg_money_parse (amount_text, currency, &amount, &error))
        return budg_cli_fail (error);
      budg_transaction_set_amount_minor (edited, amount);
    }

  if (category_text != NULL)
    {
      BudgCategory *category = NULL;

      /* The store would quietly drop it: say so instead. */
      if (nonempty (category_text) != NULL && budg_transaction_get_transfer_id (current) != 0)
        return budg_cli_fail_message (_("Transaction %s is one side of a transfer, which moves money between your own accounts and has no category."),
                                      id_text);

      if (nonempty (category_text) != NULL &&
          !(category = lookup_category (context, category_text, CATEGORY_FOR_FIELD)))
        return BUDG_CLI_EXIT_FAILURE;

      budg_transaction_set_category_id (edited, category != NULL ? budg_category_get_id (category) : 0);
    }

  if (date != NULL)
    budg_transaction_set_date (edited, date);
  if (payee != NULL)
    budg_transaction_set_payee (edited, nonempty (payee));
  if (memo != NULL)
    budg_transaction_set_memo (edited, nonempty (memo));
  if (status_text != NULL)
    budg_transaction_set_status (edited, txn_status);

  if (!budg_transaction_store_update (store, edited, &error))
    return budg_cli_fail (error);

  if (!(stored = budg_transaction_store_get (store, id, &error)))
    return budg_cli_fail (error);

  if (cli->json)
    print_transaction_json (stored);
  else if (budg_transaction_get_transfer_id (stored) != 0)
    {
      g_autofree char *other = g_strdup_printf ("%" G_GINT64_FORMAT, budg_transaction_get_transfer_id (stored));

      g_print (_("Updated transaction %s and the other side of its transfer, transaction %s in “%s”.\n"),
               id_text, other, budg_transaction_get_transfer_account_name (stored));
    }
  else
    g_print (_("Updated transaction %s.\n"), id_text);

  return BUDG_CLI_EXIT_OK;
}

/* Whether @text carries a sign of its own ("-30", "+30", "30-", "(30)"),
 * asked of the money parser itself so that every notation it knows counts:
 * a second sign in front makes a signed amount unreadable.
 */
static gboolean
has_explicit_sign (const char *text,
                   const char *currency)
{
  g_autofree char *plus = g_strconcat ("+", text, NULL);

  return !budg_money_parse (plus, currency, NULL, NULL);
}

/* "Food:Groceries=30" → a split part. The amount takes the transaction's
 * sign unless it has its own, so that "--part Food=30" on a payment is money
 * out like the payment.
 */
static BudgSplit *
parse_part (BudgContext  *context,
            const char   *part,
            const char   *currency,
            gint64        transaction_amount,
            GError      **error)
{
  const char *equals = strrchr (part, '=');
  g_autofree char *path = g_strndup (part, equals - part);
  BudgCategory *category;
  gint64 amount;

  if (!(category = lookup_category (context, path, CATEGORY_FOR_PART)))
    return NULL;

  if (!budg_money_parse (equals + 1, currency, &amount, error))
    return NULL;

  if (transaction_amount < 0 && !has_explicit_sign (equals + 1, currency))
    amount = -amount;

  return budg_split_new (budg_category_get_id (category), amount, NULL);
}

int
budg_cli_txn_split (BudgCli               *cli,
                    const BudgCliCommand  *command,
                    int                    argc,
                    char                 **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) parts = NULL;
  g_autoptr(GPtrArray) splits = NULL;
  g_autoptr(GPtrArray) stored_splits = NULL;
  g_autoptr(BudgTransaction) transaction = NULL;
  g_autoptr(BudgTransaction) stored = NULL;
  const char *id_text = NULL;
  gboolean clear = FALSE;
  const BudgCliOption options[] = {
    { "part", TRUE, &parts, TRUE },
    { "clear", FALSE, &clear },
    { NULL }
  };
  BudgTransactionStore *store;
  BudgContext *context;
  gint64 id;
  int status;

  status = budg_cli_parse (cli, command, argc, argv, options, &id_text);
  if (status != BUDG_CLI_CONTINUE)
    return status;

  if (parts != NULL && clear)
    return budg_cli_usage_error (command, _("Give --part or --clear, not both."));
  if (parts == NULL && !clear)
    return budg_cli_usage_error (command, _("Give the parts with --part CATEGORY=AMOUNT, once for each, or --clear to remove them."));

  for (guint i = 0; parts != NULL && i < parts->len; i++)
    {
      const char *part = g_ptr_array_index (parts, i);
      const char *equals = strrchr (part, '=');

      if (equals == NULL || equals == part || equals[1] == '\0')
        return budg_cli_usage_error (command, _("--part takes CATEGORY=AMOUNT, as in Food:Groceries=30, not “%s”."), part);
    }

  if (!parse_transaction_id (id_text, &id))
    return BUDG_CLI_EXIT_FAILURE;

  if (!(context = budg_cli_get_context (cli, &error)))
    return budg_cli_fail (error);

  store = budg_context_get_transactions (context);
  if (!(transaction = budg_transaction_store_get (store, id, &error)))
    return budg_cli_fail (error);

  splits = g_ptr_array_new_with_free_func ((GDestroyNotify)budg_split_free);
  for (guint i = 0; parts != NULL && i < parts->len; i++)
    {
      BudgSplit *split = parse_part (context, g_ptr_array_index (parts, i),
                                     budg_transaction_get_currency (transaction),
                                     budg_transaction_get_amount_minor (transaction), &error);

      if (split == NULL)
        return error != NULL ? budg_cli_fail (error) : BUDG_CLI_EXIT_FAILURE;
      g_ptr_array_add (splits, split);
    }

  if (!budg_transaction_store_set_splits (store, id, splits, &error))
    return budg_cli_fail (error);

  if (!(stored = budg_transaction_store_get (store, id, &error)) ||
      !(stored_splits = budg_transaction_store_get_splits (store, id, &error)))
    return budg_cli_fail (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      transaction_members_to_json (stored, builder);
      json_builder_set_member_name (builder, "splits");
      json_builder_begin_array (builder);
      for (guint i = 0; i < stored_splits->len; i++)
        {
          BudgSplit *split = g_ptr_array_index (stored_splits, i);

          json_builder_begin_object (builder);
          budg_cli_json_add_string (builder, "category", split->category_path);
          budg_cli_json_add_int (builder, "amount_minor", split->amount_minor);
          budg_cli_json_add_string (builder, "memo", split->memo);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      budg_cli_print_json (builder);
    }
  else if (stored_splits->len == 0)
    g_print (_("Transaction %s is no longer split.\n"), id_text);
  else
    {
      g_autoptr(BudgCliTable) table = budg_cli_table_new (2,
                                                          _("Category"), FALSE,
                                                          _("Amount"), TRUE);

      g_print (ngettext ("Split transaction %s into %u part:\n",
                         "Split transaction %s into %u parts:\n",
                         stored_splits->len),
               id_text, stored_splits->len);
      for (guint i = 0; i < stored_splits->len; i++)
        {
          BudgSplit *split = g_ptr_array_index (stored_splits, i);
          g_autofree char *amount = budg_cli_format_amount (split->amount_minor,
                                                            budg_transaction_get_currency (stored));

          budg_cli_table_add_row (table, split->category_path, amount);
        }
      budg_cli_table_print (table);
    }

  return BUDG_CLI_EXIT_OK;
}

/* Appends the digits of @value to @digits. */
static void
append_digits (GString *digits,
               guint64  value)
{
  g_string_append_printf (digits, "%" G_GUINT64_FORMAT, value);
}

/* format_rate:
 *
 * The rate of a transfer across currencies: how much of the receiving
 * currency one unit of the sending one bought, (@to_minor / 10^@to_digits) /
 * (@from_minor / 10^@from_digits), as a decimal string with six significant
 * digits and at least four decimals ("1.0823", "150.0000", "0.00666667").
 *
 * Exact integer long division: the powers of ten only move the decimal
 * point, and each digit comes from adding the remainder ten times, which
 * never goes past twice the divisor, so no amount can overflow.
 *
 * Returns: (transfer full): the rate
 */
static char *
format_rate (gint64 from_minor,
             int    from_digits,
             gint64 to_minor,
             int    to_digits)
{
  enum { FRACTION_DIGITS = 40, SIGNIFICANT = 6, MIN_DECIMALS = 4, MAX_DECIMALS = 20 };
  g_autoptr(GString) digits = g_string_new (NULL);
  guint64 divisor = (guint64)from_minor;
  guint64 remainder;
  gssize point;
  gssize first;
  gssize decimals;
  gssize end;

  g_assert (from_minor > 0 && to_minor > 0);

  append_digits (digits, (guint64)to_minor / divisor);
  remainder = (guint64)to_minor % divisor;
  point = digits->len;

  for (guint i = 0; i < FRACTION_DIGITS; i++)
    {
      guint64 accumulated = 0;
      guint digit = 0;

      for (guint k = 0; k < 10; k++)
        {
          accumulated += remainder;
          if (accumulated >= divisor)
            {
              accumulated -= divisor;
              digit++;
            }
        }
      g_string_append_c (digits, '0' + digit);
      remainder = accumulated;
    }

  point += from_digits - to_digits;
  if (point < 1)
    {
      for (gssize i = point; i < 1; i++)
        g_string_prepend_c (digits, '0');
      point = 1;
    }
  while (point > 1 && digits->str[0] == '0')
    {
      g_string_erase (digits, 0, 1);
      point--;
    }

  first = strspn (digits->str, "0");
  decimals = first < point ? SIGNIFICANT - (point - first) : SIGNIFICANT + (first - point);
  decimals = CLAMP (decimals, MIN_DECIMALS, MAX_DECIMALS);
  end = point + decimals;

  /* Half up, carrying as far as it goes. */
  if (digits->str[end] >= '5')
    {
      gssize i = end - 1;

      for (; i >= 0 && digits->str[i] == '9'; i--)
        digits->str[i] = '0';
      if (i >= 0)
        digits->str[i]++;
      else
        {
          g_string_prepend_c (digits, '1');
          point++;
          end++;
        }
    }
  g_string_truncate (digits, end);

  while (end > point + MIN_DECIMALS && digits->str[end - 1] == '0')
    g_string_truncate (digits, --end);

  g_string_insert_c (digits, point, '.');

  return g_string_free (g_steal_pointer (&digits), FALSE);
}

int
budg_cli_transfer (BudgCli               *cli,
                   const BudgCliCommand  *command,
                   int                    argc,
                   char                 **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BudgTransaction) from_txn = NULL;
  g_autoptr(BudgTransaction) to_txn = NULL;
  g_autofree char *date = NULL;
  g_autofree char *rate = NULL;
  const char *from_text = NULL;
  const char *to_text = NULL;
  const char *date_text = NULL;
  const char *amount_text = NULL;
  const char *to_amount_text = NULL;
  const char *memo = NULL;
  const BudgCliOption options[] = {
    { "from", TRUE, &from_text },
    { "to", TRUE, &to_text },
    { "date", TRUE, &date_text },
    { "amount", TRUE, &amount_text },
    { "to-amount", TRUE, &to_amount_text },
    { "memo", TRUE, &memo },
    { NULL }
  };
  BudgTransactionStore *store;
  BudgAccountStore *accounts;
  BudgAccount *from_account;
  BudgAccount *to_account;
  BudgContext *context;
  const char *from_currency;
  const char *to_currency;
  gint64 amount;
  gint64 to_amount = 0;
  gint64 from_id = 0;
  gint64 to_id = 0;
  int status;

  status = budg_cli_parse (cli, command, argc, argv, options, NULL);
  if (status != BUDG_CLI_CONTINUE)
    return status;

  if (from_text == NULL)
    return budg_cli_usage_error (command, _("The option --from is required."));
  if (to_text == NULL)
    return budg_cli_usage_error (command, _("The option --to is required."));
  if (date_text == NULL)
    return budg_cli_usage_error (command, _("The option --date is required."));
  if (amount_text == NULL)
    return budg_cli_usage_error (command, _("The option --amount is required."));

  if (!(date = budg_cli_parse_date (date_text, &error)))
    return budg_cli_fail (error);

  if (!(context = budg_cli_get_context (cli, &error)))
    return budg_cli_fail (error);

  accounts = budg_context_get_accounts (context);
  if (!(from_account = budg_account_store_find (accounts, from_text, &error)) ||
      !(to_account = budg_account_store_find (accounts, to_text, &error)))
    return budg_cli_fail (error);

  from_currency = budg_account_get_currency (from_account);
  to_currency = budg_account_get_currency (to_account);

  if (!budg_money_parse (amount_text, from_currency, &amount, &error))
    return budg_cli_fail (error);

  if (to_amount_text != NULL)
    {
      if (!budg_money_parse (to_amount_text, to_currency, &to_amount, &error))
        return budg_cli_fail (error);
      /* 0 would mean "the same amount" to the store. */
      if (to_amount <= 0)
        return budg_cli_fail_message (_("A transfer moves a positive amount. Enter the amount received without a minus sign."));
      /* In one currency the pair must mirror each other, or later edits,
       * which keep them mirrored, would change the amount received.
       */
      if (g_strcmp0 (from_currency, to_currency) == 0 && to_amount != amount)
        return budg_cli_fail_message (_("Both accounts are in %s, so the amount received is the amount sent. Leave out --to-amount."),
                                      from_currency);
    }

  store = budg_context_get_transactions (context);
  if (!budg_transaction_store_add_transfer (store,
                                            budg_account_get_id (from_account),
                                            budg_account_get_id (to_account),
                                            date, amount, to_amount, nonempty (memo),
                                            &from_id, &to_id, &error))
    return budg_cli_fail (error);

  if (!(from_txn = budg_transaction_store_get (store, from_id, &error)) ||
      !(to_txn = budg_transaction_store_get (store, to_id, &error)))
    return budg_cli_fail (error);

  if (g_strcmp0 (from_currency, to_currency) != 0)
    rate = format_rate (-budg_transaction_get_amount_minor (from_txn),
                        budg_currency_get_minor_units (from_currency),
                        budg_transaction_get_amount_minor (to_txn),
                        budg_currency_get_minor_units (to_currency));

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "from");
      transaction_to_json (from_txn, builder);
      json_builder_set_member_name (builder, "to");
      transaction_to_json (to_txn, builder);
      if (rate != NULL)
        budg_cli_json_add_string (builder, "rate", rate);
      json_builder_end_object (builder);
      budg_cli_print_json (builder);
    }
  else
    {
      g_autofree char *sent = budg_cli_format_amount (amount, from_currency);
      g_autofree char *from_id_text = g_strdup_printf ("%" G_GINT64_FORMAT, from_id);
      g_autofree char *to_id_text = g_strdup_printf ("%" G_GINT64_FORMAT, to_id);

      if (rate != NULL)
        {
          g_autofree char *received = budg_cli_format_amount (budg_transaction_get_amount_minor (to_txn), to_currency);

          /* TRANSLATORS: "Transferred 100.00 USD from “Checking” to “Euro savings” on 2030-01-05,
           * received as 92.40 EUR at a rate of 0.9240 (transactions 4 and 5)." */
          g_print (_("Transferred %s from “%s” to “%s” on %s, received as %s at a rate of %s (transactions %s and %s).\n"),
                   sent, budg_account_get_name (from_account), budg_account_get_name (to_account), date,
                   received, rate, from_id_text, to_id_text);
        }
      else
        g_print (_("Transferred %s from “%s” to “%s” on %s (transactions %s and %s).\n"),
                 sent, budg_account_get_name (from_account), budg_account_get_name (to_account), date,
                 from_id_text, to_id_text);
    }

  return BUDG_CLI_EXIT_OK;
}

int
budg_cli_txn_delete (BudgCli               *cli,
                     const BudgCliCommand  *command,
                     int                    argc,
                     char                 **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BudgTransaction) transaction = NULL;
  const char *id_text = NULL;
  BudgTransactionStore *store;
  BudgContext *context;
  gint64 transfer_id;
  gint64 id;
  int status;

  status = budg_cli_parse (cli, command, argc, argv, NULL, &id_text);
  if (status != BUDG_CLI_CONTINUE)
    return status;

  if (!parse_transaction_id (id_text, &id))
    return BUDG_CLI_EXIT_FAILURE;

  if (!(context = budg_cli_get_context (cli, &error)))
    return budg_cli_fail (error);

  /* Read first, to say what else goes: the store takes the other side of a
   * transfer with it.
   */
  store = budg_context_get_transactions (context);
  if (!(transaction = budg_transaction_store_get (store, id, &error)))
    return budg_cli_fail (error);
  transfer_id = budg_transaction_get_transfer_id (transaction);

  if (!budg_transaction_store_delete (store, id, &error))
    return budg_cli_fail (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      budg_cli_json_add_int (builder, "id", id);
      budg_cli_json_add_boolean (builder, "deleted", TRUE);
      json_builder_set_member_name (builder, "transfer_id");
      if (transfer_id != 0)
        json_builder_add_int_value (builder, transfer_id);
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
      budg_cli_print_json (builder);
    }
  else if (transfer_id != 0)
    {
      g_autofree char *other = g_strdup_printf ("%" G_GINT64_FORMAT, transfer_id);

      g_print (_("Deleted transaction %s and the other side of its transfer, transaction %s in “%s”.\n"),
               id_text, other, budg_transaction_get_transfer_account_name (transaction));
    }
  else
    g_print (_("Deleted transaction %s.\n"), id_text);

  return BUDG_CLI_EXIT_OK;
}
