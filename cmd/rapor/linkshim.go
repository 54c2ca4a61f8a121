package main

// The release builds need a few link-time shims; see internal/linkshim.
import _ "github.com/hsu-lapor/rapor/internal/linkshim"
