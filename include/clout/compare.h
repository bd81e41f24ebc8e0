/* compare.h: one case against another: alignment by id, label or role, differences, QAP, rank correlations. */
#ifndef CLOUT_COMPARE_H
#define CLOUT_COMPARE_H

#include <clout/network.h>
#include <clout/rank.h>
#include <clout/render.h>

enum clout_align {
	CLOUT_ALIGN_ID,
	CLOUT_ALIGN_LABEL,
	CLOUT_ALIGN_ROLE,
	CLOUT_ALIGN_COUNT
};

const char	*clout_align_name(enum clout_align align);
int		 clout_align_find(const char *name);	/* -1 when unknown */
/* Role when both cases have a role on some vertex, else id. */
enum clout_align clout_align_default(const struct clout_network *a, const struct clout_network *b);

/*
 * Two cases on one set of aligned names (the union, sorted by name in byte
 * order). Under role alignment the vertices sharing a role merge into one
 * (their relations' signed weights summed), relations between two vertices
 * of the same role are left out, and vertices without a role are left out;
 * the counts say how many. An undirected case reads every relation both
 * ways. weight_a[i][j] is the signed weight sum of the relations from name
 * i to name j in A (0 without one); has_a marks the pairs with at least one
 * relation (a sum can cancel out); present_a the names A has.
 */
struct clout_aligned {
	enum clout_align	 align;
	igraph_strvector_t	 names;
	igraph_vector_int_t	 type;		/* enum clout_vertex_type of each name */
	igraph_matrix_t		 weight_a, weight_b;
	igraph_matrix_int_t	 has_a, has_b;
	igraph_vector_bool_t	 present_a, present_b;
	igraph_integer_t	 merged_a, merged_b;	/* vertices folded into a shared name */
	igraph_integer_t	 same_role_a, same_role_b;	/* relations left out */
	igraph_integer_t	 roleless_a, roleless_b;	/* vertices left out */
};

igraph_error_t	clout_aligned_init(struct clout_aligned *al);
/* Leaves al zeroed: destroying it again, or after a failed init, does nothing. */
void		clout_aligned_destroy(struct clout_aligned *al);
igraph_error_t	clout_align(const struct clout_network *a, const struct clout_network *b,
		    enum clout_align align, struct clout_aligned *al);

/*
 * The headline differences of an alignment: pairs of names with a relation
 * (ordered when directed, else unordered) in both, only in A, only in B, and
 * the pairs in both whose signed sums have opposite signs (flips, counted in
 * both too); edge Jaccard = both / (both + only A + only B) and weighted
 * Jaccard = sum min(|w_A|, |w_B|) / sum max(|w_A|, |w_B|), NaN when empty.
 */
struct clout_diff {
	igraph_integer_t	 both, only_a, only_b, flips;
	double			 edge_jaccard, weighted_jaccard;
};

void		clout_diff_compute(const struct clout_aligned *al, igraph_bool_t directed,
		    struct clout_diff *diff);

/* One side of an alignment as a network of its own (ids = aligned names). */
igraph_error_t	clout_aligned_network(const struct clout_aligned *al, int side_b,
		    igraph_bool_t directed, struct clout_network *net);

/*
 * Pearson correlation over the off-diagonal cells of the two signed weight
 * matrices (NaN when either is constant), and its QAP p-value: rows and
 * columns of B permuted together, permutations times, p = (1 + #{|r_perm|
 * >= |r|}) / (permutations + 1) (Krackhardt 1987), seeded; permutations 0
 * leaves p NaN. Time complexity: O(permutations n^2).
 */
igraph_error_t	clout_qap(const struct clout_aligned *al, igraph_integer_t permutations,
		    igraph_uint_t seed, double *r, double *p);

/*
 * Rank correlations of two score vectors with mid-ranks (ties handled), into
 * *res: NaN when undefined (fewer than two values, lengths that differ, one
 * side all tied). IGRAPH_ENOMEM when out of memory. Time complexity:
 * O(n log n) for Spearman, O(n^2) for Kendall.
 */
igraph_error_t	clout_spearman(const igraph_vector_t *x, const igraph_vector_t *y, double *res);
igraph_error_t	clout_kendall_tau_b(const igraph_vector_t *x, const igraph_vector_t *y,
		    double *res);

/* Figures of one case read alone, for side-by-side tables and profile distances. */
struct clout_profile {
	double			 density, reciprocity, centralisation, negative_share, balance;
	igraph_vector_t		 triads;		/* the 16 MAN types, as shares */
	igraph_vector_t		 out_strength, in_strength;
};

igraph_error_t	clout_profile_init(struct clout_profile *p);
void		clout_profile_destroy(struct clout_profile *p);
igraph_error_t	clout_profile_compute(const struct clout_network *net, struct clout_profile *p);
/*
 * Two-sample Kolmogorov-Smirnov statistic, the largest gap between the
 * empirical CDFs, into *res (NaN when a sample is empty). IGRAPH_ENOMEM when
 * out of memory. Time complexity: O(n log n).
 */
igraph_error_t	clout_ks_distance(const igraph_vector_t *x, const igraph_vector_t *y,
		    double *res);

/*
 * The diff map: every aligned name once, laid out together, relations in
 * both (same sign), only in A, only in B and with the sign flipped in
 * distinct styles, with a legend; a and b name the cases.
 */
igraph_error_t	clout_compare_drawing(const struct clout_aligned *al, const char *a, const char *b,
		    igraph_bool_t directed, struct clout_drawing *d);

/* The matrix of QAP r of count cases as a heat map with pinned cells. */
igraph_error_t	clout_similarity_drawing(const igraph_matrix_t *r, const struct clout_network *nets,
		    igraph_integer_t count, struct clout_drawing *d);

#endif
