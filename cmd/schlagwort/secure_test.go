package main

import (
	"bufio"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/json"
	"encoding/pem"
	"fmt"
	"io"
	"math/big"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// pki holds the PEM files made by newPKI.
type pki struct {
	ca, serverCert, serverKey, clientCert, clientKey string
	// wrongCA is unrelated to ca; wrongClientCert is signed by it.
	wrongCA, wrongClientCert, wrongClientKey string
}

// newPKI writes, into a temporary directory, a CA, a server certificate it
// signed for 127.0.0.1 and localhost, a client certificate it signed, and
// a second, unrelated CA with a client certificate of its own. Keys are
// ECDSA P-256 in PKCS#8.
func newPKI(t *testing.T) pki {
	t.Helper()
	dir := t.TempDir()
	p := pki{
		ca: filepath.Join(dir, "ca.pem"), serverCert: filepath.Join(dir, "server.pem"), serverKey: filepath.Join(dir, "server-key.pem"),
		clientCert: filepath.Join(dir, "client.pem"), clientKey: filepath.Join(dir, "client-key.pem"),
		wrongCA: filepath.Join(dir, "wrong-ca.pem"), wrongClientCert: filepath.Join(dir, "wrong-client.pem"), wrongClientKey: filepath.Join(dir, "wrong-client-key.pem"),
	}
	ca, caKey := newCA(t, "schlagwort test CA", p.ca)
	newLeaf(t, ca, caKey, &x509.Certificate{
		Subject:     pkix.Name{CommonName: "localhost"},
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		IPAddresses: []net.IP{net.IPv4(127, 0, 0, 1)},
		DNSNames:    []string{"localhost"},
	}, p.serverCert, p.serverKey)
	newLeaf(t, ca, caKey, &x509.Certificate{
		Subject:     pkix.Name{CommonName: "newsroom client"},
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth},
	}, p.clientCert, p.clientKey)
	wrong, wrongKey := newCA(t, "unrelated CA", p.wrongCA)
	newLeaf(t, wrong, wrongKey, &x509.Certificate{
		Subject:     pkix.Name{CommonName: "intruder"},
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth},
	}, p.wrongClientCert, p.wrongClientKey)
	return p
}

func newCA(t *testing.T, name, certFile string) (*x509.Certificate, *ecdsa.PrivateKey) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber:          serialNumber(t),
		Subject:               pkix.Name{CommonName: name},
		NotBefore:             time.Now().Add(-time.Hour),
		NotAfter:              time.Now().Add(24 * time.Hour),
		IsCA:                  true,
		BasicConstraintsValid: true,
		KeyUsage:              x509.KeyUsageCertSign | x509.KeyUsageDigitalSignature,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	writePEM(t, certFile, "CERTIFICATE", der)
	return cert, key
}

func newLeaf(t *testing.T, ca *x509.Certificate, caKey *ecdsa.PrivateKey, tmpl *x509.Certificate, certFile, keyFile string) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl.SerialNumber = serialNumber(t)
	tmpl.NotBefore, tmpl.NotAfter = time.Now().Add(-time.Hour), time.Now().Add(24*time.Hour)
	tmpl.KeyUsage = x509.KeyUsageDigitalSignature
	der, err := x509.CreateCertificate(rand.Reader, tmpl, ca, &key.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	writePEM(t, certFile, "CERTIFICATE", der)
	pkcs8, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	writePEM(t, keyFile, "PRIVATE KEY", pkcs8)
}

func serialNumber(t *testing.T) *big.Int {
	t.Helper()
	n, err := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 63))
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func writePEM(t *testing.T, file, typ string, der []byte) {
	t.Helper()
	if err := os.WriteFile(file, pem.EncodeToMemory(&pem.Block{Type: typ, Bytes: der}), 0o600); err != nil {
		t.Fatal(err)
	}
}

// childServer is a "schlagwort serve" child process started by
// serveChildURLs.
type childServer struct {
	cmd        *exec.Cmd
	addr       string // gRPC address from the "serving" line
	metrics    string // URL from the "metrics" line, if any
	gazetteer  string // gazetteer version from the "serving" line
	mu         sync.Mutex
	log        strings.Builder // every stderr line so far
	stderrDone chan struct{}   // closed when stderr reaches EOF
}

// Log returns the server's stderr so far.
func (c *childServer) Log() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.log.String()
}

// Stop ends the server with SIGTERM and returns its whole stderr.
func (c *childServer) Stop(t *testing.T) string {
	t.Helper()
	c.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-c.stderrDone:
	case <-time.After(30 * time.Second):
		t.Fatal("server did not stop within 30 s of SIGTERM")
	}
	c.cmd.Wait()
	return c.Log()
}

// serveChildURLs starts "schlagwort serve" on 127.0.0.1:0 over dir in a
// child process, which a test can then kill -9, and returns it with its
// gRPC address, metrics URL and all of its stderr. It fails at once, with the log, if the server exits before
// serving. A later --addr in flags overrides 127.0.0.1:0.
func serveChildURLs(t *testing.T, dir string, flags ...string) *childServer {
	t.Helper()
	c := &childServer{cmd: exec.Command(os.Args[0], "-test.run=^$"), stderrDone: make(chan struct{})}
	args := append([]string{"serve", "--addr", "127.0.0.1:0", "--data", dir}, flags...)
	c.cmd.Env = append(os.Environ(), "SCHLAGWORT_TEST_MAIN="+strings.Join(args, "\x1f"))
	stderr, err := c.cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := c.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.cmd.Process.Kill(); <-c.stderrDone; c.cmd.Wait() })
	serving := make(chan struct{})
	go func() {
		defer close(c.stderrDone)
		sc := bufio.NewScanner(stderr)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			c.mu.Lock()
			c.log.Write(sc.Bytes())
			c.log.WriteByte('\n')
			c.mu.Unlock()
			var rec struct{ Msg, Addr, Gazetteer string }
			if json.Unmarshal(sc.Bytes(), &rec) != nil {
				continue
			}
			switch rec.Msg {
			case "metrics":
				c.metrics = rec.Addr
			case "serving":
				c.addr, c.gazetteer = rec.Addr, rec.Gazetteer
				close(serving)
			}
		}
		io.Copy(io.Discard, stderr)
	}()
	select {
	case <-serving:
		return c
	case <-c.stderrDone:
		c.cmd.Wait()
		t.Fatalf("server exited before serving (%v):\n%s", c.cmd.ProcessState, c.Log())
	case <-time.After(30 * time.Second):
		t.Fatalf("server did not start within 30 s:\n%s", c.Log())
	}
	return nil
}

// runWithin is runCmd with a deadline, for commands that must end on their
// own: a regression fails the test instead of hanging it.
func runWithin(t *testing.T, d time.Duration, args ...string) (string, string, int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), d)
	defer cancel()
	out, errOut, code := runCtx(ctx, "", args...)
	if ctx.Err() != nil {
		t.Errorf("%s still running after %s", strings.Join(args, " "), d)
	}
	return out, errOut, code
}

// tlsHandshake connects to the gRPC server at addr, trusting ca and
// presenting cert whatever the server asks for, and reads the server's
// first bytes: with TLS 1.3 a rejected client certificate shows only then.
func tlsHandshake(addr, ca string, cert *tls.Certificate) error {
	pool, err := certPool(ca)
	if err != nil {
		return err
	}
	d := &net.Dialer{Timeout: 10 * time.Second}
	conn, err := tls.DialWithDialer(d, "tcp", addr, &tls.Config{
		RootCAs: pool, NextProtos: []string{"h2"},
		GetClientCertificate: func(*tls.CertificateRequestInfo) (*tls.Certificate, error) {
			if cert == nil {
				return &tls.Certificate{}, nil
			}
			return cert, nil
		},
	})
	if err != nil {
		return err
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(10 * time.Second))
	_, err = conn.Read(make([]byte, 9)) // the server's HTTP/2 SETTINGS frame
	return err
}

// scrapeUntil scrapes url until every metric in want has its value, or
// until d has passed, and returns the last scrape and what was still wrong.
// A stream is counted when the server's handler returns, which may be just
// after the client has read the last message and gone.
func scrapeUntil(t *testing.T, url string, want map[string]string, d time.Duration) (map[string]string, string, []string) {
	t.Helper()
	deadline := time.Now().Add(d)
	for {
		m, page := scrape(t, url)
		var wrong []string
		for key, w := range want {
			if got, ok := m[key]; !ok || got != w {
				wrong = append(wrong, fmt.Sprintf("metric %s = %q (present %v), want %s", key, got, ok, w))
			}
		}
		if len(wrong) == 0 || time.Now().After(deadline) {
			slices.Sort(wrong)
			return m, page, wrong
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// scrape fetches a Prometheus text page as "name{labels}" → value; labels
// are written sorted by name.
func scrape(t *testing.T, url string) (map[string]string, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %s, %v\n%s", url, resp.Status, err, b)
	}
	m := map[string]string{}
	for _, line := range strings.Split(string(b), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if i := strings.LastIndexByte(line, ' '); i > 0 {
			m[line[:i]] = line[i+1:]
		}
	}
	return m, string(b)
}

func sampleFile(t *testing.T, n int) string {
	t.Helper()
	sample, err := os.ReadFile("../../testdata/sample.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(strings.TrimSpace(string(sample)), "\n")[:n]
	f := filepath.Join(t.TempDir(), "in.jsonl")
	if err := os.WriteFile(f, []byte(strings.Join(lines, "")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return f
}

// TestTLSTokensAndMetrics serves with tokens, mutual TLS and metrics, and
// checks who may do what, that the transport is enforced, what the metrics
// count, and that no token reaches the log.
func TestTLSTokensAndMetrics(t *testing.T) {
	t.Setenv("SCHLAGWORT_TOKEN", "") // the rows without --token must send none
	p := newPKI(t)
	const (
		adminTok   = "adm-8d1f0c4a7e2b9f63"
		editorTok  = "ed-5b7e2a9c0d4f1e86"
		taggerTok  = "tag-c3a9e71f05b2d84e"
		unknownTok = "nobody-0f9e8d7c6b5a4"
	)
	tokens := filepath.Join(t.TempDir(), "tokens")
	file := "# name roles token\ncms admin " + adminTok + "\ndesk editor " + editorTok + "\nwire tagger " + taggerTok + "\n"
	if err := os.WriteFile(tokens, []byte(file), 0o600); err != nil {
		t.Fatal(err)
	}
	srv := serveChildURLs(t, t.TempDir(), "--tokens", tokens, "--tls-cert", p.serverCert, "--tls-key", p.serverKey,
		"--tls-client-ca", p.ca, "--metrics-addr", "127.0.0.1:0")
	if srv.metrics == "" {
		t.Fatalf("no metrics line in the log:\n%s", srv.Log())
	}
	mtls := []string{"--addr", srv.addr, "--tls-ca", p.ca, "--tls-cert", p.clientCert, "--tls-key", p.clientKey}
	with := func(extra ...string) []string { return append(append([]string(nil), mtls...), extra...) }

	// Index: only admin may store. The tagger may tag but not store, so its
	// stream ends at the first article.
	in := sampleFile(t, 10)
	for _, tt := range []struct {
		name, token string
		code        int
		want        string
	}{
		{"tagger", taggerTok, 1, "PermissionDenied"},
		{"editor", editorTok, 1, "PermissionDenied"},
		{"admin", adminTok, 0, "10 articles stored, 0 lines failed"},
	} {
		_, errOut, code := runWithin(t, time.Minute, append([]string{"index"}, with("--token", tt.token, in)...)...)
		if code != tt.code || !strings.Contains(errOut, tt.want) {
			t.Errorf("index as %s: exit %d, want %d and %q; stderr:\n%s", tt.name, code, tt.code, tt.want, errOut)
		}
	}

	for _, tt := range []struct {
		name string
		args []string
		code int
		want string // in stderr, or the total on success
		env  string // $SCHLAGWORT_TOKEN
	}{
		{"editor", with("--token", editorTok), 0, "10", ""},
		{"admin", with("--token", adminTok), 0, "10", ""},
		{"tagger", with("--token", taggerTok), 1, "PermissionDenied", ""},
		{"no token", with(), 1, "Unauthenticated", ""},
		{"unknown token", with("--token", unknownTok), 1, "Unauthenticated", ""},
		{"token in the environment", with(), 0, "10", editorTok},
		{"plaintext", []string{"--addr", srv.addr, "--token", editorTok}, 1, "Unavailable", ""},
		{"no client certificate", []string{"--addr", srv.addr, "--tls-ca", p.ca, "--token", editorTok}, 1, "Unavailable", ""},
		{"client certificate of another CA", []string{"--addr", srv.addr, "--tls-ca", p.ca,
			"--tls-cert", p.wrongClientCert, "--tls-key", p.wrongClientKey, "--token", editorTok}, 1, "Unavailable", ""},
		{"server not trusted", []string{"--addr", srv.addr, "--tls-ca", p.wrongCA,
			"--tls-cert", p.clientCert, "--tls-key", p.clientKey, "--token", editorTok}, 1, "Unavailable", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("SCHLAGWORT_TOKEN", tt.env)
			out, errOut, code := runWithin(t, time.Minute, append([]string{"search", "--json"}, tt.args...)...)
			if code != tt.code {
				t.Fatalf("exit %d, want %d\n%s%s", code, tt.code, out, errOut)
			}
			if code != 0 {
				if !strings.Contains(errOut, tt.want) || out != "" {
					t.Errorf("want %q in stderr and nothing on stdout\nstdout: %s\nstderr: %s", tt.want, out, errOut)
				}
				return
			}
			var r struct{ Total string }
			if err := json.Unmarshal([]byte(out), &r); err != nil || r.Total != tt.want {
				t.Errorf("total %q (%v), want %q\n%s", r.Total, err, tt.want, out)
			}
		})
	}

	// The CLI's TLS client sends no certificate when the server's request
	// names another CA, so the rows above never show the server a wrong
	// one. Here it is shown anyway: the server must verify, not only ask.
	right, err := tls.LoadX509KeyPair(p.clientCert, p.clientKey)
	if err != nil {
		t.Fatal(err)
	}
	wrong, err := tls.LoadX509KeyPair(p.wrongClientCert, p.wrongClientKey)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name string
		cert *tls.Certificate
		ok   bool
	}{
		{"right client certificate", &right, true},
		{"client certificate of another CA", &wrong, false},
		{"no client certificate", nil, false},
	} {
		if err := tlsHandshake(srv.addr, p.ca, tt.cert); (err == nil) != tt.ok {
			t.Errorf("raw TLS with %s: %v, want success %v", tt.name, err, tt.ok)
		}
	}

	for _, tt := range []struct {
		name, token string
		code        int
		want        string
	}{
		{"editor", editorTok, 1, "PermissionDenied"},
		{"admin", adminTok, 0, "10 articles re-tagged"},
	} {
		out, errOut, code := runWithin(t, time.Minute, append([]string{"retag", "--dry-run", "--all"}, with("--token", tt.token)...)...)
		if code != tt.code || !strings.Contains(out+errOut, tt.want) {
			t.Errorf("retag --dry-run --all as %s: exit %d, want %d and %q\n%s%s", tt.name, code, tt.code, tt.want, out, errOut)
		}
	}

	const (
		tagStream = `grpc_method="TagStream",grpc_service="schlagwort.v1.TaggingService",grpc_type="bidi_stream"`
		search    = `grpc_method="SearchArticles",grpc_service="schlagwort.v1.ArticleService",grpc_type="unary"`
		retag     = `grpc_method="Retag",grpc_service="schlagwort.v1.AdminService",grpc_type="server_stream"`
	)
	want := map[string]string{
		`schlagwort_articles_tagged_total{stored="true"}`:                           "10",
		`schlagwort_entities_per_article_count`:                                     "10",
		`schlagwort_index_documents`:                                                "10",
		`schlagwort_gazetteer_info{version="` + srv.gazetteer + `"}`:                "1",
		`schlagwort_retag_articles{count="done",dry_run="true"}`:                    "10",
		`schlagwort_retag_articles{count="total",dry_run="true"}`:                   "10",
		`grpc_server_handled_total{grpc_code="OK",` + tagStream + `}`:               "1",
		`grpc_server_handled_total{grpc_code="PermissionDenied",` + tagStream + `}`: "2",
		`grpc_server_handled_total{grpc_code="OK",` + search + `}`:                  "3",
		`grpc_server_handled_total{grpc_code="PermissionDenied",` + search + `}`:    "1",
		`grpc_server_handled_total{grpc_code="Unauthenticated",` + search + `}`:     "2",
		`grpc_server_handled_total{grpc_code="OK",` + retag + `}`:                   "1",
		`grpc_server_handled_total{grpc_code="PermissionDenied",` + retag + `}`:     "1",
		`grpc_server_handling_seconds_count{` + tagStream + `}`:                     "3",
	}
	m, page, bad := scrapeUntil(t, srv.metrics, want, 10*time.Second)
	for _, w := range bad {
		t.Error(w)
	}
	if srv.gazetteer == "" || !strings.Contains(page, `schlagwort_gazetteer_info{version=`) {
		t.Errorf("no gazetteer version (serving line: %q)", srv.gazetteer)
	}
	for _, name := range []string{"process_resident_memory_bytes", "process_open_fds", "schlagwort_gazetteer_entities"} {
		if v, ok := m[name]; !ok || v == "0" {
			t.Errorf("metric %s = %q (present %v), want a positive value", name, v, ok)
			bad = append(bad, name)
		}
	}
	if len(bad) > 0 {
		t.Logf("metrics page:\n%s", page)
	}

	log := srv.Stop(t)
	// The denials are logged with the token's name: the log is the one
	// that saw the calls.
	for _, want := range []string{`"caller":"wire"`, `"caller":"desk"`, "unknown bearer token", "missing bearer token", `"msg":"stopped; index closed"`} {
		if !strings.Contains(log, want) {
			t.Errorf("server log lacks %q:\n%s", want, log)
		}
	}
	for _, tok := range []string{adminTok, editorTok, taggerTok, unknownTok} {
		if strings.Contains(log, tok) || strings.Contains(log, tok[:12]) {
			t.Errorf("server log contains token %q:\n%s", tok, log)
		}
	}
}

// TestServeRefusesOpenAddressWithoutTokens checks that serve will not
// listen on a non-loopback address without access control, and will with
// tokens from $SCHLAGWORT_TOKENS.
func TestServeRefusesOpenAddressWithoutTokens(t *testing.T) {
	t.Setenv("SCHLAGWORT_TOKENS", "")
	t.Setenv("SCHLAGWORT_TOKEN", "")
	_, errOut, code := runWithin(t, 20*time.Second, "serve", "--addr", "0.0.0.0:0", "--data", t.TempDir())
	if code != 2 || !strings.Contains(errOut, "not a loopback address") {
		t.Fatalf("serve on 0.0.0.0 without tokens: exit %d, want 2 and \"not a loopback address\"; stderr:\n%s", code, errOut)
	}

	// A tokens source that holds no token must not turn access control off.
	empty := filepath.Join(t.TempDir(), "tokens")
	if err := os.WriteFile(empty, []byte("# nobody yet\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"--tokens", empty}, nil} {
		t.Setenv("SCHLAGWORT_TOKENS", ";")
		_, errOut, code = runWithin(t, 20*time.Second, append([]string{"serve", "--addr", "127.0.0.1:0", "--data", t.TempDir()}, args...)...)
		if code != 1 || !strings.Contains(errOut, "no tokens in it") {
			t.Errorf("serve %v with no token in the tokens source: exit %d, stderr:\n%s", args, code, errOut)
		}
	}

	const tok = "ops-4e1b9a7d2c6f0853"
	t.Setenv("SCHLAGWORT_TOKENS", "ops admin "+tok)
	srv := serveChildURLs(t, t.TempDir(), "--addr", "0.0.0.0:0")
	_, port, err := net.SplitHostPort(srv.addr)
	if err != nil {
		t.Fatal(err)
	}
	if strings.HasPrefix(srv.addr, "127.") {
		t.Fatalf("serving on %s, want every address", srv.addr)
	}
	addr := net.JoinHostPort("127.0.0.1", port)
	for _, tt := range []struct {
		name string
		args []string
		want string
	}{
		{"token", []string{"--token", tok}, "NotFound"},
		{"no token", nil, "Unauthenticated"}, // the tokens from the environment are in force
	} {
		args := append(append([]string{"get", "--addr", addr}, tt.args...), "fehlt")
		out, errOut, code := runWithin(t, time.Minute, args...)
		if code != 1 || !strings.Contains(errOut, tt.want) {
			t.Errorf("get with %s over plaintext loopback: exit %d, want 1 and %q\n%s%s", tt.name, code, tt.want, out, errOut)
		}
	}
}

// TestClientRefusesTokenInClearToRemote checks that no client command sends
// a token over plaintext to a non-loopback address. 192.0.2.1 (TEST-NET-1)
// answers nobody, so a command that dialed would hang until runWithin's
// deadline.
func TestClientRefusesTokenInClearToRemote(t *testing.T) {
	t.Setenv("SCHLAGWORT_TOKEN", "")
	in := sampleFile(t, 1)
	const remote, tok = "192.0.2.1:7410", "x-0123456789abcdef"
	for _, tt := range []struct {
		name string
		args []string
		env  string
	}{
		{"get", []string{"get", "--addr", remote, "--token", tok, "id"}, ""},
		{"get, token from the environment", []string{"get", "--addr", remote, "id"}, tok},
		{"search", []string{"search", "--addr", remote, "--token", tok}, ""},
		{"index", []string{"index", "--addr", remote, "--token", tok, in}, ""},
		{"retag", []string{"retag", "--addr", remote, "--token", tok, "--all"}, ""},
		{"host name", []string{"get", "--addr", "example.com:7410", "--token", tok, "id"}, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if tt.env != "" {
				t.Setenv("SCHLAGWORT_TOKEN", tt.env)
			}
			out, errOut, code := runWithin(t, 10*time.Second, tt.args...)
			if code != 2 || !strings.Contains(errOut, "clear text") {
				t.Errorf("exit %d, want 2 and \"clear text\"\n%s%s", code, out, errOut)
			}
		})
	}
}
