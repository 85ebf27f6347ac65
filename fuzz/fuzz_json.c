/*
 * libFuzzer target: the JSON parser alone (json_parse), under tight limits so that the
 * depth and count limits themselves are exercised, then once more with the defaults.
 */
#include <stdint.h>

#include "json.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct json_limits tight = {1u << 20, 8, 64};
	struct sw_error err = SW_ERROR_INIT;
	struct json_value *v = NULL;

	if (json_parse("fuzz.json", (const char *)data, size, &tight, &v, &err) == 0)
		json_free(v);
	sw_error_release(&err);
	if (json_parse("fuzz.json", (const char *)data, size, NULL, &v, &err) == 0)
		json_free(v);
	sw_error_release(&err);
	return 0;
}
