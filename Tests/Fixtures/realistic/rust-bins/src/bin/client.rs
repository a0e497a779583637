use std::io::Write;
use std::net::TcpStream;

fn main() {
    let mut stream = TcpStream::connect(("localhost", 59502)).expect("connect failed");
    stream.write_all(b"rust-bins").unwrap();
}
