/* bench-plaid.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The bank sync's figures: 10,000 transactions in 20 pages from the local
 * mock Plaid into a fresh database (target ≤ 1 s), and the memory the sync
 * itself takes for 10, 20 and 40 pages of 500 (target: flat in the number
 * of pages). Each run is a child process of its own, so that one run's
 * peak does not hide the next one's.
 *
 *   bench-plaid            all the figures
 *   bench-plaid PAGES      one run (what the parent starts)
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "budg-context.h"
#include "budg-plaid-store.h"
#include "budg-plaid-sync.h"
#include "../plaid-mock.h"

#define PAGE_SIZE 500
#define ACCOUNT "acc-bench"

static const char *payees[] = {
  "Starbucks", "Uber", "Amazon", "Whole Foods", "Shell", "Netflix", "Target", "Walgreens", "Chipotle", "Delta",
};
static const char *categories[] = {
  "FOOD_AND_DRINK", "TRANSPORTATION", "GENERAL_MERCHANDISE", "FOOD_AND_DRINK", "TRANSPORTATION",
  "ENTERTAINMENT", "GENERAL_MERCHANDISE", "MEDICAL", "FOOD_AND_DRINK", "TRAVEL",
};

/* kB from /proc/self/status ("VmRSS", "VmHWM"). */
static long
status_kb (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) || (line = strstr (status, field)) == NULL)
    return -1;

  return strtol (line + strlen (field) + 1, NULL, 10);
}

static void
reset_peak (void)
{
  /* Writing 5 to clear_refs resets VmHWM to the current RSS (Linux ≥ 4.0). */
  g_file_set_contents ("/proc/self/clear_refs", "5", 1, NULL);
}

static int
run (guint pages)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("budg-bench-plaid-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(BudgContext) context = NULL;
  g_autoptr(GPtrArray) accounts = g_ptr_array_new_with_free_func ((GDestroyNotify) budg_plaid_account_free);
  g_autoptr(BudgPlaidClient) client = NULL;
  g_autofree char *balance = plaid_mock_accounts (ACCOUNT, "Bench Checking", 1234.56);
  BudgPlaidAccount *account = g_new0 (BudgPlaidAccount, 1);
  BudgPlaidSyncSummary summary = { 0 };
  MockTransaction *page = g_new0 (MockTransaction, PAGE_SIZE);
  GPtrArray *strings = g_ptr_array_new_with_free_func (g_free);
  PlaidMock *mock;
  gint64 start;
  gint64 end;
  long rss_before;
  long peak;

  g_assert_no_error (error);
  path = g_build_filename (dir, "bench.db", NULL);
  context = budg_context_new (path, &error);
  g_assert_no_error (error);

  account->account_id = g_strdup (ACCOUNT);
  account->name = g_strdup ("Bench Checking");
  account->type = g_strdup ("depository");
  account->currency = g_strdup ("USD");
  g_ptr_array_add (accounts, account);
  budg_plaid_store_add_item (budg_context_get_database (context), "item-bench", BUDG_PLAID_SANDBOX, "Bench Bank",
                             accounts, NULL, &error);
  g_assert_no_error (error);

  /* The pages are made before the clock starts: they are Plaid's work. */
  mock = plaid_mock_new ();
  for (guint p = 0; p < pages; p++)
    {
      g_autofree char *body = NULL;
      g_autofree char *cursor = g_strdup_printf ("cursor-%u", p + 1);

      for (guint i = 0; i < PAGE_SIZE; i++)
        {
          guint n = p * PAGE_SIZE + i;
          char *id = g_strdup_printf ("txn-%08u", n);
          char *date = g_strdup_printf ("2026-%02u-%02u", 1 + (n / 28) % 12, 1 + n % 28);

          g_ptr_array_add (strings, id);
          g_ptr_array_add (strings, date);
          page[i] = (MockTransaction) { id, ACCOUNT, 1.0 + (n % 9000) / 100.0, date, payees[n % 10],
                                        payees[n % 10], FALSE, NULL, categories[n % 10], date };
        }
      body = plaid_mock_sync_page (page, PAGE_SIZE, NULL, 0, NULL, cursor, p + 1 < pages, FALSE);
      plaid_mock_queue (mock, "/transactions/sync", 200, body);
      g_ptr_array_set_size (strings, 0);
    }
  plaid_mock_queue (mock, "/accounts/get", 200, balance);
  g_setenv ("BUDG_PLAID_BASE_URL", plaid_mock_get_url (mock), TRUE);
  client = budg_plaid_client_new (BUDG_PLAID_SANDBOX, "bench-client", "bench-secret");

  rss_before = status_kb ("VmRSS:");
  reset_peak ();
  start = g_get_monotonic_time ();
  if (!budg_plaid_sync_item (budg_context_get_database (context), client, "item-bench", "access-bench", NULL, NULL,
                             &summary, &error))
    g_error ("The sync failed: %s", error->message);
  end = g_get_monotonic_time ();
  peak = status_kb ("VmHWM:");

  printf ("%u %u %.3f %ld\n", pages, summary.added, (end - start) / 1e6, peak - rss_before);

  plaid_mock_free (mock);
  g_ptr_array_unref (strings);
  g_free (page);
  g_clear_object (&context);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);

    g_unlink (path);
    g_unlink (wal);
    g_unlink (shm);
    g_rmdir (dir);
  }

  return 0;
}

/* Runs one child and reads its line. */
static gboolean
child (const char *self,
       guint       pages,
       guint      *out_added,
       double     *out_seconds,
       long       *out_kb)
{
  g_autofree char *arg = g_strdup_printf ("%u", pages);
  const char *argv[] = { self, arg, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status;
  guint pages_read;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    {
      fprintf (stderr, "bench-plaid: %s\n", error->message);
      return FALSE;
    }

  return sscanf (out, "%u %u %lf %ld", &pages_read, out_added, out_seconds, out_kb) == 4;
}

int
main (int   argc,
      char *argv[])
{
  static const guint page_counts[] = { 10, 20, 40 };
  double best = G_MAXDOUBLE;
  guint added = 0;

  g_setenv ("no_proxy", "127.0.0.1,localhost", TRUE);

  if (argc == 2)
    return run ((guint) g_ascii_strtoull (argv[1], NULL, 10));

  /* The time: the best of three runs of 20 pages. */
  for (guint i = 0; i < 3; i++)
    {
      double seconds;
      long kb;

      if (!child (argv[0], 20, &added, &seconds, &kb))
        return 1;
      best = MIN (best, seconds);
    }
  printf ("plaid sync: %u transactions in 20 pages of %u from the local mock in %.3f s (target <= 1 s)\n",
          added, PAGE_SIZE, best);

  printf ("plaid sync memory (peak above the start of the sync):");
  for (guint i = 0; i < G_N_ELEMENTS (page_counts); i++)
    {
      double seconds;
      long kb;

      if (!child (argv[0], page_counts[i], &added, &seconds, &kb))
        return 1;
      printf ("%s %u pages %.1f MB", i > 0 ? "," : "", page_counts[i], kb / 1024.0);
    }
  printf (" (target: flat in the number of pages)\n");

  return 0;
}
