# Sourced by the lore benchmarks: a work directory removed on exit, and
# `start_delayed_lore DELAY_MS INBOX=MBOX...`, which serves the inboxes
# through the real public-inbox (scripts/local-lore.sh) behind
# scripts/delay-proxy.py and sets `lore` (the server) and `proxied` (its
# delayed URL). Both are stopped on exit.

work=$(mktemp -d)
proxy_pid=
cleanup() {
    [ -n "$proxy_pid" ] && kill "$proxy_pid" 2>/dev/null || true
    scripts/local-lore.sh stop "$work/lore"
    rm -rf "$work"
}
trap cleanup EXIT

. scripts/lore-lists.sh

start_delayed_lore() {
    local delay=$1 port
    shift
    lore=$(scripts/local-lore.sh start "$work/lore" "$(free_port)" "$@" 2>/dev/null)
    port=$(free_port)
    python3 scripts/delay-proxy.py "$port" "$lore" "$delay" 2>/dev/null &
    proxy_pid=$!
    proxied="http://127.0.0.1:$port"
    for _ in $(seq 50); do
        curl -s -o /dev/null "$proxied/" && break
        sleep 0.1
    done
}
