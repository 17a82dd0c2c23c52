# The probe and the start verb of the sh host (sourced by host.sh, which sets dir, url, command,
# refusal, timeout_ms, poll_ms). Same texts as native-host/messages.mjs. One start at a time across
# hosts: a lock directory (mkdir is atomic) holding the holder's pid; a dead holder's is taken over.

# Is Ollama answering? GET <url>/api/tags, 2xx within 2 s, no proxy (Ollama is local).
up() {
  if command -v curl >/dev/null 2>&1; then
    case $(curl -s --noproxy '*' -o /dev/null -m 2 -w '%{http_code}' "$url/api/tags" 2>/dev/null) in 2??) return 0 ;; esac
    return 1
  fi
  wget -q --no-proxy -T 2 -t 1 -O /dev/null "$url/api/tags" >/dev/null 2>&1
}
nap() { sleep "$(awk -v ms="$1" 'BEGIN { printf "%.3f", ms / 1000 }')" 2>/dev/null || sleep 1; }
seconds() { awk -v ms="$1" 'BEGIN { s = ms / 1000; if (s == int(s)) printf "%d second%s", s, (s == 1 ? "" : "s"); else printf "%.1f seconds", s }'; }
fail() { printf '"ok":false,"error":%s' "$(jstr "$1")"; }

start_verb() {
  if up; then printf '"ok":true,"started":false'; return; fi
  if [ -n "$refusal" ]; then fail "$refusal"; return; fi
  if [ -z "$command" ]; then fail 'OLLAMA_START_COMMAND is not set'; return; fi
  mkdir -p "$dir" && chmod 700 "$dir" || { fail "Cannot create $dir"; return; }
  lock="$dir/start.lock" waited=0
  until mkdir "$lock" 2>/dev/null; do
    holder=$(cat "$lock/pid" 2>/dev/null)
    if [ -n "$holder" ] && ! kill -0 "$holder" 2>/dev/null; then rm -rf "$lock"; continue; fi
    # No pid after a while: a holder killed between mkdir and writing it, or an old lock file.
    if [ -z "$holder" ] && [ "$waited" -ge 2000 ]; then rm -rf "$lock"; continue; fi
    nap "$poll_ms"
    waited=$((waited + poll_ms))
    if up; then printf '"ok":true,"started":false'; return; fi
    if [ "$waited" -gt $((timeout_ms + 3000)) ]; then
      fail "Another start of Ollama is already in progress (pid ${holder:-unknown}) and Ollama is not answering at $url yet; try again in a moment"
      return
    fi
  done
  echo "$$" >"$lock/pid"
  if up; then printf '"ok":true,"started":false'; else launch_and_wait; fi
  rm -rf "$lock"
}

# Runs the command in a session of its own (it must outlive the browser killing the host's group),
# its output appended to the start log, its exit status written when it ends; then waits.
launch_and_wait() {
  log="$dir/ollama-start.log" status="$dir/last-exit"
  if [ -f "$log" ] && [ "$(wc -c <"$log")" -gt 1048576 ]; then mv -f "$log" "$log.1"; fi
  printf '[%s] ollama_chat host %s starting: %s\n' "$(date)" "$$" "$command" >>"$log"
  from=$(($(wc -c <"$log") + 1))
  rm -f "$status"
  # The log is capped while the server runs (a line per request), as native-host/rotate.mjs does:
  # log and log.1, each at most 1 MiB. The exit status is published once all output is written.
  runner='{ sh -c "$1" </dev/null 2>&1; echo $? >"$3.code"; } | {
    n=$(wc -c <"$2" | tr -d " ")
    while IFS= read -r l || [ -n "$l" ]; do
      k=$((${#l} + 1))
      if [ $((n + k)) -gt 1048576 ] && [ "$n" -gt 0 ]; then mv -f "$2" "$2.1"; n=0; fi
      printf "%s\n" "$l" >>"$2"
      n=$((n + k))
    done
  }
  mv -f "$3.code" "$3"'
  # No fd of the host's may stay open in the runner: its stdout is the browser's pipe.
  if command -v setsid >/dev/null 2>&1; then
    setsid sh -c "$runner" ollama-chat-runner "$command" "$log" "$status" </dev/null >/dev/null 2>&1 &
  else
    (set -m; sh -c "$runner" ollama-chat-runner "$command" "$log" "$status" </dev/null >/dev/null 2>&1 &)
  fi
  tries=$(((timeout_ms + poll_ms - 1) / poll_ms))
  while :; do
    if up; then printf '"ok":true,"started":true'; return; fi
    code=$(cat "$status" 2>/dev/null)
    if [ -n "$code" ] && [ "$code" != 0 ]; then
      # e.g. "address already in use" because another Ollama just came up: that is success.
      if up; then printf '"ok":true,"started":false'; return; fi
      how="exit code $code"
      if [ "$code" -gt 128 ]; then how="killed by SIG$(kill -l $((code - 128)) 2>/dev/null)"; fi
      out=$(tail -c +"$from" "$log" | tail -c 2048)
      fail "Failed to start Ollama ($how): ${out:-(no output)}"
      return
    fi
    tries=$((tries - 1))
    if [ "$tries" -le 0 ]; then
      if [ "$code" = 0 ]; then fail "The start command finished (exit code 0) but Ollama is not answering at $url after $(seconds "$timeout_ms")"
      else fail "Ollama started but not responding after $(seconds "$timeout_ms")"; fi
      return
    fi
    nap "$poll_ms"
  done
}
