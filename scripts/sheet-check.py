#!/usr/bin/env python3
"""Prints the emergency sheet of every summary example (and a hostile, oversized one made
here) to PDF with headless Chromium, once per Japanese font family, and checks the PDF
with poppler and the QR code with zxing-cpp (an independent decoder).

Usage: sheet-check.py KYOTEN_BIN OUT_DIR EXAMPLE.json...
Exit status 1 when any check fails. Called by scripts/test-sheet.sh."""

import copy
import json
import os
import re
import subprocess
import sys

import zxingcpp
from PIL import Image

KYOTEN, OUT = sys.argv[1], sys.argv[2]
EXAMPLES = sys.argv[3:]
CHROMIUM = os.environ.get("CHROMIUM", "chromium")

# Font families forced by an injected style (the product's stack is left alone).
FAMILIES = {
    "noto": "Noto Sans CJK JP",
    "ipa": "IPAGothic",
}

failures = []


def fail(msg):
    failures.append(msg)
    print("  FAIL " + msg)


def kyoten(op, doc):
    p = subprocess.run([KYOTEN, "run", op, "-"], input=json.dumps(doc).encode(), capture_output=True)
    if p.returncode not in (0, 1):
        raise RuntimeError(f"kyoten run {op}: exit {p.returncode}: {p.stderr.decode()[:300]}")
    return json.loads(p.stdout)


def run(*cmd):
    return subprocess.run(cmd, capture_output=True, check=True).stdout.decode("utf-8", "replace")


def hostile(base):
    """The largest example made larger and hostile: markup, RTL override, control characters,
    a 10,000-character name, and long lists."""
    d = copy.deepcopy(base)
    s = d["summary"]
    s["child"]["name"] = "<script>alert(1)</script>\u202e逆向き\u0007" + "長" * 10000
    s["child"]["kana"] = "ながい" * 30
    s["diagnoses"] = s["diagnoses"] + [
        {"name": f"<b>追加の診断{i}</b>" + "説明" * 30, "icd10": "G80"} for i in range(12)
    ]
    s["medications"] = s["medications"] + [
        {"name": f"薬{i}\"'&<>" + "ー" * 40, "dose": "1錠", "route": "oral", "times_per_day": 2}
        for i in range(25)
    ]
    s["emergency_contacts"] = s["emergency_contacts"] + [
        {"name": f"連絡先{i}</td></tr></table>", "relationship": "other", "phone": "090-1234-5678"}
        for i in range(8)
    ]
    s["care_team"] = s["care_team"] + [
        {"id": f"x{i}", "role": "other", "organisation": "機関" * 60, "phone": "03-1234-5678"}
        for i in range(15)
    ]
    s["devices"][0]["note"] = "\u202e" + "注意" * 400
    return d


def check(label, doc):
    # Bidi and control characters are printed as a visible "\ufffd" (html::escape).
    want_name = re.sub(r"[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]",
                       "\ufffd", doc["summary"]["child"]["name"])
    dx = sorted(doc["summary"].get("diagnoses", []), key=lambda d: not d.get("primary", False))
    main_dx = dx[0]["name"] if dx else None
    report = kyoten("summary.emergency_sheet", doc)
    res = report.get("result")
    if not res:
        fail(f"{label}: no sheet: {report['findings'][:2]}")
        return
    codes = [f["code"] for f in report["findings"]]
    html = res["html"]
    payload = res["qr_payload"]
    print(f"  {label}: QR version {res['qr_version']}-M, {len(payload)} characters, "
          f"{res['qr_left_out']} items left out of the QR; shortened {res['shortened']}; findings {sorted(set(codes))}")
    if res["qr_version"] > 25:
        fail(f"{label}: QR version {res['qr_version']} > 25")
    if res["qr_left_out"] > 0 and "sheet.qr.subset" not in codes:
        fail(f"{label}: QR subset without its finding")
    if res["shortened"] and "sheet.part.shortened" not in codes:
        fail(f"{label}: shortened without its finding")
    if re.search(r"<(script|img|iframe|link|object)\b", html, re.I) or "src=" in html:
        fail(f"{label}: the HTML has a script, an image or an external reference")
    if "\u202e" in html or "\u0007" in html:
        fail(f"{label}: a bidi or control character reached the HTML")
    stem = os.path.join(OUT, label)
    for fam, family in FAMILIES.items():
        forced = html.replace(
            "</head>", f'<style>*{{font-family:"{family}" !important}}</style></head>', 1)
        hp, pdf = f"{stem}.{fam}.html", f"{stem}.{fam}.pdf"
        with open(hp, "w", encoding="utf-8") as f:
            f.write(forced)
        subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
                        "--no-pdf-header-footer", f"--print-to-pdf={pdf}", "file://" + hp],
                       capture_output=True, timeout=120)
        pages = int(re.search(r"Pages:\s+(\d+)", run("pdfinfo", pdf)).group(1))
        fonts = run("pdffonts", pdf).splitlines()[2:]
        embedded = [l for l in fonts if l.split()[-5] == "yes"]
        named = [l.split()[0] for l in fonts]
        text = run("pdftotext", "-raw", pdf, "-")
        flat = re.sub(r"\s+", "", text)
        print(f"    {fam}: {pages} pages, {len(fonts)} fonts ({len(embedded)} embedded; "
              f"{', '.join(sorted(set(n for n in named if n != '[none]'))) or 'Type 3 outlines'})")
        if pages > 2:
            fail(f"{label}/{fam}: {pages} pages")
        if not fonts or len(embedded) != len(fonts):
            fail(f"{label}/{fam}: a font is not embedded")
        if fam == "ipa" and not any("IPA" in n for n in named):
            fail(f"{label}/{fam}: IPAGothic not embedded")
        if re.sub(r"\s+", "", want_name)[:40] not in flat:
            fail(f"{label}/{fam}: the child's name is not in the PDF's text")
        if main_dx and re.sub(r"\s+", "", main_dx)[:30] not in flat:
            fail(f"{label}/{fam}: the main diagnosis is not in the PDF's text")
        if "\ufffd" in flat and "\ufffd" not in want_name:
            fail(f"{label}/{fam}: a replacement mark in the text (a glyph failed)")
        # The QR code, read back at 200 dpi by an independent decoder.
        png = f"{stem}.{fam}.200dpi"
        run("pdftoppm", "-r", "200", "-png", "-f", "1", "-l", "1", "-singlefile", pdf, png)
        codes_read = zxingcpp.read_barcodes(Image.open(png + ".png"))
        qr = [c for c in codes_read if "QR" in str(c.format)]
        if len(qr) != 1:
            fail(f"{label}/{fam}: {len(qr)} QR codes decoded at 200 dpi")
            continue
        if qr[0].text != payload:
            fail(f"{label}/{fam}: the decoded QR text differs from the payload")
            continue
        back = kyoten("sheet.read_qr", {"payload": qr[0].text})
        e = back.get("result")
        if not e:
            fail(f"{label}/{fam}: sheet.read_qr: {back['findings']}")
            continue
        compare(label, fam, doc, e, res["qr_left_out"])


def compare(label, fam, doc, e, left_out):
    """The essentials read back against the input, computed here from the input itself."""
    c = doc["summary"]["child"]
    name = c["name"].strip()
    want = name if len(name) <= 40 else name[:39] + "…"
    if e["n"] != want:
        fail(f"{label}/{fam}: name read back differs")
    if e["b"] != c["date_of_birth"] or e["s"] != c["sex"] or e["d"] != doc["as_of"]:
        fail(f"{label}/{fam}: birth date, sex or as_of read back differ")
    parts = {p["s"]: p for p in e["p"]}
    order = [p["s"] for p in e["p"]]
    if order[:3] != ["diagnoses", "resuscitation", "actions"]:
        fail(f"{label}/{fam}: parts out of priority order: {order}")
    dx = sorted(doc["summary"].get("diagnoses", []), key=lambda d: not d.get("primary", False))
    if dx and not parts["diagnoses"]["i"][0].startswith(dx[0]["name"][:20]):
        fail(f"{label}/{fam}: the main diagnosis is not first in the QR")
    rescue = [m["name"] for m in doc["summary"].get("medications", []) if m.get("rescue")]
    meds = parts.get("medications", {"i": []})["i"]
    if rescue and meds and not meds[0].startswith("【緊急時】" + rescue[0][:10]):
        fail(f"{label}/{fam}: the rescue medicine is not first in the QR")
    plan = doc["summary"].get("emergency_plan")
    if plan and plan.get("actions"):
        first = plan["actions"][0]["action"][:10]
        if not any(first in i for i in parts["actions"]["i"]):
            fail(f"{label}/{fam}: the first emergency action is not in the QR")
    omitted = sum(p.get("o", 0) for p in e["p"])
    if omitted < left_out:
        fail(f"{label}/{fam}: {left_out} items left out but only {omitted} recorded as omitted")


def main():
    os.makedirs(OUT, exist_ok=True)
    docs = []
    for path in EXAMPLES:
        with open(path, encoding="utf-8") as f:
            docs.append((os.path.basename(path).removesuffix(".json"), json.load(f)))
    largest = max(docs, key=lambda d: len(json.dumps(d[1], ensure_ascii=False)))
    docs.append(("hostile-oversized", hostile(largest[1])))
    for label, doc in docs:
        check(label, doc)
    if failures:
        print(f"sheet-check: {len(failures)} failures")
        sys.exit(1)
    print(f"sheet-check: ok ({len(docs)} sheets x {len(FAMILIES)} font families)")


main()
