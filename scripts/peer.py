#!/usr/bin/env python3
"""The peer of the search benchmark: the same directory published with Datasette, the tool a
team would otherwise pick (see ../shared/TESTING.md, "The peer").

  peer.py build KOLMONEN_DB PEER_DB
      One row per record Kolmonen searches (services, opportunities, organizations) with its
      names and descriptions in Finnish, Swedish and English and its facets as columns (lists as
      JSON arrays, which Datasette filters with __arraycontains and counts with _facet_array).
      Full-text search is then enabled with `sqlite-utils enable-fts` on the six text columns.
  peer.py paths [--json]  < queries
      Turns Kolmonen search query strings (`kolmonen bench-search --list`) into the same
      search on Datasette: words, type, kind, municipality, region, target group, topic,
      language, cost and yes/no filters, with four facets counted. Datasette has no distance,
      no inflection and no sorting by distance: `near`, `radius_km`, `sort` and `lang` are
      left out, which only makes its work lighter.
  peer.py relevance URL RELEVANCE_FILE
      recall@10 and nDCG@10 of the relevance set against Datasette at URL serving a peer built
      from the demo data, with the same formulas as `kolmonen search-eval`.
"""
import json
import math
import re
import sqlite3
import sys
import urllib.parse
import urllib.request

K = 10
FACETS = "_facet=type&_facet_array=municipalities&_facet_array=target_groups&_facet_array=topics"
LISTS = {"m": "municipalities", "r": "regions", "g": "target_groups", "p": "topics", "l": "languages", "x": "flags"}


def norm(v):
    """Facet values as Kolmonen's index spells them: lower case, letters and digits."""
    return re.sub(r"[^0-9a-z]", "", v.lower())


def texts(value):
    """A text in three languages: stored as JSON {"fi", "sv", "en"}, or plain (a name)."""
    try:
        t = json.loads(value) if value else {}
    except ValueError:
        t = {"fi": value}
    if not isinstance(t, dict):
        t = {"fi": value}
    return [t.get("fi") or "", t.get("sv") or "", t.get("en") or ""]


def build(src, dst):
    s = sqlite3.connect(src)
    d = sqlite3.connect(dst)
    d.execute("DROP TABLE IF EXISTS records")
    d.execute(
        """CREATE TABLE records (id TEXT PRIMARY KEY, type TEXT, kind TEXT, cost TEXT,
           name TEXT, name_sv TEXT, name_en TEXT,
           description TEXT, description_sv TEXT, description_en TEXT,
           municipalities TEXT, regions TEXT, target_groups TEXT, topics TEXT, languages TEXT,
           flags TEXT)"""
    )
    rows = s.execute(
        """SELECT d.doc_type, d.record_id, d.facets,
                  COALESCE(sv.name, op.title, org.name),
                  COALESCE(sv.description, op.description, org.description)
           FROM search_docs d
           LEFT JOIN services sv ON d.doc_type = 'service' AND sv.id = d.record_id
           LEFT JOIN opportunities op ON d.doc_type = 'opportunity' AND op.id = d.record_id
           LEFT JOIN organizations org ON d.doc_type = 'organization' AND org.id = d.record_id
           ORDER BY d.doc_no"""
    )
    batch = []
    for doc_type, rid, facets, name, desc in rows:
        cols = {v: [] for v in LISTS.values()}
        kind = cost = None
        for tok in facets.split():
            head, value = tok[0], tok[1:]
            if head == "k":
                kind = value
            elif head == "o":
                cost = value
            elif head in LISTS:
                cols[LISTS[head]].append(value)
        batch.append(
            [rid, doc_type, kind, cost]
            + texts(name)
            + texts(desc)
            + [json.dumps(cols[c]) for c in LISTS.values()]
        )
        if len(batch) >= 5000:
            d.executemany("INSERT INTO records VALUES (" + ",".join("?" * 16) + ")", batch)
            batch = []
    d.executemany("INSERT INTO records VALUES (" + ",".join("?" * 16) + ")", batch)
    d.commit()
    print(d.execute("SELECT COUNT(*) FROM records").fetchone()[0], "records in", dst)


def datasette_query(qs, json_out=False):
    """The Datasette path for one Kolmonen query string."""
    out = []
    for k, v in urllib.parse.parse_qsl(qs):
        if k == "q" and v.strip():
            out.append(("_search", v))
        elif k == "type":
            out.append(("type", v))
        elif k == "kind":
            out.append(("kind", norm(v)))
        elif k == "cost":
            out.append(("cost", norm(v)))
        elif k in ("municipality", "region", "target_group", "topic", "language"):
            col = {"municipality": "municipalities", "region": "regions", "target_group": "target_groups",
                   "topic": "topics", "language": "languages"}[k]
            out.append((col + "__arraycontains", norm(v)))
        elif k in ("open", "part_time", "low_threshold", "accessible") and v == "true":
            out.append(("flags__arraycontains", norm(k)))
    path = "/peer/records.json" if json_out else "/peer/records"
    return path + "?" + urllib.parse.urlencode(out) + "&" + FACETS + "&_size=20"


def metrics(ranked, relevant):
    if not relevant:
        return 1.0, 1.0
    top = ranked[:K]
    ideal = min(len(relevant), K)
    recall = sum(1 for r in top if r in relevant) / ideal
    gain = lambda i: 1.0 / math.log2(i + 2)
    dcg = sum(gain(i) for i, r in enumerate(top) if r in relevant)
    idcg = sum(gain(i) for i in range(ideal))
    return recall, dcg / idcg


def relevance(url, path):
    cases = []
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("?"):
            cases.append((line[1:].strip(), []))
        else:
            t, name = line.split(" ", 1)
            cases[-1][1].append((t, name.strip()))

    def get(p):
        with urllib.request.urlopen(url + p) as r:
            return json.load(r)

    # Records by type and Finnish name, as kolmonen search-eval finds them.
    ids = {}
    nxt = "/peer/records.json?_shape=objects&_size=max&_col=type&_col=name"
    while nxt:
        page = get(nxt)
        for row in page["rows"]:
            ids[(row["type"], row["name"])] = row["id"]
        nxt = page.get("next_url")
        if nxt:
            nxt = nxt[nxt.index("/peer/"):]
    total_r = total_n = 0.0
    for qs, expected in cases:
        p = datasette_query(qs, json_out=True).replace("_size=20", "_size=10") + "&_shape=objects"
        ranked = [row["id"] for row in get(p)["rows"]]
        relevant = [ids.get(e) for e in expected]
        if None in relevant:
            r = n = 0.0
        else:
            r, n = metrics(ranked, relevant)
        total_r += r
        total_n += n
        print(f"{'ok  ' if r == 1.0 else 'MISS'} recall {r:.2f} nDCG {n:.2f}  {qs}")
    print(f"{len(cases)} queries: recall@10 {total_r / len(cases):.3f}, nDCG@10 {total_n / len(cases):.3f}")


if __name__ == "__main__":
    cmd = sys.argv[1] if len(sys.argv) > 1 else ""
    if cmd == "build":
        build(sys.argv[2], sys.argv[3])
    elif cmd == "paths":
        for line in sys.stdin:
            if line.strip():
                print(datasette_query(line.strip(), json_out="--json" in sys.argv))
    elif cmd == "relevance":
        relevance(sys.argv[2].rstrip("/"), sys.argv[3])
    else:
        sys.exit(__doc__)
