#!/usr/bin/env bash
# Records the package's current public API in src/ChannelMetrics/PublicAPI.Unshipped.txt:
# adds what RS0016 reports as undeclared and drops what RS0017 reports as gone.
# Run it after a deliberate API change, then review the diff of PublicAPI.Unshipped.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
project=src/ChannelMetrics/ChannelMetrics.csproj
api=src/ChannelMetrics/PublicAPI.Unshipped.txt
log=$(dotnet build "$project" --no-incremental -p:TreatWarningsAsErrors=false 2>&1 || true)
added=$(grep -oP "RS0016: Symbol '\K.*?(?=' is not part of the declared public API)" <<<"$log" | sort -u || true)
removed=$(grep -oP "RS0017: Symbol '\K.*?(?=' is part of the declared API)" <<<"$log" | sort -u || true)
{
  echo '#nullable enable'
  { grep -v '^#nullable enable$' "$api" | grep -vxF -f <(printf '%s\n' "$removed" | sed '/^$/d') || true; printf '%s\n' "$added"; } \
    | sed '/^$/d' | LC_ALL=C sort -u
} > "$api.tmp"
mv "$api.tmp" "$api"
echo "PublicAPI.Unshipped.txt: $(grep -c . <<<"$added" || true) added, $(grep -c . <<<"$removed" || true) removed"
