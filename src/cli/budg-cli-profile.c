/* budg-cli-profile.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-cli-profile"

#include "config.h"

#include <glib/gi18n.h>

#include "budg-cli-private.h"

int
budg_cli_profile_list (BudgCli              *cli,
                      const BudgCliCommand *command,
                      int                   argc,
                      char                **argv)
{
  /* Placeholder until this command lands. */
  return budg_cli_fail_message (_("Not implemented yet."));
}

int
budg_cli_profile_delete (BudgCli              *cli,
                        const BudgCliCommand *command,
                        int                   argc,
                        char                **argv)
{
  /* Placeholder until this command lands. */
  return budg_cli_fail_message (_("Not implemented yet."));
}
