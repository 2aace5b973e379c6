package loadgen

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
	"time"

	_ "github.com/schlagwort/schlagwort/internal/golden" // accept -update (go test ./... -update)
)

func TestPercentile(t *testing.T) {
	var d []time.Duration
	for i := 1; i <= 1000; i++ {
		d = append(d, time.Duration(i))
	}
	tests := []struct {
		in   []time.Duration
		q    float64
		want time.Duration
	}{
		{d, 0.5, 500},
		{d, 0.99, 990},
		{d, 0.999, 999},
		{d, 1, 1000},
		{d[:10], 0.5, 5},
		{d[:10], 0.99, 10},
		{d[:1], 0.999, 1},
		{nil, 0.5, 0},
	}
	for _, tt := range tests {
		if got := Percentile(tt.in, tt.q); got != tt.want {
			t.Errorf("Percentile(%d values, %v) = %v, want %v", len(tt.in), tt.q, got, tt.want)
		}
	}
}

// TestRun: every call is counted once, errors by class, bytes only of the
// calls that succeeded, and every client takes part.
func TestRun(t *testing.T) {
	var n atomic.Int64
	var seen [4]atomic.Bool
	call := func(ctx context.Context, c int) (int, error) {
		seen[c].Store(true)
		if n.Add(1)%10 == 0 {
			return 0, errors.New("boom")
		}
		return 3, nil
	}
	r := Run(context.Background(), 4, 50*time.Millisecond, call, func(err error) string { return err.Error() })
	if r.Calls != n.Load() || r.Calls == 0 {
		t.Fatalf("Calls = %d, calls made %d", r.Calls, n.Load())
	}
	if want := r.Calls / 10; r.Errors["boom"] != want || r.ErrorCount() != want {
		t.Errorf("errors = %v, want %d boom", r.Errors, want)
	}
	if want := 3 * (r.Calls - r.Calls/10); r.Bytes != want {
		t.Errorf("Bytes = %d, want %d", r.Bytes, want)
	}
	for c := range seen {
		if !seen[c].Load() {
			t.Errorf("client %d made no call", c)
		}
	}
	if !(r.P50 <= r.P99 && r.P99 <= r.P999 && r.P999 <= r.Max) {
		t.Errorf("percentiles out of order: %v %v %v %v", r.P50, r.P99, r.P999, r.Max)
	}
}
