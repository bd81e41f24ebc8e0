/* structural.c: MICMAC influence and dependence, direct, by matrix powers and attenuated. */
#include <math.h>
#include <string.h>

#include "clout_internal.h"

static const char *const sector_names[CLOUT_SECTOR_COUNT] = {
	"driver", "relay", "dependent", "autonomous"
};

const char *
clout_sector_name(enum clout_sector sector)
{
	return sector >= 0 && sector < CLOUT_SECTOR_COUNT ? sector_names[sector] : NULL;
}

igraph_error_t
clout_micmac_init(struct clout_micmac *mm)
{
	memset(mm, 0, sizeof mm[0]);
	IGRAPH_VECTOR_INIT_FINALLY(&mm->direct_influence, 0);
	IGRAPH_VECTOR_INIT_FINALLY(&mm->direct_dependence, 0);
	IGRAPH_VECTOR_INIT_FINALLY(&mm->indirect_influence, 0);
	IGRAPH_VECTOR_INIT_FINALLY(&mm->indirect_dependence, 0);
	IGRAPH_VECTOR_INT_INIT_FINALLY(&mm->sector, 0);
	IGRAPH_VECTOR_INT_INIT_FINALLY(&mm->indirect_sector, 0);
	IGRAPH_VECTOR_INT_INIT_FINALLY(&mm->power_influence_rank, 0);
	IGRAPH_FINALLY_CLEAN(7);
	return IGRAPH_SUCCESS;
}

void
clout_micmac_destroy(struct clout_micmac *mm)
{
	igraph_vector_destroy(&mm->direct_influence);
	igraph_vector_destroy(&mm->direct_dependence);
	igraph_vector_destroy(&mm->indirect_influence);
	igraph_vector_destroy(&mm->indirect_dependence);
	igraph_vector_int_destroy(&mm->sector);
	igraph_vector_int_destroy(&mm->indirect_sector);
	igraph_vector_int_destroy(&mm->power_influence_rank);
}

/* M: weight magnitudes, zero diagonal (the loader keeps no self-loops); both ways if undirected. */
static igraph_error_t
influence_matrix(const struct clout_network *net, igraph_matrix_t *m)
{
	igraph_integer_t	e, n = clout_network_vcount(net);

	IGRAPH_CHECK(igraph_matrix_resize(m, n, n));
	igraph_matrix_null(m);
	for (e = 0; e < clout_network_ecount(net); e++) {
		igraph_integer_t	from = IGRAPH_FROM(&net->graph, e), to = IGRAPH_TO(&net->graph, e);

		MATRIX(*m, from, to) += VECTOR(net->weight)[e];
		if (!net->directed)
			MATRIX(*m, to, from) += VECTOR(net->weight)[e];
	}
	return IGRAPH_SUCCESS;
}

/* The spectral radius, from all eigenvalues (LAPACK dgeev). */
static igraph_error_t
spectral_radius(const igraph_matrix_t *m, double *rho)
{
	igraph_vector_t	re, im;
	igraph_integer_t i;
	int		info = 0;

	*rho = 0;
	if (igraph_matrix_nrow(m) == 0)
		return IGRAPH_SUCCESS;
	IGRAPH_VECTOR_INIT_FINALLY(&re, 0);
	IGRAPH_VECTOR_INIT_FINALLY(&im, 0);
	IGRAPH_CHECK(igraph_lapack_dgeev(m, &re, &im, NULL, NULL, &info));
	if (info != 0)
		IGRAPH_ERROR("the eigenvalues of the influence matrix did not converge", IGRAPH_FAILURE);
	for (i = 0; i < igraph_vector_size(&re); i++)
		*rho = fmax(*rho, hypot(VECTOR(re)[i], VECTOR(im)[i]));
	igraph_vector_destroy(&im);
	igraph_vector_destroy(&re);
	IGRAPH_FINALLY_CLEAN(2);
	return IGRAPH_SUCCESS;
}

/* Solve (I - alpha M) x = b, or its transpose, for x (b is overwritten). */
static igraph_error_t
solve_resolvent(const igraph_matrix_t *m, double alpha, int transpose, igraph_vector_t *b)
{
	igraph_integer_t	i, j, n = igraph_matrix_nrow(m);
	igraph_matrix_t		a, rhs;
	igraph_vector_int_t	pivots;
	int			info = 0;

	if (n == 0)
		return IGRAPH_SUCCESS;
	IGRAPH_MATRIX_INIT_FINALLY(&a, n, n);
	IGRAPH_MATRIX_INIT_FINALLY(&rhs, n, 1);
	IGRAPH_VECTOR_INT_INIT_FINALLY(&pivots, n);
	for (i = 0; i < n; i++) {
		for (j = 0; j < n; j++)
			MATRIX(a, i, j) = (i == j) - alpha * (transpose ? MATRIX(*m, j, i) : MATRIX(*m, i, j));
		MATRIX(rhs, i, 0) = VECTOR(*b)[i];
	}
	IGRAPH_CHECK(igraph_lapack_dgesv(&a, &pivots, &rhs, &info));
	if (info != 0)
		IGRAPH_ERROR("I - alpha M is singular: choose a smaller --alpha", IGRAPH_EINVAL);
	for (i = 0; i < n; i++)
		VECTOR(*b)[i] = MATRIX(rhs, i, 0);
	igraph_vector_int_destroy(&pivots);
	igraph_matrix_destroy(&rhs);
	igraph_matrix_destroy(&a);
	IGRAPH_FINALLY_CLEAN(3);
	return IGRAPH_SUCCESS;
}

/* Sectors against the means over all vertices; a value equal to the mean counts as high. */
static void
sectors(const igraph_vector_t *influence, const igraph_vector_t *dependence,
    igraph_vector_int_t *sector)
{
	igraph_integer_t	i, n = igraph_vector_size(influence);
	double			mi = n > 0 ? igraph_vector_sum(influence) / n : 0;
	double			md = n > 0 ? igraph_vector_sum(dependence) / n : 0;

	for (i = 0; i < n; i++) {
		/* a relative tolerance, so a value that is the mean in exact arithmetic counts as high */
		int	hi = VECTOR(*influence)[i] >= mi - 1e-12 * fabs(mi);
		int	hd = VECTOR(*dependence)[i] >= md - 1e-12 * fabs(md);

		VECTOR(*sector)[i] = hi && !hd ? CLOUT_SECTOR_DRIVER : hi && hd ? CLOUT_SECTOR_RELAY :
		    hd ? CLOUT_SECTOR_DEPENDENT : CLOUT_SECTOR_AUTONOMOUS;
	}
}

/* A ranking key that treats values within 1e-12 of the largest as ties. */
static void
ranking(const struct clout_network *net, const igraph_vector_t *values, igraph_vector_t *key,
    igraph_vector_int_t *order)
{
	igraph_integer_t	i, n = igraph_vector_size(values);
	double			top = n > 0 ? igraph_vector_max(values) : 0;

	for (i = 0; i < n; i++) {
		VECTOR(*key)[i] = top > 0 ? round(VECTOR(*values)[i] / top * 1e12) : 0;
		VECTOR(*order)[i] = i;
	}
	clout_rank_sort(net, key, order);
}

/* Follow the rankings by the row and column sums of M^k until they stop changing. */
static igraph_error_t
power_rankings(const struct clout_network *net, const igraph_matrix_t *m, struct clout_micmac *mm)
{
	igraph_integer_t	i, k, n = igraph_matrix_nrow(m);
	igraph_vector_t		row, col, next, key;
	igraph_vector_int_t	row_order, col_order, prev_row, prev_col;
	double			top;

	mm->stable_k = -1;
	mm->vanish_k = n == 0;	/* no vertex: M itself is 0 */
	IGRAPH_VECTOR_INIT_FINALLY(&row, n);
	IGRAPH_VECTOR_INIT_FINALLY(&col, n);
	IGRAPH_VECTOR_INIT_FINALLY(&next, n);
	IGRAPH_VECTOR_INIT_FINALLY(&key, n);
	IGRAPH_VECTOR_INT_INIT_FINALLY(&row_order, n);
	IGRAPH_VECTOR_INT_INIT_FINALLY(&col_order, n);
	IGRAPH_VECTOR_INT_INIT_FINALLY(&prev_row, n);
	IGRAPH_VECTOR_INT_INIT_FINALLY(&prev_col, n);
	IGRAPH_CHECK(igraph_vector_int_resize(&mm->power_influence_rank, n));
	igraph_vector_fill(&row, 1);
	igraph_vector_fill(&col, 1);
	for (k = 1; k <= CLOUT_MICMAC_MAX_POWER && n > 0; k++) {
		/* row sums of M^k = M (row sums of M^(k-1)); columns likewise with M^T */
		IGRAPH_CHECK(igraph_blas_dgemv(0, 1, m, &row, 0, &next));
		IGRAPH_CHECK(igraph_vector_update(&row, &next));
		IGRAPH_CHECK(igraph_blas_dgemv(1, 1, m, &col, 0, &next));
		IGRAPH_CHECK(igraph_vector_update(&col, &next));
		top = igraph_vector_max(&row);
		if (top <= 0) {
			mm->vanish_k = k;
			break;
		}
		igraph_vector_scale(&row, 1 / top);	/* rankings do not see the scale */
		igraph_vector_scale(&col, 1 / igraph_vector_max(&col));
		ranking(net, &row, &key, &row_order);
		ranking(net, &col, &key, &col_order);
		if (k > 1 && igraph_vector_int_all_e(&row_order, &prev_row) &&
		    igraph_vector_int_all_e(&col_order, &prev_col)) {
			mm->stable_k = k;
			break;
		}
		IGRAPH_CHECK(igraph_vector_int_update(&prev_row, &row_order));
		IGRAPH_CHECK(igraph_vector_int_update(&prev_col, &col_order));
	}
	for (i = 0; i < n; i++)
		VECTOR(mm->power_influence_rank)[VECTOR(row_order)[i]] = i + 1;
	igraph_vector_int_destroy(&prev_col);
	igraph_vector_int_destroy(&prev_row);
	igraph_vector_int_destroy(&col_order);
	igraph_vector_int_destroy(&row_order);
	igraph_vector_destroy(&key);
	igraph_vector_destroy(&next);
	igraph_vector_destroy(&col);
	igraph_vector_destroy(&row);
	IGRAPH_FINALLY_CLEAN(8);
	return IGRAPH_SUCCESS;
}

/* full: also the spectral radius (checking alpha) and the rankings by powers of M */
static igraph_error_t
micmac(const struct clout_network *net, double alpha, int full, struct clout_micmac *mm)
{
	igraph_integer_t	n = clout_network_vcount(net);
	igraph_matrix_t		m;

	IGRAPH_MATRIX_INIT_FINALLY(&m, 0, 0);
	IGRAPH_CHECK(influence_matrix(net, &m));
	mm->rho = NAN;
	mm->stable_k = -1;
	mm->vanish_k = 0;
	IGRAPH_CHECK(igraph_vector_int_resize(&mm->power_influence_rank, 0));
	if (full) {
		IGRAPH_CHECK(spectral_radius(&m, &mm->rho));
		if (isnan(alpha))
			alpha = mm->rho > 0 ? 0.5 / mm->rho : 0.5;
	}
	/* without full, rho stays NaN: the caller vouches for alpha < 1/rho(M) */
	if (!(alpha > 0) || (mm->rho > 0 && alpha * mm->rho >= 1))
		IGRAPH_ERRORF("alpha must be above 0 and below 1/rho(M) = %.6g for the attenuated "
		    "sum to converge, not %g", IGRAPH_EINVAL, mm->rho > 0 ? 1 / mm->rho : INFINITY,
		    alpha);
	mm->alpha = alpha;

	IGRAPH_CHECK(igraph_matrix_rowsum(&m, &mm->direct_influence));
	IGRAPH_CHECK(igraph_matrix_colsum(&m, &mm->direct_dependence));

	/* T 1 = M (I - alpha M)^-1 1 and 1^T T = (M^T 1)^T (I - alpha M)^-1 */
	IGRAPH_CHECK(igraph_vector_resize(&mm->indirect_influence, n));
	igraph_vector_fill(&mm->indirect_influence, 1);
	IGRAPH_CHECK(solve_resolvent(&m, alpha, 0, &mm->indirect_influence));
	if (n > 0) {	/* igraph 0.10.2's dgemv asserts on an empty matrix */
		igraph_vector_t	y;

		IGRAPH_CHECK(igraph_vector_init_copy(&y, &mm->indirect_influence));
		IGRAPH_FINALLY(igraph_vector_destroy, &y);
		IGRAPH_CHECK(igraph_blas_dgemv(0, 1, &m, &y, 0, &mm->indirect_influence));
		igraph_vector_destroy(&y);
		IGRAPH_FINALLY_CLEAN(1);
	}
	IGRAPH_CHECK(igraph_vector_update(&mm->indirect_dependence, &mm->direct_dependence));
	IGRAPH_CHECK(solve_resolvent(&m, alpha, 1, &mm->indirect_dependence));

	IGRAPH_CHECK(igraph_vector_int_resize(&mm->sector, n));
	IGRAPH_CHECK(igraph_vector_int_resize(&mm->indirect_sector, n));
	sectors(&mm->direct_influence, &mm->direct_dependence, &mm->sector);
	sectors(&mm->indirect_influence, &mm->indirect_dependence, &mm->indirect_sector);
	if (full)
		IGRAPH_CHECK(power_rankings(net, &m, mm));
	igraph_matrix_destroy(&m);
	IGRAPH_FINALLY_CLEAN(1);
	return IGRAPH_SUCCESS;
}

igraph_error_t
clout_micmac_compute(const struct clout_network *net, double alpha, struct clout_micmac *mm)
{
	return micmac(net, alpha, 1, mm);
}

igraph_error_t
clout_micmac_sums(const struct clout_network *net, double alpha, struct clout_micmac *mm)
{
	return micmac(net, alpha, 0, mm);
}

/* ---- dependencies: cut vertices, bridges, reach and dominators ---- */

igraph_error_t
clout_deps_init(struct clout_deps *deps)
{
	memset(deps, 0, sizeof deps[0]);
	IGRAPH_VECTOR_INT_INIT_FINALLY(&deps->articulation, 0);
	IGRAPH_VECTOR_INT_INIT_FINALLY(&deps->bridge_count, 0);
	IGRAPH_VECTOR_INT_INIT_FINALLY(&deps->reaches, 0);
	IGRAPH_VECTOR_INT_INIT_FINALLY(&deps->reached_by, 0);
	IGRAPH_VECTOR_INT_INIT_FINALLY(&deps->bridges, 0);
	IGRAPH_VECTOR_INT_INIT_FINALLY(&deps->dominator, 0);
	IGRAPH_VECTOR_INT_INIT_FINALLY(&deps->dominated, 0);
	IGRAPH_FINALLY_CLEAN(7);
	deps->root = -1;
	return IGRAPH_SUCCESS;
}

void
clout_deps_destroy(struct clout_deps *deps)
{
	igraph_vector_int_destroy(&deps->articulation);
	igraph_vector_int_destroy(&deps->bridge_count);
	igraph_vector_int_destroy(&deps->reaches);
	igraph_vector_int_destroy(&deps->reached_by);
	igraph_vector_int_destroy(&deps->bridges);
	igraph_vector_int_destroy(&deps->dominator);
	igraph_vector_int_destroy(&deps->dominated);
}

igraph_error_t
clout_i_reach_counts(const igraph_t *graph, igraph_neimode_t mode, igraph_vector_int_t *counts)
{
	igraph_integer_t	n = igraph_vcount(graph);

	/* a BFS from every vertex, as far as it goes (order n) */
	IGRAPH_CHECK(igraph_neighborhood_size(graph, counts, igraph_vss_all(), n > 0 ? n : 1,
	    mode, 1));
	return IGRAPH_SUCCESS;
}

/*
 * igraph_dominator_tree (out-neighbours, no tree graph) marked for
 * docs/OOM.md: igraph 0.10.2's DFS inside it dereferences a failed
 * allocation of its lazy adjacency list.
 */
igraph_error_t
clout_i_dominator_tree(const igraph_t *graph, igraph_integer_t root, igraph_vector_int_t *dom)
{
	const char	*section = clout_i_fatal_enter("the dominator tree (igraph 0.10.2)");
	igraph_error_t	 ret = igraph_dominator_tree(graph, root, dom, NULL, NULL, IGRAPH_OUT);

	clout_i_fatal_leave(section);
	IGRAPH_CHECK(ret);
	return IGRAPH_SUCCESS;
}

igraph_error_t
clout_deps_compute(const struct clout_network *net, igraph_integer_t root, struct clout_deps *deps)
{
	igraph_integer_t	i, n = clout_network_vcount(net);
	igraph_t		simple;
	igraph_vector_int_t	cut, bridge_edges;

	/* the undirected view: one tie per pair of vertices, whatever the direction */
	IGRAPH_CHECK(igraph_copy(&simple, &net->graph));
	IGRAPH_FINALLY(igraph_destroy, &simple);
	if (net->directed) {
		/* docs/OOM.md: its failure path frees an invalid pointer in 0.10.2 */
		const char	*section = clout_i_fatal_enter("igraph_to_undirected (igraph 0.10.2)");
		igraph_error_t	 ret = igraph_to_undirected(&simple, IGRAPH_TO_UNDIRECTED_COLLAPSE,
		    NULL);

		clout_i_fatal_leave(section);
		IGRAPH_CHECK(ret);
	}
	IGRAPH_VECTOR_INT_INIT_FINALLY(&cut, 0);
	IGRAPH_VECTOR_INT_INIT_FINALLY(&bridge_edges, 0);
	IGRAPH_CHECK(igraph_articulation_points(&simple, &cut));
	IGRAPH_CHECK(igraph_bridges(&simple, &bridge_edges));
	IGRAPH_CHECK(igraph_vector_int_resize(&deps->articulation, n));
	IGRAPH_CHECK(igraph_vector_int_resize(&deps->bridge_count, n));
	igraph_vector_int_null(&deps->articulation);
	igraph_vector_int_null(&deps->bridge_count);
	for (i = 0; i < igraph_vector_int_size(&cut); i++)
		VECTOR(deps->articulation)[VECTOR(cut)[i]] = 1;
	igraph_vector_int_sort(&bridge_edges);
	IGRAPH_CHECK(igraph_vector_int_resize(&deps->bridges, 0));
	for (i = 0; i < igraph_vector_int_size(&bridge_edges); i++) {
		igraph_integer_t	a = IGRAPH_FROM(&simple, VECTOR(bridge_edges)[i]);
		igraph_integer_t	b = IGRAPH_TO(&simple, VECTOR(bridge_edges)[i]);

		IGRAPH_CHECK(igraph_vector_int_push_back(&deps->bridges, a < b ? a : b));
		IGRAPH_CHECK(igraph_vector_int_push_back(&deps->bridges, a < b ? b : a));
		VECTOR(deps->bridge_count)[a]++;
		VECTOR(deps->bridge_count)[b]++;
	}
	igraph_vector_int_destroy(&bridge_edges);
	igraph_vector_int_destroy(&cut);
	igraph_destroy(&simple);
	IGRAPH_FINALLY_CLEAN(3);

	IGRAPH_CHECK(clout_i_reach_counts(&net->graph, IGRAPH_OUT, &deps->reaches));
	IGRAPH_CHECK(clout_i_reach_counts(&net->graph, IGRAPH_IN, &deps->reached_by));

	deps->root = root;
	IGRAPH_CHECK(igraph_vector_int_resize(&deps->dominator, root >= 0 ? n : 0));
	IGRAPH_CHECK(igraph_vector_int_resize(&deps->dominated, root >= 0 ? n : 0));
	if (root >= 0) {
		if (!net->directed)
			IGRAPH_ERROR("a dominator tree needs directed influence: this case is "
			    "undirected", IGRAPH_EINVAL);
		IGRAPH_CHECK(clout_i_dominator_tree(&net->graph, root, &deps->dominator));
		/* igraph: -1 for the root, a negative number for unreachable vertices */
		for (i = 0; i < n; i++)
			if (VECTOR(deps->dominator)[i] < 0)
				VECTOR(deps->dominator)[i] = -1;
		igraph_vector_int_null(&deps->dominated);
		for (i = 0; i < n; i++) {
			igraph_integer_t	up = VECTOR(deps->dominator)[i], steps = 0;

			/* every dominator up the tree dominates i */
			while (up >= 0 && steps++ < n) {
				VECTOR(deps->dominated)[up]++;
				up = VECTOR(deps->dominator)[up];
			}
		}
	}
	return IGRAPH_SUCCESS;
}
