/* cli-test-util.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The end of the demo history, so that runs on different days agree. */
#define DEMO_END_DATE "2026-06-30"

/* What one run of budg-cli printed and how it exited. */
typedef struct
{
  int   status;
  char *out;
  char *err;
} CliResult;

/* Frees the captured output; the struct itself may live on the stack. */
void        cli_result_clear (CliResult          *result);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CliResult, cli_result_clear)

/* Deletes @path and everything below it, read-only directories included. */
void        remove_tree      (const char         *path);

/* Runs budg-cli with @args (NULL-terminated; --db @db first when @db is
 * set) and captures its output and exit status in @result.
 */
void        run_cliv         (const char         *db,
                              const char * const *args,
                              CliResult          *result);

/* The integer member @name of @object, asserted to be a JSON integer. */
gint64      member_int       (JsonObject         *object,
                              const char         *name);

/* Whether the member @name of @object, asserted to exist, is null. */
gboolean    member_is_null   (JsonObject         *object,
                              const char         *name);

/* The string member @name of @object, or NULL when it is a JSON null. */
const char *member_string    (JsonObject         *object,
                              const char         *name);

/* The boolean member @name of @object, asserted to be a JSON boolean. */
gboolean    member_boolean   (JsonObject         *object,
                              const char         *name);

/* The array @root holds, asserted to be one. */
JsonArray  *root_array       (JsonNode           *root);

/* The object @root holds, asserted to be one. */
JsonObject *root_object      (JsonNode           *root);

/* The first object of @array whose string @member equals @value, or NULL. */
JsonObject *find_by_string   (JsonArray          *array,
                              const char         *member,
                              const char         *value);

/* A text dump of the database at @path; free with g_free(). */
char       *dump_database    (const char         *path);

/* Runs budg-cli on @db with @args (NULL-terminated, --json is added) and
 * asserts that it succeeded with nothing on stderr.
 * Returns: (transfer full): the parsed JSON */
JsonNode   *cli_run_json_argv (const char         *db,
                               const char * const *args);
/* Runs budg-cli on @db with @args (NULL-terminated) and asserts success. */
void        cli_run_ok_argv   (const char         *db,
                               const char * const *args);

G_END_DECLS
