/* cmd-mactor.c: MACTOR: the actors' balance of power, their positions on the issues, alliances and conflicts. */
#define _POSIX_C_SOURCE 200809L
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"

static int	cmd_mactor_exec(int, char **);

const struct cmd_entry cmd_mactor_entry = {
	.name = "mactor",
	.usage = "mactor [-f FORMAT] [-o FILE] [--table NAME] [--order P] [--divergence] "
	    "[--min VALUE] CASE",
	.summary = "MACTOR balance of power, positions on issues, convergences and divergences",
	.help =
	    "Options:\n"
	    "  -f, --format FORMAT   table, csv, tsv, json or md (default: table); JSON\n"
	    "                        carries every table and matrix at once\n"
	    "      --table NAME      actors (default), midi, positions (2MAO), weighted\n"
	    "                        (3MAO), mobilisation, convergence or divergence\n"
	    "      --order P         order of the convergence and divergence matrices and\n"
	    "                        of the graph: 1, 2 or 3 (default: 3)\n"
	    "  -o, --output FILE     write to FILE instead of standard output; a name\n"
	    "                        ending in .svg, .png, .pdf, .dot or .json draws the\n"
	    "                        graph of convergences between actors instead\n"
	    "                        (an explicit --format writes the table)\n"
	    "      --divergence      draw the divergences instead\n"
	    "      --min VALUE       draw the ties of at least VALUE (default: the mean of\n"
	    "                        the positive values, said in the caption; 0: all)\n"
	    "  -h, --help            show this help\n"
	    "\n"
	    "Actor -> actor relations make the matrix of direct influences MID and\n"
	    "actor -> issue relations the positions 2MAO (sign x weight), both on the\n"
	    "MACTOR scale 0-4 (larger weights are clamped to 4). MIDI adds to MID\n"
	    "the indirect influence through each third actor, as strong as the weaker\n"
	    "leg. influence and dependence are the row and column sums of MIDI\n"
	    "without its diagonal; r_star is the balance-of-power coefficient (mean 1,\n"
	    "above 1: stronger than the average actor); ambivalence (order 3) is near 1\n"
	    "for actors whose allies on some issues are their adversaries on others.\n"
	    "Actors are sorted by r_star.\n",
	.exec = cmd_mactor_exec,
};

enum { OPT_TABLE = 256, OPT_ORDER, OPT_DIVERGENCE, OPT_MIN };

enum mactor_table {
	TABLE_ACTORS,
	TABLE_MIDI,
	TABLE_POSITIONS,
	TABLE_WEIGHTED,
	TABLE_MOBILISATION,
	TABLE_CONVERGENCE,
	TABLE_DIVERGENCE,
	TABLE_COUNT
};

static const char *const table_names[TABLE_COUNT] = {
	"actors", "midi", "positions", "weighted", "mobilisation", "convergence", "divergence"
};

struct mactor_opts {
	enum mactor_table	 table;
	int			 order;
	int			 divergence;
	double			 min;		/* < 0: the drawing picks it */
	enum clout_format	 format;
	int			 format_given;	/* an explicit --format writes the table, whatever -o's name */
	const char		*output;
};

static int
parse_options(struct mactor_opts *opts, int argc, char **argv)
{
	static const struct option options[] = {
		{ "table", required_argument, NULL, OPT_TABLE },
		{ "order", required_argument, NULL, OPT_ORDER },
		{ "divergence", no_argument, NULL, OPT_DIVERGENCE },
		{ "min", required_argument, NULL, OPT_MIN },
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	int	ch, t, status;

	opts->table = TABLE_ACTORS;
	opts->order = 3;
	opts->min = -1;
	opts->format = CLOUT_FORMAT_TABLE;
	opterr = 0;
	while ((ch = getopt_long(argc, argv, ":f:ho:", options, NULL)) != -1) {
		switch (ch) {
		case OPT_TABLE:
			for (t = 0; t < TABLE_COUNT && strcmp(optarg, table_names[t]) != 0; t++)
				;
			if (t == TABLE_COUNT)
				return cli_usage_error(&cmd_mactor_entry, "unknown table '%s' (actors, "
				    "midi, positions, weighted, mobilisation, convergence or "
				    "divergence)", optarg);
			opts->table = (enum mactor_table)t;
			break;
		case OPT_ORDER:
			if (strcmp(optarg, "1") != 0 && strcmp(optarg, "2") != 0 &&
			    strcmp(optarg, "3") != 0)
				return cli_usage_error(&cmd_mactor_entry,
				    "--order needs 1, 2 or 3, not '%s'", optarg);
			opts->order = optarg[0] - '0';
			break;
		case OPT_DIVERGENCE:
			opts->divergence = 1;
			break;
		case OPT_MIN:
			if (clout_parse_decimal(optarg, &opts->min) != 0 || !(opts->min >= 0))
				return cli_usage_error(&cmd_mactor_entry,
				    "--min needs a number of at least 0, not '%s'", optarg);
			break;
		case 'f':
			if ((status = cli_format_option(&cmd_mactor_entry, optarg, &opts->format)) != CLOUT_EXIT_OK)
				return status;
			opts->format_given = 1;
			break;
		case 'h':
			cli_help(stdout, &cmd_mactor_entry);
			return -1;
		case 'o':
			opts->output = optarg;
			break;
		default:
			return cli_bad_option(&cmd_mactor_entry, argv, ch);
		}
	}
	if ((status = cli_one_case(&cmd_mactor_entry, argc - optind)) != CLOUT_EXIT_OK)
		return status;
	return CLOUT_EXIT_OK;
}

/*
 * A grid of reals to print: cells[v][c] is column c of the row of vertex v
 * (NaN elsewhere), and names[c] its header. Columns view the matrix's
 * columns, which igraph stores contiguously.
 */
struct grid {
	igraph_matrix_t	 cells;
	const char	**names;
	int		 ncols;
};

static int
grid_init(struct grid *g, igraph_integer_t vcount, int ncols)
{
	g->ncols = ncols;
	g->names = calloc((size_t)ncols + 1, sizeof g->names[0]);
	if (g->names == NULL)
		return -1;
	if (igraph_matrix_init(&g->cells, vcount, ncols) != IGRAPH_SUCCESS) {
		free(g->names);
		return -1;
	}
	igraph_matrix_fill(&g->cells, NAN);
	return 0;
}

static void
grid_destroy(struct grid *g)
{
	igraph_matrix_destroy(&g->cells);
	free(g->names);
}

/* Write rows (vertices, in order) of id, label and the grid's columns. */
static int
write_grid(FILE *out, const struct clout_network *net, const igraph_vector_int_t *rows,
    const struct grid *g, enum clout_format format)
{
	struct clout_column	*columns;
	igraph_vector_t		*views;
	struct clout_table	 table;
	igraph_integer_t	 nrow = igraph_matrix_nrow(&g->cells);
	int			 c, status = CLOUT_EXIT_FAILURE;

	columns = calloc((size_t)g->ncols + 2, sizeof columns[0]);
	views = calloc((size_t)g->ncols + 1, sizeof views[0]);
	if (columns == NULL || views == NULL) {
		free(columns);
		free(views);
		return cli_error("out of memory");
	}
	columns[0] = (struct clout_column){ .name = "id", .kind = CLOUT_COLUMN_TEXT, .text = &net->id };
	columns[1] = (struct clout_column){ .name = "label", .kind = CLOUT_COLUMN_TEXT,
	    .text = &net->label };
	for (c = 0; c < g->ncols; c++) {
		igraph_vector_view(&views[c], nrow > 0 ? &MATRIX(g->cells, 0, c) : NULL, nrow);
		columns[c + 2] = (struct clout_column){ .name = g->names[c], .kind = CLOUT_COLUMN_REAL,
		    .reals = &views[c] };
	}
	table.columns = columns;
	table.ncolumns = g->ncols + 2;
	table.rows = rows;
	if (clout_table_write(out, &table, format) == IGRAPH_SUCCESS)
		status = CLOUT_EXIT_OK;
	else
		cli_error("cannot write the MACTOR table: %s", cli_reason());
	free(columns);
	free(views);
	return status;
}

/* Fill the grid with an actor x actor or actor x issue matrix, rows in file order. */
static void
fill_matrix(struct grid *g, const struct clout_network *net, const igraph_vector_int_t *row_vertex,
    const igraph_vector_int_t *col_vertex, const igraph_matrix_t *m)
{
	igraph_integer_t	i, j;

	for (j = 0; j < igraph_vector_int_size(col_vertex); j++)
		g->names[j] = igraph_strvector_get(&net->id, VECTOR(*col_vertex)[j]);
	for (i = 0; i < igraph_vector_int_size(row_vertex); i++)
		for (j = 0; j < igraph_vector_int_size(col_vertex); j++)
			MATRIX(g->cells, VECTOR(*row_vertex)[i], j) = MATRIX(*m, i, j);
}

static int
write_table(FILE *out, const struct clout_network *net, const struct clout_mactor *ma,
    const struct mactor_opts *opts)
{
	const igraph_vector_int_t *actors = &ma->actor_vertex, *issues = &ma->issue_vertex;
	igraph_integer_t	 i, n = igraph_vector_int_size(actors), q = igraph_vector_int_size(issues);
	igraph_vector_int_t	 rows;
	igraph_vector_t		 key;
	struct grid		 g;
	int			 ncols, status;
	const igraph_matrix_t	*m = NULL;

	switch (opts->table) {
	case TABLE_ACTORS:
		ncols = 4;
		break;
	case TABLE_MOBILISATION:
		ncols = 2;
		break;
	case TABLE_POSITIONS:
	case TABLE_WEIGHTED:
		ncols = (int)q;
		break;
	default:
		ncols = (int)n;
	}
	if (grid_init(&g, clout_network_vcount(net), ncols) != 0)
		return cli_error("out of memory");
	if (igraph_vector_int_init_copy(&rows, opts->table == TABLE_MOBILISATION ? issues : actors)
	    != IGRAPH_SUCCESS) {
		grid_destroy(&g);
		return cli_error("out of memory");
	}
	if (igraph_vector_init(&key, clout_network_vcount(net)) != IGRAPH_SUCCESS) {
		igraph_vector_int_destroy(&rows);
		grid_destroy(&g);
		return cli_error("out of memory");
	}
	switch (opts->table) {
	case TABLE_ACTORS:
		g.names[0] = "influence";
		g.names[1] = "dependence";
		g.names[2] = "r_star";
		g.names[3] = "ambivalence";
		for (i = 0; i < n; i++) {
			igraph_integer_t	v = VECTOR(*actors)[i];

			MATRIX(g.cells, v, 0) = VECTOR(ma->influence)[i];
			MATRIX(g.cells, v, 1) = VECTOR(ma->dependence)[i];
			MATRIX(g.cells, v, 2) = VECTOR(key)[v] = VECTOR(ma->r_star)[i];
			MATRIX(g.cells, v, 3) = VECTOR(ma->ambivalence[CLOUT_MACTOR_ORDERS - 1])[i];
		}
		clout_rank_sort(net, &key, &rows);
		break;
	case TABLE_MOBILISATION:
		g.names[0] = "for";
		g.names[1] = "against";
		for (i = 0; i < q; i++) {
			igraph_integer_t	v = VECTOR(*issues)[i];

			MATRIX(g.cells, v, 0) = VECTOR(ma->mobilisation_for)[i];
			MATRIX(g.cells, v, 1) = VECTOR(ma->mobilisation_against)[i];
			VECTOR(key)[v] = VECTOR(ma->mobilisation_for)[i] +
			    VECTOR(ma->mobilisation_against)[i];
		}
		clout_rank_sort(net, &key, &rows);	/* the most mobilising issues first */
		break;
	case TABLE_POSITIONS:
	case TABLE_WEIGHTED:
		fill_matrix(&g, net, actors, issues, opts->table == TABLE_POSITIONS ?
		    &ma->positions : &ma->weighted_positions);
		break;
	default:
		m = opts->table == TABLE_MIDI ? &ma->midi : opts->table == TABLE_CONVERGENCE ?
		    &ma->convergence[opts->order - 1] : &ma->divergence[opts->order - 1];
		fill_matrix(&g, net, actors, actors, m);
	}
	status = write_grid(out, net, &rows, &g, opts->format);
	igraph_vector_destroy(&key);
	igraph_vector_int_destroy(&rows);
	grid_destroy(&g);
	return status;
}

/* What the numbers rest on and what was left out, for standard error. */
static void
print_summary(const struct clout_network *net, const struct clout_mactor *ma)
{
	igraph_integer_t	n = igraph_vector_int_size(&ma->actor_vertex);

	igraph_integer_t	q = igraph_vector_int_size(&ma->issue_vertex);

	fprintf(stderr, "clout: mactor: %" IGRAPH_PRId " actor%s, %" IGRAPH_PRId " issue%s, %"
	    IGRAPH_PRId " position%s (actor -> issue relations)\n", n, n == 1 ? "" : "s",
	    q, q == 1 ? "" : "s", ma->position_count, ma->position_count == 1 ? "" : "s");
	if (ma->clamped > 0)
		fprintf(stderr, "clout: warning: %" IGRAPH_PRId " relation weight%s above the MACTOR "
		    "scale's 4 clamped to 4 (largest %g)\n", ma->clamped, ma->clamped > 1 ? "s" : "",
		    ma->clamped_max);
	if (ma->unused > 0)
		fprintf(stderr, "clout: mactor: %" IGRAPH_PRId " issue -> %s relation%s not used\n",
		    ma->unused, net->directed ? "actor and issue -> issue" : "issue",
		    ma->unused > 1 ? "s" : "");
	if (ma->position_count == 0)
		fprintf(stderr, "clout: warning: no actor -> issue relation: every position is 0, "
		    "so are convergences, divergences and mobilisation\n");
	if (ma->r_sum_zero && n > 0)
		fprintf(stderr, "clout: warning: no influence between actors: every r_star is 0, "
		    "and so are the weighted positions (3MAO) and mobilisation\n");
}

static int
draw_graph(const struct clout_network *net, const struct clout_mactor *ma,
    const struct mactor_opts *opts, const char *what)
{
	struct clout_drawing	drawing;
	int			status;

	clout_drawing_init(&drawing);
	if (clout_mactor_graph(net, ma, opts->order, opts->divergence, opts->min, &drawing) ==
	    IGRAPH_SUCCESS)
		status = cli_draw(&drawing, clout_image_from_path(opts->output), opts->output, what);
	else
		status = cli_error("cannot draw the graph: %s", cli_reason());
	clout_drawing_destroy(&drawing);
	return status;
}

static int
cmd_mactor_exec(int argc, char **argv)
{
	struct mactor_opts	opts;
	struct clout_network	net;
	struct clout_mactor	ma;
	struct cli_output	output;
	int			status;

	memset(&opts, 0, sizeof opts);
	if ((status = parse_options(&opts, argc, argv)) != CLOUT_EXIT_OK)
		return status < 0 ? CLOUT_EXIT_OK : status;
	if ((status = cli_open_case(argv[optind], &net)) != CLOUT_EXIT_OK)
		return status;
	status = CLOUT_EXIT_FAILURE;
	if (clout_mactor_init(&ma) != IGRAPH_SUCCESS) {
		cli_error("%s", cli_reason());
		goto out_net;
	}
	if (clout_mactor_compute(&net, &ma) != IGRAPH_SUCCESS) {
		cli_error("cannot run MACTOR on '%s': %s", argv[optind], cli_reason());
		goto out_ma;
	}
	print_summary(&net, &ma);
	if (cli_wants_picture(opts.output, opts.format_given)) {
		status = draw_graph(&net, &ma, &opts, argv[optind]);
		goto out_ma;
	}
	if (cli_output_open(&output, opts.output) != CLOUT_EXIT_OK)
		goto out_ma;
	if (opts.format == CLOUT_FORMAT_JSON) {
		status = clout_mactor_write_json(output.fp, &net, &ma) == IGRAPH_SUCCESS ?
		    CLOUT_EXIT_OK : cli_error("cannot write the MACTOR results: %s", cli_reason());
	} else
		status = write_table(output.fp, &net, &ma, &opts);
	status = cli_output_finish(&output, status);
out_ma:
	clout_mactor_destroy(&ma);
out_net:
	clout_network_destroy(&net);
	return status;
}
