/* budg-window.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-window"

#include "config.h"

#include <glib/gi18n.h>

#include "budg-date.h"
#include "budg-bank-banner.h"
#include "budg-resources.h"
#include "budg-sidebar.h"
#include "budg-startup-trace.h"
#include "budg-window-private.h"

G_DEFINE_FINAL_TYPE (BudgWindow, budg_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_READY,
  N_PROPS
};

enum {
  READY,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
has_accounts (BudgWindow *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (budg_context_get_accounts (self->context))) > 0;
}

/* The register reads its rows only once it is on screen, so that a large
 * history never delays the first frame of the Bills view. */
static void
update_register_active (BudgWindow *self)
{
  gboolean visible = g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "transactions") == 0 &&
                     g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "accounts") == 0;

  if (visible)
    budg_register_view_set_active (self->register_view, TRUE);
}

/* Reports compute only while their page shows: nothing at startup unless
 * Reports is the page restored, and nothing on each change elsewhere. */
static void
update_reports_active (BudgWindow *self)
{
  gboolean visible = g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "reports") == 0 &&
                     g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "accounts") == 0;

  budg_reports_view_set_active (self->reports_view, visible);
}

/* Activating a slice, bar or row of a report opens the transactions behind
 * it. Reports count every account, so the register shows every account. */
static void
reports_show_transactions_cb (BudgWindow                 *self,
                              const BudgTransactionQuery *query,
                              BudgReportsView            *reports_view)
{
  budg_sidebar_set_selected_account_id (self->sidebar, query->account_id);
  budg_register_view_show_query (self->register_view, query);
  adw_view_stack_set_visible_child_name (self->view_stack, "transactions");
}

static void
update_title (BudgWindow *self)
{
  g_autoptr(BudgAccount) account = NULL;
  gint64 account_id = budg_sidebar_get_selected_account_id (self->sidebar);

  account = _budg_window_dup_account (self, account_id);
  adw_view_switcher_title_set_subtitle (self->view_switcher_title,
                                        account != NULL ? budg_account_get_name (account)
                                                        : _("All Accounts"));
}

static void
update_main_page (BudgWindow *self)
{
  gboolean any = has_accounts (self);

  gtk_stack_set_visible_child_name (self->main_stack, any ? "accounts" : "welcome");
  _budg_window_update_actions (self);
}

static void
accounts_items_changed_cb (BudgWindow *self,
                           guint       position,
                           guint       removed,
                           guint       added,
                           GListModel *model)
{
  update_main_page (self);
  update_title (self);
  update_register_active (self);
  update_reports_active (self);
}

static void
after_paint_cb (BudgWindow    *self,
                GdkFrameClock *frame_clock)
{
  g_clear_signal_handler (&self->after_paint_handler, frame_clock);

  /* The stores load synchronously when the context opens, so the first
   * frame already shows the accounts or the welcome page.
   */
  self->ready = TRUE;
  budg_startup_trace_first_frame ();

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READY]);
  g_signal_emit (self, signals[READY], 0);
}

static void
sidebar_account_activated_cb (BudgWindow  *self,
                              gint64       account_id,
                              BudgSidebar *sidebar)
{
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->content_pane);
}

static void
sidebar_selected_account_id_changed_cb (BudgWindow  *self,
                                        GParamSpec  *pspec,
                                        BudgSidebar *sidebar)
{
  gint64 account_id = budg_sidebar_get_selected_account_id (sidebar);

  if (self->settings != NULL)
    g_settings_set_int64 (self->settings, "last-account-id", account_id);

  update_title (self);
  budg_ledger_view_set_account_id (self->ledger_view, account_id);
  budg_register_view_set_account_id (self->register_view, account_id);
}

static void
view_stack_visible_child_name_changed_cb (BudgWindow   *self,
                                          GParamSpec   *pspec,
                                          AdwViewStack *view_stack)
{
  const char *name = adw_view_stack_get_visible_child_name (view_stack);

  if (self->settings != NULL && name != NULL)
    g_settings_set_string (self->settings, "last-view", name);

  update_register_active (self);
  update_reports_active (self);
}

static void
leaflet_folded_changed_cb (BudgWindow *self,
                           GParamSpec *pspec,
                           AdwLeaflet *leaflet)
{
  /* A sidebar hidden with F9 on a wide window must come back when the
   * window narrows, or the back button would lead nowhere.
   */
  if (adw_leaflet_get_folded (leaflet))
    {
      gtk_widget_set_visible (self->sidebar_pane, TRUE);
      gtk_widget_set_visible (self->sidebar_separator, TRUE);
    }
}

static void
restore_state (BudgWindow *self)
{
  g_autofree char *view = NULL;
  int width;
  int height;

  if (self->settings == NULL)
    return;

  width = g_settings_get_int (self->settings, "window-width");
  height = g_settings_get_int (self->settings, "window-height");
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);

  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  view = g_settings_get_string (self->settings, "last-view");
  if (adw_view_stack_get_child_by_name (self->view_stack, view) != NULL)
    adw_view_stack_set_visible_child_name (self->view_stack, view);

  budg_sidebar_set_selected_account_id (self->sidebar,
                                        g_settings_get_int64 (self->settings, "last-account-id"));
}

static void
save_state (BudgWindow *self)
{
  int width;
  int height;

  if (self->settings == NULL)
    return;

  /* The default size follows the window as it is resized, but not while
   * it is maximized: it then still holds the size to restore to.
   */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);

  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  g_settings_apply (self->settings);
}

static gboolean
budg_window_close_request (GtkWindow *window)
{
  save_state (BUDG_WINDOW (window));

  return GTK_WINDOW_CLASS (budg_window_parent_class)->close_request (window);
}

static void
budg_window_realize (GtkWidget *widget)
{
  BudgWindow *self = BUDG_WINDOW (widget);

  GTK_WIDGET_CLASS (budg_window_parent_class)->realize (widget);

  if (!self->ready && self->after_paint_handler == 0)
    {
      self->frame_clock = g_object_ref (gtk_widget_get_frame_clock (widget));
      self->after_paint_handler =
        g_signal_connect_object (self->frame_clock, "after-paint",
                                 G_CALLBACK (after_paint_cb), self,
                                 G_CONNECT_SWAPPED);
    }
}

static void
budg_window_unrealize (GtkWidget *widget)
{
  BudgWindow *self = BUDG_WINDOW (widget);

  if (self->frame_clock != NULL)
    g_clear_signal_handler (&self->after_paint_handler, self->frame_clock);
  g_clear_object (&self->frame_clock);

  GTK_WIDGET_CLASS (budg_window_parent_class)->unrealize (widget);
}

static void
bank_sync_finished_cb (BudgWindow *self,
                       gboolean    ok,
                       const char *message)
{
  if (message != NULL)
    budg_window_add_toast (self, adw_toast_new (message));
}

static void
budg_window_constructed (GObject *object)
{
  BudgWindow *self = (BudgWindow *) object;
  GListModel *accounts;

  G_OBJECT_CLASS (budg_window_parent_class)->constructed (object);

  g_assert (BUDG_IS_CONTEXT (self->context));

  self->settings = budg_context_get_settings (self->context);
  if (self->settings != NULL)
    g_object_ref (self->settings);

  /* The ledger takes the context at construction, which the template
   * cannot give it.
   */
  self->ledger_view = g_object_ref_sink (BUDG_LEDGER_VIEW (budg_ledger_view_new (self->context)));
  g_object_bind_property (self->leaflet, "folded", self->ledger_view, "compact", G_BINDING_SYNC_CREATE);
  adw_bin_set_child (self->bills_bin, GTK_WIDGET (self->ledger_view));

  self->register_view = g_object_ref_sink (BUDG_REGISTER_VIEW (budg_register_view_new (self->context)));
  g_object_bind_property (self->leaflet, "folded", self->register_view, "compact", G_BINDING_SYNC_CREATE);
  adw_bin_set_child (self->transactions_bin, GTK_WIDGET (self->register_view));

  /* Both read their data only once shown, so they cost the first frame
   * nothing. */
  self->budgets_view = g_object_ref_sink (BUDG_BUDGETS_VIEW (budg_budgets_view_new (self->context)));
  adw_bin_set_child (self->budgets_bin, GTK_WIDGET (self->budgets_view));

  self->goals_view = g_object_ref_sink (BUDG_GOALS_VIEW (budg_goals_view_new (self->context)));
  adw_bin_set_child (self->goals_bin, GTK_WIDGET (self->goals_view));

  self->reports_view = g_object_ref_sink (BUDG_REPORTS_VIEW (budg_reports_view_new (self->context)));
  g_object_bind_property (self->leaflet, "folded", self->reports_view, "compact", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->reports_view, "show-transactions",
                           G_CALLBACK (reports_show_transactions_cb), self, G_CONNECT_SWAPPED);
  adw_bin_set_child (self->reports_bin, GTK_WIDGET (self->reports_view));

  accounts = G_LIST_MODEL (budg_context_get_accounts (self->context));
  budg_sidebar_set_model (self->sidebar, accounts);
  g_signal_connect_object (accounts, "items-changed",
                           G_CALLBACK (accounts_items_changed_cb), self,
                           G_CONNECT_SWAPPED);

  /* Above the views: a bank connection that needs a new login says so. */
  gtk_box_insert_child_after (GTK_BOX (self->content_pane), budg_bank_banner_new (self->context),
                              gtk_widget_get_first_child (self->content_pane));
  self->bank_sync = budg_bank_sync_new (self->context);
  g_signal_connect_object (self->bank_sync, "finished", G_CALLBACK (bank_sync_finished_cb), self,
                           G_CONNECT_SWAPPED);

  restore_state (self);
  update_main_page (self);
  update_title (self);
  budg_ledger_view_set_account_id (self->ledger_view, budg_sidebar_get_selected_account_id (self->sidebar));
  budg_register_view_set_account_id (self->register_view, budg_sidebar_get_selected_account_id (self->sidebar));
  update_register_active (self);
  update_reports_active (self);
}

static void
budg_window_dispose (GObject *object)
{
  BudgWindow *self = (BudgWindow *) object;

  if (self->frame_clock != NULL)
    g_clear_signal_handler (&self->after_paint_handler, self->frame_clock);
  g_clear_object (&self->frame_clock);

  gtk_widget_dispose_template (GTK_WIDGET (self), BUDG_TYPE_WINDOW);

  g_clear_object (&self->ledger_view);
  g_clear_object (&self->register_view);
  g_clear_object (&self->budgets_view);
  g_clear_object (&self->goals_view);
  g_clear_object (&self->reports_view);
  g_clear_object (&self->bank_sync);
  g_clear_object (&self->settings);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (budg_window_parent_class)->dispose (object);
}

static void
budg_window_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  BudgWindow *self = BUDG_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_READY:
      g_value_set_boolean (value, self->ready);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
budg_window_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  BudgWindow *self = BUDG_WINDOW (object);

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
budg_window_class_init (BudgWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = budg_window_constructed;
  object_class->dispose = budg_window_dispose;
  object_class->get_property = budg_window_get_property;
  object_class->set_property = budg_window_set_property;

  widget_class->realize = budg_window_realize;
  widget_class->unrealize = budg_window_unrealize;

  window_class->close_request = budg_window_close_request;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         BUDG_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_READY] =
    g_param_spec_boolean ("ready", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BudgWindow::ready:
   * @self: a #BudgWindow
   *
   * Emitted once, after the first frame showing the accounts (or, on an
   * empty database, the welcome page) has been painted. Startup timing
   * and screenshots start from here.
   */
  signals[READY] =
    g_signal_new ("ready",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);

  /* The compiled resources live in the same static library as this class.
   * Naming them makes the linker keep them, and with them the constructor
   * that registers them.
   */
  g_assert (budg_get_resource () != NULL);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/budg-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BudgWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BudgWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, BudgWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, BudgWindow, sidebar_pane);
  gtk_widget_class_bind_template_child (widget_class, BudgWindow, sidebar_separator);
  gtk_widget_class_bind_template_child (widget_class, BudgWindow, content_pane);
  gtk_widget_class_bind_template_child (widget_class, BudgWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, BudgWindow, view_switcher_title);
  gtk_widget_class_bind_template_child (widget_class, BudgWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, BudgWindow, view_switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, BudgWindow, bills_bin);
  gtk_widget_class_bind_template_child (widget_class, BudgWindow, transactions_bin);
  gtk_widget_class_bind_template_child (widget_class, BudgWindow, budgets_bin);
  gtk_widget_class_bind_template_child (widget_class, BudgWindow, goals_bin);
  gtk_widget_class_bind_template_child (widget_class, BudgWindow, reports_bin);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_account_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_selected_account_id_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, view_stack_visible_child_name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, leaflet_folded_changed_cb);

  _budg_window_class_actions_init (klass);

  g_type_ensure (BUDG_TYPE_SIDEBAR);
  g_type_ensure (BUDG_TYPE_TRANSACTION);
}

static void
budg_window_init (BudgWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* On a narrow window the view comes first; the accounts are one tap
   * away behind the back button.
   */
  adw_leaflet_set_visible_child (self->leaflet, self->content_pane);

#if DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif
}

/**
 * budg_window_new:
 * @application: (nullable): the application the window belongs to
 * @context: the context whose accounts the window shows
 *
 * Returns: (transfer full): a new #BudgWindow
 */
BudgWindow *
budg_window_new (GtkApplication *application,
                 BudgContext    *context)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (BUDG_IS_CONTEXT (context), NULL);

  return g_object_new (BUDG_TYPE_WINDOW,
                       "application", application,
                       "context", context,
                       NULL);
}

/**
 * budg_window_get_context:
 * @self: a #BudgWindow
 *
 * Returns: (transfer none): the context of @self
 */
BudgContext *
budg_window_get_context (BudgWindow *self)
{
  g_return_val_if_fail (BUDG_IS_WINDOW (self), NULL);

  return self->context;
}

/**
 * budg_window_get_ready:
 * @self: a #BudgWindow
 *
 * Returns: whether the first frame with data has been painted
 */
gboolean
budg_window_get_ready (BudgWindow *self)
{
  g_return_val_if_fail (BUDG_IS_WINDOW (self), FALSE);

  return self->ready;
}

/**
 * budg_window_get_view:
 * @self: a #BudgWindow
 *
 * Returns: (nullable): the name of the main view shown: "bills",
 *   "transactions", "budgets", "goals" or "reports"
 */
const char *
budg_window_get_view (BudgWindow *self)
{
  g_return_val_if_fail (BUDG_IS_WINDOW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->view_stack);
}

/**
 * budg_window_set_view:
 * @self: a #BudgWindow
 * @view: the name of a main view, see budg_window_get_view()
 *
 * Shows @view; "bank-connections" opens the Bank Connections window. An
 * unknown name is ignored.
 */
void
budg_window_set_view (BudgWindow *self,
                      const char *view)
{
  g_return_if_fail (BUDG_IS_WINDOW (self));
  g_return_if_fail (view != NULL);

  /* Not a view but a window of its own, which a notification opens. */
  if (g_str_equal (view, "bank-connections"))
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.bank-connections", NULL);
      return;
    }

  if (adw_view_stack_get_child_by_name (self->view_stack, view) == NULL)
    {
      g_debug ("No view named “%s”", view);
      return;
    }

  adw_view_stack_set_visible_child_name (self->view_stack, view);
}

/**
 * budg_window_show_occurrence:
 * @self: a #BudgWindow
 * @bill_id: the bill
 * @occurrence_date: its occurrence
 * @due_date: the date it is due
 *
 * Shows the Bills view with that occurrence of the bill selected, for a
 * notification about it that was clicked.
 */
void
budg_window_show_occurrence (BudgWindow *self,
                             gint64      bill_id,
                             const char *occurrence_date,
                             const char *due_date)
{
  g_return_if_fail (BUDG_IS_WINDOW (self));

  budg_window_set_view (self, "bills");
  budg_ledger_view_show_occurrence (self->ledger_view, bill_id, occurrence_date, due_date);
}

/**
 * budg_window_add_toast:
 * @self: a #BudgWindow
 * @toast: (transfer full): the toast to show
 *
 * Shows @toast over the window's content.
 */
void
budg_window_add_toast (BudgWindow *self,
                       AdwToast   *toast)
{
  g_return_if_fail (BUDG_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
_budg_window_show_error (BudgWindow   *self,
                         const GError *error)
{
  g_autofree char *title = NULL;

  g_assert (BUDG_IS_WINDOW (self));
  g_assert (error != NULL);

  /* Toast titles are markup; messages may quote names with "&" in them. */
  title = g_markup_escape_text (error->message, -1);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

/* Returns the account @account_id, or the one selected in the sidebar
 * when it is 0; NULL when there is none.
 */
BudgAccount *
_budg_window_dup_account (BudgWindow *self,
                          gint64      account_id)
{
  BudgAccount *account;

  g_assert (BUDG_IS_WINDOW (self));

  if (account_id == 0)
    account_id = budg_sidebar_get_selected_account_id (self->sidebar);
  if (account_id == 0)
    return NULL;

  account = budg_account_store_lookup (budg_context_get_accounts (self->context), account_id);

  return account != NULL ? g_object_ref (account) : NULL;
}
