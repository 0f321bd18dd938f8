/* budg-plaid-link.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-plaid-link"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "budg-plaid-link.h"

/* Plaid's limit on the name Link shows. */
#define CLIENT_NAME "Budg"

/* Long enough to find a bank and log in, short enough that a forgotten
 * link does not stay open: Hosted Link's own default. */
#define LINK_LIFETIME_SECONDS 1800

/* The most history Plaid gives at the first sync. */
#define DAYS_REQUESTED 730

const char *
budg_plaid_link_language (void)
{
  static const char * const supported[] = {
    "da", "nl", "en", "et", "fr", "de", "hi", "it", "lv", "lt", "no", "pl", "pt", "ro", "es", "sv", "vi",
  };
  const char * const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    for (guint j = 0; j < G_N_ELEMENTS (supported); j++)
      if (strncmp (names[i], supported[j], 2) == 0 && (names[i][2] == '\0' || names[i][2] == '_' ||
                                                       names[i][2] == '.' || names[i][2] == '@'))
        return supported[j];

  return "en";
}

const char *
budg_plaid_link_country (void)
{
  static const char * const supported[] = {
    "US", "GB", "ES", "NL", "FR", "IE", "CA", "DE", "IT", "PL", "DK", "NO", "SE", "EE", "LT", "LV", "PT",
    "BE", "AT", "FI",
  };
  const char * const *names = g_get_language_names ();

  /* The territory of the first locale that has one ("de_AT.UTF-8" → AT). */
  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *underscore = strchr (names[i], '_');

      if (underscore == NULL || strlen (underscore) < 3)
        continue;
      for (guint j = 0; j < G_N_ELEMENTS (supported); j++)
        if (strncmp (underscore + 1, supported[j], 2) == 0)
          return supported[j];
    }

  return "US";
}

/* Plaid wants a stable id for the person, and no personal data in it: a
 * digest of the machine's id, which says nothing about the user. */
static char *
client_user_id (void)
{
  g_autofree char *machine_id = NULL;

  if (!g_file_get_contents ("/etc/machine-id", &machine_id, NULL, NULL))
    machine_id = g_strdup (g_get_host_name ());

  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, g_strstrip (machine_id), -1);
}

/**
 * budg_plaid_link_create_token:
 * @client: a client
 * @access_token: (nullable): an item's token for update mode
 * @cancellable: (nullable): to stop
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the link token and its Hosted Link address
 */
BudgPlaidLinkToken *
budg_plaid_link_create_token (BudgPlaidClient  *client,
                              const char       *access_token,
                              GCancellable     *cancellable,
                              GError          **error)
{
  g_autoptr(JsonObject) request = json_object_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *user_id = client_user_id ();
  JsonObject *user = json_object_new ();
  JsonObject *hosted_link = json_object_new ();
  JsonArray *countries = json_array_new ();

  json_object_set_string_member (request, "client_name", CLIENT_NAME);
  json_object_set_string_member (request, "language", budg_plaid_link_language ());
  json_array_add_string_element (countries, budg_plaid_link_country ());
  json_object_set_array_member (request, "country_codes", countries);
  json_object_set_string_member (user, "client_user_id", user_id);
  json_object_set_object_member (request, "user", user);

  json_object_set_string_member (hosted_link, "completion_redirect_uri", BUDG_PLAID_COMPLETION_URI);
  json_object_set_int_member (hosted_link, "url_lifetime_seconds", LINK_LIFETIME_SECONDS);
  json_object_set_object_member (request, "hosted_link", hosted_link);

  if (access_token != NULL)
    {
      /* Update mode: no products, the same item and token afterwards. */
      JsonObject *update = json_object_new ();

      json_object_set_string_member (request, "access_token", access_token);
      json_object_set_boolean_member (update, "account_selection_enabled", TRUE);
      json_object_set_object_member (request, "update", update);
    }
  else
    {
      JsonArray *products = json_array_new ();
      JsonObject *transactions = json_object_new ();

      json_array_add_string_element (products, "transactions");
      json_object_set_array_member (request, "products", products);
      json_object_set_int_member (transactions, "days_requested", DAYS_REQUESTED);
      json_object_set_object_member (request, "transactions", transactions);
    }

  root = budg_plaid_client_call (client, "/link/token/create", request, cancellable, NULL, error);
  if (root == NULL)
    return NULL;

  return budg_plaid_link_token_from_json (root, error);
}

/* Most calls take one member besides the credentials. */
static JsonNode *
call_with (BudgPlaidClient  *client,
           const char       *endpoint,
           const char       *member,
           const char       *value,
           GCancellable     *cancellable,
           BudgPlaidError  **out_plaid_error,
           GError          **error)
{
  g_autoptr(JsonObject) request = json_object_new ();

  json_object_set_string_member (request, member, value);

  return budg_plaid_client_call (client, endpoint, request, cancellable, out_plaid_error, error);
}

/**
 * budg_plaid_link_get_status:
 * @client: a client
 * @link_token: the session's token
 * @cancellable: (nullable): to stop
 * @error: return location for a #GError
 *
 * Returns: (transfer full): where the session is
 */
BudgPlaidLinkStatus *
budg_plaid_link_get_status (BudgPlaidClient  *client,
                            const char       *link_token,
                            GCancellable     *cancellable,
                            GError          **error)
{
  g_autoptr(JsonNode) root = call_with (client, "/link/token/get", "link_token", link_token, cancellable, NULL,
                                        error);

  if (root == NULL)
    return NULL;

  return budg_plaid_link_status_from_json (root, error);
}

/**
 * budg_plaid_link_exchange:
 * @client: a client
 * @public_token: from a finished session
 * @out_item_id: (out): the item's id
 * @out_access_token: (out): its access token, for the keyring only
 * @cancellable: (nullable): to stop
 * @error: return location for a #GError
 *
 * Returns: %FALSE on error
 */
gboolean
budg_plaid_link_exchange (BudgPlaidClient  *client,
                          const char       *public_token,
                          char            **out_item_id,
                          char            **out_access_token,
                          GCancellable     *cancellable,
                          GError          **error)
{
  g_autoptr(JsonNode) root = call_with (client, "/item/public_token/exchange", "public_token", public_token,
                                        cancellable, NULL, error);

  if (root == NULL)
    return FALSE;

  return budg_plaid_exchange_from_json (root, out_item_id, out_access_token, error);
}

/**
 * budg_plaid_fetch_accounts:
 * @client: a client
 * @access_token: the item's token
 * @cancellable: (nullable): to stop
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type BudgPlaidAccount): the
 *   item's accounts
 */
GPtrArray *
budg_plaid_fetch_accounts (BudgPlaidClient  *client,
                           const char       *access_token,
                           GCancellable     *cancellable,
                           GError          **error)
{
  g_autoptr(JsonNode) root = call_with (client, "/accounts/get", "access_token", access_token, cancellable, NULL,
                                        error);

  if (root == NULL)
    return NULL;

  return budg_plaid_accounts_from_json (root, error);
}

/**
 * budg_plaid_remove_item:
 * @client: a client
 * @access_token: the item's token
 * @cancellable: (nullable): to stop
 * @error: return location for a #GError
 *
 * Returns: %FALSE on error
 */
gboolean
budg_plaid_remove_item (BudgPlaidClient  *client,
                        const char       *access_token,
                        GCancellable     *cancellable,
                        GError          **error)
{
  g_autoptr(BudgPlaidError) plaid_error = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonNode) root = call_with (client, "/item/remove", "access_token", access_token, cancellable,
                                        &plaid_error, &local_error);

  if (root != NULL)
    return TRUE;

  if (plaid_error != NULL && (g_strcmp0 (plaid_error->error_code, "ITEM_NOT_FOUND") == 0 ||
                              g_strcmp0 (plaid_error->error_code, "INVALID_ACCESS_TOKEN") == 0))
    return TRUE;

  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/**
 * budg_plaid_link_is_completion_uri:
 * @uri: an address given to Budg, e.g. by the browser
 *
 * Plaid may add a query (the link session's state) to the address it
 * redirects to, and some browsers write the host in capitals.
 *
 * Returns: whether @uri is #BUDG_PLAID_COMPLETION_URI, query aside
 */
gboolean
budg_plaid_link_is_completion_uri (const char *uri)
{
  g_autoptr(GUri) parsed = NULL;

  g_return_val_if_fail (uri != NULL, FALSE);

  parsed = g_uri_parse (uri, G_URI_FLAGS_NONE, NULL);
  if (parsed == NULL)
    return FALSE;

  return g_ascii_strcasecmp (g_uri_get_scheme (parsed), "budg") == 0 &&
         g_uri_get_host (parsed) != NULL &&
         g_ascii_strcasecmp (g_uri_get_host (parsed), "plaid") == 0 &&
         g_strcmp0 (g_uri_get_path (parsed), "/link-complete") == 0;
}
