#ifndef P2G_CLIBPQ_SHIM_H
#define P2G_CLIBPQ_SHIM_H
// libpq, PostgreSQL's C client library (Debian: libpq-dev).
#include <libpq-fe.h>
#endif
