/*
 * lint.c: what `clout check` looks at beyond loading: roles outside the
 * vocabulary of docs/ROLES.md, and cells a spreadsheet would run as formulas.
 *
 * The vocabulary is src/roles.def, expanded here into a table: a list of
 * X-macros needs no generator and no build step, diffs line by line against
 * docs/ROLES.md, and tests/peers/test_roles.py reads the document on its own
 * and compares it with `clout check --list-roles`.
 *
 * The files are read a second time rather than by the loader, which has no
 * use for either check and keeps no column positions.
 */
#define _POSIX_C_SOURCE 200809L
#include <sys/stat.h>

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "clout_internal.h"

static const struct {
	enum clout_vertex_type	 type;
	const char		*name;
} roles[] = {
#define ACTOR	CLOUT_VERTEX_ACTOR
#define ISSUE	CLOUT_VERTEX_ISSUE
#define CLOUT_ROLE(type, name)	{ type, name },
#include "roles.def"
#undef CLOUT_ROLE
#undef ISSUE
#undef ACTOR
};

#define NROLES	((igraph_integer_t)(sizeof roles / sizeof roles[0]))

igraph_integer_t
clout_role_count(void)
{
	return NROLES;
}

const char *
clout_role_get(igraph_integer_t i, enum clout_vertex_type *type)
{
	if (i < 0 || i >= NROLES)
		return NULL;
	if (type != NULL)
		*type = roles[i].type;
	return roles[i].name;
}

enum lint_file { LINT_CASE, LINT_VERTICES, LINT_RELATIONS };

struct lint {
	struct clout_diags	*diags;
	struct clout_diags	 scratch;	/* syntax errors the loader reported already */
	const char		*file;
	int			 order;
	enum lint_file		 kind;
	enum clout_vertex_type	 type;		/* LINT_VERTICES: actors or issues */

	char			**names;	/* header names, for messages */
	unsigned char		*exact;		/* per field: a number or code column */
	int			 nnames;
	int			 role_field;	/* -1: none */

	struct clout_strmap	*extra;		/* roles case.csv declares */
	long			 formulas, unknown;
};

static void
header_free(struct lint *L)
{
	int	f;

	for (f = 0; f < L->nnames; f++)
		free(L->names[f]);
	free(L->names);
	free(L->exact);
	L->names = NULL;
	L->exact = NULL;
	L->nnames = 0;
	L->role_field = -1;
}

static void
lint_destroy(struct lint *L)
{
	header_free(L);
	clout_diags_destroy(&L->scratch);
	if (L->extra != NULL)
		clout_i_strmap_free(L->extra);
}

static igraph_error_t
read_header(struct lint *L, const struct clout_i_record *rec)
{
	static const char *const exact[] = { "weight", "confidence", "sign" };
	int	f;
	size_t	k;

	header_free(L);
	L->names = calloc((size_t)rec->nfields + 1, sizeof *L->names);
	CLOUT_CHECK_ALLOC(L->names);
	L->exact = calloc((size_t)rec->nfields + 1, 1);
	CLOUT_CHECK_ALLOC(L->exact);
	for (f = 0; f < rec->nfields; f++) {
		CLOUT_CHECK_ALLOC(L->names[f] = clout_i_strdup(rec->fields[f]));
		L->nnames++;
		if (L->kind == LINT_VERTICES && clout_i_strcaseeq(rec->fields[f], "role") &&
		    L->role_field < 0)
			L->role_field = f;
		for (k = 0; L->kind == LINT_RELATIONS && k < sizeof exact / sizeof exact[0]; k++)
			if (clout_i_strcaseeq(rec->fields[f], exact[k]))
				L->exact[f] = 1;
	}
	return IGRAPH_SUCCESS;
}

static igraph_error_t
formula_check(struct lint *L, const struct clout_i_record *rec, int f, const char *what)
{
	const char	*text = rec->fields[f];
	double		 value;

	if (!clout_formula_like(text) || clout_parse_decimal(text, &value) == 0)
		return IGRAPH_SUCCESS;	/* -0.5 is a number to a spreadsheet too */
	if (++L->formulas > CLOUT_LINT_MAX)
		return IGRAPH_SUCCESS;
	return clout_diags_add(L->diags, CLOUT_WARNING, L->order, L->file, rec->line, f + 1,
	    "%s starts with '%c': a spreadsheet opening this file would run it as a formula",
	    what, text[0]);
}

/* The closest role for a hint: same spelling but for case, a few edits, or the first word(s). */
struct closest {
	const char	*wanted;
	const char	*best;
	size_t		 distance;	/* of best; a case-only difference is 0 */
	size_t		 limit;
	const char	*prefix;	/* a role the wanted text begins, word-wise */
};

static void
closest_visit(struct closest *c, const char *role)
{
	size_t	n = strlen(c->wanted), d;

	if (clout_i_strcaseeq(role, c->wanted))
		d = 0;
	else
		d = clout_i_edit_distance(role, c->wanted, c->limit) + 1;
	if (d <= c->limit && d < c->distance) {
		c->distance = d;
		c->best = role;
	}
	if (c->prefix == NULL && strncasecmp(role, c->wanted, n) == 0 && role[n] == ' ')
		c->prefix = role;
}

static int
closest_extra(const char *key, igraph_integer_t value, void *user)
{
	(void)value;
	closest_visit(user, key);
	return 0;
}

static igraph_error_t
role_check(struct lint *L, const struct clout_i_record *rec)
{
	const char		*role = rec->fields[L->role_field];
	struct closest		 c;
	igraph_integer_t	 i;
	int			 other = 0;
	size_t			 n = strlen(role);

	if (role[0] == '\0')
		return IGRAPH_SUCCESS;
	for (i = 0; i < NROLES; i++) {
		if (strcmp(roles[i].name, role) != 0)
			continue;
		if (roles[i].type == L->type)
			return IGRAPH_SUCCESS;
		other = 1;
	}
	if (L->extra != NULL && clout_i_strmap_find(L->extra, role) >= 0)
		return IGRAPH_SUCCESS;
	if (++L->unknown > CLOUT_LINT_MAX)
		return IGRAPH_SUCCESS;
	if (other)
		return clout_diags_add(L->diags, CLOUT_WARNING, L->order, L->file, rec->line,
		    L->role_field + 1, "'%s' is an %s role, not an %s role (docs/ROLES.md)", role,
		    clout_vertex_type_name(L->type == CLOUT_VERTEX_ACTOR ? CLOUT_VERTEX_ISSUE :
		    CLOUT_VERTEX_ACTOR), clout_vertex_type_name(L->type));
	c.wanted = role;
	c.best = c.prefix = NULL;
	c.limit = n / 3 < 1 ? 1 : n / 3 > 3 ? 3 : n / 3;
	c.distance = c.limit + 1;
	for (i = 0; i < NROLES; i++)		/* ties go to the earlier role of the document */
		if (roles[i].type == L->type)
			closest_visit(&c, roles[i].name);
	if (L->extra != NULL && c.best == NULL)
		clout_i_strmap_each(L->extra, closest_extra, &c);
	if (c.best == NULL)
		c.best = c.prefix;
	if (c.best != NULL)
		return clout_diags_add(L->diags, CLOUT_WARNING, L->order, L->file, rec->line,
		    L->role_field + 1, "unknown role '%s'; did you mean '%s'?", role, c.best);
	return clout_diags_add(L->diags, CLOUT_WARNING, L->order, L->file, rec->line,
	    L->role_field + 1, "unknown role '%s': not in docs/ROLES.md (a case adds its own "
	    "with a 'roles' row in case.csv)", role);
}

/* case.csv's roles value: roles separated by ';', each trimmed; a leading '+' is dropped. */
static igraph_error_t
read_extra_roles(struct lint *L, const char *value)
{
	igraph_integer_t	existing;
	char			*copy, *item, *next;

	if (L->extra == NULL)
		CLOUT_CHECK_ALLOC(L->extra = clout_i_strmap_new());
	CLOUT_CHECK_ALLOC(copy = clout_i_strdup(value));
	IGRAPH_FINALLY(free, copy);
	for (item = copy; item != NULL; item = next) {
		next = strchr(item, ';');
		if (next != NULL)
			*next++ = '\0';
		item = clout_i_trim(item);
		if (*item == '+')
			item = clout_i_trim(item + 1);
		if (*item != '\0')
			IGRAPH_CHECK(clout_i_strmap_insert(L->extra, item, 0, &existing));
	}
	free(copy);
	IGRAPH_FINALLY_CLEAN(1);
	return IGRAPH_SUCCESS;
}

static igraph_error_t
on_record(const struct clout_i_record *rec, void *user)
{
	struct lint	*L = user;
	char		 what[96];
	int		 f;

	if (L->kind == LINT_CASE) {
		if (rec->index == 0 && rec->nfields >= 2 && clout_i_strcaseeq(rec->fields[0], "key") &&
		    clout_i_strcaseeq(rec->fields[1], "value"))
			return IGRAPH_SUCCESS;
		if (rec->nfields >= 2 && clout_i_strcaseeq(rec->fields[0], "roles"))
			IGRAPH_CHECK(read_extra_roles(L, rec->fields[1]));
		for (f = 0; f < rec->nfields && f < 2; f++)
			IGRAPH_CHECK(formula_check(L, rec, f, f == 0 ? "a key" : "a value"));
		return IGRAPH_SUCCESS;
	}
	if (rec->index == 0)
		return read_header(L, rec);
	for (f = 0; f < rec->nfields && f < L->nnames; f++) {
		if (L->exact[f] || rec->fields[f][0] == '\0')
			continue;
		if (L->names[f][0] != '\0')
			snprintf(what, sizeof what, "%.80s", L->names[f]);
		else
			snprintf(what, sizeof what, "column %d", f + 1);
		IGRAPH_CHECK(formula_check(L, rec, f, what));
	}
	if (L->role_field >= 0 && L->role_field < rec->nfields)
		IGRAPH_CHECK(role_check(L, rec));
	return IGRAPH_SUCCESS;
}

static igraph_error_t
lint_file(struct lint *L, const char *path, int order, enum lint_file kind,
    enum clout_vertex_type type)
{
	static const struct clout_i_csv_options	how = { ',', 0, CLOUT_I_UTF8, 1 };
	FILE					*in;
	struct stat				 st;
	igraph_error_t				 ret;

	/* a FIFO is read once, by the loader: a second open would wait for a writer */
	if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
		return IGRAPH_SUCCESS;		/* the loader said so already */
	if ((in = fopen(path, "r")) == NULL)
		return IGRAPH_SUCCESS;
	L->file = path;
	L->order = order;
	L->kind = kind;
	L->type = type;
	header_free(L);
	/* read as the loader reads: a header with ';' and no ',' means ';' */
	ret = clout_i_csv_read_with(in, path, order, &L->scratch, &how, on_record, L);
	fclose(in);
	return ret;
}

igraph_error_t
clout_lint_case(struct clout_diags *diags, const char *path)
{
	static const struct {
		const char		*name;
		enum lint_file		 kind;
		enum clout_vertex_type	 type;
	} files[] = {
		{ "case.csv", LINT_CASE, CLOUT_VERTEX_ACTOR },
		{ "actors.csv", LINT_VERTICES, CLOUT_VERTEX_ACTOR },
		{ "issues.csv", LINT_VERTICES, CLOUT_VERTEX_ISSUE },
		{ "relations.csv", LINT_RELATIONS, CLOUT_VERTEX_ACTOR },
	};
	struct lint	L;
	struct stat	st;
	size_t		i;

	if (strcmp(path, "-") == 0 || stat(path, &st) != 0)
		return IGRAPH_SUCCESS;
	memset(&L, 0, sizeof L);
	L.diags = diags;
	L.role_field = -1;
	clout_diags_init(&L.scratch);
	IGRAPH_FINALLY(lint_destroy, &L);
	if (S_ISDIR(st.st_mode)) {
		/* file names and orders as the loader gives them, so messages sort together */
		for (i = 0; i < sizeof files / sizeof files[0]; i++) {
			char		*file = clout_i_asprintf("%s%s%s", path,
			    path[strlen(path) - 1] == '/' ? "" : "/", files[i].name);
			igraph_error_t	 ret;

			CLOUT_CHECK_ALLOC(file);
			ret = lint_file(&L, file, (int)i, files[i].kind, files[i].type);
			if (ret == IGRAPH_SUCCESS && L.formulas > CLOUT_LINT_MAX)
				ret = clout_diags_add(diags, CLOUT_WARNING, (int)i, file, 0, 0,
				    "%ld more cells start with = + - or @ (not listed)",
				    L.formulas - CLOUT_LINT_MAX);
			if (ret == IGRAPH_SUCCESS && L.unknown > CLOUT_LINT_MAX)
				ret = clout_diags_add(diags, CLOUT_WARNING, (int)i, file, 0, 0,
				    "%ld more unknown roles (not listed)", L.unknown - CLOUT_LINT_MAX);
			L.formulas = L.unknown = 0;
			free(file);
			IGRAPH_CHECK(ret);
		}
	} else {
		IGRAPH_CHECK(lint_file(&L, path, 0, LINT_RELATIONS, CLOUT_VERTEX_ACTOR));
		if (L.formulas > CLOUT_LINT_MAX)
			IGRAPH_CHECK(clout_diags_add(diags, CLOUT_WARNING, 0, path, 0, 0,
			    "%ld more cells start with = + - or @ (not listed)",
			    L.formulas - CLOUT_LINT_MAX));
	}
	lint_destroy(&L);
	IGRAPH_FINALLY_CLEAN(1);
	clout_diags_sort(diags);
	return IGRAPH_SUCCESS;
}

static int
by_bytes(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The roles of net that other lacks, sorted. */
static igraph_error_t
unmatched(const struct clout_network *net, const struct clout_network *other,
    igraph_strvector_t *out)
{
	struct clout_strmap	*theirs, *seen;
	const char		**list;
	igraph_integer_t	 v, n = clout_network_vcount(net), count = 0, i, existing;

	IGRAPH_CHECK(igraph_strvector_resize(out, 0));
	CLOUT_CHECK_ALLOC(theirs = clout_i_strmap_new());
	IGRAPH_FINALLY(clout_i_strmap_free, theirs);
	CLOUT_CHECK_ALLOC(seen = clout_i_strmap_new());
	IGRAPH_FINALLY(clout_i_strmap_free, seen);
	CLOUT_CHECK_ALLOC(list = calloc((size_t)n + 1, sizeof *list));
	IGRAPH_FINALLY(free, list);
	for (v = 0; v < clout_network_vcount(other); v++)
		IGRAPH_CHECK(clout_i_strmap_insert(theirs, igraph_strvector_get(&other->role, v), 0,
		    &existing));
	for (v = 0; v < n; v++) {
		const char	*role = igraph_strvector_get(&net->role, v);

		if (role[0] == '\0' || clout_i_strmap_find(theirs, role) >= 0)
			continue;
		IGRAPH_CHECK(clout_i_strmap_insert(seen, role, 0, &existing));
		if (existing < 0)
			list[count++] = role;
	}
	qsort(list, (size_t)count, sizeof list[0], by_bytes);
	for (i = 0; i < count; i++)
		IGRAPH_CHECK(igraph_strvector_push_back(out, list[i]));
	free(list);
	clout_i_strmap_free(seen);
	clout_i_strmap_free(theirs);
	IGRAPH_FINALLY_CLEAN(3);
	return IGRAPH_SUCCESS;
}

igraph_error_t
clout_roles_unmatched(const struct clout_network *a, const struct clout_network *b,
    igraph_strvector_t *only_a, igraph_strvector_t *only_b)
{
	IGRAPH_CHECK(unmatched(a, b, only_a));
	IGRAPH_CHECK(unmatched(b, a, only_b));
	return IGRAPH_SUCCESS;
}
