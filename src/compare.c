/* compare.c: aligning two cases on shared names, QAP, rank correlations and one-case profiles. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "clout_internal.h"

static const char *const align_names[CLOUT_ALIGN_COUNT] = { "id", "label", "role" };

const char *
clout_align_name(enum clout_align align)
{
	return align >= 0 && align < CLOUT_ALIGN_COUNT ? align_names[align] : NULL;
}

int
clout_align_find(const char *name)
{
	return clout_i_name_find(align_names, CLOUT_ALIGN_COUNT, name);
}

static int
has_roles(const struct clout_network *net)
{
	igraph_integer_t	v;

	for (v = 0; v < clout_network_vcount(net); v++)
		if (igraph_strvector_get(&net->role, v)[0] != '\0')
			return 1;
	return 0;
}

enum clout_align
clout_align_default(const struct clout_network *a, const struct clout_network *b)
{
	return has_roles(a) && has_roles(b) ? CLOUT_ALIGN_ROLE : CLOUT_ALIGN_ID;
}

igraph_error_t
clout_aligned_init(struct clout_aligned *al)
{
	memset(al, 0, sizeof *al);
	/* zeroed first: igraph's destroy functions accept zeroed objects */
	if (igraph_strvector_init(&al->names, 0) || igraph_vector_int_init(&al->type, 0) ||
	    igraph_matrix_init(&al->weight_a, 0, 0) || igraph_matrix_init(&al->weight_b, 0, 0) ||
	    igraph_matrix_int_init(&al->has_a, 0, 0) || igraph_matrix_int_init(&al->has_b, 0, 0) ||
	    igraph_vector_bool_init(&al->present_a, 0) || igraph_vector_bool_init(&al->present_b, 0)) {
		clout_aligned_destroy(al);
		IGRAPH_ERROR("out of memory", IGRAPH_ENOMEM);
	}
	return IGRAPH_SUCCESS;
}

void
clout_aligned_destroy(struct clout_aligned *al)
{
	clout_strvector_release(&al->names);
	igraph_vector_int_destroy(&al->type);
	igraph_matrix_destroy(&al->weight_a);
	igraph_matrix_destroy(&al->weight_b);
	igraph_matrix_int_destroy(&al->has_a);
	igraph_matrix_int_destroy(&al->has_b);
	igraph_vector_bool_destroy(&al->present_a);
	igraph_vector_bool_destroy(&al->present_b);
	memset(al, 0, sizeof *al);	/* a second destroy does nothing */
}

/* The name vertex v aligns under; "" when it has none (a vertex without a role). */
static const char *
key_of(const struct clout_network *net, igraph_integer_t v, enum clout_align align)
{
	const igraph_strvector_t *column = align == CLOUT_ALIGN_ROLE ? &net->role :
	    align == CLOUT_ALIGN_LABEL ? &net->label : &net->id;

	return igraph_strvector_get(column, v);
}

static int
by_bytes(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The sorted union of both cases' names, and a map from name to its index. */
static igraph_error_t
collect_names(const struct clout_network *const nets[2], enum clout_align align,
    struct clout_aligned *al, struct clout_strmap *index)
{
	igraph_integer_t	 side, v, i, count = 0, existing, total;
	const char		**all;

	total = clout_network_vcount(nets[0]) + clout_network_vcount(nets[1]);
	all = calloc((size_t)total + 1, sizeof all[0]);
	CLOUT_CHECK_ALLOC(all);
	IGRAPH_FINALLY(free, all);
	for (side = 0; side < 2; side++)
		for (v = 0; v < clout_network_vcount(nets[side]); v++) {
			const char	*key = key_of(nets[side], v, align);

			if (key[0] != '\0')
				all[count++] = key;
		}
	qsort(all, (size_t)count, sizeof all[0], by_bytes);
	IGRAPH_CHECK(igraph_strvector_resize(&al->names, 0));
	for (i = 0; i < count; i++) {
		if (i > 0 && strcmp(all[i], all[i - 1]) == 0)
			continue;
		IGRAPH_CHECK(clout_i_strmap_insert(index, all[i],
		    igraph_strvector_size(&al->names), &existing));
		IGRAPH_CHECK(igraph_strvector_push_back(&al->names, all[i]));
	}
	free(all);
	IGRAPH_FINALLY_CLEAN(1);
	return IGRAPH_SUCCESS;
}

/* One side's relations summed into the aligned matrices. */
static igraph_error_t
fold_side(const struct clout_network *net, enum clout_align align,
    const struct clout_strmap *index, igraph_matrix_t *weight, igraph_matrix_int_t *has,
    igraph_vector_bool_t *present, igraph_vector_int_t *type, igraph_integer_t *merged,
    igraph_integer_t *same, igraph_integer_t *roleless)
{
	igraph_integer_t	v, e, n = clout_network_vcount(net), used = 0;
	igraph_vector_int_t	at;

	IGRAPH_VECTOR_INT_INIT_FINALLY(&at, n);
	*merged = *same = *roleless = 0;
	for (v = 0; v < n; v++) {
		const char	*key = key_of(net, v, align);

		VECTOR(at)[v] = key[0] != '\0' ? clout_i_strmap_find(index, key) : -1;
		if (VECTOR(at)[v] < 0) {
			(*roleless)++;
			continue;
		}
		if (!VECTOR(*present)[VECTOR(at)[v]])
			used++;
		VECTOR(*present)[VECTOR(at)[v]] = 1;
		VECTOR(*type)[VECTOR(at)[v]] = VECTOR(net->type)[v];
	}
	*merged = n - *roleless - used;
	for (e = 0; e < clout_network_ecount(net); e++) {
		igraph_integer_t	i = VECTOR(at)[IGRAPH_FROM(&net->graph, e)];
		igraph_integer_t	j = VECTOR(at)[IGRAPH_TO(&net->graph, e)];
		double			w = VECTOR(net->sign)[e] * VECTOR(net->weight)[e];

		if (i < 0 || j < 0)
			continue;
		if (i == j) {
			(*same)++;	/* two vertices folded into one name: no self-loop */
			continue;
		}
		MATRIX(*weight, i, j) += w;
		MATRIX(*has, i, j) = 1;
		if (!net->directed) {
			MATRIX(*weight, j, i) += w;
			MATRIX(*has, j, i) = 1;
		}
	}
	igraph_vector_int_destroy(&at);
	IGRAPH_FINALLY_CLEAN(1);
	return IGRAPH_SUCCESS;
}

igraph_error_t
clout_align(const struct clout_network *a, const struct clout_network *b, enum clout_align align,
    struct clout_aligned *al)
{
	const struct clout_network *const nets[2] = { a, b };
	struct clout_strmap	*index = clout_i_strmap_new();
	igraph_integer_t	 n;

	CLOUT_CHECK_ALLOC(index);
	IGRAPH_FINALLY(clout_i_strmap_free, index);
	al->align = align;
	IGRAPH_CHECK(collect_names(nets, align, al, index));
	n = igraph_strvector_size(&al->names);
	IGRAPH_CHECK(igraph_vector_int_resize(&al->type, n));
	IGRAPH_CHECK(igraph_matrix_resize(&al->weight_a, n, n));
	IGRAPH_CHECK(igraph_matrix_resize(&al->weight_b, n, n));
	IGRAPH_CHECK(igraph_matrix_int_resize(&al->has_a, n, n));
	IGRAPH_CHECK(igraph_matrix_int_resize(&al->has_b, n, n));
	IGRAPH_CHECK(igraph_vector_bool_resize(&al->present_a, n));
	IGRAPH_CHECK(igraph_vector_bool_resize(&al->present_b, n));
	igraph_matrix_null(&al->weight_a);
	igraph_matrix_null(&al->weight_b);
	igraph_matrix_int_null(&al->has_a);
	igraph_matrix_int_null(&al->has_b);
	igraph_vector_bool_null(&al->present_a);
	igraph_vector_bool_null(&al->present_b);
	IGRAPH_CHECK(fold_side(a, align, index, &al->weight_a, &al->has_a, &al->present_a,
	    &al->type, &al->merged_a, &al->same_role_a, &al->roleless_a));
	IGRAPH_CHECK(fold_side(b, align, index, &al->weight_b, &al->has_b, &al->present_b,
	    &al->type, &al->merged_b, &al->same_role_b, &al->roleless_b));
	clout_i_strmap_free(index);
	IGRAPH_FINALLY_CLEAN(1);
	return IGRAPH_SUCCESS;
}

void
clout_diff_compute(const struct clout_aligned *al, igraph_bool_t directed, struct clout_diff *diff)
{
	igraph_integer_t	i, j, n = igraph_strvector_size(&al->names);
	double			min_sum = 0, max_sum = 0;

	memset(diff, 0, sizeof *diff);
	for (i = 0; i < n; i++)
		for (j = directed ? 0 : i + 1; j < n; j++) {
			int	ha = MATRIX(al->has_a, i, j), hb = MATRIX(al->has_b, i, j);
			double	wa = MATRIX(al->weight_a, i, j), wb = MATRIX(al->weight_b, i, j);

			if (i == j)
				continue;
			diff->both += ha && hb;
			diff->only_a += ha && !hb;
			diff->only_b += hb && !ha;
			diff->flips += ha && hb && wa * wb < 0;
			min_sum += fmin(fabs(wa), fabs(wb));
			max_sum += fmax(fabs(wa), fabs(wb));
		}
	diff->edge_jaccard = diff->both + diff->only_a + diff->only_b > 0 ? (double)diff->both /
	    (double)(diff->both + diff->only_a + diff->only_b) : NAN;
	diff->weighted_jaccard = max_sum > 0 ? min_sum / max_sum : NAN;
}

igraph_error_t
clout_aligned_network(const struct clout_aligned *al, int side_b, igraph_bool_t directed,
    struct clout_network *net)
{
	const igraph_matrix_t		*w = side_b ? &al->weight_b : &al->weight_a;
	const igraph_vector_bool_t	*present = side_b ? &al->present_b : &al->present_a;
	igraph_integer_t		 i, j, n = igraph_strvector_size(&al->names);
	igraph_vector_bool_t		 keep;
	igraph_vector_int_t		 edges, map;
	igraph_t			 graph;
	struct clout_network		 full;

	/* every aligned name as a vertex, then only this side's through clout_network_subset */
	IGRAPH_CHECK(clout_network_init(&full));
	IGRAPH_FINALLY(clout_network_destroy, &full);
	IGRAPH_VECTOR_INT_INIT_FINALLY(&edges, 0);
	IGRAPH_VECTOR_INT_INIT_FINALLY(&map, 0);
	IGRAPH_CHECK(igraph_vector_bool_init(&keep, n));
	IGRAPH_FINALLY(igraph_vector_bool_destroy, &keep);
	for (i = 0; i < n; i++) {
		const char	*name = igraph_strvector_get(&al->names, i);
		igraph_integer_t existing;

		IGRAPH_CHECK(clout_i_strmap_insert(full.index, name, i, &existing));
		IGRAPH_CHECK(igraph_strvector_push_back(&full.id, name));
		IGRAPH_CHECK(igraph_strvector_push_back(&full.label, name));
		IGRAPH_CHECK(igraph_strvector_push_back(&full.kind, ""));
		IGRAPH_CHECK(igraph_strvector_push_back(&full.bloc, ""));
		IGRAPH_CHECK(igraph_strvector_push_back(&full.role,
		    al->align == CLOUT_ALIGN_ROLE ? name : ""));
		IGRAPH_CHECK(igraph_strvector_push_back(&full.notes, ""));
		IGRAPH_CHECK(igraph_vector_int_push_back(&full.type, VECTOR(al->type)[i]));
		IGRAPH_CHECK(igraph_vector_int_push_back(&full.vertex_line, 0));
		VECTOR(keep)[i] = VECTOR(*present)[i];
		for (j = directed ? 0 : i + 1; j < n; j++) {
			/* a sum that cancels out leaves no strength to rank by */
			if (i == j || MATRIX(*w, i, j) == 0)
				continue;
			IGRAPH_CHECK(igraph_vector_int_push_back(&edges, i));
			IGRAPH_CHECK(igraph_vector_int_push_back(&edges, j));
			IGRAPH_CHECK(igraph_vector_push_back(&full.weight, fabs(MATRIX(*w, i, j))));
			IGRAPH_CHECK(igraph_vector_int_push_back(&full.sign,
			    MATRIX(*w, i, j) > 0 ? 1 : -1));
			IGRAPH_CHECK(igraph_vector_push_back(&full.confidence, 1));
			IGRAPH_CHECK(igraph_vector_int_push_back(&full.edge_line, 0));
			IGRAPH_CHECK(igraph_strvector_push_back(&full.edge_kind, ""));
			IGRAPH_CHECK(igraph_strvector_push_back(&full.evidence, ""));
		}
	}
	/*
	 * Built aside, then swapped in: on failure the error handler has
	 * already destroyed full, so full must never hold a destroyed graph.
	 */
	IGRAPH_CHECK(igraph_create(&graph, &edges, n, directed));
	igraph_destroy(&full.graph);
	full.graph = graph;
	full.directed = directed;
	IGRAPH_CHECK(clout_network_subset(&full, &keep, NULL, NULL, net, &map));
	igraph_vector_bool_destroy(&keep);
	igraph_vector_int_destroy(&map);
	igraph_vector_int_destroy(&edges);
	clout_network_destroy(&full);
	IGRAPH_FINALLY_CLEAN(4);
	return IGRAPH_SUCCESS;
}

/* Pearson over the off-diagonal cells of x and y, y's rows and columns read through perm. */
static double
cross(const igraph_matrix_t *x, const igraph_matrix_t *y, const igraph_vector_int_t *perm)
{
	igraph_integer_t	i, j, n = igraph_matrix_nrow(x);
	double			s = 0;

	for (i = 0; i < n; i++) {
		igraph_integer_t	pi = perm != NULL ? VECTOR(*perm)[i] : i;

		for (j = 0; j < n; j++)
			if (i != j)
				s += MATRIX(*x, i, j) * MATRIX(*y, pi,
				    perm != NULL ? VECTOR(*perm)[j] : j);
	}
	return s;
}

static void
moments(const igraph_matrix_t *m, double *sum, double *squares)
{
	igraph_integer_t	i, j, n = igraph_matrix_nrow(m);

	*sum = *squares = 0;
	for (i = 0; i < n; i++)
		for (j = 0; j < n; j++)
			if (i != j) {
				*sum += MATRIX(*m, i, j);
				*squares += MATRIX(*m, i, j) * MATRIX(*m, i, j);
			}
}

igraph_error_t
clout_qap(const struct clout_aligned *al, igraph_integer_t permutations, igraph_uint_t seed,
    double *r, double *p)
{
	igraph_integer_t	n = igraph_strvector_size(&al->names), k, hits = 0;
	double			cells = (double)n * (double)(n - 1), sa, qa, sb, qb, va, vb, rp;
	igraph_vector_int_t	perm;

	*r = *p = NAN;
	if (n < 2)
		return IGRAPH_SUCCESS;
	moments(&al->weight_a, &sa, &qa);
	moments(&al->weight_b, &sb, &qb);
	va = qa - sa * sa / cells;
	vb = qb - sb * sb / cells;
	/* a constant matrix (every off-diagonal cell alike) has no correlation */
	if (!(va > 1e-12 * (qa > 0 ? qa : 1)) || !(vb > 1e-12 * (qb > 0 ? qb : 1)))
		return IGRAPH_SUCCESS;
	/*
	 * A joint permutation of rows and columns only reorders the off-diagonal
	 * cells, so the means and variances stay: only the cross term moves.
	 */
	*r = (cross(&al->weight_a, &al->weight_b, NULL) - sa * sb / cells) / sqrt(va * vb);
	if (permutations <= 0)
		return IGRAPH_SUCCESS;
	IGRAPH_CHECK(igraph_vector_int_init_range(&perm, 0, n));
	IGRAPH_FINALLY(igraph_vector_int_destroy, &perm);
	IGRAPH_CHECK(igraph_rng_seed(igraph_rng_default(), seed));
	for (k = 0; k < permutations; k++) {
		IGRAPH_CHECK(igraph_vector_int_shuffle(&perm));
		rp = (cross(&al->weight_a, &al->weight_b, &perm) - sa * sb / cells) / sqrt(va * vb);
		/* ties up to rounding count as at least as extreme */
		hits += fabs(rp) >= fabs(*r) - 1e-12 * fabs(*r);
	}
	*p = (1.0 + (double)hits) / ((double)permutations + 1.0);
	igraph_vector_int_destroy(&perm);
	IGRAPH_FINALLY_CLEAN(1);
	return IGRAPH_SUCCESS;
}

/* ---- rank correlations ---- */

/*
 * Scores equal up to rounding must tie: PageRank or harmonic values equal in
 * exact arithmetic differ in the last bits, and HITS leaves ~1e-17 where the
 * answer is 0. Each score is snapped to a grid of 1e-12 of the largest
 * magnitude, which keeps the order transitive.
 */
static igraph_error_t
snapped(const igraph_vector_t *x, igraph_vector_t *res)
{
	igraph_integer_t	i, n = igraph_vector_size(x);
	double			scale = 0;

	IGRAPH_CHECK(igraph_vector_update(res, x));
	for (i = 0; i < n; i++)
		scale = fmax(scale, fabs(VECTOR(*x)[i]));
	if (scale > 0)
		for (i = 0; i < n; i++)
			VECTOR(*res)[i] = round(VECTOR(*x)[i] / (scale * 1e-12));
	return IGRAPH_SUCCESS;
}

struct sort_values {
	const igraph_vector_t	*x;
};

static int
by_value(void *data, const void *a, const void *b)
{
	const struct sort_values	*s = data;
	double				 x = VECTOR(*s->x)[*(const igraph_integer_t *)a];
	double				 y = VECTOR(*s->x)[*(const igraph_integer_t *)b];

	return x < y ? -1 : x > y;
}

/* Mid-ranks (ties share the mean of their places), 1-based; into ranks (length n). */
static igraph_error_t
mid_ranks(const igraph_vector_t *x, double *ranks)
{
	igraph_integer_t	 n = igraph_vector_size(x), i, j, k, *order;
	struct sort_values	 s = { x };

	order = calloc((size_t)n + 1, sizeof order[0]);
	if (order == NULL)
		IGRAPH_ERROR("out of memory", IGRAPH_ENOMEM);
	for (i = 0; i < n; i++)
		order[i] = i;
	igraph_qsort_r(order, (size_t)n, sizeof order[0], &s, by_value);
	for (i = 0; i < n; i = j) {
		for (j = i + 1; j < n && VECTOR(*x)[order[j]] == VECTOR(*x)[order[i]]; j++)
			;
		for (k = i; k < j; k++)
			ranks[order[k]] = (double)(i + j + 1) / 2.0;
	}
	free(order);
	return IGRAPH_SUCCESS;
}

igraph_error_t
clout_spearman(const igraph_vector_t *x, const igraph_vector_t *y, double *res)
{
	igraph_integer_t	 i, n = igraph_vector_size(x);
	igraph_vector_t		 sx, sy;
	double			*rx, *ry, mean, sxy = 0, sxx = 0, syy = 0;

	*res = NAN;
	if (n < 2 || igraph_vector_size(y) != n)
		return IGRAPH_SUCCESS;
	rx = calloc(2 * (size_t)n, sizeof rx[0]);
	if (rx == NULL)
		IGRAPH_ERROR("out of memory", IGRAPH_ENOMEM);
	IGRAPH_FINALLY(free, rx);
	ry = rx + n;
	IGRAPH_VECTOR_INIT_FINALLY(&sx, 0);
	IGRAPH_VECTOR_INIT_FINALLY(&sy, 0);
	IGRAPH_CHECK(snapped(x, &sx));
	IGRAPH_CHECK(snapped(y, &sy));
	IGRAPH_CHECK(mid_ranks(&sx, rx));
	IGRAPH_CHECK(mid_ranks(&sy, ry));
	/* mid-ranks always average (n + 1) / 2, exactly */
	mean = (double)(n + 1) / 2.0;
	for (i = 0; i < n; i++) {
		sxy += (rx[i] - mean) * (ry[i] - mean);
		sxx += (rx[i] - mean) * (rx[i] - mean);
		syy += (ry[i] - mean) * (ry[i] - mean);
	}
	/* Pearson on mid-ranks: right with ties, undefined when one side is all tied */
	if (sxx > 0 && syy > 0)
		*res = sxy / sqrt(sxx * syy);
	igraph_vector_destroy(&sy);
	igraph_vector_destroy(&sx);
	free(rx);
	IGRAPH_FINALLY_CLEAN(3);
	return IGRAPH_SUCCESS;
}

igraph_error_t
clout_kendall_tau_b(const igraph_vector_t *x, const igraph_vector_t *y, double *res)
{
	igraph_integer_t	i, j, n = igraph_vector_size(x);
	igraph_vector_t		sx, sy;
	double			concordant = 0, discordant = 0, tie_x = 0, tie_y = 0, pairs;

	*res = NAN;
	if (n < 2 || igraph_vector_size(y) != n)
		return IGRAPH_SUCCESS;
	IGRAPH_VECTOR_INIT_FINALLY(&sx, 0);
	IGRAPH_VECTOR_INIT_FINALLY(&sy, 0);
	IGRAPH_CHECK(snapped(x, &sx));
	IGRAPH_CHECK(snapped(y, &sy));
	for (i = 0; i < n; i++)
		for (j = i + 1; j < n; j++) {
			double	dx = VECTOR(sx)[i] - VECTOR(sx)[j];
			double	dy = VECTOR(sy)[i] - VECTOR(sy)[j];

			tie_x += dx == 0;
			tie_y += dy == 0;
			if (dx != 0 && dy != 0) {
				if ((dx > 0) == (dy > 0))
					concordant++;
				else
					discordant++;
			}
		}
	pairs = (double)n * (double)(n - 1) / 2.0;
	/* tau-b = (nc - nd) / sqrt((n0 - n1)(n0 - n2)), n1 and n2 the tied pairs of each */
	if (pairs - tie_x > 0 && pairs - tie_y > 0)
		*res = (concordant - discordant) / sqrt((pairs - tie_x) * (pairs - tie_y));
	igraph_vector_destroy(&sy);
	igraph_vector_destroy(&sx);
	IGRAPH_FINALLY_CLEAN(2);
	return IGRAPH_SUCCESS;
}

/* ---- profiles ---- */

igraph_error_t
clout_profile_init(struct clout_profile *p)
{
	memset(p, 0, sizeof *p);
	if (igraph_vector_init(&p->triads, 0) || igraph_vector_init(&p->out_strength, 0) ||
	    igraph_vector_init(&p->in_strength, 0)) {
		clout_profile_destroy(p);
		IGRAPH_ERROR("out of memory", IGRAPH_ENOMEM);
	}
	return IGRAPH_SUCCESS;
}

void
clout_profile_destroy(struct clout_profile *p)
{
	igraph_vector_destroy(&p->triads);
	igraph_vector_destroy(&p->out_strength);
	igraph_vector_destroy(&p->in_strength);
	memset(p, 0, sizeof *p);	/* a second destroy does nothing */
}

igraph_error_t
clout_profile_compute(const struct clout_network *net, struct clout_profile *p)
{
	const igraph_t		*g = &net->graph;
	igraph_integer_t	 e, m = igraph_ecount(g), n = igraph_vcount(g);
	igraph_t		 directed;
	igraph_vector_t		 degrees;
	struct clout_signed	 s;
	double			 total, maximum;

	p->density = p->reciprocity = p->centralisation = p->negative_share = p->balance = NAN;
	if (n > 1)
		IGRAPH_CHECK(igraph_density(g, &p->density, 0));
	if (m > 0)
		IGRAPH_CHECK(igraph_reciprocity(g, &p->reciprocity, 1, IGRAPH_RECIPROCITY_DEFAULT));
	if (n > 2) {
		IGRAPH_VECTOR_INIT_FINALLY(&degrees, 0);
		IGRAPH_CHECK(igraph_centralization_degree(g, &degrees, IGRAPH_ALL, 0,
		    &p->centralisation, &maximum, 1));
		igraph_vector_destroy(&degrees);
		IGRAPH_FINALLY_CLEAN(1);
	}
	if (m > 0) {
		p->negative_share = 0;
		for (e = 0; e < m; e++)
			p->negative_share += VECTOR(net->sign)[e] < 0;
		p->negative_share /= (double)m;
	}
	IGRAPH_CHECK(clout_signed_init(&s));
	IGRAPH_FINALLY(clout_signed_destroy, &s);
	IGRAPH_CHECK(clout_signed_compute(net, &s));
	p->balance = s.balanced_triangle_share;
	clout_signed_destroy(&s);
	IGRAPH_FINALLY_CLEAN(1);

	/* the triad census wants a directed graph: undirected ties count as mutual */
	IGRAPH_CHECK(igraph_copy(&directed, g));
	IGRAPH_FINALLY(igraph_destroy, &directed);
	if (!igraph_is_directed(&directed))
		IGRAPH_CHECK(igraph_to_directed(&directed, IGRAPH_TO_DIRECTED_MUTUAL));
	IGRAPH_CHECK(igraph_triad_census(&directed, &p->triads));
	igraph_destroy(&directed);
	IGRAPH_FINALLY_CLEAN(1);
	total = igraph_vector_sum(&p->triads);
	if (total > 0)
		igraph_vector_scale(&p->triads, 1.0 / total);

	IGRAPH_CHECK(igraph_strength(g, &p->out_strength, igraph_vss_all(), IGRAPH_OUT, 0,
	    &net->weight));
	IGRAPH_CHECK(igraph_strength(g, &p->in_strength, igraph_vss_all(), IGRAPH_IN, 0,
	    &net->weight));
	return IGRAPH_SUCCESS;
}

static int
by_double(const void *a, const void *b)
{
	double	x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

igraph_error_t
clout_ks_distance(const igraph_vector_t *x, const igraph_vector_t *y, double *res)
{
	igraph_integer_t	 nx = igraph_vector_size(x), ny = igraph_vector_size(y), i = 0, j = 0;
	double			*a, *b, d = 0, v;

	*res = NAN;
	if (nx == 0 || ny == 0)
		return IGRAPH_SUCCESS;
	a = calloc((size_t)(nx + ny), sizeof a[0]);
	if (a == NULL)
		IGRAPH_ERROR("out of memory", IGRAPH_ENOMEM);
	b = a + nx;
	memcpy(a, VECTOR(*x), (size_t)nx * sizeof a[0]);
	memcpy(b, VECTOR(*y), (size_t)ny * sizeof b[0]);
	qsort(a, (size_t)nx, sizeof a[0], by_double);
	qsort(b, (size_t)ny, sizeof b[0], by_double);
	/* walk both sorted samples; the gap is taken after every distinct value */
	while (i < nx || j < ny) {
		v = i < nx && (j >= ny || a[i] <= b[j]) ? a[i] : b[j];
		while (i < nx && a[i] == v)
			i++;
		while (j < ny && b[j] == v)
			j++;
		d = fmax(d, fabs((double)i / nx - (double)j / ny));
	}
	free(a);
	*res = d;
	return IGRAPH_SUCCESS;
}
