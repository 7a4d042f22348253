import ArgumentParser
import Foundation
import TabellaVerifier

/// The human-readable form of a verification report: one line per step.
enum VerificationReportText {
    /// `Step  5  passed           1100 selections  well-formedness of selection encryptions`, and so on.
    static func render(_ report: VerificationReport, kind: String) -> String {
        var lines = ["\(kind) \(report.record)"]
        for step in report.steps {
            let number = String(step.step).leftPadded(to: 2)
            let status = step.status.rawValue.padded(to: 15)
            let count = step.status == .notApplicable ? "" : "\(step.checked) \(step.unit)"
            var line = "Step \(number)  \(status) \(count.padded(to: 28)) \(step.title)"
            if let reason = step.reason { line += " (\(reason))" }
            if !step.failures.isEmpty { line += " — \(step.failures.count) failure(s)" }
            lines.append(line)
        }
        let applicable = report.steps.filter { $0.status != .notApplicable }
        let passed = applicable.filter { $0.status == .passed }
        if report.importFailure == nil {
            lines.append("\(passed.count) of \(applicable.count) applicable steps passed")
        }
        return lines.joined(separator: "\n")
    }
}

extension VerificationReportText {
    /// Prints the report (as text, or as JSON), then the reason it failed, and exits the way every verify command
    /// does: normally when every applicable step passed, with 1 on a failed step, with 2 when the record could not
    /// be read.
    static func emit(_ report: VerificationReport, json: Bool, kind: String) throws {
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        } else {
            print(render(report, kind: kind))
        }
        if let failure = report.importFailure {
            if !json { print("The record cannot be read: \(failure)") }
            throw ExitCode(2)
        }
        if let failure = report.firstFailure {
            if !json { print("First failure: \(failure)") }
            throw ExitCode(1)
        }
    }
}

extension String {
    /// The string padded with spaces on the right to `width` characters.
    fileprivate func padded(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }

    /// The string padded with spaces on the left to `width` characters.
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
