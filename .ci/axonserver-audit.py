#!/usr/bin/env python3
"""The audit toolset exercised as a client would, against a running Wrench (any profile; .ci/axonserver-audit
runs it on the axonserver profile). Prints one PASS/FAIL line per check and exits 1 if any failed.

    python3 .ci/axonserver-audit.py http://localhost:18090 api/target/wrench.jar

Every wait is bounded (WAIT seconds, default 60). Only the standard library is used.
"""
import base64
import gzip
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from datetime import datetime, timezone

BASE = sys.argv[1].rstrip("/")
JAR = sys.argv[2] if len(sys.argv) > 2 else None
WAIT = float(os.environ.get("WAIT", "60"))
failures = []
figures = {}


def check(name, ok, detail=""):
    print(("PASS " if ok else "FAIL ") + name + ("" if ok or not detail else " — " + str(detail)[:600]), flush=True)
    if not ok:
        failures.append(name)
    return ok


class Answer:
    def __init__(self, status, headers, body):
        self.status, self.headers, self.body = status, headers, body

    def json(self):
        return json.loads(self.body) if self.body else None

    def header(self, name):
        return self.headers.get(name)


def call(method, path, token=None, body=None, headers=None, raw=False):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(BASE + path, data=data, method=method)
    if token:
        request.add_header("Authorization", "Bearer " + token)
    if body is not None:
        request.add_header("Content-Type", "application/json")
    for key, value in (headers or {}).items():
        request.add_header(key, value)
    try:
        with urllib.request.urlopen(request, timeout=WAIT) as response:
            return Answer(response.status, response.headers, response.read())
    except urllib.error.HTTPError as error:
        return Answer(error.code, error.headers, error.read())


def token(role):
    credentials = base64.b64encode(f"{role}-client:{role}-secret".encode()).decode()
    request = urllib.request.Request(BASE + "/oauth2/token", data=b"grant_type=client_credentials", method="POST",
                                     headers={"Authorization": "Basic " + credentials,
                                              "Content-Type": "application/x-www-form-urlencoded"})
    with urllib.request.urlopen(request, timeout=WAIT) as response:
        return json.loads(response.read())["access_token"]


def wait_for(what, probe):
    """probe() returns a truthy value when done; at most WAIT seconds."""
    deadline = time.monotonic() + WAIT
    while True:
        value = probe()
        if value:
            return value
        if time.monotonic() > deadline:
            check(what + f" within {WAIT:.0f} s", False, "timed out")
            return None
        time.sleep(0.2)


def now():
    time.sleep(0.01)  # strictly after what was just read
    value = datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")
    time.sleep(0.01)
    return value


def fresh(path, tok, consistency):
    """The detail read back with the command's consistency token (read-your-writes)."""
    answer = call("GET", path, tok, headers={"X-Consistency-Token": consistency} if consistency else None)
    return answer


# RFC 9162 verification, written from the RFC (not from Wrench's code), so the proofs are checked independently
def node(left, right):
    return hashlib.sha256(b"\x01" + left + right).digest()


def root_from_inclusion(index, size, leaf, path):
    fn, sn, r = index, size - 1, leaf
    for p in path:
        if sn == 0:
            return None
        if fn & 1 or fn == sn:
            r = node(p, r)
            if not fn & 1:
                while fn & 1 == 0 and fn != 0:
                    fn >>= 1
                    sn >>= 1
        else:
            r = node(r, p)
        fn >>= 1
        sn >>= 1
    return r if sn == 0 else None


def consistency_holds(first, second, first_hash, second_hash, path):
    if first == second:
        return not path and first_hash == second_hash
    if first_hash and first & (first - 1) == 0:  # a power of two: the old root starts the path
        path = [first_hash] + path
    if not path:
        return False
    fn, sn = first - 1, second - 1
    while fn & 1:
        fn >>= 1
        sn >>= 1
    fr = sr = path[0]
    for c in path[1:]:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            fr = node(c, fr)
            sr = node(c, sr)
            if not fn & 1:
                while fn & 1 == 0 and fn != 0:
                    fn >>= 1
                    sn >>= 1
        else:
            sr = node(sr, c)
        fn >>= 1
        sn >>= 1
    return sn == 0 and fr == first_hash and sr == second_hash


def main():
    advisor, storekeeper, manager = token("advisor"), token("storekeeper"), token("manager")
    auditor, analyst, admin = token("auditor"), token("analyst"), token("admin")
    run = uuid.uuid4().hex[:8]
    captured = []  # (detail path, instant, JSON captured live just before the instant, keys to ignore)

    def capture(path, consistency, ignore=()):
        answer = fresh(path, manager, consistency)
        check(f"live {path} with its consistency token is consistent",
              answer.status == 200 and (consistency is None or answer.header("X-Consistency") == "consistent"),
              f"{answer.status} X-Consistency={answer.header('X-Consistency')}")
        captured.append((path, now(), answer.json(), ignore))

    before_all = now()
    # --- writes: two customers (one changed), a stock item with receipts, a work order with lines
    created = call("POST", "/api/customers", advisor, {"name": f"Audit Ada {run}", "email": f"ada-{run}@example.com"})
    check("POST /api/customers 201", created.status == 201, created.body)
    customer = created.json()["id"]
    capture(f"/api/customers/{customer}", created.header("X-Consistency-Token"), ("workOrders",))
    changed = call("PATCH", f"/api/customers/{customer}", advisor, {"name": f"Audit Ada Lovelace {run}"})
    check("PATCH /api/customers/{id} 200", changed.status == 200, changed.body)
    capture(f"/api/customers/{customer}", changed.header("X-Consistency-Token"), ("workOrders",))
    other = call("POST", "/api/customers", advisor, {"name": f"Audit Bob {run}", "email": f"bob-{run}@example.com"})
    check("second POST /api/customers 201", other.status == 201, other.body)

    item = call("POST", "/api/inventory/items", storekeeper,
                {"sku": f"AUD-{run}", "name": "Audit filter", "unit": "pcs", "reorderLevel": 2, "unitCost": 4.5})
    check("POST /api/inventory/items 201", item.status == 201, item.body)
    item_id = item.json()["id"]
    capture(f"/api/inventory/items/{item_id}", item.header("X-Consistency-Token"))
    receipt = call("POST", f"/api/inventory/items/{item_id}/receipts", storekeeper, {"quantity": 10, "unitCost": 4.5})
    check("POST receipts 200", receipt.status == 200, receipt.body)
    capture(f"/api/inventory/items/{item_id}", receipt.header("X-Consistency-Token"))

    order = call("POST", "/api/work-orders", advisor, {"customerId": customer, "description": "Audit brake check"})
    check("POST /api/work-orders 201", order.status == 201, order.body)
    order_id = order.json()["id"]
    capture(f"/api/work-orders/{order_id}", order.header("X-Consistency-Token"), ("overdue",))
    labour = call("POST", f"/api/work-orders/{order_id}/labour", advisor,
                  {"description": "Inspect brakes", "hours": 1.5, "hourlyRate": 80})
    check("POST labour 201", labour.status == 201, labour.body)
    capture(f"/api/work-orders/{order_id}", labour.header("X-Consistency-Token"), ("overdue",))
    part = call("POST", f"/api/work-orders/{order_id}/parts", advisor, {"itemId": item_id, "quantity": 2})
    check("POST parts 201", part.status == 201, part.body)
    capture(f"/api/work-orders/{order_id}", part.header("X-Consistency-Token"), ("overdue",))
    # the reservation is a saga step: wait until the part line is RESERVED, then capture
    wait_for("part line RESERVED", lambda: (lambda d: d and d["partLines"] and d["partLines"][0]["status"] == "RESERVED")(
        call("GET", f"/api/work-orders/{order_id}", manager).json()))
    wait_for("stock reserved 2", lambda: call("GET", f"/api/inventory/items/{item_id}", manager).json().get("reserved") == 2)
    capture(f"/api/work-orders/{order_id}", None, ("overdue",))
    capture(f"/api/inventory/items/{item_id}", None)

    # --- history
    histories = {}
    for path, aggregate, least in ((f"/api/customers/{customer}", customer, 2),
                                   (f"/api/inventory/items/{item_id}", item_id, 3),
                                   (f"/api/work-orders/{order_id}", order_id, 3)):
        answer = call("GET", path + "/history?size=100", auditor)
        body = answer.json() if answer.status == 200 else {}
        items = body.get("items", [])
        histories[aggregate] = items
        check(f"GET {path.split('/')[2]}…/history: 200, ≥{least} events in order, each hashed",
              answer.status == 200 and len(items) >= least
              and [i["sequence"] for i in items] == list(range(len(items)))
              and all(len(i.get("hash") or "") == 64 and i["metadata"].get("auditHash") == i["hash"] for i in items),
              answer.body)
    check("history of an unknown id 404", call("GET", f"/api/customers/{uuid.uuid4()}/history", auditor).status == 404)
    check("history for an ADVISOR 403", call("GET", f"/api/customers/{customer}/history", advisor).status == 403)
    first = histories[customer][0] if histories[customer] else {}
    check("history payload exactly as stored (the registered name)",
          first.get("payload", {}).get("name") == f"Audit Ada {run}", first)
    meta = first.get("metadata", {})
    check("event metadata names who did it (userId, userName, clientId, roles, requestId, correlationId)",
          meta.get("userName") == "advisor-client" and meta.get("clientId") == "advisor-client"
          and "ADVISOR" in str(meta.get("roles")) and all(meta.get(k) for k in ("userId", "requestId", "correlationId")),
          meta)

    # --- asOf: every captured instant answers exactly what was read live then
    for path, instant, live, ignore in captured:
        answer = call("GET", f"{path}?asOf={urllib.parse.quote(instant)}", auditor)
        past = answer.json() if answer.status == 200 else None
        strip = lambda d: {k: v for k, v in (d or {}).items() if k not in ignore}
        check(f"asOf {instant} on {path.split('/')[2]} equals the live detail then, X-As-Of set",
              answer.status == 200 and strip(past) == strip(live) and answer.header("X-As-Of") is not None,
              f"{answer.status} asOf={strip(past)} live={strip(live)}")
    check("asOf before the customer existed 404",
          call("GET", f"/api/customers/{customer}?asOf={urllib.parse.quote(before_all)}", auditor).status == 404)
    bad = call("GET", f"/api/work-orders/{order_id}?asOf=yesterday", auditor)
    check("asOf malformed 400 problem detail", bad.status == 400 and b'"status":400' in bad.body, bad.body)
    check("asOf for an ADVISOR 403",
          call("GET", f"/api/customers/{customer}?asOf={urllib.parse.quote(now())}", advisor).status == 403)

    # --- the audit index (a tracking processor): wait until it holds the last event written
    last_ids = [h[-1]["eventId"] for h in histories.values() if h]
    indexed = wait_for("audit index holds the newest events", lambda: all(
        (call("GET", f"/api/audit/events?aggregateId={a}&limit=100", auditor).json() or {}).get("items") and
        h[-1]["eventId"] in [i["eventId"] for i in call("GET", f"/api/audit/events?aggregateId={a}&limit=100",
                                                            auditor).json()["items"]]
        for a, h in histories.items() if h))
    for aggregate, history in histories.items():
        items = call("GET", f"/api/audit/events?aggregateId={aggregate}&limit=100", auditor).json()["items"]
        check(f"audit/events?aggregateId={aggregate[:8]}… = its history (ids, hashes)",
              [(i["eventId"], i["hash"]) for i in items] == [(h["eventId"], h["hash"]) for h in history],
              f"{len(items)} vs {len(history)}")
    by_type = call("GET", "/api/audit/events?type=io.wrench.shared.customer.CustomerRegistered&limit=500", auditor).json()
    check("audit/events?type= only that type, includes both new customers",
          all(i["type"].endswith("CustomerRegistered") for i in by_type["items"])
          and {customer, other.json()["id"]} <= {i["aggregateId"] for i in by_type["items"]}
          or by_type.get("next") is not None, by_type.get("items", [])[:2])
    by_user = call("GET", "/api/audit/events?user=storekeeper-client&aggregateType=StockItem&limit=500", auditor).json()
    check("audit/events?user=&aggregateType= filters (the storekeeper's stock events, ours among them)",
          by_user["items"] and all(i["aggregateType"] == "StockItem" for i in by_user["items"])
          and ({h["eventId"] for h in histories[item_id][:2]} <= {i["eventId"] for i in by_user["items"]}
               or by_user.get("next") is not None), by_user)
    window = call("GET", f"/api/audit/events?from={urllib.parse.quote(before_all)}&limit=500", auditor).json()
    check("audit/events?from= only events at or after it, all written here",
          set(last_ids) <= {i["eventId"] for i in window["items"]} or window.get("next") is not None, len(window["items"]))
    request_id = first.get("metadata", {}).get("requestId")
    if request_id:
        by_request = call("GET", f"/api/audit/events?requestId={request_id}", auditor).json()
        check("audit/events?requestId= finds the request's event",
              [i["eventId"] for i in by_request["items"]] == [first["eventId"]], by_request)
    pages, after, seen = 0, None, []
    while pages < 50:
        answer = call("GET", f"/api/audit/events?aggregateId={order_id}&limit=1" + (f"&after={after}" if after else ""),
                      auditor).json()
        seen += [i["eventId"] for i in answer["items"]]
        pages += 1
        after = answer.get("next")
        if after is None:
            break
    check("cursor paging (limit=1, after=next) walks the work order's events once each",
          seen == [h["eventId"] for h in histories[order_id]], seen)
    check("audit/events limit=0 400", call("GET", "/api/audit/events?limit=0", auditor).status == 400)
    check("audit/events from=garbage 400", call("GET", "/api/audit/events?from=garbage", auditor).status == 400)
    check("audit/events for an ADVISOR 403", call("GET", "/api/audit/events", advisor).status == 403)

    # --- export
    filtered = call("GET", f"/api/audit/export?aggregateId={order_id}", analyst)
    lines = [json.loads(line) for line in filtered.body.splitlines() if line.strip()]
    check("export?aggregateId= (ANALYST): NDJSON of exactly the work order's events, payload as in history",
          filtered.status == 200 and [l["eventId"] for l in lines] == [h["eventId"] for h in histories[order_id]]
          and [l["payload"] for l in lines] == [h["payload"] for h in histories[order_id]],
          f"{filtered.status} {len(lines)} lines")
    zipped = call("GET", "/api/audit/export?aggregateType=Customer", auditor, headers={"Accept-Encoding": "gzip"})
    try:
        unzipped = gzip.decompress(zipped.body).splitlines()
        check("export gzip (Accept-Encoding: gzip) decompresses to Customer lines",
              zipped.header("Content-Encoding") == "gzip" and unzipped
              and all(json.loads(l)["aggregateType"] == "Customer" for l in unzipped), len(unzipped))
    except OSError as error:
        check("export gzip decompresses", False, error)
    started = time.monotonic()
    everything = call("GET", "/api/audit/export", auditor)
    export_seconds = time.monotonic() - started
    all_lines = [line for line in everything.body.splitlines() if line.strip()]
    figures["export"] = f"{len(all_lines)} events in {export_seconds * 1000:.0f} ms"
    check("full export 200", everything.status == 200 and all_lines, everything.status)
    positions = [json.loads(l)["position"] for l in all_lines]
    check("full export in global order, no duplicates", positions == sorted(set(positions)), positions[:5])

    # --- digest, key, proofs
    digest_answer = wait_for("ledger holds every exported event", lambda: (lambda d: d if d and d["treeSize"] >= len(
        all_lines) else None)(call("GET", "/api/audit/digest", auditor).json()))
    digest = digest_answer or call("GET", "/api/audit/digest", auditor).json()
    key = call("GET", "/api/audit/digest-key", auditor).json()
    check("digest {treeSize, rootHash, at, signature}; digest-key a JWK",
          all(k in digest for k in ("treeSize", "rootHash", "at", "signature")) and key.get("kty") == "EC", digest)
    figures["digest"] = f"treeSize {digest['treeSize']}, root {digest['rootHash'][:16]}…"
    size = digest["treeSize"]
    leafed = [json.loads(l) for l in all_lines]
    leafed = [l for l in leafed if l.get("leafIndex") is not None and l["leafIndex"] < size]
    check("every exported event has a leaf (fresh store: the ledger covers all)", len(leafed) == len(all_lines),
          f"{len(leafed)} of {len(all_lines)}")
    proofs_ok = True
    for line in (leafed[0], leafed[len(leafed) // 2], leafed[-1]) if leafed else ():
        proof = call("GET", f"/api/audit/proof?eventId={line['eventId']}&treeSize={size}", auditor).json()
        leaf = bytes.fromhex(proof["leafHash"])
        root = root_from_inclusion(proof["leafIndex"], size, leaf, [bytes.fromhex(p) for p in proof["auditPath"]])
        proofs_ok &= root is not None and root.hex() == digest["rootHash"] == proof["rootHash"]
        proofs_ok &= leaf == hashlib.sha256(b"\x00" + bytes.fromhex(line["hash"])).digest()
    check("inclusion proofs (first, middle, last) recompute the digest's root (RFC 9162, checked here)", proofs_ok)
    check("proof of an unknown event 404", call("GET", f"/api/audit/proof?eventId={uuid.uuid4()}", auditor).status == 404)
    check("proof treeSize too large 400",
          call("GET", f"/api/audit/proof?eventId={leafed[-1]['eventId']}&treeSize={size + 1000}", auditor).status == 400)
    consistent_ok = True
    for old in sorted({1, max(1, size // 3), max(1, size // 2), max(1, size - 1), size}):
        proof = call("GET", f"/api/audit/consistency?from={old}&to={size}", auditor).json()
        consistent_ok &= proof["toRootHash"] == digest["rootHash"] and consistency_holds(
            old, size, bytes.fromhex(proof["fromRootHash"]), bytes.fromhex(proof["toRootHash"]),
            [bytes.fromhex(p) for p in proof["proof"]])
    check("consistency proofs (from 1, ⅓, ½, n−1, n to n) hold (RFC 9162, checked here)", consistent_ok)
    check("consistency from>to 400", call("GET", f"/api/audit/consistency?from={size}&to=1", auditor).status == 400)
    check("consistency to beyond the ledger 400",
          call("GET", f"/api/audit/consistency?from=1&to={size + 1000}", auditor).status == 400)

    # --- verify (background job), with the saved digest
    started = time.monotonic()
    job = call("POST", "/api/audit/verify", auditor, {"digest": digest})
    check("POST /api/audit/verify 202 with Location", job.status == 202 and job.header("Location"), job.body)
    job_id = job.json()["id"]
    result = wait_for("verification finished", lambda: (lambda s: s if s.get("finishedAt") else None)(
        call("GET", f"/api/audit/verify/{job_id}", auditor).json()))
    if result:
        figures["verify"] = (f"checked {result.get('checked')} of total {result.get('total')}, ledgerSize "
                             f"{result.get('ledgerSize')}, coveredFrom {result.get('coveredFrom')}, "
                             f"{(time.monotonic() - started) * 1000:.0f} ms")
        check("verify: nothing broken, every event checked", result.get("firstBroken") is None
              and result.get("checked", 0) >= len(all_lines), result)
    check("verify with a malformed digest 400",
          call("POST", "/api/audit/verify", auditor, {"digest": {"treeSize": "x"}}).status == 400)
    check("verify for an ANALYST 403", call("POST", "/api/audit/verify", analyst).status == 403)

    # --- the stand-alone verifier over the export and the digest (no server)
    if JAR:
        folder = tempfile.mkdtemp()
        export = call("GET", "/api/audit/export", auditor)
        with open(os.path.join(folder, "events.ndjson"), "wb") as f:
            f.write(export.body)
        exported = [json.loads(l) for l in export.body.splitlines() if l.strip()]
        saved = call("GET", "/api/audit/digest", auditor).json()
        with open(os.path.join(folder, "digest.json"), "w") as f:
            json.dump(saved, f)
        with open(os.path.join(folder, "key.json"), "w") as f:
            json.dump(key, f)
        ran = subprocess.run(["java", "-jar", JAR, "verify", "--export", os.path.join(folder, "events.ndjson"),
                              "--digest", os.path.join(folder, "digest.json"), "--key", os.path.join(folder, "key.json")],
                             capture_output=True, text=True, timeout=WAIT * 2)
        check(f"java -jar wrench.jar verify over the export ({len(exported)} events) and the digest "
              f"(treeSize {saved['treeSize']}): exit 0", ran.returncode == 0, ran.stdout + ran.stderr)
        # one changed byte in a payload must be caught
        target = next(i for i, l in enumerate(exported) if l["eventId"] == histories[customer][0]["eventId"])
        tampered = export.body.splitlines()
        tampered[target] = tampered[target].replace(f"Audit Ada {run}".encode(), f"Audit Adb {run}".encode())
        with open(os.path.join(folder, "tampered.ndjson"), "wb") as f:
            f.write(b"\n".join(tampered) + b"\n")
        ran = subprocess.run(["java", "-jar", JAR, "verify", "--export", os.path.join(folder, "tampered.ndjson"),
                              "--digest", os.path.join(folder, "digest.json")], capture_output=True, text=True,
                             timeout=WAIT * 2)
        check("stand-alone verifier: one changed payload byte → exit 1 naming that event",
              ran.returncode == 1 and histories[customer][0]["eventId"] in ran.stdout, ran.stdout[-600:])

    for name, value in figures.items():
        print(f"[audit] {name}: {value}")
    print(f"[audit] {'FAILED: ' + ', '.join(failures) if failures else 'all checks passed'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
