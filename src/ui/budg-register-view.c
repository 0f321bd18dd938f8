/* budg-register-view.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-register-view"

#include "config.h"

#include <glib/gi18n.h>

#include "budg-date.h"
#include "budg-money.h"
#include "budg-register-cell.h"
#include "budg-register-selection.h"
#include "budg-register-view-private.h"
#include "budg-saved-filters.h"

/* The register. The rows come from a BudgRegisterModel, which holds only
 * the ordered ids of the matches and reads rows a page at a time, so the
 * view opens, scrolls, searches and sorts a million transactions without
 * ever holding them. Search, filters and the sorted column all end up in
 * one BudgTransactionQuery that SQLite answers over its indexes.
 */

G_DEFINE_FINAL_TYPE (BudgRegisterView, budg_register_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_ACCOUNT_ID,
  PROP_COMPACT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* probed_column before any sortable column answered the probe. */
enum {
  PROBE_NONE = -1,
};

static GtkColumnViewColumn *
sort_column (BudgRegisterView    *self,
             BudgTransactionSort  sort)
{
  switch (sort)
    {
    case BUDG_TRANSACTION_SORT_AMOUNT:
      return self->amount_column;
    case BUDG_TRANSACTION_SORT_PAYEE:
      return self->payee_column;
    case BUDG_TRANSACTION_SORT_CATEGORY:
      return self->category_column;
    case BUDG_TRANSACTION_SORT_DATE:
    default:
      return self->date_column;
    }
}

static void
set_query_text (const char **field,
                const char  *text)
{
  g_free ((char *) *field);
  *field = text != NULL && text[0] != '\0' ? g_strdup (text) : NULL;
}

const char *
_budg_register_view_get_currency (BudgRegisterView *self)
{
  /* Amounts typed in the filters mean the shown account's currency, or
   * the default one for all accounts. */
  BudgAccount *account = NULL;

  if (self->query.account_id != 0)
    account = budg_account_store_lookup (budg_context_get_accounts (self->context), self->query.account_id);

  return account != NULL ? budg_account_get_currency (account) : budg_context_get_default_currency (self->context);
}

/* A search that reads as an amount ("12.50", "1 200") looks for that
 * amount, in or out; anything with a letter is text. */
static gboolean
search_as_amount (BudgRegisterView *self,
                  const char       *text,
                  gint64           *out_minor)
{
  gboolean digit = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalpha (c))
        return FALSE;
      digit |= g_unichar_isdigit (c);
    }

  return digit && budg_money_parse (text, _budg_register_view_get_currency (self), out_minor, NULL);
}

static void
show_filter_error (BudgRegisterView *self,
                   const char       *message)
{
  gtk_label_set_text (self->filter_error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->filter_error_label), message != NULL);
  self->has_filter_error = message != NULL;
}

static gboolean
read_date_row (AdwEntryRow  *row,
               const char  **field,
               GError      **error)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autofree char *iso = NULL;

  if (text[0] != '\0' && !(iso = budg_date_normalize (text, error)))
    return FALSE;
  set_query_text (field, iso);

  return TRUE;
}

static gboolean
read_amount_row (BudgRegisterView  *self,
                 AdwEntryRow       *row,
                 gboolean          *out_has,
                 gint64            *out_minor,
                 GError           **error)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  gint64 minor = 0;

  *out_has = FALSE;
  if (text[0] == '\0')
    return TRUE;
  if (!budg_money_evaluate (text, _budg_register_view_get_currency (self), &minor, error))
    return FALSE;

  *out_has = TRUE;
  *out_minor = minor < 0 ? -minor : minor;

  return TRUE;
}

/* Reads the search entry and the filter popover into the query. */
static gboolean
read_filters (BudgRegisterView *self)
{
  g_autoptr(GError) error = NULL;
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  guint category_index = adw_combo_row_get_selected (self->category_row);
  gint64 amount = 0;
  guint mask = 0;

  self->query.has_min_amount = FALSE;
  self->query.has_max_amount = FALSE;
  set_query_text (&self->query.search, NULL);

  if (!read_date_row (self->from_row, &self->query.from_date, &error) ||
      !read_date_row (self->to_row, &self->query.to_date, &error) ||
      !read_amount_row (self, self->min_amount_row, &self->query.has_min_amount,
                        &self->query.min_amount_minor, &error) ||
      !read_amount_row (self, self->max_amount_row, &self->query.has_max_amount,
                        &self->query.max_amount_minor, &error))
    {
      show_filter_error (self, error->message);
      return FALSE;
    }
  show_filter_error (self, NULL);

  set_query_text (&self->query.payee, gtk_editable_get_text (GTK_EDITABLE (self->payee_row)));

  self->query.uncategorized = category_index == 1;
  self->query.category_id = 0;
  if (category_index != GTK_INVALID_LIST_POSITION && category_index >= 2 &&
      category_index < self->category_choice_ids->len)
    self->query.category_id = g_array_index (self->category_choice_ids, gint64, category_index);

  if (gtk_check_button_get_active (self->pending_check))
    mask |= 1u << BUDG_TRANSACTION_STATUS_PENDING;
  if (gtk_check_button_get_active (self->cleared_check))
    mask |= 1u << BUDG_TRANSACTION_STATUS_CLEARED;
  if (gtk_check_button_get_active (self->reconciled_check))
    mask |= 1u << BUDG_TRANSACTION_STATUS_RECONCILED;
  /* None ticked would show nothing; treat it like all. */
  self->query.status_mask = mask == 0x7 ? 0 : mask;

  if (search_as_amount (self, search, &amount))
    {
      amount = amount < 0 ? -amount : amount;
      self->query.has_min_amount = self->query.has_max_amount = TRUE;
      self->query.min_amount_minor = self->query.max_amount_minor = amount;
    }
  else
    set_query_text (&self->query.search, search);

  return TRUE;
}

static gboolean
has_conditions (const BudgTransactionQuery *query)
{
  return (query->search != NULL || query->payee != NULL || query->from_date != NULL ||
          query->to_date != NULL || query->category_id != 0 || query->uncategorized ||
          query->status_mask != 0 || query->has_min_amount || query->has_max_amount);
}

static char *
format_count (guint n)
{
  g_autofree char *number = g_strdup_printf ("%'u", n);

  /* Translators: %s is a number of transactions, already formatted. */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s transaction", "%s transactions", n), number);
}

/* The total of what a search or filter matched is a second pass over the
 * matches; it comes a moment after the rows, so that the list itself shows
 * as soon as it can. */
static gboolean
summary_total_cb (gpointer user_data)
{
  BudgRegisterView *self = user_data;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  g_autoptr(BudgTransaction) first = NULL;
  g_autofree char *count = NULL;
  g_autofree char *formatted = NULL;
  g_autofree char *summary = NULL;
  gint64 total = 0;

  self->summary_source = 0;

  if (n == 0 || !budg_register_model_get_total (self->model, &total, NULL))
    return G_SOURCE_REMOVE;

  first = g_list_model_get_item (G_LIST_MODEL (self->model), 0);
  count = format_count (n);
  formatted = budg_money_format (total, budg_transaction_get_currency (first));
  /* Translators: "%1$s" is the count ("12 transactions"), "%2$s" their total. */
  summary = g_strdup_printf (_("%1$s, together %2$s"), count, formatted);
  gtk_label_set_text (self->summary_label, summary);

  return G_SOURCE_REMOVE;
}

static void
update_summary (BudgRegisterView *self)
{
  g_autofree char *count = format_count (g_list_model_get_n_items (G_LIST_MODEL (self->model)));

  gtk_label_set_text (self->summary_label, count);

  g_clear_handle_id (&self->summary_source, g_source_remove);
  if (has_conditions (&self->query))
    self->summary_source = g_idle_add_full (G_PRIORITY_LOW, summary_total_cb, self, NULL);
}

static void update_columns (BudgRegisterView *self);

void
_budg_register_view_apply_query (BudgRegisterView *self)
{
  g_autoptr(GError) error = NULL;
  gint64 started = g_get_monotonic_time ();
  gboolean one_account = self->query.account_id != 0;
  guint n;

  if (!self->active)
    return;

  /* The search entry reports a change a moment after the text changed,
   * also when budg_register_view_search() already applied it. */
  if (self->loaded && budg_transaction_query_equal (&self->query, budg_register_model_get_query (self->model)))
    return;

  /* A new list starts at the top with nothing selected. Scrolling first
   * lets the model give the rows already on screen the new rows' data. */
  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);

  if (!budg_register_model_set_query (self->model, &self->query, &error))
    {
      adw_status_page_set_description (self->error_status, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  self->loaded = TRUE;
  g_debug ("Register query: %u rows in %" G_GINT64_FORMAT " ms",
           g_list_model_get_n_items (G_LIST_MODEL (self->model)),
           (g_get_monotonic_time () - started) / 1000);

  update_columns (self);
  gtk_widget_set_sensitive (self->reconcile_button, one_account);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  if (n > 0)
    gtk_stack_set_visible_child_name (self->stack, "table");
  else if (has_conditions (&self->query))
    gtk_stack_set_visible_child_name (self->stack, "no-match");
  else
    gtk_stack_set_visible_child_name (self->stack, "empty");

  update_summary (self);
  _budg_register_view_update_actions (self);
}

/* The running balance belongs to one account; the account column is only
 * worth its width when several are shown. Narrow, the register keeps what
 * identifies a row and its amount: date, payee, amount and balance. */
static void
update_columns (BudgRegisterView *self)
{
  gboolean one_account = self->query.account_id != 0;

  gtk_column_view_column_set_visible (self->balance_column, one_account);
  gtk_column_view_column_set_visible (self->account_column, !one_account && !self->compact);
  gtk_column_view_column_set_visible (self->category_column, !self->compact);
  gtk_column_view_column_set_visible (self->memo_column, !self->compact);
  gtk_column_view_column_set_visible (self->status_column, !self->compact);
}

static void
search_changed_cb (BudgRegisterView *self,
                   GtkSearchEntry   *entry)
{
  if (read_filters (self))
    _budg_register_view_apply_query (self);
}

static void
stop_search_cb (BudgRegisterView *self,
                GtkSearchEntry   *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
filter_changed_cb (BudgRegisterView *self)
{
  if (read_filters (self))
    _budg_register_view_apply_query (self);
  gtk_widget_set_visible (GTK_WIDGET (self->filter_error_label), self->has_filter_error);
}

void
_budg_register_view_clear_filters (BudgRegisterView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->from_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->to_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->payee_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->min_amount_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->max_amount_row), "");
  adw_combo_row_set_selected (self->category_row, 0);
  gtk_check_button_set_active (self->pending_check, TRUE);
  gtk_check_button_set_active (self->cleared_check, TRUE);
  gtk_check_button_set_active (self->reconciled_check, TRUE);

  if (read_filters (self))
    _budg_register_view_apply_query (self);
}

static void
column_view_activate_cb (BudgRegisterView *self,
                         guint             position,
                         GtkColumnView    *column_view)
{
  _budg_register_view_edit_position (self, position);
}

typedef struct
{
  BudgRegisterView    *view;   /* outlives the sorter, which its column view owns */
  BudgTransactionSort  sort;
} SortProbe;

static int
probe_sort_cb (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  SortProbe *probe = user_data;

  /* Called only by sorter_changed_cb(): report which column was asked and
   * answer "smaller", which the column view's sorter turns into "larger"
   * when the column sorts descending. */
  probe->view->probed_column = probe->sort;

  return GTK_ORDERING_SMALLER;
}

/* The sort column and direction the user chose by clicking the headers.
 * GTK 4.8 cannot tell (gtk_column_view_sorter_get_primary_sort_column is
 * 4.10), so each sortable column has a sorter that records being called,
 * and the column view's sorter is asked to compare two items once. */
static void
sorter_changed_cb (BudgRegisterView *self,
                   GtkSorterChange   change,
                   GtkSorter        *sorter)
{
  GtkOrdering order;
  BudgTransactionSort sort = BUDG_TRANSACTION_SORT_DATE;
  gboolean descending = TRUE;

  /* Columns going away while the view is disposed change the sorter too. */
  if (self->column_view == NULL || self->model == NULL)
    return;

  self->probed_column = PROBE_NONE;
  /* Two different objects: gtk_sorter_compare() answers "equal" for the
   * same one without asking the sorters. */
  order = gtk_sorter_compare (sorter, self, self->column_view);
  if (self->probed_column != PROBE_NONE)
    {
      sort = self->probed_column;
      descending = order == GTK_ORDERING_LARGER;
    }

  if (sort == self->query.sort && !descending == !self->query.descending)
    return;

  self->query.sort = sort;
  self->query.descending = descending;
  _budg_register_view_apply_query (self);
}

/* Cells are plain widgets made in code: a GtkBuilderListItemFactory would
 * parse its template for each of the hundreds of cells a new list needs. */
static void
factory_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  const char               *column)
{
  gtk_list_item_set_child (item, budg_register_cell_new (column));
}

static void
factory_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 const char               *column)
{
  budg_register_cell_set_transaction (BUDG_REGISTER_CELL (gtk_list_item_get_child (item)),
                                      gtk_list_item_get_item (item));
}

static void
factory_unbind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   const char               *column)
{
  budg_register_cell_set_transaction (BUDG_REGISTER_CELL (gtk_list_item_get_child (item)), NULL);
}

static void
setup_factories (BudgRegisterView *self)
{
  const struct { GtkColumnViewColumn *column; const char *name; } columns[] = {
    { self->date_column, "date" },
    { self->account_column, "account" },
    { self->payee_column, "payee" },
    { self->category_column, "category" },
    { self->memo_column, "memo" },
    { self->status_column, "status" },
    { self->amount_column, "amount" },
    { self->balance_column, "balance" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

      /* The names are static strings, so they can be the callbacks' data. */
      g_signal_connect (factory, "setup", G_CALLBACK (factory_setup_cb), (gpointer) columns[i].name);
      g_signal_connect (factory, "bind", G_CALLBACK (factory_bind_cb), (gpointer) columns[i].name);
      g_signal_connect (factory, "unbind", G_CALLBACK (factory_unbind_cb), (gpointer) columns[i].name);
      gtk_column_view_column_set_factory (columns[i].column, factory);
    }
}

static void
setup_sorters (BudgRegisterView *self)
{
  for (BudgTransactionSort sort = BUDG_TRANSACTION_SORT_DATE; sort <= BUDG_TRANSACTION_SORT_CATEGORY; sort++)
    {
      SortProbe *probe = g_new (SortProbe, 1);
      g_autoptr(GtkSorter) sorter = NULL;

      probe->view = self;
      probe->sort = sort;
      sorter = GTK_SORTER (gtk_custom_sorter_new (probe_sort_cb, probe, g_free));
      gtk_column_view_column_set_sorter (sort_column (self, sort), sorter);
    }

  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (sorter_changed_cb), self, G_CONNECT_SWAPPED);
}

GArray *
_budg_register_view_get_selected_ids (BudgRegisterView *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  GArray *ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), gtk_bitset_get_size (selected));
  GtkBitsetIter iter;
  guint position;

  for (gboolean more = gtk_bitset_iter_init_first (&iter, selected, &position);
       more;
       more = gtk_bitset_iter_next (&iter, &position))
    {
      gint64 id = budg_register_model_get_id (self->model, position);

      g_array_append_val (ids, id);
    }

  return ids;
}

static void
selection_changed_cb (BudgRegisterView  *self,
                      guint              position,
                      guint              n_items,
                      GtkSelectionModel *selection)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (selection);
  guint64 count = gtk_bitset_get_size (selected);
  g_autofree char *text = NULL;

  /* Translators: %u is the number of selected transactions. */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u selected", "%u selected", (gulong) count),
                          (guint) count);
  gtk_label_set_text (self->selection_label, text);
  gtk_action_bar_set_revealed (self->selection_bar, count > 1);
  _budg_register_view_update_actions (self);
}

static void
model_items_changed_cb (BudgRegisterView *self,
                        guint             position,
                        guint             removed,
                        guint             added,
                        GListModel       *model)
{
  guint n = g_list_model_get_n_items (model);

  /* Rows added or deleted elsewhere (a dialog, an import, the CLI). */
  if (n > 0)
    gtk_stack_set_visible_child_name (self->stack, "table");
  else
    gtk_stack_set_visible_child_name (self->stack, has_conditions (&self->query) ? "no-match" : "empty");
  update_summary (self);
}

/* The category filter and the bulk "Set Category" menu list the
 * categories by path; both follow the category store. */
static void
rebuild_categories (BudgRegisterView *self)
{
  GListModel *categories = G_LIST_MODEL (budg_context_get_categories (self->context));
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) section = g_menu_new ();
  g_autoptr(GMenuItem) none = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  guint n = g_list_model_get_n_items (categories);
  gint64 selected_id = self->query.category_id;
  guint selected = self->query.uncategorized ? 1 : 0;
  gint64 zero = 0;

  g_array_set_size (self->category_choice_ids, 0);
  g_array_append_val (self->category_choice_ids, zero);
  g_array_append_val (self->category_choice_ids, zero);
  g_ptr_array_add (names, (gpointer) _("Any Category"));
  g_ptr_array_add (names, (gpointer) _("Uncategorized"));

  none = g_menu_item_new (_("Uncategorized"), NULL);
  g_menu_item_set_action_and_target (none, "register.set-category", "x", (gint64) 0);
  g_menu_append_item (section, none);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BudgCategory) category = g_list_model_get_item (categories, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (budg_category_get_path (category), NULL);
      gint64 id = budg_category_get_id (category);

      g_menu_item_set_action_and_target (item, "register.set-category", "x", id);
      g_menu_append_item (section, item);

      if (id == selected_id)
        selected = self->category_choice_ids->len;
      g_array_append_val (self->category_choice_ids, id);
      g_ptr_array_add (names, (gpointer) budg_category_get_path (category));
    }
  g_ptr_array_add (names, NULL);

  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  gtk_menu_button_set_menu_model (self->category_menu_button, G_MENU_MODEL (menu));

  /* Replacing the model resets the selection; keep the filter as it was
   * without running the query again. */
  g_signal_handlers_block_by_func (self->category_row, filter_changed_cb, self);
  g_clear_object (&self->category_choices);
  self->category_choices = gtk_string_list_new ((const char * const *) names->pdata);
  adw_combo_row_set_model (self->category_row, G_LIST_MODEL (self->category_choices));
  adw_combo_row_set_selected (self->category_row, selected);
  g_signal_handlers_unblock_by_func (self->category_row, filter_changed_cb, self);
}

static void
categories_items_changed_cb (BudgRegisterView *self,
                             guint             position,
                             guint             removed,
                             guint             added,
                             GListModel       *model)
{
  rebuild_categories (self);
}

void
_budg_register_view_rebuild_saved_menu (BudgRegisterView *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) apply = g_menu_new ();
  g_autoptr(GMenu) save = g_menu_new ();
  g_autoptr(GMenu) remove = g_menu_new ();
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GError) error = NULL;

  names = budg_saved_filters_list (budg_context_get_database (self->context), &error);
  if (names == NULL)
    g_warning ("Could not read the saved filters: %s", error->message);

  for (guint i = 0; names != NULL && i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (name, NULL);
      g_autoptr(GMenuItem) delete_item = g_menu_item_new (name, NULL);

      g_menu_item_set_action_and_target (item, "register.apply-filter", "s", name);
      g_menu_append_item (apply, item);
      g_menu_item_set_action_and_target (delete_item, "register.delete-filter", "s", name);
      g_menu_append_item (remove, delete_item);
    }

  g_menu_append (save, _("_Save Current Filter…"), "register.save-filter");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (apply));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (save));
  if (names != NULL && names->len > 0)
    g_menu_append_submenu (save, _("_Delete a Saved Filter"), G_MENU_MODEL (remove));

  gtk_menu_button_set_menu_model (self->saved_button, G_MENU_MODEL (menu));
}

static void
database_changed_cb (BudgRegisterView *self,
                     const char       *table,
                     BudgDatabase     *database)
{
  if (g_strcmp0 (table, "saved_filters") == 0 || g_strcmp0 (table, "*") == 0)
    _budg_register_view_rebuild_saved_menu (self);
}

void
_budg_register_view_toast (BudgRegisterView *self,
                           const char       *title)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

static void
budg_register_view_constructed (GObject *object)
{
  BudgRegisterView *self = (BudgRegisterView *)object;

  G_OBJECT_CLASS (budg_register_view_parent_class)->constructed (object);

  g_assert (BUDG_IS_CONTEXT (self->context));

  self->model = budg_register_model_new (budg_context_get_transactions (self->context));
  budg_register_model_set_progressive (self->model, TRUE);
  self->selection = budg_register_selection_new (G_LIST_MODEL (self->model));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_object (self->selection, "selection-changed",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "items-changed",
                           G_CALLBACK (model_items_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (budg_context_get_categories (self->context), "items-changed",
                           G_CALLBACK (categories_items_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (budg_context_get_database (self->context), "changed",
                           G_CALLBACK (database_changed_cb), self, G_CONNECT_SWAPPED);

  rebuild_categories (self);
  _budg_register_view_rebuild_saved_menu (self);
  setup_factories (self);
  setup_sorters (self);

  /* Newest first, like a bank's website; the header arrow says so. */
  self->query.sort = BUDG_TRANSACTION_SORT_DATE;
  self->query.descending = TRUE;
  gtk_column_view_sort_by_column (self->column_view, self->date_column, GTK_SORT_DESCENDING);

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  _budg_register_view_apply_query (self);
}

static void
budg_register_view_dispose (GObject *object)
{
  BudgRegisterView *self = (BudgRegisterView *)object;

  g_clear_handle_id (&self->summary_source, g_source_remove);
  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), BUDG_TYPE_REGISTER_VIEW);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_object (&self->category_choices);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (budg_register_view_parent_class)->dispose (object);
}

static void
budg_register_view_finalize (GObject *object)
{
  BudgRegisterView *self = (BudgRegisterView *)object;

  set_query_text (&self->query.from_date, NULL);
  set_query_text (&self->query.to_date, NULL);
  set_query_text (&self->query.search, NULL);
  set_query_text (&self->query.payee, NULL);
  g_clear_pointer (&self->category_choice_ids, g_array_unref);

  G_OBJECT_CLASS (budg_register_view_parent_class)->finalize (object);
}

static void
budg_register_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  BudgRegisterView *self = BUDG_REGISTER_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_ACCOUNT_ID:
      g_value_set_int64 (value, self->query.account_id);
      break;

    case PROP_COMPACT:
      g_value_set_boolean (value, self->compact);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
budg_register_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  BudgRegisterView *self = BUDG_REGISTER_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    case PROP_ACCOUNT_ID:
      budg_register_view_set_account_id (self, g_value_get_int64 (value));
      break;

    case PROP_COMPACT:
      budg_register_view_set_compact (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
budg_register_view_class_init (BudgRegisterViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = budg_register_view_constructed;
  object_class->dispose = budg_register_view_dispose;
  object_class->finalize = budg_register_view_finalize;
  object_class->get_property = budg_register_view_get_property;
  object_class->set_property = budg_register_view_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         BUDG_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ACCOUNT_ID] =
    g_param_spec_int64 ("account-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_COMPACT] =
    g_param_spec_boolean ("compact", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (BUDG_TYPE_REGISTER_CELL);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/budg-register-view.ui");
  gtk_widget_class_bind_template_child (widget_class, BudgRegisterView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BudgRegisterView, search_bar);
  gtk_widget_class_bind_template_child (widget_class, BudgRegisterView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, BudgRegisterView, filter_button);
  gtk_widget_class_bind_template_child (widget_class, BudgRegisterView, saved_button);
  gtk_widget_class_bind_template_child (widget_class, BudgRegisterView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, BudgRegisterView, reconcile_button);
  gtk_widget_class_bind_template_child (widget_class, BudgRegisterView, stack);
  gtk_widget_class_bind_template_child (widget_class, BudgRegisterView, empty_status);
  gtk_widget_class_bind_template_child (widget_class, BudgRegisterView, error_status);
  gtk_widget_class_bind_template_child (widget_class, BudgRegisterView, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, BudgRegisterView, column_view);
  gtk_widget_class_bind_template_child (widget_class, BudgRegisterView, date_column);
  gtk_widget_class_bind_template_child (widget_class, BudgRegisterView, account_column);
  gtk_widget_class_bind_template_child (widget_class, BudgRegisterView, payee_column);
  gtk_widget_class_bind_template_child (widget_class, BudgRegisterView, category_column);
  gtk_widget_class_bind_template_child (widget_class, BudgRegisterView, memo_column);
  gtk_widget_class_bind_template_child (widget_class, BudgRegisterView, status_column);
  gtk_widget_class_bind_template_child (widget_class, BudgRegisterView, amount_column);
  gtk_widget_class_bind_template_child (widget_class, BudgRegisterView, balance_column);
  gtk_widget_class_bind_template_child (widget_class, BudgRegisterView, selection_bar);
  gtk_widget_class_bind_template_child (widget_class, BudgRegisterView, selection_label);
  gtk_widget_class_bind_template_child (widget_class, BudgRegisterView, category_menu_button);
  gtk_widget_class_bind_template_child (widget_class, BudgRegisterView, filter_popover);
  gtk_widget_class_bind_template_child (widget_class, BudgRegisterView, from_row);
  gtk_widget_class_bind_template_child (widget_class, BudgRegisterView, to_row);
  gtk_widget_class_bind_template_child (widget_class, BudgRegisterView, payee_row);
  gtk_widget_class_bind_template_child (widget_class, BudgRegisterView, category_row);
  gtk_widget_class_bind_template_child (widget_class, BudgRegisterView, min_amount_row);
  gtk_widget_class_bind_template_child (widget_class, BudgRegisterView, max_amount_row);
  gtk_widget_class_bind_template_child (widget_class, BudgRegisterView, pending_check);
  gtk_widget_class_bind_template_child (widget_class, BudgRegisterView, cleared_check);
  gtk_widget_class_bind_template_child (widget_class, BudgRegisterView, reconciled_check);
  gtk_widget_class_bind_template_child (widget_class, BudgRegisterView, filter_error_label);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, column_view_activate_cb);

  _budg_register_view_class_actions_init (widget_class);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "register");
}

static void
budg_register_view_init (BudgRegisterView *self)
{
  self->category_choice_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->probed_column = PROBE_NONE;

  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
budg_register_view_new (BudgContext *context)
{
  g_return_val_if_fail (BUDG_IS_CONTEXT (context), NULL);

  return g_object_new (BUDG_TYPE_REGISTER_VIEW, "context", context, NULL);
}

BudgContext *
budg_register_view_get_context (BudgRegisterView *self)
{
  g_return_val_if_fail (BUDG_IS_REGISTER_VIEW (self), NULL);

  return self->context;
}

gint64
budg_register_view_get_account_id (BudgRegisterView *self)
{
  g_return_val_if_fail (BUDG_IS_REGISTER_VIEW (self), 0);

  return self->query.account_id;
}

void
budg_register_view_set_account_id (BudgRegisterView *self,
                                   gint64            account_id)
{
  g_return_if_fail (BUDG_IS_REGISTER_VIEW (self));

  if (self->query.account_id == account_id)
    return;

  self->query.account_id = account_id;
  /* An amount typed in the filters means the new account's currency. */
  if (self->model != NULL && read_filters (self))
    _budg_register_view_apply_query (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT_ID]);
}

gboolean
budg_register_view_get_compact (BudgRegisterView *self)
{
  g_return_val_if_fail (BUDG_IS_REGISTER_VIEW (self), FALSE);

  return self->compact;
}

void
budg_register_view_set_compact (BudgRegisterView *self,
                                gboolean          compact)
{
  g_return_if_fail (BUDG_IS_REGISTER_VIEW (self));

  compact = !!compact;
  if (self->compact == compact)
    return;

  self->compact = compact;
  update_columns (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPACT]);
}

gboolean
budg_register_view_get_active (BudgRegisterView *self)
{
  g_return_val_if_fail (BUDG_IS_REGISTER_VIEW (self), FALSE);

  return self->active;
}

void
budg_register_view_set_active (BudgRegisterView *self,
                               gboolean          active)
{
  g_return_if_fail (BUDG_IS_REGISTER_VIEW (self));

  active = !!active;
  if (self->active == active)
    return;

  self->active = active;
  if (active)
    _budg_register_view_apply_query (self);
}

BudgRegisterModel *
budg_register_view_get_model (BudgRegisterView *self)
{
  g_return_val_if_fail (BUDG_IS_REGISTER_VIEW (self), NULL);

  return self->model;
}

GtkSelectionModel *
budg_register_view_get_selection (BudgRegisterView *self)
{
  g_return_val_if_fail (BUDG_IS_REGISTER_VIEW (self), NULL);

  return GTK_SELECTION_MODEL (self->selection);
}

void
budg_register_view_search (BudgRegisterView *self,
                           const char       *text)
{
  g_return_if_fail (BUDG_IS_REGISTER_VIEW (self));

  /* Replacing the text clears it first, which the entry reports at once;
   * the query runs once, below. */
  g_signal_handlers_block_by_func (self->search_entry, search_changed_cb, self);
  gtk_search_bar_set_search_mode (self->search_bar, text != NULL && text[0] != '\0');
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  g_signal_handlers_unblock_by_func (self->search_entry, search_changed_cb, self);
  /* The entry waits a moment before it reports a change; apply now. */
  if (read_filters (self))
    _budg_register_view_apply_query (self);
}

/**
 * budg_register_view_show_query:
 * @self: a #BudgRegisterView
 * @query: what to show: its dates, payee, category, amounts, statuses and
 *   search; its account, sort and paging are not used
 *
 * Sets the search and the filters to @query, replacing every filter set
 * before, and shows the matches (at once if the view is active, else when
 * it next is). The filters stay for the user to see and change.
 */
void
budg_register_view_show_query (BudgRegisterView           *self,
                               const BudgTransactionQuery *query)
{
  gpointer filters[9];
  g_autofree char *min_text = NULL;
  g_autofree char *max_text = NULL;
  guint category_index;
  guint mask;

  g_return_if_fail (BUDG_IS_REGISTER_VIEW (self));
  g_return_if_fail (query != NULL);

  filters[0] = self->from_row;
  filters[1] = self->to_row;
  filters[2] = self->payee_row;
  filters[3] = self->min_amount_row;
  filters[4] = self->max_amount_row;
  filters[5] = self->category_row;
  filters[6] = self->pending_check;
  filters[7] = self->cleared_check;
  filters[8] = self->reconciled_check;
  category_index = query->uncategorized ? 1 : 0;
  mask = query->status_mask;

  if (query->has_min_amount)
    min_text = budg_money_format_plain (query->min_amount_minor, _budg_register_view_get_currency (self));
  if (query->has_max_amount)
    max_text = budg_money_format_plain (query->max_amount_minor, _budg_register_view_get_currency (self));
  for (guint i = 2; query->category_id != 0 && i < self->category_choice_ids->len; i++)
    if (g_array_index (self->category_choice_ids, gint64, i) == query->category_id)
      category_index = i;

  /* Each widget reports its change; the query runs once, below. */
  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    g_signal_handlers_block_by_func (filters[i], filter_changed_cb, self);
  gtk_editable_set_text (GTK_EDITABLE (self->from_row), query->from_date != NULL ? query->from_date : "");
  gtk_editable_set_text (GTK_EDITABLE (self->to_row), query->to_date != NULL ? query->to_date : "");
  gtk_editable_set_text (GTK_EDITABLE (self->payee_row), query->payee != NULL ? query->payee : "");
  gtk_editable_set_text (GTK_EDITABLE (self->min_amount_row), min_text != NULL ? min_text : "");
  gtk_editable_set_text (GTK_EDITABLE (self->max_amount_row), max_text != NULL ? max_text : "");
  adw_combo_row_set_selected (self->category_row, category_index);
  gtk_check_button_set_active (self->pending_check, mask == 0 || (mask & (1u << BUDG_TRANSACTION_STATUS_PENDING)));
  gtk_check_button_set_active (self->cleared_check, mask == 0 || (mask & (1u << BUDG_TRANSACTION_STATUS_CLEARED)));
  gtk_check_button_set_active (self->reconciled_check,
                               mask == 0 || (mask & (1u << BUDG_TRANSACTION_STATUS_RECONCILED)));
  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    g_signal_handlers_unblock_by_func (filters[i], filter_changed_cb, self);

  budg_register_view_search (self, query->search);
}

void
budg_register_view_sort (BudgRegisterView    *self,
                         BudgTransactionSort  sort,
                         gboolean             descending)
{
  g_return_if_fail (BUDG_IS_REGISTER_VIEW (self));

  gtk_column_view_sort_by_column (self->column_view, sort_column (self, sort),
                                  descending ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
}

/* GTK 4.8's column view cannot scroll to a row from code; its inner list
 * view has the "list.scroll-to-item" action, which selects and focuses. */
static GtkWidget *
find_list_view (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LIST_VIEW (child))
        return child;
      if ((found = find_list_view (child)) != NULL)
        return found;
    }

  return NULL;
}

gboolean
budg_register_view_select (BudgRegisterView *self,
                           gint64            id)
{
  GtkWidget *list_view;
  guint position;

  g_return_val_if_fail (BUDG_IS_REGISTER_VIEW (self), FALSE);

  position = budg_register_model_find (self->model, id);
  if (position == G_MAXUINT)
    return FALSE;

  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  list_view = find_list_view (GTK_WIDGET (self->column_view));
  if (list_view != NULL)
    gtk_widget_activate_action (list_view, "list.scroll-to-item", "u", position);

  return TRUE;
}
