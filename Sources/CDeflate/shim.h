// libdeflate, as Debian's libdeflate-dev installs it: whole-buffer DEFLATE/zlib compression and
// the CRC-32 and Adler-32 checksums PNG needs.
#ifndef GMMVIZ_CDEFLATE_SHIM_H
#define GMMVIZ_CDEFLATE_SHIM_H
#include <libdeflate.h>
#endif
