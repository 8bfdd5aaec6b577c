#!/usr/bin/env bash
# Run by scripts/api-conformance inside scripts/e2e, against the platform it started.
set -euo pipefail
: "${E2E_BASE_URL:?}" "${E2E_DEMO_PASSWORD:?}" "${SCHEMATHESIS_BIN:?}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
login=$(curl -fsS "$E2E_BASE_URL/api/v1/auth/login" -H 'Content-Type: application/json' \
  -d "{\"email\":\"admin@veluwe-west.example\",\"password\":\"$E2E_DEMO_PASSWORD\"}")
API_TOKEN=$(python3 -c 'import json, sys; print(json.load(sys.stdin)["accessToken"])' <<<"$login")
export API_TOKEN
# Ids of the demo cooperation's own data, so that the operations on one resource reach it
# instead of answering 404 for a random id.
first_id() {
  curl -fsS "$E2E_BASE_URL/api/v1/tenants/veluwe-west/$1" -H "Authorization: Bearer $API_TOKEN" \
    | python3 -c 'import json, sys; items = json.load(sys.stdin)["items"]; print(items[0]["id"] if items else "")'
}
export MUNICIPALITY_ID PLAN_ID PRIORITY_ID ACTION_ID INDICATOR_ID MEASUREMENT_ID GROUP_ID REVIEW_ID COMMITMENT_ID LETTER_ID DISTRICT_ID
MUNICIPALITY_ID=$(first_id municipalities)
DISTRICT_ID=$(first_id "municipalities/$MUNICIPALITY_ID/districts")
PLAN_ID=$(first_id plans)
PRIORITY_ID=$(first_id priorities)
ACTION_ID=$(first_id actions)
INDICATOR_ID=$(first_id indicators)
MEASUREMENT_ID=$(first_id "indicators/$INDICATOR_ID/measurements")
GROUP_ID=$(first_id expert-groups)
REVIEW_ID=$(first_id "expert-groups/$GROUP_ID/reviews")
COMMITMENT_ID=$(first_id commitments)
LETTER_ID=$(first_id safety-letters)
rm -rf "$SCHEMATHESIS_REPORT_DIR"
"$SCHEMATHESIS_BIN" --config-file "$here/schemathesis.toml" run "$E2E_BASE_URL/api/v1/openapi.json" \
  --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance,response_headers_conformance,positive_data_acceptance \
  --phases examples,coverage,fuzzing,stateful \
  --max-examples "$SCHEMATHESIS_EXAMPLES" --seed "$SCHEMATHESIS_SEED" --workers 1 \
  --report junit --report-dir "$SCHEMATHESIS_REPORT_DIR" --no-color
