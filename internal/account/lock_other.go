//go:build !unix

package account

// lockFile does not lock outside Unix: writes stay atomic (rename), but
// two processes saving at once may lose one of the two updates.
func lockFile(string) (func(), error) { return func() {}, nil }
