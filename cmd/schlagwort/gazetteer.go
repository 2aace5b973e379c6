package main

import (
	"context"
	"fmt"
	"io"
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/schlagwort/schlagwort/internal/gazetteer"
)

// runGazetteer implements "schlagwort gazetteer check", "build" and "import".
func runGazetteer(_ context.Context, env *env, args []string) error {
	if len(args) > 0 && args[0] == "build" {
		return runBuild(env, args[1:])
	}
	if len(args) > 0 && args[0] == "import" {
		return runImport(env, args[1:])
	}
	if len(args) == 0 || args[0] != "check" {
		return fmt.Errorf("%w: gazetteer needs a subcommand: check, build or import", errUsage)
	}
	fs := newFlagSet("gazetteer check", env)
	var o Options
	o.Flags(fs)
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	g, err := o.Load()
	if err != nil {
		return err
	}
	printCounts(env.stdout, g)
	printTopics(env.stdout, g)
	printCommon(env.stdout, g)
	shared := g.SharedAliases()
	fmt.Fprintf(env.stdout, "%d aliases are shared by several entities (resolved per article from context):\n", len(shared))
	for _, s := range shared {
		fmt.Fprintf(env.stdout, "  %-30s %s\n", s.Alias, strings.Join(s.IDs, " "))
	}
	return nil
}

// printCounts prints the totals, then entities per type and per source.
func printCounts(w io.Writer, g *gazetteer.Gazetteer) {
	types, sources := map[string]int{}, map[string]int{}
	names := 0
	for _, e := range g.Entities {
		types[e.Type.String()]++
		for _, src := range strings.Split(e.Source(), ";") {
			sources[src]++
		}
		names += e.NumAliases()
	}
	fmt.Fprintf(w, "ok: %d entities (PER %d, LOC %d, ORG %d, OTH %d), %d names, version %s\n",
		len(g.Entities), types["PER"], types["LOC"], types["ORG"], types["OTH"], names, g.Version)
	fmt.Fprintf(w, "by source (an entity merged from several counts for each):\n")
	for _, src := range slices.Sorted(maps.Keys(sources)) {
		fmt.Fprintf(w, "  %-30s %d\n", src, sources[src])
	}
}

// printTopics prints the size of the topic lexicon.
func printTopics(w io.Writer, g *gazetteer.Gazetteer) {
	top, words := 0, 0
	for _, t := range g.Topics {
		if t.Parent == "" {
			top++
		}
		words += len(t.Words) + len(t.Strong)
	}
	fmt.Fprintf(w, "topics: %d (%d top levels), %d evidence words\n", len(g.Topics), top, words)
}

// printCommon lists the entities with names marked as everyday words.
func printCommon(w io.Writer, g *gazetteer.Gazetteer) {
	var lines []string
	for _, e := range g.Entities {
		for _, a := range e.Aliases() {
			if a.Common {
				lines = append(lines, fmt.Sprintf("  %-30s %s", a.Text, e.ID()))
			}
		}
	}
	sort.Strings(lines)
	fmt.Fprintf(w, "%d names are also everyday words (tagged only with evidence from the context):\n", len(lines))
	for _, l := range lines {
		fmt.Fprintln(w, l)
	}
}
