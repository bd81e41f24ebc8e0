/*
 * test_compare.c: alignment, Jaccard, QAP and rank correlations worked out by hand.
 *
 * roles-a: moscow->kyiv -3, paris->moscow +2, berlin->moscow -1, paris->berlin +2,
 * paris->kyiv +1; paris and berlin are both "mediator state". roles-b:
 * russia->tbilisi -2, washington->russia -1, russia->ossetia +3,
 * washington->tbilisi +2. Aligned by role (names in byte order: aggressor
 * state 0, defender state 1, mediator state 2, proxy authority 3):
 *   A: (0,1) -3, (2,0) +2-1 = +1, (2,1) +1; paris->berlin is inside one role
 *   B: (0,1) -2, (2,0) -1, (0,3) +3, (2,1) +2
 * Edges: 3 in both, 1 only in B, (2,0) flips sign: Jaccard 3/4. Weighted:
 * sum min = 2 + 1 + 1 + 0 = 4, sum max = 3 + 1 + 2 + 3 = 9. QAP over the 12
 * off-diagonal cells: sum AB = 6 - 1 + 2 = 7, means -1/12 and 2/12, so
 * r = (7 + 1/6) / sqrt((11 - 1/12) (18 - 1/3)).
 */
#define _DEFAULT_SOURCE
#include <math.h>
#include <string.h>

#include "test.h"

static void
align_by_role(void **state)
{
	struct clout_network	a, b;
	struct clout_aligned	al;
	double			r, p;

	(void)state;
	load_case(FIXTURE("roles-a"), &a);
	load_case(FIXTURE("roles-b"), &b);
	assert_int_equal(clout_align_default(&a, &b), CLOUT_ALIGN_ROLE);
	assert_int_equal(clout_aligned_init(&al), IGRAPH_SUCCESS);
	assert_int_equal(clout_align(&a, &b, CLOUT_ALIGN_ROLE, &al), IGRAPH_SUCCESS);
	assert_int_equal(igraph_strvector_size(&al.names), 4);
	assert_string_equal(igraph_strvector_get(&al.names, 0), "aggressor state");
	assert_string_equal(igraph_strvector_get(&al.names, 3), "proxy authority");
	assert_float_equal(MATRIX(al.weight_a, 0, 1), -3, 0);
	assert_float_equal(MATRIX(al.weight_a, 2, 0), 1, 0);
	assert_float_equal(MATRIX(al.weight_b, 0, 3), 3, 0);
	assert_int_equal(MATRIX(al.has_a, 0, 3), 0);
	assert_int_equal(al.merged_a, 1);
	assert_int_equal(al.merged_b, 0);
	assert_int_equal(al.same_role_a, 1);
	assert_false(VECTOR(al.present_a)[3]);
	assert_true(VECTOR(al.present_b)[3]);
	assert_int_equal(clout_qap(&al, 0, 1, &r, &p), IGRAPH_SUCCESS);
	assert_float_equal(r, (7 + 1.0 / 6) / sqrt((11 - 1.0 / 12) * (18 - 1.0 / 3)), 1e-12);
	assert_true(isnan(p));
	/* a p-value is a share of permutations: (1 + hits) / (N + 1) */
	assert_int_equal(clout_qap(&al, 99, 7, &r, &p), IGRAPH_SUCCESS);
	assert_true(p >= 0.01 && p <= 1);
	assert_float_equal(p * 100, round(p * 100), 1e-9);
	clout_aligned_destroy(&al);

	/* by id nothing is shared: 8 names, and no cell in both */
	assert_int_equal(clout_aligned_init(&al), IGRAPH_SUCCESS);
	assert_int_equal(clout_align(&a, &b, CLOUT_ALIGN_ID, &al), IGRAPH_SUCCESS);
	assert_int_equal(igraph_strvector_size(&al.names), 8);
	assert_int_equal(al.same_role_a, 0);
	clout_aligned_destroy(&al);
	clout_network_destroy(&b);
	clout_network_destroy(&a);
	VERIFY_FINALLY_STACK();
}

static void
self_comparison(void **state)
{
	struct clout_network	a;
	struct clout_aligned	al;
	double			r, p;

	(void)state;
	load_case("data/ukraine-2025", &a);
	assert_int_equal(clout_aligned_init(&al), IGRAPH_SUCCESS);
	assert_int_equal(clout_align(&a, &a, CLOUT_ALIGN_ROLE, &al), IGRAPH_SUCCESS);
	assert_int_equal(clout_qap(&al, 50, 1, &r, &p), IGRAPH_SUCCESS);
	assert_float_equal(r, 1, 1e-12);
	assert_true(p < 0.05);	/* no shuffle of a real network matches it */
	assert_true(igraph_matrix_all_e(&al.weight_a, &al.weight_b));
	clout_aligned_destroy(&al);
	clout_network_destroy(&a);
	VERIFY_FINALLY_STACK();
}

typedef igraph_error_t correlation(const igraph_vector_t *, const igraph_vector_t *, double *);

/* One correlation, asserting it succeeds. */
static double
corr(correlation *f, const igraph_vector_t *x, const igraph_vector_t *y)
{
	double	res = 0;

	assert_int_equal(f(x, y, &res), IGRAPH_SUCCESS);
	return res;
}

/* One Kolmogorov-Smirnov distance, asserting it succeeds. */
static double
ks(const igraph_vector_t *x, const igraph_vector_t *y)
{
	double	res = 0;

	assert_int_equal(clout_ks_distance(x, y, &res), IGRAPH_SUCCESS);
	return res;
}

/* x = 1 2 3 4 against 1 3 2 4: rho = 1 - 6 * 2 / (4 * 15) = 0.8; tau = (5 - 1) / 6. */
static void
rank_correlations(void **state)
{
	igraph_vector_t	x, y;

	(void)state;
	assert_int_equal(igraph_vector_init_int(&x, 4, 1, 2, 3, 4), IGRAPH_SUCCESS);
	assert_int_equal(igraph_vector_init_int(&y, 4, 1, 3, 2, 4), IGRAPH_SUCCESS);
	assert_float_equal(corr(clout_spearman, &x, &y), 0.8, 1e-12);
	assert_float_equal(corr(clout_kendall_tau_b, &x, &y), 4.0 / 6, 1e-12);
	/* ties: x = 1 2 2 3 has mid-ranks 1 2.5 2.5 4; rho = 4.5 / sqrt(4.5 * 5) */
	VECTOR(x)[0] = 1;
	VECTOR(x)[1] = 2;
	VECTOR(x)[2] = 2;
	VECTOR(x)[3] = 3;
	VECTOR(y)[0] = 1;
	VECTOR(y)[1] = 2;
	VECTOR(y)[2] = 3;
	VECTOR(y)[3] = 4;
	assert_float_equal(corr(clout_spearman, &x, &y), 4.5 / sqrt(22.5), 1e-12);
	/* 5 concordant pairs, 1 tied in x only: tau-b = 5 / sqrt((6 - 1) * 6) */
	assert_float_equal(corr(clout_kendall_tau_b, &x, &y), 5 / sqrt(30.0), 1e-12);
	/* equal up to rounding is a tie: 0.1 + 0.2 and 0.3 share mid-rank 1.5 */
	assert_int_equal(igraph_vector_resize(&x, 3), IGRAPH_SUCCESS);
	assert_int_equal(igraph_vector_resize(&y, 3), IGRAPH_SUCCESS);
	VECTOR(x)[0] = 0.1 + 0.2;
	VECTOR(x)[1] = 0.3;
	VECTOR(x)[2] = 1;
	VECTOR(y)[0] = 1;
	VECTOR(y)[1] = 2;
	VECTOR(y)[2] = 3;
	assert_float_equal(corr(clout_spearman, &x, &y), 1.5 / sqrt(3.0), 1e-12);
	assert_float_equal(corr(clout_kendall_tau_b, &x, &y), 2 / sqrt(2.0 * 3.0), 1e-12);
	/* constant: undefined */
	igraph_vector_fill(&x, 2);
	assert_true(isnan(corr(clout_spearman, &x, &y)));
	assert_true(isnan(corr(clout_kendall_tau_b, &x, &y)));
	igraph_vector_destroy(&y);
	igraph_vector_destroy(&x);
}

/* 1 2 3 against 2 3 4 5: the CDFs are furthest apart at 3, 1 - 2/4. */
static void
ks_distance(void **state)
{
	igraph_vector_t	x, y;

	(void)state;
	assert_int_equal(igraph_vector_init_int(&x, 3, 3, 1, 2), IGRAPH_SUCCESS);
	assert_int_equal(igraph_vector_init_int(&y, 4, 5, 2, 4, 3), IGRAPH_SUCCESS);
	assert_float_equal(ks(&x, &y), 0.5, 1e-12);
	assert_float_equal(ks(&x, &x), 0, 0);
	igraph_vector_destroy(&y);
	igraph_vector_destroy(&x);
}

/*
 * igraph 0.10.2 aborts when it destroys a string vector whose init failed
 * or that is zeroed. clout_strvector_release, and the destroy functions of
 * an alignment and a profile, accept those, and a second destroy (after a
 * failed init cleaned up, as cmd-compare.c does) does nothing.
 */
static void
destroy_twice_or_zeroed(void **state)
{
	struct clout_aligned	al;
	struct clout_profile	p;
	igraph_strvector_t	sv;

	(void)state;
	memset(&sv, 0, sizeof sv);
	clout_strvector_release(&sv);
	assert_int_equal(igraph_strvector_init(&sv, 2), IGRAPH_SUCCESS);
	clout_strvector_release(&sv);
	assert_null(sv.stor_begin);
	clout_strvector_release(&sv);

	memset(&al, 0, sizeof al);
	clout_aligned_destroy(&al);
	assert_int_equal(clout_aligned_init(&al), IGRAPH_SUCCESS);
	clout_aligned_destroy(&al);
	clout_aligned_destroy(&al);

	memset(&p, 0, sizeof p);
	clout_profile_destroy(&p);
	assert_int_equal(clout_profile_init(&p), IGRAPH_SUCCESS);
	clout_profile_destroy(&p);
	clout_profile_destroy(&p);
	VERIFY_FINALLY_STACK();
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(align_by_role),
		cmocka_unit_test(self_comparison),
		cmocka_unit_test(rank_correlations),
		cmocka_unit_test(ks_distance),
		cmocka_unit_test(destroy_twice_or_zeroed),
	};

	return cmocka_run_group_tests(tests, test_setup, NULL);
}
