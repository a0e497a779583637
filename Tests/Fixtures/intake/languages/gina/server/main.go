// Lab 2 server, based on https://pkg.go.dev/net#example-Listener
package main

import (
	"fmt"
	"net"
)

func main() {
	ln, err := net.Listen("tcp", "127.0.0.1:59610")
	if err != nil {
		panic(err)
	}
	fmt.Println("listening on", ln.Addr())
	for {
		conn, err := ln.Accept()
		if err != nil {
			continue
		}
		buf := make([]byte, 1024)
		n, _ := conn.Read(buf)
		fmt.Printf("got %q\n", buf[:n])
		conn.Write([]byte(greeting(string(buf[:n]))))
		conn.Close()
	}
}
