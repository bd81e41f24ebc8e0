/* cmd-import.c: an edge list, two-mode table or roll-call matrix into a case folder. */
#define _POSIX_C_SOURCE 200809L
#include <sys/stat.h>

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cmd.h"

static int	cmd_import_exec(int, char **);

const struct cmd_entry cmd_import_entry = {
	.name = "import",
	.usage = "import --source COL --target COL [options] FILE -o CASE_DIR\n"
	    "       clout import --two-mode --actor COL --event COL [options] FILE -o CASE_DIR\n"
	    "       clout import --vote-matrix [options] FILE -o CASE_DIR",
	.summary = "turn an edge list, two-mode table or vote matrix into a case",
	.help =
	    "Columns (COL: a header name, or a 1-based number):\n"
	    "      --source COL        who acts (one relation per row: source -> target)\n"
	    "      --target COL        on whom\n"
	    "      --weight COL        intensity (default 1); a negative weight turns the sign\n"
	    "      --sign COL|-|+      a sign column (+, -, 1, -1), or one sign for all\n"
	    "      --evidence COL      evidence text (default: the file and its lines)\n"
	    "      --confidence COL    confidence, 0 to 1\n"
	    "      --nodes FILE        a node table: ids, labels, attributes; isolates kept\n"
	    "      --node-id COL       its id column (matches the source and target cells)\n"
	    "      --node-label COL    its label column (default: the id)\n"
	    "      --node-attr COL     a column copied to actors.csv (repeatable)\n"
	    "      --nodes-no-header   the node table has no header row: columns are numbered\n"
	    "Two-mode data:\n"
	    "      --two-mode          rows are actor x event memberships: actors sharing an\n"
	    "                          event are tied, weight = number of shared events\n"
	    "      --actor COL, --event COL\n"
	    "      --weighting newman  weight = sum over shared events of 1/(n_e - 1)\n"
	    "      --vote-matrix       states as columns, votes as rows (Y, N, A, X): weight =\n"
	    "                          mean agreement over the votes where neither is X (same\n"
	    "                          vote 1, one abstains 0.5, yes against no 0)\n"
	    "Parsing:\n"
	    "      --no-header         FILE has no header row: columns are numbered (the node\n"
	    "                          table has its own, --nodes-no-header)\n"
	    "      --delimiter C       a character, 'tab', or 'whitespace' (runs of blanks);\n"
	    "                          default ',' (tab for .tsv, and .txt holding tabs)\n"
	    "      --skip N            N preamble lines before the header (default: the\n"
	    "                          header is the first row holding the named columns)\n"
	    "      --encoding E        utf-8 (default), latin1 or cp1252\n"
	    "      --na VALUE          a missing-value code (repeatable; empty cells always)\n"
	    "Rows, in this order:\n"
	    "      --where 'COL OP V'  keep rows where it holds (OP: = != < <= > >=; numbers\n"
	    "                          compare as numbers); repeatable (AND); '|' inside one\n"
	    "                          --where separates alternatives (OR)\n"
	    "      --split COL=SEP     one relation per value of a multi-valued cell\n"
	    "      --known NAME        a name holding SEP that must not be split (repeatable)\n"
	    "      --keep-names FILE   such names, one a line\n"
	    "      --merge HOW         parallel relations: sum (default), count, max, mean, first\n"
	    "      --undirected        a -> b and b -> a are one relation\n"
	    "      --strict            a skipped row is an error: exit 1, nothing written\n"
	    "Output:\n"
	    "  -o, --output DIR        the case folder to write (actors.csv, relations.csv,\n"
	    "                          case.csv); written whole or not at all\n"
	    "      --force             replace DIR if it exists\n"
	    "  -q, --quiet             print only errors and the skipped rows\n"
	    "      --max-relations N   refuse a two-mode or vote projection of more than N\n"
	    "                          relations (default: 1000000)\n"
	    "  -h, --help              show this help\n"
	    "\n"
	    "Actor ids are the names as found, trimmed (also of non-breaking spaces).\n"
	    "Standard error says what was read, skipped and why, and merged. Rows\n"
	    "skipped for a missing or unreadable value, self-loops and node rows\n"
	    "without an id are listed as FILE:LINE:COL: skipped: why (the first 10,\n"
	    "then how many more), also with --quiet; --where's rows are not.\n",
	.exec = cmd_import_exec,
};

enum {
	OPT_SOURCE = 256, OPT_TARGET, OPT_WEIGHT, OPT_SIGN, OPT_EVIDENCE, OPT_CONFIDENCE,
	OPT_NODES, OPT_NODE_ID, OPT_NODE_LABEL, OPT_NODE_ATTR, OPT_TWO_MODE, OPT_ACTOR,
	OPT_EVENT, OPT_WEIGHTING, OPT_VOTES, OPT_NO_HEADER, OPT_DELIMITER, OPT_SKIP,
	OPT_ENCODING, OPT_NA, OPT_WHERE, OPT_SPLIT, OPT_KNOWN, OPT_KEEP_NAMES, OPT_MERGE,
	OPT_UNDIRECTED, OPT_FORCE,
	OPT_NODES_NO_HEADER, OPT_STRICT, OPT_MAX_RELATIONS
};

/* Lists of repeatable option values point into argv. */
struct list {
	const char	**items;
	int		  n;
};

static int
list_add(struct list *l, const char *item)
{
	const char	**grown = realloc(l->items, (size_t)(l->n + 1) * sizeof *grown);

	if (grown == NULL)
		return -1;
	l->items = grown;
	l->items[l->n++] = item;
	return 0;
}

struct import_cli {
	struct clout_import_options	 o;
	struct list			 na, where, split, known, attr;
	const char			*output;
	int				 force;
	int				 quiet;
};

static void
cli_free(struct import_cli *cli)
{
	free(cli->na.items);
	free(cli->where.items);
	free(cli->split.items);
	free(cli->known.items);
	free(cli->attr.items);
	free((char *)cli->o.command);
}

static int
parse_options(struct import_cli *cli, int argc, char **argv)
{
	static const struct option options[] = {
		{ "source", required_argument, NULL, OPT_SOURCE },
		{ "target", required_argument, NULL, OPT_TARGET },
		{ "weight", required_argument, NULL, OPT_WEIGHT },
		{ "sign", required_argument, NULL, OPT_SIGN },
		{ "evidence", required_argument, NULL, OPT_EVIDENCE },
		{ "confidence", required_argument, NULL, OPT_CONFIDENCE },
		{ "nodes", required_argument, NULL, OPT_NODES },
		{ "node-id", required_argument, NULL, OPT_NODE_ID },
		{ "node-label", required_argument, NULL, OPT_NODE_LABEL },
		{ "node-attr", required_argument, NULL, OPT_NODE_ATTR },
		{ "two-mode", no_argument, NULL, OPT_TWO_MODE },
		{ "actor", required_argument, NULL, OPT_ACTOR },
		{ "event", required_argument, NULL, OPT_EVENT },
		{ "weighting", required_argument, NULL, OPT_WEIGHTING },
		{ "vote-matrix", no_argument, NULL, OPT_VOTES },
		{ "no-header", no_argument, NULL, OPT_NO_HEADER },
		{ "delimiter", required_argument, NULL, OPT_DELIMITER },
		{ "skip", required_argument, NULL, OPT_SKIP },
		{ "encoding", required_argument, NULL, OPT_ENCODING },
		{ "na", required_argument, NULL, OPT_NA },
		{ "where", required_argument, NULL, OPT_WHERE },
		{ "split", required_argument, NULL, OPT_SPLIT },
		{ "known", required_argument, NULL, OPT_KNOWN },
		{ "keep-names", required_argument, NULL, OPT_KEEP_NAMES },
		{ "merge", required_argument, NULL, OPT_MERGE },
		{ "undirected", no_argument, NULL, OPT_UNDIRECTED },
		{ "output", required_argument, NULL, 'o' },
		{ "force", no_argument, NULL, OPT_FORCE },
		{ "max-relations", required_argument, NULL, OPT_MAX_RELATIONS },
		{ "help", no_argument, NULL, 'h' },
		{ "nodes-no-header", no_argument, NULL, OPT_NODES_NO_HEADER },
		{ "strict", no_argument, NULL, OPT_STRICT },
		{ "quiet", no_argument, NULL, 'q' },
		{ NULL, 0, NULL, 0 }
	};
	const struct cmd_entry	*e = &cmd_import_entry;
	struct clout_import_options *o = &cli->o;
	struct stat		 st;
	int			 ch, bad = 0, i;

	o->skip = -1;
	opterr = 0;
	while ((ch = getopt_long(argc, argv, ":ho:q", options, NULL)) != -1) {
		switch (ch) {
		case OPT_SOURCE: o->source = optarg; break;
		case OPT_TARGET: o->target = optarg; break;
		case OPT_WEIGHT: o->weight = optarg; break;
		case OPT_SIGN:
			if (strcmp(optarg, "-") == 0 || strcmp(optarg, "+") == 0)
				o->sign_constant = optarg[0] == '-' ? -1 : 1;
			else
				o->sign = optarg;
			break;
		case OPT_EVIDENCE: o->evidence = optarg; break;
		case OPT_CONFIDENCE: o->confidence = optarg; break;
		case OPT_NODES: o->nodes = optarg; break;
		case OPT_NODE_ID: o->node_id = optarg; break;
		case OPT_NODE_LABEL: o->node_label = optarg; break;
		case OPT_NODE_ATTR: bad |= list_add(&cli->attr, optarg); break;
		case OPT_TWO_MODE: o->mode = CLOUT_IMPORT_TWO_MODE; break;
		case OPT_ACTOR: o->actor = optarg; break;
		case OPT_EVENT: o->event = optarg; break;
		case OPT_WEIGHTING:
			if (strcmp(optarg, "newman") == 0)
				o->newman = 1;
			else if (strcmp(optarg, "count") != 0)
				return cli_usage_error(e, "--weighting is 'count' or 'newman', not '%s'", optarg);
			break;
		case OPT_VOTES: o->mode = CLOUT_IMPORT_VOTES; break;
		case OPT_NO_HEADER: o->no_header = 1; break;
		case OPT_NODES_NO_HEADER: o->nodes_no_header = 1; break;
		case OPT_STRICT: o->strict = 1; break;
		case 'q': cli->quiet = 1; break;
		case OPT_DELIMITER:
			if (strcmp(optarg, "whitespace") == 0)
				o->whitespace = 1;
			else if (strcmp(optarg, "tab") == 0 || strcmp(optarg, "\\t") == 0)
				o->delimiter = '\t';
			else if (strlen(optarg) == 1 && optarg[0] != '"' && optarg[0] != '\n' &&
			    optarg[0] != '\r')
				o->delimiter = optarg[0];
			else
				return cli_usage_error(e, "--delimiter is one character, 'tab' or 'whitespace', not '%s'", optarg);
			break;
		case OPT_SKIP:
			if ((o->skip = cli_count(optarg)) < 0)
				return cli_usage_error(e, "--skip needs a count of lines, not '%s'", optarg);
			break;
		case OPT_ENCODING:
			if (!strcasecmp(optarg, "utf-8") || !strcasecmp(optarg, "utf8"))
				o->encoding = CLOUT_ENCODING_UTF8;
			else if (!strcasecmp(optarg, "latin1") ||
			    !strcasecmp(optarg, "latin-1") ||
			    !strcasecmp(optarg, "iso-8859-1"))
				o->encoding = CLOUT_ENCODING_LATIN1;
			else if (!strcasecmp(optarg, "cp1252") ||
			    !strcasecmp(optarg, "windows-1252"))
				o->encoding = CLOUT_ENCODING_CP1252;
			else
				return cli_usage_error(e, "--encoding is utf-8, latin1 or cp1252, not '%s'", optarg);
			break;
		case OPT_NA: bad |= list_add(&cli->na, optarg); break;
		case OPT_WHERE: bad |= list_add(&cli->where, optarg); break;
		case OPT_SPLIT: bad |= list_add(&cli->split, optarg); break;
		case OPT_KNOWN: bad |= list_add(&cli->known, optarg); break;
		case OPT_KEEP_NAMES: o->keep_names = optarg; break;
		case OPT_MERGE:
			if (strcmp(optarg, "sum") == 0)
				o->merge = CLOUT_MERGE_SUM;
			else if (strcmp(optarg, "count") == 0)
				o->merge = CLOUT_MERGE_COUNT;
			else if (strcmp(optarg, "max") == 0)
				o->merge = CLOUT_MERGE_MAX;
			else if (strcmp(optarg, "mean") == 0)
				o->merge = CLOUT_MERGE_MEAN;
			else if (strcmp(optarg, "first") == 0)
				o->merge = CLOUT_MERGE_FIRST;
			else
				return cli_usage_error(e, "--merge is sum, count, max, mean or first, not '%s'", optarg);
			break;
		case OPT_UNDIRECTED: o->undirected = 1; break;
		case OPT_FORCE: cli->force = 1; break;
		case OPT_MAX_RELATIONS:
			if ((o->max_relations = cli_limit_option(e, "--max-relations", optarg)) < 0)
				return CLOUT_EXIT_USAGE;
			break;
		case 'o': cli->output = optarg; break;
		case 'h':
			cli_help(stdout, e);
			return -1;
		default:
			return cli_bad_option(e, argv, ch);
		}
		if (bad)
			return cli_error("out of memory");
	}
	if (argc - optind != 1)
		return cli_usage_error(e, argc - optind == 0 ? "which FILE to import?" :
		    "one FILE at a time (got %d)", argc - optind);
	o->path = argv[optind];
	if (cli->output == NULL || cli->output[0] == '\0')
		return cli_usage_error(e, "where to? give -o CASE_DIR");
	if (o->keep_names != NULL && stat(o->keep_names, &st) == 0 && S_ISDIR(st.st_mode))
		return cli_usage_error(e, "--keep-names takes a file of names, and '%s' is a folder",
		    o->keep_names);
	if (o->mode == CLOUT_IMPORT_EDGES) {
		if (o->source == NULL || o->target == NULL)
			return cli_usage_error(e, "--source and --target are needed (or --two-mode, --vote-matrix)");
		if (o->actor != NULL || o->event != NULL)
			return cli_usage_error(e, "--actor and --event go with --two-mode");
	} else {
		if (o->source || o->target || o->weight || o->sign || o->sign_constant ||
		    o->evidence || o->confidence || o->nodes)
			return cli_usage_error(e, "--source, --target, --weight, --sign, --evidence, "
			    "--confidence and --nodes are for edge lists");
		if (o->mode == CLOUT_IMPORT_TWO_MODE && (o->actor == NULL || o->event == NULL))
			return cli_usage_error(e, "--two-mode needs --actor and --event");
		if (o->mode == CLOUT_IMPORT_VOTES && (o->actor || o->event || cli->where.n ||
		    cli->split.n || o->no_header))
			return cli_usage_error(e, "--vote-matrix takes no --actor, --event, --where, --split or --no-header");
	}
	for (i = 0; i < cli->where.n; i++) {
		const char	*alt = cli->where.items[i];

		/* each alternative must read COL OP VALUE; the columns are checked against the file */
		for (;;) {
			size_t	len = strcspn(alt, "|"), op = strcspn(alt, "=!<>");

			size_t	value = op + (alt[op] == '!' || ((alt[op] == '<' || alt[op] == '>') &&
				    alt[op + 1] == '=') ? 2 : 1);

			/* 'yr<>2005' or 'yr=<2005' are typos, not a comparison with the text '>2005' */
			if (op == 0 || op >= len || (alt[op] == '!' && alt[op + 1] != '=') ||
			    (value < len && strchr("=!<>", alt[value]) != NULL))
				return cli_usage_error(e, "--where '%s': each alternative is COL OP VALUE (OP: = != < <= > >=)",
				    cli->where.items[i]);
			if (alt[len] == '\0')
				break;
			alt += len + 1;
		}
	}
	for (i = 0; i < cli->split.n; i++) {
		const char	*eq = strchr(cli->split.items[i], '=');

		if (eq == NULL || eq == cli->split.items[i] || eq[1] == '\0')
			return cli_usage_error(e, "--split '%s' is not COL=SEP", cli->split.items[i]);
	}
	if (o->newman && o->mode != CLOUT_IMPORT_TWO_MODE)
		return cli_usage_error(e, "--weighting goes with --two-mode");
	if (o->nodes != NULL && o->node_id == NULL)
		return cli_usage_error(e, "--nodes needs --node-id");
	if (o->nodes == NULL && (o->node_id || o->node_label || cli->attr.n || o->nodes_no_header))
		return cli_usage_error(e, "--node-id, --node-label, --node-attr and --nodes-no-header "
		    "go with --nodes");
	o->na = cli->na.items;
	o->nna = cli->na.n;
	o->where = cli->where.items;
	o->nwhere = cli->where.n;
	o->split = cli->split.items;
	o->nsplit = cli->split.n;
	o->known = cli->known.items;
	o->nknown = cli->known.n;
	o->node_attr = cli->attr.items;
	o->nnode_attr = cli->attr.n;
	return CLOUT_EXIT_OK;
}

/* The command as typed, for case.csv: arguments with odd characters in single quotes. */
static char *
command_line(int argc, char **argv)
{
	size_t	 n = strlen("clout ") + 1;
	char	*text, *p;
	int	 i;

	for (i = 0; i < argc; i++)
		n += strlen(argv[i]) * 4 + 3;
	if ((text = malloc(n)) == NULL)
		return NULL;
	p = text + sprintf(text, "clout");
	for (i = 0; i < argc; i++) {
		const char	*a = argv[i];

		*p++ = ' ';
		if (a[0] != '\0' && strspn(a, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
		    "0123456789-_./=+,:@") == strlen(a)) {
			p += sprintf(p, "%s", a);
			continue;
		}
		*p++ = '\'';
		for (; *a != '\0'; a++) {
			if (*a == '\'')
				p += sprintf(p, "'\\''");
			else
				*p++ = *a;
		}
		*p++ = '\'';
	}
	*p = '\0';
	return text;
}

static void
print_summary(const struct import_cli *cli, const struct clout_import_report *r)
{
	static const char *const merges[] = { "sum", "count", "max", "mean", "first" };
	long	skipped = r->skipped_missing + r->skipped_bad_weight + r->skipped_filtered;
	int	i, first = 1;

	for (i = 0; i < r->nnotes; i++)
		fprintf(stderr, "clout: import: %s\n", r->notes[i]);
	if (cli->o.mode == CLOUT_IMPORT_VOTES)
		fprintf(stderr, "clout: import: read %ld votes from %s\n", r->votes, cli->o.path);
	else
		fprintf(stderr, "clout: import: read %ld row%s from %s\n", r->rows_read,
		    r->rows_read == 1 ? "" : "s", cli->o.path);
	if (skipped > 0) {
		fprintf(stderr, "clout: import: skipped %ld row%s:", skipped, skipped > 1 ? "s" : "");
		if (r->skipped_missing > 0) {
			fprintf(stderr, " %ld with a missing %s", r->skipped_missing,
			    cli->o.mode == CLOUT_IMPORT_TWO_MODE ? "actor or event" :
			    cli->o.weight ? "source, target or weight" : "source or target");
			first = 0;
		}
		if (r->skipped_bad_weight > 0) {
			fprintf(stderr, "%s %ld with an unreadable weight, sign or confidence",
			    first ? "" : ",", r->skipped_bad_weight);
			first = 0;
		}
		if (r->skipped_filtered > 0)
			fprintf(stderr, "%s %ld filtered out by --where", first ? "" : ",",
			    r->skipped_filtered);
		fputc('\n', stderr);
	}
	if (r->split_values > 0)
		fprintf(stderr, "clout: import: --split made %ld more relation%s\n", r->split_values,
		    r->split_values > 1 ? "s" : "");
	if (r->skipped_self > 0)
		fprintf(stderr, "clout: import: left out %ld self-loop%s (source = target)\n",
		    r->skipped_self, r->skipped_self > 1 ? "s" : "");
	if (r->dropped_zero > 0)
		fprintf(stderr, "clout: import: left out %ld relation%s of weight 0\n", r->dropped_zero,
		    r->dropped_zero > 1 ? "s" : "");
	fprintf(stderr, "clout: import: %" IGRAPH_PRId " actor%s (%" IGRAPH_PRId " isolated), %"
	    IGRAPH_PRId " relation%s", r->actors, r->actors == 1 ? "" : "s", r->isolates,
	    r->relations, r->relations == 1 ? "" : "s");
	if (r->merged > 0)
		fprintf(stderr, " (%ld row%s merged into parallel relations by %s)", r->merged,
		    r->merged > 1 ? "s" : "",
		    merges[cli->o.merge]);
	fputc('\n', stderr);
}

/* The rows left out, with where and why: import's result, printed even with --quiet. */
static void
print_skipped(const struct clout_import_report *r)
{
	int	i;

	for (i = 0; i < r->nskips; i++) {
		const struct clout_import_skip	*s = &r->skips[i];

		if (s->column > 0)
			fprintf(stderr, "%s:%ld:%d: skipped: %s\n", s->file, s->line, s->column, s->why);
		else
			fprintf(stderr, "%s:%ld: skipped: %s\n", s->file, s->line, s->why);
	}
	if (r->skipped > r->nskips)
		fprintf(stderr, "clout: import: and %ld more skipped row%s\n", r->skipped - r->nskips,
		    r->skipped - r->nskips == 1 ? "" : "s");
}

/* The case's temporary folder goes under the signal guard while it exists. */
static void
import_temp(const char *dir, enum clout_import_temp stage, void *arg)
{
	int	*slot = arg;

	if (stage == CLOUT_IMPORT_TEMP_CREATED)
		*slot = cli_pending_add(dir, 1);
	else if (stage == CLOUT_IMPORT_TEMP_WRITTEN)
		cli_test_point("import");
	else {
		cli_pending_drop(*slot);
		*slot = -1;
	}
}

static int
cmd_import_exec(int argc, char **argv)
{
	struct import_cli		 cli;
	struct clout_diags		 diags;
	struct clout_import_report	 report;
	int				 status, colour = cli_colour(), slot = -1;
	igraph_integer_t		 i;

	memset(&cli, 0, sizeof cli);
	memset(&report, 0, sizeof report);
	if ((status = parse_options(&cli, argc, argv)) != CLOUT_EXIT_OK) {
		cli_free(&cli);
		return status < 0 ? CLOUT_EXIT_OK : status;
	}
	if ((cli.o.command = command_line(argc, argv)) == NULL) {
		cli_free(&cli);
		return cli_error("out of memory");
	}
	if (clout_diags_init(&diags) != IGRAPH_SUCCESS) {
		cli_free(&cli);
		return cli_error("out of memory");
	}
	cli.o.temp_hook = import_temp;
	cli.o.temp_arg = &slot;
	if (clout_import(&cli.o, cli.output, cli.force, &diags, &report) != IGRAPH_SUCCESS)
		status = cli_error("cannot import %s: %s", cli.o.path, cli_reason());
	else if (diags.errors > 0) {
		print_skipped(&report);
		/* a file in the wrong encoding can give thousands: the first ones tell */
		for (i = 0; i < diags.count && i < 10; i++)
			clout_diag_print(stderr, &diags.items[i], colour);
		if (diags.count > 10)
			fprintf(stderr, "clout: import: and %" IGRAPH_PRId " more errors\n",
			    diags.count - 10);
		for (i = 0; i < diags.count && cli.o.encoding == CLOUT_ENCODING_UTF8; i++) {
			if (strncmp(diags.items[i].message, "invalid UTF-8", 13) == 0) {
				fprintf(stderr, "clout: import: a file that is not UTF-8 can be read with --encoding latin1 or cp1252\n");
				break;
			}
		}
		status = CLOUT_EXIT_FAILURE;
	} else {
		if (!cli.quiet)
			print_summary(&cli, &report);
		print_skipped(&report);
		if (!cli.quiet)
			fprintf(stderr, "clout: import: wrote %s\n", cli.output);
		status = CLOUT_EXIT_OK;
	}
	clout_import_report_destroy(&report);
	clout_diags_destroy(&diags);
	cli_free(&cli);
	return status;
}
