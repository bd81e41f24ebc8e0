/* render.c: Graphviz (cgraph + gvc), the only file that includes its headers. */
#include <stdio.h>

#include <gvc.h>

#include "clout_internal.h"

igraph_error_t
clout_render_version(char *buf, size_t size)
{
	GVC_t	*gvc = gvContext();

	if (gvc == NULL)
		IGRAPH_ERROR("cannot start Graphviz", IGRAPH_FAILURE);
	snprintf(buf, size, "%s", gvcVersion(gvc));
	gvFreeContext(gvc);
	return IGRAPH_SUCCESS;
}
