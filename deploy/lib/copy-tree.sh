# shellcheck shell=bash
# Sourced by install.sh and make-release.sh.

# Copies a source tree: what git tracks or would track (ignored files such as data/,
# dist/, node_modules/ or bench output stay behind); plain tar with excludes otherwise.
copy_tree() {
  local from=$1 to=$2
  if git -c safe.directory="$from" -C "$from" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    git -c safe.directory="$from" -C "$from" ls-files -z --cached --others --exclude-standard |
      (cd "$from" && while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done) |
      tar -C "$from" --null -T - -cf - | tar -C "$to" -xf -
  else
    tar -C "$from" --exclude=./node_modules --exclude=./.git --exclude=./data --exclude=./dist \
      --exclude=./.bench -cf - . | tar -C "$to" -xf -
  fi
}
