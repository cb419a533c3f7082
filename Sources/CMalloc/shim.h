// glibc's allocator settings (mallopt), which Swift's Glibc module does not export.
#ifndef GMMVIZ_CMALLOC_SHIM_H
#define GMMVIZ_CMALLOC_SHIM_H
#include <malloc.h>
#endif
