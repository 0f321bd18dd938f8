/* test-plaid-json.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Plaid's official example responses (tests/data/plaid, see SOURCES.md)
 * read into Budg's structures: amounts in minor units with Budg's sign,
 * merchant names before Plaid's names, nulls never read as zero, unknown
 * fields ignored; every error body of Plaid's documentation with the
 * reaction the sync engine must have; and malformed or truncated bodies
 * refused as a whole.
 */

#include "config.h"

#include <string.h>

#include "budg-error.h"
#include "budg-plaid-json.h"

static char *
read_data (const char *name,
           gsize      *out_length)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_getenv ("BUDG_TEST_DATA"), "plaid", name, NULL);
  char *contents = NULL;

  g_file_get_contents (path, &contents, out_length, &error);
  g_assert_no_error (error);

  return contents;
}

static void
test_sync_page (void)
{
  g_autoptr(GError) error = NULL;
  gsize length;
  g_autofree char *body = read_data ("transactions_sync.json", &length);
  g_autoptr(BudgPlaidSyncPage) page = budg_plaid_parse_sync (body, length, &error);
  BudgPlaidTransaction *walmart;
  BudgPlaidTransaction *burger;
  BudgPlaidRemoved *removed;

  g_assert_no_error (error);
  g_assert_nonnull (page);
  g_assert_false (page->has_more);
  g_assert_true (g_str_has_prefix (page->next_cursor, "tVUUL15lYQ"));
  g_assert_cmpuint (page->accounts->len, ==, 1);
  g_assert_cmpuint (page->added->len, ==, 1);
  g_assert_cmpuint (page->modified->len, ==, 1);
  g_assert_cmpuint (page->removed->len, ==, 1);

  /* 72.1 out of the account is -72.10 in Budg; the merchant's name comes
   * before Plaid's description, which is kept as the bank's text. */
  walmart = g_ptr_array_index (page->added, 0);
  g_assert_cmpint (walmart->amount_minor, ==, -7210);
  g_assert_cmpstr (walmart->currency, ==, "USD");
  g_assert_cmpstr (walmart->payee, ==, "Walmart");
  g_assert_cmpstr (walmart->name, ==, "PURCHASE WM SUPERCENTER #1700");
  g_assert_cmpstr (walmart->date, ==, "2023-09-24");
  g_assert_cmpstr (walmart->authorized_date, ==, "2023-09-22");
  g_assert_false (walmart->pending);
  g_assert_cmpstr (walmart->category_primary, ==, "GENERAL_MERCHANDISE");
  g_assert_true (g_str_has_prefix (walmart->transaction_id, "lPNjeW1nR6"));

  burger = g_ptr_array_index (page->modified, 0);
  g_assert_cmpint (burger->amount_minor, ==, -2834);
  g_assert_cmpstr (burger->payee, ==, "Burger King");
  g_assert_true (burger->pending);
  g_assert_cmpstr (burger->category_primary, ==, "FOOD_AND_DRINK");

  removed = g_ptr_array_index (page->removed, 0);
  g_assert_cmpstr (removed->transaction_id, ==, "CmdQTNgems8BT1B7ibkoUXVPyAeehT3Tmzk0l");
}

static void
test_accounts (void)
{
  g_autoptr(GError) error = NULL;
  gsize length;
  g_autofree char *body = read_data ("accounts_get.json", &length);
  g_autoptr(GPtrArray) accounts = budg_plaid_parse_accounts (body, length, &error);
  BudgPlaidAccount *checking = NULL;
  BudgPlaidAccount *retirement = NULL;
  BudgPlaidAccount *loan = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (accounts->len, >=, 3);
  for (guint i = 0; i < accounts->len; i++)
    {
      BudgPlaidAccount *account = g_ptr_array_index (accounts, i);

      if (g_strcmp0 (account->name, "Plaid Checking") == 0)
        checking = account;
      else if (g_strcmp0 (account->name, "Plaid 401k") == 0)
        retirement = account;
      else if (g_strcmp0 (account->name, "Plaid Student Loan") == 0)
        loan = account;
    }

  g_assert_nonnull (checking);
  g_assert_true (checking->has_current);
  g_assert_cmpint (checking->current_minor, ==, 11000);
  g_assert_true (checking->has_available);
  g_assert_cmpint (checking->available_minor, ==, 10000);
  g_assert_cmpstr (checking->mask, ==, "0000");
  g_assert_cmpstr (checking->type, ==, "depository");

  /* A null available balance is unknown, not zero; 23631.9805 rounds to
   * cents. */
  g_assert_nonnull (retirement);
  g_assert_false (retirement->has_available);
  g_assert_cmpint (retirement->current_minor, ==, 2363198);

  /* What a loan owes is a debt: negative in Budg. */
  g_assert_nonnull (loan);
  g_assert_cmpint (loan->current_minor, ==, -6526200);
}

typedef struct
{
  const char        *file;
  guint              status;
  BudgPlaidReaction  reaction;
} ErrorCase;

static void
test_error_bodies (void)
{
  static const ErrorCase cases[] = {
    { "ACCESS_NOT_GRANTED.400.json", 400, BUDG_PLAID_REACTION_NEEDS_LOGIN },
    { "ACCOUNTS_LIMIT.429.json", 429, BUDG_PLAID_REACTION_RETRY },
    { "INSTITUTION_DOWN.400.json", 400, BUDG_PLAID_REACTION_RETRY },
    { "INSTITUTION_NOT_RESPONDING.400.json", 400, BUDG_PLAID_REACTION_RETRY },
    { "INTERNAL_SERVER_ERROR.500.json", 500, BUDG_PLAID_REACTION_RETRY },
    { "INVALID_ACCESS_TOKEN.400.json", 400, BUDG_PLAID_REACTION_NEEDS_LOGIN },
    { "INVALID_API_KEYS.400.json", 400, BUDG_PLAID_REACTION_FAIL },
    { "INVALID_LINK_TOKEN.400.json", 400, BUDG_PLAID_REACTION_FAIL },
    { "INVALID_PUBLIC_TOKEN.400.json", 400, BUDG_PLAID_REACTION_FAIL },
    { "ITEM_GET_LIMIT.429.json", 429, BUDG_PLAID_REACTION_RETRY },
    { "ITEM_LOGIN_REQUIRED.400.json", 400, BUDG_PLAID_REACTION_NEEDS_LOGIN },
    { "ITEM_NOT_FOUND.400.json", 400, BUDG_PLAID_REACTION_NEEDS_LOGIN },
    { "NO_ACCOUNTS.400.json", 400, BUDG_PLAID_REACTION_NEEDS_LOGIN },
    { "PLANNED_MAINTENANCE.503.json", 503, BUDG_PLAID_REACTION_RETRY },
    { "PRODUCTS_NOT_SUPPORTED.400.json", 400, BUDG_PLAID_REACTION_NEEDS_LOGIN },
    { "PRODUCT_NOT_READY.400.json", 400, BUDG_PLAID_REACTION_RETRY },
    { "RATE_LIMIT.429.json", 429, BUDG_PLAID_REACTION_RETRY },
    { "TRANSACTIONS_SYNC_LIMIT.429.json", 429, BUDG_PLAID_REACTION_RETRY },
    { "TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION.400.json", 400, BUDG_PLAID_REACTION_RESTART_SYNC },
    { "USER_PERMISSION_REVOKED.400.json", 400, BUDG_PLAID_REACTION_NEEDS_LOGIN },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_build_filename ("errors", cases[i].file, NULL);
      g_autofree char *code = g_strndup (cases[i].file, strchr (cases[i].file, '.') - cases[i].file);
      gsize length;
      g_autofree char *body = read_data (name, &length);
      g_autoptr(BudgPlaidError) error = budg_plaid_error_parse (cases[i].status, body, length);
      g_autofree char *sentence = budg_plaid_error_describe (error);

      g_test_message ("%s", cases[i].file);
      g_assert_cmpstr (error->error_code, ==, code);
      g_assert_nonnull (error->error_type);
      g_assert_cmpint (budg_plaid_error_get_reaction (error), ==, cases[i].reaction);
      g_assert_nonnull (sentence);
      g_assert_cmpstr (sentence, !=, "");
    }

  /* Not a Plaid error at all: the HTTP class decides. */
  {
    g_autoptr(BudgPlaidError) gateway = budg_plaid_error_parse (502, "<html>Bad gateway</html>", -1);
    g_autoptr(BudgPlaidError) teapot = budg_plaid_error_parse (418, NULL, 0);

    g_assert_null (gateway->error_code);
    g_assert_cmpint (budg_plaid_error_get_reaction (gateway), ==, BUDG_PLAID_REACTION_RETRY);
    g_assert_cmpint (budg_plaid_error_get_reaction (teapot), ==, BUDG_PLAID_REACTION_FAIL);
  }
}

/* Whatever is cut or broken, the page is refused whole; unknown fields and
 * enum values are not a problem. */
static void
test_malformed (void)
{
  gsize length;
  g_autofree char *body = read_data ("transactions_sync.json", &length);
  static const char * const broken[] = {
    "",
    "[]",
    "{\"added\": [], \"modified\": [], \"removed\": [], \"has_more\": false}",
    "{\"added\": [], \"modified\": [], \"removed\": [], \"next_cursor\": \"x\"}",
    "{\"added\": {}, \"modified\": [], \"removed\": [], \"next_cursor\": \"x\", \"has_more\": false}",
    "{\"added\": [{\"transaction_id\": \"t\", \"account_id\": \"a\", \"date\": \"2026-02-30\", \"amount\": 1}],"
    " \"modified\": [], \"removed\": [], \"next_cursor\": \"x\", \"has_more\": false}",
    "{\"added\": [{\"transaction_id\": \"t\", \"account_id\": \"a\", \"date\": \"2026-02-03\", \"amount\": null}],"
    " \"modified\": [], \"removed\": [], \"next_cursor\": \"x\", \"has_more\": false}",
    "{\"added\": [1], \"modified\": [], \"removed\": [], \"next_cursor\": \"x\", \"has_more\": false}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BudgPlaidSyncPage) page = budg_plaid_parse_sync (broken[i], -1, &error);

      g_assert_null (page);
      g_assert_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT);
    }

  /* Every truncation of the real page is refused. */
  for (gsize cut = 0; cut < length - 2; cut += 7)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BudgPlaidSyncPage) page = budg_plaid_parse_sync (body, cut, &error);

      g_assert_null (page);
      g_assert_nonnull (error);
    }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(BudgPlaidSyncPage) page =
      budg_plaid_parse_sync ("{\"added\": [{\"transaction_id\": \"t\", \"account_id\": \"a\", \"date\": \"2026-02-03\","
                             " \"amount\": -5, \"payment_channel\": \"teleport\", \"new_field\": {\"x\": [1]}}],"
                             " \"modified\": [], \"removed\": [], \"next_cursor\": \"\", \"has_more\": false,"
                             " \"transactions_update_status\": \"SOMETHING_NEW\"}", -1, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (page->next_cursor, ==, "");
    /* A refund: money in. */
    g_assert_cmpint (((BudgPlaidTransaction *) g_ptr_array_index (page->added, 0))->amount_minor, ==, 500);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plaid/json/sync-page", test_sync_page);
  g_test_add_func ("/plaid/json/accounts", test_accounts);
  g_test_add_func ("/plaid/json/errors", test_error_bodies);
  g_test_add_func ("/plaid/json/malformed", test_malformed);

  return g_test_run ();
}
