/* budg-transaction-dialog.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-transaction-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "budg-category-dialog.h"
#include "budg-date-row.h"
#include "budg-error.h"
#include "budg-form.h"
#include "budg-message-dialog.h"
#include "budg-money.h"
#include "budg-payees.h"
#include "budg-rule-dialog.h"
#include "budg-transaction-dialog.h"
#include "budg-validate.h"
#include "budg-window.h"

/* The form that adds a transaction or changes one, in one of three modes:
 * a single transaction in one category, a split across several categories,
 * or a transfer between two accounts (a linked pair in the store).
 *
 * Amounts are typed without a sign, in the currency of their account, and
 * may be simple arithmetic ("12.50+3"); the direction (money out or in) is
 * a separate choice, which reads more clearly than a minus sign and is what
 * the register shows as the sign. Whatever touches more than one row (a
 * split and its parts, both sides of a transfer) is written in one database
 * transaction, so a failure leaves nothing half-saved.
 */

/* How many payee names the suggestions under the payee field list. */
#define N_PAYEE_SUGGESTIONS 8

/* A split needs two parts to be a split; with fewer it is a transaction in
 * one category, which the "Transaction" mode is for.
 */
#define MIN_PARTS 2

/* One part of a split: a row of widgets made in code, since their number
 * changes while the form is open.
 */
typedef struct
{
  BudgTransactionDialog *dialog;        /* not a reference: the dialog owns the part */
  GtkWidget             *row;
  GtkDropDown           *category_dropdown;
  GtkEntry              *amount_entry;
  GtkEntry              *memo_entry;
  GtkButton             *remove_button;
  gint64                 category_id;
} Part;

struct _BudgTransactionDialog
{
  AdwWindow                  parent_instance;

  BudgContext               *context;
  BudgTransaction           *transaction;
  BudgTransaction           *partner;          /* the other side of a transfer being edited */
  gint64                     default_account_id;

  GPtrArray                 *accounts;         /* BudgAccount, in the order of the account rows */
  GtkStringList             *account_names;
  GArray                    *category_ids;     /* gint64: 0 for Uncategorized, then the categories */
  GtkStringList             *category_names;   /* the same, and "New Category…" last */
  gint64                     category_id;      /* chosen in category_row */
  GPtrArray                 *parts;            /* Part */
  gboolean                   was_split;        /* the transaction had parts when the form opened */

  GtkWidget                 *category_dialog;
  Part                      *category_part;    /* the part that asked for a new category, or NULL */

  GCancellable              *cancellable;
  BudgTransactionDialogMode  mode;
  gboolean                   loading;
  gboolean                   reconciled_confirmed;

  GtkPopover                *payee_popover;
  GtkListBox                *payee_list;

  GtkButton                 *save_button;
  AdwToastOverlay           *toast_overlay;
  GtkToggleButton           *single_toggle;
  GtkToggleButton           *split_toggle;
  GtkToggleButton           *transfer_toggle;
  AdwComboRow               *account_row;
  AdwComboRow               *to_account_row;
  GtkLabel                  *account_error_label;
  BudgDateRow               *date_row;
  AdwPreferencesGroup       *payee_group;
  AdwEntryRow               *payee_row;
  GtkLabel                  *payee_error_label;
  AdwActionRow              *direction_row;
  GtkToggleButton           *out_toggle;
  GtkToggleButton           *in_toggle;
  AdwEntryRow               *amount_row;
  GtkLabel                  *amount_hint_label;
  GtkLabel                  *amount_error_label;
  AdwEntryRow               *received_row;
  GtkLabel                  *received_hint_label;
  GtkLabel                  *received_error_label;
  AdwActionRow              *rate_row;
  GtkLabel                  *rate_label;
  AdwPreferencesGroup       *category_group;
  AdwComboRow               *category_row;
  AdwPreferencesGroup       *parts_group;
  GtkListBox                *parts_list;
  GtkLabel                  *split_total_label;
  GtkLabel                  *parts_error_label;
  AdwEntryRow               *memo_row;
  AdwComboRow               *status_row;
  GtkLabel                  *memo_error_label;
};

G_DEFINE_FINAL_TYPE (BudgTransactionDialog, budg_transaction_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_TRANSACTION,
  PROP_DEFAULT_ACCOUNT_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void update_form        (BudgTransactionDialog *self);
static void open_category_form (BudgTransactionDialog *self,
                                Part                  *part);

/* Amounts --------------------------------------------------------------- */

/* Reads an amount field as budg_money_evaluate() does. Returns %TRUE with
 * an amount more than zero; %FALSE without an error when there is nothing
 * to read (no text or no currency yet), and with @error set when the text
 * is not such an amount. @negative_message says what to do about a
 * negative result.
 */
static gboolean
read_amount (GtkEditable  *editable,
             const char   *currency,
             const char   *negative_message,
             gint64       *out_minor,
             GError      **error)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (editable)));
  gint64 minor;

  *out_minor = 0;

  if (text[0] == '\0' || currency == NULL)
    return FALSE;

  if (!budg_money_evaluate (text, currency, &minor, error))
    return FALSE;

  if (minor < 0)
    {
      g_set_error_literal (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT, negative_message);
      return FALSE;
    }
  if (minor == 0)
    {
      g_set_error_literal (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                           _("Enter an amount more than zero."));
      return FALSE;
    }

  *out_minor = minor;
  return TRUE;
}

/* The hint at the end of an amount field shows how the text was read:
 * "= €15.50" for "12.50+3", the currency alone while the field is empty,
 * nothing after a mistake (which the form explains under the field).
 */
static void
update_amount_hint (GtkLabel    *hint_label,
                    GtkEditable *editable,
                    const char  *currency)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (editable)));
  g_autofree char *formatted = NULL;
  g_autofree char *hint = NULL;
  gint64 minor;

  if (currency == NULL)
    {
      gtk_label_set_text (hint_label, "");
      return;
    }

  if (text[0] == '\0')
    {
      gtk_label_set_text (hint_label, currency);
      return;
    }

  if (!budg_money_evaluate (text, currency, &minor, NULL))
    {
      gtk_label_set_text (hint_label, "");
      return;
    }

  formatted = budg_money_format (minor, currency);
  /* Translators: the result of an amount typed as arithmetic, "= €15.50". */
  hint = g_strdup_printf (_("= %s"), formatted);
  gtk_label_set_text (hint_label, hint);
}

static void
set_amount_text (GtkEditable *editable,
                 gint64       minor,
                 const char  *currency)
{
  g_autofree char *text = NULL;

  /* Without a currency (an account the form cannot offer) there is no way
   * to write the amount; the form then asks for it. */
  if (currency == NULL)
    return;

  text = budg_money_format_plain (minor, currency);
  gtk_editable_set_text (editable, text);
}

/* "1 EUR = 1.0823 USD": a rate is a ratio, not money, so a double is the
 * right type for it; it is only ever shown. Small rates get more decimals,
 * so that about five significant digits always show.
 */
static char *
format_rate (gint64      from_minor,
             const char *from_currency,
             gint64      to_minor,
             const char *to_currency)
{
  double from = (double) from_minor;
  double to = (double) to_minor;
  double rate;
  int decimals = 4;
  g_autofree char *number = NULL;

  for (int i = 0; i < budg_currency_get_minor_units (from_currency); i++)
    from /= 10.0;
  for (int i = 0; i < budg_currency_get_minor_units (to_currency); i++)
    to /= 10.0;

  rate = to / from;
  for (double r = rate; r > 0 && r < 1.0 && decimals < 12; r *= 10.0)
    decimals++;

  number = g_strdup_printf ("%.*f", decimals, rate);

  /* Translators: an exchange rate, "1 EUR = 1.0823 USD"; %1$s and %3$s are
   * currency codes, %2$s the number. */
  return g_strdup_printf (_("1 %1$s = %2$s %3$s"), from_currency, number, to_currency);
}

/* Accounts and categories ------------------------------------------------ */

static BudgAccount *
get_account (BudgTransactionDialog *self,
             AdwComboRow           *row)
{
  guint selected = adw_combo_row_get_selected (row);

  return selected < self->accounts->len ? g_ptr_array_index (self->accounts, selected) : NULL;
}

static const char *
get_currency (BudgTransactionDialog *self,
              AdwComboRow           *row)
{
  BudgAccount *account = get_account (self, row);

  return account != NULL ? budg_account_get_currency (account) : NULL;
}

static void
select_account (BudgTransactionDialog *self,
                AdwComboRow           *row,
                gint64                 account_id)
{
  for (guint i = 0; i < self->accounts->len; i++)
    {
      if (budg_account_get_id (g_ptr_array_index (self->accounts, i)) == account_id)
        {
          adw_combo_row_set_selected (row, i);
          return;
        }
    }
}

/* The transfer's destination starts as the first account that is not the
 * origin, which with two accounts is the only sensible one.
 */
static void
select_other_account (BudgTransactionDialog *self)
{
  BudgAccount *from = get_account (self, self->account_row);

  for (guint i = 0; i < self->accounts->len; i++)
    {
      if (g_ptr_array_index (self->accounts, i) != from)
        {
          adw_combo_row_set_selected (self->to_account_row, i);
          return;
        }
    }
}

static gboolean
is_transfer_cross_currency (BudgTransactionDialog *self)
{
  const char *from = get_currency (self, self->account_row);
  const char *to = get_currency (self, self->to_account_row);

  return from != NULL && to != NULL && g_strcmp0 (from, to) != 0;
}

/* Snapshots the open accounts (and those of the transaction being edited,
 * archived or not): the account store reloads itself whenever the database
 * changes, and the rows must not move under the person's choice.
 */
static void
fill_accounts (BudgTransactionDialog *self,
               gint64                 keep_id,
               gint64                 keep_other_id)
{
  GListModel *accounts = G_LIST_MODEL (budg_context_get_accounts (self->context));
  guint n_accounts = g_list_model_get_n_items (accounts);

  g_ptr_array_set_size (self->accounts, 0);
  g_clear_object (&self->account_names);
  self->account_names = gtk_string_list_new (NULL);

  for (guint i = 0; i < n_accounts; i++)
    {
      g_autoptr(BudgAccount) account = g_list_model_get_item (accounts, i);
      gint64 id = budg_account_get_id (account);

      if (budg_account_get_archived (account) && id != keep_id && id != keep_other_id)
        continue;

      gtk_string_list_append (self->account_names, budg_account_get_name (account));
      g_ptr_array_add (self->accounts, g_steal_pointer (&account));
    }

  adw_combo_row_set_model (self->account_row, G_LIST_MODEL (self->account_names));
  adw_combo_row_set_model (self->to_account_row, G_LIST_MODEL (self->account_names));

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->account_row),
                               self->accounts->len == 0
                               ? _("There is no open account yet. Add one first.") : NULL);
}

static guint
category_position (BudgTransactionDialog *self,
                   gint64                 category_id)
{
  for (guint i = 0; i < self->category_ids->len; i++)
    if (g_array_index (self->category_ids, gint64, i) == category_id)
      return i;

  return 0;
}

/* The position of "New Category…", the last item of the category lists. */
static guint
new_category_position (BudgTransactionDialog *self)
{
  return self->category_ids->len;
}

static void
select_categories (BudgTransactionDialog *self)
{
  gboolean loading = self->loading;

  self->loading = TRUE;

  adw_combo_row_set_selected (self->category_row, category_position (self, self->category_id));
  for (guint i = 0; i < self->parts->len; i++)
    {
      Part *part = g_ptr_array_index (self->parts, i);

      gtk_drop_down_set_selected (part->category_dropdown,
                                  category_position (self, part->category_id));
    }

  self->loading = loading;
}

/* One list of names serves the category row and the drop-down of every
 * part; a category that no longer exists falls back to Uncategorized.
 */
static void
fill_categories (BudgTransactionDialog *self)
{
  GListModel *categories = G_LIST_MODEL (budg_context_get_categories (self->context));
  guint n_categories = g_list_model_get_n_items (categories);
  gboolean loading = self->loading;
  gint64 none = 0;

  self->loading = TRUE;

  g_array_set_size (self->category_ids, 0);
  g_array_append_val (self->category_ids, none);
  g_clear_object (&self->category_names);
  self->category_names = gtk_string_list_new (NULL);
  gtk_string_list_append (self->category_names, _("Uncategorized"));

  for (guint i = 0; i < n_categories; i++)
    {
      g_autoptr(BudgCategory) category = g_list_model_get_item (categories, i);
      gint64 id = budg_category_get_id (category);

      g_array_append_val (self->category_ids, id);
      gtk_string_list_append (self->category_names, budg_category_get_path (category));
    }

  gtk_string_list_append (self->category_names, _("New Category…"));

  adw_combo_row_set_model (self->category_row, G_LIST_MODEL (self->category_names));
  for (guint i = 0; i < self->parts->len; i++)
    {
      Part *part = g_ptr_array_index (self->parts, i);

      gtk_drop_down_set_model (part->category_dropdown, G_LIST_MODEL (self->category_names));
    }

  if (category_position (self, self->category_id) == 0)
    self->category_id = 0;
  for (guint i = 0; i < self->parts->len; i++)
    {
      Part *part = g_ptr_array_index (self->parts, i);

      if (category_position (self, part->category_id) == 0)
        part->category_id = 0;
    }

  select_categories (self);

  self->loading = loading;
}

/* Parts of a split ------------------------------------------------------- */

static void
part_free (Part *part)
{
  g_free (part);
}

/* Screen readers name each control of a part by its number, which changes
 * when a part above it goes away.
 */
static void
update_part_labels (BudgTransactionDialog *self)
{
  for (guint i = 0; i < self->parts->len; i++)
    {
      Part *part = g_ptr_array_index (self->parts, i);
      g_autofree char *category = g_strdup_printf (_("Category of part %u"), i + 1);
      g_autofree char *amount = g_strdup_printf (_("Amount of part %u"), i + 1);
      g_autofree char *memo = g_strdup_printf (_("Memo of part %u"), i + 1);
      g_autofree char *remove = g_strdup_printf (_("Remove part %u"), i + 1);

      gtk_accessible_update_property (GTK_ACCESSIBLE (part->category_dropdown),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, category, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (part->amount_entry),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, amount, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (part->memo_entry),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, memo, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (part->remove_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, remove, -1);
      gtk_widget_set_tooltip_text (GTK_WIDGET (part->remove_button), remove);
      gtk_widget_set_sensitive (GTK_WIDGET (part->remove_button), self->parts->len > MIN_PARTS);
    }
}

static void
part_category_changed_cb (Part *part)
{
  BudgTransactionDialog *self = part->dialog;
  guint selected = gtk_drop_down_get_selected (part->category_dropdown);

  if (self->loading || selected == GTK_INVALID_LIST_POSITION)
    return;

  if (selected < new_category_position (self))
    {
      part->category_id = g_array_index (self->category_ids, gint64, selected);
      return;
    }

  /* "New Category…" is not a category: the part goes back to what it had
   * while the category is made, and moves to it once it exists.
   */
  select_categories (self);
  open_category_form (self, part);
}

static void
part_changed_cb (Part *part)
{
  update_form (part->dialog);
}

static void
part_activated_cb (Part *part)
{
  gtk_widget_activate_action (GTK_WIDGET (part->dialog), "dialog.save", NULL);
}

static void
remove_part (BudgTransactionDialog *self,
             Part                  *part)
{
  g_signal_handlers_disconnect_by_data (part->category_dropdown, part);
  g_signal_handlers_disconnect_by_data (part->amount_entry, part);
  g_signal_handlers_disconnect_by_data (part->memo_entry, part);
  g_signal_handlers_disconnect_by_data (part->remove_button, part);

  if (self->category_part == part)
    self->category_part = NULL;

  gtk_list_box_remove (self->parts_list, part->row);
  g_ptr_array_remove (self->parts, part);
}

static void
part_remove_clicked_cb (Part *part)
{
  BudgTransactionDialog *self = part->dialog;
  guint index = 0;

  g_ptr_array_find (self->parts, part, &index);
  remove_part (self, part);
  update_part_labels (self);
  update_form (self);

  /* The focus was on the button that went away. */
  if (self->parts->len > 0)
    {
      Part *next = g_ptr_array_index (self->parts, MIN (index, self->parts->len - 1));

      gtk_widget_grab_focus (GTK_WIDGET (next->amount_entry));
    }
}

static Part *
add_part (BudgTransactionDialog *self,
          gint64                 category_id,
          const char            *amount_text,
          const char            *memo)
{
  Part *part = g_new0 (Part, 1);
  GtkWidget *box;
  GtkWidget *line;

  part->dialog = self;
  part->category_id = category_id;

  part->category_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  gtk_drop_down_set_model (part->category_dropdown, G_LIST_MODEL (self->category_names));
  gtk_drop_down_set_enable_search (part->category_dropdown, TRUE);
  gtk_drop_down_set_expression (part->category_dropdown,
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL,
                                                             "string"));
  gtk_widget_set_hexpand (GTK_WIDGET (part->category_dropdown), TRUE);

  part->amount_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_input_purpose (part->amount_entry, GTK_INPUT_PURPOSE_NUMBER);
  gtk_entry_set_alignment (part->amount_entry, 1.0);
  gtk_editable_set_width_chars (GTK_EDITABLE (part->amount_entry), 9);
  gtk_entry_set_placeholder_text (part->amount_entry, _("Amount"));
  gtk_widget_add_css_class (GTK_WIDGET (part->amount_entry), "numeric");
  if (amount_text != NULL)
    gtk_editable_set_text (GTK_EDITABLE (part->amount_entry), amount_text);

  part->remove_button = GTK_BUTTON (gtk_button_new_from_icon_name ("list-remove-symbolic"));
  gtk_widget_set_valign (GTK_WIDGET (part->remove_button), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (part->remove_button), "flat");

  part->memo_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (part->memo_entry, _("Memo (optional)"));
  if (memo != NULL)
    gtk_editable_set_text (GTK_EDITABLE (part->memo_entry), memo);

  line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (line), GTK_WIDGET (part->category_dropdown));
  gtk_box_append (GTK_BOX (line), GTK_WIDGET (part->amount_entry));
  gtk_box_append (GTK_BOX (line), GTK_WIDGET (part->remove_button));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_box_append (GTK_BOX (box), line);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (part->memo_entry));

  part->row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (part->row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (part->row), box);

  g_ptr_array_add (self->parts, part);
  gtk_list_box_append (self->parts_list, part->row);
  select_categories (self);

  g_signal_connect_swapped (part->category_dropdown, "notify::selected",
                            G_CALLBACK (part_category_changed_cb), part);
  g_signal_connect_swapped (part->amount_entry, "changed", G_CALLBACK (part_changed_cb), part);
  g_signal_connect_swapped (part->amount_entry, "activate", G_CALLBACK (part_activated_cb), part);
  g_signal_connect_swapped (part->memo_entry, "changed", G_CALLBACK (part_changed_cb), part);
  g_signal_connect_swapped (part->memo_entry, "activate", G_CALLBACK (part_activated_cb), part);
  g_signal_connect_swapped (part->remove_button, "clicked",
                            G_CALLBACK (part_remove_clicked_cb), part);

  update_part_labels (self);

  return part;
}

/* Validation ------------------------------------------------------------- */

static gint64
direction_sign (BudgTransactionDialog *self)
{
  return gtk_toggle_button_get_active (self->in_toggle) ? 1 : -1;
}

static gboolean
read_main_amount (BudgTransactionDialog  *self,
                  gint64                 *out_minor,
                  GError                **error)
{
  const char *message;

  if (self->mode == BUDG_TRANSACTION_DIALOG_MODE_TRANSFER)
    message = _("Enter the amount moved without a minus sign; the money leaves the account "
                "in “From”.");
  else
    message = _("Enter the amount without a minus sign, and choose “Money Out” or “Money In”.");

  return read_amount (GTK_EDITABLE (self->amount_row), get_currency (self, self->account_row),
                      message, out_minor, error);
}

static gboolean
read_received_amount (BudgTransactionDialog  *self,
                      gint64                 *out_minor,
                      GError                **error)
{
  return read_amount (GTK_EDITABLE (self->received_row), get_currency (self, self->to_account_row),
                      _("Enter the amount that arrived without a minus sign."), out_minor, error);
}

static gboolean
read_part_amount (BudgTransactionDialog  *self,
                  Part                   *part,
                  gint64                 *out_minor,
                  GError                **error)
{
  return read_amount (GTK_EDITABLE (part->amount_entry), get_currency (self, self->account_row),
                      _("Enter each part without a minus sign, in the direction of the "
                        "transaction."),
                      out_minor, error);
}

static gboolean
check_memo (GtkEditable  *editable,
            GError      **error)
{
  g_autofree char *memo = NULL;
  g_autoptr(GError) local_error = NULL;

  memo = budg_validate_optional (gtk_editable_get_text (editable), _("memo"), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

/* Whether the parts can be saved: every one with an amount, adding up to
 * the transaction's. @out_sum gets what the readable parts add up to.
 */
static gboolean
check_parts (BudgTransactionDialog  *self,
             gint64                  total,
             gint64                 *out_sum,
             GError                **error)
{
  gboolean complete = TRUE;
  gint64 sum = 0;

  for (guint i = 0; i < self->parts->len; i++)
    {
      Part *part = g_ptr_array_index (self->parts, i);
      g_autoptr(GError) part_error = NULL;
      gint64 minor;

      if (!check_memo (GTK_EDITABLE (part->memo_entry), &part_error) ||
          !read_part_amount (self, part, &minor, &part_error))
        {
          complete = FALSE;
          if (part_error != NULL && error != NULL && *error == NULL)
            /* Translators: %u is the number of a part of a split, %s what is wrong with it. */
            g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT, _("Part %u: %s"),
                         i + 1, part_error->message);
          continue;
        }

      /* An overflowing sum cannot match any amount; the amount field says so. */
      if (!budg_money_add (sum, minor, &sum, NULL))
        complete = FALSE;
    }

  *out_sum = sum;

  return complete && self->parts->len >= MIN_PARTS && sum == total;
}

static gboolean
is_valid (BudgTransactionDialog *self)
{
  BudgAccount *account = get_account (self, self->account_row);
  gint64 amount;

  if (account == NULL ||
      !read_main_amount (self, &amount, NULL) ||
      !check_memo (GTK_EDITABLE (self->memo_row), NULL))
    return FALSE;

  switch (self->mode)
    {
    case BUDG_TRANSACTION_DIALOG_MODE_TRANSFER:
      {
        BudgAccount *to = get_account (self, self->to_account_row);
        gint64 received;

        if (to == NULL || to == account)
          return FALSE;
        if (is_transfer_cross_currency (self) && !read_received_amount (self, &received, NULL))
          return FALSE;
        return TRUE;
      }

    case BUDG_TRANSACTION_DIALOG_MODE_SPLIT:
      {
        gint64 sum;

        return budg_form_check_optional (self->payee_row, _("payee"), NULL) &&
               check_parts (self, amount, &sum, NULL);
      }

    case BUDG_TRANSACTION_DIALOG_MODE_SINGLE:
    default:
      return budg_form_check_optional (self->payee_row, _("payee"), NULL);
    }
}

static void
update_split_total (BudgTransactionDialog *self)
{
  const char *currency = get_currency (self, self->account_row);
  g_autoptr(GError) error = NULL;
  g_autofree char *formatted = NULL;
  g_autofree char *text = NULL;
  gboolean has_total;
  gint64 total;
  gint64 sum = 0;

  if (self->mode != BUDG_TRANSACTION_DIALOG_MODE_SPLIT || currency == NULL)
    return;

  has_total = read_main_amount (self, &total, NULL);
  check_parts (self, has_total ? total : 0, &sum, &error);

  gtk_widget_remove_css_class (GTK_WIDGET (self->split_total_label), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->split_total_label), "warning");

  if (!has_total)
    {
      formatted = budg_money_format (sum, currency);
      /* Translators: %s is an amount of money. */
      text = g_strdup_printf (_("The parts add up to %s"), formatted);
    }
  else if (sum < total)
    {
      formatted = budg_money_format (total - sum, currency);
      /* Translators: %s is the amount of a split not given to any part yet. */
      text = g_strdup_printf (_("%s left to assign"), formatted);
      gtk_widget_add_css_class (GTK_WIDGET (self->split_total_label), "warning");
    }
  else if (sum > total)
    {
      formatted = budg_money_format (sum - total, currency);
      /* Translators: %s is by how much the parts of a split exceed its amount. */
      text = g_strdup_printf (_("%s too much"), formatted);
      gtk_widget_add_css_class (GTK_WIDGET (self->split_total_label), "warning");
    }
  else
    {
      formatted = budg_money_format (total, currency);
      /* Translators: %s is the amount of a split. */
      text = g_strdup_printf (_("All of %s is assigned"), formatted);
      gtk_widget_add_css_class (GTK_WIDGET (self->split_total_label), "success");
    }

  gtk_label_set_text (self->split_total_label, text);

  if (error == NULL && self->parts->len < MIN_PARTS)
    g_set_error_literal (&error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                         _("A split has at least two parts. Add a part, or choose “Transaction”."));
  budg_form_set_field_error (GTK_WIDGET (self->parts_list), self->parts_error_label, error);
}

/* Shows what is wrong under the field that caused it, the hints of the
 * amount fields and the split's balance, and whether Save can go ahead.
 */
static void
update_form (BudgTransactionDialog *self)
{
  g_autoptr(GError) amount_error = NULL;
  g_autoptr(GError) received_error = NULL;
  g_autoptr(GError) payee_error = NULL;
  g_autoptr(GError) memo_error = NULL;
  g_autoptr(GError) account_error = NULL;
  const char *currency = get_currency (self, self->account_row);
  const char *to_currency = get_currency (self, self->to_account_row);
  gboolean transfer = self->mode == BUDG_TRANSACTION_DIALOG_MODE_TRANSFER;
  gboolean cross = transfer && is_transfer_cross_currency (self);
  gint64 amount = 0;
  gint64 received = 0;
  gboolean has_amount;
  gboolean has_received = FALSE;

  if (self->loading)
    return;

  has_amount = read_main_amount (self, &amount, &amount_error);
  update_amount_hint (self->amount_hint_label, GTK_EDITABLE (self->amount_row), currency);
  budg_form_set_field_error (GTK_WIDGET (self->amount_row), self->amount_error_label, amount_error);

  gtk_widget_set_visible (GTK_WIDGET (self->received_row), cross);
  gtk_widget_set_visible (GTK_WIDGET (self->rate_row), cross);
  if (cross)
    {
      has_received = read_received_amount (self, &received, &received_error);
      update_amount_hint (self->received_hint_label, GTK_EDITABLE (self->received_row),
                          to_currency);
    }
  budg_form_set_field_error (GTK_WIDGET (self->received_row), self->received_error_label,
                             received_error);

  if (cross && has_amount && has_received)
    {
      g_autofree char *rate = format_rate (amount, currency, received, to_currency);

      gtk_label_set_text (self->rate_label, rate);
    }
  else if (cross)
    {
      gtk_label_set_text (self->rate_label, _("Enter both amounts"));
    }

  if (transfer && get_account (self, self->account_row) != NULL &&
      get_account (self, self->account_row) == get_account (self, self->to_account_row))
    g_set_error_literal (&account_error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                         _("A transfer needs two different accounts. Choose another one in “To”."));
  budg_form_set_field_error (GTK_WIDGET (self->to_account_row), self->account_error_label,
                             account_error);

  if (!transfer)
    budg_form_check_optional (self->payee_row, _("payee"), &payee_error);
  budg_form_set_field_error (GTK_WIDGET (self->payee_row), self->payee_error_label, payee_error);

  check_memo (GTK_EDITABLE (self->memo_row), &memo_error);
  budg_form_set_field_error (GTK_WIDGET (self->memo_row), self->memo_error_label, memo_error);

  update_split_total (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.save", is_valid (self));
}

/* Modes ------------------------------------------------------------------ */

static void
update_title (BudgTransactionDialog *self)
{
  gboolean transfer = self->mode == BUDG_TRANSACTION_DIALOG_MODE_TRANSFER;

  if (self->transaction != NULL)
    gtk_window_set_title (GTK_WINDOW (self), transfer ? _("Edit Transfer") : _("Edit Transaction"));
  else
    gtk_window_set_title (GTK_WINDOW (self), transfer ? _("New Transfer") : _("New Transaction"));
}

static void
apply_mode (BudgTransactionDialog *self)
{
  gboolean transfer = self->mode == BUDG_TRANSACTION_DIALOG_MODE_TRANSFER;
  gboolean split = self->mode == BUDG_TRANSACTION_DIALOG_MODE_SPLIT;

  gtk_widget_set_visible (GTK_WIDGET (self->to_account_row), transfer);
  gtk_widget_set_visible (GTK_WIDGET (self->payee_group), !transfer);
  gtk_widget_set_visible (GTK_WIDGET (self->direction_row), !transfer);
  gtk_widget_set_visible (GTK_WIDGET (self->category_group), !transfer && !split);
  gtk_widget_set_visible (GTK_WIDGET (self->parts_group), split);
  /* A new transfer is recorded pending on both sides; each side is then
   * cleared against its own bank's statement.
   */
  gtk_widget_set_visible (GTK_WIDGET (self->status_row), !transfer || self->transaction != NULL);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->account_row),
                                 transfer ? _("From") : _("Account"));

  if (transfer && get_account (self, self->to_account_row) == get_account (self, self->account_row))
    select_other_account (self);

  /* A split starts with two parts, the first in the category chosen so far. */
  if (split && self->parts->len == 0)
    {
      add_part (self, self->category_id, NULL, NULL);
      add_part (self, 0, NULL, NULL);
    }

  update_title (self);
  update_form (self);
}

static void
set_mode (BudgTransactionDialog     *self,
          BudgTransactionDialogMode  mode)
{
  GtkToggleButton *toggle;

  switch (mode)
    {
    case BUDG_TRANSACTION_DIALOG_MODE_SPLIT:
      toggle = self->split_toggle;
      break;

    case BUDG_TRANSACTION_DIALOG_MODE_TRANSFER:
      toggle = self->transfer_toggle;
      break;

    case BUDG_TRANSACTION_DIALOG_MODE_SINGLE:
    default:
      toggle = self->single_toggle;
      break;
    }

  /* The button's handler switches the form. */
  gtk_toggle_button_set_active (toggle, TRUE);
}

/* Payee suggestions ------------------------------------------------------ */

static void
hide_payee_suggestions (BudgTransactionDialog *self)
{
  if (self->payee_popover != NULL && gtk_widget_get_visible (GTK_WIDGET (self->payee_popover)))
    gtk_popover_popdown (self->payee_popover);
}

static gboolean
payee_suggestions_shown (BudgTransactionDialog *self)
{
  return self->payee_popover != NULL && gtk_widget_get_visible (GTK_WIDGET (self->payee_popover));
}

static void
choose_payee (BudgTransactionDialog *self,
              const char            *name)
{
  g_autoptr(GError) error = NULL;
  gboolean loading = self->loading;
  gint64 category_id = 0;

  /* Setting the text must not ask for suggestions again. */
  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->payee_row), name);
  gtk_editable_set_position (GTK_EDITABLE (self->payee_row), -1);
  self->loading = loading;
  hide_payee_suggestions (self);

  /* The category this payee had last time is the likeliest one now, but
   * a choice already made is never overwritten.
   */
  if (self->mode == BUDG_TRANSACTION_DIALOG_MODE_SINGLE && self->category_id == 0)
    {
      if (!budg_payees_last_category (budg_context_get_database (self->context), name,
                                      &category_id, &error))
        g_debug ("Could not read the last category of “%s”: %s", name, error->message);
      else if (category_id != 0 && category_position (self, category_id) != 0)
        {
          self->category_id = category_id;
          select_categories (self);
        }
    }

  update_form (self);
}

static void
update_payee_suggestions (BudgTransactionDialog *self)
{
  g_autofree char *text = budg_form_dup_entry_text (self->payee_row);
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  if (text == NULL)
    {
      hide_payee_suggestions (self);
      return;
    }

  names = budg_payees_complete (budg_context_get_database (self->context), text,
                                N_PAYEE_SUGGESTIONS, &error);
  if (names == NULL)
    {
      g_debug ("Could not complete the payee “%s”: %s", text, error->message);
      hide_payee_suggestions (self);
      return;
    }

  /* Nothing to suggest, or only what is typed already. */
  if (names->len == 0 ||
      (names->len == 1 && g_utf8_collate (g_ptr_array_index (names, 0), text) == 0))
    {
      hide_payee_suggestions (self);
      return;
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->payee_list))) != NULL)
    gtk_list_box_remove (self->payee_list, child);

  for (guint i = 0; i < names->len; i++)
    {
      GtkWidget *label = gtk_label_new (g_ptr_array_index (names, i));

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_set_margin_top (label, 6);
      gtk_widget_set_margin_bottom (label, 6);
      gtk_widget_set_margin_start (label, 6);
      gtk_widget_set_margin_end (label, 6);
      gtk_list_box_append (self->payee_list, label);
      /* Clicking a suggestion must leave the focus in the field. */
      gtk_widget_set_focusable (gtk_widget_get_parent (label), FALSE);
    }

  gtk_widget_set_size_request (GTK_WIDGET (self->payee_popover),
                               gtk_widget_get_width (GTK_WIDGET (self->payee_row)), -1);
  gtk_popover_popup (self->payee_popover);
}

static void
payee_row_activated_cb (BudgTransactionDialog *self,
                        GtkListBoxRow         *row)
{
  GtkWidget *label = gtk_list_box_row_get_child (row);

  choose_payee (self, gtk_label_get_text (GTK_LABEL (label)));
}

/* The focus stays in the payee field while suggestions show, as with any
 * completion: Up and Down move through them, Enter takes the highlighted
 * one and Escape closes them (and only a second Escape the form).
 */
static gboolean
payee_key_pressed_cb (BudgTransactionDialog *self,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state)
{
  GtkListBoxRow *selected;
  int index;

  if (!payee_suggestions_shown (self))
    return GDK_EVENT_PROPAGATE;

  selected = gtk_list_box_get_selected_row (self->payee_list);
  index = selected != NULL ? gtk_list_box_row_get_index (selected) : -1;

  switch (keyval)
    {
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      {
        GtkListBoxRow *next = gtk_list_box_get_row_at_index (self->payee_list, index + 1);

        if (next != NULL)
          gtk_list_box_select_row (self->payee_list, next);
        return GDK_EVENT_STOP;
      }

    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      if (index > 0)
        gtk_list_box_select_row (self->payee_list,
                                 gtk_list_box_get_row_at_index (self->payee_list, index - 1));
      else
        gtk_list_box_unselect_all (self->payee_list);
      return GDK_EVENT_STOP;

    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      if (selected == NULL)
        {
          hide_payee_suggestions (self);
          return GDK_EVENT_PROPAGATE;
        }
      payee_row_activated_cb (self, selected);
      return GDK_EVENT_STOP;

    case GDK_KEY_Escape:
      hide_payee_suggestions (self);
      return GDK_EVENT_STOP;

    default:
      return GDK_EVENT_PROPAGATE;
    }
}

static void
payee_focus_leave_cb (BudgTransactionDialog *self)
{
  hide_payee_suggestions (self);
}

/* Callbacks -------------------------------------------------------------- */

static void
mode_toggled_cb (BudgTransactionDialog *self,
                 GParamSpec            *pspec,
                 GtkToggleButton       *toggle)
{
  BudgTransactionDialogMode mode;

  /* Each change turns one button off and another on; only the latter counts. */
  if (self->loading || !gtk_toggle_button_get_active (toggle))
    return;

  if (toggle == self->split_toggle)
    mode = BUDG_TRANSACTION_DIALOG_MODE_SPLIT;
  else if (toggle == self->transfer_toggle)
    mode = BUDG_TRANSACTION_DIALOG_MODE_TRANSFER;
  else
    mode = BUDG_TRANSACTION_DIALOG_MODE_SINGLE;

  self->mode = mode;
  apply_mode (self);
}

static void
direction_toggled_cb (BudgTransactionDialog *self)
{
  update_form (self);
}

static void
account_changed_cb (BudgTransactionDialog *self)
{
  update_form (self);
}

static void
field_changed_cb (BudgTransactionDialog *self)
{
  update_form (self);
}

static void
amount_changed_cb (BudgTransactionDialog *self)
{
  update_form (self);
}

static void
memo_changed_cb (BudgTransactionDialog *self)
{
  update_form (self);
}

static void
payee_changed_cb (BudgTransactionDialog *self)
{
  if (self->loading)
    return;

  update_payee_suggestions (self);
  update_form (self);
}

static void
entry_activated_cb (BudgTransactionDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "dialog.save", NULL);
}

static void
category_dialog_destroy_cb (BudgTransactionDialog *self)
{
  GListModel *categories = G_LIST_MODEL (budg_context_get_categories (self->context));
  guint n_categories = g_list_model_get_n_items (categories);
  Part *part = self->category_part;
  gint64 new_id = 0;

  self->category_dialog = NULL;
  self->category_part = NULL;

  /* The category the form made is the one this list did not have yet;
   * cancelling the form made none.
   */
  for (guint i = 0; i < n_categories && new_id == 0; i++)
    {
      g_autoptr(BudgCategory) category = g_list_model_get_item (categories, i);
      gint64 id = budg_category_get_id (category);
      gboolean known = FALSE;

      for (guint k = 0; k < self->category_ids->len && !known; k++)
        known = g_array_index (self->category_ids, gint64, k) == id;

      if (!known)
        new_id = id;
    }

  if (new_id != 0 && part != NULL)
    part->category_id = new_id;
  else if (new_id != 0)
    self->category_id = new_id;

  fill_categories (self);
  update_form (self);
}

static void
open_category_form (BudgTransactionDialog *self,
                    Part                  *part)
{
  if (self->category_dialog != NULL)
    return;

  self->category_part = part;
  self->category_dialog = budg_category_dialog_new (self->context, NULL, NULL);
  g_signal_connect_object (self->category_dialog, "destroy",
                           G_CALLBACK (category_dialog_destroy_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_set_transient_for (GTK_WINDOW (self->category_dialog), GTK_WINDOW (self));
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self->category_dialog), TRUE);
  gtk_window_present (GTK_WINDOW (self->category_dialog));
}

static void
category_changed_cb (BudgTransactionDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->category_row);

  if (self->loading || selected == GTK_INVALID_LIST_POSITION)
    return;

  if (selected < new_category_position (self))
    {
      self->category_id = g_array_index (self->category_ids, gint64, selected);
      update_form (self);
      return;
    }

  /* "New Category…" is not a category: the row goes back to what it showed
   * while the category is made, and moves to it once it exists.
   */
  select_categories (self);
  open_category_form (self, NULL);
}

/* Saving ----------------------------------------------------------------- */

static BudgTransactionStatus
get_status (BudgTransactionDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->status_row);

  return selected <= BUDG_TRANSACTION_STATUS_RECONCILED
         ? (BudgTransactionStatus) selected : BUDG_TRANSACTION_STATUS_PENDING;
}

static GPtrArray *
dup_splits (BudgTransactionDialog *self)
{
  GPtrArray *splits = g_ptr_array_new_with_free_func ((GDestroyNotify) budg_split_free);

  for (guint i = 0; i < self->parts->len; i++)
    {
      Part *part = g_ptr_array_index (self->parts, i);
      g_autofree char *memo = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (part->memo_entry))));
      gint64 minor;

      read_part_amount (self, part, &minor, NULL);
      g_ptr_array_add (splits, budg_split_new (part->category_id, direction_sign (self) * minor,
                                               memo[0] != '\0' ? memo : NULL));
    }

  return splits;
}

static gboolean
save_transaction (BudgTransactionDialog  *self,
                  gint64                 *out_id,
                  GError                **error)
{
  BudgTransactionStore *store = budg_context_get_transactions (self->context);
  BudgDatabase *database = budg_context_get_database (self->context);
  BudgAccount *account = get_account (self, self->account_row);
  gboolean split = self->mode == BUDG_TRANSACTION_DIALOG_MODE_SPLIT;
  g_autoptr(BudgTransaction) values = NULL;
  g_autoptr(GPtrArray) splits = NULL;
  g_autofree char *payee = budg_form_dup_entry_text (self->payee_row);
  g_autofree char *memo = budg_form_dup_entry_text (self->memo_row);
  const char *date = budg_date_row_get_date (self->date_row);
  gboolean ok;
  gint64 amount;

  read_main_amount (self, &amount, NULL);
  amount *= direction_sign (self);

  /* Starting from a copy keeps what the form does not show, such as the
   * external id of an imported transaction.
   */
  if (self->transaction != NULL)
    values = budg_transaction_copy (self->transaction);
  else
    values = budg_transaction_new (budg_account_get_id (account), date, amount);

  budg_transaction_set_account_id (values, budg_account_get_id (account));
  budg_transaction_set_date (values, date);
  budg_transaction_set_amount_minor (values, amount);
  budg_transaction_set_payee (values, payee);
  budg_transaction_set_category_id (values, split ? 0 : self->category_id);
  budg_transaction_set_memo (values, memo);
  budg_transaction_set_status (values, get_status (self));

  if (split)
    splits = dup_splits (self);

  /* The store writes a changed transaction together with its new parts
   * (they must add up to the new amount), or without parts once it has a
   * single category again.
   */
  if (self->transaction != NULL)
    {
      if (!split && !self->was_split)
        ok = budg_transaction_store_update (store, values, error);
      else
        ok = budg_transaction_store_update_with_splits (store, values, splits, error);

      if (ok)
        *out_id = budg_transaction_get_id (values);
      return ok;
    }

  /* A new split is a row and its parts: both or neither. */
  if (!budg_database_begin (database, error))
    return FALSE;

  if (!budg_transaction_store_add (store, values, error))
    goto failed;

  if (splits != NULL &&
      !budg_transaction_store_set_splits (store, budg_transaction_get_id (values), splits, error))
    goto failed;

  if (!budg_database_commit (database, error))
    goto failed;

  *out_id = budg_transaction_get_id (values);
  return TRUE;

failed:
  budg_database_rollback (database);
  return FALSE;
}

/* How many of the two sides of a transfer change account when @a goes to
 * @a_account and @b to @b_account.
 */
static guint
count_moves (BudgTransaction *a,
             BudgAccount     *a_account,
             BudgTransaction *b,
             BudgAccount     *b_account)
{
  return (budg_transaction_get_account_id (a) != budg_account_get_id (a_account)) +
         (budg_transaction_get_account_id (b) != budg_account_get_id (b_account));
}

static gboolean
save_transfer (BudgTransactionDialog  *self,
               gint64                 *out_id,
               GError                **error)
{
  BudgTransactionStore *store = budg_context_get_transactions (self->context);
  BudgDatabase *database = budg_context_get_database (self->context);
  BudgAccount *from = get_account (self, self->account_row);
  BudgAccount *to = get_account (self, self->to_account_row);
  g_autofree char *memo = budg_form_dup_entry_text (self->memo_row);
  const char *date = budg_date_row_get_date (self->date_row);
  g_autoptr(BudgTransaction) edited = NULL;
  g_autoptr(BudgTransaction) other = NULL;
  BudgTransaction *from_values;
  BudgTransaction *to_values;
  gint64 amount;
  gint64 received = 0;

  read_main_amount (self, &amount, NULL);
  if (is_transfer_cross_currency (self))
    read_received_amount (self, &received, NULL);

  if (self->transaction == NULL)
    {
      gint64 from_id = 0;
      gint64 to_id = 0;

      if (!budg_transaction_store_add_transfer (store, budg_account_get_id (from),
                                                budg_account_get_id (to), date, amount, received,
                                                memo, &from_id, &to_id, error))
        return FALSE;

      /* The register opened on the receiving account shows that side. */
      *out_id = budg_account_get_id (to) == self->default_account_id ? to_id : from_id;
      return TRUE;
    }

  edited = budg_transaction_copy (self->transaction);
  other = budg_transaction_copy (self->partner);

  /* Each side keeps its account when it can: turning A → B into B → A
   * flips the amounts rather than moving both rows, and no side ever
   * passes through the account of the other (which the store refuses).
   */
  if (count_moves (edited, from, other, to) <= count_moves (edited, to, other, from))
    {
      from_values = edited;
      to_values = other;
    }
  else
    {
      from_values = other;
      to_values = edited;
    }

  budg_transaction_set_account_id (from_values, budg_account_get_id (from));
  budg_transaction_set_amount_minor (from_values, -amount);
  budg_transaction_set_account_id (to_values, budg_account_get_id (to));
  budg_transaction_set_amount_minor (to_values, received != 0 ? received : amount);
  budg_transaction_set_date (from_values, date);
  budg_transaction_set_date (to_values, date);
  budg_transaction_set_memo (from_values, memo);
  budg_transaction_set_memo (to_values, memo);
  /* Each side has its own status, cleared against its own statement. */
  budg_transaction_set_status (edited, get_status (self));

  /* The store keeps the pair consistent after each update; writing both
   * sides in one database transaction also carries a change of account or,
   * across currencies, of the amount received.
   */
  if (!budg_database_begin (database, error))
    return FALSE;

  if (!budg_transaction_store_update (store, edited, error) ||
      !budg_transaction_store_update (store, other, error) ||
      !budg_database_commit (database, error))
    {
      budg_database_rollback (database);
      return FALSE;
    }

  *out_id = budg_transaction_get_id (edited);
  return TRUE;
}

static void
save (BudgTransactionDialog *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = 0;
  gboolean ok;

  if (self->mode == BUDG_TRANSACTION_DIALOG_MODE_TRANSFER)
    ok = save_transfer (self, &id, &error);
  else
    ok = save_transaction (self, &id, &error);

  if (!ok)
    {
      /* Every field was checked already; this is about the database, or
       * something removed in the meantime.
       */
      budg_form_add_error_toast (self->toast_overlay, error);
      return;
    }

  /* A new category for a payee seen before: offer a rule that keeps
   * doing it, on the main window, as this form closes. */
  if (self->transaction != NULL && self->mode == BUDG_TRANSACTION_DIALOG_MODE_SINGLE &&
      self->category_id != 0 && self->category_id != budg_transaction_get_category_id (self->transaction))
    {
      GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
      AdwToast *toast = budg_rule_suggestion_toast_new (self->context, id);

      if (toast != NULL && BUDG_IS_WINDOW (parent))
        budg_window_add_toast (BUDG_WINDOW (parent), toast);
      else
        g_clear_object (&toast);
    }

  g_signal_emit (self, signals[SAVED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
is_reconciled (BudgTransaction *transaction)
{
  return transaction != NULL &&
         budg_transaction_get_status (transaction) == BUDG_TRANSACTION_STATUS_RECONCILED;
}

static void
reconciled_answer_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(BudgTransactionDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!budg_message_dialog_choose_finish (result, &error))
    return;

  /* The form may have been closed while the question was open. */
  if (self->context == NULL)
    return;

  self->reconciled_confirmed = TRUE;
  gtk_widget_activate_action (GTK_WIDGET (self), "dialog.save", NULL);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BudgTransactionDialog *self = BUDG_TRANSACTION_DIALOG (widget);

  /* Enter in a field comes here even while the form is incomplete. */
  if (!is_valid (self))
    return;

  /* A reconciled transaction was matched against a bank statement; a change
   * to it can make the account disagree with that statement, so it takes a
   * second thought.
   */
  if ((is_reconciled (self->transaction) || is_reconciled (self->partner)) &&
      !self->reconciled_confirmed)
    {
      budg_message_dialog_choose_async (GTK_WINDOW (self),
                                        _("Edit a Reconciled Transaction?"),
                                        _("This transaction was matched against a bank "
                                          "statement when its account was reconciled. "
                                          "Changing it can make the account disagree with "
                                          "that statement, and the next reconciliation will "
                                          "show the difference."),
                                        _("_Cancel"), _("_Save Changes"), FALSE,
                                        self->cancellable, reconciled_answer_cb,
                                        g_object_ref (self));
      return;
    }

  save (self);
}

static void
add_part_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  BudgTransactionDialog *self = BUDG_TRANSACTION_DIALOG (widget);
  Part *part = add_part (self, 0, NULL, NULL);

  update_form (self);
  gtk_widget_grab_focus (GTK_WIDGET (part->amount_entry));
}

/* Setup ------------------------------------------------------------------ */

static void
load_splits (BudgTransactionDialog *self)
{
  BudgTransactionStore *store = budg_context_get_transactions (self->context);
  const char *currency = get_currency (self, self->account_row);
  gint64 sign = budg_transaction_get_amount_minor (self->transaction) < 0 ? -1 : 1;
  g_autoptr(GPtrArray) splits = NULL;
  g_autoptr(GError) error = NULL;

  splits = budg_transaction_store_get_splits (store, budg_transaction_get_id (self->transaction),
                                              &error);
  if (splits == NULL)
    {
      g_warning ("Could not read the parts of transaction %" G_GINT64_FORMAT ": %s",
                 budg_transaction_get_id (self->transaction), error->message);
      return;
    }

  for (guint i = 0; i < splits->len; i++)
    {
      BudgSplit *split = g_ptr_array_index (splits, i);
      g_autofree char *amount = NULL;

      if (currency != NULL)
        amount = budg_money_format_plain (sign * split->amount_minor, currency);
      add_part (self, split->category_id, amount, split->memo);
    }

  self->was_split = splits->len > 0;
}

static void
load_transfer (BudgTransactionDialog *self)
{
  BudgTransaction *from;
  BudgTransaction *to;

  if (budg_transaction_get_amount_minor (self->transaction) < 0)
    {
      from = self->transaction;
      to = self->partner;
    }
  else
    {
      from = self->partner;
      to = self->transaction;
    }

  select_account (self, self->account_row, budg_transaction_get_account_id (from));
  select_account (self, self->to_account_row, budg_transaction_get_account_id (to));
  set_amount_text (GTK_EDITABLE (self->amount_row), -budg_transaction_get_amount_minor (from),
                   get_currency (self, self->account_row));
  set_amount_text (GTK_EDITABLE (self->received_row), budg_transaction_get_amount_minor (to),
                   get_currency (self, self->to_account_row));
}

static void
load_transaction (BudgTransactionDialog *self)
{
  BudgTransaction *transaction = self->transaction;
  gint64 amount = budg_transaction_get_amount_minor (transaction);
  const char *payee = budg_transaction_get_payee (transaction);
  const char *memo = budg_transaction_get_memo (transaction);

  budg_date_row_set_date (self->date_row, budg_transaction_get_date (transaction));
  gtk_editable_set_text (GTK_EDITABLE (self->payee_row), payee != NULL ? payee : "");
  gtk_editable_set_text (GTK_EDITABLE (self->memo_row), memo != NULL ? memo : "");
  adw_combo_row_set_selected (self->status_row, budg_transaction_get_status (transaction));

  if (self->partner != NULL)
    {
      load_transfer (self);
      return;
    }

  select_account (self, self->account_row, budg_transaction_get_account_id (transaction));
  gtk_toggle_button_set_active (amount > 0 ? self->in_toggle : self->out_toggle, TRUE);
  set_amount_text (GTK_EDITABLE (self->amount_row), ABS (amount),
                   get_currency (self, self->account_row));
  self->category_id = budg_transaction_get_category_id (transaction);
  load_splits (self);
}

static void
budg_transaction_dialog_constructed (GObject *object)
{
  BudgTransactionDialog *self = BUDG_TRANSACTION_DIALOG (object);
  BudgTransactionDialogMode mode = BUDG_TRANSACTION_DIALOG_MODE_SINGLE;
  gint64 account_id = self->default_account_id;
  gint64 other_account_id = 0;

  G_OBJECT_CLASS (budg_transaction_dialog_parent_class)->constructed (object);

  g_assert (BUDG_IS_CONTEXT (self->context));

  self->loading = TRUE;

  if (self->transaction != NULL && budg_transaction_get_transfer_id (self->transaction) != 0)
    {
      g_autoptr(GError) error = NULL;

      self->partner = budg_transaction_store_get (budg_context_get_transactions (self->context),
                                                  budg_transaction_get_transfer_id (self->transaction),
                                                  &error);
      if (self->partner == NULL)
        g_warning ("Could not read the other side of transfer %" G_GINT64_FORMAT ": %s",
                   budg_transaction_get_id (self->transaction), error->message);
      else
        other_account_id = budg_transaction_get_account_id (self->partner);
    }

  if (self->transaction != NULL)
    account_id = budg_transaction_get_account_id (self->transaction);

  fill_accounts (self, account_id, other_account_id);
  fill_categories (self);
  select_account (self, self->account_row, account_id);

  if (self->transaction != NULL)
    {
      load_transaction (self);

      if (self->partner != NULL)
        mode = BUDG_TRANSACTION_DIALOG_MODE_TRANSFER;
      else if (self->parts->len > 0)
        mode = BUDG_TRANSACTION_DIALOG_MODE_SPLIT;

      /* A transaction does not turn into a transfer or back: that would be
       * deleting one thing and adding another, which the register does.
       */
      gtk_widget_set_sensitive (GTK_WIDGET (self->transfer_toggle), self->partner != NULL);
      gtk_widget_set_sensitive (GTK_WIDGET (self->single_toggle), self->partner == NULL);
      gtk_widget_set_sensitive (GTK_WIDGET (self->split_toggle), self->partner == NULL);
      gtk_button_set_label (self->save_button, _("_Save"));
    }
  else
    {
      gtk_button_set_label (self->save_button, _("_Add"));
    }

  select_categories (self);

  self->mode = mode;
  switch (mode)
    {
    case BUDG_TRANSACTION_DIALOG_MODE_SPLIT:
      gtk_toggle_button_set_active (self->split_toggle, TRUE);
      break;

    case BUDG_TRANSACTION_DIALOG_MODE_TRANSFER:
      gtk_toggle_button_set_active (self->transfer_toggle, TRUE);
      break;

    case BUDG_TRANSACTION_DIALOG_MODE_SINGLE:
    default:
      break;
    }

  self->loading = FALSE;

  apply_mode (self);
}

static void
budg_transaction_dialog_map (GtkWidget *widget)
{
  BudgTransactionDialog *self = BUDG_TRANSACTION_DIALOG (widget);

  GTK_WIDGET_CLASS (budg_transaction_dialog_parent_class)->map (widget);

  /* Typing starts with the payee, or with the amount of a transfer, which
   * has none. An entry row only takes the focus once it is mapped.
   */
  if (self->mode == BUDG_TRANSACTION_DIALOG_MODE_TRANSFER)
    gtk_widget_grab_focus (GTK_WIDGET (self->amount_row));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->payee_row));
}

static void
budg_transaction_dialog_dispose (GObject *object)
{
  BudgTransactionDialog *self = BUDG_TRANSACTION_DIALOG (object);

  g_cancellable_cancel (self->cancellable);

  if (self->category_dialog != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->category_dialog, self);
      self->category_dialog = NULL;
    }

  while (self->parts->len > 0)
    remove_part (self, g_ptr_array_index (self->parts, self->parts->len - 1));

  if (self->payee_popover != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->payee_popover));
      self->payee_popover = NULL;
      self->payee_list = NULL;
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), BUDG_TYPE_TRANSACTION_DIALOG);

  g_clear_object (&self->context);
  g_clear_object (&self->transaction);
  g_clear_object (&self->partner);
  g_clear_object (&self->account_names);
  g_clear_object (&self->category_names);
  g_clear_object (&self->cancellable);
  g_ptr_array_set_size (self->accounts, 0);

  G_OBJECT_CLASS (budg_transaction_dialog_parent_class)->dispose (object);
}

static void
budg_transaction_dialog_finalize (GObject *object)
{
  BudgTransactionDialog *self = BUDG_TRANSACTION_DIALOG (object);

  g_clear_pointer (&self->accounts, g_ptr_array_unref);
  g_clear_pointer (&self->category_ids, g_array_unref);
  g_clear_pointer (&self->parts, g_ptr_array_unref);

  G_OBJECT_CLASS (budg_transaction_dialog_parent_class)->finalize (object);
}

static void
budg_transaction_dialog_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  BudgTransactionDialog *self = BUDG_TRANSACTION_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_TRANSACTION:
      g_value_set_object (value, self->transaction);
      break;

    case PROP_DEFAULT_ACCOUNT_ID:
      g_value_set_int64 (value, self->default_account_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
budg_transaction_dialog_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  BudgTransactionDialog *self = BUDG_TRANSACTION_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    case PROP_TRANSACTION:
      self->transaction = g_value_dup_object (value);
      break;

    case PROP_DEFAULT_ACCOUNT_ID:
      self->default_account_id = g_value_get_int64 (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
budg_transaction_dialog_class_init (BudgTransactionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (BUDG_TYPE_DATE_ROW);

  object_class->constructed = budg_transaction_dialog_constructed;
  object_class->dispose = budg_transaction_dialog_dispose;
  object_class->finalize = budg_transaction_dialog_finalize;
  object_class->get_property = budg_transaction_dialog_get_property;
  object_class->set_property = budg_transaction_dialog_set_property;

  widget_class->map = budg_transaction_dialog_map;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         BUDG_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* The transaction to change (either side of a transfer), or %NULL to
   * add one.
   */
  properties[PROP_TRANSACTION] =
    g_param_spec_object ("transaction", NULL, NULL,
                         BUDG_TYPE_TRANSACTION,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* The account a new transaction goes to (and a new transfer comes from),
   * such as the one the register shows; 0 for the first open account.
   */
  properties[PROP_DEFAULT_ACCOUNT_ID] =
    g_param_spec_int64 ("default-account-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BudgTransactionDialog::saved:
   * @self: the dialog
   * @id: the id of the transaction written; for a new transfer, the side
   *   on the default account if it is one of the two, otherwise the side
   *   the money left
   *
   * Emitted once the transaction is in the database, right before the
   * dialog closes itself, so that the register can select the row.
   */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/budg-transaction-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BudgTransactionDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, BudgTransactionDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BudgTransactionDialog, single_toggle);
  gtk_widget_class_bind_template_child (widget_class, BudgTransactionDialog, split_toggle);
  gtk_widget_class_bind_template_child (widget_class, BudgTransactionDialog, transfer_toggle);
  gtk_widget_class_bind_template_child (widget_class, BudgTransactionDialog, account_row);
  gtk_widget_class_bind_template_child (widget_class, BudgTransactionDialog, to_account_row);
  gtk_widget_class_bind_template_child (widget_class, BudgTransactionDialog, account_error_label);
  gtk_widget_class_bind_template_child (widget_class, BudgTransactionDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, BudgTransactionDialog, payee_group);
  gtk_widget_class_bind_template_child (widget_class, BudgTransactionDialog, payee_row);
  gtk_widget_class_bind_template_child (widget_class, BudgTransactionDialog, payee_error_label);
  gtk_widget_class_bind_template_child (widget_class, BudgTransactionDialog, direction_row);
  gtk_widget_class_bind_template_child (widget_class, BudgTransactionDialog, out_toggle);
  gtk_widget_class_bind_template_child (widget_class, BudgTransactionDialog, in_toggle);
  gtk_widget_class_bind_template_child (widget_class, BudgTransactionDialog, amount_row);
  gtk_widget_class_bind_template_child (widget_class, BudgTransactionDialog, amount_hint_label);
  gtk_widget_class_bind_template_child (widget_class, BudgTransactionDialog, amount_error_label);
  gtk_widget_class_bind_template_child (widget_class, BudgTransactionDialog, received_row);
  gtk_widget_class_bind_template_child (widget_class, BudgTransactionDialog, received_hint_label);
  gtk_widget_class_bind_template_child (widget_class, BudgTransactionDialog, received_error_label);
  gtk_widget_class_bind_template_child (widget_class, BudgTransactionDialog, rate_row);
  gtk_widget_class_bind_template_child (widget_class, BudgTransactionDialog, rate_label);
  gtk_widget_class_bind_template_child (widget_class, BudgTransactionDialog, category_group);
  gtk_widget_class_bind_template_child (widget_class, BudgTransactionDialog, category_row);
  gtk_widget_class_bind_template_child (widget_class, BudgTransactionDialog, parts_group);
  gtk_widget_class_bind_template_child (widget_class, BudgTransactionDialog, parts_list);
  gtk_widget_class_bind_template_child (widget_class, BudgTransactionDialog, split_total_label);
  gtk_widget_class_bind_template_child (widget_class, BudgTransactionDialog, parts_error_label);
  gtk_widget_class_bind_template_child (widget_class, BudgTransactionDialog, memo_row);
  gtk_widget_class_bind_template_child (widget_class, BudgTransactionDialog, status_row);
  gtk_widget_class_bind_template_child (widget_class, BudgTransactionDialog, memo_error_label);
  gtk_widget_class_bind_template_callback (widget_class, mode_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, direction_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, account_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, amount_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, payee_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, memo_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, category_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);

  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "dialog.add-part", NULL, add_part_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
budg_transaction_dialog_init (BudgTransactionDialog *self)
{
  GtkEventController *controller;

  self->accounts = g_ptr_array_new_with_free_func (g_object_unref);
  self->category_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->parts = g_ptr_array_new_with_free_func ((GDestroyNotify) part_free);
  self->cancellable = g_cancellable_new ();

  /* Until constructed() has filled the form, its signals mean nothing. */
  self->loading = TRUE;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The suggestions hang under the payee field without taking the focus
   * from it, so typing goes on while they show.
   */
  self->payee_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_activate_on_single_click (self->payee_list, TRUE);
  gtk_widget_set_can_focus (GTK_WIDGET (self->payee_list), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->payee_list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Known payees"),
                                  -1);
  g_signal_connect_object (self->payee_list, "row-activated",
                           G_CALLBACK (payee_row_activated_cb), self, G_CONNECT_SWAPPED);

  self->payee_popover = GTK_POPOVER (gtk_popover_new ());
  gtk_popover_set_autohide (self->payee_popover, FALSE);
  gtk_popover_set_has_arrow (self->payee_popover, FALSE);
  gtk_popover_set_position (self->payee_popover, GTK_POS_BOTTOM);
  gtk_widget_set_halign (GTK_WIDGET (self->payee_popover), GTK_ALIGN_START);
  gtk_widget_set_can_focus (GTK_WIDGET (self->payee_popover), FALSE);
  gtk_popover_set_child (self->payee_popover, GTK_WIDGET (self->payee_list));
  gtk_widget_set_parent (GTK_WIDGET (self->payee_popover), GTK_WIDGET (self->payee_row));

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed",
                           G_CALLBACK (payee_key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->payee_row), controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_object (controller, "leave",
                           G_CALLBACK (payee_focus_leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->payee_row), controller);
}

/**
 * budg_transaction_dialog_new:
 * @context: the context whose transactions are edited
 * @transaction: (nullable): the transaction to change (either side of a
 *   transfer), or %NULL to add one
 * @default_account_id: the account a new transaction is for, such as the
 *   one shown in the register, or 0 for the first open account
 *
 * Creates the form; the caller makes it transient for its window and
 * presents it. It emits #BudgTransactionDialog::saved and closes itself
 * once the transaction is saved.
 *
 * Returns: (transfer none): a new #BudgTransactionDialog, owned by GTK like
 *   every toplevel window
 */
GtkWidget *
budg_transaction_dialog_new (BudgContext     *context,
                             BudgTransaction *transaction,
                             gint64           default_account_id)
{
  g_return_val_if_fail (BUDG_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (transaction == NULL || BUDG_IS_TRANSACTION (transaction), NULL);
  g_return_val_if_fail (default_account_id >= 0, NULL);

  return g_object_new (BUDG_TYPE_TRANSACTION_DIALOG,
                       "context", context,
                       "transaction", transaction,
                       "default-account-id", default_account_id,
                       NULL);
}

/**
 * budg_transaction_dialog_get_context:
 * @self: a #BudgTransactionDialog
 *
 * Returns: (transfer none): the context of @self
 */
BudgContext *
budg_transaction_dialog_get_context (BudgTransactionDialog *self)
{
  g_return_val_if_fail (BUDG_IS_TRANSACTION_DIALOG (self), NULL);

  return self->context;
}

/**
 * budg_transaction_dialog_get_transaction:
 * @self: a #BudgTransactionDialog
 *
 * Returns: (transfer none) (nullable): the transaction being changed, as it
 *   was when the form opened, or %NULL when @self adds one
 */
BudgTransaction *
budg_transaction_dialog_get_transaction (BudgTransactionDialog *self)
{
  g_return_val_if_fail (BUDG_IS_TRANSACTION_DIALOG (self), NULL);

  return self->transaction;
}

/**
 * budg_transaction_dialog_get_default_account_id:
 * @self: a #BudgTransactionDialog
 *
 * Returns: the account id @self was created with, or 0
 */
gint64
budg_transaction_dialog_get_default_account_id (BudgTransactionDialog *self)
{
  g_return_val_if_fail (BUDG_IS_TRANSACTION_DIALOG (self), 0);

  return self->default_account_id;
}

/**
 * budg_transaction_dialog_get_mode:
 * @self: a #BudgTransactionDialog
 *
 * Returns: what the form edits at the moment
 */
BudgTransactionDialogMode
budg_transaction_dialog_get_mode (BudgTransactionDialog *self)
{
  g_return_val_if_fail (BUDG_IS_TRANSACTION_DIALOG (self), BUDG_TRANSACTION_DIALOG_MODE_SINGLE);

  return self->mode;
}

/**
 * budg_transaction_dialog_set_mode:
 * @self: a #BudgTransactionDialog
 * @mode: what the form should edit
 *
 * Switches the form between a transaction, a split and a transfer, as
 * the buttons at its top do; a "New Transfer" action opens the form with
 * this. A transaction being edited cannot become a transfer, nor a
 * transfer anything else.
 */
void
budg_transaction_dialog_set_mode (BudgTransactionDialog     *self,
                                  BudgTransactionDialogMode  mode)
{
  gboolean is_transfer;

  g_return_if_fail (BUDG_IS_TRANSACTION_DIALOG (self));
  g_return_if_fail (mode <= BUDG_TRANSACTION_DIALOG_MODE_TRANSFER);

  is_transfer = mode == BUDG_TRANSACTION_DIALOG_MODE_TRANSFER;
  g_return_if_fail (self->transaction == NULL || is_transfer == (self->partner != NULL));

  if (mode == self->mode)
    return;

  set_mode (self, mode);
}
