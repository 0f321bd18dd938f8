/* plaid-mock.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "plaid-mock.h"

typedef struct
{
  PlaidMockKind  kind;
  guint          status;
  char          *body;
} Answer;

typedef struct
{
  GQueue     answers;   /* of Answer */
  Answer    *last;
  GPtrArray *requests;  /* bodies */
} Endpoint;

struct _PlaidMock
{
  GMainContext *context;
  GMainLoop    *loop;
  GThread      *thread;
  SoupServer   *server;
  char         *url;
  GMutex        lock;
  GHashTable   *endpoints;  /* path → Endpoint */
  GString      *seen;       /* every header and body received */
};

static void
answer_free (Answer *answer)
{
  if (answer == NULL)
    return;
  g_free (answer->body);
  g_free (answer);
}

static void
endpoint_free (Endpoint *endpoint)
{
  g_queue_clear_full (&endpoint->answers, (GDestroyNotify) answer_free);
  answer_free (endpoint->last);
  g_ptr_array_unref (endpoint->requests);
  g_free (endpoint);
}

static Endpoint *
endpoint_get (PlaidMock  *mock,
              const char *path)
{
  Endpoint *endpoint = g_hash_table_lookup (mock->endpoints, path);

  if (endpoint == NULL)
    {
      endpoint = g_new0 (Endpoint, 1);
      g_queue_init (&endpoint->answers);
      endpoint->requests = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (mock->endpoints, g_strdup (path), endpoint);
    }

  return endpoint;
}

static void
remember_header (const char *name,
                 const char *value,
                 gpointer    user_data)
{
  g_string_append_printf (user_data, "%s: %s\n", name, value);
}

static void
handle_cb (SoupServer        *server,
           SoupServerMessage *message,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  PlaidMock *mock = user_data;
  SoupMessageBody *body = soup_server_message_get_request_body (message);
  Endpoint *endpoint;
  Answer *answer;

  g_mutex_lock (&mock->lock);
  endpoint = endpoint_get (mock, path);
  g_ptr_array_add (endpoint->requests, g_strndup (body->data, body->length));
  soup_message_headers_foreach (soup_server_message_get_request_headers (message), remember_header, mock->seen);
  g_string_append_len (mock->seen, body->data, body->length);
  g_string_append_c (mock->seen, '\n');

  if (!g_queue_is_empty (&endpoint->answers))
    {
      answer_free (endpoint->last);
      endpoint->last = g_queue_pop_head (&endpoint->answers);
    }
  answer = endpoint->last;

  if (answer == NULL)
    {
      const char *missing = "{\"error_type\":\"INVALID_REQUEST\",\"error_code\":\"NOT_FOUND\","
                            "\"error_message\":\"the mock has no answer for this path\"}";

      soup_server_message_set_status (message, 404, NULL);
      soup_server_message_set_response (message, "application/json", SOUP_MEMORY_COPY, missing, strlen (missing));
    }
  else if (answer->kind == PLAID_MOCK_DROP)
    {
      GIOStream *stream = soup_server_message_steal_connection (message);

      g_io_stream_close (stream, NULL, NULL);
      g_object_unref (stream);
    }
  else if (answer->kind == PLAID_MOCK_STALL)
    {
      soup_server_message_pause (message);
    }
  else
    {
      soup_server_message_set_status (message, answer->status, NULL);
      soup_server_message_set_response (message, "application/json", SOUP_MEMORY_COPY,
                                        answer->body, strlen (answer->body));
    }
  g_mutex_unlock (&mock->lock);
}

static gpointer
server_thread (gpointer data)
{
  PlaidMock *mock = data;

  g_main_context_push_thread_default (mock->context);
  g_main_loop_run (mock->loop);
  g_main_context_pop_thread_default (mock->context);

  return NULL;
}

PlaidMock *
plaid_mock_new (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSList) uris = NULL;
  PlaidMock *mock = g_new0 (PlaidMock, 1);

  g_mutex_init (&mock->lock);
  mock->endpoints = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) endpoint_free);
  mock->seen = g_string_new (NULL);
  mock->context = g_main_context_new ();
  mock->loop = g_main_loop_new (mock->context, FALSE);

  g_main_context_push_thread_default (mock->context);
  mock->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (mock->server, NULL, handle_cb, mock, NULL);
  soup_server_listen_local (mock->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  g_main_context_pop_thread_default (mock->context);

  uris = soup_server_get_uris (mock->server);
  mock->url = g_uri_to_string (uris->data);
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify) g_uri_unref);
  /* No trailing slash: the client appends "/transactions/sync". */
  if (g_str_has_suffix (mock->url, "/"))
    mock->url[strlen (mock->url) - 1] = '\0';

  mock->thread = g_thread_new ("mock-plaid", server_thread, mock);

  return mock;
}

static gboolean
quit_cb (gpointer data)
{
  g_main_loop_quit (data);

  return G_SOURCE_REMOVE;
}

void
plaid_mock_free (PlaidMock *mock)
{
  GSource *source = g_idle_source_new ();

  g_source_set_callback (source, quit_cb, mock->loop, NULL);
  g_source_attach (source, mock->context);
  g_source_unref (source);
  g_thread_join (mock->thread);

  g_main_context_push_thread_default (mock->context);
  soup_server_disconnect (mock->server);
  g_clear_object (&mock->server);
  while (g_main_context_iteration (mock->context, FALSE))
    ;
  g_main_context_pop_thread_default (mock->context);
  g_main_loop_unref (mock->loop);
  g_main_context_unref (mock->context);
  g_mutex_clear (&mock->lock);

  g_hash_table_unref (mock->endpoints);
  g_string_free (mock->seen, TRUE);
  g_free (mock->url);
  g_free (mock);
}

const char *
plaid_mock_get_url (PlaidMock *mock)
{
  return mock->url;
}

void
plaid_mock_queue (PlaidMock  *mock,
                  const char *path,
                  guint       status,
                  const char *body)
{
  Answer *answer = g_new0 (Answer, 1);

  answer->kind = PLAID_MOCK_ANSWER;
  answer->status = status;
  answer->body = g_strdup (body);

  g_mutex_lock (&mock->lock);
  g_queue_push_tail (&endpoint_get (mock, path)->answers, answer);
  g_mutex_unlock (&mock->lock);
}

void
plaid_mock_queue_kind (PlaidMock     *mock,
                       const char    *path,
                       PlaidMockKind  kind)
{
  Answer *answer = g_new0 (Answer, 1);

  answer->kind = kind;

  g_mutex_lock (&mock->lock);
  g_queue_push_tail (&endpoint_get (mock, path)->answers, answer);
  g_mutex_unlock (&mock->lock);
}

void
plaid_mock_reset (PlaidMock *mock)
{
  g_mutex_lock (&mock->lock);
  g_hash_table_remove_all (mock->endpoints);
  g_string_truncate (mock->seen, 0);
  g_mutex_unlock (&mock->lock);
}

guint
plaid_mock_count (PlaidMock  *mock,
                  const char *path)
{
  guint count;

  g_mutex_lock (&mock->lock);
  count = endpoint_get (mock, path)->requests->len;
  g_mutex_unlock (&mock->lock);

  return count;
}

char *
plaid_mock_request (PlaidMock  *mock,
                    const char *path,
                    guint       index)
{
  Endpoint *endpoint;
  char *body = NULL;

  g_mutex_lock (&mock->lock);
  endpoint = endpoint_get (mock, path);
  if (index < endpoint->requests->len)
    body = g_strdup (g_ptr_array_index (endpoint->requests, index));
  g_mutex_unlock (&mock->lock);

  return body;
}

char *
plaid_mock_dump_requests (PlaidMock *mock)
{
  char *dump;

  g_mutex_lock (&mock->lock);
  dump = g_strdup (mock->seen->str);
  g_mutex_unlock (&mock->lock);

  return dump;
}

static void
add_nullable (JsonBuilder *builder,
              const char  *member,
              const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_transaction (JsonBuilder           *builder,
                 const MockTransaction *transaction,
                 gboolean               unknown_fields)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "transaction_id");
  json_builder_add_string_value (builder, transaction->id);
  json_builder_set_member_name (builder, "account_id");
  json_builder_add_string_value (builder, transaction->account);
  json_builder_set_member_name (builder, "amount");
  json_builder_add_double_value (builder, transaction->amount);
  json_builder_set_member_name (builder, "iso_currency_code");
  json_builder_add_string_value (builder, "USD");
  json_builder_set_member_name (builder, "unofficial_currency_code");
  json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "date");
  json_builder_add_string_value (builder, transaction->date);
  add_nullable (builder, "authorized_date", transaction->authorized_date);
  add_nullable (builder, "name", transaction->name);
  add_nullable (builder, "merchant_name", transaction->merchant);
  json_builder_set_member_name (builder, "pending");
  json_builder_add_boolean_value (builder, transaction->pending);
  add_nullable (builder, "pending_transaction_id", transaction->pending_id);
  json_builder_set_member_name (builder, "payment_channel");
  json_builder_add_string_value (builder, unknown_fields ? "telepathy" : "in store");
  json_builder_set_member_name (builder, "personal_finance_category");
  if (transaction->category != NULL)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "primary");
      json_builder_add_string_value (builder, transaction->category);
      json_builder_set_member_name (builder, "detailed");
      json_builder_add_string_value (builder, transaction->category);
      json_builder_set_member_name (builder, "confidence_level");
      json_builder_add_string_value (builder, unknown_fields ? "CERTAIN_BEYOND_DOUBT" : "HIGH");
      json_builder_end_object (builder);
    }
  else
    {
      json_builder_add_null_value (builder);
    }
  if (unknown_fields)
    {
      json_builder_set_member_name (builder, "zz_future_member");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "nested");
      json_builder_begin_array (builder);
      json_builder_add_int_value (builder, 1);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
}

char *
plaid_mock_sync_page (const MockTransaction *added,
                      guint                  n_added,
                      const MockTransaction *modified,
                      guint                  n_modified,
                      const char * const    *removed,
                      const char            *next_cursor,
                      gboolean               has_more,
                      gboolean               unknown_fields)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "accounts");
  json_builder_begin_array (builder);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "added");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_added; i++)
    add_transaction (builder, &added[i], unknown_fields);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "modified");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_modified; i++)
    add_transaction (builder, &modified[i], unknown_fields);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "removed");
  json_builder_begin_array (builder);
  for (guint i = 0; removed != NULL && removed[i] != NULL; i++)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "transaction_id");
      json_builder_add_string_value (builder, removed[i]);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "next_cursor");
  json_builder_add_string_value (builder, next_cursor);
  json_builder_set_member_name (builder, "has_more");
  json_builder_add_boolean_value (builder, has_more);
  json_builder_set_member_name (builder, "transactions_update_status");
  json_builder_add_string_value (builder, unknown_fields ? "SOMETHING_NEW" : "HISTORICAL_UPDATE_COMPLETE");
  json_builder_set_member_name (builder, "request_id");
  json_builder_add_string_value (builder, "mock-request");
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);

  return json_to_string (root, FALSE);
}

char *
plaid_mock_accounts (const char *account_id,
                     const char *name,
                     double      current)
{
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  /* Not printf's %f: the test may run under a locale with a decimal comma. */
  g_ascii_formatd (number, sizeof number, "%.2f", current);

  return g_strdup_printf ("{\"accounts\":[{\"account_id\":\"%s\",\"balances\":{\"available\":null,"
                          "\"current\":%s,\"iso_currency_code\":\"USD\",\"limit\":null,"
                          "\"unofficial_currency_code\":null},\"mask\":\"0000\",\"name\":\"%s\","
                          "\"official_name\":null,\"subtype\":\"checking\",\"type\":\"depository\"}],"
                          "\"item\":{\"item_id\":\"item-1\"},\"request_id\":\"mock\"}",
                          account_id, number, name);
}
