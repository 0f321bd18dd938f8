/* main.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg"

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "budg-application.h"
#include "budg-startup-trace.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(BudgApplication) app = NULL;

  budg_startup_trace_init ();

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = budg_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
