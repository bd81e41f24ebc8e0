/* render.c: Graphviz (cgraph + gvc), the only file that includes its headers. */
#define _XOPEN_SOURCE 700	/* open_memstream, srand48 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <gvc.h>

#include "clout_internal.h"

/* docs/OOM.md: fontconfig and GLib, under Graphviz's text layout, cannot recover from out of memory */
#define GRAPHVIZ	"Graphviz (with pango, fontconfig and GLib)"

static const char *const engine_names[CLOUT_ENGINE_COUNT] = {
	"auto", "dot", "neato", "fdp", "sfdp", "circo", "pinned"
};
/* what gvLayout calls them: "nop" is the library form of `neato -n` */
static const char *const engine_layouts[CLOUT_ENGINE_COUNT] = {
	NULL, "dot", "neato", "fdp", "sfdp", "circo", "nop"
};
static const char *const image_names[CLOUT_IMAGE_COUNT] = {
	"svg", "png", "pdf", "dot", "json"
};
/* plugins named in full, so a machine with other renderers installed draws the same */
static const char *const image_renderers[CLOUT_IMAGE_COUNT] = {
	"svg:svg:core", "png:cairo:cairo", "pdf:cairo:cairo", NULL, "json:json:core"
};

const char *
clout_engine_name(enum clout_engine engine)
{
	return engine >= 0 && engine < CLOUT_ENGINE_COUNT ? engine_names[engine] : NULL;
}

int
clout_engine_find(const char *name)
{
	return clout_i_name_find(engine_names, CLOUT_ENGINE_COUNT, name);
}

const char *
clout_image_name(enum clout_image image)
{
	return image >= 0 && image < CLOUT_IMAGE_COUNT ? image_names[image] : NULL;
}

int
clout_image_find(const char *name)
{
	return clout_i_name_find(image_names, CLOUT_IMAGE_COUNT, name);
}

int
clout_image_from_path(const char *file_name)
{
	const char	*dot = strrchr(file_name, '.'), *slash = strrchr(file_name, '/');
	char		 ext[8];
	size_t		 i;

	if (dot == NULL || (slash != NULL && slash > dot) || strlen(dot + 1) >= sizeof ext)
		return -1;
	for (i = 0; dot[1 + i] != '\0'; i++)
		ext[i] = (char)tolower((unsigned char)dot[1 + i]);
	ext[i] = '\0';
	if (strcmp(ext, "gv") == 0)
		return CLOUT_IMAGE_DOT;
	return clout_image_find(ext);
}

/* ---- the drawing: growable arrays of plain data ---- */

/* Make room for one more item in an array of size each. */
static igraph_error_t
grow(void **items, igraph_integer_t count, igraph_integer_t *capacity, size_t size)
{
	igraph_integer_t	 want;
	void			*p;

	if (count < *capacity)
		return IGRAPH_SUCCESS;
	want = *capacity < 8 ? 8 : *capacity * 2;
	if ((size_t)want > SIZE_MAX / size)
		IGRAPH_ERROR("out of memory", IGRAPH_ENOMEM);
	p = realloc(*items, (size_t)want * size);
	CLOUT_CHECK_ALLOC(p);
	*items = p;
	*capacity = want;
	return IGRAPH_SUCCESS;
}

igraph_error_t
clout_drawing_init(struct clout_drawing *d)
{
	memset(d, 0, sizeof d[0]);
	d->engine = CLOUT_ENGINE_NEATO;
	return IGRAPH_SUCCESS;
}

void
clout_drawing_destroy(struct clout_drawing *d)
{
	igraph_integer_t	i, j;

	for (i = 0; i < d->nnodes; i++) {
		free(d->nodes[i].name);
		free(d->nodes[i].label);
		free(d->nodes[i].tooltip);
		free(d->nodes[i].classes);
	}
	for (i = 0; i < d->nedges; i++) {
		free(d->edges[i].tooltip);
		free(d->edges[i].classes);
	}
	for (i = 0; i < d->nclusters; i++)
		free(d->clusters[i]);
	for (i = 0; i < d->nsections; i++) {
		for (j = 0; j < d->sections[i].nrows; j++)
			free(d->sections[i].rows[j].text);
		free(d->sections[i].rows);
		free(d->sections[i].title);
	}
	free(d->nodes);
	free(d->edges);
	free(d->clusters);
	free(d->sections);
	free(d->name);
	free(d->title);
	free(d->caption);
	memset(d, 0, sizeof d[0]);
}

igraph_error_t
clout_drawing_add_text(struct clout_drawing *d, const char *key, const char *text, double x,
    double y, double fontsize, const char *colour, igraph_integer_t *index)
{
	struct clout_drawing_node	*n;

	IGRAPH_CHECK(clout_drawing_add_node(d, key, text, &n));
	n->text_only = 1;
	n->pinned = 1;
	n->x = x;
	n->y = y;
	n->fontsize = fontsize;
	n->width = n->height = 0.01;
	snprintf(n->fill, sizeof n->fill, "%s", colour);
	n->tooltip = clout_i_strdup(text);
	CLOUT_CHECK_ALLOC(n->tooltip);
	if (index != NULL)
		*index = d->nnodes - 1;
	return IGRAPH_SUCCESS;
}

igraph_error_t
clout_drawing_add_node(struct clout_drawing *d, const char *name, const char *label,
    struct clout_drawing_node **node)
{
	struct clout_drawing_node	*n;

	IGRAPH_CHECK(grow((void **)&d->nodes, d->nnodes, &d->nodes_capacity, sizeof d->nodes[0]));
	n = &d->nodes[d->nnodes];
	memset(n, 0, sizeof n[0]);
	n->name = clout_i_strdup(name);
	n->label = clout_i_strdup(label);
	if (n->name == NULL || n->label == NULL) {
		free(n->name);
		free(n->label);
		IGRAPH_ERROR("out of memory", IGRAPH_ENOMEM);
	}
	n->cluster = -1;
	n->shape = "circle";
	snprintf(n->fill, sizeof n->fill, "#DDDDDD");
	n->width = n->height = 0.3;
	n->fontsize = 10;
	d->nnodes++;
	*node = n;
	return IGRAPH_SUCCESS;
}

igraph_error_t
clout_drawing_add_edge(struct clout_drawing *d, igraph_integer_t from, igraph_integer_t to,
    struct clout_drawing_edge **edge)
{
	struct clout_drawing_edge	*e;

	IGRAPH_CHECK(grow((void **)&d->edges, d->nedges, &d->edges_capacity, sizeof d->edges[0]));
	e = &d->edges[d->nedges++];
	memset(e, 0, sizeof e[0]);
	e->from = from;
	e->to = to;
	e->penwidth = 1;
	snprintf(e->colour, sizeof e->colour, "#000000");
	*edge = e;
	return IGRAPH_SUCCESS;
}

igraph_error_t
clout_drawing_add_cluster(struct clout_drawing *d, const char *label, igraph_integer_t *index)
{
	char	*copy;

	IGRAPH_CHECK(grow((void **)&d->clusters, d->nclusters, &d->clusters_capacity,
	    sizeof d->clusters[0]));
	copy = clout_i_strdup(label);
	CLOUT_CHECK_ALLOC(copy);
	*index = d->nclusters;
	d->clusters[d->nclusters++] = copy;
	return IGRAPH_SUCCESS;
}

igraph_error_t
clout_drawing_add_section(struct clout_drawing *d, const char *title,
    struct clout_legend_section **section)
{
	struct clout_legend_section	*s;

	IGRAPH_CHECK(grow((void **)&d->sections, d->nsections, &d->sections_capacity,
	    sizeof d->sections[0]));
	s = &d->sections[d->nsections];
	memset(s, 0, sizeof s[0]);
	s->title = clout_i_strdup(title);
	CLOUT_CHECK_ALLOC(s->title);
	d->nsections++;
	*section = s;
	return IGRAPH_SUCCESS;
}

igraph_error_t
clout_legend_add_row(struct clout_legend_section *s, enum clout_legend_mark mark,
    const char *colour, const char *text, struct clout_legend_row **row)
{
	struct clout_legend_row	*r;

	IGRAPH_CHECK(grow((void **)&s->rows, s->nrows, &s->capacity, sizeof s->rows[0]));
	r = &s->rows[s->nrows];
	memset(r, 0, sizeof r[0]);
	r->text = clout_i_strdup(text);
	CLOUT_CHECK_ALLOC(r->text);
	r->mark = mark;
	snprintf(r->colour, sizeof r->colour, "%s", colour);
	r->size = 10;
	s->nrows++;
	*row = r;
	return IGRAPH_SUCCESS;
}

/* ---- escaping: data text must reach Graphviz as text, never as markup ---- */

struct buf {
	char	*text;
	size_t	 length, capacity;
	int	 failed;
};

static void
buf_add(struct buf *b, const char *text, size_t length)
{
	if (b->failed)
		return;
	if (b->length + length + 1 > b->capacity) {
		size_t	 want = (b->length + length + 1) * 2;
		char	*p = realloc(b->text, want);

		if (p == NULL) {
			b->failed = 1;
			return;
		}
		b->text = p;
		b->capacity = want;
	}
	memcpy(b->text + b->length, text, length);
	b->length += length;
	b->text[b->length] = '\0';
}

static void
buf_puts(struct buf *b, const char *text)
{
	buf_add(b, text, strlen(text));
}

static void
buf_printf(struct buf *b, const char *fmt, ...)
{
	char	 small[256];
	va_list	 ap;
	int	 n;

	va_start(ap, fmt);
	n = vsnprintf(small, sizeof small, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= sizeof small) {
		b->failed = 1;	/* only short numbers and tags are formatted */
		return;
	}
	buf_add(b, small, (size_t)n);
}

/* A C0 control or DEL: invalid in XML 1.0 (all but tab and newline) or invisible. */
static int
is_control(unsigned char c)
{
	return c < 0x20 || c == 0x7f;
}

/*
 * Text for a plain attribute. Graphviz 2.42 reads backslash sequences (\N,
 * \G, \n, \l) in labels and tooltips and decodes entities such as &amp;
 * in both; tooltips go through the backslash pass twice. So '&' becomes
 * "&amp;", each backslash is doubled in labels and quadrupled in tooltips
 * (checked against the SVG: the text comes out as written), newlines become
 * Graphviz's \n where keep_newlines, and other control characters go.
 */
enum plain_use { PLAIN_LABEL, PLAIN_TOOLTIP };

static void
buf_plain(struct buf *b, const char *text, enum plain_use use, int keep_newlines)
{
	const unsigned char	*p;

	for (p = (const unsigned char *)text; *p != '\0'; p++) {
		if (*p == '\\')
			buf_puts(b, use == PLAIN_TOOLTIP ? "\\\\\\\\" : "\\\\");
		else if (*p == '&')
			buf_puts(b, "&amp;");
		else if (*p == '\n' && keep_newlines)
			buf_puts(b, "\\n");	/* Graphviz's newline: a real one would not survive DOT */
		else if (is_control(*p))
			buf_puts(b, *p == '\t' || *p == '\n' ? " " : "");
		else
			buf_add(b, (const char *)p, 1);
	}
}

/* Text inside an HTML-like label: entities for markup, doubled backslashes, <BR/> for newlines. */
static void
buf_html(struct buf *b, const char *text)
{
	const unsigned char	*p;

	for (p = (const unsigned char *)text; *p != '\0'; p++) {
		switch (*p) {
		case '&': buf_puts(b, "&amp;"); break;
		case '<': buf_puts(b, "&lt;"); break;
		case '>': buf_puts(b, "&gt;"); break;
		case '"': buf_puts(b, "&quot;"); break;
		case '\'': buf_puts(b, "&#39;"); break;
		case '\n': buf_puts(b, "<BR/>"); break;
		case '\\': buf_puts(b, "\\\\"); break;	/* \G would name the graph */
		default:
			if (is_control(*p))
				buf_puts(b, *p == '\t' ? " " : "");
			else
				buf_add(b, (const char *)p, 1);
		}
	}
}

static int
has_control(const char *text)
{
	for (; *text != '\0'; text++)
		if (is_control((unsigned char)*text))
			return 1;
	return 0;
}

/* A colour we wrote ourselves, checked anyway: '#' and 6 or 8 hex digits. */
static const char *
safe_colour(const char *colour)
{
	size_t	i, n = strlen(colour);

	if (colour[0] != '#' || (n != 7 && n != 9))
		return "#000000";
	for (i = 1; i < n; i++)
		if (!isxdigit((unsigned char)colour[i]))
			return "#000000";
	return colour;
}

/* ---- Graphviz's messages ---- */

static struct buf	graphviz_messages;	/* what Graphviz said during one render */

static int
collect_message(char *message)
{
	buf_puts(&graphviz_messages, message);
	return 0;
}

struct clout_renderer {
	GVC_t	*gvc;
};

struct clout_renderer *
clout_renderer_new(void)
{
	struct clout_renderer	*r = calloc(1, sizeof *r);
	const char		*section;

	if (r == NULL)
		return NULL;
	agseterrf(collect_message);
	section = clout_i_fatal_enter(GRAPHVIZ);	/* loading the plugins */
	r->gvc = gvContext();
	clout_i_fatal_leave(section);
	if (r->gvc == NULL) {
		free(r);
		return NULL;
	}
	return r;
}

void
clout_renderer_free(struct clout_renderer *r)
{
	if (r == NULL)
		return;
	gvFreeContext(r->gvc);
	free(r);
	free(graphviz_messages.text);
	memset(&graphviz_messages, 0, sizeof graphviz_messages);
}

const char *
clout_renderer_warnings(const struct clout_renderer *r)
{
	(void)r;
	return graphviz_messages.text != NULL ? graphviz_messages.text : "";
}

const char *
clout_renderer_version(const struct clout_renderer *r)
{
	return gvcVersion(r->gvc);
}

/* ---- building the Graphviz graph ---- */

struct attrs {
	Agsym_t	*label, *tooltip, *classes, *shape, *fill, *width, *height, *penwidth,
		*pos, *colour, *style, *arrowhead, *fixedsize, *fontcolour;
};

/* Set an attribute declared at the root; text is already escaped. */
static void
set_text(void *object, Agsym_t *sym, const char *text)
{
	/* cgraph copies the value; its prototype just lacks the const */
	agxset(object, sym, (char *)text);
}

/* Set a plain-text attribute from data text. */
static igraph_error_t
set_plain(void *object, Agsym_t *sym, const char *text, enum plain_use use, int keep_newlines)
{
	struct buf	b = { 0 };

	buf_puts(&b, "");
	buf_plain(&b, text != NULL ? text : "", use, keep_newlines);
	if (b.failed) {
		free(b.text);
		IGRAPH_ERROR("out of memory", IGRAPH_ENOMEM);
	}
	agxset(object, sym, b.text);
	free(b.text);
	return IGRAPH_SUCCESS;
}

/* Set an HTML-like label: Graphviz marks the string as HTML through agstrdup_html. */
static igraph_error_t
set_html(Agraph_t *g, void *object, Agsym_t *sym, struct buf *b)
{
	char	*html;

	if (b->failed)
		IGRAPH_ERROR("out of memory", IGRAPH_ENOMEM);
	html = agstrdup_html(g, b->text);
	CLOUT_CHECK_ALLOC(html);
	agxset(object, sym, html);
	agstrfree(g, html);
	return IGRAPH_SUCCESS;
}

static void
set_number(void *object, Agsym_t *sym, double value)
{
	char	text[32];

	snprintf(text, sizeof text, "%.4g", value);
	agxset(object, sym, text);
}

/*
 * The node label: three rows, the middle one as tall as the shape, so the
 * label text sits just under the shape on a pale backing that keeps it
 * readable where edges cross. The top row mirrors the bottom one to keep the
 * shape centred; fixedsize=shape keeps the label from growing the shape,
 * while layouts still keep labels apart.
 */
static void
node_label(struct buf *b, const struct clout_drawing_node *n)
{
	int	row = (int)ceil(n->fontsize * 1.25) + 4;

	buf_printf(b, "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"1\">"
	    "<TR><TD HEIGHT=\"%d\"> </TD></TR><TR><TD HEIGHT=\"%d\"> </TD></TR>"
	    "<TR><TD HEIGHT=\"%d\" BGCOLOR=\"#FFFFFFC8\"><FONT POINT-SIZE=\"%.1f\">",
	    row, (int)lround(n->height * 72), row, n->fontsize);
	if (n->emphasis)
		buf_puts(b, "<B>");
	buf_html(b, n->label);
	if (n->emphasis)
		buf_puts(b, "</B>");
	buf_puts(b, "</FONT></TD></TR></TABLE>");
}

static void
legend_mark(struct buf *b, const struct clout_legend_row *r)
{
	const char	*colour = safe_colour(r->colour);
	int		 thick = (int)lround(r->size < 1 ? 1 : r->size), i;

	switch (r->mark) {
	case CLOUT_MARK_SWATCH:
		buf_printf(b, "<TD WIDTH=\"14\" HEIGHT=\"14\" FIXEDSIZE=\"TRUE\" BGCOLOR=\"%s\" "
		    "BORDER=\"1\" COLOR=\"#333333\"></TD>", colour);
		break;
	case CLOUT_MARK_GLYPH:
		buf_printf(b, "<TD><FONT POINT-SIZE=\"%.1f\" COLOR=\"%s\">", r->size, colour);
		buf_html(b, r->glyph != NULL ? r->glyph : "?");
		buf_puts(b, "</FONT></TD>");
		break;
	case CLOUT_MARK_LINE:
		/*
		 * A bar as thick as the pen, then the arrowhead: cells, since
		 * HTML-like labels draw no lines. Fixed sizes throughout, or
		 * Graphviz would stretch the cells to the column's width.
		 */
		buf_puts(b, "<TD FIXEDSIZE=\"TRUE\" WIDTH=\"56\" HEIGHT=\"18\" CELLPADDING=\"0\"><TABLE BORDER=\"0\" "
		    "CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\"><TR>");
		for (i = 0; i < (r->dashed ? 4 : 1); i++)
			buf_printf(b, "%s<TD WIDTH=\"%d\" HEIGHT=\"%d\" FIXEDSIZE=\"TRUE\" "
			    "BGCOLOR=\"%s\"></TD>", i > 0 ? "<TD WIDTH=\"4\" HEIGHT=\"1\" "
			    "FIXEDSIZE=\"TRUE\"></TD>" : "", r->dashed ? 6 : 36, thick, colour);
		if (r->no_head)
			buf_puts(b, "<TD WIDTH=\"14\" HEIGHT=\"14\" FIXEDSIZE=\"TRUE\"></TD>");
		else
			buf_printf(b, "<TD WIDTH=\"14\" HEIGHT=\"14\" FIXEDSIZE=\"TRUE\"><FONT "
			    "POINT-SIZE=\"10\" COLOR=\"%s\">%s</FONT></TD>", colour,
			    r->tee ? "\xe2\x94\xa4" /* ┤ */ : "\xe2\x96\xb6" /* ▶ */);
		buf_puts(b, "</TR></TABLE></TD>");
		break;
	}
}

/* One section laid across: its marks side by side, each text under its mark. */
static void
legend_across(struct buf *b, const struct clout_legend_section *s, igraph_integer_t rows)
{
	igraph_integer_t	j;

	buf_printf(b, "<TD COLSPAN=\"2\" ROWSPAN=\"%" IGRAPH_PRId "\" VALIGN=\"TOP\"><TABLE "
	    "BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"4\" CELLPADDING=\"0\"><TR>",
	    rows > 0 ? rows : 1);
	for (j = 0; j < s->nrows; j++)
		legend_mark(b, &s->rows[j]);
	buf_puts(b, "</TR><TR>");
	for (j = 0; j < s->nrows; j++) {
		buf_puts(b, "<TD><FONT POINT-SIZE=\"10\">");
		buf_html(b, s->rows[j].text);
		buf_puts(b, "</FONT></TD>");
	}
	buf_puts(b, "</TR></TABLE></TD>");
}

/*
 * The legend: one grid, two columns (mark, text) per section, so rows line
 * up across sections and Graphviz has no nested table to stretch.
 */
static void
legend(struct buf *b, const struct clout_drawing *d)
{
	igraph_integer_t	i, row, rows = 0;

	for (i = 0; i < d->nsections; i++)
		if (!d->sections[i].across && d->sections[i].nrows > rows)
			rows = d->sections[i].nrows;
	buf_puts(b, "<TABLE BORDER=\"1\" COLOR=\"#BBBBBB\" CELLBORDER=\"0\" CELLSPACING=\"3\" "
	    "CELLPADDING=\"1\"><TR>");
	for (i = 0; i < d->nsections; i++) {
		if (i > 0)	/* a gutter between sections */
			buf_printf(b, "<TD ROWSPAN=\"%" IGRAPH_PRId "\" WIDTH=\"12\"></TD>",
			    (rows > 0 ? rows : 1) + 1);
		buf_puts(b, "<TD COLSPAN=\"2\" ALIGN=\"LEFT\"><FONT POINT-SIZE=\"10\"><B>");
		buf_html(b, d->sections[i].title);
		buf_puts(b, "</B></FONT></TD>");
	}
	buf_puts(b, "</TR>");
	for (row = 0; row < (rows > 0 ? rows : 1); row++) {
		buf_puts(b, "<TR>");
		for (i = 0; i < d->nsections; i++) {
			const struct clout_legend_section *s = &d->sections[i];

			if (s->across) {
				if (row == 0)
					legend_across(b, s, rows);
			} else if (row < s->nrows) {
				legend_mark(b, &s->rows[row]);
				buf_puts(b, "<TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"10\">");
				buf_html(b, s->rows[row].text);
				buf_puts(b, "</FONT></TD>");
			} else {
				buf_puts(b, "<TD></TD><TD></TD>");
			}
		}
		buf_puts(b, "</TR>");
	}
	buf_puts(b, "</TABLE>");
}

/* Title, caption and legend: one HTML-like table as the graph's label, above the map. */
static void
graph_label(struct buf *b, const struct clout_drawing *d)
{
	buf_puts(b, "<TABLE BORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"2\">");
	if (d->title != NULL && d->title[0] != '\0') {
		buf_puts(b, "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\"><FONT POINT-SIZE=\"20\"><B>");
		buf_html(b, d->title);
		buf_puts(b, "</B></FONT></TD></TR>");
	}
	if (d->caption != NULL && d->caption[0] != '\0') {
		buf_puts(b, "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\">"
		    "<FONT POINT-SIZE=\"11\" COLOR=\"#444444\">");
		buf_html(b, d->caption);
		buf_puts(b, "</FONT></TD></TR>");
	}
	if (d->nsections > 0) {
		buf_puts(b, "<TR><TD ALIGN=\"LEFT\">");
		legend(b, d);
		buf_puts(b, "</TD></TR>");
	}
	buf_puts(b, "</TABLE>");
}

static void
graph_defaults(Agraph_t *g, const struct clout_drawing *d)
{
	enum clout_engine	e = d->engine;
	int			force = e == CLOUT_ENGINE_NEATO || e == CLOUT_ENGINE_FDP ||
				    e == CLOUT_ENGINE_SFDP;

	agattr(g, AGRAPH, "layout", (char *)engine_layouts[e]);
	agattr(g, AGRAPH, "fontname", "DejaVu Sans");
	agattr(g, AGRAPH, "bgcolor", "white");
	agattr(g, AGRAPH, "pad", "0.3");
	agattr(g, AGRAPH, "labelloc", "t");
	agattr(g, AGRAPH, "labeljust", "l");
	agattr(g, AGRAPH, "outputorder", "edgesfirst");
	agattr(g, AGRAPH, "splines", d->splines ? "true" : "false");
	if (force) {
		igraph_integer_t	i;
		int			pinned = 0;

		for (i = 0; i < d->nnodes && !pinned; i++)
			pinned = d->nodes[i].pinned;
		/*
		 * Positions are given in points, as Graphviz gives them back, not
		 * inches. Graphviz 2.42's overlap removal moves pinned nodes too,
		 * so a drawing with pinned nodes is left as the engine places it.
		 */
		if (pinned)
			agattr(g, AGRAPH, "inputscale", "72");
		agattr(g, AGRAPH, "overlap", pinned ? "true" : "prism");
		agattr(g, AGRAPH, "sep", "+6");
		agattr(g, AGRAPH, "start", "random1");	/* the same seed on every run */
	}
	if (e == CLOUT_ENGINE_DOT) {
		agattr(g, AGRAPH, "nodesep", "0.3");
		agattr(g, AGRAPH, "ranksep", "0.6");
		agattr(g, AGRAPH, "newrank", "true");
		if (d->left_to_right)
			agattr(g, AGRAPH, "rankdir", "LR");
	}
	if (e == CLOUT_ENGINE_PINNED && d->keep_origin)
		agattr(g, AGRAPH, "notranslate", "true");
	if (e == CLOUT_ENGINE_CIRCO)
		agattr(g, AGRAPH, "mindist", "0.6");
	if (d->nclusters > 0) {
		agattr(g, AGRAPH, "style", "rounded,dashed");
		agattr(g, AGRAPH, "color", "#888888");
		agattr(g, AGRAPH, "fontsize", "13");
	}

	agattr(g, AGNODE, "fontname", "DejaVu Sans");
	agattr(g, AGNODE, "style", "filled");
	agattr(g, AGNODE, "fixedsize", "shape");
	agattr(g, AGNODE, "color", "#333333");
	agattr(g, AGNODE, "penwidth", "0.8");
	agattr(g, AGNODE, "margin", "0");

	agattr(g, AGEDGE, "arrowsize", "0.7");
}

static void
declare(Agraph_t *g, struct attrs *a)
{
	a->label = agattr(g, AGNODE, "label", "\\N");
	a->tooltip = agattr(g, AGNODE, "tooltip", "");
	a->classes = agattr(g, AGNODE, "class", "");
	a->shape = agattr(g, AGNODE, "shape", "ellipse");
	a->fill = agattr(g, AGNODE, "fillcolor", "lightgrey");
	a->width = agattr(g, AGNODE, "width", "0.75");
	a->height = agattr(g, AGNODE, "height", "0.5");
	a->penwidth = agattr(g, AGNODE, "penwidth", "0.8");
	a->pos = agattr(g, AGNODE, "pos", "");
	a->fixedsize = agattr(g, AGNODE, "fixedsize", "shape");
	a->style = agattr(g, AGNODE, "style", "filled");
}

/* The separate label of a node whose label goes beside it: text only, placed later. */
static igraph_error_t
add_label_node(Agraph_t *g, struct attrs *a, const struct clout_drawing_node *n, Agnode_t *owner,
    Agnode_t **label)
{
	struct buf	 b = { 0 };
	char		*key = clout_i_asprintf("label:%s", agnameof(owner));
	igraph_error_t	 ret;

	while (key != NULL && agnode(g, key, 0) != NULL) {
		char	*next = clout_i_asprintf("%s'", key);

		free(key);
		key = next;
	}
	CLOUT_CHECK_ALLOC(key);
	*label = agnode(g, key, 1);
	free(key);
	CLOUT_CHECK_ALLOC(*label);
	buf_printf(&b, "<FONT POINT-SIZE=\"%.1f\">", n->fontsize);
	buf_html(&b, n->label);
	buf_puts(&b, "</FONT>");
	ret = set_html(g, *label, a->label, &b);
	free(b.text);
	IGRAPH_CHECK(ret);
	set_text(*label, a->shape, "plaintext");
	set_text(*label, a->fixedsize, "false");
	set_text(*label, a->style, "");
	set_text(*label, a->classes, "label");
	set_text(*label, a->pos, agxget(owner, a->pos));
	IGRAPH_CHECK(set_plain(*label, a->tooltip, n->tooltip, PLAIN_TOOLTIP, 1));
	return IGRAPH_SUCCESS;
}

static igraph_error_t
add_nodes(Agraph_t *g, const struct clout_drawing *d, Agnode_t **nodes, Agnode_t **labels)
{
	struct attrs		 a;
	igraph_integer_t	 i;
	int			 pass;
	Agraph_t		**clusters = NULL;

	declare(g, &a);
	if (d->nclusters > 0) {
		clusters = calloc((size_t)d->nclusters, sizeof clusters[0]);
		CLOUT_CHECK_ALLOC(clusters);
		IGRAPH_FINALLY(free, clusters);
		for (i = 0; i < d->nclusters; i++) {
			char		name[32];
			Agsym_t		*label;

			snprintf(name, sizeof name, "cluster_%" IGRAPH_PRId, i);
			clusters[i] = agsubg(g, name, 1);
			CLOUT_CHECK_ALLOC(clusters[i]);
			label = agattr(clusters[i], AGRAPH, "label", NULL);
			if (label == NULL)
				label = agattr(g, AGRAPH, "label", "");
			IGRAPH_CHECK(set_plain(clusters[i], label, d->clusters[i], PLAIN_LABEL, 0));
		}
	}
	/*
	 * Keys: the data's ids, which become the SVG <title>s. agwrite quotes
	 * a name without escaping its backslashes ("a\\" would end the DOT
	 * string early) and copies control characters, so such ids get the
	 * key vertex-N instead, made after every other key so it cannot take
	 * an id's place. Their tooltips still show the id.
	 */
	for (pass = 0; pass < 2; pass++) {
		for (i = 0; i < d->nnodes; i++) {
			const char	*id = d->nodes[i].name;
			char		*key;
			int		 unsafe = strchr(id, '\\') != NULL || has_control(id);
			igraph_integer_t attempt;

			if (unsafe != pass)
				continue;
			key = clout_i_strdup(id);
			for (attempt = 0; unsafe && key != NULL; attempt++) {
				free(key);
				key = attempt == 0 ? clout_i_asprintf("vertex-%" IGRAPH_PRId, i + 1) :
				    clout_i_asprintf("vertex-%" IGRAPH_PRId "-%" IGRAPH_PRId, i + 1,
				    attempt);
				if (key == NULL || agnode(g, key, 0) == NULL)
					break;
			}
			/* two drawing nodes never share a key (a drawing's own texts, say) */
			while (key != NULL && agnode(g, key, 0) != NULL) {
				char	*next = clout_i_asprintf("%s'", key);

				free(key);
				key = next;
			}
			CLOUT_CHECK_ALLOC(key);
			nodes[i] = agnode(g, key, 1);
			free(key);
			CLOUT_CHECK_ALLOC(nodes[i]);
		}
	}
	for (i = 0; i < d->nnodes; i++) {
		const struct clout_drawing_node	*n = &d->nodes[i];
		struct buf			 b = { 0 };
		char				 text[64];
		igraph_error_t			 ret;

		if (clusters != NULL && n->cluster >= 0 && n->cluster < d->nclusters)
			agsubnode(clusters[n->cluster], nodes[i], 1);
		if (n->text_only) {
			buf_printf(&b, "<FONT POINT-SIZE=\"%.1f\" COLOR=\"%s\">", n->fontsize,
			    safe_colour(n->fill));
			buf_html(&b, n->label);
			buf_puts(&b, "</FONT>");
			set_text(nodes[i], a.fixedsize, "false");
			set_text(nodes[i], a.style, "");
		} else if (!n->external_label) {
			node_label(&b, n);
		}
		if ((n->external_label && !n->text_only) || n->label[0] == '\0') {
			/* an anchor, a shape whose label goes beside it, or no label at all
			 * (an empty FONT element is a syntax error to Graphviz) */
			free(b.text);
			set_text(nodes[i], a.label, "");
		} else {
			ret = set_html(g, nodes[i], a.label, &b);
			free(b.text);
			IGRAPH_CHECK(ret);
		}
		IGRAPH_CHECK(set_plain(nodes[i], a.tooltip, n->tooltip, PLAIN_TOOLTIP, 1));
		if (n->classes != NULL)
			IGRAPH_CHECK(set_plain(nodes[i], a.classes, n->classes, PLAIN_LABEL, 0));
		set_text(nodes[i], a.shape, n->text_only ? "plaintext" : n->shape);
		set_text(nodes[i], a.fill, safe_colour(n->fill));
		set_number(nodes[i], a.width, n->width);
		set_number(nodes[i], a.height, n->height);
		if (n->emphasis)
			set_number(nodes[i], a.penwidth, 3);
		if (n->pinned) {
			/* nop reads points as they are; neato and fdp keep a "!" position */
			snprintf(text, sizeof text, "%.2f,%.2f%s", n->x, n->y,
			    d->engine == CLOUT_ENGINE_PINNED ? "" : "!");
			set_text(nodes[i], a.pos, text);
		}
		if (n->external_label && !n->text_only && labels != NULL)
			IGRAPH_CHECK(add_label_node(g, &a, n, nodes[i], &labels[i]));
	}
	if (clusters != NULL) {
		free(clusters);
		IGRAPH_FINALLY_CLEAN(1);
	}
	return IGRAPH_SUCCESS;
}

static igraph_error_t
add_edges(Agraph_t *g, const struct clout_drawing *d, Agnode_t **nodes)
{
	Agsym_t			*tooltip = agattr(g, AGEDGE, "tooltip", "");
	Agsym_t			*classes = agattr(g, AGEDGE, "class", "");
	Agsym_t			*penwidth = agattr(g, AGEDGE, "penwidth", "1");
	Agsym_t			*colour = agattr(g, AGEDGE, "color", "black");
	Agsym_t			*style = agattr(g, AGEDGE, "style", "");
	Agsym_t			*arrowhead = agattr(g, AGEDGE, "arrowhead", "normal");
	igraph_integer_t	 i;

	for (i = 0; i < d->nedges; i++) {
		const struct clout_drawing_edge	*e = &d->edges[i];
		Agedge_t			*edge;

		if (e->from < 0 || e->from >= d->nnodes || e->to < 0 || e->to >= d->nnodes)
			IGRAPH_ERROR("an edge of the drawing names no node", IGRAPH_EINVAL);
		edge = agedge(g, nodes[e->from], nodes[e->to], NULL, 1);
		CLOUT_CHECK_ALLOC(edge);
		IGRAPH_CHECK(set_plain(edge, tooltip, e->tooltip, PLAIN_TOOLTIP, 1));
		if (e->classes != NULL)
			IGRAPH_CHECK(set_plain(edge, classes, e->classes, PLAIN_LABEL, 0));
		set_number(edge, penwidth, e->penwidth);
		set_text(edge, colour, safe_colour(e->colour));
		if (e->dashed)
			set_text(edge, style, "dashed");
		if (e->tee)
			set_text(edge, arrowhead, "tee");
		if (e->no_head)
			set_text(edge, arrowhead, "none");
	}
	return IGRAPH_SUCCESS;
}

static void
close_graph(void *g)
{
	agclose(g);
}

/* Whether Graphviz counted an error since the render began. */
static int
graphviz_failed(void)
{
	return agerrors() > 0 || graphviz_messages.failed;
}

/* What Graphviz said, on one line. */
static const char *
graphviz_reason(void)
{
	char	*p = graphviz_messages.text;
	size_t	 n;

	if (p == NULL || p[0] == '\0')
		return "no reason given";
	for (n = 0; p[n] != '\0'; n++)
		if (p[n] == '\n')
			p[n] = ' ';
	while (n > 0 && isspace((unsigned char)p[n - 1]))
		p[--n] = '\0';
	return p;
}

/* A name for the graph (the SVG <title>): the drawing's, unless Graphviz would misread it. */
static const char *
graph_name(const struct clout_drawing *d)
{
	const char	*name = d->name;

	if (name == NULL || name[0] == '\0' || strpbrk(name, "\\\"") != NULL || has_control(name) ||
	    clout_i_utf8_invalid(name, strlen(name)) >= 0)
		return "clout";
	return name;
}

static void
free_text(void *text)
{
	free(*(char **)text);
}

/* The graph, built from the drawing; registered on the FINALLY stack. */
static igraph_error_t
build_graph(const struct clout_drawing *d, Agraph_t **graph, Agnode_t **labels,
    Agnode_t **owners)
{
	Agraph_t		*g;
	Agnode_t		**nodes;
	struct buf		 label = { 0 };
	char			*name;
	igraph_error_t		 ret;

	name = clout_i_strdup(graph_name(d));
	CLOUT_CHECK_ALLOC(name);
	g = agopen(name, d->undirected ? Agundirected : Agdirected, NULL);
	free(name);
	CLOUT_CHECK_ALLOC(g);
	IGRAPH_FINALLY(close_graph, g);
	nodes = calloc((size_t)(d->nnodes > 0 ? d->nnodes : 1), sizeof nodes[0]);
	CLOUT_CHECK_ALLOC(nodes);
	IGRAPH_FINALLY(free, nodes);

	graph_defaults(g, d);
	graph_label(&label, d);
	ret = set_html(g, g, agattr(g, AGRAPH, "label", ""), &label);
	free(label.text);
	IGRAPH_CHECK(ret);
	IGRAPH_CHECK(add_nodes(g, d, nodes, labels));
	if (owners != NULL && d->nnodes > 0)
		memcpy(owners, nodes, (size_t)d->nnodes * sizeof nodes[0]);
	IGRAPH_CHECK(add_edges(g, d, nodes));
	if (graphviz_failed())
		IGRAPH_ERRORF("Graphviz refused the drawing: %s", IGRAPH_FAILURE, graphviz_reason());
	free(nodes);
	IGRAPH_FINALLY_CLEAN(1);
	*graph = g;	/* still on the stack, for the caller */
	return IGRAPH_SUCCESS;
}

/*
 * The DOT source of a graph, written into *dot (which the caller frees,
 * and should have on the FINALLY stack), and read back into *copy.
 */
static igraph_error_t
reread(Agraph_t *source, char **dot, Agraph_t **copy)
{
	size_t	 size = 0;
	FILE	*memory = open_memstream(dot, &size);
	int	 written;

	CLOUT_CHECK_ALLOC(memory);
	written = agwrite(source, memory) == 0;
	if (fclose(memory) != 0 || !written || *dot == NULL)
		IGRAPH_ERROR("cannot write the DOT source", IGRAPH_ENOMEM);
	*copy = agmemread(*dot);
	if (*copy != NULL && graphviz_failed()) {
		agclose(*copy);
		*copy = NULL;
	}
	if (*copy == NULL)
		IGRAPH_ERRORF("Graphviz cannot read its own source back: %s", IGRAPH_FAILURE,
		    graphviz_reason());
	return IGRAPH_SUCCESS;
}

/* The bytes of a picture onto out; a failure (a full disk) is IGRAPH_EFILE with its reason. */
static igraph_error_t
write_bytes(FILE *out, const char *bytes, size_t length)
{
	errno = 0;
	if (fwrite(bytes, 1, length, out) != length || fflush(out) != 0 || ferror(out))
		IGRAPH_ERRORF("%s", IGRAPH_EFILE, strerror(errno != 0 ? errno : EIO));
	return IGRAPH_SUCCESS;
}

struct box {
	double	x0, y0, x1, y1;		/* points */
};

static double
overlap(const struct box *a, const struct box *b)
{
	double	w = fmin(a->x1, b->x1) - fmax(a->x0, b->x0);
	double	h = fmin(a->y1, b->y1) - fmax(a->y0, b->y0);

	return w > 0 && h > 0 ? w * h : 0;
}

/*
 * Pinned maps: put each external label beside its node, clear of the other
 * labels, nodes and texts. Graphviz measures the texts (a "nop" layout of the
 * source read back); then each label, in the drawing's order, takes the
 * first of sixteen places around its node, at growing distances (forty
 * rings, 7 points apart), that overlaps nothing placed so far, or else the
 * place that overlaps least. A label pushed off its first ring gets a
 * leader line.
 */
static igraph_error_t
place_labels(struct clout_renderer *r, const struct clout_drawing *d, Agraph_t *source,
    Agnode_t **labels, Agnode_t **owners)
{
	static const double	dirs[16][2] = { { 1, 0 }, { -1, 0 }, { 0, -1 }, { 0, 1 },
				    { 1, -1 }, { -1, -1 }, { 1, 1 }, { -1, 1 },
				    { 1, -0.5 }, { -1, -0.5 }, { 1, 0.5 }, { -1, 0.5 },
				    { 0.5, -1 }, { -0.5, -1 }, { 0.5, 1 }, { -0.5, 1 } };
	Agraph_t		*g;
	Agsym_t			*pos = agattr(source, AGNODE, "pos", NULL);
	struct box		*boxes;
	char			*dot = NULL, text[64];
	igraph_integer_t	 i, j, nboxes = 0;
	int			 any = 0;

	for (i = 0; i < d->nnodes; i++)
		any |= labels[i] != NULL;
	if (!any || pos == NULL)
		return IGRAPH_SUCCESS;
	IGRAPH_FINALLY(free_text, &dot);
	IGRAPH_CHECK(reread(source, &dot, &g));
	IGRAPH_FINALLY(close_graph, g);
	if (gvLayout(r->gvc, g, "nop") != 0)
		IGRAPH_ERRORF("Graphviz could not measure the labels: %s", IGRAPH_FAILURE,
		    graphviz_reason());
	if (graphviz_failed()) {
		gvFreeLayout(r->gvc, g);
		IGRAPH_ERRORF("Graphviz could not measure the labels: %s", IGRAPH_FAILURE,
		    graphviz_reason());
	}
	boxes = calloc((size_t)(2 * d->nnodes + 1), sizeof boxes[0]);
	if (boxes == NULL) {
		gvFreeLayout(r->gvc, g);
		IGRAPH_ERROR("out of memory", IGRAPH_ENOMEM);
	}
	/* obstacles: every node's shape, and the free texts */
	for (i = 0; i < d->nnodes; i++) {
		const struct clout_drawing_node	*n = &d->nodes[i];
		double				 w = n->width * 36, h = n->height * 36;

		if (!n->pinned)
			continue;
		if (n->text_only) {	/* its measured text */
			Agnode_t	*t = agnode(g, n->name, 0);

			if (t != NULL) {
				w = ND_width(t) * 36;
				h = ND_height(t) * 36;
			}
		}
		boxes[nboxes++] = (struct box){ n->x - w, n->y - h, n->x + w, n->y + h };
	}
	for (i = 0; i < d->nnodes; i++) {
		Agnode_t	*m;
		double		 w, h, best = INFINITY, bx = 0, by = 0, r0;
		int		 ring, k, best_ring = 0;

		if (labels[i] == NULL || (m = agnode(g, agnameof(labels[i]), 0)) == NULL)
			continue;
		w = ND_width(m) * 72;
		h = ND_height(m) * 72;
		r0 = fmax(d->nodes[i].width, d->nodes[i].height) * 36 + 2;
		for (ring = 0; ring < 40 && best > 0; ring++) {
			for (k = 0; k < 16 && best > 0; k++) {
				double		cx = d->nodes[i].x + dirs[k][0] * (r0 + 7 * ring + w / 2);
				double		cy = d->nodes[i].y + dirs[k][1] * (r0 + 7 * ring + h / 2);
				struct box	b = { cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2 };
				double		sum = 0;

				for (j = 0; j < nboxes; j++)
					sum += overlap(&b, &boxes[j]);
				if (sum < best) {	/* ties: the nearer, earlier place */
					best = sum;
					bx = cx;
					by = cy;
					best_ring = ring;
				}
			}
		}
		boxes[nboxes++] = (struct box){ bx - w / 2, by - h / 2, bx + w / 2, by + h / 2 };
		snprintf(text, sizeof text, "%.2f,%.2f", bx, by);
		agxset(labels[i], pos, text);
		if (best_ring > 0) {	/* a label pushed away gets a leader line to its node */
			Agedge_t	*leader = agedge(source, agnode(source,
					    agnameof(labels[i]), 0), owners[i], NULL, 1);

			if (leader != NULL) {
				agsafeset(leader, "arrowhead", "none", "normal");
				agsafeset(leader, "color", "#99999999", "black");
				agsafeset(leader, "penwidth", "0.6", "1");
				agsafeset(leader, "style", "", "");
				agsafeset(leader, "tooltip", "", "");
				agsafeset(leader, "class", "leader", "");
			}
		}
	}
	free(boxes);
	gvFreeLayout(r->gvc, g);
	agclose(g);
	free(dot);
	IGRAPH_FINALLY_CLEAN(2);
	return IGRAPH_SUCCESS;
}

static unsigned short	drand48_fresh[3];	/* zero */

/*
 * Render d as image to out; or, when place is not NULL (it is d), lay it out
 * only and set each node's x, y to where the engine put it.
 */
static igraph_error_t
lay_out(struct clout_renderer *r, const struct clout_drawing *d, enum clout_image image,
    FILE *out, struct clout_drawing *place)
{
	Agraph_t		*g, *source;
	Agnode_t		**labels, **owners;
	char			*dot = NULL;
	igraph_integer_t	 i;
	igraph_error_t		 ret;
	int			 failed;

	if (d->engine <= CLOUT_ENGINE_AUTO || d->engine >= CLOUT_ENGINE_COUNT)
		IGRAPH_ERROR("the drawing has no layout engine", IGRAPH_EINVAL);
	if (place == NULL && (image < 0 || image >= CLOUT_IMAGE_COUNT))
		IGRAPH_ERROR("unknown image format", IGRAPH_EINVAL);
	graphviz_messages.length = 0;
	graphviz_messages.failed = 0;
	if (graphviz_messages.text != NULL)
		graphviz_messages.text[0] = '\0';
	agreseterrors();

	/* labels, then owners: one block, the label of node i and node i itself */
	labels = calloc((size_t)(d->nnodes > 0 ? 2 * d->nnodes : 2), sizeof labels[0]);
	CLOUT_CHECK_ALLOC(labels);
	owners = labels + (d->nnodes > 0 ? d->nnodes : 1);
	IGRAPH_FINALLY(free, labels);
	IGRAPH_FINALLY(free_text, &dot);
	IGRAPH_CHECK(build_graph(d, &source, d->engine == CLOUT_ENGINE_PINNED ? labels : NULL,
	    owners));
	/* stack: labels, dot, source */
	if (d->engine == CLOUT_ENGINE_PINNED)
		IGRAPH_CHECK(place_labels(r, d, source, labels, owners));
	if (place == NULL && image == CLOUT_IMAGE_DOT) {
		/* the source, before layout: Graphviz's own tools redraw it as clout does */
		size_t	size = 0;
		FILE	*memory = open_memstream(&dot, &size);
		int	written;

		CLOUT_CHECK_ALLOC(memory);
		written = agwrite(source, memory) == 0;
		if (fclose(memory) != 0 || !written || dot == NULL)
			IGRAPH_ERROR("cannot write the DOT source", IGRAPH_ENOMEM);
		IGRAPH_CHECK(write_bytes(out, dot, size));
		agclose(source);
		free(dot);
		free(labels);
		IGRAPH_FINALLY_CLEAN(3);
		return IGRAPH_SUCCESS;
	}

	/*
	 * Lay out the DOT source itself, read back: agwrite orders nodes and
	 * edges its own way, and the force-directed engines depend on the
	 * order, so this is what makes `dot FILE.dot` redraw clout's map.
	 */
	IGRAPH_CHECK(reread(source, &dot, &g));
	/* the drawing's nodes in the copy, found by key while the source still names them */
	for (i = 0; i < d->nnodes; i++)
		owners[i] = owners[i] != NULL ? agnode(g, agnameof(owners[i]), 0) : NULL;
	agclose(source);
	IGRAPH_FINALLY_CLEAN(1);	/* source; stack: labels, dot */
	IGRAPH_FINALLY(close_graph, g);

	/*
	 * Graphviz draws from the C library's drand48 when it routes edges:
	 * start every layout from the state a fresh `dot` process starts from
	 * (all zero in glibc, which srand48 cannot give), so that layouts run
	 * before in this process do not change this one.
	 */
	seed48(drand48_fresh);
	if (gvLayout(r->gvc, g, engine_layouts[d->engine]) != 0)
		IGRAPH_ERRORF("Graphviz could not lay the map out with %s: %s", IGRAPH_FAILURE,
		    engine_names[d->engine], graphviz_reason());
	/* free the layout before any error unwinds the graph */
	if (place != NULL) {
		failed = graphviz_failed();
		for (i = 0; i < d->nnodes && !failed; i++) {
			if (owners[i] == NULL) {
				failed = 1;
				break;
			}
			place->nodes[i].x = ND_coord(owners[i]).x;
			place->nodes[i].y = ND_coord(owners[i]).y;
			place->nodes[i].box_width = ND_width(owners[i]) * 72;
			place->nodes[i].box_height = ND_height(owners[i]) * 72;
		}
		gvFreeLayout(r->gvc, g);
		if (failed)
			IGRAPH_ERRORF("Graphviz could not lay the map out with %s: %s",
			    IGRAPH_FAILURE, engine_names[d->engine], graphviz_reason());
	} else {
		/*
		 * Into memory, then written here: Graphviz ends the process when its own
		 * write fails (a full disk), which would give no message.
		 */
		char		*bytes = NULL;
		unsigned int	 length = 0;

		failed = graphviz_failed() || gvRenderData(r->gvc, g, image_renderers[image],
		    &bytes, &length) != 0 || graphviz_failed();
		gvFreeLayout(r->gvc, g);
		if (failed) {
			if (bytes != NULL)
				gvFreeRenderData(bytes);
			IGRAPH_ERRORF("Graphviz could not draw the map as %s: %s", IGRAPH_FAILURE,
			    image_names[image], graphviz_reason());
		}
		ret = write_bytes(out, bytes, length);
		gvFreeRenderData(bytes);
		IGRAPH_CHECK(ret);
	}
	agclose(g);
	free(dot);
	free(labels);
	IGRAPH_FINALLY_CLEAN(3);
	return IGRAPH_SUCCESS;
}

igraph_error_t
clout_render(struct clout_renderer *r, const struct clout_drawing *d, enum clout_image image,
    FILE *out)
{
	const char	*section = clout_i_fatal_enter(GRAPHVIZ);
	igraph_error_t	 ret = lay_out(r, d, image, out, NULL);

	clout_i_fatal_leave(section);
	return ret;
}

igraph_error_t
clout_render_positions(struct clout_renderer *r, struct clout_drawing *d)
{
	const char	*section = clout_i_fatal_enter(GRAPHVIZ);
	igraph_error_t	 ret = lay_out(r, d, CLOUT_IMAGE_SVG, NULL, d);

	clout_i_fatal_leave(section);
	return ret;
}
