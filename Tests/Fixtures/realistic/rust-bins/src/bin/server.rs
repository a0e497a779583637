use std::io::Read;
use std::net::TcpListener;

fn main() {
    let listener = TcpListener::bind("127.0.0.1:59502").expect("could not bind");
    let (mut socket, peer) = listener.accept().expect("accept failed");
    let mut buf = [0u8; 256];
    let n = socket.read(&mut buf).unwrap_or(0);
    println!("{peer} sent {}", String::from_utf8_lossy(&buf[..n]));
}
