/* render.h: drawings (what to draw, in plain text and numbers) and their rendering by Graphviz. */
#ifndef CLOUT_RENDER_H
#define CLOUT_RENDER_H

#include <stdio.h>

#include <igraph.h>

/* Layout engines. PINNED keeps the positions given in the drawing (Graphviz "nop"). */
enum clout_engine {
	CLOUT_ENGINE_AUTO,
	CLOUT_ENGINE_DOT,
	CLOUT_ENGINE_NEATO,
	CLOUT_ENGINE_FDP,
	CLOUT_ENGINE_SFDP,
	CLOUT_ENGINE_CIRCO,
	CLOUT_ENGINE_PINNED,
	CLOUT_ENGINE_COUNT
};

const char	*clout_engine_name(enum clout_engine engine);
/* The engine with this name ("auto", "dot", ...), or -1. */
int		clout_engine_find(const char *name);

/* Output formats. DOT is the source before layout: `dot FILE -Tsvg` redraws it. */
enum clout_image {
	CLOUT_IMAGE_SVG,
	CLOUT_IMAGE_PNG,
	CLOUT_IMAGE_PDF,
	CLOUT_IMAGE_DOT,
	CLOUT_IMAGE_JSON,	/* Graphviz's JSON of the laid-out drawing */
	CLOUT_IMAGE_COUNT
};

const char	*clout_image_name(enum clout_image image);
int		clout_image_find(const char *name);
/* The format a file name's extension asks for (.svg .png .pdf .dot .gv .json), or -1. */
int		clout_image_from_path(const char *path);

/*
 * A drawing holds only plain text: the renderer escapes every string for
 * Graphviz (no backslash escapes, no control characters, HTML entities), so
 * data from users can go in as it is. Colours are "#RRGGBB" or "#RRGGBBAA";
 * sizes are inches, font sizes and pen widths points.
 */
struct clout_drawing_node {
	char		*name;		/* unique key: the vertex id */
	char		*label;		/* shown under the shape */
	char		*tooltip;
	char		*classes;	/* SVG class attribute: words of [a-z0-9-] */
	const char	*shape;		/* a Graphviz shape name */
	char		 fill[10];
	double		 width, height;	/* the shape alone: the label does not grow it */
	double		 fontsize;
	int		 cluster;	/* index into clusters, or -1 */
	int		 emphasis;	/* a thick outline: the focus of an ego map */
	int		 pinned;	/* x, y hold a position in points: kept by the
					   pinned engine, and by neato and fdp ("x,y!") */
	double		 x, y;
	double		 box_width, box_height;	/* points: the node with its label, as
					   clout_render_positions measured it */
	int		 text_only;	/* no shape: the label alone, in fill's colour */
	int		 external_label;	/* pinned maps: the label goes beside the
					   shape, clear of other labels and shapes */
};

struct clout_drawing_edge {
	igraph_integer_t from, to;	/* node indices */
	double		 penwidth;
	char		 colour[10];
	int		 dashed;
	int		 tee;		/* a flat arrowhead instead of an arrow */
	int		 no_head;	/* a plain line */
	char		*tooltip;
	char		*classes;
};

/* A legend row: a mark, then its text. */
enum clout_legend_mark {
	CLOUT_MARK_SWATCH,		/* a filled square in colour */
	CLOUT_MARK_GLYPH,		/* glyph (UTF-8) in colour, size points high */
	CLOUT_MARK_LINE			/* a line in colour, size points thick, maybe dashed or tee */
};

struct clout_legend_row {
	enum clout_legend_mark mark;
	char		 colour[10];
	const char	*glyph;
	double		 size;
	int		 dashed, tee;
	int		 no_head;	/* a line without arrowhead (undirected maps) */
	char		*text;
};

struct clout_legend_section {
	char			*title;
	int			 across;	/* rows side by side, text under each mark */
	struct clout_legend_row	*rows;
	igraph_integer_t	 nrows, capacity;
};

struct clout_drawing {
	char			*name;		/* the graph's name (SVG <title>) */
	char			*title;
	char			*caption;	/* lines separated by '\n' */
	struct clout_drawing_node *nodes;
	igraph_integer_t	 nnodes, nodes_capacity;
	struct clout_drawing_edge *edges;
	igraph_integer_t	 nedges, edges_capacity;
	char			**clusters;	/* cluster labels */
	igraph_integer_t	 nclusters, clusters_capacity;
	struct clout_legend_section *sections;
	igraph_integer_t	 nsections, sections_capacity;
	enum clout_engine	 engine;	/* never AUTO when rendered */
	int			 undirected;	/* lines without arrowheads */
	int			 left_to_right;	/* dot: ranks from left to right */
	int			 splines;	/* route edges around nodes (costly) */
	int			 keep_origin;	/* pinned engine: no translation, so the
						   nodes come out at exactly x, y */
};

igraph_error_t	clout_drawing_init(struct clout_drawing *d);
void		clout_drawing_destroy(struct clout_drawing *d);
/*
 * Append a node, an edge, a cluster, a legend section or row. Strings are
 * copied; the new item is returned through the last argument, zeroed apart
 * from what was passed. Fail only when out of memory.
 */
igraph_error_t	clout_drawing_add_node(struct clout_drawing *d, const char *name,
		    const char *label, struct clout_drawing_node **node);
/*
 * A text pinned at (x, y) points, in colour, or with "" an invisible anchor
 * for lines; *index (may be NULL) receives its node index.
 */
igraph_error_t	clout_drawing_add_text(struct clout_drawing *d, const char *key, const char *text,
		    double x, double y, double fontsize, const char *colour, igraph_integer_t *index);
igraph_error_t	clout_drawing_add_edge(struct clout_drawing *d, igraph_integer_t from,
		    igraph_integer_t to, struct clout_drawing_edge **edge);
igraph_error_t	clout_drawing_add_cluster(struct clout_drawing *d, const char *label,
		    igraph_integer_t *index);
igraph_error_t	clout_drawing_add_section(struct clout_drawing *d, const char *title,
		    struct clout_legend_section **section);
igraph_error_t	clout_legend_add_row(struct clout_legend_section *s, enum clout_legend_mark mark,
		    const char *colour, const char *text, struct clout_legend_row **row);

/* One Graphviz context for a run (Graphviz wants one per process). */
struct clout_renderer;

/* Start Graphviz; NULL when it cannot start (no layout plugins configured). */
struct clout_renderer *clout_renderer_new(void);
void		clout_renderer_free(struct clout_renderer *r);
/* What Graphviz warned about during the last clout_render ("" when nothing). */
const char	*clout_renderer_warnings(const struct clout_renderer *r);
/* The version of the Graphviz library clout runs with. */
const char	*clout_renderer_version(const struct clout_renderer *r);

/*
 * Lay the drawing out with its engine and write it to out in a format.
 * What is laid out is the DOT source itself, read back, so that Graphviz's
 * own tools redraw a CLOUT_IMAGE_DOT file exactly. An error from Graphviz
 * fails the render: the reason is left for clout_error_message(), and out
 * may hold a partial image (write to a temporary file); warnings are kept
 * for clout_renderer_warnings(). Time complexity: that of the engine.
 */
igraph_error_t	clout_render(struct clout_renderer *r, const struct clout_drawing *d,
		    enum clout_image image, FILE *out);

/*
 * Lay the drawing out exactly as clout_render does and set every node's x
 * and y to where Graphviz put it: points, y up, the coordinates of its JSON
 * output, and box_width, box_height to the size of the node with its label.
 * Nothing else changes (pinned stays as it was). A pinned node keeps its
 * place with neato and fdp ("x,y!"), which then remove no overlaps (Graphviz
 * 2.42's overlap removal would move pinned nodes too), and with the pinned
 * engine; dot and circo ignore positions. Errors as for clout_render.
 * Time complexity: that of the engine.
 */
igraph_error_t	clout_render_positions(struct clout_renderer *r, struct clout_drawing *d);

#endif
