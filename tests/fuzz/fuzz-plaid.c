/* fuzz-plaid.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A fuzz target for Budg's reading of Plaid's answers: every input goes
 * through the sync page, accounts and error readers. Whatever the input,
 * each must return an error or a result that keeps its contract (ids and
 * dates present and valid, lists never NULL); anything else aborts.
 *
 * In the test suite ("fuzz-plaid", suite plaid) this file is its own driver:
 * Plaid's example answers in tests/data/plaid and a few thousand
 * deterministic mutations of them. For a long libFuzzer run, build as the
 * comment at the top of fuzz-import.c says, with this file, -DBUDG_LIBFUZZER
 * and build-fuzz/src/plaid/libbudg-plaid.a before the core library.
 */

#define G_LOG_DOMAIN "fuzz-plaid"

#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "budg-date.h"
#include "budg-plaid-json.h"
#include "fuzz-mutate.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static void
check_transaction (BudgPlaidTransaction *transaction)
{
  GDate date;

  g_assert_nonnull (transaction->transaction_id);
  g_assert_nonnull (transaction->account_id);
  g_assert_true (budg_date_parse (transaction->date, &date, NULL));
  g_assert_true (transaction->authorized_date == NULL || budg_date_parse (transaction->authorized_date, &date, NULL));
  g_assert_true (transaction->payee == NULL || g_utf8_validate (transaction->payee, -1, NULL));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(BudgPlaidSyncPage) page = NULL;
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(BudgPlaidError) plaid_error = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sentence = NULL;

  page = budg_plaid_parse_sync ((const char *) data, size, &error);
  g_assert_true ((page == NULL) == (error != NULL));
  if (page != NULL)
    {
      g_assert_nonnull (page->next_cursor);
      for (guint i = 0; i < page->added->len; i++)
        check_transaction (g_ptr_array_index (page->added, i));
      for (guint i = 0; i < page->modified->len; i++)
        check_transaction (g_ptr_array_index (page->modified, i));
      for (guint i = 0; i < page->removed->len; i++)
        g_assert_nonnull (((BudgPlaidRemoved *) g_ptr_array_index (page->removed, i))->transaction_id);
      g_assert_nonnull (page->accounts);
    }
  g_clear_error (&error);

  accounts = budg_plaid_parse_accounts ((const char *) data, size, &error);
  g_assert_true ((accounts == NULL) == (error != NULL));
  for (guint i = 0; accounts != NULL && i < accounts->len; i++)
    {
      BudgPlaidAccount *account = g_ptr_array_index (accounts, i);

      g_assert_nonnull (account->account_id);
      g_assert_nonnull (account->name);
    }

  plaid_error = budg_plaid_error_parse (400, (const char *) data, size);
  sentence = budg_plaid_error_describe (plaid_error);
  g_assert_nonnull (sentence);

  /* The link flow's answers, read from the same bytes. */
  {
    g_autoptr(JsonParser) parser = json_parser_new ();

    if (json_parser_load_from_data (parser, (const char *) data, size, NULL))
      {
        JsonNode *root = json_parser_get_root (parser);
        g_autoptr(BudgPlaidLinkStatus) status = NULL;
        g_autoptr(BudgPlaidLinkToken) token = NULL;
        g_autofree char *item_id = NULL;
        g_autofree char *access_token = NULL;

        g_clear_error (&error);
        status = budg_plaid_link_status_from_json (root, &error);
        g_assert_true ((status == NULL) == (error != NULL));
        for (guint i = 0; status != NULL && i < status->results->len; i++)
          g_assert_nonnull (((BudgPlaidLinkResult *) g_ptr_array_index (status->results, i))->public_token);
        g_clear_error (&error);
        token = budg_plaid_link_token_from_json (root, &error);
        g_assert_true ((token == NULL) == (error != NULL));
        g_clear_error (&error);
        if (budg_plaid_exchange_from_json (root, &item_id, &access_token, &error))
          g_assert_true (item_id != NULL && access_token != NULL);
        else
          g_assert_nonnull (error);
      }
  }

  return 0;
}

#ifndef BUDG_LIBFUZZER

/* Bytes that mean something to JSON. */
static const guint8 interesting[] = {
  '"', '\\', '{', '}', '[', ']', ',', ':', '0', '9', '-', '.', 'e', 'n', 't', 'f', ' ', '\0',
  0x80, 0xc3, 0xff,
};

static void
collect (const char *dir,
         GPtrArray  *paths)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        collect (path, paths);
      else if (g_str_has_suffix (name, ".json"))
        g_ptr_array_add (paths, g_steal_pointer (&path));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  guint n_runs = 0;

  if (argc != 2)
    {
      g_printerr ("Usage: %s SEED-DIRECTORY\n", argv[0]);
      return 2;
    }

  collect (argv[1], paths);
  g_ptr_array_sort (paths, (GCompareFunc) g_strcmp0);
  if (paths->len == 0)
    g_error ("No seed in %s", argv[1]);

  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autoptr(GBytes) seed = NULL;
      g_autoptr(GRand) rand = g_rand_new_with_seed (g_str_hash (path));
      char *contents = NULL;
      gsize size;

      if (!g_file_get_contents (path, &contents, &size, &error))
        g_error ("%s", error->message);
      seed = g_bytes_new_take (contents, size);

      LLVMFuzzerTestOneInput (g_bytes_get_data (seed, NULL), size);
      n_runs++;
      for (guint m = 0; m < 300; m++)
        {
          g_autoptr(GBytes) mutant = fuzz_mutate (seed, rand, interesting, G_N_ELEMENTS (interesting));
          gsize mutant_size;
          const guint8 *mutant_data = g_bytes_get_data (mutant, &mutant_size);

          LLVMFuzzerTestOneInput (mutant_data, mutant_size);
          n_runs++;
        }
    }

  g_print ("%u seeds, %u inputs: no crash, every result valid\n", paths->len, n_runs);

  return EXIT_SUCCESS;
}

#endif
