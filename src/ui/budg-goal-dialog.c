/* budg-goal-dialog.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-goal-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "budg-amount-row.h"
#include "budg-date-row.h"
#include "budg-date.h"
#include "budg-error.h"
#include "budg-form.h"
#include "budg-goal-dialog.h"
#include "budg-goal-store.h"

/* Adds a savings goal. Every field is checked as it is typed, with the
 * store's own rules where there are some, so that Save only lights up for
 * a goal the store will take. A goal linked to an account counts in that
 * account's currency; otherwise in the default currency.
 */

typedef enum
{
  AUTOMATIC_NONE,
  AUTOMATIC_PERCENT,
  AUTOMATIC_AMOUNT,
} Automatic;

struct _BudgGoalDialog
{
  AdwWindow        parent_instance;

  BudgContext     *context;
  BudgGoalStore   *store;
  GArray          *account_ids;     /* gint64, parallel to the account row; 0 first, for none */

  AdwToastOverlay *toast_overlay;
  AdwEntryRow     *name_row;
  GtkLabel        *name_error_label;
  BudgAmountRow   *target_row;
  GtkLabel        *target_error_label;
  AdwComboRow     *account_row;
  AdwExpanderRow  *date_expander;
  BudgDateRow     *date_row;
  GtkLabel        *date_error_label;
  AdwComboRow     *automatic_row;
  AdwEntryRow     *percent_row;
  GtkLabel        *percent_error_label;
  BudgAmountRow   *automatic_amount_row;
  GtkLabel        *automatic_amount_error_label;
};

G_DEFINE_FINAL_TYPE (BudgGoalDialog, budg_goal_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static Automatic
get_automatic (BudgGoalDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->automatic_row);

  return selected <= AUTOMATIC_AMOUNT ? (Automatic) selected : AUTOMATIC_NONE;
}

static gint64
get_account_id (BudgGoalDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->account_row);

  if (self->account_ids == NULL || selected >= self->account_ids->len)
    return 0;

  return g_array_index (self->account_ids, gint64, selected);
}

static const char *
get_currency (BudgGoalDialog *self)
{
  gint64 account_id = get_account_id (self);
  BudgAccount *account = NULL;

  if (account_id != 0)
    account = budg_account_store_lookup (budg_context_get_accounts (self->context), account_id);

  return account != NULL ? budg_account_get_currency (account) : budg_context_get_default_currency (self->context);
}

/* Reads "12.5", "12,5" or "12.5 %" as basis points (1250). */
static gboolean
parse_percent (const char  *text,
               guint       *out_basis_points,
               GError     **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (text));
  gsize length = strlen (clean);
  guint whole = 0;
  guint fraction = 0;
  guint n_fraction = 0;
  gboolean in_fraction = FALSE;
  gboolean any_digit = FALSE;
  gboolean ok = TRUE;

  if (length > 0 && clean[length - 1] == '%')
    {
      clean[length - 1] = '\0';
      g_strstrip (clean);
    }

  for (const char *p = clean; *p != '\0' && ok; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          any_digit = TRUE;
          if (in_fraction)
            {
              ok = n_fraction < 2;
              fraction = fraction * 10 + (guint) (*p - '0');
              n_fraction++;
            }
          else
            {
              whole = whole * 10 + (guint) (*p - '0');
              ok = whole <= 100;
            }
        }
      else if ((*p == '.' || *p == ',') && !in_fraction)
        in_fraction = TRUE;
      else
        ok = FALSE;
    }

  if (n_fraction == 1)
    fraction *= 10;

  if (!ok || !any_digit || whole * 100 + fraction == 0 || whole * 100 + fraction > 10000)
    {
      g_set_error_literal (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                           _("Enter a share of more than 0 and at most 100 percent, such as 10 or 12.5."));
      return FALSE;
    }

  *out_basis_points = whole * 100 + fraction;

  return TRUE;
}

/* Each read_* gives FALSE without an error for a blank field, and with one
 * for a field the store would refuse. */
static gboolean
read_name (BudgGoalDialog  *self,
           char           **out_name,
           GError         **error)
{
  *out_name = budg_form_dup_name (self->name_row, _("goal"), error);

  return *out_name != NULL;
}

static gboolean
read_positive_amount (BudgAmountRow  *row,
                      const char     *message,
                      gint64         *out_minor,
                      GError        **error)
{
  if (!budg_amount_row_parse (row, out_minor, error))
    return FALSE;

  if (*out_minor <= 0)
    {
      g_set_error_literal (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT, message);
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_target (BudgGoalDialog  *self,
             gint64          *out_minor,
             GError         **error)
{
  return read_positive_amount (self->target_row, _("The target must be more than zero."), out_minor, error);
}

/* The date, or %NULL for none; FALSE with @error when it is not after
 * today, the day the plan starts. */
static gboolean
read_date (BudgGoalDialog  *self,
           const char     **out_date,
           GError         **error)
{
  g_autofree char *today = budg_date_today ();
  const char *date = budg_date_row_get_date (self->date_row);

  *out_date = NULL;
  if (!adw_expander_row_get_enable_expansion (self->date_expander))
    return TRUE;

  if (date == NULL || g_strcmp0 (date, today) <= 0)
    {
      g_set_error_literal (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                           _("Choose a day after today: the plan to reach the target starts today."));
      return FALSE;
    }

  *out_date = date;

  return TRUE;
}

static gboolean
read_percent (BudgGoalDialog  *self,
              guint           *out_basis_points,
              GError         **error)
{
  g_autofree char *text = NULL;

  *out_basis_points = 0;
  if (get_automatic (self) != AUTOMATIC_PERCENT)
    return TRUE;

  text = budg_form_dup_entry_text (self->percent_row);
  if (text == NULL)
    return FALSE;

  return parse_percent (text, out_basis_points, error);
}

static gboolean
read_automatic_amount (BudgGoalDialog  *self,
                       gint64          *out_minor,
                       GError         **error)
{
  *out_minor = 0;
  if (get_automatic (self) != AUTOMATIC_AMOUNT)
    return TRUE;

  return read_positive_amount (self->automatic_amount_row, _("The amount saved from each income must be more than zero."),
                               out_minor, error);
}

static gboolean
is_valid (BudgGoalDialog *self)
{
  g_autofree char *name = NULL;
  const char *date;
  gint64 minor;
  guint basis_points;

  return read_name (self, &name, NULL) &&
         read_target (self, &minor, NULL) &&
         read_date (self, &date, NULL) &&
         read_percent (self, &basis_points, NULL) &&
         read_automatic_amount (self, &minor, NULL);
}

static void
update_save (BudgGoalDialog *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.save", is_valid (self));
}

static void
name_changed_cb (BudgGoalDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  read_name (self, &name, &error);
  budg_form_set_field_error (GTK_WIDGET (self->name_row), self->name_error_label, error);
  update_save (self);
}

static void
target_changed_cb (BudgGoalDialog *self)
{
  g_autoptr(GError) error = NULL;
  gint64 minor;

  read_target (self, &minor, &error);
  budg_form_set_field_error (GTK_WIDGET (self->target_row), self->target_error_label, error);
  update_save (self);
}

static void
date_changed_cb (BudgGoalDialog *self)
{
  g_autoptr(GError) error = NULL;
  const char *date;

  read_date (self, &date, &error);
  budg_form_set_field_error (GTK_WIDGET (self->date_expander), self->date_error_label, error);
  update_save (self);
}

static void
percent_changed_cb (BudgGoalDialog *self)
{
  g_autoptr(GError) error = NULL;
  guint basis_points;

  read_percent (self, &basis_points, &error);
  budg_form_set_field_error (GTK_WIDGET (self->percent_row), self->percent_error_label, error);
  update_save (self);
}

static void
automatic_amount_changed_cb (BudgGoalDialog *self)
{
  g_autoptr(GError) error = NULL;
  gint64 minor;

  read_automatic_amount (self, &minor, &error);
  budg_form_set_field_error (GTK_WIDGET (self->automatic_amount_row), self->automatic_amount_error_label, error);
  update_save (self);
}

static void
automatic_changed_cb (BudgGoalDialog *self)
{
  Automatic automatic = get_automatic (self);

  gtk_widget_set_visible (GTK_WIDGET (self->percent_row), automatic == AUTOMATIC_PERCENT);
  gtk_widget_set_visible (GTK_WIDGET (self->automatic_amount_row), automatic == AUTOMATIC_AMOUNT);

  /* A hidden field says nothing about what is wrong with it. */
  if (automatic != AUTOMATIC_PERCENT)
    budg_form_set_field_error (GTK_WIDGET (self->percent_row), self->percent_error_label, NULL);
  else
    percent_changed_cb (self);
  if (automatic != AUTOMATIC_AMOUNT)
    budg_form_set_field_error (GTK_WIDGET (self->automatic_amount_row), self->automatic_amount_error_label, NULL);
  else
    automatic_amount_changed_cb (self);

  update_save (self);
}

static void
account_changed_cb (BudgGoalDialog *self)
{
  const char *currency = get_currency (self);

  /* The amounts are read in the currency of the account. */
  budg_amount_row_set_currency (self->target_row, currency);
  budg_amount_row_set_currency (self->automatic_amount_row, currency);
  target_changed_cb (self);
  if (get_automatic (self) == AUTOMATIC_AMOUNT)
    automatic_amount_changed_cb (self);
  update_save (self);
}

static void
entry_activated_cb (BudgGoalDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "dialog.save", NULL);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BudgGoalDialog *self = BUDG_GOAL_DIALOG (widget);
  g_autoptr(BudgGoal) goal = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  const char *date;
  gint64 target;
  gint64 automatic_amount;
  guint basis_points;

  /* Enter in a field comes here even while the form is incomplete. */
  if (!read_name (self, &name, NULL) ||
      !read_target (self, &target, NULL) ||
      !read_date (self, &date, NULL) ||
      !read_percent (self, &basis_points, NULL) ||
      !read_automatic_amount (self, &automatic_amount, NULL))
    return;

  goal = budg_goal_store_add (self->store, name, target, get_currency (self), date, get_account_id (self),
                              basis_points, automatic_amount, NULL, &error);
  if (goal == NULL)
    {
      if (g_error_matches (error, BUDG_ERROR, BUDG_ERROR_DUPLICATE))
        budg_form_set_field_error (GTK_WIDGET (self->name_row), self->name_error_label, error);
      else
        budg_form_add_error_toast (self->toast_overlay, error);
      return;
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
fill_accounts (BudgGoalDialog *self)
{
  GListModel *accounts = G_LIST_MODEL (budg_context_get_accounts (self->context));
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint n = g_list_model_get_n_items (accounts);
  gint64 none = 0;

  g_array_set_size (self->account_ids, 0);
  /* Translators: no account is linked to the goal. */
  gtk_string_list_append (names, C_("account", "None"));
  g_array_append_val (self->account_ids, none);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BudgAccount) account = g_list_model_get_item (accounts, i);
      gint64 id = budg_account_get_id (account);

      if (budg_account_get_archived (account))
        continue;

      gtk_string_list_append (names, budg_account_get_name (account));
      g_array_append_val (self->account_ids, id);
    }

  adw_combo_row_set_model (self->account_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->account_row, 0);
}

static void
budg_goal_dialog_constructed (GObject *object)
{
  BudgGoalDialog *self = BUDG_GOAL_DIALOG (object);
  g_autofree char *today = budg_date_today ();
  g_autofree char *next_year = NULL;

  G_OBJECT_CLASS (budg_goal_dialog_parent_class)->constructed (object);

  g_assert (BUDG_IS_CONTEXT (self->context));

  self->store = budg_goal_store_new (budg_context_get_database (self->context));

  fill_accounts (self);
  account_changed_cb (self);

  /* A year ahead is a common horizon, and after today as it must be. */
  next_year = budg_date_add_days (today, 365);
  if (next_year != NULL)
    budg_date_row_set_date (self->date_row, next_year);

  update_save (self);
}

static void
budg_goal_dialog_map (GtkWidget *widget)
{
  BudgGoalDialog *self = BUDG_GOAL_DIALOG (widget);

  GTK_WIDGET_CLASS (budg_goal_dialog_parent_class)->map (widget);

  /* An entry row only takes the focus once it is mapped. */
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
budg_goal_dialog_dispose (GObject *object)
{
  BudgGoalDialog *self = BUDG_GOAL_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BUDG_TYPE_GOAL_DIALOG);

  g_clear_object (&self->store);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (budg_goal_dialog_parent_class)->dispose (object);
}

static void
budg_goal_dialog_finalize (GObject *object)
{
  BudgGoalDialog *self = BUDG_GOAL_DIALOG (object);

  g_clear_pointer (&self->account_ids, g_array_unref);

  G_OBJECT_CLASS (budg_goal_dialog_parent_class)->finalize (object);
}

static void
budg_goal_dialog_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  BudgGoalDialog *self = BUDG_GOAL_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
budg_goal_dialog_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  BudgGoalDialog *self = BUDG_GOAL_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
budg_goal_dialog_class_init (BudgGoalDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (BUDG_TYPE_AMOUNT_ROW);
  g_type_ensure (BUDG_TYPE_DATE_ROW);

  object_class->constructed = budg_goal_dialog_constructed;
  object_class->dispose = budg_goal_dialog_dispose;
  object_class->finalize = budg_goal_dialog_finalize;
  object_class->get_property = budg_goal_dialog_get_property;
  object_class->set_property = budg_goal_dialog_set_property;

  widget_class->map = budg_goal_dialog_map;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         BUDG_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/budg-goal-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BudgGoalDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BudgGoalDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, BudgGoalDialog, name_error_label);
  gtk_widget_class_bind_template_child (widget_class, BudgGoalDialog, target_row);
  gtk_widget_class_bind_template_child (widget_class, BudgGoalDialog, target_error_label);
  gtk_widget_class_bind_template_child (widget_class, BudgGoalDialog, account_row);
  gtk_widget_class_bind_template_child (widget_class, BudgGoalDialog, date_expander);
  gtk_widget_class_bind_template_child (widget_class, BudgGoalDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, BudgGoalDialog, date_error_label);
  gtk_widget_class_bind_template_child (widget_class, BudgGoalDialog, automatic_row);
  gtk_widget_class_bind_template_child (widget_class, BudgGoalDialog, percent_row);
  gtk_widget_class_bind_template_child (widget_class, BudgGoalDialog, percent_error_label);
  gtk_widget_class_bind_template_child (widget_class, BudgGoalDialog, automatic_amount_row);
  gtk_widget_class_bind_template_child (widget_class, BudgGoalDialog, automatic_amount_error_label);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, target_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, account_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, date_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, automatic_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, percent_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, automatic_amount_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);

  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
budg_goal_dialog_init (BudgGoalDialog *self)
{
  self->account_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * budg_goal_dialog_new:
 * @context: the context whose goals are added to
 *
 * Creates the form; the caller makes it transient for its window and
 * presents it. It closes itself once the goal is saved.
 *
 * Returns: (transfer none): a new #BudgGoalDialog, owned by GTK like every
 *   toplevel window
 */
GtkWidget *
budg_goal_dialog_new (BudgContext *context)
{
  g_return_val_if_fail (BUDG_IS_CONTEXT (context), NULL);

  return g_object_new (BUDG_TYPE_GOAL_DIALOG, "context", context, NULL);
}

/**
 * budg_goal_dialog_get_context:
 * @self: a #BudgGoalDialog
 *
 * Returns: (transfer none): the context of @self
 */
BudgContext *
budg_goal_dialog_get_context (BudgGoalDialog *self)
{
  g_return_val_if_fail (BUDG_IS_GOAL_DIALOG (self), NULL);

  return self->context;
}
