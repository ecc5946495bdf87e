#!/usr/bin/env bash
# Starts the lab hierarchy (root, com/net, org/info, uk/co.uk, the old provider, a Route 53-like
# provider) with `cutover serve` on loopback port 53, resolves www.example.com through it with
# `cutover resolve --trace`, then moves the delegation to Route 53 (SIGHUP reload of the .com
# registry) and resolves again. Port 53 needs root or
# `sysctl net.ipv4.ip_unprivileged_port_start=53`.
set -euo pipefail
lab="$(cd "$(dirname "$0")" && pwd)"
cutover="$lab/../../../packages/cli/bin/cutover.js"
work="$(mktemp -d)"
pids=()
cleanup() { kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

cp -r "$lab/." "$work/"
while read -r dir addresses; do
  case "$dir" in ''|'#'*) continue ;; esac
  listen=()
  for a in $addresses; do listen+=(--listen "$a:53"); done
  node "$cutover" serve --zones "$work/$dir" "${listen[@]}" 2>>"$work/serve.log" &
  pids+=($!)
done <"$lab/servers.txt"
for _ in $(seq 50); do [ "$(grep -c '^cutover serve: serving' "$work/serve.log" 2>/dev/null)" -ge 6 ] && break; sleep 0.2; done

echo "== before the change: example.com is delegated to the old provider"
node "$cutover" resolve www.example.com A --root-hints "$lab/root.hints" --trace

sed -i 's/^example .*ns1.oldprovider.net.$/example      IN  NS   ns-0.awsdns-00.com./; s/^example .*ns2.oldprovider.net.$/example      IN  NS   ns-512.awsdns-00.net./' "$work/gtld/com.zone"
kill -HUP "${pids[1]}"
sleep 0.5
echo
echo "== after the registry publishes the change: a fresh resolver asks Route 53"
node "$cutover" resolve www.example.com A --root-hints "$lab/root.hints"
