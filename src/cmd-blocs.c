/* cmd-blocs.c: placeholder until the command lands (issue 4). */
#include "cmd.h"

static int
cmd_blocs_exec(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cli_error("blocs is not built yet");
}

const struct cmd_entry cmd_blocs_entry = {
	.name = "blocs",
	.usage = "blocs CASE",
	.summary = "(not built yet)",
	.help = "",
	.exec = cmd_blocs_exec,
};
