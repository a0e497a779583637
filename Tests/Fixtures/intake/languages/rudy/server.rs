// Adapted from the Rust book, chapter 20 (single-threaded web server).
use std::io::{Read, Write};
use std::net::TcpListener;

fn main() {
    let listener = TcpListener::bind("127.0.0.1:59620").unwrap();
    println!("listening");
    for stream in listener.incoming() {
        let mut stream = stream.unwrap();
        let mut buf = [0u8; 1024];
        let n = stream.read(&mut buf).unwrap_or(0);
        println!("got {:?}", String::from_utf8_lossy(&buf[..n]));
        let _ = stream.write_all(b"ok\n");
    }
}
