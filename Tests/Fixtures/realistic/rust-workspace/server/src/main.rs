use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;

fn main() -> std::io::Result<()> {
    let listener = TcpListener::bind("127.0.0.1:59501")?;
    println!("Server listening on port 59501");
    for stream in listener.incoming() {
        let mut stream = stream?;
        let mut line = String::new();
        BufReader::new(&stream).read_line(&mut line)?;
        println!("Received: {}", line.trim_end());
        stream.write_all(format!("Hello, {line}").as_bytes())?;
        break;
    }
    Ok(())
}
