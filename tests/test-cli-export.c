/* test-cli-export.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-cli-export"

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <string.h>

#include "cli-test-util.h"

/* The export and profile commands of budg-cli, spawned on temporary
 * databases: the files they write, the JSON members scripts rely on, the
 * exit statuses of wrong usage and bad input, and the round trip through
 * "budg-cli import" into a fresh database.
 *
 * The seed: Checking (USD) with "Café Crème" (cleared), a salary
 * (reconciled), a split purchase and a transfer to Visa (credit card,
 * USD); Tokyo (JPY, cash) with one expense.
 */

typedef struct
{
  char *dir;
  char *db;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("budg-cli-export-XXXXXX", &error);
  g_assert_no_error (error);
  f->db = g_build_filename (f->dir, "budg.db", NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  remove_tree (f->dir);
  g_clear_pointer (&f->dir, g_free);
  g_clear_pointer (&f->db, g_free);
}

static GPtrArray *
collect_args (va_list ap)
{
  GPtrArray *args = g_ptr_array_new ();
  const char *arg;

  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (gpointer) arg);
  g_ptr_array_add (args, NULL);

  return args;
}

static void
run_ok (const char *db,
        ...) G_GNUC_NULL_TERMINATED;

static void
run_ok (const char *db,
        ...)
{
  g_autoptr(GPtrArray) args = NULL;
  va_list ap;

  va_start (ap, db);
  args = collect_args (ap);
  va_end (ap);

  cli_run_ok_argv (db, (const char * const *) args->pdata);
}

static JsonNode *
run_json (const char *db,
          ...) G_GNUC_NULL_TERMINATED;

static JsonNode *
run_json (const char *db,
          ...)
{
  g_autoptr(GPtrArray) args = NULL;
  va_list ap;

  va_start (ap, db);
  args = collect_args (ap);
  va_end (ap);

  return cli_run_json_argv (db, (const char * const *) args->pdata);
}

/* Runs a command and keeps its status and output in @result. */
static void
run (const char *db,
     CliResult  *result,
     ...) G_GNUC_NULL_TERMINATED;

static void
run (const char *db,
     CliResult  *result,
     ...)
{
  g_autoptr(GPtrArray) args = NULL;
  va_list ap;

  va_start (ap, result);
  args = collect_args (ap);
  va_end (ap);

  run_cliv (db, (const char * const *) args->pdata, result);
}

static void
seed (Fixture *f)
{
  g_autoptr(JsonNode) added = NULL;
  g_autofree char *id = NULL;

  run_ok (f->db, "init", NULL);
  run_ok (f->db, "account", "add", "Checking", "--kind", "checking", "--currency", "USD", NULL);
  run_ok (f->db, "account", "add", "Visa", "--kind", "credit-card", "--currency", "USD", NULL);
  run_ok (f->db, "account", "add", "Tokyo", "--kind", "cash", "--currency", "JPY", NULL);
  run_ok (f->db, "category", "add", "Food:Groceries", NULL);
  run_ok (f->db, "category", "add", "Home", NULL);
  run_ok (f->db, "category", "add", "Salary", "--income", NULL);
  run_ok (f->db, "txn", "add", "--account", "Checking", "--date", "2026-01-02", "--amount", "-12.50",
          "--payee", "Café Crème", "--category", "Food:Groceries", "--memo", "deux, \"serrés\"",
          "--status", "cleared", NULL);
  run_ok (f->db, "txn", "add", "--account", "Checking", "--date", "2026-01-05", "--amount", "3000",
          "--payee", "Employer & Co", "--category", "Salary", "--status", "reconciled", NULL);
  added = run_json (f->db, "txn", "add", "--account", "Checking", "--date", "2026-01-10", "--amount", "-50",
                    "--payee", "Supermarché", NULL);
  id = g_strdup_printf ("%" G_GINT64_FORMAT, member_int (root_object (added), "id"));
  run_ok (f->db, "txn", "split", id, "--part", "Food:Groceries=30", "--part", "Home=20", NULL);
  run_ok (f->db, "transfer", "--from", "Checking", "--to", "Visa", "--date", "2026-02-01",
          "--amount", "100", NULL);
  run_ok (f->db, "txn", "add", "--account", "Tokyo", "--date", "2026-01-03", "--amount", "-1500",
          "--payee", "ラーメン", NULL);
}

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);

  return text;
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    n += *p == '\n';

  return n;
}

/* How many transactions `txn list` shows for @account (NULL: all) within
 * the range: the reference for the export counts. */
static guint
count_listed (Fixture    *f,
              const char *account,
              const char *from,
              const char *to)
{
  g_autoptr(JsonNode) root = run_json (f->db, "txn", "list", "--limit", "1000", NULL);
  JsonArray *rows = root_array (root);
  guint n = 0;

  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      const char *date = member_string (row, "date");

      if ((account == NULL || g_strcmp0 (member_string (row, "account"), account) == 0) &&
          (from == NULL || strcmp (date, from) >= 0) && (to == NULL || strcmp (date, to) <= 0))
        n++;
    }

  return n;
}

static void
test_export_csv (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "all.csv", NULL);
  g_autofree char *text = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_auto(CliResult) stdout_result = { 0 };
  g_auto(CliResult) plain = { 0 };
  JsonObject *object;

  seed (f);

  root = run_json (f->db, "export", "csv", path, NULL);
  object = root_object (root);
  g_assert_cmpstr (member_string (object, "file"), ==, path);
  g_assert_cmpstr (member_string (object, "format"), ==, "csv");
  g_assert_cmpint (member_int (object, "transactions"), ==, count_listed (f, NULL, NULL, NULL));
  g_assert_cmpint (member_int (object, "transactions"), ==, 6);

  text = read_text (path);
  g_assert_true (g_str_has_prefix (text, "Date,Account,Payee,Category,Memo,Amount,Currency,Status,Id\r\n"));
  g_assert_cmpuint (count_lines (text), ==, 1 + 6);
  g_assert_nonnull (strstr (text, "2026-01-02,Checking,Café Crème,Food:Groceries,\"deux, \"\"serrés\"\"\",-12.50,USD,cleared,budg-"));
  g_assert_nonnull (strstr (text, ",Employer & Co,Salary,,3000.00,USD,reconciled,"));
  g_assert_nonnull (strstr (text, "2026-02-01,Checking,,[Visa],,-100.00,USD,pending,"));
  g_assert_nonnull (strstr (text, "2026-02-01,Visa,,[Checking],,100.00,USD,pending,"));
  g_assert_nonnull (strstr (text, "2026-01-03,Tokyo,ラーメン,,,-1500,JPY,pending,"));
  /* The split purchase is one line with its total and no category. */
  g_assert_nonnull (strstr (text, "2026-01-10,Checking,Supermarché,,,-50.00,USD,pending,"));

  /* "-" prints the same file. */
  run (f->db, &stdout_result, "export", "csv", "-", NULL);
  g_assert_cmpint (stdout_result.status, ==, 0);
  g_assert_cmpstr (stdout_result.out, ==, text);

  /* One account and a range. */
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&root, json_node_unref);
  root = run_json (f->db, "export", "csv", path, "--account", "Checking", "--from", "2026-01-05",
                   "--to", "2026-01-31", NULL);
  g_assert_cmpint (member_int (root_object (root), "transactions"), ==,
                   count_listed (f, "Checking", "2026-01-05", "2026-01-31"));
  g_assert_cmpint (member_int (root_object (root), "transactions"), ==, 2);
  text = read_text (path);
  g_assert_cmpuint (count_lines (text), ==, 1 + 2);
  g_assert_null (strstr (text, "Café"));

  run (f->db, &plain, "export", "csv", path, "--from", "2026-01-03", "--to", "2026-01-03", NULL);
  g_assert_cmpint (plain.status, ==, 0);
  g_assert_cmpstr (plain.err, ==, "");
  g_assert_nonnull (strstr (plain.out, "Wrote 1 transaction to"));
  g_assert_nonnull (strstr (plain.out, "(CSV)"));
}

static void
test_export_qif_ofx (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *qif = g_build_filename (f->dir, "checking.qif", NULL);
  g_autofree char *ofx = g_build_filename (f->dir, "visa.ofx", NULL);
  g_autofree char *text = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_auto(CliResult) stdout_result = { 0 };

  seed (f);

  root = run_json (f->db, "export", "qif", qif, "--account", "Checking", NULL);
  g_assert_cmpstr (member_string (root_object (root), "format"), ==, "qif");
  g_assert_cmpint (member_int (root_object (root), "transactions"), ==, count_listed (f, "Checking", NULL, NULL));
  text = read_text (qif);
  g_assert_true (g_str_has_prefix (text, "!Account\nNChecking\nTBank\n^\n!Type:Bank\nD2026-01-02\nT-12.50\nC*\nPCafé Crème\n"));
  g_assert_nonnull (strstr (text, "T3000.00\nCX\nPEmployer & Co\nLSalary\n^\n"));
  g_assert_nonnull (strstr (text, "SFood:Groceries\n$-30.00\nSHome\n$-20.00\n^\n"));
  g_assert_nonnull (strstr (text, "D2026-02-01\nT-100.00\nL[Visa]\n^\n"));
  g_assert_null (strstr (text, "Tokyo"));

  g_clear_pointer (&root, json_node_unref);
  g_clear_pointer (&text, g_free);
  root = run_json (f->db, "export", "ofx", ofx, "--account", "Visa", "--from", "2026-01-01",
                   "--to", "2026-03-31", NULL);
  g_assert_cmpstr (member_string (root_object (root), "format"), ==, "ofx");
  g_assert_cmpint (member_int (root_object (root), "transactions"), ==, 1);
  text = read_text (ofx);
  g_assert_nonnull (strstr (text, "<CREDITCARDMSGSRSV1>"));
  g_assert_nonnull (strstr (text, "<CCACCTFROM>\n          <ACCTID>Visa</ACCTID>\n        </CCACCTFROM>"));
  g_assert_nonnull (strstr (text, "<CURDEF>USD</CURDEF>"));
  g_assert_nonnull (strstr (text, "<TRNTYPE>CREDIT</TRNTYPE>"));
  g_assert_nonnull (strstr (text, "<TRNAMT>100.00</TRNAMT>"));
  g_assert_nonnull (strstr (text, "<BALAMT>100.00</BALAMT>"));
  g_assert_nonnull (strstr (text, "<DTASOF>20260331</DTASOF>"));

  /* The XML is escaped. */
  run (f->db, &stdout_result, "export", "ofx", "-", "--account", "Checking", NULL);
  g_assert_cmpint (stdout_result.status, ==, 0);
  g_assert_nonnull (strstr (stdout_result.out, "<NAME>Employer &amp; Co</NAME>"));
  g_assert_nonnull (strstr (stdout_result.out, "<BANKACCTFROM>"));
}

static void
test_export_errors (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "out.qif", NULL);
  g_autofree char *missing_dir = g_build_filename (f->dir, "no", "such", "out.csv", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  struct
  {
    int         status;
    const char *args[10];
  } cases[] = {
    { 2, { "export", "qif", path, NULL } },
    { 2, { "export", "ofx", path, NULL } },
    { 2, { "export", "csv", NULL } },
    { 2, { "export", "csv", path, "--bogus", NULL } },
    { 2, { "export", "csv", "-", "--json", NULL } },
    { 2, { "export", "csv", path, "extra", NULL } },
    { 1, { "export", "qif", path, "--account", "Nowhere", NULL } },
    { 1, { "export", "csv", path, "--from", "2026-13-01", NULL } },
    { 1, { "export", "csv", path, "--from", "2026-02-01", "--to", "2026-01-01", NULL } },
    { 1, { "export", "csv", missing_dir, NULL } },
  };

  seed (f);
  before = dump_database (f->db);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(CliResult) result = { 0 };

      run_cliv (f->db, cases[i].args, &result);
      g_assert_cmpint (result.status, ==, cases[i].status);
      g_assert_cmpstr (result.err, !=, "");
      g_assert_cmpstr (result.out, ==, "");
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    }

  g_assert_false (g_file_test (missing_dir, G_FILE_TEST_EXISTS));
  after = dump_database (f->db);
  g_assert_cmpstr (after, ==, before);
}

/* Adds a profile as an import with --save-profile would, straight into the
 * file: the CLI has no command that only saves one. */
static void
insert_profile (Fixture    *f,
                const char *name,
                const char *settings,
                const char *signature,
                gint64      account_id,
                const char *last_used_at)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open (f->db, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "INSERT INTO import_profiles"
                                           " (name, settings, header_signature, account_id, last_used_at)"
                                           " VALUES (?1, ?2, ?3, ?4, ?5)", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, settings, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, signature, -1, SQLITE_STATIC);
  if (account_id != 0)
    sqlite3_bind_int64 (stmt, 4, account_id);
  sqlite3_bind_text (stmt, 5, last_used_at, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static void
test_profiles (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(JsonNode) empty = NULL;
  g_autoptr(JsonNode) list = NULL;
  g_autoptr(JsonNode) deleted = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_auto(CliResult) text = { 0 };
  g_auto(CliResult) again = { 0 };
  g_auto(CliResult) no_name = { 0 };
  g_auto(CliResult) extra = { 0 };
  JsonObject *profile;
  JsonObject *settings;
  gint64 bank_id;

  seed (f);

  empty = run_json (f->db, "profile", "list", NULL);
  g_assert_cmpuint (json_array_get_length (root_array (empty)), ==, 0);

  insert_profile (f, "My Bank", "[csv]\nversion=1\ndelimiter=semicolon\ndate-order=dmy\ncolumns=date=1,payee=2,amount=3\n",
                  "semicolon:date|description|amount", 1, "2026-03-01T10:00:00Z");
  insert_profile (f, "Another", "[csv]\nversion=1\n", NULL, 0, NULL);

  list = run_json (f->db, "profile", "list", NULL);
  g_assert_cmpuint (json_array_get_length (root_array (list)), ==, 2);
  /* By name. */
  profile = json_array_get_object_element (root_array (list), 0);
  g_assert_cmpstr (member_string (profile, "name"), ==, "Another");
  g_assert_true (member_is_null (profile, "signature"));
  g_assert_true (member_is_null (profile, "account"));
  g_assert_true (member_is_null (profile, "last_used_at"));
  profile = find_by_string (root_array (list), "name", "My Bank");
  g_assert_nonnull (profile);
  bank_id = member_int (profile, "id");
  g_assert_cmpint (bank_id, >, 0);
  g_assert_cmpstr (member_string (profile, "signature"), ==, "semicolon:date|description|amount");
  g_assert_cmpstr (member_string (profile, "account"), ==, "Checking");
  g_assert_cmpstr (member_string (profile, "last_used_at"), ==, "2026-03-01T10:00:00Z");
  settings = json_object_get_object_member (profile, "settings");
  g_assert_nonnull (settings);
  g_assert_cmpstr (member_string (settings, "delimiter"), ==, "semicolon");
  g_assert_cmpstr (member_string (settings, "date-order"), ==, "dmy");
  g_assert_cmpstr (member_string (settings, "columns"), ==, "date=1,payee=2,amount=3");
  g_assert_cmpuint (json_object_get_size (settings), ==, 4);

  run (f->db, &text, "profile", "list", NULL);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out, "My Bank"));
  g_assert_nonnull (strstr (text.out, "2026-03-01T10:00:00Z"));

  /* Delete by name in any case; then it is gone. */
  deleted = run_json (f->db, "profile", "delete", "my bank", NULL);
  g_assert_cmpint (member_int (root_object (deleted), "id"), ==, bank_id);
  g_assert_true (member_boolean (root_object (deleted), "deleted"));
  after = run_json (f->db, "profile", "list", NULL);
  g_assert_cmpuint (json_array_get_length (root_array (after)), ==, 1);
  g_assert_null (find_by_string (root_array (after), "name", "My Bank"));

  run (f->db, &again, "profile", "delete", "My Bank", NULL);
  g_assert_cmpint (again.status, ==, 1);
  g_assert_nonnull (strstr (again.err, "My Bank"));
  run (f->db, &no_name, "profile", "delete", NULL);
  g_assert_cmpint (no_name.status, ==, 2);
  run (f->db, &extra, "profile", "list", "extra", NULL);
  g_assert_cmpint (extra.status, ==, 2);
}

/* Compares two `txn list --json` results row by row on what the format
 * carries. */
static void
assert_same_rows (JsonArray *want,
                  JsonArray *got,
                  gboolean   with_category,
                  gboolean   with_status,
                  gboolean   with_splits)
{
  g_assert_cmpuint (json_array_get_length (got), ==, json_array_get_length (want));

  for (guint i = 0; i < json_array_get_length (want); i++)
    {
      JsonObject *a = json_array_get_object_element (want, i);
      JsonObject *b = json_array_get_object_element (got, i);

      g_assert_cmpstr (member_string (b, "date"), ==, member_string (a, "date"));
      g_assert_cmpint (member_int (b, "amount_minor"), ==, member_int (a, "amount_minor"));
      g_assert_cmpstr (member_string (b, "currency"), ==, member_string (a, "currency"));
      g_assert_cmpstr (member_string (b, "payee"), ==, member_string (a, "payee"));
      g_assert_cmpstr (member_string (b, "memo"), ==, member_string (a, "memo"));
      if (with_category)
        g_assert_cmpstr (member_string (b, "category"), ==, member_string (a, "category"));
      if (with_status)
        g_assert_cmpstr (member_string (b, "status"), ==, member_string (a, "status"));
      if (with_splits)
        g_assert_cmpint (member_int (b, "split_count"), ==, member_int (a, "split_count"));
    }
}

/* Export → `budg-cli import` into a fresh database → the same rows; the
 * same file imported again adds nothing. The seed for this one has no
 * transfer: a one-account file cannot hold the other side. */
static void
test_import_round_trip (Fixture       *f,
                        gconstpointer  data)
{
  const char *formats[] = { "csv", "qif", "ofx" };
  g_autoptr(JsonNode) want = NULL;

  run_ok (f->db, "init", NULL);
  run_ok (f->db, "account", "add", "Checking", "--kind", "checking", "--currency", "USD", NULL);
  run_ok (f->db, "category", "add", "Food:Groceries", NULL);
  run_ok (f->db, "category", "add", "Home", NULL);
  run_ok (f->db, "txn", "add", "--account", "Checking", "--date", "2026-01-02", "--amount", "-12.50",
          "--payee", "Café Crème", "--category", "Food:Groceries", "--memo", "deux, \"serrés\"",
          "--status", "cleared", NULL);
  run_ok (f->db, "txn", "add", "--account", "Checking", "--date", "2026-01-05", "--amount", "3000",
          "--payee", "Employer & Co", "--status", "reconciled", NULL);
  run_ok (f->db, "txn", "add", "--account", "Checking", "--date", "2026-01-05", "--amount", "0.01",
          "--memo", "tiny", NULL);
  run_ok (f->db, "txn", "add", "--account", "Checking", "--date", "2026-01-10", "--amount", "-50",
          "--payee", "Supermarché", NULL);
  run_ok (f->db, "txn", "split", "4", "--part", "Food:Groceries=30", "--part", "Home=20", NULL);
  want = run_json (f->db, "txn", "list", "--sort", "date", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *file = g_strdup_printf ("%s/export.%s", f->dir, formats[i]);
      g_autofree char *fresh = g_strdup_printf ("%s/fresh-%s.db", f->dir, formats[i]);
      g_autoptr(JsonNode) imported = NULL;
      g_autoptr(JsonNode) twice = NULL;
      g_autoptr(JsonNode) got = NULL;

      run_ok (f->db, "export", formats[i], file, "--account", "Checking", NULL);
      run_ok (fresh, "init", NULL);
      imported = run_json (fresh, "import", file, NULL);
      g_assert_cmpint (member_int (root_object (imported), "imported"), ==, 4);
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root_object (imported), "rejected")), ==, 0);

      got = run_json (fresh, "txn", "list", "--sort", "date", NULL);
      /* QIF carries categories, statuses and splits; CSV categories; OFX is
       * a bank statement (the importer marks its rows cleared). */
      assert_same_rows (root_array (want), root_array (got),
                        !g_str_equal (formats[i], "ofx"),
                        g_str_equal (formats[i], "qif"),
                        g_str_equal (formats[i], "qif"));

      /* The same file again: nothing new. */
      twice = run_json (fresh, "import", file, NULL);
      g_assert_cmpint (member_int (root_object (twice), "imported"), ==, 0);
      g_clear_pointer (&got, json_node_unref);
      got = run_json (fresh, "txn", "list", "--sort", "date", NULL);
      g_assert_cmpuint (json_array_get_length (root_array (got)), ==, 4);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli-export/export/csv", Fixture, NULL, fixture_setup, test_export_csv, fixture_teardown);
  g_test_add ("/cli-export/export/qif-ofx", Fixture, NULL, fixture_setup, test_export_qif_ofx, fixture_teardown);
  g_test_add ("/cli-export/export/errors", Fixture, NULL, fixture_setup, test_export_errors, fixture_teardown);
  g_test_add ("/cli-export/profile/list-delete", Fixture, NULL, fixture_setup, test_profiles, fixture_teardown);
  g_test_add ("/cli-export/import/round-trip", Fixture, NULL, fixture_setup, test_import_round_trip, fixture_teardown);

  return g_test_run ();
}
