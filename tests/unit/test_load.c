/* test_load.c: case folders and edge lists into networks, with every diagnostic where it belongs. */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "test.h"

/* Load a fixture; errors and warnings counted, the network kept for checks. */
static igraph_error_t
load(const char *path, struct clout_network *net, struct clout_diags *diags)
{
	igraph_error_t	ret;

	assert_int_equal(clout_network_init(net), IGRAPH_SUCCESS);
	clout_diags_init(diags);
	ret = clout_load_case(net, diags, path);
	VERIFY_FINALLY_STACK();
	return ret;
}

static void
unload(struct clout_network *net, struct clout_diags *diags)
{
	clout_diags_destroy(diags);
	clout_network_destroy(net);
}

static igraph_integer_t
edge(const struct clout_network *net, const char *from, const char *to)
{
	igraph_integer_t	eid;

	assert_int_equal(igraph_get_eid(&net->graph, &eid, clout_network_find(net, from),
	    clout_network_find(net, to), 1, 0), IGRAPH_SUCCESS);
	return eid;
}

static void
hand_case(void **state)
{
	struct clout_network	net;
	struct clout_diags	diags;
	igraph_integer_t	e;

	(void)state;
	assert_int_equal(load(FIXTURE("hand"), &net, &diags), IGRAPH_SUCCESS);
	assert_int_equal(diags.count, 0);
	assert_int_equal(clout_network_vcount(&net), 4);
	assert_int_equal(clout_network_ecount(&net), 4);
	assert_true(igraph_is_directed(&net.graph));
	assert_string_equal(net.name, "hand");
	assert_string_equal(clout_network_info(&net, "title"), "Hand-worked example");
	assert_null(clout_network_info(&net, "summary"));
	assert_string_equal(igraph_strvector_get(&net.label, clout_network_find(&net, "c")), "Gamma");
	e = edge(&net, "b", "c");
	assert_true(VECTOR(net.weight)[e] == 1.0);
	assert_int_equal(VECTOR(net.sign)[e], -1);
	assert_true(VECTOR(net.confidence)[e] == 0.5);
	assert_string_equal(igraph_strvector_get(&net.edge_kind, e), "pressure");
	assert_int_equal(VECTOR(net.edge_line)[e], 3);
	e = edge(&net, "a", "c");
	assert_true(VECTOR(net.weight)[e] == 4.0);
	assert_int_equal(VECTOR(net.sign)[e], 1);
	unload(&net, &diags);
}

static void
bom_crlf_quotes_and_attributes(void **state)
{
	struct clout_network	net;
	struct clout_diags	diags;
	igraph_integer_t	z, col, e;

	(void)state;
	assert_int_equal(load(FIXTURE("bom-crlf"), &net, &diags), IGRAPH_SUCCESS);
	assert_int_equal(diags.errors, 0);
	assert_int_equal(diags.warnings, 1);	/* the duplicate eu -> zelensky */
	z = clout_network_find(&net, "zelensky");
	assert_true(z >= 0);
	assert_string_equal(igraph_strvector_get(&net.label, z), "Зеленський");
	assert_string_equal(igraph_strvector_get(&net.notes, z),
	    "Leads the government; says \"no\" to concessions");
	/* kinds are matched case-insensitively */
	assert_string_equal(igraph_strvector_get(&net.kind, clout_network_find(&net, "putin")), "leader");
	assert_string_equal(igraph_strvector_get(&net.notes, clout_network_find(&net, "putin")),
	    "Multi\r\nline note");
	assert_int_equal(VECTOR(net.type)[clout_network_find(&net, "security_guarantees")],
	    CLOUT_VERTEX_ISSUE);
	/* unknown columns are kept as attributes, by lower-case name */
	assert_int_equal(clout_attrs_column(&net.vertex_attrs, "region", 0, &col), IGRAPH_SUCCESS);
	assert_string_equal(igraph_strvector_get(&net.vertex_attrs.values[col], z), "Kyiv, Ukraine");
	e = edge(&net, "eu", "zelensky");
	assert_true(VECTOR(net.weight)[e] == 5.0);
	assert_int_equal(clout_attrs_column(&net.edge_attrs, "source_doc", 0, &col), IGRAPH_SUCCESS);
	assert_string_equal(igraph_strvector_get(&net.edge_attrs.values[col], e), "brief");
	unload(&net, &diags);
}

static void
duplicates_merge(void **state)
{
	struct clout_network	net;
	struct clout_diags	diags;
	igraph_integer_t	e, eid;

	(void)state;
	assert_int_equal(load(FIXTURE("duplicates"), &net, &diags), IGRAPH_SUCCESS);
	assert_int_equal(diags.warnings, 4);
	assert_int_equal(clout_network_ecount(&net), 2);	/* c -> a cancelled out, a -> a dropped */
	e = edge(&net, "a", "b");
	assert_true(VECTOR(net.weight)[e] == 3.0);
	assert_true(VECTOR(net.confidence)[e] == 0.9);		/* the highest */
	assert_string_equal(igraph_strvector_get(&net.evidence, e), "first; second");
	e = edge(&net, "b", "c");
	assert_true(VECTOR(net.weight)[e] == 2.0);		/* 3 - 1 */
	assert_int_equal(VECTOR(net.sign)[e], 1);
	igraph_get_eid(&net.graph, &eid, clout_network_find(&net, "c"), clout_network_find(&net, "a"), 1, 0);
	assert_int_equal(eid, -1);
	unload(&net, &diags);
}

static void
undirected_reciprocal_pairs_are_one_relation(void **state)
{
	struct clout_network	net;
	struct clout_diags	diags;

	(void)state;
	assert_int_equal(load(FIXTURE("undirected"), &net, &diags), IGRAPH_SUCCESS);
	assert_false(igraph_is_directed(&net.graph));
	assert_int_equal(clout_network_ecount(&net), 2);
	assert_true(VECTOR(net.weight)[edge(&net, "b", "a")] == 3.0);
	unload(&net, &diags);
}

/* "LINE:COLUMN severity" of every diagnostic, in order. */
static void
positions(const struct clout_diags *diags, char *buf, size_t size)
{
	igraph_integer_t	i;
	size_t			n = 0;

	buf[0] = '\0';
	for (i = 0; i < diags->count; i++)
		n += (size_t)snprintf(buf + n, size - n, "%ld:%d%c ", diags->items[i].line,
		    diags->items[i].column, diags->items[i].severity == CLOUT_ERROR ? 'E' : 'W');
}

static void
five_errors_five_messages(void **state)
{
	struct clout_network	net;
	struct clout_diags	diags;
	char			buf[512];

	(void)state;
	assert_int_equal(load(FIXTURE("bad-relations"), &net, &diags), IGRAPH_PARSEERROR);
	assert_int_equal(diags.errors, 5);
	positions(&diags, buf, sizeof buf);
	assert_string_equal(buf, "3:2E 4:3E 5:4E 6:5E 7:3E ");
	assert_string_equal(diags.items[0].message, "unknown target 'zelenskyy'; did you mean 'zelensky'?");
	assert_string_equal(diags.items[0].file, "tests/fixtures/bad-relations/relations.csv");
	unload(&net, &diags);
}

static void
actor_errors(void **state)
{
	struct clout_network	net;
	struct clout_diags	diags;
	char			buf[512];

	(void)state;
	assert_int_equal(load(FIXTURE("bad-actors"), &net, &diags), IGRAPH_PARSEERROR);
	positions(&diags, buf, sizeof buf);
	/* kind typo, duplicate at its second occurrence, empty id, unknown kind */
	assert_string_equal(buf, "3:3W 4:1E 5:1E 6:3W ");
	assert_string_equal(diags.items[2].message, "empty id");
	unload(&net, &diags);
}

static void
whole_file_problems(void **state)
{
	struct clout_network	net;
	struct clout_diags	diags;

	(void)state;
	assert_int_equal(load(FIXTURE("missing-column"), &net, &diags), IGRAPH_PARSEERROR);
	assert_int_equal(diags.count, 1);
	assert_int_equal(diags.items[0].line, 0);
	assert_string_equal(diags.items[0].message, "missing required column 'target'");
	unload(&net, &diags);

	assert_int_equal(load(FIXTURE("missing-file"), &net, &diags), IGRAPH_PARSEERROR);
	assert_int_equal(diags.count, 1);
	assert_string_equal(diags.items[0].file, "tests/fixtures/missing-file/relations.csv");
	unload(&net, &diags);

	assert_int_equal(load(FIXTURE("no-such-case"), &net, &diags), IGRAPH_PARSEERROR);
	assert_int_equal(diags.count, 1);
	unload(&net, &diags);

	assert_int_equal(load(FIXTURE("empty-network"), &net, &diags), IGRAPH_SUCCESS);
	assert_int_equal(clout_network_vcount(&net), 0);
	unload(&net, &diags);
}

static void
edge_list_file(void **state)
{
	struct clout_network	net;
	struct clout_diags	diags;

	(void)state;
	assert_int_equal(load(FIXTURE("edgelist.csv"), &net, &diags), IGRAPH_SUCCESS);
	assert_string_equal(net.name, "edgelist");
	assert_int_equal(clout_network_vcount(&net), 4);	/* created from the endpoints */
	assert_int_equal(clout_network_ecount(&net), 4);	/* the self-loop is left out */
	assert_int_equal(diags.warnings, 1);
	assert_string_equal(igraph_strvector_get(&net.id, 0), "kyiv");	/* in order of appearance */
	assert_true(VECTOR(net.weight)[edge(&net, "washington", "kyiv")] == 1.5);
	unload(&net, &diags);
}

static void
bundled_case_is_clean(void **state)
{
	struct clout_network	net;
	struct clout_diags	diags;

	(void)state;
	assert_int_equal(load("data/ukraine-2025", &net, &diags), IGRAPH_SUCCESS);
	assert_int_equal(diags.count, 0);
	assert_true(clout_network_count_type(&net, CLOUT_VERTEX_ACTOR) >= 20);
	assert_true(clout_network_count_type(&net, CLOUT_VERTEX_ISSUE) >= 8);
	assert_true(clout_network_ecount(&net) >= 60);
	unload(&net, &diags);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(hand_case),
		cmocka_unit_test(bom_crlf_quotes_and_attributes),
		cmocka_unit_test(duplicates_merge),
		cmocka_unit_test(undirected_reciprocal_pairs_are_one_relation),
		cmocka_unit_test(five_errors_five_messages),
		cmocka_unit_test(actor_errors),
		cmocka_unit_test(whole_file_problems),
		cmocka_unit_test(edge_list_file),
		cmocka_unit_test(bundled_case_is_clean),
	};

	return cmocka_run_group_tests_name("load", tests, test_setup, NULL);
}
