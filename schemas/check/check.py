"""Independent checks of kyoten's JSON Schemas with python-jsonschema (draft 2020-12).

Usage:
  python check.py schemas ROOT [REPORTS_DIR]  metaschema check, examples, invalid documents
  python check.py rust-rejects KYOTEN_JSON    every report in `kyoten check --json` output is invalid

Prints one line per check ("ok"/"FAIL") and a last line "COUNTS <passed> <failed>".
"""

import json
import pathlib
import sys

from jsonschema import Draft202012Validator, FormatChecker

passed = 0
failed = 0


def ok(msg):
    global passed
    passed += 1
    print(f"  ok    python  {msg}")


def fail(msg):
    global failed
    failed += 1
    print(f"  FAIL  python  {msg}")


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def stem_of_name(path):
    return path.name.split(".")[0]


def stem_of_ref(ref):
    if not isinstance(ref, str):
        return None
    name = ref.replace("\\", "/").rsplit("/", 1)[-1].split("#")[0]
    if not name.endswith(".schema.json") or name.endswith(".report.schema.json"):
        return None
    return name[: -len(".schema.json")] or None


def errors(validator, doc):
    return sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path))


def check_schemas(root, reports_dir):
    sdir = root / "schemas"
    validators = {}
    for path in sorted(sdir.glob("*.schema.json")):
        schema = load(path)
        try:
            Draft202012Validator.check_schema(schema)
            ok(f"metaschema {path.name}")
        except Exception as e:  # noqa: BLE001
            fail(f"metaschema {path.name}: {e}")
            continue
        v = Draft202012Validator(schema, format_checker=FormatChecker())
        validators[path.name[: -len(".schema.json")]] = v
        for i, ex in enumerate(schema.get("examples", [])):
            errs = errors(v, ex)
            if errs:
                fail(f"{path.name} examples[{i}]: {errs[0].message}")
            else:
                ok(f"{path.name} examples[{i}] valid")

    if not validators:
        fail("no schemas found")

    for path in sorted((sdir / "examples").glob("*.json")):
        doc = load(path)
        stem = stem_of_name(path)
        ref = doc.get("$schema") if isinstance(doc, dict) else None
        if ref != f"../{stem}.schema.json":
            fail(f"{path.name}: $schema should be ../{stem}.schema.json")
        elif stem_of_ref(ref) != stem:
            fail(f"{path.name}: $schema names another schema")
        v = validators.get(stem)
        if v is None:
            fail(f"{path.name}: no schema {stem}.schema.json")
            continue
        errs = errors(v, doc)
        if errs:
            e = errs[0]
            fail(f"{path.name}: {'/'.join(map(str, e.absolute_path))}: {e.message}")
        else:
            ok(f"example {path.name} valid")

    for sub in ("invalid", "known-bugs"):
        for path in sorted((sdir / "examples" / sub).glob("*.json")):
            stem = stem_of_name(path)
            v = validators.get(stem)
            if v is None:
                fail(f"{sub}/{path.name}: no schema {stem}.schema.json")
                continue
            if errors(v, load(path)):
                ok(f"{sub}/{path.name} rejected")
            else:
                fail(f"{sub}/{path.name} accepted by the schema")

    for path in sorted((sdir / "examples" / "failing").glob("*.json")):
        v = validators.get(stem_of_name(path))
        verdict = "accepts" if v is not None and not errors(v, load(path)) else "rejects"
        print(f"  note  python  failing/{path.name}: the schema {verdict} it (the rules reject it)")

    if reports_dir:
        for path in sorted(pathlib.Path(reports_dir).glob("*.json")):
            op = path.name.split("__")[0]
            v = validators.get(f"{op}.report")
            if v is None:
                fail(f"report {path.name}: no schema {op}.report.schema.json")
                continue
            errs = errors(v, load(path))
            if errs:
                fail(f"report {path.name}: {errs[0].message}")
            else:
                ok(f"report {path.name} valid against {op}.report.schema.json")


def rust_rejects(json_path):
    """Each document must be rejected by at least one operation taking its type (the
    type's validator); operations that compute rather than validate and still accept it
    are noted, not failed (the property tests use the same rule)."""
    entries = load(json_path)
    for entry in entries:
        name = entry.get("file", "?").replace("\\", "/").rsplit("/", 2)
        name = "/".join(name[-2:])
        reports = entry.get("reports")
        if not reports:
            fail(f"rust {name}: no report ({entry.get('error', '')})")
            continue
        rejecting = [r for r in reports if r.get("valid") is False and r.get("errors", 0) >= 1]
        accepting = [r.get("operation") for r in reports if r not in rejecting]
        if rejecting:
            for r in rejecting:
                codes = ",".join(sorted({f["code"] for f in r["findings"] if f["severity"] == "error"}))
                ok(f"rust {r['operation']} rejects {name} ({codes})")
            for op in accepting:
                print(f"  note  python  rust {op} accepts {name} (another operation of its type rejects it)")
        else:
            fail(f"rust accepts {name} (every operation: {', '.join(map(str, accepting))})")


def main():
    mode = sys.argv[1] if len(sys.argv) > 1 else ""
    if mode == "schemas":
        check_schemas(pathlib.Path(sys.argv[2]), sys.argv[3] if len(sys.argv) > 3 else None)
    elif mode == "rust-rejects":
        rust_rejects(sys.argv[2])
    else:
        print(__doc__)
        sys.exit(2)
    print(f"COUNTS {passed} {failed}")


main()
