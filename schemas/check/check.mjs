// Independent checks of kyoten's JSON Schemas with ajv (Ajv2020, strict mode, ajv-formats).
//
// Usage: node check.mjs ROOT [REPORTS_DIR]
// Prints one line per check ("ok"/"FAIL") and a last line "COUNTS <passed> <failed>".
//
// The schemas use only standard formats (`date`): the generator removes schemars'
// non-standard number formats (uint32, int64, double …) and keeps their bounds as
// minimum/maximum, so nothing needs to be registered with ajv.addFormat.

import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const root = process.argv[2];
const reportsDir = process.argv[3];
let passed = 0;
let failed = 0;
const ok = (m) => { passed++; console.log(`  ok    ajv     ${m}`); };
const fail = (m) => { failed++; console.log(`  FAIL  ajv     ${m}`); };
const load = (p) => JSON.parse(readFileSync(p, "utf8"));
const jsonFiles = (dir) =>
  existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".json")).sort() : [];
const stemOf = (name) => name.split(".")[0];
const firstError = (v) =>
  v.errors && v.errors.length ? `${v.errors[0].instancePath} ${v.errors[0].message}` : "";

const sdir = join(root, "schemas");
const validators = new Map();
for (const name of jsonFiles(sdir).filter((f) => f.endsWith(".schema.json"))) {
  // One Ajv per schema: every file is self-contained ($defs), and ids must not clash.
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  const schema = load(join(sdir, name));
  let validate;
  try {
    validate = ajv.compile(schema);
    ok(`compile ${name} (strict)`);
  } catch (e) {
    fail(`compile ${name}: ${e.message}`);
    continue;
  }
  validators.set(name.slice(0, -".schema.json".length), validate);
  (schema.examples || []).forEach((ex, i) => {
    if (validate(ex)) ok(`${name} examples[${i}] valid`);
    else fail(`${name} examples[${i}]: ${firstError(validate)}`);
  });
}
if (validators.size === 0) fail("no schemas found");

const edir = join(sdir, "examples");
for (const name of jsonFiles(edir)) {
  const validate = validators.get(stemOf(name));
  if (!validate) { fail(`${name}: no schema ${stemOf(name)}.schema.json`); continue; }
  if (validate(load(join(edir, name)))) ok(`example ${name} valid`);
  else fail(`${name}: ${firstError(validate)}`);
}
for (const sub of ["invalid", "known-bugs"]) {
  for (const name of jsonFiles(join(edir, sub))) {
    const validate = validators.get(stemOf(name));
    if (!validate) { fail(`${sub}/${name}: no schema ${stemOf(name)}.schema.json`); continue; }
    if (validate(load(join(edir, sub, name)))) fail(`${sub}/${name} accepted by the schema`);
    else ok(`${sub}/${name} rejected`);
  }
}
for (const name of jsonFiles(join(edir, "failing"))) {
  const validate = validators.get(stemOf(name));
  const verdict = validate && validate(load(join(edir, "failing", name))) ? "accepts" : "rejects";
  console.log(`  note  ajv     failing/${name}: the schema ${verdict} it (the rules reject it)`);
}
if (reportsDir) {
  for (const name of jsonFiles(reportsDir)) {
    const op = name.split("__")[0];
    const validate = validators.get(`${op}.report`);
    if (!validate) { fail(`report ${name}: no schema ${op}.report.schema.json`); continue; }
    if (validate(load(join(reportsDir, name)))) ok(`report ${name} valid against ${op}.report.schema.json`);
    else fail(`report ${name}: ${firstError(validate)}`);
  }
}
console.log(`COUNTS ${passed} ${failed}`);
