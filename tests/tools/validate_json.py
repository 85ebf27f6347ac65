#!/usr/bin/env python3
"""Validates JSON files against a JSON Schema with python3-jsonschema.

    validate_json.py SCHEMA FILE...     exit 0 when every file is valid, 1 when one is not
    validate_json.py --check SCHEMA     exit 0 when the schema itself is a valid schema

The dialect comes from the schema's $schema (draft-07, 2020-12, ...). Exits 77 (ctest's "skipped")
when the jsonschema module is missing, so the caller can say so.
"""
import json
import sys

try:
    import jsonschema
except ImportError:
    print("python3-jsonschema is not installed", file=sys.stderr)
    sys.exit(77)


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def main(argv):
    if len(argv) == 3 and argv[1] == "--check":
        schema = load(argv[2])
        jsonschema.validators.validator_for(schema).check_schema(schema)
        print(f"ok: {argv[2]} is a valid schema")
        return 0
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    schema = load(argv[1])
    validator = jsonschema.validators.validator_for(schema)(schema)
    bad = 0
    for path in argv[2:]:
        errors = sorted(validator.iter_errors(load(path)), key=lambda e: list(e.absolute_path))
        for e in errors[:5]:
            where = "/".join(str(p) for p in e.absolute_path) or "(top)"
            print(f"{path}: {where}: {e.message[:300]}")
        bad += bool(errors)
    print(f"{len(argv) - 2 - bad} of {len(argv) - 2} valid against {argv[1]}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
