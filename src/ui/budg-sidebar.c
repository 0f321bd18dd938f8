/* budg-sidebar.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-sidebar"

#include "config.h"

#include <glib/gi18n.h>

#include "budg-account-row.h"
#include "budg-account.h"
#include "budg-money.h"
#include "budg-sidebar.h"

/* The list of accounts: "All Accounts" first, then the open accounts
 * grouped by kind, then the archived ones behind a row that shows or hides
 * them, and the total balance per currency at the bottom.
 *
 * The rows are rebuilt from the model whenever it changes. A household has
 * a few dozen accounts at most, so this is cheaper to get right than
 * patching rows in place, and the selection and focus are carried over by
 * account id.
 */
struct _BudgSidebar
{
  AdwBin         parent_instance;

  GListModel    *model;
  gint64         selected_account_id;
  gboolean       show_archived;
  gboolean       rebuilding;

  GtkListBoxRow *all_row;
  GtkListBoxRow *archived_row;

  GtkListBox    *list_box;
  GtkWidget     *totals_box;
  GtkBox        *totals_lines;
};

G_DEFINE_FINAL_TYPE (BudgSidebar, budg_sidebar, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_MODEL,
  PROP_SELECTED_ACCOUNT_ID,
  PROP_SHOW_ARCHIVED,
  N_PROPS
};

enum {
  ACCOUNT_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

typedef struct
{
  const char *currency;
  gint64      total;
} CurrencyTotal;

static void budg_sidebar_rebuild (BudgSidebar *self);

static const char *
kind_group_title (BudgAccountKind kind)
{
  switch (kind)
    {
    case BUDG_ACCOUNT_KIND_CHECKING:
      return _("Checking");
    case BUDG_ACCOUNT_KIND_SAVINGS:
      return _("Savings");
    case BUDG_ACCOUNT_KIND_CREDIT_CARD:
      return _("Credit Cards");
    case BUDG_ACCOUNT_KIND_CASH:
      return _("Cash");
    case BUDG_ACCOUNT_KIND_INVESTMENT:
      return _("Investments");
    case BUDG_ACCOUNT_KIND_LOAN:
      return _("Loans");
    default:
      return budg_account_kind_get_label (kind);
    }
}

static GtkListBoxRow *
create_all_row (void)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (_("All Accounts"));

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_widget_add_css_class (row, "all-accounts-row");

  return GTK_LIST_BOX_ROW (row);
}

static GtkListBoxRow *
create_archived_row (guint    n_archived,
                     gboolean expanded)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label;
  GtkWidget *arrow;
  g_autofree char *text = NULL;

  /* Translators: the row that shows or hides the archived accounts in the
   * sidebar; %u is how many there are. */
  text = g_strdup_printf (ngettext ("Archived (%u)", "Archived (%u)", n_archived), n_archived);
  label = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "dim-label");

  arrow = gtk_image_new_from_icon_name (expanded ? "pan-down-symbolic" : "pan-end-symbolic");
  gtk_widget_add_css_class (arrow, "dim-label");

  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), arrow);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (row, "archived-toggle-row");

  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  expanded ? _("Hide the archived accounts")
                                           : _("Show the archived accounts"),
                                  -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (row),
                               GTK_ACCESSIBLE_STATE_EXPANDED, expanded,
                               -1);

  return GTK_LIST_BOX_ROW (row);
}

static GtkWidget *
create_total_line (const char *currency,
                   gint64      total)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *code_label = gtk_label_new (currency);
  GtkWidget *amount_label;
  g_autofree char *amount = budg_money_format (total, currency);
  g_autofree char *accessible = NULL;

  gtk_label_set_xalign (GTK_LABEL (code_label), 0.0f);
  gtk_widget_set_hexpand (code_label, TRUE);
  gtk_widget_add_css_class (code_label, "dim-label");

  amount_label = gtk_label_new (amount);
  gtk_label_set_xalign (GTK_LABEL (amount_label), 1.0f);
  gtk_widget_add_css_class (amount_label, "numeric");
  if (total < 0)
    gtk_widget_add_css_class (amount_label, "error");

  gtk_box_append (GTK_BOX (box), code_label);
  gtk_box_append (GTK_BOX (box), amount_label);

  /* Translators: read by screen readers for one line of the sidebar
   * footer, e.g. "Total in USD: $1,234.56". */
  accessible = g_strdup_printf (_("Total in %s: %s"), currency, amount);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);

  return box;
}

static gint64
row_account_id (GtkListBoxRow *row)
{
  if (BUDG_IS_ACCOUNT_ROW (row))
    return budg_account_row_get_account_id (BUDG_ACCOUNT_ROW (row));

  return 0;
}

static GtkListBoxRow *
find_row_for_account (BudgSidebar *self,
                      gint64       account_id)
{
  GtkListBoxRow *row;

  if (account_id == 0)
    return self->all_row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->list_box, i)) != NULL; i++)
    {
      if (BUDG_IS_ACCOUNT_ROW (row) && row_account_id (row) == account_id)
        return row;
    }

  return NULL;
}

static BudgAccount *
find_account (BudgSidebar *self,
              gint64       account_id)
{
  guint n_items;

  if (self->model == NULL || account_id == 0)
    return NULL;

  n_items = g_list_model_get_n_items (self->model);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(BudgAccount) account = g_list_model_get_item (self->model, i);

      if (budg_account_get_id (account) == account_id)
        return g_steal_pointer (&account);
    }

  return NULL;
}

static void
header_func (GtkListBoxRow *row,
             GtkListBoxRow *before,
             gpointer       user_data)
{
  BudgAccount *account;
  BudgAccountKind kind;
  GtkWidget *header;

  if (!BUDG_IS_ACCOUNT_ROW (row))
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  account = budg_account_row_get_account (BUDG_ACCOUNT_ROW (row));
  kind = budg_account_get_kind (account);

  /* Archived accounts sit under their own toggle row, not under a kind. */
  if (budg_account_get_archived (account) ||
      (BUDG_IS_ACCOUNT_ROW (before) &&
       budg_account_get_kind (budg_account_row_get_account (BUDG_ACCOUNT_ROW (before))) == kind))
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  header = gtk_list_box_row_get_header (row);
  if (GTK_IS_LABEL (header))
    {
      gtk_label_set_text (GTK_LABEL (header), kind_group_title (kind));
      return;
    }

  header = gtk_label_new (kind_group_title (kind));
  gtk_label_set_xalign (GTK_LABEL (header), 0.0f);
  gtk_widget_add_css_class (header, "sidebar-group-title");
  gtk_widget_add_css_class (header, "heading");
  gtk_widget_add_css_class (header, "dim-label");
  gtk_list_box_row_set_header (row, header);
}

static void
update_totals (BudgSidebar *self)
{
  g_autoptr(GArray) totals = g_array_new (FALSE, FALSE, sizeof (CurrencyTotal));
  g_autoptr(GPtrArray) accounts = g_ptr_array_new_with_free_func (g_object_unref);
  GtkWidget *child;
  guint n_items = self->model != NULL ? g_list_model_get_n_items (self->model) : 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->totals_lines))) != NULL)
    gtk_box_remove (self->totals_lines, child);

  /* The accounts stay referenced until the end so that the currency codes
   * borrowed into @totals remain valid.
   */
  for (guint i = 0; i < n_items; i++)
    {
      BudgAccount *account = g_list_model_get_item (self->model, i);
      const char *currency = budg_account_get_currency (account);
      gint64 balance = budg_account_get_balance_minor (account);
      CurrencyTotal *total = NULL;

      g_ptr_array_add (accounts, account);

      if (budg_account_get_archived (account))
        continue;

      for (guint j = 0; j < totals->len; j++)
        {
          CurrencyTotal *candidate = &g_array_index (totals, CurrencyTotal, j);

          if (g_strcmp0 (candidate->currency, currency) == 0)
            {
              total = candidate;
              break;
            }
        }

      if (total == NULL)
        {
          CurrencyTotal new_total = { currency, 0 };

          g_array_append_val (totals, new_total);
          total = &g_array_index (totals, CurrencyTotal, totals->len - 1);
        }

      if (!budg_money_add (total->total, balance, &total->total, NULL))
        g_warning ("The total of the %s accounts does not fit in 64 bits", currency);
    }

  for (guint i = 0; i < totals->len; i++)
    {
      CurrencyTotal *total = &g_array_index (totals, CurrencyTotal, i);

      gtk_box_append (self->totals_lines, create_total_line (total->currency, total->total));
    }

  gtk_widget_set_visible (self->totals_box, totals->len > 0);
}

static void
select_row_for_id (BudgSidebar *self)
{
  GtkListBoxRow *row = find_row_for_account (self, self->selected_account_id);

  if (row == NULL)
    {
      /* The account went away (deleted, or archived while archived
       * accounts are hidden): fall back to all accounts.
       */
      self->selected_account_id = 0;
      row = self->all_row;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ACCOUNT_ID]);
    }

  gtk_list_box_select_row (self->list_box, row);
}

static gboolean
list_has_focus (BudgSidebar *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list_box));
}

static int
compare_kind (gconstpointer a,
              gconstpointer b)
{
  BudgAccount *account_a = *(BudgAccount * const *) a;
  BudgAccount *account_b = *(BudgAccount * const *) b;

  return (int) budg_account_get_kind (account_a) - (int) budg_account_get_kind (account_b);
}

static void
budg_sidebar_rebuild (BudgSidebar *self)
{
  g_autoptr(GPtrArray) open = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) archived = g_ptr_array_new_with_free_func (g_object_unref);
  GtkListBoxRow *row;
  gboolean had_focus = list_has_focus (self);
  gint64 focused_id = 0;
  guint n_items;

  if (had_focus)
    {
      GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));
      GtkWidget *focus_row = gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW);

      if (focus_row != NULL)
        focused_id = row_account_id (GTK_LIST_BOX_ROW (focus_row));
    }

  self->rebuilding = TRUE;

  while ((row = gtk_list_box_get_row_at_index (self->list_box, 0)) != NULL)
    gtk_list_box_remove (self->list_box, GTK_WIDGET (row));

  self->all_row = create_all_row ();
  self->archived_row = NULL;
  gtk_list_box_append (self->list_box, GTK_WIDGET (self->all_row));

  n_items = self->model != NULL ? g_list_model_get_n_items (self->model) : 0;
  for (guint i = 0; i < n_items; i++)
    {
      BudgAccount *account = g_list_model_get_item (self->model, i);

      g_ptr_array_add (budg_account_get_archived (account) ? archived : open, account);
    }

  /* Kinds in a fixed order and, the sort being stable, the model's own
   * order within a kind.
   */
  g_ptr_array_sort (open, compare_kind);

  for (guint i = 0; i < open->len; i++)
    gtk_list_box_append (self->list_box, budg_account_row_new (g_ptr_array_index (open, i)));

  if (archived->len > 0)
    {
      self->archived_row = create_archived_row (archived->len, self->show_archived);
      gtk_list_box_append (self->list_box, GTK_WIDGET (self->archived_row));

      if (self->show_archived)
        {
          for (guint i = 0; i < archived->len; i++)
            gtk_list_box_append (self->list_box, budg_account_row_new (g_ptr_array_index (archived, i)));
        }
    }

  select_row_for_id (self);
  update_totals (self);

  self->rebuilding = FALSE;

  if (had_focus)
    {
      row = find_row_for_account (self, focused_id);
      if (row == NULL)
        row = gtk_list_box_get_selected_row (self->list_box);
      if (row != NULL)
        gtk_widget_grab_focus (GTK_WIDGET (row));
    }
}

static gboolean
delete_binding_cb (GtkWidget *widget,
                   GVariant  *args,
                   gpointer   user_data)
{
  BudgSidebar *self = BUDG_SIDEBAR (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row = NULL;

  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list_box)))
    row = gtk_widget_get_ancestor (focus, BUDG_TYPE_ACCOUNT_ROW);

  /* Delete acts on the row under the keyboard focus only: "All Accounts"
   * and the archived toggle cannot be deleted.
   */
  if (row == NULL)
    {
      gtk_widget_error_bell (widget);
      return TRUE;
    }

  gtk_widget_activate_action (widget, "win.delete-account", "x",
                              budg_account_row_get_account_id (BUDG_ACCOUNT_ROW (row)));

  return TRUE;
}

static void
model_items_changed_cb (BudgSidebar *self,
                        guint        position,
                        guint        removed,
                        guint        added,
                        GListModel  *model)
{
  budg_sidebar_rebuild (self);
}

static void
list_box_row_selected_cb (BudgSidebar   *self,
                          GtkListBoxRow *row,
                          GtkListBox    *list_box)
{
  if (self->rebuilding || row == NULL)
    return;

  budg_sidebar_set_selected_account_id (self, row_account_id (row));
}

static void
list_box_row_activated_cb (BudgSidebar   *self,
                           GtkListBoxRow *row,
                           GtkListBox    *list_box)
{
  if (row == self->archived_row)
    {
      budg_sidebar_set_show_archived (self, !self->show_archived);
      if (self->archived_row != NULL)
        gtk_widget_grab_focus (GTK_WIDGET (self->archived_row));
      return;
    }

  g_signal_emit (self, signals[ACCOUNT_ACTIVATED], 0, row_account_id (row));
}

static void
budg_sidebar_dispose (GObject *object)
{
  BudgSidebar *self = (BudgSidebar *) object;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, model_items_changed_cb, self);
  g_clear_object (&self->model);

  gtk_widget_dispose_template (GTK_WIDGET (self), BUDG_TYPE_SIDEBAR);

  G_OBJECT_CLASS (budg_sidebar_parent_class)->dispose (object);
}

static void
budg_sidebar_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  BudgSidebar *self = BUDG_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;

    case PROP_SELECTED_ACCOUNT_ID:
      g_value_set_int64 (value, self->selected_account_id);
      break;

    case PROP_SHOW_ARCHIVED:
      g_value_set_boolean (value, self->show_archived);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
budg_sidebar_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  BudgSidebar *self = BUDG_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      budg_sidebar_set_model (self, g_value_get_object (value));
      break;

    case PROP_SELECTED_ACCOUNT_ID:
      budg_sidebar_set_selected_account_id (self, g_value_get_int64 (value));
      break;

    case PROP_SHOW_ARCHIVED:
      budg_sidebar_set_show_archived (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
budg_sidebar_class_init (BudgSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = budg_sidebar_dispose;
  object_class->get_property = budg_sidebar_get_property;
  object_class->set_property = budg_sidebar_set_property;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* 0 stands for all accounts. */
  properties[PROP_SELECTED_ACCOUNT_ID] =
    g_param_spec_int64 ("selected-account-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SHOW_ARCHIVED] =
    g_param_spec_boolean ("show-archived", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BudgSidebar::account-activated:
   * @self: a #BudgSidebar
   * @account_id: the activated account, or 0 for all accounts
   *
   * Emitted when the user clicks a row or presses Enter on it, which
   * asks to see that account's content (on a narrow window, the sidebar
   * makes way for it).
   */
  signals[ACCOUNT_ACTIVATED] =
    g_signal_new ("account-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/budg-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, BudgSidebar, list_box);
  gtk_widget_class_bind_template_child (widget_class, BudgSidebar, totals_box);
  gtk_widget_class_bind_template_child (widget_class, BudgSidebar, totals_lines);
  gtk_widget_class_bind_template_callback (widget_class, list_box_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_box_row_activated_cb);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Delete, 0, delete_binding_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Delete, 0, delete_binding_cb, NULL);

  gtk_widget_class_set_css_name (widget_class, "budg-sidebar");

  g_type_ensure (BUDG_TYPE_ACCOUNT_ROW);
}

static void
budg_sidebar_init (BudgSidebar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_list_box_set_header_func (self->list_box, header_func, NULL, NULL);

  budg_sidebar_rebuild (self);
}

GtkWidget *
budg_sidebar_new (void)
{
  return g_object_new (BUDG_TYPE_SIDEBAR, NULL);
}

/**
 * budg_sidebar_get_model:
 * @self: a #BudgSidebar
 *
 * Returns: (transfer none) (nullable): the accounts shown
 */
GListModel *
budg_sidebar_get_model (BudgSidebar *self)
{
  g_return_val_if_fail (BUDG_IS_SIDEBAR (self), NULL);

  return self->model;
}

/**
 * budg_sidebar_set_model:
 * @self: a #BudgSidebar
 * @model: (nullable): a #GListModel of #BudgAccount, archived ones included
 *
 * Shows the accounts of @model, kept current as it changes.
 */
void
budg_sidebar_set_model (BudgSidebar *self,
                        GListModel  *model)
{
  g_return_if_fail (BUDG_IS_SIDEBAR (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->model == model)
    return;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, model_items_changed_cb, self);

  g_set_object (&self->model, model);

  if (self->model != NULL)
    g_signal_connect_object (self->model, "items-changed",
                             G_CALLBACK (model_items_changed_cb), self,
                             G_CONNECT_SWAPPED);

  budg_sidebar_rebuild (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

gint64
budg_sidebar_get_selected_account_id (BudgSidebar *self)
{
  g_return_val_if_fail (BUDG_IS_SIDEBAR (self), 0);

  return self->selected_account_id;
}

/**
 * budg_sidebar_set_selected_account_id:
 * @self: a #BudgSidebar
 * @account_id: the account to select, or 0 for all accounts
 *
 * Selects @account_id, showing the archived accounts if it is one of
 * them. An id that is not in the model selects all accounts.
 */
void
budg_sidebar_set_selected_account_id (BudgSidebar *self,
                                      gint64       account_id)
{
  g_autoptr(BudgAccount) account = NULL;

  g_return_if_fail (BUDG_IS_SIDEBAR (self));

  account = find_account (self, account_id);
  if (account == NULL)
    account_id = 0;

  if (account != NULL && budg_account_get_archived (account) && !self->show_archived)
    {
      self->selected_account_id = account_id;
      budg_sidebar_set_show_archived (self, TRUE);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ACCOUNT_ID]);
      return;
    }

  if (self->selected_account_id != account_id)
    {
      self->selected_account_id = account_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ACCOUNT_ID]);
    }

  if (!self->rebuilding)
    {
      GtkListBoxRow *row = find_row_for_account (self, account_id);

      if (row != NULL && gtk_list_box_get_selected_row (self->list_box) != row)
        {
          self->rebuilding = TRUE;
          gtk_list_box_select_row (self->list_box, row);
          self->rebuilding = FALSE;
        }
    }
}

gboolean
budg_sidebar_get_show_archived (BudgSidebar *self)
{
  g_return_val_if_fail (BUDG_IS_SIDEBAR (self), FALSE);

  return self->show_archived;
}

void
budg_sidebar_set_show_archived (BudgSidebar *self,
                                gboolean     show_archived)
{
  g_return_if_fail (BUDG_IS_SIDEBAR (self));

  show_archived = !!show_archived;

  if (self->show_archived == show_archived)
    return;

  self->show_archived = show_archived;
  budg_sidebar_rebuild (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_ARCHIVED]);
}

/**
 * budg_sidebar_focus_selected:
 * @self: a #BudgSidebar
 *
 * Moves the keyboard focus to the selected row.
 */
void
budg_sidebar_focus_selected (BudgSidebar *self)
{
  GtkListBoxRow *row;

  g_return_if_fail (BUDG_IS_SIDEBAR (self));

  row = gtk_list_box_get_selected_row (self->list_box);
  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}
