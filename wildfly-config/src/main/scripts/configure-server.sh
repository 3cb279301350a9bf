#!/usr/bin/env bash
# Applies the CLI scripts to a provisioned server's standalone.xml, offline (embedded server).
# usage: configure-server.sh SERVER_HOME CLI_DIR
# Each script is idempotent, so this can run again on an already configured server.
set -euo pipefail
home=$1
cli_dir=$2
order=(jdbc-drivers datasource security concurrency logging health)
script=$(mktemp --suffix=.cli)
trap 'rm -f "$script"' EXIT
{
    echo "embed-server --std-out=discard --server-config=standalone.xml"
    for concern in "${order[@]}"; do
        cat "$cli_dir/$concern.cli"
        echo
    done
    echo "stop-embedded-server"
} > "$script"
if ! out=$("$home/bin/jboss-cli.sh" --file="$script" 2>&1); then
    echo "$out" >&2
    echo "configuring $home failed (scripts in $cli_dir: ${order[*]})" >&2
    exit 1
fi
echo "configured $home with: ${order[*]}"
