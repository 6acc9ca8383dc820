# Sourced by the lore benchmarks: `free_port`, and `split_lists MBOX DIR`,
# which writes one mbox per list into DIR, named as lore names the inbox
# (the List-Id's first label; the eight biggest lists, scripts/split-lists.py)
# and sets `inboxes` (NAME=FILE, for scripts/local-lore.sh) and `lists`
# (`--list NAME` for each).

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

split_lists() {
    local mbox=$1 dir=$2 file name
    mkdir -p "$dir"
    python3 scripts/split-lists.py "$mbox" "$dir"
    inboxes=()
    lists=()
    for file in "$dir"/*.mbox; do
        name=$(basename "$file" .mbox)
        inboxes+=("$name=$file")
        lists+=(--list "$name")
    done
}
