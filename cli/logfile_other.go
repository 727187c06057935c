//go:build !unix

package cli

// noFollow is 0 where the system has no O_NOFOLLOW; openLogFile's Lstat
// still refuses a link that is there when it looks.
const noFollow = 0
