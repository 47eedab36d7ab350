#!/bin/sh
# The `virt-tune` and `virt-tune-ls` commands (package.json bin; scripts/build.mjs copies this file to
# dist/virt-tune and dist/virt-tune-ls): runs the loader beside it with node, NODE_EXTRA_CA_CERTS moved
# aside first: dist/cli.js, or for virt-tune-ls the language server's dist/server.js.
#
# Why: node reads and parses the certificate file that NODE_EXTRA_CA_CERTS names when it starts, before
# any script runs (about 40 ms of a one-file lint with Debian's bundle). The CLI and the server make no TLS
# connection: they read and write files and run virsh, whose connections to libvirt are libvirt's own. virsh gets the
# variable back from the name it is moved to (server/src/protocol.ts, SERVER_ENVIRONMENT_MOVED and
# programEnvironment: the same move the VS Code extension makes for the language server).
# A script, not node: a process cannot drop the variable once node has started.

# Where this file really is: npm links the command from a bin folder to here.
self=$0
while [ -L "$self" ]; do
  link=$(readlink "$self") || break
  case $link in
    /*) self=$link ;;
    *) case $self in */*) self=${self%/*}/$link ;; *) self=$link ;; esac ;;
  esac
done
case $self in
  */*) here=${self%/*} ;;
  *) here=. ;;
esac

if [ "${NODE_EXTRA_CA_CERTS+set}" = set ]; then
  VIRT_TUNE_MOVED_NODE_EXTRA_CA_CERTS=$NODE_EXTRA_CA_CERTS
  export VIRT_TUNE_MOVED_NODE_EXTRA_CA_CERTS
  unset NODE_EXTRA_CA_CERTS
fi
case ${self##*/} in
  virt-tune-ls) loader=server.js ;;
  *) loader=cli.js ;;
esac
# V8's helper threads: one fewer than the CPUs, at least one, node's own four from five CPUs on
# (nodeArgumentsForCores in server/src/protocol.ts says why; a test holds the two alike).
node_options=
cores=$(nproc 2>/dev/null)
case $cores in
  '' | *[!0-9]*) ;;
  1 | 2) node_options=--v8-pool-size=1 ;;
  3 | 4) node_options=--v8-pool-size=$((cores - 1)) ;;
esac
exec node $node_options "$here/$loader" "$@"
