extension JSONValue {
    /// The value as pretty-printed JSON text with sorted keys, in the layout
    /// JSONEncoder gives with `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`.
    ///
    /// Written directly rather than through JSONEncoder because `inspect
    /// --json` on a capture with thousands of conversations spent a sixth of
    /// its time in the encoder's boxing of every value. Non-finite doubles,
    /// which JSON cannot hold, are written as `null`.
    public var prettyText: String { prettyText(compactDepth: .max) }

    /// `prettyText`, except that every container at `compactDepth` or deeper
    /// (the value itself is at 0) is written on one line, without spaces, as
    /// JSONEncoder writes compact JSON: with 2, each element of a top-level
    /// list gets a line of its own.
    public func prettyText(compactDepth: Int) -> String {
        var writer = JSONStreamWriter(output: nil, compactDepth: compactDepth)
        writer.value(self)
        return String(decoding: writer.bytes.bytes, as: UTF8.self)
    }
}

extension JSONValue {
    /// `prettyText` of the object `members` plus the members `streamed` adds,
    /// written by their closures straight into the writer, handed to
    /// `output` a piece at a time: a long array (100,000 conversations) is
    /// never held whole, neither as values nor as text, and is never built
    /// as values at all (building them was nearly half of `inspect --json`).
    /// `compactDepth` is as for `prettyText(compactDepth:)`.
    public static func writePrettyText(
        _ members: [String: JSONValue], streamed: [String: (inout JSONStreamWriter) -> Void],
        compactDepth: Int = .max, to output: (UnsafeRawBufferPointer) -> Void
    ) {
        withoutActuallyEscaping(output) { output in
            var writer = JSONStreamWriter(output: output, compactDepth: compactDepth)
            writer.beginObject()
            for key in Set(members.keys).union(streamed.keys).sorted() {
                writer.key(named: key)
                if let write = streamed[key] {
                    write(&writer)
                } else {
                    writer.value(members[key] ?? .null)
                }
            }
            writer.endObject()
            writer.flush()
        }
    }
}
