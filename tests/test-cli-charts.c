/* test-cli-charts.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-cli-charts"

#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "cli-test-util.h"

/* `budg-cli chart` and `report --csv`, spawned on temporary databases: the
 * files each writes (PNG read back with cairo, PDF, SVG parsed as XML, CSV
 * parsed by the RFC 4180 reader below), the numbers behind every chart
 * checked against the reports and against balances added up here from the
 * seed, and the exit statuses of wrong usage and of files that cannot be
 * written, which never leave a file behind.
 */

typedef struct
{
  char *dir;
  char *db;
} Fixture;

/* The seed, in 2026. Savings has a balance snapshot of 1000.00 at the end
 * of 15 February, which replaces what came before (that day's -20.00
 * included). 1 EUR is 1.0823 USD from 1 January. */
typedef struct
{
  const char *account;
  const char *date;
  const char *amount;
  gint64      minor;
  const char *category;
  const char *payee;
} SeedTransaction;

static const SeedTransaction seed_transactions[] = {
  { "Checking", "2026-01-05", "-100", -10000, "Food:Groceries", "Market, \"Big\"" },
  { "Checking", "2026-02-05", "-100", -10000, "Food:Groceries", "Market, \"Big\"" },
  { "Checking", "2026-03-05", "-100", -10000, "Food:Groceries", "Market, \"Big\"" },
  { "Checking", "2026-02-10", "-250", -25000, "Food:Dining", "Bistro" },
  { "Checking", "2026-02-01", "3000", 300000, "Salary", "Employer" },
  { "Checking", "2026-03-12", "-40", -4000, "Fun, \"Games\"", "Arcade" },
  { "Checking", "2026-01-20", "-30", -3000, NULL, NULL },
  { "Girokonto", "2026-03-10", "-50", -5000, "Food:Groceries", "Markt" },
  { "Savings", "2026-02-10", "200", 20000, NULL, NULL },
  { "Savings", "2026-02-15", "-20", -2000, NULL, NULL },
  { "Savings", "2026-02-20", "5", 500, NULL, NULL },
};

#define SAVINGS_SNAPSHOT_DATE  "2026-02-15"
#define SAVINGS_SNAPSHOT_MINOR 100000

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("budg-cli-charts-XXXXXX", &error);
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

static char *
path_in (Fixture    *f,
         const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

static GPtrArray *
collect_args (va_list ap)
{
  GPtrArray *args = g_ptr_array_new ();
  const char *arg;

  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (gpointer)arg);

  return args;
}

static void
run_ok (Fixture *f,
        ...) G_GNUC_NULL_TERMINATED;

static void
run_ok (Fixture *f,
        ...)
{
  g_autoptr(GPtrArray) args = NULL;
  va_list ap;

  va_start (ap, f);
  args = collect_args (ap);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  cli_run_ok_argv (f->db, (const char * const *) args->pdata);
}

static JsonNode *
run_json_args (Fixture   *f,
               GPtrArray *args)
{
  g_ptr_array_add (args, NULL);

  return cli_run_json_argv (f->db, (const char * const *) args->pdata);
}

static JsonNode *
run_json (Fixture *f,
          ...) G_GNUC_NULL_TERMINATED;

static JsonNode *
run_json (Fixture *f,
          ...)
{
  g_autoptr(GPtrArray) args = NULL;
  va_list ap;

  va_start (ap, f);
  args = collect_args (ap);
  va_end (ap);

  return run_json_args (f, args);
}

static void
seed (Fixture *f)
{
  run_ok (f, "init", NULL);
  run_ok (f, "account", "add", "Checking", "--kind", "checking", "--currency", "USD", NULL);
  run_ok (f, "account", "add", "Savings", "--kind", "savings", "--currency", "USD", NULL);
  run_ok (f, "account", "add", "Girokonto", "--kind", "checking", "--currency", "EUR", NULL);
  run_ok (f, "category", "add", "Food:Groceries", NULL);
  run_ok (f, "category", "add", "Food:Dining", NULL);
  run_ok (f, "category", "add", "Fun, \"Games\"", NULL);
  run_ok (f, "category", "add", "Salary", "--income", NULL);
  run_ok (f, "category", "edit", "Food", "--color", "#ff00ff", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (seed_transactions); i++)
    {
      const SeedTransaction *t = &seed_transactions[i];
      g_autoptr(GPtrArray) args = g_ptr_array_new ();
      g_auto(CliResult) result = { 0 };

      g_ptr_array_add (args, (gpointer)"txn");
      g_ptr_array_add (args, (gpointer)"add");
      g_ptr_array_add (args, (gpointer)"--account");
      g_ptr_array_add (args, (gpointer)t->account);
      g_ptr_array_add (args, (gpointer)"--date");
      g_ptr_array_add (args, (gpointer)t->date);
      g_ptr_array_add (args, (gpointer)"--amount");
      g_ptr_array_add (args, (gpointer)t->amount);
      if (t->category != NULL)
        {
          g_ptr_array_add (args, (gpointer)"--category");
          g_ptr_array_add (args, (gpointer)t->category);
        }
      if (t->payee != NULL)
        {
          g_ptr_array_add (args, (gpointer)"--payee");
          g_ptr_array_add (args, (gpointer)t->payee);
        }
      g_ptr_array_add (args, NULL);

      run_cliv (f->db, (const char * const *)args->pdata, &result);
      g_assert_cmpint (result.status, ==, 0);
    }

  run_ok (f, "balance", "set", "--account", "Savings", "--date", SAVINGS_SNAPSHOT_DATE,
          "--amount", "1000", NULL);
  run_ok (f, "rate", "set", "EUR", "USD", "1.0823", "--date", "2026-01-01", NULL);
  run_ok (f, "budget", "set", "Food", "--amount", "300", "--period", "monthly", "--from", "2026-01", NULL);
}

/* The balance of @account at the end of @date, added up from the seed: the
 * snapshot of Savings, then the transactions after it. */
static gint64
reference_balance (const char *account,
                   const char *date)
{
  const char *since = "";
  gint64 balance = 0;

  if (g_str_equal (account, "Savings") && strcmp (SAVINGS_SNAPSHOT_DATE, date) <= 0)
    {
      since = SAVINGS_SNAPSHOT_DATE;
      balance = SAVINGS_SNAPSHOT_MINOR;
    }

  for (guint i = 0; i < G_N_ELEMENTS (seed_transactions); i++)
    {
      const SeedTransaction *t = &seed_transactions[i];

      if (g_str_equal (t->account, account) && strcmp (t->date, since) > 0 && strcmp (t->date, date) <= 0)
        balance += t->minor;
    }

  return balance;
}

static char *
iso_days_from_today (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);

  return g_date_time_format (then, "%Y-%m-%d");
}

/* Two decimals, as USD and EUR have: what the CSV's amount columns hold. */
static char *
reference_decimal (gint64 minor)
{
  guint64 size = minor < 0 ? (guint64) -minor : (guint64) minor;

  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%02u", minor < 0 ? "-" : "",
                          size / 100, (guint) (size % 100));
}

/* Reading what was written. */

static void
assert_png (const char *path,
            int         width,
            int         height)
{
  cairo_surface_t *surface = cairo_image_surface_create_from_png (path);
  const unsigned char *pixels;
  guint32 background;
  guint n_drawn = 0;
  int stride;

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, height);

  /* Not blank: a good part of the picture differs from its corner, the
   * background. */
  cairo_surface_flush (surface);
  pixels = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  background = *(const guint32 *) pixels;
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      if (*(const guint32 *) (pixels + y * stride + x * 4) != background)
        n_drawn++;
  g_assert_cmpuint (n_drawn, >, (guint) (width * height / 100));

  cairo_surface_destroy (surface);
}

/* How many pixels of a PNG are exactly @rgb, opaque. */
static guint
count_color (const char *path,
             guint32     rgb)
{
  cairo_surface_t *surface = cairo_image_surface_create_from_png (path);
  const unsigned char *pixels;
  guint count = 0;
  int stride;

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_flush (surface);
  pixels = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
      if (*(const guint32 *) (pixels + y * stride + x * 4) == (0xff000000 | rgb))
        count++;

  cairo_surface_destroy (surface);

  return count;
}

static void
assert_pdf (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 100);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_nonnull (g_strrstr_len (contents + length - 32, 32, "%%EOF"));
}

typedef struct
{
  char *root;
  char *width;
  guint depth;
} SvgCheck;

static void
svg_start_element (GMarkupParseContext  *context,
                   const char           *element,
                   const char          **names,
                   const char          **values,
                   gpointer              user_data,
                   GError              **error)
{
  SvgCheck *check = user_data;

  if (check->depth++ == 0)
    {
      check->root = g_strdup (element);
      for (guint i = 0; names[i] != NULL; i++)
        if (g_str_equal (names[i], "width"))
          check->width = g_strdup (values[i]);
    }
}

static void
svg_end_element (GMarkupParseContext  *context,
                 const char           *element,
                 gpointer              user_data,
                 GError              **error)
{
  ((SvgCheck *) user_data)->depth--;
}

static const GMarkupParser svg_parser = {
  svg_start_element, svg_end_element, NULL, NULL, NULL,
};

static void
assert_svg (const char *path,
            int         width)
{
  g_autofree char *contents = NULL;
  g_autofree char *width_text = g_strdup_printf ("%d", width);
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;
  SvgCheck check = { 0 };
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  context = g_markup_parse_context_new (&svg_parser, 0, &check, NULL);
  g_assert_true (g_markup_parse_context_parse (context, contents, length, &error));
  g_assert_true (g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (check.root, ==, "svg");
  g_assert_cmpuint (check.depth, ==, 0);
  g_assert_nonnull (check.width);
  g_assert_true (g_str_has_prefix (check.width, width_text));
  g_assert_false (g_ascii_isdigit (check.width[strlen (width_text)]));

  g_free (check.root);
  g_free (check.width);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The names in @dir, sorted, to see that nothing else was left there; the
 * database's own files (its journal comes and goes) are left out. */
static char *
list_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    if (!g_str_has_prefix (name, "budg.db"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (" ", (char **) names->pdata);
}

/* RFC 4180, strictly: every record ends in CRLF, a quoted field ends at a
 * quote not doubled. Returns: a GPtrArray of records (GStrv). */
static GPtrArray *
parse_csv (const char *text)
{
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);
  gboolean quoted = FALSE;
  gboolean was_quoted = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (quoted)
        {
          if (*p == '"' && p[1] == '"')
            {
              g_string_append_c (field, '"');
              p++;
            }
          else if (*p == '"')
            quoted = FALSE;
          else
            g_string_append_c (field, *p);
          continue;
        }

      if (*p == '"')
        {
          /* A quote opens a field, never appears inside an unquoted one. */
          g_assert_cmpuint (field->len, ==, 0);
          g_assert_false (was_quoted);
          quoted = was_quoted = TRUE;
        }
      else if (*p == ',' || *p == '\r')
        {
          g_ptr_array_add (fields, g_strdup (field->str));
          g_string_truncate (field, 0);
          was_quoted = FALSE;
          if (*p == '\r')
            {
              g_assert_cmpint (p[1], ==, '\n');
              p++;
              g_ptr_array_add (fields, NULL);
              g_ptr_array_add (records, g_ptr_array_steal (fields, NULL));
              fields = g_ptr_array_new_with_free_func (g_free);
            }
        }
      else
        {
          g_assert_cmpint (*p, !=, '\n');
          g_assert_false (was_quoted);
          g_string_append_c (field, *p);
        }
    }

  /* The text ends with a complete record. */
  g_assert_false (quoted);
  g_assert_cmpuint (fields->len, ==, 0);
  g_assert_cmpuint (field->len, ==, 0);

  return records;
}

/* Charts. */

typedef struct
{
  const char *name;
  const char *args[16];
} ChartCase;

static const ChartCase chart_cases[] = {
  { "donut", { "chart", "donut", "--from", "2026-01-01", "--to", "2026-03-31", "--currency", "USD", NULL } },
  { "bars", { "chart", "bars", "--from", "2026-01-01", "--to", "2026-03-31", "--currency", "USD", NULL } },
  { "stacked", { "chart", "bars", "--stacked", "--from", "2026-01-01", "--to", "2026-03-31", "--currency", "USD", NULL } },
  { "line", { "chart", "line", "--from", "2026-01-01", "--to", "2026-06-30", "--currency", "USD", NULL } },
  { "line-days", { "chart", "line", "--account", "Savings", "--account", "Checking", "--by", "day",
                   "--from", "2026-02-01", "--to", "2026-03-31", NULL } },
};

static JsonObject *
run_chart (Fixture          *f,
           const ChartCase  *chart,
           const char       *output,
           const char       *width,
           const char       *height,
           JsonNode        **out_root)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();

  for (guint i = 0; chart->args[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer)chart->args[i]);
  g_ptr_array_add (args, (gpointer)"--output");
  g_ptr_array_add (args, (gpointer)output);
  if (width != NULL)
    {
      g_ptr_array_add (args, (gpointer)"--width");
      g_ptr_array_add (args, (gpointer)width);
    }
  if (height != NULL)
    {
      g_ptr_array_add (args, (gpointer)"--height");
      g_ptr_array_add (args, (gpointer)height);
    }

  *out_root = run_json_args (f, args);

  return root_object (*out_root);
}

static void
test_chart_formats (Fixture       *f,
                    gconstpointer  data)
{
  static const char * const formats[] = { "png", "pdf", "svg" };

  seed (f);

  for (guint c = 0; c < G_N_ELEMENTS (chart_cases); c++)
    for (guint k = 0; k < G_N_ELEMENTS (formats); k++)
      {
        g_autofree char *name = g_strdup_printf ("%s.%s", chart_cases[c].name, formats[k]);
        g_autofree char *output = path_in (f, name);
        g_autoptr(JsonNode) root = NULL;
        /* Sizes that differ per case, so that none passes by accident. */
        int width = 300 + 20 * c;
        int height = 200 + 10 * k;
        g_autofree char *width_text = g_strdup_printf ("%d", width);
        g_autofree char *height_text = g_strdup_printf ("%d", height);
        JsonObject *result;

        g_test_message ("%s", name);
        result = run_chart (f, &chart_cases[c], output, width_text, height_text, &root);

        g_assert_cmpstr (member_string (result, "output"), ==, output);
        g_assert_cmpstr (member_string (result, "format"), ==, formats[k]);
        g_assert_cmpint (member_int (result, "width"), ==, width);
        g_assert_cmpint (member_int (result, "height"), ==, height);
        g_assert_cmpint (member_int (result, "items"), >, 0);

        if (k == 0)
          assert_png (output, width, height);
        else if (k == 1)
          assert_pdf (output);
        else
          assert_svg (output, width);
      }

  /* Every file, and nothing half written beside them. */
  {
    g_autofree char *names = list_dir (f->dir);

    g_assert_cmpstr (names, ==,
                     "bars.pdf bars.png bars.svg donut.pdf donut.png donut.svg "
                     "line-days.pdf line-days.png line-days.svg line.pdf line.png line.svg "
                     "stacked.pdf stacked.png stacked.svg");
  }

  /* 800 × 600 unless told; the extension in any case. */
  {
    g_autofree char *output = path_in (f, "default.PNG");
    g_autoptr(JsonNode) root = NULL;
    JsonObject *result = run_chart (f, &chart_cases[0], output, NULL, NULL, &root);

    g_assert_cmpint (member_int (result, "width"), ==, 800);
    g_assert_cmpint (member_int (result, "height"), ==, 600);
    g_assert_cmpstr (member_string (result, "format"), ==, "png");
    assert_png (output, 800, 600);
  }
}

/* The values of series @index of a chart's JSON. */
static JsonArray *
series_values (JsonObject *chart,
               guint       index)
{
  JsonArray *series = json_object_get_array_member (chart, "series");

  g_assert_cmpuint (index, <, json_array_get_length (series));

  return json_object_get_array_member (json_array_get_object_element (series, index), "values");
}

static const char *
series_name (JsonObject *chart,
             guint       index)
{
  JsonArray *series = json_object_get_array_member (chart, "series");

  return member_string (json_array_get_object_element (series, index), "name");
}

static gint64
value_at (JsonArray *values,
          guint      index)
{
  JsonNode *node = json_array_get_element (values, index);

  g_assert_true (json_node_get_value_type (node) == G_TYPE_INT64);

  return json_node_get_int (node);
}

static const char *
label_at (JsonObject *chart,
          guint       index)
{
  return json_array_get_string_element (json_object_get_array_member (chart, "labels"), index);
}

static guint
n_labels (JsonObject *chart)
{
  return json_array_get_length (json_object_get_array_member (chart, "labels"));
}

static int
compare_int64_desc (gconstpointer a,
                    gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x > y ? -1 : x < y;
}

static void
test_chart_donut_values (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *output = NULL;
  g_autoptr(JsonNode) report_root = NULL;
  g_autoptr(JsonNode) chart_root = NULL;
  g_autoptr(JsonNode) top_root = NULL;
  g_autoptr(JsonNode) all_root = NULL;
  g_autoptr(JsonNode) parent_root = NULL;
  g_autoptr(JsonNode) payee_root = NULL;
  g_autoptr(GArray) expected = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *parent_png = NULL;
  g_autofree char *payee_png = NULL;
  JsonArray *rows;
  JsonObject *chart;
  JsonArray *values;
  gint64 rest = 0;

  seed (f);
  output = path_in (f, "chart.png");

  /* The slices are the spending report's rows, largest first. */
  report_root = run_json (f, "report", "spending", "--from", "2026-01-01", "--to", "2026-03-31",
                          "--currency", "USD", NULL);
  rows = root_array (report_root);
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      gint64 amount = member_int (json_array_get_object_element (rows, i), "amount_minor");

      if (amount > 0)
        g_array_append_val (expected, amount);
    }
  g_array_sort (expected, compare_int64_desc);
  /* Groceries (300.00 and 50.00 EUR), Dining, Uncategorized, Fun. */
  g_assert_cmpuint (expected->len, ==, 4);

  chart_root = run_json (f, "chart", "donut", "--from", "2026-01-01", "--to", "2026-03-31",
                         "--currency", "USD", "--output", output, NULL);
  chart = root_object (chart_root);
  values = series_values (chart, 0);
  g_assert_cmpuint (json_array_get_length (values), ==, expected->len);
  g_assert_cmpuint (n_labels (chart), ==, expected->len);
  g_assert_cmpint (member_int (chart, "items"), ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    g_assert_cmpint (value_at (values, i), ==, g_array_index (expected, gint64, i));
  g_assert_cmpstr (label_at (chart, 0), ==, "Food:Groceries");
  g_assert_cmpstr (member_string (chart, "currency"), ==, "USD");

  /* --top 2 keeps two and adds up the rest as "Other"... */
  top_root = run_json (f, "chart", "donut", "--from", "2026-01-01", "--to", "2026-03-31",
                       "--currency", "USD", "--top", "2", "--output", output, NULL);
  chart = root_object (top_root);
  values = series_values (chart, 0);
  for (guint i = 2; i < expected->len; i++)
    rest += g_array_index (expected, gint64, i);
  g_assert_cmpuint (n_labels (chart), ==, 3);
  g_assert_cmpstr (label_at (chart, 2), ==, "Other");
  g_assert_cmpint (value_at (values, 0), ==, g_array_index (expected, gint64, 0));
  g_assert_cmpint (value_at (values, 1), ==, g_array_index (expected, gint64, 1));
  g_assert_cmpint (value_at (values, 2), ==, rest);

  /* ...but never for a single group, which keeps its name. */
  all_root = run_json (f, "chart", "donut", "--from", "2026-01-01", "--to", "2026-03-31",
                       "--currency", "USD", "--top", "3", "--output", output, NULL);
  g_assert_cmpuint (n_labels (root_object (all_root)), ==, 4);
  for (guint i = 0; i < 4; i++)
    g_assert_cmpstr (label_at (root_object (all_root), i), !=, "Other");

  /* The colour of a category is its slice's: most of the ring is Food. */
  parent_png = path_in (f, "parent.png");
  payee_png = path_in (f, "payee.png");
  parent_root = run_json (f, "chart", "donut", "--by", "parent", "--from", "2026-01-01", "--to", "2026-03-31",
                          "--currency", "USD", "--output", parent_png, "--width", "400", "--height", "300", NULL);
  payee_root = run_json (f, "chart", "donut", "--by", "payee", "--from", "2026-01-01", "--to", "2026-03-31",
                         "--currency", "USD", "--output", payee_png, "--width", "400", "--height", "300", NULL);
  g_assert_cmpstr (label_at (root_object (parent_root), 0), ==, "Food");
  g_assert_cmpuint (count_color (parent_png, 0xff00ff), >, 10000);
  g_assert_cmpuint (count_color (payee_png, 0xff00ff), ==, 0);
  g_assert_cmpstr (label_at (root_object (payee_root), 0), ==, "Market, \"Big\"");
}

static void
test_chart_bars_values (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *output = NULL;
  g_autoptr(JsonNode) report_root = NULL;
  g_autoptr(JsonNode) months_root = NULL;
  g_autoptr(JsonNode) grouped_root = NULL;
  g_autoptr(JsonNode) stacked_root = NULL;
  g_autoptr(JsonNode) top_root = NULL;
  g_autoptr(JsonNode) year_root = NULL;
  JsonArray *rows;
  JsonObject *chart;
  JsonArray *series;

  seed (f);
  output = path_in (f, "chart.svg");

  /* Grouped: income and expense per month, as the report has them. */
  report_root = run_json (f, "report", "income-expense", "--from", "2026-01-01", "--to", "2026-04-30",
                          "--currency", "USD", NULL);
  grouped_root = run_json (f, "chart", "bars", "--from", "2026-01-01", "--to", "2026-04-30",
                           "--currency", "USD", "--output", output, NULL);
  rows = root_array (report_root);
  chart = root_object (grouped_root);
  g_assert_cmpuint (n_labels (chart), ==, 4);
  g_assert_cmpuint (json_array_get_length (rows), ==, 4);
  g_assert_cmpstr (series_name (chart, 0), ==, "Income");
  g_assert_cmpstr (series_name (chart, 1), ==, "Expense");
  for (guint i = 0; i < 4; i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);

      g_assert_cmpstr (label_at (chart, i), ==, member_string (row, "month"));
      g_assert_cmpint (value_at (series_values (chart, 0), i), ==, member_int (row, "income_minor"));
      g_assert_cmpint (value_at (series_values (chart, 1), i), ==, member_int (row, "expense_minor"));
    }
  /* February: the salary, and money into Savings without a category. */
  g_assert_cmpint (value_at (series_values (chart, 0), 1), ==, 320500);

  /* Stacked: each month's stack adds up to that month's spending. */
  months_root = run_json (f, "report", "spending", "--by", "month", "--from", "2026-01-01", "--to", "2026-04-30",
                          "--currency", "USD", NULL);
  stacked_root = run_json (f, "chart", "bars", "--stacked", "--from", "2026-01-01", "--to", "2026-04-30",
                           "--currency", "USD", "--output", output, NULL);
  chart = root_object (stacked_root);
  series = json_object_get_array_member (chart, "series");
  g_assert_cmpuint (n_labels (chart), ==, 4);
  /* Food, Uncategorized, Fun: three top-level groups, no "Other". */
  g_assert_cmpuint (json_array_get_length (series), ==, 3);
  g_assert_cmpstr (series_name (chart, 0), ==, "Food");
  g_assert_cmpstr (member_string (json_array_get_object_element (series, 0), "color"), ==, "#ff00ff");
  for (guint i = 0; i < 4; i++)
    {
      JsonObject *row = find_by_string (root_array (months_root), "month", label_at (chart, i));
      gint64 expected = row != NULL ? member_int (row, "amount_minor") : 0;
      gint64 stack = 0;

      for (guint s = 0; s < json_array_get_length (series); s++)
        stack += value_at (series_values (chart, s), i);
      g_assert_cmpint (stack, ==, expected);
    }

  /* --top 1: Food, and the others together. */
  top_root = run_json (f, "chart", "bars", "--stacked", "--top", "1", "--from", "2026-01-01", "--to", "2026-04-30",
                       "--currency", "USD", "--output", output, NULL);
  chart = root_object (top_root);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (chart, "series")), ==, 2);
  g_assert_cmpstr (series_name (chart, 1), ==, "Other");
  /* January: 30.00 uncategorized; March: 40.00 of Fun. */
  g_assert_cmpint (value_at (series_values (chart, 1), 0), ==, 3000);
  g_assert_cmpint (value_at (series_values (chart, 1), 2), ==, 4000);

  /* By year: one bar group. */
  year_root = run_json (f, "chart", "bars", "--by", "year", "--from", "2026-01-01", "--to", "2026-04-30",
                        "--currency", "USD", "--output", output, NULL);
  chart = root_object (year_root);
  g_assert_cmpuint (n_labels (chart), ==, 1);
  g_assert_cmpstr (label_at (chart, 0), ==, "2026");
  g_assert_cmpint (value_at (series_values (chart, 0), 0), ==, 320500);
}

static void
test_chart_line_values (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *output = NULL;
  g_autoptr(JsonNode) net_worth_root = NULL;
  g_autoptr(JsonNode) accounts_root = NULL;
  g_autoptr(JsonNode) line_root = NULL;
  g_autoptr(JsonNode) by_account_root = NULL;
  g_autoptr(JsonNode) days_root = NULL;
  g_autoptr(JsonNode) euro_root = NULL;
  g_autoptr(JsonNode) mixed_root = NULL;
  g_autoptr(JsonNode) default_root = NULL;
  JsonArray *rows;
  JsonObject *chart;

  seed (f);
  output = path_in (f, "chart.pdf");

  /* Net worth at each month end, as the report counts it. */
  net_worth_root = run_json (f, "report", "net-worth", "--from", "2026-01-01", "--to", "2026-04-15",
                             "--currency", "USD", NULL);
  line_root = run_json (f, "chart", "line", "--from", "2026-01-01", "--to", "2026-04-15",
                        "--currency", "USD", "--output", output, NULL);
  rows = root_array (net_worth_root);
  chart = root_object (line_root);
  g_assert_cmpuint (n_labels (chart), ==, 4);
  g_assert_cmpuint (json_array_get_length (rows), ==, 4);
  g_assert_cmpstr (series_name (chart, 0), ==, "Net worth");
  g_assert_true (member_is_null (chart, "projected_from"));
  for (guint i = 0; i < 4; i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);

      g_assert_cmpstr (label_at (chart, i), ==, member_string (row, "month"));
      g_assert_cmpint (value_at (series_values (chart, 0), i), ==, member_int (row, "amount_minor"));
    }

  /* One line per account, in the order asked, as the report has them. */
  accounts_root = run_json (f, "report", "net-worth", "--by", "account", "--from", "2026-01-01", "--to", "2026-04-15",
                            "--currency", "USD", NULL);
  by_account_root = run_json (f, "chart", "line", "--account", "Savings", "--account", "Girokonto",
                              "--account", "savings", "--from", "2026-01-01", "--to", "2026-04-15",
                              "--currency", "USD", "--output", output, NULL);
  chart = root_object (by_account_root);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (chart, "series")), ==, 2);
  g_assert_cmpstr (series_name (chart, 0), ==, "Savings");
  g_assert_cmpstr (series_name (chart, 1), ==, "Girokonto");
  for (guint s = 0; s < 2; s++)
    for (guint i = 0; i < 4; i++)
      {
        JsonArray *report = root_array (accounts_root);
        JsonObject *row = NULL;

        for (guint r = 0; r < json_array_get_length (report) && row == NULL; r++)
          {
            JsonObject *candidate = json_array_get_object_element (report, r);

            if (g_str_equal (member_string (candidate, "account"), series_name (chart, s)) &&
                g_str_equal (member_string (candidate, "month"), label_at (chart, i)))
              row = candidate;
          }
        g_assert_nonnull (row);
        g_assert_cmpint (value_at (series_values (chart, s), i), ==, member_int (row, "amount_minor"));
      }

  /* Every day, against the balances added up here: the snapshot replaces
   * what came before it, that day included. */
  days_root = run_json (f, "chart", "line", "--account", "Savings", "--account", "Checking", "--by", "day",
                        "--from", "2026-01-31", "--to", "2026-03-02", "--output", output, NULL);
  chart = root_object (days_root);
  g_assert_cmpuint (n_labels (chart), ==, 31);
  g_assert_cmpstr (label_at (chart, 0), ==, "2026-01-31");
  g_assert_cmpstr (label_at (chart, 30), ==, "2026-03-02");
  g_assert_cmpint (member_int (chart, "items"), ==, 62);
  for (guint i = 0; i < 31; i++)
    {
      g_assert_cmpint (value_at (series_values (chart, 0), i), ==, reference_balance ("Savings", label_at (chart, i)));
      g_assert_cmpint (value_at (series_values (chart, 1), i), ==, reference_balance ("Checking", label_at (chart, i)));
    }
  g_assert_cmpint (value_at (series_values (chart, 0), 15), ==, SAVINGS_SNAPSHOT_MINOR);

  /* Without --currency: the accounts' own currency when they share one... */
  euro_root = run_json (f, "chart", "line", "--account", "Girokonto", "--from", "2026-03-01", "--to", "2026-03-31",
                        "--output", output, NULL);
  g_assert_cmpstr (member_string (root_object (euro_root), "currency"), ==, "EUR");
  g_assert_cmpint (value_at (series_values (root_object (euro_root), 0), 0), ==, -5000);

  /* ...else the default currency, as net worth counts in. */
  mixed_root = run_json (f, "chart", "line", "--from", "2026-03-01", "--to", "2026-03-31", "--output", output, NULL);
  default_root = run_json (f, "report", "net-worth", "--from", "2026-03-01", "--to", "2026-03-31", NULL);
  g_assert_cmpstr (member_string (root_object (mixed_root), "currency"), ==,
                   member_string (json_array_get_object_element (root_array (default_root), 0), "currency"));
}

/* After today the line is the forecast, bills included, and only with
 * --projected. */
static void
test_chart_line_projected (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *output = NULL;
  g_autofree char *from = iso_days_from_today (-5);
  g_autofree char *today = iso_days_from_today (0);
  g_autofree char *tomorrow = iso_days_from_today (1);
  g_autofree char *to = iso_days_from_today (20);
  g_autoptr(JsonNode) recorded_root = NULL;
  g_autoptr(JsonNode) projected_root = NULL;
  JsonObject *recorded;
  JsonObject *projected;
  gint64 now;

  run_ok (f, "init", NULL);
  run_ok (f, "account", "add", "Checking", "--kind", "checking", "--currency", "USD", NULL);
  run_ok (f, "txn", "add", "--account", "Checking", "--date", from, "--amount", "1000", NULL);
  run_ok (f, "bill", "add", "Rent", "--amount", "50", "--account", "Checking", "--rrule", "FREQ=WEEKLY",
          "--start", tomorrow, "--weekend", "none", NULL);
  output = path_in (f, "line.png");

  recorded_root = run_json (f, "chart", "line", "--account", "Checking", "--by", "day", "--from", from, "--to", to,
                            "--output", output, NULL);
  projected_root = run_json (f, "chart", "line", "--account", "Checking", "--by", "day", "--from", from, "--to", to,
                             "--projected", "--output", output, NULL);
  recorded = root_object (recorded_root);
  projected = root_object (projected_root);

  g_assert_true (member_is_null (recorded, "projected_from"));
  g_assert_cmpstr (member_string (projected, "projected_from"), ==, tomorrow);
  g_assert_cmpuint (n_labels (projected), ==, 26);
  g_assert_cmpstr (label_at (projected, 5), ==, today);

  now = value_at (series_values (projected, 0), 5);
  g_assert_cmpint (now, ==, 100000);
  for (guint i = 0; i < 26; i++)
    {
      /* Weekly from tomorrow: one more payment every seven days. */
      gint64 n_paid = i >= 6 ? (i - 6) / 7 + 1 : 0;

      g_assert_cmpint (value_at (series_values (recorded, 0), i), ==, 100000);
      g_assert_cmpint (value_at (series_values (projected, 0), i), ==, now - 5000 * n_paid);
    }

  assert_png (output, 800, 600);
}

/* Reports as CSV. */

typedef struct
{
  const char *name;
  const char *header;
  const char *args[12];
} CsvCase;

static const CsvCase csv_cases[] = {
  { "spending-category", "category,amount,amount_minor,currency",
    { "report", "spending", "--from", "2026-01-01", "--to", "2026-03-31", NULL } },
  { "spending-payee", "payee,amount,amount_minor,currency",
    { "report", "spending", "--by", "payee", "--from", "2026-01-01", "--to", "2026-03-31", NULL } },
  { "spending-monthly", "category,month,amount,amount_minor,currency",
    { "report", "spending", "--monthly", "--from", "2026-01-01", "--to", "2026-03-31", NULL } },
  { "spending-month", "month,amount,amount_minor,currency",
    { "report", "spending", "--by", "month", "--monthly", "--from", "2026-01-01", "--to", "2026-03-31", NULL } },
  { "income-expense", "month,income,income_minor,expense,expense_minor,amount,amount_minor,currency",
    { "report", "income-expense", "--from", "2026-01-01", "--to", "2026-03-31", NULL } },
  { "income-expense-year", "year,income,income_minor,expense,expense_minor,amount,amount_minor,currency",
    { "report", "income-expense", "--by", "year", "--currency", "USD", "--from", "2026-01-01", "--to", "2026-03-31", NULL } },
  { "net-worth", "month,amount,amount_minor,currency",
    { "report", "net-worth", "--currency", "USD", "--from", "2026-01-01", "--to", "2026-03-31", NULL } },
  { "net-worth-account", "account,month,amount,amount_minor,currency",
    { "report", "net-worth", "--by", "account", "--from", "2026-01-01", "--to", "2026-03-31", NULL } },
  { "budget", "category,month,budgeted,budgeted_minor,amount,amount_minor,currency",
    { "report", "budget", "--from", "2026-01-01", "--to", "2026-03-31", NULL } },
  { "summary", "month,income,income_minor,expense,expense_minor,budgeted,budgeted_minor,amount,amount_minor,currency",
    { "report", "summary", "--from", "2026-01-01", "--to", "2026-03-31", NULL } },
};

static GPtrArray *
csv_case_args (const CsvCase *csv)
{
  GPtrArray *args = g_ptr_array_new ();

  for (guint i = 0; csv->args[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer)csv->args[i]);

  return args;
}

/* The CSV file holds the JSON rows: each member, in the same order, and
 * each amount once more as a decimal before its minor units. */
static void
assert_csv_matches_json (const char *text,
                         const char *header,
                         JsonArray  *rows)
{
  g_autoptr(GPtrArray) records = parse_csv (text);
  g_auto(GStrv) columns = g_strsplit (header, ",", -1);
  char **first;

  g_assert_cmpuint (records->len, ==, json_array_get_length (rows) + 1);
  first = g_ptr_array_index (records, 0);
  g_assert_cmpstrv (first, columns);

  for (guint r = 0; r < json_array_get_length (rows); r++)
    {
      JsonObject *row = json_array_get_object_element (rows, r);
      char **record = g_ptr_array_index (records, r + 1);
      guint n_decimal = 0;

      g_assert_cmpuint (g_strv_length (record), ==, g_strv_length (columns));
      for (guint c = 0; columns[c] != NULL; c++)
        {
          g_autofree char *minor_name = g_strconcat (columns[c], "_minor", NULL);

          if (g_str_has_suffix (columns[c], "_minor"))
            {
              g_autofree char *digits = g_strdup_printf ("%" G_GINT64_FORMAT, member_int (row, columns[c]));

              g_assert_cmpstr (record[c], ==, digits);
            }
          else if (json_object_has_member (row, minor_name) && !json_object_has_member (row, columns[c]))
            {
              g_autofree char *decimal = reference_decimal (member_int (row, minor_name));

              g_assert_cmpstr (record[c], ==, decimal);
              n_decimal++;
            }
          else
            {
              const char *value = member_string (row, columns[c]);

              g_assert_cmpstr (record[c], ==, value != NULL ? value : "");
            }
        }

      /* Nothing of the JSON row is missing from the file. */
      g_assert_cmpuint (json_object_get_size (row), ==, g_strv_length (columns) - n_decimal);
    }
}

static void
test_report_csv (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autofree char *names = NULL;

  seed (f);
  path = path_in (f, "report.csv");

  for (guint i = 0; i < G_N_ELEMENTS (csv_cases); i++)
    {
      const CsvCase *csv = &csv_cases[i];
      g_autoptr(GPtrArray) json_args = csv_case_args (csv);
      g_autoptr(GPtrArray) csv_args = csv_case_args (csv);
      g_autoptr(JsonNode) rows_root = NULL;
      g_autoptr(JsonNode) result_root = NULL;
      g_autofree char *contents = NULL;
      g_autoptr(GError) error = NULL;
      JsonObject *result;

      g_test_message ("%s", csv->name);
      rows_root = run_json_args (f, json_args);
      g_assert_cmpuint (json_array_get_length (root_array (rows_root)), >, 0);

      /* The same path every time: each run replaces the file. */
      g_ptr_array_add (csv_args, (gpointer)"--csv");
      g_ptr_array_add (csv_args, path);
      result_root = run_json_args (f, csv_args);
      result = root_object (result_root);
      g_assert_cmpstr (member_string (result, "output"), ==, path);
      g_assert_cmpstr (member_string (result, "format"), ==, "csv");
      g_assert_cmpint (member_int (result, "rows"), ==, json_array_get_length (root_array (rows_root)));

      g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
      g_assert_no_error (error);
      assert_csv_matches_json (contents, csv->header, root_array (rows_root));

      /* Names with a comma and a quote are quoted, the quote doubled. */
      if (g_str_equal (csv->name, "spending-category"))
        g_assert_nonnull (strstr (contents, "\r\n\"Fun, \"\"Games\"\"\",40.00,4000,USD\r\n"));
      if (g_str_equal (csv->name, "spending-payee"))
        {
          g_assert_nonnull (strstr (contents, "\r\n\"Market, \"\"Big\"\"\",300.00,30000,USD\r\n"));
          /* No payee is an empty field, as it is null in JSON. */
          g_assert_nonnull (strstr (contents, "\r\n,50.00,5000,USD\r\n"));
        }
    }

  /* "-" writes the same text to the standard output. */
  {
    g_auto(CliResult) result = { 0 };
    g_autofree char *contents = NULL;
    const char * const args[] = { "report", "spending", "--by", "payee", "--from", "2026-01-01",
                                  "--to", "2026-03-31", "--csv", path, NULL };
    const char * const dash_args[] = { "report", "spending", "--by", "payee", "--from", "2026-01-01",
                                       "--to", "2026-03-31", "--csv", "-", NULL };

    /* Without --json, a sentence says what was written. */
    run_cliv (f->db, args, &result);
    g_assert_cmpint (result.status, ==, 0);
    g_assert_true (g_str_has_prefix (result.out, "Wrote 5 rows to "));
    cli_result_clear (&result);

    g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
    run_cliv (f->db, dash_args, &result);
    g_assert_cmpint (result.status, ==, 0);
    g_assert_cmpstr (result.out, ==, contents);
  }

  names = list_dir (f->dir);
  g_assert_cmpstr (names, ==, "report.csv");
}

/* Wrong usage (exit 2) and files that cannot be written (exit 1): nothing
 * on the standard output, no file left, the database as it was. */

typedef struct
{
  const char *name;
  int         status;
  const char *args[16];
} BadCase;

/* "@" stands for the test's directory. */
static const BadCase bad_cases[] = {
  { "no-output", 2, { "chart", "donut", "--from", "2026-01-01", "--to", "2026-03-31", NULL } },
  { "no-from", 2, { "chart", "line", "--to", "2026-03-31", "--output", "@/x.png", NULL } },
  { "width-small", 2, { "chart", "donut", "--from", "2026-01-01", "--to", "2026-03-31", "--output", "@/x.png", "--width", "15", NULL } },
  { "height-large", 2, { "chart", "bars", "--from", "2026-01-01", "--to", "2026-03-31", "--output", "@/x.png", "--height", "10001", NULL } },
  { "width-text", 2, { "chart", "line", "--from", "2026-01-01", "--to", "2026-03-31", "--output", "@/x.svg", "--width", "wide", NULL } },
  { "width-negative", 2, { "chart", "line", "--from", "2026-01-01", "--to", "2026-03-31", "--output", "@/x.svg", "--width=-800", NULL } },
  { "extension", 2, { "chart", "donut", "--from", "2026-01-01", "--to", "2026-03-31", "--output", "@/x.gif", NULL } },
  { "no-extension", 2, { "chart", "donut", "--from", "2026-01-01", "--to", "2026-03-31", "--output", "@/png", NULL } },
  { "bad-by", 2, { "chart", "donut", "--by", "month", "--from", "2026-01-01", "--to", "2026-03-31", "--output", "@/x.png", NULL } },
  { "top-zero", 2, { "chart", "donut", "--top", "0", "--from", "2026-01-01", "--to", "2026-03-31", "--output", "@/x.png", NULL } },
  { "top-unstacked", 2, { "chart", "bars", "--top", "3", "--from", "2026-01-01", "--to", "2026-03-31", "--output", "@/x.png", NULL } },
  { "unknown-kind", 2, { "chart", "pie", "--output", "@/x.png", NULL } },
  { "csv-empty", 2, { "report", "spending", "--from", "2026-01-01", "--to", "2026-03-31", "--csv", "", NULL } },
  { "missing-folder", 1, { "chart", "line", "--from", "2026-01-01", "--to", "2026-03-31", "--output", "@/none/x.png", NULL } },
  { "folder-taken", 1, { "chart", "donut", "--from", "2026-01-01", "--to", "2026-03-31", "--output", "@/taken.svg", NULL } },
  { "backwards", 1, { "chart", "bars", "--from", "2026-03-31", "--to", "2026-01-01", "--output", "@/x.pdf", NULL } },
  { "unknown-account", 1, { "chart", "line", "--account", "Vault", "--from", "2026-01-01", "--to", "2026-03-31", "--output", "@/x.png", NULL } },
  { "bad-currency", 1, { "chart", "line", "--currency", "XYZ", "--from", "2026-01-01", "--to", "2026-03-31", "--output", "@/x.png", NULL } },
  { "no-rate", 1, { "chart", "donut", "--currency", "JPY", "--from", "2026-01-01", "--to", "2026-03-31", "--output", "@/x.png", NULL } },
  { "csv-missing-folder", 1, { "report", "summary", "--from", "2026-01-01", "--to", "2026-03-31", "--csv", "@/none/x.csv", NULL } },
  { "csv-folder-taken", 1, { "report", "summary", "--from", "2026-01-01", "--to", "2026-03-31", "--csv", "@/taken.svg", NULL } },
};

static void
test_bad_input (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *taken = NULL;
  g_autofree char *before = NULL;
  g_autofree char *names_before = NULL;

  run_ok (f, "init", NULL);
  run_ok (f, "account", "add", "Checking", "--kind", "checking", "--currency", "USD", NULL);
  run_ok (f, "txn", "add", "--account", "Checking", "--date", "2026-02-01", "--amount", "-10", NULL);
  taken = path_in (f, "taken.svg");
  g_assert_cmpint (g_mkdir (taken, 0700), ==, 0);
  before = dump_database (f->db);
  names_before = list_dir (f->dir);

  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    for (guint json = 0; json < 2; json++)
      {
        const BadCase *bad = &bad_cases[i];
        g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
        g_auto(CliResult) result = { 0 };
        g_autofree char *after = NULL;
        g_autofree char *names_after = NULL;

        for (guint a = 0; bad->args[a] != NULL; a++)
          {
            if (bad->args[a][0] == '@')
              g_ptr_array_add (args, g_strconcat (f->dir, bad->args[a] + 1, NULL));
            else
              g_ptr_array_add (args, g_strdup (bad->args[a]));
          }
        /* With --json too: a failure must not print half a result. */
        if (json)
          g_ptr_array_add (args, g_strdup ("--json"));
        g_ptr_array_add (args, NULL);

        run_cliv (f->db, (const char * const *)args->pdata, &result);
        g_test_message ("%s: %s", bad->name, result.err);
        g_assert_cmpint (result.status, ==, bad->status);
        g_assert_cmpstr (result.out, ==, "");
        g_assert_true (g_str_has_prefix (result.err, "budg-cli: "));
        if (bad->status == 2)
          g_assert_nonnull (strstr (result.err, "Usage: budg-cli"));

        after = dump_database (f->db);
        g_assert_cmpstr (after, ==, before);
        names_after = list_dir (f->dir);
        g_assert_cmpstr (names_after, ==, names_before);
        g_assert_true (g_file_test (taken, G_FILE_TEST_IS_DIR));
      }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* Under LeakSanitizer, budg-cli draws with fontconfig, whose suppressed
   * leaks would otherwise be listed on its standard error, which these
   * tests require to be empty. */
  if (g_getenv ("LSAN_OPTIONS") != NULL)
    {
      g_autofree char *options = g_strconcat (g_getenv ("LSAN_OPTIONS"), ":print_suppressions=0", NULL);

      g_setenv ("LSAN_OPTIONS", options, TRUE);
    }

  g_test_add ("/cli-charts/chart/formats", Fixture, NULL, fixture_setup, test_chart_formats, fixture_teardown);
  g_test_add ("/cli-charts/chart/donut-values", Fixture, NULL, fixture_setup, test_chart_donut_values, fixture_teardown);
  g_test_add ("/cli-charts/chart/bars-values", Fixture, NULL, fixture_setup, test_chart_bars_values, fixture_teardown);
  g_test_add ("/cli-charts/chart/line-values", Fixture, NULL, fixture_setup, test_chart_line_values, fixture_teardown);
  g_test_add ("/cli-charts/chart/line-projected", Fixture, NULL, fixture_setup, test_chart_line_projected, fixture_teardown);
  g_test_add ("/cli-charts/report/csv", Fixture, NULL, fixture_setup, test_report_csv, fixture_teardown);
  g_test_add ("/cli-charts/bad-input", Fixture, NULL, fixture_setup, test_bad_input, fixture_teardown);

  return g_test_run ();
}
