#!/usr/bin/env bash
# Makes a server base directory (configuration, data, deployments, log) from the provisioned
# server, so that a running hub and the integration tests never write into the provisioned
# server or deploy each other's leftovers.
# usage: prepare-base-dir.sh SERVER_HOME BASE_DIR [--demo] [--fresh]
#   --demo   adds the demo users to the base directory's HubRealm: demo/demo with every role,
#            dr.liu/demo and dr.wang/demo as clinicians
#   --fresh  starts from an empty base directory (drops its database)
set -euo pipefail
home=$1
base=$2
shift 2
demo=false
fresh=false
for option in "$@"; do
    case $option in
        --demo) demo=true ;;
        --fresh) fresh=true ;;
        *) echo "prepare-base-dir.sh: unknown option $option" >&2; exit 2 ;;
    esac
done
provisioned=$home/standalone/configuration
[ -f "$provisioned/standalone.xml" ] || { echo "no provisioned server at $home: build it first (./mvnw package -DskipTests)" >&2; exit 1; }
$fresh && rm -rf "$base"
mkdir -p "$base/deployments" "$base/data" "$base/log"
# The server rewrites standalone.xml as it runs, so a checksum of the provisioned file, not its
# date, tells whether a new build changed the configuration. Users and roles are kept.
stamp=$base/configuration/.provisioned-standalone.sha256
sum=$(sha256sum "$provisioned/standalone.xml" | cut -d' ' -f1)
if [ ! -d "$base/configuration" ]; then
    cp -r "$provisioned" "$base/configuration"
elif [ "$(cat "$stamp" 2>/dev/null)" != "$sum" ]; then
    cp "$provisioned/standalone.xml" "$base/configuration/standalone.xml"
fi
echo "$sum" > "$stamp"
if $demo; then
    users=$base/configuration/hub-users.properties
    roles=$base/configuration/hub-roles.properties
    # demo: every role; dr.liu (township doctor) and dr.wang (county duty doctor): clinicians
    for entry in demo:hub-admin,hub-operator,clinician,process-designer,auditor dr.liu:clinician dr.wang:clinician; do
        user=${entry%%:*}
        grep -q "^$user=" "$users" || echo "$user=$(printf '%s' "$user:HubRealm:demo" | md5sum | cut -d' ' -f1)" >> "$users"
        grep -q "^$user=" "$roles" || echo "$user=${entry#*:}" >> "$roles"
    done
fi
