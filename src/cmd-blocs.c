/* cmd-blocs.c: who sides with whom: balance, frustration and camps of the signed ties, communities of the positive ones. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"

static int	cmd_blocs_exec(int, char **);

const struct cmd_entry cmd_blocs_entry = {
	.name = "blocs",
	.usage = "blocs [-a] [--seed N] [-f FORMAT] [-o FILE] CASE",
	.summary = "camps and balance of the signed ties, communities of the positive ones",
	.help =
	    "Options:\n"
	    "      --seed N          seed of Leiden and Infomap (default: 42)\n"
	    "  -a, --actors-only     hide issue rows (computed on the whole network)\n"
	    "  -f, --format FORMAT   table, csv, tsv, json or md (default: table)\n"
	    "  -o, --output FILE     write to FILE instead of standard output\n"
	    "  -h, --help            show this help\n"
	    "\n"
	    "Signed structure: relations are taken without direction, those between two\n"
	    "vertices summed as sign * weight into one tie of that sign (a sum of 0: no\n"
	    "tie); then only the signs count. Standard error gives the share of\n"
	    "balanced triangles, the walk balance tr(e^A)/tr(e^|A|), and the\n"
	    "frustration index: the fewest ties that break a split into two camps (a\n"
	    "positive tie across or a negative one inside), exact by branch and bound\n"
	    "or, past its budget, an upper bound from local search (said so). camp is\n"
	    "each vertex's side of that split, camp 0 holding the smallest id (byte\n"
	    "order), camp 1 the smallest of the others; swing is 1 when the vertex\n"
	    "could sit in either camp at the same cost (its camp is then a\n"
	    "tie-break); pn its PN centrality (Everett and Borgatti).\n"
	    "Communities use the positive relations only: community from Leiden\n"
	    "maximising modularity (reciprocal relations summed, direction ignored),\n"
	    "infomap from Infomap on the directed relations; both numbered like camps,\n"
	    "empty for a vertex without a positive relation. Standard error compares\n"
	    "them with the bloc column (NMI, adjusted Rand). Rows are sorted by camp,\n"
	    "community, then file order. JSON gives everything in one object.\n",
	.exec = cmd_blocs_exec,
};

enum { OPT_SEED = 256 };

struct blocs_opts {
	igraph_uint_t		 seed;
	int			 actors_only;
	enum clout_format	 format;
	const char		*output;
};

static int
parse_options(struct blocs_opts *opts, int argc, char **argv)
{
	static const struct option options[] = {
		{ "seed", required_argument, NULL, OPT_SEED },
		{ "actors-only", no_argument, NULL, 'a' },
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	long	seed;
	int	ch, status;

	opts->seed = CLOUT_BLOCS_SEED;
	opts->format = CLOUT_FORMAT_TABLE;
	opterr = 0;
	while ((ch = getopt_long(argc, argv, ":af:ho:", options, NULL)) != -1) {
		switch (ch) {
		case OPT_SEED:
			if ((seed = cli_count(optarg)) < 0)
				return cli_usage_error(&cmd_blocs_entry,
				    "--seed needs a whole number of at least 0, not '%s'", optarg);
			opts->seed = (igraph_uint_t)seed;
			break;
		case 'a':
			opts->actors_only = 1;
			break;
		case 'f':
			if ((status = cli_format_option(&cmd_blocs_entry, optarg, &opts->format)) != CLOUT_EXIT_OK)
				return status;
			break;
		case 'h':
			cli_help(stdout, &cmd_blocs_entry);
			return -1;
		case 'o':
			opts->output = optarg;
			break;
		default:
			return cli_bad_option(&cmd_blocs_entry, argv, ch);
		}
	}
	if ((status = cli_one_case(&cmd_blocs_entry, argc - optind)) != CLOUT_EXIT_OK)
		return status;
	return CLOUT_EXIT_OK;
}

/* "name 0.1234" then sep on standard error; "name undefined" for NaN. */
static void
put_figure(const char *name, double x, const char *sep)
{
	if (isnan(x))
		fprintf(stderr, "%s undefined%s", name, sep);
	else
		fprintf(stderr, "%s %.4f%s", name, x, sep);
}

/* The figures the table rests on, for standard error. */
static void
print_summary(const struct clout_network *net, const struct clout_signed *s,
    const struct clout_communities *c)
{
	fprintf(stderr, "clout: blocs: signed view: %" IGRAPH_PRId " vertices, %" IGRAPH_PRId
	    " ties (%" IGRAPH_PRId " negative) in %" IGRAPH_PRId " component%s\n",
	    clout_network_vcount(net), s->tie_count, s->negative_tie_count, s->component_count,
	    s->component_count == 1 ? "" : "s");
	if (s->triangle_count > 0)
		fprintf(stderr, "clout: blocs: balanced triangles: %.4f (%" IGRAPH_PRId " of %"
		    IGRAPH_PRId ")", s->balanced_triangle_share, s->balanced_triangle_count,
		    s->triangle_count);
	else
		fprintf(stderr, "clout: blocs: balanced triangles: none (no triangle)");
	if (clout_network_vcount(net) == 0)
		fprintf(stderr, "; walk balance: undefined (no vertex)\n");
	else if (isnan(s->walk_balance))
		fprintf(stderr, "; walk balance: not computed (over %d vertices)\n",
		    CLOUT_WALK_BALANCE_MAX);
	else
		fprintf(stderr, "; walk balance: %.4f\n", s->walk_balance);
	fprintf(stderr, "clout: blocs: frustration index: %" IGRAPH_PRId " of %" IGRAPH_PRId
	    " ties (%s); %" IGRAPH_PRId " camp%s\n", s->frustration_index, s->tie_count,
	    s->frustration_exact ? "exact" : "upper bound", s->camp_count,
	    s->camp_count == 1 ? "" : "s");
	if (!s->frustration_exact)
		fprintf(stderr, "clout: warning: the exact search stopped after %" IGRAPH_PRId
		    " nodes: the frustration index lies between %" IGRAPH_PRId " and %" IGRAPH_PRId
		    ", and the camps come from a local search\n", s->search_nodes,
		    s->frustration_lower_bound, s->frustration_index);
	if (c->leiden_count > 0)
		fprintf(stderr, "clout: blocs: Leiden: %" IGRAPH_PRId " communit%s, modularity %.4f; "
		    "Infomap: %" IGRAPH_PRId " module%s, codelength %.4f, modularity %.4f\n",
		    c->leiden_count, c->leiden_count == 1 ? "y" : "ies", c->modularity,
		    c->infomap_count, c->infomap_count == 1 ? "" : "s", c->infomap_codelength,
		    c->infomap_modularity);
	else
		fprintf(stderr, "clout: blocs: no positive relation: no community\n");
	fprintf(stderr, "clout: blocs: against the bloc column (%" IGRAPH_PRId " actor%s): ",
	    c->bloc_actor_count, c->bloc_actor_count == 1 ? "" : "s");
	if (isnan(c->nmi_bloc) && isnan(c->infomap_nmi_bloc))
		fprintf(stderr, "undefined\n");
	else {
		put_figure("Leiden NMI", c->nmi_bloc, ", ");
		put_figure("ARI", c->ari_bloc, "; ");
		put_figure("Infomap NMI", c->infomap_nmi_bloc, ", ");
		put_figure("ARI", c->infomap_ari_bloc, "\n");
	}
}

/* Rows: by camp, then Leiden community (no camp or community last), then file order. */
struct row_order {
	const struct clout_signed	*s;
	const struct clout_communities	*c;
};

static int
by_group(igraph_integer_t kx, igraph_integer_t ky)
{
	return kx == ky ? 0 : kx < 0 ? 1 : ky < 0 ? -1 : kx < ky ? -1 : 1;
}

static int
row_cmp(void *data, const void *a, const void *b)
{
	const struct row_order	*o = data;
	igraph_integer_t	 x = *(const igraph_integer_t *)a, y = *(const igraph_integer_t *)b;
	int			 d;

	if ((d = by_group(VECTOR(o->s->camp)[x], VECTOR(o->s->camp)[y])) != 0)
		return d;
	if ((d = by_group(VECTOR(o->c->leiden)[x], VECTOR(o->c->leiden)[y])) != 0)
		return d;
	return x < y ? -1 : x > y;
}

/* The table's own vectors; zeroed first, as igraph's destroy functions accept. */
struct blocs_table {
	igraph_vector_int_t	 rows, camp, leiden, infomap, swing;
	igraph_strvector_t	 type;
};

static void
blocs_table_destroy(struct blocs_table *t)
{
	igraph_vector_int_destroy(&t->rows);
	igraph_vector_int_destroy(&t->camp);
	igraph_vector_int_destroy(&t->leiden);
	igraph_vector_int_destroy(&t->infomap);
	igraph_vector_int_destroy(&t->swing);
	igraph_strvector_destroy(&t->type);
}

static igraph_error_t
blocs_table_fill(struct blocs_table *t, const struct clout_network *net,
    const struct clout_signed *s, const struct clout_communities *c, int actors_only)
{
	struct row_order	order = { s, c };
	igraph_integer_t	v, n = clout_network_vcount(net);

	memset(t, 0, sizeof *t);
	if (igraph_vector_int_init(&t->rows, 0) || igraph_vector_int_init(&t->camp, 0) ||
	    igraph_vector_int_init(&t->leiden, 0) || igraph_vector_int_init(&t->infomap, 0) ||
	    igraph_vector_int_init(&t->swing, 0) || igraph_strvector_init(&t->type, 0))
		IGRAPH_ERROR("out of memory", IGRAPH_ENOMEM);
	IGRAPH_CHECK(cli_nullable(&s->camp, &t->camp));
	IGRAPH_CHECK(cli_nullable(&c->leiden, &t->leiden));
	IGRAPH_CHECK(cli_nullable(&c->infomap, &t->infomap));
	IGRAPH_CHECK(cli_nullable(&s->swing, &t->swing));
	for (v = 0; v < n; v++) {
		IGRAPH_CHECK(igraph_strvector_push_back(&t->type, clout_vertex_type_name(
		    (enum clout_vertex_type)VECTOR(net->type)[v])));
		if (!actors_only || VECTOR(net->type)[v] == CLOUT_VERTEX_ACTOR)
			IGRAPH_CHECK(igraph_vector_int_push_back(&t->rows, v));
	}
	igraph_qsort_r(VECTOR(t->rows), (size_t)igraph_vector_int_size(&t->rows),
	    sizeof(igraph_integer_t), &order, row_cmp);
	return IGRAPH_SUCCESS;
}

static int
write_table(FILE *out, const struct clout_network *net, const struct clout_signed *s,
    const struct clout_communities *c, const struct blocs_opts *opts)
{
	struct clout_column	 columns[9];
	struct clout_table	 table;
	struct blocs_table	 t;
	int			 ncol = 0, status = CLOUT_EXIT_OK;

	if (blocs_table_fill(&t, net, s, c, opts->actors_only) != IGRAPH_SUCCESS) {
		blocs_table_destroy(&t);
		return cli_error("%s", cli_reason());
	}
	/* the stable CSV header: scripts rely on these names, in this order */
	columns[ncol++] = (struct clout_column){ .name = "id", .kind = CLOUT_COLUMN_TEXT, .text = &net->id };
	columns[ncol++] = (struct clout_column){ .name = "label", .kind = CLOUT_COLUMN_TEXT, .text = &net->label };
	columns[ncol++] = (struct clout_column){ .name = "type", .kind = CLOUT_COLUMN_TEXT, .code = 1, .text = &t.type };
	columns[ncol++] = (struct clout_column){ .name = "bloc", .kind = CLOUT_COLUMN_TEXT, .text = &net->bloc };
	columns[ncol++] = (struct clout_column){ .name = "camp", .kind = CLOUT_COLUMN_INT, .integers = &t.camp };
	columns[ncol++] = (struct clout_column){ .name = "community", .kind = CLOUT_COLUMN_INT,
	    .integers = &t.leiden };
	columns[ncol++] = (struct clout_column){ .name = "infomap", .kind = CLOUT_COLUMN_INT,
	    .integers = &t.infomap };
	columns[ncol++] = (struct clout_column){ .name = "pn", .kind = CLOUT_COLUMN_REAL, .reals = &s->pn };
	columns[ncol++] = (struct clout_column){ .name = "swing", .kind = CLOUT_COLUMN_INT, .integers = &t.swing };
	table.columns = columns;
	table.ncolumns = ncol;
	table.rows = &t.rows;
	if (clout_table_write(out, &table, opts->format) != IGRAPH_SUCCESS)
		status = cli_error("cannot write the table: %s", cli_reason());
	blocs_table_destroy(&t);
	return status;
}

/* {id: value} over the vertices shown of the type asked (-1: both); a number -1 is null. */
static void
json_map(struct clout_json *json, const struct clout_network *net, const char *key,
    const igraph_vector_int_t *numbers, const igraph_vector_t *reals, int type, int actors_only)
{
	igraph_integer_t	v;

	clout_json_open(json, key, '{', 1);
	for (v = 0; v < clout_network_vcount(net); v++) {
		int		 t = (int)VECTOR(net->type)[v];
		const char	*id = igraph_strvector_get(&net->id, v);

		if ((type >= 0 && t != type) || (actors_only && t != CLOUT_VERTEX_ACTOR))
			continue;
		if (reals != NULL)
			clout_json_real(json, id, VECTOR(*reals)[v]);
		else if (VECTOR(*numbers)[v] < 0)
			clout_json_null(json, id);
		else
			clout_json_int(json, id, VECTOR(*numbers)[v]);
	}
	clout_json_close(json);
}

static int
write_json(FILE *out, const struct clout_network *net, const struct clout_signed *s,
    const struct clout_communities *c, const struct blocs_opts *opts)
{
	struct clout_json	json;
	int			a = opts->actors_only;

	clout_json_init(&json, out);
	clout_json_open(&json, NULL, '{', 0);
	clout_json_string(&json, "case", net->name != NULL ? net->name : "");
	clout_json_int(&json, "seed", (igraph_integer_t)c->seed);
	clout_json_int(&json, "vertices", clout_network_vcount(net));
	clout_json_int(&json, "ties", s->tie_count);
	clout_json_int(&json, "negative_ties", s->negative_tie_count);
	clout_json_int(&json, "signed_components", s->component_count);
	clout_json_int(&json, "triangles", s->triangle_count);
	clout_json_int(&json, "balanced_triangles", s->balanced_triangle_count);
	clout_json_real(&json, "balanced_triangle_share", s->balanced_triangle_share);
	clout_json_real(&json, "walk_balance", s->walk_balance);
	clout_json_int(&json, "frustration_index", s->frustration_index);
	clout_json_bool(&json, "frustration_exact", s->frustration_exact);
	clout_json_int(&json, "frustration_lower_bound", s->frustration_lower_bound);
	clout_json_int(&json, "frustration_search_nodes", s->search_nodes);
	clout_json_int(&json, "camp_count", s->camp_count);
	json_map(&json, net, "camps", &s->camp, NULL, -1, a);
	json_map(&json, net, "swing", &s->swing, NULL, -1, a);
	clout_json_real(&json, "modularity", c->modularity);
	clout_json_int(&json, "community_count", c->leiden_count);
	json_map(&json, net, "communities", &c->leiden, NULL, -1, a);
	clout_json_real(&json, "infomap_codelength", c->infomap_codelength);
	clout_json_real(&json, "infomap_modularity", c->infomap_modularity);
	clout_json_int(&json, "infomap_count", c->infomap_count);
	json_map(&json, net, "infomap", &c->infomap, NULL, -1, a);
	clout_json_int(&json, "bloc_actors", c->bloc_actor_count);
	clout_json_real(&json, "nmi_bloc", c->nmi_bloc);
	clout_json_real(&json, "ari_bloc", c->ari_bloc);
	clout_json_real(&json, "infomap_nmi_bloc", c->infomap_nmi_bloc);
	clout_json_real(&json, "infomap_ari_bloc", c->infomap_ari_bloc);
	json_map(&json, net, "pn_centrality", NULL, &s->pn, CLOUT_VERTEX_ACTOR, a);
	if (!a)
		json_map(&json, net, "pn_centrality_issues", NULL, &s->pn, CLOUT_VERTEX_ISSUE, a);
	clout_json_close(&json);
	if (ferror(out))
		return cli_error("cannot write the output: %s", strerror(errno));
	return CLOUT_EXIT_OK;
}

static int
cmd_blocs_exec(int argc, char **argv)
{
	struct blocs_opts		opts;
	struct clout_network		net;
	struct clout_signed		s;
	struct clout_communities	c;
	struct cli_output		output;
	int				status;

	memset(&opts, 0, sizeof opts);
	if ((status = parse_options(&opts, argc, argv)) != CLOUT_EXIT_OK)
		return status < 0 ? CLOUT_EXIT_OK : status;
	if ((status = cli_open_case(argv[optind], &net)) != CLOUT_EXIT_OK)
		return status;
	status = CLOUT_EXIT_FAILURE;
	if (clout_signed_init(&s) != IGRAPH_SUCCESS) {
		cli_error("%s", cli_reason());
		goto out_net;
	}
	if (clout_communities_init(&c) != IGRAPH_SUCCESS) {
		cli_error("%s", cli_reason());
		goto out_signed;
	}
	if (clout_signed_compute(&net, &s) != IGRAPH_SUCCESS) {
		cli_error("cannot compute the signed structure of '%s': %s", argv[optind],
		    cli_reason());
		goto out_communities;
	}
	if (clout_communities_compute(&net, opts.seed, &c) != IGRAPH_SUCCESS) {
		cli_error("cannot find the communities of '%s': %s", argv[optind], cli_reason());
		goto out_communities;
	}
	print_summary(&net, &s, &c);
	if (cli_output_open(&output, opts.output) != CLOUT_EXIT_OK)
		goto out_communities;
	if (opts.format == CLOUT_FORMAT_JSON)
		status = write_json(output.fp, &net, &s, &c, &opts);
	else
		status = write_table(output.fp, &net, &s, &c, &opts);
	status = cli_output_finish(&output, status);
out_communities:
	clout_communities_destroy(&c);
out_signed:
	clout_signed_destroy(&s);
out_net:
	clout_network_destroy(&net);
	return status;
}
