#!/usr/bin/env bash
# Crash test: kill -9 the hub during a load, restart it, and prove that every message it ACKed was
# stored and delivered exactly once per endpoint, in order.
#
#   bench/crash.sh [--messages N] [--connections N] [--kill-after N] [--ris-port P] [--his-port P] [--keep]
#
#   --messages N      messages sent (default 20000): township CT orders (ORM^O01 -> county-ris) and
#                     registrations (ADT^A04 -> county-his), alternating on each connection
#   --connections N   concurrent MLLP connections (default 8)
#   --kill-after N    kill the server once N messages are ACKed (default: a quarter of --messages)
#   --ris-port P      port of the recording county RIS (default 3602)
#   --his-port P      port of the recording county HIS (default 3604)
#   --keep            keep the work directory (ACK lists, record files, logs) even if all holds
#
# Environment: HUB_PORT_OFFSET (default 500, so MLLP 3075 and HTTP 8580) and the rest of
# bench/common.sh; HUB_DB, HUB_DB_URL, HUB_DB_USER pass through to ./hub:
#   HUB_DB=postgresql HUB_DB_URL=jdbc:postgresql://127.0.0.1:5432/yigong_crash HUB_DB_USER=postgres bench/crash.sh
# (an empty database: deliveries still pending from an earlier run would reach the sinks).
#
# Steps: start two recording receiving systems (MllpEcho --record), ./hub start --fresh, start the
# load; when N messages are ACKed, kill -9 the WildFly JVM; the load ends with failures;
# ./hub start (not fresh); resend every message that was not ACKed, with its control id, as a
# HIS does; wait until routing and both queues are drained; then check:
#   - every ACKed control id is stored, none twice (REST search, X-Total-Count);
#   - every ACKed message arrived at its endpoint, and under exactly one outbound MSH-10
#     (YG<delivery id>): no message was translated into two deliveries;
#   - order: per connection the sequence numbers, and at each endpoint the delivery ids, of the
#     first receipts increase.
# Exit status 0 only if all of these hold.
#
# The at-least-once window. An outbound MSH-10 may arrive twice, and that is counted and shown
# but is not a failure. The hub marks a delivery as delivered in its own transaction after the
# endpoint's ACK came back; if the JVM dies after the endpoint received the message and before
# that commit, the delivery is still pending after the restart and is sent again, with the same
# MSH-10. No sender can close this gap alone (it cannot know whether a message it got no ACK for
# arrived), so the receiver drops a message whose MSH-10 it already has. The queue sends one
# message at a time, so it is at most one message per endpoint per crash. The same holds inbound:
# a message stored whose ACK the JVM never sent is resent by the HIS and answered with the
# original ACK (the hub's duplicate check), not stored again; the script reports those as well.
set -euo pipefail

bench=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$bench/.."

messages=20000
connections=8
kill_after=
ris_port=3602
his_port=3604
keep=false

say() { printf '%s\n' "$*"; }
fail() { printf 'crash.sh: %s\n' "$*" >&2; exit 2; }

while [ $# -gt 0 ]; do
    case $1 in
        --messages) messages=${2:?--messages needs a value}; shift 2 ;;
        --connections) connections=${2:?--connections needs a value}; shift 2 ;;
        --kill-after) kill_after=${2:?--kill-after needs a value}; shift 2 ;;
        --ris-port) ris_port=${2:?--ris-port needs a value}; shift 2 ;;
        --his-port) his_port=${2:?--his-port needs a value}; shift 2 ;;
        --keep) keep=true; shift ;;
        -h|--help) sed -n '2,39p' "$bench/crash.sh" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) fail "unknown option $1 (see --help)" ;;
    esac
done
kill_after=${kill_after:-$((messages / 4))}
for number in "$messages" "$connections" "$kill_after" "$ris_port" "$his_port"; do
    [[ $number =~ ^[0-9]+$ ]] || fail "not a whole number: $number"
done
[ "$kill_after" -ge 1 ] && [ "$kill_after" -lt "$messages" ] || fail "--kill-after must be between 1 and --messages"

source "$bench/common.sh"
export HUB_ENDPOINT_COUNTY_RIS=mllp://$sink_host:$ris_port
export HUB_ENDPOINT_COUNTY_HIS=mllp://$sink_host:$his_port

# Hard limits: the whole test at a pessimistic 20 msg/s plus two server starts; the sinks end by
# themselves after it.
limit=$((600 + messages / 20))
work=$(mktemp -d "${TMPDIR:-/tmp}/yigong-crash.XXXXXX")
run_id=C$(date +%s | tail -c 7)
hub_started=false
load_pid=
status=2

cleanup() {
    [ -z "$load_pid" ] || kill "$load_pid" 2>/dev/null || true
    if $hub_started; then
        ./hub stop >/dev/null || true
    fi
    stop_sinks
    if $keep || [ "$status" != 0 ]; then
        say "work directory kept: $work"
    else
        rm -rf "$work"
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# both loads: the same run id, connections and counts give the same control ids, so the resend
# repeats exactly the messages that were not ACKed
load=(java bench/MllpLoad.java --port "$hub_mllp_port" --connections "$connections" --messages "$messages"
    --warmup 0 --run-id "$run_id" --template bench/templates/orm_o01_ct.hl7,bench/templates/adt_a04_marked.hl7)

say "=== crash test: $messages messages, $connections connections, kill -9 after $kill_after ACKs, database ${HUB_DB:-h2} ==="
say "run $run_id; hub MLLP $hub_mllp_port, HTTP $hub_http; county-ris on $ris_port, county-his on $his_port; files in $work"

start_sink "$ris_port" ORC-2 "$work/county-ris.rec" "$work/county-ris.log" "$limit"
start_sink "$his_port" PV1-19 "$work/county-his.rec" "$work/county-his.log" "$limit"

hub_started=true
./hub start --fresh > "$work/hub-start-1.log" 2>&1 || { cat "$work/hub-start-1.log" >&2; fail "./hub start --fresh failed"; }
wait_for_port "$hub_mllp_port" 120 || fail "nothing listens on the hub's MLLP port $hub_mllp_port"

say ""
say "--- load until $kill_after ACKs, then kill -9 ---"
bounded "$limit" "${load[@]}" --acked "$work/acked-1.txt" --label before-kill > "$work/load-1.out" 2>&1 &
load_pid=$!
started=$SECONDS
while [ "$(lines "$work/acked-1.txt")" -lt "$kill_after" ]; do
    kill -0 "$load_pid" 2>/dev/null || { cat "$work/load-1.out" >&2; fail "the load ended before $kill_after messages were ACKed"; }
    [ $((SECONDS - started)) -lt "$limit" ] || fail "fewer than $kill_after messages ACKed after $limit s"
    sleep 0.05
done
java_pid=$(hub_java_pid) || fail "cannot find the hub's JVM (launcher pid $(cat .hub/hub.pid 2>/dev/null))"
kill -KILL "$java_pid"
killed_at=$(lines "$work/acked-1.txt")
say "killed the WildFly JVM (pid $java_pid) at $killed_at ACKs after $((SECONDS - started)) s;" \
    "received so far: county-ris $(lines "$work/county-ris.rec"), county-his $(lines "$work/county-his.rec")"
wait "$load_pid" && fail "the load reported no failure although the server was killed" || true
load_pid=
sed -n 's/^RESULT //p' "$work/load-1.out"
acked_1=$(lines "$work/acked-1.txt")
say "ACKed before the kill: $acked_1 (the load ended with failures, as it must)"
# the launcher script ends with its JVM; ./hub start refuses while it still runs
for _ in $(seq 1 60); do
    kill -0 "$(cat .hub/hub.pid 2>/dev/null)" 2>/dev/null || break
    sleep 0.5
done

say ""
say "--- restart (./hub start, same database) and resend what was not ACKed ---"
./hub start > "$work/hub-start-2.log" 2>&1 || { cat "$work/hub-start-2.log" >&2; fail "./hub start after the kill failed"; }
wait_for_port "$hub_mllp_port" 120 || fail "nothing listens on the hub's MLLP port $hub_mllp_port after the restart"
resend_status=0
bounded "$limit" "${load[@]}" --skip "$work/acked-1.txt" --acked "$work/acked-2.txt" --label resend > "$work/load-2.out" 2>&1 || resend_status=$?
sed -n 's/^RESULT //p' "$work/load-2.out"
[ "$resend_status" = 0 ] || { tail -n 20 "$work/load-2.out" >&2; say "the resend reported failures (exit status $resend_status)"; }

# The messages in flight at the kill: each connection's first resend. Those the hub had stored
# before it died were answered with the original ACK and counted as duplicates.
in_flight=0
stored_before_ack=0
while read -r control_id; do
    in_flight=$((in_flight + 1))
    id=$(api "messages?controlId=$control_id&limit=1" | grep -o '"id":[0-9]*' | head -n 1 | cut -d: -f2 || true)
    if [ -n "$id" ] && api "messages/$id" | grep -q '"duplicateCount":[1-9]'; then
        stored_before_ack=$((stored_before_ack + 1))
    fi
done < <(awk '{ split($1, part, "-"); if (!(part[2] in seen)) { seen[part[2]] = 1; print $1 } }' "$work/acked-2.txt" 2>/dev/null)

say ""
say "--- waiting until routing and the queues of county-ris and county-his are drained ---"
drain_started=$SECONDS
wait_drained "$limit" county-ris county-his -- "$work/county-ris.rec" "$work/county-his.rec" || fail "the hub did not drain its queues"
say "drained $((SECONDS - drain_started)) s after the resend"
for name in county-ris county-his; do
    failed=$(endpoint_value "$name" failed || echo '?')
    [ "$failed" = 0 ] || say "WARNING: $name has $failed FAILED deliveries"
done

# What the hub stored: every message of this run, by REST, 500 per page.
total=$(total_count "controlId=$run_id-*")
: > "$work/stored.txt"
for ((offset = 0; offset < total; offset += 500)); do
    api "messages?controlId=$run_id-*&limit=500&offset=$offset" \
        | grep -o '"controlId":"[^"]*"\|"status":"[^"]*"' | sed 's/.*:"\(.*\)"/\1/' | paste -d' ' - - >> "$work/stored.txt"
done
say "stored (X-Total-Count): $total; listed: $(lines "$work/stored.txt")"
[ "$(lines "$work/stored.txt")" = "$total" ] || say "WARNING: the pages listed a different number of messages than X-Total-Count"
if [ "${HUB_DB:-h2}" = postgresql ] && command -v psql >/dev/null; then
    if [[ ${HUB_DB_URL:-} =~ ^jdbc:postgresql://([^:/]+)(:([0-9]+))?/([^?]+) ]]; then
        say "in the database (psql):"
        PGPASSWORD=${HUB_DB_PASSWORD:-} psql -h "${BASH_REMATCH[1]}" -p "${BASH_REMATCH[3]:-5432}" -U "${HUB_DB_USER:-postgres}" \
            -d "${BASH_REMATCH[4]}" -At -F ' ' -c \
            "select 'messages', count(*), count(distinct control_id), sum(duplicate_count) from hub_message where control_id like '$run_id-%';
             select 'deliveries', endpoint, status, count(*) from hub_delivery group by endpoint, status order by 2, 3;" \
            | sed 's/^/  /' || say "  (psql failed)"
    fi
fi

./hub stop > /dev/null
hub_started=false
stop_sinks

set +e
java bench/Deliveries.java verify --run "$run_id" --messages "$messages" --acked "$work/acked-1.txt,$work/acked-2.txt" \
    --stored "$work/stored.txt" --sinks "county-ris=$work/county-ris.rec,county-his=$work/county-his.rec" | tee "$work/verify.out"
verify_status=${PIPESTATUS[0]}
set -e

say ""
say "=== summary: run $run_id, database ${HUB_DB:-h2} ==="
printf '%-44s %s\n' "messages sent" "$messages on $connections connections" \
    "ACKed before kill -9" "$acked_1" \
    "in flight at the kill (resent first)" "$in_flight, of which $stored_before_ack had been stored (answered as duplicates)" \
    "ACKed on resend" "$(lines "$work/acked-2.txt")" \
    "stored (X-Total-Count)" "$total" \
    "received by county-ris (frames)" "$(lines "$work/county-ris.rec")" \
    "received by county-his (frames)" "$(lines "$work/county-his.rec")" \
    "redelivered outbound MSH-10s (at-least-once)" "$(sed -n 's/^RESULT .*redelivered=\([0-9]*\).*/\1/p' "$work/verify.out")" \
    "resend load" "$([ "$resend_status" = 0 ] && echo ok || echo "FAILED ($resend_status)")" \
    "verdict" "$([ "$verify_status" = 0 ] && echo PASS || echo FAIL)"
status=1
[ "$verify_status" = 0 ] && [ "$resend_status" = 0 ] && status=0
exit "$status"
