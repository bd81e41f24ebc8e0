/* error.h: keeping igraph's first error message for the caller, and library versions. */
#ifndef CLOUT_ERROR_H
#define CLOUT_ERROR_H

#include <igraph.h>

/*
 * An igraph error handler that records the first non-empty reason of an
 * error, frees igraph's FINALLY stack and returns. The library never installs
 * it: a program does, with igraph_set_error_handler(clout_error_handler).
 */
void		clout_error_handler(const char *reason, const char *file, int line,
		    igraph_error_t error);
/* The recorded reason (or igraph's text for the code), "" when none. */
const char	*clout_error_message(void);
void		clout_error_reset(void);

/*
 * The call the library is in that cannot recover from running out of
 * memory (docs/OOM.md: igraph 0.10.2's harmonic centrality, HITS and
 * assignment solver, Graphviz with pango, fontconfig and GLib), as a
 * phrase ("harmonic centrality (igraph 0.10.2)"), or NULL. For a program's
 * signal handler: a crash inside one of these is taken for out of memory.
 */
const char	*clout_fatal_section(void);

/* "3.0.3": libcsv's version, from its header (it has no runtime query). */
const char	*clout_csv_version(void);

#endif
