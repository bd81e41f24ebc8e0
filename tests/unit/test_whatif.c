/*
 * test_whatif.c: scenarios and knock-outs against values worked out by hand.
 *
 * The hand case: a->b 2, b->c 1 (opposes), a->c 4, c->d 1. Without c only
 * a->b is left. power is PageRank on the reversed relations (b->a 2) with
 * damping 0.85; a and d are dangling and spread their share evenly, so
 * p_b = p_d = x and p_a = x + 0.85 x: x = 1/3.85 = 20/77, p_a = 37/77.
 * Reach: a reached b, c, d and b reached c, d; without c, a reaches only b
 * and b nothing: the pairs a->d and b->d are lost (2), and knocking out a,
 * b or d loses none (a reaches c through b too). MICMAC without c: M has
 * a->b 2 only, so influence (2, 0, 0) and dependence (0, 2, 0) against
 * means 2/3: a driver, b dependent, d autonomous.
 */
#define _DEFAULT_SOURCE
#include <math.h>
#include <string.h>

#include "test.h"

static void
subset_keeps_data(void **state)
{
	struct clout_network	net, sub;
	igraph_vector_bool_t	keep, keep_edge, flip;
	igraph_vector_int_t	map;

	(void)state;
	load_case(FIXTURE("hand"), &net);
	assert_int_equal(igraph_vector_bool_init(&keep, 4), IGRAPH_SUCCESS);
	assert_int_equal(igraph_vector_bool_init(&keep_edge, 4), IGRAPH_SUCCESS);
	assert_int_equal(igraph_vector_bool_init(&flip, 4), IGRAPH_SUCCESS);
	assert_int_equal(igraph_vector_int_init(&map, 0), IGRAPH_SUCCESS);
	igraph_vector_bool_fill(&keep, 1);
	igraph_vector_bool_fill(&keep_edge, 1);
	VECTOR(keep)[1] = 0;		/* b goes, and a->b, b->c with it */
	VECTOR(keep_edge)[3] = 0;	/* c->d is dropped */
	VECTOR(flip)[2] = 1;		/* a->c turns against */
	assert_int_equal(clout_network_init(&sub), IGRAPH_SUCCESS);
	assert_int_equal(clout_network_subset(&net, &keep, &keep_edge, &flip, &sub, &map),
	    IGRAPH_SUCCESS);
	assert_int_equal(clout_network_vcount(&sub), 3);
	assert_int_equal(clout_network_ecount(&sub), 1);
	assert_int_equal(VECTOR(map)[0], 0);
	assert_int_equal(VECTOR(map)[1], -1);
	assert_int_equal(VECTOR(map)[2], 1);
	assert_int_equal(VECTOR(map)[3], 2);
	assert_string_equal(igraph_strvector_get(&sub.id, 1), "c");
	assert_string_equal(igraph_strvector_get(&sub.label, 2), "Delta");
	assert_string_equal(igraph_strvector_get(&sub.bloc, 1), "East");
	assert_int_equal(clout_network_find(&sub, "d"), 2);
	assert_int_equal(clout_network_find(&sub, "b"), -1);
	assert_int_equal(IGRAPH_FROM(&sub.graph, 0), 0);
	assert_int_equal(IGRAPH_TO(&sub.graph, 0), 1);
	assert_float_equal(VECTOR(sub.weight)[0], 4, 0);
	assert_int_equal(VECTOR(sub.sign)[0], -1);
	assert_int_equal(VECTOR(sub.edge_line)[0], 4);
	assert_string_equal(igraph_strvector_get(&sub.edge_kind, 0), "command");
	assert_string_equal(clout_network_info(&sub, "title"), "Hand-worked example");
	assert_string_equal(sub.name, "hand");
	clout_network_destroy(&sub);
	igraph_vector_int_destroy(&map);
	igraph_vector_bool_destroy(&flip);
	igraph_vector_bool_destroy(&keep_edge);
	igraph_vector_bool_destroy(&keep);
	clout_network_destroy(&net);
	VERIFY_FINALLY_STACK();
}

static void
scenario_text(void **state)
{
	struct clout_network	net;
	struct clout_scenario	s;

	(void)state;
	load_case(FIXTURE("hand"), &net);
	assert_int_equal(clout_scenario_init(&s, &net), IGRAPH_SUCCESS);
	assert_int_equal(clout_scenario_remove(&s, &net, "b,d"), IGRAPH_SUCCESS);
	assert_true(VECTOR(s.remove)[1] && VECTOR(s.remove)[3]);
	assert_false(VECTOR(s.remove)[0] || VECTOR(s.remove)[2]);
	assert_int_equal(clout_scenario_drop(&s, &net, "a:c"), IGRAPH_SUCCESS);
	assert_true(VECTOR(s.drop)[2]);
	assert_int_equal(clout_scenario_flip(&s, &net, "c:d"), IGRAPH_SUCCESS);
	assert_int_equal(clout_scenario_flip(&s, &net, "c:d"), IGRAPH_SUCCESS);
	assert_false(VECTOR(s.flip)[3]);	/* twice is back */

	clout_error_reset();
	assert_int_equal(clout_scenario_remove(&s, &net, "a,nobody"), IGRAPH_EINVAL);
	assert_string_equal(clout_error_message(), "no actor or issue has the id 'nobody'");
	clout_error_reset();
	assert_int_equal(clout_scenario_drop(&s, &net, "d:c"), IGRAPH_EINVAL);
	assert_string_equal(clout_error_message(), "there is no relation from 'd' to 'c'");
	clout_error_reset();
	assert_int_equal(clout_scenario_drop(&s, &net, "a"), IGRAPH_EINVAL);
	clout_error_reset();
	assert_int_equal(clout_scenario_remove(&s, &net, "a,"), IGRAPH_EINVAL);
	clout_error_reset();
	clout_scenario_destroy(&s);
	clout_network_destroy(&net);
	VERIFY_FINALLY_STACK();
}

static void
remove_one_by_hand(void **state)
{
	struct clout_network	net;
	struct clout_scenario	s;
	struct clout_whatif	w;
	static const int	reach_lost[4] = { 1, 1, -1, 0 };
	static const int	sector[4] = { CLOUT_SECTOR_DRIVER, CLOUT_SECTOR_DEPENDENT, -1,
				    CLOUT_SECTOR_AUTONOMOUS };
	int			v;

	(void)state;
	load_case(FIXTURE("hand"), &net);
	assert_int_equal(clout_scenario_init(&s, &net), IGRAPH_SUCCESS);
	assert_int_equal(clout_scenario_remove(&s, &net, "c"), IGRAPH_SUCCESS);
	assert_int_equal(clout_whatif_init(&w), IGRAPH_SUCCESS);
	assert_int_equal(clout_whatif_compute(&net, &s, CLOUT_METRIC_POWER, &w), IGRAPH_SUCCESS);
	assert_float_equal(VECTOR(w.score_after)[0], 37.0 / 77, 1e-12);
	assert_float_equal(VECTOR(w.score_after)[1], 20.0 / 77, 1e-12);
	assert_true(isnan(VECTOR(w.score_after)[2]));
	assert_float_equal(VECTOR(w.score_after)[3], 20.0 / 77, 1e-12);
	assert_float_equal(w.damage, fabs(37.0 / 77 - VECTOR(w.score_before)[0]) +
	    fabs(20.0 / 77 - VECTOR(w.score_before)[1]) +
	    fabs(20.0 / 77 - VECTOR(w.score_before)[3]), 1e-12);
	/* a, c, b, d before (see `clout rank`); a, then b and d tied (by id) after */
	assert_int_equal(VECTOR(w.rank_before)[2], 2);
	assert_int_equal(VECTOR(w.rank_after)[0], 1);
	assert_int_equal(VECTOR(w.rank_after)[1], 2);
	assert_int_equal(VECTOR(w.rank_after)[2], -1);
	assert_int_equal(VECTOR(w.rank_after)[3], 3);
	for (v = 0; v < 4; v++) {
		assert_int_equal(VECTOR(w.reach_lost)[v], reach_lost[v]);
		assert_int_equal(VECTOR(w.sector_after)[v], sector[v]);
	}
	assert_int_equal(VECTOR(w.reach_before)[0], 3);
	assert_int_equal(VECTOR(w.reach_after)[0], 1);
	assert_int_equal(w.reach_lost_pairs, 2);
	assert_int_equal(w.removed_vertices, 1);
	assert_int_equal(w.removed_relations, 3);
	assert_int_equal(w.flipped_relations, 0);
	assert_float_equal(w.alpha, 0.5, 0);
	clout_whatif_destroy(&w);
	clout_scenario_destroy(&s);
	clout_network_destroy(&net);
	VERIFY_FINALLY_STACK();
}

static void
knockout_by_hand(void **state)
{
	struct clout_network	net;
	struct clout_knockout	k;
	static const int	lost[4] = { 0, 0, 2, 0 };
	int			v;

	(void)state;
	load_case(FIXTURE("hand"), &net);
	assert_int_equal(clout_knockout_init(&k), IGRAPH_SUCCESS);
	assert_int_equal(clout_knockout_compute(&net, &k), IGRAPH_SUCCESS);
	for (v = 0; v < 4; v++)
		assert_int_equal(VECTOR(k.reach_lost)[v], lost[v]);
	clout_knockout_destroy(&k);
	clout_network_destroy(&net);

	/* undirected a-b, b-c: without b, a and c lose each other both ways */
	load_case(FIXTURE("undirected"), &net);
	assert_int_equal(clout_knockout_init(&k), IGRAPH_SUCCESS);
	assert_int_equal(clout_knockout_compute(&net, &k), IGRAPH_SUCCESS);
	assert_int_equal(VECTOR(k.reach_lost)[0], 0);
	assert_int_equal(VECTOR(k.reach_lost)[1], 2);
	assert_int_equal(VECTOR(k.reach_lost)[2], 0);
	clout_knockout_destroy(&k);
	clout_network_destroy(&net);
	VERIFY_FINALLY_STACK();
}

/*
 * The signed fixture's view: a-b +, a-c -, b-c -, c-d +, a-d -, c-x +,
 * d-x +, a-x -, b-x + (b-d and a-e cancel out: e has no signed tie). Camps
 * {a, b} and {c, d, x}, frustration 1 (b-x). Without a and b, c, d and x
 * are one balanced camp that would be numbered 0 (it holds c, now the
 * smallest id); matched to the camps before, it stays camp 1 and no camp
 * changes.
 */
static void
camps_keep_their_numbers(void **state)
{
	struct clout_network	net;
	struct clout_scenario	s;
	struct clout_whatif	w;
	static const int	before[6] = { 0, 0, 1, 1, -1, 1 }, after[6] = { -1, -1, 1, 1, -1, 1 };
	int			v;

	(void)state;
	load_case(FIXTURE("signed"), &net);
	assert_int_equal(clout_scenario_init(&s, &net), IGRAPH_SUCCESS);
	assert_int_equal(clout_scenario_remove(&s, &net, "a,b"), IGRAPH_SUCCESS);
	assert_int_equal(clout_whatif_init(&w), IGRAPH_SUCCESS);
	assert_int_equal(clout_whatif_compute(&net, &s, CLOUT_METRIC_POWER, &w), IGRAPH_SUCCESS);
	for (v = 0; v < 6; v++) {
		assert_int_equal(VECTOR(w.camp_before)[v], before[v]);
		assert_int_equal(VECTOR(w.camp_after)[v], after[v]);
	}
	assert_int_equal(w.camp_changes, 0);
	assert_int_equal(w.frustration_before, 1);
	assert_int_equal(w.frustration_after, 0);
	assert_true(w.frustration_exact);
	clout_whatif_destroy(&w);
	clout_scenario_destroy(&s);

	/* flipping b-x makes the case balanced: same camps, frustration 0 */
	assert_int_equal(clout_scenario_init(&s, &net), IGRAPH_SUCCESS);
	assert_int_equal(clout_scenario_flip(&s, &net, "b:x"), IGRAPH_SUCCESS);
	assert_int_equal(clout_whatif_init(&w), IGRAPH_SUCCESS);
	assert_int_equal(clout_whatif_compute(&net, &s, CLOUT_METRIC_POWER, &w), IGRAPH_SUCCESS);
	assert_int_equal(w.frustration_after, 0);
	assert_int_equal(w.camp_changes, 0);
	assert_float_equal(w.damage, 0, 0);
	assert_int_equal(w.reach_lost_pairs, 0);
	clout_whatif_destroy(&w);
	clout_scenario_destroy(&s);
	clout_network_destroy(&net);
	VERIFY_FINALLY_STACK();
}

/*
 * The knock-out report (dominator trees, one network per actor) agrees with
 * a scenario removing each actor (breadth-first searches) on the bundled case.
 */
static void
knockout_matches_scenarios(void **state)
{
	struct clout_network	net;
	struct clout_knockout	k;
	struct clout_scenario	s;
	struct clout_whatif	w;
	igraph_integer_t	v, n;

	(void)state;
	load_case("data/ukraine-2025", &net);
	n = clout_network_vcount(&net);
	assert_int_equal(clout_knockout_init(&k), IGRAPH_SUCCESS);
	assert_int_equal(clout_knockout_compute(&net, &k), IGRAPH_SUCCESS);
	for (v = 0; v < n; v++) {
		igraph_integer_t	u, changes = 0;

		if (VECTOR(net.type)[v] != CLOUT_VERTEX_ACTOR) {
			assert_true(isnan(VECTOR(k.damage_power)[v]));
			assert_int_equal(VECTOR(k.reach_lost)[v], -1);
			continue;
		}
		assert_int_equal(clout_scenario_init(&s, &net), IGRAPH_SUCCESS);
		VECTOR(s.remove)[v] = 1;
		assert_int_equal(clout_whatif_init(&w), IGRAPH_SUCCESS);
		assert_int_equal(clout_whatif_compute(&net, &s, CLOUT_METRIC_POWER, &w),
		    IGRAPH_SUCCESS);
		assert_float_equal(VECTOR(k.damage_power)[v], w.damage, 1e-12);
		assert_int_equal(VECTOR(k.reach_lost)[v], w.reach_lost_pairs);
		for (u = 0; u < n; u++)
			changes += u != v && VECTOR(w.sector_after)[u] != VECTOR(w.sector_before)[u];
		assert_int_equal(VECTOR(k.sector_changes)[v], changes);
		assert_int_equal(VECTOR(k.camp_changes)[v], w.camp_changes);
		assert_true(w.frustration_exact);
		assert_true(w.frustration_after <= w.frustration_before);
		clout_whatif_destroy(&w);
		clout_scenario_destroy(&s);
	}
	clout_knockout_destroy(&k);
	clout_network_destroy(&net);
	VERIFY_FINALLY_STACK();
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(subset_keeps_data),
		cmocka_unit_test(scenario_text),
		cmocka_unit_test(remove_one_by_hand),
		cmocka_unit_test(knockout_by_hand),
		cmocka_unit_test(camps_keep_their_numbers),
		cmocka_unit_test(knockout_matches_scenarios),
	};

	return cmocka_run_group_tests(tests, test_setup, NULL);
}
