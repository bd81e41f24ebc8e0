/*
 * test_lint.c: check's extra warnings: roles outside the vocabulary (with the
 * hints worked out by hand) and cells a spreadsheet would run as formulas,
 * on the fixtures roles-odd and formula; the cap on their number; the roles
 * two cases do not share.
 */
#define _DEFAULT_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "test.h"

/* Lint path into diags (initialised here). */
static void
lint(const char *path, struct clout_diags *diags)
{
	assert_int_equal(clout_diags_init(diags), IGRAPH_SUCCESS);
	assert_int_equal(clout_lint_case(diags, path), IGRAPH_SUCCESS);
	VERIFY_FINALLY_STACK();
}

static void
expect(const struct clout_diags *diags, igraph_integer_t i, const char *file, long line,
    int column, const char *message)
{
	assert_true(i < diags->count);
	assert_int_equal(diags->items[i].severity, CLOUT_WARNING);
	assert_string_equal(diags->items[i].file, file);
	assert_int_equal(diags->items[i].line, line);
	assert_int_equal(diags->items[i].column, column);
	assert_string_equal(diags->items[i].message, message);
}

static void
vocabulary(void **state)
{
	enum clout_vertex_type	type;

	(void)state;
	/* docs/ROLES.md: 32 actor roles, then 23 issue roles */
	assert_int_equal(clout_role_count(), 55);
	assert_string_equal(clout_role_get(0, &type), "defender state");
	assert_int_equal(type, CLOUT_VERTEX_ACTOR);
	assert_string_equal(clout_role_get(32, &type), "ceasefire");
	assert_int_equal(type, CLOUT_VERTEX_ISSUE);
	assert_string_equal(clout_role_get(54, &type), "bloc unity");
	assert_null(clout_role_get(55, &type));
	assert_null(clout_role_get(-1, NULL));
}

static void
roles(void **state)
{
	struct clout_diags	d;
	const char		*a = FIXTURE("roles-odd/actors.csv");
	const char		*i = FIXTURE("roles-odd/issues.csv");

	(void)state;
	lint(FIXTURE("roles-odd"), &d);
	assert_int_equal(d.count, 8);
	assert_int_equal(d.errors, 0);
	/* one letter missing: 1 edit */
	expect(&d, 0, a, 3, 3, "unknown role 'agressor state'; did you mean 'aggressor state'?");
	/* 'spoiler state' and 'hardliner faction' come from case.csv; 's' is one edit away */
	expect(&d, 1, a, 6, 3, "unknown role 'hardliner factions'; did you mean 'hardliner faction'?");
	/* only the case differs */
	expect(&d, 2, a, 7, 3, "unknown role 'Mediator State'; did you mean 'mediator state'?");
	/* 6 edits away, but the first word of 'mediator state' */
	expect(&d, 3, a, 8, 3, "unknown role 'mediator'; did you mean 'mediator state'?");
	expect(&d, 4, a, 9, 3, "'ceasefire' is an issue role, not an actor role (docs/ROLES.md)");
	expect(&d, 5, a, 10, 3, "unknown role 'chorus of the gods': not in docs/ROLES.md (a case "
	    "adds its own with a 'roles' row in case.csv)");
	/* two letters swapped: 2 edits, within a third of 18 letters */
	expect(&d, 6, i, 3, 3, "unknown role 'territorial stauts'; did you mean 'territorial status'?");
	expect(&d, 7, i, 4, 3, "'defender state' is an actor role, not an issue role (docs/ROLES.md)");
	clout_diags_destroy(&d);

	/* the bundled cases use the vocabulary only */
	lint("data/ukraine-2025", &d);
	assert_int_equal(d.count, 0);
	clout_diags_destroy(&d);
	lint("data/dayton-1995/", &d);
	assert_int_equal(d.count, 0);
	clout_diags_destroy(&d);
}

static void
formulas(void **state)
{
	struct clout_diags	d;
	const char		*a = FIXTURE("formula/actors.csv");
	const char		*r = FIXTURE("formula/relations.csv");

	(void)state;
	lint(FIXTURE("formula"), &d);
	/*
	 * actors: the ids =HYPERLINK, -cmd and @SUM (not +1: a number), the bloc =A1,
	 * the notes '+ a note' and @here (not -2); relations: those ids as source and
	 * target, and the evidence texts but 'plain evidence' ('-0.5 points' is no
	 * number); weights and signs never
	 */
	assert_int_equal(d.count, 16);
	expect(&d, 0, a, 2, 1, "id starts with '=': a spreadsheet opening this file would run it as a formula");
	expect(&d, 1, a, 2, 4, "bloc starts with '=': a spreadsheet opening this file would run it as a formula");
	expect(&d, 2, a, 3, 6, "notes starts with '+': a spreadsheet opening this file would run it as a formula");
	expect(&d, 3, a, 4, 1, "id starts with '-': a spreadsheet opening this file would run it as a formula");
	expect(&d, 9, r, 3, 7, "evidence starts with '-': a spreadsheet opening this file would run it as a formula");
	expect(&d, 15, r, 6, 7, "evidence starts with '+': a spreadsheet opening this file would run it as a formula");
	clout_diags_destroy(&d);
}

static void
cap(void **state)
{
	char			 dir[] = "/tmp/clout-test-lint-XXXXXX", path[128];
	struct clout_diags	 d;
	FILE			*f;
	int			 k;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/edges.csv", dir);
	assert_non_null(f = fopen(path, "w"));
	fputs("source,target,weight,sign,evidence\n", f);
	for (k = 0; k < 150; k++)
		fprintf(f, "a%d,b%d,-1,-,=%d\n", k, k, k);	/* weights and signs: no warning */
	fclose(f);
	lint(path, &d);
	assert_int_equal(d.count, CLOUT_LINT_MAX + 1);
	expect(&d, 0, path, 0, 0, "50 more cells start with = + - or @ (not listed)");
	assert_int_equal(d.items[1].line, 2);
	assert_int_equal(d.items[1].column, 5);
	assert_int_equal(d.items[CLOUT_LINT_MAX].line, CLOUT_LINT_MAX + 1);
	clout_diags_destroy(&d);
	/* standard input cannot be read twice: no warnings, no error */
	lint("-", &d);
	assert_int_equal(d.count, 0);
	clout_diags_destroy(&d);
	unlink(path);
	rmdir(dir);
}

static void
unmatched(void **state)
{
	struct clout_network	a, b;
	igraph_strvector_t	only_a, only_b;

	(void)state;
	load_case(FIXTURE("roles-odd"), &a);
	load_case(FIXTURE("roles-a"), &b);
	igraph_strvector_init(&only_a, 3);
	igraph_strvector_init(&only_b, 0);
	assert_int_equal(clout_roles_unmatched(&a, &b, &only_a, &only_b), IGRAPH_SUCCESS);
	/* roles-a: defender state, aggressor state, mediator state (twice) */
	assert_int_equal(igraph_strvector_size(&only_b), 2);
	assert_string_equal(igraph_strvector_get(&only_b, 0), "aggressor state");
	assert_string_equal(igraph_strvector_get(&only_b, 1), "mediator state");
	/* roles-odd's 10 distinct roles but defender state, in byte order (upper case first) */
	assert_int_equal(igraph_strvector_size(&only_a), 9);
	assert_string_equal(igraph_strvector_get(&only_a, 0), "Mediator State");
	assert_string_equal(igraph_strvector_get(&only_a, 1), "agressor state");
	assert_string_equal(igraph_strvector_get(&only_a, 8), "territorial stauts");
	/* a case against itself: nothing unmatched */
	assert_int_equal(clout_roles_unmatched(&a, &a, &only_a, &only_b), IGRAPH_SUCCESS);
	assert_int_equal(igraph_strvector_size(&only_a), 0);
	assert_int_equal(igraph_strvector_size(&only_b), 0);
	igraph_strvector_destroy(&only_b);
	igraph_strvector_destroy(&only_a);
	clout_network_destroy(&b);
	clout_network_destroy(&a);
	VERIFY_FINALLY_STACK();
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(vocabulary),
		cmocka_unit_test(roles),
		cmocka_unit_test(formulas),
		cmocka_unit_test(cap),
		cmocka_unit_test(unmatched),
	};

	return cmocka_run_group_tests_name("lint", tests, test_setup, NULL);
}
