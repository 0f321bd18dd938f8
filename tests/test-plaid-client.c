/* test-plaid-client.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Plaid HTTP client against a local SoupServer on 127.0.0.1 (port 0)
 * that answers with Plaid's own examples: the headers and body Plaid
 * expects, every documented error body at its status, malformed and
 * truncated answers, a server that never answers and one that drops the
 * connection; and the secret in no error message.
 */

#include "config.h"

#include <libsoup/soup.h>
#include <string.h>

#include "budg-error.h"
#include "budg-plaid-client.h"

#define SECRET "s3cr3t-never-shown-0123456789"

typedef struct
{
  GMainContext *context;
  GMainLoop    *loop;
  GThread      *thread;
  SoupServer   *server;
  char         *base_url;
  GMutex        lock;
  /* What the last request carried. */
  char         *client_id;
  char         *secret;
  char         *version;
  char         *path;
  char         *body;
  /* What to answer. */
  guint         status;
  char         *answer;
  gboolean      stall;
  gboolean      drop;
} Server;

static char *
read_data (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_getenv ("BUDG_TEST_DATA"), "plaid", name, NULL);
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

static void
handle_cb (SoupServer        *soup_server,
           SoupServerMessage *message,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  Server *server = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (message);
  SoupMessageBody *body = soup_server_message_get_request_body (message);

  g_mutex_lock (&server->lock);
  g_free (server->client_id);
  server->client_id = g_strdup (soup_message_headers_get_one (headers, "PLAID-CLIENT-ID"));
  g_free (server->secret);
  server->secret = g_strdup (soup_message_headers_get_one (headers, "PLAID-SECRET"));
  g_free (server->version);
  server->version = g_strdup (soup_message_headers_get_one (headers, "Plaid-Version"));
  g_free (server->path);
  server->path = g_strdup (path);
  g_free (server->body);
  server->body = g_strndup (body->data, body->length);

  if (server->drop)
    {
      /* The connection goes away without an answer. */
      GIOStream *stream = soup_server_message_steal_connection (message);

      g_io_stream_close (stream, NULL, NULL);
      g_object_unref (stream);
    }
  else if (server->stall)
    {
      /* Never answers: the client's timeout must end the wait. */
      soup_server_message_pause (message);
    }
  else
    {
      soup_server_message_set_status (message, server->status, NULL);
      soup_server_message_set_response (message, "application/json", SOUP_MEMORY_COPY,
                                        server->answer, strlen (server->answer));
    }
  g_mutex_unlock (&server->lock);
}

static gpointer
server_thread (gpointer data)
{
  Server *server = data;

  g_main_context_push_thread_default (server->context);
  g_main_loop_run (server->loop);
  g_main_context_pop_thread_default (server->context);

  return NULL;
}

static void
server_start (Server *server)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSList) uris = NULL;

  g_mutex_init (&server->lock);
  server->context = g_main_context_new ();
  server->loop = g_main_loop_new (server->context, FALSE);
  server->status = 200;
  server->answer = g_strdup ("{}");

  g_main_context_push_thread_default (server->context);
  server->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (server->server, NULL, handle_cb, server, NULL);
  soup_server_listen_local (server->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  g_main_context_pop_thread_default (server->context);

  uris = soup_server_get_uris (server->server);
  server->base_url = g_uri_to_string (uris->data);
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify) g_uri_unref);

  server->thread = g_thread_new ("mock-plaid", server_thread, server);
}

static gboolean
quit_cb (gpointer data)
{
  g_main_loop_quit (data);

  return G_SOURCE_REMOVE;
}

static void
server_stop (Server *server)
{
  GSource *source = g_idle_source_new ();

  g_source_set_callback (source, quit_cb, server->loop, NULL);
  g_source_attach (source, server->context);
  g_source_unref (source);
  g_thread_join (server->thread);

  g_main_context_push_thread_default (server->context);
  g_clear_object (&server->server);
  while (g_main_context_iteration (server->context, FALSE))
    ;
  g_main_context_pop_thread_default (server->context);
  g_main_loop_unref (server->loop);
  g_main_context_unref (server->context);
  g_mutex_clear (&server->lock);

  g_free (server->base_url);
  g_free (server->client_id);
  g_free (server->secret);
  g_free (server->version);
  g_free (server->path);
  g_free (server->body);
  g_free (server->answer);
}

static void
server_answer (Server     *server,
               guint       status,
               const char *answer)
{
  g_mutex_lock (&server->lock);
  server->status = status;
  g_free (server->answer);
  server->answer = g_strdup (answer);
  g_mutex_unlock (&server->lock);
}

static BudgPlaidClient *
client_for (Server *server)
{
  g_setenv ("BUDG_PLAID_BASE_URL", server->base_url, TRUE);

  return budg_plaid_client_new (BUDG_PLAID_SANDBOX, "client-1234", SECRET);
}

static void
test_call (void)
{
  Server server = { 0 };
  g_autoptr(BudgPlaidClient) client = NULL;
  g_autoptr(JsonObject) request = json_object_new ();
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BudgPlaidSyncPage) page = NULL;
  g_autofree char *example = read_data ("transactions_sync.json");

  server_start (&server);
  client = client_for (&server);
  server_answer (&server, 200, example);

  json_object_set_string_member (request, "access_token", "access-sandbox-1");
  json_object_set_int_member (request, "count", 500);
  answer = budg_plaid_client_call (client, "/transactions/sync", request, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (answer);

  /* What Plaid expects: the keys as headers, the version, the endpoint,
   * the request's members, and no secret in the body. */
  g_assert_cmpstr (server.client_id, ==, "client-1234");
  g_assert_cmpstr (server.secret, ==, SECRET);
  g_assert_cmpstr (server.version, ==, "2020-09-14");
  g_assert_cmpstr (server.path, ==, "/transactions/sync");
  g_assert_nonnull (strstr (server.body, "\"access_token\":\"access-sandbox-1\""));
  g_assert_nonnull (strstr (server.body, "\"count\":500"));
  g_assert_null (strstr (server.body, SECRET));

  /* The answer reads as a sync page. */
  {
    g_autofree char *text = json_to_string (answer, FALSE);

    page = budg_plaid_parse_sync (text, -1, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (page->added->len, ==, 1);
  }

  g_clear_object (&client);
  server_stop (&server);
}

static void
test_error_answers (void)
{
  static const struct
  {
    const char        *file;
    guint              status;
    BudgPlaidReaction  reaction;
  } cases[] = {
    { "errors/ITEM_LOGIN_REQUIRED.400.json", 400, BUDG_PLAID_REACTION_NEEDS_LOGIN },
    { "errors/TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION.400.json", 400, BUDG_PLAID_REACTION_RESTART_SYNC },
    { "errors/TRANSACTIONS_SYNC_LIMIT.429.json", 429, BUDG_PLAID_REACTION_RETRY },
    { "errors/INTERNAL_SERVER_ERROR.500.json", 500, BUDG_PLAID_REACTION_RETRY },
    { "errors/INVALID_API_KEYS.400.json", 400, BUDG_PLAID_REACTION_FAIL },
  };
  Server server = { 0 };
  g_autoptr(BudgPlaidClient) client = NULL;

  server_start (&server);
  client = client_for (&server);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *body = read_data (cases[i].file);
      g_autoptr(BudgPlaidError) plaid_error = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) answer = NULL;

      server_answer (&server, cases[i].status, body);
      answer = budg_plaid_client_call (client, "/transactions/sync", NULL, NULL, &plaid_error, &error);
      g_assert_null (answer);
      g_assert_nonnull (error);
      g_assert_nonnull (plaid_error);
      g_assert_cmpuint (plaid_error->http_status, ==, cases[i].status);
      g_assert_cmpint (budg_plaid_error_get_reaction (plaid_error), ==, cases[i].reaction);
      g_assert_null (strstr (error->message, SECRET));
    }

  g_clear_object (&client);
  server_stop (&server);
}

static void
test_broken_answers (void)
{
  Server server = { 0 };
  g_autoptr(BudgPlaidClient) client = NULL;
  static const char * const bodies[] = { "", "{\"added\": [", "<html>oops</html>", "[1, 2]" };

  server_start (&server);
  client = client_for (&server);

  /* Malformed and truncated bodies with a 200: an error, not a crash. */
  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) answer = NULL;

      server_answer (&server, 200, bodies[i]);
      answer = budg_plaid_client_call (client, "/accounts/get", NULL, NULL, NULL, &error);
      g_assert_null (answer);
      g_assert_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT);
      g_assert_null (strstr (error->message, SECRET));
    }

  /* A dropped connection. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(JsonNode) answer = NULL;

    g_mutex_lock (&server.lock);
    server.drop = TRUE;
    g_mutex_unlock (&server.lock);
    answer = budg_plaid_client_call (client, "/accounts/get", NULL, NULL, NULL, &error);
    g_assert_null (answer);
    g_assert_nonnull (error);
    g_assert_null (strstr (error->message, SECRET));
    g_mutex_lock (&server.lock);
    server.drop = FALSE;
    g_mutex_unlock (&server.lock);
  }

  /* A server that never answers: the timeout ends the wait. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(JsonNode) answer = NULL;
    gint64 start = g_get_monotonic_time ();

    g_mutex_lock (&server.lock);
    server.stall = TRUE;
    g_mutex_unlock (&server.lock);
    budg_plaid_client_set_timeout (client, 1);
    answer = budg_plaid_client_call (client, "/accounts/get", NULL, NULL, NULL, &error);
    g_assert_null (answer);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT);
    g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
  }

  g_clear_object (&client);
  server_stop (&server);
}

static void
test_nobody_there (void)
{
  g_autoptr(BudgPlaidClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) answer = NULL;

  /* A port nothing listens on (the discard port, closed on test machines). */
  g_setenv ("BUDG_PLAID_BASE_URL", "http://127.0.0.1:9/", TRUE);
  client = budg_plaid_client_new (BUDG_PLAID_PRODUCTION, "client-1234", SECRET);
  g_assert_cmpstr (budg_plaid_client_get_base_url (client), ==, "http://127.0.0.1:9");
  answer = budg_plaid_client_call (client, "/item/get", NULL, NULL, NULL, &error);
  g_assert_null (answer);
  g_assert_nonnull (error);
  g_assert_null (strstr (error->message, SECRET));

  /* Without the override, the environment picks Plaid's host. */
  g_unsetenv ("BUDG_PLAID_BASE_URL");
  g_clear_object (&client);
  client = budg_plaid_client_new (BUDG_PLAID_PRODUCTION, "client-1234", SECRET);
  g_assert_cmpstr (budg_plaid_client_get_base_url (client), ==, "https://production.plaid.com");
  g_clear_object (&client);
  client = budg_plaid_client_new (BUDG_PLAID_SANDBOX, "client-1234", SECRET);
  g_assert_cmpstr (budg_plaid_client_get_base_url (client), ==, "https://sandbox.plaid.com");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plaid/client/call", test_call);
  g_test_add_func ("/plaid/client/error-answers", test_error_answers);
  g_test_add_func ("/plaid/client/broken-answers", test_broken_answers);
  g_test_add_func ("/plaid/client/nobody-there", test_nobody_there);

  return g_test_run ();
}
