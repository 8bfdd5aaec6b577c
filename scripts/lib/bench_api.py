"""Driver of scripts/bench-api: load runs with wrk, pgbench beside them, statements per request
from pg_stat_statements, peak memory from /proc. Started by scripts/bench-api, which sets up the
cluster, the database and the demo data."""

import base64
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid

API_BIN, BASELINE_BIN, WORKER_BIN = sys.argv[1], sys.argv[2], sys.argv[3]
CONNECTIONS = (8, 16, 64)
SUPER = os.environ["PG_SUPER_URL"]
PSQL, PGBENCH = os.environ["PSQL_BIN"], os.environ["PGBENCH_BIN"]
DURATION = int(os.environ.get("DURATION", "10"))
# Each round runs every load against each build and pgbench back to back (the builds in turn
# first), so that a shared machine's drift over minutes falls on all of them alike; the figures
# printed are the median over the rounds.
ROUNDS = max(1, int(os.environ.get("ROUNDS", "1")))
TENANTS = int(os.environ.get("TENANTS", "0"))
PORT = int(os.environ.get("BENCH_PORT", "8098"))
BASE = f"http://127.0.0.1:{PORT}"
PASSWORD = os.environ["DEMO_PASSWORD"]
TENANT = "veluwe-west"


def psql(sql):
    out = subprocess.run([PSQL, SUPER, "-qAt", "-v", "ON_ERROR_STOP=1", "-c", sql],
                         check=True, capture_output=True, text=True).stdout
    return [line.split("|") for line in out.splitlines() if line]


def call(method, path, body=None, token=None):
    req = urllib.request.Request(BASE + path, method=method,
                                 data=None if body is None else json.dumps(body).encode())
    req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(req, timeout=120) as res:
        return json.loads(res.read() or b"null")


def login(email):
    return call("POST", "/api/v1/auth/login", {"email": email, "password": PASSWORD})["accessToken"]


def mint(user_id, key_pem):
    """An access token for `user_id`, signed with the API's key (the API reads memberships from
    the database, not from the token): thousands of logins would measure password hashing."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    # The API writes PKCS#8 v2 (with the public key), which `cryptography` does not read: take the
    # 32-byte seed from its OCTET STRING instead.
    der = base64.b64decode("".join(l for l in key_pem.decode().splitlines() if not l.startswith("-----")))
    at = der.index(b"\x04\x22\x04\x20") + 4
    key = Ed25519PrivateKey.from_private_bytes(der[at:at + 32])
    now = int(time.time())
    enc = lambda d: base64.urlsafe_b64encode(json.dumps(d, separators=(",", ":")).encode()).rstrip(b"=")
    head = enc({"alg": "EdDSA", "typ": "JWT"})
    body = enc({"iss": "http://bench.local", "aud": "safety-platform", "sub": user_id, "iat": now,
                "nbf": now, "exp": now + 7200, "jti": str(uuid.uuid4()), "pa": False, "mem": []})
    sig = base64.urlsafe_b64encode(key.sign(head + b"." + body)).rstrip(b"=")
    return (head + b"." + body + b"." + sig).decode()


class Server:
    def __init__(self, binary, label, port=PORT):
        self.label = label
        self.base = f"http://127.0.0.1:{port}"
        # Its connections carry its label, so that their memory can be told from another build's.
        env = dict(os.environ, BIND_ADDR=f"127.0.0.1:{port}",
                   DATABASE_URL=os.environ["DATABASE_URL"] + "?application_name=" + app_name(label))
        self.proc = subprocess.Popen([binary, "serve"], env=env, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL)
        for _ in range(200):
            if self.proc.poll() is not None:
                raise SystemExit(f"{label}: the API exited at start (is {self.base} taken?)")
            try:
                urllib.request.urlopen(self.base + "/readyz", timeout=1)
                return
            except Exception:
                time.sleep(0.1)
        raise SystemExit(f"{label}: the API did not become ready")

    def peak_rss_mb(self):
        with open(f"/proc/{self.proc.pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
        return float("nan")

    def stop(self):
        self.proc.terminate()
        self.proc.wait(timeout=30)


def wrk_script(requests):
    """A wrk Lua script asking the (method, path, token, body) requests at random."""
    lines = ["local r = {"]
    for method, path, token, body in requests:
        # A number changed per request, so that every write writes.
        b = "nil" if body is None else json.dumps(json.dumps(body).replace('"VALUE"', "VALUE"))
        lines.append(f"  {{{json.dumps(method)}, {json.dumps(path)}, {json.dumps(token)}, {b}}},")
    lines.append("}")
    lines.append("""math.randomseed(os.time())
request = function()
  local q = r[math.random(#r)]
  local body = q[4]
  if body ~= nil then body = string.gsub(body, "VALUE", tostring(math.random(1, 100000))) end
  return wrk.format(q[1], q[2], {["Authorization"] = "Bearer " .. q[3],
    ["Content-Type"] = "application/json"}, body)
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT %f %f %f %d %d\\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.requests,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout))
end
""")
    f = tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False)
    f.write("\n".join(lines))
    f.close()
    return f.name


def app_name(label):
    return "bench-" + label.replace(" ", "-")


def wrk(script, connections, base=BASE):
    out = subprocess.run(["wrk", "-t2", f"-c{connections}", f"-d{DURATION}s", "-s", script, base],
                         check=True, capture_output=True, text=True).stdout
    m = re.search(r"RESULT (\S+) (\S+) (\S+) (\d+) (\d+)", out)
    rps, p50, p99, n, errors = float(m[1]), float(m[2]), float(m[3]), int(m[4]), int(m[5])
    return rps, p50, p99, n, errors


def pgbench(sql, connections):
    with tempfile.NamedTemporaryFile("w", suffix=".sql", delete=False) as f:
        f.write(sql)
    out = subprocess.run([PGBENCH, "-n", "-c", str(connections), "-j", "2", "-T", str(DURATION),
                          "-f", f.name, SUPER], check=True, capture_output=True, text=True).stdout
    return float(re.search(r"tps = (\S+)", out)[1])


def worker_peak_rss_mb():
    """The worker running rounds (a round a second) over every cooperation for 15 seconds; no mail
    server listens, so its emails wait: planning and the queue are what is measured."""
    env = dict(os.environ, SMTP_URL="smtp://127.0.0.1:9", RUST_LOG="error")
    proc = subprocess.Popen([WORKER_BIN, "run", "--interval", "1", "--poll", "1"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(15)
    with open(f"/proc/{proc.pid}/status") as f:
        peak = next(int(line.split()[1]) / 1024 for line in f if line.startswith("VmHWM:"))
    proc.terminate()
    proc.wait(timeout=30)
    return peak


def backend_private_mb(label=None):
    """(count, largest, sum) of the private memory (RssAnon) of the PostgreSQL backends serving the
    platform's login role (of the build with this label, if given): where each connection keeps
    the catalog of the schemas it touched."""
    which = f" AND application_name = '{app_name(label)}'" if label else ""
    pids = [int(r[0]) for r in psql(f"SELECT pid FROM pg_stat_activity WHERE usename = 'safety_bench'{which}")]
    sizes = []
    for pid in pids:
        try:
            with open(f"/proc/{pid}/status") as f:
                sizes += [int(line.split()[1]) / 1024 for line in f if line.startswith("RssAnon:")]
        except FileNotFoundError:
            pass
    return len(sizes), max(sizes, default=0.0), sum(sizes)


def unapply_last_tenant_migration():
    """Takes the newest tenant migration back in every cooperation (its down.sql and its row), so
    that the next `api migrate` has it to do again: a small migration pending everywhere."""
    psql("""DO $$ DECLARE s text; BEGIN
      FOR s IN SELECT schema_name FROM platform.tenants LOOP
        EXECUTE format('ALTER TABLE %I.priorities ALTER COLUMN created_at SET DEFAULT now()', s);
        EXECUTE format('DELETE FROM %I.__diesel_schema_migrations WHERE version = %L', s, '20261129000010');
      END LOOP; END $$""")


def statements_reset():
    psql("SELECT pg_stat_statements_reset()")


def statements_of_app():
    rows = psql("SELECT coalesce(sum(calls), 0) FROM pg_stat_statements s "
                "JOIN pg_roles r ON r.oid = s.userid WHERE r.rolname = 'safety_bench' "
                "OR r.rolname LIKE 'tn\\_%'")
    return int(float(rows[0][0]))


def median_run(values):
    """The median of each figure over the rounds (pgbench: a number; the API: a tuple whose
    errors, the fourth, are summed: an error in any round shows)."""
    def median(xs):
        xs = sorted(xs)
        return xs[len(xs) // 2] if len(xs) % 2 else (xs[len(xs) // 2 - 1] + xs[len(xs) // 2]) / 2
    if isinstance(values[0], tuple):
        return tuple(sum(v[i] for v in values) if i == 3 else median([v[i] for v in values])
                     for i in range(len(values[0])))
    return median(values)


def main():
    schema = psql(f"SELECT schema_name FROM platform.tenants WHERE slug = '{TENANT}'")[0][0]
    coordinator = psql(f"SELECT id FROM platform.users WHERE email = 'coordinator@{TENANT}.example'")[0][0]
    server = Server(API_BIN, "api")
    token = login(f"coordinator@{TENANT}.example")
    key = open(os.path.join(os.environ["DATA_DIR"], "keys", "jwt-ed25519.pem"), "rb").read()
    t = f"/api/v1/tenants/{TENANT}"
    indicator = call("GET", f"{t}/indicators?pageSize=1", token=token)["items"][0]["id"]
    bench_tenants = []
    if TENANTS:
        admin = login("platform-admin@platform.example")
        # One admin for every bench cooperation: the first gets the account (its password hashed
        # with argon2, on purpose slow), the others are provisioned for an account that exists,
        # so their times are the cooperation's own work: role, schema, tables, membership.
        shared = "bench-admin@platform.example"
        times = []
        started = time.perf_counter()
        for i in range(TENANTS):
            slug = f"bench-{i:05d}"
            new_admin = {"email": shared, "displayName": "Beheerder bench"}
            if i == 0:
                new_admin["password"] = PASSWORD
            t0 = time.perf_counter()
            call("POST", "/api/v1/tenants", {"slug": slug, "name": f"Bench {i}", "admin": new_admin},
                 token=admin)
            times.append(time.perf_counter() - t0)
        took = time.perf_counter() - started
        first, rest = times[0], sorted(times[1:])
        pct = lambda q: 1000 * rest[min(len(rest) - 1, int(q * len(rest)))] if rest else float("nan")
        print(f"provisioned {TENANTS} cooperations in {took:.1f} s; each: p50 {pct(0.5):.0f} ms, "
              f"p95 {pct(0.95):.0f} ms, max {pct(1.0):.0f} ms (the first, which also hashed a new "
              f"admin's password: {1000 * first:.0f} ms)")
        # As in production: the worker keeps spare schemas made ahead of time, and provisioning
        # hands one out. One round of the worker makes them (and plans every cooperation).
        env = dict(os.environ, SMTP_URL="smtp://127.0.0.1:9", RUST_LOG="error", SPARE_SCHEMAS="20")
        started = time.perf_counter()
        subprocess.run([WORKER_BIN, "run-once"], env=env, check=True, stdout=subprocess.DEVNULL)
        made = time.perf_counter() - started
        ready = int(psql("SELECT count(*) FROM platform.spare_schemas")[0][0])
        times = []
        for i in range(ready):
            t0 = time.perf_counter()
            call("POST", "/api/v1/tenants", {"slug": f"spare-{i:03d}", "name": f"Spare {i}",
                                             "admin": {"email": shared, "displayName": "Beheerder bench"}},
                 token=admin)
            times.append(time.perf_counter() - t0)
        rest = sorted(times)
        print(f"provisioning with a spare schema ready ({ready} made by one worker round of {made:.1f} s, "
              f"which also planned every cooperation): p50 {pct(0.5):.0f} ms, p95 {pct(0.95):.0f} ms, "
              f"max {pct(1.0):.0f} ms; spares left: {psql('SELECT count(*) FROM platform.spare_schemas')[0][0]}")
    server.stop()
    if TENANTS:
        started = time.perf_counter()
        subprocess.run([API_BIN, "migrate"], check=True, stdout=subprocess.DEVNULL)
        cooperations = int(psql("SELECT count(*) FROM platform.tenants")[0][0])
        print(f"api migrate over {cooperations} cooperations (nothing pending): "
              f"{time.perf_counter() - started:.1f} s")
        for jobs in (1, 4):
            unapply_last_tenant_migration()
            started = time.perf_counter()
            subprocess.run([API_BIN, "migrate"], check=True, stdout=subprocess.DEVNULL,
                           env=dict(os.environ, MIGRATE_JOBS=str(jobs)))
            print(f"api migrate over {cooperations} cooperations, one migration pending "
                  f"(2 statements and its bookkeeping row), MIGRATE_JOBS={jobs}: "
                  f"{time.perf_counter() - started:.1f} s")
        dump = tempfile.NamedTemporaryFile(suffix=".dump", delete=False).name
        started = time.perf_counter()
        # As a superuser, as backups are made: the platform's own role cannot read the tenants'
        # schemas (each belongs to its own role).
        done = subprocess.run([os.environ["PGDUMP_BIN"], "-Fc", "-f", dump, SUPER],
                              capture_output=True, text=True)
        lock_setting = psql("SHOW max_locks_per_transaction")[0][0]
        if done.returncode == 0:
            print(f"pg_dump -Fc of the database with {cooperations} cooperations "
                  f"(max_locks_per_transaction = {lock_setting}): {time.perf_counter() - started:.1f} s, "
                  f"{os.path.getsize(dump) / 1e6:.0f} MB")
        else:
            print(f"pg_dump FAILED (max_locks_per_transaction = {lock_setting}): {done.stderr.strip()[:300]}")
        os.unlink(dump)
        user_id = psql(f"SELECT id FROM platform.users WHERE email = '{shared}'")[0][0]
        shared_token = mint(user_id, key)
        bench_tenants = [(f"bench-{i:05d}", shared_token) for i in range(TENANTS)]

    def spread(resource):
        return [("GET", f"/api/v1/tenants/{slug}/{resource}", tok, None) for slug, tok in bench_tenants]

    loads = [
        ("me", [("GET", "/api/v1/me", token, None)],
         "SELECT u.id, u.email, u.display_name, m.role, t.slug, t.name FROM platform.users u "
         "LEFT JOIN (platform.memberships m JOIN platform.tenants t ON t.id = m.tenant_id) ON m.user_id = u.id "
         "WHERE u.id = '%s' ORDER BY t.slug, m.role;\n" % coordinator),
        ("municipalities", [("GET", f"{t}/municipalities", token, None)],
         f'BEGIN;\nSET LOCAL search_path TO "{schema}";\n'
         "SELECT *, count(*) OVER () FROM municipalities ORDER BY name LIMIT 25;\n"
         "SELECT * FROM districts WHERE municipality_id IN (SELECT id FROM municipalities ORDER BY name LIMIT 25);\nCOMMIT;\n"),
        ("priorities", [("GET", f"{t}/priorities", token, None)],
         f'BEGIN;\nSET LOCAL search_path TO "{schema}";\n'
         "SELECT *, count(*) OVER () FROM priorities ORDER BY title LIMIT 25;\n"
         "SELECT * FROM indicators;\nSELECT * FROM indicator_targets;\nSELECT * FROM measurements;\nCOMMIT;\n"),
        ("indicators", [("GET", f"{t}/indicators", token, None)],
         f'BEGIN;\nSET LOCAL search_path TO "{schema}";\n'
         "SELECT *, count(*) OVER () FROM indicators ORDER BY name LIMIT 25;\n"
         "SELECT * FROM indicator_targets;\nSELECT * FROM measurements;\nCOMMIT;\n"),
        ("commitments", [("GET", f"{t}/commitments", token, None)],
         f'BEGIN;\nSET LOCAL search_path TO "{schema}";\n'
         "SELECT *, count(*) OVER () FROM commitments ORDER BY due_on LIMIT 25;\n"
         "SELECT * FROM commitment_priorities;\nCOMMIT;\n"),
        ("expert-groups", [("GET", f"{t}/expert-groups", token, None)],
         f'BEGIN;\nSET LOCAL search_path TO "{schema}";\n'
         "SELECT *, count(*) OVER () FROM expert_groups ORDER BY name LIMIT 25;\n"
         "SELECT * FROM expert_group_members;\nSELECT * FROM expert_group_priorities;\nCOMMIT;\n"),
        ("record a measurement", [("POST", f"{t}/indicators/{indicator}/measurements", token,
                                   {"period": "2026", "value": "VALUE", "sourceNote": "bench"})],
         f'BEGIN;\nSET LOCAL search_path TO "{schema}";\n'
         f"SELECT * FROM measurements WHERE indicator_id = '{indicator}' AND municipality_id IS NULL AND period = '2026' FOR UPDATE;\n"
         f"UPDATE measurements SET value = random() WHERE indicator_id = '{indicator}' AND municipality_id IS NULL AND period = '2026';\nCOMMIT;\n"),
    ]

    if bench_tenants:
        # The same lists spread over every bench cooperation, beside the one-cooperation runs above:
        # what the many schemas (the catalog each connection caches) cost.
        by_name = {name: sql for name, _, sql in loads}
        loads[3:3] = [
            (f"municipalities x{TENANTS}", spread("municipalities"), by_name["municipalities"]),
            (f"priorities x{TENANTS}", spread("priorities"), by_name["priorities"]),
        ]

    binaries = [(API_BIN, "this build")] + ([(BASELINE_BIN, "baseline")] if BASELINE_BIN else [])
    servers = {label: Server(binary, label, PORT + i) for i, (binary, label) in enumerate(binaries)}
    runs = {}
    for round_no in range(ROUNDS):
        order = binaries[round_no % len(binaries):] + binaries[:round_no % len(binaries)]
        for name, requests, sql in loads:
            script = wrk_script(requests)
            for c in CONNECTIONS:
                for _, label in order:
                    base = servers[label].base
                    wrk(script, c, base)  # warm up (caches, pool), not counted
                    statements_reset()
                    rps, p50, p99, n, errors = wrk(script, c, base)
                    per_request = statements_of_app() / max(n, 1)
                    runs.setdefault((label, name, c), []).append((rps, p50, p99, errors, per_request))
                runs.setdefault(("pgbench", name, c), []).append(pgbench(sql, c))
            os.unlink(script)
    results = {key: median_run(values) for key, values in runs.items()}
    for _, label in binaries:
        results[(label, "rss")] = servers[label].peak_rss_mb()
        results[(label, "backends")] = backend_private_mb(label)
    for server in servers.values():
        server.stop()
    results["worker rss"] = worker_peak_rss_mb()

    spread_note = f"; xN: the list spread over N cooperations" if TENANTS else ""
    rounds_note = f"; median of {ROUNDS} rounds" if ROUNDS > 1 else ""
    print(f"\nAPI against pgbench, {DURATION} s per run{rounds_note}{spread_note}; p50/p99 in ms; stmts = statements PostgreSQL saw per request")
    header = f"{'endpoint':<22}{'conns':>6}" + "".join(
        f"{label + ' req/s':>18}{'p50':>8}{'p99':>8}{'stmts':>7}{'vs pgbench':>11}" for _, label in binaries) + f"{'pgbench tps':>13}"
    print(header)
    for name, _, _ in loads:
        for c in CONNECTIONS:
            pg = results[("pgbench", name, c)]
            row = f"{name:<22}{c:>6}"
            for _, label in binaries:
                rps, p50, p99, errors, per_request = results[(label, name, c)]
                flag = f" ({errors} errors)" if errors else ""
                row += f"{rps:>18.0f}{p50:>8.1f}{p99:>8.1f}{per_request:>7.1f}{rps / pg:>10.2f}x{flag}"
            print(row + f"{pg:>13.0f}")
    for _, label in binaries:
        print(f"peak resident memory of the API ({label}): {results[(label, 'rss')]:.0f} MB")
        n, biggest, total = results[(label, "backends")]
        print(f"private memory of the API's {n} PostgreSQL connections after the runs ({label}): "
              f"largest {biggest:.0f} MB, together {total:.0f} MB (catalog caches grow with the schemas a connection touched)")
    print(f"peak resident memory of the worker (rounds for every cooperation, 15 s): {results['worker rss']:.0f} MB")


main()
