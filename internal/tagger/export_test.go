package tagger

// UTF16Len exposes utf16Len to the external tests.
var UTF16Len = utf16Len
