#!/usr/bin/env python3
"""Fetch every /hsds endpoint of a running Kolmonen (several parameters, three languages),
and validate every document with ../shared/tools/hsds-validate: list items against the
*_list schemas, single records and `full` list items against the compiled ones.
Usage: .ci/hsds_check.py BASE_URL"""
import json, pathlib, subprocess, sys, tempfile, urllib.request

base = sys.argv[1].rstrip("/") + "/hsds"
tool = pathlib.Path(__file__).resolve().parent.parent.parent / "shared" / "tools" / "hsds-validate"
out = pathlib.Path(tempfile.mkdtemp(prefix="hsds-check-"))
files = {}  # kind -> [paths]
count = 0


def get(path):
    with urllib.request.urlopen(base + path) as r:
        assert r.status == 200, (path, r.status)
        return json.load(r)


def keep(kind, doc):
    global count
    count += 1
    p = out / f"{count}.json"
    p.write_text(json.dumps(doc))
    files.setdefault(kind, []).append(str(p))


def paged(path, item_kind):
    doc = get(path)
    for k in ("total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty", "contents"):
        assert k in doc, (path, k)
    for item in doc["contents"]:
        keep(item_kind, item)
    return doc["contents"]


meta = get("/")
assert meta["version"] == "3.0", meta
for lang in ("fi", "sv", "en"):
    services = []
    page = 1
    while True:
        items = paged(f"/services?per_page=50&page={page}&lang={lang}", "service_list")
        services += items
        if len(items) < 50:
            break
        page += 1
    paged(f"/services?per_page=20&full=true&lang={lang}", "service")
    paged(f"/services?per_page=20&page=2&full=true&lang={lang}", "service")
    for s in services:
        keep("service", get(f"/services/{s['id']}?lang={lang}"))
    orgs = paged(f"/organizations?per_page=100&lang={lang}", "organization_list")
    paged(f"/organizations?per_page=5&full=true&lang={lang}", "organization")
    for o in orgs:
        keep("organization", get(f"/organizations/{o['id']}?lang={lang}"))
    sals = paged(f"/service_at_locations?per_page=100&lang={lang}", "service_at_location_list")
    paged(f"/service_at_locations?per_page=10&full=true&lang={lang}", "service_at_location")
    for s in sals[:20]:
        keep("service_at_location", get(f"/service_at_locations/{s['id']}?lang={lang}"))
    taxes = paged(f"/taxonomies?lang={lang}", "taxonomy")
    for t in taxes:
        keep("taxonomy", get(f"/taxonomies/{t['id']}?lang={lang}"))
        terms = paged(f"/taxonomy_terms?taxonomy_id={t['id']}&per_page=100&lang={lang}", "taxonomy_term")
        for term in terms[:3]:
            keep("taxonomy_term", get(f"/taxonomy_terms/{term['id']}?lang={lang}"))
            paged(f"/services?taxonomy_term_id={term['id']}&lang={lang}", "service_list")

failed = False
for kind, paths in sorted(files.items()):
    r = subprocess.run([str(tool), kind, *paths], capture_output=True, text=True)
    bad = [l for l in r.stdout.splitlines() if not l.endswith(": ok")]
    print(f"hsds: {len(paths)} documents as {kind}: {'ok' if r.returncode == 0 else 'INVALID'}")
    if r.returncode != 0:
        failed = True
        print("\n".join(bad[:20]))
print(f"hsds: {count} documents checked")
sys.exit(1 if failed else 0)
