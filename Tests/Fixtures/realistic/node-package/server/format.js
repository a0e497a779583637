// helpers for log lines
exports.format = (name) => `[${new Date().toISOString()}] ${name} says hi`;
