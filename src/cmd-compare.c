/* cmd-compare.c: one case against another, aligned by id, label or role. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"

static int	cmd_compare_exec(int, char **);

const struct cmd_entry cmd_compare_entry = {
	.name = "compare",
	.usage = "compare [--align id|label|role] [--permutations N] [--seed N] [--top N]\n"
	    "              [--max-matrix N] [-f FORMAT] [-o FILE] CASE_A CASE_B",
	.summary = "compare two cases: shared and missing actors and ties, QAP, rank correlations",
	.help =
	    "Options:\n"
	    "      --align BY        match vertices by id, label or role (default: role when\n"
	    "                        both cases have roles, else id)\n"
	    "      --permutations N  QAP permutations (default: 2000)\n"
	    "      --seed N          seed of the permutations (default: 42)\n"
	    "      --top N           how many of the biggest rank movers to list (default: 5)\n"
	    "      --max-matrix N    refuse cases of more than N vertices together (default:\n"
	    "                        5000; the weight matrices take 8 N^2 bytes each)\n"
	    "  -f, --format FORMAT   table, csv, tsv, json or md (default: table)\n"
	    "  -o, --output FILE     write to FILE; a name ending in .svg, .png, .pdf, .dot\n"
	    "                        or .json draws the diff map instead (an explicit\n"
	    "                        --format writes the report)\n"
	    "  -h, --help            show this help\n"
	    "\n"
	    "Under role alignment the vertices sharing a role merge (weights summed),\n"
	    "relations between two vertices of one role and vertices without a role\n"
	    "are left out; the report counts both. Edge Jaccard counts ordered pairs\n"
	    "with a relation; weighted Jaccard is sum min / sum max of |signed sums|;\n"
	    "QAP r is Pearson over the off-diagonal cells of the signed weight\n"
	    "matrices, its p-value from joint row and column permutations. Spearman\n"
	    "and Kendall tau-b compare each `clout rank` metric over the shared\n"
	    "vertices of the aligned networks.\n",
	.exec = cmd_compare_exec,
};

enum { OPT_ALIGN = 256, OPT_PERMUTATIONS, OPT_SEED, OPT_TOP, OPT_MAX_MATRIX };

/* A million permutations pin a p-value to about 0.001 of itself; more only burns time. */
#define MAX_PERMUTATIONS	1000000

struct compare_opts {
	int			 align;		/* -1: the default */
	igraph_integer_t	 permutations;
	igraph_uint_t		 seed;
	igraph_integer_t	 top;
	enum clout_format	 format;
	int			 format_given;
	const char		*output;
	long			 max_matrix;	/* --max-matrix, 0: the default */
};

static int
parse_options(struct compare_opts *opts, int argc, char **argv)
{
	static const struct option options[] = {
		{ "align", required_argument, NULL, OPT_ALIGN },
		{ "permutations", required_argument, NULL, OPT_PERMUTATIONS },
		{ "seed", required_argument, NULL, OPT_SEED },
		{ "top", required_argument, NULL, OPT_TOP },
		{ "max-matrix", required_argument, NULL, OPT_MAX_MATRIX },
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	int	ch, status;
	long	count;

	opts->align = -1;
	opts->permutations = 2000;
	opts->seed = 42;
	opts->top = 5;
	opts->format = CLOUT_FORMAT_TABLE;
	opterr = 0;
	while ((ch = getopt_long(argc, argv, ":f:ho:", options, NULL)) != -1) {
		switch (ch) {
		case OPT_ALIGN:
			if ((opts->align = clout_align_find(optarg)) < 0)
				return cli_usage_error(&cmd_compare_entry,
				    "unknown alignment '%s' (id, label or role)", optarg);
			break;
		case OPT_MAX_MATRIX:
			if ((opts->max_matrix = cli_limit_option(&cmd_compare_entry, "--max-matrix",
			    optarg)) < 0)
				return CLOUT_EXIT_USAGE;
			break;
		case OPT_PERMUTATIONS:
		case OPT_SEED:
		case OPT_TOP:
			if ((count = cli_count(optarg)) < 0 ||
			    (ch == OPT_PERMUTATIONS && count > MAX_PERMUTATIONS))
				return cli_usage_error(&cmd_compare_entry,
				    "%s needs a whole number from 0%s, not '%s'",
				    ch == OPT_PERMUTATIONS ? "--permutations" : ch == OPT_SEED ?
				    "--seed" : "--top", ch == OPT_PERMUTATIONS ? " to 1000000" : "", optarg);
			if (ch == OPT_PERMUTATIONS)
				opts->permutations = count;
			else if (ch == OPT_SEED)
				opts->seed = (igraph_uint_t)count;
			else
				opts->top = count;
			break;
		case 'f':
			if ((status = cli_format_option(&cmd_compare_entry, optarg, &opts->format)) !=
			    CLOUT_EXIT_OK)
				return status;
			opts->format_given = 1;
			break;
		case 'h':
			cli_help(stdout, &cmd_compare_entry);
			return -1;
		case 'o':
			opts->output = optarg;
			break;
		default:
			return cli_bad_option(&cmd_compare_entry, argv, ch);
		}
	}
	if (argc - optind != 2)
		return cli_usage_error(&cmd_compare_entry, argc - optind < 2 ?
		    "give two cases, CASE_A and CASE_B" : "expected two cases, got %d arguments",
		    argc - optind);
	return CLOUT_EXIT_OK;
}

/* Everything the report says, computed once for every format. */
struct report {
	const char		*a, *b;		/* the cases' names */
	const struct clout_network *net_a, *net_b;
	struct clout_aligned	 al;
	igraph_bool_t		 directed;
	struct clout_diff	 diff;
	double			 qap_r, qap_p;
	struct clout_profile	 pa, pb;
	double			 triad_distance, out_ks, in_ks;
	/* per metric: shared vertices, Spearman, Kendall tau-b */
	igraph_integer_t	 shared[CLOUT_METRIC_COUNT];
	double			 spearman[CLOUT_METRIC_COUNT], kendall[CLOUT_METRIC_COUNT];
	/* power ranks among the shared names (0: not shared), for the movers */
	igraph_vector_int_t	 rank_a, rank_b;
};

/* The index of a name among the aligned names (sorted in byte order), or -1. */
static igraph_integer_t
name_index(const struct clout_aligned *al, const char *name)
{
	igraph_integer_t	lo = 0, hi = igraph_strvector_size(&al->names) - 1, mid;
	int			c;

	while (lo <= hi) {
		mid = lo + (hi - lo) / 2;
		if ((c = strcmp(igraph_strvector_get(&al->names, mid), name)) == 0)
			return mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return -1;
}

/* Spearman and Kendall of every metric over the names both aligned networks have. */
static igraph_error_t
rank_correlations(struct report *rp)
{
	struct clout_network	na, nb;
	struct clout_scores	sa, sb;
	igraph_vector_t		x, y;
	igraph_vector_int_t	order;
	igraph_integer_t	i, k, n = igraph_strvector_size(&rp->al.names), va, vb;
	int			m;

	IGRAPH_CHECK(clout_network_init(&na));
	IGRAPH_FINALLY(clout_network_destroy, &na);
	IGRAPH_CHECK(clout_network_init(&nb));
	IGRAPH_FINALLY(clout_network_destroy, &nb);
	IGRAPH_CHECK(clout_aligned_network(&rp->al, 0, rp->directed, &na));
	IGRAPH_CHECK(clout_aligned_network(&rp->al, 1, rp->directed, &nb));
	IGRAPH_CHECK(clout_scores_init(&sa));
	IGRAPH_FINALLY(clout_scores_destroy, &sa);
	IGRAPH_CHECK(clout_scores_init(&sb));
	IGRAPH_FINALLY(clout_scores_destroy, &sb);
	IGRAPH_CHECK(clout_rank_compute(&na, (1u << CLOUT_METRIC_COUNT) - 1, &sa));
	IGRAPH_CHECK(clout_rank_compute(&nb, (1u << CLOUT_METRIC_COUNT) - 1, &sb));
	IGRAPH_VECTOR_INIT_FINALLY(&x, 0);
	IGRAPH_VECTOR_INIT_FINALLY(&y, 0);
	IGRAPH_VECTOR_INT_INIT_FINALLY(&order, 0);
	for (m = 0; m < CLOUT_METRIC_COUNT; m++) {
		igraph_vector_clear(&x);
		igraph_vector_clear(&y);
		for (i = 0; i < n; i++) {
			const char	*name = igraph_strvector_get(&rp->al.names, i);

			va = clout_network_find(&na, name);
			vb = clout_network_find(&nb, name);
			if (va < 0 || vb < 0 || isnan(VECTOR(sa.values[m])[va]) ||
			    isnan(VECTOR(sb.values[m])[vb]))
				continue;
			IGRAPH_CHECK(igraph_vector_push_back(&x, VECTOR(sa.values[m])[va]));
			IGRAPH_CHECK(igraph_vector_push_back(&y, VECTOR(sb.values[m])[vb]));
		}
		rp->shared[m] = igraph_vector_size(&x);
		IGRAPH_CHECK(clout_spearman(&x, &y, &rp->spearman[m]));
		IGRAPH_CHECK(clout_kendall_tau_b(&x, &y, &rp->kendall[m]));
	}
	/* power ranks of the shared names on each side, for the biggest movers */
	IGRAPH_CHECK(igraph_vector_int_resize(&rp->rank_a, n));
	IGRAPH_CHECK(igraph_vector_int_resize(&rp->rank_b, n));
	igraph_vector_int_null(&rp->rank_a);
	igraph_vector_int_null(&rp->rank_b);
	for (k = 0; k < 2; k++) {
		struct clout_network	*net = k == 0 ? &na : &nb;
		struct clout_network	*other = k == 0 ? &nb : &na;
		struct clout_scores	*s = k == 0 ? &sa : &sb;
		igraph_vector_int_t	*rank = k == 0 ? &rp->rank_a : &rp->rank_b;

		igraph_vector_int_clear(&order);
		for (i = 0; i < clout_network_vcount(net); i++)
			if (clout_network_find(other, igraph_strvector_get(&net->id, i)) >= 0)
				IGRAPH_CHECK(igraph_vector_int_push_back(&order, i));
		clout_rank_sort(net, &s->values[CLOUT_METRIC_POWER], &order);
		for (i = 0; i < igraph_vector_int_size(&order); i++) {
			igraph_integer_t j = name_index(&rp->al,
			    igraph_strvector_get(&net->id, VECTOR(order)[i]));

			if (j >= 0)
				VECTOR(*rank)[j] = i + 1;
		}
	}
	igraph_vector_int_destroy(&order);
	igraph_vector_destroy(&y);
	igraph_vector_destroy(&x);
	clout_scores_destroy(&sb);
	clout_scores_destroy(&sa);
	clout_network_destroy(&nb);
	clout_network_destroy(&na);
	IGRAPH_FINALLY_CLEAN(7);
	return IGRAPH_SUCCESS;
}

static double
total_variation(const igraph_vector_t *p, const igraph_vector_t *q)
{
	igraph_integer_t	i;
	double			d = 0;

	if (igraph_vector_size(p) != igraph_vector_size(q))
		return NAN;
	for (i = 0; i < igraph_vector_size(p); i++)
		d += fabs(VECTOR(*p)[i] - VECTOR(*q)[i]);
	return d / 2;
}

static igraph_error_t
report_compute(struct report *rp, const struct clout_network *a, const struct clout_network *b,
    const struct compare_opts *opts)
{
	enum clout_align	align = opts->align >= 0 ? (enum clout_align)opts->align :
				    clout_align_default(a, b);

	rp->directed = a->directed || b->directed;
	IGRAPH_CHECK(clout_align(a, b, align, &rp->al));
	clout_diff_compute(&rp->al, rp->directed, &rp->diff);
	IGRAPH_CHECK(clout_qap(&rp->al, opts->permutations, opts->seed, &rp->qap_r, &rp->qap_p));
	IGRAPH_CHECK(rank_correlations(rp));
	IGRAPH_CHECK(clout_profile_compute(a, &rp->pa));
	IGRAPH_CHECK(clout_profile_compute(b, &rp->pb));
	rp->triad_distance = total_variation(&rp->pa.triads, &rp->pb.triads);
	IGRAPH_CHECK(clout_ks_distance(&rp->pa.out_strength, &rp->pb.out_strength, &rp->out_ks));
	IGRAPH_CHECK(clout_ks_distance(&rp->pa.in_strength, &rp->pb.in_strength, &rp->in_ks));
	return IGRAPH_SUCCESS;
}

/* ---- writing ---- */

/* The scalar figures as rows of one table: figure, a, b, value. */
struct figures {
	igraph_strvector_t	 name;
	igraph_vector_t		 a, b, value;
	igraph_vector_int_t	 rows;
};

static void
figures_destroy(struct figures *f)
{
	clout_strvector_release(&f->name);
	igraph_vector_destroy(&f->a);
	igraph_vector_destroy(&f->b);
	igraph_vector_destroy(&f->value);
	igraph_vector_int_destroy(&f->rows);
}

static igraph_error_t
figure(struct figures *f, const char *name, double a, double b, double value)
{
	IGRAPH_CHECK(igraph_vector_int_push_back(&f->rows, igraph_strvector_size(&f->name)));
	IGRAPH_CHECK(igraph_strvector_push_back(&f->name, name));
	IGRAPH_CHECK(igraph_vector_push_back(&f->a, a));
	IGRAPH_CHECK(igraph_vector_push_back(&f->b, b));
	IGRAPH_CHECK(igraph_vector_push_back(&f->value, value));
	return IGRAPH_SUCCESS;
}

static igraph_error_t
figures_fill(struct figures *f, const struct report *rp)
{
	const struct clout_aligned	*al = &rp->al;
	igraph_integer_t		 i, n = igraph_strvector_size(&al->names), va = 0, vb = 0;
	igraph_integer_t		 both = 0;
	char				 name[64];
	int				 m;

	memset(f, 0, sizeof *f);	/* igraph's destroy functions accept zeroed vectors */
	if (igraph_strvector_init(&f->name, 0) || igraph_vector_init(&f->a, 0) ||
	    igraph_vector_init(&f->b, 0) || igraph_vector_init(&f->value, 0) ||
	    igraph_vector_int_init(&f->rows, 0))
		IGRAPH_ERROR("out of memory", IGRAPH_ENOMEM);
	for (i = 0; i < n; i++) {
		va += VECTOR(al->present_a)[i];
		vb += VECTOR(al->present_b)[i];
		both += VECTOR(al->present_a)[i] && VECTOR(al->present_b)[i];
	}
	IGRAPH_CHECK(figure(f, "edge_jaccard", NAN, NAN, rp->diff.edge_jaccard));
	IGRAPH_CHECK(figure(f, "weighted_jaccard", NAN, NAN, rp->diff.weighted_jaccard));
	IGRAPH_CHECK(figure(f, "qap_r", NAN, NAN, rp->qap_r));
	IGRAPH_CHECK(figure(f, "qap_p", NAN, NAN, rp->qap_p));
	IGRAPH_CHECK(figure(f, "aligned_vertices", (double)va, (double)vb, (double)both));
	IGRAPH_CHECK(figure(f, "vertices_only_in", (double)(va - both), (double)(vb - both), NAN));
	IGRAPH_CHECK(figure(f, "edges_in_both", NAN, NAN, (double)rp->diff.both));
	IGRAPH_CHECK(figure(f, "edges_only_in", (double)rp->diff.only_a,
	    (double)rp->diff.only_b, NAN));
	IGRAPH_CHECK(figure(f, "sign_flips", NAN, NAN, (double)rp->diff.flips));
	IGRAPH_CHECK(figure(f, "merged_vertices", (double)al->merged_a, (double)al->merged_b, NAN));
	IGRAPH_CHECK(figure(f, "relations_within_one_name", (double)al->same_role_a,
	    (double)al->same_role_b, NAN));
	IGRAPH_CHECK(figure(f, "vertices_without_name", (double)al->roleless_a,
	    (double)al->roleless_b, NAN));
	IGRAPH_CHECK(figure(f, "density", rp->pa.density, rp->pb.density, NAN));
	IGRAPH_CHECK(figure(f, "reciprocity", rp->pa.reciprocity, rp->pb.reciprocity, NAN));
	IGRAPH_CHECK(figure(f, "degree_centralisation", rp->pa.centralisation,
	    rp->pb.centralisation, NAN));
	IGRAPH_CHECK(figure(f, "negative_share", rp->pa.negative_share, rp->pb.negative_share,
	    NAN));
	IGRAPH_CHECK(figure(f, "balanced_triangle_share", rp->pa.balance, rp->pb.balance, NAN));
	IGRAPH_CHECK(figure(f, "triad_census_distance", NAN, NAN, rp->triad_distance));
	IGRAPH_CHECK(figure(f, "out_strength_ks", NAN, NAN, rp->out_ks));
	IGRAPH_CHECK(figure(f, "in_strength_ks", NAN, NAN, rp->in_ks));
	for (m = 0; m < CLOUT_METRIC_COUNT; m++) {
		snprintf(name, sizeof name, "spearman_%s", clout_metric_info(m)->name);
		IGRAPH_CHECK(figure(f, name, NAN, NAN, rp->spearman[m]));
		snprintf(name, sizeof name, "kendall_%s", clout_metric_info(m)->name);
		IGRAPH_CHECK(figure(f, name, NAN, NAN, rp->kendall[m]));
	}
	return IGRAPH_SUCCESS;
}

/* The pairs of one kind as "source -> target" lines (table) or [source, target] (JSON). */
enum pair_kind { PAIRS_ONLY_A, PAIRS_ONLY_B, PAIRS_FLIPS, PAIRS_BOTH };

static int
pair_is(const struct report *rp, igraph_integer_t i, igraph_integer_t j, enum pair_kind kind)
{
	int	ha = MATRIX(rp->al.has_a, i, j), hb = MATRIX(rp->al.has_b, i, j);

	switch (kind) {
	case PAIRS_ONLY_A:
		return ha && !hb;
	case PAIRS_ONLY_B:
		return hb && !ha;
	case PAIRS_FLIPS:
		return ha && hb && MATRIX(rp->al.weight_a, i, j) * MATRIX(rp->al.weight_b, i, j) < 0;
	case PAIRS_BOTH:
		return ha && hb;
	}
	return 0;
}

static void
json_pairs(struct clout_json *json, const char *key, const struct report *rp, enum pair_kind kind)
{
	igraph_integer_t	i, j, n = igraph_strvector_size(&rp->al.names);

	clout_json_open(json, key, '[', 0);
	for (i = 0; i < n; i++)
		for (j = rp->directed ? 0 : i + 1; j < n; j++) {
			if (i == j || !pair_is(rp, i, j, kind))
				continue;
			clout_json_open(json, NULL, '[', 1);
			clout_json_string(json, NULL, igraph_strvector_get(&rp->al.names, i));
			clout_json_string(json, NULL, igraph_strvector_get(&rp->al.names, j));
			clout_json_close(json);
		}
	clout_json_close(json);
}

static void
json_names(struct clout_json *json, const char *key, const struct report *rp, int in_a, int in_b)
{
	igraph_integer_t	i, n = igraph_strvector_size(&rp->al.names);

	clout_json_open(json, key, '[', 1);
	for (i = 0; i < n; i++)
		if (VECTOR(rp->al.present_a)[i] == in_a && VECTOR(rp->al.present_b)[i] == in_b)
			clout_json_string(json, NULL, igraph_strvector_get(&rp->al.names, i));
	clout_json_close(json);
}

/* The names of the shared vertices that moved most in power rank, most first. */
static igraph_error_t
movers(const struct report *rp, igraph_integer_t top, igraph_vector_int_t *out)
{
	igraph_integer_t	i, k, n = igraph_strvector_size(&rp->al.names), best, d, bd;
	igraph_vector_bool_t	taken;

	IGRAPH_CHECK(igraph_vector_bool_init(&taken, n));
	IGRAPH_FINALLY(igraph_vector_bool_destroy, &taken);
	IGRAPH_CHECK(igraph_vector_int_resize(out, 0));
	for (k = 0; k < top; k++) {
		best = -1;
		bd = 0;
		for (i = 0; i < n; i++) {
			if (VECTOR(taken)[i] || VECTOR(rp->rank_a)[i] == 0 || VECTOR(rp->rank_b)[i] == 0)
				continue;
			d = VECTOR(rp->rank_a)[i] - VECTOR(rp->rank_b)[i];
			d = d < 0 ? -d : d;
			if (d > bd) {	/* ties: the first name in byte order */
				bd = d;
				best = i;
			}
		}
		if (best < 0)
			break;
		VECTOR(taken)[best] = 1;
		IGRAPH_CHECK(igraph_vector_int_push_back(out, best));
	}
	igraph_vector_bool_destroy(&taken);
	IGRAPH_FINALLY_CLEAN(1);
	return IGRAPH_SUCCESS;
}

/* The roles of each case that no vertex of the other has: strings borrowed from the networks. */
struct unmatched {
	igraph_strvector_t	a, b;
	int			ok;
};

static int
unmatched_init(struct unmatched *u, const struct report *rp)
{
	u->ok = 0;
	if (igraph_strvector_init(&u->a, 0) != IGRAPH_SUCCESS)
		return cli_error("out of memory");
	if (igraph_strvector_init(&u->b, 0) != IGRAPH_SUCCESS) {
		igraph_strvector_destroy(&u->a);
		return cli_error("out of memory");
	}
	u->ok = 1;
	if (clout_roles_unmatched(rp->net_a, rp->net_b, &u->a, &u->b) != IGRAPH_SUCCESS)
		return cli_error("out of memory");
	return CLOUT_EXIT_OK;
}

static void
unmatched_destroy(struct unmatched *u)
{
	if (!u->ok)
		return;
	igraph_strvector_destroy(&u->a);
	igraph_strvector_destroy(&u->b);
	u->ok = 0;
}

static void
json_strings(struct clout_json *json, const char *key, const igraph_strvector_t *sv)
{
	igraph_integer_t	i;

	clout_json_open(json, key, '[', 1);
	for (i = 0; i < igraph_strvector_size(sv); i++)
		clout_json_string(json, NULL, igraph_strvector_get(sv, i));
	clout_json_close(json);
}

static int
write_json(FILE *out, const struct report *rp, const struct compare_opts *opts)
{
	struct clout_json	json;
	struct unmatched	u;
	igraph_vector_int_t	move;
	igraph_integer_t	i;
	int			m;

	if (unmatched_init(&u, rp) != CLOUT_EXIT_OK) {
		unmatched_destroy(&u);
		return CLOUT_EXIT_FAILURE;
	}
	if (igraph_vector_int_init(&move, 0) != IGRAPH_SUCCESS ||
	    movers(rp, opts->top, &move) != IGRAPH_SUCCESS) {
		igraph_vector_int_destroy(&move);
		unmatched_destroy(&u);
		return cli_error("out of memory");
	}
	clout_json_init(&json, out);
	clout_json_open(&json, NULL, '{', 0);
	clout_json_string(&json, "case_a", rp->a);
	clout_json_string(&json, "case_b", rp->b);
	clout_json_string(&json, "align", clout_align_name(rp->al.align));
	clout_json_real(&json, "edge_jaccard", rp->diff.edge_jaccard);
	clout_json_real(&json, "weighted_jaccard", rp->diff.weighted_jaccard);
	clout_json_real(&json, "qap_r", rp->qap_r);
	clout_json_real(&json, "qap_p", rp->qap_p);
	clout_json_int(&json, "permutations", opts->permutations);
	clout_json_int(&json, "seed", (igraph_integer_t)opts->seed);
	json_pairs(&json, "only_in_a", rp, PAIRS_ONLY_A);
	json_pairs(&json, "only_in_b", rp, PAIRS_ONLY_B);
	json_pairs(&json, "sign_flips", rp, PAIRS_FLIPS);
	json_pairs(&json, "in_both", rp, PAIRS_BOTH);
	clout_json_open(&json, "vertices", '{', 0);
	json_names(&json, "only_in_a", rp, 1, 0);
	json_names(&json, "only_in_b", rp, 0, 1);
	json_names(&json, "in_both", rp, 1, 1);
	clout_json_close(&json);
	clout_json_open(&json, "unmatched_roles", '{', 0);
	json_strings(&json, "a", &u.a);
	json_strings(&json, "b", &u.b);
	clout_json_close(&json);
	clout_json_open(&json, "alignment", '{', 0);
	clout_json_int(&json, "merged_a", rp->al.merged_a);
	clout_json_int(&json, "merged_b", rp->al.merged_b);
	clout_json_int(&json, "relations_within_one_name_a", rp->al.same_role_a);
	clout_json_int(&json, "relations_within_one_name_b", rp->al.same_role_b);
	clout_json_int(&json, "vertices_without_name_a", rp->al.roleless_a);
	clout_json_int(&json, "vertices_without_name_b", rp->al.roleless_b);
	clout_json_close(&json);
	clout_json_open(&json, "rank_correlations", '{', 0);
	for (m = 0; m < CLOUT_METRIC_COUNT; m++) {
		clout_json_open(&json, clout_metric_info(m)->name, '{', 1);
		clout_json_int(&json, "shared", rp->shared[m]);
		clout_json_real(&json, "spearman", rp->spearman[m]);
		clout_json_real(&json, "kendall_tau_b", rp->kendall[m]);
		clout_json_close(&json);
	}
	clout_json_close(&json);
	clout_json_open(&json, "power_movers", '[', 0);
	for (i = 0; i < igraph_vector_int_size(&move); i++) {
		igraph_integer_t	k = VECTOR(move)[i];

		clout_json_open(&json, NULL, '{', 1);
		clout_json_string(&json, "name", igraph_strvector_get(&rp->al.names, k));
		clout_json_int(&json, "rank_a", VECTOR(rp->rank_a)[k]);
		clout_json_int(&json, "rank_b", VECTOR(rp->rank_b)[k]);
		clout_json_close(&json);
	}
	clout_json_close(&json);
	for (m = 0; m < 2; m++) {
		const struct clout_profile	*p = m == 0 ? &rp->pa : &rp->pb;

		clout_json_open(&json, m == 0 ? "profile_a" : "profile_b", '{', 0);
		clout_json_real(&json, "density", p->density);
		clout_json_real(&json, "reciprocity", p->reciprocity);
		clout_json_real(&json, "degree_centralisation", p->centralisation);
		clout_json_real(&json, "negative_share", p->negative_share);
		clout_json_real(&json, "balanced_triangle_share", p->balance);
		clout_json_open(&json, "triad_census", '[', 1);
		for (i = 0; i < igraph_vector_size(&p->triads); i++)
			clout_json_real(&json, NULL, VECTOR(p->triads)[i]);
		clout_json_close(&json);
		clout_json_close(&json);
	}
	clout_json_real(&json, "triad_census_distance", rp->triad_distance);
	clout_json_real(&json, "out_strength_ks", rp->out_ks);
	clout_json_real(&json, "in_strength_ks", rp->in_ks);
	clout_json_close(&json);
	igraph_vector_int_destroy(&move);
	unmatched_destroy(&u);
	return ferror(out) ? cli_error("cannot write the report: %s", strerror(errno)) : CLOUT_EXIT_OK;
}

static void
put_pairs(FILE *out, const char *title, const struct report *rp, enum pair_kind kind, int md)
{
	igraph_integer_t	i, j, n = igraph_strvector_size(&rp->al.names), count = 0;

	for (i = 0; i < n; i++)
		for (j = rp->directed ? 0 : i + 1; j < n; j++) {
			if (i == j || !pair_is(rp, i, j, kind))
				continue;
			if (count++ == 0)
				fprintf(out, "\n%s%s\n%s", md ? "### " : "", title, md ? "\n" : "");
			fprintf(out, "%s%s %s %s\n", md ? "- " : "  ",
			    igraph_strvector_get(&rp->al.names, i), rp->directed ? "->" : "--",
			    igraph_strvector_get(&rp->al.names, j));
		}
}

static void
put_role_list(FILE *out, const char *name, const igraph_strvector_t *sv, int md)
{
	igraph_integer_t	i;

	if (igraph_strvector_size(sv) == 0)
		return;
	fprintf(out, "%sonly in %s: ", md ? "- " : "  ", name);
	for (i = 0; i < igraph_strvector_size(sv); i++)
		fprintf(out, "%s%s", i > 0 ? ", " : "", igraph_strvector_get(sv, i));
	fputc('\n', out);
}

/* The roles that found no partner, when there are any. */
static int
put_unmatched(FILE *out, const struct report *rp, int md)
{
	struct unmatched	u;
	int			status;

	if ((status = unmatched_init(&u, rp)) == CLOUT_EXIT_OK &&
	    igraph_strvector_size(&u.a) + igraph_strvector_size(&u.b) > 0) {
		fprintf(out, "\n%sRoles without a partner\n%s", md ? "### " : "", md ? "\n" : "");
		put_role_list(out, rp->a, &u.a, md);
		put_role_list(out, rp->b, &u.b, md);
	}
	unmatched_destroy(&u);
	if (status != CLOUT_EXIT_OK)
		return status;
	return ferror(out) ? cli_error("cannot write the report: %s", strerror(errno)) : CLOUT_EXIT_OK;
}

static int
write_table(FILE *out, const struct report *rp, const struct compare_opts *opts)
{
	struct clout_column	 columns[4];
	struct clout_table	 table;
	struct figures		 f;
	igraph_vector_int_t	 move;
	igraph_integer_t	 i;
	int			 status = CLOUT_EXIT_OK, text, md = opts->format == CLOUT_FORMAT_MD;
	char			 title[512];

	text = opts->format == CLOUT_FORMAT_TABLE || md;
	if (figures_fill(&f, rp) != IGRAPH_SUCCESS) {
		figures_destroy(&f);
		return cli_error("out of memory");
	}
	columns[0] = (struct clout_column){ .name = "figure", .kind = CLOUT_COLUMN_TEXT, .code = 1, .text = &f.name };
	columns[1] = (struct clout_column){ .name = "a", .kind = CLOUT_COLUMN_REAL, .reals = &f.a };
	columns[2] = (struct clout_column){ .name = "b", .kind = CLOUT_COLUMN_REAL, .reals = &f.b };
	columns[3] = (struct clout_column){ .name = "value", .kind = CLOUT_COLUMN_REAL, .reals = &f.value };
	table.columns = columns;
	table.ncolumns = 4;
	table.rows = &f.rows;
	if (text) {
		snprintf(title, sizeof title, "%s%s (a) and %s (b), aligned by %s; QAP p from %"
		    IGRAPH_PRId " permutations, seed %lu\n\n", md ? "## " : "", rp->a, rp->b,
		    clout_align_name(rp->al.align), opts->permutations,
		    (unsigned long)opts->seed);
		fputs(title, out);
	}
	if (clout_table_write(out, &table, opts->format) != IGRAPH_SUCCESS)
		status = cli_error("cannot write the report: %s", cli_reason());
	figures_destroy(&f);
	if (!text || status != CLOUT_EXIT_OK)
		return status;

	if (igraph_vector_int_init(&move, 0) == IGRAPH_SUCCESS &&
	    movers(rp, opts->top, &move) == IGRAPH_SUCCESS && igraph_vector_int_size(&move) > 0) {
		fprintf(out, "\n%sBiggest movers in power rank (among the shared vertices)\n%s",
		    md ? "### " : "", md ? "\n" : "");
		for (i = 0; i < igraph_vector_int_size(&move); i++) {
			igraph_integer_t	k = VECTOR(move)[i];

			fprintf(out, "%s%s: %" IGRAPH_PRId " in %s, %" IGRAPH_PRId " in %s\n",
			    md ? "- " : "  ", igraph_strvector_get(&rp->al.names, k),
			    VECTOR(rp->rank_a)[k], rp->a, VECTOR(rp->rank_b)[k], rp->b);
		}
	}
	igraph_vector_int_destroy(&move);
	snprintf(title, sizeof title, "Relations only in %s", rp->a);
	put_pairs(out, title, rp, PAIRS_ONLY_A, md);
	snprintf(title, sizeof title, "Relations only in %s", rp->b);
	put_pairs(out, title, rp, PAIRS_ONLY_B, md);
	put_pairs(out, "Relations whose sign flips", rp, PAIRS_FLIPS, md);
	return put_unmatched(out, rp, md);
}

static int
cmd_compare_exec(int argc, char **argv)
{
	struct compare_opts	opts;
	struct clout_network	a, b;
	struct cli_output	output;
	struct report		rp;
	struct clout_drawing	drawing;
	int			status;

	memset(&opts, 0, sizeof opts);
	if ((status = parse_options(&opts, argc, argv)) != CLOUT_EXIT_OK)
		return status < 0 ? CLOUT_EXIT_OK : status;
	if ((status = cli_open_case(argv[optind], &a)) != CLOUT_EXIT_OK)
		return status;
	if ((status = cli_open_case(argv[optind + 1], &b)) != CLOUT_EXIT_OK) {
		clout_network_destroy(&a);
		return status;
	}
	/* the aligned network has at most the vertices of both */
	if ((status = cli_matrix_fits("comparing them", clout_network_vcount(&a) +
	    clout_network_vcount(&b), opts.max_matrix)) != CLOUT_EXIT_OK) {
		clout_network_destroy(&a);
		clout_network_destroy(&b);
		return status;
	}
	memset(&rp, 0, sizeof rp);
	rp.a = a.name != NULL ? a.name : argv[optind];
	rp.b = b.name != NULL ? b.name : argv[optind + 1];
	rp.net_a = &a;
	rp.net_b = &b;
	status = CLOUT_EXIT_FAILURE;
	if (clout_aligned_init(&rp.al) != IGRAPH_SUCCESS || clout_profile_init(&rp.pa) ||
	    clout_profile_init(&rp.pb) || igraph_vector_int_init(&rp.rank_a, 0) ||
	    igraph_vector_int_init(&rp.rank_b, 0)) {
		cli_error("out of memory");
		goto out;
	}
	if (report_compute(&rp, &a, &b, &opts) != IGRAPH_SUCCESS) {
		cli_error("cannot compare '%s' and '%s': %s", argv[optind], argv[optind + 1],
		    cli_reason());
		goto out;
	}
	if (cli_wants_picture(opts.output, opts.format_given)) {
		clout_drawing_init(&drawing);
		if (clout_compare_drawing(&rp.al, rp.a, rp.b, rp.directed, &drawing) == IGRAPH_SUCCESS)
			status = cli_draw(&drawing, clout_image_from_path(opts.output), opts.output,
			    argv[optind]);
		else
			cli_error("cannot draw the diff map: %s", cli_reason());
		clout_drawing_destroy(&drawing);
		goto out;
	}
	if (cli_output_open(&output, opts.output) != CLOUT_EXIT_OK)
		goto out;
	status = opts.format == CLOUT_FORMAT_JSON ? write_json(output.fp, &rp, &opts) :
	    write_table(output.fp, &rp, &opts);
	status = cli_output_finish(&output, status);
out:
	igraph_vector_int_destroy(&rp.rank_b);
	igraph_vector_int_destroy(&rp.rank_a);
	clout_profile_destroy(&rp.pb);
	clout_profile_destroy(&rp.pa);
	clout_aligned_destroy(&rp.al);
	clout_network_destroy(&b);
	clout_network_destroy(&a);
	return status;
}
