/* cmd-whatif.c: placeholder until the command lands (issue 4). */
#include "cmd.h"

static int
cmd_whatif_exec(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cli_error("whatif is not built yet");
}

const struct cmd_entry cmd_whatif_entry = {
	.name = "whatif",
	.usage = "whatif CASE",
	.summary = "(not built yet)",
	.help = "",
	.exec = cmd_whatif_exec,
};
