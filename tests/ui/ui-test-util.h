/* ui-test-util.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Helpers shared by the UI tests that drive dialogs under Xvfb. */

/* Runs the main context until nothing is pending. */
void       iterate     (void);
/* The widget whose buildable id is @id below @root, or NULL. */
GtkWidget *find_widget (GtkWidget  *root,
                        const char *id);
/* Like find_widget(), but a missing widget fails the test. */
GtkWidget *get_widget  (GtkWidget  *root,
                        const char *id);
/* With BUDG_TEST_SCREENSHOT_DIR set, renders @window at @width pixels into
 * NAME-WIDTH-light|dark.png there; otherwise does nothing. */
void       save_png    (GtkWidget  *window,
                        const char *name,
                        int         width,
                        gboolean    dark);
/* save_png() at 1000 and 360 pixels, light and dark. */
void       save_pngs   (GtkWidget  *window,
                        const char *name);

G_END_DECLS
