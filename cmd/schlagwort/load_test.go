package main

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestLoad drives a real server for a second and reads the report: calls
// made, none failed, latencies in order. A server that refuses every
// article (its size limit is below the load's) makes the command fail and
// count the errors by code.
func TestLoad(t *testing.T) {
	_, addr := serveChild(t, t.TempDir(), "--max-article-bytes", "2000")
	out, errOut, code := runCmd(t, "", "load", "--addr", addr, "--articles", "../../testdata/sample.jsonl",
		"--duration", "1s", "--warmup", "200ms", "--clients", "4", "--conns", "2", "--size", "1500", "--check-every", "1")
	if code != 0 {
		t.Fatalf("load: exit %d\n%s%s", code, out, errOut)
	}
	calls := regexp.MustCompile(`(?m)^calls +(\d+) `).FindStringSubmatch(out)
	if n, _ := strconv.Atoi(calls[1]); n < 10 {
		t.Errorf("%d calls in a second:\n%s", n, out)
	}
	if !strings.Contains(out, "errors    0\n") || !regexp.MustCompile(`latency +p50 [\d.]+ ms +p99 [\d.]+ ms +p99.9 [\d.]+ ms`).MatchString(out) {
		t.Errorf("report:\n%s", out)
	}

	out, errOut, code = runCmd(t, "", "load", "--addr", addr, "--articles", "../../testdata/sample.jsonl",
		"--duration", "300ms", "--warmup", "0s", "--clients", "2", "--size", "3000")
	m := regexp.MustCompile(`(?m)^errors +(\d+) +ResourceExhausted: (\d+)$`).FindStringSubmatch(out)
	if code != 1 || m == nil || m[1] != m[2] || m[1] == "0" {
		t.Errorf("articles over the server's limit: exit %d\n%s%s", code, out, errOut)
	}
}
