/* test-cli-register.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-cli-register"

#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "cli-test-util.h"

/* The register commands of budg-cli (txn list with its sorting and
 * filters, txn edit, txn split, transfer, txn delete and reconcile),
 * spawned on temporary databases. Every order and filter is checked against
 * a reference computed here from the rows the test inserted.
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

  f->dir = g_dir_make_tmp ("budg-cli-register-XXXXXX", &error);
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

static void
run_cli (Fixture    *f,
         CliResult  *result,
         ...) G_GNUC_NULL_TERMINATED;

static void
run_cli (Fixture   *f,
         CliResult *result,
         ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  const char *arg;
  va_list ap;

  va_start (ap, result);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (gpointer)arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  run_cliv (f->db, (const char * const *)args->pdata, result);
}

static JsonNode *
run_jsonv (Fixture            *f,
           const char * const *argv)
{
  return cli_run_json_argv (f->db, argv);
}

/* Runs a command that must succeed and print JSON; returns the parsed root. */
static JsonNode *
run_json (Fixture *f,
          ...) G_GNUC_NULL_TERMINATED;

static JsonNode *
run_json (Fixture *f,
          ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  const char *arg;
  va_list ap;

  va_start (ap, f);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (gpointer)arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  return run_jsonv (f, (const char * const *)args->pdata);
}

/* Runs a command that must succeed; its output is not looked at. */
static void
run_ok (Fixture *f,
        ...) G_GNUC_NULL_TERMINATED;

static void
run_ok (Fixture *f,
        ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  const char *arg;
  va_list ap;

  va_start (ap, f);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (gpointer)arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  cli_run_ok_argv (f->db, (const char * const *)args->pdata);
}

/* Runs a command that must fail with @status, print nothing on stdout and
 * leave the database exactly as it was; returns its stderr. */
static char *
run_refused (Fixture *f,
             int      status,
             ...) G_GNUC_NULL_TERMINATED;

static char *
run_refused (Fixture *f,
             int      status,
             ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_auto(CliResult) result = { 0 };
  g_autofree char *before = dump_database (f->db);
  g_autofree char *after = NULL;
  const char *arg;
  va_list ap;

  va_start (ap, status);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (gpointer)arg);
  va_end (ap);
  g_ptr_array_add (args, (gpointer)"--json");
  g_ptr_array_add (args, NULL);

  run_cliv (f->db, (const char * const *)args->pdata, &result);
  g_test_message ("stderr: %s", result.err);
  g_assert_cmpint (result.status, ==, status);
  g_assert_cmpstr (result.out, ==, "");
  g_assert_true (g_str_has_prefix (result.err, "budg-cli: "));

  after = dump_database (f->db);
  g_assert_cmpstr (after, ==, before);

  return g_steal_pointer (&result.err);
}

/* The "id" members of a JSON array of transactions, as "3,1,2". */
static char *
ids_of (JsonArray *array)
{
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *row = json_array_get_object_element (array, i);

      if (i > 0)
        g_string_append_c (ids, ',');
      g_string_append_printf (ids, "%" G_GINT64_FORMAT, member_int (row, "id"));
    }

  return g_string_free (g_steal_pointer (&ids), FALSE);
}

/* `txn list ARGS --json` as "3,1,2". */
static char *
list_idsv (Fixture            *f,
           const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(JsonNode) root = NULL;

  g_ptr_array_add (argv, (gpointer)"txn");
  g_ptr_array_add (argv, (gpointer)"list");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer)args[i]);
  g_ptr_array_add (argv, NULL);

  root = run_jsonv (f, (const char * const *)argv->pdata);

  return ids_of (root_array (root));
}

static char *
id_text (JsonObject *object)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, member_int (object, "id"));
}

static JsonObject *
get_txn (JsonArray *rows,
         gint64     id)
{
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);

      if (member_int (row, "id") == id)
        return row;
    }

  return NULL;
}

/* The rows the sorting and filter tests insert, in this order. Amounts
 * repeat (-12.00, -45.10) so that ties must be broken by id; payees differ
 * in case so that the payee order must ignore it.
 */
typedef struct
{
  const char *account;
  const char *date;
  const char *amount;
  gint64      amount_minor;
  const char *payee;
  const char *category;
  const char *status;
  const char *memo;
} SeedRow;

static const SeedRow seed_rows[] = {
  { "Checking", "2030-01-03", "-45.10", -4510, "Grocer", "Food:Groceries", "cleared", NULL },
  { "Checking", "2030-01-05", "-12.00", -1200, "cafe Luna", "Food:Dining", "pending", "lunch" },
  { "Checking", "2030-01-07", "2500", 250000, "Employer", "Salary", "cleared", NULL },
  { "Checking", "2030-01-09", "-800", -80000, "Landlord", "Home", "cleared", "January rent" },
  { "Checking", "2030-01-11", "-7.25", -725, "Bakery", NULL, "pending", NULL },
  { "Checking", "2030-01-15", "-60.00", -6000, "GROCERY OUTLET", "Food:Groceries", "pending", "weekly" },
  { "Checking", "2030-01-20", "-12.00", -1200, NULL, "Food", "reconciled", NULL },
  { "Savings", "2030-01-10", "100", 10000, "Bank", NULL, "cleared", "interest" },
  { "Savings", "2030-01-02", "-45.10", -4510, "Grocer", "Food:Groceries", "pending", NULL },
  { "Checking", "2030-01-25", "0.99", 99, "apple", "Home", "pending", NULL },
  { "Checking", "2030-01-28", "-30", -3000, "Fuel", NULL, "cleared", NULL },
};

#define N_SEED_ROWS G_N_ELEMENTS (seed_rows)

static void
seed_accounts (Fixture *f)
{
  run_ok (f, "init", NULL);
  run_ok (f, "account", "add", "Checking", "--kind", "checking", "--currency", "USD", NULL);
  run_ok (f, "account", "add", "Savings", "--kind", "savings", "--currency", "USD", NULL);
  run_ok (f, "account", "add", "Euro", "--kind", "savings", "--currency", "EUR", NULL);
  run_ok (f, "category", "add", "Food:Groceries", NULL);
  run_ok (f, "category", "add", "Food:Dining", NULL);
  run_ok (f, "category", "add", "Home", NULL);
  run_ok (f, "category", "add", "Salary", "--income", NULL);
}

/* Inserts seed_rows; @ids receives their ids in the same order. */
static void
seed_register (Fixture *f,
               gint64  *ids)
{
  seed_accounts (f);

  for (guint i = 0; i < N_SEED_ROWS; i++)
    {
      const SeedRow *row = &seed_rows[i];
      g_autoptr(GPtrArray) args = g_ptr_array_new ();
      g_autoptr(JsonNode) added = NULL;
      JsonObject *txn;

      g_ptr_array_add (args, (gpointer)"txn");
      g_ptr_array_add (args, (gpointer)"add");
      g_ptr_array_add (args, (gpointer)"--account");
      g_ptr_array_add (args, (gpointer)row->account);
      g_ptr_array_add (args, (gpointer)"--date");
      g_ptr_array_add (args, (gpointer)row->date);
      g_ptr_array_add (args, (gpointer)"--amount");
      g_ptr_array_add (args, (gpointer)row->amount);
      g_ptr_array_add (args, (gpointer)"--status");
      g_ptr_array_add (args, (gpointer)row->status);
      if (row->payee != NULL)
        {
          g_ptr_array_add (args, (gpointer)"--payee");
          g_ptr_array_add (args, (gpointer)row->payee);
        }
      if (row->category != NULL)
        {
          g_ptr_array_add (args, (gpointer)"--category");
          g_ptr_array_add (args, (gpointer)row->category);
        }
      if (row->memo != NULL)
        {
          g_ptr_array_add (args, (gpointer)"--memo");
          g_ptr_array_add (args, (gpointer)row->memo);
        }
      g_ptr_array_add (args, NULL);

      added = run_jsonv (f, (const char * const *)args->pdata);
      txn = root_object (added);
      g_assert_cmpint (member_int (txn, "amount_minor"), ==, row->amount_minor);
      ids[i] = member_int (txn, "id");
    }
}

/* The reference orders, written from the documented rules: ties always go
 * to the lower id; no payee and no category come first. */
typedef enum
{
  ORDER_DATE,
  ORDER_AMOUNT,
  ORDER_PAYEE,
  ORDER_CATEGORY,
} Order;

typedef struct
{
  const gint64 *ids;
  Order         order;
} OrderContext;

static int
compare_text (const char *a,
              const char *b)
{
  g_autofree char *fa = NULL;
  g_autofree char *fb = NULL;

  if (a == NULL || b == NULL)
    return (a != NULL) - (b != NULL);

  fa = g_ascii_strdown (a, -1);
  fb = g_ascii_strdown (b, -1);

  return strcmp (fa, fb);
}

static int
compare_rows (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  const OrderContext *context = user_data;
  guint ia = *(const guint *)a;
  guint ib = *(const guint *)b;
  const SeedRow *ra = &seed_rows[ia];
  const SeedRow *rb = &seed_rows[ib];
  int result = 0;

  switch (context->order)
    {
    case ORDER_DATE:
      result = strcmp (ra->date, rb->date);
      break;
    case ORDER_AMOUNT:
      result = (ra->amount_minor > rb->amount_minor) - (ra->amount_minor < rb->amount_minor);
      break;
    case ORDER_PAYEE:
      result = compare_text (ra->payee, rb->payee);
      break;
    case ORDER_CATEGORY:
      /* The seed's paths sort as the category tree does: a parent right
       * before its children, since ':' sorts before every letter. */
      result = compare_text (ra->category, rb->category);
      break;
    default:
      g_assert_not_reached ();
    }

  if (result == 0)
    result = (context->ids[ia] > context->ids[ib]) - (context->ids[ia] < context->ids[ib]);

  return result;
}

typedef gboolean (*RowFilter) (const SeedRow *row);

/* The ids of the seed rows that pass @filter (NULL for all), in @order,
 * reversed when @descending, then @offset and @limit applied (0 = none). */
static char *
reference_ids (const gint64 *ids,
               RowFilter     filter,
               Order         order,
               gboolean      descending,
               guint         offset,
               guint         limit)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GString) text = g_string_new (NULL);
  OrderContext context = { ids, order };
  guint shown = 0;

  for (guint i = 0; i < N_SEED_ROWS; i++)
    if (filter == NULL || filter (&seed_rows[i]))
      g_array_append_val (rows, i);

  g_array_sort_with_data (rows, compare_rows, &context);

  for (guint k = 0; k < rows->len; k++)
    {
      guint position = descending ? rows->len - 1 - k : k;
      guint i = g_array_index (rows, guint, position);

      if (k < offset || (limit != 0 && shown == limit))
        continue;
      if (shown++ > 0)
        g_string_append_c (text, ',');
      g_string_append_printf (text, "%" G_GINT64_FORMAT, ids[i]);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
test_list_sort (Fixture       *f,
                gconstpointer  data)
{
  const struct
  {
    const char *args[8];
    Order       order;
    gboolean    descending;
    guint       offset;
    guint       limit;
  } cases[] = {
    { { NULL }, ORDER_DATE, FALSE },
    { { "--sort", "date", "--desc", NULL }, ORDER_DATE, TRUE },
    { { "--sort", "amount", NULL }, ORDER_AMOUNT, FALSE },
    { { "--sort", "amount", "--desc", NULL }, ORDER_AMOUNT, TRUE },
    { { "--sort", "payee", NULL }, ORDER_PAYEE, FALSE },
    { { "--sort=payee", "--desc", NULL }, ORDER_PAYEE, TRUE },
    { { "--sort", "category", NULL }, ORDER_CATEGORY, FALSE },
    { { "--sort", "category", "--desc", NULL }, ORDER_CATEGORY, TRUE },
    { { "--sort", "amount", "--offset", "2", "--limit", "3", NULL }, ORDER_AMOUNT, FALSE, 2, 3 },
    { { "--desc", "--sort", "payee", "--limit", "4", NULL }, ORDER_PAYEE, TRUE, 0, 4 },
  };
  gint64 ids[N_SEED_ROWS];
  g_autofree char *amount_order = NULL;

  seed_register (f, ids);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *expected = reference_ids (ids, NULL, cases[i].order, cases[i].descending,
                                                 cases[i].offset, cases[i].limit);
      g_autofree char *got = list_idsv (f, cases[i].args);

      g_test_message ("case %u: expected %s, got %s", i, expected, got);
      g_assert_cmpstr (got, ==, expected);
    }

  /* The reference itself, spelled out for the amount order: the two -45.10
   * and the two -12.00 in insertion order. */
  amount_order = reference_ids (ids, NULL, ORDER_AMOUNT, FALSE, 0, 0);
  g_assert_cmpstr (amount_order, ==, "4,6,1,9,11,2,7,5,10,8,3");
}

static gboolean
filter_payee_groc (const SeedRow *row)
{
  g_autofree char *payee = row->payee != NULL ? g_ascii_strdown (row->payee, -1) : NULL;

  return payee != NULL && strstr (payee, "groc") != NULL;
}

static gboolean
filter_food (const SeedRow *row)
{
  return row->category != NULL &&
         (g_str_equal (row->category, "Food") || g_str_has_prefix (row->category, "Food:"));
}

static gboolean
filter_groceries (const SeedRow *row)
{
  return g_strcmp0 (row->category, "Food:Groceries") == 0;
}

static gboolean
filter_uncategorized (const SeedRow *row)
{
  return row->category == NULL;
}

static gboolean
filter_cleared (const SeedRow *row)
{
  return g_str_equal (row->status, "cleared");
}

static gboolean
filter_pending_or_reconciled (const SeedRow *row)
{
  return !g_str_equal (row->status, "cleared");
}

static gboolean
filter_min_45_10 (const SeedRow *row)
{
  return ABS (row->amount_minor) >= 4510;
}

static gboolean
filter_max_12 (const SeedRow *row)
{
  return ABS (row->amount_minor) <= 1200;
}

static gboolean
filter_between_12_and_100 (const SeedRow *row)
{
  return ABS (row->amount_minor) >= 1200 && ABS (row->amount_minor) <= 10000;
}

static gboolean
filter_savings_min_50 (const SeedRow *row)
{
  return g_str_equal (row->account, "Savings") && ABS (row->amount_minor) >= 5000;
}

static gboolean
filter_search_rent (const SeedRow *row)
{
  return g_strcmp0 (row->memo, "January rent") == 0;
}

static gboolean
filter_checking_pending_food_in_range (const SeedRow *row)
{
  return g_str_equal (row->account, "Checking") && g_str_equal (row->status, "pending") &&
         filter_food (row) && strcmp (row->date, "2030-01-05") >= 0 && strcmp (row->date, "2030-01-15") <= 0;
}

static void
test_list_filters (Fixture       *f,
                   gconstpointer  data)
{
  const struct
  {
    const char *args[16];
    RowFilter   filter;
    Order       order;
    gboolean    descending;
  } cases[] = {
    { { "--payee", "groc", NULL }, filter_payee_groc },
    { { "--category", "Food", NULL }, filter_food },
    { { "--category", "food:groceries", NULL }, filter_groceries },
    { { "--uncategorized", NULL }, filter_uncategorized },
    { { "--status", "cleared", NULL }, filter_cleared },
    { { "--status", "pending, reconciled", NULL }, filter_pending_or_reconciled },
    { { "--status", "pending,cleared,reconciled", NULL }, NULL },
    { { "--min-amount", "45.10", NULL }, filter_min_45_10 },
    { { "--max-amount", "12", NULL }, filter_max_12 },
    { { "--min-amount", "12", "--max-amount", "100.00", "--sort", "amount", "--desc", NULL },
      filter_between_12_and_100, ORDER_AMOUNT, TRUE },
    { { "--account", "Savings", "--min-amount", "50", NULL }, filter_savings_min_50 },
    { { "--search", "RENT", NULL }, filter_search_rent },
    { { "--account", "Checking", "--status", "pending", "--category", "Food",
        "--from", "2030-01-05", "--to", "2030-01-15", NULL }, filter_checking_pending_food_in_range },
    { { "--category", "Food", "--sort", "payee", NULL }, filter_food, ORDER_PAYEE },
  };
  gint64 ids[N_SEED_ROWS];
  g_autoptr(JsonNode) all = NULL;
  g_autofree char *everything = NULL;
  JsonArray *rows;

  seed_register (f, ids);
  everything = reference_ids (ids, NULL, ORDER_DATE, FALSE, 0, 0);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *expected = reference_ids (ids, cases[i].filter, cases[i].order,
                                                 cases[i].descending, 0, 0);
      g_autofree char *got = list_idsv (f, cases[i].args);

      g_test_message ("case %u: expected %s, got %s", i, expected, got);
      g_assert_cmpstr (got, ==, expected);
      /* No filter may match everything or nothing here, or it proves little. */
      if (cases[i].filter != NULL)
        {
          g_assert_cmpstr (expected, !=, "");
          g_assert_cmpuint (strlen (expected), <, strlen (everything));
        }
    }

  /* Every row carries the register's extra fields. */
  all = run_json (f, "txn", "list", NULL);
  rows = root_array (all);
  g_assert_cmpuint (json_array_get_length (rows), ==, N_SEED_ROWS);
  for (guint i = 0; i < N_SEED_ROWS; i++)
    {
      JsonObject *row = get_txn (rows, ids[i]);

      g_assert_nonnull (row);
      g_assert_true (member_is_null (row, "transfer_account"));
      g_assert_cmpint (member_int (row, "split_count"), ==, 0);
      g_assert_cmpstr (member_string (row, "payee"), ==, seed_rows[i].payee);
      g_assert_cmpstr (member_string (row, "category"), ==, seed_rows[i].category);
      g_assert_cmpstr (member_string (row, "status"), ==, seed_rows[i].status);
    }
}

static void
test_edit (Fixture       *f,
           gconstpointer  data)
{
  gint64 ids[N_SEED_ROWS];
  g_autofree char *bakery = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonNode) edited = NULL;
  g_autoptr(JsonNode) cleared = NULL;
  g_autoptr(JsonNode) moved = NULL;
  g_autoptr(JsonNode) euro = NULL;
  g_autoptr(JsonNode) all = NULL;
  g_auto(CliResult) text = { 0 };
  JsonObject *txn;
  JsonObject *row;

  seed_register (f, ids);
  bakery = g_strdup_printf ("%" G_GINT64_FORMAT, ids[4]);

  /* Every field at once; the output is the stored row. */
  edited = run_json (f, "txn", "edit", bakery, "--date", "2030-01-12", "--amount", "-8.40",
                     "--payee", "Corner Bakery", "--category", "Food:Dining", "--memo", "croissants",
                     "--status", "cleared", NULL);
  txn = root_object (edited);
  g_assert_cmpint (member_int (txn, "id"), ==, ids[4]);
  g_assert_cmpstr (member_string (txn, "account"), ==, "Checking");
  g_assert_cmpstr (member_string (txn, "date"), ==, "2030-01-12");
  g_assert_cmpint (member_int (txn, "amount_minor"), ==, -840);
  g_assert_cmpstr (member_string (txn, "currency"), ==, "USD");
  g_assert_cmpstr (member_string (txn, "payee"), ==, "Corner Bakery");
  g_assert_cmpstr (member_string (txn, "category"), ==, "Food:Dining");
  g_assert_cmpstr (member_string (txn, "memo"), ==, "croissants");
  g_assert_cmpstr (member_string (txn, "status"), ==, "cleared");
  g_assert_true (member_is_null (txn, "transfer_account"));
  g_assert_cmpint (member_int (txn, "split_count"), ==, 0);

  /* Empty values remove; what is not named stays. */
  cleared = run_json (f, "txn", "edit", bakery, "--payee", "", "--category", "", "--memo", "", NULL);
  txn = root_object (cleared);
  g_assert_true (member_is_null (txn, "payee"));
  g_assert_true (member_is_null (txn, "category"));
  g_assert_true (member_is_null (txn, "memo"));
  g_assert_cmpint (member_int (txn, "amount_minor"), ==, -840);
  g_assert_cmpstr (member_string (txn, "date"), ==, "2030-01-12");
  g_assert_cmpstr (member_string (txn, "status"), ==, "cleared");

  /* To another account in the same currency. */
  moved = run_json (f, "txn", "edit", bakery, "--account", "Savings", NULL);
  g_assert_cmpstr (member_string (root_object (moved), "account"), ==, "Savings");
  g_assert_cmpint (member_int (root_object (moved), "amount_minor"), ==, -840);

  /* Another currency needs the amount restated. */
  err = run_refused (f, 1, "txn", "edit", bakery, "--account", "Euro", NULL);
  g_assert_nonnull (strstr (err, "EUR"));
  euro = run_json (f, "txn", "edit", bakery, "--account", "Euro", "--amount", "-7.90", NULL);
  g_assert_cmpstr (member_string (root_object (euro), "currency"), ==, "EUR");
  g_assert_cmpint (member_int (root_object (euro), "amount_minor"), ==, -790);

  /* The list agrees, and nothing else moved. */
  all = run_json (f, "txn", "list", NULL);
  for (guint i = 0; i < N_SEED_ROWS; i++)
    {
      row = get_txn (root_array (all), ids[i]);
      g_assert_nonnull (row);
      if (i == 4)
        {
          g_assert_cmpstr (member_string (row, "account"), ==, "Euro");
          g_assert_cmpint (member_int (row, "amount_minor"), ==, -790);
        }
      else
        g_assert_cmpint (member_int (row, "amount_minor"), ==, seed_rows[i].amount_minor);
    }

  run_cli (f, &text, "txn", "edit", bakery, "--memo", "a note", NULL);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out, bakery));
}

/* A fresh -50.00 payment in Checking; returns its id. */
static char *
add_payment (Fixture *f)
{
  g_autoptr(JsonNode) added = run_json (f, "txn", "add", "--account", "Checking", "--date", "2030-03-01",
                                        "--amount", "-50", "--payee", "Market", NULL);

  return id_text (root_object (added));
}

static void
test_split (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *id = NULL;
  g_autofree char *income = NULL;
  g_autofree char *short_err = NULL;
  g_autofree char *over_err = NULL;
  g_autofree char *unknown_err = NULL;
  g_autoptr(JsonNode) split = NULL;
  g_autoptr(JsonNode) signed_split = NULL;
  g_autoptr(JsonNode) income_split = NULL;
  g_autoptr(JsonNode) cleared = NULL;
  g_autoptr(JsonNode) added = NULL;
  g_autoptr(JsonNode) listed = NULL;
  g_autofree char *home = NULL;
  g_autofree char *uncategorized = NULL;
  g_autofree char *food = NULL;
  JsonObject *txn;
  JsonArray *parts;
  JsonObject *part;

  seed_accounts (f);
  id = add_payment (f);

  /* Parts without a sign take the payment's. */
  split = run_json (f, "txn", "split", id, "--part", "Food:Groceries=30", "--part", "Home=20", NULL);
  txn = root_object (split);
  g_assert_cmpint (member_int (txn, "id"), ==, g_ascii_strtoll (id, NULL, 10));
  g_assert_cmpint (member_int (txn, "amount_minor"), ==, -5000);
  g_assert_cmpstr (member_string (txn, "payee"), ==, "Market");
  g_assert_true (member_is_null (txn, "category"));
  g_assert_cmpint (member_int (txn, "split_count"), ==, 2);
  parts = json_object_get_array_member (txn, "splits");
  g_assert_nonnull (parts);
  g_assert_cmpuint (json_array_get_length (parts), ==, 2);
  part = json_array_get_object_element (parts, 0);
  g_assert_cmpstr (member_string (part, "category"), ==, "Food:Groceries");
  g_assert_cmpint (member_int (part, "amount_minor"), ==, -3000);
  g_assert_true (member_is_null (part, "memo"));
  part = json_array_get_object_element (parts, 1);
  g_assert_cmpstr (member_string (part, "category"), ==, "Home");
  g_assert_cmpint (member_int (part, "amount_minor"), ==, -2000);

  /* The filters see the parts: the payment is under Home and under Food,
   * and no longer uncategorized. */
  home = list_idsv (f, (const char * const[]) { "--category", "Home", NULL });
  g_assert_cmpstr (home, ==, id);
  food = list_idsv (f, (const char * const[]) { "--category", "Food", NULL });
  g_assert_cmpstr (food, ==, id);
  uncategorized = list_idsv (f, (const char * const[]) { "--uncategorized", NULL });
  g_assert_cmpstr (uncategorized, ==, "");

  /* Parts that do not add up: the gap is named, nothing changes. */
  short_err = run_refused (f, 1, "txn", "split", id, "--part", "Food:Groceries=30", "--part", "Home=10", NULL);
  g_assert_nonnull (strstr (short_err, "10.00"));
  g_assert_nonnull (strstr (short_err, "short"));
  over_err = run_refused (f, 1, "txn", "split", id, "--part", "Food:Groceries=30", "--part", "Home=25.50", NULL);
  g_assert_nonnull (strstr (over_err, "5.50"));
  g_assert_nonnull (strstr (over_err, "more"));
  unknown_err = run_refused (f, 1, "txn", "split", id, "--part", "Travel=50", NULL);
  g_assert_nonnull (strstr (unknown_err, "There is no category “Travel”"));

  /* An explicit sign is kept: a refund part inside a payment. */
  signed_split = run_json (f, "txn", "split", id, "--part=Food:Groceries=-60", "--part", "Home=+10", NULL);
  parts = json_object_get_array_member (root_object (signed_split), "splits");
  g_assert_cmpuint (json_array_get_length (parts), ==, 2);
  g_assert_cmpint (member_int (json_array_get_object_element (parts, 0), "amount_minor"), ==, -6000);
  g_assert_cmpint (member_int (json_array_get_object_element (parts, 1), "amount_minor"), ==, 1000);

  /* Money in: unsigned parts stay positive. */
  added = run_json (f, "txn", "add", "--account", "Checking", "--date", "2030-03-02", "--amount", "1000", NULL);
  income = id_text (root_object (added));
  income_split = run_json (f, "txn", "split", income, "--part", "Salary=900", "--part", "Home=100", NULL);
  parts = json_object_get_array_member (root_object (income_split), "splits");
  g_assert_cmpint (member_int (json_array_get_object_element (parts, 0), "amount_minor"), ==, 90000);
  g_assert_cmpint (member_int (json_array_get_object_element (parts, 1), "amount_minor"), ==, 10000);

  /* --clear: back to a single uncategorized transaction. */
  cleared = run_json (f, "txn", "split", id, "--clear", NULL);
  txn = root_object (cleared);
  g_assert_cmpint (member_int (txn, "split_count"), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (txn, "splits")), ==, 0);
  g_assert_cmpint (member_int (txn, "amount_minor"), ==, -5000);

  listed = run_json (f, "txn", "list", "--uncategorized", NULL);
  g_assert_cmpuint (json_array_get_length (root_array (listed)), ==, 1);
  g_assert_cmpint (member_int (json_array_get_object_element (root_array (listed), 0), "id"), ==,
                   g_ascii_strtoll (id, NULL, 10));
}

/* The rate a transfer should report, from the amounts as typed. */
static double
reference_rate (gint64 from_minor,
                int    from_digits,
                gint64 to_minor,
                int    to_digits)
{
  return ((double)to_minor / pow (10, to_digits)) / ((double)from_minor / pow (10, from_digits));
}

static void
check_rate_text (const char *rate,
                 double      expected)
{
  const char *point = strchr (rate, '.');
  char *end = NULL;
  double value;

  g_assert_nonnull (point);
  g_assert_cmpuint (strlen (point + 1), >=, 4);
  g_assert_null (strchr (point + 1, '.'));
  value = g_ascii_strtod (rate, &end);
  g_assert_cmpint (*end, ==, '\0');
  /* Six significant digits, rounded: within half a unit of the sixth. */
  g_assert_cmpfloat (fabs (value - expected), <=, expected * 5.01e-6);
}

static void
test_transfer (Fixture       *f,
               gconstpointer  data)
{
  const struct
  {
    const char *to;
    const char *amount;
    const char *to_amount;
    const char *rate;
  } exact[] = {
    { "Euro", "100", "92.40", "0.9240" },
    { "Euro", "100", "108.23", "1.0823" },
    { "Euro", "3", "2", "0.666667" },
    { "Yen", "100", "15000", "150.0000" },
    { "Dinar", "100", "30.712", "0.30712" },
    { "Euro", "0.01", "123456.78", "12345678.0000" },
  };
  g_autoptr(JsonNode) same = NULL;
  g_autoptr(JsonNode) edited = NULL;
  g_autoptr(JsonNode) edited_to = NULL;
  g_autoptr(JsonNode) cross = NULL;
  g_autoptr(JsonNode) cross_edit = NULL;
  g_autoptr(JsonNode) all = NULL;
  g_autoptr(JsonNode) deleted = NULL;
  g_autoptr(JsonNode) reverse = NULL;
  g_autofree char *savings = NULL;
  g_autofree char *from_id = NULL;
  g_autofree char *to_id = NULL;
  g_autofree char *cross_from = NULL;
  g_autofree char *cross_to = NULL;
  g_autofree char *err = NULL;
  g_auto(CliResult) deleted_text = { 0 };
  JsonObject *from;
  JsonObject *to;
  JsonObject *row;

  seed_accounts (f);
  run_ok (f, "account", "add", "Yen", "--kind", "cash", "--currency", "JPY", NULL);
  run_ok (f, "account", "add", "Dinar", "--kind", "cash", "--currency", "KWD", NULL);

  /* Same currency: a mirrored pair, no rate. */
  same = run_json (f, "transfer", "--from", "Checking", "--to", "Savings", "--date", "2030-02-01",
                   "--amount", "100", "--memo", "to savings", NULL);
  from = json_object_get_object_member (root_object (same), "from");
  to = json_object_get_object_member (root_object (same), "to");
  g_assert_false (json_object_has_member (root_object (same), "rate"));
  g_assert_cmpstr (member_string (from, "account"), ==, "Checking");
  g_assert_cmpint (member_int (from, "amount_minor"), ==, -10000);
  g_assert_cmpstr (member_string (from, "date"), ==, "2030-02-01");
  g_assert_cmpstr (member_string (from, "memo"), ==, "to savings");
  g_assert_cmpstr (member_string (from, "transfer_account"), ==, "Savings");
  g_assert_true (member_is_null (from, "category"));
  g_assert_cmpstr (member_string (to, "account"), ==, "Savings");
  g_assert_cmpint (member_int (to, "amount_minor"), ==, 10000);
  g_assert_cmpstr (member_string (to, "transfer_account"), ==, "Checking");
  from_id = id_text (from);
  to_id = id_text (to);

  /* Editing one side moves the other: date, and the amount mirrored. */
  edited = run_json (f, "txn", "edit", from_id, "--amount", "-150", "--date", "2030-02-03", NULL);
  g_assert_cmpint (member_int (root_object (edited), "amount_minor"), ==, -15000);
  edited_to = run_json (f, "txn", "edit", to_id, "--status", "cleared", NULL);
  g_assert_cmpint (member_int (root_object (edited_to), "amount_minor"), ==, 15000);
  g_assert_cmpstr (member_string (root_object (edited_to), "date"), ==, "2030-02-03");
  g_assert_cmpstr (member_string (root_object (edited_to), "transfer_account"), ==, "Checking");

  /* A transfer has no category, and both sides cannot share an account. */
  err = run_refused (f, 1, "txn", "edit", from_id, "--category", "Home", NULL);
  g_clear_pointer (&err, g_free);
  err = run_refused (f, 1, "txn", "edit", from_id, "--account", "Savings", NULL);
  g_clear_pointer (&err, g_free);
  err = run_refused (f, 1, "transfer", "--from", "Checking", "--to", "checking", "--date", "2030-02-01",
                     "--amount", "10", NULL);
  g_assert_nonnull (strstr (err, "two different accounts"));
  g_clear_pointer (&err, g_free);
  err = run_refused (f, 1, "transfer", "--from", "Checking", "--to", "Euro", "--date", "2030-02-01",
                     "--amount", "10", NULL);
  g_assert_nonnull (strstr (err, "EUR"));
  g_clear_pointer (&err, g_free);

  /* Across currencies: both amounts kept, and the rate. */
  cross = run_json (f, "transfer", "--from", "Checking", "--to", "Euro", "--date", "2030-02-10",
                    "--amount", "200", "--to-amount", "184.80", NULL);
  from = json_object_get_object_member (root_object (cross), "from");
  to = json_object_get_object_member (root_object (cross), "to");
  g_assert_cmpint (member_int (from, "amount_minor"), ==, -20000);
  g_assert_cmpstr (member_string (from, "currency"), ==, "USD");
  g_assert_cmpint (member_int (to, "amount_minor"), ==, 18480);
  g_assert_cmpstr (member_string (to, "currency"), ==, "EUR");
  g_assert_cmpstr (member_string (root_object (cross), "rate"), ==, "0.9240");
  cross_from = id_text (from);
  cross_to = id_text (to);

  /* Across currencies the other side follows the date only. */
  cross_edit = run_json (f, "txn", "edit", cross_to, "--date", "2030-02-12", "--amount", "185", NULL);
  g_assert_cmpint (member_int (root_object (cross_edit), "amount_minor"), ==, 18500);
  all = run_json (f, "txn", "list", NULL);
  row = get_txn (root_array (all), g_ascii_strtoll (cross_from, NULL, 10));
  g_assert_cmpstr (member_string (row, "date"), ==, "2030-02-12");
  g_assert_cmpint (member_int (row, "amount_minor"), ==, -20000);
  g_assert_cmpstr (member_string (row, "transfer_account"), ==, "Euro");

  /* Rates worked out by hand. */
  for (guint i = 0; i < G_N_ELEMENTS (exact); i++)
    {
      g_autoptr(JsonNode) t = run_json (f, "transfer", "--from", "Checking", "--to", exact[i].to,
                                        "--date", "2030-03-01", "--amount", exact[i].amount,
                                        "--to-amount", exact[i].to_amount, NULL);

      g_assert_cmpstr (member_string (root_object (t), "rate"), ==, exact[i].rate);
    }

  /* The other way round, where the rate is small. */
  reverse = run_json (f, "transfer", "--from", "Yen", "--to", "Checking", "--date", "2030-03-01",
                      "--amount", "15000", "--to-amount", "100", NULL);
  g_assert_cmpstr (member_string (root_object (reverse), "rate"), ==, "0.00666667");

  /* Random amounts against a floating-point reference. */
  for (guint i = 0; i < 8; i++)
    {
      gint64 sent = g_test_rand_int_range (1, 100000000);
      gint64 received = g_test_rand_int_range (1, 100000000);
      g_autofree char *sent_text = g_strdup_printf ("%" G_GINT64_FORMAT ".%02d", sent / 100, (int)(sent % 100));
      g_autofree char *received_text = g_strdup_printf ("%" G_GINT64_FORMAT, received);
      g_autoptr(JsonNode) t = run_json (f, "transfer", "--from", "Checking", "--to", "Yen",
                                        "--date", "2030-03-02", "--amount", sent_text,
                                        "--to-amount", received_text, NULL);

      g_test_message ("%s USD → %s JPY: %s", sent_text, received_text,
                      member_string (root_object (t), "rate"));
      check_rate_text (member_string (root_object (t), "rate"), reference_rate (sent, 2, received, 0));
    }

  /* Deleting one side deletes both, and says so. */
  run_cli (f, &deleted_text, "txn", "delete", to_id, NULL);
  g_assert_cmpint (deleted_text.status, ==, 0);
  g_assert_nonnull (strstr (deleted_text.out, to_id));
  g_assert_nonnull (strstr (deleted_text.out, from_id));
  g_clear_pointer (&err, g_free);
  err = run_refused (f, 1, "txn", "delete", from_id, NULL);
  g_assert_nonnull (strstr (err, from_id));

  deleted = run_json (f, "txn", "delete", cross_from, NULL);
  g_assert_cmpint (member_int (root_object (deleted), "id"), ==, g_ascii_strtoll (cross_from, NULL, 10));
  g_assert_true (member_boolean (root_object (deleted), "deleted"));
  g_assert_cmpint (member_int (root_object (deleted), "transfer_id"), ==, g_ascii_strtoll (cross_to, NULL, 10));

  g_clear_pointer (&all, json_node_unref);
  all = run_json (f, "txn", "list", NULL);
  g_assert_null (get_txn (root_array (all), g_ascii_strtoll (from_id, NULL, 10)));
  g_assert_null (get_txn (root_array (all), g_ascii_strtoll (to_id, NULL, 10)));
  g_assert_null (get_txn (root_array (all), g_ascii_strtoll (cross_from, NULL, 10)));
  g_assert_null (get_txn (root_array (all), g_ascii_strtoll (cross_to, NULL, 10)));

  /* Savings only ever saw the deleted transfer. */
  savings = list_idsv (f, (const char * const[]) { "--account", "Savings", NULL });
  g_assert_cmpstr (savings, ==, "");
}

/* What reconcile should say about Checking at @date, from the seed rows and
 * an opening snapshot of 1,000.00 on 2029-12-31. */
static void
reference_reconcile (const char *date,
                     gint64     *out_cleared_balance,
                     guint      *out_cleared,
                     guint      *out_pending)
{
  gint64 balance = 100000;
  guint cleared = 0;
  guint pending = 0;

  for (guint i = 0; i < N_SEED_ROWS; i++)
    {
      const SeedRow *row = &seed_rows[i];

      if (!g_str_equal (row->account, "Checking") || strcmp (row->date, date) > 0)
        continue;
      if (g_str_equal (row->status, "pending"))
        pending++;
      else
        balance += row->amount_minor;
      if (g_str_equal (row->status, "cleared"))
        cleared++;
    }

  *out_cleared_balance = balance;
  *out_cleared = cleared;
  *out_pending = pending;
}

static void
test_reconcile (Fixture       *f,
                gconstpointer  data)
{
  gint64 ids[N_SEED_ROWS];
  g_autoptr(JsonNode) summary = NULL;
  g_autoptr(JsonNode) finished = NULL;
  g_autoptr(JsonNode) again = NULL;
  g_autoptr(JsonNode) all = NULL;
  g_autofree char *err = NULL;
  g_autofree char *statement = NULL;
  g_auto(CliResult) text = { 0 };
  gint64 cleared_balance;
  guint n_cleared;
  guint n_pending;
  JsonObject *object;

  seed_register (f, ids);
  run_ok (f, "balance", "set", "--account", "Checking", "--date", "2029-12-31", "--amount", "1000", NULL);

  reference_reconcile ("2030-01-15", &cleared_balance, &n_cleared, &n_pending);
  /* The reference on its own terms: 1000 - 45.10 + 2500 - 800. */
  g_assert_cmpint (cleared_balance, ==, 265490);
  g_assert_cmpuint (n_cleared, ==, 3);
  g_assert_cmpuint (n_pending, ==, 3);

  /* balance list compares each recorded balance with the transactions
   * since the previous one: the first has nothing to compare with. */
  {
    g_autoptr(JsonNode) balances = NULL;
    JsonArray *array;
    JsonObject *first;

    balances = run_json (f, "balance", "list", "--account", "Checking", NULL);
    array = json_node_get_array (balances);
    g_assert_cmpuint (json_array_get_length (array), >=, 1);
    first = json_array_get_object_element (array, json_array_get_length (array) - 1);
    g_assert_true (json_object_has_member (first, "computed_minor"));
    g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (first, "computed_minor")));
    g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (first, "difference_minor")));
  }

  /* A statement 54.90 short of the cleared balance. */
  summary = run_json (f, "reconcile", "--account", "Checking", "--date", "2030-01-15", "--balance", "2600", NULL);
  object = root_object (summary);
  g_assert_cmpstr (member_string (object, "account"), ==, "Checking");
  g_assert_cmpstr (member_string (object, "statement_date"), ==, "2030-01-15");
  g_assert_cmpint (member_int (object, "statement_balance_minor"), ==, 260000);
  g_assert_cmpint (member_int (object, "opening_balance_minor"), ==, 100000);
  g_assert_cmpint (member_int (object, "cleared_balance_minor"), ==, cleared_balance);
  g_assert_cmpint (member_int (object, "difference_minor"), ==, 260000 - cleared_balance);
  g_assert_cmpint (member_int (object, "cleared"), ==, n_cleared);
  g_assert_cmpint (member_int (object, "pending"), ==, n_pending);
  g_assert_cmpint (member_int (object, "reconciled"), ==, 0);

  run_cli (f, &text, "reconcile", "--account", "Checking", "--date", "2030-01-15", "--balance", "2600", NULL);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out, "-54.90 USD"));
  g_assert_nonnull (strstr (text.out, "2654.90 USD"));

  /* --finish with a difference: refused, nothing changes. */
  err = run_refused (f, 1, "reconcile", "--account", "Checking", "--date", "2030-01-15", "--balance", "2600",
                     "--finish", NULL);
  g_assert_nonnull (strstr (err, "difference"));

  /* At zero it locks exactly the cleared rows up to the date. */
  statement = g_strdup_printf ("%" G_GINT64_FORMAT ".%02d", cleared_balance / 100, (int)(cleared_balance % 100));
  finished = run_json (f, "reconcile", "--account", "Checking", "--date", "2030-01-15", "--balance", statement,
                       "--finish", NULL);
  object = root_object (finished);
  g_assert_cmpint (member_int (object, "difference_minor"), ==, 0);
  g_assert_cmpint (member_int (object, "reconciled"), ==, n_cleared);

  all = run_json (f, "txn", "list", NULL);
  for (guint i = 0; i < N_SEED_ROWS; i++)
    {
      const SeedRow *row = &seed_rows[i];
      JsonObject *txn = get_txn (root_array (all), ids[i]);
      gboolean locked = g_str_equal (row->account, "Checking") && g_str_equal (row->status, "cleared") &&
                        strcmp (row->date, "2030-01-15") <= 0;

      g_assert_cmpstr (member_string (txn, "status"), ==, locked ? "reconciled" : row->status);
    }

  /* The same statement again: nothing left to tick, still balanced. */
  again = run_json (f, "reconcile", "--account", "Checking", "--date", "2030-01-15", "--balance", statement, NULL);
  object = root_object (again);
  g_assert_cmpint (member_int (object, "cleared"), ==, 0);
  g_assert_cmpint (member_int (object, "pending"), ==, n_pending);
  g_assert_cmpint (member_int (object, "cleared_balance_minor"), ==, cleared_balance);
  g_assert_cmpint (member_int (object, "difference_minor"), ==, 0);
}

typedef struct
{
  const char *name;
  int         status;
  const char *args[20];
} BadCase;

/* Stand for the ids of the seed's plain payment, split payment and
 * transfer side. */
#define TXN_ID   "@txn"
#define SPLIT_ID "@split"
#define XFER_ID  "@xfer"

static const BadCase bad_cases[] = {
  /* Wrong usage: exit 2. */
  { "list-bad-sort", 2, { "txn", "list", "--sort", "size", NULL } },
  { "list-bad-status", 2, { "txn", "list", "--status", "done", NULL } },
  { "list-empty-status", 2, { "txn", "list", "--status", "pending,,cleared", NULL } },
  { "list-category-and-uncategorized", 2, { "txn", "list", "--category", "Home", "--uncategorized", NULL } },
  { "list-desc-value", 2, { "txn", "list", "--desc=yes", NULL } },
  { "edit-nothing", 2, { "txn", "edit", TXN_ID, NULL } },
  { "edit-no-id", 2, { "txn", "edit", "--amount", "5", NULL } },
  { "split-part-without-equals", 2, { "txn", "split", TXN_ID, "--part", "Home", NULL } },
  { "split-part-without-category", 2, { "txn", "split", TXN_ID, "--part", "=50", NULL } },
  { "split-part-without-amount", 2, { "txn", "split", TXN_ID, "--part", "Home=", NULL } },
  { "split-part-no-value", 2, { "txn", "split", TXN_ID, "--part", NULL } },
  { "split-nothing", 2, { "txn", "split", TXN_ID, NULL } },
  { "split-part-and-clear", 2, { "txn", "split", TXN_ID, "--part", "Home=50", "--clear", NULL } },
  { "split-no-id", 2, { "txn", "split", "--part", "Home=50", NULL } },
  { "transfer-no-from", 2, { "transfer", "--to", "Savings", "--date", "2030-01-01", "--amount", "5", NULL } },
  { "transfer-no-to", 2, { "transfer", "--from", "Checking", "--date", "2030-01-01", "--amount", "5", NULL } },
  { "transfer-no-date", 2, { "transfer", "--from", "Checking", "--to", "Savings", "--amount", "5", NULL } },
  { "transfer-no-amount", 2, { "transfer", "--from", "Checking", "--to", "Savings", "--date", "2030-01-01", NULL } },
  { "transfer-argument", 2, { "transfer", "Checking", "--to", "Savings", "--date", "2030-01-01", "--amount", "5", NULL } },
  { "reconcile-no-account", 2, { "reconcile", "--date", "2030-01-31", "--balance", "5", NULL } },
  { "reconcile-no-date", 2, { "reconcile", "--account", "Checking", "--balance", "5", NULL } },
  { "reconcile-no-balance", 2, { "reconcile", "--account", "Checking", "--date", "2030-01-31", NULL } },
  { "reconcile-finish-value", 2, { "reconcile", "--account", "Checking", "--date", "2030-01-31", "--balance", "5",
                                   "--finish=yes", NULL } },
  /* Bad input: exit 1. */
  { "list-negative-min", 1, { "txn", "list", "--min-amount", "-5", NULL } },
  { "list-bad-max", 1, { "txn", "list", "--max-amount", "lots", NULL } },
  { "list-unknown-category", 1, { "txn", "list", "--category", "Travel", NULL } },
  { "edit-unknown-id", 1, { "txn", "edit", "999999", "--amount", "5", NULL } },
  { "edit-not-an-id", 1, { "txn", "edit", "first", "--amount", "5", NULL } },
  { "edit-unknown-category", 1, { "txn", "edit", TXN_ID, "--category", "Travel", NULL } },
  { "edit-unknown-account", 1, { "txn", "edit", TXN_ID, "--account", "Brokerage", NULL } },
  { "edit-bad-status", 1, { "txn", "edit", TXN_ID, "--status", "done", NULL } },
  { "edit-bad-date", 1, { "txn", "edit", TXN_ID, "--date", "2030-02-30", NULL } },
  { "edit-bad-amount", 1, { "txn", "edit", TXN_ID, "--amount", "12,3x", NULL } },
  { "edit-split-amount", 1, { "txn", "edit", SPLIT_ID, "--amount", "-70", NULL } },
  { "edit-transfer-category", 1, { "txn", "edit", XFER_ID, "--category", "Home", NULL } },
  { "edit-transfer-same-account", 1, { "txn", "edit", XFER_ID, "--account", "Savings", NULL } },
  { "edit-other-currency", 1, { "txn", "edit", TXN_ID, "--account", "Euro", NULL } },
  { "split-wrong-sum", 1, { "txn", "split", TXN_ID, "--part", "Home=30", "--part", "Food:Groceries=10", NULL } },
  { "split-unknown-category", 1, { "txn", "split", TXN_ID, "--part", "Home=30", "--part", "Travel=20", NULL } },
  { "split-bad-amount", 1, { "txn", "split", TXN_ID, "--part", "Home=thirty", NULL } },
  { "split-transfer", 1, { "txn", "split", XFER_ID, "--part", "Home=100", NULL } },
  { "split-unknown-id", 1, { "txn", "split", "999999", "--part", "Home=100", NULL } },
  { "transfer-same-account", 1, { "transfer", "--from", "Checking", "--to", "Checking", "--date", "2030-01-01",
                                  "--amount", "5", NULL } },
  { "transfer-negative", 1, { "transfer", "--from", "Checking", "--to", "Savings", "--date", "2030-01-01",
                              "--amount", "-5", NULL } },
  { "transfer-zero", 1, { "transfer", "--from", "Checking", "--to", "Savings", "--date", "2030-01-01",
                          "--amount", "0", NULL } },
  { "transfer-cross-without-to-amount", 1, { "transfer", "--from", "Checking", "--to", "Euro", "--date", "2030-01-01",
                                             "--amount", "5", NULL } },
  { "transfer-negative-to-amount", 1, { "transfer", "--from", "Checking", "--to", "Euro", "--date", "2030-01-01",
                                        "--amount", "5", "--to-amount", "-4.60", NULL } },
  { "transfer-same-currency-to-amount", 1, { "transfer", "--from", "Checking", "--to", "Savings", "--date", "2030-01-01",
                                             "--amount", "5", "--to-amount", "4", NULL } },
  { "transfer-unknown-account", 1, { "transfer", "--from", "Checking", "--to", "Brokerage", "--date", "2030-01-01",
                                     "--amount", "5", NULL } },
  { "transfer-bad-date", 1, { "transfer", "--from", "Checking", "--to", "Savings", "--date", "2030-02-30",
                              "--amount", "5", NULL } },
  { "reconcile-finish-difference", 1, { "reconcile", "--account", "Checking", "--date", "2030-01-31",
                                        "--balance", "5", "--finish", NULL } },
  { "reconcile-unknown-account", 1, { "reconcile", "--account", "Brokerage", "--date", "2030-01-31",
                                      "--balance", "5", NULL } },
  { "reconcile-bad-balance", 1, { "reconcile", "--account", "Checking", "--date", "2030-01-31",
                                  "--balance", "five", NULL } },
  { "reconcile-bad-date", 1, { "reconcile", "--account", "Checking", "--date", "2030-13-01",
                               "--balance", "5", NULL } },
  { "delete-unknown-id", 1, { "txn", "delete", "999999", NULL } },
};

/* One database for every case: each must leave it exactly as it was. */
static void
test_bad_input (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(JsonNode) payment = NULL;
  g_autoptr(JsonNode) split = NULL;
  g_autoptr(JsonNode) transfer = NULL;
  g_autofree char *txn = NULL;
  g_autofree char *split_id = NULL;
  g_autofree char *xfer = NULL;

  seed_accounts (f);
  payment = run_json (f, "txn", "add", "--account", "Checking", "--date", "2030-01-05", "--amount", "-50",
                      "--status", "cleared", NULL);
  txn = id_text (root_object (payment));
  split = run_json (f, "txn", "add", "--account", "Checking", "--date", "2030-01-06", "--amount", "-60", NULL);
  split_id = id_text (root_object (split));
  run_ok (f, "txn", "split", split_id, "--part", "Home=40", "--part", "Food:Dining=20", NULL);
  transfer = run_json (f, "transfer", "--from", "Checking", "--to", "Savings", "--date", "2030-01-07",
                       "--amount", "100", NULL);
  xfer = id_text (json_object_get_object_member (root_object (transfer), "from"));

  for (guint c = 0; c < G_N_ELEMENTS (bad_cases); c++)
    {
      const BadCase *bad = &bad_cases[c];
      g_autoptr(GPtrArray) args = g_ptr_array_new ();
      g_auto(CliResult) result = { 0 };
      g_autofree char *before = dump_database (f->db);
      g_autofree char *after = NULL;

      for (guint i = 0; bad->args[i] != NULL; i++)
        {
          if (g_str_equal (bad->args[i], TXN_ID))
            g_ptr_array_add (args, txn);
          else if (g_str_equal (bad->args[i], SPLIT_ID))
            g_ptr_array_add (args, split_id);
          else if (g_str_equal (bad->args[i], XFER_ID))
            g_ptr_array_add (args, xfer);
          else
            g_ptr_array_add (args, (gpointer)bad->args[i]);
        }
      /* With --json too: a failure must not print half a result. */
      if (bad->status == 1)
        g_ptr_array_add (args, (gpointer)"--json");
      g_ptr_array_add (args, NULL);

      run_cliv (f->db, (const char * const *)args->pdata, &result);
      g_test_message ("%s: exit %d, stderr: %s", bad->name, result.status, result.err);
      if (result.status != bad->status)
        g_printerr ("case %s: exit %d, stderr: %s", bad->name, result.status, result.err);
      g_assert_cmpint (result.status, ==, bad->status);
      g_assert_cmpstr (result.out, ==, "");
      g_assert_true (g_str_has_prefix (result.err, "budg-cli: "));
      if (bad->status == 2)
        g_assert_nonnull (strstr (result.err, "Usage: budg-cli"));

      after = dump_database (f->db);
      g_assert_cmpstr (after, ==, before);
    }
}

static void
test_help (Fixture       *f,
           gconstpointer  data)
{
  const char *commands[][2] = {
    { "txn", "edit" },
    { "txn", "split" },
    { "transfer", NULL },
    { "reconcile", NULL },
    { "txn", "list" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(CliResult) help = { 0 };

      if (commands[i][1] != NULL)
        run_cli (f, &help, commands[i][0], commands[i][1], "--help", NULL);
      else
        run_cli (f, &help, commands[i][0], "--help", NULL);
      g_assert_cmpint (help.status, ==, 0);
      g_assert_true (g_str_has_prefix (help.out, "Usage: budg-cli"));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli-register/list/sort", Fixture, NULL, fixture_setup, test_list_sort, fixture_teardown);
  g_test_add ("/cli-register/list/filters", Fixture, NULL, fixture_setup, test_list_filters, fixture_teardown);
  g_test_add ("/cli-register/edit", Fixture, NULL, fixture_setup, test_edit, fixture_teardown);
  g_test_add ("/cli-register/split", Fixture, NULL, fixture_setup, test_split, fixture_teardown);
  g_test_add ("/cli-register/transfer", Fixture, NULL, fixture_setup, test_transfer, fixture_teardown);
  g_test_add ("/cli-register/reconcile", Fixture, NULL, fixture_setup, test_reconcile, fixture_teardown);
  g_test_add ("/cli-register/bad-input", Fixture, NULL, fixture_setup, test_bad_input, fixture_teardown);
  g_test_add ("/cli-register/help", Fixture, NULL, fixture_setup, test_help, fixture_teardown);

  return g_test_run ();
}
