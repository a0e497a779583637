package main

import (
	"bufio"
	"fmt"
	"log"
	"net"

	"github.com/student/socketlab/internal/proto"
)

func main() {
	ln, err := net.Listen("tcp", "127.0.0.1:"+proto.Port)
	if err != nil {
		log.Fatal(err)
	}
	defer ln.Close()
	fmt.Println("listening on", ln.Addr())
	conn, err := ln.Accept()
	if err != nil {
		log.Fatal(err)
	}
	name, _ := bufio.NewReader(conn).ReadString('\n')
	fmt.Fprint(conn, proto.Greeting(name))
	conn.Close()
}
