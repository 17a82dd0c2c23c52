# Ollama Chat native-messaging host in Windows PowerShell 5.1, for Windows without Node.js.
# UNTESTED HERE (the project's machines have no PowerShell): same protocol, settings and replies as
# native-host/host.mjs and native-host/sh/host.sh. Frames: a 4-byte little-endian length + UTF-8
# JSON, both ways; stdout carries only frames. The start command comes only from the environment
# or config.json, never a message. Exit: 0 at EOF on a frame boundary, 1 on a broken stream.
$ErrorActionPreference = 'Stop'
$Version = '0.1.0'
$MaxIn = 1048576
$here = Split-Path -Parent $MyInvocation.MyCommand.Path
$stdin = [Console]::OpenStandardInput()
$stdout = [Console]::OpenStandardOutput()
$utf8 = New-Object System.Text.UTF8Encoding($false, $true)

# An installed copy (setup.ps1) keeps its settings next to itself.
if ($env:OLLAMA_CHAT_HOST_DIR) { $dir = $env:OLLAMA_CHAT_HOST_DIR }
elseif (Test-Path (Join-Path $here 'installed-manifests')) { $dir = $here }
else { $dir = Join-Path $env:LOCALAPPDATA 'ollama-chat' }

$config = $null
try { $config = Get-Content -Raw -Encoding UTF8 (Join-Path $dir 'config.json') | ConvertFrom-Json } catch { $config = $null }
$command = $env:OLLAMA_START_COMMAND
if (-not $command -and $config -and $config.startCommand -is [string]) { $command = $config.startCommand.Trim() }
$url = 'http://127.0.0.1:11434'
if ($config -and $config.url -is [string] -and $config.url -match '^https?://[^?#]+$') { $url = $config.url }
if ($env:OLLAMA_HOST) {
  $h = $env:OLLAMA_HOST; $scheme = 'http'; $port = '11434'
  if ($h -match '^http://') { $h = $h.Substring(7); $port = '80' } elseif ($h -match '^https://') { $h = $h.Substring(8); $scheme = 'https'; $port = '443' }
  $h = ($h -split '/')[0]
  if ($h -eq '' -or $h.StartsWith(':')) { $h = "127.0.0.1$h" }
  if ($h -notmatch ':\d+$') { $h = "${h}:$port" }
  if ($h.StartsWith('0.0.0.0:')) { $h = '127.0.0.1' + $h.Substring(7) }
  $url = "${scheme}://$h"
}
$url = $url.TrimEnd('/')
$timeoutMs = 10000; $pollMs = 500
if ($config -and $config.startTimeoutMs -is [int] -and $config.startTimeoutMs -ge 50 -and $config.startTimeoutMs -le 120000) { $timeoutMs = $config.startTimeoutMs }
if ($config -and $config.pollIntervalMs -is [int] -and $config.pollIntervalMs -ge 10 -and $config.pollIntervalMs -le 5000) { $pollMs = $config.pollIntervalMs }

. (Join-Path $here 'start.ps1')

function Send-Reply($reply) {
  $body = [System.Text.Encoding]::UTF8.GetBytes(($reply | ConvertTo-Json -Compress -Depth 40))
  $stdout.Write([BitConverter]::GetBytes([int32]$body.Length), 0, 4)
  $stdout.Write($body, 0, $body.Length)
  $stdout.Flush()
}
function Fail-Stream($message) {
  [Console]::Error.WriteLine("[ollama_chat host $PID] $message")
  Send-Reply ([ordered]@{ ok = $false; error = $message })
  exit 1
}
# Reads exactly $n bytes (fewer only at EOF).
function Read-Exactly([int]$n) {
  $buf = New-Object byte[] $n; $got = 0
  while ($got -lt $n) { $r = $stdin.Read($buf, $got, $n - $got); if ($r -le 0) { break }; $got += $r }
  if ($got -lt $n) { $part = New-Object byte[] $got; [Array]::Copy($buf, $part, $got); return ,$part }
  return ,$buf
}
function With-Id($request, $fields) {
  $reply = [ordered]@{}
  if ($request -and $request.PSObject.Properties.Name -contains 'id') { $reply.id = $request.id }
  foreach ($k in $fields.Keys) { $reply[$k] = $fields[$k] }
  return $reply
}

function Handle([byte[]]$body) {
  try { $text = $utf8.GetString($body); $request = $text | ConvertFrom-Json }
  catch { return [ordered]@{ ok = $false; error = "Invalid JSON: $($_.Exception.Message)" } }
  if ($null -eq $request -or $request -isnot [System.Management.Automation.PSCustomObject]) { return [ordered]@{ ok = $false; error = 'Request must be a JSON object' } }
  if ($request.PSObject.Properties.Name -contains 'id') {
    if (($request.id | ConvertTo-Json -Compress -Depth 40).Length -gt 1024) { return [ordered]@{ ok = $false; error = 'id too large (max 1024 bytes of JSON)' } }
  }
  $verb = $request.verb
  if ($verb -isnot [string] -or $verb -eq '') { return With-Id $request ([ordered]@{ ok = $false; error = 'Missing verb' }) }
  switch -CaseSensitive ($verb) {
    'ping' { return With-Id $request ([ordered]@{ ok = $true; version = $Version; host = 'ollama_chat' }) }
    'status' { return With-Id $request ([ordered]@{ ok = $true; running = (Test-Ollama); url = $url; command = $(if ($command) { $command } else { $null }) }) }
    'start' { return With-Id $request (Start-Verb) }
    default { $cut = if ($verb.Length -gt 100) { $verb.Substring(0, 100) } else { $verb }; return With-Id $request ([ordered]@{ ok = $false; error = "Unknown verb: $cut" }) }
  }
}

while ($true) {
  $header = Read-Exactly 4
  if ($header.Length -eq 0) { exit 0 }
  if ($header.Length -lt 4) { Fail-Stream "Truncated message: input ended after $($header.Length) of 4 header bytes" }
  $len = [BitConverter]::ToUInt32([byte[]]$header, 0)
  if ($len -gt $MaxIn) { Fail-Stream "Message too large: $len bytes (max $MaxIn)" }
  $body = Read-Exactly ([int]$len)
  if ($body.Length -lt $len) { Fail-Stream "Truncated message: input ended after $($body.Length) of $len body bytes" }
  try { Send-Reply (Handle ([byte[]]$body)) }
  catch { Send-Reply ([ordered]@{ ok = $false; error = "Internal error: $($_.Exception.Message)" }) }
}
