import Network.Socket
import qualified Network.Socket.ByteString as NSB

main :: IO ()
main = do
  sock <- socket AF_INET Stream 0
  bind sock (SockAddrInet 59707 (tupleToHostAddress (127, 0, 0, 1)))
  listen sock 1
  (conn, _) <- accept sock
  msg <- NSB.recv conn 1024
  print msg
