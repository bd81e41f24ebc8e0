/* mactor.c: MACTOR: direct and indirect influence between actors, balance of power, positions, alliances. */
#include <errno.h>
#include <math.h>
#include <string.h>

#include "clout_internal.h"

igraph_error_t
clout_mactor_init(struct clout_mactor *ma)
{
	int	p;

	memset(ma, 0, sizeof ma[0]);
	IGRAPH_VECTOR_INT_INIT_FINALLY(&ma->actor_vertex, 0);
	IGRAPH_VECTOR_INT_INIT_FINALLY(&ma->issue_vertex, 0);
	IGRAPH_MATRIX_INIT_FINALLY(&ma->mid, 0, 0);
	IGRAPH_MATRIX_INIT_FINALLY(&ma->midi, 0, 0);
	IGRAPH_VECTOR_INIT_FINALLY(&ma->influence, 0);
	IGRAPH_VECTOR_INIT_FINALLY(&ma->dependence, 0);
	IGRAPH_VECTOR_INIT_FINALLY(&ma->influence_with_diagonal, 0);
	IGRAPH_VECTOR_INIT_FINALLY(&ma->dependence_with_diagonal, 0);
	IGRAPH_VECTOR_INIT_FINALLY(&ma->r, 0);
	IGRAPH_VECTOR_INIT_FINALLY(&ma->r_star, 0);
	IGRAPH_MATRIX_INIT_FINALLY(&ma->positions, 0, 0);
	IGRAPH_MATRIX_INIT_FINALLY(&ma->weighted_positions, 0, 0);
	IGRAPH_VECTOR_INIT_FINALLY(&ma->mobilisation_for, 0);
	IGRAPH_VECTOR_INIT_FINALLY(&ma->mobilisation_against, 0);
	/* the FINALLY stack has 100 slots: 14 above plus 9 here stays far below */
	for (p = 0; p < CLOUT_MACTOR_ORDERS; p++) {
		IGRAPH_MATRIX_INIT_FINALLY(&ma->convergence[p], 0, 0);
		IGRAPH_MATRIX_INIT_FINALLY(&ma->divergence[p], 0, 0);
		IGRAPH_VECTOR_INIT_FINALLY(&ma->ambivalence[p], 0);
	}
	IGRAPH_FINALLY_CLEAN(14 + 3 * CLOUT_MACTOR_ORDERS);
	return IGRAPH_SUCCESS;
}

void
clout_mactor_destroy(struct clout_mactor *ma)
{
	int	p;

	igraph_vector_int_destroy(&ma->actor_vertex);
	igraph_vector_int_destroy(&ma->issue_vertex);
	igraph_matrix_destroy(&ma->mid);
	igraph_matrix_destroy(&ma->midi);
	igraph_vector_destroy(&ma->influence);
	igraph_vector_destroy(&ma->dependence);
	igraph_vector_destroy(&ma->influence_with_diagonal);
	igraph_vector_destroy(&ma->dependence_with_diagonal);
	igraph_vector_destroy(&ma->r);
	igraph_vector_destroy(&ma->r_star);
	igraph_matrix_destroy(&ma->positions);
	igraph_matrix_destroy(&ma->weighted_positions);
	igraph_vector_destroy(&ma->mobilisation_for);
	igraph_vector_destroy(&ma->mobilisation_against);
	for (p = 0; p < CLOUT_MACTOR_ORDERS; p++) {
		igraph_matrix_destroy(&ma->convergence[p]);
		igraph_matrix_destroy(&ma->divergence[p]);
		igraph_vector_destroy(&ma->ambivalence[p]);
	}
}

/* A magnitude on the MACTOR scale, counting what had to be clamped. */
static double
on_scale(struct clout_mactor *ma, double magnitude)
{
	if (magnitude <= CLOUT_MACTOR_SCALE_MAX)
		return magnitude;
	ma->clamped++;
	ma->clamped_max = fmax(ma->clamped_max, magnitude);
	return CLOUT_MACTOR_SCALE_MAX;
}

/* MID and 2MAO from the relations; index[v] is v's actor or issue number. */
static igraph_error_t
read_relations(const struct clout_network *net, const igraph_vector_int_t *index,
    struct clout_mactor *ma)
{
	igraph_integer_t	e;

	for (e = 0; e < clout_network_ecount(net); e++) {
		igraph_integer_t	from = IGRAPH_FROM(&net->graph, e), to = IGRAPH_TO(&net->graph, e);
		int			from_actor = VECTOR(net->type)[from] == CLOUT_VERTEX_ACTOR;
		int			to_actor = VECTOR(net->type)[to] == CLOUT_VERTEX_ACTOR;
		double			w;

		if (!from_actor && !net->directed && to_actor) {
			/* an undirected tie between an issue and an actor is the actor's position */
			igraph_integer_t	swap = from;

			from = to;
			to = swap;
			from_actor = 1;
			to_actor = 0;
		}
		if (!from_actor) {
			ma->unused++;
			continue;
		}
		w = on_scale(ma, VECTOR(net->weight)[e]);
		if (to_actor) {
			MATRIX(ma->mid, VECTOR(*index)[from], VECTOR(*index)[to]) = w;
			if (!net->directed)
				MATRIX(ma->mid, VECTOR(*index)[to], VECTOR(*index)[from]) = w;
		} else {
			MATRIX(ma->positions, VECTOR(*index)[from], VECTOR(*index)[to]) =
			    VECTOR(net->sign)[e] * w;
			ma->position_count++;
		}
	}
	return IGRAPH_SUCCESS;
}

/*
 * MIDI, M and D with and without the diagonal, r and r*. A path i -> k -> j
 * adds min(MID_ik, MID_kj), which is 0 unless both legs exist: so each k
 * pairs only its own influencers with those it influences, O(n^2 + the sum
 * over k of in(k) out(k)) instead of O(n^3) (TrumpWorld's 2,669 actors:
 * 0.1 s instead of a minute).
 */
static igraph_error_t
balance_of_power(struct clout_mactor *ma)
{
	igraph_integer_t	i, j, k, a, b, n = igraph_matrix_nrow(&ma->mid);
	igraph_vector_int_t	in, out;
	double			total = 0, rsum = 0;

	IGRAPH_VECTOR_INT_INIT_FINALLY(&in, 0);
	IGRAPH_VECTOR_INT_INIT_FINALLY(&out, 0);
	IGRAPH_CHECK(igraph_matrix_update(&ma->midi, &ma->mid));
	for (k = 0; k < n; k++) {
		igraph_vector_int_clear(&in);
		igraph_vector_int_clear(&out);
		for (i = 0; i < n; i++) {
			if (MATRIX(ma->mid, i, k) > 0)
				IGRAPH_CHECK(igraph_vector_int_push_back(&in, i));
			if (MATRIX(ma->mid, k, i) > 0)
				IGRAPH_CHECK(igraph_vector_int_push_back(&out, i));
		}
		/* an indirect path is as strong as its weaker leg */
		for (a = 0; a < igraph_vector_int_size(&in); a++)
			for (b = 0; b < igraph_vector_int_size(&out); b++) {
				i = VECTOR(in)[a];
				j = VECTOR(out)[b];
				MATRIX(ma->midi, i, j) += fmin(MATRIX(ma->mid, i, k), MATRIX(ma->mid, k, j));
			}
	}
	igraph_vector_int_destroy(&out);
	igraph_vector_int_destroy(&in);
	IGRAPH_FINALLY_CLEAN(2);
	igraph_vector_null(&ma->influence_with_diagonal);
	igraph_vector_null(&ma->dependence_with_diagonal);
	for (i = 0; i < n; i++)
		for (j = 0; j < n; j++) {
			VECTOR(ma->influence_with_diagonal)[i] += MATRIX(ma->midi, i, j);
			VECTOR(ma->dependence_with_diagonal)[j] += MATRIX(ma->midi, i, j);
		}
	for (i = 0; i < n; i++) {
		VECTOR(ma->influence)[i] = VECTOR(ma->influence_with_diagonal)[i] - MATRIX(ma->midi, i, i);
		VECTOR(ma->dependence)[i] = VECTOR(ma->dependence_with_diagonal)[i] -
		    MATRIX(ma->midi, i, i);
		total += VECTOR(ma->influence_with_diagonal)[i];
	}
	for (i = 0; i < n; i++) {
		double	m = VECTOR(ma->influence_with_diagonal)[i];
		double	d = VECTOR(ma->dependence_with_diagonal)[i];

		/* m + d > 0 implies total > 0: some row of MIDI is not zero */
		VECTOR(ma->r)[i] = m + d > 0 ? (m - MATRIX(ma->midi, i, i)) / total * (m / (m + d)) : 0;
		rsum += VECTOR(ma->r)[i];
	}
	ma->r_sum_zero = !(rsum > 0);
	for (i = 0; i < n; i++)
		VECTOR(ma->r_star)[i] = rsum > 0 ? n * VECTOR(ma->r)[i] / rsum : 0;
	return IGRAPH_SUCCESS;
}

/* pCAA, pDAA and the ambivalence from the positions of one order. */
static void
alliances(const igraph_matrix_t *pos, igraph_matrix_t *caa, igraph_matrix_t *daa,
    igraph_vector_t *ambivalence)
{
	igraph_integer_t	i, j, k, n = igraph_matrix_nrow(pos), q = igraph_matrix_ncol(pos);

	igraph_matrix_null(caa);
	igraph_matrix_null(daa);
	for (i = 0; i < n; i++)
		for (j = i + 1; j < n; j++) {
			double	c = 0, d = 0;

			for (k = 0; k < q; k++) {
				double	a = MATRIX(*pos, i, k), b = MATRIX(*pos, j, k);

				if (a * b > 0)
					c += (fabs(a) + fabs(b)) / 2;
				else if (a * b < 0)
					d += (fabs(a) + fabs(b)) / 2;
			}
			MATRIX(*caa, i, j) = MATRIX(*caa, j, i) = c;
			MATRIX(*daa, i, j) = MATRIX(*daa, j, i) = d;
		}
	for (i = 0; i < n; i++) {
		double	num = 0, den = 0;

		for (j = 0; j < n; j++) {
			if (j == i)
				continue;
			num += fabs(fabs(MATRIX(*caa, i, j)) - fabs(MATRIX(*daa, i, j)));
			den += fabs(MATRIX(*caa, i, j)) + fabs(MATRIX(*daa, i, j));
		}
		VECTOR(*ambivalence)[i] = den > 0 ? 1 - num / den : NAN;
	}
}

static igraph_error_t
resize_results(struct clout_mactor *ma, igraph_integer_t n, igraph_integer_t q)
{
	igraph_vector_t	*vectors[] = { &ma->influence, &ma->dependence,
		&ma->influence_with_diagonal, &ma->dependence_with_diagonal, &ma->r, &ma->r_star };
	size_t		 i;
	int		 p;

	IGRAPH_CHECK(igraph_matrix_resize(&ma->mid, n, n));
	IGRAPH_CHECK(igraph_matrix_resize(&ma->midi, n, n));
	IGRAPH_CHECK(igraph_matrix_resize(&ma->positions, n, q));
	IGRAPH_CHECK(igraph_matrix_resize(&ma->weighted_positions, n, q));
	igraph_matrix_null(&ma->mid);
	igraph_matrix_null(&ma->positions);
	for (i = 0; i < sizeof vectors / sizeof vectors[0]; i++)
		IGRAPH_CHECK(igraph_vector_resize(vectors[i], n));
	IGRAPH_CHECK(igraph_vector_resize(&ma->mobilisation_for, q));
	IGRAPH_CHECK(igraph_vector_resize(&ma->mobilisation_against, q));
	for (p = 0; p < CLOUT_MACTOR_ORDERS; p++) {
		IGRAPH_CHECK(igraph_matrix_resize(&ma->convergence[p], n, n));
		IGRAPH_CHECK(igraph_matrix_resize(&ma->divergence[p], n, n));
		IGRAPH_CHECK(igraph_vector_resize(&ma->ambivalence[p], n));
	}
	return IGRAPH_SUCCESS;
}

igraph_error_t
clout_mactor_compute(const struct clout_network *net, struct clout_mactor *ma)
{
	igraph_integer_t	v, i, k, n, q, vcount = clout_network_vcount(net);
	igraph_vector_int_t	index;
	igraph_matrix_t		signs;

	ma->clamped = ma->unused = ma->position_count = 0;
	ma->clamped_max = 0;
	IGRAPH_CHECK(igraph_vector_int_resize(&ma->actor_vertex, 0));
	IGRAPH_CHECK(igraph_vector_int_resize(&ma->issue_vertex, 0));
	IGRAPH_VECTOR_INT_INIT_FINALLY(&index, vcount);
	for (v = 0; v < vcount; v++) {
		igraph_vector_int_t	*list = VECTOR(net->type)[v] == CLOUT_VERTEX_ACTOR ?
					    &ma->actor_vertex : &ma->issue_vertex;

		VECTOR(index)[v] = igraph_vector_int_size(list);
		IGRAPH_CHECK(igraph_vector_int_push_back(list, v));
	}
	n = igraph_vector_int_size(&ma->actor_vertex);
	q = igraph_vector_int_size(&ma->issue_vertex);
	if (n > CLOUT_MACTOR_MAX_ACTORS)
		IGRAPH_ERRORF("%" IGRAPH_PRId " actors: MACTOR keeps eight dense actor x actor "
		    "matrices, %.1f GB here; clout stops at %d actors (the method is meant for "
		    "a few dozen)", IGRAPH_EINVAL, n, 64.0 * (double)n * (double)n / 1e9,
		    CLOUT_MACTOR_MAX_ACTORS);
	IGRAPH_CHECK(resize_results(ma, n, q));
	IGRAPH_CHECK(read_relations(net, &index, ma));
	igraph_vector_int_destroy(&index);
	IGRAPH_FINALLY_CLEAN(1);

	IGRAPH_CHECK(balance_of_power(ma));

	igraph_vector_null(&ma->mobilisation_for);
	igraph_vector_null(&ma->mobilisation_against);
	for (i = 0; i < n; i++)
		for (k = 0; k < q; k++) {
			double	w = MATRIX(ma->positions, i, k) * VECTOR(ma->r_star)[i];

			MATRIX(ma->weighted_positions, i, k) = w;
			if (w > 0)
				VECTOR(ma->mobilisation_for)[k] += w;
			else
				VECTOR(ma->mobilisation_against)[k] -= w;
		}

	/* order 1: the stance alone */
	IGRAPH_MATRIX_INIT_FINALLY(&signs, n, q);
	for (i = 0; i < n; i++)
		for (k = 0; k < q; k++)
			MATRIX(signs, i, k) = (MATRIX(ma->positions, i, k) > 0) -
			    (MATRIX(ma->positions, i, k) < 0);
	alliances(&signs, &ma->convergence[0], &ma->divergence[0], &ma->ambivalence[0]);
	igraph_matrix_destroy(&signs);
	IGRAPH_FINALLY_CLEAN(1);
	alliances(&ma->positions, &ma->convergence[1], &ma->divergence[1], &ma->ambivalence[1]);
	alliances(&ma->weighted_positions, &ma->convergence[2], &ma->divergence[2],
	    &ma->ambivalence[2]);
	return IGRAPH_SUCCESS;
}

/* ---- JSON ---- */

static void
json_vector(struct clout_json *json, const char *key, const igraph_vector_t *v)
{
	igraph_integer_t	i;

	clout_json_open(json, key, '[', 1);
	for (i = 0; i < igraph_vector_size(v); i++)
		clout_json_real(json, NULL, VECTOR(*v)[i]);
	clout_json_close(json);
}

static void
json_vertices(struct clout_json *json, const char *key, const struct clout_network *net,
    const igraph_vector_int_t *vertices, int with_bloc)
{
	igraph_integer_t	i;

	clout_json_open(json, key, '[', 0);
	for (i = 0; i < igraph_vector_int_size(vertices); i++) {
		igraph_integer_t	v = VECTOR(*vertices)[i];

		clout_json_open(json, NULL, '{', 1);
		clout_json_string(json, "id", igraph_strvector_get(&net->id, v));
		clout_json_string(json, "label", igraph_strvector_get(&net->label, v));
		if (with_bloc)
			clout_json_string(json, "bloc", igraph_strvector_get(&net->bloc, v));
		clout_json_close(json);
	}
	clout_json_close(json);
}

igraph_error_t
clout_mactor_write_json(FILE *out, const struct clout_network *net, const struct clout_mactor *ma)
{
	const struct { const char *key; const igraph_vector_t *v; } vectors[] = {
		{ "influence", &ma->influence },
		{ "dependence", &ma->dependence },
		{ "influence_with_diagonal", &ma->influence_with_diagonal },
		{ "dependence_with_diagonal", &ma->dependence_with_diagonal },
		{ "r", &ma->r },
		{ "r_star", &ma->r_star },
	};
	static const char *const orders[CLOUT_MACTOR_ORDERS] = { "1", "2", "3" };
	struct clout_json	json;
	igraph_integer_t	k, q = igraph_vector_int_size(&ma->issue_vertex);
	size_t			i;
	int			p, which;

	clout_json_init(&json, out);
	clout_json_open(&json, NULL, '{', 0);
	json_vertices(&json, "actors", net, &ma->actor_vertex, 1);
	json_vertices(&json, "issues", net, &ma->issue_vertex, 0);
	clout_json_matrix(&json, "mid", &ma->mid);
	clout_json_matrix(&json, "midi", &ma->midi);
	for (i = 0; i < sizeof vectors / sizeof vectors[0]; i++)
		json_vector(&json, vectors[i].key, vectors[i].v);
	clout_json_matrix(&json, "positions", &ma->positions);
	clout_json_matrix(&json, "weighted_positions", &ma->weighted_positions);
	clout_json_open(&json, "mobilisation", '{', 0);
	for (k = 0; k < q; k++) {
		clout_json_open(&json, igraph_strvector_get(&net->id, VECTOR(ma->issue_vertex)[k]),
		    '{', 1);
		clout_json_real(&json, "for", VECTOR(ma->mobilisation_for)[k]);
		clout_json_real(&json, "against", VECTOR(ma->mobilisation_against)[k]);
		clout_json_close(&json);
	}
	clout_json_close(&json);
	for (which = 0; which < 2; which++) {
		clout_json_open(&json, which == 0 ? "convergence" : "divergence", '{', 0);
		for (p = 0; p < CLOUT_MACTOR_ORDERS; p++)
			clout_json_matrix(&json, orders[p],
			    which == 0 ? &ma->convergence[p] : &ma->divergence[p]);
		clout_json_close(&json);
	}
	clout_json_open(&json, "ambivalence", '{', 0);
	for (p = 0; p < CLOUT_MACTOR_ORDERS; p++)
		json_vector(&json, orders[p], &ma->ambivalence[p]);
	clout_json_close(&json);
	clout_json_int(&json, "clamped", ma->clamped);
	clout_json_int(&json, "unused_relations", ma->unused);
	clout_json_close(&json);
	if (ferror(out))
		IGRAPH_ERRORF("%s", IGRAPH_EFILE, strerror(errno != 0 ? errno : EIO));	/* the reason */
	return IGRAPH_SUCCESS;
}
