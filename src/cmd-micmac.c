/* cmd-micmac.c: MICMAC influence and dependence of every actor and issue, direct and indirect. */
#define _POSIX_C_SOURCE 200809L
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"

static int	cmd_micmac_exec(int, char **);

const struct cmd_entry cmd_micmac_entry = {
	.name = "micmac",
	.usage = "micmac [-a] [--alpha A] [--direct] [--max-matrix N] [-f FORMAT] [-o FILE] CASE",
	.summary = "MICMAC influence and dependence, direct and indirect, with sectors",
	.help =
	    "Options:\n"
	    "      --alpha A         attenuation of the indirect sum (default: 0.5/rho(M));\n"
	    "                        must stay below 1/rho(M)\n"
	    "  -a, --actors-only     hide issue rows (computed on the whole network)\n"
	    "  -f, --format FORMAT   table, csv, tsv, json or md (default: table)\n"
	    "  -o, --output FILE     write to FILE instead of standard output; a name\n"
	    "                        ending in .svg, .png, .pdf, .dot or .json draws the\n"
	    "                        influence-dependence plane instead of the table\n"
	    "                        (an explicit --format writes the table)\n"
	    "      --direct          draw the plane of the direct sums (default: indirect)\n"
	    "      --max-matrix N    refuse a case of more than N vertices (default: 5000;\n"
	    "                        the matrices take 8 N^2 bytes each)\n"
	    "  -h, --help            show this help\n"
	    "\n"
	    "M holds the weight magnitudes (signs ignored). Direct influence and\n"
	    "dependence are its row and column sums; indirect ones those of\n"
	    "M (I - alpha M)^-1, the sum of alpha^(k-1) M^k over every k. Sectors use\n"
	    "axes through the means: driver (high influence, low dependence), relay\n"
	    "(both high), dependent, autonomous. Rows are sorted by indirect\n"
	    "influence. Standard error says rho(M), alpha and the k from which the\n"
	    "rankings by powers of M stop changing, if they do.\n",
	.exec = cmd_micmac_exec,
};

enum { OPT_ALPHA = 256, OPT_DIRECT, OPT_MAX_MATRIX };

struct micmac_opts {
	double			 alpha;
	int			 direct;
	int			 actors_only;
	enum clout_format	 format;
	int			 format_given;	/* an explicit --format writes the table, whatever -o's name */
	const char		*output;
	long			 max_matrix;	/* --max-matrix, 0: the default */
};

static int
parse_options(struct micmac_opts *opts, int argc, char **argv)
{
	static const struct option options[] = {
		{ "alpha", required_argument, NULL, OPT_ALPHA },
		{ "direct", no_argument, NULL, OPT_DIRECT },
		{ "max-matrix", required_argument, NULL, OPT_MAX_MATRIX },
		{ "actors-only", no_argument, NULL, 'a' },
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	int	ch, status;

	opts->alpha = NAN;
	opts->format = CLOUT_FORMAT_TABLE;
	opterr = 0;
	while ((ch = getopt_long(argc, argv, ":af:ho:", options, NULL)) != -1) {
		switch (ch) {
		case OPT_ALPHA:
			if (clout_parse_decimal(optarg, &opts->alpha) != 0 || !(opts->alpha > 0))
				return cli_usage_error(&cmd_micmac_entry,
				    "--alpha needs a number above 0, not '%s'", optarg);
			break;
		case OPT_MAX_MATRIX:
			if ((opts->max_matrix = cli_limit_option(&cmd_micmac_entry, "--max-matrix",
			    optarg)) < 0)
				return CLOUT_EXIT_USAGE;
			break;
		case OPT_DIRECT:
			opts->direct = 1;
			break;
		case 'a':
			opts->actors_only = 1;
			break;
		case 'f':
			if ((status = cli_format_option(&cmd_micmac_entry, optarg, &opts->format)) != CLOUT_EXIT_OK)
				return status;
			opts->format_given = 1;
			break;
		case 'h':
			cli_help(stdout, &cmd_micmac_entry);
			return -1;
		case 'o':
			opts->output = optarg;
			break;
		default:
			return cli_bad_option(&cmd_micmac_entry, argv, ch);
		}
	}
	if ((status = cli_one_case(&cmd_micmac_entry, argc - optind)) != CLOUT_EXIT_OK)
		return status;
	return CLOUT_EXIT_OK;
}

static int
write_micmac(FILE *out, const struct clout_network *net, const struct clout_micmac *mm,
    const struct micmac_opts *opts)
{
	struct clout_column	 columns[12];
	struct clout_table	 table;
	igraph_vector_int_t	 rows;
	igraph_strvector_t	 type, sector, indirect_sector;
	igraph_integer_t	 v, n = clout_network_vcount(net);
	int			 ncol = 0, status = CLOUT_EXIT_FAILURE, machine;

	machine = opts->format == CLOUT_FORMAT_CSV || opts->format == CLOUT_FORMAT_TSV;
	if (igraph_vector_int_init(&rows, 0) != IGRAPH_SUCCESS)
		return cli_error("out of memory");
	if (igraph_strvector_init(&type, 0) != IGRAPH_SUCCESS)
		goto out_rows;
	if (igraph_strvector_init(&sector, 0) != IGRAPH_SUCCESS)
		goto out_type;
	if (igraph_strvector_init(&indirect_sector, 0) != IGRAPH_SUCCESS)
		goto out_sector;
	for (v = 0; v < n; v++) {
		if (igraph_strvector_push_back(&type, clout_vertex_type_name(
		    (enum clout_vertex_type)VECTOR(net->type)[v])) != IGRAPH_SUCCESS ||
		    igraph_strvector_push_back(&sector,
		    clout_sector_name((enum clout_sector)VECTOR(mm->sector)[v])) != IGRAPH_SUCCESS ||
		    igraph_strvector_push_back(&indirect_sector, clout_sector_name(
		    (enum clout_sector)VECTOR(mm->indirect_sector)[v])) != IGRAPH_SUCCESS)
			goto out_indirect;
		if ((!opts->actors_only || VECTOR(net->type)[v] == CLOUT_VERTEX_ACTOR) &&
		    igraph_vector_int_push_back(&rows, v) != IGRAPH_SUCCESS)
			goto out_indirect;
	}
	clout_rank_sort(net, &mm->indirect_influence, &rows);

	/* the stable CSV header: scripts rely on these names, in this order */
	columns[ncol++] = (struct clout_column){ .name = "id", .kind = CLOUT_COLUMN_TEXT, .text = &net->id };
	columns[ncol++] = (struct clout_column){ .name = "label", .kind = CLOUT_COLUMN_TEXT, .text = &net->label };
	columns[ncol++] = (struct clout_column){ .name = "type", .kind = CLOUT_COLUMN_TEXT, .code = 1, .text = &type };
	columns[ncol++] = (struct clout_column){ .name = "direct_influence", .kind = CLOUT_COLUMN_REAL,
	    .reals = &mm->direct_influence };
	columns[ncol++] = (struct clout_column){ .name = "direct_dependence", .kind = CLOUT_COLUMN_REAL,
	    .reals = &mm->direct_dependence };
	columns[ncol++] = (struct clout_column){ .name = "indirect_influence", .kind = CLOUT_COLUMN_REAL,
	    .reals = &mm->indirect_influence };
	columns[ncol++] = (struct clout_column){ .name = "indirect_dependence", .kind = CLOUT_COLUMN_REAL,
	    .reals = &mm->indirect_dependence };
	columns[ncol++] = (struct clout_column){ .name = "sector", .kind = CLOUT_COLUMN_TEXT, .code = 1, .text = &sector };
	columns[ncol++] = (struct clout_column){ .name = "indirect_sector", .kind = CLOUT_COLUMN_TEXT, .code = 1,
	    .text = &indirect_sector };
	if (!machine)
		columns[ncol++] = (struct clout_column){ .name = "power_rank", .kind = CLOUT_COLUMN_INT,
		    .integers = &mm->power_influence_rank };
	table.columns = columns;
	table.ncolumns = ncol;
	table.rows = &rows;
	if (clout_table_write(out, &table, opts->format) == IGRAPH_SUCCESS)
		status = CLOUT_EXIT_OK;
out_indirect:
	igraph_strvector_destroy(&indirect_sector);
out_sector:
	igraph_strvector_destroy(&sector);
out_type:
	igraph_strvector_destroy(&type);
out_rows:
	igraph_vector_int_destroy(&rows);
	/* every failure above comes here unreported, with igraph's reason kept */
	if (status != CLOUT_EXIT_OK)
		cli_error("cannot write the MICMAC table: %s", cli_reason());
	return status;
}

/* What the numbers rest on, for standard error. */
static void
print_summary(const struct clout_micmac *mm)
{
	fprintf(stderr, "clout: micmac: rho(M) = %.6g, alpha = %.6g", mm->rho, mm->alpha);
	if (mm->stable_k > 0)
		fprintf(stderr, "; the rankings by powers of M settle at k = %" IGRAPH_PRId "\n",
		    mm->stable_k);
	else if (mm->vanish_k > 0)
		fprintf(stderr, "\nclout: warning: M^%" IGRAPH_PRId " = 0 (no cycle of influence): "
		    "the rankings by powers of M vanish; read the attenuated sum\n", mm->vanish_k);
	else
		fprintf(stderr, "\nclout: warning: the rankings by powers of M did not settle by "
		    "k = %d (M is not primitive: not strongly connected, or periodic); read the "
		    "attenuated sum\n", CLOUT_MICMAC_MAX_POWER);
}

/* The influence-dependence plane, drawn by Graphviz with pinned positions. */
static int
draw_plane(const struct clout_network *net, const struct clout_micmac *mm,
    const struct micmac_opts *opts, const char *what)
{
	struct clout_drawing	drawing;
	int			status;

	clout_drawing_init(&drawing);
	if (clout_micmac_plane(net, mm, opts->direct, &drawing) == IGRAPH_SUCCESS)
		status = cli_draw(&drawing, clout_image_from_path(opts->output), opts->output, what);
	else
		status = cli_error("cannot draw the plane: %s", cli_reason());
	clout_drawing_destroy(&drawing);
	return status;
}

static int
cmd_micmac_exec(int argc, char **argv)
{
	struct micmac_opts	opts;
	struct clout_network	net;
	struct clout_micmac	mm;
	struct cli_output	output;
	int			status;

	memset(&opts, 0, sizeof opts);
	if ((status = parse_options(&opts, argc, argv)) != CLOUT_EXIT_OK)
		return status < 0 ? CLOUT_EXIT_OK : status;
	if ((status = cli_open_case(argv[optind], &net)) != CLOUT_EXIT_OK)
		return status;
	status = CLOUT_EXIT_FAILURE;
	if (clout_micmac_init(&mm) != IGRAPH_SUCCESS) {
		cli_error("%s", cli_reason());
		goto out_net;
	}
	if (cli_matrix_fits("MICMAC", clout_network_vcount(&net), opts.max_matrix) != CLOUT_EXIT_OK)
		goto out_mm;
	if (clout_micmac_compute(&net, opts.alpha, &mm) != IGRAPH_SUCCESS) {
		cli_error("cannot run MICMAC on '%s': %s", argv[optind], cli_reason());
		goto out_mm;
	}
	print_summary(&mm);
	if (cli_wants_picture(opts.output, opts.format_given)) {
		status = draw_plane(&net, &mm, &opts, argv[optind]);
		goto out_mm;
	}
	if (cli_output_open(&output, opts.output) != CLOUT_EXIT_OK)
		goto out_mm;
	status = write_micmac(output.fp, &net, &mm, &opts);
	status = cli_output_finish(&output, status);
out_mm:
	clout_micmac_destroy(&mm);
out_net:
	clout_network_destroy(&net);
	return status;
}
