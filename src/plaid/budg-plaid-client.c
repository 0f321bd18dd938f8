/* budg-plaid-client.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-plaid-client"

#include "config.h"

#include <glib/gi18n.h>
#include <libsoup/soup.h>

#include "budg-error.h"
#include "budg-plaid-client.h"

/* The API version Budg speaks; Plaid answers in that version's shapes
 * whatever it has added since. */
#define PLAID_VERSION "2020-09-14"

#define DEFAULT_TIMEOUT 30

struct _BudgPlaidClient
{
  GObject               parent_instance;

  BudgPlaidEnvironment  environment;
  char                 *base_url;
  char                 *client_id;
  char                 *secret;
  SoupSession          *session;
};

G_DEFINE_FINAL_TYPE (BudgPlaidClient, budg_plaid_client, G_TYPE_OBJECT)

const char *
budg_plaid_environment_to_string (BudgPlaidEnvironment environment)
{
  switch (environment)
    {
    case BUDG_PLAID_SANDBOX:
      return "sandbox";
    case BUDG_PLAID_PRODUCTION:
      return "production";
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
budg_plaid_environment_from_string (const char           *text,
                                    BudgPlaidEnvironment *out_environment)
{
  g_return_val_if_fail (out_environment != NULL, FALSE);

  if (g_strcmp0 (text, "sandbox") == 0)
    *out_environment = BUDG_PLAID_SANDBOX;
  else if (g_strcmp0 (text, "production") == 0)
    *out_environment = BUDG_PLAID_PRODUCTION;
  else
    return FALSE;

  return TRUE;
}

static void
budg_plaid_client_finalize (GObject *object)
{
  BudgPlaidClient *self = BUDG_PLAID_CLIENT (object);

  g_clear_object (&self->session);
  g_free (self->base_url);
  g_free (self->client_id);
  /* Not left behind in freed memory. */
  if (self->secret != NULL)
    memset (self->secret, 0, strlen (self->secret));
  g_free (self->secret);

  G_OBJECT_CLASS (budg_plaid_client_parent_class)->finalize (object);
}

static void
budg_plaid_client_class_init (BudgPlaidClientClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = budg_plaid_client_finalize;
}

static void
budg_plaid_client_init (BudgPlaidClient *self)
{
  self->session = soup_session_new ();
  soup_session_set_timeout (self->session, DEFAULT_TIMEOUT);
  soup_session_set_idle_timeout (self->session, DEFAULT_TIMEOUT);
  soup_session_set_user_agent (self->session, "Budg/" PACKAGE_VERSION " ");
}

/**
 * budg_plaid_client_new:
 * @environment: sandbox or production
 * @client_id: the user's Plaid client id
 * @secret: the user's secret for @environment
 *
 * Returns: (transfer full): a client
 */
BudgPlaidClient *
budg_plaid_client_new (BudgPlaidEnvironment  environment,
                       const char           *client_id,
                       const char           *secret)
{
  BudgPlaidClient *self;
  const char *override = g_getenv ("BUDG_PLAID_BASE_URL");

  g_return_val_if_fail (client_id != NULL, NULL);
  g_return_val_if_fail (secret != NULL, NULL);

  self = g_object_new (BUDG_TYPE_PLAID_CLIENT, NULL);
  self->environment = environment;
  self->client_id = g_strdup (client_id);
  self->secret = g_strdup (secret);

  if (override != NULL && *override != '\0')
    self->base_url = g_strdup (override);
  else
    self->base_url = g_strdup (environment == BUDG_PLAID_PRODUCTION ? "https://production.plaid.com"
                                                                    : "https://sandbox.plaid.com");
  /* One slash between the host and the endpoint. */
  while (g_str_has_suffix (self->base_url, "/"))
    self->base_url[strlen (self->base_url) - 1] = '\0';

  return self;
}

const char *
budg_plaid_client_get_base_url (BudgPlaidClient *self)
{
  g_return_val_if_fail (BUDG_IS_PLAID_CLIENT (self), NULL);

  return self->base_url;
}

void
budg_plaid_client_set_timeout (BudgPlaidClient *self,
                               guint            seconds)
{
  g_return_if_fail (BUDG_IS_PLAID_CLIENT (self));

  soup_session_set_timeout (self->session, seconds);
  soup_session_set_idle_timeout (self->session, seconds);
}

/* A transport failure in words for the user; the library's message says
 * which, and never holds the request's headers. */
static void
set_network_error (GError       **error,
                   const GError  *cause)
{
  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, cause->message);
      return;
    }

  g_set_error (error, G_IO_ERROR, cause->domain == G_IO_ERROR ? cause->code : G_IO_ERROR_FAILED,
               _("Budg could not reach Plaid (%s). Check the network connection; nothing was changed."),
               cause->message);
}

/**
 * budg_plaid_client_call:
 * @self: a client
 * @endpoint: the path, "/transactions/sync"
 * @request: (nullable): the request's members, without the credentials
 * @cancellable: (nullable): to stop
 * @out_plaid_error: (out) (optional) (nullable): Plaid's error, when it
 *   answered with one
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the answer's root object, or %NULL
 */
JsonNode *
budg_plaid_client_call (BudgPlaidClient  *self,
                        const char       *endpoint,
                        JsonObject       *request,
                        GCancellable     *cancellable,
                        BudgPlaidError  **out_plaid_error,
                        GError          **error)
{
  g_autoptr(JsonNode) request_node = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonObject) empty = NULL;
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(GBytes) request_bytes = NULL;
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *url = NULL;
  g_autoptr(JsonParser) parser = NULL;
  SoupMessageHeaders *headers;
  const char *data;
  gsize length;
  guint status;

  g_return_val_if_fail (BUDG_IS_PLAID_CLIENT (self), NULL);
  g_return_val_if_fail (endpoint != NULL && endpoint[0] == '/', NULL);

  if (out_plaid_error != NULL)
    *out_plaid_error = NULL;

  if (request == NULL)
    request = empty = json_object_new ();
  json_node_set_object (request_node, request);
  {
    gsize size;
    char *text = json_to_string (request_node, FALSE);

    size = strlen (text);
    request_bytes = g_bytes_new_take (text, size);
  }

  url = g_strconcat (self->base_url, endpoint, NULL);
  message = soup_message_new (SOUP_METHOD_POST, url);
  if (message == NULL)
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                   _("“%s” is not an address Budg can call."), self->base_url);
      return NULL;
    }

  /* The credentials travel as headers, so that the body Budg might ever
   * log holds no secret. */
  headers = soup_message_get_request_headers (message);
  soup_message_headers_append (headers, "PLAID-CLIENT-ID", self->client_id);
  soup_message_headers_append (headers, "PLAID-SECRET", self->secret);
  soup_message_headers_append (headers, "Plaid-Version", PLAID_VERSION);
  soup_message_set_request_body_from_bytes (message, "application/json", request_bytes);

  answer = soup_session_send_and_read (self->session, message, cancellable, &local_error);
  if (answer == NULL)
    {
      set_network_error (error, local_error);
      return NULL;
    }

  status = soup_message_get_status (message);
  data = g_bytes_get_data (answer, &length);

  if (status != SOUP_STATUS_OK)
    {
      g_autoptr(BudgPlaidError) plaid_error = budg_plaid_error_parse (status, data, length);
      g_autofree char *sentence = budg_plaid_error_describe (plaid_error);

      g_set_error_literal (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT, sentence);
      if (out_plaid_error != NULL)
        *out_plaid_error = g_steal_pointer (&plaid_error);
      return NULL;
    }

  parser = json_parser_new_immutable ();
  if (data == NULL || length == 0 ||
      !json_parser_load_from_data (parser, data, length, &local_error) ||
      json_parser_get_root (parser) == NULL || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                   _("Plaid’s answer could not be read (%s). Nothing was changed; try again later."),
                   local_error != NULL ? local_error->message
                   : length == 0 ? _("it is empty") : _("it is not an object"));
      return NULL;
    }

  return json_node_ref (json_parser_get_root (parser));
}
