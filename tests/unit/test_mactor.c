/*
 * test_mactor.c: MACTOR against values worked out by hand.
 *
 * The case tests/fixtures/mactor: actors a, b, c, d; issues x, y, z.
 *
 * MID (rows act on columns; b -> a is signed '-', the sign is ignored;
 * c -> b is 6, clamped to 4):
 *	    a  b  c  d
 *	a   0  3  2  0
 *	b   1  0  2  0
 *	c   0  4  0  0
 *	d   0  0  0  0
 * MIDI_ij = MID_ij + sum_k min(MID_ik, MID_kj):
 *	a: aa 0 + min(3,1) = 1; ab 3 + min(2,4) = 5; ac 2 + min(3,2) = 4
 *	b: ba 1 + 0 = 1; bb 0 + min(1,3) + min(2,4) = 3; bc 2 + min(1,2) = 3
 *	c: ca 0 + min(4,1) = 1; cb 4 + 0 = 4; cc 0 + min(4,2) = 2
 * Row sums M = (10, 7, 7, 0), column sums D = (3, 12, 9, 0), total 24.
 * Without the diagonal: influence (9, 4, 5, 0), dependence (2, 9, 7, 0).
 * r_a = 9/24 * 10/13 = 15/52, r_b = 4/24 * 7/19 = 7/114,
 * r_c = 5/24 * 7/16 = 35/384, r_d = 0 (M + D = 0).
 * Over 94848: r = (27360, 5824, 8645, 0), sum 41829; r* = 4 r / sum r =
 * (109440, 23296, 34580, 0) / 41829 = (2.6164, 0.5569, 0.8267, 0).
 *
 * 2MAO (b -> y is 5, clamped to 4; x -> a and x -> y are not used):
 *	    x   y   z
 *	a   3  -2   1
 *	b   2   4   0
 *	c  -1   3   2
 *	d   0   0   2
 * Order 1 (signs): CAA/DAA ab 1/1, ac 1/2, ad 1/0, bc 1/1, bd 0/0, cd 1/0.
 * EQ1: a 1 - (0+1+1)/(2+3+1) = 2/3, b 1 - 0/4 = 1, c 1 - 2/6 = 2/3, d 1 - 2/2 = 0.
 * Order 2: ab x (3+2)/2 same, y (2+4)/2 opposite: 2.5/3; ac x 2 opp, y 2.5 opp,
 * z 1.5 same: 1.5/4.5; ad z 1.5/0; bc x 1.5 opp, y 3.5 same: 3.5/1.5; bd 0/0;
 * cd z 2/0. EQ2: a 1 - (0.5+3+1.5)/13 = 8/13, b 1 - (0.5+2)/10.5 = 16/21,
 * c 1 - (3+2+2)/13 = 6/13, d 1 - 3.5/3.5 = 0.
 * Order 3 (3MAO = 2MAO r*, in units of 1/41829): a (328320, -218880,
 * 109440), b (46592, 93184, 0), c (-34580, 103740, 69160), d 0 (r* = 0).
 * ab: C 187456, D 156032; ac: C 89300, D 181450 + 161310 = 342760;
 * bc: C 98462, D 40586; d: nothing. EQ3: a 1 - (31424 + 253460)/775548 =
 * 490664/775548; b 1 - (31424 + 57876)/(343488 + 139048) = 393236/482536;
 * c 1 - (253460 + 57876)/(432060 + 139048) = 259772/571108; d undefined.
 * Mobilisation (1/41829): x for 374912 against 34580; y for 196924 against
 * 218880; z for 178600 against 0.
 */
#define _DEFAULT_SOURCE
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "test.h"

#define U	(1.0 / 41829)
#define EPS	1e-12

static void
hand_case(void **state)
{
	struct clout_network	net;
	struct clout_mactor	ma;
	static const double	midi[4][4] = { { 1, 5, 4, 0 }, { 1, 3, 3, 0 }, { 1, 4, 2, 0 },
				    { 0, 0, 0, 0 } };
	static const double	mid[4][4] = { { 0, 3, 2, 0 }, { 1, 0, 2, 0 }, { 0, 4, 0, 0 },
				    { 0, 0, 0, 0 } };
	static const double	pos[4][3] = { { 3, -2, 1 }, { 2, 4, 0 }, { -1, 3, 2 }, { 0, 0, 2 } };
	static const double	inf[4] = { 9, 4, 5, 0 }, dep[4] = { 2, 9, 7, 0 };
	static const double	infd[4] = { 10, 7, 7, 0 }, depd[4] = { 3, 12, 9, 0 };
	const double		r[4] = { 15.0 / 52, 7.0 / 114, 35.0 / 384, 0 };
	const double		rs[4] = { 109440 * U, 23296 * U, 34580 * U, 0 };
	const double		eq[3][4] = {
		{ 2.0 / 3, 1, 2.0 / 3, 0 },
		{ 8.0 / 13, 16.0 / 21, 6.0 / 13, 0 },
		{ 490664.0 / 775548, 393236.0 / 482536, 259772.0 / 571108, NAN },
	};
	const double		c1[4][4] = { { 0, 1, 1, 1 }, { 1, 0, 1, 0 }, { 1, 1, 0, 1 },
				    { 1, 0, 1, 0 } };
	const double		d1[4][4] = { { 0, 1, 2, 0 }, { 1, 0, 1, 0 }, { 2, 1, 0, 0 },
				    { 0, 0, 0, 0 } };
	const double		c2[4][4] = { { 0, 2.5, 1.5, 1.5 }, { 2.5, 0, 3.5, 0 },
				    { 1.5, 3.5, 0, 2 }, { 1.5, 0, 2, 0 } };
	const double		d2[4][4] = { { 0, 3, 4.5, 0 }, { 3, 0, 1.5, 0 }, { 4.5, 1.5, 0, 0 },
				    { 0, 0, 0, 0 } };
	const double		c3[4][4] = { { 0, 187456 * U, 89300 * U, 0 },
				    { 187456 * U, 0, 98462 * U, 0 }, { 89300 * U, 98462 * U, 0, 0 },
				    { 0, 0, 0, 0 } };
	const double		d3[4][4] = { { 0, 156032 * U, 342760 * U, 0 },
				    { 156032 * U, 0, 40586 * U, 0 }, { 342760 * U, 40586 * U, 0, 0 },
				    { 0, 0, 0, 0 } };
	const double		mfor[3] = { 374912 * U, 196924 * U, 178600 * U };
	const double		magainst[3] = { 34580 * U, 218880 * U, 0 };
	int			i, j, p;

	(void)state;
	load_case(FIXTURE("mactor"), &net);
	assert_int_equal(clout_mactor_init(&ma), IGRAPH_SUCCESS);
	assert_int_equal(clout_mactor_compute(&net, &ma), IGRAPH_SUCCESS);
	assert_int_equal(igraph_vector_int_size(&ma.actor_vertex), 4);
	assert_int_equal(igraph_vector_int_size(&ma.issue_vertex), 3);
	assert_int_equal(ma.clamped, 2);
	assert_float_equal(ma.clamped_max, 6, 0);
	assert_int_equal(ma.unused, 2);
	assert_int_equal(ma.position_count, 9);
	assert_false(ma.r_sum_zero);
	for (i = 0; i < 4; i++) {
		for (j = 0; j < 4; j++) {
			assert_float_equal(MATRIX(ma.mid, i, j), mid[i][j], 0);
			assert_float_equal(MATRIX(ma.midi, i, j), midi[i][j], 0);
			assert_float_equal(MATRIX(ma.convergence[0], i, j), c1[i][j], EPS);
			assert_float_equal(MATRIX(ma.divergence[0], i, j), d1[i][j], EPS);
			assert_float_equal(MATRIX(ma.convergence[1], i, j), c2[i][j], EPS);
			assert_float_equal(MATRIX(ma.divergence[1], i, j), d2[i][j], EPS);
			assert_float_equal(MATRIX(ma.convergence[2], i, j), c3[i][j], EPS);
			assert_float_equal(MATRIX(ma.divergence[2], i, j), d3[i][j], EPS);
		}
		for (j = 0; j < 3; j++) {
			assert_float_equal(MATRIX(ma.positions, i, j), pos[i][j], 0);
			assert_float_equal(MATRIX(ma.weighted_positions, i, j), pos[i][j] * rs[i], EPS);
		}
		assert_float_equal(VECTOR(ma.influence)[i], inf[i], 0);
		assert_float_equal(VECTOR(ma.dependence)[i], dep[i], 0);
		assert_float_equal(VECTOR(ma.influence_with_diagonal)[i], infd[i], 0);
		assert_float_equal(VECTOR(ma.dependence_with_diagonal)[i], depd[i], 0);
		assert_float_equal(VECTOR(ma.r)[i], r[i], EPS);
		assert_float_equal(VECTOR(ma.r_star)[i], rs[i], EPS);
		for (p = 0; p < 3; p++) {
			if (isnan(eq[p][i]))
				assert_true(isnan(VECTOR(ma.ambivalence[p])[i]));
			else
				assert_float_equal(VECTOR(ma.ambivalence[p])[i], eq[p][i], EPS);
		}
	}
	for (j = 0; j < 3; j++) {
		assert_float_equal(VECTOR(ma.mobilisation_for)[j], mfor[j], EPS);
		assert_float_equal(VECTOR(ma.mobilisation_against)[j], magainst[j], EPS);
	}
	/* a second run on the same results gives the same numbers */
	assert_int_equal(clout_mactor_compute(&net, &ma), IGRAPH_SUCCESS);
	assert_int_equal(ma.clamped, 2);
	assert_float_equal(VECTOR(ma.r_star)[0], rs[0], EPS);
	clout_mactor_destroy(&ma);
	clout_network_destroy(&net);
	VERIFY_FINALLY_STACK();
}

/*
 * The 3-cycle x -> y 2, y -> z 1, z -> x 1 (tests/fixtures/cycle3), no issue:
 * MIDI adds nothing off the diagonal except min over two-step paths:
 * xz = 0 + min(2, 1) = 1, yx = 0 + min(1, 1) = 1, zy = 0 + min(1, 2) = 1;
 * the diagonal is 0 (no reciprocal pair). M = (3, 2, 2), D = (2, 3, 2).
 * r = (3/7 * 3/5, 2/7 * 2/5, 2/7 * 2/4) = (9/35, 4/35, 5/35), sum 18/35:
 * r* = 3 r / sum = (1.5, 2/3, 5/6). No positions: every ambivalence undefined.
 */
static void
cycle_without_issues(void **state)
{
	struct clout_network	net;
	struct clout_mactor	ma;
	const double		rs[3] = { 1.5, 2.0 / 3, 5.0 / 6 };
	int			i, p;

	(void)state;
	load_case(FIXTURE("cycle3"), &net);
	assert_int_equal(clout_mactor_init(&ma), IGRAPH_SUCCESS);
	assert_int_equal(clout_mactor_compute(&net, &ma), IGRAPH_SUCCESS);
	assert_int_equal(igraph_vector_int_size(&ma.issue_vertex), 0);
	assert_int_equal(ma.position_count, 0);
	assert_float_equal(MATRIX(ma.midi, 0, 2), 1, 0);
	assert_float_equal(MATRIX(ma.midi, 1, 0), 1, 0);
	assert_float_equal(MATRIX(ma.midi, 2, 1), 1, 0);
	for (i = 0; i < 3; i++) {
		assert_float_equal(MATRIX(ma.midi, i, i), 0, 0);
		assert_float_equal(VECTOR(ma.r_star)[i], rs[i], EPS);
		for (p = 0; p < 3; p++)
			assert_true(isnan(VECTOR(ma.ambivalence[p])[i]));
	}
	clout_mactor_destroy(&ma);
	clout_network_destroy(&net);
	VERIFY_FINALLY_STACK();
}

/*
 * Positions but no relation between actors (p -> k 2, q -> k 3 against):
 * every r is 0, and so is every r* (flagged), hence every 3MAO. Order 2:
 * DAA_pq = (2 + 3) / 2 = 2.5, so EQ2 = 1 - 2.5/2.5 = 0; EQ3 is undefined.
 * A network without any vertex computes nothing, without failing.
 */
static void
no_influence(void **state)
{
	struct clout_network	net;
	struct clout_mactor	ma;

	(void)state;
	load_case(FIXTURE("mactor-no-influence"), &net);
	assert_int_equal(clout_mactor_init(&ma), IGRAPH_SUCCESS);
	assert_int_equal(clout_mactor_compute(&net, &ma), IGRAPH_SUCCESS);
	assert_true(ma.r_sum_zero);
	assert_true(igraph_vector_isnull(&ma.r_star));
	assert_true(igraph_matrix_isnull(&ma.weighted_positions));
	assert_float_equal(MATRIX(ma.divergence[1], 0, 1), 2.5, 0);
	assert_float_equal(VECTOR(ma.ambivalence[1])[0], 0, 0);
	assert_true(isnan(VECTOR(ma.ambivalence[2])[1]));
	assert_float_equal(VECTOR(ma.mobilisation_for)[0], 0, 0);
	assert_float_equal(VECTOR(ma.mobilisation_against)[0], 0, 0);
	clout_network_destroy(&net);

	load_case(FIXTURE("empty-network"), &net);
	assert_int_equal(clout_mactor_compute(&net, &ma), IGRAPH_SUCCESS);
	assert_int_equal(igraph_vector_int_size(&ma.actor_vertex), 0);
	assert_int_equal(igraph_matrix_nrow(&ma.midi), 0);
	clout_mactor_destroy(&ma);
	clout_network_destroy(&net);
	VERIFY_FINALLY_STACK();
}

/* The graph of order-3 convergences of the hand case: the default threshold is
 * the mean of ab, ac and bc, (187456 + 89300 + 98462) / 3 / 41829 = 2.99, so
 * only a-b is drawn; with --min 0 all three pairs are. */
static void
convergence_graph(void **state)
{
	struct clout_network	net;
	struct clout_mactor	ma;
	struct clout_drawing	d;

	(void)state;
	load_case(FIXTURE("mactor"), &net);
	assert_int_equal(clout_mactor_init(&ma), IGRAPH_SUCCESS);
	assert_int_equal(clout_mactor_compute(&net, &ma), IGRAPH_SUCCESS);
	assert_int_equal(clout_drawing_init(&d), IGRAPH_SUCCESS);
	assert_int_equal(clout_mactor_graph(&net, &ma, 3, 0, -1, &d), IGRAPH_SUCCESS);
	assert_int_equal(d.nnodes, 4);
	assert_int_equal(d.nedges, 1);
	assert_int_equal(d.edges[0].from, 0);
	assert_int_equal(d.edges[0].to, 1);
	assert_non_null(strstr(d.caption, "at least 2.99, the mean"));
	clout_drawing_destroy(&d);
	assert_int_equal(clout_drawing_init(&d), IGRAPH_SUCCESS);
	assert_int_equal(clout_mactor_graph(&net, &ma, 3, 0, 0, &d), IGRAPH_SUCCESS);
	assert_int_equal(d.nedges, 3);
	clout_drawing_destroy(&d);
	/* divergences of order 1: ab 1, ac 2, bc 1 are positive; a threshold of 2 keeps ac */
	assert_int_equal(clout_drawing_init(&d), IGRAPH_SUCCESS);
	assert_int_equal(clout_mactor_graph(&net, &ma, 1, 1, 2, &d), IGRAPH_SUCCESS);
	assert_int_equal(d.nedges, 1);
	assert_int_equal(d.edges[0].to, 2);
	clout_drawing_destroy(&d);
	assert_int_equal(clout_drawing_init(&d), IGRAPH_SUCCESS);
	clout_error_reset();
	assert_int_equal(clout_mactor_graph(&net, &ma, 4, 0, 0, &d), IGRAPH_EINVAL);
	clout_error_reset();
	clout_drawing_destroy(&d);
	clout_mactor_destroy(&ma);
	clout_network_destroy(&net);
	VERIFY_FINALLY_STACK();
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(hand_case),
		cmocka_unit_test(cycle_without_issues),
		cmocka_unit_test(no_influence),
		cmocka_unit_test(convergence_graph),
	};

	return cmocka_run_group_tests_name("mactor", tests, test_setup, NULL);
}
