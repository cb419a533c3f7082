// Cairo, as Debian's libcairo2-dev installs it: the core API plus the PNG, SVG and PDF surfaces.
#ifndef GMMVIZ_CCAIRO_SHIM_H
#define GMMVIZ_CCAIRO_SHIM_H
#include <cairo/cairo.h>
#include <cairo/cairo-svg.h>
#include <cairo/cairo-pdf.h>
#endif
