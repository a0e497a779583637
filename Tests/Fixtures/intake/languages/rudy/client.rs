use std::io::{Read, Write};
use std::net::TcpStream;

fn main() {
    let mut stream = TcpStream::connect("127.0.0.1:59620").unwrap();
    stream.write_all(b"rudy\n").unwrap();
    let mut reply = String::new();
    let _ = stream.read_to_string(&mut reply);
    println!("{}", reply);
}
