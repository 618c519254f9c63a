#!/usr/bin/env bash
# Demo data for the claim-care service, through its API (so health data is encrypted and every event goes out through
# the outbox), then a little SQL to give the care a history: care began days after payment and volunteers have
# visited weekly since. Makes the programme report and the visit-to-payment report meaningful on the local stack.
#
#   source services/claim-care/demo/demo-data.sh
#   load_claim_care_demo <service-url> <partner-token> <coordinator-token> <psql command and args...>
# e.g. from ./careline:
#   load_claim_care_demo http://127.0.0.1:8083 "$(partner_token)" "$(user_token cora)" pg_psql -d careline_claim_care
# or alone, against the running local stack:
#   services/claim-care/demo/demo-data.sh
#
# Loads once: a partner that already has claims is left as it is. Needs curl and jq. Deterministic (RANDOM is seeded).

_cc_call() { # method path [json]
  local method=$1 path=$2 body=${3:-}
  if [[ -n $body ]]; then
    curl -sS --fail-with-body -X "$method" -H "Authorization: Bearer $_CC_TOKEN" -H 'Content-Type: application/json' -d "$body" "$_CC_URL$path"
  else
    curl -sS --fail-with-body -X "$method" -H "Authorization: Bearer $_CC_TOKEN" "$_CC_URL$path"
  fi
}
_cc_as() { _CC_TOKEN=$1; }
_cc_ago() { date -u -d "@$(( $(date +%s) - $1 ))" +%Y-%m-%dT%H:%M:%SZ; } # seconds ago, ISO-8601

load_claim_care_demo() {
  local url=$1 partner=$2 coordinator=$3; shift 3
  local -a psql_cmd=("$@")
  command -v jq >/dev/null || { echo "claim-care demo data needs jq (apt-get install jq)" >&2; return 1; }
  _CC_URL=$url
  _cc_as "$partner"
  if [[ $(_cc_call GET '/api/partner/v1/claims?size=1' | jq .total) -gt 0 ]]; then
    echo "claim-care demo data is already loaded"; return 0
  fi
  RANDOM=42
  local regions=(north south east west) languages=(de en tr pl ar) skills=(visits paperwork errands dementia-care mobility)
  local kinds=(CLAIMS_INVESTIGATOR AGENT STAFF PUBLIC) i region lang

  # --- volunteers: victor (the demo volunteer sign-in) and 59 more over four regions; a few with expired training
  _cc_as "$coordinator"
  _cc_call POST /api/v1/care/volunteers '{"username":"victor","fullName":"Victor Brandt","kind":"CLAIMS_INVESTIGATOR",
    "region":"north","languages":["de","en"],"skills":["visits","paperwork"],"availability":"weekday evenings","capacity":6,
    "trainingExpiresOn":"2027-12-31","backgroundCheckExpiresOn":"2028-06-30"}' >/dev/null
  for ((i = 1; i < 60; i++)); do
    region=${regions[i % 4]} lang=${languages[RANDOM % 5]}
    local training
    training=$(date -u -d "+$(( (i % 13 == 0) ? -20 : 200 + RANDOM % 400 )) days" +%Y-%m-%d)
    _cc_call POST /api/v1/care/volunteers "{\"fullName\":\"Volunteer $i\",\"kind\":\"${kinds[i % 4]}\",\"region\":\"$region\",
      \"languages\":[\"de\",\"$lang\"],\"skills\":[\"${skills[i % 5]}\",\"${skills[(i + 2) % 5]}\"],\"capacity\":$(( 2 + i % 4 )),
      \"trainingExpiresOn\":\"$training\",\"backgroundCheckExpiresOn\":\"$(date -u -d '+500 days' +%Y-%m-%d)\"}" >/dev/null
  done
  echo "claim-care: 60 volunteers registered"

  # --- 160 claims over the last 90 days: visit to payment mostly under 30 minutes, a tenth green-channel, some rejected
  local n customer ref visit minutes born conditions relationship beneficiary green id
  for ((n = 1; n <= 160; n++)); do
    case $n in 1|2) customer=C-1001 ;; 3) customer=C-1002 ;; *) customer=$(printf 'C-%04d' $((2000 + n))) ;; esac
    ref=$(printf 'ACME-DEMO-%04d' "$n")
    visit=$(( (1 + RANDOM % 89) * 86400 + RANDOM % 36000 ))
    green=$([[ $((n % 10)) -eq 0 ]] && echo true || echo false)
    _cc_as "$partner"
    _cc_call POST /api/partner/v1/claims "{\"eventId\":\"$ref-r\",\"claimRef\":\"$ref\",\"customerId\":\"$customer\",
      \"occurredAt\":\"$(_cc_ago $((visit + 3600 + RANDOM % 7200)))\",\"greenChannel\":$green}" >/dev/null
    _cc_call POST "/api/partner/v1/claims/$ref/documents-collected" "{\"eventId\":\"$ref-d\",\"occurredAt\":\"$(_cc_ago "$visit")\"}" >/dev/null
    if (( n % 12 == 5 )); then
      _cc_call POST "/api/partner/v1/claims/$ref/rejection" "{\"eventId\":\"$ref-x\",\"occurredAt\":\"$(_cc_ago $((visit - 600)))\",
        \"reason\":\"not covered by the policy\"}" >/dev/null
      continue
    fi
    minutes=$(( RANDOM % 4 == 0 ? 30 + RANDOM % 45 : 12 + RANDOM % 18 ))
    _cc_call POST "/api/partner/v1/claims/$ref/assessment" "{\"eventId\":\"$ref-a\",\"occurredAt\":\"$(_cc_ago $((visit - 300)))\",
      \"amount\":$(( 500 + RANDOM % 20000 )).00,\"currency\":\"EUR\"}" >/dev/null
    region=${regions[RANDOM % 4]} lang=$([[ $((RANDOM % 3)) -eq 0 ]] && echo "${languages[RANDOM % 5]}" || echo de)
    relationship=SELF born=$(date -u -d "-$(( 30 + RANDOM % 55 )) years" +%Y-%m-%d) conditions='[]'
    case $(( RANDOM % 20 )) in
      0|1|2) conditions='["CRITICAL_ILLNESS"]' ;;
      3|4|5|6) conditions='["CHRONIC_ILLNESS"]' ;;
      7|8) conditions='["DISABILITY"]' ;;
      9) conditions='["CHRONIC_ILLNESS","DISABILITY"]' ;;
      10|11) relationship=CHILD born=$(date -u -d "-$(( 3 + RANDOM % 14 )) years" +%Y-%m-%d) ;;
    esac
    beneficiary="{\"fullName\":\"Beneficiary $n\",\"dateOfBirth\":\"$born\",\"relationship\":\"$relationship\",
      \"region\":\"$region\",\"language\":\"$lang\",\"healthConditions\":$conditions,\"guardianName\":null}"
    _cc_call POST "/api/partner/v1/claims/$ref/payment" "{\"eventId\":\"$ref-p\",\"occurredAt\":\"$(_cc_ago $((visit - minutes * 60)))\",
      \"amount\":$(( 500 + RANDOM % 20000 )).00,\"currency\":\"EUR\",\"beneficiary\":$beneficiary}" >/dev/null
  done
  echo "claim-care: 160 claims reported, most paid"

  # --- consent (a guardian's for a minor), then the best-ranked volunteer who may take them on, and a weekly plan
  _cc_as "$coordinator"
  local proposed minor consent volunteer taken=0
  proposed=$(_cc_call GET '/api/v1/care/beneficiaries?status=PROPOSED&size=100' | jq -r '.items[] | "\(.id) \(.minor)"')
  while read -r id minor; do
    [[ -n $id ]] || continue
    consent=$([[ $minor == true ]] && echo '"givenBy":"GUARDIAN","guardianName":"Parent"' || echo '"givenBy":"BENEFICIARY"')
    if (( RANDOM % 8 == 0 )); then
      _cc_call POST "/api/v1/care/beneficiaries/$id/consent" "{\"decision\":\"REFUSED\",$consent}" >/dev/null; continue
    fi
    _cc_call POST "/api/v1/care/beneficiaries/$id/consent" "{\"decision\":\"GIVEN\",$consent}" >/dev/null
    volunteer=$(_cc_call GET "/api/v1/care/beneficiaries/$id/matches?size=1" | jq -r '.items[0] | select(.blockedReason == null) | .volunteerId')
    [[ -n $volunteer ]] || continue
    _cc_call POST "/api/v1/care/beneficiaries/$id/assignments" "{\"volunteerId\":\"$volunteer\"$([[ $minor == true ]] && echo ',"safeguarding":"GUARDIAN_PRESENT"')}" >/dev/null
    _cc_call PUT "/api/v1/care/beneficiaries/$id/plan" '{"cadenceDays":7}' >/dev/null
    taken=$((taken + 1))
  done <<<"$proposed"
  echo "claim-care: $taken people taken into care"

  # --- the care's history: it began 1 to 9 days after payment, with visits most weeks since (a call every fourth)
  "${psql_cmd[@]}" <<'SQL'
UPDATE beneficiary SET care_started_at = LEAST(now() - interval '1 hour',
       paid_at + ((1 + abs(hashtext(id::text)) % 9) || ' days')::interval)
 WHERE status = 'IN_CARE' AND care_started_at > now() - interval '1 day';
UPDATE assignment a SET assigned_at = b.care_started_at FROM beneficiary b
 WHERE b.id = a.beneficiary_id AND a.ended_at IS NULL;
-- volunteers joined up to 600 days before their first assignment
UPDATE volunteer v SET enrolled_at = COALESCE((SELECT min(assigned_at) FROM assignment a WHERE a.volunteer_id = v.id), now())
       - ((abs(hashtext(v.id::text)) % 600) || ' days')::interval;
INSERT INTO activity (id, beneficiary_id, volunteer_id, kind, occurred_at, duration_minutes, notes, guardian_present, recorded_at)
SELECT gen_random_uuid(), a.beneficiary_id, a.volunteer_id, CASE WHEN w % 4 = 3 THEN 'CALL' ELSE 'VISIT' END,
       b.care_started_at + (w * 7 || ' days')::interval + interval '2 hours',
       30 + abs(hashtext(a.id::text || w)) % 60, 'demo', b.minor, now()
  FROM assignment a JOIN beneficiary b ON b.id = a.beneficiary_id CROSS JOIN generate_series(0, 13) w
 WHERE a.ended_at IS NULL AND b.care_started_at + (w * 7 || ' days')::interval + interval '2 hours' < now()
   AND abs(hashtext(a.id::text || w)) % 10 < 8;
UPDATE care_plan p SET next_due_at = last.at + interval '7 days'
  FROM (SELECT beneficiary_id, max(occurred_at) AS at FROM activity WHERE kind <> 'CALL' GROUP BY beneficiary_id) last
 WHERE last.beneficiary_id = p.beneficiary_id;
SQL

  # --- twelve group activities over the last 90 days, four volunteers and up to six people each, most of them came
  local g start group signups attended
  for ((g = 0; g < 12; g++)); do
    region=${regions[g % 4]} start=$(_cc_ago $(( (5 + g * 7) * 86400 )))
    group=$(_cc_call POST /api/v1/care/group-activities "{\"title\":\"Afternoon together $((g + 1))\",\"place\":\"Community hall, $region\",
      \"region\":\"$region\",\"startsAt\":\"$start\",\"capacity\":12}" | jq -r .id)
    for id in $(_cc_call GET '/api/v1/care/volunteers?status=ACTIVE&size=100' | jq -r --arg r "$region" '[.items[] | select(.region == $r)][:4][] .id'); do
      _cc_call POST "/api/v1/care/group-activities/$group/sign-ups" "{\"volunteerId\":\"$id\"}" >/dev/null
    done
    for id in $(_cc_call GET '/api/v1/care/beneficiaries?status=IN_CARE&size=100' | jq -r --arg r "$region" '[.items[] | select(.region == $r)][:6][] .id'); do
      _cc_call POST "/api/v1/care/group-activities/$group/sign-ups" "{\"beneficiaryId\":\"$id\"}" >/dev/null
    done
    signups=$(_cc_call GET "/api/v1/care/group-activities/$group" | jq -c '[.signUps[].id]')
    attended=$(jq -c '[.[] | select((. | explode | add) % 5 != 0)]' <<<"$signups")
    _cc_call POST "/api/v1/care/group-activities/$group/attendance" "{\"attendedSignUpIds\":$attended}" >/dev/null
  done
  echo "claim-care: 12 group activities with attendance"
  echo "claim-care: programme figures for the last 90 days:"
  _cc_call GET "/api/v1/care/reports/programme?from=$(date -u -d '-90 days' +%Y-%m-%d)&to=$(date -u +%Y-%m-%d)" \
    | jq -c '{volunteers, people, oneToOne, groupActivities, beneficiariesByCriterion, careStartAfterPayment}'
  _cc_call GET "/api/v1/care/reports/visit-to-payment?from=$(date -u -d '-90 days' +%Y-%m-%d)&to=$(date -u +%Y-%m-%d)" | jq -c .
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
  set -euo pipefail
  root=$(cd "$(dirname "$0")/../../.." && pwd)
  load_claim_care_demo "${CLAIM_CARE_URL:-http://127.0.0.1:8083}" "$("$root/careline" token partner)" \
    "$("$root/careline" token cora)" psql -h "$root/.careline/run/pg" -U postgres -d "${CLAIM_CARE_DB:-careline_claim_care}" -v ON_ERROR_STOP=1 -q
fi
