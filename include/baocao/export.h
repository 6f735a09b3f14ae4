/* baocao/export.h: BC_EXPORT, which marks the public API's functions; the
 * library is built with -fvisibility=hidden, so nothing else is exported. */
#ifndef BAOCAO_EXPORT_H
#define BAOCAO_EXPORT_H

#if defined(_WIN32)
#define BC_EXPORT
#elif defined(__GNUC__) || defined(__clang__)
#define BC_EXPORT __attribute__((visibility("default")))
#else
#define BC_EXPORT
#endif

#endif
