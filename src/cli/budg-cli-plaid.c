/* budg-cli-plaid.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-cli-plaid"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "budg-account-store.h"
#include "budg-account.h"
#include "budg-cli-private.h"
#include "budg-error.h"
#include "budg-plaid-keyring.h"
#include "budg-plaid-link.h"
#include "budg-plaid-store.h"
#include "budg-plaid-sync.h"
#include "budg-plaid-tasks.h"

/* How often /link/token/get is asked while the user is in the browser;
 * $BUDG_PLAID_POLL_MS shortens it for the tests. */
#define POLL_MS 2000

/* How long a link waits at most when Plaid gives no expiration. */
#define LINK_WAIT_SECONDS (30 * 60)

/* A line of standard input without its newline; the secret is read with
 * the terminal's echo off, so that it never shows on the screen. */
static char *
read_line (const char *prompt,
           gboolean    hidden)
{
  char buffer[1024];
  struct termios saved;
  gboolean tty = isatty (STDIN_FILENO);
  gboolean echo_off = FALSE;
  char *line;

  if (tty)
    {
      fputs (prompt, stderr);
      fflush (stderr);
      if (hidden && tcgetattr (STDIN_FILENO, &saved) == 0)
        {
          struct termios quiet = saved;

          quiet.c_lflag &= ~(tcflag_t) ECHO;
          echo_off = tcsetattr (STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
        }
    }

  line = fgets (buffer, sizeof buffer, stdin);

  if (echo_off)
    {
      tcsetattr (STDIN_FILENO, TCSAFLUSH, &saved);
      fputc ('\n', stderr);
    }

  if (line == NULL)
    return NULL;

  line = g_strstrip (g_strdup (buffer));
  explicit_bzero (buffer, sizeof buffer);

  return line;
}

int
budg_cli_plaid_setup (BudgCli              *cli,
                      const BudgCliCommand *command,
                      int                   argc,
                      char                **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *client_id = NULL;
  g_autofree char *secret = NULL;
  const char *environment_text = NULL;
  const BudgCliOption options[] = {
    { "environment", TRUE, &environment_text, FALSE },
    { NULL },
  };
  BudgPlaidEnvironment environment;
  int status;

  status = budg_cli_parse (cli, command, argc, argv, options, NULL);
  if (status != BUDG_CLI_CONTINUE)
    return status;

  if (environment_text == NULL)
    return budg_cli_usage_error (command, _("Say which Plaid environment with --environment sandbox|production."));
  if (!budg_plaid_environment_from_string (environment_text, &environment))
    return budg_cli_usage_error (command, _("Unknown environment “%s”: use sandbox or production."),
                                 environment_text);

  /* From standard input only: an argument would stay in the shell's
   * history and show in the process list. */
  client_id = read_line (_("Plaid client ID: "), FALSE);
  secret = read_line (_("Plaid secret: "), TRUE);
  if (client_id == NULL || secret == NULL || client_id[0] == '\0' || secret[0] == '\0')
    {
      if (secret != NULL)
        explicit_bzero (secret, strlen (secret));
      return budg_cli_fail_message (_("Give the client ID on the first line of standard input and the secret on the second (from Plaid’s dashboard, Developers → Keys)."));
    }

  if (!budg_plaid_keyring_store_keys (environment, client_id, secret, NULL, &error))
    {
      explicit_bzero (secret, strlen (secret));
      return budg_cli_fail (error);
    }
  explicit_bzero (secret, strlen (secret));

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      budg_cli_json_add_string (builder, "environment", budg_plaid_environment_to_string (environment));
      budg_cli_json_add_boolean (builder, "stored", TRUE);
      json_builder_end_object (builder);
      budg_cli_print_json (builder);
    }
  else
    {
      g_print (_("Saved the Plaid keys for %s in the keyring.\n"), budg_plaid_environment_to_string (environment));
    }

  return BUDG_CLI_EXIT_OK;
}

/* The environment a link goes to: the one asked for, else the one that has
 * keys (production when both have). */
static gboolean
choose_environment (const char            *text,
                    BudgPlaidEnvironment  *out_environment,
                    GError               **error)
{
  static const BudgPlaidEnvironment order[] = { BUDG_PLAID_PRODUCTION, BUDG_PLAID_SANDBOX };

  if (text != NULL)
    {
      if (budg_plaid_environment_from_string (text, out_environment))
        return TRUE;
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                   _("Unknown environment “%s”: use sandbox or production."), text);
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autofree char *client_id = NULL;
      g_autofree char *secret = NULL;

      if (budg_plaid_keyring_lookup_keys (order[i], &client_id, &secret, NULL, &local_error))
        {
          explicit_bzero (secret, strlen (secret));
          *out_environment = order[i];
          return TRUE;
        }
      if (!g_error_matches (local_error, BUDG_ERROR, BUDG_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }

  g_set_error (error, BUDG_ERROR, BUDG_ERROR_NOT_FOUND,
               _("No Plaid keys are set up. Run “budg-cli plaid setup --environment sandbox” (or production) first."));
  return FALSE;
}

/* --map PLAID_ACCOUNT=BUDG_ACCOUNT, with the Budg account found by name or
 * id, as the Budg account's id in text (what the store takes). */
static GHashTable *
parse_maps (BudgContext  *context,
            GPtrArray    *maps,
            GError      **error)
{
  g_autoptr(GHashTable) mapping = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; maps != NULL && i < maps->len; i++)
    {
      const char *text = g_ptr_array_index (maps, i);
      const char *equals = strchr (text, '=');
      BudgAccount *account;

      if (equals == NULL || equals == text || equals[1] == '\0')
        {
          g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                       _("“%s” is not PLAID_ACCOUNT=BUDG_ACCOUNT."), text);
          return NULL;
        }

      account = budg_account_store_find (budg_context_get_accounts (context), equals + 1, error);
      if (account == NULL)
        return NULL;
      g_hash_table_insert (mapping, g_strndup (text, equals - text),
                           g_strdup_printf ("%" G_GINT64_FORMAT, budg_account_get_id (account)));
    }

  return g_steal_pointer (&mapping);
}

static guint
poll_interval (void)
{
  const char *text = g_getenv ("BUDG_PLAID_POLL_MS");
  guint64 value;

  if (text != NULL && g_ascii_string_to_unsigned (text, 10, 1, 60000, &value, NULL))
    return (guint) value;

  return POLL_MS;
}

/* Polls /link/token/get until the session ends or the token expires. */
static BudgPlaidLinkStatus *
wait_for_session (BudgPlaidClient     *client,
                  BudgPlaidLinkToken  *token,
                  GError             **error)
{
  g_autoptr(GDateTime) expires = token->expiration != NULL ? g_date_time_new_from_iso8601 (token->expiration, NULL)
                                                            : NULL;
  gint64 deadline = g_get_real_time () + (gint64) LINK_WAIT_SECONDS * G_USEC_PER_SEC;
  guint interval = poll_interval ();

  if (expires != NULL)
    deadline = MIN (deadline, g_date_time_to_unix (expires) * G_USEC_PER_SEC);

  for (;;)
    {
      g_autoptr(BudgPlaidLinkStatus) status = budg_plaid_link_get_status (client, token->link_token, NULL, error);

      if (status == NULL)
        return NULL;
      if (status->state != BUDG_PLAID_LINK_WAITING)
        return g_steal_pointer (&status);

      if (g_get_real_time () >= deadline)
        {
          g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                       _("The link expired before a bank was linked. Run “budg-cli plaid link” again."));
          return NULL;
        }
      g_usleep ((gulong) interval * 1000);
    }
}

/* "accounts": the bank's accounts and the Budg accounts they feed. */
static void
add_links (JsonBuilder *builder,
           GPtrArray   *links)
{
  json_builder_set_member_name (builder, "accounts");
  json_builder_begin_array (builder);
  for (guint i = 0; i < links->len; i++)
    {
      BudgPlaidAccountLink *link = g_ptr_array_index (links, i);

      json_builder_begin_object (builder);
      budg_cli_json_add_string (builder, "plaid_account_id", link->plaid_account_id);
      budg_cli_json_add_string (builder, "name", link->name);
      budg_cli_json_add_string (builder, "mask", link->mask);
      budg_cli_json_add_int (builder, "account_id", link->account_id);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/* One bank of a finished session: the exchange, the accounts, the token
 * into the keyring, the connection into the database. */
static gboolean
add_linked_bank (BudgDatabase          *database,
                 BudgPlaidClient       *client,
                 BudgPlaidEnvironment   environment,
                 BudgPlaidLinkResult   *result,
                 GHashTable            *mapping,
                 JsonBuilder           *builder,
                 GError               **error)
{
  g_autofree char *item_id = NULL;
  g_autofree char *access_token = NULL;
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!budg_plaid_link_exchange (client, result->public_token, &item_id, &access_token, NULL, error))
    return FALSE;

  accounts = budg_plaid_fetch_accounts (client, access_token, NULL, &local_error);
  if (accounts == NULL ||
      !budg_plaid_keyring_store_token (environment, item_id, access_token, NULL, &local_error))
    goto undo;

  if (!budg_plaid_store_add_item (database, item_id, environment, result->institution_name, accounts, mapping,
                                  &local_error))
    {
      budg_plaid_keyring_delete_token (environment, item_id, NULL, NULL);
      goto undo;
    }
  explicit_bzero (access_token, strlen (access_token));

  links = budg_plaid_store_list_links (database, item_id, error);
  if (links == NULL)
    return FALSE;

  json_builder_begin_object (builder);
  budg_cli_json_add_string (builder, "item_id", item_id);
  budg_cli_json_add_string (builder, "institution", result->institution_name);
  add_links (builder, links);
  json_builder_end_object (builder);

  return TRUE;

undo:
  /* Without a place for its token the connection cannot be used: end it at
   * Plaid rather than leave it billed and unreachable. */
  budg_plaid_remove_item (client, access_token, NULL, NULL);
  explicit_bzero (access_token, strlen (access_token));
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

int
budg_cli_plaid_link (BudgCli              *cli,
                     const BudgCliCommand *command,
                     int                   argc,
                     char                **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) maps = NULL;
  g_autoptr(GHashTable) mapping = NULL;
  g_autoptr(BudgPlaidClient) client = NULL;
  g_autoptr(BudgPlaidLinkToken) token = NULL;
  g_autoptr(BudgPlaidLinkStatus) status = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  gboolean no_browser = FALSE;
  const char *environment_text = NULL;
  const BudgCliOption options[] = {
    { "no-browser", FALSE, &no_browser, FALSE },
    { "map", TRUE, &maps, TRUE },
    { "environment", TRUE, &environment_text, FALSE },
    { NULL },
  };
  BudgPlaidEnvironment environment;
  BudgContext *context;
  int exit_status;

  exit_status = budg_cli_parse (cli, command, argc, argv, options, NULL);
  if (exit_status != BUDG_CLI_CONTINUE)
    return exit_status;

  if (!(context = budg_cli_get_context (cli, &error)))
    return budg_cli_fail (error);

  /* Everything the user typed is checked before the bank is involved. */
  mapping = parse_maps (context, maps, &error);
  if (mapping == NULL)
    return budg_cli_usage_error (command, "%s", error->message);
  if (!choose_environment (environment_text, &environment, &error))
    return budg_cli_fail (error);
  if (!(client = budg_plaid_keyring_new_client (environment, NULL, &error)))
    return budg_cli_fail (error);

  token = budg_plaid_link_create_token (client, NULL, NULL, &error);
  if (token == NULL)
    return budg_cli_fail (error);

  /* On standard error, so that --json's standard output stays one object. */
  fprintf (stderr, _("Open this address in your browser and link your bank:\n%s\n"), token->hosted_link_url);
  fprintf (stderr, _("Waiting for the bank to be linked…\n"));
  if (!no_browser && !g_app_info_launch_default_for_uri (token->hosted_link_url, NULL, &error))
    {
      fprintf (stderr, _("The browser could not be opened (%s); open the address yourself.\n"), error->message);
      g_clear_error (&error);
    }

  status = wait_for_session (client, token, &error);
  if (status == NULL)
    return budg_cli_fail (error);
  if (status->state == BUDG_PLAID_LINK_EXITED)
    return budg_cli_fail_message (_("No bank was linked: %s"),
                                  status->exit_message != NULL ? status->exit_message
                                                               : _("the page was closed before the end."));

  if (status->results->len == 0)
    return budg_cli_fail_message (_("Plaid ended the session without a linked bank. Try again."));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < status->results->len; i++)
    {
      BudgPlaidLinkResult *result = g_ptr_array_index (status->results, i);

      if (!add_linked_bank (budg_context_get_database (context), client, environment, result, mapping, builder,
                            &error))
        return budg_cli_fail (error);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  if (cli->json)
    {
      budg_cli_print_json (builder);
      return BUDG_CLI_EXIT_OK;
    }

  root = json_builder_get_root (builder);
  {
    JsonArray *items = json_object_get_array_member (json_node_get_object (root), "items");

    for (guint i = 0; i < json_array_get_length (items); i++)
      {
        JsonObject *item = json_array_get_object_element (items, i);

        g_print (_("Linked %s (%u accounts). “budg-cli plaid sync” fetches its transactions.\n"),
                 json_object_get_string_member_with_default (item, "institution", _("the bank")),
                 json_array_get_length (json_object_get_array_member (item, "accounts")));
      }
  }

  return BUDG_CLI_EXIT_OK;
}

static void
add_summary (JsonBuilder                *builder,
             const BudgPlaidSyncSummary *summary)
{
  budg_cli_json_add_int (builder, "added", summary->added);
  budg_cli_json_add_int (builder, "modified", summary->modified);
  budg_cli_json_add_int (builder, "removed", summary->removed);
  budg_cli_json_add_int (builder, "duplicates", summary->duplicates);
}

int
budg_cli_plaid_sync (BudgCli              *cli,
                     const BudgCliCommand *command,
                     int                   argc,
                     char                **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const char *item_id = NULL;
  const BudgCliOption options[] = {
    { "item", TRUE, &item_id, FALSE },
    { NULL },
  };
  BudgPlaidSyncSummary total = { 0 };
  BudgContext *context;
  BudgDatabase *database;
  guint failed = 0;
  int status;

  status = budg_cli_parse (cli, command, argc, argv, options, NULL);
  if (status != BUDG_CLI_CONTINUE)
    return status;

  if (!(context = budg_cli_get_context (cli, &error)))
    return budg_cli_fail (error);
  database = budg_context_get_database (context);

  if (item_id != NULL)
    {
      BudgPlaidItem *item = budg_plaid_store_get_item (database, item_id, &error);

      if (item == NULL)
        return budg_cli_fail (error);
      items = g_ptr_array_new_with_free_func ((GDestroyNotify) budg_plaid_item_free);
      g_ptr_array_add (items, item);
    }
  else if ((items = budg_plaid_store_list_items (database, &error)) == NULL)
    {
      return budg_cli_fail (error);
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < items->len; i++)
    {
      BudgPlaidItem *item = g_ptr_array_index (items, i);
      g_autoptr(GError) item_error = NULL;
      g_autoptr(BudgPlaidClient) client = NULL;
      g_autofree char *access_token = NULL;
      BudgPlaidSyncSummary summary = { 0 };
      gboolean ok;

      client = budg_plaid_keyring_new_client (item->environment, NULL, &item_error);
      if (client != NULL)
        access_token = budg_plaid_keyring_lookup_token (item->environment, item->item_id, NULL, &item_error);
      ok = access_token != NULL &&
           budg_plaid_sync_item (database, client, item->item_id, access_token, NULL, NULL, &summary, &item_error);
      if (access_token != NULL)
        explicit_bzero (access_token, strlen (access_token));

      json_builder_begin_object (builder);
      budg_cli_json_add_string (builder, "item_id", item->item_id);
      budg_cli_json_add_string (builder, "institution", item->institution_name);
      add_summary (builder, &summary);
      budg_cli_json_add_string (builder, "error", ok ? NULL : item_error->message);
      json_builder_end_object (builder);

      if (!ok)
        {
          failed++;
          fprintf (stderr, "budg-cli: %s: %s\n",
                   item->institution_name != NULL ? item->institution_name : item->item_id, item_error->message);
          continue;
        }

      total.added += summary.added;
      total.modified += summary.modified;
      total.removed += summary.removed;
      total.duplicates += summary.duplicates;
    }
  json_builder_end_array (builder);
  add_summary (builder, &total);
  json_builder_end_object (builder);

  if (cli->json)
    budg_cli_print_json (builder);
  else if (items->len == 0)
    g_print (_("There are no bank connections. “budg-cli plaid link” links a bank.\n"));
  else
    g_print (_("Added %u, modified %u and removed %u transactions.\n"), total.added, total.modified, total.removed);

  return failed > 0 ? BUDG_CLI_EXIT_FAILURE : BUDG_CLI_EXIT_OK;
}

int
budg_cli_plaid_status (BudgCli              *cli,
                       const BudgCliCommand *command,
                       int                   argc,
                       char                **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  BudgContext *context;
  BudgDatabase *database;
  int status;

  status = budg_cli_parse (cli, command, argc, argv, NULL, NULL);
  if (status != BUDG_CLI_CONTINUE)
    return status;

  if (!(context = budg_cli_get_context (cli, &error)))
    return budg_cli_fail (error);
  database = budg_context_get_database (context);

  items = budg_plaid_store_list_items (database, &error);
  if (items == NULL)
    return budg_cli_fail (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < items->len; i++)
        {
          BudgPlaidItem *item = g_ptr_array_index (items, i);
          g_autoptr(GPtrArray) links = budg_plaid_store_list_links (database, item->item_id, &error);

          if (links == NULL)
            return budg_cli_fail (error);

          json_builder_begin_object (builder);
          budg_cli_json_add_string (builder, "item_id", item->item_id);
          budg_cli_json_add_string (builder, "environment", budg_plaid_environment_to_string (item->environment));
          budg_cli_json_add_string (builder, "institution", item->institution_name);
          budg_cli_json_add_string (builder, "state", budg_plaid_item_state_to_string (item->state));
          budg_cli_json_add_string (builder, "last_sync_at", item->last_sync_at);
          budg_cli_json_add_string (builder, "last_error", item->last_error);
          add_links (builder, links);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      budg_cli_print_json (builder);
    }
  else if (items->len == 0)
    {
      g_print (_("There are no bank connections. “budg-cli plaid link” links a bank.\n"));
    }
  else
    {
      g_autoptr(BudgCliTable) table = budg_cli_table_new (5,
                                                          _("Connection"), FALSE,
                                                          _("Bank"), FALSE,
                                                          _("State"), FALSE,
                                                          _("Last sync"), FALSE,
                                                          _("Last error"), FALSE);

      for (guint i = 0; i < items->len; i++)
        {
          BudgPlaidItem *item = g_ptr_array_index (items, i);

          budg_cli_table_add_row (table, item->item_id,
                                  item->institution_name != NULL ? item->institution_name : "",
                                  budg_plaid_item_state_to_string (item->state),
                                  item->last_sync_at != NULL ? item->last_sync_at : _("never"),
                                  item->last_error != NULL ? item->last_error : "");
        }
      budg_cli_table_print (table);
    }

  return BUDG_CLI_EXIT_OK;
}

int
budg_cli_plaid_unlink (BudgCli              *cli,
                       const BudgCliCommand *command,
                       int                   argc,
                       char                **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BudgPlaidItem) item = NULL;
  g_autofree char *message = NULL;
  const char *item_id = NULL;
  BudgContext *context;
  BudgDatabase *database;
  int status;

  status = budg_cli_parse (cli, command, argc, argv, NULL, &item_id);
  if (status != BUDG_CLI_CONTINUE)
    return status;

  if (!(context = budg_cli_get_context (cli, &error)))
    return budg_cli_fail (error);
  database = budg_context_get_database (context);

  /* Found first, for the bank's name in the message. */
  item = budg_plaid_store_get_item (database, item_id, &error);
  if (item == NULL)
    return budg_cli_fail (error);
  if (!budg_plaid_unlink (database, item->item_id, NULL, &error))
    return budg_cli_fail (error);

  message = g_strdup_printf (_("Unlinked %s. Its accounts and transactions stay in Budg."),
                             item->institution_name != NULL ? item->institution_name : item->item_id);
  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      budg_cli_json_add_string (builder, "item_id", item->item_id);
      budg_cli_json_add_boolean (builder, "unlinked", TRUE);
      json_builder_end_object (builder);
      budg_cli_print_json (builder);
    }
  else
    {
      g_print ("%s\n", message);
    }

  return BUDG_CLI_EXIT_OK;
}
