#!/usr/bin/env python3
"""tests/pki/tsa_server.py: an RFC 3161 time-stamping authority on 127.0.0.1
for the signing tests: each POSTed TimeStampReq (application/timestamp-query)
is answered by `openssl ts -reply` with the test PKI's TSA key.
Usage: tsa_server.py PKI_DIR PORT_FILE  (binds a free port, writes it to
PORT_FILE, serves until killed)."""
import http.server, os, subprocess, sys, tempfile

pki, port_file = sys.argv[1], sys.argv[2]


class Handler(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        n = int(self.headers.get("Content-Length", "0"))
        query = self.rfile.read(n)
        with tempfile.TemporaryDirectory() as tmp:
            q, r = os.path.join(tmp, "q.tsq"), os.path.join(tmp, "r.tsr")
            open(q, "wb").write(query)
            p = subprocess.run(["openssl", "ts", "-reply", "-config", os.path.join(pki, "tsa.cnf"),
                                "-queryfile", q, "-out", r], capture_output=True,
                               env=dict(os.environ, OPENSSL_CONF="/dev/null"))
            if p.returncode != 0:
                self.send_error(400, "bad time-stamp query")
                return
            body = open(r, "rb").read()
        self.send_response(200)
        self.send_header("Content-Type", "application/timestamp-reply")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
with open(port_file + ".tmp", "w") as f:
    f.write(str(server.server_address[1]))
os.rename(port_file + ".tmp", port_file)
server.serve_forever()
