/* network.h: an influence network: an igraph graph with its actors, issues and relations. */
#ifndef CLOUT_NETWORK_H
#define CLOUT_NETWORK_H

#include <igraph.h>

enum clout_vertex_type {
	CLOUT_VERTEX_ACTOR = 0,
	CLOUT_VERTEX_ISSUE = 1
};

/*
 * Extra columns of an input file, kept as attributes: one string vector per
 * column, with as many entries as there are vertices (or edges).
 */
struct clout_attrs {
	igraph_strvector_t	 names;
	igraph_strvector_t	*values;	/* one per name */
	igraph_integer_t	 capacity;
};

struct clout_strmap;

/*
 * Vertex v is actor or issue number v, in the order the files list them;
 * edge e is merged relation number e, in the order of first appearance.
 * Self-loops are never edges: the loader leaves them out of the network.
 * Vertex and edge vectors are parallel to igraph's ids.
 */
struct clout_network {
	igraph_t		 graph;
	igraph_bool_t		 directed;

	/* vertices */
	igraph_strvector_t	 id, label, kind, bloc, role, notes;
	igraph_vector_int_t	 type;		/* enum clout_vertex_type */
	igraph_vector_int_t	 vertex_line;	/* line in actors.csv or issues.csv */
	struct clout_attrs	 vertex_attrs;
	struct clout_strmap	*index;		/* id -> vertex */

	/* edges: weight is the magnitude (> 0), sign is +1 or -1 */
	igraph_vector_t		 weight, confidence;
	igraph_vector_int_t	 sign;
	igraph_strvector_t	 edge_kind, evidence;
	igraph_vector_int_t	 edge_line;	/* first line in relations.csv */
	struct clout_attrs	 edge_attrs;

	/* case.csv: title, period, summary, directed and any other key */
	igraph_strvector_t	 info_keys, info_values;
	char			*name;		/* the folder's or file's basename */
};

/* An empty directed network. Destroy with clout_network_destroy. */
igraph_error_t	clout_network_init(struct clout_network *net);
void		clout_network_destroy(struct clout_network *net);

igraph_integer_t clout_network_vcount(const struct clout_network *net);
igraph_integer_t clout_network_ecount(const struct clout_network *net);
/* Vertex of an id, or -1. Time complexity: O(length of id) expected. */
igraph_integer_t clout_network_find(const struct clout_network *net, const char *id);
/* A case.csv value (title, period, ...), or NULL when absent or empty. */
const char	*clout_network_info(const struct clout_network *net, const char *key);
igraph_integer_t clout_network_count_type(const struct clout_network *net,
		    enum clout_vertex_type type);
const char	*clout_vertex_type_name(enum clout_vertex_type type);

/*
 * Fill dst (a new, empty network) with src's vertices for which keep_vertex
 * is true and its relations between them for which keep_edge is true (NULL:
 * all), the sign turned round where flip_edge is true (NULL: none). Order,
 * data and attributes carry over; vertex_map[v] is v's id in dst, or -1.
 * Time complexity: O(|V| + |E|) plus the text copied.
 */
igraph_error_t	clout_network_subset(const struct clout_network *src,
		    const igraph_vector_bool_t *keep_vertex, const igraph_vector_bool_t *keep_edge,
		    const igraph_vector_bool_t *flip_edge, struct clout_network *dst,
		    igraph_vector_int_t *vertex_map);

/*
 * igraph_strvector_destroy for a string vector that may be zeroed or whose
 * init failed: igraph 0.10.2 asserts, and so aborts, on those. Leaves sv
 * zeroed, so a second call does nothing.
 */
void		clout_strvector_release(igraph_strvector_t *sv);

/* Attribute columns. */
igraph_error_t	clout_attrs_init(struct clout_attrs *attrs);
void		clout_attrs_destroy(struct clout_attrs *attrs);
/* Index of a column, adding it (filled with "" for n items) when absent. */
igraph_error_t	clout_attrs_column(struct clout_attrs *attrs, const char *name,
		    igraph_integer_t n, igraph_integer_t *column);
/* Append one empty item to every column. */
igraph_error_t	clout_attrs_grow(struct clout_attrs *attrs);

#endif
