// @ts-check
// The PowerShell script the host runs on Windows to create the runner outside the browser's job
// (see spawn.mjs for why). It reads the runner's command line from OLLAMA_CHAT_RUNNER_LINE, so no
// path is ever spliced into code, and prints "<pid> breakaway" or "<pid> in-job".
// Windows PowerShell 5.1 compiles this with C# 5: no string interpolation, no `=>` members.
// bInheritHandles is false: the runner must not keep the host's pipes (or PowerShell's) open.
export const BREAKAWAY_SCRIPT = `$ErrorActionPreference = 'Stop'
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
[OllamaChatBreakaway]::Start($env:OLLAMA_CHAT_RUNNER_LINE)
`;
