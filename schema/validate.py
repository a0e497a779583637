#!/usr/bin/env python3
"""Validate sockgrade output against its JSON Schema.

    python3 schema/validate.py schema/report.schema.json reports/alice.json ...

Prints one line per problem (file, JSON path, what is wrong) and exits 1 when
any file is invalid, 2 when the schema itself is not a valid JSON Schema or a
file is not JSON. Needs the jsonschema package (Debian: python3-jsonschema).
"""
import json
import sys

import jsonschema


def main(arguments):
    if len(arguments) < 2:
        print("usage: validate.py SCHEMA FILE...", file=sys.stderr)
        return 2
    with open(arguments[0], encoding="utf-8") as handle:
        schema = json.load(handle)
    try:
        jsonschema.Draft202012Validator.check_schema(schema)
    except jsonschema.SchemaError as error:
        print(f"{arguments[0]}: not a valid JSON Schema: {error.message}", file=sys.stderr)
        return 2
    validator = jsonschema.Draft202012Validator(schema)
    problems = 0
    for path in arguments[1:]:
        try:
            with open(path, encoding="utf-8") as handle:
                document = json.load(handle)
        except (OSError, ValueError) as error:
            print(f"{path}: cannot be read as JSON: {error}", file=sys.stderr)
            return 2
        for error in sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path)):
            location = "/".join(str(part) for part in error.absolute_path) or "(top level)"
            print(f"{path}: {location}: {error.message}")
            problems += 1
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
