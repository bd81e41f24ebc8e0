/* cmd-similar.c: how alike several cases are, pair by pair, and each one's nearest precedent. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"

static int	cmd_similar_exec(int, char **);

const struct cmd_entry cmd_similar_entry = {
	.name = "similar",
	.usage = "similar [--top N] [-f FORMAT] [-o FILE] CASE CASE...",
	.summary = "pairwise similarity of cases (QAP r, weighted Jaccard) and each one's nearest",
	.help =
	    "Options:\n"
	    "      --top N           roles (or ids) to list where nearest cases differ\n"
	    "                        most (default: 5)\n"
	    "  -f, --format FORMAT   table, csv, tsv, json or md (default: table)\n"
	    "  -o, --output FILE     write to FILE; a name ending in .svg, .png, .pdf, .dot\n"
	    "                        or .json draws the QAP r matrix as a heat map (an\n"
	    "                        explicit --format writes the report; csv and tsv\n"
	    "                        give the QAP r matrix alone)\n"
	    "  -h, --help            show this help\n"
	    "\n"
	    "Every pair is aligned by role when both cases have roles, else by id (as\n"
	    "clout compare does). The nearest case is the one of highest QAP r, ties\n"
	    "broken by weighted Jaccard; where a case and its nearest differ most is\n"
	    "the aligned vertices whose relations differ most (sum of |A - B| over\n"
	    "their row and column).\n",
	.exec = cmd_similar_exec,
};

enum { OPT_TOP = 256 };

struct similar_opts {
	igraph_integer_t	 top;
	enum clout_format	 format;
	int			 format_given;
	const char		*output;
};

static int
parse_options(struct similar_opts *opts, int argc, char **argv)
{
	static const struct option options[] = {
		{ "top", required_argument, NULL, OPT_TOP },
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	int	ch, status;

	opts->top = 5;
	opts->format = CLOUT_FORMAT_TABLE;
	opterr = 0;
	while ((ch = getopt_long(argc, argv, ":f:ho:", options, NULL)) != -1) {
		switch (ch) {
		case OPT_TOP:
			if ((opts->top = cli_count(optarg)) < 0)
				return cli_usage_error(&cmd_similar_entry,
				    "--top needs a whole number of at least 0, not '%s'", optarg);
			break;
		case 'f':
			if ((status = cli_format_option(&cmd_similar_entry, optarg, &opts->format)) !=
			    CLOUT_EXIT_OK)
				return status;
			opts->format_given = 1;
			break;
		case 'h':
			cli_help(stdout, &cmd_similar_entry);
			return -1;
		case 'o':
			opts->output = optarg;
			break;
		default:
			return cli_bad_option(&cmd_similar_entry, argv, ch);
		}
	}
	if (argc - optind < 2)
		return cli_usage_error(&cmd_similar_entry, "give at least two cases");
	return CLOUT_EXIT_OK;
}

/* Where two aligned cases differ: a name and its sum of |A - B| over its row and column. */
struct difference {
	const char	*name;
	double		 amount;
	int		 only;	/* 1: only in A, 2: only in B, 0: in both */
};

struct similarity {
	igraph_integer_t	 ncases;
	struct clout_network	*nets;
	igraph_matrix_t		 r, wj;
	igraph_vector_int_t	 nearest;	/* -1: none */
	igraph_vector_int_t	 align;		/* per case: the alignment with its nearest */
	char			***where;	/* per case: top names where it differs from its nearest */
	double			**how_much;
	int			**only;
	igraph_integer_t	*nwhere;
};

static int
by_amount(const void *a, const void *b)
{
	const struct difference	*x = a, *y = b;

	if (x->amount != y->amount)
		return x->amount > y->amount ? -1 : 1;
	return strcmp(x->name, y->name);
}

/* QAP r and weighted Jaccard of one pair; with top > 0 also where they differ most. */
static igraph_error_t
pair(struct similarity *sim, igraph_integer_t i, igraph_integer_t j, igraph_integer_t top)
{
	struct clout_aligned	 al;
	igraph_integer_t	 a, b, n, k;
	double			 p, r;
	struct difference	*d;
	struct clout_diff	 diff;

	IGRAPH_CHECK(clout_aligned_init(&al));
	IGRAPH_FINALLY(clout_aligned_destroy, &al);
	IGRAPH_CHECK(clout_align(&sim->nets[i], &sim->nets[j],
	    clout_align_default(&sim->nets[i], &sim->nets[j]), &al));
	IGRAPH_CHECK(clout_qap(&al, 0, 0, &r, &p));
	n = igraph_strvector_size(&al.names);
	/* every ordered pair: the same sums as clout compare's for a directed comparison */
	clout_diff_compute(&al, 1, &diff);
	MATRIX(sim->r, i, j) = MATRIX(sim->r, j, i) = r;
	MATRIX(sim->wj, i, j) = MATRIX(sim->wj, j, i) = diff.weighted_jaccard;
	VECTOR(sim->align)[i] = al.align;
	if (top > 0) {
		if ((d = calloc((size_t)n + 1, sizeof d[0])) == NULL)
			IGRAPH_ERROR("out of memory", IGRAPH_ENOMEM);
		IGRAPH_FINALLY(free, d);
		for (a = 0; a < n; a++) {
			d[a].name = igraph_strvector_get(&al.names, a);
			d[a].only = VECTOR(al.present_a)[a] && VECTOR(al.present_b)[a] ? 0 :
			    VECTOR(al.present_a)[a] ? 1 : 2;
			for (b = 0; b < n; b++)
				d[a].amount += fabs(MATRIX(al.weight_a, a, b) - MATRIX(al.weight_b, a, b)) +
				    fabs(MATRIX(al.weight_a, b, a) - MATRIX(al.weight_b, b, a));
		}
		qsort(d, (size_t)n, sizeof d[0], by_amount);
		sim->nwhere[i] = n < top ? n : top;
		sim->where[i] = calloc((size_t)sim->nwhere[i] + 1, sizeof sim->where[i][0]);
		sim->how_much[i] = calloc((size_t)sim->nwhere[i] + 1, sizeof sim->how_much[i][0]);
		sim->only[i] = calloc((size_t)sim->nwhere[i] + 1, sizeof sim->only[i][0]);
		if (sim->where[i] == NULL || sim->how_much[i] == NULL || sim->only[i] == NULL)
			IGRAPH_ERROR("out of memory", IGRAPH_ENOMEM);
		for (k = 0; k < sim->nwhere[i]; k++) {
			if ((sim->where[i][k] = strdup(d[k].name)) == NULL)
				IGRAPH_ERROR("out of memory", IGRAPH_ENOMEM);
			sim->how_much[i][k] = d[k].amount;
			sim->only[i][k] = d[k].only;
		}
		free(d);
		IGRAPH_FINALLY_CLEAN(1);
	}
	clout_aligned_destroy(&al);
	IGRAPH_FINALLY_CLEAN(1);
	return IGRAPH_SUCCESS;
}

static igraph_error_t
similarity_compute(struct similarity *sim, igraph_integer_t top)
{
	igraph_integer_t	i, j, c = sim->ncases, best;

	IGRAPH_CHECK(igraph_matrix_resize(&sim->r, c, c));
	IGRAPH_CHECK(igraph_matrix_resize(&sim->wj, c, c));
	IGRAPH_CHECK(igraph_vector_int_resize(&sim->nearest, c));
	IGRAPH_CHECK(igraph_vector_int_resize(&sim->align, c));
	for (i = 0; i < c; i++) {
		MATRIX(sim->r, i, i) = MATRIX(sim->wj, i, i) = 1;
		for (j = i + 1; j < c; j++)
			IGRAPH_CHECK(pair(sim, i, j, 0));
	}
	for (i = 0; i < c; i++) {
		/* highest r, ties by weighted Jaccard; an undefined r loses to any number */
		for (best = -1, j = 0; j < c; j++) {
			double	r = MATRIX(sim->r, i, j), rb;

			if (j == i)
				continue;
			if (best < 0) {
				best = j;
				continue;
			}
			rb = MATRIX(sim->r, i, best);
			if ((isnan(rb) && !isnan(r)) || r > rb ||
			    (r == rb && MATRIX(sim->wj, i, j) > MATRIX(sim->wj, i, best)))
				best = j;
		}
		VECTOR(sim->nearest)[i] = best;
		if (best >= 0)
			IGRAPH_CHECK(pair(sim, i, best, top));
	}
	return IGRAPH_SUCCESS;
}

static void
similarity_destroy(struct similarity *sim)
{
	igraph_integer_t	i, k;

	for (i = 0; i < sim->ncases; i++) {
		clout_network_destroy(&sim->nets[i]);
		if (sim->where != NULL && sim->where[i] != NULL)
			for (k = 0; k < sim->nwhere[i]; k++)
				free(sim->where[i][k]);
		if (sim->where != NULL)
			free(sim->where[i]);
		if (sim->how_much != NULL)
			free(sim->how_much[i]);
		if (sim->only != NULL)
			free(sim->only[i]);
	}
	free(sim->nets);
	free(sim->where);
	free(sim->how_much);
	free(sim->only);
	free(sim->nwhere);
	igraph_matrix_destroy(&sim->r);
	igraph_matrix_destroy(&sim->wj);
	igraph_vector_int_destroy(&sim->nearest);
	igraph_vector_int_destroy(&sim->align);
}

static const char *
case_name(const struct similarity *sim, igraph_integer_t i)
{
	return sim->nets[i].name != NULL ? sim->nets[i].name : "case";
}

static int
write_json(FILE *out, const struct similarity *sim)
{
	struct clout_json	json;
	igraph_integer_t	i, k;

	clout_json_init(&json, out);
	clout_json_open(&json, NULL, '{', 0);
	clout_json_open(&json, "cases", '[', 1);
	for (i = 0; i < sim->ncases; i++)
		clout_json_string(&json, NULL, case_name(sim, i));
	clout_json_close(&json);
	clout_json_matrix(&json, "qap_r", &sim->r);
	clout_json_matrix(&json, "weighted_jaccard", &sim->wj);
	clout_json_open(&json, "nearest", '{', 0);
	for (i = 0; i < sim->ncases; i++)
		clout_json_string(&json, case_name(sim, i), VECTOR(sim->nearest)[i] >= 0 ?
		    case_name(sim, VECTOR(sim->nearest)[i]) : NULL);
	clout_json_close(&json);
	clout_json_open(&json, "differs_most", '{', 0);
	for (i = 0; i < sim->ncases; i++) {
		clout_json_open(&json, case_name(sim, i), '[', 0);
		for (k = 0; k < sim->nwhere[i]; k++) {
			clout_json_open(&json, NULL, '{', 1);
			clout_json_string(&json, "name", sim->where[i][k]);
			clout_json_real(&json, "difference", sim->how_much[i][k]);
			clout_json_string(&json, "present", sim->only[i][k] == 0 ? "both" :
			    sim->only[i][k] == 1 ? "this case only" : "nearest only");
			clout_json_close(&json);
		}
		clout_json_close(&json);
	}
	clout_json_close(&json);
	clout_json_close(&json);
	return ferror(out) ? cli_error("cannot write the report: %s", strerror(errno)) : CLOUT_EXIT_OK;
}

/* One matrix as a table: a row per case, a column per case. */
static int
write_matrix(FILE *out, const struct similarity *sim, const igraph_matrix_t *m,
    enum clout_format format)
{
	struct clout_column	*columns;
	struct clout_table	 table;
	igraph_strvector_t	 names;
	igraph_vector_t		*values;
	igraph_vector_int_t	 rows;
	igraph_integer_t	 i, j, c = sim->ncases;
	int			 status = CLOUT_EXIT_OK;

	columns = calloc((size_t)c + 1, sizeof columns[0]);
	values = calloc((size_t)c + 1, sizeof values[0]);
	if (columns == NULL || values == NULL || igraph_strvector_init(&names, 0) != IGRAPH_SUCCESS) {
		free(columns);
		free(values);
		return cli_error("out of memory");
	}
	if (igraph_vector_int_init_range(&rows, 0, c) != IGRAPH_SUCCESS)
		status = cli_error("out of memory");
	for (i = 0; i < c && status == CLOUT_EXIT_OK; i++) {
		if (igraph_strvector_push_back(&names, case_name(sim, i)) != IGRAPH_SUCCESS ||
		    igraph_vector_init(&values[i], c) != IGRAPH_SUCCESS) {
			status = cli_error("out of memory");
			break;
		}
		for (j = 0; j < c; j++)
			VECTOR(values[i])[j] = MATRIX(*m, j, i);
	}
	if (status == CLOUT_EXIT_OK) {
		columns[0] = (struct clout_column){ .name = "case", .kind = CLOUT_COLUMN_TEXT, .text = &names };
		for (i = 0; i < c; i++)
			columns[i + 1] = (struct clout_column){ .name = case_name(sim, i),
			    .kind = CLOUT_COLUMN_REAL, .reals = &values[i] };
		table.columns = columns;
		table.ncolumns = (int)c + 1;
		table.rows = &rows;
		if (clout_table_write(out, &table, format) != IGRAPH_SUCCESS)
			status = cli_error("cannot write the report: %s", cli_reason());
	}
	for (i = 0; i < c; i++)
		igraph_vector_destroy(&values[i]);
	igraph_vector_int_destroy(&rows);
	igraph_strvector_destroy(&names);
	free(values);
	free(columns);
	return status;
}

static int
write_report(FILE *out, const struct similarity *sim, const struct similar_opts *opts)
{
	igraph_integer_t	i, k, near;
	int			md = opts->format == CLOUT_FORMAT_MD, status;

	if (opts->format == CLOUT_FORMAT_CSV || opts->format == CLOUT_FORMAT_TSV)
		return write_matrix(out, sim, &sim->r, opts->format);
	fprintf(out, "%sQAP r (Pearson over the aligned signed weights)\n\n", md ? "## " : "");
	if ((status = write_matrix(out, sim, &sim->r, opts->format)) != CLOUT_EXIT_OK)
		return status;
	fprintf(out, "\n%sWeighted Jaccard (sum min / sum max of |weights|)\n\n", md ? "## " : "");
	if ((status = write_matrix(out, sim, &sim->wj, opts->format)) != CLOUT_EXIT_OK)
		return status;
	fprintf(out, "\n%sNearest case, and where they differ most\n\n", md ? "## " : "");
	for (i = 0; i < sim->ncases; i++) {
		if ((near = VECTOR(sim->nearest)[i]) < 0)
			continue;
		fprintf(out, "%s%s: nearest %s (QAP r %.3f, weighted Jaccard %.3f, by %s)%s",
		    md ? "- " : "", case_name(sim, i), case_name(sim, near),
		    MATRIX(sim->r, i, near), MATRIX(sim->wj, i, near),
		    clout_align_name((enum clout_align)VECTOR(sim->align)[i]),
		    sim->nwhere[i] > 0 ? "; differs most on " : "");
		for (k = 0; k < sim->nwhere[i]; k++)
			fprintf(out, "%s%s (%.1f%s)", k > 0 ? ", " : "", sim->where[i][k],
			    sim->how_much[i][k], sim->only[i][k] == 1 ? ", only here" :
			    sim->only[i][k] == 2 ? ", only there" : "");
		fputc('\n', out);
	}
	return ferror(out) ? cli_error("cannot write the report: %s", strerror(errno)) : CLOUT_EXIT_OK;
}

static int
cmd_similar_exec(int argc, char **argv)
{
	struct similar_opts	opts;
	struct similarity	sim;
	struct cli_output	output;
	struct clout_drawing	drawing;
	igraph_integer_t	i, loaded = 0;
	int			status;

	memset(&opts, 0, sizeof opts);
	if ((status = parse_options(&opts, argc, argv)) != CLOUT_EXIT_OK)
		return status < 0 ? CLOUT_EXIT_OK : status;
	memset(&sim, 0, sizeof sim);
	sim.ncases = argc - optind;
	sim.nets = calloc((size_t)sim.ncases, sizeof sim.nets[0]);
	sim.where = calloc((size_t)sim.ncases, sizeof sim.where[0]);
	sim.how_much = calloc((size_t)sim.ncases, sizeof sim.how_much[0]);
	sim.only = calloc((size_t)sim.ncases, sizeof sim.only[0]);
	sim.nwhere = calloc((size_t)sim.ncases, sizeof sim.nwhere[0]);
	if (sim.nets == NULL || sim.where == NULL || sim.how_much == NULL || sim.only == NULL ||
	    sim.nwhere == NULL || igraph_matrix_init(&sim.r, 0, 0) ||
	    igraph_matrix_init(&sim.wj, 0, 0) || igraph_vector_int_init(&sim.nearest, 0) ||
	    igraph_vector_int_init(&sim.align, 0)) {
		sim.ncases = 0;
		similarity_destroy(&sim);
		return cli_error("out of memory");
	}
	status = CLOUT_EXIT_OK;
	for (loaded = 0; loaded < sim.ncases && status == CLOUT_EXIT_OK; loaded++)
		status = cli_open_case(argv[optind + loaded], &sim.nets[loaded]);
	if (status != CLOUT_EXIT_OK) {
		sim.ncases = loaded - 1;	/* the failed one is already freed */
		similarity_destroy(&sim);
		return status;
	}
	for (i = 0; i < sim.ncases; i++)
		for (loaded = i + 1; loaded < sim.ncases; loaded++)
			if (strcmp(case_name(&sim, i), case_name(&sim, loaded)) == 0) {
				status = cli_error("two cases are named '%s': give each case once",
				    case_name(&sim, i));
				similarity_destroy(&sim);
				return status;
			}
	if (similarity_compute(&sim, opts.top) != IGRAPH_SUCCESS) {
		status = cli_error("cannot compare the cases: %s", cli_reason());
		similarity_destroy(&sim);
		return status;
	}
	if (cli_wants_picture(opts.output, opts.format_given)) {
		clout_drawing_init(&drawing);
		if (clout_similarity_drawing(&sim.r, (const struct clout_network *)sim.nets,
		    sim.ncases, &drawing) == IGRAPH_SUCCESS)
			status = cli_draw(&drawing, clout_image_from_path(opts.output), opts.output,
			    "the cases");
		else
			status = cli_error("cannot draw the matrix: %s", cli_reason());
		clout_drawing_destroy(&drawing);
		similarity_destroy(&sim);
		return status;
	}
	if ((status = cli_output_open(&output, opts.output)) == CLOUT_EXIT_OK) {
		status = opts.format == CLOUT_FORMAT_JSON ? write_json(output.fp, &sim) :
		    write_report(output.fp, &sim, &opts);
		status = cli_output_finish(&output, status);
	}
	similarity_destroy(&sim);
	return status;
}
