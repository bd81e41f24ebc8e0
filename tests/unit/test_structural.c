/*
 * test_structural.c: MICMAC against values worked out by hand.
 *
 * The hand case (a->b 2, b->c 1, a->c 4, c->d 1) is acyclic: rho(M) = 0, so
 * alpha = 0.5, M^4 = 0 and T = M + M^2/2 + M^3/4. M^2 has a->c 2, a->d 4,
 * b->d 1; M^3 has a->d 2. Row sums of T: a 6 + 6/2 + 2/4 = 9.5, b 1.5, c 1,
 * d 0; column sums: b 2, c 4 + 1 + 2/2 = 6, d 1 + 5/2 + 2/4 = 4.
 *
 * The 3-cycle x->y 2, y->z 1, z->x 1 has M^3 = 2I, rho = 2^(1/3), period 3:
 * with alpha = 0.5/rho, alpha^3 * 2 = 1/8 and (I - alpha M)^-1 =
 * (I + alpha M + alpha^2 M^2) / (7/8). Row sums of M, M^2, M^3: (2,1,1),
 * (2,1,2), (2,2,2).
 */
#define _DEFAULT_SOURCE
#include <math.h>
#include <string.h>

#include "test.h"

static void
acyclic_hand_case(void **state)
{
	struct clout_network	net;
	struct clout_micmac	mm;
	static const double	ii[4] = { 9.5, 1.5, 1, 0 }, id[4] = { 0, 2, 6, 4 };
	static const double	di[4] = { 6, 1, 1, 0 }, dd[4] = { 0, 2, 5, 1 };
	static const int	sector[4] = { CLOUT_SECTOR_DRIVER, CLOUT_SECTOR_DEPENDENT,
				    CLOUT_SECTOR_DEPENDENT, CLOUT_SECTOR_AUTONOMOUS };
	static const int	indirect[4] = { CLOUT_SECTOR_DRIVER, CLOUT_SECTOR_AUTONOMOUS,
				    CLOUT_SECTOR_DEPENDENT, CLOUT_SECTOR_DEPENDENT };
	int			v;

	(void)state;
	load_case(FIXTURE("hand"), &net);
	assert_int_equal(clout_micmac_init(&mm), IGRAPH_SUCCESS);
	assert_int_equal(clout_micmac_compute(&net, NAN, &mm), IGRAPH_SUCCESS);
	assert_float_equal(mm.rho, 0, 1e-12);
	assert_float_equal(mm.alpha, 0.5, 0);
	assert_int_equal(mm.vanish_k, 4);
	assert_int_equal(mm.stable_k, -1);
	for (v = 0; v < 4; v++) {
		assert_float_equal(VECTOR(mm.direct_influence)[v], di[v], 1e-12);
		assert_float_equal(VECTOR(mm.direct_dependence)[v], dd[v], 1e-12);
		assert_float_equal(VECTOR(mm.indirect_influence)[v], ii[v], 1e-12);
		assert_float_equal(VECTOR(mm.indirect_dependence)[v], id[v], 1e-12);
		assert_int_equal(VECTOR(mm.sector)[v], sector[v]);
		assert_int_equal(VECTOR(mm.indirect_sector)[v], indirect[v]);
	}
	/* any alpha works on an acyclic network; 0 does not */
	assert_int_equal(clout_micmac_compute(&net, 3, &mm), IGRAPH_SUCCESS);
	assert_float_equal(VECTOR(mm.indirect_influence)[0], 6 + 3 * 6 + 9 * 2, 1e-9);
	clout_error_reset();
	assert_int_equal(clout_micmac_compute(&net, 0, &mm), IGRAPH_EINVAL);
	clout_error_reset();
	clout_micmac_destroy(&mm);
	clout_network_destroy(&net);
	VERIFY_FINALLY_STACK();
}

static void
periodic_cycle(void **state)
{
	struct clout_network	net;
	struct clout_micmac	mm;
	double			rho = cbrt(2), a = 0.5 / rho;
	static const double	m1[3] = { 2, 1, 1 }, m2[3] = { 2, 1, 2 }, m3[3] = { 2, 2, 2 };
	int			v;

	(void)state;
	load_case(FIXTURE("cycle3"), &net);
	assert_int_equal(clout_micmac_init(&mm), IGRAPH_SUCCESS);
	assert_int_equal(clout_micmac_compute(&net, NAN, &mm), IGRAPH_SUCCESS);
	assert_float_equal(mm.rho, rho, 1e-12);
	assert_float_equal(mm.alpha, a, 1e-12);
	assert_int_equal(mm.stable_k, -1);	/* period 3: the rankings rotate for ever */
	assert_int_equal(mm.vanish_k, 0);
	for (v = 0; v < 3; v++)
		assert_float_equal(VECTOR(mm.indirect_influence)[v],
		    (m1[v] + a * m2[v] + a * a * m3[v]) / 0.875, 1e-12);
	/* the column sums, by symmetry of the cycle's weights: M^T 1 = (1, 2, 1), ... */
	assert_float_equal(igraph_vector_sum(&mm.indirect_dependence),
	    igraph_vector_sum(&mm.indirect_influence), 1e-12);
	/* alpha at or past 1/rho diverges: refused with the bound in the reason */
	clout_error_reset();
	assert_int_equal(clout_micmac_compute(&net, 1 / rho, &mm), IGRAPH_EINVAL);
	assert_non_null(strstr(clout_error_message(), "below 1/rho(M)"));
	clout_error_reset();
	clout_micmac_destroy(&mm);
	clout_network_destroy(&net);
	VERIFY_FINALLY_STACK();
}

static void
sector_names(void **state)
{
	(void)state;
	assert_string_equal(clout_sector_name(CLOUT_SECTOR_DRIVER), "driver");
	assert_string_equal(clout_sector_name(CLOUT_SECTOR_AUTONOMOUS), "autonomous");
	assert_null(clout_sector_name(CLOUT_SECTOR_COUNT));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(acyclic_hand_case),
		cmocka_unit_test(periodic_cycle),
		cmocka_unit_test(sector_names),
	};

	return cmocka_run_group_tests_name("structural", tests, test_setup, NULL);
}
