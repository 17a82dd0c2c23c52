# Runs the start command (start-command.cmd, written by start.ps1) with its output appended to the
# start log, and writes its exit code when it ends. Started outside the browser's job. UNTESTED HERE.
$log = $env:OLLAMA_CHAT_LOG
$status = $env:OLLAMA_CHAT_STATUS
$code = 1
try {
  & cmd.exe /d /c (Join-Path $env:OLLAMA_CHAT_DIR 'start-command.cmd') 2>&1 | ForEach-Object { [IO.File]::AppendAllText($log, "$_`r`n") }
  $code = $LASTEXITCODE
} catch {
  [IO.File]::AppendAllText($log, "$_`r`n")
}
[IO.File]::WriteAllText("$status.tmp", "$code")
Move-Item -Force "$status.tmp" $status
