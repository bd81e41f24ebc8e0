/* cmd-deps.c: who holds the network together: cut vertices, bridges, reach, dominators. */
#define _POSIX_C_SOURCE 200809L
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"

static int	cmd_deps_exec(int, char **);

const struct cmd_entry cmd_deps_entry = {
	.name = "deps",
	.usage = "deps [-a] [-r ID] [-f FORMAT] [-o FILE] CASE",
	.summary = "single points of failure: cut vertices, bridges, reach, dominators",
	.help =
	    "Options:\n"
	    "  -r, --root ID         also the dominator tree from ID: who controls every\n"
	    "                        influence path from ID to each other vertex\n"
	    "  -a, --actors-only     hide issue rows (computed on the whole network)\n"
	    "  -f, --format FORMAT   table, csv, tsv, json or md (default: table)\n"
	    "  -o, --output FILE     write to FILE instead of standard output; with --root,\n"
	    "                        a name ending in .svg, .png, .pdf, .dot or .json draws\n"
	    "                        the dominator tree instead of the table\n"
	    "                        (an explicit --format writes the table)\n"
	    "  -h, --help            show this help\n"
	    "\n"
	    "Columns: articulation (1 when removing it splits the network, relations\n"
	    "taken without direction), bridges (ties touching it whose removal splits\n"
	    "the network), reaches and reached_by (how many it can influence, and be\n"
	    "influenced by, directly or not); with --root, dominator (its immediate\n"
	    "dominator) and dominates (how many vertices it dominates). Rows are sorted\n"
	    "by dominates with --root, else by reaches. Standard error lists the bridges.\n",
	.exec = cmd_deps_exec,
};

struct deps_opts {
	const char		*root;
	int			 actors_only;
	enum clout_format	 format;
	int			 format_given;	/* an explicit --format writes the table, whatever -o's name */
	const char		*output;
};

static int
parse_options(struct deps_opts *opts, int argc, char **argv)
{
	static const struct option options[] = {
		{ "root", required_argument, NULL, 'r' },
		{ "actors-only", no_argument, NULL, 'a' },
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	int	ch, status;

	opts->format = CLOUT_FORMAT_TABLE;
	opterr = 0;
	while ((ch = getopt_long(argc, argv, ":af:ho:r:", options, NULL)) != -1) {
		switch (ch) {
		case 'a':
			opts->actors_only = 1;
			break;
		case 'f':
			if ((status = cli_format_option(&cmd_deps_entry, optarg, &opts->format)) != CLOUT_EXIT_OK)
				return status;
			opts->format_given = 1;
			break;
		case 'h':
			cli_help(stdout, &cmd_deps_entry);
			return -1;
		case 'o':
			opts->output = optarg;
			break;
		case 'r':
			opts->root = optarg;
			break;
		default:
			return cli_bad_option(&cmd_deps_entry, argv, ch);
		}
	}
	if ((status = cli_one_case(&cmd_deps_entry, argc - optind)) != CLOUT_EXIT_OK)
		return status;
	return CLOUT_EXIT_OK;
}

static int
write_deps(FILE *out, const struct clout_network *net, const struct clout_deps *deps,
    const struct deps_opts *opts)
{
	struct clout_column	 columns[10];
	struct clout_table	 table;
	igraph_vector_int_t	 rows;
	igraph_vector_t		 key;
	igraph_strvector_t	 type, dominator;
	igraph_integer_t	 v, n = clout_network_vcount(net);
	int			 ncol = 0, status = CLOUT_EXIT_FAILURE;

	if (igraph_vector_int_init(&rows, 0) != IGRAPH_SUCCESS)
		return cli_error("out of memory");
	if (igraph_vector_init(&key, n) != IGRAPH_SUCCESS)
		goto out_rows;
	if (igraph_strvector_init(&type, 0) != IGRAPH_SUCCESS)
		goto out_key;
	if (igraph_strvector_init(&dominator, 0) != IGRAPH_SUCCESS)
		goto out_type;
	for (v = 0; v < n; v++) {
		igraph_integer_t	d = deps->root >= 0 ? VECTOR(deps->dominator)[v] : -1;

		if (igraph_strvector_push_back(&type, clout_vertex_type_name(
		    (enum clout_vertex_type)VECTOR(net->type)[v])) != IGRAPH_SUCCESS ||
		    igraph_strvector_push_back(&dominator,
		    d >= 0 ? igraph_strvector_get(&net->id, d) : "") != IGRAPH_SUCCESS)
			goto out_dominator;
		VECTOR(key)[v] = (double)(deps->root >= 0 ? VECTOR(deps->dominated)[v] :
		    VECTOR(deps->reaches)[v]);
		if ((!opts->actors_only || VECTOR(net->type)[v] == CLOUT_VERTEX_ACTOR) &&
		    igraph_vector_int_push_back(&rows, v) != IGRAPH_SUCCESS)
			goto out_dominator;
	}
	clout_rank_sort(net, &key, &rows);
	columns[ncol++] = (struct clout_column){ .name = "id", .kind = CLOUT_COLUMN_TEXT, .text = &net->id };
	columns[ncol++] = (struct clout_column){ .name = "label", .kind = CLOUT_COLUMN_TEXT, .text = &net->label };
	columns[ncol++] = (struct clout_column){ .name = "type", .kind = CLOUT_COLUMN_TEXT, .code = 1, .text = &type };
	columns[ncol++] = (struct clout_column){ .name = "articulation", .kind = CLOUT_COLUMN_INT,
	    .integers = &deps->articulation };
	columns[ncol++] = (struct clout_column){ .name = "bridges", .kind = CLOUT_COLUMN_INT,
	    .integers = &deps->bridge_count };
	columns[ncol++] = (struct clout_column){ .name = "reaches", .kind = CLOUT_COLUMN_INT,
	    .integers = &deps->reaches };
	columns[ncol++] = (struct clout_column){ .name = "reached_by", .kind = CLOUT_COLUMN_INT,
	    .integers = &deps->reached_by };
	if (deps->root >= 0) {
		columns[ncol++] = (struct clout_column){ .name = "dominator", .kind = CLOUT_COLUMN_TEXT,
		    .text = &dominator };
		columns[ncol++] = (struct clout_column){ .name = "dominates", .kind = CLOUT_COLUMN_INT,
		    .integers = &deps->dominated };
	}
	table.columns = columns;
	table.ncolumns = ncol;
	table.rows = &rows;
	if (clout_table_write(out, &table, opts->format) == IGRAPH_SUCCESS)
		status = CLOUT_EXIT_OK;
out_dominator:
	igraph_strvector_destroy(&dominator);
out_type:
	igraph_strvector_destroy(&type);
out_key:
	igraph_vector_destroy(&key);
out_rows:
	igraph_vector_int_destroy(&rows);
	/* every failure above comes here unreported, with igraph's reason kept */
	if (status != CLOUT_EXIT_OK)
		cli_error("cannot write the table: %s", cli_reason());
	return status;
}

static void
print_summary(const struct clout_network *net, const struct clout_deps *deps)
{
	igraph_integer_t	i, cut = 0, nb = igraph_vector_int_size(&deps->bridges) / 2;

	for (i = 0; i < igraph_vector_int_size(&deps->articulation); i++)
		cut += VECTOR(deps->articulation)[i];
	fprintf(stderr, "clout: deps: %" IGRAPH_PRId " articulation point%s, %" IGRAPH_PRId
	    " bridge%s%s", cut, cut == 1 ? "" : "s", nb, nb == 1 ? "" : "s", nb > 0 ? ":" : "");
	for (i = 0; i < nb; i++)
		fprintf(stderr, "%s %s -- %s", i > 0 ? "," : "",
		    igraph_strvector_get(&net->id, VECTOR(deps->bridges)[2 * i]),
		    igraph_strvector_get(&net->id, VECTOR(deps->bridges)[2 * i + 1]));
	fputc('\n', stderr);
}

/* The dominator tree, laid out by dot. */
static int
draw_tree(const struct clout_network *net, const struct clout_deps *deps, const char *path,
    const char *what)
{
	struct clout_drawing	drawing;
	int			status;

	clout_drawing_init(&drawing);
	if (clout_deps_tree(net, deps, &drawing) == IGRAPH_SUCCESS)
		status = cli_draw(&drawing, clout_image_from_path(path), path, what);
	else
		status = cli_error("cannot draw the dominator tree: %s", cli_reason());
	clout_drawing_destroy(&drawing);
	return status;
}

static int
cmd_deps_exec(int argc, char **argv)
{
	struct deps_opts	opts;
	struct clout_network	net;
	struct clout_deps	deps;
	struct cli_output	output;
	igraph_integer_t	root = -1;
	int			status;

	memset(&opts, 0, sizeof opts);
	if ((status = parse_options(&opts, argc, argv)) != CLOUT_EXIT_OK)
		return status < 0 ? CLOUT_EXIT_OK : status;
	if ((status = cli_open_case(argv[optind], &net)) != CLOUT_EXIT_OK)
		return status;
	status = CLOUT_EXIT_FAILURE;
	if (opts.root != NULL && (root = clout_network_find(&net, opts.root)) < 0) {
		cli_error("no actor or issue has the id '%s'", opts.root);
		goto out_net;
	}
	if (clout_deps_init(&deps) != IGRAPH_SUCCESS) {
		cli_error("%s", cli_reason());
		goto out_net;
	}
	if (clout_deps_compute(&net, root, &deps) != IGRAPH_SUCCESS) {
		cli_error("cannot analyse '%s': %s", argv[optind], cli_reason());
		goto out_deps;
	}
	print_summary(&net, &deps);
	if (cli_wants_picture(opts.output, opts.format_given)) {
		if (root < 0)
			status = cli_usage_error(&cmd_deps_entry, "a drawing of the dominator tree "
			    "needs --root");
		else
			status = draw_tree(&net, &deps, opts.output, argv[optind]);
		goto out_deps;
	}
	if (cli_output_open(&output, opts.output) != CLOUT_EXIT_OK)
		goto out_deps;
	status = write_deps(output.fp, &net, &deps, &opts);
	status = cli_output_finish(&output, status);
out_deps:
	clout_deps_destroy(&deps);
out_net:
	clout_network_destroy(&net);
	return status;
}
