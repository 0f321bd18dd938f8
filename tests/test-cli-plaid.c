/* test-cli-plaid.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * budg-cli plaid setup|link|sync|status|unlink against a scripted local
 * Plaid and a real GNOME Keyring on a private D-Bus session (run through
 * tests/keyring/run-with-keyring.sh). Ends with the scan for secrets: the
 * Plaid secret and the access token must appear in none of the database's
 * files, the exports, or anything budg-cli printed (debug logs included).
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cli-test-util.h"
#include "plaid-mock.h"

#define CLIENT_ID "client-0123abcd"
#define SECRET "sEcReT-never-stored-5f2c9a"
#define TOKEN "access-sandbox-never-stored-77e1"
#define PLAID_ACCOUNT "d1rVJdbe1jCE9jE81wlduPlQQejKXeCJnDzyw"

typedef struct
{
  char      *dir;
  char      *db;
  PlaidMock *mock;
  GString   *printed;   /* everything budg-cli wrote, for the secret scan */
} Fixture;

static Fixture fixture;

/* Runs budg-cli with @input on its standard input; records its output. */
static void
run_with_input (const char * const *args,
                const char         *input,
                CliResult          *result)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                                                        G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (argv, (gpointer) g_getenv ("BUDG_CLI"));
  g_ptr_array_add (argv, (gpointer) "--db");
  g_ptr_array_add (argv, fixture.db);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, input, NULL, &result->out, &result->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  result->status = g_subprocess_get_exit_status (process);

  g_string_append_printf (fixture.printed, "%s\n%s\n", result->out, result->err);
}

static void
run (const char * const *args,
     CliResult          *result)
{
  run_cliv (fixture.db, args, result);
  g_string_append_printf (fixture.printed, "%s\n%s\n", result->out, result->err);
}

static JsonNode *
run_json (const char * const *args)
{
  g_auto(CliResult) result = { 0 };
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (gpointer) "--json");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  run ((const char * const *) argv->pdata, &result);
  if (result.status != 0)
    g_error ("budg-cli failed (%d): %s", result.status, result.err);

  return json_from_string (result.out, NULL);
}

static void
test_setup (void)
{
  const char *setup[] = { "plaid", "setup", "--environment", "sandbox", NULL };
  const char *no_environment[] = { "plaid", "setup", NULL };
  const char *bad_environment[] = { "plaid", "setup", "--environment", "staging", NULL };
  const char *secret_argument[] = { "plaid", "setup", "--environment", "sandbox", "--secret", SECRET, NULL };

  {
    g_auto(CliResult) result = { 0 };

    g_setenv ("G_MESSAGES_DEBUG", "all", TRUE);
    run_with_input (setup, CLIENT_ID "\n" SECRET "\n", &result);
    g_unsetenv ("G_MESSAGES_DEBUG");
    g_assert_cmpint (result.status, ==, 0);
    g_assert_nonnull (strstr (result.out, "sandbox"));
  }
  {
    g_auto(CliResult) result = { 0 };

    run_with_input (no_environment, CLIENT_ID "\n" SECRET "\n", &result);
    g_assert_cmpint (result.status, ==, 2);
  }
  {
    g_auto(CliResult) result = { 0 };

    run_with_input (bad_environment, CLIENT_ID "\n" SECRET "\n", &result);
    g_assert_cmpint (result.status, ==, 2);
  }
  {
    /* The secret is never taken from the arguments. */
    g_auto(CliResult) result = { 0 };

    run_with_input (secret_argument, "", &result);
    g_assert_cmpint (result.status, ==, 2);
  }
  {
    /* Nothing on standard input: a clear error, and the keys stored
     * before stay. */
    g_auto(CliResult) result = { 0 };
    const char *production[] = { "plaid", "setup", "--environment", "production", NULL };

    run_with_input (production, "", &result);
    g_assert_cmpint (result.status, ==, 1);
    g_assert_nonnull (strstr (result.err, "standard input"));
  }
}

static void
queue_link (void)
{
  g_autofree char *finished = NULL;
  g_autofree char *path = g_build_filename (g_getenv ("BUDG_TEST_DATA"), "plaid",
                                            "link_token_get.hosted_link.docs.json", NULL);
  g_autofree char *accounts = plaid_mock_accounts (PLAID_ACCOUNT, "Plaid Credit Card", -410.5);
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &finished, NULL, &error);
  g_assert_no_error (error);

  plaid_mock_queue (fixture.mock, "/link/token/create", 200,
                    "{\"expiration\":\"2099-01-01T00:00:00Z\",\"hosted_link_url\":"
                    "\"https://secure.plaid.com/link/mock\",\"link_token\":\"link-sandbox-cli\",\"request_id\":\"r\"}");
  plaid_mock_queue (fixture.mock, "/link/token/get", 200, "{\"link_sessions\":[],\"request_id\":\"r\"}");
  plaid_mock_queue (fixture.mock, "/link/token/get", 200, "{\"link_sessions\":[],\"request_id\":\"r\"}");
  plaid_mock_queue (fixture.mock, "/link/token/get", 200, finished);
  plaid_mock_queue (fixture.mock, "/item/public_token/exchange", 200,
                    "{\"access_token\":\"" TOKEN "\",\"item_id\":\"item-cli\",\"request_id\":\"r\"}");
  plaid_mock_queue (fixture.mock, "/accounts/get", 200, accounts);
}

static void
test_link_sync_unlink (void)
{
  const char *add_account[] = { "account", "add", "Amex", "--kind", "credit-card", "--currency", "USD", NULL };
  const char *bad_map[] = { "plaid", "link", "--no-browser", "--map", "nothing", NULL };
  const char *unknown_account[] = { "plaid", "link", "--no-browser", "--map", "x=No Such Account", NULL };
  const char *link[] = { "plaid", "link", "--no-browser", "--map", PLAID_ACCOUNT "=Amex", NULL };
  const char *sync[] = { "plaid", "sync", NULL };
  const char *status[] = { "plaid", "status", NULL };
  const char *unlink[] = { "plaid", "unlink", "item-cli", NULL };
  const MockTransaction added[] = {
    { "t-1", PLAID_ACCOUNT, 12.5, "2026-11-10", "UBER 063015 SF**POOL**", "Uber", FALSE, NULL, "TRANSPORTATION",
      NULL },
    { "t-2", PLAID_ACCOUNT, 89.4, "2026-11-11", "SparkFun", NULL, TRUE, NULL, NULL, NULL },
  };
  g_autoptr(JsonNode) created = NULL;
  g_autoptr(JsonNode) linked = NULL;
  g_autoptr(JsonNode) synced = NULL;
  g_autoptr(JsonNode) listed = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_autofree char *page = plaid_mock_sync_page (added, 2, NULL, 0, NULL, "cursor-1", FALSE, FALSE);
  g_autofree char *accounts = plaid_mock_accounts (PLAID_ACCOUNT, "Plaid Credit Card", -101.9);
  g_autofree char *exchange = NULL;
  g_autofree char *sync_request = NULL;
  g_autofree char *before_failure = NULL;
  g_autofree char *after_failure = NULL;
  g_autofree char *login_required = NULL;
  g_autofree char *login_path = g_build_filename (g_getenv ("BUDG_TEST_DATA"), "plaid", "errors",
                                                  "ITEM_LOGIN_REQUIRED.400.json", NULL);
  g_autoptr(GError) error = NULL;
  JsonObject *item;
  JsonObject *account;
  gint64 amex;

  created = run_json (add_account);
  amex = member_int (root_object (created), "id");

  {
    g_auto(CliResult) result = { 0 };

    run (bad_map, &result);
    g_assert_cmpint (result.status, ==, 2);
    g_assert_cmpuint (plaid_mock_count (fixture.mock, "/link/token/create"), ==, 0);
  }
  {
    g_auto(CliResult) result = { 0 };

    run (unknown_account, &result);
    g_assert_cmpint (result.status, ==, 2);
  }

  /* waiting, waiting, finished → exchange → accounts → keyring → database */
  queue_link ();
  linked = run_json (link);
  g_assert_cmpuint (plaid_mock_count (fixture.mock, "/link/token/get"), ==, 3);
  exchange = plaid_mock_request (fixture.mock, "/item/public_token/exchange", 0);
  g_assert_nonnull (strstr (exchange, "public-sandbox-d1e64436-f033-4302-a469-b90656edf8c7"));
  item = json_array_get_object_element (json_object_get_array_member (root_object (linked), "items"), 0);
  g_assert_cmpstr (member_string (item, "item_id"), ==, "item-cli");
  g_assert_cmpstr (member_string (item, "institution"), ==, "American Express");
  account = json_array_get_object_element (json_object_get_array_member (item, "accounts"), 0);
  g_assert_cmpstr (member_string (account, "plaid_account_id"), ==, PLAID_ACCOUNT);
  g_assert_cmpint (member_int (account, "account_id"), ==, amex);

  /* The sync reads the token back from the keyring. */
  plaid_mock_reset (fixture.mock);
  plaid_mock_queue (fixture.mock, "/transactions/sync", 200, page);
  plaid_mock_queue (fixture.mock, "/accounts/get", 200, accounts);
  synced = run_json (sync);
  g_assert_cmpint (member_int (root_object (synced), "added"), ==, 2);
  g_assert_cmpint (member_int (root_object (synced), "modified"), ==, 0);
  g_assert_cmpint (member_int (root_object (synced), "removed"), ==, 0);
  sync_request = plaid_mock_request (fixture.mock, "/transactions/sync", 0);
  g_assert_nonnull (strstr (sync_request, TOKEN));
  {
    g_autofree char *requests = plaid_mock_dump_requests (fixture.mock);

    g_assert_nonnull (strstr (requests, SECRET));
    g_assert_nonnull (strstr (requests, CLIENT_ID));
  }

  listed = run_json (status);
  g_assert_cmpuint (json_array_get_length (root_array (listed)), ==, 1);
  item = json_array_get_object_element (root_array (listed), 0);
  g_assert_cmpstr (member_string (item, "state"), ==, "ok");
  g_assert_nonnull (member_string (item, "last_sync_at"));
  g_assert_cmpstr (member_string (item, "environment"), ==, "sandbox");

  /* A login the bank wants again: exit 1, the connection marked, nothing
   * else changed. */
  g_file_get_contents (login_path, &login_required, NULL, &error);
  g_assert_no_error (error);
  plaid_mock_reset (fixture.mock);
  plaid_mock_queue (fixture.mock, "/transactions/sync", 400, login_required);
  before_failure = dump_database (fixture.db);
  {
    g_auto(CliResult) result = { 0 };

    /* With every debug message, which the secret scan reads too. */
    g_setenv ("G_MESSAGES_DEBUG", "all", TRUE);
    run (sync, &result);
    g_unsetenv ("G_MESSAGES_DEBUG");
    g_assert_cmpint (result.status, ==, 1);
    g_assert_cmpuint (plaid_mock_count (fixture.mock, "/transactions/sync"), ==, 1);
    g_assert_null (strstr (result.err, SECRET));
  }
  g_clear_pointer (&listed, json_node_unref);
  listed = run_json (status);
  item = json_array_get_object_element (root_array (listed), 0);
  g_assert_cmpstr (member_string (item, "state"), ==, "needs-login");
  g_assert_nonnull (member_string (item, "last_error"));
  after_failure = dump_database (fixture.db);
  /* Only the connection's own row differs. */
  {
    g_auto(GStrv) before_lines = g_strsplit (before_failure, "\n", -1);
    g_auto(GStrv) after_lines = g_strsplit (after_failure, "\n", -1);
    guint differing = 0;

    g_assert_cmpuint (g_strv_length (before_lines), ==, g_strv_length (after_lines));
    for (guint i = 0; before_lines[i] != NULL; i++)
      if (g_strcmp0 (before_lines[i], after_lines[i]) != 0)
        {
          g_assert_nonnull (strstr (after_lines[i], "item-cli"));
          differing++;
        }
    g_assert_cmpuint (differing, ==, 1);
  }

  /* Unlink ends the item at Plaid with its token, then forgets it. */
  plaid_mock_reset (fixture.mock);
  plaid_mock_queue (fixture.mock, "/item/remove", 200, "{\"request_id\":\"r\"}");
  {
    g_auto(CliResult) result = { 0 };
    g_autofree char *removal = NULL;

    run (unlink, &result);
    g_assert_cmpint (result.status, ==, 0);
    removal = plaid_mock_request (fixture.mock, "/item/remove", 0);
    g_assert_nonnull (removal);
    g_assert_nonnull (strstr (removal, TOKEN));
  }
  after = run_json (status);
  g_assert_cmpuint (json_array_get_length (root_array (after)), ==, 0);
  {
    /* The transactions stay. */
    const char *list[] = { "txn", "list", "--account", "Amex", NULL };
    g_autoptr(JsonNode) transactions = run_json (list);

    g_assert_cmpuint (json_array_get_length (root_array (transactions)), ==, 2);
  }
  {
    g_auto(CliResult) result = { 0 };

    run (unlink, &result);
    g_assert_cmpint (result.status, ==, 1);
  }
}

static gboolean
file_contains (const char *path,
               const char *needle)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;

  /* Binary files (the database) hold NUL bytes: no strstr(). */
  for (gsize i = 0; i + strlen (needle) <= length; i++)
    if (memcmp (contents + i, needle, strlen (needle)) == 0)
      return TRUE;

  return FALSE;
}

/* The secret and the token in no file Budg wrote and nothing it printed. */
static void
test_secret_scan (void)
{
  const char *formats[] = { "csv", "qif", "ofx" };
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = NULL;
  const char *name;

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/export.%s", fixture.dir, formats[i]);
      const char *args[] = { "export", formats[i], path, "--account", "Amex", NULL };
      g_auto(CliResult) result = { 0 };

      run (args, &result);
      g_assert_cmpint (result.status, ==, 0);
    }

  /* The database, its WAL and everything else in the folder. */
  dir = g_dir_open (fixture.dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (files, g_build_filename (fixture.dir, name, NULL));
  g_assert_cmpuint (files->len, >=, 4);

  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);

      g_test_message ("scanning %s", path);
      g_assert_false (file_contains (path, SECRET));
      g_assert_false (file_contains (path, TOKEN));
    }

  g_assert_cmpuint (fixture.printed->len, >, 100);
  g_assert_null (strstr (fixture.printed->str, SECRET));
  g_assert_null (strstr (fixture.printed->str, TOKEN));

  /* The scan can find what it looks for. */
  {
    g_autofree char *planted = g_build_filename (fixture.dir, "planted", NULL);

    g_assert_true (g_file_set_contents (planted, "xx" TOKEN "yy", -1, NULL));
    g_assert_true (file_contains (planted, TOKEN));
    g_unlink (planted);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  fixture.dir = g_dir_make_tmp ("budg-cli-plaid-XXXXXX", &error);
  g_assert_no_error (error);
  fixture.db = g_build_filename (fixture.dir, "budg.db", NULL);
  fixture.printed = g_string_new (NULL);
  fixture.mock = plaid_mock_new ();
  g_setenv ("BUDG_PLAID_BASE_URL", plaid_mock_get_url (fixture.mock), TRUE);
  g_setenv ("BUDG_PLAID_POLL_MS", "20", TRUE);
  g_setenv ("no_proxy", "127.0.0.1,localhost", TRUE);

  /* In order: each builds on what the one before left. */
  g_test_add_func ("/cli-plaid/setup", test_setup);
  g_test_add_func ("/cli-plaid/link-sync-unlink", test_link_sync_unlink);
  g_test_add_func ("/cli-plaid/secret-scan", test_secret_scan);

  status = g_test_run ();

  plaid_mock_free (fixture.mock);
  g_string_free (fixture.printed, TRUE);
  remove_tree (fixture.dir);
  g_free (fixture.db);
  g_free (fixture.dir);

  return status;
}
