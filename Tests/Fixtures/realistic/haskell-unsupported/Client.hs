import Network.Socket
import qualified Network.Socket.ByteString as NSB
import qualified Data.ByteString.Char8 as C

main :: IO ()
main = do
  sock <- socket AF_INET Stream 0
  connect sock (SockAddrInet 59707 (tupleToHostAddress (127, 0, 0, 1)))
  NSB.sendAll sock (C.pack "haskell-unsupported")
