package match

import (
	"runtime"
	"sync"
)

// inParts calls f on GOMAXPROCS contiguous parts of [0, n) at once and
// waits for them: Build's passes over millions of edges and nodes, which
// are independent per part, took a sixth of a server's start-up at a
// million aliases on one core.
func inParts(n int, f func(lo, hi int)) {
	parts := min(runtime.GOMAXPROCS(0), max(1, n/minPart))
	var wg sync.WaitGroup
	for p := range parts {
		wg.Go(func() { f(n*p/parts, n*(p+1)/parts) })
	}
	wg.Wait()
}

// minPart is the least work worth a goroutine.
const minPart = 1 << 14
