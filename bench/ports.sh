# Shared by the benchmark scripts (sourced, not run): waiting for a port, and running a command
# with a time limit, so that no step of a benchmark can hang it.

port_open() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# wait_for_port PORT SECONDS [PID]: waits until something accepts connections on 127.0.0.1:PORT;
# fails after SECONDS, or as soon as process PID (the one expected to listen) has ended.
wait_for_port() {
    local port=$1 limit=$2 pid=${3:-} started=$SECONDS
    until port_open "$port"; do
        [ $((SECONDS - started)) -lt "$limit" ] || return 1
        [ -z "$pid" ] || kill -0 "$pid" 2>/dev/null || return 1
        sleep 0.5
    done
}

# bounded SECONDS COMMAND...: the command, killed if it is still running after SECONDS
# (where coreutils timeout exists; the Java tools stop by themselves anyway).
bounded() {
    local limit=$1
    shift
    if command -v timeout >/dev/null; then
        timeout --kill-after=10 "$limit" "$@"
    else
        "$@"
    fi
}
