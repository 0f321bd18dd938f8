/* fuzz-mutate.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "fuzz-mutate.h"

/* The suite's own small mutator for the fuzz harnesses' short runs: the
 * same seed and GRand always give the same mutants, so a failure can be
 * replayed. libFuzzer brings its own for long runs. */
GBytes *
fuzz_mutate (GBytes       *seed,
             GRand        *rand,
             const guint8 *interesting,
             guint         n_interesting)
{
  gsize size;
  const guint8 *original = g_bytes_get_data (seed, &size);
  GByteArray *out = g_byte_array_new ();
  guint kind = g_rand_int_range (rand, 0, 6);

  g_byte_array_append (out, original, size);
  if (out->len == 0)
    {
      g_byte_array_append (out, &interesting[g_rand_int_range (rand, 0, n_interesting)], 1);
      return g_byte_array_free_to_bytes (out);
    }

  switch (kind)
    {
    case 0:   /* flip bits */
      for (guint i = 0, n = g_rand_int_range (rand, 1, 5); i < n; i++)
        out->data[g_rand_int_range (rand, 0, out->len)] ^= 1 << g_rand_int_range (rand, 0, 8);
      break;

    case 1:   /* interesting bytes */
      for (guint i = 0, n = g_rand_int_range (rand, 1, 5); i < n; i++)
        out->data[g_rand_int_range (rand, 0, out->len)] =
          interesting[g_rand_int_range (rand, 0, n_interesting)];
      break;

    case 2:   /* truncate */
      g_byte_array_set_size (out, g_rand_int_range (rand, 0, out->len));
      break;

    case 3:   /* delete a chunk */
      {
        guint start = g_rand_int_range (rand, 0, out->len);
        guint length = g_rand_int_range (rand, 1, MIN (out->len - start, 64) + 1);

        g_byte_array_remove_range (out, start, length);
      }
      break;

    case 4:   /* repeat a chunk */
      {
        guint start = g_rand_int_range (rand, 0, out->len);
        guint length = g_rand_int_range (rand, 1, MIN (out->len - start, 256) + 1);
        g_autofree guint8 *chunk = g_memdup2 (out->data + start, length);

        for (guint i = 0, n = g_rand_int_range (rand, 1, 4); i < n; i++)
          g_byte_array_append (out, chunk, length);
      }
      break;

    default:  /* insert an interesting byte */
      {
        guint at = g_rand_int_range (rand, 0, out->len + 1);
        guint8 byte = interesting[g_rand_int_range (rand, 0, n_interesting)];

        g_byte_array_set_size (out, out->len + 1);
        memmove (out->data + at + 1, out->data + at, out->len - 1 - at);
        out->data[at] = byte;
      }
      break;
    }

  return g_byte_array_free_to_bytes (out);
}
