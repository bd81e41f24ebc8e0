/* test_load.c: case folders and edge lists into networks, with every diagnostic where it belongs. */
#define _DEFAULT_SOURCE
#include <sys/stat.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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

/* Excel's CSV in European locales: ';' found in every file's header, said once; 2,5 is 2.5. */
static void
european_semicolons(void **state)
{
	struct clout_network	net;
	struct clout_diags	diags;
	igraph_integer_t	e;

	(void)state;
	assert_int_equal(load(FIXTURE("european"), &net, &diags), IGRAPH_SUCCESS);
	assert_int_equal(diags.errors, 0);
	assert_int_equal(diags.warnings, 1);
	assert_string_equal(diags.items[0].file, "tests/fixtures/european/case.csv");
	assert_int_equal(diags.items[0].line, 1);
	assert_int_equal(diags.items[0].column, 0);
	assert_non_null(strstr(diags.items[0].message, "separated by ';'"));
	assert_string_equal(clout_network_info(&net, "title"), "Europ\xc3\xa4ische Tabelle");
	assert_true(igraph_is_directed(&net.graph));
	assert_string_equal(igraph_strvector_get(&net.label, clout_network_find(&net, "fr")),
	    "France; R\xc3\xa9publique");
	e = edge(&net, "de", "fr");
	assert_true(VECTOR(net.weight)[e] == 2.5);
	assert_true(VECTOR(net.confidence)[e] == 0.8);
	assert_string_equal(igraph_strvector_get(&net.evidence, e), "Aachen treaty, 2019");
	e = edge(&net, "nl", "de");
	assert_true(VECTOR(net.weight)[e] == 0.25);
	assert_int_equal(VECTOR(net.sign)[e], -1);
	unload(&net, &diags);
}

/* With ',' as the delimiter a decimal comma stays an error, and a one-field header gets a hint. */
static void
comma_files_keep_decimal_points(void **state)
{
	struct clout_network	net;
	struct clout_diags	diags;

	(void)state;
	assert_int_equal(load("tests/hostile/case-semicolon-actors-comma-relations", &net, &diags),
	    IGRAPH_PARSEERROR);
	assert_int_equal(diags.errors, 1);
	assert_int_equal(diags.items[diags.count - 1].line, 2);
	assert_int_equal(diags.items[diags.count - 1].column, 3);
	assert_string_equal(diags.items[diags.count - 1].message, "weight '1,5' is not a number; "
	    "use a decimal point, not a comma (or separate the fields with ';', and then decimal "
	    "commas are read)");
	unload(&net, &diags);
	assert_int_equal(load("tests/hostile/case-tab-separated-actors", &net, &diags),
	    IGRAPH_PARSEERROR);
	assert_int_equal(diags.errors, 1);
	assert_string_equal(diags.items[0].message, "missing required column 'id'; the header row "
	    "is one field: is the delimiter a tab? case files are separated by ',' or ';'");
	unload(&net, &diags);
}

/* Ids that differ only in what cannot be seen: two vertices, and a warning at the second. */
static void
look_alike_ids(void **state)
{
	struct clout_network	net;
	struct clout_diags	diags;

	(void)state;
	assert_int_equal(load(FIXTURE("look-alike"), &net, &diags), IGRAPH_PARSEERROR);
	assert_int_equal(diags.errors, 1);
	assert_int_equal(diags.warnings, 2);
	assert_int_equal(clout_network_vcount(&net), 5);
	assert_int_equal(diags.items[0].line, 3);
	assert_int_equal(diags.items[0].column, 1);
	assert_string_equal(diags.items[0].message, "id 'cafe\xcc\x81' looks identical to "
	    "'caf\xc3\xa9' (tests/fixtures/look-alike/actors.csv:2) but differs by Unicode "
	    "normalisation (composed and decomposed accents): they are two actors");
	assert_int_equal(diags.items[1].line, 5);
	assert_non_null(strstr(diags.items[1].message, "looks identical to 'zel' "
	    "(tests/fixtures/look-alike/actors.csv:4) but differs by invisible characters"));
	/* a relation naming a look-alike (soft hyphen) of an id */
	assert_int_equal(diags.items[2].line, 4);
	assert_int_equal(diags.items[2].column, 2);
	assert_string_equal(diags.items[2].message, "unknown target '\xc2\xad" "b': it looks "
	    "identical to the id 'b' but differs by invisible characters (a zero-width space, "
	    "joiner or soft hyphen)");
	unload(&net, &diags);
}

/* Weights that are no finite positive decimal, each with its own reason, at its cell. */
static void
odd_weights(void **state)
{
	static const struct {
		const char	*file;
		const char	*message;
	} cases[] = {
		{ "weight-1e999.csv", "weight '1e999' is out of range (beyond 1.8e308)" },
		{ "weight-1e-400.csv", "weight '1e-400' is too close to 0 to represent (below 2.2e-308)" },
		{ "weight-subnormal-1e-310.csv", "weight '1e-310' is too close to 0 to represent "
		    "(below 2.2e-308)" },
		{ "weight-minus-zero.csv", "weight must be greater than 0, not '-0'" },
		{ "weight-nan.csv", "weight 'nan' is not a finite decimal number" },
		{ "weight-inf.csv", "weight '-inf' is not a finite decimal number" },
		{ "weight-hex-0x10.csv", "weight '0x10' is not a plain decimal number (hexadecimal is "
		    "not read)" },
	};
	struct clout_network	net;
	struct clout_diags	diags;
	char			path[256];
	size_t			i;
	double			v;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		snprintf(path, sizeof path, "tests/hostile/%s", cases[i].file);
		assert_int_equal(load(path, &net, &diags), IGRAPH_PARSEERROR);
		assert_int_equal(diags.errors, 1);
		assert_int_equal(diags.items[0].line, 2);
		assert_int_equal(diags.items[0].column, 3);
		assert_string_equal(diags.items[0].message, cases[i].message);
		unload(&net, &diags);
	}
	assert_int_equal(clout_parse_decimal("1e-400", &v), 3);
	assert_int_equal(clout_parse_decimal("1e999", &v), 2);
	assert_int_equal(clout_parse_decimal("0x10", &v), 1);
	assert_int_equal(clout_parse_decimal("-0", &v), 0);
	assert_true(v == 0 && signbit(v));
	assert_int_equal(clout_parse_decimal("2.2250738585072014e-308", &v), 0);	/* DBL_MIN */
}

/* A temporary case folder: actors a, b and the relations given. */
static char *
temp_case(const char *relations)
{
	static char	dir[64];
	char		path[128];
	FILE		*out;

	snprintf(dir, sizeof dir, "/tmp/clout-test-load-XXXXXX");
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/actors.csv", dir);
	assert_non_null(out = fopen(path, "w"));
	fputs("id\na\nb\n", out);
	fclose(out);
	snprintf(path, sizeof path, "%s/relations.csv", dir);
	if (relations != NULL) {
		assert_non_null(out = fopen(path, "w"));
		fputs(relations, out);
		fclose(out);
	}
	return dir;
}

static void
remove_case(const char *dir)
{
	char	cmd[128];

	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
}

/* 250 rows naming missing ids: 500 errors counted, 100 listed, then one line for the rest. */
static void
messages_are_bounded(void **state)
{
	struct clout_network	net;
	struct clout_diags	diags;
	char			*rows = malloc(250 * 32 + 64), *dir;
	size_t			n;
	int			i;

	(void)state;
	assert_non_null(rows);
	n = (size_t)sprintf(rows, "source,target,evidence\n");
	for (i = 0; i < 250; i++)
		n += (size_t)sprintf(rows + n, "x%d,y%d,e\n", i, i);
	dir = temp_case(rows);
	free(rows);
	assert_int_equal(load(dir, &net, &diags), IGRAPH_PARSEERROR);
	assert_int_equal(diags.errors, 500);
	assert_int_equal(diags.count, 101);
	assert_int_equal(diags.items[99].line, 51);	/* two per row */
	assert_int_equal(diags.items[99].column, 2);
	assert_int_equal(diags.items[100].line, 251);
	assert_int_equal(diags.items[100].column, 0);
	assert_int_equal(diags.items[100].severity, CLOUT_ERROR);
	assert_string_equal(diags.items[100].message, "400 more errors in this file are not listed");
	unload(&net, &diags);
	remove_case(dir);
}

/* A FIFO or a directory where a case file is expected: an error, and no blocking. */
static void
special_files_in_a_case(void **state)
{
	struct clout_network	net;
	struct clout_diags	diags;
	char			path[128], *dir;

	(void)state;
	dir = temp_case(NULL);
	snprintf(path, sizeof path, "%s/relations.csv", dir);
	assert_int_equal(mkfifo(path, 0600), 0);
	assert_int_equal(load(dir, &net, &diags), IGRAPH_PARSEERROR);
	assert_int_equal(diags.errors, 1);
	assert_string_equal(diags.items[0].message, "not a regular file but a FIFO");
	assert_int_equal(diags.items[0].line, 0);
	unload(&net, &diags);
	assert_int_equal(unlink(path), 0);
	assert_int_equal(mkdir(path, 0700), 0);
	assert_int_equal(load(dir, &net, &diags), IGRAPH_PARSEERROR);
	assert_string_equal(diags.items[0].message, "not a regular file but a directory");
	unload(&net, &diags);
	remove_case(dir);
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
		cmocka_unit_test(european_semicolons),
		cmocka_unit_test(comma_files_keep_decimal_points),
		cmocka_unit_test(look_alike_ids),
		cmocka_unit_test(odd_weights),
		cmocka_unit_test(messages_are_bounded),
		cmocka_unit_test(special_files_in_a_case),
	};

	return cmocka_run_group_tests_name("load", tests, test_setup, NULL);
}
