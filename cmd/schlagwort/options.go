package main

import (
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/schlagwort/schlagwort/gazetteers"
	"github.com/schlagwort/schlagwort/internal/gazetteer"
	"github.com/schlagwort/schlagwort/internal/tagger"
)

// Options are the flags the commands share.
type Options struct {
	Gazetteers dirList // --gazetteer DIR, repeatable
}

// Flags registers the shared flags on fs.
func (o *Options) Flags(fs *flag.FlagSet) {
	fs.Var(&o.Gazetteers, "gazetteer", "directory of gazetteer files loaded on top of the embedded default (repeatable)")
}

// Load loads the embedded default gazetteer plus the --gazetteer layers.
func (o *Options) Load() (*gazetteer.Gazetteer, error) {
	layers := []gazetteer.Layer{{Name: "default", FS: gazetteers.FS}}
	for _, d := range o.Gazetteers {
		if st, err := os.Stat(d); err != nil || !st.IsDir() {
			return nil, fmt.Errorf("--gazetteer %s: not a directory", d)
		}
		layers = append(layers, gazetteer.Layer{Name: d, FS: os.DirFS(d)})
	}
	g, err := gazetteer.Load(layers...)
	if err != nil {
		return nil, fmt.Errorf("load gazetteer:\n%w", err)
	}
	return g, nil
}

// Tagger loads the gazetteers and builds a tagger.
func (o *Options) Tagger() (*tagger.Tagger, error) {
	g, err := o.Load()
	if err != nil {
		return nil, err
	}
	return tagger.New(g), nil
}

type dirList []string

func (d *dirList) String() string     { return strings.Join(*d, ",") }
func (d *dirList) Set(v string) error { *d = append(*d, v); return nil }

// newFlagSet returns a flag set that reports errors instead of exiting.
func newFlagSet(name string, env *env) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(env.stderr)
	return fs
}
