#!/bin/sh
# Builds the executables the campaigns drive and runs every reliability and security campaign at full scale.
# usage: Tools/Reliability/run-campaigns.sh [--seed N] [--short] [crash|faults|tamper|concurrency|bad-input|hostile-server|disk-full|file-system ...]
# The last line is the summary of counts; the exit status is 1 when a campaign found a broken promise.
set -eu
cd "$(dirname "$0")/../.."
for product in contracts ledger-replay LogAppendWorker ledger-campaigns; do
    swift build --product "$product" >/dev/null
done
exec "$(swift build --show-bin-path)/ledger-campaigns" "$@"
