// Package bench holds the end-to-end benchmarks quoted in the README: the
// tagger on the default and on a generated 1,000,000-alias gazetteer, the
// load of that gazetteer, the start-up of a server with it, the build of
// its name lookup, and prose's pipeline on the same corpus.
package bench
