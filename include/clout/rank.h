/* rank.h: key-actor metrics computed by igraph on an influence network. */
#ifndef CLOUT_RANK_H
#define CLOUT_RANK_H

#include <clout/network.h>

/* The metrics of `clout rank`, in output order. */
enum clout_metric {
	CLOUT_METRIC_OUT_STRENGTH,
	CLOUT_METRIC_IN_STRENGTH,
	CLOUT_METRIC_POWER,
	CLOUT_METRIC_EXPOSURE,
	CLOUT_METRIC_BETWEENNESS,
	CLOUT_METRIC_HARMONIC_OUT,
	CLOUT_METRIC_HARMONIC_IN,
	CLOUT_METRIC_HUB,
	CLOUT_METRIC_AUTHORITY,
	CLOUT_METRIC_REACH,
	CLOUT_METRIC_COUNT
};

struct clout_metric_info {
	const char	*name;		/* column name, stable for scripts */
	const char	*summary;	/* one plain sentence for analysts */
};

const struct clout_metric_info *clout_metric_info(enum clout_metric metric);
/* The metric with this column name, or -1. */
int		clout_metric_find(const char *name);

/*
 * Scores of every vertex for the selected metrics. values[m] has one entry
 * per vertex when metric m was computed and is empty otherwise; NaN marks a
 * value that is undefined (harmonic centrality of a one-vertex network).
 */
struct clout_scores {
	unsigned int	 computed;	/* bit m set: metric m is in values[m] */
	igraph_vector_t	 values[CLOUT_METRIC_COUNT];
};

igraph_error_t	clout_scores_init(struct clout_scores *scores);
void		clout_scores_destroy(struct clout_scores *scores);

/*
 * Compute the metrics whose bits are set in mask (1u << metric). Weights are
 * strengths; path-based metrics use the cost 1/weight; signs and confidence
 * are ignored. Undirected networks read every relation both ways.
 *
 * Time complexity: strengths O(|E|); PageRank and HITS about O(|E|) per
 * iteration; betweenness, harmonic and reach O(|V| |E| log |V|).
 */
igraph_error_t	clout_rank_compute(const struct clout_network *net, unsigned int mask,
		    struct clout_scores *scores);

/*
 * Sort vertex ids by a score vector, highest first, undefined (NaN) last,
 * ties by id: the order of `clout rank` and of a map's --top. Scores equal to
 * about 12 significant digits tie, so rounding noise does not order them.
 * Time complexity: O(n log n) for n vertices.
 */
void		clout_rank_sort(const struct clout_network *net, const igraph_vector_t *key,
		    igraph_vector_int_t *vertices);

#endif
