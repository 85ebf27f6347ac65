/*
 * libFuzzer target: the STRIDEWALK_SCRIPT key-script reader (script_parse, then every event
 * through script_next), which turns a text file into UI input. The reader takes C strings,
 * so the input is cut at its first NUL, as file_read_all (which refuses NULs) would.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "input.h"
#include "script.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sw_error err = SW_ERROR_INIT;
	struct script *s = NULL;
	char *text = malloc(size + 1);

	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	if (script_parse("fuzz.script", text, &s, &err) == 0) {
		struct input_event ev;
		do
			script_next(s, &ev);
		while (ev.type != INPUT_END);
		script_free(s);
	}
	sw_error_release(&err);
	free(text);
	return 0;
}
