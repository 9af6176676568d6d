#!/usr/bin/env python3
"""Start-up time of the packaged server, the way `bench` measures it: from process start to /health 200, and to
the answer to a first signed webhook sent right then. Runs the server RUNS times (alternating the given jars or
JVM flag sets when several are given), each on a fresh copy of the data folder, and prints every run, the median
and the load average.

  python3 src/test/scripts/startup.py [--runs 5] [--seed DIR] [--jvm "-Xmx256m -XX:+UseSerialGC"] [--jar target/kontakt.jar ...]
"""
import argparse, base64, hashlib, hmac, os, shutil, signal, socket, statistics, subprocess, sys, tempfile, time
import http.client, urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def sign(token, url, params):
    data = url + "".join(k + params[k] for k in sorted(params))
    return base64.b64encode(hmac.new(token.encode(), data.encode(), hashlib.sha1).digest()).decode()


def cpu_seconds(pid):
    """User and system CPU time the process has used so far."""
    f = open("/proc/%d/stat" % pid).read().rsplit(")", 1)[1].split()
    return (int(f[11]) + int(f[12])) / os.sysconf("SC_CLK_TCK")


def one(jar, jvm, seed, work):
    data = os.path.join(work, "data")
    shutil.rmtree(data, ignore_errors=True)
    if seed:
        shutil.copytree(seed, data)
    port = free_port()
    token = "0123456789abcdef0123456789abcdef"
    env = {k: v for k, v in os.environ.items() if not k.startswith("KONTAKT_")}
    env.update(KONTAKT_PORT=str(port), KONTAKT_DATA_DIR=data, KONTAKT_PUBLIC_URL="http://127.0.0.1:%d" % port,
               KONTAKT_TWILIO_AUTH_TOKEN=token,
               KONTAKT_SECRET_KEY=base64.b64encode(b"k" * 32).decode())
    archive = os.path.join(os.path.dirname(jar), "kontakt.jsa")  # as bench does: the archive built with the jar, if there
    flags = jvm.split() + (["-XX:SharedArchiveFile=" + archive] if os.path.isfile(archive) and "SharedArchiveFile" not in jvm else [])
    cmd = ["java"] + flags + ["-jar", jar, "--config", os.path.join(ROOT, "config/kontakt.yaml"), "serve"]
    log = open(os.path.join(work, "server.log"), "w")
    load = open("/proc/loadavg").read().split()[0]
    t0 = time.monotonic()
    p = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    health = answer = cpu = None
    try:
        while time.monotonic() - t0 < 120:
            if p.poll() is not None:
                raise SystemExit("server exited %d; see %s" % (p.returncode, log.name))
            try:
                c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                c.request("GET", "/health")
                if c.getresponse().status == 200:
                    health = time.monotonic() - t0
                    cpu = cpu_seconds(p.pid)
                    break
            except OSError:
                pass
            time.sleep(0.005)
        sid = "SM" + os.urandom(16).hex()
        params = {"ToCountry": "NO", "SmsMessageSid": sid, "NumMedia": "0", "SmsSid": sid, "SmsStatus": "received", "Body": "hei",
                  "To": "+4759440000", "NumSegments": "1", "MessageSid": sid, "AccountSid": "AC" + "b" * 32,
                  "From": "+4791234567", "ApiVersion": "2010-04-01"}
        url = "http://127.0.0.1:%d/twilio/sms" % port
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        c.request("POST", "/twilio/sms", urllib.parse.urlencode(params),
                  {"Content-Type": "application/x-www-form-urlencoded", "X-Twilio-Signature": sign(token, url, params)})
        r = c.getresponse()
        body = r.read()
        if r.status != 200:
            raise SystemExit("first webhook: %d %s" % (r.status, body[:200]))
        answer = time.monotonic() - t0
    finally:
        p.send_signal(signal.SIGTERM)
        p.wait(30)
    if os.environ.get("KEEP_LOG"):
        shutil.copy(log.name, os.environ["KEEP_LOG"])
    return health, answer, cpu, load


def main():
    a = argparse.ArgumentParser()
    a.add_argument("--runs", type=int, default=5)
    a.add_argument("--seed", help="a data folder copied before each run (default: an empty one)")
    a.add_argument("--jvm", action="append", help="JVM flags (repeat to alternate)")
    a.add_argument("--jar", action="append", help="jar (repeat to alternate)")
    o = a.parse_args()
    jars = o.jar or [os.path.join(ROOT, "target/kontakt.jar")]
    jvms = o.jvm or ["-Xmx256m -XX:+UseSerialGC"]
    variants = [(j, f) for j in jars for f in jvms]
    results = {v: [] for v in variants}
    with tempfile.TemporaryDirectory() as work:
        for i in range(o.runs):
            for v in variants:
                h, ans, cpu, load = one(v[0], v[1], o.seed, work)
                results[v].append((h, ans, cpu))
                print("run %d %s [%s]: /health %.2f s, first answer %.2f s, CPU to /health %.2f s, load %s"
                      % (i + 1, v[0], v[1], h, ans, cpu, load), flush=True)
    for v, rs in results.items():
        print("median %s [%s]: /health %.2f s, first answer %.2f s, CPU to /health %.2f s (of %d)" % (v[0], v[1],
              statistics.median(r[0] for r in rs), statistics.median(r[1] for r in rs), statistics.median(r[2] for r in rs), len(rs)))


if __name__ == "__main__":
    main()
