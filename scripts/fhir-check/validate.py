"""Validates FHIR bundles with fhir.resources' R4B models (pydantic).

Usage: validate.py BUNDLE.json... ; each file is either a Bundle or a kyoten report or
FhirImportRequest holding one (under "result" or "bundle"). Then runs negative controls:
mutated copies of the first bundle that the validator must reject, so a validator that
accepts everything fails this check. Prints one line per check and a final
"COUNTS <passed> <failed>" line.
"""
import copy
import json
import sys

from fhir.resources.R4B.bundle import Bundle

passed = failed = 0


def ok(msg):
    global passed
    passed += 1
    print(f"  ok    {msg}")


def fail(msg):
    global failed
    failed += 1
    print(f"  FAIL  {msg}")


def bundle_of(doc):
    if doc.get("resourceType") == "Bundle":
        return doc
    for key in ("result", "bundle"):
        if isinstance(doc.get(key), dict) and doc[key].get("resourceType") == "Bundle":
            return doc[key]
    return None


first = None
for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as f:
        b = bundle_of(json.load(f))
    if b is None:
        fail(f"{path}: no bundle in it")
        continue
    try:
        parsed = Bundle.parse_obj(b)
        ok(f"{path}: {len(parsed.entry or [])} entries accepted (R4B models)")
        if first is None and b.get("type") == "document":
            first = b
    except Exception as e:  # noqa: BLE001 - any rejection is a failure to report
        fail(f"{path}: {str(e)[:600]}")


def must_reject(name, mutate):
    if first is None:
        fail(f"negative control {name}: no document bundle to mutate")
        return
    bad = copy.deepcopy(first)
    mutate(bad)
    try:
        Bundle.parse_obj(bad)
        fail(f"negative control {name}: accepted")
    except Exception:  # noqa: BLE001
        ok(f"negative control {name}: rejected")


def patient(b):
    return next(e["resource"] for e in b["entry"] if e["resource"]["resourceType"] == "Patient")


must_reject("unknown element", lambda b: patient(b).__setitem__("nickname", "x"))
must_reject("impossible date", lambda b: patient(b).__setitem__("birthDate", "2021-02-30"))
must_reject("wrong type", lambda b: patient(b).__setitem__("name", "not a list"))
must_reject("bad instant", lambda b: b.__setitem__("timestamp", "yesterday"))
print(f"COUNTS {passed} {failed}")
