/* cmd-whatif.c: what changes if actors drop out or relations break or turn round; the knock-out report. */
#define _POSIX_C_SOURCE 200809L
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"

static int	cmd_whatif_exec(int, char **);

const struct cmd_entry cmd_whatif_entry = {
	.name = "whatif",
	.usage = "whatif [--remove IDS] [--drop SRC:TGT] [--flip SRC:TGT] [-b METRIC] [-a]\n"
	    "              [-f FORMAT] [-o FILE] CASE\n"
	    "       clout whatif --each [-f FORMAT] [-o FILE] CASE",
	.summary = "what changes when actors drop out or relations break or turn round",
	.help =
	    "Options:\n"
	    "      --remove IDS      remove these actors or issues (comma-separated) and\n"
	    "                        their relations\n"
	    "      --drop SRC:TGT    remove the relation from SRC to TGT\n"
	    "      --flip SRC:TGT    turn the sign of the relation from SRC to TGT round\n"
	    "                        (the three may be repeated and combined)\n"
	    "      --each            knock every actor out in turn and rank them by the\n"
	    "                        damage their absence does (spoilers, veto players)\n"
	    "  -b, --by METRIC       the `clout rank` metric to compare (default: power)\n"
	    "  -a, --actors-only     hide issue rows\n"
	    "  -f, --format FORMAT   table, csv, tsv, json or md (default: table)\n"
	    "  -o, --output FILE     write to FILE instead of standard output\n"
	    "  -h, --help            show this help\n"
	    "\n"
	    "A scenario compares every vertex before and after: its rank and score by\n"
	    "the metric, how many vertices it reaches and how many of those still\n"
	    "present it no longer reaches (reach_lost), its MICMAC sector (with the\n"
	    "alpha of before) and its camp in the best split into two camps (as in\n"
	    "clout blocs; the camps after numbered to match those before). rank_change\n"
	    "> 0 means the vertex moved up; ranks count every vertex, issues too,\n"
	    "also with -a.\n"
	    "Standard error sums it up.\n"
	    "\n"
	    "--each: damage_power is the L1 change of the other actors' power when the\n"
	    "actor is removed; reach_lost counts the ordered pairs of other vertices\n"
	    "that can then no longer reach each other; sector_changes and\n"
	    "camp_changes the other vertices whose MICMAC sector or camp changes\n"
	    "(empty above 300 vertices, camps also when the split is slow to prove).\n",
	.exec = cmd_whatif_exec,
};

enum { OPT_REMOVE = 256, OPT_DROP, OPT_FLIP, OPT_EACH };

/* Scenario texts are kept as given and resolved once the case is loaded. */
struct change {
	int		 what;		/* OPT_REMOVE, OPT_DROP or OPT_FLIP */
	const char	*text;
};

struct whatif_opts {
	struct change		*changes;
	int			 nchanges;
	int			 each;
	int			 actors_only;
	enum clout_metric	 metric;
	enum clout_format	 format;
	const char		*output;
};

static int
parse_options(struct whatif_opts *opts, int argc, char **argv)
{
	static const struct option options[] = {
		{ "remove", required_argument, NULL, OPT_REMOVE },
		{ "drop", required_argument, NULL, OPT_DROP },
		{ "flip", required_argument, NULL, OPT_FLIP },
		{ "each", no_argument, NULL, OPT_EACH },
		{ "by", required_argument, NULL, 'b' },
		{ "actors-only", no_argument, NULL, 'a' },
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	int	ch, m, status;

	opts->metric = CLOUT_METRIC_POWER;
	opts->format = CLOUT_FORMAT_TABLE;
	/* at most one change per argument: argc bounds them */
	opts->changes = calloc((size_t)argc + 1, sizeof *opts->changes);
	if (opts->changes == NULL)
		return cli_error("out of memory");
	opterr = 0;
	while ((ch = getopt_long(argc, argv, ":ab:f:ho:", options, NULL)) != -1) {
		switch (ch) {
		case OPT_REMOVE:
		case OPT_DROP:
		case OPT_FLIP:
			if (optarg[0] == '\0')
				return cli_usage_error(&cmd_whatif_entry, "--%s needs a value",
				    ch == OPT_REMOVE ? "remove" : ch == OPT_DROP ? "drop" : "flip");
			opts->changes[opts->nchanges++] = (struct change){ ch, optarg };
			break;
		case OPT_EACH:
			opts->each = 1;
			break;
		case 'a':
			opts->actors_only = 1;
			break;
		case 'b':
			if ((m = clout_metric_find(optarg)) < 0)
				return cli_usage_error(&cmd_whatif_entry, "unknown metric '%s'", optarg);
			opts->metric = (enum clout_metric)m;
			break;
		case 'f':
			if ((status = cli_format_option(&cmd_whatif_entry, optarg, &opts->format)) != CLOUT_EXIT_OK)
				return status;
			break;
		case 'h':
			cli_help(stdout, &cmd_whatif_entry);
			return -1;
		case 'o':
			opts->output = optarg;
			break;
		default:
			return cli_bad_option(&cmd_whatif_entry, argv, ch);
		}
	}
	if (opts->each && opts->metric != CLOUT_METRIC_POWER)
		return cli_usage_error(&cmd_whatif_entry,
		    "--each measures the damage to power: leave out --by");
	if (opts->each && opts->nchanges > 0)
		return cli_usage_error(&cmd_whatif_entry,
		    "--each knocks out every actor by itself: leave out --remove, --drop and --flip");
	if (!opts->each && opts->nchanges == 0)
		return cli_usage_error(&cmd_whatif_entry,
		    "say what changes: --remove, --drop or --flip (or --each)");
	if ((status = cli_one_case(&cmd_whatif_entry, argc - optind)) != CLOUT_EXIT_OK)
		return status;
	return CLOUT_EXIT_OK;
}

/* The scenario's table; vectors that need building live in this struct. */
struct scenario_table {
	igraph_strvector_t	 type, status, sector_before, sector_after;
	igraph_vector_int_t	 rank_after, rank_change, reach_after, reach_lost;
	igraph_vector_int_t	 camp_before, camp_after;
	igraph_vector_t		 score_change;
	igraph_vector_int_t	 rows;
};

static void
scenario_table_destroy(struct scenario_table *t)
{
	clout_strvector_release(&t->type);
	clout_strvector_release(&t->status);
	clout_strvector_release(&t->sector_before);
	clout_strvector_release(&t->sector_after);
	igraph_vector_int_destroy(&t->rank_after);
	igraph_vector_int_destroy(&t->rank_change);
	igraph_vector_destroy(&t->score_change);
	igraph_vector_int_destroy(&t->reach_after);
	igraph_vector_int_destroy(&t->reach_lost);
	igraph_vector_int_destroy(&t->camp_before);
	igraph_vector_int_destroy(&t->camp_after);
	igraph_vector_int_destroy(&t->rows);
}

static igraph_error_t
scenario_table_init(struct scenario_table *t)
{
	/* zeroed first: igraph's destroy functions accept zeroed vectors */
	memset(t, 0, sizeof *t);
	if (igraph_strvector_init(&t->type, 0) || igraph_strvector_init(&t->status, 0) ||
	    igraph_strvector_init(&t->sector_before, 0) ||
	    igraph_strvector_init(&t->sector_after, 0) ||
	    igraph_vector_int_init(&t->rank_after, 0) || igraph_vector_int_init(&t->rank_change, 0) ||
	    igraph_vector_init(&t->score_change, 0) || igraph_vector_int_init(&t->reach_after, 0) ||
	    igraph_vector_int_init(&t->reach_lost, 0) || igraph_vector_int_init(&t->camp_before, 0) ||
	    igraph_vector_int_init(&t->camp_after, 0) || igraph_vector_int_init(&t->rows, 0))
		IGRAPH_ERROR("out of memory", IGRAPH_ENOMEM);
	return IGRAPH_SUCCESS;
}

static igraph_error_t
scenario_table_fill(struct scenario_table *t, const struct clout_network *net,
    const struct clout_whatif *w, int actors_only)
{
	igraph_integer_t	v, n = clout_network_vcount(net);
	int			present;

	IGRAPH_CHECK(cli_nullable(&w->rank_after, &t->rank_after));
	IGRAPH_CHECK(cli_nullable(&w->reach_after, &t->reach_after));
	IGRAPH_CHECK(cli_nullable(&w->reach_lost, &t->reach_lost));
	IGRAPH_CHECK(cli_nullable(&w->camp_before, &t->camp_before));
	IGRAPH_CHECK(cli_nullable(&w->camp_after, &t->camp_after));
	IGRAPH_CHECK(igraph_vector_int_resize(&t->rank_change, n));
	IGRAPH_CHECK(igraph_vector_resize(&t->score_change, n));
	for (v = 0; v < n; v++) {
		present = VECTOR(w->rank_after)[v] >= 0;
		VECTOR(t->rank_change)[v] = present ?
		    VECTOR(w->rank_before)[v] - VECTOR(w->rank_after)[v] : CLOUT_NULL_INT;
		VECTOR(t->score_change)[v] = VECTOR(w->score_after)[v] - VECTOR(w->score_before)[v];
		IGRAPH_CHECK(igraph_strvector_push_back(&t->type, clout_vertex_type_name(
		    (enum clout_vertex_type)VECTOR(net->type)[v])));
		IGRAPH_CHECK(igraph_strvector_push_back(&t->status, present ? "kept" : "removed"));
		IGRAPH_CHECK(igraph_strvector_push_back(&t->sector_before, clout_sector_name(
		    (enum clout_sector)VECTOR(w->sector_before)[v])));
		IGRAPH_CHECK(igraph_strvector_push_back(&t->sector_after, present ? clout_sector_name(
		    (enum clout_sector)VECTOR(w->sector_after)[v]) : ""));
		if (!actors_only || VECTOR(net->type)[v] == CLOUT_VERTEX_ACTOR)
			IGRAPH_CHECK(igraph_vector_int_push_back(&t->rows, v));
	}
	/* the baseline ranking's order, so the table reads like `clout rank` */
	clout_rank_sort(net, &w->score_before, &t->rows);
	return IGRAPH_SUCCESS;
}

/* What the scenario did and what it changed, on standard error. */
static void
print_summary(const struct clout_whatif *w)
{
	fprintf(stderr, "clout: whatif: %" IGRAPH_PRId " %s removed, %" IGRAPH_PRId
	    " %s gone with them or dropped, %" IGRAPH_PRId " flipped\n", w->removed_vertices,
	    w->removed_vertices == 1 ? "vertex" : "vertices", w->removed_relations,
	    w->removed_relations == 1 ? "relation" : "relations", w->flipped_relations);
	fprintf(stderr, "clout: whatif: %s moved by %.6g in all (L1 over the actors left); %"
	    IGRAPH_PRId " ranks, %" IGRAPH_PRId " MICMAC sectors and %" IGRAPH_PRId
	    " camps changed; %" IGRAPH_PRId " ordered pairs lost every influence path\n",
	    clout_metric_info(w->metric)->name, w->damage, w->rank_changes, w->sector_changes,
	    w->camp_changes, w->reach_lost_pairs);
	fprintf(stderr, "clout: whatif: frustration index %" IGRAPH_PRId " before, %"
	    IGRAPH_PRId " after%s\n", w->frustration_before, w->frustration_after,
	    w->frustration_exact ? "" : " (not both proved optimal: see clout blocs)");
	if (w->removed_vertices == 0 && w->removed_relations == 0)
		fprintf(stderr, "clout: whatif: flips change signs only: ranks, reach and MICMAC "
		    "ignore signs, so only the camps can move\n");
}

/* The scenario as resolved: removed ids, dropped and flipped [source, target] pairs. */
static void
write_changes(struct clout_json *json, const struct clout_network *net,
    const struct clout_scenario *s)
{
	const igraph_vector_bool_t	*which[2] = { &s->drop, &s->flip };
	igraph_integer_t		 v, e;
	int				 i;

	clout_json_open(json, "scenario", '{', 0);
	clout_json_open(json, "remove", '[', 1);
	for (v = 0; v < clout_network_vcount(net); v++)
		if (VECTOR(s->remove)[v])
			clout_json_string(json, NULL, igraph_strvector_get(&net->id, v));
	clout_json_close(json);
	for (i = 0; i < 2; i++) {
		clout_json_open(json, i == 0 ? "drop" : "flip", '[', 1);
		for (e = 0; e < clout_network_ecount(net); e++) {
			if (!VECTOR(*which[i])[e])
				continue;
			clout_json_open(json, NULL, '[', 1);
			clout_json_string(json, NULL,
			    igraph_strvector_get(&net->id, IGRAPH_FROM(&net->graph, e)));
			clout_json_string(json, NULL,
			    igraph_strvector_get(&net->id, IGRAPH_TO(&net->graph, e)));
			clout_json_close(json);
		}
		clout_json_close(json);
	}
	clout_json_close(json);
}

static int
write_scenario(FILE *out, const struct clout_network *net, const struct clout_scenario *s,
    const struct clout_whatif *w, const struct whatif_opts *opts)
{
	struct clout_column	 columns[20];
	struct clout_table	 table;
	struct scenario_table	 t;
	struct clout_json	 json;
	int			 ncol = 0;

	if (scenario_table_init(&t) != IGRAPH_SUCCESS ||
	    scenario_table_fill(&t, net, w, opts->actors_only) != IGRAPH_SUCCESS) {
		scenario_table_destroy(&t);
		return cli_error("%s", cli_reason());
	}
	columns[ncol++] = (struct clout_column){ .name = "id", .kind = CLOUT_COLUMN_TEXT, .text = &net->id };
	columns[ncol++] = (struct clout_column){ .name = "label", .kind = CLOUT_COLUMN_TEXT, .text = &net->label };
	columns[ncol++] = (struct clout_column){ .name = "type", .kind = CLOUT_COLUMN_TEXT, .code = 1, .text = &t.type };
	columns[ncol++] = (struct clout_column){ .name = "status", .kind = CLOUT_COLUMN_TEXT, .code = 1, .text = &t.status };
	columns[ncol++] = (struct clout_column){ .name = "rank_before", .kind = CLOUT_COLUMN_INT, .integers = &w->rank_before };
	columns[ncol++] = (struct clout_column){ .name = "rank_after", .kind = CLOUT_COLUMN_INT, .integers = &t.rank_after };
	columns[ncol++] = (struct clout_column){ .name = "rank_change", .kind = CLOUT_COLUMN_INT, .integers = &t.rank_change };
	columns[ncol++] = (struct clout_column){ .name = "score_before", .kind = CLOUT_COLUMN_REAL, .reals = &w->score_before };
	columns[ncol++] = (struct clout_column){ .name = "score_after", .kind = CLOUT_COLUMN_REAL, .reals = &w->score_after };
	columns[ncol++] = (struct clout_column){ .name = "score_change", .kind = CLOUT_COLUMN_REAL, .reals = &t.score_change };
	columns[ncol++] = (struct clout_column){ .name = "reach_before", .kind = CLOUT_COLUMN_INT, .integers = &w->reach_before };
	columns[ncol++] = (struct clout_column){ .name = "reach_after", .kind = CLOUT_COLUMN_INT, .integers = &t.reach_after };
	columns[ncol++] = (struct clout_column){ .name = "reach_lost", .kind = CLOUT_COLUMN_INT, .integers = &t.reach_lost };
	columns[ncol++] = (struct clout_column){ .name = "sector_before", .kind = CLOUT_COLUMN_TEXT, .code = 1, .text = &t.sector_before };
	columns[ncol++] = (struct clout_column){ .name = "sector_after", .kind = CLOUT_COLUMN_TEXT, .code = 1, .text = &t.sector_after };
	columns[ncol++] = (struct clout_column){ .name = "camp_before", .kind = CLOUT_COLUMN_INT, .integers = &t.camp_before };
	columns[ncol++] = (struct clout_column){ .name = "camp_after", .kind = CLOUT_COLUMN_INT, .integers = &t.camp_after };
	table.columns = columns;
	table.ncolumns = ncol;
	table.rows = &t.rows;

	if (opts->format != CLOUT_FORMAT_JSON) {
		if (clout_table_write(out, &table, opts->format) != IGRAPH_SUCCESS) {
			scenario_table_destroy(&t);
			return cli_error("cannot write the table: %s", cli_reason());
		}
		scenario_table_destroy(&t);
		return CLOUT_EXIT_OK;
	}
	clout_json_init(&json, out);
	clout_json_open(&json, NULL, '{', 0);
	clout_json_string(&json, "case", net->name);
	write_changes(&json, net, s);
	clout_json_string(&json, "metric", clout_metric_info(w->metric)->name);
	clout_json_real(&json, "alpha", w->alpha);
	clout_json_int(&json, "removed_vertices", w->removed_vertices);
	clout_json_int(&json, "removed_relations", w->removed_relations);
	clout_json_int(&json, "flipped_relations", w->flipped_relations);
	clout_json_real(&json, "damage", w->damage);
	clout_json_int(&json, "reach_lost", w->reach_lost_pairs);
	clout_json_int(&json, "rank_changes", w->rank_changes);
	clout_json_int(&json, "sector_changes", w->sector_changes);
	clout_json_int(&json, "camp_changes", w->camp_changes);
	clout_json_int(&json, "frustration_before", w->frustration_before);
	clout_json_int(&json, "frustration_after", w->frustration_after);
	clout_json_bool(&json, "frustration_exact", w->frustration_exact);
	clout_json_table(&json, "vertices", &table);
	clout_json_close(&json);
	scenario_table_destroy(&t);
	return CLOUT_EXIT_OK;
}

static int
run_scenario(FILE *out, const struct clout_network *net, const struct whatif_opts *opts,
    const char *path)
{
	struct clout_scenario	s;
	struct clout_whatif	w;
	igraph_error_t		ret = IGRAPH_SUCCESS;
	int			c, status;

	if (clout_scenario_init(&s, net) != IGRAPH_SUCCESS)
		return cli_error("%s", cli_reason());
	for (c = 0; c < opts->nchanges && ret == IGRAPH_SUCCESS; c++) {
		const struct change	*ch = &opts->changes[c];

		ret = ch->what == OPT_REMOVE ? clout_scenario_remove(&s, net, ch->text) :
		    ch->what == OPT_DROP ? clout_scenario_drop(&s, net, ch->text) :
		    clout_scenario_flip(&s, net, ch->text);
	}
	if (ret != IGRAPH_SUCCESS) {
		clout_scenario_destroy(&s);
		return cli_error("%s: %s", path, cli_reason());
	}
	if (clout_whatif_init(&w) != IGRAPH_SUCCESS) {
		clout_scenario_destroy(&s);
		return cli_error("%s", cli_reason());
	}
	if (clout_whatif_compute(net, &s, opts->metric, &w) != IGRAPH_SUCCESS)
		status = cli_error("cannot compare '%s' before and after: %s", path, cli_reason());
	else {
		print_summary(&w);
		status = write_scenario(out, net, &s, &w, opts);
	}
	clout_whatif_destroy(&w);
	clout_scenario_destroy(&s);
	return status;
}

static int
run_each(FILE *out, const struct clout_network *net, const struct whatif_opts *opts,
    const char *path)
{
	struct clout_knockout	 k;
	struct clout_column	 columns[8];
	struct clout_table	 table;
	igraph_vector_int_t	 sector_changes, camp_changes, rows;
	igraph_integer_t	 v;
	int			 ncol = 0, status = CLOUT_EXIT_OK;

	if (clout_knockout_init(&k) != IGRAPH_SUCCESS)
		return cli_error("%s", cli_reason());
	if (clout_knockout_compute(net, &k) != IGRAPH_SUCCESS) {
		clout_knockout_destroy(&k);
		return cli_error("cannot knock out the actors of '%s': %s", path, cli_reason());
	}
	memset(&sector_changes, 0, sizeof sector_changes);	/* igraph destroys zeroed vectors */
	memset(&camp_changes, 0, sizeof camp_changes);
	memset(&rows, 0, sizeof rows);
	if (igraph_vector_int_init(&sector_changes, 0) || igraph_vector_int_init(&camp_changes, 0) ||
	    igraph_vector_int_init(&rows, 0) || cli_nullable(&k.sector_changes, &sector_changes) ||
	    cli_nullable(&k.camp_changes, &camp_changes)) {
		status = cli_error("out of memory");
		goto out;
	}
	for (v = 0; v < clout_network_vcount(net); v++)
		if (VECTOR(net->type)[v] == CLOUT_VERTEX_ACTOR &&
		    igraph_vector_int_push_back(&rows, v) != IGRAPH_SUCCESS) {
			status = cli_error("out of memory");
			goto out;
		}
	if (!k.sectors_computed)
		fprintf(stderr, "clout: whatif: sector_changes left empty: one MICMAC per actor is "
		    "too slow above %d vertices\n", CLOUT_KNOCKOUT_DETAIL_LIMIT);
	if (!k.camps_computed)
		fprintf(stderr, "clout: whatif: camp_changes left empty: %s\n",
		    !k.sectors_computed ? "one split per actor is too slow there too" :
		    "the split of the whole case needed too many search nodes to repeat for "
		    "every actor (see clout blocs)");
	/* most damage first, ties by id */
	clout_rank_sort(net, &k.damage_power, &rows);
	/* the stable names: damage_power and reach_lost */
	columns[ncol++] = (struct clout_column){ .name = "id", .kind = CLOUT_COLUMN_TEXT, .text = &net->id };
	columns[ncol++] = (struct clout_column){ .name = "label", .kind = CLOUT_COLUMN_TEXT, .text = &net->label };
	columns[ncol++] = (struct clout_column){ .name = "kind", .kind = CLOUT_COLUMN_TEXT, .text = &net->kind };
	columns[ncol++] = (struct clout_column){ .name = "damage_power", .kind = CLOUT_COLUMN_REAL,
	    .reals = &k.damage_power };
	columns[ncol++] = (struct clout_column){ .name = "reach_lost", .kind = CLOUT_COLUMN_INT,
	    .integers = &k.reach_lost };
	columns[ncol++] = (struct clout_column){ .name = "sector_changes", .kind = CLOUT_COLUMN_INT,
	    .integers = &sector_changes };
	columns[ncol++] = (struct clout_column){ .name = "camp_changes", .kind = CLOUT_COLUMN_INT,
	    .integers = &camp_changes };
	table.columns = columns;
	table.ncolumns = ncol;
	table.rows = &rows;
	if (clout_table_write(out, &table, opts->format) != IGRAPH_SUCCESS)
		status = cli_error("cannot write the table: %s", cli_reason());
out:
	igraph_vector_int_destroy(&rows);
	igraph_vector_int_destroy(&camp_changes);
	igraph_vector_int_destroy(&sector_changes);
	clout_knockout_destroy(&k);
	return status;
}

static int
cmd_whatif_exec(int argc, char **argv)
{
	struct whatif_opts	opts;
	struct clout_network	net;
	struct cli_output	output;
	int			status;

	memset(&opts, 0, sizeof opts);
	if ((status = parse_options(&opts, argc, argv)) != CLOUT_EXIT_OK) {
		free(opts.changes);
		return status < 0 ? CLOUT_EXIT_OK : status;
	}
	if ((status = cli_open_case(argv[optind], &net)) != CLOUT_EXIT_OK) {
		free(opts.changes);
		return status;
	}
	if ((status = cli_output_open(&output, opts.output)) != CLOUT_EXIT_OK)
		goto out;
	status = opts.each ? run_each(output.fp, &net, &opts, argv[optind]) :
	    run_scenario(output.fp, &net, &opts, argv[optind]);
	status = cli_output_finish(&output, status);
out:
	clout_network_destroy(&net);
	free(opts.changes);
	return status;
}
