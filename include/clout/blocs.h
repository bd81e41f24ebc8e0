/* blocs.h: who sides with whom: signed structure (balance, frustration, camps, PN) and communities. */
#ifndef CLOUT_BLOCS_H
#define CLOUT_BLOCS_H

#include <clout/network.h>

/*
 * The undirected signed view of a network: one tie per unordered pair of
 * distinct vertices (actors and issues alike) with any relation between
 * them; its value is the sum of sign * weight over those relations, both
 * directions. The tie's sign is the sign of that sum; a sum of exactly 0
 * means no signed tie (opposite relations that cancel out). Everything in
 * struct clout_signed uses these binary signs, not the weights.
 */

/*
 * The frustration index is searched exactly, by branch and bound, within
 * this many search nodes over the whole network (a count, not a time, so
 * that a case always gives the same answer); past it, a local search gives
 * an upper bound and frustration_exact is false.
 */
#define CLOUT_FRUSTRATION_BUDGET	20000000
/* Walk balance needs all eigenvalues: skipped (NaN) above this many vertices. */
#define CLOUT_WALK_BALANCE_MAX		3000

/*
 * balanced_triangle_share: balanced triangles (product of signs +) over
 * all triangles of the signed view (Cartwright & Harary 1956), NaN without
 * a triangle. walk_balance: K = tr(e^A) / tr(e^|A|) over every vertex
 * (Estrada & Benzi 2014), 1 exactly when balanced, NaN above
 * CLOUT_WALK_BALANCE_MAX vertices. frustration_index: the fewest ties that
 * violate a split of the vertices into two camps (a positive tie across,
 * or a negative tie inside); frustration_lower_bound equals it when
 * frustration_exact, else it is what the search proved. camp: each
 * vertex's side of that split, -1 for a vertex without signed ties; camps
 * are numbered over the whole network in order of the smallest id they
 * hold (byte order: camp 0 holds the smallest id with a signed tie), two
 * per connected component of the view at most. pn: PN centrality
 * (Everett & Borgatti 2014) of every vertex, with A = P - 2N over all
 * vertices, PN = (I - A / (2n - 2))^-1 1; NaN when that matrix is singular
 * (two vertices with a negative tie). swing marks the vertices whose camp
 * is a tie-break (see below).
 */
struct clout_signed {
	double			 balanced_triangle_share;	/* NaN: no triangle */
	double			 walk_balance;			/* NaN: not computed (too large) */
	igraph_integer_t	 frustration_index;
	igraph_bool_t		 frustration_exact;
	igraph_vector_int_t	 camp;	/* per vertex: camp number, -1 without signed ties */
	igraph_integer_t	 camp_count;
	igraph_vector_t		 pn;	/* per vertex: PN centrality */

	igraph_integer_t	 tie_count, negative_tie_count;	/* of the signed view */
	igraph_integer_t	 triangle_count, balanced_triangle_count;
	igraph_integer_t	 frustration_lower_bound;
	igraph_integer_t	 component_count;	/* with at least one signed tie */
	igraph_integer_t	 search_nodes;		/* spent by the branch and bound */
	/*
	 * per vertex: 1 when it could move alone to the other camp of its
	 * component at no cost (as many of its ties violated either way: its
	 * camp is one choice among equals), 0 if not, -1 without signed ties
	 */
	igraph_vector_int_t	 swing;
};

igraph_error_t	clout_signed_init(struct clout_signed *s);
void		clout_signed_destroy(struct clout_signed *s);

/*
 * Compute the signed structure of the network's undirected signed view.
 * Time complexity: O(|V|^3) for the walk balance and PN (dense eigenvalues
 * and one LU factorisation); the frustration index is NP-hard and bounded
 * by CLOUT_FRUSTRATION_BUDGET search nodes of O(|V|) each.
 */
igraph_error_t	clout_signed_compute(const struct clout_network *net, struct clout_signed *s);

/*
 * The camps alone (as in clout_signed_compute, same numbering), their
 * frustration index and whether it is proved optimal; nodes (may be NULL):
 * the search nodes spent. Skips triangles, walk balance and PN, so it costs
 * the search only: what `clout whatif` needs for every scenario.
 */
igraph_error_t	clout_signed_camps(const struct clout_network *net, igraph_vector_int_t *camp,
		    igraph_integer_t *camp_count, igraph_integer_t *frustration,
		    igraph_bool_t *exact, igraph_integer_t *nodes);

/*
 * Frustration of one simple undirected signed graph (sign[e] is +1 or -1
 * for edge e): the index, whether the search proved it, a lower bound, and
 * per vertex its camp (-1 for isolated vertices), numbered by the first
 * vertex index each holds: a graph has no ids, so clout_signed_compute and
 * clout_signed_camps renumber them by id afterwards.
 * budget limits the search nodes (0: local search only); *nodes receives
 * those spent (may be NULL). When several splits reach the minimum, the
 * one kept is the first the deterministic search meets.
 */
igraph_error_t	clout_signed_frustration(const igraph_t *graph, const igraph_vector_int_t *sign,
		    igraph_integer_t budget, igraph_integer_t *index, igraph_bool_t *exact,
		    igraph_integer_t *lower_bound, igraph_vector_int_t *camp,
		    igraph_integer_t *camp_count, igraph_integer_t *nodes);

/* The default seed of the community searches (clout blocs --seed, and map colouring). */
#define CLOUT_BLOCS_SEED	42
/*
 * Leiden runs from the seed 2,000,000 / (|V| + |E|) times, at least
 * CLOUT_LEIDEN_MIN_RUNS and at most CLOUT_LEIDEN_MAX_RUNS; the best
 * modularity wins (the first of equals). Modularity is flat near its top:
 * on the bundled case 10 runs gave 0.4300 to 0.4320 depending on the seed,
 * 1000 runs 0.43307 for every seed tried.
 */
#define CLOUT_LEIDEN_WORK	2000000.0
#define CLOUT_LEIDEN_MIN_RUNS	10
#define CLOUT_LEIDEN_MAX_RUNS	1000
/* Infomap's own number of trials, likewise from CLOUT_INFOMAP_WORK / (|V| + |E|). */
#define CLOUT_INFOMAP_WORK	200000.0
#define CLOUT_INFOMAP_MIN_TRIALS	10
#define CLOUT_INFOMAP_MAX_TRIALS	100

/*
 * Communities from the positive relations only. leiden: Leiden (Traag,
 * Waltman & van Eck 2019) maximising Newman's modularity on the undirected
 * view, reciprocal positive relations summed; infomap: Infomap (Rosvall &
 * Bergstrom 2008) on the directed positive relations with their weights
 * (undirected when the case is). Both numbered canonically from 0:
 * community 0 holds the smallest id (byte order), community 1 the smallest
 * id of the rest, and so on, as camps are; -1 for a vertex without any positive
 * relation (Leiden and Infomap would give it a community of its own).
 * modularity is that of leiden (checked against igraph_modularity),
 * infomap_modularity that of infomap on the directed positive graph; NaN
 * without positive relations. nmi_bloc and ari_bloc compare each partition
 * with the bloc column over the actors with a non-empty bloc (an actor
 * without a positive relation counts as a community of its own); NaN with
 * fewer than two such actors, or when both partitions put them all in one
 * group; ARI also when both put each actor alone (0/0).
 */
struct clout_communities {
	igraph_vector_int_t	 leiden;		/* per vertex, 0-based, canonical numbering; -1: no positive tie */
	igraph_integer_t	 leiden_count;
	double			 modularity;
	igraph_vector_int_t	 infomap;		/* per vertex, same numbering rule */
	igraph_integer_t	 infomap_count;
	double			 infomap_codelength, infomap_modularity;
	double			 nmi_bloc, ari_bloc;	/* vs the bloc column; NaN: undefined */

	double			 infomap_nmi_bloc, infomap_ari_bloc;
	igraph_integer_t	 bloc_actor_count;	/* actors compared with their bloc */
	igraph_uint_t		 seed;
};

igraph_error_t	clout_communities_init(struct clout_communities *c);
void		clout_communities_destroy(struct clout_communities *c);

/*
 * Find the communities, seeding igraph's default random number generator
 * with seed before Leiden (its runs in a row, the first of the best kept)
 * and again before Infomap (its trials), as counted above.
 * Time complexity: that of the searches, about O(|E|) per Leiden run and
 * O(|E| log |V|) per Infomap trial in practice.
 */
igraph_error_t	clout_communities_compute(const struct clout_network *net, igraph_uint_t seed,
		    struct clout_communities *c);

#endif
