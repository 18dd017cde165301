"""The peer of `ledger-bench --peers`: the Python `eventsourcing` library (9.5.6) on SQLite.

It does the ledger's append work (events of about 300 bytes of JSON across 10,000 streams, in
transactions of 1, 10 and 1,000 events) and reads everything back, and prints one JSON object:

    {"append": {"1": events_per_s, "10": ..., "1000": ...},
     "read_raw": events_per_s, "read_decoded": events_per_s, "synchronous": 2, "version": "9.5.6"}

`read_raw` pages the notification log 1,000 rows at a time (stored records, like the ledger's cursor);
`read_decoded` also turns each one into a domain event. The library's defaults are kept: WAL, and
SQLite's compiled-in `synchronous` (FULL here, as the ledger uses).

Run it through `Tools/Benchmarks/peer/setup.sh`'s virtual environment:
    .venv/bin/python peer_bench.py --events 100000 --single-cap 5000
"""

import argparse
import json
import os
import shutil
import sqlite3
import tempfile
import time

import eventsourcing
from eventsourcing.application import Application
from eventsourcing.domain import Aggregate, event


class Contract(Aggregate):
    """One stream: a contract whose Autotask fields change."""

    @event("Imported")
    def __init__(self, number: int):
        self.number = number
        self.changes = 0

    @event("FieldChanged")
    def field_changed(self, field: str, before: str, after: str, sync_run: int, contract: dict, note: str):
        self.changes += 1


class Ledger(Application):
    """The peer application; everything is in its aggregates' events."""


def change(index: int) -> dict:
    """The attributes of one event, the same values the Swift bench writes (about 300 bytes as JSON)."""
    return {
        "field": "endDate",
        "before": "2025-12-31",
        "after": "2026-12-31",
        "sync_run": index % 97,
        "contract": {
            "id": f"LC-{index % 10_000}",
            "name": f"Managed Services {index}",
            "company": f"Company {index % 500}",
            "price": f"{1000 + index % 5000}.50",
            "units": index % 40,
        },
        "note": "renewal window opens in 60 days",
    }


def run_append(folder: str, events: int, streams: int, batch: int) -> tuple[float, str]:
    """Appends `events` events in transactions of `batch`; returns (events/s, database path)."""
    path = os.path.join(folder, f"peer-{batch}.sqlite")
    app = Ledger(env={"PERSISTENCE_MODULE": "eventsourcing.sqlite", "SQLITE_DBNAME": path})
    run = 1 if batch < 10 else 10
    contracts: dict[int, Contract] = {}
    started = time.perf_counter()
    index = 0
    while index < events:
        count = min(batch, events - index)
        pending = []
        offset = 0
        while offset < count:
            stream = (index + offset) // run % streams
            length = min(count - offset, run)
            aggregate = contracts.get(stream)
            for position in range(length):
                if aggregate is None:
                    # The stream's first event creates it, as the ledger's first append to a stream does.
                    aggregate = Contract(number=stream)
                    contracts[stream] = aggregate
                else:
                    aggregate.field_changed(**change(index + offset + position))
            pending.append(aggregate)
            offset += length
        app.save(*pending)
        index += count
    seconds = time.perf_counter() - started
    app.close()
    return events / seconds, path


def run_read(path: str) -> tuple[float, float, int]:
    """Reads every event back: raw notifications, then decoded into domain events; (raw/s, decoded/s, n)."""
    app = Ledger(env={"PERSISTENCE_MODULE": "eventsourcing.sqlite", "SQLITE_DBNAME": path, "CREATE_TABLE": "n"})
    started = time.perf_counter()
    count = 0
    start = 1
    while True:
        page = app.recorder.select_notifications(start, 1000)
        if not page:
            break
        count += len(page)
        start = page[-1].id + 1
    raw = count / (time.perf_counter() - started)
    started = time.perf_counter()
    decoded = 0
    start = 1
    while True:
        page = app.recorder.select_notifications(start, 1000)
        if not page:
            break
        for notification in page:
            app.mapper.to_domain_event(notification)
            decoded += 1
        start = page[-1].id + 1
    decoded_rate = decoded / (time.perf_counter() - started)
    app.close()
    return raw, decoded_rate, count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--streams", type=int, default=10_000)
    parser.add_argument("--single-cap", type=int, default=5_000, help="events at 1 per transaction")
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="peer-bench-")
    try:
        result: dict = {"append": {}, "version": eventsourcing.__version__ if hasattr(eventsourcing, "__version__") else "9.5.6"}
        last_path = ""
        for batch in (1, 10, 1000):
            count = min(args.events, args.single_cap) if batch == 1 else args.events
            rate, last_path = run_append(folder, count, min(args.streams, count), batch)
            result["append"][str(batch)] = rate
        raw, decoded, count = run_read(last_path)
        result["read_raw"] = raw
        result["read_decoded"] = decoded
        result["read_events"] = count
        with sqlite3.connect(last_path) as connection:
            result["synchronous"] = connection.execute("PRAGMA synchronous").fetchone()[0]
        print(json.dumps(result))
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
