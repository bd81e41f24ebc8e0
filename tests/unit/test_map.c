/*
 * test_map.c: what a map draws and how: the palette, shape areas against the
 * size metric, pens against weights, the large and dense network policies
 * and the engine guards, worked out from the rules in map.c.
 */
#define _DEFAULT_SOURCE	/* mkstemps, M_PI */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "test.h"
#include "clout_internal.h"

/*
 * An edge list in a temporary file: every ordered pair of n vertices, with
 * weights 1, 2, 3, ... (distinct), or all 1 but the first `heavy` at 2.
 */
static void
write_weights(char *path, size_t size, int n, int distinct, int heavy)
{
	FILE	*f;
	int	 fd, i, j, w = 1;

	snprintf(path, size, "/tmp/clout-test-map-XXXXXX.csv");
	fd = mkstemps(path, 4);
	assert_true(fd >= 0);
	f = fdopen(fd, "w");
	assert_non_null(f);
	fprintf(f, "source,target,weight\n");
	for (i = 0; i < n; i++)
		for (j = 0; j < n; j++)
			if (i != j)
				fprintf(f, "v%d,v%d,%d\n", i, j, distinct ? w : w <= heavy ? 2 : 1), w++;
	fclose(f);
}

static void
palette_is_stable_and_distinct(void **state)
{
	const char		*names[12] = { "Russia", "Ukraine", "Europe", "United States", "Other",
				    "a", "b", "c", "d", "e", "f", "g" };
	igraph_integer_t	 counts[12] = { 5, 5, 5, 5, 5, 4, 4, 4, 1, 1, 1, 2 };
	const char		*colours[12], *again[2];
	const char		*reordered[2] = { "europe", "Ukraine" };
	igraph_integer_t	 two[2] = { 1, 1 };
	int			 i, j;

	(void)state;
	assert_int_equal(clout_i_palette_assign(names, counts, 5, colours), IGRAPH_SUCCESS);
	for (i = 0; i < 5; i++)
		for (j = 0; j < i; j++)
			assert_string_not_equal(colours[i], colours[j]);
	/* the same names, in another case and order, case aside: the same colours */
	assert_int_equal(clout_i_palette_assign(reordered, two, 2, again), IGRAPH_SUCCESS);
	assert_string_equal(again[0], colours[2]);
	assert_string_equal(again[1], colours[1]);
	/* twelve categories: the nine largest get nine distinct colours, d, e, f share grey */
	assert_int_equal(clout_i_palette_assign(names, counts, 12, colours), IGRAPH_SUCCESS);
	for (i = 0; i < 12; i++) {
		if (i >= 8 && i <= 10) {
			assert_string_equal(colours[i], CLOUT_I_COLOUR_OTHER);
			continue;
		}
		assert_string_not_equal(colours[i], CLOUT_I_COLOUR_OTHER);
		for (j = 0; j < i; j++)
			if (j < 8 || j > 10)
				assert_string_not_equal(colours[i], colours[j]);
	}
}

static const struct clout_drawing_node *
node_named(const struct clout_drawing *d, const char *name)
{
	igraph_integer_t	i;

	for (i = 0; i < d->nnodes; i++)
		if (strcmp(d->nodes[i].name, name) == 0)
			return &d->nodes[i];
	fail_msg("no node %s", name);
	return NULL;
}

static void
sizes_pens_and_styles(void **state)
{
	struct clout_network		 net;
	struct clout_map_options	 opts;
	struct clout_drawing		 d;
	struct clout_scores		 s;
	igraph_strvector_t		 notices;
	igraph_integer_t		 i;
	double				 lo = INFINITY, hi = -INFINITY, amin = M_PI / 4 * 0.09;
	double				 amax = M_PI / 4 * 1.44;
	static const char *const	 ids[4] = { "a", "b", "c", "d" };
	static const double		 factor[4] = { 1.0, M_PI / 4, M_PI / 4, 0.65 };

	(void)state;
	load_case(FIXTURE("hand"), &net);
	clout_map_options_default(&opts);
	clout_drawing_init(&d);
	assert_int_equal(igraph_strvector_init(&notices, 0), IGRAPH_SUCCESS);
	assert_int_equal(clout_map_build(&net, &opts, &d, &notices), IGRAPH_SUCCESS);
	assert_int_equal(igraph_strvector_size(&notices), 0);
	assert_int_equal(d.nnodes, 4);
	assert_int_equal(d.nedges, 4);
	assert_int_equal(d.engine, CLOUT_ENGINE_NEATO);
	assert_true(d.splines);

	/* shape area is affine in power, from 0.3 to 1.2 inch circles, whatever the shape */
	assert_int_equal(clout_scores_init(&s), IGRAPH_SUCCESS);
	assert_int_equal(clout_rank_compute(&net, 1u << CLOUT_METRIC_POWER, &s), IGRAPH_SUCCESS);
	for (i = 0; i < 4; i++) {
		lo = fmin(lo, VECTOR(s.values[CLOUT_METRIC_POWER])[i]);
		hi = fmax(hi, VECTOR(s.values[CLOUT_METRIC_POWER])[i]);
	}
	for (i = 0; i < 4; i++) {
		const struct clout_drawing_node	*n = node_named(&d, ids[i]);
		double	p = VECTOR(s.values[CLOUT_METRIC_POWER])[clout_network_find(&net, ids[i])];
		double	area = n->width * n->height * factor[i];

		assert_float_equal(area, amin + (amax - amin) * (p - lo) / (hi - lo), 1e-12);
	}
	/* a state is a box, a leader and an envoy circles, the public a pentagon */
	assert_string_equal(node_named(&d, "a")->shape, "box");
	assert_string_equal(node_named(&d, "b")->shape, "circle");
	assert_string_equal(node_named(&d, "d")->shape, "pentagon");
	/* blocs: two colours, the same for both members of a bloc */
	assert_string_equal(node_named(&d, "a")->fill, node_named(&d, "b")->fill);
	assert_string_equal(node_named(&d, "c")->fill, node_named(&d, "d")->fill);
	assert_string_not_equal(node_named(&d, "a")->fill, node_named(&d, "c")->fill);

	/* pens proportional to weight (a->c, weight 4, is the widest); b->c opposes */
	for (i = 0; i < d.nedges; i++) {
		const struct clout_drawing_edge	*e = &d.edges[i];
		double	w = VECTOR(net.weight)[i];

		assert_float_equal(e->penwidth, 4.5 * w / 4, 1e-12);
		assert_int_equal(e->dashed, VECTOR(net.sign)[i] < 0);
		assert_int_equal(e->tee, VECTOR(net.sign)[i] < 0);
		assert_memory_equal(e->colour, VECTOR(net.sign)[i] < 0 ? "#CC3311" : "#33445A", 7);
		/* alpha 0.2 + 0.7 confidence */
		assert_int_equal(strtol(e->colour + 7, NULL, 16),
		    lround(255 * (0.2 + 0.7 * VECTOR(net.confidence)[i])));
		assert_non_null(strstr(e->tooltip, "hand-worked example"));
	}
	assert_non_null(strstr(d.caption, "4 of 4 vertices, 4 of 4 relations"));
	assert_string_equal(d.title, "Hand-worked example");
	assert_int_equal(d.nsections, 4);
	assert_string_equal(d.sections[0].title, "bloc");
	assert_string_equal(d.sections[0].rows[0].text, "East");
	assert_string_equal(d.sections[0].rows[1].text, "West");
	assert_string_equal(d.sections[2].title, "power");

	clout_scores_destroy(&s);
	igraph_strvector_destroy(&notices);
	clout_drawing_destroy(&d);
	clout_network_destroy(&net);
	VERIFY_FINALLY_STACK();
}

static void
dense_networks_keep_their_strongest_relations(void **state)
{
	struct clout_network		 net;
	struct clout_map_options	 opts;
	struct clout_drawing		 d;
	igraph_strvector_t		 notices;
	char				 path[64];
	igraph_integer_t		 i;

	(void)state;
	write_weights(path, sizeof path, 30, 1, 0);	/* 870 relations, weights 1..870 */
	load_case(path, &net);
	unlink(path);
	assert_int_equal(igraph_strvector_init(&notices, 0), IGRAPH_SUCCESS);

	/* budget max(400, 4 * 30) = 400: weights 471..870 stay */
	clout_map_options_default(&opts);
	clout_drawing_init(&d);
	assert_int_equal(clout_map_build(&net, &opts, &d, &notices), IGRAPH_SUCCESS);
	assert_int_equal(d.nedges, 400);
	assert_int_equal(igraph_strvector_size(&notices), 1);
	assert_non_null(strstr(igraph_strvector_get(&notices, 0), "weight at least 471"));
	assert_non_null(strstr(d.caption, "the strongest 400 of 870, weight at least 471"));
	assert_true(d.splines);		/* 30 vertices x 400 relations: within the spline budget */
	clout_drawing_destroy(&d);

	/* --force draws every relation; --min-weight replaces the default */
	opts.force = 1;
	clout_drawing_init(&d);
	assert_int_equal(clout_map_build(&net, &opts, &d, &notices), IGRAPH_SUCCESS);
	assert_int_equal(d.nedges, 870);
	assert_false(d.splines);	/* 30 x 870 is past the spline budget: straight lines */
	clout_drawing_destroy(&d);
	opts.force = 0;
	opts.min_weight = 800;
	clout_drawing_init(&d);
	assert_int_equal(clout_map_build(&net, &opts, &d, &notices), IGRAPH_SUCCESS);
	assert_int_equal(d.nedges, 71);
	for (i = 0; i < d.nedges; i++)
		assert_true(d.edges[i].penwidth >= 4.5 * 800 / 870 - 1e-12);
	clout_drawing_destroy(&d);

	/* engines that would run for minutes are refused, with the reason */
	opts.min_weight = 0;
	opts.force = 1;
	opts.engine = CLOUT_ENGINE_DOT;
	clout_error_reset();
	clout_drawing_init(&d);
	assert_int_equal(clout_map_build(&net, &opts, &d, &notices), IGRAPH_EINVAL);
	assert_non_null(strstr(clout_error_message(), "dot would take minutes"));
	clout_drawing_destroy(&d);
	opts.engine = CLOUT_ENGINE_CIRCO;
	clout_error_reset();
	clout_drawing_init(&d);
	assert_int_equal(clout_map_build(&net, &opts, &d, &notices), IGRAPH_EINVAL);
	assert_non_null(strstr(clout_error_message(), "circo would take minutes"));
	clout_drawing_destroy(&d);
	clout_error_reset();

	igraph_strvector_destroy(&notices);
	clout_network_destroy(&net);
	VERIFY_FINALLY_STACK();
}

static void
tied_weights_are_not_split(void **state)
{
	struct clout_network		 net;
	struct clout_map_options	 opts;
	struct clout_drawing		 d;
	igraph_strvector_t		 notices;
	char				 path[64];

	(void)state;
	clout_map_options_default(&opts);
	assert_int_equal(igraph_strvector_init(&notices, 0), IGRAPH_SUCCESS);

	/* 870 relations of weight 1: none is stronger, so all are drawn, and it says so */
	write_weights(path, sizeof path, 30, 0, 0);
	load_case(path, &net);
	unlink(path);
	clout_drawing_init(&d);
	assert_int_equal(clout_map_build(&net, &opts, &d, &notices), IGRAPH_SUCCESS);
	assert_int_equal(d.nedges, 870);
	assert_int_equal(igraph_strvector_size(&notices), 1);
	assert_non_null(strstr(igraph_strvector_get(&notices, 0), "all weigh the same"));
	assert_null(strstr(d.caption, "the strongest"));
	clout_drawing_destroy(&d);
	clout_network_destroy(&net);

	/* 100 of weight 2, 770 of weight 1: the 400th is a 1 whose ties overshoot: the 2s stay */
	write_weights(path, sizeof path, 30, 0, 100);
	load_case(path, &net);
	unlink(path);
	clout_drawing_init(&d);
	assert_int_equal(igraph_strvector_resize(&notices, 0), IGRAPH_SUCCESS);
	assert_int_equal(clout_map_build(&net, &opts, &d, &notices), IGRAPH_SUCCESS);
	assert_int_equal(d.nedges, 100);
	assert_non_null(strstr(d.caption, "the strongest 100 of 870, weight at least 2"));
	clout_drawing_destroy(&d);
	clout_network_destroy(&net);

	/* 700 of weight 2, 170 of weight 1: the ties at 2 are the strongest, so they all stay */
	write_weights(path, sizeof path, 30, 0, 700);
	load_case(path, &net);
	unlink(path);
	clout_drawing_init(&d);
	assert_int_equal(igraph_strvector_resize(&notices, 0), IGRAPH_SUCCESS);
	assert_int_equal(clout_map_build(&net, &opts, &d, &notices), IGRAPH_SUCCESS);
	assert_int_equal(d.nedges, 700);
	assert_non_null(strstr(d.caption, "the strongest 700 of 870, weight at least 2"));
	clout_drawing_destroy(&d);
	clout_network_destroy(&net);

	igraph_strvector_destroy(&notices);
	VERIFY_FINALLY_STACK();
}

static void
colours_follow_the_whole_case(void **state)
{
	struct clout_network		 net;
	struct clout_map_options	 opts;
	struct clout_drawing		 whole, ego;
	igraph_strvector_t		 notices;

	(void)state;
	load_case(FIXTURE("hand"), &net);
	assert_int_equal(igraph_strvector_init(&notices, 0), IGRAPH_SUCCESS);
	clout_map_options_default(&opts);
	clout_drawing_init(&whole);
	assert_int_equal(clout_map_build(&net, &opts, &whole, &notices), IGRAPH_SUCCESS);
	/* the ego map of d draws only c and d, both East: East keeps its colour */
	opts.focus = "d";
	clout_drawing_init(&ego);
	assert_int_equal(clout_map_build(&net, &opts, &ego, &notices), IGRAPH_SUCCESS);
	assert_int_equal(ego.nnodes, 2);
	assert_string_equal(node_named(&ego, "c")->fill, node_named(&whole, "c")->fill);
	assert_int_equal(ego.sections[0].nrows, 1);	/* the legend lists East only */
	assert_string_equal(ego.sections[0].rows[0].text, "East");
	clout_drawing_destroy(&ego);
	clout_drawing_destroy(&whole);
	igraph_strvector_destroy(&notices);
	clout_network_destroy(&net);
	VERIFY_FINALLY_STACK();
}

static void
large_networks_draw_their_top_vertices(void **state)
{
	struct clout_network		 net;
	struct clout_map_options	 opts;
	struct clout_drawing		 d;
	igraph_strvector_t		 notices;
	char				 path[64];
	FILE				*f;
	int				 fd, i;

	(void)state;
	/* a star of 2100 spokes around a hub: the hub has the most power */
	snprintf(path, sizeof path, "/tmp/clout-test-map-XXXXXX.csv");
	fd = mkstemps(path, 4);
	assert_true(fd >= 0);
	f = fdopen(fd, "w");
	assert_non_null(f);
	fprintf(f, "source,target\n");
	for (i = 0; i < 2100; i++)
		fprintf(f, "hub,s%d\n", i);
	fclose(f);
	load_case(path, &net);
	unlink(path);
	assert_int_equal(igraph_strvector_init(&notices, 0), IGRAPH_SUCCESS);

	clout_map_options_default(&opts);
	clout_drawing_init(&d);
	assert_int_equal(clout_map_build(&net, &opts, &d, &notices), IGRAPH_SUCCESS);
	assert_int_equal(d.nnodes, 200);
	assert_int_equal(d.nedges, 199);
	assert_string_equal(node_named(&d, "hub")->name, "hub");
	assert_int_equal(igraph_strvector_size(&notices), 1);
	assert_non_null(strstr(igraph_strvector_get(&notices, 0), "2101 vertices"));
	assert_non_null(strstr(d.caption, "the top 200 by power (the network is too large"));
	clout_drawing_destroy(&d);

	opts.top = 10;
	clout_drawing_init(&d);
	assert_int_equal(clout_map_build(&net, &opts, &d, &notices), IGRAPH_SUCCESS);
	assert_int_equal(d.nnodes, 10);
	clout_drawing_destroy(&d);

	opts.top = -1;
	opts.force = 1;
	clout_drawing_init(&d);
	assert_int_equal(clout_map_build(&net, &opts, &d, &notices), IGRAPH_SUCCESS);
	assert_int_equal(d.nnodes, 2101);
	assert_int_equal(d.engine, CLOUT_ENGINE_SFDP);	/* auto: neato only up to 500 */
	clout_drawing_destroy(&d);

	/* the ego map of a spoke: itself and the hub; the hub's at depth 2: everyone */
	opts.force = 0;
	opts.focus = "s7";
	clout_drawing_init(&d);
	assert_int_equal(clout_map_build(&net, &opts, &d, &notices), IGRAPH_SUCCESS);
	assert_int_equal(d.nnodes, 2);
	assert_int_equal(node_named(&d, "s7")->emphasis, 1);
	assert_int_equal(node_named(&d, "hub")->emphasis, 0);
	clout_drawing_destroy(&d);

	igraph_strvector_destroy(&notices);
	clout_network_destroy(&net);
	VERIFY_FINALLY_STACK();
}

static void
names_and_formats(void **state)
{
	(void)state;
	assert_int_equal(clout_image_from_path("a/b.map.SVG"), CLOUT_IMAGE_SVG);
	assert_int_equal(clout_image_from_path("m.gv"), CLOUT_IMAGE_DOT);
	assert_int_equal(clout_image_from_path("m.json"), CLOUT_IMAGE_JSON);
	assert_int_equal(clout_image_from_path("dir.svg/map"), -1);
	assert_int_equal(clout_image_from_path("map"), -1);
	assert_int_equal(clout_image_from_path("map.verylongextension"), -1);
	assert_int_equal(clout_engine_find("sfdp"), CLOUT_ENGINE_SFDP);
	assert_int_equal(clout_engine_find("twopi"), -1);
	assert_int_equal(clout_map_colour_find("kind"), CLOUT_COLOUR_KIND);
	assert_int_equal(clout_map_group_find("none"), CLOUT_GROUP_NONE);
	assert_string_equal(clout_engine_name(CLOUT_ENGINE_CIRCO), "circo");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(palette_is_stable_and_distinct),
		cmocka_unit_test(sizes_pens_and_styles),
		cmocka_unit_test(dense_networks_keep_their_strongest_relations),
		cmocka_unit_test(tied_weights_are_not_split),
		cmocka_unit_test(colours_follow_the_whole_case),
		cmocka_unit_test(large_networks_draw_their_top_vertices),
		cmocka_unit_test(names_and_formats),
	};

	return cmocka_run_group_tests_name("map", tests, test_setup, NULL);
}
