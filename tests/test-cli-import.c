/* test-cli-import.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-cli-import"

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "cli-test-util.h"

/* "budg-cli import" spawned on temporary databases with the real bank files
 * of tests/data/import: the JSON members scripts rely on (the issue's
 * contract), the facts the corpus's MANIFEST gives for each file, importing
 * twice, dry runs, CSV profiles, rules, links to transactions entered by
 * hand, and bad input leaving the database dump unchanged with nothing on
 * stdout. */

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

  f->dir = g_dir_make_tmp ("budg-cli-import-XXXXXX", &error);
  g_assert_no_error (error);
  f->db = g_build_filename (f->dir, "budg.db", NULL);

  cli_run_ok_argv (f->db, (const char *[]) { "init", NULL });
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  remove_tree (f->dir);
  g_clear_pointer (&f->dir, g_free);
  g_clear_pointer (&f->db, g_free);
}

static char *
data_file (const char *name)
{
  return g_build_filename (g_getenv ("BUDG_TEST_DATA"), "import", name, NULL);
}

static char *
write_file (Fixture    *f,
            const char *name,
            const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (f->dir, name, NULL);

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);

  return path;
}

/* Imports with --json and returns the object it printed. */
static JsonNode *
import_json (Fixture            *f,
             const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (gpointer) "import");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  return cli_run_json_argv (f->db, (const char * const *) argv->pdata);
}

static gint64
sum_amounts (Fixture    *f,
             const char *account)
{
  g_autoptr(JsonNode) root = cli_run_json_argv (f->db, (const char *[]) {
    "txn", "list", "--account", account, NULL });
  JsonArray *rows = root_array (root);
  gint64 sum = 0;

  for (guint i = 0; i < json_array_get_length (rows); i++)
    sum += member_int (json_array_get_object_element (rows, i), "amount_minor");

  return sum;
}

static guint
count_transactions (Fixture *f)
{
  g_autoptr(JsonNode) root = cli_run_json_argv (f->db, (const char *[]) { "txn", "list", NULL });

  return json_array_get_length (root_array (root));
}

/* Every member of the contract is there, with its type. */
static void
assert_contract (JsonObject *object)
{
  static const char * const counts[] = { "imported", "duplicates", "possible_duplicates", "linked" };
  JsonArray *accounts;

  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    g_assert_cmpint (member_int (object, counts[i]), >=, 0);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "rejected")));
  accounts = json_object_get_array_member (object, "accounts");
  g_assert_nonnull (accounts);
  for (guint i = 0; i < json_array_get_length (accounts); i++)
    {
      JsonObject *account = json_array_get_object_element (accounts, i);

      g_assert_nonnull (member_string (account, "name"));
      g_assert_cmpuint (strlen (member_string (account, "currency")), ==, 3);
      member_boolean (account, "created");
      g_assert_cmpint (member_int (account, "imported"), >=, 0);
    }
}

static void
test_ofx_twice (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = data_file ("ofxparse__bank_medium.ofx");
  g_autoptr(JsonNode) first = import_json (f, (const char *[]) { path, NULL });
  g_autoptr(JsonNode) second = NULL;
  g_autoptr(JsonNode) balances = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  JsonObject *object = root_object (first);
  JsonObject *account;
  gint64 account_id;

  assert_contract (object);
  /* MANIFEST #1: three rows summing to -345.27 CAD, ledger balance 382.34
   * on 2009-05-23. */
  g_assert_cmpint (member_int (object, "imported"), ==, 3);
  g_assert_cmpint (member_int (object, "duplicates"), ==, 0);
  /* Its INTU.BID makes it Quicken's flavour. */
  g_assert_cmpstr (member_string (object, "format"), ==, "qfx");
  g_assert_false (member_boolean (object, "dry_run"));
  g_assert_cmpint (member_int (object, "batch"), >, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "accounts")), ==, 1);
  account = json_array_get_object_element (json_object_get_array_member (object, "accounts"), 0);
  g_assert_true (member_boolean (account, "created"));
  g_assert_cmpstr (member_string (account, "currency"), ==, "CAD");
  account_id = member_int (account, "id");
  g_assert_cmpint (sum_amounts (f, member_string (account, "name")), ==, -34527);

  balances = cli_run_json_argv (f->db, (const char *[]) { "balance", "list", NULL });
  g_assert_nonnull (find_by_string (root_array (balances), "date", "2009-05-23"));
  g_assert_cmpint (member_int (find_by_string (root_array (balances), "date", "2009-05-23"), "amount_minor"),
                   ==, 38234);

  /* Again: the account is found by its number, every row is a duplicate,
   * and no transaction changes. */
  {
    g_autoptr(JsonNode) list = cli_run_json_argv (f->db, (const char *[]) { "txn", "list", NULL });

    before = json_to_string (list, FALSE);
  }
  second = import_json (f, (const char *[]) { path, NULL });
  object = root_object (second);
  g_assert_cmpint (member_int (object, "imported"), ==, 0);
  g_assert_cmpint (member_int (object, "duplicates"), ==, 3);
  account = json_array_get_object_element (json_object_get_array_member (object, "accounts"), 0);
  g_assert_false (member_boolean (account, "created"));
  g_assert_cmpint (member_int (account, "id"), ==, account_id);
  {
    g_autoptr(JsonNode) list = cli_run_json_argv (f->db, (const char *[]) { "txn", "list", NULL });

    after = json_to_string (list, FALSE);
  }
  g_assert_cmpstr (before, ==, after);
}

static void
test_two_statements_and_accents (Fixture       *f,
                                 gconstpointer  data)
{
  g_autofree char *two = data_file ("libofx__ofx-2.1.1-sect-16.5.3.2.ofx");
  g_autofree char *latin1 = data_file ("ledger-autosync__accented_characters_latin1.ofx");
  g_autoptr(JsonNode) first = import_json (f, (const char *[]) { two, NULL });
  g_autoptr(JsonNode) second = import_json (f, (const char *[]) { latin1, NULL });
  g_autoptr(JsonNode) accounts = cli_run_json_argv (f->db, (const char *[]) { "account", "list", NULL });
  g_autoptr(JsonNode) list = cli_run_json_argv (f->db, (const char *[]) { "txn", "list", NULL });
  g_autofree char *text = json_to_string (list, FALSE);

  /* MANIFEST #19: a bank and a credit card statement, 1 + 2 rows. */
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root_object (first), "accounts")), ==, 2);
  g_assert_cmpint (member_int (root_object (first), "imported"), ==, 3);
  g_assert_nonnull (find_by_string (root_array (accounts), "kind", "credit-card"));

  /* MANIFEST #12: the Latin-1 byte 0xE0 in NAME comes out as "à". */
  g_assert_cmpint (member_int (root_object (second), "imported"), ==, 1);
  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_nonnull (find_by_string (root_array (list), "payee", "Virement Interac à: Jean"));
}

static void
test_qif_splits (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = data_file ("quiffen__test.qif");
  g_autoptr(JsonNode) root = import_json (f, (const char *[]) { path, NULL });
  JsonObject *object = root_object (root);
  JsonArray *rejected = json_object_get_array_member (object, "rejected");

  /* MANIFEST #23: six bank rows; the investment row is rejected with its
   * line and reason, not dropped in silence. */
  assert_contract (object);
  g_assert_cmpint (member_int (object, "imported"), ==, 6);
  g_assert_cmpuint (json_array_get_length (rejected), ==, 1);
  g_assert_cmpint (member_int (json_array_get_object_element (rejected, 0), "line"), >, 0);
  g_assert_nonnull (member_string (json_array_get_object_element (rejected, 0), "reason"));
  g_assert_cmpuint (count_transactions (f), ==, 6);
}

static void
test_csv_options_and_profile (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *path = data_file ("beangulp__csvbank__statement.csv");
  g_autofree char *copy = NULL;
  g_autoptr(JsonNode) first = NULL;
  g_autoptr(JsonNode) profiles = NULL;
  g_autoptr(JsonNode) again = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *profile;

  cli_run_ok_argv (f->db, (const char *[]) { "account", "add", "Chase", "--kind", "checking",
                                             "--currency", "USD", NULL });

  first = import_json (f, (const char *[]) { path, "--account", "Chase", "--save-profile", "Chase CSV", NULL });
  /* MANIFEST #32: six rows. */
  g_assert_cmpint (member_int (root_object (first), "imported"), ==, 6);
  g_assert_cmpstr (member_string (root_object (first), "format"), ==, "csv");

  profiles = cli_run_json_argv (f->db, (const char *[]) { "profile", "list", NULL });
  profile = find_by_string (root_array (profiles), "name", "Chase CSV");
  g_assert_nonnull (profile);
  g_assert_nonnull (member_string (profile, "signature"));
  g_assert_cmpstr (member_string (profile, "account"), ==, "Chase");

  /* A copy of the file under another name, as next month's download:
   * the profile is found by the header, and so is the account. */
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  copy = write_file (f, "next-month.csv", contents);
  again = import_json (f, (const char *[]) { copy, NULL });
  g_assert_cmpstr (member_string (root_object (again), "profile"), ==, "Chase CSV");
  g_assert_cmpint (member_int (root_object (again), "imported"), ==, 0);
  g_assert_cmpint (member_int (root_object (again), "duplicates"), ==, 6);
}

static void
test_csv_explicit_options (Fixture       *f,
                           gconstpointer  data)
{
  /* No header, semicolons, day first, decimal commas, a preamble line. */
  g_autofree char *path = write_file (f, "bank.csv",
                                      "Kontoauszug 2026\n"
                                      "05.01.2026;Bäckerei Müller;-3,20\n"
                                      "07.01.2026;Gehalt;2.500,00\n"
                                      "13.01.2026;Café;-4,10\n");
  g_autoptr(JsonNode) root = NULL;

  cli_run_ok_argv (f->db, (const char *[]) { "account", "add", "Giro", "--kind", "checking",
                                             "--currency", "EUR", NULL });
  root = import_json (f, (const char *[]) { path, "--account", "Giro", "--format", "csv",
                                            "--delimiter", ";", "--skip-lines", "1",
                                            "--columns", "date,payee,amount", "--date-format", "DD.MM.YYYY",
                                            "--decimal-comma", "--encoding", "UTF-8", NULL });
  g_assert_cmpint (member_int (root_object (root), "imported"), ==, 3);
  g_assert_cmpint (sum_amounts (f, "Giro"), ==, 250000 - 320 - 410);
}

static void
test_dry_run (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *path = data_file ("ofxtools__br_nubank_cc.ofx");
  g_autofree char *before = dump_database (f->db);
  g_autofree char *after = NULL;
  g_autoptr(JsonNode) dry = import_json (f, (const char *[]) { path, "--dry-run", NULL });
  g_autoptr(JsonNode) real = NULL;

  after = dump_database (f->db);
  g_assert_cmpstr (before, ==, after);
  g_assert_true (member_boolean (root_object (dry), "dry_run"));
  g_assert_true (member_is_null (root_object (dry), "batch"));

  /* MANIFEST #6: six credit card rows; the dry run said what the real run
   * does. */
  real = import_json (f, (const char *[]) { path, NULL });
  g_assert_cmpint (member_int (root_object (dry), "imported"), ==, 6);
  g_assert_cmpint (member_int (root_object (real), "imported"), ==, member_int (root_object (dry), "imported"));
  g_assert_cmpint (member_int (root_object (real), "duplicates"), ==, member_int (root_object (dry), "duplicates"));
}

static void
test_link_possible_and_rules (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *first_csv = write_file (f, "first.csv",
                                           "Date,Description,Amount,Id\n"
                                           "2026-03-10,TESCO STORES 2231,-42.17,T1\n");
  g_autofree char *qif = write_file (f, "bank.qif",
                                     "!Type:Bank\n"
                                     "D2026-03-04\nT-50.00\nPPG&E AUTOPAY 991\n^\n"
                                     "D2026-03-11\nT-42.17\nPTesco Stores\n^\n"
                                     "D2026-03-15\nT-12.99\nPAMZN MKTP US*2K4\n^\n");
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) again = NULL;
  g_autoptr(JsonNode) list = NULL;
  JsonObject *amazon;

  cli_run_ok_argv (f->db, (const char *[]) { "account", "add", "Checking", "--kind", "checking",
                                             "--currency", "EUR", NULL });
  cli_run_ok_argv (f->db, (const char *[]) { "category", "add", "Shopping", NULL });
  cli_run_ok_argv (f->db, (const char *[]) { "txn", "add", "--account", "Checking", "--date", "2026-03-02",
                                             "--amount", "-50", "--payee", "Electricity", NULL });
  cli_run_ok_argv (f->db, (const char *[]) { "rule", "add", "Amazon", "--payee-starts-with", "amzn mktp",
                                             "--set-payee", "Amazon", "--category", "Shopping", NULL });
  g_assert_cmpint (member_int (root_object (import_json (f, (const char *[]) {
                     first_csv, "--account", "Checking", NULL })), "imported"), ==, 1);

  root = import_json (f, (const char *[]) { qif, "--account", "Checking", NULL });
  /* The hand-entered -50.00 two days earlier is linked, not doubled; the
   * Tesco row a day after the CSV's is a possible duplicate, left out. */
  g_assert_cmpint (member_int (root_object (root), "linked"), ==, 1);
  g_assert_cmpint (member_int (root_object (root), "possible_duplicates"), ==, 1);
  g_assert_cmpint (member_int (root_object (root), "imported"), ==, 1);
  g_assert_cmpuint (count_transactions (f), ==, 3);

  /* The rule renamed and categorized the Amazon row. */
  list = cli_run_json_argv (f->db, (const char *[]) { "txn", "list", NULL });
  amazon = find_by_string (root_array (list), "payee", "Amazon");
  g_assert_nonnull (amazon);
  g_assert_cmpstr (member_string (amazon, "category"), ==, "Shopping");

  /* Asked for, the possible duplicate comes in. */
  again = import_json (f, (const char *[]) { qif, "--account", "Checking", "--include-possible", NULL });
  g_assert_cmpint (member_int (root_object (again), "imported"), ==, 1);
  g_assert_cmpuint (count_transactions (f), ==, 4);
}

/* Bad input: an error on stderr, nothing on stdout, the database as it was. */
static void
test_bad_input (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *empty = write_file (f, "empty.qif", "");
  g_autofree char *text = write_file (f, "notes.txt", "Groceries are expensive.\nSo is rent.\n");
  g_autofree char *no_account = write_file (f, "plain.csv", "Date,Description,Amount\n2026-01-05,Coffee,-3.20\n");
  g_autofree char *error_ofx = data_file ("ofxparse__error_message.ofx");
  g_autofree char *crash_ofx = data_file ("libofx__use-after-free.ofx");
  g_autofree char *contradicting = data_file ("qifparse-kubauk__date_format_error_02.qif");
  g_autofree char *ofx = data_file ("ofxparse__bank_medium.ofx");
  g_autofree char *missing = g_build_filename (f->dir, "missing.ofx", NULL);
  g_autofree char *before = NULL;
  const struct
  {
    int         status;
    const char *args[8];
  } cases[] = {
    { 1, { "import", missing, NULL } },
    { 1, { "import", empty, NULL } },
    { 1, { "import", text, NULL } },
    { 1, { "import", no_account, NULL } },
    { 1, { "import", error_ofx, NULL } },
    { 1, { "import", crash_ofx, NULL } },
    { 1, { "import", contradicting, NULL } },
    { 2, { "import", ofx, "--format", "xls", NULL } },
    { 2, { "import", ofx, "--date-format", "soon", NULL } },
    { 2, { "import", ofx, "--columns", "date,amount", NULL } },
    { 2, { "import", ofx, "--currency", "EURO", NULL } },
    { 1, { "import", ofx, "--account", "Nowhere", NULL } },
    { 1, { "import", no_account, "--account", "Checking", "--delimiter", "x", NULL } },
    { 1, { "import", no_account, "--account", "Checking", "--skip-lines", "many", NULL } },
    { 1, { "import", no_account, "--account", "Checking", "--profile", "Unknown", NULL } },
    { 2, { "import", NULL } },
  };

  cli_run_ok_argv (f->db, (const char *[]) { "account", "add", "Checking", "--kind", "checking",
                                             "--currency", "EUR", NULL });
  before = dump_database (f->db);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(CliResult) result = { 0 };
      g_autofree char *after = NULL;

      run_cliv (f->db, cases[i].args, &result);
      g_test_message ("case %u: %s", i, result.err);
      g_assert_cmpint (result.status, ==, cases[i].status);
      g_assert_cmpstr (result.out, ==, "");
      g_assert_cmpstr (result.err, !=, "");
      after = dump_database (f->db);
      g_assert_cmpstr (before, ==, after);
    }

  /* The contradicting dates say how to go on. */
  {
    g_auto(CliResult) result = { 0 };

    run_cliv (f->db, (const char *[]) { "import", contradicting, NULL }, &result);
    g_assert_nonnull (strstr (result.err, "--date-format"));
    g_assert_nonnull (strstr (result.err, "line 2"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/cli/import/ofx-twice", test_ofx_twice);
  ADD ("/cli/import/two-statements-and-accents", test_two_statements_and_accents);
  ADD ("/cli/import/qif-rejected-line", test_qif_splits);
  ADD ("/cli/import/csv-profile", test_csv_options_and_profile);
  ADD ("/cli/import/csv-options", test_csv_explicit_options);
  ADD ("/cli/import/dry-run", test_dry_run);
  ADD ("/cli/import/link-possible-rules", test_link_possible_and_rules);
  ADD ("/cli/import/bad-input", test_bad_input);
#undef ADD

  return g_test_run ();
}
