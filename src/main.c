/* main.c: clout's entry point: global options, the command table and dispatch. */
#define _POSIX_C_SOURCE 200809L
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"

/* Sorted; names are exact (no prefixes), so scripts stay stable. */
static const struct cmd_entry *const commands[] = {
	&cmd_blocs_entry,
	&cmd_check_entry,
	&cmd_compare_entry,
	&cmd_deps_entry,
	&cmd_import_entry,
	&cmd_mactor_entry,
	&cmd_map_entry,
	&cmd_micmac_entry,
	&cmd_rank_entry,
	&cmd_similar_entry,
	&cmd_whatif_entry,
	NULL
};

static const struct cmd_entry *
find_command(const char *name)
{
	int	i;

	for (i = 0; commands[i] != NULL; i++)
		if (strcmp(commands[i]->name, name) == 0)
			return commands[i];
	return NULL;
}

static void
usage(FILE *out)
{
	int	i;

	fputs("usage: clout [--help] [--version] COMMAND [ARGS]\n"
	    "\n"
	    "Influence analysis of expert-coded networks: actors, issues and the\n"
	    "relations between them, read from CSV files.\n"
	    "\n"
	    "Commands:\n", out);
	for (i = 0; commands[i] != NULL; i++)
		fprintf(out, "  %-10s %s\n", commands[i]->name, commands[i]->summary);
	fputs("  help       show the usage of a command\n"
	    "\n"
	    "CASE is a folder with actors.csv and relations.csv (and optionally\n"
	    "issues.csv and case.csv), or one CSV edge list with source and target\n"
	    "columns; '-' reads an edge list from standard input.\n"
	    "\n"
	    "Exit status: 0 success, 1 failure (or problems found by check), 2 usage error.\n"
	    "See 'clout help COMMAND' for one command's options.\n", out);
}

static int
version(void)
{
	const char	*igraph_string;
	int		 major, minor, sub;
	struct clout_renderer	*renderer = clout_renderer_new();

	igraph_version(&igraph_string, &major, &minor, &sub);
	printf("clout %s (igraph %s, Graphviz %s, libcsv %s)\n", CLOUT_VERSION, igraph_string,
	    renderer != NULL ? clout_renderer_version(renderer) : "unavailable",
	    clout_csv_version());
	clout_renderer_free(renderer);
	return CLOUT_EXIT_OK;
}

static void
warning_handler(const char *reason, const char *file, int line)
{
	(void)file;
	(void)line;
	fprintf(stderr, "clout: warning: %s\n", reason);
}

int
main(int argc, char **argv)
{
	static const struct option options[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	const struct cmd_entry	*entry;
	int			 ch;

	/* before any graph exists: attributes, and no abort() on errors */
	igraph_set_attribute_table(&igraph_cattribute_table);
	igraph_set_error_handler(clout_error_handler);
	igraph_set_warning_handler(warning_handler);
	igraph_rng_seed(igraph_rng_default(), 42);
	oom_init();	/* docs/OOM.md: what cannot recover ends with one message */

	opterr = 0;
	while ((ch = getopt_long(argc, argv, "+hV", options, NULL)) != -1) {
		switch (ch) {
		case 'h':
			usage(stdout);
			return CLOUT_EXIT_OK;
		case 'V':
			return version();
		default:
			fprintf(stderr, "clout: unknown option '%s' (try 'clout --help')\n",
			    argv[optind - 1]);
			return CLOUT_EXIT_USAGE;
		}
	}
	if (optind >= argc) {
		usage(stderr);
		return CLOUT_EXIT_USAGE;
	}
	if (strcmp(argv[optind], "help") == 0) {
		if (optind + 1 >= argc) {
			usage(stdout);
			return CLOUT_EXIT_OK;
		}
		if ((entry = find_command(argv[optind + 1])) == NULL) {
			fprintf(stderr, "clout: unknown command '%s' (try 'clout --help')\n",
			    argv[optind + 1]);
			return CLOUT_EXIT_USAGE;
		}
		cli_help(stdout, entry);
		return CLOUT_EXIT_OK;
	}
	if ((entry = find_command(argv[optind])) == NULL) {
		fprintf(stderr, "clout: unknown command '%s' (try 'clout --help')\n", argv[optind]);
		return CLOUT_EXIT_USAGE;
	}
	argc -= optind;
	argv += optind;
	optind = 0;	/* glibc: start afresh for the command's own options */
	return entry->exec(argc, argv);
}
