/*
 * libFuzzer target: CloudFormation/SAM templates (YAML with intrinsic tags, or JSON), i.e. `stridewalk import MODEL.db FILE` and
 * `new --from FILE` with --format cfn (see iac_fuzz.h for what is checked).
 */
#include <stddef.h>
#include <stdint.h>

#include "iac_fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	iac_fuzz_one(data, size, IAC_CFN);
	return 0;
}
