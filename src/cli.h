/* The command line: parses global options and runs one subcommand (see stridewalk(1)). */
#ifndef SW_CLI_H
#define SW_CLI_H

int cli_main(int argc, char **argv);

#endif
