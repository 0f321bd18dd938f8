/* budg-migrations.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-migrations"

#include "config.h"

#include "budg-database.h"
#include "budg-error.h"
#include "budg-migrations.h"

/* Each migration moves a database from version N-1 to N and runs inside one
 * transaction together with the PRAGMA user_version bump. A migration, once
 * released, is never edited: a later change gets a new number. Version 1 is
 * what the first Budg files were written with (tests/data keeps one).
 */

static const char migration_1[] =
  "PRAGMA application_id = 1114989671;\n" /* BUDG_APPLICATION_ID */
  "CREATE TABLE accounts (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  name TEXT NOT NULL CHECK (length(trim(name)) > 0),\n"
  "  kind TEXT NOT NULL CHECK (kind IN ('checking', 'savings', 'credit-card', 'cash',\n"
  "                                     'investment', 'loan')),\n"
  "  currency TEXT NOT NULL CHECK (length(currency) = 3),\n"
  "  institution TEXT,\n"
  "  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),\n"
  "  sort_order INTEGER NOT NULL DEFAULT 0,\n"
  "  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))\n"
  ");\n"
  "CREATE UNIQUE INDEX accounts_name ON accounts (name COLLATE NOCASE);\n"
  "CREATE TABLE balance_snapshots (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,\n"
  "  date TEXT NOT NULL CHECK (date(date) IS date),\n"
  "  amount_minor INTEGER NOT NULL,\n"
  "  note TEXT,\n"
  "  UNIQUE (account_id, date)\n"
  ");\n"
  "CREATE TABLE categories (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  parent_id INTEGER REFERENCES categories (id) ON DELETE CASCADE,\n"
  "  name TEXT NOT NULL CHECK (length(trim(name)) > 0 AND instr(name, ':') = 0),\n"
  "  is_income INTEGER NOT NULL DEFAULT 0 CHECK (is_income IN (0, 1)),\n"
  "  color TEXT\n"
  ");\n"
  "CREATE UNIQUE INDEX categories_path ON categories (ifnull(parent_id, 0), name COLLATE NOCASE);\n"
  "CREATE TABLE payees (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  name TEXT NOT NULL CHECK (length(trim(name)) > 0)\n"
  ");\n"
  "CREATE UNIQUE INDEX payees_name ON payees (name COLLATE NOCASE);\n"
  "CREATE TABLE transactions (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,\n"
  "  date TEXT NOT NULL CHECK (date(date) IS date),\n"
  "  amount_minor INTEGER NOT NULL,\n"
  "  payee_id INTEGER REFERENCES payees (id) ON DELETE SET NULL,\n"
  "  category_id INTEGER REFERENCES categories (id) ON DELETE SET NULL,\n"
  "  memo TEXT,\n"
  "  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'cleared', 'reconciled')),\n"
  "  external_id TEXT,\n"
  "  source TEXT,\n"
  "  transfer_id INTEGER REFERENCES transactions (id) ON DELETE SET NULL\n"
  ");\n"
  /* Covers the balance sums: an account's total over a date range is read
   * from the index alone, without touching the table. */
  "CREATE INDEX transactions_account_date ON transactions (account_id, date, amount_minor);\n"
  "CREATE INDEX transactions_date ON transactions (date);\n";

static const char migration_2[] =
  "CREATE INDEX transactions_payee ON transactions (payee_id);\n"
  "CREATE INDEX transactions_category ON transactions (category_id);\n"
  "CREATE UNIQUE INDEX transactions_external ON transactions (account_id, source, external_id)\n"
  "  WHERE external_id IS NOT NULL;\n"
  "CREATE TABLE bills (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  name TEXT NOT NULL CHECK (length(trim(name)) > 0),\n"
  "  payee_id INTEGER REFERENCES payees (id) ON DELETE SET NULL,\n"
  "  account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,\n"
  "  category_id INTEGER REFERENCES categories (id) ON DELETE SET NULL,\n"
  "  amount_minor INTEGER NOT NULL,\n"
  "  amount_max_minor INTEGER,\n"
  "  is_estimate INTEGER NOT NULL DEFAULT 0 CHECK (is_estimate IN (0, 1)),\n"
  "  is_income INTEGER NOT NULL DEFAULT 0 CHECK (is_income IN (0, 1)),\n"
  "  rrule TEXT NOT NULL,\n"
  "  start_date TEXT NOT NULL CHECK (date(start_date) IS start_date),\n"
  "  end_date TEXT CHECK (end_date IS NULL OR date(end_date) IS end_date),\n"
  "  occurrence_count INTEGER CHECK (occurrence_count IS NULL OR occurrence_count > 0),\n"
  "  weekend_shift TEXT NOT NULL DEFAULT 'none' CHECK (weekend_shift IN ('none', 'before', 'after')),\n"
  "  autopay INTEGER NOT NULL DEFAULT 0 CHECK (autopay IN (0, 1)),\n"
  "  lead_days INTEGER NOT NULL DEFAULT 3 CHECK (lead_days >= 0),\n"
  "  notes TEXT,\n"
  "  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))\n"
  ");\n"
  "CREATE TABLE due_bills (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  bill_id INTEGER NOT NULL REFERENCES bills (id) ON DELETE CASCADE,\n"
  "  occurrence_date TEXT NOT NULL CHECK (date(occurrence_date) IS occurrence_date),\n"
  "  due_date TEXT NOT NULL CHECK (date(due_date) IS due_date),\n"
  "  amount_minor INTEGER NOT NULL,\n"
  "  status TEXT NOT NULL DEFAULT 'upcoming'\n"
  "    CHECK (status IN ('upcoming', 'due', 'overdue', 'paid', 'skipped')),\n"
  "  priority INTEGER NOT NULL DEFAULT 0,\n"
  "  transaction_id INTEGER REFERENCES transactions (id) ON DELETE SET NULL,\n"
  "  UNIQUE (bill_id, occurrence_date)\n"
  ");\n"
  "CREATE INDEX due_bills_due_date ON due_bills (due_date, priority);\n"
  "CREATE TABLE audit_log (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  table_name TEXT NOT NULL,\n"
  "  row_id INTEGER NOT NULL,\n"
  "  action TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete')),\n"
  "  old_values TEXT,\n"
  "  new_values TEXT,\n"
  "  changed_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))\n"
  ");\n"
  "CREATE INDEX audit_log_row ON audit_log (table_name, row_id);\n";

/* Bills: occurrences up to settled_through are history already in the
 * transactions; a due bill someone acted on is "touched" and outlives changes
 * to its bill; an account may warn before its balance reaches zero. */
static const char migration_3[] =
  "ALTER TABLE bills ADD COLUMN settled_through TEXT\n"
  "  CHECK (settled_through IS NULL OR date(settled_through) IS settled_through);\n"
  "ALTER TABLE due_bills ADD COLUMN touched INTEGER NOT NULL DEFAULT 0 CHECK (touched IN (0, 1));\n"
  "ALTER TABLE accounts ADD COLUMN warning_threshold_minor INTEGER;\n"
  "CREATE INDEX due_bills_bill ON due_bills (bill_id, due_date);\n"
  "CREATE INDEX due_bills_transaction ON due_bills (transaction_id);\n";

/* The register: splits, running-balance checkpoints, reconciliations and
 * saved filters.
 *
 * The checkpoints are per-account totals per day and per month, kept by
 * triggers, so that the balance after any row is a sum over at most a few
 * hundred checkpoint rows plus that day's transactions, whatever the size of
 * the history. Bulk loaders (demo, import) may drop the triggers and call
 * budg_checkpoints_rebuild() instead.
 *
 * The (account_id, date, id, amount_minor) index replaces the v1 one: it
 * orders one account's rows exactly as the register does (date, then entry
 * order) and still covers the balance sums. The amount, payee and category
 * indexes let the register sort all accounts or one by those columns by
 * walking an index instead of sorting a million rows; the payee and
 * category ones also carry the date, so a search finds its matches in
 * date order without reading the table.
 */
static const char migration_4[] =
  "CREATE TABLE splits (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  transaction_id INTEGER NOT NULL REFERENCES transactions (id) ON DELETE CASCADE,\n"
  "  category_id INTEGER REFERENCES categories (id) ON DELETE SET NULL,\n"
  "  amount_minor INTEGER NOT NULL,\n"
  "  memo TEXT,\n"
  "  position INTEGER NOT NULL DEFAULT 0\n"
  ");\n"
  "CREATE INDEX splits_transaction ON splits (transaction_id, position);\n"
  "CREATE INDEX splits_category ON splits (category_id);\n"
  "CREATE TABLE account_day_totals (\n"
  "  account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,\n"
  "  day TEXT NOT NULL,\n"
  "  total_minor INTEGER NOT NULL,\n"
  "  PRIMARY KEY (account_id, day)\n"
  ") WITHOUT ROWID;\n"
  "CREATE TABLE account_month_totals (\n"
  "  account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,\n"
  "  month TEXT NOT NULL,\n"
  "  total_minor INTEGER NOT NULL,\n"
  "  PRIMARY KEY (account_id, month)\n"
  ") WITHOUT ROWID;\n"
  "CREATE TABLE reconciliations (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,\n"
  "  statement_date TEXT NOT NULL CHECK (date(statement_date) IS statement_date),\n"
  "  statement_balance_minor INTEGER NOT NULL,\n"
  "  transaction_count INTEGER NOT NULL,\n"
  "  finished_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))\n"
  ");\n"
  "CREATE INDEX reconciliations_account ON reconciliations (account_id, statement_date);\n"
  "CREATE TABLE saved_filters (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  name TEXT NOT NULL CHECK (length(trim(name)) > 0),\n"
  "  query TEXT NOT NULL\n"
  ");\n"
  "CREATE UNIQUE INDEX saved_filters_name ON saved_filters (name COLLATE NOCASE);\n"
  "DROP INDEX transactions_account_date;\n"
  "CREATE INDEX transactions_account_date ON transactions (account_id, date, id, amount_minor);\n"
  "CREATE INDEX transactions_amount ON transactions (amount_minor);\n"
  "CREATE INDEX transactions_account_amount ON transactions (account_id, amount_minor);\n"
  "DROP INDEX transactions_payee;\n"
  "CREATE INDEX transactions_payee ON transactions (payee_id, account_id, date);\n"
  "DROP INDEX transactions_category;\n"
  "CREATE INDEX transactions_category ON transactions (category_id, account_id, date);\n"
  "CREATE INDEX transactions_transfer ON transactions (transfer_id) WHERE transfer_id IS NOT NULL;\n"
  /* A search reads memos from this (usually much smaller) index instead
   * of every row of the table. */
  "CREATE INDEX transactions_memo ON transactions (memo) WHERE memo IS NOT NULL;\n"
  "INSERT INTO account_day_totals (account_id, day, total_minor)\n"
  "  SELECT account_id, date, sum(amount_minor) FROM transactions GROUP BY account_id, date;\n"
  "INSERT INTO account_month_totals (account_id, month, total_minor)\n"
  "  SELECT account_id, substr(day, 1, 7), sum(total_minor) FROM account_day_totals\n"
  "  GROUP BY account_id, substr(day, 1, 7);\n";

/* Budgets, savings goals, exchange rates and the monthly category totals
 * that budgets and reports add up. Money stays integer minor units; rates
 * are exact integers too. */
static const char migration_5[] =
  /* A budget row holds from the first day of its first period until the
   * next row of the same category; setting a budget again from a later
   * period adds a row, so earlier periods keep their amount. */
  "CREATE TABLE budgets (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  category_id INTEGER NOT NULL REFERENCES categories (id) ON DELETE CASCADE,\n"
  "  period TEXT NOT NULL CHECK (period IN ('monthly', 'weekly', 'yearly')),\n"
  "  amount_minor INTEGER NOT NULL CHECK (amount_minor >= 0),\n"
  "  currency TEXT NOT NULL CHECK (length(currency) = 3),\n"
  "  rollover TEXT NOT NULL DEFAULT 'none' CHECK (rollover IN ('none', 'leftover', 'all')),\n"
  "  from_period TEXT NOT NULL,\n"
  "  from_date TEXT NOT NULL CHECK (date(from_date) IS from_date),\n"
  "  UNIQUE (category_id, from_date)\n"
  ");\n"
  /* auto_percent_bp is a share of each income in basis points (1250 =
   * 12.5 %), so that no float is stored. */
  "CREATE TABLE goals (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  name TEXT NOT NULL CHECK (length(trim(name)) > 0),\n"
  "  target_minor INTEGER NOT NULL CHECK (target_minor > 0),\n"
  "  currency TEXT NOT NULL CHECK (length(currency) = 3),\n"
  "  by_date TEXT CHECK (by_date IS NULL OR date(by_date) IS by_date),\n"
  "  account_id INTEGER REFERENCES accounts (id) ON DELETE SET NULL,\n"
  "  auto_percent_bp INTEGER CHECK (auto_percent_bp IS NULL OR auto_percent_bp BETWEEN 1 AND 10000),\n"
  "  auto_amount_minor INTEGER CHECK (auto_amount_minor IS NULL OR auto_amount_minor > 0),\n"
  "  created_on TEXT NOT NULL CHECK (date(created_on) IS created_on),\n"
  "  CHECK (auto_percent_bp IS NULL OR auto_amount_minor IS NULL)\n"
  ");\n"
  "CREATE UNIQUE INDEX goals_name ON goals (name COLLATE NOCASE);\n"
  "CREATE TABLE goal_contributions (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  goal_id INTEGER NOT NULL REFERENCES goals (id) ON DELETE CASCADE,\n"
  "  date TEXT NOT NULL CHECK (date(date) IS date),\n"
  "  amount_minor INTEGER NOT NULL CHECK (amount_minor <> 0),\n"
  "  transaction_id INTEGER REFERENCES transactions (id) ON DELETE SET NULL,\n"
  "  note TEXT\n"
  ");\n"
  "CREATE INDEX goal_contributions_goal ON goal_contributions (goal_id, date);\n"
  "CREATE UNIQUE INDEX goal_contributions_transaction ON goal_contributions (transaction_id, goal_id)\n"
  "  WHERE transaction_id IS NOT NULL;\n"
  /* rate_e10: how many to_currency one from_currency is worth, as an
   * exact integer count of 10^-10. */
  "CREATE TABLE exchange_rates (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  from_currency TEXT NOT NULL CHECK (length(from_currency) = 3),\n"
  "  to_currency TEXT NOT NULL CHECK (length(to_currency) = 3 AND to_currency <> from_currency),\n"
  "  date TEXT NOT NULL CHECK (date(date) IS date),\n"
  "  rate_e10 INTEGER NOT NULL CHECK (rate_e10 > 0),\n"
  "  UNIQUE (from_currency, to_currency, date)\n"
  ");\n"
  /* Derived data: the non-transfer money per month, category and account,
   * kept by the triggers below (see budg-category-totals.c for the rule).
   * category_id 0 is money out without a category, -1 money in without
   * one. It is what lets a report over ten years of a million
   * transactions read a few thousand rows instead of half a million. */
  "CREATE TABLE category_month_totals (\n"
  "  month TEXT NOT NULL,\n"
  "  category_id INTEGER NOT NULL,\n"
  "  account_id INTEGER NOT NULL,\n"
  "  total_minor INTEGER NOT NULL,\n"
  "  PRIMARY KEY (month, category_id, account_id)\n"
  ") WITHOUT ROWID;\n"
  "CREATE TRIGGER category_totals_insert AFTER INSERT ON transactions BEGIN\n"
  "  INSERT INTO category_month_totals (month, category_id, account_id, total_minor)\n"
  "  SELECT substr(NEW.date, 1, 7), coalesce(NEW.category_id, CASE WHEN NEW.amount_minor > 0 THEN -1 ELSE 0 END), NEW.account_id,\n"
  "         (NEW.amount_minor - ifnull((SELECT sum(amount_minor) FROM splits WHERE transaction_id = NEW.id), 0))\n"
  "  WHERE NEW.transfer_id IS NULL\n"
  "  ON CONFLICT DO UPDATE SET total_minor = total_minor + excluded.total_minor;\n"
  "END;\n"
  /* BEFORE, because the cascade removes the split parts before any AFTER
   * trigger runs; the parts' own trigger then finds no parent and does
   * nothing. */
  "CREATE TRIGGER category_totals_delete BEFORE DELETE ON transactions BEGIN\n"
  "  INSERT INTO category_month_totals (month, category_id, account_id, total_minor)\n"
  "  SELECT substr(OLD.date, 1, 7), coalesce(OLD.category_id, CASE WHEN OLD.amount_minor > 0 THEN -1 ELSE 0 END), OLD.account_id,\n"
  "         -(OLD.amount_minor - ifnull((SELECT sum(amount_minor) FROM splits WHERE transaction_id = OLD.id), 0))\n"
  "  WHERE OLD.transfer_id IS NULL\n"
  "  ON CONFLICT DO UPDATE SET total_minor = total_minor + excluded.total_minor;\n"
  "  INSERT INTO category_month_totals (month, category_id, account_id, total_minor)\n"
  "  SELECT substr(OLD.date, 1, 7), coalesce(s.category_id, CASE WHEN s.amount_minor > 0 THEN -1 ELSE 0 END), OLD.account_id, -s.amount_minor\n"
  "  FROM splits s WHERE s.transaction_id = OLD.id AND OLD.transfer_id IS NULL\n"
  "  ON CONFLICT DO UPDATE SET total_minor = total_minor + excluded.total_minor;\n"
  "END;\n"
  "CREATE TRIGGER category_totals_update AFTER UPDATE OF account_id, date, amount_minor, category_id, transfer_id\n"
  "  ON transactions\n"
  "  WHEN OLD.account_id IS NOT NEW.account_id OR substr(OLD.date, 1, 7) IS NOT substr(NEW.date, 1, 7)\n"
  "    OR OLD.amount_minor IS NOT NEW.amount_minor OR OLD.category_id IS NOT NEW.category_id\n"
  "    OR (OLD.transfer_id IS NULL) <> (NEW.transfer_id IS NULL)\n"
  "BEGIN\n"
  "  INSERT INTO category_month_totals (month, category_id, account_id, total_minor)\n"
  "  SELECT substr(OLD.date, 1, 7), coalesce(OLD.category_id, CASE WHEN OLD.amount_minor > 0 THEN -1 ELSE 0 END), OLD.account_id,\n"
  "         -(OLD.amount_minor - ifnull((SELECT sum(amount_minor) FROM splits WHERE transaction_id = OLD.id), 0))\n"
  "  WHERE OLD.transfer_id IS NULL\n"
  "  ON CONFLICT DO UPDATE SET total_minor = total_minor + excluded.total_minor;\n"
  "  INSERT INTO category_month_totals (month, category_id, account_id, total_minor)\n"
  "  SELECT substr(OLD.date, 1, 7), coalesce(s.category_id, CASE WHEN s.amount_minor > 0 THEN -1 ELSE 0 END), OLD.account_id, -s.amount_minor\n"
  "  FROM splits s WHERE s.transaction_id = OLD.id AND OLD.transfer_id IS NULL\n"
  "  ON CONFLICT DO UPDATE SET total_minor = total_minor + excluded.total_minor;\n"
  "  INSERT INTO category_month_totals (month, category_id, account_id, total_minor)\n"
  "  SELECT substr(NEW.date, 1, 7), coalesce(NEW.category_id, CASE WHEN NEW.amount_minor > 0 THEN -1 ELSE 0 END), NEW.account_id,\n"
  "         (NEW.amount_minor - ifnull((SELECT sum(amount_minor) FROM splits WHERE transaction_id = NEW.id), 0))\n"
  "  WHERE NEW.transfer_id IS NULL\n"
  "  ON CONFLICT DO UPDATE SET total_minor = total_minor + excluded.total_minor;\n"
  "  INSERT INTO category_month_totals (month, category_id, account_id, total_minor)\n"
  "  SELECT substr(NEW.date, 1, 7), coalesce(s.category_id, CASE WHEN s.amount_minor > 0 THEN -1 ELSE 0 END), NEW.account_id, s.amount_minor\n"
  "  FROM splits s WHERE s.transaction_id = NEW.id AND NEW.transfer_id IS NULL\n"
  "  ON CONFLICT DO UPDATE SET total_minor = total_minor + excluded.total_minor;\n"
  "END;\n"
  "CREATE TRIGGER category_totals_split_insert AFTER INSERT ON splits BEGIN\n"
  "  INSERT INTO category_month_totals (month, category_id, account_id, total_minor)\n"
  "  SELECT substr(t.date, 1, 7), coalesce(NEW.category_id, CASE WHEN NEW.amount_minor > 0 THEN -1 ELSE 0 END), t.account_id, NEW.amount_minor\n"
  "  FROM transactions t WHERE t.id = NEW.transaction_id AND t.transfer_id IS NULL\n"
  "  ON CONFLICT DO UPDATE SET total_minor = total_minor + excluded.total_minor;\n"
  "  INSERT INTO category_month_totals (month, category_id, account_id, total_minor)\n"
  "  SELECT substr(t.date, 1, 7), coalesce(t.category_id, CASE WHEN t.amount_minor > 0 THEN -1 ELSE 0 END), t.account_id, -NEW.amount_minor\n"
  "  FROM transactions t WHERE t.id = NEW.transaction_id AND t.transfer_id IS NULL\n"
  "  ON CONFLICT DO UPDATE SET total_minor = total_minor + excluded.total_minor;\n"
  "END;\n"
  "CREATE TRIGGER category_totals_split_delete AFTER DELETE ON splits BEGIN\n"
  "  INSERT INTO category_month_totals (month, category_id, account_id, total_minor)\n"
  "  SELECT substr(t.date, 1, 7), coalesce(OLD.category_id, CASE WHEN OLD.amount_minor > 0 THEN -1 ELSE 0 END), t.account_id, -OLD.amount_minor\n"
  "  FROM transactions t WHERE t.id = OLD.transaction_id AND t.transfer_id IS NULL\n"
  "  ON CONFLICT DO UPDATE SET total_minor = total_minor + excluded.total_minor;\n"
  "  INSERT INTO category_month_totals (month, category_id, account_id, total_minor)\n"
  "  SELECT substr(t.date, 1, 7), coalesce(t.category_id, CASE WHEN t.amount_minor > 0 THEN -1 ELSE 0 END), t.account_id, OLD.amount_minor\n"
  "  FROM transactions t WHERE t.id = OLD.transaction_id AND t.transfer_id IS NULL\n"
  "  ON CONFLICT DO UPDATE SET total_minor = total_minor + excluded.total_minor;\n"
  "END;\n"
  "CREATE TRIGGER category_totals_split_update AFTER UPDATE OF transaction_id, category_id, amount_minor\n"
  "  ON splits BEGIN\n"
  "  INSERT INTO category_month_totals (month, category_id, account_id, total_minor)\n"
  "  SELECT substr(t.date, 1, 7), coalesce(OLD.category_id, CASE WHEN OLD.amount_minor > 0 THEN -1 ELSE 0 END), t.account_id, -OLD.amount_minor\n"
  "  FROM transactions t WHERE t.id = OLD.transaction_id AND t.transfer_id IS NULL\n"
  "  ON CONFLICT DO UPDATE SET total_minor = total_minor + excluded.total_minor;\n"
  "  INSERT INTO category_month_totals (month, category_id, account_id, total_minor)\n"
  "  SELECT substr(t.date, 1, 7), coalesce(t.category_id, CASE WHEN t.amount_minor > 0 THEN -1 ELSE 0 END), t.account_id, OLD.amount_minor\n"
  "  FROM transactions t WHERE t.id = OLD.transaction_id AND t.transfer_id IS NULL\n"
  "  ON CONFLICT DO UPDATE SET total_minor = total_minor + excluded.total_minor;\n"
  "  INSERT INTO category_month_totals (month, category_id, account_id, total_minor)\n"
  "  SELECT substr(t.date, 1, 7), coalesce(NEW.category_id, CASE WHEN NEW.amount_minor > 0 THEN -1 ELSE 0 END), t.account_id, NEW.amount_minor\n"
  "  FROM transactions t WHERE t.id = NEW.transaction_id AND t.transfer_id IS NULL\n"
  "  ON CONFLICT DO UPDATE SET total_minor = total_minor + excluded.total_minor;\n"
  "  INSERT INTO category_month_totals (month, category_id, account_id, total_minor)\n"
  "  SELECT substr(t.date, 1, 7), coalesce(t.category_id, CASE WHEN t.amount_minor > 0 THEN -1 ELSE 0 END), t.account_id, -NEW.amount_minor\n"
  "  FROM transactions t WHERE t.id = NEW.transaction_id AND t.transfer_id IS NULL\n"
  "  ON CONFLICT DO UPDATE SET total_minor = total_minor + excluded.total_minor;\n"
  "END;\n"
  /* No foreign key on account_id: the cascade of an account's transactions
   * must still be able to write here while the account is going away. */
  "CREATE TRIGGER category_totals_account_delete AFTER DELETE ON accounts BEGIN\n"
  "  DELETE FROM category_month_totals WHERE account_id = OLD.id;\n"
  "END;\n"
  /* The totals of the transactions already there. */
  "INSERT INTO category_month_totals (month, category_id, account_id, total_minor)\n"
  "  SELECT month, category_id, account_id, sum(total) FROM (\n"
  "    SELECT substr(t.date, 1, 7) AS month, coalesce(t.category_id, CASE WHEN t.amount_minor > 0 THEN -1 ELSE 0 END) AS category_id,\n"
  "           t.account_id, t.amount_minor AS total\n"
  "    FROM transactions t WHERE t.transfer_id IS NULL\n"
  "    UNION ALL\n"
  "    SELECT substr(t.date, 1, 7), coalesce(s.category_id, CASE WHEN s.amount_minor > 0 THEN -1 ELSE 0 END), t.account_id, s.amount_minor\n"
  "    FROM splits s JOIN transactions t ON t.id = s.transaction_id WHERE t.transfer_id IS NULL\n"
  "    UNION ALL\n"
  "    SELECT substr(t.date, 1, 7), coalesce(t.category_id, CASE WHEN t.amount_minor > 0 THEN -1 ELSE 0 END), t.account_id, -s.amount_minor\n"
  "    FROM splits s JOIN transactions t ON t.id = s.transaction_id WHERE t.transfer_id IS NULL\n"
  "  ) GROUP BY 1, 2, 3 HAVING sum(total) <> 0;\n";

/* Import and rules. An import is a batch, so that it can be undone as a
 * whole; imported_payee keeps the bank's own text after a rule renamed the
 * payee, so rules applied later still see what the bank wrote. Rules are
 * ordered by priority (lowest first); a NULL condition matches anything and
 * a NULL action changes nothing. Amount bounds apply to the absolute value,
 * the sign condition says which way the money went. Profiles remember how a
 * bank's CSV files are read; header_signature finds the profile again when a
 * file with the same header comes back. */
static const char migration_6[] =
  "CREATE TABLE import_batches (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  format TEXT NOT NULL,\n"
  "  filename TEXT,\n"
  "  imported_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),\n"
  "  n_imported INTEGER NOT NULL DEFAULT 0,\n"
  "  n_linked INTEGER NOT NULL DEFAULT 0\n"
  ");\n"
  "ALTER TABLE transactions ADD COLUMN import_batch_id INTEGER\n"
  "  REFERENCES import_batches (id) ON DELETE SET NULL;\n"
  "ALTER TABLE transactions ADD COLUMN imported_payee TEXT;\n"
  "CREATE INDEX transactions_import_batch ON transactions (import_batch_id)\n"
  "  WHERE import_batch_id IS NOT NULL;\n"
  "ALTER TABLE balance_snapshots ADD COLUMN import_batch_id INTEGER\n"
  "  REFERENCES import_batches (id) ON DELETE SET NULL;\n"
  "ALTER TABLE accounts ADD COLUMN import_batch_id INTEGER\n"
  "  REFERENCES import_batches (id) ON DELETE SET NULL;\n"
  "ALTER TABLE accounts ADD COLUMN bank_id TEXT;\n"
  "ALTER TABLE accounts ADD COLUMN account_number TEXT;\n"
  /* What an import changed in rows that were already there (a manual
   * transaction it linked to), so that undoing the import puts them back. */
  "CREATE TABLE import_links (\n"
  "  batch_id INTEGER NOT NULL REFERENCES import_batches (id) ON DELETE CASCADE,\n"
  "  transaction_id INTEGER NOT NULL REFERENCES transactions (id) ON DELETE CASCADE,\n"
  "  old_status TEXT NOT NULL,\n"
  "  PRIMARY KEY (batch_id, transaction_id)\n"
  ");\n"
  "CREATE INDEX import_links_transaction ON import_links (transaction_id);\n"
  "CREATE TABLE rules (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  name TEXT NOT NULL CHECK (length(trim(name)) > 0),\n"
  "  priority INTEGER NOT NULL DEFAULT 0,\n"
  "  enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),\n"
  "  continue_matching INTEGER NOT NULL DEFAULT 0 CHECK (continue_matching IN (0, 1)),\n"
  "  case_sensitive INTEGER NOT NULL DEFAULT 0 CHECK (case_sensitive IN (0, 1)),\n"
  "  payee_op TEXT CHECK (payee_op IN ('contains', 'is', 'starts-with', 'regex')),\n"
  "  payee_value TEXT,\n"
  "  memo_op TEXT CHECK (memo_op IN ('contains', 'is', 'starts-with', 'regex')),\n"
  "  memo_value TEXT,\n"
  "  min_amount_minor INTEGER CHECK (min_amount_minor IS NULL OR min_amount_minor >= 0),\n"
  "  max_amount_minor INTEGER CHECK (max_amount_minor IS NULL OR max_amount_minor >= 0),\n"
  "  sign TEXT NOT NULL DEFAULT 'any' CHECK (sign IN ('any', 'out', 'in')),\n"
  "  account_id INTEGER REFERENCES accounts (id) ON DELETE CASCADE,\n"
  "  set_category_id INTEGER REFERENCES categories (id) ON DELETE SET NULL,\n"
  "  set_payee TEXT,\n"
  "  set_memo TEXT,\n"
  "  set_status TEXT CHECK (set_status IN ('pending', 'cleared', 'reconciled')),\n"
  "  CHECK ((payee_op IS NULL) = (payee_value IS NULL)),\n"
  "  CHECK ((memo_op IS NULL) = (memo_value IS NULL))\n"
  ");\n"
  "CREATE INDEX rules_priority ON rules (priority, id);\n"
  "CREATE TABLE import_profiles (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  name TEXT NOT NULL CHECK (length(trim(name)) > 0),\n"
  "  settings TEXT NOT NULL,\n"
  "  header_signature TEXT,\n"
  "  account_id INTEGER REFERENCES accounts (id) ON DELETE SET NULL,\n"
  "  last_used_at TEXT\n"
  ");\n"
  "CREATE UNIQUE INDEX import_profiles_name ON import_profiles (name COLLATE NOCASE);\n"
  "CREATE INDEX import_profiles_signature ON import_profiles (header_signature);\n";

/* Bank connections through Plaid. An item is one login at one bank; its
 * access token lives only in the keyring, under the item id and the
 * environment. The cursor is Plaid's position in the item's transaction
 * history, written only when a whole sync succeeded. Each of the bank's
 * accounts maps to a Budg account (NULL until the user chose, or when
 * the Budg account was deleted: the sync then skips its rows). */
static const char migration_7[] =
  "CREATE TABLE plaid_items (\n"
  "  item_id TEXT PRIMARY KEY,\n"
  "  environment TEXT NOT NULL CHECK (environment IN ('sandbox', 'production')),\n"
  "  institution_name TEXT,\n"
  "  cursor TEXT NOT NULL DEFAULT '',\n"
  "  state TEXT NOT NULL DEFAULT 'ok' CHECK (state IN ('ok', 'needs-login', 'error')),\n"
  "  last_sync_at TEXT,\n"
  "  last_error TEXT,\n"
  "  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))\n"
  ");\n"
  "CREATE TABLE plaid_accounts (\n"
  "  plaid_account_id TEXT PRIMARY KEY,\n"
  "  item_id TEXT NOT NULL REFERENCES plaid_items (item_id) ON DELETE CASCADE,\n"
  "  account_id INTEGER REFERENCES accounts (id) ON DELETE SET NULL,\n"
  "  name TEXT NOT NULL,\n"
  "  mask TEXT,\n"
  "  type TEXT,\n"
  "  subtype TEXT\n"
  ");\n"
  "CREATE INDEX plaid_accounts_item ON plaid_accounts (item_id);\n"
  "CREATE INDEX plaid_accounts_account ON plaid_accounts (account_id);\n"
  "ALTER TABLE transactions ADD COLUMN authorized_date TEXT\n"
  "  CHECK (authorized_date IS NULL OR date(authorized_date) IS authorized_date);\n";

/* Reminders: what was notified, so that each event of an occurrence (due
 * soon, due today, overdue) is notified once, and what was snoozed, so that
 * a check skips it until the date given. kind says what subject_id and
 * occurrence name: a bill and its occurrence date for the bill kinds. Both
 * tables are bookkeeping of the notifier, not user data, so the audit log
 * leaves them out. For the budget kinds, subject_id is the budget's category
 * and occurrence its period; for a large transaction, its id and date. */
static const char migration_8[] =
  "CREATE TABLE reminders_sent (\n"
  "  kind TEXT NOT NULL CHECK (kind IN ('bill-upcoming', 'bill-due-today', 'bill-overdue',\n"
  "                                   'budget-warning', 'budget-limit', 'transaction-large',\n"
  "                                   'bank-needs-login')),\n"
  "  subject_id INTEGER NOT NULL,\n"
  "  occurrence TEXT NOT NULL,\n"
  "  sent_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),\n"
  "  PRIMARY KEY (kind, subject_id, occurrence)\n"
  ");\n"
  "CREATE TABLE reminder_snoozes (\n"
  "  bill_id INTEGER NOT NULL REFERENCES bills (id) ON DELETE CASCADE,\n"
  "  occurrence_date TEXT NOT NULL CHECK (date(occurrence_date) IS occurrence_date),\n"
  "  until TEXT NOT NULL CHECK (date(until) IS until),\n"
  "  PRIMARY KEY (bill_id, occurrence_date)\n"
  ");\n";

static const char * const migrations[] = {
  NULL,
  migration_1,
  migration_2,
  migration_3,
  migration_4,
  migration_5,
  migration_6,
  migration_7,
  migration_8,
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == BUDG_DATABASE_SCHEMA_VERSION + 1);

/* The user tables whose every change the audit log records. */
static const char * const audited_tables[] = {
  "accounts",
  "balance_snapshots",
  "categories",
  "payees",
  "transactions",
  "bills",
  "due_bills",
  "splits",
  "reconciliations",
  "saved_filters",
  "budgets",
  "goals",
  "goal_contributions",
  "exchange_rates",
  "rules",
  "import_profiles",
};

const char *
budg_migrations_get_sql (int version)
{
  g_return_val_if_fail (version >= 1 && version <= BUDG_DATABASE_SCHEMA_VERSION, NULL);

  return migrations[version];
}

static char *
build_json_object (GPtrArray  *columns,
                   const char *row)
{
  GString *json = g_string_new ("json_object(");

  for (guint i = 0; i < columns->len; i++)
    {
      const char *column = g_ptr_array_index (columns, i);

      g_string_append_printf (json, "%s'%s', %s.%s", i > 0 ? ", " : "", column, row, column);
    }
  g_string_append_c (json, ')');

  return g_string_free (json, FALSE);
}

char *
budg_migrations_build_drop_audit_triggers (void)
{
  GString *sql = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (audited_tables); i++)
    g_string_append_printf (sql,
                            "DROP TRIGGER IF EXISTS audit_%1$s_insert;\n"
                            "DROP TRIGGER IF EXISTS audit_%1$s_update;\n"
                            "DROP TRIGGER IF EXISTS audit_%1$s_delete;\n",
                            audited_tables[i]);

  return g_string_free (sql, FALSE);
}

/* The triggers are generated from the live column lists, so that a migration
 * that adds a column only has to call this again for the audit log to record
 * the new column too. Table and column names come from our own schema, never
 * from user input.
 */
char *
budg_migrations_build_audit_triggers (sqlite3  *db,
                                      GError  **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autofree char *drop = budg_migrations_build_drop_audit_triggers ();

  g_string_append (sql, drop);

  for (guint i = 0; i < G_N_ELEMENTS (audited_tables); i++)
    {
      const char *table = audited_tables[i];
      g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *pragma = g_strdup_printf ("PRAGMA table_info(%s)", table);
      g_autofree char *old_json = NULL;
      g_autofree char *new_json = NULL;
      g_autoptr(GString) changed = g_string_new (NULL);
      sqlite3_stmt *stmt = NULL;

      if (sqlite3_prepare_v2 (db, pragma, -1, &stmt, NULL) != SQLITE_OK)
        {
          g_set_error (error, BUDG_ERROR, BUDG_ERROR_DATABASE,
                       "Could not read the columns of %s: %s", table, sqlite3_errmsg (db));
          return NULL;
        }
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_ptr_array_add (columns, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
      sqlite3_finalize (stmt);

      for (guint c = 0; c < columns->len; c++)
        g_string_append_printf (changed, "%1$sOLD.%2$s IS NOT NEW.%2$s", c > 0 ? " OR " : "",
                                (const char *) g_ptr_array_index (columns, c));

      old_json = build_json_object (columns, "OLD");
      new_json = build_json_object (columns, "NEW");

      g_string_append_printf (sql,
                              "CREATE TRIGGER audit_%1$s_insert AFTER INSERT ON %1$s BEGIN\n"
                              "  INSERT INTO audit_log (table_name, row_id, action, new_values)\n"
                              "  VALUES ('%1$s', NEW.id, 'insert', %3$s);\n"
                              "END;\n"
                              "CREATE TRIGGER audit_%1$s_update AFTER UPDATE ON %1$s WHEN %4$s BEGIN\n"
                              "  INSERT INTO audit_log (table_name, row_id, action, old_values, new_values)\n"
                              "  VALUES ('%1$s', NEW.id, 'update', %2$s, %3$s);\n"
                              "END;\n"
                              "CREATE TRIGGER audit_%1$s_delete AFTER DELETE ON %1$s BEGIN\n"
                              "  INSERT INTO audit_log (table_name, row_id, action, old_values)\n"
                              "  VALUES ('%1$s', OLD.id, 'delete', %2$s);\n"
                              "END;\n",
                              table, old_json, new_json, changed->str);
    }

  return g_string_free (g_steal_pointer (&sql), FALSE);
}
