#!/usr/bin/env bash
# Installs libvirt's QEMU driver (Debian packages) and starts virtlogd and libvirtd when they are not
# running, for `npm run test:libvirt` and the libvirt-fed features; idempotent. Debian 12 ships
# libvirt 9.0 and QEMU 7.2. Without systemd (CI machines, containers) this does what Debian's
# libvirt-daemon-system package and udev would: the libvirt-qemu account, the kvm group, the daemons'
# folders, /dev/kvm owned by group kvm. A daemon already running (started by someone else) is used and
# left alone; the ids of the daemons this script starts are written to $VT_LIBVIRT_STATE (default
# /run/virt-tune-libvirt), and scripts/libvirt/stop.sh stops those and only those.
# Needs root (or sudo). Prints one line per thing it does.
set -euo pipefail

state="${VT_LIBVIRT_STATE:-/run/virt-tune-libvirt}"
uri='qemu:///system'
packages=(libvirt-daemon libvirt-daemon-driver-qemu libvirt-clients qemu-system-x86 qemu-utils)

if (( EUID == 0 )); then
  as_root=()
elif command -v sudo >/dev/null; then
  as_root=(sudo)
else
  echo "virt-tune: starting libvirtd needs root (or sudo)" >&2
  exit 1
fi

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$package")
  fi
done
if (( ${#missing[@]} > 0 )); then
  echo "virt-tune: installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${as_root[@]}" apt-get update -qq
  "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The accounts the QEMU driver runs guests as (libvirtd stops with "Failed to parse user 'libvirt-qemu'" without them).
getent group kvm >/dev/null || { echo "virt-tune: creating group kvm"; "${as_root[@]}" groupadd -r kvm; }
getent group libvirt-qemu >/dev/null || { echo "virt-tune: creating group libvirt-qemu"; "${as_root[@]}" groupadd -r libvirt-qemu; }
if ! getent passwd libvirt-qemu >/dev/null; then
  echo "virt-tune: creating user libvirt-qemu"
  "${as_root[@]}" useradd -r -g libvirt-qemu -G kvm -d /var/lib/libvirt -s /usr/sbin/nologin libvirt-qemu
fi

# The daemons die at start when their log and run folders are missing.
"${as_root[@]}" mkdir -p /var/run/libvirt /var/log/libvirt /var/lib/libvirt /var/cache/libvirt

# Debian's udev rule gives /dev/kvm to group kvm, mode 0660. Left root-only, libvirt finds KVM present
# but not usable by the guests' account, calls its cached QEMU capabilities stale and probes QEMU
# again on every define (tens of seconds on a busy machine).
if [[ -c /dev/kvm ]] && [[ "$(stat -c %G /dev/kvm)" != kvm ]]; then
  echo "virt-tune: giving /dev/kvm to group kvm (mode 0660), as Debian's udev rule does"
  "${as_root[@]}" chgrp kvm /dev/kvm
  "${as_root[@]}" chmod 0660 /dev/kvm
fi

"${as_root[@]}" mkdir -p "$state"

# A daemon counts as running when its pid file names a live process of that program.
running() {
  local program="$1" pidfile="$2" pid
  [[ -r "$pidfile" ]] || return 1
  pid="$(cat "$pidfile" 2>/dev/null || true)"
  [[ "$pid" =~ ^[0-9]+$ ]] && [[ "$(readlink "/proc/$pid/exe" 2>/dev/null || true)" == "$program" ]]
}

# Started in the foreground under setsid (so $! is the daemon itself), its output kept in the state folder.
start() {
  local name="$1" program="$2" pidfile="$3"
  if running "$program" "$pidfile"; then
    echo "virt-tune: $name is already running (pid $(cat "$pidfile")): using it, leaving it alone"
    return
  fi
  "${as_root[@]}" setsid "$program" >"$state/$name.log" 2>&1 </dev/null &
  local pid=$!
  echo "$pid" | "${as_root[@]}" tee "$state/$name.pid" >/dev/null
  echo "virt-tune: started $name (pid $pid, log $state/$name.log)"
}

start virtlogd /usr/sbin/virtlogd /var/run/virtlogd.pid
start libvirtd /usr/sbin/libvirtd /var/run/libvirtd.pid

for _ in $(seq 1 60); do
  if virsh -c "$uri" version >/dev/null 2>&1; then
    echo "virt-tune: libvirt answers at $uri ($(virsh -c "$uri" version 2>/dev/null | sed -n 's/^Using library: //p'), $(virsh -c "$uri" version 2>/dev/null | sed -n 's/^Running hypervisor: //p'))"
    exit 0
  fi
  sleep 0.5
done
echo "virt-tune: libvirtd did not answer at $uri within 30 s (its log: $state/libvirtd.log)" >&2
exit 1
