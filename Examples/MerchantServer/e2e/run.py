#!/usr/bin/env python3
"""End-to-end test of the reference merchant server, as merchants deploy it.

PostgreSQL on loopback, `cryptopay sandbox serve` delivering every provider's webhooks alternately to two instances
of the server (and every webhook twice), checkouts at all five providers through both instances, payments in full,
in part, over and expiries, a forged webhook, a provider outage while an unsigned webhook is confirmed by lookup,
one instance killed and restarted mid-run, then a load run. Every assertion is read from the database.

Standard library only. Usage (from the repository root, after building both packages):
    python3 Examples/MerchantServer/e2e/run.py --cryptopay .build/debug/cryptopay \
        --server Examples/MerchantServer/.build/debug/MerchantServer [--load 1000]
"""

import argparse
import concurrent.futures
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
PROVIDERS = ["usegateway", "storegateway", "usdtinvoice", "onexgate", "openpos"]
SIGNED = {"usegateway", "storegateway", "usdtinvoice"}

# What each provider can express (the library refuses the rest with 422): the amount's currency and the asset paid.
CHECKOUT = {
    "usegateway": {"amount": "10.00", "currency": "USD", "pay_asset": "USDT", "pay_network": "tron"},
    "storegateway": {"amount": "10.00", "currency": "USD", "pay_asset": "USDT", "pay_network": "tron"},
    "usdtinvoice": {"amount": "10.00", "currency": "USDT", "pay_asset": "USDT", "pay_network": "tron"},
    "onexgate": {"amount": "10.00", "currency": "USDT", "pay_asset": "USDT", "pay_network": "tron"},
    "openpos": {"amount": "10.00", "currency": "USD", "pay_asset": "LTC"},
}

FAILURES = []
PASSED = [0]


def check(condition, message):
    if condition:
        PASSED[0] += 1
    else:
        FAILURES.append(message)
        print("FAIL: " + message, flush=True)
    return condition


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http(method, url, body=None, headers=None, timeout=60):
    data = None if body is None else (body if isinstance(body, bytes) else json.dumps(body).encode())
    request = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    if body is not None and "Content-Type" not in (headers or {}):
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            payload = response.read()
            return response.status, json.loads(payload) if payload else None
    except urllib.error.HTTPError as error:
        payload = error.read()
        try:
            return error.code, json.loads(payload) if payload else None
        except ValueError:
            return error.code, payload.decode(errors="replace")


class Process:
    """A child process whose standard output is kept, line by line."""

    def __init__(self, name, argv, env, log_path):
        self.name = name
        self.argv = argv
        self.env = env
        self.log_path = log_path
        self.lines = []
        self.lock = threading.Lock()
        self.start()

    def start(self):
        self.log = open(self.log_path, "a")
        self.process = subprocess.Popen(
            self.argv, env=self.env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1)
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self):
        for line in self.process.stdout:
            self.log.write(line)
            self.log.flush()
            with self.lock:
                self.lines.append(line.rstrip("\n"))

    def snapshot(self):
        with self.lock:
            return list(self.lines)

    def wait_for_line(self, prefix, timeout=120):
        deadline = time.time() + timeout
        while time.time() < deadline:
            for line in self.snapshot():
                if line.startswith(prefix):
                    return line
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} exited with {self.process.returncode}; see {self.log_path}")
            time.sleep(0.05)
        raise RuntimeError(f"{self.name} printed no line starting {prefix!r} in {timeout} s; see {self.log_path}")

    def stop(self, sig=signal.SIGTERM):
        if self.process.poll() is None:
            self.process.send_signal(sig)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.reader.join(timeout=5)
        self.log.close()


class Harness:
    def __init__(self, args):
        self.args = args
        self.work = tempfile.mkdtemp(prefix="merchant-e2e-")
        os.chmod(self.work, 0o755)  # the database cluster belongs to the postgres user
        self.processes = []
        self.orders = {}  # order_id -> {"provider", "scenario", "checkout_id", "webhooks": [bodies]}
        self.next_order = 0

    # Setup

    def start_database(self):
        out = subprocess.run(
            [os.path.join(HERE, "..", "scripts", "postgres.sh"), "start", os.path.join(self.work, "pg"),
             str(self.pg_port)], check=True, capture_output=True, text=True).stdout
        self.database_url = out.strip().split("=", 1)[1]

    def stop_database(self):
        subprocess.run([os.path.join(HERE, "..", "scripts", "postgres.sh"), "stop", os.path.join(self.work, "pg")],
                       check=True)

    def start(self):
        self.pg_port = free_port()
        self.start_database()
        self.ports = {"a": free_port(), "b": free_port()}
        webhook_urls = []
        for provider in PROVIDERS:
            for name in ["a", "b"]:
                webhook_urls += ["--webhook-url",
                                 f"{provider}=http://127.0.0.1:{self.ports[name]}/webhooks/{provider}"]
        self.sandbox = Process(
            "sandbox",
            [self.args.cryptopay, "sandbox", "serve", "--port", "0", "--duplicate-webhooks",
             "--retry-base-ms", str(self.args.retry_base_ms)] + webhook_urls,
            dict(os.environ), os.path.join(self.work, "sandbox.log"))
        self.processes.append(self.sandbox)
        self.sandbox.wait_for_line("# cryptopay sandbox serving")
        self.sandbox_env = {}
        for line in self.sandbox.snapshot():
            if "=" in line and not line.startswith("#") and line.split("=", 1)[0].isupper():
                name, value = line.split("=", 1)
                self.sandbox_env[name] = value
        self.control = self.sandbox_env["CRYPTOPAY_SANDBOX_URL"].rstrip("/") + "/_sandbox"
        self.instances = {name: self.start_instance(name) for name in ["a", "b"]}

    def start_instance(self, name):
        env = dict(os.environ)
        env.update(self.sandbox_env)
        env.update({"PORT": str(self.ports[name]), "DATABASE_URL": self.database_url, "INSTANCE_NAME": name})
        process = Process(f"instance {name}", [self.args.server], env, os.path.join(self.work, f"instance-{name}.log"))
        self.processes.append(process)
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                if http("GET", self.url(name, "/health"), timeout=2)[0] == 200:
                    return process
            except OSError:
                pass
            if process.process.poll() is not None:
                raise RuntimeError(f"instance {name} exited; see {process.log_path}")
            time.sleep(0.1)
        raise RuntimeError(f"instance {name} is not healthy after 60 s")

    def url(self, instance, path):
        return f"http://127.0.0.1:{self.ports[instance]}{path}"

    def stop(self):
        for process in reversed(self.processes):
            process.stop()
        self.stop_database()

    def sql(self, query):
        out = subprocess.run(["psql", self.database_url, "-At", "-F", "\t", "-c", query], check=True,
                             capture_output=True, text=True).stdout
        return [line.split("\t") for line in out.splitlines() if line]

    # Actions

    def create(self, provider, scenario, instance):
        self.next_order += 1
        order_id = f"order-{provider}-{scenario}-{self.next_order}"
        body = dict(CHECKOUT[provider], order_id=order_id, provider=provider)
        status, answer = http("POST", self.url(instance, "/checkouts"), body)
        check(status == 201, f"{order_id}: POST /checkouts answered {status} {answer}")
        self.orders[order_id] = {"provider": provider, "scenario": scenario, "checkout_id": answer.get("checkout_id"),
                                 "webhooks": []}
        return order_id, body, answer

    def change(self, order_id, action, body=None):
        order = self.orders[order_id]
        status, answer = http(
            "POST", f"{self.control}/{order['provider']}/checkouts/{order['checkout_id']}/{action}", body or {})
        check(status == 200, f"{order_id}: sandbox {action} answered {status} {answer}")
        if isinstance(answer, dict):
            order["webhooks"] += [webhook["body"] for webhook in answer.get("webhooks", [])]
        return answer

    def wait_until_settled(self, order_ids, timeout=120):
        """Waits until every order has reached its expected status and the sandbox has no delivery in flight."""
        deadline = time.time() + timeout
        pending = set(order_ids)
        while pending and time.time() < deadline:
            rows = self.sql("SELECT order_id, status FROM orders")
            statuses = dict((row[0], row[1]) for row in rows)
            pending = {o for o in pending if statuses.get(o) != self.orders[o].get("expected")}
            if pending:
                time.sleep(0.2)
        return pending


def run(args):
    harness = Harness(args)
    started = time.time()
    try:
        harness.start()
        scenarios(harness)
        if args.load:
            load(harness, args.load)
        summary(harness, time.time() - started)
    finally:
        harness.stop()
        print(f"logs and database in {harness.work}", flush=True)
    print(f"end-to-end: {time.time() - started:.1f} s", flush=True)
    print(f"e2e: {PASSED[0]} passed, {len(FAILURES)} failed", flush=True)
    if FAILURES:
        return 1
    shutil.rmtree(harness.work, ignore_errors=True)
    return 0


# What each payment does to the order, in the unified status names (`GET /orders/:id`'s `status`).
PAYMENTS = {
    "full": ("pay", {}),
    "partial": ("pay", {"partial": "PARTIAL"}),
    "over": ("pay", {"over": "1"}),
    "expire": ("expire", {}),
}
EXPECTED = {
    "full": "paid",
    "partial": "partiallyPaid",
    "over": "overpaid",
    "expire": "expired",
}


# An amount of the pay asset well under what 10.00 asks for.
PARTIAL = {"usegateway": "4", "storegateway": "4", "usdtinvoice": "4", "onexgate": "4", "openpos": "0.01"}


def expected_status(provider, scenario):
    return EXPECTED_OVERRIDES.get((provider, scenario), EXPECTED[scenario])


# Providers whose documents have no separate status for an overpayment report it as paid.
EXPECTED_OVERRIDES = {
    # UseGateway marks a payment of the wrong amount Unresolved, for the merchant to resolve.
    ("usegateway", "partial"): "needsReview",
    ("usegateway", "over"): "needsReview",
    # The Store Gateway and the POS API complete an overpaid payment; the USDT invoice API confirms it.
    ("storegateway", "over"): "paid",
    ("openpos", "over"): "paid",
    ("usdtinvoice", "over"): "paid",
    ("onexgate", "over"): "paid",
    # The USDT invoice API sends a webhook only when an invoice is confirmed (its document, "Webhook"): a partial
    # payment or an expiry changes nothing the merchant hears of, and the order stays pending.
    ("usdtinvoice", "partial"): "pending",
    ("usdtinvoice", "expire"): "pending",
}

# The POS API has no expiry (a point of sale cancels an abandoned payment itself).
SKIPPED = {("openpos", "expire")}


def scenarios(harness):
    """Every provider, every kind of payment, through both instances; then the failure cases."""
    instances = ["a", "b"]
    created = []
    cases = [(p, s) for p in PROVIDERS for s in PAYMENTS if (p, s) not in SKIPPED]
    for index, (provider, scenario) in enumerate(cases):
        first, second = instances[index % 2], instances[(index + 1) % 2]
        order_id, body, answer = harness.create(provider, scenario, first)
        # The same order again, through the other instance: the same checkout, never a second one.
        status, again = http("POST", harness.url(second, "/checkouts"), body)
        check(status == 200 and again.get("checkout_id") == answer.get("checkout_id"),
              f"{order_id}: repeated POST /checkouts via {second} answered {status} {again}")
        harness.orders[order_id]["expected"] = expected_status(provider, scenario)
        created.append(order_id)
    for order_id in created:
        action, body = PAYMENTS[harness.orders[order_id]["scenario"]]
        if body.get("partial"):
            body = {"partial": PARTIAL[harness.orders[order_id]["provider"]]}
        harness.change(order_id, action, body)
    pending = harness.wait_until_settled(created)
    for order_id in created:
        order = harness.orders[order_id]
        status, answer = http("GET", harness.url("a", f"/orders/{order_id}"))
        check(order_id not in pending, f"{order_id} ({order['provider']} {order['scenario']}): "
              f"status {answer.get('status')}, expected {order['expected']}")
    assert_exactly_once(harness, created)
    concurrent_creates(harness)
    forged_webhook(harness)
    outage_during_lookup(harness)
    unknown_create_outcome(harness)
    database_outage(harness)
    restart_mid_run(harness)


def assert_exactly_once(harness, order_ids):
    """Every event applied once: no status change doubled, none lost, no event the provider did not send."""
    rows = harness.sql("SELECT order_id, idempotency_key, status, changed_order FROM webhook_events")
    by_order = {}
    for order_id, key, status, changed in rows:
        by_order.setdefault(order_id, []).append((key, status, changed == "t"))
    for order_id in order_ids:
        order = harness.orders[order_id]
        events = by_order.get(order_id, [])
        changes = [status for _, status, changed in events if changed]
        check(len(changes) == len(set(changes)), f"{order_id}: a status change applied twice: {changes}")
        sent = len(set(order["webhooks"]))
        if sent:
            check(order["expected"] in changes, f"{order_id}: no event moved it to {order['expected']}: {events}")
        check(min(sent, 1) <= len(events) <= sent,
              f"{order_id}: {len(events)} events applied, {sent} distinct webhooks sent")
        if order["provider"] in SIGNED:
            # Signed events are keyed by what is signed: each distinct webhook the provider sent is one event.
            check(len(events) == sent, f"{order_id}: {len(events)} signed events applied, {sent} sent")


def concurrent_creates(harness):
    """Two instances asked for one order at the same moment create one checkout."""
    harness.next_order += 1
    order_id = f"order-concurrent-{harness.next_order}"
    body = dict(CHECKOUT["usegateway"], order_id=order_id, provider="usegateway")
    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        answers = list(pool.map(lambda i: http("POST", harness.url("ab"[i % 2], "/checkouts"), body), range(4)))
    statuses = sorted(status for status, _ in answers)
    ids = {answer.get("checkout_id") for _, answer in answers}
    check(statuses == [200, 200, 200, 201] and len(ids) == 1,
          f"concurrent creates of one order: {statuses}, checkout ids {ids}")


def forged_webhook(harness):
    """A webhook that is not the provider's is refused, and the order does not move."""
    order_id, _, answer = harness.create("usegateway", "forged", "a")
    forged = json.dumps({"type": "payment.confirmed", "data": {"id": answer["checkout_id"]}}).encode()
    headers = {"Content-Type": "application/json", "svix-id": "msg_forged", "svix-timestamp": str(int(time.time())),
               "svix-signature": "v1,bm90IGEgc2lnbmF0dXJl"}
    status, _ = http("POST", harness.url("b", "/webhooks/usegateway"), forged, headers)
    check(status == 400, f"forged webhook answered {status}, expected 400")
    status, _ = http("POST", harness.url("b", "/webhooks/nosuchprovider"), forged, headers)
    check(status == 404, f"webhook for an unconfigured provider answered {status}, expected 404")
    rows = harness.sql(f"SELECT status FROM orders WHERE order_id = '{order_id}'")
    check(rows == [["pending"]] or rows == [["created"]], f"forged webhook moved {order_id}: {rows}")
    events = harness.sql(f"SELECT count(*) FROM webhook_events WHERE order_id = '{order_id}'")
    check(events == [["0"]], f"forged webhook recorded events for {order_id}: {events}")


def outage_during_lookup(harness):
    """The provider's API fails while an unsigned webhook is confirmed: 5xx, redelivery, paid once it is back."""
    for provider in ["onexgate", "openpos"]:
        order_id, _, _ = harness.create(provider, "outage", "a")
        harness.orders[order_id]["expected"] = "paid"
        lines_before = len(harness.sandbox.snapshot())
        status, answer = http("PUT", f"{harness.control}/{provider}/fault", {"kind": "503", "seconds": 3})
        check(status == 200, f"setting a fault answered {status} {answer}")
        harness.change(order_id, "pay")
        pending = harness.wait_until_settled([order_id], timeout=60)
        check(not pending, f"{order_id}: not paid after the {provider} outage")
        attempts = [line for line in harness.sandbox.snapshot()[lines_before:]
                    if line.startswith(f"webhook provider={provider}")]
        check(any(" status=503" in line for line in attempts),
              f"{provider}: no delivery was answered 503 during the outage: {attempts}")
        assert_exactly_once(harness, [order_id])


def unknown_create_outcome(harness):
    """A create answered 500 may have happened: the order stays claimed and is never created a second time."""
    def onexgate_checkouts():
        return sum(1 for c in http("GET", f"{harness.control}/checkouts")[1]["checkouts"] if c["provider"] == "onexgate")

    before = onexgate_checkouts()
    status, answer = http("PUT", f"{harness.control}/onexgate/fault", {"kind": "500", "times": 1})
    check(status == 200, f"setting a fault answered {status} {answer}")
    body = dict(CHECKOUT["onexgate"], order_id="order-unknown-outcome", provider="onexgate")
    first, _ = http("POST", harness.url("a", "/checkouts"), body)
    again, answer = http("POST", harness.url("b", "/checkouts"), body)
    check((first, again) == (503, 409), f"create after a 500, then again: {first}, {again} {answer}")
    rows = harness.sql("SELECT status, coalesce(checkout_id, '') FROM orders WHERE order_id = 'order-unknown-outcome'")
    check(rows == [["outcomeUnknown", ""]], f"the order after an unknown outcome: {rows}")
    check(onexgate_checkouts() == before, "a create of unknown outcome was sent again")


def database_outage(harness):
    """The database goes away: /health says so, webhooks get 503 and are redelivered, all recovers without restarts."""
    order_id, _, _ = harness.create("storegateway", "database-outage", "a")
    harness.orders[order_id]["expected"] = "paid"
    harness.stop_database()
    try:
        statuses = [http("GET", harness.url(name, "/health"), timeout=10)[0] for name in ["a", "b"]]
        check(statuses == [503, 503], f"/health while the database is down: {statuses}")
        harness.change(order_id, "pay")
        time.sleep(2)
    finally:
        harness.start_database()
    pending = harness.wait_until_settled([order_id], timeout=90)
    check(not pending, f"{order_id}: not paid after the database came back")
    statuses = [http("GET", harness.url(name, "/health"), timeout=10)[0] for name in ["a", "b"]]
    check(statuses == [200, 200], f"/health after the database came back: {statuses}")
    assert_exactly_once(harness, [order_id])


def restart_mid_run(harness):
    """One instance is killed while webhooks are being delivered and comes back: nothing is lost."""
    order_ids = []
    for index in range(10):
        provider = PROVIDERS[index % len(PROVIDERS)]
        order_id, _, _ = harness.create(provider, "restart", "ab"[index % 2])
        harness.orders[order_id]["expected"] = "paid"
        order_ids.append(order_id)
    for index, order_id in enumerate(order_ids):
        harness.change(order_id, "pay")
        if index == 3:
            harness.instances["b"].stop(signal.SIGKILL)
    time.sleep(1)
    harness.instances["b"] = harness.start_instance("b")
    pending = harness.wait_until_settled(order_ids, timeout=120)
    check(not pending, f"orders not paid after an instance restart: {sorted(pending)}")
    assert_exactly_once(harness, order_ids)


def load(harness, count):
    """`count` checkouts across the five providers through both instances, 50 in flight, each paid in full."""
    print(f"load: {count} checkouts, 50 in flight", flush=True)
    started = time.time()
    lines_before = {name: len(process.snapshot()) for name, process in harness.instances.items()}

    def create(index):
        provider = PROVIDERS[index % len(PROVIDERS)]
        order_id, _, _ = harness.create(provider, "load", "ab"[index % 2])
        harness.orders[order_id]["expected"] = "paid"
        return order_id

    with concurrent.futures.ThreadPoolExecutor(50) as pool:
        order_ids = list(pool.map(create, range(count)))
        created = time.time()
        list(pool.map(lambda order_id: harness.change(order_id, "pay"), order_ids))
    paid = time.time()
    pending = harness.wait_until_settled(order_ids, timeout=600)
    settled = time.time()
    check(not pending, f"load: {len(pending)} orders not paid: {sorted(pending)[:5]}")
    assert_exactly_once(harness, order_ids)

    handled = []
    for name, process in harness.instances.items():
        for line in process.snapshot()[lines_before.get(name, 0):]:
            if "webhook applied" in line or "webhook already applied" in line:
                for field in line.split():
                    if field.startswith("handled_us="):
                        handled.append(int(field.split("=", 1)[1]))
    handled.sort()
    p50 = handled[len(handled) // 2] / 1000 if handled else 0
    p99 = handled[min(len(handled) - 1, int(len(handled) * 0.99))] / 1000 if handled else 0
    print(f"load: {count} checkouts created in {created - started:.1f} s ({count / (created - started):.0f}/s), "
          f"paid in {paid - created:.1f} s, all webhooks applied {settled - paid:.1f} s later; "
          f"{len(handled)} webhook deliveries handled, p50 {p50:.1f} ms, p99 {p99:.1f} ms; "
          f"lost {len(pending)}, doubled {doubled(harness, order_ids)}", flush=True)


def doubled(harness, order_ids):
    """Status changes applied twice to one order (the exactly-once check's count)."""
    rows = harness.sql("SELECT order_id, status, count(*) FROM webhook_events WHERE changed_order "
                       "GROUP BY order_id, status HAVING count(*) > 1")
    wanted = set(order_ids)
    return sum(1 for row in rows if row[0] in wanted)


def summary(harness, seconds):
    orders = harness.sql("SELECT count(*) FROM orders")[0][0]
    events = harness.sql("SELECT count(*) FROM webhook_events")[0][0]
    attempts = [line for line in harness.sandbox.snapshot() if line.startswith("webhook provider=")]
    delivered = sum(1 for line in attempts if " status=2" in line)
    duplicates = sum(1 for process in harness.instances.values() for line in process.snapshot()
                     if "webhook already applied" in line)
    print(f"summary: {orders} orders, {len(attempts)} delivery attempts, {delivered} deliveries answered 2xx, "
          f"{events} events applied, {duplicates} duplicates dropped, {seconds:.1f} s", flush=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cryptopay", required=True)
    parser.add_argument("--server", required=True)
    parser.add_argument("--load", type=int, default=1000)
    parser.add_argument("--retry-base-ms", type=int, default=250)
    sys.exit(run(parser.parse_args()))
