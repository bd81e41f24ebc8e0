/* rank.c: key-actor metrics, each computed by igraph with clout's weight conventions. */
#include <math.h>
#include <string.h>

#include "clout_internal.h"

static const struct clout_metric_info metrics[CLOUT_METRIC_COUNT] = {
	[CLOUT_METRIC_OUT_STRENGTH] = { "out_strength",
	    "Sum of the weights of the relations it exerts: how much direct influence it applies." },
	[CLOUT_METRIC_IN_STRENGTH] = { "in_strength",
	    "Sum of the weights of the relations it receives: how much direct influence bears on it." },
	[CLOUT_METRIC_POWER] = { "power",
	    "PageRank on the reversed network: high when it influences actors who are themselves powerful." },
	[CLOUT_METRIC_EXPOSURE] = { "exposure",
	    "PageRank on the network as it is: how much influence flows into it, directly and indirectly." },
	[CLOUT_METRIC_BETWEENNESS] = { "betweenness",
	    "Share of the strongest influence chains between other vertices that pass through it: a broker." },
	[CLOUT_METRIC_HARMONIC_OUT] = { "harmonic_out",
	    "Mean closeness (1/path cost) to every vertex it can reach along the influence direction." },
	[CLOUT_METRIC_HARMONIC_IN] = { "harmonic_in",
	    "Mean closeness (1/path cost) from every vertex that can reach it: how near influence sources are." },
	[CLOUT_METRIC_HUB] = { "hub",
	    "HITS hub score, maximum 1: high when it influences vertices that many strong influencers target." },
	[CLOUT_METRIC_AUTHORITY] = { "authority",
	    "HITS authority score, maximum 1: high when strong hubs influence it." },
	[CLOUT_METRIC_REACH] = { "reach",
	    "How many other vertices it can influence, directly or through others." },
};

const struct clout_metric_info *
clout_metric_info(enum clout_metric metric)
{
	return metric >= 0 && metric < CLOUT_METRIC_COUNT ? &metrics[metric] : NULL;
}

int
clout_metric_find(const char *name)
{
	int	m;

	for (m = 0; m < CLOUT_METRIC_COUNT; m++)
		if (strcmp(metrics[m].name, name) == 0)
			return m;
	return -1;
}

struct sort_context {
	const igraph_vector_t		*key;
	const igraph_strvector_t	*id;
};

/*
 * x with its mantissa rounded to 40 bits (about 12 digits), so that scores
 * equal in exact arithmetic but apart by rounding (two issues with the same
 * single relation) usually tie and fall back to the id: two values astride
 * a rounding boundary still differ, which is rare. Rounding, unlike
 * comparing within a tolerance, keeps the order transitive.
 */
static double
rounded(double x)
{
	int	exponent;
	double	mantissa;

	if (!isfinite(x) || x == 0)
		return x;
	mantissa = frexp(x, &exponent);
	return ldexp(round(ldexp(mantissa, 40)), exponent - 40);
}

/* Highest first, undefined last, then by id. */
static int
by_score(void *data, const void *a, const void *b)
{
	const struct sort_context	*s = data;
	igraph_integer_t		 i = *(const igraph_integer_t *)a;
	igraph_integer_t		 j = *(const igraph_integer_t *)b;
	double				 x = rounded(VECTOR(*s->key)[i]);
	double				 y = rounded(VECTOR(*s->key)[j]);

	if (isnan(x) != isnan(y))
		return isnan(x) ? 1 : -1;
	if (!isnan(x) && x != y)
		return x > y ? -1 : 1;
	return strcmp(igraph_strvector_get(s->id, i), igraph_strvector_get(s->id, j));
}

void
clout_rank_sort(const struct clout_network *net, const igraph_vector_t *key,
    igraph_vector_int_t *vertices)
{
	struct sort_context	ctx = { key, &net->id };

	igraph_qsort_r(VECTOR(*vertices), (size_t)igraph_vector_int_size(vertices),
	    sizeof(igraph_integer_t), &ctx, by_score);
}

igraph_error_t
clout_scores_init(struct clout_scores *scores)
{
	int	m;

	scores->computed = 0;
	for (m = 0; m < CLOUT_METRIC_COUNT; m++) {
		if (igraph_vector_init(&scores->values[m], 0) != IGRAPH_SUCCESS) {
			while (m-- > 0)
				igraph_vector_destroy(&scores->values[m]);
			IGRAPH_ERROR("out of memory", IGRAPH_ENOMEM);
		}
	}
	return IGRAPH_SUCCESS;
}

void
clout_scores_destroy(struct clout_scores *scores)
{
	int	m;

	for (m = 0; m < CLOUT_METRIC_COUNT; m++)
		igraph_vector_destroy(&scores->values[m]);
}

/* The same vertices with every edge turned round; edge ids (and so weights) keep their order. */
static igraph_error_t
reversed_graph(const igraph_t *graph, igraph_t *reversed)
{
	igraph_vector_int_t	edges;
	igraph_integer_t	e, m = igraph_ecount(graph), tmp;

	IGRAPH_VECTOR_INT_INIT_FINALLY(&edges, 0);
	IGRAPH_CHECK(igraph_get_edgelist(graph, &edges, 0));
	for (e = 0; e < m; e++) {
		tmp = VECTOR(edges)[2 * e];
		VECTOR(edges)[2 * e] = VECTOR(edges)[2 * e + 1];
		VECTOR(edges)[2 * e + 1] = tmp;
	}
	IGRAPH_CHECK(igraph_create(reversed, &edges, igraph_vcount(graph), IGRAPH_DIRECTED));
	igraph_vector_int_destroy(&edges);
	IGRAPH_FINALLY_CLEAN(1);
	return IGRAPH_SUCCESS;
}

static igraph_error_t
pagerank(const igraph_t *graph, const igraph_vector_t *weight, igraph_bool_t reverse,
    igraph_vector_t *res)
{
	igraph_t	reversed;
	igraph_real_t	value;

	if (igraph_vcount(graph) == 0)
		return igraph_vector_resize(res, 0);
	if (!reverse || !igraph_is_directed(graph))
		return igraph_pagerank(graph, IGRAPH_PAGERANK_ALGO_PRPACK, res, &value,
		    igraph_vss_all(), igraph_is_directed(graph), 0.85, weight, NULL);
	IGRAPH_CHECK(reversed_graph(graph, &reversed));
	IGRAPH_FINALLY(igraph_destroy, &reversed);
	IGRAPH_CHECK(igraph_pagerank(&reversed, IGRAPH_PAGERANK_ALGO_PRPACK, res, &value,
	    igraph_vss_all(), 1, 0.85, weight, NULL));
	igraph_destroy(&reversed);
	IGRAPH_FINALLY_CLEAN(1);
	return IGRAPH_SUCCESS;
}

/* docs/OOM.md: igraph 0.10.2 dereferences a failed allocation here */
#define HARMONIC	"harmonic centrality (igraph 0.10.2)"

igraph_error_t
clout_rank_compute(const struct clout_network *net, unsigned int mask, struct clout_scores *scores)
{
	const igraph_t		*g = &net->graph;
	const igraph_vector_t	*w = &net->weight;
	igraph_integer_t	 n = igraph_vcount(g), m = igraph_ecount(g), i;
	igraph_bool_t		 directed = igraph_is_directed(g);
	igraph_vector_t		 cost;
	igraph_vector_int_t	 counts;
	igraph_real_t		 value;
	const char		*section;
	igraph_error_t		 ret;

	if (igraph_vector_size(w) != m)
		IGRAPH_ERROR("weight vector does not match the relations", IGRAPH_EINVAL);
	for (i = 0; i < m; i++)
		if (!(VECTOR(*w)[i] > 0) || !isfinite(VECTOR(*w)[i]))
			IGRAPH_ERROR("weights must be finite and greater than 0", IGRAPH_EINVAL);

	/* strong ties are short: path-based metrics use the cost 1/weight */
	IGRAPH_VECTOR_INIT_FINALLY(&cost, m);
	for (i = 0; i < m; i++)
		VECTOR(cost)[i] = 1.0 / VECTOR(*w)[i];
	IGRAPH_VECTOR_INT_INIT_FINALLY(&counts, 0);

	scores->computed = 0;
	if (mask & (1u << CLOUT_METRIC_OUT_STRENGTH))
		IGRAPH_CHECK(igraph_strength(g, &scores->values[CLOUT_METRIC_OUT_STRENGTH],
		    igraph_vss_all(), IGRAPH_OUT, IGRAPH_NO_LOOPS, w));
	if (mask & (1u << CLOUT_METRIC_IN_STRENGTH))
		IGRAPH_CHECK(igraph_strength(g, &scores->values[CLOUT_METRIC_IN_STRENGTH],
		    igraph_vss_all(), IGRAPH_IN, IGRAPH_NO_LOOPS, w));
	if (mask & (1u << CLOUT_METRIC_POWER))
		IGRAPH_CHECK(pagerank(g, w, 1, &scores->values[CLOUT_METRIC_POWER]));
	if (mask & (1u << CLOUT_METRIC_EXPOSURE))
		IGRAPH_CHECK(pagerank(g, w, 0, &scores->values[CLOUT_METRIC_EXPOSURE]));
	if (mask & (1u << CLOUT_METRIC_BETWEENNESS)) {
		igraph_vector_t	*b = &scores->values[CLOUT_METRIC_BETWEENNESS];
		/* ordered pairs of others in a digraph; unordered ones otherwise */
		double		 pairs = (double)(n - 1) * (double)(n - 2) / (directed ? 1.0 : 2.0);

		IGRAPH_CHECK(igraph_betweenness(g, b, igraph_vss_all(), directed, &cost));
		for (i = 0; i < n; i++)
			VECTOR(*b)[i] = n < 3 ? 0.0 : VECTOR(*b)[i] / pairs;
	}
	if (mask & (1u << CLOUT_METRIC_HARMONIC_OUT)) {
		igraph_vector_t	*h = &scores->values[CLOUT_METRIC_HARMONIC_OUT];

		section = clout_i_fatal_enter(HARMONIC);
		ret = igraph_harmonic_centrality(g, h, igraph_vss_all(), IGRAPH_OUT, &cost, 1);
		clout_i_fatal_leave(section);
		IGRAPH_CHECK(ret);
		if (n == 1)
			VECTOR(*h)[0] = NAN;	/* no other vertex to be close to */
	}
	if (mask & (1u << CLOUT_METRIC_HARMONIC_IN)) {
		igraph_vector_t	*h = &scores->values[CLOUT_METRIC_HARMONIC_IN];

		section = clout_i_fatal_enter(HARMONIC);
		ret = igraph_harmonic_centrality(g, h, igraph_vss_all(), IGRAPH_IN, &cost, 1);
		clout_i_fatal_leave(section);
		IGRAPH_CHECK(ret);
		if (n == 1)
			VECTOR(*h)[0] = NAN;
	}
	if (mask & ((1u << CLOUT_METRIC_HUB) | (1u << CLOUT_METRIC_AUTHORITY))) {
		igraph_vector_t	*hub = &scores->values[CLOUT_METRIC_HUB];
		igraph_vector_t	*auth = &scores->values[CLOUT_METRIC_AUTHORITY];

		if (m == 0) {
			/* no relation: every eigenvalue is 0 and HITS is undefined */
			IGRAPH_CHECK(igraph_vector_resize(hub, n));
			IGRAPH_CHECK(igraph_vector_resize(auth, n));
			igraph_vector_fill(hub, NAN);
			igraph_vector_fill(auth, NAN);
		} else if (!directed) {
			/*
			 * Undirected, A is symmetric and HITS asks for the top eigenvector
			 * of A^2. Its eigenvalue is repeated on bipartite networks (a star),
			 * so take the top eigenvector of A itself: one of HITS's answers,
			 * and the unique one on a connected network.
			 */
			IGRAPH_CHECK(igraph_eigenvector_centrality(g, hub, &value, 0, 1, w, NULL));
			IGRAPH_CHECK(igraph_vector_update(auth, hub));
		} else {
			section = clout_i_fatal_enter("HITS (igraph 0.10.2)");
			ret = igraph_hub_and_authority_scores(g, hub, auth, &value, 1, w, NULL);
			clout_i_fatal_leave(section);
			IGRAPH_CHECK(ret);
		}
		if (!(mask & (1u << CLOUT_METRIC_HUB)))
			IGRAPH_CHECK(igraph_vector_resize(hub, 0));
		if (!(mask & (1u << CLOUT_METRIC_AUTHORITY)))
			IGRAPH_CHECK(igraph_vector_resize(auth, 0));
	}
	if (mask & (1u << CLOUT_METRIC_REACH)) {
		igraph_vector_t	*r = &scores->values[CLOUT_METRIC_REACH];

		IGRAPH_CHECK(igraph_vector_resize(r, n));
		IGRAPH_CHECK(clout_i_reach_counts(g, IGRAPH_OUT, &counts));
		for (i = 0; i < n; i++)
			VECTOR(*r)[i] = (double)VECTOR(counts)[i];
	}
	scores->computed = mask & ((1u << CLOUT_METRIC_COUNT) - 1);
	igraph_vector_int_destroy(&counts);
	igraph_vector_destroy(&cost);
	IGRAPH_FINALLY_CLEAN(2);
	return IGRAPH_SUCCESS;
}
