// Package fake holds what the tests of postkit and of the screens over it
// share: fakes of the services a postkit.Kit uses (Posts, Agents) and of a
// timeline, that record every call and fail on demand, a fixed clock, and
// fixture posts and authors. It imports no postkit, so postkit's own tests
// can use it as well as postkittest and the screens' tests. Only tests
// import it.
package fake
