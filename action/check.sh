#!/usr/bin/env bash
# The GitHub Action's check step (action.yml): runs outlint on the action's inputs and leaves the
# annotations (stdout), the SARIF report and the job summary. Inputs come from the environment:
# OUTLINT_PATHS and OUTLINT_ARGS hold one path or argument a line, so that a value may hold spaces.
set -uo pipefail

items() {  # one item a line, surrounding blanks and a CR (a file edited on Windows) dropped
  local line
  while IFS= read -r line || [ -n "$line" ]; do
    line="${line%$'\r'}"
    line="${line#"${line%%[![:space:]]*}"}"
    line="${line%"${line##*[![:space:]]}"}"
    if [ -n "$line" ]; then printf '%s\0' "$line"; fi
  done <<< "$1"
}

mapfile -d '' -t paths < <(items "${OUTLINT_PATHS:-.}")
mapfile -d '' -t args < <(items "${OUTLINT_ARGS:-}")
if [ "${#paths[@]}" -eq 0 ]; then paths=(.); fi
category="${OUTLINT_CATEGORY:-outlint}"
name="${category//[^A-Za-z0-9._-]/-}"
sarif="${OUTLINT_SARIF:-${RUNNER_TEMP:?}/$name.sarif}"
summary="${RUNNER_TEMP:?}/$name-summary.md"
rm -f -- "$sarif" "$summary"  # what an earlier run left must not pass for this run's reports
formats=(--format github --format "sarif:$sarif")
if [ "${OUTLINT_SUMMARY:-true}" = true ]; then formats+=(--format "markdown:$summary"); fi

"${OUTLINT:-outlint}" check "${formats[@]}" "${args[@]}" -- "${paths[@]}"
code=$?
echo "exit-code=$code" >> "${GITHUB_OUTPUT:?}"
if [ -f "$sarif" ]; then echo "sarif-file=$sarif" >> "$GITHUB_OUTPUT"; fi
if [ -f "$summary" ] && [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then cat "$summary" >> "$GITHUB_STEP_SUMMARY"; fi
exit 0  # the action's last step fails the job on this code, after the upload
