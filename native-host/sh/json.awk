# JSON for the POSIX sh host (host.sh): a strict validator plus the few fields the host reads.
# Run with LC_ALL=C (bytes, not characters). UTF-8 validity and NUL bytes are checked by host.sh.
#   -v mode=request : one line "ERR<TAB>msg" | "ERRID<TAB>id<TAB>msg" | "OK<TAB>hasId<TAB>id<TAB>verb"
#                     (id: compact JSON text; verb: JSON string contents, cut to 100 characters)
#   -v mode=config  : sh assignments (cfg_command, cfg_url, cfg_timeout_ms, cfg_poll_ms), values
#                     single-quoted, for the host to eval; nothing for a field that is absent or bad
#   -v mode=string  : reads raw text, prints it as a JSON string literal (for replies)
BEGIN { for (i = 1; i < 32; i++) CTRL = CTRL sprintf("%c", i); for (i = 128; i < 192; i++) CONT = CONT sprintf("%c", i); HEX = "0123456789abcdef" }
{ s = (NR > 1 ? s "\n" : "") $0 }
END {
  if (mode == "string") { printf "%s", quote(s); exit }
  n = length(s); pos = 1; err = ""; depth = 0
  ok = value(0)
  if (ok) { skip(); if (pos <= n) ok = fail("unexpected " describe() " after the JSON value") }
  if (!ok) { if (mode == "request") print "ERR\tInvalid JSON: " err; exit }
  if (mode == "config") { config(); exit }
  if (substr(s, first, 1) != "{") { print "ERR\tRequest must be a JSON object"; exit }
  id = ("id" in at) ? compact(at["id"], to["id"]) : ""
  if (("id" in at) && length(id) > 1024) { print "ERR\tid too large (max 1024 bytes of JSON)"; exit }
  v = ("verb" in at) ? substr(s, at["verb"], to["verb"] - at["verb"] + 1) : ""
  if (v !~ /^".+"$/) { print "ERRID\t" (("id" in at) ? 1 : 0) "\t" id "\tMissing verb"; exit }
  print "OK\t" (("id" in at) ? 1 : 0) "\t" id "\t" cut(substr(v, 2, length(v) - 2), 100)
}
function fail(msg) { if (err == "") err = msg " at position " (pos - 1); return 0 }
function describe(  c) { c = substr(s, pos, 1); return pos > n ? "end of input" : "character '" c "'" }
function skip() { while (pos <= n && index(" \t\n\r", substr(s, pos, 1))) pos++ }
# A value at pos; depth 1 members of the top object are recorded in at[]/to[] (first/last byte).
function value(d,   c, start) {
  skip(); if (d == 0) first = pos
  if (d > 256) return fail("nesting deeper than 256")
  c = substr(s, pos, 1); start = pos
  if (c == "{") return object(d)
  if (c == "[") return array(d)
  if (c == "\"") return string()
  if (substr(s, pos, 4) == "true" || substr(s, pos, 4) == "null") { pos += 4; return 1 }
  if (substr(s, pos, 5) == "false") { pos += 5; return 1 }
  if (match(substr(s, pos, 400), /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?/)) { pos += RLENGTH; return 1 }
  return fail(pos > n ? "unexpected end of JSON input" : "unexpected " describe())
}
function object(d,   key, kstart, vstart, c) {
  pos++; skip()
  if (substr(s, pos, 1) == "}") { pos++; return 1 }
  for (;;) {
    skip(); if (substr(s, pos, 1) != "\"") return fail("expected a property name, got " describe())
    kstart = pos; if (!string()) return 0
    key = substr(s, kstart + 1, pos - kstart - 2)
    skip(); if (substr(s, pos, 1) != ":") return fail("expected ':', got " describe())
    pos++; skip(); vstart = pos
    if (!value(d + 1)) return 0
    if (d == 0) { at[key] = vstart; to[key] = pos - 1 }
    skip(); c = substr(s, pos, 1); pos++
    if (c == "}") return 1
    if (c != ",") { pos--; return fail("expected ',' or '}', got " describe()) }
  }
}
function array(d,   c) {
  pos++; skip()
  if (substr(s, pos, 1) == "]") { pos++; return 1 }
  for (;;) {
    if (!value(d + 1)) return 0
    skip(); c = substr(s, pos, 1); pos++
    if (c == "]") return 1
    if (c != ",") { pos--; return fail("expected ',' or ']', got " describe()) }
  }
}
function string(   c) {
  pos++
  for (;;) {
    if (pos > n) return fail("unterminated string")
    c = substr(s, pos, 1)
    if (c == "\"") { pos++; return 1 }
    if (index(CTRL, c)) return fail("control character in string")
    if (c == "\\") {
      c = substr(s, pos + 1, 1)
      if (c == "u") { if (substr(s, pos + 2, 4) !~ /^[0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F]$/) return fail("bad \\u escape"); pos += 6; continue }
      if (!index("\"\\/bfnrt", c) || c == "") return fail("bad escape")
      pos += 2; continue
    }
    pos++
  }
}
# The JSON text from a to b without whitespace outside strings.
function compact(a, b,   out, i, c, inside, esc) {
  for (i = a; i <= b; i++) {
    c = substr(s, i, 1)
    if (inside) { if (esc) esc = 0; else if (c == "\\") esc = 1; else if (c == "\"") inside = 0 }
    else if (c == "\"") inside = 1
    else if (index(" \t\n\r", c)) continue
    out = out c
  }
  return out
}
# The first `max` characters of JSON string contents t, never splitting an escape or a UTF-8 sequence.
function cut(t, max,   i, k, c, m) {
  for (i = 1; i <= length(t) && k < max; k++) {
    c = substr(t, i, 1)
    if (c == "\\") { i += (substr(t, i + 1, 1) == "u") ? 6 : 2; continue }
    for (m = i + 1; m <= length(t) && index(CONT, substr(t, m, 1)); m++);
    i = m
  }
  return substr(t, 1, i - 1)
}
function hexval(h,   i, v) { h = tolower(h); for (i = 1; i <= 4; i++) v = v * 16 + index(HEX, substr(h, i, 1)) - 1; return v }
function utf8(cp) {
  if (cp < 128) return sprintf("%c", cp)
  if (cp < 2048) return sprintf("%c%c", 192 + int(cp / 64), 128 + cp % 64)
  if (cp < 65536) return sprintf("%c%c%c", 224 + int(cp / 4096), 128 + int(cp / 64) % 64, 128 + cp % 64)
  return sprintf("%c%c%c%c", 240 + int(cp / 262144), 128 + int(cp / 4096) % 64, 128 + int(cp / 64) % 64, 128 + cp % 64)
}
# The decoded text of the JSON string at a..b (quotes included); sets nul when it holds \u0000.
function decode(a, b,   out, i, c, cp, lo) {
  for (i = a + 1; i < b; i++) {
    c = substr(s, i, 1)
    if (c != "\\") { out = out c; continue }
    c = substr(s, ++i, 1)
    if (c == "u") {
      cp = hexval(substr(s, i + 1, 4)); i += 4
      if (cp >= 55296 && cp < 56320 && substr(s, i + 1, 2) == "\\u") {
        lo = hexval(substr(s, i + 3, 4))
        if (lo >= 56320 && lo < 57344) { cp = 65536 + (cp - 55296) * 1024 + lo - 56320; i += 6 }
      }
      if (cp == 0) nul = 1
      out = out utf8(cp)
    } else out = out (c == "n" ? "\n" : c == "t" ? "\t" : c == "r" ? "\r" : c == "b" ? "\b" : c == "f" ? "\f" : c)
  }
  return out
}
function shq(t) { gsub(/'/, "'\\''", t); return "'" t "'" }
function config(   k, v, i) {
  if (substr(s, first, 1) != "{") return
  if (("startCommand" in at) && substr(s, at["startCommand"], 1) == "\"") { nul = 0; v = decode(at["startCommand"], to["startCommand"]); if (!nul) print "cfg_command=" shq(v) }
  if (("url" in at) && substr(s, at["url"], 1) == "\"") { nul = 0; v = decode(at["url"], to["url"]); if (!nul) print "cfg_url=" shq(v) }
  split("startTimeoutMs cfg_timeout_ms pollIntervalMs cfg_poll_ms", k, " ")
  for (i = 1; i < 4; i += 2) if (k[i] in at) { v = substr(s, at[k[i]], to[k[i]] - at[k[i]] + 1); if (v ~ /^[0-9]+$/) print k[i + 1] "=" v }
}
function quote(t,   out, i, c, p) {
  for (i = 1; i <= length(t); i++) {
    c = substr(t, i, 1)
    if (c == "\"" || c == "\\") out = out "\\" c
    else if ((p = index(CTRL, c))) out = out (c == "\n" ? "\\n" : c == "\t" ? "\\t" : c == "\r" ? "\\r" : sprintf("\\u%04x", p))
    else out = out c
  }
  return "\"" out "\""
}
