/* load.h: reading a case (a folder of CSV files, or one edge-list CSV) into a network. */
#ifndef CLOUT_LOAD_H
#define CLOUT_LOAD_H

#include <clout/diag.h>
#include <clout/network.h>

/*
 * Load the case at path into net (initialised by the caller, still empty).
 * path is a folder holding actors.csv, relations.csv and optionally issues.csv
 * and case.csv; or a single CSV edge list whose header has source and target;
 * or "-" for an edge list on standard input.
 *
 * Every problem of the data is recorded in diags (initialised by the caller),
 * sorted by file and line; unless the caller set diags->limit, the first 100
 * of each file are listed and one more item says how many were left out.
 * Returns IGRAPH_PARSEERROR when any of them is an error, IGRAPH_ENOMEM when
 * memory runs out, and IGRAPH_SUCCESS otherwise (the network may then still
 * carry warnings). On failure net holds a partial
 * network (the valid rows of the data): count it, or destroy it.
 *
 * Time complexity: O(size of the files), expected.
 */
igraph_error_t	clout_load_case(struct clout_network *net, struct clout_diags *diags,
		    const char *path);

/*
 * Strict decimal numbers: [+-]digits[.digits][(e|E)[+-]digits], finite. 0 when
 * text is one; 1 when it is not that shape (hex, inf, nan, a comma...); 2 when it
 * is beyond the largest double; 3 when it is too close to 0 (below the smallest
 * normal double, 2.2e-308, as 1e-400). -0 is read, as 0.
 */
int		clout_parse_decimal(const char *text, double *value);

#endif
