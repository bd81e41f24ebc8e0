/* mactor.h: MACTOR actor analysis: balance of power, positions on issues, convergences and divergences. */
#ifndef CLOUT_MACTOR_H
#define CLOUT_MACTOR_H

#include <stdio.h>

#include <clout/network.h>
#include <clout/render.h>

/* The MACTOR scale: 0 none, 1 processes, 2 projects, 3 missions, 4 existence. */
#define CLOUT_MACTOR_SCALE_MAX	4.0
/* Orders of positions and of the convergence and divergence matrices: 1, 2, 3. */
#define CLOUT_MACTOR_ORDERS	3
/* MID, MIDI and six convergence/divergence matrices are dense: 64 n^2 bytes */
#define CLOUT_MACTOR_MAX_ACTORS	3000

/*
 * MACTOR of a network (Godet 1991). Actors are the vertices of type actor,
 * issues the vertices of type issue, both in file order: actor a is vertex
 * actor_vertex[a], issue k vertex issue_vertex[k].
 *
 * mid (n x n, zero diagonal): MID_ij, the magnitude of the relation actor i
 * -> actor j (sign ignored); an undirected network reads it both ways.
 * positions (n x q): 2MAO_ik, sign x magnitude of the relation actor i ->
 * issue k (undirected: of the tie between them). Magnitudes above
 * CLOUT_MACTOR_SCALE_MAX are clamped to it; issue -> actor and issue ->
 * issue relations are not used (counted in unused).
 *
 * midi_ij = mid_ij + sum_k min(mid_ik, mid_kj), diagonal included.
 * influence_with_diagonal (M_i) and dependence_with_diagonal (D_i) are the
 * row and column sums of midi; influence and dependence leave its diagonal
 * out. r_i = ((M_i - midi_ii) / sum_k M_k) (M_i / (M_i + D_i)), 0 when
 * M_i + D_i = 0; r_star_i = n r_i / sum_k r_k, all 0 when sum_k r_k = 0
 * (then r_sum_zero is set).
 *
 * weighted_positions (3MAO) = 2MAO_ik r_star_i. mobilisation_for[k] sums the
 * positive 3MAO of issue k, mobilisation_against[k] the magnitudes of the
 * negative ones.
 *
 * convergence[p-1] and divergence[p-1] (n x n, symmetric, zero diagonal)
 * are pCAA and pDAA for the positions of order p (1MAO = sign of 2MAO,
 * 2MAO, 3MAO): pCAA_ij sums (|pMAO_ik| + |pMAO_jk|) / 2 over the issues on
 * which i and j take the same side, pDAA_ij over those on which they take
 * opposite sides. ambivalence[p-1][i] = 1 - sum_j |CAA_ij - DAA_ij| /
 * sum_j (CAA_ij + DAA_ij) over j != i, NaN when the denominator is 0.
 */
struct clout_mactor {
	igraph_vector_int_t	 actor_vertex, issue_vertex;
	igraph_matrix_t		 mid, midi;
	igraph_vector_t		 influence, dependence;
	igraph_vector_t		 influence_with_diagonal, dependence_with_diagonal;
	igraph_vector_t		 r, r_star;
	igraph_matrix_t		 positions, weighted_positions;
	igraph_vector_t		 mobilisation_for, mobilisation_against;
	igraph_matrix_t		 convergence[CLOUT_MACTOR_ORDERS];
	igraph_matrix_t		 divergence[CLOUT_MACTOR_ORDERS];
	igraph_vector_t		 ambivalence[CLOUT_MACTOR_ORDERS];

	/* what the computation met, for the caller to report */
	igraph_integer_t	 clamped;	/* relations whose magnitude was above the scale */
	double			 clamped_max;	/* the largest of them */
	igraph_integer_t	 unused;	/* issue -> actor and issue -> issue relations */
	igraph_integer_t	 position_count;	/* actor-issue relations used */
	int			 r_sum_zero;
};

igraph_error_t	clout_mactor_init(struct clout_mactor *ma);
void		clout_mactor_destroy(struct clout_mactor *ma);

/*
 * Compute MACTOR on a network. Every result of ma is resized. More than
 * CLOUT_MACTOR_MAX_ACTORS actors is IGRAPH_EINVAL (memory).
 * Time complexity: O(n^2 q + the sum over actors k of in(k) out(k)) for n
 * actors and q issues.
 */
igraph_error_t	clout_mactor_compute(const struct clout_network *net, struct clout_mactor *ma);

/*
 * Write every matrix and vector of ma as one JSON object (see docs/METHODS.md
 * for the keys). Reals carry enough digits to read back the same double;
 * NaN (an undefined ambivalence) is null. Returns IGRAPH_EFILE when writing
 * fails.
 */
igraph_error_t	clout_mactor_write_json(FILE *out, const struct clout_network *net,
		    const struct clout_mactor *ma);

/*
 * The graph of convergences (or divergences) of order 1, 2 or 3 between
 * actors as a drawing laid out by neato: an undirected line between i and j
 * when the value is above 0 and at least min, as thick as the value; nodes
 * as large as r_star, coloured by bloc. min < 0 picks a threshold that keeps
 * the drawing legible (the mean of the positive values), said in the caption.
 */
igraph_error_t	clout_mactor_graph(const struct clout_network *net, const struct clout_mactor *ma,
		    int order, int divergence, double min, struct clout_drawing *drawing);

#endif
