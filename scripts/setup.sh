#!/usr/bin/env bash
# Installs what Viranomaisbotti needs on a fresh Debian/Ubuntu machine, and only what is missing:
# a JDK 17+, Maven, libvoikko with the Finnish dictionary, (with --browser) Chromium and
# ChromeDriver for the browser tests, and (with --postgres) the PostgreSQL server that
# scripts/test-postgres.sh starts for the storage tests. Safe to run again.
set -euo pipefail

want_browser=false
want_postgres=false
for arg in "$@"; do
  case "$arg" in
    --browser) want_browser=true ;;
    --postgres) want_postgres=true ;;
    *) echo "Unknown option $arg; use --browser and/or --postgres." >&2; exit 1 ;;
  esac
done

missing=()
command -v javac >/dev/null 2>&1 || missing+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null 2>&1 || missing+=(maven)
ldconfig -p 2>/dev/null | grep -q 'libvoikko\.so\.1' || missing+=(libvoikko1)
{ [ -d /usr/lib/voikko ] || [ -d /usr/share/voikko ]; } || missing+=(voikko-fi)
if $want_browser; then
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
fi
if $want_postgres; then
  # The server programs live under /usr/lib/postgresql/<version>/bin, not on the PATH.
  compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql)
fi

if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { echo "Need root or sudo to install ${missing[*]}" >&2; exit 1; }
    sudo=sudo
  fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

java_major=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/ *java.specification.version = //p')
if [ "${java_major%%.*}" -lt 17 ] 2>/dev/null; then
  echo "Java 17 or newer is needed, found $java_major. Install openjdk-17-jdk-headless or set JAVA_HOME." >&2
  exit 1
fi
