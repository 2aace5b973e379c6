package bench

import (
	"bufio"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
)

// syllables build German-looking made-up names; generated names must not
// collide with real ones by accident more than real gazetteers do.
var syllables = strings.Fields("ber lin ham burg mun chen kol stadt dorf hau sen wal ter ger hard fried rich ma rie an ton lud wig ka tha ri na sel ow itz ski mann er ing en ro sa li bo ra du ve ne zia mo ta pe tro gra no vak ku ba hel ga sven jo han nes lo ren zo")

// name makes a capitalised made-up word of 2–4 syllables.
func name(r *rand.Rand) string {
	var b strings.Builder
	n := 2 + r.IntN(3)
	for i := 0; i < n; i++ {
		b.WriteString(syllables[r.IntN(len(syllables))])
	}
	s := b.String()
	return strings.ToUpper(s[:1]) + s[1:]
}

// WriteGazetteer writes a gazetteer file with about aliases names (name
// plus aliases= entries): persons with two-word names and a surname alias,
// organisations with three-word names and an acronym, places with one
// word. It returns the number of names written.
func WriteGazetteer(w io.Writer, aliases int, seed uint64) (int, error) {
	r := rand.New(rand.NewPCG(seed, 1))
	bw := bufio.NewWriter(w)
	n := 0
	for i := 0; n < aliases; i++ {
		var line string
		switch i % 3 {
		case 0:
			first, last := name(r), name(r)
			line = fmt.Sprintf("per/gen-%d\tPER\t%s %s\taliases=%s %s\tsrc=generated\n", i, first, last, first[:1]+".", last)
		case 1:
			a, b, c := name(r), name(r), name(r)
			line = fmt.Sprintf("org/gen-%d\tORG\t%s %s %sgesellschaft\taliases=%s\tsrc=generated\n", i, a, b, strings.ToLower(c), strings.ToUpper(a[:1]+b[:1]+c[:2]))
		default:
			line = fmt.Sprintf("loc/gen-%d\tLOC\t%s\taliases=%s-%s\tsrc=generated\n", i, name(r), name(r), name(r))
		}
		n += 2
		if _, err := bw.WriteString(line); err != nil {
			return n, err
		}
	}
	return n, bw.Flush()
}
