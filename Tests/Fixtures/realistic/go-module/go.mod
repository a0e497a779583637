module github.com/student/socketlab

go 1.22.5

toolchain go1.22.6
