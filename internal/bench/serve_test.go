package bench

import (
	"bytes"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"strconv"
	"testing"
	"time"

	"github.com/schlagwort/schlagwort/internal/lookup"
	"github.com/schlagwort/schlagwort/internal/tagger"
)

// BenchmarkServe1M does what "schlagwort serve --gazetteer DIR" does at
// start-up with the 1,000,000-alias gazetteer: load the default layer and
// the generated one, build the tagger, return the build's scratch to the
// system, then build the name lookup. It reports
// the seconds until the tagger and until the lookup are ready, the live
// heap with both after a GC (MB-heap), the largest heap seen during the
// start-up (MB-heap-peak: heap objects, live or not yet collected,
// sampled every 200 µs), and the peak resident set of the start-up
// (MB-peak: VmHWM from /proc/self/status, reset before each start-up
// through /proc/self/clear_refs; 0 where Linux does not offer it).
func BenchmarkServe1M(b *testing.B) { benchServe(b, million) }

// BenchmarkServe1MEntities is BenchmarkServe1M with 1,000,000 generated
// entities (2,000,000 names).
func BenchmarkServe1MEntities(b *testing.B) { benchServe(b, millionEntities) }

func benchServe(b *testing.B, gen func() (string, error)) {
	if _, err := gen(); err != nil {
		b.Fatal(err)
	}
	var t *tagger.Tagger
	var ix *lookup.Index
	var ready, lookupReady time.Duration
	var peak, heap, heapPeak float64
	for b.Loop() {
		t, ix = nil, nil
		b.StopTimer()
		debug.FreeOSMemory()
		resetPeak()
		stop := sampleHeap()
		b.StartTimer()
		start := time.Now()
		t = tagger.New(loadGenerated(b, gen))
		debug.FreeOSMemory() // as serve does
		ready += time.Since(start)
		ix = lookup.New(t.Gazetteer())
		lookupReady += time.Since(start)
		b.StopTimer()
		heapPeak = max(heapPeak, stop())
		peak = max(peak, peakMB())
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		heap = max(heap, float64(ms.HeapAlloc)/(1<<20))
		b.StartTimer()
	}
	b.ReportMetric(ready.Seconds()/float64(b.N), "s/tagger")
	b.ReportMetric(lookupReady.Seconds()/float64(b.N), "s/lookup")
	b.ReportMetric(heap, "MB-heap")
	b.ReportMetric(heapPeak, "MB-heap-peak")
	b.ReportMetric(peak, "MB-peak")
	runtime.KeepAlive(t)
	runtime.KeepAlive(ix)
}

// sampleHeap samples the bytes in heap objects every 200 µs until the
// returned function is called, which returns the largest sample in MB.
func sampleHeap() (stop func() float64) {
	done, result := make(chan bool), make(chan float64)
	go func() {
		s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		var most uint64
		for {
			metrics.Read(s)
			most = max(most, s[0].Value.Uint64())
			select {
			case <-done:
				result <- float64(most) / (1 << 20)
				return
			case <-time.After(200 * time.Microsecond):
			}
		}
	}()
	return func() float64 { done <- true; return <-result }
}

// BenchmarkLookup1M builds the name lookup of the default gazetteer plus
// the 1,000,000 generated aliases, as serve does in the background after
// start-up. It reports the bytes allocated per build (MB-alloc: the index
// and what the build frees) and the live heap the index takes (MB-heap).
func BenchmarkLookup1M(b *testing.B) {
	g := load1M(b)
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	heap, total := ms.HeapAlloc, ms.TotalAlloc
	var ix *lookup.Index
	for b.Loop() {
		ix = lookup.New(g)
	}
	b.StopTimer()
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(ms.TotalAlloc-total)/float64(b.N)/(1<<20), "MB-alloc")
	runtime.GC()
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(ms.HeapAlloc-heap)/(1<<20), "MB-heap")
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/New")
	runtime.KeepAlive(ix)
}

// resetPeak resets the process's VmHWM to its current resident set.
func resetPeak() { _ = os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) }

// peakMB returns VmHWM in MB, or 0.
func peakMB() float64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range bytes.Split(data, []byte("\n")) {
		if v, ok := bytes.CutPrefix(line, []byte("VmHWM:")); ok {
			kb, _ := strconv.ParseFloat(string(bytes.TrimSuffix(bytes.TrimSpace(v), []byte(" kB"))), 64)
			return kb / 1024
		}
	}
	return 0
}
