/* lint.h: checks of a case beyond what loading needs: roles outside the vocabulary, cells a spreadsheet would run. */
#ifndef CLOUT_LINT_H
#define CLOUT_LINT_H

#include <clout/diag.h>
#include <clout/network.h>

/*
 * The role vocabulary of docs/ROLES.md (embedded from src/roles.def): role
 * number i, 0 <= i < clout_role_count(), and whether it is an actor's or an
 * issue's role. NULL beyond the end.
 */
igraph_integer_t clout_role_count(void);
const char	*clout_role_get(igraph_integer_t i, enum clout_vertex_type *type);

/*
 * Warnings about the case at path (as given to clout_load_case) that
 * loading does not need, each naming file, line and column:
 * - a role of actors.csv or issues.csv outside the vocabulary and outside
 *   the extra roles the case declares in case.csv (key roles, a value of
 *   roles separated by ';'), with the closest known role as a hint;
 * - a text cell that a spreadsheet opening the file would run as a formula
 *   (it starts with = + - @ and is not a plain number); weight, confidence
 *   and sign columns are numbers and codes, not text.
 * The files are read again for their positions; standard input ("-") is
 * not, and gets no such warnings. At most CLOUT_LINT_MAX warnings of each
 * kind are recorded, then one saying how many more there are. diags is
 * sorted again afterwards. Returns IGRAPH_ENOMEM when memory runs out.
 * Time complexity: O(size of the files), plus O(roles) per unknown role.
 */
#define CLOUT_LINT_MAX	100
igraph_error_t	clout_lint_case(struct clout_diags *diags, const char *path);

/*
 * The distinct non-empty roles of a that no vertex of b has (only_a), and
 * those of b that a lacks (only_b), sorted in byte order: which roles find
 * no partner when two cases are compared. The vectors are resized.
 * Time complexity: O((|V_a| + |V_b|) log), expected.
 */
igraph_error_t	clout_roles_unmatched(const struct clout_network *a, const struct clout_network *b,
		    igraph_strvector_t *only_a, igraph_strvector_t *only_b);

#endif
