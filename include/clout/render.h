/* render.h: drawing networks with Graphviz. */
#ifndef CLOUT_RENDER_H
#define CLOUT_RENDER_H

#include <igraph.h>

/*
 * The version of the Graphviz library clout runs with, copied into buf.
 * Returns IGRAPH_FAILURE when Graphviz cannot start.
 */
igraph_error_t	clout_render_version(char *buf, size_t size);

#endif
