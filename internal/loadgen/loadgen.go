// Package loadgen drives a call from several concurrent clients for a set
// time and summarises throughput, latency percentiles and errors.
package loadgen

import (
	"context"
	"math"
	"slices"
	"sync"
	"time"
)

// Call makes one call for client c (0 ≤ c < clients); it returns the bytes
// it sent, for throughput in bytes per second.
type Call func(ctx context.Context, c int) (bytes int, err error)

// Result summarises a run.
type Result struct {
	Calls   int64            // calls made, failed ones included
	Errors  map[string]int64 // failed calls by class
	Bytes   int64            // bytes sent by successful calls
	Elapsed time.Duration
	// Latency percentiles of all calls.
	P50, P99, P999, Max time.Duration
}

// PerSecond returns calls per second.
func (r Result) PerSecond() float64 { return float64(r.Calls) / r.Elapsed.Seconds() }

// ErrorCount returns the number of failed calls.
func (r Result) ErrorCount() int64 {
	var n int64
	for _, c := range r.Errors {
		n += c
	}
	return n
}

// Run calls call from clients goroutines, each starting its next call as
// soon as its last returns, until d has passed or ctx is done; each client
// makes at least one call. class names
// an error's kind for Result.Errors (e.g. its gRPC code).
func Run(ctx context.Context, clients int, d time.Duration, call Call, class func(error) string) Result {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	deadline := time.Now().Add(d)
	type part struct {
		lat    []time.Duration
		errs   map[string]int64
		nbytes int64
	}
	parts := make([]part, clients)
	var wg sync.WaitGroup
	start := time.Now()
	for c := range clients {
		wg.Go(func() {
			p := &parts[c]
			p.errs = map[string]int64{}
			for first := true; first || ctx.Err() == nil && time.Now().Before(deadline); first = false {
				t0 := time.Now()
				n, err := call(ctx, c)
				p.lat = append(p.lat, time.Since(t0))
				if err != nil {
					p.errs[class(err)]++
					continue
				}
				p.nbytes += int64(n)
			}
		})
	}
	wg.Wait()
	r := Result{Elapsed: time.Since(start), Errors: map[string]int64{}}
	var all []time.Duration
	for _, p := range parts {
		all = append(all, p.lat...)
		r.Bytes += p.nbytes
		for k, v := range p.errs {
			r.Errors[k] += v
		}
	}
	r.Calls = int64(len(all))
	slices.Sort(all)
	r.P50, r.P99, r.P999 = Percentile(all, 0.50), Percentile(all, 0.99), Percentile(all, 0.999)
	if len(all) > 0 {
		r.Max = all[len(all)-1]
	}
	return r
}

// Percentile returns the q-quantile (0 < q ≤ 1) of sorted by the
// nearest-rank method: the smallest value with at least q of all values at
// or below it. Empty input gives 0.
func Percentile(sorted []time.Duration, q float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	rank := int(math.Ceil(q*float64(len(sorted)) - 1e-9)) // 1e-9: 0.999·1000 is not quite 999 in floating point
	return sorted[min(max(rank, 1), len(sorted))-1]
}
