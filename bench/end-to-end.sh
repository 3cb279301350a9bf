#!/usr/bin/env bash
# End-to-end benchmark: township CT orders (ORM^O01) sent to the hub over MLLP, stored, routed,
# translated and delivered to a recording county RIS. How many per second arrive, and how long
# each took from its send to its arrival at the RIS.
#
#   bench/end-to-end.sh [--messages N] [--warmup N] [--connections N] [--rate R] [--ris-port P] [--no-start]
#
#   --messages N      messages per measured run (default 20000)
#   --warmup N        messages sent and delivered first, not measured (default 10000)
#   --connections N   concurrent MLLP connections (default 8)
#   --rate R          msg/s of the open-loop run (default 500)
#   --ris-port P      port of the recording county RIS (default 3602)
#   --no-start        use a hub that is already running (its county-ris must point at --ris-port)
#   --workflows W     running (default): every CT order also starts its remote-diagnosis process, as
#                     in production; paused: the hub starts with workflow hand-overs paused, so the
#                     runs measure storing, routing, translating and delivering alone, and at the end
#                     the hand-overs are resumed and their rate is measured as they drain
#
# Environment: HUB_PORT_OFFSET (default 500: MLLP 3075, HTTP 8580) and the rest of
# bench/common.sh; HUB_DB... pass through to ./hub, e.g.
#   HUB_DB=postgresql HUB_DB_URL=jdbc:postgresql://127.0.0.1:5432/yigong_bench HUB_DB_USER=postgres bench/end-to-end.sh
#
# Latency is the time the RIS received the translated order minus the time MllpLoad sent it, both
# in epoch microseconds on this machine: the send time travels in the order's placer number
# (ORC-2, which the mapping keeps; the hub gives the outbound message its own MSH-10). In the
# open-loop run (--rate) it is the *scheduled* send time, so a stall anywhere in the hub shows in
# every message that should have been sent during it (no coordinated omission). The closed-loop
# run sends as fast as the hub ACKs; its msg/s is what the RIS received divided by the time from
# the first send to the last receipt, and its latencies include the time the orders queued behind
# each other, so only its msg/s is a figure of merit. Each run waits until the hub has delivered
# everything before the next one starts.
set -euo pipefail

bench=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$bench/.."

messages=20000
warmup=10000
connections=8
rate=500
ris_port=3602
start_hub=true
workflows=running

say() { printf '%s\n' "$*"; }
fail() { printf 'end-to-end.sh: %s\n' "$*" >&2; exit 2; }

while [ $# -gt 0 ]; do
    case $1 in
        --messages) messages=${2:?--messages needs a value}; shift 2 ;;
        --warmup) warmup=${2:?--warmup needs a value}; shift 2 ;;
        --connections) connections=${2:?--connections needs a value}; shift 2 ;;
        --rate) rate=${2:?--rate needs a value}; shift 2 ;;
        --ris-port) ris_port=${2:?--ris-port needs a value}; shift 2 ;;
        --no-start) start_hub=false; shift ;;
        --workflows) workflows=${2:?--workflows needs running or paused}; shift 2 ;;
        -h|--help) sed -n '2,31p' "$bench/end-to-end.sh" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) fail "unknown option $1 (see --help)" ;;
    esac
done
for number in "$messages" "$warmup" "$connections" "$rate" "$ris_port"; do
    [[ $number =~ ^[0-9]+$ ]] || fail "not a whole number: $number"
done
[ "$rate" -gt 0 ] || fail "--rate must be positive"
case $workflows in running|paused) ;; *) fail "--workflows must be running or paused" ;; esac
[ "$workflows" = running ] || export HUB_JAVA_OPTS="${HUB_JAVA_OPTS:-} -Dhub.workflow.paused=true"

source "$bench/common.sh"
export HUB_ENDPOINT_COUNTY_RIS=mllp://$sink_host:$ris_port
# Nothing should reach the county HIS in this benchmark; it is kept off foreign ports all the same.
export HUB_ENDPOINT_COUNTY_HIS=${HUB_ENDPOINT_COUNTY_HIS:-mllp://$sink_host:3604}

# Hard limits, in seconds: a run at a pessimistic 20 msg/s, and the whole benchmark.
run_limit=$((120 + (messages > warmup ? messages : warmup) / 20))
total_limit=$((300 + 3 * run_limit))
work=$(mktemp -d "${TMPDIR:-/tmp}/yigong-e2e.XXXXXX")
record=$work/county-ris.rec
stamp=$(date +%s | tail -c 6)
hub_started=false
failed_runs=()
labels=()

cleanup() {
    if $hub_started; then
        ./hub stop >/dev/null || true
        hub_started=false
    fi
    stop_sinks
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# run LABEL RUN-ID COUNT [MllpLoad options...]: sends COUNT CT orders, waits until the RIS has
# them all (or the hub is drained), and measures them at the RIS.
run() {
    local label=$1 run_id=$2 count=$3 load_status=0
    shift 3
    say ""
    say "--- $label ---"
    bounded "$run_limit" java bench/MllpLoad.java --port "$hub_mllp_port" --connections "$connections" \
        --messages "$count" --warmup 0 --run-id "$run_id" --template bench/templates/orm_o01_ct.hl7 \
        --label "$label" "$@" > "$work/$label.load" 2>&1 || load_status=$?
    sed -n 's/^RESULT /inbound ACKs: /p' "$work/$label.load"
    [ "$load_status" = 0 ] || { tail -n 15 "$work/$label.load" >&2; say "the load of $label reported failures"; }
    if ! wait_drained "$run_limit" county-ris -- "$record"; then
        say "the hub did not deliver everything of $label in time"
        load_status=1
    fi
    if java bench/Deliveries.java latency --run "$run_id" --sink "$record" --expected "$count" --label "$label" \
            | tee "$work/$label.out" && [ "$load_status" = 0 ]; then
        :
    else
        failed_runs+=("$label")
    fi
    labels+=("$label")
}

# result LABEL KEY: a value from the RESULT line of a run, or -.
result() {
    local file=$work/$1.out value=
    [ -f "$file" ] && value=$(sed -n 's/^RESULT //p' "$file" | tr ' ' '\n' | sed -n "s/^$2=//p")
    printf '%s' "${value:--}"
}

say "=== end to end: township CT order -> hub -> county RIS; $messages messages per run, $connections connections, database ${HUB_DB:-h2} ==="
start_sink "$ris_port" ORC-2 "$record" "$work/county-ris.log" "$total_limit"
if $start_hub; then
    hub_started=true
    ./hub start --fresh > "$work/hub-start.log" 2>&1 || { cat "$work/hub-start.log" >&2; fail "./hub start --fresh failed"; }
fi
wait_for_port "$hub_mllp_port" 120 || fail "nothing listens on the hub's MLLP port $hub_mllp_port"

# the hub runs on a JIT-compiled JVM: its first thousands of messages are slower than the rest
[ "$warmup" = 0 ] || run warmup "W$stamp" "$warmup"
run ris "E$stamp" "$messages"
run "ris@$rate" "R$stamp" "$messages" --rate "$rate"

# hand_overs KEY: pending or failed workflow hand-overs
hand_overs() {
    api workflows | tr ',{}' '\n\n\n' | sed -n "s/^\"$1\":\([0-9]*\)$/\1/p"
}
drain_line=
if [ "$workflows" = paused ]; then
    waiting=$(hand_overs pending)
    say ""
    say "--- workflow hand-overs: $waiting waiting; resumed ---"
    api workflows/resume -X POST > /dev/null
    started=$(date +%s.%N)
    deadline=$(( $(date +%s) + run_limit * 4 ))
    while [ "$(hand_overs pending)" != 0 ] && [ "$(date +%s)" -lt "$deadline" ]; do
        sleep 1
    done
    seconds=$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
    drain_line=$(printf 'hand-overs      %s processes started or moved in %s s: %s/s (%s failed, %s still pending)' \
        "$waiting" "$seconds" "$(awk -v n="$waiting" -v s="$seconds" 'BEGIN { printf "%.1f", n / s }')" \
        "$(hand_overs failed)" "$(hand_overs pending)")
    say "$drain_line"
fi

if $hub_started; then
    ./hub stop >/dev/null
    hub_started=false
fi

say ""
say "=== summary: end to end (township ORM^O01 -> county RIS), $messages messages, $connections connections, database ${HUB_DB:-h2}, workflows $workflows ==="
printf '%-14s %10s %10s %10s %10s %10s\n' run delivered msg/s p50-ms p99-ms p99.9-ms
for label in "${labels[@]}"; do
    [ "$label" != warmup ] || continue
    printf '%-14s %10s %10s %10s %10s %10s\n' "$label" "$(result "$label" msgs)" "$(result "$label" rate)" \
        "$(result "$label" p50ms)" "$(result "$label" p99ms)" "$(result "$label" p999ms)"
done
say "latency: RIS receipt minus send (ris@$rate: minus the scheduled send); ris: closed loop, only msg/s is a figure of merit"
say "target: p99 < 50 ms at 500 msg/s (ris@500)"
[ -z "$drain_line" ] || say "$drain_line"
if [ ${#failed_runs[@]} -gt 0 ]; then
    say "FAILED runs (load failures, or not everything delivered): ${failed_runs[*]}"
    exit 1
fi
