package main

import (
	"bufio"
	"fmt"
	"log"
	"net"

	"github.com/student/socketlab/internal/proto"
)

func main() {
	conn, err := net.Dial("tcp", "localhost:"+proto.Port)
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "go-module\n")
	reply, _ := bufio.NewReader(conn).ReadString('\n')
	fmt.Print(reply)
}
