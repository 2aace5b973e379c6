package lookup

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// TestSortNames: the radix sort orders entries as the straightforward sort
// does, on keys with long shared prefixes, equal keys, keys shorter than a
// window or of its length, zero bytes and bytes from 0x80, in buckets
// smaller and larger than bufSize.
func TestSortNames(t *testing.T) {
	for _, tc := range []struct {
		n              int
		alphabet       string
		minLen, maxLen int
		every          int // besides each key's start, one offset in every starts an entry (0: none)
	}{
		{10, "ab", 1, 3, 2},
		{300, "ab", 1, 20, 2},
		{5000, "ab", 1, 40, 2},
		{5000, "ab \x00", 1, 10, 2},
		{20000, "abcdefghij-", 1, 12, 2},
		{20000, "\x00\x01a\x80\xc3\xbc\xff", 1, 16, 2},
		{2000, "ab", 9, 30, 0},        // no key ends in its first window
		{bufSize / 2, "ab", 1, 30, 4}, // buckets above bufSize
	} {
		r := rand.New(rand.NewPCG(uint64(tc.n), uint64(tc.maxLen)))
		keys := randomKeys(r, tc.n, tc.alphabet, tc.minLen, tc.maxLen)
		var names []entry
		for i := range len(keys) {
			if keys[i] != '\n' && (i == 0 || keys[i-1] == '\n' || tc.every > 0 && r.IntN(tc.every) == 0) {
				names = append(names, entry(i)) // any offset in a key starts a key
			}
		}
		checkSort(t, keys, names)
	}
}

// FuzzSortNames: the same on the keys the fuzzer makes, an entry at each
// of their offsets.
func FuzzSortNames(f *testing.F) {
	f.Add("ab\nab c\na\nb-a\x00\n\xff\nab c\n")
	f.Fuzz(func(t *testing.T, keys string) {
		keys += "\n"
		var names []entry
		for i := range len(keys) {
			if keys[i] != '\n' {
				names = append(names, entry(i))
			}
		}
		checkSort(t, keys, names)
	})
}

// checkSort checks that sortNames sorts names, bucketed as New does, as the
// straightforward sort does.
func checkSort(t *testing.T, keys string, names []entry) {
	t.Helper()
	start := bucket(keys, names)
	ix := &Index{keys: keys}
	want := slices.Clone(names)
	slices.SortFunc(want, func(a, b entry) int { return cmp.Or(ix.compare(a, b), cmp.Compare(a, b)) })
	sortNames(keys, names, &start)
	for i := range want {
		if names[i] != want[i] {
			t.Fatalf("%d entries: at %d got %q (%d), want %q (%d)", len(names), i, ix.key(names[i]), names[i], ix.key(want[i]), want[i])
		}
	}
}

// randomKeys returns n keys of minLen to maxLen bytes of alphabet, each
// ended by '\n'.
func randomKeys(r *rand.Rand, n int, alphabet string, minLen, maxLen int) string {
	var b strings.Builder
	for range n {
		for range minLen + r.IntN(maxLen-minLen+1) {
			b.WriteByte(alphabet[r.IntN(len(alphabet))])
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// bucket orders names by the first byte of their keys as New does and
// returns where each byte's bucket starts.
func bucket(keys string, names []entry) (start [257]int) {
	slices.SortStableFunc(names, func(a, b entry) int { return cmp.Compare(keys[a], keys[b]) })
	for _, e := range names {
		start[int(keys[e])+1]++
	}
	for c := range 256 {
		start[c+1] += start[c]
	}
	return start
}
