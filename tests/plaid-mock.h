/* plaid-mock.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A local Plaid for the tests and the benchmark: a SoupServer on
 * 127.0.0.1 (port 0) in a thread of its own, answering each endpoint from
 * a script of queued answers, and remembering every request it got.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _PlaidMock PlaidMock;

typedef enum
{
  PLAID_MOCK_ANSWER,
  PLAID_MOCK_STALL,   /* never answers */
  PLAID_MOCK_DROP,    /* closes the connection without an answer */
} PlaidMockKind;

/**
 * MockTransaction:
 * One transaction as Plaid sends it (amount with Plaid's sign: positive
 * is money out). NULL strings are left out or sent as null.
 */
typedef struct
{
  const char *id;
  const char *account;
  double      amount;
  const char *date;
  const char *name;
  const char *merchant;
  gboolean    pending;
  const char *pending_id;
  const char *category;
  const char *authorized_date;
} MockTransaction;

PlaidMock  *plaid_mock_new           (void);
void        plaid_mock_free          (PlaidMock     *mock);
const char *plaid_mock_get_url       (PlaidMock     *mock);
/* Answers used in order; the last one answers every later request. */
void        plaid_mock_queue         (PlaidMock     *mock,
                                      const char    *path,
                                      guint          status,
                                      const char    *body);
void        plaid_mock_queue_kind    (PlaidMock     *mock,
                                      const char    *path,
                                      PlaidMockKind  kind);
void        plaid_mock_reset         (PlaidMock     *mock);
guint       plaid_mock_count         (PlaidMock     *mock,
                                      const char    *path);
/* The body of the @index-th request to @path (from 0), or NULL. */
char       *plaid_mock_request       (PlaidMock     *mock,
                                      const char    *path,
                                      guint          index);
/* Every request body and header value it received, for secret scans. */
char       *plaid_mock_dump_requests (PlaidMock     *mock);

/* A /transactions/sync answer. @unknown_fields adds members and enum
 * values Plaid might add one day. */
char       *plaid_mock_sync_page     (const MockTransaction *added,
                                      guint                  n_added,
                                      const MockTransaction *modified,
                                      guint                  n_modified,
                                      const char * const    *removed,
                                      const char            *next_cursor,
                                      gboolean               has_more,
                                      gboolean               unknown_fields);
/* An /accounts/get answer for one account with its current balance. */
char       *plaid_mock_accounts      (const char            *account_id,
                                      const char            *name,
                                      double                 current);

G_END_DECLS
