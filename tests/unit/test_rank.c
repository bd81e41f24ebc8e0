/*
 * test_rank.c: metrics against values worked out by hand.
 *
 * The hand case: a->b (2), b->c (1), a->c (4), c->d (1). Costs are 1/weight:
 * 0.5, 1, 0.25, 1. Shortest costs: a->c 0.25 (direct beats 1.5 via b),
 * a->d 1.25, b->d 2. So harmonic_out(a) = (1/0.5 + 1/0.25 + 1/1.25)/3 = 6.8/3,
 * c lies on the only shortest a->d and b->d paths: betweenness 2/((4-1)(4-2)).
 * HITS: A A^T restricted to {a, b} is [[20, 4], [4, 1]] with top eigenvalue
 * (21 + sqrt 425)/2, so hub(b)/hub(a) = (lambda - 20)/4; A^T A on {b, c} is
 * [[4, 8], [8, 17]], so authority(b)/authority(c) = 8/(lambda - 4).
 */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <string.h>

#include "test.h"

#define EPS 1e-12

static double
score(const struct clout_network *net, const struct clout_scores *s, enum clout_metric m,
    const char *id)
{
	return VECTOR(s->values[m])[clout_network_find(net, id)];
}

static void
hand_worked_values(void **state)
{
	struct clout_network	net;
	struct clout_scores	s;
	double			lambda = (21 + sqrt(425.0)) / 2;

	(void)state;
	load_case(FIXTURE("hand"), &net);
	assert_int_equal(clout_scores_init(&s), IGRAPH_SUCCESS);
	assert_int_equal(clout_rank_compute(&net, ~0u, &s), IGRAPH_SUCCESS);
	VERIFY_FINALLY_STACK();
	assert_int_equal(s.computed, (1u << CLOUT_METRIC_COUNT) - 1);

	assert_float_equal(score(&net, &s, CLOUT_METRIC_OUT_STRENGTH, "a"), 6, EPS);
	assert_float_equal(score(&net, &s, CLOUT_METRIC_IN_STRENGTH, "c"), 5, EPS);
	assert_float_equal(score(&net, &s, CLOUT_METRIC_IN_STRENGTH, "a"), 0, EPS);

	assert_float_equal(score(&net, &s, CLOUT_METRIC_HARMONIC_OUT, "a"), 6.8 / 3, EPS);
	assert_float_equal(score(&net, &s, CLOUT_METRIC_HARMONIC_OUT, "b"), 1.5 / 3, EPS);
	assert_float_equal(score(&net, &s, CLOUT_METRIC_HARMONIC_OUT, "d"), 0, EPS);
	assert_float_equal(score(&net, &s, CLOUT_METRIC_HARMONIC_IN, "c"), 5.0 / 3, EPS);
	assert_float_equal(score(&net, &s, CLOUT_METRIC_HARMONIC_IN, "d"), 2.3 / 3, EPS);

	assert_float_equal(score(&net, &s, CLOUT_METRIC_BETWEENNESS, "c"), 2.0 / 6, EPS);
	assert_float_equal(score(&net, &s, CLOUT_METRIC_BETWEENNESS, "b"), 0, EPS);

	assert_float_equal(score(&net, &s, CLOUT_METRIC_REACH, "a"), 3, EPS);
	assert_float_equal(score(&net, &s, CLOUT_METRIC_REACH, "b"), 2, EPS);
	assert_float_equal(score(&net, &s, CLOUT_METRIC_REACH, "d"), 0, EPS);

	assert_float_equal(score(&net, &s, CLOUT_METRIC_HUB, "a"), 1, 1e-9);
	assert_float_equal(score(&net, &s, CLOUT_METRIC_HUB, "b"), (lambda - 20) / 4, 1e-9);
	assert_float_equal(score(&net, &s, CLOUT_METRIC_HUB, "d"), 0, 1e-9);
	assert_float_equal(score(&net, &s, CLOUT_METRIC_AUTHORITY, "c"), 1, 1e-9);
	assert_float_equal(score(&net, &s, CLOUT_METRIC_AUTHORITY, "b"), 8 / (lambda - 4), 1e-9);

	/* PageRank: a distribution; d, the sink, gathers most exposure; a, the source, most power */
	assert_float_equal(igraph_vector_sum(&s.values[CLOUT_METRIC_POWER]), 1, 1e-12);
	assert_float_equal(igraph_vector_sum(&s.values[CLOUT_METRIC_EXPOSURE]), 1, 1e-12);
	assert_int_equal(igraph_vector_which_max(&s.values[CLOUT_METRIC_EXPOSURE]),
	    clout_network_find(&net, "d"));
	assert_int_equal(igraph_vector_which_max(&s.values[CLOUT_METRIC_POWER]),
	    clout_network_find(&net, "a"));
	clout_scores_destroy(&s);
	clout_network_destroy(&net);
}

/* Undirected star, k = 4 leaves, d = 0.85: centre (1 + dk)/(n(1 + d)), closed form. */
static void
undirected_star_closed_forms(void **state)
{
	struct clout_network	net;
	struct clout_scores	s;
	double			d = 0.85, centre = (1 + d * 4) / (5 * (1 + d));

	(void)state;
	load_case(FIXTURE("star"), &net);
	assert_int_equal(clout_scores_init(&s), IGRAPH_SUCCESS);
	assert_int_equal(clout_rank_compute(&net, ~0u, &s), IGRAPH_SUCCESS);
	assert_float_equal(score(&net, &s, CLOUT_METRIC_POWER, "c"), centre, 1e-12);
	assert_float_equal(score(&net, &s, CLOUT_METRIC_EXPOSURE, "l3"), (1 - centre) / 4, 1e-12);
	/* leaf to leaf costs 2: (1 + 3/2)/4 */
	assert_float_equal(score(&net, &s, CLOUT_METRIC_HARMONIC_OUT, "l1"), 0.625, EPS);
	assert_float_equal(score(&net, &s, CLOUT_METRIC_HARMONIC_IN, "l1"), 0.625, EPS);
	/* the top eigenvector of a star: leaves 1/sqrt(k) of the centre */
	assert_float_equal(score(&net, &s, CLOUT_METRIC_HUB, "l2"), 0.5, 1e-9);
	assert_float_equal(score(&net, &s, CLOUT_METRIC_AUTHORITY, "l2"), 0.5, 1e-9);
	/* six leaf pairs, all through the centre, over (n-1)(n-2)/2 = 6 pairs */
	assert_float_equal(score(&net, &s, CLOUT_METRIC_BETWEENNESS, "c"), 1, EPS);
	assert_float_equal(score(&net, &s, CLOUT_METRIC_REACH, "l4"), 4, EPS);
	clout_scores_destroy(&s);
	clout_network_destroy(&net);
}

static void
only_selected_metrics(void **state)
{
	struct clout_network	net;
	struct clout_scores	s;
	unsigned int		mask = (1u << CLOUT_METRIC_POWER) | (1u << CLOUT_METRIC_AUTHORITY);

	(void)state;
	load_case(FIXTURE("hand"), &net);
	assert_int_equal(clout_scores_init(&s), IGRAPH_SUCCESS);
	assert_int_equal(clout_rank_compute(&net, mask, &s), IGRAPH_SUCCESS);
	assert_int_equal(s.computed, mask);
	assert_int_equal(igraph_vector_size(&s.values[CLOUT_METRIC_POWER]), 4);
	assert_int_equal(igraph_vector_size(&s.values[CLOUT_METRIC_AUTHORITY]), 4);
	assert_int_equal(igraph_vector_size(&s.values[CLOUT_METRIC_HUB]), 0);
	assert_int_equal(igraph_vector_size(&s.values[CLOUT_METRIC_BETWEENNESS]), 0);
	clout_scores_destroy(&s);
	clout_network_destroy(&net);
}

static void
bad_weights_are_refused_cleanly(void **state)
{
	struct clout_network	net;
	struct clout_scores	s;

	(void)state;
	load_case(FIXTURE("hand"), &net);
	VECTOR(net.weight)[1] = 0;	/* what the loader never lets through */
	assert_int_equal(clout_scores_init(&s), IGRAPH_SUCCESS);
	clout_error_reset();
	assert_int_equal(clout_rank_compute(&net, ~0u, &s), IGRAPH_EINVAL);
	assert_string_equal(clout_error_message(), "weights must be finite and greater than 0");
	VERIFY_FINALLY_STACK();
	clout_scores_destroy(&s);
	clout_network_destroy(&net);
}

static void
metric_names(void **state)
{
	(void)state;
	assert_int_equal(clout_metric_find("power"), CLOUT_METRIC_POWER);
	assert_int_equal(clout_metric_find("harmonic_in"), CLOUT_METRIC_HARMONIC_IN);
	assert_int_equal(clout_metric_find("Power"), -1);
	assert_string_equal(clout_metric_info(CLOUT_METRIC_REACH)->name, "reach");
	assert_null(clout_metric_info(CLOUT_METRIC_COUNT));
}

/* Scores equal up to rounding tie and go by id; real differences still order. */
static void
sort_ties_up_to_rounding(void **state)
{
	struct clout_network	net;
	igraph_vector_t		key;
	igraph_vector_int_t	order;

	(void)state;
	load_case(FIXTURE("hand"), &net);	/* ids a, b, c, d */
	assert_int_equal(igraph_vector_init(&key, 4), IGRAPH_SUCCESS);
	assert_int_equal(igraph_vector_int_init_range(&order, 0, 4), IGRAPH_SUCCESS);
	VECTOR(key)[0] = 0.3;
	VECTOR(key)[1] = 0.1 + 0.2;		/* 0.30000000000000004 */
	VECTOR(key)[2] = 0.3 + 1e-9;
	VECTOR(key)[3] = NAN;
	VECTOR(order)[0] = 3;
	VECTOR(order)[1] = 1;
	VECTOR(order)[2] = 0;
	VECTOR(order)[3] = 2;
	clout_rank_sort(&net, &key, &order);
	assert_int_equal(VECTOR(order)[0], 2);	/* clearly highest */
	assert_int_equal(VECTOR(order)[1], 0);	/* a and b tie: by id */
	assert_int_equal(VECTOR(order)[2], 1);
	assert_int_equal(VECTOR(order)[3], 3);	/* undefined last */
	igraph_vector_int_destroy(&order);
	igraph_vector_destroy(&key);
	clout_network_destroy(&net);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(hand_worked_values),
		cmocka_unit_test(undirected_star_closed_forms),
		cmocka_unit_test(only_selected_metrics),
		cmocka_unit_test(bad_weights_are_refused_cleanly),
		cmocka_unit_test(metric_names),
		cmocka_unit_test(sort_ties_up_to_rounding),
	};

	return cmocka_run_group_tests_name("rank", tests, test_setup, NULL);
}
