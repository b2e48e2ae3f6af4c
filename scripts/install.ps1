# Installs rk, the referat compiler, on Windows from its prebuilt release
# archive:
#
#   powershell -ExecutionPolicy Bypass -c "irm https://github.com/OWNER/rk/releases/latest/download/install.ps1 | iex"
#
# Downloads rk-vVERSION-x86_64-pc-windows-gnu.zip and the release's
# SHA256SUMS, refuses an archive whose SHA-256 differs (installing nothing),
# and puts rk.exe into %USERPROFILE%\.local\bin, saying how to add that to
# PATH when it is not there.
#
# Settings (environment variables), as for install.sh:
#   RK_VERSION       the version to install (default: the one this script
#                    was released with)
#   RK_INSTALL_DIR   where rk.exe goes (default: %USERPROFILE%\.local\bin)
#   RK_DOWNLOAD_URL  the folder holding the archives and SHA256SUMS (default:
#                    the GitHub release of RK_VERSION; set it for a mirror)
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'

function Get-Setting($Name, $Default) {
    $value = [Environment]::GetEnvironmentVariable($Name)
    if ([string]::IsNullOrEmpty($value)) { return $Default }
    return $value
}

# The release workflow writes the repository and version of the release
# into the copy of this script it publishes.
$Repository = Get-Setting 'RK_REPOSITORY' 'example/rk'
$Version = (Get-Setting 'RK_VERSION' '0.1.0').TrimStart('v')
$BaseUrl = Get-Setting 'RK_DOWNLOAD_URL' "https://github.com/$Repository/releases/download/v$Version"
$InstallDir = Get-Setting 'RK_INSTALL_DIR' (Join-Path $HOME '.local\bin')

# An error, not `exit`: run as `irm ... | iex`, exit would close the
# user's PowerShell.
function Fail($Message) {
    throw "rk install: error: $Message"
}

$machine = $env:PROCESSOR_ARCHITECTURE
if ($machine -ne 'AMD64' -and $machine -ne 'ARM64') {
    Fail "no prebuilt rk for the processor $machine; build it with cargo (see the README)"
}
# x86_64 also on ARM64 Windows, which runs it emulated.
$target = 'x86_64-pc-windows-gnu'
$archive = "rk-v$Version-$target.zip"
$work = Join-Path ([IO.Path]::GetTempPath()) ("rk-install-" + [Guid]::NewGuid())
New-Item -ItemType Directory -Path $work | Out-Null
try {
    Write-Host "rk install: downloading $BaseUrl/$archive"
    try {
        Invoke-WebRequest -UseBasicParsing -Uri "$BaseUrl/SHA256SUMS" -OutFile (Join-Path $work 'SHA256SUMS')
        Invoke-WebRequest -UseBasicParsing -Uri "$BaseUrl/$archive" -OutFile (Join-Path $work $archive)
    } catch {
        Fail "cannot download from ${BaseUrl}: $($_.Exception.Message)"
    }
    $expected = $null
    foreach ($line in Get-Content (Join-Path $work 'SHA256SUMS')) {
        $fields = $line -split '\s+', 2
        if ($fields.Count -eq 2 -and $fields[1].TrimStart('*') -eq $archive) { $expected = $fields[0].ToLower() }
    }
    if (-not $expected) { Fail "SHA256SUMS names no ${archive}: nothing was installed" }
    $actual = (Get-FileHash -Algorithm SHA256 (Join-Path $work $archive)).Hash.ToLower()
    if ($actual -ne $expected) {
        Fail "the SHA-256 of $archive is $actual, but SHA256SUMS says ${expected}: the download is damaged or not the release's; nothing was installed"
    }
    Write-Host "rk install: SHA-256 verified: $actual"

    Expand-Archive -Path (Join-Path $work $archive) -DestinationPath $work
    $binary = Join-Path $work "rk-v$Version-$target\rk.exe"
    if (-not (Test-Path $binary)) { Fail "$archive holds no rk.exe: nothing was installed" }
    New-Item -ItemType Directory -Force -Path $InstallDir | Out-Null
    $installed = Join-Path $InstallDir 'rk.exe'
    Copy-Item -Force $binary "$installed.new"
    Move-Item -Force "$installed.new" $installed
    Write-Host "rk install: installed $(& $installed --version) to $installed"
} finally {
    Remove-Item -Recurse -Force $work -ErrorAction SilentlyContinue
}

$userPath = [Environment]::GetEnvironmentVariable('Path', 'User')
$onPath = ($env:Path -split ';') + ($userPath -split ';') | Where-Object { $_ -eq $InstallDir }
if ($onPath) {
    Write-Host 'rk install: run: rk --help'
} else {
    Write-Host "rk install: $InstallDir is not on your PATH; add it (then open a new terminal):"
    Write-Host "rk install:   [Environment]::SetEnvironmentVariable('Path', `"$InstallDir;`" + [Environment]::GetEnvironmentVariable('Path', 'User'), 'User')"
}
