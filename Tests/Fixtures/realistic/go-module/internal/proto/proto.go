package proto

// Port is where the server listens.
const Port = "59401"

// Greeting is what the server answers.
func Greeting(name string) string { return "hello, " + name + "\n" }
