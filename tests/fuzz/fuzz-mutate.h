/* fuzz-mutate.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A mutant of @seed: flipped bits, bytes from @interesting, a truncation, a
 * deleted or repeated chunk, or an inserted byte. */
GBytes *fuzz_mutate (GBytes       *seed,
                     GRand        *rand,
                     const guint8 *interesting,
                     guint         n_interesting);

G_END_DECLS
