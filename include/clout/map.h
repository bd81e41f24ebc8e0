/* map.h: influence maps: which actors, issues and relations to draw, and how they look. */
#ifndef CLOUT_MAP_H
#define CLOUT_MAP_H

#include <clout/network.h>
#include <clout/rank.h>
#include <clout/render.h>

/* What fills the shapes. */
enum clout_map_colour {
	CLOUT_COLOUR_BLOC,
	CLOUT_COLOUR_KIND,
	CLOUT_COLOUR_TYPE,		/* actor or issue */
	CLOUT_COLOUR_COMMUNITY,		/* Leiden on the positive ties, as clout blocs (seed 42) */
	CLOUT_COLOUR_COUNT
};

/* What the labelled boxes (Graphviz clusters) gather. */
enum clout_map_group {
	CLOUT_GROUP_NONE,
	CLOUT_GROUP_BLOC,
	CLOUT_GROUP_KIND,
	CLOUT_GROUP_COUNT
};

const char	*clout_map_colour_name(enum clout_map_colour colour);
int		clout_map_colour_find(const char *name);
const char	*clout_map_group_name(enum clout_map_group group);
int		clout_map_group_find(const char *name);

/* Networks with more vertices than this are not drawn whole unless forced ... */
#define CLOUT_MAP_LARGE		2000
/* ... but as this many vertices, the highest by the size metric. */
#define CLOUT_MAP_LARGE_TOP	200

struct clout_map_options {
	enum clout_metric	 size_by;
	enum clout_map_colour	 colour_by;
	enum clout_map_group	 cluster_by;
	enum clout_engine	 engine;
	const char		*focus;		/* NULL: the whole network; else an ego map */
	igraph_integer_t	 depth;		/* steps from the focus, at least 1 */
	igraph_integer_t	 top;		/* keep this many vertices; -1: no limit */
	double			 min_weight;	/* draw relations at least this strong; 0: all */
	int			 actors_only;
	int			 force;		/* no thinning of large or dense networks */
	const char		*title;		/* NULL: the case's title */
};

/* Defaults: size by power, colour by bloc, no clusters, engine auto, no thinning asked. */
void		clout_map_options_default(struct clout_map_options *opts);

/*
 * Turn a network into a drawing: select the vertices (actors only, the
 * focus's neighbourhood, the top N by the size metric) and the relations
 * between them (at least min_weight), apply the default thinning of large
 * and dense networks unless forced, pick an engine that cannot run for
 * ever, and style everything: sizes, colours, shapes, pens, tooltips,
 * title, caption and legend. Metrics are computed on the whole network.
 *
 * notices receives one sentence per thinning applied, for standard error
 * (the caption says the same). Errors (IGRAPH_EINVAL, with a reason for
 * clout_error_message()): an unknown focus, a choice that is not available,
 * an engine asked for a network it would take too long to lay out.
 *
 * Time complexity: that of the metrics (see rank.h), O(|V| log |V| + |E| log |E|) besides.
 */
igraph_error_t	clout_map_build(const struct clout_network *net,
		    const struct clout_map_options *opts, struct clout_drawing *drawing,
		    igraph_strvector_t *notices);

#endif
