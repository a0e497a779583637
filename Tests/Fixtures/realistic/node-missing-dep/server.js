const { Server } = require("socket.io");

const io = new Server(59602);
io.on("connection", (socket) => {
  socket.on("hello", (name) => console.log("hello from", name));
});
