# Shared by bench/crash.sh and bench/end-to-end.sh (sourced, not run): ports, the receiving
# systems (MllpEcho --record), the hub's REST API and its JVM.
#
# Ports. Both scripts run a hub with a port offset (default 500: HTTP 8580, management 10490,
# MLLP township channel 3075) so that they do not collide with a hub on the default ports; the
# receiving systems listen on 36xx. Every outbound endpoint is pointed at a 36xx port, also those
# the scripts send nothing to, so that no delivery of this hub can reach another program on the
# machine. Endpoint addresses are absolute: the hub does not add its port offset to them.
#
#   HUB_PORT_OFFSET   port offset of the hub (default 500)
#   BENCH_SINK_HOST   where the hub finds the receiving systems (default 127.0.0.1)
#   HUB_DB...         pass through to ./hub (PostgreSQL: use an empty database)

HUB_PORT_OFFSET=${HUB_PORT_OFFSET:-500}
export HUB_PORT_OFFSET
sink_host=${BENCH_SINK_HOST:-127.0.0.1}
hub_http=http://localhost:$((8080 + HUB_PORT_OFFSET))
hub_mllp_port=$((2575 + HUB_PORT_OFFSET))
hub_credentials=${BENCH_HUB_CREDENTIALS:-demo:demo}

# The endpoints nothing is sent to in these runs, kept off every port another program may use.
export HUB_ENDPOINT_COUNTY_LIS=${HUB_ENDPOINT_COUNTY_LIS:-mllp://$sink_host:3601}
export HUB_ENDPOINT_COUNTY_ECG=${HUB_ENDPOINT_COUNTY_ECG:-mllp://$sink_host:3603}
export HUB_ENDPOINT_INSURANCE=${HUB_ENDPOINT_INSURANCE:-mllp://$sink_host:3605}
export HUB_ENDPOINT_TOWNSHIP_HIS_TWN_KHZ=${HUB_ENDPOINT_TOWNSHIP_HIS_TWN_KHZ:-mllp://$sink_host:3611}

sink_pids=()

source "$(dirname "${BASH_SOURCE[0]}")/ports.sh"

# start_sink PORT MARKER-FIELDS RECORD-FILE LOG-FILE SECONDS: a receiving system that records
# every frame before it ACKs it; ends by itself after SECONDS.
start_sink() {
    local port=$1 marker=$2 record=$3 log=$4 seconds=$5 pid
    # a stale server on the port would receive the deliveries instead, without any error
    ! port_open "$port" || fail "port $port is already in use; stop whatever listens there or choose another port"
    java bench/MllpEcho.java --port "$port" --record "$record" --marker "$marker" --seconds "$seconds" > "$log" 2>&1 &
    pid=$!
    sink_pids+=("$pid")
    wait_for_port "$port" 60 "$pid" || fail "the receiving system on port $port did not start (see $log)"
}

# stop_sinks: SIGTERM, so that each flushes its record file before it ends.
stop_sinks() {
    local pid
    for pid in "${sink_pids[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    for pid in "${sink_pids[@]}"; do
        wait "$pid" 2>/dev/null || true
    done
    sink_pids=()
}

lines() {
    if [ -f "$1" ]; then wc -l < "$1" | tr -d ' '; else echo 0; fi
}

# api PATH: GET on the hub's REST API, the body on stdout.
api() {
    curl -sf -u "$hub_credentials" "${@:2}" "$hub_http/hub/api/$1"
}

# total_count QUERY: X-Total-Count of a message search, e.g. total_count 'status=RECEIVED'.
total_count() {
    curl -sf -D - -o /dev/null -u "$hub_credentials" "$hub_http/hub/api/messages?$1&limit=1" \
        | tr -d '\r' | sed -n 's/^[Xx]-[Tt]otal-[Cc]ount: *//p'
}

# endpoint_value NAME KEY: a number of GET /hub/api/endpoints for one endpoint (pending, failed).
endpoint_value() {
    api endpoints | tr '{}' '\n\n' | grep "\"name\":\"$1\"" | grep -o "\"$2\":[0-9]*" | cut -d: -f2
}

# wait_drained SECONDS ENDPOINT... -- RECORD-FILE...: waits until the hub has routed every stored
# message, the endpoints' queues are empty (nothing pending) and the record files have not grown
# for 3 s. Fails after SECONDS.
wait_drained() {
    local limit=$1 started=$SECONDS endpoints=() records=() quiet=0 before after name waiting pending
    shift
    while [ $# -gt 0 ] && [ "$1" != -- ]; do endpoints+=("$1"); shift; done
    shift
    records=("$@")
    before=$(cat "${records[@]}" 2>/dev/null | wc -l)
    while :; do
        sleep 1
        after=$(cat "${records[@]}" 2>/dev/null | wc -l)
        waiting=$(total_count 'status=RECEIVED')
        pending=0
        for name in "${endpoints[@]}"; do
            pending=$((pending + $(endpoint_value "$name" pending || echo 1)))
        done
        if [ "${waiting:-1}" = 0 ] && [ "$pending" = 0 ] && [ "$after" = "$before" ]; then
            quiet=$((quiet + 1))
            [ $quiet -lt 3 ] || return 0
        else
            quiet=0
        fi
        before=$after
        [ $((SECONDS - started)) -lt "$limit" ] || {
            say "not drained after $limit s: $waiting messages waiting for routing, $pending deliveries pending"
            return 1
        }
    done
}

# hub_java_pid: the WildFly JVM of the hub started from this working copy. ./hub keeps the pid of
# the launcher script (standalone.sh), whose child is the JVM; the JVM's command line must name
# this working copy's server base directory.
hub_java_pid() {
    local launcher pid
    launcher=$(cat .hub/hub.pid 2>/dev/null) || return 1
    for pid in $(pgrep -P "$launcher"); do
        if tr '\0' '\n' < "/proc/$pid/cmdline" 2>/dev/null | grep -qx -- "-Djboss.server.base.dir=$PWD/.hub/standalone"; then
            echo "$pid"
            return 0
        fi
    done
    return 1
}
