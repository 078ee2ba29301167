#!/usr/bin/env python3
"""Every id on a page is unique (axe's duplicate-id rules are not in the WCAG 2.1 tags):
a repeated id lets a label tick another box. Usage: unique_ids.py URL..."""
import sys
import urllib.request
from collections import Counter
from html.parser import HTMLParser


class Ids(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids = Counter()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name == "id" and value is not None:
                self.ids[value] += 1


bad = 0
for url in sys.argv[1:]:
    try:
        body = urllib.request.urlopen(url).read().decode()
    except urllib.error.HTTPError as e:  # error pages are checked too
        body = e.read().decode()
    p = Ids()
    p.feed(body)
    dup = sorted(i for i, n in p.ids.items() if n > 1)
    if dup:
        bad += 1
        print(f"FAIL {url}: repeated ids {', '.join(dup)}")
print(f"unique ids: {len(sys.argv) - 1} pages checked, {bad} with repeated ids")
sys.exit(1 if bad else 0)
