/* test.h: cmocka with igraph set up as the CLI sets it up, and helpers for loading fixtures. */
#ifndef CLOUT_TEST_H
#define CLOUT_TEST_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>

#include <clout/clout.h>

/* Fixtures live in tests/fixtures; tests run from the top of the tree. */
#define FIXTURE(name) "tests/fixtures/" name

static int
test_setup(void **state)
{
	(void)state;
	igraph_set_attribute_table(&igraph_cattribute_table);
	igraph_set_error_handler(clout_error_handler);
	igraph_rng_seed(igraph_rng_default(), 42);
	return 0;
}

/* Load a case that must load without error into net (initialised here). */
static inline void
load_case(const char *path, struct clout_network *net)
{
	struct clout_diags	diags;

	assert_int_equal(clout_network_init(net), IGRAPH_SUCCESS);
	clout_diags_init(&diags);
	assert_int_equal(clout_load_case(net, &diags, path), IGRAPH_SUCCESS);
	clout_diags_destroy(&diags);
}

/*
 * How many of n random trials to run: all, or a tenth when CLOUT_TEST_QUICK=1
 * (make check runs the unit tests under valgrind so; ASan runs them all).
 */
static inline int
test_trials(int n)
{
	const char	*quick = getenv("CLOUT_TEST_QUICK");

	return quick != NULL && quick[0] == '1' ? (n + 9) / 10 : n;
}

/* Every test leaves igraph's FINALLY stack empty. */
#define VERIFY_FINALLY_STACK() assert_int_equal(IGRAPH_FINALLY_STACK_SIZE(), 0)

#endif
