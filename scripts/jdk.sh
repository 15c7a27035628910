# Sourced by the scripts: picks a JDK >= 21 for Maven and java (the machine's default java may be older).
guildhall_pick_jdk() {
  local candidate version
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] || continue
    version=$("$candidate/bin/javac" -version 2>&1 | sed -E 's/^javac ([0-9]+).*/\1/')
    if [ "${version:-0}" -ge 21 ] 2>/dev/null; then
      export JAVA_HOME="$candidate"
      export PATH="$JAVA_HOME/bin:$PATH"
      return 0
    fi
  done
  echo "Guildhall needs a JDK >= 21: install one (for example openjdk-21-jdk) or set JAVA_HOME." >&2
  return 1
}
guildhall_pick_jdk
