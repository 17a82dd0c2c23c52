# The body of the generated installer (lib/autostart/installer.ts puts the extension's identity
# and the host's files in front of it). `sh ollama-chat-setup.sh [install|doctor|uninstall]`
# [--start-command CMD] [--url URL] [--user-data-dir DIR]. Needs no Node: sh, awk, dd, od, curl/wget.
set -u
umask 077
action=install start_command='' url='' user_data_dir=''
while [ $# -gt 0 ]; do
  case $1 in
    install | doctor | uninstall) action=$1 ;;
    --start-command) start_command=${2:-}; shift ;;
    --url) url=${2:-}; shift ;;
    --user-data-dir) user_data_dir=${2:-}; shift ;;
    *) echo "Unknown argument: $1 (use install, doctor or uninstall)" >&2; exit 2 ;;
  esac
  shift
done
say() { printf '%s\n' "$*"; }
die() { printf 'Ollama Chat setup: %s\n' "$*" >&2; exit 1; }
os=$(uname -s)
if [ -n "${OLLAMA_CHAT_HOST_DIR:-}" ]; then dir=$OLLAMA_CHAT_HOST_DIR
elif [ "$os" = Darwin ]; then dir="$HOME/Library/Application Support/ollama-chat"
else dir="${XDG_DATA_HOME:-$HOME/.local/share}/ollama-chat"; fi
host="$dir/ollama_chat_host"
support="$HOME/Library/Application Support"

# Where this browser looks for host manifests: every installed browser of the family.
manifest_dirs() {
  if [ -n "$user_data_dir" ]; then say "$user_data_dir/NativeMessagingHosts"; return; fi
  if [ "$EXTENSION_BROWSER" = firefox ]; then
    if [ "$os" = Darwin ]; then say "$support/Mozilla/NativeMessagingHosts"; else say "$HOME/.mozilla/native-messaging-hosts"; fi
    return
  fi
  if [ "$os" = Darwin ]; then set -- "$support/Google/Chrome" "$support/Chromium" "$support/Microsoft Edge" "$support/BraveSoftware/Brave-Browser" "$support/Vivaldi"
  else
    c=${XDG_CONFIG_HOME:-$HOME/.config}
    set -- "$c/google-chrome" "$c/chromium" "$c/microsoft-edge" "$c/BraveSoftware/Brave-Browser" "$c/vivaldi"
  fi
  found=''
  for root in "$@"; do if [ -d "$root" ]; then say "$root/NativeMessagingHosts"; found=1; fi; done
  if [ -z "$found" ]; then say "$1/NativeMessagingHosts"; fi
}
json() { printf '%s' "$1" | LC_ALL=C awk -v mode=string -f "$dir/json.awk"; }
manifest() {
  if [ "$EXTENSION_BROWSER" = firefox ]; then allowed="\"allowed_extensions\":[$(json "$EXTENSION_ID")]"
  else allowed="\"allowed_origins\":[$(json "chrome-extension://$EXTENSION_ID/")]"; fi
  printf '{"name":"ollama_chat","description":"Ollama Chat: checks and starts the local Ollama server","path":%s,"type":"stdio",%s}\n' "$(json "$host")" "$allowed"
}
find_ollama() {
  p=$(command -v ollama 2>/dev/null) && { say "$p"; return; }
  for p in /usr/local/bin/ollama /usr/bin/ollama /opt/homebrew/bin/ollama /Applications/Ollama.app/Contents/Resources/ollama "$HOME/.local/bin/ollama"; do
    if [ -x "$p" ]; then say "$p"; return; fi
  done
  return 1
}
# Ping and status to the installed host, framed as the browser sends them; prints each reply.
ask_host() {
  out=$(mktemp) || return 1
  printf '\017\000\000\000{"verb":"ping"}\021\000\000\000{"verb":"status"}' | "$host" >"$out"
  off=0 size=$(wc -c <"$out" | tr -d ' ')
  while [ "$off" -lt "$size" ]; do
    # shellcheck disable=SC2046 # the four length bytes, split on purpose
    set -- $(dd if="$out" bs=1 skip="$off" count=4 2>/dev/null | od -An -v -tu1)
    if [ $# -ne 4 ]; then break; fi
    len=$(($1 + $2 * 256 + $3 * 65536 + $4 * 16777216))
    say "  $(dd if="$out" bs=1 skip=$((off + 4)) count="$len" 2>/dev/null)"
    off=$((off + 4 + len))
  done
  rm -f "$out"
  [ "$size" -gt 0 ]
}

install() {
  if [ -z "$start_command" ]; then
    ollama=$(find_ollama) || die "Ollama was not found. Install it from https://ollama.com, then run this again (or add --start-command \"…\")."
    # Quoted for sh -c, a ' in the path included.
    start_command="'$(printf '%s' "$ollama" | sed "s/'/'\\\\''/g")' serve"
  fi
  mkdir -p "$dir" && chmod 700 "$dir" || die "cannot create $dir"
  if [ -L "$dir" ]; then die "$dir is a symbolic link: refusing to install there"; fi
  payload_json_awk >"$dir/json.awk" && payload_start_sh >"$dir/start.sh" && payload_host_sh >"$host" || die "cannot write to $dir"
  chmod 700 "$host"
  config="{\"startCommand\":$(json "$start_command")"
  if [ -n "$url" ]; then config="$config,\"url\":$(json "$url")"; fi
  printf '%s}\n' "$config" >"$dir/config.json"
  manifest_dirs >"$dir/manifest-dirs"
  : >"$dir/installed-manifests"
  while IFS= read -r d; do
    mkdir -p "$d" && manifest >"$d/ollama_chat.json" && chmod 644 "$d/ollama_chat.json" || die "cannot write $d/ollama_chat.json"
    say "$d/ollama_chat.json" >>"$dir/installed-manifests"
    say "Registered with the browser: $d/ollama_chat.json"
  done <"$dir/manifest-dirs"
  rm -f "$dir/manifest-dirs"
  say "Installed the Ollama Chat helper (version $HELPER_VERSION) in $dir"
  say "It starts Ollama with: $start_command"
  say "Back in the browser, Settings shows \"Helper installed\"; reopen the panel if it does not."
}

doctor() {
  bad=0
  if [ -x "$host" ]; then say "ok: helper $host"; else say "PROBLEM: no helper at $host (run: sh $0)"; bad=1; fi
  if [ -f "$dir/config.json" ]; then say "ok: settings $dir/config.json: $(cat "$dir/config.json")"; else say "PROBLEM: no $dir/config.json"; bad=1; fi
  dirs=$(manifest_dirs)
  while IFS= read -r d; do
    if grep -q "$EXTENSION_ID" "$d/ollama_chat.json" 2>/dev/null; then say "ok: registered in $d"; else say "PROBLEM: not registered in $d"; bad=1; fi
  done <<EOF_DIRS
$dirs
EOF_DIRS
  if ! command -v curl >/dev/null 2>&1 && ! command -v wget >/dev/null 2>&1; then say 'PROBLEM: neither curl nor wget is installed'; bad=1; fi
  if [ "$bad" = 0 ]; then say "The helper answers:"; ask_host || { say 'PROBLEM: the helper did not answer'; bad=1; }; fi
  if [ "$bad" = 0 ]; then say 'All good.'; fi
  return "$bad"
}

uninstall() {
  if [ -f "$dir/installed-manifests" ]; then
    while IFS= read -r m; do rm -f "$m" && say "Removed $m"; done <"$dir/installed-manifests"
  fi
  for f in ollama_chat_host start.sh json.awk config.json installed-manifests last-exit ollama-start.log ollama-start.log.1; do rm -f "$dir/$f"; done
  rm -rf "$dir/start.lock"
  rmdir "$dir" 2>/dev/null
  say "Uninstalled the Ollama Chat helper. Ollama itself is untouched."
}

"$action"
