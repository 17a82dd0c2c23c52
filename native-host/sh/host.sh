#!/bin/sh
# Ollama Chat native-messaging host in POSIX sh, for machines without Node.js (Linux, macOS).
# Same protocol, settings and replies as the Node host (native-host/README.md): a 4-byte
# little-endian length (native order on x86 and ARM) + UTF-8 JSON, both ways. stdout carries only
# frames. What it runs and probes comes only from its environment and config.json, never a message.
# Needs only sh, dd, od, awk, iconv, mkdir and curl or wget. Exit: 0 at EOF, 1 on a broken stream.
LC_ALL=C
export LC_ALL
umask 077
VERSION='0.1.0'
MAX_IN=1048576
here=$(CDPATH='' cd -- "$(dirname -- "$0")" && pwd)
. "$here/start.sh"
awkf="$here/json.awk"
tab=$(printf '\t')
tmp=$(mktemp -d "${TMPDIR:-/tmp}/ollama-chat-host.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT

# An installed copy (setup.sh) keeps its settings next to itself: the browser's HOME may not be the installer's.
if [ -n "$OLLAMA_CHAT_HOST_DIR" ]; then dir=$OLLAMA_CHAT_HOST_DIR
elif [ -f "$here/installed-manifests" ]; then dir=$here
elif [ "$(uname -s)" = Darwin ]; then dir="$HOME/Library/Application Support/ollama-chat"
else dir="${XDG_DATA_HOME:-$HOME/.local/share}/ollama-chat"; fi

# Settings: env beats config.json; a symlinked or foreign data dir or config is refused at start.
cfg_command='' cfg_url='' cfg_timeout_ms='' cfg_poll_ms='' refusal=''
for f in "$dir" "$dir/config.json"; do
  if [ -L "$f" ]; then refusal="Refusing to use $f: it is a symbolic link"; break; fi
  if [ -e "$f" ] && [ ! -O "$f" ]; then refusal="Refusing to use $f: it is owned by another user"; break; fi
done
if [ -z "$refusal" ] && [ -f "$dir/config.json" ]; then eval "$(awk -v mode=config -f "$awkf" "$dir/config.json")"; fi
command=${OLLAMA_START_COMMAND:-$cfg_command}
url=${cfg_url:-http://127.0.0.1:11434}
# OLLAMA_HOST as Ollama reads it: scheme http, host 127.0.0.1, port 11434 (80/443 with a scheme).
if [ -n "$OLLAMA_HOST" ]; then
  h=$OLLAMA_HOST scheme=http port=11434
  case $h in http://*) h=${h#http://} port=80 ;; https://*) h=${h#https://} scheme=https port=443 ;; esac
  h=${h%%/*}
  case $h in '' | :*) h="127.0.0.1$h" ;; esac
  case ${h##*:} in '' | *[!0-9]*) h="$h:$port" ;; esac
  case $h in 0.0.0.0:*) h="127.0.0.1:${h#0.0.0.0:}" ;; esac
  url="$scheme://$h"
fi
url=${url%/}
timeout_ms=${cfg_timeout_ms:-10000} poll_ms=${cfg_poll_ms:-500}
if [ "$timeout_ms" -lt 50 ] || [ "$timeout_ms" -gt 120000 ]; then timeout_ms=10000; fi
if [ "$poll_ms" -lt 10 ] || [ "$poll_ms" -gt 5000 ]; then poll_ms=500; fi

# Without iconv (a minimal system) text is passed on unchecked rather than every message refused.
if command -v iconv >/dev/null 2>&1; then
  valid_utf8() { iconv -f UTF-8 -t UTF-8 "$1" >/dev/null 2>&1; }
  clean_utf8() { iconv -c -f UTF-8 -t UTF-8 2>/dev/null; }
else
  valid_utf8() { :; }
  clean_utf8() { cat; }
fi
jstr() { printf '%s' "$1" | clean_utf8 | awk -v mode=string -f "$awkf"; }

# One frame: the body's byte count as 4 little-endian bytes, then the body.
send() {
  len=$(printf '%s' "$1" | wc -c | tr -d ' ')
  printf "\\$(printf %03o $((len % 256)))\\$(printf %03o $((len / 256 % 256)))\\$(printf %03o $((len / 65536 % 256)))\\$(printf %03o $((len / 16777216)))%s" "$1"
}
# reply [id-json] [fields]: {"id":…,fields} or {fields}
reply() { if [ -n "$1" ]; then send "{\"id\":$1,$2}"; else send "{$2}"; fi; }
fatal() { printf '[ollama_chat host %s] %s\n' "$$" "$1" >&2; send "{\"ok\":false,\"error\":$(jstr "$1")}"; exit 1; }

handle() {
  if ! valid_utf8 "$tmp/body" || [ "$(tr -d '\000' <"$tmp/body" | wc -c)" -ne "$1" ]; then
    reply '' '"ok":false,"error":"Invalid JSON: not UTF-8 text"'
    return
  fi
  out=$(awk -v mode=request -f "$awkf" "$tmp/body")
  kind=${out%%"$tab"*} rest=${out#*"$tab"}
  if [ "$kind" = ERR ]; then reply '' "\"ok\":false,\"error\":$(jstr "$rest")"; return; fi
  has=${rest%%"$tab"*} rest=${rest#*"$tab"}
  id=${rest%%"$tab"*} rest=${rest#*"$tab"}
  if [ "$has" = 0 ]; then id=''; fi
  if [ "$kind" = ERRID ]; then reply "$id" "\"ok\":false,\"error\":$(jstr "$rest")"; return; fi
  case $rest in
    ping) reply "$id" "\"ok\":true,\"version\":\"$VERSION\",\"host\":\"ollama_chat\"" ;;
    status)
      if up; then running=true; else running=false; fi
      if [ -n "$command" ]; then c=$(jstr "$command"); else c=null; fi
      reply "$id" "\"ok\":true,\"running\":$running,\"url\":$(jstr "$url"),\"command\":$c" ;;
    start) reply "$id" "$(start_verb)" ;;
    *) reply "$id" "\"ok\":false,\"error\":\"Unknown verb: $rest\"" ;;
  esac
}

while :; do
  # shellcheck disable=SC2046 # the four byte values, split on purpose
  set -- $(dd bs=1 count=4 2>/dev/null | od -An -v -tu1)
  case $# in
    0) exit 0 ;;
    1 | 2 | 3) fatal "Truncated message: input ended after $# of 4 header bytes" ;;
  esac
  len=$(($1 + $2 * 256 + $3 * 65536 + $4 * 16777216))
  if [ "$len" -gt "$MAX_IN" ]; then fatal "Message too large: $len bytes (max $MAX_IN)"; fi
  # One byte per read: a larger block could take bytes of the next frame from the pipe.
  dd bs=1 count="$len" of="$tmp/body" 2>/dev/null
  got=$(wc -c <"$tmp/body" | tr -d ' ')
  if [ "$got" -lt "$len" ]; then fatal "Truncated message: input ended after $got of $len body bytes"; fi
  handle "$len"
done
