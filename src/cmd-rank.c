/* cmd-rank.c: rank the key actors of a case by igraph's centrality metrics. */
#define _POSIX_C_SOURCE 200809L
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"

static int	cmd_rank_exec(int, char **);

const struct cmd_entry cmd_rank_entry = {
	.name = "rank",
	.usage = "rank [-a] [-b METRIC] [-m LIST] [-n N] [-f FORMAT] [-o FILE] CASE",
	.summary = "rank actors and issues by centrality metrics",
	.help =
	    "Options:\n"
	    "  -b, --by METRIC       sort by this metric, highest first (default: power)\n"
	    "  -n, --top N           show the first N rows only (default: all)\n"
	    "  -a, --actors-only     hide issue rows (metrics still use the whole network)\n"
	    "  -m, --metrics LIST    compute only these metrics, comma-separated\n"
	    "  -f, --format FORMAT   table, csv, tsv, json or md (default: table)\n"
	    "  -o, --output FILE     write to FILE instead of standard output\n"
	    "  -h, --help            show this help\n"
	    "\n"
	    "Metrics (edge u -> v means u influences v):\n"
	    "  out_strength, in_strength, power, exposure, betweenness,\n"
	    "  harmonic_out, harmonic_in, hub, authority, reach\n"
	    "Ties (equal to 12 digits) are broken by id. Weights are strengths;\n"
	    "path-based metrics use the cost 1/weight; signs and confidence do not\n"
	    "change a ranking.\n",
	.exec = cmd_rank_exec,
};

struct rank_opts {
	int		 by;
	long		 top;
	int		 actors_only;
	int		 order[CLOUT_METRIC_COUNT];	/* metrics to show, in order */
	int		 norder;
	enum clout_format format;
	const char	*output;
};

static int
parse_metrics(struct rank_opts *opts, const char *list)
{
	char	*copy = strdup(list), *name, *save = NULL;
	int	 m, i;

	if (copy == NULL)
		return cli_error("out of memory");
	opts->norder = 0;
	for (name = strtok_r(copy, ",", &save); name != NULL; name = strtok_r(NULL, ",", &save)) {
		if ((m = clout_metric_find(name)) < 0) {
			cli_usage_error(&cmd_rank_entry, "unknown metric '%s'", name);
			free(copy);
			return CLOUT_EXIT_USAGE;
		}
		for (i = 0; i < opts->norder && opts->order[i] != m; i++)
			;
		if (i == opts->norder)
			opts->order[opts->norder++] = m;
	}
	free(copy);
	if (opts->norder == 0)
		return cli_usage_error(&cmd_rank_entry, "--metrics needs at least one metric");
	return CLOUT_EXIT_OK;
}

static int
parse_options(struct rank_opts *opts, int argc, char **argv)
{
	static const struct option options[] = {
		{ "by", required_argument, NULL, 'b' },
		{ "top", required_argument, NULL, 'n' },
		{ "actors-only", no_argument, NULL, 'a' },
		{ "metrics", required_argument, NULL, 'm' },
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	int	ch, m, status, i;

	opts->by = -1;
	opts->top = -1;
	opts->format = CLOUT_FORMAT_TABLE;
	for (m = 0; m < CLOUT_METRIC_COUNT; m++)
		opts->order[m] = m;
	opts->norder = CLOUT_METRIC_COUNT;
	opterr = 0;
	while ((ch = getopt_long(argc, argv, ":ab:f:hm:n:o:", options, NULL)) != -1) {
		switch (ch) {
		case 'a':
			opts->actors_only = 1;
			break;
		case 'b':
			if ((opts->by = clout_metric_find(optarg)) < 0)
				return cli_usage_error(&cmd_rank_entry, "unknown metric '%s'", optarg);
			break;
		case 'f':
			if ((status = cli_format_option(&cmd_rank_entry, optarg, &opts->format)) != CLOUT_EXIT_OK)
				return status;
			break;
		case 'h':
			cli_help(stdout, &cmd_rank_entry);
			return -1;
		case 'm':
			if ((status = parse_metrics(opts, optarg)) != CLOUT_EXIT_OK)
				return status;
			break;
		case 'n':
			if ((opts->top = cli_count(optarg)) < 0)
				return cli_usage_error(&cmd_rank_entry,
				    "--top needs a whole number, not '%s'", optarg);
			break;
		case 'o':
			opts->output = optarg;
			break;
		default:
			return cli_bad_option(&cmd_rank_entry, argv, ch);
		}
	}
	if ((status = cli_one_case(&cmd_rank_entry, argc - optind)) != CLOUT_EXIT_OK)
		return status;
	/* the sort key: power unless asked; computed and shown even when not listed */
	if (opts->by < 0)
		opts->by = CLOUT_METRIC_POWER;
	for (i = 0; i < opts->norder && opts->order[i] != opts->by; i++)
		;
	if (i == opts->norder)
		opts->order[opts->norder++] = opts->by;
	return CLOUT_EXIT_OK;
}

/* Rows to show, sorted, and their rank numbers. */
static igraph_error_t
sorted_rows(const struct clout_network *net, const struct clout_scores *scores,
    const struct rank_opts *opts, igraph_vector_int_t *rows, igraph_vector_int_t *rank)
{
	igraph_integer_t	v, n = clout_network_vcount(net), shown;

	IGRAPH_CHECK(igraph_vector_int_resize(rows, 0));
	for (v = 0; v < n; v++)
		if (!opts->actors_only || VECTOR(net->type)[v] == CLOUT_VERTEX_ACTOR)
			IGRAPH_CHECK(igraph_vector_int_push_back(rows, v));
	clout_rank_sort(net, &scores->values[opts->by], rows);
	shown = igraph_vector_int_size(rows);
	if (opts->top >= 0 && opts->top < shown)
		IGRAPH_CHECK(igraph_vector_int_resize(rows, opts->top));
	/* rank is indexed by vertex, like every other column */
	IGRAPH_CHECK(igraph_vector_int_resize(rank, n));
	for (v = 0; v < igraph_vector_int_size(rows); v++)
		VECTOR(*rank)[VECTOR(*rows)[v]] = v + 1;
	return IGRAPH_SUCCESS;
}

static int
write_ranking(FILE *out, const struct clout_network *net, const struct clout_scores *scores,
    const struct rank_opts *opts)
{
	struct clout_column	 columns[6 + CLOUT_METRIC_COUNT];
	struct clout_table	 table;
	igraph_vector_int_t	 rows, rank, reach;
	igraph_strvector_t	 type;
	igraph_integer_t	 v, n = clout_network_vcount(net);
	int			 i, ncol = 0, status = CLOUT_EXIT_FAILURE;

	if (igraph_vector_int_init(&rows, 0) != IGRAPH_SUCCESS)
		return cli_error("out of memory");
	if (igraph_vector_int_init(&rank, 0) != IGRAPH_SUCCESS)
		goto out_rows;
	if (igraph_vector_int_init(&reach, n) != IGRAPH_SUCCESS)
		goto out_rank;
	if (igraph_strvector_init(&type, 0) != IGRAPH_SUCCESS)
		goto out_reach;
	for (v = 0; v < n; v++)
		if (igraph_strvector_push_back(&type,
		    clout_vertex_type_name((enum clout_vertex_type)VECTOR(net->type)[v])) != IGRAPH_SUCCESS)
			goto out_type;
	if (sorted_rows(net, scores, opts, &rows, &rank) != IGRAPH_SUCCESS)
		goto out_type;

	columns[ncol++] = (struct clout_column){ .name = "rank", .kind = CLOUT_COLUMN_INT, .integers = &rank };
	columns[ncol++] = (struct clout_column){ .name = "id", .kind = CLOUT_COLUMN_TEXT, .text = &net->id };
	columns[ncol++] = (struct clout_column){ .name = "label", .kind = CLOUT_COLUMN_TEXT, .text = &net->label };
	columns[ncol++] = (struct clout_column){ .name = "type", .kind = CLOUT_COLUMN_TEXT, .code = 1, .text = &type };
	columns[ncol++] = (struct clout_column){ .name = "kind", .kind = CLOUT_COLUMN_TEXT, .text = &net->kind };
	columns[ncol++] = (struct clout_column){ .name = "bloc", .kind = CLOUT_COLUMN_TEXT, .text = &net->bloc };
	for (i = 0; i < opts->norder; i++) {
		int	m = opts->order[i];

		columns[ncol].name = clout_metric_info(m)->name;
		if (m == CLOUT_METRIC_REACH) {	/* a count: print it as one */
			for (v = 0; v < n; v++)
				VECTOR(reach)[v] = (igraph_integer_t)VECTOR(scores->values[m])[v];
			columns[ncol].kind = CLOUT_COLUMN_INT;
			columns[ncol].integers = &reach;
		} else {
			columns[ncol].kind = CLOUT_COLUMN_REAL;
			columns[ncol].reals = &scores->values[m];
		}
		ncol++;
	}
	table.columns = columns;
	table.ncolumns = ncol;
	table.rows = &rows;
	if (clout_table_write(out, &table, opts->format) == IGRAPH_SUCCESS)
		status = CLOUT_EXIT_OK;
out_type:
	igraph_strvector_destroy(&type);
out_reach:
	igraph_vector_int_destroy(&reach);
out_rank:
	igraph_vector_int_destroy(&rank);
out_rows:
	igraph_vector_int_destroy(&rows);
	/* every failure above comes here unreported, with igraph's reason kept */
	if (status != CLOUT_EXIT_OK)
		cli_error("cannot write the ranking: %s", cli_reason());
	return status;
}

static int
cmd_rank_exec(int argc, char **argv)
{
	struct rank_opts	opts;
	struct clout_network	net;
	struct clout_scores	scores;
	struct cli_output	output;
	unsigned int		mask = 0;
	int			status, i;

	memset(&opts, 0, sizeof opts);
	if ((status = parse_options(&opts, argc, argv)) != CLOUT_EXIT_OK)
		return status < 0 ? CLOUT_EXIT_OK : status;
	for (i = 0; i < opts.norder; i++)
		mask |= 1u << opts.order[i];

	if ((status = cli_open_case(argv[optind], &net)) != CLOUT_EXIT_OK)
		return status;
	status = CLOUT_EXIT_FAILURE;
	if (clout_scores_init(&scores) != IGRAPH_SUCCESS) {
		cli_error("%s", cli_reason());
		goto out_net;
	}
	if (clout_rank_compute(&net, mask, &scores) != IGRAPH_SUCCESS) {
		cli_error("cannot rank '%s': %s", argv[optind], cli_reason());
		goto out_scores;
	}
	if (cli_output_open(&output, opts.output) != CLOUT_EXIT_OK)
		goto out_scores;
	status = write_ranking(output.fp, &net, &scores, &opts);
	status = cli_output_finish(&output, status);
out_scores:
	clout_scores_destroy(&scores);
out_net:
	clout_network_destroy(&net);
	return status;
}
