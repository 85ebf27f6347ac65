/*
 * libFuzzer target: serverless.yml files, i.e. `stridewalk import MODEL.db FILE` and
 * `new --from FILE` with --format sls (see iac_fuzz.h for what is checked).
 */
#include <stddef.h>
#include <stdint.h>

#include "iac_fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	iac_fuzz_one(data, size, IAC_SLS);
	return 0;
}
