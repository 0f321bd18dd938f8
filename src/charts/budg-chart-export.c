/* budg-chart-export.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-chart-export"

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <cairo.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "budg-chart-export.h"
#include "budg-chart.h"
#include "budg-error.h"

/* Charts as files, drawn by the very function that draws them on screen.
 * The file is written beside its final name and renamed over it once
 * complete, so that a failure (a full disk, a chart too big for memory)
 * never leaves half a PNG where the user expects a chart.
 */

typedef enum
{
  FORMAT_PNG,
  FORMAT_PDF,
  FORMAT_SVG,
} Format;

typedef struct
{
  int      fd;
  int      saved_errno;
  gboolean failed;
} Sink;

static gboolean
format_for_path (const char *path,
                 Format     *out_format)
{
  g_autofree char *basename = g_path_get_basename (path);
  const char *extension = strrchr (basename, '.');

  if (extension == NULL)
    return FALSE;

  if (g_ascii_strcasecmp (extension, ".png") == 0)
    *out_format = FORMAT_PNG;
  else if (g_ascii_strcasecmp (extension, ".pdf") == 0)
    *out_format = FORMAT_PDF;
  else if (g_ascii_strcasecmp (extension, ".svg") == 0)
    *out_format = FORMAT_SVG;
  else
    return FALSE;

  return TRUE;
}

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  Sink *sink = closure;

  while (length > 0)
    {
      gssize written = write (sink->fd, data, length);

      if (written < 0 && errno == EINTR)
        continue;
      if (written <= 0)
        {
          sink->saved_errno = written < 0 ? errno : ENOSPC;
          sink->failed = TRUE;
          return CAIRO_STATUS_WRITE_ERROR;
        }
      data += written;
      length -= (unsigned int) written;
    }

  return CAIRO_STATUS_SUCCESS;
}

/* Draws onto @surface and reports the first error of drawing. */
static cairo_status_t
draw_on (cairo_surface_t      *surface,
         const BudgChartData  *data,
         const BudgChartStyle *style,
         int                   width,
         int                   height)
{
  cairo_t *cr = cairo_create (surface);
  cairo_status_t status;

  budg_chart_draw (cr, width, height, data, style);
  status = cairo_status (cr);
  cairo_destroy (cr);

  return status;
}

static cairo_status_t
render (Format                format,
        Sink                 *sink,
        const BudgChartData  *data,
        const BudgChartStyle *style,
        int                   width,
        int                   height)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  const char *title = budg_chart_data_get_title (data);

  switch (format)
    {
    case FORMAT_PNG:
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
      status = cairo_surface_status (surface);
      if (status == CAIRO_STATUS_SUCCESS)
        status = draw_on (surface, data, style, width, height);
      if (status == CAIRO_STATUS_SUCCESS)
        status = cairo_surface_write_to_png_stream (surface, write_cb, sink);
      cairo_surface_destroy (surface);
      return status;

    case FORMAT_PDF:
      /* One PDF point per pixel: the page is the size asked for. */
      surface = cairo_pdf_surface_create_for_stream (write_cb, sink, width, height);
#if CAIRO_VERSION >= CAIRO_VERSION_ENCODE (1, 16, 0)
      if (title != NULL && cairo_surface_status (surface) == CAIRO_STATUS_SUCCESS)
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Budg");
#endif
      break;

    case FORMAT_SVG:
      surface = cairo_svg_surface_create_for_stream (write_cb, sink, width, height);
#if CAIRO_VERSION >= CAIRO_VERSION_ENCODE (1, 16, 0)
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
#endif
      break;

    default:
      g_assert_not_reached ();
    }

  status = cairo_surface_status (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = draw_on (surface, data, style, width, height);
  /* Vector surfaces write most of the file when finished. */
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  return status;
}

/**
 * budg_chart_export:
 * @data: the chart
 * @style: (nullable): colours and font, or %NULL for the light style on
 *   white
 * @path: the file to write, in the GLib file name encoding; its extension
 *   (.png, .pdf or .svg, in any case) chooses the format
 * @width: the width in pixels (PDF points), from 16 to 10000
 * @height: the height in pixels (PDF points), from 16 to 10000
 * @error: return location for a #GError
 *
 * Writes a chart to a file, replacing any file of that name only once the
 * new one is complete.
 *
 * Returns: %TRUE on success; %FALSE with %BUDG_ERROR_INVALID_INPUT for an
 *   extension that is no format, a size out of range, or a file that could
 *   not be written, in which case no file is left behind
 */
gboolean
budg_chart_export (const BudgChartData  *data,
                   const BudgChartStyle *style,
                   const char           *path,
                   int                   width,
                   int                   height,
                   GError              **error)
{
  g_autofree char *partial = NULL;
  g_autofree char *display = NULL;
  BudgChartStyle light;
  cairo_status_t status;
  Format format;
  Sink sink = { -1, 0, FALSE };
  int saved_errno;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  display = g_filename_display_name (path);

  if (width < BUDG_CHART_EXPORT_MIN_SIZE || width > BUDG_CHART_EXPORT_MAX_SIZE ||
      height < BUDG_CHART_EXPORT_MIN_SIZE || height > BUDG_CHART_EXPORT_MAX_SIZE)
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                   _("A chart of %d × %d pixels cannot be exported. Choose a width and a height from %d to %d pixels."),
                   width, height, BUDG_CHART_EXPORT_MIN_SIZE, BUDG_CHART_EXPORT_MAX_SIZE);
      return FALSE;
    }

  if (!format_for_path (path, &format))
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                   _("Budg cannot tell which format to write “%s” in. End the file name in .png, .pdf or .svg."),
                   display);
      return FALSE;
    }

  if (style == NULL)
    {
      budg_chart_style_init_light (&light);
      style = &light;
    }

  partial = g_strconcat (path, ".partial", NULL);
  sink.fd = g_open (partial, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (sink.fd < 0)
    {
      saved_errno = errno;
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                   _("Could not create the chart file “%s”: %s. Check that the folder exists and that you can write to it."),
                   display, g_strerror (saved_errno));
      return FALSE;
    }

  status = render (format, &sink, data, style, width, height);
  if (status != CAIRO_STATUS_SUCCESS || sink.failed)
    {
      close (sink.fd);
      g_unlink (partial);
      if (sink.failed)
        g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                     _("Could not write the chart file “%s”: %s. Check that there is space on the disk. The old file, if any, is unchanged."),
                     display, g_strerror (sink.saved_errno));
      else
        g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                     _("Could not draw the chart for “%s”: %s. Try a smaller size."),
                     display, cairo_status_to_string (status));
      return FALSE;
    }

  /* fsync before the rename: otherwise a crash could leave an empty file
   * where the old chart was. */
  if (fsync (sink.fd) != 0)
    {
      saved_errno = errno;
      close (sink.fd);
      g_unlink (partial);
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                   _("Could not write the chart file “%s”: %s. Check that there is space on the disk. The old file, if any, is unchanged."),
                   display, g_strerror (saved_errno));
      return FALSE;
    }

  if (close (sink.fd) != 0 || g_rename (partial, path) != 0)
    {
      saved_errno = errno;
      g_unlink (partial);
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                   _("Could not write the chart file “%s”: %s. Check that the name is not a folder and that you can write there."),
                   display, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}
