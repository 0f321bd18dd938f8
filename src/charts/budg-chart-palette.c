/* budg-chart-palette.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-chart-palette"

#include "config.h"

#include <string.h>

#include "budg-chart-palette.h"

/* Hues from the GNOME palette that libadwaita uses, at the shades that keep
 * their contrast both on a white and on a #242424 background: the light
 * shades (yellow 1, blue 1…) vanish on white and the dark ones (blue 5…) on
 * dark grey. Neighbours differ in hue so that adjacent slices and bars stay
 * apart; the last two repeat blue and green darker for charts with many
 * series.
 */
static const guint32 palette[] = {
  0x3584e4, /* blue 3 */
  0x2ec27e, /* green 4 */
  0xe5a50a, /* yellow 5 */
  0xff7800, /* orange 3 */
  0xe01b24, /* red 3 */
  0x9141ac, /* purple 3 */
  0x986a44, /* brown 3 */
  0x2190a4, /* teal */
  0xdd2a77, /* pink */
  0x6f8396, /* slate */
  0x1a5fb4, /* blue 5 */
  0x26a269, /* green 5 */
};

static void
color_from_rgb (guint32         rgb,
                BudgChartColor *out_color)
{
  out_color->red = ((rgb >> 16) & 0xff) / 255.0;
  out_color->green = ((rgb >> 8) & 0xff) / 255.0;
  out_color->blue = (rgb & 0xff) / 255.0;
  out_color->alpha = 1.0;
}

/**
 * budg_chart_palette_get_n_colors:
 *
 * Returns: how many colours the palette has before it repeats
 */
guint
budg_chart_palette_get_n_colors (void)
{
  return G_N_ELEMENTS (palette);
}

/**
 * budg_chart_palette_get_color:
 * @index: any index; the palette repeats
 * @out_color: (out): the colour
 *
 * The colour of the @index-th slice or series that has no colour of its own.
 */
void
budg_chart_palette_get_color (guint           index,
                              BudgChartColor *out_color)
{
  g_return_if_fail (out_color != NULL);

  color_from_rgb (palette[index % G_N_ELEMENTS (palette)], out_color);
}

/**
 * budg_chart_color_parse:
 * @text: (nullable): a colour as "#rrggbb", the form categories store
 * @out_color: (out) (optional): the colour
 *
 * Returns: %TRUE if @text was a colour; @out_color is left alone otherwise
 */
gboolean
budg_chart_color_parse (const char     *text,
                        BudgChartColor *out_color)
{
  guint32 rgb = 0;

  if (text == NULL || text[0] != '#' || strlen (text) != 7)
    return FALSE;

  for (guint i = 1; i < 7; i++)
    {
      int digit = g_ascii_xdigit_value (text[i]);

      if (digit < 0)
        return FALSE;
      rgb = (rgb << 4) | (guint32) digit;
    }

  if (out_color != NULL)
    color_from_rgb (rgb, out_color);

  return TRUE;
}

/**
 * budg_chart_color_for:
 * @text: (nullable): a colour of its own as "#rrggbb", or %NULL
 * @palette_index: the palette colour to use when @text is not a colour
 * @out_color: (out): the colour
 *
 * The colour a slice or series is drawn in: its own when it has a valid
 * one (a category colour), the palette's otherwise.
 */
void
budg_chart_color_for (const char     *text,
                      guint           palette_index,
                      BudgChartColor *out_color)
{
  g_return_if_fail (out_color != NULL);

  if (!budg_chart_color_parse (text, out_color))
    budg_chart_palette_get_color (palette_index, out_color);
}

/**
 * budg_chart_style_init_light:
 * @style: (out caller-allocates): a style to fill
 *
 * The style of an exported chart: libadwaita's light foreground on an
 * opaque white background, so that the file reads the same in any viewer.
 */
void
budg_chart_style_init_light (BudgChartStyle *style)
{
  g_return_if_fail (style != NULL);

  memset (style, 0, sizeof *style);
  style->foreground = (BudgChartColor) { 0.0, 0.0, 0.0, 0.8 };
  style->background = (BudgChartColor) { 1.0, 1.0, 1.0, 1.0 };
  style->grid = (BudgChartColor) { 0.0, 0.0, 0.0, 0.12 };
  budg_chart_style_set_font (style, "Sans 10");
  style->dark = FALSE;
}

/**
 * budg_chart_style_init_dark:
 * @style: (out caller-allocates): a style to fill
 *
 * libadwaita's dark window colours: white text on #242424.
 */
void
budg_chart_style_init_dark (BudgChartStyle *style)
{
  g_return_if_fail (style != NULL);

  memset (style, 0, sizeof *style);
  style->foreground = (BudgChartColor) { 1.0, 1.0, 1.0, 1.0 };
  style->background = (BudgChartColor) { 0x24 / 255.0, 0x24 / 255.0, 0x24 / 255.0, 1.0 };
  style->grid = (BudgChartColor) { 1.0, 1.0, 1.0, 0.15 };
  budg_chart_style_set_font (style, "Sans 10");
  style->dark = TRUE;
}

/**
 * budg_chart_style_set_font:
 * @style: a style
 * @font: (nullable): a Pango font description, or %NULL for "Sans 10"
 *
 * A description longer than the style holds falls back to "Sans 10" rather
 * than being cut into a different font.
 */
void
budg_chart_style_set_font (BudgChartStyle *style,
                           const char     *font)
{
  g_return_if_fail (style != NULL);

  if (font == NULL || strlen (font) >= sizeof style->font)
    font = "Sans 10";

  g_strlcpy (style->font, font, sizeof style->font);
}
