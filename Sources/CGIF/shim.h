// giflib 5.x, as Debian's libgif-dev installs it.
#ifndef GMMVIZ_CGIF_SHIM_H
#define GMMVIZ_CGIF_SHIM_H
#include <gif_lib.h>
#endif
