/*
 * test_import.c: clout import on small hand-made files (tests/fixtures/import),
 * checked against what was worked out by hand.
 *
 * edges.csv: Alice->Bob 2 and 3 (sum 5), Bob->Carol 1 with sign - (Carol
 * followed by a non-breaking space), Carol->NA (missing), Dave->Dave (self),
 * Eve->Bob '?' (unreadable), Eve->Alice -4 (sign turned: 4, -).
 *
 * votes.csv (Y/N/A/X): ALPHA-BETA over votes 1-3 (BETA absent in 4): 1, 0.5,
 * 1 -> 2.5/3; ALPHA-GAMMA over votes 1, 2, 4: 0, 0, 1 -> 1/3; BETA-GAMMA over
 * votes 1-2: 0, 0.5 -> 0.25; GAMMA-DELTA over votes 2, 4: 0, 0 -> 0, left out.
 *
 * twomode.csv: e1 {A,B,C}, e2 {A,B} (B twice), e3 {C}, e4 {A,D} (1990).
 * Newman weights after year >= 2000: e1 gives 1/2 a pair, e2 gives 1: A-B 1.5.
 */
#define _DEFAULT_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "test.h"

static char	tmpdir[64];

static int
make_tmp(void **state)
{
	test_setup(state);
	snprintf(tmpdir, sizeof tmpdir, "/tmp/clout-test-import-XXXXXX");
	return mkdtemp(tmpdir) == NULL;
}

static int
remove_tmp(void **state)
{
	char	cmd[128];

	(void)state;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
	return system(cmd);
}

static char *
out_path(const char *name)
{
	static char	path[256];

	snprintf(path, sizeof path, "%s/%s", tmpdir, name);
	return path;
}

/* The whole text of dir/file. */
static char *
slurp(const char *dir, const char *file)
{
	char	 path[512], *text;
	FILE	*in;
	long	 n;

	snprintf(path, sizeof path, "%s/%s", dir, file);
	in = fopen(path, "rb");
	assert_non_null(in);
	fseek(in, 0, SEEK_END);
	n = ftell(in);
	rewind(in);
	text = calloc((size_t)n + 1, 1);
	assert_non_null(text);
	assert_int_equal(fread(text, 1, (size_t)n, in), (size_t)n);
	fclose(in);
	return text;
}

static void
expect_file(const char *dir, const char *file, const char *expected)
{
	char	*text = slurp(dir, file);

	assert_string_equal(text, expected);
	free(text);
}

/* Import, expecting success; the case must then load cleanly. */
static void
import_ok(const struct clout_import_options *o, const char *dir,
    struct clout_import_report *rep)
{
	struct clout_diags	diags;
	struct clout_network	net;

	assert_int_equal(clout_diags_init(&diags), IGRAPH_SUCCESS);
	assert_int_equal(clout_import(o, dir, 0, &diags, rep), IGRAPH_SUCCESS);
	assert_int_equal(diags.errors, 0);
	clout_diags_destroy(&diags);
	load_case(dir, &net);
	assert_int_equal(clout_network_vcount(&net), rep->actors);
	clout_network_destroy(&net);
}

/* Import, expecting one data error whose message contains what; no folder left. */
static void
import_fails(const struct clout_import_options *o, const char *dir, int force, const char *what,
    long line)
{
	struct clout_diags		diags;
	struct clout_import_report	rep;
	struct stat			st;
	int				existed = stat(dir, &st) == 0;

	assert_int_equal(clout_diags_init(&diags), IGRAPH_SUCCESS);
	assert_int_equal(clout_import(o, dir, force, &diags, &rep), IGRAPH_SUCCESS);
	assert_true(diags.errors >= 1);
	assert_non_null(strstr(diags.items[0].message, what));
	assert_int_equal(diags.items[0].line, line);
	if (!existed)
		assert_int_not_equal(stat(dir, &st), 0);
	clout_diags_destroy(&diags);
	clout_import_report_destroy(&rep);
	VERIFY_FINALLY_STACK();
}

static void
edge_list(void **state)
{
	struct clout_import_options	o = { 0 };
	struct clout_import_report	rep;
	static const char *const	na[] = { "NA" };
	char				*dir = out_path("edges");

	(void)state;
	o.path = FIXTURE("import/edges.csv");
	o.source = "From";
	o.target = "to";	/* any case */
	o.weight = "3";		/* by number */
	o.sign = "Sign";
	o.na = na;
	o.nna = 1;
	o.skip = -1;
	import_ok(&o, dir, &rep);
	assert_int_equal(rep.rows_read, 7);
	assert_int_equal(rep.header_line, 1);
	assert_int_equal(rep.skipped_missing, 1);
	assert_int_equal(rep.skipped_bad_weight, 1);
	assert_int_equal(rep.skipped_self, 1);
	assert_int_equal(rep.merged, 1);
	assert_int_equal(rep.trimmed, 1);
	assert_int_equal(rep.actors, 4);
	assert_int_equal(rep.relations, 3);
	/* blank and repeated column names renamed, the trimming reported */
	assert_int_equal(rep.nnotes, 3);
	assert_string_equal(rep.notes[0], "edges.csv: column 6 has no name: called _6");
	assert_string_equal(rep.notes[1], "edges.csv: column 7 repeats the name 'Note': called Note_2");
	expect_file(dir, "actors.csv", "id,label\nAlice,Alice\nBob,Bob\nCarol,Carol\nEve,Eve\n");
	expect_file(dir, "relations.csv", "source,target,weight,sign,evidence\n"
	    "Alice,Bob,5,+,\"edges.csv lines 2, 4\"\n"
	    "Bob,Carol,1,-,edges.csv line 3\n"
	    "Eve,Alice,4,-,edges.csv line 8\n");
	clout_import_report_destroy(&rep);
	VERIFY_FINALLY_STACK();
}

static void
merge_rules(void **state)
{
	struct clout_import_options	o = { 0 };
	struct clout_import_report	rep;

	(void)state;
	o.path = FIXTURE("import/preamble.csv");
	o.source = "supplier";
	o.target = "recipient";
	o.weight = "value";
	o.skip = -1;
	o.merge = CLOUT_MERGE_MEAN;	/* X->Y 1.5 and 2.5 */
	import_ok(&o, out_path("mean"), &rep);
	assert_int_equal(rep.header_line, 4);
	clout_import_report_destroy(&rep);
	expect_file(out_path("mean"), "relations.csv", "source,target,weight,sign,evidence\n"
	    "X,Y,2,+,\"preamble.csv lines 5, 6\"\nY,Z,1,+,preamble.csv line 7\n"
	    "X,Z,4,+,preamble.csv line 8\n");
	o.merge = CLOUT_MERGE_MAX;
	o.sign_constant = -1;
	import_ok(&o, out_path("max"), &rep);
	clout_import_report_destroy(&rep);
	expect_file(out_path("max"), "relations.csv", "source,target,weight,sign,evidence\n"
	    "X,Y,2.5,-,\"preamble.csv lines 5, 6\"\nY,Z,1,-,preamble.csv line 7\n"
	    "X,Z,4,-,preamble.csv line 8\n");
	/* undirected count: X-Y twice; case.csv says so */
	o.weight = NULL;
	o.sign_constant = 0;
	o.merge = CLOUT_MERGE_COUNT;
	o.undirected = 1;
	o.skip = 3;
	import_ok(&o, out_path("count"), &rep);
	clout_import_report_destroy(&rep);
	expect_file(out_path("count"), "relations.csv", "source,target,weight,sign,evidence\n"
	    "X,Y,2,+,\"preamble.csv lines 5, 6\"\nY,Z,1,+,preamble.csv line 7\n"
	    "X,Z,1,+,preamble.csv line 8\n");
	expect_file(out_path("count"), "case.csv", "key,value\ntitle,preamble\ndirected,no\n"
	    "source,tests/fixtures/import/preamble.csv\n"
	    "summary,3 actors and 3 relations imported from 4 rows of preamble.csv\n");
	VERIFY_FINALLY_STACK();
}

static void
encodings(void **state)
{
	struct clout_import_options	o = { 0 };
	struct clout_import_report	rep;

	(void)state;
	o.path = FIXTURE("import/latin1.csv");
	o.source = "src";
	o.target = "dst";
	o.skip = -1;
	o.encoding = CLOUT_ENCODING_LATIN1;
	import_ok(&o, out_path("latin1"), &rep);
	clout_import_report_destroy(&rep);
	expect_file(out_path("latin1"), "actors.csv",
	    "id,label\nM\xC3\xBCller,M\xC3\xBCller\nNi\xC3\xB1o,Ni\xC3\xB1o\n\xC3\x85se,\xC3\x85se\n");
	/* read as UTF-8, the Latin-1 bytes are an error on line 2 */
	o.encoding = CLOUT_ENCODING_UTF8;
	import_fails(&o, out_path("utf8"), 0, "invalid UTF-8", 2);
	/* 0x81 is undefined in Windows-1252; 0x93 is a C1 control in Latin-1 */
	o.path = FIXTURE("import/cp1252.csv");
	o.encoding = CLOUT_ENCODING_CP1252;
	import_fails(&o, out_path("cp1252"), 0, "byte 0x81", 3);
	o.encoding = CLOUT_ENCODING_LATIN1;
	import_fails(&o, out_path("cp1252"), 0, "byte 0x93", 2);
}

static void
blanks_and_nodes(void **state)
{
	struct clout_import_options	o = { 0 };
	struct clout_import_report	rep;

	(void)state;
	o.path = FIXTURE("import/space.net");
	o.no_header = 1;
	o.whitespace = 1;
	o.source = "1";
	o.target = "2";
	o.skip = -1;
	o.undirected = 1;
	o.nodes = FIXTURE("import/map.txt");
	o.nodes_no_header = 1;		/* --no-header is the edge file's only */
	o.node_id = "1";
	o.node_label = "2";
	import_ok(&o, out_path("blanks"), &rep);
	assert_int_equal(rep.actors, 5);
	assert_int_equal(rep.isolates, 1);	/* Eli: only in the node map */
	assert_int_equal(rep.relations, 4);
	clout_import_report_destroy(&rep);
	expect_file(out_path("blanks"), "actors.csv",
	    "id,label\n0,Ann\n1,Ben\n2,Cid\n3,Dee\n4,Eli\n");
	VERIFY_FINALLY_STACK();
}

/* A headed node table beside a headerless edge list, and the other way round. */
static void
node_headers(void **state)
{
	struct clout_import_options	o = { 0 };
	struct clout_import_report	rep;

	(void)state;
	o.path = FIXTURE("import/skipped/edges.csv");	/* 1,2  2,3  3,1 */
	o.no_header = 1;
	o.source = "1";
	o.target = "2";
	o.skip = -1;
	o.nodes = FIXTURE("import/skipped/headed-nodes.csv");
	o.node_id = "id";
	o.node_label = "name";
	import_ok(&o, out_path("headed-nodes"), &rep);
	assert_int_equal(rep.actors, 4);
	assert_int_equal(rep.isolates, 1);		/* 4, Four: only in the node table */
	assert_int_equal(rep.relations, 3);
	assert_int_equal(rep.skipped, 0);
	clout_import_report_destroy(&rep);
	expect_file(out_path("headed-nodes"), "actors.csv",
	    "id,label\n1,One\n2,Two\n3,Three\n4,Four\n");

	memset(&o, 0, sizeof o);
	o.path = FIXTURE("import/skipped/clean.csv");	/* from,to  a,b  b,c */
	o.source = "from";
	o.target = "to";
	o.skip = -1;
	o.nodes = FIXTURE("import/skipped/nodes-no-header.csv");
	o.nodes_no_header = 1;
	o.node_id = "1";
	o.node_label = "2";
	import_ok(&o, out_path("headless-nodes"), &rep);
	assert_int_equal(rep.actors, 3);
	clout_import_report_destroy(&rep);
	expect_file(out_path("headless-nodes"), "actors.csv",
	    "id,label\na,Alpha\nb,Beta\nc,Gamma\n");
	VERIFY_FINALLY_STACK();
}

/*
 * skipped/many.csv, worked out by hand: lines 3-10 and 13-17 are skipped (13
 * rows: no target, no source, no weight, NA, 'x', sign '~', confidence 2,
 * self-loop c, no target twice, self-loops f and g, a Cyrillic weight); line
 * 11 is --where's (not listed), lines 2 and 12 are relations.
 */
static void
skipped_rows(void **state)
{
	struct clout_import_options	o = { 0 };
	struct clout_import_report	rep;
	struct clout_diags		diags;
	static const char *const	na[] = { "NA" };
	static const char *const	where[] = { "year>2000" };
	static const struct { long line; int column; const char *why; } want[] = {
		{ 3, 2, "no target" },
		{ 4, 1, "no source" },
		{ 5, 3, "no weight" },
		{ 6, 3, "weight 'NA' is a missing value (--na)" },
		{ 7, 3, "weight 'x' is not a number" },
		{ 8, 4, "sign '~' is not +, -, 1, -1, positive or negative" },
		{ 9, 5, "confidence '2' is not a number from 0 to 1" },
		{ 10, 2, "a self-loop: source and target are 'c'" },
		{ 13, 2, "no target" },
		{ 14, 2, "no target" },
	};
	const char			*path = FIXTURE("import/skipped/many.csv");
	struct stat			 st;
	int				 i;

	(void)state;
	o.path = path;
	o.source = "from";
	o.target = "to";
	o.weight = "w";
	o.sign = "sign";
	o.confidence = "conf";
	o.na = na;
	o.nna = 1;
	o.where = where;
	o.nwhere = 1;
	o.skip = -1;
	import_ok(&o, out_path("many"), &rep);
	assert_int_equal(rep.rows_read, 16);
	assert_int_equal(rep.skipped, 13);
	assert_int_equal(rep.skipped_filtered, 1);
	assert_int_equal(rep.relations, 2);
	assert_int_equal(rep.nskips, CLOUT_IMPORT_LISTED);
	for (i = 0; i < CLOUT_IMPORT_LISTED; i++) {
		assert_string_equal(rep.skips[i].file, path);
		assert_int_equal(rep.skips[i].line, want[i].line);
		assert_int_equal(rep.skips[i].column, want[i].column);
		assert_string_equal(rep.skips[i].why, want[i].why);
	}
	clout_import_report_destroy(&rep);

	/* --strict: an error at the first skipped row, no folder */
	o.strict = 1;
	import_fails(&o, out_path("strict"), 0, "--strict: 13 rows would be skipped", 3);
	assert_int_not_equal(stat(out_path("strict"), &st), 0);
	/* a clean file passes --strict */
	o.path = FIXTURE("import/skipped/clean.csv");
	o.weight = o.sign = o.confidence = NULL;
	o.nwhere = 0;
	import_ok(&o, out_path("strict-clean"), &rep);
	assert_int_equal(rep.skipped, 0);
	assert_int_equal(rep.nskips, 0);
	clout_import_report_destroy(&rep);

	/* node rows without an id; a long value cut at a character boundary */
	memset(&o, 0, sizeof o);
	o.path = FIXTURE("import/skipped/long.csv");
	o.source = "from";
	o.target = "to";
	o.weight = "w";
	o.skip = -1;
	o.nodes = FIXTURE("import/skipped/nodes.csv");
	o.node_id = "id";
	assert_int_equal(clout_diags_init(&diags), IGRAPH_SUCCESS);
	assert_int_equal(clout_import(&o, out_path("long"), 0, &diags, &rep), IGRAPH_SUCCESS);
	assert_int_equal(diags.errors, 0);
	assert_int_equal(rep.skipped, 2);
	assert_string_equal(rep.skips[0].file, FIXTURE("import/skipped/nodes.csv"));
	assert_int_equal(rep.skips[0].line, 4);
	assert_string_equal(rep.skips[0].why, "no node id");
	assert_int_equal(rep.skips[1].line, 3);
	/* 20 Cyrillic letters are the 40 bytes kept */
	assert_string_equal(rep.skips[1].why,
	    "weight '\xD0\x94\xD0\xBE\xD0\xBB\xD0\xB3\xD0\xBE\xD0\xB5\xD0\x98\xD0\xBC\xD1\x8F"
	    "\xD0\x9A\xD0\xBE\xD1\x82\xD0\xBE\xD1\x80\xD0\xBE\xD0\xB5\xD0\x9D\xD0\xB5\xD0\x9F"
	    "\xD0\xBE...' is not a number");
	clout_import_report_destroy(&rep);
	clout_diags_destroy(&diags);
	VERIFY_FINALLY_STACK();
}

static void
filters_and_split(void **state)
{
	struct clout_import_options	o = { 0 };
	struct clout_import_report	rep;
	static const char *const	where[] = { "year=0|year>=2014", "kind!=z" };
	static const char *const	split[] = { "senders=," };
	static const char *const	known[] = { "Korea, North" };

	(void)state;
	o.path = FIXTURE("import/filters.csv");
	o.source = "s";
	o.target = "t";
	o.skip = -1;
	o.where = where;
	o.nwhere = 2;
	import_ok(&o, out_path("where"), &rep);
	assert_int_equal(rep.skipped_filtered, 3);
	clout_import_report_destroy(&rep);
	expect_file(out_path("where"), "relations.csv", "source,target,weight,sign,evidence\n"
	    "B,C,1,+,filters.csv line 4\nD,A,1,+,filters.csv line 6\n");

	memset(&o, 0, sizeof o);
	o.path = FIXTURE("import/split.csv");
	o.source = "senders";
	o.target = "target";
	o.skip = -1;
	o.split = split;
	o.nsplit = 1;
	o.known = known;
	o.nknown = 1;
	import_ok(&o, out_path("split"), &rep);
	assert_int_equal(rep.split_values, 2);
	assert_int_equal(rep.skipped_self, 1);
	clout_import_report_destroy(&rep);
	expect_file(out_path("split"), "actors.csv", "id,label\nUnited States,United States\n"
	    "Iran,Iran\n\"Korea, North\",\"Korea, North\"\n\"Korea, South\",\"Korea, South\"\n"
	    "France,France\n");
	VERIFY_FINALLY_STACK();
}

static void
two_mode(void **state)
{
	struct clout_import_options	o = { 0 };
	struct clout_import_report	rep;
	static const char *const	where[] = { "year>=2000" };

	(void)state;
	o.path = FIXTURE("import/twomode.csv");
	o.mode = CLOUT_IMPORT_TWO_MODE;
	o.actor = "member";
	o.event = "event";
	o.skip = -1;
	import_ok(&o, out_path("tm"), &rep);
	clout_import_report_destroy(&rep);
	expect_file(out_path("tm"), "relations.csv", "source,target,weight,sign,evidence\n"
	    "A,B,2,+,\"2 common event values in twomode.csv: e1, e2\"\n"
	    "A,C,1,+,1 common event value in twomode.csv: e1\n"
	    "B,C,1,+,1 common event value in twomode.csv: e1\n"
	    "A,D,1,+,1 common event value in twomode.csv: e4\n");
	o.newman = 1;
	o.where = where;
	o.nwhere = 1;
	import_ok(&o, out_path("newman"), &rep);
	assert_int_equal(rep.actors, 3);
	clout_import_report_destroy(&rep);
	expect_file(out_path("newman"), "relations.csv", "source,target,weight,sign,evidence\n"
	    "A,B,1.5,+,\"2 common event values in twomode.csv: e1, e2\"\n"
	    "A,C,0.5,+,1 common event value in twomode.csv: e1\n"
	    "B,C,0.5,+,1 common event value in twomode.csv: e1\n");
	VERIFY_FINALLY_STACK();
}

static void
vote_matrix(void **state)
{
	struct clout_import_options	o = { 0 };
	struct clout_import_report	rep;

	(void)state;
	o.path = FIXTURE("import/votes.csv");
	o.mode = CLOUT_IMPORT_VOTES;
	o.skip = -1;
	import_ok(&o, out_path("votes"), &rep);
	assert_int_equal(rep.votes, 4);
	assert_int_equal(rep.actors, 4);	/* the unnamed, never-voting column left out */
	assert_int_equal(rep.dropped_zero, 1);	/* GAMMA-DELTA never agree */
	clout_import_report_destroy(&rep);
	expect_file(out_path("votes"), "relations.csv", "source,target,weight,sign,evidence\n"
	    "ALPHA,BETA,0.833333333333,+,agreement over 3 common votes in votes.csv\n"
	    "ALPHA,GAMMA,0.333333333333,+,agreement over 3 common votes in votes.csv\n"
	    "ALPHA,DELTA,0.333333333333,+,agreement over 3 common votes in votes.csv\n"
	    "BETA,GAMMA,0.25,+,agreement over 2 common votes in votes.csv\n"
	    "BETA,DELTA,0.25,+,agreement over 2 common votes in votes.csv\n");
	VERIFY_FINALLY_STACK();
}

static void
errors(void **state)
{
	struct clout_import_options	o = { 0 };
	struct clout_import_report	rep;
	static const char *const	where[] = { "year>3000" };

	(void)state;
	o.path = FIXTURE("import/edges.csv");
	o.source = "Frm";
	o.target = "To";
	o.skip = -1;
	import_fails(&o, out_path("e1"), 0, "--source: no column 'Frm'", 1);
	o.path = FIXTURE("import/preamble.csv");
	o.source = "foo";
	o.target = "bar";
	import_fails(&o, out_path("e2"), 0, "no header found", 1);	/* its first row */
	o.path = FIXTURE("import/filters.csv");
	o.source = "s";
	o.target = "t";
	o.where = where;
	o.nwhere = 1;
	import_fails(&o, out_path("e3"), 0, "empty result", 2);	/* where the data begin */
	/* an existing folder is refused, then replaced with force */
	o.nwhere = 0;
	import_ok(&o, out_path("again"), &rep);
	clout_import_report_destroy(&rep);
	import_fails(&o, out_path("again"), 0, "already exists", 0);
	{
		struct clout_diags	diags;

		clout_diags_init(&diags);
		assert_int_equal(clout_import(&o, out_path("again"), 1, &diags, &rep), IGRAPH_SUCCESS);
		assert_int_equal(diags.errors, 0);
		assert_int_equal(rep.relations, 5);
		clout_diags_destroy(&diags);
		clout_import_report_destroy(&rep);
	}
	VERIFY_FINALLY_STACK();
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(edge_list),
		cmocka_unit_test(merge_rules),
		cmocka_unit_test(encodings),
		cmocka_unit_test(blanks_and_nodes),
		cmocka_unit_test(node_headers),
		cmocka_unit_test(skipped_rows),
		cmocka_unit_test(filters_and_split),
		cmocka_unit_test(two_mode),
		cmocka_unit_test(vote_matrix),
		cmocka_unit_test(errors),
	};

	return cmocka_run_group_tests_name("import", tests, make_tmp, remove_tmp);
}
