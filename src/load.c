/*
 * load.c: a case folder or an edge list -> network, collecting every problem
 * (file:line:column) of the data before failing.
 *
 * Files are read in the order case.csv, actors.csv, issues.csv, relations.csv:
 * case.csv says whether the case is directed, which decides how relations
 * merge. Vertices and relations are staged in vectors and the igraph graph is
 * built once at the end, so loading stays linear.
 */
#define _POSIX_C_SOURCE 200809L
#include <sys/stat.h>

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "clout_internal.h"

enum file_kind {
	FILE_CASE,
	FILE_ACTORS,
	FILE_ISSUES,
	FILE_RELATIONS,
	FILE_EDGE_LIST
};

/* The columns the loader knows; any other column is kept as an attribute. */
enum column {
	COL_ID, COL_LABEL, COL_KIND, COL_BLOC, COL_ROLE, COL_NOTES,
	COL_SOURCE, COL_TARGET, COL_WEIGHT, COL_SIGN, COL_CONFIDENCE, COL_EVIDENCE,
	COL_COUNT
};

static const char *const column_names[COL_COUNT] = {
	"id", "label", "kind", "bloc", "role", "notes",
	"source", "target", "weight", "sign", "confidence", "evidence"
};

/* Which known columns each file has (bit per column), and which it requires. */
#define BIT(c) (1u << (c))
static const unsigned int file_columns[] = {
	[FILE_CASE] = 0,
	[FILE_ACTORS] = BIT(COL_ID) | BIT(COL_LABEL) | BIT(COL_KIND) | BIT(COL_BLOC) |
	    BIT(COL_ROLE) | BIT(COL_NOTES),
	[FILE_ISSUES] = BIT(COL_ID) | BIT(COL_LABEL) | BIT(COL_ROLE) | BIT(COL_NOTES),
	[FILE_RELATIONS] = BIT(COL_SOURCE) | BIT(COL_TARGET) | BIT(COL_WEIGHT) | BIT(COL_SIGN) |
	    BIT(COL_KIND) | BIT(COL_CONFIDENCE) | BIT(COL_EVIDENCE),
	[FILE_EDGE_LIST] = BIT(COL_SOURCE) | BIT(COL_TARGET) | BIT(COL_WEIGHT) | BIT(COL_SIGN) |
	    BIT(COL_KIND) | BIT(COL_CONFIDENCE) | BIT(COL_EVIDENCE),
};
static const unsigned int file_required[] = {
	[FILE_CASE] = 0,
	[FILE_ACTORS] = BIT(COL_ID),
	[FILE_ISSUES] = BIT(COL_ID),
	[FILE_RELATIONS] = BIT(COL_SOURCE) | BIT(COL_TARGET),
	[FILE_EDGE_LIST] = BIT(COL_SOURCE) | BIT(COL_TARGET),
};

static const char *const actor_kinds[] = {
	"state", "leader", "envoy", "government", "authority", "alliance", "organisation",
	"public", "media", "other", NULL
};

#define MAX_FIELDS_KNOWN 4096	/* headers wider than this keep only known columns */
#define MAX_HINTS 200		/* "did you mean" searches are O(ids): cap them */
#define MAX_MESSAGES 100	/* problems listed per file; the rest are counted */

struct header {
	int			 nfields;
	int			 where[COL_COUNT];	/* field of each known column, or -1 */
	int			*attr;			/* per field: attribute column or -1 */
	int			 ok;			/* required columns present */
};

/* A relation as read, before merging into the network. */
struct staged_edges {
	igraph_vector_int_t	 ends;		/* from, to pairs */
	igraph_vector_t		 signed_weight;	/* sign * weight, summed over duplicates */
	igraph_vector_t		 confidence;
	igraph_strvector_t	 kind, evidence;
	igraph_vector_int_t	 line;
};

struct loader {
	struct clout_network	*net;
	struct clout_diags	*diags;

	/* the file being read */
	const char		*file;
	int			 order;
	enum file_kind		 kind;
	struct header		 header;

	/* every file read, for messages that point back to an earlier one */
	igraph_strvector_t	 files;
	igraph_vector_int_t	 vertex_file, vertex_column;

	int			 vertices_ok;	/* actors.csv was read: unknown ids are errors */
	int			 hints_left;
	int			 case_header_seen;
	int			 decimal_comma;		/* this file is ';'-separated: 2,5 is 2.5 */
	int			 semicolon_noted;	/* said so once for the case */
	struct staged_edges	 edges;
	struct clout_i_pairmap	*pairs;
	struct clout_strmap	*skeletons;	/* what each id looks like -> vertex */
};

int
clout_parse_decimal(const char *text, double *value)
{
	const char	*p = text;
	char		*end;

	/* strtod alone takes hex, inf, nan and locale commas: check the shape first */
	if (*p == '+' || *p == '-')
		p++;
	if (!isdigit((unsigned char)*p))
		return 1;
	while (isdigit((unsigned char)*p))
		p++;
	if (*p == '.') {
		p++;
		if (!isdigit((unsigned char)*p))
			return 1;
		while (isdigit((unsigned char)*p))
			p++;
	}
	if (*p == 'e' || *p == 'E') {
		p++;
		if (*p == '+' || *p == '-')
			p++;
		if (!isdigit((unsigned char)*p))
			return 1;
		while (isdigit((unsigned char)*p))
			p++;
	}
	if (*p != '\0')
		return 1;
	errno = 0;
	*value = strtod(text, &end);
	if (errno == ERANGE && fabs(*value) < 1)
		return 3;	/* underflow: below the smallest normal double */
	if (errno == ERANGE || !isfinite(*value))
		return 2;
	return 0;
}

static int
parse_yes_no(const char *text, igraph_bool_t *value)
{
	static const char *const yes[] = { "yes", "true", "1", NULL };
	static const char *const no[] = { "no", "false", "0", NULL };
	int			 i;

	for (i = 0; yes[i] != NULL; i++)
		if (clout_i_strcaseeq(text, yes[i])) {
			*value = 1;
			return 0;
		}
	for (i = 0; no[i] != NULL; i++)
		if (clout_i_strcaseeq(text, no[i])) {
			*value = 0;
			return 0;
		}
	return -1;
}

static igraph_error_t
report(struct loader *L, enum clout_severity severity, long line, int column,
    const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;

static igraph_error_t
report(struct loader *L, enum clout_severity severity, long line, int column,
    const char *fmt, ...)
{
	va_list		ap;
	igraph_error_t	ret;

	va_start(ap, fmt);
	ret = clout_diags_vadd(L->diags, severity, L->order, L->file, line, column, fmt, ap);
	va_end(ap);
	return ret;
}

/* "did you mean" search over the known ids: a case-insensitive match, else the closest few edits. */
struct hint_search {
	const char		*wanted;
	const char		*best;
	size_t			 distance;
};

static int
hint_visit(const char *key, igraph_integer_t value, void *user)
{
	struct hint_search	*h = user;
	size_t			 d;

	(void)value;
	d = clout_i_strcaseeq(key, h->wanted) ? 0 :
	    clout_i_edit_distance(key, h->wanted, h->distance - 1) + 1;
	/* ties go to the smaller id, so the hint does not depend on hashing */
	if (d < h->distance || (d == h->distance && h->best != NULL && strcmp(key, h->best) < 0)) {
		h->distance = d;
		h->best = key;
	}
	return 0;
}

static const char *
closest_id(struct loader *L, const char *wanted)
{
	struct hint_search	h;
	size_t			len = strlen(wanted);

	if (L->hints_left <= 0)
		return NULL;
	L->hints_left--;
	h.wanted = wanted;
	h.best = NULL;
	/* edits allowed: a third of the length, at least 1 and at most 3 */
	h.distance = 2 + (len / 3 < 1 ? 1 : len / 3 > 3 ? 3 : len / 3);
	clout_i_strmap_each(L->net->index, hint_visit, &h);
	return h.best;
}

static const char *
field(const struct loader *L, const struct clout_i_record *rec, enum column c)
{
	int	f = L->header.where[c];

	return f >= 0 && f < rec->nfields ? rec->fields[f] : "";
}

static int
column_of(const struct loader *L, enum column c)
{
	return L->header.where[c] + 1;
}

static void
header_reset(struct header *h)
{
	int	c;

	free(h->attr);
	memset(h, 0, sizeof *h);
	for (c = 0; c < COL_COUNT; c++)
		h->where[c] = -1;
}

static igraph_error_t
read_header(struct loader *L, const struct clout_i_record *rec)
{
	struct header		*h = &L->header;
	struct clout_attrs	*attrs = L->kind == FILE_RELATIONS || L->kind == FILE_EDGE_LIST ?
	    &L->net->edge_attrs : &L->net->vertex_attrs;
	igraph_integer_t	 nitems = L->kind == FILE_RELATIONS || L->kind == FILE_EDGE_LIST ?
	    igraph_vector_int_size(&L->edges.line) : igraph_strvector_size(&L->net->id);
	const char		*other;
	char			 hint[128] = "";
	int			 f, c;

	header_reset(h);
	h->nfields = rec->nfields;
	h->attr = malloc((size_t)rec->nfields * sizeof *h->attr);
	CLOUT_CHECK_ALLOC(h->attr);
	for (f = 0; f < rec->nfields; f++) {
		const char	*name = rec->fields[f];
		int		 known = -1;

		h->attr[f] = -1;
		if (name[0] == '\0') {
			IGRAPH_CHECK(report(L, CLOUT_WARNING, rec->line, f + 1,
			    "column %d has no name; its values are ignored", f + 1));
			continue;
		}
		for (c = 0; c < COL_COUNT; c++)
			if ((file_columns[L->kind] & BIT(c)) && clout_i_strcaseeq(name, column_names[c]))
				known = c;
		if (known >= 0) {
			if (h->where[known] >= 0) {
				IGRAPH_CHECK(report(L, CLOUT_ERROR, rec->line, f + 1,
				    "duplicate column '%s' (also column %d)", name, h->where[known] + 1));
				continue;
			}
			h->where[known] = f;
			continue;
		}
		if (f < MAX_FIELDS_KNOWN) {
			igraph_integer_t	col;
			char			*lower = clout_i_strdup(name);
			char			*p;

			CLOUT_CHECK_ALLOC(lower);
			for (p = lower; *p != '\0'; p++)
				*p = (char)tolower((unsigned char)*p);
			/* an attribute may not shadow a known column of another file */
			if (clout_attrs_column(attrs, lower, nitems, &col) != IGRAPH_SUCCESS) {
				free(lower);
				IGRAPH_ERROR("out of memory", IGRAPH_ENOMEM);
			}
			free(lower);
			h->attr[f] = (int)col;
		}
	}
	h->ok = 1;
	/* one field holding a likely delimiter: the file is not comma-separated */
	if (rec->nfields == 1 && (other = clout_i_delimiter_hint(rec->fields[0])) != NULL)
		snprintf(hint, sizeof hint, "; the header row is one field: is the delimiter %s%s%s? "
		    "case files are separated by ',' or ';'", strcmp(other, "tab") == 0 ? "a " : "'",
		    other, strcmp(other, "tab") == 0 ? "" : "'");
	for (c = 0; c < COL_COUNT; c++) {
		if ((file_required[L->kind] & BIT(c)) && h->where[c] < 0) {
			IGRAPH_CHECK(report(L, CLOUT_ERROR, 0, 0, "missing required column '%s'%s%s",
			    column_names[c], L->kind == FILE_EDGE_LIST ?
			    " (an edge list needs a header row with 'source' and 'target')" : "", hint));
			h->ok = 0;
		}
	}
	if (L->kind == FILE_RELATIONS && h->where[COL_EVIDENCE] < 0 && h->ok)
		IGRAPH_CHECK(report(L, CLOUT_WARNING, 0, 0,
		    "no 'evidence' column: no relation says why it is believed"));
	return IGRAPH_SUCCESS;
}

/* Copy a record's extra columns into the attribute table, as item number item. */
static igraph_error_t
store_attrs(struct loader *L, const struct clout_i_record *rec, struct clout_attrs *attrs,
    igraph_integer_t item)
{
	int	f;

	IGRAPH_CHECK(clout_attrs_grow(attrs));
	for (f = 0; f < rec->nfields && f < L->header.nfields; f++)
		if (L->header.attr[f] >= 0 && rec->fields[f][0] != '\0')
			IGRAPH_CHECK(igraph_strvector_set(&attrs->values[L->header.attr[f]], item,
			    rec->fields[f]));
	return IGRAPH_SUCCESS;
}

/* The vertex whose id looks like id (same skeleton), or -1. */
static igraph_error_t
look_alike(struct loader *L, const char *id, igraph_integer_t *twin)
{
	char	*look = clout_i_utf8_skeleton(id);

	CLOUT_CHECK_ALLOC(look);
	*twin = clout_i_strmap_find(L->skeletons, look);
	free(look);
	return IGRAPH_SUCCESS;
}

/* Why two ids that look alike differ: "Unicode normalisation" or "invisible characters". */
static igraph_error_t
look_alike_reason(const char *a, const char *b, const char **reason)
{
	char	*na = clout_i_utf8_nfc(a), *nb = clout_i_utf8_nfc(b);
	int	 same = na != NULL && nb != NULL && strcmp(na, nb) == 0;

	if (na == NULL || nb == NULL) {
		free(na);
		free(nb);
		IGRAPH_ERROR("out of memory", IGRAPH_ENOMEM);
	}
	free(na);
	free(nb);
	*reason = same ? "Unicode normalisation (composed and decomposed accents)" :
	    "invisible characters (a zero-width space, joiner or soft hyphen)";
	return IGRAPH_SUCCESS;
}

static igraph_error_t
add_vertex(struct loader *L, const char *id, const char *label, const char *kind,
    const char *bloc, const char *role, const char *notes, enum clout_vertex_type type,
    long line, int column, igraph_integer_t *vertex)
{
	struct clout_network	*net = L->net;
	igraph_integer_t	 v = igraph_strvector_size(&net->id), existing, twin;
	const char		*reason;
	char			*look;
	igraph_error_t		 ret;

	IGRAPH_CHECK(clout_i_strmap_insert(net->index, id, v, &existing));
	/* ids that differ only in what cannot be seen are two vertices: say so */
	look = clout_i_utf8_skeleton(id);
	CLOUT_CHECK_ALLOC(look);
	ret = clout_i_strmap_insert(L->skeletons, look, v, &twin);
	free(look);
	IGRAPH_CHECK(ret);
	if (twin >= 0) {
		const char	*other = igraph_strvector_get(&net->id, twin);

		IGRAPH_CHECK(look_alike_reason(id, other, &reason));
		IGRAPH_CHECK(report(L, CLOUT_WARNING, line, column,
		    "id '%s' looks identical to '%s' (%s:%" IGRAPH_PRId ") but differs by %s: "
		    "they are two %ss", id, other,
		    igraph_strvector_get(&L->files, VECTOR(L->vertex_file)[twin]),
		    VECTOR(net->vertex_line)[twin], reason, clout_vertex_type_name(type)));
	}
	IGRAPH_CHECK(igraph_strvector_push_back(&net->id, id));
	IGRAPH_CHECK(igraph_strvector_push_back(&net->label, label[0] != '\0' ? label : id));
	IGRAPH_CHECK(igraph_strvector_push_back(&net->kind, kind));
	IGRAPH_CHECK(igraph_strvector_push_back(&net->bloc, bloc));
	IGRAPH_CHECK(igraph_strvector_push_back(&net->role, role));
	IGRAPH_CHECK(igraph_strvector_push_back(&net->notes, notes));
	IGRAPH_CHECK(igraph_vector_int_push_back(&net->type, type));
	IGRAPH_CHECK(igraph_vector_int_push_back(&net->vertex_line, line));
	IGRAPH_CHECK(igraph_vector_int_push_back(&L->vertex_file, L->order));
	IGRAPH_CHECK(igraph_vector_int_push_back(&L->vertex_column, column));
	*vertex = v;
	return IGRAPH_SUCCESS;
}

static igraph_error_t
read_vertex(struct loader *L, const struct clout_i_record *rec)
{
	const char		*id = field(L, rec, COL_ID);
	char			 kind[64] = "";
	const char		*kind_value = kind;
	igraph_integer_t	 first, v;
	int			 i;

	if (id[0] == '\0')
		return report(L, CLOUT_ERROR, rec->line, column_of(L, COL_ID), "empty id");
	first = clout_i_strmap_find(L->net->index, id);
	if (first >= 0)
		return report(L, CLOUT_ERROR, rec->line, column_of(L, COL_ID),
		    "duplicate id '%s' (first defined at %s:%" IGRAPH_PRId ")", id,
		    igraph_strvector_get(&L->files, VECTOR(L->vertex_file)[first]),
		    VECTOR(L->net->vertex_line)[first]);
	if (L->kind == FILE_ACTORS && field(L, rec, COL_KIND)[0] != '\0') {
		const char	*given = field(L, rec, COL_KIND);
		const char	*best = NULL;
		size_t		 n = strlen(given), d, bestd = 3;
		int		 known = 0;

		/* kinds are a vocabulary: match them case-insensitively, store them lower-case */
		if (n < sizeof kind) {
			for (i = 0; given[i] != '\0'; i++)
				kind[i] = (char)tolower((unsigned char)given[i]);
			kind[n] = '\0';
			for (i = 0; actor_kinds[i] != NULL; i++)
				known |= strcmp(kind, actor_kinds[i]) == 0;
		}
		if (!known) {
			kind_value = given;
			for (i = 0; actor_kinds[i] != NULL; i++) {
				d = clout_i_edit_distance(actor_kinds[i], given, 2);
				if (d < bestd) {
					bestd = d;
					best = actor_kinds[i];
				}
			}
			if (best != NULL)
				IGRAPH_CHECK(report(L, CLOUT_WARNING, rec->line, column_of(L, COL_KIND),
				    "unknown actor kind '%s'; did you mean '%s'?", given, best));
			else
				IGRAPH_CHECK(report(L, CLOUT_WARNING, rec->line, column_of(L, COL_KIND),
				    "unknown actor kind '%s' (known: state, leader, envoy, government, "
				    "alliance, organisation, public, media, other)", given));
		}
	}
	IGRAPH_CHECK(add_vertex(L, id, field(L, rec, COL_LABEL), kind_value, field(L, rec, COL_BLOC),
	    field(L, rec, COL_ROLE), field(L, rec, COL_NOTES),
	    L->kind == FILE_ISSUES ? CLOUT_VERTEX_ISSUE : CLOUT_VERTEX_ACTOR,
	    rec->line, column_of(L, COL_ID), &v));
	return store_attrs(L, rec, &L->net->vertex_attrs, v);
}

/* The vertex of a relation's endpoint, created in an edge list; -1 after an error. */
static igraph_error_t
endpoint(struct loader *L, const struct clout_i_record *rec, enum column c, igraph_integer_t *v)
{
	const char	*id = field(L, rec, c);
	const char	*best;
	igraph_integer_t twin;

	*v = -1;
	if (id[0] == '\0')
		return report(L, CLOUT_ERROR, rec->line, column_of(L, c), "empty %s", column_names[c]);
	*v = clout_i_strmap_find(L->net->index, id);
	if (*v >= 0)
		return IGRAPH_SUCCESS;
	if (L->kind == FILE_EDGE_LIST) {
		IGRAPH_CHECK(add_vertex(L, id, "", "", "", "", "", CLOUT_VERTEX_ACTOR, rec->line,
		    column_of(L, c), v));
		return clout_attrs_grow(&L->net->vertex_attrs);
	}
	if (!L->vertices_ok)
		return IGRAPH_SUCCESS;	/* actors.csv already failed: don't pile on */
	IGRAPH_CHECK(look_alike(L, id, &twin));
	if (twin >= 0) {
		const char	*other = igraph_strvector_get(&L->net->id, twin);
		const char	*reason;

		IGRAPH_CHECK(look_alike_reason(id, other, &reason));
		return report(L, CLOUT_ERROR, rec->line, column_of(L, c),
		    "unknown %s '%s': it looks identical to the id '%s' but differs by %s",
		    column_names[c], id, other, reason);
	}
	best = closest_id(L, id);
	if (best != NULL)
		return report(L, CLOUT_ERROR, rec->line, column_of(L, c),
		    "unknown %s '%s'; did you mean '%s'?", column_names[c], id, best);
	return report(L, CLOUT_ERROR, rec->line, column_of(L, c),
	    "unknown %s '%s' (not an id in actors.csv or issues.csv)", column_names[c], id);
}

/* Whether item is one of the "; "-separated items of list. */
static int
has_item(const char *list, const char *item)
{
	size_t	n = strlen(item);

	while (*list != '\0') {
		const char	*end = strstr(list, "; ");
		size_t		 len = end != NULL ? (size_t)(end - list) : strlen(list);

		if (len == n && strncmp(list, item, n) == 0)
			return 1;
		list += len + (end != NULL ? 2 : 0);
	}
	return 0;
}

/*
 * Add item to the "; "-separated list in sv[at] unless it is there already;
 * a list that is only the default (empty, "influence") is replaced. A list
 * stops growing at LIST_MAX bytes and ends with "; ...": copying and searching
 * an unbounded list made merging n duplicates O(n^2) (40,000 took minutes).
 */
#define LIST_MAX	4096
#define LIST_MORE	"; ..."

static igraph_error_t
append_item(igraph_strvector_t *sv, igraph_integer_t at, const char *item, const char *unset)
{
	const char	*list = igraph_strvector_get(sv, at);
	size_t		 length = strlen(list);
	char		*joined;
	igraph_error_t	 ret;

	if (item[0] == '\0')
		return IGRAPH_SUCCESS;
	if (length >= LIST_MAX) {
		if (strcmp(list + length - strlen(LIST_MORE), LIST_MORE) == 0)
			return IGRAPH_SUCCESS;
		item = "...";	/* once: the list says it goes on */
	} else if (has_item(list, item))
		return IGRAPH_SUCCESS;
	joined = strcmp(list, unset) == 0 || list[0] == '\0' ? clout_i_strdup(item) :
	    clout_i_asprintf("%s; %s", list, item);
	CLOUT_CHECK_ALLOC(joined);
	ret = igraph_strvector_set(sv, at, joined);
	free(joined);
	if (ret != IGRAPH_SUCCESS)
		IGRAPH_ERROR("out of memory", ret);
	return IGRAPH_SUCCESS;
}

/* A number field: 0 when fine (or empty: then *value keeps its default). */
static igraph_error_t
number(struct loader *L, const struct clout_i_record *rec, enum column c, double *value,
    int *bad)
{
	const char	*text = field(L, rec, c), *number_text = text;
	const char	*what = column_names[c];
	const char	*comma = strchr(text, ',');
	char		 point[64];
	int		 col = column_of(L, c);

	if (text[0] == '\0')
		return IGRAPH_SUCCESS;
	/* in a ';'-separated file one decimal comma is a decimal point */
	if (L->decimal_comma && comma != NULL && strchr(comma + 1, ',') == NULL &&
	    strchr(text, '.') == NULL && strlen(text) < sizeof point) {
		strcpy(point, text);
		point[comma - text] = '.';
		number_text = point;
	}
	switch (clout_parse_decimal(number_text, value)) {
	case 0:
		return IGRAPH_SUCCESS;
	case 2:
		*bad = 1;
		return report(L, CLOUT_ERROR, rec->line, col,
		    "%s '%s' is out of range (beyond 1.8e308)", what, text);
	case 3:
		*bad = 1;
		return report(L, CLOUT_ERROR, rec->line, col,
		    "%s '%s' is too close to 0 to represent (below 2.2e-308)", what, text);
	default:
		break;
	}
	*bad = 1;
	if (comma != NULL)
		return report(L, CLOUT_ERROR, rec->line, col, L->decimal_comma ?
		    "%s '%s' is not a number" :
		    "%s '%s' is not a number; use a decimal point, not a comma (or separate the "
		    "fields with ';', and then decimal commas are read)", what, text);
	if (c == COL_CONFIDENCE && text[strlen(text) - 1] == '%')
		return report(L, CLOUT_ERROR, rec->line, col,
		    "%s '%s' is not a number; write a percentage as a fraction (0.85 for 85%%)",
		    what, text);
	if (strncasecmp(text + strspn(text, "+-"), "inf", 3) == 0 ||
	    strncasecmp(text + strspn(text, "+-"), "nan", 3) == 0)
		return report(L, CLOUT_ERROR, rec->line, col,
		    "%s '%s' is not a finite decimal number", what, text);
	if (strncasecmp(text + strspn(text, "+-"), "0x", 2) == 0)
		return report(L, CLOUT_ERROR, rec->line, col,
		    "%s '%s' is not a plain decimal number (hexadecimal is not read)", what, text);
	return report(L, CLOUT_ERROR, rec->line, col,
	    "%s '%s' is not a plain decimal number", what, text);
}

static igraph_error_t
read_relation(struct loader *L, const struct clout_i_record *rec)
{
	struct staged_edges	*E = &L->edges;
	igraph_integer_t	 from, to, existing, e;
	double			 weight = 1, confidence = 1, net_weight;
	const char		*sign_text = field(L, rec, COL_SIGN);
	const char		*kind = field(L, rec, COL_KIND);
	const char		*evidence = field(L, rec, COL_EVIDENCE);
	int			 sign = 1, bad = 0;
	uint64_t		 key;

	IGRAPH_CHECK(endpoint(L, rec, COL_SOURCE, &from));
	IGRAPH_CHECK(endpoint(L, rec, COL_TARGET, &to));
	IGRAPH_CHECK(number(L, rec, COL_WEIGHT, &weight, &bad));
	if (!bad && !(weight > 0)) {
		bad = 1;
		IGRAPH_CHECK(report(L, CLOUT_ERROR, rec->line, column_of(L, COL_WEIGHT),
		    "weight must be greater than 0, not '%s'%s", field(L, rec, COL_WEIGHT),
		    weight < 0 ? "; write an opposing relation as sign '-' with a positive weight" : ""));
	}
	if (strcmp(sign_text, "-") == 0)
		sign = -1;
	else if (sign_text[0] != '\0' && strcmp(sign_text, "+") != 0) {
		bad = 1;
		IGRAPH_CHECK(report(L, CLOUT_ERROR, rec->line, column_of(L, COL_SIGN),
		    "sign '%s' must be '+' (supports) or '-' (opposes)", sign_text));
	}
	{
		int	confidence_bad = 0;

		IGRAPH_CHECK(number(L, rec, COL_CONFIDENCE, &confidence, &confidence_bad));
		if (!confidence_bad && (confidence < 0 || confidence > 1)) {
			confidence_bad = 1;
			IGRAPH_CHECK(report(L, CLOUT_ERROR, rec->line, column_of(L, COL_CONFIDENCE),
			    "confidence '%s' is outside 0..1%s", field(L, rec, COL_CONFIDENCE),
			    confidence >= 2 && confidence <= 100 ?
			    "; write a percentage as a fraction (0.85 for 85%)" : ""));
		}
		bad |= confidence_bad;
	}
	if (L->kind == FILE_RELATIONS && L->header.where[COL_EVIDENCE] >= 0 && evidence[0] == '\0')
		IGRAPH_CHECK(report(L, CLOUT_WARNING, rec->line, column_of(L, COL_EVIDENCE),
		    "relation '%s' -> '%s' has no evidence", field(L, rec, COL_SOURCE),
		    field(L, rec, COL_TARGET)));
	if (bad || from < 0 || to < 0)
		return IGRAPH_SUCCESS;
	if (from == to)
		return report(L, CLOUT_WARNING, rec->line, column_of(L, COL_TARGET),
		    "self-loop '%s' -> '%s' is left out of every analysis",
		    field(L, rec, COL_SOURCE), field(L, rec, COL_TARGET));

	if (L->net->directed || from < to)
		key = ((uint64_t)from << 32) | (uint64_t)to;
	else
		key = ((uint64_t)to << 32) | (uint64_t)from;
	e = igraph_vector_size(&E->signed_weight);
	IGRAPH_CHECK(clout_i_pairmap_insert(L->pairs, key, e, &existing));
	if (existing >= 0)
		goto merge;

	IGRAPH_CHECK(igraph_vector_int_push_back(&E->ends, from));
	IGRAPH_CHECK(igraph_vector_int_push_back(&E->ends, to));
	IGRAPH_CHECK(igraph_vector_push_back(&E->signed_weight, sign * weight));
	IGRAPH_CHECK(igraph_vector_push_back(&E->confidence, confidence));
	IGRAPH_CHECK(igraph_strvector_push_back(&E->kind, kind[0] != '\0' ? kind : "influence"));
	IGRAPH_CHECK(igraph_strvector_push_back(&E->evidence, evidence));
	IGRAPH_CHECK(igraph_vector_int_push_back(&E->line, rec->line));
	return store_attrs(L, rec, &L->net->edge_attrs, e);

merge:
	/* same sign: weights add; opposite signs: the net signed sum remains */
	{
		double		 before = VECTOR(E->signed_weight)[existing];
		/* in an undirected case a-b and b-a are one relation */
		const char	*arrow = L->net->directed ? "->" : "--";
		const char	*where = L->net->directed ? "" : " in an undirected case";

		net_weight = before + sign * weight;
		if (!isfinite(net_weight))
			return report(L, CLOUT_ERROR, rec->line, column_of(L, COL_WEIGHT),
			    "duplicate relation '%s' %s '%s'%s (first at line %" IGRAPH_PRId "): "
			    "the summed weight is too large to represent", field(L, rec, COL_SOURCE),
			    arrow, field(L, rec, COL_TARGET), where, VECTOR(E->line)[existing]);
		VECTOR(E->signed_weight)[existing] = net_weight;
		if (confidence > VECTOR(E->confidence)[existing])
			VECTOR(E->confidence)[existing] = confidence;
		IGRAPH_CHECK(append_item(&E->evidence, existing, evidence, ""));
		IGRAPH_CHECK(append_item(&E->kind, existing, kind, "influence"));
		/* after a cancellation (before == 0) the row simply starts afresh */
		if (before == 0 || (before > 0) == (sign > 0))
			return report(L, CLOUT_WARNING, rec->line, column_of(L, COL_SOURCE),
			    "duplicate relation '%s' %s '%s'%s (first at line %" IGRAPH_PRId "): "
			    "merged, weights summed to %g", field(L, rec, COL_SOURCE), arrow,
			    field(L, rec, COL_TARGET), where, VECTOR(E->line)[existing], fabs(net_weight));
		if (net_weight == 0)
			return report(L, CLOUT_WARNING, rec->line, column_of(L, COL_SOURCE),
			    "duplicate relation '%s' %s '%s'%s with the opposite sign (first at line %"
			    IGRAPH_PRId "): the signed weights cancel out and the relation is dropped",
			    field(L, rec, COL_SOURCE), arrow, field(L, rec, COL_TARGET), where,
			    VECTOR(E->line)[existing]);
		return report(L, CLOUT_WARNING, rec->line, column_of(L, COL_SOURCE),
		    "duplicate relation '%s' %s '%s'%s with the opposite sign (first at line %"
		    IGRAPH_PRId "): merged into the net signed weight %+g", field(L, rec, COL_SOURCE),
		    arrow, field(L, rec, COL_TARGET), where, VECTOR(E->line)[existing], net_weight);
	}
}

static igraph_error_t
read_case_entry(struct loader *L, const struct clout_i_record *rec)
{
	struct clout_network	*net = L->net;
	char			 key[64];
	const char		*value = rec->nfields > 1 ? rec->fields[1] : "";
	igraph_integer_t	 i, n = igraph_strvector_size(&net->info_keys);
	size_t			 k;
	int			 f;

	if (rec->index == 0 && rec->nfields >= 2 && clout_i_strcaseeq(rec->fields[0], "key") &&
	    clout_i_strcaseeq(rec->fields[1], "value")) {
		L->case_header_seen = 1;
		return IGRAPH_SUCCESS;
	}
	for (f = 2; f < rec->nfields; f++)
		if (rec->fields[f][0] != '\0')
			return report(L, CLOUT_ERROR, rec->line, f + 1,
			    "expected 'key,value' but found %d fields (quote a value that holds commas)",
			    rec->nfields);
	if (rec->fields[0][0] == '\0')
		return report(L, CLOUT_ERROR, rec->line, 1, "empty key");
	for (k = 0; rec->fields[0][k] != '\0' && k + 1 < sizeof key; k++)
		key[k] = (char)tolower((unsigned char)rec->fields[0][k]);
	key[k] = '\0';
	for (i = 0; i < n; i++)
		if (strcmp(igraph_strvector_get(&net->info_keys, i), key) == 0)
			return report(L, CLOUT_ERROR, rec->line, 1, "duplicate key '%s'", key);
	if (strcmp(key, "directed") == 0 && value[0] != '\0' &&
	    parse_yes_no(value, &net->directed) != 0)
		return report(L, CLOUT_ERROR, rec->line, 2,
		    "directed '%s' must be yes or no (or true/false, 1/0)", value);
	IGRAPH_CHECK(igraph_strvector_push_back(&net->info_keys, key));
	return igraph_strvector_push_back(&net->info_values, value);
}

static igraph_error_t
on_record(const struct clout_i_record *rec, void *user)
{
	struct loader	*L = user;
	int		 f;

	if (rec->index == 0) {
		L->decimal_comma = rec->delimiter == ';';
		if (L->decimal_comma && !L->semicolon_noted) {
			L->semicolon_noted = 1;
			IGRAPH_CHECK(report(L, CLOUT_WARNING, rec->line, 0,
			    "fields are separated by ';' (found in the header row), as Excel saves "
			    "CSV in many European languages; decimal commas such as 2,5 are read as 2.5"));
		}
	}
	if (L->kind == FILE_CASE)
		return read_case_entry(L, rec);
	if (rec->index == 0)
		return read_header(L, rec);
	if (!L->header.ok)
		return IGRAPH_SUCCESS;
	if (rec->nfields < L->header.nfields)
		return report(L, CLOUT_ERROR, rec->line, rec->nfields,
		    "this row has %d fields but the header has %d", rec->nfields,
		    L->header.nfields);
	for (f = L->header.nfields; f < rec->nfields; f++)
		if (rec->fields[f][0] != '\0')
			return report(L, CLOUT_ERROR, rec->line, f + 1,
			    "this row has %d fields but the header has %d (quote a value that holds commas)",
			    rec->nfields, L->header.nfields);
	if (L->kind == FILE_ACTORS || L->kind == FILE_ISSUES)
		return read_vertex(L, rec);
	return read_relation(L, rec);
}

/* Read one file; a missing optional file is fine, a missing required one an error. */
static igraph_error_t
read_file(struct loader *L, const char *path, enum file_kind kind, int required, int *found)
{
	struct clout_i_csv_options how = { ',', 0, CLOUT_I_UTF8, 1 };
	struct stat	 st;
	FILE		*in;
	igraph_error_t	 ret;
	long		 before = L->diags->errors;
	int		 from_stdin = strcmp(path, "-") == 0;

	*found = 0;
	L->order = (int)igraph_strvector_size(&L->files);
	L->kind = kind;
	L->decimal_comma = 0;
	header_reset(&L->header);
	/* messages name the loader's own copy: the caller's path may not outlive the load */
	IGRAPH_CHECK(igraph_strvector_push_back(&L->files, from_stdin ? "<stdin>" : path));
	L->file = igraph_strvector_get(&L->files, L->order);
	/*
	 * A case folder's files are regular files: a FIFO there would block the
	 * load, a directory fails only at the first read. A single edge list
	 * may be a pipe (clout rank <(...)).
	 */
	if (kind != FILE_EDGE_LIST && stat(path, &st) == 0 && !S_ISREG(st.st_mode))
		return report(L, CLOUT_ERROR, 0, 0, "not a regular file but %s",
		    S_ISDIR(st.st_mode) ? "a directory" : S_ISFIFO(st.st_mode) ? "a FIFO" :
		    S_ISSOCK(st.st_mode) ? "a socket" : "a device");
	in = from_stdin ? stdin : fopen(path, "r");
	if (in == NULL) {
		if (errno == ENOENT && !required)
			return IGRAPH_SUCCESS;
		return report(L, CLOUT_ERROR, 0, 0, "cannot open: %s", strerror(errno));
	}
	ret = clout_i_csv_read_with(in, L->file, L->order, L->diags, &how, on_record, L);
	if (!from_stdin)
		fclose(in);
	IGRAPH_CHECK(ret);
	if (kind != FILE_CASE && L->header.nfields == 0 && L->diags->errors == before)
		return report(L, CLOUT_ERROR, 0, 0, "file is empty: expected a header row");
	*found = L->header.ok || kind == FILE_CASE;
	return IGRAPH_SUCCESS;
}

/* Keep the items whose keep[] is set, in order. */
static igraph_error_t
strvector_keep(igraph_strvector_t *sv, const char *keep)
{
	igraph_strvector_t	kept;
	igraph_integer_t	i, n = igraph_strvector_size(sv);

	IGRAPH_CHECK(igraph_strvector_init(&kept, 0));
	IGRAPH_FINALLY(igraph_strvector_destroy, &kept);
	for (i = 0; i < n; i++)
		if (keep[i])
			IGRAPH_CHECK(igraph_strvector_push_back(&kept, igraph_strvector_get(sv, i)));
	igraph_strvector_destroy(sv);
	*sv = kept;
	IGRAPH_FINALLY_CLEAN(1);
	return IGRAPH_SUCCESS;
}

/* Staged relations -> igraph graph and edge vectors; then isolated-vertex warnings. */
static igraph_error_t
build(struct loader *L, int warn_isolated)
{
	struct clout_network	*net = L->net;
	struct staged_edges	*E = &L->edges;
	igraph_integer_t	 n = igraph_strvector_size(&net->id);
	igraph_integer_t	 m = igraph_vector_size(&E->signed_weight), e, kept = 0, v, a;
	igraph_vector_int_t	 ends, degree;
	igraph_t		 graph;
	char			*keep;

	keep = malloc((size_t)m + 1);
	CLOUT_CHECK_ALLOC(keep);
	IGRAPH_FINALLY(free, keep);
	IGRAPH_VECTOR_INT_INIT_FINALLY(&ends, 0);
	IGRAPH_VECTOR_INT_INIT_FINALLY(&degree, n);
	IGRAPH_CHECK(igraph_vector_int_reserve(&ends, 2 * m));
	IGRAPH_CHECK(igraph_vector_resize(&net->weight, 0));
	for (e = 0; e < m; e++) {
		double	w = VECTOR(E->signed_weight)[e];

		keep[e] = w != 0;
		if (!keep[e])
			continue;
		IGRAPH_CHECK(igraph_vector_int_push_back(&ends, VECTOR(E->ends)[2 * e]));
		IGRAPH_CHECK(igraph_vector_int_push_back(&ends, VECTOR(E->ends)[2 * e + 1]));
		IGRAPH_CHECK(igraph_vector_push_back(&net->weight, fabs(w)));
		IGRAPH_CHECK(igraph_vector_int_push_back(&net->sign, w > 0 ? 1 : -1));
		IGRAPH_CHECK(igraph_vector_push_back(&net->confidence, VECTOR(E->confidence)[e]));
		IGRAPH_CHECK(igraph_vector_int_push_back(&net->edge_line, VECTOR(E->line)[e]));
		VECTOR(degree)[VECTOR(E->ends)[2 * e]]++;
		VECTOR(degree)[VECTOR(E->ends)[2 * e + 1]]++;
		kept++;
	}
	if (kept < m) {
		IGRAPH_CHECK(strvector_keep(&E->kind, keep));
		IGRAPH_CHECK(strvector_keep(&E->evidence, keep));
		for (a = 0; a < igraph_strvector_size(&net->edge_attrs.names); a++)
			IGRAPH_CHECK(strvector_keep(&net->edge_attrs.values[a], keep));
	}
	igraph_strvector_destroy(&net->edge_kind);
	net->edge_kind = E->kind;
	IGRAPH_CHECK(igraph_strvector_init(&E->kind, 0));
	igraph_strvector_destroy(&net->evidence);
	net->evidence = E->evidence;
	IGRAPH_CHECK(igraph_strvector_init(&E->evidence, 0));

	/* built aside, then swapped in: net must never hold a destroyed graph */
	IGRAPH_CHECK(igraph_empty(&graph, n, net->directed));
	IGRAPH_FINALLY(igraph_destroy, &graph);
	IGRAPH_CHECK(igraph_add_edges(&graph, &ends, NULL));
	igraph_destroy(&net->graph);
	net->graph = graph;
	IGRAPH_FINALLY_CLEAN(1);

	for (v = 0; v < n && warn_isolated; v++) {
		if (VECTOR(degree)[v] > 0)
			continue;
		L->order = (int)VECTOR(L->vertex_file)[v];
		L->file = igraph_strvector_get(&L->files, L->order);
		IGRAPH_CHECK(report(L, CLOUT_WARNING, VECTOR(net->vertex_line)[v],
		    (int)VECTOR(L->vertex_column)[v], "%s '%s' has no relations (isolated)",
		    clout_vertex_type_name((enum clout_vertex_type)VECTOR(net->type)[v]),
		    igraph_strvector_get(&net->id, v)));
	}
	igraph_vector_int_destroy(&degree);
	igraph_vector_int_destroy(&ends);
	free(keep);
	IGRAPH_FINALLY_CLEAN(3);
	return IGRAPH_SUCCESS;
}

static void
loader_destroy(struct loader *L)
{
	header_reset(&L->header);	/* frees the header's attribute map */
	clout_strvector_release(&L->files);
	igraph_vector_int_destroy(&L->vertex_file);
	igraph_vector_int_destroy(&L->vertex_column);
	igraph_vector_int_destroy(&L->edges.ends);
	igraph_vector_destroy(&L->edges.signed_weight);
	igraph_vector_destroy(&L->edges.confidence);
	clout_strvector_release(&L->edges.kind);
	clout_strvector_release(&L->edges.evidence);
	igraph_vector_int_destroy(&L->edges.line);
	clout_i_pairmap_free(L->pairs);
	clout_i_strmap_free(L->skeletons);
}

static igraph_error_t
loader_init(struct loader *L, struct clout_network *net, struct clout_diags *diags)
{
	memset(L, 0, sizeof *L);
	L->net = net;
	L->diags = diags;
	L->hints_left = MAX_HINTS;
	header_reset(&L->header);
	/* all-or-nothing: initialise everything, then check once */
	if (igraph_strvector_init(&L->files, 0) || igraph_vector_int_init(&L->vertex_file, 0) ||
	    igraph_vector_int_init(&L->vertex_column, 0) ||
	    igraph_vector_int_init(&L->edges.ends, 0) ||
	    igraph_vector_init(&L->edges.signed_weight, 0) ||
	    igraph_vector_init(&L->edges.confidence, 0) ||
	    igraph_strvector_init(&L->edges.kind, 0) ||
	    igraph_strvector_init(&L->edges.evidence, 0) ||
	    igraph_vector_int_init(&L->edges.line, 0) ||
	    (L->pairs = clout_i_pairmap_new()) == NULL) {
		loader_destroy(L);	/* what was initialised; the rest is zeroed */
		IGRAPH_ERROR("out of memory", IGRAPH_ENOMEM);
	}
	return IGRAPH_SUCCESS;
}

static char *
case_name(const char *path)
{
	size_t		 len = strlen(path);
	const char	*base;
	char		*name, *dot;

	if (strcmp(path, "-") == 0)
		return clout_i_strdup("stdin");
	while (len > 1 && path[len - 1] == '/')
		len--;
	base = path + len;
	while (base > path && base[-1] != '/')
		base--;
	name = malloc((size_t)(path + len - base) + 1);
	if (name == NULL)
		return NULL;
	memcpy(name, base, (size_t)(path + len - base));
	name[path + len - base] = '\0';
	dot = strrchr(name, '.');
	if (dot != NULL && dot != name && (strcmp(dot, ".csv") == 0 || strcmp(dot, ".tsv") == 0))
		*dot = '\0';
	return name;
}

static igraph_error_t
load_folder(struct loader *L, const char *path)
{
	static const struct {
		const char	*name;
		enum file_kind	 kind;
		int		 required;
	} files[] = {
		{ "case.csv", FILE_CASE, 0 },
		{ "actors.csv", FILE_ACTORS, 1 },
		{ "issues.csv", FILE_ISSUES, 0 },
		{ "relations.csv", FILE_RELATIONS, 1 },
	};
	size_t	i;
	int	found;

	for (i = 0; i < sizeof files / sizeof files[0]; i++) {
		char		*file = clout_i_asprintf("%s%s%s", path,
		    path[strlen(path) - 1] == '/' ? "" : "/", files[i].name);
		igraph_error_t	 ret;

		CLOUT_CHECK_ALLOC(file);
		ret = read_file(L, file, files[i].kind, files[i].required, &found);
		free(file);
		IGRAPH_CHECK(ret);
		if (files[i].kind == FILE_ACTORS)
			L->vertices_ok = found;
	}
	return IGRAPH_SUCCESS;
}

igraph_error_t
clout_load_case(struct clout_network *net, struct clout_diags *diags, const char *path)
{
	struct loader	L;
	struct stat	st;
	int		found;

	free(net->name);
	net->name = case_name(path);
	CLOUT_CHECK_ALLOC(net->name);
	IGRAPH_CHECK(loader_init(&L, net, diags));
	IGRAPH_FINALLY(loader_destroy, &L);
	L.skeletons = clout_i_strmap_new();
	CLOUT_CHECK_ALLOC(L.skeletons);
	if (diags->limit == 0)
		diags->limit = MAX_MESSAGES;
	if (strcmp(path, "-") != 0 && stat(path, &st) != 0) {
		IGRAPH_CHECK(clout_diags_add(diags, CLOUT_ERROR, 0, path, 0, 0,
		    "cannot open case: %s", strerror(errno)));
	} else if (strcmp(path, "-") != 0 && S_ISDIR(st.st_mode)) {
		IGRAPH_CHECK(load_folder(&L, path));
	} else {
		IGRAPH_CHECK(read_file(&L, path, FILE_EDGE_LIST, 1, &found));
	}
	/* with errors the network is partial; isolation would only echo them */
	IGRAPH_CHECK(build(&L, diags->errors == 0));
	IGRAPH_CHECK(clout_diags_finish(diags));
	clout_diags_sort(diags);
	loader_destroy(&L);
	IGRAPH_FINALLY_CLEAN(1);
	return diags->errors > 0 ? IGRAPH_PARSEERROR : IGRAPH_SUCCESS;
}
