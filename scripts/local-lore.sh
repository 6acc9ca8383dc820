#!/usr/bin/env bash
# Serve mbox files through the real public-inbox on 127.0.0.1, the way
# lore.kernel.org serves them, for tests and benchmarks.
#
#   scripts/local-lore.sh start DIR PORT INBOX=MBOX[,MBOX...] [INBOX=...]
#   scripts/local-lore.sh stop DIR
#
# Each INBOX gets a v2 inbox with the given mbox files imported through
# public-inbox's own writer; an extindex makes /all/ work as on lore.
# `start` prints the server's URL. Needs the public-inbox package.
set -euo pipefail

cmd=${1:?usage: local-lore.sh start DIR PORT INBOX=MBOX... | stop DIR}
top=${2:?DIR}

stop() {
    if [ -f "$top/httpd.pid" ]; then
        kill "$(cat "$top/httpd.pid")" 2>/dev/null || true
        rm -f "$top/httpd.pid"
    fi
}

case "$cmd" in
stop) stop; exit 0 ;;
start) ;;
*) echo "local-lore.sh: unknown command $cmd" >&2; exit 2 ;;
esac

port=${3:?PORT}
shift 3
command -v public-inbox-httpd >/dev/null || {
    echo "local-lore.sh: public-inbox is not installed (apt-get install public-inbox)" >&2
    exit 1
}
mkdir -p "$top"
top=$(cd "$top" && pwd)
export PI_CONFIG="$top/config" HOME="$top"
url="http://127.0.0.1:$port"
: > "$PI_CONFIG"

for spec in "$@"; do
    name=${spec%%=*}
    files=${spec#*=}
    dir="$top/inboxes/$name"
    public-inbox-init -V2 -L full "$name" "$dir" "$url/$name" "$name@lists.example.org" >/dev/null
    IFS=, read -ra mboxes <<< "$files"
    for mbox in "${mboxes[@]}"; do
        perl -MPublicInbox::Config -MPublicInbox::InboxWritable -e '
            my ($name, $path) = @ARGV;
            my $cfg = PublicInbox::Config->new;
            my $ibx = $cfg->lookup_name($name) or die "no inbox $name\n";
            open(my $fh, "<", $path) or die "$path: $!\n";
            PublicInbox::InboxWritable->new($ibx)->import_mbox($fh, "mboxrd");
        ' "$name" "$mbox"
    done
done

mkdir -p "$top/all"
git config -f "$PI_CONFIG" extindex.all.topdir "$top/all"
public-inbox-extindex --all -q >/dev/null 2>&1 || public-inbox-extindex --all >/dev/null

stop
# Each request is one line of access.log ("METHOD PATH STATUS"), which the
# tests read to see what a run asked.
cat > "$top/app.psgi" <<'PSGI'
use PublicInbox::WWW;
use Plack::Builder;
use IO::Handle;
my $www = PublicInbox::WWW->new;
$www->preload;
open(my $log, '>>', "$ENV{HOME}/access.log") or die "access.log: $!\n";
$log->autoflush(1);
builder {
    enable 'AccessLog', format => '%m %U%q %>s', logger => sub { print $log @_ };
    sub { $www->call(@_) };
};
PSGI
public-inbox-httpd -D -W1 -P "$top/httpd.pid" -1 "$top/httpd.log" -2 "$top/error.log" \
    -l "$url" "$top/app.psgi"
for _ in $(seq 100); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "$url/" || true)" != 000 ]; then
        # public-inbox loads an inbox at its first request, and only loaded
        # inboxes are named on the 300 page of another; lore has served
        # every inbox long before, so this one does too.
        for spec in "$@"; do
            curl -s -o /dev/null "$url/${spec%%=*}/"
        done
        echo "$url"
        exit 0
    fi
    sleep 0.1
done
echo "local-lore.sh: public-inbox-httpd did not answer on $url (see $top/error.log)" >&2
exit 1
