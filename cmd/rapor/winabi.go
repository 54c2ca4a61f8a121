package main

// The Windows release build needs a C++ ABI shim; see internal/winabi.
import _ "github.com/hsu-lapor/rapor/internal/winabi"
