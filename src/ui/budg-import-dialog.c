/* budg-import-dialog.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-import-dialog"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "budg-csv-parser.h"
#include "budg-csv-profile.h"
#include "budg-date.h"
#include "budg-error.h"
#include "budg-import-dialog.h"
#include "budg-import-item-model.h"
#include "budg-import-item-row.h"
#include "budg-import-profiles.h"
#include "budg-importer.h"
#include "budg-money.h"
#include "budg-window.h"

/* The dialog walks through pages of one GtkStack (libadwaita 1.2 has no
 * navigation view): "columns" for a CSV file, "progress" while a worker
 * thread reads or writes, "review", and "error" when nothing can be done.
 * The worker has a database connection of its own and reports progress
 * through atomic counters that a timer here reads; no signal crosses the
 * thread.
 */

#define PREVIEW_ROWS        20
#define PREVIEW_WHOLE_FILE  (256 * 1024)
#define MAX_REJECTED_SHOWN  500

typedef enum
{
  STEP_LOADING,
  STEP_COLUMNS,
  STEP_PLANNING,
  STEP_REVIEW,
  STEP_COMMITTING,
  STEP_FAILED,
} Step;

/* The field roles a column can be given, in the order of their rows. */
static const struct {
  const char *title;
  gsize       offset;
} roles[] = {
  { N_("Date"), G_STRUCT_OFFSET (BudgCsvColumns, date) },
  { N_("Amount"), G_STRUCT_OFFSET (BudgCsvColumns, amount) },
  { N_("Money out (debit)"), G_STRUCT_OFFSET (BudgCsvColumns, debit) },
  { N_("Money in (credit)"), G_STRUCT_OFFSET (BudgCsvColumns, credit) },
  { N_("Payee"), G_STRUCT_OFFSET (BudgCsvColumns, payee) },
  { N_("Memo"), G_STRUCT_OFFSET (BudgCsvColumns, memo) },
  { N_("Category"), G_STRUCT_OFFSET (BudgCsvColumns, category) },
  { N_("Transaction id"), G_STRUCT_OFFSET (BudgCsvColumns, id) },
  { N_("Balance"), G_STRUCT_OFFSET (BudgCsvColumns, balance) },
};

#define N_ROLES G_N_ELEMENTS (roles)

static const char delimiters[] = { ',', ';', '\t', '|' };

static const char *encodings[] = { "UTF-8", "UTF-16", "WINDOWS-1252", "ISO-8859-1", "ISO-8859-15" };

static const BudgDateOrder date_orders[] = {
  BUDG_DATE_ORDER_AUTO, BUDG_DATE_ORDER_YMD, BUDG_DATE_ORDER_DMY, BUDG_DATE_ORDER_MDY,
};

struct _BudgImportDialog
{
  AdwWindow             parent_instance;

  BudgContext          *context;
  GFile                *file;
  GtkWindow            *parent;            /* weak */
  GBytes               *data;
  BudgImportFormat      format;
  Step                  step;

  BudgCsvOptions       *csv;               /* what the columns page says */
  BudgCsvOptions       *detected;          /* what detection found, for "no profile" */
  char                 *signature;
  GPtrArray            *profiles;          /* BudgImportProfile, in the order of profile_row */
  GtkStringList        *profile_names;
  GtkStringList        *column_names;      /* "None", then the file's columns */
  GtkStringList        *encoding_names;
  gboolean              decimal_touched;
  gboolean              updating;

  AdwComboRow          *role_rows[N_ROLES];
  GListStore           *preview_rows;

  BudgImportOptions    *options;
  BudgImportPlan       *plan;
  BudgImportItemModel  *items;
  GPtrArray            *target_rows;       /* AdwComboRow */
  GPtrArray            *target_accounts;   /* GArray of gint64 per target: ids by position, 0 = new */

  GCancellable         *cancellable;
  BudgImportProgress    progress;
  guint                 poll_id;

  AdwWindowTitle       *window_title;
  GtkWidget            *cancel_button;
  GtkWidget            *back_button;
  GtkButton            *next_button;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *page_stack;
  AdwStatusPage        *progress_page;
  GtkProgressBar       *progress_bar;
  GtkWidget            *stop_button;
  AdwComboRow          *profile_row;
  AdwExpanderRow       *save_profile_row;
  AdwEntryRow          *profile_name_row;
  AdwComboRow          *delimiter_row;
  AdwComboRow          *encoding_row;
  GtkSpinButton        *skip_spin;
  GtkSwitch            *header_switch;
  AdwComboRow          *date_order_row;
  GtkSwitch            *decimal_switch;
  AdwPreferencesGroup  *columns_group;
  GtkLabel             *columns_error_label;
  GtkColumnView        *preview_view;
  GtkLabel             *message_label;
  AdwPreferencesGroup  *targets_group;
  GtkLabel             *counts_label;
  GtkColumnView        *review_view;
  GtkExpander          *rejected_expander;
  GtkLabel             *rejected_label;
  AdwStatusPage        *error_page;
  GtkWidget            *date_order_box;

  /* Left out at narrow widths, where the date, payee and amount need the
   * room (the tick box still tells a duplicate, the counts the totals). */
  GtkColumnViewColumn  *category_column;
  GtkColumnViewColumn  *decision_column;
  GtkColumnViewColumn  *line_column;
  gboolean              compact;
  guint                 compact_id;

  gint64                default_account_id;

  /* The order the user chose for a QIF or OFX file whose dates read both
   * ways; CSV files have their own control on the columns page. */
  BudgDateOrder         date_order;
};

G_DEFINE_FINAL_TYPE (BudgImportDialog, budg_import_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_FILE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void update_preview (BudgImportDialog *self);

/* Helpers ----------------------------------------------------------------- */

static int *
column_field (BudgCsvColumns *columns,
              guint           role)
{
  return G_STRUCT_MEMBER_P (columns, roles[role].offset);
}

static void
set_step (BudgImportDialog *self,
          Step              step)
{
  gboolean busy = step == STEP_LOADING || step == STEP_PLANNING || step == STEP_COMMITTING;
  const char *page = NULL;

  self->step = step;

  switch (step)
    {
    case STEP_LOADING:
    case STEP_PLANNING:
    case STEP_COMMITTING:
      page = "progress";
      break;

    case STEP_COLUMNS:
      page = "columns";
      gtk_button_set_label (self->next_button, _("_Continue"));
      break;

    case STEP_REVIEW:
      page = "review";
      break;

    case STEP_FAILED:
      page = "error";
      break;

    default:
      g_assert_not_reached ();
    }

  gtk_stack_set_visible_child_name (self->page_stack, page);
  gtk_widget_set_visible (self->cancel_button, !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->next_button), step == STEP_COLUMNS || step == STEP_REVIEW);
  gtk_widget_set_visible (self->back_button, step == STEP_REVIEW && self->format == BUDG_IMPORT_FORMAT_CSV);
  gtk_button_set_label (GTK_BUTTON (self->cancel_button), step == STEP_FAILED ? _("_Close") : _("_Cancel"));
}

static void
show_failure (BudgImportDialog *self,
              const char       *title,
              const GError     *error)
{
  g_autofree char *description = NULL;

  /* The description is markup; the importer's own messages often say
   * already that nothing was imported. */
  if (strstr (error->message, _("Nothing was imported")) != NULL)
    description = g_markup_escape_text (error->message, -1);
  else
    /* Translators: %s says what went wrong. */
    description = g_markup_printf_escaped (_("%s\n\nNothing was imported."), error->message);
  adw_status_page_set_title (self->error_page, title);
  adw_status_page_set_description (self->error_page, description);
  set_step (self, STEP_FAILED);
}

static gboolean
poll_progress_cb (gpointer user_data)
{
  BudgImportDialog *self = user_data;
  int done = g_atomic_int_get (&self->progress.done);
  int total = g_atomic_int_get (&self->progress.total);

  if (total > 0)
    {
      g_autofree char *text = NULL;

      /* Translators: progress of an import, "1,200 of 5,000". */
      text = g_strdup_printf (_("%'d of %'d"), done, total);
      gtk_progress_bar_set_fraction (self->progress_bar, CLAMP ((double) done / total, 0.0, 1.0));
      gtk_progress_bar_set_text (self->progress_bar, text);
    }
  else
    {
      gtk_progress_bar_pulse (self->progress_bar);
      gtk_progress_bar_set_text (self->progress_bar, NULL);
    }

  return G_SOURCE_CONTINUE;
}

/* Shows the progress page and starts reading the counters the worker
 * fills in; returns a new cancellable for the work. */
static GCancellable *
begin_work (BudgImportDialog *self,
            Step              step,
            const char       *title,
            const char       *description)
{
  g_atomic_int_set (&self->progress.done, 0);
  g_atomic_int_set (&self->progress.total, 0);

  adw_status_page_set_title (self->progress_page, title);
  adw_status_page_set_description (self->progress_page, description);
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_widget_set_sensitive (self->stop_button, TRUE);
  set_step (self, step);
  gtk_widget_grab_focus (self->stop_button);

  g_clear_handle_id (&self->poll_id, g_source_remove);
  self->poll_id = g_timeout_add (100, poll_progress_cb, self);

  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  return self->cancellable;
}

static void
end_work (BudgImportDialog *self)
{
  g_clear_handle_id (&self->poll_id, g_source_remove);
}

static const char *
default_currency (BudgImportDialog *self)
{
  if (self->csv != NULL && self->csv->currency != NULL)
    return self->csv->currency;

  return budg_context_get_default_currency (self->context);
}

/* The columns page --------------------------------------------------------- */

static void
fill_controls (BudgImportDialog *self)
{
  const BudgCsvOptions *csv = self->csv;
  guint encoding_index = 0;
  gboolean found = FALSE;

  self->updating = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (delimiters); i++)
    if (delimiters[i] == csv->delimiter)
      adw_combo_row_set_selected (self->delimiter_row, i);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->encoding_names)) && !found; i++)
    if (csv->encoding != NULL &&
        g_ascii_strcasecmp (gtk_string_list_get_string (self->encoding_names, i), csv->encoding) == 0)
      {
        encoding_index = i;
        found = TRUE;
      }
  if (!found && csv->encoding != NULL)
    {
      gtk_string_list_append (self->encoding_names, csv->encoding);
      encoding_index = g_list_model_get_n_items (G_LIST_MODEL (self->encoding_names)) - 1;
    }
  adw_combo_row_set_selected (self->encoding_row, encoding_index);

  gtk_spin_button_set_value (self->skip_spin, MAX (csv->skip_lines, 0));
  gtk_switch_set_active (self->header_switch, csv->header != BUDG_CSV_HEADER_NO);

  for (guint i = 0; i < G_N_ELEMENTS (date_orders); i++)
    if (date_orders[i] == csv->date_order)
      adw_combo_row_set_selected (self->date_order_row, i);

  gtk_switch_set_active (self->decimal_switch, csv->decimal_mark == BUDG_DECIMAL_MARK_COMMA);
  self->decimal_touched = FALSE;

  self->updating = FALSE;
}

static void
select_roles (BudgImportDialog *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->column_names));

  self->updating = TRUE;
  for (guint i = 0; i < N_ROLES; i++)
    {
      int column = *column_field (&self->csv->columns, i);

      adw_combo_row_set_selected (self->role_rows[i], column >= 0 && (guint) column + 1 < n ? (guint) column + 1 : 0);
    }
  self->updating = FALSE;
}

/* Names the file's columns after its header row, or "Column 3", for the
 * role rows. */
static void
refresh_columns (BudgImportDialog *self)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char * const *header = NULL;
  guint n_columns = 0;
  gsize length = 0;
  const guint8 *data = g_bytes_get_data (self->data, &length);

  records = budg_csv_read_records (data, length, self->csv, PREVIEW_ROWS + 1, NULL);
  if (records != NULL)
    for (guint i = 0; i < records->len; i++)
      {
        BudgCsvRecord *record = g_ptr_array_index (records, i);

        n_columns = MAX (n_columns, g_strv_length (record->fields));
      }

  if (records != NULL && records->len > 0 && self->csv->header != BUDG_CSV_HEADER_NO)
    header = (const char * const *) ((BudgCsvRecord *) g_ptr_array_index (records, 0))->fields;

  g_ptr_array_add (names, g_strdup (_("None")));
  for (guint i = 0; i < n_columns; i++)
    {
      if (header != NULL && i < g_strv_length ((char **) header) && header[i][0] != '\0')
        g_ptr_array_add (names, g_strdup (header[i]));
      else
        /* Translators: a column of a CSV file without a name; %u counts from 1. */
        g_ptr_array_add (names, g_strdup_printf (_("Column %u"), i + 1));
    }
  g_ptr_array_add (names, NULL);

  self->updating = TRUE;
  gtk_string_list_splice (self->column_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->column_names)),
                          (const char * const *) names->pdata);
  self->updating = FALSE;

  select_roles (self);
}

static void
read_controls (BudgImportDialog *self)
{
  GtkStringObject *encoding = adw_combo_row_get_selected_item (self->encoding_row);
  guint delimiter = adw_combo_row_get_selected (self->delimiter_row);
  guint date_order = adw_combo_row_get_selected (self->date_order_row);

  if (delimiter < G_N_ELEMENTS (delimiters))
    self->csv->delimiter = delimiters[delimiter];
  if (encoding != NULL)
    {
      g_free (self->csv->encoding);
      self->csv->encoding = g_strdup (gtk_string_object_get_string (encoding));
    }
  self->csv->skip_lines = gtk_spin_button_get_value_as_int (self->skip_spin);
  self->csv->header = gtk_switch_get_active (self->header_switch) ? BUDG_CSV_HEADER_YES : BUDG_CSV_HEADER_NO;
  if (date_order < G_N_ELEMENTS (date_orders))
    self->csv->date_order = date_orders[date_order];
  if (self->decimal_touched)
    self->csv->decimal_mark = gtk_switch_get_active (self->decimal_switch) ? BUDG_DECIMAL_MARK_COMMA
                                                                          : BUDG_DECIMAL_MARK_POINT;
}

static void
file_settings_changed_cb (BudgImportDialog *self)
{
  if (self->updating || self->csv == NULL)
    return;

  read_controls (self);
  refresh_columns (self);
  update_preview (self);
}

static void
decimal_changed_cb (BudgImportDialog *self)
{
  if (self->updating)
    return;

  self->decimal_touched = TRUE;
  file_settings_changed_cb (self);
}

static void
role_changed_cb (BudgImportDialog *self)
{
  if (self->updating || self->csv == NULL)
    return;

  for (guint i = 0; i < N_ROLES; i++)
    *column_field (&self->csv->columns, i) = (int) adw_combo_row_get_selected (self->role_rows[i]) - 1;
  self->csv->columns_set = TRUE;

  update_preview (self);
}

static void
apply_options (BudgImportDialog     *self,
               const BudgCsvOptions *options)
{
  budg_csv_options_free (self->csv);
  self->csv = budg_csv_options_copy (options);
  fill_controls (self);
  refresh_columns (self);
  update_preview (self);
}

static void
profile_changed_cb (BudgImportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->profile_row);
  g_autoptr(BudgCsvOptions) options = NULL;
  g_autoptr(GError) error = NULL;

  if (self->updating || self->detected == NULL)
    return;

  if (selected == 0 || selected > self->profiles->len)
    {
      apply_options (self, self->detected);
      return;
    }

  options = budg_csv_profile_from_settings (((BudgImportProfile *) g_ptr_array_index (self->profiles, selected - 1))->settings,
                                            &error);
  if (options == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }

  apply_options (self, options);
}

static gboolean
columns_usable (const BudgCsvColumns *columns)
{
  return columns->date >= 0 && (columns->amount >= 0 || columns->debit >= 0 || columns->credit >= 0);
}

typedef struct
{
  guint                      line;
  const BudgImportRow       *row;
  const BudgImportRejection *rejection;
} PreviewLine;

static int
compare_preview_lines (gconstpointer a,
                       gconstpointer b)
{
  const PreviewLine *la = a;
  const PreviewLine *lb = b;

  return (la->line > lb->line) - (la->line < lb->line);
}

/* The first rows as the parser reads them with the page's settings, run
 * again on every change. A large file is cut after its first lines, as
 * the preview only shows those. */
static void
update_preview (BudgImportDialog *self)
{
  g_autoptr(BudgImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (PreviewLine));
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  gsize length = 0;
  const guint8 *data = g_bytes_get_data (self->data, &length);
  const char *currency = default_currency (self);

  if (!columns_usable (&self->csv->columns))
    g_set_error_literal (&error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                         _("Choose the column of dates and the column of amounts (or of money out and money in)."));
  else
    {
      gsize cut = length;

      /* UTF-16 has two bytes per newline: cutting it needs the decoder. */
      if (length > PREVIEW_WHOLE_FILE &&
          (self->csv->encoding == NULL || strstr (self->csv->encoding, "16") == NULL))
        {
          guint wanted = MAX (self->csv->skip_lines, 0) + 1 + PREVIEW_ROWS * 2;
          guint seen = 0;

          for (gsize i = 0; i < length; i++)
            if (data[i] == '\n' && ++seen == wanted)
              {
                cut = i + 1;
                break;
              }
        }

      result = budg_csv_parse (data, cut, self->csv, &error);
    }

  if (result != NULL)
    {
      for (guint s = 0; s < result->statements->len; s++)
        {
          BudgImportStatement *statement = g_ptr_array_index (result->statements, s);

          for (guint r = 0; r < statement->rows->len; r++)
            {
              PreviewLine line = { 0 };

              line.row = g_ptr_array_index (statement->rows, r);
              line.line = line.row->line;
              g_array_append_val (lines, line);
            }
        }

      for (guint r = 0; r < result->rejected->len; r++)
        {
          PreviewLine line = { 0 };

          line.rejection = g_ptr_array_index (result->rejected, r);
          line.line = line.rejection->line;
          g_array_append_val (lines, line);
        }

      g_array_sort (lines, compare_preview_lines);
    }

  for (guint i = 0; i < lines->len && i < PREVIEW_ROWS; i++)
    {
      const PreviewLine *line = &g_array_index (lines, PreviewLine, i);

      if (line->row != NULL)
        {
          g_autofree char *date = budg_date_format_short (line->row->date);
          g_autofree char *amount = budg_money_format (line->row->amount_minor, currency);

          g_ptr_array_add (rows, budg_import_item_row_new (i, line->line, date, line->row->payee,
                                                           line->row->category, amount,
                                                           line->row->amount_minor < 0, NULL));
        }
      else
        g_ptr_array_add (rows, budg_import_item_row_new (i, line->line, NULL, NULL, NULL, NULL, FALSE,
                                                         line->rejection->reason));
    }

  g_list_store_splice (self->preview_rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->preview_rows)),
                       rows->pdata, rows->len);

  gtk_label_set_text (self->columns_error_label, error != NULL ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->columns_error_label), error != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->next_button), result != NULL);
}

static void
fill_profiles (BudgImportDialog *self,
               gint64            selected_id)
{
  BudgDatabase *database = budg_context_get_database (self->context);
  g_autoptr(GError) error = NULL;
  guint selected = 0;

  g_clear_pointer (&self->profiles, g_ptr_array_unref);
  self->profiles = budg_import_profiles_list (database, &error);
  if (self->profiles == NULL)
    {
      g_debug ("Could not list the import profiles: %s", error->message);
      self->profiles = g_ptr_array_new_with_free_func ((GDestroyNotify) budg_import_profile_free);
    }

  self->updating = TRUE;
  gtk_string_list_splice (self->profile_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->profile_names)), NULL);
  gtk_string_list_append (self->profile_names, _("None"));
  for (guint i = 0; i < self->profiles->len; i++)
    {
      BudgImportProfile *profile = g_ptr_array_index (self->profiles, i);

      gtk_string_list_append (self->profile_names, profile->name);
      if (profile->id == selected_id)
        selected = i + 1;
    }
  adw_combo_row_set_selected (self->profile_row, selected);
  self->updating = FALSE;
}

static void
show_columns (BudgImportDialog *self)
{
  BudgDatabase *database = budg_context_get_database (self->context);
  g_autoptr(BudgImportProfile) profile = NULL;
  g_autoptr(GError) detect_error = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  const guint8 *data = g_bytes_get_data (self->data, &length);

  self->detected = budg_csv_detect (data, length, NULL, &detect_error);
  if (self->detected == NULL)
    {
      /* Still show the page: the user can say what detection could not
       * find. */
      self->detected = budg_csv_options_new ();
      self->detected->delimiter = ',';
      self->detected->skip_lines = 0;
      self->detected->header = BUDG_CSV_HEADER_YES;
      self->detected->date_order = BUDG_DATE_ORDER_AUTO;
      self->detected->columns_set = TRUE;
      budg_csv_columns_init (&self->detected->columns);
    }

  self->signature = budg_csv_profile_signature (data, length, self->detected);
  if (self->signature != NULL)
    profile = budg_import_profiles_find_by_signature (database, self->signature, &error);
  if (error != NULL)
    g_debug ("Could not look for a profile: %s", error->message);

  fill_profiles (self, profile != NULL ? profile->id : 0);
  apply_options (self, self->detected);
  if (profile != NULL)
    profile_changed_cb (self);

  if (detect_error != NULL && gtk_widget_get_sensitive (GTK_WIDGET (self->next_button)) == FALSE)
    {
      gtk_label_set_text (self->columns_error_label, detect_error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->columns_error_label), TRUE);
    }

  set_step (self, STEP_COLUMNS);
}

/* The review page ---------------------------------------------------------- */

static char *
counts_text (BudgImportPlan *plan)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  guint n_new = budg_import_plan_count (plan, BUDG_IMPORT_ITEM_NEW);
  guint n_duplicates = budg_import_plan_count (plan, BUDG_IMPORT_ITEM_DUPLICATE);
  guint n_possible = budg_import_plan_count (plan, BUDG_IMPORT_ITEM_POSSIBLE_DUPLICATE);
  guint n_matches = budg_import_plan_count (plan, BUDG_IMPORT_ITEM_MATCH);
  guint n_rejected = budg_import_plan_get_rejected (plan)->len;

  g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u new", "%u new", n_new), n_new));
  g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u duplicate", "%u duplicates", n_duplicates), n_duplicates));
  g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u possible duplicate", "%u possible duplicates", n_possible),
                                           n_possible));
  g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u linked", "%u linked", n_matches), n_matches));
  g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u rejected", "%u rejected", n_rejected), n_rejected));
  g_ptr_array_add (parts, NULL);

  /* Translators: the separator between the counts of the review. */
  return g_strjoinv (_(" · "), (char **) parts->pdata);
}

static void
update_counts (BudgImportDialog *self)
{
  g_autofree char *counts = counts_text (self->plan);
  g_autofree char *label = NULL;
  guint n = budg_import_plan_count_included (self->plan);

  gtk_label_set_text (self->counts_label, counts);

  /* Translators: the button that writes the ticked transactions. */
  label = g_strdup_printf (ngettext ("_Import %u Transaction", "_Import %u Transactions", n), n);
  gtk_button_set_label (self->next_button, label);
  gtk_widget_set_sensitive (GTK_WIDGET (self->next_button), n > 0);
}

static void
update_rejected (BudgImportDialog *self)
{
  GPtrArray *rejected = budg_import_plan_get_rejected (self->plan);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *title = NULL;

  for (guint i = 0; i < rejected->len && i < MAX_REJECTED_SHOWN; i++)
    {
      BudgImportRejection *rejection = g_ptr_array_index (rejected, i);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      if (rejection->line > 0)
        /* Translators: a line of the file that cannot be imported, and why. */
        g_string_append_printf (text, _("Line %u: %s"), rejection->line, rejection->reason);
      else
        g_string_append (text, rejection->reason);
    }
  if (rejected->len > MAX_REJECTED_SHOWN)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, ngettext ("…and %u more", "…and %u more", rejected->len - MAX_REJECTED_SHOWN),
                              rejected->len - MAX_REJECTED_SHOWN);
    }

  title = g_strdup_printf (ngettext ("%u line cannot be imported", "%u lines cannot be imported", rejected->len),
                           rejected->len);
  gtk_expander_set_label (self->rejected_expander, title);
  gtk_label_set_text (self->rejected_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->rejected_expander), rejected->len > 0);
}

static char *
statement_name (const BudgImportTarget *target)
{
  const BudgImportStatement *statement = target->statement;

  if (statement->account_name != NULL)
    return g_strdup (statement->account_name);
  if (statement->account_number != NULL)
    return g_strdup (statement->account_number);
  if (target->account_name != NULL)
    return g_strdup (target->account_name);

  return g_strdup (_("Imported"));
}

static void
target_changed_cb (AdwComboRow      *row,
                   GParamSpec       *pspec,
                   BudgImportDialog *self)
{
  g_autoptr(GError) error = NULL;
  guint target;
  guint selected = adw_combo_row_get_selected (row);
  GArray *ids;

  if (self->updating || self->plan == NULL)
    return;

  if (!g_ptr_array_find (self->target_rows, row, &target))
    return;

  ids = g_ptr_array_index (self->target_accounts, target);
  if (selected >= ids->len)
    return;

  if (!budg_importer_retarget (budg_context_get_database (self->context), self->plan, target,
                               g_array_index (ids, gint64, selected), &error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }

  budg_import_item_model_reload (self->items);
  update_counts (self);
}

static void
clear_target_rows (BudgImportDialog *self)
{
  for (guint i = 0; i < self->target_rows->len; i++)
    adw_preferences_group_remove (self->targets_group, g_ptr_array_index (self->target_rows, i));
  g_ptr_array_set_size (self->target_rows, 0);
  g_ptr_array_set_size (self->target_accounts, 0);
}

static void
fill_target_rows (BudgImportDialog *self)
{
  GListModel *accounts = G_LIST_MODEL (budg_context_get_accounts (self->context));
  guint n_targets = budg_import_plan_get_n_targets (self->plan);

  clear_target_rows (self);

  self->updating = TRUE;
  for (guint t = 0; t < n_targets; t++)
    {
      const BudgImportTarget *target = budg_import_plan_get_target (self->plan, t);
      g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
      g_autofree char *name = statement_name (target);
      g_autofree char *new_name = NULL;
      g_autofree char *title = NULL;
      GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      GtkWidget *row = adw_combo_row_new ();
      guint selected = G_MAXUINT;
      gint64 zero = 0;

      for (guint i = 0; i < g_list_model_get_n_items (accounts); i++)
        {
          g_autoptr(BudgAccount) account = g_list_model_get_item (accounts, i);
          gint64 id = budg_account_get_id (account);

          if (budg_account_get_archived (account) && id != target->account_id)
            continue;

          if (id == target->account_id)
            selected = ids->len;
          gtk_string_list_append (names, budg_account_get_name (account));
          g_array_append_val (ids, id);
        }

      /* Translators: the choice to create an account for the statement;
       * %s is its name. */
      new_name = g_strdup_printf (_("New Account “%s”"),
                                  target->account_id == 0 && target->account_name != NULL ? target->account_name : name);
      gtk_string_list_append (names, new_name);
      g_array_append_val (ids, zero);
      if (selected == G_MAXUINT)
        selected = ids->len - 1;

      if (n_targets == 1)
        title = g_strdup (_("Account"));
      else
        /* Translators: which account the statement of that name goes to. */
        title = g_strdup_printf (_("Statement “%s”"), name);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (names));
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
      g_signal_connect_object (row, "notify::selected", G_CALLBACK (target_changed_cb), self, 0);

      adw_preferences_group_add (self->targets_group, row);
      g_ptr_array_add (self->target_rows, row);
      g_ptr_array_add (self->target_accounts, ids);
    }
  self->updating = FALSE;
}

static void
show_review (BudgImportDialog *self,
             BudgImportPlan   *plan)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  g_clear_pointer (&self->plan, budg_import_plan_unref);
  g_clear_object (&self->items);
  self->plan = budg_import_plan_ref (plan);
  self->items = budg_import_item_model_new (plan, budg_context_get_transactions (self->context));
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->items)));
  gtk_column_view_set_model (self->review_view, GTK_SELECTION_MODEL (selection));

  fill_target_rows (self);
  update_rejected (self);
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), FALSE);
  set_step (self, STEP_REVIEW);
  update_counts (self);
}

/* Planning and committing --------------------------------------------------- */

static void
plan_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(BudgImportDialog) self = user_data;
  g_autoptr(BudgImportPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  plan = budg_importer_plan_finish (result, &error);

  /* Closed in the meantime. */
  if (self->context == NULL)
    return;

  end_work (self);

  if (plan == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      if (self->format == BUDG_IMPORT_FORMAT_CSV)
        set_step (self, STEP_COLUMNS);
      else
        gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  if (plan == NULL)
    {
      /* Dates that read both ways: the user says which order the bank
       * meant, on the columns page for a CSV file, here otherwise. */
      gboolean ask_order = g_error_matches (error, BUDG_ERROR, BUDG_ERROR_AMBIGUOUS_DATES) &&
                           self->format != BUDG_IMPORT_FORMAT_CSV;

      show_failure (self, ask_order ? _("Which Date Order?") : _("The File Cannot Be Read"), error);
      gtk_widget_set_visible (self->date_order_box, ask_order);
      return;
    }

  show_review (self, plan);
}

static void start_plan (BudgImportDialog *self);

static void
retry_with_order (BudgImportDialog *self,
                  BudgDateOrder     order)
{
  self->date_order = order;
  gtk_widget_set_visible (self->date_order_box, FALSE);
  start_plan (self);
}

static void
day_first_clicked_cb (BudgImportDialog *self)
{
  retry_with_order (self, BUDG_DATE_ORDER_DMY);
}

static void
month_first_clicked_cb (BudgImportDialog *self)
{
  retry_with_order (self, BUDG_DATE_ORDER_MDY);
}

static void
start_plan (BudgImportDialog *self)
{
  g_autofree char *basename = g_file_get_basename (self->file);
  GCancellable *cancellable;

  g_clear_pointer (&self->options, budg_import_options_free);
  self->options = budg_import_options_new ();
  self->options->format = self->format;
  self->options->filename = g_strdup (basename);
  self->options->date_order = self->date_order;
  if (self->format == BUDG_IMPORT_FORMAT_CSV && self->csv != NULL)
    {
      guint selected = adw_combo_row_get_selected (self->profile_row);

      self->options->csv = budg_csv_options_copy (self->csv);

      /* A file without an account column goes to the account the user
       * was looking at, unless the profile knows better (below). */
      if (self->csv->columns.account < 0 &&
          budg_account_store_lookup (budg_context_get_accounts (self->context), self->default_account_id) != NULL)
        self->options->account_id = self->default_account_id;

      /* A bank's file goes where the last one with its profile went. */
      if (selected > 0 && selected <= self->profiles->len)
        {
          BudgImportProfile *profile = g_ptr_array_index (self->profiles, selected - 1);

          if (profile->account_id != 0 &&
              budg_account_store_lookup (budg_context_get_accounts (self->context), profile->account_id) != NULL)
            self->options->account_id = profile->account_id;
        }
    }

  cancellable = begin_work (self, STEP_PLANNING, _("Reading the File…"), NULL);
  budg_importer_plan_async (budg_context_get_database (self->context), self->data, self->options,
                            cancellable, &self->progress, plan_cb, g_object_ref (self));
}

static gint64
first_account_id (BudgImportDialog *self)
{
  if (self->plan == NULL || budg_import_plan_get_n_targets (self->plan) == 0)
    return 0;

  return budg_import_plan_get_target (self->plan, 0)->account_id;
}

/* Remembers how this bank's file was read: saves the profile the user
 * named, or records the use of the one that was chosen. */
static void
remember_profile (BudgImportDialog *self)
{
  BudgDatabase *database = budg_context_get_database (self->context);
  g_autoptr(GError) error = NULL;
  guint selected = adw_combo_row_get_selected (self->profile_row);
  g_autofree char *name = NULL;

  if (self->format != BUDG_IMPORT_FORMAT_CSV || self->csv == NULL)
    return;

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->profile_name_row))));

  if (adw_expander_row_get_enable_expansion (self->save_profile_row) && name[0] != '\0')
    {
      g_autoptr(BudgImportProfile) profile = budg_import_profile_new ();

      profile->name = g_steal_pointer (&name);
      profile->settings = budg_csv_profile_to_settings (self->csv);
      profile->header_signature = g_strdup (self->signature);
      profile->account_id = first_account_id (self);
      if (budg_import_profiles_save (database, profile, &error))
        budg_import_profiles_touch (database, profile->id, profile->account_id, &error);
    }
  else if (selected > 0 && selected <= self->profiles->len)
    {
      BudgImportProfile *profile = g_ptr_array_index (self->profiles, selected - 1);

      budg_import_profiles_touch (database, profile->id, first_account_id (self), &error);
    }

  if (error != NULL)
    g_warning ("Could not save the import profile: %s", error->message);
}

static void
commit_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(BudgImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  BudgImportSummary summary = { 0 };
  guint n;

  if (!budg_importer_commit_finish (result, &summary, &error))
    {
      if (self->context == NULL)
        return;

      end_work (self);

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          gtk_label_set_text (self->message_label,
                              _("The import was cancelled. Nothing was imported: the database is as it was."));
          gtk_widget_set_visible (GTK_WIDGET (self->message_label), TRUE);
          set_step (self, STEP_REVIEW);
          update_counts (self);
          return;
        }

      show_failure (self, _("Nothing Was Imported"), error);
      return;
    }

  if (self->context == NULL)
    return;

  end_work (self);
  remember_profile (self);

  n = summary.imported + summary.linked;
  if (self->parent != NULL && BUDG_IS_WINDOW (self->parent) && summary.batch_id != 0)
    budg_window_add_toast (BUDG_WINDOW (self->parent),
                           budg_import_undo_toast_new (self->context, summary.batch_id, n));

  g_signal_emit (self, signals[IMPORTED], 0, summary.batch_id, n);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
start_commit (BudgImportDialog *self)
{
  GCancellable *cancellable;

  cancellable = begin_work (self, STEP_COMMITTING, _("Importing…"),
                            _("Cancelling leaves the database as it was."));
  budg_importer_commit_async (budg_context_get_database (self->context), self->plan,
                              cancellable, &self->progress, commit_cb, g_object_ref (self));
}

/* Callbacks ---------------------------------------------------------------- */

static void
next_clicked_cb (BudgImportDialog *self)
{
  if (!gtk_widget_get_sensitive (GTK_WIDGET (self->next_button)))
    return;

  if (self->step == STEP_COLUMNS)
    start_plan (self);
  else if (self->step == STEP_REVIEW)
    start_commit (self);
}

static void
back_clicked_cb (BudgImportDialog *self)
{
  if (self->step != STEP_REVIEW)
    return;

  set_step (self, STEP_COLUMNS);
  update_preview (self);
}

static void
stop_clicked_cb (BudgImportDialog *self)
{
  /* The worker notices between rows; until then the button says it heard. */
  g_cancellable_cancel (self->cancellable);
  gtk_widget_set_sensitive (self->stop_button, FALSE);
}

static void
load_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(BudgImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *basename = NULL;
  gsize length = 0;

  if (!g_file_load_contents_finish (G_FILE (source), result, &contents, &length, NULL, &error))
    {
      if (self->context != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          end_work (self);
          show_failure (self, _("The File Cannot Be Opened"), error);
        }
      return;
    }

  if (self->context == NULL)
    return;

  end_work (self);
  self->data = g_bytes_new_take (g_steal_pointer (&contents), length);
  basename = g_file_get_basename (G_FILE (source));
  self->format = budg_import_detect_format (g_bytes_get_data (self->data, NULL), length, basename);

  if (self->format == BUDG_IMPORT_FORMAT_UNKNOWN)
    {
      g_autoptr(GError) unknown = NULL;

      g_set_error (&unknown, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                   _("“%s” is not a statement Budg can read. Budg reads CSV, OFX, QFX and QIF files."),
                   basename);
      show_failure (self, _("The File Cannot Be Read"), unknown);
      return;
    }

  if (self->format == BUDG_IMPORT_FORMAT_CSV)
    show_columns (self);
  else
    start_plan (self);
}

/* Table cells -------------------------------------------------------------- */

typedef const char *(*RowText) (BudgImportItemRow *row);

static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (list_item, label);
}

/* Amounts: right-aligned with tabular figures. */
static void
setup_numeric_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (list_item, label);
}

static void
bind_label_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  RowText text = (RowText) user_data;
  BudgImportItemRow *row = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  const char *value = text (row);

  gtk_label_set_text (GTK_LABEL (label), value != NULL ? value : "");
  gtk_widget_set_tooltip_text (label, value);
  /* Money out is red as well as signed; line numbers are only numbers. */
  if (text == budg_import_item_row_get_amount)
    {
      if (budg_import_item_row_get_negative (row))
        gtk_widget_add_css_class (label, "error");
      else
        gtk_widget_remove_css_class (label, "error");
    }
}

static const char *
row_line_text (BudgImportItemRow *row)
{
  static char buffer[16];

  /* Only read right away by bind_label_cb, on the main thread. */
  g_snprintf (buffer, sizeof buffer, "%u", budg_import_item_row_get_line (row));
  return buffer;
}

static GtkColumnViewColumn *
add_column (GtkColumnView *view,
            const char    *title,
            RowText        text,
            gboolean       numeric,
            gboolean       expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_signal_connect (factory, "setup", G_CALLBACK (numeric ? setup_numeric_cb : setup_label_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_label_cb), (gpointer) text);

  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (view, column);
  g_object_unref (column);

  return column;
}

static void
tick_toggled_cb (GtkCheckButton *check,
                 GtkListItem    *list_item)
{
  BudgImportItemRow *row = gtk_list_item_get_item (list_item);
  BudgImportDialog *self = BUDG_IMPORT_DIALOG (gtk_widget_get_root (GTK_WIDGET (check)));

  if (row == NULL || self->items == NULL)
    return;

  if (!budg_import_item_model_set_included (self->items, budg_import_item_row_get_index (row),
                                            gtk_check_button_get_active (check)))
    return;

  update_counts (self);
}

static void
setup_tick_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  GtkWidget *check = gtk_check_button_new ();

  gtk_widget_set_halign (check, GTK_ALIGN_CENTER);
  g_signal_connect (check, "toggled", G_CALLBACK (tick_toggled_cb), list_item);
  gtk_list_item_set_child (list_item, check);
  gtk_list_item_set_activatable (list_item, FALSE);
}

static void
bind_tick_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  BudgImportItemRow *row = gtk_list_item_get_item (list_item);
  GtkWidget *check = gtk_list_item_get_child (list_item);
  BudgImportDialog *self = user_data;
  const BudgImportItem *item;
  g_autofree char *label = NULL;

  /* The row object was made before the last tick: read the plan. */
  item = budg_import_plan_get_item (self->plan, budg_import_item_row_get_index (row));

  g_signal_handlers_block_by_func (check, tick_toggled_cb, list_item);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), item->include);
  g_signal_handlers_unblock_by_func (check, tick_toggled_cb, list_item);
  gtk_widget_set_sensitive (check, budg_import_item_row_get_tickable (row));

  /* Translators: the accessible name of an item's tick box: the date,
   * payee and amount of the transaction. */
  label = g_strdup_printf (_("Import %s %s %s"),
                           budg_import_item_row_get_date (row),
                           budg_import_item_row_get_payee (row) != NULL ? budg_import_item_row_get_payee (row) : "",
                           budg_import_item_row_get_amount (row));
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
setup_review_columns (BudgImportDialog *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_tick_cb), NULL);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_tick_cb), self, 0);
  column = gtk_column_view_column_new (_("Import"), factory);
  gtk_column_view_append_column (self->review_view, column);
  g_object_unref (column);

  add_column (self->review_view, _("Date"), budg_import_item_row_get_date, FALSE, FALSE);
  add_column (self->review_view, _("Payee"), budg_import_item_row_get_payee, FALSE, TRUE);
  self->category_column = add_column (self->review_view, _("Category"), budg_import_item_row_get_category, FALSE, TRUE);
  add_column (self->review_view, _("Amount"), budg_import_item_row_get_amount, TRUE, FALSE);
  self->decision_column = add_column (self->review_view, _("Decision"), budg_import_item_row_get_note, FALSE, TRUE);

  self->line_column = add_column (self->preview_view, _("Line"), row_line_text, TRUE, FALSE);
  add_column (self->preview_view, _("Date"), budg_import_item_row_get_date, FALSE, FALSE);
  add_column (self->preview_view, _("Payee"), budg_import_item_row_get_payee, FALSE, TRUE);
  add_column (self->preview_view, _("Amount"), budg_import_item_row_get_amount, TRUE, FALSE);
  add_column (self->preview_view, _("Problem"), budg_import_item_row_get_note, FALSE, TRUE);
}

/* Undo --------------------------------------------------------------------- */

typedef struct
{
  BudgContext *context;
  gint64       batch_id;
} UndoImport;

static void
undo_import_free (gpointer  data,
                  GClosure *closure)
{
  UndoImport *undo = data;

  g_clear_object (&undo->context);
  g_free (undo);
}

static void
undo_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!budg_importer_undo_finish (result, &error))
    g_warning ("Could not undo the import: %s", error->message);
}

static void
undo_import_cb (AdwToast   *toast,
                UndoImport *undo)
{
  budg_importer_undo_async (budg_context_get_database (undo->context), undo->batch_id, undo_done_cb, NULL);
}

/* GObject ------------------------------------------------------------------ */

static void
budg_import_dialog_constructed (GObject *object)
{
  BudgImportDialog *self = (BudgImportDialog *)object;
  g_autofree char *basename = g_file_get_basename (self->file);
  g_autoptr(GtkNoSelection) preview_selection = NULL;
  GCancellable *cancellable;

  G_OBJECT_CLASS (budg_import_dialog_parent_class)->constructed (object);

  adw_window_title_set_subtitle (self->window_title, basename);

  preview_selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->preview_rows)));
  gtk_column_view_set_model (self->preview_view, GTK_SELECTION_MODEL (preview_selection));
  setup_review_columns (self);

  cancellable = begin_work (self, STEP_LOADING, _("Reading the File…"), NULL);
  g_file_load_contents_async (self->file, cancellable, load_cb, g_object_ref (self));
}

static void
budg_import_dialog_dispose (GObject *object)
{
  BudgImportDialog *self = (BudgImportDialog *)object;

  /* A worker still running stops, and leaves the database as it was; its
   * callback finds the context gone. */
  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->poll_id, g_source_remove);
  g_clear_handle_id (&self->compact_id, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), BUDG_TYPE_IMPORT_DIALOG);

  g_clear_weak_pointer (&self->parent);
  g_clear_object (&self->items);
  g_clear_pointer (&self->plan, budg_import_plan_unref);
  g_clear_object (&self->preview_rows);
  g_clear_object (&self->column_names);
  g_clear_object (&self->encoding_names);
  g_clear_object (&self->profile_names);
  g_clear_pointer (&self->profiles, g_ptr_array_unref);
  g_clear_pointer (&self->target_rows, g_ptr_array_unref);
  g_clear_pointer (&self->target_accounts, g_ptr_array_unref);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (budg_import_dialog_parent_class)->dispose (object);
}

static void
budg_import_dialog_finalize (GObject *object)
{
  BudgImportDialog *self = (BudgImportDialog *)object;

  g_clear_object (&self->cancellable);
  g_clear_object (&self->file);
  g_clear_pointer (&self->data, g_bytes_unref);
  g_clear_pointer (&self->csv, budg_csv_options_free);
  g_clear_pointer (&self->detected, budg_csv_options_free);
  g_clear_pointer (&self->options, budg_import_options_free);
  g_clear_pointer (&self->signature, g_free);

  G_OBJECT_CLASS (budg_import_dialog_parent_class)->finalize (object);
}

static void
budg_import_dialog_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  BudgImportDialog *self = BUDG_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
budg_import_dialog_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  BudgImportDialog *self = BUDG_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    case PROP_FILE:
      self->file = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define COMPACT_WIDTH 560

static gboolean
apply_compact_cb (gpointer user_data)
{
  BudgImportDialog *self = user_data;

  self->compact_id = 0;
  gtk_column_view_column_set_visible (self->category_column, !self->compact);
  gtk_column_view_column_set_visible (self->decision_column, !self->compact);
  gtk_column_view_column_set_visible (self->line_column, !self->compact);

  return G_SOURCE_REMOVE;
}

static void
budg_import_dialog_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  BudgImportDialog *self = BUDG_IMPORT_DIALOG (widget);
  gboolean compact = width < COMPACT_WIDTH;

  GTK_WIDGET_CLASS (budg_import_dialog_parent_class)->size_allocate (widget, width, height, baseline);

  /* Columns change after this allocation, not during it. */
  if (compact != self->compact)
    {
      self->compact = compact;
      if (self->compact_id == 0)
        self->compact_id = g_idle_add (apply_compact_cb, self);
    }
}

static void
budg_import_dialog_class_init (BudgImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = budg_import_dialog_constructed;
  object_class->dispose = budg_import_dialog_dispose;
  object_class->finalize = budg_import_dialog_finalize;
  object_class->get_property = budg_import_dialog_get_property;
  object_class->set_property = budg_import_dialog_set_property;

  widget_class->size_allocate = budg_import_dialog_size_allocate;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         BUDG_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL,
                         G_TYPE_FILE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BudgImportDialog::imported:
   * @self: the dialog
   * @batch_id: the import batch, for budg_importer_undo()
   * @n_imported: how many transactions were added or linked
   *
   * Emitted once the import is written, just before the dialog closes.
   */
  signals[IMPORTED] =
    g_signal_new ("imported",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/budg-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BudgImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, BudgImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, BudgImportDialog, back_button);
  gtk_widget_class_bind_template_child (widget_class, BudgImportDialog, next_button);
  gtk_widget_class_bind_template_child (widget_class, BudgImportDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BudgImportDialog, page_stack);
  gtk_widget_class_bind_template_child (widget_class, BudgImportDialog, progress_page);
  gtk_widget_class_bind_template_child (widget_class, BudgImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, BudgImportDialog, stop_button);
  gtk_widget_class_bind_template_child (widget_class, BudgImportDialog, profile_row);
  gtk_widget_class_bind_template_child (widget_class, BudgImportDialog, save_profile_row);
  gtk_widget_class_bind_template_child (widget_class, BudgImportDialog, profile_name_row);
  gtk_widget_class_bind_template_child (widget_class, BudgImportDialog, delimiter_row);
  gtk_widget_class_bind_template_child (widget_class, BudgImportDialog, encoding_row);
  gtk_widget_class_bind_template_child (widget_class, BudgImportDialog, skip_spin);
  gtk_widget_class_bind_template_child (widget_class, BudgImportDialog, header_switch);
  gtk_widget_class_bind_template_child (widget_class, BudgImportDialog, date_order_row);
  gtk_widget_class_bind_template_child (widget_class, BudgImportDialog, decimal_switch);
  gtk_widget_class_bind_template_child (widget_class, BudgImportDialog, columns_group);
  gtk_widget_class_bind_template_child (widget_class, BudgImportDialog, columns_error_label);
  gtk_widget_class_bind_template_child (widget_class, BudgImportDialog, preview_view);
  gtk_widget_class_bind_template_child (widget_class, BudgImportDialog, message_label);
  gtk_widget_class_bind_template_child (widget_class, BudgImportDialog, targets_group);
  gtk_widget_class_bind_template_child (widget_class, BudgImportDialog, counts_label);
  gtk_widget_class_bind_template_child (widget_class, BudgImportDialog, review_view);
  gtk_widget_class_bind_template_child (widget_class, BudgImportDialog, rejected_expander);
  gtk_widget_class_bind_template_child (widget_class, BudgImportDialog, rejected_label);
  gtk_widget_class_bind_template_child (widget_class, BudgImportDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, BudgImportDialog, date_order_box);
  gtk_widget_class_bind_template_callback (widget_class, day_first_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, month_first_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, next_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
budg_import_dialog_init (BudgImportDialog *self)
{
  const char *delimiter_names[] = {
    _("Comma"), _("Semicolon"), _("Tab"), _("Vertical bar"), NULL,
  };
  const char *date_order_names[] = {
    _("Detect automatically"), _("Year, month, day"), _("Day, month, year"), _("Month, day, year"), NULL,
  };
  g_autoptr(GtkStringList) delimiter_list = gtk_string_list_new (delimiter_names);
  g_autoptr(GtkStringList) date_order_list = gtk_string_list_new (date_order_names);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->preview_rows = g_list_store_new (BUDG_TYPE_IMPORT_ITEM_ROW);
  self->column_names = gtk_string_list_new (NULL);
  self->encoding_names = gtk_string_list_new (encodings);
  self->profile_names = gtk_string_list_new (NULL);
  self->profiles = g_ptr_array_new_with_free_func ((GDestroyNotify) budg_import_profile_free);
  self->target_rows = g_ptr_array_new ();
  self->target_accounts = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  adw_combo_row_set_model (self->delimiter_row, G_LIST_MODEL (delimiter_list));
  adw_combo_row_set_model (self->encoding_row, G_LIST_MODEL (self->encoding_names));
  adw_combo_row_set_model (self->date_order_row, G_LIST_MODEL (date_order_list));
  adw_combo_row_set_model (self->profile_row, G_LIST_MODEL (self->profile_names));

  for (guint i = 0; i < N_ROLES; i++)
    {
      GtkWidget *row = adw_combo_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(roles[i].title));
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (self->column_names));
      g_signal_connect_object (row, "notify::selected", G_CALLBACK (role_changed_cb), self, G_CONNECT_SWAPPED);
      adw_preferences_group_add (self->columns_group, row);
      self->role_rows[i] = ADW_COMBO_ROW (row);
    }

  g_signal_connect_object (self->profile_row, "notify::selected", G_CALLBACK (profile_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->delimiter_row, "notify::selected", G_CALLBACK (file_settings_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->encoding_row, "notify::selected", G_CALLBACK (file_settings_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->date_order_row, "notify::selected", G_CALLBACK (file_settings_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->skip_spin, "value-changed", G_CALLBACK (file_settings_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->header_switch, "notify::active", G_CALLBACK (file_settings_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->decimal_switch, "notify::active", G_CALLBACK (decimal_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->next_button));
}

/* Public API --------------------------------------------------------------- */

/**
 * budg_import_dialog_new:
 * @parent: (nullable): the window it belongs to; the main window gets the
 *   "Imported N transactions" toast
 * @context: the context
 * @file: the statement to import
 *
 * Returns: (transfer full): a new, modal import dialog, not yet shown
 */
GtkWidget *
budg_import_dialog_new (GtkWindow   *parent,
                        BudgContext *context,
                        GFile       *file)
{
  BudgImportDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (BUDG_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (BUDG_TYPE_IMPORT_DIALOG,
                       "context", context,
                       "file", file,
                       "transient-for", parent,
                       NULL);
  g_set_weak_pointer (&self->parent, parent);

  return GTK_WIDGET (self);
}

/**
 * budg_import_dialog_get_file:
 *
 * Returns: (transfer none): the statement being imported
 */
GFile *
budg_import_dialog_get_file (BudgImportDialog *self)
{
  g_return_val_if_fail (BUDG_IS_IMPORT_DIALOG (self), NULL);

  return self->file;
}

/**
 * budg_import_undo_toast_new:
 * @context: the context
 * @batch_id: the import batch
 * @n_imported: how many transactions it added or linked
 *
 * Returns: (transfer full): "Imported N transactions", with an Undo
 *   button that takes the whole import back
 */
AdwToast *
budg_import_undo_toast_new (BudgContext *context,
                            gint64       batch_id,
                            guint        n_imported)
{
  g_autofree char *title = NULL;
  UndoImport *undo;
  AdwToast *toast;

  g_return_val_if_fail (BUDG_IS_CONTEXT (context), NULL);

  /* Translators: shown once an import is written. */
  title = g_strdup_printf (ngettext ("Imported %u transaction", "Imported %u transactions", n_imported),
                           n_imported);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);

  undo = g_new0 (UndoImport, 1);
  undo->context = g_object_ref (context);
  undo->batch_id = batch_id;
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_import_cb), undo, undo_import_free, 0);

  return toast;
}

void
budg_import_dialog_set_default_account (BudgImportDialog *self,
                                        gint64            account_id)
{
  g_return_if_fail (BUDG_IS_IMPORT_DIALOG (self));

  self->default_account_id = account_id;
}
