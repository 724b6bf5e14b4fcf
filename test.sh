#!/usr/bin/env bash
# Every test: .NET unit and integration tests, then the Node tests (Teams manifest, Agents Playground end-to-end).
set -euo pipefail
cd "$(dirname "$0")"

[ -d node_modules/@microsoft/m365agentsplayground ] || npm ci --no-audit --no-fund
dotnet build OpinionBot.sln -c Release
dotnet test OpinionBot.sln -c Release --no-build
npm test
