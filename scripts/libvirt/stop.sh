#!/usr/bin/env bash
# Stops the daemons scripts/libvirt/start.sh started, by the process ids it recorded, and nothing else:
# a libvirtd someone else started keeps running. Idempotent.
set -euo pipefail

state="${VT_LIBVIRT_STATE:-/run/virt-tune-libvirt}"
as_root=()
(( EUID == 0 )) || as_root=(sudo)

# libvirtd first: it talks to virtlogd while it stops.
for name in libvirtd virtlogd; do
  pidfile="$state/$name.pid"
  [[ -r "$pidfile" ]] || continue
  pid="$(cat "$pidfile")"
  if [[ "$pid" =~ ^[0-9]+$ ]] && [[ "$(readlink "/proc/$pid/exe" 2>/dev/null || true)" == "/usr/sbin/$name" ]]; then
    "${as_root[@]}" kill -TERM "$pid"
    for _ in $(seq 1 50); do
      [[ -e "/proc/$pid" ]] || break
      sleep 0.2
    done
    if [[ -e "/proc/$pid" ]]; then
      "${as_root[@]}" kill -KILL "$pid" || true
    fi
    echo "virt-tune: stopped $name (pid $pid)"
  fi
  "${as_root[@]}" rm -f "$pidfile"
done
