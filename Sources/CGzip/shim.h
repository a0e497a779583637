#ifndef SOCKGRADE_CGZIP_SHIM_H
#define SOCKGRADE_CGZIP_SHIM_H

// zlib's gzip file reader, for .tar.gz submissions. ZIPFoundation brings its
// own CZLib module for .zip; this one is named apart so the two never clash.
#include <zlib.h>

#endif
