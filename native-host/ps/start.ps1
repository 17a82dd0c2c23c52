# The probe and the start verb of the PowerShell host (dot-sourced by host.ps1, which sets $dir,
# $url, $command, $timeoutMs, $pollMs). UNTESTED HERE. Same texts as native-host/messages.mjs.
# One start at a time across hosts: a lock directory holding the holder's pid. The command runs
# through runner.ps1, created outside the browser's job object (Firefox kills that job with the
# host), as native-host/breakaway.mjs does for the Node host.

# Is Ollama answering? GET <url>/api/tags, 2xx within 2 s, no proxy.
function Test-Ollama {
  try {
    $req = [System.Net.HttpWebRequest]::Create("$url/api/tags")
    $req.Timeout = 2000; $req.Proxy = $null
    $res = $req.GetResponse(); $code = [int]$res.StatusCode; $res.Close()
    return ($code -ge 200 -and $code -lt 300)
  } catch { return $false }
}
function Seconds([int]$ms) {
  $s = $ms / 1000
  if ($s -eq [math]::Floor($s)) { if ($s -eq 1) { return '1 second' } else { return "$s seconds" } }
  return ('{0:0.0} seconds' -f $s)
}
function Failed($message) { return [ordered]@{ ok = $false; error = $message } }

# Compiled on the first start only (it takes a moment).
function Add-Breakaway {
  if ('OllamaChatBreakaway' -as [type]) { return }
Add-Type -TypeDefinition @'
using System;
using System.ComponentModel;
using System.Runtime.InteropServices;
using System.Text;
public static class OllamaChatBreakaway {
  [StructLayout(LayoutKind.Sequential, CharSet = CharSet.Unicode)]
  struct STARTUPINFO {
    public int cb; public string lpReserved; public string lpDesktop; public string lpTitle;
    public int dwX; public int dwY; public int dwXSize; public int dwYSize;
    public int dwXCountChars; public int dwYCountChars; public int dwFillAttribute; public int dwFlags;
    public short wShowWindow; public short cbReserved2; public IntPtr lpReserved2;
    public IntPtr hStdInput; public IntPtr hStdOutput; public IntPtr hStdError;
  }
  [StructLayout(LayoutKind.Sequential)]
  struct PROCESS_INFORMATION { public IntPtr hProcess; public IntPtr hThread; public int dwProcessId; public int dwThreadId; }
  [DllImport("kernel32.dll", SetLastError = true, CharSet = CharSet.Unicode)]
  static extern bool CreateProcessW(string app, StringBuilder cmd, IntPtr pa, IntPtr ta, bool inherit, uint flags, IntPtr env, string cwd, ref STARTUPINFO si, out PROCESS_INFORMATION pi);
  [DllImport("kernel32.dll")]
  static extern bool CloseHandle(IntPtr h);
  const uint CREATE_NEW_PROCESS_GROUP = 0x00000200;
  const uint CREATE_BREAKAWAY_FROM_JOB = 0x01000000;
  const uint CREATE_NO_WINDOW = 0x08000000;
  const int ERROR_ACCESS_DENIED = 5;
  static bool Create(string line, uint flags, out PROCESS_INFORMATION pi) {
    STARTUPINFO si = new STARTUPINFO();
    si.cb = Marshal.SizeOf(typeof(STARTUPINFO));
    return CreateProcessW(null, new StringBuilder(line), IntPtr.Zero, IntPtr.Zero, false, flags, IntPtr.Zero, null, ref si, out pi);
  }
  public static string Start(string line) {
    uint flags = CREATE_NEW_PROCESS_GROUP | CREATE_NO_WINDOW;
    string how = "breakaway";
    PROCESS_INFORMATION pi;
    if (!Create(line, flags | CREATE_BREAKAWAY_FROM_JOB, out pi)) {
      int err = Marshal.GetLastWin32Error();
      if (err != ERROR_ACCESS_DENIED) throw new Win32Exception(err);
      how = "in-job";
      if (!Create(line, flags, out pi)) throw new Win32Exception(Marshal.GetLastWin32Error());
    }
    CloseHandle(pi.hThread);
    CloseHandle(pi.hProcess);
    return pi.dwProcessId + " " + how;
  }
}
'@
}

function Start-Verb {
  if (Test-Ollama) { return [ordered]@{ ok = $true; started = $false } }
  if (-not $command) { return Failed 'OLLAMA_START_COMMAND is not set' }
  New-Item -ItemType Directory -Force -Path $dir | Out-Null
  $lock = Join-Path $dir 'start.lock'; $waited = 0
  while ($true) {
    try { New-Item -ItemType Directory -Path $lock -ErrorAction Stop | Out-Null; break } catch {}
    $holder = Get-Content -ErrorAction SilentlyContinue (Join-Path $lock 'pid')
    if ($holder -and -not (Get-Process -Id $holder -ErrorAction SilentlyContinue)) { Remove-Item -Recurse -Force $lock; continue }
    if (-not $holder -and $waited -ge 2000) { Remove-Item -Recurse -Force $lock; continue }
    Start-Sleep -Milliseconds $pollMs; $waited += $pollMs
    if (Test-Ollama) { return [ordered]@{ ok = $true; started = $false } }
    if ($waited -gt $timeoutMs + 3000) {
      $who = if ($holder) { "pid $holder" } else { 'pid unknown' }
      return Failed "Another start of Ollama is already in progress ($who) and Ollama is not answering at $url yet; try again in a moment"
    }
  }
  try {
    Set-Content -Path (Join-Path $lock 'pid') -Value $PID
    if (Test-Ollama) { return [ordered]@{ ok = $true; started = $false } }
    return Start-AndWait
  } finally { Remove-Item -Recurse -Force $lock -ErrorAction SilentlyContinue }
}

function Start-AndWait {
  $log = Join-Path $dir 'ollama-start.log'; $status = Join-Path $dir 'last-exit'
  if ((Test-Path $log) -and (Get-Item $log).Length -gt 1048576) { Move-Item -Force $log "$log.1" }
  [IO.File]::AppendAllText($log, "[$(Get-Date -Format o)] ollama_chat host $PID starting: $command`r`n")
  $from = (Get-Item $log).Length
  Remove-Item -Force $status -ErrorAction SilentlyContinue
  # The command goes through a file, never spliced into a command line.
  [IO.File]::WriteAllText((Join-Path $dir 'start-command.cmd'), "@echo off`r`n$command`r`n")
  $env:OLLAMA_CHAT_LOG = $log; $env:OLLAMA_CHAT_STATUS = $status; $env:OLLAMA_CHAT_DIR = $dir
  $runner = Join-Path $here 'runner.ps1'
  Add-Breakaway
  [void][OllamaChatBreakaway]::Start("powershell.exe -NoProfile -ExecutionPolicy Bypass -WindowStyle Hidden -File `"$runner`"")
  $tries = [math]::Ceiling($timeoutMs / $pollMs)
  while ($true) {
    if (Test-Ollama) { return [ordered]@{ ok = $true; started = $true } }
    $code = Get-Content -ErrorAction SilentlyContinue $status
    if ($code -and "$code".Trim() -ne '0') {
      if (Test-Ollama) { return [ordered]@{ ok = $true; started = $false } }
      $bytes = [IO.File]::ReadAllBytes($log)
      $start = [math]::Max($from, $bytes.Length - 2048)
      $out = [Text.Encoding]::UTF8.GetString($bytes, $start, $bytes.Length - $start).Trim()
      if (-not $out) { $out = '(no output)' }
      return Failed "Failed to start Ollama (exit code $("$code".Trim())): $out"
    }
    $tries--
    if ($tries -le 0) {
      if ("$code".Trim() -eq '0') { return Failed "The start command finished (exit code 0) but Ollama is not answering at $url after $(Seconds $timeoutMs)" }
      return Failed "Ollama started but not responding after $(Seconds $timeoutMs)"
    }
    Start-Sleep -Milliseconds $pollMs
  }
}
