# The body of the generated Windows installer (lib/autostart/installer.ts puts the extension's
# identity and the helper's files, base64, in front of it). UNTESTED HERE: no PowerShell on the
# project's machines. Windows PowerShell 5.1, no admin rights, no Node.js:
#   powershell -ExecutionPolicy Bypass -File ollama-chat-setup.ps1 [install|doctor|uninstall]
#     [--start-command CMD] [--url URL]
$ErrorActionPreference = 'Stop'
$Action = 'install'; $StartCommand = ''; $Url = ''
for ($i = 0; $i -lt $args.Count; $i++) {
  $a = $args[$i]
  if ($a -eq 'install' -or $a -eq 'doctor' -or $a -eq 'uninstall') { $Action = $a }
  elseif ($a -eq '--start-command') { $i++; $StartCommand = $args[$i] }
  elseif ($a -eq '--url') { $i++; $Url = $args[$i] }
  else { Write-Host "Unknown argument: $a (use install, doctor or uninstall)"; exit 2 }
}
$Dir = if ($env:OLLAMA_CHAT_HOST_DIR) { $env:OLLAMA_CHAT_HOST_DIR } else { Join-Path $env:LOCALAPPDATA 'ollama-chat' }
$Manifest = Join-Path $Dir 'ollama_chat.json'
$Launcher = Join-Path $Dir 'ollama_chat_host.bat'
# HKCU\Software\<these>\NativeMessagingHosts\ollama_chat; Vivaldi reads Chrome's.
$Keys = if ($ExtensionBrowser -eq 'firefox') { @('Mozilla') } else { @('Google\Chrome', 'Chromium', 'Microsoft\Edge', 'BraveSoftware\Brave-Browser') }
function Key($name) { return "HKCU:\Software\$name\NativeMessagingHosts\ollama_chat" }

function Find-Ollama {
  $c = Get-Command ollama -ErrorAction SilentlyContinue
  if ($c) { return $c.Source }
  $p = Join-Path $env:LOCALAPPDATA 'Programs\Ollama\ollama.exe'
  if (Test-Path $p) { return $p }
  return $null
}

function Install {
  if (-not $StartCommand) {
    $ollama = Find-Ollama
    if (-not $ollama) { Write-Host 'Ollama was not found. Install it from https://ollama.com, then run this again (or add --start-command "...").'; exit 1 }
    $script:StartCommand = "`"$ollama`" serve"
  }
  New-Item -ItemType Directory -Force -Path $Dir | Out-Null
  foreach ($name in $Payloads.Keys) { [IO.File]::WriteAllBytes((Join-Path $Dir $name), [Convert]::FromBase64String($Payloads[$name])) }
  [IO.File]::WriteAllText($Launcher, "@echo off`r`npowershell.exe -NoProfile -ExecutionPolicy Bypass -File `"%~dp0host.ps1`" %*`r`n")
  $config = [ordered]@{ startCommand = $StartCommand }
  if ($Url) { $config.url = $Url }
  [IO.File]::WriteAllText((Join-Path $Dir 'config.json'), ($config | ConvertTo-Json -Compress))
  $m = [ordered]@{ name = 'ollama_chat'; description = 'Ollama Chat: checks and starts the local Ollama server'; path = $Launcher; type = 'stdio' }
  if ($ExtensionBrowser -eq 'firefox') { $m.allowed_extensions = @($ExtensionId) } else { $m.allowed_origins = @("chrome-extension://$ExtensionId/") }
  [IO.File]::WriteAllText($Manifest, ($m | ConvertTo-Json -Depth 5))
  foreach ($k in $Keys) {
    New-Item -Force -Path (Key $k) | Out-Null
    Set-ItemProperty -Path (Key $k) -Name '(default)' -Value $Manifest
    Write-Host "Registered with the browser: HKCU\Software\$k\NativeMessagingHosts\ollama_chat"
  }
  [IO.File]::WriteAllText((Join-Path $Dir 'installed-manifests'), ($Keys -join "`r`n"))
  Write-Host "Installed the Ollama Chat helper (version $HelperVersion) in $Dir"
  Write-Host "It starts Ollama with: $StartCommand"
  Write-Host 'Back in the browser, Settings shows "Helper installed"; reopen the panel if it does not.'
}

# ping and status, framed as the browser sends them; the replies' JSON.
function Ask-Host {
  $psi = New-Object System.Diagnostics.ProcessStartInfo 'cmd.exe', "/d /c `"$Launcher`""
  $psi.UseShellExecute = $false; $psi.RedirectStandardInput = $true; $psi.RedirectStandardOutput = $true
  $p = [System.Diagnostics.Process]::Start($psi)
  foreach ($body in '{"verb":"ping"}', '{"verb":"status"}') {
    $b = [Text.Encoding]::UTF8.GetBytes($body)
    $p.StandardInput.BaseStream.Write([BitConverter]::GetBytes([int32]$b.Length), 0, 4)
    $p.StandardInput.BaseStream.Write($b, 0, $b.Length)
  }
  $p.StandardInput.Close()
  $ms = New-Object IO.MemoryStream
  $p.StandardOutput.BaseStream.CopyTo($ms); $p.WaitForExit(10000) | Out-Null
  $all = $ms.ToArray(); $at = 0
  while ($at + 4 -le $all.Length) {
    $n = [BitConverter]::ToInt32($all, $at)
    Write-Host ('  ' + [Text.Encoding]::UTF8.GetString($all, $at + 4, $n)); $at += 4 + $n
  }
  return ($at -gt 0)
}

function Doctor {
  $bad = $false
  foreach ($f in $Launcher, (Join-Path $Dir 'host.ps1'), (Join-Path $Dir 'config.json')) {
    if (Test-Path $f) { Write-Host "ok: $f" } else { Write-Host "PROBLEM: missing $f"; $bad = $true }
  }
  foreach ($k in $Keys) {
    $v = (Get-ItemProperty -Path (Key $k) -ErrorAction SilentlyContinue).'(default)'
    if ($v -eq $Manifest -and (Test-Path $Manifest) -and (Get-Content -Raw $Manifest).Contains($ExtensionId)) { Write-Host "ok: registered for $k" }
    else { Write-Host "PROBLEM: not registered for $k"; $bad = $true }
  }
  if (-not $bad) { Write-Host 'The helper answers:'; if (-not (Ask-Host)) { Write-Host 'PROBLEM: the helper did not answer'; $bad = $true } }
  if ($bad) { exit 1 }
  Write-Host 'All good.'
}

function Uninstall {
  foreach ($k in $Keys) { Remove-Item -Force -Path (Key $k) -ErrorAction SilentlyContinue }
  foreach ($f in 'ollama_chat_host.bat', 'host.ps1', 'start.ps1', 'runner.ps1', 'config.json', 'ollama_chat.json', 'installed-manifests', 'last-exit', 'start-command.cmd', 'ollama-start.log', 'ollama-start.log.1') {
    Remove-Item -Force -ErrorAction SilentlyContinue (Join-Path $Dir $f)
  }
  Remove-Item -Recurse -Force -ErrorAction SilentlyContinue (Join-Path $Dir 'start.lock')
  if ((Test-Path $Dir) -and -not (Get-ChildItem -Force $Dir)) { Remove-Item $Dir }
  Write-Host 'Uninstalled the Ollama Chat helper. Ollama itself is untouched.'
}

switch ($Action) { 'install' { Install } 'doctor' { Doctor } 'uninstall' { Uninstall } }
