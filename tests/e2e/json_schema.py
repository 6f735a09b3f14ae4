# tests/e2e/json_schema.py: validating baocao's --json output against the
# schemas in docs/json/, which refer to each other by $id (loaded into one
# store, so that no schema is fetched from the network). Works with
# Debian 12's python3-jsonschema (4.10) and later versions.
import glob
import json
import os
import warnings

import jsonschema


def load(src):
    """Every docs/json schema by file name, checked as Draft 2020-12."""
    schemas = {}
    for path in sorted(glob.glob(os.path.join(src, "docs/json/*.schema.json"))):
        s = json.load(open(path, encoding="utf-8"))
        jsonschema.Draft202012Validator.check_schema(s)
        assert s["$id"].endswith("/" + os.path.basename(path)), path
        schemas[os.path.basename(path)] = s
    return schemas


def validator(schemas, name, ref=None):
    """A validator for schemas[name] (or its $defs/ref), resolving $ref
    between the files."""
    root = schemas[name]
    store = {s["$id"]: s for s in schemas.values()}
    schema = root if ref is None else {"$ref": root["$id"] + "#/$defs/" + ref}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        resolver = jsonschema.RefResolver(root["$id"], root, store=store)
        return jsonschema.Draft202012Validator(schema, resolver=resolver)


def validate(schemas, name, doc, ref=None):
    """Raises jsonschema.ValidationError (the first problem) unless doc
    follows the schema."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        validator(schemas, name, ref).validate(doc)
