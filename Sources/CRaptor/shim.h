#ifndef NEWSGRAPH_CRAPTOR_SHIM_H
#define NEWSGRAPH_CRAPTOR_SHIM_H
#include <raptor2.h>

/* raptor_new_world() is a macro that Swift cannot import. */
static inline raptor_world *newsgraph_raptor_new_world(void) {
    return raptor_new_world();
}

#endif
