/* budg-plaid-json.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Plaid's responses read into plain data, for the sync engine of the bank
 * connections issue: /transactions/sync pages, /accounts/get, and the error
 * bodies every endpoint may answer with. Everything Budg does not use is
 * ignored, and so are unknown fields and enum values; what it needs and
 * does not find is an error naming the field. Amounts become minor units
 * with Budg's sign (Plaid counts money out as positive). No secret ever
 * reaches these structures: responses carry none that Budg keeps here. */

/**
 * BudgPlaidReaction:
 * @BUDG_PLAID_REACTION_RETRY: try again later, with backoff (429, 5xx,
 *   the institution being down, a transport error)
 * @BUDG_PLAID_REACTION_RESTART_SYNC: start the whole sync loop again from
 *   the cursor it began with (TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION)
 * @BUDG_PLAID_REACTION_NEEDS_LOGIN: the bank connection needs the user
 *   (ITEM_LOGIN_REQUIRED and other ITEM_ERRORs): stop, mark it, never retry
 * @BUDG_PLAID_REACTION_FAIL: a problem retrying cannot solve (INVALID_*,
 *   an unknown 4xx): stop and say so
 */
typedef enum
{
  BUDG_PLAID_REACTION_RETRY,
  BUDG_PLAID_REACTION_RESTART_SYNC,
  BUDG_PLAID_REACTION_NEEDS_LOGIN,
  BUDG_PLAID_REACTION_FAIL,
} BudgPlaidReaction;

/**
 * BudgPlaidError:
 * @http_status: the response's HTTP status
 * @error_type: Plaid's broad category ("ITEM_ERROR"), or %NULL when the
 *   body was not a Plaid error
 * @error_code: Plaid's specific code ("ITEM_LOGIN_REQUIRED"), or %NULL
 * @error_message: Plaid's text for developers, or %NULL
 * @display_message: Plaid's text for the user, or %NULL
 * @request_id: for support requests, or %NULL
 */
typedef struct
{
  guint  http_status;
  char  *error_type;
  char  *error_code;
  char  *error_message;
  char  *display_message;
  char  *request_id;
} BudgPlaidError;

/**
 * BudgPlaidAccount:
 * @account_id: Plaid's id
 * @name: the name the bank gives it
 * @official_name: (nullable): the product's name
 * @mask: (nullable): the last digits of the number
 * @type: "depository", "credit", "loan", "investment"… (as Plaid says)
 * @subtype: (nullable): "checking", "savings", "credit card"…
 * @currency: (nullable): ISO 4217, %NULL for an unofficial currency
 * @has_current: whether @current_minor is known
 * @current_minor: the balance, Budg's sign (a credit card's debt is negative)
 * @has_available: whether @available_minor is known
 * @available_minor: what can be spent
 */
typedef struct
{
  char     *account_id;
  char     *name;
  char     *official_name;
  char     *mask;
  char     *type;
  char     *subtype;
  char     *currency;
  gboolean  has_current;
  gint64    current_minor;
  gboolean  has_available;
  gint64    available_minor;
} BudgPlaidAccount;

/**
 * BudgPlaidTransaction:
 * @transaction_id: Plaid's id, the external id
 * @account_id: Plaid's account id
 * @amount_minor: minor units, Budg's sign (negative = money out)
 * @currency: (nullable): ISO 4217, %NULL for an unofficial currency
 * @date: ISO date it posted (or occurred, while pending)
 * @authorized_date: (nullable): ISO date it was authorized
 * @payee: the merchant's name, else Plaid's name for it
 * @name: Plaid's (legacy) description, as the bank's own text
 * @pending: whether it has not posted yet
 * @pending_transaction_id: (nullable): on a posted transaction, the
 *   pending one it replaces
 * @category_primary: (nullable): personal_finance_category.primary
 * @category_detailed: (nullable): personal_finance_category.detailed
 * @check_number: (nullable): the check's number
 */
typedef struct
{
  char     *transaction_id;
  char     *account_id;
  gint64    amount_minor;
  char     *currency;
  char     *date;
  char     *authorized_date;
  char     *payee;
  char     *name;
  gboolean  pending;
  char     *pending_transaction_id;
  char     *category_primary;
  char     *category_detailed;
  char     *check_number;
} BudgPlaidTransaction;

/**
 * BudgPlaidRemoved:
 * @transaction_id: the transaction Plaid no longer has
 * @account_id: (nullable): its account
 */
typedef struct
{
  char *transaction_id;
  char *account_id;
} BudgPlaidRemoved;

/**
 * BudgPlaidSyncPage:
 * @accounts: (element-type BudgPlaidAccount): the item's accounts
 * @added: (element-type BudgPlaidTransaction)
 * @modified: (element-type BudgPlaidTransaction)
 * @removed: (element-type BudgPlaidRemoved)
 * @next_cursor: the cursor for the next call; "" while Plaid has no data yet
 * @has_more: whether more pages follow
 *
 * One page of /transactions/sync.
 */
typedef struct
{
  GPtrArray *accounts;
  GPtrArray *added;
  GPtrArray *modified;
  GPtrArray *removed;
  char      *next_cursor;
  gboolean   has_more;
} BudgPlaidSyncPage;

/**
 * BudgPlaidLinkToken:
 * @link_token: the token of one Link session
 * @expiration: (nullable): when it stops working (ISO 8601)
 * @hosted_link_url: the page the user opens in the browser
 */
typedef struct
{
  char *link_token;
  char *expiration;
  char *hosted_link_url;
} BudgPlaidLinkToken;

/**
 * BudgPlaidLinkResult:
 * @public_token: to exchange for the access token (within 30 minutes)
 * @institution_name: (nullable): the bank's name
 * @accounts: (element-type BudgPlaidAccount): the accounts the user
 *   shared (id, name, mask, type; no balances)
 */
typedef struct
{
  char      *public_token;
  char      *institution_name;
  GPtrArray *accounts;
} BudgPlaidLinkResult;

typedef enum
{
  BUDG_PLAID_LINK_WAITING,
  BUDG_PLAID_LINK_FINISHED,
  BUDG_PLAID_LINK_EXITED,
} BudgPlaidLinkState;

/**
 * BudgPlaidLinkStatus:
 * @state: where the Hosted Link session is
 * @results: (element-type BudgPlaidLinkResult): the banks linked, when
 *   @state is %BUDG_PLAID_LINK_FINISHED (none after update mode)
 * @exit_message: (nullable): why the user left, when Plaid says
 */
typedef struct
{
  BudgPlaidLinkState  state;
  GPtrArray          *results;
  char               *exit_message;
} BudgPlaidLinkStatus;

void               budg_plaid_error_free         (BudgPlaidError        *error);
BudgPlaidError    *budg_plaid_error_parse        (guint                  http_status,
                                                  const char            *body,
                                                  gssize                 length) G_GNUC_WARN_UNUSED_RESULT;
BudgPlaidReaction  budg_plaid_error_get_reaction (const BudgPlaidError  *error);
char              *budg_plaid_error_describe     (const BudgPlaidError  *error) G_GNUC_WARN_UNUSED_RESULT;

void               budg_plaid_account_free       (BudgPlaidAccount      *account);
void               budg_plaid_transaction_free   (BudgPlaidTransaction  *transaction);
void               budg_plaid_removed_free       (BudgPlaidRemoved      *removed);
void               budg_plaid_sync_page_free     (BudgPlaidSyncPage     *page);

BudgPlaidSyncPage *budg_plaid_parse_sync         (const char            *body,
                                                  gssize                 length,
                                                  GError               **error) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray         *budg_plaid_parse_accounts     (const char            *body,
                                                  gssize                 length,
                                                  GError               **error) G_GNUC_WARN_UNUSED_RESULT;

BudgPlaidSyncPage *budg_plaid_sync_page_from_json (JsonNode             *root,
                                                   GError              **error) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray         *budg_plaid_accounts_from_json  (JsonNode             *root,
                                                   GError              **error) G_GNUC_WARN_UNUSED_RESULT;

void                 budg_plaid_link_token_free       (BudgPlaidLinkToken   *token);
BudgPlaidLinkToken  *budg_plaid_link_token_from_json  (JsonNode             *root,
                                                       GError              **error) G_GNUC_WARN_UNUSED_RESULT;
void                 budg_plaid_link_result_free      (BudgPlaidLinkResult  *result);
void                 budg_plaid_link_status_free      (BudgPlaidLinkStatus  *status);
BudgPlaidLinkStatus *budg_plaid_link_status_from_json (JsonNode             *root,
                                                       GError              **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean             budg_plaid_exchange_from_json    (JsonNode             *root,
                                                       char                **out_item_id,
                                                       char                **out_access_token,
                                                       GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BudgPlaidLinkToken, budg_plaid_link_token_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BudgPlaidLinkResult, budg_plaid_link_result_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BudgPlaidLinkStatus, budg_plaid_link_status_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BudgPlaidError, budg_plaid_error_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BudgPlaidAccount, budg_plaid_account_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BudgPlaidTransaction, budg_plaid_transaction_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BudgPlaidSyncPage, budg_plaid_sync_page_free)

G_END_DECLS
