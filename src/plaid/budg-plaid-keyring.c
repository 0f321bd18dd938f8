/* budg-plaid-keyring.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-plaid-keyring"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <libsecret/secret.h>

#include "budg-error.h"
#include "budg-plaid-keyring.h"

/* One schema for every Plaid secret, told apart by what it is ("client-id",
 * "secret", "access-token"), the environment and, for a token, the item. */
static const SecretSchema *
plaid_schema (void)
{
  static const SecretSchema schema = {
    "io.github.budg.Budg.Plaid", SECRET_SCHEMA_NONE,
    {
      { "kind", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "environment", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "item", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    }
  };

  return &schema;
}

/* The keyring's own error, in words that say what to do. Its message names
 * the service's problem, never a secret. */
static void
set_keyring_error (GError       **error,
                   const GError  *cause)
{
  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, cause->message);
      return;
    }

  if (g_error_matches (cause, SECRET_ERROR, SECRET_ERROR_IS_LOCKED))
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_DATABASE,
                   _("The keyring is locked. Unlock it (your login password usually does) and try again."));
      return;
    }

  g_set_error (error, BUDG_ERROR, BUDG_ERROR_DATABASE,
               _("Budg could not use the keyring (%s). Make sure a keyring service such as GNOME Keyring runs and is unlocked, then try again."),
               cause->message);
}

static gboolean
store (const char            *kind,
       BudgPlaidEnvironment   environment,
       const char            *item_id,
       const char            *label,
       const char            *value,
       GCancellable          *cancellable,
       GError               **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!secret_password_store_sync (plaid_schema (), SECRET_COLLECTION_DEFAULT, label, value,
                                   cancellable, &local_error,
                                   "kind", kind,
                                   "environment", budg_plaid_environment_to_string (environment),
                                   "item", item_id != NULL ? item_id : "",
                                   NULL))
    {
      set_keyring_error (error, local_error);
      return FALSE;
    }

  return TRUE;
}

static char *
lookup (const char            *kind,
        BudgPlaidEnvironment   environment,
        const char            *item_id,
        GCancellable          *cancellable,
        GError               **error)
{
  g_autoptr(GError) local_error = NULL;
  char *value;

  value = secret_password_lookup_sync (plaid_schema (), cancellable, &local_error,
                                       "kind", kind,
                                       "environment", budg_plaid_environment_to_string (environment),
                                       "item", item_id != NULL ? item_id : "",
                                       NULL);
  if (local_error != NULL)
    {
      set_keyring_error (error, local_error);
      return NULL;
    }

  return value;
}

/**
 * budg_plaid_keyring_store_keys:
 *
 * Stores the user's Plaid client id and secret for @environment, replacing
 * any stored before.
 */
gboolean
budg_plaid_keyring_store_keys (BudgPlaidEnvironment   environment,
                               const char            *client_id,
                               const char            *secret,
                               GCancellable          *cancellable,
                               GError               **error)
{
  g_autofree char *label_id = NULL;
  g_autofree char *label_secret = NULL;

  g_return_val_if_fail (client_id != NULL && secret != NULL, FALSE);

  /* Translators: keyring entries, %s is "sandbox" or "production". */
  label_id = g_strdup_printf (_("Budg: Plaid client ID (%s)"), budg_plaid_environment_to_string (environment));
  label_secret = g_strdup_printf (_("Budg: Plaid secret (%s)"), budg_plaid_environment_to_string (environment));

  return store ("client-id", environment, NULL, label_id, client_id, cancellable, error) &&
         store ("secret", environment, NULL, label_secret, secret, cancellable, error);
}

/**
 * budg_plaid_keyring_lookup_keys:
 *
 * Returns: %FALSE with %BUDG_ERROR_NOT_FOUND when no keys are stored for
 *   @environment, or another error when the keyring cannot be used
 */
gboolean
budg_plaid_keyring_lookup_keys (BudgPlaidEnvironment   environment,
                                char                 **out_client_id,
                                char                 **out_secret,
                                GCancellable          *cancellable,
                                GError               **error)
{
  g_autofree char *client_id = NULL;
  char *secret = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (out_client_id != NULL && out_secret != NULL, FALSE);

  client_id = lookup ("client-id", environment, NULL, cancellable, &local_error);
  if (local_error == NULL)
    secret = lookup ("secret", environment, NULL, cancellable, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  if (client_id == NULL || secret == NULL)
    {
      secret_password_free (secret);
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_NOT_FOUND,
                   _("No Plaid keys are set up for %s. Enter your client ID and secret in Bank Connections (or with “budg-cli plaid setup”)."),
                   budg_plaid_environment_to_string (environment));
      return FALSE;
    }

  *out_client_id = g_steal_pointer (&client_id);
  /* Handed over as a plain string the caller frees; the client wipes its
   * copy when done. */
  *out_secret = g_strdup (secret);
  secret_password_free (secret);

  return TRUE;
}

gboolean
budg_plaid_keyring_store_token (BudgPlaidEnvironment   environment,
                                const char            *item_id,
                                const char            *access_token,
                                GCancellable          *cancellable,
                                GError               **error)
{
  g_autofree char *label = NULL;

  g_return_val_if_fail (item_id != NULL && *item_id != '\0', FALSE);
  g_return_val_if_fail (access_token != NULL, FALSE);

  /* Translators: a keyring entry, %s is the bank connection's id. */
  label = g_strdup_printf (_("Budg: bank connection %s"), item_id);

  return store ("access-token", environment, item_id, label, access_token, cancellable, error);
}

/**
 * budg_plaid_keyring_lookup_token:
 *
 * Returns: (transfer full): the item's access token, or %NULL with
 *   %BUDG_ERROR_NOT_FOUND when none is stored, or another error
 */
char *
budg_plaid_keyring_lookup_token (BudgPlaidEnvironment   environment,
                                 const char            *item_id,
                                 GCancellable          *cancellable,
                                 GError               **error)
{
  GError *local_error = NULL;
  char *token;
  char *copy;

  g_return_val_if_fail (item_id != NULL && *item_id != '\0', NULL);

  token = lookup ("access-token", environment, item_id, cancellable, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  if (token == NULL)
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_NOT_FOUND,
                   _("The keyring holds no access for this bank connection. Link the bank again."));
      return NULL;
    }

  copy = g_strdup (token);
  secret_password_free (token);

  return copy;
}

gboolean
budg_plaid_keyring_delete_token (BudgPlaidEnvironment   environment,
                                 const char            *item_id,
                                 GCancellable          *cancellable,
                                 GError               **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (item_id != NULL && *item_id != '\0', FALSE);

  secret_password_clear_sync (plaid_schema (), cancellable, &local_error,
                              "kind", "access-token",
                              "environment", budg_plaid_environment_to_string (environment),
                              "item", item_id,
                              NULL);
  if (local_error != NULL)
    {
      set_keyring_error (error, local_error);
      return FALSE;
    }

  return TRUE;
}

/**
 * budg_plaid_keyring_new_client:
 * @environment: which keys
 * @cancellable: (nullable): to stop
 * @error: return location for a #GError
 *
 * Returns: (transfer full): a client, or %NULL with @error set (%BUDG_ERROR_NOT_FOUND when no
 *   keys are stored)
 */
BudgPlaidClient *
budg_plaid_keyring_new_client (BudgPlaidEnvironment   environment,
                               GCancellable          *cancellable,
                               GError               **error)
{
  g_autofree char *client_id = NULL;
  char *secret = NULL;
  BudgPlaidClient *client;

  if (!budg_plaid_keyring_lookup_keys (environment, &client_id, &secret, cancellable, error))
    return NULL;

  client = budg_plaid_client_new (environment, client_id, secret);
  explicit_bzero (secret, strlen (secret));
  g_free (secret);

  return client;
}
