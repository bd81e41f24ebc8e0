/* cmd-check.c: validate a case and report every problem, each with file, line and column. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cmd.h"

static int	cmd_check_exec(int, char **);

const struct cmd_entry cmd_check_entry = {
	.name = "check",
	.usage = "check [-q] CASE",
	.summary = "validate a case and report every problem in its files",
	.help =
	    "Prints each problem as FILE:LINE:COLUMN: error|warning: message, then a\n"
	    "summary line. Exit status 0 when there is no error, 1 when there are\n"
	    "errors, 2 for a usage error.\n"
	    "\n"
	    "Beyond what every command checks, it warns about roles outside the\n"
	    "vocabulary of docs/ROLES.md (and the case's own, from case.csv's roles)\n"
	    "and about text cells a spreadsheet would run as formulas (= + - @).\n"
	    "\n"
	    "Options:\n"
	    "  -q, --quiet    print errors only (no warnings)\n"
	    "  -h, --help     show this help\n",
	.exec = cmd_check_exec,
};

enum { OPT_LIST_ROLES = 256 };

/* The embedded role vocabulary, "actor<TAB>role" a line: what tests compare with docs/ROLES.md. */
static void
list_roles(void)
{
	enum clout_vertex_type	type;
	igraph_integer_t	i;
	const char		*role;

	for (i = 0; (role = clout_role_get(i, &type)) != NULL; i++)
		printf("%s\t%s\n", clout_vertex_type_name(type), role);
}

static void
print_count(const char *noun, igraph_integer_t n, const char *after)
{
	printf("%" IGRAPH_PRId " %s%s%s", n, noun, n == 1 ? "" : "s", after);
}

static int
cmd_check_exec(int argc, char **argv)
{
	static const struct option options[] = {
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ "list-roles", no_argument, NULL, OPT_LIST_ROLES },	/* hidden: for tests */
		{ NULL, 0, NULL, 0 }
	};
	struct clout_network	net;
	struct clout_diags	diags;
	igraph_integer_t	i;
	int			ch, quiet = 0, status, colour = cli_colour();
	igraph_error_t		ret;

	opterr = 0;
	while ((ch = getopt_long(argc, argv, ":qh", options, NULL)) != -1) {
		switch (ch) {
		case 'q':
			quiet = 1;
			break;
		case 'h':
			cli_help(stdout, &cmd_check_entry);
			return CLOUT_EXIT_OK;
		case OPT_LIST_ROLES:
			list_roles();
			return CLOUT_EXIT_OK;
		default:
			return cli_bad_option(&cmd_check_entry, argv, ch);
		}
	}
	if ((status = cli_one_case(&cmd_check_entry, argc - optind)) != CLOUT_EXIT_OK)
		return status;
	if (clout_network_init(&net) != IGRAPH_SUCCESS)
		return cli_error("%s", cli_reason());
	clout_diags_init(&diags);
	ret = clout_load_case(&net, &diags, argv[optind]);
	if (ret != IGRAPH_SUCCESS && ret != IGRAPH_PARSEERROR) {
		status = cli_error("cannot check '%s': %s", argv[optind], cli_reason());
		goto out;
	}
	if (clout_lint_case(&diags, argv[optind]) != IGRAPH_SUCCESS) {
		status = cli_error("cannot check '%s': %s", argv[optind], cli_reason());
		goto out;
	}
	for (i = 0; i < diags.count; i++)
		if (!quiet || diags.items[i].severity == CLOUT_ERROR)
			clout_diag_print(stderr, &diags.items[i], colour);
	printf("%s: ", argv[optind]);
	print_count("actor", clout_network_count_type(&net, CLOUT_VERTEX_ACTOR), ", ");
	print_count("issue", clout_network_count_type(&net, CLOUT_VERTEX_ISSUE), ", ");
	print_count("relation", clout_network_ecount(&net), ", ");
	print_count("error", diags.errors, ", ");
	print_count("warning", diags.warnings, "\n");
	status = diags.errors > 0 ? CLOUT_EXIT_FAILURE : CLOUT_EXIT_OK;
	if (fflush(stdout) != 0 || ferror(stdout))
		status = cli_error("cannot write to standard output: %s", strerror(errno));
out:
	clout_diags_destroy(&diags);
	clout_network_destroy(&net);
	return status;
}
