package main

import (
	"fmt"
	"net"
)

func main() {
	conn, err := net.Dial("tcp", "127.0.0.1:59610")
	if err != nil {
		panic(err)
	}
	defer conn.Close()
	conn.Write([]byte("gina\n"))
	buf := make([]byte, 1024)
	n, _ := conn.Read(buf)
	fmt.Println(string(buf[:n]))
}
