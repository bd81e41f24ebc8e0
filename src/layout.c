/*
 * layout.c: saved map positions: reading and writing them as CSV, taking them
 * from a laid-out drawing, and drawing another map at them (small multiples).
 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "clout_internal.h"

#define MOVE_TOLERANCE	0.5	/* points: positions are written to 0.01 pt */
#define TOUCH		0.5	/* points: boxes overlapping less than this do not clash */
#define GAP		4.0	/* points: the room a moved vertex keeps from the others */
#define RING_STEP	6.0	/* points between the rings searched for a free place */
#define RINGS		200
#define DIRECTIONS	16

#ifndef M_PI
#define M_PI 3.14159265358979323846
#endif

igraph_error_t
clout_layout_init(struct clout_layout *layout)
{
	memset(layout, 0, sizeof layout[0]);
	IGRAPH_CHECK(igraph_strvector_init(&layout->id, 0));
	IGRAPH_FINALLY(igraph_strvector_destroy, &layout->id);
	IGRAPH_CHECK(igraph_strvector_init(&layout->role, 0));
	IGRAPH_FINALLY(igraph_strvector_destroy, &layout->role);
	IGRAPH_VECTOR_INIT_FINALLY(&layout->x, 0);
	IGRAPH_VECTOR_INIT_FINALLY(&layout->y, 0);
	IGRAPH_FINALLY_CLEAN(4);
	return IGRAPH_SUCCESS;
}

void
clout_layout_destroy(struct clout_layout *layout)
{
	igraph_strvector_destroy(&layout->id);
	igraph_strvector_destroy(&layout->role);
	igraph_vector_destroy(&layout->x);
	igraph_vector_destroy(&layout->y);
}

igraph_integer_t
clout_layout_size(const struct clout_layout *layout)
{
	return igraph_strvector_size(&layout->id);
}

static igraph_error_t
layout_push(struct clout_layout *layout, const char *id, const char *role, double x, double y)
{
	IGRAPH_CHECK(igraph_strvector_push_back(&layout->id, id));
	IGRAPH_CHECK(igraph_strvector_push_back(&layout->role, role));
	IGRAPH_CHECK(igraph_vector_push_back(&layout->x, x));
	IGRAPH_CHECK(igraph_vector_push_back(&layout->y, y));
	return IGRAPH_SUCCESS;
}

static void
layout_clear(struct clout_layout *layout)
{
	igraph_strvector_clear(&layout->id);
	igraph_strvector_clear(&layout->role);
	igraph_vector_clear(&layout->x);
	igraph_vector_clear(&layout->y);
}

/* ---- reading ---- */

enum { COL_ID, COL_ROLE, COL_X, COL_Y, COL_COUNT };
static const char *const column_names[COL_COUNT] = { "id", "role", "x", "y" };

struct reader {
	struct clout_layout	*layout;
	const char		*name;
	struct clout_diags	*diags;
	struct clout_strmap	*ids;		/* id -> line it was first given on */
	int			 where[COL_COUNT];	/* 0-based field, or -1 */
	int			 nfields;	/* the header's */
	int			 header_ok;
	int			 header_seen;
};

static igraph_error_t
read_header(struct reader *R, const struct clout_i_record *rec)
{
	int	f, c;

	R->header_seen = 1;
	R->nfields = rec->nfields;
	for (c = 0; c < COL_COUNT; c++)
		R->where[c] = -1;
	for (f = 0; f < rec->nfields; f++)
		for (c = 0; c < COL_COUNT; c++)
			if (clout_i_strcaseeq(rec->fields[f], column_names[c])) {
				if (R->where[c] >= 0)
					IGRAPH_CHECK(clout_diags_add(R->diags, CLOUT_ERROR, 0, R->name,
					    rec->line, f + 1, "duplicate column '%s' (also column %d)",
					    rec->fields[f], R->where[c] + 1));
				else
					R->where[c] = f;
			}
	R->header_ok = 1;
	for (c = 0; c < COL_COUNT; c++)
		if (c != COL_ROLE && R->where[c] < 0) {
			IGRAPH_CHECK(clout_diags_add(R->diags, CLOUT_ERROR, 0, R->name, 0, 0,
			    "missing required column '%s' (a layout has the columns id, role, x, y)",
			    column_names[c]));
			R->header_ok = 0;
		}
	return IGRAPH_SUCCESS;
}

/* A coordinate, or an error at its column; *bad is set then. */
static igraph_error_t
read_coordinate(struct reader *R, const struct clout_i_record *rec, int c, double *value,
    int *bad)
{
	const char	*text = rec->fields[R->where[c]];

	switch (clout_parse_decimal(text, value)) {
	case 0:
		return IGRAPH_SUCCESS;
	case 2:
	case 3:
		*bad = 1;
		return clout_diags_add(R->diags, CLOUT_ERROR, 0, R->name, rec->line,
		    R->where[c] + 1, "%s '%s' is out of range", column_names[c], text);
	default:
		*bad = 1;
		return clout_diags_add(R->diags, CLOUT_ERROR, 0, R->name, rec->line,
		    R->where[c] + 1, text[0] == '\0' ? "%s is empty: a position needs a number" :
		    "%s '%s' is not a number (points, like 123.45)", column_names[c], text);
	}
}

static igraph_error_t
read_record(const struct clout_i_record *rec, void *user)
{
	struct reader		*R = user;
	const char		*id, *role;
	double			 x = 0, y = 0;
	igraph_integer_t	 first;
	int			 bad = 0, need = 0, c;

	if (!R->header_seen)
		return read_header(R, rec);
	if (!R->header_ok)
		return IGRAPH_SUCCESS;
	for (c = 0; c < COL_COUNT; c++)
		if (R->where[c] + 1 > need)
			need = R->where[c] + 1;
	if (rec->nfields < need)
		return clout_diags_add(R->diags, CLOUT_ERROR, 0, R->name, rec->line, rec->nfields + 1,
		    "this row has %d fields but the header has %d", rec->nfields, R->nfields);
	id = rec->fields[R->where[COL_ID]];
	role = R->where[COL_ROLE] >= 0 ? rec->fields[R->where[COL_ROLE]] : "";
	if (id[0] == '\0') {
		IGRAPH_CHECK(clout_diags_add(R->diags, CLOUT_ERROR, 0, R->name, rec->line,
		    R->where[COL_ID] + 1, "empty id"));
		bad = 1;
	} else if ((first = clout_i_strmap_find(R->ids, id)) >= 0) {
		IGRAPH_CHECK(clout_diags_add(R->diags, CLOUT_ERROR, 0, R->name, rec->line,
		    R->where[COL_ID] + 1, "id '%s' has a position already (line %" IGRAPH_PRId ")",
		    id, first));
		bad = 1;
	}
	IGRAPH_CHECK(read_coordinate(R, rec, COL_X, &x, &bad));
	IGRAPH_CHECK(read_coordinate(R, rec, COL_Y, &y, &bad));
	if (bad)
		return IGRAPH_SUCCESS;
	IGRAPH_CHECK(clout_i_strmap_insert(R->ids, id, rec->line, &first));
	return layout_push(R->layout, id, role, x, y);
}

static void
strmap_free(void *map)
{
	clout_i_strmap_free(map);
}

igraph_error_t
clout_layout_read(struct clout_layout *layout, FILE *in, const char *name,
    struct clout_diags *diags)
{
	struct reader		R;
	igraph_integer_t	errors = diags->errors;

	memset(&R, 0, sizeof R);
	R.layout = layout;
	R.name = name;
	R.diags = diags;
	R.ids = clout_i_strmap_new();
	CLOUT_CHECK_ALLOC(R.ids);
	IGRAPH_FINALLY(strmap_free, R.ids);
	IGRAPH_CHECK(clout_i_csv_read(in, name, 0, diags, read_record, &R));
	if (!R.header_seen && diags->errors == errors)
		IGRAPH_CHECK(clout_diags_add(diags, CLOUT_ERROR, 0, name, 0, 0,
		    "file is empty: expected a header row id,role,x,y"));
	clout_i_strmap_free(R.ids);
	IGRAPH_FINALLY_CLEAN(1);
	if (diags->errors > errors) {
		clout_diags_sort(diags);
		return IGRAPH_PARSEERROR;
	}
	return IGRAPH_SUCCESS;
}

/* ---- writing ---- */

/* A coordinate to 0.01 pt, never "-0.00". */
static int
write_coordinate(FILE *out, double value)
{
	if (fabs(value) < 0.005)
		value = 0;
	return fprintf(out, ",%.2f", value) < 0 ? -1 : 0;
}

igraph_error_t
clout_layout_write(const struct clout_layout *layout, FILE *out)
{
	igraph_integer_t	i;
	int			failed;

	failed = fputs("id,role,x,y\n", out) < 0;
	for (i = 0; i < clout_layout_size(layout) && !failed; i++) {
		failed = clout_i_csv_write_field(out, igraph_strvector_get(&layout->id, i), ',') != 0 ||
		    fputc(',', out) == EOF ||
		    clout_i_csv_write_field(out, igraph_strvector_get(&layout->role, i), ',') != 0 ||
		    write_coordinate(out, VECTOR(layout->x)[i]) != 0 ||
		    write_coordinate(out, VECTOR(layout->y)[i]) != 0 || fputc('\n', out) == EOF;
	}
	if (failed || ferror(out))
		IGRAPH_ERRORF("%s", IGRAPH_EFILE, strerror(errno != 0 ? errno : EIO));	/* the reason */
	return IGRAPH_SUCCESS;
}

igraph_error_t
clout_layout_of_drawing(struct clout_layout *layout, const struct clout_network *net,
    const struct clout_drawing *d)
{
	igraph_integer_t	i, v;

	layout_clear(layout);
	for (i = 0; i < d->nnodes; i++) {
		if ((v = clout_network_find(net, d->nodes[i].name)) < 0)
			continue;	/* a text of the drawing, not a vertex */
		IGRAPH_CHECK(layout_push(layout, d->nodes[i].name,
		    igraph_strvector_get(&net->role, v), d->nodes[i].x, d->nodes[i].y));
	}
	return IGRAPH_SUCCESS;
}

/* ---- drawing at saved positions ---- */

/* A role as a key: ASCII lower case, so "Mediator" and "mediator" meet. */
static char *
role_key(const char *role)
{
	char	*key = clout_i_strdup(role), *p;

	for (p = key; p != NULL && *p != '\0'; p++)
		*p = (char)tolower((unsigned char)*p);
	return key;
}

enum how { HOW_FREE, HOW_ID, HOW_ROLE };

struct matching {
	struct clout_strmap	*ids;		/* layout id -> row */
	struct clout_strmap	*roles;		/* role key -> role number */
	igraph_vector_int_t	 how;		/* per node: enum how */
	igraph_vector_int_t	 role_of;	/* per node: its role number, or -1 */
	igraph_vector_bool_t	 claimed;	/* per row: taken by id */
	igraph_vector_t		 tx, ty;	/* per node: where the layout puts it */
	igraph_vector_t		 sx, sy;	/* per role: sums of unclaimed positions */
	igraph_vector_int_t	 rows, wanted;	/* per role: unclaimed rows, unmatched nodes */
};

static void
matching_destroy(void *data)
{
	struct matching	*m = data;

	clout_i_strmap_free(m->ids);
	clout_i_strmap_free(m->roles);
	igraph_vector_int_destroy(&m->how);
	igraph_vector_int_destroy(&m->role_of);
	igraph_vector_bool_destroy(&m->claimed);
	igraph_vector_destroy(&m->tx);
	igraph_vector_destroy(&m->ty);
	igraph_vector_destroy(&m->sx);
	igraph_vector_destroy(&m->sy);
	igraph_vector_int_destroy(&m->rows);
	igraph_vector_int_destroy(&m->wanted);
}

/* The number of a role key, new ones numbered in order. */
static igraph_error_t
role_number(struct matching *m, const char *role, int add, igraph_integer_t *number)
{
	char			*key;
	igraph_integer_t	 existing = -1, next = clout_i_strmap_size(m->roles);
	igraph_error_t		 ret;

	*number = -1;
	if (role[0] == '\0')
		return IGRAPH_SUCCESS;
	key = role_key(role);
	CLOUT_CHECK_ALLOC(key);
	if (!add) {
		*number = clout_i_strmap_find(m->roles, key);
		free(key);
		return IGRAPH_SUCCESS;
	}
	ret = clout_i_strmap_insert(m->roles, key, next, &existing);
	free(key);
	IGRAPH_CHECK(ret);
	*number = existing >= 0 ? existing : next;
	if (existing < 0) {
		IGRAPH_CHECK(igraph_vector_push_back(&m->sx, 0));
		IGRAPH_CHECK(igraph_vector_push_back(&m->sy, 0));
		IGRAPH_CHECK(igraph_vector_int_push_back(&m->rows, 0));
		IGRAPH_CHECK(igraph_vector_int_push_back(&m->wanted, 0));
	}
	return IGRAPH_SUCCESS;
}

/* Decide each node's target: by id, by role, or none (free). */
static igraph_error_t
match_nodes(struct matching *m, const struct clout_layout *layout,
    const struct clout_network *net, const struct clout_drawing *d)
{
	igraph_integer_t	i, k, row, v, existing, rows = clout_layout_size(layout);

	for (row = 0; row < rows; row++)
		IGRAPH_CHECK(clout_i_strmap_insert(m->ids, igraph_strvector_get(&layout->id, row),
		    row, &existing));
	for (i = 0; i < d->nnodes; i++) {
		row = clout_i_strmap_find(m->ids, d->nodes[i].name);
		if (row < 0)
			continue;
		VECTOR(m->how)[i] = HOW_ID;
		VECTOR(m->tx)[i] = VECTOR(layout->x)[row];
		VECTOR(m->ty)[i] = VECTOR(layout->y)[row];
		VECTOR(m->claimed)[row] = 1;
	}
	/* role places: the rows no vertex took by id */
	for (row = 0; row < rows; row++) {
		if (VECTOR(m->claimed)[row])
			continue;
		IGRAPH_CHECK(role_number(m, igraph_strvector_get(&layout->role, row), 1, &k));
		if (k < 0)
			continue;
		VECTOR(m->sx)[k] += VECTOR(layout->x)[row];
		VECTOR(m->sy)[k] += VECTOR(layout->y)[row];
		VECTOR(m->rows)[k]++;
	}
	for (i = 0; i < d->nnodes; i++) {
		if (VECTOR(m->how)[i] != HOW_FREE ||
		    (v = clout_network_find(net, d->nodes[i].name)) < 0)
			continue;
		IGRAPH_CHECK(role_number(m, igraph_strvector_get(&net->role, v), 0, &k));
		VECTOR(m->role_of)[i] = k;
		if (k >= 0)
			VECTOR(m->wanted)[k]++;
	}
	for (i = 0; i < d->nnodes; i++) {
		k = VECTOR(m->role_of)[i];
		if (k < 0 || VECTOR(m->wanted)[k] != 1)
			continue;
		VECTOR(m->how)[i] = HOW_ROLE;
		VECTOR(m->tx)[i] = VECTOR(m->sx)[k] / (double)VECTOR(m->rows)[k];
		VECTOR(m->ty)[i] = VECTOR(m->sy)[k] / (double)VECTOR(m->rows)[k];
	}
	return IGRAPH_SUCCESS;
}

struct box {
	double	x0, y0, x1, y1;
};

static struct box
box_at(const struct clout_drawing_node *n, double x, double y, double margin)
{
	double	w = n->box_width / 2 + margin, h = n->box_height / 2 + margin;

	return (struct box){ x - w, y - h, x + w, y + h };
}

static int
clashes(const struct box *b, const struct box *placed, igraph_integer_t nplaced)
{
	igraph_integer_t	j;

	for (j = 0; j < nplaced; j++)
		if (fmin(b->x1, placed[j].x1) - fmax(b->x0, placed[j].x0) > TOUCH &&
		    fmin(b->y1, placed[j].y1) - fmax(b->y0, placed[j].y0) > TOUCH)
			return 1;
	return 0;
}

/*
 * Keep shapes and labels apart: the vertices take their places in turn,
 * those matched by id first, then by role, then the free ones; a vertex
 * whose box (shape and label, as Graphviz measured it) would overlap one
 * placed before it goes to the nearest place that keeps GAP points from
 * all of them, searched on rings around its own. Where x, y are wanted
 * comes in through the nodes.
 */
static igraph_error_t
settle(struct clout_drawing *d, const igraph_vector_int_t *how, const igraph_vector_t *tx,
    const igraph_vector_t *ty, struct clout_layout_match *match)
{
	static const int	order[3] = { HOW_ID, HOW_ROLE, HOW_FREE };
	struct box		*placed;
	igraph_integer_t	 i, nplaced = 0;
	int			 pass, ring, k;

	placed = calloc((size_t)(d->nnodes > 0 ? d->nnodes : 1), sizeof placed[0]);
	CLOUT_CHECK_ALLOC(placed);
	for (pass = 0; pass < 3; pass++) {
		for (i = 0; i < d->nnodes; i++) {
			struct clout_drawing_node	*n = &d->nodes[i];
			struct box			 b = box_at(n, n->x, n->y, 0);
			double				 x = n->x, y = n->y, move;

			if (VECTOR(*how)[i] != order[pass])
				continue;
			for (ring = 1; ring <= RINGS && clashes(&b, placed, nplaced); ring++) {
				for (k = 0; k < DIRECTIONS; k++) {
					double		a = 2 * M_PI * k / DIRECTIONS;
					double		cx = n->x + cos(a) * RING_STEP * ring;
					double		cy = n->y + sin(a) * RING_STEP * ring;
					struct box	room = box_at(n, cx, cy, GAP);

					if (!clashes(&room, placed, nplaced)) {
						x = cx;
						y = cy;
						b = box_at(n, x, y, 0);
						break;
					}
				}
			}
			n->x = x;
			n->y = y;
			placed[nplaced++] = b;
			if (VECTOR(*how)[i] == HOW_FREE)
				continue;
			move = hypot(x - VECTOR(*tx)[i], y - VECTOR(*ty)[i]);
			if (move > MOVE_TOLERANCE) {
				match->moved++;
				match->max_move = fmax(match->max_move, move);
			}
		}
	}
	free(placed);
	return IGRAPH_SUCCESS;
}

static igraph_error_t
add_caption(struct clout_drawing *d, const char *source, const struct clout_layout_match *match)
{
	char	*line, *caption;

	line = clout_i_asprintf("Positions from %s: %" IGRAPH_PRId " by id, %" IGRAPH_PRId
	    " by role, %" IGRAPH_PRId " placed by neato", source, match->by_id, match->by_role,
	    match->free);
	CLOUT_CHECK_ALLOC(line);
	if (d->caption != NULL && d->caption[0] != '\0')
		caption = clout_i_asprintf("%s\n%s", d->caption, line);
	else
		caption = clout_i_strdup(line);
	free(line);
	CLOUT_CHECK_ALLOC(caption);
	free(d->caption);
	d->caption = caption;
	return IGRAPH_SUCCESS;
}

igraph_error_t
clout_layout_apply(struct clout_renderer *r, const struct clout_layout *layout,
    const char *source, const struct clout_network *net, struct clout_drawing *d,
    struct clout_layout_match *match)
{
	struct matching		m;
	igraph_integer_t	i, n = d->nnodes, matched;
	double			dx = 0, dy = 0;
	int			splines;
	igraph_error_t		ret;

	memset(match, 0, sizeof match[0]);
	if (d->engine != CLOUT_ENGINE_NEATO)
		IGRAPH_ERRORF("a map drawn at saved positions is laid out by neato, not %s",
		    IGRAPH_EINVAL, clout_engine_name(d->engine));
	memset(&m, 0, sizeof m);
	m.ids = clout_i_strmap_new();
	m.roles = clout_i_strmap_new();
	if (m.ids == NULL || m.roles == NULL ||
	    igraph_vector_int_init(&m.how, n) != IGRAPH_SUCCESS ||
	    igraph_vector_int_init(&m.role_of, n) != IGRAPH_SUCCESS ||
	    igraph_vector_bool_init(&m.claimed, clout_layout_size(layout)) != IGRAPH_SUCCESS ||
	    igraph_vector_init(&m.tx, n) != IGRAPH_SUCCESS ||
	    igraph_vector_init(&m.ty, n) != IGRAPH_SUCCESS ||
	    igraph_vector_init(&m.sx, 0) != IGRAPH_SUCCESS ||
	    igraph_vector_init(&m.sy, 0) != IGRAPH_SUCCESS ||
	    igraph_vector_int_init(&m.rows, 0) != IGRAPH_SUCCESS ||
	    igraph_vector_int_init(&m.wanted, 0) != IGRAPH_SUCCESS) {
		/* a failed init leaves its vector empty: destroying them all is safe */
		matching_destroy(&m);
		IGRAPH_ERROR("out of memory", IGRAPH_ENOMEM);
	}
	IGRAPH_FINALLY(matching_destroy, &m);
	igraph_vector_int_fill(&m.role_of, -1);
	IGRAPH_CHECK(match_nodes(&m, layout, net, d));

	for (i = 0; i < n; i++) {
		switch (VECTOR(m.how)[i]) {
		case HOW_ID:
			match->by_id++;
			break;
		case HOW_ROLE:
			match->by_role++;
			break;
		default:
			match->free++;
			if (VECTOR(m.role_of)[i] >= 0)
				match->shared_role++;
		}
	}
	matched = match->by_id + match->by_role;
	if (matched == 0) {
		matching_destroy(&m);
		IGRAPH_FINALLY_CLEAN(1);
		return IGRAPH_SUCCESS;
	}

	/* neato places the free vertices around the pinned ones (straight edges: quicker) */
	for (i = 0; i < n; i++) {
		d->nodes[i].pinned = VECTOR(m.how)[i] != HOW_FREE;
		d->nodes[i].x = VECTOR(m.tx)[i];
		d->nodes[i].y = VECTOR(m.ty)[i];
	}
	splines = d->splines;
	d->splines = 0;
	ret = clout_render_positions(r, d);
	d->splines = splines;
	IGRAPH_CHECK(ret);
	/* should neato translate its result, move it back onto the layout's positions */
	for (i = 0; i < n; i++)
		if (d->nodes[i].pinned) {
			dx += VECTOR(m.tx)[i] - d->nodes[i].x;
			dy += VECTOR(m.ty)[i] - d->nodes[i].y;
		}
	dx /= (double)matched;
	dy /= (double)matched;
	for (i = 0; i < n; i++) {
		struct clout_drawing_node	*node = &d->nodes[i];

		node->x = node->pinned ? VECTOR(m.tx)[i] : node->x + dx;
		node->y = node->pinned ? VECTOR(m.ty)[i] : node->y + dy;
		node->pinned = 1;
	}
	IGRAPH_CHECK(settle(d, &m.how, &m.tx, &m.ty, match));
	d->engine = CLOUT_ENGINE_PINNED;
	d->keep_origin = 1;	/* the layout's coordinates, not shifted to the drawing's corner */
	IGRAPH_CHECK(add_caption(d, source, match));
	matching_destroy(&m);
	IGRAPH_FINALLY_CLEAN(1);
	return IGRAPH_SUCCESS;
}
