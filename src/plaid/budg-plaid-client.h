/* budg-plaid-client.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "budg-plaid-json.h"

G_BEGIN_DECLS

/**
 * BudgPlaidEnvironment:
 * @BUDG_PLAID_SANDBOX: Plaid's test banks (https://sandbox.plaid.com)
 * @BUDG_PLAID_PRODUCTION: real banks (https://production.plaid.com)
 *
 * Nicks "sandbox" and "production", as the CLI takes them.
 */
typedef enum
{
  BUDG_PLAID_SANDBOX,
  BUDG_PLAID_PRODUCTION,
} BudgPlaidEnvironment;

const char *budg_plaid_environment_to_string   (BudgPlaidEnvironment  environment);
gboolean    budg_plaid_environment_from_string (const char           *text,
                                                BudgPlaidEnvironment *out_environment);

#define BUDG_TYPE_PLAID_CLIENT (budg_plaid_client_get_type ())

G_DECLARE_FINAL_TYPE (BudgPlaidClient, budg_plaid_client, BUDG, PLAID_CLIENT, GObject)

/* Calls Plaid's API with the user's own keys. The secret stays in this
 * object's memory (it comes from the keyring and goes only into the
 * request's header): it is never logged and never part of an error.
 * $BUDG_PLAID_BASE_URL replaces Plaid's host, for tests against a local
 * server. Calls block: the sync engine makes them from a worker thread. */
BudgPlaidClient *budg_plaid_client_new          (BudgPlaidEnvironment  environment,
                                                 const char           *client_id,
                                                 const char           *secret) G_GNUC_WARN_UNUSED_RESULT;
const char      *budg_plaid_client_get_base_url (BudgPlaidClient      *self);
/* Seconds before an unanswered request fails (30 unless told). */
void             budg_plaid_client_set_timeout  (BudgPlaidClient      *self,
                                                 guint                 seconds);
/* POSTs @request (its members, without the credentials, which are added as
 * headers) to @endpoint ("/transactions/sync") and returns the answer's
 * root object. When Plaid answers with an error, returns NULL, sets
 * @out_plaid_error (if given) to it and @error to a sentence for the user;
 * a network failure, a timeout or an unreadable answer gives only @error. */
JsonNode        *budg_plaid_client_call         (BudgPlaidClient      *self,
                                                 const char           *endpoint,
                                                 JsonObject           *request,
                                                 GCancellable         *cancellable,
                                                 BudgPlaidError      **out_plaid_error,
                                                 GError              **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
