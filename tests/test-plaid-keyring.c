/* test-plaid-keyring.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Plaid secrets in a real GNOME Keyring on a private D-Bus session
 * (tests/keyring/run-with-keyring.sh): keys per environment, a token per
 * bank connection, deletion, and a clear error when there is no keyring
 * service at all.
 */

#include "config.h"

#include "budg-error.h"
#include "budg-plaid-keyring.h"

static void
test_keys_and_tokens (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *client_id = NULL;
  g_autofree char *secret = NULL;
  g_autofree char *token = NULL;
  g_autofree char *other = NULL;

  /* Nothing stored yet: not found, said so. */
  g_assert_false (budg_plaid_keyring_lookup_keys (BUDG_PLAID_SANDBOX, &client_id, &secret, NULL, &error));
  g_assert_error (error, BUDG_ERROR, BUDG_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (budg_plaid_keyring_store_keys (BUDG_PLAID_SANDBOX, "id-sandbox", "secret-sandbox", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (budg_plaid_keyring_store_keys (BUDG_PLAID_PRODUCTION, "id-production", "secret-production", NULL, &error));
  g_assert_no_error (error);
  /* Stored again: replaced, not doubled. */
  g_assert_true (budg_plaid_keyring_store_keys (BUDG_PLAID_SANDBOX, "id-sandbox", "secret-sandbox-2", NULL, &error));
  g_assert_no_error (error);

  g_assert_true (budg_plaid_keyring_lookup_keys (BUDG_PLAID_SANDBOX, &client_id, &secret, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (client_id, ==, "id-sandbox");
  g_assert_cmpstr (secret, ==, "secret-sandbox-2");
  g_clear_pointer (&client_id, g_free);
  g_clear_pointer (&secret, g_free);
  g_assert_true (budg_plaid_keyring_lookup_keys (BUDG_PLAID_PRODUCTION, &client_id, &secret, NULL, &error));
  g_assert_cmpstr (secret, ==, "secret-production");

  /* A token per item and environment. */
  g_assert_true (budg_plaid_keyring_store_token (BUDG_PLAID_SANDBOX, "item-1", "access-sandbox-1", NULL, &error));
  g_assert_true (budg_plaid_keyring_store_token (BUDG_PLAID_SANDBOX, "item-2", "access-sandbox-2", NULL, &error));
  g_assert_no_error (error);
  token = budg_plaid_keyring_lookup_token (BUDG_PLAID_SANDBOX, "item-1", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (token, ==, "access-sandbox-1");
  g_assert_null (budg_plaid_keyring_lookup_token (BUDG_PLAID_PRODUCTION, "item-1", NULL, &error));
  g_assert_error (error, BUDG_ERROR, BUDG_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Unlinking deletes the token, and only that one. */
  g_assert_true (budg_plaid_keyring_delete_token (BUDG_PLAID_SANDBOX, "item-1", NULL, &error));
  g_assert_no_error (error);
  g_assert_null (budg_plaid_keyring_lookup_token (BUDG_PLAID_SANDBOX, "item-1", NULL, &error));
  g_assert_error (error, BUDG_ERROR, BUDG_ERROR_NOT_FOUND);
  g_clear_error (&error);
  other = budg_plaid_keyring_lookup_token (BUDG_PLAID_SANDBOX, "item-2", NULL, &error);
  g_assert_cmpstr (other, ==, "access-sandbox-2");
  /* Deleting what is gone is fine. */
  g_assert_true (budg_plaid_keyring_delete_token (BUDG_PLAID_SANDBOX, "item-1", NULL, &error));
  g_assert_no_error (error);
}

static void
test_no_keyring (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *client_id = NULL;
      g_autofree char *secret = NULL;

      /* A session bus nobody answers on: no keyring service at all. */
      g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/budg-no-bus", TRUE);
      g_assert_false (budg_plaid_keyring_lookup_keys (BUDG_PLAID_SANDBOX, &client_id, &secret, NULL, &error));
      g_assert_error (error, BUDG_ERROR, BUDG_ERROR_DATABASE);
      g_print ("%s\n", error->message);
      g_assert_false (budg_plaid_keyring_store_token (BUDG_PLAID_SANDBOX, "item-1", "access-x", NULL, NULL));
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("*keyring*");
  g_test_trap_assert_stdout_unmatched ("*access-x*");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plaid/keyring/keys-and-tokens", test_keys_and_tokens);
  g_test_add_func ("/plaid/keyring/no-keyring", test_no_keyring);

  return g_test_run ();
}
