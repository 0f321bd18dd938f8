/* budg-background.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Starting Budg in the background at login: an XDG autostart entry on a
 * normal system, the Background portal inside Flatpak. */
gboolean  budg_background_is_sandboxed         (void);
char     *budg_background_get_autostart_path   (void);
gboolean  budg_background_write_autostart      (gboolean              enable,
                                                GError              **error);
GVariant *budg_background_build_portal_options (gboolean              autostart,
                                                const char           *reason,
                                                const char           *handle_token) G_GNUC_WARN_UNUSED_RESULT;
void      budg_background_request_async        (gboolean              enable,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
gboolean  budg_background_request_finish       (GAsyncResult         *result,
                                                GError              **error);

G_END_DECLS
