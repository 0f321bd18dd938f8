/* budg-importer.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "budg-csv-parser.h"
#include "budg-database.h"
#include "budg-import-row.h"

G_BEGIN_DECLS

/* The import pipeline, in three steps that the CLI runs one after the other
 * and the import dialog runs with the user in between:
 *
 * 1. budg_importer_parse(): bytes → #BudgImportResult (format detection and
 *    the parsers). Touches no database.
 * 2. budg_importer_plan(): decides, for every row, which account it goes to
 *    and whether it is new, a duplicate (the bank's id is already there), a
 *    possible duplicate (same account and amount, a date a few days off, a
 *    similar payee: left unticked for the user to decide) or the bank's
 *    version of a transaction entered by hand (or a paid due bill), which it
 *    links to instead of adding a second one; runs the rules. Reads the
 *    database, writes nothing.
 * 3. budg_importer_commit(): writes the ticked rows, the new accounts,
 *    payees and categories and the statement balances, in one database
 *    transaction, as one import batch that budg_importer_undo() takes back
 *    as a whole. Cancelling or failing leaves the database as it was.
 *
 * Rows without an id from the bank get one made from their date, amount,
 * payee, memo and how many identical rows came before them in the file, so
 * that importing the same file (or an overlapping statement) twice adds
 * nothing.
 *
 * Everything here is synchronous and works on the connection it is given,
 * so a worker thread gives it a connection of its own (see
 * budg_importer_run_async()).
 */

/**
 * BudgImportOptions:
 * @format: %BUDG_IMPORT_FORMAT_UNKNOWN to detect it
 * @account_id: put every statement into this account; 0 to find each
 *   statement's account by bank id and number, then by name, or to create it
 * @currency: (nullable): the currency of a file that does not say (CSV,
 *   QIF); %NULL for the target account's, else the default
 * @csv: (nullable): how to read a CSV file; %NULL to detect everything
 * @date_order: QIF (and CSV, when @csv leaves it to detection) dates
 * @decimal_mark: likewise for amounts
 * @encoding: (nullable): force the character set
 * @match_days: how far apart the dates of a possible duplicate or of a
 *   manual transaction it links to may be (default 3)
 * @filename: (nullable): shown in the import history
 */
typedef struct
{
  BudgImportFormat  format;
  gint64            account_id;
  char             *currency;
  BudgCsvOptions   *csv;
  BudgDateOrder     date_order;
  BudgDecimalMark   decimal_mark;
  char             *encoding;
  guint             match_days;
  char             *filename;
} BudgImportOptions;

BudgImportOptions *budg_import_options_new  (void) G_GNUC_WARN_UNUSED_RESULT;
void               budg_import_options_free (BudgImportOptions *options);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BudgImportOptions, budg_import_options_free)

/**
 * BudgImportItemKind:
 * @BUDG_IMPORT_ITEM_NEW: not in the database yet: will be added
 * @BUDG_IMPORT_ITEM_DUPLICATE: the bank's id is already in the account (or
 *   earlier in the same file): never added
 * @BUDG_IMPORT_ITEM_POSSIBLE_DUPLICATE: looks like @existing_id; unticked
 * @BUDG_IMPORT_ITEM_MATCH: the bank's version of @existing_id, entered by
 *   hand or by paying a due bill: linked to it (the existing row gets the
 *   bank's id and is marked cleared) instead of added
 *
 * The nicks ("new", "duplicate", "possible-duplicate", "match") are used by
 * the CLI.
 */
typedef enum
{
  BUDG_IMPORT_ITEM_NEW,
  BUDG_IMPORT_ITEM_DUPLICATE,
  BUDG_IMPORT_ITEM_POSSIBLE_DUPLICATE,
  BUDG_IMPORT_ITEM_MATCH,
} BudgImportItemKind;

const char *budg_import_item_kind_to_string (BudgImportItemKind kind);

/**
 * BudgImportItem:
 * @row: the row as read (owned by the plan)
 * @target: index of its #BudgImportTarget
 * @kind: what the importer decided
 * @include: whether it will be written (ticked); new rows and matches start
 *   ticked, possible duplicates unticked, duplicates cannot be ticked
 * @existing_id: the transaction it duplicates or matches, else 0
 * @external_id: the bank's id, or the one made for it
 * @payee: (nullable): the payee it will have (after the rules)
 * @memo: (nullable): the memo it will have
 * @category_path: (nullable): the category it will have: the file's, else
 *   the rules', else none
 * @category_id: that category's id, 0 when it does not exist yet (it is
 *   created on commit) or there is none
 * @rule_id: the rule that set something, else 0
 * @status: the status it will have
 * @transfer_item: for one side of a transfer between two accounts of the
 *   file (QIF "[Account]"), the index of the other side's item + 1, else 0
 * @transfer_account_id: for a transfer to an account already in the
 *   database that the file does not hold: that account (the other side is
 *   written there, or linked to @transfer_existing_id), else 0
 * @transfer_existing_id: the other side, when that account already has it
 *   (same amount the other way, a date a few days off, not yet a transfer)
 */
typedef struct
{
  BudgImportRow         *row;
  guint                  target;
  BudgImportItemKind     kind;
  gboolean               include;
  gint64                 existing_id;
  char                  *external_id;
  char                  *payee;
  char                  *memo;
  char                  *category_path;
  gint64                 category_id;
  gint64                 rule_id;
  BudgTransactionStatus  status;
  guint                  transfer_item;
  gint64                 transfer_account_id;
  gint64                 transfer_existing_id;
} BudgImportItem;

/**
 * BudgImportTarget:
 * @statement: the statement as read (owned by the plan)
 * @account_id: the account it goes to; 0 when a new one is created
 * @account_name: the existing account's name, or the new one's
 * @account_kind: the new account's kind
 * @currency: the account's currency
 * @n_new: how many of its items are new
 * @n_duplicates: exact duplicates
 * @n_possible_duplicates: possible duplicates
 * @n_matches: links to existing transactions
 */
typedef struct
{
  BudgImportStatement *statement;
  gint64               account_id;
  char                *account_name;
  BudgAccountKind      account_kind;
  char                *currency;
  guint                n_new;
  guint                n_duplicates;
  guint                n_possible_duplicates;
  guint                n_matches;
} BudgImportTarget;

/**
 * BudgImportPlan:
 *
 * What an import will do, item by item, before anything is written.
 */
typedef struct _BudgImportPlan BudgImportPlan;

BudgImportPlan        *budg_import_plan_ref            (BudgImportPlan *plan);
void                   budg_import_plan_unref          (BudgImportPlan *plan);
BudgImportFormat       budg_import_plan_get_format     (BudgImportPlan *plan);
const char            *budg_import_plan_get_encoding   (BudgImportPlan *plan);
guint                  budg_import_plan_get_n_items    (BudgImportPlan *plan);
const BudgImportItem  *budg_import_plan_get_item       (BudgImportPlan *plan,
                                                        guint           index);
/* Ticks or unticks an item (and the other side of its transfer); returns
 * FALSE for a duplicate, which cannot be imported. */
gboolean               budg_import_plan_set_included   (BudgImportPlan *plan,
                                                        guint           index,
                                                        gboolean        include);
guint                  budg_import_plan_get_n_targets  (BudgImportPlan *plan);
const BudgImportTarget *budg_import_plan_get_target    (BudgImportPlan *plan,
                                                        guint           index);
/* element-type BudgImportRejection, sorted by line */
GPtrArray             *budg_import_plan_get_rejected   (BudgImportPlan *plan);
guint                  budg_import_plan_count          (BudgImportPlan *plan,
                                                        BudgImportItemKind kind);
guint                  budg_import_plan_count_included (BudgImportPlan *plan);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BudgImportPlan, budg_import_plan_unref)

/**
 * BudgImportProgress:
 * @done: rows handled so far (atomic)
 * @total: rows to handle (atomic; 0 while unknown)
 *
 * Filled in by the worker, read by the dialog's timer: no signal crosses
 * the thread.
 */
typedef struct
{
  volatile gint done;
  volatile gint total;
} BudgImportProgress;

/**
 * BudgImportSummary:
 * @batch_id: the import batch (0 for a dry run or when nothing was written)
 * @imported: transactions added
 * @linked: existing transactions linked to the bank's rows
 * @duplicates: rows skipped as exact duplicates
 * @possible_duplicates: possible duplicates found (imported only when ticked,
 *   and then also counted in @imported)
 * @rejected: rows that could not be read
 * @created_accounts: accounts created
 */
typedef struct
{
  gint64 batch_id;
  guint  imported;
  guint  linked;
  guint  duplicates;
  guint  possible_duplicates;
  guint  rejected;
  guint  created_accounts;
} BudgImportSummary;

BudgImportResult *budg_importer_parse  (const guint8             *data,
                                        gsize                     length,
                                        const BudgImportOptions  *options,
                                        GError                  **error) G_GNUC_WARN_UNUSED_RESULT;
/* Takes @result. @progress may be NULL. */
BudgImportPlan   *budg_importer_plan   (BudgDatabase             *database,
                                        BudgImportResult         *result,
                                        const BudgImportOptions  *options,
                                        GCancellable             *cancellable,
                                        BudgImportProgress       *progress,
                                        GError                  **error) G_GNUC_WARN_UNUSED_RESULT;
/* Points a statement at another account (0: a new one) and decides its items
 * again. */
gboolean          budg_importer_retarget (BudgDatabase           *database,
                                        BudgImportPlan           *plan,
                                        guint                     target,
                                        gint64                    account_id,
                                        GError                  **error);
gboolean          budg_importer_commit (BudgDatabase             *database,
                                        BudgImportPlan           *plan,
                                        GCancellable             *cancellable,
                                        BudgImportProgress       *progress,
                                        BudgImportSummary        *out_summary,
                                        GError                  **error);
/* Takes back a whole import: deletes the transactions, balance snapshots and
 * (still empty) accounts it added and unlinks the transactions it linked. */
gboolean          budg_importer_undo   (BudgDatabase             *database,
                                        gint64                    batch_id,
                                        GError                  **error);
void              budg_import_summary_from_plan (BudgImportPlan    *plan,
                                                 BudgImportSummary *out_summary);

/* The same steps in a worker thread with a connection of its own to
 * @database's file. Plan: @plan is NULL; the task returns a
 * BudgImportPlan (budg_importer_run_finish_plan()). Commit: @plan is
 * given; the task returns a boxed summary. On success the main @database
 * emits "changed" for every table, on the main thread. */
void              budg_importer_plan_async    (BudgDatabase             *database,
                                               GBytes                   *data,
                                               const BudgImportOptions  *options,
                                               GCancellable             *cancellable,
                                               BudgImportProgress       *progress,
                                               GAsyncReadyCallback       callback,
                                               gpointer                  user_data);
BudgImportPlan   *budg_importer_plan_finish   (GAsyncResult             *result,
                                               GError                  **error) G_GNUC_WARN_UNUSED_RESULT;
void              budg_importer_commit_async  (BudgDatabase             *database,
                                               BudgImportPlan           *plan,
                                               GCancellable             *cancellable,
                                               BudgImportProgress       *progress,
                                               GAsyncReadyCallback       callback,
                                               gpointer                  user_data);
gboolean          budg_importer_commit_finish (GAsyncResult             *result,
                                               BudgImportSummary        *out_summary,
                                               GError                  **error);
/* budg_importer_undo() in a worker thread (a large import takes seconds to
 * take back); @database emits "changed" on this thread when it is done. */
void              budg_importer_undo_async    (BudgDatabase             *database,
                                               gint64                    batch_id,
                                               GAsyncReadyCallback       callback,
                                               gpointer                  user_data);
gboolean          budg_importer_undo_finish   (GAsyncResult             *result,
                                               GError                  **error);

G_END_DECLS
