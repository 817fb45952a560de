# Sourced by ./mvnw, ./parcours and .ci/run: makes JAVA_HOME point at a JDK 25 or newer.
# The machine's default java may be older (17 on ours); the build targets Java 25.

parcours_java_major() {
  # $1: a JDK home. Prints its feature version (25 for 25.0.3), nothing when it is not a JDK.
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 0
  if [ -f "$1/release" ]; then
    sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release"
  else
    "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p'
  fi
}

parcours_find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ "$(parcours_java_major "$JAVA_HOME")" -ge 25 ] 2>/dev/null; then
    return 0
  fi
  if command -v javac >/dev/null 2>&1; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    if [ "$(parcours_java_major "$candidate")" -ge 25 ] 2>/dev/null; then
      JAVA_HOME=$candidate
      export JAVA_HOME
      return 0
    fi
  fi
  for candidate in /usr/lib/jvm/*25* /usr/lib/jvm/* /opt/java/* /opt/*jdk* "$HOME"/.sdkman/candidates/java/* \
    "$HOME"/.jdks/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -d "$candidate" ] || continue
    if [ "$(parcours_java_major "$candidate")" -ge 25 ] 2>/dev/null; then
      JAVA_HOME=$candidate
      export JAVA_HOME
      return 0
    fi
  done
  cat >&2 <<'MSG'
Parcours needs a JDK 25 (or newer) and found none.
  Install one, for example Eclipse Temurin 25:
    Debian/Ubuntu: https://adoptium.net/installation/linux/ then `apt install temurin-25-jdk`
    macOS:         `brew install --cask temurin@25`
    SDKMAN:        `sdk install java 25-tem`
  or point JAVA_HOME at an installed JDK 25.
MSG
  return 1
}

parcours_find_jdk || exit 1
