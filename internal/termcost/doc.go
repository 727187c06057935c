// Package termcost measures what drawing costs on the wire: the bytes a
// program writes to its terminal for a step (a key, a poll result), and how
// many screen cells that step really changed, by replaying the stream into
// a virtual terminal (x/vt). Over SSH every byte is paid for, so the
// project's byte-cost benchmark (cli/bytecost_test.go) and the renderer's
// regression tests are built on it.
package termcost
