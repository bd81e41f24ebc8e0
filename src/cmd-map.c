/* cmd-map.c: draw a case's influence map with Graphviz. */
#define _POSIX_C_SOURCE 200809L
#include <sys/stat.h>

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"

static int	cmd_map_exec(int, char **);

const struct cmd_entry cmd_map_entry = {
	.name = "map",
	.usage = "map [-a] [-s METRIC] [-c BY] [-g BY] [-e ENGINE] [-F ID [-d K]] [-n N] [-w W]\n"
	    "           [--force] [-t TITLE] [-f FORMAT] [--save-layout FILE]\n"
	    "           [--layout-from LAYOUT|CASE] -o FILE CASE",
	.summary = "draw the influence map of a case (SVG, PNG, PDF or DOT)",
	.help =
	    "Options:\n"
	    "  -o, --output FILE      write the map to FILE; '-' is standard output\n"
	    "  -f, --format FORMAT    svg, png, pdf, dot (the source, before layout) or json\n"
	    "                         (laid out); default: FILE's extension, else svg\n"
	    "  -e, --engine ENGINE    auto, dot, neato, fdp, sfdp or circo (default: auto)\n"
	    "  -s, --size-by METRIC   shape area by a metric of 'clout rank' (default: power)\n"
	    "  -c, --color-by BY      fill colour by bloc, kind, type or community (the\n"
	    "                         Leiden communities of 'clout blocs') (default: bloc)\n"
	    "  -g, --cluster-by BY    boxes around each bloc or kind, or none (default: none)\n"
	    "  -F, --focus ID         the ego map of one actor or issue\n"
	    "  -d, --depth K          steps from the focus, both directions (default: 1)\n"
	    "  -n, --top N            only the N highest by the size metric\n"
	    "  -w, --min-weight W     only relations of weight W or more\n"
	    "  -a, --actors-only      leave the issues out\n"
	    "      --force            draw large and dense networks whole\n"
	    "      --max-elements N   refuse to draw more than N vertices and relations\n"
	    "                         together, even with --force (default: 50000; Graphviz\n"
	    "                         takes about 6 kB each)\n"
	    "  -t, --title TEXT       the title (default: the case's title)\n"
	    "      --save-layout FILE write where each vertex was drawn to FILE: CSV of\n"
	    "                         id,role,x,y in points (y up), as Graphviz placed it\n"
	    "      --layout-from X    draw at the positions of X: a file saved by\n"
	    "                         --save-layout, or a case folder (laid out first with\n"
	    "                         the same options); vertices match by id, else by role\n"
	    "  -h, --help             show this help\n"
	    "\n"
	    "Networks of more than 2000 vertices are drawn as their top 200 by the\n"
	    "size metric, and dense ones with their strongest relations only (about\n"
	    "4 per vertex, or 400); the caption says so. Engines that would run for\n"
	    "minutes on the map are refused: dot beyond 300 vertices or relations,\n"
	    "circo beyond 60 vertices or 250 relations, neato beyond 3000 vertices,\n"
	    "fdp beyond 5000, sfdp beyond 30000. The DOT output redraws the SVG\n"
	    "byte for byte with Graphviz's dot; the same input and options give the\n"
	    "same bytes (PDF aside).\n"
	    "\n"
	    "With --layout-from, a vertex takes the position of its id; a vertex whose\n"
	    "id is not there takes the position of the layout's rows of its role that\n"
	    "no id took (their mean when several), unless another unmatched vertex here\n"
	    "has that role too; neato places the rest around them, keeping shapes and\n"
	    "labels apart, and every position is then pinned in the map. It needs neato\n"
	    "(no other engine, no --cluster-by).\n",
	.exec = cmd_map_exec,
};

enum { OPT_FORCE = 256, OPT_COLOUR, OPT_SAVE_LAYOUT, OPT_LAYOUT_FROM, OPT_MAX_ELEMENTS };

#define MAP_MAX_ELEMENTS	50000L	/* vertices plus relations: about 300 MB in Graphviz */

struct map_opts {
	struct clout_map_options	 map;
	int				 image;		/* -1: from the file name */
	const char			*output;
	const char			*save_layout;	/* NULL: none */
	const char			*layout_from;	/* NULL: none */
	enum clout_engine		 engine_asked;	/* before --layout-from chose neato */
	long				 max_elements;	/* --max-elements, 0: the default */
};

static int
parse_options(struct map_opts *opts, int argc, char **argv)
{
	static const struct option options[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "format", required_argument, NULL, 'f' },
		{ "engine", required_argument, NULL, 'e' },
		{ "size-by", required_argument, NULL, 's' },
		{ "color-by", required_argument, NULL, 'c' },
		{ "colour-by", required_argument, NULL, 'c' },
		{ "cluster-by", required_argument, NULL, 'g' },
		{ "focus", required_argument, NULL, 'F' },
		{ "depth", required_argument, NULL, 'd' },
		{ "top", required_argument, NULL, 'n' },
		{ "min-weight", required_argument, NULL, 'w' },
		{ "actors-only", no_argument, NULL, 'a' },
		{ "force", no_argument, NULL, OPT_FORCE },
		{ "max-elements", required_argument, NULL, OPT_MAX_ELEMENTS },
		{ "title", required_argument, NULL, 't' },
		{ "save-layout", required_argument, NULL, OPT_SAVE_LAYOUT },
		{ "layout-from", required_argument, NULL, OPT_LAYOUT_FROM },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct clout_map_options	*m = &opts->map;
	int				 ch, value, depth_given = 0, status;
	long				 count;
	double				 weight;

	clout_map_options_default(m);
	opts->image = -1;
	opterr = 0;
	while ((ch = getopt_long(argc, argv, ":ac:d:e:F:f:g:hn:o:s:t:w:", options, NULL)) != -1) {
		switch (ch) {
		case 'a':
			m->actors_only = 1;
			break;
		case 'c':
			if ((value = clout_map_colour_find(optarg)) < 0)
				return cli_usage_error(&cmd_map_entry,
				    "cannot colour by '%s' (bloc, kind, type or community)", optarg);
			m->colour_by = value;
			break;
		case 'd':
			if ((count = cli_count(optarg)) < 1)
				return cli_usage_error(&cmd_map_entry,
				    "--depth needs a whole number of at least 1, not '%s'", optarg);
			m->depth = count;
			depth_given = 1;
			break;
		case 'e':
			if ((value = clout_engine_find(optarg)) < 0 || value == CLOUT_ENGINE_PINNED)
				return cli_usage_error(&cmd_map_entry, "unknown engine '%s' "
				    "(auto, dot, neato, fdp, sfdp or circo)", optarg);
			m->engine = value;
			break;
		case 'F':
			m->focus = optarg;
			break;
		case 'f':
			if ((opts->image = clout_image_find(optarg)) < 0)
				return cli_usage_error(&cmd_map_entry,
				    "unknown format '%s' (svg, png, pdf, dot or json)", optarg);
			break;
		case 'g':
			if ((value = clout_map_group_find(optarg)) < 0)
				return cli_usage_error(&cmd_map_entry,
				    "cannot cluster by '%s' (bloc, kind or none)", optarg);
			m->cluster_by = value;
			break;
		case 'h':
			cli_help(stdout, &cmd_map_entry);
			return -1;
		case 'n':
			if ((count = cli_count(optarg)) < 1)
				return cli_usage_error(&cmd_map_entry,
				    "--top needs a whole number of at least 1, not '%s'", optarg);
			m->top = count;
			break;
		case 'o':
			opts->output = optarg;
			break;
		case 's':
			if ((value = clout_metric_find(optarg)) < 0)
				return cli_usage_error(&cmd_map_entry, "unknown metric '%s'", optarg);
			m->size_by = value;
			break;
		case 't':
			m->title = optarg;
			break;
		case 'w':
			if (clout_parse_decimal(optarg, &weight) != 0 || weight < 0)
				return cli_usage_error(&cmd_map_entry,
				    "--min-weight needs a number of at least 0, not '%s'", optarg);
			m->min_weight = weight;
			break;
		case OPT_FORCE:
			m->force = 1;
			break;
		case OPT_MAX_ELEMENTS:
			if ((opts->max_elements = cli_limit_option(&cmd_map_entry, "--max-elements",
			    optarg)) < 0)
				return CLOUT_EXIT_USAGE;
			break;
		case OPT_SAVE_LAYOUT:
			opts->save_layout = optarg;
			break;
		case OPT_LAYOUT_FROM:
			opts->layout_from = optarg;
			break;
		default:
			return cli_bad_option(&cmd_map_entry, argv, ch);
		}
	}
	if ((status = cli_one_case(&cmd_map_entry, argc - optind)) != CLOUT_EXIT_OK)
		return status;
	if (depth_given && m->focus == NULL)
		return cli_usage_error(&cmd_map_entry, "--depth needs --focus");
	if (m->cluster_by != CLOUT_GROUP_NONE && m->engine != CLOUT_ENGINE_AUTO &&
	    m->engine != CLOUT_ENGINE_FDP && m->engine != CLOUT_ENGINE_DOT)
		return cli_usage_error(&cmd_map_entry, "%s does not draw clusters: use --engine "
		    "fdp or dot with --cluster-by", clout_engine_name(m->engine));
	opts->engine_asked = m->engine;
	if (opts->layout_from != NULL) {
		/* only neato keeps given positions while placing the others around them */
		if (m->engine != CLOUT_ENGINE_AUTO && m->engine != CLOUT_ENGINE_NEATO)
			return cli_usage_error(&cmd_map_entry, "--layout-from lays the map out with "
			    "neato, so it cannot be drawn with %s", clout_engine_name(m->engine));
		if (m->cluster_by != CLOUT_GROUP_NONE)
			return cli_usage_error(&cmd_map_entry, "--layout-from lays the map out with "
			    "neato, which does not draw clusters: leave out --cluster-by");
		m->engine = CLOUT_ENGINE_NEATO;
	}
	if (opts->save_layout != NULL && (strcmp(opts->save_layout, "-") == 0 ||
	    (opts->output != NULL && strcmp(opts->save_layout, opts->output) == 0)))
		return cli_usage_error(&cmd_map_entry, "--save-layout needs a file of its own, "
		    "not '%s'", opts->save_layout);
	if (opts->output == NULL && isatty(STDOUT_FILENO))
		return cli_usage_error(&cmd_map_entry,
		    "where should the map go? give -o FILE (or -o - for standard output)");
	if (opts->image < 0 && opts->output != NULL && strcmp(opts->output, "-") != 0) {
		opts->image = clout_image_from_path(opts->output);
		if (opts->image < 0)
			return cli_usage_error(&cmd_map_entry, "cannot tell the format of '%s' "
			    "from its name: use .svg, .png, .pdf, .dot or .json, or --format",
			    opts->output);
	}
	if (opts->image < 0)
		opts->image = CLOUT_IMAGE_SVG;
	if ((opts->image == CLOUT_IMAGE_PNG || opts->image == CLOUT_IMAGE_PDF) &&
	    (opts->output == NULL || strcmp(opts->output, "-") == 0) && isatty(STDOUT_FILENO))
		return cli_usage_error(&cmd_map_entry, "will not write a %s image to a terminal",
		    clout_image_name(opts->image));
	return CLOUT_EXIT_OK;
}

/* The last part of a path, for the caption ("data/case/" gives "case/"). */
static const char *
base_name(const char *path)
{
	const char	*p = path + strlen(path);

	if (p > path && p[-1] == '/')
		p--;
	while (p > path && p[-1] != '/')
		p--;
	return p;
}

/* Read a layout CSV as --save-layout writes it; problems printed as 'clout check' prints them. */
static int
read_layout_file(const char *path, struct clout_layout *layout)
{
	struct clout_diags	 diags;
	FILE			*in;
	igraph_error_t		 ret;
	igraph_integer_t	 i;
	int			 colour = cli_colour();

	if ((in = fopen(path, "r")) == NULL)
		return cli_error("cannot read the layout '%s': %s", path, strerror(errno));
	clout_diags_init(&diags);
	clout_error_reset();
	ret = clout_layout_read(layout, in, path, &diags);
	fclose(in);
	for (i = 0; i < diags.count; i++)
		clout_diag_print(stderr, &diags.items[i], colour);
	clout_diags_destroy(&diags);
	if (ret == IGRAPH_PARSEERROR)
		return cli_error("the layout '%s' has errors; nothing was drawn", path);
	if (ret != IGRAPH_SUCCESS)
		return cli_error("cannot read the layout '%s': %s", path, cli_reason());
	return CLOUT_EXIT_OK;
}

/* The positions of another case's map, drawn with the same options. */
static int
lay_out_case(const struct map_opts *opts, struct clout_renderer *r, const char *path,
    struct clout_layout *layout)
{
	struct clout_map_options	 map = opts->map;
	struct clout_network		 net;
	struct clout_drawing		 drawing;
	igraph_strvector_t		 notices;
	int				 status;

	map.engine = opts->engine_asked;
	if ((status = cli_open_case(path, &net)) != CLOUT_EXIT_OK)
		return status;
	clout_drawing_init(&drawing);
	status = CLOUT_EXIT_FAILURE;
	if (igraph_strvector_init(&notices, 0) != IGRAPH_SUCCESS) {
		cli_error("out of memory");
	} else {
		if (clout_map_build(&net, &map, &drawing, &notices) != IGRAPH_SUCCESS ||
		    clout_render_positions(r, &drawing) != IGRAPH_SUCCESS ||
		    clout_layout_of_drawing(layout, &net, &drawing) != IGRAPH_SUCCESS)
			cli_error("cannot lay out '%s': %s", path, cli_reason());
		else
			status = CLOUT_EXIT_OK;
		igraph_strvector_destroy(&notices);
	}
	clout_drawing_destroy(&drawing);
	clout_network_destroy(&net);
	return status;
}

/* Draw the map at the positions of --layout-from, saying how each vertex found its place. */
static int
apply_layout(const struct map_opts *opts, struct clout_renderer *r, const char *case_path,
    const struct clout_network *net, struct clout_drawing *drawing)
{
	struct clout_layout		 layout;
	struct clout_layout_match	 match;
	struct stat			 st;
	const char			*from = opts->layout_from;
	int				 is_case, status;

	if (clout_layout_init(&layout) != IGRAPH_SUCCESS)
		return cli_error("out of memory");
	is_case = stat(from, &st) == 0 && S_ISDIR(st.st_mode);
	status = is_case ? lay_out_case(opts, r, from, &layout) : read_layout_file(from, &layout);
	if (status == CLOUT_EXIT_OK && clout_layout_apply(r, &layout, base_name(from), net,
	    drawing, &match) != IGRAPH_SUCCESS)
		status = cli_error("cannot draw '%s' at the positions of '%s': %s", case_path,
		    from, cli_reason());
	clout_layout_destroy(&layout);
	if (status != CLOUT_EXIT_OK)
		return status;
	if (match.by_id + match.by_role == 0) {
		fprintf(stderr, "clout: warning: no vertex of '%s' is in '%s' by id or by role: "
		    "laid out afresh\n", case_path, from);
		return CLOUT_EXIT_OK;
	}
	fprintf(stderr, "clout: note: positions from '%s': %" IGRAPH_PRId " vertices matched by "
	    "id, %" IGRAPH_PRId " by role, %" IGRAPH_PRId " placed freely\n", from, match.by_id,
	    match.by_role, match.free);
	if (match.shared_role > 0)
		fprintf(stderr, "clout: note: %" IGRAPH_PRId " of those placed freely share their "
		    "role with another unmatched vertex, so none of them took its position\n",
		    match.shared_role);
	if (match.moved > 0)
		fprintf(stderr, "clout: note: moved %" IGRAPH_PRId " matched vertices (up to %.1f "
		    "pt) to keep shapes and labels apart\n", match.moved, match.max_move);
	return CLOUT_EXIT_OK;
}

/* Write where each vertex is drawn, to a temporary that the caller commits or aborts. */
static int
save_layout(const struct map_opts *opts, struct clout_renderer *r,
    const struct clout_network *net, struct clout_drawing *drawing, struct cli_output *saved)
{
	struct clout_layout	layout;
	int			status = CLOUT_EXIT_FAILURE;

	if (cli_output_open(saved, opts->save_layout) != CLOUT_EXIT_OK)
		return CLOUT_EXIT_FAILURE;
	if (clout_layout_init(&layout) != IGRAPH_SUCCESS) {
		cli_error("out of memory");
	} else {
		if (clout_render_positions(r, drawing) != IGRAPH_SUCCESS ||
		    clout_layout_of_drawing(&layout, net, drawing) != IGRAPH_SUCCESS)
			cli_error("cannot lay the map out: %s", cli_reason());
		else if (clout_layout_write(&layout, saved->fp) != IGRAPH_SUCCESS ||
		    fflush(saved->fp) != 0)
			cli_error("cannot write '%s': %s", opts->save_layout, strerror(errno));
		else
			status = CLOUT_EXIT_OK;
		clout_layout_destroy(&layout);
	}
	if (status != CLOUT_EXIT_OK)
		cli_output_abort(saved);
	return status;
}

static int
cmd_map_exec(int argc, char **argv)
{
	struct map_opts		 opts;
	struct clout_network	 net;
	struct clout_drawing	 drawing;
	struct clout_renderer	*renderer = NULL;
	struct cli_output	 saved;
	igraph_strvector_t	 notices;
	igraph_integer_t	 i;
	int			 status;

	memset(&opts, 0, sizeof opts);
	if ((status = parse_options(&opts, argc, argv)) != CLOUT_EXIT_OK)
		return status < 0 ? CLOUT_EXIT_OK : status;

	if ((status = cli_open_case(argv[optind], &net)) != CLOUT_EXIT_OK)
		return status;
	clout_drawing_init(&drawing);
	if (igraph_strvector_init(&notices, 0) != IGRAPH_SUCCESS) {
		status = cli_error("out of memory");
		goto out;
	}
	status = CLOUT_EXIT_FAILURE;
	if (clout_map_build(&net, &opts.map, &drawing, &notices) != IGRAPH_SUCCESS) {
		cli_error("cannot map '%s': %s", argv[optind], cli_reason());
		goto out_notices;
	}
	for (i = 0; i < igraph_strvector_size(&notices); i++)
		fprintf(stderr, "clout: note: %s\n", igraph_strvector_get(&notices, i));
	/*
	 * Graphviz takes about 6 kB a vertex or relation (a measured peak), and
	 * out of memory it dies in GLib or fontconfig: refuse first.
	 */
	{
		long	max = opts.max_elements > 0 ? opts.max_elements : MAP_MAX_ELEMENTS;

		if (drawing.nnodes + drawing.nedges > max) {
			double	mb = (double)(drawing.nnodes + drawing.nedges) * 6e3 / 1e6;

			cli_error("the map has %" IGRAPH_PRId " vertices and %" IGRAPH_PRId
			    " relations to draw (Graphviz would need about %.0f MB), over the "
			    "limit of %ld: draw less (--top, --min-weight, --focus) or raise "
			    "it with --max-elements N", drawing.nnodes, drawing.nedges,
			    mb < 1 ? 1 : mb, max);
			goto out_notices;
		}
	}
	/* one Graphviz context for every layout of the run */
	if ((renderer = cli_renderer()) == NULL)
		goto out_notices;
	if ((opts.layout_from != NULL && apply_layout(&opts, renderer, argv[optind], &net,
	    &drawing) != CLOUT_EXIT_OK) || (opts.save_layout != NULL &&
	    save_layout(&opts, renderer, &net, &drawing, &saved) != CLOUT_EXIT_OK))
		goto out_renderer;
	status = cli_render(renderer, &drawing, opts.image, opts.output, argv[optind]);
	if (opts.save_layout != NULL)
		status = cli_output_finish(&saved, status);
out_renderer:
	clout_renderer_free(renderer);
out_notices:
	igraph_strvector_destroy(&notices);
out:
	clout_drawing_destroy(&drawing);
	clout_network_destroy(&net);
	return status;
}
