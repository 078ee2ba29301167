#!/usr/bin/env bash
# Accessibility check: axe-core (WCAG 2.0/2.1 A and AA) in Debian's chromium over every page
# type in fi, sv and en. Usage: .ci/axe.sh BASE_URL   (the server must be running)
set -euo pipefail
base=${1:?base url}
here=$(cd "$(dirname "$0")" && pwd)
id() { curl -sf "$base/api/v1/$1?per_page=100" | python3 -c "import json,sys; c=json.load(sys.stdin)['contents']; print(c[${2:-0}]['id'])"; }
org=$(id organizations); svc=$(id services); opp=$(id opportunities)
net=$(curl -sf "$base/api/v1/networks" | python3 -c "import json,sys; print(json.load(sys.stdin)[0]['id'])")
proj=$(id projects)
art=$(id articles)
ev=$(curl -sf "$base/api/v1/events" | python3 -c "import json,sys; print(next(e['id'] for e in json.load(sys.stdin)['contents'] if e['signup']))")
# A record whose English text falls back to Finnish, and a stale one, exercise those states too.
org_fallback=$(curl -sf "$base/api/v1/organizations?per_page=100" | python3 -c "import json,sys; print(next(o['id'] for o in json.load(sys.stdin)['contents'] if not o['description'].get('en')))")
urls=()
for lang in fi sv en; do
  urls+=("$base/$lang/" "$base/$lang/search?q=kudonta" "$base/$lang/search?q=zzzxxy" "$base/$lang/search?q=ty%C3%B6kokeilu&near=15140&radius_km=20&municipality=398" "$base/$lang/search?q=kudonta&near=Atlantis"
    "$base/$lang/organizations" "$base/$lang/organizations?municipality=398&page=2" "$base/$lang/organizations/$org"
    "$base/$lang/organizations/$org_fallback" "$base/$lang/services/$svc" "$base/$lang/opportunities"
    "$base/$lang/opportunities?type=work_trial&open=1" "$base/$lang/opportunities/$opp"
    "$base/$lang/municipalities" "$base/$lang/municipalities/398" "$base/$lang/networks" "$base/$lang/networks/$net" "$base/$lang/impact?network=$net" "$base/$lang/no-such-page"
    "$base/$lang/networks/$net/subscribe" "$base/$lang/networks/$net/subscribe?done=sent" "$base/$lang/networks/subscription?token=0" "$base/$lang/networks/subscription?done=unsubscribed"
    "$base/$lang/organizations?page=abc" "$base/$lang/signup" "$base/$lang/signup?done=sent"
    "$base/$lang/password-reset" "$base/$lang/password-reset?done=sent" "$base/$lang/password-reset?token=expired"
    "$base/$lang/confirm?token=0" "$base/$lang/confirm-email?token=0" "$base/$lang/privacy" "$base/$lang/accessibility" "$base/$lang/services/$svc/report" "$base/$lang/organizations/$org/report"
    "$base/$lang/events" "$base/$lang/events?past=1" "$base/$lang/events?municipality=Atlantis" "$base/$lang/events/$ev" "$base/$lang/events/$ev?done=confirm-sent" "$base/$lang/events/signup?token=0"
    "$base/$lang/projects" "$base/$lang/projects?funder=stea&status=ongoing" "$base/$lang/projects?funder=lottery&municipality=Atlantis" "$base/$lang/projects/$proj" "$base/$lang/search?type=project" "$base/$lang/articles" "$base/$lang/articles?kind=guide&topic=job-coaching" "$base/$lang/articles?topic=dragons" "$base/$lang/articles/$art" "$base/$lang/articles/$art/history" "$base/$lang/search?type=article&q=ty%C3%B6kokeilu")
done
cd "$here/axe"
if [ ! -x node_modules/.bin/axe ]; then
  PUPPETEER_SKIP_DOWNLOAD=1 CHROMEDRIVER_SKIP_DOWNLOAD=true npm ci --no-audit --no-fund --ignore-scripts >/dev/null
fi
echo "axe: checking ${#urls[@]} pages"
node_modules/.bin/axe "${urls[@]}" --chromedriver-path /usr/bin/chromedriver --chrome-path /usr/bin/chromium \
  --chrome-options="headless=new,no-sandbox,disable-gpu,disable-background-networking" \
  --tags wcag2a,wcag2aa,wcag21a,wcag21aa --exit
echo "axe: ${#urls[@]} pages checked, 0 violations"
python3 "$here/unique_ids.py" "${urls[@]}"
