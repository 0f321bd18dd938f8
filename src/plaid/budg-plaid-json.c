/* budg-plaid-json.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-plaid-json"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>

#include "budg-date.h"
#include "budg-error.h"
#include "budg-money.h"
#include "budg-plaid-json.h"

/* Reading ------------------------------------------------------------------ */

/* A member that must be a string; NULL with @error set otherwise. */
static const char *
required_string (JsonObject  *object,
                 const char  *what,
                 const char  *member,
                 GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                   _("Plaid’s answer has no “%s” in %s."), member, what);
      return NULL;
    }

  return json_node_get_string (node);
}

/* A member that may be missing, null or not a string: NULL then. */
static char *
optional_string (JsonObject *object,
                 const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return g_strdup (json_node_get_string (node));
}

static JsonObject *
optional_object (JsonObject *object,
                 const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* A JSON number as minor units of @currency. json-glib reads 12.1 as a
 * double; rounding to the currency's precision gives back the exact
 * decimal the bank meant (up to 2^53 minor units, far beyond any balance).
 * A null, a missing member or a non-number says FALSE, never 0: a missing
 * balance is not an empty account. */
static gboolean
read_amount (JsonObject *object,
             const char *member,
             const char *currency,
             gint64     *out_minor)
{
  JsonNode *node = json_object_get_member (object, member);
  GType type;
  double value;
  double scaled;
  int digits;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  type = json_node_get_value_type (node);
  if (type != G_TYPE_DOUBLE && type != G_TYPE_INT64)
    return FALSE;

  value = json_node_get_double (node);
  digits = currency != NULL ? budg_currency_get_minor_units (currency) : 2;
  scaled = round (value * pow (10, digits < 0 ? 2 : digits));
  if (!isfinite (scaled) || fabs (scaled) > 9007199254740992.0)
    return FALSE;

  *out_minor = (gint64) scaled;

  return TRUE;
}

static JsonNode *
parse_body (const char  *body,
            gssize       length,
            GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;

  if (body == NULL || !json_parser_load_from_data (parser, body, length, &local_error))
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                   _("Plaid’s answer could not be read (%s). Nothing was changed; try again later."),
                   local_error != NULL ? local_error->message : _("it is empty"));
      return NULL;
    }

  if (json_parser_get_root (parser) == NULL || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                   _("Plaid’s answer is not the object Budg expects. Nothing was changed; try again later."));
      return NULL;
    }

  return json_node_ref (json_parser_get_root (parser));
}

/* Errors ------------------------------------------------------------------- */

void
budg_plaid_error_free (BudgPlaidError *error)
{
  if (error == NULL)
    return;

  g_free (error->error_type);
  g_free (error->error_code);
  g_free (error->error_message);
  g_free (error->display_message);
  g_free (error->request_id);
  g_free (error);
}

/**
 * budg_plaid_error_parse:
 * @http_status: the response's status
 * @body: (nullable): its body
 * @length: its length, or -1 when @body ends with a NUL
 *
 * Reads an error response. A body that is not a Plaid error (a proxy's
 * HTML page, a truncated body) still gives an error, with only its status.
 *
 * Returns: (transfer full): the error
 */
BudgPlaidError *
budg_plaid_error_parse (guint       http_status,
                        const char *body,
                        gssize      length)
{
  BudgPlaidError *error = g_new0 (BudgPlaidError, 1);
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;

  error->http_status = http_status;

  root = parse_body (body, length, NULL);
  if (root == NULL)
    return error;

  object = json_node_get_object (root);
  error->error_type = optional_string (object, "error_type");
  error->error_code = optional_string (object, "error_code");
  error->error_message = optional_string (object, "error_message");
  error->display_message = optional_string (object, "display_message");
  error->request_id = optional_string (object, "request_id");

  return error;
}

/**
 * budg_plaid_error_get_reaction:
 * @error: an error
 *
 * What the sync engine does about @error. Plaid's advice, by the type
 * first (codes are endpoint-specific: a rate limit's code names the
 * endpoint), then by the HTTP class for anything unknown.
 *
 * Returns: the reaction
 */
BudgPlaidReaction
budg_plaid_error_get_reaction (const BudgPlaidError *error)
{
  g_return_val_if_fail (error != NULL, BUDG_PLAID_REACTION_FAIL);

  if (g_strcmp0 (error->error_code, "TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION") == 0)
    return BUDG_PLAID_REACTION_RESTART_SYNC;

  if (g_strcmp0 (error->error_type, "RATE_LIMIT_EXCEEDED") == 0 ||
      g_strcmp0 (error->error_type, "INSTITUTION_ERROR") == 0 ||
      g_strcmp0 (error->error_type, "API_ERROR") == 0 ||
      g_strcmp0 (error->error_code, "PRODUCT_NOT_READY") == 0)
    return BUDG_PLAID_REACTION_RETRY;

  /* The connection itself is broken: the user must act (log in again,
   * grant access, link again). */
  if (g_strcmp0 (error->error_type, "ITEM_ERROR") == 0 ||
      g_strcmp0 (error->error_code, "INVALID_ACCESS_TOKEN") == 0 ||
      g_strcmp0 (error->error_code, "USER_PERMISSION_REVOKED") == 0)
    return BUDG_PLAID_REACTION_NEEDS_LOGIN;

  if (error->error_type != NULL && g_str_has_prefix (error->error_type, "INVALID_"))
    return BUDG_PLAID_REACTION_FAIL;

  if (error->http_status == 429 || error->http_status >= 500)
    return BUDG_PLAID_REACTION_RETRY;

  return BUDG_PLAID_REACTION_FAIL;
}

/**
 * budg_plaid_error_describe:
 * @error: an error
 *
 * Returns: (transfer full): a sentence for the user: what happened and
 *   what to do. Plaid's own words for the user when it gives some.
 */
char *
budg_plaid_error_describe (const BudgPlaidError *error)
{
  g_return_val_if_fail (error != NULL, NULL);

  if (error->display_message != NULL)
    return g_strdup (error->display_message);

  switch (budg_plaid_error_get_reaction (error))
    {
    case BUDG_PLAID_REACTION_RESTART_SYNC:
      return g_strdup (_("The bank’s transactions changed while Budg was reading them. Budg will read them again."));
    case BUDG_PLAID_REACTION_RETRY:
      if (g_strcmp0 (error->error_type, "INSTITUTION_ERROR") == 0)
        return g_strdup (_("The bank is not answering at the moment. Budg will try again later."));
      return g_strdup (_("Plaid is busy or unavailable at the moment. Budg will try again later."));
    case BUDG_PLAID_REACTION_NEEDS_LOGIN:
      return g_strdup (_("The bank needs you to sign in again. Open the bank connection and choose Sign In Again."));
    case BUDG_PLAID_REACTION_FAIL:
    default:
      if (g_strcmp0 (error->error_code, "INVALID_API_KEYS") == 0)
        return g_strdup (_("Plaid refused the keys. Check the client ID, the secret and the environment in Bank Connections."));
      if (error->error_code != NULL)
        /* Translators: %s is Plaid's code for the problem, for support. */
        return g_strdup_printf (_("Plaid refused the request (%s). Budg will not retry it."), error->error_code);
      return g_strdup_printf (_("Plaid answered with an error (HTTP %u). Budg will not retry it."), error->http_status);
    }
}

/* Accounts ------------------------------------------------------------------ */

void
budg_plaid_account_free (BudgPlaidAccount *account)
{
  if (account == NULL)
    return;

  g_free (account->account_id);
  g_free (account->name);
  g_free (account->official_name);
  g_free (account->mask);
  g_free (account->type);
  g_free (account->subtype);
  g_free (account->currency);
  g_free (account);
}

static BudgPlaidAccount *
read_account (JsonObject  *object,
              GError     **error)
{
  g_autoptr(BudgPlaidAccount) account = g_new0 (BudgPlaidAccount, 1);
  JsonObject *balances = optional_object (object, "balances");
  const char *id;
  const char *name;
  gboolean owed;

  if (!(id = required_string (object, _("an account"), "account_id", error)) ||
      !(name = required_string (object, _("an account"), "name", error)))
    return NULL;

  account->account_id = g_strdup (id);
  account->name = g_strdup (name);
  account->official_name = optional_string (object, "official_name");
  account->mask = optional_string (object, "mask");
  account->type = optional_string (object, "type");
  account->subtype = optional_string (object, "subtype");
  account->currency = optional_string (balances, "iso_currency_code");

  /* Plaid gives what a credit card or a loan owes as a positive balance;
   * in Budg a debt is negative. */
  owed = g_strcmp0 (account->type, "credit") == 0 || g_strcmp0 (account->type, "loan") == 0;
  if (balances != NULL)
    {
      account->has_current = read_amount (balances, "current", account->currency, &account->current_minor);
      account->has_available = read_amount (balances, "available", account->currency, &account->available_minor);
    }
  if (owed)
    {
      account->current_minor = -account->current_minor;
      account->available_minor = -account->available_minor;
    }

  return g_steal_pointer (&account);
}

static GPtrArray *
read_accounts (JsonObject  *root,
               GError     **error)
{
  g_autoptr(GPtrArray) accounts = g_ptr_array_new_with_free_func ((GDestroyNotify) budg_plaid_account_free);
  JsonNode *node = json_object_get_member (root, "accounts");
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT, _("Plaid’s answer has no list of accounts."));
      return NULL;
    }

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      BudgPlaidAccount *account;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT, _("An account in Plaid’s answer is not an object."));
          return NULL;
        }
      if (!(account = read_account (json_node_get_object (element), error)))
        return NULL;
      g_ptr_array_add (accounts, account);
    }

  return g_steal_pointer (&accounts);
}

/**
 * budg_plaid_parse_accounts:
 * @body: a /accounts/get (or /accounts/balance/get) response
 * @length: its length, or -1
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type BudgPlaidAccount): the
 *   accounts, or %NULL with @error set
 */
GPtrArray *
budg_plaid_parse_accounts (const char  *body,
                           gssize       length,
                           GError     **error)
{
  g_autoptr(JsonNode) root = parse_body (body, length, error);

  if (root == NULL)
    return NULL;

  return read_accounts (json_node_get_object (root), error);
}

/**
 * budg_plaid_accounts_from_json:
 * @root: an /accounts/get response's root, as the client returns it
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type BudgPlaidAccount): the
 *   accounts, or %NULL with @error set
 */
GPtrArray *
budg_plaid_accounts_from_json (JsonNode  *root,
                               GError   **error)
{
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT, _("Plaid’s answer has no list of accounts."));
      return NULL;
    }

  return read_accounts (json_node_get_object (root), error);
}

/* Transactions --------------------------------------------------------------- */

void
budg_plaid_transaction_free (BudgPlaidTransaction *transaction)
{
  if (transaction == NULL)
    return;

  g_free (transaction->transaction_id);
  g_free (transaction->account_id);
  g_free (transaction->currency);
  g_free (transaction->date);
  g_free (transaction->authorized_date);
  g_free (transaction->payee);
  g_free (transaction->name);
  g_free (transaction->pending_transaction_id);
  g_free (transaction->category_primary);
  g_free (transaction->category_detailed);
  g_free (transaction->check_number);
  g_free (transaction);
}

void
budg_plaid_removed_free (BudgPlaidRemoved *removed)
{
  if (removed == NULL)
    return;

  g_free (removed->transaction_id);
  g_free (removed->account_id);
  g_free (removed);
}

static gboolean
valid_date (const char *text)
{
  GDate date;

  return text != NULL && strlen (text) == 10 && budg_date_parse (text, &date, NULL);
}

static BudgPlaidTransaction *
read_transaction (JsonObject  *object,
                  GError     **error)
{
  g_autoptr(BudgPlaidTransaction) transaction = g_new0 (BudgPlaidTransaction, 1);
  JsonObject *category = optional_object (object, "personal_finance_category");
  JsonNode *pending = json_object_get_member (object, "pending");
  const char *id;
  const char *account_id;
  const char *date;
  gint64 amount;

  if (!(id = required_string (object, _("a transaction"), "transaction_id", error)) ||
      !(account_id = required_string (object, _("a transaction"), "account_id", error)) ||
      !(date = required_string (object, _("a transaction"), "date", error)))
    return NULL;

  transaction->transaction_id = g_strdup (id);
  transaction->account_id = g_strdup (account_id);
  transaction->currency = optional_string (object, "iso_currency_code");

  if (!valid_date (date))
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                   _("The transaction %s in Plaid’s answer has the date “%s”, which is not a date."), id, date);
      return NULL;
    }
  transaction->date = g_strdup (date);
  transaction->authorized_date = optional_string (object, "authorized_date");
  if (transaction->authorized_date != NULL && !valid_date (transaction->authorized_date))
    g_clear_pointer (&transaction->authorized_date, g_free);

  if (!read_amount (object, "amount", transaction->currency, &amount))
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                   _("The transaction %s in Plaid’s answer has no amount."), id);
      return NULL;
    }
  /* Plaid: positive = money out of the account. Budg: the opposite. */
  transaction->amount_minor = -amount;

  transaction->name = optional_string (object, "name");
  transaction->payee = optional_string (object, "merchant_name");
  if (transaction->payee == NULL)
    transaction->payee = g_strdup (transaction->name);
  transaction->pending = pending != NULL && JSON_NODE_HOLDS_VALUE (pending) &&
                         json_node_get_value_type (pending) == G_TYPE_BOOLEAN && json_node_get_boolean (pending);
  transaction->pending_transaction_id = optional_string (object, "pending_transaction_id");
  transaction->category_primary = optional_string (category, "primary");
  transaction->category_detailed = optional_string (category, "detailed");
  transaction->check_number = optional_string (object, "check_number");

  return g_steal_pointer (&transaction);
}

static GPtrArray *
read_list (JsonObject  *root,
           const char  *member,
           gboolean     removed,
           GError     **error)
{
  g_autoptr(GPtrArray) list = NULL;
  JsonNode *node = json_object_get_member (root, member);
  JsonArray *array;

  list = g_ptr_array_new_with_free_func (removed ? (GDestroyNotify) budg_plaid_removed_free
                                                 : (GDestroyNotify) budg_plaid_transaction_free);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                   _("Plaid’s answer has no “%s” list."), member);
      return NULL;
    }

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonObject *object;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                       _("An element of the “%s” list in Plaid’s answer is not an object."), member);
          return NULL;
        }
      object = json_node_get_object (element);

      if (removed)
        {
          BudgPlaidRemoved *gone;
          const char *id = required_string (object, _("a removed transaction"), "transaction_id", error);

          if (id == NULL)
            return NULL;
          gone = g_new0 (BudgPlaidRemoved, 1);
          gone->transaction_id = g_strdup (id);
          gone->account_id = optional_string (object, "account_id");
          g_ptr_array_add (list, gone);
        }
      else
        {
          BudgPlaidTransaction *transaction = read_transaction (object, error);

          if (transaction == NULL)
            return NULL;
          g_ptr_array_add (list, transaction);
        }
    }

  return g_steal_pointer (&list);
}

void
budg_plaid_sync_page_free (BudgPlaidSyncPage *page)
{
  if (page == NULL)
    return;

  g_clear_pointer (&page->accounts, g_ptr_array_unref);
  g_clear_pointer (&page->added, g_ptr_array_unref);
  g_clear_pointer (&page->modified, g_ptr_array_unref);
  g_clear_pointer (&page->removed, g_ptr_array_unref);
  g_free (page->next_cursor);
  g_free (page);
}

/**
 * budg_plaid_parse_sync:
 * @body: a /transactions/sync response
 * @length: its length, or -1
 * @error: return location for a #GError
 *
 * Reads one page. A page missing anything the sync needs (its lists, the
 * cursor, has_more, a transaction's id, account, date or amount) is an
 * error as a whole: the sync must not commit half a page.
 *
 * Returns: (transfer full): the page, or %NULL with @error set
 */
BudgPlaidSyncPage *
budg_plaid_parse_sync (const char  *body,
                       gssize       length,
                       GError     **error)
{
  g_autoptr(JsonNode) root = parse_body (body, length, error);

  if (root == NULL)
    return NULL;

  return budg_plaid_sync_page_from_json (root, error);
}

/**
 * budg_plaid_sync_page_from_json:
 * @root: a /transactions/sync response's root, as the client returns it
 * @error: return location for a #GError
 *
 * budg_plaid_parse_sync() for an answer already read.
 *
 * Returns: (transfer full): the page, or %NULL with @error set
 */
BudgPlaidSyncPage *
budg_plaid_sync_page_from_json (JsonNode  *root,
                                GError   **error)
{
  g_autoptr(BudgPlaidSyncPage) page = NULL;
  JsonObject *object;
  JsonNode *has_more;
  const char *cursor;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                   _("Plaid’s answer is not the object Budg expects. Nothing was changed; try again later."));
      return NULL;
    }

  object = json_node_get_object (root);
  page = g_new0 (BudgPlaidSyncPage, 1);

  if (!(cursor = required_string (object, _("the page"), "next_cursor", error)))
    return NULL;
  page->next_cursor = g_strdup (cursor);

  has_more = json_object_get_member (object, "has_more");
  if (has_more == NULL || !JSON_NODE_HOLDS_VALUE (has_more) || json_node_get_value_type (has_more) != G_TYPE_BOOLEAN)
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT, _("Plaid’s answer does not say whether more pages follow."));
      return NULL;
    }
  page->has_more = json_node_get_boolean (has_more);

  if (!(page->added = read_list (object, "added", FALSE, error)) ||
      !(page->modified = read_list (object, "modified", FALSE, error)) ||
      !(page->removed = read_list (object, "removed", TRUE, error)))
    return NULL;

  /* Accounts come with every page; older API versions left them out. */
  if (json_object_has_member (object, "accounts"))
    {
      if (!(page->accounts = read_accounts (object, error)))
        return NULL;
    }
  else
    {
      page->accounts = g_ptr_array_new_with_free_func ((GDestroyNotify) budg_plaid_account_free);
    }

  return g_steal_pointer (&page);
}

/* Linking -------------------------------------------------------------------- */

void
budg_plaid_link_token_free (BudgPlaidLinkToken *token)
{
  if (token == NULL)
    return;

  g_free (token->link_token);
  g_free (token->expiration);
  g_free (token->hosted_link_url);
  g_free (token);
}

/**
 * budg_plaid_link_token_from_json:
 * @root: a /link/token/create response's root
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the token and the Hosted Link address, or
 *   %NULL with @error set (also when the keys are not enabled for Hosted
 *   Link: Plaid then leaves the address out)
 */
BudgPlaidLinkToken *
budg_plaid_link_token_from_json (JsonNode  *root,
                                 GError   **error)
{
  g_autoptr(BudgPlaidLinkToken) token = g_new0 (BudgPlaidLinkToken, 1);
  JsonObject *object;
  const char *link_token;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                   _("Plaid’s answer is not the object Budg expects. Nothing was changed; try again later."));
      return NULL;
    }
  object = json_node_get_object (root);

  if (!(link_token = required_string (object, _("the link token"), "link_token", error)))
    return NULL;
  token->link_token = g_strdup (link_token);
  token->expiration = optional_string (object, "expiration");
  token->hosted_link_url = optional_string (object, "hosted_link_url");

  if (token->hosted_link_url == NULL)
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                   _("Plaid did not give a Hosted Link address: Hosted Link is not enabled for these API keys. Ask Plaid to enable it in the dashboard, then try again."));
      return NULL;
    }

  return g_steal_pointer (&token);
}

void
budg_plaid_link_result_free (BudgPlaidLinkResult *result)
{
  if (result == NULL)
    return;

  g_free (result->public_token);
  g_free (result->institution_name);
  g_clear_pointer (&result->accounts, g_ptr_array_unref);
  g_free (result);
}

void
budg_plaid_link_status_free (BudgPlaidLinkStatus *status)
{
  if (status == NULL)
    return;

  g_clear_pointer (&status->results, g_ptr_array_unref);
  g_free (status->exit_message);
  g_free (status);
}

static BudgPlaidLinkResult *
read_link_result (JsonObject *object)
{
  g_autoptr(BudgPlaidLinkResult) result = g_new0 (BudgPlaidLinkResult, 1);
  JsonObject *institution = optional_object (object, "institution");
  JsonNode *accounts = json_object_get_member (object, "accounts");

  result->public_token = optional_string (object, "public_token");
  if (result->public_token == NULL)
    return NULL;
  result->institution_name = optional_string (institution, "name");
  result->accounts = g_ptr_array_new_with_free_func ((GDestroyNotify) budg_plaid_account_free);

  if (accounts != NULL && JSON_NODE_HOLDS_ARRAY (accounts))
    {
      JsonArray *array = json_node_get_array (accounts);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          JsonObject *account_object;
          BudgPlaidAccount *account;

          if (!JSON_NODE_HOLDS_OBJECT (element))
            continue;
          account_object = json_node_get_object (element);
          account = g_new0 (BudgPlaidAccount, 1);
          /* Link's results call the id "id"; the rest of the API "account_id". */
          account->account_id = optional_string (account_object, "id");
          if (account->account_id == NULL)
            account->account_id = optional_string (account_object, "account_id");
          account->name = optional_string (account_object, "name");
          account->mask = optional_string (account_object, "mask");
          account->type = optional_string (account_object, "type");
          account->subtype = optional_string (account_object, "subtype");
          if (account->account_id == NULL || account->name == NULL)
            {
              budg_plaid_account_free (account);
              continue;
            }
          g_ptr_array_add (result->accounts, account);
        }
    }

  return g_steal_pointer (&result);
}

/**
 * budg_plaid_link_status_from_json:
 * @root: a /link/token/get response's root
 * @error: return location for a #GError
 *
 * Reads how far the user got in the Hosted Link session: still going
 * (no session, or none finished), finished with one or more banks linked,
 * or left without linking one.
 *
 * Returns: (transfer full): the status, or %NULL with @error set
 */
BudgPlaidLinkStatus *
budg_plaid_link_status_from_json (JsonNode  *root,
                                  GError   **error)
{
  g_autoptr(BudgPlaidLinkStatus) status = g_new0 (BudgPlaidLinkStatus, 1);
  JsonNode *sessions;
  JsonObject *object;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                   _("Plaid’s answer is not the object Budg expects. Nothing was changed; try again later."));
      return NULL;
    }
  object = json_node_get_object (root);

  status->state = BUDG_PLAID_LINK_WAITING;
  status->results = g_ptr_array_new_with_free_func ((GDestroyNotify) budg_plaid_link_result_free);

  sessions = json_object_get_member (object, "link_sessions");
  if (sessions == NULL || !JSON_NODE_HOLDS_ARRAY (sessions))
    return g_steal_pointer (&status);

  for (guint i = 0; i < json_array_get_length (json_node_get_array (sessions)); i++)
    {
      JsonNode *element = json_array_get_element (json_node_get_array (sessions), i);
      JsonObject *session;
      JsonObject *results;
      JsonObject *exit_object;
      JsonNode *added;
      g_autofree char *finished_at = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;
      session = json_node_get_object (element);
      finished_at = optional_string (session, "finished_at");
      if (finished_at == NULL)
        continue;

      results = optional_object (session, "results");
      added = results != NULL ? json_object_get_member (results, "item_add_results") : NULL;
      if (added != NULL && JSON_NODE_HOLDS_ARRAY (added))
        {
          JsonArray *array = json_node_get_array (added);

          for (guint j = 0; j < json_array_get_length (array); j++)
            {
              JsonNode *item = json_array_get_element (array, j);
              BudgPlaidLinkResult *result;

              if (JSON_NODE_HOLDS_OBJECT (item) && (result = read_link_result (json_node_get_object (item))) != NULL)
                g_ptr_array_add (status->results, result);
            }
        }

      exit_object = optional_object (session, "exit");
      /* A session that ended without an exit: linked, or, in update mode
       * (which adds no item), logged in again. */
      if (status->results->len > 0 || exit_object == NULL)
        {
          status->state = BUDG_PLAID_LINK_FINISHED;
        }
      else if (status->state == BUDG_PLAID_LINK_WAITING)
        {
          JsonObject *exit_error = optional_object (exit_object, "error");

          status->state = BUDG_PLAID_LINK_EXITED;
          g_free (status->exit_message);
          status->exit_message = optional_string (exit_error, "display_message");
          if (status->exit_message == NULL)
            status->exit_message = optional_string (exit_error, "error_message");
        }
    }

  return g_steal_pointer (&status);
}

/**
 * budg_plaid_exchange_from_json:
 * @root: an /item/public_token/exchange response's root
 * @out_item_id: (out): the new item's id
 * @out_access_token: (out): its access token, for the keyring only
 * @error: return location for a #GError
 *
 * Returns: %FALSE with @error set when either is missing
 */
gboolean
budg_plaid_exchange_from_json (JsonNode  *root,
                               char     **out_item_id,
                               char     **out_access_token,
                               GError   **error)
{
  JsonObject *object;
  const char *item_id;
  const char *access_token;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                   _("Plaid’s answer is not the object Budg expects. Nothing was changed; try again later."));
      return FALSE;
    }
  object = json_node_get_object (root);

  if (!(item_id = required_string (object, _("the exchange"), "item_id", error)) ||
      !(access_token = required_string (object, _("the exchange"), "access_token", error)))
    return FALSE;

  *out_item_id = g_strdup (item_id);
  *out_access_token = g_strdup (access_token);

  return TRUE;
}
