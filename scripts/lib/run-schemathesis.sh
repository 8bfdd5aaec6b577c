#!/usr/bin/env bash
# Run by scripts/api-conformance inside scripts/e2e, against the platform it started.
set -euo pipefail
: "${E2E_BASE_URL:?}" "${E2E_DEMO_PASSWORD:?}" "${SCHEMATHESIS_BIN:?}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
body=$(python3 -c 'import json, sys; print(json.dumps({"email": "admin@veluwe-west.example", "password": sys.argv[1]}))' "$E2E_DEMO_PASSWORD")
login=$(curl -fsS "$E2E_BASE_URL/api/v1/auth/login" -H 'Content-Type: application/json' -d "$body") \
  || { echo "schemathesis: the demo admin could not sign in" >&2; exit 1; }
API_TOKEN=$(python3 -c 'import json, sys; print(json.load(sys.stdin)["accessToken"])' <<<"$login")
export API_TOKEN
# Ids of the demo cooperation's own data, so that the operations on one resource reach it
# instead of answering 404 for a random id.
first_id() {
  [ -n "${1##*//*}" ] || return 0
  curl -fsS "$E2E_BASE_URL/api/v1/tenants/veluwe-west/$1" -H "Authorization: Bearer $API_TOKEN" \
    | python3 -c 'import json, sys; items = json.load(sys.stdin)["items"]; print(items[0]["id"] if items else "")'
}
export MUNICIPALITY_ID PLAN_ID PRIORITY_ID ACTION_ID INDICATOR_ID MEASUREMENT_ID GROUP_ID REVIEW_ID COMMITMENT_ID LETTER_ID DISTRICT_ID
# A municipality with districts (Harderwijk), and the first of them.
read -r MUNICIPALITY_ID DISTRICT_ID < <(curl -fsS "$E2E_BASE_URL/api/v1/tenants/veluwe-west/municipalities?pageSize=100" \
  -H "Authorization: Bearer $API_TOKEN" | python3 -c '
import json, sys
with_districts = [m for m in json.load(sys.stdin)["items"] if m["districts"]]
print(with_districts[0]["id"], with_districts[0]["districts"][0]["id"]) if with_districts else print("", "")')
PLAN_ID=$(first_id plans)
PRIORITY_ID=$(first_id priorities)
ACTION_ID=$(first_id actions)
if [ -z "$ACTION_ID" ]; then
  # The demo data has no action points: one to work on.
  ACTION_ID=$(curl -fsS "$E2E_BASE_URL/api/v1/tenants/veluwe-west/actions" -H "Authorization: Bearer $API_TOKEN" \
    -H 'Content-Type: application/json' -d "{\"priorityId\": \"$PRIORITY_ID\", \"title\": \"Actiepunt om te testen\"}" \
    | python3 -c 'import json, sys; print(json.load(sys.stdin)["id"])')
fi
INDICATOR_ID=$(first_id indicators)
MEASUREMENT_ID=$(first_id "indicators/$INDICATOR_ID/measurements")
GROUP_ID=$(first_id expert-groups)
REVIEW_ID=$(first_id "expert-groups/$GROUP_ID/reviews")
COMMITMENT_ID=$(first_id commitments)
LETTER_ID=$(first_id safety-letters)
# An empty id would send requests to `…/safety-letters//document` and test nothing there.
for name in MUNICIPALITY_ID DISTRICT_ID PLAN_ID PRIORITY_ID ACTION_ID INDICATOR_ID MEASUREMENT_ID \
  GROUP_ID REVIEW_ID COMMITMENT_ID LETTER_ID; do
  [ -n "${!name}" ] || { echo "schemathesis: the demo data has no record for $name" >&2; exit 1; }
done
rm -rf "$SCHEMATHESIS_REPORT_DIR"
"$SCHEMATHESIS_BIN" --config-file "$here/schemathesis.toml" run "$E2E_BASE_URL/api/v1/openapi.json" \
  --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance,response_headers_conformance,positive_data_acceptance \
  --phases examples,coverage,fuzzing,stateful \
  --max-examples "$SCHEMATHESIS_EXAMPLES" --seed "$SCHEMATHESIS_SEED" --workers 1 \
  --report junit --report-dir "$SCHEMATHESIS_REPORT_DIR" --no-color
