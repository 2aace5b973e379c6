package main

import (
	"context"
	"fmt"
	"strings"
)

// runGazetteer implements "schlagwort gazetteer check".
func runGazetteer(_ context.Context, env *env, args []string) error {
	if len(args) > 0 && args[0] == "build" {
		return runBuild(env, args[1:])
	}
	if len(args) == 0 || args[0] != "check" {
		return fmt.Errorf("%w: gazetteer needs a subcommand: check or build", errUsage)
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
	counts := map[string]int{}
	aliases := 0
	for _, e := range g.Entities {
		counts[e.Type.String()]++
		aliases += len(e.Aliases)
	}
	fmt.Fprintf(env.stdout, "ok: %d entities (PER %d, LOC %d, ORG %d, OTH %d), %d names, version %s\n",
		len(g.Entities), counts["PER"], counts["LOC"], counts["ORG"], counts["OTH"], aliases, g.Version)
	shared := g.SharedAliases()
	fmt.Fprintf(env.stdout, "%d aliases are shared by several entities (resolved per article from context):\n", len(shared))
	for _, s := range shared {
		fmt.Fprintf(env.stdout, "  %-30s %s\n", s.Alias, strings.Join(s.IDs, " "))
	}
	return nil
}
