/* communities.c: communities of the positive ties (Leiden modularity, Infomap) and their agreement with the blocs. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "clout_internal.h"

igraph_error_t
clout_communities_init(struct clout_communities *c)
{
	memset(c, 0, sizeof c[0]);
	IGRAPH_VECTOR_INT_INIT_FINALLY(&c->leiden, 0);
	IGRAPH_VECTOR_INT_INIT_FINALLY(&c->infomap, 0);
	IGRAPH_FINALLY_CLEAN(2);
	c->modularity = c->infomap_codelength = c->infomap_modularity = NAN;
	c->nmi_bloc = c->ari_bloc = c->infomap_nmi_bloc = c->infomap_ari_bloc = NAN;
	return IGRAPH_SUCCESS;
}

void
clout_communities_destroy(struct clout_communities *c)
{
	igraph_vector_int_destroy(&c->leiden);
	igraph_vector_int_destroy(&c->infomap);
}

/*
 * Renumber a membership in place: -1 where strength[v] == 0 (no positive
 * tie), else 0 .. count-1 in order of first appearance (then numbered by
 * id with clout_i_number_by_id). Returns the number of communities.
 */
static igraph_error_t
canonical(igraph_vector_int_t *membership, const igraph_vector_t *strength,
    igraph_integer_t *count)
{
	igraph_integer_t	 v, n = igraph_vector_int_size(membership), *renamed;

	renamed = calloc((size_t)n + 1, sizeof renamed[0]);
	CLOUT_CHECK_ALLOC(renamed);
	for (v = 0; v < n; v++)
		renamed[v] = -1;
	*count = 0;
	for (v = 0; v < n; v++) {
		igraph_integer_t	old = VECTOR(*membership)[v];

		if (VECTOR(*strength)[v] == 0) {
			VECTOR(*membership)[v] = -1;
			continue;
		}
		if (old < 0 || old >= n) {
			free(renamed);
			IGRAPH_ERROR("a community number out of range", IGRAPH_FAILURE);
		}
		if (renamed[old] < 0)
			renamed[old] = (*count)++;
		VECTOR(*membership)[v] = renamed[old];
	}
	free(renamed);
	return IGRAPH_SUCCESS;
}

/* How many runs a search gets: work / (|V| + |E|), within [least, most]. */
static igraph_integer_t
runs_for(const igraph_t *graph, double work, igraph_integer_t least, igraph_integer_t most)
{
	double	runs = floor(work / (double)(igraph_vcount(graph) + igraph_ecount(graph) + 1));

	return runs < (double)least ? least : runs > (double)most ? most : (igraph_integer_t)runs;
}

/*
 * Leiden with the modularity objective: igraph's Leiden optimises
 * 1/(2m) sum_ij (A_ij - gamma n_i n_j) delta(c_i, c_j), which is Newman's
 * modularity with node weights n_i = strengths and gamma = 1 / (2m). The
 * best of runs_for() runs is kept; its quality must then equal
 * igraph_modularity, or something is wrong.
 */
static igraph_error_t
leiden(const igraph_t *graph, const igraph_vector_t *weight, const igraph_vector_t *strength,
    igraph_uint_t seed, struct clout_communities *c)
{
	igraph_vector_int_t	run;
	igraph_integer_t	r, runs, clusters;
	double			total = igraph_vector_sum(strength), quality, best = -INFINITY, q;

	IGRAPH_CHECK(igraph_vector_int_resize(&c->leiden, igraph_vcount(graph)));
	IGRAPH_VECTOR_INT_INIT_FINALLY(&run, igraph_vcount(graph));
	IGRAPH_CHECK(igraph_rng_seed(igraph_rng_default(), seed));
	runs = runs_for(graph, CLOUT_LEIDEN_WORK, CLOUT_LEIDEN_MIN_RUNS, CLOUT_LEIDEN_MAX_RUNS);
	for (r = 0; r < runs; r++) {
		IGRAPH_CHECK(igraph_community_leiden(graph, weight, strength, 1 / total, 0.01, 0, -1,
		    &run, &clusters, &quality));
		if (quality > best) {
			best = quality;
			IGRAPH_CHECK(igraph_vector_int_update(&c->leiden, &run));
		}
	}
	IGRAPH_CHECK(igraph_modularity(graph, &c->leiden, weight, 1, 0, &q));
	if (!(fabs(q - best) <= 1e-9))
		IGRAPH_ERRORF("internal error: Leiden's quality %.12g is not the modularity %.12g "
		    "of its partition", IGRAPH_FAILURE, best, q);
	c->modularity = q;
	igraph_vector_int_destroy(&run);
	IGRAPH_FINALLY_CLEAN(1);
	return IGRAPH_SUCCESS;
}

/* Values within 1e-12 of 0 or 1 are 0 or 1. */
static double
snap(double x)
{
	return fabs(x) < 1e-12 ? 0 : fabs(x - 1) < 1e-12 ? 1 : x;
}

/* Renumber labels (any non-negative numbers) 0, 1, ... in order of first appearance. */
static igraph_error_t
first_seen(igraph_vector_int_t *labels, igraph_integer_t *count)
{
	igraph_integer_t	i, j, size = igraph_vector_int_size(labels);
	igraph_vector_int_t	seen;

	IGRAPH_VECTOR_INT_INIT_FINALLY(&seen, 0);
	for (i = 0; i < size; i++) {
		for (j = 0; j < igraph_vector_int_size(&seen); j++)
			if (VECTOR(seen)[j] == VECTOR(*labels)[i])
				break;
		if (j == igraph_vector_int_size(&seen))
			IGRAPH_CHECK(igraph_vector_int_push_back(&seen, VECTOR(*labels)[i]));
		VECTOR(*labels)[i] = j;
	}
	*count = igraph_vector_int_size(&seen);
	igraph_vector_int_destroy(&seen);
	IGRAPH_FINALLY_CLEAN(1);
	return IGRAPH_SUCCESS;
}

/*
 * Agreement of a membership with the bloc column over the actors with a
 * bloc: NMI and adjusted Rand index, NaN where undefined.
 */
static igraph_error_t
agreement(const struct clout_network *net, const igraph_vector_int_t *membership,
    double *nmi, double *ari, igraph_integer_t *compared)
{
	igraph_vector_int_t	 blocs, groups;
	igraph_strvector_t	 names;
	igraph_integer_t	 v, i, n = clout_network_vcount(net), apart = 0;
	igraph_integer_t	 nb, ng, *size_b, *size_g;
	double			 pairs_b = 0, pairs_g = 0, all;

	*nmi = *ari = NAN;
	IGRAPH_VECTOR_INT_INIT_FINALLY(&blocs, 0);
	IGRAPH_VECTOR_INT_INIT_FINALLY(&groups, 0);
	IGRAPH_CHECK(igraph_strvector_init(&names, 0));
	IGRAPH_FINALLY(igraph_strvector_destroy, &names);
	for (v = 0; v < n; v++) {
		const char	*bloc = igraph_strvector_get(&net->bloc, v);
		igraph_integer_t g = VECTOR(*membership)[v];

		if (VECTOR(net->type)[v] != CLOUT_VERTEX_ACTOR || bloc[0] == '\0')
			continue;
		for (i = 0; i < igraph_strvector_size(&names); i++)
			if (strcmp(igraph_strvector_get(&names, i), bloc) == 0)
				break;
		if (i == igraph_strvector_size(&names))
			IGRAPH_CHECK(igraph_strvector_push_back(&names, bloc));
		IGRAPH_CHECK(igraph_vector_int_push_back(&blocs, i));
		/* without a positive tie, an actor is a community of its own */
		IGRAPH_CHECK(igraph_vector_int_push_back(&groups, g >= 0 ? g : n + apart++));
	}
	*compared = igraph_vector_int_size(&blocs);
	if (*compared >= 2) {
		IGRAPH_CHECK(first_seen(&blocs, &nb));
		IGRAPH_CHECK(first_seen(&groups, &ng));
		/* ARI is 0/0 when both partitions are one group, or both all singletons */
		size_b = calloc((size_t)(nb + ng) + 1, sizeof size_b[0]);
		CLOUT_CHECK_ALLOC(size_b);
		size_g = size_b + nb;
		for (i = 0; i < *compared; i++) {
			size_b[VECTOR(blocs)[i]]++;
			size_g[VECTOR(groups)[i]]++;
		}
		for (i = 0; i < nb; i++)
			pairs_b += (double)size_b[i] * (double)(size_b[i] - 1) / 2;
		for (i = 0; i < ng; i++)
			pairs_g += (double)size_g[i] * (double)(size_g[i] - 1) / 2;
		free(size_b);
		all = (double)*compared * (double)(*compared - 1) / 2;
		if (!(nb == 1 && ng == 1)) {
			IGRAPH_CHECK(igraph_compare_communities(&blocs, &groups, nmi,
			    IGRAPH_COMMCMP_NMI));
			if (!((pairs_b == 0 && pairs_g == 0) || (pairs_b == all && pairs_g == all)))
				IGRAPH_CHECK(igraph_compare_communities(&blocs, &groups, ari,
				    IGRAPH_COMMCMP_ADJUSTED_RAND));
		}
	}
	/* rounding noise: -2e-16 would print as -0.0000 */
	*nmi = snap(*nmi);
	*ari = snap(*ari);
	igraph_strvector_destroy(&names);
	igraph_vector_int_destroy(&groups);
	igraph_vector_int_destroy(&blocs);
	IGRAPH_FINALLY_CLEAN(3);
	return IGRAPH_SUCCESS;
}

igraph_error_t
clout_communities_compute(const struct clout_network *net, igraph_uint_t seed,
    struct clout_communities *c)
{
	igraph_t		undirected, directed;
	igraph_vector_t		sum, weight, strength;
	igraph_vector_int_t	keep;
	igraph_integer_t	e, n = clout_network_vcount(net);

	c->seed = seed;
	c->leiden_count = c->infomap_count = 0;
	c->modularity = c->infomap_codelength = c->infomap_modularity = NAN;
	IGRAPH_CHECK(igraph_vector_int_resize(&c->leiden, n));
	IGRAPH_CHECK(igraph_vector_int_resize(&c->infomap, n));
	igraph_vector_int_fill(&c->leiden, -1);
	igraph_vector_int_fill(&c->infomap, -1);

	/* undirected: one tie per pair, the weights of its positive relations summed */
	IGRAPH_VECTOR_INIT_FINALLY(&sum, 0);
	IGRAPH_CHECK(clout_i_pair_sums(net, 1, &undirected, &sum));
	IGRAPH_FINALLY(igraph_destroy, &undirected);
	IGRAPH_VECTOR_INIT_FINALLY(&strength, 0);
	IGRAPH_CHECK(igraph_strength(&undirected, &strength, igraph_vss_all(), IGRAPH_ALL, 0, &sum));

	/* directed: the positive relations as they are */
	IGRAPH_VECTOR_INT_INIT_FINALLY(&keep, 0);
	IGRAPH_VECTOR_INIT_FINALLY(&weight, 0);
	for (e = 0; e < clout_network_ecount(net); e++) {
		if (VECTOR(net->sign)[e] <= 0)
			continue;
		IGRAPH_CHECK(igraph_vector_int_push_back(&keep, IGRAPH_FROM(&net->graph, e)));
		IGRAPH_CHECK(igraph_vector_int_push_back(&keep, IGRAPH_TO(&net->graph, e)));
		IGRAPH_CHECK(igraph_vector_push_back(&weight, VECTOR(net->weight)[e]));
	}
	IGRAPH_CHECK(igraph_create(&directed, &keep, n, net->directed));
	IGRAPH_FINALLY(igraph_destroy, &directed);

	if (igraph_ecount(&undirected) > 0) {
		IGRAPH_CHECK(leiden(&undirected, &sum, &strength, seed, c));
		IGRAPH_CHECK(canonical(&c->leiden, &strength, &c->leiden_count));
		IGRAPH_CHECK(clout_i_number_by_id(net, &c->leiden, c->leiden_count));

		IGRAPH_CHECK(igraph_rng_seed(igraph_rng_default(), seed));
		IGRAPH_CHECK(igraph_community_infomap(&directed, &weight, NULL, runs_for(&directed,
		    CLOUT_INFOMAP_WORK, CLOUT_INFOMAP_MIN_TRIALS, CLOUT_INFOMAP_MAX_TRIALS),
		    &c->infomap, &c->infomap_codelength));
		IGRAPH_CHECK(igraph_modularity(&directed, &c->infomap, &weight, 1, 1,
		    &c->infomap_modularity));
		IGRAPH_CHECK(canonical(&c->infomap, &strength, &c->infomap_count));
		IGRAPH_CHECK(clout_i_number_by_id(net, &c->infomap, c->infomap_count));
	}
	IGRAPH_CHECK(agreement(net, &c->leiden, &c->nmi_bloc, &c->ari_bloc, &c->bloc_actor_count));
	IGRAPH_CHECK(agreement(net, &c->infomap, &c->infomap_nmi_bloc, &c->infomap_ari_bloc,
	    &c->bloc_actor_count));
	/* no community at all: nothing to agree or disagree with the blocs */
	if (c->leiden_count == 0)
		c->nmi_bloc = c->ari_bloc = NAN;
	if (c->infomap_count == 0)
		c->infomap_nmi_bloc = c->infomap_ari_bloc = NAN;

	igraph_destroy(&directed);
	igraph_vector_destroy(&weight);
	igraph_vector_int_destroy(&keep);
	igraph_vector_destroy(&strength);
	igraph_destroy(&undirected);
	igraph_vector_destroy(&sum);
	IGRAPH_FINALLY_CLEAN(6);
	return IGRAPH_SUCCESS;
}
