#!/usr/bin/env bash
# Inbound benchmark: how many HL7 v2 messages per second the hub stores and acknowledges over MLLP,
# compared with a bare MLLP echo server on the same machine (the ceiling).
#
#   bench/inbound.sh [--messages N] [--connections N] [--no-start] [--echo-only]
#
#   --messages N      messages measured per run (default 20000), after 2000 warm-up messages
#                     (the first hub run warms up with 20000, for the JIT compiler)
#   --connections N   concurrent MLLP connections (default 16)
#   --no-start        use a hub that is already running instead of ./hub start --fresh / ./hub stop
#   --echo-only       run only step 1, the echo server ceiling
#   --hub-port P      the hub's MLLP port (default 2575)
#   --hub-rate R      msg/s of the rate-limited hub run (default 1000)
#
# The environment passes through to ./hub, so
#   HUB_DB=postgresql HUB_DB_URL=jdbc:postgresql://127.0.0.1:5432/yigong_bench HUB_DB_USER=postgres bench/inbound.sh
# measures the hub on PostgreSQL. Every step stops by itself: MllpLoad is bounded by its message
# count and ACK timeout, the echo server by --seconds, and each run by a hard time limit on top.
set -euo pipefail

bench=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$bench/.."
source "$bench/ports.sh"

messages=20000
connections=16
start_hub=true
echo_only=false
echo_port=2599
hub_port=2575
hub_rate=1000
hub_warmup=20000

say() { printf '%s\n' "$*"; }
fail() { printf 'inbound.sh: %s\n' "$*" >&2; exit 2; }

while [ $# -gt 0 ]; do
    case $1 in
        --messages) messages=${2:?--messages needs a value}; shift 2 ;;
        --connections) connections=${2:?--connections needs a value}; shift 2 ;;
        --hub-port) hub_port=${2:?--hub-port needs a value}; shift 2 ;;
        --hub-rate) hub_rate=${2:?--hub-rate needs a value}; shift 2 ;;
        --no-start) start_hub=false; shift ;;
        --echo-only) echo_only=true; shift ;;
        -h|--help) sed -n '2,17p' "$bench/inbound.sh" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) fail "unknown option $1 (see --help)" ;;
    esac
done
for number in "$messages" "$connections" "$hub_port" "$hub_rate"; do
    [[ $number =~ ^[0-9]+$ ]] || fail "not a whole number: $number"
done

# A generous hard limit per run, in seconds: warm-up and measured messages at a pessimistic
# 50 msg/s, plus the JVM start. MllpLoad normally stops long before.
run_limit=$((120 + (messages + 20000) / 50))

results=$(mktemp -d "${TMPDIR:-/tmp}/yigong-bench.XXXXXX")
echo_pid=
hub_started=false
failed_runs=()

cleanup() {
    stop_echo
    if $hub_started; then
        ./hub stop || true
        hub_started=false
    fi
    rm -rf "$results"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

stop_echo() {
    if [ -n "$echo_pid" ]; then
        kill "$echo_pid" 2>/dev/null || true
        wait "$echo_pid" 2>/dev/null || true
        echo_pid=
    fi
}

# run_load LABEL PORT [MllpLoad options...]: one MllpLoad run; its output goes to the terminal
# and to $results/LABEL.out for the summary.
run_load() {
    local label=$1 port=$2
    shift 2
    say ""
    say "--- $label ---"
    if ! bounded "$run_limit" java bench/MllpLoad.java --port "$port" --connections "$connections" \
            --messages "$messages" --label "$label" "$@" 2>&1 | tee "$results/$label.out"; then
        failed_runs+=("$label")
    fi
}

# result LABEL KEY: a value from the RESULT line of a run, or - if the run has none.
result() {
    local file=$results/$1.out value=
    [ -f "$file" ] && value=$(sed -n 's/^RESULT //p' "$file" | tr ' ' '\n' | sed -n "s/^$2=//p")
    printf '%s' "${value:--}"
}

step_echo() {
    say "=== step 1: ceiling (MllpEcho on port $echo_port) ==="
    # a stale server on the port would be measured instead of ours, without any error
    ! port_open "$echo_port" || fail "port $echo_port is already in use; stop whatever listens there"
    java bench/MllpEcho.java --port "$echo_port" --seconds $((run_limit + 60)) &
    echo_pid=$!
    wait_for_port "$echo_port" 60 "$echo_pid" || fail "MllpEcho did not start listening on port $echo_port"
    run_load echo "$echo_port"
    stop_echo
}

step_hub() {
    say ""
    say "=== step 2: hub (MLLP on port $hub_port, database ${HUB_DB:-h2}) ==="
    if $start_hub; then
        hub_started=true # before starting, so that a failed start is cleaned up too
        ./hub start --fresh || fail "./hub start --fresh failed"
    fi
    wait_for_port "$hub_port" 120 || fail "nothing listens on the hub's MLLP port $hub_port"
    # the hub runs on a JIT-compiled JVM: its first ~20,000 messages run slower than the rest
    run_load hub "$hub_port" --warmup "$hub_warmup"
    run_load "hub@$hub_rate" "$hub_port" --rate "$hub_rate"
    if $hub_started; then
        ./hub stop
        hub_started=false
    fi
}

summary() {
    local hub_label=hub@$hub_rate echo_rate hub_rate_measured ratio=-
    echo_rate=$(result echo rate)
    hub_rate_measured=$(result hub rate)
    if [[ $echo_rate != - && $hub_rate_measured != - ]]; then
        ratio=$(awk -v h="$hub_rate_measured" -v e="$echo_rate" 'BEGIN { if (e > 0) printf "%.1f %%", 100 * h / e; else print "-" }')
    fi
    say ""
    say "=== summary: $messages messages, $connections connections, database ${HUB_DB:-h2} ==="
    printf '%-14s %12s %10s %10s\n' run msg/s p50-ms p99-ms
    for label in echo hub "$hub_label"; do
        printf '%-14s %12s %10s %10s\n' "$label" "$(result "$label" rate)" "$(result "$label" p50ms)" "$(result "$label" p99ms)"
    done
    printf '%-14s %12s\n' "hub/echo" "$ratio"
    say "target: hub >= 3000 msg/s stored and ACKed with 16 connections; ACK p99 < 20 ms at 1000 msg/s (hub@1000)"
    if [ ${#failed_runs[@]} -gt 0 ]; then
        say "FAILED runs (mismatched ACKs, timeouts, connection errors or unsent messages): ${failed_runs[*]}"
    fi
}

step_echo
$echo_only || step_hub
summary
[ ${#failed_runs[@]} -eq 0 ]
