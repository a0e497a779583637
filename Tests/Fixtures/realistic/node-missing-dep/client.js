const { io } = require("socket.io-client");

const socket = io("http://localhost:59602");
socket.emit("hello", "node-missing-dep");
