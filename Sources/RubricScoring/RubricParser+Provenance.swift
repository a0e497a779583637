import Foundation
import Yams

extension RubricParser {
    /// Reads `provenance:`: `published` (a date, or a date and time in UTC),
    /// `boilerplate` (a list of paths) and `similarity_threshold` (0 to 1).
    func parseProvenance(_ field: Field) throws(RubricError) -> ProvenanceSettings {
        let entry = try fields(of: field.value, named: "'provenance'", allowed: ["published", "boilerplate", "similarity_threshold"])
        var settings = ProvenanceSettings.defaults
        if let published = entry["published"] {
            let written = try text(published, allowEmpty: false)
            guard let date = Self.date(written) else {
                throw problem(at: published.key, "'published' must be a date such as 2026-10-26 or 2026-10-26T09:00:00Z, found '\(written)'")
            }
            settings.published = date
        }
        if let boilerplate = entry["boilerplate"] {
            guard let items = boilerplate.value.sequence else {
                throw problem(at: boilerplate.key, "'boilerplate' must be a list of file or folder paths, found \(describe(boilerplate.value))")
            }
            var paths: [String] = []
            for item in items {
                guard let path = item.scalar?.string, !path.isEmpty else {
                    throw problem(at: item, "each 'boilerplate' entry must be a path, found \(describe(item))")
                }
                paths.append(path)
            }
            settings.boilerplate = paths
        }
        if let threshold = entry["similarity_threshold"] {
            let value = try number(threshold, mustBePositive: true)
            guard value <= 1 else {
                throw problem(at: threshold.key, "'similarity_threshold' is a share of a file, from 0 to 1, found \(value)")
            }
            settings.similarityThreshold = value
        }
        return settings
    }

    /// YAML gives `2026-10-26` as text here (Yams does not make dates); both
    /// forms are read as UTC.
    static func date(_ text: String) -> Date? {
        let full = ISO8601DateFormatter()
        if let date = full.date(from: text) { return date }
        let day = ISO8601DateFormatter()
        day.formatOptions = [.withFullDate]
        return day.date(from: text)
    }
}
