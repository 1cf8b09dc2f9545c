#!/usr/bin/env bash
# Every test, inside one keyring session: unit, integration against the real-server rig, then E2E in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
exec bash test/with-keyring.sh bash -c 'npx vitest run && npx playwright test'
